"""Oracles for the h42e set-aside snippets (heldout42), as its gatherer wrote them."""
import torch
from torch import nn

__all__ = []


def _export(f):
    __all__.append(f.__name__)
    return f


def _p(*shape):
    return nn.Parameter(torch.randn(*shape) * 0.1)


# makinzm/understanding vision-mamba.md, S4 background; A (N×N), B (N×1), C (1×N) for a scalar input x(t),
# plus the timescale parameter Δ (a scalar, written as a parameter of the ZOH discretization);
# Count: N^2 + N + N + 1.
@_export
def h42e_makinzm_s4ssm(N=4):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.A = _p(N, N)
            self.B = _p(N, 1)
            self.C = _p(1, N)
            self.delta = _p(1)

        def forward(self, x, h):
            dA = self.delta * self.A
            Abar = torch.matrix_exp(dA)
            Bbar = torch.linalg.solve(dA, (Abar - torch.eye(N)) @ (self.delta * self.B))
            h = h @ Abar.T + x @ Bbar.T          # x: (batch, 1), h: (batch, N)
            y = h @ self.C.T
            return y, h
    return Cell()


# LGirrbach/PyTorch-QRNN README; only the pooling h_t = f_t h_{t-1} + (1-f_t) z_t is written, z and f come from a
# convolution of width kernel_size whose gate set depends on `mode` ("f", "fo", "ifo") — not fixed by the text.
# Most plausible reading (the only pooling written is f-pooling): Conv1d(input_size -> 2*hidden_size, kernel_size)
# with bias for z and f; Count: 2*(hidden_size*input_size*kernel_size + hidden_size).
@_export
def h42e_lgirrbach_qrnn(input_size=7, hidden_size=5, kernel_size=2):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.conv = nn.Conv1d(input_size, 2 * hidden_size, kernel_size)

        def forward(self, x_window, h):
            # x_window: (batch, input_size, kernel_size) — current and previous inputs
            zf = self.conv(x_window).squeeze(-1)
            z, f = zf.chunk(2, dim=-1)
            z = torch.tanh(z)
            f = torch.sigmoid(f)
            return f * h + (1 - f) * z
    return Cell()


