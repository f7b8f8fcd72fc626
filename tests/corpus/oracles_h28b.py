import torch
from torch import nn

__all__ = []


def _export(f):
    __all__.append(f.__name__)
    return f


def _p(*shape):
    return nn.Parameter(torch.randn(*shape) * 0.1)


class _ConcatLSTM(nn.Module):
    """LSTM whose four gates each read [h_{t-1}, x_t] through one W (h x (h+x)) and one b (h)."""

    def __init__(self, x, h, names=("f", "i", "c", "o")):
        super().__init__()
        self.names = names
        for n in names:
            setattr(self, "W_" + n, _p(h, h + x))
            setattr(self, "b_" + n, _p(h))

    def forward(self, x, state):
        h, c = state
        hx = torch.cat([h, x], -1)
        g = {n: hx @ getattr(self, "W_" + n).T + getattr(self, "b_" + n) for n in self.names}
        f, i, cc, o = (g[n] for n in self.names)
        c = torch.sigmoid(f) * c + torch.sigmoid(i) * torch.tanh(cc)
        h = torch.sigmoid(o) * torch.tanh(c)
        return h, c


class _ConcatGRU(nn.Module):
    """GRU, gates read [h_{t-1}, x_t]; candidate reads [r_t * h_{t-1}, x_t]; W (h x (h+x)), b (h) each."""

    def __init__(self, x, h, names=("r", "z", "h")):
        super().__init__()
        self.names = names
        for n in names:
            setattr(self, "W_" + n, _p(h, h + x))
            setattr(self, "b_" + n, _p(h))

    def forward(self, x, h):
        nr, nz, nh = self.names
        hx = torch.cat([h, x], -1)
        r = torch.sigmoid(hx @ getattr(self, "W_" + nr).T + getattr(self, "b_" + nr))
        z = torch.sigmoid(hx @ getattr(self, "W_" + nz).T + getattr(self, "b_" + nz))
        ht = torch.tanh(torch.cat([r * h, x], -1) @ getattr(self, "W_" + nh).T + getattr(self, "b_" + nh))
        return (1 - z) * h + z * ht


# stored file id 21868636352 (TS course module lstmGruSection, ## LSTM Equations). W_f, W_i, W_c, W_o each
# h x (h + x) acting on [h_{t-1}, x_t]; b_f, b_i, b_c, b_o each h. Count 4(h(h + x) + h).
@_export
def h28b_tscourse_lstm(x=7, h=5):
    return _ConcatLSTM(x, h, ("f", "i", "c", "o"))


# stored file id 21868636352 (TS course module lstmGruSection, **GRU Equations**). W_r, W_z, W_h each
# h x (h + x); b_r, b_z, b_h each h. Count 3(h(h + x) + h).
@_export
def h28b_tscourse_gru(x=7, h=5):
    return _ConcatGRU(x, h, ("r", "z", "h"))


# stored file id 2263080543 (TS course topic lstmGru, HTML, The Three Gates). W_f, W_i, W_C, W_o each
# h x (h + x) on [h_{t-1}, x_t]; b_f, b_i, b_C, b_o each h. Count 4(h(h + x) + h) (the page's 4(h² + xh + h)).
@_export
def h28b_tshtml_lstm(x=7, h=5):
    return _ConcatLSTM(x, h, ("f", "i", "C", "o"))


# stored file id 2263080543 (TS course topic lstmGru, HTML, GRU: Simplicity Through Unification). W_z, W_r,
# W (candidate) each h x (h + x); b_z, b_r, b each h. Count 3(h(h + x) + h) (the page's 3(h² + xh + h)).
@_export
def h28b_tshtml_gru(x=7, h=5):
    return _ConcatGRU(x, h, ("r", "z", "h"))


