import torch
from torch import nn

__all__ = []


def _export(f):
    __all__.append(f.__name__)
    return f


def _p(*shape):
    return nn.Parameter(torch.randn(*shape) * 0.1)


# dsgiitr/d2l-pytorch:Ch10_Recurrent_Neural_Networks/Gated_Recurrent_Units.ipynb (markdown cells 2-7).
# Row-vector convention X_t W: W_xr, W_xz, W_xh (d x h), W_hr, W_hz, W_hh (h x h), b_r, b_z, b_h (1 x h).
# 3h(d + h + 1).
@_export
def h27a_d2lpt_gru(d=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_xr, self.W_hr, self.b_r = _p(d, h), _p(h, h), _p(1, h)
            self.W_xz, self.W_hz, self.b_z = _p(d, h), _p(h, h), _p(1, h)
            self.W_xh, self.W_hh, self.b_h = _p(d, h), _p(h, h), _p(1, h)

        def forward(self, X, H):
            R = torch.sigmoid(X @ self.W_xr + H @ self.W_hr + self.b_r)
            Z = torch.sigmoid(X @ self.W_xz + H @ self.W_hz + self.b_z)
            Ht = torch.tanh(X @ self.W_xh + (R * H) @ self.W_hh + self.b_h)
            return Z * H + (1 - Z) * Ht

    return Cell()


# dsgiitr/d2l-pytorch:Ch10_Recurrent_Neural_Networks/Long_Short_Term_Memory.ipynb (markdown cells 1-7).
# W_xi, W_xf, W_xo, W_xc (d x h), W_hi, W_hf, W_ho, W_hc (h x h), b_i (written B_i), b_f, b_o, b_c (1 x h).
# The O_t in R^{n x d} typo is not followed (the weights fix h columns). 4h(d + h + 1).
@_export
def h27a_d2lpt_lstm(d=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_xi, self.W_hi, self.b_i = _p(d, h), _p(h, h), _p(1, h)
            self.W_xf, self.W_hf, self.b_f = _p(d, h), _p(h, h), _p(1, h)
            self.W_xo, self.W_ho, self.b_o = _p(d, h), _p(h, h), _p(1, h)
            self.W_xc, self.W_hc, self.b_c = _p(d, h), _p(h, h), _p(1, h)

        def forward(self, X, H, C):
            I = torch.sigmoid(X @ self.W_xi + H @ self.W_hi + self.b_i)
            F = torch.sigmoid(X @ self.W_xf + H @ self.W_hf + self.b_f)
            O = torch.sigmoid(X @ self.W_xo + H @ self.W_ho + self.b_o)
            Ct = torch.tanh(X @ self.W_xc + H @ self.W_hc + self.b_c)
            C = F * C + I * Ct
            return O * torch.tanh(C), C

    return Cell()


# mlelarge/dataflowr:Module11/11_RNN.ipynb (markdown cell 47, "RNN with Gating"). Candidate with ReLU:
# W_xh (h x x), W_hh (h x h), b_h; gate z: W_xz (h x x), W_hz (h x h), b_z. 2h(x + h + 1).
@_export
def h27a_dataflowr_gatedrnn(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_xh, self.W_hh, self.b_h = _p(h, x), _p(h, h), _p(h)
            self.W_xz, self.W_hz, self.b_z = _p(h, x), _p(h, h), _p(h)

        def forward(self, xt, hp):
            hbar = torch.relu(self.W_xh @ xt + self.W_hh @ hp + self.b_h)
            z = torch.sigmoid(self.W_xz @ xt + self.W_hz @ hp + self.b_z)
            return z * hp + (1 - z) * hbar

    return Cell()


# sudharsan13296/Hands-On-Deep-Learning-Algorithms-with-Python:05. .../5.06 Predicting Bitcoins price using LSTM RNN.ipynb
# (markdown cell 36). Marked refuse: the input gate is written with W_f. Most plausible reading (the code
# cell's): U_i, U_f, U_o, U_g (h x x), W_i, W_f, W_o, W_g (h x h), b_i, b_f, b_o, b_g (h). 4h(x + h + 1).
@_export
def h27a_hodla_btc_lstm(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            for g in "ifog":
                setattr(self, "U_" + g, _p(h, x))
                setattr(self, "W_" + g, _p(h, h))
                setattr(self, "b_" + g, _p(h))

        def gate(self, g, xt, hp):
            return getattr(self, "U_" + g) @ xt + getattr(self, "W_" + g) @ hp + getattr(self, "b_" + g)

        def forward(self, xt, hp, cp):
            i = torch.sigmoid(self.gate("i", xt, hp))
            f = torch.sigmoid(self.gate("f", xt, hp))
            o = torch.sigmoid(self.gate("o", xt, hp))
            g = torch.tanh(self.gate("g", xt, hp))
            c = f * cp + i * g
            return o * torch.tanh(c), c

    return Cell()


# mochenyang/MSBA6460-Advanced-AI:2_Recurrent Neural Network.ipynb (markdown cell 39, GRU). Marked refuse:
# the parameter sets Theta have no stated form. Most plausible reading: each Theta is an input matrix
# (h x X), a recurrent matrix (h x h) and a bias (h). 3h(X + h + 1).
@_export
def h27a_msba_gru(X=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_u, self.U_u, self.b_u = _p(h, X), _p(h, h), _p(h)
            self.W_r, self.U_r, self.b_r = _p(h, X), _p(h, h), _p(h)
            self.W, self.U, self.b = _p(h, X), _p(h, h), _p(h)

        def forward(self, xt, hp):
            u = torch.sigmoid(self.W_u @ xt + self.U_u @ hp + self.b_u)
            r = torch.sigmoid(self.W_r @ xt + self.U_r @ hp + self.b_r)
            cand = torch.tanh(self.W @ xt + self.U @ (r * hp) + self.b)
            return u * hp + (1 - u) * cand

    return Cell()


# arasdar/DL:impl-dl/numpy_lstm.ipynb (markdown cell 14, up to the LSTM functions). z = [h_{t-1}, x_t];
# W_f, W_i, W_C, W_o (h x (h + x)), b_f, b_i, b_C and the output gate's b_t (h). 4h(h + x + 1).
@_export
def h27a_numpylstm_lstm(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_f, self.b_f = _p(h, h + x), _p(h)
            self.W_i, self.b_i = _p(h, h + x), _p(h)
            self.W_C, self.b_C = _p(h, h + x), _p(h)
            self.W_o, self.b_t = _p(h, h + x), _p(h)

        def forward(self, xt, hp, Cp):
            z = torch.cat([hp, xt])
            f = torch.sigmoid(self.W_f @ z + self.b_f)
            i = torch.sigmoid(self.W_i @ z + self.b_i)
            Cbar = torch.tanh(self.W_C @ z + self.b_C)
            C = f * Cp + i * Cbar
            o = torch.sigmoid(self.W_o @ z + self.b_t)
            return o * torch.tanh(C), C

    return Cell()


# nikoladze/deep-learning-rnn-tutorial:understand_rnns.ipynb (markdown cell 2, keras layers.SimpleRNN).
# W_xh (h x x), W_hh (h x h), one bias b (h). h(x + h + 1).
@_export
def h27a_understandrnn_simplernn(x=2, h=3):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_xh, self.W_hh, self.b = _p(h, x), _p(h, h), _p(h)

        def forward(self, xt, hp):
            return torch.tanh(self.W_xh @ xt + self.W_hh @ hp + self.b)

    return Cell()


# nicklashansen/rnn_lstm_from_scratch:RNN_LSTM_from_scratch.ipynb (markdown cell 46, forward-pass lines).
# No biases: U (h x x), V (h x h), output W (o x h). h(x + h) + o h.
@_export
def h27a_rnnscratch_rnn(x=7, h=5, o=4):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.U, self.V, self.W = _p(h, x), _p(h, h), _p(o, h)

        def forward(self, xt, hp):
            ht = torch.tanh(self.U @ xt + self.V @ hp)
            return ht, torch.softmax(self.W @ ht, dim=0)

    return Cell()


# mlelarge/dataflowr:Module11/11_RNN.ipynb (markdown cell 30, Elman network). W_xh (h x x), W_hh (h x h),
# b_h (h); output W_hy (y x h), b_y (y). h(x + h + 1) + y(h + 1).
@_export
def h27a_dataflowr_elman(x=7, h=5, y=3):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_xh, self.W_hh, self.b_h = _p(h, x), _p(h, h), _p(h)
            self.W_hy, self.b_y = _p(y, h), _p(y)

        def forward(self, xt, hp):
            ht = torch.relu(self.W_xh @ xt + self.W_hh @ hp + self.b_h)
            return ht, self.W_hy @ ht + self.b_y

    return Cell()


# L1aoXingyu/code-of-learn-deep-learning-with-pytorch:chapter5_RNN/pytorch-rnn.ipynb (markdown cell 1): the
# text documents torch.nn.RNN (one layer, tanh, bias by default), so the framework's own module:
# weight_ih (h x in), weight_hh (h x h), bias_ih, bias_hh (h). h(in + h + 2).
@_export
def h27a_l1ao_torchrnn(input_size=7, hidden_size=5):
    return nn.RNN(input_size, hidden_size)


# uclnlp/stat-nlp-book:chapters/rnn_slides.ipynb (markdown cell 11). "Vanilla" RNN without bias:
# W^h (h x h), W^x (h x x). h(h + x).
@_export
def h27a_statnlp_vanillarnn(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_h, self.W_x = _p(h, h), _p(h, x)

        def forward(self, xt, hp):
            return torch.sigmoid(self.W_h @ hp + self.W_x @ xt)

    return Cell()
