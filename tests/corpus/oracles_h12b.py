"""Oracles for the h12b held-out snippets: each returns a torch.nn.Module whose parameters are
exactly the weights the snippet's text names."""
import torch
from torch import nn

__all__ = [
    "elman_wx_wh_b_out_wy_c",
    "lstm_concat_four_gates",
    "gru_concat_candidate_wb",
    "lstm_separate_xh_bias_per_gate",
    "gru_separate_xh_bias_per_gate",
    "gru_wu_no_bias_reset_after",
    "elman_concat_wh_bh",
    "elman_char_input_c_out_y",
    "torch_lstm",
    "ssd_scalar_selective_ssm",
    "elman_row_output_state",
]


def _p(*shape):
    return nn.Parameter(torch.randn(*shape) * 0.1)


class _ElmanOut(nn.Module):
    """h_t = f(W_x x_t + W_h h_{t-1} + b); y_t = g(W_y h_t + c)."""

    def __init__(self, x, h, y):
        super().__init__()
        self.W_x, self.W_h, self.b = _p(h, x), _p(h, h), _p(h)
        self.W_y, self.c = _p(y, h), _p(y)

    def forward(self, xt, hprev):
        h = torch.tanh(xt @ self.W_x.T + hprev @ self.W_h.T + self.b)
        return torch.softmax(h @ self.W_y.T + self.c, -1), h


def elman_wx_wh_b_out_wy_c(x, h, y):
    return _ElmanOut(x, h, y)


class _LSTMConcat(nn.Module):
    """gates = sigma(W_g [h_{t-1}, x_t] + b_g), g in f, i, o; candidate tanh(W_C [h, x] + b_C)."""

    def __init__(self, x, h):
        super().__init__()
        self.f, self.i, self.o, self.C = (nn.Linear(h + x, h) for _ in range(4))

    def forward(self, xt, hprev, cprev):
        z = torch.cat([hprev, xt], -1)
        f, i, o = torch.sigmoid(self.f(z)), torch.sigmoid(self.i(z)), torch.sigmoid(self.o(z))
        c = f * cprev + i * torch.tanh(self.C(z))
        return o * torch.tanh(c), c


def lstm_concat_four_gates(x, h):
    return _LSTMConcat(x, h)


class _GRUConcat(nn.Module):
    """z, r = sigma(W_. [h_{t-1}, x_t] + b_.); h~ = tanh(W [r*h, x] + b)."""

    def __init__(self, x, h):
        super().__init__()
        self.z, self.r, self.W = (nn.Linear(h + x, h) for _ in range(3))

    def forward(self, xt, hprev):
        zcat = torch.cat([hprev, xt], -1)
        z, r = torch.sigmoid(self.z(zcat)), torch.sigmoid(self.r(zcat))
        ht = torch.tanh(self.W(torch.cat([r * hprev, xt], -1)))
        return (1 - z) * hprev + z * ht


def gru_concat_candidate_wb(x, h):
    return _GRUConcat(x, h)


class _LSTMSep(nn.Module):
    """W_x. (x->h), W_h. (h->h), b_. for the four layers f, i, o, g."""

    def __init__(self, x, h):
        super().__init__()
        self.Wx = nn.ParameterDict({g: _p(x, h) for g in "fiog"})
        self.Wh = nn.ParameterDict({g: _p(h, h) for g in "fiog"})
        self.b = nn.ParameterDict({g: _p(h) for g in "fiog"})

    def pre(self, g, xt, hprev):
        return xt @ self.Wx[g] + hprev @ self.Wh[g] + self.b[g]

    def forward(self, xt, hprev, cprev):
        f, i, o = (torch.sigmoid(self.pre(g, xt, hprev)) for g in "fio")
        c = f * cprev + i * torch.tanh(self.pre("g", xt, hprev))
        return o * torch.tanh(c), c


def lstm_separate_xh_bias_per_gate(x, h):
    return _LSTMSep(x, h)


