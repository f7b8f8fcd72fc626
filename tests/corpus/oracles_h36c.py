"""Oracles for the h36c set-aside snippets (heldout36), as its gatherer wrote them."""
import torch
from torch import nn

__all__ = []


def _export(f):
    __all__.append(f.__name__)
    return f


def _p(*shape):
    return nn.Parameter(torch.randn(*shape) * 0.1)


# publish.obsidian.md (subhaditya KB) GRU "The Math"; gates g_r, g_u and proposal each have
# W_h?(h x h), W_x?(h x x), b_?(h); Count: 3*(h*h + h*x + h).
@_export
def h36c_obsidian_gru(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_hr, self.W_xr, self.b_r = _p(h, h), _p(h, x), _p(h)
            self.W_hu, self.W_xu, self.b_u = _p(h, h), _p(h, x), _p(h)
            self.W_xh, self.W_hh, self.b_h = _p(h, x), _p(h, h), _p(h)

        def forward(self, xt, hp):
            g_r = torch.sigmoid(hp @ self.W_hr.T + xt @ self.W_xr.T + self.b_r)
            g_u = torch.sigmoid(hp @ self.W_hu.T + xt @ self.W_xu.T + self.b_u)
            hh = torch.tanh(xt @ self.W_xh.T + (g_r * hp) @ self.W_hh.T + self.b_h)
            return (1 - g_u) * hp + g_u * hh
    return Cell()


# k78ma.github.io AMATH-449 GRU page (equations missing from page text; refuse);
# most plausible reading: standard GRU with W (h x x), U (h x h), b (h) per gate/candidate;
# Count: 3*(h*x + h*h + h).
@_export
def h36c_k78ma_gru(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.Wr, self.Ur, self.br = _p(h, x), _p(h, h), _p(h)
            self.Wz, self.Uz, self.bz = _p(h, x), _p(h, h), _p(h)
            self.Wh, self.Uh, self.bh = _p(h, x), _p(h, h), _p(h)

        def forward(self, xt, hp):
            r = torch.sigmoid(xt @ self.Wr.T + hp @ self.Ur.T + self.br)
            z = torch.sigmoid(xt @ self.Wz.T + hp @ self.Uz.T + self.bz)
            c = torch.tanh(xt @ self.Wh.T + (r * hp) @ self.Uh.T + self.bh)
            return (1 - z) * hp + z * c
    return Cell()


# b2slab.upc.edu MLBI RNN unit animation; scalar W_h, W_x, b (values 0.70, 0.50, 0.10 on the page);
# h_t = tanh(W_h h_{t-1} + W_x x_t + b), y_t = h_t; Count: h*h + h*x + h = 3 at x=h=1.
@_export
def h36c_b2slab_rnn(x=1, h=1):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_h, self.W_x, self.b = _p(h, h), _p(h, x), _p(h)

        def forward(self, xt, hp):
            return torch.tanh(hp @ self.W_h.T + xt @ self.W_x.T + self.b)
    return Cell()


# wasimmohammed.com "RNN Notes": ht = fw(ht-1, xt), f_W left abstract (refuse);
# most plausible (cs231n-style) reading: ht = tanh(Whh ht-1 + Wxh xt), no bias;
# Count: h*h + h*x.
@_export
def h36c_wasim_rnn(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_hh, self.W_xh = _p(h, h), _p(h, x)

        def forward(self, xt, hp):
            return torch.tanh(hp @ self.W_hh.T + xt @ self.W_xh.T)
    return Cell()


# patrick-llgc/Learning-Deep-Learning paper_notes/rwkv.md: AFT Attn+ with RWKV decay
# w_{t,i} = -(t-i) w, w of shape 1xd (refuse: k, v, r have no stated projections);
# most plausible reading of the written formulas: only learned parameter is w (d);
# recurrent form: num_t = e^{-w} num_{t-1} + e^{k_t} v_t, den likewise, out = num/den;
# Count: d.
@_export
def h36c_patrick_rwkv(d=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.w = _p(d)

        def forward(self, k, v, state):
            num, den = state
            w = torch.relu(self.w)  # non-negative decay
            num = torch.exp(-w) * num + torch.exp(k) * v
            den = torch.exp(-w) * den + torch.exp(k)
            return num / den, (num, den)
    return Cell()


# baozoulin.gitbook.io Deep RNNs notes: a[l]<t> = g(Wa[l][a[l]<t-1>, a[l-1]<t>] + ba[l]) (refuse:
# number of layers and per-layer sizes not fixed); reading: the "three layers" example, all
# layers width a, layer 1 reads x; Wa[1] (a x (a+x)), Wa[2], Wa[3] (a x 2a), ba[l] (a);
# Count: a*(a+x)+a + 2*(a*2a + a).
@_export
def h36c_baozoulin_deeprnn(x=7, a=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W = nn.ParameterList([_p(a, a + x), _p(a, 2 * a), _p(a, 2 * a)])
            self.b = nn.ParameterList([_p(a), _p(a), _p(a)])

        def forward(self, xt, aprev):
            inp, out = xt, []
            for l in range(3):
                al = torch.tanh(torch.cat([aprev[l], inp], -1) @ self.W[l].T + self.b[l])
                out.append(al)
                inp = al
            return out
    return Cell()


# dragonwarrior15.github.io statistical-learning-notes LSTM page; row-vector convention
# [h_{t-1}, x_t] W_? + b_?, W_? ((h+x) x h), b_? (h) for f, i, c, o; (\gamma_o read as \Gamma_o);
# Count: 4*((h+x)*h + h).
@_export
def h36c_dragonwarrior_lstm(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_f, self.b_f = _p(h + x, h), _p(h)
            self.W_i, self.b_i = _p(h + x, h), _p(h)
            self.W_c, self.b_c = _p(h + x, h), _p(h)
            self.W_o, self.b_o = _p(h + x, h), _p(h)

        def forward(self, xt, hp, cp):
            z = torch.cat([hp, xt], -1)
            gf = torch.sigmoid(z @ self.W_f + self.b_f)
            gi = torch.sigmoid(z @ self.W_i + self.b_i)
            cc = torch.tanh(z @ self.W_c + self.b_c)
            c = gf * cp + gi * cc
            go = torch.sigmoid(z @ self.W_o + self.b_o)
            return go * torch.tanh(c), c
    return Cell()
