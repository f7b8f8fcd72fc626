import torch
from torch import nn

__all__ = []


def _export(f):
    __all__.append(f.__name__)
    return f


def _p(*shape):
    return nn.Parameter(torch.randn(*shape) * 0.1)


# wlshiu/my_note:note_zbit/ML/note_GRU.md (Traditional-Chinese personal notes, GRU). Marked refuse: the
# candidate has no W_{hh} though the legend lists it, and one word "Bais" is added everywhere. Most
# plausible reading: a standard GRU with W_{xr}, W_{hr}, W_{xz}, W_{hz}, W_{xh}, W_{hh} and one bias per
# gate (the output layer W_o is not part of the cell). 3(hx + h^2 + h).
@_export
def h34f_wlshiu_gru(X=7, h=5):
    x = X
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_xr, self.W_hr, self.b_r = _p(h, x), _p(h, h), _p(h)
            self.W_xz, self.W_hz, self.b_z = _p(h, x), _p(h, h), _p(h)
            self.W_xh, self.W_hh, self.b_h = _p(h, x), _p(h, h), _p(h)

        def forward(self, X, hp):
            R = torch.sigmoid(self.W_xr @ X + self.W_hr @ hp + self.b_r)
            Z = torch.sigmoid(self.W_xz @ X + self.W_hz @ hp + self.b_z)
            hh = torch.tanh(self.W_xh @ X + self.W_hh @ (R * hp) + self.b_h)
            return (1 - Z) * hp + Z * hh

    return Cell()


# https://soveshmohapatra.com/projects/lnns-live-code/ (blog, Liquid layer in PyTorch). fc: nn.Linear
# (input_size + state_size -> state_size) with bias; A and tau: one vector of state_size each.
# (input_size + state_size) * state_size + state_size + 2 * state_size.
@_export
def h34f_sovesh_liquid(input_size=7, state_size=5):
    dt = 0.1
    class LiquidLayer(nn.Module):
        def __init__(self):
            super().__init__()
            self.dt = dt
            self.fc = nn.Linear(input_size + state_size, state_size)
            self.A = nn.Parameter(torch.randn(state_size))
            self.tau = nn.Parameter(torch.ones(state_size))

        def forward(self, x, state):
            f = torch.sigmoid(self.fc(torch.cat([x, state], dim=-1)))
            tau_val = nn.functional.softplus(self.tau)
            tau_sys = tau_val / (1.0 + tau_val * f)
            return state + self.dt * (-(state / tau_sys) + self.A * f)

    return LiquidLayer()


# https://wenchenli.github.io/2016/11/QRNN (blog notes on QRNN). Marked refuse: only the pooling
# recurrences are written. Most plausible reading: fo-pooling QRNN with masked convolutions of width
# k = 2 for z, f, o (filter banks k x x x h each, no biases, as in the paper). 3 * k * x * h.
@_export
def h34f_wenchenli_qrnn(x=7, h=5):
    k = 2
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_z, self.W_f, self.W_o = _p(h, k * x), _p(h, k * x), _p(h, k * x)

        def forward(self, xs, cp):
            # xs: the last k inputs concatenated (x_{t-k+1} .. x_t)
            z = torch.tanh(self.W_z @ xs)
            f = torch.sigmoid(self.W_f @ xs)
            o = torch.sigmoid(self.W_o @ xs)
            c = f * cp + (1 - f) * z
            return o * c, c

    return Cell()


