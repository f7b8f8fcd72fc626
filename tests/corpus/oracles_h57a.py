"""Oracles for the h57a set-aside snippets (heldout57), as its gatherer wrote them."""
import torch
from torch import nn

__all__ = []


def _export(f):
    __all__.append(f.__name__)
    return f


def _p(*shape):
    return nn.Parameter(torch.randn(*shape) * 0.1)


# ML-course/master "NN8 - Recurrent Networks.ipynb", markdown cell "#### Recurrent Neural Network":
# h_t = W phi(h_{t-1}) + U x_t, y_t = V phi(h_t). The nonlinearity phi is applied to the state before W (and before V);
# no bias anywhere. W: h x h (phi(h_{t-1}) has the state's size), U: h x x, V: y x h (y the output signal).
# phi is left unnamed by the text; tanh is used here (it carries no parameter).
# Count: h*h + h*x + y*h.
@_export
def h57a_mlcourse_rnn(x=7, h=5, y=3):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W = _p(h, h)
            self.U = _p(h, x)
            self.V = _p(y, h)

        def forward(self, x_t, h_prev):
            h_t = torch.tanh(h_prev) @ self.W.T + x_t @ self.U.T
            y_t = torch.tanh(h_t) @ self.V.T
            return y_t, h_t
    return Cell()


# Jacklu0831/GroundUpAI notebooks/27_gru.ipynb, code cell "class GRUCell": nn.Parameter Wz, Wr, Wh of shape (i, h),
# Uz, Ur, Uh of shape (h, h), and two biases bz, br of shape (h,) that the module declares but forward never uses.
# forward: z = sigmoid(x Wz + h Uz), r = sigmoid(x Wr + h Ur), h_t = tanh(x Wh + (r*h) Uh) ((r * h) @ Uh: * and @ share
# precedence, left to right), h = weighted_sum(h, h_t, z) = h*z + h_t*(1-z) (weighted_sum from the repo's
# scripts/batch_norm.py). The count is the module's parameters, the two unused biases included.
# Count: 3*i*h + 3*h*h + 2*h.
@_export
def h57a_groundup_gru(i=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.Wz = _p(i, h)
            self.Wr = _p(i, h)
            self.Wh = _p(i, h)
            self.Uz = _p(h, h)
            self.Ur = _p(h, h)
            self.Uh = _p(h, h)
            self.bz = nn.Parameter(torch.zeros(h))
            self.br = nn.Parameter(torch.zeros(h))

        def forward(self, x, h_prev):
            z = (x @ self.Wz + h_prev @ self.Uz).sigmoid()
            r = (x @ self.Wr + h_prev @ self.Ur).sigmoid()
            h_t = (x @ self.Wh + r * h_prev @ self.Uh).tanh()
            return h_prev * z + h_t * (1 - z)
    return Cell()


# parrt/playdl notebooks/RNN-sine.ipynb, markdown cell "The effect of the nonlinearity": the linear RNN
# h^{(t)} = W_{hh} h^{(t-1)} + W_{xh} x_t (nonlinearity removed, no bias); the second display only unrolls the same
# recurrence (a power of W_{hh} applied to W_{xh} x_j) and names no new weight. W_hh: h x h, W_xh: h x x.
# Count: h*h + h*x.
@_export
def h57a_playdl_linear_rnn(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_hh = _p(h, h)
            self.W_xh = _p(h, x)

        def forward(self, x_t, h_prev):
            return h_prev @ self.W_hh.T + x_t @ self.W_xh.T
    return Cell()


# ml-mipt/ml-mipt-part2 2016/home_works/hw05_deep_learning_rnn/homework.ipynb, markdown cell "# The GRU" (text after
# WildML's GRU/LSTM tutorial): z = sigma(x_t U^z + s_{t-1} W^z), r = sigma(x_t U^r + s_{t-1} W^r),
# h = tanh(x_t U^h + (s_{t-1} o r) W^h), s_t = (1 - z) o h + z o s_{t-1}. Row-vector products, state s, no biases.
# U^z, U^r, U^h: x x s; W^z, W^r, W^h: s x s.
# Count: 3*(x*s + s*s).
@_export
def h57a_mlmipt_gru(x=7, s=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.U = nn.ParameterDict({k: _p(x, s) for k in "zrh"})
            self.W = nn.ParameterDict({k: _p(s, s) for k in "zrh"})

        def forward(self, x_t, s_prev):
            z = torch.sigmoid(x_t @ self.U["z"] + s_prev @ self.W["z"])
            r = torch.sigmoid(x_t @ self.U["r"] + s_prev @ self.W["r"])
            h = torch.tanh(x_t @ self.U["h"] + (s_prev * r) @ self.W["h"])
            return (1 - z) * h + z * s_prev
    return Cell()
