"""Oracles for the h48c set-aside snippets (heldout48), as its gatherer wrote them."""
import torch
from torch import nn

__all__ = []


def _export(f):
    __all__.append(f.__name__)
    return f


def _p(*shape):
    return nn.Parameter(torch.randn(*shape) * 0.1)


# undelapaz-rnap-2025I/secuencias Tarea.md, exercise 2; LSTM with W_f, W_i, W_c, W_o (h, x) and U_f, U_i, U_c, U_o (h, h),
# no biases written; the prose makes every weight a scalar (x = h = 1); Count: 4*(h*x + h*h) = 8.
@_export
def h48c_undelapaz_lstm_scalar_nobias_es(x=1, h=1):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W = nn.ParameterDict({k: _p(h, x) for k in "fico"})
            self.U = nn.ParameterDict({k: _p(h, h) for k in "fico"})

        def forward(self, xt, h_prev, c_prev):
            g = lambda k: xt @ self.W[k].T + h_prev @ self.U[k].T
            f = torch.sigmoid(g("f"))
            i = torch.sigmoid(g("i"))
            c_tilde = torch.tanh(g("c"))
            c = f * c_prev + i * c_tilde
            o = torch.sigmoid(g("o"))
            return o * torch.tanh(c), c
    return Cell()


# akajai/Ajai---Machine-Deep-Learning Deep Learning/LSTM.md, RNN section; W_hh (h, h), W_xh (h, x), W_hy (y, h), no biases
# written (the prose lists exactly these three shared weights); λ is a parameter-free output activation; Count: h*h + h*x + y*h.
@_export
def h48c_akajai_rnn_output_nobias(x=7, h=5, y=3):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_hh = _p(h, h)
            self.W_xh = _p(h, x)
            self.W_hy = _p(y, h)

        def forward(self, xt, h_prev):
            ht = torch.tanh(h_prev @ self.W_hh.T + xt @ self.W_xh.T)
            return torch.softmax(ht @ self.W_hy.T, -1), ht
    return Cell()


# SSdevelop/Notes Deep Learning/RNN.md; W^{(hh)} (h, h), W^{(hx)} (h, x), W^{(S)} (y, h) with y = |V|, no biases written;
# f read as tanh (either choice is parameter-free); Count: h*h + h*x + y*h.
@_export
def h48c_ssdevelop_rnn_softmax_nobias(x=7, h=5, y=3):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_hh = _p(h, h)
            self.W_hx = _p(h, x)
            self.W_S = _p(y, h)

        def forward(self, xt, h_prev):
            ht = torch.tanh(h_prev @ self.W_hh.T + xt @ self.W_hx.T)
            return torch.softmax(ht @ self.W_S.T, -1), ht
    return Cell()