# iAmKankan/Neural-Network:rnn/gru.md, "Simplified GRU" (Summary): g = tanh(W_g h + U_g x),
# f = sigma(W_f h + U_f x), h_t = f*h + (1-f)*g; no biases. 2(h^2 + hx).
@_export
def h34f_kankan_simplegru(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_g, self.U_g = _p(h, h), _p(h, x)
            self.W_f, self.U_f = _p(h, h), _p(h, x)

        def forward(self, xt, hp):
            g = torch.tanh(self.W_g @ hp + self.U_g @ xt)
            f = torch.sigmoid(self.W_f @ hp + self.U_f @ xt)
            return f * hp + (1 - f) * g

    return Cell()


# iAmKankan/Neural-Network:rnn/gru.md, "Full Gated Recurrent Unit": W_g, U_g, W_f, U_f, W_r, U_r
# ("six sets of matrices"), no biases. 3(h^2 + hx).
@_export
def h34f_kankan_fullgru(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_g, self.U_g = _p(h, h), _p(h, x)
            self.W_f, self.U_f = _p(h, h), _p(h, x)
            self.W_r, self.U_r = _p(h, h), _p(h, x)

        def forward(self, xt, hp):
            r = torch.sigmoid(self.W_r @ hp + self.U_r @ xt)
            f = torch.sigmoid(self.W_f @ hp + self.U_f @ xt)
            g = torch.tanh(self.W_g @ (r * hp) + self.U_g @ xt)
            return f * hp + (1 - f) * g

    return Cell()


# iAmKankan/Neural-Network:rnn/lstm.md, "The formulation of LSTM": W_O, U_O, W_f, U_f, W_i, U_i, W_g,
# U_g ("8 unknown weight matrices"), no biases. 4(h^2 + hx).
@_export
def h34f_kankan_lstm(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_O, self.U_O = _p(h, h), _p(h, x)
            self.W_f, self.U_f = _p(h, h), _p(h, x)
            self.W_i, self.U_i = _p(h, h), _p(h, x)
            self.W_g, self.U_g = _p(h, h), _p(h, x)

        def forward(self, xt, state):
            hp, cp = state
            O = torch.sigmoid(self.W_O @ hp + self.U_O @ xt)
            f = torch.sigmoid(self.W_f @ hp + self.U_f @ xt)
            i = torch.sigmoid(self.W_i @ hp + self.U_i @ xt)
            g = torch.tanh(self.W_g @ hp + self.U_g @ xt)
            c = f * cp + i * g
            return O * torch.tanh(c), c

    return Cell()


# corner0530/my-deep-learning-from-scratch:sample/second/ch06/2-6memo.md (Japanese reading notes, GRU
# appendix), row-vector convention: W_x^{(z)}, W_h^{(z)}, b^{(z)}; W_x^{(r)}, W_h^{(r)}, b^{(r)}; candidate
# W_x, W_h, b. 3(xh + h^2 + h).
@_export
def h34f_corner_gru(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.Wx_z, self.Wh_z, self.b_z = _p(x, h), _p(h, h), _p(h)
            self.Wx_r, self.Wh_r, self.b_r = _p(x, h), _p(h, h), _p(h)
            self.Wx, self.Wh, self.b = _p(x, h), _p(h, h), _p(h)

        def forward(self, xt, hp):
            z = torch.sigmoid(xt @ self.Wx_z + hp @ self.Wh_z + self.b_z)
            r = torch.sigmoid(xt @ self.Wx_r + hp @ self.Wh_r + self.b_r)
            ht = torch.tanh(xt @ self.Wx + (r * hp) @ self.Wh + self.b)
            return (1 - z) * hp + z * ht

    return Cell()


# wlshiu/my_note:note_zbit/ML/note_LSTM.md (Traditional-Chinese notes, LSTM). W_f, W_i, W_c, W_o each
# h x (h + X) on [h(t-1), X(t)], and "Bais" read as each gate's own bias (h). 4(h(h + X) + h).
@_export
def h34f_wlshiu_lstm(X=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_f, self.b_f = _p(h, h + X), _p(h)
            self.W_i, self.b_i = _p(h, h + X), _p(h)
            self.W_c, self.b_c = _p(h, h + X), _p(h)
            self.W_o, self.b_o = _p(h, h + X), _p(h)

        def forward(self, xt, state):
            hp, cp = state
            v = torch.cat([hp, xt])
            f = torch.sigmoid(self.W_f @ v + self.b_f)
            i = torch.sigmoid(self.W_i @ v + self.b_i)
            ch = torch.tanh(self.W_c @ v + self.b_c)
            c = f * cp + i * ch
            o = torch.sigmoid(self.W_o @ v + self.b_o)
            return o * torch.tanh(c), c

    return Cell()


# jonascholz/jonascholz.github.io:_posts/2025-11-22-recurrent-bptt.md (blog, a single LIF neuron).
# U[t] = alpha U[t-1] + W_in X[t] - S[t-1] theta: the only trained parameter is the weight W_in
# (U x X, a scalar for one neuron with one input); alpha and theta are constants. U * X.
@_export
def h34f_jonas_lif(X=1, U=1):
    alpha, theta = 0.9, 1.0
    class Neuron(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_in = _p(U, X)

        def forward(self, xt, state):
            up, sp = state
            u = alpha * up + self.W_in @ xt - sp * theta
            s = (u - theta > 0).float()
            return u, s

    return Neuron()


# https://github.com/UIJIh/2024 (Korean study notebook, LSTM class). Wx: x x 4H, Wh: H x 4H, b: 4H (the
# affine output is sliced into four H-wide blocks f, g, i, o). 4H(x + H + 1).
@_export
def h34f_uijih_lstm(x=7, H=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.Wx, self.Wh, self.b = _p(x, 4 * H), _p(H, 4 * H), _p(4 * H)

        def forward(self, xt, state):
            hp, cp = state
            A = xt @ self.Wx + hp @ self.Wh + self.b
            f, g, i, o = A[..., :H], A[..., H:2 * H], A[..., 2 * H:3 * H], A[..., 3 * H:]
            f, g, i, o = torch.sigmoid(f), torch.tanh(g), torch.sigmoid(i), torch.sigmoid(o)
            c = f * cp + g * i
            return o * torch.tanh(c), c

    return Cell()


# https://community.deeplearning.ai/t/lstm-peephole-connections-variation/32026 (forum question). Marked
# refuse: only the update gate is written. Most plausible reading: Ng-style LSTM whose three gates see
# [a<t-1>, x<t>, c<t-1>] with full matrices (as the question reads Wuc), candidate on [a<t-1>, x<t>],
# biases on all four. 3(a(2a + x) + a) + a(a + x) + a.
@_export
def h34f_dlai_peephole(x=7, a=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_u, self.b_u = _p(a, 2 * a + x), _p(a)
            self.W_f, self.b_f = _p(a, 2 * a + x), _p(a)
            self.W_o, self.b_o = _p(a, 2 * a + x), _p(a)
            self.W_c, self.b_c = _p(a, a + x), _p(a)

        def forward(self, xt, state):
            ap, cp = state
            v = torch.cat([ap, xt, cp])
            u = torch.sigmoid(self.W_u @ v + self.b_u)
            f = torch.sigmoid(self.W_f @ v + self.b_f)
            o = torch.sigmoid(self.W_o @ v + self.b_o)
            cc = torch.tanh(self.W_c @ torch.cat([ap, xt]) + self.b_c)
            c = u * cc + f * cp
            return o * torch.tanh(c), c

    return Cell()
