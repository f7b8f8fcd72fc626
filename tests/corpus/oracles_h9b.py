"""Oracles for the h9b corpus snippets: each returns an nn.Module whose parameters are exactly the
weights the snippet's text names, with a forward doing one step as its equations say."""
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
def h9b_vi_donga_elman(x=7, h=5):
    """h_(t) = phi(W_x^T x_(t) + W_h^T h_(t-1) + b); W_x: n_features x n_neurons, W_h: n x n, b."""
    shapes = {"W_x": (x, h), "W_h": (h, h), "b": (h,)}

    def step(m, xt, hp):
        return torch.tanh(xt @ m.W_x + hp @ m.W_h + m.b)
    return _Cell(shapes, step)


@_export
def h9b_zh_nlu_lstm(x=7, h=5):
    """i,f,o,C~ = act(W_x? x_t + W_h? h_{t-1} + b_?): per gate W_x?: h x x, W_h?: h x h, b_?: h."""
    shapes = {}
    for g in "ifoc":
        shapes[f"W_x{g}"] = (h, x)
        shapes[f"W_h{g}"] = (h, h)
        shapes[f"b_{g}"] = (h,)

    def step(m, xt, hp, cp):
        pre = {g: _mv(getattr(m, f"W_x{g}"), xt) + _mv(getattr(m, f"W_h{g}"), hp) + getattr(m, f"b_{g}")
               for g in "ifoc"}
        c = torch.sigmoid(pre["f"]) * cp + torch.sigmoid(pre["i"]) * torch.tanh(pre["c"])
        return torch.sigmoid(pre["o"]) * torch.tanh(c), c
    return _Cell(shapes, step, inputs=("x", "h", "h"))


@_export
def h9b_zh_rnnblog_gru(x=7, h=5):
    """z, r: sigma(W_x? x + W_h? h + b_?); h_t = (1-z) r tanh(W_xh x + r W_hh h + b_h) as written."""
    shapes = {}
    for g in "zrh":
        shapes[f"W_x{g}"] = (h, x)
        shapes[f"W_h{g}"] = (h, h)
        shapes[f"b_{g}"] = (h,)

    def step(m, xt, hp):
        z = torch.sigmoid(_mv(m.W_xz, xt) + _mv(m.W_hz, hp) + m.b_z)
        r = torch.sigmoid(_mv(m.W_xr, xt) + _mv(m.W_hr, hp) + m.b_r)
        return (1 - z) * r * torch.tanh(_mv(m.W_xh, xt) + r * _mv(m.W_hh, hp) + m.b_h)
    return _Cell(shapes, step)


@_export
def h9b_ko_guide_gru(x=7, h=5):
    """r, z, h~ = act(W_? [.., x_t] + b_?), each W_?: h x (h + x), b_?: h."""
    shapes = {}
    for g in "rzh":
        shapes[f"W_{g}"] = (h, h + x)
        shapes[f"b_{g}"] = (h,)

    def step(m, xt, hp):
        r = torch.sigmoid(_mv(m.W_r, torch.cat([hp, xt], -1)) + m.b_r)
        z = torch.sigmoid(_mv(m.W_z, torch.cat([hp, xt], -1)) + m.b_z)
        hc = torch.tanh(_mv(m.W_h, torch.cat([r * hp, xt], -1)) + m.b_h)
        return (1 - z) * hc + z * hp
    return _Cell(shapes, step)


@_export
def h9b_es_hugo_gru_nobias(x=7, h=5):
    """GRU with W_r, U_r, W_z, U_z, W, U and no biases; reset inside U(r_t * h_{t-1})."""
    shapes = {"W_r": (h, x), "U_r": (h, h), "W_z": (h, x), "U_z": (h, h), "W": (h, x), "U": (h, h)}

    def step(m, xt, hp):
        r = torch.sigmoid(_mv(m.W_r, xt) + _mv(m.U_r, hp))
        z = torch.sigmoid(_mv(m.W_z, xt) + _mv(m.U_z, hp))
        hc = torch.tanh(_mv(m.W, xt) + _mv(m.U, r * hp))
        return z * hp + (1 - z) * hc
    return _Cell(shapes, step)


