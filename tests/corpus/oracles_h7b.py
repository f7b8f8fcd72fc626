import torch
from torch import nn

__all__ = []


def _export(f):
    __all__.append(f.__name__)
    return f


def _p(*shape):
    return nn.Parameter(torch.randn(*shape) * 0.1)


class _ConcatLSTM(nn.Module):
    """Four gates, each W_g . [h_{t-1}, x_t] + b_g; W_g is (h, h+x)."""
    def __init__(self, x, h, bias=True):
        super().__init__()
        self.W = nn.ModuleDict({g: nn.Linear(h + x, h, bias=bias) for g in "ifco"})

    def forward(self, xt, hp, cp):
        z = torch.cat([hp, xt], -1)
        i, f, o = (torch.sigmoid(self.W[g](z)) for g in "ifo")
        c = f * cp + i * torch.tanh(self.W["c"](z))
        return o * torch.tanh(c), c


class _ConcatGRU(nn.Module):
    """z, r, candidate each W . [h_{t-1} (or r*h_{t-1}), x_t] + b; W is (h, h+x)."""
    def __init__(self, x, h, bias=True):
        super().__init__()
        self.W = nn.ModuleDict({g: nn.Linear(h + x, h, bias=bias) for g in "zrh"})

    def forward(self, xt, hp):
        z = torch.sigmoid(self.W["z"](torch.cat([hp, xt], -1)))
        r = torch.sigmoid(self.W["r"](torch.cat([hp, xt], -1)))
        ht = torch.tanh(self.W["h"](torch.cat([r * hp, xt], -1)))
        return (1 - z) * hp + z * ht


class _SplitLSTM(nn.Module):
    """Four gates, each W_g x + U_g h (+ b_g)."""
    def __init__(self, x, h, bias=True):
        super().__init__()
        self.W = nn.ModuleDict({g: nn.Linear(x, h, bias=bias) for g in "ifco"})
        self.U = nn.ModuleDict({g: nn.Linear(h, h, bias=False) for g in "ifco"})

    def forward(self, xt, hp, cp):
        a = {g: self.W[g](xt) + self.U[g](hp) for g in "ifco"}
        i, f, o = (torch.sigmoid(a[g]) for g in "ifo")
        c = f * cp + i * torch.tanh(a["c"])
        return o * torch.tanh(c), c


class _SplitGRU(nn.Module):
    """z, r, candidate each W x + U h (+ b); reset applied before U on the candidate."""
    def __init__(self, x, h, bias=True):
        super().__init__()
        self.W = nn.ModuleDict({g: nn.Linear(x, h, bias=bias) for g in "zrh"})
        self.U = nn.ModuleDict({g: nn.Linear(h, h, bias=False) for g in "zrh"})

    def forward(self, xt, hp):
        z = torch.sigmoid(self.W["z"](xt) + self.U["z"](hp))
        r = torch.sigmoid(self.W["r"](xt) + self.U["r"](hp))
        ht = torch.tanh(self.W["h"](xt) + self.U["h"](r * hp))
        return (1 - z) * hp + z * ht


# stored file id 43387439688 (French NLP course notes)
@_export
def frcours_lstm(x=7, h=5):
    """W_i, W_f, W_o, W_C each (h, h+x) on [h_{t-1}, x_t]; b_i, b_f, b_o, b_C."""
    return _ConcatLSTM(x, h)


@_export
def frcours_gru(x=7, h=5):
    """W_z, W_r, W_h each (h, h+x); b_z, b_r, b_h; candidate on [r*h_{t-1}, x_t]."""
    return _ConcatGRU(x, h)


# stored file id 27289307401 (Spanish study notes): W on h_{t-1}, U on x_t, b per gate
@_export
def escompuertas_lstm(x=7, h=5):
    """W_f,W_i,W_C,W_o (h,h); U_f,U_i,U_C,U_o (h,x); b_f,b_i,b_C,b_o (h)."""
    return _SplitLSTM(x, h)


@_export
def escompuertas_gru(x=7, h=5):
    """W_r,W_z,W_{\\tilde h} (h,h); U_r,U_z,U_{\\tilde h} (h,x); b_r,b_z,b_{\\tilde h} (h)."""
    return _SplitGRU(x, h)


