"""Oracles for the h48d set-aside snippets (heldout48), as its gatherer wrote them."""
import torch
from torch import nn

__all__ = []


def _export(f):
    __all__.append(f.__name__)
    return f


def _p(*shape):
    return nn.Parameter(torch.randn(*shape) * 0.1)


# NNoM (majianjia/nnom) nnom_gru_cell.c, Keras reset_after GRU step; kernel (feature_size, 3*units),
# recurrent_kernel (units, 3*units), input_bias (3*units), recurrent_bias (3*units);
# Count: 3u*f + 3u*u + 6u.
@_export
def h48d_nnom_gru(feature_size=7, units=5):
    f, u = feature_size, units

    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.kernel = _p(f, 3 * u)
            self.recurrent_kernel = _p(u, 3 * u)
            self.input_bias = _p(3 * u)
            self.recurrent_bias = _p(3 * u)

        def forward(self, x, h_tm1):
            x_z, x_r, x_h = (x @ self.kernel + self.input_bias).chunk(3, -1)
            r_z, r_r, r_h = (h_tm1 @ self.recurrent_kernel + self.recurrent_bias).chunk(3, -1)
            z = torch.sigmoid(x_z + r_z)
            r = torch.sigmoid(x_r + r_r)
            hh = torch.tanh(x_h + r * r_h)
            return z * h_tm1 + (1 - z) * hh
    return Cell()


# Marian (marian-nmt/marian) src/rnn/cells.h class SSRU (simplified SRU), layer norm off (default);
# W_ (d, d) without bias, Wf_ (d, d) with bf_ (d); c' = sigmoid(f)*c + (1-sigmoid(f))*x (marian highway),
# h' = relu(c'); Count: 2d^2 + d.
@_export
def h48d_marian_ssru(dimInput=5):
    d = dimInput

    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W = _p(d, d)
            self.Wf = _p(d, d)
            self.bf = _p(d)

        def forward(self, inp, cell):
            x = inp @ self.W
            f = inp @ self.Wf + self.bf
            g = torch.sigmoid(f)
            c = g * cell + (1 - g) * x
            return torch.relu(c), c
    return Cell()


