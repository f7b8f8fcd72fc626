"""Oracles for the h5a-* snippets of the heldout5 set-aside corpus."""
import torch
from torch import nn

__all__ = [
    "h5a_numpyml_rnncell",
    "h5a_numpyml_lstmcell",
    "h5a_megengine_lstmcell",
    "h5a_tf_lstmblockcell",
    "h5a_gluonnlp_lstmpclip",
    "h5a_shogun_recurrent",
    "h5a_rfr_rnn",
    "h5a_rfr_lstm",
    "h5a_tafkir_lstmcell",
    "h5a_neurophone_lstm",
    "h5a_rust_grulayer",
    "h5a_hologram_lstm",
    "h5a_hologram_gru",
    "h5a_wgpu_rnncell",
    "h5a_wgpu_lstmcell",
    "h5a_mml_rnncell",
    "h5a_dlvk_gru",
    "h5a_jsgru_gru",
]


def _p(*shape):
    return nn.Parameter(torch.randn(*shape) * 0.1)


class _Cell(nn.Module):
    """Base: holds sizes and an example() giving inputs for one step."""

    def example(self):
        return tuple(torch.randn(s) for s in self._example_shapes)


# numpy-ml RNNCell: Z = W_ax X + b_ax + W_aa A + b_aa ; A = f(Z)
class _NumpyMLRNN(_Cell):
    def __init__(self, X, A):
        super().__init__()
        self.W_ax = _p(A, X)
        self.b_ax = _p(A)
        self.W_aa = _p(A, A)
        self.b_aa = _p(A)
        self._example_shapes = [(X,), (A,)]

    def forward(self, x, a):
        return torch.tanh(self.W_ax @ x + self.b_ax + self.W_aa @ a + self.b_aa)


def h5a_numpyml_rnncell(X, A):
    return _NumpyMLRNN(X, A)


# numpy-ml LSTMCell: Z = stack([A, X]); Wf, Wu, Wo, Wc act on Z, each with a bias
class _NumpyMLLSTM(_Cell):
    def __init__(self, X, A):
        super().__init__()
        for g in ("f", "u", "o", "c"):
            setattr(self, "W" + g, _p(A, A + X))
            setattr(self, "b" + g, _p(A))
        self._example_shapes = [(X,), (A,), (A,)]

    def forward(self, x, a, c):
        z = torch.cat([a, x])
        gf = torch.sigmoid(self.Wf @ z + self.bf)
        gu = torch.sigmoid(self.Wu @ z + self.bu)
        go = torch.sigmoid(self.Wo @ z + self.bo)
        cc = torch.tanh(self.Wc @ z + self.bc)
        c = gf * c + gu * cc
        return go * torch.tanh(c), c


def h5a_numpyml_lstmcell(X, A):
    return _NumpyMLLSTM(X, A)


# MegEngine LSTMCell documents the same cell as torch.nn.LSTMCell
def h5a_megengine_lstmcell(x, h):
    m = nn.LSTMCell(x, h)
    m.example = lambda: (torch.randn(1, x), (torch.randn(1, h), torch.randn(1, h)))
    return m


# TF LSTMBlockCell with use_peephole: one fused w on [x, h_prev], one b, diagonal peepholes
class _TFBlockLSTM(_Cell):
    def __init__(self, x, h):
        super().__init__()
        self.w = _p(x + h, 4 * h)
        self.b = _p(4 * h)
        self.wci = _p(h)
        self.wcf = _p(h)
        self.wco = _p(h)
        self._example_shapes = [(x,), (h,), (h,)]

    def forward(self, x, cs_prev, h_prev):
        xh = torch.cat([x, h_prev])
        i, f, ci, o = (xh @ self.w + self.b).chunk(4)
        f = f + 1.0
        i = torch.sigmoid(cs_prev * self.wci + i)
        f = torch.sigmoid(cs_prev * self.wcf + f)
        ci = torch.tanh(ci)
        cs = (ci * i + cs_prev * f).clamp(-3, 3)
        o = torch.sigmoid(cs * self.wco + o)
        return torch.tanh(cs) * o, cs


def h5a_tf_lstmblockcell(x, h):
    return _TFBlockLSTM(x, h)


