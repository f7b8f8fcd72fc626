import torch
from torch import nn

__all__ = []


def _export(f):
    __all__.append(f.__name__)
    return f


def _p(*shape):
    return nn.Parameter(torch.randn(*shape) * 0.1)


# stored file id 21569996277 (RG-LRU catalog entry, ## Mathematical Form). W_a, W_x: D_RNN x D_RNN (listed);
# b_a, b_x: one bias per gate, size D_RNN by the sum; a = sigma(Lambda), learnable per channel (Lambda in
# R^D_RNN); c = 8 fixed. 2 D_RNN^2 + 3 D_RNN.
@_export
def h15d_trickcatalog_rglru(D_RNN=6):
    D = D_RNN

    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_a = _p(D, D)
            self.b_a = _p(D)
            self.W_x = _p(D, D)
            self.b_x = _p(D)
            self.Lambda = _p(D)
            self.c = 8.0

        def forward(self, xt, h):
            r = torch.sigmoid(self.W_a @ xt + self.b_a)
            i = torch.sigmoid(self.W_x @ xt + self.b_x)
            a = torch.sigmoid(self.Lambda)
            at = a ** (self.c * r)
            return at * h + torch.sqrt(1 - at ** 2) * (i * xt)

    return Cell()


# stored file id 66688029080 (Mamba compendium, Chapter 7). W_B, W_C: N x D; W_Delta: D x d_in with
# W_Delta x_t and x_t in R^D, so d_in = D; bias_Delta (the table's Parameter_Delta, Delta in R^D);
# A in R^{D x N} (Parameter_A). y_t = C_t h_t, no D skip. 3DN + D^2 + D.
@_export
def h15d_mambacompendium_selective(D=7, N=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_B = _p(N, D)
            self.W_C = _p(N, D)
            self.W_Delta = _p(D, D)
            self.bias_Delta = _p(D)
            self.A = _p(D, N)

        def forward(self, xt, h):
            # xt: (D,), h: (D, N)
            Bt = self.W_B @ xt
            Ct = self.W_C @ xt
            delta = nn.functional.softplus(self.bias_Delta + self.W_Delta @ xt)
            A = -torch.exp(self.A)
            Abar = torch.exp(delta[:, None] * A)
            h = Abar * h + (delta[:, None] * Bt[None, :]) * xt[:, None]
            y = h @ Ct
            return y, h

    return Cell()


# markusheimerl/ssm README. Row-vector convention: H_t = X_t B^T + H_{t-1} A^T, S_t = H_t sigma(H_t),
# Y_t = S_t C^T + X_t D^T. A: H x H, B: H x X, C: Y x H, D: Y x X; no biases.
# H^2 + HX + YH + YX.
@_export
def h15d_markusheimerl_ssm(X=7, H=5, Y=3):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.A = _p(H, H)
            self.B = _p(H, X)
            self.C = _p(Y, H)
            self.D = _p(Y, X)

        def forward(self, xt, hp):
            h = xt @ self.B.T + hp @ self.A.T
            s = h * torch.sigmoid(h)
            y = s @ self.C.T + xt @ self.D.T
            return y, h

    return Cell()


# stored file id 612674028 (align_mamba HGRN2 module docstring). forget_proj, input_proj, output_proj:
# x -> d (f_t, v_t, o_t are d-vectors against the d x d state), used as x @ proj, no bias written;
# lower_bound is a clamp constant; i_t = 1 - f_t is tied (no weight). 3xd.
@_export
def h15d_alignmamba_hgrn2(x=7, d=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.forget_proj = _p(x, d)
            self.input_proj = _p(x, d)
            self.output_proj = _p(x, d)
            self.lower_bound = 0.9

        def forward(self, xt, h):
            f = torch.clamp(torch.sigmoid(xt @ self.forget_proj), min=self.lower_bound)
            i = 1 - f
            v = xt @ self.input_proj
            o = torch.sigmoid(xt @ self.output_proj)
            h = f[:, None] * h + torch.outer(i, v)
            return o @ h, h

    return Cell()


# gyb357/Liquid-Neural-Network README, LTC (refuse: f is "a small MLP" of unstated depth and width).
# One plausible reading: f = sigmoid(Linear([x, I] -> x)) one layer with bias, tau and A per neuron.
# x(x + I) + x + 2x.
@_export
def h15d_gyb357_ltc(x=5, I=7):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.f = nn.Linear(x + I, x)
            self.tau = nn.Parameter(torch.ones(x))
            self.A = _p(x)

        def forward(self, It, xs, dt=0.1):
            fv = torch.sigmoid(self.f(torch.cat([xs, It])))
            dx = -(1 / self.tau + fv) * xs + fv * self.A
            return xs + dt * dx

    return Cell()


# HasanTasdiq/hasantasdiq.github.io RWKV post, RWKV-4 time mixing (refuse: the output size of W_r, W_k,
# W_v, and so the size of w, u and the input of W_o, is never given). One plausible reading: every
# projection d x d without bias (as stated), mu_r, mu_k, mu_v in R^d, w and u per channel (d).
# 4d^2 + 5d.
@_export
def h15d_hasantasdiq_rwkv4(d=6):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_r = nn.Linear(d, d, bias=False)
            self.W_k = nn.Linear(d, d, bias=False)
            self.W_v = nn.Linear(d, d, bias=False)
            self.W_o = nn.Linear(d, d, bias=False)
            self.mu_r = _p(d)
            self.mu_k = _p(d)
            self.mu_v = _p(d)
            self.w = _p(d)
            self.u = _p(d)

        def forward(self, xt, state):
            xprev, num, den = state
            r = self.W_r(self.mu_r * xt + (1 - self.mu_r) * xprev)
            k = self.W_k(self.mu_k * xt + (1 - self.mu_k) * xprev)
            v = self.W_v(self.mu_v * xt + (1 - self.mu_v) * xprev)
            wkv = (num + torch.exp(self.u + k) * v) / (den + torch.exp(self.u + k))
            o = self.W_o(torch.sigmoid(r) * wkv)
            num = torch.exp(-self.w) * num + torch.exp(k) * v
            den = torch.exp(-self.w) * den + torch.exp(k)
            return o, (xt, num, den)

    return Cell()


# markusheimerl/slm README, one SSM layer i: H = X B_i^T + H_prev A_i^T, O = H sigma(H),
# Y = O C_i^T + X D_i^T. A_i: H x H, B_i: H x X, C_i: Y x H, D_i: Y x X; no biases.
# H^2 + HX + YH + YX.
@_export
def h15d_markusheimerl_slm_ssmlayer(X=7, H=5, Y=3):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.A_i = _p(H, H)
            self.B_i = _p(H, X)
            self.C_i = _p(Y, H)
            self.D_i = _p(Y, X)

        def forward(self, xt, hp):
            h = xt @ self.B_i.T + hp @ self.A_i.T
            o = h * torch.sigmoid(h)
            return o @ self.C_i.T + xt @ self.D_i.T, h

    return Cell()
