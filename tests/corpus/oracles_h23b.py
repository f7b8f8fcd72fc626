import torch
from torch import nn

__all__ = []


def _export(f):
    __all__.append(f.__name__)
    return f


def _p(*shape):
    return nn.Parameter(torch.randn(*shape) * 0.1)


# danbev/learning-ai@003e834e:notes/architectures/rwkv.md (RWKV time-mixing, study notes). Most plausible
# reading (the snippet is marked refuse): token-shift mixing vectors mu_r, mu_k, mu_v (x each), square
# projections W_r, W_k, W_v, W_o (x by x), decay vector w (x) and bonus u (x). 4x^2 + 5x.
@_export
def h23b_danbevrwkv_rwkv(x=7):
    d = x

    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.mu_r, self.mu_k, self.mu_v = _p(d), _p(d), _p(d)
            self.W_r, self.W_k, self.W_v, self.W_o = _p(d, d), _p(d, d), _p(d, d), _p(d, d)
            self.w, self.u = _p(d), _p(d)

        def forward(self, xt, state):
            xp, a, b = state  # previous token, wkv numerator and denominator
            r = self.W_r @ (self.mu_r * xt + (1 - self.mu_r) * xp)
            k = self.W_k @ (self.mu_k * xt + (1 - self.mu_k) * xp)
            v = self.W_v @ (self.mu_v * xt + (1 - self.mu_v) * xp)
            wkv = (a + torch.exp(self.u + k) * v) / (b + torch.exp(self.u + k))
            o = self.W_o @ (torch.sigmoid(r) * wkv)
            decay = torch.exp(-torch.exp(self.w))
            return o, (xt, decay * a + torch.exp(k) * v, decay * b + torch.exp(k))

    return Cell()


