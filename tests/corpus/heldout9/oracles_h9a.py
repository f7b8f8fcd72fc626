import torch
from torch import nn

__all__ = []


def _export(f):
    __all__.append(f.__name__)
    return f


def _p(*shape):
    return nn.Parameter(torch.randn(*shape) * 0.1)


# ---------------------------------------------------------------------------
# kaldi LstmNonlinearityComponent comment (refuse): intended reading is the
# Sak et al. LSTM without projection, m_t of dim C, 4 W_x (C x x), 4 W_m (C x C),
# 4 biases, 3 diagonal peepholes w_ic, w_fc, w_oc.
# ---------------------------------------------------------------------------
@_export
def kaldi_lstm(x=7, C=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            for g in "ifco":
                setattr(self, f"W_{g}x", _p(C, x))
                setattr(self, f"W_{g}m", _p(C, C))
                setattr(self, f"b_{g}", _p(C))
            self.w_ic = _p(C)
            self.w_fc = _p(C)
            self.w_oc = _p(C)

        def forward(self, xt, mp, cp):
            part = {g: xt @ getattr(self, f"W_{g}x").T + mp @ getattr(self, f"W_{g}m").T
                    + getattr(self, f"b_{g}") for g in "ifco"}
            i = torch.sigmoid(part["i"] + self.w_ic * cp)
            f = torch.sigmoid(part["f"] + self.w_fc * cp)
            c = f * cp + i * torch.tanh(part["c"])
            o = torch.sigmoid(part["o"] + self.w_oc * c)
            m = o * torch.tanh(c)
            return m, c
    return Cell()


# ---------------------------------------------------------------------------
# rllab GRULayer docstring: row-vector GRU, W_x? (x, h), W_h? (h, h), b_? (h)
# ---------------------------------------------------------------------------
@_export
def rllab_gru(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            for g in "ruc":
                setattr(self, f"W_x{g}", _p(x, h))
                setattr(self, f"W_h{g}", _p(h, h))
                setattr(self, f"b_{g}", _p(h))

        def forward(self, xt, hp):
            r = torch.sigmoid(xt @ self.W_xr + hp @ self.W_hr + self.b_r)
            u = torch.sigmoid(xt @ self.W_xu + hp @ self.W_hu + self.b_u)
            c = torch.tanh(xt @ self.W_xc + r * (hp @ self.W_hc) + self.b_c)
            return (1 - u) * hp + u * c
    return Cell()


# ---------------------------------------------------------------------------
# C++ bybit GRUCell comment: W_? (h, x), U_? (h, h), one b_? (h) per gate
# ---------------------------------------------------------------------------
@_export
def bybit_gru(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            for g in "zrn":
                setattr(self, f"W_{g}", _p(h, x))
                setattr(self, f"U_{g}", _p(h, h))
                setattr(self, f"b_{g}", _p(h))

        def forward(self, xt, hp):
            z = torch.sigmoid(xt @ self.W_z.T + hp @ self.U_z.T + self.b_z)
            r = torch.sigmoid(xt @ self.W_r.T + hp @ self.U_r.T + self.b_r)
            n = torch.tanh(xt @ self.W_n.T + r * (hp @ self.U_n.T) + self.b_n)
            return (1 - z) * n + z * hp
    return Cell()


# ---------------------------------------------------------------------------
# Rust GRUModule doc: concatenated GRU, W_z, W_r, W each (h, h + x), one bias each
# ---------------------------------------------------------------------------
@_export
def rustgrumodule_gru(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_z = nn.Linear(h + x, h)
            self.W_r = nn.Linear(h + x, h)
            self.W = nn.Linear(h + x, h)

        def forward(self, xt, hp):
            z = torch.sigmoid(self.W_z(torch.cat([hp, xt], -1)))
            r = torch.sigmoid(self.W_r(torch.cat([hp, xt], -1)))
            hh = torch.tanh(self.W(torch.cat([r * hp, xt], -1)))
            return (1 - z) * hp + z * hh
    return Cell()


# ---------------------------------------------------------------------------
# Lingvo CuDNNLSTMSaveable docstring: cuDNN LSTM, w_? (h, x), r_? (h, h),
# two biases b_w?, b_r? (h) per gate
# ---------------------------------------------------------------------------
@_export
def lingvo_cudnn_lstm(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            for g in "ifoc":
                setattr(self, f"w_{g}", _p(h, x))
                setattr(self, f"r_{g}", _p(h, h))
                setattr(self, f"b_w{g}", _p(h))
                setattr(self, f"b_r{g}", _p(h))

        def forward(self, xt, hp, cp):
            a = {g: xt @ getattr(self, f"w_{g}").T + hp @ getattr(self, f"r_{g}").T
                 + getattr(self, f"b_w{g}") + getattr(self, f"b_r{g}") for g in "ifoc"}
            i, f, o = torch.sigmoid(a["i"]), torch.sigmoid(a["f"]), torch.sigmoid(a["o"])
            cc = torch.tanh(a["c"])
            c = f * cp + i * cc
            return o * torch.tanh(c), c
    return Cell()


# ---------------------------------------------------------------------------
# Java AI-programming book ch. 9.2: concatenated LSTM, W_f W_i W_o W_C each
# (h, h + x) with one bias each
# ---------------------------------------------------------------------------
@_export
def aiprog_java_lstm(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_f = nn.Linear(h + x, h)
            self.W_i = nn.Linear(h + x, h)
            self.W_o = nn.Linear(h + x, h)
            self.W_C = nn.Linear(h + x, h)

        def forward(self, xt, hp, cp):
            hx = torch.cat([hp, xt], -1)
            f = torch.sigmoid(self.W_f(hx))
            i = torch.sigmoid(self.W_i(hx))
            o = torch.sigmoid(self.W_o(hx))
            c = f * cp + i * torch.tanh(self.W_C(hx))
            return o * torch.tanh(c), c
    return Cell()


# ---------------------------------------------------------------------------
# CppNet lstm.cpp: fused row-vector LSTM, W_ih (x, 4h), W_hh (h, 4h), bias (4h)
# ---------------------------------------------------------------------------
@_export
def cppnet_lstm(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_ih = _p(x, 4 * h)
            self.W_hh = _p(h, 4 * h)
            self.bias = _p(4 * h)

        def forward(self, xt, hp, cp):
            gates = xt @ self.W_ih + hp @ self.W_hh + self.bias
            i = torch.sigmoid(gates[:, 0:h])
            f = torch.sigmoid(gates[:, h:2 * h])
            g = torch.tanh(gates[:, 2 * h:3 * h])
            o = torch.sigmoid(gates[:, 3 * h:4 * h])
            c = f * cp + i * g
            return o * torch.tanh(c), c
    return Cell()


# ---------------------------------------------------------------------------
# CppNet gru.cpp: row-vector GRU, reset before W_hn, one bias per gate
# ---------------------------------------------------------------------------
@_export
def cppnet_gru(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            for g in "zrn":
                setattr(self, f"W_i{g}", _p(x, h))
                setattr(self, f"W_h{g}", _p(h, h))
                setattr(self, f"b_{g}", _p(h))

        def forward(self, xt, hp):
            z = torch.sigmoid(xt @ self.W_iz + hp @ self.W_hz + self.b_z)
            r = torch.sigmoid(xt @ self.W_ir + hp @ self.W_hr + self.b_r)
            n = torch.tanh(xt @ self.W_in + (r * hp) @ self.W_hn + self.b_n)
            return (1 - z) * n + z * hp
    return Cell()


# ---------------------------------------------------------------------------
# Go gotorch RNN: Wxh [x, h], Whh [h, h], Bh [h]
# ---------------------------------------------------------------------------
@_export
def gotorch_rnn(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.Wxh = _p(x, h)
            self.Whh = _p(h, h)
            self.Bh = _p(h)

        def forward(self, xt, hp):
            return torch.tanh(xt @ self.Wxh + hp @ self.Whh + self.Bh)
    return Cell()


# ---------------------------------------------------------------------------
# Kotlin Recurrence: wx (hidden, vocab), wh (hidden, hidden), b (hidden, 1);
# x is the one-hot token of size vocab
# ---------------------------------------------------------------------------
@_export
def kotlin_recurrence_elman(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.wx = _p(h, x)
            self.wh = _p(h, h)
            self.b = _p(h, 1)

        def forward(self, xt, hp):
            return torch.tanh(xt @ self.wx.T + hp @ self.wh.T + self.b[:, 0])
    return Cell()


# ---------------------------------------------------------------------------
# Flax MinGRULayer: z_proj and h_proj, each Dense(x -> h) with bias
# ---------------------------------------------------------------------------
@_export
def flax_mingru(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.z_proj = nn.Linear(x, h)
            self.h_proj = nn.Linear(x, h)

        def forward(self, xt, hp):
            z = torch.sigmoid(self.z_proj(xt))
            return (1 - z) * hp + z * self.h_proj(xt)
    return Cell()


# ---------------------------------------------------------------------------
# Circom GRU header comment (TF code): Wz, Wr, Wx (x, h); Wh (h, h); bz, br (h)
# ---------------------------------------------------------------------------
@_export
def circom_gru(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.Wz = _p(x, h)
            self.bz = _p(h)
            self.Wr = _p(x, h)
            self.br = _p(h)
            self.Wx = _p(x, h)
            self.Wh = _p(h, h)

        def forward(self, xt, hp):
            z = torch.sigmoid(xt @ self.Wz + self.bz)
            r = torch.sigmoid(xt @ self.Wr + self.br)
            hh = torch.tanh(xt @ self.Wx + (hp @ self.Wh) * r)
            return (1 - z) * hh + hp * z
    return Cell()


# ---------------------------------------------------------------------------
# tframe GRU (refuse): the likely intended cell is a standard GRU with
# use_reset_gate=True and use_bias=True: gates [z, r] and candidate each with an
# input matrix, a hidden matrix and one bias
# ---------------------------------------------------------------------------
@_export
def tframe_gru(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.gates = nn.Linear(x + h, 2 * h)
            self.Wx = nn.Linear(x, h)
            self.W_h = nn.Linear(h, h, bias=False)

        def forward(self, xt, hp):
            z, r = torch.sigmoid(self.gates(torch.cat([xt, hp], -1))).chunk(2, -1)
            hh = torch.tanh(self.Wx(xt) + self.W_h(hp * r))
            return z * hp + (1 - z) * hh
    return Cell()


# ---------------------------------------------------------------------------
# Rust lstm_cell signature: w_ih [4h, x], w_hh [4h, h], b_ih [4h], b_hh [4h]
# (PyTorch layout, documented by the function's argument comments)
# ---------------------------------------------------------------------------
@_export
def rustwarp_lstm(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.w_ih = _p(4 * h, x)
            self.w_hh = _p(4 * h, h)
            self.b_ih = _p(4 * h)
            self.b_hh = _p(4 * h)

        def forward(self, xt, hp, cp):
            g = xt @ self.w_ih.T + hp @ self.w_hh.T + self.b_ih + self.b_hh
            i, f, gg, o = g.chunk(4, -1)
            c = torch.sigmoid(f) * cp + torch.sigmoid(i) * torch.tanh(gg)
            return torch.sigmoid(o) * torch.tanh(c), c
    return Cell()


# ---------------------------------------------------------------------------
# Julia/Lux PeepholeLSTM: weight_i (4h, x), weight_h (4h, h), three peepholes (h),
# bias (4h)
# ---------------------------------------------------------------------------
@_export
def lux_peephole_lstm(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.weight_i = _p(4 * h, x)
            self.weight_h = _p(4 * h, h)
            self.peep_i = _p(h)
            self.peep_f = _p(h)
            self.peep_o = _p(h)
            self.bias = _p(4 * h)

        def forward(self, xt, hp, cp):
            a = xt @ self.weight_i.T + hp @ self.weight_h.T + self.bias
            ai, af, ac, ao = a.chunk(4, -1)
            i = torch.sigmoid(ai + self.peep_i * cp)
            f = torch.sigmoid(af + self.peep_f * cp)
            c = f * cp + i * torch.tanh(ac)
            o = torch.sigmoid(ao + self.peep_o * c)
            return o * torch.tanh(c), c
    return Cell()
