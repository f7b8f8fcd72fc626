import torch
from torch import nn

__all__ = []


def _export(f):
    __all__.append(f.__name__)
    return f


def _p(*shape):
    return nn.Parameter(torch.randn(*shape) * 0.1)


# stored file id 55628832550 (Obsidian NLP course notes, "## LSTM"). Gates f, i, o and the new cell content c~
# each have W_g (h x h), U_g (h x x) and b_g (h). 4h(h + x + 1).
@_export
def h34b_nlpobsidian_lstm(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            for g in "fioc":
                setattr(self, "W_" + g, _p(h, h))
                setattr(self, "U_" + g, _p(h, x))
                setattr(self, "b_" + g, _p(h))

        def _a(self, g, xt, hp):
            return getattr(self, "W_" + g) @ hp + getattr(self, "U_" + g) @ xt + getattr(self, "b_" + g)

        def forward(self, xt, state):
            hp, cp = state
            f = torch.sigmoid(self._a("f", xt, hp))
            i = torch.sigmoid(self._a("i", xt, hp))
            o = torch.sigmoid(self._a("o", xt, hp))
            ct_ = torch.tanh(self._a("c", xt, hp))
            c = f * cp + i * ct_
            return o * torch.tanh(c), c

    return Cell()


# stored file id 55628832550 (Obsidian NLP course notes, "## RNN"). Recurrent unit: W_h (h x h), W_e (h x e),
# output U (y x h) over the vocabulary; no biases; g a parameter-free activation (tanh here). h(h + e) + y h.
@_export
def h34b_nlpobsidian_rnn(e=7, h=5, y=3):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_h, self.W_e, self.U = _p(h, h), _p(h, e), _p(y, h)

        def forward(self, et, hp):
            ht = torch.tanh(self.W_h @ hp + self.W_e @ et)
            return ht, torch.softmax(self.U @ ht, dim=-1)

    return Cell()


# stored file id 37866791286 ("### Full GRU"). W_c, W_u, W_r each (c x (c + x)) acting on a concatenation,
# biases b_c, b_u, b_r (c). 3c(c + x + 1).
@_export
def h34b_blog7notes_gru(x=7, c=5):
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


# stored file id 37866791286 ("## Long Short Term Memory Unit (LSTM)"). W_c, W_u, W_f, W_o each (a x (a + x)),
# biases (a); output W_ya (y x a), b_y (y). a = Gamma_o * c as written (no tanh). 4a(a + x + 1) + y(a + 1).
@_export
def h34b_blog7notes_lstm(x=7, a=5, y=3):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            for g in "cufo":
                setattr(self, "W_" + g, _p(a, a + x))
                setattr(self, "b_" + g, _p(a))
            self.W_ya, self.b_y = _p(y, a), _p(y)

        def forward(self, xt, state):
            ap, cp = state
            z = torch.cat([ap, xt])
            ct_ = torch.tanh(self.W_c @ z + self.b_c)
            G_u = torch.sigmoid(self.W_u @ z + self.b_u)
            G_f = torch.sigmoid(self.W_f @ z + self.b_f)
            G_o = torch.sigmoid(self.W_o @ z + self.b_o)
            c = G_u * ct_ + G_f * cp
            at = G_o * c
            return at, c, torch.softmax(self.W_ya @ at + self.b_y, dim=-1)

    return Cell()


# stored file id 67643241332 (Jordan network; marked refuse: time-indexed biases b_t, c_t). Most plausible
# reading: shared U (s x x), W (s x y) on the fed-back output, b (s), V (y x s), c (y).
# s x + s y + s + y s + y.
@_export
def h34b_rnnbookmd_jordan(x=7, s=5, y=3):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.U, self.W, self.b = _p(s, x), _p(s, y), _p(s)
            self.V, self.c = _p(y, s), _p(y)

        def forward(self, xt, yp):
            st = torch.tanh(self.U @ xt + self.W @ yp + self.b)
            return st, torch.softmax(self.V @ st + self.c, dim=-1)

    return Cell()


# stored file id 67643241332 ("### LSTM"). Row-vector convention: W_g (h x h), U_g (x x h), b_g (h) for
# f, i, c~, o; output V (h x a), b (a). 4h(h + x + 1) + a(h + 1).
@_export
def h34b_rnnbookmd_lstm(x=7, h=5, a=3):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            for g in "fico":
                setattr(self, "W_" + g, _p(h, h))
                setattr(self, "U_" + g, _p(x, h))
                setattr(self, "b_" + g, _p(h))
            self.V, self.b = _p(h, a), _p(a)

        def _a(self, g, xt, hp):
            return hp @ getattr(self, "W_" + g) + xt @ getattr(self, "U_" + g) + getattr(self, "b_" + g)

        def forward(self, xt, state):
            hp, cp = state
            f = torch.sigmoid(self._a("f", xt, hp))
            i = torch.sigmoid(self._a("i", xt, hp))
            ct_ = torch.tanh(self._a("c", xt, hp))
            c = f * cp + i * ct_
            o = torch.sigmoid(self._a("o", xt, hp))
            ht = o * torch.tanh(c)
            return ht, c, torch.sigmoid(ht @ self.V + self.b)

    return Cell()


# stored file id 57357932303 ("## The Vanilla RNN" with "### Output at Each Step"). W_h (n x n), W_x (n x d),
# b (n); output W_y (V x n), b_y (V). n^2 + nd + n + Vn + V.
@_export
def h34b_rnnfornlp_rnn(d=7, n=5, V=3):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_h, self.W_x, self.b = _p(n, n), _p(n, d), _p(n)
            self.W_y, self.b_y = _p(V, n), _p(V)

        def forward(self, xt, hp):
            ht = torch.tanh(self.W_h @ hp + self.W_x @ xt + self.b)
            return ht, self.W_y @ ht + self.b_y

    return Cell()


# stored file id 57357932303 ("## Gated Recurrent Unit (GRU)"). W_z, W_r, W_h each (n x (n + d)) on the
# concatenation, biases b_z, b_r, b_h (n). 3n(n + d + 1).
@_export
def h34b_rnnfornlp_gru(d=7, n=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_z, self.b_z = _p(n, n + d), _p(n)
            self.W_r, self.b_r = _p(n, n + d), _p(n)
            self.W_h, self.b_h = _p(n, n + d), _p(n)

        def forward(self, xt, hp):
            z = torch.sigmoid(self.W_z @ torch.cat([hp, xt]) + self.b_z)
            r = torch.sigmoid(self.W_r @ torch.cat([hp, xt]) + self.b_r)
            hc = torch.tanh(self.W_h @ torch.cat([r * hp, xt]) + self.b_h)
            return (1 - z) * hp + z * hc

    return Cell()


# pengsihua2023/Deep-Learning-Lecture-Notes-English, "Beginner: LSTM.md". W_f, W_i, W_c, W_o each
# (h x (h + x)) on [h_{t-1}, x_t], biases (h). 4h(h + x + 1).
@_export
def h34b_pengsihua_lstm(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            for g in "fico":
                setattr(self, "W_" + g, _p(h, h + x))
                setattr(self, "b_" + g, _p(h))

        def forward(self, xt, state):
            hp, cp = state
            z = torch.cat([hp, xt])
            f = torch.sigmoid(self.W_f @ z + self.b_f)
            i = torch.sigmoid(self.W_i @ z + self.b_i)
            ct_ = torch.tanh(self.W_c @ z + self.b_c)
            c = f * cp + i * ct_
            o = torch.sigmoid(self.W_o @ z + self.b_o)
            return o * torch.tanh(c), c

    return Cell()


# stored file id 54623144634 ("### 5. Mathematical formulation", GRU). W_r, W_u, W_h each (h x (h + x)) on the
# concatenation, biases b_r, b_u, b_h (h). 3h(h + x + 1).
@_export
def h34b_grucurriculum_gru(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_r, self.b_r = _p(h, h + x), _p(h)
            self.W_u, self.b_u = _p(h, h + x), _p(h)
            self.W_h, self.b_h = _p(h, h + x), _p(h)

        def forward(self, xt, hp):
            r = torch.sigmoid(self.W_r @ torch.cat([hp, xt]) + self.b_r)
            u = torch.sigmoid(self.W_u @ torch.cat([hp, xt]) + self.b_u)
            hc = torch.tanh(self.W_h @ torch.cat([r * hp, xt]) + self.b_h)
            return (1 - u) * hp + u * hc

    return Cell()


# stored file id 31217451553 (RNN_GRUEncoder; marked refuse). Most plausible reading: the layer the docstring
# documents, nn.GRU(n, d, num_layers=1, bidirectional=True): per direction 3d(n + d + 2). 6d(n + d + 2).
@_export
def h34b_squadlayers_gru(n=7, d=5):
    return nn.GRU(n, d, 1, batch_first=True, bidirectional=True)


# stored file id 71163271330 (lesson "The LSTM cell"). W_f, W_i, W_o, W_c each (d x (d + n)) on the joined
# vector, biases b_f, b_i, b_o, b_c (d). 4d(d + n + 1) (the lesson's 4d(d + n) leaves the biases out).
@_export
def h34b_lessoncards_lstm(n=7, d=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            for g in "fioc":
                setattr(self, "W_" + g, _p(d, d + n))
                setattr(self, "b_" + g, _p(d))

        def forward(self, xt, state):
            hp, cp = state
            z = torch.cat([hp, xt])
            f = torch.sigmoid(self.W_f @ z + self.b_f)
            i = torch.sigmoid(self.W_i @ z + self.b_i)
            o = torch.sigmoid(self.W_o @ z + self.b_o)
            c = f * cp + i * torch.tanh(self.W_c @ z + self.b_c)
            return o * torch.tanh(c), c

    return Cell()


# stored file id 55568920879 ("## 1. Formal definition", linear SSM). A (d x d), B (d x 1), C (1 x d), D (scalar);
# Delta a fixed step. d^2 + 2d + 1.
@_export
def h34b_theorykb_ssm(d=5):
    delta = 0.1

    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.A, self.B, self.C, self.D = _p(d, d), _p(d, 1), _p(1, d), _p(1)

        def forward(self, ut, hp):
            dA = delta * self.A
            Abar = torch.matrix_exp(dA)
            Bbar = torch.linalg.solve(dA, Abar - torch.eye(d)) @ (delta * self.B)
            ht = Abar @ hp + (Bbar * ut).squeeze(-1)
            return ht, self.C @ ht + self.D * ut

    return Cell()