# stored file id 57517798513 (Docusaurus course page "LSTM and GRU"). W_f, W_i, W_c, W_o each h x (h + x) on
# [h_{t-1}, x_t]; biases b_f, b_i, b_c, b_o (h). 4h(h + x + 1).
@_export
def h23b_docuslstmgru_lstm(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_f, self.b_f = _p(h, h + x), _p(h)
            self.W_i, self.b_i = _p(h, h + x), _p(h)
            self.W_c, self.b_c = _p(h, h + x), _p(h)
            self.W_o, self.b_o = _p(h, h + x), _p(h)

        def forward(self, xt, state):
            hp, cp = state
            hx = torch.cat([hp, xt])
            f = torch.sigmoid(self.W_f @ hx + self.b_f)
            i = torch.sigmoid(self.W_i @ hx + self.b_i)
            ct_ = torch.tanh(self.W_c @ hx + self.b_c)
            o = torch.sigmoid(self.W_o @ hx + self.b_o)
            c = f * cp + i * ct_
            return o * torch.tanh(c), c

    return Cell()


# stored file id 5767966732 ("GRU Gates: Update and Reset", concatenation version). W_z, W_r on [h_{t-1}, x_t]
# and W_h on [r_t * h_{t-1}, x_t], each h x (h + x); biases b_z, b_r, b_h (h). 3h(h + x + 1).
@_export
def h23b_grugates2_gru(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_z, self.b_z = _p(h, h + x), _p(h)
            self.W_r, self.b_r = _p(h, h + x), _p(h)
            self.W_h, self.b_h = _p(h, h + x), _p(h)

        def forward(self, xt, hp):
            z = torch.sigmoid(self.W_z @ torch.cat([hp, xt]) + self.b_z)
            r = torch.sigmoid(self.W_r @ torch.cat([hp, xt]) + self.b_r)
            ht = torch.tanh(self.W_h @ torch.cat([r * hp, xt]) + self.b_h)
            return (1 - z) * hp + z * ht

    return Cell()


# stored file id 5207696846 ("Sequence Models" course notes, 1.9 GRU; marked refuse). Most plausible reading:
# the full GRU with the update gate's W_c, b_c a slip for W_u, b_u: W_c, W_u, W_r each c x (c + x) on
# [c^{<t-1>}, x^{<t>}], biases b_c, b_u, b_r (c). 3c(c + x + 1).
@_export
def h23b_seqmodels_gru(x=7, c=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_c, self.b_c = _p(c, c + x), _p(c)
            self.W_u, self.b_u = _p(c, c + x), _p(c)
            self.W_r, self.b_r = _p(c, c + x), _p(c)

        def forward(self, xt, cp):
            G_u = torch.sigmoid(self.W_u @ torch.cat([cp, xt]) + self.b_u)
            G_r = torch.sigmoid(self.W_r @ torch.cat([cp, xt]) + self.b_r)
            ct_ = torch.tanh(self.W_c @ torch.cat([G_r * cp, xt]) + self.b_c)
            return G_u * ct_ + (1 - G_u) * cp

    return Cell()


# stored file id 7918784046 (Obsidian Sequence Models notes, LSTM). W_c, W_u, W_f, W_o each a x (a + x) on
# [a^{<t-1>}, x^{<t>}], biases b_c, b_u, b_f, b_o (a); c has the size of a. 4a(a + x + 1).
@_export
def h23b_obsseqlstm_lstm(x=7, a=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_c, self.b_c = _p(a, a + x), _p(a)
            self.W_u, self.b_u = _p(a, a + x), _p(a)
            self.W_f, self.b_f = _p(a, a + x), _p(a)
            self.W_o, self.b_o = _p(a, a + x), _p(a)

        def forward(self, xt, state):
            ap, cp = state
            ax = torch.cat([ap, xt])
            ct_ = torch.tanh(self.W_c @ ax + self.b_c)
            G_u = torch.sigmoid(self.W_u @ ax + self.b_u)
            G_f = torch.sigmoid(self.W_f @ ax + self.b_f)
            G_o = torch.sigmoid(self.W_o @ ax + self.b_o)
            ct = G_u * ct_ + G_f * cp
            return G_o * torch.tanh(ct), ct

    return Cell()


# sveatlo/FIT-ZPJa-GRU-from-scratch@a7db3e21:docs/report/report.tex (course-project report, section Method).
# W_h, W_z, W_r (h x x), U_h, U_z, U_r (h x h), b_h, b_z, b_r (h); the section's output layer V (y x h), b_y (y).
# 3h(x + h + 1) + y(h + 1).
@_export
def h23b_fitzpjagru_gru(x=7, h=5, y=3):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_h, self.U_h, self.b_h = _p(h, x), _p(h, h), _p(h)
            self.W_z, self.U_z, self.b_z = _p(h, x), _p(h, h), _p(h)
            self.W_r, self.U_r, self.b_r = _p(h, x), _p(h, h), _p(h)
            self.V, self.b_y = _p(y, h), _p(y)

        def forward(self, xt, hp):
            z = torch.sigmoid(self.W_z @ xt + self.U_z @ hp + self.b_z)
            r = torch.sigmoid(self.W_r @ xt + self.U_r @ hp + self.b_r)
            hh = torch.tanh(self.W_h @ xt + self.U_h @ (r * hp) + self.b_h)
            ht = z * hp + (1 - z) * hh
            return torch.softmax(self.V @ ht + self.b_y, -1), ht

    return Cell()


# knah1d/lstm-from-scratch@ee3a7027:notes/derivations.md (study notes, forward recap). Row-vector weights
# Wx_f, Wx_i, Wx_o, Wx_g (x by h), Wh_f, Wh_i, Wh_o, Wh_g (h by h), biases b_f, b_i, b_o, b_g (h). 4h(x + h + 1).
@_export
def h23b_knah1dnotes_lstm(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            for g in "fiog":
                setattr(self, "Wx_" + g, _p(x, h))
                setattr(self, "Wh_" + g, _p(h, h))
                setattr(self, "b_" + g, _p(h))

        def pre(self, g, xt, hp):
            return xt @ getattr(self, "Wx_" + g) + hp @ getattr(self, "Wh_" + g) + getattr(self, "b_" + g)

        def forward(self, xt, state):
            hp, cp = state
            f = torch.sigmoid(self.pre("f", xt, hp))
            i = torch.sigmoid(self.pre("i", xt, hp))
            o = torch.sigmoid(self.pre("o", xt, hp))
            g = torch.tanh(self.pre("g", xt, hp))
            c = f * cp + i * g
            return o * torch.tanh(c), c

    return Cell()


# danbev/learning-ai@ad8dfdbe:notes/architectures/mamba.md (study notes, Selective State Space Models).
# Single-input single-output SSM: A (n x n), B (n entries, written R^{1xn}), C (n entries, written R^{nx1}),
# D (1 x 1, x and y in R^1). n^2 + 2n + 1. One Euler step stands in for the continuous-time update.
@_export
def h23b_danbevmamba_ssm(n=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.A, self.B, self.C, self.D = _p(n, n), _p(1, n), _p(n, 1), _p(1, 1)

        def forward(self, xt, h):
            dh = self.A @ h + self.B[0] * xt
            h = h + dh
            return self.C[:, 0] @ h + self.D[0, 0] * xt, h

    return Cell()


# Colinho22/nlp-course-2025-final-presentation-commit-contentclass@54971647:NLP_slides/week03_rnn/
# presentations/deprecated/week03_rnn_restructured.tex (beamer GRU frame). No biases: W_z, W_r, W each
# h x (h + x) on the concatenations. 3h(h + x).
@_export
def h23b_nlpw3restr_gru(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_z, self.W_r, self.W = _p(h, h + x), _p(h, h + x), _p(h, h + x)

        def forward(self, xt, hp):
            z = torch.sigmoid(self.W_z @ torch.cat([hp, xt]))
            r = torch.sigmoid(self.W_r @ torch.cat([hp, xt]))
            ht = torch.tanh(self.W @ torch.cat([r * hp, xt]))
            return (1 - z) * hp + z * ht

    return Cell()


# sudharsan13296/Hands-On-Deep-Learning-Algorithms-with-Python@59efa4d8:05. Improvements to the RNN/
# 5.12 BiDirectional RNN.ipynb (textbook notebook, markdown cell 1). No biases: forward U_h (h x x),
# W_h (h x h); backward U_z (z x x), W_z (z x z); output V_h (y x h), V_z (y x z).
# h(x + h) + z(x + z) + y(h + z).
@_export
def h23b_handsonbirnn_birnn(x=7, h=5, z=4, y=3):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.U_h, self.W_h = _p(h, x), _p(h, h)
            self.U_z, self.W_z = _p(z, x), _p(z, z)
            self.V_h, self.V_z = _p(y, h), _p(y, z)

        def forward(self, xt, hp, zn):
            ht = torch.sigmoid(self.U_h @ xt + self.W_h @ hp)
            zt = torch.sigmoid(self.U_z @ xt + self.W_z @ zn)
            return torch.softmax(self.V_h @ ht + self.V_z @ zt, -1), ht, zt

    return Cell()


# sudharsan13296/Hands-On-Deep-Learning-Algorithms-with-Python@59efa4d8:05. Improvements to the RNN/
# 5.02 Understanding the LSTM cell.ipynb (textbook notebook). U_f, U_i, U_o, U_g (h x x), W_f, W_i, W_o,
# W_g (h x h), b_f, b_i, b_o, b_g (h); output V (y x h), no output bias. 4h(x + h + 1) + yh.
@_export
def h23b_handsonlstm_lstm(x=7, h=5, y=3):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            for g in "fiog":
                setattr(self, "U_" + g, _p(h, x))
                setattr(self, "W_" + g, _p(h, h))
                setattr(self, "b_" + g, _p(h))
            self.V = _p(y, h)

        def gate(self, g, xt, hp):
            return getattr(self, "U_" + g) @ xt + getattr(self, "W_" + g) @ hp + getattr(self, "b_" + g)

        def forward(self, xt, state):
            hp, cp = state
            f = torch.sigmoid(self.gate("f", xt, hp))
            i = torch.sigmoid(self.gate("i", xt, hp))
            o = torch.sigmoid(self.gate("o", xt, hp))
            g = torch.tanh(self.gate("g", xt, hp))
            c = f * cp + i * g
            ht = o * torch.tanh(c)
            return torch.softmax(self.V @ ht, -1), (ht, c)

    return Cell()