# gluon-nlp LSTMPCellWithClip: 4 gates from x and projected r, biases on both sides, W_hr no bias
class _LSTMP(_Cell):
    def __init__(self, x, h, r):
        super().__init__()
        for g in ("i", "f", "g", "o"):
            setattr(self, "W_i" + g, _p(h, x))
            setattr(self, "b_i" + g, _p(h))
            setattr(self, "W_r" + g, _p(h, r))
            setattr(self, "b_r" + g, _p(h))
        self.W_hr = _p(r, h)
        self._example_shapes = [(x,), (r,), (h,)]

    def forward(self, x, r, c):
        def pre(g):
            return (getattr(self, "W_i" + g) @ x + getattr(self, "b_i" + g)
                    + getattr(self, "W_r" + g) @ r + getattr(self, "b_r" + g))
        i, f, o = torch.sigmoid(pre("i")), torch.sigmoid(pre("f")), torch.sigmoid(pre("o"))
        g = torch.tanh(pre("g"))
        c = (f * c + i * g).clamp(-3, 3)
        h = o * torch.tanh(c)
        return (self.W_hr @ h).clamp(-3, 3), c


def h5a_gluonnlp_lstmpclip(x, h, r):
    return _LSTMP(x, h, r)


# shogun CNeuralRecurrentLayer: h_t = f(W x_t + U s_{t-1}) + b_h ; y_t = f(V h_t) + b_y
class _ShogunRNN(_Cell):
    def __init__(self, x, h, y):
        super().__init__()
        self.W = _p(h, x)
        self.U = _p(h, h)
        self.b_h = _p(h)
        self.V = _p(y, h)
        self.b_y = _p(y)
        self._example_shapes = [(x,), (h,)]

    def forward(self, x, s):
        h = (self.W @ x + self.U @ s) + self.b_h
        return h, (self.V @ h) + self.b_y


def h5a_shogun_recurrent(x, h, y):
    return _ShogunRNN(x, h, y)


# French R roxygen rnn_forward: Wxh (H x d), Whh (H x H), Why (O x H), bh (H), by (O)
class _RfrRNN(_Cell):
    def __init__(self, d, H, O):
        super().__init__()
        self.Wxh = _p(H, d)
        self.Whh = _p(H, H)
        self.Why = _p(O, H)
        self.bh = _p(H)
        self.by = _p(O)
        self._example_shapes = [(d,), (H,)]

    def forward(self, x, h):
        h = torch.tanh(self.Wxh @ x + self.Whh @ h + self.bh)
        return h, self.Why @ h + self.by


def h5a_rfr_rnn(d, H, O):
    return _RfrRNN(d, H, O)


# French R roxygen lstm_forward: Wi, Wf, Wo, Wg (H x (d+H)) on [x_t, h_{t-1}], biases bi..bg (H)
class _RfrLSTM(_Cell):
    def __init__(self, d, H):
        super().__init__()
        for g in ("i", "f", "o", "g"):
            setattr(self, "W" + g, _p(H, d + H))
            setattr(self, "b" + g, _p(H))
        self._example_shapes = [(d,), (H,), (H,)]

    def forward(self, x, h, c):
        z = torch.cat([x, h])
        i = torch.sigmoid(self.Wi @ z + self.bi)
        f = torch.sigmoid(self.Wf @ z + self.bf)
        o = torch.sigmoid(self.Wo @ z + self.bo)
        g = torch.tanh(self.Wg @ z + self.bg)
        c = f * c + i * g
        return o * torch.tanh(c), c


def h5a_rfr_lstm(d, H):
    return _RfrLSTM(d, H)


def _lstmcell(x, h):
    m = nn.LSTMCell(x, h)
    m.example = lambda: (torch.randn(1, x), (torch.randn(1, h), torch.randn(1, h)))
    return m


def _grucell(x, h):
    m = nn.GRUCell(x, h)
    m.example = lambda: (torch.randn(1, x), torch.randn(1, h))
    return m


def _rnncell(x, h):
    m = nn.RNNCell(x, h)
    m.example = lambda: (torch.randn(1, x), torch.randn(1, h))
    return m


# Java tafkir LSTMCell documents the torch.nn.LSTMCell equations (two biases per gate)
def h5a_tafkir_lstmcell(x, h):
    return _lstmcell(x, h)


# Kotlin LstmClassifier KDoc: W_x* (h x x), W_h* (h x h), one bias per gate
class _GatedOneBias(_Cell):
    def __init__(self, x, h, gates, xname, hname, bname):
        super().__init__()
        self._gates = gates
        self._n = (xname, hname, bname)
        for g in gates:
            setattr(self, xname + g, _p(h, x))
            setattr(self, hname + g, _p(h, h))
            setattr(self, bname + g, _p(h))

    def pre(self, g, x, h):
        xn, hn, bn = self._n
        return getattr(self, xn + g) @ x + getattr(self, hn + g) @ h + getattr(self, bn + g)


