import torch
from torch import nn

__all__ = []


def _export(f):
    __all__.append(f.__name__)
    return f


def _p(*shape):
    return nn.Parameter(torch.randn(*shape) * 0.1)


# stored file id 71434622456 (Rust GRULayer doc comment): PyTorch-form GRU,
# W_ir/W_iz/W_in (h x x), W_hr/W_hz/W_hn (h x h), six biases b_i*/b_h* (h).
# count = 3*h*x + 3*h*h + 6*h  (x=7, h=5: 210)
@_export
def h27e_rust_gru(x=7, h=5):
    return nn.GRUCell(x, h)


# stored file id 71434622456 (Rust LSTMLayer doc comment): PyTorch-form LSTM,
# W_i* (h x x), W_h* (h x h), b_i* and b_h* for the four gates.
# count = 4*h*x + 4*h*h + 8*h  (x=7, h=5: 280)
@_export
def h27e_rust_lstm(x=7, h=5):
    return nn.LSTMCell(x, h)


class _ConcatLSTM(nn.Module):
    # W_g (h x (h+x)) on [h_{t-1}, x_t] and one bias b_g per gate
    def __init__(self, x, h):
        super().__init__()
        for g in "figo":
            setattr(self, "W_" + g, _p(h, h + x))
            setattr(self, "b_" + g, _p(h))

    def forward(self, xt, state):
        hp, cp = state
        z = torch.cat([hp, xt], -1)
        f = torch.sigmoid(z @ self.W_f.T + self.b_f)
        i = torch.sigmoid(z @ self.W_i.T + self.b_i)
        g = torch.tanh(z @ self.W_g.T + self.b_g)
        o = torch.sigmoid(z @ self.W_o.T + self.b_o)
        c = f * cp + i * g
        return o * torch.tanh(c), c


# stored file id 7392299034 (Burn "modern LSTM" LstmCell doc comment), marked refuse
# (layer normalization named but not placed). Most plausible reading of the
# equations alone: W_f/W_i/W_g/W_o (h x (h+x)) on [h_{t-1}, x_t], b_f/b_i/b_g/b_o (h).
# count = 4*h*(h+x) + 4*h  (x=7, h=5: 260); layer norms not included.
@_export
def h27e_burn_lnlstm(x=7, h=5):
    return _ConcatLSTM(x, h)


class _PaddleLstmLayer(nn.Module):
    # recurrent weight [size, 4*size] (W_hi, W_hf, W_hc, W_ho), bias 7*size:
    # b_i, b_f, b_c, b_o and diagonal peepholes W_ci, W_cf, W_co (size each).
    # The input products W_x* x_t are outside the layer: its input is already 4*size.
    def __init__(self, h):
        super().__init__()
        self.h = h
        self.W_h = _p(h, 4 * h)
        self.b = _p(4 * h)
        self.W_ci = _p(h)
        self.W_cf = _p(h)
        self.W_co = _p(h)

    def forward(self, xproj, state):
        hp, cp = state
        a = xproj + hp @ self.W_h + self.b
        ai, af, ac, ao = a.split(self.h, -1)
        i = torch.sigmoid(ai + self.W_ci * cp)
        f = torch.sigmoid(af + self.W_cf * cp)
        c = f * cp + i * torch.tanh(ac)
        o = torch.sigmoid(ao + self.W_co * c)
        return o * torch.tanh(c), c


# stored file id 1332934767 (legacy PaddlePaddle LstmLayer.h Doxygen comment):
# the layer's own parameters per its @note: W_h [h, 4h], b (4h), peepholes W_ci/W_cf/W_co (h).
# count = 4*h*h + 7*h  (h=5: 135); x binds nothing (W_x* live in the fc_layer before it).
@_export
def h27e_paddle_lstmlayer(x=7, h=5):
    return _PaddleLstmLayer(h)


class _GRUWithHead(nn.Module):
    def __init__(self, x, h, o):
        super().__init__()
        self.gru = nn.GRUCell(x, h)
        self.linout = nn.Linear(h, o)

    def forward(self, xt, hp):
        hn = self.gru(xt, hp)
        return self.linout(hn), hn


