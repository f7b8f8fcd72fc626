"""Oracles for the h14b held-out snippets: each returns a torch.nn.Module whose parameters are
exactly the weights the snippet's text names, with a forward doing one step as the text says."""
import torch
from torch import nn

__all__ = [
    "lstm_concat_bias_per_gate_h",
    "lstm_concat_bias_per_gate_s",
    "gru_concat_no_bias_tilde_undefined",
    "gru_rowvec_wx_wh_b_per_gate",
    "elman_rowvec_wh_wx_b",
    "lstm_rowvec_wx_wh_b_per_gate",
    "elman_w_u_bs_out_v_bz",
    "lstm_rowvec_out_y",
    "lstm_wh_wx_w0_per_gate",
]


def _p(*shape):
    return nn.Parameter(torch.randn(*shape) * 0.1)


class _LSTMConcat(nn.Module):
    """f, i, o = s(W[h, x] + b); c~ = tanh(W_c[h, x] + b_c); c = f*c + i*c~; h = o*tanh(c)."""

    def __init__(self, x, h, bias=True):
        super().__init__()
        self.f, self.i, self.c, self.o = (nn.Linear(h + x, h, bias=bias) for _ in range(4))

    def forward(self, xt, hprev, cprev):
        z = torch.cat([hprev, xt], -1)
        f, i, o = torch.sigmoid(self.f(z)), torch.sigmoid(self.i(z)), torch.sigmoid(self.o(z))
        c = f * cprev + i * torch.tanh(self.c(z))
        return o * torch.tanh(c), c


def lstm_concat_bias_per_gate_h(x, h):
    """f_t = sigma(W_f [h_{t-1}, x_t] + b_f), same for i, o and the candidate c~."""
    return _LSTMConcat(x, h, bias=True)


def lstm_concat_bias_per_gate_s(x, s):
    """Same cell with the hidden state written s: f_t = sigmoid(Wf [s_{t-1}, x_t] + bf), ..."""
    return _LSTMConcat(x, s, bias=True)


class _GRUConcatNoBias(nn.Module):
    """r = s(W_r[h, x]); z = s(W_z[h, x]); h~ = tanh(W[r*h, x]) (one reading: the text never writes h~);
    h = (1-z)*h + z*h~.  Matches the text's own table 3(h^2+hx)."""

    def __init__(self, x, h):
        super().__init__()
        self.r, self.z, self.h = (nn.Linear(h + x, h, bias=False) for _ in range(3))

    def forward(self, xt, hprev):
        c = torch.cat([hprev, xt], -1)
        r, z = torch.sigmoid(self.r(c)), torch.sigmoid(self.z(c))
        ht = torch.tanh(self.h(torch.cat([r * hprev, xt], -1)))
        return (1 - z) * hprev + z * ht


def gru_concat_no_bias_tilde_undefined(x, h):
    return _GRUConcatNoBias(x, h)


class _GRURowVec(nn.Module):
    """R = s(X W_x^(r) + H W_h^(r) + b^(r)); Z likewise; H~ = tanh(X W_x^(h~) + (R*H) W_h^(h~) + b^(h~));
    H_t = Z*H + (1-Z)*H~  (row vectors, W_x is in x out)."""

    def __init__(self, x, h):
        super().__init__()
        self.Wx = nn.ParameterList([_p(x, h) for _ in range(3)])
        self.Wh = nn.ParameterList([_p(h, h) for _ in range(3)])
        self.b = nn.ParameterList([_p(h) for _ in range(3)])

    def forward(self, X, H):
        R = torch.sigmoid(X @ self.Wx[0] + H @ self.Wh[0] + self.b[0])
        Z = torch.sigmoid(X @ self.Wx[1] + H @ self.Wh[1] + self.b[1])
        Ht = torch.tanh(X @ self.Wx[2] + (R * H) @ self.Wh[2] + self.b[2])
        return Z * H + (1 - Z) * Ht


def gru_rowvec_wx_wh_b_per_gate(X, H):
    return _GRURowVec(X, H)


class _ElmanRowVec(nn.Module):
    """h_t = tanh(h_{t-1} W_h + x_t W_x + b)."""

    def __init__(self, x, h):
        super().__init__()
        self.Wx, self.Wh, self.b = _p(x, h), _p(h, h), _p(h)

    def forward(self, xt, hprev):
        return torch.tanh(hprev @ self.Wh + xt @ self.Wx + self.b)


def elman_rowvec_wh_wx_b(x, h):
    return _ElmanRowVec(x, h)


class _LSTMRowVec(nn.Module):
    """g = x W_x^(g) + h W_h^(g) + b^(g) for g in f, i, o, g; c = f*c + i*g (or g*i); h = o*tanh(c)."""

    def __init__(self, x, h):
        super().__init__()
        self.Wx = nn.ParameterList([_p(x, h) for _ in range(4)])
        self.Wh = nn.ParameterList([_p(h, h) for _ in range(4)])
        self.b = nn.ParameterList([_p(h) for _ in range(4)])

    def forward(self, xt, hprev, cprev):
        a = [xt @ self.Wx[k] + hprev @ self.Wh[k] + self.b[k] for k in range(4)]
        f, i, o = (torch.sigmoid(v) for v in a[:3])
        g = torch.tanh(a[3])
        c = f * cprev + i * g
        return o * torch.tanh(c), c


def lstm_rowvec_wx_wh_b_per_gate(x, h):
    return _LSTMRowVec(x, h)


class _ElmanWUOut(nn.Module):
    """h_t = tanh(W h_{t-1} + U x_t + b_s); y_t = V h_t + b_z."""

    def __init__(self, x, h, y):
        super().__init__()
        self.W, self.U, self.bs = _p(h, h), _p(h, x), _p(h)
        self.V, self.bz = _p(y, h), _p(y)

    def forward(self, xt, hprev):
        h = torch.tanh(hprev @ self.W.T + xt @ self.U.T + self.bs)
        return h, h @ self.V.T + self.bz


def elman_w_u_bs_out_v_bz(x, h, y):
    return _ElmanWUOut(x, h, y)


class _LSTMRowVecOut(_LSTMRowVec):
    """Row-vector LSTM plus a prediction layer y^ = f(h W_h^(y) + b_h^(y))."""

    def __init__(self, x, h, y):
        super().__init__(x, h)
        self.Why, self.by = _p(h, y), _p(y)

    def forward(self, xt, hprev, cprev):
        h, c = super().forward(xt, hprev, cprev)
        return h, c, torch.sigmoid(h @ self.Why + self.by)


def lstm_rowvec_out_y(x, h, y):
    return _LSTMRowVecOut(x, h, y)


class _LSTMWhWx(nn.Module):
    """g = s(W_h^(g) h + W_x^(g) x + w_0^(g)) for input, forget, out; c~ = tanh(...); column vectors."""

    def __init__(self, x, h):
        super().__init__()
        self.Wh = nn.ParameterList([_p(h, h) for _ in range(4)])
        self.Wx = nn.ParameterList([_p(h, x) for _ in range(4)])
        self.w0 = nn.ParameterList([_p(h) for _ in range(4)])

    def forward(self, xt, hprev, cprev):
        a = [hprev @ self.Wh[k].T + xt @ self.Wx[k].T + self.w0[k] for k in range(4)]
        i, f, o = (torch.sigmoid(v) for v in a[:3])
        c = f * cprev + i * torch.tanh(a[3])
        return o * torch.tanh(c), c


def lstm_wh_wx_w0_per_gate(x, h):
    return _LSTMWhWx(x, h)
