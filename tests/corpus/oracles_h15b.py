import torch
from torch import nn

__all__ = []


def _export(f):
    __all__.append(f.__name__)
    return f


def _p(*shape):
    return nn.Parameter(torch.randn(*shape) * 0.1)


# stored file 70305637065 (Portuguese course notes, LSTM text block). Four gates F, I, O, C~, each
# W_*·[h_{t-1}, x_t] + b_* with one bias. 4h(x + h + 1).
@_export
def h15b_ptgating_lstm(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_f = nn.Linear(h + x, h)
            self.W_i = nn.Linear(h + x, h)
            self.W_o = nn.Linear(h + x, h)
            self.W_c = nn.Linear(h + x, h)

        def forward(self, xt, state):
            hp, cp = state
            hx = torch.cat([hp, xt], -1)
            F = torch.sigmoid(self.W_f(hx))
            I = torch.sigmoid(self.W_i(hx))
            O = torch.sigmoid(self.W_o(hx))
            Ct = torch.tanh(self.W_c(hx))
            c = F * cp + I * Ct
            return O * torch.tanh(c), c

    return Cell()


# stored file 70305637065 (Portuguese course notes, GRU text block). Z, R on [h, x], candidate on
# [R⊙h, x], one bias each. 3h(x + h + 1).
@_export
def h15b_ptgating_gru(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_z = nn.Linear(h + x, h)
            self.W_r = nn.Linear(h + x, h)
            self.W_h = nn.Linear(h + x, h)

        def forward(self, xt, hp):
            hx = torch.cat([hp, xt], -1)
            Z = torch.sigmoid(self.W_z(hx))
            R = torch.sigmoid(self.W_r(hx))
            Ht = torch.tanh(self.W_h(torch.cat([R * hp, xt], -1)))
            return Z * hp + (1 - Z) * Ht

    return Cell()


# stored file 23923947890 (Japanese course exercise, class GRU). params = [Wx, Wh], Wx is D x 3H
# (sliced into Wxz, Wxr, Wx), Wh is H x 3H; no bias. The h_next line is an exercise blank; the
# course's backward (dh_hat = dh_next*z, dh_prev = dh_next*(1-z)) gives (1-z)*h_prev + z*h_hat.
# 3h(x + h).
@_export
def h15b_jaexercise_gru(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.Wx = _p(x, 3 * h)
            self.Wh = _p(h, 3 * h)

        def forward(self, xt, hp):
            H = h
            Wxz, Wxr, Wx = self.Wx[:, :H], self.Wx[:, H:2 * H], self.Wx[:, 2 * H:]
            Whz, Whr, Wh = self.Wh[:, :H], self.Wh[:, H:2 * H], self.Wh[:, 2 * H:]
            z = torch.sigmoid(xt @ Wxz + hp @ Whz)
            r = torch.sigmoid(xt @ Wxr + hp @ Whr)
            h_hat = torch.tanh(xt @ Wx + (r * hp) @ Wh)
            return (1 - z) * hp + z * h_hat

    return Cell()


# stored file 41165397939 (Korean Obsidian notes, LSTM). W_xi, W_xg, W_xf, W_xo (with x_t),
# W_hi, W_hg, W_hf, W_ho (with h_{t-1}), b_i, b_g, b_f, b_o. 4h(x + h + 1).
@_export
def h15b_koobsidian_lstm(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            for g in "igfo":
                setattr(self, "W_x" + g, _p(h, x))
                setattr(self, "W_h" + g, _p(h, h))
                setattr(self, "b_" + g, _p(h))

        def _a(self, g, xt, hp):
            return xt @ getattr(self, "W_x" + g).T + hp @ getattr(self, "W_h" + g).T + getattr(self, "b_" + g)

        def forward(self, xt, state):
            hp, cp = state
            i = torch.sigmoid(self._a("i", xt, hp))
            g = torch.tanh(self._a("g", xt, hp))
            f = torch.sigmoid(self._a("f", xt, hp))
            o = torch.sigmoid(self._a("o", xt, hp))
            c = f * cp + i * g
            return o * torch.tanh(c), c

    return Cell()


# stored file 41165397939 (Korean Obsidian notes, GRU). W_xr, W_hr, b_r; W_xz, W_hz, b_z;
# W_hg (applied to r∘h), W_xg, b_g. 3h(x + h + 1).
@_export
def h15b_koobsidian_gru(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            for g in "rzg":
                setattr(self, "W_x" + g, _p(h, x))
                setattr(self, "W_h" + g, _p(h, h))
                setattr(self, "b_" + g, _p(h))

        def forward(self, xt, hp):
            r = torch.sigmoid(xt @ self.W_xr.T + hp @ self.W_hr.T + self.b_r)
            z = torch.sigmoid(xt @ self.W_xz.T + hp @ self.W_hz.T + self.b_z)
            g = torch.tanh((r * hp) @ self.W_hg.T + xt @ self.W_xg.T + self.b_g)
            return (1 - z) * g + z * hp

    return Cell()


# stored file 10395995713 (Russian README, LSTM). W_f, W_i, W_C, W_o on [h_{t-1}, x_t],
# b_f, b_i, b_C, b_o. 4h(x + h + 1).
@_export
def h15b_rulstmreadme_lstm(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_f = nn.Linear(h + x, h)
            self.W_i = nn.Linear(h + x, h)
            self.W_C = nn.Linear(h + x, h)
            self.W_o = nn.Linear(h + x, h)

        def forward(self, xt, state):
            hp, cp = state
            hx = torch.cat([hp, xt], -1)
            f = torch.sigmoid(self.W_f(hx))
            i = torch.sigmoid(self.W_i(hx))
            Ct = torch.tanh(self.W_C(hx))
            c = f * cp + i * Ct
            o = torch.sigmoid(self.W_o(hx))
            return o * torch.tanh(c), c

    return Cell()


# stored file 62639538742 (GRUCell(i, h, o), French comments). Wz, Wr, Wh are (h + i, h);
# bz, br, bh are (1, h); output Wy (h, o), by (1, o). 3h(h + i + 1) + o(h + 1).
@_export
def h15b_frgrucell_gru(i=7, h=5, o=3):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.Wz = _p(h + i, h)
            self.Wr = _p(h + i, h)
            self.Wh = _p(h + i, h)
            self.Wy = _p(h, o)
            self.bz = _p(1, h)
            self.br = _p(1, h)
            self.bh = _p(1, h)
            self.by = _p(1, o)

        def forward(self, xt, hp):
            concat = torch.cat([hp, xt], 1)
            z_t = torch.sigmoid(concat @ self.Wz + self.bz)
            r_t = torch.sigmoid(concat @ self.Wr + self.br)
            h_t = torch.tanh(torch.cat([r_t * hp, xt], 1) @ self.Wh + self.bh)
            h_next = (1 - z_t) * hp + z_t * h_t
            y = torch.softmax(h_next @ self.Wy + self.by, 1)
            return h_next, y

    return Cell()


# yuanlonghui/Blogs:SSM.md (Chinese Mamba blog). expect: refuse: B = Linear_n(X), C = Linear_n(X),
# Delta = Softplus(Param_d + Broadcast_d(Linear(X))): the output size of the last Linear and whether
# the Linear layers carry biases are not stated. Under the paper's reading (bias-free Linear_n,
# Linear_1 broadcast to d, Param_d as the Delta bias, A in R^{d x n}): 3dn + 2d.
@_export
def h15b_zhmambablog_selective_ssm(d=7, n=4):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.A = _p(d, n)
            self.lin_B = nn.Linear(d, n, bias=False)
            self.lin_C = nn.Linear(d, n, bias=False)
            self.lin_D = nn.Linear(d, 1, bias=False)
            self.param_d = _p(d)

        def forward(self, xk, hp):
            # xk: (d,), hp: (d, n)
            B = self.lin_B(xk)  # (n,)
            C = self.lin_C(xk)  # (n,)
            delta = nn.functional.softplus(self.param_d + self.lin_D(xk).expand(d))  # (d,)
            Abar = torch.exp(delta[:, None] * self.A)
            Bbar = delta[:, None] * B[None, :]
            h = Abar * hp + Bbar * xk[:, None]
            y = h @ C
            return y, h

    return Cell()


# stored file 59245809293 (Korean lecture notes, 정의 15.8 GRU). W_r, W_z on [h_{t-1}, x_t], W on
# [r⊙h_{t-1}, x_t]; no bias is written. 3h(x + h).
@_export
def h15b_kochap15_gru(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_r = nn.Linear(h + x, h, bias=False)
            self.W_z = nn.Linear(h + x, h, bias=False)
            self.W = nn.Linear(h + x, h, bias=False)

        def forward(self, xt, hp):
            hx = torch.cat([hp, xt], -1)
            r = torch.sigmoid(self.W_r(hx))
            z = torch.sigmoid(self.W_z(hx))
            ht = torch.tanh(self.W(torch.cat([r * hp, xt], -1)))
            return (1 - z) * hp + z * ht

    return Cell()


# stored file 39712557346 (Spanish thesis, 2.2.2 Arquitectura LSTM). W_f, W_i, W_c, W_o on
# [h_{t-1}, x_t] with b_f, b_i, b_c, b_o. 4h(x + h + 1).
@_export
def h15b_estesis_lstm(x=7, h=5):
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
            ct = torch.tanh(self.W_c(hx))
            c = f * cp + i * ct
            o = torch.sigmoid(self.W_o(hx))
            return o * torch.tanh(c), c

    return Cell()
