import torch
from torch import nn

__all__ = []


def _export(f):
    __all__.append(f.__name__)
    return f


def _p(*shape):
    return nn.Parameter(torch.randn(*shape) * 0.1)


# stored file id 22901269690 (C++ GRU::forward_step gate comments). z and r read h_prev only:
# Uz, Ur, Uh (h x h), Wh (h x x), bz, br, bh (h). 3h^2 + hx + 3h.
@_export
def h21e_charrnngru_gru(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.Uz = _p(h, h)
            self.bz = _p(h)
            self.Ur = _p(h, h)
            self.br = _p(h)
            self.Uh = _p(h, h)
            self.Wh = _p(h, x)
            self.bh = _p(h)

        def forward(self, xt, hp):
            z = torch.sigmoid(self.Uz @ hp + self.bz)
            r = torch.sigmoid(self.Ur @ hp + self.br)
            h_hat = torch.tanh(self.Wh @ xt + self.Uh @ (r * hp) + self.bh)
            return (1 - z) * hp + z * h_hat

    return Cell()


# stored file id 38682133009 ("THE ALGZOO RNN BASELINE" string). Scalar input, no biases: W_hi (hidden, 1),
# W_hh (hidden, hidden), readout W_oh (seq_len, hidden), as its parameter table lists.
# hidden + hidden^2 + seq_len hidden (432 for hidden=16, seq_len=10).
@_export
def h21e_algzoo_relu_rnn(hidden=16, seq_len=10):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_hi = _p(hidden, 1)
            self.W_hh = _p(hidden, hidden)
            self.W_oh = _p(seq_len, hidden)

        def forward(self, xt, hp):
            # xt: (1,)
            h = torch.relu(self.W_hh @ hp + self.W_hi @ xt)
            return self.W_oh @ h, h

    return Cell()


# stored file id 71212422135 (ternary_rnn.py module docstring). u_t = (start_t, x_t) has size 2; y_t is one
# bit: W_in (H x 2), W_hh (H x H), b (H), w_out (1 x H), c scalar. H^2 + 4H + 1.
@_export
def h21e_ternary_elman(H=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_in = _p(H, 2)
            self.W_hh = _p(H, H)
            self.b = _p(H)
            self.w_out = _p(1, H)
            self.c = _p(1)

        def forward(self, ut, hp):
            h = torch.relu(self.W_in @ ut + self.W_hh @ hp + self.b)
            return torch.sigmoid(self.w_out @ h + self.c), h

    return Cell()


# stored file id 1303774839 (class MultiRecurrentRNN docstring). W_ih (h x x), W_hh (h x h), W_yo (h x y),
# b_h (h); W_ho (y x h), b_o (y). hx + h^2 + 2hy + h + y.
@_export
def h21e_multirecurrent_rnn(x=7, h=5, y=3):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_ih = _p(h, x)
            self.W_hh = _p(h, h)
            self.W_yo = _p(h, y)
            self.b_h = _p(h)
            self.W_ho = _p(y, h)
            self.b_o = _p(y)

        def forward(self, xt, hp, yp):
            ht = torch.tanh(self.W_ih @ xt + self.W_hh @ hp + self.W_yo @ yp + self.b_h)
            return ht, self.W_ho @ ht + self.b_o

    return Cell()


# stored file id 6037422132 (class leakyRNNCell docstring "Discretized Elman RNN"; expect refuse: alpha is
# never said to be a fixed constant or a learned parameter). One plausible reading (alpha a fixed
# hyperparameter, f = relu, g = identity): W_rec (h x h), W_in (h x u), b_x (h), W_out (y x h), b_y (y).
# h^2 + hu + h + yh + y.
@_export
def h21e_leaky_elman(u=7, h=5, y=3, alpha=0.2):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_rec = _p(h, h)
            self.W_in = _p(h, u)
            self.b_x = _p(h)
            self.W_out = _p(y, h)
            self.b_y = _p(y)

        def forward(self, ut, hp):
            ht = (1 - alpha) * hp + alpha * torch.relu(self.W_rec @ hp + self.W_in @ ut + self.b_x)
            return ht, self.W_out @ ht + self.b_y

    return Cell()


# stored file id 54517353666 (Java Javadoc of class SimpleRNN, Chinese). Input of 1 dimension, hidden state
# of 2 (as the prose says); W_xh (h x x), W_hh (h x h), b_h (h), W_hy (y x h), b_y (y).
# hx + h^2 + h + yh + y (17 for x=1, h=2, y=3).
@_export
def h21e_deepblue_simplernn(x=1, h=2, y=3):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_xh = _p(h, x)
            self.W_hh = _p(h, h)
            self.b_h = _p(h)
            self.W_hy = _p(y, h)
            self.b_y = _p(y)

        def forward(self, xt, hp):
            ht = torch.tanh(self.W_xh @ xt + self.W_hh @ hp + self.b_h)
            return self.W_hy @ ht + self.b_y, ht

    return Cell()


# stored file id 19231512502 (C++ comment above struct LSTMCell, ag::nn). Row vectors: x is [B, I], h is
# [B, H]; per gate W_i* (I x H), W_h* (H x H), b_* (H). 4H(I + H + 1).
@_export
def h21e_agnn_lstm(I=7, H=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            for g in "ifgo":
                setattr(self, "W_i" + g, _p(I, H))
                setattr(self, "W_h" + g, _p(H, H))
                setattr(self, "b_" + g, _p(H))

        def _a(self, g, x, h):
            return x @ getattr(self, "W_i" + g) + h @ getattr(self, "W_h" + g) + getattr(self, "b_" + g)

        def forward(self, x, h, c):
            i = torch.sigmoid(self._a("i", x, h))
            f = torch.sigmoid(self._a("f", x, h))
            g = torch.tanh(self._a("g", x, h))
            o = torch.sigmoid(self._a("o", x, h))
            c2 = f * c + i * g
            return o * torch.tanh(c2), c2

    return Cell()


# stored file id 53086151753 (Zig /// doc comment of pub const Gru). No biases in the equations:
# W_i* (h x x), W_h* (h x h) for z, r, n. 3h(x + h).
@_export
def h21e_ziggru_gru(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            for g in "zrn":
                setattr(self, "W_i" + g, _p(h, x))
                setattr(self, "W_h" + g, _p(h, h))

        def forward(self, xt, hp):
            W = lambda n: getattr(self, n)
            z = torch.sigmoid(W("W_iz") @ xt + W("W_hz") @ hp)
            r = torch.sigmoid(W("W_ir") @ xt + W("W_hr") @ hp)
            n = torch.tanh(W("W_in") @ xt + r * (W("W_hn") @ hp))
            return (1 - z) * n + z * hp

    return Cell()


# stored file id 52791271190 (Swift /// doc comment of struct GRUCell). Input weights stacked
# [W_ir; W_iz; W_in] (3h x x), recurrent weights W_h* (h x h), biases b_i*, b_h* (h). 3h(x + h + 2).
@_export
def h21e_swiftgru_gru(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_i = _p(3 * h, x)  # [W_ir; W_iz; W_in]
            self.W_h = _p(3 * h, h)  # [W_hr; W_hz; W_hn]
            self.b_i = _p(3 * h)
            self.b_h = _p(3 * h)

        def forward(self, xt, hp):
            gx = (self.W_i @ xt + self.b_i).chunk(3)
            gh = (self.W_h @ hp + self.b_h).chunk(3)
            r = torch.sigmoid(gx[0] + gh[0])
            z = torch.sigmoid(gx[1] + gh[1])
            n = torch.tanh(gx[2] + r * gh[2])
            return (1 - z) * n + z * hp

    return Cell()


# stored file id 69224882274 (Vue SFC header comment, one RNN step). W_xh (h x x), W_hh (h x h), b (h);
# the input sequence is scalar (x = 1). hx + h^2 + h.
@_export
def h21e_vuewidget_rnn(x=1, h=3):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_xh = _p(h, x)
            self.W_hh = _p(h, h)
            self.b = _p(h)

        def forward(self, xt, hp):
            return torch.tanh(self.W_xh @ xt + self.W_hh @ hp + self.b)

    return Cell()


# stored file id 55182097517 (Rust LSTMForecaster::forward gate comments). No biases; per gate
# W_* (h x (h + x)) on the concatenation [h_{t-1}, x_t]. 4h(h + x).
@_export
def h21e_rustforecast_lstm(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_f, self.W_i, self.W_c, self.W_o = (_p(h, h + x) for _ in range(4))

        def forward(self, xt, hp, cp):
            hx = torch.cat([hp, xt])
            f = torch.sigmoid(self.W_f @ hx)
            i = torch.sigmoid(self.W_i @ hx)
            c_t = torch.tanh(self.W_c @ hx)
            o = torch.sigmoid(self.W_o @ hx)
            c = f * cp + i * c_t
            return o * torch.tanh(c), c

    return Cell()
