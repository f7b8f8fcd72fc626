"""Oracles for the h54a set-aside snippets (heldout54), as its gatherer wrote them."""
import torch
from torch import nn

__all__ = []


def _export(f):
    __all__.append(f.__name__)
    return f


def _p(*shape):
    return nn.Parameter(torch.randn(*shape) * 0.1)


# vpj/vpj.github.com ml/numpy_lstm.ipynb cell 14: z = [h_{t-1}, x_t]; f, i, C-bar, o each sigma/tanh(W . z + b);
# the output gate's bias is typed b_t (one bias vector all the same); logits v_t = W_v h_t + b_v.
# W_f, W_i, W_C, W_o: h x (h + x); b_f, b_i, b_C, b_t: h; W_v: v x h; b_v: v.
# Count: 4*(h*(h + x) + h) + v*h + v.
@_export
def h54a_vpjnumpy_lstm(x=7, h=5, v=3):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W = nn.ParameterDict({k: _p(h, h + x) for k in ("f", "i", "C", "o")})
            self.b = nn.ParameterDict({k: _p(h) for k in ("f", "i", "C", "t")})
            self.W_v = _p(v, h)
            self.b_v = _p(v)

        def forward(self, x_t, h_prev, C_prev):
            z = torch.cat([h_prev, x_t], dim=-1)
            W, b = self.W, self.b
            f = torch.sigmoid(z @ W["f"].T + b["f"])
            i = torch.sigmoid(z @ W["i"].T + b["i"])
            C_bar = torch.tanh(z @ W["C"].T + b["C"])
            C = f * C_prev + i * C_bar
            o = torch.sigmoid(z @ W["o"].T + b["t"])
            h_t = o * torch.tanh(C)
            v_t = h_t @ self.W_v.T + self.b_v
            return torch.softmax(v_t, dim=-1), h_t, C
    return Cell()


# csci560-nndl/assg07 cell 9: a = tanh(x W_a + a_prev U_a + b_a); y_hat = softmax(a W_y + b_y), shapes stated:
# W_a (n_x, n_a), U_a (n_a, n_a), b_a (n_a,), W_y (n_a, n_y), b_y (n_y,).
# Count: n_x*n_a + n_a*n_a + n_a + n_a*n_y + n_y.
@_export
def h54a_csci560_rnn(n_x=7, n_a=5, n_y=3):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_a = _p(n_x, n_a)
            self.U_a = _p(n_a, n_a)
            self.b_a = _p(n_a)
            self.W_y = _p(n_a, n_y)
            self.b_y = _p(n_y)

        def forward(self, x_t, a_prev):
            a = torch.tanh(x_t @ self.W_a + a_prev @ self.U_a + self.b_a)
            return a, torch.softmax(a @ self.W_y + self.b_y, dim=-1)
    return Cell()


# csci560-nndl/assg07 cell 15: C = [a_prev, x_t]; forget/update/output = sigmoid(C W + b), memory = tanh(C W_m + b_m);
# m = forget*m_prev + update*memory; a = output*tanh(m); y = softmax(a W_y + b_y). Shapes stated:
# W_f, W_u, W_m, W_o: (n_a + n_x, n_a); b_*: (n_a,); W_y: (n_a, n_y); b_y: (n_y,).
# Count: 4*((n_a + n_x)*n_a + n_a) + n_a*n_y + n_y.
@_export
def h54a_csci560_lstm(n_x=7, n_a=5, n_y=3):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W = nn.ParameterDict({k: _p(n_a + n_x, n_a) for k in "fumo"})
            self.b = nn.ParameterDict({k: _p(n_a) for k in "fumo"})
            self.W_y = _p(n_a, n_y)
            self.b_y = _p(n_y)

        def forward(self, x_t, a_prev, m_prev):
            C = torch.cat([a_prev, x_t], dim=-1)
            W, b = self.W, self.b
            forget = torch.sigmoid(C @ W["f"] + b["f"])
            update = torch.sigmoid(C @ W["u"] + b["u"])
            memory = torch.tanh(C @ W["m"] + b["m"])
            output = torch.sigmoid(C @ W["o"] + b["o"])
            m = forget * m_prev + update * memory
            a = output * torch.tanh(m)
            return a, m, torch.softmax(a @ self.W_y + self.b_y, dim=-1)
    return Cell()


