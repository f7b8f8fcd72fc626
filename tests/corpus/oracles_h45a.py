"""Oracles for the h45a set-aside snippets (heldout45), as its gatherer wrote them."""
import torch
from torch import nn

__all__ = []


def _export(f):
    __all__.append(f.__name__)
    return f


def _p(*shape):
    return nn.Parameter(torch.randn(*shape) * 0.1)


# benedekrozemberczki/pytorch_geometric_temporal a3tgcn_for_traffic_forecasting.ipynb cells 12-14 (T-GCN):
# most plausible reading: one graph convolution GC(A, X_t) = A X_t W_g with W_g (x, h) shared by the three lines,
# W_u, W_r, W_c (h, 2h) on the concatenation [GC(A, X_t), h_{t-1}], no biases (none written); attention not written.
# Count: x*h + 3*(h*2h).
@_export
def h45a_a3tgcn_tgcn(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_g = _p(x, h)
            self.W_u = _p(h, 2 * h)
            self.W_r = _p(h, 2 * h)
            self.W_c = _p(h, 2 * h)

        def forward(self, A, X_t, h_prev):
            gc = A @ X_t @ self.W_g
            u = torch.sigmoid(torch.cat([gc, h_prev], -1) @ self.W_u.T)
            r = torch.sigmoid(torch.cat([gc, h_prev], -1) @ self.W_r.T)
            c = torch.tanh(torch.cat([gc, r * h_prev], -1) @ self.W_c.T)
            return u * h_prev + (1 - u) * c
    return Cell()


# janchorowski/dl_uwr Lectures/09-rnn-demos.ipynb cell 0 lines 103-121: peephole LSTM; literal reading:
# W_xi, W_xf, W_xc, W_xo (H, X); W_hi, W_hf, W_hc, W_ho (H, H); peepholes W_ci, W_cf, W_co as full (H, H) matrices
# (written like the other W); biases b_i (used twice: input gate and candidate), b_f, b_o (H);
# Count: 4*(H*X + H*H) + 3*H*H + 3*H.
@_export
def h45a_uwr_peephole_lstm(X=7, H=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.Wx = nn.ParameterDict({k: _p(H, X) for k in 'ifco'})
            self.Wh = nn.ParameterDict({k: _p(H, H) for k in 'ifco'})
            self.Wc = nn.ParameterDict({k: _p(H, H) for k in 'ifo'})
            self.b = nn.ParameterDict({k: _p(H) for k in 'ifo'})

        def forward(self, X_t, H_prev, c_prev):
            i = torch.sigmoid(X_t @ self.Wx['i'].T + H_prev @ self.Wh['i'].T + c_prev @ self.Wc['i'].T + self.b['i'])
            f = torch.sigmoid(X_t @ self.Wx['f'].T + H_prev @ self.Wh['f'].T + c_prev @ self.Wc['f'].T + self.b['f'])
            c = f * c_prev + i * torch.tanh(X_t @ self.Wx['c'].T + H_prev @ self.Wh['c'].T + self.b['i'])
            o = torch.sigmoid(X_t @ self.Wx['o'].T + H_prev @ self.Wh['o'].T + c @ self.Wc['o'].T + self.b['o'])
            return o * torch.tanh(c), c
    return Cell()


# lucasdelimanogueira/LSTM-from-scratch LSTM_from_scratch.ipynb cells 9-10: LSTM on the stacked [h_{t-1}; x_t];
# wf, wi, wc, wo (h, h+x); bf, bi, bc, bo (h, 1); w_final (y, h), b_final (y, 1) on the last hidden state;
# Count: 4*(h*(x+h) + h) + y*h + y.
@_export
def h45a_lucas_lstm(x_dimension=7, number_hidden_neurons=5, y_dimension=3):
    x, h, y = x_dimension, number_hidden_neurons, y_dimension

    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.w = nn.ParameterDict({k: _p(h, h + x) for k in 'fico'})
            self.b = nn.ParameterDict({k: _p(h) for k in 'fico'})
            self.w_final = _p(y, h)
            self.b_final = _p(y)

        def forward(self, x_t, h_prev, c_prev):
            z = torch.cat([h_prev, x_t], -1)
            a = {k: z @ self.w[k].T + self.b[k] for k in 'fico'}
            f, i, o = torch.sigmoid(a['f']), torch.sigmoid(a['i']), torch.sigmoid(a['o'])
            c = f * c_prev + i * torch.tanh(a['c'])
            h_t = o * torch.tanh(c)
            return h_t @ self.w_final.T + self.b_final, h_t, c
    return Cell()


# KillerStrike17/DeepLearning_for_NLP LSTM/LSTM.ipynb cells 16-18: LSTM on z = [h_{t-1}, x];
# W_f, W_i, W_C, W_o (H, H+X), b_f, b_i, b_C, b_o (H) (the Parameters class defines b_o; the equation's b_i in o_t is a typo),
# W_v (X, H), b_v (X) for the logits; Count: 4*(H*(H+X) + H) + X*H + X.
@_export
def h45a_killer_lstm(X_size=7, Hidden_Layer_size=5):
    X, H = X_size, Hidden_Layer_size

    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W = nn.ParameterDict({k: _p(H, H + X) for k in 'fiCo'})
            self.b = nn.ParameterDict({k: _p(H) for k in 'fiCo'})
            self.W_v = _p(X, H)
            self.b_v = _p(X)

        def forward(self, x, h_prev, C_prev):
            z = torch.cat([h_prev, x], -1)
            a = {k: z @ self.W[k].T + self.b[k] for k in 'fiCo'}
            f, i, o = torch.sigmoid(a['f']), torch.sigmoid(a['i']), torch.sigmoid(a['o'])
            C = f * C_prev + i * torch.tanh(a['C'])
            h = o * torch.tanh(C)
            v = h @ self.W_v.T + self.b_v
            return torch.softmax(v, -1), h, C
    return Cell()


# nengo/nengo-dl docs/examples/lmu.ipynb cells 6-9: Legendre Memory Unit built from nengo Connections.
# Reading: trainable = encoder x->u transform e (1, input_d) (default trainability), W_x (units, input_d),
# W_h (units, units), W_m (units, order), readout (out, units); A (order, order), B (order, 1) fixed (buffers,
# trainable = False); no biases. Count: input_d + units*input_d + units*units + units*order + out*units.
@_export
def h45a_nengo_lmu(units=212, order=256, input_d=1, out=10):
    import numpy as np
    Q = np.arange(order, dtype=np.float64)
    R = (2 * Q + 1)[:, None] / 784.0
    j, i = np.meshgrid(Q, Q)
    A = np.where(i < j, -1, (-1.0) ** (i - j + 1)) * R
    B = (-1.0) ** Q[:, None] * R

    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.e = _p(1, input_d)
            self.W_x = _p(units, input_d)
            self.W_h = _p(units, units)
            self.W_m = _p(units, order)
            self.readout = _p(out, units)
            self.register_buffer('A', torch.eye(order) + torch.tensor(A, dtype=torch.float32))  # Euler stand-in for zoh
            self.register_buffer('B', torch.tensor(B, dtype=torch.float32))

        def forward(self, x_t, h_prev, m_prev):
            u = x_t @ self.e.T
            m = m_prev @ self.A.T + u @ self.B.T
            h = torch.tanh(x_t @ self.W_x.T + h_prev @ self.W_h.T + m @ self.W_m.T)
            return h @ self.readout.T, h, m
    return Cell()


# Bishalai/NeuralNet rnn.ipynb cells 4-5: character RNN; Wxh (h, V), Whh (h, h), Why (V, h), bh (h), by (V);
# Count: h*V + h*h + V*h + h + V.
@_export
def h45a_bishal_rnn(vocab_size=7, hidden_size=5):
    V, H = vocab_size, hidden_size

    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.Wxh = _p(H, V)
            self.Whh = _p(H, H)
            self.Why = _p(V, H)
            self.bh = _p(H)
            self.by = _p(V)

        def forward(self, x_t, h_prev):
            h = torch.tanh(x_t @ self.Wxh.T + h_prev @ self.Whh.T + self.bh)
            y = h @ self.Why.T + self.by
            return torch.softmax(y, -1), h
    return Cell()


# sumanthgm-a4/Codes_From_StatQuestYT LSTM_from_scratch.ipynb cells 2-3: one-unit LSTM with scalar parameters;
# wlr1, wlr2, blr1 (forget), wpr1, wpr2, bpr1 (input), wp1, wp2, bp1 (candidate), wo1, wo2, bo1 (output);
# Count: 12.
@_export
def h45a_statquest_lstm():
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            for n in ['wlr1', 'wlr2', 'blr1', 'wpr1', 'wpr2', 'bpr1', 'wp1', 'wp2', 'bp1', 'wo1', 'wo2', 'bo1']:
                setattr(self, n, nn.Parameter(torch.randn(()) * 0.1))

        def forward(self, input_value, long_memory, short_memory):
            lr = torch.sigmoid(short_memory * self.wlr1 + input_value * self.wlr2 + self.blr1)
            pr = torch.sigmoid(short_memory * self.wpr1 + input_value * self.wpr2 + self.bpr1)
            pm = torch.tanh(short_memory * self.wp1 + input_value * self.wp2 + self.bp1)
            long_memory = long_memory * lr + pr * pm
            op = torch.sigmoid(short_memory * self.wo1 + input_value * self.wo2 + self.bo1)
            return long_memory, torch.tanh(long_memory) * op
    return Cell()


# TakuroTerui/JDLA_Deep_Learning_for_ENGINEER RNNの実装.ipynb cells 1-8: Elman RNN h_t = tanh(h_{t-1} W_h + x_t W_x + b);
# W_h (H, H), W_x (D, H); the text gives b : (N, H) with N the batch size -- the oracle reads b as one bias per hidden
# unit (H), broadcast over the batch (N is accepted but holds no parameter). Count: D*H + H*H + H
# (the literal reading b (N, H) gives D*H + H*H + N*H).
@_export
def h45a_jdla_rnn(N=32, D=100, H=100):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.Wh = _p(H, H)
            self.Wx = _p(D, H)
            self.b = _p(H)

        def forward(self, x, h_prev):
            return torch.tanh(h_prev @ self.Wh + x @ self.Wx + self.b)
    return Cell()


# hnghiem-usc/RNN LSTM.ipynb cells 4-10: LSTM on z = [h_{t-1}; x_t] (z_size = num_hidden + vocab_size);
# Wi, Wf, Wo, Wg (H, H+V), bi, bf, bo, bg (H); Wy (V, H), by (V); Count: 4*(H*(H+V) + H) + V*H + V.
@_export
def h45a_hnghiem_lstm(num_hidden=200, vocab_size=7):
    H, V = num_hidden, vocab_size

    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W = nn.ParameterDict({k: _p(H, H + V) for k in 'ifog'})
            self.b = nn.ParameterDict({k: _p(H) for k in 'ifog'})
            self.Wy = _p(V, H)
            self.by = _p(V)

        def forward(self, x, hprev, cprev):
            z = torch.cat([hprev, x], -1)
            a = {k: z @ self.W[k].T + self.b[k] for k in 'ifog'}
            i, f, o = torch.sigmoid(a['i']), torch.sigmoid(a['f']), torch.sigmoid(a['o'])
            g = torch.tanh(a['g'])
            c = f * cprev + i * g
            h = o * torch.tanh(c)
            return torch.softmax(h @ self.Wy.T + self.by, -1), h, c
    return Cell()
