import torch
from torch import nn

__all__ = []


def _export(f):
    __all__.append(f.__name__)
    return f


def _p(*shape):
    return nn.Parameter(torch.randn(*shape) * 0.1)


# DLSchool/dlschool "17. RNN/[seminar]rnn.ipynb", markdown cell 7: the torch.nn.RNN docstring equation
# h_t = tanh(w_ih x_t + b_ih + w_hh h_(t-1) + b_hh), input_size = features of x, hidden_size = features of h,
# one layer. PyTorch's own module: weight_ih (h x x), weight_hh (h x h), bias_ih (h), bias_hh (h).
# Count h*x + h*h + 2h.
@_export
def h32a_dlschool_rnn(x=7, h=5):
    return nn.RNN(x, h)


# chevady-liulixun/unicom-d2l-zh lstm.ipynb (d2l-zh 1st ed. LSTM, Chinese), markdown cell 0: I, F, O gates and
# candidate C~ each X_t W_x* (d x h) + H_{t-1} W_h* (h x h) + b_* (1 x h); C_t = F*C + I*C~, H_t = O*tanh(C_t).
# Count 4(dh + hh + h).
@_export
def h32a_unicomd2l_lstm(d=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            for g in "ifoc":
                setattr(self, "W_x" + g, _p(d, h))
                setattr(self, "W_h" + g, _p(h, h))
                setattr(self, "b_" + g, _p(1, h))

        def _pre(self, g, X, H):
            return X @ getattr(self, "W_x" + g) + H @ getattr(self, "W_h" + g) + getattr(self, "b_" + g)

        def forward(self, X, state):
            H, C = state
            I = torch.sigmoid(self._pre("i", X, H))
            F = torch.sigmoid(self._pre("f", X, H))
            O = torch.sigmoid(self._pre("o", X, H))
            Ct = torch.tanh(self._pre("c", X, H))
            C = F * C + I * Ct
            return O * torch.tanh(C), C

    return Cell()


# TrickyGo/Dive-into-DL-TensorFlow2.0 6.7_gru.ipynb (d2l-zh 1st ed. GRU, Chinese), markdown cell 0:
# R_t, Z_t = sigma(X_t W_x* (d x h) + H_{t-1} W_h* (h x h) + b_* (1 x h)); H~ = tanh(X W_xh + (R*H) W_hh + b_h);
# H_t = Z*H_{t-1} + (1-Z)*H~. Count 3(dh + hh + h).
@_export
def h32a_trickygo_gru(d=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            for g in "rzh":
                setattr(self, "W_x" + g, _p(d, h))
                setattr(self, "W_h" + g, _p(h, h))
                setattr(self, "b_" + g, _p(1, h))

        def forward(self, X, H):
            R = torch.sigmoid(X @ self.W_xr + H @ self.W_hr + self.b_r)
            Z = torch.sigmoid(X @ self.W_xz + H @ self.W_hz + self.b_z)
            Ht = torch.tanh(X @ self.W_xh + (R * H) @ self.W_hh + self.b_h)
            return Z * H + (1 - Z) * Ht

    return Cell()


# kapumota/Cuadernos1 Respuestas_examen_final.ipynb, markdown cell 19 "Pregunta 6": h_t^0 = tanh(W_x x_t + W_h h_{t-1}),
# then N inner iterations h^{(i+1)} = tanh(h^{(i)} + W_c h^{(i)}) with one shared W_c; no biases.
# W_x (h x x), W_h (h x h), W_c (h x h). Count hx + 2h^2 (N adds no parameters).
@_export
def h32a_kapumota_cyclernn(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self, N=3):
            super().__init__()
            self.N = N
            self.W_x, self.W_h, self.W_c = _p(h, x), _p(h, h), _p(h, h)

        def forward(self, xt, hp):
            hh = torch.tanh(self.W_x @ xt + self.W_h @ hp)
            for _ in range(self.N):
                hh = torch.tanh(hh + self.W_c @ hh)
            return hh

    return Cell()


# eemlcommunity/PracticalSessions2019 rnn/RNN_start.ipynb, markdown cell 3 "Ex 1. Vanilla RNN": h_t = f(W x_t + V h_{t-1} + b),
# W input-to-hidden (h x x), V hidden-to-hidden (h x h), b (h), f parameter-free ("usually tanh"). Count h(x + h + 1).
@_export
def h32a_eeml19_rnn(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W, self.V, self.b = _p(h, x), _p(h, h), _p(h)

        def forward(self, xt, hp):
            return torch.tanh(self.W @ xt + self.V @ hp + self.b)

    return Cell()


# CaptainE/RNN-LSTM-in-numpy RNN_LSTM_from_scratch.ipynb, markdown cell 60: i, f, o = sigma(W^* [h_{t-1}, x_t]),
# g = tanh(W^g [h_{t-1}, x_t]), c_t = c_{t-1} o f + g o i, h_t = tanh(c_t) o o; no biases; each W^* is h x (h + x).
# Count 4h(h + x).
@_export
def h32a_captaine_lstm(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_i, self.W_f, self.W_o, self.W_g = (_p(h, h + x) for _ in range(4))

        def forward(self, xt, state):
            hp, cp = state
            z = torch.cat([hp, xt])
            i = torch.softmax(self.W_i @ z, 0)  # the text says sigma = softmax; parameter-free either way
            f = torch.softmax(self.W_f @ z, 0)
            o = torch.softmax(self.W_o @ z, 0)
            g = torch.tanh(self.W_g @ z)
            c = cp * f + g * i
            return torch.tanh(c) * o, c

    return Cell()


# CaptainE/RNN-LSTM-in-numpy RNN_LSTM_from_scratch.ipynb, markdown cell 19: h_t = f(U x_t + V h_{t-1}),
# o_t = softmax(W h_t); U (h x x), V (h x h), W (o x h), no biases, f parameter-free (tanh). Count hx + h^2 + oh.
@_export
def h32a_captaine_rnn(x=7, h=5, o=3):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.U, self.V, self.W = _p(h, x), _p(h, h), _p(o, h)

        def forward(self, xt, hp):
            ht = torch.tanh(self.U @ xt + self.V @ hp)
            return torch.softmax(self.W @ ht, 0), ht

    return Cell()


# graviraja/100-Days-of-NLP architectures/RNN.ipynb, markdown cell 3, marked refuse: h_t = RNN(x_t, h_{t-1}) as a black
# box, o_t = ReLU(Linear(h_t)) (and o_t = h_t in PyTorch); U, W named without an equation. Most plausible reading:
# PyTorch's nn.RNN as the notebook then uses, h(x + h + 2). (Count not checked.)
@_export
def h32a_graviraja_rnn(x=7, h=5):
    return nn.RNN(x, h)


# JohanChataigne/mlhandbook recurrent_neural_networks.ipynb, markdown cells 38-40, marked refuse: LSTM gates f, i, o and
# main layer g described in words and a figure only. Most plausible reading: the standard (Keras) LSTM,
# 4h(x + h + 1). (Count not checked.)
@_export
def h32a_mlhandbook_lstm(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.cell = nn.LSTMCell(x, h, bias=False)
            self.b = _p(4 * h)

        def forward(self, xt, state):
            hp, cp = state
            gates = self.cell.weight_ih @ xt + self.cell.weight_hh @ hp + self.b
            i, f, g, o = gates.chunk(4)
            c = torch.sigmoid(f) * cp + torch.sigmoid(i) * torch.tanh(g)
            return torch.sigmoid(o) * torch.tanh(c), c

    return Cell()


# jsKim-prog/AIStudy24 LSTM_GRU.ipynb, markdown cell 33, marked refuse: GRU in Korean prose (three small cells with
# weights w_z, w_r, w_g on input and hidden state plus an intercept each). Most plausible reading: the Keras GRU the
# notebook trains (reset_after=False form), 3h(x + h + 1). (Count not checked.)
@_export
def h32a_jskim_gru(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            for g in "zrg":
                setattr(self, "W_" + g, _p(h, x))
                setattr(self, "U_" + g, _p(h, h))
                setattr(self, "b_" + g, _p(h))

        def forward(self, xt, hp):
            z = torch.sigmoid(self.W_z @ xt + self.U_z @ hp + self.b_z)
            r = torch.sigmoid(self.W_r @ xt + self.U_r @ hp + self.b_r)
            g = torch.tanh(self.W_g @ xt + self.U_g @ (r * hp) + self.b_g)
            return z * hp + (1 - z) * g

    return Cell()
