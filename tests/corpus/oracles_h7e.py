import torch
from torch import nn

__all__ = []


def _export(f):
    __all__.append(f.__name__)
    return f


def _p(*shape):
    return nn.Parameter(torch.randn(*shape) * 0.1)


# ---------------------------------------------------------------------------
# Hugo blog (Madhavan Krishnan, Notes on NLP): GRU, W_z, W_r, W on [.., x_t], no biases
# ---------------------------------------------------------------------------
@_export
def hugo_nlp_gru(x=7, h=5):
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
# Hugo blog: LSTM, W_f, W_i, W_c, W_o on [h_{t-1}, x_t] with biases
# ---------------------------------------------------------------------------
@_export
def hugo_nlp_lstm(x=7, h=5):
    return _ConcatLSTM(x, h)


class _ConcatLSTM(nn.Module):
    def __init__(self, x, h):
        super().__init__()
        self.W_f = nn.Linear(h + x, h)
        self.W_i = nn.Linear(h + x, h)
        self.W_c = nn.Linear(h + x, h)
        self.W_o = nn.Linear(h + x, h)

    def forward(self, xt, state):
        hp, cp = state
        hx = torch.cat([hp, xt], -1)
        f = torch.sigmoid(self.W_f(hx))
        i = torch.sigmoid(self.W_i(hx))
        ct = torch.tanh(self.W_c(hx))
        c = f * cp + i * ct
        o = torch.sigmoid(self.W_o(hx))
        return o * torch.tanh(c), c


