"""Oracles for the h40c set-aside snippets (heldout40), as its gatherer wrote them."""
import torch
from torch import nn

__all__ = []


def _export(f):
    __all__.append(f.__name__)
    return f


def _p(*shape):
    return nn.Parameter(torch.randn(*shape) * 0.1)


# gorgonia/gorgonia.github.io, content/tutorials/lstm.md (LSTM with forget gate); W_f, W_i, W_o, W_c (h, d),
# U_f, U_i, U_o, U_c (h, h), b_f, b_i, b_o, b_c (h); Count: 4*(h*d + h*h + h).
@_export
def h40c_gorgonia_lstm(d=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W = nn.ParameterDict({g: _p(h, d) for g in 'fioc'})
            self.U = nn.ParameterDict({g: _p(h, h) for g in 'fioc'})
            self.b = nn.ParameterDict({g: _p(h) for g in 'fioc'})

        def forward(self, xt, hprev, cprev):
            a = {g: xt @ self.W[g].T + hprev @ self.U[g].T + self.b[g] for g in 'fioc'}
            f, i, o = (torch.sigmoid(a[g]) for g in 'fio')
            c = f * cprev + i * torch.tanh(a['c'])
            return o * torch.tanh(c), c
    return Cell()


# Taot-chen/hand-craft-llm, docs/rnn.md (RNN 公式 + 输出); row-vector form: W_xh (x, h), W_hh (h, h), b_h (h),
# output W_hy (y, h), b_y (y); f taken as tanh; Count: x*h + h*h + h + y*h + y.
@_export
def h40c_taotchen_rnn(x=7, h=5, y=3):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_xh = _p(x, h)
            self.W_hh = _p(h, h)
            self.b_h = _p(h)
            self.W_hy = _p(y, h)
            self.b_y = _p(y)

        def forward(self, xt, hprev):
            ht = torch.tanh(hprev @ self.W_hh + xt @ self.W_xh + self.b_h)
            yt = ht @ self.W_hy.T + self.b_y
            return yt, ht
    return Cell()


# loclv/nn-kb, docs/rnn.md section 2 (LSTM); gate formulas are never written (only a table of roles and
# c_t, h_t); most plausible reading: standard LSTM, per gate W (h, x), U (h, h), b (h) for f, i, c~, o;
# Count: 4*(h*x + h*h + h). (Refuse: the gates' inputs, weights and biases are not in the text.)
@_export
def h40c_loclv_lstm(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W = nn.ParameterDict({g: _p(h, x) for g in 'fico'})
            self.U = nn.ParameterDict({g: _p(h, h) for g in 'fico'})
            self.b = nn.ParameterDict({g: _p(h) for g in 'fico'})

        def forward(self, xt, hprev, cprev):
            a = {g: xt @ self.W[g].T + hprev @ self.U[g].T + self.b[g] for g in 'fico'}
            f, i, o = (torch.sigmoid(a[g]) for g in 'fio')
            c = f * cprev + i * torch.tanh(a['c'])
            return o * torch.tanh(c), c
    return Cell()


# mnotchc/lintongmao.github.io, docs/rnn.md section 2.3 (GRU); U_z, U_r, U_h (h, h), W_z, W_r, W_h (h, x),
# b_z, b_r, b_h (h); Count: 3*(h*h + h*x + h).
@_export
def h40c_lintongmao_gru(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.U = nn.ParameterDict({g: _p(h, h) for g in 'zrh'})
            self.W = nn.ParameterDict({g: _p(h, x) for g in 'zrh'})
            self.b = nn.ParameterDict({g: _p(h) for g in 'zrh'})

        def forward(self, xt, hprev):
            z = torch.sigmoid(hprev @ self.U['z'].T + xt @ self.W['z'].T + self.b['z'])
            r = torch.sigmoid(hprev @ self.U['r'].T + xt @ self.W['r'].T + self.b['r'])
            hh = torch.tanh((r * hprev) @ self.U['h'].T + xt @ self.W['h'].T + self.b['h'])
            return z * hprev + (1 - z) * hh
    return Cell()


# owulveryck/blog, simple-rnn-in-go.md (RNN object + step, Go code); wxh (h, x), whh (h, h), bh (h),
# why (x, h), by (x): the output is the same one-hot encoding as the input; Count: 2*h*x + h*h + h + x.
@_export
def h40c_owulveryck_rnn(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.wxh = _p(h, x)
            self.whh = _p(h, h)
            self.bh = _p(h)
            self.why = _p(x, h)
            self.by = _p(x)

        def forward(self, xt, hprev):
            ht = torch.tanh(xt @ self.wxh.T + hprev @ self.whh.T + self.bh)
            y = ht @ self.why.T + self.by
            return y, ht
    return Cell()


# GoGradually/Artificial-Neural-Network-Obsidian, RNN note (Korean); W_aa (a, a), W_ax (a, x), b_a (a),
# W_ya (y, a), b_y (y); the written biases are counted although the prose names only the three W;
# g_h = tanh, g_o taken as softmax; Count: a*a + a*x + a + y*a + y.
@_export
def h40c_gogradually_rnn(x=7, a=5, y=3):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_aa = _p(a, a)
            self.W_ax = _p(a, x)
            self.b_a = _p(a)
            self.W_ya = _p(y, a)
            self.b_y = _p(y)

        def forward(self, xt, aprev):
            at = torch.tanh(aprev @ self.W_aa.T + xt @ self.W_ax.T + self.b_a)
            yt = torch.softmax(at @ self.W_ya.T + self.b_y, -1)
            return yt, at
    return Cell()


# AnderSwartz/ML-Obsidian-Notes, LSTM.md; only It = sigmoid(XtWxi + Ht-1Whi + b) is written; most plausible
# reading: the same form for forget gate, output gate and tanh candidate, each with its own Wx* (x, h),
# Wh* (h, h) and bias (h); Count: 4*(x*h + h*h + h). (Refuse: three of four blocks and the bias sharing
# are not in the text.)
@_export
def h40c_anderswartz_lstm(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.Wx = nn.ParameterDict({g: _p(x, h) for g in 'ifoc'})
            self.Wh = nn.ParameterDict({g: _p(h, h) for g in 'ifoc'})
            self.b = nn.ParameterDict({g: _p(h) for g in 'ifoc'})

        def forward(self, xt, hprev, cprev):
            a = {g: xt @ self.Wx[g] + hprev @ self.Wh[g] + self.b[g] for g in 'ifoc'}
            i, f, o = (torch.sigmoid(a[g]) for g in 'ifo')
            c = f * cprev + i * torch.tanh(a['c'])
            return o * torch.tanh(c), c
    return Cell()


# iclr-blogposts/2025, 2025-04-28-linrec.md (Mamba with a Linear Recurrence); d_inner D = expand*d_model;
# A (D, d_state); in_proj nn.Linear(d_model, 3*D + 2*ngroups*d_state) with its default bias, split into
# the unused first chunk, u, B, C, dt; one step of the selective scan; Count: D*N + (d_model+1)*(3D + 2GN).
@_export
def h40c_iclr_linrec_mamba(d_model=6, expand=2, d_state=4, ngroups=1):
    D, N, G = expand * d_model, d_state, ngroups

    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.A = _p(D, N)
            self.in_proj = nn.Linear(d_model, D + D + G * N + G * N + D)

        def forward(self, xt, hprev):
            _, u, B, C, dt = torch.split(self.in_proj(xt), [D, D, G * N, G * N, D], dim=-1)
            B = B.view(-1, G, 1, N).expand(-1, G, D // G, N).reshape(-1, D, N)
            C = C.view(-1, G, 1, N).expand(-1, G, D // G, N).reshape(-1, D, N)
            dt = nn.functional.softplus(dt).unsqueeze(-1)
            A = -torch.exp(self.A)
            h = torch.exp(A * dt) * hprev + (B * dt) * u.unsqueeze(-1)
            y = (C * h).sum(-1)
            return y, h
    return Cell()


# itsmontoya/neuralnetwork, docs/rnn.md (SimpleRNN, Recurrence and Shapes); inputWeights
# (inputFeatureSize, hiddenSize), recurrentWeights (hiddenSize, hiddenSize), biases (1, hiddenSize);
# Count: inputFeatureSize*hiddenSize + hiddenSize*hiddenSize + hiddenSize.
@_export
def h40c_itsmontoya_simplernn(inputFeatureSize=7, hiddenSize=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.inputWeights = _p(inputFeatureSize, hiddenSize)
            self.recurrentWeights = _p(hiddenSize, hiddenSize)
            self.biases = _p(1, hiddenSize)

        def forward(self, xt, hprev):
            return torch.tanh(self.biases + xt @ self.inputWeights + hprev @ self.recurrentWeights)
    return Cell()


# AugustinMauroy/neuralnetwork, docs/rnn.md (class RNN API page); no weights are named; most plausible
# reading: Elman RNN with output layer, input-to-hidden (inputSize, hiddenSize), hidden-to-hidden
# (hiddenSize, hiddenSize), hidden-to-output (hiddenSize, outputSize), hidden and output biases;
# Count: i*h + h*h + h*o + h + o. (Refuse: the text names sizes and activations only.)
@_export
def h40c_augustinmauroy_rnn(inputSize=7, hiddenSize=5, outputSize=3):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.inputToHidden = _p(inputSize, hiddenSize)
            self.hiddenToHidden = _p(hiddenSize, hiddenSize)
            self.hiddenToOutput = _p(hiddenSize, outputSize)
            self.b_hidden = _p(hiddenSize)
            self.b_output = _p(outputSize)

        def forward(self, xt, hprev):
            ht = torch.tanh(xt @ self.inputToHidden + hprev @ self.hiddenToHidden + self.b_hidden)
            yt = torch.sigmoid(ht @ self.hiddenToOutput + self.b_output)
            return yt, ht
    return Cell()


# Neo1024/Note, LSTM.md (LSTM structure); U^i, U^f, U^o, U^c (h, x), W^i, W^f, W^o, W^c (h, h), no bias
# written; output layer V (o, h), no bias; Count: 4*(h*x + h*h) + o*h.
@_export
def h40c_neo1024_lstm(x=7, h=5, o=3):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.U = nn.ParameterDict({g: _p(h, x) for g in 'ifoc'})
            self.W = nn.ParameterDict({g: _p(h, h) for g in 'ifoc'})
            self.V = _p(o, h)

        def forward(self, xt, hprev, cprev):
            a = {g: xt @ self.U[g].T + hprev @ self.W[g].T for g in 'ifoc'}
            i, f, og = (torch.sigmoid(a[g]) for g in 'ifo')
            c = i * torch.tanh(a['c']) + f * cprev
            ht = og * torch.tanh(c)
            return ht @ self.V.T, ht, c
    return Cell()
