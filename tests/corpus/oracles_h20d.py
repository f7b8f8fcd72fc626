import torch
from torch import nn

__all__ = []


def _export(f):
    __all__.append(f.__name__)
    return f


def _p(*shape):
    return nn.Parameter(torch.randn(*shape) * 0.1)


# stored file id 41651422105 (JAX DeltaNet module docstring; expect refuse: q_t, k_t, v_t are never
# derived from the input, and beta_t is only "typically sigmoid(linear(x))"). One plausible reading:
# W_q, W_k: d_k x x, W_v: d_v x x (no bias), beta = sigmoid(w_beta . x + b_beta) (scalar).
# x(2 d_k + d_v) + x + 1.
@_export
def h20d_jaxdeltanet_deltanet(x=7, d_k=5, d_v=4):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_q = _p(d_k, x)
            self.W_k = _p(d_k, x)
            self.W_v = _p(d_v, x)
            self.beta = nn.Linear(x, 1)

        def forward(self, xt, S):
            q, k, v = self.W_q @ xt, self.W_k @ xt, self.W_v @ xt
            beta = torch.sigmoid(self.beta(xt))[0]
            v_old = S.T @ k
            S = S + torch.outer(k, beta * (v - v_old))
            return q @ S, S

    return Cell()


# stored file id 11623455551 (simplified JAX LRU, Orvieto et al. 2023 appendix: docstring, forward,
# init_lru_parameters). nu_log, theta_log, gamma_log: (N,); B_re, B_im: (N, H); C_re, C_im: (H, N);
# D: (H,). 4NH + 3N + H.
@_export
def h20d_jaxlru_lru(H=7, N=5):
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


