import torch
from torch import nn

__all__ = []


def _export(f):
    __all__.append(f.__name__)
    return f


def _p(*shape):
    return nn.Parameter(torch.randn(*shape) * 0.1)


# mindspore-ai/mindspore:docs/api/api_python/nn/mindspore.nn.LSTMCell.rst (Chinese API reference).
# Per gate g in i, f, c, o: W_{gx} (h x x), b_{gx} (h), W_{gh} (h x h), b_{gh} (h).
# Count 4*(h*x + h*h + 2h).
@_export
def h28c_mszh_lstmcell(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            for g in "ifco":
                setattr(self, "W_%sx" % g, _p(h, x))
                setattr(self, "b_%sx" % g, _p(h))
                setattr(self, "W_%sh" % g, _p(h, h))
                setattr(self, "b_%sh" % g, _p(h))

        def _lin(self, g, xt, hp):
            return (getattr(self, "W_%sx" % g) @ xt + getattr(self, "b_%sx" % g)
                    + getattr(self, "W_%sh" % g) @ hp + getattr(self, "b_%sh" % g))

        def forward(self, xt, state):
            hp, cp = state
            i = torch.sigmoid(self._lin("i", xt, hp))
            f = torch.sigmoid(self._lin("f", xt, hp))
            ct = torch.tanh(self._lin("c", xt, hp))
            o = torch.sigmoid(self._lin("o", xt, hp))
            c = f * cp + i * ct
            return o * torch.tanh(c), c

    return Cell()


# mindspore-ai/mindspore:docs/api/api_python/nn/mindspore.nn.GRUCell.rst (Chinese API reference).
# W_{ir}, W_{iz}, W_{in} (h x x); W_{hr}, W_{hz}, W_{hn} (h x h); b_{ir}, b_{hr}, b_{iz}, b_{hz}, b_{in}, b_{hn} (h).
# Count 3*(h*x + h*h) + 6h.
@_export
def h28c_mszh_grucell(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            for g in "rzn":
                setattr(self, "W_i" + g, _p(h, x))
                setattr(self, "b_i" + g, _p(h))
                setattr(self, "W_h" + g, _p(h, h))
                setattr(self, "b_h" + g, _p(h))

        def forward(self, xt, hp):
            r = torch.sigmoid(self.W_ir @ xt + self.b_ir + self.W_hr @ hp + self.b_hr)
            z = torch.sigmoid(self.W_iz @ xt + self.b_iz + self.W_hz @ hp + self.b_hz)
            n = torch.tanh(self.W_in @ xt + self.b_in + r * (self.W_hn @ hp + self.b_hn))
            return (1 - z) * n + z * hp

    return Cell()


# PaddlePaddle/docs:docs/api/paddle/nn/LSTM_cn.rst (Chinese API reference of paddle.nn.LSTM). Defaults
# num_layers=1, direction forward, proj_size=0 (no W_{proj_size}), bias=True. Per gate g in i, f, o, g:
# W_{ig} (h x x), b_{ig} (h), W_{hg} (h x h), b_{hg} (h). Count 4*(h*x + h*h + 2h) (as torch nn.LSTM(x, h)).
@_export
def h28c_pdzh_lstm(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            for g in "ifog":
                setattr(self, "W_i" + g, _p(h, x))
                setattr(self, "b_i" + g, _p(h))
                setattr(self, "W_h" + g, _p(h, h))
                setattr(self, "b_h" + g, _p(h))

        def _lin(self, g, xt, hp):
            return (getattr(self, "W_i" + g) @ xt + getattr(self, "b_i" + g)
                    + getattr(self, "W_h" + g) @ hp + getattr(self, "b_h" + g))

        def forward(self, xt, state):
            hp, cp = state
            i = torch.sigmoid(self._lin("i", xt, hp))
            f = torch.sigmoid(self._lin("f", xt, hp))
            o = torch.sigmoid(self._lin("o", xt, hp))
            g = torch.tanh(self._lin("g", xt, hp))
            c = f * cp + i * g
            return o * torch.tanh(c), c

    return Cell()


# PaddlePaddle/docs:docs/api/paddle/nn/SimpleRNNCell_cn.rst (Chinese API reference of paddle.nn.SimpleRNNCell).
# weight_ih (h x x), weight_hh (h x h), bias_ih (h), bias_hh (h); act (tanh) has no parameters.
# Count h*x + h*h + 2h (as torch nn.RNNCell(x, h)).
@_export
def h28c_pdzh_rnncell(x=7, h=5):
    return nn.RNNCell(x, h)


# d2l-ai/d2l-pt:chapter_recurrent-modern/bi-rnn.md ("### Definição", Portuguese d2l). Forward and backward
# W_xh^{(f)}, W_xh^{(b)} (d x h), W_hh^{(f)}, W_hh^{(b)} (h x h), b_h^{(f)}, b_h^{(b)} (1 x h); output layer
# W_hq (2h x q), b_q (1 x q); phi parameter-free (tanh). Count 2*(d*h + h*h + h) + 2h*q + q.
@_export
def h28c_ptd2l_birnn(n=3, d=7, h=5, q=4):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_xh_f, self.W_hh_f, self.b_h_f = _p(d, h), _p(h, h), _p(1, h)
            self.W_xh_b, self.W_hh_b, self.b_h_b = _p(d, h), _p(h, h), _p(1, h)
            self.W_hq, self.b_q = _p(2 * h, q), _p(1, q)

        def forward(self, X, Hf_prev, Hb_next):
            Hf = torch.tanh(X @ self.W_xh_f + Hf_prev @ self.W_hh_f + self.b_h_f)
            Hb = torch.tanh(X @ self.W_xh_b + Hb_next @ self.W_hh_b + self.b_h_b)
            H = torch.cat([Hf, Hb], dim=1)
            return H @ self.W_hq + self.b_q, Hf, Hb

    return Cell()


# d2l-ai/d2l-tr:chapter_recurrent-modern/deep-rnn.md ("## Fonksiyonel Bağlılıklar", Turkish d2l). REFUSE:
# W_xh^{(l)} is stated h x h for every layer although layer 1 reads H^{(0)} = X_t (n x d), and L is free.
# Most plausible reading (L=3): layer 1 W_xh^{(1)} (d x h), layers 2..L W_xh^{(l)} (h x h); every layer
# W_hh^{(l)} (h x h), b_h^{(l)} (1 x h); output W_hq (h x q), b_q (1 x q).
# Count (d*h + h*h + h) + (L-1)*(2h*h + h) + h*q + q.
@_export
def h28c_trd2l_deeprnn(n=3, d=7, h=5, q=4, L=3):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_xh = nn.ParameterList([_p(d if l == 0 else h, h) for l in range(L)])
            self.W_hh = nn.ParameterList([_p(h, h) for _ in range(L)])
            self.b_h = nn.ParameterList([_p(1, h) for _ in range(L)])
            self.W_hq, self.b_q = _p(h, q), _p(1, q)

        def forward(self, X, Hs):
            inp, new = X, []
            for l in range(L):
                Hl = torch.tanh(inp @ self.W_xh[l] + Hs[l] @ self.W_hh[l] + self.b_h[l])
                new.append(Hl)
                inp = Hl
            return inp @ self.W_hq + self.b_q, new

    return Cell()


# stored file id 71159150326 (German Streamlit LSTM demo, "So funktioniert das LSTM"). REFUSE: the gates
# f, i, o and candidate g are only said to be computed from x_t and h_{t-1}. Most plausible reading:
# standard LSTM, per gate W (h x x), U (h x h), b (h). Count 4*(h*x + h*h + h).
@_export
def h28c_destreamlit_lstm(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            for g in "fiog":
                setattr(self, "W" + g, _p(h, x))
                setattr(self, "U" + g, _p(h, h))
                setattr(self, "b" + g, _p(h))

        def _lin(self, g, xt, hp):
            return getattr(self, "W" + g) @ xt + getattr(self, "U" + g) @ hp + getattr(self, "b" + g)

        def forward(self, xt, state):
            hp, cp = state
            f = torch.sigmoid(self._lin("f", xt, hp))
            i = torch.sigmoid(self._lin("i", xt, hp))
            o = torch.sigmoid(self._lin("o", xt, hp))
            g = torch.tanh(self._lin("g", xt, hp))
            c = f * cp + i * g
            return o * torch.tanh(c), c

    return Cell()


# stored file id 71340749933 (German NumPy lstm_model.py, class LSTM). Scalar input: per gate g in f, i, o, g
# W{g} (H x 1), U{g} (H x H), b{g} (H); read-out Why (H) and by (shape (), one number).
# Count 4*(H + H*H + H) + H + 1.
@_export
def h28c_denumpy_lstm(H=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            for g in "fiog":
                setattr(self, "W" + g, _p(H, 1))
                setattr(self, "U" + g, _p(H, H))
                setattr(self, "b" + g, _p(H))
            self.Why = _p(H)
            self.by = nn.Parameter(torch.zeros(()))

        def _lin(self, g, x, h):
            return getattr(self, "W" + g)[:, 0] * x + getattr(self, "U" + g) @ h + getattr(self, "b" + g)

        def forward(self, x, state):
            h, c = state
            f = torch.sigmoid(self._lin("f", x, h))
            i = torch.sigmoid(self._lin("i", x, h))
            o = torch.sigmoid(self._lin("o", x, h))
            g = torch.tanh(self._lin("g", x, h))
            c = f * c + i * g
            h = o * torch.tanh(c)
            s = self.Why @ h + self.by
            return s, (h, c)

    return Cell()


# https://static.kancloud.cn/wizardforcel/mastering-tf-1x-zh/1278641 (Chinese "Mastering TensorFlow 1.x",
# GRU 网络). REFUSE: every formula is an image. Most plausible reading: standard GRU with update u, reset r
# and candidate, each W (h x x), U (h x h), b (h). Count 3*(h*x + h*h + h).
@_export
def h28c_zhkancloud_gru(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            for g in "urc":
                setattr(self, "W_" + g, _p(h, x))
                setattr(self, "U_" + g, _p(h, h))
                setattr(self, "b_" + g, _p(h))

        def forward(self, xt, hp):
            u = torch.sigmoid(self.W_u @ xt + self.U_u @ hp + self.b_u)
            r = torch.sigmoid(self.W_r @ xt + self.U_r @ hp + self.b_r)
            c = torch.tanh(self.W_c @ xt + self.U_c @ (r * hp) + self.b_c)
            return u * c + (1 - u) * hp

    return Cell()


# stored file id 43799454613 (Chinese translation of the Element-Research/rnn README, "## LSTM ##").
# W[x->i], W[x->f], W[x->c], W[x->o] (h x x); W[h->i], W[h->f], W[h->c], W[h->o] (h x h);
# diagonal peepholes W[c->i], W[c->f], W[c->o] (h each); b[1->i], b[1->f], b[1->c], b[1->o] (h).
# Count 4*h*x + 4*h*h + 3h + 4h.
@_export
def h28c_rnnzh_lstm(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            for g in "ifco":
                setattr(self, "W_x" + g, _p(h, x))
                setattr(self, "W_h" + g, _p(h, h))
                setattr(self, "b_" + g, _p(h))
            for g in "ifo":
                setattr(self, "w_c" + g, _p(h))

        def forward(self, xt, state):
            hp, cp = state
            i = torch.sigmoid(self.W_xi @ xt + self.W_hi @ hp + self.w_ci * cp + self.b_i)
            f = torch.sigmoid(self.W_xf @ xt + self.W_hf @ hp + self.w_cf * cp + self.b_f)
            z = torch.tanh(self.W_xc @ xt + self.W_hc @ hp + self.b_c)
            c = f * cp + i * z
            o = torch.sigmoid(self.W_xo @ xt + self.W_ho @ hp + self.w_co * c + self.b_o)
            return o * torch.tanh(c), c

    return Cell()


# stored file id 43799454613 (Chinese translation of the Element-Research/rnn README, "## GRU ##").
# W[x->z], W[x->r], W[x->h] (h x x); W[s->z], W[s->r], W[hr->c] (h x h); b[1->z], b[1->r], b[1->h] (h).
# Count 3*h*x + 3*h*h + 3h.
@_export
def h28c_rnnzh_gru(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            for g in "zrh":
                setattr(self, "W_x" + g, _p(h, x))
                setattr(self, "b_" + g, _p(h))
            self.W_sz, self.W_sr, self.W_hrc = _p(h, h), _p(h, h), _p(h, h)

        def forward(self, xt, sp):
            z = torch.sigmoid(self.W_xz @ xt + self.W_sz @ sp + self.b_z)
            r = torch.sigmoid(self.W_xr @ xt + self.W_sr @ sp + self.b_r)
            hh = torch.tanh(self.W_xh @ xt + self.W_hrc @ (sp * r) + self.b_h)
            return (1 - z) * hh + z * sp

    return Cell()


# stored file id 55854906789 (Korean GRU4Rec learning card, "## 도입"). No biases: W_z, W_r, W (h x x);
# U_z, U_r, U (h x h). Count 3*(h*x + h*h).
@_export
def h28c_kogru4rec_gru(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_z, self.W_r, self.W = _p(h, x), _p(h, x), _p(h, x)
            self.U_z, self.U_r, self.U = _p(h, h), _p(h, h), _p(h, h)

        def forward(self, xt, hp):
            z = torch.sigmoid(self.W_z @ xt + self.U_z @ hp)
            r = torch.sigmoid(self.W_r @ xt + self.U_r @ hp)
            ht = torch.tanh(self.W @ xt + self.U @ (r * hp))
            return (1 - z) * hp + z * ht

    return Cell()
