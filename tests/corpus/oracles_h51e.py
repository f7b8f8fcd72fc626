"""Oracles for the h51e set-aside snippets (heldout51), as its gatherer wrote them."""
import torch
from torch import nn

__all__ = []


def _export(f):
    __all__.append(f.__name__)
    return f


def _p(*shape):
    return nn.Parameter(torch.randn(*shape) * 0.1)


# SachinSSh/State-Space-Model docs/02_s5.md, S5 (MIMO diagonal SSM); A = -exp(log_A_real) + i*A_imag, both (P,);
# B in R^{P x d_model}, C in R^{d_model x P} (both learned, real as the text states); Delta per state (P,);
# D per channel (d_model,). Count: 2P + P + 2*P*d_model + d_model.
@_export
def h51e_sachinssh_s5(P=4, d_model=3):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.log_A_real = _p(P)
            self.A_imag = _p(P)
            self.log_dt = _p(P)
            self.B = _p(P, d_model)
            self.C = _p(d_model, P)
            self.D = _p(d_model)

        def forward(self, u, x):
            A = -torch.exp(self.log_A_real) + 1j * self.A_imag
            dt = torch.exp(self.log_dt)
            A_bar = torch.exp(dt * A)
            B_bar = ((A_bar - 1) / A).unsqueeze(-1) * self.B.to(A.dtype)
            x = A_bar * x + u.to(A.dtype) @ B_bar.T
            y = (x @ self.C.to(A.dtype).T).real + self.D * u
            return y, x
    return Cell()


# macula-io/macula-tweann guides/ltc-neurons.md, LTC/CfC neuron; f and h are only named ("backbone network output",
# "head network output"), so the most plausible reading is a single neuron whose backbone f and head h are affine maps of
# [I(t); x(t)] (weights I+1, bias 1 each), plus the learnable time constant tau and the state bound A (scalars); CfC step
# x <- sigma(-f)*x + (1-sigma(-f))*h. Count: 2*(I+2) + 2. (refuse: f/h architectures, sizes and whether A is learned
# are not given)
@_export
def h51e_macula_ltc_cfc(I=7):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.f = nn.Linear(I + 1, 1)
            self.h = nn.Linear(I + 1, 1)
            self.tau = nn.Parameter(torch.ones(1))
            self.A = nn.Parameter(torch.ones(1))

        def forward(self, inp, x):
            z = torch.cat([inp, x], dim=-1)
            f = self.f(z)
            h = self.h(z)
            g = torch.sigmoid(-f)
            x_new = g * x + (1 - g) * h
            return torch.clamp(x_new, -self.A.abs().item(), self.A.abs().item())
    return Cell()


