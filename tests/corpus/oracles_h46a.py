"""Oracles for the h46a set-aside snippets (heldout46), as its gatherer wrote them."""
import torch
from torch import nn

__all__ = []


def _export(f):
    __all__.append(f.__name__)
    return f


def _p(*shape):
    return nn.Parameter(torch.randn(*shape) * 0.1)


# juanchess98/Notebooks-Deep-Learning Recurrent_Neural_Networks.ipynb cell 1 (Spanish, after Geron): layer of recurrent
# neurons y_(t) = phi(W_x^T x_(t) + W_y^T y_(t-1) + b); W_x (x, y), W_y (y, y), b (y); Count: x*y + y*y + y.
@_export
def h46a_juan_rnn(x=7, y=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_x = _p(x, y)
            self.W_y = _p(y, y)
            self.b = _p(y)
        def forward(self, xt, yprev):
            return torch.tanh(xt @ self.W_x + yprev @ self.W_y + self.b)
    return Cell()


# spro/practical-pytorch char-rnn-classification.ipynb cells 12-13: i2h = Linear(input+hidden -> hidden), i2o =
# Linear(input+hidden -> output), both with bias, on cat(input, hidden); LogSoftmax has no parameters;
# Count: (I+H)*H + H + (I+H)*O + O.
@_export
def h46a_spro_charrnn(input_size=7, hidden_size=5, output_size=3):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.i2h = nn.Linear(input_size + hidden_size, hidden_size)
            self.i2o = nn.Linear(input_size + hidden_size, output_size)
            self.softmax = nn.LogSoftmax(dim=1)
        def forward(self, inp, hidden):
            combined = torch.cat((inp, hidden), 1)
            hidden = self.i2h(combined)
            output = self.softmax(self.i2o(combined))
            return output, hidden
    return Cell()


# spro/practical-pytorch seq2seq-translation.ipynb cells 25-26 (Bahdanau decoder), REFUSE: f, g, a are abstract.
# Most plausible reading (the notebook's own code): embedding of y_{i-1} (y x s), concat attention a(s_{i-1}, h_j) =
# v^T tanh(W [s_{i-1}; h_j] + b) with W (s, s+h), b (s), v (s); f = nn.GRU on [embedded; c_i] (s+h -> s, two biases);
# g = Linear([embedded; s_i; c_i] -> y) with bias;
# Count: y*s + (s*(s+h) + s + s) + 3*(s*(s+h) + s*s + 2*s) + ((s+s+h)*y + y).
@_export
def h46a_spro_bahdanau(s=5, h=4, y=3):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.embedding = nn.Embedding(y, s)
            self.attn = nn.Linear(s + h, s)
            self.v = _p(s)
            self.gru = nn.GRUCell(s + h, s)
            self.out = nn.Linear(s + s + h, y)
        def forward(self, y_prev, s_prev, enc):  # y_prev (B,) long, s_prev (B, s), enc (B, T, h)
            emb = self.embedding(y_prev)
            T = enc.shape[1]
            e = torch.tanh(self.attn(torch.cat([s_prev.unsqueeze(1).expand(-1, T, -1), enc], -1))) @ self.v
            a = torch.softmax(e, dim=1)
            c = (a.unsqueeze(-1) * enc).sum(1)
            s_new = self.gru(torch.cat([emb, c], -1), s_prev)
            return torch.log_softmax(self.out(torch.cat([emb, s_new, c], -1)), -1), s_new
    return Cell()


# nyu-mll/DS-GA-1011-Fall2017 "Week Eight" cells 7-8 (starter code), REFUSE: self.decoder and self.dropout are used
# but not defined. Most plausible reading: embedding (V, E); linear_f/i/ctilde/o = Linear(E+H -> H) with bias on
# cat(hid, emb); decoder = Linear(H -> V) with bias (init_weights fills its bias); dropout has no parameters;
# Count: V*E + 4*((E+H)*H + H) + H*V + V.
@_export
def h46a_nyu_lstmlm(vocab_size=7, embedding_dim=4, hidden_size=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.encoder = nn.Embedding(vocab_size, embedding_dim, padding_idx=0)
            self.linear_f = nn.Linear(embedding_dim + hidden_size, hidden_size)
            self.linear_i = nn.Linear(embedding_dim + hidden_size, hidden_size)
            self.linear_ctilde = nn.Linear(embedding_dim + hidden_size, hidden_size)
            self.linear_o = nn.Linear(embedding_dim + hidden_size, hidden_size)
            self.decoder = nn.Linear(hidden_size, vocab_size)
            self.dropout = nn.Dropout(0.5)
        def forward(self, x, hid, c_t):
            emb = self.dropout(self.encoder(x))
            combined = torch.cat((hid, emb), 1)
            f = torch.sigmoid(self.linear_f(combined))
            i = torch.sigmoid(self.linear_i(combined))
            c_tilde = torch.tanh(self.linear_ctilde(combined))
            c_t = f * c_t + i * c_tilde
            o = torch.sigmoid(self.linear_o(combined))
            hid = o * torch.tanh(c_t)
            return self.decoder(self.dropout(hid)), hid, c_t
    return Cell()


# cerasole/ml4hep torch_Encoder_Decoder_for_Neural_Machine_Translation.ipynb cells 50-51: DecoderRNN = Embedding(O, H)
# + nn.GRU(H, H) (W_ih 3H x H, W_hh 3H x H, b_ih 3H, b_hh 3H) + Linear(H -> O) with bias; ReLU/LogSoftmax have none;
# Count: O*H + 3*(2*H*H + 2*H) + H*O + O.
@_export
def h46a_cer_grudec(hidden_size=5, output_size=7):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.embedding = nn.Embedding(output_size, hidden_size)
            self.gru = nn.GRU(hidden_size, hidden_size)
            self.out = nn.Linear(hidden_size, output_size)
            self.softmax = nn.LogSoftmax(dim=1)
        def forward(self, inp, hidden):
            embedded = self.embedding(inp).view(-1, 1, hidden_size)
            output, hidden = self.gru(torch.relu(embedded), hidden)
            return self.softmax(self.out(output[0])), hidden
    return Cell()


# synsense/rockpool docs/tutorials/sgd_recurrent_net.ipynb cells 9-11: rate RNN tau_j dx_j/dt + x_j = W_r f(x) + b_j +
# i_j + noise, i = W_i i(t), z = W_o x; learned (the tutorial trains "all network parameters", tau included):
# tau (N), W_r (N, N), b (N), W_i (N, nIn), W_o (nOut, N); noise std is a hyperparameter; no biases on W_i, W_o;
# Count: N + N*N + N + N*nIn + nOut*N. One Euler step with dt.
@_export
def h46a_rock_rate(N=5, nInSize=7, nOutSize=3):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.tau = nn.Parameter(torch.full((N,), 0.02))
            self.w_rec = _p(N, N)
            self.bias = _p(N)
            self.w_in = _p(N, nInSize)
            self.w_out = _p(nOutSize, N)
        def forward(self, inp, x, dt=1e-3, noise_std=0.1):
            i = inp @ self.w_in.T
            dx = (-x + torch.tanh(x) @ self.w_rec.T + self.bias + i + noise_std * torch.randn_like(x)) / self.tau
            x = x + dt * dx
            return x @ self.w_out.T, x
    return Cell()


# gyyang/nn-brain RNN+DynamicalSystemAnalysis.ipynb cells 5-6: tau dr/dt = -r + f(W_r r + W_x x + b_r), Euler step
# with dt/tau; W_r (r, r), W_x (r, x), b_r (r); the single time constant tau and dt are fixed hyperparameters;
# Count: r*r + r*x + r.
@_export
def h46a_gy_ctrnn(r=5, x=7):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_r = _p(r, r)
            self.W_x = _p(r, x)
            self.b_r = _p(r)
        def forward(self, xt, rt, dt=20.0, tau=100.0):
            return rt + dt / tau * (-rt + torch.relu(rt @ self.W_r.T + xt @ self.W_x.T + self.b_r))
    return Cell()


# mindspore-ai/docs tutorials/source_zh_cn/nlp/sentiment_analysis.ipynb cells 31-32: Embedding (V, E) initialised from
# GloVe but still a trainable table; nn.LSTM(E, H, num_layers=L, bidirectional) with two bias vectors per layer and
# direction (MindSpore nn.LSTM, like torch); Dense(2H -> O) with bias on [h_fwd_last; h_bwd_last];
# Count: V*E + sum over layers and directions of 4H*(in + H) + 8H + 2H*O + O.
@_export
def h46a_ms_sentiment(vocab_size=7, embedding_dim=4, hidden_dim=5, output_dim=1, n_layers=2, bidirectional=True):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.embedding = nn.Embedding(vocab_size, embedding_dim)
            self.rnn = nn.LSTM(embedding_dim, hidden_dim, num_layers=n_layers, bidirectional=bidirectional,
                               batch_first=True)
            self.fc = nn.Linear(hidden_dim * 2, output_dim)
        def forward(self, inputs):
            embedded = self.embedding(inputs)
            _, (hidden, _) = self.rnn(embedded)
            hidden = torch.cat((hidden[-2], hidden[-1]), dim=1)
            return self.fc(hidden)
    return Cell()


# synsense/rockpool docs/basics/introduction_to_snns.ipynb cells 6-7 (single LIF neuron), REFUSE: the text does not say
# which quantities are learned. Most plausible reading (Rockpool LIF modules train them): weights w_i (i), membrane and
# synaptic time constants tau_m, tau_s (scalars) and the bias I_b (scalar); Count: i + 3. Weights only would give i.
@_export
def h46a_rock_lif(i=7):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.w = _p(i)
            self.tau_m = nn.Parameter(torch.tensor(0.02))
            self.tau_s = nn.Parameter(torch.tensor(0.01))
            self.I_b = nn.Parameter(torch.tensor(0.0))
        def forward(self, spikes, V, I_s, dt=1e-3, threshold=1.0):
            I_s = I_s + dt / self.tau_s * (-I_s) + spikes @ self.w
            V = V + dt / self.tau_m * (-V + I_s + self.I_b)
            out = (V >= threshold).float()
            return out, V * (1 - out), I_s
    return Cell()


# gibranfp/CursoAprendizajeProfundo notebooks/3a_celda_recurrente.ipynb cell 12: CeldaRecurrente, h' = tanh(W^T [x; h] + b)
# with W (tam_edo + tam_voc, tam_edo), b (tam_edo, 1); Count: (tam_edo + tam_voc)*tam_edo + tam_edo.
@_export
def h46a_gib_celda(tam_voc=7, tam_edo=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W = _p(tam_edo + tam_voc, tam_edo)
            self.b = _p(tam_edo, 1)
        def forward(self, x, h):  # column vectors x (tam_voc, 1), h (tam_edo, 1)
            xh = torch.cat((x.reshape(-1, 1), h), dim=0)
            return torch.tanh(self.W.T @ xh + self.b)
    return Cell()


# nyu-mll/DS-GA-1011-Fall2017 "Week Five" cell 11 (Elman network recipe): embedding (V, 8); affine layer on
# [emb; h] -> H with bias, tanh; final h_n through an affine layer H -> O with bias;
# Count: V*8 + (8+H)*H + H + H*O + O.
@_export
def h46a_nyu_elman(vocab_size=7, hidden_size=5, output_size=3):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.embedding = nn.Embedding(vocab_size, 8)
            self.i2h = nn.Linear(8 + hidden_size, hidden_size)
            self.out = nn.Linear(hidden_size, output_size)
        def forward(self, x, hidden):
            hidden = torch.tanh(self.i2h(torch.cat((self.embedding(x), hidden), 1)))
            return self.out(hidden), hidden
    return Cell()


# juanchess98/Notebooks-Deep-Learning Recurrent_Neural_Networks.ipynb cell 2 ("Memory Cells"), REFUSE: the cell is
# h_(t) = f(h_(t-), x_(t)) with f left abstract; only the output map Y_(t) = W_ht h_(t) is written. Most plausible
# reading: f is the basic recurrent layer of the previous cell (W_x (x, h), W_h (h, h), b (h), tanh) and
# W_ht (y, h) without bias; Count: x*h + h*h + h + y*h.
@_export
def h46a_juan_memcell(x=7, h=5, y=3):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_x = _p(x, h)
            self.W_h = _p(h, h)
            self.b = _p(h)
            self.W_ht = _p(y, h)
        def forward(self, xt, hprev):
            ht = torch.tanh(xt @ self.W_x + hprev @ self.W_h + self.b)
            return ht @ self.W_ht.T, ht
    return Cell()
