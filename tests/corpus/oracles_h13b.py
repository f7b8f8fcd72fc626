"""Oracles for the h13b held-out snippets: each returns a torch.nn.Module whose parameters are
exactly the weights the snippet's text names, with a forward doing one step as the text says."""
import torch
from torch import nn

__all__ = [
    "gru_concat_bias_per_gate",
    "lstm_concat_no_bias",
    "gru_wu_rowU_dense_out",
    "elman_wub_dense_out",
    "lstm_wu_bias_per_gate",
    "lstm_concat_bias_per_gate",
    "gru_concat_bias_softmax_out",
    "elman_wxh_whh_b",
    "elman_state_s_out_o_no_bias",
]


class _GRUConcat(nn.Module):
    """z = s(W_z[h, x] + b_z); r = s(W_r[h, x] + b_r); h~ = tanh(W_h[r*h, x] + b_h)."""

    def __init__(self, x, h, bias=True):
        super().__init__()
        self.z, self.r, self.h = (nn.Linear(h + x, h, bias=bias) for _ in range(3))

    def forward(self, xt, hprev):
        c = torch.cat([hprev, xt], -1)
        z, r = torch.sigmoid(self.z(c)), torch.sigmoid(self.r(c))
        ht = torch.tanh(self.h(torch.cat([r * hprev, xt], -1)))
        return (1 - z) * hprev + z * ht


def gru_concat_bias_per_gate(x, h):
    return _GRUConcat(x, h, bias=True)


class _LSTMConcat(nn.Module):
    """f, i, o = s(W[h, x] (+ b)); C~ = tanh(W_c[h, x] (+ b)); C = f*C + i*C~; h = o*tanh(C)."""

    def __init__(self, x, h, bias=True):
        super().__init__()
        self.f, self.i, self.c, self.o = (nn.Linear(h + x, h, bias=bias) for _ in range(4))

    def forward(self, xt, hprev, cprev):
        z = torch.cat([hprev, xt], -1)
        f, i, o = torch.sigmoid(self.f(z)), torch.sigmoid(self.i(z)), torch.sigmoid(self.o(z))
        c = f * cprev + i * torch.tanh(self.c(z))
        return o * torch.tanh(c), c


def lstm_concat_no_bias(x, h):
    return _LSTMConcat(x, h, bias=False)


class _GRUWURowDense(nn.Module):
    """z, r = s(W x + U h + b); h^ = tanh(W x + (r*h) U + b); h = (1-z) h + z h^; y = g(V h + c)."""

    def __init__(self, x, h, y):
        super().__init__()
        p = lambda *s: nn.Parameter(torch.randn(*s) * 0.1)
        self.W_z, self.U_z, self.b_z = p(h, x), p(h, h), p(h)
        self.W_r, self.U_r, self.b_r = p(h, x), p(h, h), p(h)
        self.W, self.U, self.b = p(h, x), p(h, h), p(h)
        self.V, self.c = p(y, h), p(y)

    def forward(self, xt, hprev):
        z = torch.sigmoid(xt @ self.W_z.T + hprev @ self.U_z.T + self.b_z)
        r = torch.sigmoid(xt @ self.W_r.T + hprev @ self.U_r.T + self.b_r)
        hh = torch.tanh(xt @ self.W.T + (r * hprev) @ self.U + self.b)
        h = (1 - z) * hprev + z * hh
        return torch.softmax(h @ self.V.T + self.c, -1), h


def gru_wu_rowU_dense_out(x, h, y):
    return _GRUWURowDense(x, h, y)


class _ElmanDense(nn.Module):
    """h^ = W x + U h + b; h = f(h^); y = g(V h + c) (b read as size h)."""

    def __init__(self, x, h, y):
        super().__init__()
        p = lambda *s: nn.Parameter(torch.randn(*s) * 0.1)
        self.W, self.U, self.b = p(h, x), p(h, h), p(h)
        self.V, self.c = p(y, h), p(y)

    def forward(self, xt, hprev):
        h = torch.tanh(xt @ self.W.T + hprev @ self.U.T + self.b)
        return torch.softmax(h @ self.V.T + self.c, -1), h


def elman_wub_dense_out(x, h, y):
    return _ElmanDense(x, h, y)


class _LSTMWU(nn.Module):
    """g = act(W_g x + U_g h + b_g) for g in f, i, c~, o; C = f*C + i*C~; h = o*tanh(C)."""

    def __init__(self, x, h, bias=True):
        super().__init__()
        self.W = nn.ModuleDict({g: nn.Linear(x, h, bias=bias) for g in "fico"})
        self.U = nn.ModuleDict({g: nn.Linear(h, h, bias=False) for g in "fico"})

    def forward(self, xt, hprev, cprev):
        a = {g: self.W[g](xt) + self.U[g](hprev) for g in "fico"}
        f, i, o = torch.sigmoid(a["f"]), torch.sigmoid(a["i"]), torch.sigmoid(a["o"])
        c = f * cprev + i * torch.tanh(a["c"])
        return o * torch.tanh(c), c


def lstm_wu_bias_per_gate(x, h):
    return _LSTMWU(x, h, bias=True)


def lstm_concat_bias_per_gate(x, h):
    return _LSTMConcat(x, h, bias=True)


class _GRUConcatSoftmax(nn.Module):
    """z, r = s(W[h, x] + b); h~ = tanh(W_h[r*h, x] + b_h); h = z*h + (1-z)*h~; y = softmax(W_y h + b_y)."""

    def __init__(self, x, h, y):
        super().__init__()
        self.z, self.r, self.h = (nn.Linear(h + x, h) for _ in range(3))
        self.y = nn.Linear(h, y)

    def forward(self, xt, hprev):
        c = torch.cat([hprev, xt], -1)
        z, r = torch.sigmoid(self.z(c)), torch.sigmoid(self.r(c))
        ht = torch.tanh(self.h(torch.cat([r * hprev, xt], -1)))
        h = z * hprev + (1 - z) * ht
        return torch.softmax(self.y(h), -1), h


def gru_concat_bias_softmax_out(x, h, y):
    return _GRUConcatSoftmax(x, h, y)


def elman_wxh_whh_b(x, h):
    """h_t = s(W_xh x_t + W_hh h_{t-1} + b): torch.nn.RNNCell with a single bias."""

    class _Elman(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_xh = nn.Linear(x, h, bias=True)
            self.W_hh = nn.Linear(h, h, bias=False)

        def forward(self, xt, hprev):
            return torch.tanh(self.W_xh(xt) + self.W_hh(hprev))

    return _Elman()


class _ElmanSO(nn.Module):
    """s_t = sigma(W s_{t-1} + U x_t); o_t = V s_t (no biases)."""

    def __init__(self, x, s, o):
        super().__init__()
        p = lambda *sh: nn.Parameter(torch.randn(*sh) * 0.1)
        self.W, self.U, self.V = p(s, s), p(s, x), p(o, s)
        self.in_shapes = {"xt": x, "sprev": s}

    def forward(self, xt, sprev):
        st = torch.sigmoid(sprev @ self.W.T + xt @ self.U.T)
        return st @ self.V.T, st


def elman_state_s_out_o_no_bias(x, s, o):
    return _ElmanSO(x, s, o)
