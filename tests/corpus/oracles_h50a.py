"""Oracles for the h50a set-aside snippets (heldout50), as its gatherer wrote them."""
import torch
from torch import nn

__all__ = []


def _export(f):
    __all__.append(f.__name__)
    return f


def _p(*shape):
    return nn.Parameter(torch.randn(*shape) * 0.1)


# akkikiki/keras-yoshinari 'LSTM and GRU.ipynb' cell 35 (LSTM gates); as written: four input weights W^{x_g} (d_x x d_h)
# and four recurrent weights W^{h_g} (d_h x d_h), no bias in any equation (the prose adds '(plus the bias vector)',
# see MANIFEST: refuse). c_i, h_i updates are not written (figure); built as the standard cell with no parameters.
# Count: 4*(d_x*d_h + d_h*d_h).
@_export
def h50a_akkikiki_lstm(d_x=7, d_h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.Wx = nn.ParameterDict({g: _p(d_x, d_h) for g in ['input', 'output', 'forget', 'candidate']})
            self.Wh = nn.ParameterDict({g: _p(d_h, d_h) for g in ['input', 'output', 'forget', 'candidate']})

        def forward(self, x, h, c):
            pre = {g: x @ self.Wx[g] + h @ self.Wh[g] for g in self.Wx}
            i, o, f = (torch.sigmoid(pre[g]) for g in ['input', 'output', 'forget'])
            g = torch.tanh(pre['candidate'])
            c = f * c + i * g
            h = o * torch.tanh(c)
            return h, c
    return Cell()


# akkikiki/keras-yoshinari 'LSTM and GRU.ipynb' cell 27 (simple RNN); W^x (d_x x d_s), W^s (d_s x d_s), b (d_s);
# y_i = s_i or a softmax of it (no output weight). Count: d_x*d_s + d_s*d_s + d_s.
@_export
def h50a_akkikiki_rnn(d_x=7, d_s=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.Wx = _p(d_s, d_x)
            self.Ws = _p(d_s, d_s)
            self.b = _p(d_s)

        def forward(self, x, s):
            s = torch.tanh(x @ self.Wx.T + s @ self.Ws.T + self.b)
            return s, s
    return Cell()


# martinkersner/rnn-meetup recurrent-neural-network.ipynb cell 7 (single RNN cell, NumPy in a markdown code block);
# W_xh [n_input_features, n_neurons], W_hh [n_neurons, n_neurons], W_hy [n_neurons, n_outputs], no biases.
# Count: n_input_features*n_neurons + n_neurons^2 + n_neurons*n_outputs.
@_export
def h50a_martinkersner_rnn(n_input_features=7, n_neurons=5, n_outputs=3):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_xh = _p(n_input_features, n_neurons)
            self.W_hh = _p(n_neurons, n_neurons)
            self.W_hy = _p(n_neurons, n_outputs)

        def forward(self, x, h):
            h = torch.tanh(x @ self.W_xh + h @ self.W_hh)
            y = h @ self.W_hy
            return y, h
    return Cell()


# qhduan/MachineLearningMemory RNN/LSTM.ipynb cell 11; per gate f, i, o and the candidate (inside c_t): W (x, h) on X,
# U (h, h) on h_{t-1}, b (h); sigma_h has no parameters (tanh or identity). Count: 4*(x*h + h*h + h).
@_export
def h50a_qhduan_lstm(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W = nn.ParameterDict({g: _p(x, h) for g in 'fioc'})
            self.U = nn.ParameterDict({g: _p(h, h) for g in 'fioc'})
            self.b = nn.ParameterDict({g: _p(h) for g in 'fioc'})

        def forward(self, X, h_prev, c_prev):
            f = torch.sigmoid(X @ self.W['f'] + h_prev @ self.U['f'] + self.b['f'])
            i = torch.sigmoid(X @ self.W['i'] + h_prev @ self.U['i'] + self.b['i'])
            o = torch.sigmoid(X @ self.W['o'] + h_prev @ self.U['o'] + self.b['o'])
            c = f * c_prev + i * torch.tanh(X @ self.W['c'] + h_prev @ self.U['c'] + self.b['c'])
            h_t = o * torch.tanh(c)
            return h_t, c
    return Cell()


# qhduan/MachineLearningMemory RNN/RNN.ipynb cell 11 (Elman); W_h (h, h), b_h (h), W_x (x, h), b_x (h), W_y (h, y),
# b_y (y): two hidden biases as written. Count: h*h + h + x*h + h + h*y + y.
@_export
def h50a_qhduan_rnn(x=7, h=5, y=3):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_h, self.b_h = _p(h, h), _p(h)
            self.W_x, self.b_x = _p(x, h), _p(h)
            self.W_y, self.b_y = _p(h, y), _p(y)

        def forward(self, X, h_prev):
            h_t = torch.tanh(h_prev @ self.W_h + self.b_h + X @ self.W_x + self.b_x)
            return h_t @ self.W_y + self.b_y, h_t
    return Cell()


# wikistat/High-Dimensional-Deep-Learning RNN/RNN.ipynb cells 25-28 (many-to-one RNN); W_xh (n_h, n_x), W_hh (n_h, n_h),
# W_hy (n_y, n_h), b_h (n_h), b_y (n_y). Count: n_h*n_x + n_h^2 + n_y*n_h + n_h + n_y.
@_export
def h50a_wikistat_rnn(n_x=7, n_h=5, n_y=3):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_xh, self.W_hh, self.W_hy = _p(n_h, n_x), _p(n_h, n_h), _p(n_y, n_h)
            self.b_h, self.b_y = _p(n_h), _p(n_y)

        def forward(self, x, h):
            h = torch.tanh(x @ self.W_xh.T + h @ self.W_hh.T + self.b_h)
            return h @ self.W_hy.T + self.b_y, h
    return Cell()


# AlirezaKamyab/NLP 'GRU/Gated Recurrent Unit.ipynb' cell 0, lines 13-39 (GRU with reset gate and output layer; the
# first align block is a reset-free version whose parameters all recur in the second); per gate r, u and candidate c:
# W_{gg} (c, c), W_{gx} (c, x), b_g (c); output W_{ya} (y, c), b_y (y); g_1 = tanh, g_2 parameter-free.
# Count: 3*(c*c + c*x + c) + y*c + y.
@_export
def h50a_alireza_gru(x=7, c=5, y=3):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.Wc = nn.ParameterDict({g: _p(c, c) for g in 'ruc'})
            self.Wx = nn.ParameterDict({g: _p(c, x) for g in 'ruc'})
            self.b = nn.ParameterDict({g: _p(c) for g in 'ruc'})
            self.W_ya, self.b_y = _p(y, c), _p(y)

        def forward(self, x_t, c_prev):
            r = torch.sigmoid(c_prev @ self.Wc['r'].T + x_t @ self.Wx['r'].T + self.b['r'])
            c_tilde = torch.tanh((r * c_prev) @ self.Wc['c'].T + x_t @ self.Wx['c'].T + self.b['c'])
            u = torch.sigmoid(c_prev @ self.Wc['u'].T + x_t @ self.Wx['u'].T + self.b['u'])
            c_t = u * c_tilde + (1 - u) * c_prev
            return torch.softmax(c_t @ self.W_ya.T + self.b_y, -1), c_t
    return Cell()


# AlirezaKamyab/NLP 'LSTM/LSTM.ipynb' cell 0, lines 17-end (LSTM; a^{<t-1>} in the gates is the h^{<t>} produced);
# per gate f, i, o and candidate c: W_{gg} (h, h), W_{gx} (h, x), b_g (h). Count: 4*(h*h + h*x + h).
@_export
def h50a_alireza_lstm(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.Wa = nn.ParameterDict({g: _p(h, h) for g in 'cfio'})
            self.Wx = nn.ParameterDict({g: _p(h, x) for g in 'cfio'})
            self.b = nn.ParameterDict({g: _p(h) for g in 'cfio'})

        def forward(self, x_t, a_prev, c_prev):
            pre = {g: a_prev @ self.Wa[g].T + x_t @ self.Wx[g].T + self.b[g] for g in 'cfio'}
            c_hat = torch.tanh(pre['c'])
            f, i, o = (torch.sigmoid(pre[g]) for g in 'fio')
            c_t = f * c_prev + i * c_hat
            return o * torch.tanh(c_t), c_t
    return Cell()


# BrdH7940/NLP-From-Scratch LSTM/LSTM.ipynb cell 4 lines 1-59 (stacked LSTM + softmax output over the vocabulary);
# W_x (4D_h, d) with d = V since the one-hot x_t in {0,1}^V is used directly, W_h (4D_h, D_h), b (4D_h),
# W_y (V, D_h), b_y (V). Count: 4*D_h*V + 4*D_h*D_h + 4*D_h + V*D_h + V.
@_export
def h50a_brdh_lstm(V=7, D_h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_x, self.W_h, self.b = _p(4 * D_h, V), _p(4 * D_h, D_h), _p(4 * D_h)
            self.W_y, self.b_y = _p(V, D_h), _p(V)

        def forward(self, x, h, c):
            a = h @ self.W_h.T + x @ self.W_x.T + self.b
            a_f, a_i, a_c, a_o = a.chunk(4, -1)
            f, i, o = torch.sigmoid(a_f), torch.sigmoid(a_i), torch.sigmoid(a_o)
            c = f * c + i * torch.tanh(a_c)
            h = o * torch.tanh(c)
            return torch.softmax(h @ self.W_y.T + self.b_y, -1), h, c
    return Cell()


# joshuazhou744/paper-replicating lstm/lstm_replicating.ipynb cells 23-24; written: forget, candidate and input gates,
# each U_g (h, x), V_g (h, h), b_g (h); the output gate has prose but no equation (see MANIFEST: refuse). Built as the
# standard LSTM, the output gate in the same form (U_o, V_o, b_o). Count: 4*(h*x + h*h + h) (3*(...) = 195 if only
# the written gates are counted).
@_export
def h50a_joshua_lstm(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.U = nn.ParameterDict({g: _p(h, x) for g in 'fcio'})
            self.V = nn.ParameterDict({g: _p(h, h) for g in 'fcio'})
            self.b = nn.ParameterDict({g: _p(h) for g in 'fcio'})

        def forward(self, x_t, h_prev, c_prev):
            pre = {g: x_t @ self.U[g].T + h_prev @ self.V[g].T + self.b[g] for g in 'fcio'}
            f, i, o = torch.sigmoid(pre['f']), torch.sigmoid(pre['i']), torch.sigmoid(pre['o'])
            g = torch.tanh(pre['c'])
            c_t = f * c_prev + i * g
            return o * torch.tanh(c_t), c_t
    return Cell()


# EdwardJRoss/skeptric mamba/index.ipynb cell 101 (S6 step, one token); read as the blog's own s6 code does: A (D, N),
# s_B (D, N) and s_C (D, N) without bias, s_Delta = U_Delta (D, R) V_Delta (R, D) with R = D/32, the 'Parameter' inside
# tau_Delta a bias (D), skip D per channel (D) although the box says (1, N) (see MANIFEST: refuse).
# Count: 3*D*N + 2*D*R + D + D.
@_export
def h50a_skeptric_s6(D=64, N=4):
    R = D // 32

    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.A = nn.Parameter(-torch.rand(D, N))
            self.s_B, self.s_C = _p(D, N), _p(D, N)
            self.U_d, self.V_d, self.bias_d = _p(D, R), _p(R, D), _p(D)
            self.D = _p(D)

        def forward(self, x, h):
            B, C = x @ self.s_B, x @ self.s_C
            delta = torch.nn.functional.softplus((x @ self.U_d) @ self.V_d + self.bias_d).unsqueeze(-1)
            A_bar, B_bar = torch.exp(delta * self.A), delta * B.unsqueeze(1)
            h = A_bar * h + B_bar * x.unsqueeze(-1)
            y = (C.unsqueeze(1) * h).sum(-1) + self.D * x
            return y, h
    return Cell()


# dkoshman/ysda_machine_learning Sem2_Natural_Language_Processing.ipynb cells 8-10 (GRU with linear output);
# per z, r and candidate: W^{gx} (h, x), W^{gh} (h, h), bias (h) (the update gate's bias is named b_i);
# output W^{yh} (y, h), b_y (y). Count: 3*(h*x + h*h + h) + y*h + y.
@_export
def h50a_ysda_gru(x=7, h=5, y=3):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.Wx = nn.ParameterDict({g: _p(h, x) for g in 'zrc'})
            self.Wh = nn.ParameterDict({g: _p(h, h) for g in 'zrc'})
            self.b = nn.ParameterDict({g: _p(h) for g in 'zrc'})
            self.W_y, self.b_y = _p(y, h), _p(y)

        def forward(self, X, H):
            z = torch.sigmoid(X @ self.Wx['z'].T + H @ self.Wh['z'].T + self.b['z'])
            r = torch.sigmoid(X @ self.Wx['r'].T + H @ self.Wh['r'].T + self.b['r'])
            H_tilde = torch.tanh(X @ self.Wx['c'].T + (r * H) @ self.Wh['c'].T + self.b['c'])
            H = (1 - z) * H + z * H_tilde
            return H @ self.W_y.T + self.b_y, H
    return Cell()