# nickvankemenade-ai/RTGU models/rtgu.py RTGUCell; linear_r, linear_z, linear_h each nn.Linear(x+h -> h) with bias;
# Count: 3*(h*(x+h) + h).
@_export
def h42e_rtgu_cell(input_size=7, hidden_size=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.linear_r = nn.Linear(input_size + hidden_size, hidden_size)
            self.linear_z = nn.Linear(input_size + hidden_size, hidden_size)
            self.linear_h = nn.Linear(input_size + hidden_size, hidden_size)

        def forward(self, x, h):
            combined = torch.cat([x, h], dim=1)
            r = torch.sigmoid(self.linear_r(combined))
            z = torch.sigmoid(self.linear_z(combined))
            h_tilde = torch.tanh(self.linear_h(torch.cat([x, r * h], dim=1)))
            return (1 - z) * h + z * h_tilde
    return Cell()


# makinzm/understanding GRU4Rec notes; GRU without biases: W_r, W_z, W (d×|I|), U_r, U_z, U (d×d),
# output layer W_o (|I|×d) without bias; Count: 3*d*I + 3*d*d + I*d.
@_export
def h42e_makinzm_gru4rec(I=7, d=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_r, self.W_z, self.W = _p(d, I), _p(d, I), _p(d, I)
            self.U_r, self.U_z, self.U = _p(d, d), _p(d, d), _p(d, d)
            self.W_o = _p(I, d)

        def forward(self, x, h):
            r = torch.sigmoid(x @ self.W_r.T + h @ self.U_r.T)
            z = torch.sigmoid(x @ self.W_z.T + h @ self.U_z.T)
            h_tilde = torch.tanh(x @ self.W.T + (r * h) @ self.U.T)
            h = (1 - z) * h + z * h_tilde
            y = torch.softmax(h @ self.W_o.T, dim=-1)
            return y, h
    return Cell()


# ufal/npfl114 lecture 7, original LSTM (input and output gates, no forget gate); W^i, W^o, W^y (h×x),
# V^i, V^o, V^y (h×h), b^i, b^o, b^y (h); Count: 3*(h*x + h*h + h).
@_export
def h42e_npfl114_lstm1997(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W = nn.ParameterDict({g: _p(h, x) for g in "ioy"})
            self.V = nn.ParameterDict({g: _p(h, h) for g in "ioy"})
            self.b = nn.ParameterDict({g: _p(h) for g in "ioy"})

        def forward(self, xt, state):
            hp, cp = state
            pre = {g: xt @ self.W[g].T + hp @ self.V[g].T + self.b[g] for g in "ioy"}
            i, o = torch.sigmoid(pre["i"]), torch.sigmoid(pre["o"])
            c = cp + i * torch.tanh(pre["y"])
            return o * torch.tanh(c), c
    return Cell()


# ufal/npfl114 lecture 7, GRU with update gate u; W^r, W^u, W^h (h×x), V^r, V^u, V^h (h×h), b^r, b^u, b^h (h);
# Count: 3*(h*x + h*h + h).
@_export
def h42e_npfl114_gru(x=6, h=4):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W = nn.ParameterDict({g: _p(h, x) for g in "ruh"})
            self.V = nn.ParameterDict({g: _p(h, h) for g in "ruh"})
            self.b = nn.ParameterDict({g: _p(h) for g in "ruh"})

        def forward(self, xt, hp):
            r = torch.sigmoid(xt @ self.W["r"].T + hp @ self.V["r"].T + self.b["r"])
            u = torch.sigmoid(xt @ self.W["u"].T + hp @ self.V["u"].T + self.b["u"])
            hh = torch.tanh(xt @ self.W["h"].T + (r * hp) @ self.V["h"].T + self.b["h"])
            return u * hp + (1 - u) * hh
    return Cell()


# M0rtzz/paper-notes WARP notes; the learned parameters of the recurrence are A (D_θ×D_θ) and B (D_θ×D_x);
# the state θ_t is the root MLP's weight vector (state, not a parameter); no bias; Count: D_θ^2 + D_θ*D_x.
@_export
def h42e_m0rtzz_warp(D_theta=6, D_x=3):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.A = _p(D_theta, D_theta)
            self.B = _p(D_theta, D_x)

        def forward(self, x_t, x_prev, theta):
            return theta @ self.A.T + (x_t - x_prev) @ self.B.T
    return Cell()


# thegodone/mingru mingru_seq.py; dim_inner = int(units*expansion_factor); W (input_dim × 2*dim_inner), no bias;
# W_out (dim_inner × units) since expansion_factor != 1; Count: input_dim*2*dim_inner + dim_inner*units.
@_export
def h42e_thegodone_mingru(units=5, input_dim=7, expansion_factor=1.5):
    dim_inner = int(units * expansion_factor)

    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W = _p(input_dim, dim_inner * 2)
            self.W_out = _p(dim_inner, units) if expansion_factor != 1 else None

        def forward(self, x, h_prev):
            z, h_tilde = (x @ self.W).chunk(2, dim=1)
            h_tilde = torch.where(h_tilde >= 0, h_tilde + 0.5, torch.sigmoid(h_tilde))
            z = torch.sigmoid(z)
            h = (1 - z) * h_prev + z * h_tilde       # h_prev has dim_inner columns
            return h @ self.W_out if self.W_out is not None else h
    return Cell()


# naidezhujimo/YingRet model.py Retention (double_v_dim=True default); Wq, Wk (d_model×d_model, no bias),
# Wv (2*d_model × d_model, no bias), gamma_logit (n_heads), GroupNorm(n_heads, d_model) with affine weight+bias
# (2*d_model); Count: 4*d_model^2 + n_heads + 2*d_model. (The GroupNorm is declared over d_model channels; the
# oracle feeds it the 2*d_model-wide output viewed as (B, d_model, 2) so one step runs.)
@_export
def h42e_yingret_retention(d_model=8, n_heads=2):
    head_dim = d_model // n_heads

    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.Wq = nn.Linear(d_model, d_model, bias=False)
            self.Wk = nn.Linear(d_model, d_model, bias=False)
            self.Wv = nn.Linear(d_model, 2 * d_model, bias=False)
            self.gamma_logit = nn.Parameter(torch.randn(n_heads))
            self.group_norm = nn.GroupNorm(num_groups=n_heads, num_channels=d_model)

        def forward(self, x, state):
            B = x.shape[0]
            q = self.Wq(x).view(B, n_heads, head_dim)
            k = self.Wk(x).view(B, n_heads, head_dim)
            v = self.Wv(x).view(B, n_heads, 2 * head_dim)
            gamma = torch.sigmoid(self.gamma_logit).view(1, -1, 1, 1)
            state = gamma * state + torch.einsum('bhd,bhe->bhde', k, v)
            out = torch.einsum('bhd,bhde->bhe', q, state).reshape(B, -1)
            out = self.group_norm(out.view(B, d_model, 2)).reshape(B, -1)
            return out, state
    return Cell()


# gaotianpu/antiai RetNet §2.2 (refuse: the text gives per-head W_Q, W_K, W_V ∈ R^{d×d} while X has d_model
# columns, and does not say whether GroupNorm_h has learned affine parameters; γ is fixed). Most plausible
# reading (the paper's implementation): per-head W_Q, W_K, W_V of d_model×d (d = d_model/h), W_G and W_O of
# d_model×d_model, GroupNorm without learned parameters, γ fixed; Count: 3*h*d_model*d + 2*d_model^2.
@_export
def h42e_gaotianpu_msr(d_model=8, h=2):
    d = d_model // h

    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_Q = _p(h, d_model, d)
            self.W_K = _p(h, d_model, d)
            self.W_V = _p(h, d_model, d)
            self.W_G = _p(d_model, d_model)
            self.W_O = _p(d_model, d_model)
            self.register_buffer("gamma", 1 - 2.0 ** (-5 - torch.arange(h, dtype=torch.float32)))

        def forward(self, x, S):
            q = torch.einsum('bm,hmd->bhd', x, self.W_Q)
            k = torch.einsum('bm,hmd->bhd', x, self.W_K)
            v = torch.einsum('bm,hmd->bhd', x, self.W_V)
            S = self.gamma.view(1, h, 1, 1) * S + torch.einsum('bhd,bhe->bhde', k, v)
            heads = torch.einsum('bhd,bhde->bhe', q, S)
            Y = nn.functional.group_norm(heads.reshape(x.shape[0], h, d), h).reshape(x.shape[0], d_model)
            out = (nn.functional.silu(x @ self.W_G) * Y) @ self.W_O
            return out, S
    return Cell()


# shagunsodhani/papers-I-read (refuse: h_t = Φ_w(h_{t-1}, x_t) is an abstract map; the RNN case is only alluded
# to). Most plausible reading: a plain RNN h_t = tanh(W h_{t-1} + U x_t) without bias (Φ_w(0,0) = 0);
# Count: h*h + h*x.
@_export
def h42e_shagun_phiw(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W = _p(h, h)
            self.U = _p(h, x)

        def forward(self, xt, hp):
            return torch.tanh(hp @ self.W.T + xt @ self.U.T)
    return Cell()


# hrshtv/pytorch-lmu LMUCell (learn_a = learn_b = False, so A and B are buffers); e_x (1×input_size),
# e_h (1×hidden_size), e_m (1×memory_size), W_x (hidden×input), W_h (hidden×hidden), W_m (hidden×memory), no bias;
# Count: input_size + hidden_size + memory_size + hidden*(input + hidden + memory).
@_export
def h42e_hrshtv_lmu(input_size=3, hidden_size=5, memory_size=4):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.register_buffer("A", torch.eye(memory_size) * 0.9)
            self.register_buffer("B", torch.ones(memory_size, 1) * 0.1)
            self.e_x = _p(1, input_size)
            self.e_h = _p(1, hidden_size)
            self.e_m = _p(1, memory_size)
            self.W_x = _p(hidden_size, input_size)
            self.W_h = _p(hidden_size, hidden_size)
            self.W_m = _p(hidden_size, memory_size)

        def forward(self, x, state):
            h, m = state
            F = nn.functional
            u = F.linear(x, self.e_x) + F.linear(h, self.e_h) + F.linear(m, self.e_m)
            m = F.linear(m, self.A) + F.linear(u, self.B)
            h = torch.tanh(F.linear(x, self.W_x) + F.linear(h, self.W_h) + F.linear(m, self.W_m))
            return h, m
    return Cell()
