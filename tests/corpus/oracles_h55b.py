"""Oracles for the h55b set-aside snippets (heldout55), as its gatherer wrote them."""
import torch
from torch import nn

__all__ = []


def _export(f):
    __all__.append(f.__name__)
    return f


def _p(*shape):
    return nn.Parameter(torch.randn(*shape) * 0.1)


# ucinereo/ETH-Cheatsheets machine_perception/chapters/rnn.tex, Vanilla RNN:
# h_t = tanh(W_hh h_{t-1} + W_xh x_t + b), y^_t = W_hy h_t (the output layer has no bias; the "Reparam" line reuses
# the same W_hh, W_xh, b). W_hh: h x h, W_xh: h x x, b: h, W_hy: y x h. Count: h*h + h*x + h + y*h.
@_export
def h55b_ethmp_rnn(x=7, h=5, y=3):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_hh = _p(h, h)
            self.W_xh = _p(h, x)
            self.b = _p(h)
            self.W_hy = _p(y, h)

        def forward(self, x_t, h_prev):
            h_t = torch.tanh(h_prev @ self.W_hh.T + x_t @ self.W_xh.T + self.b)
            return h_t @ self.W_hy.T, h_t
    return Cell()


# ucinereo/ETH-Cheatsheets machine_perception/chapters/rnn.tex, LSTM: [i; f; o; g] = [sigma; sigma; sigma; tanh]
# (W [x_t; h_{t-1}]), c_t = f*c_{t-1} + i*g, h_t = o*tanh(c_t). One stacked matrix W, no bias; the four gate blocks are
# h-dimensional (they act elementwise on c), so W: 4h x (x+h). The gray layer-index annotations (x_t = h_t^[l-1]) only
# say what x_t is in a stack; x stays free. Count: 4h*(x+h).
@_export
def h55b_ethmp_lstm(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W = _p(4 * h, x + h)

        def forward(self, x_t, h_prev, c_prev):
            a = torch.cat([x_t, h_prev], -1) @ self.W.T
            i, f, o, g = a.chunk(4, dim=-1)
            c = torch.sigmoid(f) * c_prev + torch.sigmoid(i) * torch.tanh(g)
            return torch.sigmoid(o) * torch.tanh(c), c
    return Cell()


# fdamken/summaries summaries/cs/elective/iws/dlam/content.tex, Vanilla RNN: h_t = f_theta(h_{t-1}, x_t),
# f_theta = tanh(W_hh h_{t-1} + W_xh x_t) with theta = {W_hh, W_xh}, no bias; "the hidden state is then re-weighted,
# forming the output of the RNN cell": y_t = W_hy h_t. W_hh: h x h, W_xh: h x x, W_hy: y x h.
# Count: h*h + h*x + y*h.
@_export
def h55b_tuddlam_rnn(x=7, h=5, y=3):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_hh = _p(h, h)
            self.W_xh = _p(h, x)
            self.W_hy = _p(y, h)

        def forward(self, x_t, h_prev):
            h_t = torch.tanh(h_prev @ self.W_hh.T + x_t @ self.W_xh.T)
            return h_t @ self.W_hy.T, h_t
    return Cell()


# fdamken/summaries summaries/cs/elective/iws/dlam/content.tex, LSTM (stacked-layer notation):
# [i; f; o; g] = [sigma; sigma; sigma; tanh] W^l [h_t^{l-1}; h_{t-1}^l], c_t^l = f*c_{t-1}^l + i*g,
# h_t^l = o*tanh(c_t^l), with W^l in R^{4n x 2n} (the text fixes it), i, f, o, g in R^n, no bias.
# Count: 4n*2n = 8n^2.
@_export
def h55b_tuddlam_lstm(n=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W = _p(4 * n, 2 * n)

        def forward(self, h_below, h_prev, c_prev):
            a = torch.cat([h_below, h_prev], -1) @ self.W.T
            i, f, o, g = a.chunk(4, dim=-1)
            c = torch.sigmoid(f) * c_prev + torch.sigmoid(i) * torch.tanh(g)
            return torch.sigmoid(o) * torch.tanh(c), c
    return Cell()


# onurpoyraz/Master-Thesis 2-background.tex, RNN with hidden state s: s'_t = W_ss s_{t-1} + W_sx x_t + b_s,
# s_t = h(s'_t), y^_t = W_ys s_t + c_y (the output bias is c_y). W_ss: s x s, W_sx: s x x, b_s: s, W_ys: y x s,
# c_y: y. Count: s*s + s*x + s + y*s + y.
@_export
def h55b_poyraz_rnn(x=7, s=5, y=3):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_ss = _p(s, s)
            self.W_sx = _p(s, x)
            self.b_s = _p(s)
            self.W_ys = _p(y, s)
            self.c_y = _p(y)

        def forward(self, x_t, s_prev):
            s_t = torch.tanh(s_prev @ self.W_ss.T + x_t @ self.W_sx.T + self.b_s)
            return s_t @ self.W_ys.T + self.c_y, s_t
    return Cell()


# onurpoyraz/Master-Thesis 2-background.tex, LSTM with hidden state s, four units f, c^ (activation g), i, o, each
# sigma-or-g(W^k_ss s_{t-1} + W^k_sx x_t + b^k); c_t = f*c_{t-1} + i*c^_t; s_t = o * h(c_t); the text's last step adds
# the output layer y^_t = W_ys s_t + c_y "as in RNN". W^k_ss: s x s, W^k_sx: s x x, b^k: s (k in f, c^, i, o),
# W_ys: y x s, c_y: y. Count: 4*(s*s + s*x + s) + y*s + y.
@_export
def h55b_poyraz_lstm(x=7, s=5, y=3):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_ss = nn.ParameterDict({k: _p(s, s) for k in ("f", "c", "i", "o")})
            self.W_sx = nn.ParameterDict({k: _p(s, x) for k in ("f", "c", "i", "o")})
            self.b = nn.ParameterDict({k: _p(s) for k in ("f", "c", "i", "o")})
            self.W_ys = _p(y, s)
            self.c_y = _p(y)

        def forward(self, x_t, s_prev, c_prev):
            a = {k: s_prev @ self.W_ss[k].T + x_t @ self.W_sx[k].T + self.b[k] for k in ("f", "c", "i", "o")}
            f, i, o = torch.sigmoid(a["f"]), torch.sigmoid(a["i"]), torch.sigmoid(a["o"])
            c = f * c_prev + i * torch.tanh(a["c"])
            s_t = o * torch.tanh(c)
            return s_t @ self.W_ys.T + self.c_y, s_t, c
    return Cell()


# rikhuijzer/thesis chapters/preliminaries/deep_learning.tex (marked refuse): prose only; the state s_t receives the
# "summary" W from s_{t-1} (W is a state passed along, not a weight), no equation and no sizes. Most plausible
# reading: a vanilla tanh RNN s_t = tanh(W s_{t-1} + U x_t + b) with W: s x s, U: s x x, b: s (the output word layer
# is not counted). Count: s*s + s*x + s.
@_export
def h55b_huijzer_rnn(x=7, s=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W = _p(s, s)
            self.U = _p(s, x)
            self.b = _p(s)

        def forward(self, x_t, s_prev):
            return torch.tanh(s_prev @ self.W.T + x_t @ self.U.T + self.b)
    return Cell()


def _keras_lstm(x, h):
    # Keras/TensorFlow LSTM cell: kernel x x 4h, recurrent_kernel h x 4h, bias 4h (gate order i, f, c, o).
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.kernel = _p(x, 4 * h)
            self.recurrent_kernel = _p(h, 4 * h)
            self.bias = _p(4 * h)

        def forward(self, x_t, h_prev, c_prev):
            z = x_t @ self.kernel + h_prev @ self.recurrent_kernel + self.bias
            i, f, g, o = z.chunk(4, dim=-1)
            c = torch.sigmoid(f) * c_prev + torch.sigmoid(i) * torch.tanh(g)
            return torch.sigmoid(o) * torch.tanh(c), c
    return Cell()


# andyjk15/cryptosky-report document.tex (marked refuse): LSTM in prose only (inputs X_t, H_{t-1}, C_{t-1}, outputs
# H_t, C_t, a forget gate and sigmoid "memory gates"; the calculations are left to the references), no sizes.
# Most plausible reading: the Keras LSTM the report uses (one bias per gate). Count: 4h*(x + h + 1).
@_export
def h55b_cryptosky_lstm(x=7, h=5):
    return _keras_lstm(x, h)


# NevenaSoldat/LSTM_covid19_forecast LSTM.tex (marked refuse): Serbian prose only (a cell with forget, input and output
# gates, each gate "has the structure of a standard recurrent unit"), no equations, no sizes. Most plausible reading:
# the Keras LSTM the seminar paper uses. Count: 4h*(x + h + 1).
@_export
def h55b_matfsem_lstm(x=7, h=5):
    return _keras_lstm(x, h)


# JustasBan/Kursinis thesis.tex (marked refuse): Lithuanian prose only (three gate types: forget/Užmiršimo,
# input/Įvesties, output/Išvesties; cell state and hidden state named), no equations, no sizes. Most plausible reading:
# a standard LSTM layer as in the TensorFlow models the paper reviews. Count: 4h*(x + h + 1).
@_export
def h55b_kursinis_lstm(x=7, h=5):
    return _keras_lstm(x, h)
