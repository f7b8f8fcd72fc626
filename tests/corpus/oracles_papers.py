"""Oracles for the `pp-` snippets: papers' own LaTeX and faithful transcriptions of papers.

Each oracle is a small module written from its snippet's equations: one nn.Linear / nn.Conv2d /
nn.Parameter per weight the text names, a bias only where the text writes one (or, for `expect:
note` / `expect: refuse` snippets, where the most plausible reading puts one), and a `forward(x,
state)` that runs one step as the equations say.
"""
from __future__ import annotations

import torch
from torch import nn

__all__ = [
    "pp_luong_lstm_t4n",
    "pp_luong_lstm_blocks",
    "pp_danqi_lstm",
    "pp_cho_nlu_lstm",
    "pp_distill_nlstm",
    "pp_distill_lstm",
    "pp_gait_gru",
    "pp_arabic_lstm",
    "pp_labml_lstm",
    "pp_labml_rhn",
    "pp_santiago_mingru",
    "pp_rljl_sgrn",
    "pp_rljl_minimalrnn",
    "pp_rljl_star",
    "pp_rljl_antisymmetric",
    "pp_rljl_fastrnn",
    "pp_rljl_fastgrnn",
    "pp_rljl_janet",
    "pp_rljl_lstmp",
    "pp_rljl_elstm",
    "pp_rljl_mclstm",
    "pp_luxrl_miru1",
    "pp_element_lstmp",
    "pp_keras_convlstm_shi",
    "pp_batzner_indrnn",
    "pp_sru_readme",
    "pp_pyxlstm_slstm",
    "pp_pyxlstm_mlstm",
]

sig = torch.sigmoid
tanh = torch.tanh


def _lin(i: int, o: int, bias: bool = False) -> nn.Linear:
    return nn.Linear(i, o, bias=bias)


def _vec(n: int) -> nn.Parameter:
    return nn.Parameter(torch.randn(n) * 0.1)


# --- lmthang/thesis ---------------------------------------------------------------------------

class _LuongT4n(nn.Module):
    """(i f o g) = (sigm sigm sigm tanh) T_{4n x 2n} [h^{l-1}_t ; h^l_{t-1}], no bias."""

    def __init__(self, n: int):
        super().__init__()
        self.T = _lin(2 * n, 4 * n)

    def forward(self, x, state):
        h, c = state
        i, f, o, g = self.T(torch.cat([x, h], -1)).chunk(4, -1)
        i, f, o, g = sig(i), sig(f), sig(o), tanh(g)
        c = f * c + i * g
        return o * tanh(c), c


def pp_luong_lstm_t4n(n: int) -> nn.Module:
    return _LuongT4n(n)


class _LuongBlocks(nn.Module):
    """[W_xi W_hi; W_xf W_hf; W_xo W_ho; W_xh W_hh] [x_t; h_{t-1}], no bias."""

    def __init__(self, x: int, h: int):
        super().__init__()
        self.W_x = nn.ModuleDict({k: _lin(x, h) for k in ("i", "f", "o", "h")})
        self.W_h = nn.ModuleDict({k: _lin(h, h) for k in ("i", "f", "o", "h")})

    def forward(self, x, state):
        h, c = state
        pre = {k: self.W_x[k](x) + self.W_h[k](h) for k in self.W_x}
        i, f, o, hg = sig(pre["i"]), sig(pre["f"]), sig(pre["o"]), tanh(pre["h"])
        c = f * c + i * hg
        return o * tanh(c), c


def pp_luong_lstm_blocks(x: int, h: int) -> nn.Module:
    return _LuongBlocks(x, h)


# --- danqi/thesis -----------------------------------------------------------------------------

