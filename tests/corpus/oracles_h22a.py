import torch
from torch import nn

__all__ = []


def _export(f):
    __all__.append(f.__name__)
    return f


def _p(*shape):
    return nn.Parameter(torch.randn(*shape) * 0.1)


class _ConcatLSTM(nn.Module):
    """LSTM whose gates each take W [h_{t-1}, x_t] + b (one weight of shape (h, h + x) and one bias per gate)."""

    def __init__(self, x, h, gates=("f", "i", "c", "o"), bias=True):
        super().__init__()
        self.h = h
        for g in gates:
            setattr(self, "W_" + g, _p(h, h + x))
            if bias:
                setattr(self, "b_" + g, _p(h))
        self.bias = bias

    def _g(self, g, hx):
        out = getattr(self, "W_" + g) @ hx
        return out + getattr(self, "b_" + g) if self.bias else out

    def forward(self, x, state):
        hp, cp = state
        hx = torch.cat([hp, x])
        f = torch.sigmoid(self._g("f", hx))
        i = torch.sigmoid(self._g("i", hx))
        ct = torch.tanh(self._g("c", hx))
        c = f * cp + i * ct
        o = torch.sigmoid(self._g("o", hx))
        return o * torch.tanh(c), c


# ethen8181/machine-learning:deep_learning/rnn/2_tensorflow_lstm.ipynb, markdown cell 7. Forget, input, candidate
# and output gates each W_g (h x (h + x)) on [h_{t-1}, x_t] plus b_g (h). 4h(h + x + 1).
@_export
def h22a_ethen_lstm(x=7, h=5):
    return _ConcatLSTM(x, h)


# NateCross/tag-hate-elf:lstm_explain.ipynb, markdown cells 21-35. W_f, W_i, W_C, W_o (h x (h + x)) on
# [h_{t-1}, x_t], biases b_f, b_i, b_C, b_o (h). 4h(h + x + 1).
@_export
def h22a_natecross_lstm(x=7, h=5):
    return _ConcatLSTM(x, h)


# Shubbair/Min-Mamba:playground.ipynb, markdown cells 2-3 (marked refuse: no sizes, \overline{A}/\overline{B} never
# defined). Most plausible reading: a linear state space x' = A x + B u, y = C x + D u with A (x x x), B (x x u),
# C (y x x), D (y x u), discretized without a learned step. x^2 + x u + y x + y u.
@_export
def h22a_minmamba_ssm(x=5, u=3, y=2):
    class SSM(nn.Module):
        def __init__(self):
            super().__init__()
            self.A, self.B, self.C, self.D = _p(x, x), _p(x, u), _p(y, x), _p(y, u)

        def forward(self, ut, xp):
            xt = torch.matrix_exp(self.A) @ xp + self.B @ ut
            return self.C @ xt + self.D @ ut, xt

    return SSM()


