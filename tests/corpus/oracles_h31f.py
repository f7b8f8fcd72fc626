import torch
from torch import nn

__all__ = []


def _export(f):
    __all__.append(f.__name__)
    return f


def _p(*shape):
    return nn.Parameter(torch.randn(*shape) * 0.1)


class _KerasLSTM(nn.Module):
    # Keras LSTM layer: kernel (x, 4h), recurrent_kernel (h, 4h), bias (4h); gates i, f, c, o.
    def __init__(self, x, h):
        super().__init__()
        self.kernel, self.recurrent_kernel, self.bias = _p(x, 4 * h), _p(h, 4 * h), _p(4 * h)

    def forward(self, xt, state):
        hp, cp = state
        i, f, g, o = (xt @ self.kernel + hp @ self.recurrent_kernel + self.bias).chunk(4, -1)
        c = torch.sigmoid(f) * cp + torch.sigmoid(i) * torch.tanh(g)
        return torch.sigmoid(o) * torch.tanh(c), c


class _KerasSimpleRNN(nn.Module):
    # Keras SimpleRNN layer: kernel (x, h), recurrent_kernel (h, h), bias (h).
    def __init__(self, x, h):
        super().__init__()
        self.kernel, self.recurrent_kernel, self.bias = _p(x, h), _p(h, h), _p(h)

    def forward(self, xt, hp):
        return torch.tanh(xt @ self.kernel + hp @ self.recurrent_kernel + self.bias)


# moye12325/DeepLearning:Chapter9现代循环神经网络/门控循环单元（GRU）.md (refuse: equations are images).
# Most plausible reading, the d2l GRU the notes follow: W_xr, W_xz, W_xh (x, h), W_hr, W_hz, W_hh (h, h),
# b_r, b_z, b_h (h). 3(xh + h^2 + h).
@_export
def h31f_moyenotes_gru(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_xr, self.W_hr, self.b_r = _p(x, h), _p(h, h), _p(h)
            self.W_xz, self.W_hz, self.b_z = _p(x, h), _p(h, h), _p(h)
            self.W_xh, self.W_hh, self.b_h = _p(x, h), _p(h, h), _p(h)

        def forward(self, xt, hp):
            r = torch.sigmoid(xt @ self.W_xr + hp @ self.W_hr + self.b_r)
            z = torch.sigmoid(xt @ self.W_xz + hp @ self.W_hz + self.b_z)
            ht = torch.tanh(xt @ self.W_xh + (r * hp) @ self.W_hh + self.b_h)
            return z * hp + (1 - z) * ht

    return Cell()


# https://discuss.pytorch.org/t/shape-of-lstm-variables/15619: torch.nn.LSTM, w_ih (4*hidden_size x input_size),
# w_hh (4*hidden_size x hidden_size), b_ih and b_hh (4*hidden_size). 4h(x + h) + 8h.
@_export
def h31f_ptforum_lstmshape(input_size=7, hidden_size=5):
    return nn.LSTM(input_size, hidden_size)


# https://errorsfixing.com/weights-and-bias-dimensions-in-tensorflow-for-lstm/: Keras LSTM(2) on 4 features.
# 4h(x + h + 1) = 56.
@_export
def h31f_errorsfixing_lstm(x=4, h=2):
    return _KerasLSTM(x, h)


# https://errorhandle.ai/weights-and-bias-dimensions-in-tensorflow-for-lstm: W_x [input_dim, 4*units],
# W_h [units, 4*units], b [4*units]; 64 units, 32 features. 4u(d + u + 1) = 24832.
@_export
def h31f_errorhandle_lstm(input_dim=32, units=64):
    return _KerasLSTM(input_dim, units)


# https://flashgene.com/archives/93411.html: torch nn.RNN(100, 20); weight_ih_l0 [20, 100], weight_hh_l0 [20, 20],
# bias_ih_l0 [20], bias_hh_l0 [20]. h(x + h + 2) = 2440.
@_export
def h31f_flashgene_rnn(x=100, h=20):
    return nn.RNN(x, h)


# http://fatal001.com/tensorflow/40896434946176094742.html: Keras SimpleRNN(1) on 1 feature, use_bias=True.
# h(x + h + 1) = 3.
@_export
def h31f_fatal001_simplernn(x=1, h=1):
    return _KerasSimpleRNN(x, h)


# https://qastack.mx/stats/365428/...: Keras LSTM(1) on Input(shape=(1, 1)); 4 out (inp + out + 1) = 12.
@_export
def h31f_qastackmx_lstm(inp=1, out=1):
    return _KerasLSTM(inp, out)


# https://qastack.vn/datascience/10615/... (refuse: count formulas lost, biases optional).
# Most plausible reading, Keras default with biases: W 4d x (n + d) plus a bias 4d. 4d(n + d + 1).
@_export
def h31f_qastackvn_lstm(n=7, d=5):
    return _KerasLSTM(n, d)


# http://pullrequest.ru/11537662/vnedrenie-lstm-kerase: Keras LSTM(10, input_shape=(20, 30)); kernel (30, 40),
# recurrent_kernel (10, 40), bias (40,). 4h(x + h + 1) = 1640.
@_export
def h31f_pullrequest_lstm(x=30, h=10):
    return _KerasLSTM(x, h)


# https://boohere.com/de/detail/123934.html: GRU with 3 W (20 x 13), 3 U (20 x 20), 3 b (20).
# 3h(x + h + 1) = 2040.
@_export
def h31f_boohere_gru(x=13, h=20):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_z, self.U_z, self.b_z = _p(h, x), _p(h, h), _p(h)
            self.W_r, self.U_r, self.b_r = _p(h, x), _p(h, h), _p(h)
            self.W_h, self.U_h, self.b_h = _p(h, x), _p(h, h), _p(h)

        def forward(self, xt, hp):
            z = torch.sigmoid(self.W_z @ xt + self.U_z @ hp + self.b_z)
            r = torch.sigmoid(self.W_r @ xt + self.U_r @ hp + self.b_r)
            ht = torch.tanh(self.W_h @ xt + self.U_h @ (r * hp) + self.b_h)
            return z * hp + (1 - z) * ht

    return Cell()


# https://wiki.hoelee.com/.../458685/parameters-count-in-gru-layer-keras: Keras GRU(32) on 32 features, TF2
# reset_after=True: kernel (x, 3h), recurrent_kernel (h, 3h), bias (2, 3h). 3(xh + h^2 + 2h) = 6336.
@_export
def h31f_hoelee_gru(x=32, h=32):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.kernel, self.recurrent_kernel, self.bias = _p(x, 3 * h), _p(h, 3 * h), _p(2, 3 * h)

        def forward(self, xt, hp):
            xz, xr, xh = (xt @ self.kernel + self.bias[0]).chunk(3, -1)
            hz, hr, hh = (hp @ self.recurrent_kernel + self.bias[1]).chunk(3, -1)
            z = torch.sigmoid(xz + hz)
            r = torch.sigmoid(xr + hr)
            ht = torch.tanh(xh + r * hh)
            return z * hp + (1 - z) * ht

    return Cell()


# https://stackguides.com/questions/52164882/...: Keras LSTM(10) on input_shape (8, 8); W (8, 40), U (10, 40),
# b (40,). 4h(x + h + 1) = 760.
@_export
def h31f_stackguides_lstm(x=8, h=10):
    return _KerasLSTM(x, h)
