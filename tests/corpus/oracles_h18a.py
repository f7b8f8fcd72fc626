import torch
from torch import nn

__all__ = []


def _export(f):
    __all__.append(f.__name__)
    return f


def _p(*shape):
    return nn.Parameter(torch.randn(*shape) * 0.1)


# Adnan-Alaref/Machien-Learning-Notebooks build-lstm-from-scratch-in-numpy-with-gates.ipynb (markdown cell 1).
# Per gate f, i, c, o: W_* (h x x), U_* (h x h), b_* (h). 4h(x + h + 1).
@_export
def h18a_adnan_lstm(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W = nn.ModuleDict({g: nn.Linear(x, h, bias=False) for g in "fico"})
            self.U = nn.ModuleDict({g: nn.Linear(h, h, bias=False) for g in "fico"})
            self.b = nn.ParameterDict({g: _p(h) for g in "fico"})

        def forward(self, xt, hp, cp):
            a = {g: self.W[g](xt) + self.U[g](hp) + self.b[g] for g in "fico"}
            f, i, o = torch.sigmoid(a["f"]), torch.sigmoid(a["i"]), torch.sigmoid(a["o"])
            ct = torch.tanh(a["c"])
            c = f * cp + i * ct
            return o * torch.tanh(c), c

    return Cell()


# Adnan-Alaref/Machien-Learning-Notebooks mastering-simple-rnns-from-scratch-numpy.ipynb (markdown cell 1).
# W_xh (h x x), b_xh (h), W_hh (h x h), b_hh (h), W_ho (y x h), b_o (y).
# h(x + h + 2) + y(h + 1).
@_export
def h18a_adnan_rnn(x=7, h=5, y=3):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_xh = nn.Linear(x, h)
            self.W_hh = nn.Linear(h, h)
            self.W_ho = nn.Linear(h, y)

        def forward(self, xt, hp):
            ht = torch.tanh(self.W_xh(xt) + self.W_hh(hp))
            return self.W_ho(ht), ht

    return Cell()


# ianmagyar/dl-course labs/lab07-sequential-data-with-rnn.ipynb (markdown cell 47, Slovak).
# Per gate f, i, c, o: W_x* (h x x), W_h* (h x h), b_* (h). 4h(x + h + 1).
@_export
def h18a_ianmagyar_lstm(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.Wx = nn.ModuleDict({g: nn.Linear(x, h, bias=False) for g in "fico"})
            self.Wh = nn.ModuleDict({g: nn.Linear(h, h, bias=False) for g in "fico"})
            self.b = nn.ParameterDict({g: _p(h) for g in "fico"})

        def forward(self, xt, hp, Cp):
            a = {g: self.Wx[g](xt) + self.Wh[g](hp) + self.b[g] for g in "fico"}
            f, i, o = torch.sigmoid(a["f"]), torch.sigmoid(a["i"]), torch.sigmoid(a["o"])
            C = Cp * f + i * torch.tanh(a["c"])
            return o * torch.tanh(C), C

    return Cell()


# ianmagyar/dl-course labs/lab07-sequential-data-with-rnn.ipynb (markdown cell 42, Slovak).
# w_xh (h x x), w_hh (h x h), b_h (h); output w_ho (o x h), b_o (o). h(x + h + 1) + o(h + 1).
@_export
def h18a_ianmagyar_rnn(x=7, h=5, o=3):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.w_xh = nn.Linear(x, h, bias=False)
            self.w_hh = nn.Linear(h, h, bias=False)
            self.b_h = _p(h)
            self.w_ho = nn.Linear(h, o)

        def forward(self, xt, hp):
            ht = torch.tanh(self.w_xh(xt) + self.w_hh(hp) + self.b_h)
            return torch.tanh(self.w_ho(ht)), ht

    return Cell()


# ProfessorDong/Deep-Learning-Course-Examples RNN_Examples/StockPricePrediction.ipynb (markdown cell 14, GRU).
# Per gate z, r, h: W (h x x), U (h x h), b (h). 3h(x + h + 1).
@_export
def h18a_profdong_gru(x=7, h=5):
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


# gitmystuff/DTSC5502 Module_13-Deep_Learning/deep_learning_assignment.ipynb (markdown cell 66, GRU).
# W_z, W_r, W each (h x (h + x)) on concatenations, no biases. 3h(h + x).
@_export
def h18a_dtsc5502_gru(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_z = nn.Linear(h + x, h, bias=False)
            self.W_r = nn.Linear(h + x, h, bias=False)
            self.W = nn.Linear(h + x, h, bias=False)

        def forward(self, xt, hp):
            hx = torch.cat([hp, xt], -1)
            z = torch.sigmoid(self.W_z(hx))
            r = torch.sigmoid(self.W_r(hx))
            ht = torch.tanh(self.W(torch.cat([r * hp, xt], -1)))
            return (1 - z) * hp + z * ht

    return Cell()


# gitmystuff/DTSC5502 Module_13-Deep_Learning/deep_learning_assignment.ipynb (markdown cell 63, LSTM).
# W_f, W_i, W_C, W_o each (h x (h + x)) plus biases b_f, b_i, b_C, b_o. 4h(h + x + 1).
@_export
def h18a_dtsc5502_lstm(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W = nn.ModuleDict({g: nn.Linear(h + x, h) for g in "fiCo"})

        def forward(self, xt, hp, Cp):
            hx = torch.cat([hp, xt], -1)
            f = torch.sigmoid(self.W["f"](hx))
            i = torch.sigmoid(self.W["i"](hx))
            Ct = torch.tanh(self.W["C"](hx))
            C = f * Cp + i * Ct
            o = torch.sigmoid(self.W["o"](hx))
            return o * torch.tanh(C), C

    return Cell()


# Trosfy/dgx-spark-ai-curriculum lab-2.4.2-mamba-architecture.ipynb (markdown cell 1, Classical State Space Model).
# A (h x h), B (h x x), C (y x h), D (y x x). h^2 + hx + yh + yx.
@_export
def h18a_trosfy_ssm(x=7, h=5, y=3):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.A = _p(h, h)
            self.B = _p(h, x)
            self.C = _p(y, h)
            self.D = _p(y, x)

        def forward(self, xt, hp):
            ht = self.A @ hp + self.B @ xt
            return self.C @ ht + self.D @ xt, ht

    return Cell()


# Trosfy/dgx-spark-ai-curriculum lab-2.4.2-mamba-architecture.ipynb (markdown cell 1, Selective State Space).
# expect refuse: f in "A, B, C = f(x(t))" is never defined, so nothing fixes the parameters. One plausible
# reading: f is one affine map from x(t) to the entries of A (h x h), B (h x x) and C (y x h).
# (x + 1)(h^2 + hx + yh).
@_export
def h18a_trosfy_selective(x=7, h=5, y=3):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.f = nn.Linear(x, h * h + h * x + y * h)

        def forward(self, xt, hp):
            A, B, C = torch.split(self.f(xt), [h * h, h * x, y * h])
            ht = A.view(h, h) @ hp + B.view(h, x) @ xt
            return C.view(y, h) @ ht, ht

    return Cell()
