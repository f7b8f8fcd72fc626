"""Oracles for the h38e set-aside snippets (heldout38), as its gatherer wrote them."""
import torch
from torch import nn

__all__ = []


def _export(f):
    __all__.append(f.__name__)
    return f


def _p(*shape):
    return nn.Parameter(torch.randn(*shape) * 0.1)


# hayden-donnelly/notes mamba.md, "Improving SSMs with Selection" (S6, Algorithm 2, most plausible reading);
# A param (D,N); s_B = Linear_N: D->N (no bias written); s_C = Linear_N: D->N; delta base param read as (D)
# (text says shape (B,L,D)); s_Delta = Broadcast_D(Linear_1): D->1, no bias. Count: 3*D*N + D + D.
@_export
def h38e_hayden_s6(D=6, N=4):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.A = _p(D, N)
            self.s_B = nn.Linear(D, N, bias=False)
            self.s_C = nn.Linear(D, N, bias=False)
            self.delta_param = _p(D)
            self.s_delta = nn.Linear(D, 1, bias=False)

        def forward(self, x, h):  # x: (batch, D), h: (batch, D, N)
            Bt = self.s_B(x)
            Ct = self.s_C(x)
            delta = nn.functional.softplus(self.delta_param + self.s_delta(x))  # broadcast to D
            A_bar = torch.exp(delta.unsqueeze(-1) * self.A)
            B_bar = delta.unsqueeze(-1) * Bt.unsqueeze(1)
            h = A_bar * h + B_bar * x.unsqueeze(-1)
            y = (h * Ct.unsqueeze(1)).sum(-1)
            return y, h

    return Cell()


