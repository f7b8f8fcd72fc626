import torch
from torch import nn

__all__ = []


def _export(f):
    __all__.append(f.__name__)
    return f


def _p(*shape):
    return nn.Parameter(torch.randn(*shape) * 0.1)


# chopstickexe/deep-learning-from-scratch-2:ch06_lstm.ipynb, markdown cells 4-5 (Japanese, 6.2 勾配消失とLSTM).
# Marked refuse: the same \vect{b} appears in all four gates. Most plausible reading (cell 5: W_x, W_h, b of the
# four gates concatenated): per gate f, g, i, o a W_x^{(.)} (x x h), a W_h^{(.)} (h x h) and a bias b (h), row-vector
# convention. Count: 4(x*h + h*h + h).
@_export
def h34a_chopstick_lstm_ja(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.Wx = nn.ParameterDict({g: _p(x, h) for g in 'fgio'})
            self.Wh = nn.ParameterDict({g: _p(h, h) for g in 'fgio'})
            self.b = nn.ParameterDict({g: _p(h) for g in 'fgio'})

        def _a(self, g, xt, hp):
            return hp @ self.Wh[g] + xt @ self.Wx[g] + self.b[g]

        def forward(self, xt, hp, cp):
            f = torch.sigmoid(self._a('f', xt, hp))
            g = torch.tanh(self._a('g', xt, hp))
            i = torch.sigmoid(self._a('i', xt, hp))
            o = torch.sigmoid(self._a('o', xt, hp))
            c = f * cp + i * g
            return o * torch.tanh(c), c

    return Cell()


# chopstickexe/deep-learning-from-scratch-2:ch05.ipynb, markdown cell 4 (Japanese, 5.3 RNNの実装).
# h_t = tanh(h_{t-1} W_h + x_t W_x + b): W_h (h x h), W_x (x x h), b (h). Count: h*h + x*h + h.
@_export
def h34a_chopstick_rnn_ja(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_h, self.W_x, self.b = _p(h, h), _p(x, h), _p(h)

        def forward(self, xt, hp):
            return torch.tanh(hp @ self.W_h + xt @ self.W_x + self.b)

    return Cell()


# x-ix/Recurrent-Neural-Networks:Recurrent_Neural_Networks.ipynb, markdown cells 5-6 (d2l-style RNN, bullets).
# H_t = phi(X_t W_xh + H_{t-1} W_hh + b_h), O_t = H_t W_hq + b_q; the parameter list names both layers.
# W_xh (d x h), W_hh (h x h), b_h (h), W_hq (h x q), b_q (q). Count: d*h + h*h + h + h*q + q.
@_export
def h34a_xix_rnn(d=7, h=5, q=3):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_xh, self.W_hh, self.b_h = _p(d, h), _p(h, h), _p(h)
            self.W_hq, self.b_q = _p(h, q), _p(q)

        def forward(self, X, H):
            H = torch.tanh(X @ self.W_xh + H @ self.W_hh + self.b_h)
            return H, H @ self.W_hq + self.b_q

    return Cell()


# neychev/harbour_dlia2019:day04_NMT_and_Attention/Day_4_seq2seq.ipynb, markdown cell 30 (Encoder). Marked refuse:
# the LSTM is a black box. Most plausible reading (the prose: nn.Embedding, a 2-layer nn.LSTM): Embedding(input_dim,
# emb_dim) and torch.nn.LSTM(emb_dim, hid_dim, num_layers=2). Count: input_dim*emb_dim
# + 4(hid*emb + hid*hid + 2 hid) + 4(hid*hid + hid*hid + 2 hid).
@_export
def h34a_harbour_encoder(input_dim=11, emb_dim=7, hid_dim=5):
    class Encoder(nn.Module):
        def __init__(self):
            super().__init__()
            self.embedding = nn.Embedding(input_dim, emb_dim)
            self.rnn = nn.LSTM(emb_dim, hid_dim, num_layers=2)

        def forward(self, src):
            outputs, (hidden, cell) = self.rnn(self.embedding(src))
            return hidden, cell

    return Encoder()


# PaddlePaddle/awesome-DeepLearning:junior_class/chapter-6-sentiment_classification/notebook/
# 6-1-sentiment_classification.ipynb, markdown cell 6 (Chinese). h_t = tanh(W X_t + V H_{t-1} + b):
# W (h x x), V (h x h), b (h). Count: h*x + h*h + h.
@_export
def h34a_paddle_rnn_zh(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W, self.V, self.b = _p(h, x), _p(h, h), _p(h)

        def forward(self, xt, hp):
            return torch.tanh(self.W @ xt + self.V @ hp + self.b)

    return Cell()


# Same notebook, markdown cell 7 (Chinese LSTM). Gates i, f, o and cell input g, each W_* (h x x), V_* (h x h),
# b_* (h); the text says h_{t-1} and c_{t-1} have the dimension of x_t (so x = h). Count: 4(h*x + h*h + h).
@_export
def h34a_paddle_lstm_zh(x=5, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W = nn.ParameterDict({g: _p(h, x) for g in 'ifog'})
            self.V = nn.ParameterDict({g: _p(h, h) for g in 'ifog'})
            self.b = nn.ParameterDict({g: _p(h) for g in 'ifog'})

        def _a(self, g, xt, hp):
            return self.W[g] @ xt + self.V[g] @ hp + self.b[g]

        def forward(self, xt, hp, cp):
            i, f, o = (torch.sigmoid(self._a(g, xt, hp)) for g in 'ifo')
            g = torch.tanh(self._a('g', xt, hp))
            c = f * cp + i * g
            return o * torch.tanh(c), c

    return Cell()



# adeshpande3/LSTM-Sentiment-Analysis:Oriole LSTM.ipynb, markdown cell 10 (prose; the formula is an image).
# h_t = sigma(W^H h_{t-1} + W^X x_t), "the sum of the two terms", no bias: W^X (h x x), W^H (h x h).
# Count: h*x + h*h.
@_export
def h34a_oriole_rnn(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_X, self.W_H = _p(h, x), _p(h, h)

        def forward(self, xt, hp):
            return torch.sigmoid(self.W_H @ hp + self.W_X @ xt)

    return Cell()


# zackchase/mxnet-the-straight-dope:chapter12_time-series/lds-scratch.ipynb, markdown cell 0 (Gaussian linear
# dynamical system). Marked refuse: the PD covariances can be counted as full matrices or by free entries. Most
# plausible reading (the listed system parameters, each stored as a full tensor): A (H x H), B (D x H),
# Sigma_h (H x H), Sigma_v (D x D), mu_0 (H), Sigma_0 (H x H). Count: 3*H*H + D*H + D*D + H.
@_export
def h34a_dope_lds(H=5, D=3):
    class LDS(nn.Module):
        def __init__(self):
            super().__init__()
            self.A, self.B = _p(H, H), _p(D, H)
            self.Sigma_h, self.Sigma_v = _p(H, H), _p(D, D)
            self.mu_0, self.Sigma_0 = _p(H), _p(H, H)

        def forward(self, hp):
            h = self.A @ hp + self.Sigma_h @ torch.randn(H)
            v = self.B @ h + self.Sigma_v @ torch.randn(D)
            return h, v

    return LDS()


# anuragtiwari890/ml-dl-gen-ai:02-deeplearning-intro/3-rnn-fwd-propation.ipynb, markdown cell 0 (Unicode math).
# h_t = f(x_t W_x + h_{t-1} W_h + b_1), y = sigmoid(h_4 W_out + b_out): W_x (x x h), W_h (h x h), b_1 (h),
# W_out (h x y), b_out (y). Count: x*h + h*h + h + h*y + y (31 at the table's 5, 3, 1).
@_export
def h34a_anurag_rnn(x=5, h=3, y=1):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_x, self.W_h, self.b_1 = _p(x, h), _p(h, h), _p(h)
            self.W_out, self.b_out = _p(h, y), _p(y)

        def forward(self, xt, hp):
            ht = torch.tanh(xt @ self.W_x + hp @ self.W_h + self.b_1)
            return ht, torch.sigmoid(ht @ self.W_out + self.b_out)

    return Cell()


# d2l-ai/d2l-pytorch-colab:chapter_recurrent-neural-networks/bptt.ipynb, markdown cell 0 ("BPTT in Detail"):
# linear RNN without biases, h_t = W_hx x_t + W_hh h_{t-1}, o_t = W_qh h_t: W_hx (h x d), W_hh (h x h), W_qh (q x h).
# Count: h*d + h*h + q*h.
@_export
def h34a_d2lcolab_bptt(d=7, h=5, q=3):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_hx, self.W_hh, self.W_qh = _p(h, d), _p(h, h), _p(q, h)

        def forward(self, xt, hp):
            ht = self.W_hx @ xt + self.W_hh @ hp
            return ht, self.W_qh @ ht

    return Cell()
