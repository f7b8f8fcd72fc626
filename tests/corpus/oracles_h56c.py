"""Oracles for the h56c set-aside snippets (heldout56), as its gatherer wrote them."""
import torch
from torch import nn

__all__ = []


def _export(f):
    __all__.append(f.__name__)
    return f


def _p(*shape):
    return nn.Parameter(torch.randn(*shape) * 0.1)


# notion.so "RNN from scratch": a^{<1>} = g(W_aa a^{<0>} + W_ax x^{<1>} + b_a), y^{<1>} = g(W_ya a^{<1>} + b_y); the
# class RNN __init__ fixes the shapes: Whx (hs_size, vocab_size), Whh (hs_size, hs_size), Why (vocab_size, hs_size),
# bh (hs_size, 1), by (vocab_size, 1) (the zero-initialised biases are commented out and replaced by random ones, so the
# biases are there). x is a one-hot vector of vocab_size, the output a distribution over vocab_size; hs_size defaults
# to 64. Count: 2*hs*v + hs^2 + hs + v.
@_export
def h56c_notionrnn_rnn(vocab_size=7, hs_size=64):
    v, h = vocab_size, hs_size

    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.Whx = _p(h, v)
            self.Whh = _p(h, h)
            self.Why = _p(v, h)
            self.bh = _p(h)
            self.by = _p(v)

        def forward(self, x_t, h_prev):
            h_t = torch.tanh(x_t @ self.Whx.T + h_prev @ self.Whh.T + self.bh)
            return torch.softmax(h_t @ self.Why.T + self.by, -1), h_t
    return Cell()


# The-AI-Summer/RNN_tutorial custom_GRU.py, GRU_cell_AI_SUMMER: three gates (reset r, update z, candidate n), each an
# nn.Linear(input_length, hidden_length, bias=True) on x plus an nn.Linear(hidden_length, hidden_length, bias=True) on
# h (the reset multiplies the recurrent Linear's output), h_new = (1 - z) * n + z * h. Defaults input_length=10,
# hidden_length=20. Count: 3*(x*h + h + h*h + h).
@_export
def h56c_aisummer_gru(input_length=10, hidden_length=20):
    x, h = input_length, hidden_length

    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.linear_reset_w1 = nn.Linear(x, h, bias=True)
            self.linear_reset_r1 = nn.Linear(h, h, bias=True)
            self.linear_reset_w2 = nn.Linear(x, h, bias=True)
            self.linear_reset_r2 = nn.Linear(h, h, bias=True)
            self.linear_gate_w3 = nn.Linear(x, h, bias=True)
            self.linear_gate_r3 = nn.Linear(h, h, bias=True)

        def forward(self, x_t, h_prev):
            r = torch.sigmoid(self.linear_reset_w1(x_t) + self.linear_reset_r1(h_prev))
            z = torch.sigmoid(self.linear_reset_r2(h_prev) + self.linear_reset_w2(x_t))
            n = torch.tanh(self.linear_gate_w3(x_t) + r * self.linear_gate_r3(h_prev))
            return (1 - z) * n + z * h_prev
    return Cell()


# FutureLearn "Model architecture of RNN" (Hao Ni): s_t = h(U x_t + W s_{t-1}), o_t = g(V s_t), with U n_1 x d,
# W n_1 x n_1, V e x n_1, "(U, W, V) are trainable model parameters", no biases. Count: n_1*d + n_1^2 + e*n_1.
@_export
def h56c_futurelearn_rnn(d=7, n_1=5, e=3):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.U = _p(n_1, d)
            self.W = _p(n_1, n_1)
            self.V = _p(e, n_1)

        def forward(self, x_t, s_prev):
            s_t = torch.tanh(x_t @ self.U.T + s_prev @ self.W.T)
            return s_t @ self.V.T, s_t
    return Cell()


