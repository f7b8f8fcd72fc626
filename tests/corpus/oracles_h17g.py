import torch
from torch import nn

__all__ = []


def _export(f):
    __all__.append(f.__name__)
    return f


def _p(*shape, dtype=None):
    return nn.Parameter(torch.randn(*shape, dtype=dtype) * 0.1)


# kapumota/Cuadernos1 Arquitecturas_RNN.ipynb (markdown cell 0, 2.2 Ecuaciones de la Celda LSTM).
# puertas = W_x x_t + W_h h_{t-1} + b, split into i, f, c~, o; written per gate as
# W_{x*} x_t + W_{h*} h_{t-1} + b_* (one bias per gate). 4h(x + h + 1).
@_export
def h17g_kapumota_lstm(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            for g in "ifco":
                setattr(self, "W_x" + g, _p(h, x))
                setattr(self, "W_h" + g, _p(h, h))
                setattr(self, "b_" + g, _p(h))

        def _lin(self, g, xt, hp):
            return getattr(self, "W_x" + g) @ xt + getattr(self, "W_h" + g) @ hp + getattr(self, "b_" + g)

        def forward(self, xt, state):
            hp, cp = state
            i = torch.sigmoid(self._lin("i", xt, hp))
            f = torch.sigmoid(self._lin("f", xt, hp))
            cc = torch.tanh(self._lin("c", xt, hp))
            o = torch.sigmoid(self._lin("o", xt, hp))
            c = f * cp + i * cc
            return o * torch.tanh(c), c

    return Cell()


# kapumota/Cuadernos1 Arquitecturas_RNN.ipynb (markdown cell 0, 3.2 Ecuaciones de la celda GRU).
# W_z, U_z, b_z; W_r, U_r, b_r; W, U, b (candidate). 3h(x + h + 1).
@_export
def h17g_kapumota_gru(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_z, self.U_z, self.b_z = _p(h, x), _p(h, h), _p(h)
            self.W_r, self.U_r, self.b_r = _p(h, x), _p(h, h), _p(h)
            self.W, self.U, self.b = _p(h, x), _p(h, h), _p(h)

        def forward(self, xt, hp):
            z = torch.sigmoid(self.W_z @ xt + self.U_z @ hp + self.b_z)
            r = torch.sigmoid(self.W_r @ xt + self.U_r @ hp + self.b_r)
            hh = torch.tanh(self.W @ xt + self.U @ (r * hp) + self.b)
            return z * hp + (1 - z) * hh

    return Cell()


# bushuhui/machinelearning_notebook 7_deep_learning/2_RNN/LSTM_GRU.ipynb (markdown cell 11, GRU).
# W_r, W_z, W_h act on the concatenation [h_{t-1}, x_t] (h x (h + x)), one bias each. 3h(h + x + 1).
@_export
def h17g_bushuhui_gru(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_r, self.b_r = _p(h, h + x), _p(h)
            self.W_z, self.b_z = _p(h, h + x), _p(h)
            self.W_h, self.b_h = _p(h, h + x), _p(h)

        def forward(self, xt, hp):
            hx = torch.cat([hp, xt])
            r = torch.sigmoid(self.W_r @ hx + self.b_r)
            z = torch.sigmoid(self.W_z @ hx + self.b_z)
            hh = torch.tanh(self.W_h @ torch.cat([r * hp, xt]) + self.b_h)
            return (1 - z) * hp + z * hh

    return Cell()


# misya11p/language-models gated_rnn.ipynb (markdown cell 31, RNN review).
# h_t = tanh(W_x x_t + b_x + W_h h_{t-1} + b_h): two biases. h(x + h + 2).
@_export
def h17g_misya11p_rnn(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_x, self.b_x = _p(h, x), _p(h)
            self.W_h, self.b_h = _p(h, h), _p(h)

        def forward(self, xt, hp):
            return torch.tanh(self.W_x @ xt + self.b_x + self.W_h @ hp + self.b_h)

    return Cell()


# misya11p/language-models gated_rnn.ipynb (markdown cell 46, LSTM; expect refuse: the gates are
# fc_i(x_t, h_{t-1}), fc_f, fc_o, fc_c~, fully connected maps of two arguments whose weights and
# biases the excerpt never defines). One plausible reading, the notebook's own earlier definition
# fc(x, h) = W_x x + b_x + W_h h + b_h (two biases per gate): 4h(x + h + 2).
@_export
def h17g_misya11p_lstm(x=7, h=5):
    class FC(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_x, self.b_x = _p(h, x), _p(h)
            self.W_h, self.b_h = _p(h, h), _p(h)

        def forward(self, xt, hp):
            return self.W_x @ xt + self.b_x + self.W_h @ hp + self.b_h

    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.fc_c, self.fc_i, self.fc_f, self.fc_o = FC(), FC(), FC(), FC()

        def forward(self, xt, state):
            hp, cp = state
            cc = torch.tanh(self.fc_c(xt, hp))
            i = torch.sigmoid(self.fc_i(xt, hp))
            f = torch.sigmoid(self.fc_f(xt, hp))
            o = torch.sigmoid(self.fc_o(xt, hp))
            c = f * cp + i * cc
            return o * torch.tanh(c), c

    return Cell()


# sousamaf/AI-Lab algorithms/neural_networks/lstm/lstm_basico.ipynb (markdown cell 2).
# W_f, W_i, W_c, W_o act on [x_t, h_{t-1}] (h x (x + h)), biases b_f, b_i, b_c, b_o. 4h(x + h + 1).
@_export
def h17g_sousamaf_lstm(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            for g in "fico":
                setattr(self, "W_" + g, _p(h, x + h))
                setattr(self, "b_" + g, _p(h))

        def _lin(self, g, z):
            return getattr(self, "W_" + g) @ z + getattr(self, "b_" + g)

        def forward(self, xt, state):
            hp, cp = state
            z = torch.cat([xt, hp])
            f = torch.sigmoid(self._lin("f", z))
            i = torch.sigmoid(self._lin("i", z))
            cc = torch.tanh(self._lin("c", z))
            c = f * cp + i * cc
            o = torch.sigmoid(self._lin("o", z))
            return o * torch.tanh(c), c

    return Cell()


# Un-dertable/LSTM LSTM.ipynb (markdown cell 0). W_* x_t + U_* h_{t-1} + b_* for f, i, o, c-bar;
# sigma_h (tanh or identity) has no parameters. 4h(x + h + 1).
@_export
def h17g_undertable_lstm(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            for g in "fioc":
                setattr(self, "W_" + g, _p(h, x))
                setattr(self, "U_" + g, _p(h, h))
                setattr(self, "b_" + g, _p(h))

        def _lin(self, g, xt, hp):
            return getattr(self, "W_" + g) @ xt + getattr(self, "U_" + g) @ hp + getattr(self, "b_" + g)

        def forward(self, xt, state):
            hp, cp = state
            f = torch.sigmoid(self._lin("f", xt, hp))
            i = torch.sigmoid(self._lin("i", xt, hp))
            o = torch.sigmoid(self._lin("o", xt, hp))
            cb = torch.tanh(self._lin("c", xt, hp))
            c = f * cp + i * cb
            return o * torch.tanh(c), c

    return Cell()


# dan1oo/Cphy_SSM Demos/SSM_Drafting.ipynb (markdown cell 2). Four learnable complex matrices
# A in C^{n x n}, B in C^{n x m}, C in C^{p x n}, D in C^{p x m} (one parameter per complex entry).
# n^2 + n m + p n + p m.
@_export
def h17g_dan1oo_ssm(n=5, m=7, p=3):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.A = _p(n, n, dtype=torch.cfloat)
            self.B = _p(n, m, dtype=torch.cfloat)
            self.C = _p(p, n, dtype=torch.cfloat)
            self.D = _p(p, m, dtype=torch.cfloat)

        def forward(self, u, xs):
            # returns x'(t) and y(t) for state xs (n,) and input u (m,)
            u = u.to(torch.cfloat)
            dx = self.A @ xs + self.B @ u
            y = self.C @ xs + self.D @ u
            return dx, y

    return Cell()


# FabianDubach/NLP Week 4/lstm.ipynb (markdown cell 0). W_* h_{t-1} (h x h) + U_* x_t (h x x) + b_*
# for f, i, o, c~. 4h(x + h + 1).
@_export
def h17g_fabiandubach_lstm(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            for g in "fioc":
                setattr(self, "W_" + g, _p(h, h))
                setattr(self, "U_" + g, _p(h, x))
                setattr(self, "b_" + g, _p(h))

        def _lin(self, g, xt, hp):
            return getattr(self, "W_" + g) @ hp + getattr(self, "U_" + g) @ xt + getattr(self, "b_" + g)

        def forward(self, xt, state):
            hp, cp = state
            f = torch.sigmoid(self._lin("f", xt, hp))
            i = torch.sigmoid(self._lin("i", xt, hp))
            o = torch.sigmoid(self._lin("o", xt, hp))
            cc = torch.tanh(self._lin("c", xt, hp))
            c = f * cp + i * cc
            return o * torch.tanh(c), c

    return Cell()


# FabianDubach/NLP Week 3/rnn.ipynb (markdown cell 0). Elman RNN: W_h (h x x), U_h (h x h), b_h;
# output y_t = tanh(W_y h_t + b_y) with W_y (y x h), b_y. h(x + h + 1) + y(h + 1).
@_export
def h17g_fabiandubach_elman(x=7, h=5, y=3):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_h, self.U_h, self.b_h = _p(h, x), _p(h, h), _p(h)
            self.W_y, self.b_y = _p(y, h), _p(y)

        def forward(self, xt, hp):
            ht = torch.tanh(self.W_h @ xt + self.U_h @ hp + self.b_h)
            return torch.tanh(self.W_y @ ht + self.b_y), ht

    return Cell()
