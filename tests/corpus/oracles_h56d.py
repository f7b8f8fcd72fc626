"""Oracles for the h56d set-aside snippets (heldout56), as its gatherer wrote them."""
import torch
from torch import nn
import torch.nn.functional as F

__all__ = []


def _export(f):
    __all__.append(f.__name__)
    return f


def _p(*shape):
    return nn.Parameter(torch.randn(*shape) * 0.1)


# david-leon/Dandelion docs/dandelion_module.md, "## LSTM2D": a 2D LSTM whose step reads two predecessor states
# (h_left, c_left) and (h_up, c_up). Row-vector products x_t W_{x*} (x x h), h_left W_{h_left *} (h x h) and
# h_up W_{h_up *} (h x h) for each of i, f, c, o; peephole vectors by odot: w_{c_left i}, w_{c_up i}, w_{c_left f},
# w_{c_up f} (on the two predecessor cells) and w_{co} (on c_t); one bias per gate (b_i, b_f, b_c, b_o).
# hidden_dim fixes h, input_dims fixes x; the cell state has the hidden size (h_t = o_t odot sigma_h(c_t)).
# learn_ini defaults to False (no learned initial state). Count: 4*x*h + 8*h*h + 5*h + 4*h.
@_export
def h56d_dandelion_lstm2d(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_x = nn.ParameterDict({g: _p(x, h) for g in 'ifco'})
            self.W_hl = nn.ParameterDict({g: _p(h, h) for g in 'ifco'})
            self.W_hu = nn.ParameterDict({g: _p(h, h) for g in 'ifco'})
            self.w_cli, self.w_cui = _p(h), _p(h)
            self.w_clf, self.w_cuf = _p(h), _p(h)
            self.w_co = _p(h)
            self.b = nn.ParameterDict({g: _p(h) for g in 'ifco'})

        def _lin(self, g, x_t, h_left, h_up):
            return x_t @ self.W_x[g] + h_left @ self.W_hl[g] + h_up @ self.W_hu[g] + self.b[g]

        def forward(self, x_t, h_left, h_up, c_left, c_up):
            i = torch.sigmoid(self._lin('i', x_t, h_left, h_up) + self.w_cli * c_left + self.w_cui * c_up)
            f = torch.sigmoid(self._lin('f', x_t, h_left, h_up) + self.w_clf * c_left + self.w_cuf * c_up)
            c = f * (c_left + c_up) * 0.5 + i * torch.tanh(self._lin('c', x_t, h_left, h_up))
            o = torch.sigmoid(self._lin('o', x_t, h_left, h_up) + self.w_co * c)
            return o * torch.tanh(c), c
    return Cell()


# VD44/RNN-Components rnn_cells.py, l2_mlstm_cell (bare TensorFlow code): variables wx [x_dim, 4u], wh [u, 4u],
# wmx [x_dim, u], wmh [u, u], b [4u], and the weight-norm gains gx [4u], gh [4u], gmx [u], gmh [u]
# (each weight is l2-normalised along axis 0 and rescaled by its gain). m = (x wmx) * (h wmh);
# z = x wx + m wh + b split into i, f, o, u; the forget bias f_b is a Python constant, not a variable.
# Count: 5*x*u + 5*u*u + 14*u.
@_export
def h56d_vd44_l2mlstm(x=7, units=5):
    u = units

    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.wx, self.wh = _p(x, 4 * u), _p(u, 4 * u)
            self.wmx, self.wmh = _p(x, u), _p(u, u)
            self.b = _p(4 * u)
            self.gx, self.gh = _p(4 * u), _p(4 * u)
            self.gmx, self.gmh = _p(u), _p(u)

        def forward(self, x_t, c, h, f_b=1.0):
            wx = F.normalize(self.wx, dim=0) * self.gx
            wh = F.normalize(self.wh, dim=0) * self.gh
            wmx = F.normalize(self.wmx, dim=0) * self.gmx
            wmh = F.normalize(self.wmh, dim=0) * self.gmh
            m = (x_t @ wmx) * (h @ wmh)
            z = x_t @ wx + m @ wh + self.b
            i, f, o, uu = z.chunk(4, dim=-1)
            c = torch.sigmoid(f + f_b) * c + torch.sigmoid(i) * torch.tanh(uu)
            return torch.sigmoid(o) * torch.tanh(c), c
    return Cell()


# vvylym/aprender (fork of paiml/aprender) src/nn/rnn.rs, doc comment of struct GRU: r_t, z_t, n_t each with
# W_i* @ x_t (h x x), W_h* @ h_{t-1} (h x h) and ONE bias (b_r, b_z, b_n); the reset gate multiplies W_hn @ h_{t-1}.
# The text's single bias per gate is followed (the Rust code's Linear layers are not part of the text).
# Count: 3*(h*x + h*h + h).
@_export
def h56d_aprender_gru(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_i = nn.ParameterDict({g: _p(h, x) for g in 'rzn'})
            self.W_h = nn.ParameterDict({g: _p(h, h) for g in 'rzn'})
            self.b = nn.ParameterDict({g: _p(h) for g in 'rzn'})

        def forward(self, x_t, h_prev):
            r = torch.sigmoid(x_t @ self.W_i['r'].T + h_prev @ self.W_h['r'].T + self.b['r'])
            z = torch.sigmoid(x_t @ self.W_i['z'].T + h_prev @ self.W_h['z'].T + self.b['z'])
            n = torch.tanh(x_t @ self.W_i['n'].T + r * (h_prev @ self.W_h['n'].T) + self.b['n'])
            return (1 - z) * n + z * h_prev
    return Cell()


# GooseKIller/Tensors (tensorrs crate) src/nn/rnn.rs, RNNCell "# Formula": h_t = tanh(x_t W_{ih} + h_{t-1} W_{hh} + b).
# Row-vector products: W_ih (x x h), W_hh (h x h), one bias b (h). Count: x*h + h*h + h.
@_export
def h56d_tensorrs_rnncell(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_ih, self.W_hh, self.b = _p(x, h), _p(h, h), _p(h)

        def forward(self, x_t, h_prev):
            return torch.tanh(x_t @ self.W_ih + h_prev @ self.W_hh + self.b)
    return Cell()


# Akhyar11/OxideJS docs/api/layers/recurrent.md, LSTM: f, i, c~, o each x_t W_* (x x h) + h_{t-1} U_* (h x h) + b_*
# (useBias default true); the packed shapes [inputDim, 4 * units] and [units, 4 * units] agree.
# Count: 4*(x*h + h*h + h).
@_export
def h56d_oxidejs_lstm(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W = nn.ParameterDict({g: _p(x, h) for g in 'fico'})
            self.U = nn.ParameterDict({g: _p(h, h) for g in 'fico'})
            self.b = nn.ParameterDict({g: _p(h) for g in 'fico'})

        def _a(self, g, x_t, h_prev):
            return x_t @ self.W[g] + h_prev @ self.U[g] + self.b[g]

        def forward(self, x_t, h_prev, c_prev):
            f = torch.sigmoid(self._a('f', x_t, h_prev))
            i = torch.sigmoid(self._a('i', x_t, h_prev))
            c_tilde = torch.tanh(self._a('c', x_t, h_prev))
            c = f * c_prev + i * c_tilde
            o = torch.sigmoid(self._a('o', x_t, h_prev))
            return o * torch.tanh(c), c
    return Cell()


# Akhyar11/OxideJS docs/api/layers/recurrent.md, GRU: z, r each x_t W_* (x x h) + h_{t-1} U_* (h x h) + b_*;
# candidate x_t W_h + (r_t odot h_{t-1}) U_h + b_h; h_t = (1 - z) h_{t-1} + z h~. Count: 3*(x*h + h*h + h).
@_export
def h56d_oxidejs_gru(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W = nn.ParameterDict({g: _p(x, h) for g in 'zrh'})
            self.U = nn.ParameterDict({g: _p(h, h) for g in 'zrh'})
            self.b = nn.ParameterDict({g: _p(h) for g in 'zrh'})

        def forward(self, x_t, h_prev):
            z = torch.sigmoid(x_t @ self.W['z'] + h_prev @ self.U['z'] + self.b['z'])
            r = torch.sigmoid(x_t @ self.W['r'] + h_prev @ self.U['r'] + self.b['r'])
            h_tilde = torch.tanh(x_t @ self.W['h'] + (r * h_prev) @ self.U['h'] + self.b['h'])
            return (1 - z) * h_prev + z * h_tilde
    return Cell()


# sethdford/deep-risk-model-v2 docs/THEORY.md, 2.1 GRU: z, r each W_* x_t (h x x) + U_* h_{t-1} (h x h) + b_*;
# candidate W_h x_t + U_h (r_t odot h_{t-1}) + b_h; h_t = (1 - z_t) h_{t-1} + z_t h~. Count: 3*(x*h + h*h + h).
@_export
def h56d_deepriskmodel_gru(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W = nn.ParameterDict({g: _p(h, x) for g in 'zrh'})
            self.U = nn.ParameterDict({g: _p(h, h) for g in 'zrh'})
            self.b = nn.ParameterDict({g: _p(h) for g in 'zrh'})

        def forward(self, x_t, h_prev):
            z = torch.sigmoid(x_t @ self.W['z'].T + h_prev @ self.U['z'].T + self.b['z'])
            r = torch.sigmoid(x_t @ self.W['r'].T + h_prev @ self.U['r'].T + self.b['r'])
            h_tilde = torch.tanh(x_t @ self.W['h'].T + (r * h_prev) @ self.U['h'].T + self.b['h'])
            return (1 - z) * h_prev + z * h_tilde
    return Cell()


# sonosole/AutoDiffer src/indlstm.jl (bare Julia code): for each of the gates i, f, o and the cell input c a matrix
# w* = randn(hiddenSize, inputSize), a recurrent column u* = randn(hiddenSize, 1) (used elementwise, h .* u*) and a bias
# b* (hiddenSize, 1), all Variable(..., true). The forward (not in the excerpt) is z = tanh(wc x + h .* uc + bc), etc.
# Count: 4*(hiddenSize*inputSize + 2*hiddenSize).
@_export
def h56d_autodiffer_indlstm(inputSize=7, hiddenSize=5):
    x, h = inputSize, hiddenSize

    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.w = nn.ParameterDict({g: _p(h, x) for g in 'ifoc'})
            self.u = nn.ParameterDict({g: _p(h, 1) for g in 'ifoc'})
            self.b = nn.ParameterDict({g: _p(h, 1) for g in 'ifoc'})

        def _a(self, g, x_t, h_prev):
            return x_t @ self.w[g].T + h_prev * self.u[g][:, 0] + self.b[g][:, 0]

        def forward(self, x_t, h_prev, c_prev):
            z = torch.tanh(self._a('c', x_t, h_prev))
            i = torch.sigmoid(self._a('i', x_t, h_prev))
            f = torch.sigmoid(self._a('f', x_t, h_prev))
            o = torch.sigmoid(self._a('o', x_t, h_prev))
            c = f * c_prev + i * z
            return o * torch.tanh(c), c
    return Cell()


# david-leon/Dandelion docs/dandelion_model.md, Alternate_2D_LSTM (expect: refuse, the LSTM equations are not in the
# excerpt). Most plausible reading: two of Dandelion's own LSTM modules (the "## LSTM" section of dandelion_module.md:
# x_t W_x* (x x h), h_{t-1} W_h* (h x h), b_* for i, f, c, o, and peephole vectors w_ci, w_cf, w_co, peephole=True);
# default mode=2: vertical_LSTM reads the input (x), horizontal_LSTM reads concat(input, vertical_LSTM(input)) (x + h).
# Count: [4*(x*h + h*h + h) + 3*h] + [4*((x + h)*h + h*h + h) + 3*h].
@_export
def h56d_dandelion_alt2dlstm(x=7, h=5):
    class PeepLSTM(nn.Module):
        def __init__(self, d_in):
            super().__init__()
            self.W_x = nn.ParameterDict({g: _p(d_in, h) for g in 'ifco'})
            self.W_h = nn.ParameterDict({g: _p(h, h) for g in 'ifco'})
            self.b = nn.ParameterDict({g: _p(h) for g in 'ifco'})
            self.w_ci, self.w_cf, self.w_co = _p(h), _p(h), _p(h)

        def forward(self, x_t, h_prev, c_prev):
            a = {g: x_t @ self.W_x[g] + h_prev @ self.W_h[g] + self.b[g] for g in 'ifco'}
            i = torch.sigmoid(a['i'] + self.w_ci * c_prev)
            f = torch.sigmoid(a['f'] + self.w_cf * c_prev)
            c = f * c_prev + i * torch.tanh(a['c'])
            o = torch.sigmoid(a['o'] + self.w_co * c)
            return o * torch.tanh(c), c

    class Model(nn.Module):
        def __init__(self):
            super().__init__()
            self.vertical = PeepLSTM(x)
            self.horizontal = PeepLSTM(x + h)

        def forward(self, x_t, h_v, c_v, h_h, c_h):
            h_v, c_v = self.vertical(x_t, h_v, c_v)
            h_h, c_h = self.horizontal(torch.cat([x_t, h_v], -1), h_h, c_h)
            return h_h, c_h
    return Model()


# paiml/aprender src/nn/ssm/mod.rs, module doc + ssm_discretize doc (expect: refuse: the scan recurrence and the
# selective gate are only named in the excerpt, no output map, no input size). Most plausible reading of what is written:
# a continuous SSM with A in R^{n x n}, B in R^{n x 1} and a positive step Delta (one scalar), discretized by
# A_bar = exp(Delta A), B_bar = Delta B, stepping h_t = A_bar h_{t-1} + B_bar x_t on a scalar input.
# Count: n*n + n + 1.
@_export
def h56d_aprender_ssm(n=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.A = _p(n, n)
            self.B = _p(n, 1)
            self.log_delta = _p(1)

        def forward(self, x_t, h_prev):
            delta = self.log_delta.exp()
            A_bar = torch.matrix_exp(delta * self.A)
            B_bar = delta * self.B
            return h_prev @ A_bar.T + x_t[..., :1] @ B_bar.T
    return Cell()
