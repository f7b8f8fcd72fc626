"""Oracles for the h10g set-aside snippets: one function per snippet, returning a torch.nn.Module
whose parameters are exactly the weights the text names, with a forward doing one step."""
import torch
from torch import nn

__all__ = [
    "h10g_zh_d2lcomment_lstm",
    "h10g_dlfs2nb_elman",
    "h10g_cudarnn_minlstm",
    "h10g_es_labnn_lstm",
    "h10g_gruinit_gru",
    "h10g_ja_lemon_gru",
    "h10g_s4torch_ssm",
    "h10g_es_amr_gru",
    "h10g_printgru_gru",
]


def _mat(rows, cols):
    return nn.Parameter(torch.randn(rows, cols) * 0.1)


def _vec(n):
    return nn.Parameter(torch.zeros(n))


# ---------------------------------------------------------------- LSTMs

class _LstmRow(nn.Module):
    """Row-vector LSTM: G = act(X W_xg + H W_hg + b_g) for g in i, f, o, c."""

    def __init__(self, x, h, bias=True):
        super().__init__()
        for g in "ifoc":
            setattr(self, f"W_x{g}", _mat(x, h))
            setattr(self, f"W_h{g}", _mat(h, h))
            if bias:
                setattr(self, f"b_{g}", _vec(h))
        self.bias = bias

    def _pre(self, g, X, H):
        out = X @ getattr(self, f"W_x{g}") + H @ getattr(self, f"W_h{g}")
        return out + getattr(self, f"b_{g}") if self.bias else out

    def forward(self, X, state):
        H, C = state
        I = torch.sigmoid(self._pre("i", X, H))
        F = torch.sigmoid(self._pre("f", X, H))
        O = torch.sigmoid(self._pre("o", X, H))
        Ct = torch.tanh(self._pre("c", X, H))
        C = F * C + I * Ct
        H = O * torch.tanh(C)
        return H, (H, C)


def h10g_zh_d2lcomment_lstm(x=7, h=5) -> nn.Module:
    # Ft = σ(XtWxf + Ht-1Whf + bf), It, Ot alike; C~t = tanh(XtWxc + Ht-1Whc + bc)
    return _LstmRow(x, h)


# ---------------------------------------------------------------- Elman RNNs

class _ElmanRow(nn.Module):
    """h_t = tanh(h_{t-1} W_h + x_t W_x + b), W_h (H, H), W_x (D, H)."""

    def __init__(self, D, H):
        super().__init__()
        self.W_h = _mat(H, H)
        self.W_x = _mat(D, H)
        self.b = _vec(H)

    def forward(self, x_t, h_prev):
        return torch.tanh(h_prev @ self.W_h + x_t @ self.W_x + self.b)


def h10g_dlfs2nb_elman(D=7, H=5) -> nn.Module:
    # h_t = tanh(h_{t-1} W_h + x_{t} W_{x} + b)
    return _ElmanRow(D, H)


# ---------------------------------------------------------------- minimal RNNs

class _MinLSTM(nn.Module):
    """f = σ(Linear_f(x)), i = σ(Linear_i(x)), h~ = Linear_h(x), normalised gates."""

    def __init__(self, x, h):
        super().__init__()
        self.Linear_f = nn.Linear(x, h)
        self.Linear_i = nn.Linear(x, h)
        self.Linear_h = nn.Linear(x, h)

    def forward(self, x_t, h_prev):
        f = torch.sigmoid(self.Linear_f(x_t))
        i = torch.sigmoid(self.Linear_i(x_t))
        h_tilde = self.Linear_h(x_t)
        f2, i2 = f / (f + i), i / (f + i)
        return f2 * h_prev + i2 * h_tilde


def h10g_cudarnn_minlstm(x=7, h=5) -> nn.Module:
    # f_t = σ(Linear_f(x_t)), i_t = σ(Linear_i(x_t)), h_tilde = Linear_h(x_t)
    return _MinLSTM(x, h)


