"""Oracles for the h41d set-aside snippets (heldout41), as its gatherer wrote them."""
import torch
from torch import nn

__all__ = []


def _export(f):
    __all__.append(f.__name__)
    return f


def _p(*shape):
    return nn.Parameter(torch.randn(*shape) * 0.1)


# intel/clDNN api/CPP/lstm.hpp, LSTM primitive; W{i,f,c,o}: (h, x), R{i,f,c,o}: (h, h),
# one bias Wb{i,f,c,o}: (h,) per gate (no Rb written); no peephole in the equations.
# Count: 4*(h*x + h*h + h).
@_export
def h41d_cldnn_lstm(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W = nn.ParameterDict({g: _p(h, x) for g in "ifco"})
            self.R = nn.ParameterDict({g: _p(h, h) for g in "ifco"})
            self.Wb = nn.ParameterDict({g: _p(h) for g in "ifco"})

        def forward(self, X, H, C):
            a = {g: X @ self.W[g].T + H @ self.R[g] + self.Wb[g] for g in "ifco"}
            i, f, o = torch.sigmoid(a["i"]), torch.sigmoid(a["f"]), torch.sigmoid(a["o"])
            c = torch.tanh(a["c"])
            C = f * C + i * c
            H = o * torch.tanh(C)
            return H, C
    return Cell()


# tensorflow/java GRUBlockCell javadoc; w_ru: (x+h, 2h), b_ru: (2h,), w_c: (x+h, h), b_c: (h,)
# (shapes implied by the concatenations [x, h_prev] and [x h_prevr]).
# Count: (x+h)*2h + 2h + (x+h)*h + h = 3h(x+h) + 3h.
@_export
def h41d_tfjava_grublockcell(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.w_ru = _p(x + h, 2 * h)
            self.b_ru = _p(2 * h)
            self.w_c = _p(x + h, h)
            self.b_c = _p(h)

        def forward(self, X, h_prev):
            ru = torch.cat([X, h_prev], -1) @ self.w_ru + self.b_ru
            r, u = torch.sigmoid(ru).chunk(2, -1)
            c = torch.tanh(torch.cat([X, h_prev * r], -1) @ self.w_c + self.b_c)
            return (1 - u) * c + u * h_prev
    return Cell()


# tensorflow/java LSTMBlockCell javadoc (refuse: peephole optional via use_peephole, and
# wci/wcf/wco called "weight matrix" but used elementwise). Most plausible reading built here:
# use_peephole left at its default (off), so w: (x+h, 4h), b: (4h,); forget_bias is a constant.
# Count: 4h(x+h) + 4h (=260 at x=7,h=5; 275 with diagonal peepholes, 335 with full h*h peepholes).
@_export
def h41d_tfjava_lstmblockcell(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.w = _p(x + h, 4 * h)
            self.b = _p(4 * h)
            self.forget_bias = 1.0

        def forward(self, X, cs_prev, h_prev):
            i, f, ci, o = (torch.cat([X, h_prev], -1) @ self.w + self.b).chunk(4, -1)
            f = f + self.forget_bias
            i, f, ci = torch.sigmoid(i), torch.sigmoid(f), torch.tanh(ci)
            cs = ci * i + cs_prev * f
            o = torch.sigmoid(o)
            return torch.tanh(cs) * o, cs
    return Cell()


# cool-japan/oxicuda crates/oxicuda-dnn/src/rnn/gru.rs; w_x: (3h, x), w_h: (3h, h), bias: (3h,)
# (one bias per gate, b_h outside the reset product). Count: 3(hx + hh + h).
@_export
def h41d_oxicuda_gru(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.w_x = _p(3 * h, x)
            self.w_h = _p(3 * h, h)
            self.bias = _p(3 * h)

        def forward(self, x_t, h_prev):
            gx = (x_t @ self.w_x.T).chunk(3, -1)
            gh = (h_prev @ self.w_h.T).chunk(3, -1)
            b = self.bias.chunk(3)
            z = torch.sigmoid(gx[0] + gh[0] + b[0])
            r = torch.sigmoid(gx[1] + gh[1] + b[1])
            hc = torch.tanh(gx[2] + r * gh[2] + b[2])
            return (1 - z) * h_prev + z * hc
    return Cell()


# google/objax objax/zoo/rnn.py class RNN (code); w_xh: (nin, nstate), w_hh: (nstate, nstate),
# b_h: (nstate,), output_layer = Linear(nstate, nout) with default bias: (nstate, nout) + (nout,);
# the StateVar state is not a learned parameter. Count: nin*ns + ns*ns + ns + ns*nout + nout.
@_export
def h41d_objax_rnn(nin=7, nstate=5, nout=3):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.w_xh = _p(nin, nstate)
            self.w_hh = _p(nstate, nstate)
            self.b_h = _p(nstate)
            self.output_layer = nn.Linear(nstate, nout)

        def forward(self, x, state):
            state = torch.tanh(x @ self.w_xh + state @ self.w_hh + self.b_h)
            return state, self.output_layer(state)
    return Cell()


# alxndrTL/mamba.py mlx/README.md (refuse: only h_t = A h_{t-1} + Bx_t, no sizes, and for Mamba
# A is diagonal per channel and B is computed from the input, which the text does not say).
# Reading built: plain linear recurrence with learned dense A: (h, h) and B: (h, x). Count: hh + hx.
@_export
def h41d_mambapy_mlx_ssm(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.A = _p(h, h)
            self.B = _p(h, x)

        def forward(self, x_t, h_prev):
            return h_prev @ self.A.T + x_t @ self.B.T
    return Cell()


# Jittor/jittor python/jittor/nn.py class GRUCell (code, bias=True default);
# weight_ih: (3h, x), weight_hh: (3h, h), bias_ih: (3h,), bias_hh: (3h,). Count: 3(hx + hh + 2h).
@_export
def h41d_jittor_grucell(input_size=7, hidden_size=5):
    x, h = input_size, hidden_size

    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.weight_ih = _p(3 * h, x)
            self.weight_hh = _p(3 * h, h)
            self.bias_ih = _p(3 * h)
            self.bias_hh = _p(3 * h)

        def forward(self, inp, hx):
            gi = inp @ self.weight_ih.T + self.bias_ih
            gh = hx @ self.weight_hh.T + self.bias_hh
            i_r, i_i, i_n = gi.chunk(3, 1)
            h_r, h_i, h_n = gh.chunk(3, 1)
            resetgate = torch.sigmoid(i_r + h_r)
            inputgate = torch.sigmoid(i_i + h_i)
            newgate = torch.tanh(i_n + resetgate * h_n)
            return newgate + inputgate * (hx - newgate)
    return Cell()


# dakofler/Compyute compyute/nn/modules/recurrents.py class LSTM docstring (bias=True default);
# W_i*: (C_h, C_in), W_h*: (C_h, C_h), b_i*, b_h*: (C_h,) for i, f, g, o. Count: 4(C_h C_in + C_h^2 + 2 C_h).
@_export
def h41d_compyute_lstm(C_in=7, C_h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.ih = nn.Linear(C_in, 4 * C_h)
            self.hh = nn.Linear(C_h, 4 * C_h)

        def forward(self, x_t, h_prev, c_prev):
            i, f, g, o = (self.ih(x_t) + self.hh(h_prev)).chunk(4, -1)
            i, f, o, g = torch.sigmoid(i), torch.sigmoid(f), torch.sigmoid(o), torch.tanh(g)
            c = f * c_prev + i * g
            return o * torch.tanh(c), c
    return Cell()


# saran-gangster/linearnexus docs/implementations.md DeltaNet (refuse: the text gives only the
# shapes of q_t, k_t, v_t, never how they are computed from the input, and beta_t is "typically"
# sigmoid(linear(x))). Reading built: single head, bias-free projections W_q, W_k: (d_k, x),
# W_v: (d_v, x), and beta = sigmoid(w_b x + b_b) with w_b: (1, x), b_b: (1,); S_t is state.
# Count: 2*d_k*x + d_v*x + x + 1.
@_export
def h41d_linearnexus_deltanet(x=7, d_k=4, d_v=3):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_q = _p(d_k, x)
            self.W_k = _p(d_k, x)
            self.W_v = _p(d_v, x)
            self.beta = nn.Linear(x, 1)

        def forward(self, x_t, S):  # S: (batch, d_k, d_v)
            q, k, v = x_t @ self.W_q.T, x_t @ self.W_k.T, x_t @ self.W_v.T
            beta = torch.sigmoid(self.beta(x_t))              # (batch, 1)
            v_old = torch.einsum("bkv,bk->bv", S, k)
            v_delta = beta * (v - v_old)
            S = S + torch.einsum("bk,bv->bkv", k, v_delta)
            o = torch.einsum("bk,bkv->bv", q, S)
            return o, S
    return Cell()
