"""Oracles for the h46f set-aside snippets (heldout46), as its gatherer wrote them."""
import torch
from torch import nn

__all__ = []


def _export(f):
    __all__.append(f.__name__)
    return f


def _p(*shape):
    return nn.Parameter(torch.randn(*shape) * 0.1)


# apachecn/ailearning docs/da/121.md (Chinese Theano scan tutorial); y(t) = tanh[W_1 y(t-1) + W_2 x(t) + W_3 x(t-1)]:
# W_1 (y, y), W_2 (y, x), W_3 (y, x); no bias; the previous input x(t-1) is part of the state.
# Count: y^2 + 2*y*x.
@_export
def h46f_apachecn_scanrnn(x=7, y=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_1 = _p(y, y)
            self.W_2 = _p(y, x)
            self.W_3 = _p(y, x)

        def forward(self, xt, state):
            yp, xp = state
            yt = torch.tanh(yp @ self.W_1.T + xt @ self.W_2.T + xp @ self.W_3.T)
            return yt, xt
    return Cell()


# rdglpz/Aprendizaje-Profundo-CentroGeo "7 Redes Neuronales Recurrentes.md" (Spanish); the written (programmed)
# model with biases removed: a = W h^{t-1} + U x^t, h = sigma(a), o = V h, y_hat = o.
# W (h, h), U (h, x), V (y, h); no bias. Count: h^2 + h*x + y*h.
@_export
def h46f_rdglpz_rnn(x=7, h=5, y=3):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W = _p(h, h)
            self.U = _p(h, x)
            self.V = _p(y, h)

        def forward(self, xt, hp):
            a = hp @ self.W.T + xt @ self.U.T
            ht = torch.sigmoid(a)
            return ht @ self.V.T, ht
    return Cell()


# apachecn/ailearning src/py3.x/dl/lstm.py (Chinese comments, code only); LSTM without peepholes:
# for each of f, i, o, c~: Wh (state_width, state_width), Wx (state_width, input_width), b (state_width).
# Count: 4*(state_width^2 + state_width*input_width + state_width).
@_export
def h46f_apachecn_lstm(input_width=7, state_width=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.Wh = nn.ParameterDict({g: _p(state_width, state_width) for g in "fioc"})
            self.Wx = nn.ParameterDict({g: _p(state_width, input_width) for g in "fioc"})
            self.b = nn.ParameterDict({g: _p(state_width) for g in "fioc"})

        def gate(self, g, xt, hp):
            return hp @ self.Wh[g].T + xt @ self.Wx[g].T + self.b[g]

        def forward(self, xt, state):
            hp, cp = state
            f = torch.sigmoid(self.gate("f", xt, hp))
            i = torch.sigmoid(self.gate("i", xt, hp))
            o = torch.sigmoid(self.gate("o", xt, hp))
            ct = torch.tanh(self.gate("c", xt, hp))
            c = f * cp + i * ct
            return o * torch.tanh(c), c
    return Cell()


# hccho2/RNN-Tutorial "1. RNNWrapper/readme.md" (Korean), BasicRNNCell: h_t = tanh([x_t, h_{t-1}] K + b);
# kernel K (x+h, h), bias b (h). Count: (x+h)*h + h.
@_export
def h46f_hccho2_basicrnn(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.kernel = _p(x + h, h)
            self.bias = _p(h)

        def forward(self, xt, hp):
            return torch.tanh(torch.cat([xt, hp], -1) @ self.kernel + self.bias)
    return Cell()


# hccho2/RNN-Tutorial "1. RNNWrapper/readme.md" (Korean), User Defined RNNCell: x' = relu(dense(x)) with
# units = input_depth (= x) and the tf.layers.dense default bias, then h_t = tanh([x', h_{t-1}] K + b) with
# K (x+h, h), b (h) from build(). Count: x*x + x + (x+h)*h + h.
@_export
def h46f_hccho2_fcrnn(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.fc = nn.Linear(x, x)
            self.kernel = _p(x + h, h)
            self.bias = _p(h)

        def forward(self, xt, hp):
            xi = torch.relu(self.fc(xt))
            return torch.tanh(torch.cat([xi, hp], -1) @ self.kernel + self.bias)
    return Cell()


# yjucho1/yjucho1.github.io 2018-10-13-attention.md (Korean); decoder s_t = f(s_{t-1}, y_{t-1}, c_t) left abstract;
# most plausible reading: f a tanh RNN with bias, W_s (s, s), W_y (s, y), W_c (s, 2h), b (s); additive attention
# score v_a^T tanh(W_a [s; h_i]) with W_a (a, s + 2h), v_a (a); encoder states h_i of size 2h (bidirectional).
# Count: s^2 + s*y + s*2h + s + a*(s + 2h) + a.
@_export
def h46f_yjucho1_attndec(s=5, y=3, h=4, a=6):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_s = _p(s, s)
            self.W_y = _p(s, y)
            self.W_c = _p(s, 2 * h)
            self.b = _p(s)
            self.W_a = _p(a, s + 2 * h)
            self.v_a = _p(a)

        def forward(self, yp, sp, H):
            # H: (batch, n, 2h) encoder states
            n = H.shape[1]
            q = torch.cat([sp.unsqueeze(1).expand(-1, n, -1), H], -1)
            score = torch.tanh(q @ self.W_a.T) @ self.v_a
            alpha = torch.softmax(score, -1)
            c = (alpha.unsqueeze(-1) * H).sum(1)
            return torch.tanh(sp @ self.W_s.T + yp @ self.W_y.T + c @ self.W_c.T + self.b)
    return Cell()
