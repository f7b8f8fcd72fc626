"""Oracles for the h4c set-aside snippets (heldout4)."""
import torch
from torch import nn

__all__ = []


def _p(*shape):
    return nn.Parameter(torch.randn(*shape) * 0.1)


class _Mod(nn.Module):
    def example(self):
        return self._example()


# ---------------------------------------------------------------- GRU, W^g x + U^g h, no biases
class _GRUWUNoBias(_Mod):
    def __init__(self, x, h):
        super().__init__()
        self.x, self.h = x, h
        self.W = nn.ParameterDict({g: _p(h, x) for g in "zrh"})
        self.U = nn.ParameterDict({g: _p(h, h) for g in "zrh"})

    def _example(self):
        return torch.randn(self.x), torch.randn(self.h)

    def forward(self, x, h):
        z = torch.sigmoid(self.W["z"] @ x + self.U["z"] @ h)
        r = torch.sigmoid(self.W["r"] @ x + self.U["r"] @ h)
        ht = torch.tanh(self.W["h"] @ x + self.U["h"] @ (h * r))
        return (1 - z) * ht + z * h


def h4c_gru_wu_nobias(x, h):
    return _GRUWUNoBias(x, h)


__all__.append("h4c_gru_wu_nobias")


# ---------------------------------------------------------------- Elman RNN, W_hh h + W_xh x + b_h
class _RNN(_Mod):
    def __init__(self, x, h):
        super().__init__()
        self.x, self.h = x, h
        self.W_hh = _p(h, h)
        self.W_xh = _p(h, x)
        self.b_h = _p(h)

    def _example(self):
        return torch.randn(self.x), torch.randn(self.h)

    def forward(self, x, h):
        return torch.tanh(self.W_hh @ h + self.W_xh @ x + self.b_h)


def h4c_rnn_whh_wxh_bh(x, h):
    return _RNN(x, h)


__all__.append("h4c_rnn_whh_wxh_bh")


# ---------------------------------------------------------------- d2l-style RNN with output layer (row vectors)
class _RNNOut(_Mod):
    def __init__(self, X, H, O):
        super().__init__()
        self.X, self.H = X, H
        self.W_xh = _p(X, H)
        self.W_hh = _p(H, H)
        self.b_h = _p(H)
        self.W_hq = _p(H, O)
        self.b_q = _p(O)

    def _example(self):
        return torch.randn(1, self.X), torch.randn(1, self.H)

    def forward(self, X, H):
        H = torch.tanh(X @ self.W_xh + H @ self.W_hh + self.b_h)
        return H @ self.W_hq + self.b_q, H


def h4c_rnn_d2l_output(X, H, O):
    return _RNNOut(X, H, O)


__all__.append("h4c_rnn_d2l_output")


# ---------------------------------------------------------------- RNN y_t = Phi(W_x^T x + W_y^T y_{t-1} + b)
class _RNNT(_Mod):
    def __init__(self, x, y):
        super().__init__()
        self.x, self.y = x, y
        self.W_x = _p(x, y)
        self.W_y = _p(y, y)
        self.b = _p(y)

    def _example(self):
        return torch.randn(self.x), torch.randn(self.y)

    def forward(self, x, y):
        return torch.tanh(self.W_x.T @ x + self.W_y.T @ y + self.b)


def h4c_rnn_wx_wy_b(x, y):
    return _RNNT(x, y)


__all__.append("h4c_rnn_wx_wy_b")


# ---------------------------------------------------------------- LSTM, four fully connected gates on [h, x] with biases
class _LSTMConcat(_Mod):
    def __init__(self, x, h):
        super().__init__()
        self.x, self.h = x, h
        self.W = nn.ParameterDict({g: _p(h, h + x) for g in "figo"})
        self.b = nn.ParameterDict({g: _p(h) for g in "figo"})

    def _example(self):
        return torch.randn(self.x), torch.randn(self.h), torch.randn(self.h)

    def forward(self, x, h, c):
        v = torch.cat([h, x])
        f = torch.sigmoid(self.W["f"] @ v + self.b["f"])
        i = torch.sigmoid(self.W["i"] @ v + self.b["i"])
        g = torch.tanh(self.W["g"] @ v + self.b["g"])
        o = torch.sigmoid(self.W["o"] @ v + self.b["o"])
        c = i * g + f * c
        return torch.tanh(c) * o, c


def h4c_lstm_concat_biases(x, h):
    return _LSTMConcat(x, h)