# ---------------------------------------------------------------------------
# Day 12.1 LSTM deep dive notes: MGU as written (W_f, W_h on [h_{t-1}, x_t], biases)
# ---------------------------------------------------------------------------
@_export
def day12_mgu(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_f = nn.Linear(h + x, h)
            self.W_h = nn.Linear(h + x, h)

        def forward(self, xt, hp):
            hx = torch.cat([hp, xt], -1)
            f = torch.sigmoid(self.W_f(hx))
            return (1 - f) * hp + f * torch.tanh(self.W_h(hx))

    return Cell()


# ---------------------------------------------------------------------------
# Day 12.1 LSTM deep dive notes: core LSTM, W_* in R^{h x (h+d)}, b_* in R^h
# ---------------------------------------------------------------------------
@_export
def day12_lstm(x=7, h=5):
    return _ConcatLSTM(x, h)


class _ConcatGRU(nn.Module):
    """GRU with W_z, W_r, W_h on concatenations, biases; candidate on [r*h, x]."""

    def __init__(self, x, h, bias=True):
        super().__init__()
        self.W_z = nn.Linear(h + x, h, bias=bias)
        self.W_r = nn.Linear(h + x, h, bias=bias)
        self.W_h = nn.Linear(h + x, h, bias=bias)

    def forward(self, xt, hp):
        hx = torch.cat([hp, xt], -1)
        z = torch.sigmoid(self.W_z(hx))
        r = torch.sigmoid(self.W_r(hx))
        ht = torch.tanh(self.W_h(torch.cat([r * hp, xt], -1)))
        return (1 - z) * hp + z * ht


# ---------------------------------------------------------------------------
# "07 - Gated Recurrent Units (GRUs)" study guide: bold W_z, W_r, W_h on [h^<t-1>, x^<t>] + b
# ---------------------------------------------------------------------------
@_export
def guide07_gru(x=7, h=5):
    return _ConcatGRU(x, h)


class _SplitGRU(nn.Module):
    """GRU with separate W_x* (x->h), W_h* (h->h) and one bias per gate; reset before matmul."""

    def __init__(self, x, h):
        super().__init__()
        for g in "zrh":
            setattr(self, f"W_x{g}", _p(x, h))   # used as W^T x
            setattr(self, f"W_h{g}", _p(h, h))
            setattr(self, f"b_{g}", _p(h))

    def forward(self, xt, hp):
        z = torch.sigmoid(xt @ self.W_xz + hp @ self.W_hz + self.b_z)
        r = torch.sigmoid(xt @ self.W_xr + hp @ self.W_hr + self.b_r)
        hh = torch.tanh(xt @ self.W_xh + (r * hp) @ self.W_hh + self.b_h)
        return (1 - z) * hp + z * hh


class _SplitLSTM(nn.Module):
    """LSTM with separate W_x* (x->h), W_h* (h->h) and one bias per gate."""

    def __init__(self, x, h):
        super().__init__()
        for g in "fioc":
            setattr(self, f"W_x{g}", _p(x, h))
            setattr(self, f"W_h{g}", _p(h, h))
            setattr(self, f"b_{g}", _p(h))

    def forward(self, xt, state):
        hp, cp = state
        pre = {g: xt @ getattr(self, f"W_x{g}") + hp @ getattr(self, f"W_h{g}") + getattr(self, f"b_{g}")
               for g in "fioc"}
        c = torch.sigmoid(pre["f"]) * cp + torch.sigmoid(pre["i"]) * torch.tanh(pre["c"])
        return torch.sigmoid(pre["o"]) * torch.tanh(c), c


# ---------------------------------------------------------------------------
# Personal notes "Recurrent Neural Networks" (W^T convention, size M): LSTM with f_c, f_h
# ---------------------------------------------------------------------------
@_export
def rnnnotes_lstm(x=7, h=5):
    return _SplitLSTM(x, h)


# ---------------------------------------------------------------------------
# RNN notebooks README: GRU equations (W_{xr}^T x_t + W_{hr}^T h_{t-1} + b_r ...)
# ---------------------------------------------------------------------------
@_export
def rnnreadme_gru(x=7, h=5):
    return _SplitGRU(x, h)


# ---------------------------------------------------------------------------
# RNN notebooks README: Elman unit with softmax output, h(t) of size M, y(t) of size K
# ---------------------------------------------------------------------------
@_export
def rnnreadme_elman(x=7, h=5, y=3):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_hh = _p(h, h)
            self.W_xh = _p(x, h)
            self.b_h = _p(h)
            self.W_o = _p(h, y)
            self.b_o = _p(y)

        def forward(self, xt, hp):
            ht = torch.tanh(hp @ self.W_hh + xt @ self.W_xh + self.b_h)
            return torch.softmax(ht @ self.W_o + self.b_o, -1), ht

    return Cell()


# ---------------------------------------------------------------------------
# GRU lecture notes (finance course): W_r, W_z, W_h times stacked bmatrix [h_{t-1}; x_t] + b
# ---------------------------------------------------------------------------
@_export
def gru_lecture_gru(x=7, h=5):
    return _ConcatGRU(x, h)


# ---------------------------------------------------------------------------
# GRU lecture notes, section 9 MGU (refuse: f_t used but never defined).
# Oracle = the cited MGU (Zhou et al. 2016) reading: f_t = sigma(W_f [h_{t-1}; x_t] + b_f),
# plus the written W_h (h x h), W_x (h x x), b.
# ---------------------------------------------------------------------------
@_export
def gru_lecture_mgu(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_f = nn.Linear(h + x, h)
            self.W_h = _p(h, h)
            self.W_x = _p(h, x)
            self.b = _p(h)

        def forward(self, xt, hp):
            f = torch.sigmoid(self.W_f(torch.cat([hp, xt], -1)))
            ht = torch.tanh((f * hp) @ self.W_h.T + xt @ self.W_x.T + self.b)
            return (1 - f) * hp + f * ht

    return Cell()


# ---------------------------------------------------------------------------
# CNTK IndRNN README: h_t = sigma(W x_t + u (.) h_{t-1} + b)
# ---------------------------------------------------------------------------
@_export
def cntk_indrnn(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W = _p(h, x)
            self.u = _p(h)
            self.b = _p(h)

        def forward(self, xt, hp):
            return torch.sigmoid(xt @ self.W.T + self.u * hp + self.b)

    return Cell()


# ---------------------------------------------------------------------------
# Knowledge-base entry 213: minLSTM (simplified), three Linear_{d_h}(x_t) (affine, with bias)
# ---------------------------------------------------------------------------
@_export
def kb213_minlstm(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.lin_f = nn.Linear(x, h)
            self.lin_i = nn.Linear(x, h)
            self.lin_h = nn.Linear(x, h)

        def forward(self, xt, hp):
            f = torch.sigmoid(self.lin_f(xt))
            i = torch.sigmoid(self.lin_i(xt))
            ht = self.lin_h(xt)
            return f / (f + i) * hp + i / (f + i) * ht

    return Cell()


# ---------------------------------------------------------------------------
# Jekyll blog post on SRU / SRU++: W, W_f, W_r (x -> c), v_f, v_r, b_f, b_r; highway
# term (1 - r_t) (.) x_t forces the input size to equal the state size.
# ---------------------------------------------------------------------------
@_export
def srublog_sru(x=5, h=5):
    assert x == h, "highway term (1 - r_t) * x_t needs x == h"

    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W = _p(h, x)
            self.W_f = _p(h, x)
            self.W_r = _p(h, x)
            self.v_f = _p(h)
            self.v_r = _p(h)
            self.b_f = _p(h)
            self.b_r = _p(h)

        def forward(self, xt, cp):
            f = torch.sigmoid(xt @ self.W_f.T + self.v_f * cp + self.b_f)
            r = torch.sigmoid(xt @ self.W_r.T + self.v_r * cp + self.b_r)
            c = f * cp + (1 - f) * (xt @ self.W.T)
            return r * c + (1 - r) * xt, c

    return Cell()


# ---------------------------------------------------------------------------
# Lecture 03b notes, Definition 3.2: W_f, W_i, W_c, W_o in R^{n x (n+d)}, b_* in R^n
# (also written stacked as W in R^{4n x (n+d)}, b in R^{4n}: same parameters)
# ---------------------------------------------------------------------------
@_export
def lecture03b_lstm(d=7, n=5):
    return _ConcatLSTM(d, n)


# ---------------------------------------------------------------------------
# "Sub-quadratic Attention, in Formulas" doc: Gated DeltaNet (refuse: alpha_t, beta_t
# "come from learned per-token projections", q, k, v projections never written).
# Oracle = one plausible reading: W_q, W_k, W_v (x -> d, no bias), alpha and beta
# each from a Linear(x -> 1) with bias, sigmoid.
# ---------------------------------------------------------------------------
@_export
def subquad_gated_deltanet(x=7, d=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_q = nn.Linear(x, d, bias=False)
            self.W_k = nn.Linear(x, d, bias=False)
            self.W_v = nn.Linear(x, d, bias=False)
            self.w_alpha = nn.Linear(x, 1)
            self.w_beta = nn.Linear(x, 1)

        def forward(self, xt, H):
            q = nn.functional.normalize(self.W_q(xt), dim=-1)
            k = nn.functional.normalize(self.W_k(xt), dim=-1)
            v = self.W_v(xt)
            a = torch.sigmoid(self.w_alpha(xt))[..., None]
            b = torch.sigmoid(self.w_beta(xt))[..., None]
            I = torch.eye(d)
            kkT = k[..., :, None] * k[..., None, :]
            H = a * H @ (I - b * kkT) + b * v[..., :, None] * k[..., None, :]
            o = (H.transpose(-1, -2) @ q[..., None])[..., 0]
            return o, H

    return Cell()


# ---------------------------------------------------------------------------
# Hugo blog "Recurrent Neural Networks - RNN, LSTM, GRU": Elman cell with linear output
# h_t = tanh(W_hh h_{t-1} + W_xh x_t + b_h), y_t = W_hy h_t + b_y
# ---------------------------------------------------------------------------
@_export
def hugornn_elman(x=7, h=5, y=3):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_hh = _p(h, h)
            self.W_xh = _p(h, x)
            self.b_h = _p(h)
            self.W_hy = _p(y, h)
            self.b_y = _p(y)

        def forward(self, xt, hp):
            ht = torch.tanh(hp @ self.W_hh.T + xt @ self.W_xh.T + self.b_h)
            return ht @ self.W_hy.T + self.b_y, ht

    return Cell()


# ---------------------------------------------------------------------------
# Jekyll blog "Dissecting LSTMs": concatenation LSTM (1)-(6) plus softmax output (7)
# y_hat = softmax(W_y h_t + b_y)
# ---------------------------------------------------------------------------
@_export
def dissecting_lstm(x=7, h=5, y=3):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.lstm = _ConcatLSTM(x, h)
            self.W_y = nn.Linear(h, y)

        def forward(self, xt, state):
            ht, ct = self.lstm(xt, state)
            return torch.softmax(self.W_y(ht), -1), (ht, ct)

    return Cell()
