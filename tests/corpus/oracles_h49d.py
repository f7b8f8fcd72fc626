"""Oracles for the h49d set-aside snippets (heldout49), as its gatherer wrote them."""
import torch
from torch import nn

__all__ = []


def _export(f):
    __all__.append(f.__name__)
    return f


def _p(*shape):
    return nn.Parameter(torch.randn(*shape) * 0.1)


# tsl (TorchSpatiotemporal/tsl@000fdc5) GRUCell; the docstring writes PyTorch's GRU (W_i* (h,x), W_h* (h,h),
# b_i* and b_h* per gate: 3*(h*x + h*h + 2h) = 210) but the __init__ in the same excerpt builds three
# Linear(x+h, h) with one bias each; the oracle follows the code (what the class builds):
# Count: 3*((x+h)*h + h) = 195 (docstring reading: 210).
@_export
def h49d_tsl_gru(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.forget_gate = nn.Linear(x + h, h)
            self.update_gate = nn.Linear(x + h, h)
            self.candidate_gate = nn.Linear(x + h, h)

        def forward(self, xt, ht):
            xg = torch.cat([xt, ht], -1)
            r = torch.sigmoid(self.forget_gate(xg))
            u = torch.sigmoid(self.update_gate(xg))
            c = torch.tanh(self.candidate_gate(torch.cat([xt, r * ht], -1)))
            return u * ht + (1. - u) * c
    return Cell()


# Deepbox (jehaad1/Deepbox) LSTM class JSDoc + constructor; PyTorch-style gates, W_i* (h,x), W_h* (h,h), b_i* and b_h*
# per gate, numLayers default 1 (one layer); Count: 4*(h*x + h*h + 2h) = 280.
@_export
def h49d_deepbox_lstm(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.weight_ih_l0 = _p(4 * h, x)
            self.weight_hh_l0 = _p(4 * h, h)
            self.bias_ih_l0 = _p(4 * h)
            self.bias_hh_l0 = _p(4 * h)

        def forward(self, xt, state):
            ht, ct = state
            g = xt @ self.weight_ih_l0.T + self.bias_ih_l0 + ht @ self.weight_hh_l0.T + self.bias_hh_l0
            i, f, gg, o = g.chunk(4, -1)
            i, f, gg, o = torch.sigmoid(i), torch.sigmoid(f), torch.tanh(gg), torch.sigmoid(o)
            c = f * ct + i * gg
            return o * torch.tanh(c), c
    return Cell()


# TorchLean (lean-dojo/TorchLean) LSTMSpec: four gates, each weight [hiddenSize, inputSize + hiddenSize] on
# [x_t; h_{t-1}] and one bias [hiddenSize]; Count: 4*(h*(x+h) + h) = 260.
@_export
def h49d_torchlean_lstm(inputSize=7, hiddenSize=5):
    x, h = inputSize, hiddenSize
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.forget = nn.Linear(x + h, h)
            self.input = nn.Linear(x + h, h)
            self.candidate = nn.Linear(x + h, h)
            self.output = nn.Linear(x + h, h)

        def forward(self, xt, state):
            ht, ct = state
            z = torch.cat([xt, ht], -1)
            f = torch.sigmoid(self.forget(z))
            i = torch.sigmoid(self.input(z))
            g = torch.tanh(self.candidate(z))
            o = torch.sigmoid(self.output(z))
            c = f * ct + i * g
            return o * torch.tanh(c), c
    return Cell()


# TCLIBTORCH (vicmay/TCLIBTORCH) torch::gru doc page; PyTorch-form GRU, one layer: W_i* (h,x), W_h* (h,h),
# b_i* and b_h* (h) for r, z, n; Count: 3*(h*x + h*h + 2h) = 210.
@_export
def h49d_tclibtorch_gru(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_i = nn.Linear(x, 3 * h)   # W_ir, W_iz, W_in with b_ir, b_iz, b_in
            self.W_h = nn.Linear(h, 3 * h)   # W_hr, W_hz, W_hn with b_hr, b_hz, b_hn

        def forward(self, xt, ht):
            ir, iz, inn = self.W_i(xt).chunk(3, -1)
            hr, hz, hn = self.W_h(ht).chunk(3, -1)
            r = torch.sigmoid(ir + hr)
            z = torch.sigmoid(iz + hz)
            n = torch.tanh(inn + r * hn)
            return (1 - z) * n + z * ht
    return Cell()


# xnmt (neulab/xnmt) CustomLSTMSeqTransducer (DyNet): p_Wx (4h, x), p_Wh (4h, h), p_b (4h), one layer enforced;
# forget gate gets a constant +1.0 (not a parameter); Count: 4h*(x + h + 1) = 260.
@_export
def h49d_xnmt_customlstm(input_dim=7, hidden_dim=5):
    x, h = input_dim, hidden_dim
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.Wx = _p(4 * h, x)
            self.Wh = _p(4 * h, h)
            self.b = _p(4 * h)

        def forward(self, xt, state):
            ht, ct = state
            tmp = xt @ self.Wx.T + ht @ self.Wh.T + self.b
            a_i, a_f, a_o, a_g = tmp.chunk(4, -1)
            i, f, o, g = torch.sigmoid(a_i), torch.sigmoid(a_f + 1.0), torch.sigmoid(a_o), torch.tanh(a_g)
            c = f * ct + i * g
            return o * torch.tanh(c), c
    return Cell()


# TorchLean (lean-dojo/TorchLean) GRUSpec: reset, update, candidate weights [hiddenSize, inputSize + hiddenSize]
# on [x_t; h_{t-1}] (candidate on [x_t; r_t ⊙ h_{t-1}]) and one bias [hiddenSize] each;
# Count: 3*(h*(x+h) + h) = 195.
@_export
def h49d_torchlean_gru(inputSize=7, hiddenSize=5):
    x, h = inputSize, hiddenSize
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.reset = nn.Linear(x + h, h)
            self.update = nn.Linear(x + h, h)
            self.candidate = nn.Linear(x + h, h)

        def forward(self, xt, ht):
            cat = torch.cat([xt, ht], -1)
            r = torch.sigmoid(self.reset(cat))
            z = torch.sigmoid(self.update(cat))
            n = torch.tanh(self.candidate(torch.cat([xt, r * ht], -1)))
            return (1 - z) * n + z * ht
    return Cell()


# boostr (ml-rust/boostr) single-direction Lstm: weight_ih [4*hidden, input], weight_hh [4*hidden, hidden],
# bias_ih and bias_hh [4*hidden]; gates i, f, g, o (PyTorch layout); Count: 4h*(x + h + 2) = 280.
@_export
def h49d_boostr_lstm(input=7, hidden=5):
    x, h = input, hidden
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.weight_ih = _p(4 * h, x)
            self.weight_hh = _p(4 * h, h)
            self.bias_ih = _p(4 * h)
            self.bias_hh = _p(4 * h)

        def forward(self, xt, state):
            ht, ct = state
            g = xt @ self.weight_ih.T + self.bias_ih + ht @ self.weight_hh.T + self.bias_hh
            i, f, gg, o = g.chunk(4, -1)
            c = torch.sigmoid(f) * ct + torch.sigmoid(i) * torch.tanh(gg)
            return torch.sigmoid(o) * torch.tanh(c), c
    return Cell()


# nbml (naatebarber/nbml) GatedLinearAttention: w_qkv (d_in, 3*d_head) + b_qkv (3*d_head); w_forget (d_in, 2*d_head)
# + b_forget (2*d_head) giving alpha, beta with forget gate alpha ⊗ beta on the (d_head, d_head) state;
# w_o (d_head, d_in) + b_o (d_in); Count: d_in*3d + 3d + d_in*2d + 2d + d*d_in + d_in = 242.
@_export
def h49d_nbml_gla(d_in=7, d_head=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.qkv = nn.Linear(d_in, 3 * d_head)
            self.forget = nn.Linear(d_in, 2 * d_head)
            self.o = nn.Linear(d_head, d_in)

        def forward(self, xt, state):
            q, k, v = self.qkv(xt).chunk(3, -1)
            ab = torch.sigmoid(self.forget(xt))
            a, b = ab[..., :d_head], ab[..., d_head:]
            state = state * (a.unsqueeze(-1) * b.unsqueeze(-2))
            state = state + k.unsqueeze(-1) * v.unsqueeze(-2)
            attn = (q.unsqueeze(-1) * state).sum(-2)
            return self.o(attn), state
    return Cell()


# Deepbox (jehaad1/Deepbox) RNN class: h_t = tanh(W_ih x_t + b_ih + W_hh h_{t-1} + b_hh), numLayers default 1;
# W_ih (h,x), W_hh (h,h), b_ih, b_hh (h); Count: h*x + h*h + 2h = 70.
@_export
def h49d_deepbox_rnn(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.ih = nn.Linear(x, h)
            self.hh = nn.Linear(h, h)

        def forward(self, xt, ht):
            return torch.tanh(self.ih(xt) + self.hh(ht))
    return Cell()


