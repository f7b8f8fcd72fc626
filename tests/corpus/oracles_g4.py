"""Oracles for the g4-* snippets (RecurrentLayers.jl and LuxRecurrentLayers.jl docstrings, and
framework docstrings).

Each oracle takes the snippet's sizes as keyword arguments and returns a torch.nn.Module whose
parameters are exactly the weights and biases the snippet's text writes: one nn.Linear /
nn.Parameter per weight, a bias only where the text writes one, and a forward(x, state) that runs
one step as the equations say. Where the text documents torch itself, torch's own module is used.
"""
from __future__ import annotations

import torch
from torch import nn

__all__ = [
    "g4_rljl_ligru", "g4_rljl_lightru", "g4_rljl_mlstm", "g4_rljl_nas", "g4_rljl_mut1",
    "g4_rljl_janet", "g4_rljl_minimalrnn", "g4_rljl_intersection", "g4_rljl_trnn", "g4_rljl_br",
    "g4_rljl_lem",
    "g4_luxrl_ligru", "g4_luxrl_star", "g4_luxrl_sgrn", "g4_luxrl_cfn", "g4_luxrl_ran",
    "g4_luxrl_antisymmetric", "g4_luxrl_wmclstm",
    "g4_torch_rnncell", "g4_torch_grucell", "g4_mlx_lstm", "g4_sonnet_lstm", "g4_sonnet_gru",
    "g4_luxrl_lightru", "g4_luxrl_janet", "g4_luxrl_trnn", "g4_luxrl_peephole", "g4_luxrl_mut1",
    "g4_flaxnnx_lstmcell", "g4_flaxnnx_grucell", "g4_flaxnnx_simplecell", "g4_flux_grucell",
    "g4_rljl_cornn", "g4_rljl_wmclstm",
]

sig = torch.sigmoid
tanh = torch.tanh
relu = torch.relu


def _lin(i: int, o: int) -> nn.Linear:
    return nn.Linear(i, o, bias=False)


def _vec(n: int) -> nn.Parameter:
    return nn.Parameter(torch.randn(n) * 0.1)


class _Cell(nn.Module):
    """A bag of named weights W (nn.Linear, no bias) and vectors b (nn.Parameter), with a step
    function `step(self, x, state)` given per cell."""

    def __init__(self, x: int, h: int, W: dict, b: dict, step):
        super().__init__()
        self.x_in, self.h_size = x, h
        self.W = nn.ModuleDict({k: _lin(i, o) for k, (i, o) in W.items()})
        self.b = nn.ParameterDict({k: _vec(n) for k, n in b.items()})
        self._step = step

    def forward(self, x, state):
        return self._step(self, x, state)


def _hc(state):
    return state if isinstance(state, tuple) else (state, torch.zeros_like(state))


def _h(state):
    return state[0] if isinstance(state, tuple) else state


# --------------------------------------------------------------------------- RecurrentLayers.jl

def _ligru_rl(m, x, s):
    h = _h(s); W, b = m.W, m.b
    z = sig(W["z_ih"](x) + W["z_hh"](h) + b["z"])
    ht = relu(W["h_ih"](x) + W["h_hh"](h) + b["h"])
    return z * h + (1 - z) * ht


def g4_rljl_ligru(x: int, h: int) -> nn.Module:
    return _Cell(x, h, {"z_ih": (x, h), "z_hh": (h, h), "h_ih": (x, h), "h_hh": (h, h)},
                 {"z": h, "h": h}, _ligru_rl)


def _lightru(m, x, s):
    h = _h(s); W, b = m.W, m.b
    ht = tanh(W["h_ih"](x))
    f = sig(W["f_ih"](x) + W["f_hh"](h) + b["f"])      # delta: a sigmoid-like gate
    return (1 - f) * h + f * ht


def g4_rljl_lightru(x: int, h: int) -> nn.Module:
    return _Cell(x, h, {"h_ih": (x, h), "f_ih": (x, h), "f_hh": (h, h)}, {"f": h}, _lightru)


def _mlstm(m, x, s):
    h, c = _hc(s); W, b = m.W, m.b
    mm = W["m_ih"](x) * W["m_hh"](h)
    hh = W["h_ih"](x) + W["h_mh"](mm) + b["h"]
    i = sig(W["i_ih"](x) + W["i_mh"](mm) + b["i"])
    o = sig(W["o_ih"](x) + W["o_mh"](mm) + b["o"])
    f = sig(W["f_ih"](x) + W["f_mh"](mm) + b["f"])
    c = f * c + i * tanh(hh)
    return tanh(c) * o, c


