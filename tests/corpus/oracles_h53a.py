"""Oracles for the h53a set-aside snippets (heldout53), as its gatherer wrote them."""
import torch
from torch import nn

__all__ = []


def _export(f):
    __all__.append(f.__name__)
    return f


def _p(*shape):
    return nn.Parameter(torch.randn(*shape) * 0.1)


# telecombcn-dl/labs-all lab_rnn_todo.ipynb, Elman RNN h_t = tanh(W x_t + U h_{t-1} + b) (the fully connected
# layer written before it is the same W, b without U); W: h x x, U: h x h, b: h; Count: h*x + h*h + h.
@_export
def h53a_upclab_rnn(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W = _p(h, x)
            self.U = _p(h, h)
            self.b = _p(h)

        def forward(self, x_t, h_prev):
            return torch.tanh(x_t @ self.W.T + h_prev @ self.U.T + self.b)
    return Cell()


# SupaeroDataScience/deep-learning, time-series activity, s_t = tanh(W_x x + b_x + W_s s_{t-1} + b_s);
# W_x: n x x, W_s: n x n (stated), b_x, b_s: n (two biases as the equation writes them); Count: n*x + n*n + 2n.
@_export
def h53a_supaero_rnn(x=7, n=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_x = _p(n, x)
            self.b_x = _p(n)
            self.W_s = _p(n, n)
            self.b_s = _p(n)

        def forward(self, x_t, s_prev):
            return torch.tanh(x_t @ self.W_x.T + self.b_x + s_prev @ self.W_s.T + self.b_s)
    return Cell()


# SupaeroDataScience/deep-learning, time-series activity, peephole LSTM; W_{x*}: h x x, W_{h*}: h x h for
# * in {i,f,c,o}; peepholes W_{ci}, W_{cf}, W_{co} read as full h x h matrices (nothing says diagonal);
# b_i, b_f, b_c, b_o: h; Count: 4*(h*x + h*h + h) + 3*h*h.
@_export
def h53a_supaero_peephole(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.Wx = nn.ParameterDict({k: _p(h, x) for k in "ifco"})
            self.Wh = nn.ParameterDict({k: _p(h, h) for k in "ifco"})
            self.Wc = nn.ParameterDict({k: _p(h, h) for k in "ifo"})
            self.b = nn.ParameterDict({k: _p(h) for k in "ifco"})

        def forward(self, x_t, h_prev, c_prev):
            def lin(k):
                return x_t @ self.Wx[k].T + h_prev @ self.Wh[k].T + self.b[k]
            i = torch.sigmoid(lin("i") + c_prev @ self.Wc["i"].T)
            f = torch.sigmoid(lin("f") + c_prev @ self.Wc["f"].T)
            c_t = f * c_prev + i * torch.tanh(lin("c"))
            o = torch.sigmoid(lin("o") + c_prev @ self.Wc["o"].T)
            return o * torch.tanh(c_t), c_t
    return Cell()


# rnbwdsh/lstm_rnn Assignment4.ipynb, LSTM without forget gate, row convention x(t) . W_g + h(t-1) . R_g + b_g;
# W_g: x x h, R_g: h x h, b_g: h for g in {i, o, z}; Count: 3*(x*h + h*h + h).
@_export
def h53a_jkulstm_nof(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W = nn.ParameterDict({k: _p(x, h) for k in "ioz"})
            self.R = nn.ParameterDict({k: _p(h, h) for k in "ioz"})
            self.b = nn.ParameterDict({k: _p(h) for k in "ioz"})

        def forward(self, x_t, h_prev, c_prev):
            a = {k: x_t @ self.W[k] + h_prev @ self.R[k] + self.b[k] for k in "ioz"}
            i, o, z = torch.sigmoid(a["i"]), torch.sigmoid(a["o"]), torch.tanh(a["z"])
            c_t = c_prev + i * z
            return o * torch.tanh(c_t), c_t
    return Cell()


# arashamini/PyTorch-RNNs rnns.ipynb, LSTM with PyTorch-style double biases, candidate folded into c_t;
# W_{i*}: h x x, W_{h*}: h x h, b_{i*}, b_{h*}: h for * in {i,f,o,c}; Count: 4*(h*x + h*h + 2h).
@_export
def h53a_arashamini_lstm(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.Wi = nn.ParameterDict({k: _p(h, x) for k in "ifoc"})
            self.bi = nn.ParameterDict({k: _p(h) for k in "ifoc"})
            self.Wh = nn.ParameterDict({k: _p(h, h) for k in "ifoc"})
            self.bh = nn.ParameterDict({k: _p(h) for k in "ifoc"})

        def forward(self, x_t, h_prev, c_prev):
            a = {k: x_t @ self.Wi[k].T + self.bi[k] + h_prev @ self.Wh[k].T + self.bh[k] for k in "ifoc"}
            i, f, o = torch.sigmoid(a["i"]), torch.sigmoid(a["f"]), torch.sigmoid(a["o"])
            c_t = f * c_prev + i * torch.tanh(a["c"])
            return o * torch.tanh(c_t), c_t
    return Cell()


# arashamini/PyTorch-RNNs rnns.ipynb, GRU; r, z with W_{i*}: h x x, b_{i*}, W_{h*}: h x h, b_{h*}: h;
# candidate W_{ih}: h x x, b_{ih}: h, bare W: h x h on r*h (no hidden bias); Count: 3*h*x + 3*h*h + 5h.
@_export
def h53a_arashamini_gru(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.Wi = nn.ParameterDict({k: _p(h, x) for k in "rzh"})
            self.bi = nn.ParameterDict({k: _p(h) for k in "rzh"})
            self.Wh = nn.ParameterDict({k: _p(h, h) for k in "rz"})
            self.bh = nn.ParameterDict({k: _p(h) for k in "rz"})
            self.W = _p(h, h)

        def forward(self, x_t, h_prev):
            r = torch.sigmoid(x_t @ self.Wi["r"].T + self.bi["r"] + h_prev @ self.Wh["r"].T + self.bh["r"])
            z = torch.sigmoid(x_t @ self.Wi["z"].T + self.bi["z"] + h_prev @ self.Wh["z"].T + self.bh["z"])
            h_tilde = torch.tanh(x_t @ self.Wi["h"].T + self.bi["h"] + (r * h_prev) @ self.W.T)
            return (1 - z) * h_prev + z * h_tilde
    return Cell()


# mbp-lab/Neural-Networks-HCAI 07_rnn.ipynb, h_t = tanh(W_x x_t + W_h h_{t-1} + b); W_x: h x x, W_h: h x h, b: h;
# Count: h*x + h*h + h.
@_export
def h53a_hcai_rnn(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_x = _p(h, x)
            self.W_h = _p(h, h)
            self.b = _p(h)

        def forward(self, x_t, h_prev):
            return torch.tanh(x_t @ self.W_x.T + h_prev @ self.W_h.T + self.b)
    return Cell()


# tmtakashi/machine_learning_notebooks RNN_notes.ipynb, LSTM in row-vector form x_t W_x^{(g)} + h_{t-1} W_h^{(g)} + b^{(g)};
# W_x^{(g)}: x x h, W_h^{(g)}: h x h, b^{(g)}: h for g in {o, f, g, i}; Count: 4*(x*h + h*h + h).
@_export
def h53a_takashi_lstm(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.Wx = nn.ParameterDict({k: _p(x, h) for k in "ofgi"})
            self.Wh = nn.ParameterDict({k: _p(h, h) for k in "ofgi"})
            self.b = nn.ParameterDict({k: _p(h) for k in "ofgi"})

        def forward(self, x_t, h_prev, c_prev):
            a = {k: x_t @ self.Wx[k] + h_prev @ self.Wh[k] + self.b[k] for k in "ofgi"}
            o, f, i = torch.sigmoid(a["o"]), torch.sigmoid(a["f"]), torch.sigmoid(a["i"])
            g = torch.tanh(a["g"])
            c_t = f * c_prev + g * i
            return o * torch.tanh(c_t), c_t
    return Cell()


# tmtakashi/machine_learning_notebooks RNN_notes.ipynb, h_t = tanh(h_{t-1} W_h + x_t W_x + b), row vectors;
# W_h: h x h, W_x: x x h, b: h; Count: h*h + x*h + h.
@_export
def h53a_takashi_rnn(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_h = _p(h, h)
            self.W_x = _p(x, h)
            self.b = _p(h)

        def forward(self, x_t, h_prev):
            return torch.tanh(h_prev @ self.W_h + x_t @ self.W_x + self.b)
    return Cell()


# matzigno/CSML21 RecurrenNeuralNetwork-RNN.ipynb, h_t = sigma(W_hx x_t + W_hh h_{t-1} + b_h) (prose calls the input
# matrix W_xh), plus the output matrix W_hy the prose lists among the network's weights (no output bias written);
# W_hx: h x x, W_hh: h x h, b_h: h, W_hy: y x h; Count: h*x + h*h + h + y*h.
@_export
def h53a_csml_rnn(x=7, h=5, y=3):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_hx = _p(h, x)
            self.W_hh = _p(h, h)
            self.b_h = _p(h)
            self.W_hy = _p(y, h)

        def forward(self, x_t, h_prev):
            h_t = torch.sigmoid(x_t @ self.W_hx.T + h_prev @ self.W_hh.T + self.b_h)
            return h_t, h_t @ self.W_hy.T
    return Cell()


# rahulbhadani/RNN PyTorch_1.ipynb, LSTM without biases in row-vector order x_t U^g + s_{t-1} W^g;
# U^g: x x s, W^g: s x s for g in {f, i, o, g}; Count: 4*(x*s + s*s).
@_export
def h53a_bhadani_lstm(x=7, s=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.U = nn.ParameterDict({k: _p(x, s) for k in "fiog"})
            self.W = nn.ParameterDict({k: _p(s, s) for k in "fiog"})

        def forward(self, x_t, s_prev, c_prev):
            a = {k: x_t @ self.U[k] + s_prev @ self.W[k] for k in "fiog"}
            f, i, o = torch.sigmoid(a["f"]), torch.sigmoid(a["i"]), torch.sigmoid(a["o"])
            g = torch.tanh(a["g"])
            c_t = c_prev * f + g * i
            return torch.tanh(c_t) * o, c_t
    return Cell()


# MoritzGuck/Machine-Learning-Reference 0-Neural.ipynb, RNN named only in a figure caption (U, V, W are weights);
# most plausible reading (the wikimedia figure's convention): h_t = tanh(U x_t + W h_{t-1}), o_t = V h_t, no biases;
# U: h x x, W: h x h, V: o x h; Count: h*x + h*h + o*h. The text itself does not determine this (expect: refuse).
@_export
def h53a_mlref_rnn(x=7, h=5, o=3):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.U = _p(h, x)
            self.W = _p(h, h)
            self.V = _p(o, h)

        def forward(self, x_t, h_prev):
            h_t = torch.tanh(x_t @ self.U.T + h_prev @ self.W.T)
            return h_t, h_t @ self.V.T
    return Cell()
