"""Oracles for the `nt-` snippets: texts chosen for the notations they exercise.

Each oracle takes the snippet's sizes as keyword arguments and returns a small module written from
the snippet's equations: one nn.Linear / nn.Conv1d / nn.Conv2d / nn.Parameter per weight the text
names, a bias only where the text writes one (or, for `expect: note` / `expect: refuse` snippets,
where the most plausible reading puts one), a layer normalisation's gain and bias where the text
gives them, nothing for a weight the text defines from others, and a `forward(x, state)` that runs
one step as the equations say.
"""
from __future__ import annotations

import torch
from torch import nn

__all__ = [
    "nt_pwc_qrnn",
    "nt_pwc_cgru",
    "nt_pwc_mogrifier",
    "nt_pwc_urnn",
    "nt_torchrecurrent_lipschitz",
    "nt_torchrecurrent_plrnn",
    "nt_stefoe_indrnn",
    "nt_rljl_indrnn",
    "nt_rljl_peephole",
    "nt_edifice_minlstm",
    "nt_edifice_mingru",
    "nt_senliuy_layernorm_rnn",
    "nt_senliuy_cho_gru",
    "nt_senliuy_rnnlm",
]

sig = torch.sigmoid
tanh = torch.tanh


def _lin(i: int, o: int, bias: bool = False) -> nn.Linear:
    return nn.Linear(i, o, bias=bias)


def _vec(n: int) -> nn.Parameter:
    return nn.Parameter(torch.randn(n) * 0.1)


def _mat(r: int, c: int) -> nn.Parameter:
    return nn.Parameter(torch.randn(r, c) * 0.1)


# --- paperswithcode.com/method/qrnn (Bradbury et al. 2016) -------------------------------------

class _QRNNfo(nn.Module):
    """Z, F, O = tanh/sigma(W_* ∗ X) with W_z, W_f, W_o in R^{k x n x m} (masked convolutions over
    time, no bias), then fo-pooling c_t = f*c_{t-1} + (1-f)*z_t, h_t = o*c_t (no parameters).
    One step: the state keeps the last k-1 inputs (the masked window) and c."""

    def __init__(self, n: int, m: int, k: int):
        super().__init__()
        self.k = k
        self.W = nn.ModuleDict({g: nn.Conv1d(n, m, k, bias=False) for g in "zfo"})

    def forward(self, x, state):
        window, c = state                     # window: (B, n, k-1), c: (B, m)
        X = torch.cat([window, x.unsqueeze(-1)], dim=-1)
        z = tanh(self.W["z"](X)).squeeze(-1)
        f = sig(self.W["f"](X)).squeeze(-1)
        o = sig(self.W["o"](X)).squeeze(-1)
        c = f * c + (1 - f) * z
        return o * c, (X[..., 1:], c)


def nt_pwc_qrnn(n: int, m: int, k: int) -> nn.Module:
    return _QRNNfo(n, m, k)


# --- paperswithcode.com/method/cgru ----------------------------------------------------------------

