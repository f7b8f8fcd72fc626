import torch
from torch import nn

__all__ = []


def _export(f):
    __all__.append(f.__name__)
    return f


def _p(*shape):
    return nn.Parameter(torch.randn(*shape) * 0.1)


# ---------------------------------------------------------------------------
# Rust RnnLayer doc (stored file id 61425191653): row-vector Elman RNN with
# output layer; w_xh (x, h), w_hh (h, h), w_hy (h, y), b_h (h), b_y (y).
# ---------------------------------------------------------------------------
@_export
def rust_rnnlayer_elman(x=7, h=5, y=3):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_xh = _p(x, h)
            self.W_hh = _p(h, h)
            self.W_hy = _p(h, y)
            self.b_h = _p(h)
            self.b_y = _p(y)

        def forward(self, xt, hp):
            ht = torch.tanh(xt @ self.W_xh + hp @ self.W_hh + self.b_h)
            yt = ht @ self.W_hy + self.b_y
            return yt, ht
    return Cell()


# ---------------------------------------------------------------------------
# MATLAB goblet-book RNN (stored file id 46222998444): U (m, k), W (m, m),
# V (k, m), b (m), c (k); one-hot input and output both of length k.
# ---------------------------------------------------------------------------
@_export
def matlab_goblet_elman(k=7, m=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.U = _p(m, k)
            self.W = _p(m, m)
            self.V = _p(k, m)
            self.b = _p(m)
            self.c = _p(k)

        def forward(self, xt, hp):
            ht = torch.tanh(hp @ self.W.T + xt @ self.U.T + self.b)
            ot = ht @ self.V.T + self.c
            return ot, ht
    return Cell()


# ---------------------------------------------------------------------------
# Rust ONNX GRU doc (stored file id 65807935966): W? (H, X), R? (H, H),
# Wb? and Rb? (H) for z, r, h; count is the same for both reset placements.
# ---------------------------------------------------------------------------
@_export
def rust_onnx_gru(X=7, H=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            for g in "zrh":
                setattr(self, f"W{g}", _p(H, X))
                setattr(self, f"R{g}", _p(H, H))
                setattr(self, f"Wb{g}", _p(H))
                setattr(self, f"Rb{g}", _p(H))

        def forward(self, xt, hp):
            z = torch.sigmoid(xt @ self.Wz.T + hp @ self.Rz.T + self.Wbz + self.Rbz)
            r = torch.sigmoid(xt @ self.Wr.T + hp @ self.Rr.T + self.Wbr + self.Rbr)
            hh = torch.tanh(xt @ self.Wh.T + (r * hp) @ self.Rh.T + self.Wbh + self.Rbh)
            return (1 - z) * hh + z * hp
    return Cell()


# ---------------------------------------------------------------------------
# C rnn_layers.h GRUCell (stored file id 59837197938): W_? (h, x), U_? (h, h),
# b_? (h) for r, z, n; reset applied after U_n h.
# ---------------------------------------------------------------------------
@_export
def c_rnnlayers_gru(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            for g in "rzn":
                setattr(self, f"W_{g}", _p(h, x))
                setattr(self, f"U_{g}", _p(h, h))
                setattr(self, f"b_{g}", _p(h))

        def forward(self, xt, hp):
            r = torch.sigmoid(xt @ self.W_r.T + hp @ self.U_r.T + self.b_r)
            z = torch.sigmoid(xt @ self.W_z.T + hp @ self.U_z.T + self.b_z)
            n = torch.tanh(xt @ self.W_n.T + r * (hp @ self.U_n.T) + self.b_n)
            return (1 - z) * n + z * hp
    return Cell()


# ---------------------------------------------------------------------------
# TypeScript GRU JSDoc (stored file id 32178947329): PyTorch-style GRU,
# W_i? (h, x), W_h? (h, h), b_i? and b_h? (h) for r, z, n.
# ---------------------------------------------------------------------------
@_export
def ts_gru(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            for g in "rzn":
                setattr(self, f"W_i{g}", _p(h, x))
                setattr(self, f"W_h{g}", _p(h, h))
                setattr(self, f"b_i{g}", _p(h))
                setattr(self, f"b_h{g}", _p(h))

        def forward(self, xt, hp):
            r = torch.sigmoid(xt @ self.W_ir.T + self.b_ir + hp @ self.W_hr.T + self.b_hr)
            z = torch.sigmoid(xt @ self.W_iz.T + self.b_iz + hp @ self.W_hz.T + self.b_hz)
            n = torch.tanh(xt @ self.W_in.T + self.b_in + r * (hp @ self.W_hn.T + self.b_hn))
            return (1 - z) * n + z * hp
    return Cell()


# ---------------------------------------------------------------------------
# JavaScript GRU (stored file id 52589840796): concatenated [h, x];
# W_z, W_r, W_h each (x + h, h) as Matrix.random(combinedSize, hiddenSize),
# biases (1, h).
# ---------------------------------------------------------------------------
@_export
def js_concat_gru(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            for g in "zrh":
                setattr(self, f"W{g}", _p(x + h, h))
                setattr(self, f"b{g}", _p(1, h))

        def forward(self, xt, hp):
            comb = torch.cat([hp, xt], -1)
            z = torch.sigmoid(comb @ self.Wz + self.bz)
            r = torch.sigmoid(comb @ self.Wr + self.br)
            hh = torch.tanh(torch.cat([r * hp, xt], -1) @ self.Wh + self.bh)
            return (1 - z) * hp + z * hh
    return Cell()


# ---------------------------------------------------------------------------
# hasty E5 Pure Low-Rank Elman (stored file id 4597201685): U_? (dim, rank),
# V_? (rank, dim) for h, x, z; b (dim). 6*dim*rank + dim
# (= 197,120 at rank=64, dim=512, the "197k params/layer" of the text).
# ---------------------------------------------------------------------------
@_export
def hasty_lowrank_elman(dim=7, rank=3):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            for g in "hxz":
                setattr(self, f"U_{g}", _p(dim, rank))
                setattr(self, f"V_{g}", _p(rank, dim))
            self.b = _p(dim)

        def forward(self, xt, hp):
            ht = torch.tanh(hp @ (self.U_h @ self.V_h).T + xt @ (self.U_x @ self.V_x).T + self.b)
            yt = ht * nn.functional.silu(xt @ (self.U_z @ self.V_z).T)
            return yt, ht
    return Cell()


# ---------------------------------------------------------------------------
# KANN kann_layer_gru (stored file id 43414886768): per gate z, r, s
# W (n1, n0) applied as x W^T (kad_cmul), U (n1, n1), b (n1).
# ---------------------------------------------------------------------------
@_export
def kann_gru(n0=7, n1=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            for g in "zrs":
                setattr(self, f"W_{g}", _p(n1, n0))
                setattr(self, f"U_{g}", _p(n1, n1))
                setattr(self, f"b_{g}", _p(n1))

        def forward(self, xt, hp):
            z = torch.sigmoid(xt @ self.W_z.T + hp @ self.U_z.T + self.b_z)
            r = torch.sigmoid(xt @ self.W_r.T + hp @ self.U_r.T + self.b_r)
            s = torch.tanh(xt @ self.W_s.T + (hp * r) @ self.U_s.T + self.b_s)
            return z * hp + (1 - z) * s
    return Cell()


# ---------------------------------------------------------------------------
# Rust rg_lru_forward_gpu (stored file id 59114012149), refuse: the doc's
# reading with b_f: W_f, W_r, W_o (embed_dim, embed_dim) + b_f (embed_dim);
# the signature has no b_f (147 without it).
# ---------------------------------------------------------------------------
@_export
def rust_rglru_gpu(embed_dim=7):
    d = embed_dim

    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_f = _p(d, d)
            self.W_r = _p(d, d)
            self.W_o = _p(d, d)
            self.b_f = _p(d)

        def forward(self, xt, hp):
            f = torch.sigmoid(xt @ self.W_f.T + self.b_f)
            r = xt @ self.W_r.T
            ht = f * hp + (1 - f) * r
            return ht * torch.sigmoid(xt @ self.W_o.T), ht
    return Cell()


# ---------------------------------------------------------------------------
# Go trafficGRU (stored file id 55804134534): concatenated [h, x];
# Wr, Wz, Wn (gruH, gruH + gruI), Br, Bz, Bn (gruH), Wo (2, gruH), Bo (2).
# 3*(16*24 + 16) + 2*16 + 2 = 1234, as the source's own comment computes.
# ---------------------------------------------------------------------------
@_export
def go_traffic_gru(gruH=16, gruI=8):
    C = gruH + gruI

    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            for g in "rzn":
                setattr(self, f"W{g}", _p(gruH, C))
                setattr(self, f"B{g}", _p(gruH))
            self.Wo = _p(2, gruH)
            self.Bo = _p(2)

        def forward(self, xt, hp):
            hx = torch.cat([hp, xt], -1)
            r = torch.sigmoid(hx @ self.Wr.T + self.Br)
            z = torch.sigmoid(hx @ self.Wz.T + self.Bz)
            n = torch.tanh(torch.cat([r * hp, xt], -1) @ self.Wn.T + self.Bn)
            ht = (1 - z) * n + z * hp
            return torch.sigmoid(ht @ self.Wo.T + self.Bo), ht
    return Cell()


# ---------------------------------------------------------------------------
# Zig VanillaRNN (stored file id 61563043796), refuse: struct reading with
# weights_ih (x, h), weights_hh (h, h) and one bias (h) = 65; the
# equation's b_ih + b_hh reading would give 70.
# ---------------------------------------------------------------------------
@_export
def zig_vanilla_rnn(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.weights_ih = _p(x, h)
            self.weights_hh = _p(h, h)
            self.bias = _p(h)

        def forward(self, xt, hp):
            return torch.tanh(xt @ self.weights_ih + hp @ self.weights_hh + self.bias)
    return Cell()


# ---------------------------------------------------------------------------
# rustyml LSTM doc (stored file id 34149971911): concatenated [h, x];
# W_i, W_f, W_g, W_o (h, h + x), b_? (h).
# ---------------------------------------------------------------------------
@_export
def rustyml_lstm(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            for g in "ifgo":
                setattr(self, f"W_{g}", _p(h, h + x))
                setattr(self, f"b_{g}", _p(h))

        def forward(self, xt, hp, cp):
            hx = torch.cat([hp, xt], -1)
            i = torch.sigmoid(hx @ self.W_i.T + self.b_i)
            f = torch.sigmoid(hx @ self.W_f.T + self.b_f)
            g = torch.tanh(hx @ self.W_g.T + self.b_g)
            o = torch.sigmoid(hx @ self.W_o.T + self.b_o)
            c = f * cp + i * g
            return o * torch.tanh(c), c
    return Cell()
