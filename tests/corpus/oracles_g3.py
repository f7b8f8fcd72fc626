"""Oracles for the g3 snippets: course notes, blog posts and notebooks in several languages.

Each oracle takes the snippet's sizes as keyword arguments and returns a module whose parameters are
exactly the weights and biases the text writes (one nn.Parameter per named weight, a bias only where
the text writes one), with a `forward(x, state)` that runs one step as the text's equations say.
Batch sizes the text names (n, N) are accepted and ignored.
"""
from __future__ import annotations

import torch
from torch import nn

__all__ = [
    "g3_cs231n_rnn", "g3_cs231n_lstm",
    "g3_jrphy_lstm", "g3_yhangf_lstm", "g3_yhangf_gru",
    "g3_tfyt_gru", "g3_tfyt_lstm", "g3_dkim_gru", "g3_dkim_lstm",
    "g3_smokeriu_gru", "g3_smokeriu_lstm",
    "g3_jefferson_lstm", "g3_claflorez_lstm",
    "g3_vetea_lstm", "g3_vetea_gru", "g3_longtn_rnn", "g3_longtn_lstm",
    "g3_corner_rnn", "g3_corner_lstm", "g3_corner_gru", "g3_fluxja_gru",
    "g3_skier_lstm", "g3_ryomemo_lstm", "g3_khkim_lstm", "g3_khkim_gru",
    "g3_hoaan_rnn", "g3_xiaoguowei_rnn",
]


def _p(*shape: int) -> nn.Parameter:
    return nn.Parameter(torch.randn(*shape) * 0.1)


# ---------------------------------------------------------------- building blocks (column vectors)

class CatLSTM(nn.Module):
    """f, i, o = sigma(W_* [h_{t-1}, x_t] + b_*); C~ = tanh(W_C [h, x] + b_C);
    C = f*C + i*C~; h = o*tanh(C). W_* is h x (h + x). `bias=False` drops every b."""

    def __init__(self, x: int, h: int, bias: bool = True, x_first: bool = False):
        super().__init__()
        self.W = nn.ParameterDict({g: _p(h, h + x) for g in "fico"})
        self.b = nn.ParameterDict({g: _p(h) for g in "fico"}) if bias else None
        self.x_first = x_first

    def forward(self, x, state):
        h, c = state
        hx = torch.cat([x, h]) if self.x_first else torch.cat([h, x])
        lin = {g: self.W[g] @ hx + (self.b[g] if self.b is not None else 0) for g in "fico"}
        f, i, o = (torch.sigmoid(lin[g]) for g in "fio")
        c = f * c + i * torch.tanh(lin["c"])
        return o * torch.tanh(c), c


class CatGRU(nn.Module):
    """z, r = sigma(W_* [h_{t-1}, x_t] + b_*); h~ = tanh(W [r*h_{t-1}, x_t] + b);
    h = (1-z)*h + z*h~. W_* is h x (h + x)."""

    def __init__(self, x: int, h: int, bias: bool = True, x_first: bool = False):
        super().__init__()
        self.W = nn.ParameterDict({g: _p(h, h + x) for g in "zrh"})
        self.b = nn.ParameterDict({g: _p(h) for g in "zrh"}) if bias else None
        self.x_first = x_first

    def _b(self, g):
        return self.b[g] if self.b is not None else 0

    def _cat(self, x, h):
        return torch.cat([x, h]) if self.x_first else torch.cat([h, x])

    def forward(self, x, h):
        z = torch.sigmoid(self.W["z"] @ self._cat(x, h) + self._b("z"))
        r = torch.sigmoid(self.W["r"] @ self._cat(x, h) + self._b("r"))
        cand = torch.tanh(self.W["h"] @ self._cat(x, r * h) + self._b("h"))
        if self.x_first:  # kh-kim: h_t = (1 - z) n_t + z h_{t-1}
            return (1 - z) * cand + z * h
        return (1 - z) * h + z * cand


