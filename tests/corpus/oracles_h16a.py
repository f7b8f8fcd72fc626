import torch
from torch import nn

__all__ = []


def _export(f):
    __all__.append(f.__name__)
    return f


def _p(*shape):
    return nn.Parameter(torch.randn(*shape) * 0.1)


def _g(v):
    return torch.where(v >= 0, v + 0.5, torch.sigmoid(v))


# stored file id 41632046914 (Rust/burn minGRU, MinGRUConfig doc comment). W_z, W_h act on the
# concatenation [h_{t-1}, x_t]: h x (h + x) each; b_z, b_h: h. 2h(h + x + 1).
@_export
def h16a_rustburnmingru_concat(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_z = _p(h, h + x)
            self.b_z = _p(h)
            self.W_h = _p(h, h + x)
            self.b_h = _p(h)

        def forward(self, xt, hp):
            hx = torch.cat([hp, xt], -1)
            z = torch.sigmoid(hx @ self.W_z.T + self.b_z)
            ht = hx @ self.W_h.T + self.b_h
            return (1 - z) * hp + z * _g(ht)

    return Cell()


# stored file id 41632046914 (Rust/burn minGRU, MinGRU struct doc comment). W_z, W_h: h x x;
# b_z, b_h: h. 2h(x + 1).
@_export
def h16a_rustburnmingru_scan(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_z = _p(h, x)
            self.b_z = _p(h)
            self.W_h = _p(h, x)
            self.b_h = _p(h)

        def forward(self, xt, hp):
            z = torch.sigmoid(xt @ self.W_z.T + self.b_z)
            ht = xt @ self.W_h.T + self.b_h
            return (1 - z) * hp + z * _g(ht)

    return Cell()


# microsoft/onnxruntime attn_lstm_schema_defs.cc, AttnLSTM doc string (refuse: the attention sizes
# am_attn_size and the optional AW are never fixed by the text). One plausible reading: forward only,
# no AW (ATTN = CONTEXT, width M = memory depth), LSTM input concat(X, ATTN) of width X + M;
# W[iofc]: 4H x (X+M), R[iofc]: 4H x H, Wb, Rb: 4H each, P[iof]: 3H; QW: H x A, MW: M x A, V: A.
# 4H(X + M) + 4H^2 + 11H + HA + MA + A.
@_export
def h16a_onnxruntime_attnlstm(X=7, H=5, M=4, A=3):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W = _p(4 * H, X + M)
            self.R = _p(4 * H, H)
            self.Wb = _p(4 * H)
            self.Rb = _p(4 * H)
            self.P = _p(3 * H)
            self.QW = _p(H, A)
            self.MW = _p(M, A)
            self.V = _p(A)

        def forward(self, xt, hp, cp, attn, memory):
            # xt: (X,), hp, cp: (H,), attn: (M,), memory: (steps, M)
            g = torch.cat([xt, attn]) @ self.W.T + hp @ self.R.T + self.Wb + self.Rb
            gi, go, gf, gc = g.chunk(4)
            pi, po, pf = self.P.chunk(3)
            i = torch.sigmoid(gi + pi * cp)
            f = torch.sigmoid(gf + pf * cp)
            c = f * cp + i * torch.tanh(gc)
            o = torch.sigmoid(go + po * c)
            h = o * torch.tanh(c)
            keys = memory @ self.MW
            pq = h @ self.QW
            align = torch.softmax((self.V * torch.tanh(keys + pq)).sum(-1), 0)
            context = align @ memory
            return h, c, context

    return Cell()


# flashlight/flashlight RNN.h, class fl::RNN doc: h_t = sigma(W x_t + U h_{t-1} + b), one bias.
# W: h x x, U: h x h, b: h. h(x + h + 1).
@_export
def h16a_flashlight_elman(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W = _p(h, x)
            self.U = _p(h, h)
            self.b = _p(h)

        def forward(self, xt, hp):
            return torch.tanh(self.W @ xt + self.U @ hp + self.b)

    return Cell()


# stored file id 56324182753 (V, VTL gru_forward_single doc): w_ih [3h, x], w_hh [3h, h],
# b_ih, b_hh [3h]. 3h(x + h + 2).
@_export
def h16a_vtl_gru(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.w_ih = _p(3 * h, x)
            self.w_hh = _p(3 * h, h)
            self.b_ih = _p(3 * h)
            self.b_hh = _p(3 * h)

        def forward(self, xt, hp):
            gi = xt @ self.w_ih.T + self.b_ih
            gh = hp @ self.w_hh.T + self.b_hh
            ir, iz, inn = gi.chunk(3, -1)
            hr, hz, hn = gh.chunk(3, -1)
            r = torch.sigmoid(ir + hr)
            z = torch.sigmoid(iz + hz)
            n = torch.tanh(inn + r * hn)
            return (1 - z) * n + z * hp

    return Cell()


# stored file id 54966356049 (Go GRUCell doc): W_r, W_z: h x (h + x) on [h_{t-1}, x_t]; b_r, b_z: h;
# W_n: h x x, b_n: h, U_n: h x h, b_nh: h. 3h(h + x) + 4h.
@_export
def h16a_gocellconfig_gru(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_r = _p(h, h + x)
            self.b_r = _p(h)
            self.W_z = _p(h, h + x)
            self.b_z = _p(h)
            self.W_n = _p(h, x)
            self.b_n = _p(h)
            self.U_n = _p(h, h)
            self.b_nh = _p(h)

        def forward(self, xt, hp):
            hx = torch.cat([hp, xt], -1)
            r = torch.sigmoid(hx @ self.W_r.T + self.b_r)
            z = torch.sigmoid(hx @ self.W_z.T + self.b_z)
            n = torch.tanh(xt @ self.W_n.T + self.b_n + r * (hp @ self.U_n.T + self.b_nh))
            return (1 - z) * n + z * hp

    return Cell()


# stored file id 55089094426 (Go GRU doc, row vectors): W_z, W_r, W_n: x x h; U_z, U_r, U_n: h x h;
# b_z, b_r, b_n: h. 3h(x + h + 1).
@_export
def h16a_goautograd_gru(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_z, self.U_z, self.b_z = _p(x, h), _p(h, h), _p(h)
            self.W_r, self.U_r, self.b_r = _p(x, h), _p(h, h), _p(h)
            self.W_n, self.U_n, self.b_n = _p(x, h), _p(h, h), _p(h)

        def forward(self, xt, hp):
            z = torch.sigmoid(xt @ self.W_z + hp @ self.U_z + self.b_z)
            r = torch.sigmoid(xt @ self.W_r + hp @ self.U_r + self.b_r)
            n = torch.tanh(xt @ self.W_n + (r * hp) @ self.U_n + self.b_n)
            return (1 - z) * hp + z * n

    return Cell()


# stored file id 13632298191 (Intel XeTLA GRU example comment, row vectors, no biases):
# W_ir, W_iz, W_in: X x h; W_hr, W_hz, W_hn: h x h. 3h(X + h).
@_export
def h16a_xetla_gru(X=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_ir, self.W_hr = _p(X, h), _p(h, h)
            self.W_in, self.W_hn = _p(X, h), _p(h, h)
            self.W_iz, self.W_hz = _p(X, h), _p(h, h)

        def forward(self, xt, hp):
            r = torch.sigmoid(xt @ self.W_ir + hp @ self.W_hr)
            n = torch.tanh(xt @ self.W_in + r * (hp @ self.W_hn))
            z = torch.sigmoid(xt @ self.W_iz + hp @ self.W_hz)
            return (1 - z) * n + z * hp

    return Cell()


# stored file id 53553487963 (Arduino gru_mega2560.ino header): PyTorch-style GRU cell, input D,
# hidden H, two biases per gate. 3H(D + H + 2).
@_export
def h16a_arduinomega_gru(D=64, H=16):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            for g in "rzn":
                setattr(self, f"W_i{g}", _p(H, D))
                setattr(self, f"b_i{g}", _p(H))
                setattr(self, f"W_h{g}", _p(H, H))
                setattr(self, f"b_h{g}", _p(H))

        def forward(self, xt, hp):
            r = torch.sigmoid(self.W_ir @ xt + self.b_ir + self.W_hr @ hp + self.b_hr)
            z = torch.sigmoid(self.W_iz @ xt + self.b_iz + self.W_hz @ hp + self.b_hz)
            n = torch.tanh(self.W_in @ xt + self.b_in + r * (self.W_hn @ hp + self.b_hn))
            return (1 - z) * n + z * hp

    return Cell()
