import torch
from torch import nn

__all__ = []


def _export(f):
    __all__.append(f.__name__)
    return f


def _p(*shape):
    return nn.Parameter(torch.randn(*shape) * 0.1)


# slds-lmu/lecture_i2dl:slides/rnn/slides-modernrnn.tex (LSTM frame). Gates e (forget), i, o and the new
# information s~ each have b (z), V (z x z, used as V^T z) and W (x x z, used as W^T x). Cell s has the
# size of z (z = o * tanh(s)). 4(xz + z^2 + z).
@_export
def h15e_lmu_i2dl_lstm(x=7, z=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            for g in ("e", "i", "o", "s"):
                setattr(self, "b_" + g, _p(z))
                setattr(self, "V_" + g, _p(z, z))
                setattr(self, "W_" + g, _p(x, z))

        def _g(self, g, xt, zp):
            return getattr(self, "b_" + g) + getattr(self, "V_" + g).T @ zp + getattr(self, "W_" + g).T @ xt

        def forward(self, xt, zp, sp):
            e = torch.sigmoid(self._g("e", xt, zp))
            i = torch.sigmoid(self._g("i", xt, zp))
            st = torch.tanh(self._g("s", xt, zp))
            s = e * sp + i * st
            o = torch.sigmoid(self._g("o", xt, zp))
            return o * torch.tanh(s), s

    return Cell()


# slds-lmu/lecture_i2dl:lecture_DL_2017_2021/2021/08-rnns/slides-8-2-modernrnn.tex (GRU vbframes).
# Row-vector minibatch form; W_{xr}, W_{xz}, W_{xh} in R^{d x h}, W_{hr}, W_{hz}, W_{hh} in R^{h x h},
# b_r, b_z, b_h in R^{1 x h}. n is the batch size. 3(dh + h^2 + h).
@_export
def h15e_lmu_i2dl_gru_rowvec(d=7, h=5, n=3):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_xr, self.W_xz, self.W_xh = _p(d, h), _p(d, h), _p(d, h)
            self.W_hr, self.W_hz, self.W_hh = _p(h, h), _p(h, h), _p(h, h)
            self.b_r, self.b_z, self.b_h = _p(1, h), _p(1, h), _p(1, h)

        def forward(self, X, H):
            R = torch.sigmoid(X @ self.W_xr + H @ self.W_hr + self.b_r)
            Z = torch.sigmoid(X @ self.W_xz + H @ self.W_hz + self.b_z)
            Ht = torch.tanh(X @ self.W_xh + (R * H) @ self.W_hh + self.b_h)
            return Z * H + (1 - Z) * Ht

    return Cell()


# GokuMohandas/Made-With-ML:notebooks/13_Recurrent_Neural_Networks.ipynb (markdown cell under # Overview).
# W_hh in R^{HXH}, W_xh in R^{EXH}, b_h in R^{HX1}; N is the batch size. H^2 + EH + H.
@_export
def h15e_madewithml_rnn(E=7, H=5, N=3):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_hh = _p(H, H)
            self.W_xh = _p(E, H)
            self.b_h = _p(H, 1)

        def forward(self, X, h):
            # X: (N, E), h: (N, H)
            return torch.tanh(h @ self.W_hh + X @ self.W_xh + self.b_h.T)

    return Cell()


# stored file id 26137634950 (## Long Short-Term Memory). Graves notation: input gate iota, forget gate phi,
# output gate omega and cell input c each have weights w_{i.} from the I inputs and w_{h.} from the H cell
# outputs b_h^{t-1}; no bias terms; H cells. 4H(I + H).
@_export
def h15e_vgnote_lstm_graves_sums(I=7, H=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            for g in ("iota", "phi", "omega", "c"):
                setattr(self, "w_i_" + g, _p(I, H))
                setattr(self, "w_h_" + g, _p(H, H))

        def _a(self, g, x, b):
            return x @ getattr(self, "w_i_" + g) + b @ getattr(self, "w_h_" + g)

        def forward(self, x, b_prev, s_prev):
            bi = torch.sigmoid(self._a("iota", x, b_prev))
            bf = torch.sigmoid(self._a("phi", x, b_prev))
            bo = torch.sigmoid(self._a("omega", x, b_prev))
            s = bf * s_prev + bi * torch.tanh(self._a("c", x, b_prev))
            return bo * torch.tanh(s), s

    return Cell()


# stored file id 26137634950 (## Recurrent Neural Networks). Graves notation, no biases: w_{ih} (I x H),
# w_{h'h} (H x H), output layer w_{hk} (H x K) in the forward pass. IH + H^2 + HK.
@_export
def h15e_vgnote_rnn_graves_sums(I=7, H=5, K=3):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.w_ih = _p(I, H)
            self.w_hh = _p(H, H)
            self.w_hk = _p(H, K)

        def forward(self, x, b_prev):
            b = torch.tanh(x @ self.w_ih + b_prev @ self.w_hh)
            y = torch.tanh(b @ self.w_hk)
            return y, b

    return Cell()


# AKSoo/CS231n-2017:assignment3/LSTM_Captioning.ipynb (markdown cell # LSTM). Stacked weights:
# W_x in R^{4H x D}, W_h in R^{4H x H}, one bias b in R^{4H}; N is the batch size. 4H(D + H + 1).
@_export
def h15e_cs231n_a3_lstm_stacked(D=7, H=5, N=3):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_x = _p(4 * H, D)
            self.W_h = _p(4 * H, H)
            self.b = _p(4 * H)

        def forward(self, x, h, c):
            a = self.W_x @ x + self.W_h @ h + self.b
            ai, af, ao, ag = a.split(H)
            i, f, o, g = torch.sigmoid(ai), torch.sigmoid(af), torch.sigmoid(ao), torch.tanh(ag)
            c = f * c + i * g
            return o * torch.tanh(c), c

    return Cell()


# elte-nlp/elte-nlp-course:lecture_source/nlp_9-rnn_lm.md (slides Long Short-Term Memory .. Output).
# Olah-style W_f, W_i, W_C, W_o acting on [h_{t-1}, x_t] (d x (d + x)), one bias per gate (d). 4d(d + x + 1).
@_export
def h15e_elte_nlp_lstm_concat(x=7, d=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.f = nn.Linear(d + x, d)
            self.i = nn.Linear(d + x, d)
            self.C = nn.Linear(d + x, d)
            self.o = nn.Linear(d + x, d)

        def forward(self, xt, h, C):
            hx = torch.cat([h, xt], -1)
            f, i, o = torch.sigmoid(self.f(hx)), torch.sigmoid(self.i(hx)), torch.sigmoid(self.o(hx))
            C = f * C + i * torch.tanh(self.C(hx))
            return o * torch.tanh(C), C

    return Cell()


# elte-nlp/elte-nlp-course:lecture_source/nlp_9-rnn_lm.md (slide Recurrent Neural Networks cont.). Elman
# network h_t = a_h(U x_t + W h_{t-1} + b_h), o_t = a_o(V h_t + b_o). xh + h^2 + h + ho + o.
@_export
def h15e_elte_nlp_elman(x=7, h=5, o=3):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.U = _p(h, x)
            self.W = _p(h, h)
            self.b_h = _p(h)
            self.V = _p(o, h)
            self.b_o = _p(o)

        def forward(self, xt, hp):
            ht = torch.tanh(self.U @ xt + self.W @ hp + self.b_h)
            return torch.sigmoid(self.V @ ht + self.b_o), ht

    return Cell()


# afonsky/DL-Lecture-7:slides/3_RNN.md (slide Recurrent Neural Networks with Hidden States). Row-vector
# H_t = phi(X_t W_xh + H_{t-1} W_hh + b_h), O_t = H_t W_hq + b_q. XH + H^2 + H + HO + O.
@_export
def h15e_slidev_rnn_output(X=7, H=5, O=3):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_xh = _p(X, H)
            self.W_hh = _p(H, H)
            self.b_h = _p(H)
            self.W_hq = _p(H, O)
            self.b_q = _p(O)

        def forward(self, Xt, Hp):
            Ht = torch.tanh(Xt @ self.W_xh + Hp @ self.W_hh + self.b_h)
            return Ht @ self.W_hq + self.b_q, Ht

    return Cell()


# vistalab-technion/cs236781-tutorials:t08- RNN/tutorial8-SeqModels.ipynb (markdown cell "A basic RNN can be
# defined as follows."). W_hh (d_h x d_h), W_xh (d_h x d_i), W_hy (d_o x d_h), b_h (d_h), b_y (d_o).
# d_h^2 + d_h d_i + d_o d_h + d_h + d_o.
@_export
def h15e_technion_rnn_output(d_i=7, d_h=5, d_o=3):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_hh = _p(d_h, d_h)
            self.W_xh = _p(d_h, d_i)
            self.W_hy = _p(d_o, d_h)
            self.b_h = _p(d_h)
            self.b_y = _p(d_o)

        def forward(self, xt, hp):
            ht = torch.tanh(self.W_hh @ hp + self.W_xh @ xt + self.b_h)
            return torch.sigmoid(self.W_hy @ ht + self.b_y), ht

    return Cell()