class SepLSTM(nn.Module):
    """g = act(W_x* x + W_h* h [+ b_*]) for g in f, i, o, c; c = f*c + i*c~; h = o*tanh(c).
    W_x* is h x x, W_h* is h x h."""

    def __init__(self, x: int, h: int, bias: bool = True, input_tanh: bool = False,
                 out_tanh: bool = True):
        super().__init__()
        self.Wx = nn.ParameterDict({g: _p(h, x) for g in "fioc"})
        self.Wh = nn.ParameterDict({g: _p(h, h) for g in "fioc"})
        self.b = nn.ParameterDict({g: _p(h) for g in "fioc"}) if bias else None
        self.input_tanh, self.out_tanh = input_tanh, out_tanh

    def forward(self, x, state):
        h, c = state
        lin = {g: self.Wx[g] @ x + self.Wh[g] @ h + (self.b[g] if self.b is not None else 0)
               for g in "fioc"}
        f, o = torch.sigmoid(lin["f"]), torch.sigmoid(lin["o"])
        i = torch.tanh(lin["i"]) if self.input_tanh else torch.sigmoid(lin["i"])
        c = f * c + i * torch.tanh(lin["c"])
        return o * (torch.tanh(c) if self.out_tanh else c), c


class SepGRU(nn.Module):
    """z, r = sigma(W_x* x + W_h* h [+ b_*]); h~ = tanh(W_xh x + W_hh (r*h) [+ b_h]);
    h = z*h + (1-z)*h~. `reset_after`: h~ = tanh(W_xh x + (W_hh h) * r + b_h) (same parameters)."""

    def __init__(self, x: int, h: int, bias: bool = True, reset_after: bool = False,
                 z_keeps_old: bool = True):
        super().__init__()
        self.Wx = nn.ParameterDict({g: _p(h, x) for g in "zrh"})
        self.Wh = nn.ParameterDict({g: _p(h, h) for g in "zrh"})
        self.b = nn.ParameterDict({g: _p(h) for g in "zrh"}) if bias else None
        self.reset_after, self.z_keeps_old = reset_after, z_keeps_old

    def _b(self, g):
        return self.b[g] if self.b is not None else 0

    def forward(self, x, h):
        z = torch.sigmoid(self.Wx["z"] @ x + self.Wh["z"] @ h + self._b("z"))
        r = torch.sigmoid(self.Wx["r"] @ x + self.Wh["r"] @ h + self._b("r"))
        rec = (self.Wh["h"] @ h) * r if self.reset_after else self.Wh["h"] @ (r * h)
        cand = torch.tanh(self.Wx["h"] @ x + rec + self._b("h"))
        return z * h + (1 - z) * cand if self.z_keeps_old else (1 - z) * h + z * cand


class WithReadout(nn.Module):
    """A cell followed by y_t = act(V h_t [+ b_y]), V is y x h."""

    def __init__(self, cell: nn.Module, h: int, y: int, bias: bool = True):
        super().__init__()
        self.cell = cell
        self.V = _p(y, h)
        self.b_y = _p(y) if bias else None

    def forward(self, x, state):
        out = self.cell(x, state)
        h = out[0] if isinstance(out, tuple) else out
        y = self.V @ h + (self.b_y if self.b_y is not None else 0)
        return y, out


class PlainRNN(nn.Module):
    """h_t = tanh(W_hh h_{t-1} + W_xh x_t [+ b_h])."""

    def __init__(self, x: int, h: int, bias: bool = True):
        super().__init__()
        self.W_xh, self.W_hh = _p(h, x), _p(h, h)
        self.b_h = _p(h) if bias else None

    def forward(self, x, h):
        return torch.tanh(self.W_hh @ h + self.W_xh @ x + (self.b_h if self.b_h is not None else 0))


# ---------------------------------------------------------------- CS231n notes (rnn.md)

def g3_cs231n_rnn(x, h, y):
    """h_t = tanh(W_hh h_{t-1} + W_xh x_t); y_t = W_hy h_t; no bias anywhere."""
    return WithReadout(PlainRNN(x, h, bias=False), h, y, bias=False)


def g3_cs231n_lstm(x, n):
    """f, i, o, g = act(W_h* h_{t_1} + W_x* x_t), no bias; h and c of size n."""
    return SepLSTM(x, n, bias=False)


# ---------------------------------------------------------------- [h_{t-1}, x_t] LSTMs and GRUs with biases

def g3_jrphy_lstm(x, h):
    """W_f.[h_{t-1}, x_t] + b_f ...; h_{t-1} in M_{128x64}, x_t in M_{128x16} (batch 128)."""
    return CatLSTM(x, h)


def g3_yhangf_lstm(x, h):
    return CatLSTM(x, h)


