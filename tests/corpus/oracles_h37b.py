"""Oracles for the h37b set-aside snippets (heldout36), as its gatherer wrote them."""
import torch
from torch import nn

__all__ = []


def _export(f):
    __all__.append(f.__name__)
    return f


def _p(*shape):
    return nn.Parameter(torch.randn(*shape) * 0.1)


# kazuki-irie/dll-course-lugano sec32.tex, LSTM frame; per gate g in {i,f,o,z}: W_g (h x x), R_g (h x h), b_g (h);
# Count: 4*(h*x + h*h + h).
@_export
def h37b_irie_lstm(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W = nn.ParameterDict({g: _p(h, x) for g in "ifoz"})
            self.R = nn.ParameterDict({g: _p(h, h) for g in "ifoz"})
            self.b = nn.ParameterDict({g: _p(h) for g in "ifoz"})

        def forward(self, xt, state):
            hp, cp = state
            pre = {g: xt @ self.W[g].T + hp @ self.R[g].T + self.b[g] for g in "ifoz"}
            i, f, o = (torch.sigmoid(pre[g]) for g in "ifo")
            z = torch.tanh(pre["z"])
            c = f * cp + i * z
            return o * torch.tanh(c), c
    return Cell()


# andbloch/eth-dl-cheat-sheet document.tex, LSTMs; per gate g in {f,i,C,o}: W_g (h x h) on h^{t-1}, U_g (h x x) on x^t,
# b_g (h); i^t = 1 - f^t is only mentioned as an alternative, the equations give i its own weights;
# Count: 4*(h*h + h*x + h).
@_export
def h37b_ethcheat_lstm(x=6, h=4):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W = nn.ParameterDict({g: _p(h, h) for g in "fiCo"})
            self.U = nn.ParameterDict({g: _p(h, x) for g in "fiCo"})
            self.b = nn.ParameterDict({g: _p(h) for g in "fiCo"})

        def forward(self, xt, state):
            hp, Cp = state
            pre = {g: hp @ self.W[g].T + xt @ self.U[g].T + self.b[g] for g in "fiCo"}
            f, i, o = (torch.sigmoid(pre[g]) for g in "fio")
            Cbar = torch.tanh(pre["C"])
            C = f * Cp + i * Cbar
            return o * torch.tanh(C), C
    return Cell()


# jaryaman/sequence-models notes/sequence-models.tex, GRU; per gate g in {z,r,n}: W_ig (h x x), b_ig (h), W_hg (h x h),
# b_hg (h) (two biases per gate as written); Count: 3*(h*x + h*h + 2*h).
@_export
def h37b_jaryaman_gru(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.Wi = nn.ParameterDict({g: _p(h, x) for g in "zrn"})
            self.bi = nn.ParameterDict({g: _p(h) for g in "zrn"})
            self.Wh = nn.ParameterDict({g: _p(h, h) for g in "zrn"})
            self.bh = nn.ParameterDict({g: _p(h) for g in "zrn"})

        def forward(self, xt, hp):
            gi = {g: xt @ self.Wi[g].T + self.bi[g] for g in "zrn"}
            gh = {g: hp @ self.Wh[g].T + self.bh[g] for g in "zrn"}
            z = torch.sigmoid(gi["z"] + gh["z"])
            r = torch.sigmoid(gi["r"] + gh["r"])
            n = torch.tanh(gi["n"] + r * gh["n"])
            return (1 - z) * n + z * hp
    return Cell()


# gaidab/Zsmfg-Deep_Learning Summary_Deep_Learning.tex, RNN "structure of one neuron": A_t = theta_c A_{t-1} + theta_x x_t,
# h_t = theta_h A_t; read as matrices theta_c (A x A), theta_x (A x x), theta_h (h x A), no biases (the heading "one neuron"
# would instead suggest 3 scalars: refuse); Count: A*A + A*x + h*A.
@_export
def h37b_gaidab_rnn(x=7, A=5, h=3):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.theta_c = _p(A, A)
            self.theta_x = _p(A, x)
            self.theta_h = _p(h, A)

        def forward(self, xt, Ap):
            At = Ap @ self.theta_c.T + xt @ self.theta_x.T
            return At @ self.theta_h.T, At
    return Cell()


# Nengeldir/DeepLearning-Cheatsheet chapters/13_Recurrent_Neural_Networks.tex, LSTM; F, I, C~, O each (z x (x+z)) acting on
# x~^t = [x_t, z_{t-1}], no biases; Count: 4*z*(x + z).
@_export
def h37b_nengeldir_lstm(x=7, z=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.M = nn.ParameterDict({g: _p(z, x + z) for g in ("F", "I", "Ct", "O")})

        def forward(self, xt, state):
            zp, Cp = state
            xc = torch.cat([xt, zp], -1)
            C = torch.sigmoid(xc @ self.M["F"].T) * Cp + torch.sigmoid(xc @ self.M["I"].T) * torch.tanh(xc @ self.M["Ct"].T)
            return torch.sigmoid(xc @ self.M["O"].T) * torch.tanh(C), C
    return Cell()


# Nengeldir/DeepLearning-Cheatsheet, LRU: z^{t+1} = A z^t + B x^t; read as A (z x z), B (z x x), no bias, no output map
# (the diagonal form Lambda, B~ would give another count, and the LRU's usual C, D, gamma are absent: refuse);
# Count: z*z + z*x.
@_export
def h37b_nengeldir_lru(x=7, z=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.A = _p(z, z)
            self.B = _p(z, x)

        def forward(self, xt, zp):
            return zp @ self.A.T + xt @ self.B.T
    return Cell()


# 2445896255/whu-thesis pages/ch2.tex, LSTM; per gate g in {c,f,i,o}: W_g (h x (h+x)) on [h_{t-1}, x_t], b_g (h);
# Count: 4*(h*(h+x) + h).
@_export
def h37b_whuthesis_lstm(x=9, h=4):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W = nn.ParameterDict({g: _p(h, h + x) for g in "cfio"})
            self.b = nn.ParameterDict({g: _p(h) for g in "cfio"})

        def forward(self, xt, state):
            hp, cp = state
            hx = torch.cat([hp, xt], -1)
            pre = {g: hx @ self.W[g].T + self.b[g] for g in "cfio"}
            c = torch.sigmoid(pre["f"]) * cp + torch.sigmoid(pre["i"]) * torch.tanh(pre["c"])
            return torch.sigmoid(pre["o"]) * torch.tanh(c), c
    return Cell()


# liangxh/grad2019 data/chap02.tex, Elman network: W_h (h x d), U_h (h x h), b_h (h), output Y (y x h) (Y_y in the equation,
# Y_h in the legend), b_y (y); Count: h*x + h*h + h + y*h + y.
@_export
def h37b_liangxh_elman(x=7, h=5, y=3):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_h = _p(h, x)
            self.U_h = _p(h, h)
            self.b_h = _p(h)
            self.Y = _p(y, h)
            self.b_y = _p(y)

        def forward(self, xt, hp):
            ht = torch.tanh(xt @ self.W_h.T + hp @ self.U_h.T + self.b_h)
            return torch.softmax(ht @ self.Y.T + self.b_y, -1), ht
    return Cell()


# b3nk4n/imseq-thesis chapters/02_fundamentals.tex, LSTM: W_h (d_h x 4d_h), W_x (d_x x 4d_h), b (4d_h); the initial states
# C^(0), h^(0) (given as R^{4d_h}) are listed with the weights but not said to be learned -> not counted here (refuse);
# Count: 4*h*(h + x + 1).
@_export
def h37b_b3nk4n_lstm(x=5, h=3):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_h = _p(h, 4 * h)
            self.W_x = _p(x, 4 * h)
            self.b = _p(4 * h)

        def forward(self, xt, state):
            hp, Cp = state
            f, i, o, c = (hp @ self.W_h + xt @ self.W_x + self.b).chunk(4, -1)
            C = torch.sigmoid(f) * Cp + torch.sigmoid(i) * torch.tanh(c)
            return torch.sigmoid(o) * torch.tanh(C), C
    return Cell()


# ustcanycall/graduate chapters/background.tex, LSTM with peepholes and projection (LSTMP); gates i, f, o: W_*x (c x x),
# W_*r (c x y) on y_{t-1}, diagonal peephole W_*c (c) (stated to be diagonal), bias (c); candidate g: W_cx, W_cr, b_c;
# projection W_ym (y x c), no bias; the duplicated i_t line is the same equation; Count: 4*(c*x + c*y + c) + 3*c + y*c.
@_export
def h37b_ustc_lstmp(x=7, c=5, y=3):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.Wx = nn.ParameterDict({g: _p(c, x) for g in "ifoc"})
            self.Wr = nn.ParameterDict({g: _p(c, y) for g in "ifoc"})
            self.b = nn.ParameterDict({g: _p(c) for g in "ifoc"})
            self.peep = nn.ParameterDict({g: _p(c) for g in "ifo"})
            self.W_ym = _p(y, c)

        def forward(self, xt, state):
            yp, cp = state
            lin = {g: xt @ self.Wx[g].T + yp @ self.Wr[g].T + self.b[g] for g in "ifoc"}
            i = torch.sigmoid(lin["i"] + self.peep["i"] * cp)
            f = torch.sigmoid(lin["f"] + self.peep["f"] * cp)
            g = torch.sigmoid(lin["c"])  # written with \delta in the text
            ct = f * cp + g * i
            o = torch.sigmoid(lin["o"] + self.peep["o"] * ct)
            m = o * torch.tanh(ct)
            return m @ self.W_ym.T, ct
    return Cell()


# bobotsalos/theses_latex chapter3/chapter3.tex, GRU; per gate g in {r,z,h}: W_xg (h x x), W_hg (h x h), b_g (h);
# Count: 3*(h*x + h*h + h).
@_export
def h37b_bobotsalos_gru(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.Wx = nn.ParameterDict({g: _p(h, x) for g in "rzh"})
            self.Wh = nn.ParameterDict({g: _p(h, h) for g in "rzh"})
            self.b = nn.ParameterDict({g: _p(h) for g in "rzh"})

        def forward(self, xt, hp):
            r = torch.sigmoid(xt @ self.Wx["r"].T + hp @ self.Wh["r"].T + self.b["r"])
            z = torch.sigmoid(xt @ self.Wx["z"].T + hp @ self.Wh["z"].T + self.b["z"])
            ht = torch.tanh(xt @ self.Wx["h"].T + (r * hp) @ self.Wh["h"].T + self.b["h"])
            return (1 - z) * hp + z * ht
    return Cell()


# voorhs/nlp-alternative-methods notes.tex, "simplest" gated RNN: RNN(h,x) = (1-g)∘h + g∘tanh(W_1 h + U_1 x + b_1),
# g = sigma(W_2 h + U_2 x + b_2); W_1, W_2 (H x H), U_1, U_2 (H x C), b_1, b_2 (H); Count: 2*(h*h + h*x + h).
@_export
def h37b_voorhs_gatedrnn(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W1, self.W2 = _p(h, h), _p(h, h)
            self.U1, self.U2 = _p(h, x), _p(h, x)
            self.b1, self.b2 = _p(h), _p(h)

        def forward(self, xt, hp):
            g = torch.sigmoid(hp @ self.W2.T + xt @ self.U2.T + self.b2)
            return (1 - g) * hp + g * torch.tanh(hp @ self.W1.T + xt @ self.U1.T + self.b1)
    return Cell()


# voorhs/nlp-alternative-methods notes.tex, LSSL: x_t = A_bar x_{t-1} + B_bar u_t, y_t = C x_t + D u_t with scalar u_t;
# read as all four learned: A_bar (N x N), B_bar (N), C (M x N), D (M) ("initialized from HiPPO" for A_bar, B_bar vs.
# "trainable" only for C, D leaves their status open: refuse); Count: N*N + N + M*N + M.
@_export
def h37b_voorhs_lssl(N=5, M=3):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.A_bar = _p(N, N)
            self.B_bar = _p(N)
            self.C = _p(M, N)
            self.D = _p(M)

        def forward(self, ut, xp):
            xt = xp @ self.A_bar.T + ut[..., None] * self.B_bar
            return xt @ self.C.T + ut[..., None] * self.D, xt
    return Cell()
