"""Oracles for the h13g set-aside snippets: one function per snippet, returning a torch.nn.Module
whose parameters are exactly the weights the text names, with a forward doing one step."""
import torch
from torch import nn

__all__ = [
    "h13g_seqarch_ascii_lstm",
    "h13g_seqarch_ascii_gru",
    "h13g_ko_lec12_elman",
    "h13g_cracked_flax_gru",
    "h13g_cracked_flax_lstm",
    "h13g_theanets_mrnn_refuse",
    "h13g_theanets_gru",
    "h13g_zh_statquest_docstring_lstm",
    "h13g_zh_d2l47_lstm",
    "h13g_ko_minrnn_blog_mingru",
]


class _ConcatLSTM(nn.Module):
    """LSTM with one matrix per gate acting on the concatenation [h_{t-1}, x_t], one bias per gate."""

    pair_state = True

    def __init__(self, x, h, bias=True):
        super().__init__()
        self.f = nn.Linear(h + x, h, bias=bias)
        self.i = nn.Linear(h + x, h, bias=bias)
        self.c = nn.Linear(h + x, h, bias=bias)
        self.o = nn.Linear(h + x, h, bias=bias)

    def forward(self, x, state):
        h, c = state
        hx = torch.cat([h, x], -1)
        f = torch.sigmoid(self.f(hx))
        i = torch.sigmoid(self.i(hx))
        g = torch.tanh(self.c(hx))
        c = f * c + i * g
        o = torch.sigmoid(self.o(hx))
        return o * torch.tanh(c), c


class _ConcatGRU(nn.Module):
    """GRU with one matrix per gate on [h_{t-1}, x_t]; candidate on [r * h_{t-1}, x_t]."""

    def __init__(self, x, h, bias=True):
        super().__init__()
        self.r = nn.Linear(h + x, h, bias=bias)
        self.z = nn.Linear(h + x, h, bias=bias)
        self.n = nn.Linear(h + x, h, bias=bias)

    def forward(self, x, h):
        hx = torch.cat([h, x], -1)
        r = torch.sigmoid(self.r(hx))
        z = torch.sigmoid(self.z(hx))
        n = torch.tanh(self.n(torch.cat([r * h, x], -1)))
        return (1 - z) * h + z * n


class _Elman(nn.Module):
    """h_t = act(W_xh x + W_hh h [+ b_h]); y_t = W_hy h_t [+ b_y]."""

    def __init__(self, x, h, y, bias_h=True, bias_y=True, act=torch.tanh):
        super().__init__()
        self.W_xh = nn.Linear(x, h, bias=bias_h)
        self.W_hh = nn.Linear(h, h, bias=False)
        self.W_hy = nn.Linear(h, y, bias=bias_y)
        self.act = act

    def forward(self, x, h):
        h = self.act(self.W_xh(x) + self.W_hh(h))
        return self.W_hy(h), h


def h13g_seqarch_ascii_lstm(x, h):
    return _ConcatLSTM(x, h)


def h13g_seqarch_ascii_gru(x, h):
    return _ConcatGRU(x, h)


def h13g_ko_lec12_elman(x, h, y):
    return _Elman(x, h, y, bias_h=False, bias_y=False)


class _RowConcatGRU(nn.Module):
    """GRU in the row-vector convention: xh = [x, h] @ W (D + H, H) + b; candidate on [x, r * h]."""

    def __init__(self, D, H):
        super().__init__()
        self.W_r = nn.Parameter(torch.randn(D + H, H) * 0.1)
        self.W_z = nn.Parameter(torch.randn(D + H, H) * 0.1)
        self.W_h = nn.Parameter(torch.randn(D + H, H) * 0.1)
        self.b_r = nn.Parameter(torch.zeros(H))
        self.b_z = nn.Parameter(torch.zeros(H))
        self.b_h = nn.Parameter(torch.zeros(H))

    def forward(self, x, h):
        xh = torch.cat([x, h], -1)
        r = torch.sigmoid(xh @ self.W_r + self.b_r)
        z = torch.sigmoid(xh @ self.W_z + self.b_z)
        n = torch.tanh(torch.cat([x, r * h], -1) @ self.W_h + self.b_h)
        return (1 - z) * h + z * n


class _RowConcatLSTM(nn.Module):
    """LSTM in the row-vector convention: one (D + H, H) weight and one bias per gate f, i, o, g."""

    pair_state = True

    def __init__(self, D, H):
        super().__init__()
        self.W = nn.ParameterDict({g: nn.Parameter(torch.randn(D + H, H) * 0.1) for g in "fiog"})
        self.b = nn.ParameterDict({g: nn.Parameter(torch.zeros(H)) for g in "fiog"})

    def forward(self, x, state):
        h, c = state
        xh = torch.cat([x, h], -1)
        f, i, o = (torch.sigmoid(xh @ self.W[g] + self.b[g]) for g in "fio")
        g = torch.tanh(xh @ self.W["g"] + self.b["g"])
        c = f * c + i * g
        return o * torch.tanh(c), c


