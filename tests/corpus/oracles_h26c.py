import torch
from torch import nn

__all__ = []


def _export(f):
    __all__.append(f.__name__)
    return f


def _p(*shape):
    return nn.Parameter(torch.randn(*shape) * 0.1)


# stored file id 31054994749 (Chinese RNN/LSTM/GRU article, "## 3.2 LSTM基本结构").
# Four gates i, f, o, g, each W_x? (h x x), W_h? (h x h), b_? (h). Count 4h(x + h + 1).
@_export
def h26c_zhbg_lstm(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            for g in "ifog":
                setattr(self, f"W_x{g}", _p(h, x))
                setattr(self, f"W_h{g}", _p(h, h))
                setattr(self, f"b_{g}", _p(h))

        def _a(self, g, xt, hp):
            return getattr(self, f"W_x{g}") @ xt + getattr(self, f"W_h{g}") @ hp + getattr(self, f"b_{g}")

        def forward(self, xt, state):
            hp, cp = state
            i = torch.sigmoid(self._a("i", xt, hp))
            f = torch.sigmoid(self._a("f", xt, hp))
            o = torch.sigmoid(self._a("o", xt, hp))
            g = torch.tanh(self._a("g", xt, hp))
            c = f * cp + i * g
            return o * torch.tanh(c), c

    return Cell()


# stored file id 31054994749 ("## 3.3 GRU基本结构"): the garbled GRU whose gates recur on z_{t-1}, r_{t-1}.
# W_zz, W_rr, W_zh, W_hr (h x h); W_xz, W_xr, W_xh (h x x), W_xr written twice = one shared weight;
# b_z, b_r (written twice, shared), b_h (h). Count 4h^2 + 3hx + 3h.
@_export
def h26c_zhbg_gru(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_zz, self.W_xz, self.b_z = _p(h, h), _p(h, x), _p(h)
            self.W_rr, self.W_xr, self.b_r = _p(h, h), _p(h, x), _p(h)
            self.W_zh, self.W_xh, self.b_h = _p(h, h), _p(h, x), _p(h)
            self.W_hr = _p(h, h)

        def forward(self, xt, state):
            zp, rp = state
            z = torch.sigmoid(self.W_zz @ zp + self.W_xz @ xt + self.b_z)
            r = torch.sigmoid(self.W_rr @ rp + self.W_xr @ xt + self.b_r)
            ht = (1 - z) * r * torch.tanh(self.W_zh @ zp + self.W_xh @ xt + self.b_h) \
                + z * torch.tanh(self.W_hr @ rp + self.W_xr @ xt + self.b_r)
            return ht, (z, r)

    return Cell()


# stored file id 30728122302 (Chinese LSTM article, "### 4.3 LSTM与GRU的区别"): GRU without biases,
# W_z, W_r, W each h x (h + x) on [h_{t-1}, x_t]. Count 3h(h + x).
@_export
def h26c_zhlstmart_gru(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_z, self.W_r, self.W = _p(h, h + x), _p(h, h + x), _p(h, h + x)

        def forward(self, xt, hp):
            hx = torch.cat([hp, xt])
            z = torch.sigmoid(self.W_z @ hx)
            r = torch.sigmoid(self.W_r @ hx)
            hh = torch.tanh(self.W @ torch.cat([r * hp, xt]))
            return (1 - z) * hp + z * hh

    return Cell()


# stored file id 9178916997 (Chinese book-style article, "#### 5.3 GRU 单元"): W_z, W_r, W each
# h x (h + x) with biases b_z, b_r, b (h); candidate activation sigma as written. Count 3h(h + x + 1).
@_export
def h26c_zhbook_gru(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_z, self.b_z = _p(h, h + x), _p(h)
            self.W_r, self.b_r = _p(h, h + x), _p(h)
            self.W, self.b = _p(h, h + x), _p(h)

        def forward(self, xt, hp):
            hx = torch.cat([hp, xt])
            z = torch.sigmoid(self.W_z @ hx + self.b_z)
            r = torch.sigmoid(self.W_r @ hx + self.b_r)
            return (1 - z) * hp + z * torch.sigmoid(self.W @ torch.cat([r * hp, xt]) + self.b)

    return Cell()


# stored file id 9178916997 ("#### 5.1 循环神经网络的基本概念"), marked refuse (size of y_t unknown).
# Plausible reading: W_h (h x (h + x)), b_h (h), W_o (y x h), b_o (y). Count h(h + x + 1) + y(h + 1).
@_export
def h26c_zhbook_rnn(x=7, h=5, y=3):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_h, self.b_h = _p(h, h + x), _p(h)
            self.W_o, self.b_o = _p(y, h), _p(y)

        def forward(self, xt, hp):
            ht = torch.sigmoid(self.W_h @ torch.cat([hp, xt]) + self.b_h)
            return ht, torch.sigmoid(self.W_o @ ht + self.b_o)

    return Cell()


# stored file id 59343246784 (French review notes, "### Réseaux récurrents (ch. 9)"): Elman RNN,
# W_hh (h x h), W_xh (h x x), b_h (h); phi taken as tanh (no parameters). Count h(h + x + 1).
@_export
def h26c_frrev_rnn(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_hh, self.W_xh, self.b_h = _p(h, h), _p(h, x), _p(h)

        def forward(self, xt, hp):
            return torch.tanh(self.W_hh @ hp + self.W_xh @ xt + self.b_h)

    return Cell()


# stored file id 59343246784 (the LSTM paragraph), marked refuse (no gate equations). Plausible
# reading: a standard LSTM cell, torch's nn.LSTMCell (two bias vectors per gate). Count 4h(x + h + 2).
@_export
def h26c_frrev_lstm(x=7, h=5):
    return nn.LSTMCell(x, h, bias=True)


# stored file id 54971941092 (Polish NLP lesson, **RNN:** paragraph): W (h x x), U (h x h), b (h);
# f taken as tanh. Count h(x + h + 1).
@_export
def h26c_plnlp_rnn(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W, self.U, self.b = _p(h, x), _p(h, h), _p(h)

        def forward(self, xt, hp):
            return torch.tanh(self.W @ xt + self.U @ hp + self.b)

    return Cell()


# stored file id 54971941092 (glossary table, RNN row): W (h x x), U (h x h), no bias. Count h(x + h).
@_export
def h26c_plnlp_rnntable(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W, self.U = _p(h, x), _p(h, h)

        def forward(self, xt, hp):
            return torch.tanh(self.W @ xt + self.U @ hp)

    return Cell()


# skillup-ai/tettei-engineer chapter14/Q2_ans.py: Wx (1 x h), Wh (h x h), no bias, identity
# activation, scalar input. Count h + h^2.
@_export
def h26c_tettei_rnn(h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.Wx, self.Wh = _p(1, h), _p(h, h)

        def forward(self, xt, hp):
            return hp @ self.Wh + xt @ self.Wx

    return Cell()


# skillup-ai/tettei-engineer chapter14/Q4_ans.py: stacked Wx (x x 4h), Wh (h x 4h), b (4h).
# Count 4h(x + h + 1).
@_export
def h26c_tettei_lstm(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.Wx, self.Wh, self.b = _p(x, 4 * h), _p(h, 4 * h), _p(4 * h)

        def forward(self, xt, state):
            hp, cp = state
            A = xt @ self.Wx + hp @ self.Wh + self.b
            f, g, i, o = A[:, :h], A[:, h:2 * h], A[:, 2 * h:3 * h], A[:, 3 * h:]
            f, g, i, o = torch.sigmoid(f), torch.tanh(g), torch.sigmoid(i), torch.sigmoid(o)
            c = f * cp + g * i
            return o * torch.tanh(c), c

    return Cell()


# stored file id 31224150424 (numpy LSTM with Russian comments, _feedforward): W?x (x x h) for the
# row input, W?h (h x h), b? (h) for ? in f, i, c, o. Count 4h(x + h + 1).
@_export
def h26c_rulstm_lstm(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            for g in "fico":
                setattr(self, f"W{g}x", _p(x, h))
                setattr(self, f"W{g}h", _p(h, h))
                setattr(self, f"b{g}", _p(h))

        def _a(self, g, a, hp):
            return a @ getattr(self, f"W{g}x") + getattr(self, f"W{g}h") @ hp + getattr(self, f"b{g}")

        def forward(self, a, state):
            hp, cp = state
            f = torch.sigmoid(self._a("f", a, hp))
            i = torch.sigmoid(self._a("i", a, hp))
            cc = torch.tanh(self._a("c", a, hp))
            c = cp * f + cc * i
            o = torch.sigmoid(self._a("o", a, hp))
            return o * torch.tanh(c), c

    return Cell()


# stored file id 54862037677 (Vietnamese SR-GNN notes), marked refuse (size of a not determined).
# Plausible reading (SR-GNN): a in R^{2d}; H (d x 2d) on the aggregated node rows, b (2d),
# Wz, Wr, Wo (d x 2d), Uz, Ur, Uo (d x d). Count 2d^2 + 2d + 6d^2 + 3d^2 = 11d^2 + 2d.
@_export
def h26c_vnsrgnn_ggnn(d=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.H, self.b = _p(d, 2 * d), _p(2 * d)
            self.Wz, self.Uz = _p(d, 2 * d), _p(d, d)
            self.Wr, self.Ur = _p(d, 2 * d), _p(d, d)
            self.Wo, self.Uo = _p(d, 2 * d), _p(d, d)

        def forward(self, agg, v):
            # agg: the row A_{s,i:}[v_1..v_n] (d,), v: the node's previous vector (d,)
            a = agg @ self.H + self.b
            z = torch.sigmoid(self.Wz @ a + self.Uz @ v)
            r = torch.sigmoid(self.Wr @ a + self.Ur @ v)
            vt = torch.tanh(self.Wo @ a + self.Uo @ (r * v))
            return (1 - z) * v + z * vt

    return Cell()


# stored file id 5700345806 (Spanish GRU4Rec report, "### 2.3 Unidades Recurrentes con Compuertas
# (GRU)"): W_z, W_r, W each h x (h + x) on [h_{t-1}, x_t], no biases. Count 3h(h + x).
@_export
def h26c_esgru4rec_gru(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_z, self.W_r, self.W = _p(h, h + x), _p(h, h + x), _p(h, h + x)

        def forward(self, xt, hp):
            hx = torch.cat([hp, xt])
            z = torch.sigmoid(self.W_z @ hx)
            r = torch.sigmoid(self.W_r @ hx)
            hh = torch.tanh(self.W @ torch.cat([r * hp, xt]))
            return (1 - z) * hp + z * hh

    return Cell()
