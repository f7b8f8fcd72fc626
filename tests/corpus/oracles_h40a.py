"""Oracles for the h40a set-aside snippets (heldout40), as its gatherer wrote them."""
import torch
from torch import nn

__all__ = []


def _export(f):
    __all__.append(f.__name__)
    return f


def _p(*shape):
    return nn.Parameter(torch.randn(*shape) * 0.1)


# state-spaces/s4 notebooks/ssm_kernels.ipynb (SSM kernel); most plausible reading: a single-input single-output SSM
# with learned A (N x N), B (N), C (N), fixed step; Count: N*N + 2*N. (Refuse: A may be a fixed HiPPO matrix or
# diagonal/normal, step size may be learned, in/out widths never given.)
@_export
def h40a_s4_kernel(N=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.A = _p(N, N)
            self.B = _p(N)
            self.C = _p(N)

        def forward(self, u, x, dt=0.01):
            # bilinear discretization, one recurrent step: x_k = Abar x_{k-1} + Bbar u_k, y_k = C x_k
            I = torch.eye(N)
            inv = torch.linalg.inv(I - dt / 2 * self.A)
            Abar = inv @ (I + dt / 2 * self.A)
            Bbar = (inv @ self.B.unsqueeze(-1) * dt).squeeze(-1)
            x = x @ Abar.T + u * Bbar
            return x @ self.C, x
    return Cell()


# hse-aml/intro-to-dl week5 RNN-task (Keras char-RNN); Embedding(n_tokens, embedding_size), Dense on [x_emb, h]
# -> rnn_num_units (kernel + bias, Keras default), Dense h -> n_tokens (kernel + bias);
# Count: n*e + (e+u)*u + u + u*n + n.
@_export
def h40a_hse_charrnn(n_tokens=9, embedding_size=16, rnn_num_units=64):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.embed_x = nn.Embedding(n_tokens, embedding_size)
            self.get_h_next = nn.Linear(embedding_size + rnn_num_units, rnn_num_units)
            self.get_probas = nn.Linear(rnn_num_units, n_tokens)

        def forward(self, x_t, h_t):
            x_and_h = torch.cat([self.embed_x(x_t), h_t], -1)
            h_next = torch.tanh(self.get_h_next(x_and_h))
            return torch.softmax(self.get_probas(h_next), -1), h_next
    return Cell()


# b-rib/vanillaRNN rnn_from_scratch (NumPy); Wih (h_dim x io_dim), Whh (h_dim x h_dim), Who (io_dim x h_dim),
# no biases; Count: 2*h*io + h*h.
@_export
def h40a_brib_rnn(io_dim=3, h_dim=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.Wih = _p(h_dim, io_dim)
            self.Who = _p(io_dim, h_dim)
            self.Whh = _p(h_dim, h_dim)

        def forward(self, x, h):
            h = torch.tanh(h @ self.Whh.T + x @ self.Wih.T)
            return h @ self.Who.T, h
    return Cell()


# neychev/made_nlp_course week09 BiLSTM PoS tagger (bentrevett-based); Embedding(input_dim, embedding_dim),
# nn.LSTM(embedding_dim, hidden_dim, num_layers=n_layers, bidirectional=True) (PyTorch: W_ih, W_hh, b_ih, b_hh per
# layer and direction), Linear(2*hidden_dim, output_dim); bidirectional=True read as the model the text describes;
# Count: i*e + sum over layers 2*4*(h*in_l + h*h + 2h) + 2h*o + o.
@_export
def h40a_made_bilstm(input_dim=9, embedding_dim=4, hidden_dim=5, output_dim=3, n_layers=2):
    class Model(nn.Module):
        def __init__(self):
            super().__init__()
            self.embedding = nn.Embedding(input_dim, embedding_dim)
            self.lstm = nn.LSTM(embedding_dim, hidden_dim, num_layers=n_layers, bidirectional=True)
            self.fc = nn.Linear(hidden_dim * 2, output_dim)

        def forward(self, text):
            outputs, _ = self.lstm(self.embedding(text))
            return self.fc(outputs)
    return Model()


# alrojo/tensorflow-tutorial lab3 exercise 1 (GRU decoder weights listed by name); most plausible reading: the
# nine decoder/ variables, W_*_x (x x h), W_*_h (h x h), b_* (h) for z, r, c, with the stray b_updategate taken as a
# duplicate name; Count: 3*(x*h + h*h + h). (Refuse: b_updategate may be a tenth parameter, sizes never given.)
@_export
def h40a_alrojo_gru(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            for g in 'zrc':
                setattr(self, 'W_%s_x' % g, _p(x, h))
                setattr(self, 'W_%s_h' % g, _p(h, h))
            self.b_z = _p(h)
            self.b_r = _p(h)
            self.b_h = _p(h)

        def forward(self, xt, hp):
            z = torch.sigmoid(xt @ self.W_z_x + hp @ self.W_z_h + self.b_z)
            r = torch.sigmoid(xt @ self.W_r_x + hp @ self.W_r_h + self.b_r)
            c = torch.tanh(xt @ self.W_c_x + (r * hp) @ self.W_c_h + self.b_h)
            return (1 - z) * hp + z * c
    return Cell()


# DrKwint/Intro-Deep-Learning-Notebooks hackathon 9 (LSTM recap; equations only in colah's images); most plausible
# reading: colah's LSTM, W_f, W_i, W_C, W_o each h x (h+x) on [h_{t-1}, x_t] with biases b (h);
# Count: 4*(h*(h+x) + h). (Refuse: no equation in the text, no sizes, gate inputs only partly described.)
@_export
def h40a_unl_lstm(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.f = nn.Linear(h + x, h)
            self.i = nn.Linear(h + x, h)
            self.C = nn.Linear(h + x, h)
            self.o = nn.Linear(h + x, h)

        def forward(self, xt, hp, cp):
            hx = torch.cat([hp, xt], -1)
            f = torch.sigmoid(self.f(hx))
            i = torch.sigmoid(self.i(hx))
            Ct = torch.tanh(self.C(hx))
            c = f * cp + i * Ct
            o = torch.sigmoid(self.o(hx))
            return o * torch.tanh(c), c
    return Cell()


# lyhue1991/eat_pytorch_in_20_days 5-2 (Chinese LSTM, \tag(1)-(6)); W_g (h x x), U_g (h x h), b_g (h) for i, f, o, c;
# Count: 4*(h*x + h*h + h).
@_export
def h40a_eat_lstm(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            for g in 'ifoc':
                setattr(self, 'W_' + g, _p(h, x))
                setattr(self, 'U_' + g, _p(h, h))
                setattr(self, 'b_' + g, _p(h))

        def forward(self, xt, hp, cp):
            a = lambda g: xt @ getattr(self, 'W_' + g).T + hp @ getattr(self, 'U_' + g).T + getattr(self, 'b_' + g)
            i, f, o = torch.sigmoid(a('i')), torch.sigmoid(a('f')), torch.sigmoid(a('o'))
            c = f * cp + i * torch.tanh(a('c'))
            return o * torch.tanh(c), c
    return Cell()


# lyhue1991/eat_pytorch_in_20_days 7-8 DIEN (Chinese GRU -> AUGRU); W^g (h x i), U^g (h x h), b^g (h) for u, r, n;
# the attention score a_t is an input scalar, not a parameter; Count: 3*(h*i + h*h + h).
@_export
def h40a_eat_augru(i=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            for g in 'urn':
                setattr(self, 'W_' + g, _p(h, i))
                setattr(self, 'U_' + g, _p(h, h))
                setattr(self, 'b_' + g, _p(h))

        def forward(self, it, hp, at):
            u = torch.sigmoid(it @ self.W_u.T + hp @ self.U_u.T + self.b_u)
            r = torch.sigmoid(it @ self.W_r.T + hp @ self.U_r.T + self.b_r)
            n = torch.tanh(it @ self.W_n.T + r * (hp @ self.U_n.T) + self.b_n)
            u = at.view(-1, 1) * u
            return hp - u * hp + u * n
    return Cell()


# lyhue1991/eat_pytorch_in_20_days 5-2 (Chinese GRU, \tag(1)-(4)); W_g (h x x), U_g (h x h), b_g (h) for z, r, h;
# Count: 3*(h*x + h*h + h) (= 3/4 of the LSTM in the same notebook, as the text says).
@_export
def h40a_eat_gru(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            for g in 'zrh':
                setattr(self, 'W_' + g, _p(h, x))
                setattr(self, 'U_' + g, _p(h, h))
                setattr(self, 'b_' + g, _p(h))

        def forward(self, xt, hp):
            z = torch.sigmoid(xt @ self.W_z.T + hp @ self.U_z.T + self.b_z)
            r = torch.sigmoid(xt @ self.W_r.T + hp @ self.U_r.T + self.b_r)
            ht = torch.tanh(xt @ self.W_h.T + (r * hp) @ self.U_h.T + self.b_h)
            return hp - z * hp + z * ht
    return Cell()


class _KerasLSTM(nn.Module):
    # Keras LSTM: kernel (in x 4u), recurrent_kernel (u x 4u), one bias (4u).
    def __init__(self, n_in, u):
        super().__init__()
        self.u = u
        self.kernel = _p(n_in, 4 * u)
        self.recurrent_kernel = _p(u, 4 * u)
        self.bias = _p(4 * u)

    def forward(self, xs):
        B, T, _ = xs.shape
        h = xs.new_zeros(B, self.u)
        c = xs.new_zeros(B, self.u)
        out = []
        for t in range(T):
            z = xs[:, t] @ self.kernel + h @ self.recurrent_kernel + self.bias
            i, f, g, o = z.chunk(4, -1)
            c = torch.sigmoid(f) * c + torch.sigmoid(i) * torch.tanh(g)
            h = torch.sigmoid(o) * torch.tanh(c)
            out.append(h)
        return torch.stack(out, 1)


# Thomas-D40/deep-learning Recurrent_Neural_Networks (French; Keras stacked model); Embedding(vocab, emb),
# Bidirectional(LSTM(10)) = 2 Keras LSTMs on emb, LSTM(10) on 20, Dense 10->8, 8->3, 3->1 (with biases);
# Count: v*e + 2*4*(10*e + 100 + 10) + 4*(10*20 + 100 + 10) + 88 + 27 + 4.
@_export
def h40a_thd_bilstm(vocab_size=9, embedding_dimension=4):
    class Model(nn.Module):
        def __init__(self):
            super().__init__()
            self.emb = nn.Embedding(vocab_size, embedding_dimension)
            self.fw = _KerasLSTM(embedding_dimension, 10)
            self.bw = _KerasLSTM(embedding_dimension, 10)
            self.lstm2 = _KerasLSTM(20, 10)
            self.d1 = nn.Linear(10, 8)
            self.d2 = nn.Linear(8, 3)
            self.d3 = nn.Linear(3, 1)

        def forward(self, tokens):
            e = self.emb(tokens)
            y = torch.cat([self.fw(e), self.bw(e.flip(1)).flip(1)], -1)
            h = self.lstm2(y)[:, -1]
            return torch.sigmoid(self.d3(torch.relu(self.d2(torch.relu(self.d1(h))))))
    return Model()
