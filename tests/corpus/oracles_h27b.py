import torch
from torch import nn

__all__ = []


def _export(f):
    __all__.append(f.__name__)
    return f


def _p(*shape):
    return nn.Parameter(torch.randn(*shape) * 0.1)


class _ConcatGRU(nn.Module):
    """GRU on a concatenation [state, x]: three gates W_* (s x (s + x)) and biases b_* (s)."""

    def __init__(self, x, s, names=("z", "r", "h")):
        super().__init__()
        self.gate_u, self.gate_r, self.cand = names
        for n in names:
            setattr(self, "W_" + n, _p(s, s + x))
            setattr(self, "b_" + n, _p(s))

    def forward(self, xt, hp):
        W = lambda n: getattr(self, "W_" + n)
        b = lambda n: getattr(self, "b_" + n)
        u = torch.sigmoid(W(self.gate_u) @ torch.cat([hp, xt]) + b(self.gate_u))
        r = torch.sigmoid(W(self.gate_r) @ torch.cat([hp, xt]) + b(self.gate_r))
        ht = torch.tanh(W(self.cand) @ torch.cat([r * hp, xt]) + b(self.cand))
        return u * ht + (1 - u) * hp


class _ConcatLSTM(nn.Module):
    """LSTM on a concatenation [a_{t-1}, x]: four weights (s x (s + x)) and four biases (s)."""

    def __init__(self, x, s, names=("f", "i", "c", "o")):
        super().__init__()
        self.f, self.i, self.c, self.o = names
        for n in names:
            setattr(self, "W_" + n, _p(s, s + x))
            setattr(self, "b_" + n, _p(s))

    def forward(self, xt, state):
        hp, cp = state
        z = torch.cat([hp, xt])
        g = lambda n, act: act(getattr(self, "W_" + n) @ z + getattr(self, "b_" + n))
        f, i, o = g(self.f, torch.sigmoid), g(self.i, torch.sigmoid), g(self.o, torch.sigmoid)
        ct = f * cp + i * g(self.c, torch.tanh)
        return o * torch.tanh(ct), ct


# ManishJyani/SequenceModelsAndrewNg:readme.md, "## 3) GRU Equations" (codecogs image URLs).
# W_z, W_r, W_h (h x (h + x)) on [h^{(t-1)}, x^{(t)}] (candidate on [r * h, x]); b_z, b_r, b_h (h).
# 3h(h + x) + 3h = 195 at x=7, h=5.
@_export
def h27b_manish_gru(x=7, h=5):
    return _ConcatGRU(x, h, ("z", "r", "h"))


# ManishJyani/SequenceModelsAndrewNg:readme.md, "## LSTM Equations" (codecogs svg.image URLs).
# W_f, W_i, W_c, W_o (h x (h + x)) on [h^{<t-1>}, x^{<t>}]; b_f, b_i, b_c, b_o (h).
# 4h(h + x) + 4h = 260 at x=7, h=5.
@_export
def h27b_manish_lstm(x=7, h=5):
    return _ConcatLSTM(x, h, ("f", "i", "c", "o"))


# natural-mess/Deep-Learning-Specialization:C5-SequenceModels/Week1/Notes/README.md, GRU "### Summary".
# Marked refuse (Gamma_r used, never defined there). Most plausible reading: the full GRU of the same
# notes: W_c, W_u, W_r (c x (c + x)) on [c^{<t-1>}, x^{<t>}], b_c, b_u, b_r (c). 3c(c + x) + 3c = 195.
@_export
def h27b_dlsnotes_grusummary(x=7, c=5):
    return _ConcatGRU(x, c, ("u", "r", "c"))


# natural-mess/Deep-Learning-Specialization:C5-SequenceModels/Week1/Notes/README.md, "### GRU and LSTM",
# the LSTM part. W_c, W_u, W_f, W_o (a x (a + x)) on [a^{<t-1>}, x^{<t>}], b_c, b_u, b_f, b_o (a);
# Gamma_u plays the input gate. 4a(a + x) + 4a = 260 at x=7, a=5.
@_export
def h27b_dlsnotes_lstm(x=7, a=5):
    return _ConcatLSTM(x, a, ("f", "u", "c", "o"))