# stored file id 62197635843 (Spanish MMDS notes, 5.2): state s, candidate h, output V, d
@_export
def esmmds_lstm(x=7, s=5, y=3):
    """W_h,W_f,W_i,W_u (s,s); U_h,U_f,U_i,U_u (s,x); b_h,b_f,b_i,b_u (s); V (y,s); d (y)."""
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W = nn.ParameterDict({g: _p(s, s) for g in "hfiu"})
            self.U = nn.ParameterDict({g: _p(s, x) for g in "hfiu"})
            self.b = nn.ParameterDict({g: _p(s) for g in "hfiu"})
            self.V = _p(y, s)
            self.d = _p(y)

        def forward(self, xt, sp, cp):
            a = {g: sp @ self.W[g].T + xt @ self.U[g].T + self.b[g] for g in "hfiu"}
            ht = torch.tanh(a["h"])
            f, i, o = (torch.sigmoid(a[g]) for g in "fiu")
            c = cp * f + ht * i
            st = torch.tanh(c * o)
            return torch.softmax(st @ self.V.T + self.d, -1), st, c
    return Cell()


# stored file id 68772203385 (Vietnamese RNN notes)
@_export
def virnn_lstm(x=7, h=5):
    """W_f,W_i,W_c,W_o each (h, x+h) on [x_t,h_{t-1}]; b_f,b_i,b_c,b_o (h)."""
    return _ConcatLSTM(x, h)


@_export
def virnn_gru_nobias(x=7, h=5):
    """W_z, W_r, W_h each (h, x+h); no biases."""
    return _ConcatGRU(x, h, bias=False)


# stored file id 2235824516 (Japanese blog GRU, abstract f_z, f_r, f_h) -- refuse;
# oracle is one reading: each f is a weighted sum W x + U h without bias.
@_export
def jablog_gru(x=7, h=5):
    """One reading: W_z,W_r,W_h (h,x) and U_z,U_r,U_h (h,h), no biases."""
    return _SplitGRU(x, h, bias=False)


# stored file id 53006621734 (Japanese RNN article, GRU section)
@_export
def jarnn_gru(x=7, h=5):
    """W_r, W_z, W_h each (h, h+x); b_r, b_z, b_h."""
    return _ConcatGRU(x, h)


# stored file id 700077066 (Korean RNN notes)
@_export
def korean_rnn_out(x=7, h=5, y=3):
    """W_hh (h,h), W_xh (h,x), b_h (h); W_hy (y,h), b_y (y)."""
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


@_export
def korean_lstm(x=7, h=5):
    """Refuse case; intended reading: W_x^{(k)} (h,x), W_h^{(k)} (h,h), b^{(k)} (h) for k in f,g,i,o."""
    return _SplitLSTM(x, h)


# stored file id 43974515896 (Chinese RNN textbook notes, GRU 6.3)
@_export
def zhrnn_gru(x=7, h=5):
    """W_r, W_z, W_h each (h, h+x); b_r, b_z, b_h. (z keeps old state; count unaffected.)"""
    return _ConcatGRU(x, h)


# stored file id 60925123723 (Polish minLSTM notes)
@_export
def pl_minlstm(x=7, h=5):
    """Three Linear(x -> h) maps (with bias): forget, input, candidate."""
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
            return (f / (f + i)) * hp + (i / (f + i)) * ht
    return Cell()


# stored file id 53546281363 (Russian sequence-model notes, GRU)
@_export
def ru_gru(x=7, h=5):
    """W_r, W_z, W_h each (h, h+x); b_r, b_z, b_h."""
    return _ConcatGRU(x, h)


# stored file id 7820413397 (Chinese deeplearning.ai notes, full GRU in Gamma notation)
@_export
def zhcoursera_gru(x=7, c=5):
    """W_c, W_u, W_r each (c, c+x) on [c^{<t-1>}, x^{<t>}]; b_c, b_u, b_r (c)."""
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_c = nn.Linear(c + x, c)
            self.W_u = nn.Linear(c + x, c)
            self.W_r = nn.Linear(c + x, c)

        def forward(self, xt, cp):
            g_u = torch.sigmoid(self.W_u(torch.cat([cp, xt], -1)))
            g_r = torch.sigmoid(self.W_r(torch.cat([cp, xt], -1)))
            ct = torch.tanh(self.W_c(torch.cat([g_r * cp, xt], -1)))
            return g_u * ct + (1 - g_u) * cp
    return Cell()
