"""Oracles for the set-aside `h3b-` snippets.

Each oracle takes the snippet's sizes as keyword arguments and returns a module whose parameters are
exactly the weights and biases the text writes (one nn.Parameter per named weight, a bias only where
the text writes one), with a `forward` that runs one step as the text's equations say, and an
`example()` giving inputs for one step (used by check_h3b.py). Only torch is imported.
"""
from __future__ import annotations

import torch
from torch import nn

__all__ = [
    "h3b_karpathy_rnn", "h3b_deltanet_layer_guess",
    "h3b_nlplove_gru", "h3b_nlplove_lstm",
    "h3b_homl_rnn", "h3b_homl_lstm", "h3b_atnn_rnn", "h3b_atnn_gated_guess",
    "h3b_renmengye_lstm_guess", "h3b_15618_lstm", "h3b_lstm_xh",
    "h3b_lru_gist", "h3b_lru_dense_guess", "h3b_mamba370m_ssm", "h3b_rabbit_rnn", "h3b_gru_dh", "h3b_gru_concat_nobias", "h3b_rwkv4_guess", "h3b_aifb_rnn", "h3b_torch_grucell", "h3b_torch_rnncell", "h3b_lstm_dh", "h3b_scalar_lstm", "h3b_rnn_uvw_nobias", "h3b_sru_notes", "h3b_rwkv_featuremix", "h3b_d2lfr_birnn",
]

sig, tanh = torch.sigmoid, torch.tanh


def _p(*shape: int) -> nn.Parameter:
    return nn.Parameter(torch.randn(*shape) * 0.1)


def _mv(W, v):
    """W v for a batch of row vectors v (W is out x in)."""
    return v @ W.T


class _Cell(nn.Module):
    """A module holding named parameters; self.P[name]."""

    def __init__(self, **shapes):
        super().__init__()
        self.P = nn.ParameterDict({k: _p(*s) for k, s in shapes.items()})

    def example(self):
        raise NotImplementedError


# ------------------------------------------------------------------ generic cells

class Elman(_Cell):
    """h = act(W x + U h + b_0 + ...) [; y = V h (+ c)]."""

    def __init__(self, x, h, biases=1, y=None, out_bias=False, act=torch.tanh):
        shapes = {"W": (h, x), "U": (h, h)}
        for k in range(biases):
            shapes[f"b{k}"] = (h,)
        if y is not None:
            shapes["V"] = (y, h)
            if out_bias:
                shapes["c"] = (y,)
        super().__init__(**shapes)
        self.biases, self.y, self.out_bias, self.act, self.x, self.h = biases, y, out_bias, act, x, h

    def forward(self, x, h):
        P = self.P
        a = _mv(P["W"], x) + _mv(P["U"], h)
        for k in range(self.biases):
            a = a + P[f"b{k}"]
        h = self.act(a)
        if self.y is None:
            return h
        return _mv(P["V"], h) + (P["c"] if self.out_bias else 0.0), h

    def example(self):
        return torch.randn(2, self.x), torch.randn(2, self.h)


class LSTMGen(_Cell):
    """LSTM: gates i f o and candidate g from x and h; `biases` per gate (0, 1 or 2); `peep`
    diagonal peepholes (i, f on c_{t-1}; o on c_t); optional output layer y = V h (+ b_y)."""

    def __init__(self, x, h, biases=1, peep=False, y=None, y_bias=True):
        shapes = {}
        for g in "ifog":
            shapes[f"W_{g}"] = (h, x)
            shapes[f"U_{g}"] = (h, h)
            for k in range(biases):
                shapes[f"b{k}_{g}"] = (h,)
        if peep:
            for g in "ifo":
                shapes[f"p_{g}"] = (h,)
        if y is not None:
            shapes["V"] = (y, h)
            if y_bias:
                shapes["b_y"] = (y,)
        super().__init__(**shapes)
        self.biases, self.peep, self.y, self.y_bias, self.x, self.h = biases, peep, y, y_bias, x, h

    def forward(self, x, h, c):
        P = self.P
        lin = {}
        for g in "ifog":
            v = _mv(P[f"W_{g}"], x) + _mv(P[f"U_{g}"], h)
            for k in range(self.biases):
                v = v + P[f"b{k}_{g}"]
            lin[g] = v
        if self.peep:
            lin["i"] = lin["i"] + P["p_i"] * c
            lin["f"] = lin["f"] + P["p_f"] * c
        c = sig(lin["f"]) * c + sig(lin["i"]) * tanh(lin["g"])
        if self.peep:
            lin["o"] = lin["o"] + P["p_o"] * c
        h = sig(lin["o"]) * tanh(c)
        if self.y is None:
            return h, c
        return _mv(P["V"], h) + (P["b_y"] if self.y_bias else 0.0), h, c

    def example(self):
        return torch.randn(2, self.x), torch.randn(2, self.h), torch.randn(2, self.h)


