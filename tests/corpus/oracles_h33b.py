import torch
from torch import nn

__all__ = []


def _export(f):
    __all__.append(f.__name__)
    return f


def _p(*shape):
    return nn.Parameter(torch.randn(*shape) * 0.1)


# https://6chhenry.github.io/notes/EECS498/RNN/ (EECS 498 study notes, LSTM):
# (i f o g) = (σ σ σ tanh) W (h_{t-1}; x_t), one matrix W of shape 4h x (h + x), no bias.
# count = 4h(h + x)
@_export
def h33b_eecs498notes_lstm(x=7, h=5):
    class M(nn.Module):
        def __init__(self):
            super().__init__()
            self.W = _p(4 * h, h + x)

        def forward(self, xt, state):
            hp, cp = state
            a = torch.cat([hp, xt], -1) @ self.W.T
            i, f, o, g = a.chunk(4, -1)
            i, f, o, g = torch.sigmoid(i), torch.sigmoid(f), torch.sigmoid(o), torch.tanh(g)
            c = f * cp + i * g
            return o * torch.tanh(c), c
    return M()


# https://muhammadagf.github.io/posts/notes/recurrent-neural-net (Vanilla RNN):
# h_t = activation(W_h h_{t-1} + W_x x_t), y_t = W_y h_t; no bias.
# W_h h x h, W_x h x x, W_y y x h. count = h^2 + h x + y h
@_export
def h33b_muhammadagf_rnn(x=7, h=5, y=3):
    class M(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_h = _p(h, h)
            self.W_x = _p(h, x)
            self.W_y = _p(y, h)

        def forward(self, xt, hp):
            hn = torch.tanh(hp @ self.W_h.T + xt @ self.W_x.T)
            return hn @ self.W_y.T, hn
    return M()


# stored file id 15226787093 (JSX course page, Elman RNN definition) -- marked refuse.
# Reading: recMtx U (D x D), inMtx V (D x R), biasVec b (D), and the "initialization
# parameter" h_0 (D); the symbol representation function is taken as given input.
# count = D^2 + D R + 2 D  (D = hiddDim, R = embedDim)
@_export
def h33b_flmjsx_elman(hiddDim=5, embedDim=7):
    D, R = hiddDim, embedDim

    class M(nn.Module):
        def __init__(self):
            super().__init__()
            self.U = _p(D, D)
            self.V = _p(D, R)
            self.b = _p(D)
            self.h0 = _p(D)

        def forward(self, e, hp=None):
            if hp is None:
                hp = self.h0.expand(e.shape[0], D)
            return torch.relu(hp @ self.U.T + e @ self.V.T + self.b)
    return M()


# stored file id 40175865517 (Obsidian notes on SLP, Simple Recurrent Network) -- marked refuse.
# Reading (SLP's Elman network): h_t = g(U h_{t-1} + W x_t), y_t = f(V h_t), no bias.
# W h x x, U h x h, V y x h. count = h x + h^2 + y h
@_export
def h33b_slpobsidian_srn(x=7, h=5, y=3):
    class M(nn.Module):
        def __init__(self):
            super().__init__()
            self.W = _p(h, x)
            self.U = _p(h, h)
            self.V = _p(y, h)

        def forward(self, xt, hp):
            hn = torch.tanh(hp @ self.U.T + xt @ self.W.T)
            return torch.softmax(hn @ self.V.T, -1), hn
    return M()


# stored file id 55381800735 (Lecture 18 — Beyond Vanilla RNNs, LSTM cell):
# f, i, c~, o = act(W_g x_t + U_g h_{t-1}), no biases; W_g h x x, U_g h x h.
# count = 4 (h x + h^2)
@_export
def h33b_nlplec18_lstm(x=7, h=5):
    class M(nn.Module):
        def __init__(self):
            super().__init__()
            for g in ("f", "i", "c", "o"):
                setattr(self, f"W_{g}", _p(h, x))
                setattr(self, f"U_{g}", _p(h, h))

        def pre(self, g, xt, hp):
            return xt @ getattr(self, f"W_{g}").T + hp @ getattr(self, f"U_{g}").T

        def forward(self, xt, state):
            hp, cp = state
            f = torch.sigmoid(self.pre("f", xt, hp))
            i = torch.sigmoid(self.pre("i", xt, hp))
            ct = torch.tanh(self.pre("c", xt, hp))
            c = f * cp + i * ct
            o = torch.sigmoid(self.pre("o", xt, hp))
            return o * torch.tanh(c), c
    return M()


# stored file id 55381800735 (Lecture 18 — Beyond Vanilla RNNs, GRU cell):
# z, r = σ(W_g x + U_g h); h~ = tanh(W x + U (r ⊙ h)); no biases.
# W_z, W_r, W: h x x; U_z, U_r, U: h x h. count = 3 (h x + h^2)
@_export
def h33b_nlplec18_gru(x=7, h=5):
    class M(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_z, self.U_z = _p(h, x), _p(h, h)
            self.W_r, self.U_r = _p(h, x), _p(h, h)
            self.W, self.U = _p(h, x), _p(h, h)

        def forward(self, xt, hp):
            z = torch.sigmoid(xt @ self.W_z.T + hp @ self.U_z.T)
            r = torch.sigmoid(xt @ self.W_r.T + hp @ self.U_r.T)
            ht = torch.tanh(xt @ self.W.T + (r * hp) @ self.U.T)
            return (1 - z) * hp + z * ht
    return M()


# stored file id 22929285960 (notes4-RNN study notes, ## LSTMs):
# g_t = act(W_g [h_{t-1}, x_t] + b_g) for g in f, i, o, c; W_g h x (h + x), b_g h.
# count = 4 (h (h + x) + h)
@_export
def h33b_notes4rnn_lstm(x=7, h=5):
    class M(nn.Module):
        def __init__(self):
            super().__init__()
            for g in ("f", "i", "o", "c"):
                setattr(self, f"W_{g}", _p(h, h + x))
                setattr(self, f"b_{g}", _p(h))

        def pre(self, g, v):
            return v @ getattr(self, f"W_{g}").T + getattr(self, f"b_{g}")

        def forward(self, xt, state):
            hp, cp = state
            v = torch.cat([hp, xt], -1)
            f, i, o = (torch.sigmoid(self.pre(g, v)) for g in ("f", "i", "o"))
            ct = torch.tanh(self.pre("c", v))
            c = f * cp + i * ct
            return o * torch.tanh(c), c
    return M()


# stored file id 59370655611 (transcribed RNN lecture slides, "# GRU"):
# z, r = σ(W_x*^T x + W_h*^T h + b_*); h = (1-z) h + z tanh(W_xh^T x + W_hh^T (r ⊙ h) + b_h).
# Weights from x are D x M, from h are M x M, biases M (the Simple RNN line for comparison
# uses the same W_xh, W_hh, b_h). count = 3 (D M + M^2 + M)
@_export
def h33b_rnnslidesmd_gru(D=7, M=5):
    class Mod(nn.Module):
        def __init__(self):
            super().__init__()
            for g in ("z", "r", "h"):
                setattr(self, f"W_x{g}", _p(D, M))
                setattr(self, f"W_h{g}", _p(M, M))
                setattr(self, f"b_{g}", _p(M))

        def forward(self, xt, hp):
            z = torch.sigmoid(xt @ self.W_xz + hp @ self.W_hz + self.b_z)
            r = torch.sigmoid(xt @ self.W_xr + hp @ self.W_hr + self.b_r)
            cand = torch.tanh(xt @ self.W_xh + (r * hp) @ self.W_hh + self.b_h)
            return (1 - z) * hp + z * cand
    return Mod()


# stored file id 59370655611 (transcribed RNN lecture slides, "# LSTM Equations"):
# f, i, o = σ(W_x*^T x + W_h*^T h + b_*); c = f ⊙ c + i ⊙ f_c(W_xc^T x + W_hc^T h + b_c);
# h = o ⊙ f_h(c), f_c = f_h = tanh. W_x* x x h, W_h* h x h, b_* h. count = 4 (x h + h^2 + h)
@_export
def h33b_rnnslidesmd_lstm(x=7, h=5):
    class M(nn.Module):
        def __init__(self):
            super().__init__()
            for g in ("f", "i", "o", "c"):
                setattr(self, f"W_x{g}", _p(x, h))
                setattr(self, f"W_h{g}", _p(h, h))
                setattr(self, f"b_{g}", _p(h))

        def pre(self, g, xt, hp):
            return xt @ getattr(self, f"W_x{g}") + hp @ getattr(self, f"W_h{g}") + getattr(self, f"b_{g}")

        def forward(self, xt, state):
            hp, cp = state
            f, i, o = (torch.sigmoid(self.pre(g, xt, hp)) for g in ("f", "i", "o"))
            c = f * cp + i * torch.tanh(self.pre("c", xt, hp))
            return o * torch.tanh(c), c
    return M()


# stored file id 53750175468 (study-notes page State Space Models, Classical State Space Formulation):
# A N x N, B N x 1, C 1 x N, D 1 x 1 (scalar input and output); ZOH with a fixed step Δ.
# count = N^2 + 2 N + 1
@_export
def h33b_ssmgarden_ssm(N=5):
    delta = 0.1
    class M(nn.Module):
        def __init__(self):
            super().__init__()
            self.A = nn.Parameter(-torch.eye(N) + torch.randn(N, N) * 0.05)
            self.B = _p(N, 1)
            self.C = _p(1, N)
            self.D = _p(1, 1)

        def forward(self, xk, hp):
            Abar = torch.matrix_exp(delta * self.A)
            Bbar = torch.linalg.solve(delta * self.A, (Abar - torch.eye(N)) @ (delta * self.B))
            hk = hp @ Abar.T + xk @ Bbar.T
            return hk @ self.C.T + xk @ self.D.T, hk
    return M()


# stored file id 70998270212 (Deep Learning 89-6877 Tutorial 3, Lecture recap, LSTM):
# (i f o g) = (σ σ σ tanh)(W (h_{t-1}; x_t) + b); W 4h x (h + x), b 4h.
# count = 4h (h + x) + 4h
@_export
def h33b_dl896877_lstm(x=7, h=5):
    class M(nn.Module):
        def __init__(self):
            super().__init__()
            self.W = _p(4 * h, h + x)
            self.b = _p(4 * h)

        def forward(self, xt, state):
            hp, cp = state
            a = torch.cat([hp, xt], -1) @ self.W.T + self.b
            i, f, o, g = a.chunk(4, -1)
            i, f, o, g = torch.sigmoid(i), torch.sigmoid(f), torch.sigmoid(o), torch.tanh(g)
            c = f * cp + i * g
            return o * torch.tanh(c), c
    return M()


# stored file id 70998270212 (Deep Learning 89-6877 Tutorial 3, ## 4, Diagonal linear SSM):
# h_t = a ⊙ h_{t-1} + b ⊙ x_t (x_t broadcast over N), y_t = Σ_n c_n h_{t,n};
# a, b, c each D x N. count = 3 D N
@_export
def h33b_dl896877_diagssm(D=7, N=5):
    class M(nn.Module):
        def __init__(self):
            super().__init__()
            self.a = nn.Parameter(torch.rand(D, N) * 0.1 + 0.9)
            self.b = _p(D, N)
            self.c = _p(D, N)

        def forward(self, xt, hp):
            hn = self.a * hp + self.b * xt[..., None]
            return (self.c * hn).sum(-1), hn
    return M()
