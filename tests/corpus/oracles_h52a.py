"""Oracles for the h52a set-aside snippets (heldout52), as its gatherer wrote them."""
import torch
from torch import nn

__all__ = []


def _export(f):
    __all__.append(f.__name__)
    return f


def _p(*shape):
    return nn.Parameter(torch.randn(*shape) * 0.1)


# KnetML/Knet-the-Julia-dope section3-LSTM_shakespeare.ipynb cells 19-21 (LSTM); W_f, W_i, W_C, W_o each
# (H+I) x H acting on [h_{t-1} x_t] (combined W (H+I) x 4H), b_f, b_i, b_C, b_o each 1 x H (b 1 x 4H);
# Count: 4H(H+I) + 4H.
@_export
def h52a_knet_lstm(I=7, H=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W = _p(H + I, 4 * H)
            self.b = _p(1, 4 * H)

        def forward(self, x, h, C):
            z = torch.cat([h, x], -1) @ self.W + self.b
            f, i, Ct, o = z.chunk(4, -1)
            f, i, o = torch.sigmoid(f), torch.sigmoid(i), torch.sigmoid(o)
            C = f * C + i * torch.tanh(Ct)
            h = o * torch.tanh(C)
            return h, C
    return Cell()


# ajcutuli/OFI_NN_Project DeepOFI.ipynb cell 4 (LSTM unit); U^g m x n, W^g m x m, b^g m for g in f,i,o,c;
# Count: 4(mn + m^2 + m).
@_export
def h52a_ofi_lstm(n=7, m=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.U = nn.ParameterDict({g: _p(m, n) for g in 'fioc'})
            self.W = nn.ParameterDict({g: _p(m, m) for g in 'fioc'})
            self.b = nn.ParameterDict({g: _p(m) for g in 'fioc'})

        def _a(self, g, x, h):
            return x @ self.U[g].T + h @ self.W[g].T + self.b[g]

        def forward(self, x, h, c):
            f = torch.sigmoid(self._a('f', x, h))
            i = torch.sigmoid(self._a('i', x, h))
            o = torch.sigmoid(self._a('o', x, h))
            c = f * c + i * torch.tanh(self._a('c', x, h))
            h = o * torch.tanh(c)
            return h, c
    return Cell()


# niknow/machine-learning-examples lstm_intro.ipynb cells 4-5 (LSTM definition); row vectors, "\odot" is the
# matrix-vector product: W_g k x m, U_g m x m, b_g m for g in i,f,c,o; Count: 4(km + m^2 + m).
@_export
def h52a_niknow_lstm(k=7, m=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W = nn.ParameterDict({g: _p(k, m) for g in 'ifco'})
            self.U = nn.ParameterDict({g: _p(m, m) for g in 'ifco'})
            self.b = nn.ParameterDict({g: _p(m) for g in 'ifco'})

        def _a(self, g, x, h):
            return x @ self.W[g] + h @ self.U[g] + self.b[g]

        def forward(self, x, h, c):
            tau, sigma = torch.sigmoid, torch.tanh  # recurrent activation / activation
            i = tau(self._a('i', x, h))
            f = tau(self._a('f', x, h))
            ct = sigma(self._a('c', x, h))
            o = tau(self._a('o', x, h))
            c = f * c + i * ct
            h = o * tau(c)
            return h, c
    return Cell()


# sslotin/universum-dl recurrent_networks.ipynb cells 2-4 (abstract RNN h_t = f(x, h_{t-1})); refuse: f is
# never given. Most plausible reading built here: Elman cell f(x, h) = tanh(W x + U h + b) with W h x x,
# U h x h, b h; Count: hx + h^2 + h.
@_export
def h52a_sslotin_rnn(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.cell = nn.RNNCell(x, h, bias=False)
            self.b = _p(h)

        def forward(self, xt, ht):
            return torch.tanh(xt @ self.cell.weight_ih.T + ht @ self.cell.weight_hh.T + self.b)
    return Cell()


# lab-ml-itba/12-RNN 1_RNN_intro.ipynb cells 12-13 (Elman RNN + softmax output); W_h h x h, W_x x x h (used
# transposed), b_h h, W_o h x y, b_o y; Count: h^2 + xh + h + hy + y.
@_export
def h52a_itba_rnn(x=7, h=5, y=3):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_h = _p(h, h)
            self.W_x = _p(x, h)
            self.b_h = _p(h)
            self.W_o = _p(h, y)
            self.b_o = _p(y)

        def forward(self, X, hp):
            ht = torch.tanh(hp @ self.W_h + X @ self.W_x + self.b_h)
            yt = torch.softmax(ht @ self.W_o + self.b_o, -1)
            return ht, yt
    return Cell()


# AI-Core/Recurrent-Neural-Networks RNN.ipynb (old version) cell 0; refuse: h_t = f(x_t, h_{t-1}) abstract, bias
# and output function unstated. Most plausible reading: h_t = tanh(U x_t + W h_{t-1}), o_t = V h_t ("linear
# combination followed by an activation"), U h x x, W h x h, V o x h, no biases; Count: hx + h^2 + oh.
@_export
def h52a_aicore_rnn(x=7, h=5, o=3):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.U = _p(h, x)
            self.W = _p(h, h)
            self.V = _p(o, h)

        def forward(self, xt, ht):
            ht = torch.tanh(xt @ self.U.T + ht @ self.W.T)
            return ht, ht @ self.V.T
    return Cell()


# FaridRasulov/QRNN QRNN.ipynb (2020 version) cells 8-12 (QRNN, fo-pooling); W_z, W_f, W_o each a width-k
# convolution with m filters over n-dim inputs (m x n x k), no biases written, pooling parameterless;
# Count: 3mnk.
@_export
def h52a_qrnn_fo(n=7, m=5, k=2):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.conv = nn.ModuleDict({g: nn.Conv1d(n, m, k, bias=False) for g in 'zfo'})

        def forward(self, xwin, c):
            # xwin: (batch, n, k) = the last k inputs x_{t-k+1..t}
            z = torch.tanh(self.conv['z'](xwin)[..., -1])
            f = torch.sigmoid(self.conv['f'](xwin)[..., -1])
            o = torch.sigmoid(self.conv['o'](xwin)[..., -1])
            c = f * c + (1 - f) * z
            return o * c, c
    return Cell()


# mila-iqia/ivado-mila-dl-school-2019 RNN_solution.ipynb (2019 version) cell 7 lines 2-20 (vanilla RNN);
# psi = identity (d_e-dim input), W d_h x d_e, U d_h x d_h, b_h d_h, g = tanh; Count: d_h d_e + d_h^2 + d_h.
@_export
def h52a_mila_rnn(d_e=7, d_h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W = _p(d_h, d_e)
            self.U = _p(d_h, d_h)
            self.b_h = _p(d_h)

        def forward(self, x, h):
            return torch.tanh(x @ self.W.T + h @ self.U.T + self.b_h)
    return Cell()


# mila-iqia/ivado-mila-dl-school-2019 RNN_solution.ipynb (2019 version) cell 8 (LSTM); psi = identity,
# W_g h x x, U_g h x h, b_g h for g in o, f, i, c (the twelve parameters listed in the text);
# Count: 4(hx + h^2 + h).
@_export
def h52a_mila_lstm(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.lin = nn.ModuleDict({g: nn.Linear(x, h) for g in 'ofic'})
            self.U = nn.ModuleDict({g: nn.Linear(h, h, bias=False) for g in 'ofic'})

        def forward(self, xt, ht, ct):
            a = {g: self.lin[g](xt) + self.U[g](ht) for g in 'ofic'}
            o, f, i = torch.sigmoid(a['o']), torch.sigmoid(a['f']), torch.sigmoid(a['i'])
            ct = f * ct + i * torch.tanh(a['c'])
            return o * torch.tanh(ct), ct
    return Cell()


