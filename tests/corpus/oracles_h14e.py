"""Oracles for the h14e snippets: one function per snippet reading (some shared), each returning an
nn.Module whose parameters are exactly the weights the snippet's text names. Every module has a
step() method that runs one forward step at the sizes it was built with."""
import torch
from torch import nn

__all__ = [
    "gru_wu_nobias_reset_after",
    "lstm_wu_nobias",
    "mlstm_nobias",
    "elman_with_output_layer",
    "h14e_lstm_wu_bias_per_gate",
    "gru_xh_bias_reset_before_with_output",
    "sru_reference_reading",
    "h14e_lstm_concat_bias_per_gate",
    "h14e_gru_concat_bias_per_gate",
    "gru_concat_bias_c",
    "elman_a_with_output",
]


def _lin(i, o, bias=False):
    return nn.Linear(i, o, bias=bias)


class _GRUWUNoBiasResetAfter(nn.Module):
    """z = s(W_z x + U_z h); r = s(W_r x + U_r h); n = tanh(W_n x + r * (U_n h));
    h' = z * h + (1 - z) * n.  No biases."""

    def __init__(self, x, h):
        super().__init__()
        self.sz = (x, h)
        self.W_z, self.U_z = _lin(x, h), _lin(h, h)
        self.W_r, self.U_r = _lin(x, h), _lin(h, h)
        self.W_n, self.U_n = _lin(x, h), _lin(h, h)

    def forward(self, xt, h):
        z = torch.sigmoid(self.W_z(xt) + self.U_z(h))
        r = torch.sigmoid(self.W_r(xt) + self.U_r(h))
        n = torch.tanh(self.W_n(xt) + r * self.U_n(h))
        return z * h + (1 - z) * n

    def step(self):
        x, h = self.sz
        return self(torch.randn(x), torch.zeros(h))


def gru_wu_nobias_reset_after(x, h):
    return _GRUWUNoBiasResetAfter(x, h)


class _LSTMWUNoBias(nn.Module):
    """i, f, o = s(W x + U h); c~ = tanh(W_c x + U_c h); c' = f c + i c~; h' = o tanh(c'). No biases."""

    def __init__(self, x, h):
        super().__init__()
        self.sz = (x, h)
        self.W = nn.ModuleDict({g: _lin(x, h) for g in "ifoc"})
        self.U = nn.ModuleDict({g: _lin(h, h) for g in "ifoc"})

    def forward(self, xt, state):
        h, c = state
        a = {g: self.W[g](xt) + self.U[g](h) for g in "ifoc"}
        i, f, o = (torch.sigmoid(a[g]) for g in "ifo")
        c = f * c + i * torch.tanh(a["c"])
        return o * torch.tanh(c), c

    def step(self):
        x, h = self.sz
        return self(torch.randn(x), (torch.zeros(h), torch.zeros(h)))


def lstm_wu_nobias(x, h):
    return _LSTMWUNoBias(x, h)


class _MLSTMNoBias(nn.Module):
    """Multiplicative LSTM without biases: m = (W_xm x) * (W_hm h);
    i, f, o = s(W^(g)_xh x + U^(g)_mh m); h^ = W_xh x + U_mh m; c' = f c + i tanh(h^); h' = o tanh(c')."""

    def __init__(self, x, h, m):
        super().__init__()
        self.sz = (x, h, m)
        self.W_xm, self.W_hm = _lin(x, m), _lin(h, m)
        self.W = nn.ModuleDict({g: _lin(x, h) for g in "ifo"})
        self.U = nn.ModuleDict({g: _lin(m, h) for g in "ifo"})
        self.W_xh, self.U_mh = _lin(x, h), _lin(m, h)

    def forward(self, xt, state):
        h, c = state
        m = self.W_xm(xt) * self.W_hm(h)
        i, f, o = (torch.sigmoid(self.W[g](xt) + self.U[g](m)) for g in "ifo")
        hh = self.W_xh(xt) + self.U_mh(m)
        c = f * c + i * torch.tanh(hh)
        return o * torch.tanh(c), c

    def step(self):
        x, h, m = self.sz
        return self(torch.randn(x), (torch.zeros(h), torch.zeros(h)))


def mlstm_nobias(x, h, m):
    return _MLSTMNoBias(x, h, m)


class _ElmanOut(nn.Module):
    """h' = s_h(W_h x + U_h h + b_h); y = s_y(W_y h' + b_y)."""

    def __init__(self, x, h, y):
        super().__init__()
        self.sz = (x, h, y)
        self.W_h = _lin(x, h, bias=True)   # W_h and b_h
        self.U_h = _lin(h, h)
        self.W_y = _lin(h, y, bias=True)   # W_y and b_y

    def forward(self, xt, h):
        h = torch.tanh(self.W_h(xt) + self.U_h(h))
        return h, torch.sigmoid(self.W_y(h))

    def step(self):
        x, h, y = self.sz
        return self(torch.randn(x), torch.zeros(h))


def elman_with_output_layer(x, h, y):
    return _ElmanOut(x, h, y)