def g3_yhangf_gru(x, h):
    """colah GRU: z, r = sigma(W_* . [h, x]); h~ = tanh(W . [r*h, x]); no bias."""
    return CatGRU(x, h, bias=False)


def g3_dkim_gru(x, h):
    """z, r = sigma(W_*.[h, x] + b_*); h~ = tanh(W.[r*h, x] + b)."""
    return CatGRU(x, h)


def g3_dkim_lstm(x, h):
    return CatLSTM(x, h)


def g3_jefferson_lstm(x, h):
    return CatLSTM(x, h)


def g3_claflorez_lstm(x, h):
    return CatLSTM(x, h)


# ---------------------------------------------------------------- 9ghahg9/TF2.x_YouTube (Korean notebook tables)

def g3_tfyt_gru(X, H, y):
    """R, U = sigmoid(U_* X_t + W_* H_{t-1} + b_*); H~ = tanh(U_c X_t + W_c H_{t-1} * R_t + b_c);
    H_t = (1 - U_t) * H_{t-1} + U_t * H~; y_t = act(V_out H_t + b_out)."""
    return WithReadout(SepGRU(X, H, reset_after=True), H, y)


def g3_tfyt_lstm(X, H, y):
    """F, I, O = sigmoid(U_* X_t + W_* H_{t-1} + b_*); C~ = tanh(U_c X_t + W_c H_{t-1} + b_c);
    y_t = act(V_out H_t + b_out)."""
    return WithReadout(SepLSTM(X, H), H, y)


# ---------------------------------------------------------------- d2l-style row-vector notes (smokeriu)

class RowGRU(nn.Module):
    """R, Z = sigma(X W_x* + H W_h* + b_*); H~ = tanh(X W_xh + (R*H) W_hh + b_h);
    H = Z*H + (1-Z)*H~. W_x* d x h, W_h* h x h, b_* 1 x h."""

    def __init__(self, d, h, z_keeps_old: bool = True):
        super().__init__()
        self.Wx = nn.ParameterDict({g: _p(d, h) for g in "rzh"})
        self.Wh = nn.ParameterDict({g: _p(h, h) for g in "rzh"})
        self.b = nn.ParameterDict({g: _p(1, h) for g in "rzh"})
        self.z_keeps_old = z_keeps_old

    def forward(self, X, H):
        R = torch.sigmoid(X @ self.Wx["r"] + H @ self.Wh["r"] + self.b["r"])
        Z = torch.sigmoid(X @ self.Wx["z"] + H @ self.Wh["z"] + self.b["z"])
        Hc = torch.tanh(X @ self.Wx["h"] + (R * H) @ self.Wh["h"] + self.b["h"])
        return Z * H + (1 - Z) * Hc if self.z_keeps_old else (1 - Z) * H + Z * Hc


class RowLSTM(nn.Module):
    """I, F, O = sigma(X W_x* + H W_h* + b_*); C~ = tanh(X W_xc + H W_hc + b_c)."""

    def __init__(self, d, h):
        super().__init__()
        self.Wx = nn.ParameterDict({g: _p(d, h) for g in "ifoc"})
        self.Wh = nn.ParameterDict({g: _p(h, h) for g in "ifoc"})
        self.b = nn.ParameterDict({g: _p(1, h) for g in "ifoc"})

    def forward(self, X, state):
        H, C = state
        lin = {g: X @ self.Wx[g] + H @ self.Wh[g] + self.b[g] for g in "ifoc"}
        I, F, O = (torch.sigmoid(lin[g]) for g in "ifo")
        C = F * C + I * torch.tanh(lin["c"])
        return O * torch.tanh(C), C


def g3_smokeriu_gru(d, h, n=None):
    return RowGRU(d, h)


def g3_smokeriu_lstm(X, h, n=None):
    return RowLSTM(X, h)


# ---------------------------------------------------------------- webmastervetea/advanced-ai-curriculum (Spanish)

def g3_vetea_lstm(x, h):
    """f, i, o = sigma(W_* h_{t-1} + U_* x_t + b_*): W_* on the state (h x h), U_* on the input
    (h x x) -- the SepLSTM parameters under swapped letters."""
    return SepLSTM(x, h)


def g3_vetea_gru(x, h):
    """r, z = sigma(W_* h + U_* x + b_*); h~ = tanh(W_h~ (r*h) + U_h~ x + b_h~);
    h = (1-z)*h + z*h~."""
    return SepGRU(x, h, z_keeps_old=False)


