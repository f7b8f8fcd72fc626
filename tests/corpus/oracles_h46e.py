"""Oracles for the h46e set-aside snippets (heldout46), as its gatherer wrote them."""
import torch
from torch import nn

__all__ = []


def _export(f):
    __all__.append(f.__name__)
    return f


def _p(*shape):
    return nn.Parameter(torch.randn(*shape) * 0.1)


# down.93665.xin mirror of PyGPUkit issue #172, RetNet retention (recurrent form); X read as width
# d_model = num_heads*head_dim, W_Q, W_K, W_V (d_model, d_model) bias-free; gamma a fixed schedule (not learned)
# [refuse: width of X and shapes of W_Q/W_K/W_V never stated]. Count: 3*(num_heads*head_dim)**2.
@_export
def h46e_retnet_pygpukit_issue(num_heads=2, head_dim=3):
    d = num_heads * head_dim

    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_Q = _p(d, d)
            self.W_K = _p(d, d)
            self.W_V = _p(d, d)
            self.register_buffer('gamma', 1 - 2.0 ** (-5 - torch.arange(num_heads, dtype=torch.float32)))

        def forward(self, x, S):  # S: (B, num_heads, head_dim, head_dim)
            B = x.shape[0]
            q = (x @ self.W_Q).view(B, num_heads, head_dim)
            k = (x @ self.W_K).view(B, num_heads, head_dim)
            v = (x @ self.W_V).view(B, num_heads, head_dim)
            S = self.gamma[None, :, None, None] * S + k.unsqueeze(-1) * v.unsqueeze(-2)
            o = torch.einsum('bnh,bnhk->bnk', q, S)
            return o.reshape(B, d), S
    return Cell()


