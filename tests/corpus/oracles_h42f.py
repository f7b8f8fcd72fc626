"""Oracles for the h42f set-aside snippets (heldout42), as its gatherer wrote them."""
import torch
from torch import nn

__all__ = []


def _export(f):
    __all__.append(f.__name__)
    return f


def _p(*shape):
    return nn.Parameter(torch.randn(*shape) * 0.1)


# PshySimon/NameYouCannotFind RNN.md "1.简单RNN" (Chinese); H_t = f(W X_t + U H_{t-1} + b_1), O_t = g(V H_t + b_2):
# W (h, x), U (h, h), b_1 (h), V (o, h), b_2 (o); Count: h*x + h*h + h + o*h + o.
@_export
def h42f_pshysimon_rnn(x=7, h=5, o=3):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W = _p(h, x)
            self.U = _p(h, h)
            self.b1 = _p(h)
            self.V = _p(o, h)
            self.b2 = _p(o)

        def forward(self, xt, hp):
            ht = torch.tanh(xt @ self.W.T + hp @ self.U.T + self.b1)
            return torch.softmax(ht @ self.V.T + self.b2, -1), ht
    return Cell()


# PshySimon/NameYouCannotFind RNN.md "4.2 GRU" (Chinese); W_r, W_z, W_h (h, x), U_r, U_z, U_h (h, h), b_r, b_z, b_h (h);
# the update gate's x_z read as x_t (typo); candidate tanh(W_h x + U_h (r * h) + b_h); Count: 3*(h*x + h*h + h).
@_export
def h42f_pshysimon_gru(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W = nn.ParameterDict({g: _p(h, x) for g in "rzh"})
            self.U = nn.ParameterDict({g: _p(h, h) for g in "rzh"})
            self.b = nn.ParameterDict({g: _p(h) for g in "rzh"})

        def forward(self, xt, hp):
            r = torch.sigmoid(xt @ self.W["r"].T + hp @ self.U["r"].T + self.b["r"])
            z = torch.sigmoid(xt @ self.W["z"].T + hp @ self.U["z"].T + self.b["z"])
            hh = torch.tanh(xt @ self.W["h"].T + (r * hp) @ self.U["h"].T + self.b["h"])
            return z * hp + (1 - z) * hh
    return Cell()


# jamesben6688/machine_learning_algorithms RNN.md section 2 (Chinese); h_t = tanh(W_hh h_{t-1} + W_xh x_t), y_t = W_hy h_t:
# W_xh (h, x), W_hh (h, h), W_hy (y, h), no bias; Count: h*x + h*h + y*h.
@_export
def h42f_jamesben_rnn(x=7, h=5, y=3):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_xh = _p(h, x)
            self.W_hh = _p(h, h)
            self.W_hy = _p(y, h)

        def forward(self, xt, hp):
            ht = torch.tanh(hp @ self.W_hh.T + xt @ self.W_xh.T)
            return ht @ self.W_hy.T, ht
    return Cell()


# jamesben6688/machine_learning_algorithms RNN.md section 4 (Chinese); read as S_t = W_x X_t + W_s S_{t-1} + b_1 and
# O_t = W_o S_t + b_2 (missing line break; W_0 = W_o as in the prose list W_x, W_s, W_o, b_1, b_2), no activation:
# W_x (s, x), W_s (s, s), b_1 (s), W_o (o, s), b_2 (o); Count: s*x + s*s + s + o*s + o.
@_export
def h42f_jamesben_linrnn(x=7, s=5, o=3):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_x = _p(s, x)
            self.W_s = _p(s, s)
            self.b_1 = _p(s)
            self.W_o = _p(o, s)
            self.b_2 = _p(o)

        def forward(self, xt, sp):
            st = xt @ self.W_x.T + sp @ self.W_s.T + self.b_1
            return st @ self.W_o.T + self.b_2, st
    return Cell()


# eb9862/TIL RNN.md (Korean); h_t = f(W_ih x_t + W_hh h_{t-1} + b_h), y_t = g(W_ho h_t + b_o): W_ih (h, x), W_hh (h, h),
# b_h (h), W_ho (y, h), b_o (y); h_0 taken as not learned (the text: usually zero, or a learnable initial value);
# Count: h*x + h*h + h + y*h + y.
@_export
def h42f_eb9862_rnn(x=7, h=5, y=3):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_ih = _p(h, x)
            self.W_hh = _p(h, h)
            self.b_h = _p(h)
            self.W_ho = _p(y, h)
            self.b_o = _p(y)

        def forward(self, xt, hp):
            ht = torch.tanh(xt @ self.W_ih.T + hp @ self.W_hh.T + self.b_h)
            return torch.softmax(ht @ self.W_ho.T + self.b_o, -1), ht
    return Cell()


# DiegoMcs7/LIBRO_TESIS_ guia_estudio_LSTM_GRU.md 2.1.3 (Spanish); h_t = tanh(W_xh x_t + W_hh h_{t-1} + b_h),
# y_t = W_hy h_t + b_y: W_xh (n, d), W_hh (n, n), b_h (n), W_hy (m, n), b_y (m); Count: n*d + n*n + n + m*n + m.
@_export
def h42f_diegomcs7_rnn(d=6, n=4, m=2):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_xh = _p(n, d)
            self.W_hh = _p(n, n)
            self.b_h = _p(n)
            self.W_hy = _p(m, n)
            self.b_y = _p(m)

        def forward(self, xt, hp):
            ht = torch.tanh(xt @ self.W_xh.T + hp @ self.W_hh.T + self.b_h)
            return ht @ self.W_hy.T + self.b_y, ht
    return Cell()


# xcjthu/thuthesis data/chap05.tex (Chinese thesis); colah-style LSTM: W_f, W_i, W_C, W_o (h, h+x) on [h_{t-1}, x_t],
# b_f, b_i, b_C, b_o (h); Count: 4*(h*(h+x) + h).
@_export
def h42f_xcjthu_lstm(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W = nn.ParameterDict({g: _p(h, h + x) for g in "fiCo"})
            self.b = nn.ParameterDict({g: _p(h) for g in "fiCo"})

        def forward(self, xt, hp, cp):
            z = torch.cat([hp, xt], -1)
            f = torch.sigmoid(z @ self.W["f"].T + self.b["f"])
            i = torch.sigmoid(z @ self.W["i"].T + self.b["i"])
            Ct = torch.tanh(z @ self.W["C"].T + self.b["C"])
            c = f * cp + i * Ct
            o = torch.sigmoid(z @ self.W["o"].T + self.b["o"])
            return o * torch.tanh(c), c
    return Cell()


# EmpyreanAI/Monografia tex/2_Fund_Teo.tex (Portuguese, prose only; refuse); most plausible reading: a standard LSTM
# layer of n units on x_t, each of the forget, input, candidate and output transforms with W (n, x), U (n, n), b (n);
# Count: 4*(n*x + n*n + n).  (No weight or bias is written; "n independent copies" would make U diagonal: 4*(n*x + 2n);
# without biases: 4*(n*x + n*n).)
@_export
def h42f_empyrean_lstm(x=7, n=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W = nn.ParameterDict({g: _p(n, x) for g in "figo"})
            self.U = nn.ParameterDict({g: _p(n, n) for g in "figo"})
            self.b = nn.ParameterDict({g: _p(n) for g in "figo"})

        def forward(self, xt, hp, cp):
            a = {g: xt @ self.W[g].T + hp @ self.U[g].T + self.b[g] for g in "figo"}
            c = torch.sigmoid(a["f"]) * cp + torch.sigmoid(a["i"]) * torch.tanh(a["g"])
            out = torch.sigmoid(a["o"])
            return out * torch.tanh(c), c
    return Cell()


# shervinea/cheatsheet-translation fa/cs-230-recurrent-neural-networks.md (Persian); equations are images, the text lists
# the coefficients Wax, Waa, Wya, ba, by and activations g1, g2: read as a<t> = g1(Waa a<t-1> + Wax x<t> + ba),
# y<t> = g2(Wya a<t> + by): Wax (a, x), Waa (a, a), ba (a), Wya (y, a), by (y); Count: a*x + a*a + a + y*a + y.
@_export
def h42f_shervinea_rnn(x=7, a=5, y=3):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.Wax = _p(a, x)
            self.Waa = _p(a, a)
            self.ba = _p(a)
            self.Wya = _p(y, a)
            self.by = _p(y)

        def forward(self, xt, ap):
            at = torch.tanh(ap @ self.Waa.T + xt @ self.Wax.T + self.ba)
            return torch.softmax(at @ self.Wya.T + self.by, -1), at
    return Cell()


# jiabingyang01/llm-paper-notes Kairos_2026.md (Chinese; refuse); Gated DeltaNet path read as: q_t = W_q x_t,
# k_t = W_k x_t (d_k, D), v_t = W_v x_t (d_v, D), scalar gates beta_t = sigma(w_beta x_t), alpha_t = sigma(w_alpha x_t)
# with w_beta, w_alpha (1, D); S_t = alpha S_{t-1} + beta (v - S_{t-1} k) k^T, o_t = S_t q_t;
# Count: 2*d_k*D + d_v*D + 2*D.  (The q/k/v projections are only named; alpha_t, beta_t could be per-channel vectors.)
@_export
def h42f_jiabingyang_gdn(D=6, d_k=4, d_v=3):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_q = _p(d_k, D)
            self.W_k = _p(d_k, D)
            self.W_v = _p(d_v, D)
            self.W_beta = _p(1, D)
            self.W_alpha = _p(1, D)

        def forward(self, xt, S):
            q, k, v = xt @ self.W_q.T, xt @ self.W_k.T, xt @ self.W_v.T
            beta = torch.sigmoid(xt @ self.W_beta.T).unsqueeze(-1)
            alpha = torch.sigmoid(xt @ self.W_alpha.T).unsqueeze(-1)
            v_old = (S @ k.unsqueeze(-1)).squeeze(-1)
            S = alpha * S + beta * (v - v_old).unsqueeze(-1) @ k.unsqueeze(-2)
            return (S @ q.unsqueeze(-1)).squeeze(-1), S
    return Cell()


# JuanBiancuzzo/Facultad-Apuntes "Red neuronal recurrente.md" (Spanish; refuse); O_t(x) = f(w . x + u . O_{t-1} + b)
# read as one recurrent neuron: w (x), u (1), b (1), scalar output O_t; Count: x + 2.
# (u is never described and the previous value is called a hyper-parameter; a layer of n such units would give
# n*x + n*n + n; the notes also speak of a "vector de características" output and stacked RNNs without sizes.)
@_export
def h42f_juanbiancuzzo_rnr(x=7):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.w = _p(x)
            self.u = _p(1)
            self.b = _p(1)

        def forward(self, xt, op):
            return torch.tanh(xt @ self.w + self.u * op + self.b)
    return Cell()


# albino-babuino/cheat-sheets-ia 10.05-rnn-lstm.ipynb (Spanish, source code); class SimpleRNN: W_xh (input, hidden),
# W_hh (hidden, hidden), W_hy (hidden, output), b_h (1, hidden), b_y (1, output); learning_rate is a hyper-parameter;
# Count: input*hidden + hidden*hidden + hidden*output + hidden + output.
@_export
def h42f_albino_rnn(input_size=7, hidden_size=5, output_size=3):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_xh = _p(input_size, hidden_size)
            self.W_hh = _p(hidden_size, hidden_size)
            self.W_hy = _p(hidden_size, output_size)
            self.b_h = _p(1, hidden_size)
            self.b_y = _p(1, output_size)

        def forward(self, xt, hp):
            ht = torch.tanh(xt @ self.W_xh + hp @ self.W_hh + self.b_h)
            return ht @ self.W_hy + self.b_y, ht
    return Cell()