def g4_rljl_mlstm(x: int, h: int, m: int) -> nn.Module:
    Wd = {"m_ih": (x, m), "m_hh": (h, m)}
    for g in "hiof":
        Wd[f"{g}_ih"] = (x, h)
        Wd[f"{g}_mh"] = (m, h)
    return _Cell(x, h, Wd, {g: h for g in "hiof"}, _mlstm)


def _nas(m, x, s):
    h, c = _hc(s); W, b = m.W, m.b
    o = {}
    for k in range(1, 9):
        if k == 4:
            o[4] = relu(W["4_ih"](x) * W["4_hh"](h))
            continue
        pre = W[f"{k}_ih"](x) + W[f"{k}_hh"](h) + b[str(k)]
        act = {1: sig, 2: relu, 3: sig, 5: tanh, 6: sig, 7: tanh, 8: sig}[k]
        o[k] = act(pre)
    l1 = tanh(o[1] * o[2]); l2 = tanh(o[3] + o[4]); l3 = tanh(o[5] * o[6]); l4 = sig(o[7] + o[8])
    l1 = tanh(l1 + c)
    c_new = l1 * l2
    l5 = tanh(l3 + l4)
    return tanh(c_new * l5), c_new


def g4_rljl_nas(x: int, h: int) -> nn.Module:
    Wd = {}
    for k in range(1, 9):
        Wd[f"{k}_ih"] = (x, h)
        Wd[f"{k}_hh"] = (h, h)
    return _Cell(x, h, Wd, {str(k): h for k in range(1, 9) if k != 4}, _nas)


def _mut1(m, x, s):
    h = _h(s); W, b = m.W, m.b
    z = sig(W["z_ih"](x) + b["z"])
    r = sig(W["r_ih"](x) + W["r_hh"](h) + b["r"])
    inner = tanh(W["h_hh"](r * h) + tanh(W["h_ih"](x) + b["h"]) + b["h"])
    return inner * z + h * (1 - z)


def g4_rljl_mut1(x: int, h: int) -> nn.Module:
    return _Cell(x, h, {"z_ih": (x, h), "r_ih": (x, h), "r_hh": (h, h), "h_hh": (h, h),
                        "h_ih": (x, h)}, {"z": h, "r": h, "h": h}, _mut1)


def _janet(m, x, s):
    h, c = _hc(s); W, b = m.W, m.b
    beta = 1.0
    sv = W["f_hh"](h) + W["f_ih"](x) + b["f"]
    ct = tanh(W["c_hh"](h) + W["c_ih"](x) + b["c"])
    c = sig(sv) * c + (1 - sig(sv - beta)) * ct
    return c, c


def g4_rljl_janet(x: int, h: int) -> nn.Module:
    return _Cell(x, h, {"f_hh": (h, h), "f_ih": (x, h), "c_hh": (h, h), "c_ih": (x, h)},
                 {"f": h, "c": h}, _janet)


def _minimal(m, x, s):
    h = _h(s); W, b = m.W, m.b
    z = tanh(W["xz"](x) + b["z"])
    u = sig(W["u_hh"](h) + W["u_zh"](z) + b["u"])
    return u * h + (1 - u) * z


def g4_rljl_minimalrnn(x: int, h: int) -> nn.Module:
    return _Cell(x, h, {"xz": (x, h), "u_hh": (h, h), "u_zh": (h, h)}, {"z": h, "u": h},
                 _minimal)


def _intersection(m, x, s):
    h = _h(s); W, b = m.W, m.b
    y_in = tanh(W["y_hh"](h) + W["y_xh"](x) + b["y"])
    h_in = tanh(W["h_hh"](h) + W["h_xh"](x) + b["h"])
    gy = sig(W["gy_hh"](h) + W["gy_xh"](x) + b["gy"])
    gh = sig(W["gh_hh"](h) + W["gh_xh"](x) + b["gh"])
    y = gy * x + (1 - gy) * y_in
    return gh * h + (1 - gh) * h_in, y