class _DanqiLSTM(nn.Module):
    def __init__(self, d: int, h: int):
        super().__init__()
        self.W_h = nn.ModuleDict({k: _lin(h, h) for k in "ifog"})   # W^{ih} ... in R^{h x h}
        self.W_x = nn.ModuleDict({k: _lin(d, h) for k in "ifog"})   # W^{ix} ... in R^{h x d}
        self.b = nn.ParameterDict({k: _vec(h) for k in "ifog"})

    def forward(self, x, state):
        h, c = state
        pre = {k: self.W_h[k](h) + self.W_x[k](x) + self.b[k] for k in "ifog"}
        i, f, o, g = sig(pre["i"]), sig(pre["f"]), sig(pre["o"]), tanh(pre["g"])
        c = f * c + i * g
        return o * tanh(c), c


def pp_danqi_lstm(d: int, h: int) -> nn.Module:
    return _DanqiLSTM(d, h)


# --- nyu-dl/NLP_DL_Lecture_Note (Cho, arXiv:1511.07916) ---------------------------------------

class _ChoLSTM(nn.Module):
    """x is phi(x_t) in R^d; W_* in R^{n_h x d}, U_* in R^{n_h x n_h}; no biases; g = tanh."""

    def __init__(self, d: int, n_h: int):
        super().__init__()
        self.W = nn.ModuleDict({k: _lin(d, n_h) for k in "ofic"})
        self.U = nn.ModuleDict({k: _lin(n_h, n_h) for k in "ofic"})

    def forward(self, x, state):
        h, c = state
        o = sig(self.W["o"](x) + self.U["o"](h))
        f = sig(self.W["f"](x) + self.U["f"](h))
        i = sig(self.W["i"](x) + self.U["i"](h))
        c_tilde = tanh(self.W["c"](x) + self.U["c"](h))
        c = f * c + i * c_tilde
        return o * tanh(c), c


def pp_cho_nlu_lstm(d: int, n_h: int) -> nn.Module:
    return _ChoLSTM(d, n_h)


# --- distillpub/post--memorization-in-rnns ----------------------------------------------------

class _DistillGates(nn.Module):
    """IW, FW, OW, ZW with a (l-1, l) part and a (l, l) part each; no biases."""

    def __init__(self, below: int, h: int):
        super().__init__()
        self.W_below = nn.ModuleDict({k: _lin(below, h) for k in "IFOZ"})
        self.W_same = nn.ModuleDict({k: _lin(h, h) for k in "IFOZ"})

    def forward(self, below, same):
        return {k: self.W_below[k](below) + self.W_same[k](same) for k in "IFOZ"}


class _DistillLSTM(nn.Module):
    """The appendix LSTM(.,.): sigma_i,f,o sigmoid; sigma_z, sigma_h tanh."""

    def __init__(self, below: int, h: int):
        super().__init__()
        self.gates = _DistillGates(below, h)

    def forward(self, x, state):
        h, c = state
        p = self.gates(x, h)
        i, f, o, z = sig(p["I"]), sig(p["F"]), sig(p["O"]), tanh(p["Z"])
        c = i * z + f * c
        return o * tanh(c), c


def pp_distill_lstm(h: int) -> nn.Module:
    return _DistillLSTM(h, h)


class _DistillNLSTM(nn.Module):
    """Outer gates from (h_{l-1}^t, h_l^{t-1}); c_l^t = LSTM(i*z, f*c) with its own weights
    (the article's implementation keeps a separate kernel per depth); sigma_z = identity."""

    def __init__(self, x: int, h: int):
        super().__init__()
        self.outer = _DistillGates(x, h)
        self.inner = _DistillLSTM(h, h)

    def forward(self, x, state):
        h, c, c_inner = state
        p = self.outer(x, h)
        i, f, o, z = sig(p["I"]), sig(p["F"]), sig(p["O"]), p["Z"]
        c, c_inner = self.inner(i * z, (f * c, c_inner))
        return o * tanh(c), c, c_inner


def pp_distill_nlstm(x: int, h: int) -> nn.Module:
    return _DistillNLSTM(x, h)


# --- Mahedi-61/GaitThesis ---------------------------------------------------------------------

