"""Oracles for the h43b set-aside snippets (heldout43), as its gatherer wrote them."""
import torch
from torch import nn

__all__ = []


def _export(f):
    __all__.append(f.__name__)
    return f


def _p(*shape):
    return nn.Parameter(torch.randn(*shape) * 0.1)


# kyselica12/DiplomovkaTex sections/deep_learning.tex, LSTM; as the equations write it: per gate f, I, l, O a
# U^g (m x n) on x, W^g (m x m) on h and a bias^g (m); cell and hidden state as written (c^{(t-1)} is said to enter
# the forget gate in prose but is not in its equation). The text's own total N = 4 (n x m) contradicts this;
# Count: 4*(m*n + m*m + m).
@_export
def h43b_kyselica_lstm(n=7, m=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.U = nn.ParameterDict({g: _p(m, n) for g in "fIlO"})
            self.W = nn.ParameterDict({g: _p(m, m) for g in "fIlO"})
            self.bias = nn.ParameterDict({g: _p(m) for g in "fIlO"})

        def pre(self, g, x, h):
            return self.bias[g] + x @ self.U[g].T + h @ self.W[g].T

        def forward(self, x, h, c):
            f = torch.sigmoid(self.pre("f", x, h))
            I = torch.sigmoid(self.pre("I", x, h))
            l = torch.tanh(self.pre("l", x, h))
            c = f * c + I * l
            O = torch.sigmoid(self.pre("O", x, h))
            h = torch.tanh(c) * O
            return h, c
    return Cell()


# kiksekage/report sections/methodology.tex, GRU (Chung et al.); W_z, W_r, W: h x x; U_z, U_r, U: h x h; no biases
# written; Count: 3*(h*x + h*h).
@_export
def h43b_kiksekage_gru(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_z, self.W_r, self.W = _p(h, x), _p(h, x), _p(h, x)
            self.U_z, self.U_r, self.U = _p(h, h), _p(h, h), _p(h, h)

        def forward(self, xt, hp):
            z = torch.sigmoid(xt @ self.W_z.T + hp @ self.U_z.T)
            r = torch.sigmoid(xt @ self.W_r.T + hp @ self.U_r.T)
            ht = torch.tanh(xt @ self.W.T + (r * hp) @ self.U.T)
            return (1 - z) * hp + z * ht
    return Cell()


# IPodtsepko/machine-learning-notes lectures/6.tex, LSTM with optional peepholes. The base cell: W_f, W_i, W_c, W_o
# each h x (h+x) on [h_{t-1}, x_t] plus biases (260 at x=7, h=5); the optional peephole variant widens the gate
# concatenation to [C, h_{t-1}, x_t], so W_f, W_i, W_o become h x (2h+x) (335). Oracle: the base cell (the
# peepholes are "optional"); Count: 4*(h*(h+x) + h).
@_export
def h43b_podtsepko_lstm(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_f, self.W_i, self.W_c, self.W_o = (nn.Linear(h + x, h) for _ in range(4))

        def forward(self, xt, hp, Cp):
            z = torch.cat([hp, xt], -1)
            f = torch.sigmoid(self.W_f(z))
            i = torch.sigmoid(self.W_i(z))
            Ct_ = torch.tanh(self.W_c(z))
            o = torch.sigmoid(self.W_o(z))
            C = f * Cp + i * Ct_
            return o * torch.tanh(C), C
    return Cell()


# IPodtsepko/machine-learning-notes lectures/6.tex, GRU; W_z, W_r, W each h x (h+x) on a concatenation, no biases;
# Count: 3*h*(h+x).
@_export
def h43b_podtsepko_gru(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_z, self.W_r, self.W = (nn.Linear(h + x, h, bias=False) for _ in range(3))

        def forward(self, xt, hp):
            z = torch.sigmoid(self.W_z(torch.cat([hp, xt], -1)))
            r = torch.sigmoid(self.W_r(torch.cat([hp, xt], -1)))
            ht = torch.tanh(self.W(torch.cat([r * hp, xt], -1)))
            return (1 - z) * hp + z * ht
    return Cell()


# Kovelja009/bachelor_thesis vanja_thesis.tex, Elman RNN; W_hh: h x h, W_xh: h x x, b_h: h; f = tanh;
# Count: h*h + h*x + h.
@_export
def h43b_kovelja_rnn(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_hh, self.W_xh, self.b_h = _p(h, h), _p(h, x), _p(h)

        def forward(self, xt, hp):
            return torch.tanh(hp @ self.W_hh.T + xt @ self.W_xh.T + self.b_h)
    return Cell()


# MartinaDoku2001/Thesis tesi.tex, LSTM; W_i, W_f, W_g, W_o each h x (h+x) on [h_{t-1}, x_t] with biases b_*;
# the cell update (not written) taken as the standard c_t = f*c + i*g, which adds no parameters;
# Count: 4*(h*(h+x) + h).
@_export
def h43b_doku_lstm(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_i, self.W_f, self.W_g, self.W_o = (nn.Linear(h + x, h) for _ in range(4))

        def forward(self, xt, hp, cp):
            z = torch.cat([hp, xt], -1)
            i, f = torch.sigmoid(self.W_i(z)), torch.sigmoid(self.W_f(z))
            g, o = torch.tanh(self.W_g(z)), torch.sigmoid(self.W_o(z))
            c = f * cp + i * g
            return o * torch.tanh(c), c
    return Cell()


# MartinaDoku2001/Thesis tesi.tex, bidirectional GRU; per direction W_z, W_r, W_h: h x x, U_z, U_r, U_h: h x h,
# b_z, b_r, b_h: h; the prose says "Each GRU subnetwork has its own set of weights and biases", so two sets
# (the equations reuse the letters); output [h_t; \hat{h}_t] has no parameters; Count: 2*3*(h*x + h*h + h).
@_export
def h43b_doku_bigru(x=7, h=5):
    class GRU(nn.Module):
        def __init__(self):
            super().__init__()
            self.W = nn.ParameterDict({g: _p(h, x) for g in "zrh"})
            self.U = nn.ParameterDict({g: _p(h, h) for g in "zrh"})
            self.b = nn.ParameterDict({g: _p(h) for g in "zrh"})

        def forward(self, xt, hp):
            z = torch.sigmoid(xt @ self.W["z"].T + hp @ self.U["z"].T + self.b["z"])
            r = torch.sigmoid(xt @ self.W["r"].T + hp @ self.U["r"].T + self.b["r"])
            ht = torch.tanh(xt @ self.W["h"].T + (r * hp) @ self.U["h"].T + self.b["h"])
            return (1 - z) * hp + z * ht

    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.fwd, self.bwd = GRU(), GRU()

        def forward(self, xt, hp, hn):
            # one step of each direction: forward from h_{t-1}, backward from \hat{h}_{t+1}
            h_f = self.fwd(xt, hp)
            h_b = self.bwd(xt, hn)
            return torch.cat([h_f, h_b], -1)
    return Cell()


# alexbat98/athena_report src/lit_hist.tex, LSTM variant; input state i = sigma(W_ix x + W_ih h): W_ix h x x,
# W_ih h x h; gates from i alone: W_gi, W_fi, W_oi each h x h (i, m, h share one size through g*i and o*m);
# no biases; Count: h*x + h*h + 3*h*h.
@_export
def h43b_alexbat_lstm(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_ix, self.W_ih = _p(h, x), _p(h, h)
            self.W_gi, self.W_fi, self.W_oi = _p(h, h), _p(h, h), _p(h, h)

        def forward(self, xt, hp, mp):
            i = torch.sigmoid(xt @ self.W_ix.T + hp @ self.W_ih.T)
            g = torch.sigmoid(i @ self.W_gi.T)
            f = torch.sigmoid(i @ self.W_fi.T)
            o = torch.sigmoid(i @ self.W_oi.T)
            m = g * i + f * mp
            return o * m, m
    return Cell()


# quanpn90/MasterThesis 2-review.tex, RNNLM (Elman hidden layer + softmax output); shapes from the notation table:
# W^i H x M, W^h H x H, b^h H, W^o with H*V entries (applied as V x H in o^t = W^o h^t), b^o V; f = tanh;
# Count: H*M + H*H + H + V*H + V.
@_export
def h43b_quanpn_rnnlm(M=7, H=5, V=3):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_i, self.W_h, self.b_h = _p(H, M), _p(H, H), _p(H)
            self.W_o, self.b_o = _p(V, H), _p(V)

        def forward(self, it, hp):
            h = torch.tanh(it @ self.W_i.T + hp @ self.W_h.T + self.b_h)
            o = h @ self.W_o.T + self.b_o
            return h, torch.softmax(o, -1)
    return Cell()


# quanpn90/MasterThesis 2-review.tex, LSTM; per gate f, i, o, C: W_* h x x, U_* h x h, b_* h (U applied to the
# previous hidden state; the candidate's Sigmoid vs Tanh does not change the count); Count: 4*(h*x + h*h + h).
@_export
def h43b_quanpn_lstm(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W = nn.ParameterDict({g: _p(h, x) for g in "fioc"})
            self.U = nn.ParameterDict({g: _p(h, h) for g in "fioc"})
            self.b = nn.ParameterDict({g: _p(h) for g in "fioc"})

        def pre(self, g, xt, hp):
            return xt @ self.W[g].T + hp @ self.U[g].T + self.b[g]

        def forward(self, xt, hp, Cp):
            f, i, o = (torch.sigmoid(self.pre(g, xt, hp)) for g in "fio")
            Ct_ = torch.sigmoid(self.pre("c", xt, hp))
            C = f * Cp + i * Ct_
            return o * torch.tanh(C), C
    return Cell()


# 96ibman/Subsymbolic-AI chapters/dl.tex, simple RNN with output layer; W_{z,z}: z x z, W_{x,z}: z x x,
# W_{z,y}: y x z; no biases; g_z = tanh, g_y = identity (activations add no parameters); Count: z*z + z*x + y*z.
@_export
def h43b_ibman_rnn(x=7, z=5, y=3):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_zz, self.W_xz, self.W_zy = _p(z, z), _p(z, x), _p(y, z)

        def forward(self, xt, zp):
            zt = torch.tanh(zp @ self.W_zz.T + xt @ self.W_xz.T)
            return zt, zt @ self.W_zy.T
    return Cell()


# donggil113/Sampling-Consistent-Selective-State-Space-Models paper/main.tex, toy selective SSM with N diagonal
# modes and scalar input. Reading (refuse: complex vs real B, C and the form of "affine" are not fixed): complex
# lambda_n (2N reals), gate g(u) = softplus(w u + beta) (2), B_n(u) = B0_n + B1_n u complex (4N),
# C_n(u) = C0_n + C1_n u complex (4N); one exact-ZOH step with Delta = dt * g(u); Count: 10*N + 2.
@_export
def h43b_donggil_selectivessm(N=4):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.lam_re, self.lam_im = _p(N), _p(N)
            self.w, self.beta = _p(1), _p(1)
            self.B0, self.B1 = _p(N, 2), _p(N, 2)   # (real, imag)
            self.C0, self.C1 = _p(N, 2), _p(N, 2)

        def forward(self, u, h, dt=0.1):
            # u: (batch,) scalar input, h: (batch, N) complex state
            lam = torch.complex(-torch.nn.functional.softplus(self.lam_re), self.lam_im)
            g = torch.nn.functional.softplus(self.w * u + self.beta)            # (batch,)
            B = torch.view_as_complex(self.B0 + self.B1 * u[:, None, None])     # (batch, N)
            C = torch.view_as_complex(self.C0 + self.C1 * u[:, None, None])
            delta = (dt * g)[:, None]
            Abar = torch.exp(delta * lam)
            h = Abar * h + (Abar - 1) / lam * B * u[:, None]
            y = (C * h).sum(-1).real
            return h, y
    return Cell()


# adebayo-pixel/ValueatRisk main.tex, "RNN" with lagged hidden states; as written: h_{k,t} = Phi(b_{k,0} +
# sum_i W_{i,k} x_{i,t}) + sum_{k'} gamma_{k'} h_{k',t-p}: W n x m, b m, gamma m (one coefficient per lagged unit,
# shared by all units, added outside Phi); Phi = sigmoid; lag p only selects which past state is used.
# Count: n*m + m + m (refuse: gamma may be meant per pair, m*m, giving n*m + m + m*m).
@_export
def h43b_adebayo_laggedrnn(n=7, m=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W, self.b, self.gamma = _p(n, m), _p(m), _p(m)

        def forward(self, xt, h_lag):
            # h_lag = h_{t-p}
            return torch.sigmoid(self.b + xt @ self.W) + (h_lag * self.gamma).sum(-1, keepdim=True)
    return Cell()
