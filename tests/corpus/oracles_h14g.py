"""Oracles for the h14g set-aside snippets: one function per snippet, returning a torch.nn.Module
whose parameters are exactly the weights the text names, with a forward doing one step."""
import torch
from torch import nn

__all__ = [
    "h14g_perlou_zh_elman",
    "h14g_perlou_zh_gru",
    "h14g_perlou_zh_lstm",
    "h14g_rcprati_pt_elman",
    "h14g_rcprati_pt_gru_nobias",
    "h14g_cleve_id_elman",
    "h14g_cleve_id_lstm",
    "h14g_kierandidi_elman",
    "h14g_kierandidi_lstm_refuse",
    "h14g_lucaskup_pt_lstm",
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
        self.sizes = (x, h)

    def forward(self, x, h):
        h = self.act(self.W_xh(x) + self.W_hh(h))
        return self.W_hy(h), h


def h14g_perlou_zh_elman(d, h, o):
    # h_t = tanh(W_xh x_t + W_hh h_{t-1} + b_h); y_t = softmax(W_hy h_t + b_y)
    return _Elman(d, h, o)


def h14g_perlou_zh_gru(x, h):
    return _ConcatGRU(x, h)


def h14g_perlou_zh_lstm(x, h):
    return _ConcatLSTM(x, h)


class _ElmanNoOut(nn.Module):
    """h_t = tanh(W_h h_{t-1} + W_x x_t + b), one shared bias, no output layer."""

    def __init__(self, x, h):
        super().__init__()
        self.W_x = nn.Linear(x, h, bias=True)   # carries the single bias b
        self.W_h = nn.Linear(h, h, bias=False)

    def forward(self, x, h):
        return torch.tanh(self.W_h(h) + self.W_x(x))


def h14g_rcprati_pt_elman(d, h):
    return _ElmanNoOut(d, h)


def h14g_rcprati_pt_gru_nobias(x, h):
    # r = σ(W_r[h;x]), z = σ(W_z[h;x]), h~ = tanh(W[r⊙h; x]); no biases
    return _ConcatGRU(x, h, bias=False)


def h14g_cleve_id_elman(x, a, y):
    # a<t> = tanh(W_aa a<t-1> + W_ax x<t> + b_a); y^<t> = softmax(W_ya a<t> + b_y)
    return _Elman(x, a, y)


def h14g_cleve_id_lstm(x, a):
    # Gamma_f/i/o = sigma(W[a<t-1>, x<t>] + b), c~ = tanh(W_c[a<t-1>, x<t>] + b_c)
    return _ConcatLSTM(x, a)


def h14g_kierandidi_elman(x, h, y):
    # h_t = tanh(W_h h_{t-1} + W_x x_t + b); y_t = softmax(W_y h_t)  (no output bias)
    return _Elman(x, h, y, bias_h=True, bias_y=False)


class _LSTM(nn.Module):
    """Standard LSTM, gates on x_t and h_{t-1}, one bias per gate (the most common reading)."""

    pair_state = True

    def __init__(self, x, h):
        super().__init__()
        self.Wx = nn.ModuleList(nn.Linear(x, h, bias=True) for _ in range(4))
        self.Wh = nn.ModuleList(nn.Linear(h, h, bias=False) for _ in range(4))

    def forward(self, x, state):
        h, c = state
        f, i, g, o = (Wx(x) + Wh(h) for Wx, Wh in zip(self.Wx, self.Wh))
        c = torch.sigmoid(f) * c + torch.sigmoid(i) * torch.tanh(g)
        return torch.sigmoid(o) * torch.tanh(c), c


def h14g_kierandidi_lstm_refuse(x, h):
    # Refuse: the text gives no gate weights, biases or candidate; this is the usual LSTM guess.
    return _LSTM(x, h)


def h14g_lucaskup_pt_lstm(x, h):
    # theta_* in R^{h x (h + x)} on [h_{t-1}, x_t], b_* in R^h, four gates
    return _ConcatLSTM(x, h)
