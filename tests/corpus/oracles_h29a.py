import torch
from torch import nn

__all__ = []


def _export(f):
    __all__.append(f.__name__)
    return f


def _p(*shape):
    return nn.Parameter(torch.randn(*shape) * 0.1)


# Adyoshkin/basic_course_nn: rnn_lstm_gru.ipynb (MIPT 2019 seminar, Russian), markdown cell 3.
# h_t = tanh(W_hh h_{t-1} + W_xh x_t), y_t = W_hy h_t; no biases. W_hh (h x h), W_xh (h x x), W_hy (y x h).
# h^2 + hx + yh.
@_export
def h29a_mipt_rnn(x=7, h=5, y=3):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_hh, self.W_xh, self.W_hy = _p(h, h), _p(h, x), _p(y, h)

        def forward(self, xt, hp):
            ht = torch.tanh(self.W_hh @ hp + self.W_xh @ xt)
            return self.W_hy @ ht, ht

    return Cell()


# bentrevett/pytorch-sentiment-analysis: legacy/2 - Upgraded Sentiment Analysis.ipynb, markdown cell 11 (marked
# refuse: the LSTM is only a named function). Most plausible reading: the PyTorch nn.LSTM the tutorial uses,
# one layer: 4h(x + h) + 8h.
@_export
def h29a_bentrevett_lstm(x=7, h=5):
    return nn.LSTM(x, h)


# Harvard-IACS/2021-CS109B: content/lectures/lecture20/notebook/rnn_from_scratch.ipynb, markdown cell 0 (Hints).
# h_t = tanh(U h_{t-1} + V x_t + beta_1), Y_t = sigma(W h_t + beta_2): U (h x h), V (h x x), beta_1 (h),
# W (Y x h), beta_2 (Y). h^2 + hx + h + Yh + Y.
@_export
def h29a_cs109b_rnn(x=7, h=5, Y=3):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.U, self.V, self.beta_1 = _p(h, h), _p(h, x), _p(h)
            self.W, self.beta_2 = _p(Y, h), _p(Y)

        def forward(self, xt, hp):
            ht = torch.tanh(self.U @ hp + self.V @ xt + self.beta_1)
            return torch.sigmoid(self.W @ ht + self.beta_2), ht

    return Cell()