class _NeurophoneLSTM(_GatedOneBias):
    def __init__(self, x, h):
        super().__init__(x, h, ("i", "f", "g", "o"), "W_x", "W_h", "b_")
        self._example_shapes = [(x,), (h,), (h,)]

    def forward(self, x, h, c):
        i = torch.sigmoid(self.pre("i", x, h))
        f = torch.sigmoid(self.pre("f", x, h))
        g = torch.tanh(self.pre("g", x, h))
        o = torch.sigmoid(self.pre("o", x, h))
        c = f * c + i * g
        return o * torch.tanh(c), c


def h5a_neurophone_lstm(x, h):
    return _NeurophoneLSTM(x, h)


# Rust GRULayer doc: the torch.nn.GRU cell equations (b_hn inside the reset product)
def h5a_rust_grulayer(x, h):
    return _grucell(x, h)


# Hologram ONNX translate_lstm doc: W_* (h x x), R_* (h x h), one bias b_* per gate
class _HoloLSTM(_GatedOneBias):
    def __init__(self, x, h):
        super().__init__(x, h, ("i", "f", "c", "o"), "W_", "R_", "b_")
        self._example_shapes = [(x,), (h,), (h,)]

    def forward(self, x, h, C):
        i = torch.sigmoid(self.pre("i", x, h))
        f = torch.sigmoid(self.pre("f", x, h))
        c = torch.tanh(self.pre("c", x, h))
        o = torch.sigmoid(self.pre("o", x, h))
        C = f * C + i * c
        return o * torch.tanh(C), C


def h5a_hologram_lstm(x, h):
    return _HoloLSTM(x, h)


# Hologram ONNX translate_gru doc: z, r, h' each with W_* (h x x), R_* (h x h), one bias
class _HoloGRU(_GatedOneBias):
    def __init__(self, x, h):
        super().__init__(x, h, ("z", "r", "h"), "W_", "R_", "b_")
        self._example_shapes = [(x,), (h,)]

    def forward(self, x, h):
        z = torch.sigmoid(self.pre("z", x, h))
        r = torch.sigmoid(self.pre("r", x, h))
        hh = torch.tanh(self.W_h @ x + self.R_h @ (r * h) + self.b_h)
        return (1 - z) * hh + z * h


def h5a_hologram_gru(x, h):
    return _HoloGRU(x, h)


# wgpu RNNCell doc: the torch.nn.RNNCell equation with b_ih and b_hh
def h5a_wgpu_rnncell(x, h):
    return _rnncell(x, h)


# wgpu LSTMCell doc (refuse): the equations are those of torch.nn.LSTMCell
def h5a_wgpu_lstmcell(x, h):
    return _lstmcell(x, h)


# MML nn_Layer_RNNCell: the torch.nn.RNNCell equation with b_ih and b_hh (has_bias defaults to True)
def h5a_mml_rnncell(x, h):
    return _rnncell(x, h)


# DLVK GRULayer doc: r and z gates with W_i*/W_h* and two biases each; the new gate with
# W_ih, b_ih, W_hh, b_hh and the reset applied to (W_hh h + b_hh): the torch.nn.GRUCell cell
def h5a_dlvk_gru(x, h):
    return _grucell(x, h)


# JS GRU doc: W_z, W_r act on [h_{t-1}, x_t]; W_h on [r_t * h_{t-1}, x_t]; one bias per gate
class _ConcatGRU(_Cell):
    def __init__(self, x, h):
        super().__init__()
        for g in ("z", "r", "h"):
            setattr(self, "W_" + g, _p(h, h + x))
            setattr(self, "b_" + g, _p(h))
        self._example_shapes = [(x,), (h,)]

    def forward(self, x, h):
        hx = torch.cat([h, x])
        z = torch.sigmoid(self.W_z @ hx + self.b_z)
        r = torch.sigmoid(self.W_r @ hx + self.b_r)
        hh = torch.tanh(self.W_h @ torch.cat([r * h, x]) + self.b_h)
        return (1 - z) * h + z * hh


def h5a_jsgru_gru(x, h):
    return _ConcatGRU(x, h)
