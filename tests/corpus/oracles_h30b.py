import torch
from torch import nn

__all__ = []


def _export(f):
    __all__.append(f.__name__)
    return f


def _p(*shape):
    return nn.Parameter(torch.randn(*shape) * 0.1)


# stored file id 43802992680 (Obsidian study notes "# Recurrent Neural Network", section "### Long Short-Term
# Memory(LSTM):"). Gates Gamma_f, Gamma_i, Gamma_o and candidate c~ each W_* (a x (a+x)) on the concatenation
# [a^{<t-1>}, x^{<t>}] plus b_* (a); prediction y_pred = softmax(W_y a + b_y): W_y (y x a), b_y (y).
# 4a(a + x + 1) + y(a + 1).
@_export
def h30b_obsrnn_lstm(a=5, x=7, y=3):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_f, self.b_f = _p(a, a + x), _p(a)
            self.W_c, self.b_c = _p(a, a + x), _p(a)
            self.W_i, self.b_i = _p(a, a + x), _p(a)
            self.W_o, self.b_o = _p(a, a + x), _p(a)
            self.W_y, self.b_y = _p(y, a), _p(y)

        def forward(self, xt, state):
            ap, cp = state
            v = torch.cat([ap, xt], -1)
            f = torch.sigmoid(v @ self.W_f.T + self.b_f)
            cc = torch.tanh(v @ self.W_c.T + self.b_c)
            i = torch.sigmoid(v @ self.W_i.T + self.b_i)
            c = f * cp + i * cc
            o = torch.sigmoid(v @ self.W_o.T + self.b_o)
            an = o * torch.tanh(c)
            yp = torch.softmax(an @ self.W_y.T + self.b_y, -1)
            return yp, (an, c)

    return Cell()


# stored file id 43802992680 (same notes, section "### RNN Cell Forward:"). W_ax (n_a x n_x), W_aa (n_a x n_a),
# b_a (n_a); output W_ya (n_y x n_a), b_y (n_y). n_a(n_x + n_a + 1) + n_y(n_a + 1).
@_export
def h30b_obsrnn_rnn(n_a=5, n_x=7, n_y=3):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.Wax, self.Waa, self.ba = _p(n_a, n_x), _p(n_a, n_a), _p(n_a)
            self.Wya, self.by = _p(n_y, n_a), _p(n_y)

        def forward(self, xt, ap):
            an = torch.tanh(xt @ self.Wax.T + ap @ self.Waa.T + self.ba)
            return torch.softmax(an @ self.Wya.T + self.by, -1), an

    return Cell()


# tensorchiefs/dl_course:docs/exercises/15_rnn.md (exercise "Character Network" a)). Four units, each
# [h_{t-1}, x_t] W_* + b_* with W_* ((h + x) x h) and b_* (h), as Keras' LSTM(512) on 106 inputs.
# 4((h + x)h + h) = 1'267'712 at the text's sizes.
@_export
def h30b_tc15_lstm(x=106, h=512):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_f, self.b_f = _p(h + x, h), _p(h)
            self.W_i, self.b_i = _p(h + x, h), _p(h)
            self.W_c, self.b_c = _p(h + x, h), _p(h)
            self.W_o, self.b_o = _p(h + x, h), _p(h)

        def forward(self, xt, state):
            hp, cp = state
            v = torch.cat([hp, xt], -1)
            f = torch.sigmoid(v @ self.W_f + self.b_f)
            i = torch.sigmoid(v @ self.W_i + self.b_i)
            g = torch.tanh(v @ self.W_c + self.b_c)
            o = torch.sigmoid(v @ self.W_o + self.b_o)
            c = f * cp + i * g
            return o * torch.tanh(c), c

    return Cell()