# denocris/MHPC-DeepLearning-Lectures-2019 lec3 cell 5: h_t = phi(W_hx x + W_hh h_{t-1} + b).
# W_hx: h x x, W_hh: h x h, b: h. Count: h*x + h*h + h.
@_export
def h54a_mhpc_rnn(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_hx = _p(h, x)
            self.W_hh = _p(h, h)
            self.b = _p(h)

        def forward(self, x_t, h_prev):
            return torch.tanh(x_t @ self.W_hx.T + h_prev @ self.W_hh.T + self.b)
    return Cell()


# YuxuanSnow/IN2346_I2DL exercise_11 cells 12-13, LSTM whose operations are only an image (marked refuse). Most
# plausible reading: the Wikipedia LSTM the image renders, W_q: h x x, U_q: h x h, b_q: h for q in f, i, o, c.
# Count: 4*(h*x + h*h + h).
@_export
def h54a_i2dl_lstm(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W = nn.ParameterDict({k: _p(h, x) for k in "fioc"})
            self.U = nn.ParameterDict({k: _p(h, h) for k in "fioc"})
            self.b = nn.ParameterDict({k: _p(h) for k in "fioc"})

        def forward(self, x_t, h_prev, c_prev):
            a = {k: x_t @ self.W[k].T + h_prev @ self.U[k].T + self.b[k] for k in "fioc"}
            f, i, o = torch.sigmoid(a["f"]), torch.sigmoid(a["i"]), torch.sigmoid(a["o"])
            c = f * c_prev + i * torch.tanh(a["c"])
            return o * torch.tanh(c), c
    return Cell()


# YuxuanSnow/IN2346_I2DL exercise_11 cell 3, simple RNN whose Eq. 1 is only an image (marked refuse). Most plausible
# reading (the later cell asks for dh_t/dV and dh_t/dW): h_t = tanh(V x_t + W h_{t-1}) with a bias, as nn.RNN has
# one; here V: h x x, W: h x h, b: h. Count: h*x + h*h + h.
@_export
def h54a_i2dl_rnn(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.V = _p(h, x)
            self.W = _p(h, h)
            self.b = _p(h)

        def forward(self, x_t, h_prev):
            return torch.tanh(x_t @ self.V.T + h_prev @ self.W.T + self.b)
    return Cell()


# EmanueleGiacomini/MLSP_HAR_LSTM report cell 1, LSTM in prose only (marked refuse). Most plausible reading: standard
# LSTM, W_q: h x x, U_q: h x h, b_q: h for the forget, input, output gates and the candidate. Count: 4*(h*x + h*h + h).
@_export
def h54a_harlstm_lstm(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W = nn.ParameterDict({k: _p(h, x) for k in "fiog"})
            self.U = nn.ParameterDict({k: _p(h, h) for k in "fiog"})
            self.b = nn.ParameterDict({k: _p(h) for k in "fiog"})

        def forward(self, x_t, h_prev, c_prev):
            a = {k: x_t @ self.W[k].T + h_prev @ self.U[k].T + self.b[k] for k in "fiog"}
            f, i, o = torch.sigmoid(a["f"]), torch.sigmoid(a["i"]), torch.sigmoid(a["o"])
            c = f * c_prev + i * torch.tanh(a["g"])
            return o * torch.tanh(c), c
    return Cell()


# oliverguhr/htw-nlp-lecture Exercise 1: h_t = tanh(W_hh h_{t-1} + W_xh x_t), y_t = W_yh h_t; no bias.
# W_hh: h x h, W_xh: h x x, W_yh: y x h. Count: h*h + h*x + y*h.
@_export
def h54a_htwnlp_rnn(x=7, h=5, y=3):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_hh = _p(h, h)
            self.W_xh = _p(h, x)
            self.W_yh = _p(y, h)

        def forward(self, x_t, h_prev):
            h_t = torch.tanh(h_prev @ self.W_hh.T + x_t @ self.W_xh.T)
            return h_t, h_t @ self.W_yh.T
    return Cell()


# fradav/Cours-Deep-Learning NLP/3_RNN.ipynb cells 33-34: torch.nn.RNN's docstring (one layer, bias=True by default).
# Count: h*x + h*h + 2*h.
@_export
def h54a_fradav_rnn(x=7, h=5):
    return nn.RNN(x, h)


# Bragit123/RNN-from-scratch notebook cells 10-20, stacked RNN with L hidden layers (L and the widths n_l left open:
# marked refuse). Most plausible reading: one hidden layer (L = 1) of width n_l from n inputs, output layer of m:
# W^{01}: n_l x n, b^{01}: n_l, W^{11}: n_l x n_l, b^{11}: n_l, W^{12}: m x n_l, b^{12}: m.
# Count: n_l*n + n_l + n_l*n_l + n_l + m*n_l + m.
@_export
def h54a_bragit_deeprnn(n=7, n_l=5, m=3):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W01 = _p(n_l, n)
            self.b01 = _p(n_l)
            self.W11 = _p(n_l, n_l)
            self.b11 = _p(n_l)
            self.W12 = _p(m, n_l)
            self.b12 = _p(m)

        def forward(self, x_t, h_prev):
            z = (x_t @ self.W01.T + self.b01) + (h_prev @ self.W11.T + self.b11)
            h = torch.tanh(z)
            return h, torch.sigmoid(h @ self.W12.T + self.b12)
    return Cell()
