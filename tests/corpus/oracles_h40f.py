"""Oracles for the h40f set-aside snippets (heldout40), as its gatherer wrote them."""
import torch
from torch import nn

__all__ = []


def _export(f):
    __all__.append(f.__name__)
    return f


def _p(*shape):
    return nn.Parameter(torch.randn(*shape) * 0.1)


# microsoft/ai-edu 20.3 GRU (Chinese); bias-free, row-vector: W_z, W_r, W_h (h, h) on h_{t-1},
# U_z, U_r, U_h (x, h) on x_t; reset before the hidden matmul; Count: 3*(h*h + x*h).
@_export
def h40f_aiedu_gru(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W = nn.ParameterDict({g: _p(h, h) for g in "zrh"})
            self.U = nn.ParameterDict({g: _p(x, h) for g in "zrh"})

        def forward(self, xt, hp):
            z = torch.sigmoid(hp @ self.W["z"] + xt @ self.U["z"])
            r = torch.sigmoid(hp @ self.W["r"] + xt @ self.U["r"])
            ht = torch.tanh((r * hp) @ self.W["h"] + xt @ self.U["h"])
            return (1 - z) * hp + z * ht
    return Cell()


# microsoft/ai-edu 19.6 deep RNN (Chinese); two stacked bias-free tanh layers with output:
# U (x, s1), W1 (s1, s1), Q (s1, s2), W2 (s2, s2), V (s2, z); Count: x*s1 + s1*s1 + s1*s2 + s2*s2 + s2*z.
@_export
def h40f_aiedu_deeprnn(x=7, s1=5, s2=4, z=3):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.U = _p(x, s1)
            self.W1 = _p(s1, s1)
            self.Q = _p(s1, s2)
            self.W2 = _p(s2, s2)
            self.V = _p(s2, z)

        def forward(self, xt, s1p, s2p):
            a1 = torch.tanh(xt @ self.U + s1p @ self.W1)
            a2 = torch.tanh(a1 @ self.Q + s2p @ self.W2)
            return a2 @ self.V, a1, a2
    return Cell()


# 171498290/Hung-yi-Lee-DL-notes LSTM (Chinese); block input z and gate signals z_i, z_f, z_o are only drawn
# in figures. Most plausible reading (Lee's lecture): each of z, z_i, z_f, z_o is an affine map of the input x
# (weights (c, x) + bias (c)) for a memory of size c, no recurrent weights written; Count: 4*(x*c + c).
# (refuse: the text never writes how z, z_i, z_f, z_o are computed, nor any size)
@_export
def h40f_hylee_lstm(x=7, c=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.lin = nn.ModuleDict({g: nn.Linear(x, c) for g in ("z", "zi", "zf", "zo")})

        def forward(self, xt, cp):
            g = torch.tanh(self.lin["z"](xt))
            fi = torch.sigmoid(self.lin["zi"](xt))
            ff = torch.sigmoid(self.lin["zf"](xt))
            fo = torch.sigmoid(self.lin["zo"](xt))
            cn = g * fi + cp * ff
            return torch.tanh(cn) * fo, cn
    return Cell()


# aleperrod/LSTM LSTM.py (Portuguese); gates i, f, o and candidate m: W_g (dim_x, bus), U_g (bus, bus), b_g (bus),
# row-vector x @ W + h_a @ U + b; cell C = C_a * i + f * m (as written); Count: 4*(dim_x*bus + bus*bus + bus).
@_export
def h40f_aleperrod_lstm(dim_x=7, bus=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W = nn.ParameterDict({g: _p(dim_x, bus) for g in "ifom"})
            self.U = nn.ParameterDict({g: _p(bus, bus) for g in "ifom"})
            self.b = nn.ParameterDict({g: _p(bus) for g in "ifom"})

        def forward(self, xt, h_a, C_a):
            a = {g: xt @ self.W[g] + h_a @ self.U[g] + self.b[g] for g in "ifom"}
            i, f, o = torch.sigmoid(a["i"]), torch.sigmoid(a["f"]), torch.sigmoid(a["o"])
            m = torch.tanh(a["m"])
            C = C_a * i + f * m
            return torch.tanh(C) * o, C
    return Cell()


# sunflower070203/DL-notes 2.RNN介绍.ipynb (Chinese); h_t = f(W_xh x_t + W_hh h_{t-1} + b_h), y_t = W_hy h_t + b_y,
# f = tanh: W_xh (h, x), W_hh (h, h), b_h (h), W_hy (y, h), b_y (y); Count: h*x + h*h + h + y*h + y.
@_export
def h40f_sunflower_rnn(x=7, h=5, y=3):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_xh = _p(h, x)
            self.W_hh = _p(h, h)
            self.b_h = _p(h)
            self.W_hy = _p(y, h)
            self.b_y = _p(y)

        def forward(self, xt, hp):
            ht = torch.tanh(xt @ self.W_xh.T + hp @ self.W_hh.T + self.b_h)
            return ht @ self.W_hy.T + self.b_y, ht
    return Cell()


# datawhalechina/team-learning-nlp task1 (Chinese); h_t = RNN(x_t, h_{t-1}), y_hat = f(h_T) with f a linear layer.
# Most plausible reading: Elman tanh RNN with one bias, W (h, x), U (h, h), b (h), and linear f: W_f (y, h), b_f (y);
# Count: h*x + h*h + h + y*h + y.  (refuse: RNN left abstract, no weights, biases or sizes written)
@_export
def h40f_datawhale_rnn(x=7, h=5, y=2):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W = _p(h, x)
            self.U = _p(h, h)
            self.b = _p(h)
            self.f = nn.Linear(h, y)

        def forward(self, xt, hp):
            ht = torch.tanh(xt @ self.W.T + hp @ self.U.T + self.b)
            return self.f(ht), ht
    return Cell()


# At1a8/paperReading mamba.md (Chinese); selective SSM over D channels with diagonal A (N numbers per channel):
# A (D, N); S_B = Linear_N (D -> N), S_C = Linear_N (D -> N), S_Delta = Broadcast_D(Linear_1) (D -> 1), read as
# nn.Linear with bias; no D skip (dropped in the text); Count: D*N + 2*(D*N + N) + (D + 1).
# (refuse: whether the Linear maps carry biases, and A's exact shape, are not fixed by the text)
@_export
def h40f_at1a8_mamba(D=6, N=4):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.A = _p(D, N)
            self.S_B = nn.Linear(D, N)
            self.S_C = nn.Linear(D, N)
            self.S_Delta = nn.Linear(D, 1)

        def forward(self, xt, hp):
            delta = nn.functional.softplus(self.S_Delta(xt)).expand(*xt.shape[:-1], D).unsqueeze(-1)
            A = -torch.exp(self.A)
            Abar = torch.exp(delta * A)
            Bbar = (Abar - 1) / A * self.S_B(xt).unsqueeze(-2)
            h = Abar * hp + Bbar * xt.unsqueeze(-1)
            y = (h * self.S_C(xt).unsqueeze(-2)).sum(-1)
            return y, h
    return Cell()


# jungwoonson/deep-learning-notes 01-rnn-fundamentals.md (Korean); h_t = tanh(W_hh h_{t-1} + W_xh x_t + b):
# W_hh (h, h), W_xh (h, x), b (h); Count: h*h + h*x + h.
@_export
def h40f_jungwoon_rnn(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_hh = _p(h, h)
            self.W_xh = _p(h, x)
            self.b = _p(h)

        def forward(self, xt, hp):
            return torch.tanh(hp @ self.W_hh.T + xt @ self.W_xh.T + self.b)
    return Cell()


# norsage/dl-mcs rnn.ipynb (Russian); char-RNN: nn.Embedding(vocab_size, hidden_dim), learned initial state
# init_h (1, hidden_dim), RNNCell = nn.Linear(2*hidden_dim, hidden_dim) + tanh on cat([x, h]), lm_head
# nn.Linear(hidden_dim, vocab_size); Count: V*H + H + (2H*H + H) + (H*V + V).
@_export
def h40f_norsage_charrnn(vocab_size=11, hidden_dim=5):
    class Model(nn.Module):
        def __init__(self):
            super().__init__()
            self.embed = nn.Embedding(vocab_size, hidden_dim)
            self.init_h = nn.Parameter(torch.randn(1, hidden_dim))
            self.linear = nn.Linear(hidden_dim + hidden_dim, hidden_dim)
            self.lm_head = nn.Linear(hidden_dim, vocab_size)

        def forward(self, tok, h=None):
            if h is None:
                h = self.init_h.expand(tok.shape[0], -1)
            xt = self.embed(tok)
            h = torch.tanh(self.linear(torch.cat([xt, h], dim=1)))
            return self.lm_head(h), h
    return Model()


# companys1234/NLP-projects mamba_from_scratch.ipynb (Russian), SelectiveScan; A_diag, B_vec, C_vec are each
# "(N,) или (D, N)" and registered as nn.Parameter; Δ comes from outside. Oracle reads the (N,) shapes that the
# notebook later uses (A_diag, B_vec, C_vec (N,) shared over the D channels); Count: 3*N.
# (refuse: the text allows (N,) or (D, N) for each, 3*N vs 3*D*N, and says parameters or buffers "на ваш выбор")
@_export
def h40f_companys_scan(D=6, N=4):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.A_diag = nn.Parameter(-torch.rand(N) - 0.5)
            self.B_vec = _p(N)
            self.C_vec = _p(N)

        def forward(self, v, delta, h):
            DA = delta.unsqueeze(-1) * self.A_diag
            A_t = torch.exp(DA)
            B_t = torch.expm1(DA) / self.A_diag * self.B_vec
            h = A_t * h + B_t * v.unsqueeze(-1)
            return (self.C_vec * h).sum(-1), h
    return Cell()


# yukinaga/lecture_pytorch simple_rnn.ipynb (Japanese); nn.RNN(input_size=1, hidden_size=64) (PyTorch: W_ih, W_hh,
# b_ih, b_hh) plus nn.Linear(64, 1) on the last step; Count: H*I + H*H + 2*H + (H*1 + 1).
@_export
def h40f_yukinaga_rnn(input_size=1, hidden_size=64):
    class Net(nn.Module):
        def __init__(self):
            super().__init__()
            self.rnn = nn.RNN(input_size=input_size, hidden_size=hidden_size, batch_first=True)
            self.fc = nn.Linear(hidden_size, 1)

        def forward(self, x):
            y_rnn, h = self.rnn(x, None)
            return self.fc(y_rnn[:, -1, :])
    return Net()
