"""Oracles for the h54f set-aside snippets (heldout54), as its gatherer wrote them."""
import torch
from torch import nn

__all__ = []


def _export(f):
    __all__.append(f.__name__)
    return f


def _p(*shape):
    return nn.Parameter(torch.randn(*shape) * 0.1)


# massquantity/DL_from_scratch_NOTE "RNN - LSTM - GRU.md", Vanilla RNN (Chinese notes): h_t = tanh(W_hx x_t + W_hh h_{t-1}
# + b_h), y_t = softmax(W_yh h_t + b_y); the text states W_hx in R^{h x x}, W_hh in R^{h x h}, W_yh in R^{y x h}, b_h in R^h,
# b_y in R^y (the merged (W_hx, W_hh) form is the same weights). Count: h*x + h*h + h + y*h + y.
@_export
def h54f_massq_rnn(x=7, h=5, y=3):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_hx = _p(h, x)
            self.W_hh = _p(h, h)
            self.b_h = _p(h)
            self.W_yh = _p(y, h)
            self.b_y = _p(y)

        def forward(self, x_t, h_prev):
            h_t = torch.tanh(x_t @ self.W_hx.T + h_prev @ self.W_hh.T + self.b_h)
            y_t = torch.softmax(h_t @ self.W_yh.T + self.b_y, dim=-1)
            return y_t, h_t
    return Cell()


# massquantity/DL_from_scratch_NOTE, GRU (Chinese notes): r_t, z_t = sigma(W x_t + U h_{t-1} + b); candidate
# tanh(W_h x_t + r_t * (U_h h_{t-1}) + b_h); h_t = z_t h_{t-1} + (1 - z_t) h~. W_*: h x x, U_*: h x h, b_*: h for r, z, h.
# Count: 3*(h*x + h*h + h).
@_export
def h54f_massq_gru(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W = nn.ParameterDict({k: _p(h, x) for k in "rzh"})
            self.U = nn.ParameterDict({k: _p(h, h) for k in "rzh"})
            self.b = nn.ParameterDict({k: _p(h) for k in "rzh"})

        def forward(self, x_t, h_prev):
            W, U, b = self.W, self.U, self.b
            r = torch.sigmoid(x_t @ W["r"].T + h_prev @ U["r"].T + b["r"])
            z = torch.sigmoid(x_t @ W["z"].T + h_prev @ U["z"].T + b["z"])
            hh = torch.tanh(x_t @ W["h"].T + r * (h_prev @ U["h"].T) + b["h"])
            return z * h_prev + (1 - z) * hh
    return Cell()


# WuFan1992/RNN-Recurrent-Nectural-Network README (Chinese), forward pass: the recurrence is only in images; the prose
# names U (input-to-hidden, "m x n") and W (hidden-to-hidden, n x n) with an m-dim input and n-dim state, and nothing on
# bias or activation (marked refuse). Most plausible reading: s_t = f(U x_t + W s_{t-1}), U: n x m, W: n x n, no bias.
# Count: n*m + n*n.
@_export
def h54f_wufan_rnn(m=7, n=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.U = _p(n, m)
            self.W = _p(n, n)

        def forward(self, x_t, s_prev):
            return torch.tanh(x_t @ self.U.T + s_prev @ self.W.T)
    return Cell()


# keithyin/pytorch-doc-cn torch-nn.md (Chinese translation of the torch.nn docs), class torch.nn.GRU: the framework's own
# module, one layer (num_layers left to the caller; the example's 2 is not the documented default).
# Count: 3*(h*x + h*h + 2h).
@_export
def h54f_keithyin_gru(x=7, h=5):
    return nn.GRU(x, h)


# keithyin/pytorch-doc-cn torch-nn.md, class torch.nn.RNN (Elman, tanh, two biases): the framework's own module, one layer.
# Count: h*x + h*h + 2h.
@_export
def h54f_keithyin_rnn(x=7, h=5):
    return nn.RNN(x, h)


# sirlis/sirlis.github.io 2020-10-04-deep-learning-LSTM.md (Chinese): gates sigma(W_* h_{t-1} + U_* x_t + b_*), candidate
# tanh(W_c h_{t-1} + U_c x_t + b_c); x_t in R^M, h_t in R^D. W_* multiplies h_{t-1} so conformability makes it D x D and
# U_* D x M (the text's stated shapes swap them; the count is the same); the concatenated rewrites repeat b_f, read as a
# slip (each gate's first form has its own bias, and the stacked b in R^{4D} lists b_c, b_o, b_i, b_f).
# Count: 4*(D*D + D*M + D).
@_export
def h54f_sirlis_lstm(M=7, D=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W = nn.ParameterDict({k: _p(D, D) for k in "fioc"})
            self.U = nn.ParameterDict({k: _p(D, M) for k in "fioc"})
            self.b = nn.ParameterDict({k: _p(D) for k in "fioc"})

        def forward(self, x_t, h_prev, c_prev):
            W, U, b = self.W, self.U, self.b
            g = {k: h_prev @ W[k].T + x_t @ U[k].T + b[k] for k in "fioc"}
            f, i, o = torch.sigmoid(g["f"]), torch.sigmoid(g["i"]), torch.sigmoid(g["o"])
            c = f * c_prev + i * torch.tanh(g["c"])
            return o * torch.tanh(c), c
    return Cell()


# sirlis/sirlis.github.io 2020-11-04-deep-learning-FLSTM.md (Chinese), fuzzy LSTM: gates
# sigma(M_seq * W_* * [h_{t-1}, N_seq] + b_*), M_seq a membership-degree set "used as a weight matrix" whose size (and
# whether it is learned) the text never fixes (marked refuse). Most plausible reading: M_seq is a per-step input that
# scales elementwise (no parameters), W_*: h x (h + x) on the concatenation with the fuzzy input N_seq of size x, b_*: h,
# for f, i, c, o. Count: 4*(h*(h + x) + h).
@_export
def h54f_sirlis_fuzzylstm(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W = nn.ParameterDict({k: _p(h, h + x) for k in "fico"})
            self.b = nn.ParameterDict({k: _p(h) for k in "fico"})

        def forward(self, n_seq, h_prev, c_prev, m_seq=None):
            if m_seq is None:
                m_seq = torch.ones(h_prev.shape[:-1] + (h,))
            z = torch.cat([h_prev, n_seq], dim=-1)
            g = {k: m_seq * (z @ self.W[k].T) + self.b[k] for k in "fico"}
            f, i, o = torch.sigmoid(g["f"]), torch.sigmoid(g["i"]), torch.sigmoid(g["o"])
            c = f * c_prev + i * torch.tanh(g["c"])
            return o * torch.tanh(c), c
    return Cell()


# htrvu/htrvu.github.io post/rnn (Vietnamese): H_t = phi_h(W_xh X_t + W_hh H_{t-1}), O_t = phi_o(W_ho H_t), biases dropped
# explicitly; X_t in R^d, H_t in R^h, O_t in R^o, W_xh in R^{h x d}, W_hh in R^{h x h}, W_ho in R^{o x h}.
# Count: h*d + h*h + o*h.
@_export
def h54f_htrvu_rnn(d=7, h=5, o=3):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_xh = _p(h, d)
            self.W_hh = _p(h, h)
            self.W_ho = _p(o, h)

        def forward(self, x_t, h_prev):
            h_t = torch.tanh(x_t @ self.W_xh.T + h_prev @ self.W_hh.T)
            o_t = torch.softmax(h_t @ self.W_ho.T, dim=-1)
            return o_t, h_t
    return Cell()