class _GaitGRU(nn.Module):
    def __init__(self, x: int, h: int):
        super().__init__()
        self.W = nn.ModuleDict({k: _lin(x, h, bias=True) for k in "zrh"})  # W_k x_t + b_k
        self.U = nn.ModuleDict({k: _lin(h, h) for k in "zrh"})

    def forward(self, x, h):
        z = sig(self.W["z"](x) + self.U["z"](h))
        r = sig(self.W["r"](x) + self.U["r"](h))
        h_tilde = tanh(self.W["h"](x) + self.U["h"](r * h))
        return z * h + (1 - z) * h_tilde


def pp_gait_gru(x: int, h: int) -> nn.Module:
    return _GaitGRU(x, h)


# --- MostafaAlaa2016/Learning_meters_of_Arabic_with_DNN ---------------------------------------

class _ArabicLSTM(nn.Module):
    """f from W_f x + U_f h + b_t; i and C~ from W [h_{t-1}, x_t] + b; o from W_o x + U_o h + b_o."""

    def __init__(self, x: int, h: int):
        super().__init__()
        self.W_f, self.U_f, self.b_t = _lin(x, h), _lin(h, h), _vec(h)
        self.W_i, self.b_i = _lin(h + x, h), _vec(h)
        self.W_C, self.b_C = _lin(h + x, h), _vec(h)
        self.W_o, self.U_o, self.b_o = _lin(x, h), _lin(h, h), _vec(h)

    def forward(self, x, state):
        h, c = state
        hx = torch.cat([h, x], -1)
        f = sig(self.W_f(x) + self.U_f(h) + self.b_t)
        i = sig(self.W_i(hx) + self.b_i)
        c_tilde = tanh(self.W_C(hx) + self.b_C)
        c = f * c + i * c_tilde
        o = sig(self.W_o(x) + self.U_o(h) + self.b_o)
        return o * tanh(c), c


def pp_arabic_lstm(x: int, h: int) -> nn.Module:
    return _ArabicLSTM(x, h)


# --- labmlai/annotated_deep_learning_paper_implementations ------------------------------------

class _LabmlLSTM(nn.Module):
    """labml_nn.lstm.LSTMCell (layer_norm=False): one biased 4h linear on h, an unbiased one on x."""

    def __init__(self, x: int, h: int):
        super().__init__()
        self.hidden_lin = nn.Linear(h, 4 * h)
        self.input_lin = nn.Linear(x, 4 * h, bias=False)

    def forward(self, x, state):
        h, c = state
        i, f, g, o = (self.hidden_lin(h) + self.input_lin(x)).chunk(4, -1)
        c = sig(f) * c + sig(i) * tanh(g)
        return sig(o) * tanh(c), c


def pp_labml_lstm(x: int, h: int) -> nn.Module:
    return _LabmlLSTM(x, h)


class _LabmlRHN(nn.Module):
    """labml_nn.recurrent_highway_networks.RHNCell: c = 1 - g tied; depth D."""

    def __init__(self, x: int, s: int, D: int):
        super().__init__()
        self.s = s
        self.hidden_lin = nn.ModuleList([nn.Linear(s, 2 * s) for _ in range(D)])
        self.input_lin = nn.Linear(x, 2 * s, bias=False)

    def forward(self, x, s):
        for d, lin in enumerate(self.hidden_lin):
            hg = lin(s) + (self.input_lin(x) if d == 0 else 0)
            h, g = tanh(hg[..., : self.s]), sig(hg[..., self.s:])
            s = h * g + s * (1 - g)
        return s


def pp_labml_rhn(x: int, s: int, D: int) -> nn.Module:
    return _LabmlRHN(x, s, D)


# --- chris-santiago/minGRU --------------------------------------------------------------------

class _MinGRU(nn.Module):
    def __init__(self, x: int, h: int):
        super().__init__()
        self.linear_z = nn.Linear(x, h)   # Linear_z, with bias (the module's default bias=True)
        self.linear_h = nn.Linear(x, h)

    def forward(self, x, h):
        z = sig(self.linear_z(x))
        return (1 - z) * h + z * self.linear_h(x)


def pp_santiago_mingru(x: int, h: int) -> nn.Module:
    return _MinGRU(x, h)


# --- MartinuzziFrancesco/RecurrentLayers.jl issues (paper transcriptions) ---------------------

