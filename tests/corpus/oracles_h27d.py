import torch
from torch import nn

__all__ = []


def _export(f):
    __all__.append(f.__name__)
    return f


def _p(*shape):
    return nn.Parameter(torch.randn(*shape) * 0.1)


# stored file id 4867466867 (Korean review of "LSTM: A Search Space Odyssey", Vanilla LSTM 구조). Block input
# W_z (N x M), R_z (N x N), b_z; gates i, f, o each W (N x M), R (N x N), b (N); peepholes p_i, p_f, p_o (N).
# 4N(M + N + 1) + 3N.
@_export
def h27d_korodyssey_lstm(M=7, N=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            for g in "zifo":
                setattr(self, "W_" + g, _p(N, M))
                setattr(self, "R_" + g, _p(N, N))
                setattr(self, "b_" + g, _p(N))
            self.p_i, self.p_f, self.p_o = _p(N), _p(N), _p(N)

        def forward(self, x, y, c):
            z = torch.tanh(self.W_z @ x + self.R_z @ y + self.b_z)
            i = torch.sigmoid(self.W_i @ x + self.R_i @ y + self.p_i * c + self.b_i)
            f = torch.sigmoid(self.W_f @ x + self.R_f @ y + self.p_f * c + self.b_f)
            c = z * i + c * f
            o = torch.sigmoid(self.W_o @ x + self.R_o @ y + self.p_o * c + self.b_o)
            return torch.tanh(c) * o, c

    return Cell()


def _concat_gru(x, h):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_r, self.b_r = _p(h, h + x), _p(h)
            self.W_z, self.b_z = _p(h, h + x), _p(h)
            self.W_h, self.b_h = _p(h, h + x), _p(h)

        def forward(self, xt, hp):
            v = torch.cat([hp, xt])
            r = torch.sigmoid(self.W_r @ v + self.b_r)
            z = torch.sigmoid(self.W_z @ v + self.b_z)
            ht = torch.tanh(self.W_h @ torch.cat([r * hp, xt]) + self.b_h)
            return (1 - z) * hp + z * ht

    return Cell()


# stored file id 53320144161 (finance deep-learning notes, 5. GRU). W_r, W_z, W_h each h x (h + x) on
# [h_{t-1}; x_t], biases b_r, b_z, b_h. 3(h(h + x) + h).
@_export
def h27d_finml_gru(x=7, h=5):
    return _concat_gru(x, h)


# stored file id 53320144161 (4.3 Peephole Connections), marked refuse (no candidate given). Plausible reading:
# a full peephole LSTM, W_f, W_i, W_o, W_c each h x (h + x) with biases, diagonal peepholes W_pf, W_pi, W_po (h).
# 4(h(h + x) + h) + 3h.
@_export
def h27d_finml_peephole(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            for g in "fioc":
                setattr(self, "W_" + g, _p(h, h + x))
                setattr(self, "b_" + g, _p(h))
            self.W_pf, self.W_pi, self.W_po = _p(h), _p(h), _p(h)

        def forward(self, xt, hp, cp):
            v = torch.cat([hp, xt])
            f = torch.sigmoid(self.W_f @ v + self.W_pf * cp + self.b_f)
            i = torch.sigmoid(self.W_i @ v + self.W_pi * cp + self.b_i)
            c = f * cp + i * torch.tanh(self.W_c @ v + self.b_c)
            o = torch.sigmoid(self.W_o @ v + self.W_po * c + self.b_o)
            return o * torch.tanh(c), c

    return Cell()


# stored file id 53938243282 (LSTM/GRU notes, GRU Equations). W_z, W_r, W_h each h x (h + d) on
# [h_{t-1}, x_t], biases b_z, b_r, b_h. 3h^2 + 3hd + 3h.
@_export
def h27d_dlnotes_gru(d=7, h=5):
    return _concat_gru(d, h)


# stored file id 52402712457 (xLSTM stock README), marked refuse (q, k, v, o, i', f' never defined).
# Plausible reading: per-step mLSTM with q, k, v, o projections W (d x x) + b (d), scalar gates i', f' from
# w (x) + b. 4(dx + d) + 2(x + 1).
@_export
def h27d_xlstmstock_mlstm(d=5, x=7):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            for g in "qkvo":
                setattr(self, "W_" + g, _p(d, x))
                setattr(self, "b_" + g, _p(d))
            self.w_i, self.b_i = _p(x), _p(1)
            self.w_f, self.b_f = _p(x), _p(1)

        def forward(self, xt, C, n):
            q = self.W_q @ xt + self.b_q
            k = self.W_k @ xt + self.b_k
            v = self.W_v @ xt + self.b_v
            o = torch.sigmoid(self.W_o @ xt + self.b_o)
            i = torch.exp(self.w_i @ xt + self.b_i)
            f = torch.exp(self.w_f @ xt + self.b_f)
            C = f * C + i * torch.outer(v, k)
            n = f * n + i * k
            h = o * (C @ q) / torch.clamp((n @ q).abs(), min=1.0)
            return h, C, n

    return Cell()


# stored file id 66075307471 (crime ConvLSTM spec), marked refuse (kernel size, hidden channels not given).
# Plausible reading: 3x3 kernels, x input channels, h hidden channels, per-channel peepholes W_ci, W_cf, W_co (h),
# biases b (h). 4(9h(x + h) + h) + 3h.
@_export
def h27d_crimeconv_convlstm(x=5, h=8):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.Wx = nn.Conv2d(x, 4 * h, 3, padding=1, bias=False)
            self.Wh = nn.Conv2d(h, 4 * h, 3, padding=1, bias=False)
            self.b = _p(4 * h)
            self.W_ci, self.W_cf, self.W_co = _p(h, 1, 1), _p(h, 1, 1), _p(h, 1, 1)

        def forward(self, X, H, C):
            g = self.Wx(X) + self.Wh(H) + self.b.view(1, -1, 1, 1)
            gi, gf, gc, go = g.chunk(4, 1)
            i = torch.sigmoid(gi + self.W_ci * C)
            f = torch.sigmoid(gf + self.W_cf * C)
            C = f * C + i * torch.tanh(gc)
            o = torch.sigmoid(go + self.W_co * C)
            return o * torch.tanh(C), C

    return Cell()


# stored file id 71394458641 (linear attention research notes, minGRU bullet). z_t = sigma(Lin(x_t)) and
# h~_t = Lin(x_t), two separate affine maps x -> h with bias (the guess). 2(hx + h).
@_export
def h27d_linattnnotes_mingru(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.lin_z = nn.Linear(x, h)
            self.lin_h = nn.Linear(x, h)

        def forward(self, xt, hp):
            z = torch.sigmoid(self.lin_z(xt))
            return (1 - z) * hp + z * self.lin_h(xt)

    return Cell()


# stored file id 31562430466 (LaTeX report, LSTM). Row-vector convention [x, h] . W: W_i, W_f, W_o, W_c each
# (x + h) x h, biases b_i, b_f, b_o, b_c (h). 4(h(x + h) + h).
@_export
def h27d_memxbar_lstm(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            for g in "ifoc":
                setattr(self, "W_" + g, _p(x + h, h))
                setattr(self, "b_" + g, _p(h))

        def forward(self, xt, hp, cp):
            v = torch.cat([xt, hp])
            i = torch.sigmoid(v @ self.W_i + self.b_i)
            f = torch.sigmoid(v @ self.W_f + self.b_f)
            o = torch.sigmoid(v @ self.W_o + self.b_o)
            ct = torch.tanh(v @ self.W_c + self.b_c)
            c = f * cp + i * ct
            return o * torch.tanh(c), c

    return Cell()


# stored file id 31562430466 (LaTeX report, encoder GRU). W_z, W_r each (x + h) x h with b_z, b_r; candidate
# W_hx (x x h), W_hh (h x h), b_h. 2(h(x + h) + h) + h(x + h) + h = 3(h(x + h) + h).
@_export
def h27d_memxbar_gru(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_z, self.b_z = _p(x + h, h), _p(h)
            self.W_r, self.b_r = _p(x + h, h), _p(h)
            self.W_hx, self.W_hh, self.b_h = _p(x, h), _p(h, h), _p(h)

        def forward(self, xt, hp):
            v = torch.cat([xt, hp])
            z = torch.sigmoid(v @ self.W_z + self.b_z)
            r = torch.sigmoid(v @ self.W_r + self.b_r)
            hh = torch.tanh(xt @ self.W_hx + (r * hp) @ self.W_hh + self.b_h)
            return (1 - z) * hp + z * hh

    return Cell()


# stored file id 70091925551 (course module, Diagonal, complex and stable), marked refuse. Plausible reading:
# an LRU layer with N modes, nu (N), theta (N) and a complex input matrix B~ (N x x, stored as real and imaginary
# parts); gamma is computed from lambda. 2N + 2Nx.
@_export
def h27d_rnnmodule_lru(N=5, x=7):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.nu, self.theta = _p(N), _p(N)
            self.B_re, self.B_im = _p(N, x), _p(N, x)

        def forward(self, xt, hp):
            lam = torch.exp(torch.complex(-torch.exp(self.nu), self.theta))
            gamma = torch.sqrt(1 - lam.abs() ** 2)
            B = torch.complex(self.B_re, self.B_im)
            return lam * hp + gamma * (B @ xt.to(B.dtype))

    return Cell()
