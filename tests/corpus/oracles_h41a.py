"""Oracles for the h41a set-aside snippets (heldout41), as its gatherer wrote them."""
import torch
from torch import nn

__all__ = []


def _export(f):
    __all__.append(f.__name__)
    return f


def _p(*shape):
    return nn.Parameter(torch.randn(*shape) * 0.1)


# sudotouchwoman/math-misc notebooks/rnn.ipynb cell 14; one stacked W (4h x (h + x)) on (h_{t-1}; x_t), no bias written;
# Count: 4*h*(h + x).
@_export
def h41a_ttn_lstm(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W = _p(4 * h, h + x)

        def forward(self, xt, hp, cp):
            a = torch.cat([hp, xt], -1) @ self.W.T
            i, f, o, g = a.chunk(4, -1)
            i, f, o, g = torch.sigmoid(i), torch.sigmoid(f), torch.sigmoid(o), torch.tanh(g)
            c = f * cp + i * g
            return o * torch.tanh(c), c
    return Cell()


# BjarniHaukur/minimal-ml minGRU.ipynb (cells 8-9, minGRUCell); W (input_size x 2*hidden_size), b (2*hidden_size),
# chunked into z and h_tilde, no hidden-to-hidden weight; Count: 2*hidden_size*(input_size + 1).
@_export
def h41a_bjarni_mingru(input_size=7, hidden_size=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W = _p(input_size, hidden_size * 2)
            self.b = _p(hidden_size * 2)

        def forward(self, xt, hp):
            z, h_tilde = (xt @ self.W + self.b).chunk(2, dim=-1)
            z = torch.sigmoid(z)
            h_tilde = torch.where(h_tilde >= 0, h_tilde + 0.5, torch.sigmoid(h_tilde))
            return (1 - z) * hp + z * h_tilde
    return Cell()


# andrewgcodes/xlstm mLSTM.ipynb (cells 0-2); Wq (h x i) + bq (h, 1), Wk, Wv (m x i) + bk, bv (m, 1), wi, wf (1 x i) + bi, bf (1),
# Wo (h x i) + bo (h, 1); literals input_size=1, hidden_size=mem_dim=10 (the code needs hidden_size == mem_dim);
# Count: 2*(i + 1)*(h + m + 1).
@_export
def h41a_andrew_mlstm(input_size=1, hidden_size=10, mem_dim=10):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            i, h, m = input_size, hidden_size, mem_dim
            self.Wq, self.bq = _p(h, i), _p(h, 1)
            self.Wk, self.bk = _p(m, i), _p(m, 1)
            self.Wv, self.bv = _p(m, i), _p(m, 1)
            self.wi, self.bi = _p(1, i), _p(1)
            self.wf, self.bf = _p(1, i), _p(1)
            self.Wo, self.bo = _p(h, i), _p(h, 1)

        def forward(self, x, C_prev, n_prev):  # x: (i, 1), C_prev: (m, m), n_prev: (m, 1)
            qt = self.Wq @ x + self.bq
            kt = (self.Wk @ x + self.bk) / mem_dim ** 0.5
            vt = self.Wv @ x + self.bv
            it = torch.exp(self.wi @ x + self.bi)
            ft = torch.sigmoid(self.wf @ x + self.bf)
            C = ft * C_prev + it * (vt @ kt.T)
            n = ft * n_prev + it * kt
            h_tilde = (C @ qt) / torch.clamp((n.T @ qt).abs(), min=1.0)
            return torch.sigmoid(self.Wo @ x + self.bo) * h_tilde, (C, n)
    return Cell()


# lsteffenel/CHPS0905 Anna_KaRNNa_Solution.ipynb cells 18-19; the code's reading (what runs): num_layers stacked TF BasicRNNCell
# (kernel (in + L) x L, bias L; layer 1 input x, later layers input L); the prose's reading (BasicLSTMCell) would give 4x that.
# Count: L*(x + L) + L + (num_layers - 1)*(2*L*L + L).
@_export
def h41a_reims_charrnn(x=7, lstm_size=5, num_layers=2):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            L = lstm_size
            self.kernels = nn.ParameterList([_p(x + L if k == 0 else 2 * L, L) for k in range(num_layers)])
            self.biases = nn.ParameterList([_p(L) for _ in range(num_layers)])

        def forward(self, xt, hs):
            inp, new = xt, []
            for k in range(num_layers):
                h = torch.tanh(torch.cat([inp, hs[k]], -1) @ self.kernels[k] + self.biases[k])
                new.append(h)
                inp = h
            return inp, new
    return Cell()


# M2Lschool/tutorials2021 NLP_tutorial.ipynb cell 11; h_t = tanh(W x_t + V h_{t-1} + b): W (h x x), V (h x h), b (h);
# Count: h*x + h*h + h.
@_export
def h41a_m2l_rnn(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W = _p(h, x)
            self.V = _p(h, h)
            self.b = _p(h)

        def forward(self, xt, hp):
            return torch.tanh(xt @ self.W.T + hp @ self.V.T + self.b)
    return Cell()


# khipu-ai/practicals-2019 2a_recurrent_nets.ipynb cell 54 (prose only); forget, input, output gates each with W_x (h x x),
# W_h (h x h), b (h) ("all with their own weights and biases, much like a sigmoid linear layer") and the tanh update
# read the same way; Count: 4*(h*x + h*h + h).
@_export
def h41a_khipu_lstm(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.lin = nn.ModuleDict({k: nn.Linear(x + h, h) for k in ['forget', 'input', 'output', 'cand']})

        def forward(self, xt, hp, cp):
            z = torch.cat([xt, hp], -1)
            f = torch.sigmoid(self.lin['forget'](z))
            i = torch.sigmoid(self.lin['input'](z))
            o = torch.sigmoid(self.lin['output'](z))
            c = f * cp + i * torch.tanh(self.lin['cand'](z))
            return o * torch.tanh(c), c
    return Cell()


# deep-learning-indaba/indaba-pracs-2022 attention_and_transformers.ipynb cells 9-13; dot-product score (no parameters,
# forces h == s), context c_t = sum_n w_n h_n, s_{t+1} = f(c_t, s_t) read as one learned feedforward layer on [c_t; s_t]:
# W (s x (h + s)) + b (s), tanh; Count: s*(h + s) + s.
@_export
def h41a_indaba_attn(h=5, s=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.f = nn.Linear(h + s, s)

        def forward(self, H, st, sprev):  # H: (n, N, h) encoder states, st = s_t, sprev = s_{t-1}
            w = torch.softmax(torch.einsum('nkh,nh->nk', H, sprev), -1)
            c = torch.einsum('nk,nkh->nh', w, H)
            return torch.tanh(self.f(torch.cat([c, st], -1)))
    return Cell()


# M2Lschool/tutorials2021 NLP_tutorial.ipynb cell 32; hk.DeepRNN: one-hot (NUM_CHARS, no parameters), hk.LSTM(H) (one linear
# map of [x, h] to 4H with one bias: 4H*(in + H) + 4H), ReLU, hk.LSTM(H), hk.nets.MLP([H, NUM_CHARS]) (H x H + H, H x V + V);
# Count: 4H(V + H) + 4H + 4H(2H) + 4H + H*H + H + H*V + V.
@_export
def h41a_m2l_stack(HIDDEN_SIZE=5, NUM_CHARS=7):
    class HkLSTM(nn.Module):
        def __init__(self, i, H):
            super().__init__()
            self.lin = nn.Linear(i + H, 4 * H)

        def forward(self, x, h, c):
            ig, g, f, o = self.lin(torch.cat([x, h], -1)).chunk(4, -1)
            c = torch.sigmoid(f) * c + torch.sigmoid(ig) * torch.tanh(g)
            return torch.sigmoid(o) * torch.tanh(c), c

    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            H, V = HIDDEN_SIZE, NUM_CHARS
            self.lstm1 = HkLSTM(V, H)
            self.lstm2 = HkLSTM(H, H)
            self.mlp1 = nn.Linear(H, H)
            self.mlp2 = nn.Linear(H, V)

        def forward(self, tok, s1, s2):
            x = torch.nn.functional.one_hot(tok, NUM_CHARS).float()
            h1, c1 = self.lstm1(x, *s1)
            h2, c2 = self.lstm2(torch.relu(h1), *s2)
            return self.mlp2(torch.relu(self.mlp1(h2))), (h1, c1), (h2, c2)
    return Cell()


# rishi1001/mamba_needle mamba_needle.ipynb cells 6-7; h'(t) = A h(t) + B x(t), y(t) = C h(t) + D x(t) read with full
# learned matrices A (h x h), B (h x x), C (y x h), D (y x x) (nothing in the excerpt makes A diagonal); one Euler step;
# Count: h*h + h*x + y*h + y*x.
@_export
def h41a_needle_ssm(x=7, h=5, y=3):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.A = _p(h, h)
            self.B = _p(h, x)
            self.C = _p(y, h)
            self.D = _p(y, x)

        def forward(self, xt, ht, dt=0.1):
            hn = ht + dt * (ht @ self.A.T + xt @ self.B.T)
            return hn, hn @ self.C.T + xt @ self.D.T
    return Cell()


# BlueBlazin/nlp_from_ground_up 1-rnn.ipynb cells 2-6; h_t = tanh(W_x x_t + W_h h_{t-1} + b_h): W_x (h x x), W_h (h x h), b_h (h);
# Count: h*x + h*h + h.
@_export
def h41a_blueblazin_rnn(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_x = _p(h, x)
            self.W_h = _p(h, h)
            self.b_h = _p(h)

        def forward(self, xt, hp):
            return torch.tanh(xt @ self.W_x.T + hp @ self.W_h.T + self.b_h)
    return Cell()
