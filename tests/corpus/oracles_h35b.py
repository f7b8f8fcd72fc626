"""Oracles for the h35b set-aside snippets (heldout35), as its gatherer wrote them."""
import torch
from torch import nn

__all__ = []


def _export(f):
    __all__.append(f.__name__)
    return f


def _p(*shape):
    return nn.Parameter(torch.randn(*shape) * 0.1)


# menetn/ETH-Deep-Learning-Summary-2023 recurrent_neural_networks.tex, LSTM ("we neglect bias terms");
# x~ = [h_{t-1}, x_t] (h+x); gating matrices H, F, G: (h, h+x) each; propagation V: (h, h+x);
# U applied to C_t inside the output tanh: (h, h); output W: (y, h); no biases; \otimes read as elementwise.
# Count: 4*h*(h+x) + h*h + y*h.
@_export
def h35b_menetn_lstm(x=7, h=5, y=3):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.H = _p(h, h + x)
            self.F = _p(h, h + x)
            self.G = _p(h, h + x)
            self.V = _p(h, h + x)
            self.U = _p(h, h)
            self.W = _p(y, h)

        def forward(self, xt, state):
            hp, cp = state
            xa = torch.cat([hp, xt], -1)
            c = torch.sigmoid(xa @ self.F.T) * cp + torch.sigmoid(xa @ self.G.T) * torch.tanh(xa @ self.V.T)
            hn = torch.sigmoid(xa @ self.H.T) * torch.tanh(c @ self.U.T)
            return hn @ self.W.T, (hn, c)

    return Cell()


# menetn/ETH-Deep-Learning-Summary-2023 recurrent_neural_networks.tex, GRU; reset H: (h, h+x);
# candidate V on [r*h, x]: (h, h+x); update G on [h, x] (the x_{t-1} typo does not change shapes): (h, h+x);
# output W: (y, h); no biases. Count: 3*h*(h+x) + y*h.
@_export
def h35b_menetn_gru(x=7, h=5, y=3):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.H = _p(h, h + x)
            self.V = _p(h, h + x)
            self.G = _p(h, h + x)
            self.W = _p(y, h)

        def forward(self, xt, hp):
            r = torch.sigmoid(torch.cat([hp, xt], -1) @ self.H.T)
            ht = torch.tanh(torch.cat([r * hp, xt], -1) @ self.V.T)
            u = torch.sigmoid(torch.cat([hp, xt], -1) @ self.G.T)
            hn = (1 - u) * hp + u * ht
            return hn @ self.W.T, hn

    return Cell()


# menetn/ETH-Deep-Learning-Summary-2023 recurrent_neural_networks.tex, linear recurrent (LRU-style) model;
# REFUSE snippet: the MLP is unspecified and A,B vs Lambda,C parametrisations are both written.
# Plausible reading built here: complex diagonal Lambda (z complex = 2z real), complex C: (z, x) (2*z*x real),
# complex G: (y, z) (2*y*z real), MLP = Linear(y,y)+ReLU+Linear(y,y) with biases.
# Count: 2z + 2zx + 2yz + 2(y*y + y).
@_export
def h35b_menetn_lru(x=7, z=5, y=3):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.lam_re = _p(z)
            self.lam_im = _p(z)
            self.C_re = _p(z, x)
            self.C_im = _p(z, x)
            self.G_re = _p(y, z)
            self.G_im = _p(y, z)
            self.mlp = nn.Sequential(nn.Linear(y, y), nn.ReLU(), nn.Linear(y, y))

        def forward(self, xt, zeta):
            lam = torch.complex(self.lam_re, self.lam_im)
            C = torch.complex(self.C_re, self.C_im)
            G = torch.complex(self.G_re, self.G_im)
            zn = lam * zeta + xt.to(torch.cfloat) @ C.T
            yt = self.mlp((zn @ G.T).real)
            return yt, zn

    return Cell()


