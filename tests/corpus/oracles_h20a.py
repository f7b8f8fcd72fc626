import torch
from torch import nn

__all__ = []


def _export(f):
    __all__.append(f.__name__)
    return f


def _p(*shape):
    return nn.Parameter(torch.randn(*shape) * 0.1)


# mirkosprojects/mamba-deep-dive ssm.ipynb markdown cell 2 (expect refuse: the sizes of u, x, y and the
# shapes of A, B, C are never stated, nor whether Delta is learned). One plausible reading: A (x, x),
# B (x, u), C (y, x), Delta a fixed step. x^2 + x*u + y*x.
@_export
def h20a_mambadeepdive_ssm(u=7, x=5, y=3):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.A = _p(x, x)
            self.B = _p(x, u)
            self.C = _p(y, x)
            self.delta = 0.1

        def forward(self, uk, xk):
            I = torch.eye(x)
            inv = torch.linalg.inv(I - self.delta / 2 * self.A)
            Ab = inv @ (I + self.delta / 2 * self.A)
            Bb = inv @ (self.delta * self.B)
            xk = Ab @ xk + Bb @ uk
            return self.C @ xk, xk

    return Cell()


# HosseinEyvazi/Deep-Learning RNNs,_Transformers.ipynb markdown cell 1 (GRU). W_z, W_r, W act on the
# concatenation [h, x] (h x (h + x)); no biases are written. 3h(h + x).
@_export
def h20a_eyvazi_gru(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_z = nn.Linear(h + x, h, bias=False)
            self.W_r = nn.Linear(h + x, h, bias=False)
            self.W = nn.Linear(h + x, h, bias=False)

        def forward(self, xt, hp):
            z = torch.sigmoid(self.W_z(torch.cat([hp, xt], -1)))
            r = torch.sigmoid(self.W_r(torch.cat([hp, xt], -1)))
            hh = torch.tanh(self.W(torch.cat([r * hp, xt], -1)))
            return (1 - z) * hp + z * hh

    return Cell()


# HosseinEyvazi/Deep-Learning RNNs,_Transformers.ipynb markdown cell 1 (LSTM; expect refuse: only the
# forget, input and output gates are written; the candidate cell state, the cell update and h_t are
# never given). One plausible reading (the usual concatenated LSTM, "4x RNN parameters"):
# W_f, W_i, W_o, W_C in R^{h x (h + x)} with biases. 4h(h + x + 1).
@_export
def h20a_eyvazi_lstm(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_f = nn.Linear(h + x, h)
            self.W_i = nn.Linear(h + x, h)
            self.W_o = nn.Linear(h + x, h)
            self.W_C = nn.Linear(h + x, h)

        def forward(self, xt, state):
            hp, cp = state
            v = torch.cat([hp, xt], -1)
            f = torch.sigmoid(self.W_f(v))
            i = torch.sigmoid(self.W_i(v))
            o = torch.sigmoid(self.W_o(v))
            c = f * cp + i * torch.tanh(self.W_C(v))
            return o * torch.tanh(c), c

    return Cell()


# calvinfeng/recurrent-neural-net long_shor_term_memory.ipynb markdown cell 1. One stacked W acting on
# (h_{t-1}; x_t) gives i, f, o, g (W is 4h x (h + x), written out as W_{hh*}, W_{xh*} per gate); no
# biases. 4h(h + x).
@_export
def h20a_calvinfeng_lstm(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W = nn.Linear(h + x, 4 * h, bias=False)

        def forward(self, xt, state):
            hp, cp = state
            i, f, o, g = self.W(torch.cat([hp, xt], -1)).chunk(4, -1)
            i, f, o, g = torch.sigmoid(i), torch.sigmoid(f), torch.sigmoid(o), torch.tanh(g)
            c = f * cp + i * g
            return o * torch.tanh(c), c

    return Cell()


# stored file id 25491679343 (nbconvert export of a student notebook, "Recurrent Neural Network - LSTM").
# W_f, W_i, W_g, W_o act on [h_{t-1}, x_t] (h x (h + x)), one bias each. 4h(h + x + 1).
@_export
def h20a_nbexport_lstm(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_f = nn.Linear(h + x, h)
            self.W_i = nn.Linear(h + x, h)
            self.W_g = nn.Linear(h + x, h)
            self.W_o = nn.Linear(h + x, h)

        def forward(self, xt, state):
            hp, cp = state
            v = torch.cat([hp, xt], -1)
            f = torch.sigmoid(self.W_f(v))
            i = torch.sigmoid(self.W_i(v))
            g = torch.tanh(self.W_g(v))
            c = f * cp + i * g
            o = torch.sigmoid(self.W_o(v))
            return o * torch.tanh(c), c

    return Cell()


# stored file id 70600688538 (Vietnamese percent-format notebook ASM06, **2) LSTM**). Per gate W (h x x),
# U (h x h), b (h). 4h(x + h + 1).
@_export
def h20a_asm06vi_lstm(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W = nn.ModuleDict({g: nn.Linear(x, h, bias=False) for g in "ifoc"})
            self.U = nn.ModuleDict({g: nn.Linear(h, h, bias=False) for g in "ifoc"})
            self.b = nn.ParameterDict({g: _p(h) for g in "ifoc"})

        def forward(self, xt, state):
            hp, cp = state
            a = {g: self.W[g](xt) + self.U[g](hp) + self.b[g] for g in "ifoc"}
            i, f, o = torch.sigmoid(a["i"]), torch.sigmoid(a["f"]), torch.sigmoid(a["o"])
            c = f * cp + i * torch.tanh(a["c"])
            return o * torch.tanh(c), c

    return Cell()


# stored file id 70600688538 (Vietnamese percent-format notebook ASM06, **3) GRU**). Per gate W (h x x),
# U (h x h), b (h); reset applied to h before U_h. 3h(x + h + 1).
@_export
def h20a_asm06vi_gru(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W = nn.ModuleDict({g: nn.Linear(x, h, bias=False) for g in "zrh"})
            self.U = nn.ModuleDict({g: nn.Linear(h, h, bias=False) for g in "zrh"})
            self.b = nn.ParameterDict({g: _p(h) for g in "zrh"})

        def forward(self, xt, hp):
            z = torch.sigmoid(self.W["z"](xt) + self.U["z"](hp) + self.b["z"])
            r = torch.sigmoid(self.W["r"](xt) + self.U["r"](hp) + self.b["r"])
            hh = torch.tanh(self.W["h"](xt) + self.U["h"](r * hp) + self.b["h"])
            return (1 - z) * hp + z * hh

    return Cell()


# stored file id 66493325801 (nbconvert export of a student notebook, ### GRU Theory). Per gate W (h x x),
# U (h x h), one bias b (h). 3h(x + h + 1).
@_export
def h20a_q3gru_gru(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_z, self.W_r, self.W_h = (nn.Linear(x, h) for _ in range(3))
            self.U_z, self.U_r, self.U_h = (nn.Linear(h, h, bias=False) for _ in range(3))

        def forward(self, xt, hp):
            z = torch.sigmoid(self.W_z(xt) + self.U_z(hp))
            r = torch.sigmoid(self.W_r(xt) + self.U_r(hp))
            hh = torch.tanh(self.W_h(xt) + self.U_h(r * hp))
            return (1 - z) * hp + z * hh

    return Cell()


# stored file id 60256565411 (jupytext notebook COMP3242/6242 Lab #6, Task 1 Elman RNN). x in R^V,
# h in R^H, y in R^V; learnable W_h (H x H), U_h (H x V), W_y (V x H), b_h (H), b_y (V).
# H^2 + 2HV + H + V.
@_export
def h20a_comp3242lab6_rnn(V=7, H=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_h = _p(H, H)
            self.U_h = _p(H, V)
            self.b_h = _p(H)
            self.W_y = _p(V, H)
            self.b_y = _p(V)

        def forward(self, xt, hp):
            h = torch.tanh(self.W_h @ hp + self.U_h @ xt + self.b_h)
            y = torch.sigmoid(self.W_y @ h + self.b_y)
            return y, h

    return Cell()


# stored file id 60256565411 (jupytext notebook COMP3242/6242 Lab #6, Task 4 LSTM). Per gate (f, i, o, c)
# W (h x x), U (h x h), b (h). 4h(x + h + 1).
@_export
def h20a_comp3242lab6_lstm(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W = nn.ModuleDict({g: nn.Linear(x, h) for g in "fioc"})
            self.U = nn.ModuleDict({g: nn.Linear(h, h, bias=False) for g in "fioc"})

        def forward(self, xt, state):
            hp, cp = state
            a = {g: self.W[g](xt) + self.U[g](hp) for g in "fioc"}
            f, i, o = torch.sigmoid(a["f"]), torch.sigmoid(a["i"]), torch.sigmoid(a["o"])
            c = f * cp + i * torch.tanh(a["c"])
            return o * torch.tanh(c), c

    return Cell()


# stored file id 46621881782 (nbconvert export of "LSTM From Scratch Implementation", ### LSTM Layer).
# Per gate (i, f, o, g) W_x* (h x x), W_h* (h x h), b (h); the candidate \hat{c} is the g_t of the
# c_t update. 4h(x + h + 1).
@_export
def h20a_lstmscratch_lstm(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.Wx = nn.ModuleDict({g: nn.Linear(x, h, bias=False) for g in "ifog"})
            self.Wh = nn.ModuleDict({g: nn.Linear(h, h, bias=False) for g in "ifog"})
            self.b = nn.ParameterDict({g: _p(h) for g in "ifog"})

        def forward(self, xt, state):
            hp, cp = state
            a = {g: self.Wx[g](xt) + self.Wh[g](hp) + self.b[g] for g in "ifog"}
            i, f, o = torch.sigmoid(a["i"]), torch.sigmoid(a["f"]), torch.sigmoid(a["o"])
            c = f * cp + i * torch.tanh(a["g"])
            return o * torch.tanh(c), c

    return Cell()