class GRUGen(_Cell):
    """GRU: z, r gates and candidate n from x and h. `reset_after`: r * (U_n h [+ b]) instead of
    U_n (r * h). `biases`: 0, 1 or 2 per gate."""

    def __init__(self, x, h, biases=1, reset_after=False, y=None, y_bias=True):
        shapes = {}
        for g in "zrn":
            shapes[f"W_{g}"] = (h, x)
            shapes[f"U_{g}"] = (h, h)
            for k in range(biases):
                shapes[f"b{k}_{g}"] = (h,)
        if y is not None:
            shapes["V"] = (y, h)
            if y_bias:
                shapes["b_y"] = (y,)
        super().__init__(**shapes)
        self.biases, self.reset_after, self.y, self.y_bias, self.x, self.h = biases, reset_after, y, y_bias, x, h

    def _b(self, g, k):
        return self.P[f"b{k}_{g}"] if self.biases > k else 0.0

    def forward(self, x, h):
        P = self.P
        z = sig(_mv(P["W_z"], x) + _mv(P["U_z"], h) + self._b("z", 0) + self._b("z", 1))
        r = sig(_mv(P["W_r"], x) + _mv(P["U_r"], h) + self._b("r", 0) + self._b("r", 1))
        if self.reset_after:
            n = tanh(_mv(P["W_n"], x) + self._b("n", 0) + r * (_mv(P["U_n"], h) + self._b("n", 1)))
        else:
            n = tanh(_mv(P["W_n"], x) + _mv(P["U_n"], r * h) + self._b("n", 0) + self._b("n", 1))
        h = (1 - z) * h + z * n
        if self.y is None:
            return h
        return _mv(P["V"], h) + (P["b_y"] if self.y_bias else 0.0), h

    def example(self):
        return torch.randn(2, self.x), torch.randn(2, self.h)


# ------------------------------------------------------------------ karpathy blog: vanilla RNN

class KarpathyRNN(_Cell):
    """h = tanh(W_hh h + W_xh x); y = W_hy h (no biases)."""

    def __init__(self, x, h, y):
        super().__init__(W_hh=(h, h), W_xh=(h, x), W_hy=(y, h))
        self.x, self.h = x, h

    def forward(self, x, h):
        P = self.P
        h = tanh(_mv(P["W_hh"], h) + _mv(P["W_xh"], x))
        return _mv(P["W_hy"], h), h

    def example(self):
        return torch.randn(2, self.x), torch.randn(2, self.h)


def h3b_karpathy_rnn(x, h, y):
    return KarpathyRNN(x, h, y)


# ------------------------------------------------------------------ DeltaNet blog part III (refuse)

