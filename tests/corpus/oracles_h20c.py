import torch
from torch import nn

__all__ = []


def _export(f):
    __all__.append(f.__name__)
    return f


def _p(*shape):
    return nn.Parameter(torch.randn(*shape) * 0.1)


# stored file id 55017672217 (Chinese notes "# 门控循环单元（GRU）", 3.1-3.5). W_z, W_r, W in R^{d_h x (d_h + d_x)};
# b_z, b_r, b in R^{d_h} are listed as the biases and the text says they are to be added in practice.
# 3 d_h (d_h + d_x) + 3 d_h.
@_export
def h20c_zhgrunotes_gru(d_x=7, d_h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_z = nn.Linear(d_h + d_x, d_h)
            self.W_r = nn.Linear(d_h + d_x, d_h)
            self.W = nn.Linear(d_h + d_x, d_h)

        def forward(self, x, h):
            hx = torch.cat([h, x], -1)
            z = torch.sigmoid(self.W_z(hx))
            r = torch.sigmoid(self.W_r(hx))
            ht = torch.tanh(self.W(torch.cat([r * h, x], -1)))
            return (1 - z) * h + z * ht

    return Cell()


# stored file id 55017672217 (same notes, 8.1 MGU). W_f, W: h x (h + x), b_f, b: h. 2h(h + x) + 2h.
@_export
def h20c_zhgrunotes_mgu(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_f = nn.Linear(h + x, h)
            self.W = nn.Linear(h + x, h)

        def forward(self, xt, hp):
            f = torch.sigmoid(self.W_f(torch.cat([hp, xt], -1)))
            ht = torch.tanh(self.W(torch.cat([f * hp, xt], -1)))
            return (1 - f) * hp + f * ht

    return Cell()


# stored file id 57034981235 (tensor2tensor common_layers with Chinese docstrings, def sru). Per layer one
# Dense(channels -> 3 channels) giving [x, f, r]; a Dense layer has a bias (Keras/tf.layers default).
# h has the shape of x, so every layer is channels -> channels; num_layers = 2 (options: layers=2).
# 2 (3 channels^2 + 3 channels).
@_export
def h20c_t2tzh_sru(channels=6, layers=2):
    class Layer(nn.Module):
        def __init__(self):
            super().__init__()
            self.dense = nn.Linear(channels, 3 * channels)

        def forward(self, x_orig, c):
            x, f, r = self.dense(x_orig).chunk(3, -1)
            f, r = torch.sigmoid(f), torch.sigmoid(r)
            c = f * c + (1 - f) * x
            h = r * c + (1 - r) * x_orig
            return h, c

    class Stack(nn.Module):
        def __init__(self):
            super().__init__()
            self.layers = nn.ModuleList(Layer() for _ in range(layers))

        def forward(self, x, cs):
            new = []
            for layer, c in zip(self.layers, cs):
                x, c = layer(x, c)
                new.append(c)
            return x, new

    return Stack()


# stored file id 53469397457 (French-commented NumPy class LSTMCell). W_f, W_i, W_c, W_o: (hidden_size,
# hidden_size + input_size); b_f, b_i, b_c, b_o: (hidden_size, 1). 4 h (h + x) + 4 h.
@_export
def h20c_frnumpy_lstm(input_size=7, hidden_size=5):
    H, X = hidden_size, input_size

    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_f, self.b_f = _p(H, H + X), _p(H, 1)
            self.W_i, self.b_i = _p(H, H + X), _p(H, 1)
            self.W_c, self.b_c = _p(H, H + X), _p(H, 1)
            self.W_o, self.b_o = _p(H, H + X), _p(H, 1)

        def forward(self, x_t, h_prev, c_prev):
            cx = torch.cat([h_prev, x_t], 0)  # (H + X, 1)
            f = torch.sigmoid(self.W_f @ cx + self.b_f)
            i = torch.sigmoid(self.W_i @ cx + self.b_i)
            cb = torch.tanh(self.W_c @ cx + self.b_c)
            c = f * c_prev + i * cb
            o = torch.sigmoid(self.W_o @ cx + self.b_o)
            return o * torch.tanh(c), c

    return Cell()


# stored file id 56129552492 (C# class GRU, Russian comments). Wz, Wr, Wh: hiddenSize x inputSize;
# Uz, Ur, Uh: hiddenSize x hiddenSize; bz, br, bh: hiddenSize; V: outputSize x hiddenSize, by: outputSize
# (the output layer is computed in Forward). 3h(x + h) + 3h + o h + o.
@_export
def h20c_tsfnet_gru(inputSize=7, hiddenSize=5, outputSize=3):
    X, H, O = inputSize, hiddenSize, outputSize

    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.Wz, self.Uz, self.bz = _p(H, X), _p(H, H), _p(H)
            self.Wr, self.Ur, self.br = _p(H, X), _p(H, H), _p(H)
            self.Wh, self.Uh, self.bh = _p(H, X), _p(H, H), _p(H)
            self.V, self.by = _p(O, H), _p(O)

        def forward(self, x, h):
            z = torch.sigmoid(self.Wz @ x + self.Uz @ h + self.bz)
            r = torch.sigmoid(self.Wr @ x + self.Ur @ h + self.br)
            hc = torch.tanh(self.Uh @ (r * h) + self.Wh @ x + self.bh)
            h = (1 - z) * h + z * hc
            return self.V @ h + self.by, h

    return Cell()


# stored file id 70891051469 (Spanish NumPy script "Módulo 4", LSTM part). The text fixes x and a to 2 values:
# Wc, Wu, Wf, Wo of size (2, 4) on [a_{t-1}, x_t]; bc, bu, bf, bo = np.zeros(2). 4 a (a + x) + 4 a = 40.
@_export
def h20c_esmodulo4_lstm(x=2, a=2):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.Wc, self.Wu, self.Wf, self.Wo = (_p(a, a + x) for _ in range(4))
            self.bc, self.bu, self.bf, self.bo = (_p(a) for _ in range(4))

        def forward(self, x_t, a_prev, c_prev):
            cat = torch.cat([a_prev, x_t])
            ct = torch.tanh(self.Wc @ cat + self.bc)
            gu = torch.sigmoid(self.Wu @ cat + self.bu)
            gf = torch.sigmoid(self.Wf @ cat + self.bf)
            go = torch.sigmoid(self.Wo @ cat + self.bo)
            c = gu * ct + gf * c_prev
            return go * torch.tanh(c), c

    return Cell()


# stored file id 35888230421 (Korean study notes, "파이썬으로 RNN 구현하기"). input_dim = 4, hidden_units = 8 fixed by
# the code: Wx (hidden_units, input_dim), Wh (hidden_units, hidden_units), b (hidden_units,).
# h x + h^2 + h = 32 + 64 + 8 = 104.
@_export
def h20c_konotes_rnn(input_dim=4, hidden_units=8):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.Wx = _p(hidden_units, input_dim)
            self.Wh = _p(hidden_units, hidden_units)
            self.b = _p(hidden_units)

        def forward(self, input_t, hidden_state_t):
            return torch.tanh(self.Wx @ input_t + self.Wh @ hidden_state_t + self.b)

    return Cell()


# stored file id 68342907721 (Chinese README xLSTM-Transformer, 4.2 mLSTM; expect refuse: q_t, k_t, v_t, o_t and
# the gate pre-activations ĩ_t, f̃_t are used but never defined from the input, and NORM is not specified).
# One plausible reading (single head, width d): W_q, W_k, W_v: d x d without bias; scalar gates
# ĩ = w_i x + b_i, f̃ = w_f x + b_f; o = sigmoid(W_o x + b_o); NORM without parameters. 4d^2 + 3d + 2.
@_export
def h20c_xlstmpv_mlstm(d=6):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_q = nn.Linear(d, d, bias=False)
            self.W_k = nn.Linear(d, d, bias=False)
            self.W_v = nn.Linear(d, d, bias=False)
            self.w_i = nn.Linear(d, 1)
            self.w_f = nn.Linear(d, 1)
            self.W_o = nn.Linear(d, d)

        def forward(self, x, state):
            C, n, m = state
            q, k, v = self.W_q(x), self.W_k(x), self.W_v(x)
            it, ft = self.w_i(x).squeeze(-1), self.w_f(x).squeeze(-1)
            logf = nn.functional.logsigmoid(ft)
            m_new = torch.maximum(logf + m, it)
            i = torch.exp(it - m_new)
            f = torch.exp(logf + m - m_new)
            C = f * C + i * torch.outer(k, v)
            n = f * n + i * k
            qs = q / d ** 0.5
            h = C.T @ qs / torch.maximum((n @ qs).abs(), torch.exp(-m_new))
            h = torch.sigmoid(self.W_o(x)) * nn.functional.layer_norm(h, (d,))
            return h, (C, n, m_new)

    return Cell()


# stored file id 58846432258 (Chinese blog "定制 RNN Cell", SC-LSTM). SCLSTM(BasicLSTMCell): the inherited TF
# BasicLSTMCell kernel [x + h, 4h] and bias [4h] on concat([inputs, h]); w_d [kwd_voc_size, num_units] with
# kwd_voc_size = topic_size (d_act is the action vector, [batch, topic_size]); ActionWrapper: wr
# [word_embedding_size, topic_size], hr [hidden_size, topic_size], no bias. forget_bias is a constant.
# 4h(x + h) + 4h + K h + x K + h K.
@_export
def h20c_customcell_sclstm(word_embedding_size=7, hidden_size=5, topic_size=3):
    X, H, K = word_embedding_size, hidden_size, topic_size

    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.kernel = _p(X + H, 4 * H)
            self.bias = _p(4 * H)
            self.w_d = _p(K, H)
            self.wr = _p(X, K)
            self.hr = _p(H, K)

        def forward(self, inputs, state, action_vec):
            c, h = state
            r = torch.sigmoid(inputs @ self.wr + h @ self.hr)
            d_act = r * action_vec
            g = torch.cat([inputs, h], -1) @ self.kernel + self.bias
            i, j, f, o = g.chunk(4, -1)
            new_c = c * torch.sigmoid(f + 1.0) + torch.sigmoid(i) * torch.tanh(j) + torch.tanh(d_act @ self.w_d)
            new_h = torch.tanh(new_c) * torch.sigmoid(o)
            return new_h, (new_c, new_h), d_act

    return Cell()


# stored file id 33409636439 (Portuguese-commented C++ header, GRU_HiddenLayerNeuron; expect refuse: no equations,
# the lengths of Wz, Wr, Wh and of the final weights array are never stated, nor what the final weighting does).
# One plausible reading (one neuron, scalar hidden state): Wz, Wr, Wh of length inputSize, scalar Uz, Ur, Uh,
# Bz, Br, Bh, final weights of length inputSize and a scalar bias. 4 inputSize + 7.
@_export
def h20c_ptcpp_gru(inputSize=7):
    n = inputSize

    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.Wz, self.Wr, self.Wh = _p(n), _p(n), _p(n)
            self.Uz, self.Ur, self.Uh = _p(1), _p(1), _p(1)
            self.Bz, self.Br, self.Bh = _p(1), _p(1), _p(1)
            self.weights = _p(n)
            self.bias = _p(1)

        def forward(self, x, ht_1):
            z = torch.sigmoid(self.Wz @ x + self.Uz * ht_1 + self.Bz)
            r = torch.sigmoid(self.Wr @ x + self.Ur * ht_1 + self.Br)
            hc = torch.tanh(self.Wh @ x + self.Uh * (r * ht_1) + self.Bh)
            h = (1 - z) * ht_1 + z * hc
            out = self.weights @ (x * h) + self.bias
            return out, h

    return Cell()