__all__.append("h4c_lstm_concat_biases")


# ---------------------------------------------------------------- GRU with row vectors x U^g + s W^g, no biases
class _GRURow(_Mod):
    def __init__(self, x, s):
        super().__init__()
        self.x, self.s = x, s
        self.U = nn.ParameterDict({g: _p(x, s) for g in "zrh"})
        self.W = nn.ParameterDict({g: _p(s, s) for g in "zrh"})

    def _example(self):
        return torch.randn(1, self.x), torch.randn(1, self.s)

    def forward(self, x, s):
        z = torch.sigmoid(x @ self.U["z"] + s @ self.W["z"])
        r = torch.sigmoid(x @ self.U["r"] + s @ self.W["r"])
        h = torch.tanh(x @ self.U["h"] + (s * r) @ self.W["h"])
        return (1 - z) * h + z * s


def h4c_gru_rowvec_nobias(x, s):
    return _GRURow(x, s)


__all__.append("h4c_gru_rowvec_nobias")


# ---------------------------------------------------------------- plain SSM A, B, C, D (Euler step); used for a refuse snippet
class _SSM(_Mod):
    def __init__(self, u, x, y):
        super().__init__()
        self.u, self.x = u, x
        self.A = _p(x, x)
        self.B = _p(x, u)
        self.C = _p(y, x)
        self.D = _p(y, u)

    def _example(self):
        return torch.randn(self.u), torch.randn(self.x)

    def forward(self, u, x):
        x = x + (self.A @ x + self.B @ u)
        return self.C @ x + self.D @ u, x


def h4c_ssm_abcd(u, x, y):
    return _SSM(u, x, y)


__all__.append("h4c_ssm_abcd")


# ---------------------------------------------------------------- Jordan network (y_{t-1} fed back) with output layer
class _Jordan(_Mod):
    def __init__(self, x, h, y):
        super().__init__()
        self.x, self.y = x, y
        self.W_h = _p(h, x)
        self.U_h = _p(h, y)
        self.b_h = _p(h)
        self.W_y = _p(y, h)
        self.b_y = _p(y)

    def _example(self):
        return torch.randn(self.x), torch.randn(self.y)

    def forward(self, x, y):
        h = torch.tanh(self.W_h @ x + self.U_h @ y + self.b_h)
        return torch.sigmoid(self.W_y @ h + self.b_y)


def h4c_jordan(x, h, y):
    return _Jordan(x, h, y)


__all__.append("h4c_jordan")


# ---------------------------------------------------------------- Elman network with output layer
class _ElmanOut(_Mod):
    def __init__(self, x, h, y):
        super().__init__()
        self.x, self.h = x, h
        self.W_h = _p(h, x)
        self.U_h = _p(h, h)
        self.b_h = _p(h)
        self.W_y = _p(y, h)
        self.b_y = _p(y)

    def _example(self):
        return torch.randn(self.x), torch.randn(self.h)

    def forward(self, x, h):
        h = torch.tanh(self.W_h @ x + self.U_h @ h + self.b_h)
        return torch.sigmoid(self.W_y @ h + self.b_y), h


def h4c_elman_out(x, h, y):
    return _ElmanOut(x, h, y)


__all__.append("h4c_elman_out")


# ---------------------------------------------------------------- RNN row vectors h W_h + x W_x + b
class _RNNRow(_Mod):
    def __init__(self, x, h):
        super().__init__()
        self.x, self.h = x, h
        self.W_h = _p(h, h)
        self.W_x = _p(x, h)
        self.b = _p(h)

    def _example(self):
        return torch.randn(1, self.x), torch.randn(1, self.h)

    def forward(self, x, h):
        return torch.tanh(h @ self.W_h + x @ self.W_x + self.b)


def h4c_rnn_rowvec_wh_wx_b(x, h):
    return _RNNRow(x, h)


__all__.append("h4c_rnn_rowvec_wh_wx_b")


# ---------------------------------------------------------------- RNN St = tanh(St-1 W + Xt U), no bias
class _RNNSt(_Mod):
    def __init__(self, X, S):
        super().__init__()
        self.X, self.S = X, S
        self.W = _p(S, S)
        self.U = _p(X, S)

    def _example(self):
        return torch.randn(1, self.X), torch.randn(1, self.S)

    def forward(self, X, S):
        return torch.tanh(S @ self.W + X @ self.U)


def h4c_rnn_st_w_u(X, S):
    return _RNNSt(X, S)


__all__.append("h4c_rnn_st_w_u")
