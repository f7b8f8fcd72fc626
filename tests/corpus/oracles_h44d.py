"""Oracles for the h44d set-aside snippets (heldout44), as its gatherer wrote them."""
import torch
from torch import nn

__all__ = []


def _export(f):
    __all__.append(f.__name__)
    return f


def _p(*shape):
    return nn.Parameter(torch.randn(*shape) * 0.1)


# danielegrattarola/spektral GatedGraphConv docstring (GGNN): m = sum_j h_j W ; h' = GRU(m, h); read as one shared
# W: channels x channels, and the GRU as a standard gated cell with input and hidden size = channels, with the two
# bias vectors of the Keras default GRUCell (reset_after) = torch.nn.GRUCell; output bias not counted separately.
# Count: c*c + 3*(c*c + c*c) + 6*c (refuse: GRU variant/biases unstated, W shared vs per-iteration, use_bias target).
@_export
def h44d_spektral_ggnn(channels=5):
    c = channels

    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W = _p(c, c)
            self.gru = nn.GRUCell(c, c)

        def forward(self, hp, adj):
            m = adj @ (hp @ self.W)
            return self.gru(m, hp)
    return Cell()


# zomux/deepy PeepholeLSTM (Theano source): W: x x 4h (input), U: h x 4h (recurrent), C: h x 3h full matrix applied
# to h_tm1 for i, f, o (the code's "peephole"), biases b_i, b_f, b_c, b_o: h each (no additional inputs).
# Count: 4*h*x + 4*h*h + 3*h*h + 4*h.
@_export
def h44d_deepy_plstm(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W = _p(x, 4 * h)
            self.U = _p(h, 4 * h)
            self.C = _p(h, 3 * h)
            self.b_i, self.b_f, self.b_c, self.b_o = _p(h), _p(h), _p(h), _p(h)

        def forward(self, xt, h_tm1, c_tm1):
            d = xt @ self.W
            xi, xf, xc, xo = d[:, :h], d[:, h:2 * h], d[:, 2 * h:3 * h], d[:, 3 * h:]
            dot_h = h_tm1 @ self.U
            dot_c = h_tm1 @ self.C
            i = torch.sigmoid(xi + dot_h[:, :h] + self.b_i + dot_c[:, :h])
            f = torch.sigmoid(xf + dot_h[:, h:2 * h] + self.b_f + dot_c[:, h:2 * h])
            c = f * c_tm1 + i * torch.tanh(xc + dot_h[:, 2 * h:3 * h] + self.b_c)
            o = torch.sigmoid(xo + dot_h[:, 3 * h:] + dot_c[:, 2 * h:] + self.b_o)
            return o * torch.tanh(c), c
    return Cell()


# cool-japan/torsh CustomRNNCell: read as the default Basic cell that new()/with_activation() build:
# weight_ih: h x x, weight_hh: h x h, bias_ih: h, bias_hh: h; h_t = tanh(W_ih x + W_hh h + b).
# Count: h*x + h*h + 2*h (refuse: four cell types in one text, Highway gate T undefined, doc writes one b vs two biases).
@_export
def h44d_torsh_customrnn(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.weight_ih, self.weight_hh = _p(h, x), _p(h, h)
            self.bias_ih, self.bias_hh = _p(h), _p(h)

        def forward(self, xt, hp):
            return torch.tanh(xt @ self.weight_ih.T + hp @ self.weight_hh.T + self.bias_ih + self.bias_hh)
    return Cell()


# microsoft/CNTK layers RNNUnit: h = activation(W * input + R * prev_h + b), default sigmoid, no projection,
# self-stabilization off; W: x x h, R: h x h, b: h. Count: x*h + h*h + h.
@_export
def h44d_cntk_rnnunit(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W, self.R, self.b = _p(x, h), _p(h, h), _p(h)

        def forward(self, xt, hp):
            return torch.sigmoid(xt @ self.W + hp @ self.R + self.b)
    return Cell()


# itdxer/neupy GRU (TensorFlow source with LaTeX comments): input_weights: x x 3h, hidden_weights: h x 3h,
# biases: 3h (added to the input projection only); hidden_init not trainable by default (learn_init=False).
# Count: 3*h*x + 3*h*h + 3*h.
@_export
def h44d_neupy_gru(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.input_weights = _p(x, 3 * h)
            self.hidden_weights = _p(h, 3 * h)
            self.biases = _p(3 * h)

        def forward(self, xt, hp):
            inp = xt @ self.input_weights + self.biases
            hid = hp @ self.hidden_weights
            hr, hu, hc = hid.split(h, dim=1)
            ir, iu, ic = inp.split(h, dim=1)
            r = torch.sigmoid(hr + ir)
            u = torch.sigmoid(hu + iu)
            c = torch.tanh(ic + r * hc)
            return hp - u * (hp - c)
    return Cell()


# apache/singa layer.LSTM (source): Wx_i, Wx_f, Wx_o, Wx_g: x x h; Wh_i, Wh_f, Wh_o, Wh_g: h x h;
# Bx_i..Bx_g and Bh_i..Bh_g: h each. Count: 4*(x*h + h*h + 2*h).
@_export
def h44d_singa_lstm(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.Wx = nn.ParameterList([_p(x, h) for _ in range(4)])
            self.Wh = nn.ParameterList([_p(h, h) for _ in range(4)])
            self.Bx = nn.ParameterList([_p(h) for _ in range(4)])
            self.Bh = nn.ParameterList([_p(h) for _ in range(4)])

        def forward(self, xt, hp, cp):
            g = [xt @ self.Wx[k] + self.Bx[k] + hp @ self.Wh[k] + self.Bh[k] for k in range(4)]
            i, f, o, gg = torch.sigmoid(g[0]), torch.sigmoid(g[1]), torch.sigmoid(g[2]), torch.tanh(g[3])
            c = f * cp + i * gg
            return o * torch.tanh(c), c
    return Cell()


# JuliaGraphs/GraphNeuralNetworks.jl GatedGraphConv docstring: msg = aggr_j W h_j, h' = GRU(h, msg); read as one
# shared W: out x out and a Flux-style GRUCell(out => out) (Wi: 3out x out, Wh: 3out x out, one bias 3out).
# Count: out*out + 3*(out*out + out*out + out) (refuse: GRU variant unstated; W written once, code keeps one per step).
@_export
def h44d_gnnjl_ggnn(out=5):
    o = out

    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W = _p(o, o)
            self.Wi, self.Wh, self.b = _p(3 * o, o), _p(3 * o, o), _p(3 * o)

        def forward(self, hp, adj):
            m = adj @ (hp @ self.W.T)
            gi, gh = m @ self.Wi.T + self.b, hp @ self.Wh.T
            r = torch.sigmoid(gi[:, :o] + gh[:, :o])
            z = torch.sigmoid(gi[:, o:2 * o] + gh[:, o:2 * o])
            n = torch.tanh(gi[:, 2 * o:] + r * gh[:, 2 * o:])
            return (1 - z) * n + z * hp
    return Cell()


