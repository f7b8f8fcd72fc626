import torch
from torch import nn

__all__ = []


def _export(f):
    __all__.append(f.__name__)
    return f


def _p(*shape):
    return nn.Parameter(torch.randn(*shape) * 0.1)


# Spinkk/deep-learning-wtf Exercise07.ipynb (homework (1A), LSTM Equations). z = concat(x, h);
# W_f, W_i, W_C, W_o act on z (each h x (x + h)), one bias per gate b_f, b_i, b_C, b_o.
# 4h(x + h + 1).
@_export
def h20b_spinkk_lstm(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_f = nn.Linear(x + h, h)
            self.W_i = nn.Linear(x + h, h)
            self.W_C = nn.Linear(x + h, h)
            self.W_o = nn.Linear(x + h, h)

        def forward(self, xt, hp, cp):
            z = torch.cat([xt, hp], -1)
            f = torch.sigmoid(self.W_f(z))
            i = torch.sigmoid(self.W_i(z))
            ct = torch.tanh(self.W_C(z))
            c = f * cp + i * ct
            o = torch.sigmoid(self.W_o(z))
            return o * torch.tanh(c), c

    return Cell()


# ndrplz/machine_learning_lectures 2017_MASTER/main_rnn.tex (Palazzi, UniMoRe beamer slides, frames
# "Long Short-Term Memory networks"). Row vectors: x U_g (U_g: x x s) + s W_g (W_g: s x s) for
# g in i, f, o, g; no biases. 4s(x + s).
@_export
def h20b_palazzi_lstm(x=7, s=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            for g in "ifog":
                setattr(self, "U_" + g, _p(x, s))
                setattr(self, "W_" + g, _p(s, s))

        def forward(self, xt, sp, cp):
            a = {g: xt @ getattr(self, "U_" + g) + sp @ getattr(self, "W_" + g) for g in "ifog"}
            i, f, o = (torch.sigmoid(a[k]) for k in "ifo")
            g = torch.tanh(a["g"])
            c = cp * f + g * i
            return torch.tanh(c) * o, c

    return Cell()


# ndrplz/machine_learning_lectures 2017_MASTER/main_rnn.tex (Palazzi, UniMoRe beamer slides, frame
# "Vanilla RNN"). Three parameter sets: U (h x x), W (h x h), V (o x h); no biases. h(x + h + o).
@_export
def h20b_palazzi_rnn(x=7, h=5, o=3):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.U = _p(h, x)
            self.W = _p(h, h)
            self.V = _p(o, h)

        def forward(self, xt, hp):
            ht = torch.tanh(self.W @ hp + self.U @ xt)
            return self.V @ ht, ht

    return Cell()


# Deeplearning-book/Classroom-slides Module 5 (RNN)/L5.4.tex (LSTM frames). Gates f, i, o and the
# candidate c~: W_x*^T x (W_x*: x x h) + W_h* h (W_h*: h x h) + b_* (h). 4h(x + h + 1).
@_export
def h20b_dlbook_slides_lstm(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            for g in "fioc":
                setattr(self, "W_x" + g, _p(x, h))
                setattr(self, "W_h" + g, _p(h, h))
                setattr(self, "b_" + g, _p(h))

        def forward(self, xt, hp, cp):
            a = {g: getattr(self, "W_x" + g).T @ xt + getattr(self, "W_h" + g) @ hp
                 + getattr(self, "b_" + g) for g in "fioc"}
            f, i, o, ct = (torch.sigmoid(a[g]) for g in "fioc")
            c = cp * f + ct * i
            return torch.tanh(c) * o, c

    return Cell()


# Deeplearning-book/Classroom-slides Module 5 (RNN)/L5.5.tex (GRU equations frame). Expect refuse:
# the update gate writes W_{ur}^T x_t + W_{ur}^T h_{t-1}, one matrix for both the input (x) and the
# state (h), which cannot hold when x != h. The intended reading (separate W_xu, W_hu), with
# W_xr, W_hr, b_r, W_xh, W_hh, b_h: 3h(x + h + 1).
@_export
def h20b_dlbook_slides_gru(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            for g in "ruh":
                setattr(self, "W_x" + g, _p(x, h))
                setattr(self, "W_h" + g, _p(h, h))
                setattr(self, "b_" + g, _p(h))

        def forward(self, xt, hp):
            r = torch.sigmoid(self.W_xr.T @ xt + self.W_hr.T @ hp + self.b_r)
            u = torch.sigmoid(self.W_xu.T @ xt + self.W_hu.T @ hp + self.b_u)
            ht = torch.sigmoid(self.W_xh.T @ xt + self.W_hh.T @ (r * hp) + self.b_h)
            return u * hp + (1 - u) * ht

    return Cell()


# kevinduh/DeepLearningIntro 151015-tutorial-part2buildingblocks.tex (frame "LSTM in detail").
# No biases; peephole terms written as full matrices W_ci, W_cf, W_co (h x h); candidate
# W_xc, W_hc; output W_hy (y x h). i, f, o: h(x + 2h) each; c: h(x + h); y: yh.
# h(4x + 7h + y).
@_export
def h20b_duh_lstm(x=7, h=5, y=3):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            for g in "ifoc":
                setattr(self, "W_x" + g, _p(h, x))
                setattr(self, "W_h" + g, _p(h, h))
            for g in "ifo":
                setattr(self, "W_c" + g, _p(h, h))
            self.W_hy = _p(y, h)

        def forward(self, xt, hp, cp):
            i = torch.sigmoid(self.W_xi @ xt + self.W_ci @ cp + self.W_hi @ hp)
            f = torch.sigmoid(self.W_xf @ xt + self.W_cf @ cp + self.W_hf @ hp)
            c = f * cp + i * torch.tanh(self.W_xc @ xt + self.W_hc @ hp)
            o = torch.sigmoid(self.W_xo @ xt + self.W_co @ c + self.W_ho @ hp)
            ht = o * torch.tanh(c)
            return torch.softmax(self.W_hy @ ht, -1), ht, c

    return Cell()


def _fmoreno_cell(gates, n, h, m, gru):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            for g in gates:
                setattr(self, "U_" + g, _p(h, n))
                setattr(self, "W_" + g, _p(h, h))
                setattr(self, "b_" + g, _p(h))
            self.V = _p(m, h)
            self.b_y = _p(m)

        def pre(self, g, a, xt):
            return getattr(self, "W_" + g) @ a + getattr(self, "U_" + g) @ xt + getattr(self, "b_" + g)

        def forward(self, xt, ap, cp=None):
            if gru:
                z = torch.sigmoid(self.pre("z", ap, xt))
                r = torch.sigmoid(self.pre("r", ap, xt))
                c = torch.tanh(self.pre("c", r * ap, xt))
                a = (1 - z) * ap + z * c
            else:
                f, i, o = (torch.sigmoid(self.pre(g, ap, xt)) for g in "fio")
                g_ = torch.tanh(self.pre("c", ap, xt))
                c = f * cp + i * g_
                a = o * torch.tanh(c)
            return torch.softmax(self.V @ a + self.b_y, -1), a, c

    return Cell()


# fmorenovr/fmorenovr.github.io pages/recurrent_networks.md (LSTM section). U_{f,i,c,o} in R^{hxn},
# W_{f,i,c,o} in R^{hxh}, b_{f,i,c,o} in R^h, V in R^{mxh}, b_y in R^m. 4h(n + h + 1) + m(h + 1).
@_export
def h20b_fmoreno_lstm(n=7, h=5, m=3):
    return _fmoreno_cell("fico", n, h, m, gru=False)


# fmorenovr/fmorenovr.github.io _pages/DL-recurrent_networks.md (GRU section). U_{z,r,c} in R^{hxn},
# W_{z,r,c} in R^{hxh}, b_{z,r,c} in R^h, V in R^{mxh}, b_y in R^m. 3h(n + h + 1) + m(h + 1).
@_export
def h20b_fmoreno_gru(n=7, h=5, m=3):
    return _fmoreno_cell("zrc", n, h, m, gru=True)


# stored file id 26839705088 (RNN & LSTM Complete Guide, section 6). W_x (h x d), W_h (h x h), b (h);
# output y_t = W_y h_t + b_y with y_t in R^V: W_y (V x h), b_y (V). h(d + h + 1) + V(h + 1).
@_export
def h20b_rnnguide_rnn(d=7, h=5, V=3):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_x = _p(h, d)
            self.W_h = _p(h, h)
            self.b = _p(h)
            self.W_y = _p(V, h)
            self.b_y = _p(V)

        def forward(self, xt, hp):
            ht = torch.tanh(self.W_h @ hp + self.W_x @ xt + self.b)
            return self.W_y @ ht + self.b_y, ht

    return Cell()


# stored file id 26839705088 (RNN & LSTM Complete Guide, section 12). W_* . [h, x] + b_* for
# f, i, c~, o. 4h(h + x + 1).
@_export
def h20b_rnnguide_lstm(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_f = nn.Linear(h + x, h)
            self.W_i = nn.Linear(h + x, h)
            self.W_c = nn.Linear(h + x, h)
            self.W_o = nn.Linear(h + x, h)

        def forward(self, xt, hp, cp):
            z = torch.cat([hp, xt], -1)
            f = torch.sigmoid(self.W_f(z))
            i = torch.sigmoid(self.W_i(z))
            ct = torch.tanh(self.W_c(z))
            o = torch.sigmoid(self.W_o(z))
            c = f * cp + i * ct
            return o * torch.tanh(c), c

    return Cell()


# stored file id 61093908377 (xiefujin open textbook, Chapter 8, 8-3-3 GRU). No biases:
# W_z, W_r: h x (h + x) on [h, x]; W: h x (h + x) on [r * h, x]. 3h(h + x).
@_export
def h20b_xiefujin_gru(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_z = nn.Linear(h + x, h, bias=False)
            self.W_r = nn.Linear(h + x, h, bias=False)
            self.W = nn.Linear(h + x, h, bias=False)

        def forward(self, xt, hp):
            z = torch.sigmoid(self.W_z(torch.cat([hp, xt], -1)))
            r = torch.sigmoid(self.W_r(torch.cat([hp, xt], -1)))
            ht = torch.tanh(self.W(torch.cat([r * hp, xt], -1)))
            return (1 - z) * hp + z * ht

    return Cell()