class _LSTMWUBias(_LSTMWUNoBias):
    """Standard LSTM with W_g x + U_g h + b_g for g in f, i, o, c (one bias per gate)."""

    def __init__(self, x, h):
        super().__init__(x, h)
        self.b = nn.ParameterDict({g: nn.Parameter(torch.zeros(h)) for g in "ifoc"})

    def forward(self, xt, state):
        h, c = state
        a = {g: self.W[g](xt) + self.U[g](h) + self.b[g] for g in "ifoc"}
        i, f, o = (torch.sigmoid(a[g]) for g in "ifo")
        c = f * c + i * torch.tanh(a["c"])
        return o * torch.tanh(c), c


def h14e_lstm_wu_bias_per_gate(x, h):
    return _LSTMWUBias(x, h)


class _GRUResetBeforeOut(nn.Module):
    """z = s(W_xz x + W_hz h + b_z); r = s(W_xr x + W_hr h + b_r);
    h~ = tanh(W_xh x + W_hh (r * h) + b_h); h' = (1 - z) h + z h~; y = f(W_hy h' + b_y)."""

    def __init__(self, x, h, y):
        super().__init__()
        self.sz = (x, h, y)
        self.W_xz, self.W_hz = _lin(x, h, bias=True), _lin(h, h)
        self.W_xr, self.W_hr = _lin(x, h, bias=True), _lin(h, h)
        self.W_xh, self.W_hh = _lin(x, h, bias=True), _lin(h, h)
        self.W_hy = _lin(h, y, bias=True)

    def forward(self, xt, h):
        z = torch.sigmoid(self.W_xz(xt) + self.W_hz(h))
        r = torch.sigmoid(self.W_xr(xt) + self.W_hr(h))
        n = torch.tanh(self.W_xh(xt) + self.W_hh(r * h))
        h = (1 - z) * h + z * n
        return h, torch.softmax(self.W_hy(h), -1)

    def step(self):
        x, h, y = self.sz
        return self(torch.randn(x), torch.zeros(h))


def gru_xh_bias_reset_before_with_output(x, h, y):
    return _GRUResetBeforeOut(x, h, y)


class _SRURef(nn.Module):
    """Reference reading for a refuse snippet: x~ = W x (no bias); f = s(W_f x + b_f);
    r = s(W_r x + b_r) ASSUMED (the text uses r_t without defining it);
    c' = f c + (1 - f) x~; h = r tanh(c') + (1 - r) x[:h] (highway term truncated as the page's own code does)."""

    def __init__(self, x, h):
        super().__init__()
        self.sz = (x, h)
        self.W = _lin(x, h)
        self.W_f = _lin(x, h, bias=True)
        self.W_r = _lin(x, h, bias=True)

    def forward(self, xt, c):
        h = self.sz[1]
        f = torch.sigmoid(self.W_f(xt))
        r = torch.sigmoid(self.W_r(xt))
        c = f * c + (1 - f) * self.W(xt)
        return r * torch.tanh(c) + (1 - r) * xt[:h], c

    def step(self):
        x, h = self.sz
        return self(torch.randn(x), torch.zeros(h))


def sru_reference_reading(x, h):
    return _SRURef(x, h)


class _LSTMConcat(nn.Module):
    """g = act(W_g [h, x] + b_g) for g in f, i, C, o; C' = f C + i C~; h' = o tanh(C')."""

    def __init__(self, x, h):
        super().__init__()
        self.sz = (x, h)
        self.W = nn.ModuleDict({g: _lin(h + x, h, bias=True) for g in "fiCo"})

    def forward(self, xt, state):
        h, c = state
        hx = torch.cat([h, xt], -1)
        f, i, o = (torch.sigmoid(self.W[g](hx)) for g in "fio")
        c = f * c + i * torch.tanh(self.W["C"](hx))
        return o * torch.tanh(c), c

    def step(self):
        x, h = self.sz
        return self(torch.randn(x), (torch.zeros(h), torch.zeros(h)))


def h14e_lstm_concat_bias_per_gate(x, h):
    return _LSTMConcat(x, h)


class _GRUConcat(nn.Module):
    """z = s(W_z [h, x] + b_z); r = s(W_r [h, x] + b_r); h~ = tanh(W_h [r * h, x] + b_h);
    h' = (1 - z) h + z h~."""

    def __init__(self, x, h):
        super().__init__()
        self.sz = (x, h)
        self.W_z = _lin(h + x, h, bias=True)
        self.W_r = _lin(h + x, h, bias=True)
        self.W_h = _lin(h + x, h, bias=True)

    def forward(self, xt, h):
        hx = torch.cat([h, xt], -1)
        z = torch.sigmoid(self.W_z(hx))
        r = torch.sigmoid(self.W_r(hx))
        n = torch.tanh(self.W_h(torch.cat([r * h, xt], -1)))
        return (1 - z) * h + z * n

    def step(self):
        x, h = self.sz
        return self(torch.randn(x), torch.zeros(h))


def h14e_gru_concat_bias_per_gate(x, h):
    return _GRUConcat(x, h)


def gru_concat_bias_c(x, c):
    """Coursera GRU with memory cell c as the state: same module as h14e_gru_concat_bias_per_gate."""
    return _GRUConcat(x, c)


def elman_a_with_output(x, a, y):
    """a' = g(W_aa a + W_ax x + b_a); y^ = g(W_ya a' + b_y)."""
    return _ElmanOut(x, a, y)
