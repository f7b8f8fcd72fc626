"""Oracles for the h36a set-aside snippets (heldout36), as its gatherer wrote them."""
import torch
from torch import nn

__all__ = []


def _export(f):
    __all__.append(f.__name__)
    return f


def _p(*shape):
    return nn.Parameter(torch.randn(*shape) * 0.1)


# d2l-zh-pytorch-colab lstm.ipynb; row-vector LSTM: W_x* (d×h) ×4, W_h* (h×h) ×4, b_* (1×h) ×4; no output layer; Count: 4(dh + h^2 + h).
@_export
def h36a_zh_lstm(d=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            for g in 'ifoc':
                setattr(self, 'W_x' + g, _p(d, h))
                setattr(self, 'W_h' + g, _p(h, h))
                setattr(self, 'b_' + g, _p(1, h))

        def forward(self, X, H, C):
            a = lambda g: X @ getattr(self, 'W_x' + g) + H @ getattr(self, 'W_h' + g) + getattr(self, 'b_' + g)
            I, F, O = torch.sigmoid(a('i')), torch.sigmoid(a('f')), torch.sigmoid(a('o'))
            Ct = torch.tanh(a('c'))
            C = F * C + I * Ct
            return O * torch.tanh(C), C
    return Cell()


# d2l-tensorflow-colab lstm.ipynb; same reading as h36a_zh_lstm; Count: 4(dh + h^2 + h).
@_export
def h36a_tf_lstm(d=7, h=5):
    return h36a_zh_lstm(d=d, h=h)


def _gru(d, h):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_xr, self.W_hr, self.b_r = _p(d, h), _p(h, h), _p(1, h)
            self.W_xz, self.W_hz, self.b_z = _p(d, h), _p(h, h), _p(1, h)
            self.W_xh, self.W_hh, self.b_h = _p(d, h), _p(h, h), _p(1, h)

        def forward(self, X, H):
            R = torch.sigmoid(X @ self.W_xr + H @ self.W_hr + self.b_r)
            Z = torch.sigmoid(X @ self.W_xz + H @ self.W_hz + self.b_z)
            Ht = torch.tanh(X @ self.W_xh + (R * H) @ self.W_hh + self.b_h)
            return Z * H + (1 - Z) * Ht
    return Cell()


# d2l-en-colab gru.ipynb (MXNet era); W_xr,W_xz,W_xh (d×h), W_hr,W_hz,W_hh (h×h), b_r,b_z,b_h (1×h);
# the plain-RNN equation shown reuses W_xh, W_hh, b_h (not extra parameters); Count: 3(dh + h^2 + h).
@_export
def h36a_en_gru(d=7, h=5):
    return _gru(d, h)


# d2l-zh-pytorch-colab gru.ipynb; same reading; Count: 3(dh + h^2 + h).
@_export
def h36a_zh_gru(d=7, h=5):
    return _gru(d, h)


# nabacg Coursera RNN cell; W_aa (n_a×n_a), W_ax (n_a×n_x), b_a (n_a), W_ya (y×n_a), b_y (y);
# Count: n_a^2 + n_a n_x + n_a + y n_a + y.
@_export
def h36a_coursera_rnn(n_x=7, n_a=5, y=3):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_aa, self.W_ax, self.b_a = _p(n_a, n_a), _p(n_a, n_x), _p(n_a, 1)
            self.W_ya, self.b_y = _p(y, n_a), _p(y, 1)

        def forward(self, x, a):
            a = torch.tanh(self.W_aa @ a + self.W_ax @ x + self.b_a)
            return a, torch.softmax(self.W_ya @ a + self.b_y, dim=0)
    return Cell()


def _lstm_concat(x, a, y=None):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            for g in 'fuco':
                setattr(self, 'W_' + g, _p(a, a + x))
                setattr(self, 'b_' + g, _p(a, 1))
            if y is not None:
                self.W_y, self.b_y = _p(y, a), _p(y, 1)

        def forward(self, xt, at, ct):
            z = torch.cat([at, xt], 0)
            g = lambda k: getattr(self, 'W_' + k) @ z + getattr(self, 'b_' + k)
            f, u, o = torch.sigmoid(g('f')), torch.sigmoid(g('u')), torch.sigmoid(g('o'))
            c = f * ct + u * torch.tanh(g('c'))
            an = o * torch.tanh(c)
            if y is not None:
                return an, c, torch.softmax(self.W_y @ an + self.b_y, dim=0)
            return an, c
    return Cell()


# nabacg Coursera LSTM eqs (1)-(6); W_f,W_u,W_c,W_o (a×(a+x)), b_f,b_u,b_c,b_o (a); no output layer in these eqs;
# Count: 4(a(a+x) + a).
@_export
def h36a_coursera_lstm(x=7, a=5):
    return _lstm_concat(x, a)


# amanchadha Coursera LSTM (2020 revision) eqs (1)-(6) + prediction softmax(W_y a + b_y); W_f,W_i,W_c,W_o (a×(a+x)),
# biases (a), W_y (y×a), b_y (y); Count: 4(a(a+x) + a) + ya + y.
@_export
def h36a_amanchadha_lstm(x=7, a=5, y=3):
    return _lstm_concat(x, a, y)


# d2l-jax-colab deep-rnn.ipynb; L stacked RNN layers: layer 1 W_xh^(1) (d×h) [text says h×h, contradicted by
# H^(0)=X_t ∈ R^{n×d}], layers l≥2 W_xh^(l) (h×h); W_hh^(l) (h×h); b_h^(l) (1×h); output W_hq (h×q), b_q (1×q);
# Count: (dh + h^2 + h) + (L-1)(2h^2 + h) + hq + q.
@_export
def h36a_jax_deeprnn(d=7, h=5, q=3, L=2):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_xh = nn.ParameterList([_p(d if l == 0 else h, h) for l in range(L)])
            self.W_hh = nn.ParameterList([_p(h, h) for _ in range(L)])
            self.b_h = nn.ParameterList([_p(1, h) for _ in range(L)])
            self.W_hq, self.b_q = _p(h, q), _p(1, q)

        def forward(self, X, Hs):
            inp, out = X, []
            for l in range(L):
                Hl = torch.tanh(inp @ self.W_xh[l] + Hs[l] @ self.W_hh[l] + self.b_h[l])
                out.append(Hl)
                inp = Hl
            return inp @ self.W_hq + self.b_q, out
    return Cell()


# d2l-zh-tensorflow-colab rnn.ipynb; W_xh (d×h), W_hh (h×h), b_h (1×h), W_hq (h×q), b_q (1×q);
# Count: dh + h^2 + h + hq + q.
@_export
def h36a_zhtf_rnn(d=7, h=5, q=3):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_xh, self.W_hh, self.b_h = _p(d, h), _p(h, h), _p(1, h)
            self.W_hq, self.b_q = _p(h, q), _p(1, q)

        def forward(self, X, H):
            H = torch.tanh(X @ self.W_xh + H @ self.W_hh + self.b_h)
            return H @ self.W_hq + self.b_q, H
    return Cell()


# d2l-zh-paddle-colab bi-rnn.ipynb; per direction W_xh (d×h), W_hh (h×h), b_h (1×h); output W_hq (2h×q), b_q (1×q);
# Count: 2(dh + h^2 + h) + 2hq + q.
@_export
def h36a_zhpaddle_birnn(d=7, h=5, q=3):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_xh_f, self.W_hh_f, self.b_h_f = _p(d, h), _p(h, h), _p(1, h)
            self.W_xh_b, self.W_hh_b, self.b_h_b = _p(d, h), _p(h, h), _p(1, h)
            self.W_hq, self.b_q = _p(2 * h, q), _p(1, q)

        def forward(self, X, Hf_prev, Hb_next):
            Hf = torch.tanh(X @ self.W_xh_f + Hf_prev @ self.W_hh_f + self.b_h_f)
            Hb = torch.tanh(X @ self.W_xh_b + Hb_next @ self.W_hh_b + self.b_h_b)
            H = torch.cat([Hf, Hb], -1)
            return H @ self.W_hq + self.b_q
    return Cell()
