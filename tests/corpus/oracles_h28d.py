import torch
from torch import nn

__all__ = []


def _export(f):
    __all__.append(f.__name__)
    return f


def _p(*shape):
    return nn.Parameter(torch.randn(*shape) * 0.1)


# stored file id 63767214203 (hybrid architecture research note, "### 2.7. Griffin & RecurrentGemma").
# RG-LRU: r_t = sigma(W_a x_t + b_a), i_t = sigma(W_x x_t + b_x), log a_t = -c softplus(Lambda) r_t (c = 8 a
# constant), h_t = a_t h_{t-1} + sqrt(1 - a_t^2) (i_t x_t). x and h have one width (i_t * x_t is added to h);
# Lambda is a learned per-channel vector. W_a, W_x (h x x), b_a, b_x, Lambda (h). Count 2hx + 3h.
@_export
def h28d_hybridarch_rglru(x=6, h=6):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_a, self.b_a = _p(h, x), _p(h)
            self.W_x, self.b_x = _p(h, x), _p(h)
            self.Lambda = _p(h)

        def forward(self, xt, hp):
            r = torch.sigmoid(self.W_a @ xt + self.b_a)
            i = torch.sigmoid(self.W_x @ xt + self.b_x)
            log_a = -8.0 * nn.functional.softplus(self.Lambda) * r
            a = torch.exp(log_a)
            return a * hp + torch.sqrt(1 - a ** 2) * (i * xt)

    return Cell()


# stored file id 63767214203 (hybrid architecture research note, "### 2.1. Mamba"). Marked refuse: the
# projections giving Delta_t, B_t, C_t are not given and A's shape is not stated. Most plausible reading
# (per channel of width d, state n): Delta_t = softplus(W_D x_t + b_D) (d x d, d), B_t = W_B x_t (n x d),
# C_t = W_C x_t (n x d), A (d x n), gate W_gate (d x d); conv and expansion left out.
# Count d^2 + d + 2nd + dn + d^2.
@_export
def h28d_hybridarch_mamba(d=6, n=16):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_D, self.b_D = _p(d, d), _p(d)
            self.W_B, self.W_C = _p(n, d), _p(n, d)
            self.A = _p(d, n)
            self.W_gate = _p(d, d)

        def forward(self, xt, hp):
            delta = nn.functional.softplus(self.W_D @ xt + self.b_D)  # (d,)
            Bt, Ct = self.W_B @ xt, self.W_C @ xt  # (n,)
            A_bar = torch.exp(delta[:, None] * self.A)  # (d, n)
            h = A_bar * hp + (delta[:, None] * Bt[None, :]) * xt[:, None]
            y = (h @ Ct) * nn.functional.silu(self.W_gate @ xt)
            return y, h

    return Cell()


# stored file id 60787691800 (Chinese LNN reading report, "### 1.2 核心数学公式提取"). Marked refuse: f, g, h are
# networks whose form is never given. Most plausible reading of the CfC cell (eq. 10): f, g, h each one affine
# map of [x; I] to N units. Count 3 N (N + I) + 3 N.
@_export
def h28d_lnnreport_cfc(N=5, I=7):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.f = nn.Linear(N + I, N)
            self.g = nn.Linear(N + I, N)
            self.h = nn.Linear(N + I, N)

        def forward(self, It, xp, t=1.0):
            z = torch.cat([xp, It], -1)
            gate = torch.sigmoid(-self.f(z) * t)
            return gate * self.g(z) + (1 - gate) * self.h(z)

    return Cell()


