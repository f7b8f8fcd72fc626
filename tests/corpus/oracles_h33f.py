import torch
from torch import nn

__all__ = []


def _export(f):
    __all__.append(f.__name__)
    return f


def _p(*shape):
    return nn.Parameter(torch.randn(*shape) * 0.1)


# https://dhruvmsheth.github.io/projects/gpu_pogramming_curnn (blog, standard GRU before minGRU).
# W_ir, W_iz, W_in (h x x); W_hr, W_hz, W_hn (h x h); b_ir, b_hr, b_iz, b_hz, b_in, b_hn (h).
# 3h(x + h) + 6h.
@_export
def h33f_dhruv_gru(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_ir, self.W_iz, self.W_in = _p(h, x), _p(h, x), _p(h, x)
            self.W_hr, self.W_hz, self.W_hn = _p(h, h), _p(h, h), _p(h, h)
            self.b_ir, self.b_hr, self.b_iz = _p(h), _p(h), _p(h)
            self.b_hz, self.b_in, self.b_hn = _p(h), _p(h), _p(h)

        def forward(self, xt, hp):
            r = torch.sigmoid(self.W_ir @ xt + self.b_ir + self.W_hr @ hp + self.b_hr)
            z = torch.sigmoid(self.W_iz @ xt + self.b_iz + self.W_hz @ hp + self.b_hz)
            n = torch.tanh(self.W_in @ xt + self.b_in + r * (self.W_hn @ hp + self.b_hn))
            return (1 - z) * n + z * hp

    return Cell()


# https://samratkar.github.io/2025/02/19/LSTM-code.html (blog; marked refuse: no equation for \tilde C_t).
# Most plausible reading: the usual concatenated LSTM, W_f, W_i, W_o, W_C (h x (h + x)) and b_f, b_i, b_o, b_C.
# 4h(h + x + 1).
@_export
def h33f_samratkar_lstm(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_f, self.W_i, self.W_o, self.W_C = (_p(h, h + x) for _ in range(4))
            self.b_f, self.b_i, self.b_o, self.b_C = (_p(h) for _ in range(4))

        def forward(self, xt, state):
            hp, cp = state
            v = torch.cat([hp, xt])
            f = torch.sigmoid(self.W_f @ v + self.b_f)
            i = torch.sigmoid(self.W_i @ v + self.b_i)
            o = torch.sigmoid(self.W_o @ v + self.b_o)
            ct_ = torch.tanh(self.W_C @ v + self.b_C)
            c = f * cp + i * ct_
            return o * torch.tanh(c), c

    return Cell()


# https://stargazer1995.github.io/first-touch-to-mamba (blog; marked refuse: sizes and A's status open).
# Most plausible reading: a linear state-space recurrence with A (h x h, HiPPO-initialised but trained),
# B (h x x), C (y x h). h^2 + hx + yh.
@_export
def h33f_stargazer_ssm(x=7, h=5, y=3):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.A, self.B, self.C = _p(h, h), _p(h, x), _p(y, h)

        def forward(self, xt, hp):
            ht = self.A @ hp + self.B @ xt
            return self.C @ ht, ht

    return Cell()


# stored file id 21684072945 (study notes "Gating and LSTM", HTML sub/sup copy, section **LSTM**).
# W^{f,h}, W^{i,h}, W^{o,h}, W^{c,h} (h x h); W^{f,x}, W^{i,x}, W^{o,x}, W^{c,x} (h x x); no biases.
# 4h(h + x).
@_export
def h33f_gatingnotes_lstm(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.Wfh, self.Wih, self.Woh, self.Wch = (_p(h, h) for _ in range(4))
            self.Wfx, self.Wix, self.Wox, self.Wcx = (_p(h, x) for _ in range(4))

        def forward(self, xt, state):
            hp, cp = state
            f = torch.sigmoid(self.Wfh @ hp + self.Wfx @ xt)
            i = torch.sigmoid(self.Wih @ hp + self.Wix @ xt)
            o = torch.sigmoid(self.Woh @ hp + self.Wox @ xt)
            c = f * cp + i * torch.tanh(self.Wch @ hp + self.Wcx @ xt)
            return o * torch.tanh(c), c

    return Cell()


# https://devhide.com/gru-pytorch-keras-and-formula-in-wiki-are-different-64031287 (Q&A; marked refuse:
# only the h_t interpolation is written). Most plausible reading: the Keras/Torch GRU the asker compares,
# i.e. torch.nn.GRUCell(x, h). 3h(x + h) + 6h.
@_export
def h33f_devhide_gru(x=7, h=5):
    return nn.GRUCell(x, h)


# wiki.hoelee.com mirror of stats.SE 511642, the d2l.ai formulation. W_xr, W_xz, W_xh (X x H);
# W_hr, W_hz, W_hh (H x H); b_r, b_z, b_h (H). Row-vector convention. 3(XH + H^2 + H).
@_export
def h33f_cvgru_d2l(X=7, H=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_xr, self.W_xz, self.W_xh = _p(X, H), _p(X, H), _p(X, H)
            self.W_hr, self.W_hz, self.W_hh = _p(H, H), _p(H, H), _p(H, H)
            self.b_r, self.b_z, self.b_h = _p(H), _p(H), _p(H)

        def forward(self, xt, hp):
            R = torch.sigmoid(xt @ self.W_xr + hp @ self.W_hr + self.b_r)
            Z = torch.sigmoid(xt @ self.W_xz + hp @ self.W_hz + self.b_z)
            Ht = torch.tanh(xt @ self.W_xh + (R * hp) @ self.W_hh + self.b_h)
            return Z * hp + (1 - Z) * Ht

    return Cell()


# wiki.hoelee.com mirror of stats.SE 511642, the Wikipedia formulation. W_z, W_r, W_h (h x x);
# U_z, U_r, U_h (h x h); b_z, b_r, b_h (h); sigma_g, phi_h parameter-free. 3(hx + h^2 + h).
@_export
def h33f_cvgru_wiki(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_z, self.W_r, self.W_h = _p(h, x), _p(h, x), _p(h, x)
            self.U_z, self.U_r, self.U_h = _p(h, h), _p(h, h), _p(h, h)
            self.b_z, self.b_r, self.b_h = _p(h), _p(h), _p(h)

        def forward(self, xt, hp):
            z = torch.sigmoid(self.W_z @ xt + self.U_z @ hp + self.b_z)
            r = torch.sigmoid(self.W_r @ xt + self.U_r @ hp + self.b_r)
            hh = torch.tanh(self.W_h @ xt + self.U_h @ (r * hp) + self.b_h)
            return (1 - z) * hp + z * hh

    return Cell()


# https://stats.stackexchange.com/questions/581501/ (Q&A; marked refuse: equations only as an image).
# Most plausible reading: Keras GRU with reset_after=True (the printed bias has two rows): kernel
# (x x 3h), recurrent kernel (h x 3h), bias (2 x 3h). 3h(x + h) + 6h.
@_export
def h33f_cvkeras_gru(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.kernel, self.recurrent_kernel, self.bias = _p(x, 3 * h), _p(h, 3 * h), _p(2, 3 * h)

        def forward(self, xt, hp):
            xi = xt @ self.kernel + self.bias[0]
            hi = hp @ self.recurrent_kernel + self.bias[1]
            xz, xr, xh = xi.chunk(3, -1)
            hz, hr, hh = hi.chunk(3, -1)
            z = torch.sigmoid(xz + hz)
            r = torch.sigmoid(xr + hr)
            c = torch.tanh(xh + r * hh)
            return z * hp + (1 - z) * c

    return Cell()


# vikrambajaj22.gitbooks.io Deep Learning Specialization notes, "RNN Structure". W_aa (a x a),
# W_az (a x x, the input weight), b_a (a), W_ya (y x a), b_y (y). a^2 + ax + a + ya + y.
@_export
def h33f_vikram_rnn(a=5, x=7, y=3):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_aa, self.W_az, self.b_a = _p(a, a), _p(a, x), _p(a)
            self.W_ya, self.b_y = _p(y, a), _p(y)

        def forward(self, xt, ap):
            at = torch.tanh(self.W_aa @ ap + self.W_az @ xt + self.b_a)
            return torch.softmax(self.W_ya @ at + self.b_y, -1), at

    return Cell()


# http://keplerc.com/2017/09/22/tensorflow-2017/ (blog notes, Hands-On ML ch. 12). Wx (X x Y),
# Wy (Y x Y), b (Y), row-vector convention. XY + Y^2 + Y.
@_export
def h33f_keplerc_rnn(X=7, Y=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.Wx, self.Wy, self.b = _p(X, Y), _p(Y, Y), _p(Y)

        def forward(self, xt, yp):
            return torch.tanh(yp @ self.Wy + xt @ self.Wx + self.b)

    return Cell()


# KenyonY/my-deep-learning:RNN/简单实现一个RNN.ipynb, markdown cell 1 (RNN pseudocode). W (state x input),
# U (state x state), b (state); activation parameter-free. state*input + state^2 + state.
@_export
def h33f_kenyony_rnn(input=7, state=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W, self.U, self.b = _p(state, input), _p(state, state), _p(state)

        def forward(self, xt, st):
            return torch.tanh(self.W @ xt + self.U @ st + self.b)

    return Cell()


# pabloinsente/nn-mod-cog:notebooks/recurrent-net.ipynb (blog chapter, LSTM "Mathematical formalization").
# W_xf, W_xi, W_xc, W_xo (d -> h); W_hf, W_hi, W_hc, W_ho (h -> h); b_f, b_i, b_c, b_o (h); O_t = o_t.
# k and n name no weight. 4(dh + h^2 + h).
@_export
def h33f_pablo_lstm(d=7, h=5, k=3, n=11):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_xf, self.W_xi, self.W_xc, self.W_xo = (_p(h, d) for _ in range(4))
            self.W_hf, self.W_hi, self.W_hc, self.W_ho = (_p(h, h) for _ in range(4))
            self.b_f, self.b_i, self.b_c, self.b_o = (_p(h) for _ in range(4))

        def forward(self, xt, state):
            hp, cp = state
            f = torch.sigmoid(self.W_xf @ xt + self.W_hf @ hp + self.b_f)
            i = torch.sigmoid(self.W_xi @ xt + self.W_hi @ hp + self.b_i)
            ct_ = torch.tanh(self.W_xc @ xt + self.W_hc @ hp + self.b_c)
            o = torch.sigmoid(self.W_xo @ xt + self.W_ho @ hp + self.b_o)
            c = cp * f + i * ct_
            return o * torch.tanh(c), c

    return Cell()


# pabloinsente/nn-mod-cog:notebooks/recurrent-net.ipynb, BPTT section's simplified RNN. W_hh (h x h),
# W_xh (h x x), b_h (h), W_hz (z x h), b_z (z): the five sets the text lists. h^2 + hx + h + zh + z.
@_export
def h33f_pablo_rnn(x=7, h=5, z=3):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_hh, self.W_xh, self.b_h = _p(h, h), _p(h, x), _p(h)
            self.W_hz, self.b_z = _p(z, h), _p(z)

        def forward(self, xt, hp):
            ht = torch.sigmoid(self.W_hh @ hp + self.W_xh @ xt + self.b_h)
            return self.W_hz @ ht + self.b_z, ht

    return Cell()
