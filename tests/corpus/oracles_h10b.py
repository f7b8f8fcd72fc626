"""Oracles for the h10b corpus snippets: each returns an nn.Module whose parameters are exactly the
weights the snippet's text names (shapes as the text gives them), with a forward doing one step as
its equations say. Modules built here carry `inputs`, the signal names their forward takes."""
import torch
from torch import nn

__all__ = []


def _export(fn):
    __all__.append(fn.__name__)
    return fn


class _Cell(nn.Module):
    """Named parameters (shapes as the text gives them) plus a one-step function."""

    def __init__(self, shapes, step, inputs=("x", "h")):
        super().__init__()
        self.inputs = inputs
        for name, shape in shapes.items():
            self.register_parameter(name, nn.Parameter(torch.randn(*shape) * 0.1))
        self._step = step

    def forward(self, *args):
        return self._step(self, *args)


def _mv(W, v):
    """W v for a batch of row vectors v, W stored out x in."""
    return v @ W.T


@_export
def h10b_vi_course_gru(x=7, h=5):
    """z,r = sigma(W_? [h_{t-1}, x_t] + b_?); h~ = tanh(W [r*h_{t-1}, x_t] + b); W_?: (H, H+D)."""
    shapes = {"W_z": (h, h + x), "W_r": (h, h + x), "W": (h, h + x),
              "b_z": (h,), "b_r": (h,), "b": (h,)}

    def step(m, xt, hp):
        hx = torch.cat([hp, xt], -1)
        z = torch.sigmoid(_mv(m.W_z, hx) + m.b_z)
        r = torch.sigmoid(_mv(m.W_r, hx) + m.b_r)
        ht = torch.tanh(_mv(m.W, torch.cat([r * hp, xt], -1)) + m.b)
        return (1 - z) * hp + z * ht
    return _Cell(shapes, step)


@_export
def h10b_ko_blog_lstm_nobias(x=7, h=5):
    """f,i,C~,O = act(W_h? h_{t-1} + W_x? x_t), no biases; W_h?: h x h, W_x?: h x x."""
    shapes = {}
    for g in "fico":
        shapes[f"W_h{g}"] = (h, h)
        shapes[f"W_x{g}"] = (h, x)

    def step(m, xt, hp, cp):
        pre = {g: _mv(getattr(m, f"W_h{g}"), hp) + _mv(getattr(m, f"W_x{g}"), xt) for g in "fico"}
        c = cp * torch.sigmoid(pre["f"]) + torch.sigmoid(pre["i"]) * torch.tanh(pre["c"])
        return torch.sigmoid(pre["o"]) * torch.tanh(c), c
    return _Cell(shapes, step, inputs=("x", "h", "h"))


@_export
def h10b_ja_typst_lstm(x=7, h=5):
    """i,f,o,c~ = act(W_? [x_t, h_(t-1)] + b_?); W_?: h x (x+h), b_?: h."""
    shapes = {}
    for g in "ifoc":
        shapes[f"W_{g}"] = (h, x + h)
        shapes[f"b_{g}"] = (h,)

    def step(m, xt, hp, cp):
        xh = torch.cat([xt, hp], -1)
        pre = {g: _mv(getattr(m, f"W_{g}"), xh) + getattr(m, f"b_{g}") for g in "ifoc"}
        c = torch.sigmoid(pre["f"]) * cp + torch.sigmoid(pre["i"]) * torch.tanh(pre["c"])
        return torch.sigmoid(pre["o"]) * torch.tanh(c), c
    return _Cell(shapes, step, inputs=("x", "h", "h"))


@_export
def h10b_ja_typst_gru_nobias(x=7, h=5):
    """z,r = sigma(W_? [x_t, h_(t-1)]); h~ = tanh(W_h [x_t, r*h_(t-1)]); no biases; W_?: h x (x+h)."""
    shapes = {"W_z": (h, x + h), "W_r": (h, x + h), "W_h": (h, x + h)}

    def step(m, xt, hp):
        xh = torch.cat([xt, hp], -1)
        z = torch.sigmoid(_mv(m.W_z, xh))
        r = torch.sigmoid(_mv(m.W_r, xh))
        ht = torch.tanh(_mv(m.W_h, torch.cat([xt, r * hp], -1)))
        return (1 - z) * hp + z * ht
    return _Cell(shapes, step)


