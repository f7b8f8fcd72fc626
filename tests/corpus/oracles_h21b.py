import torch
from torch import nn

__all__ = []


def _export(f):
    __all__.append(f.__name__)
    return f


def _p(*shape):
    return nn.Parameter(torch.randn(*shape) * 0.1)


# stored file id 5274678575 ("# Machine Learning Concept Q&A (IV)", question "What is Gated Recurrent Unit
# (GRU)?"). Candidate: V (h x X), U (h x h), beta_1 (h); reset gate V_R, U_R, beta_R; update gate V_Z, U_Z,
# beta_Z. 3h(X + h + 1).
@_export
def h21b_mlqa4_gru(X=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.V, self.U, self.beta_1 = _p(h, X), _p(h, h), _p(h)
            self.V_R, self.U_R, self.beta_R = _p(h, X), _p(h, h), _p(h)
            self.V_Z, self.U_Z, self.beta_Z = _p(h, X), _p(h, h), _p(h)

        def forward(self, x, hp):
            R = torch.sigmoid(self.V_R @ x + self.U_R @ hp + self.beta_R)
            Z = torch.sigmoid(self.V_Z @ x + self.U_Z @ hp + self.beta_Z)
            ht = torch.tanh(self.V @ x + self.U @ (R * hp) + self.beta_1)
            return Z * hp + (1 - Z) * ht

    return Cell()


# stored file id 5274678575 ("# Machine Learning Concept Q&A (IV)", question "What is Long Short Term Memory
# (LSTM)?"). Candidate: V (h x X), U (h x h), beta_1; forget V_f, U_f, beta_f; input V_i, U_i, beta_i;
# output V_o, U_x (the recurrent weight of the output gate, as written), beta_o. 4h(X + h + 1).
@_export
def h21b_mlqa4_lstm(X=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.V, self.U, self.beta_1 = _p(h, X), _p(h, h), _p(h)
            self.V_f, self.U_f, self.beta_f = _p(h, X), _p(h, h), _p(h)
            self.V_i, self.U_i, self.beta_i = _p(h, X), _p(h, h), _p(h)
            self.V_o, self.U_x, self.beta_o = _p(h, X), _p(h, h), _p(h)

        def forward(self, x, state):
            hp, cp = state
            ct_ = torch.tanh(self.V @ x + self.U @ hp + self.beta_1)
            f = torch.sigmoid(self.V_f @ x + self.U_f @ hp + self.beta_f)
            i = torch.sigmoid(self.V_i @ x + self.U_i @ hp + self.beta_i)
            o = torch.sigmoid(self.V_o @ x + self.U_x @ hp + self.beta_o)
            c = f * cp + i * ct_
            return o * torch.tanh(c), c

    return Cell()


# stored file id 27717534248 (Zijun Luo, "Time Series, Forecasting, and Deep Learning Algorithms", GRU
# paragraphs). Row vectors: W_{xzt}, W_{xrt}, W_{xht} (x x h), W_{hzt}, W_{hrt}, W_{hht} (h x h), one bias
# per gate b_{zt}, b_{rt}, b_{ht}. The trailing t is part of the names (one set per step of the cell).
# 3h(x + h + 1).
@_export
def h21b_luots_gru(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_xz, self.W_hz, self.b_z = _p(x, h), _p(h, h), _p(h)
            self.W_xr, self.W_hr, self.b_r = _p(x, h), _p(h, h), _p(h)
            self.W_xh, self.W_hh, self.b_h = _p(x, h), _p(h, h), _p(h)

        def forward(self, xt, hp):
            z = torch.sigmoid(xt @ self.W_xz + hp @ self.W_hz + self.b_z)
            r = torch.sigmoid(xt @ self.W_xr + hp @ self.W_hr + self.b_r)
            cand = torch.tanh(xt @ self.W_xh + (r * hp) @ self.W_hh + self.b_h)
            return (1 - z) * hp + z * cand

    return Cell()


# stored file id 27717534248 (Zijun Luo, same chapter, LSTM paragraphs). Row vectors: W_{x*t} (x x h),
# W_{h*t} (h x h), b_{*t} (h) for f, i, o and the cell candidate c. 4h(x + h + 1).
@_export
def h21b_luots_lstm(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            for g in "fioc":
                setattr(self, "W_x" + g, _p(x, h))
                setattr(self, "W_h" + g, _p(h, h))
                setattr(self, "b_" + g, _p(h))

        def _lin(self, g, xt, hp):
            return xt @ getattr(self, "W_x" + g) + hp @ getattr(self, "W_h" + g) + getattr(self, "b_" + g)

        def forward(self, xt, state):
            hp, cp = state
            f = torch.sigmoid(self._lin("f", xt, hp))
            i = torch.sigmoid(self._lin("i", xt, hp))
            o = torch.sigmoid(self._lin("o", xt, hp))
            c = f * cp + i * torch.tanh(self._lin("c", xt, hp))
            return o * torch.tanh(c), c

    return Cell()


# felipessalvatore/RNNpresentation src/main.tex (Beamer, frames Notation .. "The language model: equations").
# E in R^{d x |Vocab|} (embeddings), x one-hot in R^{|Vocab|}; h = sigma(W h + U e + b): W (h x h),
# U (h x d), b (h); y_hat = softmax(V h + c) with y_hat in R^{|Vocab|}: V (|Vocab| x h), c (|Vocab|).
# d*Vocab + h^2 + h*d + h + Vocab*h + Vocab.
@_export
def h21b_rnnpres_lm(Vocab=9, d=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.E = _p(d, Vocab)
            self.W, self.U, self.b = _p(h, h), _p(h, d), _p(h)
            self.V, self.c = _p(Vocab, h), _p(Vocab)

        def forward(self, x, hp):
            e = self.E @ x
            ht = torch.sigmoid(self.W @ hp + self.U @ e + self.b)
            y = torch.softmax(self.V @ ht + self.c, dim=-1)
            return y, ht

    return Cell()


# stored file id 11934245324 (NLP/DL course assignment handout, ## 3.5 LSTM Cell and Problem 3.5). x, h, c
# all of size d_model (interface docstring). Per gate f, i, o, c: W_* (d x d), U_* (d x d), one bias b_*.
# 4 d_model (2 d_model + 1).
@_export
def h21b_nlpdl_lstm(d_model=6):
    d = d_model

    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            for g in "fioc":
                setattr(self, "W_" + g, _p(d, d))
                setattr(self, "U_" + g, _p(d, d))
                setattr(self, "b_" + g, _p(d))

        def _lin(self, g, x, hp):
            return getattr(self, "W_" + g) @ x + getattr(self, "U_" + g) @ hp + getattr(self, "b_" + g)

        def forward(self, x, state):
            hp, cp = state
            f = torch.sigmoid(self._lin("f", x, hp))
            i = torch.sigmoid(self._lin("i", x, hp))
            o = torch.sigmoid(self._lin("o", x, hp))
            g = torch.tanh(self._lin("c", x, hp))
            c = f * cp + i * g
            return o * torch.tanh(c), c

    return Cell()


# stored file id 68638049926 ("# Chapter 8.3: Gated Architectures (LSTM & GRU)", 2.1). v_t = [h_{t-1}; x_t]
# in R^{d_h + d_x}; W_f, W_i, W_c, W_o (d_h x (d_h + d_x)), one bias each. 4 d_h (d_h + d_x + 1).
@_export
def h21b_ch83_lstm(d_x=7, d_h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.f = nn.Linear(d_h + d_x, d_h)
            self.i = nn.Linear(d_h + d_x, d_h)
            self.c = nn.Linear(d_h + d_x, d_h)
            self.o = nn.Linear(d_h + d_x, d_h)

        def forward(self, x, state):
            hp, cp = state
            v = torch.cat([hp, x], -1)
            f, i, o = torch.sigmoid(self.f(v)), torch.sigmoid(self.i(v)), torch.sigmoid(self.o(v))
            c = f * cp + i * torch.tanh(self.c(v))
            return o * torch.tanh(c), c

    return Cell()


# stored file id 68638049926 (same chapter, 2.4). W_r, W_z on [h_{t-1}, x_t], W_h on [r_t * h_{t-1}, x_t],
# each d_h x (d_h + x) with one bias. 3 d_h (d_h + x + 1).
@_export
def h21b_ch83_gru(x=7, d_h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.r = nn.Linear(d_h + x, d_h)
            self.z = nn.Linear(d_h + x, d_h)
            self.h = nn.Linear(d_h + x, d_h)

        def forward(self, xt, hp):
            v = torch.cat([hp, xt], -1)
            r, z = torch.sigmoid(self.r(v)), torch.sigmoid(self.z(v))
            cand = torch.tanh(self.h(torch.cat([r * hp, xt], -1)))
            return (1 - z) * hp + z * cand

    return Cell()


# stored file id 35664586681 ("# 09. Gated Recurrent Units (GRUs)", Flow of Information, step by step).
# W_r, W_z on [h_{t-1}, x_t], W_h on [r_t * h_{t-1}, x_t], each h x (h + x), biases b_r, b_z, b_h.
# 3h(h + x + 1).
@_export
def h21b_gru09_gru(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_r, self.b_r = _p(h, h + x), _p(h)
            self.W_z, self.b_z = _p(h, h + x), _p(h)
            self.W_h, self.b_h = _p(h, h + x), _p(h)

        def forward(self, xt, hp):
            v = torch.cat([hp, xt], -1)
            r = torch.sigmoid(self.W_r @ v + self.b_r)
            z = torch.sigmoid(self.W_z @ v + self.b_z)
            cand = torch.tanh(self.W_h @ torch.cat([r * hp, xt], -1) + self.b_h)
            return (1 - z) * hp + z * cand

    return Cell()


# stored file id 53165277769 ("# Recurrent Neural Networks & LSTMs", ## 4). W_f, W_i, W_C, W_o on
# [h_{t-1}, x_t] (h x (h + x)), biases b_f, b_i, b_C, b_o. 4h(h + x + 1).
@_export
def h21b_rnnlstmmod_lstm(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_f, self.b_f = _p(h, h + x), _p(h)
            self.W_i, self.b_i = _p(h, h + x), _p(h)
            self.W_C, self.b_C = _p(h, h + x), _p(h)
            self.W_o, self.b_o = _p(h, h + x), _p(h)

        def forward(self, xt, state):
            hp, cp = state
            v = torch.cat([hp, xt], -1)
            f = torch.sigmoid(self.W_f @ v + self.b_f)
            i = torch.sigmoid(self.W_i @ v + self.b_i)
            C_ = torch.tanh(self.W_C @ v + self.b_C)
            c = f * cp + i * C_
            o = torch.sigmoid(self.W_o @ v + self.b_o)
            return o * torch.tanh(c), c

    return Cell()


# stored file id 4700701977 ("# NLP Fundamentals and Recurrent Neural Networks", ## 5). No biases:
# W_z, W_r on [h_{t-1}, x_t], W on [r_t * h_{t-1}, x_t], each h x (h + x). 3h(h + x).
@_export
def h21b_nlpfund_gru(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_z = _p(h, h + x)
            self.W_r = _p(h, h + x)
            self.W = _p(h, h + x)

        def forward(self, xt, hp):
            v = torch.cat([hp, xt], -1)
            z = torch.sigmoid(self.W_z @ v)
            r = torch.sigmoid(self.W_r @ v)
            cand = torch.tanh(self.W @ torch.cat([r * hp, xt], -1))
            return (1 - z) * hp + z * cand

    return Cell()
