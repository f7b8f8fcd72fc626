"""Oracles for the h54c set-aside snippets (heldout54), as its gatherer wrote them."""
import torch
from torch import nn

__all__ = []


def _export(f):
    __all__.append(f.__name__)
    return f


def _p(*shape):
    return nn.Parameter(torch.randn(*shape) * 0.1)


# santanupattanayak/aims, "RNN and the Vanishing Gradient Problem": h_t = f(W_hh h_{t-1} + W_xh x_t),
# y_t = g(W_ho h_t), "We have skipped the bias terms". W_hh: n x n, W_xh: n x m, W_ho: V x n.
# Count: n*n + n*m + V*n.
@_export
def h54c_aims_rnn(m=7, n=5, V=3):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_hh = _p(n, n)
            self.W_xh = _p(n, m)
            self.W_ho = _p(V, n)

        def forward(self, x_t, h_prev):
            h_t = torch.tanh(h_prev @ self.W_hh.T + x_t @ self.W_xh.T)
            y_t = torch.softmax(h_t @ self.W_ho.T, dim=-1)
            return h_t, y_t
    return Cell()


# hadleyhzy34/machine_learning gru/README.md, "GRU Naive vs GRU Fused": the PyTorch-convention GRU the README's
# cells reproduce (six W_i*/W_h* matrices, stacked weight_ih (3H, input_size), weight_hh (3H, hidden_size),
# bias_ih (3H), bias_hh (3H)) = torch.nn.GRUCell. Count: 3H*input_size + 3H*H + 6H.
@_export
def h54c_hadleygru_fused(x=7, h=5, input_size=7, hidden_size=5, H=5):
    return nn.GRUCell(input_size, hidden_size)


# hadleyhzy34/machine_learning gru/README.md, "Equation Reference / LSTM": PyTorch-letter LSTM with two biases
# per gate, stated count 4H * input_size + 4H * H + 8H = torch.nn.LSTMCell.
@_export
def h54c_hadleygru_lstm(x=7, h=5, input_size=7, H=5):
    return nn.LSTMCell(input_size, H)


# zlu/zlu.github.io, RNN core equations: W_hh [hidden, hidden], W_xh [hidden, input], b_h [hidden],
# W_hy [output, hidden], b_y [output]. Count: h*h + h*x + h + y*h + y.
@_export
def h54c_zlu_rnn(input_size=7, hidden_size=5, output_size=3):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_hh = _p(hidden_size, hidden_size)
            self.W_xh = _p(hidden_size, input_size)
            self.b_h = _p(hidden_size)
            self.W_hy = _p(output_size, hidden_size)
            self.b_y = _p(output_size)

        def forward(self, x_t, h_prev):
            h_t = torch.tanh(h_prev @ self.W_hh.T + x_t @ self.W_xh.T + self.b_h)
            o_t = h_t @ self.W_hy.T + self.b_y
            return h_t, o_t
    return Cell()


