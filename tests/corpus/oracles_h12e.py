"""Oracles for the h12e snippets: one function per snippet (some shared), each returning an
nn.Module whose parameters are exactly the weights the snippet's text names."""
import torch
from torch import nn

__all__ = [
    "lstm_no_bias",
    "rowvec_lstm_head",
    "h12e_concat_gru",
    "elman_row_output_bias_only",
    "concat_lstm_reference",
    "elman_row_head",
    "goodfellow_rnn",
    "row_lstm_no_bias",
    "gru_reset_after_one_bias",
    "cho_gru",
    "wub_lstm",
]


class _LSTMNoBias(nn.Module):
    """f,g,i,o each: U_* h_{t-1} + W_* x_t (no bias); c = f*c + i*g; h = o*tanh(c)."""

    def __init__(self, x, h):
        super().__init__()
        self.sz = (x, h)
        for g in "fgio":
            setattr(self, f"U_{g}", nn.Parameter(torch.randn(h, h)))
            setattr(self, f"W_{g}", nn.Parameter(torch.randn(h, x)))

    def forward(self, xt, state):
        h, c = state
        pre = {g: getattr(self, f"U_{g}") @ h + getattr(self, f"W_{g}") @ xt for g in "fgio"}
        f, i, o = (torch.sigmoid(pre[k]) for k in "fio")
        g = torch.tanh(pre["g"])
        c = c * f + i * g
        return o * torch.tanh(c), c

    def step(self):
        x, h = self.sz
        return self(torch.randn(x), (torch.zeros(h), torch.zeros(h)))


def lstm_no_bias(x, h):
    return _LSTMNoBias(x, h)


class _RowVecLSTMHead(nn.Module):
    """Row-vector LSTM: gate = act(h R_* + x W_* + b_*), W_* (m x p), R_* (p x p), b_* (1 x p);
    y = f_o(h W_y + b_y), W_y (p x o), b_y (1 x o)."""

    def __init__(self, m, p, o):
        super().__init__()
        self.sz = (m, p)
        for g in "fcio":
            setattr(self, f"W_{g}", nn.Parameter(torch.randn(m, p)))
            setattr(self, f"R_{g}", nn.Parameter(torch.randn(p, p)))
            setattr(self, f"b_{g}", nn.Parameter(torch.zeros(1, p)))
        self.W_y = nn.Parameter(torch.randn(p, o))
        self.b_y = nn.Parameter(torch.zeros(1, o))

    def forward(self, xt, state):
        h, c = state
        pre = {g: h @ getattr(self, f"R_{g}") + xt @ getattr(self, f"W_{g}") + getattr(self, f"b_{g}")
               for g in "fcio"}
        f, i, o = (torch.sigmoid(pre[k]) for k in "fio")
        ct = torch.tanh(pre["c"])
        c = c * f + ct * i
        h = torch.tanh(c) * o
        y = torch.softmax(h @ self.W_y + self.b_y, -1)
        return y, (h, c)

    def step(self):
        m, p = self.sz
        return self(torch.randn(2, m), (torch.zeros(2, p), torch.zeros(2, p)))


def rowvec_lstm_head(m, p, o):
    return _RowVecLSTMHead(m, p, o)


class _ConcatGRU(nn.Module):
    """u = σ(W_u [h, x] + b_u); r = σ(W_r [h, x] + b_r); ĥ = tanh(W_h [r*h, x] + b_h);
    h' = u*ĥ + (1-u)*h. Each W is h x (h+x)."""

    def __init__(self, x, h):
        super().__init__()
        self.sz = (x, h)
        for g in "urh":
            setattr(self, f"W_{g}", nn.Parameter(torch.randn(h, h + x)))
            setattr(self, f"b_{g}", nn.Parameter(torch.zeros(h)))

    def forward(self, xt, h):
        hx = torch.cat([h, xt])
        u = torch.sigmoid(self.W_u @ hx + self.b_u)
        r = torch.sigmoid(self.W_r @ hx + self.b_r)
        hh = torch.tanh(self.W_h @ torch.cat([r * h, xt]) + self.b_h)
        return u * hh + (1 - u) * h

    def step(self):
        x, h = self.sz
        return self(torch.randn(x), torch.zeros(h))


def h12e_concat_gru(x, h):
    return _ConcatGRU(x, h)


