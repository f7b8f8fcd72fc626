"""Oracles for the h47e set-aside snippets (heldout47), as its gatherer wrote them."""
import torch
from torch import nn

__all__ = []


def _export(f):
    __all__.append(f.__name__)
    return f


def _p(*shape):
    return nn.Parameter(torch.randn(*shape) * 0.1)


# nick7nlp/Jamba_Paper_Reading README, continuous SSM h'(t) = A h + B x, y = C h + D x, then ZOH-discretized
# h_t = Abar h_{t-1} + Bbar x_t, y_t = Cbar h_t; read with scalar input/output (SISO, as in S4), state size N,
# A (N, N), B (N, 1), C (1, N), D (1) counted because it is written [refuse: no size of x/h/y given; D described as a
# mere residual and dropped from the discrete form]; step size Delta fixed (not mentioned as learned).
# Count: N*N + 2*N + 1.
@_export
def h47e_ssm_jamba_notes(N=4):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.A = _p(N, N)
            self.B = _p(N, 1)
            self.C = _p(1, N)
            self.D = _p(1)
            self.register_buffer('delta', torch.tensor(0.1))

        def forward(self, x_t, h_prev):  # x_t: (B, 1), h_prev: (B, N)
            Abar = torch.matrix_exp(self.delta * self.A)
            Bbar = self.delta * self.B  # first-order approximation of the ZOH input matrix
            h = h_prev @ Abar.T + x_t @ Bbar.T
            y = h @ self.C.T + self.D * x_t
            return y, h
    return Cell()


