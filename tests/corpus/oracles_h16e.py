import torch
from torch import nn

__all__ = []


def _export(f):
    __all__.append(f.__name__)
    return f


def _p(*shape):
    return nn.Parameter(torch.randn(*shape) * 0.1)


# stored file id 44039883835 (CSC5991 Lecture 2 student notes, sec. 4.1 Vanilla RNN). Table of shapes:
# V (d_h, d_in), W (d_h, d_h), U (d_out, d_h), b_h (d_h, 1), b_y (d_out, 1), all learnable; f_h = tanh,
# f_y = softmax. d_h d_in + d_h^2 + d_out d_h + d_h + d_out.
@_export
def h16e_csc5991_vanilla_rnn(d_in=7, d_h=5, d_out=3):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.V = _p(d_h, d_in)
            self.W = _p(d_h, d_h)
            self.U = _p(d_out, d_h)
            self.b_h = _p(d_h)
            self.b_y = _p(d_out)

        def forward(self, xt, hp):
            h = torch.tanh(self.V @ xt + self.W @ hp + self.b_h)
            y = torch.softmax(self.U @ h + self.b_y, dim=-1)
            return y, h

    return Cell()


# stored file id 44039883835 (CSC5991 Lecture 2 student notes, secs. 8.2-8.4 GRU). W_r, W_z act on
# [h_{t-1}, x_t], W_h on [r_t * h_{t-1}, x_t]: each h x (h + x); one bias per gate (size h by the sum).
# 3h(h + x + 1).
@_export
def h16e_csc5991_gru_concat(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_r = _p(h, h + x)
            self.b_r = _p(h)
            self.W_z = _p(h, h + x)
            self.b_z = _p(h)
            self.W_h = _p(h, h + x)
            self.b_h = _p(h)

        def forward(self, xt, hp):
            hx = torch.cat([hp, xt])
            r = torch.sigmoid(self.W_r @ hx + self.b_r)
            z = torch.sigmoid(self.W_z @ hx + self.b_z)
            ht = torch.tanh(self.W_h @ torch.cat([r * hp, xt]) + self.b_h)
            return z * hp + (1 - z) * ht

    return Cell()


# rtavenar/tsX-contents:slides/02.typ (GRU slide; refuse: the gate pre-activations are drawn glyphs, only
# "Linear combination of x_t and h_(t-1)", their weights (matrices? scalars? bias?) never written).
# One plausible reading: each gate sigma(W_g x + R_g h), no bias; candidate phi(W x + R (r * h)).
# 3(hx + h^2).
@_export
def h16e_tsx_gru_disk(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_z = _p(h, x)
            self.R_z = _p(h, h)
            self.W_r = _p(h, x)
            self.R_r = _p(h, h)
            self.W = _p(h, x)
            self.R = _p(h, h)

        def forward(self, xt, hp):
            z = torch.sigmoid(self.W_z @ xt + self.R_z @ hp)
            r = torch.sigmoid(self.W_r @ xt + self.R_r @ hp)
            ht = torch.tanh(self.W @ xt + self.R @ (r * hp))
            return (1 - z) * hp + z * ht

    return Cell()


# pengsihua2023/Deep-Learning-Lecture-Notes-English: Beginner 4 GRU (refuse: the candidate hidden state is
# only an image; its weights are never written). One plausible reading: z, r as written (W on [h, x], one
# bias each) and the candidate tanh(W_h [r * h, x] + b_h). 3h(h + x + 1).
@_export
def h16e_dlnotes_gru_imgcandidate(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_z = _p(h, h + x)
            self.b_z = _p(h)
            self.W_r = _p(h, h + x)
            self.b_r = _p(h)
            self.W_h = _p(h, h + x)
            self.b_h = _p(h)

        def forward(self, xt, hp):
            hx = torch.cat([hp, xt])
            z = torch.sigmoid(self.W_z @ hx + self.b_z)
            r = torch.sigmoid(self.W_r @ hx + self.b_r)
            ht = torch.tanh(self.W_h @ torch.cat([r * hp, xt]) + self.b_h)
            return (1 - z) * hp + z * ht

    return Cell()


# pengsihua2023/Deep-Learning-Lecture-Notes-English: Beginner 3 RNN, Basic Formula. W_xh (h x x),
# W_hh (h x h), b_h (h); output y_t = W_hy h_t + b_y with W_hy (y x h), b_y (y); softmax on top.
# hx + h^2 + h + yh + y.
@_export
def h16e_dlnotes_rnn_output(x=7, h=5, y=3):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_xh = _p(h, x)
            self.W_hh = _p(h, h)
            self.b_h = _p(h)
            self.W_hy = _p(y, h)
            self.b_y = _p(y)

        def forward(self, xt, hp):
            ht = torch.tanh(self.W_xh @ xt + self.W_hh @ hp + self.b_h)
            yt = self.W_hy @ ht + self.b_y
            return torch.softmax(yt, dim=-1), ht

    return Cell()


# stored file id 6303276705 (textbook chapter "GRU Gates: Update and Reset"). W_z, W_r on [h_{t-1}, x_t],
# W_h on [r_t * h_{t-1}, x_t]: each h x (h + x); biases b_z, b_r, b_h (size h). 3h(h + x + 1).
@_export
def h16e_grugates_gru_concat(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_z = _p(h, h + x)
            self.b_z = _p(h)
            self.W_r = _p(h, h + x)
            self.b_r = _p(h)
            self.W_h = _p(h, h + x)
            self.b_h = _p(h)

        def forward(self, xt, hp):
            hx = torch.cat([hp, xt])
            z = torch.sigmoid(self.W_z @ hx + self.b_z)
            r = torch.sigmoid(self.W_r @ hx + self.b_r)
            ht = torch.tanh(self.W_h @ torch.cat([r * hp, xt]) + self.b_h)
            return (1 - z) * hp + z * ht

    return Cell()
