"""Oracles for the h48e set-aside snippets (heldout48), as its gatherer wrote them."""
import torch
from torch import nn

__all__ = []


def _export(f):
    __all__.append(f.__name__)
    return f


def _p(*shape):
    return nn.Parameter(torch.randn(*shape) * 0.1)


# nichoc0/xlstm README, Scalar-Matrix LSTM cell (mLSTM-like): C_t = f_t C_{t-1} + i_t (v_t ⊗ k_t),
# n_t = f_t n_{t-1} + i_t k_t, h_t = o_t ⊙ C_t q_t / max(|q_t^T n_t|, θ).  The text never writes how q, k, v, o,
# i, f are computed [refuse]; read as in the xLSTM paper with input x_t ∈ R^d: W_q, W_k, W_v, W_o (d, d) with bias,
# scalar gates i_t = exp(w_i^T x_t + b_i), f_t = sigmoid(w_f^T x_t + b_f) (w: d, b: 1); θ a constant.
# Count: 4*(d*d + d) + 2*(d + 1).
@_export
def h48e_smlstm_nichoc0_readme(d=4):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.q = nn.Linear(d, d)
            self.k = nn.Linear(d, d)
            self.v = nn.Linear(d, d)
            self.o = nn.Linear(d, d)
            self.i = nn.Linear(d, 1)
            self.f = nn.Linear(d, 1)

        def forward(self, x_t, C_prev, n_prev, theta=1.0):
            q, k, v = self.q(x_t), self.k(x_t), self.v(x_t)
            o = torch.sigmoid(self.o(x_t))
            i = torch.exp(self.i(x_t)).unsqueeze(-1)
            f = torch.sigmoid(self.f(x_t)).unsqueeze(-1)
            C = f * C_prev + i * torch.einsum('bi,bj->bij', v, k)
            n = f.squeeze(-1) * n_prev + i.squeeze(-1) * k
            den = torch.clamp((q * n).sum(-1, keepdim=True).abs(), min=theta)
            h = o * torch.einsum('bij,bj->bi', C, q) / den
            return h, C, n
    return Cell()


# SkyeGunasekaran/Depth-Gated-Deltanet README, gated delta rule state bank: α_t = exp(g_t),
# S_{t+1} = α_t S_t + β_t (v_t - S_t k_t) k_t^T, o_t = S_t q_t.  q, k, v, g, β are never tied to the input and no
# size is given [refuse]; read as one head of width d on an input of width d: W_q, W_k, W_v (d, d) bias-free,
# g_t = -softplus(w_g^T x + b_g) (scalar, with bias), β_t = sigmoid(w_β^T x + b_β) (scalar, with bias); the attention,
# MLP, norms and injection scale/gate around it are not counted (only the recurrence).
# Count: 3*d*d + 2*(d + 1).
@_export
def h48e_gdn_depthgdn_readme(d=4):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.q = nn.Linear(d, d, bias=False)
            self.k = nn.Linear(d, d, bias=False)
            self.v = nn.Linear(d, d, bias=False)
            self.g = nn.Linear(d, 1)
            self.beta = nn.Linear(d, 1)

        def forward(self, x_t, S_prev):
            q, k, v = self.q(x_t), self.k(x_t), self.v(x_t)
            alpha = torch.exp(-nn.functional.softplus(self.g(x_t))).unsqueeze(-1)
            beta = torch.sigmoid(self.beta(x_t)).unsqueeze(-1)
            pred = torch.einsum('bij,bj->bi', S_prev, k)
            S = alpha * S_prev + beta * torch.einsum('bi,bj->bij', v - pred, k)
            o = torch.einsum('bij,bj->bi', S_prev, q)
            return o, S
    return Cell()


# Tejas163/mamba-from-scratch book step 1, continuous SSM h'(t) = A h(t) + B x(t), y(t) = C h(t) + D x(t) with
# the legend's shapes: A (N, N), B (N, 1), C (1, N), D scalar (counted: written with a shape; "often 0" only says its
# usual value).  Stepped once with explicit Euler (step size not a parameter).  Count: N*N + 2*N + 1.
@_export
def h48e_ssm_tejas_step01(N=4):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.A = _p(N, N)
            self.B = _p(N, 1)
            self.C = _p(1, N)
            self.D = _p(1)

        def forward(self, x_t, h_prev, dt=0.1):  # x_t: (B, 1), h_prev: (B, N)
            h = h_prev + dt * (h_prev @ self.A.T + x_t @ self.B.T)
            y = h @ self.C.T + self.D * x_t
            return y, h
    return Cell()