class _ConvGRU(nn.Module):
    """r, u = sigma(W ⋆_n [h;x] + b), c = ReLU(W_c ⋆_n [x; r*h] + b_c), h = u*h + (1-u)*c.
    Each W is an n x n 2-D kernel from h+x channels to h channels; b one value per channel."""

    def __init__(self, x: int, h: int, n: int):
        super().__init__()
        self.W = nn.ModuleDict({g: nn.Conv2d(h + x, h, n, padding=n // 2) for g in "ruc"})

    def forward(self, x, h):
        hx = torch.cat([h, x], dim=1)
        r = sig(self.W["r"](hx))
        u = sig(self.W["u"](hx))
        c = torch.relu(self.W["c"](torch.cat([x, r * h], dim=1)))
        return u * h + (1 - u) * c


def nt_pwc_cgru(x: int, h: int, n: int) -> nn.Module:
    return _ConvGRU(x, h, n)


# --- paperswithcode.com/method/mogrifier-lstm (Melis et al. 2019) ---------------------------------

class _Mogrifier(nn.Module):
    """x in R^m, h in R^n. Rounds i = 1..r: odd i, x = 2 sigma(Q^i h) * x with
    Q^i = Q^i_left Q^i_right (m x k, k x n); even i, h = 2 sigma(R^i x) * h with R^i factorised
    likewise (n x k, k x m). Then an LSTM (not written in the text; the most plausible reading is
    the usual one with one bias per gate) on the modulated x and h."""

    def __init__(self, m: int, n: int, k: int, r: int):
        super().__init__()
        self.r = r
        self.left = nn.ParameterList()
        self.right = nn.ParameterList()
        for i in range(1, r + 1):
            if i % 2:      # Q^i: m x n
                self.left.append(_mat(m, k))
                self.right.append(_mat(k, n))
            else:          # R^i: n x m
                self.left.append(_mat(n, k))
                self.right.append(_mat(k, m))
        self.W_x = _lin(m, 4 * n, bias=True)
        self.W_h = _lin(n, 4 * n)

    def forward(self, x, state):
        h, c = state
        for i in range(1, self.r + 1):
            M = self.left[i - 1] @ self.right[i - 1]
            if i % 2:
                x = 2 * sig(h @ M.t()) * x
            else:
                h = 2 * sig(x @ M.t()) * h
        i_, f, g, o = (self.W_x(x) + self.W_h(h)).chunk(4, -1)
        c = sig(f) * c + sig(i_) * tanh(g)
        return sig(o) * tanh(c), c


def nt_pwc_mogrifier(m: int, n: int, k: int, r: int) -> nn.Module:
    return _Mogrifier(m, n, k, r)


# --- paperswithcode.com/method/unitary-rnn (Arjovsky et al. 2016) -------------------------------

class _UnitaryRNN(nn.Module):
    """h_t = modReLU(D_3 R_2 F^-1 D_2 P R_1 F D_1 h_{t-1} + V x_t), complex state, as in Arjovsky et
    al.: each D_k = diag(exp(i theta_k)) has h real phases, each R_k = I - 2 v v^*/||v||^2 a complex
    vector v (2h reals), F the unitary DFT and P a fixed permutation (no parameters), V a complex
    h x x matrix (2hx reals) and the modReLU bias b (h reals). The text says only D and R are
    learned yet also calls f's bias learned and never says V is fixed (expect: refuse)."""

    def __init__(self, x: int, h: int):
        super().__init__()
        self.theta = nn.Parameter(torch.rand(3, h) * 6.28)          # D_1, D_2, D_3
        self.v = nn.Parameter(torch.randn(2, 2, h))                 # R_1, R_2: (re, im)
        self.V = nn.Parameter(torch.randn(2, h, x) * 0.1)           # (re, im)
        self.b = nn.Parameter(torch.zeros(h))
        self.register_buffer("perm", torch.randperm(h))

    def _D(self, k, z):
        return torch.polar(torch.ones_like(self.theta[k]), self.theta[k]) * z

    def _R(self, k, z):
        v = torch.complex(self.v[k, 0], self.v[k, 1])
        return z - 2 * v * (z @ v.conj()).unsqueeze(-1) / (v.abs() ** 2).sum()

    def forward(self, x, h):
        z = self._D(0, h)
        z = self._R(0, torch.fft.fft(z, norm="ortho"))[..., self.perm]
        z = self._R(1, torch.fft.ifft(self._D(1, z), norm="ortho"))
        z = self._D(2, z) + x.to(z.dtype) @ torch.complex(self.V[0], self.V[1]).t()
        mod = z.abs()
        return torch.relu(mod + self.b) * z / (mod + 1e-6)


def nt_pwc_urnn(x: int, h: int) -> nn.Module:
    return _UnitaryRNN(x, h)


# --- MartinuzziFrancesco/torchrecurrent ------------------------------------------------------------

class _LipschitzRNN(nn.Module):
    """A and W are defined from the learnable M_A and M_W (not separate parameters); beta, gamma and
    epsilon are fixed hyperparameters (Args defaults 0.7, 0.001, 0.1); b_hh and b_ih both present."""

    def __init__(self, x: int, h: int, beta: float = 0.7, gamma: float = 0.001, eps: float = 0.1):
        super().__init__()
        self.beta, self.gamma, self.eps = beta, gamma, eps
        self.M_A, self.M_W = _mat(h, h), _mat(h, h)
        self.W_ih = _lin(x, h, bias=True)      # W_ih x(t) + b_ih
        self.b_hh = _vec(h)

    def _structured(self, M):
        eye = torch.eye(M.shape[0], dtype=M.dtype)
        return self.beta * (M - M.t()) + (1 - self.beta) * (M + M.t()) - self.gamma * eye

    def forward(self, x, h):
        A, W = self._structured(self.M_A), self._structured(self.M_W)
        pre = h @ W.t() + self.b_hh + self.W_ih(x)
        return h + self.eps * (h @ A.t()) + self.eps * tanh(pre)


def nt_torchrecurrent_lipschitz(x: int, h: int) -> nn.Module:
    return _LipschitzRNN(x, h)


class _PLRNN(nn.Module):
    """h(t) = A h(t-1) + W phi(h(t-1)) + C x(t) + b; A diagonal, stored as a vector; W stored
    (hidden_size, hidden_size) as the Variables section says (its diagonal is zero only at init)."""

    def __init__(self, x: int, h: int):
        super().__init__()
        self.A = _vec(h)
        self.W = _mat(h, h)
        self.C = _lin(x, h, bias=True)         # C x(t) + b

    def forward(self, x, h):
        return self.A * h + torch.relu(h) @ self.W.t() + self.C(x)


def nt_torchrecurrent_plrnn(x: int, h: int) -> nn.Module:
    return _PLRNN(x, h)


# --- StefOe/indrnn-pytorch ----------------------------------------------------------------------

class _IndRNNwhh(nn.Module):
    """h' = act(w_ih * x + b_ih + w_hh (*) h): w_hh a vector, only the input-side bias b_ih."""

    def __init__(self, x: int, h: int):
        super().__init__()
        self.w_ih = _lin(x, h, bias=True)
        self.w_hh = _vec(h)

    def forward(self, x, h):
        return torch.relu(self.w_ih(x) + self.w_hh * h)


def nt_stefoe_indrnn(x: int, h: int) -> nn.Module:
    return _IndRNNwhh(x, h)


# --- MartinuzziFrancesco/RecurrentLayers.jl docstrings --------------------------------------------

class _IndRNNu(nn.Module):
    """h(t) = sigma(W_ih x(t) + u ⊙ h(t-1) + b)."""

    def __init__(self, x: int, h: int):
        super().__init__()
        self.W_ih, self.u, self.b = _lin(x, h), _vec(h), _vec(h)

    def forward(self, x, h):
        return torch.relu(self.W_ih(x) + self.u * h + self.b)


def nt_rljl_indrnn(x: int, h: int) -> nn.Module:
    return _IndRNNu(x, h)


class _PeepholeLSTM(nn.Module):
    """z, i, f, o from W^g_ih x(t) + W^g_hh h(t-1) + b^g; peephole vectors w^i_ph, w^f_ph on
    c(t-1) and w^o_ph on c(t); c(t) = f ⊙ c(t-1) + i ⊙ z(t); h(t) = o ⊙ tanh(c(t))."""

    def __init__(self, x: int, h: int):
        super().__init__()
        self.W_ih = nn.ModuleDict({g: _lin(x, h) for g in "zifo"})
        self.W_hh = nn.ModuleDict({g: _lin(h, h) for g in "zifo"})
        self.b = nn.ParameterDict({g: _vec(h) for g in "zifo"})
        self.w_ph = nn.ParameterDict({g: _vec(h) for g in "ifo"})

    def forward(self, x, state):
        h, c = state
        pre = {g: self.W_ih[g](x) + self.W_hh[g](h) + self.b[g] for g in "zifo"}
        z = tanh(pre["z"])
        i = sig(pre["i"] + self.w_ph["i"] * c)
        f = sig(pre["f"] + self.w_ph["f"] * c)
        c = f * c + i * z
        o = sig(pre["o"] + self.w_ph["o"] * c)
        return o * tanh(c), c


def nt_rljl_peephole(x: int, h: int) -> nn.Module:
    return _PeepholeLSTM(x, h)


# --- blasphemetheus/edifice -----------------------------------------------------------------------

class _MinLSTM(nn.Module):
    """linear_f, linear_i, linear_h: dense layers with a bias (Axon's default); the state is c."""

    def __init__(self, x: int, c: int):
        super().__init__()
        self.linear = nn.ModuleDict({g: _lin(x, c, bias=True) for g in "fih"})

    def forward(self, x, c):
        f = sig(self.linear["f"](x))
        i = sig(self.linear["i"](x))
        f_, i_ = f / (f + i), i / (f + i)
        return f_ * c + i_ * self.linear["h"](x)


def nt_edifice_minlstm(x: int, c: int) -> nn.Module:
    return _MinLSTM(x, c)


class _MinGRUnobias(nn.Module):
    """z_t = σ(W_z · x_t), h_t = (1-z) · h_{t-1} + z · W_h · x_t; no biases."""

    def __init__(self, x: int, h: int):
        super().__init__()
        self.W_z, self.W_h = _lin(x, h), _lin(x, h)

    def forward(self, x, h):
        z = sig(self.W_z(x))
        return (1 - z) * h + z * self.W_h(x)


def nt_edifice_mingru(x: int, h: int) -> nn.Module:
    return _MinGRUnobias(x, h)


# --- senliuy/Advanced-Deep-Learning ---------------------------------------------------------------

class _LayerNormRNN(nn.Module):
    """a^t = W_hh h^{t-1} + W_xh x^t; h^t = f(g / sqrt(sigma^2 + eps) ⊙ (a^t - mu^t) + b) with mu, sigma
    the statistics over the H units (not parameters), gain g and bias b learned, eps a constant."""

    def __init__(self, x: int, h: int, eps: float = 1e-5):
        super().__init__()
        self.W_hh, self.W_xh = _lin(h, h), _lin(x, h)
        self.g = nn.Parameter(torch.ones(h))
        self.b = nn.Parameter(torch.zeros(h))
        self.eps = eps

    def forward(self, x, h):
        a = self.W_hh(h) + self.W_xh(x)
        mu = a.mean(-1, keepdim=True)
        var = ((a - mu) ** 2).mean(-1, keepdim=True)
        return tanh(self.g / torch.sqrt(var + self.eps) * (a - mu) + self.b)


def nt_senliuy_layernorm_rnn(x: int, h: int) -> nn.Module:
    return _LayerNormRNN(x, h)


class _ChoGRU(nn.Module):
    """Cho et al. 2014 in component form: W_r, U_r, W_z, U_z, W, U, no biases; reset before U;
    h_j = z_j h_j^{<t-1>} + (1 - z_j) hat h_j^{<t>} (the text's \\mathbf{X} read as \\mathbf{x})."""

    def __init__(self, x: int, h: int):
        super().__init__()
        self.W = nn.ModuleDict({g: _lin(x, h) for g in ("r", "z", "h")})
        self.U = nn.ModuleDict({g: _lin(h, h) for g in ("r", "z", "h")})

    def forward(self, x, h):
        r = sig(self.W["r"](x) + self.U["r"](h))
        z = sig(self.W["z"](x) + self.U["z"](h))
        h_hat = tanh(self.W["h"](x) + self.U["h"](r * h))
        return z * h + (1 - z) * h_hat


def nt_senliuy_cho_gru(x: int, h: int) -> nn.Module:
    return _ChoGRU(x, h)


class _RNNLM(nn.Module):
    """Mikolov et al. 2010 as the paper means it: x(t) = [w(t); s(t-1)] (the text's '+' is a
    concatenation), s(t) = f(U x(t)) with f the sigmoid, y(t) = g(V s(t)) with g the softmax over the
    vocabulary (y has w's size); u_ji and v_kj are the entries of U and V; no biases."""

    def __init__(self, w: int, s: int, y: int):
        super().__init__()
        self.U = _lin(w + s, s)
        self.V = _lin(s, y)

    def forward(self, w, s):
        s = sig(self.U(torch.cat([w, s], -1)))
        return torch.softmax(self.V(s), -1), s


def nt_senliuy_rnnlm(w: int, s: int, y: int) -> nn.Module:
    return _RNNLM(w, s, y)