def g4_rljl_intersection(x: int, h: int) -> nn.Module:
    # y(t) = g^y(t) o x(t) + (1 - g^y(t)) o y^in(t): the y path has the size of x.
    return _Cell(x, h, {"y_hh": (h, x), "y_xh": (x, x), "gy_hh": (h, x), "gy_xh": (x, x),
                        "h_hh": (h, h), "h_xh": (x, h), "gh_hh": (h, h), "gh_xh": (x, h)},
                 {"y": x, "gy": x, "h": h, "gh": h}, _intersection)


def _trnn(m, x, s):
    h = _h(s); W, b = m.W, m.b
    z = W["ih"](x) + b["z"]
    f = sig(W["fh"](x) + b["f"])
    return f * h + (1 - f) * z


def g4_rljl_trnn(x: int, h: int) -> nn.Module:
    return _Cell(x, h, {"ih": (x, h), "fh": (x, h)}, {"z": h, "f": h}, _trnn)


def _br(m, x, s):
    h = _h(s); W, b = m.W, m.b
    a = 1 + tanh(W["a_ih"](x) + b["wa"] * h + b["a"])
    c = sig(W["c_ih"](x) + b["wc"] * h + b["c"])
    return c * h + (1 - c) * tanh(W["h_ih"](x) + a * h + b["h"])


def g4_rljl_br(x: int, h: int) -> nn.Module:
    return _Cell(x, h, {"a_ih": (x, h), "c_ih": (x, h), "h_ih": (x, h)},
                 {"wa": h, "wc": h, "a": h, "c": h, "h": h}, _br)


def _lem(m, x, s):
    h, z = _hc(s); W, b = m.W, m.b
    dt = 1.0
    d1 = dt * sig(W["1_hh"](h) + W["1_ih"](x) + b["1"])
    d2 = dt * sig(W["2_hh"](h) + W["2_ih"](x) + b["2"])
    z = (1 - d1) * z + d1 * sig(W["z_hh"](h) + W["z_ih"](x) + b["z"])
    h = (1 - d1) * h + d1 * sig(W["h_zh"](z) + W["h_ih"](x) + b["h"])
    return h, z


def g4_rljl_lem(x: int, h: int) -> nn.Module:
    return _Cell(x, h, {"1_hh": (h, h), "1_ih": (x, h), "2_hh": (h, h), "2_ih": (x, h),
                        "z_hh": (h, h), "z_ih": (x, h), "h_zh": (h, h), "h_ih": (x, h)},
                 {"1": h, "2": h, "z": h, "h": h}, _lem)


# --------------------------------------------------------------------------- LuxRecurrentLayers.jl

def _ligru_lux(m, x, s):
    h = _h(s); W, b = m.W, m.b
    z = sig(W["z_ih"](x) + b["z_ih"] + W["z_hh"](h) + b["z_hh"])
    ht = relu(W["h_ih"](x) + b["h_ih"] + W["h_hh"](h) + b["h_hh"])
    return z * h + (1 - z) * ht


def g4_luxrl_ligru(x: int, h: int) -> nn.Module:
    return _Cell(x, h, {"z_ih": (x, h), "z_hh": (h, h), "h_ih": (x, h), "h_hh": (h, h)},
                 {"z_ih": h, "z_hh": h, "h_ih": h, "h_hh": h}, _ligru_lux)


def _star(m, x, s):
    h = _h(s); W, b = m.W, m.b
    z = tanh(W["z_ih"](x) + b["z_ih"])
    k = sig(W["k_ih"](x) + b["k_ih"] + W["k_hh"](h) + b["k_hh"])
    return tanh((1 - k) * h + k * z)


def g4_luxrl_star(x: int, h: int) -> nn.Module:
    return _Cell(x, h, {"z_ih": (x, h), "k_ih": (x, h), "k_hh": (h, h)},
                 {"z_ih": h, "k_ih": h, "k_hh": h}, _star)


def _sgrn(m, x, s):
    h = _h(s); W, b = m.W, m.b
    wx = W["ih"](x) + b["ih"]
    f = sig(wx + W["hh"](h) + b["hh"])
    i = 1 - f
    return tanh(i * wx + f * h)


def g4_luxrl_sgrn(x: int, h: int) -> nn.Module:
    return _Cell(x, h, {"ih": (x, h), "hh": (h, h)}, {"ih": h, "hh": h}, _sgrn)


