import torch
from torch import nn

__all__ = []


def _export(f):
    __all__.append(f.__name__)
    return f


def _p(*shape):
    return nn.Parameter(torch.randn(*shape) * 0.1)


# stored file id 36701018763 (DyNet class GRU docstring). W_z, W_r, W_h: h x (h + x) on the
# concatenation [h_{t-1}, x_t], no biases written; "initial state as parameter": a learnable h0 (h).
# 3h(h + x) + h.
@_export
def h16c_dynetgru_gru(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_z = _p(h, h + x)
            self.W_r = _p(h, h + x)
            self.W_h = _p(h, h + x)
            self.h0 = _p(h)

        def forward(self, xt, hp=None):
            if hp is None:
                hp = self.h0
            z = torch.sigmoid(self.W_z @ torch.cat([hp, xt]))
            r = torch.sigmoid(self.W_r @ torch.cat([hp, xt]))
            hh = torch.tanh(self.W_h @ torch.cat([r * hp, xt]))
            return (1 - z) * hp + z * hh

    return Cell()


# stored file id 1660360749 (PyTorch NMT class GRU docstring). Refuse: r_t is written with b_xr twice
# (one bias) while the fused zr_t line has b_xzr and b_hzr (two), and the initial state is said to be
# a parameter. One plausible reading: row vectors x_t dot W (x x h), h dot U (h x h), two biases per
# gate for z, r and the candidate, plus a learnable initial state h0 (h). 3(xh + h^2 + 2h) + h.
@_export
def h16c_torchgrunmt_gru(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            for g in ("z", "r", "h"):
                setattr(self, "W_x" + g, _p(x, h))
                setattr(self, "b_x" + g, _p(h))
                setattr(self, "U_h" + g, _p(h, h))
                setattr(self, "b_h" + g, _p(h))
            self.h0 = _p(h)

        def forward(self, xt, hp=None):
            if hp is None:
                hp = self.h0
            z = torch.sigmoid((xt @ self.W_xz + self.b_xz) + (hp @ self.U_hz + self.b_hz))
            r = torch.sigmoid((xt @ self.W_xr + self.b_xr) + (hp @ self.U_hr + self.b_hr))
            ha = torch.tanh(xt @ self.W_xh + self.b_xh + (hp @ self.U_hh + self.b_hh) * r)
            return (1 - z) * ha + z * hp

    return Cell()


# https://github.com/ROCm/MIOpen/issues/716 (comment quoting the cuDNN GRU). W_i, W_r, W_h: h x x;
# R_i, R_r, R_h: h x h; no biases written; reset gate applied to R_h h_{t-1}. 3h(x + h).
@_export
def h16c_miopen716_gru(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_i, self.W_r, self.W_h = _p(h, x), _p(h, x), _p(h, x)
            self.R_i, self.R_r, self.R_h = _p(h, h), _p(h, h), _p(h, h)

        def forward(self, xt, hp):
            i = torch.sigmoid(self.W_i @ xt + self.R_i @ hp)
            r = torch.sigmoid(self.W_r @ xt + self.R_r @ hp)
            hh = torch.tanh(self.W_h @ xt + r * (self.R_h @ hp))
            return (1 - i) * hh + i * hp

    return Cell()


# stored file id 45350267881 (T-LSTM for regression, comments). Four gates f, i, o, c with W (h x x),
# U (h x h), b (h); subspace decomposition W_d (h x h, on C_{t-1} of size h) and b_d (h); g(Delta t)
# is a fixed decay function. 4(hx + h^2 + h) + h^2 + h.
@_export
def h16c_tlstmreg_tlstm(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            for g in ("f", "i", "o", "c"):
                setattr(self, "W_" + g, _p(h, x))
                setattr(self, "U_" + g, _p(h, h))
                setattr(self, "b_" + g, _p(h))
            self.W_d = _p(h, h)
            self.b_d = _p(h)

        def forward(self, xt, hp, cp, dt=1.0):
            cs = torch.tanh(self.W_d @ cp + self.b_d)
            cs_hat = cs * (1.0 / torch.log(torch.tensor(2.7183 + dt)))
            ct_long = cp + cs
            cstar = ct_long + cs_hat
            f = torch.sigmoid(self.W_f @ xt + self.U_f @ hp + self.b_f)
            i = torch.sigmoid(self.W_i @ xt + self.U_i @ hp + self.b_i)
            o = torch.sigmoid(self.W_o @ xt + self.U_o @ hp + self.b_o)
            cc = torch.tanh(self.W_c @ xt + self.U_c @ hp + self.b_c)
            c = f * cstar + i * cc
            return o * torch.tanh(c), c

    return Cell()


# stored file id 48061786591 (omarschall RNN.__init__ docstring). W_in: h x x, W_rec: h x h, b_rec: h,
# W_out: z x h (a = phi(h), size h), b_out: z; b_in in the prose is a typo (b_* are the recurrent and
# output biases); alpha is a fixed ratio. hx + h^2 + h + zh + z.
@_export
def h16c_leakyrnn_rnn(x=7, h=5, z=3):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_in = _p(h, x)
            self.W_rec = _p(h, h)
            self.b_rec = _p(h)
            self.W_out = _p(z, h)
            self.b_out = _p(z)
            self.alpha = 0.5

        def forward(self, xt, hp):
            hn = (1 - self.alpha) * hp + self.W_rec @ torch.tanh(hp) + self.W_in @ xt + self.b_rec
            a = torch.tanh(hn)
            return self.W_out @ a + self.b_out, hn

    return Cell()

