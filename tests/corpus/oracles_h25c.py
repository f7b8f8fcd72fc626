import torch
from torch import nn

__all__ = []


def _export(f):
    __all__.append(f.__name__)
    return f


def _p(*shape):
    return nn.Parameter(torch.randn(*shape) * 0.1)


# stored file id 15604231603 (Russian LSTM note "### Forward"). Marked refuse: the four gate equations all
# write W_o (copy-paste), the expanded form uses W_f, W_i, W_C, W_o. Most plausible reading: four distinct
# weights on the row vector [x_t, h_{t-1}] (W: (x+h) x h) and four biases b_o, b_i, b_C, b_t (= forget bias).
# 4h(x + h) + 4h.
@_export
def h25c_ru_lstm_wo(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_f, self.W_i, self.W_C, self.W_o = (_p(x + h, h) for _ in range(4))
            self.b_t, self.b_i, self.b_C, self.b_o = _p(h), _p(h), _p(h), _p(h)

        def forward(self, xt, hp, cp):
            z = torch.cat([xt, hp], -1)
            o = torch.sigmoid(z @ self.W_o + self.b_o)
            i = torch.sigmoid(z @ self.W_i + self.b_i)
            ct = torch.tanh(z @ self.W_C + self.b_C)
            f = torch.sigmoid(z @ self.W_f + self.b_t)
            c = f * cp + i * ct
            return o * torch.tanh(c), c
    return Cell()


# stored file id 45272090198 (Chinese "statsquest" LSTM docstring). W_i, W_f, W_o, W_c (h x x),
# U_i, U_f, U_o, U_c (h x h), b_i, b_f, b_o, b_c (h). 4(hx + h^2 + h).
@_export
def h25c_zh_statsquest_lstm(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            for g in "ifoc":
                setattr(self, "W_" + g, _p(h, x))
                setattr(self, "U_" + g, _p(h, h))
                setattr(self, "b_" + g, _p(h))

        def lin(self, g, xt, hp):
            return getattr(self, "W_" + g) @ xt + getattr(self, "U_" + g) @ hp + getattr(self, "b_" + g)

        def forward(self, xt, hp, cp):
            i = torch.sigmoid(self.lin("i", xt, hp))
            f = torch.sigmoid(self.lin("f", xt, hp))
            o = torch.sigmoid(self.lin("o", xt, hp))
            c_tilde = torch.tanh(self.lin("c", xt, hp))
            c = f * cp + i * c_tilde
            return o * torch.tanh(c), c
    return Cell()


# stored file id 55691528191 (French dev log, volet 51 HGRN). Marked refuse: σ(·) and c_t are unspecified.
# Most plausible reading (HGRN, Qin 2023, one channel-mixing-free layer): f = lb + (1-lb) σ(W_f x + b_f),
# c = W_c x + b_c, W: d x d, lb a fixed lower bound. 2d^2 + 2d.
@_export
def h25c_fr_hgrn_log(d=6):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_f, self.b_f = _p(d, d), _p(d)
            self.W_c, self.b_c = _p(d, d), _p(d)
            self.lb = 0.5

        def forward(self, xt, hp):
            f = self.lb + (1 - self.lb) * torch.sigmoid(self.W_f @ xt + self.b_f)
            c = self.W_c @ xt + self.b_c
            return f * hp + (1 - f) * c
    return Cell()


# stored file id 6911739016 (Chinese Paddle fluid dynamic_lstmp docs). Marked refuse: the equations show
# W_{ix}x_t ... but the text says those products are outside the operator. Plausible reading (the operator's
# own parameters, use_peepholes=True): recurrent weights W_{ir}, W_{fr}, W_{cr}, W_{or} (D x P, together P*4D),
# projection W_{rh} (P x D), biases b_i, b_f, b_c, b_o (D) and peephole vectors W_{ic}, W_{fc}, W_{oc} (D)
# (together 1*7D). The input x_t arrives already projected to 4D. 5DP + 7D. (x is the other reading's input size.)
@_export
def h25c_zh_paddle_dynamic_lstmp(D=5, P=3, x=7):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_ir, self.W_fr, self.W_cr, self.W_or = (_p(D, P) for _ in range(4))
            self.W_rh = _p(P, D)
            self.b_i, self.b_f, self.b_c, self.b_o = _p(D), _p(D), _p(D), _p(D)
            self.W_ic, self.W_fc, self.W_oc = _p(D), _p(D), _p(D)

        def forward(self, xproj, rp, cp):
            xi, xf, xc, xo = xproj.split(D, -1)
            i = torch.sigmoid(xi + self.W_ir @ rp + self.W_ic * cp + self.b_i)
            f = torch.sigmoid(xf + self.W_fr @ rp + self.W_fc * cp + self.b_f)
            ct = torch.tanh(xc + self.W_cr @ rp + self.b_c)
            c = f * cp + i * ct
            o = torch.sigmoid(xo + self.W_or @ rp + self.W_oc * c + self.b_o)
            hh = o * torch.tanh(c)
            r = torch.tanh(self.W_rh @ hh)
            return r, c
    return Cell()


# stored file id 30321797861 (Chinese deep-learning overview, 3.2 RNN). Marked refuse: h_t defined twice,
# the second with an undefined \tilde{h_t}. Plausible reading: the first equation, W_hh (h x h), W_xh (h x x),
# b_h (h). h(x + h + 1).
@_export
def h25c_zh_overview_rnn(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_hh, self.W_xh, self.b_h = _p(h, h), _p(h, x), _p(h)

        def forward(self, xt, hp):
            return torch.sigmoid(self.W_hh @ hp + self.W_xh @ xt + self.b_h)
    return Cell()


# stored file id 25894992474 (lemon.nnlib LSTMCell, Japanese numpydoc). weight_ih (input_size, 4*hidden_size),
# weight_hh (hidden_size, 4*hidden_size), bias_ih, bias_hh (4*hidden_size). 4h(x + h) + 8h.
@_export
def h25c_ja_lemon_lstmcell(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.weight_ih, self.weight_hh = _p(x, 4 * h), _p(h, 4 * h)
            self.bias_ih, self.bias_hh = _p(4 * h), _p(4 * h)

        def forward(self, xt, hp, cp):
            gates = xt @ self.weight_ih + self.bias_ih + hp @ self.weight_hh + self.bias_hh
            i, f, g, o = gates.split(h, -1)
            i, f, g, o = torch.sigmoid(i), torch.sigmoid(f), torch.tanh(g), torch.sigmoid(o)
            c = f * cp + i * g
            return o * torch.tanh(c), c
    return Cell()


# stored file id 28871107518 (Chinese CS224n notes, GRU). W_z, W_r, W_h (h x (h + x)) on [h_{t-1}, x_t],
# b_z, b_r, b_h (h). 3(h(h + x) + h).
@_export
def h25c_zh_cs224n_gru(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_z, self.W_r, self.W_h = _p(h, h + x), _p(h, h + x), _p(h, h + x)
            self.b_z, self.b_r, self.b_h = _p(h), _p(h), _p(h)

        def forward(self, xt, hp):
            z = torch.sigmoid(self.W_z @ torch.cat([hp, xt]) + self.b_z)
            r = torch.sigmoid(self.W_r @ torch.cat([hp, xt]) + self.b_r)
            ht = torch.tanh(self.W_h @ torch.cat([r * hp, xt]) + self.b_h)
            return (1 - z) * hp + z * ht
    return Cell()


# stored file id 2703013595 (Chinese LSTM article, 4.1). W_f, W_i, W_C, W_o (h x (h + x)) on [h_{t-1}, x_t],
# b_f, b_i, b_C, b_o (h). 4(h(h + x) + h).
@_export
def h25c_zh_lstm_article(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_f, self.W_i, self.W_C, self.W_o = (_p(h, h + x) for _ in range(4))
            self.b_f, self.b_i, self.b_C, self.b_o = _p(h), _p(h), _p(h), _p(h)

        def forward(self, xt, hp, cp):
            z = torch.cat([hp, xt])
            f = torch.sigmoid(self.W_f @ z + self.b_f)
            i = torch.sigmoid(self.W_i @ z + self.b_i)
            ct = torch.tanh(self.W_C @ z + self.b_C)
            c = f * cp + i * ct
            o = torch.sigmoid(self.W_o @ z + self.b_o)
            return o * torch.tanh(c), c
    return Cell()


# stored file id 11997655285 (Korean GRU note, 3. 수식 정리). W_z, W_r, W_h (h x x), U_z, U_r, U_h (h x h),
# b_z, b_r, b_h (h). 3(hx + h^2 + h).
@_export
def h25c_ko_gru_note(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_z, self.U_z, self.b_z = _p(h, x), _p(h, h), _p(h)
            self.W_r, self.U_r, self.b_r = _p(h, x), _p(h, h), _p(h)
            self.W_h, self.U_h, self.b_h = _p(h, x), _p(h, h), _p(h)

        def forward(self, xt, hp):
            z = torch.sigmoid(self.W_z @ xt + self.U_z @ hp + self.b_z)
            r = torch.sigmoid(self.W_r @ xt + self.U_r @ hp + self.b_r)
            ht = torch.tanh(self.W_h @ xt + self.U_h @ (r * hp) + self.b_h)
            return (1 - z) * hp + z * ht
    return Cell()


# stored file id 56153110299 (Korean RNN/LSTM/GRU/ConvLSTM article, 3.2 LSTM). W_f, W_i, W_c, W_o
# (h x (h + x)) on [h_{t-1}, x_t], b_f, b_i, b_c, b_o (h). 4(h(h + x) + h).
@_export
def h25c_ko_convlstm_article_lstm(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_f, self.W_i, self.W_c, self.W_o = (_p(h, h + x) for _ in range(4))
            self.b_f, self.b_i, self.b_c, self.b_o = _p(h), _p(h), _p(h), _p(h)

        def forward(self, xt, hp, cp):
            z = torch.cat([hp, xt])
            f = torch.sigmoid(self.W_f @ z + self.b_f)
            i = torch.sigmoid(self.W_i @ z + self.b_i)
            ct = torch.tanh(self.W_c @ z + self.b_c)
            c = f * cp + i * ct
            o = torch.sigmoid(self.W_o @ z + self.b_o)
            return o * torch.tanh(c), c
    return Cell()


# stored file id 6080252787 (Spanish GRU4Rec "Formulas Matematicas", 3.1 Ecuaciones GRU). W_z, W_r, W
# (h x (h + x)) on [h_{t-1}, x_t], b_z, b_r, b (h). 3(h(h + x) + h).
@_export
def h25c_es_gru4rec_formulas(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_z, self.W_r, self.W = _p(h, h + x), _p(h, h + x), _p(h, h + x)
            self.b_z, self.b_r, self.b = _p(h), _p(h), _p(h)

        def forward(self, xt, hp):
            z = torch.sigmoid(self.W_z @ torch.cat([hp, xt]) + self.b_z)
            r = torch.sigmoid(self.W_r @ torch.cat([hp, xt]) + self.b_r)
            ht = torch.tanh(self.W @ torch.cat([r * hp, xt]) + self.b)
            return (1 - z) * hp + z * ht
    return Cell()