# Harvard-IACS/2020-CS109B: content/labs/lab08/notebook/cs109b-lab08-rnn-solutions.ipynb, markdown cell 22 (marked
# refuse: one L(x) = W*x + b is written for all four gates). Most plausible reading: the usual LSTM, a separate
# L per gate on [h_{t-1}, x_t], each W (h x (h + x)) and b (h). 4(h(h + x) + h).
@_export
def h29a_cs109b20_lstm(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W = nn.ParameterList([_p(h, h + x) for _ in range(4)])
            self.b = nn.ParameterList([_p(h) for _ in range(4)])

        def forward(self, xt, hp, cp):
            z = torch.cat([hp, xt])
            f, i, o, g = (self.W[k] @ z + self.b[k] for k in range(4))
            c = torch.sigmoid(f) * cp + torch.sigmoid(i) * torch.tanh(g)
            return torch.sigmoid(o) * torch.tanh(c), c

    return Cell()


# Harvard-IACS/2019-CS109B: content/labs/lab6/cs109b-lab6-rnn.ipynb, markdown cell 21.
# h_t = sigma(W([h_{t-1}, x_t]) + b): W (h x (h + x)), b (h). h(h + x) + h.
@_export
def h29a_cs109b19_rnn(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W, self.b = _p(h, h + x), _p(h)

        def forward(self, xt, hp):
            return torch.sigmoid(self.W @ torch.cat([hp, xt]) + self.b)

    return Cell()


# CompPhysics/AdvancedMachineLearning: doc/pub/week7/ipynb/week7.ipynb, markdown cells 31-47.
# f, i, g with W_{*x} (h x x), W_{*h} (h x h), b_* (h); o with W_o (h x x), U_o (h x h), b_o (h);
# h = o (x) sigma_h(c). 4(hx + h^2 + h).
@_export
def h29a_cpweek7_lstm(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_fx, self.W_ix, self.W_gx, self.W_o = (_p(h, x) for _ in range(4))
            self.W_fh, self.W_ih, self.W_gh, self.U_o = (_p(h, h) for _ in range(4))
            self.b_f, self.b_i, self.b_g, self.b_o = (_p(h) for _ in range(4))

        def forward(self, xt, hp, cp):
            f = torch.sigmoid(self.W_fx @ xt + self.W_fh @ hp + self.b_f)
            i = torch.sigmoid(self.W_ix @ xt + self.W_ih @ hp + self.b_i)
            g = torch.tanh(self.W_gx @ xt + self.W_gh @ hp + self.b_g)
            c = f * cp + i * g
            o = torch.sigmoid(self.W_o @ xt + self.U_o @ hp + self.b_o)
            return o * torch.tanh(c), c

    return Cell()


# CompPhysics/AdvancedMachineLearning: doc/pub/week5/ipynb/week5.ipynb, markdown cell 188.
# h_t = tanh(U x_t + W h_{t-1} + b), y~_t = sigma_y(V h_t + c): U (h x x), W (h x h), b (h), V (y x h), c (y).
# hx + h^2 + h + yh + y.
@_export
def h29a_cpweek5_rnn(x=7, h=5, y=3):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.U, self.W, self.b = _p(h, x), _p(h, h), _p(h)
            self.V, self.c = _p(y, h), _p(y)

        def forward(self, xt, hp):
            ht = torch.tanh(self.U @ xt + self.W @ hp + self.b)
            return torch.softmax(self.V @ ht + self.c, -1), ht

    return Cell()


# tensorchiefs/dl_course: notebooks/14_simple_rnn_tf1_no_solution.ipynb, markdown cell 9.
# h_t = tanh([h_{t-1}, x_t] . W + b) = tanh(h_{t-1} . W_h + x_t . U + b): one W ((h + x) x h, row-vector
# convention), b (h). (h + x)h + h.
@_export
def h29a_tchiefs_rnn(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W, self.b = _p(h + x, h), _p(h)

        def forward(self, xt, hp):
            return torch.tanh(torch.cat([hp, xt]) @ self.W + self.b)

    return Cell()


# phlippe/uvadlc_notebooks: docs/tutorial_notebooks/DL2/Dynamical_Neural_Networks/Complete_DNN_2_1.ipynb, cells 51-54.
# Echo state network: W_h (M x M) and W_i (M x x) random and fixed (buffers, not parameters); only W_o (x x M),
# which predicts the next input from h, is trained. xM.
@_export
def h29a_uva_esn(M=5, x=3):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.register_buffer('W_h', torch.randn(M, M) * 0.1)
            self.register_buffer('W_i', torch.randn(M, x) * 0.1)
            self.W_o = _p(x, M)

        def forward(self, xt, hp):
            ht = torch.tanh(self.W_h @ hp + self.W_i @ xt)
            return self.W_o @ ht, ht

    return Cell()


# varnerlab/CHEME-5820-Lectures-Spring-2025: lectures/week-15/L15a/..., markdown cells 2-3.
# Linear SSM x_t = A x_{t-1} + B u_t, y_t = C x_t + D u_t with A (h x h), B (h x d_in), C (d_out x h),
# D (d_out x d_in). h^2 + h d_in + d_out h + d_out d_in.
@_export
def h29a_cheme_ssm(h=5, d_in=7, d_out=3):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.A, self.B = _p(h, h), _p(h, d_in)
            self.C, self.D = _p(d_out, h), _p(d_out, d_in)

        def forward(self, ut, xp):
            xt = self.A @ xp + self.B @ ut
            return self.C @ xt + self.D @ ut, xt

    return Cell()


# Harvard-IACS/2021-CS109B: content/sections/sec03/cs109b_sec3.ipynb, markdown cell 81 (marked refuse: the GRU
# equations are only in a figure). Most plausible reading: the Keras GRU the cell documents (reset_after=True):
# kernel (x x 3h), recurrent kernel (h x 3h), bias (2 x 3h), the same count as torch's nn.GRU: 3h(x + h) + 6h.
@_export
def h29a_cs109bsec3_gru(x=7, h=5):
    return nn.GRU(x, h)
