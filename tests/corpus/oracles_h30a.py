import torch
from torch import nn

__all__ = []


def _export(f):
    __all__.append(f.__name__)
    return f


def _p(*shape):
    return nn.Parameter(torch.randn(*shape) * 0.1)


# JakobGM/visual-intelligence numerical_examples/lstm.ipynb (markdown cells 8-29). Forget gate W_hf (h x h),
# W_xf (h x x), B_f (h); input gate W_hi, W_xi, B_i; learning layer W_hl, W_xl, B_t; output gate W_ho, W_xo, B_o.
# The prose's two branch biases B_hf, B_xf are "combined into a single term", as every equation writes it; the
# missing "+" in i_t's equation is read as a sum. 4h(h + x + 1).
@_export
def h30a_jakobgm_lstm(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            for g in "filo":
                setattr(self, "W_h" + g, _p(h, h))
                setattr(self, "W_x" + g, _p(h, x))
            self.B_f, self.B_i, self.B_t, self.B_o = _p(h), _p(h), _p(h), _p(h)

        def forward(self, xt, state):
            hp, cp = state
            f = torch.sigmoid(self.W_hf @ hp + self.W_xf @ xt + self.B_f)
            i = torch.sigmoid(self.W_hi @ hp + self.W_xi @ xt + self.B_i)
            l = torch.tanh(self.W_hl @ hp + self.W_xl @ xt + self.B_t)
            c = cp * f + i * l
            o = torch.sigmoid(self.W_ho @ hp + self.W_xo @ xt + self.B_o)
            return o * torch.tanh(c), c

    return Cell()


# Hvass-Labs/TensorFlow-Tutorials 20_Natural_Language_Processing.ipynb (markdown cells 3-6), marked refuse: a Keras
# GRU in prose only. Most plausible reading: the Keras GRU (reset_after=True) for input x and h units:
# kernel x x 3h, recurrent kernel h x 3h, bias 2 x 3h. 3h(x + h + 2).
@_export
def h30a_hvass_gru(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.kernel, self.recurrent_kernel, self.bias = _p(x, 3 * h), _p(h, 3 * h), _p(2, 3 * h)

        def forward(self, xt, hp):
            gx = xt @ self.kernel + self.bias[0]
            gh = hp @ self.recurrent_kernel + self.bias[1]
            zx, rx, nx = gx.chunk(3, -1)
            zh, rh, nh = gh.chunk(3, -1)
            z = torch.sigmoid(zx + zh)
            r = torch.sigmoid(rx + rh)
            n = torch.tanh(nx + r * nh)
            return z * hp + (1 - z) * n

    return Cell()


# QuanHoang-CS/Echo-State-Network echo_state_network.ipynb (markdown cell 5), marked refuse. Reading taken: the
# reservoir W^r (N_r x N_r) and input matrix W^i (N_r x N_i) are fixed random draws (buffers); only the read-out
# W^o (N_o x N_r) is fitted. N_o N_r.
@_export
def h30a_quanhoang_esn(N_r=5, N_i=7, N_o=3):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.register_buffer("W_r", torch.rand(N_r, N_r) * 2 - 1)
            self.register_buffer("W_i", torch.rand(N_r, N_i) * 2 - 1)
            self.W_o = _p(N_o, N_r)

        def forward(self, u, xp):
            xt = torch.tanh(self.W_r @ xp + self.W_i @ u)
            return self.W_o @ xt, xt

    return Cell()


# AyanPaul2210/Deep-Learning-Tutorial "48. Recurrent Neural Network (RNN) - Sequence Processing Example.ipynb"
# (markdown cells 0-2). Scalar RNN: W_xh, W_hh, b, each one number (x_t and h_t are scalars). 3.
@_export
def h30a_ayanpaul_rnn(x=1, h=1):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_xh, self.W_hh, self.b = _p(h, x), _p(h, h), _p(h)

        def forward(self, xt, hp):
            return torch.tanh(self.W_xh @ xt + self.W_hh @ hp + self.b)

    return Cell()


# AyanPaul2210/Deep-Learning-Tutorial "50. GRU for Stock Prediction.ipynb" (markdown cell 8). W_z, W_r, W_h each
# h x (h + x) on the concatenation [h_(t-1), x_t], biases b_z, b_r, b_h. 3h(h + x + 1).
@_export
def h30a_ayanpaul_gru(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_z, self.W_r, self.W_h = _p(h, h + x), _p(h, h + x), _p(h, h + x)
            self.b_z, self.b_r, self.b_h = _p(h), _p(h), _p(h)

        def forward(self, xt, hp):
            hx = torch.cat([hp, xt], -1)
            z = torch.sigmoid(self.W_z @ hx + self.b_z)
            r = torch.sigmoid(self.W_r @ hx + self.b_r)
            cand = torch.tanh(self.W_h @ torch.cat([r * hp, xt], -1) + self.b_h)
            return (1 - z) * hp + z * cand

    return Cell()


# wladrod/AprendizajeAutomatico2018 Notebooks/27-RedNeuronalRecurrente-1.ipynb (markdown cells 6-9), marked
# refuse: the gate equations are only in figures. Most plausible reading (colah's figures): four gates, each
# W (h x (h + x)) on [s_{t-1}, x_t] and a bias. 4h(h + x + 1).
@_export
def h30a_wladrod_lstm(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_f, self.W_i, self.W_C, self.W_o = (_p(h, h + x) for _ in range(4))
            self.b_f, self.b_i, self.b_C, self.b_o = (_p(h) for _ in range(4))

        def forward(self, xt, state):
            sp, cp = state
            hx = torch.cat([sp, xt], -1)
            f = torch.sigmoid(self.W_f @ hx + self.b_f)
            i = torch.sigmoid(self.W_i @ hx + self.b_i)
            ct_ = torch.tanh(self.W_C @ hx + self.b_C)
            c = f * cp + i * ct_
            o = torch.sigmoid(self.W_o @ hx + self.b_o)
            return o * torch.tanh(c), c

    return Cell()


# tsilva/gymnasium-solver gru_tutorial.ipynb (markdown cell 4). W_r, W_z, W_h each h x (h + x) on the
# concatenations [h_{t-1}, x_t] and [r_t ⊙ h_{t-1}, x_t], biases b_r, b_z, b_h. 3h(h + x + 1).
@_export
def h30a_tsilva_gru(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_r, self.W_z, self.W_h = _p(h, h + x), _p(h, h + x), _p(h, h + x)
            self.b_r, self.b_z, self.b_h = _p(h), _p(h), _p(h)

        def forward(self, xt, hp):
            hx = torch.cat([hp, xt], -1)
            r = torch.sigmoid(self.W_r @ hx + self.b_r)
            z = torch.sigmoid(self.W_z @ hx + self.b_z)
            cand = torch.tanh(self.W_h @ torch.cat([r * hp, xt], -1) + self.b_h)
            return (1 - z) * hp + z * cand

    return Cell()


# AyanPaul2210/Deep-Learning-Tutorial "49. LSTM for Stock Predictionipynb" (markdown cell 8). W_f, W_i, W_o, W_c
# each h x (h + x) on [h_(t-1), x_t], biases b_f, b_i, b_o, b_c. 4h(h + x + 1).
@_export
def h30a_ayanpaul_lstm(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_f, self.W_i, self.W_o, self.W_c = (_p(h, h + x) for _ in range(4))
            self.b_f, self.b_i, self.b_o, self.b_c = (_p(h) for _ in range(4))

        def forward(self, xt, state):
            hp, cp = state
            hx = torch.cat([hp, xt], -1)
            f = torch.sigmoid(self.W_f @ hx + self.b_f)
            i = torch.sigmoid(self.W_i @ hx + self.b_i)
            o = torch.sigmoid(self.W_o @ hx + self.b_o)
            c = f * cp + i * torch.tanh(self.W_c @ hx + self.b_c)
            return o * torch.tanh(c), c

    return Cell()


# henishshah18/llm-from-scratch 04_rnn/09_rnn_from_scratch.ipynb (markdown cells 0-1). Elman RNN: W_xh (h x x),
# W_hh (h x h), b_h (h). h(x + h + 1).
@_export
def h30a_henishshah_rnn(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_xh, self.W_hh, self.b_h = _p(h, x), _p(h, h), _p(h)

        def forward(self, xt, hp):
            return torch.tanh(self.W_xh @ xt + self.W_hh @ hp + self.b_h)

    return Cell()
