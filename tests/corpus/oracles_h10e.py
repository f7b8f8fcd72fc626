import torch
from torch import nn

__all__ = []


def _export(f):
    __all__.append(f.__name__)
    return f


def _p(*shape):
    return nn.Parameter(torch.randn(*shape) * 0.1)


# ---------------------------------------------------------------------------
# stored file 9010071490: vanilla RNN in Einstein notation, A_{ij} (h x h), B_{ij} (h x x), c_i
# ---------------------------------------------------------------------------
@_export
def h10e_einsum_elman(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.A = _p(h, h)
            self.B = _p(h, x)
            self.c = _p(h)

        def forward(self, xt, hp):
            return torch.tanh(torch.einsum("ij,bj->bi", self.A, hp)
                              + torch.einsum("ij,bj->bi", self.B, xt) + self.c)

    return Cell()


# ---------------------------------------------------------------------------
# stored file 5826784355: Colah-style LSTM, W_* of shape (H, V+H) on [h_{t-1}, x_t], b_* (H, 1)
# ---------------------------------------------------------------------------
@_export
def h10e_day2_lstm_concat(V=7, H=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_f = nn.Linear(H + V, H)
            self.W_i = nn.Linear(H + V, H)
            self.W_C = nn.Linear(H + V, H)
            self.W_o = nn.Linear(H + V, H)

        def forward(self, xt, state):
            hp, Cp = state
            hx = torch.cat([hp, xt], -1)
            f = torch.sigmoid(self.W_f(hx))
            i = torch.sigmoid(self.W_i(hx))
            Ct = torch.tanh(self.W_C(hx))
            C = f * Cp + i * Ct
            o = torch.sigmoid(self.W_o(hx))
            return o * torch.tanh(C), C

    return Cell()


# ---------------------------------------------------------------------------
# stored file 7330424440: deeplearning.ai full GRU, W_c W_r W_u on [c^{<t-1>}, x^{<t>}] with biases
# ---------------------------------------------------------------------------
@_export
def h10e_week1_gru_full(x=7, c=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_c = nn.Linear(c + x, c)
            self.W_r = nn.Linear(c + x, c)
            self.W_u = nn.Linear(c + x, c)

        def forward(self, xt, cp):
            cx = torch.cat([cp, xt], -1)
            G_r = torch.sigmoid(self.W_r(cx))
            G_u = torch.sigmoid(self.W_u(cx))
            ct = torch.tanh(self.W_c(torch.cat([G_r * cp, xt], -1)))
            return G_u * ct + (1 - G_u) * cp

    return Cell()


# ---------------------------------------------------------------------------
# stored file 403242255: LSTM whose gates read [c^{<t-1>}, x^{<t>}], biases b_c b_u b_r b_o,
# a^{<t>} = Gamma_o c^{<t>}
# ---------------------------------------------------------------------------
@_export
def h10e_dlnotes_lstm_cgates(x=7, c=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_c = nn.Linear(c + x, c)
            self.W_u = nn.Linear(c + x, c)
            self.W_f = nn.Linear(c + x, c)   # its bias is the text's b_r
            self.W_o = nn.Linear(c + x, c)

        def forward(self, xt, cp):
            cx = torch.cat([cp, xt], -1)
            ct = torch.tanh(self.W_c(cx))
            G_u = torch.sigmoid(self.W_u(cx))
            G_f = torch.sigmoid(self.W_f(cx))
            G_o = torch.sigmoid(self.W_o(cx))
            cn = G_u * ct + G_f * cp
            return G_o * cn, cn

    return Cell()


# ---------------------------------------------------------------------------
# tmbdev-tutorials/icdar2019-tutorial 130-recurrent-networks.md (refuse): the most plausible
# reading, every gate a linear layer of (x_t, y_{t-1}) like L_s
# ---------------------------------------------------------------------------
@_export
def h10e_breuel_lstm_slide(x=7, y=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.L_s = nn.Linear(x + y, y)
            self.L_f = nn.Linear(x + y, y)
            self.L_i = nn.Linear(x + y, y)
            self.L_o = nn.Linear(x + y, y)

        def forward(self, xt, state):
            yp, sp = state
            xy = torch.cat([xt, yp], -1)
            f = torch.sigmoid(self.L_f(xy))
            i = torch.sigmoid(self.L_i(xy))
            o = torch.sigmoid(self.L_o(xy))
            s = f * sp + i * torch.tanh(self.L_s(xy))
            return o * s, s

    return Cell()


# ---------------------------------------------------------------------------
# stored file 20864177912: DLSys LSTM, stacked [i; f; g; o] = act(W_hh h + W_hx x + b_h),
# W_hh (4h x h), W_hx (4h x x), b_h (4h)
# ---------------------------------------------------------------------------
@_export
def h10e_dlsys_lstm_stacked(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_hh = _p(4 * h, h)
            self.W_hx = _p(4 * h, x)
            self.b_h = _p(4 * h)

        def forward(self, xt, state):
            hp, cp = state
            z = hp @ self.W_hh.T + xt @ self.W_hx.T + self.b_h
            i, f, g, o = z.chunk(4, -1)
            i, f, g, o = torch.sigmoid(i), torch.sigmoid(f), torch.tanh(g), torch.sigmoid(o)
            c = cp * f + i * g
            return torch.tanh(c) * o, c

    return Cell()


# ---------------------------------------------------------------------------
# discuss.pytorch.org 6630: the PyTorch GRUCell as the forum post writes it
# (six weights, six biases; reset after the recurrent matmul) = torch.nn.GRUCell
# ---------------------------------------------------------------------------
@_export
def h10e_forum_gru_pytorch(x=7, h=5):
    return nn.GRUCell(x, h)


# ---------------------------------------------------------------------------
# stored file 43301939460: row-vector Elman RNN without biases, o_t = f(x_t W + o_{t-1} W_h),
# y_hat = sigma(o_T W_y); W (x x o), W_h (o x o), W_y (o x y)
# ---------------------------------------------------------------------------
@_export
def h10e_ch6_elman_rowvec_nobias(x=7, o=5, y=3):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W = _p(x, o)
            self.W_h = _p(o, o)
            self.W_y = _p(o, y)

        def forward(self, xt, op):
            on = torch.tanh(xt @ self.W + op @ self.W_h)
            return on, torch.sigmoid(on @ self.W_y)

    return Cell()


# ---------------------------------------------------------------------------
# stored file 62541638283: GRU on [h; x] with reset inside the concatenation, W_z W_r W_h
# (h x (h+x)) and biases
# ---------------------------------------------------------------------------
@_export
def h10e_ch6book_gru_concat(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_z = nn.Linear(h + x, h)
            self.W_r = nn.Linear(h + x, h)
            self.W_h = nn.Linear(h + x, h)

        def forward(self, xt, hp):
            hx = torch.cat([hp, xt], -1)
            z = torch.sigmoid(self.W_z(hx))
            r = torch.sigmoid(self.W_r(hx))
            ht = torch.tanh(self.W_h(torch.cat([r * hp, xt], -1)))
            return (1 - z) * hp + z * ht

    return Cell()


# ---------------------------------------------------------------------------
# stored file 61851426449: LSTM, W_f W_i W_C W_o in R^{h x (h+d)}, b_* in R^h
# ---------------------------------------------------------------------------
@_export
def h10e_ktu_lstm_given(d=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_f = nn.Linear(h + d, h)
            self.W_i = nn.Linear(h + d, h)
            self.W_C = nn.Linear(h + d, h)
            self.W_o = nn.Linear(h + d, h)

        def forward(self, xt, state):
            hp, Cp = state
            z = torch.cat([hp, xt], -1)
            f = torch.sigmoid(self.W_f(z))
            i = torch.sigmoid(self.W_i(z))
            Ct = torch.tanh(self.W_C(z))
            C = f * Cp + i * Ct
            o = torch.sigmoid(self.W_o(z))
            return o * torch.tanh(C), C

    return Cell()


# ---------------------------------------------------------------------------
# stored file 60848631400 (texmo docs): multiplicative LSTM, m = (W_mx x) * (W_mh h),
# gates = W_ih x + W_hh m + b; w_mx (h x x), w_mh (h x h), w_ih (4h x x), w_hh (4h x h), b (4h)
# ---------------------------------------------------------------------------
@_export
def h10e_texmo_mullstm(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.w_mx = _p(h, x)
            self.w_mh = _p(h, h)
            self.w_ih = _p(4 * h, x)
            self.w_hh = _p(4 * h, h)
            self.b = _p(4 * h)

        def forward(self, xt, state):
            hp, cp = state
            m = (xt @ self.w_mx.T) * (hp @ self.w_mh.T)
            g = xt @ self.w_ih.T + m @ self.w_hh.T + self.b
            z, i, f, o = g.chunk(4, -1)
            z = torch.tanh(z)
            i, f, o = torch.sigmoid(i), torch.sigmoid(f), torch.sigmoid(o)
            c = f * cp + i * z
            return o * torch.tanh(c), c

    return Cell()


# ---------------------------------------------------------------------------
# stored file 60848631400 (texmo docs): mGRU (minimal gated unit), W_fx W_fh b_f, W_hx W_hh b_h
# ---------------------------------------------------------------------------
@_export
def h10e_texmo_mgru(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_fx = nn.Linear(x, h)
            self.W_fh = nn.Linear(h, h, bias=False)
            self.W_hx = nn.Linear(x, h)
            self.W_hh = nn.Linear(h, h, bias=False)

        def forward(self, xt, hp):
            f = torch.sigmoid(self.W_fx(xt) + self.W_fh(hp))
            hc = torch.tanh(self.W_hx(xt) + self.W_hh(f * hp))
            return (1 - f) * hp + f * hc

    return Cell()