# varad-more/mamba-from-scratch notebook 02, selective SSM: Abar_t = exp(Δ_t A), x_t = Abar_t ⊙ x_{t-1} + Δ_t B_t u_t,
# y_t = C_t^T x_t + D u_t, with B_t, C_t = Linear(.), Δ_t = softplus(Linear(.)) and the shape table A (D, N),
# D (D,), Δ (B, D, L), B/C (B, N, L).  [refuse: "Linear" with no size or bias; the table applies Linear to x_t, which
# the recurrence uses for the state; z gate listed but unused.]  Read: Linear layers on the D-channel input u_t with
# PyTorch's default bias: Linear_B (D -> N), Linear_C (D -> N), Linear_Δ (D -> D); A (D, N); skip D (D).
# Count: D*N + D + 2*(D*N + N) + (D*D + D).
@_export
def h48e_selscan_varad_nb02(D=4, N=3):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.A = _p(D, N)
            self.Dskip = _p(D)
            self.lin_B = nn.Linear(D, N)
            self.lin_C = nn.Linear(D, N)
            self.lin_dt = nn.Linear(D, D)

        def forward(self, u_t, x_prev):  # u_t: (B, D), x_prev: (B, D, N)
            dt = nn.functional.softplus(self.lin_dt(u_t))            # (B, D)
            Bt, Ct = self.lin_B(u_t), self.lin_C(u_t)                 # (B, N)
            Abar = torch.exp(dt.unsqueeze(-1) * (-torch.exp(self.A)))  # (B, D, N)
            x = Abar * x_prev + dt.unsqueeze(-1) * Bt.unsqueeze(1) * u_t.unsqueeze(-1)
            y = torch.einsum('bdn,bn->bd', x, Ct) + self.Dskip * u_t
            return y, x
    return Cell()


# Tejas163/mamba-from-scratch book step 3, selective SSM: B_k = Linear_B(x_k), C_k = Linear_C(x_k),
# Δ_k = softplus(Linear_Δ(x_k)); sizes from the code: A_log (d_state), x_proj = nn.Linear(d_model, dt_rank + 2*d_state)
# with PyTorch's default bias (same count as three separate biased Linear_B, Linear_C, Linear_Δ with Δ of size dt_rank).
# Count: d_state + (d_model + 1) * (dt_rank + 2*d_state).
@_export
def h48e_selssm_tejas_step03(d_model=4, d_state=3, dt_rank=2):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.A_log = _p(d_state)
            self.x_proj = nn.Linear(d_model, dt_rank + 2 * d_state)

        def forward(self, x_k, h_prev):  # x_k: (B, d_model), h_prev: (B, d_model, d_state)
            params = self.x_proj(x_k)
            delta = nn.functional.softplus(params[:, :dt_rank]).mean(-1, keepdim=True)  # (B, 1) step
            Bk = params[:, dt_rank:dt_rank + d_state]
            Ck = params[:, dt_rank + d_state:]
            A_bar = torch.exp(-torch.exp(self.A_log) * delta)            # (B, d_state)
            h = A_bar.unsqueeze(1) * h_prev + (delta * Bk).unsqueeze(1) * x_k.unsqueeze(-1)
            y = torch.einsum('bdn,bn->bd', h, Ck)
            return y, h
    return Cell()


# varad-more/mamba-from-scratch notebook 01, MIMO LTI SSM x'(t) = A x(t) + B u(t), y(t) = C x(t) + D u(t) with
# x ∈ R^N, u ∈ R^M, A (N, N), B (N, M), C (P, N); D's shape not written but forced to (P, M) by y = Cx + Du.
# Euler step, step size not a parameter.  Count: N*N + N*M + P*N + P*M.
@_export
def h48e_ltissm_varad_nb01(N=4, M=3, P=2):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.A = _p(N, N)
            self.B = _p(N, M)
            self.C = _p(P, N)
            self.D = _p(P, M)

        def forward(self, u_t, x_prev, dt=0.1):
            x = x_prev + dt * (x_prev @ self.A.T + u_t @ self.B.T)
            y = x @ self.C.T + u_t @ self.D.T
            return y, x
    return Cell()


