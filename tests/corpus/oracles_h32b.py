import torch
from torch import nn

__all__ = []


def _export(f):
    __all__.append(f.__name__)
    return f


def _p(*shape):
    return nn.Parameter(torch.randn(*shape) * 0.1)


# ---- shared building blocks (parameter names follow each text) ----

class _Elman(nn.Module):
    """h' = tanh(W_in x + W_rec h + b); W_in (h x x) or (x x h) as the text orders it."""

    def __init__(self, x, h, row_vector=False, names=("W_xh", "W_hh", "b_h")):
        super().__init__()
        self.row_vector = row_vector
        self.names = names
        wi, wh, b = names
        setattr(self, wi, _p(x, h) if row_vector else _p(h, x))
        setattr(self, wh, _p(h, h))
        setattr(self, b, _p(h))

    def forward(self, x, h):
        wi, wh, b = (getattr(self, n) for n in self.names)
        if self.row_vector:
            return torch.tanh(x @ wi + h @ wh + b)
        return torch.tanh(x @ wi.T + h @ wh.T + b)


class _GRUSep(nn.Module):
    """GRU with W_g (h x x), U_g (h x h), b_g for g in r, z, h; reset applied before U_h."""

    def __init__(self, x, h):
        super().__init__()
        for g in ("r", "z", "h"):
            setattr(self, f"W_{g}", _p(h, x))
            setattr(self, f"U_{g}", _p(h, h))
            setattr(self, f"b_{g}", _p(h))

    def forward(self, x, h):
        r = torch.sigmoid(x @ self.W_r.T + h @ self.U_r.T + self.b_r)
        z = torch.sigmoid(x @ self.W_z.T + h @ self.U_z.T + self.b_z)
        ht = torch.tanh(x @ self.W_h.T + (r * h) @ self.U_h.T + self.b_h)
        return (1 - z) * h + z * ht


class _LSTMConcat(nn.Module):
    """LSTM with W_g (h x (h+x)) on [h_{t-1}, x_t] and b_g, g in f, i, C, o."""

    def __init__(self, x, h):
        super().__init__()
        for g in ("f", "i", "C", "o"):
            setattr(self, f"W_{g}", _p(h, h + x))
            setattr(self, f"b_{g}", _p(h))

    def forward(self, x, state):
        h, c = state
        hx = torch.cat([h, x], dim=-1)
        f = torch.sigmoid(hx @ self.W_f.T + self.b_f)
        i = torch.sigmoid(hx @ self.W_i.T + self.b_i)
        ct = torch.tanh(hx @ self.W_C.T + self.b_C)
        o = torch.sigmoid(hx @ self.W_o.T + self.b_o)
        c = f * c + i * ct
        return o * torch.tanh(c), c


# crackedaicode "Simple RNN Cell" exercise: h_t = tanh(x_t W_xh + h_{t-1} W_hh + b_h),
# W_xh (input_dim, hidden_dim), W_hh (hidden_dim, hidden_dim), b_h (hidden_dim,); h0 is an input.
# count = input_dim*hidden_dim + hidden_dim^2 + hidden_dim
@_export
def h32b_crackedai_rnn(input_dim=7, hidden_dim=5):
    return _Elman(input_dim, hidden_dim, row_vector=True, names=("W_xh", "W_hh", "b_h"))


# PixelBank vanilla RNN step: a_t = tanh(W_aa a_{t-1} + W_ax x_t + b_a),
# W_aa (a x a), W_ax (a x x), b_a (a).  count = a^2 + a*x + a
@_export
def h32b_pixelbank_rnn(x=7, a=5):
    return _Elman(x, a, row_vector=False, names=("W_ax", "W_aa", "b_a"))


# M3Dialogue GRU documentation: r, z, candidate each W_g x_t + U_g h_{t-1} + b_g,
# W_g (h x x), U_g (h x h), b_g (h).  count = 3(h*x + h^2 + h)
@_export
def h32b_m3dialogue_gru(x=7, h=5):
    return _GRUSep(x, h)


