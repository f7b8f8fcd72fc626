import torch
from torch import nn

__all__ = []


def _export(f):
    __all__.append(f.__name__)
    return f


def _p(*shape):
    return nn.Parameter(torch.randn(*shape) * 0.1)


# stored file id 54589394177 (Obsidian paper note "# Griffin", The Core Idea — RG-LRU). h in R^d; W_a, W_x, W_g
# map x to d (no biases written); alpha is a per-channel scalar "initialized near 1" (a parameter of size d).
# 3*d*x + d.
@_export
def h19d_griffinnote_rglru(x=7, d=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_a = nn.Linear(x, d, bias=False)
            self.W_x = nn.Linear(x, d, bias=False)
            self.W_g = nn.Linear(x, d, bias=False)
            self.alpha = nn.Parameter(torch.full((d,), 0.99))

        def forward(self, xt, h):
            a = torch.sigmoid(self.W_a(xt)) ** 2 * self.alpha
            h = a * h + torch.sqrt(1 - a ** 2) * self.W_x(xt)
            y = h * torch.sigmoid(self.W_g(xt))
            return y, h

    return Cell()


# stored file id 62556560897 (Korean Griffin page, ### RG-LRU). The input is h_t, the state is x_t; W_a, W_r,
# W_x map h to the size of x (a_t, r_t multiply x elementwise); no biases written. 3*x*h.
@_export
def h19d_kogriffin_rglru(h=7, x=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_a = nn.Linear(h, x, bias=False)
            self.W_r = nn.Linear(h, x, bias=False)
            self.W_x = nn.Linear(h, x, bias=False)

        def forward(self, ht, xs):
            a = torch.sigmoid(self.W_a(ht))
            r = torch.sigmoid(self.W_r(ht))
            return a * xs + torch.sqrt(1 - a ** 2) * (r * self.W_x(ht))

    return Cell()


# stored file id 63379605197 (RWKV concept card, RWKV-4 time-mix; expect refuse: r_t, k_t, v_t are used but never
# defined, and the token shift's mu is written once for all of them). One plausible reading, the usual RWKV-4
# time-mix on width x: mu_r, mu_k, mu_v, W_r, W_k, W_v, w, u, W_o. 4x^2 + 5x.
@_export
def h19d_rwkvcard_rwkv4(x=6):
    d = x

    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.mu_r = _p(d)
            self.mu_k = _p(d)
            self.mu_v = _p(d)
            self.W_r = nn.Linear(d, d, bias=False)
            self.W_k = nn.Linear(d, d, bias=False)
            self.W_v = nn.Linear(d, d, bias=False)
            self.w = _p(d)
            self.u = _p(d)
            self.W_o = nn.Linear(d, d, bias=False)

        def forward(self, xt, xprev, a, b):
            r = self.W_r(self.mu_r * xt + (1 - self.mu_r) * xprev)
            k = self.W_k(self.mu_k * xt + (1 - self.mu_k) * xprev)
            v = self.W_v(self.mu_v * xt + (1 - self.mu_v) * xprev)
            wkv = (a + torch.exp(self.u + k) * v) / (b + torch.exp(self.u + k))
            out = torch.sigmoid(r) * self.W_o(wkv)
            a = torch.exp(-self.w) * a + torch.exp(k) * v
            b = torch.exp(-self.w) * b + torch.exp(k)
            return out, a, b

    return Cell()


# stored file id 60471365766 (Rust S5 module doc). a (N), B (N x U), C (Y x N), D (Y: a skip when U = Y, else a
# bias); Delta is a fixed step, not initialised as a weight. N + N*u + y*N + y.
@_export
def h19d_rusts5_s5(u=7, y=5, N=4):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.a = nn.Parameter(-torch.arange(1, N + 1, dtype=torch.float))
            self.B = _p(N, u)
            self.C = _p(y, N)
            self.D = nn.Parameter(torch.zeros(y))
            self.delta = 0.01

        def forward(self, ut, h):
            a_bar = torch.exp(self.delta * self.a)
            b_bar = ((a_bar - 1) / self.a)[:, None] * self.B
            h = a_bar * h + b_bar @ ut
            d = self.D * ut if u == y else self.D
            return self.C @ h + d, h

    return Cell()


# stored file id 60312053022 (Rust bidirectional diagonal SSM module doc). Per direction: A (d_state), B (d_state x
# d_model), C (d_model x d_state), D (d_model); two independent directions. 2*(d_state + 2*d_state*d_model + d_model).
@_export
def h19d_rustbidir_diagssm(d_model=7, d_state=4):
    class Direction(nn.Module):
        def __init__(self):
            super().__init__()
            self.A = nn.Parameter(torch.full((d_state,), -0.5))
            self.B = _p(d_state, d_model)
            self.C = _p(d_model, d_state)
            self.D = _p(d_model)

        def forward(self, xt, h):
            h = self.A * h + self.B @ xt
            return self.C @ h + self.D * xt, h

    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.fwd = Direction()
            self.rev = Direction()

        def forward(self, xt, h_f, xt_rev, h_r):
            y_f, h_f = self.fwd(xt, h_f)
            y_r, h_r = self.rev(xt_rev, h_r)
            return y_f, y_r, h_f, h_r

    return Cell()


# stored file id 55450985400 (Rust mlstm.rs module doc). Single head, d_qk = d_v = H: W_q, W_k, W_v, W_o (H x x) with
# biases (H); w_i, w_f vectors (x) with scalar biases. 4H(x + 1) + 2(x + 1).
@_export
def h19d_rustflat_mlstm(x=7, H=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_q = nn.Linear(x, H)
            self.W_k = nn.Linear(x, H)
            self.W_v = nn.Linear(x, H)
            self.W_o = nn.Linear(x, H)
            self.w_i = nn.Linear(x, 1)
            self.w_f = nn.Linear(x, 1)

        def forward(self, xt, C, n, m):
            q = self.W_q(xt)
            k = self.W_k(xt) / H ** 0.5
            v = self.W_v(xt)
            i_ = self.w_i(xt)[0]
            f_ = self.w_f(xt)[0]
            m_new = torch.maximum(f_ + m, i_)
            i = torch.exp(i_ - m_new)
            f = torch.exp(f_ + m - m_new)
            C = f * C + i * torch.outer(v, k)
            n = f * n + i * k
            h = torch.sigmoid(self.W_o(xt)) * (C @ q) / torch.clamp(torch.abs(n @ q), min=1.0)
            return h, C, n, m_new

    return Cell()


# Duanyll/duanyll.com-hexo 2023-11-26-RetNet-VIR.md (Retention 引入 .. 循环形式). Single retention: W_Q, W_K, W_V are
# d_model x d; gamma is reduced to a (fixed) scalar, theta is the rotary position encoding (not learned).
# 3 * d_model * d.
@_export
def h19d_duanyll_retention(d_model=7, d=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_Q = _p(d_model, d)
            self.W_K = _p(d_model, d)
            self.W_V = _p(d_model, d)
            self.gamma = 0.9
            self.register_buffer("theta", torch.linspace(0.1, 1.0, d))

        def forward(self, Xn, S, n=1):
            rot = torch.exp(1j * n * self.theta)
            Q = (Xn @ self.W_Q) * rot
            K = (Xn @ self.W_K) * rot.conj()
            V = (Xn @ self.W_V).to(Q.dtype)
            S = self.gamma * S.to(Q.dtype) + torch.outer(K, V)
            return (Q @ S).real, S

    return Cell()


# sunshine0523/blog docs/LLM/retnet.md (### 2.1 Retention). v(n) = X_n w_V is one-dimensional (w_V in R^{d_model});
# Q_n, K_n in R^{1 x d} from W_Q, W_K (d_model x d); A is diagonalised, Lambda absorbed into W_Q, W_K, gamma reduced to a
# scalar and e^{i theta} is the xPos relative position embedding (not learned). 2 * d_model * d + d_model.
@_export
def h19d_sunshine_retention(d_model=7, d=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_Q = _p(d_model, d)
            self.W_K = _p(d_model, d)
            self.w_V = _p(d_model)
            self.gamma = 0.9
            self.register_buffer("theta", torch.linspace(0.1, 1.0, d))

        def forward(self, Xn, s, n=1):
            rot = torch.exp(1j * n * self.theta)
            Q = (Xn @ self.W_Q) * rot
            K = (Xn @ self.W_K) * rot.conj()
            v = Xn @ self.w_V
            s = self.gamma * s.to(Q.dtype) + K * v
            return (Q @ s).real, s

    return Cell()