# CarterMcClellan/Machine-Learning-Basics:Deep Learning/architecture/LSTM.ipynb, markdown cells 0-2 (from the LSTM
# bullet). One stacked W (4h x (h + x)) maps [h_{t-1}; x] to [i; f; o; g]; no biases. 4h(h + x).
@_export
def h22a_cartermcclellan_lstm(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W = _p(4 * h, h + x)

        def forward(self, xt, state):
            hp, cp = state
            i, f, o, g = (self.W @ torch.cat([hp, xt])).split(h)
            c = torch.sigmoid(f) * cp + torch.sigmoid(i) * torch.tanh(g)
            return torch.sigmoid(o) * torch.tanh(c), c

    return Cell()


# CarterMcClellan/Machine-Learning-Basics:Deep Learning/architecture/RNN.ipynb, markdown cell 1 (marked refuse: the
# letter W serves both the state and the output). Most plausible reading: two matrices, W_h (h x (h + x)) for the
# state and W_y (y x (h + x)) for the output, no biases. (h + y)(h + x).
@_export
def h22a_cartermcclellan_rnn(x=7, h=5, y=3):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_h, self.W_y = _p(h, h + x), _p(y, h + x)

        def forward(self, xt, hp):
            ht = torch.tanh(self.W_h @ torch.cat([hp, xt]))
            return self.W_y @ torch.cat([ht, xt]), ht

    return Cell()


# jennhu/rnn-tutorial:demo.ipynb, markdown cell 7 (marked refuse: equations without bias, quoted implementation with
# self.bias). Most plausible reading, the implementation: W_hh (h x h), W_ih (h x s), bias (h); decay gamma fixed.
# h(h + s + 1).
@_export
def h22a_jennhu_ctrnn(h=5, s=7):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_hh, self.W_ih, self.bias = _p(h, h), _p(h, s), _p(h)
            self.gamma = 0.9

        def forward(self, st, hp):
            act = torch.sigmoid(self.W_hh @ hp + self.W_ih @ st + self.bias)
            return self.gamma * hp + (1 - self.gamma) * act

    return Cell()


# pminervini/rnn-slides:Recurrent_Neural_Networks.ipynb, markdown cell 8. W^h (d_h x d_h), W^x (d_h x x), output
# W^o (|V| x d_h); no biases. d_h(d_h + x) + |V| d_h.
@_export
def h22a_minervini_rnnlm(x=7, d_h=5, V=11):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_h, self.W_x, self.W_o = _p(d_h, d_h), _p(d_h, x), _p(V, d_h)

        def forward(self, xt, hp):
            ht = torch.sigmoid(self.W_h @ hp + self.W_x @ xt)
            return torch.softmax(self.W_o @ ht, -1), ht

    return Cell()


# pminervini/rnn-slides:Recurrent_Neural_Networks.ipynb, markdown cell 22. H_t = [x_t; h_{t-1}]; W^i, W^f, W^o, W^c
# (h x (x + h)) and b^i, b^f, b^o, b^c (h). 4h(x + h + 1).
@_export
def h22a_minervini_lstm(x=7, h=5):
    return _ConcatLSTM(x, h)


# GSansigolo/deep-learning:Recurrent_Neural_Networks.ipynb, markdown cell 15. Forget, input, candidate and output
# each with W_g (h x h) on h^{(t-1)}, U_g (h x x) on x^{(t)} and b_g (h). 4h(h + x + 1).
@_export
def h22a_sansigolo_lstm(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            for g in "fiCo":
                setattr(self, "W_" + g, _p(h, h))
                setattr(self, "U_" + g, _p(h, x))
                setattr(self, "b_" + g, _p(h))

        def _a(self, g, hp, xt):
            return getattr(self, "W_" + g) @ hp + getattr(self, "U_" + g) @ xt + getattr(self, "b_" + g)

        def forward(self, xt, state):
            hp, cp = state
            f, i, o = (torch.sigmoid(self._a(g, hp, xt)) for g in "fio")
            c = f * cp + i * torch.tanh(self._a("C", hp, xt))
            return o * torch.tanh(c), c

    return Cell()


# GSansigolo/deep-learning:Recurrent_Neural_Networks.ipynb, markdown cell 19 (Goodfellow's GRU). Candidate W (h x h),
# U (h x x), b (h); update gate W_u, U_u, b_u; reset gate W_r, U_r, b_r. 3h(h + x + 1).
@_export
def h22a_sansigolo_gru(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W, self.U, self.b = _p(h, h), _p(h, x), _p(h)
            self.W_u, self.U_u, self.b_u = _p(h, h), _p(h, x), _p(h)
            self.W_r, self.U_r, self.b_r = _p(h, h), _p(h, x), _p(h)

        def forward(self, xt, hp):
            u = torch.sigmoid(self.W_u @ hp + self.U_u @ xt + self.b_u)
            r = torch.sigmoid(self.W_r @ hp + self.U_r @ xt + self.b_r)
            return u * hp + (1 - u) * torch.sigmoid(self.W @ (r * hp) + self.U @ xt + self.b)

    return Cell()


# varnerlab/CHEME-5820-Lectures-Spring-2025:lectures/week-13/L13c/...StateSpaceModels-S2025.ipynb, markdown cell 1.
# A (h x h), B (h x d_in), C (d_out x h), D (d_out x d_in). h^2 + h d_in + d_out h + d_out d_in.
@_export
def h22a_cheme5820_ltissm(h=5, d_in=3, d_out=2):
    class SSM(nn.Module):
        def __init__(self):
            super().__init__()
            self.A, self.B, self.C, self.D = _p(h, h), _p(h, d_in), _p(d_out, h), _p(d_out, d_in)

        def forward(self, u, xp, dt=0.1):
            xt = xp + dt * (self.A @ xp + self.B @ u)
            return self.C @ xt + self.D @ u, xt

    return SSM()


# varnerlab/CHEME-5820-Lectures-Spring-2025:lectures/week-12/L12c/...RecurrentNetworks-S2025.ipynb, markdown cell 13.
# U_h (h x h), W_x (h x d_in), b_h (h); output W_y (d_out x h), b_y (d_out). h(h + d_in + 1) + d_out(h + 1).
@_export
def h22a_cheme5820_elman(d_in=7, h=5, d_out=3):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.U_h, self.W_x, self.b_h = _p(h, h), _p(h, d_in), _p(h)
            self.W_y, self.b_y = _p(d_out, h), _p(d_out)

        def forward(self, xt, hp):
            ht = torch.tanh(self.U_h @ hp + self.W_x @ xt + self.b_h)
            return self.W_y @ ht + self.b_y, ht

    return Cell()


# varnerlab/CHEME-5820-Lectures-Spring-2025:lectures/week-13/L13a/CHEME-5820-L13a-LSTM-S2025.ipynb, markdown cell 2.
# W_f, W_i, W_o, W_c (h x d), U_f, U_i, U_o, U_c (h x h), b_f, b_i, b_o, b_c (h). 4h(d + h + 1).
@_export
def h22a_cheme5820_lstm(d=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            for g in "fioc":
                setattr(self, "W_" + g, _p(h, d))
                setattr(self, "U_" + g, _p(h, h))
                setattr(self, "b_" + g, _p(h))

        def _a(self, g, xt, hp):
            return getattr(self, "W_" + g) @ xt + getattr(self, "U_" + g) @ hp + getattr(self, "b_" + g)

        def forward(self, xt, state):
            hp, cp = state
            f, i, o = (torch.sigmoid(self._a(g, xt, hp)) for g in "fio")
            c = f * cp + i * torch.tanh(self._a("c", xt, hp))
            return o * torch.tanh(c), c

    return Cell()
