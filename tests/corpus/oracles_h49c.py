"""Oracles for the h49c set-aside snippets (heldout49), as its gatherer wrote them."""
import torch
from torch import nn

__all__ = []


def _export(f):
    __all__.append(f.__name__)
    return f


def _p(*shape):
    return nn.Parameter(torch.randn(*shape) * 0.1)


# AndreaAI/Deep-Learning-Models-for-text-comprehension README.tex.md, LSTM table; gates i,f,o,g each W_1^* (h x x) on x_t and
# W_2^* (h x h) on h_{t-1}; no biases written; Count: 4*(h*x + h*h).
@_export
def h49c_andreaai_lstm(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W1 = nn.ParameterDict({k: _p(h, x) for k in "ifog"})
            self.W2 = nn.ParameterDict({k: _p(h, h) for k in "ifog"})

        def forward(self, xt, hp, mp):
            a = {k: self.W1[k] @ xt + self.W2[k] @ hp for k in "ifog"}
            i, f, o = torch.sigmoid(a["i"]), torch.sigmoid(a["f"]), torch.sigmoid(a["o"])
            g = torch.tanh(a["g"])
            m = f * mp + g * i
            return torch.tanh(m) * o, m
    return Cell()


# AndreaAI/Deep-Learning-Models-for-text-comprehension README.tex.md, simple RNN in matrix notation; W^1 (m x n),
# W^2 (m x m), theta^1 (m), W^3 (l x m), theta^2 (l); Count: h*x + h*h + h + y*h + y.
@_export
def h49c_andreaai_rnn(x=7, h=5, y=3):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W1, self.W2, self.th1 = _p(h, x), _p(h, h), _p(h)
            self.W3, self.th2 = _p(y, h), _p(y)

        def forward(self, xt, hp):
            ht = torch.tanh(self.W1 @ xt + self.W2 @ hp + self.th1)
            return ht, torch.sigmoid(self.W3 @ ht + self.th2)
    return Cell()


# minje46/Notes Deep Learning/LSTM.md; f,i,C~,o each W(.) (h x (h+x)) on [h(t-1), x(t)] plus b(.) (h);
# Count: 4*(h*(h+x) + h).
@_export
def h49c_minje46_lstm(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W = nn.ParameterDict({k: _p(h, h + x) for k in "fiCo"})
            self.b = nn.ParameterDict({k: _p(h) for k in "fiCo"})

        def forward(self, xt, hp, cp):
            v = torch.cat([hp, xt])
            a = {k: self.W[k] @ v + self.b[k] for k in "fiCo"}
            f, i, o = torch.sigmoid(a["f"]), torch.sigmoid(a["i"]), torch.sigmoid(a["o"])
            c = f * cp + i * torch.tanh(a["C"])
            return o * torch.tanh(c), c
    return Cell()


# FinML-LiangXinyu/GRU README.md; U_r,U_z,U_h (h x h), W_r,W_z,W_h (h x x), b_r,b_z,b_h (h), output V (y x h), b_c (y);
# Count: 3*(h*h + h*x + h) + y*h + y.
@_export
def h49c_finml_gru(x=7, h=5, y=3):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.U = nn.ParameterDict({k: _p(h, h) for k in "rzh"})
            self.W = nn.ParameterDict({k: _p(h, x) for k in "rzh"})
            self.b = nn.ParameterDict({k: _p(h) for k in "rzh"})
            self.V, self.bc = _p(y, h), _p(y)

        def forward(self, xt, hp):
            r = torch.sigmoid(self.U["r"] @ hp + self.W["r"] @ xt + self.b["r"])
            z = torch.sigmoid(self.U["z"] @ hp + self.W["z"] @ xt + self.b["z"])
            hc = torch.tanh(self.U["h"] @ (r * hp) + self.W["h"] @ xt + self.b["h"])
            ht = (1 - z) * hc + z * hp
            return ht, torch.softmax(self.V @ ht + self.bc, dim=-1)
    return Cell()


# EricWiener/ai-notes "RNN, LSTM, Captioning.md", Elman RNN; W_hh (h x h), W_xh (h x x), b (h), W_hy (y x h), no output bias
# written; Count: h*h + h*x + h + y*h.
@_export
def h49c_ericwiener_elman(x=7, h=5, y=3):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_hh, self.W_xh, self.b = _p(h, h), _p(h, x), _p(h)
            self.W_hy = _p(y, h)

        def forward(self, xt, hp):
            ht = torch.tanh(self.W_hh @ hp + self.W_xh @ xt + self.b)
            return ht, self.W_hy @ ht
    return Cell()


# EricWiener/ai-notes "RNN, LSTM, Captioning.md", LSTM (refuse: "W is 4h x 2h" ties input size to h and carries no bias,
# while the implementation part uses a = W_x x_t + W_h h_{t-1} + b). Most plausible reading: W_x (4h x x), W_h (4h x h),
# b (4h); Count: 4h*(x + h) + 4h.
@_export
def h49c_ericwiener_lstm(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_x, self.W_h, self.b = _p(4 * h, x), _p(4 * h, h), _p(4 * h)

        def forward(self, xt, hp, cp):
            a = self.W_x @ xt + self.W_h @ hp + self.b
            a_i, a_f, a_o, a_g = a.chunk(4)
            i, f, o, g = torch.sigmoid(a_i), torch.sigmoid(a_f), torch.sigmoid(a_o), torch.tanh(a_g)
            c = f * cp + i * g
            return o * torch.tanh(c), c
    return Cell()


# Srishti002/Stock-price-prediction README.md, LSTM; Wf, Wi, Wc, Wo each (h x (h+x)) on [ht-1, Xt], biases bf, bi, bc, Bo (h);
# Count: 4*(h*(h+x) + h).
@_export
def h49c_srishti_lstm(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W = nn.ParameterDict({k: _p(h, h + x) for k in "fico"})
            self.b = nn.ParameterDict({k: _p(h) for k in "fico"})

        def forward(self, xt, hp, cp):
            v = torch.cat([hp, xt])
            g = {k: self.W[k] @ v + self.b[k] for k in "fico"}
            ft, it, ot = torch.sigmoid(g["f"]), torch.sigmoid(g["i"]), torch.sigmoid(g["o"])
            ct_ = torch.tanh(g["c"])
            c = ft * cp + it * ct_
            return ot * torch.tanh(c), c
    return Cell()


# hmchen47/DataScience RefCards/RNN.md, factored multiplicative RNN transition: per factor f, w_f (b), u_f (a), v_f (c);
# c = sum_f (b^T w_f)(a^T u_f) v_f; no biases or other weights written; Count: F*(a + b + c).
@_export
def h49c_hmchen_mrnn(a=5, b=7, c=5, F=4):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.w, self.u, self.v = _p(F, b), _p(F, a), _p(F, c)

        def forward(self, bt, at):
            coef = (self.w @ bt) * (self.u @ at)  # (F,)
            return coef @ self.v  # (c,)
    return Cell()


# Charles2530/Charles-AI-notes planet.md, RSSM (refuse: f is left abstract and the prior/posterior/decoders are only named
# distributions). Most plausible reading of the recurrence alone: f = GRU cell (as in PlaNet) on input [s_{t-1}; a_{t-1}],
# torch-style biases; Count: 3*(h*(s+a) + h*h + 2h).
@_export
def h49c_charles_rssm(h=5, s=3, a=2):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.f = nn.GRUCell(s + a, h)

        def forward(self, st, at, hp):
            return self.f(torch.cat([st, at], -1).unsqueeze(0), hp.unsqueeze(0)).squeeze(0)
    return Cell()


# abhi-yln/LSTM README.md, LSTM; per gate i, c~, f, o: W_{*x} (h x x), W_{*h} (h x h), b_* (h); juxtaposition read as
# elementwise product; Count: 4*(h*x + h*h + h).
@_export
def h49c_abhiyln_lstm(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.Wx = nn.ParameterDict({k: _p(h, x) for k in "icfo"})
            self.Wh = nn.ParameterDict({k: _p(h, h) for k in "icfo"})
            self.b = nn.ParameterDict({k: _p(h) for k in "icfo"})

        def forward(self, xt, hp, cp):
            g = {k: torch.sigmoid(self.Wx[k] @ xt + self.Wh[k] @ hp + self.b[k]) for k in "icfo"}
            c = g["f"] * cp + g["i"] * g["c"]
            return g["o"] * torch.tanh(c), c
    return Cell()


# AndreaAI/Deep-Learning-Models-for-text-comprehension README.tex.md, GRU table; z, r, candidate each W_1^* (h x x) and
# W_2^* (h x h); no biases written; Count: 3*(h*x + h*h).
@_export
def h49c_andreaai_gru(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W1 = nn.ParameterDict({k: _p(h, x) for k in "zrh"})
            self.W2 = nn.ParameterDict({k: _p(h, h) for k in "zrh"})

        def forward(self, xt, hp):
            z = torch.sigmoid(self.W1["z"] @ xt + self.W2["z"] @ hp)
            r = torch.sigmoid(self.W1["r"] @ xt + self.W2["r"] @ hp)
            return (1 - z) * hp + z * torch.tanh(self.W1["h"] @ xt + self.W2["h"] @ (r * hp))
    return Cell()


# EricWiener/ai-notes "Recurrent Convolutional Network.md" (refuse: the convolution kernel size is never given and the
# conv equations are only in a screenshot). Most plausible reading: h_{t+1} = tanh(conv_h(h_t) + conv_x(x)) with two
# k x k convolutions C -> C, no bias (none written); Count: 2*C*C*k*k.
@_export
def h49c_ericwiener_rcnn(C=4, k=3):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_h = nn.Conv2d(C, C, k, padding=k // 2, bias=False)
            self.W_x = nn.Conv2d(C, C, k, padding=k // 2, bias=False)

        def forward(self, xt, hp):
            return torch.tanh(self.W_h(hp) + self.W_x(xt))
    return Cell()
