"""Oracles for the h56b set-aside snippets (heldout56), as its gatherer wrote them."""
import torch
from torch import nn

__all__ = []


def _export(f):
    __all__.append(f.__name__)
    return f


def _p(*shape):
    return nn.Parameter(torch.randn(*shape) * 0.1)


def _keras_lstm(x, h):
    """One Keras-style LSTM layer: kernel 4h x x, recurrent kernel 4h x h, one bias 4h. Count: 4h*(x + h + 1)."""
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W = _p(4 * h, x)
            self.U = _p(4 * h, h)
            self.b = _p(4 * h)

        def forward(self, x_t, h_prev, c_prev):
            i, f, g, o = (x_t @ self.W.T + h_prev @ self.U.T + self.b).chunk(4, dim=-1)
            c = torch.sigmoid(f) * c_prev + torch.sigmoid(i) * torch.tanh(g)
            return torch.sigmoid(o) * torch.tanh(c), c
    return Cell()


def _gates_lstm(x, h):
    """LSTM with one W_k (h x x), U_k (h x h) and b_k (h) per unit k in f, i, g, o. Count: 4*(h*x + h*h + h)."""
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W = nn.ParameterDict({k: _p(h, x) for k in "figo"})
            self.U = nn.ParameterDict({k: _p(h, h) for k in "figo"})
            self.b = nn.ParameterDict({k: _p(h) for k in "figo"})

        def forward(self, x_t, h_prev, c_prev):
            a = {k: x_t @ self.W[k].T + h_prev @ self.U[k].T + self.b[k] for k in "figo"}
            c = torch.sigmoid(a["f"]) * c_prev + torch.sigmoid(a["i"]) * torch.tanh(a["g"])
            return torch.sigmoid(a["o"]) * torch.tanh(c), c
    return Cell()