class DeltaNetGuess(nn.Module):
    """One guess at the DeltaNet token mixer the blog lists (q/k/v/beta Linear without bias, depthwise
    short conv of kernel 4 without bias, RMSNorm weight, output Linear); the text fixes none of these."""

    def __init__(self, d, conv=4):
        super().__init__()
        self.q, self.k, self.v = (nn.Linear(d, d, bias=False) for _ in range(3))
        self.beta = nn.Linear(d, 1, bias=False)
        self.cq, self.ck, self.cv = (nn.Conv1d(d, d, conv, groups=d, bias=False) for _ in range(3))
        self.norm = nn.Parameter(torch.ones(d))
        self.o = nn.Linear(d, d, bias=False)
        self.d, self.conv = d, conv

    def forward(self, x, S):
        # one step with the conv applied to the last `conv` inputs x (B, conv, d)
        def c(layer, proj):
            return layer(proj(x).transpose(1, 2))[..., -1]
        q = nn.functional.normalize(nn.functional.silu(c(self.cq, self.q)), dim=-1)
        k = nn.functional.normalize(nn.functional.silu(c(self.ck, self.k)), dim=-1)
        v = nn.functional.silu(c(self.cv, self.v))
        b = torch.sigmoid(self.beta(x[:, -1]))[..., None]
        S = S - b * (S @ k[..., None] - v[..., None]) @ k[:, None, :]
        o = (S @ q[..., None])[..., 0]
        o = o * torch.rsqrt(o.pow(2).mean(-1, keepdim=True) + 1e-6) * self.norm
        return self.o(o), S

    def example(self):
        return torch.randn(2, self.conv, self.d), torch.zeros(2, self.d, self.d)


def h3b_deltanet_layer_guess(d):
    return DeltaNetGuess(d)


# ------------------------------------------------------------------ NLP-LOVE/ML-NLP (Chinese notes after d2l)

def h3b_nlplove_gru(d, h, n=None):
    """X_t W_{xr} + H_{t-1} W_{hr} + b_r etc.: W_{x*} d x h, W_{h*} h x h, b_* per gate."""
    return GRUGen(d, h, biases=1)


def h3b_nlplove_lstm(d, h, n=None):
    """I F O gates and candidate C~: W_{x*} d x h, W_{h*} h x h, b_* per gate."""
    return LSTMGen(d, h, biases=1)


# ------------------------------------------------------------------ apachecn/hands-on-ml-2e-zh (Chinese translation of Géron)

def h3b_homl_rnn(n_inputs, n_neurons, m=None):
    """Y_t = φ(X_t W_x + Y_{t-1} W_y + b): W_x n_inputs x n_neurons, W_y n_neurons x n_neurons, b."""
    return Elman(n_inputs, n_neurons, biases=1)


def h3b_homl_lstm(x, h):
    """W[xi..xg] on x, W[hi..hg] on h[t-1], b[i..g]: a plain LSTM."""
    return LSTMGen(x, h, biases=1)


# ------------------------------------------------------------------ RepedeMonica ATNN 2025 lab notes

def h3b_atnn_rnn(x, h, y):
    """h_t = f(A h_{t-1} + B x_t), y_t = C h_t: A h x h, B h x x, C y x h, no biases."""
    return Elman(x, h, biases=0, y=y, out_bias=False)


def h3b_atnn_gated_guess(x, h, y):
    """Refused snippet: one guess (an LSTM without biases plus C)."""
    return LSTMGen(x, h, biases=0, y=y, y_bias=False)


# ------------------------------------------------------------------ renmengye/imageqa_icml2015 Background.tex (refuse)

class FullPeepLSTM(_Cell):
    """i, f, o with full peephole matrices W_*c (M x M) on the cell, recurrent input y_{t-1}, biases."""

    def __init__(self, D, M):
        shapes = {}
        for g in "ifco":
            shapes[f"W_{g}x"] = (M, D)
            shapes[f"W_{g}y"] = (M, M)
            shapes[f"b_{g}"] = (M,)
        for g in "ifo":
            shapes[f"W_{g}c"] = (M, M)
        super().__init__(**shapes)
        self.D, self.M = D, M

    def forward(self, x, y, c):
        P = self.P
        def a(g):
            return _mv(P[f"W_{g}x"], x) + _mv(P[f"W_{g}y"], y) + P[f"b_{g}"]
        i = sig(a("i") + _mv(P["W_ic"], c))
        f = sig(a("f") + _mv(P["W_fc"], c))
        z = tanh(a("c"))
        c = f * c + i * z
        o = sig(a("o") + _mv(P["W_oc"], c))
        return o * tanh(c), c

    def example(self):
        return torch.randn(2, self.D), torch.randn(2, self.M), torch.randn(2, self.M)