def _cfn(m, x, s):
    h = _h(s); W, b = m.W, m.b
    th = sig(W["t_ih"](x) + b["t_ih"] + W["t_hh"](h) + b["t_hh"])
    eta = sig(W["e_ih"](x) + b["e_ih"] + W["e_hh"](h) + b["e_hh"])
    return th * tanh(h) + eta * tanh(W["h_ih"](x) + b["h_ih"])


def g4_luxrl_cfn(x: int, h: int) -> nn.Module:
    return _Cell(x, h, {"t_ih": (x, h), "t_hh": (h, h), "e_ih": (x, h), "e_hh": (h, h),
                        "h_ih": (x, h)},
                 {"t_ih": h, "t_hh": h, "e_ih": h, "e_hh": h, "h_ih": h}, _cfn)


def _ran(m, x, s):
    h, c = _hc(s); W, b = m.W, m.b
    ct = W["c_ih"](x) + b["c_ih"]
    i = sig(W["i_ih"](x) + b["i_ih"] + W["i_hh"](h) + b["i_hh"])
    f = sig(W["f_ih"](x) + b["f_ih"] + W["f_hh"](h) + b["f_hh"])
    c = i * ct + f * c
    return tanh(c), c


def g4_luxrl_ran(x: int, h: int) -> nn.Module:
    return _Cell(x, h, {"c_ih": (x, h), "i_ih": (x, h), "i_hh": (h, h), "f_ih": (x, h),
                        "f_hh": (h, h)},
                 {"c_ih": h, "i_ih": h, "i_hh": h, "f_ih": h, "f_hh": h}, _ran)


def _antisym(m, x, s):
    h = _h(s); W, b = m.W, m.b
    eps, gamma = 0.01, 0.01
    Whh = m.W["hh"].weight
    A = Whh - Whh.T - gamma * torch.eye(Whh.shape[0])
    return h + eps * tanh(W["ih"](x) + b["ih"] + h @ A.T + b["hh"])


def g4_luxrl_antisymmetric(x: int, h: int) -> nn.Module:
    return _Cell(x, h, {"ih": (x, h), "hh": (h, h)}, {"ih": h, "hh": h}, _antisym)


def _wmclstm(m, x, s):
    h, c = _hc(s); W, b = m.W, m.b

    def gate(g, mem):
        return sig(W[g + "_ih"](x) + b[g + "_ih"] + W[g + "_hh"](h) + b[g + "_hh"]
                   + W[g + "_mh"](mem) + b[g + "_mh"])
    i = gate("i", c)
    f = gate("f", c)
    c = f * c + i * tanh(W["c_ih"](x) + b["c_ih"])
    o = gate("o", c)
    return o * tanh(c), c


def g4_luxrl_wmclstm(x: int, h: int) -> nn.Module:
    Wd = {"c_ih": (x, h)}
    bd = {"c_ih": h}
    for g in "ifo":
        Wd.update({g + "_ih": (x, h), g + "_hh": (h, h), g + "_mh": (h, h)})
        bd.update({g + "_ih": h, g + "_hh": h, g + "_mh": h})
    return _Cell(x, h, Wd, bd, _wmclstm)


# --------------------------------------------------------------------------- framework docstrings

def g4_torch_rnncell(x: int, h: int) -> nn.Module:
    return nn.RNNCell(x, h)


def g4_torch_grucell(x: int, h: int) -> nn.Module:
    return nn.GRUCell(x, h)


def _lstm1(m, x, s):
    """Gates i f g o, each W_x x + W_h h + b (one bias per gate)."""
    h, c = _hc(s); W, b = m.W, m.b
    pre = {g: W[g + "_x"](x) + W[g + "_h"](h) + b[g] for g in "ifgo"}
    i, f, g, o = sig(pre["i"]), sig(pre["f"]), tanh(pre["g"]), sig(pre["o"])
    c = f * c + i * g
    return o * tanh(c), c


def _lstm1_cell(x: int, h: int) -> nn.Module:
    Wd = {}
    for g in "ifgo":
        Wd[g + "_x"] = (x, h)
        Wd[g + "_h"] = (h, h)
    return _Cell(x, h, Wd, {g: h for g in "ifgo"}, _lstm1)


def g4_mlx_lstm(x: int, h: int) -> nn.Module:
    return _lstm1_cell(x, h)