# https://github.com/lmthang/thesis/files/386639/nmt.pdf ("LSTM Derivations", Luong and See). One weight matrix
# T (4n x 2n) on [h^{l-1}_t ; h^l_{t-1}], no bias; gates i, f, o (sigm) and ĥ (tanh). 8n^2.
@_export
def h30b_luongsee_lstm(n=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.T = _p(4 * n, 2 * n)

        def forward(self, xt, state):
            hp, cp = state
            z = torch.cat([xt, hp], -1) @ self.T.T
            i, f, o, g = z.chunk(4, -1)
            i, f, o, g = torch.sigmoid(i), torch.sigmoid(f), torch.sigmoid(o), torch.tanh(g)
            c = f * cp + i * g
            return o * torch.tanh(c), c

    return Cell()


# https://notes.atzy.dev/gated-recurrent-units (refuse: the two gate equations are missing). Most plausible
# reading: each of z, r and the candidate with W (h x x), U (h x h), b (h), and the output V (y x h).
# 3h(x + h + 1) + yh.
@_export
def h30b_atzy_gru(x=7, h=5, y=3):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_z, self.U_z, self.b_z = _p(h, x), _p(h, h), _p(h)
            self.W_r, self.U_r, self.b_r = _p(h, x), _p(h, h), _p(h)
            self.W_h, self.U_h, self.b_h = _p(h, x), _p(h, h), _p(h)
            self.V = _p(y, h)

        def forward(self, xt, hp):
            z = torch.sigmoid(xt @ self.W_z.T + hp @ self.U_z.T + self.b_z)
            r = torch.sigmoid(xt @ self.W_r.T + hp @ self.U_r.T + self.b_r)
            hh = torch.tanh(xt @ self.W_h.T + (r * hp) @ self.U_h.T + self.b_h)
            ht = (1 - z) * hp + z * hh
            return ht @ self.V.T, ht

    return Cell()


# stored file id 33188814609 ("Gated Recurrent Unit (GRU) – Full Notes"). W_z, W_r, W each h x (h + x) on the
# concatenation [h_{t-1}, x_t] (candidate on [r_t * h_{t-1}, x_t]), no biases. 3h(h + x).
@_export
def h30b_fullnotes_gru(x=7, h=5):
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


# stored file id 24981958861 (GRU lecture notes, "### Step-by-Step Information Flow"). W_r, W_z, W each
# h x (h + x) on the concatenations, biases b_r, b_z, b (h). 3h(h + x + 1).
@_export
def h30b_simplgru_concat(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_r, self.b_r = _p(h, h + x), _p(h)
            self.W_z, self.b_z = _p(h, h + x), _p(h)
            self.W, self.b = _p(h, h + x), _p(h)

        def forward(self, xt, hp):
            v = torch.cat([hp, xt], -1)
            r = torch.sigmoid(v @ self.W_r.T + self.b_r)
            z = torch.sigmoid(v @ self.W_z.T + self.b_z)
            hh = torch.tanh(torch.cat([r * hp, xt], -1) @ self.W.T + self.b)
            return z * hp + (1 - z) * hh

    return Cell()


# stored file id 24981958861 ("## Mathematical Deep Dive" and the conceptual GRUCell; refuse: biases in the
# equations, none in the class). Most plausible reading, the equations: W_*x (h x x), W_*h (h x h), b_* (h)
# for r, z and the candidate. 3h(x + h + 1).
@_export
def h30b_simplgru_deep(input_size=7, hidden_size=5):
    x, h = input_size, hidden_size

    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_rx, self.W_rh, self.b_r = _p(h, x), _p(h, h), _p(h)
            self.W_zx, self.W_zh, self.b_z = _p(h, x), _p(h, h), _p(h)
            self.W_hx, self.W_hh, self.b_h = _p(h, x), _p(h, h), _p(h)

        def forward(self, xt, hp):
            r = torch.sigmoid(xt @ self.W_rx.T + hp @ self.W_rh.T + self.b_r)
            z = torch.sigmoid(xt @ self.W_zx.T + hp @ self.W_zh.T + self.b_z)
            hh = torch.tanh(xt @ self.W_hx.T + (r * hp) @ self.W_hh.T + self.b_h)
            return z * hp + (1 - z) * hh

    return Cell()


# stored file id 40543526572 (Obsidian notes on Zaremba et al., "## Function representations"). Two affine maps
# T_{n,n} (W n x n and b n each): one on h^{l-1}_t, one on h^l_{t-1}. 2(n^2 + n).
@_export
def h30b_zarnotes_rnn(n=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W1, self.b1 = _p(n, n), _p(n)
            self.W2, self.b2 = _p(n, n), _p(n)

        def forward(self, xt, hp):
            return torch.tanh(xt @ self.W1.T + self.b1 + hp @ self.W2.T + self.b2)

    return Cell()


# stored file id 40011212062 (course study notes "# Recurrent Neural Networks (RNN)", "### 2.2 Basic RNN
# Architecture"). Whh (h x h), Wxh (h x x), bh (h); output Why (y x h), by (y). h(h + x + 1) + y(h + 1).
@_export
def h30b_tmnotes_rnn(x=7, h=5, y=3):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.Whh, self.Wxh, self.bh = _p(h, h), _p(h, x), _p(h)
            self.Why, self.by = _p(y, h), _p(y)

        def forward(self, xt, hp):
            ht = torch.tanh(hp @ self.Whh.T + xt @ self.Wxh.T + self.bh)
            return ht @ self.Why.T + self.by, ht

    return Cell()


# stored file id 40011212062 (same notes, "### 5.2 GRU (Gated Recurrent Unit)"). Wz, Wr, W each h x (h + x)
# on the concatenations, no biases. 3h(h + x).
@_export
def h30b_tmnotes_gru(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.Wz, self.Wr, self.W = _p(h, h + x), _p(h, h + x), _p(h, h + x)

        def forward(self, xt, hp):
            v = torch.cat([hp, xt], -1)
            z = torch.sigmoid(v @ self.Wz.T)
            r = torch.sigmoid(v @ self.Wr.T)
            hh = torch.tanh(torch.cat([r * hp, xt], -1) @ self.W.T)
            return (1 - z) * hp + z * hh

    return Cell()
