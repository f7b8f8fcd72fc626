import torch
from torch import nn

__all__ = []


def _export(f):
    __all__.append(f.__name__)
    return f


def _p(*shape):
    return nn.Parameter(torch.randn(*shape) * 0.1)


# stored file id 66138242361 (TiRex paper summary, sLSTM Eq. 3-9). W_z, W_i, W_f, W_o (d x d_in);
# R_z, R_i, R_f, R_o "in R^{d x d}" but block-diagonal over N_h = 4 heads, "reducing parameter
# count to d^2 / N_h" each: stored as (N_h, d/N_h, d/N_h) blocks; biases b_z, b_i, b_f, b_o (d).
# Count 4*d*d_in + 4*(d^2/4) + 4*d = 4 d d_in + d^2 + 4d.
@_export
def h29d_tirexnote_slstm(d=8, d_in=5):
    nh = 4

    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            for g in "zifo":
                setattr(self, "W_" + g, _p(d, d_in))
                setattr(self, "R_" + g, _p(nh, d // nh, d // nh))
                setattr(self, "b_" + g, _p(d))

        def _R(self, g, h):
            return torch.block_diag(*getattr(self, "R_" + g)) @ h

        def forward(self, x, state):
            h, c, n = state
            pre = {g: getattr(self, "W_" + g) @ x + self._R(g, h) + getattr(self, "b_" + g) for g in "zifo"}
            z = torch.tanh(pre["z"])
            i = torch.exp(pre["i"])
            f = torch.exp(pre["f"])
            o = torch.sigmoid(pre["o"])
            c = f * c + i * z
            n = f * n + i
            h = o * (c / n)
            return h, (h, c, n)

    return Cell()


# stored file id 58869251164 (LinOSS paper, eq. (1)). y'' = -A y + B u + b, x = C y + D u.
# A is "a diagonal matrix" (m entries), B (m x p), C (q x m), D (q x p), b (m). The time step
# of the discretization is a fixed hyperparameter (one IMEX step with dt = 0.5 in forward).
# Count m + m p + q m + q p + m.
@_export
def h29d_linosspaper_linoss(m=5, p=3, q=4):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.A = _p(m)
            self.B = _p(m, p)
            self.C = _p(q, m)
            self.D = _p(q, p)
            self.b = _p(m)

        def forward(self, u, state, dt=0.5):
            y, z = state
            z = z + dt * (-self.A * y + self.B @ u + self.b)
            y = y + dt * z
            x = self.C @ y + self.D @ u
            return x, (y, z)

    return Cell()


# fumishiki/zenn articles/ml-lecture-16-part1.md, 3.1: dh/dt = A h + B u, y = C h + D u with
# u scalar, A in R^{d x d}, B in R^{d x 1}, C in R^{1 x d}, D in R (listed, "usually 0").
# Count d^2 + d + d + 1. Forward: one Euler step of size 1.
@_export
def h29d_zennssm_lti(d=6):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.A = _p(d, d)
            self.B = _p(d, 1)
            self.C = _p(1, d)
            self.D = _p(1, 1)

        def forward(self, u, h, dt=1.0):
            u = u.reshape(1)
            h = h + dt * (self.A @ h + self.B @ u)
            y = self.C @ h + self.D @ u
            return y, h

    return Cell()


# stored file id 57612375487 (Meta-Mamba, 3.4.2-3.4.3). [~Delta; B_t; C_t] = W_x u_t + b_x with
# W_x in R^{(d_Delta + 2 d_S) x d_inner}, b_x (d_Delta + 2 d_S); Delta_t = softplus(W_Delta ~Delta_t)
# in R^{d_inner} forces W_Delta (d_inner x d_Delta, no bias written); A = -exp(A_log) in
# R^{d_inner x d_S} learnable. Count (d_Delta + 2 d_S)(d_inner + 1) + d_inner d_Delta + d_inner d_S.
@_export
def h29d_metamamba_s6(d_inner=32, d_Delta=2, d_S=16):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_x = _p(d_Delta + 2 * d_S, d_inner)
            self.b_x = _p(d_Delta + 2 * d_S)
            self.W_Delta = _p(d_inner, d_Delta)
            self.A_log = _p(d_inner, d_S)

        def forward(self, u, h):
            proj = self.W_x @ u + self.b_x
            dt_, B, C = proj[:d_Delta], proj[d_Delta:d_Delta + d_S], proj[d_Delta + d_S:]
            delta = nn.functional.softplus(self.W_Delta @ dt_)
            A = -torch.exp(self.A_log)
            A_bar = torch.exp(delta[:, None] * A)
            B_bar = delta[:, None] * B[None, :]
            h = A_bar * h + B_bar * u[:, None]
            y = C[None, :] * h
            return y, h

    return Cell()


# stored file id 59877673080 (Hebrew xLSTM chapter). Marked refuse: only an sLSTM forget gate
# f_t = exp(-exp(w_f h_{t-1} + r_f x_t + b_f)) is written. Most plausible reading: a full sLSTM with
# gates z, i, f, o each W (h x x), R (h x h), b (h). Count 4(h x + h^2 + h).
@_export
def h29d_hebxlstm_slstm(x=5, h=7):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W = _p(4 * h, x)
            self.R = _p(4 * h, h)
            self.b = _p(4 * h)

        def forward(self, xt, state):
            hp, c, n = state
            z, i, f, o = (self.W @ xt + self.R @ hp + self.b).chunk(4)
            z, i, o = torch.tanh(z), torch.exp(i), torch.sigmoid(o)
            f = torch.exp(-torch.exp(f))
            c = f * c + i * z
            n = f * n + i
            hn = o * c / n
            return hn, (hn, c, n)

    return Cell()


# stored file id 60691096061 (C++ HGRNCell comment). Marked refuse: HGRN-1 and HGRN-2 (optional
# output gate W_o, b_o, b_o given a matrix shape) in one block. Most plausible reading: HGRN-1,
# W_f, W_i, W_z (d_in x d_hidden) and b_f, b_i, b_z (d_hidden). Count 3 (d_in d_hidden + d_hidden).
@_export
def h29d_hgrncpp_hgrn(d_in=5, d_hidden=7):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            for g in "fiz":
                setattr(self, "W_" + g, _p(d_in, d_hidden))
                setattr(self, "b_" + g, _p(d_hidden))

        def forward(self, x, c):
            f = torch.sigmoid(x @ self.W_f + self.b_f)
            i = torch.sigmoid(x @ self.W_i + self.b_i)
            z = torch.tanh(x @ self.W_z + self.b_z)
            c = f * c + i * z
            return c, c

    return Cell()


# stored file id 59452871457 (Autoneuro report, 3.1 Integrator). alpha_t, beta_t scalar gates
# (w_alpha, w_beta in R^x, scalar b_alpha, b_beta); W_1, W_2 (h x x), b_1, b_2 (h);
# z_t = [sin(h (x) f), cos(h (x) f)] with the fixed f = [1, 2, 4, 8] (not a parameter) has 8h entries;
# W_out (y x 8h), no bias. Count 2(x + 1) + 2(h x + h) + 8 h y.
@_export
def h29d_autoneuro_integrator(x=7, h=5, y=3):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.w_alpha, self.b_alpha = _p(x), _p(1)
            self.w_beta, self.b_beta = _p(x), _p(1)
            self.W_1, self.b_1 = _p(h, x), _p(h)
            self.W_2, self.b_2 = _p(h, x), _p(h)
            self.W_out = _p(y, 8 * h)
            self.register_buffer("f", torch.tensor([1.0, 2.0, 4.0, 8.0]))

        def forward(self, xt, hp):
            a = torch.sigmoid(self.w_alpha @ xt + self.b_alpha)
            b = torch.sigmoid(self.w_beta @ xt + self.b_beta)
            hn = (1 - a) * hp + a * (self.W_1 @ xt + self.b_1) + b * (self.W_2 @ xt + self.b_2)
            hf = torch.outer(hn, self.f).reshape(-1)
            z = torch.cat([torch.sin(hf), torch.cos(hf)])
            return self.W_out @ z, hn

    return Cell()


# stored file id 59452871457 (Autoneuro report, 3.3 Sensory Gating). W_g, W_z (h x x), b_g, b_z (h);
# scalar leak lambda_t from w_lambda (x) and b_lambda (1); W_out (y x h), no bias.
# Count 2(h x + h) + x + 1 + y h.
@_export
def h29d_autoneuro_sensorygate(x=7, h=5, y=3):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_g, self.b_g = _p(h, x), _p(h)
            self.W_z, self.b_z = _p(h, x), _p(h)
            self.w_lambda, self.b_lambda = _p(x), _p(1)
            self.W_out = _p(y, h)

        def forward(self, xt, hp):
            g = torch.sigmoid(self.W_g @ xt + self.b_g)
            z = g * (self.W_z @ xt + self.b_z)
            lam = torch.sigmoid(self.w_lambda @ xt + self.b_lambda)
            hn = (1 - lam) * hp + lam * z
            return self.W_out @ hn, hn

    return Cell()


# stored file id 59452871457 (Autoneuro report, 3.5 Comparator). omega_t, lambda_t scalar gates
# (w in R^x, scalar b); W_ref, W_cur (r x x), b_ref, b_cur (r); h_t averages [m_t; d_t] so h has
# 2r entries; W_out (y x 2r), no bias. Count 2(x + 1) + 2(r x + r) + 2 r y.
@_export
def h29d_autoneuro_comparator(x=7, r=4, y=3):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.w_omega, self.b_omega = _p(x), _p(1)
            self.W_ref, self.b_ref = _p(r, x), _p(r)
            self.W_cur, self.b_cur = _p(r, x), _p(r)
            self.w_lambda, self.b_lambda = _p(x), _p(1)
            self.W_out = _p(y, 2 * r)

        def forward(self, xt, state):
            rp, hp = state
            om = torch.sigmoid(self.w_omega @ xt + self.b_omega)
            rn = (1 - om) * rp + om * (self.W_ref @ xt + self.b_ref)
            c = self.W_cur @ xt + self.b_cur
            md = torch.cat([c * rn, c - rn])
            lam = torch.sigmoid(self.w_lambda @ xt + self.b_lambda)
            hn = (1 - lam) * hp + lam * md
            return self.W_out @ hn, (rn, hn)

    return Cell()


# stored file id 4740143699 (xLSTM package docstring, "sLSTM Forward Pass"). x_t, h_{t-1}, c_{t-1}
# in R^d: W_i, W_f, W_c, W_o (d x d), R_i, R_f, R_c, R_o (d x d), b_i, b_f, b_c, b_o (d).
# Count 8 d^2 + 4 d.
@_export
def h29d_xlstmdoc_slstm(d=6):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            for g in "ifco":
                setattr(self, "W_" + g, _p(d, d))
                setattr(self, "R_" + g, _p(d, d))
                setattr(self, "b_" + g, _p(d))

        def forward(self, x, state):
            h, c, n = state
            z = {g: getattr(self, "W_" + g) @ x + getattr(self, "R_" + g) @ h + getattr(self, "b_" + g) for g in "ifco"}
            i, f = torch.exp(z["i"]), torch.exp(z["f"])
            ct, o = torch.tanh(z["c"]), torch.sigmoid(z["o"])
            c = f * c + i * ct
            n = f * n + i
            h = o * (c / torch.clamp(n, min=1.0))
            return h, (h, c, n)

    return Cell()


# stored file id 4740143699 (xLSTM package docstring, "mLSTM Forward Pass"). x_t in R^d; W_q, W_k,
# W_v (d x d, no bias); scalar gates i, f from w_i, w_f (d) and scalar b_i, b_f; W_o (d x d), b_o (d).
# Count 4 d^2 + 3 d + 2.
@_export
def h29d_xlstmdoc_mlstm(d=6):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_q, self.W_k, self.W_v = _p(d, d), _p(d, d), _p(d, d)
            self.w_i, self.b_i = _p(d), _p(1)
            self.w_f, self.b_f = _p(d), _p(1)
            self.W_o, self.b_o = _p(d, d), _p(d)

        def forward(self, x, state):
            C, n = state
            q = self.W_q @ x
            k = (self.W_k @ x) / d ** 0.5
            v = self.W_v @ x
            i = torch.exp(self.w_i @ x + self.b_i)
            f = torch.exp(self.w_f @ x + self.b_f)
            o = torch.sigmoid(self.W_o @ x + self.b_o)
            C = f * C + i * torch.outer(v, k)
            n = f * n + i * k
            h = o * (C @ q) / torch.clamp((n @ q).abs(), min=1.0)
            return h, (C, n)

    return Cell()