# kyegomez/xLSTM xlstm_torch/main.py, sLSTMCell (code only): w_i, w_f, w_o, w_z (hidden, input), r_i, r_f, r_o, r_z
# (hidden, hidden), b_i, b_f, b_o, b_z (hidden); exp input gate, sigmoid forget gate, stabilizer m, normalizer n.
# Count: 4*hidden*input + 4*hidden*hidden + 4*hidden.
@_export
def h48e_slstm_kyegomez_code(input_size=7, hidden_size=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W = nn.ParameterDict({g: _p(hidden_size, input_size) for g in 'ifoz'})
            self.R = nn.ParameterDict({g: _p(hidden_size, hidden_size) for g in 'ifoz'})
            self.b = nn.ParameterDict({g: _p(hidden_size) for g in 'ifoz'})

        def forward(self, x, h_prev, c_prev, n_prev, m_prev):
            pre = {g: x @ self.W[g].T + h_prev @ self.R[g].T + self.b[g] for g in 'ifoz'}
            i_t = torch.exp(pre['i'])
            f_t = torch.sigmoid(pre['f'])
            m_t = torch.max(torch.log(f_t) + m_prev, torch.log(i_t))
            i_p = torch.exp(torch.log(i_t) - m_t)
            f_p = torch.exp(torch.log(f_t) + m_prev - m_t)
            c_t = f_p * c_prev + i_p * torch.tanh(pre['z'])
            n_t = f_p * n_prev + i_p
            h_t = torch.sigmoid(pre['o']) * torch.tanh(c_t / n_t)
            return h_t, c_t, n_t, m_t
    return Cell()


# ugenkudupudiqbnox/resonant-audio docs/01, resonant recurrence h_t = r R(ω) h_{t-1} + W x_t, r = sigmoid(a),
# ω = π tanh(b).  [refuse: r, ω written as scalars, while R(ω) must rotate state pairs and the repo's other doc gives one
# resonator per pair; no sizes; the α recurrence is only a contrast.]  Read: h even, one (a, b) per state pair
# (h/2 each), W (h, x) bias-free.  Count: h*x + h  (h*x + 2 with one shared a, b).
@_export
def h48e_resonant_docs01(x=7, h=4):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W = _p(h, x)
            self.a = _p(h // 2)
            self.b = _p(h // 2)

        def forward(self, x_t, h_prev):
            r = torch.sigmoid(self.a)
            w = torch.pi * torch.tanh(self.b)
            h1, h2 = h_prev[:, 0::2], h_prev[:, 1::2]
            n1 = r * (torch.cos(w) * h1 - torch.sin(w) * h2)
            n2 = r * (torch.sin(w) * h1 + torch.cos(w) * h2)
            rot = torch.stack([n1, n2], dim=-1).reshape(h_prev.shape)
            return rot + x_t @ self.W.T
    return Cell()


# rynchin/deltanet README, naive delta rule v_old = S_{t-1} k_t, S_t = S_{t-1} + β_t (v_t - v_old) k_t^T, o_t = S_t q_t.
# [refuse: q, k, v, β are inputs of the operator, never produced from a token, so the text's recurrence holds no
# learned parameter (0) unless projections are assumed.]  Read: one head, d_k = d_v = d on an input of width d:
# W_q, W_k, W_v (d, d) bias-free, β_t = sigmoid(w_β^T x_t) (w_β: d).  Count: 3*d*d + d.
@_export
def h48e_deltarule_rynchin_readme(d=4):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.q = nn.Linear(d, d, bias=False)
            self.k = nn.Linear(d, d, bias=False)
            self.v = nn.Linear(d, d, bias=False)
            self.beta = nn.Linear(d, 1, bias=False)

        def forward(self, x_t, S_prev):  # S: (B, d_v, d_k)
            q, k, v = self.q(x_t), self.k(x_t), self.v(x_t)
            beta = torch.sigmoid(self.beta(x_t)).unsqueeze(-1)
            v_old = torch.einsum('bij,bj->bi', S_prev, k)
            S = S_prev + beta * torch.einsum('bi,bj->bij', v - v_old, k)
            return torch.einsum('bij,bj->bi', S, q), S
    return Cell()


# sailikhithk/mamba-from-scratch docs/RESEARCH.md, S6 block: delta_t = Linear_delta(x_t), B_t = Linear_B(x_t),
# C_t = Linear_C(x_t), A_bar_t = exp(delta_t * A), h_t = A_bar_t * h_{t-1} + B_bar_t * x_t, y_t = C_t * h_t.
# [refuse: no size of x, h, A or of the Linear outputs; bias unspecified.]  Read as Mamba-1 with D channels and state N
# per channel: A (D, N), Linear_delta (D -> D), Linear_B (D -> N), Linear_C (D -> N), all with bias.
# Count: D*N + (D*D + D) + 2*(D*N + N).
@_export
def h48e_s6_sailikhithk_research(D=4, N=3):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.A = _p(D, N)
            self.lin_delta = nn.Linear(D, D)
            self.lin_B = nn.Linear(D, N)
            self.lin_C = nn.Linear(D, N)

        def forward(self, x_t, h_prev):  # h_prev: (B, D, N)
            delta = self.lin_delta(x_t)
            Bt, Ct = self.lin_B(x_t), self.lin_C(x_t)
            A_bar = torch.exp(delta.unsqueeze(-1) * self.A)
            B_bar = delta.unsqueeze(-1) * Bt.unsqueeze(1)
            h = A_bar * h_prev + B_bar * x_t.unsqueeze(-1)
            y = torch.einsum('bdn,bn->bd', h, Ct)
            return y, h
    return Cell()


# raminmh/liquid_time_constant_networks ctrnn_model.py, class CTRNN with its defaults (global_feedback=False,
# fix_tau=True): one dense layer W [input_size, num_units] + bias [num_units] with tanh on the input only; tau = 1
# constant; df/dt = -f/tau + tanh(x W + b), 6 explicit Euler unfolds with delta_t = 0.1.
# Count: x*num_units + num_units.
@_export
def h48e_ctrnn_raminmh_code(x=7, num_units=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W = _p(x, num_units)
            self.b = _p(num_units)

        def forward(self, inputs, state, unfolds=6, delta_t=0.1, tau=1.0):
            input_f_prime = torch.tanh(inputs @ self.W + self.b)
            for _ in range(unfolds):
                state = state + delta_t * (-state / tau + input_f_prime)
            return state
    return Cell()