# Erlemar/dswok NLP/RNN.md, "GRU Architecture"; W_{xz}, W_{xr}, W_{xh} (h, x), W_{hz}, W_{hr}, W_{hh} (h, h), and two biases
# per gate b_{x·}, b_{h·} (h); r_t multiplies (W_{hh} h_{t-1} + b_{hh}); Count: 3*(h*x + h*h + 2*h).
@_export
def h48c_erlemar_gru_doublebias(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.Wx = nn.ParameterDict({k: _p(h, x) for k in "zrh"})
            self.Wh = nn.ParameterDict({k: _p(h, h) for k in "zrh"})
            self.bx = nn.ParameterDict({k: _p(h) for k in "zrh"})
            self.bh = nn.ParameterDict({k: _p(h) for k in "zrh"})

        def forward(self, xt, h_prev):
            gx = lambda k: xt @ self.Wx[k].T + self.bx[k]
            gh = lambda k: h_prev @ self.Wh[k].T + self.bh[k]
            z = torch.sigmoid(gx("z") + gh("z"))
            r = torch.sigmoid(gx("r") + gh("r"))
            h_tilde = torch.tanh(gx("h") + r * gh("h"))
            return (1 - z) * h_prev + z * h_tilde
    return Cell()


# Erlemar/dswok NLP/RNN.md, "LSTM Architecture"; read through the conversion damage (W{xc} = W_{xc}, W{xo} = W_{xo}, the split
# line is C_t = f_t ⊙ C_{t-1} + i_t ⊙ C̃_t followed by o_t = σ(...)); W_{x·} (h, x), W_{h·} (h, h), b_{x·}, b_{h·} (h) for
# f, i, c, o; Count: 4*(h*x + h*h + 2*h).
@_export
def h48c_erlemar_lstm_doublebias_garbled(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.Wx = nn.ParameterDict({k: _p(h, x) for k in "fico"})
            self.Wh = nn.ParameterDict({k: _p(h, h) for k in "fico"})
            self.bx = nn.ParameterDict({k: _p(h) for k in "fico"})
            self.bh = nn.ParameterDict({k: _p(h) for k in "fico"})

        def forward(self, xt, h_prev, C_prev):
            g = lambda k: xt @ self.Wx[k].T + self.bx[k] + h_prev @ self.Wh[k].T + self.bh[k]
            f = torch.sigmoid(g("f"))
            i = torch.sigmoid(g("i"))
            C_tilde = torch.tanh(g("c"))
            C = f * C_prev + i * C_tilde
            o = torch.sigmoid(g("o"))
            return o * torch.tanh(C), C
    return Cell()


# HemanthIITJ/2025_AI NLP/LSTM.md, "3.2 Multi-layer RNNs"; both layers of width h (the text gives one hidden state size);
# layer 1: W_h^{(1)} (h, h), W_x^{(1)} (h, x), b_h^{(1)} (h); layer 2: W_h^{(2)} (h, h), W_x^{(2)} (h, h) on h_t^{(1)}, b_h^{(2)} (h);
# Count: (h*h + h*x + h) + (h*h + h*h + h).
@_export
def h48c_hemanth_rnn_stacked2(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.Wh1, self.Wx1, self.b1 = _p(h, h), _p(h, x), _p(h)
            self.Wh2, self.Wx2, self.b2 = _p(h, h), _p(h, h), _p(h)

        def forward(self, xt, h1_prev, h2_prev):
            h1 = torch.sigmoid(h1_prev @ self.Wh1.T + xt @ self.Wx1.T + self.b1)
            h2 = torch.sigmoid(h2_prev @ self.Wh2.T + h1 @ self.Wx2.T + self.b2)
            return h1, h2
    return Cell()


# HemanthIITJ/2025_AI NLP/LSTM.md, "2. RNN-LMs for Generating Text Based on Other Information"; W_h (h, h), W_x (h, x),
# W_c (h, c), b_h (h), W_y (y, h), b_y (y); Count: h*h + h*x + h*c + h + y*h + y.
@_export
def h48c_hemanth_rnnlm_context(x=7, h=5, c=4, y=3):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_h, self.W_x, self.W_c, self.b_h = _p(h, h), _p(h, x), _p(h, c), _p(h)
            self.W_y, self.b_y = _p(y, h), _p(y)

        def forward(self, xt, h_prev, ctx):
            ht = torch.sigmoid(h_prev @ self.W_h.T + xt @ self.W_x.T + ctx @ self.W_c.T + self.b_h)
            return torch.softmax(ht @ self.W_y.T + self.b_y, -1), ht
    return Cell()


# fengpings/COMP90042_NLP_notes, "### LSTM" (lecture 8); the gate equations are images, so the text fixes no count. Most
# plausible reading: the standard LSTM of the lecture images (W_f, W_i, W_C, W_o (h, h + x) on [h_{t-1}, x_t], biases (h)),
# the peephole line being a variant, not the cell; Count: 4*(h*(h + x) + h).
@_export
def h48c_fengpings_lstm_images_refuse(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W = nn.ParameterDict({k: _p(h, h + x) for k in "fico"})
            self.b = nn.ParameterDict({k: _p(h) for k in "fico"})

        def forward(self, xt, h_prev, C_prev):
            hx = torch.cat([h_prev, xt], -1)
            g = lambda k: hx @ self.W[k].T + self.b[k]
            f, i, o = torch.sigmoid(g("f")), torch.sigmoid(g("i")), torch.sigmoid(g("o"))
            C = f * C_prev + i * torch.tanh(g("c"))
            return o * torch.tanh(C), C
    return Cell()
