import torch
from torch import nn

__all__ = []


def _export(f):
    __all__.append(f.__name__)
    return f


def _p(*shape):
    return nn.Parameter(torch.randn(*shape) * 0.1)


# ---------------------------------------------------------------------------
# Teaching-project notes (stored file 10298829431): LSTM on [h_{t-1}, x_t], one bias per gate
# ---------------------------------------------------------------------------
@_export
def dlcomp_lstm(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_f = nn.Linear(h + x, h)
            self.W_i = nn.Linear(h + x, h)
            self.W_c = nn.Linear(h + x, h)
            self.W_o = nn.Linear(h + x, h)

        def forward(self, xt, state):
            hp, cp = state
            hx = torch.cat([hp, xt], -1)
            f = torch.sigmoid(self.W_f(hx))
            i = torch.sigmoid(self.W_i(hx))
            ct_ = torch.tanh(self.W_c(hx))
            c = f * cp + i * ct_
            o = torch.sigmoid(self.W_o(hx))
            return o * torch.tanh(c), c

    return Cell()


# ---------------------------------------------------------------------------
# Minimal RNN LM README (stored file 49035569356): minGRU, W_z and W_h on x_t, no biases
# ---------------------------------------------------------------------------
@_export
def minrnnlm_mingru(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_z = nn.Linear(x, h, bias=False)
            self.W_h = nn.Linear(x, h, bias=False)

        def forward(self, xt, hp):
            z = torch.sigmoid(self.W_z(xt))
            ht = self.W_h(xt)
            return (1 - z) * hp + z * ht

    return Cell()


# ---------------------------------------------------------------------------
# Minimal RNN LM README: minLSTM, W_f, W_i, W_h on x_t, no biases
# ---------------------------------------------------------------------------
@_export
def minrnnlm_minlstm(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_f = nn.Linear(x, h, bias=False)
            self.W_i = nn.Linear(x, h, bias=False)
            self.W_h = nn.Linear(x, h, bias=False)

        def forward(self, xt, hp):
            f = torch.sigmoid(self.W_f(xt))
            i = torch.sigmoid(self.W_i(xt))
            fp, ip = f / (f + i), i / (f + i)
            return fp * hp + ip * self.W_h(xt)

    return Cell()


# ---------------------------------------------------------------------------
# Herong Yang online book: y_t = f(W x_t + U y_{t-1}); y is the state; no bias
# ---------------------------------------------------------------------------
@_export
def herong_rnn(x=7, y=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W = nn.Linear(x, y, bias=False)
            self.U = nn.Linear(y, y, bias=False)

        def forward(self, xt, yp):
            return torch.tanh(self.W(xt) + self.U(yp))

    return Cell()


# ---------------------------------------------------------------------------
# vintellx blog: h_t = phi(W_h h_{t-1} + W_x x_t); no bias
# ---------------------------------------------------------------------------
@_export
def vintellx_rnn(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_h = nn.Linear(h, h, bias=False)
            self.W_x = nn.Linear(x, h, bias=False)

        def forward(self, xt, hp):
            return torch.tanh(self.W_h(hp) + self.W_x(xt))

    return Cell()


# ---------------------------------------------------------------------------
# GRU lesson notes (stored file 11126855507): simplified GRU, W[c], W[u] on [C[t-1], x[t]],
# biases b[c], b[u]
# ---------------------------------------------------------------------------
@_export
def grulesson_simplified_gru(x=7, c=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_c = nn.Linear(c + x, c)
            self.W_u = nn.Linear(c + x, c)

        def forward(self, xt, cp):
            cx = torch.cat([cp, xt], -1)
            ct = torch.tanh(self.W_c(cx))
            gu = torch.sigmoid(self.W_u(cx))
            return gu * ct + (1 - gu) * cp

    return Cell()


# ---------------------------------------------------------------------------
# GRU lesson notes, full GRU (refuse: Gamma[r] written with b[u]). Oracle reads b[u] in the
# reset gate as a typo for b[r]: W[c], W[u], W[r] on [C, x], three biases.
# ---------------------------------------------------------------------------
@_export
def grulesson_full_gru(x=7, c=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_c = nn.Linear(c + x, c)
            self.W_u = nn.Linear(c + x, c)
            self.W_r = nn.Linear(c + x, c)

        def forward(self, xt, cp):
            cx = torch.cat([cp, xt], -1)
            gr = torch.sigmoid(self.W_r(cx))
            gu = torch.sigmoid(self.W_u(cx))
            ct = torch.tanh(self.W_c(torch.cat([gr * cp, xt], -1)))
            return gu * ct + (1 - gu) * cp

    return Cell()


# ---------------------------------------------------------------------------
# Homework writeup GRUCell (stored file 23295661947): exactly torch.nn.GRUCell
# (W_{rx,zx,nx}: H_out x H_in, W_{rh,zh,nh}: H_out x H_out, six bias vectors).
# ---------------------------------------------------------------------------
@_export
def hw_grucell(x=7, h=5):
    return nn.GRUCell(x, h)


# ---------------------------------------------------------------------------
# Tutorial explainer (stored file 4510261580): GRU, W_* (h x x), U_* (h x h), one bias per
# gate/candidate, reset applied before U_h
# ---------------------------------------------------------------------------
@_export
def explainer_gru(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_z, self.W_r, self.W_h = (nn.Linear(x, h) for _ in range(3))
            self.U_z, self.U_r, self.U_h = (nn.Linear(h, h, bias=False) for _ in range(3))

        def forward(self, xt, hp):
            z = torch.sigmoid(self.W_z(xt) + self.U_z(hp))
            r = torch.sigmoid(self.W_r(xt) + self.U_r(hp))
            ht = torch.tanh(self.W_h(xt) + self.U_h(r * hp))
            return (1 - z) * hp + z * ht

    return Cell()


# ---------------------------------------------------------------------------
# LSTM lesson notes (stored file 11736239173): W[c], W[u], W[f], W[o] on [a[t-1], x[t]],
# one bias each; a and C share the size a
# ---------------------------------------------------------------------------
@_export
def lstmlesson_lstm(x=7, a=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_c, self.W_u, self.W_f, self.W_o = (nn.Linear(a + x, a) for _ in range(4))

        def forward(self, xt, state):
            ap, cp = state
            ax = torch.cat([ap, xt], -1)
            ct = torch.tanh(self.W_c(ax))
            gu, gf, go = (torch.sigmoid(m(ax)) for m in (self.W_u, self.W_f, self.W_o))
            c = gu * ct + gf * cp
            return go * torch.tanh(c), c

    return Cell()


# ---------------------------------------------------------------------------
# Course-style RNN notes (stored file 61472517642): GRU with W_z, W_r, W on [h_{t-1}, x_t],
# no biases
# ---------------------------------------------------------------------------
@_export
def rnncourse_gru(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_z = nn.Linear(h + x, h, bias=False)
            self.W_r = nn.Linear(h + x, h, bias=False)
            self.W = nn.Linear(h + x, h, bias=False)

        def forward(self, xt, hp):
            hx = torch.cat([hp, xt], -1)
            z = torch.sigmoid(self.W_z(hx))
            r = torch.sigmoid(self.W_r(hx))
            ht = torch.tanh(self.W(torch.cat([r * hp, xt], -1)))
            return (1 - z) * hp + z * ht

    return Cell()
