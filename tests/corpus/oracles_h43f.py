"""Oracles for the h43f set-aside snippets (heldout43), as its gatherer wrote them."""
import torch
from torch import nn

__all__ = []


def _export(f):
    __all__.append(f.__name__)
    return f


def _p(*shape):
    return nn.Parameter(torch.randn(*shape) * 0.1)


# YannLee1208/ML_2020_note RNN.md "LSTM与RNN" + "Final LSTM" (Chinese, Hung-yi Lee's LSTM); read as: the input of step t is
# [c^{t-1}; h^{t-1}; x^t] (the "Final LSTM" paragraph), multiplied by four bias-free matrices ("乘上一个matrix") W_z, W_i,
# W_f, W_o, each (c, x + 2c); g = tanh, f = sigmoid, h = tanh; Count: 4*c*(x + 2*c).
@_export
def h43f_yannlee_lstm(x=7, c=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W = nn.ParameterDict({k: _p(c, x + 2 * c) for k in ("z", "i", "f", "o")})

        def forward(self, xt, hp, cp):
            u = torch.cat([cp, hp, xt], -1)
            z, zi, zf, zo = (u @ self.W[k].T for k in ("z", "i", "f", "o"))
            ct = torch.tanh(z) * torch.sigmoid(zi) + cp * torch.sigmoid(zf)
            ht = torch.tanh(ct) * torch.sigmoid(zo)
            return ht, ct
    return Cell()


# datawhalechina/fun-rec docs/_sources/chapter_2_ranking/3.sequence.rst.txt, DIEN AUGRU (Chinese, rst); read as: bilinear
# attention W (H, E) in a_t = softmax(h_t W e_a); six Keras-style Dense layers dense_{input,hidden}_{update,reset,candidate},
# each H -> H with the Keras default bias (the layers are not defined in the text); Count: 6*(H*H + H) + H*E.
@_export
def h43f_funrec_augru(H=5, E=4):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W = _p(H, E)
            self.dense = nn.ModuleDict({f"{s}_{g}": nn.Linear(H, H) for s in ("input", "hidden")
                                        for g in ("update", "reset", "candidate")})

        def forward(self, states, e_a, hp, t):
            scores = torch.einsum("bth,he,be->bt", states, self.W, e_a)
            a = torch.softmax(scores, dim=1)[:, t:t + 1]
            xt = states[:, t, :]
            d = self.dense
            u = torch.sigmoid(d["input_update"](xt) + d["hidden_update"](hp))
            r = torch.sigmoid(d["input_reset"](xt) + d["hidden_reset"](hp))
            c = torch.tanh(d["input_candidate"](xt) + d["hidden_candidate"](r * hp))
            au = a * u
            return (1 - au) * hp + au * c
    return Cell()


# datawhalechina/fun-rec docs/_sources/chapter_1_retrieval/4.sequence/2.sdm.rst.txt, SDM LSTM (Chinese, rst); W^1_g (d, e)
# on the item embedding, W^2_g (d, d) on h_{t-1}, b_g (d) for g in {in, f, o, c}; the output gate's e_i^u read as e_{i_t}^u;
# Count: 4*(d*e + d*d + d).
@_export
def h43f_funrec_sdmlstm(e=7, d=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W1 = nn.ParameterDict({g: _p(d, e) for g in ("in", "f", "o", "c")})
            self.W2 = nn.ParameterDict({g: _p(d, d) for g in ("in", "f", "o", "c")})
            self.b = nn.ParameterDict({g: _p(d) for g in ("in", "f", "o", "c")})

        def forward(self, et, hp, cp):
            a = {g: et @ self.W1[g].T + hp @ self.W2[g].T + self.b[g] for g in ("in", "f", "o", "c")}
            ct = torch.sigmoid(a["f"]) * cp + torch.sigmoid(a["in"]) * torch.tanh(a["c"])
            ht = torch.sigmoid(a["o"]) * torch.tanh(ct)
            return ht, ct
    return Cell()


# ahangchen/GDLnotes note/lesson-4/rnn_practice.md "lstm-cell" (Chinese); ix, fx, ox, cx (vocabulary_size, num_nodes) on the
# input i, im, fm, om, cm (num_nodes, num_nodes) on the previous output o, biases ib, fb, ob, cb (num_nodes); "*" between a
# tensor and a weight read as matmul, between gates and states as element-wise; Count: 4*(V*N + N*N + N).
@_export
def h43f_gdlnotes_lstm(vocabulary_size=6, num_nodes=4):
    V, N = vocabulary_size, num_nodes
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.x = nn.ParameterDict({g: _p(V, N) for g in "ifoc"})
            self.m = nn.ParameterDict({g: _p(N, N) for g in "ifoc"})
            self.b = nn.ParameterDict({g: _p(1, N) for g in "ifoc"})

        def forward(self, i, o, state):
            a = {g: i @ self.x[g] + o @ self.m[g] + self.b[g] for g in "ifoc"}
            state = torch.sigmoid(a["f"]) * state + torch.sigmoid(a["i"]) * torch.tanh(a["c"])
            return torch.sigmoid(a["o"]) * torch.tanh(state), state
    return Cell()


# https://minseoc03.github.io/ml/dl_theory/rnn (Korean); row-vector RNN: W_x (x, h), W_h (h, h), b (h), linear output
# W_y (h, y), b_y (y); Count: x*h + h*h + h + h*y + y.
@_export
def h43f_minseoc03_rnn(x=7, h=5, y=3):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_x = _p(x, h)
            self.W_h = _p(h, h)
            self.b = _p(h)
            self.W_y = _p(h, y)
            self.b_y = _p(y)

        def forward(self, xt, hp):
            ht = torch.tanh(xt @ self.W_x + hp @ self.W_h + self.b)
            return ht @ self.W_y + self.b_y, ht
    return Cell()


# Jeongmani/deep-learning-from-scratch "2권 chapter 5" notebook (Korean); the code's reading (taken as the most plausible,
# the markdown equation being the book's formula with tanh and b dropped): Wx (x, h), Wh (h, h), b (h), tanh;
# Count: x*h + h*h + h.
@_export
def h43f_jeongmani_rnn(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.Wx = _p(x, h)
            self.Wh = _p(h, h)
            self.b = _p(h)

        def forward(self, xt, hp):
            return torch.tanh(hp @ self.Wh + xt @ self.Wx + self.b)
    return Cell()


# songshuhan/songshuhan.github.io source/_posts/DCRNN.md, GRU supplement (Chinese); bias-free GRU: W^{(z)}, W^{(r)}, W (h, x),
# U^{(z)}, U^{(r)}, U (h, h); candidate tanh(W x + r * (U h)); Count: 3*(h*x + h*h).
@_export
def h43f_songshuhan_gru(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W = nn.ParameterDict({g: _p(h, x) for g in "zrh"})
            self.U = nn.ParameterDict({g: _p(h, h) for g in "zrh"})

        def forward(self, xt, hp):
            z = torch.sigmoid(xt @ self.W["z"].T + hp @ self.U["z"].T)
            r = torch.sigmoid(xt @ self.W["r"].T + hp @ self.U["r"].T)
            hh = torch.tanh(xt @ self.W["h"].T + r * (hp @ self.U["h"].T))
            return z * hp + (1 - z) * hh
    return Cell()


# gofhir/neural-network-knowledge site/content/fundamentos/lstm-gru.md "2.3 Ecuaciones" (Spanish); W_{h*} (h, h),
# W_{x*} (h, x), b_* (h) for * in {i, f, g, o}; Count: 4*(h*h + h*x + h).
@_export
def h43f_gofhir_lstm(x=9, h=3):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.Wh = nn.ParameterDict({g: _p(h, h) for g in "ifgo"})
            self.Wx = nn.ParameterDict({g: _p(h, x) for g in "ifgo"})
            self.b = nn.ParameterDict({g: _p(h) for g in "ifgo"})

        def forward(self, xt, hp, cp):
            a = {g: hp @ self.Wh[g].T + xt @ self.Wx[g].T + self.b[g] for g in "ifgo"}
            c = torch.sigmoid(a["f"]) * cp + torch.sigmoid(a["i"]) * torch.tanh(a["g"])
            return torch.sigmoid(a["o"]) * torch.tanh(c), c
    return Cell()


# gofhir/neural-network-knowledge site/content/fundamentos/redes-recurrentes.md "Image captioning" (Spanish); W_xh (h, x),
# W_hh (h, h), W_ih (h, 4096) on the image embedding v in R^4096, no bias; Count: h*x + h*h + 4096*h.
@_export
def h43f_gofhir_captionrnn(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_xh = _p(h, x)
            self.W_hh = _p(h, h)
            self.W_ih = _p(h, 4096)

        def forward(self, xt, hp, v):
            return torch.tanh(xt @ self.W_xh.T + hp @ self.W_hh.T + v @ self.W_ih.T)
    return Cell()


