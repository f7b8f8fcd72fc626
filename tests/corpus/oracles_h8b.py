"""Oracles for the h8b corpus snippets: each returns an nn.Module whose parameters are the weights
the snippet's text names, with a forward doing one step as its equations say."""
import torch
from torch import nn

__all__ = []


def _export(fn):
    __all__.append(fn.__name__)
    return fn


class _Cell(nn.Module):
    """A bag of named parameters plus a one-step function."""

    def __init__(self, shapes, step):
        super().__init__()
        for name, shape in shapes.items():
            self.register_parameter(name, nn.Parameter(torch.randn(*shape) * 0.1))
        self._step = step

    def forward(self, *args):
        return self._step(self, *args)


def _mv(W, v):
    """W @ v for a batch of row vectors v (W stored as out x in)."""
    return v @ W.T


def _gru_separate(x, h, reset_before=True):
    """GRU with W_g x + U_g h + b_g per gate (one bias per gate); reset applied to h before U."""
    shapes = {}
    for g in "zrh":
        shapes[f"W_{g}"] = (h, x)
        shapes[f"U_{g}"] = (h, h)
        shapes[f"b_{g}"] = (h,)

    def step(m, xt, hp):
        z = torch.sigmoid(_mv(m.W_z, xt) + _mv(m.U_z, hp) + m.b_z)
        r = torch.sigmoid(_mv(m.W_r, xt) + _mv(m.U_r, hp) + m.b_r)
        hc = torch.tanh(_mv(m.W_h, xt) + _mv(m.U_h, r * hp) + m.b_h)
        return z, hc
    return shapes, step


@_export
def h8b_zhmkdocs_torchgru(x=7, h=5):
    """The notes copy torch.nn.GRU's equations (two biases per gate, reset after W_hn h)."""
    return nn.GRUCell(x, h)


@_export
def h8b_kouav_lstm(x=7, h=5):
    """W_g [x_t, h_{t-1}] + b_g for g in i, f, o, C: W_g: h x (x+h), b_g: h."""
    shapes = {}
    for g in "ifoC":
        shapes[f"W_{g}"] = (h, x + h)
        shapes[f"b_{g}"] = (h,)

    def step(m, xt, hp, cp):
        v = torch.cat([xt, hp], -1)
        lin = lambda g: _mv(getattr(m, f"W_{g}"), v) + getattr(m, f"b_{g}")
        i, f, o = torch.sigmoid(lin("i")), torch.sigmoid(lin("f")), torch.sigmoid(lin("o"))
        c = f * cp + i * torch.tanh(lin("C"))
        return o * torch.tanh(c), c
    return _Cell(shapes, step)


@_export
def h8b_esrobledano_gru(x=7, h=5):
    """r, z: W [h_{t-1}, x_t] + b; candidate W [r*h_{t-1}, x_t] + b; all W: h x (h+x)."""
    shapes = {"W_r": (h, h + x), "b_r": (h,), "W_z": (h, h + x), "b_z": (h,),
              "W": (h, h + x), "b": (h,)}

    def step(m, xt, hp):
        v = torch.cat([hp, xt], -1)
        r = torch.sigmoid(_mv(m.W_r, v) + m.b_r)
        z = torch.sigmoid(_mv(m.W_z, v) + m.b_z)
        hc = torch.tanh(_mv(m.W, torch.cat([r * hp, xt], -1)) + m.b)
        return (1 - z) * hp + z * hc
    return _Cell(shapes, step)


@_export
def h8b_jaguide_elman(D=7, H=5, V=3):
    """a = W_hh h + W_xh x + b_h; h = tanh(a); o = W_hy h + b_y; shapes as the text lists them."""
    shapes = {"W_xh": (H, D), "W_hh": (H, H), "W_hy": (V, H), "b_h": (H,), "b_y": (V,)}

    def step(m, xt, hp):
        h = torch.tanh(_mv(m.W_hh, hp) + _mv(m.W_xh, xt) + m.b_h)
        return torch.softmax(_mv(m.W_hy, h) + m.b_y, -1), h
    return _Cell(shapes, step)


@_export
def h8b_jaguide_gru(x=7, h=5):
    """No biases: W_z, W_r, W: h x (h+x) acting on concatenations."""
    shapes = {"W_z": (h, h + x), "W_r": (h, h + x), "W": (h, h + x)}

    def step(m, xt, hp):
        v = torch.cat([hp, xt], -1)
        z = torch.sigmoid(_mv(m.W_z, v))
        r = torch.sigmoid(_mv(m.W_r, v))
        hc = torch.tanh(_mv(m.W, torch.cat([r * hp, xt], -1)))
        return (1 - z) * hp + z * hc
    return _Cell(shapes, step)


