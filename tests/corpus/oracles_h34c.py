import torch
from torch import nn

__all__ = []


def _export(f):
    __all__.append(f.__name__)
    return f


def _p(*shape):
    return nn.Parameter(torch.randn(*shape) * 0.1)


# Atcold/NYU-DLSP20@11156d6:docs/ar/week06/06-2.md (Arabic NYU DL notes, GRU). z, r gates and the candidate
# phi_h(W_h x + U_h (r * h) + b_h): W_z, W_r, W_h (h x x), U_z, U_r, U_h (h x h), b_z, b_r, b_h (h).
# 3h(x + h + 1).
@_export
def h34c_nyuar_gru(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_z, self.U_z, self.b_z = _p(h, x), _p(h, h), _p(h)
            self.W_r, self.U_r, self.b_r = _p(h, x), _p(h, h), _p(h)
            self.W_h, self.U_h, self.b_h = _p(h, x), _p(h, h), _p(h)

        def forward(self, xt, hp):
            z = torch.sigmoid(self.W_z @ xt + self.U_z @ hp + self.b_z)
            r = torch.sigmoid(self.W_r @ xt + self.U_r @ hp + self.b_r)
            return z * hp + (1 - z) * torch.tanh(self.W_h @ xt + self.U_h @ (r * hp) + self.b_h)

    return Cell()


# Atcold/NYU-DLSP20@11156d6:docs/ar/week06/06-2.md (Arabic NYU DL notes, LSTM). f, i, o gates and the inline
# candidate tanh(W_c x + U_c h + b_c): W_* (h x x), U_* (h x h), b_* (h) for * in f, i, o, c. 4h(x + h + 1).
@_export
def h34c_nyuar_lstm(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            for g in "fioc":
                setattr(self, "W_" + g, _p(h, x))
                setattr(self, "U_" + g, _p(h, h))
                setattr(self, "b_" + g, _p(h))

        def lin(self, g, xt, hp):
            return getattr(self, "W_" + g) @ xt + getattr(self, "U_" + g) @ hp + getattr(self, "b_" + g)

        def forward(self, xt, state):
            hp, cp = state
            f = torch.sigmoid(self.lin("f", xt, hp))
            i = torch.sigmoid(self.lin("i", xt, hp))
            o = torch.sigmoid(self.lin("o", xt, hp))
            c = f * cp + i * torch.tanh(self.lin("c", xt, hp))
            return o * torch.tanh(c), c

    return Cell()


# stored file id 68470283044 (Korean notes on Ng's Sequence Models, "# 10 Long Short Term Memory (LSTM)").
# W_c, W_u, W_f, W_o each (a x (a + x)) on the concatenation [a<t-1>, x<t>], biases b_c, b_u, b_f, b_o (a).
# 4a(a + x + 1).
@_export
def h34c_kongsl_lstm(x=7, a=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            for g in "cufo":
                setattr(self, "W_" + g, _p(a, a + x))
                setattr(self, "b_" + g, _p(a))

        def lin(self, g, v):
            return getattr(self, "W_" + g) @ v + getattr(self, "b_" + g)

        def forward(self, xt, state):
            ap, cp = state
            v = torch.cat([ap, xt])
            ct_ = torch.tanh(self.lin("c", v))
            u = torch.sigmoid(self.lin("u", v))
            f = torch.sigmoid(self.lin("f", v))
            o = torch.sigmoid(self.lin("o", v))
            c = u * ct_ + f * cp
            return o * torch.tanh(c), c

    return Cell()


# https://miaokee.com/2544686.html (Chinese QRNN note; marked refuse). Most plausible reading: the fo-pooling the text
# says QRNN uses, filter width 2 as in its example, no biases: W1z, W2z, W1f, W2f, W1o, W2o each (m x n).
# 3 * 2 * m * n.
@_export
def h34c_miaokee_qrnn(n=7, m=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            for g in "zfo":
                setattr(self, "W1" + g, _p(m, n))
                setattr(self, "W2" + g, _p(m, n))

        def conv(self, g, xp, xt):
            return getattr(self, "W1" + g) @ xp + getattr(self, "W2" + g) @ xt

        def forward(self, xt, state):
            xp, cp = state
            z = torch.tanh(self.conv("z", xp, xt))
            f = torch.sigmoid(self.conv("f", xp, xt))
            o = torch.sigmoid(self.conv("o", xp, xt))
            c = f * cp + (1 - f) * z
            return o * c, c

    return Cell()


# nardi-xhepi/lstm_implementation:README.md (French README; marked refuse: the formulas are an image). Most
# plausible reading: the Wikipedia LSTM it points to, W_q (h x x), U_q (h x h), b_q (h) for q in f, i, o, c.
# 4h(x + h + 1).
@_export
def h34c_nardi_lstm(x=7, h=5):
    return h34c_nyuar_lstm(x=x, h=h)


# stored file id 25507897684 (Polish AI-For-Beginners lesson 16, "Anatomia komórki RNN"). sigma(W x X_i + H x S_{i-1}
# + b): W (emb_size x hid_size), H (hid_size x hid_size), b (hid_size). emb*hid + hid*hid + hid.
@_export
def h34c_aifbpl_rnn(emb_size=7, hid_size=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W, self.H, self.b = _p(emb_size, hid_size), _p(hid_size, hid_size), _p(hid_size)

        def forward(self, x, s):
            return torch.sigmoid(x @ self.W + s @ self.H + self.b)

    return Cell()


# stored file id 25507897684 (Polish AI-For-Beginners lesson 16, LSTM in words; marked refuse). Most plausible
# reading: the standard LSTM (Olah's article it cites), W_q (h x x), U_q (h x h), b_q (h), q in f, i, o, c.
# 4h(x + h + 1).
@_export
def h34c_aifbpl_lstm(x=7, h=5):
    return h34c_nyuar_lstm(x=x, h=h)


# stored file id 67127337580 (Chinese C11 project roadmap, [P1-1] minGRU). z = sigmoid(W_z x + b_z), candidate
# W_h x + b_h, h = (1 - z) h_prev + z cand: W_z, W_h (h x x), b_z, b_h (h). 2h(x + 1).
@_export
def h34c_roadmap_mingru(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_z, self.b_z = _p(h, x), _p(h)
            self.W_h, self.b_h = _p(h, x), _p(h)

        def forward(self, xt, hp):
            z = torch.sigmoid(self.W_z @ xt + self.b_z)
            ht_ = self.W_h @ xt + self.b_h
            return (1 - z) * hp + z * ht_

    return Cell()


# stored file id 2825573765 (German-commented MATLAB Elman_Network). A1 = tanh([X, context] W1 + b1),
# Z2 = A1 W2 + b2: W1 ((inputSize + hiddenSize) x hiddenSize), b1 (hiddenSize), W2 (hiddenSize x outputSize),
# b2 (outputSize). (i + h) h + h + h o + o = 41 at the text's sizes.
@_export
def h34c_matlabde_elman(inputSize=1, hiddenSize=5, outputSize=1):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W1, self.b1 = _p(inputSize + hiddenSize, hiddenSize), _p(hiddenSize)
            self.W2, self.b2 = _p(hiddenSize, outputSize), _p(outputSize)

        def forward(self, x, context):
            a1 = torch.tanh(torch.cat([x, context]) @ self.W1 + self.b1)
            return a1 @ self.W2 + self.b2, a1

    return Cell()


# stored file id 27575354908 (Ukrainian python-docx report generator, "3.1 Архітектура RNN"). h = tanh(W_hh h(t-1)
# + W_xh x + b_h), y = W_hy h + b_y: W_hh (h x h), W_xh (h x x), b_h (h), W_hy (y x h), b_y (y).
# h^2 + h x + h + y h + y.
@_export
def h34c_uadocx_rnn(x=7, h=5, y=3):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_hh, self.W_xh, self.b_h = _p(h, h), _p(h, x), _p(h)
            self.W_hy, self.b_y = _p(y, h), _p(y)

        def forward(self, xt, hp):
            ht = torch.tanh(self.W_hh @ hp + self.W_xh @ xt + self.b_h)
            return self.W_hy @ ht + self.b_y, ht

    return Cell()


# stored file id 27575354908 (Ukrainian python-docx report generator, "3.3 Архітектура LSTM"). W_f, W_i, W_c, W_o
# (h x (h + x)) on [h(t-1), x(t)], biases b_f, b_i, b_c, b_o (h). 4h(h + x + 1).
@_export
def h34c_uadocx_lstm(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            for g in "fico":
                setattr(self, "W_" + g, _p(h, h + x))
                setattr(self, "b_" + g, _p(h))

        def lin(self, g, v):
            return getattr(self, "W_" + g) @ v + getattr(self, "b_" + g)

        def forward(self, xt, state):
            hp, cp = state
            v = torch.cat([hp, xt])
            f = torch.sigmoid(self.lin("f", v))
            i = torch.sigmoid(self.lin("i", v))
            c_ = torch.tanh(self.lin("c", v))
            c = f * cp + i * c_
            o = torch.sigmoid(self.lin("o", v))
            return o * torch.tanh(c), c

    return Cell()
