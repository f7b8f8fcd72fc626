"""Oracles for the h36d set-aside snippets (heldout36), as its gatherer wrote them."""
import torch
from torch import nn

__all__ = []


def _export(f):
    __all__.append(f.__name__)
    return f


def _p(*shape):
    return nn.Parameter(torch.randn(*shape) * 0.1)


# equinox eqx.nn.GRUCell (code); weight_ih (3h,x), weight_hh (3h,h), bias (3h), bias_n (h); Count: 3h(x+h) + 3h + h.
@_export
def h36d_equinox_gru(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.weight_ih = _p(3 * h, x)
            self.weight_hh = _p(3 * h, h)
            self.bias = _p(3 * h)
            self.bias_n = _p(h)

        def forward(self, inp, hidden):
            ig = (self.weight_ih @ inp.T).T + self.bias
            hg = (self.weight_hh @ hidden.T).T
            i0, i1, i2 = ig.chunk(3, -1)
            h0, h1, h2 = hg.chunk(3, -1)
            reset = torch.sigmoid(i0 + h0)
            upd = torch.sigmoid(i1 + h1)
            new = torch.tanh(i2 + reset * (h2 + self.bias_n))
            return new + upd * (hidden - new)
    return Cell()


# mindspore.cn nn.GRUCell doc (r2.4.0); W_i* (h,x) x3, W_h* (h,h) x3, b_i* (h) x3, b_h* (h) x3; Count: 3h(x+h) + 6h.
@_export
def h36d_mindspore_gru(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.ih = nn.Linear(x, 3 * h)
            self.hh = nn.Linear(h, 3 * h)

        def forward(self, xt, hp):
            ir, iz, inn = self.ih(xt).chunk(3, -1)
            hr, hz, hn = self.hh(hp).chunk(3, -1)
            r = torch.sigmoid(ir + hr)
            z = torch.sigmoid(iz + hz)
            n = torch.tanh(inn + r * hn)
            return (1 - z) * n + z * hp
    return Cell()


# paddlepaddle.org.cn SimpleRNNCell (cn); W_ih (h,x), W_hh (h,h), b_ih (h), b_hh (h); y_t = h_t; Count: h(x+h) + 2h.
@_export
def h36d_paddle_rnn(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.ih = nn.Linear(x, h)
            self.hh = nn.Linear(h, h)

        def forward(self, xt, hp):
            ht = torch.tanh(self.ih(xt) + self.hh(hp))
            return ht, ht
    return Cell()


# docs.openvino.ai ov::op::v0::LSTMCell; W (4h,x), R (4h,h), Wb (4h), Rb (4h), peepholes Pi,Pf,Po (h) each (Hadamard);
# Count: 4h(x+h) + 8h + 3h.
@_export
def h36d_openvino_lstmpeep(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W = _p(4 * h, x)
            self.R = _p(4 * h, h)
            self.Wb = _p(4 * h)
            self.Rb = _p(4 * h)
            self.Pi = _p(h)
            self.Pf = _p(h)
            self.Po = _p(h)

        def forward(self, X, H, C):
            g = X @ self.W.T + H @ self.R.T + self.Wb + self.Rb
            gi, gf, gc, go = g.chunk(4, -1)
            i = torch.sigmoid(gi + self.Pi * C)
            f = torch.sigmoid(gf + self.Pf * C)
            c = torch.tanh(gc)
            Cn = f * C + i * c
            o = torch.sigmoid(go + self.Po * Cn)
            return o * torch.tanh(Cn), Cn
    return Cell()


# docs.chainer.org StatefulPeepholeLSTM docstring (refuse: one "upward x + lateral h" for all gates, peep_* not said
# diagonal or full, bias not written). Most plausible reading = chainer's links: upward Linear(x,4h) with bias,
# lateral Linear(h,4h) no bias, peep_i/f/o Linear(h,h) no bias; Count: 4h*x + 4h + 4h*h + 3h*h.
@_export
def h36d_chainer_peephole(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.upward = nn.Linear(x, 4 * h)
            self.lateral = nn.Linear(h, 4 * h, bias=False)
            self.peep_i = nn.Linear(h, h, bias=False)
            self.peep_f = nn.Linear(h, h, bias=False)
            self.peep_o = nn.Linear(h, h, bias=False)

        def forward(self, xt, hp, c):
            a, i, f, o = (self.upward(xt) + self.lateral(hp)).chunk(4, -1)
            a = torch.tanh(a)
            i = torch.sigmoid(i + self.peep_i(c))
            f = torch.sigmoid(f + self.peep_f(c))
            cn = a * i + f * c
            o = torch.sigmoid(o + self.peep_o(cn))
            return o * torch.tanh(cn), cn
    return Cell()


# flax.readthedocs.io linen.LSTMCell (v0.6.10); W_i* (h,x) x4 no bias, W_h* (h,h) x4, b_h* (h) x4; Count: 4h(x+h) + 4h.
@_export
def h36d_flax_lstm(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.ii = nn.Linear(x, 4 * h, bias=False)
            self.hh = nn.Linear(h, 4 * h)

        def forward(self, xt, hp, c):
            i, f, g, o = (self.ii(xt) + self.hh(hp)).chunk(4, -1)
            i, f, o = torch.sigmoid(i), torch.sigmoid(f), torch.sigmoid(o)
            g = torch.tanh(g)
            cn = f * c + i * g
            return o * torch.tanh(cn), cn
    return Cell()


# rubydoc.info ruby-dnn SimpleRNNCell; weight (x,h), recurrent_weight (h,h), bias (h); Count: h(x+h) + h.
@_export
def h36d_rubydnn_rnn(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.weight = _p(x, h)
            self.recurrent_weight = _p(h, h)
            self.bias = _p(h)

        def forward(self, xt, hp):
            return torch.tanh(xt @ self.weight + hp @ self.recurrent_weight + self.bias)
    return Cell()


# marian-nmt.github.io cells.h class Tanh (refuse: the count hangs on the layer-normalization option, which adds
# gamma1/gamma2 {1, 3*dimState}, and the step equation is not in the excerpt). Most plausible reading = defaults
# (no layer norm): W {dimInput, dimState}, U {dimState, dimState}, b {1, dimState}; Count: dimInput*dimState + dimState^2 + dimState.
@_export
def h36d_marian_tanh(dimInput=7, dimState=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W = _p(dimInput, dimState)
            self.U = _p(dimState, dimState)
            self.b = _p(1, dimState)

        def forward(self, xt, s):
            return torch.tanh(xt @ self.W + s @ self.U + self.b)
    return Cell()


# mindspore.cn nn.LSTMCell (r1.8 en); W_*x (h,x) x4, W_*h (h,h) x4, b_*x and b_*h (h) x4 each; Count: 4h(x+h) + 8h.
@_export
def h36d_mindspore_lstm(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.ix = nn.Linear(x, 4 * h)
            self.ih = nn.Linear(h, 4 * h)

        def forward(self, xt, hp, c):
            i, f, g, o = (self.ix(xt) + self.ih(hp)).chunk(4, -1)
            i, f, o = torch.sigmoid(i), torch.sigmoid(f), torch.sigmoid(o)
            cn = f * c + i * torch.tanh(g)
            return o * torch.tanh(cn), cn
    return Cell()


# paddlepaddle.org.cn LSTMCell with proj_size (refuse: the projection makes h_{t-1} of size proj_size, but the
# recurrent weights are written W_{h*} h_{t-1} and elsewhere listed as (4*hidden_size, hidden_size); readings differ).
# Most plausible reading (LSTMP): weight_ih (4h,x), weight_hh (4h,p), bias_ih (4h), bias_hh (4h), W_proj (h,p);
# Count: 4h*x + 4h*p + 8h + h*p.
@_export
def h36d_paddle_lstmproj(x=7, h=5, proj_size=3):
    p = proj_size

    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.ih = nn.Linear(x, 4 * h)
            self.hh = nn.Linear(p, 4 * h)
            self.W_proj = _p(h, p)

        def forward(self, xt, hp, c):
            i, f, o, g = (self.ih(xt) + self.hh(hp)).chunk(4, -1)
            i, f, o, g = torch.sigmoid(i), torch.sigmoid(f), torch.sigmoid(o), torch.tanh(g)
            cn = f * c + i * g
            ht = (o * torch.tanh(cn)) @ self.W_proj
            return ht, cn
    return Cell()
