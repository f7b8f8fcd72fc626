"""Oracles for the h45d set-aside snippets (heldout45), as its gatherer wrote them."""
import torch
from torch import nn

__all__ = []


def _export(f):
    __all__.append(f.__name__)
    return f


def _p(*shape):
    return nn.Parameter(torch.randn(*shape) * 0.1)


# robertknight/rten src/ops/rnn.rs GRU comment; W{z,r,h} (h x x), R{z,r,h} (h x h), Wb{z,r,h} and Rb{z,r,h} (h each);
# both candidate formulas (linear_before_reset true/false) use the same parameters; the linear_before_reset=true one is built.
# Count: 3*(h*x + h*h + 2h).
@_export
def h45d_rten_gru(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W = _p(3 * h, x)
            self.R = _p(3 * h, h)
            self.Wb = _p(3 * h)
            self.Rb = _p(3 * h)

        def forward(self, xt, ht):
            gx = xt @ self.W.T + self.Wb
            gh = ht @ self.R.T + self.Rb
            xz, xr, xh = gx.chunk(3, -1)
            hz, hr, hh = gh.chunk(3, -1)
            z = torch.sigmoid(xz + hz)
            r = torch.sigmoid(xr + hr)
            cand = torch.tanh(xh + r * hh)
            return (1 - z) * cand + z * ht
    return Cell()


# tommasocerruti/linear-attention-architectures, Megatron-Core GDN-2 docstring. The text gives only the state
# recurrence; nothing says how q_t, k_t, v_t, b_t, w_t, alpha_t are produced (so: refuse). Most plausible reading:
# single head, model width d, linear maps from x_t (d) for q, k, v (d x d each), channel-wise erase gate b (d x d),
# write gate w (d x d) and diagonal decay alpha (d x d), no biases. Count: 6*d*d.
@_export
def h45d_megatron_gdn2(d=6):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_q = _p(d, d)
            self.W_k = _p(d, d)
            self.W_v = _p(d, d)
            self.W_b = _p(d, d)
            self.W_w = _p(d, d)
            self.W_a = _p(d, d)

        def forward(self, x, S):
            q = x @ self.W_q.T
            k = torch.nn.functional.normalize(x @ self.W_k.T, dim=-1)
            v = x @ self.W_v.T
            b = torch.sigmoid(x @ self.W_b.T)
            w = torch.sigmoid(x @ self.W_w.T)
            alpha = torch.sigmoid(x @ self.W_a.T)
            I = torch.eye(d)
            S = (I - torch.outer(k, b * k)) @ torch.diag(alpha) @ S + torch.outer(k, w * v)
            y = S.T @ q
            return y, S
    return Cell()


# SomeB1oody/RustyML guide 3.7.4 GRU; W_{z,r,h} (input_dim x units), U_{z,r,h} (units x units), b_{z,r,h} (units);
# single bias per gate (text says so), reset before the matmul. Count: 3*(input_dim*units + units*units + units).
@_export
def h45d_rustyml_gru(input_dim=7, units=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W = _p(input_dim, 3 * units)
            self.U = _p(units, 3 * units)
            self.b = _p(3 * units)

        def forward(self, x, h):
            Wz, Wr, Wh = self.W.chunk(3, -1)
            Uz, Ur, Uh = self.U.chunk(3, -1)
            bz, br, bh = self.b.chunk(3, -1)
            z = torch.sigmoid(x @ Wz + h @ Uz + bz)
            r = torch.sigmoid(x @ Wr + h @ Ur + br)
            n = torch.tanh(x @ Wh + (r * h) @ Uh + bh)
            return z * h + (1 - z) * n
    return Cell()


# SomeB1oody/RustyML guide 3.7.2 SimpleRNN; W (input_dim x units), U (units x units), b (1 x units).
# Count: input_dim*units + units*units + units.
@_export
def h45d_rustyml_simplernn(input_dim=7, units=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W = _p(input_dim, units)
            self.U = _p(units, units)
            self.b = _p(1, units)

        def forward(self, x, h):
            return torch.tanh(x @ self.W + h @ self.U + self.b)
    return Cell()


# zk4x/zyx zyx-nn/src/gru.rs GRUCell (bias=true, the constructor's bias flag read as on); weight_ih (3h x in),
# weight_hh (3h x h), bias_ih (3h), bias_hh (3h). Count: 3*(h*in + h*h + 2h).
@_export
def h45d_zyx_grucell(input_size=7, hidden_size=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.weight_ih = _p(3 * hidden_size, input_size)
            self.weight_hh = _p(3 * hidden_size, hidden_size)
            self.bias_ih = _p(3 * hidden_size)
            self.bias_hh = _p(3 * hidden_size)

        def forward(self, x, hx):
            hs = hidden_size
            g = x @ self.weight_ih.T + self.bias_ih
            gh = hx @ self.weight_hh.T + self.bias_hh
            z = torch.sigmoid(g[:, :hs] + gh[:, :hs])
            r = torch.sigmoid(g[:, hs:2 * hs] + gh[:, hs:2 * hs])
            n = torch.tanh(g[:, 2 * hs:] + r * gh[:, 2 * hs:])
            return (1 - z) * n + z * hx
    return Cell()


# tinygrad/tinygrad extra/models/rnnt.py LSTMCell + LSTM: per cell weights_ih (4h x in_k), bias_ih (4h),
# weights_hh (4h x h), bias_hh (4h); in_0 = input_size, in_k = hidden_size for k>0.
# Count: sum over layers 4*(h*in_k + h*h + 2h).
@_export
def h45d_tinygrad_lstm_stacked(input_size=7, hidden_size=5, layers=2):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.cells = nn.ModuleList()
            for k in range(layers):
                n_in = input_size if k == 0 else hidden_size
                m = nn.Module()
                m.weights_ih = _p(4 * hidden_size, n_in)
                m.bias_ih = _p(4 * hidden_size)
                m.weights_hh = _p(4 * hidden_size, hidden_size)
                m.bias_hh = _p(4 * hidden_size)
                self.cells.append(m)

        def forward(self, x, hcs):
            out = []
            inp = x
            for m, (h, c) in zip(self.cells, hcs):
                g = inp @ m.weights_ih.T + m.bias_ih + h @ m.weights_hh.T + m.bias_hh
                i, f, gg, o = g.chunk(4, -1)
                c = torch.sigmoid(f) * c + torch.sigmoid(i) * torch.tanh(gg)
                h = torch.sigmoid(o) * torch.tanh(c)
                out.append((h, c))
                inp = h
            return out
    return Cell()


# kmheckel/spyx matfree.py MLGRU. Four TernaryLinear projections: f, c, g (dim -> hidden) and o (hidden -> dim).
# TernaryLinear's bias is not shown in the excerpt (in the file it defaults to use_bias=False), so a reader cannot
# tell 4*dim*hidden from 4*dim*hidden + 3*hidden + dim (refuse). Built reading: no biases, full-precision shadow
# weights counted. Count: 4*dim*hidden.
@_export
def h45d_spyx_mlgru(dim=6, hidden=4):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.f = nn.Linear(dim, hidden, bias=False)
            self.c = nn.Linear(dim, hidden, bias=False)
            self.g = nn.Linear(dim, hidden, bias=False)
            self.o = nn.Linear(hidden, dim, bias=False)

        def forward(self, x, h):
            f = torch.sigmoid(self.f(x))
            c = torch.nn.functional.silu(self.c(x))
            g = torch.sigmoid(self.g(x))
            h = f * h + (1 - f) * c
            return self.o(g * h), h
    return Cell()


# kmheckel/spyx ssm.py LRU (use_skip=True default): nu, theta (d_state each), B_re, B_im (d_state x d_model),
# C_re, C_im (d_model x d_state), D (d_model); gamma is folded into B at init, not learned.
# Count: 2*d_state + 4*d_state*d_model + d_model.
@_export
def h45d_spyx_lru(d_model=6, d_state=4):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.nu = _p(d_state)
            self.theta = _p(d_state)
            self.B_re = _p(d_state, d_model)
            self.B_im = _p(d_state, d_model)
            self.C_re = _p(d_model, d_state)
            self.C_im = _p(d_model, d_state)
            self.D = _p(d_model)

        def forward(self, u, x):
            lam = torch.exp(-torch.exp(self.nu)) * torch.exp(1j * self.theta)
            B = torch.complex(self.B_re, self.B_im)
            C = torch.complex(self.C_re, self.C_im)
            x = lam * x + u.to(torch.complex64) @ B.T
            y = (x @ C.T).real + self.D * u
            return y, x
    return Cell()


# gomlx/gomlx ml/layers/lstm/lstm.go; layer built by New (DirForward, no peephole): inputsW [1,4,h,f],
# recurrentW [1,4,h,h], biases [1,8,h]. Count: 4*h*f + 4*h*h + 8*h.
@_export
def h45d_gomlx_lstm(featuresSize=7, hiddenSize=5):
    h, f = hiddenSize, featuresSize
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.inputsW = _p(1, 4, h, f)
            self.recurrentW = _p(1, 4, h, h)
            self.biasesW = _p(1, 8, h)

        def forward(self, x, hp, cp):
            px = torch.einsum("bf,nhf->nbh", x, self.inputsW[0]) + self.biasesW[0, :4, None, :]
            ps = torch.einsum("bh,njh->nbj", hp, self.recurrentW[0]) + self.biasesW[0, 4:, None, :]
            g = px + ps
            i, o, fg, c = torch.sigmoid(g[0]), torch.sigmoid(g[1]), torch.sigmoid(g[2]), torch.tanh(g[3])
            cell = cp * fg + c * i
            return o * torch.tanh(cell), cell
    return Cell()


# SomeB1oody/RustyML guide (zh-Hans) 3.7.3 LSTM; W_{i,f,g,o} (input_dim x units), U_{i,f,g,o} (units x units),
# b_{i,f,g,o} (units). Count: 4*(input_dim*units + units*units + units).
@_export
def h45d_rustyml_zh_lstm(input_dim=7, units=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W = _p(input_dim, 4 * units)
            self.U = _p(units, 4 * units)
            self.b = _p(4 * units)

        def forward(self, x, h, c):
            g = x @ self.W + h @ self.U + self.b
            i, f, gg, o = g.chunk(4, -1)
            c = torch.sigmoid(f) * c + torch.sigmoid(i) * torch.tanh(gg)
            h = torch.sigmoid(o) * torch.tanh(c)
            return h, c
    return Cell()