# Param302/ML-Practice LNN.ipynb, LTC cell (code only); f = Linear(input_size+hidden_size -> hidden_size) with bias,
# tau (hidden_size), A (hidden_size). Count: (input_size+hidden_size)*hidden_size + 3*hidden_size.
@_export
def h46e_ltc_param302(input_size=7, hidden_size=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.f = nn.Linear(input_size + hidden_size, hidden_size)
            self.tau = nn.Parameter(torch.ones(hidden_size))
            self.A = nn.Parameter(torch.ones(hidden_size))

        def forward(self, x, h, dt=1.0):
            g = torch.sigmoid(self.f(torch.cat([x, h], dim=1)))
            return (h + dt * g * self.A) / (1 + dt * (1 / self.tau + g))
    return Cell()


# techecho.bigdataflowing.com (HN comment), minGRU in PyTorch; hidden_size read as hidden_state_size;
# token_to_proposal, token_to_mix_factors = nn.Linear(token_size, hidden_state_size) with default bias.
# Count: 2*(token_size*hidden_state_size + hidden_state_size).
@_export
def h46e_mingru_hn_comment(token_size=7, hidden_state_size=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.token_to_proposal = nn.Linear(token_size, hidden_state_size)
            self.token_to_mix_factors = nn.Linear(token_size, hidden_state_size)

        def forward(self, previous_hidden_state, current_token):
            proposed = self.token_to_proposal(current_token)
            mix = torch.sigmoid(self.token_to_mix_factors(current_token))
            return torch.lerp(proposed, previous_hidden_state, mix)
    return Cell()


# zenn.dev/izmyon (Japanese), continuous-time SSM x'(t) = A x(t) + B u(t), y(t) = C x(t) + D u(t) with 1-dim u and y,
# N-dim x: A (N, N), B (N, 1), C (1, N), D (1, 1). One Euler step of size dt stands in for the continuous update.
# Count: N*N + 2*N + 1.
@_export
def h46e_ssm_izmyon_zenn(N=4):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.A = _p(N, N)
            self.B = _p(N, 1)
            self.C = _p(1, N)
            self.D = _p(1, 1)

        def forward(self, u, x, dt=0.1):  # u: (B, 1), x: (B, N)
            x_new = x + dt * (x @ self.A.T + u @ self.B.T)
            y = x_new @ self.C.T + u @ self.D.T
            return y, x_new
    return Cell()


# ryotgm0417/rc-bootcamp ch.11, SSM formulation (time-invariant case): x (N), scalar u, y; A (N, N), B (N, 1),
# C (1, N), D (1, 1). One Euler step stands in for dx/dt. Count: N*N + 2*N + 1.
@_export
def h46e_ssm_rc_bootcamp(N=4):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.A = _p(N, N)
            self.B = _p(N, 1)
            self.C = _p(1, N)
            self.D = _p(1, 1)

        def forward(self, u, x, dt=0.1):  # u: (B, 1), x: (B, N)
            x_new = x + dt * (x @ self.A.T + u @ self.B.T)
            return x_new @ self.C.T + u @ self.D.T, x_new
    return Cell()


# ryotgm0417/rc-bootcamp ch.11, multi-head multi-layer SSM (the H-SSMs-per-layer form "used in practice"); per layer l
# and head h: Abar (N, N), Bbar (N, 1), C (1, N), D (1, 1), W^{(l,h)} (H); all learnable. phi = tanh.
# Count: L*H*(N*N + 2*N + 1 + H).
@_export
def h46e_multihead_ssm_rc_bootcamp(L=2, H=3, N=4):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.Abar = _p(L, H, N, N)
            self.Bbar = _p(L, H, N)
            self.C = _p(L, H, N)
            self.D = _p(L, H)
            self.W = _p(L, H, H)

        def forward(self, u, x):  # u: (B,) scalar input; x: (B, L, H, N)
            uh = u[:, None].expand(-1, H)  # u^{(0,h)} = u
            xs = []
            for l in range(L):
                x_new = torch.einsum('hij,bhj->bhi', self.Abar[l], x[:, l]) + self.Bbar[l] * uh[..., None]
                y = (self.C[l] * x[:, l]).sum(-1) + self.D[l] * uh
                uh = torch.tanh(torch.tanh(y) @ self.W[l].T) + uh
                xs.append(x_new)
            return uh, torch.stack(xs, 1)
    return Cell()


# yitenyun.com (Chinese blog, Mamba-3 series ch.2), linear time-varying SSM; read as its time-invariant instance:
# A (N, N), B (N), C (N), D (1) [refuse: A(t), B(t), C(t), D(t) are time-varying and the text does not say how they
# are produced (learned constants, or functions of the input as in Mamba); D's shape line is not in the excerpt].
# Count: N*N + 2*N + 1.
@_export
def h46e_ltv_ssm_yitenyun(N=4):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.A = _p(N, N)
            self.B = _p(N)
            self.C = _p(N)
            self.D = _p(1)

        def forward(self, x, h, dt=0.1):  # x: (B, 1), h: (B, N)
            h_new = h + dt * (h @ self.A.T + x * self.B)
            return (h_new * self.C).sum(-1, keepdim=True) + self.D * x, h_new
    return Cell()


# nigimitama.github.io notes (Japanese), continuous-time SSM with 1-dim input x(t), N-dim latent h(t), 1-dim output;
# A (N, N), B (N, 1), C (1, N), D (1, 1), all said learned (the remark that some models set D=0 is an aside).
# Count: N*N + 2*N + 1.
@_export
def h46e_ssm_nigimitama(N=4):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.A = _p(N, N)
            self.B = _p(N, 1)
            self.C = _p(1, N)
            self.D = _p(1, 1)

        def forward(self, x, h, dt=0.1):  # x: (B, 1), h: (B, N)
            h_new = h + dt * (h @ self.A.T + x @ self.B.T)
            return h_new @ self.C.T + x @ self.D.T, h_new
    return Cell()


# latticeofdeeplearning.substack.com part 6, gated delta rule S_t = a_t (.) S_{t-1} + b_t (delta (x) k_t),
# delta = v_t - S_{t-1} k_t; read with bias-free projections of x_t (width d): W_k, W_v (d, d), forget gate
# alpha_t = sigmoid(W_a x_t) per row of S (d, d), write strength beta_t = sigmoid(w_b . x_t) scalar (d)
# [refuse: no projection is written; alpha_t may be scalar, vector or matrix; no query/read-out in the excerpt].
# Count: 3*d*d + d.
@_export
def h46e_gated_delta_substack(d=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_k = _p(d, d)
            self.W_v = _p(d, d)
            self.W_a = _p(d, d)
            self.w_b = _p(d)

        def forward(self, x, S):  # S: (B, d, d), S @ k predicts v
            k = x @ self.W_k.T
            v = x @ self.W_v.T
            a = torch.sigmoid(x @ self.W_a.T)
            b = torch.sigmoid(x @ self.w_b)[:, None, None]
            pred = torch.einsum('bij,bj->bi', S, k)
            delta = v - pred
            return a[:, :, None] * S + b * (delta[:, :, None] * k[:, None, :])
    return Cell()
