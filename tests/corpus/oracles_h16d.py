import torch
from torch import nn

__all__ = []


def _export(f):
    __all__.append(f.__name__)
    return f


def _p(*shape):
    return nn.Parameter(torch.randn(*shape) * 0.1)


# DowneyFlyfan/Notes AI/Mambas.md (SSM Block, Selective Scan, Final). x (size de) -> [FC] -> Delta (dt),
# B (n), C (n): one fully connected layer de -> dt + 2n with bias (FC = affine); Delta (dt) -> [FC] -> de,
# with bias; A (de, n) and D (de,) are parameters ("one-init"). y = y + D u.
# de(dt + 2n) + (dt + 2n) + dt*de + de + de*n + de = de(2dt + 3n + 2) + dt + 2n.
@_export
def h16d_downeyflyfan_mamba_ssm(de=6, dt=4, n=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.fc_x = nn.Linear(de, dt + 2 * n)
            self.fc_dt = nn.Linear(dt, de)
            self.A = nn.Parameter(torch.ones(de, n))
            self.D = nn.Parameter(torch.ones(de))

        def forward(self, u, x):
            # u: (de,), x: state (de, n)
            delta, B, C = torch.split(self.fc_x(u), [dt, n, n])
            delta = self.fc_dt(delta)  # (de,)
            dA = torch.exp(delta[:, None] * self.A)
            dB = delta[:, None] * B[None, :] * u[:, None]
            x = x * dA + dB
            y = x @ C + self.D * u
            return y, x

    return Cell()


# MythosAd/GRAformer GRAformer/models/LRU.py module docstring (expect refuse: the state size N and the
# shapes of B and C are never stated, nor whether Lambda, B, C are complex). One plausible reading (the
# usual LRU): nu_log, theta_log, gamma_log in R^N; B = B_re + i B_im in C^{N x H}; C in C^{H x N};
# D in R^H. 4NH + 3N + H.
@_export
def h16d_graformer_lru(H=7, N=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.nu_log = _p(N)
            self.theta_log = _p(N)
            self.B_re = _p(N, H)
            self.B_im = _p(N, H)
            self.C_re = _p(H, N)
            self.C_im = _p(H, N)
            self.D = _p(H)
            self.gamma_log = _p(N)

        def forward(self, u, x):
            lam = torch.exp(-torch.exp(self.nu_log) + 1j * torch.exp(self.theta_log))
            B = torch.complex(self.B_re, self.B_im) * torch.exp(self.gamma_log)[:, None]
            C = torch.complex(self.C_re, self.C_im)
            x = lam * x + B @ u.to(B.dtype)
            y = (C @ x).real + self.D * u
            return y, x

    return Cell()


# blasphemetheus/exphil lib/exphil/networks/griffin.ex (ExPhil.Networks.Griffin @moduledoc, RG-LRU).
# W_a, W_x square (i_t * x_t forces x and h to one size D), b_a, b_x in R^D, a = sigma(Lambda) with
# Lambda in R^D, c = 8 fixed. 2D^2 + 3D.
@_export
def h16d_exphil_rglru(x=6, h=6):
    assert x == h, "the text multiplies i_t by x_t elementwise"
    D = h

    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_a = _p(D, D)
            self.b_a = _p(D)
            self.W_x = _p(D, D)
            self.b_x = _p(D)
            self.Lambda = _p(D)
            self.c = 8.0

        def forward(self, xt, hp):
            r = torch.sigmoid(self.W_a @ xt + self.b_a)
            i = torch.sigmoid(self.W_x @ xt + self.b_x)
            a = torch.sigmoid(self.Lambda) ** (self.c * r)
            return a * hp + torch.sqrt(1 - a ** 2) * (i * xt)

    return Cell()


# blasphemetheus/exphil lib/exphil/networks/hgrn.ex (ExPhil.Networks.HGRN @moduledoc; expect refuse:
# "input" is never defined, the shapes of Wf and Wi and the biases of the Linear layers are not given).
# One plausible reading: expand = Linear(D, D*E) with bias, Wf, Wi: (D*E x D) without bias,
# input = expand(x), contract = Linear(D*E, D) with bias. 4 D^2 E + D E + D.
@_export
def h16d_exphil_hgrn2(D=6, E=2):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.expand = nn.Linear(D, D * E)
            self.Wf = _p(D * E, D)
            self.Wi = _p(D * E, D)
            self.contract = nn.Linear(D * E, D)

        def forward(self, xt, hp):
            h_exp = self.expand(hp)
            f = torch.sigmoid(self.Wf @ xt)
            i = torch.sigmoid(self.Wi @ xt)
            h_new = f * h_exp + i * self.expand(xt)
            return self.contract(h_new)

    return Cell()


# stored file id 62087109898 (Korean Obsidian note "Mamba", ## 정의). W_u, W_g: D x d_model;
# W_out: d_model x D; conv_w: D x w with b_conv in R^D (sum over k = 0..w-1 of conv_w[:, k] * x^conv);
# W_dt: r x D; W_B, W_C: N x D; W_Delta: D x r; A_log: D x N. No other biases.
# 3 D d_model + D w + D + 2 r D + 2 N D + D N.
@_export
def h16d_obsidian_ko_mamba(d_model=7, D=6, N=5, r=3, w=4):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_u = _p(D, d_model)
            self.W_g = _p(D, d_model)
            self.W_out = _p(d_model, D)
            self.conv_w = _p(D, w)
            self.b_conv = _p(D)
            self.W_dt = _p(r, D)
            self.W_B = _p(N, D)
            self.W_C = _p(N, D)
            self.W_Delta = _p(D, r)
            self.A_log = _p(D, N)

        def forward(self, xt, state):
            h, xconv_hist = state  # h: (D, N); xconv_hist: (D, w-1), newest last
            x_conv = self.W_u @ xt
            z = self.W_g @ xt
            alpha = torch.sigmoid(z)
            window = torch.cat([xconv_hist, x_conv[:, None]], dim=1)  # (D, w), k=0 is newest at the end
            i = nn.functional.silu((self.conv_w * window.flip(1)).sum(1) + self.b_conv)
            dt_tilde = self.W_dt @ i
            B = self.W_B @ i
            C = self.W_C @ i
            delta = nn.functional.softplus(self.W_Delta @ dt_tilde)  # (D,)
            A = -torch.exp(self.A_log)
            Abar = torch.exp(A * delta[:, None])
            Bbar = B[None, :] * (Abar - 1) / A
            h = Abar * h + Bbar * i[:, None]
            o_tilde = h @ C
            y = self.W_out @ (alpha * o_tilde) + xt
            return y, (h, window[:, 1:])

    return Cell()


# stored file id 58644507182 (Chinese wiki page on the delta rule and DeltaNet, ## 2.1). S in
# R^{d_v x d_k}; q_t, k_t, v_t = W_Q x_t, W_K x_t, W_V x_t (so W_Q, W_K: d_k x x, W_V: d_v x x, no bias
# written); beta_t = sigma(W_beta x_t) in (0, 1) is a scalar, so W_beta: 1 x x. x (2 d_k + d_v + 1).
@_export
def h16d_zhwiki_deltanet(x=7, d_k=4, d_v=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_Q = _p(d_k, x)
            self.W_K = _p(d_k, x)
            self.W_V = _p(d_v, x)
            self.W_beta = _p(1, x)

        def forward(self, xt, S):
            q, k, v = self.W_Q @ xt, self.W_K @ xt, self.W_V @ xt
            beta = torch.sigmoid(self.W_beta @ xt)
            S = S @ (torch.eye(d_k) - beta * torch.outer(k, k)) + beta * torch.outer(v, k)
            return S @ q, S

    return Cell()


# stored file id 70197627722 (Linear_Attention_Project report, ## 7, Gated DeltaNet). W_k, W_q: k x x,
# W_v: v x x (no bias); beta_t, alpha_t in [0, 1] scalars: W_beta, W_alpha: 1 x x.
# x (2k + v + 2).
@_export
def h16d_linattnreport_gated_deltanet(x=7, k=4, v=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_k = _p(k, x)
            self.W_v = _p(v, x)
            self.W_q = _p(k, x)
            self.W_beta = _p(1, x)
            self.W_alpha = _p(1, x)

        def forward(self, xt, S):
            kt = self.W_k @ xt
            kt = kt / kt.norm()
            vt = self.W_v @ xt
            qt = self.W_q @ xt
            beta = torch.sigmoid(self.W_beta @ xt)
            alpha = torch.sigmoid(self.W_alpha @ xt)
            e = vt - S @ kt
            S = alpha * S + beta * torch.outer(e, kt)
            return S @ qt, S

    return Cell()


# stored file id 54632146553 (Firefox Translations architecture doc, 6.1, full SRU). W, W_f, W_r: c x x,
# v_f, v_r, b_f, b_r in R^c; the highway term (1 - r_t) * x_t makes h, c and x one size. 3cx + 4c.
@_export
def h16d_firefoxdoc_sru(x=6, c=6):
    assert x == c, "the highway term adds x_t to a c-sized vector"

    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W = _p(c, x)
            self.W_f = _p(c, x)
            self.W_r = _p(c, x)
            self.v_f = _p(c)
            self.v_r = _p(c)
            self.b_f = _p(c)
            self.b_r = _p(c)

        def forward(self, xt, cp):
            xt_tilde = self.W @ xt
            f = torch.sigmoid(self.W_f @ xt + self.v_f * cp + self.b_f)
            r = torch.sigmoid(self.W_r @ xt + self.v_r * cp + self.b_r)
            cn = f * cp + (1 - f) * xt_tilde
            h = r * torch.tanh(cn) + (1 - r) * xt
            return h, cn

    return Cell()


# stored file id 54632146553 (Firefox Translations architecture doc, 6.1, SSRU box). W: c x u (no bias),
# W_f: c x u with b_f in R^c; h = ReLU(c). 2cu + c.
@_export
def h16d_firefoxdoc_ssru(u=7, c=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W = _p(c, u)
            self.W_f = _p(c, u)
            self.b_f = _p(c)

        def forward(self, ut, cp):
            xt = self.W @ ut
            f = torch.sigmoid(self.W_f @ ut + self.b_f)
            cn = f * cp + (1 - f) * xt
            return torch.relu(cn), cn

    return Cell()


# stored file id 24820641389 (BBuf's Chinese blog post, 2.1 并行和递归形式). q_t, k_t, v_t = x_t W_Q,
# x_t W_K, x_t W_V with W_Q, W_K, W_V in R^{d x d}, x_t in R^{1 x d}; S_t = S_{t-1} + k_t^T v_t,
# o_t = q_t S_t. 3d^2.
@_export
def h16d_bbufblog_linear_attention(d=6):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_Q = _p(d, d)
            self.W_K = _p(d, d)
            self.W_V = _p(d, d)

        def forward(self, xt, S):
            q, k, v = xt @ self.W_Q, xt @ self.W_K, xt @ self.W_V
            S = S + torch.outer(k, v)
            return q @ S, S

    return Cell()
