"""Oracles for the h46d set-aside snippets (heldout46), as its gatherer wrote them."""
import torch
from torch import nn

__all__ = []


def _export(f):
    __all__.append(f.__name__)
    return f


def _p(*shape):
    return nn.Parameter(torch.randn(*shape) * 0.1)


# Korali GRU layer docs (wadaniel/korali gru/README.rst); gates z, r and candidate h-hat each with
# W (h x x), U (h x h), b (h); Count: 3*(h*x + h*h + h).
@_export
def h46d_korali_gru(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W = nn.ParameterDict({g: _p(h, x) for g in "zrh"})
            self.U = nn.ParameterDict({g: _p(h, h) for g in "zrh"})
            self.b = nn.ParameterDict({g: _p(h) for g in "zrh"})

        def forward(self, xt, hp):
            z = torch.sigmoid(self.W["z"] @ xt + self.U["z"] @ hp + self.b["z"])
            r = torch.sigmoid(self.W["r"] @ xt + self.U["r"] @ hp + self.b["r"])
            hh = torch.tanh(self.W["h"] @ xt + self.U["h"] @ (r * hp) + self.b["h"])
            return (1 - z) * hp + z * hh
    return Cell()


# Korali LSTM layer docs (wadaniel/korali lstm/README.rst); f, i, o, c-tilde each with W (h x x),
# U (h x h), b (h); Count: 4*(h*x + h*h + h).
@_export
def h46d_korali_lstm(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W = nn.ParameterDict({g: _p(h, x) for g in "fioc"})
            self.U = nn.ParameterDict({g: _p(h, h) for g in "fioc"})
            self.b = nn.ParameterDict({g: _p(h) for g in "fioc"})

        def forward(self, xt, hp, cp):
            a = {g: self.W[g] @ xt + self.U[g] @ hp + self.b[g] for g in "fioc"}
            f, i, o = (torch.sigmoid(a[k]) for k in "fio")
            c = f * cp + i * torch.tanh(a["c"])
            return o * torch.tanh(c), c
    return Cell()


# DL4S GRU.swift (palle-k/DL4S) init + step code; W_z, W_r, W_h (inputSize x hiddenSize),
# U_z, U_r, U_h (hiddenSize x hiddenSize), b_z, b_r, b_h (hiddenSize); reset on h_p before U_h;
# Count: 3*(inputSize*hiddenSize + hiddenSize^2 + hiddenSize).
@_export
def h46d_dl4s_gru(inputSize=7, hiddenSize=5):
    x, h = inputSize, hiddenSize

    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W = nn.ParameterDict({g: _p(x, h) for g in "zrh"})
            self.U = nn.ParameterDict({g: _p(h, h) for g in "zrh"})
            self.b = nn.ParameterDict({g: _p(h) for g in "zrh"})

        def forward(self, xt, hp):
            z = torch.sigmoid(xt @ self.W["z"] + hp @ self.U["z"] + self.b["z"])
            r = torch.sigmoid(xt @ self.W["r"] + hp @ self.U["r"] + self.b["r"])
            cand = torch.tanh(xt @ self.W["h"] + (r * hp) @ self.U["h"] + self.b["h"])
            return (1 - z) * hp + z * cand
    return Cell()


# MatConvNet vl_nnlstm.m help header (vlfeat/matconvnet); one packed W of size (4*d) x (m+d)
# acting on [x; hp] and one bias b (4*d); standard LSTM gates i, f, o, g (Donahue et al.);
# Count: 4*d*(m+d) + 4*d.
@_export
def h46d_matconvnet_lstm(m=7, d=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W = _p(4 * d, m + d)
            self.b = _p(4 * d)

        def forward(self, x, hp, cp):
            a = self.W @ torch.cat([x, hp]) + self.b
            ig, fg, og = (torch.sigmoid(a[k * d:(k + 1) * d]) for k in range(3))
            gg = torch.tanh(a[3 * d:])
            cn = fg * cp + ig * gg
            return og * torch.tanh(cn), cn
    return Cell()


# OpenSeq2Seq BasicSLSTMCell (NVIDIA/OpenSeq2Seq slstm.py); _linear(inputs, 4*num_units, True) =
# kernel (input_size x 4*num_units) + bias (4*num_units), input only (no recurrent weight);
# forget_bias is a constant; Count: 4*num_units*input_size + 4*num_units.
@_export
def h46d_openseq2seq_slstm(input_size=7, num_units=5):
    n = num_units

    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.kernel = _p(input_size, 4 * n)
            self.bias = _p(4 * n)

        def forward(self, x, c):
            i, j, f, o = torch.split(x @ self.kernel + self.bias, n, dim=-1)
            new_c = c * torch.sigmoid(f + 1.0) + torch.sigmoid(i) * torch.tanh(j)
            new_h = torch.tanh(new_c) * torch.sigmoid(o)
            return new_h, new_c
    return Cell()


# fundl mlstm1900_step (ericmjl/fundl unirep.py); docstring shapes: wmx (x, h), wmh (h, h),
# wx (x, 4h), wh (h, 4h), gains gmx (h), gmh (h), gx (4h), gh (4h), bias b (4h);
# m = (x wmx) * (h wmh); z = x wx + m wh + b; Count: x*h + h*h + 4*x*h + 4*h*h + 2*h + 8*h + 4*h.
@_export
def h46d_fundl_mlstm(x=10, h=1900):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.wmx, self.wmh = _p(x, h), _p(h, h)
            self.wx, self.wh = _p(x, 4 * h), _p(h, 4 * h)
            self.gmx, self.gmh = _p(h), _p(h)
            self.gx, self.gh = _p(4 * h), _p(4 * h)
            self.b = _p(4 * h)

        @staticmethod
        def _wn(w, g):
            return w / w.norm(dim=0, keepdim=True) * g

        def forward(self, xt, ht, ct):
            wx, wh = self._wn(self.wx, self.gx), self._wn(self.wh, self.gh)
            wmx, wmh = self._wn(self.wmx, self.gmx), self._wn(self.wmh, self.gmh)
            m = (xt @ wmx) * (ht @ wmh)
            z = xt @ wx + m @ wh + self.b
            i, f, o, u = torch.split(z, h, dim=-1)
            ct = torch.sigmoid(f) * ct + torch.sigmoid(i) * torch.tanh(u)
            return torch.sigmoid(o) * torch.tanh(ct), ct
    return Cell()


# tensorflow_scala LSTMCell scaladoc (eaplatanios/tensorflow_scala); refuse-marked: peepholes and
# projection are optional and unsized. Most plausible reading = defaults (null peepholes, no
# projection): kernel ((x+h) x 4h) on [x, m_prev], bias (4h); Count: 4*h*(x+h) + 4*h.
@_export
def h46d_tfscala_lstm(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.kernel = _p(x + h, 4 * h)
            self.bias = _p(4 * h)

        def forward(self, xt, m_prev, c_prev):
            i, j, f, o = torch.split(torch.cat([xt, m_prev], -1) @ self.kernel + self.bias, h, dim=-1)
            c = c_prev * torch.sigmoid(f + 1.0) + torch.sigmoid(i) * torch.tanh(j)
            return torch.tanh(c) * torch.sigmoid(o), c
    return Cell()


# NeuralNet (Elixir) README GRU section (knewter/neural_net); refuse-marked: whether each DSL layer
# has a bias is never stated. Reading built here = the library's layers as weight-only (no bias,
# as its implementation has none): update_gate, prev_out_gate, update_candidate each a weight
# (h x (x+h)) over the concatenated inputs; Count: 3*h*(x+h)  (195 if a bias per layer is assumed).
@_export
def h46d_elixir_neuralnet_gru(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.Wu = _p(h, x + h)
            self.Wr = _p(h, x + h)
            self.Wc = _p(h, x + h)

        def forward(self, xt, hp):
            u = torch.sigmoid(self.Wu @ torch.cat([xt, hp]))
            r = torch.sigmoid(self.Wr @ torch.cat([xt, hp]))
            cand = torch.tanh(self.Wc @ torch.cat([xt, r * hp]))
            return hp * (1 - u) + cand * u
    return Cell()