def h3b_renmengye_lstm_guess(D, M):
    """Refused snippet (shapes in prose conflict with the equations); built as the equations read:
    x weights M x D, every other matrix M x M (full peepholes), four biases."""
    return FullPeepLSTM(D, M)


# ------------------------------------------------------------------ yuangliu/15618prj latex/lstm.tex

def h3b_15618_lstm(M, N):
    """W [N x M], U [N x N], b [N x 1] for f, i, o, c'."""
    return LSTMGen(M, N, biases=1)


def h3b_lstm_xh(x, h):
    """A plain LSTM, one bias per gate: W_* h x x, U_* h x h, b_* h for i f o and the candidate."""
    return LSTMGen(x, h, biases=1)


# ------------------------------------------------------------------ LRU (Orvieto et al. 2023)

class LRUGist(nn.Module):
    """nu_log, theta_log, gamma_log (N), B_re, B_im (N x H), C_re, C_im (H x N), D (H)."""

    def __init__(self, N, H):
        super().__init__()
        self.nu_log, self.theta_log, self.gamma_log = _p(N), _p(N), _p(N)
        self.B_re, self.B_im = _p(N, H), _p(N, H)
        self.C_re, self.C_im = _p(H, N), _p(H, N)
        self.D = _p(H)
        self.N, self.H = N, H

    def forward(self, u, x):
        lam = torch.exp(torch.complex(-torch.exp(self.nu_log), torch.exp(self.theta_log)))
        B = torch.complex(self.B_re, self.B_im) * torch.exp(self.gamma_log)[:, None]
        C = torch.complex(self.C_re, self.C_im)
        x = lam * x + u.to(B.dtype) @ B.T
        y = (x @ C.T).real + self.D * u
        return y, x

    def example(self):
        return torch.randn(2, self.H), torch.zeros(2, self.N, dtype=torch.complex64)


def h3b_lru_gist(N, H, L=None):
    return LRUGist(N, H)


class LinearSSMGuess(_Cell):
    """h = A h + B x, y = C h + D x, all real and dense (one guess for a refused snippet)."""

    def __init__(self, d_x, d_h, d_y=None):
        d_y = d_x if d_y is None else d_y
        super().__init__(A=(d_h, d_h), B=(d_h, d_x), C=(d_y, d_h), D=(d_y, d_x))
        self.x, self.h = d_x, d_h

    def forward(self, x, h):
        P = self.P
        h = _mv(P["A"], h) + _mv(P["B"], x)
        return _mv(P["C"], h) + _mv(P["D"], x), h

    def example(self):
        return torch.randn(2, self.x), torch.randn(2, self.h)


def h3b_lru_dense_guess(d_x, d_h):
    return LinearSSMGuess(d_x, d_h)


# ------------------------------------------------------------------ lcy-seso/LearningNotes (Chinese LaTeX notes)

class Mamba370mSSM(nn.Module):
    """The SSM of one Mamba-370m block as the notes list it: x_proj [2048 -> 96] (no bias),
    delta_proj [64 -> 2048] with bias, A [2048, 16], D [2048]."""

    def __init__(self, d_inner=2048, d_state=16, dt_rank=64):
        super().__init__()
        self.x_proj = nn.Linear(d_inner, dt_rank + 2 * d_state, bias=False)
        self.delta_proj = nn.Linear(dt_rank, d_inner, bias=True)
        self.A = nn.Parameter(-torch.rand(d_inner, d_state))
        self.D = nn.Parameter(torch.ones(d_inner))
        self.sizes = (d_inner, d_state, dt_rank)

    def forward(self, u, x):
        d_inner, d_state, dt_rank = self.sizes
        v1, B, C = self.x_proj(u).split([dt_rank, d_state, d_state], dim=-1)
        delta = nn.functional.softplus(self.delta_proj(v1))
        Abar = torch.exp(delta[..., None] * self.A)
        x = Abar * x + delta[..., None] * B[:, None, :] * u[..., None]
        y = (x @ C[..., None])[..., 0] + self.D * u
        return y, x

    def example(self):
        d_inner, d_state, _ = self.sizes
        return torch.randn(2, d_inner), torch.zeros(2, d_inner, d_state)