class _LstmConcat(nn.Module):
    """g = act(W_g @ [h_{t-1}, x_t] + b_g) for g in f, i, C, o; W_g is (h, h + x)."""

    def __init__(self, x, h):
        super().__init__()
        for g in "fiCo":
            setattr(self, f"W_{g}", _mat(h, h + x))
            setattr(self, f"b_{g}", _vec(h))

    def _pre(self, g, hx):
        return hx @ getattr(self, f"W_{g}").T + getattr(self, f"b_{g}")

    def forward(self, x_t, state):
        h_prev, C_prev = state
        hx = torch.cat([h_prev, x_t], dim=-1)
        f = torch.sigmoid(self._pre("f", hx))
        i = torch.sigmoid(self._pre("i", hx))
        C_tilde = torch.tanh(self._pre("C", hx))
        C = f * C_prev + i * C_tilde
        o = torch.sigmoid(self._pre("o", hx))
        h = o * torch.tanh(C)
        return h, (h, C)


def h10g_es_labnn_lstm(x=7, h=5) -> nn.Module:
    # f_t = sigmoid(W_f @ [h_{t-1}, x_t] + b_f), ... (4 gates on the concatenation)
    return _LstmConcat(x, h)


# ---------------------------------------------------------------- GRUs

def h10g_gruinit_gru(x=7, h=5) -> nn.Module:
    # r_t, u_t and h~_t each with an input and a hidden bias, reset applied after W_hn:
    # exactly torch.nn.GRUCell (W_ir, W_iu, W_in; W_hr, W_hu, W_hn; six biases).
    return nn.GRUCell(x, h)


def h10g_ja_lemon_gru(x=7, h=5) -> nn.Module:
    # weight_ih (input_size, 3*hidden_size), weight_hh (hidden_size, 3*hidden_size),
    # bias_ih and bias_hh (3*hidden_size,): the torch.nn.GRUCell parameter set (transposed storage).
    return nn.GRUCell(x, h)


# ---------------------------------------------------------------- state-space models

class _SsmABC(nn.Module):
    """x' = A x + B u, y = C x (D = 0): A (N, N), B (N, 1), C (1, N); one ZOH-free Euler step."""

    def __init__(self, N):
        super().__init__()
        self.A = _mat(N, N)
        self.B = _mat(N, 1)
        self.C = _mat(1, N)

    def forward(self, u, x, step=0.1):
        x = x + step * (x @ self.A.T + u @ self.B.T)
        return x @ self.C.T, x


def h10g_s4torch_ssm(N=5) -> nn.Module:
    # the reading that follows "We assume D=0": A NxN, B Nx1, C 1xN learned (N*N + 2N)
    return _SsmABC(N)


class _GruConcatNoBias(nn.Module):
    """r = σ(W_r [h, x]), z = σ(W_z [h, x]), h~ = tanh(W [r*h, x]); all (h, h + x), no biases."""

    def __init__(self, x, h):
        super().__init__()
        self.W_r = _mat(h, h + x)
        self.W_z = _mat(h, h + x)
        self.W = _mat(h, h + x)

    def forward(self, x_t, h_prev):
        hx = torch.cat([h_prev, x_t], dim=-1)
        r = torch.sigmoid(hx @ self.W_r.T)
        z = torch.sigmoid(hx @ self.W_z.T)
        h_tilde = torch.tanh(torch.cat([r * h_prev, x_t], dim=-1) @ self.W.T)
        return (1 - z) * h_prev + z * h_tilde


def h10g_es_amr_gru(x=7, h=5) -> nn.Module:
    # r_t = sigma(W_r * [h_{t-1}, x_t]), z_t likewise, h_tilde = tanh(W * [r_t * h_{t-1}, x_t])
    return _GruConcatNoBias(x, h)


def h10g_printgru_gru(x=7, h=5) -> nn.Module:
    # z_t = sigmoid(W_z * [h_{t-1}, x_t]), r_t likewise, h_tilde = tanh(W * [r_t * h_{t-1}, x_t]); no biases
    return _GruConcatNoBias(x, h)
