"""Oracles for the h39c set-aside snippets (heldout39), as its gatherer wrote them."""
import torch
from torch import nn

__all__ = []


def _export(f):
    __all__.append(f.__name__)
    return f


def _p(*shape):
    return nn.Parameter(torch.randn(*shape) * 0.1)


# luweiagi/machine-learning-notes, RNN 前向传播算法; U (h,x), W (h,h), b (h), V (o,h), c (o);
# Count: h*x + h*h + h + o*h + o.
@_export
def h39c_luweiagi_rnn(x=7, h=5, o=3):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.U = _p(h, x)
            self.W = _p(h, h)
            self.b = _p(h)
            self.V = _p(o, h)
            self.c = _p(o)

        def forward(self, xt, hprev):
            ht = torch.tanh(xt @ self.U.T + hprev @ self.W.T + self.b)
            ot = ht @ self.V.T + self.c
            return torch.softmax(ot, -1), ht
    return Cell()


# luweiagi/machine-learning-notes, LSTM (Hung-yi Lee style prose); most plausible reading: the "real"
# LSTM of the text, four matrices (z, z^i, z^f, z^o) each applied to [x^t, h^{t-1}, c^{t-1}], no bias;
# each (h, x+2h). Count: 4*h*(x+2h). (Refuse: c in the input is called only a variant; biases never said.)
@_export
def h39c_luweiagi_lstm_zh(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.Wz = _p(h, x + 2 * h)
            self.Wi = _p(h, x + 2 * h)
            self.Wf = _p(h, x + 2 * h)
            self.Wo = _p(h, x + 2 * h)

        def forward(self, xt, hprev, cprev):
            v = torch.cat([xt, hprev, cprev], -1)
            z = torch.tanh(v @ self.Wz.T)
            zi = torch.sigmoid(v @ self.Wi.T)
            zf = torch.sigmoid(v @ self.Wf.T)
            zo = torch.sigmoid(v @ self.Wo.T)
            c = z * zi + cprev * zf
            return torch.tanh(c) * zo, c
    return Cell()


# Teren-Liu/Deep-Learning, RNN 公式 (shape list); U ((n+x), n) on [S(i-1), X(i)], B (1, n), V (n, x);
# output O(i) of size x, no output bias listed. Count: (n+x)*n + n + n*x.
@_export
def h39c_terenliu_rnn(x=7, n=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.U = _p(n + x, n)
            self.B = _p(1, n)
            self.V = _p(n, x)

        def forward(self, xt, sprev):
            s = torch.tanh(torch.cat([sprev, xt], -1) @ self.U + self.B)
            return s @ self.V, s
    return Cell()


# shunliz/Machine-Learning, LSTM 前向传播算法; per gate g in {f, i, a, o}: W_g (h,h), U_g (h,x), b_g (h);
# output layer V (y,h), c (y). Count: 4*(h*h + h*x + h) + y*h + y.
@_export
def h39c_shunliz_lstm(x=7, h=5, y=3):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            for g in "fiao":
                setattr(self, "W_" + g, _p(h, h))
                setattr(self, "U_" + g, _p(h, x))
                setattr(self, "b_" + g, _p(h))
            self.V = _p(y, h)
            self.c = _p(y)

        def _lin(self, g, hp, xt):
            return hp @ getattr(self, "W_" + g).T + xt @ getattr(self, "U_" + g).T + getattr(self, "b_" + g)

        def forward(self, xt, hp, Cp):
            f = torch.sigmoid(self._lin("f", hp, xt))
            i = torch.sigmoid(self._lin("i", hp, xt))
            a = torch.tanh(self._lin("a", hp, xt))
            C = Cp * f + i * a
            o = torch.sigmoid(self._lin("o", hp, xt))
            ht = o * torch.tanh(C)
            return torch.sigmoid(ht @ self.V.T + self.c), ht, C
    return Cell()


# vbarra/DLbook, simple RNN (French); most plausible reading: the recurrent term acts on h_{t-1}
# (the prose says recurrent neurons receive h_{t-1}); W_hx (x,h), W_hh (h,h), b_h (h), W_yh (y,h), b_y (y).
# Count: x*h + h*h + h + y*h + y. (Refuse: written W_hh^T x_{t-1} would make W_hh (x,h), giving x*h + x*h + ...)
@_export
def h39c_vbarra_rnn_fr(x=7, h=5, y=3):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_hx = _p(x, h)
            self.W_hh = _p(h, h)
            self.b_h = _p(h)
            self.W_yh = _p(y, h)
            self.b_y = _p(y)

        def forward(self, xt, hprev):
            ht = torch.sigmoid(xt @ self.W_hx + hprev @ self.W_hh + self.b_h)
            return torch.softmax(ht @ self.W_yh.T + self.b_y, -1), ht
    return Cell()


# vbarra/DLbook, GRU (French); W_r, W_z, W each (x+h, h) on a concatenation, b_r, b_z, b_h (h).
# Count: 3*((x+h)*h + h).
@_export
def h39c_vbarra_gru_fr(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_r = _p(x + h, h)
            self.W_z = _p(x + h, h)
            self.W = _p(x + h, h)
            self.b_r = _p(h)
            self.b_z = _p(h)
            self.b_h = _p(h)

        def forward(self, xt, hprev):
            xh = torch.cat([xt, hprev], -1)
            r = torch.sigmoid(xh @ self.W_r + self.b_r)
            z = torch.sigmoid(xh @ self.W_z + self.b_z)
            ht_ = torch.tanh(torch.cat([xt, r * hprev], -1) @ self.W + self.b_h)
            return (1 - z) * hprev + z * ht_
    return Cell()


# SofyaVikhlyantseva/NLP_textbook, RNN Формализация (Russian); W_xh (H,d), W_hh (H,H), no bias.
# Count: H*d + H*H.
@_export
def h39c_sofya_rnn_ru(d=7, H=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_xh = _p(H, d)
            self.W_hh = _p(H, H)

        def forward(self, xt, hprev):
            return torch.tanh(xt @ self.W_xh.T + hprev @ self.W_hh.T)
    return Cell()


# yanmenxue/Summary, continuous/discrete SSM (Mamba notes); most plausible reading: a full linear
# state-space layer with vector input x, state h, output y: A (h,h), B (h,x), C (y,h), D (y,x); the
# step size Delta is a fixed sampling interval, not learned. Count: h*h + h*x + y*h + y*x.
# (Refuse: sizes never given; A may be diagonal, x/y may be scalar channels, Delta may be learned.)
@_export
def h39c_yanmenxue_ssm(x=7, h=5, y=3):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.A = _p(h, h)
            self.B = _p(h, x)
            self.C = _p(y, h)
            self.D = _p(y, x)

        def forward(self, xt, hprev, delta=0.1):
            Abar = torch.matrix_exp(self.A * delta)
            Bbar = torch.linalg.solve(self.A, (Abar - torch.eye(h)) @ self.B)
            ht = hprev @ Abar.T + xt @ Bbar.T
            return ht @ self.C.T + xt @ self.D.T, ht
    return Cell()


# chrisxue815/deeplearning_notes, GRU (Ng notation, Γ_u, Γ_r); W_c, W_u, W_r each (c, c+x) on a
# concatenation, b_c, b_u, b_r (c). Count: 3*(c*(c+x) + c).
@_export
def h39c_chrisxue_gru(x=7, c=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_c, self.W_u, self.W_r = _p(c, c + x), _p(c, c + x), _p(c, c + x)
            self.b_c, self.b_u, self.b_r = _p(c), _p(c), _p(c)

        def forward(self, xt, cprev):
            cx = torch.cat([cprev, xt], -1)
            gu = torch.sigmoid(cx @ self.W_u.T + self.b_u)
            gr = torch.sigmoid(cx @ self.W_r.T + self.b_r)
            ct_ = torch.tanh(torch.cat([gr * cprev, xt], -1) @ self.W_c.T + self.b_c)
            ct = gu * ct_ + (1 - gu) * cprev
            return ct, ct
    return Cell()


# chrisxue815/deeplearning_notes, bidirectional RNN; forward W (a, a+x), b (a); backward W (a, a+x),
# b (a); output W_y (y, 2a), b_y (y). Count: 2*(a*(a+x) + a) + y*2a + y.
@_export
def h39c_chrisxue_brnn(x=7, a=5, y=3):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_f, self.b_f = _p(a, a + x), _p(a)
            self.W_b, self.b_b = _p(a, a + x), _p(a)
            self.W_y, self.b_y = _p(y, 2 * a), _p(y)

        def forward(self, xt, a_prev_fwd, a_next_bwd):
            af = torch.tanh(torch.cat([a_prev_fwd, xt], -1) @ self.W_f.T + self.b_f)
            ab = torch.tanh(torch.cat([a_next_bwd, xt], -1) @ self.W_b.T + self.b_b)
            yhat = torch.softmax(torch.cat([af, ab], -1) @ self.W_y.T + self.b_y, -1)
            return yhat, af, ab
    return Cell()


# mkzzz/nlp-algorithm-basic, plain-text LSTM; most plausible reading: the repeated w and B are
# per-gate (four gates F, C', I, O), each w (h, h+x) on [Ht-1, Xt], B (h). Count: 4*(h*(h+x) + h).
# (Refuse: every gate literally uses the same w and B; a shared reading gives h*(h+x) + h.)
@_export
def h39c_mkzzz_lstm_plain(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.w = nn.ParameterList([_p(h, h + x) for _ in range(4)])
            self.B = nn.ParameterList([_p(h) for _ in range(4)])

        def forward(self, xt, hprev, cprev):
            v = torch.cat([hprev, xt], -1)
            F = torch.sigmoid(v @ self.w[0].T + self.B[0])
            Cc = torch.tanh(v @ self.w[1].T + self.B[1])
            I = torch.sigmoid(v @ self.w[2].T + self.B[2])
            C = cprev * F + Cc * I
            O = torch.sigmoid(v @ self.w[3].T + self.B[3])
            return O * torch.tanh(C), C
    return Cell()


# saikrishnaponnam/Machine-Learning, LSTM Architecture; per gate g in {f, i, C, o}: W_xg (h,x), W_hg (h,h),
# b_g (h). Count: 4*(h*x + h*h + h).
@_export
def h39c_saikrishna_lstm(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.Wx = nn.ParameterList([_p(h, x) for _ in range(4)])
            self.Wh = nn.ParameterList([_p(h, h) for _ in range(4)])
            self.b = nn.ParameterList([_p(h) for _ in range(4)])

        def _a(self, k, xt, hp):
            return xt @ self.Wx[k].T + hp @ self.Wh[k].T + self.b[k]

        def forward(self, xt, hp, Cp):
            f = torch.sigmoid(self._a(0, xt, hp))
            i = torch.sigmoid(self._a(1, xt, hp))
            Ct_ = torch.tanh(self._a(2, xt, hp))
            o = torch.sigmoid(self._a(3, xt, hp))
            C = f * Cp + i * Ct_
            return o * torch.tanh(C), C
    return Cell()


# melfm/notes, basic RNN; W (d, 2+d) on [X_t || S_{t-1}], b_s (d), U (2, d), b_p (2) (listed as d_p).
# Count: d*(2+d) + d + 2*d + 2.
@_export
def h39c_melfm_rnn(d=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W = _p(d, 2 + d)
            self.b_s = _p(d)
            self.U = _p(2, d)
            self.b_p = _p(2)

        def forward(self, xt, sprev):
            s = torch.tanh(torch.cat([xt, sprev], -1) @ self.W.T + self.b_s)
            return s @ self.U.T + self.b_p, s
    return Cell()