def h13g_cracked_flax_gru(D, H):
    return _RowConcatGRU(D, H)


def h13g_cracked_flax_lstm(D, H):
    return _RowConcatLSTM(D, H)


class _RowMRNN(nn.Module):
    """Factored multiplicative RNN, row-vector convention:
    h_t = act((x W_xf * h W_hf) W_fh + x W_xh + b)."""

    def __init__(self, x, h, factors):
        super().__init__()
        self.W_xf = nn.Parameter(torch.randn(x, factors) * 0.1)
        self.W_hf = nn.Parameter(torch.randn(h, factors) * 0.1)
        self.W_fh = nn.Parameter(torch.randn(factors, h) * 0.1)
        self.W_xh = nn.Parameter(torch.randn(x, h) * 0.1)
        self.b = nn.Parameter(torch.zeros(h))

    def forward(self, x, h):
        f = (x @ self.W_xf) * (h @ self.W_hf)
        return torch.sigmoid(f @ self.W_fh + x @ self.W_xh + self.b)


class _RowGRU(nn.Module):
    """GRU, row-vector convention, one bias per gate, reset applied before W_hh."""

    def __init__(self, x, h, act=torch.tanh):
        super().__init__()
        self.W = nn.ParameterDict({k: nn.Parameter(torch.randn(x, h) * 0.1) for k in ("xr", "xz", "xh")})
        self.U = nn.ParameterDict({k: nn.Parameter(torch.randn(h, h) * 0.1) for k in ("hr", "hz", "hh")})
        self.b = nn.ParameterDict({k: nn.Parameter(torch.zeros(h)) for k in ("r", "z", "h")})
        self.act = act

    def forward(self, x, h):
        r = torch.sigmoid(x @ self.W["xr"] + h @ self.U["hr"] + self.b["r"])
        z = torch.sigmoid(x @ self.W["xz"] + h @ self.U["hz"] + self.b["z"])
        n = self.act(x @ self.W["xh"] + (r * h) @ self.U["hh"] + self.b["h"])
        return (1 - z) * h + z * n


def h13g_theanets_mrnn_refuse(x, h):
    """Snippet marked refuse: the factor count is not in the text. The module uses the library's
    default, ceil(sqrt(size)) factors (3 for h=5), which appears only in the code after the
    docstring: W_xf (x, F), W_hf (h, F), W_fh (F, h), W_xh (x, h), b (h)."""
    import math
    return _RowMRNN(x, h, factors=int(math.ceil(math.sqrt(h))))


def h13g_theanets_gru(x, h):
    """xr xz xh (x, h), hr hz hh (h, h), br bz bh (h): 3(xh + hh + h)."""
    return _RowGRU(x, h)


class _SplitLSTM(nn.Module):
    """LSTM with, per gate g in i, f, o, c: an input matrix, a recurrent matrix and one bias."""

    pair_state = True

    def __init__(self, x, h, row=False):
        super().__init__()
        shape_x, shape_h = ((x, h), (h, h)) if row else ((h, x), (h, h))
        self.W = nn.ParameterDict({g: nn.Parameter(torch.randn(*shape_x) * 0.1) for g in "ifoc"})
        self.U = nn.ParameterDict({g: nn.Parameter(torch.randn(*shape_h) * 0.1) for g in "ifoc"})
        self.b = nn.ParameterDict({g: nn.Parameter(torch.zeros(h)) for g in "ifoc"})
        self.row = row

    def lin(self, g, x, h):
        if self.row:
            return x @ self.W[g] + h @ self.U[g] + self.b[g]
        return x @ self.W[g].T + h @ self.U[g].T + self.b[g]

    def forward(self, x, state):
        h, c = state
        i, f, o = (torch.sigmoid(self.lin(g, x, h)) for g in "ifo")
        c = f * c + i * torch.tanh(self.lin("c", x, h))
        return o * torch.tanh(c), c


def h13g_zh_statquest_docstring_lstm(x, h):
    """W_i W_f W_o W_c (h, x), U_i U_f U_o U_c (h, h), b_i b_f b_o b_c (h): 4(hx + hh + h)."""
    return _SplitLSTM(x, h)


def h13g_zh_d2l47_lstm(X, H):
    """Row-vector convention: W_x* (X, H), W_h* (H, H), b_* (H) for i, f, o, c: 4(XH + HH + H)."""
    return _SplitLSTM(X, H, row=True)


class _MinGRU(nn.Module):
    """minGRU: z = sigmoid(Linear(x)), h~ = Linear(x), h = (1 - z) h + z h~; each Linear has a bias."""

    def __init__(self, x, h):
        super().__init__()
        self.linear_z = nn.Linear(x, h)
        self.linear_h = nn.Linear(x, h)

    def forward(self, x, h):
        z = torch.sigmoid(self.linear_z(x))
        return (1 - z) * h + z * self.linear_h(x)


def h13g_ko_minrnn_blog_mingru(x, d_h):
    """Two affine maps x -> d_h with bias: 2(x d_h + d_h)."""
    return _MinGRU(x, d_h)
