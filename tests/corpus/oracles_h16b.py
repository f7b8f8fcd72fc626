import torch
from torch import nn

__all__ = []


def _export(f):
    __all__.append(f.__name__)
    return f


def _p(*shape):
    return nn.Parameter(torch.randn(*shape) * 0.1)


# stored file id 54014111811 (Korean lecture notes "Lecture 10. 주요 신경망 구조", LSTM). One stacked W maps
# (h_{t-1}; x_t) to (i, f, o, g): W is 4h x (h + x); no bias written. 4h(h + x).
@_export
def h16b_kolec10_lstm(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W = _p(4 * h, h + x)

        def forward(self, xt, hp, cp):
            a = self.W @ torch.cat([hp, xt])
            i, f, o, g = a.split(h)
            i, f, o, g = torch.sigmoid(i), torch.sigmoid(f), torch.sigmoid(o), torch.tanh(g)
            c = f * cp + i * g
            return o * torch.tanh(c), c

    return Cell()


# stored file id 54014111811 (same notes, GRU). W_r, W_z, W: h x (h + x) on [h_{t-1}, x_t]; no bias.
# 3h(h + x).
@_export
def h16b_kolec10_gru(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_r = _p(h, h + x)
            self.W_z = _p(h, h + x)
            self.W = _p(h, h + x)

        def forward(self, xt, hp):
            hx = torch.cat([hp, xt])
            r = torch.sigmoid(self.W_r @ hx)
            z = torch.sigmoid(self.W_z @ hx)
            hc = torch.tanh(self.W @ torch.cat([r * hp, xt]))
            return (1 - z) * hp + z * hc

    return Cell()


# stored file id 173964879 (Korean blog post "RNN & LSTM", LSTM) (refuse: the text says the bias terms were
# left out "for convenience", so the cell has biases the equations do not show, in a form never given).
# One plausible reading: W_{x*}: h x x, W_{h*}: h x h for i, g, f, o, plus one bias b per gate.
# 4h(x + h) + 4h.
@_export
def h16b_kobiasomit_lstm(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            for g in "igfo":
                setattr(self, "W_x" + g, _p(h, x))
                setattr(self, "W_h" + g, _p(h, h))
                setattr(self, "b_" + g, _p(h))

        def _a(self, g, xt, hp):
            return getattr(self, "W_x" + g) @ xt + getattr(self, "W_h" + g) @ hp + getattr(self, "b_" + g)

        def forward(self, xt, hp, cp):
            i = torch.sigmoid(self._a("i", xt, hp))
            g = torch.tanh(self._a("g", xt, hp))
            f = torch.sigmoid(self._a("f", xt, hp))
            o = torch.sigmoid(self._a("o", xt, hp))
            c = f * cp + i * g
            return o * torch.tanh(c), c

    return Cell()


# stored file id 41879847044 (Russian python-docx lab report script, RNN formula).
# h_t = tanh(W_hh h_{t-1} + W_xh x_t + b_h): W_hh h x h, W_xh h x x, one bias. h(h + x + 1).
@_export
def h16b_rulabreport_rnn(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_hh = _p(h, h)
            self.W_xh = _p(h, x)
            self.b_h = _p(h)

        def forward(self, xt, hp):
            return torch.tanh(self.W_hh @ hp + self.W_xh @ xt + self.b_h)

    return Cell()


# stored file id 41879847044 (same script, LSTM). W_f, W_i, W_C, W_o: h x (h + x) on [h_{t-1}, x_t],
# one bias per gate. 4h(h + x + 1).
@_export
def h16b_rulabreport_lstm(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            for g in "fiCo":
                setattr(self, "W_" + g, _p(h, h + x))
                setattr(self, "b_" + g, _p(h))

        def _a(self, g, hx):
            return getattr(self, "W_" + g) @ hx + getattr(self, "b_" + g)

        def forward(self, xt, hp, cp):
            hx = torch.cat([hp, xt])
            f = torch.sigmoid(self._a("f", hx))
            i = torch.sigmoid(self._a("i", hx))
            cc = torch.tanh(self._a("C", hx))
            o = torch.sigmoid(self._a("o", hx))
            c = f * cp + i * cc
            return o * torch.tanh(c), c

    return Cell()


# stored file id 30980447986 (Chinese GRU blog article, 1.1 RNN 的问题). y_t = W_yy y_{t-1} + W_yh h_{t-1} + b_y,
# h_t = tanh(W_hy y_t + W_hh h_{t-1} + b_h): W_yy y x y, W_yh y x h, W_hy h x y, W_hh h x h, b_y, b_h.
# (y + h)^2 + y + h.
@_export
def h16b_zhgrublog_rnn(y=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_yy = _p(y, y)
            self.W_yh = _p(y, h)
            self.b_y = _p(y)
            self.W_hy = _p(h, y)
            self.W_hh = _p(h, h)
            self.b_h = _p(h)

        def forward(self, yp, hp):
            yt = self.W_yy @ yp + self.W_yh @ hp + self.b_y
            ht = torch.tanh(self.W_hy @ yt + self.W_hh @ hp + self.b_h)
            return yt, ht

    return Cell()


# stored file id 30980447986 (same article, 2.1 GRU 的基本结构). Input written y_t. W_zz, W_rz, W_{y h~}: h x y;
# W_zh, W_rh, W_{h~ h}: h x h; b_z, b_r, b_{h~}: h. 3h(y + h + 1).
@_export
def h16b_zhgrublog_gru(y=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_zz = _p(h, y)
            self.W_zh = _p(h, h)
            self.b_z = _p(h)
            self.W_rz = _p(h, y)
            self.W_rh = _p(h, h)
            self.b_r = _p(h)
            self.W_yht = _p(h, y)
            self.W_hth = _p(h, h)
            self.b_ht = _p(h)

        def forward(self, yt, hp):
            z = torch.sigmoid(self.W_zz @ yt + self.W_zh @ hp + self.b_z)
            r = torch.sigmoid(self.W_rz @ yt + self.W_rh @ hp + self.b_r)
            hc = torch.tanh(self.W_yht @ yt + self.W_hth @ (r * hp) + self.b_ht)
            return (1 - z) * hp + z * hc

    return Cell()


# stored file id 51887653904 (Chinese blog post 时间序列模型（三）：GRU, section 1). x_t in R^{d_in}, h in R^h;
# W_z, W_r, W_h: h x (h + d_in) on [h_{t-1}, x_t], one bias per gate. 3h(h + d_in + 1).
@_export
def h16b_zhtsblog_gru(d_in=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_z = _p(h, h + d_in)
            self.b_z = _p(h)
            self.W_r = _p(h, h + d_in)
            self.b_r = _p(h)
            self.W_h = _p(h, h + d_in)
            self.b_h = _p(h)

        def forward(self, xt, hp):
            hx = torch.cat([hp, xt])
            z = torch.sigmoid(self.W_z @ hx + self.b_z)
            r = torch.sigmoid(self.W_r @ hx + self.b_r)
            hc = torch.tanh(self.W_h @ torch.cat([r * hp, xt]) + self.b_h)
            return (1 - z) * hp + z * hc

    return Cell()


# stored file id 28354658519 (Japanese AI course lesson 13, GRU 更新式). W_r, W_z, W_h: h x (h + x) on
# [h_{t-1}, x_t], one bias per gate. 3h(h + x + 1).
@_export
def h16b_jaaicourse_gru(x=7, h=5):
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
            hc = torch.tanh(self.W_h @ torch.cat([r * hp, xt]) + self.b_h)
            return (1 - z) * hp + z * hc

    return Cell()


# stored file id 59216789007 (Chinese interview-prep notes, 4.2 GRU). W_z, W_r, W_h: h x (x + h) on
# [x_t; h_{t-1}]; no bias. 3h(x + h).
@_export
def h16b_zhinterview_gru(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_z = _p(h, x + h)
            self.W_r = _p(h, x + h)
            self.W_h = _p(h, x + h)

        def forward(self, xt, hp):
            xh = torch.cat([xt, hp])
            z = torch.sigmoid(self.W_z @ xh)
            r = torch.sigmoid(self.W_r @ xh)
            hc = torch.tanh(self.W_h @ torch.cat([xt, r * hp]))
            return (1 - z) * hp + z * hc

    return Cell()


# stored file id 56197116342 (Spanish IEEE-style paper on LSTM traffic prediction, II.B.1-2). W in
# R^{4d_h x (d_h + d_x)} (the per-gate W_f, W_i, W_C, W_o stacked), b in R^{4d_h}. 4d_h(d_h + d_x + 1).
@_export
def h16b_espaper_lstm(d_x=7, d_h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W = _p(4 * d_h, d_h + d_x)
            self.b = _p(4 * d_h)

        def forward(self, xt, hp, cp):
            a = self.W @ torch.cat([hp, xt]) + self.b
            f, i, cc, o = a.split(d_h)
            f, i, cc, o = torch.sigmoid(f), torch.sigmoid(i), torch.tanh(cc), torch.sigmoid(o)
            c = f * cp + i * cc
            return o * torch.tanh(c), c

    return Cell()