@_export
def h10b_ja_eshikaku_gru_nobias(x=7, h=5):
    """r,z = sigma(W_? x + U_? h); h~ = phi(W x + U(r*h)); h = z*h + (1-z)*h~; no biases."""
    shapes = {"W_r": (h, x), "U_r": (h, h), "W_z": (h, x), "U_z": (h, h), "W": (h, x), "U": (h, h)}

    def step(m, xt, hp):
        r = torch.sigmoid(_mv(m.W_r, xt) + _mv(m.U_r, hp))
        z = torch.sigmoid(_mv(m.W_z, xt) + _mv(m.U_z, hp))
        ht = torch.tanh(_mv(m.W, xt) + _mv(m.U, r * hp))
        return z * hp + (1 - z) * ht
    return _Cell(shapes, step)


@_export
def h10b_fr_course_gru_nobias(x=7, h=5):
    """z,r = sigma(W_? [h_{t-1}, x_t]); h~ = tanh(W [r*h_{t-1}, x_t]); no biases; W_?: h x (h+x)."""
    shapes = {"W_z": (h, h + x), "W_r": (h, h + x), "W": (h, h + x)}

    def step(m, xt, hp):
        hx = torch.cat([hp, xt], -1)
        z = torch.sigmoid(_mv(m.W_z, hx))
        r = torch.sigmoid(_mv(m.W_r, hx))
        ht = torch.tanh(_mv(m.W, torch.cat([r * hp, xt], -1)))
        return (1 - z) * hp + z * ht
    return _Cell(shapes, step)


@_export
def h10b_es_garden_elman(x=7, h=5):
    """h_t = tanh(W_hh h_{t-1} + W_xh x_t + b); the y_t in the diagram has no equation or weight."""
    shapes = {"W_hh": (h, h), "W_xh": (h, x), "b": (h,)}

    def step(m, xt, hp):
        return torch.tanh(_mv(m.W_hh, hp) + _mv(m.W_xh, xt) + m.b)
    return _Cell(shapes, step)


@_export
def h10b_en_kb_slstm_written(x=7, h=5):
    """The weights the text writes for sLSTM: i,f,o gates W_? x + R_? h + b_?. The memory input z_t has
    no equation in the text, so it is taken as a given signal here (expect: refuse)."""
    shapes = {}
    for g in "ifo":
        shapes[f"W_{g}"] = (h, x)
        shapes[f"R_{g}"] = (h, h)
        shapes[f"b_{g}"] = (h,)

    def step(m, xt, hp, zt, cp, np_):
        pre = {g: _mv(getattr(m, f"W_{g}"), xt) + _mv(getattr(m, f"R_{g}"), hp) + getattr(m, f"b_{g}")
               for g in "ifo"}
        i, f, o = torch.exp(pre["i"]), torch.sigmoid(pre["f"]), torch.sigmoid(pre["o"])
        c = f * cp + i * zt
        n = f * np_ + i
        return o * (c / n), c, n
    return _Cell(shapes, step, inputs=("x", "h", "h", "h", "h"))


@_export
def h10b_zh_textbook_charrnn(V=7, H=5):
    """h_t = tanh(W_xh[:, x_t] + W_hh h_{t-1} + b_h), y_t = W_hy h_t + b_y; one-hot input of size V."""
    shapes = {"W_xh": (H, V), "W_hh": (H, H), "b_h": (H,), "W_hy": (V, H), "b_y": (V,)}

    def step(m, xt, hp):
        h = torch.tanh(_mv(m.W_xh, xt) + _mv(m.W_hh, hp) + m.b_h)
        return _mv(m.W_hy, h) + m.b_y, h
    return _Cell(shapes, step, inputs=("V", "H"))


@_export
def h10b_zhtw_course_elman_head(x=7, h=5, y=3):
    """h_t = tanh(W_xh x_t + W_hh h_{t-1} + b_h); y^_t = W_hy h_t + b_y."""
    shapes = {"W_xh": (h, x), "W_hh": (h, h), "b_h": (h,), "W_hy": (y, h), "b_y": (y,)}

    def step(m, xt, hp):
        hn = torch.tanh(_mv(m.W_xh, xt) + _mv(m.W_hh, hp) + m.b_h)
        return _mv(m.W_hy, hn) + m.b_y, hn
    return _Cell(shapes, step)
