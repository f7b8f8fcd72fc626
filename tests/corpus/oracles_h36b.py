"""Oracles for the h36b set-aside snippets (heldout36), as its gatherer wrote them."""
import torch
from torch import nn

__all__ = []


def _export(f):
    __all__.append(f.__name__)
    return f


def _p(*shape):
    return nn.Parameter(torch.randn(*shape) * 0.1)


# bleedingfight/TensorFlow_Notebook LSTM.tex, "LSTM 整体过程"; Z, Z_i, Z_f, Z_o are not defined in terms of
# x_t / a_{t-1}; most plausible reading (Hung-yi Lee's LSTM): each is W[x; a_{t-1}] + b, W: h x (x+h), b: h;
# Count: 4*(h*(x+h) + h).
@_export
def h36b_bleedingfight_lstm(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.z = nn.Linear(x + h, h)
            self.zi = nn.Linear(x + h, h)
            self.zf = nn.Linear(x + h, h)
            self.zo = nn.Linear(x + h, h)

        def forward(self, xt, a, c):
            u = torch.cat([xt, a], -1)
            c2 = torch.tanh(self.z(u)) * torch.sigmoid(self.zi(u)) + c * torch.sigmoid(self.zf(u))
            a2 = torch.tanh(c2) * torch.sigmoid(self.zo(u))
            return a2, c2
    return Cell()


# MultiPath/Efficient-Neural-Machine-Translation background.tex, RNNLM; f is abstract (vanilla RNN / LSTM / GRU all
# offered) and \epsilon_O "sometimes tied"; most plausible reading: vanilla tanh RNN f with W: h x e, U: h x h, b: h,
# untied embeddings \epsilon_I: V x e and \epsilon_O: V x h; Count: V*e + h*e + h*h + h + V*h.
@_export
def h36b_multipath_rnnlm(V=11, e=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.eps_I = nn.Embedding(V, e)
            self.W, self.U, self.b = _p(h, e), _p(h, h), _p(h)
            self.eps_O = _p(V, h)

        def forward(self, y_prev, hp):
            ht = torch.tanh(self.eps_I(y_prev) @ self.W.T + hp @ self.U.T + self.b)
            return torch.softmax(ht @ self.eps_O.T, -1), ht
    return Cell()


# bleedingfight/TensorFlow_Notebook GRU.tex; U^z,U^r,U^h: x x s; W^z,W^r,W^h: s x s; no biases;
# Count: 3*(x*s + s*s).
@_export
def h36b_bleedingfight_gru(x=7, s=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.Uz, self.Ur, self.Uh = _p(x, s), _p(x, s), _p(x, s)
            self.Wz, self.Wr, self.Wh = _p(s, s), _p(s, s), _p(s, s)

        def forward(self, xt, sp):
            z = torch.sigmoid(xt @ self.Uz + sp @ self.Wz)
            r = torch.sigmoid(xt @ self.Ur + sp @ self.Wr)
            h = torch.tanh(xt @ self.Uh + (sp * r) @ self.Wh)
            return (1 - z) * h + z * sp
    return Cell()


# fhehli/llm-cheatsheet rnns.tex, Elman RNN; U: d x d, V: d x R, b: d (e' is a given embedding function, not counted);
# Count: d*d + d*R + d.
@_export
def h36b_fhehli_elman(d=5, R=7):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.U, self.V, self.b = _p(d, d), _p(d, R), _p(d)

        def forward(self, e_y, hp):
            return torch.sigmoid(hp @ self.U.T + e_y @ self.V.T + self.b)
    return Cell()


# bastien-hus/llm-cheatsheet rnns.tex, Jordan RNN (the last cell defined); E and the output size of \sigma'(E h) are
# not given; most plausible reading: U, V, b keep the Elman shapes (U: d x d, V: d x R, b: d), so E: d x d;
# Count: 2*d*d + d*R + d.
@_export
def h36b_bastienhus_jordan(d=5, R=7):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.U, self.V, self.b, self.E = _p(d, d), _p(d, R), _p(d), _p(d, d)

        def forward(self, e_yprev, hp):
            return torch.sigmoid(torch.sigmoid(hp @ self.E.T) @ self.U.T + e_yprev @ self.V.T + self.b)
    return Cell()


# nyu-cs2590/nlp-notes slides/lec04/main.tex, LSTM frame; per gate (c~, i, f, o): W_x*: h x x, W_h*: h x h, b_*: h;
# h_t = o_t * c_t (no tanh, no extra parameters); Count: 4*(h*x + h*h + h).
@_export
def h36b_nyucs2590_lstm(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.gx = nn.Linear(x, 4 * h, bias=True)
            self.gh = nn.Linear(h, 4 * h, bias=False)

        def forward(self, xt, hp, cp):
            c_, i, f, o = (self.gx(xt) + self.gh(hp)).chunk(4, -1)
            c = torch.sigmoid(i) * torch.tanh(c_) + torch.sigmoid(f) * cp
            return torch.sigmoid(o) * c, c
    return Cell()


# coltekin/snlp-notes deep-networks.tex, LSTM in prose only; most plausible reading: standard LSTM, each of the
# three gates and the tanh block a dense layer on [h_{t-1}; x_t] with bias: W: h x (x+h), b: h;
# Count: 4*(h*(x+h) + h).
@_export
def h36b_coltekin_lstm(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.cell = nn.LSTMCell(x, h, bias=False)
            self.b = _p(4 * h)

        def forward(self, xt, hp, cp):
            g = xt @ self.cell.weight_ih.T + hp @ self.cell.weight_hh.T + self.b
            i, f, c_, o = g.chunk(4, -1)
            c = torch.sigmoid(f) * cp + torch.sigmoid(i) * torch.tanh(c_)
            return torch.sigmoid(o) * torch.tanh(c), c
    return Cell()


# rrtucci/Bayesuvius rnn/rnn.tex, GRU section with output node; per gate z, r, h: W^{*|x}: nh x nx, U^{*|h}: nh x nh,
# b^*: nh; output \calw^{y|h}: ny x nh and b^y: ny (written in the equation); Count: 3*(nh*nx + nh*nh + nh) + ny*nh + ny.
@_export
def h36b_bayesuvius_gru(nx=7, nh=5, ny=3):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.Wx = nn.Linear(nx, 3 * nh, bias=True)
            self.Uz, self.Ur, self.Uh = _p(nh, nh), _p(nh, nh), _p(nh, nh)
            self.out = nn.Linear(nh, ny)

        def forward(self, xt, hp):
            az, ar, ah = self.Wx(xt).chunk(3, -1)
            z = torch.sigmoid(az + hp @ self.Uz.T)
            r = torch.sigmoid(ar + hp @ self.Ur.T)
            hh = torch.tanh(ah + (r * hp) @ self.Uh.T)
            h = (1 - z) * hp + z * hh
            return torch.sigmoid(self.out(h)), h
    return Cell()


# vitornegromonte/ml-notes rnn/rnn.tex, GRU; W_z, W_r, W_h: h x (h+x) acting on the concatenation, b_z, b_r, b_h: h;
# Count: 3*(h*(h+x) + h).
@_export
def h36b_vitornegromonte_gru(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.Wz = nn.Linear(h + x, h)
            self.Wr = nn.Linear(h + x, h)
            self.Wh = nn.Linear(h + x, h)

        def forward(self, xt, hp):
            u = torch.cat([hp, xt], -1)
            z = torch.sigmoid(self.Wz(u))
            r = torch.sigmoid(self.Wr(u))
            ht = torch.tanh(self.Wh(torch.cat([r * hp, xt], -1)))
            return (1 - z) * hp + z * ht
    return Cell()


# nyu-cs2590/nlp-notes slides/lec04/main.tex, RNN frame; W_hh: h x h, W_ih: h x x, b_h: h; Count: h*h + h*x + h.
@_export
def h36b_nyucs2590_rnn(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_hh, self.W_ih, self.b_h = _p(h, h), _p(h, x), _p(h)

        def forward(self, xt, hp):
            return torch.sigmoid(hp @ self.W_hh.T + xt @ self.W_ih.T + self.b_h)
    return Cell()
