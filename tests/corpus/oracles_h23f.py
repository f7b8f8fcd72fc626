import torch
from torch import nn

__all__ = []


def _export(f):
    __all__.append(f.__name__)
    return f


def _p(*shape):
    return nn.Parameter(torch.randn(*shape) * 0.1)


# leovan/leovan.me:content/cn/2018-09-21-rnn.md (Chinese Hugo blog, section 网络结构). Elman RNN with an
# output layer: W_IH (m x n), W_HH (m x m), b_h (m); W_HO (p x m), b_o (p).
# m*n + m*m + m + p*m + p.
@_export
def h23f_leovan_rnn(n=7, m=5, p=3):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_IH, self.W_HH, self.b_h = _p(m, n), _p(m, m), _p(m)
            self.W_HO, self.b_o = _p(p, m), _p(p)

        def forward(self, x, hp):
            o = self.W_IH @ x + self.W_HH @ hp + self.b_h
            h = torch.tanh(o)
            y = torch.tanh(self.W_HO @ h + self.b_o)
            return y, h

    return Cell()


# leovan/leovan.me:content/cn/2018-09-21-rnn.md (section LSTM 变种, GRU). No biases: W_z, W_r, W each
# h x (h + x) on a concatenation. 3h(h + x).
@_export
def h23f_leovan_gru(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_z, self.W_r, self.W = _p(h, h + x), _p(h, h + x), _p(h, h + x)

        def forward(self, xt, hp):
            hx = torch.cat([hp, xt])
            z = torch.sigmoid(self.W_z @ hx)
            r = torch.sigmoid(self.W_r @ hx)
            ht = torch.tanh(self.W @ torch.cat([r * hp, xt]))
            return (1 - z) * hp + z * ht

    return Cell()


# leovan/leovan.me:content/cn/2018-09-21-rnn.md (section LSTM 变种, peephole + coupled gates). REFUSE: the
# candidate tilde C_t is not defined in the excerpt. Plausible reading: peephole gates f, i, o with W
# h x (h + h + x) on [C, h, x] and biases, candidate W_C h x (h + x) + b_C as in the basic LSTM above it.
# 3(h(2h + x) + h) + h(h + x) + h.
@_export
def h23f_leovan_peephole(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_f, self.b_f = _p(h, 2 * h + x), _p(h)
            self.W_i, self.b_i = _p(h, 2 * h + x), _p(h)
            self.W_o, self.b_o = _p(h, 2 * h + x), _p(h)
            self.W_C, self.b_C = _p(h, h + x), _p(h)

        def forward(self, xt, state):
            hp, cp = state
            f = torch.sigmoid(self.W_f @ torch.cat([cp, hp, xt]) + self.b_f)
            i = torch.sigmoid(self.W_i @ torch.cat([cp, hp, xt]) + self.b_i)
            ct_ = torch.tanh(self.W_C @ torch.cat([hp, xt]) + self.b_C)
            c = f * cp + i * ct_
            o = torch.sigmoid(self.W_o @ torch.cat([c, hp, xt]) + self.b_o)
            return o * torch.tanh(c), c

    return Cell()


# mmuratarat/mmuratarat.github.io:_posts/2019-01-19-dimensions-of-lstm.md (LSTM written three times: single
# instance, mini-batch, concatenated; one cell). W_x* (X x h), W_h* (h x h), b_* (h) for i, f, c, o.
# 4(Xh + h^2 + h).
@_export
def h23f_mma_lstm(X=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            for g in "ifco":
                setattr(self, "W_x" + g, _p(X, h))
                setattr(self, "W_h" + g, _p(h, h))
                setattr(self, "b_" + g, _p(h))

        def lin(self, g, x, hp):
            return x @ getattr(self, "W_x" + g) + hp @ getattr(self, "W_h" + g) + getattr(self, "b_" + g)

        def forward(self, x, state):
            hp, cp = state
            i = torch.sigmoid(self.lin("i", x, hp))
            f = torch.sigmoid(self.lin("f", x, hp))
            ct_ = torch.tanh(self.lin("c", x, hp))
            c = f * cp + i * ct_
            o = torch.sigmoid(self.lin("o", x, hp))
            return o * torch.tanh(c), c

    return Cell()


# mmuratarat/mmuratarat.github.io:_posts/2019-01-19-dimensions-of-lstm.md (LSTM with Peephole Connections).
# As h23f_mma_lstm plus peephole vectors W_ci, W_cf, W_co (h each, Hadamard). 4(Xh + h^2 + h) + 3h.
@_export
def h23f_mma_peephole(X=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            for g in "ifco":
                setattr(self, "W_x" + g, _p(X, h))
                setattr(self, "W_h" + g, _p(h, h))
                setattr(self, "b_" + g, _p(h))
            self.W_ci, self.W_cf, self.W_co = _p(h), _p(h), _p(h)

        def lin(self, g, x, hp):
            return x @ getattr(self, "W_x" + g) + hp @ getattr(self, "W_h" + g) + getattr(self, "b_" + g)

        def forward(self, x, state):
            hp, cp = state
            i = torch.sigmoid(self.lin("i", x, hp) + cp * self.W_ci)
            f = torch.sigmoid(self.lin("f", x, hp) + cp * self.W_cf)
            ct_ = torch.tanh(self.lin("c", x, hp))
            c = f * cp + i * ct_
            o = torch.sigmoid(self.lin("o", x, hp) + c * self.W_co)
            return o * torch.tanh(c), c

    return Cell()


# mmuratarat/mmuratarat.github.io:_posts/2019-02-07-bptt-of-rnn.md (vanilla RNN with output layer, shapes
# listed: W_xh n_inputs x n_neurons, W_hh and W_yh n_neurons x n_neurons, b_h and b_y n_neurons; W is only
# the concatenation of W_xh and W_hh). n_in*n + 2n^2 + 2n.
@_export
def h23f_mmabptt_rnn(n_inputs=7, n_neurons=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_xh, self.W_hh, self.b_h = _p(n_inputs, n_neurons), _p(n_neurons, n_neurons), _p(n_neurons)
            self.W_yh, self.b_y = _p(n_neurons, n_neurons), _p(n_neurons)

        def forward(self, x, hp):
            h = torch.tanh(x @ self.W_xh + hp @ self.W_hh + self.b_h)
            y = torch.softmax(h @ self.W_yh + self.b_y, -1)
            return y, h

    return Cell()


# kerwinxu/kerwinxu.github.io:_posts/2021-12-21-tensorflow2的rnn循环神经网络.md (循环核). REFUSE: the h_t
# equation has no bias but the list names a bias b_h. Plausible reading (Keras SimpleRNN + Dense): w_xh (x x h),
# w_hh (h x h), b_h (h), w_hy (h x y), b_y (y). xh + h^2 + h + hy + y.
@_export
def h23f_kerwinrnn_rnn(x=7, h=5, y=3):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.w_xh, self.w_hh, self.b_h = _p(x, h), _p(h, h), _p(h)
            self.w_hy, self.b_y = _p(h, y), _p(y)

        def forward(self, xt, hp):
            ht = torch.tanh(xt @ self.w_xh + hp @ self.w_hh + self.b_h)
            return torch.softmax(ht @ self.w_hy + self.b_y, -1), ht

    return Cell()


# kerwinxu/kerwinxu.github.io:_posts/2023-9-17-神经网路简略介绍.md (LSTM). No biases; W^(t) [input gate, sic],
# W^(f), W^(o), W^(c) (h x x) and U^(i..c) (h x h). 4(xh + h^2).
@_export
def h23f_kerwinnn_lstm(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W = nn.ParameterDict({g: _p(h, x) for g in "tfoc"})
            self.U = nn.ParameterDict({g: _p(h, h) for g in "tfoc"})

        def forward(self, xt, state):
            hp, cp = state
            g = lambda k: self.W[k] @ xt + self.U[k] @ hp
            i, f, o = torch.sigmoid(g("t")), torch.sigmoid(g("f")), torch.sigmoid(g("o"))
            c = f * cp + i * torch.tanh(g("c"))
            return o * torch.tanh(c), c

    return Cell()


# kerwinxu/kerwinxu.github.io:_posts/2023-9-17-神经网路简略介绍.md (GRU). No biases; W^(z), W^(r), W (h x x),
# U^(z), U^(r), U (h x h); reset applied after U. 3(xh + h^2).
@_export
def h23f_kerwinnn_gru(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_z, self.W_r, self.W = _p(h, x), _p(h, x), _p(h, x)
            self.U_z, self.U_r, self.U = _p(h, h), _p(h, h), _p(h, h)

        def forward(self, xt, hp):
            z = torch.sigmoid(self.W_z @ xt + self.U_z @ hp)
            r = torch.sigmoid(self.W_r @ xt + self.U_r @ hp)
            ht = torch.tanh(r * (self.U @ hp) + self.W @ xt)
            return (1 - z) * ht + z * hp

    return Cell()


# iamtrask/iamtrask.github.io:_posts/2015-08-07-anyone-can-code-lstm.markdown (Part 4, line-by-line prose).
# synapse_0 (input_dim x hidden_dim), synapse_h (hidden_dim x hidden_dim), synapse_1 (hidden_dim x output_dim),
# no biases, sigmoid hidden and output. in*hid + hid^2 + hid*out = 2*16 + 256 + 16 = 304.
@_export
def h23f_trask_rnn(input_dim=2, hidden_dim=16, output_dim=1):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.synapse_0 = _p(input_dim, hidden_dim)
            self.synapse_1 = _p(hidden_dim, output_dim)
            self.synapse_h = _p(hidden_dim, hidden_dim)

        def forward(self, X, prev_layer_1):
            layer_1 = torch.sigmoid(X @ self.synapse_0 + prev_layer_1 @ self.synapse_h)
            layer_2 = torch.sigmoid(layer_1 @ self.synapse_1)
            return layer_2, layer_1

    return Cell()


# peterroelants/peterroelants.github.io:notebooks/rnn_implementation/rnn-implementation-part01.ipynb (Linear
# recurrent neural network). One state, one input: w_rec (s x s) and w_x (s x x), scalars here; no bias.
# s^2 + s*x = 2.
@_export
def h23f_roelants_linrnn(x=1, s=1):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.w_rec, self.w_x = _p(s, s), _p(s, x)

        def forward(self, xk, sp):
            return self.w_rec @ sp + self.w_x @ xk

    return Cell()


# reniew/reniew.github.io:_posts/2018-07-18-20.md (4.1 RNN). W (d_h x d), U (d_h x d_h), no bias; phi a fixed
# map of the symbol to d dimensions. d_h*d + d_h^2.
@_export
def h23f_reniew20_rnn(d=7, d_h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W, self.U = _p(d_h, d), _p(d_h, d_h)

        def forward(self, phi_x, hp):
            return torch.tanh(self.W @ phi_x + self.U @ hp)

    return Cell()


# reniew/reniew.github.io:_posts/2018-07-18-20.md (4.2 GRU). REFUSE: phi(x_t) undefined, candidate reads x_t.
# Plausible reading (phi the identity on x): W_r, W_u, W (n_h x x), U_r, U_u, U (n_h x n_h), no biases.
# 3(n_h x + n_h^2).
@_export
def h23f_reniew20_gru(x=7, n_h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_r, self.W_u, self.W = _p(n_h, x), _p(n_h, x), _p(n_h, x)
            self.U_r, self.U_u, self.U = _p(n_h, n_h), _p(n_h, n_h), _p(n_h, n_h)

        def forward(self, xt, hp):
            r = torch.sigmoid(self.W_r @ xt + self.U_r @ hp)
            u = torch.sigmoid(self.W_u @ xt + self.U_u @ (r * hp))
            ht = torch.tanh(self.W @ xt + r * (self.U @ hp))
            return u * hp + (1 - u) * ht

    return Cell()


# reniew/reniew.github.io:_posts/2018-09-06-41.md (LSTM, CS224n-style, no biases). W^(i,f,o,c) (h x x),
# U^(i,f,o,c) (h x h). 4(xh + h^2).
@_export
def h23f_reniew41_lstm(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W = nn.ParameterDict({g: _p(h, x) for g in "ifoc"})
            self.U = nn.ParameterDict({g: _p(h, h) for g in "ifoc"})

        def forward(self, xt, state):
            hp, cp = state
            g = lambda k: self.W[k] @ xt + self.U[k] @ hp
            i, f, o = torch.sigmoid(g("i")), torch.sigmoid(g("f")), torch.sigmoid(g("o"))
            c = f * cp + i * torch.tanh(g("c"))
            return o * torch.tanh(c), c

    return Cell()


# goombalab/goombalab.github.io:_posts/2026-03-16-mamba3-part2.md (State Space Foundations, LTI SSM).
# A (N x N), B (N), C (N), scalar input and output. N^2 + 2N. forward: one Euler step of the ODE.
@_export
def h23f_goomba_lti(N=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.A, self.B, self.C = _p(N, N), _p(N), _p(N)

        def forward(self, x, h, dt=0.1):
            h = h + dt * (self.A @ h + self.B * x)
            return self.C @ h, h

    return Cell()
