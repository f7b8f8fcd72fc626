import torch
from torch import nn

__all__ = []


def _export(f):
    __all__.append(f.__name__)
    return f


def _p(*shape):
    return nn.Parameter(torch.randn(*shape) * 0.1)


# wangjian98/StudentRisk docs/paper_v1_zh.md, section 3.4 (Meta-Mamba S6 block; marked refuse).
# Plausible reading (after the repository's code for the unsized layers): depthwise causal Conv1d on
# d_inner channels, kernel 4, with bias (4 d_inner + d_inner); W_x ((dD + 2 dS) x d_inner)
# and b_x as written; W_Delta (d_inner x dD) without bias as written; A_log (d_inner x dS); D (d_inner);
# output Linear(d_inner -> d_inner) with bias. dD = ceil(d_inner/16), dS = 16.
# count = 5 d_inner + (dD + 2 dS)(d_inner + 1) + d_inner dD + d_inner dS + d_inner + d_inner^2 + d_inner
@_export
def h34d_metamamba_s6(d_inner=32):
    import math
    dD, dS = math.ceil(d_inner / 16), 16

    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.conv = nn.Conv1d(d_inner, d_inner, 4, padding=3, groups=d_inner)
            self.W_x, self.b_x = _p(dD + 2 * dS, d_inner), _p(dD + 2 * dS)
            self.W_Delta = _p(d_inner, dD)
            self.A_log = _p(d_inner, dS)
            self.D = _p(d_inner)
            self.out = nn.Linear(d_inner, d_inner)

        def forward(self, u_seq, h=None):
            # u_seq: (L, d_inner); returns outputs and the last state h (d_inner x dS)
            L = u_seq.shape[0]
            u = self.conv(u_seq.t().unsqueeze(0))[0, :, :L].t()
            if h is None:
                h = torch.zeros(d_inner, dS)
            A = -torch.exp(self.A_log)
            zs = []
            for t in range(L):
                proj = self.W_x @ u[t] + self.b_x
                dt_, B, C = proj[:dD], proj[dD:dD + dS], proj[dD + dS:]
                delta = torch.nn.functional.softplus(self.W_Delta @ dt_)
                h = torch.exp(delta[:, None] * A) * h + (delta[:, None] * B[None, :]) * u[t][:, None]
                y = h @ C
                zs.append(self.out(y + self.D * u[t]))
            return torch.stack(zs), h

    return Cell()


# smolix/d2l-neu chapter_recurrent-modern/mamba.md, "Input-Dependent Dynamics" (eq_selective_heads,
# eq_selective_ssm). W_Delta (H x H, row-vector u_t W), b_Delta (H), W_B (H x N), W_C (H x N), the S4D
# decay vector a (N, shared across channels as written, learned), skip d (H).
# count = H^2 + H + 2 H N + N + H
@_export
def h34d_d2lneu_selective_ssm(H=6, N=4):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_Delta, self.b_Delta = _p(H, H), _p(H)
            self.W_B, self.W_C = _p(H, N), _p(H, N)
            self.a = nn.Parameter(-torch.rand(N) - 0.1)
            self.d = _p(H)

        def forward(self, u, x):
            # u: (H,), x: (H, N) one state per channel
            delta = torch.nn.functional.softplus(u @ self.W_Delta + self.b_Delta)
            B, C = u @ self.W_B, u @ self.W_C
            x = torch.exp(delta[:, None] * self.a[None, :]) * x + (delta * u)[:, None] * B[None, :]
            y = x @ C + self.d * u
            return y, x

    return Cell()


# smolix/d2l-neu chapter_recurrent-modern/deltanet.md, "Gating and the Modern Cell" (marked refuse:
# q, k, v, alpha, beta are never given as functions of the input). Plausible reading, after the
# chapter's own language-model code: W_qkv (3d x d, no bias), W_ab (2 x d with bias: one alpha and one
# beta per head, single head). count = 3 d^2 + 2 d + 2
@_export
def h34d_d2lneu_gated_deltanet(d=6):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_qkv = _p(3 * d, d)
            self.W_ab, self.b_ab = _p(2, d), _p(2)

        def forward(self, x, S):
            q, k, v = (self.W_qkv @ x).chunk(3)
            k = k / k.norm().clamp_min(1e-6)
            alpha, beta = torch.sigmoid(self.W_ab @ x + self.b_ab)
            S = alpha * (torch.eye(d) - beta * torch.outer(k, k)) @ S + beta * torch.outer(k, v)
            return S.t() @ q, S

    return Cell()


