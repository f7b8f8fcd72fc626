import torch
from torch import nn

__all__ = []


def _export(f):
    __all__.append(f.__name__)
    return f


def _p(*shape):
    return nn.Parameter(torch.randn(*shape) * 0.1)


# stored file id 9209008203 (C++ lstm.cpp, zhangshu at intel.com, @formula list). Four gates i, g, f, o,
# each with w_x* (h x x), w_h* (h x h) and two biases b_x*, b_h* (h). 4h(x + h + 2).
@_export
def h18e_intel_mkl_lstm(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            for g in "igfo":
                setattr(self, "w_x" + g, _p(h, x))
                setattr(self, "b_x" + g, _p(h))
                setattr(self, "w_h" + g, _p(h, h))
                setattr(self, "b_h" + g, _p(h))

        def _pre(self, g, xt, hp):
            return (getattr(self, "w_x" + g) @ xt + getattr(self, "b_x" + g)
                    + getattr(self, "w_h" + g) @ hp + getattr(self, "b_h" + g))

        def forward(self, xt, hp, cp):
            i = torch.sigmoid(self._pre("i", xt, hp))
            g = torch.tanh(self._pre("g", xt, hp))
            f = torch.sigmoid(self._pre("f", xt, hp))
            o = torch.sigmoid(self._pre("o", xt, hp))
            c = f * cp + i * g
            return o * torch.tanh(c), c

    return Cell()


# uw-acme/HLS4ML_VS_MANUAL src/hdl/RNN/gruCell.sv header comment. W_r, W_z, W_h act on the
# concatenation [x_t, h_t-1] (h x (x + h)), one bias per gate. 3h(x + h + 1).
@_export
def h18e_hls4mlvsmanual_gru(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_r = nn.Linear(x + h, h)
            self.W_z = nn.Linear(x + h, h)
            self.W_h = nn.Linear(x + h, h)

        def forward(self, xt, hp):
            r = torch.sigmoid(self.W_r(torch.cat([xt, hp])))
            z = torch.sigmoid(self.W_z(torch.cat([xt, hp])))
            h_tilde = torch.tanh(self.W_h(torch.cat([xt, r * hp])))
            return (1 - z) * hp + z * h_tilde

    return Cell()


# stored file id 14584965914 (class RAN docstring, Recurrent Additive Networks). Gates read c_{t-1} and
# x_t, each product with its own bias: W_ic, b_ic, W_ix, b_ix, W_fc, b_fc, W_fx, b_fx. c_t = i_t * x_t
# forces x and c to one size. 2(c^2 + cx + 2c), with x = c: 4c^2 + 4c.
@_export
def h18e_nmtran_ran(x=6, c=6):
    assert x == c, "the text multiplies i_t by x_t elementwise"

    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_ic = nn.Linear(c, c)
            self.W_ix = nn.Linear(x, c)
            self.W_fc = nn.Linear(c, c)
            self.W_fx = nn.Linear(x, c)

        def forward(self, xt, cp):
            i = torch.sigmoid(self.W_ic(cp) + self.W_ix(xt))
            f = torch.sigmoid(self.W_fc(cp) + self.W_fx(xt))
            ct = i * xt + f * cp
            return torch.tanh(ct), ct

    return Cell()


# stored file id 1077280017 (Rust crate ncps, src/cells/lstm_cell.rs, LSTMCell doc comment). Four gates
# i, g, f, o, each W_i* (h x x), b_i*, W_h* (h x h), b_h*; the +1 in f is a constant. 4h(x + h + 2).
@_export
def h18e_ncpsrust_lstm(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_i = nn.ModuleDict({g: nn.Linear(x, h) for g in "igfo"})
            self.W_h = nn.ModuleDict({g: nn.Linear(h, h) for g in "igfo"})

        def forward(self, xt, hp, cp):
            pre = {g: self.W_i[g](xt) + self.W_h[g](hp) for g in "igfo"}
            i = torch.tanh(pre["i"])
            g = torch.sigmoid(pre["g"])
            f = torch.sigmoid(pre["f"] + 1)
            o = torch.sigmoid(pre["o"])
            c = f * cp + i * g
            return o * torch.tanh(c), c

    return Cell()


# stored file id 32766130436 (Rust fn cfc_cell doc comment; expect refuse: tau is never said to be a
# learned parameter, nor whether it is a scalar or one per unit). One plausible reading (the code's):
# W_h (h x h), W_x (h x x), tau in R^h, no bias. h^2 + hx + h.
@_export
def h18e_odeprims_cfc(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_h = _p(h, h)
            self.W_x = _p(h, x)
            self.tau = nn.Parameter(torch.ones(h))

        def forward(self, xt, hp, dt=1.0):
            decay = torch.exp(-dt / self.tau)
            return hp * decay + (1 - decay) * torch.tanh(self.W_h @ hp + self.W_x @ xt)

    return Cell()


# faezs/homotopy-nn src/Neural/Memory/LSTM.agda, MGU2 doc comment. Gate σ_z(h_{t-1}) depends on h only
# and has no bias: U_z (h x h); candidate tanh(W·x_t + U·(...)) with W (h x x), U (h x h), no bias.
# Matches the stated 2m² + mn with m = h, n = x. 2h^2 + hx.
@_export
def h18e_homotopynn_mgu2(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.U_z = _p(h, h)
            self.W = _p(h, x)
            self.U = _p(h, h)

        def forward(self, xt, hp):
            z = torch.sigmoid(self.U_z @ hp)
            cand = torch.tanh(self.W @ xt + self.U @ (z * hp))
            return (1 - z) * hp + z * cand

    return Cell()


# faezs/homotopy-nn src/Neural/Memory/LSTM.agda, Pure Cubic Unfolding Cell doc comment (Eq 4.21).
# σ_α = σ(linear form in η): U_α (m x m); u, v = tanh(linear forms in ξ): W_u, W_v (m x n); no bias.
# m^2 + 2mn (as stated).
@_export
def h18e_homotopynn_cubic(m=5, n=7):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.U_alpha = _p(m, m)
            self.W_u = _p(m, n)
            self.W_v = _p(m, n)

        def forward(self, xi, eta):
            s = torch.sigmoid(self.U_alpha @ eta)
            u = torch.tanh(self.W_u @ xi)
            v = torch.tanh(self.W_v @ xi)
            return s ** 3 + u * s + v

    return Cell()


# stored file id 51985085590 (ferrotorch-nn/src/rnn.rs, GRU doc comment). PyTorch GRU: weight_ih
# [3h, x], weight_hh [3h, h], b_i* and b_h* per gate. One layer (no count given). 3h(x + h + 2).
@_export
def h18e_ferrotorch_gru(input_size=7, hidden_size=5):
    x, h = input_size, hidden_size

    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.weight_ih = _p(3 * h, x)
            self.weight_hh = _p(3 * h, h)
            self.b_i = _p(3 * h)
            self.b_h = _p(3 * h)

        def forward(self, xt, hp):
            gi = self.weight_ih @ xt + self.b_i
            gh = self.weight_hh @ hp + self.b_h
            r = torch.sigmoid(gi[:h] + gh[:h])
            z = torch.sigmoid(gi[h:2 * h] + gh[h:2 * h])
            n = torch.tanh(gi[2 * h:] + r * gh[2 * h:])
            return (1 - z) * n + z * hp

    return Cell()


# stored file id 5626985152 (class AttentionGate docstring; expect refuse: C_tilde is used but never
# defined). One plausible reading (the module's code): W_f, V_f (h x h, no bias); C_tilde =
# tanh(W_C [h_{t-1}, x_t] + b_C); o_t with W_o (h x (2h + x)) and a bias.
# 2h^2 + h(h + x) + h + h(2h + x) + h = 5h^2 + 2hx + 2h.
@_export
def h18e_attngatelstm_cifg(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_f = nn.Linear(h, h, bias=False)
            self.V_f = nn.Linear(h, h, bias=False)
            self.W_C = nn.Linear(h + x, h)
            self.W_o = nn.Linear(2 * h + x, h)

        def forward(self, xt, hp, Cp):
            f = torch.sigmoid(self.V_f(torch.tanh(self.W_f(Cp))))
            C_tilde = torch.tanh(self.W_C(torch.cat([hp, xt])))
            C = f * Cp + (1 - f) * C_tilde
            o = torch.sigmoid(self.W_o(torch.cat([C, hp, xt])))
            return o * torch.tanh(C), C

    return Cell()


# stored file id 23839859357 (Rust GRUCell doc comment, game-history RNN module). Per gate W_x* (h x x),
# W_h* (h x h) and one bias b_*. 3h(x + h + 1).
@_export
def h18e_gamernn_gru(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_x = nn.ModuleDict({g: nn.Linear(x, h) for g in "zrh"})
            self.W_h = nn.ModuleDict({g: nn.Linear(h, h, bias=False) for g in "zrh"})

        def forward(self, xt, hp):
            z = torch.sigmoid(self.W_x["z"](xt) + self.W_h["z"](hp))
            r = torch.sigmoid(self.W_x["r"](xt) + self.W_h["r"](hp))
            cand = torch.tanh(self.W_x["h"](xt) + self.W_h["h"](r * hp))
            return (1 - z) * hp + z * cand

    return Cell()


# stored file id 25126739984 (C MKL batch-GEMM LSTM benchmark, // LSTM header comment). Four gates
# f, i, c, o, each w_*x (h x x), w_*h (h x h), one bias b_*. 4h(x + h + 1).
@_export
def h18e_intel_mkl_lstm_batchgemm(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.w_x = nn.ModuleDict({g: nn.Linear(x, h) for g in "fico"})
            self.w_h = nn.ModuleDict({g: nn.Linear(h, h, bias=False) for g in "fico"})

        def forward(self, xt, hp, cp):
            pre = {g: self.w_x[g](xt) + self.w_h[g](hp) for g in "fico"}
            f, i, o = (torch.sigmoid(pre[g]) for g in "fio")
            c = f * cp + i * torch.tanh(pre["c"])
            return o * torch.tanh(c), c

    return Cell()