class _SGRN(nn.Module):
    """f = s(W x + U h + b); i = 1 - f; h = tanh(i o (W x) + f o h): W used twice (tied)."""

    def __init__(self, x: int, h: int):
        super().__init__()
        self.W, self.U, self.b = _lin(x, h), _lin(h, h), _vec(h)

    def forward(self, x, h):
        wx = self.W(x)
        f = sig(wx + self.U(h) + self.b)
        i = 1 - f
        return tanh(i * wx + f * h)


def pp_rljl_sgrn(x: int, h: int) -> nn.Module:
    return _SGRN(x, h)


class _MinimalRNN(nn.Module):
    def __init__(self, x: int, h: int):
        super().__init__()
        self.W_x = nn.Linear(x, h)          # W_x x_t + b_z
        self.U_h, self.U_z, self.b_u = _lin(h, h), _lin(h, h), _vec(h)

    def forward(self, x, h):
        z = tanh(self.W_x(x))
        u = sig(self.U_h(h) + self.U_z(z) + self.b_u)
        return u * h + (1 - u) * z


def pp_rljl_minimalrnn(x: int, h: int) -> nn.Module:
    return _MinimalRNN(x, h)


class _STAR(nn.Module):
    def __init__(self, x: int, h: int):
        super().__init__()
        self.W_z = nn.Linear(x, h)          # W_z x_t + b_z
        self.W_x, self.W_h, self.b_k = _lin(x, h), _lin(h, h), _vec(h)

    def forward(self, x, h):
        z = tanh(self.W_z(x))
        k = sig(self.W_x(x) + self.W_h(h) + self.b_k)
        return tanh((1 - k) * h + k * z)


def pp_rljl_star(x: int, h: int) -> nn.Module:
    return _STAR(x, h)


class _Antisymmetric(nn.Module):
    """h_t = h_{t-1} + eps tanh((W_h - W_h^T) h_{t-1} + V_h x_t + b_h); eps a hyperparameter."""

    def __init__(self, n: int, m: int, eps: float = 0.01):
        super().__init__()
        self.W_h = nn.Parameter(torch.randn(n, n) * 0.1)
        self.V_h = _lin(m, n)
        self.b_h = _vec(n)
        self.register_buffer("eps", torch.tensor(eps))

    def forward(self, x, h):
        A = self.W_h - self.W_h.T
        return h + self.eps * tanh(h @ A.T + self.V_h(x) + self.b_h)


def pp_rljl_antisymmetric(x: int, h: int) -> nn.Module:
    return _Antisymmetric(h, x)  # n = h, m = x in the text


class _FastRNN(nn.Module):
    """alpha, beta: trainable scalars (as in Kusupati et al. 2018)."""

    def __init__(self, x: int, h: int):
        super().__init__()
        self.W_h, self.U_h, self.b = _lin(x, h), _lin(h, h), _vec(h)
        self.alpha = nn.Parameter(torch.tensor([0.1]))
        self.beta = nn.Parameter(torch.tensor([0.9]))

    def forward(self, x, h):
        h_tilde = sig(self.W_h(x) + self.U_h(h) + self.b)
        return self.alpha * h_tilde + self.beta * h


def pp_rljl_fastrnn(x: int, h: int) -> nn.Module:
    return _FastRNN(x, h)


class _FastGRNN(nn.Module):
    """zeta, nu: trainable scalars (as in Kusupati et al. 2018); W, U separate per the text."""

    def __init__(self, x: int, h: int):
        super().__init__()
        self.W_z, self.U_z, self.b_z = _lin(x, h), _lin(h, h), _vec(h)
        self.W_h, self.U_h, self.b_h = _lin(x, h), _lin(h, h), _vec(h)
        self.zeta = nn.Parameter(torch.tensor([1.0]))
        self.nu = nn.Parameter(torch.tensor([1e-4]))

    def forward(self, x, h):
        z = sig(self.W_z(x) + self.U_z(h) + self.b_z)
        h_tilde = tanh(self.W_h(x) + self.U_h(h) + self.b_h)
        return (self.zeta * (1 - z) + self.nu) * h_tilde + z * h


