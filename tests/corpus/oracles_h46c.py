"""Oracles for the h46c set-aside snippets (heldout46), as its gatherer wrote them."""
import torch
from torch import nn

__all__ = []


def _export(f):
    __all__.append(f.__name__)
    return f


def _p(*shape):
    return nn.Parameter(torch.randn(*shape) * 0.1)


# ProgrammingBishop/python notebooks/Artificial_Intelligence/Readings/LSTM.ipynb, "Forward Pass"; W_z, W_i, W_f, W_o (N, M),
# R_z, R_i, R_f, R_o (N, N), peepholes p_i, p_f, p_o (N) used elementwise ("\ dot\ "), biases b_z, b_i, b_f, b_o (N);
# g = h = tanh; Count: 4*N*M + 4*N*N + 3*N + 4*N.
@_export
def h46c_bishop_lstm_peephole(M=7, N=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W = nn.ParameterDict({k: _p(N, M) for k in "zifo"})
            self.R = nn.ParameterDict({k: _p(N, N) for k in "zifo"})
            self.p = nn.ParameterDict({k: _p(N) for k in "ifo"})
            self.b = nn.ParameterDict({k: _p(N) for k in "zifo"})

        def forward(self, x, y_prev, c_prev):
            W, R, p, b = self.W, self.R, self.p, self.b
            z = torch.tanh(x @ W["z"].T + y_prev @ R["z"].T + b["z"])
            i = torch.sigmoid(x @ W["i"].T + y_prev @ R["i"].T + p["i"] * c_prev + b["i"])
            f = torch.sigmoid(x @ W["f"].T + y_prev @ R["f"].T + p["f"] * c_prev + b["f"])
            c = z * i + c_prev * f
            o = torch.sigmoid(x @ W["o"].T + y_prev @ R["o"].T + p["o"] * c + b["o"])
            y = torch.tanh(c) * o
            return y, c
    return Cell()


# Autumnair007/Deeplearning-notes-Obsidian rnn_notes.md, "RNN的数学模型"; W_x (D_h, D_x), W_h (D_h, D_h), b_h (D_h),
# W_y (D_y, D_h), b_y (D_y); softmax output; Count: D_h*D_x + D_h*D_h + D_h + D_y*D_h + D_y.
@_export
def h46c_autumn_rnn_softmax_zh(D_x=7, D_h=5, D_y=3):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_x = _p(D_h, D_x)
            self.W_h = _p(D_h, D_h)
            self.b_h = _p(D_h)
            self.W_y = _p(D_y, D_h)
            self.b_y = _p(D_y)

        def forward(self, x, h_prev):
            h = torch.tanh(x @ self.W_x.T + h_prev @ self.W_h.T + self.b_h)
            y = torch.softmax(h @ self.W_y.T + self.b_y, dim=-1)
            return y, h
    return Cell()


# ShizhongP/dl-notes notes/RNN.md "### LSTM" (refuse: no gate equation is written, the output stage is "某些变化");
# most plausible reading: the standard LSTM, each of f, i, C~ and an output gate o with W (h, h + x) on [h_{t-1}, x_t]
# and a bias (h); Count: 4*(h*(h + x) + h).
@_export
def h46c_shizhong_lstm_stages_zh(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.lin = nn.ModuleDict({k: nn.Linear(h + x, h) for k in ("f", "i", "c", "o")})

        def forward(self, xt, h_prev, c_prev):
            z = torch.cat([h_prev, xt], dim=-1)
            f = torch.sigmoid(self.lin["f"](z))
            i = torch.sigmoid(self.lin["i"](z))
            c_tilde = torch.tanh(self.lin["c"](z))
            c = f * c_prev + i * c_tilde
            o = torch.sigmoid(self.lin["o"](z))
            return o * torch.tanh(c), c
    return Cell()


# loseydm/loseydm.github.io _posts/2026-02-28-mamba.md, section 5 (refuse: Delta_t, B_t, C_t are "token-dependent" but
# the maps producing them are not in the excerpt); reading: Delta_t, B_t, C_t are inputs to the scan, learned are
# A (d_inner, N) and d_skip (d_inner); Count: d_inner*N + d_inner.
@_export
def h46c_losey_mamba_scan(d_inner=5, N=4):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.A = _p(d_inner, N)
            self.d_skip = _p(d_inner)

        def forward(self, u, delta, B, C, x_prev):
            A_bar = torch.exp(delta.unsqueeze(-1) * self.A)
            x = A_bar * x_prev + (delta.unsqueeze(-1) * B) * u.unsqueeze(-1)
            y = (C * x).sum(-1) + self.d_skip * u
            return y, x
    return Cell()


# eunsu-park/study-with-ai 15_Impl_LSTM_GRU.md, "2. Peephole Connection" (refuse: W_{cf}, W_{ci}, W_{co} may be full
# (h, h) matrices or diagonal vectors, and the candidate/cell/hidden equations are not in the section); most plausible
# reading: the section's LSTM above it (W_f, W_i, W_c, W_o (h, h + x), b (h)) plus full peephole matrices (h, h);
# Count: 4*(h*(h + x) + h) + 3*h*h.
@_export
def h46c_eunsu_peephole_ko(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W = nn.ParameterDict({k: _p(h, h + x) for k in "fico"})
            self.b = nn.ParameterDict({k: _p(h) for k in "fico"})
            self.P = nn.ParameterDict({k: _p(h, h) for k in ("cf", "ci", "co")})

        def forward(self, xt, h_prev, c_prev):
            W, b, P = self.W, self.b, self.P
            hx = torch.cat([h_prev, xt], dim=-1)
            f = torch.sigmoid(hx @ W["f"].T + c_prev @ P["cf"].T + b["f"])
            i = torch.sigmoid(hx @ W["i"].T + c_prev @ P["ci"].T + b["i"])
            c_tilde = torch.tanh(hx @ W["c"].T + b["c"])
            c = f * c_prev + i * c_tilde
            o = torch.sigmoid(hx @ W["o"].T + c @ P["co"].T + b["o"])
            return o * torch.tanh(c), c
    return Cell()


# kimbap918/TIL "SeSAC - 딥러닝 데이터 분석(7) - LSTM, GRU.md", "2개의 층을 연결하기"; Keras: Embedding (500, 16),
# LSTM(8) on 16 inputs (kernel 16x32, recurrent 8x32, bias 32), LSTM(8) on 8 inputs (8x32, 8x32, 32), Dense(8 -> 1)
# with bias; Count: 500*16 + 4*(8*(16 + 8) + 8) + 4*(8*(8 + 8) + 8) + (8 + 1).
@_export
def h46c_kimbap_stacked_lstm_keras():
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.emb = nn.Embedding(500, 16)
            self.l1 = nn.LSTMCell(16, 8, bias=False)
            self.b1 = _p(32)
            self.l2 = nn.LSTMCell(8, 8, bias=False)
            self.b2 = _p(32)
            self.dense = nn.Linear(8, 1)

        def _step(self, cell, b, x, state):
            h, c = state
            gates = x @ cell.weight_ih.T + h @ cell.weight_hh.T + b
            i, f, g, o = gates.chunk(4, -1)
            c = torch.sigmoid(f) * c + torch.sigmoid(i) * torch.tanh(g)
            return torch.sigmoid(o) * torch.tanh(c), c

        def forward(self, tok, s1, s2):
            x = self.emb(tok)
            h1, c1 = self._step(self.l1, self.b1, x, s1)
            h2, c2 = self._step(self.l2, self.b2, h1, s2)
            return torch.sigmoid(self.dense(h2)), (h1, c1), (h2, c2)
    return Cell()


# MizukiRin/machine-learning-note rnn.md, Lee-style LSTM (refuse: the four transforms are first "乘上一个matrix" on x^t
# only, then the "real" LSTM adds h and c (peephole) in prose; no bias is written though the example uses biases; g, h
# abstract); most plausible reading (Lee's lecture): z, z_i, z_f, z_o each a full matrix on [x^t, h^{t-1}, c^{t-1}]
# (h, x + 2h) plus a bias (h), g = h = tanh; Count: 4*(h*(x + 2*h) + h).
@_export
def h46c_mizuki_lstm_lee_zh(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.T = nn.ModuleDict({k: nn.Linear(x + 2 * h, h) for k in ("z", "zi", "zf", "zo")})

        def forward(self, xt, h_prev, c_prev):
            v = torch.cat([xt, h_prev, c_prev], dim=-1)
            z, zi, zf, zo = (self.T[k](v) for k in ("z", "zi", "zf", "zo"))
            c = torch.tanh(z) * torch.sigmoid(zi) + c_prev * torch.sigmoid(zf)
            a = torch.tanh(c) * torch.sigmoid(zo)
            return a, c
    return Cell()


# eunsu-park/study-with-ai content/en/Deep_Learning/14_LSTM_GRU.md, LSTM "Gate Formulas"; W_f, W_i, W_g, W_o (h, h + x)
# on [h(t-1), x(t)], b_f, b_i, b_g, b_o (h); "×" with a gate is elementwise; Count: 4*(h*(h + x) + h).
@_export
def h46c_eunsu_lstm_times_en(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W = nn.ParameterDict({k: _p(h, h + x) for k in "figo"})
            self.b = nn.ParameterDict({k: _p(h) for k in "figo"})

        def forward(self, xt, h_prev, C_prev):
            v = torch.cat([h_prev, xt], dim=-1)
            W, b = self.W, self.b
            f = torch.sigmoid(v @ W["f"].T + b["f"])
            i = torch.sigmoid(v @ W["i"].T + b["i"])
            g = torch.tanh(v @ W["g"].T + b["g"])
            C = f * C_prev + i * g
            o = torch.sigmoid(v @ W["o"].T + b["o"])
            return o * torch.tanh(C), C
    return Cell()


# OmarAhmBelt113/Neural-Networks-from-scratch LSTM/README.md (refuse: the gates f, i, g, o have no written formula, so
# which of xₜ, hₜ₋₁, cₜ₋₁ feed them and whether biases exist are not given); most plausible reading: each gate a weight
# on [x_t, h_{t-1}] (h, x + h) plus a bias (h), tanh for every gate as the text says; Count: 4*(h*(x + h) + h).
@_export
def h46c_omar_lstm_tanh_readme(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.lin = nn.ModuleDict({k: nn.Linear(x + h, h) for k in "figo"})

        def forward(self, xt, h_prev, c_prev):
            v = torch.cat([xt, h_prev], dim=-1)
            f, i, g, o = (torch.tanh(self.lin[k](v)) for k in "figo")
            c = f * c_prev + i * g
            return o * torch.tanh(c), c
    return Cell()


# kimbap918/TIL "SeSAC - 딥러닝 데이터 분석(7) - LSTM, GRU.md", "GRU 신경망 훈련하기"; Keras (TF2) Embedding (500, 16),
# GRU(8) with kernel 16x24, recurrent kernel 8x24 and bias of shape (2, 24) (reset_after=True), Dense(8 -> 1) with bias;
# Count: 500*16 + (3*8*16 + 3*8*8 + 2*3*8) + (8 + 1).
@_export
def h46c_kimbap_gru_keras():
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.emb = nn.Embedding(500, 16)
            self.gru = nn.GRUCell(16, 8)          # weight_ih, weight_hh, bias_ih, bias_hh = reset_after GRU
            self.dense = nn.Linear(8, 1)

        def forward(self, tok, h_prev):
            h = self.gru(self.emb(tok), h_prev)
            return torch.sigmoid(self.dense(h)), h
    return Cell()


# eunsu-park/study-with-ai content/ko/Deep_Learning/15_Impl_LSTM_GRU.md, "2. LSTM 수식"; W_f, W_i, W_c, W_o (h, h + x) on
# [h_{t-1}, x_t], b_f, b_i, b_c, b_o (h); Count: 4*(h*(h + x) + h).
@_export
def h46c_eunsu_lstm_ko(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.lin = nn.ModuleDict({k: nn.Linear(h + x, h) for k in "fico"})

        def forward(self, xt, h_prev, c_prev):
            v = torch.cat([h_prev, xt], dim=-1)
            f = torch.sigmoid(self.lin["f"](v))
            i = torch.sigmoid(self.lin["i"](v))
            c_tilde = torch.tanh(self.lin["c"](v))
            c = f * c_prev + i * c_tilde
            o = torch.sigmoid(self.lin["o"](v))
            return o * torch.tanh(c), c
    return Cell()