# ---------------------------------------------------------------- longtruongnguyen blog (Vietnamese)

def g3_longtn_rnn(x, h, o):
    """h = tanh(U x + W h + b); o = V h + c; y^ = softmax(o)."""
    return WithReadout(PlainRNN(x, h), h, o)


def g3_longtn_lstm(x, h):
    """f, o = sigma(W_{*,x} x + W_{*,h} h + b_*); i = tanh(...) as written; s~ = tanh(...);
    s = f o s_{t-1} + i o s~; h = o o tanh(s)."""
    return SepLSTM(x, h, input_tanh=True)


# ---------------------------------------------------------------- corner0530 notes (Japanese, row vectors)

class RowRNN(nn.Module):
    """h_t = tanh(h_{t-1} W_h + x_t W_x + b); W_x is x by h, W_h is h by h."""

    def __init__(self, x, h):
        super().__init__()
        self.W_x, self.W_h, self.b = _p(x, h), _p(h, h), _p(1, h)

    def forward(self, X, H):
        return torch.tanh(H @ self.W_h + X @ self.W_x + self.b)


def g3_corner_rnn(x, h):
    return RowRNN(x, h)


def g3_corner_lstm(x, h):
    """o, f, i = sigma(x_t W_x^(*) + h_{t-1} W_h^(*) + b^(*)); g = tanh(...); c = f*c + g*i."""
    return RowLSTM(x, h)


def g3_corner_gru(x, h):
    """z, r = sigma(x W_x^(*) + h W_h^(*) + b^(*)); h~ = tanh(x W_x + (r*h) W_h + b);
    h = (1-z)*h + z*h~."""
    return RowGRU(x, h, z_keeps_old=False)


# ---------------------------------------------------------------- Flux GRU docstring, Japanese translation

def g3_fluxja_gru(**sizes):
    """r, z = sigma(W_x* x + W_h* h + b_*); h~ = tanh(W_xh x + r o W_hh h + b_h);
    h = (1-z) o h~ + z o h; sizes `in` and `out` (a Python keyword, hence **sizes)."""
    return SepGRU(sizes["in"], sizes["out"], reset_after=True)


# ---------------------------------------------------------------- web pages

def g3_skier_lstm(x, h):
    """f, i, o = sigma(W^h_k h_{t-1} + W^x_k x_t), C~ = tanh(W^h_3 h + W^x_3 x), no bias;
    h_t = o_t x c_t (no tanh, as written)."""
    return SepLSTM(x, h, bias=False, out_tanh=False)


def g3_ryomemo_lstm(x, h):
    return CatLSTM(x, h)


# ---------------------------------------------------------------- kh-kim book site (Korean)

def g3_khkim_lstm(x, h):
    """i, f, o = sigma(W_* . [x_t, h_{t-1}]); g = tanh(W_g . [x_t, h_{t-1}]); no bias."""
    return CatLSTM(x, h, bias=False, x_first=True)


def g3_khkim_gru(x, h):
    """r, z = sigma(W_* . [x_t, h_{t-1}]); n = tanh(W_n . [x_t, r o h_{t-1}]);
    h = (1-z) o n + z o h_{t-1}; no bias."""
    return CatGRU(x, h, bias=False, x_first=True)


# ---------------------------------------------------------------- RNNs with a readout

def g3_hoaan_rnn(x, a, y):
    """a_t = g_a(W_xa x_t + W_aa a_{t-1} + b_a); y_t = g_y(W_ay a_t + b_y)."""
    return WithReadout(PlainRNN(x, a), a, y)


class RowRNNReadout(nn.Module):
    """h(t) = tanh(x(t) w(xh) + h(t-1) w(hh) + bh); y(t) = softmax(h(t) w(hy) + by)."""

    def __init__(self, x, h, y):
        super().__init__()
        self.w_xh, self.w_hh, self.bh = _p(x, h), _p(h, h), _p(h)
        self.w_hy, self.by = _p(h, y), _p(y)

    def forward(self, X, H):
        H = torch.tanh(X @ self.w_xh + H @ self.w_hh + self.bh)
        return torch.softmax(H @ self.w_hy + self.by, dim=-1), H


def g3_xiaoguowei_rnn(x, h, y):
    return RowRNNReadout(x, h, y)