def pp_rljl_fastgrnn(x: int, h: int) -> nn.Module:
    return _FastGRNN(x, h)


class _JANET(nn.Module):
    """beta: a fixed constant (JANET uses beta = 1), not learned."""

    def __init__(self, x: int, h: int, beta: float = 1.0):
        super().__init__()
        self.U_f, self.W_f, self.b_f = _lin(h, h), _lin(x, h), _vec(h)
        self.U_c, self.W_c, self.b_c = _lin(h, h), _lin(x, h), _vec(h)
        self.register_buffer("beta", torch.tensor(beta))

    def forward(self, x, c):
        s = self.U_f(c) + self.W_f(x) + self.b_f
        c_tilde = tanh(self.U_c(c) + self.W_c(x) + self.b_c)
        c = sig(s) * c + (1 - sig(s - self.beta)) * c_tilde
        return c                                      # h_t = c_t


def pp_rljl_janet(x: int, h: int) -> nn.Module:
    return _JANET(x, h)


class _LSTMPIssue(nn.Module):
    """Literal reading: W_ic, W_fc, W_oc written (and counted) as full matrices; r_t = W_rh h_t;
    y_t = phi(W_yr r_t + b_y); the gates read h_{t-1} as written."""

    def __init__(self, x: int, h: int, r: int, y: int):
        super().__init__()
        self.Wx = nn.ModuleDict({k: _lin(x, h) for k in "ifco"})
        self.Wh = nn.ModuleDict({k: _lin(h, h) for k in "ifco"})
        self.Wc = nn.ModuleDict({k: _lin(h, h) for k in "ifo"})
        self.b = nn.ParameterDict({k: _vec(h) for k in "ifco"})
        self.W_rh = _lin(h, r)
        self.W_yr = nn.Linear(r, y)                   # W_yr r_t + b_y

    def forward(self, x, state):
        h, c = state
        i = sig(self.Wx["i"](x) + self.Wh["i"](h) + self.Wc["i"](c) + self.b["i"])
        f = sig(self.Wx["f"](x) + self.Wh["f"](h) + self.Wc["f"](c) + self.b["f"])
        c = f * c + i * tanh(self.Wx["c"](x) + self.Wh["c"](h) + self.b["c"])
        o = sig(self.Wx["o"](x) + self.Wh["o"](h) + self.Wc["o"](c) + self.b["o"])
        h = o * tanh(c)
        r = self.W_rh(h)
        y = torch.softmax(self.W_yr(r), -1)
        return y, (h, c)


def pp_rljl_lstmp(x: int, h: int, r: int, y: int) -> nn.Module:
    return _LSTMPIssue(x, h, r, y)


class _ELSTM(nn.Module):
    """F, Z, O matrices on x; w^f, w^z peephole vectors; W^o a full matrix on c(t); no biases."""

    def __init__(self, x: int, h: int):
        super().__init__()
        self.F, self.Z, self.O = _lin(x, h), _lin(x, h), _lin(x, h)
        self.w_f, self.w_z = _vec(h), _vec(h)
        self.W_o = _lin(h, h)

    def forward(self, x, c):
        f = sig(self.F(x) + self.w_f * c)
        z = tanh(self.Z(x) + self.w_z * c)
        c = f * c + (1 - f) * z
        o = sig(self.O(x) + self.W_o(c))
        return o * c, c


def pp_rljl_elstm(x: int, h: int) -> nn.Module:
    return _ELSTM(x, h)


class _MCLSTM(nn.Module):
    def __init__(self, x: int, h: int):
        super().__init__()
        self.Wv = nn.ModuleDict({k: _lin(h, h) for k in "fiomn"})
        self.Wx = nn.ModuleDict({k: _lin(x, h) for k in "fiomn"})
        self.b = nn.ParameterDict({k: _vec(h) for k in "fiomn"})

    def forward(self, x, state):
        v, c = state
        p = {k: self.Wv[k](v) + self.Wx[k](x) + self.b[k] for k in "fiomn"}
        f, i, o, m, n = sig(p["f"]), sig(p["i"]), sig(p["o"]), sig(p["m"]), tanh(p["n"])
        c = f * c + i * n
        return o * tanh(c), (m * tanh(c), c)