# stored file id 62587849777 (Korean RWKV article, ### Time Mixing). W_r, W_k, W_v (k x x each), the
# token-shift mixes mu_r, mu_k, mu_v (x each, learned), time decay w and bonus u (k each); no W_o in
# the equations. count = 3 k x + 3 x + 2 k
@_export
def h34d_korwkv_timemix(x=6, k=4):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_r, self.W_k, self.W_v = _p(k, x), _p(k, x), _p(k, x)
            self.mu_r, self.mu_k, self.mu_v = _p(x), _p(x), _p(x)
            self.w, self.u = _p(k), _p(k)

        def forward(self, x_t, state):
            x_prev, a, b = state
            r = self.W_r @ (self.mu_r * x_t + (1 - self.mu_r) * x_prev)
            kk = self.W_k @ (self.mu_k * x_t + (1 - self.mu_k) * x_prev)
            v = self.W_v @ (self.mu_v * x_t + (1 - self.mu_v) * x_prev)
            wkv = (a + torch.exp(self.u + kk) * v) / (b + torch.exp(self.u + kk))
            a = torch.exp(-self.w) * a + torch.exp(kk) * v
            b = torch.exp(-self.w) * b + torch.exp(kk)
            return torch.sigmoid(r) * wkv, (x_t, a, b)

    return Cell()


# stored file id 4836463018 (Japanese xLSTM paper note, ### sLSTM). One scalar memory cell: for each of
# z, i, f, o an input weight vector w (x), a scalar recurrent weight r and a scalar bias b.
# count = 4 (x + 2)
@_export
def h34d_jaxlstmnote_slstm(x=7):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            for g in "zifo":
                setattr(self, "w_" + g, _p(x))
                setattr(self, "r_" + g, _p(1))
                setattr(self, "b_" + g, _p(1))

        def pre(self, g, x_t, h):
            return getattr(self, "w_" + g) @ x_t + getattr(self, "r_" + g) * h + getattr(self, "b_" + g)

        def forward(self, x_t, state):
            c, n, h, m = state
            z = torch.tanh(self.pre("z", x_t, h))
            it, ft = self.pre("i", x_t, h), self.pre("f", x_t, h)
            o = torch.sigmoid(self.pre("o", x_t, h))
            m_new = torch.maximum(ft + m, it)
            i_, f_ = torch.exp(it - m_new), torch.exp(ft + m - m_new)
            c = f_ * c + i_ * z
            n = f_ * n + i_
            h = o * (c / n)
            return h, (c, n, h, m_new)

    return Cell()


# stored file id 4836463018 (Japanese xLSTM paper note, ### mLSTM). W_q, W_k, W_v, W_o (d x x) with
# biases b_q, b_k, b_v, b_o (d); scalar gates from w_i, w_f (x) with scalar biases b_i, b_f.
# count = 4 (d x + d) + 2 (x + 1)
@_export
def h34d_jaxlstmnote_mlstm(x=7, d=4):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_q, self.b_q = _p(d, x), _p(d)
            self.W_k, self.b_k = _p(d, x), _p(d)
            self.W_v, self.b_v = _p(d, x), _p(d)
            self.W_o, self.b_o = _p(d, x), _p(d)
            self.w_i, self.b_i = _p(x), _p(1)
            self.w_f, self.b_f = _p(x), _p(1)

        def forward(self, x_t, state):
            C, n = state
            q = self.W_q @ x_t + self.b_q
            k = (self.W_k @ x_t) / d ** 0.5 + self.b_k
            v = self.W_v @ x_t + self.b_v
            i = torch.exp(self.w_i @ x_t + self.b_i)
            f = torch.sigmoid(self.w_f @ x_t + self.b_f)
            o = torch.sigmoid(self.W_o @ x_t + self.b_o)
            C = f * C + i * torch.outer(v, k)
            n = f * n + i * k
            h = o * (C @ q / torch.clamp(n @ q, min=1.0))
            return h, (C, n)

    return Cell()


