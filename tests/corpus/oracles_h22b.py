import torch
from torch import nn

__all__ = []


def _export(f):
    __all__.append(f.__name__)
    return f


def _p(*shape):
    return nn.Parameter(torch.randn(*shape) * 0.1)


# dl4nlp-tuda/deep-learning-for-nlp-lectures:latex/lecture07/grus_and_lstms.tex (TU Darmstadt DL4NLP
# lecture 7, frame "GRU"). Row vectors: x_t U (x x h), h_{t-1} W (h x h). Reset U^(r), W^(r); candidate
# U, W (h_{t-1} W then odot r_t, as written); update U^(z), W^(z). No biases. 3(xh + h^2).
@_export
def h22b_tudagru_gru(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.U_r, self.W_r = _p(x, h), _p(h, h)
            self.U, self.W = _p(x, h), _p(h, h)
            self.U_z, self.W_z = _p(x, h), _p(h, h)

        def forward(self, xt, hp):
            r = torch.sigmoid(xt @ self.U_r + hp @ self.W_r)
            ht = torch.tanh(xt @ self.U + (hp @ self.W) * r)
            z = torch.sigmoid(xt @ self.U_z + hp @ self.W_z)
            return (1 - z) * hp + z * ht

    return Cell()


# dl4nlp-tuda/deep-learning-for-nlp-lectures:latex/lecture07/dl4nlp2023-lecture07.tex (TU Darmstadt DL4NLP
# 2023 lecture 7, "LSTM parameters and dimensions"). W^{x*} in R^{d_in x d_h}, W^{h*} in R^{d_h x d_h}
# for * in z, f, i, o; bias terms ignored. 4(d_in d_h + d_h^2).
@_export
def h22b_tuda23_lstm(d_in=7, d_h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            for g in "zfio":
                setattr(self, "W_x" + g, _p(d_in, d_h))
                setattr(self, "W_h" + g, _p(d_h, d_h))

        def forward(self, x, state):
            hp, cp = state
            a = {g: x @ getattr(self, "W_x" + g) + hp @ getattr(self, "W_h" + g) for g in "zfio"}
            z = torch.tanh(a["z"])
            f, i, o = torch.sigmoid(a["f"]), torch.sigmoid(a["i"]), torch.sigmoid(a["o"])
            c = f * cp + i * z
            return o * torch.tanh(c), c

    return Cell()


# m2dsupsdlclass/lectures-labs:slides/06_deep_nlp/index.html (Ollion & Grisel, slides "Language Modelling"
# / "Recurrent Neural Network"). E (|V| x H) embedding, W^h (H x H), b^h (H), output W^o = W^out (H x K)
# with b^o (K), K = |V|; g taken as a parameter-free activation (tanh). VH + H^2 + H + HV + V.
@_export
def h22b_m2dsnlp_rnnlm(V=7, H=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.E = _p(H, V)
            self.W_h, self.b_h = _p(H, H), _p(H)
            self.W_o, self.b_o = _p(V, H), _p(V)

        def forward(self, w, hp):
            x = self.E @ w
            h = torch.tanh(self.W_h @ hp + x + self.b_h)
            return torch.softmax(self.W_o @ h + self.b_o, -1), h

    return Cell()


# m2dsupsdlclass/lectures-labs:slides/06_deep_nlp/index.html (Ollion & Grisel, LSTM slide). Gates u, f, o
# and candidate c: W^* (H x H), I^* ("N x H", applied to x_t in R^N), b^*; output W (K x H), b (K).
# 4(H^2 + NH + H) + KH + K.
@_export
def h22b_m2dsnlp_lstm(N=7, H=5, K=3):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            for g in "ufco":
                setattr(self, "W_" + g, _p(H, H))
                setattr(self, "I_" + g, _p(H, N))
                setattr(self, "b_" + g, _p(H))
            self.W, self.b = _p(K, H), _p(K)

        def forward(self, x, state):
            hp, cp = state
            a = {g: getattr(self, "W_" + g) @ hp + getattr(self, "I_" + g) @ x + getattr(self, "b_" + g)
                 for g in "ufco"}
            u, f, o = torch.sigmoid(a["u"]), torch.sigmoid(a["f"]), torch.sigmoid(a["o"])
            c = f * cp + u * torch.tanh(a["c"])
            h = o * torch.tanh(c)
            return torch.softmax(self.W @ h + self.b, -1), (h, c)

    return Cell()


# swarajdalmia/ML-Notes:LSTM.md (refuse: g_t has no equation; i_t, o_t only "the same form"). Most plausible
# reading: each of f, i, o, g as sigmoid/tanh(input*w1 + hidden*w2 + bias) with its own w1 (h x x), w2 (h x h),
# bias (h); output softmax(w*h_t) with w (y x h), no bias. 4(hx + h^2 + h) + yh.
@_export
def h22b_swaraj_lstm(x=7, h=5, y=3):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            for g in "fiog":
                setattr(self, "w1_" + g, _p(h, x))
                setattr(self, "w2_" + g, _p(h, h))
                setattr(self, "b_" + g, _p(h))
            self.w = _p(y, h)

        def forward(self, xt, state):
            hp, cp = state
            a = {g: getattr(self, "w1_" + g) @ xt + getattr(self, "w2_" + g) @ hp + getattr(self, "b_" + g)
                 for g in "fiog"}
            f, i, o = torch.sigmoid(a["f"]), torch.sigmoid(a["i"]), torch.sigmoid(a["o"])
            c = f * cp + i * torch.tanh(a["g"])
            ht = o * torch.tanh(c)
            return torch.softmax(self.w @ ht, -1), (ht, c)

    return Cell()


# frcs/4C16-LectureNotes:docs/chapter-08-recurrent-neural-networks.html (TCD 4C16 notes, simple RNN).
# W_h (h x x), U_h (h x h), b_h (h); output W_y (y x h), b_y (y); sigma_y parameter-free (softmax).
# hx + h^2 + h + yh + y.
@_export
def h22b_tcd4c16_elman(x=7, h=5, y=3):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_h, self.U_h, self.b_h = _p(h, x), _p(h, h), _p(h)
            self.W_y, self.b_y = _p(y, h), _p(y)

        def forward(self, xt, hp):
            ht = torch.tanh(self.W_h @ xt + self.U_h @ hp + self.b_h)
            return torch.softmax(self.W_y @ ht + self.b_y, -1), ht

    return Cell()


# udeepam/rnn:1_rnn.ipynb (markdown cell "Long Short-Term Memory"). h_t, c_t in R^d; each gate
# W_* [h_{t-1}; x_t] + b_*, W_* (d x (d + x)), for f, C~, i, o. 4(d(d + x) + d).
@_export
def h22b_udeepam_lstm(x=7, d=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            for g in "fCio":
                setattr(self, "W_" + g, _p(d, d + x))
                setattr(self, "b_" + g, _p(d))

        def forward(self, xt, state):
            hp, cp = state
            z = torch.cat([hp, xt])
            a = {g: getattr(self, "W_" + g) @ z + getattr(self, "b_" + g) for g in "fCio"}
            f, i, o = torch.sigmoid(a["f"]), torch.sigmoid(a["i"]), torch.sigmoid(a["o"])
            c = cp * f + i * torch.tanh(a["C"])
            return o * torch.tanh(c), c

    return Cell()


# Colinho22/nlp-course-2025-...:NLP_slides/lstm_primer/presentations/sections/09_applications.tex (GRU frame).
# W_z, W_r, W each (h x (h + x)) on [h_{t-1}, x_t]; no biases. 3h(h + x).
@_export
def h22b_nlpc25_gru(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_z, self.W_r, self.W = _p(h, h + x), _p(h, h + x), _p(h, h + x)

        def forward(self, xt, hp):
            z = torch.sigmoid(self.W_z @ torch.cat([hp, xt]))
            r = torch.sigmoid(self.W_r @ torch.cat([hp, xt]))
            ht = torch.tanh(self.W @ torch.cat([r * hp, xt]))
            return (1 - z) * hp + z * ht

    return Cell()


# Colinho22/nlp-course-2025-...:NLP_slides/lstm_primer/presentations/sections/07_lstm_details.tex ("Complete
# Forward Pass"). W_f, W_i, W_C, W_o each (h x (h + x)) = 256 x 356 with the text's example sizes, biases b_*
# (h). 4(h(h + x) + h) = 365568 at x=100, h=256.
@_export
def h22b_nlpc25_lstm(x=100, h=256):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            for g in "fiCo":
                setattr(self, "W_" + g, _p(h, h + x))
                setattr(self, "b_" + g, _p(h))

        def forward(self, xt, state):
            hp, cp = state
            z = torch.cat([hp, xt])
            a = {g: getattr(self, "W_" + g) @ z + getattr(self, "b_" + g) for g in "fiCo"}
            f, i, o = torch.sigmoid(a["f"]), torch.sigmoid(a["i"]), torch.sigmoid(a["o"])
            c = f * cp + i * torch.tanh(a["C"])
            return o * torch.tanh(c), c

    return Cell()


# rtavenar/tsX-contents:slides/05.typ (Typst SSM slides; refuse: input/output widths unknown, D not in the
# learned list). Most plausible reading: h in R^N, x in R^x, o in R^o, learned A (N x N), B (N x x),
# C (o x N), D (o x x); one Euler step for forward. N^2 + Nx + oN + ox.
@_export
def h22b_tsx_ssm(x=7, o=3, N=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.A, self.B, self.C, self.D = _p(N, N), _p(N, x), _p(o, N), _p(o, x)

        def forward(self, xt, hp, dt=0.1):
            h = hp + dt * (self.A @ hp + self.B @ xt)
            return self.C @ h + self.D @ xt, h

    return Cell()


# aljiro/dnnls_lecture_notes_exercises:lecture_notes/chapters/week07.tex (simple recurrent update).
# W_x (h x x), W_h (h x h), b (h); phi = tanh. hx + h^2 + h.
@_export
def h22b_dnnls_rnn(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_x, self.W_h, self.b = _p(h, x), _p(h, h), _p(h)

        def forward(self, xt, hp):
            return torch.tanh(self.W_x @ xt + self.W_h @ hp + self.b)

    return Cell()


# naivedyakhare/ML-Notes:lstm.md (interview-guide notes). W_f, W_i, W_c, W_o each (h x (h + x)) on
# [h_{t-1}, x_t], biases b_* (h). 4(h(h + x) + h).
@_export
def h22b_naiv_lstm(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            for g in "fico":
                setattr(self, "W_" + g, _p(h, h + x))
                setattr(self, "b_" + g, _p(h))

        def forward(self, xt, state):
            hp, cp = state
            z = torch.cat([hp, xt])
            a = {g: getattr(self, "W_" + g) @ z + getattr(self, "b_" + g) for g in "fico"}
            f, i, o = torch.sigmoid(a["f"]), torch.sigmoid(a["i"]), torch.sigmoid(a["o"])
            c = f * cp + i * torch.tanh(a["c"])
            return o * torch.tanh(c), c

    return Cell()


# dl4nlp-tuda/deep-learning-for-nlp-lectures:latex/lecture07/grus_and_lstms.tex (frame "LSTM Unit"). Row
# vectors: x_t U^(*) (x x h), h_{t-1} W^(*) (h x h) for i, f, o and the candidate's U, W; no biases.
# 4(xh + h^2).
@_export
def h22b_tudagru_lstm(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            for g in "ifoc":
                setattr(self, "U_" + g, _p(x, h))
                setattr(self, "W_" + g, _p(h, h))

        def forward(self, xt, state):
            hp, cp = state
            a = {g: xt @ getattr(self, "U_" + g) + hp @ getattr(self, "W_" + g) for g in "ifoc"}
            i, f, o = torch.sigmoid(a["i"]), torch.sigmoid(a["f"]), torch.sigmoid(a["o"])
            c = f * cp + i * torch.tanh(a["c"])
            return o * torch.tanh(c), c

    return Cell()


# https://the-learning-machine.com/article/dl/long-short-term-memory ("RNN: A refresher on notation").
# W (h x h), U (h x N), b (h); output V (o x h), c (o). h^2 + hN + h + oh + o.
@_export
def h22b_tlm_rnn(N=7, h=5, o=3):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W, self.U, self.b = _p(h, h), _p(h, N), _p(h)
            self.V, self.c = _p(o, h), _p(o)

        def forward(self, xt, hp):
            ht = torch.tanh(self.W @ hp + self.U @ xt + self.b)
            return self.V @ ht + self.c, ht

    return Cell()
