import torch
from torch import nn

__all__ = []


def _export(f):
    __all__.append(f.__name__)
    return f


def _p(*shape):
    return nn.Parameter(torch.randn(*shape) * 0.1)


# DeepLearningDTU/02456-deep-learning-with-PyTorch 5_Transformers/5_3-Recurrent-Neural-Networks-Numpy.ipynb,
# markdown cell 64 (LSTM). W^i, W^f, W^o, W^g each applied to [h_{t-1}, x_t]: h x (h + x); no biases.
# 4h(h + x).
@_export
def h19a_dtu02456_lstm(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_i = _p(h, h + x)
            self.W_f = _p(h, h + x)
            self.W_o = _p(h, h + x)
            self.W_g = _p(h, h + x)

        def forward(self, xt, state):
            h_prev, c_prev = state
            hx = torch.cat([h_prev, xt], -1)
            i = torch.sigmoid(hx @ self.W_i.T)
            f = torch.sigmoid(hx @ self.W_f.T)
            o = torch.sigmoid(hx @ self.W_o.T)
            g = torch.tanh(hx @ self.W_g.T)
            c = c_prev * f + g * i
            return torch.tanh(c) * o, c

    return Cell()


# Same notebook, markdown cell 19 (RNN). h_t = f(U x_t + V h_{t-1}), o_t = W h_t; no biases.
# U: h x x, V: h x h, W: o x h.  h(x + h) + o h.
@_export
def h19a_dtu02456_rnn(x=7, h=5, o=6):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.U = _p(h, x)
            self.V = _p(h, h)
            self.W = _p(o, h)

        def forward(self, xt, h_prev):
            ht = torch.tanh(xt @ self.U.T + h_prev @ self.V.T)
            ot = ht @ self.W.T
            return torch.softmax(ot, -1), ht

    return Cell()


# RAIUTC/ML-DL-Study ml_dl_2024_spring/lecture_18_lstm_seq2seq/gru.ipynb (Korean translation of the torch.nn.GRU
# docstring): two biases per gate, so exactly nn.GRU (one layer, the default). 3h(x + h + 2).
@_export
def h19a_raiutc_gru(x=7, h=5):
    return nn.GRU(x, h)


# RAIUTC/ML-DL-Study ml_dl_2024_spring/lecture_18_lstm_seq2seq/lstm.ipynb (Korean translation of the torch.nn.LSTM
# docstring, proj_size default 0): exactly nn.LSTM. 4h(x + h + 2).
@_export
def h19a_raiutc_lstm(x=7, h=5):
    return nn.LSTM(x, h)
