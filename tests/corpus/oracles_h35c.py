"""Oracles for the h35c set-aside snippets (heldout35), as its gatherer wrote them."""
import torch
from torch import nn

__all__ = []


def _export(f):
    __all__.append(f.__name__)
    return f


def _p(*shape):
    return nn.Parameter(torch.randn(*shape) * 0.1)


# yangshiteng/Data-Science-Learning-Path vallina_rnn.md, Elman RNN with output layer;
# W_xh (h,x), W_hh (h,h), b_h (h), W_hy (y,h), b_y (y); Count: h*x + h*h + h + y*h + y.
@_export
def h35c_yang_rnn(x=7, h=5, y=3):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_xh = _p(h, x)
            self.W_hh = _p(h, h)
            self.b_h = _p(h)
            self.W_hy = _p(y, h)
            self.b_y = _p(y)

        def forward(self, x_t, h_prev):
            h_t = torch.tanh(x_t @ self.W_xh.T + h_prev @ self.W_hh.T + self.b_h)
            y_t = h_t @ self.W_hy.T + self.b_y
            return y_t, h_t
    return Cell()


# bubuko.com GRU (row-vector convention, no biases); U^z,U^r,U^h (x,s), W^z,W^r,W^h (s,s);
# Count: 3*(x*s + s*s).
@_export
def h35c_bubuko_gru(x=6, s=4):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.U_z, self.U_r, self.U_h = (_p(x, s) for _ in range(3))
            self.W_z, self.W_r, self.W_h = (_p(s, s) for _ in range(3))

        def forward(self, x_t, s_prev):
            z = torch.sigmoid(x_t @ self.U_z + s_prev @ self.W_z)
            r = torch.sigmoid(x_t @ self.U_r + s_prev @ self.W_r)
            hh = torch.tanh(x_t @ self.U_h + (s_prev * r) @ self.W_h)
            return (1 - z) * hh + z * s_prev
    return Cell()


# biecuoliao.com RNN shape walk-through (REFUSE: W_hh listed as (hidden_size, input_size) but multiplies h_{t-1});
# most plausible reading: W_xh (hidden,input), W_hh (hidden,hidden), b_h (hidden), W_hy (output,hidden), b_y (output);
# Count: hidden*input + hidden*hidden + hidden + output*hidden + output.
@_export
def h35c_biecuoliao_rnn(input_size=7, hidden_size=5, output_size=3):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_xh = _p(hidden_size, input_size)
            self.W_hh = _p(hidden_size, hidden_size)
            self.b_h = _p(hidden_size, 1)
            self.W_hy = _p(output_size, hidden_size)
            self.b_y = _p(output_size, 1)

        def forward(self, x_t, h_prev):  # column vectors (size, 1)
            h_t = torch.tanh(self.W_xh @ x_t + self.W_hh @ h_prev + self.b_h)
            y_t = self.W_hy @ h_t + self.b_y
            return y_t, h_t
    return Cell()


# blog.csdn.net RNN总结 (d2l style); W_xh (d,h), W_hh (h,h), b_h (1,h), W_hq (h,q), b_q (1,q);
# Count: d*h + h*h + h + h*q + q.
@_export
def h35c_csdn_rnn(d=8, h=6, q=3):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_xh = _p(d, h)
            self.W_hh = _p(h, h)
            self.b_h = _p(1, h)
            self.W_hq = _p(h, q)
            self.b_q = _p(1, q)

        def forward(self, X_t, H_prev):
            H_t = torch.tanh(X_t @ self.W_xh + H_prev @ self.W_hh + self.b_h)
            O_t = H_t @ self.W_hq + self.b_q
            return O_t, H_t
    return Cell()


# hk.pswp.cn RNN; U (s,x), W (s,s), b_s (s), V (o,s), b_o (o); g1 = tanh, g2 = softmax (no parameters);
# Count: s*x + s*s + s + o*s + o.
@_export
def h35c_pswp_rnn(x=5, s=4, o=2):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.U = _p(s, x)
            self.W = _p(s, s)
            self.b_s = _p(s)
            self.V = _p(o, s)
            self.b_o = _p(o)

        def forward(self, x_t, s_prev):
            s_t = torch.tanh(x_t @ self.U.T + s_prev @ self.W.T + self.b_s)
            o_t = torch.softmax(s_t @ self.V.T + self.b_o, -1)
            return o_t, s_t
    return Cell()


# yangshiteng/Data-Science-Learning-Path lstm.md "All Together"; W_f, W_i, W_C, W_o each (h, h+x), b_f, b_i, b_C, b_o (h);
# \cdot read as elementwise product in C_t and h_t; Count: 4*(h*(h+x) + h).
@_export
def h35c_yang_lstm(x=6, h=4):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_f, self.W_i, self.W_C, self.W_o = (_p(h, h + x) for _ in range(4))
            self.b_f, self.b_i, self.b_C, self.b_o = (_p(h) for _ in range(4))

        def forward(self, x_t, state):
            h_prev, C_prev = state
            z = torch.cat([h_prev, x_t], -1)
            f = torch.sigmoid(z @ self.W_f.T + self.b_f)
            i = torch.sigmoid(z @ self.W_i.T + self.b_i)
            C_tilde = torch.tanh(z @ self.W_C.T + self.b_C)
            C = f * C_prev + i * C_tilde
            o = torch.sigmoid(z @ self.W_o.T + self.b_o)
            h_t = o * torch.tanh(C)
            return h_t, (h_t, C)
    return Cell()