# StudyX Q&A: h_t = sigma(W_hx * x_t + W_hh * h_{t-1} + b_h), y_t = sigma(W_yh * h_t + b_y), with W_hx (3x2),
# W_hh (3x3), W_yh (2x3) as the answer states (input 2, hidden 3, output 2); b_h and b_y are the hidden and the output
# bias vectors (sizes 3 and 2 by the additions). Count: h*x + h*h + y*h + h + y = 6 + 9 + 6 + 3 + 2 = 26.
@_export
def h56c_studyx_rnn(x=2, h=3, y=2):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_hx = _p(h, x)
            self.W_hh = _p(h, h)
            self.W_yh = _p(y, h)
            self.b_h = _p(h)
            self.b_y = _p(y)

        def forward(self, x_t, h_prev):
            h_t = torch.sigmoid(x_t @ self.W_hx.T + h_prev @ self.W_hh.T + self.b_h)
            return torch.sigmoid(h_t @ self.W_yh.T + self.b_y), h_t
    return Cell()


# Transtutors "Problem 3: LSTM": it, ft, ot = s(W(.)xt + U(.)ht-1), widetilde(ct) = tanh(W(c)xt + U(c)ht-1),
# ct = ft @ ct-1 + it @ widetilde(ct), ht = ot @ tanh(ct) (@ elementwise), no biases. The question names a cell
# dimension dc apart from dh, but the elementwise products (ht = ot @ tanh(ct), it @ widetilde(ct)) bind dc = dh.
# W(.) are dh x dx, U(.) dh x dh. Count: 4*(dh*dx + dh^2).
@_export
def h56c_transtutors_lstm(dx=7, dh=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W = nn.ParameterDict({g: _p(dh, dx) for g in 'ifoc'})
            self.U = nn.ParameterDict({g: _p(dh, dh) for g in 'ifoc'})

        def forward(self, x_t, h_prev, c_prev):
            a = {g: x_t @ self.W[g].T + h_prev @ self.U[g].T for g in 'ifoc'}
            c = torch.sigmoid(a['f']) * c_prev + torch.sigmoid(a['i']) * torch.tanh(a['c'])
            return torch.sigmoid(a['o']) * torch.tanh(c), c
    return Cell()


# santhoshkammari/zero-to-hero-ai, "All four equations together": f, i, o = sigma(W_. . [h_{t-1}, x_t] + b_.),
# C~ = tanh(W_c . [h_{t-1}, x_t] + b_c), C_t = f * C_{t-1} + i * C~, h_t = o * tanh(C_t); each W_. acts on the
# concatenation [h; x] (h x (h+x)), one bias per gate. Count: 4*(h*(h+x) + h).
@_export
def h56c_zerotohero_lstm(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W = nn.ParameterDict({g: _p(h, h + x) for g in 'fico'})
            self.b = nn.ParameterDict({g: _p(h) for g in 'fico'})

        def forward(self, x_t, h_prev, c_prev):
            hx = torch.cat([h_prev, x_t], -1)
            a = {g: hx @ self.W[g].T + self.b[g] for g in 'fico'}
            c = torch.sigmoid(a['f']) * c_prev + torch.sigmoid(a['i']) * torch.tanh(a['c'])
            return torch.sigmoid(a['o']) * torch.tanh(c), c
    return Cell()


# santhoshkammari/zero-to-hero-ai, GRU section: z = sigma(W_z . [h_{t-1}, x_t] + b_z), r = sigma(W_r . [h_{t-1}, x_t]
# + b_r), h~ = tanh(W . [r * h_{t-1}, x_t] + b), h_t = (1 - z) * h_{t-1} + z * h~. Three h x (h+x) matrices, three
# biases. Count: 3*(h*(h+x) + h).
@_export
def h56c_zerotohero_gru(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_z, self.b_z = _p(h, h + x), _p(h)
            self.W_r, self.b_r = _p(h, h + x), _p(h)
            self.W, self.b = _p(h, h + x), _p(h)

        def forward(self, x_t, h_prev):
            hx = torch.cat([h_prev, x_t], -1)
            z = torch.sigmoid(hx @ self.W_z.T + self.b_z)
            r = torch.sigmoid(hx @ self.W_r.T + self.b_r)
            hh = torch.tanh(torch.cat([r * h_prev, x_t], -1) @ self.W.T + self.b)
            return (1 - z) * h_prev + z * hh
    return Cell()


# santhoshkammari/zero-to-hero-ai, "Mamba — The Selective Revolution" (expect: refuse): B_k = Linear(u_k),
# C_k = Linear(u_k), Delta_k = softplus(Linear(u_k)), (A_bar, B_bar) = discretize(A, B_k, Delta_k),
# x_k = A_bar x_{k-1} + B_bar u_k. Neither the model width d nor the state size N is given, A's shape is unstated,
# the Linears' biases are unsaid and the output line is absent. Most plausible reading (the Mamba paper's S6): A is
# d x N, B and C are bias-free Linear(d -> N), Delta is Linear(d -> d) with a bias, one state row per channel.
# Count under that reading: d*N + 2*d*N + d*d + d.
@_export
def h56c_zerotohero_mamba(d=7, N=4):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.A = _p(d, N)
            self.B_proj = nn.Linear(d, N, bias=False)
            self.C_proj = nn.Linear(d, N, bias=False)
            self.dt_proj = nn.Linear(d, d)

        def forward(self, u_k, x_prev):              # u_k: (batch, d), x_prev: (batch, d, N)
            B = self.B_proj(u_k)
            C = self.C_proj(u_k)
            dt = nn.functional.softplus(self.dt_proj(u_k))
            A_bar = torch.exp(dt.unsqueeze(-1) * self.A)
            B_bar = dt.unsqueeze(-1) * B.unsqueeze(1)
            x_k = A_bar * x_prev + B_bar * u_k.unsqueeze(-1)
            return (x_k * C.unsqueeze(1)).sum(-1), x_k
    return Cell()


# santhoshkammari/zero-to-hero-ai, class VanillaRNN: W_x = nn.Linear(input_dim, hidden_dim, bias=False),
# W_h = nn.Linear(hidden_dim, hidden_dim, bias=False), b = nn.Parameter(zeros(hidden_dim)),
# fc = nn.Linear(hidden_dim, output_dim) (bias by default); h = tanh(W_x x + W_h h + b), output fc(h).
# Count: x*h + h*h + h + h*o + o.
@_export
def h56c_zerotohero_rnn(input_dim=7, hidden_dim=5, output_dim=3):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_x = nn.Linear(input_dim, hidden_dim, bias=False)
            self.W_h = nn.Linear(hidden_dim, hidden_dim, bias=False)
            self.b = nn.Parameter(torch.zeros(hidden_dim))
            self.fc = nn.Linear(hidden_dim, output_dim)

        def forward(self, x_t, h_prev):
            h_t = torch.tanh(self.W_x(x_t) + self.W_h(h_prev) + self.b)
            return self.fc(h_t), h_t
    return Cell()


# dejanbatanjac.github.io "LSTM in PyTorch": the cell is only drawn; the text builds it as
# nn.LSTM(input_size=128, hidden_size=128, num_layers=2, dropout=0.2) -- the framework's own module, two stacked
# layers (options: layers=2), each with W_ih 4h x in, W_hh 4h x h and the two bias vectors b_ih, b_hh.
# Count: sum over layers of 4h*(in_l + h) + 8h, in_0 = input_size, in_1 = hidden_size.
@_export
def h56c_dejan_lstm(input_size=128, hidden_size=128, num_layers=2):
    return nn.LSTM(input_size=input_size, hidden_size=hidden_size, num_layers=num_layers, dropout=0.2)


# sitiporn/TimeSeriesmodel README (expect: refuse): f, i, o = sigg(W_{.} @ x_t + U. @ h_{t-1} + b.), but the candidate
# is written c_til_{t} = singc(W_{o} @ x_{t} + Uc @ h_{t-1} + bc) -- the output gate's input weight W_{o} again: shared
# on purpose (3 input matrices) or a slip for W_{c} (4), the text cannot say. Most plausible reading (the repo's own
# lstm.py declares wc): a standard LSTM with W_f, W_i, W_o, W_c (h x x), U_f, U_i, U_o, U_c (h x h), four biases.
# Count under that reading: 4*(h*x + h*h + h).
@_export
def h56c_sitiporn_lstm(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W = nn.ParameterDict({g: _p(h, x) for g in 'fioc'})
            self.U = nn.ParameterDict({g: _p(h, h) for g in 'fioc'})
            self.b = nn.ParameterDict({g: _p(h) for g in 'fioc'})

        def forward(self, x_t, h_prev, c_prev):
            a = {g: x_t @ self.W[g].T + h_prev @ self.U[g].T + self.b[g] for g in 'fioc'}
            c = torch.sigmoid(a['f']) * c_prev + torch.sigmoid(a['i']) * torch.tanh(a['c'])
            return torch.sigmoid(a['o']) * torch.tanh(c), c
    return Cell()