@_export
def h8b_zhfandeng_mamba(x=7, N=3):
    """One plausible reading (the text is marked refuse): z = Linear(x->x), (Delta, B, C) =
    Linear(x -> 1 + 2N) with bias, A real diagonal per channel (x, N); one channel-wise step."""
    shapes = {"W_z": (x, x), "b_z": (x,), "W_dbc": (1 + 2 * N, x), "b_dbc": (1 + 2 * N,),
              "A": (x, N)}

    def step(m, xt, hp):  # hp: (batch, x, N)
        z = _mv(m.W_z, xt) + m.b_z
        dbc = _mv(m.W_dbc, xt) + m.b_dbc
        d, B, C = nn.functional.softplus(dbc[:, :1]), dbc[:, 1:1 + N], dbc[:, 1 + N:]
        Abar = torch.exp(d[:, :, None] * m.A)
        h = Abar * hp + (d * B)[:, None, :] * xt[:, :, None]
        y = (h * C[:, None, :]).sum(-1)
        return y * torch.sigmoid(z), h
    return _Cell(shapes, step)


@_export
def h8b_frmanuel_gru(x=7, h=5):
    """z, r: W x + U h + b; candidate W_h x + U_h (r*h) + b_h; h_t = z*h + (1-z)*cand."""
    shapes, inner = _gru_separate(x, h)

    def step(m, xt, hp):
        z, hc = inner(m, xt, hp)
        return z * hp + (1 - z) * hc
    return _Cell(shapes, step)


@_export
def h8b_rustory_gru(x=7, h=5):
    """z, r: Wz·x + Uz·h + bz; candidate Wc·x + Uc·(r*h) + bc; h' = (1-z) h + z cand."""
    shapes = {}
    for g in "zrc":
        shapes[f"W{g}"] = (h, x)
        shapes[f"U{g}"] = (h, h)
        shapes[f"b{g}"] = (h,)

    def step(m, xt, hp):
        z = torch.sigmoid(_mv(m.Wz, xt) + _mv(m.Uz, hp) + m.bz)
        r = torch.sigmoid(_mv(m.Wr, xt) + _mv(m.Ur, hp) + m.br)
        hc = torch.tanh(_mv(m.Wc, xt) + _mv(m.Uc, r * hp) + m.bc)
        return (1 - z) * hp + z * hc
    return _Cell(shapes, step)


@_export
def h8b_kurtlru_rnnlayer(H=7, N=5, H_out=3):
    """x_k = sigma(A x_{k-1} + B u_k), y_k = C x_k + D u_k; A: NxN, B: NxH, C: H_out x N, D: H_out x H."""
    shapes = {"A": (N, N), "B": (N, H), "C": (H_out, N), "D": (H_out, H)}

    def step(m, uk, xp):
        xk = torch.tanh(_mv(m.A, xp) + _mv(m.B, uk))
        return _mv(m.C, xk) + _mv(m.D, uk), xk
    return _Cell(shapes, step)


class _QRNNfo(nn.Module):
    """Masked convolutions W_z, W_f, W_o in R^{k x n x m} (no bias) and fo-pooling."""

    def __init__(self, n, m, k):
        super().__init__()
        self.k = k
        self.conv_z = nn.Conv1d(n, m, k, bias=False)
        self.conv_f = nn.Conv1d(n, m, k, bias=False)
        self.conv_o = nn.Conv1d(n, m, k, bias=False)

    def forward(self, X, c0):  # X: (batch, T, n) with T >= 1; returns last h, c
        Xp = nn.functional.pad(X.transpose(1, 2), (self.k - 1, 0))
        Z = torch.tanh(self.conv_z(Xp)).transpose(1, 2)
        F = torch.sigmoid(self.conv_f(Xp)).transpose(1, 2)
        O = torch.sigmoid(self.conv_o(Xp)).transpose(1, 2)
        c = c0
        for t in range(X.shape[1]):
            c = F[:, t] * c + (1 - F[:, t]) * Z[:, t]
            h = O[:, t] * c
        return h, c


@_export
def h8b_leviqrnn_fo(n=7, m=5, k=2):
    return _QRNNfo(n, m, k)


@_export
def h8b_vitieuluan_lstm(d=7, h=5):
    """f, i, o, g: W_g [h_{t-1}, x_t] + b_g with W_g: h x (h+d); count 4h(d+h+1)."""
    shapes = {}
    for g in "fiog":
        shapes[f"W_{g}"] = (h, h + d)
        shapes[f"b_{g}"] = (h,)

    def step(m, xt, hp, cp):
        v = torch.cat([hp, xt], -1)
        lin = lambda g: _mv(getattr(m, f"W_{g}"), v) + getattr(m, f"b_{g}")
        f, i, o = torch.sigmoid(lin("f")), torch.sigmoid(lin("i")), torch.sigmoid(lin("o"))
        c = f * cp + i * torch.tanh(lin("g"))
        return o * torch.tanh(c), c
    return _Cell(shapes, step)
