import torch
from torch import nn

__all__ = []


def _export(f):
    __all__.append(f.__name__)
    return f


def _p(*shape):
    return nn.Parameter(torch.randn(*shape) * 0.1)


# chaobrain/braintrace:braintrace/nn/_rnn.py, MGUCell docstring. Forget gate W_f (h x x), U_f (h x h), b_f (h);
# candidate W_h (h x x), U_h (h x h), b_h (h). 2h(x + h + 1).
@_export
def h30d_braintrace_mgu(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_f, self.U_f, self.b_f = _p(h, x), _p(h, h), _p(h)
            self.W_h, self.U_h, self.b_h = _p(h, x), _p(h, h), _p(h)

        def forward(self, xt, hp):
            f = torch.sigmoid(self.W_f @ xt + self.U_f @ hp + self.b_f)
            hh = torch.tanh(self.W_h @ xt + self.U_h @ (f * hp) + self.b_h)
            return (1 - f) * hp + f * hh

    return Cell()


# chaobrain/braintrace:braintrace/nn/_rnn.py, MiniGRU docstring. W_x (h x x) for the candidate, W_z (h x (x + h))
# on the concatenation [x_t; h_{t-1}]; no bias is written. hx + h(x + h).
@_export
def h30d_braintrace_minigru(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_x = _p(h, x)
            self.W_z = _p(h, x + h)

        def forward(self, xt, hp):
            z = torch.sigmoid(self.W_z @ torch.cat([xt, hp]))
            return (1 - z) * hp + z * (self.W_x @ xt)

    return Cell()


# chaobrain/braintrace:braintrace/nn/_rnn.py, MiniLSTM docstring (refuse: the gates' equations are missing).
# Most plausible reading, the module's own code: W_x (h x x), W_f and W_i (h x (x + h)) on [x_t; h_{t-1}], each
# Linear with a bias. hx + 2h(x + h) + 3h.
@_export
def h30d_braintrace_minilstm(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_x, self.b_x = _p(h, x), _p(h)
            self.W_f, self.b_f = _p(h, x + h), _p(h)
            self.W_i, self.b_i = _p(h, x + h), _p(h)

        def forward(self, xt, hp):
            xh = torch.cat([xt, hp])
            f = torch.sigmoid(self.W_f @ xh + self.b_f)
            i = torch.sigmoid(self.W_i @ xh + self.b_i)
            return f * hp + i * (self.W_x @ xt + self.b_x)

    return Cell()


# MartinuzziFrancesco/LuxRecurrentLayers.jl:src/cells/multiplicativelstm_cell.jl, MultiplicativeLSTMCell docstring.
# Input weights W_ih^{m,h,i,o,f} (h x x) with b_ih^{m,h,i,o,f} (h); W_hh^m (h x h), b_hh^m (h); W_mh^{h,i,o,f}
# (h x h) with b_mh^{h,i,o,f} (h). 5hx + 5h^2 + 10h (the package's parameterlength agrees).
@_export
def h30d_lux_mlstm(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_ih = nn.ParameterDict({g: _p(h, x) for g in "mhiof"})
            self.b_ih = nn.ParameterDict({g: _p(h) for g in "mhiof"})
            self.W_hh_m, self.b_hh_m = _p(h, h), _p(h)
            self.W_mh = nn.ParameterDict({g: _p(h, h) for g in "hiof"})
            self.b_mh = nn.ParameterDict({g: _p(h) for g in "hiof"})

        def forward(self, xt, state):
            hp, cp = state
            m = (self.W_ih["m"] @ xt + self.b_ih["m"]) * (self.W_hh_m @ hp + self.b_hh_m)

            def pre(g):
                return self.W_ih[g] @ xt + self.b_ih[g] + self.W_mh[g] @ m + self.b_mh[g]

            hh = pre("h")
            i, o, f = torch.sigmoid(pre("i")), torch.sigmoid(pre("o")), torch.sigmoid(pre("f"))
            c = f * cp + i * torch.tanh(hh)
            return torch.tanh(c) * o, c

    return Cell()


# stored file id 58294127543, Chinese LTC concept note (refuse: f(h, x; theta) unspecified). Most plausible
# reading: f a dense tanh layer on [x; h] (W_f h x (x + h), b_f h), A (h x x), b (h), tau_sys and tau_min fixed
# constants; one explicit Euler step of dt = 1. h(x + h + 1) + h(x + 1).
@_export
def h30d_ltc_note(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_f, self.b_f = _p(h, x + h), _p(h)
            self.A, self.b = _p(h, x), _p(h)
            self.tau_sys, self.tau_min = 1.0, 0.1

        def forward(self, xt, hp):
            tau = self.tau_sys * torch.sigmoid(self.A @ xt + self.b) + self.tau_min
            f = torch.tanh(self.W_f @ torch.cat([xt, hp]) + self.b_f)
            return hp + (-hp + f) / tau

    return Cell()


# stored file id 38128436750, RC-Mamba paper LaTeX, Mamba background (refuse: B_t in R^{d x 1} times x_t in R^d
# does not conform; Linear biases unstated). Most plausible reading: per-channel scalar SSM as in Mamba with
# A (d x d), Linear_B and Linear_C each d -> d with bias, D a scalar; B_t and C_t act elementwise on x_t and h_t.
# d^2 + 2(d^2 + d) + 1.
@_export
def h30d_rcmamba_ssm(d=6):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.A = _p(d, d)
            self.W_B, self.b_B = _p(d, d), _p(d)
            self.W_C, self.b_C = _p(d, d), _p(d)
            self.D = _p(1)

        def forward(self, xt, hp):
            B = self.W_B @ xt + self.b_B
            C = self.W_C @ xt + self.b_C
            h = self.A @ hp + B * xt
            return C * h + self.D * xt, h

    return Cell()


# stored file id 61726384334, StatQuest-style LSTM notes. W_f, W_i, W_c, W_o (h x (h + x)) on [h_{t-1}, x_t],
# b_f, b_i, b_c, b_o (h). 4h(h + x + 1).
@_export
def h30d_statquest_lstm(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W = nn.ParameterDict({g: _p(h, h + x) for g in "fico"})
            self.b = nn.ParameterDict({g: _p(h) for g in "fico"})

        def forward(self, xt, state):
            hp, cp = state
            v = torch.cat([hp, xt])
            f = torch.sigmoid(self.W["f"] @ v + self.b["f"])
            i = torch.sigmoid(self.W["i"] @ v + self.b["i"])
            ct = torch.tanh(self.W["c"] @ v + self.b["c"])
            c = f * cp + i * ct
            o = torch.sigmoid(self.W["o"] @ v + self.b["o"])
            return o * torch.tanh(c), c

    return Cell()


# MartinuzziFrancesco/LuxRecurrentLayers.jl:src/cells/br_cell.jl, BRCell docstring (bistable recurrent cell).
# W_ih^a, W_ih^c, W_ih^h (h x x); b_ih^a, b_ih^c, b_ih^h (h); w_hh^a, w_hh^c (h, used with \circ);
# b_hh^a, b_hh^c (h). 3hx + 7h.
@_export
def h30d_lux_brcell(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_ih = nn.ParameterDict({g: _p(h, x) for g in "ach"})
            self.b_ih = nn.ParameterDict({g: _p(h) for g in "ach"})
            self.w_hh = nn.ParameterDict({g: _p(h) for g in "ac"})
            self.b_hh = nn.ParameterDict({g: _p(h) for g in "ac"})

        def forward(self, xt, hp):
            a = 1 + torch.tanh(self.W_ih["a"] @ xt + self.b_ih["a"] + self.w_hh["a"] * hp + self.b_hh["a"])
            c = torch.sigmoid(self.W_ih["c"] @ xt + self.b_ih["c"] + self.w_hh["c"] * hp + self.b_hh["c"])
            return c * hp + (1 - c) * torch.tanh(self.W_ih["h"] @ xt + self.b_ih["h"] + a * hp)

    return Cell()


# stored file id 68965368180 (kexue.fm/archives/6621), LSTM recap. W_f, W_i, W_o, W_c (h x x), U_f, U_i, U_o, U_c
# (h x h), b_f, b_i, b_o, b_c (h). 4h(x + h + 1).
@_export
def h30d_kexue_lstm(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W = nn.ParameterDict({g: _p(h, x) for g in "fioc"})
            self.U = nn.ParameterDict({g: _p(h, h) for g in "fioc"})
            self.b = nn.ParameterDict({g: _p(h) for g in "fioc"})

        def forward(self, xt, state):
            hp, cp = state

            def pre(g):
                return self.W[g] @ xt + self.U[g] @ hp + self.b[g]

            f, i, o = torch.sigmoid(pre("f")), torch.sigmoid(pre("i")), torch.sigmoid(pre("o"))
            c = f * cp + i * torch.tanh(pre("c"))
            return o * torch.tanh(c), c

    return Cell()


# stored file id 68965368180 (kexue.fm/archives/6621), complete ON-LSTM update. Gates f, i, o, candidate c and the
# master gates \tilde f, \tilde i, each W (h x x), U (h x h), b (h); master gates as wide as c_t. 6h(x + h + 1).
@_export
def h30d_kexue_onlstm(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            gs = ["f", "i", "o", "c", "mf", "mi"]
            self.W = nn.ParameterDict({g: _p(h, x) for g in gs})
            self.U = nn.ParameterDict({g: _p(h, h) for g in gs})
            self.b = nn.ParameterDict({g: _p(h) for g in gs})

        def forward(self, xt, state):
            hp, cp = state

            def pre(g):
                return self.W[g] @ xt + self.U[g] @ hp + self.b[g]

            f, i, o = torch.sigmoid(pre("f")), torch.sigmoid(pre("i")), torch.sigmoid(pre("o"))
            ch = torch.tanh(pre("c"))
            mf = torch.cumsum(torch.softmax(pre("mf"), -1), -1)
            mi = torch.flip(torch.cumsum(torch.flip(torch.softmax(pre("mi"), -1), [-1]), -1), [-1])
            w = mf * mi
            c = w * (f * cp + i * ch) + (mf - w) * cp + (mi - w) * ch
            return o * torch.tanh(c), c

    return Cell()


# fla-org/flash-linear-attention:fla/ops/rwkv7/RWKV7(Goose).md (refuse: no projections are written). Most
# plausible reading: r, k, w, a (for alpha/beta) from x by (d_k x x) maps, v by a (d_v x x) map, eta a per-channel
# sigmoid from a (d_k x x) map; alpha = -k, beta = eta * k. 5 d_k x + d_v x.
@_export
def h30d_fla_rwkv7(x=7, d_k=6, d_v=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_r, self.W_k, self.W_w, self.W_eta, self.W_a = (_p(d_k, x) for _ in range(5))
            self.W_v = _p(d_v, x)

        def forward(self, xt, S):
            r, k = self.W_r @ xt, self.W_k @ xt
            k = k / (k.norm() + 1e-6)
            v = self.W_v @ xt
            d = torch.exp(-torch.exp(self.W_w @ xt))
            eta = torch.sigmoid(self.W_eta @ xt)
            alpha, beta = -k * torch.sigmoid(self.W_a @ xt), eta * k
            S = S * d + torch.outer(S @ alpha, beta) + torch.outer(v, k)
            return S @ r, S

    return Cell()