class _GRUSep(nn.Module):
    """W_x. (x->h), W_h. (h->h), b_. for r, z and the candidate; reset applied before W_hg."""

    def __init__(self, x, h, gates="rzg"):
        super().__init__()
        self.gates = gates
        self.Wx = nn.ParameterDict({g: _p(x, h) for g in gates})
        self.Wh = nn.ParameterDict({g: _p(h, h) for g in gates})
        self.b = nn.ParameterDict({g: _p(h) for g in gates})

    def forward(self, xt, hprev):
        r = torch.sigmoid(xt @ self.Wx["r"] + hprev @ self.Wh["r"] + self.b["r"])
        z = torch.sigmoid(xt @ self.Wx["z"] + hprev @ self.Wh["z"] + self.b["z"])
        g = torch.tanh(xt @ self.Wx["g"] + (r * hprev) @ self.Wh["g"] + self.b["g"])
        return z * hprev + (1 - z) * g


def gru_separate_xh_bias_per_gate(x, h):
    return _GRUSep(x, h)


class _GRUNoBiasResetAfter(nn.Module):
    """z = sigma(W_z x + U_z h); r = sigma(W_r x + U_r h); h' = tanh(W x + r * (U h)); no biases."""

    def __init__(self, x, h):
        super().__init__()
        self.W = nn.ParameterDict({g: _p(h, x) for g in ("z", "r", "c")})
        self.U = nn.ParameterDict({g: _p(h, h) for g in ("z", "r", "c")})

    def forward(self, xt, hprev):
        z = torch.sigmoid(xt @ self.W["z"].T + hprev @ self.U["z"].T)
        r = torch.sigmoid(xt @ self.W["r"].T + hprev @ self.U["r"].T)
        hc = torch.tanh(xt @ self.W["c"].T + r * (hprev @ self.U["c"].T))
        return z * hprev + (1 - z) * hc


def gru_wu_no_bias_reset_after(x, h):
    return _GRUNoBiasResetAfter(x, h)


class _ElmanConcat(nn.Module):
    """h_t = tanh(W_h [h_{t-1}; x_t] + b_h)."""

    def __init__(self, x, h):
        super().__init__()
        self.W_h = nn.Linear(h + x, h)

    def forward(self, xt, hprev):
        return torch.tanh(self.W_h(torch.cat([hprev, xt], -1)))


def elman_concat_wh_bh(x, h):
    return _ElmanConcat(x, h)


def elman_char_input_c_out_y(c, h, y):
    """h_t = tanh(W_hc c_t + W_hh h_{t-1} + b_h); yhat_t = W_yh h_t + b_y (input signal named c)."""
    return _ElmanOut(c, h, y)


def torch_lstm(x, h):
    """The PyTorch LSTM whose documented equations (two biases per gate) the text quotes."""
    return nn.LSTM(x, h)


class _ScalarSelectiveSSM(nn.Module):
    """One reading of h_t = A_t h_{t-1} + B_t x_t, y_t = C_t^T h_t with scalar x_t and N-dim state:
    B_t, C_t projected from x_t, A_t = exp(dt_t * a) with a learned scalar a and dt_t from x_t."""

    def __init__(self, N):
        super().__init__()
        self.to_B, self.to_C, self.to_dt = nn.Linear(1, N), nn.Linear(1, N), nn.Linear(1, 1)
        self.a = _p(1)

    def forward(self, xt, hprev):
        x1 = xt.unsqueeze(-1)
        dt = nn.functional.softplus(self.to_dt(x1))
        A = torch.exp(-dt * torch.exp(self.a))
        h = A * hprev + self.to_B(x1) * x1
        return (self.to_C(x1) * h).sum(-1), h


def ssd_scalar_selective_ssm(N):
    return _ScalarSelectiveSSM(N)


class _RowElman(nn.Module):
    """Y_t = phi(X_t W_x + Y_{t-1} W_y + b); W_x: n_inputs x n_neurons, W_y: n_neurons x n_neurons."""

    def __init__(self, x, y):
        super().__init__()
        self.W_x, self.W_y, self.b = _p(x, y), _p(y, y), _p(y)

    def forward(self, xt, yprev):
        return torch.tanh(xt @ self.W_x + yprev @ self.W_y + self.b)


def elman_row_output_state(x, y):
    return _RowElman(x, y)