def g4_sonnet_lstm(x: int, h: int) -> nn.Module:
    return _lstm1_cell(x, h)


def _sonnet_gru(m, x, s):
    h = _h(s); W, b = m.W, m.b
    z = sig(W["z_i"](x) + W["z_h"](h) + b["z"])
    r = sig(W["r_i"](x) + W["r_h"](h) + b["r"])
    a = tanh(W["a_i"](x) + W["a_h"](r * h) + b["a"])
    return (1 - z) * h + z * a


def g4_sonnet_gru(x: int, h: int) -> nn.Module:
    Wd = {}
    for g in "zra":
        Wd[g + "_i"] = (x, h)
        Wd[g + "_h"] = (h, h)
    return _Cell(x, h, Wd, {g: h for g in "zra"}, _sonnet_gru)


# --------------------------------------------------------------------------- more LuxRecurrentLayers.jl

def _lightru_lux(m, x, s):
    h = _h(s); W, b = m.W, m.b
    ht = tanh(W["h_ih"](x) + b["h_ih"])
    f = sig(W["f_ih"](x) + b["f_ih"] + W["f_hh"](h) + b["f_hh"])
    return (1 - f) * h + f * ht


def g4_luxrl_lightru(x: int, h: int) -> nn.Module:
    return _Cell(x, h, {"h_ih": (x, h), "f_ih": (x, h), "f_hh": (h, h)},
                 {"h_ih": h, "f_ih": h, "f_hh": h}, _lightru_lux)


def _janet_lux(m, x, s):
    h, c = _hc(s); W, b = m.W, m.b
    beta = 1.0
    sv = W["f_ih"](x) + b["f_ih"] + W["f_hh"](h) + b["f_hh"]
    ct = tanh(W["c_ih"](x) + b["c_ih"] + W["c_hh"](h) + b["c_hh"])
    c = sig(sv) * c + (1 - sig(sv - beta)) * ct
    return c, c


def g4_luxrl_janet(x: int, h: int) -> nn.Module:
    return _Cell(x, h, {"f_ih": (x, h), "f_hh": (h, h), "c_ih": (x, h), "c_hh": (h, h)},
                 {"f_ih": h, "f_hh": h, "c_ih": h, "c_hh": h}, _janet_lux)


def _trnn_lux(m, x, s):
    h = _h(s); W, b = m.W, m.b
    z = W["z_ih"](x) + b["z_ih"]
    f = sig(W["f_ih"](x) + b["f_ih"])
    return f * h + (1 - f) * z


def g4_luxrl_trnn(x: int, h: int) -> nn.Module:
    return _Cell(x, h, {"z_ih": (x, h), "f_ih": (x, h)}, {"z_ih": h, "f_ih": h}, _trnn_lux)


def _peep_lux(m, x, s):
    h, c = _hc(s); W, b = m.W, m.b

    def pre(g):
        return W[g + "_ih"](x) + b[g + "_ih"] + W[g + "_hh"](h) + b[g + "_hh"]
    z = tanh(pre("z"))
    i = sig(pre("i") + b["p_i"] * c + b["ph_i"])
    f = sig(pre("f") + b["p_f"] * c + b["ph_f"])
    c = f * c + i * z
    o = sig(pre("o") + b["p_o"] * c + b["ph_o"])
    return o * tanh(c), c


def g4_luxrl_peephole(x: int, h: int) -> nn.Module:
    Wd, bd = {}, {}
    for g in "zifo":
        Wd.update({g + "_ih": (x, h), g + "_hh": (h, h)})
        bd.update({g + "_ih": h, g + "_hh": h})
    for g in "ifo":
        bd.update({"p_" + g: h, "ph_" + g: h})
    return _Cell(x, h, Wd, bd, _peep_lux)


def _mut1_lux(m, x, s):
    h = _h(s); W, b = m.W, m.b
    z = sig(W["z_ih"](x) + b["z_ih"])
    r = sig(W["r_ih"](x) + b["r_ih"] + W["r_hh"](h) + b["r_hh"])
    inner = tanh(W["h_hh"](r * h + b["h_hh"]) + tanh(W["h_ih"](x)) + b["h_ih"])
    return inner * z + h * (1 - z)


