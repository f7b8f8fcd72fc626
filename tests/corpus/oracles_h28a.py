import torch
from torch import nn

__all__ = []


def _export(f):
    __all__.append(f.__name__)
    return f


def _p(*shape):
    return nn.Parameter(torch.randn(*shape) * 0.1)


# Yong-Zhuang/Tutoring: Time Series Forecasting/RNN_from_scratch.ipynb, markdown cell 5.
# h_t = tanh(W . [h_{t-1}, x_t] + b): W (h x (h + x)), b (h). h(h + x) + h.
@_export
def h28a_yz_rnn(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W, self.b = _p(h, h + x), _p(h)

        def forward(self, xt, hp):
            return torch.tanh(self.W @ torch.cat([hp, xt]) + self.b)

    return Cell()


# Yong-Zhuang/Tutoring: same notebook, markdown cells 9-13 (marked refuse: the equations are images).
# Most plausible reading: colah's LSTM, W_f, W_i, W_C, W_o each (h x (h + x)) on [h_{t-1}, x_t], biases b_f,
# b_i, b_C, b_o. 4(h(h + x) + h).
@_export
def h28a_yz_lstm(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_f, self.W_i, self.W_C, self.W_o = (_p(h, h + x) for _ in range(4))
            self.b_f, self.b_i, self.b_C, self.b_o = (_p(h) for _ in range(4))

        def forward(self, xt, hp, cp):
            z = torch.cat([hp, xt])
            f = torch.sigmoid(self.W_f @ z + self.b_f)
            i = torch.sigmoid(self.W_i @ z + self.b_i)
            ct = torch.tanh(self.W_C @ z + self.b_C)
            c = f * cp + i * ct
            o = torch.sigmoid(self.W_o @ z + self.b_o)
            return o * torch.tanh(c), c

    return Cell()


# statisticallyfit/PythonNeuralNetNLP: src/ModelStudy/Seq2Seq/2_LearningPhrasesUsingRNN.ipynb, markdown cell 24.
# The PyTorch GRU formulation copied (with the typo z_t + h_{t-1}): W_{ir}, W_{iz}, W_{in} (h x x), W_{hr},
# W_{hz}, W_{hn} (h x h), six biases b_{i*}, b_{h*} (h). torch.nn.GRU's single layer: 3h(x + h) + 6h.
@_export
def h28a_sf_gru(x=7, h=5):
    return nn.GRU(x, h)


# statisticallyfit/PythonNeuralNetNLP: src/ModelStudy/Seq2Seq/1_SeqToSeqLearning.ipynb, markdown cell 25,
# "Forward Pass of Encoder". h_t = tanh(W_{ih} * x_t + W_{hh} * h_{t-1} + b_{hh}): W_{ih} (h x x),
# W_{hh} (h x h), one bias b_{hh} (h). hx + h^2 + h.
@_export
def h28a_sf_rnn(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_ih, self.W_hh, self.b_hh = _p(h, x), _p(h, h), _p(h)

        def forward(self, xt, hp):
            return torch.tanh(self.W_ih @ xt + self.W_hh @ hp + self.b_hh)

    return Cell()


# Xinfeng-Liu/Captioning_RNN_LSTM: rnn_lstm_captioning.ipynb (EECS 498 A5), markdown cell 42.
# a = W_x x_t + W_h h_{t-1} + b with W_x (4H x D), W_h (4H x H), b (4H), split into i, f, o, g. 4H(D + H + 1).
@_export
def h28a_eecs_lstm(D=7, H=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_x, self.W_h, self.b = _p(4 * H, D), _p(4 * H, H), _p(4 * H)

        def forward(self, xt, hp, cp):
            a = self.W_x @ xt + self.W_h @ hp + self.b
            ai, af, ao, ag = a.split(H)
            i, f, o, g = torch.sigmoid(ai), torch.sigmoid(af), torch.sigmoid(ao), torch.tanh(ag)
            c = f * cp + i * g
            return o * torch.tanh(c), c

    return Cell()


# girafe-ai/ml-course: week09_seq2seq_rnn_practice.ipynb, markdown cell 14 (marked refuse: no equation).
# Most plausible reading: one dense layer (with bias) on [x_t, h_{t-1}] then tanh: W (h x (x + h)), b (h).
# h(x + h) + h.
@_export
def h28a_girafe_rnn(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W, self.b = _p(h, x + h), _p(h)

        def forward(self, xt, hp):
            return torch.tanh(self.W @ torch.cat([xt, hp]) + self.b)

    return Cell()


# emipaz/ml: bilingual copy of deeplearning.ai C5W1A1 "Building a Recurrent Neural Network - Step by Step",
# markdown cells 13-14. a_t = tanh(W_aa a_{t-1} + W_ax x_t + b_a), y_t = softmax(W_ya a_t + b_y):
# W_aa (a x a), W_ax (a x x), b_a (a), W_ya (y x a), b_y (y). a^2 + ax + a + ya + y.
@_export
def h28a_emipaz_rnn(a=5, x=7, y=3):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_aa, self.W_ax, self.b_a = _p(a, a), _p(a, x), _p(a)
            self.W_ya, self.b_y = _p(y, a), _p(y)

        def forward(self, xt, ap):
            an = torch.tanh(self.W_aa @ ap + self.W_ax @ xt + self.b_a)
            return an, torch.softmax(self.W_ya @ an + self.b_y, dim=0)

    return Cell()


# ahmadrazacdx/seq-modeling-from-scratch: word_level_lm/03_GRU_NumPy.ipynb, markdown cells 7 and 13.
# Embedding W_emb (V x E); W_u, W_r, W_h (H x (H + E)) on [h_{t-1}; e_t] (the candidate's W_{h,x}, W_{h,h} are the
# two blocks of W_h); b_u, b_r, b_h (H); output W_y (V x H), b_y (V). VE + 3H(H + E) + VH + 3H + V, as the text states.
@_export
def h28a_ahm_wordgru(V=90, E=100, H=100):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_emb = _p(V, E)
            self.W_u, self.W_r, self.W_h = _p(H, H + E), _p(H, H + E), _p(H, H + E)
            self.b_u, self.b_r, self.b_h = _p(H), _p(H), _p(H)
            self.W_y, self.b_y = _p(V, H), _p(V)

        def forward(self, idx, hp):
            e = self.W_emb[idx]
            z = torch.cat([hp, e])
            u = torch.sigmoid(self.W_u @ z + self.b_u)
            r = torch.sigmoid(self.W_r @ z + self.b_r)
            Whh, Whx = self.W_h[:, :H], self.W_h[:, H:]
            ht = torch.tanh(Whx @ e + r * (Whh @ hp) + self.b_h)
            h = (1 - u) * ht + u * hp
            return h, torch.softmax(self.W_y @ h + self.b_y, dim=0)

    return Cell()


# ahmadrazacdx/seq-modeling-from-scratch: char_level_lm/02_LSTM_NumPy.ipynb, markdown cells 7 and 13.
# W_f, W_i, W_c, W_o (H x (H + V)) on [h_{t-1}; x_t]; b_f, b_i, b_c, b_o (H); W_y (V x H), b_y (V).
# 4H(H + V) + VH + 4H + V = 56,933 at V=33, H=100.
@_export
def h28a_ahm_charlstm(V=33, H=100):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_f, self.W_i, self.W_c, self.W_o = (_p(H, H + V) for _ in range(4))
            self.b_f, self.b_i, self.b_c, self.b_o = (_p(H) for _ in range(4))
            self.W_y, self.b_y = _p(V, H), _p(V)

        def forward(self, xt, hp, cp):
            z = torch.cat([hp, xt])
            f = torch.sigmoid(self.W_f @ z + self.b_f)
            i = torch.sigmoid(self.W_i @ z + self.b_i)
            ct = torch.tanh(self.W_c @ z + self.b_c)
            c = f * cp + i * ct
            o = torch.sigmoid(self.W_o @ z + self.b_o)
            h = o * torch.tanh(c)
            return h, c, self.W_y @ h + self.b_y

    return Cell()


# EnteringtheQuantumRealm/Deep-Learning-Notebook: LSTM_numpy.ipynb, markdown cell 1.
# W_f, W_u, W_c, W_o each (a x (a + x)) on [a_{t-1}, x_t]; b_f, b_u, b_c, b_o (a). 4a(a + x) + 4a.
@_export
def h28a_eqr_lstm(a=5, x=7):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_f, self.W_u, self.W_c, self.W_o = (_p(a, a + x) for _ in range(4))
            self.b_f, self.b_u, self.b_c, self.b_o = (_p(a) for _ in range(4))

        def forward(self, xt, ap, cp):
            z = torch.cat([ap, xt])
            f = torch.sigmoid(self.W_f @ z + self.b_f)
            u = torch.sigmoid(self.W_u @ z + self.b_u)
            ct = torch.tanh(self.W_c @ z + self.b_c)
            c = f * cp + u * ct
            o = torch.sigmoid(self.W_o @ z + self.b_o)
            return o * torch.tanh(c), c

    return Cell()


# EnteringtheQuantumRealm/Deep-Learning-Notebook: RNN_numpy.ipynb, markdown cell 5.
# a_t = tanh(W_aa a_{t-1} + W_ax x_t + b_a), y_t = softmax(W_ya a_t + b_y): W_aa (a x a), W_ax (a x x), b_a (a),
# W_ya (y x a), b_y (y). a^2 + ax + a + ya + y.
@_export
def h28a_eqr_rnn(a=5, x=7, y=3):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_aa, self.W_ax, self.b_a = _p(a, a), _p(a, x), _p(a)
            self.W_ya, self.b_y = _p(y, a), _p(y)

        def forward(self, xt, ap):
            an = torch.tanh(self.W_aa @ ap + self.W_ax @ xt + self.b_a)
            return an, torch.softmax(self.W_ya @ an + self.b_y, dim=0)

    return Cell()
