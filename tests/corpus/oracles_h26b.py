import torch
from torch import nn

__all__ = []


def _export(f):
    __all__.append(f.__name__)
    return f


def _p(*shape):
    return nn.Parameter(torch.randn(*shape) * 0.1)


# scottdoy/lectures:2020-04-16-lstm-networks/index.md (LSTM slides, Step-by-Step Walkthrough).
# W_f, W_i, W_C, W_o each (h, h + x) on [h_{t-1}, x_t]; b_f, b_i, b_C, b_o (h); C sized by h through
# h_t = o_t * tanh(C_t).  Count 4(h(h + x) + h).
@_export
def h26b_buffalo_lstm(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_f, self.b_f = _p(h, h + x), _p(h)
            self.W_i, self.b_i = _p(h, h + x), _p(h)
            self.W_C, self.b_C = _p(h, h + x), _p(h)
            self.W_o, self.b_o = _p(h, h + x), _p(h)

        def forward(self, xt, hp, Cp):
            v = torch.cat([hp, xt])
            f = torch.sigmoid(self.W_f @ v - self.b_f)
            i = torch.sigmoid(self.W_i @ v + self.b_i)
            Ct = torch.tanh(self.W_C @ v + self.b_C)
            C = f * Cp + i * Ct
            o = torch.sigmoid(self.W_o @ v + self.b_o)
            return o * torch.tanh(C), C

    return Cell()


# scottdoy/lectures:2020-04-16-lstm-networks/index.md (section Gated Recurrent Units (GRUs)).
# W_z, W_r, W each (h, h + x), no biases.  Count 3h(h + x).
@_export
def h26b_buffalo_gru(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_z, self.W_r, self.W = _p(h, h + x), _p(h, h + x), _p(h, h + x)

        def forward(self, xt, hp):
            v = torch.cat([hp, xt])
            z = torch.sigmoid(self.W_z @ v)
            r = torch.sigmoid(self.W_r @ v)
            ht = torch.tanh(self.W @ torch.cat([r * hp, xt]))
            return (1 - z) * hp + z * ht

    return Cell()


# scottdoy/lectures:2020-04-16-lstm-networks/index.md (section Peephole Connections) -- marked refuse:
# the slide gives only the three gates.  Most plausible reading: the slides' LSTM with the gates over
# [C, h, x]: W_f, W_i, W_o (h, 2h + x) with b_f, b_i, b_o (h), candidate W_C (h, h + x), b_C (h).
# Count 3(h(2h + x) + h) + h(h + x) + h.
@_export
def h26b_buffalo_peephole(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_f, self.b_f = _p(h, 2 * h + x), _p(h)
            self.W_i, self.b_i = _p(h, 2 * h + x), _p(h)
            self.W_o, self.b_o = _p(h, 2 * h + x), _p(h)
            self.W_C, self.b_C = _p(h, h + x), _p(h)

        def forward(self, xt, hp, Cp):
            f = torch.sigmoid(self.W_f @ torch.cat([Cp, hp, xt]) + self.b_f)
            i = torch.sigmoid(self.W_i @ torch.cat([Cp, hp, xt]) + self.b_i)
            Ct = torch.tanh(self.W_C @ torch.cat([hp, xt]) + self.b_C)
            C = f * Cp + i * Ct
            o = torch.sigmoid(self.W_o @ torch.cat([C, hp, xt]) + self.b_o)
            return o * torch.tanh(C), C

    return Cell()


# chaimantec/cairn-kb-cs224n:raw/slides/06-sequence-to-sequence-models.md (CS224N slide 22, LSTM).
# Per gate f, i, o and content c~: W (n, n) on h, U (n, x) on x, b (n).  Count 4(n^2 + nx + n).
@_export
def h26b_cs224nkb_lstm(x=7, n=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            for g in 'fioc':
                setattr(self, 'W_' + g, _p(n, n))
                setattr(self, 'U_' + g, _p(n, x))
                setattr(self, 'b_' + g, _p(n))

        def _a(self, g, hp, xt):
            return getattr(self, 'W_' + g) @ hp + getattr(self, 'U_' + g) @ xt + getattr(self, 'b_' + g)

        def forward(self, xt, hp, cp):
            f = torch.sigmoid(self._a('f', hp, xt))
            i = torch.sigmoid(self._a('i', hp, xt))
            o = torch.sigmoid(self._a('o', hp, xt))
            ct = torch.tanh(self._a('c', hp, xt))
            c = f * cp + i * ct
            return o * torch.tanh(c), c

    return Cell()


# Nemotron-CC-Math stored course page "Deep Learning: Recurrent Neural Networks in Python" (### Mathematical
# Content): an Elman RNN called "SRU" with an output layer.  W_h (h, x), U_h (h, h), b_h (h), W_y (y, h),
# b_y (y).  Count hx + h^2 + h + yh + y.
@_export
def h26b_nemocc_sru(x=7, h=5, y=3):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_h, self.U_h, self.b_h = _p(h, x), _p(h, h), _p(h)
            self.W_y, self.b_y = _p(y, h), _p(y)

        def forward(self, xt, hp):
            ht = torch.sigmoid(self.W_h @ xt + self.U_h @ hp + self.b_h)
            return ht, self.W_y @ ht + self.b_y

    return Cell()


# stored file id 37971960270 (Chapter 4 - Recurrent Neural Networks, 4.3 Memory Stream Innovation).
# Residual tanh RNN: W_recurrent (h, h), W_embed (h, x), b (h).  Count h^2 + hx + h.
@_export
def h26b_ch4rnn_memstream(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_recurrent, self.W_embed, self.b = _p(h, h), _p(h, x), _p(h)

        def forward(self, xt, hp):
            return hp + torch.tanh(self.W_recurrent @ hp + self.W_embed @ xt + self.b)

    return Cell()


# stored file id 37971960270 (4.11 State Space Models).  Linear SSM: A (h, h), B (h, x), C (y, h).
# Count h^2 + hx + yh.
@_export
def h26b_ch4rnn_ssm(x=7, h=5, y=3):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.A, self.B, self.C = _p(h, h), _p(h, x), _p(y, h)

        def forward(self, xt, hp):
            ht = self.A @ hp + self.B @ xt
            return ht, self.C @ ht

    return Cell()


# stored file id 37971960270 (4.13 Mamba) -- marked refuse: Delta_t, A_t, B_t, C_t = MLPs(x_t) with the
# MLPs unspecified.  A plausible reading, one affine map each: Delta (1 from x), A_t diagonal (h from x),
# B_t (h*x from x), C_t (y*h from x).  Count (x+1)(1 + h + hx + yh).
@_export
def h26b_ch4rnn_mamba(x=7, h=5, y=3):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.delta = nn.Linear(x, 1)
            self.A = nn.Linear(x, h)
            self.B = nn.Linear(x, h * x)
            self.C = nn.Linear(x, y * h)

        def forward(self, xt, hp):
            d = nn.functional.softplus(self.delta(xt))
            a = torch.exp(-torch.exp(self.A(xt)) * d)
            ht = a * hp + self.B(xt).view(h, x) @ xt
            return ht, self.C(xt).view(y, h) @ ht

    return Cell()


# stored file id 43396598297 (Appendix A - Formal Recurrent Model Equations, A.2 GRU, candidate line
# Markdown-mangled).  W_z, W_r, W_h (h, x); U_z, U_r, U_h (h, h); b_z, b_r, b_h (h); output layer W_o (o, h),
# b_o (o).  Count 3(hx + h^2 + h) + oh + o.
@_export
def h26b_appxa_gru(x=7, h=5, o=3):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_z, self.U_z, self.b_z = _p(h, x), _p(h, h), _p(h)
            self.W_r, self.U_r, self.b_r = _p(h, x), _p(h, h), _p(h)
            self.W_h, self.U_h, self.b_h = _p(h, x), _p(h, h), _p(h)
            self.W_o, self.b_o = _p(o, h), _p(o)

        def forward(self, xt, hp):
            z = torch.sigmoid(self.W_z @ xt + self.U_z @ hp + self.b_z)
            r = torch.sigmoid(self.W_r @ xt + self.U_r @ hp + self.b_r)
            ht = torch.tanh(self.W_h @ xt + self.U_h @ (r * hp) + self.b_h)
            hn = (1 - z) * hp + z * ht
            return hn, torch.softmax(self.W_o @ hn + self.b_o, 0)

    return Cell()


# stored file id 43396598297 (A.3 LSTM).  Per gate i, f, o, c: W (h, x), U (h, h), b (h); output
# W_y (y, h), b_y (y).  Count 4(hx + h^2 + h) + yh + y.
@_export
def h26b_appxa_lstm(x=7, h=5, y=3):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            for g in 'ifoc':
                setattr(self, 'W_' + g, _p(h, x))
                setattr(self, 'U_' + g, _p(h, h))
                setattr(self, 'b_' + g, _p(h))
            self.W_y, self.b_y = _p(y, h), _p(y)

        def _a(self, g, xt, hp):
            return getattr(self, 'W_' + g) @ xt + getattr(self, 'U_' + g) @ hp + getattr(self, 'b_' + g)

        def forward(self, xt, hp, cp):
            i = torch.sigmoid(self._a('i', xt, hp))
            f = torch.sigmoid(self._a('f', xt, hp))
            o = torch.sigmoid(self._a('o', xt, hp))
            g = torch.tanh(self._a('c', xt, hp))
            c = f * cp + i * g
            hn = o * torch.tanh(c)
            return hn, c, torch.softmax(self.W_y @ hn + self.b_y, 0)

    return Cell()


# GoodAI/SummerCamp:tutorial.md (Clockwork RNN) -- marked refuse: W_H is block-triangular over clock
# modules the text never sizes.  Plausible full-matrix reading: W_H (h, h), W_I (h, x), W_O (o, h), no
# biases.  Count h^2 + hx + oh.
@_export
def h26b_goodaicamp_cwrnn(x=7, h=5, o=3):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_H, self.W_I, self.W_O = _p(h, h), _p(h, x), _p(o, h)

        def forward(self, xt, hp):
            yh = torch.tanh(self.W_H @ hp + self.W_I @ xt)
            return yh, torch.sigmoid(self.W_O @ yh)

    return Cell()


# stored file id 42328585618 (GRU curriculum lesson, ### Theory).  W_z, W_r, W_h (h, x); U_z, U_r, U_h
# (h, h); b_z, b_r, b_h (h); the output head is only mentioned in prose.  Count 3(hx + h^2 + h).
@_export
def h26b_currlesson_gru(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_z, self.U_z, self.b_z = _p(h, x), _p(h, h), _p(h)
            self.W_r, self.U_r, self.b_r = _p(h, x), _p(h, h), _p(h)
            self.W_h, self.U_h, self.b_h = _p(h, x), _p(h, h), _p(h)

        def forward(self, xt, hp):
            z = torch.sigmoid(self.W_z @ xt + self.U_z @ hp + self.b_z)
            r = torch.sigmoid(self.W_r @ xt + self.U_r @ hp + self.b_r)
            ht = torch.tanh(self.W_h @ xt + self.U_h @ (r * hp) + self.b_h)
            return (1 - z) * hp + z * ht

    return Cell()


# stored file id 1673364636 (study notes as Python comments, GRU part).  Row-vector convention:
# W_z, W_r, W_c (p + n, n), b_z, b_r, b_c (n); output W (n, m), b (m).  Count 3((p + n)n + n) + nm + m.
@_export
def h26b_pycomments_gru(p=7, n=5, m=3):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_z, self.b_z = _p(p + n, n), _p(n)
            self.W_r, self.b_r = _p(p + n, n), _p(n)
            self.W_c, self.b_c = _p(p + n, n), _p(n)
            self.W, self.b = _p(n, m), _p(m)

        def forward(self, X, Hp):
            Xe = torch.cat([X, Hp])
            z = torch.sigmoid(Xe @ self.W_z + self.b_z)
            r = torch.sigmoid(Xe @ self.W_r + self.b_r)
            X2 = torch.tanh(torch.cat([X, r * Hp]) @ self.W_c + self.b_c)
            H = (1 - z) * Hp + z * X2
            return H, torch.softmax(H @ self.W + self.b, 0)

    return Cell()


# stored file id 1673364636 (LSTM part, excerpt ending before the output line).  W_f, W_u, W_r, W_c
# (p + n, n), b_f, b_u, b_r, b_c (n).  Count 4((p + n)n + n).
@_export
def h26b_pycomments_lstm(p=7, n=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            for g in 'furc':
                setattr(self, 'W_' + g, _p(p + n, n))
                setattr(self, 'b_' + g, _p(n))

        def forward(self, X, Hp, Cp):
            Xe = torch.cat([X, Hp])
            f = torch.sigmoid(Xe @ self.W_f + self.b_f)
            u = torch.sigmoid(Xe @ self.W_u + self.b_u)
            r = torch.sigmoid(Xe @ self.W_r + self.b_r)
            X1 = torch.tanh(Xe @ self.W_c + self.b_c)
            C = f * Cp + u * X1
            return r * torch.tanh(C), C

    return Cell()


# stored file id 7782722920 (14. Recurrent Neural Networks, Rust/Candle book, ### Mathematical Formulation).
# Elman RNN with output: W_ih (h, x), W_hh (h, h), b_h (h), W_ho (y, h), b_o (y).  Count hx + h^2 + h + yh + y.
@_export
def h26b_candlebook_elman(x=7, h=5, y=3):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_ih, self.W_hh, self.b_h = _p(h, x), _p(h, h), _p(h)
            self.W_ho, self.b_o = _p(y, h), _p(y)

        def forward(self, xt, hp):
            ht = torch.tanh(self.W_ih @ xt + self.W_hh @ hp + self.b_h)
            return ht, self.W_ho @ ht + self.b_o

    return Cell()