def g4_luxrl_mut1(x: int, h: int) -> nn.Module:
    return _Cell(x, h, {"z_ih": (x, h), "r_ih": (x, h), "r_hh": (h, h), "h_hh": (h, h),
                        "h_ih": (x, h)},
                 {"z_ih": h, "r_ih": h, "r_hh": h, "h_hh": h, "h_ih": h}, _mut1_lux)


# --------------------------------------------------------------------------- flax.nnx, Flux

def _flax_lstm(m, x, s):
    h, c = _hc(s); W, b = m.W, m.b
    pre = {g: W[g + "_i"](x) + W[g + "_h"](h) + b[g] for g in "ifgo"}
    i, f, g, o = sig(pre["i"]), sig(pre["f"]), tanh(pre["g"]), sig(pre["o"])
    c = f * c + i * g
    return o * tanh(c), c


def g4_flaxnnx_lstmcell(x: int, h: int) -> nn.Module:
    Wd = {}
    for g in "ifgo":
        Wd.update({g + "_i": (x, h), g + "_h": (h, h)})
    return _Cell(x, h, Wd, {g: h for g in "ifgo"}, _flax_lstm)


def _flax_gru(m, x, s):
    h = _h(s); W, b = m.W, m.b
    r = sig(W["ir"](x) + b["ir"] + W["hr"](h))
    z = sig(W["iz"](x) + b["iz"] + W["hz"](h))
    n = tanh(W["in"](x) + b["in"] + r * (W["hn"](h) + b["hn"]))
    return (1 - z) * n + z * h


def g4_flaxnnx_grucell(x: int, h: int) -> nn.Module:
    return _Cell(x, h, {"ir": (x, h), "hr": (h, h), "iz": (x, h), "hz": (h, h), "in": (x, h),
                        "hn": (h, h)}, {"ir": h, "iz": h, "in": h, "hn": h}, _flax_gru)


def _flax_simple(m, x, s):
    h = _h(s)
    return tanh(m.W["i"](x) + m.b["i"] + m.W["h"](h))


def g4_flaxnnx_simplecell(x: int, h: int) -> nn.Module:
    return _Cell(x, h, {"i": (x, h), "h": (h, h)}, {"i": h}, _flax_simple)


def _flux_gru(m, x, s):
    h = _h(s); W, b = m.W, m.b
    r = sig(W["xi"](x) + W["hi"](h) + b["i"])
    z = sig(W["xz"](x) + W["hz"](h) + b["z"])
    ht = tanh(W["xh"](x) + r * W["hh"](h) + b["h"])
    return (1 - z) * ht + z * h


def g4_flux_grucell(x: int, h: int) -> nn.Module:
    return _Cell(x, h, {"xi": (x, h), "hi": (h, h), "xz": (x, h), "hz": (h, h), "xh": (x, h),
                        "hh": (h, h)}, {"i": h, "z": h, "h": h}, _flux_gru)


# --------------------------------------------------------------------------- more RecurrentLayers.jl

def _cornn(m, x, s):
    h, z = _hc(s); W, b = m.W, m.b
    dt, gamma, eps = 0.1, 1.0, 1.0
    z_new = z + dt * sig(W["hh"](h) + W["zh"](z) + W["ih"](x) + b["b"]) - dt * gamma * h
    z_new = z_new / (1 + dt * eps)        # the implicit -dt*eps*z(t) term
    return h + dt * z_new, z_new


def g4_rljl_cornn(x: int, h: int) -> nn.Module:
    return _Cell(x, h, {"hh": (h, h), "zh": (h, h), "ih": (x, h)}, {"b": h}, _cornn)


def _wmclstm_rl(m, x, s):
    h, c = _hc(s); W, b = m.W, m.b

    def gate(g, mem):
        return sig(W[g + "_ih"](x) + W[g + "_hh"](h) + tanh(W[g + "_ch"](mem)) + b[g])
    i = gate("i", c)
    f = gate("f", c)
    c = f * c + i * tanh(W["c_ih"](x) + b["c"])
    o = gate("o", c)
    return o * tanh(c), c


def g4_rljl_wmclstm(x: int, h: int) -> nn.Module:
    Wd, bd = {"c_ih": (x, h)}, {"c": h}
    for g in "ifo":
        Wd.update({g + "_ih": (x, h), g + "_hh": (h, h), g + "_ch": (h, h)})
        bd[g] = h
    return _Cell(x, h, Wd, bd, _wmclstm_rl)
