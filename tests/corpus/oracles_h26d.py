import torch
from torch import nn

__all__ = []


def _export(f):
    __all__.append(f.__name__)
    return f


def _p(*shape):
    return nn.Parameter(torch.randn(*shape) * 0.1)


# stored file id 13206984950, MIR tutorial "### Gated recurrent units" (Markdown).
# GRU with reset r, update u (u keeps h_{t-1}): W_r, W_u, W_h in R^{x->h}, U_r, U_u, U_h in R^{h x h},
# b_r, b_u, b_h in R^h.  count = 3*(x*h + h*h + h)
@_export
def h26d_mirtut_gru(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_r, self.W_u, self.W_h = _p(h, x), _p(h, x), _p(h, x)
            self.U_r, self.U_u, self.U_h = _p(h, h), _p(h, h), _p(h, h)
            self.b_r, self.b_u, self.b_h = _p(h), _p(h), _p(h)

        def forward(self, xt, hp):
            r = torch.sigmoid(xt @ self.W_r.T + hp @ self.U_r.T + self.b_r)
            u = torch.sigmoid(xt @ self.W_u.T + hp @ self.U_u.T + self.b_u)
            hh = torch.tanh(xt @ self.W_h.T + (r * hp) @ self.U_h.T + self.b_h)
            return u * hp + (1 - u) * hh

    return Cell()


# stored file id 58555469233, Chinese translation of the DSIN paper, 会话兴趣交互层 (Markdown).
# Bi-LSTM (options: bidirectional) of a peephole LSTM where i, f, o, c (and so h) all have the size
# of the input I_t; peepholes W_ci, W_cf, W_co written as matrices ("shapes given by the subscripts").
# per direction: i: W_xi, W_hi, W_ci, b_i; f: W_xf, W_hf, W_cf, b_f; c: W_xc, W_hc, b_c; o: W_xo, W_ho, W_co, b_o
# count per direction = 11*I^2 + 4*I; total = 2*(11*I^2 + 4*I)
@_export
def h26d_dsin_zh_peephole(I=6):
    d = I

    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_xi, self.W_hi, self.W_ci, self.b_i = _p(d, d), _p(d, d), _p(d, d), _p(d)
            self.W_xf, self.W_hf, self.W_cf, self.b_f = _p(d, d), _p(d, d), _p(d, d), _p(d)
            self.W_xc, self.W_hc, self.b_c = _p(d, d), _p(d, d), _p(d)
            self.W_xo, self.W_ho, self.W_co, self.b_o = _p(d, d), _p(d, d), _p(d, d), _p(d)

        def forward(self, It, hp, cp):
            i = torch.sigmoid(It @ self.W_xi.T + hp @ self.W_hi.T + cp @ self.W_ci.T + self.b_i)
            f = torch.sigmoid(It @ self.W_xf.T + hp @ self.W_hf.T + cp @ self.W_cf.T + self.b_f)
            c = f * cp + i * torch.tanh(It @ self.W_xc.T + hp @ self.W_hc.T + self.b_c)
            o = torch.sigmoid(It @ self.W_xo.T + hp @ self.W_ho.T + c @ self.W_co.T + self.b_o)
            return o * torch.tanh(c), c

    class BiCell(nn.Module):
        def __init__(self):
            super().__init__()
            self.fwd, self.bwd = Cell(), Cell()

        def forward(self, It, hp, cp):
            hf, cf = self.fwd(It, hp, cp)
            hb, cb = self.bwd(It, hp, cp)
            return torch.cat([hf, hb], -1), (cf, cb)

    return BiCell()


# stored file id 46852776865, handwriting-synthesis blog, LSTM with peepholes (Markdown). REFUSE snippet.
# Most plausible reading (the code's): 4 input matrices W_x* (h x x), 4 recurrent W_h* (h x h),
# 4 biases, and diagonal peepholes w_ci, w_cf, w_co (vectors of h).  count = 4*(x*h + h*h + h) + 3*h
@_export
def h26d_hwblog_peephole(x=3, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_xi, self.W_xf, self.W_xc, self.W_xo = _p(h, x), _p(h, x), _p(h, x), _p(h, x)
            self.W_hi, self.W_hf, self.W_hc, self.W_ho = _p(h, h), _p(h, h), _p(h, h), _p(h, h)
            self.b_i, self.b_f, self.b_c, self.b_o = _p(h), _p(h), _p(h), _p(h)
            self.w_ci, self.w_cf, self.w_co = _p(h), _p(h), _p(h)

        def forward(self, xt, hp, cp):
            i = torch.sigmoid(xt @ self.W_xi.T + hp @ self.W_hi.T + self.w_ci * cp + self.b_i)
            f = torch.sigmoid(xt @ self.W_xf.T + hp @ self.W_hf.T + self.w_cf * cp + self.b_f)
            c = f * cp + i * torch.tanh(xt @ self.W_xc.T + hp @ self.W_hc.T + self.b_c)
            o = torch.sigmoid(xt @ self.W_xo.T + hp @ self.W_ho.T + self.w_co * c + self.b_o)
            return o * torch.tanh(c), c

    return Cell()


# stored file id 34312336634, pcLSTMCell docstring (rst math).
# Peephole LSTM with torch-style double biases: per gate W_i* (h x x), W_h* (h x h), b_i*, b_h*;
# peepholes W_ci, W_cf, W_co read as full h x h matrices (o also peeks at c_{t-1}).
# count = 4*(x*h + h*h + 2*h) + 3*h*h
@_export
def h26d_pclstm_peephole(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            for g in "ifgo":
                setattr(self, "W_i" + g, _p(h, x))
                setattr(self, "W_h" + g, _p(h, h))
                setattr(self, "b_i" + g, _p(h))
                setattr(self, "b_h" + g, _p(h))
            self.W_ci, self.W_cf, self.W_co = _p(h, h), _p(h, h), _p(h, h)

        def _pre(self, g, xt, hp):
            return (xt @ getattr(self, "W_i" + g).T + getattr(self, "b_i" + g)
                    + hp @ getattr(self, "W_h" + g).T + getattr(self, "b_h" + g))

        def forward(self, xt, hp, cp):
            i = torch.sigmoid(self._pre("i", xt, hp) + cp @ self.W_ci.T)
            f = torch.sigmoid(self._pre("f", xt, hp) + cp @ self.W_cf.T)
            g = torch.tanh(self._pre("g", xt, hp))
            o = torch.sigmoid(self._pre("o", xt, hp) + cp @ self.W_co.T)
            c = f * cp + i * g
            return o * torch.tanh(c), c

    return Cell()


# stored file id 58078892817, sLSTM/mLSTM module docstring (rst). REFUSE snippet (no gate equations).
# Most plausible reading (the module's own sLSTM): z, i, f, o from W (4h x x), R (4h x h), b (4h).
# count = 4*(x*h + h*h + h)
@_export
def h26d_xlstmdoc_slstm(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W, self.R, self.b = _p(4 * h, x), _p(4 * h, h), _p(4 * h)

        def forward(self, xt, hp, cp, np_):
            z, i, f, o = (xt @ self.W.T + hp @ self.R.T + self.b).chunk(4, -1)
            i, f, o, z = torch.exp(i), torch.sigmoid(f), torch.sigmoid(o), torch.tanh(z)
            c = f * cp + i * z
            n = f * np_ + i
            return o * c / n, c, n

    return Cell()


# https://hexdocs.pm/edifice/Edifice.Recurrent.SLSTM.md, sLSTM equations (Markdown inline code).
# W_i, W_f, W_z, W_o (h x x), R_i, R_f, R_z, R_o (h x h, read as full matrices), b_i, b_f, b_z, b_o.
# count = 4*(x*h + h*h + h)
@_export
def h26d_edifice_slstm(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            for g in "ifzo":
                setattr(self, "W_" + g, _p(h, x))
                setattr(self, "R_" + g, _p(h, h))
                setattr(self, "b_" + g, _p(h))

        def _pre(self, g, xt, hp):
            return xt @ getattr(self, "W_" + g).T + hp @ getattr(self, "R_" + g).T + getattr(self, "b_" + g)

        def forward(self, xt, hp, cp, np_, mp):
            log_i, log_f = self._pre("i", xt, hp), self._pre("f", xt, hp)
            z = torch.tanh(self._pre("z", xt, hp))
            o = torch.sigmoid(self._pre("o", xt, hp))
            m = torch.maximum(log_f + mp, log_i)
            i_, f_ = torch.exp(log_i - m), torch.exp(log_f + mp - m)
            c = f_ * cp + i_ * z
            n = f_ * np_ + i_
            return o * (c / torch.clamp(n.abs(), min=1.0)), c, n, m

    return Cell()


# stored file id 57908419555, Chinese Mamba notes, 4.1 S4 -> S6 (Markdown). REFUSE snippet.
# Most plausible reading (no biases in Linear_N / Linear_1): A (D x N), W_B (N x D), W_C (N x D),
# w_delta (1 x D), Parameter (D), skip D (D).  count = 3*D*N + 3*D
@_export
def h26d_mambazh_s6(D=6, N=4):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.A = _p(D, N)
            self.W_B, self.W_C = _p(N, D), _p(N, D)
            self.w_delta = _p(1, D)
            self.delta_param = _p(D)
            self.D_skip = _p(D)

        def forward(self, xt, hp):
            # xt: (B, D); hp: (B, D, N)
            Bt, Ct = xt @ self.W_B.T, xt @ self.W_C.T
            delta = nn.functional.softplus(self.delta_param + (xt @ self.w_delta.T).expand(-1, D))
            dA = torch.exp(delta.unsqueeze(-1) * self.A)
            ht = dA * hp + (delta.unsqueeze(-1) * Bt.unsqueeze(1)) * xt.unsqueeze(-1)
            yt = (ht * Ct.unsqueeze(1)).sum(-1) + self.D_skip * xt
            return yt, ht

    return Cell()


# stored file id 13206984950, MIR tutorial "### Recurrent networks" (Markdown).
# Elman RNN with output layer: W_h (h x x), U (h x h), b_h (h), W_y (y x h), b_y (y).
# count = x*h + h*h + h + h*y + y
@_export
def h26d_mirtut_rnn(x=7, h=5, y=3):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_h, self.U, self.b_h = _p(h, x), _p(h, h), _p(h)
            self.W_y, self.b_y = _p(y, h), _p(y)

        def forward(self, xt, hp):
            ht = torch.tanh(xt @ self.W_h.T + hp @ self.U.T + self.b_h)
            return torch.sigmoid(ht @ self.W_y.T + self.b_y), ht

    return Cell()


# stored file id 34312336634, GRUCell docstring (rst math), torch-style GRU with double biases.
# W_ir, W_iz, W_in (h x x), W_hr, W_hz, W_hn (h x h), b_i*, b_h* (h each).  count = 3*(x*h + h*h + 2*h)
@_export
def h26d_pclstm_gru(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            for g in "rzn":
                setattr(self, "W_i" + g, _p(h, x))
                setattr(self, "W_h" + g, _p(h, h))
                setattr(self, "b_i" + g, _p(h))
                setattr(self, "b_h" + g, _p(h))

        def forward(self, xt, hp):
            def a(g):
                return xt @ getattr(self, "W_i" + g).T + getattr(self, "b_i" + g)

            def b(g):
                return hp @ getattr(self, "W_h" + g).T + getattr(self, "b_h" + g)

            r = torch.sigmoid(a("r") + b("r"))
            z = torch.sigmoid(a("z") + b("z"))
            n = torch.tanh(a("n") + r * b("n"))
            return (1 - z) * n + z * hp

    return Cell()


# stored file id 57908419555, Chinese Mamba notes, LSTM shown for comparison (Markdown).
# W_f, W_i, W_o, W_c (h x x), U_f, U_i, U_o, U_c (h x h), b_f, b_i, b_o, b_c.  count = 4*(x*h + h*h + h)
@_export
def h26d_mambazh_lstm(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            for g in "fioc":
                setattr(self, "W_" + g, _p(h, x))
                setattr(self, "U_" + g, _p(h, h))
                setattr(self, "b_" + g, _p(h))

        def _pre(self, g, xt, hp):
            return xt @ getattr(self, "W_" + g).T + hp @ getattr(self, "U_" + g).T + getattr(self, "b_" + g)

        def forward(self, xt, hp, cp):
            f = torch.sigmoid(self._pre("f", xt, hp))
            i = torch.sigmoid(self._pre("i", xt, hp))
            o = torch.sigmoid(self._pre("o", xt, hp))
            ct = torch.tanh(self._pre("c", xt, hp))
            c = f * cp + i * ct
            return o * torch.tanh(c), c

    return Cell()


# stored file id 58795283090, EXAMM notes, UGRNN (Markdown).
# W_h, W_z (h x x), U_h, U_z (h x h), b_h, b_z.  count = 2*(x*h + h*h + h)
@_export
def h26d_examm_ugrnn(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_h, self.U_h, self.b_h = _p(h, x), _p(h, h), _p(h)
            self.W_z, self.U_z, self.b_z = _p(h, x), _p(h, h), _p(h)

        def forward(self, xt, hp):
            ht = torch.tanh(xt @ self.W_h.T + hp @ self.U_h.T + self.b_h)
            z = torch.sigmoid(xt @ self.W_z.T + hp @ self.U_z.T + self.b_z)
            return (1 - z) * hp + z * ht

    return Cell()


# stored file id 58795283090, EXAMM notes, MGU (Markdown).
# W_f, W_h (h x x), U_f, U_h (h x h), b_f, b_h.  count = 2*(x*h + h*h + h)
@_export
def h26d_examm_mgu(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_f, self.U_f, self.b_f = _p(h, x), _p(h, h), _p(h)
            self.W_h, self.U_h, self.b_h = _p(h, x), _p(h, h), _p(h)

        def forward(self, xt, hp):
            f = torch.sigmoid(xt @ self.W_f.T + hp @ self.U_f.T + self.b_f)
            ht = torch.tanh(xt @ self.W_h.T + (f * hp) @ self.U_h.T + self.b_h)
            return (1 - f) * hp + f * ht

    return Cell()