# stored file id 69141783630 (TSX xLSTM page, 3.2 sLSTM cell). W_i, W_f, W_o, W_z (d x x), R_i, R_f,
# R_o, R_z (d x d, single head), b_i, b_f, b_o, b_z (d). count = 4 d (x + d + 1)
@_export
def h34d_tsxxlstm_slstm(x=7, d=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            for g in "ifoz":
                setattr(self, "W_" + g, _p(d, x))
                setattr(self, "R_" + g, _p(d, d))
                setattr(self, "b_" + g, _p(d))

        def pre(self, g, x_t, h):
            return getattr(self, "W_" + g) @ x_t + getattr(self, "R_" + g) @ h + getattr(self, "b_" + g)

        def forward(self, x_t, state):
            h, c, n, m = state
            it, ft = self.pre("i", x_t, h), self.pre("f", x_t, h)
            o = torch.sigmoid(self.pre("o", x_t, h))
            z = torch.tanh(self.pre("z", x_t, h))
            m_new = torch.maximum(ft + m, it)
            i, f = torch.exp(it - m_new), torch.exp(ft + m - m_new)
            c = f * c + i * z
            n = f * n + i
            h = o * (c / (n + 1e-6))
            return h, (h, c, n, m_new)

    return Cell()


# bugkira/pararnn-torch docs/cells/matrix/para_m2rnn.md (ParaM2RNN spec). W_x = Linear(d_in, K+V+1,
# bias=True) producing k, v, f_logit; W (V x V). count = (K + V + 1)(d_in + 1) + V^2
@_export
def h34d_pararnn_m2rnn(d_in=7, K=4, V=3):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_x = nn.Linear(d_in, K + V + 1, bias=True)
            self.W = _p(V, V)

        def forward(self, x, H):
            raw = self.W_x(x)
            k, v = raw[..., :K], raw[..., K:K + V]
            f = torch.sigmoid(raw[..., -1])[..., None, None]
            Z = torch.tanh(H @ self.W + k[..., :, None] * v[..., None, :])
            return f * H + (1 - f) * Z

    return Cell()


# smolix/d2l-neu chapter_recurrent-modern/lstm.md, ### The Memory Cell and Its Gates. W_xi, W_xf, W_xo,
# W_xc (d x h), W_hi, W_hf, W_ho, W_hc (h x h), b_i, b_f, b_o, b_c (1 x h). count = 4 h (d + h + 1)
@_export
def h34d_d2lneu_lstm(d=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            for g in "ifoc":
                setattr(self, "W_x" + g, _p(d, h))
                setattr(self, "W_h" + g, _p(h, h))
                setattr(self, "b_" + g, _p(1, h))

        def lin(self, g, X, H):
            return X @ getattr(self, "W_x" + g) + H @ getattr(self, "W_h" + g) + getattr(self, "b_" + g)

        def forward(self, X, state):
            H, C = state
            I = torch.sigmoid(self.lin("i", X, H))
            F = torch.sigmoid(self.lin("f", X, H))
            O = torch.sigmoid(self.lin("o", X, H))
            C_tilde = torch.tanh(self.lin("c", X, H))
            C = F * C + I * C_tilde
            return O * torch.tanh(C), C

    return Cell()


# smolix/d2l-neu chapter_recurrent-modern/lstm.md, ## Gated Recurrent Units. W_xr, W_xz, W_xh (X x H),
# W_hr, W_hz, W_hh (H x H), b_r, b_z, b_h (H). count = 3 H (X + H + 1)
@_export
def h34d_d2lneu_gru(X=7, H=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            for g in "rzh":
                setattr(self, "W_x" + g, _p(X, H))
                setattr(self, "W_h" + g, _p(H, H))
                setattr(self, "b_" + g, _p(1, H))

        def forward(self, X_t, H_prev):
            R = torch.sigmoid(X_t @ self.W_xr + H_prev @ self.W_hr + self.b_r)
            Z = torch.sigmoid(X_t @ self.W_xz + H_prev @ self.W_hz + self.b_z)
            H_tilde = torch.tanh(X_t @ self.W_xh + (R * H_prev) @ self.W_hh + self.b_h)
            return Z * H_prev + (1 - Z) * H_tilde

    return Cell()


# stored file id 59289062477 (blog, ## LNN — A Liquid Time Constant for Irregular Gaps; marked refuse:
# f and tau are undefined functions). Plausible reading: f = tanh(W_f [x, h] + b_f) and
# tau = softplus(W_tau [x, h] + b_tau) + eps, each a dense layer from [x, h] to h.
# count = 2 h (x + h + 1)
@_export
def h34d_lnnblog_ltc(x=6, h=4):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.f = nn.Linear(x + h, h)
            self.tau = nn.Linear(x + h, h)

        def forward(self, x_t, h_t, dt=1.0):
            z = torch.cat([x_t, h_t], -1)
            f = torch.tanh(self.f(z))
            tau = torch.nn.functional.softplus(self.tau(z)) + 1e-3
            return h_t + dt * (-h_t + f) / tau

    return Cell()