@_export
def h9b_tr_dls_gru(x=7, a=5):
    """z, r: sigma(W_? x + U_? a + b_?); a~ = tanh(W x + U(r * a) + b); a = (1-z) a + z a~."""
    shapes = {}
    for g in ("z", "r", ""):
        sfx = f"_{g}" if g else ""
        shapes[f"W{sfx}"] = (a, x)
        shapes[f"U{sfx}"] = (a, a)
        shapes[f"b{sfx}"] = (a,)

    def step(m, xt, ap):
        z = torch.sigmoid(_mv(m.W_z, xt) + _mv(m.U_z, ap) + m.b_z)
        r = torch.sigmoid(_mv(m.W_r, xt) + _mv(m.U_r, ap) + m.b_r)
        ac = torch.tanh(_mv(m.W, xt) + _mv(m.U, r * ap) + m.b)
        return (1 - z) * ap + z * ac
    return _Cell(shapes, step, inputs=("x", "a"))


@_export
def h9b_tr_dls_lstm(x=7, a=5):
    """f, i, c~, o = act(W_? [a<t-1>, x<t>] + b_?): W_?: a x (a + x), b_?: a."""
    shapes = {}
    for g in "fico":
        shapes[f"W_{g}"] = (a, a + x)
        shapes[f"b_{g}"] = (a,)

    def step(m, xt, ap, cp):
        v = torch.cat([ap, xt], -1)
        f = torch.sigmoid(_mv(m.W_f, v) + m.b_f)
        i = torch.sigmoid(_mv(m.W_i, v) + m.b_i)
        cc = torch.tanh(_mv(m.W_c, v) + m.b_c)
        o = torch.sigmoid(_mv(m.W_o, v) + m.b_o)
        c = f * cp + i * cc
        return o * torch.tanh(c), c
    return _Cell(shapes, step, inputs=("x", "a", "a"))


@_export
def h9b_zh_llmcourse_selscan(x=7, N=5):
    """One plausible reading (the text does not fix it): S6 over x channels with state N per channel,
    diagonal A: x x N, Delta_t = softplus(W_D x_t), B_t = W_B x_t, C_t = W_C x_t."""
    shapes = {"A": (x, N), "W_D": (x, x), "W_B": (N, x), "W_C": (N, x)}

    def step(m, xt, hp):
        hp = hp.view(-1, x, N)
        d = nn.functional.softplus(_mv(m.W_D, xt))            # (b, x)
        Bt, Ct = _mv(m.W_B, xt), _mv(m.W_C, xt)                 # (b, N)
        Ab = torch.exp(d.unsqueeze(-1) * m.A)                   # (b, x, N)
        h = Ab * hp + (d.unsqueeze(-1) * Bt.unsqueeze(1)) * xt.unsqueeze(-1)
        return (h * Ct.unsqueeze(1)).sum(-1), h
    cell = _Cell(shapes, step, inputs=("x", "hN"))
    return cell


@_export
def h9b_fr_lmscript_gru(x=7, h=5):
    """z, r = sigma(W? [h, x]); h~ = tanh(W [r*h, x]); no biases; each W?: h x (h + x)."""
    shapes = {"Wz": (h, h + x), "Wr": (h, h + x), "W": (h, h + x)}

    def step(m, xt, hp):
        z = torch.sigmoid(_mv(m.Wz, torch.cat([hp, xt], -1)))
        r = torch.sigmoid(_mv(m.Wr, torch.cat([hp, xt], -1)))
        hc = torch.tanh(_mv(m.W, torch.cat([r * hp, xt], -1)))
        return (1 - z) * hp + z * hc
    return _Cell(shapes, step)


@_export
def h9b_ja_rnnnotes_lstm(x=7, h=5):
    """f, i, o, c~ = act(W? [h, x] + b?): W?: h x (h + x), b?: h (fused: W (h+x) x 4h, b 4h)."""
    shapes = {}
    for g in "fioc":
        shapes[f"W{g}"] = (h, h + x)
        shapes[f"b{g}"] = (h,)

    def step(m, xt, hp, cp):
        v = torch.cat([hp, xt], -1)
        f = torch.sigmoid(_mv(m.Wf, v) + m.bf)
        i = torch.sigmoid(_mv(m.Wi, v) + m.bi)
        o = torch.sigmoid(_mv(m.Wo, v) + m.bo)
        cc = torch.tanh(_mv(m.Wc, v) + m.bc)
        c = f * cp + i * cc
        return o * torch.tanh(c), c
    return _Cell(shapes, step, inputs=("x", "h", "h"))