class _ElmanRowNoHiddenBias(nn.Module):
    """h[t] = tanh(x[t] W_xh + h[t-1] W_hh); y = softmax(h W_hy + b). No hidden bias."""

    def __init__(self, x, h, y):
        super().__init__()
        self.sz = (x, h)
        self.W_xh = nn.Parameter(torch.randn(x, h))
        self.W_hh = nn.Parameter(torch.randn(h, h))
        self.W_hy = nn.Parameter(torch.randn(h, y))
        self.b = nn.Parameter(torch.zeros(y))

    def forward(self, xt, h):
        h = torch.tanh(xt @ self.W_xh + h @ self.W_hh)
        return torch.softmax(h @ self.W_hy + self.b, -1), h

    def step(self):
        x, h = self.sz
        return self(torch.randn(x), torch.zeros(h))


def elman_row_output_bias_only(x, h, y):
    return _ElmanRowNoHiddenBias(x, h, y)


class _ConcatLSTM(nn.Module):
    """Reference LSTM (what a reader might assume): gate = act(W_* [h, x] + b_*), W_* h x (h+x)."""

    def __init__(self, x, h):
        super().__init__()
        self.sz = (x, h)
        for g in "fico":
            setattr(self, f"W_{g}", nn.Parameter(torch.randn(h, h + x)))
            setattr(self, f"b_{g}", nn.Parameter(torch.zeros(h)))

    def forward(self, xt, state):
        h, c = state
        hx = torch.cat([h, xt])
        f, i, o = (torch.sigmoid(getattr(self, f"W_{g}") @ hx + getattr(self, f"b_{g}")) for g in "fio")
        ct = torch.tanh(self.W_c @ hx + self.b_c)
        c = f * c + i * ct
        return o * torch.tanh(c), c

    def step(self):
        x, h = self.sz
        return self(torch.randn(x), (torch.zeros(h), torch.zeros(h)))


def concat_lstm_reference(x, h):
    return _ConcatLSTM(x, h)


class _ElmanRowHead(nn.Module):
    """h_t = tanh(x_t W_i + h_{t-1} W_h + b_h); y = g(h_T W_o + b_o). Row vectors."""

    def __init__(self, x, h, y):
        super().__init__()
        self.sz = (x, h)
        self.W_i = nn.Parameter(torch.randn(x, h))
        self.W_h = nn.Parameter(torch.randn(h, h))
        self.b_h = nn.Parameter(torch.zeros(h))
        self.W_o = nn.Parameter(torch.randn(h, y))
        self.b_o = nn.Parameter(torch.zeros(y))

    def forward(self, xt, h):
        h = torch.tanh(xt @ self.W_i + h @ self.W_h + self.b_h)
        return torch.sigmoid(h @ self.W_o + self.b_o), h

    def step(self):
        x, h = self.sz
        return self(torch.randn(1, x), torch.zeros(1, h))


def elman_row_head(x, h, y):
    return _ElmanRowHead(x, h, y)


class _GoodfellowRNN(nn.Module):
    """a = b + W h + U x; h = tanh(a); o = c + V h; y = softmax(o)."""

    def __init__(self, x, h, o):
        super().__init__()
        self.sz = (x, h)
        self.U = nn.Parameter(torch.randn(h, x))
        self.W = nn.Parameter(torch.randn(h, h))
        self.b = nn.Parameter(torch.zeros(h))
        self.V = nn.Parameter(torch.randn(o, h))
        self.c = nn.Parameter(torch.zeros(o))

    def forward(self, xt, h):
        h = torch.tanh(self.b + self.W @ h + self.U @ xt)
        return torch.softmax(self.c + self.V @ h, -1), h

    def step(self):
        x, h = self.sz
        return self(torch.randn(x), torch.zeros(h))


def goodfellow_rnn(x, h, o):
    return _GoodfellowRNN(x, h, o)


