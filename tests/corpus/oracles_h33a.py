import torch
from torch import nn

__all__ = []


def _export(f):
    __all__.append(f.__name__)
    return f


def _p(*shape):
    return nn.Parameter(torch.randn(*shape) * 0.1)


# nikoladze/deep-learning-rnn-tutorial:understand_rnns.ipynb, markdown cell 2 "# Simple RNN" (keras SimpleRNN).
# W_xh (h x x), W_hh (h x h), bias b (h). Count: h*x + h*h + h (18 at x=2, h=3).
@_export
def h33a_nikoladze_simplernn(x=2, h=3):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_xh, self.W_hh, self.b = _p(h, x), _p(h, h), _p(h)

        def forward(self, xt, hp):
            return torch.tanh(self.W_xh @ xt + self.W_hh @ hp + self.b)

    return Cell()


# jennhu/rnn-tutorial:demo.ipynb, markdown cell 7 (continuous-time rate RNN, Euler step). Marked refuse: the math
# has W_hh, W_ih only; the quoted implementation adds self.bias. Most plausible reading (the implementation):
# W_hh (h x h), W_ih (h x s), bias (h); gamma = exp(-dt/tau) is a fixed constant. Count: h*h + h*s + h.
@_export
def h33a_jennhu_raternn(h=5, s=7):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_hh, self.W_ih, self.bias = _p(h, h), _p(h, s), _p(h)
            self.gamma = 0.9

        def forward(self, st, hp):
            act = torch.sigmoid(self.W_hh @ hp + self.W_ih @ st + self.bias)
            return self.gamma * hp + (1 - self.gamma) * act

    return Cell()


