"""Oracles for the h43d set-aside snippets (heldout43), as its gatherer wrote them."""
import torch
from torch import nn

__all__ = []


def _export(f):
    __all__.append(f.__name__)
    return f


def _p(*shape):
    return nn.Parameter(torch.randn(*shape) * 0.1)


# SyntaxSpirits/rust-lstm src/layers/gru_cell.rs GRUCell; W_i* (h,x) x3, W_h* (h,h) x3, b_i* (h), b_h* (h) x3;
# Count: 3*(h*x + h*h + 2*h).
@_export
def h43d_rustlstm_gru(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_ir, self.W_iz, self.W_ih = _p(h, x), _p(h, x), _p(h, x)
            self.W_hr, self.W_hz, self.W_hh = _p(h, h), _p(h, h), _p(h, h)
            self.b_ir, self.b_iz, self.b_ih = _p(h), _p(h), _p(h)
            self.b_hr, self.b_hz, self.b_hh = _p(h), _p(h), _p(h)

        def forward(self, xt, ht):
            r = torch.sigmoid(xt @ self.W_ir.T + self.b_ir + ht @ self.W_hr.T + self.b_hr)
            z = torch.sigmoid(xt @ self.W_iz.T + self.b_iz + ht @ self.W_hz.T + self.b_hz)
            n = torch.tanh(xt @ self.W_ih.T + self.b_ih + (r * ht) @ self.W_hh.T + self.b_hh)
            return (1 - z) * ht + z * n
    return Cell()


# NVIDIA/warp-nn warp_nn/modules/layers/gru.py GRU (multi-layer, bidirectional=False default, bias=True);
# per layer k: weight_ih (3h, in_k), weight_hh (3h, h), bias_ih (3h), bias_hh (3h); in_0 = x, in_k = h;
# Count: (3h*x + 3h*h + 6h) + (num_layers-1)*(3h*h + 3h*h + 6h).
@_export
def h43d_warpnn_gru(x=7, h=5, num_layers=2):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.layers = nn.ModuleList(
                [nn.GRUCell(x if k == 0 else h, h, bias=True) for k in range(num_layers)])

        def forward(self, xt, hs):
            out, new = xt, []
            for k, cell in enumerate(self.layers):
                out = cell(out, hs[k])
                new.append(out)
            return out, new
    return Cell()


# ARM-software/armnn pyarmnn LstmInputParams docstring; reading: peepholes on (as in the equations) with
# W_ci, W_cf, W_co taken as (h,h) "weight matrix", no projection (no size given), no layer norm;
# W_x* (h,x) x4, W_h* (h,h) x4, b_* (h) x4; Count: 4*(h*x + h*h + h) + 3*h*h.  (refuse: peephole matrix vs
# diagonal vector, optional projection of unstated size, optional layer-norm weights)
@_export
def h43d_pyarmnn_lstm(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.Wx = nn.ParameterDict({g: _p(h, x) for g in 'ifco'})
            self.Wh = nn.ParameterDict({g: _p(h, h) for g in 'ifco'})
            self.Wc = nn.ParameterDict({g: _p(h, h) for g in 'ifo'})
            self.b = nn.ParameterDict({g: _p(h) for g in 'ifco'})

        def forward(self, xt, ht, Ct):
            lin = lambda g: xt @ self.Wx[g].T + ht @ self.Wh[g].T + self.b[g]
            i = torch.sigmoid(lin('i') + Ct @ self.Wc['i'].T)
            f = torch.sigmoid(lin('f') + Ct @ self.Wc['f'].T)
            C = f * Ct + i * torch.tanh(lin('c'))
            o = torch.sigmoid(lin('o') + C @ self.Wc['o'].T)
            return o * torch.tanh(C), C
    return Cell()


# chaoming0625/NumpyDL npdl/layers/recurrent.py GRU; U_r,U_z,U_h (x,h), W_r,W_z,W_h (h,h), b_r,b_z,b_h (h);
# state s_t (size n_out = h); Count: 3*(x*h + h*h + h).
@_export
def h43d_npdl_gru(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.U = nn.ParameterDict({g: _p(x, h) for g in 'rzh'})
            self.W = nn.ParameterDict({g: _p(h, h) for g in 'rzh'})
            self.b = nn.ParameterDict({g: _p(h) for g in 'rzh'})

        def forward(self, xt, s):
            z = torch.sigmoid(xt @ self.U['z'] + s @ self.W['z'] + self.b['z'])
            r = torch.sigmoid(xt @ self.U['r'] + s @ self.W['r'] + self.b['r'])
            hc = torch.tanh(xt @ self.U['h'] + (s * r) @ self.W['h'] + self.b['h'])
            return (1 - z) * hc + z * s
    return Cell()


# chaoming0625/NumpyDL npdl/layers/recurrent.py LSTM; reading: four gates each with its own bias (as connect_to
# allocates b_g, b_i, b_f, b_o; the b_f in i_t and b_h in o_t taken as typos); U_* (x,h) x4, W_* (h,h) x4,
# b_* (h) x4; Count: 4*(x*h + h*h + h).  (refuse: literal equations share b_f and use an undefined b_h -> 3 biases)
@_export
def h43d_npdl_lstm(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.U = nn.ParameterDict({g: _p(x, h) for g in 'gifo'})
            self.W = nn.ParameterDict({g: _p(h, h) for g in 'gifo'})
            self.b = nn.ParameterDict({g: _p(h) for g in 'gifo'})

        def forward(self, xt, ht, ct):
            a = lambda k: xt @ self.U[k] + ht @ self.W[k] + self.b[k]
            f, i, o = torch.sigmoid(a('f')), torch.sigmoid(a('i')), torch.sigmoid(a('o'))
            g = torch.tanh(a('g'))
            c = f * ct + i * g
            return o * torch.tanh(c), c
    return Cell()


# f-dangel/backpack LSTMDerivatives docstring; ifgo stacked: W_ih (4h, x), W_hh (4h, h), b_ii (4h), b_hh (4h)
# (nn.LSTM, num_layers=1, bias=True, proj_size=0); Count: 4h*x + 4h*h + 8h.
@_export
def h43d_backpack_lstm(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.cell = nn.LSTMCell(x, h, bias=True)

        def forward(self, xt, ht, ct):
            return self.cell(xt, (ht, ct))
    return Cell()


# ASEM000/serket serket/_src/nn/recurrent.py LSTMCell (code only); i2h weight (in, 4h) + bias (4h),
# h2h weight (h, 4h) without bias; Count: 4h*in + 4h*h + 4h.
@_export
def h43d_serket_lstm(in_features=7, hidden_features=5):
    x, h = in_features, hidden_features

    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.i2h = nn.Linear(x, 4 * h, bias=True)
            self.h2h = nn.Linear(h, 4 * h, bias=False)

        def forward(self, xt, ht, ct):
            z = self.i2h(xt) + self.h2h(ht)
            i, f, g, o = z.chunk(4, dim=-1)
            c = torch.sigmoid(f) * ct + torch.sigmoid(i) * torch.tanh(g)
            return torch.sigmoid(o) * torch.tanh(c), c
    return Cell()


# huggingface/candle candle-nn/src/rnn.rs GRU (code only, default config with biases); reading: all allocated
# parameters: weight_ih (3h, in), weight_hh (3h, h), bias_ih (3h), bias_hh (3h); step() as written (new gate
# reuses chunks_hh[1]); Count: 3h*in + 3h*h + 6h.  (refuse: counting only parameters the step uses drops the
# third recurrent chunk and its bias: 3h*in + 2h*h + 5h)
@_export
def h43d_candle_gru(in_dim=7, hidden_dim=5):
    x, h = in_dim, hidden_dim

    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.w_ih, self.w_hh = _p(3 * h, x), _p(3 * h, h)
            self.b_ih, self.b_hh = _p(3 * h), _p(3 * h)

        def forward(self, xt, ht):
            a = xt @ self.w_ih.T + self.b_ih
            b = ht @ self.w_hh.T + self.b_hh
            ai, bh = a.chunk(3, -1), b.chunk(3, -1)
            r = torch.sigmoid(ai[0] + bh[0])
            z = torch.sigmoid(ai[1] + bh[1])
            n = torch.tanh(ai[2] + r * bh[1])
            return z * ht - (z - 1) * n
    return Cell()


# Maderator/LSTM-crystal copy of MATLAB peepholeLSTMLayer example; InputWeights (4h, C), RecurrentWeights (4h, h),
# PeepholeWeights (3h) element-wise, Bias (4h) added to WX; Count: 4h*C + 4h*h + 3h + 4h.
@_export
def h43d_matlab_peephole(numChannels=7, numHiddenUnits=5):
    C, h = numChannels, numHiddenUnits

    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W, self.R = _p(4 * h, C), _p(4 * h, h)
            self.P, self.b = _p(3 * h), _p(4 * h)

        def forward(self, xt, ht, ct):
            wx = xt @ self.W.T + self.b
            rh = ht @ self.R.T
            z = wx + rh
            i = torch.sigmoid(z[:, :h] + self.P[:h] * ct)
            f = torch.sigmoid(z[:, h:2 * h] + self.P[h:2 * h] * ct)
            g = torch.tanh(z[:, 2 * h:3 * h])
            c = g * i + ct * f
            o = torch.sigmoid(z[:, 3 * h:] + self.P[2 * h:] * c)
            return torch.tanh(c) * o, c
    return Cell()


# chaoming0625/NumpyDL SimpleRNN; one set of weights shared over time: input weight (x, o), recurrent weight
# (o, o), bias (o); Count: x*o + o*o + o.
@_export
def h43d_npdl_rnn(x=7, o=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W, self.U, self.b = _p(x, o), _p(o, o), _p(o)

        def forward(self, xt, ot):
            return torch.tanh(xt @ self.W + ot @ self.U + self.b)
    return Cell()


# SyntaxSpirits/rust-lstm README mermaid GRU subgraph; no biases written: Wr, Wz, W each (h, h+x) acting on
# the concatenation [h_{t-1}, x_t]; Count: 3*h*(h+x).
@_export
def h43d_rustlstm_readme_gru(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.Wr, self.Wz, self.W = _p(h, h + x), _p(h, h + x), _p(h, h + x)

        def forward(self, xt, ht):
            hx = torch.cat([ht, xt], -1)
            r = torch.sigmoid(hx @ self.Wr.T)
            z = torch.sigmoid(hx @ self.Wz.T)
            hc = torch.tanh(torch.cat([r * ht, xt], -1) @ self.W.T)
            return (1 - z) * ht + z * hc
    return Cell()


# NVIDIA/warp-nn warp_nn/modules/layers/rnn_cell.py RNNCell (bias=True default); W_ih (h, x), W_hh (h, h),
# b_ih (h), b_hh (h); Count: h*x + h*h + 2h.
@_export
def h43d_warpnn_rnncell(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.cell = nn.RNNCell(x, h, bias=True, nonlinearity='tanh')

        def forward(self, xt, ht):
            return self.cell(xt, ht)
    return Cell()
