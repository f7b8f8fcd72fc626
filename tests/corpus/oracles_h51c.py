"""Oracles for the h51c set-aside snippets (heldout51), as its gatherer wrote them."""
import torch
from torch import nn

__all__ = []


def _export(f):
    __all__.append(f.__name__)
    return f


def _p(*shape):
    return nn.Parameter(torch.randn(*shape) * 0.1)


# Bharath-sp/deep-learning 37_variants_of_lstm.adoc, Peephole LSTM; row-vector convention:
# W_f,W_i,W_c,W_o (x,p); R_f,R_i,R_c,R_o (p,p); P_f,P_i,P_o full (p,p) as the text says; b_f,b_i,b_c,b_o (p);
# output layer W_y (p,y), b_y (y), f_o a fixed activation.
# Count: 4*x*p + 4*p*p + 3*p*p + 4*p + p*y + y.
@_export
def h51c_bharath_peephole(x=7, p=5, y=3):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W = nn.ParameterDict({g: _p(x, p) for g in "fico"})
            self.R = nn.ParameterDict({g: _p(p, p) for g in "fico"})
            self.P = nn.ParameterDict({g: _p(p, p) for g in "fio"})
            self.b = nn.ParameterDict({g: _p(p) for g in "fico"})
            self.W_y = _p(p, y)
            self.b_y = _p(y)

        def forward(self, xt, h, c):
            W, R, P, b = self.W, self.R, self.P, self.b
            f = torch.sigmoid(xt @ W["f"] + h @ R["f"] + c @ P["f"] + b["f"])
            i = torch.sigmoid(xt @ W["i"] + h @ R["i"] + c @ P["i"] + b["i"])
            ct = torch.tanh(xt @ W["c"] + h @ R["c"] + b["c"])
            c = c * f + ct * i
            o = torch.sigmoid(xt @ W["o"] + h @ R["o"] + c @ P["o"] + b["o"])
            h = torch.tanh(c) * o
            yhat = torch.softmax(h @ self.W_y + self.b_y, -1)
            return yhat, h, c

    return Cell()


# gyeol02/DL_Study RNN_LSTM_GRU/README.md, 3.1 RNN; W_ih (h,x), W_hh (h,h), b_h (h); output W_ho (y,h), b_o (y).
# Count: h*x + h*h + h + y*h + y.
@_export
def h51c_gyeol02_rnn(x=7, h=5, y=3):
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
            yt = ht @ self.W_ho.T + self.b_o
            return yt, ht

    return Cell()


