"""Oracles for the h55e set-aside snippets (heldout55), as its gatherer wrote them."""
import torch
from torch import nn
import torch.nn.functional as F

__all__ = []


def _export(f):
    __all__.append(f.__name__)
    return f


def _p(*shape):
    return nn.Parameter(torch.randn(*shape) * 0.1)


# Jyouhou/IndRNN-pytorch indRNN.py, class IndRNNCell docstring: h_t = sigma(w_ih x_t + b_ih + w_hh (*) h_(t-1)),
# (*) the Hadamard product; params listed as weight_ih (hidden_size, input_size), weight_hh (1, hidden_size),
# bias_ih (1, hidden_size) (the equation writes b_ih, so the bias is counted); the usage example fixes input 100 and
# hidden 128. Count: h*x + h + h.
@_export
def h55e_jyouhou_indrnn(x=100, h=128):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.weight_ih = _p(h, x)
            self.weight_hh = _p(1, h)
            self.bias_ih = _p(1, h)

        def forward(self, x_t, h_prev):
            return torch.relu(x_t @ self.weight_ih.T + self.bias_ih + self.weight_hh * h_prev)
    return Cell()


# chlakhal/Liquid-neural-networks Readme.md: dx/dt = (-x + tanh(W_in u + W_rec x)) / tau(x,u), no bias in the drive;
# tau(x,u) = tau_min + softplus(W_tau [x;u] + b_tau). "The liquid neuron follows" the equation, so each neuron has its
# own tau: W_tau maps the concatenation [x;u] (x+u) to x, b_tau is x. tau_min is a constant (a floor, never said
# learned). W_in: x by u, W_rec: x by x. Euler step with dt. Count: x*u + x*x + x*(x+u) + x.
@_export
def h55e_chlakhal_liquid(x=5, u=7):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_in = _p(x, u)
            self.W_rec = _p(x, x)
            self.W_tau = _p(x, x + u)
            self.b_tau = _p(x)
            self.tau_min = 0.05

        def forward(self, u_t, x_prev, dt=0.01):
            tau = self.tau_min + F.softplus(torch.cat([x_prev, u_t], -1) @ self.W_tau.T + self.b_tau)
            dx = (-x_prev + torch.tanh(u_t @ self.W_in.T + x_prev @ self.W_rec.T)) / tau
            return x_prev + dt * dx
    return Cell()


# aliobaidbt/Liquid-Neural-Network-with-Euler-and-CFC README.md, liquid layer: dh/dt = (1/tau)[-h + tanh(W_liq(h+u)
# + b_liq)], tau fixed at 1.0 (not a parameter), hidden size 128; u is added to h inside W_liq, so u has h's width and
# W_liq is h by h, b_liq is h. Euler update h + dt*dh/dt. Count: h*h + h (16512 at h=128).
@_export
def h55e_aliobaidbt_liquid(h=128):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_liq = _p(h, h)
            self.b_liq = _p(h)
            self.tau = 1.0

        def forward(self, u_t, h_prev, dt=0.1):
            dh = (-h_prev + torch.tanh((h_prev + u_t) @ self.W_liq.T + self.b_liq)) / self.tau
            return h_prev + dt * dh
    return Cell()


