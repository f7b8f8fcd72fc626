import torch
from torch import nn

__all__ = []


def _export(f):
    __all__.append(f.__name__)
    return f


def _p(*shape):
    return nn.Parameter(torch.randn(*shape) * 0.1)


# mrtanke/tanke.github.io content/notes/xLSTM_Extended_Long_Short-Term_Memory/index.md, "## 1.1 LSTM"
# (marked refuse: the gate equations are missing). Most plausible reading: a standard LSTM with
# input weights W_* (h x x), recurrent R_* (h x h) and biases b_* (h) for z, i, f, o. 4h(x + h + 1).
@_export
def h24f_tankexlstm_lstm(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            for g in "zifo":
                setattr(self, "W_" + g, _p(h, x))
                setattr(self, "R_" + g, _p(h, h))
                setattr(self, "b_" + g, _p(h))

        def _pre(self, g, xt, hp):
            return getattr(self, "W_" + g) @ xt + getattr(self, "R_" + g) @ hp + getattr(self, "b_" + g)

        def forward(self, xt, state):
            hp, cp = state
            z = torch.tanh(self._pre("z", xt, hp))
            i = torch.sigmoid(self._pre("i", xt, hp))
            f = torch.sigmoid(self._pre("f", xt, hp))
            o = torch.sigmoid(self._pre("o", xt, hp))
            c = f * cp + i * z
            return o * torch.tanh(c), c

    return Cell()


# jaketae/jaketae.github.io _posts/2020-02-08-rnn.md, "## Simple Implementation": y_t = tanh(W x_t + U y_{t-1} + b),
# W (y x x), U (y x y), b (y). y(x + y + 1).
@_export
def h24f_jaketae_rnn(x=7, y=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W, self.U, self.b = _p(y, x), _p(y, y), _p(y)

        def forward(self, xt, yp):
            return torch.tanh(self.W @ xt + self.U @ yp + self.b)

    return Cell()


# stored file id 21463230398 ("# Gating and LSTM" notes, **Enhancing the model**): gated RNN without biases,
# g_t = sigmoid(W^{g,s} s + W^{g,x} x), s_t = (1-g) s + g tanh(W^{s,s} s + W^{s,x} x). W^{s,s}, W^{g,s} (s x s),
# W^{s,x}, W^{g,x} (s x x). 2s(s + x).
@_export
def h24f_gatingnotes_gatedrnn(x=7, s=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_ss, self.W_sx = _p(s, s), _p(s, x)
            self.W_gs, self.W_gx = _p(s, s), _p(s, x)

        def forward(self, xt, sp):
            g = torch.sigmoid(self.W_gs @ sp + self.W_gx @ xt)
            return (1 - g) * sp + g * torch.tanh(self.W_ss @ sp + self.W_sx @ xt)

    return Cell()


# https://paragraph.com/@0xc114c61a1f858fcd9b272c693d5f4e98abe87590: PyTorch's LSTM equations retyped (b_{fo} is the
# output gate's recurrent-side bias). W_{i*} (h x x), W_{h*} (h x h), b_{i*}, b_{h*} (h) for i, f, g, o.
# 4h(x + h) + 8h; the same as nn.LSTM(x, h).
@_export
def h24f_paragraph_lstm(x=7, h=5):
    return nn.LSTMCell(x, h)


# weberna/weberna.github.io _posts/2017-11-15-LSTM-Vanishing-Gradients.md, **LSTM Equation Reference**: Colah-style
# LSTM with the biases left off; W_f, W_i, W_o, W_C each (h x (h + x)) on [h_{t-1}, x_t]. 4h(h + x).
@_export
def h24f_weberna_lstm(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_f, self.W_i, self.W_o, self.W_C = (_p(h, h + x) for _ in range(4))

        def forward(self, xt, state):
            hp, cp = state
            z = torch.cat([hp, xt])
            f, i, o = torch.sigmoid(self.W_f @ z), torch.sigmoid(self.W_i @ z), torch.sigmoid(self.W_o @ z)
            c = f * cp + i * torch.tanh(self.W_C @ z)
            return o * torch.tanh(c), c

    return Cell()


# weberna/weberna.github.io (same post), "# The Case of the Vanishing Gradients": h_t = tanh(W_I x_t + W_R h_{t-1}),
# y_t = W_O h_t; W_I (h x x), W_R (h x h), W_O (y x h), no biases. h(x + h) + yh.
@_export
def h24f_weberna_rnn(x=7, h=5, y=3):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_I, self.W_R, self.W_O = _p(h, x), _p(h, h), _p(y, h)

        def forward(self, xt, hp):
            ht = torch.tanh(self.W_I @ xt + self.W_R @ hp)
            return ht, self.W_O @ ht

    return Cell()


# jefkine/deepgrid-blog 2018-05-21 vanishing-and-exploding-gradient-problems, "### Recurrent Neural Network ###":
# W^{hx} (h x x), W^{hh} (h x h), b^h (h), W^{yh} (y x h), b^y (y). h(x + h + 1) + y(h + 1).
@_export
def h24f_jefkine_rnn(x=7, h=5, y=3):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_hx, self.W_hh, self.b_h = _p(h, x), _p(h, h), _p(h)
            self.W_yh, self.b_y = _p(y, h), _p(y)

        def forward(self, xt, hp):
            ht = torch.tanh(self.W_hx @ xt + self.W_hh @ hp + self.b_h)
            return ht, torch.softmax(self.W_yh @ ht + self.b_y, -1)

    return Cell()


# beekbin/rnnEssay tex/rnn.lstm.tex, \subsection{Vanilla RNN} (marked refuse: a bias b "not shown" has no place).
# Most plausible reading: U (h x x), W (h x h), V (y x h) and one hidden bias b (h). h(x + h + 1) + yh.
@_export
def h24f_rnnessay_rnn(x=7, h=5, y=3):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.U, self.W, self.V, self.b = _p(h, x), _p(h, h), _p(y, h), _p(h)

        def forward(self, xt, hp):
            ht = torch.tanh(self.U @ xt + self.W @ hp + self.b)
            return ht, torch.softmax(self.V @ ht, -1)

    return Cell()


# beekbin/rnnEssay tex/rnn.lstm.tex, \section{LSTM}: W_i, W_a, W_f, W_o each (h x (h + x)) on [h^{(t-1)}, x^{(t)}],
# no biases, output V (y x h). 4h(h + x) + yh.
@_export
def h24f_rnnessay_lstm(x=7, h=5, y=3):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_i, self.W_a, self.W_f, self.W_o = (_p(h, h + x) for _ in range(4))
            self.V = _p(y, h)

        def forward(self, xt, state):
            hp, cp = state
            z = torch.cat([hp, xt])
            i, f, o = torch.sigmoid(self.W_i @ z), torch.sigmoid(self.W_f @ z), torch.sigmoid(self.W_o @ z)
            c = f * cp + i * torch.tanh(self.W_a @ z)
            ht = o * torch.tanh(c)
            return ht, c, torch.softmax(self.V @ ht, -1)

    return Cell()


# https://community.konduit.ai/t/imported-keras-lstm-layer-mismatch/124/2: SimpleRNN y_t = h(W*x + RW*y_(t-1) + b),
# W (y x x), RW (y x y), b (y); h taken as the (tanh) activation. y(x + y + 1); the same as nn.RNNCell(x, y, bias=False)
# plus one bias, written out here.
@_export
def h24f_konduit_simplernn(x=7, y=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W, self.RW, self.b = _p(y, x), _p(y, y), _p(y)

        def forward(self, xt, yp):
            return torch.tanh(self.W @ xt + self.RW @ yp + self.b)

    return Cell()


# zhangxiaoqiong/datamining-knowledge 深度学习之RNN.md, "### 1. 基础 RNN 的前向传播": W_{hh} (hidden x hidden),
# W_{xh} (input x hidden as listed; the same number either way), b_h (hidden), W_{hy} (hidden x output as listed), b_y
# (output). hidden(input + hidden + 1) + output(hidden + 1).
@_export
def h24f_zhangdm_rnn(input_size=7, hidden_size=5, output_size=3):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_hh, self.W_xh, self.b_h = _p(hidden_size, hidden_size), _p(input_size, hidden_size), _p(hidden_size)
            self.W_hy, self.b_y = _p(hidden_size, output_size), _p(output_size)

        def forward(self, xt, hp):
            ht = torch.tanh(hp @ self.W_hh + xt @ self.W_xh + self.b_h)
            return ht, ht @ self.W_hy + self.b_y

    return Cell()


# zhangxiaoqiong/datamining-knowledge 深度学习之RNN.md, "### 4. GRU": W_{ir}, W_{iz}, W_{ih} (h x x), W_{hr}, W_{hz},
# W_{hh} (h x h), b_r, b_z, b_h (h). 3h(x + h + 1).
@_export
def h24f_zhangdm_gru(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_ir, self.W_hr, self.b_r = _p(h, x), _p(h, h), _p(h)
            self.W_iz, self.W_hz, self.b_z = _p(h, x), _p(h, h), _p(h)
            self.W_ih, self.W_hh, self.b_h = _p(h, x), _p(h, h), _p(h)

        def forward(self, xt, hp):
            r = torch.sigmoid(self.W_ir @ xt + self.W_hr @ hp + self.b_r)
            z = torch.sigmoid(self.W_iz @ xt + self.W_hz @ hp + self.b_z)
            ht = torch.tanh(self.W_ih @ xt + self.W_hh @ (r * hp) + self.b_h)
            return (1 - z) * hp + z * ht

    return Cell()
