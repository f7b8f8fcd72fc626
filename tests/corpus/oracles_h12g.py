"""Oracles for the h12g set-aside snippets: one function per snippet, returning a torch.nn.Module
whose parameters are exactly the weights the text names, with a forward doing one step."""
import torch
from torch import nn

__all__ = [
    "h12g_hydrogen_seq2seq_gru",
    "h12g_intro2ml_nb_gru",
    "h12g_intro2ml_nb_lstm",
    "h12g_es_ejercicio_lstm",
    "h12g_dataflowr_elman",
    "h12g_dataflowr_gatedrnn",
    "h12g_ko_meteor_nb_gru",
    "h12g_ko_meteor_nb_lstm",
    "h12g_ratelib_lstmcell",
]


def _mat(rows, cols):
    return nn.Parameter(torch.randn(rows, cols) * 0.1)


def _vec(n):
    return nn.Parameter(torch.zeros(n))


class _Gates(nn.Module):
    """Generic gated cell: for each gate g, an input matrix W_g (h, x), a recurrent matrix U_g (h, h)
    and `nbias` bias vectors of size h (0, 1 or 2)."""

    def __init__(self, x, h, gates, nbias=1, recurrent=True):
        super().__init__()
        self.gates = gates
        self.W = nn.ParameterDict({g: _mat(h, x) for g in gates})
        self.U = nn.ParameterDict({g: _mat(h, h) for g in gates}) if recurrent else None
        self.b = nn.ParameterDict({f"{g}{k}": _vec(h) for g in gates for k in range(nbias)})
        self.nbias = nbias

    def lin_x(self, g, x):
        out = x @ self.W[g].T
        for k in range(self.nbias):
            out = out + self.b[f"{g}{k}"]
        return out

    def lin_h(self, g, h):
        return h @ self.U[g].T


class _GRU(_Gates):
    """r, z, candidate n; reset applied before (r*h) or after (r*(U h)) the recurrent matrix."""

    def __init__(self, x, h, nbias=1, reset_after=False):
        super().__init__(x, h, "rzn", nbias)
        self.reset_after = reset_after

    def forward(self, x, h):
        r = torch.sigmoid(self.lin_x("r", x) + self.lin_h("r", h))
        z = torch.sigmoid(self.lin_x("z", x) + self.lin_h("z", h))
        if self.reset_after:
            n = torch.tanh(self.lin_x("n", x) + r * self.lin_h("n", h))
        else:
            n = torch.tanh(self.lin_x("n", x) + self.lin_h("n", r * h))
        return (1 - z) * h + z * n


class _LSTM(_Gates):
    def __init__(self, x, h, nbias=1):
        super().__init__(x, h, "ifgo", nbias)

    def forward(self, x, state):
        h, c = state
        i = torch.sigmoid(self.lin_x("i", x) + self.lin_h("i", h))
        f = torch.sigmoid(self.lin_x("f", x) + self.lin_h("f", h))
        g = torch.tanh(self.lin_x("g", x) + self.lin_h("g", h))
        o = torch.sigmoid(self.lin_x("o", x) + self.lin_h("o", h))
        c = f * c + i * g
        return o * torch.tanh(c), c


# ---------------------------------------------------------------- snippets

def h12g_hydrogen_seq2seq_gru(x, h):
    """The cell documents torch.nn.GRU (W_ih (3h, x), W_hh (3h, h), b_ih, b_hh): 3(hx + hh + 2h)."""
    return nn.GRU(x, h)


def h12g_intro2ml_nb_gru(x, h):
    """W_{ir},W_{hr},b_r; W_{iz},W_{hz},b_z; W_{ih},W_{hh},b_h (reset before W_hh): 3(hx + hh + h)."""
    return _GRU(x, h, nbias=1, reset_after=False)


def h12g_intro2ml_nb_lstm(x, h):
    """Four gates f, i, g, o, each W_{i*} (h, x), W_{h*} (h, h), one bias b_*: 4(hx + hh + h)."""
    return _LSTM(x, h, nbias=1)


