import torch
from torch import nn

__all__ = []


def _export(f):
    __all__.append(f.__name__)
    return f


def _p(*shape):
    return nn.Parameter(torch.randn(*shape) * 0.1)


# stored file id 59595887290 (Russian design document, "P3 — Regulator Cell — упрощённый GRU").
# x = [triggers(53), h_prev(10), energy(6)] (69). Wz, Wr (h x 69) with bz, br; the candidate reads
# xr = [triggers, r*h, energy] (69): Wh (h x 69), bh. 3 h (triggers + h + energy + 1) = 2100.
@_export
def h29c_ru_regulator_gru(triggers=53, h=10, energy=6):
    n = triggers + h + energy

    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.Wz, self.bz = _p(h, n), _p(h)
            self.Wr, self.br = _p(h, n), _p(h)
            self.Wh, self.bh = _p(h, n), _p(h)

        def forward(self, trig, hp, en):
            x = torch.cat([trig, hp, en])
            z = torch.sigmoid(self.Wz @ x + self.bz)
            r = torch.sigmoid(self.Wr @ x + self.br)
            xr = torch.cat([trig, r * hp, en])
            hc = torch.tanh(self.Wh @ xr + self.bh)
            return (1 - z) * hp + z * hc

    return Cell()


# stored file id 9645748046 (Chinese book draft, 3.2 LSTM). W_f, W_i, W_o, W_c each h x (h + x) on
# [h_{t-1}, x_t], biases b_f, b_i, b_o, b_c. 4 h (h + x + 1) = 260.
@_export
def h29c_zhbook_lstm(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            for g in "fioc":
                setattr(self, "W_" + g, _p(h, h + x))
                setattr(self, "b_" + g, _p(h))

        def forward(self, xt, hp, cp):
            v = torch.cat([hp, xt])
            f = torch.sigmoid(self.W_f @ v + self.b_f)
            i = torch.sigmoid(self.W_i @ v + self.b_i)
            o = torch.sigmoid(self.W_o @ v + self.b_o)
            c = f * cp + i * torch.sigmoid(self.W_c @ v + self.b_c)
            return o * torch.sigmoid(c), c

    return Cell()


# stored file id 9645748046 (Chinese book draft, 3.3 GRU). W_r, W_z, W each h x (h + x), biases b_r,
# b_z, b. 3 h (h + x + 1) = 195.
@_export
def h29c_zhbook_gru(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_r, self.b_r = _p(h, h + x), _p(h)
            self.W_z, self.b_z = _p(h, h + x), _p(h)
            self.W, self.b = _p(h, h + x), _p(h)

        def forward(self, xt, hp):
            v = torch.cat([hp, xt])
            r = torch.sigmoid(self.W_r @ v + self.b_r)
            z = torch.sigmoid(self.W_z @ v + self.b_z)
            ht = torch.sigmoid(self.W @ torch.cat([r * hp, xt]) + self.b)
            return z * hp + (1 - z) * ht

    return Cell()


# stored file id 16224318970 (Chinese d2l study notes, LSTM "diary" analogy). Marked refuse: only f1, f2 and
# c_t are written. Most plausible reading: a standard LSTM on [s_{t-1}; x_t] with w_1, b_1 (forget),
# w_2, b_2 (input), w2_hat, b2_hat (candidate) and an output gate w_3, b_3 from the images.
# 4 s (s + x + 1) = 260 (not checked).
@_export
def h29c_zhd2lnote_lstm(x=7, s=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.w_1, self.b_1 = _p(s, s + x), _p(s)
            self.w_2, self.b_2 = _p(s, s + x), _p(s)
            self.w2_hat, self.b2_hat = _p(s, s + x), _p(s)
            self.w_3, self.b_3 = _p(s, s + x), _p(s)

        def forward(self, xt, sp, cp):
            v = torch.cat([sp, xt])
            f1 = torch.sigmoid(self.w_1 @ v + self.b_1)
            f2 = torch.sigmoid(self.w_2 @ v + self.b_2) * torch.tanh(self.w2_hat @ v + self.b2_hat)
            c = f1 * cp + f2
            o = torch.sigmoid(self.w_3 @ v + self.b_3)
            return o * torch.tanh(c), c

    return Cell()


def _lstm4(xn, hn):
    """Four gates (o, f, i, g), each with an input weight (x -> h), a recurrent weight (h -> h) and a bias."""

    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            for g in "ofig":
                setattr(self, "Wx" + g, _p(xn, hn))
                setattr(self, "Wh" + g, _p(hn, hn))
                setattr(self, "B" + g, _p(hn))

        def gate(self, g, x, h):
            return x @ getattr(self, "Wx" + g) + h @ getattr(self, "Wh" + g) + getattr(self, "B" + g)

        def forward(self, x, h, c):
            o = torch.sigmoid(self.gate("o", x, h))
            f = torch.sigmoid(self.gate("f", x, h))
            i = torch.sigmoid(self.gate("i", x, h))
            g = torch.tanh(self.gate("g", x, h))
            c = f * c + i * g
            return o * torch.tanh(c), c

    return Cell()


# https://kakuma.blog/?p=1588 (Japanese notes, Deep Learning from scratch 2 ch. 6). o, f, i, g each with
# Wx* (X x H), Wh* (H x H), B* (H), row-vector convention Xt Wx + Ht-1 Wh + B. 4 H (X + H + 1) = 260.
@_export
def h29c_kakuma_lstm(X=7, H=5):
    return _lstm4(X, H)


# https://white-azalea.hatenablog.jp/entry/2021/09/27/224656 (Japanese blog, formulas were images).
# Marked refuse. Most plausible reading: the standard LSTM of the book it follows (four gates, W and B each
# on x and the previous output). 4 h (x + h + 1) = 260 (not checked).
@_export
def h29c_whiteazalea_lstm(x=7, h=5):
    return _lstm4(x, h)


# PaddlePaddle/docs dynamic_gru_cn.rst (paddle.fluid.layers.dynamic_gru, Chinese). The op holds only the
# recurrent weights W_uh, W_rh, W_ch (stored as one [D, 3D] tensor) and b_u, b_r, b_c ([1, 3D]); the
# W_*x x_t terms come from a preceding fc layer outside the op. 3 D (D + 1) = 90.
@_export
def h29c_paddle_dynamicgru(D=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_uh, self.W_rh, self.W_ch = _p(D, D), _p(D, D), _p(D, D)
            self.b_u, self.b_r, self.b_c = _p(D), _p(D), _p(D)

        def forward(self, xproj, hp):
            xu, xr, xc = xproj.chunk(3)
            u = torch.sigmoid(xu + hp @ self.W_uh + self.b_u)
            r = torch.sigmoid(xr + hp @ self.W_rh + self.b_r)
            hc = torch.tanh(xc + (r * hp) @ self.W_ch + self.b_c)
            return (1 - u) * hp + u * hc

    return Cell()


# mindspore.nn.LSTM (Chinese API reference): W_*x (h x x), b_*x, W_*h (h x h), b_*h for i, f, c, o; the
# same parameter set as torch.nn.LSTM. 4 h (x + h + 2) = 280.
@_export
def h29c_mindspore_lstm(x=7, h=5):
    return nn.LSTM(x, h)


# mindspore.nn.RNN (Chinese API reference): W_ih (h x x), b_ih, W_hh (h x h), b_hh; as torch.nn.RNN.
# h (x + h + 2) = 70.
@_export
def h29c_mindspore_rnn(x=7, h=5):
    return nn.RNN(x, h)


# d2l-vi rnn_vn.md (Vietnamese d2l, RNN with hidden state). W_xh (d x h), W_hh (h x h), b_h (h), output layer
# W_hq (h x q), b_q (q). d h + h h + h + h q + q = 83.
@_export
def h29c_d2lvi_rnn(d=7, h=5, q=3):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_xh, self.W_hh, self.b_h = _p(d, h), _p(h, h), _p(h)
            self.W_hq, self.b_q = _p(h, q), _p(q)

        def forward(self, X, H):
            H = torch.tanh(X @ self.W_xh + H @ self.W_hh + self.b_h)
            return H, H @ self.W_hq + self.b_q

    return Cell()


# d2l-tr bi-rnn.md (Turkish d2l, bidirectional RNN definition). Forward W_xh^(f) (d x h), W_hh^(f) (h x h),
# b_h^(f); backward W_xh^(b), W_hh^(b), b_h^(b); output W_hq (2h x q), b_q. 2 (d h + h h + h) + 2 h q + q = 163.
@_export
def h29c_d2ltr_birnn(d=7, h=5, q=3):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_xh_f, self.W_hh_f, self.b_h_f = _p(d, h), _p(h, h), _p(h)
            self.W_xh_b, self.W_hh_b, self.b_h_b = _p(d, h), _p(h, h), _p(h)
            self.W_hq, self.b_q = _p(2 * h, q), _p(q)

        def forward(self, X, Hf, Hb):
            Hf = torch.tanh(X @ self.W_xh_f + Hf @ self.W_hh_f + self.b_h_f)
            Hb = torch.tanh(X @ self.W_xh_b + Hb @ self.W_hh_b + self.b_h_b)
            H = torch.cat([Hf, Hb], -1)
            return Hf, Hb, H @ self.W_hq + self.b_q

    return Cell()


# d2l-ko deep-rnn.md (Korean d2l, deep RNN). Marked refuse (W_xh^{(l)} stated h x h for every l although
# H^{(0)} = X_t has d columns; L open). Most plausible reading: layer 1 W_xh (d x h), layers 2..L W_xh (h x h),
# each with W_hh (h x h), b_h (h); output W_hq (h x q), b_q. (d h + h h + h) + (L-1)(2 h h + h) + h q + q
# = 65 + 55 + 18 = 138 (not checked).
@_export
def h29c_d2lko_deeprnn(d=7, h=5, q=3, L=2):
    class Net(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_xh = nn.ParameterList([_p(d if l == 0 else h, h) for l in range(L)])
            self.W_hh = nn.ParameterList([_p(h, h) for _ in range(L)])
            self.b_h = nn.ParameterList([_p(h) for _ in range(L)])
            self.W_hq, self.b_q = _p(h, q), _p(q)

        def forward(self, X, Hs):
            out, inp = [], X
            for l in range(L):
                inp = torch.tanh(inp @ self.W_xh[l] + Hs[l] @ self.W_hh[l] + self.b_h[l])
                out.append(inp)
            return out, inp @ self.W_hq + self.b_q

    return Net()


# csd81/d2l-hu-chapters lstm.md (Hungarian d2l). W_xi, W_xf, W_xo, W_xc (d x h), W_hi, W_hf, W_ho, W_hc
# (h x h), b_i, b_f, b_o, b_c (h). 4 h (d + h + 1) = 260.
@_export
def h29c_d2lhu_lstm(d=7, h=5):
    return _lstm4(d, h)