def h3b_mamba370m_ssm(D=1024):
    """The text fixes every size by number (u is [B, L, 2048]); D = 1024 is the block width."""
    return Mamba370mSSM()


# ------------------------------------------------------------------ RabbitChallenge (Japanese course report)

def h3b_rabbit_rnn(x, z, y):
    """z1 = f(w_in x1 + w z0 + b), y1 = g(w_out z1 + c)."""
    return Elman(x, z, biases=1, y=y, out_bias=True)


# ------------------------------------------------------------------ d2l-style GRU, batch-major

def h3b_gru_dh(d, h, n=None):
    """W_{x*} d x h, W_{h*} h x h, b_* 1 x h for the reset and update gates and the candidate."""
    return GRUGen(d, h, biases=1)


def h3b_gru_concat_nobias(x, h):
    """W_r, W_z, W_h each h x (h + x) on a concatenation, no biases (split into W (h x x) and U (h x h))."""
    return GRUGen(x, h, biases=0)


# ------------------------------------------------------------------ RWKV-4 block (time mixing + channel mixing), one guess

class RWKV4Guess(nn.Module):
    """mu_r, mu_k, mu_v, W_r, W_k, W_v, w, u, W_o (time mixing); mu'_r, mu'_k, W'_r, W'_k (d_ff x d),
    W'_v (d x d_ff) (channel mixing); d_ff is the guess the refused text leaves open."""

    def __init__(self, d, d_ff=None):
        super().__init__()
        d_ff = 4 * d if d_ff is None else d_ff
        self.mu_r, self.mu_k, self.mu_v, self.w, self.u = (_p(d) for _ in range(5))
        self.W_r, self.W_k, self.W_v, self.W_o = (_p(d, d) for _ in range(4))
        self.mu2_r, self.mu2_k = _p(d), _p(d)
        self.W2_r, self.W2_k, self.W2_v = _p(d, d), _p(d_ff, d), _p(d, d_ff)
        self.d = d

    def forward(self, x, x_prev, a, b):
        def mix(mu):
            return mu * x + (1 - mu) * x_prev
        r, k, v = _mv(self.W_r, mix(self.mu_r)), _mv(self.W_k, mix(self.mu_k)), _mv(self.W_v, mix(self.mu_v))
        wkv = (a + torch.exp(self.u + k) * v) / (b + torch.exp(self.u + k))
        o = _mv(self.W_o, torch.sigmoid(r) * wkv)
        a = torch.exp(-self.w) * a + torch.exp(k) * v
        b = torch.exp(-self.w) * b + torch.exp(k)
        r2 = _mv(self.W2_r, mix(self.mu2_r))
        k2 = _mv(self.W2_k, mix(self.mu2_k))
        o2 = torch.sigmoid(r2) * _mv(self.W2_v, torch.relu(k2) ** 2)
        return o, o2, a, b

    def example(self):
        return (torch.randn(2, self.d), torch.randn(2, self.d), torch.zeros(2, self.d), torch.ones(2, self.d))


def h3b_rwkv4_guess(d):
    return RWKV4Guess(d)


# ------------------------------------------------------------------ microsoft/AI-For-Beginners lesson 16

def h3b_aifb_rnn(emb_size, hid_size):
    """S_i = σ(W X_i + H S_{i-1} + b): W emb_size x hid_size, H hid_size x hid_size, b."""
    return Elman(emb_size, hid_size, biases=1)


# ------------------------------------------------------------------ torch's own modules (the text documents torch's layout)

def h3b_torch_grucell(x, h):
    """torch.nn.GRUCell: W_i* (3h x x), W_h* (3h x h), b_i*, b_h*."""
    m = nn.GRUCell(x, h)
    m.example = lambda: (torch.randn(2, x), torch.randn(2, h))
    return m


