"""Oracles for the h45f set-aside snippets (heldout45), as its gatherer wrote them."""
import torch
from torch import nn

__all__ = []


def _export(f):
    __all__.append(f.__name__)
    return f


def _p(*shape):
    return nn.Parameter(torch.randn(*shape) * 0.1)


# oscarsr96/aprendizaje-profundo sesion-t3.html, LSTM slides (Spanish); four cards
# sigma/tanh(W·[h_{t-1},x_t]+b): Wf, Wi, WC, Wo each (h, h+x), biases bf, bi, bC, bo each (h);
# C_t = f*C_{t-1} + i*C~, h_t = o*tanh(C_t) (prose). Count: 4*(h*(h+x) + h).
@_export
def h45f_oscarsr96_lstm(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.Wf, self.Wi, self.WC, self.Wo = (_p(h, h + x) for _ in range(4))
            self.bf, self.bi, self.bC, self.bo = (_p(h) for _ in range(4))

        def forward(self, xt, state):
            hp, cp = state
            z = torch.cat([hp, xt], -1)
            f = torch.sigmoid(z @ self.Wf.T + self.bf)
            i = torch.sigmoid(z @ self.Wi.T + self.bi)
            cc = torch.tanh(z @ self.WC.T + self.bC)
            o = torch.sigmoid(z @ self.Wo.T + self.bo)
            c = f * cp + i * cc
            return o * torch.tanh(c), c
    return Cell()


# ShaoQiBNU/RNN README.md LSTM (Chinese, codecogs images); most plausible reading: standard
# concatenated LSTM as the forget gate is written: W_f, W_i, W_C, W_o each (d_h, d_h+d_x) (d_c = d_h),
# biases b_f, b_i, b_C, b_o each (d_h). Count: 4*(d_h*(d_h+d_x) + d_h).
@_export
def h45f_shaoqibnu_lstm(d_x=7, d_h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W = nn.ModuleDict({g: nn.Linear(d_h + d_x, d_h) for g in "fiCo"})

        def forward(self, xt, state):
            hp, cp = state
            z = torch.cat([hp, xt], -1)
            f = torch.sigmoid(self.W["f"](z))
            i = torch.sigmoid(self.W["i"](z))
            cc = torch.tanh(self.W["C"](z))
            o = torch.sigmoid(self.W["o"](z))
            c = f * cp + i * cc
            return o * torch.tanh(c), c
    return Cell()


# datawhalechina/hack-rnns chapter1.ipynb RNN (Chinese); read as its formula
# h_t = tanh(h_{t-1} W_h + x_t W_x + b): W_x (input_size, hidden_size), W_h (hidden_size, hidden_size),
# one bias b (hidden_size) (the code's b_ih + b_hh would add hidden_size more).
# Count: input_size*hidden_size + hidden_size^2 + hidden_size.
@_export
def h45f_hackrnns_rnn(input_size=7, hidden_size=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_x = _p(input_size, hidden_size)
            self.W_h = _p(hidden_size, hidden_size)
            self.b = _p(hidden_size)

        def forward(self, xt, hp):
            return torch.tanh(hp @ self.W_h + xt @ self.W_x + self.b)
    return Cell()


# WhoseSomebody/drdo-kurs model/LSTM.lua (Torch/Lua, Ukrainian comments); n stacked layers; layer L has
# i2h = Linear(input_size_L, 4*rnn_size) and h2h = Linear(rnn_size, 4*rnn_size), both with bias;
# input_size_1 = input_size (one-hot), input_size_L = rnn_size for L > 1.
# Count: 4r(input_size + r) + 8r + (n-1)(8r^2 + 8r), r = rnn_size.
@_export
def h45f_drdokurs_lstm(input_size=7, rnn_size=5, n=2):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.i2h = nn.ModuleList(nn.Linear(input_size if L == 0 else rnn_size, 4 * rnn_size) for L in range(n))
            self.h2h = nn.ModuleList(nn.Linear(rnn_size, 4 * rnn_size) for _ in range(n))

        def forward(self, x, state):
            out = []
            for L in range(n):
                pc, ph = state[L]
                s = (self.i2h[L](x) + self.h2h[L](ph)).view(*x.shape[:-1], 4, rnn_size)
                f, i, o, g = torch.sigmoid(s[..., 0, :]), torch.sigmoid(s[..., 1, :]), torch.sigmoid(s[..., 2, :]), torch.tanh(s[..., 3, :])
                c = f * pc + i * g
                h = o * torch.tanh(c)
                out.append((c, h))
                x = h
            return out
    return Cell()


# mySongminkyu/RNN README (Korean); most plausible reading: hidden layer W_x (D_h, d), W_h (D_h, D_h)
# (written W_t in the formula), b (D_h); output layer its own weight (y, D_h) and bias (y), although the text
# writes them with the same symbols W_t, b and never gives the output size.
# Count: D_h*d + D_h^2 + D_h + y*D_h + y.
@_export
def h45f_mysongminkyu_rnn(d=7, D_h=5, y=3):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_x = _p(D_h, d)
            self.W_h = _p(D_h, D_h)
            self.b = _p(D_h)
            self.out = nn.Linear(D_h, y)

        def forward(self, xt, hp):
            h = torch.tanh(xt @ self.W_x.T + hp @ self.W_h.T + self.b)
            return h, torch.tanh(self.out(h))
    return Cell()


# franklinalexisgr-hash/tarea README (Spanish); table of operations read as h_t = tanh(Wx x_t + Wh h_prev):
# Wx (h, x), Wh (h, h), no bias written. Count: h*x + h*h.
@_export
def h45f_tarea_rnn(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.Wx = _p(h, x)
            self.Wh = _p(h, h)

        def forward(self, xt, h_prev):
            return torch.tanh(xt @ self.Wx.T + h_prev @ self.Wh.T)
    return Cell()


# AnhNguyenVLU/Deep-Learning 4. RNN/RNN.ipynb (Vietnamese); h_t = f(W_xh x_t + W_hh h_{t-1} + b_h),
# y_t = g(W_hy h_t + b_y): W_xh (h, x), W_hh (h, h), b_h (h), W_hy (y, h), b_y (y).
# Count: h*x + h*h + h + y*h + y.
@_export
def h45f_anhnguyen_rnn(x=7, h=5, y=3):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_xh = _p(h, x)
            self.W_hh = _p(h, h)
            self.b_h = _p(h)
            self.W_hy = _p(y, h)
            self.b_y = _p(y)

        def forward(self, xt, hp):
            ht = torch.tanh(xt @ self.W_xh.T + hp @ self.W_hh.T + self.b_h)
            return ht, torch.sigmoid(ht @ self.W_hy.T + self.b_y)
    return Cell()


# AnhNguyenVLU/Deep-Learning 5. LSTM/LSTM.ipynb (Vietnamese); four gates W_g · [h_{t-1}, x_t] + b_g,
# g in {f, i, C, o}: each W_g (h, h+x), b_g (h). Count: 4*(h*(h+x) + h).
@_export
def h45f_anhnguyen_lstm(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W = nn.ModuleDict({g: nn.Linear(h + x, h) for g in ("f", "i", "C", "o")})

        def forward(self, xt, state):
            hp, Cp = state
            z = torch.cat([hp, xt], -1)
            f = torch.sigmoid(self.W["f"](z))
            i = torch.sigmoid(self.W["i"](z))
            Ct = torch.tanh(self.W["C"](z))
            C = f * Cp + i * Ct
            o = torch.sigmoid(self.W["o"](z))
            return o * torch.tanh(C), C
    return Cell()


# wanesta/Deep_Learning_Note RNN_LSTM_.md "# RNN" (Chinese, codecogs images); no bias:
# s_t = f(U x_t + W s_{t-1}), o_t = g(V s_t); U (n, m), W (n, n) per prose, V (k, n) with the
# output size k unstated (size key). Count: n*m + n*n + k*n.
@_export
def h45f_wanesta_rnn(m=7, n=5, k=3):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.U = _p(n, m)
            self.W = _p(n, n)
            self.V = _p(k, n)

        def forward(self, xt, sp):
            st = torch.tanh(xt @ self.U.T + sp @ self.W.T)
            return st, torch.softmax(st @ self.V.T, -1)
    return Cell()


# wanesta/Deep_Learning_Note RNN_LSTM_.md "## GRU" (Chinese, codecogs images); no bias:
# z = σ(W_z·[h,x]), r = σ(W_r·[h,x]), ĥ = tanh(W·[r∘h, x]), h = (1-z)∘h + z∘ĥ;
# W_z, W_r, W each (h, h+x). Count: 3*h*(h+x).
@_export
def h45f_wanesta_gru(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_z, self.W_r, self.W = (_p(h, h + x) for _ in range(3))

        def forward(self, xt, hp):
            z = torch.sigmoid(torch.cat([hp, xt], -1) @ self.W_z.T)
            r = torch.sigmoid(torch.cat([hp, xt], -1) @ self.W_r.T)
            hh = torch.tanh(torch.cat([r * hp, xt], -1) @ self.W.T)
            return (1 - z) * hp + z * hh
    return Cell()
