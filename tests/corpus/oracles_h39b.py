"""Oracles for the h39b set-aside snippets (heldout39), as its gatherer wrote them."""
import torch
from torch import nn

__all__ = []


def _export(f):
    __all__.append(f.__name__)
    return f


def _p(*shape):
    return nn.Parameter(torch.randn(*shape) * 0.1)


# trusthlt/nlp-with-deep-learning-lectures lecture06, Elman / S-RNN frame; row-vector convention:
# W^x (d_in x d_s), W^s (d_s x d_s), b (d_s); y_i = O(s_i) = s_i adds nothing; g = tanh;
# Count: d_in*d_s + d_s*d_s + d_s.
@_export
def h39b_trusthlt_elman(d_in=7, d_s=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_x = _p(d_in, d_s)
            self.W_s = _p(d_s, d_s)
            self.b = _p(d_s)

        def forward(self, x, s):
            s = torch.tanh(s @ self.W_s + x @ self.W_x + self.b)
            return s, s
    return Cell()


# anthonyho/CS224N-project final/report.tex, LSTM (row vectors, no bias written); read with the candidate's W^{(o)}, U^{(o)}
# taken as a typo for its own W^{(c)}, U^{(c)} (the "original LSTM equations"): per gate i, f, o, c: W (x x h), U (h x h);
# Count: 4*(x*h + h*h).  (Literal reading, candidate sharing the output gate's weights: 3*(x*h + h*h).)
@_export
def h39b_anthonyho_lstm(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W = nn.ParameterDict({g: _p(x, h) for g in "ifoc"})
            self.U = nn.ParameterDict({g: _p(h, h) for g in "ifoc"})

        def forward(self, xt, hp, cp):
            a = {g: xt @ self.W[g] + hp @ self.U[g] for g in "ifoc"}
            i, f, o = (torch.sigmoid(a[g]) for g in "ifo")
            c = f * cp + i * torch.tanh(a["c"])
            return o * torch.tanh(c), c
    return Cell()


# mario-dohr/ai-lectures lstm/lstm.tex, Jordan network; s = W^T x + R^T y_prev, a = f(s), y = g(V^T a): W (x x a), R (y x a),
# V (a x y), no bias; f = tanh, g = identity; Count: x*a + y*a + a*y.
@_export
def h39b_dohr_jordan(x=7, a=5, y=3):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W = _p(x, a)
            self.R = _p(y, a)
            self.V = _p(a, y)

        def forward(self, xt, y_prev):
            at = torch.tanh(xt @ self.W + y_prev @ self.R)
            return at @ self.V
    return Cell()


# mario-dohr/ai-lectures lstm/lstm.tex, Elman network as written: s = W^T x + a_prev (no recurrent matrix), y = g(V^T a):
# W (x x a), V (a x y), no bias; Count: x*a + a*y.
@_export
def h39b_dohr_elman(x=7, a=5, y=3):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W = _p(x, a)
            self.V = _p(a, y)

        def forward(self, xt, a_prev):
            at = torch.tanh(xt @ self.W + a_prev)
            return at @ self.V, at
    return Cell()


# insoucyant/MachineLearning LSTM/LSTM.tex, "LSTM Summary"; W_f, W_i, W_o, W_c each (h x (h+x)) on [h_{t-1}, x_t], b_f, b_i,
# b_o, b_c each (h); Count: 4*(h*(h+x) + h).
@_export
def h39b_insoucyant_lstm(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W = nn.ParameterDict({g: _p(h, h + x) for g in "fioc"})
            self.b = nn.ParameterDict({g: _p(h) for g in "fioc"})

        def forward(self, xt, hp, cp):
            z = torch.cat([hp, xt], -1)
            a = {g: z @ self.W[g].T + self.b[g] for g in "fioc"}
            f, i, o = (torch.sigmoid(a[g]) for g in "fio")
            c = f * cp + i * torch.tanh(a["c"])
            return o * torch.tanh(c), c
    return Cell()


# hooogle/mynote RNN/RNN.tex, simple RNN with output layer (shapes given): W_ax (n_a x n_x), W_aa (n_a x n_a), b_a (n_a),
# W_ya (n_y x n_a), b_y (n_y); the merged W_a = [W_aa, W_ax] is the same parameters; g = tanh / identity;
# Count: n_a*n_x + n_a*n_a + n_a + n_y*n_a + n_y.
@_export
def h39b_hooogle_rnn(n_x=7, n_a=5, n_y=3):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_ax = _p(n_a, n_x)
            self.W_aa = _p(n_a, n_a)
            self.b_a = _p(n_a)
            self.W_ya = _p(n_y, n_a)
            self.b_y = _p(n_y)

        def forward(self, x, a_prev):
            a = torch.tanh(a_prev @ self.W_aa.T + x @ self.W_ax.T + self.b_a)
            return a @ self.W_ya.T + self.b_y, a
    return Cell()


# hooogle/mynote RNN/RNN.tex, Ng-style GRU; W_c, W_u, W_r each (c x (c+x)) on the concatenation; biases read as one per
# equation (b_c, b_u and a separate reset bias, the text's second b_c taken as a typo), each (c); no output layer counted
# (only described in words); Count: 3*(c*(c+x) + c).  (Literal shared b_c: 3*c*(c+x) + 2*c.)
@_export
def h39b_hooogle_gru(x=7, c=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W = nn.ParameterDict({g: _p(c, c + x) for g in "cur"})
            self.b = nn.ParameterDict({g: _p(c) for g in "cur"})

        def forward(self, xt, cp):
            cat = torch.cat([cp, xt], -1)
            u = torch.sigmoid(cat @ self.W["u"].T + self.b["u"])
            r = torch.sigmoid(cat @ self.W["r"].T + self.b["r"])
            ct = torch.tanh(torch.cat([r * cp, xt], -1) @ self.W["c"].T + self.b["c"])
            return u * ct + (1 - u) * cp
    return Cell()


# Nori-0/AppuntiDeepLearning chapters/chapter10.tex, simple RNN (MIT-6.S191 style): W_hh (h x h), W_xh (x x h),
# W_hy (h x y), used transposed; no bias; Count: h*h + x*h + h*y.
@_export
def h39b_nori_rnn(x=7, h=5, y=3):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_hh = _p(h, h)
            self.W_xh = _p(x, h)
            self.W_hy = _p(h, y)

        def forward(self, xt, hp):
            ht = torch.tanh(hp @ self.W_hh + xt @ self.W_xh)
            return ht @ self.W_hy, ht
    return Cell()


# wulinsuo/AI-in-Finance chapters/chapter15.tex, single-hidden-unit RNN with output layer: w_x (h x x), w_h (h x h), b (h),
# w_y (y x h), b_y (y), all scalars at the text's sizes; sigma output; Count: h*x + h*h + h + y*h + y (= 5 at 1, 1, 1).
@_export
def h39b_wulinsuo_rnn(x=1, h=1, y=1):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.w_x = _p(h, x)
            self.w_h = _p(h, h)
            self.b = _p(h)
            self.w_y = _p(y, h)
            self.b_y = _p(y)

        def forward(self, xt, hp):
            ht = torch.tanh(xt @ self.w_x.T + hp @ self.w_h.T + self.b)
            return torch.sigmoid(ht @ self.w_y.T + self.b_y), ht
    return Cell()


# wulinsuo/AI-in-Finance chapters/chapter15.tex, LSTM paragraph; f, i, o each W (h x (h+x)) on [h_{t-1}, x_t] + b (h);
# the candidate tilde c_t is not written, read as the standard tanh(W_c[h_{t-1},x_t] + b_c); Count: 4*(h*(h+x) + h).
# (Gates as written only: 3*(h*(h+x) + h); the text's own "three times as many weights" remark points to yet another count.)
@_export
def h39b_wulinsuo_lstm(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W = nn.ParameterDict({g: _p(h, h + x) for g in "fioc"})
            self.b = nn.ParameterDict({g: _p(h) for g in "fioc"})

        def forward(self, xt, hp, cp):
            z = torch.cat([hp, xt], -1)
            a = {g: z @ self.W[g].T + self.b[g] for g in "fioc"}
            f, i, o = (torch.sigmoid(a[g]) for g in "fio")
            c = f * cp + i * torch.tanh(a["c"])
            return o * torch.tanh(c), c
    return Cell()


# maximillian91/recurrent-neural-notes tex/methods.tex, GRU (row vectors, reset after the recurrent product); per gate
# r, u, c: W_x (x x h), W_h (h x h), b (h); sigma_r = sigma_u = sigmoid, sigma_c = tanh; Count: 3*(x*h + h*h + h).
@_export
def h39b_maximillian_gru(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.Wx = nn.ParameterDict({g: _p(x, h) for g in "ruc"})
            self.Wh = nn.ParameterDict({g: _p(h, h) for g in "ruc"})
            self.b = nn.ParameterDict({g: _p(h) for g in "ruc"})

        def forward(self, xt, hp):
            r = torch.sigmoid(xt @ self.Wx["r"] + hp @ self.Wh["r"] + self.b["r"])
            u = torch.sigmoid(xt @ self.Wx["u"] + hp @ self.Wh["u"] + self.b["u"])
            c = torch.tanh(xt @ self.Wx["c"] + r * (hp @ self.Wh["c"]) + self.b["c"])
            return (1 - u) * hp + u * c
    return Cell()
