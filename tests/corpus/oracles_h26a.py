import torch
from torch import nn

__all__ = []


def _export(f):
    __all__.append(f.__name__)
    return f


def _p(*shape):
    return nn.Parameter(torch.randn(*shape) * 0.1)


# mravanba/comp551-notebooks:RNN.ipynb, markdown cell 9. Vanilla RNN cell h_t = tanh(W_ih x_t + W_hh h_{t-1} + b):
# W_ih (h x x), W_hh (h x h), one bias b (h). The embedding and fully connected layers are not the cell.
# Count h*x + h*h + h.
@_export
def h26a_comp551_rnn(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_ih, self.W_hh, self.b = _p(h, x), _p(h, h), _p(h)

        def forward(self, xt, hp):
            return torch.tanh(self.W_ih @ xt + self.W_hh @ hp + self.b)

    return Cell()


# bentrevett/pytorch-seq2seq:legacy/2 - Learning Phrase Representations ....ipynb, markdown cell 19 (marked refuse:
# the GRU is an opaque function). Most plausible reading: PyTorch's nn.GRU used by the tutorial, 3h(x + h + 2).
@_export
def h26a_seq2seq2_gru(x=7, h=5):
    return nn.GRU(x, h)


# kmkarakaya/Deep-Learning-Tutorials:LSTM_Understanding_the_Number_of_Parameters.ipynb, cells 23-25. Four gate
# functions, each with W (h x x), U (h x h) and b (h); Keras LSTM. Count 4((x + h)h + h).
@_export
def h26a_kmkarakaya_lstm(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            for g in "fioc":
                setattr(self, "W_" + g, _p(h, x))
                setattr(self, "U_" + g, _p(h, h))
                setattr(self, "b_" + g, _p(h))

        def gate(self, g, xt, hp):
            return getattr(self, "W_" + g) @ xt + getattr(self, "U_" + g) @ hp + getattr(self, "b_" + g)

        def forward(self, xt, hp, cp):
            f = torch.sigmoid(self.gate("f", xt, hp))
            i = torch.sigmoid(self.gate("i", xt, hp))
            o = torch.sigmoid(self.gate("o", xt, hp))
            ct = torch.tanh(self.gate("c", xt, hp))
            c = f * cp + i * ct
            return o * torch.tanh(c), c

    return Cell()


# rickiepark/handson-ml2:book_equations.ipynb, cell 13, Equations 14-1/14-2. Recurrent layer
# y_t = phi(W_x^T x_t + W_y^T y_{t-1} + b): W_x (x x y), W_y (y x y), b (y). Count x*y + y*y + y.
@_export
def h26a_hombookeq_rnn(x=7, y=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_x, self.W_y, self.b = _p(x, y), _p(y, y), _p(y)

        def forward(self, xt, yp):
            return torch.tanh(self.W_x.T @ xt + self.W_y.T @ yp + self.b)

    return Cell()


# rickiepark/handson-ml2:book_equations.ipynb, cell 13, Equation 14-3 LSTM: W_x{i,f,o,g} (x x h),
# W_h{i,f,o,g} (h x h), b_{i,f,o,g} (h). Count 4(x*h + h*h + h).
@_export
def h26a_hombookeq_lstm(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            for g in "ifog":
                setattr(self, "W_x" + g, _p(x, h))
                setattr(self, "W_h" + g, _p(h, h))
                setattr(self, "b_" + g, _p(h))

        def pre(self, g, xt, hp):
            return getattr(self, "W_x" + g).T @ xt + getattr(self, "W_h" + g).T @ hp + getattr(self, "b_" + g)

        def forward(self, xt, hp, cp):
            i = torch.sigmoid(self.pre("i", xt, hp))
            f = torch.sigmoid(self.pre("f", xt, hp))
            o = torch.sigmoid(self.pre("o", xt, hp))
            g = torch.tanh(self.pre("g", xt, hp))
            c = f * cp + i * g
            return o * torch.tanh(c), c

    return Cell()


# rickiepark/handson-ml2:book_equations.ipynb, cell 13, Equation 14-4 GRU, no biases: W_x{z,r,g} (x x h),
# W_h{z,r,g} (h x h). Count 3(x*h + h*h).
@_export
def h26a_hombookeq_gru(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            for g in "zrg":
                setattr(self, "W_x" + g, _p(x, h))
                setattr(self, "W_h" + g, _p(h, h))

        def forward(self, xt, hp):
            z = torch.sigmoid(self.W_xz.T @ xt + self.W_hz.T @ hp)
            r = torch.sigmoid(self.W_xr.T @ xt + self.W_hr.T @ hp)
            g = torch.tanh(self.W_xg.T @ xt + self.W_hg.T @ (r * hp))
            return (1 - z) * hp + z * g

    return Cell()


# llSourcell/LSTM_Networks:LSTM Demo.ipynb, markdown cell 0 (marked refuse: equations only as images). Most
# plausible reading: a standard LSTM with input, forget, output gates and candidate, W (h x (x + h)) and b (h) each,
# 4h(x + h + 1).
@_export
def h26a_siraj_lstm(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W = _p(4 * h, x + h)
            self.b = _p(4 * h)

        def forward(self, xt, hp, cp):
            f, i, o, g = (self.W @ torch.cat([xt, hp]) + self.b).chunk(4)
            c = torch.sigmoid(f) * cp + torch.sigmoid(i) * torch.tanh(g)
            return torch.sigmoid(o) * torch.tanh(c), c

    return Cell()


# anuragtiwari890/ml-dl-gen-ai:05-lstm-intiution/8_lstm_gru.ipynb, cell 0. GRU with concatenated inputs:
# W_r, W_z (H x (H + X)), W_h (H x (H + X)) on [R_t * H_{t-1}, X_t], biases b_r, b_z, b_h (H). Count 3(H(H + X) + H).
@_export
def h26a_anurag_gru(X=7, H=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_r, self.b_r = _p(H, H + X), _p(H)
            self.W_z, self.b_z = _p(H, H + X), _p(H)
            self.W_h, self.b_h = _p(H, H + X), _p(H)

        def forward(self, xt, hp):
            r = torch.sigmoid(self.W_r @ torch.cat([hp, xt]) + self.b_r)
            cand = torch.tanh(self.W_h @ torch.cat([r * hp, xt]) + self.b_h)
            z = torch.sigmoid(self.W_z @ torch.cat([hp, xt]) + self.b_z)
            return z * hp + (1 - z) * cand

    return Cell()


# anuragtiwari890/ml-dl-gen-ai:05-lstm-intiution/7_lstm-variations.ipynb, cell 0 (marked refuse: candidate and cell
# update missing). Most plausible reading: gates W_{f,i,o} (H x (2H + X)) on [H_{t-1}, X_t, C], b_{f,i,o} (H), plus
# a standard candidate W_C (H x (H + X)), b_C. Count 3(H(2H + X) + H) + H(H + X) + H.
@_export
def h26a_anurag_peephole(X=7, H=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_f, self.b_f = _p(H, 2 * H + X), _p(H)
            self.W_i, self.b_i = _p(H, 2 * H + X), _p(H)
            self.W_o, self.b_o = _p(H, 2 * H + X), _p(H)
            self.W_C, self.b_C = _p(H, H + X), _p(H)

        def forward(self, xt, hp, cp):
            f = torch.sigmoid(self.W_f @ torch.cat([hp, xt, cp]) + self.b_f)
            i = torch.sigmoid(self.W_i @ torch.cat([hp, xt, cp]) + self.b_i)
            c = f * cp + i * torch.tanh(self.W_C @ torch.cat([hp, xt]) + self.b_C)
            o = torch.sigmoid(self.W_o @ torch.cat([hp, xt, c]) + self.b_o)
            return o * torch.tanh(c), c

    return Cell()


# ahmadrazacdx/seq-modeling-from-scratch:char_level_lm/03_GRU_NumPy.ipynb, cells 7/10/13. GRU on [h_{t-1}; x_t] with
# x_t one-hot of size V: W_u, W_r, W_h (H x (H + V)), b_u, b_r, b_h (H), output W_y (V x H), b_y (V).
# Count 3H(H + V) + 3H + VH + V (the text's own total).
@_export
def h26a_seqscratch_gru(V=7, H=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_u, self.b_u = _p(H, H + V), _p(H)
            self.W_r, self.b_r = _p(H, H + V), _p(H)
            self.W_h, self.b_h = _p(H, H + V), _p(H)
            self.W_y, self.b_y = _p(V, H), _p(V)

        def forward(self, xt, hp):
            u = torch.sigmoid(self.W_u @ torch.cat([hp, xt]) + self.b_u)
            r = torch.sigmoid(self.W_r @ torch.cat([hp, xt]) + self.b_r)
            ht = torch.tanh(self.W_h @ torch.cat([r * hp, xt]) + self.b_h)
            h = (1 - u) * hp + u * ht
            return h, self.W_y @ h + self.b_y

    return Cell()


# ahmadrazacdx/seq-modeling-from-scratch:word_level_lm/02_LSTM_NumPy.ipynb, cells 7/10/13. Embedding W_emb (V x E),
# LSTM on z_t = [h_{t-1}; e_t]: W_f, W_i, W_c, W_o (H x (H + E)), b_f, b_i, b_c, b_o (H), output W_y (V x H), b_y (V).
# Count VE + 4H(H + E) + 4H + VH + V (the text's own total).
@_export
def h26a_seqscratch_lstm(V=9, E=7, H=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_emb = _p(V, E)
            for g in "fico":
                setattr(self, "W_" + g, _p(H, H + E))
                setattr(self, "b_" + g, _p(H))
            self.W_y, self.b_y = _p(V, H), _p(V)

        def forward(self, word_idx, hp, cp):
            z = torch.cat([hp, self.W_emb[word_idx]])
            f = torch.sigmoid(self.W_f @ z + self.b_f)
            i = torch.sigmoid(self.W_i @ z + self.b_i)
            ct = torch.tanh(self.W_c @ z + self.b_c)
            c = f * cp + i * ct
            o = torch.sigmoid(self.W_o @ z + self.b_o)
            h = o * torch.tanh(c)
            return h, c, self.W_y @ h + self.b_y

    return Cell()


# knxghtly/python-tensorflow-MLDL-Study:[10]LSTM_&_GRU.ipynb, cell 1 (marked refuse: gates have no inputs or
# shapes). Most plausible reading: the Keras/PyTorch LSTM the notebook then uses, nn.LSTM(x, h): 4h(x + h + 2).
@_export
def h26a_knxghtly_lstm(x=7, h=5):
    return nn.LSTM(x, h)
