import torch
from torch import nn

__all__ = []


def _export(f):
    __all__.append(f.__name__)
    return f


def _p(*shape):
    return nn.Parameter(torch.randn(*shape) * 0.1)


# stored file id 14628962089 (Markdown paper note "# Independently Recurrent Neural Network", Li et al.
# 2018). h_t = sigma(W x_t + u (.) h_{t-1} + b): W (h x x), recurrent vector u (h), bias b (h).
# Count: h*x + 2h.
@_export
def h22d_indrnnnote_indrnn(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W, self.u, self.b = _p(h, x), _p(h), _p(h)

        def forward(self, xt, hp):
            return torch.sigmoid(self.W @ xt + self.u * hp + self.b)

    return Cell()


# viktor-shcherb/msc_thesis references/2024-05-mamba-selective-state-spaces/sections/03b (Mamba S6,
# Algorithm 2), marked refuse. Most plausible reading (the reference code): A (D x N) Parameter;
# s_B, s_C = Linear_N without bias (N x D each); s_Delta = Broadcast_D(Linear_1(x)) without bias (1 x D);
# the Delta "Parameter" a bias of size D. Count: 3*D*N + 2*D (with Linear biases: + 2N + 1).
@_export
def h22d_mscthesis_mamba_s6(D=7, N=5):
    class S6(nn.Module):
        def __init__(self):
            super().__init__()
            self.A = _p(D, N)
            self.W_B, self.W_C = _p(N, D), _p(N, D)
            self.W_dt = _p(1, D)
            self.dt_bias = _p(D)

        def forward(self, xt, hp):
            # xt: (D,), hp: (D, N)
            B = self.W_B @ xt
            C = self.W_C @ xt
            dt = nn.functional.softplus(self.dt_bias + (self.W_dt @ xt).expand(D))
            Abar = torch.exp(dt[:, None] * self.A)
            Bbar = dt[:, None] * B[None, :]
            h = Abar * hp + Bbar * xt[:, None]
            return h @ C, h

    return S6()


# mkschleg/hugo-website-source content/braindump/goudreau1994_... (paper note on Goudreau et al. 1994),
# first-order single-layer RNN: h^t_i = g(sum_{j=1}^{M+N} W_ij z^t_j), z^t = [x^t; h^{t-1}], x in R^N,
# h in R^M. One weight W (M x (N+M)), no bias. Count: M*(N+M).
@_export
def h22d_schlegel_firstorder_rnn(N=7, M=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W = _p(M, N + M)

        def forward(self, xt, hp):
            z = torch.cat([xt, hp])
            return (self.W @ z > 0).float()

    return Cell()


# mkschleg/hugo-website-source content/braindump/wu2016_... (multiplicative integration block), marked
# refuse. Most plausible reading: the block updates the state z, so W (z x x), U (z x z), b (z).
# Count: z*x + z*z + z.
@_export
def h22d_schlegel_mi_block(x=7, z=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W, self.U, self.b = _p(z, x), _p(z, z), _p(z)

        def forward(self, xt, zp):
            return torch.tanh((self.W @ xt) * (self.U @ zp) + self.b)

    return Cell()


# stored file id 52688129542 (Chinese translation of Sak, Senior & Beaufays 2014, section 2.1).
# Gates i, f, o and cell input: W_{*x} (m x x) x4, W_{*m} (m x m) x4, diagonal peepholes W_ic, W_fc, W_oc
# (vectors of size m, as the prose says), biases b_i, b_f, b_c, b_o (m); output layer in the same block:
# W_ym (y x m), b_y (y). Count: 4m(x + m + 1) + 3m + y*m + y.
@_export
def h22d_sakzh_peephole_lstm(x=7, m=5, y=3):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            for g in "ifco":
                setattr(self, f"W_{g}x", _p(m, x))
                setattr(self, f"W_{g}m", _p(m, m))
                setattr(self, f"b_{g}", _p(m))
            self.W_ic, self.W_fc, self.W_oc = _p(m), _p(m), _p(m)
            self.W_ym, self.b_y = _p(y, m), _p(y)

        def forward(self, xt, state):
            mp, cp = state
            i = torch.sigmoid(self.W_ix @ xt + self.W_im @ mp + self.W_ic * cp + self.b_i)
            f = torch.sigmoid(self.W_fx @ xt + self.W_fm @ mp + self.W_fc * cp + self.b_f)
            c = f * cp + i * torch.tanh(self.W_cx @ xt + self.W_cm @ mp + self.b_c)
            o = torch.sigmoid(self.W_ox @ xt + self.W_om @ mp + self.W_oc * c + self.b_o)
            mt = o * torch.tanh(c)
            yt = torch.softmax(self.W_ym @ mt + self.b_y, dim=0)
            return yt, (mt, c)

    return Cell()


# stored file id 55541577960 (wiki page on Griffin, section Method), RG-LRU. x and h share the size D
# (h_t = ... + sqrt(1 - a_t^2) (.) (i_t (.) x_t)). W_r, W_i (D x D), b_r, b_i (D), Lambda (D); c = 8 is a
# constant. Count: 2*D*D + 3*D.
@_export
def h22d_griffinwiki_rglru(x=6, h=6):
    assert x == h
    D = h

    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_r, self.b_r = _p(D, D), _p(D)
            self.W_i, self.b_i = _p(D, D), _p(D)
            self.Lambda = _p(D)

        def forward(self, xt, hp):
            r = torch.sigmoid(self.W_r @ xt + self.b_r)
            i = torch.sigmoid(self.W_i @ xt + self.b_i)
            a = torch.sigmoid(self.Lambda)
            at = a ** (8.0 * r)
            return at * hp + torch.sqrt(1 - at ** 2) * (i * xt)

    return Cell()


# viktor-shcherb/msc_thesis references/2023-12-rwkv-.../sections/02_background.md (RWKV paper, 2.1, eqs 1-6):
# standard LSTM with one bias per gate: W_f, W_i, W_o, W_c (h x x), U_f, U_i, U_o, U_c (h x h),
# b_f, b_i, b_o, b_c (h). Count: 4h(x + h + 1).
@_export
def h22d_mscthesis_rwkvbg_lstm(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            for g in "fioc":
                setattr(self, f"W_{g}", _p(h, x))
                setattr(self, f"U_{g}", _p(h, h))
                setattr(self, f"b_{g}", _p(h))

        def forward(self, xt, state):
            hp, cp = state
            pre = {g: getattr(self, f"W_{g}") @ xt + getattr(self, f"U_{g}") @ hp + getattr(self, f"b_{g}")
                   for g in "fioc"}
            f, i, o = (torch.sigmoid(pre[g]) for g in "fio")
            c = f * cp + i * torch.tanh(pre["c"])
            return o * torch.tanh(c), c

    return Cell()


# viktor-shcherb/msc_thesis references/2024-07-mamba-2-.../sections/02a (Mamba-2 paper, 2.1, LTI form (1)):
# scalar input x_t, state h in R^N: A (N x N), B (N x 1), C (N x 1). Count: N*N + 2N.
@_export
def h22d_mscthesis_mamba2_lti_ssm(N=5):
    class SSM(nn.Module):
        def __init__(self):
            super().__init__()
            self.A, self.B, self.C = _p(N, N), _p(N, 1), _p(N, 1)

        def forward(self, xt, hp):
            # xt: (1,), hp: (N,)
            h = self.A @ hp + (self.B @ xt.reshape(1))
            return (self.C.T @ h), h

    return SSM()


# mkschleg/hugo-website-source content/braindump/goudreau1994_... (second-order RNN):
# h^t_i = g(sum_{j=1}^{M} sum_{k=1}^{N} W_ijk x^t_j h^{t-1}_k), g a hard limiter without parameters.
# From the sum limits x has M entries and h has N, so W is N x M x N. Count: N*M*N.
@_export
def h22d_schlegel_secondorder_rnn(M=7, N=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W = _p(N, M, N)

        def forward(self, xt, hp):
            return (torch.einsum("ijk,j,k->i", self.W, xt, hp) > 0).float()

    return Cell()