def pp_rljl_mclstm(x: int, h: int) -> nn.Module:
    return _MCLSTM(x, h)


# --- MartinuzziFrancesco/LuxRecurrentLayers.jl issue #26 (MiRU1) -------------------------------

class _MiRU1(nn.Module):
    """lambda read as a learned vector (boldsymbol, not given a value)."""

    def __init__(self, x: int, h: int):
        super().__init__()
        self.W_r, self.U_r = nn.Linear(x, h), _lin(h, h)     # W_r x + b_r + U_r h
        self.W_h, self.U_h = nn.Linear(x, h), _lin(h, h)     # W_h x + b_h + U_h (r o h)
        self.lam = nn.Parameter(torch.rand(h))

    def forward(self, x, h):
        r = sig(self.W_r(x) + self.U_r(h))
        h_tilde = tanh(self.W_h(x) + self.U_h(r * h))
        return self.lam * h + (1 - self.lam) * h_tilde


def pp_luxrl_miru1(x: int, h: int) -> nn.Module:
    return _MiRU1(x, h)


# --- Element-Research/rnn issue #281 (LSTMP in Torch notation) --------------------------------

class _ElementLSTMP(nn.Module):
    """W[x->k] on x[t], W[r->k] on r[t-1] (W[h->c] for z, also applied to r[t-1]), b[1->k];
    r[t] = W[h->r] h[t]."""

    def __init__(self, x: int, h: int, r: int):
        super().__init__()
        self.Wx = nn.ModuleDict({k: _lin(x, h) for k in "ifco"})
        self.Wr = nn.ModuleDict({k: _lin(r, h) for k in "ifco"})
        self.b = nn.ParameterDict({k: _vec(h) for k in "ifco"})
        self.W_hr = _lin(h, r)

    def forward(self, x, state):
        r, c = state
        p = {k: self.Wx[k](x) + self.Wr[k](r) + self.b[k] for k in "ifco"}
        i, f, z, o = sig(p["i"]), sig(p["f"]), tanh(p["c"]), sig(p["o"])
        c = f * c + i * z
        h = o * tanh(c)
        return h, (self.W_hr(h), c)


def pp_element_lstmp(x: int, h: int, r: int) -> nn.Module:
    return _ElementLSTMP(x, h, r)


# --- keras-team/keras issue #10971 (Shi et al. 2015 ConvLSTM, eq. 3) ---------------------------

class _ConvLSTMShi(nn.Module):
    """W_x* and W_h* are k x k convolution kernels; b_* per channel; the peepholes W_c* o C are
    Hadamard products with tensors of C's shape (H channels x M x N grid), as in Shi et al."""

    def __init__(self, X: int, H: int, k: int, M: int, N: int):
        super().__init__()
        pad = k // 2
        self.Wx = nn.ModuleDict({g: nn.Conv2d(X, H, k, padding=pad, bias=False) for g in "ifco"})
        self.Wh = nn.ModuleDict({g: nn.Conv2d(H, H, k, padding=pad, bias=False) for g in "ifco"})
        self.b = nn.ParameterDict({g: nn.Parameter(torch.zeros(H, 1, 1)) for g in "ifco"})
        self.Wc = nn.ParameterDict({g: nn.Parameter(torch.randn(H, M, N) * 0.1) for g in "ifo"})

    def forward(self, x, state):
        h, c = state
        i = sig(self.Wx["i"](x) + self.Wh["i"](h) + self.Wc["i"] * c + self.b["i"])
        f = sig(self.Wx["f"](x) + self.Wh["f"](h) + self.Wc["f"] * c + self.b["f"])
        c = f * c + i * tanh(self.Wx["c"](x) + self.Wh["c"](h) + self.b["c"])
        o = sig(self.Wx["o"](x) + self.Wh["o"](h) + self.Wc["o"] * c + self.b["o"])
        return o * tanh(c), c


