"""Oracles for the h48b set-aside snippets (heldout48), as its gatherer wrote them."""
import torch
from torch import nn

__all__ = []


def _export(f):
    __all__.append(f.__name__)
    return f


def _p(*shape):
    return nn.Parameter(torch.randn(*shape) * 0.1)


# mila-iqia/summerschool2015 rnn_lstm.tex, "Standard Architecture": W_{xh} (h,x), W_{hh} (h,h), b_h (h), W_{hy} (y,h), b_y (y);
# q and r are parameter-free nonlinearities (tanh and identity here); Count: h*x + h*h + h + y*h + y.
@_export
def h48b_milass15_rnn(x=7, h=5, y=3):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_xh = _p(h, x)
            self.W_hh = _p(h, h)
            self.b_h = _p(h)
            self.W_hy = _p(y, h)
            self.b_y = _p(y)

        def forward(self, x_t, h_prev):
            h_t = torch.tanh(x_t @ self.W_xh.T + h_prev @ self.W_hh.T + self.b_h)
            y_t = h_t @ self.W_hy.T + self.b_y
            return y_t, h_t
    return Cell()


# mila-iqia/summerschool2015 rnn_lstm.tex, "Update Equations": per q in {i, j, f, o} W_{xq} (h,x), W_{hq} (h,h), b_q (h);
# i_t tanh candidate, j_t sigmoid gate, \otimes element-wise; Count: 4*(h*x + h*h + h).
@_export
def h48b_milass15_lstm(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_x = nn.ParameterDict({q: _p(h, x) for q in "ijfo"})
            self.W_h = nn.ParameterDict({q: _p(h, h) for q in "ijfo"})
            self.b = nn.ParameterDict({q: _p(h) for q in "ijfo"})

        def _a(self, q, x_t, h_prev):
            return x_t @ self.W_x[q].T + h_prev @ self.W_h[q].T + self.b[q]

        def forward(self, x_t, state):
            h_prev, c_prev = state
            i = torch.tanh(self._a("i", x_t, h_prev))
            j = torch.sigmoid(self._a("j", x_t, h_prev))
            f = torch.sigmoid(self._a("f", x_t, h_prev))
            o = torch.sigmoid(self._a("o", x_t, h_prev))
            c_t = f * c_prev + i * j
            h_t = torch.tanh(c_t) * o
            return h_t, (h_t, c_t)
    return Cell()


# paknap/FEIStyle uns.tex, Slovak RNN: H_t = sigma(W_{xh} X_t + W_{hh} H_{t-1} + b_h); W_{xh} (h,x), W_{hh} (h,h), b_h (h);
# output softmax/sigmoid mentioned without any weight, not counted; Count: h*x + h*h + h.
@_export
def h48b_feistyle_rnn(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_xh = _p(h, x)
            self.W_hh = _p(h, h)
            self.b_h = _p(h)

        def forward(self, x_t, h_prev):
            return torch.tanh(x_t @ self.W_xh.T + h_prev @ self.W_hh.T + self.b_h)
    return Cell()


# haraldott/ausarbeitung 2-background.tex, Graves peephole LSTM: per gate q in {f, i, c, o} W_{xq} (h,x), W_{hq} (h,h), b_q (h);
# peepholes W_{cf}, W_{ci}, W_{co} read as full (h,h) matrices (written as plain W; 275 if diagonal); the commented-out
# Olah block is not typeset and not counted; Count: 4*(h*x + h*h + h) + 3*h*h.
@_export
def h48b_ausarbeitung_peephole(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_x = nn.ParameterDict({q: _p(h, x) for q in "fico"})
            self.W_h = nn.ParameterDict({q: _p(h, h) for q in "fico"})
            self.b = nn.ParameterDict({q: _p(h) for q in "fico"})
            self.W_c = nn.ParameterDict({q: _p(h, h) for q in "fio"})

        def _a(self, q, x_t, h_prev):
            return x_t @ self.W_x[q].T + h_prev @ self.W_h[q].T + self.b[q]

        def forward(self, x_t, state):
            h_prev, c_prev = state
            f = torch.sigmoid(self._a("f", x_t, h_prev) + c_prev @ self.W_c["f"].T)
            i = torch.sigmoid(self._a("i", x_t, h_prev) + c_prev @ self.W_c["i"].T)
            c_hat = torch.tanh(self._a("c", x_t, h_prev))
            c_t = f * c_prev + i * c_hat
            o = torch.sigmoid(self._a("o", x_t, h_prev) + c_t @ self.W_c["o"].T)
            h_t = o * torch.tanh(c_t)
            return h_t, (h_t, c_t)
    return Cell()


# AlgebraLoveme/NLP-cheatsheet language-model.tex, vanilla RNN LM step: W_1 (h,h) on h_{t-1}, W_2 (h,e) on the embedding
# e(y_{t-1}) of size e, no bias, sigma = tanh; embedding lookup e(.) and output word vectors w_y (vocabulary-sized, n-gram
# part) are not cell parameters; Count: h*h + h*e.
@_export
def h48b_nlpcheat_rnnlm(e=7, h=5):
    x = e
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_1 = _p(h, h)
            self.W_2 = _p(h, x)

        def forward(self, e_prev, h_prev):
            return torch.tanh(h_prev @ self.W_1.T + e_prev @ self.W_2.T)
    return Cell()


# Rishad-007/paper-for-pubish methodology.tex, LSTM: per gate q in {f, i, c, o} W_q (h, h+x) on [h_{t-1}, x_t], b_q (h);
# Count: 4*(h*(h+x) + h).
@_export
def h48b_vatpaper_lstm(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W = nn.ParameterDict({q: _p(h, h + x) for q in "fico"})
            self.b = nn.ParameterDict({q: _p(h) for q in "fico"})

        def forward(self, x_t, state):
            h_prev, c_prev = state
            z = torch.cat([h_prev, x_t], dim=-1)
            a = {q: z @ self.W[q].T + self.b[q] for q in "fico"}
            f, i, o = torch.sigmoid(a["f"]), torch.sigmoid(a["i"]), torch.sigmoid(a["o"])
            c_t = f * c_prev + i * torch.tanh(a["c"])
            h_t = o * torch.tanh(c_t)
            return h_t, (h_t, c_t)
    return Cell()


# hmd101/2013-pascanu-et-al-poster poster.tex, RNN x_t = W_rec sigma(x_{t-1}) + W_in u_t + b: state size x, input size u;
# W_rec (x,x), W_in (x,u), b (x); Count: x*x + x*u + x.
@_export
def h48b_pascanuposter_rnn(x=5, u=7):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_rec = _p(x, x)
            self.W_in = _p(x, u)
            self.b = _p(x)

        def forward(self, u_t, x_prev):
            return torch.sigmoid(x_prev) @ self.W_rec.T + u_t @ self.W_in.T + self.b
    return Cell()


# hmd101/2013-pascanu-et-al-poster poster.tex, toy RNN x_t = w sigma(x_{t-1}) + b with scalar state (x=1), no input;
# w (x,x), b (x); Count: x*x + x (= 2 for the scalar case).
@_export
def h48b_pascanuposter_scalar(x=1):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.w = _p(x, x)
            self.b = _p(x)

        def forward(self, x_prev):
            return torch.sigmoid(x_prev) @ self.w.T + self.b
    return Cell()


# haraldott/ausarbeitung 5-related_work.tex, LogRobust attention Bi-LSTM (most plausible reading): one standard LSTM per
# direction with W (4h,x), U (4h,h), b (4h); attention alpha_t = tanh(W^alpha_t h_t) with a separate W^alpha_t (1, 2h) per
# time step t = 1..T; prediction softmax(W sum_t alpha_t h_t) with W (y, 2h), no bias written;
# Count: 2*4*(h*x + h*h + h) + T*2h + y*2h.
@_export
def h48b_ausarbeitung_attbilstm(x=300, h=5, T=4, y=2):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W = nn.ParameterDict({d: _p(4 * h, x) for d in ("f", "b")})
            self.U = nn.ParameterDict({d: _p(4 * h, h) for d in ("f", "b")})
            self.bias = nn.ParameterDict({d: _p(4 * h) for d in ("f", "b")})
            self.W_alpha = nn.ParameterList([_p(1, 2 * h) for _ in range(T)])
            self.W_out = _p(y, 2 * h)

        def _lstm(self, d, x_t, state):
            h_prev, c_prev = state
            a = x_t @ self.W[d].T + h_prev @ self.U[d].T + self.bias[d]
            i, f, g, o = a.chunk(4, dim=-1)
            c = torch.sigmoid(f) * c_prev + torch.sigmoid(i) * torch.tanh(g)
            return torch.sigmoid(o) * torch.tanh(c), c

        def forward(self, xs):
            B = xs.shape[1]
            z = lambda: (torch.zeros(B, h), torch.zeros(B, h))
            sf, sb, hf, hb = z(), z(), [], []
            for t in range(T):
                sf = self._lstm("f", xs[t], sf); hf.append(sf[0])
                sb = self._lstm("b", xs[T - 1 - t], sb); hb.insert(0, sb[0])
            hs = [torch.cat([hf[t], hb[t]], dim=-1) for t in range(T)]
            s = sum(torch.tanh(hs[t] @ self.W_alpha[t].T) * hs[t] for t in range(T))
            return torch.softmax(s @ self.W_out.T, dim=-1)
    return Cell()


# weber-andreas/adl4cv 08_sequence_modelling.tex, RNN/LSTM in prose only (most plausible reading: a plain tanh RNN whose
# shared weights "A" are W (h,x), U (h,h) and a bias (h)); the text writes no update equation, so no count is determined;
# Count of this reading: h*x + h*h + h.
@_export
def h48b_adl4cv_rnnlstm(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W = _p(h, x)
            self.U = _p(h, h)
            self.b = _p(h)

        def forward(self, x_t, h_prev):
            return torch.tanh(x_t @ self.W.T + h_prev @ self.U.T + self.b)
    return Cell()


# Dawntown/ReadBooksWeekly term2week9 notes, Vec2Seq RNN: input [x; y_{t-1}] of size D + C; W_x2h (h, D+C), W_h2h (h,h),
# b_h (h); output W_h2y (C,h), b_h2y (C) (softmax or Gaussian mean; sigma^2 taken as fixed); phi = tanh;
# Count: h*(D+C) + h*h + h + C*h + C.
@_export
def h48b_readbooks_vec2seq(D=7, C=3, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_x2h = _p(h, D + C)
            self.W_h2h = _p(h, h)
            self.b_h = _p(h)
            self.W_h2y = _p(C, h)
            self.b_h2y = _p(C)

        def forward(self, x, y_prev, h_prev):
            h_t = torch.tanh(torch.cat([x, y_prev], dim=-1) @ self.W_x2h.T + h_prev @ self.W_h2h.T + self.b_h)
            return torch.softmax(h_t @ self.W_h2y.T + self.b_h2y, dim=-1), h_t
    return Cell()


# Dawntown/ReadBooksWeekly term2week9 notes, Seq2Vec: bidirectional reading (both directions written out): per direction
# W_x2h (h,D), W_h2h (h,h), b_h (h); classifier W (C, 2h), no bias; the unidirectional case (forward RNN + W (C,h)) gives 80;
# Count (bidirectional): 2*(h*D + h*h + h) + C*2*h.
@_export
def h48b_readbooks_seq2vec(D=7, C=3, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_x2h = nn.ParameterDict({d: _p(h, D) for d in ("fw", "bw")})
            self.W_h2h = nn.ParameterDict({d: _p(h, h) for d in ("fw", "bw")})
            self.b_h = nn.ParameterDict({d: _p(h) for d in ("fw", "bw")})
            self.W = _p(C, 2 * h)

        def _step(self, d, x_t, h_nb):
            return torch.tanh(x_t @ self.W_x2h[d].T + h_nb @ self.W_h2h[d].T + self.b_h[d])

        def forward(self, xs):
            T, B = xs.shape[0], xs.shape[1]
            hf, hb = torch.zeros(B, h), torch.zeros(B, h)
            fw, bw = [], [None] * T
            for t in range(T):
                hf = self._step("fw", xs[t], hf); fw.append(hf)
            for t in reversed(range(T)):
                hb = self._step("bw", xs[t], hb); bw[t] = hb
            h_star = sum(torch.cat([fw[t], bw[t]], dim=-1) for t in range(T)) / T
            return torch.softmax(h_star @ self.W.T, dim=-1)
    return Cell()
