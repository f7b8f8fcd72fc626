import torch
from torch import nn

__all__ = []


def _export(f):
    __all__.append(f.__name__)
    return f


def _p(*shape):
    return nn.Parameter(torch.randn(*shape) * 0.1)


# TimidLion/TIL:Machine_learning/DeepLearning/gated_recurrent_unit.md (refuse: every equation is an
# image). Most plausible reading: the standard GRU of the images, W_z, U_z, b_z; W_r, U_r, b_r;
# W, U, b for the candidate. 3(h*x + h*h + h).
@_export
def h30f_til_gru(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_z, self.U_z, self.b_z = _p(h, x), _p(h, h), _p(h)
            self.W_r, self.U_r, self.b_r = _p(h, x), _p(h, h), _p(h)
            self.W, self.U, self.b = _p(h, x), _p(h, h), _p(h)

        def forward(self, xt, hp):
            z = torch.sigmoid(self.W_z @ xt + self.U_z @ hp + self.b_z)
            r = torch.sigmoid(self.W_r @ xt + self.U_r @ hp + self.b_r)
            hc = torch.tanh(self.W @ xt + self.U @ (r * hp) + self.b)
            return (1 - z) * hp + z * hc

    return Cell()


# stored file id 56635111089 (study notes, "### 7.2 GRU Equations (p. 131)"). Row-vector convention
# x_t U^g + h_{t-1} W^g: U^z, U^r, U^g (x by h), W^z, W^r, W^g (h by h), no biases. 3(x*h + h*h).
@_export
def h30f_studynotes_gru(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.U_z, self.W_z = _p(x, h), _p(h, h)
            self.U_r, self.W_r = _p(x, h), _p(h, h)
            self.U_g, self.W_g = _p(x, h), _p(h, h)

        def forward(self, xt, hp):
            z = torch.sigmoid(xt @ self.U_z + hp @ self.W_z)
            r = torch.sigmoid(xt @ self.U_r + hp @ self.W_r)
            g = torch.tanh(xt @ self.U_g + (r * hp) @ self.W_g)
            return (1 - z) * hp + z * g

    return Cell()


def _keras_simplernn(f, u):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.kernel = _p(f, u)
            self.recurrent_kernel = _p(u, u)
            self.bias = _p(u)

        def forward(self, xt, hp):
            return torch.tanh(xt @ self.kernel + hp @ self.recurrent_kernel + self.bias)

    return Cell()


# https://exchangetuts.com/number-of-parameters-for-keras-simplernn-1640504944705352 (Q&A). Keras
# SimpleRNN: input weights num_features x num_units, recurrent weights num_units x num_units, one bias
# per unit. (num_features + num_units) * num_units + num_units = 120 at 1, 10.
@_export
def h30f_exchangetuts_simplernn(num_features=1, num_units=10):
    return _keras_simplernn(num_features, num_units)


# https://exchangetuts.com/calculating-the-number-of-parameters-of-a-gru-layer-keras-1640909223406624
# (Q&A). Keras GRU with reset_after=True (TF2 default): kernel x by 3h, recurrent kernel h by 3h, and
# separate input and recurrent biases (2, 3h), i.e. exactly torch's GRU; Bidirectional doubles it.
# 2 * 3 * ((x + h) * h + h + h) = 9600 at x=16, h=32.
@_export
def h30f_exchangetuts_gru_bidir(x=16, h=32):
    return nn.GRU(x, h, bidirectional=True)


# https://errorhandle.ai/matrix-calculations-in-simplernn-keras. Kernel W (input_dim, units),
# recurrent kernel U (units, units), bias B (units,). input_dim*units + units*units + units.
@_export
def h30f_errorhandle_simplernn(input_dim=7, units=5):
    return _keras_simplernn(input_dim, units)


# https://datascience.stackexchange.com/questions/88436 (Q&A). Keras SimpleRNN(units=50) on 1 feature:
# (input_feature + 1) * units + units * units = 2600.
@_export
def h30f_dsse_simplernn(input_feature=1, units=50):
    return _keras_simplernn(input_feature, units)


def _keras_lstm(f, u):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.kernel = _p(f, 4 * u)
            self.recurrent_kernel = _p(u, 4 * u)
            self.bias = _p(4 * u)

        def forward(self, xt, state):
            hp, cp = state
            i, fg, g, o = (xt @ self.kernel + hp @ self.recurrent_kernel + self.bias).chunk(4, -1)
            c = torch.sigmoid(fg) * cp + torch.sigmoid(i) * torch.tanh(g)
            return torch.sigmoid(o) * torch.tanh(c), c

    return Cell()


# https://datascience.stackexchange.com/questions/128705 (Q&A). Keras LSTM, input size 1, hidden 9:
# kernel (1, 36), recurrent kernel (9, 36), bias (36,). 4h(x + h + 1) = 396.
@_export
def h30f_dsse_lstm396(input_size=1, hidden_size=9):
    return _keras_lstm(input_size, hidden_size)


# https://newbedev.com/how-to-calculate-the-number-of-parameters-of-an-lstm-network (Q&A). Keras
# LSTM(units=256, input_dim=4096): four layers W_forget, W_input, W_output, W_cell on [h(t-1), x(t)]
# with one bias each. 4 * (num_units + input_dim + 1) * num_units = 4457472.
@_export
def h30f_newbedev_lstm(input_dim=4096, num_units=256):
    return _keras_lstm(input_dim, num_units)


# https://discuss.pytorch.org/t/lstmcell-bias-question/94282 (forum). torch.nn.LSTMCell(128, 64):
# weight_ih (4h, x), weight_hh (4h, h), bias_ih and bias_hh (4h). 4h(x + h + 2) = 49664.
@_export
def h30f_ptforum_lstmcell(x=128, h=64):
    return nn.LSTMCell(x, h)


# ProFatXuanAll/ProFatXuanAll.github.io:_posts/2021-12-21-finding-structure-in-time.md (refuse: no
# equations, biases unstated). Most plausible reading: Elman SRN with biases, W_xh (h, x), W_hh (h, h)
# for the fully connected context units, b_h (h), W_hy (y, h), b_y (y). h*x + h*h + h + y*h + y.
@_export
def h30f_profat_elman(x=1, h=2, y=1):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_xh, self.W_hh, self.b_h = _p(h, x), _p(h, h), _p(h)
            self.W_hy, self.b_y = _p(y, h), _p(y)

        def forward(self, xt, hp):
            ht = torch.sigmoid(self.W_xh @ xt + self.W_hh @ hp + self.b_h)
            return torch.sigmoid(self.W_hy @ ht + self.b_y), ht

    return Cell()


# https://geek-tips.imtqy.com/articles/560600/index.html (translated answer). Keras LSTM:
# (4 * features * units) + (4 * units * units) + (4 * units) = 16 at features=2, units=1.
@_export
def h30f_geektips_lstm(features=2, units=1):
    return _keras_lstm(features, units)