# little1d/LSTM-From-Scratch:notebook/lstm.ipynb, markdown cell 11 (Chinese). Marked refuse: only the forget gate
# F_t = sigma(X_t W_xf + H_{t-1} W_hf + b_f) is written. Most plausible reading: the d2l LSTM, four gates each with
# W_x* (x x h), W_h* (h x h), b_* (h). Count: 4(x*h + h*h + h).
@_export
def h33a_little1d_lstm(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_x = nn.ParameterList([_p(x, h) for _ in range(4)])
            self.W_h = nn.ParameterList([_p(h, h) for _ in range(4)])
            self.b = nn.ParameterList([_p(h) for _ in range(4)])

        def forward(self, xt, state):
            hp, cp = state
            g = [xt @ self.W_x[k] + hp @ self.W_h[k] + self.b[k] for k in range(4)]
            f, i, o = torch.sigmoid(g[0]), torch.sigmoid(g[1]), torch.sigmoid(g[2])
            c = f * cp + i * torch.tanh(g[3])
            return o * torch.tanh(c), c

    return Cell()


# silviapoletti/Deep_Learning_notebooks:recurrent_neural_networks.ipynb, markdown cell 16, LSTM paragraph.
# 3 gates + 1 memory cell, each: W (n x d) on x^t, U (d x d) on h^{t-1}, bias (d). Count: 4((n+1)d + d^2).
@_export
def h33a_silvia_lstm(n=7, d=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W = nn.ParameterList([_p(n, d) for _ in range(4)])
            self.U = nn.ParameterList([_p(d, d) for _ in range(4)])
            self.b = nn.ParameterList([_p(d) for _ in range(4)])

        def forward(self, xt, state):
            hp, cp = state
            g = [xt @ self.W[k] + hp @ self.U[k] + self.b[k] for k in range(4)]
            i, f, o = torch.sigmoid(g[0]), torch.sigmoid(g[1]), torch.sigmoid(g[2])
            c = f * cp + i * torch.tanh(g[3])
            return o * torch.tanh(c), c

    return Cell()


# silviapoletti/Deep_Learning_notebooks:recurrent_neural_networks.ipynb, markdown cell 16, GRU paragraph. Marked
# refuse: the text gives each of z, r, h a third weight d x m (m = output size) on r^t * h^{t-1} and counts
# 3d(n+1+d+m), which no consistent GRU has. Most plausible reading: a standard GRU, W (n x d), U (d x d), bias (d)
# for z, r and the candidate. Count: 3(nd + d^2 + d) (the text's own formula would give 3d(n+1+d+m)).
@_export
def h33a_silvia_gru(n=7, d=5, m=3):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W = nn.ParameterList([_p(n, d) for _ in range(3)])
            self.U = nn.ParameterList([_p(d, d) for _ in range(3)])
            self.b = nn.ParameterList([_p(d) for _ in range(3)])

        def forward(self, xt, hp):
            z = torch.sigmoid(xt @ self.W[0] + hp @ self.U[0] + self.b[0])
            r = torch.sigmoid(xt @ self.W[1] + hp @ self.U[1] + self.b[1])
            hc = torch.tanh(xt @ self.W[2] + (r * hp) @ self.U[2] + self.b[2])
            return (1 - z) * hp + z * hc

    return Cell()


# rocky115/DeepMythomatics:RNN_Groups/NN_RNN_LSTM-6.ipynb, markdown cells 4 and 6 (S-LSTM memory block, Zhu et al.
# 2015). All weights full h x h matrices: input gate W^L_hi, W^R_hi, W^L_ci, W^R_ci, b_i; left forget W^L_hfl,
# W^R_hfl, W^L_cfl, W^R_cfl, b_fl; right forget likewise (fr); x_t: W^L_hx, W^R_hx, b_x; output W^L_ho, W^R_ho,
# W_co, b_o. Count: 17h^2 + 5h.
@_export
def h33a_rocky_slstm(h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            P = nn.ParameterDict
            self.i = P(dict(WL_h=_p(h, h), WR_h=_p(h, h), WL_c=_p(h, h), WR_c=_p(h, h), b=_p(h)))
            self.fl = P(dict(WL_h=_p(h, h), WR_h=_p(h, h), WL_c=_p(h, h), WR_c=_p(h, h), b=_p(h)))
            self.fr = P(dict(WL_h=_p(h, h), WR_h=_p(h, h), WL_c=_p(h, h), WR_c=_p(h, h), b=_p(h)))
            self.x = P(dict(WL_h=_p(h, h), WR_h=_p(h, h), b=_p(h)))
            self.o = P(dict(WL_h=_p(h, h), WR_h=_p(h, h), W_c=_p(h, h), b=_p(h)))

        @staticmethod
        def _g4(q, hL, hR, cL, cR):
            return q['WL_h'] @ hL + q['WR_h'] @ hR + q['WL_c'] @ cL + q['WR_c'] @ cR + q['b']

        def forward(self, left, right):
            (hL, cL), (hR, cR) = left, right
            i = torch.sigmoid(self._g4(self.i, hL, hR, cL, cR))
            fL = torch.sigmoid(self._g4(self.fl, hL, hR, cL, cR))
            fR = torch.sigmoid(self._g4(self.fr, hL, hR, cL, cR))
            xt = self.x['WL_h'] @ hL + self.x['WR_h'] @ hR + self.x['b']
            c = fL * cL + fR * cR + i * torch.tanh(xt)
            o = torch.sigmoid(self.o['WL_h'] @ hL + self.o['WR_h'] @ hR + self.o['W_c'] @ c + self.o['b'])
            return o * torch.tanh(c), c

    return Cell()


# meiradania/sequence-models-teaching-material:03-lstm.ipynb, markdown cells 2-3. W_f, W_i, W_C, W_o each
# h x (h + x) on [h_{t-1}, x_t]; biases B_f, B_i, B_C, b_o (h). Count: 4(h(h + x) + h).
@_export
def h33a_meiradania_lstm(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_f, self.B_f = _p(h, h + x), _p(h)
            self.W_i, self.B_i = _p(h, h + x), _p(h)
            self.W_C, self.B_C = _p(h, h + x), _p(h)
            self.W_o, self.b_o = _p(h, h + x), _p(h)

        def forward(self, xt, state):
            hp, cp = state
            v = torch.cat([hp, xt])
            f = torch.sigmoid(self.W_f @ v + self.B_f)
            i = torch.sigmoid(self.W_i @ v + self.B_i)
            cc = torch.tanh(self.W_C @ v + self.B_C)
            c = f * cp + i * cc
            o = torch.sigmoid(self.W_o @ v + self.b_o)
            return o * torch.tanh(c), c

    return Cell()


# musafurkanzenbilci/sequence-models-from-scratch:notebooks/lstm_airline.ipynb, markdown cell 6 (deeplearning.ai
# notation). W_f, W_c, W_i, W_o each a x (a + x) on [a^{<t-1>}, x^{<t>}], biases b_f, b_c, b_i, b_o (a); output
# layer W_y (y x a), b_y (y). Count: 4(a(a + x) + a) + y*a + y.
@_export
def h33a_musafurkan_lstm(x=7, a=5, y=3):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_f, self.b_f = _p(a, a + x), _p(a)
            self.W_c, self.b_c = _p(a, a + x), _p(a)
            self.W_i, self.b_i = _p(a, a + x), _p(a)
            self.W_o, self.b_o = _p(a, a + x), _p(a)
            self.W_y, self.b_y = _p(y, a), _p(y)

        def forward(self, xt, state):
            ap, cp = state
            v = torch.cat([ap, xt])
            f = torch.sigmoid(self.W_f @ v + self.b_f)
            cc = torch.tanh(self.W_c @ v + self.b_c)
            i = torch.sigmoid(self.W_i @ v + self.b_i)
            c = f * cp + i * cc
            o = torch.sigmoid(self.W_o @ v + self.b_o)
            at = o * torch.tanh(c)
            return at, c, torch.softmax(self.W_y @ at + self.b_y, dim=0)

    return Cell()


# Adnan-Alaref/Machien-Learning-Notebooks:Natural Language Processing/rnn-internals-forward-step-bptt-from-scratch.ipynb,
# markdown cell 1. Row-vector RNN h_t = tanh(x_t W_x + h_{t-1} W_h + b): W_x (x x h), W_h (h x h), b (h).
# Count: x*h + h*h + h.
@_export
def h33a_adnan_rnn(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_x, self.W_h, self.b = _p(x, h), _p(h, h), _p(h)

        def forward(self, xt, hp):
            return torch.tanh(xt @ self.W_x + hp @ self.W_h + self.b)

    return Cell()


# guebin/DL2024:posts/13wk-1.ipynb, markdown cells 60-71 (Korean). The text documents torch.nn.LSTMCell: W_ii..W_io
# (x x h each), W_hi..W_ho (h x h each), and "bias" = lstm_cell.bias_ih + lstm_cell.bias_hh (4h each) per the quoted
# code. Count: 4h(x + h + 2).
@_export
def h33a_guebin_lstm_ko(x=7, h=5):
    return nn.LSTMCell(x, h)


# Colinho22/nlp-course-2025-final-presentation-commit-contentclass:NLP_slides/week03_rnn/lab/week03_rnn_lab_enhanced.ipynb,
# markdown cell 15. W_hh (h x h), W_xh (h x x), b_h (h); output W_hy (y x h), b_y (y). Count: h*h + h*x + h + y*h + y.
@_export
def h33a_colinho_rnn(x=7, h=5, y=3):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_hh, self.W_xh, self.b_h = _p(h, h), _p(h, x), _p(h)
            self.W_hy, self.b_y = _p(y, h), _p(y)

        def forward(self, xt, hp):
            ht = torch.tanh(self.W_hh @ hp + self.W_xh @ xt + self.b_h)
            return ht, self.W_hy @ ht + self.b_y

    return Cell()