# VanGogh-7/liquid-neural-networks-from-scratch learning/curriculum.md, Stage 04: CT-RNN tau dh/dt = -h + phi(W h +
# U x + b) with a "fixed time constant" (a leak constant, not a weight). W: h by h, U: h by x, b: h; phi = tanh, one
# Euler step. Count: h*h + h*x + h.
@_export
def h55e_vangogh_ctrnn(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W = _p(h, h)
            self.U = _p(h, x)
            self.b = _p(h)
            self.tau = 1.0

        def forward(self, x_t, h_prev, dt=0.1):
            dh = (-h_prev + torch.tanh(h_prev @ self.W.T + x_t @ self.U.T + self.b)) / self.tau
            return h_prev + dt * dh
    return Cell()


# cnblogs.com/steven-yang/p/6358501.html, LSTM block: i, f, o = sigma(U^* x + W^* s_{t-1} + b^*), g = tanh(U^g x +
# W^g s_{t-1} + b^g) (the input is typed x_i, a typo for x_t), c_t = c_{t-1} o f + g o i, s_t = tanh(c_t) o o.
# U^*: s by x, W^*: s by s, b^*: s for the four of i, f, o, g. Count: 4*(s*x + s*s + s).
@_export
def h55e_stevenyang_lstm(x=7, s=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.U = nn.ParameterDict({k: _p(s, x) for k in "ifog"})
            self.W = nn.ParameterDict({k: _p(s, s) for k in "ifog"})
            self.b = nn.ParameterDict({k: _p(s) for k in "ifog"})

        def forward(self, x_t, s_prev, c_prev):
            a = {k: x_t @ self.U[k].T + s_prev @ self.W[k].T + self.b[k] for k in "ifog"}
            i, f, o = torch.sigmoid(a["i"]), torch.sigmoid(a["f"]), torch.sigmoid(a["o"])
            g = torch.tanh(a["g"])
            c = c_prev * f + g * i
            return torch.tanh(c) * o, c
    return Cell()


# breuderink/mingru-keras src/mingru_keras/core.py (bare Keras code): MinGRU(units) = Dense(units, sigmoid) gate and
# Dense(units) candidate, both on the input only, both with Keras Dense's default bias; h = h + Z*(H_tilde - h).
# Each Dense: x by units kernel + units bias. Count: 2*(x*units + units).
@_export
def h55e_breuderink_mingru(x=7, units=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.gate = nn.Linear(x, units)
            self.candidate = nn.Linear(x, units)

        def forward(self, x_t, h_prev):
            z = torch.sigmoid(self.gate(x_t))
            h_tilde = self.candidate(x_t)
            return h_prev + z * (h_tilde - h_prev)
    return Cell()


# codekansas/gandlf docs/layers/attention.md, RecurrentAttention1D (expect refuse: the wrapped Keras RNN `layer` is
# never given, and the width of m is never fixed). Most plausible reading (as the package's code does): a wrapped Keras
# LSTM of h units on input x (kernel x by 4h, recurrent kernel h by 4h, bias 4h), m of width h: U_m h by h, b_m h,
# U_a num_attn_features by h, U_s h by h, b_s h; h_new = s * h. Count: 4*(x*h + h*h + h) + 2*h*h + 2*h + a*h
# with a = num_attn_features.
@_export
def h55e_gandlf_recattn(x=7, h=5, num_attn_features=3):
    a = num_attn_features

    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.kernel = _p(x, 4 * h)
            self.recurrent_kernel = _p(h, 4 * h)
            self.bias = _p(4 * h)
            self.U_m, self.b_m = _p(h, h), _p(h)
            self.U_a = _p(a, h)
            self.U_s, self.b_s = _p(h, h), _p(h)

        def forward(self, x_t, attention, h_prev, c_prev):
            z = x_t @ self.kernel + h_prev @ self.recurrent_kernel + self.bias
            i, f, c_hat, o = z.chunk(4, -1)
            c = torch.sigmoid(f) * c_prev + torch.sigmoid(i) * torch.tanh(c_hat)
            h = torch.sigmoid(o) * torch.tanh(c)
            m = torch.tanh(h @ self.U_m + attention @ self.U_a + self.b_m)
            s = torch.sigmoid(m @ self.U_s + self.b_s)
            return s * h, c
    return Cell()


# dannyneil/public_plstm README.md, Phased LSTM notes (expect refuse: only the time gate is written; the LSTM step(...)
# it wraps is never given). Most plausible reading (the repository's Lasagne layer): a peephole LSTM (W_in
# input_n by num_neurons and W_hid num_neurons by num_neurons and a bias per gate for in, forget, cell, out; peepholes
# on in, forget, out) plus per-neuron period, shift and on-ratio of the time gate (the README counts r_on among the
# learnable ones). Count: 4*(x*n + n*n + n) + 3*n + 3*n with x = input_n, n = num_neurons.
@_export
def h55e_plstm_timegate(input_n=7, num_neurons=5):
    x, n = input_n, num_neurons

    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_in = _p(x, 4 * n)
            self.W_hid = _p(n, 4 * n)
            self.b = _p(4 * n)
            self.W_cell = _p(3, n)
            self.period = nn.Parameter(torch.exp(torch.rand(n) * 5 + 1))
            self.shift = nn.Parameter(torch.rand(n) * 100)
            self.r_on = nn.Parameter(torch.full((n,), 0.05))

        def forward(self, x_t, t, c_prev, h_prev):
            gi, gf, gc, go = (x_t @ self.W_in + h_prev @ self.W_hid + self.b).chunk(4, -1)
            i = torch.sigmoid(gi + self.W_cell[0] * c_prev)
            f = torch.sigmoid(gf + self.W_cell[1] * c_prev)
            c = f * c_prev + i * torch.tanh(gc)
            o = torch.sigmoid(go + self.W_cell[2] * c)
            h = o * torch.tanh(c)
            phi = torch.remainder(t[:, None] + self.shift, self.period) / self.period
            r = self.r_on.abs()
            k = torch.where(phi < r / 2, 2 * phi / r, torch.where(phi < r, 2 - 2 * phi / r, 0.001 * phi))
            return k * c + (1 - k) * c_prev, k * h + (1 - k) * h_prev
    return Cell()


# aygp-dr/liquid-neural-networks README.org (expect refuse: tau(t) "adaptive" but never defined, f unspecified, no
# input term, no size). Most plausible reading: state x of width n, W: n by n, b: n, f = tanh, and a learned
# per-neuron time constant tau (n). Count: n*n + 2*n.
@_export
def h55e_aygp_ltc(x=5):
    n = x

    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W = _p(n, n)
            self.b = _p(n)
            self.tau = nn.Parameter(torch.ones(n))

        def forward(self, x_prev, dt=0.1):
            dx = -x_prev / self.tau + torch.tanh(x_prev @ self.W.T + self.b)
            return x_prev + dt * dx
    return Cell()


# danieleschmidt/liquid-neural-framework docs/research_guide.md (expect refuse: tau_i "adaptive", updated by an
# unspecified rule tau_i(t+1) = tau_i(t) + alpha_tau * Delta tau_i, so whether it is a trained parameter is open).
# Most plausible reading: W^rec h by h, W^in h by x, b h, and one time constant per neuron tau (h) counted as a
# parameter. Count: h*h + h*x + h + h.
@_export
def h55e_lnframework_liquid(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_rec = _p(h, h)
            self.W_in = _p(h, x)
            self.b = _p(h)
            self.tau = nn.Parameter(torch.ones(h))

        def forward(self, x_t, h_prev, dt=0.1):
            dh = (-h_prev + torch.tanh(h_prev @ self.W_rec.T + x_t @ self.W_in.T + self.b)) / self.tau
            return h_prev + dt * dh
    return Cell()