# Datawhale unusual-deep-learning ch. 6 LSTM: f, i, C~, o each W_g [h_{t-1}, x_t] + b_g,
# W_g (h x (h+x)), b_g (h).  count = 4(h(h+x) + h)
@_export
def h32b_unusualdl_lstm(x=7, h=5):
    return _LSTMConcat(x, h)


# ---- snippets marked refuse: oracle for the most plausible reading (count not checked) ----

# FYS-STK4155 week 45 slide "More LSTM details": only f = sigma(W_f x + U_f h + b_f) is written;
# plausible reading: a standard LSTM with W_g (h x x), U_g (h x h), b_g for f, i, c, o.
# count = 4(h*x + h^2 + h)
class _LSTMSep(nn.Module):
    def __init__(self, x, h):
        super().__init__()
        for g in ("f", "i", "c", "o"):
            setattr(self, f"W_{g}", _p(h, x))
            setattr(self, f"U_{g}", _p(h, h))
            setattr(self, f"b_{g}", _p(h))

    def _pre(self, g, x, h):
        return x @ getattr(self, f"W_{g}").T + h @ getattr(self, f"U_{g}").T + getattr(self, f"b_{g}")

    def forward(self, x, state):
        h, c = state
        f = torch.sigmoid(self._pre("f", x, h))
        i = torch.sigmoid(self._pre("i", x, h))
        ct = torch.tanh(self._pre("c", x, h))
        o = torch.sigmoid(self._pre("o", x, h))
        c = f * c + i * ct
        return o * torch.tanh(c), c


@_export
def h32b_compphysics45_lstm(x=7, h=5):
    return _LSTMSep(x, h)


# DeepLearning.ai summary, GRU section (equations are images): Andrew Ng's full GRU,
# Gamma_u, Gamma_r, c~ each W_g [c_{t-1}, x_t] + b_g with W_g (a x (a+x)), b_g (a).
# count = 3(a(a+x) + a)
class _NgGRU(nn.Module):
    def __init__(self, x, a):
        super().__init__()
        for g in ("u", "r", "c"):
            setattr(self, f"W_{g}", _p(a, a + x))
            setattr(self, f"b_{g}", _p(a))

    def forward(self, x, c):
        cx = torch.cat([c, x], dim=-1)
        u = torch.sigmoid(cx @ self.W_u.T + self.b_u)
        r = torch.sigmoid(cx @ self.W_r.T + self.b_r)
        ct = torch.tanh(torch.cat([r * c, x], dim=-1) @ self.W_c.T + self.b_c)
        return u * ct + (1 - u) * c


@_export
def h32b_dlaisummary_gru(x=7, a=5):
    return _NgGRU(x, a)


# arete_workshop Lecture 11 slide 10 (GRU in prose, tf.keras.layers.GRU()): plausible reading
# is the Keras GRU default (reset_after=True: kernel 3h x x, recurrent 3h x h, bias 2 x 3h).
# count = 3h*x + 3h^2 + 6h  (here built as torch nn.GRUCell, which has the same 3hx + 3h^2 + 6h)
@_export
def h32b_arete_gru(x=7, h=5):
    return nn.GRUCell(x, h)


# saliei LSTM notes (colah figures only): plausible reading is colah's LSTM,
# W_g (h x (h+x)) on [h_{t-1}, x_t] and b_g for f, i, C, o.  count = 4(h(h+x) + h)
@_export
def h32b_saliei_lstm(x=7, h=5):
    return _LSTMConcat(x, h)


# Packt "50 Algorithms" GRU section (math stripped): plausible reading is a standard GRU,
# W_g (h x x), U_g (h x h), b_g for r, z, candidate.  count = 3(h*x + h^2 + h)
@_export
def h32b_packt50algos_gru(x=7, h=5):
    return _GRUSep(x, h)