# avst34/Thesis-Project Chapters/Background.tex, RNN example (DyNet SimpleRNN): h_{t+1} = tanh(W_x . x_t + W_h . h_t + b),
# y_t = h_{t+1} (the output is the next state, no output layer). W_x: h x x, W_h: h x h, b: h.
# Count: h*x + h*h + h.
@_export
def h56b_avst_rnn(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_x = _p(h, x)
            self.W_h = _p(h, h)
            self.b = _p(h)

        def forward(self, x_t, h_t):
            h_next = torch.tanh(x_t @ self.W_x.T + h_t @ self.W_h.T + self.b)
            return h_next, h_next
    return Cell()


# avst34/Thesis-Project Chapters/Background.tex, LSTM: f_t, i_t, o_t = sigmoid(W_k [x_t;h_t] + b_k),
# c^_t = tanh(W_c [x_t;h_t] + b_c), c_{t+1} = f_t o C_t + i_t o C^_t (C_t / C^_t read as the c_t / c^_t just defined;
# the prose calls both "the cell state" and "the new information vector"), y_t = o_t o tanh(c_{t+1}), h_{t+1} = y_t.
# Each W_k acts on the concatenation [x_t;h_t]: h x (x+h); b_k: h; k in f, i, c, o.
# Count: 4*(h*(x+h) + h).
@_export
def h56b_avst_lstm(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W = nn.ParameterDict({k: _p(h, x + h) for k in "fico"})
            self.b = nn.ParameterDict({k: _p(h) for k in "fico"})

        def forward(self, x_t, h_t, c_t):
            z = torch.cat([x_t, h_t], -1)
            a = {k: z @ self.W[k].T + self.b[k] for k in "fico"}
            c_next = torch.sigmoid(a["f"]) * c_t + torch.sigmoid(a["i"]) * torch.tanh(a["c"])
            y_t = torch.sigmoid(a["o"]) * torch.tanh(c_next)
            return y_t, y_t, c_next
    return Cell()


# superAiken/zjuthesis body/graduate/content.tex (Chinese thesis, state-transition network), GRU with no biases:
# z_t = sigma(W_z . (h_{t-1}, x_t)), r_t = sigma(W_r . (h_{t-1}, x_t)), h^_t = tanh(W . (r_t*h_{t-1}, x_t)),
# h_t = (1-z_t)*h_{t-1} + z_t*h^_t (the source's "h-{t-1}" read as the typo it is). (a, b) is the concatenation, so
# W_z, W_r, W: h x (h+x). Count: 3*h*(h+x).
@_export
def h56b_zjuheart_gru(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_z = _p(h, h + x)
            self.W_r = _p(h, h + x)
            self.W = _p(h, h + x)

        def forward(self, x_t, h_prev):
            hx = torch.cat([h_prev, x_t], -1)
            z = torch.sigmoid(hx @ self.W_z.T)
            r = torch.sigmoid(hx @ self.W_r.T)
            h_hat = torch.tanh(torch.cat([r * h_prev, x_t], -1) @ self.W.T)
            return (1 - z) * h_prev + z * h_hat
    return Cell()


# danaesavi/stock_market_prediction Chapters/theorySM.tex, LSTM: f_t = sigma(W_f*(h_{t-1},x_t)+b_f), same for i_t, o_t,
# C'_t = tanh(W_C*(h_{t-1},x_t)+b_C), C_t = f_t*C_{t-1} + i_t*C'_t, h_t = o_t*tanh(C_t). (h_{t-1}, x_t) is the
# concatenation, so each W_k: h x (h+x); b_k: h; k in f, i, C, o. Count: 4*(h*(h+x) + h).
@_export
def h56b_stockpred_lstm(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W = nn.ParameterDict({k: _p(h, h + x) for k in "fiCo"})
            self.b = nn.ParameterDict({k: _p(h) for k in "fiCo"})

        def forward(self, x_t, h_prev, C_prev):
            z = torch.cat([h_prev, x_t], -1)
            a = {k: z @ self.W[k].T + self.b[k] for k in "fiCo"}
            C = torch.sigmoid(a["f"]) * C_prev + torch.sigmoid(a["i"]) * torch.tanh(a["C"])
            return torch.sigmoid(a["o"]) * torch.tanh(C), C
    return Cell()


# Introduction-to-Autonomous-Robots chapters/deeplearning.tex (Correll et al., textbook), RNN: h_t = tanh(W h_{t-1} + U x_t),
# y_t = softmax(V h_t); weights W, U, V named in the prose, no bias. W: h x h, U: h x x, V: y x h.
# Count: h*h + h*x + y*h.
@_export
def h56b_autrobots_rnn(x=7, h=5, y=3):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W = _p(h, h)
            self.U = _p(h, x)
            self.V = _p(y, h)

        def forward(self, x_t, h_prev):
            h_t = torch.tanh(h_prev @ self.W.T + x_t @ self.U.T)
            return torch.softmax(h_t @ self.V.T, -1), h_t
    return Cell()


# kimngoc280105/aqi-vietnam aqi-ml-multihorizon/main.tex (Vietnamese course report), LSTM Sequence-to-Vector: input of
# 72 hours x 16 features, LSTM 96 (returns sequences) -> LSTM 48 (last vector) -> Dense 64 ReLU -> Dropout -> Dense 24
# linear, "tổng cộng 75.928 tham số" (75,928 parameters), gates sigmoid / state tanh "the standard LSTM structure"
# (Keras: one bias per gate, which the stated total confirms). Every size is fixed by the text; the sequence length 72
# carries no parameter. Count: 4*96*(16+96+1) + 4*48*(96+48+1) + (48*64+64) + (64*24+24) = 75928.
@_export
def h56b_aqivn_lstm(x=16, h1=96, h2=48, d=64, y=24):
    class Model(nn.Module):
        def __init__(self):
            super().__init__()
            self.lstm1 = _keras_lstm(x, h1)
            self.lstm2 = _keras_lstm(h1, h2)
            self.dense1 = nn.Linear(h2, d)
            self.dense2 = nn.Linear(d, y)

        def forward(self, x_t, h1_prev, c1_prev, h2_prev, c2_prev):
            h1, c1 = self.lstm1(x_t, h1_prev, c1_prev)
            h2, c2 = self.lstm2(h1, h2_prev, c2_prev)
            return self.dense2(torch.relu(self.dense1(h2))), (h1, c1, h2, c2)
    return Model()


# borishangh/ml_vs_baseline_reits gargipaper/main.tex (marked refuse): prose only, "Three LSTM layers with 128, 64, and 32
# units, using tanh activation", dropout, "Final dense layer uses ReLU"; the per-step input (a window of closing prices
# plus RSI and competitor features) has no fixed width, and the final layer's width is not stated. Most plausible
# reading: Keras LSTM stack x -> 128 -> 64 -> 32 and a Dense 32 -> 1 (next-day close), x left free.
# Count: 4*128*(x+129) + 4*64*(128+65) + 4*32*(64+33) + 33.
@_export
def h56b_reits_lstm(x=7):
    class Model(nn.Module):
        def __init__(self):
            super().__init__()
            self.l1 = _keras_lstm(x, 128)
            self.l2 = _keras_lstm(128, 64)
            self.l3 = _keras_lstm(64, 32)
            self.dense = nn.Linear(32, 1)

        def forward(self, x_t, s1, s2, s3):
            h1, c1 = self.l1(x_t, *s1)
            h2, c2 = self.l2(h1, *s2)
            h3, c3 = self.l3(h2, *s3)
            return torch.relu(self.dense(h3)), ((h1, c1), (h2, c2), (h3, c3))
    return Model()


# FilipLunski/MasterThesis Chapters/110_RNN.tex, subsection LSTM (marked refuse): Czech prose only; each gate is "a
# neural layer with a sigmoid activation" fed h_{t-1} and x_t, the candidate cell state a tanh layer, inputs "always
# multiplied by weights" that the figure omits; no equation, no size, biases never mentioned. Most plausible reading:
# the standard LSTM with W_k, U_k, b_k per unit. Count: 4*(h*x + h*h + h).
@_export
def h56b_czthesis_lstm(x=7, h=5):
    return _gates_lstm(x, h)


# FilipLunski/MasterThesis Chapters/110_RNN.tex, subsection GRU (marked refuse): Czech prose only (reset gate, update
# gate, candidate hidden state from a tanh layer fed the reset gate's output and x_t); no equation, no size, no bias
# mentioned. Most plausible reading: the GRU of Cho et al. with W_k (h x x), U_k (h x h), b_k (h) for k in z, r, h~.
# Count: 3*(h*x + h*h + h).
@_export
def h56b_czthesis_gru(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W = nn.ParameterDict({k: _p(h, x) for k in "zrn"})
            self.U = nn.ParameterDict({k: _p(h, h) for k in "zrn"})
            self.b = nn.ParameterDict({k: _p(h) for k in "zrn"})

        def forward(self, x_t, h_prev):
            z = torch.sigmoid(x_t @ self.W["z"].T + h_prev @ self.U["z"].T + self.b["z"])
            r = torch.sigmoid(x_t @ self.W["r"].T + h_prev @ self.U["r"].T + self.b["r"])
            n = torch.tanh(x_t @ self.W["n"].T + (r * h_prev) @ self.U["n"].T + self.b["n"])
            return z * h_prev + (1 - z) * n
    return Cell()


# samiarja/Thesis2 Chapters/Chapter1.tex, subsection Long Short Term Memory (marked refuse): text after Lipton et al.'s
# review; only the internal state is written, s^(t) = g^(t) o i^(t) + f^(t) o s^(t-1); the input node g and the gates
# are described in an itemize ("each of which acts as a one layer neural network on its own", all observing the
# previous hidden state and the current input), the output gate's formula and the hidden state's are never written, no
# size. Most plausible reading: the standard LSTM with one weight pair and bias per unit g, i, f, o.
# Count: 4*(h*x + h*h + h).
@_export
def h56b_cnnlstm_lstm(x=7, h=5):
    return _gates_lstm(x, h)