@_export
def h9b_en_cheme5820_gru(x=7, h=5, y=3):
    """GRU W_?: h x d_in, U_?: h x h, b_?: h for z, r, h~; output V_y: d_out x h, b_y: d_out."""
    shapes = {}
    for g in "zrh":
        shapes[f"W_{g}"] = (h, x)
        shapes[f"U_{g}"] = (h, h)
        shapes[f"b_{g}"] = (h,)
    shapes["V_y"] = (y, h)
    shapes["b_y"] = (y,)

    def step(m, xt, hp):
        z = torch.sigmoid(_mv(m.W_z, xt) + _mv(m.U_z, hp) + m.b_z)
        r = torch.sigmoid(_mv(m.W_r, xt) + _mv(m.U_r, hp) + m.b_r)
        hc = torch.tanh(_mv(m.W_h, xt) + _mv(m.U_h, r * hp) + m.b_h)
        ht = (1 - z) * hp + z * hc
        return _mv(m.V_y, ht) + m.b_y, ht
    return _Cell(shapes, step)


@_export
def h9b_ko_garden_lstm(x=7, a=5):
    """Gamma_u, Gamma_f, Gamma_o, c~ = act(W_? [a<t-1>, x<t>] + b_?): W_?: a x (a + x), b_?: a."""
    shapes = {}
    for g in "ufoc":
        shapes[f"W_{g}"] = (a, a + x)
        shapes[f"b_{g}"] = (a,)

    def step(m, xt, ap, cp):
        v = torch.cat([ap, xt], -1)
        gu = torch.sigmoid(_mv(m.W_u, v) + m.b_u)
        gf = torch.sigmoid(_mv(m.W_f, v) + m.b_f)
        go = torch.sigmoid(_mv(m.W_o, v) + m.b_o)
        cc = torch.tanh(_mv(m.W_c, v) + m.b_c)
        c = gu * cc + gf * cp
        return go * torch.tanh(c), c
    return _Cell(shapes, step, inputs=("x", "a", "a"))


@_export
def h9b_zh_interviewqa_gru(x=7, s=5):
    """z, r = sigma(U_? x + W_? s); h = tanh(U_h x + W_h (s * r)); no biases."""
    shapes = {}
    for g in "zrh":
        shapes[f"U_{g}"] = (s, x)
        shapes[f"W_{g}"] = (s, s)

    def step(m, xt, sp):
        z = torch.sigmoid(_mv(m.U_z, xt) + _mv(m.W_z, sp))
        r = torch.sigmoid(_mv(m.U_r, xt) + _mv(m.W_r, sp))
        h = torch.tanh(_mv(m.U_h, xt) + _mv(m.W_h, sp * r))
        return (1 - z) * h + z * sp
    return _Cell(shapes, step, inputs=("x", "s"))


@_export
def h9b_zh_interviewqa_lstm(x=7, h=5):
    """One reading (the text leaves it open): every weight the text names, i, f, g, u, o each with
    W_x?: h x x, W_h?: h x h, b?: h; u is computed but unused, as written."""
    shapes = {}
    for g in "ifguo":
        shapes[f"W_x{g}"] = (h, x)
        shapes[f"W_h{g}"] = (h, h)
        shapes[f"b{g}"] = (h,)

    def step(m, xt, hp, cp):
        pre = {g: _mv(getattr(m, f"W_x{g}"), xt) + _mv(getattr(m, f"W_h{g}"), hp) + getattr(m, f"b{g}")
               for g in "ifguo"}
        c = torch.sigmoid(pre["f"]) * cp + torch.sigmoid(pre["i"]) * torch.tanh(pre["g"])
        return torch.sigmoid(pre["o"]) * torch.tanh(c), c
    return _Cell(shapes, step, inputs=("x", "h", "h"))
