"""Oracles for the h52b set-aside snippets (heldout52), as its gatherer wrote them."""
import torch
from torch import nn

__all__ = []


def _export(f):
    __all__.append(f.__name__)
    return f


def _p(*shape):
    return nn.Parameter(torch.randn(*shape) * 0.1)


# mannbiher/tech_review Statistical_Language_Models.tex, RNN language model; W^{(hh)}: h x h, W^{(hx)}: h x x,
# W^{(S)}: y x h (softmax over the vocabulary, y = vocabulary size), no biases; Count: h*h + h*x + y*h.
@_export
def h52b_techreview_rnnlm(x=7, h=5, y=3):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_hh = _p(h, h)
            self.W_hx = _p(h, x)
            self.W_S = _p(y, h)

        def forward(self, x_t, h_prev):
            h_t = torch.tanh(h_prev @ self.W_hh.T + x_t @ self.W_hx.T)
            y_hat = torch.softmax(h_t @ self.W_S.T, dim=-1)
            return h_t, y_hat
    return Cell()


# arnomoonens/Master-Thesis main.tex, LSTM itemize; row convention, U^g: x x s, W^g: s x s for g in {i,f,o,g};
# no biases written ("\circ" read as the elementwise gate product); Count: 4*(x*s + s*s).
@_export
def h52b_moonens_lstm(x=7, s=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.U = nn.ParameterDict({k: _p(x, s) for k in "ifog"})
            self.W = nn.ParameterDict({k: _p(s, s) for k in "ifog"})

        def forward(self, x_t, s_prev, c_prev):
            a = {k: x_t @ self.U[k] + s_prev @ self.W[k] for k in "ifog"}
            i, f, o = torch.sigmoid(a["i"]), torch.sigmoid(a["f"]), torch.sigmoid(a["o"])
            g = torch.tanh(a["g"])
            c_t = c_prev * f + g * i
            s_t = torch.tanh(c_t) * o
            return s_t, c_t
    return Cell()


# arnomoonens/Master-Thesis main.tex, GRU itemize; U^z,U^r,U^h: x x s, W^z,W^r,W^h: s x s; the reset gate's
# equation is typed "z = ..." but uses U^r, W^r (typo: it is r); no biases; Count: 3*(x*s + s*s).
@_export
def h52b_moonens_gru(x=7, s=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.U = nn.ParameterDict({k: _p(x, s) for k in "zrh"})
            self.W = nn.ParameterDict({k: _p(s, s) for k in "zrh"})

        def forward(self, x_t, s_prev):
            z = torch.sigmoid(x_t @ self.U["z"] + s_prev @ self.W["z"])
            r = torch.sigmoid(x_t @ self.U["r"] + s_prev @ self.W["r"])
            h = torch.tanh(x_t @ self.U["h"] + (s_prev * r) @ self.W["h"])
            return (1 - z) * h + z * s_prev
    return Cell()


# MaiAbboud/report_master_latex transformer_2.tex (Arabic), RNN with output layer; row convention:
# W_xh: x x h, W_hh: h x h, b_h: h, W_ho: h x o, b_o: o; Count: x*h + h*h + h + h*o + o.
@_export
def h52b_abboud_rnn(x=7, h=5, o=3):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_xh = _p(x, h)
            self.W_hh = _p(h, h)
            self.b_h = _p(h)
            self.W_ho = _p(h, o)
            self.b_o = _p(o)

        def forward(self, X_t, H_prev):
            H_t = torch.tanh(X_t @ self.W_xh + H_prev @ self.W_hh + self.b_h)
            O_t = torch.softmax(H_t @ self.W_ho + self.b_o, dim=-1)
            return H_t, O_t
    return Cell()


# slds-lmu/seminar_nlp_ss20 book.tex, LSTM; W_{x*}: h x x, W_{h*}: h x h, b_*: h for * in {f,i,o,c};
# Count: 4*(h*x + h*h + h).
@_export
def h52b_ldsnlp_lstm(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.Wx = nn.ParameterDict({k: _p(h, x) for k in "fioc"})
            self.Wh = nn.ParameterDict({k: _p(h, h) for k in "fioc"})
            self.b = nn.ParameterDict({k: _p(h) for k in "fioc"})

        def forward(self, x_t, h_prev, c_prev):
            a = {k: x_t @ self.Wx[k].T + h_prev @ self.Wh[k].T + self.b[k] for k in "fioc"}
            f, i, o = torch.sigmoid(a["f"]), torch.sigmoid(a["i"]), torch.sigmoid(a["o"])
            g = torch.tanh(a["c"])
            c_t = f * c_prev + i * g
            return o * torch.tanh(c_t), c_t
    return Cell()


# slds-lmu/seminar_nlp_ss20 book.tex, GRU without biases; W_{xr}, W_{xh}, W_{xz}: h x x, W_{hr}, W_{hh}, W_{hz}: h x h;
# Count: 3*(h*x + h*h).
@_export
def h52b_ldsnlp_gru(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.Wx = nn.ParameterDict({k: _p(h, x) for k in "rhz"})
            self.Wh = nn.ParameterDict({k: _p(h, h) for k in "rhz"})

        def forward(self, x_t, h_prev):
            r = torch.sigmoid(x_t @ self.Wx["r"].T + h_prev @ self.Wh["r"].T)
            h_tilde = torch.tanh(x_t @ self.Wx["h"].T + (r * h_prev) @ self.Wh["h"].T)
            z = torch.sigmoid(x_t @ self.Wx["z"].T + h_prev @ self.Wh["z"].T)
            return z * h_prev + (1 - z) * h_tilde
    return Cell()


# Dj-Polyester/AI-Book book.tex, "Recursive Neural Networks" (refuse: weights and bias carry a time index, no sizes);
# most plausible reading = one shared Elman layer, row convention: w_0: h x h, w_1: x x h, b: h;
# Count: h*h + x*h + h.
@_export
def h52b_polyester_rnn(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.w0 = _p(h, h)
            self.w1 = _p(x, h)
            self.b = _p(h)

        def forward(self, x_prev, h_prev):
            return torch.tanh(h_prev @ self.w0 + x_prev @ self.w1 + self.b)
    return Cell()


# GiulioGx/RNNs docs/chapter1/rnn.tex, RNN definition; W^in: r x p, W^rec: r x r, W^out: o x r, b^rec: r, b^out: o
# (output layer applied to the pre-activation a^t, as written); Count: r*p + r*r + o*r + r + o.
@_export
def h52b_giuliogx_rnn(p=7, r=5, o=3):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_in = _p(r, p)
            self.W_rec = _p(r, r)
            self.W_out = _p(o, r)
            self.b_rec = _p(r)
            self.b_out = _p(o)

        def forward(self, x_t, h_prev):
            a = h_prev @ self.W_rec.T + x_t @ self.W_in.T + self.b_rec
            h_t = torch.tanh(a)
            y_t = torch.softmax(a @ self.W_out.T + self.b_out, dim=-1)
            return h_t, y_t
    return Cell()


# GiulioGx/RNNs docs/chapter2/lstm.tex, original LSTM (no forget gate); W_u, W_o, W: h x x; U_u, U_o, U: h x h; no biases;
# m^t = a*u + m^{t-1}; h = h(m)*o; Count: 3*(h*x + h*h).
@_export
def h52b_giuliogx_lstm(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W = nn.ParameterDict({k: _p(h, x) for k in "uoa"})
            self.U = nn.ParameterDict({k: _p(h, h) for k in "uoa"})

        def forward(self, x_t, h_prev, m_prev):
            pre = {k: x_t @ self.W[k].T + h_prev @ self.U[k].T for k in "uoa"}
            u, o = torch.sigmoid(pre["u"]), torch.sigmoid(pre["o"])
            a = torch.tanh(pre["a"])
            m_t = a * u + m_prev
            return torch.tanh(m_t) * o, m_t
    return Cell()


# gazdik/dp-automatic-pronunciation-evaluation doc/03_neural_networks.tex (Slovak, prose only; refuse: the number of
# layers in the LSTM unit and the biases are not stated); most plausible reading = standard LSTM with biases:
# 4 gates, each W: h x x, U: h x h, b: h; Count: 4*(h*x + h*h + h).
@_export
def h52b_gazdik_lstm(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.cell = nn.LSTMCell(x, h, bias=False)
            self.b = _p(4 * h)

        def forward(self, x_t, h_prev, c_prev):
            gates = x_t @ self.cell.weight_ih.T + h_prev @ self.cell.weight_hh.T + self.b
            i, f, g, o = gates.chunk(4, dim=-1)
            c_t = torch.sigmoid(f) * c_prev + torch.sigmoid(i) * torch.tanh(g)
            return torch.sigmoid(o) * torch.tanh(c_t), c_t
    return Cell()


# 5aledmaged/asr-book book.tex, "Recurrent Neural Network (Feed Forward With Back Propagation)" (refuse: the text
# defines no recurrent cell, only the update rule W = X.alpha.e); most plausible reading = one Elman layer:
# W_xh: h x x, W_hh: h x h, b: h; Count: h*x + h*h + h.
@_export
def h52b_asrbook_rnn(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.cell = nn.RNNCell(x, h, bias=False)
            self.b = _p(h)

        def forward(self, x_t, h_prev):
            return torch.tanh(x_t @ self.cell.weight_ih.T + h_prev @ self.cell.weight_hh.T + self.b)
    return Cell()