# stored file id 32970216001 (MATLAB nn_gru_n_layer help text), marked refuse
# (no equations, number of layers open). Most plausible reading with one layer:
# PyTorch-form GRU (w_i* h x x, w_h* h x h, b_i*, b_h*) plus weight_linout (o x h), bias_linout (o).
# count = 3*h*x + 3*h*h + 6*h + o*h + o  (x=7, h=5, o=3: 228)
@_export
def h27e_matlab_grun(x=7, h=5, o=3):
    return _GRUWithHead(x, h, o)


# stored file id 3547729354 (Java com.aiprogramming.ch09.core.LSTMCell Javadoc):
# W_f/W_i/W_o/W_C on [h_{t-1}, x_t] (h x (h+x)), b_f/b_i/b_o/b_C (h).
# count = 4*h*(h+x) + 4*h  (x=7, h=5: 260)
@_export
def h27e_java_lstm(x=7, h=5):
    return _ConcatLSTM(x, h)


# stored file id 1219508840 (Python GRU cell, # comment in forward): PyTorch GRU,
# W_i* (h x x), W_h* (h x h), b_i*, b_h* for r, z, n.
# count = 3*h*x + 3*h*h + 6*h  (x=7, h=5: 210)
@_export
def h27e_py_gru_rules(x=7, h=5):
    return nn.GRUCell(x, h)


class _WULSTM(nn.Module):
    # W_g (h x x), U_g (h x h), b_g (h) for g in i, f, c, o
    def __init__(self, x, h):
        super().__init__()
        for g in "ifco":
            setattr(self, "W_" + g, _p(h, x))
            setattr(self, "U_" + g, _p(h, h))
            setattr(self, "b_" + g, _p(h))

    def _pre(self, g, xt, hp):
        return xt @ getattr(self, "W_" + g).T + hp @ getattr(self, "U_" + g).T + getattr(self, "b_" + g)

    def forward(self, xt, state):
        hp, cp = state
        i = torch.sigmoid(self._pre("i", xt, hp))
        f = torch.sigmoid(self._pre("f", xt, hp))
        ct = torch.tanh(self._pre("c", xt, hp))
        c = f * cp + i * ct
        o = torch.sigmoid(self._pre("o", xt, hp))
        return o * torch.tanh(c), c


# stored file id 14807981344 (Rust LSTM cell forward doc comment):
# W_i/W_f/W_c/W_o (h x x), U_i/U_f/U_c/U_o (h x h), b_i/b_f/b_c/b_o (h).
# count = 4*h*x + 4*h*h + 4*h  (x=7, h=5: 260)
@_export
def h27e_rust_lstm_wu(x=7, h=5):
    return _WULSTM(x, h)


# stored file id 55718216282 (Rust ONNX LSTM translation doc comment), direction forward:
# W_i/W_f/W_c/W_o (h x x), R_i/R_f/R_c/R_o (h x h), one bias b_* per gate as written.
# count = 4*h*x + 4*h*h + 4*h  (x=7, h=5: 260)
@_export
def h27e_rust_onnx_lstm(x=7, h=5):
    return _WULSTM(x, h)


class _StemCell(nn.Module):
    # three transforms T on [input, out] (size x 2*size, with bias):
    # a = tanh(T1 z), g = sigmoid(T2 z), f = sigmoid(T3 z); state = a*g + state*f; out = state
    def __init__(self, size):
        super().__init__()
        self.T1 = nn.Linear(2 * size, size)
        self.T2 = nn.Linear(2 * size, size)
        self.T3 = nn.Linear(2 * size, size)

    def forward(self, xt, state):
        out, s = state
        z = torch.cat([xt, out], -1)
        s = torch.tanh(self.T1(z)) * torch.sigmoid(self.T2(z)) + s * torch.sigmoid(self.T3(z))
        return s, s


# abeschneider/stem GraphPlayground (Swift dataflow comment), marked refuse. Most plausible
# reading (from the playground's LinearOp(outputSize: size) ops): three linear maps with bias
# from [input, out] (2*size) to size. count = 3*(2*size*size + size)  (size=5: 165)
@_export
def h27e_swift_stem(size=5):
    return _StemCell(size)
