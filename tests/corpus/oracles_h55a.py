"""Oracles for the h55a set-aside snippets (heldout55), as its gatherer wrote them."""
import torch
from torch import nn

__all__ = []


def _export(f):
    __all__.append(f.__name__)
    return f


def _p(*shape):
    return nn.Parameter(torch.randn(*shape) * 0.1)


# kushalj001/black-box-ml "Understanding LSTMs", markdown cell "## Implementation": two linear layers, one for the
# current input x_t and one for the previous hidden state h_{t-1}, each with out_features = 4 * hidden_dim and each
# with its own bias (W = W'_i x_t + W'_h h_{t-1} + b'_i + b'_h), the sum split into the 4 gate blocks W_i, W_f, W_c,
# W_o of an ordinary LSTM. W'_i: 4h x x, b'_i: 4h, W'_h: 4h x h, b'_h: 4h (h = hidden_dim).
# Count: 4h*x + 4h + 4h*h + 4h.
@_export
def h55a_blackboxml_lstm(x=7, hidden_dim=5):
    h = hidden_dim

    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_i = _p(4 * h, x)
            self.b_i = _p(4 * h)
            self.W_h = _p(4 * h, h)
            self.b_h = _p(4 * h)

        def forward(self, x_t, h_prev, c_prev):
            w = x_t @ self.W_i.T + h_prev @ self.W_h.T + self.b_i + self.b_h
            i, f, c, o = w.chunk(4, dim=-1)
            c_t = torch.sigmoid(f) * c_prev + torch.sigmoid(i) * torch.tanh(c)
            return torch.sigmoid(o) * torch.tanh(c_t), c_t
    return Cell()


# akashrma/speedrun-ai mamba.ipynb, markdown cells 2, 4, 6: continuous SSM x' = Ax + Bu, y = Cx + Du; "A, B, C and D
# are parameters learned by gradient descent, we can ignore D or consider D = 0" (so D is dropped, and the discrete
# output y_k = \bar{C} x_k has no D); bilinear discretization with step size Delta (a step size, never said to be
# learned, so a constant here); \bar{A}, \bar{B}, \bar{C} are derived, not extra parameters.
# A: x x x, B: x x u, C: y x x (x = state, u = input, y = output sizes). Count: x*x + x*u + y*x.
@_export
def h55a_speedrunai_ssm(x=5, u=7, y=3):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.A = _p(x, x)
            self.B = _p(x, u)
            self.C = _p(y, x)
            self.register_buffer("delta", torch.tensor(0.1))

        def forward(self, u_k, x_prev):
            eye = torch.eye(x)
            bl = torch.linalg.inv(eye - self.delta / 2 * self.A)
            a_bar = bl @ (eye + self.delta / 2 * self.A)
            b_bar = (bl * self.delta) @ self.B
            x_k = x_prev @ a_bar.T + u_k @ b_bar.T
            return x_k @ self.C.T, x_k
    return Cell()


# nadiinchi/dl_labs lab_rnn.ipynb, Gal & Ghahramani dropout cell: LSTM in the row-vector convention
# i = sigma(h_{t-1} W^i + x_t U^i + b_i) (likewise o, f; g with tanh), c_t = f*c_{t-1} + i*g, h_t = o*tanh(c_t);
# the dropout masks m_h, m_x are sampled, not learned. W^*: h x h, U^*: x x h, b_*: h for the four blocks i, o, f, g.
# Count: 4*(h*h + x*h + h).
@_export
def h55a_nadiinchi_lstm(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W = nn.ParameterDict({k: _p(h, h) for k in "iofg"})
            self.U = nn.ParameterDict({k: _p(x, h) for k in "iofg"})
            self.b = nn.ParameterDict({k: _p(h) for k in "iofg"})

        def forward(self, x_t, h_prev, c_prev):
            a = {k: h_prev @ self.W[k] + x_t @ self.U[k] + self.b[k] for k in "iofg"}
            i, o, f = torch.sigmoid(a["i"]), torch.sigmoid(a["o"]), torch.sigmoid(a["f"])
            c_t = f * c_prev + i * torch.tanh(a["g"])
            return o * torch.tanh(c_t), c_t
    return Cell()


# epochx/pytorch-nlp-tutorial sequence_classification_lstm.ipynb, markdown cell "### The LSTM" (marked refuse): the
# LSTM is only named ("we will be skipping details on how exactly it works", pointing to the PyTorch nn.LSTM docs),
# no equation and no size is given. Most plausible reading: one PyTorch LSTM cell on inputs x_t of size x with hidden
# states h_t of size h (weight_ih 4h x x, weight_hh 4h x h, bias_ih 4h, bias_hh 4h).
# Count: 4h*(x + h) + 8h.
@_export
def h55a_epochx_lstm(x=7, h=5):
    return nn.LSTMCell(x, h)


# 8804who/paper_implementation models/GRU.ipynb, class MyGRUCell (bare NumPy code): W, W_r, W_z of shape
# (hidden_size, input_size), U, U_r, U_z of shape (hidden_size, hidden_size), no bias anywhere;
# r = sigma(W_r x + U_r h), z = sigma(W_z x + U_z h), h_hat = tanh(W x + U (r * h)), h = z*h + (1-z)*h_hat
# (the code's r@h_prev is read as the elementwise product; it does not change the parameters).
# Count: 3*(hidden_size*input_size + hidden_size*hidden_size).
@_export
def h55a_8804who_gru(input_size=7, hidden_size=5):
    x, h = input_size, hidden_size

    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W, self.W_r, self.W_z = _p(h, x), _p(h, x), _p(h, x)
            self.U, self.U_r, self.U_z = _p(h, h), _p(h, h), _p(h, h)

        def forward(self, x_t, h_prev):
            r = torch.sigmoid(x_t @ self.W_r.T + h_prev @ self.U_r.T)
            z = torch.sigmoid(x_t @ self.W_z.T + h_prev @ self.U_z.T)
            h_hat = torch.tanh(x_t @ self.W.T + (r * h_prev) @ self.U.T)
            return z * h_prev + (1 - z) * h_hat
    return Cell()
