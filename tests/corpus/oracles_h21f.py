import torch
from torch import nn

__all__ = []


def _export(f):
    __all__.append(f.__name__)
    return f


def _p(*shape):
    return nn.Parameter(torch.randn(*shape) * 0.1)


# stored file id 17438593308 (sagorbrur.github.io, "Understanding LSTM(Long Short Term Memory)").
# Four gates i, f, o, g, each W_x* (h x x), W_h* (h x h), b_* (h). 4h(x + h + 1).
@_export
def h21f_sagorbrur_lstm(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            for g in "ifog":
                setattr(self, f"W_x{g}", _p(h, x))
                setattr(self, f"W_h{g}", _p(h, h))
                setattr(self, f"b_{g}", _p(h))

        def lin(self, g, xt, hp):
            return getattr(self, f"W_x{g}") @ xt + getattr(self, f"W_h{g}") @ hp + getattr(self, f"b_{g}")

        def forward(self, xt, state):
            hp, cp = state
            i = torch.sigmoid(self.lin("i", xt, hp))
            f = torch.sigmoid(self.lin("f", xt, hp))
            o = torch.sigmoid(self.lin("o", xt, hp))
            g = torch.tanh(self.lin("g", xt, hp))
            c = f * cp + i * g
            return o * torch.tanh(c), c

    return Cell()


# stored file id 17036685063 (sagorbrur.github.io, "Understanding GRU(Gated Recurrent Unit)").
# z, r, g: W_x* (x x h, used transposed), W_h* (h x h, transposed), b_* (h); h_t = r h_{t-1} + z g.
# 3h(x + h + 1).
@_export
def h21f_sagorbrur_gru(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            for g in "zrg":
                setattr(self, f"W_x{g}", _p(x, h))
                setattr(self, f"W_h{g}", _p(h, h))
                setattr(self, f"b_{g}", _p(h))

        def lin(self, g, xt, hp):
            return getattr(self, f"W_x{g}").T @ xt + getattr(self, f"W_h{g}").T @ hp + getattr(self, f"b_{g}")

        def forward(self, xt, hp):
            z = torch.sigmoid(self.lin("z", xt, hp))
            r = torch.sigmoid(self.lin("r", xt, hp))
            g = torch.tanh(self.lin("g", xt, hp))
            return r * hp + z * g

    return Cell()


# stored file id 54502933988 (xLSTM paper note, ### sLSTM cell update). expect refuse: the
# pre-activations \tilde i_t, \tilde f_t and the signals z_t, o_t are never defined, so no weight is
# given. One plausible reading (the xLSTM paper's sLSTM, one head): each of i, f, z, o has W (h x x),
# R (h x h), b (h). 4h(x + h + 1).
@_export
def h21f_xlstmnote_slstm(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W = nn.Linear(x, 4 * h)
            self.R = nn.Linear(h, 4 * h, bias=False)

        def forward(self, xt, state):
            hp, cp, np_, mp = state
            it, ft, zt, ot = (self.W(xt) + self.R(hp)).chunk(4)
            z = torch.tanh(zt)
            o = torch.sigmoid(ot)
            m = torch.maximum(ft + mp, it)
            i_ = torch.exp(it - m)
            f_ = torch.exp(ft + mp - m)
            c = f_ * cp + i_ * z
            n = f_ * np_ + i_
            return o * c / n, c, n, m

    return Cell()


# stored file id 68688977465 (vaibhavhariramani blog, "State Space Models and Mamba"). A, B, C are
# matrices: A (h x h), B (h x x), C (y x h); no bias. h(h + x + y).
@_export
def h21f_vhblog_ssm(x=7, h=5, y=3):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.A = _p(h, h)
            self.B = _p(h, x)
            self.C = _p(y, h)

        def forward(self, xt, hp):
            ht = self.A @ hp + self.B @ xt
            return self.C @ ht, ht

    return Cell()


# stored file id 9401785171 (Russell-Puleri & Puleri, "GRUs explained with matrices: Part 2", code block).
# Row vectors: Wz, Wr, Wh (x x h), Uz, Ur, Uh (h x h), bz, br, bh (h); output layer Wy (h x y), by (y)
# computed inside the step. 3h(x + h + 1) + y(h + 1).
@_export
def h21f_puleri_gru(x=7, h=5, y=3):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            for g in "zrh":
                setattr(self, f"W{g}", _p(x, h))
                setattr(self, f"U{g}", _p(h, h))
                setattr(self, f"b{g}", _p(h))
            self.Wy = _p(h, y)
            self.by = _p(y)

        def forward(self, seq, hp):
            z = torch.sigmoid(seq @ self.Wz + hp @ self.Uz + self.bz)
            r = torch.sigmoid(seq @ self.Wr + hp @ self.Ur + self.br)
            h_tilde = torch.tanh(seq @ self.Wh + (r * hp) @ self.Uh + self.bh)
            hn = z * hp + (1 - z) * h_tilde
            y_t = torch.softmax(hn @ self.Wy + self.by, dim=-1)
            return y_t, hn

    return Cell()


# shuyijia/shuyijia.github.io.franklin posts/2021/09/vanishing_gradient.md (Elman RNN with output).
# U (h x h), W (h x x), b (h), V (y x h). h(h + x + 1) + yh.
@_export
def h21f_shuyijia_rnn(x=7, h=5, y=3):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.U = _p(h, h)
            self.W = _p(h, x)
            self.b = _p(h)
            self.V = _p(y, h)

        def forward(self, xt, hp):
            ht = torch.tanh(self.U @ hp + self.W @ xt + self.b)
            return torch.softmax(self.V @ ht, dim=-1), ht

    return Cell()


# stored file id 27852106229 (apaszke.github.io, "LSTM implementation explained", ### LSTM refresher).
# i, f, o, c_in: W_x* (h x x), W_h* (h x h), one bias each (h). 4h(x + h + 1).
@_export
def h21f_paszke_lstm_eqs(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            for g in ["i", "f", "o", "c"]:
                setattr(self, f"W_x{g}", _p(h, x))
                setattr(self, f"W_h{g}", _p(h, h))
                setattr(self, f"b_{g}", _p(h))

        def lin(self, g, xt, hp):
            return getattr(self, f"W_x{g}") @ xt + getattr(self, f"W_h{g}") @ hp + getattr(self, f"b_{g}")

        def forward(self, xt, state):
            hp, cp = state
            i = torch.sigmoid(self.lin("i", xt, hp))
            f = torch.sigmoid(self.lin("f", xt, hp))
            o = torch.sigmoid(self.lin("o", xt, hp))
            c_in = torch.tanh(self.lin("c", xt, hp))
            c = f * cp + i * c_in
            return o * torch.tanh(c), c

    return Cell()


# stored file id 27852106229 (apaszke.github.io, Torch7 nngraph code). i2h = nn.Linear(input_size,
# 4 rnn_size), h2h = nn.Linear(rnn_size, 4 rnn_size), both with bias (Torch7 default).
# 4 rnn_size (input_size + rnn_size + 2).
@_export
def h21f_paszke_lstm_torch7(input_size=7, rnn_size=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.i2h = nn.Linear(input_size, 4 * rnn_size)
            self.h2h = nn.Linear(rnn_size, 4 * rnn_size)

        def forward(self, inp, state):
            prev_c, prev_h = state
            pre = self.i2h(inp) + self.h2h(prev_h)
            gates = torch.sigmoid(pre[..., : 3 * rnn_size])
            in_transform = torch.tanh(pre[..., 3 * rnn_size:])
            in_gate, forget_gate, out_gate = gates.chunk(3, dim=-1)
            next_c = forget_gate * prev_c + in_gate * in_transform
            next_h = out_gate * torch.tanh(next_c)
            return next_c, next_h

    return Cell()


# stored file id 39459468424 (Oshadha Samarakoon's blog data, "Understanding Mamba"). Continuous-time
# SSM h' = A h + B x, y = C h + D x: A (h x h), B (h x x), C (y x h), D (y x x); no bias.
# h^2 + hx + yh + yx. One step uses a forward-Euler update with step 1 (discretization is not counted).
@_export
def h21f_oshadha_ssm(x=7, h=5, y=3):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.A = _p(h, h)
            self.B = _p(h, x)
            self.C = _p(y, h)
            self.D = _p(y, x)

        def forward(self, xt, hp):
            ht = hp + (self.A @ hp + self.B @ xt)
            return self.C @ ht + self.D @ xt, ht

    return Cell()


# stored file id 41892348712 (paper-study post on Cho et al. 2014, GRU per unit j).
# W_r, W_z, W (h x x), U_r, U_z, U (h x h); no bias. 3h(x + h).
@_export
def h21f_studynote_gru(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            for g in ["r", "z", ""]:
                setattr(self, f"W{g}", _p(h, x))
                setattr(self, f"U{g}", _p(h, h))

        def forward(self, xt, hp):
            r = torch.sigmoid(self.Wr @ xt + self.Ur @ hp)
            z = torch.sigmoid(self.Wz @ xt + self.Uz @ hp)
            h_hat = torch.tanh(self.W @ xt + self.U @ (r * hp))
            return z * hp + (1 - z) * h_hat

    return Cell()


# stored file id 59375858505 (LLM-wiki concept page "Gated Recurrent Unit", ## Mechanism). expect
# refuse: z_i and r_i are never given a formula, and the sizes of e and c_i are not stated. One
# plausible reading (Bahdanau et al. 2015 decoder GRU, no biases): z, r and the candidate each have
# W (s x e), U (s x s), C (s x c). 3s(e + s + c).
@_export
def h21f_llmwiki_gru(e=7, s=5, c=4):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            for g in ["z", "r", ""]:
                setattr(self, f"W{g}", _p(s, e))
                setattr(self, f"U{g}", _p(s, s))
                setattr(self, f"C{g}", _p(s, c))

        def forward(self, et, sp, ct):
            z = torch.sigmoid(self.Wz @ et + self.Uz @ sp + self.Cz @ ct)
            r = torch.sigmoid(self.Wr @ et + self.Ur @ sp + self.Cr @ ct)
            s_tilde = torch.tanh(self.W @ et + self.U @ (r * sp) + self.C @ ct)
            return (1 - z) * sp + z * s_tilde

    return Cell()