def h3b_torch_rnncell(w, d):
    """torch.nn.RNNCell: W_ih (d x w), b_ih, W_hh (d x d), b_hh."""
    m = nn.RNNCell(w, d)
    m.example = lambda: (torch.randn(2, w), torch.randn(2, d))
    return m


def h3b_lstm_dh(d, h, n=None):
    """d2l-style LSTM: W_{x*} d x h, W_{h*} h x h, b_* 1 x h for I F O and the input node C~."""
    return LSTMGen(d, h, biases=1)


def h3b_scalar_lstm(x=1, h=1):
    """StatQuest-style single-unit LSTM: W₁..W₈ and b₁..b₄ are scalars (input and states are numbers)."""
    return LSTMGen(x, h, biases=1)


def h3b_rnn_uvw_nobias(x, s, y):
    """s_t = tanh(U x_t + W s_{t-1}), y_t = softmax(V s_t): U s x x, W s x s, V y x s, no biases."""
    return Elman(x, s, biases=0, y=y, out_bias=False)


# ------------------------------------------------------------------ SRU (as recalled in Chinese SRU++ paper notes)

class SRUNotes(_Cell):
    """U^T = [W; W'; W''] X^T (three d x d), f and r gates with vectors v, v' on c[t-1] and biases b, b';
    highway h = r ⊙ c + (1 - r) ⊙ x."""

    def __init__(self, d):
        super().__init__(W=(d, d), W1=(d, d), W2=(d, d), v=(d,), v1=(d,), b=(d,), b1=(d,))
        self.d = d

    def forward(self, x, c):
        P = self.P
        u0, u1, u2 = _mv(P["W"], x), _mv(P["W1"], x), _mv(P["W2"], x)
        f = sig(u0 + P["v"] * c + P["b"])
        r = sig(u1 + P["v1"] * c + P["b1"])
        c = f * c + (1 - f) * u2
        return r * c + (1 - r) * x, c

    def example(self):
        return torch.randn(2, self.d), torch.randn(2, self.d)


def h3b_sru_notes(d, L=None):
    return SRUNotes(d)


class RWKVFeatureMix(nn.Module):
    """K = X1 W_k (d -> e), V = X1 W_v (d -> e), R = X1 W_r (d -> d), WKV = (f(K) ⊙ V) W_w (e -> d),
    RWKV = sigmoid(R) ⊙ WKV; the time shift has no parameters."""

    def __init__(self, d, e):
        super().__init__()
        self.W_k, self.W_v, self.W_r, self.W_w = _p(d, e), _p(d, e), _p(d, d), _p(e, d)
        self.d = d

    def forward(self, x, x_prev):
        x1 = torch.cat([x_prev[..., : self.d // 2], x[..., self.d // 2:]], dim=-1)
        k, v, r = x1 @ self.W_k, x1 @ self.W_v, x1 @ self.W_r
        return torch.sigmoid(r) * ((torch.relu(k) ** 2 * v) @ self.W_w)

    def example(self):
        return torch.randn(2, self.d), torch.randn(2, self.d)


def h3b_rwkv_featuremix(d, e, n=None):
    return RWKVFeatureMix(d, e)


class BiRNNOut(nn.Module):
    """Forward and backward Elman cells (W_xh d x h, W_hh h x h, b_h each) and O = [H_f, H_b] W_hq + b_q."""

    def __init__(self, d, h, q):
        super().__init__()
        self.f, self.b = Elman(d, h, biases=1), Elman(d, h, biases=1)
        self.W_hq, self.b_q = _p(2 * h, q), _p(q)
        self.d, self.h = d, h

    def forward(self, x, hf, hb):
        hf, hb = self.f(x, hf), self.b(x, hb)
        return torch.cat([hf, hb], -1) @ self.W_hq + self.b_q, hf, hb

    def example(self):
        return torch.randn(2, self.d), torch.randn(2, self.h), torch.randn(2, self.h)


def h3b_d2lfr_birnn(d, h, q, n=None):
    return BiRNNOut(d, h, q)
