import torch
from torch import nn

__all__ = []


def _export(f):
    __all__.append(f.__name__)
    return f


def _p(*shape):
    return nn.Parameter(torch.randn(*shape) * 0.1)


# zilong-ding/note-gen-sync 八斗书院NLP/rnn,LSTM,GRU计算方式.md (## GRU计算方式): Chinese translation of the
# torch.nn.GRU docs, W_{i*} (h x x), W_{h*} (h x h), b_{i*}, b_{h*} for r, z, n. 3h(x + h + 2).
@_export
def h21c_zilong_gru(x=7, h=5):
    return nn.GRU(x, h)


# zilong-ding/note-gen-sync 八斗书院NLP/rnn,LSTM,GRU计算方式.md (## LSTM计算方式): Chinese translation of the
# torch.nn.LSTM docs (proj_size=0), two biases per gate. 4h(x + h + 2).
@_export
def h21c_zilong_lstm(x=7, h=5):
    return nn.LSTM(x, h)


# https://m.pinggu.org/bbs/thread-11106360-2-1.html (machine-translated LSTM, eqs. (3)-(4)): per gate i, f, o and
# candidate c: U (h x x) on x_t, W (h x h) on h_{t-1}, bias b ("UWB 重量"). The output layer of eq. (5) is not
# part of the cell. 4h(x + h + 1).
@_export
def h21c_pinggu_lstm(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            for g in "ifoc":
                setattr(self, "U" + g, _p(h, x))
                setattr(self, "W" + g, _p(h, h))
                setattr(self, "b" + g, _p(h))

        def lin(self, g, xt, hp):
            return getattr(self, "U" + g) @ xt + getattr(self, "W" + g) @ hp + getattr(self, "b" + g)

        def forward(self, xt, hp, cp):
            i = torch.sigmoid(self.lin("i", xt, hp))
            f = torch.sigmoid(self.lin("f", xt, hp))
            o = torch.sigmoid(self.lin("o", xt, hp))
            ct_ = torch.tanh(self.lin("c", xt, hp))
            c = cp * f + ct_ * i
            return torch.tanh(c) * o, c

    return Cell()


# jesuswav/artificial_intelligence neural_networks/LSTM_Matematica_Example1.ipynb (Spanish NumPy LSTM step):
# W_f, W_i, W_C, W_o: (hidden_size, hidden_size + input_size), b_*: (hidden_size, 1).
# 4 hidden_size (hidden_size + input_size + 1).
@_export
def h21c_jesuswav_lstm(input_size=4, hidden_size=3):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            for g in ("f", "i", "C", "o"):
                setattr(self, "W_" + g, _p(hidden_size, hidden_size + input_size))
                setattr(self, "b_" + g, _p(hidden_size, 1))

        def forward(self, x_t, h_prev, C_prev):
            concat = torch.cat([h_prev, x_t], 0)
            f_t = torch.sigmoid(self.W_f @ concat + self.b_f)
            i_t = torch.sigmoid(self.W_i @ concat + self.b_i)
            C_tilde = torch.tanh(self.W_C @ concat + self.b_C)
            C_t = f_t * C_prev + i_t * C_tilde
            o_t = torch.sigmoid(self.W_o @ concat + self.b_o)
            return o_t * torch.tanh(C_t), C_t

    return Cell()
