"""Oracles for the h11e snippets: one function per snippet, each returning an nn.Module whose
parameters are exactly the weights the snippet's text names."""
import torch
from torch import nn

__all__ = [
    "cs324_lstm_head",
    "cs324_elman_head",
    "concat_lstm",
    "coursera_gru",
    "coursera_lstm",
    "cell_gated_lstm",
    "simplified_gru",
    "mlstm_as_written",
    "peephole_concat_lstm",
    "concat_gru",
]


class _CS324LSTM(nn.Module):
    """g,i,f,o each: W_{*x} x + W_{*h} h + b_* (one bias per gate); p = W_ph h + b_p."""

    def __init__(self, x, h, p):
        super().__init__()
        for g in "gifo":
            setattr(self, f"W_{g}x", nn.Parameter(torch.randn(h, x)))
            setattr(self, f"W_{g}h", nn.Parameter(torch.randn(h, h)))
            setattr(self, f"b_{g}", nn.Parameter(torch.zeros(h)))
        self.W_ph = nn.Parameter(torch.randn(p, h))
        self.b_p = nn.Parameter(torch.zeros(p))

    def forward(self, xt, state):
        h, c = state
        pre = {k: getattr(self, f"W_{k}x") @ xt + getattr(self, f"W_{k}h") @ h + getattr(self, f"b_{k}")
               for k in "gifo"}
        g = torch.tanh(pre["g"])
        i, f, o = (torch.sigmoid(pre[k]) for k in "ifo")
        c = g * i + c * f
        h = torch.tanh(c) * o
        p = self.W_ph @ h + self.b_p
        return torch.softmax(p, -1), (h, c)


def cs324_lstm_head(x=7, h=5, p=3):
    return _CS324LSTM(x, h, p)


class _ElmanHead(nn.Module):
    def __init__(self, x, h, o):
        super().__init__()
        self.W_hx = nn.Parameter(torch.randn(h, x))
        self.W_hh = nn.Parameter(torch.randn(h, h))
        self.b_h = nn.Parameter(torch.zeros(h))
        self.W_ph = nn.Parameter(torch.randn(o, h))
        self.b_o = nn.Parameter(torch.zeros(o))

    def forward(self, xt, h):
        h = torch.tanh(self.W_hx @ xt + self.W_hh @ h + self.b_h)
        o = self.W_ph @ h + self.b_o
        return torch.softmax(o, -1), h


def cs324_elman_head(x=7, h=5, o=3):
    return _ElmanHead(x, h, o)


class _ConcatLSTM(nn.Module):
    """W_f, W_i, W_c, W_o each of shape h x (h + x), one bias each; input [h_{t-1}, x_t]."""

    def __init__(self, x, h):
        super().__init__()
        self.W_f = nn.Linear(h + x, h)
        self.W_i = nn.Linear(h + x, h)
        self.W_c = nn.Linear(h + x, h)
        self.W_o = nn.Linear(h + x, h)

    def forward(self, xt, state):
        h, c = state
        z = torch.cat([h, xt], -1)
        f, i, o = (torch.sigmoid(m(z)) for m in (self.W_f, self.W_i, self.W_o))
        ct = torch.tanh(self.W_c(z))
        c = f * c + i * ct
        h = o * torch.tanh(c)
        return h, (h, c)


def concat_lstm(x=7, h=5):
    return _ConcatLSTM(x, h)


class _CourseraGRU(nn.Module):
    """W_c, W_u, W_r each c x (c + x) acting on [.., x^{<t>}], biases b_c, b_u, b_r; a = c."""

    def __init__(self, x, c):
        super().__init__()
        self.W_c = nn.Linear(c + x, c)
        self.W_u = nn.Linear(c + x, c)
        self.W_r = nn.Linear(c + x, c)

    def forward(self, xt, c):
        z = torch.cat([c, xt], -1)
        gu, gr = torch.sigmoid(self.W_u(z)), torch.sigmoid(self.W_r(z))
        ct = torch.tanh(self.W_c(torch.cat([gr * c, xt], -1)))
        c = gu * ct + (1 - gu) * c
        return c, c


def coursera_gru(x=7, c=5):
    return _CourseraGRU(x, c)


class _CourseraLSTM(nn.Module):
    """W_f, W_u, W_c, W_o each a x (a + x) on [a_{t-1}, x_t], one bias each; a = o * tanh(c)."""

    def __init__(self, x, a):
        super().__init__()
        self.W_f, self.W_u, self.W_c, self.W_o = (nn.Linear(a + x, a) for _ in range(4))

    def forward(self, xt, state):
        a, c = state
        z = torch.cat([a, xt], -1)
        gf, gu, go = (torch.sigmoid(m(z)) for m in (self.W_f, self.W_u, self.W_o))
        c = gu * torch.tanh(self.W_c(z)) + gf * c
        a = go * torch.tanh(c)
        return a, (a, c)


def coursera_lstm(x=7, a=5):
    return _CourseraLSTM(x, a)


class _CellGatedLSTM(nn.Module):
    """Gates and candidate all read [c^{<t-1>}, x^{<t>}]; W_c, W_u, W_f, W_o each c x (c + x);
    biases b_c, b_u, b_r (forget gate), b_o; a = Gamma_o c (no tanh)."""

    def __init__(self, x, c):
        super().__init__()
        self.W_c, self.W_u, self.W_f, self.W_o = (nn.Linear(c + x, c) for _ in range(4))

    def forward(self, xt, c):
        z = torch.cat([c, xt], -1)
        gu, gf, go = (torch.sigmoid(m(z)) for m in (self.W_u, self.W_f, self.W_o))
        c = gu * torch.tanh(self.W_c(z)) + gf * c
        return go * c, c


