"""Oracles for the h44a set-aside snippets (heldout44), as its gatherer wrote them."""
import torch
from torch import nn

__all__ = []


def _export(f):
    __all__.append(f.__name__)
    return f


def _p(*shape):
    return nn.Parameter(torch.randn(*shape) * 0.1)


# 66ling66/Stanford-cs224n Lstm.ipynb cells 4-5: LSTM on the concatenation [h_{t-1}, x_t];
# W_f, W_i, W_C, W_o (h, h+x), b_f, b_i, b_C, b_o (h); Count: 4*(h*(h+x) + h).
@_export
def h44a_cs224n_lstm(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W = nn.ParameterDict({k: _p(h, h + x) for k in 'fiCo'})
            self.b = nn.ParameterDict({k: _p(h) for k in 'fiCo'})

        def forward(self, x_t, h_prev, C_prev):
            z = torch.cat([h_prev, x_t], -1)
            a = {k: z @ self.W[k].T + self.b[k] for k in 'fiCo'}
            f, i, o = torch.sigmoid(a['f']), torch.sigmoid(a['i']), torch.sigmoid(a['o'])
            C_tilde = torch.tanh(a['C'])
            C = f * C_prev + i * C_tilde
            return o * torch.tanh(C), C
    return Cell()


# HristoTomov/itcp is_there_a_crime_in_policy.ipynb cells 87-95: LSTM with input weights W^i, W^f, W^g, W^o (h, x),
# recurrent weights U^i, U^f, U^g, U^o (h, h), biases b^i, b^f, b^g, b^o (h); s_t = g_t i_t + s_{t-1} f_t,
# h_t = o_t tanh(s_t) (the prose's reading; the written h_t = s_t . phi(o_t) holds no parameter either);
# Count: 4*(h*x + h*h + h).
@_export
def h44a_itcp_lstm(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W = nn.ParameterDict({k: _p(h, x) for k in 'ifgo'})
            self.U = nn.ParameterDict({k: _p(h, h) for k in 'ifgo'})
            self.b = nn.ParameterDict({k: _p(h) for k in 'ifgo'})

        def forward(self, x_t, h_prev, s_prev):
            a = {k: x_t @ self.W[k].T + h_prev @ self.U[k].T + self.b[k] for k in 'ifgo'}
            i, f, o = torch.sigmoid(a['i']), torch.sigmoid(a['f']), torch.sigmoid(a['o'])
            g = torch.tanh(a['g'])
            s = g * i + s_prev * f
            return o * torch.tanh(s), s
    return Cell()


# seypark/DeepLearningPractice "Language model with RNN.ipynb" cells 14-15 (GRU): W^{(z)}, W^{(r)}, W (h, x),
# U^{z}, U^{r}, U (h, h), no biases; candidate tanh(r o (U h) + W x); Count: 3*(h*x + h*h).
@_export
def h44a_seypark_gru(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W = nn.ParameterDict({k: _p(h, x) for k in 'zrc'})
            self.U = nn.ParameterDict({k: _p(h, h) for k in 'zrc'})

        def forward(self, x_t, h_prev):
            z = torch.sigmoid(x_t @ self.W['z'].T + h_prev @ self.U['z'].T)
            r = torch.sigmoid(x_t @ self.W['r'].T + h_prev @ self.U['r'].T)
            h_tilde = torch.tanh(r * (h_prev @ self.U['c'].T) + x_t @ self.W['c'].T)
            return (1 - z) * h_tilde + z * h_prev
    return Cell()


# seypark/DeepLearningPractice "Language model with RNN.ipynb" cell 14 (LSTM), REFUSE: the first block has
# \theta_{x*} (h, x), \theta_{h*} (h, h) and biases b_* (h) for i, f, o, g (4*(h*x + h*h + h) = 260); the "different
# notations" block restates it with W^{(*)}, U^{(*)} and no biases (4*(h*x + h*h) = 240). Oracle: the first block;
# Count: 4*(h*x + h*h + h).
@_export
def h44a_seypark_lstm(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.tx = nn.ParameterDict({k: _p(h, x) for k in 'ifog'})
            self.th = nn.ParameterDict({k: _p(h, h) for k in 'ifog'})
            self.b = nn.ParameterDict({k: _p(h) for k in 'ifog'})

        def forward(self, x_t, h_prev, c_prev):
            a = {k: x_t @ self.tx[k].T + h_prev @ self.th[k].T + self.b[k] for k in 'ifog'}
            i, f, o = torch.sigmoid(a['i']), torch.sigmoid(a['f']), torch.sigmoid(a['o'])
            g = torch.tanh(a['g'])
            c = f * c_prev + i * g
            return o * torch.tanh(c), c
    return Cell()


# Sepsad/CompNeuroMethodsHWs RNN_tutorial.ipynb cell 13: continuous-time RNN, Euler step
# r <- (1 - dt/tau) r + dt/tau f(W_r r + W_x x + b_r); W_r (r, r), W_x (r, x), b_r (r); tau, dt constants, f without
# parameters (ReLU, as the tutorial's code uses); Count: r*r + r*x + r.
@_export
def h44a_sepsad_ctrnn(x=7, r=5):
    tau, dt = 100.0, 20.0  # constants, not learned
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_r = _p(r, r)
            self.W_x = _p(r, x)
            self.b_r = _p(r)

        def forward(self, x_t, r_prev):
            a = dt / tau
            return (1 - a) * r_prev + a * torch.relu(r_prev @ self.W_r.T + x_t @ self.W_x.T + self.b_r)
    return Cell()


# SeongokRyu/Graph-neural-networks tutorials/ggnn.ipynb cells 0-5: GGNN layer ggnn(X, A, 32, 1) on 58 input features;
# bias-free dense projection W_p (output_dim, input_dim) because 58 != 32; message m = A X; node update with
# tf.contrib.rnn.GRUCell(output_dim) (TF1 GRUCell: gate kernel (in+h, 2h) + gate bias (2h), candidate kernel (in+h, h)
# + candidate bias (h), reset applied to h before the candidate matmul), here in = h = output_dim;
# Count: input_dim*output_dim + 3*(2*output_dim*output_dim + output_dim).
@_export
def h44a_seongok_ggnn(input_dim=58, output_dim=32):
    H = output_dim

    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_p = _p(H, input_dim)
            self.gate_kernel = _p(2 * H, H + H)
            self.gate_bias = _p(2 * H)
            self.cand_kernel = _p(H, H + H)
            self.cand_bias = _p(H)

        def forward(self, X, A):
            X = X @ self.W_p.T                      # (B, N, H)
            m = A @ X                               # message state
            h = X
            ru = torch.sigmoid(torch.cat([m, h], -1) @ self.gate_kernel.T + self.gate_bias)
            r, u = ru.split(H, -1)
            c = torch.tanh(torch.cat([m, r * h], -1) @ self.cand_kernel.T + self.cand_bias)
            return u * h + (1 - u) * c
    return Cell()


# chanyikchong/Recurrent-Neural-Network RNNs.ipynb cell 9 (class GRUCell): linear_x = nn.Linear(input_size,
# 3*hidden_size, bias=True), linear_h = nn.Linear(hidden_size, 3*hidden_size, bias=True); n = tanh(x_n + r*h_n);
# Count: 3*hidden_size*(input_size + hidden_size) + 2*3*hidden_size.
@_export
def h44a_chanyik_gru(input_size=7, hidden_size=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.linear_x = nn.Linear(input_size, 3 * hidden_size, bias=True)
            self.linear_h = nn.Linear(hidden_size, 3 * hidden_size, bias=True)

        def forward(self, x, hx):
            x_r, x_z, x_n = self.linear_x(x).chunk(3, 1)
            h_r, h_z, h_n = self.linear_h(hx).chunk(3, 1)
            rt = torch.sigmoid(x_r + h_r)
            zt = torch.sigmoid(x_z + h_z)
            nt = torch.tanh(x_n + rt * h_n)
            return (1 - zt) * nt + zt * hx
    return Cell()


# Neural-Matrix-LLC/Stock-and-ETF-Prediction_Paper research.ipynb cells 1-2, REFUSE: the cell is only
# h^t = g(h^{t-1}, x^t; theta), o^t = f(h^t; theta) with f, g never written (and an LSTM in prose only).
# Oracle, most plausible reading (Elman RNN with theta_i, theta_h, theta_o and biases):
# theta_i (h, x), theta_h (h, h), b_h (h), theta_o (o, h), b_o (o); Count: h*x + h*h + h + o*h + o.
@_export
def h44a_nm_rnn(x=7, h=5, o=3):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.theta_i = _p(h, x)
            self.theta_h = _p(h, h)
            self.b_h = _p(h)
            self.theta_o = _p(o, h)
            self.b_o = _p(o)

        def forward(self, x_t, h_prev):
            h_t = torch.tanh(x_t @ self.theta_i.T + h_prev @ self.theta_h.T + self.b_h)
            return h_t, h_t @ self.theta_o.T + self.b_o
    return Cell()


# Jason-M-Richards/LSTM-vs-GRU-in-Recurrent-Neural-Networks LSTM_GRU.ipynb cells 8-9 (LSTM model): Embedding
# (vocab, embed); Keras LSTM(lstm): kernel (embed, 4*lstm), recurrent kernel (lstm, 4*lstm), one bias (4*lstm);
# Dense(dense) on the max-pooled LSTM output; Dense(classes); Count:
# vocab*embed + 4*(lstm*(embed + lstm) + lstm) + dense*lstm + dense + classes*dense + classes.
@_export
def h44a_jason_lstm(vocab=20000, embed=128, lstm=50, dense=50, classes=20):
    class Model(nn.Module):
        def __init__(self):
            super().__init__()
            self.emb = nn.Embedding(vocab, embed)
            self.W = _p(4 * lstm, embed)
            self.U = _p(4 * lstm, lstm)
            self.b = _p(4 * lstm)
            self.d1 = nn.Linear(lstm, dense)
            self.d2 = nn.Linear(dense, classes)

        def forward(self, tokens):
            e = self.emb(tokens)                      # (B, T, embed)
            h = e.new_zeros(e.shape[0], lstm); c = torch.zeros_like(h)
            outs = []
            for t in range(e.shape[1]):
                z = e[:, t] @ self.W.T + h @ self.U.T + self.b
                i, f, g, o = z.chunk(4, -1)
                c = torch.sigmoid(f) * c + torch.sigmoid(i) * torch.tanh(g)
                h = torch.sigmoid(o) * torch.tanh(c)
                outs.append(h)
            pooled = torch.stack(outs, 1).max(1).values
            return torch.softmax(self.d2(torch.relu(self.d1(pooled))), -1)
    return Model()


# seypark/DeepLearningPractice "Language model with RNN.ipynb" cell 0 (RNN): h_t = W f(h_{t-1}) + W^{(hx)} x_t,
# y_hat = W^{(S)} f(h_t); W (D_h, D_h), W^{(hx)} (D_h, d), W^{(S)} (|v|, D_h), no biases; f = sigmoid/tanh (no
# parameters); Count: D_h*D_h + D_h*d + v*D_h.
@_export
def h44a_seypark_rnn(d=7, D_h=5, v=3):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W = _p(D_h, D_h)
            self.W_hx = _p(D_h, d)
            self.W_S = _p(v, D_h)

        def forward(self, x_t, h_prev):
            f = torch.sigmoid
            h_t = f(h_prev) @ self.W.T + x_t @ self.W_hx.T
            return h_t, torch.softmax(f(h_t) @ self.W_S.T, -1)
    return Cell()


# 66ling66/Stanford-cs224n RNN.ipynb cell 4: h_t = tanh(W_h h_{t-1} + W_x x_t + b_h), y_t = softmax(W_y h_t + b_y);
# W_h (h, h), W_x (h, x), b_h (h), W_y (y, h), b_y (y); Count: h*h + h*x + h + y*h + y.
@_export
def h44a_cs224n_rnn(x=7, h=5, y=3):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_h = _p(h, h)
            self.W_x = _p(h, x)
            self.b_h = _p(h)
            self.W_y = _p(y, h)
            self.b_y = _p(y)

        def forward(self, x_t, h_prev):
            h_t = torch.tanh(h_prev @ self.W_h.T + x_t @ self.W_x.T + self.b_h)
            return h_t, torch.softmax(h_t @ self.W_y.T + self.b_y, -1)
    return Cell()