# stored file id 53404039865 (JS demo note "Neural Network Architectures", ### 3.1 Vanilla RNN). W_hh (h x h),
# W_xh (h x x), b_h (h); output W_hy (y x h), b_y (y). Count h^2 + hx + h + yh + y.
@_export
def h28b_jsnote_rnn(x=7, h=5, y=3):
    class M(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_hh, self.W_xh, self.b_h = _p(h, h), _p(h, x), _p(h)
            self.W_hy, self.b_y = _p(y, h), _p(y)

        def forward(self, xt, hp):
            ht = torch.tanh(hp @ self.W_hh.T + xt @ self.W_xh.T + self.b_h)
            return ht, ht @ self.W_hy.T + self.b_y
    return M()


# stored file id 53404039865 (JS demo note, ### 3.4 Gated Recurrent Unit (GRU)). W_z, W_r, W each h x (h + x)
# on a concatenation, no biases. Count 3h(h + x).
@_export
def h28b_jsnote_gru(x=7, h=5):
    class M(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_z, self.W_r, self.W = _p(h, h + x), _p(h, h + x), _p(h, h + x)

        def forward(self, xt, hp):
            hx = torch.cat([hp, xt], -1)
            z = torch.sigmoid(hx @ self.W_z.T)
            r = torch.sigmoid(hx @ self.W_r.T)
            ht = torch.tanh(torch.cat([r * hp, xt], -1) @ self.W.T)
            return (1 - z) * hp + z * ht
    return M()


# stored file id 36254833588 (Python lesson script, peephole connections; marked refuse). Most plausible
# reading: gates W_f, W_i, W_o (h x (h + x)) on [h, x], no biases, full peepholes V_f, V_i, V_o (h x h), plus an
# assumed candidate W_c (h x (h + x)) that the text never writes. Count 4h(h + x) + 3h^2 under that guess.
@_export
def h28b_pyprint_peephole(x=7, h=5):
    class M(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_f, self.W_i, self.W_o, self.W_c = (_p(h, h + x) for _ in range(4))
            self.V_f, self.V_i, self.V_o = (_p(h, h) for _ in range(3))

        def forward(self, xt, state):
            hp, cp = state
            hx = torch.cat([hp, xt], -1)
            f = torch.sigmoid(hx @ self.W_f.T + cp @ self.V_f.T)
            i = torch.sigmoid(hx @ self.W_i.T + cp @ self.V_i.T)
            c = f * cp + i * torch.tanh(hx @ self.W_c.T)
            o = torch.sigmoid(hx @ self.W_o.T + c @ self.V_o.T)
            return o * torch.tanh(c), c
    return M()


class _SplitGRU(nn.Module):
    """GRU with W_* (h x x), U_* (h x h), b_* (h) per gate; reset applied to h_{t-1} before U_h."""

    def __init__(self, x, h):
        super().__init__()
        for g in "zrh":
            setattr(self, "W_" + g, _p(h, x))
            setattr(self, "U_" + g, _p(h, h))
            setattr(self, "b_" + g, _p(h))

    def forward(self, xt, hp):
        z = torch.sigmoid(xt @ self.W_z.T + hp @ self.U_z.T + self.b_z)
        r = torch.sigmoid(xt @ self.W_r.T + hp @ self.U_r.T + self.b_r)
        ht = torch.tanh(xt @ self.W_h.T + (r * hp) @ self.U_h.T + self.b_h)
        return (1 - z) * hp + z * ht


# ChristianLin0420/machine-learning-fundamental:33_gru/README.md (### Theory). W_z, W_r, W_h (h x x); U_z, U_r,
# U_h (h x h); b_z, b_r, b_h (h). The "linear or affine head" is mentioned but not written: not counted.
# Count 3(hx + h^2 + h).
@_export
def h28b_mlfund_gru(x=7, h=5):
    return _SplitGRU(x, h)


# stored file id 54613662721 (Zola notes page "Recurrent Neural Networks", ## The recurrent cell). theta =
# (W_x (h x x), W_h (h x h), b (h), W_y (y x h), c (y)). Count hx + h^2 + h + yh + y.
@_export
def h28b_zola_elman(x=7, h=5, y=3):
    class M(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_x, self.W_h, self.b = _p(h, x), _p(h, h), _p(h)
            self.W_y, self.c = _p(y, h), _p(y)

        def forward(self, xt, hp):
            ht = torch.tanh(xt @ self.W_x.T + hp @ self.W_h.T + self.b)
            return ht, ht @ self.W_y.T + self.c
    return M()


# stored file id 32035869550 (sfig JS lecture slide "Long Short Term Memory (LSTM)"; marked refuse). Reading
# taken here: W_i, W_f, W_c, W_o (h x x); U_i, U_f, U_c, U_o (h x h); b_i, b_f, b_c, b_o (h); peepholes
# V_i, V_f, V_o as full h x h matrices (juxtaposition like W_i x_t). Count 4(hx + h^2 + h) + 3h^2.
@_export
def h28b_sfig_lstm(x=7, h=5):
    class M(nn.Module):
        def __init__(self):
            super().__init__()
            for g in "ifco":
                setattr(self, "W_" + g, _p(h, x))
                setattr(self, "U_" + g, _p(h, h))
                setattr(self, "b_" + g, _p(h))
            for g in "ifo":
                setattr(self, "V_" + g, _p(h, h))

        def forward(self, xt, state):
            hp, cp = state
            a = lambda g: xt @ getattr(self, "W_" + g).T + hp @ getattr(self, "U_" + g).T + getattr(self, "b_" + g)
            i = torch.sigmoid(a("i") + cp @ self.V_i.T)
            f = torch.sigmoid(a("f") + cp @ self.V_f.T)
            c = i * torch.tanh(a("c")) + f * cp
            o = torch.sigmoid(a("o") + c @ self.V_o.T)
            return o * torch.tanh(c), c
    return M()


# stored file id 54330509711 (JS interactive textbook, Definition 13.2 LSTM Equations). W_f, W_i, W_C, W_o each
# h x (h + x) on [h_{t-1}, x_t]; b_f, b_i, b_C, b_o each h. Count 4(h(h + x) + h).
@_export
def h28b_jsbook_lstm(x=7, h=5):
    return _ConcatLSTM(x, h, ("f", "i", "C", "o"))


# stored file id 53454571930 (French TS course data, GRU fromScratch formulas). W_z, W_r, W each h x (h + x) on
# a concatenation; b_z, b_r, b each h. Count 3(h(h + x) + h).
@_export
def h28b_frcourse_gru(x=7, h=5):
    return _ConcatGRU(x, h, ("r", "z", "h"))


# stored file id 57000673178 (Chinese TS derivation steps, step 7 GRU). W_z, W_r, W each h x (h + x), no biases.
# Count 3h(h + x).
@_export
def h28b_zhsteps_gru(x=7, h=5):
    class M(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_z, self.W_r, self.W = _p(h, h + x), _p(h, h + x), _p(h, h + x)

        def forward(self, xt, hp):
            hx = torch.cat([hp, xt], -1)
            z = torch.sigmoid(hx @ self.W_z.T)
            r = torch.sigmoid(hx @ self.W_r.T)
            ht = torch.tanh(torch.cat([r * hp, xt], -1) @ self.W.T)
            return (1 - z) * hp + z * ht
    return M()


# stored file id 57000673178 (Chinese TS derivation steps, step 5 LSTM; marked refuse: no candidate equation).
# Most plausible reading: the usual candidate W_C [h_{t-1}, x_t] + b_C added to W_f, W_i, W_o (h x (h + x)) and
# b_f, b_i, b_o (h). Count 4(h(h + x) + h) under that guess.
@_export
def h28b_zhsteps_lstm(x=7, h=5):
    return _ConcatLSTM(x, h, ("f", "i", "C", "o"))


# stored file id 51867096984 (Russian JS course topic 'rnn-lstm', theory tab, Идея RNN). W_hh (h x h), W_xh (h x x),
# b_h (h); output W_hy (y x h), b_y (y). Count h^2 + hx + h + yh + y.
@_export
def h28b_rutopic_rnn(x=7, h=5, y=3):
    return h28b_jsnote_rnn(x=x, h=h, y=y)


# stored file id 71654415125 (Python notebook builder, theory cell ### 2. Gated Recurrent Unit (GRU)). W_r, W_z, W
# (h x x); U_r, U_z, U (h x h); b_r, b_z, b (h); reset applied before U. Count 3(hx + h^2 + h).
@_export
def h28b_nbbuild_gru(x=7, h=5):
    return _SplitGRU(x, h)
