"""Oracles for the h52e set-aside snippets (heldout52), as its gatherer wrote them."""
import torch
from torch import nn

__all__ = []


def _export(f):
    __all__.append(f.__name__)
    return f


def _p(*shape):
    return nn.Parameter(torch.randn(*shape) * 0.1)


class _BlockDiag(nn.Module):
    """num_head blocks, each head_dim_state x head_dim_input (no bias)."""
    def __init__(self, x, h, heads):
        super().__init__()
        self.heads = heads
        self.w = _p(heads, h // heads, x // heads)

    def forward(self, inp):
        xs = inp.view(*inp.shape[:-1], self.heads, -1)
        return torch.einsum('hoi,...hi->...ho', self.w, xs).flatten(-2)


# xaviergonzalez/ml-pararnn gru_diag_mh.py docstring (diagonal GRU, block-diag input);
# Az, Ar, Ah: vectors (h); Bz, Br, Bh: block-diag with num_head blocks (h/H x x/H); bz, br, bh: (h).
# Count: 3h + 3*x*h/H + 3h.
@_export
def h52e_pararnn_gru_diag(x=8, h=6, num_head=2):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.Az, self.Ar, self.Ah = _p(h), _p(h), _p(h)
            self.Bz, self.Br, self.Bh = (_BlockDiag(x, h, num_head) for _ in range(3))
            self.bz, self.br, self.bh = _p(h), _p(h), _p(h)

        def forward(self, xt, ht):
            z = torch.sigmoid(self.Az * ht + self.Bz(xt) + self.bz)
            r = torch.sigmoid(self.Ar * ht + self.Br(xt) + self.br)
            hn = torch.tanh(self.Ah * (ht * r) + self.Bh(xt) + self.bh)
            return (1 - z) * ht + z * hn
    return Cell()


# xaviergonzalez/ml-pararnn lstm_cifg_diag_mh.py docstring (CIFG LSTM, diagonal A);
# reading the equations (not the collated lists): Af, Ac, Ao vectors (h); Bf, Bc, Bo block-diag (h/H x x/H per block);
# bf, bc, bo (h); peepholes Cf, Co as diagonal vectors (h), as the code does. Count: 3h + 3*x*h/H + 3h + 2h.
@_export
def h52e_pararnn_lstm_cifg_diag(x=8, h=6, num_head=2):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.Af, self.Ac, self.Ao = _p(h), _p(h), _p(h)
            self.Bf, self.Bc, self.Bo = (_BlockDiag(x, h, num_head) for _ in range(3))
            self.bf, self.bc, self.bo = _p(h), _p(h), _p(h)
            self.Cf, self.Co = _p(h), _p(h)

        def forward(self, xt, state):
            ht, ct = state
            f = torch.sigmoid(self.Af * ht + self.Bf(xt) + self.Cf * ct + self.bf)
            cn = torch.tanh(self.Ac * ht + self.Bc(xt) + self.bc)
            c = f * ct + (1 - f) * cn
            o = torch.sigmoid(self.Ao * ht + self.Bo(xt) + self.Co * c + self.bo)
            return o * torch.tanh(c), c
    return Cell()


# wenhuchen/ML-Interview Mamba/README.md (S4-style SSM, x = state, u = input, y = output);
# most plausible reading: A (x x x, learned), B (x x u), C (y x x), D (y x u) from the second block; Δt not counted.
# Count: x^2 + x*u + y*x + y*u.
@_export
def h52e_mlinterview_s4_ssm(x=4, u=3, y=2):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.A = _p(x, x)
            self.B = _p(x, u)
            self.C = _p(y, x)
            self.D = _p(y, u)

        def forward(self, uk, xk):
            dt = 0.1
            Ad = torch.matrix_exp(self.A * dt)
            Bd = torch.linalg.solve(self.A, (Ad - torch.eye(x)) @ self.B)
            xn = xk @ Ad.T + uk @ Bd.T
            return xn @ self.C.T + uk @ self.D.T, xn
    return Cell()


# jaywhang/cs224d-project rnn_cell.py GRUCell (comments + variable shapes);
# W (input_size x 2n), H (n x 2n), B (2n) for [r,u]; Wh (input_size x n), Hh (n x n) for the candidate, no candidate bias;
# self._bias is a Python constant, not learned. Count: 3*x*n + 3*n^2 + 2n.
@_export
def h52e_cs224d_gru_nocandbias(input_size=7, num_units=5):
    x, n = input_size, num_units

    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W, self.H, self.B = _p(x, 2 * n), _p(n, 2 * n), _p(2 * n)
            self.Wh, self.Hh = _p(x, n), _p(n, n)
            self.bias = 1.0

        def forward(self, inp, state):
            r, u = torch.chunk(inp @ self.W + state @ self.H + self.B + self.bias, 2, dim=1)
            r, u = torch.sigmoid(r), torch.sigmoid(u)
            h_tilde = inp @ self.Wh + r * (state @ self.Hh)
            return u * state + (1 - u) * torch.tanh(h_tilde)
    return Cell()


# YugyeongJo/SeSAC_DL_Study rnn_cells.py LSTMCellManual docstring;
# W_i* (h x x), W_h* (h x h), one bias b_* (h) per gate, 4 gates. Count: 4*(x*h + h*h + h).
@_export
def h52e_sesac_lstm_manual(input_dim=7, hidden_dim=5):
    x, h = input_dim, hidden_dim

    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.Wi = nn.ModuleDict({g: nn.Linear(x, h, bias=False) for g in 'ifgo'})
            self.Wh = nn.ModuleDict({g: nn.Linear(h, h, bias=False) for g in 'ifgo'})
            self.b = nn.ParameterDict({g: _p(h) for g in 'ifgo'})

        def forward(self, xt, state):
            hp, cp = state
            pre = {g: self.Wi[g](xt) + self.Wh[g](hp) + self.b[g] for g in 'ifgo'}
            i, f, o = (torch.sigmoid(pre[g]) for g in 'ifo')
            g = torch.tanh(pre['g'])
            c = f * cp + i * g
            return o * torch.tanh(c), c
    return Cell()


# ericodle/xLSTM-genre-classifier xlstm.py sLSTMBlock (code only);
# LayerNorm(input_size) weight+bias (2x); Wz,Wi,Wf,Wo nn.Linear(x,h) with bias; Rz,Ri,Rf,Ro nn.Linear(h,h) with bias;
# gate_init (h). Count: 2x + 4(xh + h) + 4(h^2 + h) + h.
@_export
def h52e_genrexlstm_slstm_block(input_size=7, hidden_size=5):
    x, h = input_size, hidden_size

    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.layer_norm = nn.LayerNorm(x)
            self.Wz, self.Wi, self.Wf, self.Wo = (nn.Linear(x, h) for _ in range(4))
            self.Rz, self.Ri, self.Rf, self.Ro = (nn.Linear(h, h) for _ in range(4))
            self.gate_init = nn.Parameter(torch.ones(h) * 0.0001)

        def forward(self, xt, state):
            hp, cp = state
            xn = self.layer_norm(xt)
            z = torch.tanh(self.Wz(xt) + self.Rz(hp))
            i = torch.sigmoid(self.Wi(xn) + self.Ri(hp))
            f = torch.sigmoid(self.Wf(xn) + self.Rf(hp))
            o = torch.sigmoid(self.Wo(xt) + self.Ro(hp))
            f_exp = torch.sigmoid(self.gate_init * f) + 0.1
            c = f_exp * cp + i * z
            return o * torch.tanh(c), c
    return Cell()


# hokwangchoi/hc-model-study mamba.py MambaBlock (docstring + __init__);
# d_inner = expand*d_model, dt_rank = ceil(d_model/16); in_proj (2di x d, no bias), conv1d depthwise (di x 1 x d_conv + di bias),
# x_proj (dt_rank+2N x di, no bias), dt_proj (di x dt_rank + di bias), A_log (di x N), D (di), out_proj (d x di, no bias).
# Count: 2*di*d + di*(d_conv+1) + di*(dt_rank+2N) + dt_rank*di + di + di*N + di + di*d.
@_export
def h52e_hcstudy_mamba_block(d_model=8, d_state=4, d_conv=3, expand=2):
    import math
    import torch.nn.functional as F
    d, N = d_model, d_state
    di = expand * d
    r = math.ceil(d / 16)

    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.in_proj = nn.Linear(d, 2 * di, bias=False)
            self.conv1d = nn.Conv1d(di, di, kernel_size=d_conv, groups=di, padding=d_conv - 1, bias=True)
            self.x_proj = nn.Linear(di, r + 2 * N, bias=False)
            self.dt_proj = nn.Linear(r, di, bias=True)
            self.A_log = nn.Parameter(torch.log(torch.arange(1, N + 1, dtype=torch.float32).repeat(di, 1)))
            self.D = nn.Parameter(torch.ones(di))
            self.out_proj = nn.Linear(di, d, bias=False)

        def forward(self, x_t, h, conv_cache):
            x_ssm, z = self.in_proj(x_t).chunk(2, dim=-1)
            conv_cache = torch.cat([conv_cache[..., 1:], x_ssm.unsqueeze(-1)], dim=-1)
            x_ssm = F.silu(torch.einsum('bdk,dk->bd', conv_cache, self.conv1d.weight.squeeze(1)) + self.conv1d.bias)
            dt, B, C = torch.split(self.x_proj(x_ssm), [r, N, N], dim=-1)
            delta = F.softplus(self.dt_proj(dt))
            A = -torch.exp(self.A_log)
            h = torch.exp(delta.unsqueeze(-1) * A) * h + delta.unsqueeze(-1) * B.unsqueeze(1) * x_ssm.unsqueeze(-1)
            y = torch.einsum('bdn,bn->bd', h, C) + self.D * x_ssm
            return self.out_proj(y * F.silu(z)), h, conv_cache
    return Cell()


# ysngshn/torch-indrnn indrnn.py IndRNN module: only weight_hh (hidden_size,); input projection lives outside the module.
# Count: hidden_size.
@_export
def h52e_torchindrnn_module(hidden_size=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.weight_hh = nn.Parameter(torch.rand(hidden_size))

        def forward(self, t_input, h):
            return torch.relu(t_input + self.weight_hh * h)
    return Cell()


# ju-baer/implementations gla/README.md; most plausible reading of a GLA layer on model width d:
# W_alpha (d x d, no bias as written) plus q, k, v projections W_q, W_k, W_v (d x d each, no bias), state S (d x d).
# Count: 4 d^2 (the text only writes W_alpha; q/k/v projections are implied, not written).
@_export
def h52e_jubaer_gla(d=6):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_alpha = nn.Linear(d, d, bias=False)
            self.W_q = nn.Linear(d, d, bias=False)
            self.W_k = nn.Linear(d, d, bias=False)
            self.W_v = nn.Linear(d, d, bias=False)

        def forward(self, x_t, S):
            alpha = torch.sigmoid(self.W_alpha(x_t))
            q, k, v = self.W_q(x_t), self.W_k(x_t), self.W_v(x_t)
            S = alpha.unsqueeze(-1) * S + k.unsqueeze(-1) * v.unsqueeze(-2)
            o = torch.einsum('bk,bkv->bv', q, S)
            return o, S
    return Cell()


# ioannisantoniadis/transformer-atlas gated-deltanet-and-kda/README.md (Gated DeltaNet);
# most plausible reading on input width d: W_q, W_k (d_k x d), W_v (d_v x d), w_beta (d -> 1), w_alpha (d -> 1), no biases;
# S is d_v x d_k. Count: 2*d_k*d + d_v*d + 2d (the text writes none of these projections).
@_export
def h52e_atlas_gated_deltanet(d=6, d_k=4, d_v=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_q = nn.Linear(d, d_k, bias=False)
            self.W_k = nn.Linear(d, d_k, bias=False)
            self.W_v = nn.Linear(d, d_v, bias=False)
            self.w_beta = nn.Linear(d, 1, bias=False)
            self.w_alpha = nn.Linear(d, 1, bias=False)

        def forward(self, x_t, S):
            q, k, v = self.W_q(x_t), self.W_k(x_t), self.W_v(x_t)
            beta = torch.sigmoid(self.w_beta(x_t)).unsqueeze(-1)
            alpha = torch.sigmoid(self.w_alpha(x_t)).unsqueeze(-1)
            eye = torch.eye(d_k).expand(x_t.shape[0], d_k, d_k)
            erase = eye - beta * k.unsqueeze(-1) * k.unsqueeze(-2)
            S = alpha * (S @ erase) + beta * v.unsqueeze(-1) * k.unsqueeze(-2)
            return torch.einsum('bvk,bk->bv', S, q), S
    return Cell()


# ju-baer/implementations griffin_mini.ipynb RGLRU class (code);
# input_gate_proj and recurrence_gate_proj nn.Linear(d, d) with bias; log_lambda (d); c constant.
# Count: 2*(d*d + d) + d.
@_export
def h52e_jubaer_rglru(d_model=6):
    d = d_model

    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.c = 8.0
            self.input_gate_proj = nn.Linear(d, d, bias=True)
            self.recurrence_gate_proj = nn.Linear(d, d, bias=True)
            self.log_lambda = nn.Parameter(torch.linspace(-4.0, -0.1, d))

        def forward(self, x_t, h):
            r = torch.sigmoid(self.recurrence_gate_proj(x_t))
            i = torch.sigmoid(self.input_gate_proj(x_t))
            a = torch.sigmoid(self.log_lambda) ** (self.c * r)
            return a * h + torch.sqrt((1 - a ** 2).clamp_min(1e-6)) * (i * x_t)
    return Cell()