# KD6137-min/Notes 深度学习/RNN.md, "## GRU"; W_z, W_r, W_h each (h, h+x) acting on the concatenation
# [h_{t-1}, x_t] (resp. [r_t * h_{t-1}, x_t]); no biases written. Count: 3*h*(h+x).
@_export
def h38e_kd6137_gru(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_z = nn.Linear(h + x, h, bias=False)
            self.W_r = nn.Linear(h + x, h, bias=False)
            self.W_h = nn.Linear(h + x, h, bias=False)

        def forward(self, xt, hprev):
            z = torch.sigmoid(self.W_z(torch.cat([hprev, xt], -1)))
            r = torch.sigmoid(self.W_r(torch.cat([hprev, xt], -1)))
            ht = torch.tanh(self.W_h(torch.cat([r * hprev, xt], -1)))
            return (1 - z) * hprev + z * ht

    return Cell()


# HyperBlaze456/kimi-gated-delta-attn Arch.md, "Main KDA pass"; the recurrence consumes q_t, k_t, v_t, g_t,
# beta_t as given inputs: no learned parameter is written (projections never described). Count: 0.
@_export
def h38e_kimi_kda(d=6):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()

        def forward(self, q, k, v, g, beta, S):  # q,k,v,g: (batch, d); beta: (batch,); S: (batch, d, d)
            S_base = g[..., None] * S
            pred = torch.einsum("bd,bdv->bv", k, S_base)
            delta = v - pred
            S = S_base + beta[:, None, None] * torch.einsum("bd,bv->bdv", k, delta)
            out = torch.einsum("bd,bdv->bv", q, S)
            return out, S

    return Cell()


# lucidrains/light-recurrent-unit-pytorch LightRecurrentUnitCell (defaults proj_input=True, learned_init_hidden=False);
# to_next_hidden Linear(dim, dim_hidden, no bias) + tanh; to_input_forget Linear(dim, dim_hidden, no bias);
# to_hidden_forget Linear(dim_hidden, dim_hidden) with bias; init_hidden is a buffer.
# Count: 2*dim*dim_hidden + dim_hidden^2 + dim_hidden.
@_export
def h38e_lucidrains_lightru(dim=7, dim_hidden=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.to_next_hidden = nn.Sequential(nn.Linear(dim, dim_hidden, bias=False), nn.Tanh())
            self.to_input_forget = nn.Linear(dim, dim_hidden, bias=False)
            self.to_hidden_forget = nn.Linear(dim_hidden, dim_hidden)
            self.register_buffer('init_hidden', torch.zeros(dim_hidden))

        def forward(self, x, hidden=None):
            if hidden is None:
                hidden = self.init_hidden
            next_hidden, input_forget = self.to_next_hidden(x), self.to_input_forget(x)
            forget_gate = (self.to_hidden_forget(hidden) + input_forget).sigmoid()
            return hidden.lerp(next_hidden, forget_gate)

    return Cell()


# NicolasZucchet/minimal-LRU lru/model.py class LRU; theta_log, nu_log, gamma_log (d_hidden each);
# B_re, B_im (d_hidden, d_model); C_re, C_im (d_model, d_hidden); D (d_model,).
# Count: 3*d_hidden + 4*d_hidden*d_model + d_model.
@_export
def h38e_minimal_lru(d_hidden=5, d_model=7):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.theta_log = _p(d_hidden)
            self.nu_log = _p(d_hidden)
            self.gamma_log = _p(d_hidden)
            self.B_re = _p(d_hidden, d_model)
            self.B_im = _p(d_hidden, d_model)
            self.C_re = _p(d_model, d_hidden)
            self.C_im = _p(d_model, d_hidden)
            self.D = _p(d_model)

        def forward(self, x, h):  # x: (batch, d_model) real; h: (batch, d_hidden) complex
            lam = torch.exp(-torch.exp(self.nu_log) + 1j * torch.exp(self.theta_log))
            B_norm = torch.complex(self.B_re, self.B_im) * torch.exp(self.gamma_log)[:, None]
            C = torch.complex(self.C_re, self.C_im)
            h = lam * h + x.to(torch.complex64) @ B_norm.T
            y = (h @ C.T).real + self.D * x
            return y, h

    return Cell()


# jpughesanford/linear-rnn-filtering README "Defining new models": schema A (latent, latent), B (latent, input),
# C (output, latent); x_t = A sin(x_prev) + B u_t, y_t = C cos(x_t); no bias. (Constraint dof re-parametrisations
# are not part of the excerpt; the weights are counted by their shapes.) Count: L^2 + L*I + O*L.
@_export
def h38e_rnnfilter_custom(input_dim=7, latent_dim=5, output_dim=3):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.A = _p(latent_dim, latent_dim)
            self.B = _p(latent_dim, input_dim)
            self.C = _p(output_dim, latent_dim)

        def forward(self, x_prev, u):
            x_t = torch.sin(x_prev) @ self.A.T + u @ self.B.T
            y_t = torch.cos(x_t) @ self.C.T
            return x_t, y_t

    return Cell()


# accuracy-maker/Beamer presentation.tex LSTM frame; W_f, W_i, W_c, W_o each (h, h+x) on [h_{t-1}, x_t],
# biases b_f, b_i, b_c, b_o (h). Count: 4*h*(h+x) + 4*h.
@_export
def h38e_beamer_lstm(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_f = nn.Linear(h + x, h)
            self.W_i = nn.Linear(h + x, h)
            self.W_c = nn.Linear(h + x, h)
            self.W_o = nn.Linear(h + x, h)

        def forward(self, xt, state):
            hprev, Cprev = state
            hx = torch.cat([hprev, xt], -1)
            f = torch.sigmoid(self.W_f(hx))
            i = torch.sigmoid(self.W_i(hx))
            Ct_tilde = torch.tanh(self.W_c(hx))
            C = f * Cprev + i * Ct_tilde
            o = torch.sigmoid(self.W_o(hx))
            return o * torch.tanh(C), C

    return Cell()


# n1o/n1o.github.io hungry-hungry-hippos.md "State Space Models"; state x (size x), input u (size u), output y
# (size y); A (x, x), B (x, u), C (y, x), D (y, u), all learned, no bias. Count: x^2 + x*u + y*x + y*u.
@_export
def h38e_n1o_ssm(x=5, u=7, y=3):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.A = _p(x, x)
            self.B = _p(x, u)
            self.C = _p(y, x)
            self.D = _p(y, u)

        def forward(self, u_i, x_prev):
            x_i = x_prev @ self.A.T + u_i @ self.B.T
            y_i = x_i @ self.C.T + u_i @ self.D.T
            return y_i, x_i

    return Cell()


# Amorim33/lstm-book lstm.md forward pass; per gate c, f, i, o: U_* (h, x), V_* (h, h), b_* (h);
# prediction V_y (y, h), b_y (y). Count: 4*(h*x + h*h + h) + y*h + y.
@_export
def h38e_lstmbook_lstm(x=7, h=5, y=3):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.U = nn.ModuleDict({g: nn.Linear(x, h, bias=False) for g in 'cfio'})
            self.V = nn.ModuleDict({g: nn.Linear(h, h, bias=False) for g in 'cfio'})
            self.b = nn.ParameterDict({g: _p(h) for g in 'cfio'})
            self.V_y = nn.Linear(h, y)

        def forward(self, xt, state):
            hprev, Cprev = state
            pre = {g: self.U[g](xt) + self.V[g](hprev) + self.b[g] for g in 'cfio'}
            C_tilde = torch.tanh(pre['c'])
            f = torch.sigmoid(pre['f'])
            i = torch.sigmoid(pre['i'])
            C = f * Cprev + i * C_tilde
            o = torch.sigmoid(pre['o'])
            ht = o * torch.tanh(C)
            y_hat = torch.softmax(self.V_y(ht), -1)
            return y_hat, (ht, C)

    return Cell()


# Whitesheep18/dlsp README vanilla RNN "omitting the bias term for simplicity"; W_hx (h, x), W_hh (h, h),
# W_ho (o, h); read with the omitted biases restored on both affine maps (b_h (h), b_o (o)).
# Count: h*x + h*h + h + o*h + o  (75 if the biases are left out as written).
@_export
def h38e_dlsp_rnn(x=7, h=5, o=3):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_hx = nn.Linear(x, h)
            self.W_hh = nn.Linear(h, h, bias=False)
            self.W_ho = nn.Linear(h, o)

        def forward(self, xt, hprev):
            ht = self.W_hx(xt) + self.W_hh(hprev)
            return self.W_ho(ht), ht

    return Cell()


# KD6137-min/Notes 深度学习/RNN.md "## LSTM"; W_f, W_i, W_C, W_o each (h, h+x) on [h_{t-1}, x_t] with biases
# b_f, b_i, b_C, b_o (h); "·" between gates and states read element-wise. Count: 4*h*(h+x) + 4*h.
@_export
def h38e_kd6137_lstm(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_f = nn.Linear(h + x, h)
            self.W_i = nn.Linear(h + x, h)
            self.W_C = nn.Linear(h + x, h)
            self.W_o = nn.Linear(h + x, h)

        def forward(self, xt, state):
            hprev, Cprev = state
            hx = torch.cat([hprev, xt], -1)
            f = torch.sigmoid(self.W_f(hx))
            i = torch.sigmoid(self.W_i(hx))
            C_tilde = torch.tanh(self.W_C(hx))
            C = f * Cprev + i * C_tilde
            o = torch.sigmoid(self.W_o(hx))
            return o * torch.tanh(C), C

    return Cell()


# MemuSAE/Long-Short-Term-Memory-from-scratch README "The LSTM Architecture"; W_f, W_i, W_C, W_o each (h, h+x)
# on [h_{t-1}, x_t], biases b_f, b_i, b_C, b_o (h); the candidate written "C_t = tanh(...)" is the \tilde{C_t} of
# the update. Count: 4*h*(h+x) + 4*h.
@_export
def h38e_memusae_lstm(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_f = nn.Linear(h + x, h)
            self.W_i = nn.Linear(h + x, h)
            self.W_C = nn.Linear(h + x, h)
            self.W_o = nn.Linear(h + x, h)

        def forward(self, xt, state):
            hprev, Cprev = state
            hx = torch.cat([hprev, xt], -1)
            f = torch.sigmoid(self.W_f(hx))
            i = torch.sigmoid(self.W_i(hx))
            C_tilde = torch.tanh(self.W_C(hx))
            C = f * Cprev + i * C_tilde
            o = torch.sigmoid(self.W_o(hx))
            return o * torch.tanh(C), C

    return Cell()
