import torch
from torch import nn

__all__ = []


def _export(f):
    __all__.append(f.__name__)
    return f


def _p(*shape):
    return nn.Parameter(torch.randn(*shape) * 0.1)


# stored file id 66902778942 (Spanish semantic-communications tutorial, 4.4.2 GRU). W_r, W_z, W each
# d_h x (d_h + d_x) on [h_{t-1}, x_t]; the text says the bias is omitted. 3 d_h (d_h + d_x).
@_export
def h16f_essemcom_gru(d_x=7, d_h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_r = _p(d_h, d_h + d_x)
            self.W_z = _p(d_h, d_h + d_x)
            self.W = _p(d_h, d_h + d_x)

        def forward(self, xt, hp):
            r = torch.sigmoid(self.W_r @ torch.cat([hp, xt]))
            z = torch.sigmoid(self.W_z @ torch.cat([hp, xt]))
            ht = torch.tanh(self.W @ torch.cat([r * hp, xt]))
            return (1 - z) * hp + z * ht

    return Cell()


# stored file id 66902778942 (Spanish semantic-communications tutorial, 4.2.2 RNN). W_xh (d_h x d_x),
# W_hh (d_h x d_h), b_h (d_h), W_hy (d_y x d_h), b_y (d_y), as the text's own count.
# d_h(d_x + d_h + 1) + d_y(d_h + 1).
@_export
def h16f_essemcom_rnn(d_x=7, d_h=5, d_y=3):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_xh = _p(d_h, d_x)
            self.W_hh = _p(d_h, d_h)
            self.b_h = _p(d_h)
            self.W_hy = _p(d_y, d_h)
            self.b_y = _p(d_y)

        def forward(self, xt, hp):
            h = torch.tanh(self.W_hh @ hp + self.W_xh @ xt + self.b_h)
            return torch.softmax(self.W_hy @ h + self.b_y, -1), h

    return Cell()


# stored file id 38866386064 (Polish exam list, task 7). Two recurrent neurons, zero bias, identity
# activation, W is 6 x 2 acting on the 4-word one-hot input and the 2-unit state together; output neuron
# sigmoid with U = [-1, 1]^T, zero bias. (x + h) h + h = 12 + 2 = 14 at x=4, h=2.
@_export
def h16f_plexam_rnn(x=4, h=2):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W = _p(x + h, h)
            self.U = _p(h, 1)

        def forward(self, xt, hp):
            hn = torch.cat([xt, hp]) @ self.W
            y = torch.sigmoid(hn @ self.U)
            return y, hn

    return Cell()


# stored file id 53154490655 (Japanese-commented C header gru.h, FeGruWeights). W_z [hidden x input],
# U_z [hidden x hidden], b_z [hidden]; W_r, U_r, b_r and W_n, U_n alike; candidate biases b_in_n (outside r)
# and b_hn_n (inside r). 3 hidden (input + hidden) + 4 hidden.
@_export
def h16f_jpgruh_gru(input=7, hidden=5):
    H, I = hidden, input

    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_z, self.U_z, self.b_z = _p(H, I), _p(H, H), _p(H)
            self.W_r, self.U_r, self.b_r = _p(H, I), _p(H, H), _p(H)
            self.W_n, self.U_n = _p(H, I), _p(H, H)
            self.b_in_n, self.b_hn_n = _p(H), _p(H)

        def forward(self, xt, hp):
            z = torch.sigmoid(self.W_z @ xt + self.U_z @ hp + self.b_z)
            r = torch.sigmoid(self.W_r @ xt + self.U_r @ hp + self.b_r)
            n = torch.tanh(self.W_n @ xt + self.b_in_n + r * (self.U_n @ hp + self.b_hn_n))
            return (1 - z) * n + z * hp

    return Cell()


# stored file id 41175104256 (Portuguese GRU module docstring). W_xz, W_xr, W_xh (h x X), W_hz, W_hr, W_hh
# (h x h); the docstring writes the same symbol b in all three gates, read literally as one shared bias (h).
# 3h(X + h) + h.
@_export
def h16f_ptgrudoc_gru(X=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_xz, self.W_hz = _p(h, X), _p(h, h)
            self.W_xr, self.W_hr = _p(h, X), _p(h, h)
            self.W_xh, self.W_hh = _p(h, X), _p(h, h)
            self.b = _p(h)

        def forward(self, xt, hp):
            Z = torch.sigmoid(self.W_xz @ xt + self.W_hz @ hp + self.b)
            r = torch.sigmoid(self.W_xr @ xt + self.W_hr @ hp + self.b)
            hh = torch.tanh(self.W_xh @ xt + self.W_hh @ (r * hp) + self.b)
            return (1 - Z) * hp + Z * hh

    return Cell()


# stored file id 67322792054 (Russian FlowState article, SSM section). A (h x h), B (h x x), C (y x h),
# D (y x x) named as the trainable matrices; Δ is the discretisation step, not listed as trainable.
# h^2 + hx + yh + yx.
@_export
def h16f_rutsfm_ssm(x=7, h=5, y=3):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.A = _p(h, h)
            self.B = _p(h, x)
            self.C = _p(y, h)
            self.D = _p(y, x)
            self.delta = 0.1

        def forward(self, xt, hp):
            dA = self.delta * self.A
            Abar = torch.matrix_exp(dA)
            Bbar = torch.linalg.solve(dA, Abar - torch.eye(h)) @ (self.delta * self.B)
            hn = Abar @ hp + Bbar @ xt
            return self.C @ hn + self.D @ xt, hn

    return Cell()


# kyuyoungleesunmoon/deep-learning-study chapter_16_mamba.md, SSM + S6 (refuse: the output sizes of the
# three Linear(x) maps, the shape of A and whether D survives are never stated). One plausible reading
# (Mamba S6 with x channels and state size h): A (x x h), D (x), Δ-Linear x -> x with bias,
# B-Linear and C-Linear x -> h without bias. xh + x + x(x + 1) + 2xh.
@_export
def h16f_komamba_s6(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.A = _p(x, h)
            self.D = _p(x)
            self.lin_delta = nn.Linear(x, x)
            self.lin_B = nn.Linear(x, h, bias=False)
            self.lin_C = nn.Linear(x, h, bias=False)

        def forward(self, xt, hp):
            # xt: (x,), hp: (x, h)
            delta = nn.functional.softplus(self.lin_delta(xt))
            Bt, Ct = self.lin_B(xt), self.lin_C(xt)
            Abar = torch.exp(delta[:, None] * self.A)
            hn = Abar * hp + (delta[:, None] * Bt[None, :]) * xt[:, None]
            return hn @ Ct + self.D * xt, hn

    return Cell()


# stored file id 53166699657 (German whitepaper "The Spine", section 2; refuse: the gate g_t, x_refined and
# v_t are used but never defined). One plausible reading: q_t = W_q x_t (d_state x x), k_t = W_k h_{t-1}
# (d_state x d_state), v_t = W_v x_t (d_state x x) as x_refined, g_t = sigmoid(R_t), A_log (d_state) as a
# per-dimension decay on h_{t-1}, RMSNorm weight (d_state). d_state(2x + d_state + 2).
@_export
def h16f_despine_ssm(x=7, d_state=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_q = _p(d_state, x)
            self.W_k = _p(d_state, d_state)
            self.W_v = _p(d_state, x)
            self.A_log = nn.Parameter(torch.log(torch.arange(1, d_state + 1).float()))
            self.norm = nn.RMSNorm(d_state)

        def forward(self, xt, hp):
            R = (self.W_q @ xt) * (self.W_k @ hp) * d_state ** 0.5
            g = torch.sigmoid(R)
            v = torch.tanh(self.W_v @ xt)
            h = (1 - g) * torch.exp(-torch.exp(self.A_log)) * hp + g * v
            return self.norm(h)

    return Cell()
