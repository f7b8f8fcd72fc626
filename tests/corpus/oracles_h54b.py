"""Oracles for the h54b set-aside snippets (heldout54), as its gatherer wrote them."""
import torch
from torch import nn

__all__ = []


def _export(f):
    __all__.append(f.__name__)
    return f


def _p(*shape):
    return nn.Parameter(torch.randn(*shape) * 0.1)


# Jafagervik/master-thesis chapters/old/rnn.tex: h_t = f(W_hh_{t-1}+W_xx_t), read as W_h h_{t-1} + W_x x_t (weight
# and operand typed together), no bias; f generic (tanh named in the figure caption). W_h: h x h, W_x: h x x.
# Count: h*h + h*x.
@_export
def h54b_jafamt_rnn(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_h = _p(h, h)
            self.W_x = _p(h, x)

        def forward(self, x_t, h_prev):
            return torch.tanh(h_prev @ self.W_h.T + x_t @ self.W_x.T)
    return Cell()


# Jafagervik/master-thesis chapters/old/lstm.tex (marked refuse): the LSTM is never written out; one line
# Y_t = W_hh_{t-1} + W_xx_t + b, then a batch-normalised cell/hidden update whose tilde gates are undefined.
# Most plausible reading: the Y_t line gives the stacked pre-activations of the four units (f~, i~, g~, o~), so
# W_h: 4h x h, W_x: 4h x x, b: 4h, plus BN(c_t; gamma_c, beta_c) with gamma_c, beta_c: h.
# Count: 4h*h + 4h*x + 4h + 2h.
@_export
def h54b_jafamt_lstm(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_h = _p(4 * h, h)
            self.W_x = _p(4 * h, x)
            self.b = _p(4 * h)
            self.gamma_c = _p(h)
            self.beta_c = _p(h)

        def forward(self, x_t, h_prev, c_prev):
            y = h_prev @ self.W_h.T + x_t @ self.W_x.T + self.b
            f, i, g, o = y.chunk(4, dim=-1)
            c = torch.sigmoid(f) * c_prev + torch.sigmoid(i) * torch.tanh(g)
            mu = c.mean(dim=0, keepdim=True)
            var = c.var(dim=0, unbiased=False, keepdim=True)
            bn = self.beta_c + self.gamma_c * (c - mu) / torch.sqrt(var + 1e-5)
            return torch.sigmoid(o) * torch.tanh(bn), c
    return Cell()


# xeniaqian94/10707-Deep-Learning assignment3/10707hw3_1.tex, LSTM (no peepholes): W_f, W_i, W_o, W_c: h x x;
# U_f, U_i, U_o, U_c: h x h; b_f, b_i, b_o, b_c: h. Count: 4*(h*x + h*h + h).
@_export
def h54b_cmu10707_lstm(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W = nn.ParameterDict({k: _p(h, x) for k in "fioc"})
            self.U = nn.ParameterDict({k: _p(h, h) for k in "fioc"})
            self.b = nn.ParameterDict({k: _p(h) for k in "fioc"})

        def forward(self, x_t, h_prev, c_prev):
            W, U, b = self.W, self.U, self.b
            a = {k: x_t @ W[k].T + h_prev @ U[k].T + b[k] for k in "fioc"}
            f, i, o = torch.sigmoid(a["f"]), torch.sigmoid(a["i"]), torch.sigmoid(a["o"])
            c = f * c_prev + i * torch.tanh(a["c"])
            return o * torch.tanh(c), c
    return Cell()


# xeniaqian94/10707-Deep-Learning assignment3/10707hw3_1.tex, GRU with x in R^m, h in R^n: W_z, W_r, W: n x m;
# U_z, U_r, U: n x n; b_z, b_r, b: n. Count: 3*(n*m + n*n + n).
@_export
def h54b_cmu10707_gru(m=7, n=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_z, self.W_r, self.W = _p(n, m), _p(n, m), _p(n, m)
            self.U_z, self.U_r, self.U = _p(n, n), _p(n, n), _p(n, n)
            self.b_z, self.b_r, self.b = _p(n), _p(n), _p(n)

        def forward(self, x_t, h_prev):
            z = torch.sigmoid(x_t @ self.W_z.T + h_prev @ self.U_z.T + self.b_z)
            r = torch.sigmoid(x_t @ self.W_r.T + h_prev @ self.U_r.T + self.b_r)
            h_tilde = torch.tanh(x_t @ self.W.T + (r * h_prev) @ self.U.T + self.b)
            return z * h_tilde + (1 - z) * h_prev
    return Cell()


# kabylkas/donald_vs_hillary tex/rnn.tex (marked refuse): tf.nn.rnn_cell.GRUCell with state size 256; the input
# size is never stated. Most plausible reading: TensorFlow 1.x GRUCell(256) on an input of size x: gates kernel
# (x+256) x 512 and bias 512, candidate kernel (x+256) x 256 and bias 256. Count: 3*256*(x+256) + 3*256.
@_export
def h54b_kabylkas_gru(x=7):
    h = 256

    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.gates_kernel = _p(x + h, 2 * h)
            self.gates_bias = _p(2 * h)
            self.candidate_kernel = _p(x + h, h)
            self.candidate_bias = _p(h)

        def forward(self, x_t, h_prev):
            g = torch.sigmoid(torch.cat([x_t, h_prev], -1) @ self.gates_kernel + self.gates_bias)
            r, u = g.chunk(2, dim=-1)
            c = torch.tanh(torch.cat([x_t, r * h_prev], -1) @ self.candidate_kernel + self.candidate_bias)
            return u * h_prev + (1 - u) * c
    return Cell()


# ronggong/phd-thesis chapters/02_background.tex (marked refuse): prose only, hidden state "calculated based on the
# previous state and the input". Most plausible reading: a vanilla tanh RNN with W: h x x, U: h x h, b: h.
# Count: h*x + h*h + h.
@_export
def h54b_ronggong_rnn(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W = _p(h, x)
            self.U = _p(h, h)
            self.b = _p(h)

        def forward(self, x_t, h_prev):
            return torch.tanh(x_t @ self.W.T + h_prev @ self.U.T + self.b)
    return Cell()


# HeapHop30/alessia_msc-thesis chapters/2_background.tex: Y_t = phi(X_t W_x + Y_{t-1} W_y + b), row-vector
# convention (input on the left): W_x: x x y, W_y: y x y, b: y. Count: x*y + y*y + y.
@_export
def h54b_alessiamsc_rnn(x=7, y=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_x = _p(x, y)
            self.W_y = _p(y, y)
            self.b = _p(y)

        def forward(self, X_t, Y_prev):
            return torch.tanh(X_t @ self.W_x + Y_prev @ self.W_y + self.b)
    return Cell()


# fishingpvalues/masterthesis chapters/2_theory.tex, LSTM: W_f, W_i, W_c, W_o: h x x; U_*: h x h; b_*: h.
# Count: 4*(h*x + h*h + h).
@_export
def h54b_fishmt_lstm(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W = nn.ParameterDict({k: _p(h, x) for k in "fico"})
            self.U = nn.ParameterDict({k: _p(h, h) for k in "fico"})
            self.b = nn.ParameterDict({k: _p(h) for k in "fico"})

        def forward(self, x_t, h_prev, c_prev):
            W, U, b = self.W, self.U, self.b
            a = {k: x_t @ W[k].T + h_prev @ U[k].T + b[k] for k in "fico"}
            c = torch.sigmoid(a["f"]) * c_prev + torch.sigmoid(a["i"]) * torch.tanh(a["c"])
            return torch.sigmoid(a["o"]) * torch.tanh(c), c
    return Cell()


# fishingpvalues/masterthesis chapters/2_theory.tex, RNN with its output layer (the text lists W_xh, W_hh, W_hy,
# b_h, b_y as the shared parameters): W_xh: h x x, W_hh: h x h, b_h: h, W_hy: y x h, b_y: y.
# Count: h*x + h*h + h + y*h + y.
@_export
def h54b_fishmt_rnn(x=7, h=5, y=3):
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
            y_t = torch.softmax(h_t @ self.W_hy.T + self.b_y, dim=-1)
            return y_t, h_t
    return Cell()


# GunnarI/Master-Thesis chapters/state-of-the-art.tex, Goodfellow-style LSTM: one template unit
# sigma^a(b^a + sum_i U_i^a x_i + sum_i W_i^a h_i^(t-1)) for each of the four units a in {f, g, q, s}; U^a: h x x
# (input weights), W^a: h x h (recurrent weights), b^a: h. Count: 4*(h*x + h*h + h).
@_export
def h54b_gunnarmt_lstm(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.U = nn.ParameterDict({k: _p(h, x) for k in "fgqs"})
            self.W = nn.ParameterDict({k: _p(h, h) for k in "fgqs"})
            self.b = nn.ParameterDict({k: _p(h) for k in "fgqs"})

        def forward(self, x_t, h_prev, s_prev):
            sig = {k: torch.sigmoid(self.b[k] + x_t @ self.U[k].T + h_prev @ self.W[k].T) for k in "fgqs"}
            s = sig["f"] * s_prev + sig["g"] * sig["s"]
            return torch.tanh(s) * sig["q"], s
    return Cell()