class _RowLSTMNoBias(nn.Module):
    """gate = act(x_j W^{x*} + h_{j-1} W^{h*}), no biases; c = c*f + g*i; h = tanh(c)*o."""

    def __init__(self, x, h):
        super().__init__()
        self.sz = (x, h)
        for g in "ifog":
            setattr(self, f"W_x{g}", nn.Parameter(torch.randn(x, h)))
            setattr(self, f"W_h{g}", nn.Parameter(torch.randn(h, h)))

    def forward(self, xt, state):
        h, c = state
        pre = {g: xt @ getattr(self, f"W_x{g}") + h @ getattr(self, f"W_h{g}") for g in "ifog"}
        i, f, o = (torch.sigmoid(pre[k]) for k in "ifo")
        g = torch.tanh(pre["g"])
        c = c * f + g * i
        return torch.tanh(c) * o, c

    def step(self):
        x, h = self.sz
        return self(torch.randn(1, x), (torch.zeros(1, h), torch.zeros(1, h)))


def row_lstm_no_bias(x, h):
    return _RowLSTMNoBias(x, h)


class _GRUResetAfterOneBias(nn.Module):
    """z = σ(W_z x + U_z h + b_z); r = σ(W_r x + U_r h + b_r);
    h~ = tanh(W_h x + r ⊙ (U_h h) + b_h); h' = (1-z) h + z h~."""

    def __init__(self, x, h):
        super().__init__()
        self.sz = (x, h)
        for g in "zrh":
            setattr(self, f"W_{g}", nn.Parameter(torch.randn(h, x)))
            setattr(self, f"U_{g}", nn.Parameter(torch.randn(h, h)))
            setattr(self, f"b_{g}", nn.Parameter(torch.zeros(h)))

    def forward(self, xt, h):
        z = torch.sigmoid(self.W_z @ xt + self.U_z @ h + self.b_z)
        r = torch.sigmoid(self.W_r @ xt + self.U_r @ h + self.b_r)
        hh = torch.tanh(self.W_h @ xt + r * (self.U_h @ h) + self.b_h)
        return (1 - z) * h + z * hh

    def step(self):
        x, h = self.sz
        return self(torch.randn(x), torch.zeros(h))


def gru_reset_after_one_bias(x, h):
    return _GRUResetAfterOneBias(x, h)


class _GRUResetBefore(nn.Module):
    """Cho's GRU: z, r = σ(W x + U h + b); h~ = tanh(W_h x + U_h (r ⊙ h) + b_h);
    h' = z ⊙ h + (1 - z) ⊙ h~. W ∈ R^{d_h×d_x}, U ∈ R^{d_h×d_h}, b ∈ R^{d_h}."""

    def __init__(self, x, h):
        super().__init__()
        self.sz = (x, h)
        for g in "zrh":
            setattr(self, f"W_{g}", nn.Parameter(torch.randn(h, x)))
            setattr(self, f"U_{g}", nn.Parameter(torch.randn(h, h)))
            setattr(self, f"b_{g}", nn.Parameter(torch.zeros(h)))

    def forward(self, xt, h):
        z = torch.sigmoid(self.W_z @ xt + self.U_z @ h + self.b_z)
        r = torch.sigmoid(self.W_r @ xt + self.U_r @ h + self.b_r)
        hh = torch.tanh(self.W_h @ xt + self.U_h @ (r * h) + self.b_h)
        return z * h + (1 - z) * hh

    def step(self):
        x, h = self.sz
        return self(torch.randn(x), torch.zeros(h))


def cho_gru(x, h):
    return _GRUResetBefore(x, h)


class _WULSTM(nn.Module):
    """gate = act(W_* x + U_* h + b_*), W_* ∈ R^{n×d}, U_* ∈ R^{n×n}, b_* ∈ R^n; 4(nd + n^2 + n)."""

    def __init__(self, x, h):
        super().__init__()
        self.sz = (x, h)
        for g in "ifoc":
            setattr(self, f"W_{g}", nn.Parameter(torch.randn(h, x)))
            setattr(self, f"U_{g}", nn.Parameter(torch.randn(h, h)))
            setattr(self, f"b_{g}", nn.Parameter(torch.zeros(h)))

    def forward(self, xt, state):
        h, c = state
        pre = {g: getattr(self, f"W_{g}") @ xt + getattr(self, f"U_{g}") @ h + getattr(self, f"b_{g}")
               for g in "ifoc"}
        i, f, o = (torch.sigmoid(pre[k]) for k in "ifo")
        c = f * c + i * torch.tanh(pre["c"])
        return o * torch.tanh(c), c

    def step(self):
        x, h = self.sz
        return self(torch.randn(x), (torch.zeros(h), torch.zeros(h)))


def wub_lstm(x, h):
    return _WULSTM(x, h)