# stored file id 53882198669 (research history note, "### 5.2 RWKV (2023)"). Time mixing with token shift:
# W_r, W_k, W_v (d x x), mu_r, mu_k, mu_v (x), decay w and bonus u (d); output sigma(r_t) * wkv_t, no output
# projection. Count 3dx + 3x + 2d.
@_export
def h28d_attnhistory_rwkv(x=7, d=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_r, self.W_k, self.W_v = _p(d, x), _p(d, x), _p(d, x)
            self.mu_r, self.mu_k, self.mu_v = _p(x), _p(x), _p(x)
            self.w, self.u = _p(d), _p(d)

        def forward(self, xt, state):
            x_prev, num, den = state
            mix = lambda mu: mu * xt + (1 - mu) * x_prev
            r = self.W_r @ mix(self.mu_r)
            k = self.W_k @ mix(self.mu_k)
            v = self.W_v @ mix(self.mu_v)
            wkv = (num + torch.exp(self.u + k) * v) / (den + torch.exp(self.u + k))
            decay = torch.exp(-self.w)
            num = decay * num + torch.exp(k) * v
            den = decay * den + torch.exp(k)
            return torch.sigmoid(r) * wkv, (xt, num, den)

    return Cell()


# stored file id 53882198669 (research history note, "### 6.1 S4 (2022)"). SSM with 1-D input:
# A (N x N), B (N x 1), C (1 x N), D (scalar); bilinear discretisation with a fixed step size Delta.
# Count N^2 + 2N + 1.
@_export
def h28d_attnhistory_s4(N=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.A, self.B, self.C, self.D = _p(N, N), _p(N, 1), _p(1, N), _p(1)

        def forward(self, ut, xp, delta=0.1):
            I = torch.eye(N)
            inv = torch.linalg.inv(I - delta / 2 * self.A)
            A_bar = inv @ (I + delta / 2 * self.A)
            B_bar = inv @ (delta * self.B)
            x = A_bar @ xp + (B_bar @ ut.reshape(1)).reshape(N)
            y = self.C @ x + self.D * ut
            return y, x

    return Cell()


# stored file id 55553425550 (DeltaNet study notes, "## Step 3"). Marked refuse: q, k, v projections are not
# given. Most plausible reading: bias-free W_q, W_k, W_v (d_model x d_model) split into n_heads heads, and
# W_beta (n_heads x d_model). Count 3 d_model^2 + n_heads d_model.
@_export
def h28d_deltanotes_deltanet(d_model=8, n_heads=2):
    dh = d_model // n_heads

    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_q, self.W_k, self.W_v = _p(d_model, d_model), _p(d_model, d_model), _p(d_model, d_model)
            self.W_beta = _p(n_heads, d_model)

        def forward(self, xt, S):
            q = nn.functional.normalize((self.W_q @ xt).view(n_heads, dh), dim=-1)
            k = nn.functional.normalize((self.W_k @ xt).view(n_heads, dh), dim=-1)
            v = (self.W_v @ xt).view(n_heads, dh)
            beta = torch.sigmoid(self.W_beta @ xt)[:, None, None]
            eye = torch.eye(dh)
            S = S @ (eye - beta * k[:, :, None] * k[:, None, :]) + beta * v[:, :, None] * k[:, None, :]
            o = (S @ q[:, :, None]).reshape(d_model)
            return o, S

    return Cell()


# stored file id 60925123723 (Polish minLSTM notes, "## 4. Finalna postać minLSTM"). Three affine maps of x_t:
# f_t, i_t gates and the candidate, each Linear(x, h) with bias. Count 3(hx + h).
@_export
def h28d_polishnotes_minlstm(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.lin_f = nn.Linear(x, h)
            self.lin_i = nn.Linear(x, h)
            self.lin_h = nn.Linear(x, h)

        def forward(self, xt, hp):
            f = torch.sigmoid(self.lin_f(xt))
            i = torch.sigmoid(self.lin_i(xt))
            ht = self.lin_h(xt)
            return f / (f + i) * hp + i / (f + i) * ht

    return Cell()


# stored file id 35563865124 (matplotlib MinGRU diagram script, equations list). z_t = sigma(W_z x_t + b_z),
# h~_t = W_h x_t + b_h. W_z, W_h (h x x), b_z, b_h (h). Count 2(hx + h).
@_export
def h28d_mingruplot_mingru(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_z, self.b_z = _p(h, x), _p(h)
            self.W_h, self.b_h = _p(h, x), _p(h)

        def forward(self, xt, hp):
            z = torch.sigmoid(self.W_z @ xt + self.b_z)
            ht = self.W_h @ xt + self.b_h
            return (1 - z) * hp + z * ht

    return Cell()


# stored file id 59337780897 (minGRU variants research report, "## 1. Background"). z_t = sigma(W_z x_t),
# h~_t = W_h x_t, no biases. Count 2hx.
@_export
def h28d_mingrureport_mingru(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_z, self.W_h = _p(h, x), _p(h, x)

        def forward(self, xt, hp):
            z = torch.sigmoid(self.W_z @ xt)
            return (1 - z) * hp + z * (self.W_h @ xt)

    return Cell()


# stored file id 59337780897 (minGRU variants research report, "## 2. The variant ladder", SignedMinGRU).
# Three bias-free linear heads z, h, s: z_t = sigma(W_z x_t), a_t = tanh(W_s x_t) (default, decoupled),
# h_t = a_t h_{t-1} + z_t W_h x_t. Count 3hx (the coupled form has the same weights).
@_export
def h28d_mingrureport_signedmingru(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_z, self.W_h, self.W_s = _p(h, x), _p(h, x), _p(h, x)

        def forward(self, xt, hp):
            z = torch.sigmoid(self.W_z @ xt)
            a = torch.tanh(self.W_s @ xt)
            return a * hp + z * (self.W_h @ xt)

    return Cell()


# stored file id 40175988113 (Beamer source "State Space Models for Time Series", SSM frames). Marked refuse:
# no shapes for A, B, C. Most plausible reading: state n, input u: A (n x n), B (n x u), C (u x n), fixed
# step size. Count n^2 + 2nu.
@_export
def h28d_ssmbeamer_ssm(n=4, u=1):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.A, self.B, self.C = _p(n, n), _p(n, u), _p(u, n)

        def forward(self, ut, hp, delta=0.5):
            A_bar = torch.matrix_exp(delta * self.A)
            B_bar = torch.linalg.solve(self.A, A_bar - torch.eye(n)) @ self.B
            h = A_bar @ hp + B_bar @ ut
            return self.C @ h, h

    return Cell()
