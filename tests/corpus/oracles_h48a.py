"""Oracles for the h48a set-aside snippets (heldout48), as its gatherer wrote them."""
import torch
from torch import nn

__all__ = []


def _export(f):
    __all__.append(f.__name__)
    return f


def _p(*shape):
    return nn.Parameter(torch.randn(*shape) * 0.1)


# YouheiKomakine/pytorch-code-examples NLP_by_DL_2.ipynb cell 12 (LSTM, layer l); input h_t^{(l-1)} of size x;
# stacked [w_hbar; w_i; w_f; w_o] each (h, x+h) acting on [h_t^{(l-1)}; h_{t-1}^{(l)}], stacked biases b_* (h);
# Count: 4*(h*(x+h) + h).
@_export
def h48a_youhei_lstm(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.w = _p(4 * h, x + h)
            self.b = _p(4 * h)

        def forward(self, xt, state):
            hp, cp = state
            a = torch.cat([xt, hp], -1) @ self.w.T + self.b
            hb, i, f, o = a.split(h, -1)
            hb, i, f, o = torch.tanh(hb), torch.sigmoid(i), torch.sigmoid(f), torch.sigmoid(o)
            c = i * hb + f * cp
            hn = o * torch.tanh(c)
            return hn, (hn, c)
    return Cell()


# YouheiKomakine/pytorch-code-examples NLP_by_DL_2.ipynb cell 13 (GRU, layer l); [W_r; W_z] each (h, x+h), b_r, b_z
# (h); the candidate is written tanh([h^{(l-1)}; r*h]) with no weight or bias (dimensionally impossible); the oracle
# supplies W_hb (h, x+h) and b_hb (h) as in the text's RNN and LSTM cells; Count: 3*(h*(x+h) + h) (literal 2*(...)).
@_export
def h48a_youhei_gru(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.Wrz = _p(2 * h, x + h)
            self.brz = _p(2 * h)
            self.Wc = _p(h, x + h)
            self.bc = _p(h)

        def forward(self, xt, hp):
            r, z = torch.sigmoid(torch.cat([xt, hp], -1) @ self.Wrz.T + self.brz).split(h, -1)
            ht = torch.tanh(torch.cat([xt, r * hp], -1) @ self.Wc.T + self.bc)
            return (1 - z) * ht + z * hp
    return Cell()


# YouheiKomakine/pytorch-code-examples NLP_by_DL_2.ipynb cell 7 lines 1-12 (Elman RNN layer l); W^{(l)} (h, x+h)
# as the text's element count (N^{(l)}+N^{(l-1)}) x N^{(l)} with x = N^{(l-1)}, h = N^{(l)}; b^{(l)} (h); a^{(l)}
# parameter-free (tanh here); h_0 a constant; Count: h*(x+h) + h.
@_export
def h48a_youhei_rnn(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W = _p(h, x + h)
            self.b = _p(h)

        def forward(self, xt, hp):
            return torch.tanh(torch.cat([xt, hp], -1) @ self.W.T + self.b)
    return Cell()


# jjunhu/NLP---English-To-Reverse-English sru.ipynb cell 0 (SRUCell); W, W_prime, W_double_prime (input_size,
# hidden_size); b, b_prime (hidden_size); v, v_prime (hidden_size); highway needs input_size == hidden_size;
# Count: 3*input_size*hidden_size + 4*hidden_size.
@_export
def h48a_jjunhu_sru(input_size=5, hidden_size=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W = _p(input_size, hidden_size)
            self.W_prime = _p(input_size, hidden_size)
            self.W_double_prime = _p(input_size, hidden_size)
            self.b = _p(hidden_size)
            self.b_prime = _p(hidden_size)
            self.v = _p(hidden_size)
            self.v_prime = _p(hidden_size)

        def forward(self, x, c_previous):
            f_t = torch.sigmoid(x @ self.W + self.v * c_previous + self.b)
            r_t = torch.sigmoid(x @ self.W_prime + self.v_prime * c_previous + self.b_prime)
            c_t = f_t * c_previous + (1 - f_t) * (x @ self.W_double_prime)
            h_t = r_t * c_t + (1 - r_t) * x
            return h_t, c_t
    return Cell()


# ritvikmath/YouTubeVideoCode RNNExample.ipynb cells 29-33; linear SimpleRNN whose state is the output:
# y_t = U x_t + V y_{t-1} + b with U (y, x), V (y, y), b (y), all scalars in the text (0.93, 0.07, 1);
# Count: y*x + y*y + y (3 at x=1, y=1).
@_export
def h48a_ritvik_rnn(x=1, y=1):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.U = _p(y, x)
            self.V = _p(y, y)
            self.b = _p(y)

        def forward(self, xt, yp):
            return xt @ self.U.T + yp @ self.V.T + self.b
    return Cell()


# YouheiKomakine/pytorch-code-examples NLP_by_DL_5.ipynb cell 3 (2-layer bidirectional LSTM encoder pseudo-code);
# Psi left abstract; oracle reads each Psi as a standard LSTM with one bias per gate: fw1, bw1 on x_bar (size x),
# fw2 on h^{fw1}, bw2 on h^{bw1} (size h); embedding E^s (x, V); Count: V*x + 2*4*(h*(x+h)+h) + 2*4*(h*(h+h)+h).
@_export
def h48a_youhei_bilstm(x=7, h=5, V=11):
    class LSTM(nn.Module):
        def __init__(self, n_in):
            super().__init__()
            self.W = _p(4 * h, n_in + h)
            self.b = _p(4 * h)

        def forward(self, xt, state):
            hp, cp = state
            i, f, o, g = (torch.cat([xt, hp], -1) @ self.W.T + self.b).split(h, -1)
            c = torch.sigmoid(f) * cp + torch.sigmoid(i) * torch.tanh(g)
            hn = torch.sigmoid(o) * torch.tanh(c)
            return hn, (hn, c)

    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.E = _p(x, V)
            self.fw1, self.bw1 = LSTM(x), LSTM(x)
            self.fw2, self.bw2 = LSTM(h), LSTM(h)

        def forward(self, onehots):
            xb = onehots @ self.E.T  # (I, x)
            I = xb.shape[0]
            z = torch.zeros(h)
            s1 = s2 = (z, z)
            fw2 = []
            for i in range(I):
                h1, s1 = self.fw1(xb[i], s1)
                h2, s2 = self.fw2(h1, s2)
                fw2.append(h2)
            s1 = s2 = (z, z)
            hs = [None] * I
            for i in reversed(range(I)):
                h1, s1 = self.bw1(xb[i], s1)
                h2, s2 = self.bw2(h1, s2)
                hs[i] = fw2[i] + h2
            return torch.stack(hs)
    return Cell()
