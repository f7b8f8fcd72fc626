import torch
from torch import nn

__all__ = []


def _export(f):
    __all__.append(f.__name__)
    return f


def _p(*shape):
    return nn.Parameter(torch.randn(*shape) * 0.1)


# stored file id 15092763979 (GRU study note, "created: 2024-11-22T15:34", ## Forward). Row-vector
# concatenation [x_t, h_{t-1}] times W_z, W_r, W_h, each (x + h) x h, biases b_z, b_r, b_h (h).
# 3 * ((x + h) * h + h).
@_export
def h25f_gru1122_gru(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_z, self.b_z = _p(x + h, h), _p(h)
            self.W_r, self.b_r = _p(x + h, h), _p(h)
            self.W_h, self.b_h = _p(x + h, h), _p(h)

        def forward(self, xt, hp):
            z = torch.sigmoid(torch.cat([xt, hp], -1) @ self.W_z + self.b_z)
            r = torch.sigmoid(torch.cat([xt, hp], -1) @ self.W_r + self.b_r)
            hh = torch.tanh(torch.cat([xt, r * hp], -1) @ self.W_h + self.b_h)
            return (1 - z) * hp + z * hh

    return Cell()


# alanyeung95/tech-journal:ai-nlp/lstm/notes.md (refuse: no equations). Most plausible reading: the
# note's own formula 4 x h * (h + x), an LSTM with no biases: W_f, W_i, W_c, W_o each h x (h + x).
@_export
def h25f_alanyeung_lstm(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_f, self.W_i = _p(h, h + x), _p(h, h + x)
            self.W_c, self.W_o = _p(h, h + x), _p(h, h + x)

        def forward(self, xt, hp, cp):
            v = torch.cat([hp, xt], -1)
            f = torch.sigmoid(v @ self.W_f.T)
            i = torch.sigmoid(v @ self.W_i.T)
            g = torch.tanh(v @ self.W_c.T)
            o = torch.sigmoid(v @ self.W_o.T)
            c = f * cp + i * g
            return o * torch.tanh(c), c

    return Cell()


# amar-jay/mamba:README.md (refuse: stated shapes contradict the equations). Plausible reading: a
# single-input single-output linear SSM, A (N x N), B (N x 1), C (1 x N), D (1 x 1). N^2 + 2N + 1.
@_export
def h25f_amarjay_ssm(N=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.A, self.B = _p(N, N), _p(N, 1)
            self.C, self.D = _p(1, N), _p(1, 1)

        def forward(self, xt, hp):
            h = hp @ self.A.T + xt @ self.B.T
            return h, h @ self.C.T + xt @ self.D.T

    return Cell()


# dummy-ilh/MINE:NN/RNN&Others/ss.md, ## 2. How RNNs Work (refuse: written once without, once with
# biases). Plausible reading, the later "Formulas for a simple RNN": W_xh (h x x), W_hh (h x h), b_h (h),
# W_hy (y x h), b_y (y). h*x + h*h + h + y*h + y.
@_export
def h25f_mineilh_rnn(x=7, h=5, y=3):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_xh, self.W_hh, self.b_h = _p(h, x), _p(h, h), _p(h)
            self.W_hy, self.b_y = _p(y, h), _p(y)

        def forward(self, xt, hp):
            ht = torch.tanh(xt @ self.W_xh.T + hp @ self.W_hh.T + self.b_h)
            return ht, ht @ self.W_hy.T + self.b_y

    return Cell()


# stored file id 10386883801 (massquantity DL_from_scratch_NOTE, ### Vanilla RNN). W_hx (h x x),
# W_hh (h x h), b_h (h), W_yh (y x h), b_y (y; the shape list's second b_h). h*x + h*h + h + y*h + y.
@_export
def h25f_dlscratch_rnn(x=7, h=5, y=3):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_hx, self.W_hh, self.b_h = _p(h, x), _p(h, h), _p(h)
            self.W_yh, self.b_y = _p(y, h), _p(y)

        def forward(self, xt, hp):
            ht = torch.tanh(xt @ self.W_hx.T + hp @ self.W_hh.T + self.b_h)
            return ht, torch.softmax(ht @ self.W_yh.T + self.b_y, -1)

    return Cell()


# stored file id 65715757909 (Russian Obsidian note "LSTM — Long Short-Term Memory", ## Архитектура LSTM).
# W_f, W_i, W_c, W_o each h x (h + x) on [h_{t-1}, x_t], biases b_f, b_i, b_c, b_o (h).
# 4 * (h * (h + x) + h).
@_export
def h25f_obsru_lstm(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_f, self.b_f = _p(h, h + x), _p(h)
            self.W_i, self.b_i = _p(h, h + x), _p(h)
            self.W_c, self.b_c = _p(h, h + x), _p(h)
            self.W_o, self.b_o = _p(h, h + x), _p(h)

        def forward(self, xt, hp, cp):
            v = torch.cat([hp, xt], -1)
            f = torch.sigmoid(v @ self.W_f.T + self.b_f)
            i = torch.sigmoid(v @ self.W_i.T + self.b_i)
            cc = torch.tanh(v @ self.W_c.T + self.b_c)
            c = f * cp + i * cc
            o = torch.sigmoid(v @ self.W_o.T + self.b_o)
            return o * torch.tanh(c), c

    return Cell()


# stored file id 29847172327 (GRU draft note, 2022-10-07). W_z, W_r, W_h each h x (h + x) on the
# concatenations, biases b_z, b_r, b_h (h). 3 * (h * (h + x) + h).
@_export
def h25f_grudraft_gru(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_z, self.b_z = _p(h, h + x), _p(h)
            self.W_r, self.b_r = _p(h, h + x), _p(h)
            self.W_h, self.b_h = _p(h, h + x), _p(h)

        def forward(self, xt, hp):
            v = torch.cat([hp, xt], -1)
            z = torch.sigmoid(v @ self.W_z.T + self.b_z)
            r = torch.sigmoid(v @ self.W_r.T + self.b_r)
            hh = torch.tanh(torch.cat([r * hp, xt], -1) @ self.W_h.T + self.b_h)
            return (1 - z) * hp + z * hh

    return Cell()


# stored file id 53330596754 (GRU lesson note, week 11). W_z, W_r, W_h (h x x), U_z, U_r, U_h (h x h),
# b_z, b_r, b_h (h). 3 * (h*x + h*h + h).
@_export
def h25f_wk11_gru(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_z, self.U_z, self.b_z = _p(h, x), _p(h, h), _p(h)
            self.W_r, self.U_r, self.b_r = _p(h, x), _p(h, h), _p(h)
            self.W_h, self.U_h, self.b_h = _p(h, x), _p(h, h), _p(h)

        def forward(self, xt, hp):
            z = torch.sigmoid(xt @ self.W_z.T + hp @ self.U_z.T + self.b_z)
            r = torch.sigmoid(xt @ self.W_r.T + hp @ self.U_r.T + self.b_r)
            hh = torch.tanh(xt @ self.W_h.T + (r * hp) @ self.U_h.T + self.b_h)
            return (1 - z) * hp + z * hh

    return Cell()


# stored file id 55672501228 (Chinese interview note, ## 4.6). W_f, W_i, W_C, W_o each h x (h + x) on
# [h_{t-1}, x_t], biases b_f, b_i, b_C, b_o (h). 4 * (h * (h + x) + h).
@_export
def h25f_mianshi_lstm(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_f, self.b_f = _p(h, h + x), _p(h)
            self.W_i, self.b_i = _p(h, h + x), _p(h)
            self.W_C, self.b_C = _p(h, h + x), _p(h)
            self.W_o, self.b_o = _p(h, h + x), _p(h)

        def forward(self, xt, hp, cp):
            v = torch.cat([hp, xt], -1)
            f = torch.sigmoid(v @ self.W_f.T + self.b_f)
            i = torch.sigmoid(v @ self.W_i.T + self.b_i)
            cc = torch.tanh(v @ self.W_C.T + self.b_C)
            c = f * cp + i * cc
            o = torch.sigmoid(v @ self.W_o.T + self.b_o)
            return o * torch.tanh(c), c

    return Cell()


# stored file id 70488396146 (French course module, ## 2. LSTM). W_f, W_i, W_o, W_C each h x (h + x) on
# [h_{t-1}, x_t], biases b_f, b_i, b_o, b_C (h). 4 * (h * (h + x) + h).
@_export
def h25f_frmodule_lstm(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_f, self.b_f = _p(h, h + x), _p(h)
            self.W_i, self.b_i = _p(h, h + x), _p(h)
            self.W_o, self.b_o = _p(h, h + x), _p(h)
            self.W_C, self.b_C = _p(h, h + x), _p(h)

        def forward(self, xt, hp, cp):
            v = torch.cat([hp, xt], -1)
            f = torch.sigmoid(v @ self.W_f.T + self.b_f)
            i = torch.sigmoid(v @ self.W_i.T + self.b_i)
            o = torch.sigmoid(v @ self.W_o.T + self.b_o)
            c = f * cp + i * torch.tanh(v @ self.W_C.T + self.b_C)
            return o * torch.tanh(c), c

    return Cell()


# stored file id 9032119741 (peluche's Hugo blog, ## Gated Recurrent Unit (GRU)). W_r, W_z, W_h are
# nn.Linear(d_in + d_hidden, d_hidden) with bias. 3 * ((d_in + d_hidden) * d_hidden + d_hidden).
@_export
def h25f_peluche_gru(d_in=7, d_hidden=5):
    class GRUCell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_r = nn.Linear(d_in + d_hidden, d_hidden)
            self.W_z = nn.Linear(d_in + d_hidden, d_hidden)
            self.W_h = nn.Linear(d_in + d_hidden, d_hidden)

        def forward(self, x, h_prev):
            cat = torch.cat((x, h_prev), dim=1)
            r = torch.sigmoid(self.W_r(cat))
            z = torch.sigmoid(self.W_z(cat))
            hc = torch.tanh(self.W_h(torch.cat((x, r * h_prev), dim=1)))
            return (1 - z) * h_prev + z * hc

    return GRUCell()


# stored file id 56647485644 (note "RNN, LSTM, GRU for sequences", ## GRU). W_z, W_r, W each h x (h + x)
# on the concatenations, no biases. 3 * h * (h + x).
@_export
def h25f_seqnote_gru(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_z, self.W_r, self.W = _p(h, h + x), _p(h, h + x), _p(h, h + x)

        def forward(self, xt, hp):
            v = torch.cat([hp, xt], -1)
            z = torch.sigmoid(v @ self.W_z.T)
            r = torch.sigmoid(v @ self.W_r.T)
            hh = torch.tanh(torch.cat([r * hp, xt], -1) @ self.W.T)
            return (1 - z) * hp + z * hh

    return Cell()