# stored file id 7192640852 ("# GRU", "## Gated Recurrent Unit (GRU) by Cho et al. (2014)").
# No biases: W_rx, W_zx, W_hx (h x x); W_rh, W_zh, W_hh (h x h). 3h(x + h) = 180 at x=7, h=5.
@_export
def h27b_chonotes_gru(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_rx, self.W_rh = _p(h, x), _p(h, h)
            self.W_zx, self.W_zh = _p(h, x), _p(h, h)
            self.W_hx, self.W_hh = _p(h, x), _p(h, h)

        def forward(self, xt, hp):
            r = torch.sigmoid(self.W_rx @ xt + self.W_rh @ hp)
            z = torch.sigmoid(self.W_zx @ xt + self.W_zh @ hp)
            ht = torch.tanh(self.W_hx @ xt + self.W_hh @ (r * hp))
            return (1 - z) * hp + z * ht

    return Cell()


# stored file id 59545604517 (Kröse & van der Smagt, An Introduction to Neural Networks, 5.1.2 The
# Elman network). Marked refuse (no equations). Most plausible reading of the example: 5 units (x, x_d
# and three context units) feed 3 sigmoid hidden units with biases; one output F with bias:
# h(x + h) + h + y*h + y = 15 + 3 + 3 + 1 = 22 at x=2, h=3, y=1.
@_export
def h27b_krose_elman(x=2, h=3, y=1):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.hidden = nn.Linear(x + h, h)
            self.out = nn.Linear(h, y)

        def forward(self, xt, context):
            hid = torch.sigmoid(self.hidden(torch.cat([xt, context])))
            return self.out(hid), hid

    return Cell()


# HaleTom/deeplearning.ai_notes:RNNs/notes/wk1.tex.md, "### Full GRU". W_c, W_u, W_r (c x (c + x))
# on [c_{t-1}, x_t] (candidate on [G_r * c_{t-1}, x_t]); b_c, b_u, b_r (c). 3c(c + x) + 3c = 195.
@_export
def h27b_hale_gru(x=7, c=5):
    return _ConcatGRU(x, c, ("u", "r", "c"))


# HaleTom/deeplearning.ai_notes:RNNs/notes/wk1.tex.md, "### LSTMs". W_c, W_u, W_f, W_o (a x (a + x))
# on [a_{t-1}, x_t]; b_c, b_u, b_f, b_o (a). Peephole only mentioned as an option. 4a(a + x) + 4a = 260.
@_export
def h27b_hale_lstm(x=7, a=5):
    return _ConcatLSTM(x, a, ("f", "u", "c", "o"))


# xintao0202/Deep-Learning-Sequence-Models:Building_a_Recurrent_Neural_Network_Step_by_Step_v3a.ipynb,
# "### Overview of gates and states". W_f, W_i, W_c, W_o (n_a x (n_a + n_x)) on [a^{<t-1>}, x^{<t>}];
# b_f, b_i, b_c, b_o (n_a). 4a(a + x) + 4a = 260 at x=7, a=5.
@_export
def h27b_dlai_lstm(x=7, a=5):
    return _ConcatLSTM(x, a, ("f", "i", "c", "o"))


# xintao0202/Deep-Learning-Sequence-Models:Building_a_Recurrent_Neural_Network_Step_by_Step_v3a.ipynb,
# "## 1.1 - RNN cell". The cell (inner box): W_aa (a x a), W_ax (a x x), b_a (a); the softmax readout
# W_ya, b_y belongs to rnn_cell_forward, not to the cell. a^2 + a*x + a = 65 at x=7, a=5.
@_export
def h27b_dlai_rnncell(x=7, a=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_aa, self.W_ax, self.b_a = _p(a, a), _p(a, x), _p(a)

        def forward(self, xt, ap):
            return torch.tanh(self.W_aa @ ap + self.W_ax @ xt + self.b_a)

    return Cell()


# muggin/dl-notes:notes/qrnn.md (Quasi-Recurrent Neural Networks notes). Marked refuse (filter width
# and pooling left open). Most plausible reading: fo-pooling with filter width k=2: masked convolutions
# for Z, F, O, each m x (k*x) with bias m. 3m(kx) + 3m = 225 at x=7, m=5, k=2.
@_export
def h27b_muggin_qrnn(x=7, m=5, k=2):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_z, self.W_f, self.W_o = _p(m, k * x), _p(m, k * x), _p(m, k * x)
            self.b_z, self.b_f, self.b_o = _p(m), _p(m), _p(m)

        def forward(self, window, cp):
            # window: the last k inputs stacked, shape (k*x,)
            z = torch.tanh(self.W_z @ window + self.b_z)
            f = torch.sigmoid(self.W_f @ window + self.b_f)
            o = torch.sigmoid(self.W_o @ window + self.b_o)
            ct = f * cp + (1 - f) * z
            return o * ct, ct

    return Cell()


# nizamphoenix/Embeddings:rnn_literature.md (GRU in prose only). Marked refuse. Most plausible reading:
# the standard GRU: W_z, W_r, W_h (h x (h + x)) and b_z, b_r, b_h (h). 3h(h + x) + 3h = 195.
@_export
def h27b_nizam_gru(x=7, h=5):
    return _ConcatGRU(x, h, ("z", "r", "h"))
