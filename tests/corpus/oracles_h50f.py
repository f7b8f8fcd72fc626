"""Oracles for the h50f set-aside snippets (heldout50), as its gatherer wrote them."""
import torch
from torch import nn

__all__ = []


def _export(f):
    __all__.append(f.__name__)
    return f


def _p(*shape):
    return nn.Parameter(torch.randn(*shape) * 0.1)


# zhoubaohang/deep-learning-notes, GRU (重置门/更新门/候选记忆门); W_r, W_z, W (h×x), U_r, U_z, U (h×h),
# b_r, b_z, b (h); r_t multiplies U h_{t-1} elementwise; Count: 3*(h*x + h*h + h).
@_export
def h50f_zhoubaohang_gru(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_r, self.U_r, self.b_r = _p(h, x), _p(h, h), _p(h)
            self.W_z, self.U_z, self.b_z = _p(h, x), _p(h, h), _p(h)
            self.W, self.U, self.b = _p(h, x), _p(h, h), _p(h)

        def forward(self, X_t, h_prev):
            r = torch.sigmoid(X_t @ self.W_r.T + h_prev @ self.U_r.T + self.b_r)
            z = torch.sigmoid(X_t @ self.W_z.T + h_prev @ self.U_z.T + self.b_z)
            hh = torch.tanh(X_t @ self.W.T + r * (h_prev @ self.U.T) + self.b)
            return (1 - z) * h_prev + z * hh
    return Cell()


# galijiangzhi/blog, hand-written forward pass of torch.nn.RNN; weight_ih (hidden_size×input_size), weight_hh (hidden_size×hidden_size),
# bias_ih and bias_hh (hidden_size each); h_t = tanh(W_ih x_t + b_ih + W_hh h_{t-1} + b_hh);
# Count: hidden_size*input_size + hidden_size^2 + 2*hidden_size.
@_export
def h50f_galijiangzhi_rnn(input_size=2, hidden_size=3):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.weight_ih = _p(hidden_size, input_size)
            self.weight_hh = _p(hidden_size, hidden_size)
            self.bias_ih = _p(hidden_size)
            self.bias_hh = _p(hidden_size)

        def forward(self, x, h_prev):
            return torch.tanh(x @ self.weight_ih.T + self.bias_ih + h_prev @ self.weight_hh.T + self.bias_hh)
    return Cell()


# qianOU/- (Chinese note), two hand-stacked nn.LSTMCell: a = LSTMCell(30, 20), b = LSTMCell(20, 10); each cell weight_ih [4h, in],
# weight_hh [4h, h], bias_ih [4h], bias_hh [4h] (shapes printed in the text);
# Count: 4*hm*(feature+hm) + 8*hm + 4*h2*(hm+h2) + 8*h2.
@_export
def h50f_qianou_stackedlstm(feature=30, hidden_memory=20, hidden2=10):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.a = nn.LSTMCell(feature, hidden_memory)
            self.b = nn.LSTMCell(hidden_memory, hidden2)

        def forward(self, x, state1, state2):
            h1, c1 = self.a(x, state1)
            h2, c2 = self.b(h1, state2)
            return (h1, c1), (h2, c2)
    return Cell()


# Phosphenesvision/DL-briefing, simplified GRU of Andrew Ng's course (no reset gate): candidate Wc [c, c+x] + bc [c],
# update gate Wu [c, c+x] + bu [c]; the softmax output is only named in prose, not counted; Count: 2*(c*(c+x) + c).
@_export
def h50f_phosphenes_gru(x=7, c=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.Wc, self.bc = _p(c, c + x), _p(c)
            self.Wu, self.bu = _p(c, c + x), _p(c)

        def forward(self, x_t, c_prev):
            z = torch.cat([c_prev, x_t], dim=-1)
            c_tilde = torch.tanh(z @ self.Wc.T + self.bc)
            gu = torch.sigmoid(z @ self.Wu.T + self.bu)
            return gu * c_tilde + (1 - gu) * c_prev
    return Cell()


# manh20060961815271-arch/du-bao-bao-bang-ma-tran (Vietnamese README), one Keras GRU layer with reset_after=True:
# kernel [d, 3u], recurrent_kernel [u, 3u], two bias vectors per gate [2, 3u]; the text's own formula P_cell(d, u) = 3u(d + u + 2).
@_export
def h50f_manh_gru(d=5, u=6):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.kernel = _p(d, 3 * u)
            self.recurrent_kernel = _p(u, 3 * u)
            self.bias = _p(2, 3 * u)  # input bias and recurrent bias (reset_after=True)

        def forward(self, x, h):
            xi = x @ self.kernel + self.bias[0]
            hi = h @ self.recurrent_kernel + self.bias[1]
            xz, xr, xh = xi.chunk(3, -1)
            hz, hr, hh = hi.chunk(3, -1)
            z = torch.sigmoid(xz + hz)
            r = torch.sigmoid(xr + hr)
            hc = torch.tanh(xh + r * hh)
            return z * h + (1 - z) * hc
    return Cell()


# scchy/PaperWithCode-burningGPU (Chinese TTT notes), TTT layer (most plausible reading: TTT-Linear, f(x; W) = W x, W a hidden state
# starting at 0, eta a fixed hyperparameter); learned: theta_K, theta_V, theta_Q as d x d linear projections without bias
# (the text says the training view has fewer dimensions than x_t but never how many, leaves f and theta_rest abstract);
# Count: 3*d*d.
@_export
def h50f_scchy_ttt(d=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.theta_K = _p(d, d)
            self.theta_V = _p(d, d)
            self.theta_Q = _p(d, d)
            self.eta = 0.1

        def forward(self, x_t, W):
            # W: (d, d) hidden state; one gradient step on l(W; x_t) = ||W theta_K x_t - theta_V x_t||^2, then z_t = W_t theta_Q x_t
            k = self.theta_K @ x_t
            v = self.theta_V @ x_t
            grad = 2 * torch.outer(W @ k - v, k)
            W = W - self.eta * grad
            z = W @ (self.theta_Q @ x_t)
            return z, W
    return Cell()


# liu66-qing/deep_learning-HW (Chinese notes, Hung-yi Lee's LSTM), most plausible reading: z, z_i, z_f, z_o each an affine map
# of the concatenated [x_t, h_{t-1}] (weight h×(x+h), bias h), c' = g(z) f(z_i) + c f(z_f), h' = f(z_o) g(c'); the text writes
# only the cell update and never says what z, z_i, z_f are computed from; Count: 4*(h*(x+h) + h).
@_export
def h50f_liu66_lstm(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.lin = nn.ModuleDict({k: nn.Linear(x + h, h) for k in ('z', 'zi', 'zf', 'zo')})

        def forward(self, x_t, h_prev, c):
            u = torch.cat([x_t, h_prev], dim=-1)
            z, zi, zf, zo = (self.lin[k](u) for k in ('z', 'zi', 'zf', 'zo'))
            c_new = torch.tanh(z) * torch.sigmoid(zi) + c * torch.sigmoid(zf)
            return torch.sigmoid(zo) * torch.tanh(c_new), c_new
    return Cell()


# keras-team/keras-docs-zh, keras.layers.GRU with the documented defaults (use_bias=True, reset_after=False: one bias vector,
# reset gate applied to the hidden state before the recurrent matrix product): kernel [input_dim, 3*units],
# recurrent_kernel [units, 3*units], bias [3*units]; Count: 3*(input_dim*units + units*units + units).
@_export
def h50f_kerasdocszh_gru(units=5, input_dim=7):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.kernel = _p(input_dim, 3 * units)
            self.recurrent_kernel = _p(units, 3 * units)
            self.bias = _p(3 * units)

        def forward(self, x, h):
            xz, xr, xh = (x @ self.kernel + self.bias).chunk(3, -1)
            Uz, Ur, Uh = self.recurrent_kernel.chunk(3, -1)
            z = torch.sigmoid(xz + h @ Uz)
            r = torch.sigmoid(xr + h @ Ur)
            hh = torch.tanh(xh + (r * h) @ Uh)
            return z * h + (1 - z) * hh
    return Cell()


# rickiepark/do-it-dl (Korean textbook code), RecurrentNetwork: w1x (n_features, n_cells), w1h (n_cells, n_cells), b1 (n_cells),
# output layer w2 (n_cells, n_classes), b2 (n_classes); h = tanh(x w1x + h w1h + b1), z2 = h w2 + b2;
# Count: n_features*n_cells + n_cells^2 + n_cells + n_cells*n_classes + n_classes.
@_export
def h50f_rickiepark_rnn(n_features=7, n_cells=5, n_classes=3):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.w1x = _p(n_features, n_cells)
            self.w1h = _p(n_cells, n_cells)
            self.b1 = _p(n_cells)
            self.w2 = _p(n_cells, n_classes)
            self.b2 = _p(n_classes)

        def forward(self, x, h_prev):
            h = torch.tanh(x @ self.w1x + h_prev @ self.w1h + self.b1)
            return h @ self.w2 + self.b2, h
    return Cell()


