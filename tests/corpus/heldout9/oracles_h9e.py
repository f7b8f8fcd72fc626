import torch
from torch import nn

__all__ = []


def _export(f):
    __all__.append(f.__name__)
    return f


def _p(*shape):
    return nn.Parameter(torch.randn(*shape) * 0.1)


# ---------------------------------------------------------------------------
# Course notes (stored file 31886514877): LSTM with full-matrix peepholes W_ci, W_cf, W_co,
# one bias per gate, "Every matrix W is a linear layer"
# ---------------------------------------------------------------------------
@_export
def h9e_rnnnotes_lstm_peephole(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            for g in "ifco":
                setattr(self, f"W_x{g}", _p(h, x))
                setattr(self, f"W_h{g}", _p(h, h))
                setattr(self, f"b_{g}", _p(h))
            self.W_ci = _p(h, h)
            self.W_cf = _p(h, h)
            self.W_co = _p(h, h)

        def forward(self, xt, state):
            hp, cp = state
            L = lambda W, v: v @ W.T
            i = torch.sigmoid(L(self.W_xi, xt) + L(self.W_hi, hp) + L(self.W_ci, cp) + self.b_i)
            f = torch.sigmoid(L(self.W_xf, xt) + L(self.W_hf, hp) + L(self.W_cf, cp) + self.b_f)
            c = f * cp + i * torch.tanh(L(self.W_xc, xt) + L(self.W_hc, hp) + self.b_c)
            o = torch.sigmoid(L(self.W_xo, xt) + L(self.W_ho, hp) + L(self.W_co, c) + self.b_o)
            return o * torch.tanh(c), c

    return Cell()


# ---------------------------------------------------------------------------
# Textbook-style chapter (stored file 13541259989): GRU on [h_{t-1}, x_t], no biases,
# reset inside the concatenation, candidate weight W
# ---------------------------------------------------------------------------
@_export
def h9e_lstmchapter_gru_nobias(x=7, h=5):
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


# ---------------------------------------------------------------------------
# Obsidian NLP course notes (stored file 55183635640): LSTM with W (input) and U (recurrent)
# per gate, no biases
# ---------------------------------------------------------------------------
@_export
def h9e_nlpvault_lstm_nobias(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W = nn.ModuleDict({g: nn.Linear(x, h, bias=False) for g in "fico"})
            self.U = nn.ModuleDict({g: nn.Linear(h, h, bias=False) for g in "fico"})

        def forward(self, xt, state):
            hp, cp = state
            a = {g: self.W[g](xt) + self.U[g](hp) for g in "fico"}
            f, i, o = (torch.sigmoid(a[g]) for g in "fio")
            c = f * cp + i * torch.tanh(a["c"])
            return o * torch.tanh(c), c

    return Cell()


# ---------------------------------------------------------------------------
# Chapter-45 course notes (stored file 70285822031): d2l-style GRU, row vectors X_t W_xr,
# one bias per gate, reset before W_hh, H_t = Z H_{t-1} + (1 - Z) H~
# ---------------------------------------------------------------------------
@_export
def h9e_ch45notes_gru_rowvec(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            for g in "rzh":
                setattr(self, f"W_x{g}", _p(x, h))
                setattr(self, f"W_h{g}", _p(h, h))
                setattr(self, f"b_{g}", _p(h))

        def forward(self, X, H):
            R = torch.sigmoid(X @ self.W_xr + H @ self.W_hr + self.b_r)
            Z = torch.sigmoid(X @ self.W_xz + H @ self.W_hz + self.b_z)
            Ht = torch.tanh(X @ self.W_xh + (R * H) @ self.W_hh + self.b_h)
            return Z * H + (1 - Z) * Ht

    return Cell()


# ---------------------------------------------------------------------------
# Lecture companion notes (stored file 63163122883): LSTM, four (H, H+D) matrices on
# [h_{t-1}, x_t] and four (H,) biases
# ---------------------------------------------------------------------------
@_export
def h9e_lecturecompanion_lstm(H=5, D=7):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W = nn.ModuleDict({g: nn.Linear(H + D, H) for g in "fiCo"})

        def forward(self, xt, state):
            hp, cp = state
            hx = torch.cat([hp, xt], -1)
            f, i, o = (torch.sigmoid(self.W[g](hx)) for g in "fio")
            C = f * cp + i * torch.tanh(self.W["C"](hx))
            return o * torch.tanh(C), C

    return Cell()


# ---------------------------------------------------------------------------
# Tutorial chapter (stored file 6893301100): LSTM on [h_{t-1}, x_t], one bias per gate
# ---------------------------------------------------------------------------
@_export
def h9e_lstmtutorial_lstm(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W = nn.ModuleDict({g: nn.Linear(h + x, h) for g in "fioC"})

        def forward(self, xt, state):
            hp, Cp = state
            hx = torch.cat([hp, xt], -1)
            f, i, o = (torch.sigmoid(self.W[g](hx)) for g in "fio")
            C = f * Cp + i * torch.tanh(self.W["C"](hx))
            return o * torch.tanh(C), C

    return Cell()


# ---------------------------------------------------------------------------
# LSTM/GRU guide (stored file 47831022059): GRU with W (input), U (recurrent), b per gate,
# reset before U_h
# ---------------------------------------------------------------------------
@_export
def h9e_lstmgruguide_gru(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W = nn.ModuleDict({g: nn.Linear(x, h) for g in "zrh"})
            self.U = nn.ModuleDict({g: nn.Linear(h, h, bias=False) for g in "zrh"})

        def forward(self, xt, hp):
            z = torch.sigmoid(self.W["z"](xt) + self.U["z"](hp))
            r = torch.sigmoid(self.W["r"](xt) + self.U["r"](hp))
            ht = torch.tanh(self.W["h"](xt) + self.U["h"](r * hp))
            return (1 - z) * hp + z * ht

    return Cell()


# ---------------------------------------------------------------------------
# learn-deep-learning notes (Calcifer777, docs/source/rnn.md): Elman RNN,
# h_t = tanh(W h_{t-1} + U x_t + b)
# ---------------------------------------------------------------------------
@_export
def h9e_learndl_elman(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W = _p(h, h)
            self.U = _p(h, x)
            self.b = _p(h)

        def forward(self, xt, hp):
            return torch.tanh(hp @ self.W.T + xt @ self.U.T + self.b)

    return Cell()
