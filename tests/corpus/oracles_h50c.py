"""Oracles for the h50c set-aside snippets (heldout50), as its gatherer wrote them."""
import torch
from torch import nn

__all__ = []


def _export(f):
    __all__.append(f.__name__)
    return f


def _p(*shape):
    return nn.Parameter(torch.randn(*shape) * 0.1)


# Elaine-Yuetong/Material-RA-Note LSTM.md, sections 四/五; W_f, W_i, W_C, W_o each (h x (h+x)) on [h_{t-1}, x_t],
# biases b_f, b_i, b_C, b_o (h) as written in the formal definitions (the text diagram only abbreviates them);
# Count: 4*(h*(h+x) + h).
@_export
def h50c_elaine_lstm(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W = nn.ParameterDict({k: _p(h, h + x) for k in "fiCo"})
            self.b = nn.ParameterDict({k: _p(h) for k in "fiCo"})

        def forward(self, xt, hp, cp):
            v = torch.cat([hp, xt])
            a = {k: self.W[k] @ v + self.b[k] for k in "fiCo"}
            f, i, o = torch.sigmoid(a["f"]), torch.sigmoid(a["i"]), torch.sigmoid(a["o"])
            c = f * cp + i * torch.tanh(a["C"])
            return o * torch.tanh(c), c
    return Cell()


# JHY-CPU/learning-notes interview bank Q483; W_f, W_i, W_c, W_o each (h x (h+x)) on [h, x]; only the forget gate has a
# bias b_f (h) written, the other three gates are written without one; Count: 4*h*(h+x) + h.
@_export
def h50c_jhy_lstm(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W = nn.ParameterDict({k: _p(h, h + x) for k in "fico"})
            self.b_f = _p(h)

        def forward(self, xt, hp, cp):
            v = torch.cat([hp, xt])
            f = torch.sigmoid(self.W["f"] @ v + self.b_f)
            i = torch.sigmoid(self.W["i"] @ v)
            cc = torch.tanh(self.W["c"] @ v)
            o = torch.sigmoid(self.W["o"] @ v)
            c = f * cp + i * cc
            return o * torch.tanh(c), c
    return Cell()


# JHY-CPU/learning-notes DIEN note, AUGRU; per the AUGRUCell code: W_r, W_z, W_h = nn.Linear(x+h, h) (weight + bias) on
# [h_prev, x_t] and [r*h_prev, x_t]; the attention weight a_t is an external input (no parameters in the cell);
# Count: 3*(h*(x+h) + h).
@_export
def h50c_jhy_augru(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_r = nn.Linear(x + h, h)
            self.W_z = nn.Linear(x + h, h)
            self.W_h = nn.Linear(x + h, h)

        def forward(self, xt, hp, a):
            comb = torch.cat([hp, xt], -1)
            r = torch.sigmoid(self.W_r(comb))
            z = a * torch.sigmoid(self.W_z(comb))
            ht = torch.tanh(self.W_h(torch.cat([r * hp, xt], -1)))
            return (1 - z) * hp + z * ht
    return Cell()


# kapshaul/DeepLearning RNN/README.md, RNN section; h_t = sigma(W_h h_{t-1} + W_x X^T + b): W_h (h x h), W_x (h x x),
# b (h); Count: h*h + h*x + h.
@_export
def h50c_kapshaul_rnn(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_h, self.W_x, self.b = _p(h, h), _p(h, x), _p(h)

        def forward(self, xt, hp):
            return torch.sigmoid(self.W_h @ hp + self.W_x @ xt + self.b)
    return Cell()


# SIL1202/Note machine_learning/daily_note/GRU.md; W_z, W_r (h x (h+x)) on [h_{t-1}, x_t], W_h (h x (x+h)) on
# [x_t, r_t * h_{t-1}]; no biases written; Count: 3*h*(h+x).
@_export
def h50c_sil_gru(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_z, self.W_r, self.W_h = _p(h, h + x), _p(h, h + x), _p(h, x + h)

        def forward(self, xt, hp):
            v = torch.cat([hp, xt])
            z = torch.sigmoid(self.W_z @ v)
            r = torch.sigmoid(self.W_r @ v)
            ht = torch.tanh(self.W_h @ torch.cat([xt, r * hp]))
            return (1 - z) * hp + z * ht
    return Cell()


# antodand/Deep-Learning-Notes "08 RNN.md"; h_t = tanh(W_hh^T h_{t-1} + W_xh^T x_t), y_t = W_hy^T h_t: W_hh (h x h),
# W_xh (x x h), W_hy (h x y); no biases written; Count: h*h + x*h + h*y.
@_export
def h50c_antodand_rnn(x=7, h=5, y=3):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_hh, self.W_xh, self.W_hy = _p(h, h), _p(x, h), _p(h, y)

        def forward(self, xt, hp):
            ht = torch.tanh(self.W_hh.T @ hp + self.W_xh.T @ xt)
            return ht, self.W_hy.T @ ht
    return Cell()


# EthanAha-ctrl/ai_papers_obsidian Mamba-2 SSD note, recurrent mode; scalar input x_t, state h_t in R^N, A_t = a_t I;
# B_t, C_t, a_t come from unspecified compute_B/compute_C/compute_a (refuse).  Most plausible reading (following the
# note's later inference sketch a_t = sigmoid(A_proj(x_t))): B_proj, C_proj = Linear(1, N), A_proj = Linear(1, 1);
# Count: 2*(N + N) + 2.
@_export
def h50c_ethan_mamba2(N=4):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.B_proj = nn.Linear(1, N)
            self.C_proj = nn.Linear(1, N)
            self.A_proj = nn.Linear(1, 1)

        def forward(self, xt, hp):
            B, C = self.B_proj(xt), self.C_proj(xt)
            a = torch.sigmoid(self.A_proj(xt))
            ht = a * hp + B * xt
            return (C * ht).sum(-1), ht
    return Cell()


# Theodore-PKU/paper-notes, l1-l1 unfolded RNN (refuse: update only in images, dimensions never stated).  Plausible
# reading: x_t in R^m, A (m x n), D (n x h), G (h x h), learned h_0 (h), scalars alpha, lambda1, lambda2, one
# proximal-gradient step per time step; Count: m*n + n*h + h*h + h + 3.
@_export
def h50c_theodore_l1rnn(m=4, n=6, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.A, self.D, self.G = _p(m, n), _p(n, h), _p(h, h)
            self.h0 = _p(h)
            self.alpha, self.lam1, self.lam2 = _p(1), _p(1), _p(1)

        def forward(self, xt, hp=None):
            hp = self.h0 if hp is None else hp
            AD = self.A @ self.D
            u = self.G @ hp
            z = u + self.alpha * (AD.T @ (xt - AD @ u))
            # soft-threshold towards 0 (lambda1) and towards G h_{t-1} (lambda2), simplified
            z = torch.sign(z) * torch.relu(z.abs() - self.alpha * self.lam1.abs())
            return u + torch.sign(z - u) * torch.relu((z - u).abs() - self.alpha * self.lam2.abs())
    return Cell()


# cshonor/DL-note ch14 note 07 (I/H/C notation); W_f, W_i, W_o, W_c each (H x (I+H)) on concat_t = [I_t; H_(t-1)],
# biases b_f, b_i, b_o, b_c (H); Count: 4*(H*(I+H) + H).
@_export
def h50c_cshonor_lstm(I=7, H=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W = nn.ParameterDict({k: _p(H, I + H) for k in "fioc"})
            self.b = nn.ParameterDict({k: _p(H) for k in "fioc"})

        def forward(self, It, Hp, Cp):
            v = torch.cat([It, Hp])
            g = {k: self.W[k] @ v + self.b[k] for k in "fioc"}
            Ct = torch.sigmoid(g["f"]) * Cp + torch.sigmoid(g["i"]) * torch.tanh(g["c"])
            return torch.sigmoid(g["o"]) * torch.tanh(Ct), Ct
    return Cell()


# HYEZ/deep-learning-from-scratch-2 ch6 notes (refuse: prose only, no gate equations).  Most plausible reading, the
# book's LSTM: f, g, i, o each with W_x (x x h), W_h (h x h), b (h) on x W_x + h_{t-1} W_h + b;
# Count: 4*(x*h + h*h + h).
@_export
def h50c_hyez_lstm(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.Wx, self.Wh, self.b = _p(x, 4 * h), _p(h, 4 * h), _p(4 * h)

        def forward(self, xt, hp, cp):
            A = xt @ self.Wx + hp @ self.Wh + self.b
            f, g, i, o = A.chunk(4)
            c = torch.sigmoid(f) * cp + torch.tanh(g) * torch.sigmoid(i)
            return torch.sigmoid(o) * torch.tanh(c), c
    return Cell()