# AndreasOpedal/Deep-Learning-ETH-Summary recurrent_neural_networks.tex, LSTM (colah style);
# W_f, W_i, W_C, W_o: (h, h+x) on [h_{t-1}, x_t]; b_f, b_i, b_C, b_o: (h). Count: 4*(h*(h+x) + h).
@_export
def h35b_opedal_lstm(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.Wf, self.Wi, self.WC, self.Wo = (_p(h, h + x) for _ in range(4))
            self.bf, self.bi, self.bC, self.bo = (_p(h) for _ in range(4))

        def forward(self, xt, state):
            hp, Cp = state
            v = torch.cat([hp, xt], -1)
            f = torch.sigmoid(v @ self.Wf.T + self.bf)
            i = torch.sigmoid(v @ self.Wi.T + self.bi)
            Ct = torch.tanh(v @ self.WC.T + self.bC)
            C = f * Cp + i * Ct
            o = torch.sigmoid(v @ self.Wo.T + self.bo)
            return o * torch.tanh(C), (o * torch.tanh(C), C)

    return Cell()


# iar1000/cheatsheet-mp RNN.tex, stacked LSTM layer l; one matrix W^l in R^{4n x 2n} acting on
# [h_{t-1}^l ; h_t^{l-1}] (both size n); no bias. Count: 4n * 2n = 8n^2.
@_export
def h35b_iar1000_lstm(n=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W = _p(4 * n, 2 * n)

        def forward(self, h_below, state):
            hp, cp = state
            a = torch.cat([hp, h_below], -1) @ self.W.T
            f, i, o, g = a.chunk(4, -1)
            f, i, o, g = torch.sigmoid(f), torch.sigmoid(i), torch.sigmoid(o), torch.tanh(g)
            c = f * cp + i * g
            hn = o * torch.tanh(c)
            return hn, (hn, c)

    return Cell()


# araptig/Notes-on-Deep-Learning deep_learning.tex, GRU; U^(z), U^(r): (h, x) on x_t; W^(z), W^(r): (h, h)
# on h_{t-1}; candidate W: (h, x) on x_t and U: (h, h) on h_{t-1}; no biases. Count: 3*(h*x + h*h).
@_export
def h35b_araptig_gru(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.Uz, self.Ur, self.W = _p(h, x), _p(h, x), _p(h, x)
            self.Wz, self.Wr, self.U = _p(h, h), _p(h, h), _p(h, h)

        def forward(self, xt, hp):
            z = torch.sigmoid(xt @ self.Uz.T + hp @ self.Wz.T)
            r = torch.sigmoid(xt @ self.Ur.T + hp @ self.Wr.T)
            ht = torch.tanh(xt @ self.W.T + r * (hp @ self.U.T))
            return z * hp + (1 - z) * ht

    return Cell()


# pkulijing/deeplearning sequence_models.tex, full GRU (Ng notation, c = hidden state);
# W_c, W_u, W_r: (c, c+x) on [.., x^<t>]; b_c, b_u, b_r: (c). Count: 3*(c*(c+x) + c).
@_export
def h35b_pkulijing_gru(x=7, c=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.Wc, self.Wu, self.Wr = (_p(c, c + x) for _ in range(3))
            self.bc, self.bu, self.br = (_p(c) for _ in range(3))

        def forward(self, xt, cp):
            gu = torch.sigmoid(torch.cat([cp, xt], -1) @ self.Wu.T + self.bu)
            gr = torch.sigmoid(torch.cat([cp, xt], -1) @ self.Wr.T + self.br)
            ct = torch.tanh(torch.cat([gr * cp, xt], -1) @ self.Wc.T + self.bc)
            return gu * ct + (1 - gu) * cp

    return Cell()


# ar5entum/deep-learning-notes-tex deep_learning.tex, LSTM with PyTorch-style double biases;
# per gate (f, i, g, o): W_i*: (h, x), W_h*: (h, h), b_i*: (h), b_h*: (h). Count: 4*(h*x + h*h + 2h).
@_export
def h35b_ar5entum_lstm(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.Wi = nn.ParameterList([_p(h, x) for _ in range(4)])
            self.Wh = nn.ParameterList([_p(h, h) for _ in range(4)])
            self.bi = nn.ParameterList([_p(h) for _ in range(4)])
            self.bh = nn.ParameterList([_p(h) for _ in range(4)])

        def forward(self, xt, state):
            hp, cp = state
            pre = [xt @ self.Wi[k].T + self.bi[k] + hp @ self.Wh[k].T + self.bh[k] for k in range(4)]
            f, i, g, o = torch.sigmoid(pre[0]), torch.sigmoid(pre[1]), torch.tanh(pre[2]), torch.sigmoid(pre[3])
            c = f * cp + i * g
            hn = o * torch.tanh(c)
            return hn, (hn, c)

    return Cell()


# RaphaelCS/deep-learning-summary "Recurrent Neural Network.tex", Elman RNN with output layer (Goodfellow 10.8);
# W: (h, h), U: (h, x), b: (h), V: (y, h), c: (y). Count: h*h + h*x + h + y*h + y.
@_export
def h35b_raphaelcs_rnn(x=7, h=5, y=3):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W, self.U, self.b = _p(h, h), _p(h, x), _p(h)
            self.V, self.c = _p(y, h), _p(y)

        def forward(self, xt, hp):
            a = self.b + hp @ self.W.T + xt @ self.U.T
            hn = torch.tanh(a)
            o = self.c + hn @ self.V.T
            return torch.softmax(o, -1), hn

    return Cell()


# HSR-Stud/DL sections/Recurrent.tex, GRU in index notation (Goodfellow 10.45-10.47);
# U^u, U^r, U: (h, x); W^u, W^r, W: (h, h); b^u, b^r, b: (h). Count: 3*(h*x + h*h + h).
@_export
def h35b_hsrstud_gru(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.Uu, self.Ur, self.U = _p(h, x), _p(h, x), _p(h, x)
            self.Wu, self.Wr, self.W = _p(h, h), _p(h, h), _p(h, h)
            self.bu, self.br, self.b = _p(h), _p(h), _p(h)

        def forward(self, xt, hp):
            u = torch.sigmoid(self.bu + xt @ self.Uu.T + hp @ self.Wu.T)
            r = torch.sigmoid(self.br + xt @ self.Ur.T + hp @ self.Wr.T)
            return u * hp + (1 - u) * torch.tanh(self.b + xt @ self.U.T + (r * hp) @ self.W.T)

    return Cell()


# asantucci/deep_learning_notes NN.tex, LSTM (Ng notation, a = hidden, c = cell);
# W_c, W_u, W_f, W_o: (a, a+x) on [a^<t-1>; x^<t>]; b_c, b_u, b_f, b_o: (a). Count: 4*(a*(a+x) + a).
@_export
def h35b_asantucci_lstm(x=7, a=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.Wc, self.Wu, self.Wf, self.Wo = (_p(a, a + x) for _ in range(4))
            self.bc, self.bu, self.bf, self.bo = (_p(a) for _ in range(4))

        def forward(self, xt, state):
            ap, cp = state
            v = torch.cat([ap, xt], -1)
            ct = torch.tanh(v @ self.Wc.T + self.bc)
            gu = torch.sigmoid(v @ self.Wu.T + self.bu)
            gf = torch.sigmoid(v @ self.Wf.T + self.bf)
            go = torch.sigmoid(v @ self.Wo.T + self.bo)
            c = gu * ct + gf * cp
            an = go * torch.tanh(c)
            return an, (an, c)

    return Cell()
