"""Oracles for the h50b set-aside snippets (heldout50), as its gatherer wrote them."""
import torch
from torch import nn

__all__ = []


def _export(f):
    __all__.append(f.__name__)
    return f


def _p(*shape):
    return nn.Parameter(torch.randn(*shape) * 0.1)


# pikkster/thesis sections/ml.tex, Elman RNN with output layer; W_rec (h x h), W_x (h x x), the bias b_n (h) that the
# text says "would be added to the inner expression in equation 1", W_y (y x h), no output bias;
# Count: h^2 + hx + h + yh.
@_export
def h50b_pikkster_rnn(x=7, h=5, y=3):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_rec, self.W_x, self.b = _p(h, h), _p(h, x), _p(h)
            self.W_y = _p(y, h)

        def forward(self, xn, hp):
            hn = torch.tanh(self.W_rec @ hp + self.W_x @ xn + self.b)
            return torch.tanh(self.W_y @ hn), hn
    return Cell()


# pikkster/thesis sections/ml.tex, LSTM; W_f, W_i, W_c, W_o each (h x (h + x)) on [h_{n-1}, x_n], biases b_f, b_i,
# b_C, b_o (h); Count: 4(h(h + x) + h).
@_export
def h50b_pikkster_lstm(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_f, self.W_i, self.W_c, self.W_o = (_p(h, h + x) for _ in range(4))
            self.b_f, self.b_i, self.b_C, self.b_o = (_p(h) for _ in range(4))

        def forward(self, xn, hc):
            hp, cp = hc
            v = torch.cat([hp, xn])
            f = torch.sigmoid(self.W_f @ v + self.b_f)
            i = torch.sigmoid(self.W_i @ v + self.b_i)
            ct = torch.tanh(self.W_c @ v + self.b_C)
            c = f * cp + i * ct
            o = torch.sigmoid(self.W_o @ v + self.b_o)
            return o * torch.tanh(c), c
    return Cell()


# letimrgb/DeepLearning Project1/latex/main.tex, LSTM given by three gates only; most plausible reading: a standard
# LSTM whose W_q act on [h_{t-1}, x_t] with one bias b_q each, the unwritten candidate built the same way:
# W_i, W_o, W_f, W_c (h x (h + x)), b_i, b_o, b_f, b_c (h); Count: 4(h(h + x) + h). (Written gates only: 3(h(h+x)+h);
# PyTorch nn.LSTM: 4(h(h+x)) + 8h.)
@_export
def h50b_letimrgb_lstm(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_i, self.W_o, self.W_f, self.W_c = (_p(h, h + x) for _ in range(4))
            self.b_i, self.b_o, self.b_f, self.b_c = (_p(h) for _ in range(4))

        def forward(self, xt, hc):
            hp, cp = hc
            v = torch.cat([hp, xt])
            i = torch.sigmoid(self.W_i @ v + self.b_i)
            o = torch.sigmoid(self.W_o @ v + self.b_o)
            f = torch.sigmoid(self.W_f @ v + self.b_f)
            g = torch.tanh(self.W_c @ v + self.b_c)
            c = f * cp + i * g
            return o * torch.tanh(c), c
    return Cell()


# shadowusr/bachelors-thesis sections/section-1-sub/text-generation.tex, multiplicative RNN (Sutskever 2011) as the
# thesis writes it: f_t = diag(W_fx x_t) W_fh h_{t-1}, h_t = tanh(W_hf f_t + W_hx x_t) (no bias written), output
# o_t = W_oh h_t + b_o kept from the standard RNN and fed to Softmax over the next character (o has the size of x):
# W_fx (f x x), W_fh (f x h), W_hf (h x f), W_hx (h x x), W_oh (x x h), b_o (x);
# Count: fx + fh + hf + hx + xh + x.
@_export
def h50b_shadowusr_mrnn(x=7, h=5, f=4):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_fx, self.W_fh = _p(f, x), _p(f, h)
            self.W_hf, self.W_hx = _p(h, f), _p(h, x)
            self.W_oh, self.b_o = _p(x, h), _p(x)

        def forward(self, xt, hp):
            ft = (self.W_fx @ xt) * (self.W_fh @ hp)
            ht = torch.tanh(self.W_hf @ ft + self.W_hx @ xt)
            return self.W_oh @ ht + self.b_o, ht
    return Cell()


# koenboeckx/test_paper ch1.tex, GRU (PyTorch form, reset after the matrix) as written, without biases ("Biases b
# removed for simplicity"), reading the candidate's W_{hz} as a typo for its own W_{hn}: W_ir, W_iz, W_in (h x x),
# W_hr, W_hz, W_hn (h x h); Count: 3(hx + h^2). (Shared W_hz: 3hx + 2h^2; with PyTorch biases: + 6h.)
@_export
def h50b_koenboeckx_gru(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_ir, self.W_iz, self.W_in = _p(h, x), _p(h, x), _p(h, x)
            self.W_hr, self.W_hz, self.W_hn = _p(h, h), _p(h, h), _p(h, h)

        def forward(self, xt, hp):
            R = torch.sigmoid(self.W_ir @ xt + self.W_hr @ hp)
            Z = torch.sigmoid(self.W_iz @ xt + self.W_hz @ hp)
            n = torch.tanh(self.W_in @ xt + R * (self.W_hn @ hp))
            return (1 - Z) * n + Z * hp
    return Cell()


# do8572/Financial-Time-Series-Prediction report/bare_adv.tex, LSTM; W_f, W_i, W_c, W_o (h x x), U_f, U_i, U_c, U_o
# (h x h), b_f, b_i, b_c, b_o (h); Count: 4(hx + h^2 + h).
@_export
def h50b_do8572_lstm(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W = nn.ParameterList([_p(h, x) for _ in range(4)])
            self.U = nn.ParameterList([_p(h, h) for _ in range(4)])
            self.b = nn.ParameterList([_p(h) for _ in range(4)])

        def forward(self, xt, hc):
            hp, cp = hc
            a = [self.b[k] + self.W[k] @ xt + self.U[k] @ hp for k in range(4)]
            f, i, O = torch.sigmoid(a[0]), torch.sigmoid(a[1]), torch.sigmoid(a[3])
            C = f * cp + i * torch.tanh(a[2])
            return O * torch.tanh(C), C
    return Cell()


# postpersonality/arxiv-2404.17625-ru 13_recurrent_models.tex, diagonal SSM: the text lists the four trained
# matrices Lambda = diag(lambda), lambda ~ (e); B_bar ~ (e, c); C_bar ~ (o, e); D ~ (o, c); no biases;
# Count: e + ec + oe + oc.
@_export
def h50b_alice_ru_diagssm(c=7, e=5, o=3):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.lam, self.B, self.C, self.D = _p(e), _p(e, c), _p(o, e), _p(o, c)

        def forward(self, x, s):
            s = self.lam * s + self.B @ x
            return self.C @ s + self.D @ x, s
    return Cell()


# postpersonality/arxiv-2404.17625-ru 13_recurrent_models.tex, Mamba layer (selective SSM); read per channel: each of
# the c channels has a diagonal state of size e; A(x), B(x), C(x) are linear projections of the token x (c -> e each,
# shared across channels, no bias), D a per-channel skip ("a simple residual connection") of size c;
# W_A, W_B, W_C (e x c), D (c); Count: 3ec + c. (Other readings: D ~ (o, c) from the earlier definition; the footnote's
# A = exp(Delta A_bar) with a learned A_bar and a Delta projection; a vector state with full input-dependent matrices.)
@_export
def h50b_alice_ru_mamba(c=7, e=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_A, self.W_B, self.W_C = _p(e, c), _p(e, c), _p(e, c)
            self.D = _p(c)

        def forward(self, x, s):  # s: (c, e)
            a = torch.sigmoid(self.W_A @ x)          # diagonal transition, shared by the channels
            s = a * s + x[:, None] * (self.W_B @ x)[None, :]
            h = s @ (self.W_C @ x) + self.D * x
            return h, s
    return Cell()


# hpylieva/automatic-difficulty-detection-thesis-report Chapters/Chapter3.tex, Elman RNN with softmax output
# (Goodfellow form); W (h x h), U (h x x), b (h), V (y x h), c (y); Count: h^2 + hx + h + yh + y.
@_export
def h50b_hpylieva_rnn(x=7, h=5, y=3):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W, self.U, self.b = _p(h, h), _p(h, x), _p(h)
            self.V, self.c = _p(y, h), _p(y)

        def forward(self, xt, hp):
            ht = torch.tanh(self.b + self.W @ hp + self.U @ xt)
            return torch.softmax(self.c + self.V @ ht, 0), ht
    return Cell()


# kedz/emnlp2020a appendix/models_and_hps.tex, 2-layer bidirectional GRU encoder with the GRU left abstract; read as
# a standard GRU (one bias per gate) in each direction: layer 1 input embDim, layer 2 input 2*hidDim; the embedding
# matrix E (vocabulary size not given) is not counted; per direction 3(hidDim*in + hidDim^2 + hidDim);
# Count: 2*3(hidDim*embDim + hidDim^2 + hidDim) + 2*3(hidDim*2hidDim + hidDim^2 + hidDim).
@_export
def h50b_kedz_bigru(embDim=7, hidDim=5):
    class GRU(nn.Module):
        def __init__(self, n_in, n):
            super().__init__()
            self.W, self.U, self.b = _p(3, n, n_in), _p(3, n, n), _p(3, n)

        def forward(self, x, h):
            z = torch.sigmoid(self.W[0] @ x + self.U[0] @ h + self.b[0])
            r = torch.sigmoid(self.W[1] @ x + self.U[1] @ h + self.b[1])
            c = torch.tanh(self.W[2] @ x + self.U[2] @ (r * h) + self.b[2])
            return (1 - z) * h + z * c

    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.f1, self.r1 = GRU(embDim, hidDim), GRU(embDim, hidDim)
            self.f2, self.r2 = GRU(2 * hidDim, hidDim), GRU(2 * hidDim, hidDim)

        def forward(self, v, states):  # one step of each of the four recursions
            hf1, hr1, hf2, hr2 = states
            hf1, hr1 = self.f1(v, hf1), self.r1(v, hr1)
            h1 = torch.cat([hf1, hr1])
            hf2, hr2 = self.f2(h1, hf2), self.r2(h1, hr2)
            return torch.cat([hf2, hr2]), (hf1, hr1, hf2, hr2)
    return Cell()


# Chung-I/xelatex-master-thesis chapters/chapter2.tex, Elman RNN with output layer read from h_{t-1}; W_h (m x n),
# U_h (m x m), b_h (m), W_y read from the equation as (o x m) (the legend says o x n), b_y (o);
# Count: mn + m^2 + m + om + o. (Legend reading W_y in R^{o x n}: mn + m^2 + m + on + o.)
@_export
def h50b_chungi_elman(n=7, m=5, o=3):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_h, self.U_h, self.b_h = _p(m, n), _p(m, m), _p(m)
            self.W_y, self.b_y = _p(o, m), _p(o)

        def forward(self, xt, hp):
            ht = torch.tanh(self.W_h @ xt + self.U_h @ hp + self.b_h)
            yt = torch.tanh(self.W_y @ hp + self.b_y)
            return yt, ht
    return Cell()


# Chung-I/xelatex-master-thesis chapters/chapter2.tex, LSTM; W_i, W_o, W_f, W_c (h x x), U_i, U_o, U_f, U_c (h x h),
# b_i, b_o, b_f, b_c (h); Count: 4(hx + h^2 + h).
@_export
def h50b_chungi_lstm(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W = nn.ParameterList([_p(h, x) for _ in range(4)])
            self.U = nn.ParameterList([_p(h, h) for _ in range(4)])
            self.b = nn.ParameterList([_p(h) for _ in range(4)])

        def forward(self, xt, hc):
            hp, cp = hc
            a = [self.W[k] @ xt + self.U[k] @ hp + self.b[k] for k in range(4)]
            i, o, f = torch.sigmoid(a[0]), torch.sigmoid(a[1]), torch.sigmoid(a[2])
            c = f * cp + i * torch.tanh(a[3])
            return o * torch.tanh(c), c
    return Cell()


# postpersonality/arxiv-2404.17625-ru 13_recurrent_models.tex, vanilla (Elman) recurrent layer with readout
# g = C s + D x; the text lists the four trainable matrices A ~ (e, e), B ~ (e, c), C ~ (o, e), D ~ (o, c) and says
# biases are ignored; Count: e^2 + ec + oe + oc.
@_export
def h50b_alice_ru_elman(c=7, e=5, o=3):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.A, self.B, self.C, self.D = _p(e, e), _p(e, c), _p(o, e), _p(o, c)

        def forward(self, x, s):
            s = torch.tanh(self.A @ s + self.B @ x)
            return self.C @ s + self.D @ x, s
    return Cell()