def pp_keras_convlstm_shi(X: int, H: int, k: int, M: int, N: int) -> nn.Module:
    return _ConvLSTMShi(X, H, k, M, N)


# --- batzner/indrnn README --------------------------------------------------------------------

class _IndRNN(nn.Module):
    """h = act(W * input + u * state + b), u a vector (one recurrent weight per neuron)."""

    def __init__(self, x: int, h: int):
        super().__init__()
        self.W, self.u, self.b = _lin(x, h), _vec(h), _vec(h)

    def forward(self, x, h):
        return torch.relu(self.W(x) + self.u * h + self.b)


def pp_batzner_indrnn(x: int, h: int) -> nn.Module:
    return _IndRNN(x, h)


# --- MuTangShawn/SRU-TensorFlow-Unofficial README ---------------------------------------------

class _SRU(nn.Module):
    """x and h have the same size (h_t = r o c + (1 - r) o x_t); V_f, V_r vectors; W_c unbiased."""

    def __init__(self, h: int):
        super().__init__()
        self.W_f, self.V_f, self.b_f = _lin(h, h), _vec(h), _vec(h)
        self.W_r, self.V_r, self.b_r = _lin(h, h), _vec(h), _vec(h)
        self.W_c = _lin(h, h)

    def forward(self, x, c):
        f = sig(self.W_f(x) + self.V_f * c + self.b_f)
        r = sig(self.W_r(x) + self.V_r * c + self.b_r)
        c = f * c + (1 - f) * self.W_c(x)
        return r * c + (1 - r) * x, c


def pp_sru_readme(h: int) -> nn.Module:
    return _SRU(h)


# --- muditbhargava66/PyxLSTM docs/slstm.md ----------------------------------------------------

class _PyxSLSTM(nn.Module):
    """Most plausible reading of a circular text (o_t from h_t): o_t from h_{t-1}; z_t = 0."""

    def __init__(self, x: int, h: int):
        super().__init__()
        self.W_i, self.W_f = nn.Linear(x, h), nn.Linear(x, h)   # W x_t + b
        self.W_o = nn.Linear(h, h)                              # W_o h + b_o

    def forward(self, x, state):
        h, c, n = state
        i = torch.exp(self.W_i(x))
        f = torch.exp(self.W_f(x))
        o = sig(self.W_o(h))
        c = f * c + i * torch.zeros_like(c)
        n = f * n + i
        h = o * tanh(c * n.reciprocal())
        return h, c, n


def pp_pyxlstm_slstm(x: int, h: int) -> nn.Module:
    return _PyxSLSTM(x, h)


class _PyxMLSTM(nn.Module):
    """Most plausible reading of a circular text (o_t from h_t): o_t from h_{t-1}; scalar gates
    i_t = exp(w_i^T x_t), f_t = exp(w_f^T x_t); k, v, q of the hidden size; no biases."""

    def __init__(self, x: int, h: int):
        super().__init__()
        self.w_i, self.w_f = _lin(x, 1), _lin(x, 1)
        self.W_o = _lin(h, h)
        self.W_k, self.W_v, self.W_q = _lin(x, h), _lin(x, h), _lin(x, h)

    def forward(self, x, state):
        h, C, n = state                                   # C: (B, h, h), n: (B, h)
        i, f = torch.exp(self.w_i(x)), torch.exp(self.w_f(x))      # (B, 1)
        o = sig(self.W_o(h))
        k, v, q = self.W_k(x), self.W_v(x), self.W_q(x)
        C = f[..., None] * C + i[..., None] * v[..., :, None] * k[..., None, :]
        n = f * n + i * k
        den = torch.clamp((n * q).sum(-1, keepdim=True).abs(), min=1.0)
        h = o * tanh((C @ q[..., None])[..., 0] / den)
        return h, C, n


def pp_pyxlstm_mlstm(x: int, h: int) -> nn.Module:
    return _PyxMLSTM(x, h)
