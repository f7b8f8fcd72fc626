"""Oracles for the h50d set-aside snippets (heldout50), as its gatherer wrote them."""
import torch
from torch import nn

__all__ = []


def _export(f):
    __all__.append(f.__name__)
    return f


def _p(*shape):
    return nn.Parameter(torch.randn(*shape) * 0.1)


# alexOarga/haiku-geometric GatedGraphConv docstring; most plausible reading: one W (C x C) as written
# (no layer index), GRU(m, h) taken as the library's hk.GRU (w_i C x 3C, w_h C x 3C, b 3C) shared over
# the L layers; Count: C^2 + 3(2C^2 + C). Refuse: GRU left abstract, and W per layer or shared is open
# (the code under it holds num_layers of them).
@_export
def h50d_hkgeo_ggnn(out_channels=5, num_layers=3):
    C = out_channels

    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W = _p(C, C)
            self.w_i = _p(C, 3 * C)
            self.w_h = _p(C, 3 * C)
            self.b = _p(3 * C)

        def gru(self, m, h):
            gi = m @ self.w_i
            gh = h @ self.w_h
            z = torch.sigmoid(gi[:, :C] + gh[:, :C] + self.b[:C])
            r = torch.sigmoid(gi[:, C:2 * C] + gh[:, C:2 * C] + self.b[C:2 * C])
            a = torch.tanh(gi[:, 2 * C:] + (r * h) @ self.w_h[:, 2 * C:] + self.b[2 * C:])
            return (1 - z) * h + z * a

        def forward(self, h, adj):
            for _ in range(num_layers):
                m = adj @ (h @ self.W.T)
                h = self.gru(m, h)
            return h

    return Cell()


# facebookresearch/pytext OrderedNeuronLSTMLayer (code): six nn.Linear(embed_dim + lstm_dim, lstm_dim)
# with bias (f, i, o, c_hat, master forget, master input) on cat(x, h); Count: 6((e + h) h + h).
@_export
def h50d_pytext_onlstm(embed_dim=7, lstm_dim=5):
    total = embed_dim + lstm_dim

    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.f_gate = nn.Linear(total, lstm_dim)
            self.i_gate = nn.Linear(total, lstm_dim)
            self.o_gate = nn.Linear(total, lstm_dim)
            self.c_hat_gate = nn.Linear(total, lstm_dim)
            self.mf = nn.Linear(total, lstm_dim)
            self.mi = nn.Linear(total, lstm_dim)

        def forward(self, x, hidden, context):
            comb = torch.cat((x, hidden), 1)
            ft = self.f_gate(comb).sigmoid()
            it = self.i_gate(comb).sigmoid()
            ot = self.o_gate(comb).sigmoid()
            c_hat = self.c_hat_gate(comb).tanh()
            mf = torch.cumsum(torch.softmax(self.mf(comb), 1), 1)
            mi = torch.cumsum(torch.softmax(self.mi(comb), 1), 1)
            wt = mf * mi
            f_hat = ft * wt + (mf - wt)
            i_hat = it * wt + (mi - wt)
            context = f_hat * context + i_hat * c_hat
            return ot * context, context

    return Cell()


# onnx/onnx-tensorflow GRUCellWithLinearBeforeReset (code): gate kernel (x + h) x 2h, gate bias 2h,
# candidate kernels wh x x h and rh h x h, candidate biases rbh h and wbh h;
# Count: 2h(x + h) + 2h + xh + h^2 + 2h.
@_export
def h50d_onnxtf_grulbr(input_depth=7, num_units=5):
    x_, h_ = input_depth, num_units

    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.gate_kernel = _p(x_ + h_, 2 * h_)
            self.gate_bias = _p(2 * h_)
            self.b_rh = _p(h_)
            self.b_wh = _p(h_)
            self.k_rh = _p(h_, h_)
            self.k_wh = _p(x_, h_)

        def forward(self, x, h):
            g = torch.sigmoid(torch.cat([x, h], 1) @ self.gate_kernel + self.gate_bias)
            r, u = g[:, :h_], g[:, h_:]
            c = torch.tanh(x @ self.k_wh + self.b_wh + r * (h @ self.k_rh + self.b_rh))
            return u * h + (1 - u) * c

    return Cell()


