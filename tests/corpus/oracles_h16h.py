import torch
from torch import nn

__all__ = []


def _export(f):
    __all__.append(f.__name__)
    return f


def _p(*shape):
    return nn.Parameter(torch.randn(*shape) * 0.1)


# stored file id 40672506645 (Typst exam cheat sheet, == Long Short-Term Memory (LSTM)).
# tilde(x)^t = [x_t, z_(t-1)]; F, G, V, H each act on tilde(x)^t: z x (x + z); no biases written.
# 4z(x + z).
@_export
def h16h_typcheatsheet_lstm(x=7, z=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.F = _p(z, x + z)
            self.G = _p(z, x + z)
            self.V = _p(z, x + z)
            self.H = _p(z, x + z)

        def forward(self, xt, state):
            zp, Cp = state
            xx = torch.cat([xt, zp])
            C = torch.sigmoid(self.F @ xx) * Cp + torch.sigmoid(self.G @ xx) * torch.tanh(self.V @ xx)
            zt = torch.sigmoid(self.H @ xx) * torch.tanh(C)
            return zt, C

    return Cell()


# stored file id 40672506645 (Typst exam cheat sheet, == Gated Recurrent Unit (GRU)).
# U, R act on tilde(x)^t = [x_t, z_(t-1)]; W acts on [r_t . z_(t-1), x_t]; each z x (x + z); no biases.
# 3z(x + z).
@_export
def h16h_typcheatsheet_gru(x=7, z=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.U = _p(z, x + z)
            self.R = _p(z, x + z)
            self.W = _p(z, z + x)

        def forward(self, xt, zp):
            xx = torch.cat([xt, zp])
            u = torch.sigmoid(self.U @ xx)
            r = torch.sigmoid(self.R @ xx)
            cand = torch.tanh(self.W @ torch.cat([r * zp, xt]))
            return u * zp + (1 - u) * cand

    return Cell()


# MadisonEvans94/Zettelkasten:Core Notes/LSTM.md (### Step By Step Walkthrough). W_f, W_i, W_C, W_o
# each on [h_{t-1}, x_t]: h x (h + x), one bias per gate (b_f, b_i, b_C, b_o); C_t update in prose only.
# 4h(h + x + 1).
@_export
def h16h_madzettel_lstm(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_f = nn.Linear(h + x, h)
            self.W_i = nn.Linear(h + x, h)
            self.W_C = nn.Linear(h + x, h)
            self.W_o = nn.Linear(h + x, h)

        def forward(self, xt, state):
            hp, Cp = state
            hx = torch.cat([hp, xt])
            f = torch.sigmoid(self.W_f(hx))
            i = torch.sigmoid(self.W_i(hx))
            Ct_ = torch.tanh(self.W_C(hx))
            C = f * Cp + i * Ct_
            o = torch.sigmoid(self.W_o(hx))
            return o * torch.tanh(C), C

    return Cell()


# MadisonEvans94/Zettelkasten:Core Notes/RNN (Recurrent Neural Network).md. The torch.nn.RNN formula:
# h_t = tanh(x_t W_ih^T + b_ih + h_{t-1} W_hh^T + b_hh), two biases. h(x + h + 2).
@_export
def h16h_madzettel_rnn(x=7, h=5):
    return nn.RNN(x, h)


# stored file id 52017215628 (GRU study notes, Complete GRU Equations Summary + Parameter Count).
# W_r, W_h~, W_z: n x (n + d); b_r, b_h~, b_z: n. 3n(n + d + 1).
@_export
def h16h_grunotes_gru(n=5, d=7):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_r = nn.Linear(n + d, n)
            self.W_htilde = nn.Linear(n + d, n)
            self.W_z = nn.Linear(n + d, n)

        def forward(self, xt, hp):
            r = torch.sigmoid(self.W_r(torch.cat([hp, xt])))
            cand = torch.tanh(self.W_htilde(torch.cat([r * hp, xt])))
            z = torch.sigmoid(self.W_z(torch.cat([hp, xt])))
            return (1 - z) * hp + z * cand

    return Cell()


# tintin10q/deep-learning-notes:Recurent Networks (RNN).md (LSTM list). Per gate f, i, c, o:
# W (h x x) on x_t, U (h x h) on h_{t-1}, one bias b. 4h(x + h + 1).
@_export
def h16h_tintin_lstm(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            for g in "fico":
                setattr(self, "W_" + g, _p(h, x))
                setattr(self, "U_" + g, _p(h, h))
                setattr(self, "b_" + g, _p(h))

        def gate(self, g, xt, hp):
            return getattr(self, "W_" + g) @ xt + getattr(self, "U_" + g) @ hp + getattr(self, "b_" + g)

        def forward(self, xt, state):
            hp, cp = state
            f = torch.sigmoid(self.gate("f", xt, hp))
            i = torch.sigmoid(self.gate("i", xt, hp))
            cbar = torch.tanh(self.gate("c", xt, hp))
            o = torch.sigmoid(self.gate("o", xt, hp))
            c = f * cp + i * cbar
            return o * torch.tanh(c), c

    return Cell()


# tintin10q/deep-learning-notes:Recurent Networks (RNN).md (## GRU). Row vectors: X_t W_{x*} with
# W_{x*}: x x h, H_{t-1} W_{h*} with W_{h*}: h x h, b_*: h, for * = r, z, h (Z_t is defined, the final
# interpolation is not written; forward uses the usual one). 3h(x + h + 1).
@_export
def h16h_tintin_gru(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            for g in "rzh":
                setattr(self, "W_x" + g, _p(x, h))
                setattr(self, "W_h" + g, _p(h, h))
                setattr(self, "b_" + g, _p(h))

        def forward(self, Xt, Hp):
            R = torch.sigmoid(Xt @ self.W_xr + Hp @ self.W_hr + self.b_r)
            Z = torch.sigmoid(Xt @ self.W_xz + Hp @ self.W_hz + self.b_z)
            Ht = torch.tanh(Xt @ self.W_xh + (R * Hp) @ self.W_hh + self.b_h)
            return Z * Hp + (1 - Z) * Ht

    return Cell()


# CaoJiahao2/deep-learning-notes:docs/architectures/modern-architectures.md (### 3.1). SISO LTI SSM:
# A in R^{N x N}, B in R^{N x 1}, C in R^{1 x N}; Delta is a given step size (not learned);
# A_bar, B_bar, C_bar are computed from them by ZOH. N^2 + 2N.
@_export
def h16h_caonotes_ssm(N=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.A = _p(N, N)
            self.B = _p(N, 1)
            self.C = _p(1, N)
            self.delta = 0.1

        def forward(self, xt, hp):
            dA = self.delta * self.A
            Abar = torch.matrix_exp(dA)
            Bbar = torch.linalg.solve(dA, (Abar - torch.eye(N)) @ (self.delta * self.B))
            h = Abar @ hp + Bbar @ xt
            return self.C @ h, h

    return Cell()


# CaoJiahao2/deep-learning-notes:docs/architectures/modern-architectures.md (### 3.3, refuse: B(x_t),
# C(x_t), Delta(x_t) are functions whose form and sizes are never given). One plausible reading (Mamba
# S6): B, C = Linear_N(x) without bias (N x D), Delta = softplus(Linear_D(x)) with bias (D x D + D),
# A: D x N. 3DN + D^2 + D.
@_export
def h16h_caonotes_mamba(N=5, D=7):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.s_B = _p(N, D)
            self.s_C = _p(N, D)
            self.s_Delta = nn.Linear(D, D)
            self.A = _p(D, N)

        def forward(self, xt, hp):
            # xt: (D,), hp: (D, N)
            Bt = self.s_B @ xt
            Ct = self.s_C @ xt
            dt = nn.functional.softplus(self.s_Delta(xt))
            Abar = torch.exp(dt[:, None] * self.A)
            h = Abar * hp + (dt[:, None] * Bt[None, :]) * xt[:, None]
            return h @ Ct, h

    return Cell()


# stored file id 62972602522 (Typst mlatlas LSTM figure). W_f, W_c, W_i, W_o on [h_(t-1), x_t]:
# h x (h + x), one bias each. 4h(h + x + 1).
@_export
def h16h_typatlas_lstm(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_f = nn.Linear(h + x, h)
            self.W_c = nn.Linear(h + x, h)
            self.W_i = nn.Linear(h + x, h)
            self.W_o = nn.Linear(h + x, h)

        def forward(self, xt, state):
            hp, Cp = state
            hx = torch.cat([hp, xt])
            C = torch.sigmoid(self.W_f(hx)) * Cp + torch.sigmoid(self.W_i(hx)) * torch.tanh(self.W_c(hx))
            return torch.sigmoid(self.W_o(hx)) * torch.tanh(C), C

    return Cell()


# stored file id 46356674178 (R Markdown MSc thesis, eq:lstm). W_k, W_l, W_C~, W_m on [H_{t-1}, x_t]:
# H x (H + x), biases b_k, b_l, b_C~, b_m. 4H(H + x + 1).
@_export
def h16h_rmdthesis_lstm(x=7, H=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_k = nn.Linear(H + x, H)
            self.W_l = nn.Linear(H + x, H)
            self.W_C = nn.Linear(H + x, H)
            self.W_m = nn.Linear(H + x, H)

        def forward(self, xt, state):
            Hp, Cp = state
            hx = torch.cat([Hp, xt])
            k = torch.sigmoid(self.W_k(hx))
            l = torch.sigmoid(self.W_l(hx))
            C = k * Cp + l * torch.tanh(self.W_C(hx))
            m = torch.sigmoid(self.W_m(hx))
            return m * torch.tanh(C), C

    return Cell()
