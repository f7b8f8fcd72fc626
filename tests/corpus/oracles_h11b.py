"""Oracles for the h11b corpus snippets: each returns an nn.Module whose parameters are exactly the
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


sig, tanh = torch.sigmoid, torch.tanh


@_export
def h11b_vi_slm_gru(x=7, h=5):
    """z,r = sigma(W_? x_t + U_? h_{t-1}); h~ = tanh(W x_t + U(r*h)); no biases."""
    shapes = {"W_z": (h, x), "U_z": (h, h), "W_r": (h, x), "U_r": (h, h), "W": (h, x), "U": (h, h)}

    def step(m, xt, hp):
        z = sig(_mv(m.W_z, xt) + _mv(m.U_z, hp))
        r = sig(_mv(m.W_r, xt) + _mv(m.U_r, hp))
        hh = tanh(_mv(m.W, xt) + _mv(m.U, r * hp))
        return (1 - z) * hp + z * hh
    return _Cell(shapes, step)


@_export
def h11b_ja_zenn_mamba_s6(D=7, N=5):
    """One plausible reading (official Mamba): A diag (D, N); Linear_N x2 and Linear_R no bias;
    Linear_D whose bias is the Parameter; R = ceil(D/16) taking d_model as D. The text leaves it open."""
    import math
    R = math.ceil(D / 16)
    shapes = {"A": (D, N), "W_B": (N, D), "W_C": (N, D), "W_R": (R, D), "W_D": (D, R), "Parameter": (D,)}

    def step(m, xt, hp):  # hp: (b, D*N) flattened state
        b = xt.shape[0]
        h = hp.view(b, D, N)
        Bt, Ct = _mv(m.W_B, xt), _mv(m.W_C, xt)
        dt = nn.functional.softplus(m.Parameter + _mv(m.W_D, _mv(m.W_R, xt)))
        Abar = torch.exp(dt.unsqueeze(-1) * m.A)
        h = Abar * h + (dt.unsqueeze(-1) * Bt.unsqueeze(1)) * xt.unsqueeze(-1)
        return (h * Ct.unsqueeze(1)).sum(-1), h.reshape(b, -1)
    cell = _Cell(shapes, step, inputs=("D", "DN"))
    cell.example = lambda b=2: (torch.randn(b, D), torch.randn(b, D * N))
    return cell


@_export
def h11b_zh_notes_gru_nobias(x=7, h=5):
    """r,z = sigma(W_? [h_{t-1};x_t]); h^ = tanh(W [r*h_{t-1};x_t]); no biases; W_?: (h, h+x)."""
    shapes = {"W_r": (h, h + x), "W_z": (h, h + x), "W": (h, h + x)}

    def step(m, xt, hp):
        hx = torch.cat([hp, xt], -1)
        r, z = sig(_mv(m.W_r, hx)), sig(_mv(m.W_z, hx))
        hh = tanh(_mv(m.W, torch.cat([r * hp, xt], -1)))
        return (1 - z) * hp + z * hh
    return _Cell(shapes, step)


@_export
def h11b_zh_notes_lstm(x=7, h=5):
    """f,i,C^,o = act(W_? [h_{t-1};x_t] + b_?); W_?: (h, h+x)."""
    shapes = {}
    for g in ("f", "i", "C", "o"):
        shapes[f"W_{g}"] = (h, h + x)
        shapes[f"b_{g}"] = (h,)

    def step(m, xt, hp, cp):
        hx = torch.cat([hp, xt], -1)
        pre = {g: _mv(getattr(m, f"W_{g}"), hx) + getattr(m, f"b_{g}") for g in ("f", "i", "C", "o")}
        c = sig(pre["f"]) * cp + sig(pre["i"]) * tanh(pre["C"])
        return sig(pre["o"]) * tanh(c), c
    return _Cell(shapes, step, inputs=("x", "h", "h"))


@_export
def h11b_zh_kb_lstm(x=7, h=5):
    """q=[h;x]; f,i,o,c~ = act(W_* q + b_*); W_*: (d_h, d_h+d_x)."""
    return h11b_zh_notes_lstm(x=x, h=h)


@_export
def h11b_es_5g_elman(x=7, h=5):
    """h_t = phi(W_hh h_{t-1} + W_xh x_t + b_h); W_hh: d_h x d_h, W_xh: d_h x d_x."""
    shapes = {"W_hh": (h, h), "W_xh": (h, x), "b_h": (h,)}

    def step(m, xt, hp):
        return tanh(_mv(m.W_hh, hp) + _mv(m.W_xh, xt) + m.b_h)
    return _Cell(shapes, step)


@_export
def h11b_es_5g_lstm(x=7, h=5):
    """f,i,C~,o = act(W_? [h_{t-1}, x_t] + b_?); [h,x] in R^{d_h+d_x}."""
    return h11b_zh_notes_lstm(x=x, h=h)


@_export
def h11b_ko_readme_slstm(x=7, h=5):
    """One plausible reading (Beck et al. 2024, one head): z~,i~,f~,o~ = W_* x + R_* h_{t-1} + b_*;
    exponential i, sigmoid f; normalizer n. The text itself gives none of the input weights."""
    shapes = {}
    for g in "zifo":
        shapes[f"W_{g}"] = (h, x)
        shapes[f"R_{g}"] = (h, h)
        shapes[f"b_{g}"] = (h,)

    def step(m, xt, hp, cp, np_):
        pre = {g: _mv(getattr(m, f"W_{g}"), xt) + _mv(getattr(m, f"R_{g}"), hp) + getattr(m, f"b_{g}")
               for g in "zifo"}
        i, f, o, z = torch.exp(pre["i"]), sig(pre["f"]), sig(pre["o"]), tanh(pre["z"])
        c = f * cp + i * z
        n = f * np_ + i
        return o * (c / n), c, n
    return _Cell(shapes, step, inputs=("x", "h", "h", "h"))


@_export
def h11b_ru_obsidian_gru(x=7, h=5):
    """z,r = sigma(W_? [h_{t-1}, x_t]); h~ = tanh(W [r*h_{t-1}, x_t]); no biases."""
    return h11b_zh_notes_gru_nobias(x=x, h=h)


@_export
def h11b_ru_obsidian_lstm(x=7, h=5):
    """f,i,c~,o = act(W_? [h_{t-1}, x_t] + b_?)."""
    return h11b_zh_notes_lstm(x=x, h=h)
