"""Oracles for the h51b set-aside snippets (heldout51), as its gatherer wrote them."""
import torch
from torch import nn

__all__ = []


def _export(f):
    __all__.append(f.__name__)
    return f


def _p(*shape):
    return nn.Parameter(torch.randn(*shape) * 0.1)


# ibalampanis thesis background.tex, RNN "Basic Structure"; a = b + W h + U x, h = tanh(a), o = c + V h,
# y = softmax(o): U (h,x), W (h,h), b (h), V (y,h), c (y); Count: h*x + h*h + h + y*h + y.
@_export
def h51b_ibalampanis_rnn(x=7, h=5, y=3):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.U = _p(h, x)
            self.W = _p(h, h)
            self.b = _p(h)
            self.V = _p(y, h)
            self.c = _p(y)

        def forward(self, xt, hp):
            a = self.b + hp @ self.W.T + xt @ self.U.T
            ht = torch.tanh(a)
            o = self.c + ht @ self.V.T
            return torch.softmax(o, -1), ht
    return Cell()


# ibalampanis thesis background.tex, LSTM (Goodfellow-style index form): forget f, external input g,
# cell input (sigma), output q; each has b (h), U (h,x), W (h,h); no peepholes; Count: 4*(h*x + h*h + h).
@_export
def h51b_ibalampanis_lstm(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.U = nn.ParameterDict({k: _p(h, x) for k in "fgco"})
            self.W = nn.ParameterDict({k: _p(h, h) for k in "fgco"})
            self.b = nn.ParameterDict({k: _p(h) for k in "fgco"})

        def forward(self, xt, state):
            hp, sp = state
            pre = {k: self.b[k] + xt @ self.U[k].T + hp @ self.W[k].T for k in "fgco"}
            f = torch.sigmoid(pre["f"])
            g = torch.sigmoid(pre["g"])
            s = f * sp + g * torch.sigmoid(pre["c"])
            q = torch.sigmoid(pre["o"])
            ht = torch.tanh(s) * q
            return ht, (ht, s)
    return Cell()


# thesixtium FPGA-GRU paper (0bb35b1b), GRU in the PyTorch form: per gate r, z, n: W_i* (h,x), b_i* (h),
# W_h* (h,h), b_h* (h); reset multiplies (W_hn h + b_hn); Count: 3*(h*x + h*h + 2*h).
@_export
def h51b_thesixtium_gru(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.Wi = nn.ParameterDict({k: _p(h, x) for k in "rzn"})
            self.bi = nn.ParameterDict({k: _p(h) for k in "rzn"})
            self.Wh = nn.ParameterDict({k: _p(h, h) for k in "rzn"})
            self.bh = nn.ParameterDict({k: _p(h) for k in "rzn"})

        def forward(self, xt, hp):
            gi = {k: xt @ self.Wi[k].T + self.bi[k] for k in "rzn"}
            gh = {k: hp @ self.Wh[k].T + self.bh[k] for k in "rzn"}
            r = torch.sigmoid(gi["r"] + gh["r"])
            n = torch.tanh(gi["n"] + r * gh["n"])
            z = torch.sigmoid(gi["z"] + gh["z"])
            return (1 - z) * n + z * hp
    return Cell()


# OPboi05 Summer-of-Science main.tex, RNN (Ng notation): a = g(W_aa a + W_ax x + b_a), yhat = g(W_ya a + b_y):
# W_aa (a,a), W_ax (a,x), b_a (a), W_ya (y,a), b_y (y); Count: a*a + a*x + a + y*a + y.
@_export
def h51b_opboi05_rnn(x=7, a=5, y=3):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_aa = _p(a, a)
            self.W_ax = _p(a, x)
            self.b_a = _p(a)
            self.W_ya = _p(y, a)
            self.b_y = _p(y)

        def forward(self, xt, ap):
            at = torch.tanh(ap @ self.W_aa.T + xt @ self.W_ax.T + self.b_a)
            yt = torch.tanh(at @ self.W_ya.T + self.b_y)
            return yt, at
    return Cell()


# OPboi05 Summer-of-Science main.tex, GRU with concatenation: W_z, W_r, W_h each (h, h+x), biases b_z, b_r, b_h (h);
# r_t h_{t-1} elementwise inside the concatenation; Count: 3*(h*(h+x) + h).
@_export
def h51b_opboi05_gru(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_z = _p(h, h + x)
            self.W_r = _p(h, h + x)
            self.W_h = _p(h, h + x)
            self.b_z = _p(h)
            self.b_r = _p(h)
            self.b_h = _p(h)

        def forward(self, xt, hp):
            hx = torch.cat([hp, xt], -1)
            z = torch.sigmoid(hx @ self.W_z.T + self.b_z)
            r = torch.sigmoid(hx @ self.W_r.T + self.b_r)
            ht_ = torch.tanh(torch.cat([r * hp, xt], -1) @ self.W_h.T + self.b_h)
            return (1 - z) * hp + z * ht_
    return Cell()


# majimaken econometrics-3 00_main.tex (5e8b2c69), many-to-one RNN: h = tanh(W_h h + W_x x + b), yhat = W_y h;
# W_h (h,h), W_x (h,x), b (h) [written, but prose: "in some cases" -> refuse], W_y (y,h), no output bias;
# Count (bias counted): h*h + h*x + h + y*h.
@_export
def h51b_majimaken_rnn(x=7, h=5, y=3):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_h = _p(h, h)
            self.W_x = _p(h, x)
            self.b = _p(h)
            self.W_y = _p(y, h)

        def forward(self, xt, hp):
            ht = torch.tanh(hp @ self.W_h.T + xt @ self.W_x.T + self.b)
            return ht @ self.W_y.T, ht
    return Cell()


# hsdistefa mas-thesis Thesis_main.tex (5575db76), LSTM with concatenation: W_f, W_C, W_i, W_o each (h, h+x),
# b_f, b_C, b_i, b_o (h); "i_t v C~_t" read as the elementwise product; Count: 4*(h*(h+x) + h).
@_export
def h51b_hsdistefa_lstm(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W = nn.ParameterDict({k: _p(h, h + x) for k in "fCio"})
            self.b = nn.ParameterDict({k: _p(h) for k in "fCio"})

        def forward(self, xt, state):
            hp, cp = state
            hx = torch.cat([hp, xt], -1)
            g = {k: hx @ self.W[k].T + self.b[k] for k in "fCio"}
            f, i, o = torch.sigmoid(g["f"]), torch.sigmoid(g["i"]), torch.sigmoid(g["o"])
            c = f * cp + i * torch.tanh(g["C"])
            ht = o * torch.tanh(c)
            return ht, (ht, c)
    return Cell()


# MarcCoru IGN19 beamer, ConvLSTM frame: f = s(conv([x||h], W_f) + 1), i, j, o = s(conv([x||h], W_*)),
# c = c*f + i*j, h = o*tanh(c). Read as 2-D convolutions with x, h channels and a k x k kernel (k never given
# -> refuse), no biases (the "+1" is a constant): W_* (h, x+h, k, k) x4; Count: 4*h*(x+h)*k*k.
@_export
def h51b_marccoru_convlstm(x=7, h=5, k=3):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.conv = nn.ModuleDict({g: nn.Conv2d(x + h, h, k, padding=k // 2, bias=False) for g in "fijo"})

        def forward(self, xt, state):
            hp, cp = state
            z = torch.cat([xt, hp], 1)
            f = torch.sigmoid(self.conv["f"](z) + 1)
            i = torch.sigmoid(self.conv["i"](z))
            j = torch.sigmoid(self.conv["j"](z))
            o = torch.sigmoid(self.conv["o"](z))
            c = cp * f + i * j
            ht = o * torch.tanh(c)
            return ht, (ht, c)
    return Cell()


# dedsylva Deds latex/rnn.tex, Forward Pass: a_t = sigma(XH_W x_t + HH_W a_{t-1} + b): XH_W (n,m), HH_W (n,n),
# b (n,1); no output layer in the excerpt; Count: n*m + n*n + n.
@_export
def h51b_dedsylva_rnn(m=7, n=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_xh = _p(n, m)
            self.W_hh = _p(n, n)
            self.b = _p(n)

        def forward(self, xt, ap):
            return torch.sigmoid(xt @ self.W_xh.T + ap @ self.W_hh.T + self.b)
    return Cell()


# alucantonio data_science slides/RNN.tex, Elman RNN (row convention): H = phi_h(X W_xh + H W_hh + b_h),
# O = phi_o(H W_ho + b_o); W_xh (x,h), W_hh (h,h), W_ho (h,o), b_h (h), b_o (o); Count: x*h + h*h + h*o + h + o.
@_export
def h51b_alucantonio_rnn(x=6, h=4, o=3):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_xh = _p(x, h)
            self.W_hh = _p(h, h)
            self.W_ho = _p(h, o)
            self.b_h = _p(h)
            self.b_o = _p(o)

        def forward(self, X, Hp):
            H = torch.tanh(X @ self.W_xh + Hp @ self.W_hh + self.b_h)
            return H @ self.W_ho + self.b_o, H
    return Cell()


# iz4vve sequence-modeling bilstm.tex (eb5b0e65), LSTM frame (row convention, no biases): U^i, U^f, U^o, U^g (x,h),
# W^i, W^f, W^o, W^g (h,h); C = sigma(f*C + i*C~), h = tanh(C*o) as written; Count: 4*(x*h + h*h).
@_export
def h51b_iz4vve_lstm(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.U = nn.ParameterDict({k: _p(x, h) for k in "ifog"})
            self.W = nn.ParameterDict({k: _p(h, h) for k in "ifog"})

        def forward(self, xt, state):
            hp, Cp = state
            a = {k: xt @ self.U[k] + hp @ self.W[k] for k in "ifog"}
            i, f, o = torch.sigmoid(a["i"]), torch.sigmoid(a["f"]), torch.sigmoid(a["o"])
            Ct_ = torch.tanh(a["g"])
            C = torch.sigmoid(f * Cp + i * Ct_)
            ht = torch.tanh(C * o)
            return ht, (ht, C)
    return Cell()


# iz4vve sequence-modeling bilstm.tex (eb5b0e65), GRU frame with an extra o_t gate that h_t never uses.
# Most plausible reading: every written weight is a parameter: U^z, U^r, U^o, U^h (x,h), W^z, W^r, W^o, W^h (h,h),
# no biases; Count: 4*(x*h + h*h) [3*(x*h + h*h) if the unused o_t is dropped -> refuse].
@_export
def h51b_iz4vve_gru(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.U = nn.ParameterDict({k: _p(x, h) for k in "zroh"})
            self.W = nn.ParameterDict({k: _p(h, h) for k in "zroh"})

        def forward(self, xt, hp):
            z = torch.sigmoid(xt @ self.U["z"] + hp @ self.W["z"])
            r = torch.sigmoid(xt @ self.U["r"] + hp @ self.W["r"])
            o = torch.sigmoid(xt @ self.U["o"] + hp @ self.W["o"])  # written in the text, unused below
            ht_ = torch.tanh(xt @ self.U["h"] + (r * hp) @ self.W["h"])
            return (1 - z) * hp + z * ht_ + 0 * o
    return Cell()