# no-magic-ai/no-magic 01-foundations/microlstm.py, lstm_forward: four gates, each with W_x* [hidden_dim, vocab_size],
# W_h* [hidden_dim, hidden_dim] and b_* [hidden_dim]; output projection W_hy [vocab_size, hidden_dim] + b_y [vocab_size].
# Count: 4*(hidden_dim*vocab_size + hidden_dim^2 + hidden_dim) + vocab_size*hidden_dim + vocab_size.
@_export
def h51e_nomagic_lstm(vocab_size=7, hidden_dim=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.Wx = nn.ModuleDict({g: nn.Linear(vocab_size, hidden_dim, bias=False) for g in 'fico'})
            self.Wh = nn.ModuleDict({g: nn.Linear(hidden_dim, hidden_dim, bias=False) for g in 'fico'})
            self.b = nn.ParameterDict({g: _p(hidden_dim) for g in 'fico'})
            self.W_hy = nn.Linear(hidden_dim, vocab_size)

        def forward(self, x, h, c):
            pre = {g: self.Wx[g](x) + self.Wh[g](h) + self.b[g] for g in 'fico'}
            f, i, o = torch.sigmoid(pre['f']), torch.sigmoid(pre['i']), torch.sigmoid(pre['o'])
            c_tilde = torch.tanh(pre['c'])
            c = f * c + i * c_tilde
            h = o * torch.tanh(c)
            return self.W_hy(h), h, c
    return Cell()


# no-magic-ai/no-magic 03-systems/microssm.py, "Architecture per SSM layer": input projection N_EMBD->N_EMBD,
# A diagonal (N_STATE values, log-parameterized), delta projection N_EMBD->N_EMBD, B projection N_EMBD->N_STATE,
# C projection N_EMBD->N_STATE, output projection N_EMBD->N_EMBD; no bias is written in the excerpt, so none is counted
# (the file's code, outside the excerpt, adds a delta bias). Count: 3*N_EMBD^2 + N_STATE + 2*N_STATE*N_EMBD.
@_export
def h51e_nomagic_selssm(N_EMBD=5, N_STATE=4):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.in_proj = nn.Linear(N_EMBD, N_EMBD, bias=False)
            self.log_A = _p(N_STATE)
            self.delta_proj = nn.Linear(N_EMBD, N_EMBD, bias=False)
            self.W_B = nn.Linear(N_EMBD, N_STATE, bias=False)
            self.W_C = nn.Linear(N_EMBD, N_STATE, bias=False)
            self.out_proj = nn.Linear(N_EMBD, N_EMBD, bias=False)

        def forward(self, x_in, state):  # state: [batch, N_EMBD, N_STATE]
            u = self.in_proj(x_in)
            B = self.W_B(u)
            C = self.W_C(u)
            delta = nn.functional.softplus(self.delta_proj(u))
            A = -torch.exp(self.log_A)
            a_bar = 1 + delta.unsqueeze(-1) * A
            b_bar = delta.unsqueeze(-1) * B.unsqueeze(1)
            state = a_bar * state + b_bar * u.unsqueeze(-1)
            y = (state * C.unsqueeze(1)).sum(-1)
            return self.out_proj(y), state
    return Cell()


# AbdouJaouhar/LMU-Legendre-Memory-Unit lmu/LMU.py, LegendreMemoryUnitCell: A and B are nn.Parameter with
# requires_grad=False (fixed, not counted); learned: encoder_input (1 x input_dim), encoder_hidden (1 x units),
# encoder_memory (1 x order), kernel_input (units x input_dim), kernel_hidden (units x units), kernel_memory (units x order).
# Count: input_dim + units + order + units*(input_dim + units + order).
@_export
def h51e_abdou_lmu(input_dim=7, units=5, order=4):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.register_buffer('AT', torch.randn(order, order) * 0.1)
            self.register_buffer('BT', torch.randn(order, 1) * 0.1)
            self.encoder_input = _p(1, input_dim)
            self.encoder_hidden = _p(1, units)
            self.encoder_memory = _p(1, order)
            self.kernel_input = _p(units, input_dim)
            self.kernel_hidden = _p(units, units)
            self.kernel_memory = _p(units, order)

        def forward(self, xt, states):
            F = nn.functional
            ht, mt = states
            ut = F.linear(xt, self.encoder_input) + F.linear(ht, self.encoder_hidden) + F.linear(mt, self.encoder_memory)
            mt = mt + F.linear(mt, self.AT) + F.linear(ut, self.BT)
            ht = torch.tanh(F.linear(xt, self.kernel_input) + F.linear(ht, self.kernel_hidden) + F.linear(mt, self.kernel_memory))
            return ht, (ht, mt)
    return Cell()


# g-lago8/RNN-JAX rnn_jax/cells/_unitary.py, UnitaryEvolutionRNNCell (uRNN): complex reflection vectors v1, v2 (hdim
# complex each = 2*hdim real), phase diagonals diag1..3 (hdim each), integer permutation (not learned), ModReLU bias b
# (hdim), input layer eqx.nn.Linear(idim, hdim) with bias (use_bias_in=True by default).
# Count (complex entries as two reals): 4*hdim + 3*hdim + hdim + hdim*idim + hdim.
@_export
def h51e_glago_urnn(idim=7, hdim=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.v1_re, self.v1_im = _p(hdim), _p(hdim)
            self.v2_re, self.v2_im = _p(hdim), _p(hdim)
            self.diag1, self.diag2, self.diag3 = _p(hdim), _p(hdim), _p(hdim)
            self.register_buffer('perm', torch.arange(hdim))
            self.modrelu_b = _p(hdim)
            self.in_layer = nn.Linear(idim, hdim)

        def forward(self, x, h):
            v1 = torch.complex(self.v1_re, self.v1_im)
            v2 = torch.complex(self.v2_re, self.v2_im)
            h = torch.exp(1j * self.diag1) * h
            h = torch.fft.fft(h)
            h = 1 - 2 * v1 * (h @ v1).unsqueeze(-1) / torch.linalg.norm(v1)
            h = h[..., self.perm]
            h = torch.exp(1j * self.diag2) * h
            h = torch.fft.ifft(h)
            h = 1 - 2 * v2 * (h @ v2).unsqueeze(-1) / torch.linalg.norm(v2)
            h = torch.exp(1j * self.diag3) * h
            z = h + self.in_layer(x)
            return (z.abs() + self.modrelu_b) * (z / z.abs())
    return Cell()


# no-magic-ai/no-magic 03-systems/microcomplexssm.py, complex_ssm_forward: diagonal complex A (n_state),
# complex B (n_state, scalar input), complex C (n_state, scalar output y_t = Re(C^H h_t)); no bias.
# Count (complex entries as two reals): 3 * 2 * n_state.
@_export
def h51e_nomagic_complexssm(n_state=4):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.A_re, self.A_im = _p(n_state), _p(n_state)
            self.B_re, self.B_im = _p(n_state), _p(n_state)
            self.C_re, self.C_im = _p(n_state), _p(n_state)

        def forward(self, xt, h):  # xt: scalar tensor, h: complex (n_state,)
            A = torch.complex(self.A_re, self.A_im)
            B = torch.complex(self.B_re, self.B_im)
            C = torch.complex(self.C_re, self.C_im)
            h = A * h + B * xt
            y = (C.conj() * h).real.sum()
            return y, h
    return Cell()


# myscience/x-lstm xlstm/lstm.py, class sLSTM (module as written): inp_norm LayerNorm(inp_dim) (2*inp_dim),
# hid_norm GroupNorm(head_num, D) (2*D), causal_conv Conv1d(1, 1, 4) with bias (5; defined even though the conv
# branch is optional), W_z/W_i/W_o/W_f nn.Linear(inp_dim, D) with bias, R_z/R_i/R_o/R_f block-diagonal
# (head_num blocks of head_dim x head_dim, no bias), up_proj Linear(D, 2*P) and down_proj Linear(P, inp_dim)
# with biases, where D = head_num*head_dim and P = int(4/3 * D).
# Count: 2*I + 2*D + 5 + 4*(I*D + D) + 4*head_num*head_dim^2 + (D*2P + 2P) + (P*I + I).
@_export
def h51e_myscience_slstm(inp_dim=7, head_dim=2, head_num=3):
    D = head_num * head_dim
    P = int(4 / 3 * D)

    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.inp_norm = nn.LayerNorm(inp_dim)
            self.hid_norm = nn.GroupNorm(head_num, D)
            self.causal_conv = nn.Conv1d(1, 1, kernel_size=4, padding=3)
            self.W = nn.ModuleDict({g: nn.Linear(inp_dim, D) for g in 'ziof'})
            self.R = nn.ParameterDict({g: nn.Parameter(torch.randn(head_num, head_dim, head_dim) * 0.1)
                                       for g in 'ziof'})
            self.up_proj = nn.Linear(D, 2 * P)
            self.down_proj = nn.Linear(P, inp_dim)

        def forward(self, seq, hid):
            c, n, h, m = hid
            x = self.inp_norm(seq)
            Rh = {g: h @ torch.block_diag(*self.R[g]) for g in 'ziof'}
            i = self.W['i'](x) + Rh['i']
            f = self.W['f'](x) + Rh['f']
            z = torch.tanh(self.W['z'](x) + Rh['z'])
            o = torch.sigmoid(self.W['o'](x) + Rh['o'])
            m_t = torch.maximum(f + m, i)
            i = torch.exp(i - m_t)
            f = torch.exp(f - m_t + m)
            c = f * c + i * z
            n = f * n + i
            h = o * (c / n)
            out = self.hid_norm(h)
            o1, o2 = self.up_proj(out).chunk(2, dim=-1)
            out = self.down_proj(o1 + torch.nn.functional.gelu(o2))
            return out + seq, (c, n, h, m_t)
    return Cell()