# Android NNAPI NeuralNetworks.h ANEURALNETWORKS_RNN; weights (num_units, input_size),
# recurrent_weights (num_units, num_units), bias (num_units); Count: n*i + n*n + n.
@_export
def h48d_nnapi_rnn(input_size=7, num_units=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.weights = _p(num_units, input_size)
            self.recurrent_weights = _p(num_units, num_units)
            self.bias = _p(num_units)

        def forward(self, inputs, state):
            return torch.tanh(inputs @ self.weights.T + state @ self.recurrent_weights.T + self.bias)
    return Cell()


# MGL (melisgl/mgl) src/lumps.lisp ->LSTM docstring (Sak et al. 2014 notation), peepholes on (default t);
# W_{*x} (m, x), W_{*m} (m, m) for i, f, c, o; diagonal peepholes W_ic, W_fc, W_oc (m); b_i, b_f, b_c, b_o (m);
# g = h = tanh; Count: 4mx + 4m^2 + 3m + 4m.
@_export
def h48d_mgl_lstm(x=7, m=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_x = nn.ParameterList([_p(m, x) for _ in range(4)])
            self.W_m = nn.ParameterList([_p(m, m) for _ in range(4)])
            self.b = nn.ParameterList([_p(m) for _ in range(4)])
            self.W_ic, self.W_fc, self.W_oc = _p(m), _p(m), _p(m)

        def forward(self, xt, state):
            mp, cp = state
            z = [xt @ self.W_x[k].T + mp @ self.W_m[k].T + self.b[k] for k in range(4)]
            i = torch.sigmoid(z[0] + self.W_ic * cp)
            f = torch.sigmoid(z[1] + self.W_fc * cp)
            c = f * cp + i * torch.tanh(z[2])
            o = torch.sigmoid(z[3] + self.W_oc * c)
            return o * torch.tanh(c), c
    return Cell()


# CERN ROOT TMVA (root-project/root) RNN/GRULayer.h TBasicGRULayer; per gate (reset, update, candidate):
# W_input (state, input), W_state (state, state), bias (state); vanilla variant (reset before W_state);
# the reset_after variant has the same parameters; Count: 3(s*i + s*s + s).
@_export
def h48d_tmva_gru(input=7, state=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_input = nn.ParameterList([_p(state, input) for _ in range(3)])
            self.W_state = nn.ParameterList([_p(state, state) for _ in range(3)])
            self.bias = nn.ParameterList([_p(state) for _ in range(3)])

        def forward(self, x, s):
            r = torch.sigmoid(x @ self.W_input[0].T + s @ self.W_state[0].T + self.bias[0])
            u = torch.sigmoid(x @ self.W_input[1].T + s @ self.W_state[1].T + self.bias[1])
            c = torch.tanh(x @ self.W_input[2].T + (r * s) @ self.W_state[2].T + self.bias[2])
            return u * s + (1 - u) * c
    return Cell()


# NNoM (majianjia/nnom) nnom_lstm_cell.c, Keras LSTM step; kernel (feature_size, 4*units),
# recurrent_kernel (units, 4*units), one bias (4*units); Count: 4u*f + 4u*u + 4u.
@_export
def h48d_nnom_lstm(feature_size=7, units=5):
    f_, u = feature_size, units

    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.kernel = _p(f_, 4 * u)
            self.recurrent_kernel = _p(u, 4 * u)
            self.bias = _p(4 * u)

        def forward(self, x, state):
            h_tm1, c_tm1 = state
            z = x @ self.kernel + h_tm1 @ self.recurrent_kernel + self.bias
            z0, z1, z2, z3 = z.chunk(4, -1)
            i, f = torch.sigmoid(z0), torch.sigmoid(z1)
            c = f * c_tm1 + i * torch.tanh(z2)
            o = torch.sigmoid(z3)
            return o * torch.tanh(c), c
    return Cell()


# frugally-deep (Dobiasd/frugally-deep) recurrent_ops.hpp gru_impl; reading taken: use_bias=True and
# reset_after=True (the Keras 2/3 default): W (n_features, 3n), U (n, 3n), input bias b_x (3n),
# recurrent bias b_h (3n); Count: 3n*f + 3n*n + 6n. (refuse: use_bias and reset_after are runtime
# flags the excerpt does not fix; reset_after=False gives 3n*f + 3n*n + 3n, use_bias=False 3n*f + 3n*n.)
@_export
def h48d_fdeep_gru(n_features=7, n_units=5):
    f, n = n_features, n_units

    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W = _p(f, 3 * n)
            self.U = _p(n, 3 * n)
            self.b_x = _p(3 * n)
            self.b_h = _p(3 * n)

        def forward(self, x, h):
            Wx = x @ self.W + self.b_x
            Uh = h @ self.U + self.b_h
            z = torch.sigmoid(Wx[:, :n] + Uh[:, :n])
            r = torch.sigmoid(Wx[:, n:2 * n] + Uh[:, n:2 * n])
            m = torch.tanh(Wx[:, 2 * n:] + r * Uh[:, 2 * n:])
            return (1 - z) * m + z * h
    return Cell()


# NNoM (majianjia/nnom) nnom_simple_cell.c, Keras SimpleRNNCell; kernel (feature_size, units),
# bias (units), recurrent_kernel (units, units), no recurrent bias; tanh; Count: f*u + u + u*u.
@_export
def h48d_nnom_simple(feature_size=7, units=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.kernel = _p(feature_size, units)
            self.bias = _p(units)
            self.recurrent_kernel = _p(units, units)

        def forward(self, inputs, prev_output):
            h = inputs @ self.kernel + self.bias
            h2 = prev_output @ self.recurrent_kernel
            return torch.tanh(h + h2)
    return Cell()


# CUDA.jl (JuliaGPU/CUDA.jl) lib/cudnn/src/rnn.jl cudnnGetRNNWeightParams docstring + signature;
# reading taken: the keyword defaults (CUDNN_LSTM, CUDNN_RNN_DOUBLE_BIAS, projSize = hiddenSize i.e.
# no projection, 1 layer, unidirectional, CUDNN_LINEAR_INPUT); IDs 1-4 (hidden, input) matrices,
# 5-8 (hidden, hidden), a bias vector (hidden) for each of the 8 IDs; Count: 4h*i + 4h*h + 8h.
# (refuse: the text documents RELU/TANH, LSTM and GRU layouts, optional projection and four bias modes.)
@_export
def h48d_cudajl_rnn(inputSize=7, hiddenSize=5):
    i_, h = inputSize, hiddenSize

    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W = nn.ParameterList([_p(h, i_) for _ in range(4)])   # IDs 1-4
            self.R = nn.ParameterList([_p(h, h) for _ in range(4)])    # IDs 5-8
            self.bW = nn.ParameterList([_p(h) for _ in range(4)])
            self.bR = nn.ParameterList([_p(h) for _ in range(4)])

        def forward(self, x, state):
            hp, cp = state
            g = [x @ self.W[k].T + self.bW[k] + hp @ self.R[k].T + self.bR[k] for k in range(4)]
            i, f, c_, o = torch.sigmoid(g[0]), torch.sigmoid(g[1]), torch.tanh(g[2]), torch.sigmoid(g[3])
            c = f * cp + i * c_
            return o * torch.tanh(c), c
    return Cell()


# xLSTM-Metal (MLXPorts/xLSTM-metal) docs/ARCHITECTURE.md, mLSTM neuron; reading taken (mirrors the
# canonical xLSTM-7B layer): Q, K (NH*QK_DH, D) and V (NH*V_DH, D) without bias, input/forget gates
# (NH, D) with bias (NH), output gate (NH*V_DH, D) without bias, per-head RMSNorm weight (NH*V_DH),
# output projection (D, NH*V_DH) without bias; Count: 2D*NH*QK_DH + 2D*NH*V_DH + 2(D*NH + NH) + NH*V_DH + NH*V_DH*D.
# (refuse: the output stage and every bias are only named, never shaped.)
@_export
def h48d_xlstm_metal_mlstm(D=8, NH=2, QK_DH=3, V_DH=4):
    qk, v = NH * QK_DH, NH * V_DH

    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.q = nn.Linear(D, qk, bias=False)
            self.k = nn.Linear(D, qk, bias=False)
            self.v = nn.Linear(D, v, bias=False)
            self.igate = nn.Linear(D, NH)
            self.fgate = nn.Linear(D, NH)
            self.ogate = nn.Linear(D, v, bias=False)
            self.norm_w = _p(v)
            self.out = nn.Linear(v, D, bias=False)

        def forward(self, x, state):
            C, n, m = state                       # (B, NH, QK_DH, V_DH), (B, NH, QK_DH), (B, NH)
            B = x.shape[0]
            q = self.q(x).view(B, NH, QK_DH) / QK_DH ** 0.5
            k = self.k(x).view(B, NH, QK_DH)
            vv = self.v(x).view(B, NH, V_DH)
            i, f = self.igate(x), self.fgate(x)
            flog = nn.functional.logsigmoid(f)
            m_new = torch.maximum(flog + m, i)
            fb, ib = torch.exp(flog + m - m_new), torch.exp(i - m_new)
            C = fb[..., None, None] * C + ib[..., None, None] * k[..., :, None] * vv[..., None, :]
            n = fb[..., None] * n + ib[..., None] * k
            num = torch.einsum('bhk,bhkv->bhv', q, C)
            den = torch.maximum((q * n).sum(-1).abs(), torch.exp(-m_new))[..., None] + 1e-6
            h = num / den
            h = h * torch.rsqrt(h.pow(2).mean(-1, keepdim=True) + 1e-6)
            h = h.reshape(B, v) * self.norm_w * torch.sigmoid(self.ogate(x))
            return self.out(h), (C, n, m_new)
    return Cell()