# stored file id 2705192199 (Korean-commented PyTorch module, class MambaBlock). delta_proj,
# out_proj: Linear(d_model, d_model); B_proj, C_proj: Linear(d_model, d_state); A: (d_model, d_state).
# 2 d_model (d_model + 1) + 2 d_state (d_model + 1) + d_model d_state.
@_export
def h20d_ko_mambablock(d_model=7, d_state=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.delta_proj = nn.Linear(d_model, d_model)
            self.B_proj = nn.Linear(d_model, d_state)
            self.C_proj = nn.Linear(d_model, d_state)
            self.out_proj = nn.Linear(d_model, d_model)
            self.A = nn.Parameter(torch.randn(d_model, d_state) * 0.01)

        def forward(self, x, h):
            delta = nn.functional.softplus(self.delta_proj(x))
            B_t = self.B_proj(x)
            C_t = self.C_proj(x)
            h = h * (1 - delta.mean(1, keepdim=True)) + delta.mean(1, keepdim=True) * B_t * torch.sigmoid(self.A.mean(0))
            y = (h * C_t).sum(1, keepdim=True).expand(-1, d_model) * x
            return self.out_proj(y), h

    return Cell()


# cai-jianfeng/cai-jianfeng.github.io _posts/2023-10-19-blog-paper-RetNet.md (Chinese RetNet notes, recurrent
# form). omega_V, W_Q, W_K in R^{d x d}; A in R^{d x d} (the state transition s_n = A s_{n-1} + K_n^T v_n).
# 4 d^2.
@_export
def h20d_caijf_retention(d=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.omega_V = _p(d, d)
            self.W_Q = _p(d, d)
            self.W_K = _p(d, d)
            self.A = _p(d, d)

        def forward(self, X_n, s):
            v = X_n @ self.omega_V
            Q = X_n @ self.W_Q
            K = X_n @ self.W_K
            s = self.A @ s + torch.outer(K, v)
            return Q @ s, s

    return Cell()


# ekg/elman-proofs docs/expressivity/02-foundations.typ, #definition("MinGRU"). W_z, W_h: d x x, no biases.
# 2 d x.
@_export
def h20d_elmanproofs_mingru(x=7, d=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_z = _p(d, x)
            self.W_h = _p(d, x)

        def forward(self, xt, h):
            z = torch.sigmoid(self.W_z @ xt)
            h_tilde = self.W_h @ xt
            return (1 - z) * h + z * h_tilde

    return Cell()


# ekg/elman-proofs docs/expressivity/02-foundations.typ, #definition("E88 Vector State (E1 Gated Elman)").
# W_h, W_g: d x d; W_x, V_g: d x m; b, b_g: d. 2 d^2 + 2 d m + 2 d.
@_export
def h20d_elmanproofs_e1(d=5, m=7):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_h = _p(d, d)
            self.W_x = _p(d, m)
            self.b = _p(d)
            self.W_g = _p(d, d)
            self.V_g = _p(d, m)
            self.b_g = _p(d)

        def forward(self, xt, h):
            cand = torch.tanh(self.W_h @ h + self.W_x @ xt + self.b)
            gate = torch.sigmoid(self.W_g @ h + self.V_g @ xt + self.b_g)
            return cand * gate

    return Cell()


# stored file id 9475010 (course chapter "Gated Linear Attention: GLA, DeltaNet, and the Kimi Line",
# GLA section and class GatedLinearAttention). W_q, W_k, W_v, W_g, W_o: nn.Linear(d_model, d_model) with
# bias; heads only split d_model. 5 d_model (d_model + 1).
@_export
def h20d_glacourse_gla(d_model=6, num_heads=3):
    d_head = d_model // num_heads

    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_q = nn.Linear(d_model, d_model)
            self.W_k = nn.Linear(d_model, d_model)
            self.W_v = nn.Linear(d_model, d_model)
            self.W_g = nn.Linear(d_model, d_model)
            self.W_o = nn.Linear(d_model, d_model)

        def forward(self, x, state):
            # x: (d_model,), state: (num_heads, d_head, d_head)
            q = nn.functional.silu(self.W_q(x)).view(num_heads, d_head)
            k = nn.functional.silu(self.W_k(x)).view(num_heads, d_head)
            v = self.W_v(x).view(num_heads, d_head)
            g = torch.sigmoid(self.W_g(x)).view(num_heads, d_head)
            kv = torch.einsum('hd,hv->hdv', k, v)
            state = g[:, :, None] * state + (1 - g[:, :, None]) * kv
            out = torch.einsum('hd,hdv->hv', q, state)
            return self.W_o(out.reshape(-1)), state

    return Cell()


# stored file id 695295272 (Lab 04 sheet of the same course; expect refuse: the gate is (d_k) "or
# broadcastable" / "(d_k, d_v) or broadcast-compatible", and whether the Q, K, V projections have biases is
# never said). One plausible reading: W_q, W_k: d_model x d_k, W_v: d_model x d_v without bias;
# W_g: d_model x d_k with b_g in R^{d_k}. d_model (3 d_k + d_v) + d_k.
@_export
def h20d_glalab_gla(d_model=7, d_k=5, d_v=4):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_q = _p(d_model, d_k)
            self.W_k = _p(d_model, d_k)
            self.W_v = _p(d_model, d_v)
            self.W_g = _p(d_model, d_k)
            self.b_g = _p(d_k)

        def forward(self, x, S):
            q, k, v = x @ self.W_q, x @ self.W_k, x @ self.W_v
            g = torch.sigmoid(x @ self.W_g + self.b_g)[:, None]
            S = g * S + (1 - g) * torch.outer(k, v)
            return q @ S, S

    return Cell()


# stored file id 4987180461 (class SelectiveScan, Mamba selective SSM). d_inner = expand * d_model;
# in_proj: Linear(d_model, 2 d_inner, bias=False); depthwise conv1d: d_inner x 1 x d_conv + bias d_inner;
# A_log: d_inner x d_state; x_proj: Linear(d_inner, dt_rank + 2 d_state, bias=False);
# dt_proj: Linear(dt_rank, d_inner) with bias; D: d_inner; out_proj: Linear(d_inner, d_model, bias=False).
# With di = expand*d_model: 3 di d_model + di d_conv + di + di d_state + di (dt_rank + 2 d_state)
#   + dt_rank di + di + di = di (3 d_model + d_conv + 3 d_state + 2 dt_rank + 3).
@_export
def h20d_selscan_mamba(d_model=6, d_state=4, d_conv=3, expand=2, dt_rank=5):
    d_inner = expand * d_model

    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.in_proj = nn.Linear(d_model, 2 * d_inner, bias=False)
            self.conv1d = nn.Conv1d(d_inner, d_inner, kernel_size=d_conv, padding=d_conv - 1,
                                    groups=d_inner, bias=True)
            self.A_log = nn.Parameter(torch.log(torch.arange(1, d_state + 1.0)).repeat(d_inner, 1))
            self.x_proj = nn.Linear(d_inner, dt_rank + 2 * d_state, bias=False)
            self.dt_proj = nn.Linear(dt_rank, d_inner, bias=True)
            self.D = nn.Parameter(torch.ones(d_inner))
            self.out_proj = nn.Linear(d_inner, d_model, bias=False)

        def forward(self, x, state):
            # x: (d_model,); state: (h (d_inner, d_state), conv window (d_inner, d_conv - 1))
            h, win = state
            xz = self.in_proj(x)
            xi, z = xz[:d_inner], xz[d_inner:]
            window = torch.cat([win, xi[:, None]], dim=1)  # (d_inner, d_conv)
            xc = nn.functional.silu((window * self.conv1d.weight[:, 0, :]).sum(1) + self.conv1d.bias)
            dbc = self.x_proj(xc)
            dt = nn.functional.softplus(self.dt_proj(dbc[:dt_rank]))
            B, C = dbc[dt_rank:dt_rank + d_state], dbc[dt_rank + d_state:]
            A = -torch.exp(self.A_log)
            h = torch.exp(dt[:, None] * A) * h + dt[:, None] * B[None, :] * xc[:, None]
            y = (h * C[None, :]).sum(1) + self.D * xc
            return self.out_proj(y * nn.functional.silu(z)), (h, window[:, 1:])

    return Cell()


# stored file id 30901139276 (Rust DenseSelectiveSSM). Trainable (impl ToParams): t_w: d_in x d_model,
# t_b: d_model, b: d_in x d_model, c: d_model x d_out. a (d_model, fixed -1..-d_model) is not in the
# parameter list, kept as a buffer. 2 d_in d_model + d_model + d_model d_out.
@_export
def h20d_rustdense_ssm(d_model=5, d_in=7, d_out=4):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.t_w = _p(d_in, d_model)
            self.t_b = nn.Parameter(torch.zeros(d_model))
            self.register_buffer("a", -torch.arange(1, d_model + 1, dtype=torch.float32))
            self.b = _p(d_in, d_model)
            self.c = _p(d_model, d_out)

        def forward(self, x_t, state):
            delta = nn.functional.softplus(x_t @ self.t_w + self.t_b)
            a_bar = torch.exp(delta * self.a)
            b = (a_bar - 1.0) / self.a * (x_t @ self.b)
            state = a_bar * state + b
            return state @ self.c, state

    return Cell()


# stored file id 32190804899 (Equinox sLSTMCell). head_size = hidden_size / n_heads;
# weight_if, weight_zo: (n_heads, 2 head_size, input_size); weight_hh: (n_heads, 4 head_size, head_size);
# bias: (n_heads, 4 head_size). 4 hidden_size input_size + 4 hidden_size^2 / n_heads + 4 hidden_size.
@_export
def h20d_eqx_slstm(input_size=7, hidden_size=6, n_heads=2):
    hs = hidden_size // n_heads

    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.weight_if = _p(n_heads, 2 * hs, input_size)
            self.weight_zo = _p(n_heads, 2 * hs, input_size)
            self.weight_hh = _p(n_heads, 4 * hs, hs)
            self.bias = _p(n_heads, 4 * hs)

        def forward(self, x, state):
            prev_h, prev_c, prev_m, prev_n = state  # each (n_heads, hs)
            lin = torch.cat([self.weight_if @ x, self.weight_zo @ x], dim=1)
            lin = lin + (self.weight_hh @ prev_h[..., None]).squeeze(2) + self.bias
            i, f, z, o = torch.split(lin, hs, dim=1)
            z, o = torch.tanh(z), torch.sigmoid(o)
            m = torch.maximum(f + prev_m, i)
            i, f = torch.exp(i - m), torch.exp(f + prev_m - m)
            c = f * prev_c + i * z
            n = f * prev_n + i
            h = o * (c / n)
            return (h, c, m, n), h.reshape(hidden_size)

    return Cell()
