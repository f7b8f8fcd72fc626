"""Oracles for the h54d set-aside snippets (heldout54), as its gatherer wrote them."""
import torch
from torch import nn

__all__ = []


def _export(f):
    __all__.append(f.__name__)
    return f


def _p(*shape):
    return nn.Parameter(torch.randn(*shape) * 0.1)


# DaisukeBekki/hasktorch-tools src/Torch/Layer/RNN.hs (Haskell, bare code): RNNParams {inh, hh}, each a LinearParams
# sampled with hasBias = True: inh: inputDim -> hiddenDim (weight hiddenDim x inputDim, bias hiddenDim), hh: hiddenDim ->
# hiddenDim (weight hiddenDim x hiddenDim, bias hiddenDim); rnnCell = tanh(linear inh x + linear hh h).
# Count: inputDim*hiddenDim + hiddenDim + hiddenDim*hiddenDim + hiddenDim.
@_export
def h54d_hasktorchtools_rnn(inputDim=7, hiddenDim=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.inh = nn.Linear(inputDim, hiddenDim, bias=True)
            self.hh = nn.Linear(hiddenDim, hiddenDim, bias=True)

        def forward(self, x_t, h_prev):
            return torch.tanh(self.inh(x_t) + self.hh(h_prev))
    return Cell()


# hkxIron/light_ml4j RNNLayer javadoc + fields (marked refuse): h(t) = tanh(Whx x(t) + Whh h(t-1) + bh) with
# Wx [hiddenSize, inSize], Wh [hiddenSize, hiddenSize], bias [1, hiddenSize]; the javadoc also writes an output layer
# y = Why h(t) + by whose size is never given (and the class holds no Why/by field). Most plausible reading: the cell only.
# Count: h*x + h*h + h.
@_export
def h54d_lightml4j_rnn(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.Wx = _p(h, x)
            self.Wh = _p(h, h)
            self.bias = _p(h)

        def forward(self, x_t, h_prev):
            return torch.tanh(x_t @ self.Wx.T + h_prev @ self.Wh.T + self.bias)
    return Cell()


# ekg/grufinity src/mingru.rs MinGRUConfig rustdoc (marked refuse): the doc's MinGRU reads the concatenation
# [h_{t-1}, x_t] with biases (z_t = sigma(W_z [h, x] + b_z), h~_t = W_h [h, x] + b_h, h_t = (1-z) h + z g(h~)), a
# standard GRU is written next to it for comparison, and expansion_factor / proj_out config fields leave an inner size and
# an output projection open (the crate's code itself uses one bias-free Linear(input, 2*hidden*ef) plus to_out).
# Oracle = the doc's MinGRU equations: W_z: h x (h+x), b_z: h, W_h: h x (h+x), b_h: h. Count: 2*(h*(h+x) + h).
@_export
def h54d_grufinity_mingru(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_z = _p(h, h + x)
            self.b_z = _p(h)
            self.W_h = _p(h, h + x)
            self.b_h = _p(h)

        @staticmethod
        def g(v):
            return torch.where(v >= 0, v + 0.5, torch.sigmoid(v))

        def forward(self, x_t, h_prev):
            hx = torch.cat([h_prev, x_t], dim=-1)
            z = torch.sigmoid(hx @ self.W_z.T + self.b_z)
            h_tilde = hx @ self.W_h.T + self.b_h
            return (1 - z) * h_prev + z * self.g(h_tilde)
    return Cell()


# stanford-ppl/spatial-apps src/LSTMForward.scala comment: W_i in D_h*d, U^i in D_h*D_h (same for f, o, g); biases bias0,
# bias1, bias2 on i, f, o only (g_t has none), each D_h by conformability. Count: 4*(D_h*d + D_h*D_h) + 3*D_h.
@_export
def h54d_spatialapps_lstm(d=7, D_h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W = nn.ParameterDict({k: _p(D_h, d) for k in "ifog"})
            self.U = nn.ParameterDict({k: _p(D_h, D_h) for k in "ifog"})
            self.bias0 = _p(D_h)
            self.bias1 = _p(D_h)
            self.bias2 = _p(D_h)

        def forward(self, x_t, h_prev, c_prev):
            W, U = self.W, self.U
            i = torch.sigmoid(x_t @ W["i"].T + h_prev @ U["i"].T + self.bias0)
            f = torch.sigmoid(x_t @ W["f"].T + h_prev @ U["f"].T + self.bias1)
            o = torch.sigmoid(x_t @ W["o"].T + h_prev @ U["o"].T + self.bias2)
            g = torch.tanh(x_t @ W["g"].T + h_prev @ U["g"].T)
            c = f * c_prev + i * g
            return o * torch.tanh(c), c
    return Cell()


# n90d1n9/tafkir GRUCell javadoc + fields: PyTorch-form GRU, weightIh [3*hidden_size, input_size], weightHh
# [3*hidden_size, hidden_size], biasIh and biasHh [3*hidden_size]: exactly torch.nn.GRUCell.
# Count: 3h*x + 3h*h + 6h.
@_export
def h54d_tafkir_gru(x=7, h=5):
    return nn.GRUCell(x, h)


# n90d1n9/tafkir LSTM javadoc ("equivalent to torch.nn.LSTM") + fields: weightIH [4H, inputSize], weightHH [4H, hiddenSize],
# biasIH, biasHH [4H]; single layer. Count: 4h*x + 4h*h + 8h.
@_export
def h54d_tafkir_lstm(x=7, h=5):
    return nn.LSTM(x, h)


# karthiTox/deepnet.js src/layers/lstm.layer.js (bare code): one weight [neurons, prev_neurons], one hiddenWeight
# [neurons, neurons] and one bias row [1, neurons], reused by all four gates (the loop recomputes the same pre-activation
# four times; n = 0, 1, 3 take sigmoid, n = 2 tanh). Count: neurons*prev_neurons + neurons*neurons + neurons.
@_export
def h54d_deepnetjs_lstm(prev_neurons=7, neurons=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.weight = _p(neurons, prev_neurons)
            self.hiddenWeight = _p(neurons, neurons)
            self.biases = _p(1, neurons)

        def forward(self, x_t, h_prev, c_prev):
            op = x_t @ self.weight.T + h_prev @ self.hiddenWeight.T + self.biases
            f = torch.sigmoid(op)
            r1 = torch.sigmoid(op)
            r2 = torch.tanh(op)
            o = torch.sigmoid(op)
            c = f * c_prev + r1 * r2
            return o * torch.tanh(c), c
    return Cell()


# vvylym/aprender src/nn/rnn.rs GRU rustdoc + struct (marked refuse): the equations write W_ir x + W_hr h + b_r,
# W_iz x + W_hz h + b_z, W_in x + r * (W_hn h) + b_n (one bias per gate), while the struct holds six Linear fields
# (the crate's Linear::new carries a bias: the code has 6h of bias, 210 at these sizes). Oracle = the equations:
# W_i*: h x x, W_h*: h x h, b_r, b_z, b_n: h. Count: 3*(h*x + h*h) + 3h.
@_export
def h54d_aprender_gru(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_i = nn.ParameterDict({k: _p(h, x) for k in "rzn"})
            self.W_h = nn.ParameterDict({k: _p(h, h) for k in "rzn"})
            self.b = nn.ParameterDict({k: _p(h) for k in "rzn"})

        def forward(self, x_t, h_prev):
            Wi, Wh, b = self.W_i, self.W_h, self.b
            r = torch.sigmoid(x_t @ Wi["r"].T + h_prev @ Wh["r"].T + b["r"])
            z = torch.sigmoid(x_t @ Wi["z"].T + h_prev @ Wh["z"].T + b["z"])
            n = torch.tanh(x_t @ Wi["n"].T + r * (h_prev @ Wh["n"].T) + b["n"])
            return (1 - z) * n + z * h_prev
    return Cell()


# vvylym/aprender src/nn/rnn.rs LSTM rustdoc (doc only): W_i*: h x x, W_h*: h x h for f, i, g, o; one bias per gate
# b_f, b_i, b_g, b_o: h. Count: 4*(h*x + h*h) + 4h.
@_export
def h54d_aprender_lstm(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_i = nn.ParameterDict({k: _p(h, x) for k in "figo"})
            self.W_h = nn.ParameterDict({k: _p(h, h) for k in "figo"})
            self.b = nn.ParameterDict({k: _p(h) for k in "figo"})

        def forward(self, x_t, h_prev, c_prev):
            Wi, Wh, b = self.W_i, self.W_h, self.b
            f = torch.sigmoid(x_t @ Wi["f"].T + h_prev @ Wh["f"].T + b["f"])
            i = torch.sigmoid(x_t @ Wi["i"].T + h_prev @ Wh["i"].T + b["i"])
            g = torch.tanh(x_t @ Wi["g"].T + h_prev @ Wh["g"].T + b["g"])
            o = torch.sigmoid(x_t @ Wi["o"].T + h_prev @ Wh["o"].T + b["o"])
            c = f * c_prev + i * g
            return o * torch.tanh(c), c
    return Cell()


# bastyje/Romeo.jl src/layers/recurrent.jl RNNCell: Wx built init(T, out, in) (the docstring says in rows x out
# columns: same size), Wh out x out, b out; the call is activation(Wx*x .+ Wh*h .+ b) (identity by default). The stale
# `state0` docstring bullet is not a field (only an init_state function). Count: out*in + out*out + out.
@_export
def h54d_romeojl_rnn(**kw):
    n_in, n_out = kw.get("in", 7), kw.get("out", 5)

    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.Wx = _p(n_out, n_in)
            self.Wh = _p(n_out, n_out)
            self.b = _p(n_out)

        def forward(self, x_t, h_prev):
            return x_t @ self.Wx.T + h_prev @ self.Wh.T + self.b
    return Cell()


# matteo-grella/fucina src/rnn.zig module doc: PyTorch-like LSTM over the concatenation [x | h]; one stacked weight
# w [in + H, 4H], one summed bias b [4H] (b_ih + b_hh), and the initial states h0, c0 learnable per layer.
# Count: (in + H)*4H + 4H + H + H.
@_export
def h54d_fucina_lstm(H=5, **kw):
    n_in = kw.get("in", 7)

    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.w = _p(n_in + H, 4 * H)
            self.b = _p(4 * H)
            self.h0 = _p(H)
            self.c0 = _p(H)

        def forward(self, x_t, h_prev=None, c_prev=None):
            if h_prev is None:
                h_prev = self.h0.expand(x_t.shape[0], H)
            if c_prev is None:
                c_prev = self.c0.expand(x_t.shape[0], H)
            z = torch.cat([x_t, h_prev], dim=-1) @ self.w + self.b
            i, f, g, o = z.chunk(4, dim=-1)
            c = torch.sigmoid(f) * c_prev + torch.sigmoid(i) * torch.tanh(g)
            return torch.sigmoid(o) * torch.tanh(c), c
    return Cell()


# ThalesMMS/Rust-Neural-Networks src/layers/rnn.rs RnnLayer rustdoc: row-vector form h_t = tanh(x_t W_xh + h_{t-1} W_hh
# + b_h), y_t = h_t W_hy + b_y; W_xh input_size x hidden_size, W_hh hidden_size x hidden_size, W_hy hidden_size x
# output_size, b_h hidden_size, b_y output_size (hidden_state is state, not a parameter).
# Count: input_size*hidden_size + hidden_size^2 + hidden_size*output_size + hidden_size + output_size.
@_export
def h54d_rustnn_rnn(input_size=7, hidden_size=5, output_size=3):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_xh = _p(input_size, hidden_size)
            self.W_hh = _p(hidden_size, hidden_size)
            self.W_hy = _p(hidden_size, output_size)
            self.b_h = _p(hidden_size)
            self.b_y = _p(output_size)

        def forward(self, x_t, h_prev):
            h = torch.tanh(x_t @ self.W_xh + h_prev @ self.W_hh + self.b_h)
            return h @ self.W_hy + self.b_y, h
    return Cell()