def cell_gated_lstm(x=7, c=5):
    return _CellGatedLSTM(x, c)


class _SimplifiedGRU(nn.Module):
    """Update gate only: W_c, W_u each c x (c + x) on [c^{<t-1>}, x^{<t>}], biases b_c, b_u."""

    def __init__(self, x, c):
        super().__init__()
        self.W_c = nn.Linear(c + x, c)
        self.W_u = nn.Linear(c + x, c)

    def forward(self, xt, c):
        z = torch.cat([c, xt], -1)
        gu = torch.sigmoid(self.W_u(z))
        c = gu * torch.tanh(self.W_c(z)) + (1 - gu) * c
        return c, c


def simplified_gru(x=7, c=5):
    return _SimplifiedGRU(x, c)


class _MLSTMAsWritten(nn.Module):
    """The mLSTM equations exactly as the refuse snippet writes them: ten matrices, no biases
    (m_t taken to have the hidden size; the cell update, never written, is the usual LSTM one)."""

    def __init__(self, x, h):
        super().__init__()
        self.W_mx = nn.Parameter(torch.randn(h, x))
        self.W_mh = nn.Parameter(torch.randn(h, h))
        for g in "hiof":
            setattr(self, f"W_{g}x", nn.Parameter(torch.randn(h, x)))
            setattr(self, f"W_{g}m", nn.Parameter(torch.randn(h, h)))

    def forward(self, xt, state):
        h, c = state
        m = (self.W_mx @ xt) * (self.W_mh @ h)
        pre = {g: getattr(self, f"W_{g}x") @ xt + getattr(self, f"W_{g}m") @ m for g in "hiof"}
        i, o, f = (torch.sigmoid(pre[g]) for g in "iof")
        c = f * c + i * torch.tanh(pre["h"])
        h = o * torch.tanh(c)
        return h, (h, c)


def mlstm_as_written(x=7, h=5):
    return _MLSTMAsWritten(x, h)


class _PeepholeConcatLSTM(nn.Module):
    """W_f, W_i, W_c, W_o each h x (h + x) on [h_{t-1}; x_t] with biases; peephole vectors
    p_f, p_i (on c_{t-1}) and p_o (on c_t), each of size h."""

    def __init__(self, x, h):
        super().__init__()
        self.W_f, self.W_i, self.W_c, self.W_o = (nn.Linear(h + x, h) for _ in range(4))
        self.p_f = nn.Parameter(torch.randn(h))
        self.p_i = nn.Parameter(torch.randn(h))
        self.p_o = nn.Parameter(torch.randn(h))

    def forward(self, xt, state):
        h, c = state
        z = torch.cat([h, xt], -1)
        f = torch.sigmoid(self.W_f(z) + self.p_f * c)
        i = torch.sigmoid(self.W_i(z) + self.p_i * c)
        c = f * c + i * torch.tanh(self.W_c(z))
        o = torch.sigmoid(self.W_o(z) + self.p_o * c)
        h = o * torch.tanh(c)
        return h, (h, c)


def peephole_concat_lstm(x=7, h=5):
    return _PeepholeConcatLSTM(x, h)


class _ConcatGRU(nn.Module):
    """W_r, W_z, W_h each h x (h + x) with biases; reset applied to h_{t-1} before W_h."""

    def __init__(self, x, h):
        super().__init__()
        self.W_r, self.W_z, self.W_h = (nn.Linear(h + x, h) for _ in range(3))

    def forward(self, xt, h):
        z_in = torch.cat([h, xt], -1)
        r, z = torch.sigmoid(self.W_r(z_in)), torch.sigmoid(self.W_z(z_in))
        ht = torch.tanh(self.W_h(torch.cat([r * h, xt], -1)))
        h = (1 - z) * h + z * ht
        return h, h


def concat_gru(x=7, h=5):
    return _ConcatGRU(x, h)


# one forward step for each oracle, used by check_h11e.py
_STATE = {
    "cs324_lstm_head": lambda s: (torch.zeros(s["h"]), torch.zeros(s["h"])),
    "cs324_elman_head": lambda s: torch.zeros(s["h"]),
    "concat_lstm": lambda s: (torch.zeros(s["h"]), torch.zeros(s["h"])),
    "coursera_gru": lambda s: torch.zeros(s["c"]),
    "coursera_lstm": lambda s: (torch.zeros(s["a"]), torch.zeros(s["a"])),
    "cell_gated_lstm": lambda s: torch.zeros(s["c"]),
    "simplified_gru": lambda s: torch.zeros(s["c"]),
    "mlstm_as_written": lambda s: (torch.zeros(s["h"]), torch.zeros(s["h"])),
    "peephole_concat_lstm": lambda s: (torch.zeros(s["h"]), torch.zeros(s["h"])),
    "concat_gru": lambda s: torch.zeros(s["h"]),
}


def one_step(name, **sizes):
    m = globals()[name](**sizes)
    return m, m(torch.randn(sizes["x"]), _STATE[name](sizes))