# MachineLearning-Nerd/icml26-continuous-time-piecewise-linear-rnns README, cPLRNN dz/dt = A z + W Phi*(z) + h;
# read literally: A (z, z), W (z, z), bias h (z), no input, no readout defined [refuse: A diagonal in the PLRNN
# convention vs a full matrix here; readout only named]; one explicit Euler step, ReLU on all coordinates.
# Count: 2*z*z + z.
@_export
def h47e_cplrnn_audit_readme(z=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.A = _p(z, z)
            self.W = _p(z, z)
            self.h = _p(z)

        def forward(self, z_prev, dt=0.1):
            dz = z_prev @ self.A.T + torch.relu(z_prev) @ self.W.T + self.h
            return z_prev + dt * dz
    return Cell()


# mwolf.dev/general/GRU, GRUCellDiagram: gates = Linear(input+hidden -> 2*hidden) (W_z, W_r, default bias),
# cand = Linear(input+hidden -> hidden) (default bias). Count: 3*hidden*(input+hidden) + 3*hidden.
@_export
def h47e_gru_mwolf_notes(input_size=7, hidden_size=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.gates = nn.Linear(input_size + hidden_size, 2 * hidden_size)
            self.cand = nn.Linear(input_size + hidden_size, hidden_size)

        def forward(self, x_t, h_prev):
            hx = torch.cat([h_prev, x_t], dim=-1)
            r_t, z_t = self.gates(hx).chunk(2, dim=-1)
            r_t, z_t = torch.sigmoid(r_t), torch.sigmoid(z_t)
            h_hat = torch.tanh(self.cand(torch.cat([r_t * h_prev, x_t], dim=-1)))
            return (1.0 - z_t) * h_prev + z_t * h_hat
    return Cell()


# csislam/xLSTM-Project, NeuralOscillatorLSTMCell: W_a Linear(in, hid) with bias, U_a Linear(hid, hid, bias=False),
# extra b_a (hid), W_phi Linear(in, hid) with bias, U_phi Linear(hid, hid, bias=False), omega (hid),
# h_proj Linear(hid, hid) with bias. Count: 2*in*hid + 3*hid*hid + 5*hid.
@_export
def h47e_nolstm_xlstm_project(input_size=7, hidden_size=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_a = nn.Linear(input_size, hidden_size)
            self.U_a = nn.Linear(hidden_size, hidden_size, bias=False)
            self.b_a = nn.Parameter(torch.zeros(hidden_size))
            self.W_phi = nn.Linear(input_size, hidden_size)
            self.U_phi = nn.Linear(hidden_size, hidden_size, bias=False)
            self.omega = nn.Parameter(torch.ones(hidden_size) * 0.1)
            self.h_proj = nn.Linear(hidden_size, hidden_size)

        def forward(self, x_t, c_prev, phi_prev):
            a_t = torch.sigmoid(self.W_a(x_t) + self.U_a(torch.tanh(c_prev)) + self.b_a)
            phi_t = phi_prev + self.omega + torch.tanh(self.W_phi(x_t) + self.U_phi(torch.tanh(c_prev)))
            c_t = a_t * torch.cos(phi_t) + (1.0 - a_t) * c_prev
            h_t = torch.tanh(self.h_proj(torch.tanh(c_t)))
            return h_t, (c_t, phi_t)
    return Cell()


# AmanAnand958/ai-ml-notes week10 (Day 66), VanillaRNNScratch: W_xh (hid, in), W_hh (hid, hid), W_hy (out, hid),
# b_h (hid), b_y (out). Count: hid*in + hid*hid + out*hid + hid + out.
@_export
def h47e_rnn_aiml_week10(input_dim=7, hidden_dim=5, output_dim=3):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_xh = _p(hidden_dim, input_dim)
            self.W_hh = _p(hidden_dim, hidden_dim)
            self.W_hy = _p(output_dim, hidden_dim)
            self.b_h = _p(hidden_dim)
            self.b_y = _p(output_dim)

        def forward(self, x_t, h_prev):
            h = torch.tanh(x_t @ self.W_xh.T + h_prev @ self.W_hh.T + self.b_h)
            return h, h @ self.W_hy.T + self.b_y
    return Cell()


# AmanAnand958/ai-ml-notes week10 (Day 67), CustomGRUCell as coded: Wz, Wr, Wh each (in + hid, hid), no biases
# [refuse: the task prose on the same page gives 3 * (H * (H + F + 1)), i.e. with biases]. Count: 3*hid*(in + hid).
@_export
def h47e_gru_aiml_week10(input_dim=7, hidden_dim=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.Wz = _p(input_dim + hidden_dim, hidden_dim)
            self.Wr = _p(input_dim + hidden_dim, hidden_dim)
            self.Wh = _p(input_dim + hidden_dim, hidden_dim)

        def forward(self, x, h_prev):
            xh = torch.cat([x, h_prev], dim=-1)
            z = torch.sigmoid(xh @ self.Wz)
            r = torch.sigmoid(xh @ self.Wr)
            h_tilde = torch.tanh(torch.cat([x, r * h_prev], dim=-1) @ self.Wh)
            return (1 - z) * h_prev + z * h_tilde
    return Cell()


# AmanAnand958/ai-ml-notes week10 (Day 68), stacked LSTM: cell1 W (in + hid, 4*hid), cell2 W (hid + hid, 4*hid),
# no biases. Count: 4*hid*(in + hid) + 4*hid*(2*hid).
@_export
def h47e_stacked_lstm_aiml_week10(in_dim=7, hid_dim=5):
    class LSTMCell(nn.Module):
        def __init__(self, i, h):
            super().__init__()
            self.W = _p(i + h, 4 * h)

        def forward(self, x, state):
            h, c = state
            f, i, o, g = torch.split(torch.cat([x, h], dim=-1) @ self.W, h.shape[-1], dim=-1)
            f, i, o, g = torch.sigmoid(f), torch.sigmoid(i), torch.sigmoid(o), torch.tanh(g)
            c_new = f * c + i * g
            return o * torch.tanh(c_new), c_new

    class Stack(nn.Module):
        def __init__(self):
            super().__init__()
            self.cell1 = LSTMCell(in_dim, hid_dim)
            self.cell2 = LSTMCell(hid_dim, hid_dim)

        def forward(self, x, s1, s2):
            s1 = self.cell1(x, s1)
            s2 = self.cell2(s1[0], s2)
            return s1, s2
    return Stack()


# TanaseVictorFlavian/Dissertation-code, LSTM with W_* (h, x), R_* (h, h), b_* (h) for f, i, c~, o
# ("R_c h{t-1}" read as R_c h_{t-1}). Count: 4*(h*x + h*h + h).
@_export
def h47e_lstm_tanase_thesis(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W = nn.ParameterDict({g: _p(h, x) for g in 'fico'})
            self.R = nn.ParameterDict({g: _p(h, h) for g in 'fico'})
            self.b = nn.ParameterDict({g: _p(h) for g in 'fico'})

        def _pre(self, g, x_t, h_prev):
            return x_t @ self.W[g].T + h_prev @ self.R[g].T + self.b[g]

        def forward(self, x_t, h_prev, c_prev):
            f = torch.sigmoid(self._pre('f', x_t, h_prev))
            i = torch.sigmoid(self._pre('i', x_t, h_prev))
            c_tilde = torch.tanh(self._pre('c', x_t, h_prev))
            c = f * c_prev + i * c_tilde
            o = torch.sigmoid(self._pre('o', x_t, h_prev))
            return o * torch.tanh(c), c
    return Cell()


# pauljmello/Liquid-Time-Constant-Networks README, LTC cell: f = tanh(x gamma_r^T + I gamma^T + mu) with gamma_r
# (x, x), gamma (x, I), mu (x); reversal potential A (x) and time constant tau (x) per neuron (A_i, tau_i in the
# bounds), tau read as learned; readout only named in prose, not counted. Count: x*x + x*I + 3*x.
@_export
def h47e_ltc_pauljmello_readme(I=7, x=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.gamma_r = _p(x, x)
            self.gamma = _p(x, I)
            self.mu = _p(x)
            self.A = _p(x)
            self.tau = nn.Parameter(torch.ones(x) * 5.0)

        def forward(self, x_t, I_t, dt=0.01):
            f_val = torch.tanh(x_t @ self.gamma_r.T + I_t @ self.gamma.T + self.mu)
            return (x_t + dt * f_val * self.A) / (1.0 + dt * ((1.0 / self.tau) + f_val))
    return Cell()


# rahulrikisinghcode/liquid-time-constant-networks README, dense LTC: f = sigmoid(W_f I + U_f x + b_f),
# g = W_g I + U_g x + b_g, per-unit tau (tau_init, learned). Count: 2*(x*I + x*x + x) + x.
@_export
def h47e_ltc_rahul_readme(I=7, x=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_f, self.U_f, self.b_f = _p(x, I), _p(x, x), _p(x)
            self.W_g, self.U_g, self.b_g = _p(x, I), _p(x, x), _p(x)
            self.tau = nn.Parameter(torch.ones(x))

        def forward(self, x_k, I_k, dt=0.1):
            f = torch.sigmoid(I_k @ self.W_f.T + x_k @ self.U_f.T + self.b_f)
            g = I_k @ self.W_g.T + x_k @ self.U_g.T + self.b_g
            return (x_k + dt * f * g) / (1 + dt * (1 / self.tau + f))
    return Cell()


# creativeworksofknowledge.com RetNet lesson 1 (Korean), s_n = gamma s_{n-1} + K_n^T V_n, o_n = Q_n s_n with gamma
# fixed per head; read as one head of width d with bias-free projections Q = x W_Q, K = x W_K, V = x W_V (d, d) and a
# fixed gamma buffer [refuse: Q, K, V never defined from the input, no dimensions; the written equations hold no
# learned parameter]. Count: 3*d*d.
@_export
def h47e_retnet_cwk_lesson(d=4):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_Q = _p(d, d)
            self.W_K = _p(d, d)
            self.W_V = _p(d, d)
            self.register_buffer('gamma', torch.tensor(0.9))

        def forward(self, x_n, s_prev):  # s_prev: (B, d, d)
            q, k, v = x_n @ self.W_Q, x_n @ self.W_K, x_n @ self.W_V
            s = self.gamma * s_prev + k.unsqueeze(-1) * v.unsqueeze(-2)
            o = torch.einsum('bi,bij->bj', q, s)
            return o, s
    return Cell()
