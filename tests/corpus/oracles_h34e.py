import torch
from torch import nn

__all__ = []


def _export(f):
    __all__.append(f.__name__)
    return f


def _p(*shape):
    return nn.Parameter(torch.randn(*shape) * 0.1)


# stored file id 59129364172 (RLX IR ops.rs, Op::Lstm). Single layer, unidirectional: w_ih [4*hidden, input],
# w_hh [4*hidden, hidden], one combined bias [4*hidden]. 4*hidden*(input + hidden + 1).
@_export
def h34e_rlxops_lstm(input=7, hidden=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.w_ih, self.w_hh, self.bias = _p(4 * hidden, input), _p(4 * hidden, hidden), _p(4 * hidden)

        def forward(self, x, state):
            hp, cp = state
            z = x @ self.w_ih.T + hp @ self.w_hh.T + self.bias
            zi, zf, zg, zo = z.chunk(4, -1)
            i, f, o, g = torch.sigmoid(zi), torch.sigmoid(zf), torch.sigmoid(zo), torch.tanh(zg)
            c = f * cp + i * g
            return o * torch.tanh(c), c

    return Cell()


# stored file id 59129364172 (RLX IR ops.rs, Op::Gru): the PyTorch GRU, W_i* (h x x), W_h* (h x h), b_i*, b_h*
# for r, z, n. 3h(x + h) + 6h.
@_export
def h34e_rlxops_gru(x=7, h=5):
    return nn.GRUCell(x, h)


# stored file id 69871393178 (TypeScript lstmStep header comment). W_i, W_f, W_o, W_g (h x x), U_* (h x h),
# b_* (h). 4h(x + h + 1).
@_export
def h34e_tslstmstep_lstm(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            for g in "ifog":
                setattr(self, "W_" + g, _p(h, x))
                setattr(self, "U_" + g, _p(h, h))
                setattr(self, "b_" + g, _p(h))

        def aff(self, g, xv, hv):
            return getattr(self, "W_" + g) @ xv + getattr(self, "U_" + g) @ hv + getattr(self, "b_" + g)

        def forward(self, xv, state):
            hv, c = state
            i, f, o = (torch.sigmoid(self.aff(g, xv, hv)) for g in "ifo")
            g = torch.tanh(self.aff("g", xv, hv))
            c2 = f * c + i * g
            return o * torch.tanh(c2), c2

    return Cell()


# stored file id 70933459354 (XIOM xiom.deep, deep_lstm_cell): stacked w [4*hidden x (xx+hidden)] over [x, h],
# b [4*hidden]. 4*hidden*(xx + hidden + 1). (Floating point stands in for the fixed-point arithmetic.)
@_export
def h34e_xiomdeep_lstm(xx=7, hidden=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.w, self.b = _p(4 * hidden, xx + hidden), _p(4 * hidden)

        def forward(self, x, state):
            h, c = state
            pi, pf, pg, po = (self.w @ torch.cat([x, h]) + self.b).chunk(4)
            c2 = torch.sigmoid(pf) * c + torch.sigmoid(pi) * torch.tanh(pg)
            return torch.sigmoid(po) * torch.tanh(c2), c2

    return Cell()


# stored file id 70933459354 (XIOM xiom.deep, deep_gru_cell): wz, wr, wh each [hidden x (xx+hidden)] over the
# concatenation, bz, br, bh each [hidden]. 3*hidden*(xx + hidden + 1).
@_export
def h34e_xiomdeep_gru(xx=7, hidden=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.wz, self.wr, self.wh = (_p(hidden, xx + hidden) for _ in range(3))
            self.bz, self.br, self.bh = (_p(hidden) for _ in range(3))

        def forward(self, x, h):
            cat = torch.cat([x, h])
            z = torch.sigmoid(self.wz @ cat + self.bz)
            r = torch.sigmoid(self.wr @ cat + self.br)
            cand = torch.tanh(self.wh @ torch.cat([x, r * h]) + self.bh)
            return (1 - z) * h + z * cand

    return Cell()


# stored file id 19209424739 (C++ khmer segmenter gru_cell): the PyTorch-layout GRU, W_ih [3H, I], W_hh [3H, H],
# b_ih [3H], b_hh [3H]. 3H(I + H) + 6H.
@_export
def h34e_khmerseg_gru(I=7, H=5):
    return nn.GRUCell(I, H)


# stored file id 53173851605 (Rust sonata_lm ReDrafter GruCell): Wz, Wr, Wh (hidden_dim x input_dim), Uz, Ur, Uh
# (hidden_dim x hidden_dim), no biases. 3*hidden_dim*(input_dim + hidden_dim).
@_export
def h34e_sonataredrafter_gru(input_dim=7, hidden_dim=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.Wz, self.Wr, self.Wh = (_p(hidden_dim, input_dim) for _ in range(3))
            self.Uz, self.Ur, self.Uh = (_p(hidden_dim, hidden_dim) for _ in range(3))

        def forward(self, x, h):
            z = torch.sigmoid(self.Wz @ x + self.Uz @ h)
            r = torch.sigmoid(self.Wr @ x + self.Ur @ h)
            hc = torch.tanh(self.Wh @ x + self.Uh @ (r * h))
            return (1 - z) * h + z * hc

    return Cell()


# stored file id 57659192376 (Kotlin checkers gruStep): despite the "GRU cell" label the update is Elman:
# W_xh [GRU_DIM x VOCAB_SIZE], W_hh [GRU_DIM x GRU_DIM], b_h [GRU_DIM]. GRU_DIM*(VOCAB_SIZE + GRU_DIM + 1).
@_export
def h34e_kotlincheckers_gru(VOCAB_SIZE=7, GRU_DIM=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_xh, self.W_hh, self.b_h = _p(GRU_DIM, VOCAB_SIZE), _p(GRU_DIM, GRU_DIM), _p(GRU_DIM)

        def forward(self, x, h):
            return torch.tanh(self.W_xh @ x + self.W_hh @ h + self.b_h)

    return Cell()


# stored file id 59803294377 (R ggmlR, ggml_layer_lstm roxygen): W_gates [input_size, 4*units],
# U_gates [units, 4*units], b_gates [4*units]. 4*units*(input_size + units + 1).
@_export
def h34e_ggmlr_lstm(input_size=7, units=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_gates, self.U_gates = _p(input_size, 4 * units), _p(units, 4 * units)
            self.b_gates = _p(4 * units)

        def forward(self, x, state):
            h, c = state
            i, f, g, o = (x @ self.W_gates + h @ self.U_gates + self.b_gates).chunk(4, -1)
            c2 = torch.sigmoid(f) * c + torch.sigmoid(i) * torch.tanh(g)
            return torch.sigmoid(o) * torch.tanh(c2), c2

    return Cell()


# stored file id 59803294377 (R ggmlR, nn_gru_step): W_zh [input_size, 2*units], U_zh [units, 2*units],
# b_zh [2*units], W_n [input_size, units], U_n [units, units], b_n [units]. 3*units*(input_size + units + 1).
@_export
def h34e_ggmlr_gru(input_size=7, units=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_zh, self.U_zh, self.b_zh = _p(input_size, 2 * units), _p(units, 2 * units), _p(2 * units)
            self.W_n, self.U_n, self.b_n = _p(input_size, units), _p(units, units), _p(units)

        def forward(self, x, h):
            z, r = torch.sigmoid(x @ self.W_zh + h @ self.U_zh + self.b_zh).chunk(2, -1)
            n = torch.tanh(x @ self.W_n + (r * h) @ self.U_n + self.b_n)
            return (1 - z) * h + z * n

    return Cell()


# stored file id 10626821547 (Python scalar-LSTM machine problem): one input, one hidden unit; rows (b, w, u) for
# the cell, input, forget and output gates: a 4x3 model. 12 = 4 * (1 + 1 + 1). g is the logistic here.
@_export
def h34e_scalarlstmmp_lstm(x=1, h=1):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            assert x == 1 and h == 1
            self.model = _p(4, 3)  # rows (b, w, u)

        def forward(self, xt, state):
            hp, cp = state
            b, w, u = self.model[:, 0], self.model[:, 1], self.model[:, 2]
            pre = b + w * xt + u * hp
            g = torch.sigmoid(pre)
            c = g[2] * cp + g[1] * g[0]
            return g[3] * c, c

    return Cell()


# stored file id 66138023669 (Zig NAM port, Lstm facade-op runtime), marked refuse. Most plausible reading: one
# cell, w [4h, x+h] over [x | h], b [4h], trained initial states h0, c0 [h] (the output head left out).
# 4h(x + h + 1) + 2h.
@_export
def h34e_zignam_lstm(x=1, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.w, self.b = _p(4 * h, x + h), _p(4 * h)
            self.h0, self.c0 = _p(h), _p(h)

        def forward(self, xt, state=None):
            hp, cp = (self.h0, self.c0) if state is None else state
            i, f, g, o = (self.w @ torch.cat([xt, hp]) + self.b).chunk(4)
            c = torch.sigmoid(f) * cp + torch.sigmoid(i) * torch.tanh(g)
            return torch.sigmoid(o) * torch.tanh(c), c

    return Cell()


# stored file id 53836032085 (Java com.psycho.ml.gru.GRU): Wxz, Wxr, Wxh (h x x), Whz, Whr, Whh (h x h), bz, br, bh
# (h), readout Why (y x h), by (y). 3h(x + h + 1) + y(h + 1).
@_export
def h34e_psychogru_gru(x=7, h=5, y=3):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.Wxz, self.Wxr, self.Wxh = (_p(h, x) for _ in range(3))
            self.Whz, self.Whr, self.Whh = (_p(h, h) for _ in range(3))
            self.bz, self.br, self.bh = (_p(h) for _ in range(3))
            self.Why, self.by = _p(y, h), _p(y)

        def forward(self, xt, hp):
            z = torch.sigmoid(self.Wxz @ xt + self.Whz @ hp + self.bz)
            r = torch.sigmoid(self.Wxr @ xt + self.Whr @ hp + self.br)
            hc = torch.tanh(self.Wxh @ xt + self.Whh @ (r * hp) + self.bh)
            hn = (1 - z) * hp + z * hc
            return hn, torch.sigmoid(self.Why @ hn + self.by)

    return Cell()


# stored file id 53564029410 (MATLAB latent-ODE PK script, gruStep): Wz, Wr, Wh (h x x), Uz, Ur, Uh (h x h),
# bz, br, bh (h). 3h(x + h + 1).
@_export
def h34e_matlabpkode_gru(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.Wz, self.Wr, self.Wh = (_p(h, x) for _ in range(3))
            self.Uz, self.Ur, self.Uh = (_p(h, h) for _ in range(3))
            self.bz, self.br, self.bh = (_p(h) for _ in range(3))

        def forward(self, xt, hp):
            z = torch.sigmoid(self.Wz @ xt + self.Uz @ hp + self.bz)
            r = torch.sigmoid(self.Wr @ xt + self.Ur @ hp + self.br)
            hc = torch.tanh(self.Wh @ xt + self.Uh @ (r * hp) + self.bh)
            return (1 - z) * hp + z * hc

    return Cell()


# stored file id 6845144112 (Julia Flux DNCLstmCell), marked refuse. Most plausible reading: Wi, Wf, Ws, Wo
# (hidden x (in + 2*hidden)) over [x; h; h'], biases bi, bf, bs, bo (hidden); the stored states h, s left out.
# 4*hidden*(in + 2*hidden) + 4*hidden.
@_export
def h34e_jldnclstm_lstm(hidden=5, **kw):
    size_in = kw.pop("in", 7)  # `in` is a Python keyword
    assert not kw, kw

    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.Wi, self.Wf, self.Ws, self.Wo = (_p(hidden, size_in + 2 * hidden) for _ in range(4))
            self.bi, self.bf, self.bs, self.bo = (_p(hidden) for _ in range(4))

        def forward(self, x, state, h_below):
            h, s = state
            z = torch.cat([x, h, h_below])
            i = torch.sigmoid(self.Wi @ z + self.bi)
            f = torch.sigmoid(self.Wf @ z + self.bf)
            s2 = f * s + i * torch.tanh(self.Ws @ z + self.bs)
            o = torch.sigmoid(self.Wo @ z + self.bo)
            return o * torch.tanh(s2), s2

    return Cell()
