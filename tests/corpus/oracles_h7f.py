"""Oracles for the h7f corpus snippets: each returns an nn.Module whose parameters are the weights
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


@_export
def itobsidian_lstm(x=7, h=5):
    """W_g x_t + U_g h_{t-1} + b_g for g in i, f, o, c; W_g: h x x, U_g: h x h, b_g: h."""
    shapes = {}
    for g in "ifoc":
        shapes[f"W_{g}"] = (h, x)
        shapes[f"U_{g}"] = (h, h)
        shapes[f"b_{g}"] = (h,)

    def step(m, xt, hp, cp):
        def lin(g):
            return xt @ getattr(m, f"W_{g}").T + hp @ getattr(m, f"U_{g}").T + getattr(m, f"b_{g}")
        i, f, o = torch.sigmoid(lin("i")), torch.sigmoid(lin("f")), torch.sigmoid(lin("o"))
        c = f * cp + i * torch.tanh(lin("c"))
        return o * torch.tanh(c), c
    return _Cell(shapes, step)


@_export
def ptd2l_lstm(x=7, h=5):
    """Row-vector convention X_t W_{xg} + H_{t-1} W_{hg} + b_g; W_{xg}: d x h, W_{hg}: h x h, b_g: 1 x h."""
    shapes = {}
    for g in "ifoc":
        shapes[f"W_x{g}"] = (x, h)
        shapes[f"W_h{g}"] = (h, h)
        shapes[f"b_{g}"] = (1, h)

    def step(m, X, H, C):
        def lin(g):
            return X @ getattr(m, f"W_x{g}") + H @ getattr(m, f"W_h{g}") + getattr(m, f"b_{g}")
        I, F, O = torch.sigmoid(lin("i")), torch.sigmoid(lin("f")), torch.sigmoid(lin("o"))
        C = F * C + I * torch.tanh(lin("c"))
        return O * torch.tanh(C), C
    return _Cell(shapes, step)


@_export
def deobsidian_lstm_nobias(x=7, h=5):
    """sigma(U_g h_{t-1} + W_g x_t) for g in f, i, o, g: no biases; U_g: h x h, W_g: h x x."""
    shapes = {}
    for g in "fiog":
        shapes[f"U_{g}"] = (h, h)
        shapes[f"W_{g}"] = (h, x)

    def step(m, xt, hp, cp):
        def lin(g):
            return hp @ getattr(m, f"U_{g}").T + xt @ getattr(m, f"W_{g}").T
        f, i, o = torch.sigmoid(lin("f")), torch.sigmoid(lin("i")), torch.sigmoid(lin("o"))
        c = f * cp + i * torch.tanh(lin("g"))
        return o * torch.tanh(c), c
    return _Cell(shapes, step)


@_export
def deobsidian_gru_nobias(x=7, h=5):
    """z, r: sigma(W_g x_t + U_g h_{t-1}); candidate tanh(W x_t + U (r * h_{t-1})); no biases."""
    shapes = {"W_z": (h, x), "U_z": (h, h), "W_r": (h, x), "U_r": (h, h), "W": (h, x), "U": (h, h)}

    def step(m, xt, hp):
        z = torch.sigmoid(xt @ m.W_z.T + hp @ m.U_z.T)
        r = torch.sigmoid(xt @ m.W_r.T + hp @ m.U_r.T)
        ht = torch.tanh(xt @ m.W.T + (r * hp) @ m.U.T)
        return (1 - z) * hp + z * ht
    return _Cell(shapes, step)


@_export
def idkeras_gru_resetafter(x=7, h=5):
    """Keras GRU, reset_after=True: x_t W_g + h_{t-1} U_g + b_g^(in) + b_g^(rec) for g in z, r, h;
    W_g: x x h, U_g: h x h, two bias vectors per gate."""
    shapes = {}
    for g in "zrh":
        shapes[f"W_{g}"] = (x, h)
        shapes[f"U_{g}"] = (h, h)
        shapes[f"b_{g}_in"] = (h,)
        shapes[f"b_{g}_rec"] = (h,)

    def step(m, xt, hp):
        z = torch.sigmoid(xt @ m.W_z + hp @ m.U_z + m.b_z_in + m.b_z_rec)
        r = torch.sigmoid(xt @ m.W_r + hp @ m.U_r + m.b_r_in + m.b_r_rec)
        ht = torch.tanh(xt @ m.W_h + m.b_h_in + r * (hp @ m.U_h + m.b_h_rec))
        return z * hp + (1 - z) * ht
    return _Cell(shapes, step)


@_export
def faperuse_lstm_peephole(x=7, h=5):
    """Stacked W (4h x input), U (4h x h), b (4h), diagonal peepholes V_i, V_f, V_o (h each);
    layer_norm without learned gain or bias."""
    shapes = {"W": (4 * h, x), "U": (4 * h, h), "b": (4 * h,), "V_i": (h,), "V_f": (h,), "V_o": (h,)}

    def ln(v, eps=1e-5):
        mean = v.mean(-1, keepdim=True)
        return (v - mean) / torch.sqrt(v.var(-1, unbiased=False, keepdim=True) + eps)

    def step(m, xt, hp, cp):
        z = xt @ m.W.T + hp @ m.U.T + m.b
        z_i, z_f, z_o, z_g = (ln(t) for t in z.chunk(4, -1))
        i = torch.sigmoid(z_i + m.V_i * cp)
        f = torch.sigmoid(z_f + m.V_f * cp)
        g = torch.tanh(z_g)
        c = ln(f * cp + i * g)
        o = torch.sigmoid(z_o + m.V_o * c)
        return o * torch.tanh(ln(c)), c
    return _Cell(shapes, step)


@_export
def ukconcat_lstm(x=7, h=5):
    """W_g . [h_{t-1}, x_t] + b_g for g in f, i, c, o: one h x (h + x) matrix and one bias per gate."""
    class M(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_f, self.W_i, self.W_c, self.W_o = (nn.Linear(h + x, h) for _ in range(4))

        def forward(self, xt, hp, cp):
            hx = torch.cat([hp, xt], -1)
            f, i, o = torch.sigmoid(self.W_f(hx)), torch.sigmoid(self.W_i(hx)), torch.sigmoid(self.W_o(hx))
            c = f * cp + i * torch.tanh(self.W_c(hx))
            return o * torch.tanh(c), c
    return M()


@_export
def ukconcat_gru(x=7, h=5):
    """W_r, W_z on [h_{t-1}, x_t], W on [r_t * h_{t-1}, x_t], one bias each."""
    class M(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_r, self.W_z, self.W = (nn.Linear(h + x, h) for _ in range(3))

        def forward(self, xt, hp):
            hx = torch.cat([hp, xt], -1)
            r, z = torch.sigmoid(self.W_r(hx)), torch.sigmoid(self.W_z(hx))
            ht = torch.tanh(self.W(torch.cat([r * hp, xt], -1)))
            return (1 - z) * hp + z * ht
    return M()


@_export
def ptmamba_s6(x=7, N=3):
    """One reading of a selective SSM (S6) over x channels with state size N, as in the Mamba paper:
    Linear_B, Linear_C: x -> N without bias; Linear_Delta: x -> x plus a separate bias (x);
    A = -exp(A_log) diagonal per channel (x x N). The text leaves these sizes open (expect: refuse)."""
    class M(nn.Module):
        def __init__(self):
            super().__init__()
            self.Linear_B = nn.Linear(x, N, bias=False)
            self.Linear_C = nn.Linear(x, N, bias=False)
            self.Linear_Delta = nn.Linear(x, x, bias=False)
            self.bias = nn.Parameter(torch.zeros(x))
            self.A_log = nn.Parameter(torch.zeros(x, N))

        def forward(self, xt, hp):  # xt: (b, x), hp: (b, x, N)
            B, C = self.Linear_B(xt), self.Linear_C(xt)
            delta = nn.functional.softplus(self.Linear_Delta(xt) + self.bias)
            A = -torch.exp(self.A_log)
            Abar = torch.exp(delta[..., None] * A)
            h = Abar * hp + (delta[..., None] * B[:, None, :]) * xt[..., None]
            return (h * C[:, None, :]).sum(-1), h
    return M()


@_export
def trnumpy_rnn(x=7, h=5, y=3):
    """Elman RNN with output layer: Wxh (h x x), Whh (h x h), Why (y x h), bh (h), by (y)."""
    shapes = {"Wxh": (h, x), "Whh": (h, h), "Why": (y, h), "bh": (h,), "by": (y,)}

    def step(m, xt, hp):
        hn = torch.tanh(xt @ m.Wxh.T + hp @ m.Whh.T + m.bh)
        out = 1 / (1 + torch.exp(-(hn @ m.Why.T) + m.by))
        return out, hn
    return _Cell(shapes, step)


@_export
def arblog_simplegru(x=7, c=5):
    """Simplified GRU (update gate only): W_c, W_u on [C^{t-1}, X^t] (c x (c + x)), biases b_c, b_u."""
    class M(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_c, self.W_u = nn.Linear(c + x, c), nn.Linear(c + x, c)

        def forward(self, X, C):
            cx = torch.cat([C, X], -1)
            Ct = torch.tanh(self.W_c(cx))
            G = torch.sigmoid(self.W_u(cx))
            return G * Ct + (1 - G) * C
    return M()


@_export
def arblog_lstm(x=7, a=5):
    """deeplearning.ai LSTM: W_f, W_u, W_o, W_c on [a^{t-1}, x^t] (a x (a + x)) with biases."""
    class M(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_f, self.W_u, self.W_o, self.W_c = (nn.Linear(a + x, a) for _ in range(4))

        def forward(self, xt, ap, cp):
            ax = torch.cat([ap, xt], -1)
            f, u, o = torch.sigmoid(self.W_f(ax)), torch.sigmoid(self.W_u(ax)), torch.sigmoid(self.W_o(ax))
            c = u * torch.tanh(self.W_c(ax)) + f * cp
            return o * torch.tanh(c), c
    return M()