class _ConcatLSTM(nn.Module):
    """g = act(W_g [h_{t-1}, x_t] + b_g) for g in f, i, c, o; W_g of shape (h, h + x)."""

    def __init__(self, x, h):
        super().__init__()
        self.W = nn.ParameterDict({g: _mat(h, h + x) for g in "fico"})
        self.b = nn.ParameterDict({g: _vec(h) for g in "fico"})

    def forward(self, x, state):
        h, c = state
        hx = torch.cat([h, x], -1)
        f = torch.sigmoid(hx @ self.W["f"].T + self.b["f"])
        i = torch.sigmoid(hx @ self.W["i"].T + self.b["i"])
        ct = torch.tanh(hx @ self.W["c"].T + self.b["c"])
        o = torch.sigmoid(hx @ self.W["o"].T + self.b["o"])
        c = f * c + i * ct
        return o * torch.tanh(c), c


def h12g_es_ejercicio_lstm(x, h):
    """Wf, Wi, Wc, Wo each (d_h, d_h + d_x) and bf, bi, bc, bo each (d_h,): 4(h(h+x) + h)."""
    return _ConcatLSTM(x, h)


class _ElmanOut(nn.Module):
    """h_t = ReLU(W_xh x_t + W_hh h_{t-1} + b_h); y_T = W_hy h_T + b_y."""

    def __init__(self, x, h, y):
        super().__init__()
        self.W_xh, self.W_hh, self.b_h = _mat(h, x), _mat(h, h), _vec(h)
        self.W_hy, self.b_y = _mat(y, h), _vec(y)

    def forward(self, x, h):
        h = torch.relu(x @ self.W_xh.T + h @ self.W_hh.T + self.b_h)
        return h, h @ self.W_hy.T + self.b_y


def h12g_dataflowr_elman(x, h, y):
    """W_xh (h, x), W_hh (h, h), b_h, W_hy (y, h), b_y: hx + hh + h + yh + y."""
    return _ElmanOut(x, h, y)


class _GatedRNN(nn.Module):
    """hbar = ReLU(W_xh x + W_hh h + b_h); z = sigm(W_xz x + W_hz h + b_z); h = z h + (1 - z) hbar."""

    def __init__(self, x, h):
        super().__init__()
        self.W_xh, self.W_hh, self.b_h = _mat(h, x), _mat(h, h), _vec(h)
        self.W_xz, self.W_hz, self.b_z = _mat(h, x), _mat(h, h), _vec(h)

    def forward(self, x, h):
        hbar = torch.relu(x @ self.W_xh.T + h @ self.W_hh.T + self.b_h)
        z = torch.sigmoid(x @ self.W_xz.T + h @ self.W_hz.T + self.b_z)
        return z * h + (1 - z) * hbar


def h12g_dataflowr_gatedrnn(x, h):
    """Two (W_x, W_h, b) triples: 2(hx + hh + h)."""
    return _GatedRNN(x, h)


def h12g_ko_meteor_nb_gru(x, h):
    """W_{xr},W_{hr},b_r; W_{xz},W_{hz},b_z; W_{xg},W_{hg},b_g (reset before W_{hg}): 3(hx + hh + h)."""
    return _GRU(x, h, nbias=1, reset_after=False)


def h12g_ko_meteor_nb_lstm(x, h):
    """Snippet marked refuse. The module is the LSTM the prose lists (4 W_x, 4 W_h, 4 b):
    4(hx + hh + h); the i_t equation instead reuses W_{hg} and b_g."""
    return _LSTM(x, h, nbias=1)


def h12g_ratelib_lstmcell(u, h):
    """W_h* (h, h), W_i* (h, u) and one bias b_* per gate i, f, g, o: 4(hu + hh + h)."""
    return _LSTM(u, h, nbias=1)