# Doraemonzzz/xmixers DenseRnn docstring; only the state recurrence is written (k, v, f, q never tied to x);
# most plausible reading: q, k, v, f each a bias-free Linear(d, d) of x; Count: 4 d^2. Refuse: the text
# leaves every projection abstract.
@_export
def h50d_xmixers_densernn(d=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.q = nn.Linear(d, d, bias=False)
            self.k = nn.Linear(d, d, bias=False)
            self.v = nn.Linear(d, d, bias=False)
            self.f = nn.Linear(d, d, bias=False)

        def forward(self, x, S):
            q, v = self.q(x), self.v(x)
            k = torch.nn.functional.normalize(self.k(x), dim=-1)
            f = torch.sigmoid(self.f(x))
            I = torch.eye(d)
            H = I - torch.outer(k[0], k[0])
            S = H @ torch.diag(f[0]) @ H @ S + torch.outer(k[0], v[0])
            return q @ S, S

    return Cell()


# aaarkid/athena GRULayer::forward_sequence: per gate W_i* (x x h), W_h* (h x h), one bias b_* (h), reset before
# the recurrent product; Count: 3(xh + h^2 + h).
@_export
def h50d_athena_gru(input_size=7, hidden_size=5):
    H = hidden_size

    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            for g in "rzn":
                setattr(self, "w_i" + g, _p(input_size, H))
                setattr(self, "w_h" + g, _p(H, H))
                setattr(self, "b_" + g, _p(H))

        def forward(self, x, h):
            r = torch.sigmoid(x @ self.w_ir + h @ self.w_hr + self.b_r)
            z = torch.sigmoid(x @ self.w_iz + h @ self.w_hz + self.b_z)
            n = torch.tanh(x @ self.w_in + (r * h) @ self.w_hn + self.b_n)
            return (1 - z) * n + z * h

    return Cell()


# agemor/sage Lstm: the Rust code holds Dense(input_size, 4h) and Dense(hidden_size, 4h), each with its own bias
# (Dense is defined elsewhere with kernel and bias); the commented PyTorch reference writes a single bias.
# Oracle follows the code: 4h(x + h) + 8h. Refuse: comment (one bias) and code (two Dense, bias not shown) disagree.
@_export
def h50d_sage_lstm(input_size=7, hidden_size=5):
    H = hidden_size

    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.weights = nn.Linear(input_size, 4 * H)
            self.hidden = nn.Linear(H, 4 * H)

        def forward(self, x, h, c):
            g = self.weights(x) + self.hidden(h)
            i, f = torch.sigmoid(g[:, :H]), torch.sigmoid(g[:, H:2 * H])
            gg, o = torch.tanh(g[:, 2 * H:3 * H]), torch.sigmoid(g[:, 3 * H:])
            c = f * c + i * gg
            return o * torch.tanh(c), c

    return Cell()


# neurallayer/Photon.jl LSTM docstring (PyTorch-style): per gate W_i* (h x x) + b_i* and W_h* (h x h) + b_h*
# (W_{hc} read as the candidate's W_{hg}); one layer, one direction by default; Count: 4(hx + h^2 + 2h).
@_export
def h50d_photon_lstm(x=7, hidden_size=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.cell = nn.LSTMCell(x, hidden_size)

        def forward(self, inp, h, c):
            return self.cell(inp, (h, c))

    return Cell()


# openfluke/loom lstmForwardCPU: per gate WeightIH (h x inputSize), WeightHH (h x h), one bias BiasH (h);
# Count: 4(hx + h^2 + h).
@_export
def h50d_loom_lstm(inputSize=7, hiddenSize=5):
    H = hiddenSize

    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.ih = nn.Linear(inputSize, 4 * H, bias=True)
            self.hh = nn.Linear(H, 4 * H, bias=False)

        def forward(self, x, h, c):
            g = self.ih(x) + self.hh(h)
            i, f = torch.sigmoid(g[:, :H]), torch.sigmoid(g[:, H:2 * H])
            gg, o = torch.tanh(g[:, 2 * H:3 * H]), torch.sigmoid(g[:, 3 * H:])
            c = f * c + i * gg
            return o * torch.tanh(c), c

    return Cell()


# neurallayer/Photon.jl GRU docstring (PyTorch-style, reset after the recurrent product): W_i* (h x x) + b_i*,
# W_h* (h x h) + b_h* for r, z, n; one layer, one direction by default; Count: 3(hx + h^2 + 2h).
@_export
def h50d_photon_gru(x=7, hidden_size=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.cell = nn.GRUCell(x, hidden_size)

        def forward(self, inp, h):
            return self.cell(inp, h)

    return Cell()


# tensorust/crate RNNCell: W_xh [input_size, hidden_size], W_hh [hidden_size, hidden_size], b_h [hidden_size]
# (written in the equation); Count: xh + h^2 + h.
@_export
def h50d_tensorust_rnn(input_size=7, hidden_size=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.w_xh = _p(input_size, hidden_size)
            self.w_hh = _p(hidden_size, hidden_size)
            self.b_h = _p(hidden_size)

        def forward(self, x, h):
            return torch.tanh(x @ self.w_xh + h @ self.w_hh + self.b_h)

    return Cell()


# neurallayer/Photon.jl RNN docstring: h_t = tanh(W_ih x_t + b_ih + W_hh h_(t-1) + b_hh); W_ih (h x x), W_hh (h x h),
# two biases; one layer by default; Count: hx + h^2 + 2h.
@_export
def h50d_photon_rnn(x=7, hidden_size=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.cell = nn.RNNCell(x, hidden_size, nonlinearity="tanh")

        def forward(self, inp, h):
            return self.cell(inp, h)

    return Cell()