# zlu/zlu.github.io, GRU equations on the concatenation [h_{t-1}, x_t]: W_z, W_r, W each
# [hidden, hidden + input]; b_z, b_r, b each [hidden]. Count: 3*(h*(h+x) + h).
@_export
def h54c_zlu_gru(input_size=7, hidden_size=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_z = _p(hidden_size, hidden_size + input_size)
            self.b_z = _p(hidden_size)
            self.W_r = _p(hidden_size, hidden_size + input_size)
            self.b_r = _p(hidden_size)
            self.W = _p(hidden_size, hidden_size + input_size)
            self.b = _p(hidden_size)

        def forward(self, x_t, h_prev):
            hx = torch.cat([h_prev, x_t], dim=-1)
            z = torch.sigmoid(hx @ self.W_z.T + self.b_z)
            r = torch.sigmoid(hx @ self.W_r.T + self.b_r)
            h_tilde = torch.tanh(torch.cat([r * h_prev, x_t], dim=-1) @ self.W.T + self.b)
            return (1 - z) * h_prev + z * h_tilde
    return Cell()


# ztlevi/ML_101 nlp/rnn.md, "Number of parameters" (marked refuse: "(and perhaps an intercept vector)").
# Most plausible reading: the Keras SimpleRNN the page builds, one matrix shape(h) x [shape(h)+shape(x)] plus
# its bias. Count: h*(h+x) + h (without the intercept: h*(h+x)).
@_export
def h54c_ml101_simplernn(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W = _p(h, h + x)
            self.b = _p(h)

        def forward(self, x_t, h_prev):
            return torch.tanh(torch.cat([h_prev, x_t], dim=-1) @ self.W.T + self.b)
    return Cell()


# sander-hergarten/ai-notes "Gated Recurrent Units.md": z = s(W^(z) x + U^(z) h), r = s(W^(r) x + U^(r) h),
# h' = tanh(W x + r * U h), h = z * h_{t-1} + (1 - z) * h' (the note's step list; its formula writes h_t).
# No biases. W^(z), W^(r), W: h x x; U^(z), U^(r), U: h x h. Count: 3*(h*x + h*h).
@_export
def h54c_aihergarten_gru(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_z = _p(h, x)
            self.U_z = _p(h, h)
            self.W_r = _p(h, x)
            self.U_r = _p(h, h)
            self.W = _p(h, x)
            self.U = _p(h, h)

        def forward(self, x_t, h_prev):
            z = torch.sigmoid(x_t @ self.W_z.T + h_prev @ self.U_z.T)
            r = torch.sigmoid(x_t @ self.W_r.T + h_prev @ self.U_r.T)
            h_cand = torch.tanh(x_t @ self.W.T + r * (h_prev @ self.U.T))
            return z * h_prev + (1 - z) * h_cand
    return Cell()


# sander-hergarten/ai-notes "Recurrent Networks.md": h_t = g(W x_t + U h_{t-1}), no bias.
# W: h x x, U: h x h. Count: h*x + h*h.
@_export
def h54c_aihergarten_rnn(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W = _p(h, x)
            self.U = _p(h, h)

        def forward(self, x_t, h_prev):
            return torch.tanh(x_t @ self.W.T + h_prev @ self.U.T)
    return Cell()


# PrismaticFlame/Spring_2024_Notes: h_t = g(U h_{t-1} + W x_t), y_t = f(V h_t), no biases.
# W: h x x, U: h x h, V: y x h. Count: h*x + h*h + y*h.
@_export
def h54c_spring24_srn(x=7, h=5, y=3):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W = _p(h, x)
            self.U = _p(h, h)
            self.V = _p(y, h)

        def forward(self, x_t, h_prev):
            h_t = torch.relu(h_prev @ self.U.T + x_t @ self.W.T)
            y_t = torch.softmax(h_t @ self.V.T, dim=-1)
            return h_t, y_t
    return Cell()


# aaweaver-actuary/Obsidian, ISLR-style RNN: A_lk = g(w_k0 + sum_j w_kj X_lj + sum_s u_ks A_{l-1,s}),
# O_l = beta_0 + sum_k beta_k A_lk. w: K x p, w_k0: K, u: K x K, beta: K, beta_0: 1.
# Count: K*p + K + K*K + K + 1.
@_export
def h54c_aaweaver_rnn(p=7, K=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.w = _p(K, p)
            self.w0 = _p(K)
            self.u = _p(K, K)
            self.beta = _p(K)
            self.beta0 = _p(1)

        def forward(self, x_t, a_prev):
            a_t = torch.relu(self.w0 + x_t @ self.w.T + a_prev @ self.u.T)
            o_t = self.beta0 + a_t @ self.beta
            return a_t, o_t
    return Cell()


# CarterFaceySmith/SecondBrain "Long Short-Term Memory (LSTM).md": i, f, o = s(θ_x* x_t + θ_h* h_{t-1} + b_*),
# g = tanh(θ_xg x_t + θ_hg h_{t-1} + b_g); c and h updates in prose (standard LSTM). θ_x*: h x x, θ_h*: h x h,
# b_*: h for i, f, o, g. Count: 4*(h*x + h*h + h).
@_export
def h54c_secondbrain_lstm(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.theta_x = nn.ParameterDict({k: _p(h, x) for k in "ifog"})
            self.theta_h = nn.ParameterDict({k: _p(h, h) for k in "ifog"})
            self.b = nn.ParameterDict({k: _p(h) for k in "ifog"})

        def forward(self, x_t, h_prev, c_prev=None):
            if c_prev is None:
                c_prev = torch.zeros_like(h_prev)
            a = {k: x_t @ self.theta_x[k].T + h_prev @ self.theta_h[k].T + self.b[k] for k in "ifog"}
            i, f, o = torch.sigmoid(a["i"]), torch.sigmoid(a["f"]), torch.sigmoid(a["o"])
            g = torch.tanh(a["g"])
            c_t = f * c_prev + i * g
            return o * torch.tanh(c_t), c_t
    return Cell()
