"""Oracles for the h44b set-aside snippets (heldout44), as its gatherer wrote them."""
import torch
from torch import nn

__all__ = []


def _export(f):
    __all__.append(f.__name__)
    return f


def _p(*shape):
    return nn.Parameter(torch.randn(*shape) * 0.1)


# narolski/sentiment-classification-thesis main.tex, LSTM; W^i, W^f, W^o, W^c: h x x; U^i, U^f, U^o, U^c: h x h;
# no biases written (the legend omits W^c, but the equation for g_t uses it); Count: 4*(h*x + h*h).
@_export
def h44b_narolski_lstm(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W = nn.ParameterDict({g: _p(h, x) for g in "ifoc"})
            self.U = nn.ParameterDict({g: _p(h, h) for g in "ifoc"})

        def pre(self, g, xt, hp):
            return xt @ self.W[g].T + hp @ self.U[g].T

        def forward(self, xt, hp, cp):
            i = torch.sigmoid(self.pre("i", xt, hp))
            f = torch.sigmoid(self.pre("f", xt, hp))
            o = torch.sigmoid(self.pre("o", xt, hp))
            g = torch.tanh(self.pre("c", xt, hp))
            c = i * g + f * cp
            return o * torch.tanh(c), c
    return Cell()


# renandcl/Portfolio_Optimization secao2_desenvolvimento/2_1_fundamentacao.tex, LSTM; W_f, W_i, W_o, W_g: h x (h+x) on
# [h_{t-1}, x_t], biases b_f, b_i, b_o, b_g (h each); \cdot between gates and states read as element-wise;
# Count: 4*(h*(h+x) + h).
@_export
def h44b_renandcl_lstm(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_f, self.W_i, self.W_o, self.W_g = (nn.Linear(h + x, h) for _ in range(4))

        def forward(self, xt, hp, cp):
            z = torch.cat([hp, xt], -1)
            f = torch.sigmoid(self.W_f(z))
            i = torch.sigmoid(self.W_i(z))
            o = torch.sigmoid(self.W_o(z))
            g = torch.tanh(self.W_g(z))
            c = f * cp + i * g
            return o * torch.tanh(c), c
    return Cell()


# AndreasMadsen/master-thesis report/chapters/theory/sequental.tex, Sutskever encoder-decoder; f and g are left
# abstract (refuse). Most plausible reading: f, g are Elman (tanh) cells with biases; encoder W (h x x), U (h x h),
# b (h); since y_i = softmax(s_i) the decoder state s has the vocabulary size y: G (y x h) on h_{|S|}, V (y x y) on
# s_{i-1}, c (y); Count: h*x + h*h + h + y*h + y*y + y.
@_export
def h44b_madsen_seq2seq(x=7, h=5, y=3):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.enc = nn.RNNCell(x, h, bias=True)
            self.enc.bias_hh = None
            self.dec_in = nn.Linear(h, y)
            self.dec_rec = nn.Linear(y, y, bias=False)

        def forward(self, xs, s0):
            hj = torch.zeros(xs.shape[1], h)
            for xj in xs:
                hj = torch.tanh(xj @ self.enc.weight_ih.T + hj @ self.enc.weight_hh.T + self.enc.bias_ih)
            s = torch.tanh(self.dec_in(hj) + self.dec_rec(s0))
            return torch.softmax(s, -1), s
    return Cell()


# XinzeZhang/HUST-PhD-Thesis-Latex float/ch.univ/model.tex, echo-state cell in a code listing (refuse): ih is
# nn.Linear(input_dim, hidden_size, bias=False), hh is nn.Linear(hidden_size, hidden_size, bias=False); leaky_r is a
# fixed hyper-parameter. The oracle counts the two weight tensors the code registers; as an echo-state reservoir
# run under torch.no_grad() they are fixed, not trained (0 learned in the cell). Count: input_dim*hidden_size +
# hidden_size^2.
@_export
def h44b_xinze_esn(input_dim=7, hidden_size=5):
    class Cell(nn.Module):
        def __init__(self, leaky_r=1.0):
            super().__init__()
            self.ih = nn.Linear(input_dim, hidden_size, bias=False)
            self.hh = nn.Linear(hidden_size, hidden_size, bias=False)
            self.leaky_r = leaky_r

        def forward(self, current_input, last_state):
            current_state = torch.tanh(self.ih(current_input) + self.hh(last_state))
            return (1 - self.leaky_r) * last_state + self.leaky_r * current_state
    return Cell()


# AndreasMadsen/stable-nalu paper/appendix/nalu-author-comments.tex (refuse). The authors' answer names "the standard
# LSTM construction - default in Tensorflow" (embedding 256 -> LSTM 10), while the only equation is a hand-set
# "simplified LSTM" whose gates are indicator functions of x_t with constant vectors and no weight matrix (0 learned
# parameters on that reading). Oracle: the standard TensorFlow LSTM on input x, hidden h: kernel (x, 4h), recurrent
# kernel (h, 4h), one bias (4h); Count: 4*(h*(x+h) + h).
@_export
def h44b_stablenalu_lstm(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.kernel = _p(x, 4 * h)
            self.recurrent_kernel = _p(h, 4 * h)
            self.bias = _p(4 * h)

        def forward(self, xt, hp, cp):
            z = xt @ self.kernel + hp @ self.recurrent_kernel + self.bias
            i, f, g, o = z.chunk(4, -1)
            c = torch.sigmoid(f) * cp + torch.sigmoid(i) * torch.tanh(g)
            return torch.sigmoid(o) * torch.tanh(c), c
    return Cell()