# yubol-bobo/AI-in-One-Interview-Handbook README, RNN bullet; W_x (h,x), W_h (h,h), b (h); f a fixed activation (tanh).
# Count: h*x + h*h + h.
@_export
def h51c_yubol_rnn(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_x = _p(h, x)
            self.W_h = _p(h, h)
            self.b = _p(h)

        def forward(self, xt, hp):
            return torch.tanh(xt @ self.W_x.T + hp @ self.W_h.T + self.b)

    return Cell()


# pereman2/NNnotes rnn.md, rnn_cell_forward code; Wax (a,x), Waa (a,a), ba (a); Wya (y,a), by (y); softmax output.
# Count: a*x + a*a + a + y*a + y.
@_export
def h51c_pereman2_rnn(x=7, a=5, y=3):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.Wax = _p(a, x)
            self.Waa = _p(a, a)
            self.ba = _p(a)
            self.Wya = _p(y, a)
            self.by = _p(y)

        def forward(self, xt, a_prev):
            a_next = torch.tanh(xt @ self.Wax.T + a_prev @ self.Waa.T + self.ba)
            yt = torch.softmax(a_next @ self.Wya.T + self.by, -1)
            return a_next, yt

    return Cell()


# AnubhavGupta3377/Deep-Learning-Models-in-Tensorflow LSTM/README.md (codecogs URL-encoded LaTeX);
# W^(i),W^(f),W^(o),W^(c) (h,x); U^(i),U^(f),U^(o),U^(c) (h,h); no gate biases;
# output softmax(h U + b): U (h,V), b (V).
# Count: 4*h*x + 4*h*h + h*V + V.
@_export
def h51c_anubhav_lstm(x=7, h=5, V=3):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W = nn.ParameterDict({g: _p(h, x) for g in "ifoc"})
            self.U = nn.ParameterDict({g: _p(h, h) for g in "ifoc"})
            self.U_out = _p(h, V)
            self.b = _p(V)

        def forward(self, xt, hp, cp):
            W, U = self.W, self.U
            i = torch.sigmoid(xt @ W["i"].T + hp @ U["i"].T)
            f = torch.sigmoid(xt @ W["f"].T + hp @ U["f"].T)
            o = torch.sigmoid(xt @ W["o"].T + hp @ U["o"].T)
            ct = torch.tanh(xt @ W["c"].T + hp @ U["c"].T)
            c = f * cp + i * ct
            ht = o * torch.tanh(c)
            y = torch.softmax(ht @ self.U_out + self.b, -1)
            return y, ht, c

    return Cell()


# AnubhavGupta3377/Deep-Learning-Models-in-Tensorflow GRU/README.md (codecogs URL-encoded LaTeX); REFUSE case:
# the bare U is used both in the candidate (h,h) and in the output softmax(h_t U + b_4) (h,V).
# Most plausible reading (built here): two different matrices.
# W^(z),W^(r),W (h,x); U^(z),U^(r),U (h,h); b_1,b_2,b_3 (h); output U_out (h,V), b_4 (V).
# Count: 3*h*x + 3*h*h + 3*h + h*V + V.
@_export
def h51c_anubhav_gru(x=7, h=5, V=3):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W = nn.ParameterDict({g: _p(h, x) for g in "zrh"})
            self.U = nn.ParameterDict({g: _p(h, h) for g in "zrh"})
            self.b = nn.ParameterDict({g: _p(h) for g in "zrh"})
            self.U_out = _p(h, V)
            self.b_4 = _p(V)

        def forward(self, xt, hp):
            W, U, b = self.W, self.U, self.b
            z = torch.sigmoid(xt @ W["z"].T + hp @ U["z"].T + b["z"])
            r = torch.sigmoid(xt @ W["r"].T + hp @ U["r"].T + b["r"])
            hh = torch.tanh(xt @ W["h"].T + r * (hp @ U["h"].T) + b["h"])
            ht = (1 - z) * hh + z * hp
            y = torch.softmax(ht @ self.U_out + self.b_4, -1)
            return y, ht

    return Cell()


# vuhung16au/nlp-learning-journey docs/RNN.md, GRU; concatenation form:
# W_r, W_z, W_h (h, h+x) acting on [h_{t-1}, x_t] / [r*h_{t-1}, x_t]; b_r, b_z, b_h (h).
# Count: 3*h*(h+x) + 3*h.
@_export
def h51c_vuhung_gru(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W = nn.ParameterDict({g: _p(h, h + x) for g in "rzh"})
            self.b = nn.ParameterDict({g: _p(h) for g in "rzh"})

        def forward(self, xt, hp):
            W, b = self.W, self.b
            hx = torch.cat([hp, xt], -1)
            r = torch.sigmoid(hx @ W["r"].T + b["r"])
            z = torch.sigmoid(hx @ W["z"].T + b["z"])
            hh = torch.tanh(torch.cat([r * hp, xt], -1) @ W["h"].T + b["h"])
            return (1 - z) * hp + z * hh

    return Cell()


# vuhung16au/nlp-learning-journey docs/LSTM.md, Mathematical Foundation; concatenation form:
# W_f, W_i, W_C, W_o (h, h+x); b_f, b_i, b_C, b_o (h).
# Count: 4*h*(h+x) + 4*h.
@_export
def h51c_vuhung_lstm(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W = nn.ParameterDict({g: _p(h, h + x) for g in "fiCo"})
            self.b = nn.ParameterDict({g: _p(h) for g in "fiCo"})

        def forward(self, xt, hp, Cp):
            W, b = self.W, self.b
            hx = torch.cat([hp, xt], -1)
            f = torch.sigmoid(hx @ W["f"].T + b["f"])
            i = torch.sigmoid(hx @ W["i"].T + b["i"])
            Ct = torch.tanh(hx @ W["C"].T + b["C"])
            C = f * Cp + i * Ct
            o = torch.sigmoid(hx @ W["o"].T + b["o"])
            return o * torch.tanh(C), C

    return Cell()


# Rose-STL-Lab/torchTS website docs, Diffusion Convolutional LSTM; REFUSE case: only the stacked gate
# equation is written (no candidate / cell / hidden update, sizes of W^x, W^h, W^c never given, one W shared
# over the k diffusion powers). Most plausible reading (built here): a standard peephole LSTM whose matrix
# products are diffusion convolutions with a fixed random-walk matrix D^{-1}A (not learned) and one weight per
# gate shared across the k diffusion steps:
# W^x_{i,f,o,c} (h,x); W^h_{i,f,o,c} (h,h); b_{i,f,o,c} (h); W^c_{i,f,o} Hadamard peepholes (h).
# Count: 4*h*x + 4*h*h + 4*h + 3*h.
@_export
def h51c_torchts_dclstm(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self, k=2):
            super().__init__()
            self.k = k
            self.Wx = nn.ParameterDict({g: _p(h, x) for g in "ifoc"})
            self.Wh = nn.ParameterDict({g: _p(h, h) for g in "ifoc"})
            self.b = nn.ParameterDict({g: _p(h) for g in "ifoc"})
            self.Wc = nn.ParameterDict({g: _p(h) for g in "ifo"})

        def gconv(self, W, v, P):
            # v: (nodes, features); sum_{i=1}^k P^i v W^T
            out, Pv = 0, v
            for _ in range(self.k):
                Pv = P @ Pv
                out = out + Pv @ W.T
            return out

        def forward(self, xt, hp, cp, A):
            P = A / A.sum(-1, keepdim=True)
            g = {q: self.gconv(self.Wx[q], xt, P) + self.gconv(self.Wh[q], hp, P) + self.b[q] for q in "ifoc"}
            i = torch.sigmoid(g["i"] + self.Wc["i"] * cp)
            f = torch.sigmoid(g["f"] + self.Wc["f"] * cp)
            c = f * cp + i * torch.tanh(g["c"])
            o = torch.sigmoid(g["o"] + self.Wc["o"] * c)
            return o * torch.tanh(c), c

    return Cell()


# Bharath-sp/deep-learning 37_variants_of_lstm.adoc, GRU; row-vector convention with the stated shapes:
# W_r, W_z, W_g (m,p); H_r, H_z, H_g (p,p); b_r, b_z, b_g (1,p); output W_y (p,y), b_y (y), f_o fixed.
# The two candidate forms (reset before / after H_g) hold the same parameters.
# Count: 3*m*p + 3*p*p + 3*p + p*y + y.
@_export
def h51c_bharath_gru(m=7, p=5, y=3):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W = nn.ParameterDict({g: _p(m, p) for g in "rzg"})
            self.H = nn.ParameterDict({g: _p(p, p) for g in "rzg"})
            self.b = nn.ParameterDict({g: _p(1, p) for g in "rzg"})
            self.W_y = _p(p, y)
            self.b_y = _p(y)

        def forward(self, xt, hp):
            W, H, b = self.W, self.H, self.b
            r = torch.sigmoid(xt @ W["r"] + hp @ H["r"] + b["r"])
            z = torch.sigmoid(xt @ W["z"] + hp @ H["z"] + b["z"])
            g = torch.tanh(xt @ W["g"] + (r * hp) @ H["g"] + b["g"])
            h = (1 - z) * hp + z * g
            return torch.softmax(h @ self.W_y + self.b_y, -1), h

    return Cell()


# Lulzx/worm-sim docs/GRU.md, masked GRU baseline; input x has 2N entries (N values + N masks), output N:
# Wr, Wz, Wc (h, 2N); Ur, Uz, Uc (h, h); br, bz, bc (h); read-out C (N, h), b (N).
# Normalization statistics are training-derived constants, not learned parameters.
# Count: 3*h*(2N + h + 1) + N*(h + 1)  (the text's own formula).
@_export
def h51c_wormsim_gru(N=4, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W = nn.ParameterDict({g: _p(h, 2 * N) for g in "rzc"})
            self.U = nn.ParameterDict({g: _p(h, h) for g in "rzc"})
            self.b = nn.ParameterDict({g: _p(h) for g in "rzc"})
            self.C = _p(N, h)
            self.b_out = _p(N)

        def forward(self, xt, hp):
            W, U, b = self.W, self.U, self.b
            r = torch.sigmoid(xt @ W["r"].T + hp @ U["r"].T + b["r"])
            z = torch.sigmoid(xt @ W["z"].T + hp @ U["z"].T + b["z"])
            c = torch.tanh(xt @ W["c"].T + (r * hp) @ U["c"].T + b["c"])
            h_next = z * hp + (1 - z) * c
            return h_next @ self.C.T + self.b_out, h_next

    return Cell()
