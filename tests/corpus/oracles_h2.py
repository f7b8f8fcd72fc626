"""Oracles for the second set-aside `h2-` snippets.

Each oracle takes the snippet's sizes as keyword arguments and returns a module whose parameters are
exactly the weights and biases the text writes (one nn.Parameter per named weight, a bias only where
the text writes one), with a `forward` that runs one step as the text's equations say. Where a text
documents a framework whose parameter layout equals a torch module's, the torch module is used.
Each module carries `x_in` (input width) and `h_size` / `c_size` (state widths) for the checker.
"""
from __future__ import annotations

import torch
from torch import nn

__all__ = [
    "h2_torchrnnjj_vanilla", "h2_torchrnnjj_lstm",
    "h2_profat_lstmp_acoustic", "h2_profat_lstm_lvcsr", "h2_profat_graves_lstm",
    "h2_concat_lstm", "h2_speechbrain_ligru", "h2_xlstm_mlstmcell", "h2_retnet_msr", "h2_s4tf_lstmcell", "h2_rustlstm_peephole_guess", "h2_rllib_grugate", "h2_kaushal_gru", "h2_mamba_simple", "h2_paddle_lstmcell", "h2_recurrentgemma_rglru", "h2_tinydnn_gru", "h2_blocks_lstm", "h2_haste_lnlstm", "h2_haste_indrnn", "h2_haoming_gru", "h2_axon_gru", "h2_matlabrnn_lstm", "h2_brainjs_gru", "h2_brainjs_lstmcell", "h2_rpkg_rnn", "h2_tinydl_gru", "h2_tinydl_rnn", "h2_rpkg_gru", "h2_rpkg_lstm", "h2_aracoref_lstm", "h2_onnx2tf_lstmpeep", "h2_ivy_gru", "h2_dl500q_rnn", "h2_ng_lstm", "h2_concat_rnn", "h2_torch_lstmcell", "h2_torch_grucell", "h2_torch_rnncell",
    "h2_rljl_star", "h2_rljl_sgrn", "h2_rljl_mclstm",
    "h2_sling_lstm", "h2_elm_guess", "h2_surnn_guess", "h2_neoml_indrnn", "h2_neoml_irnn", "h2_rlissue112_brc", "h2_rlissue103_gilr", "h2_rlissue140_sran",
    "h2_rlissue157_mgu1", "h2_luxrlissue8_ugrnn", "h2_rljlissue135_lstmg", "h2_pwc_deeplstmreader", "h2_putinpi_gru", "h2_concat_gru", "h2_dlai_peephole_gate",
    "h2_d2l_lstm_batch", "h2_d2l_gru_batch", "h2_d2l_rnn_batch",
]


def _p(*shape: int) -> nn.Parameter:
    return nn.Parameter(torch.randn(*shape) * 0.1)


class _Params(nn.Module):
    """A module holding named parameters; `self.P[name]` reads them."""

    def __init__(self, **shapes: tuple[int, ...]):
        super().__init__()
        self.P = nn.ParameterDict({k: _p(*s) for k, s in shapes.items()})


sig, tanh = torch.sigmoid, torch.tanh


def _mv(W, v):
    """W v for a batch of row vectors v (W is out x in)."""
    return v @ W.T


def _tag(m, x, h, c=None):
    m.x_in, m.h_size, m.c_size = x, h, (h if c is None else c)
    return m


# ------------------------------------------------------------------ generic column-vector cells

class Elman(_Params):
    """h = act(W x + U h + b_0 + ... ) [; y = V h (+ c)]."""

    def __init__(self, x, h, biases=1, y=None, out_bias=False, act=torch.tanh):
        shapes = {"W": (h, x), "U": (h, h)}
        for k in range(biases):
            shapes[f"b{k}"] = (h,)
        if y is not None:
            shapes["V"] = (y, h)
            if out_bias:
                shapes["c"] = (y,)
        super().__init__(**shapes)
        self.biases, self.y, self.out_bias, self.act = biases, y, out_bias, act
        _tag(self, x, h)

    def forward(self, x, h):
        P = self.P
        a = _mv(P["W"], x) + _mv(P["U"], h)
        for k in range(self.biases):
            a = a + P[f"b{k}"]
        h = self.act(a)
        if self.y is None:
            return h
        y = _mv(P["V"], h) + (P["c"] if self.out_bias else 0.0)
        return y, h


class LSTMGen(_Params):
    """General LSTM: gates i f o and candidate g from x (x wide) and the recurrent signal r (r wide);
    cell of width n. Options: `biases` per gate (0, 1 or 2), `peep` diagonal peepholes (i, f on
    c_{t-1}; o on c_t), `proj` (r = W_rm m, no bias) and an output layer y = W_y r (+ b_y)."""

    def __init__(self, x, n, r=None, biases=1, peep=False, proj=False, y=None, y_bias=True,
                 y_from="r"):
        rr = r if proj else n
        shapes = {}
        for g in "ifog":
            shapes[f"Wx_{g}"] = (n, x)
            shapes[f"Wr_{g}"] = (n, rr)
            for k in range(biases):
                shapes[f"b{k}_{g}"] = (n,)
        if peep:
            for g in "ifo":
                shapes[f"p_{g}"] = (n,)
        if proj:
            shapes["W_rm"] = (r, n)
        if y is not None:
            shapes["W_y"] = (y, rr if y_from == "r" else n)
            if y_bias:
                shapes["b_y"] = (y,)
        super().__init__(**shapes)
        self.biases, self.peep, self.proj, self.y = biases, peep, proj, y
        self.y_bias = y_bias
        _tag(self, x, rr, n)

    def forward(self, x, state):
        rp, c = state
        P = self.P
        lin = {}
        for g in "ifog":
            v = _mv(P[f"Wx_{g}"], x) + _mv(P[f"Wr_{g}"], rp)
            for k in range(self.biases):
                v = v + P[f"b{k}_{g}"]
            lin[g] = v
        if self.peep:
            lin["i"] = lin["i"] + P["p_i"] * c
            lin["f"] = lin["f"] + P["p_f"] * c
        i, f = sig(lin["i"]), sig(lin["f"])
        c = f * c + i * tanh(lin["g"])
        if self.peep:
            lin["o"] = lin["o"] + P["p_o"] * c
        m = sig(lin["o"]) * tanh(c)
        r = _mv(P["W_rm"], m) if self.proj else m
        if self.y is None:
            return r, c
        y = _mv(P["W_y"], r) + (P["b_y"] if self.y_bias else 0.0)
        return y, (r, c)


class GRUGen(_Params):
    """GRU: z, r gates and candidate from x and h. `reset_after`: r * (U_h h [+ b_hh]) instead of
    U_h (r * h). `biases`: 0, 1 (one per gate) or 2 (input and recurrent bias per gate)."""

    def __init__(self, x, h, biases=1, reset_after=False):
        shapes = {}
        for g in "zrn":
            shapes[f"W_{g}"] = (h, x)
            shapes[f"U_{g}"] = (h, h)
            for k in range(biases):
                shapes[f"b{k}_{g}"] = (h,)
        super().__init__(**shapes)
        self.biases, self.reset_after = biases, reset_after
        _tag(self, x, h)

    def _b(self, g, k):
        return self.P[f"b{k}_{g}"] if self.biases > k else 0.0

    def forward(self, x, h):
        P = self.P
        z = sig(_mv(P["W_z"], x) + _mv(P["U_z"], h) + self._b("z", 0) + self._b("z", 1))
        r = sig(_mv(P["W_r"], x) + _mv(P["U_r"], h) + self._b("r", 0) + self._b("r", 1))
        if self.reset_after:
            n = tanh(_mv(P["W_n"], x) + self._b("n", 0) + r * (_mv(P["U_n"], h) + self._b("n", 1)))
        else:
            n = tanh(_mv(P["W_n"], x) + _mv(P["U_n"], r * h) + self._b("n", 0) + self._b("n", 1))
        return (1 - z) * h + z * n


# ------------------------------------------------------------------ torch-rnn (Lua), jcjohnson

def h2_torchrnnjj_vanilla(D, H):
    """h[t] = tanh(Wh h[t-1] + Wx x[t] + b): weight (D + H, H), bias (H,)."""
    return Elman(D, H, biases=1)


def h2_torchrnnjj_lstm(D, H):
    """Wx* (H x D), Wh* (H x H), b* for i f o g: weight (D + H, 4H), bias (4H,)."""
    return LSTMGen(D, H, biases=1)


# ------------------------------------------------------------------ ProFatXuanAll blog (zh-TW)

def h2_profat_lstmp_acoustic(n_i, n_c, n_r, n_o):
    """Sak 2014 LSTMP: W_{gx} n_c x n_i, W_{gr} n_c x n_r, peepholes n_c (i f o), biases,
    r_t = W_{rm} m_t (n_r x n_c), y_t = softmax(W_{yr} r_t + b_y)."""
    return LSTMGen(n_i, n_c, r=n_r, biases=1, peep=True, proj=True, y=n_o, y_bias=True)


def h2_profat_lstm_lvcsr(n_i, n_c, n_o):
    """Peephole LSTM with recurrent m_{t-1}, and y_t = W_{ym} m_t + b_y."""
    return LSTMGen(n_i, n_c, biases=1, peep=True, y=n_o, y_bias=True, y_from="m")


def h2_profat_graves_lstm(x, h):
    """Refused snippet; built with all three peepholes diagonal (Graves 2013)."""
    return LSTMGen(x, h, biases=1, peep=True)


# ------------------------------------------------------------------ Dive into Deep Learning translations

def h2_d2l_lstm_batch(d, h, n=None):
    """W_{x*} d x h, W_{h*} h x h, b_* 1 x h for i f o c (row-vector layout; count as column)."""
    return LSTMGen(d, h, biases=1)


def h2_d2l_gru_batch(d, h, n=None):
    """W_{xr} W_{xz} W_{xh} d x h, W_{hr} W_{hz} W_{hh} h x h, b_r b_z b_h."""
    return GRUGen(d, h, biases=1)


def h2_d2l_rnn_batch(d, h, q, n=None):
    """H_t = phi(X_t W_{xh} + H_{t-1} W_{hh} + b_h); O_t = H_t W_{hq} + b_q."""
    return Elman(d, h, biases=1, y=q, out_bias=True)


# ------------------------------------------------------------------ notes and blogs

def h2_concat_lstm(x, h):
    """f, i, o, c~ = act(W_* [h_{t-1}, x_t] + b_*): W_* is h x (h + x); count as LSTMGen."""
    return LSTMGen(x, h, biases=1)


def h2_torch_lstmcell(x, h):
    """torch.nn.LSTMCell layout: W_i* (4h x x), W_h* (4h x h), b_i* and b_h* (4h each)."""
    return _tag(nn.LSTMCell(x, h), x, h)


def h2_torch_grucell(x, h):
    """torch.nn.GRUCell layout (reset after, two biases per gate)."""
    return _tag(nn.GRUCell(x, h), x, h)


def h2_torch_rnncell(x, h):
    """torch.nn.RNNCell layout (two biases)."""
    return _tag(nn.RNNCell(x, h), x, h)


# ------------------------------------------------------------------ RecurrentLayers.jl (Julia) docstrings

def h2_rljl_star(x, h):
    """z = tanh(W^z_ih x + b^z); k = sigma(W^k_ih x + W^k_hh h + b^k); h = tanh((1-k) h + k z)."""

    class M(_Params):
        def __init__(self):
            super().__init__(Wz=(h, x), bz=(h,), Wk=(h, x), Uk=(h, h), bk=(h,))

        def forward(self, inp, hp):
            P = self.P
            z = tanh(_mv(P["Wz"], inp) + P["bz"])
            k = sig(_mv(P["Wk"], inp) + _mv(P["Uk"], hp) + P["bk"])
            return tanh((1 - k) * hp + k * z)

    return _tag(M(), x, h)


def h2_rljl_sgrn(x, h):
    """f = sigma(W_ih x + W_hh h + b); i = 1 - f; h = tanh(i * (W_ih x) + f * h): W_ih shared."""

    class M(_Params):
        def __init__(self):
            super().__init__(W=(h, x), U=(h, h), b=(h,))

        def forward(self, inp, hp):
            P = self.P
            wx = _mv(P["W"], inp)
            f = sig(wx + _mv(P["U"], hp) + P["b"])
            return tanh((1 - f) * wx + f * hp)

    return _tag(M(), x, h)


def h2_rljl_mclstm(x, h):
    """Gates f i o m and candidate n from v_{t-1} (h) and x_t, each W_{*v} W_{*x} b_*;
    c = f c + i n; h = o tanh(c); v = m tanh(c). State (v, c)."""

    class M(_Params):
        def __init__(self):
            shapes = {}
            for g in "fiomn":
                shapes[f"Wv_{g}"] = (h, h)
                shapes[f"Wx_{g}"] = (h, x)
                shapes[f"b_{g}"] = (h,)
            super().__init__(**shapes)

        def forward(self, inp, state):
            v, c = state
            P = self.P
            a = {g: _mv(P[f"Wv_{g}"], v) + _mv(P[f"Wx_{g}"], inp) + P[f"b_{g}"] for g in "fiomn"}
            c = sig(a["f"]) * c + sig(a["i"]) * tanh(a["n"])
            hh = sig(a["o"]) * tanh(c)
            v = sig(a["m"]) * tanh(c)
            return hh, (v, c)

    return _tag(M(), x, h)


# ------------------------------------------------------------------ SLING Myelin (Python builder)

def h2_sling_lstm(input_dim, size):
    """x2i h2i c2i bi, x2o h2o c2o bo, x2c h2c bc (row-vector shapes); f = 1 - i; full peepholes."""

    class M(_Params):
        def __init__(self):
            super().__init__(x2i=(input_dim, size), h2i=(size, size), c2i=(size, size), bi=(1, size),
                             x2o=(input_dim, size), h2o=(size, size), c2o=(size, size), bo=(1, size),
                             x2c=(input_dim, size), h2c=(size, size), bc=(1, size))

        def forward(self, inp, state):
            h, c = state
            P = self.P
            i = sig(inp @ P["x2i"] + h @ P["h2i"] + c @ P["c2i"] + P["bi"])
            w = tanh(inp @ P["x2c"] + h @ P["h2c"] + P["bc"])
            c = i * w + (1 - i) * c
            o = sig(inp @ P["x2o"] + c @ P["c2o"] + h @ P["h2o"] + P["bo"])
            return o * tanh(c), c

    return _tag(M(), input_dim, size)


def h2_concat_gru(x, h):
    """r, z = sigma(W^* [x, h] + b^*); h~ = tanh(W^h [x, r*h] + b^h): W^* is h x (x + h)."""
    return GRUGen(x, h, biases=1)


def h2_dlai_peephole_gate(x, a):
    """Refused snippet. Module built for the one gate written: Wua (a x a), Wux (a x x), Wuc (a x a),
    bu; the forward returns the gate value as the new 'state'."""

    class M(_Params):
        def __init__(self):
            super().__init__(Wua=(a, a), Wux=(a, x), Wuc=(a, a), bu=(a,))

        def forward(self, inp, state):
            ap, c = state
            P = self.P
            g = sig(_mv(P["Wua"], ap) + _mv(P["Wux"], inp) + _mv(P["Wuc"], c) + P["bu"])
            return g, c

    return _tag(M(), x, a)


def h2_pwc_deeplstmreader(x, h, y):
    """Refused snippet. One layer (k = 1, x' = x) with full peephole matrices W_{kc*} (h x h), as
    the juxtaposition reads, gates with sigmoid, and the readout y' = W_{kyh} h + b_{ky}."""

    class M(_Params):
        def __init__(self):
            shapes = {}
            for g in "ifco":
                shapes[f"Wx_{g}"] = (h, x)
                shapes[f"Wh_{g}"] = (h, h)
                shapes[f"b_{g}"] = (h,)
            for g in "ifo":
                shapes[f"Wc_{g}"] = (h, h)
            shapes["W_y"] = (y, h)
            shapes["b_y"] = (y,)
            super().__init__(**shapes)

        def forward(self, inp, state):
            hp, c = state
            P = self.P
            a = {g: _mv(P[f"Wx_{g}"], inp) + _mv(P[f"Wh_{g}"], hp) + P[f"b_{g}"] for g in "ifco"}
            i = sig(a["i"] + _mv(P["Wc_i"], c))
            f = sig(a["f"] + _mv(P["Wc_f"], c))
            c = f * c + i * tanh(a["c"])
            o = sig(a["o"] + _mv(P["Wc_o"], c))
            hh = o * tanh(c)
            return _mv(P["W_y"], hh) + P["b_y"], (hh, c)

    return _tag(M(), x, h)


def h2_putinpi_gru(x, s):
    """o, i = sigma(W_* s + U_* x + b_*); s~ = sigma(W (o * s) + U x + b); s = (1-i) s + i s~."""

    class M(_Params):
        def __init__(self):
            super().__init__(W_o=(s, s), U_o=(s, x), b_o=(s,), W_i=(s, s), U_i=(s, x), b_i=(s,),
                             W=(s, s), U=(s, x), b=(s,))

        def forward(self, inp, sp):
            P = self.P
            o = sig(_mv(P["W_o"], sp) + _mv(P["U_o"], inp) + P["b_o"])
            i = sig(_mv(P["W_i"], sp) + _mv(P["U_i"], inp) + P["b_i"])
            st = sig(_mv(P["W"], o * sp) + _mv(P["U"], inp) + P["b"])
            return (1 - i) * sp + i * st

    return _tag(M(), x, s)


def h2_rljlissue135_lstmg(x, h, s):
    """Gates l, phi, omega: W_{*i} (s x x), W_{*h} (s x h), W_{*c} (s x s), three vectors w (s);
    v_c = W_{ci} x + W_{ch} h. No biases. h^{t-1} is an outside signal of width h; the cell s."""

    class M(_Params):
        def __init__(self):
            shapes = {}
            for g in ("l", "p", "w"):
                shapes[f"W{g}i"] = (s, x)
                shapes[f"W{g}h"] = (s, h)
                shapes[f"W{g}c"] = (s, s)
                for k in ("l", "p", "w"):
                    shapes[f"w{g}{k}"] = (s,)
            shapes["Wci"] = (s, x)
            shapes["Wch"] = (s, h)
            super().__init__(**shapes)

        def forward(self, inp, state):
            hp, sc = state
            P = self.P
            z = torch.zeros_like(sc)
            xl_prev = xp_prev = xw_prev = z

            def gate(g, xl, xp, xw):
                return sig(_mv(P[f"W{g}i"], inp) + _mv(P[f"W{g}h"], hp) + _mv(P[f"W{g}c"], sc)
                           + P[f"w{g}l"] * xl + P[f"w{g}p"] * xp + P[f"w{g}w"] * xw)

            xl = gate("l", xl_prev, xp_prev, xw_prev)
            xp = gate("p", xl_prev, xp_prev, xw_prev)
            vc = _mv(P["Wci"], inp) + _mv(P["Wch"], hp)
            s_new = xl * tanh(vc) + xp * sc
            xw = gate("w", xl, xp, xw_prev)
            return xw * tanh(s_new), (hp, s_new)

    return _tag(M(), x, h, s)


# ------------------------------------------------------------------ GitHub issues transcribing papers

def h2_rlissue112_brc(x, h):
    """BRC: U_x, U_a, U_c (h x x), w_a, w_c (h); no biases."""

    class M(_Params):
        def __init__(self):
            super().__init__(Ux=(h, x), Ua=(h, x), wa=(h,), Uc=(h, x), wc=(h,))

        def forward(self, inp, hp):
            P = self.P
            a = 1 + tanh(_mv(P["Ua"], inp) + P["wa"] * hp)
            c = sig(_mv(P["Uc"], inp) + P["wc"] * hp)
            return c * hp + (1 - c) * tanh(_mv(P["Ux"], inp) + a * hp)

    return _tag(M(), x, h)


def h2_rlissue103_gilr(x, h):
    """g = sigma(U x + b_g); i = tau(V x + b_z); h = g h + (1 - g) i."""

    class M(_Params):
        def __init__(self):
            super().__init__(U=(h, x), b_g=(h,), V=(h, x), b_z=(h,))

        def forward(self, inp, hp):
            P = self.P
            g = sig(_mv(P["U"], inp) + P["b_g"])
            i = tanh(_mv(P["V"], inp) + P["b_z"])
            return g * hp + (1 - g) * i

    return _tag(M(), x, h)


def h2_rlissue140_sran(x, c):
    """i, f = sigma(W_{*c} c + W_{*x} x + b_*); c = i x + f c (x and c the same width)."""
    assert x == c, "the text forces x == c"

    class M(_Params):
        def __init__(self):
            super().__init__(W_ic=(c, c), W_ix=(c, x), b_i=(c,), W_fc=(c, c), W_fx=(c, x), b_f=(c,))

        def forward(self, inp, cp):
            P = self.P
            i = sig(_mv(P["W_ic"], cp) + _mv(P["W_ix"], inp) + P["b_i"])
            f = sig(_mv(P["W_fc"], cp) + _mv(P["W_fx"], inp) + P["b_f"])
            return i * inp + f * cp

    return _tag(M(), x, c)


def h2_rlissue157_mgu1(x, h):
    """Refused snippet. Built as MGU with the first variant gate f = sigma(U_f h + b_f) and the
    usual MGU candidate h~ = tanh(W_h x + U_h (f * h) + b_h); h = (1 - f) h + f h~."""

    class M(_Params):
        def __init__(self):
            super().__init__(U_f=(h, h), b_f=(h,), W_h=(h, x), U_h=(h, h), b_h=(h,))

        def forward(self, inp, hp):
            P = self.P
            f = sig(_mv(P["U_f"], hp) + P["b_f"])
            cand = tanh(_mv(P["W_h"], inp) + _mv(P["U_h"], f * hp) + P["b_h"])
            return (1 - f) * hp + f * cand

    return _tag(M(), x, h)


def h2_luxrlissue8_ugrnn(x, h):
    """c = s(W^c_hh h + W^c_xh x + b^c); g = sigma(...); h = g h + (1 - g) c."""

    class M(_Params):
        def __init__(self):
            super().__init__(Whc=(h, h), Wxc=(h, x), bc=(h,), Whg=(h, h), Wxg=(h, x), bg=(h,))

        def forward(self, inp, hp):
            P = self.P
            c = tanh(_mv(P["Whc"], hp) + _mv(P["Wxc"], inp) + P["bc"])
            g = sig(_mv(P["Whg"], hp) + _mv(P["Wxg"], inp) + P["bg"])
            return g * hp + (1 - g) * c

    return _tag(M(), x, h)


# ------------------------------------------------------------------ NeoML (C++ library) docs

def h2_neoml_indrnn(X, Y):
    """Y_t = activation(W * X_t + B + U * Y_t-1): W (Y x X), B (Y), U vector (Y)."""

    class M(_Params):
        def __init__(self):
            super().__init__(W=(Y, X), B=(Y,), U=(Y,))

        def forward(self, inp, yp):
            P = self.P
            return sig(_mv(P["W"], inp) + P["B"] + P["U"] * yp)

    return _tag(M(), X, Y)


def h2_neoml_irnn(X, Y):
    """Y_t = ReLU(FC_input(X_t) + FC_recur(Y_t-1)), each FC with weights and free terms."""
    return Elman(X, Y, biases=2, act=torch.relu)


def h2_elm_guess(x, m):
    """Refused snippet. One reading: w_s (x), a one-layer MLP from [s, m] (x + m) to m with bias,
    w_y (m); tau_m, tau_s, lambda fixed."""

    class M(_Params):
        def __init__(self):
            super().__init__(w_s=(x,), Wp=(m, x + m), bp=(m,), w_y=(m,))

        def forward(self, inp, state):
            mp, sp = state
            P = self.P
            s = 0.9 * sp + P["w_s"] * inp
            dm = tanh(torch.cat([s, 0.9 * mp], -1) @ P["Wp"].T + P["bp"])
            mm = 0.9 * mp + 0.1 * dm
            return (P["w_y"] * mm).sum(-1), (mm, s)

    return _tag(M(), x, m, x)


def h2_surnn_guess(x, h):
    """Refused snippet. One reading: f_theta an Elman tanh cell (W, U, b) and one sinusoid term per
    unit (b_i, alpha_i, omega, phi_i)."""

    class M(_Params):
        def __init__(self):
            super().__init__(W=(h, x), U=(h, h), b=(h,), bi=(h,), alpha=(h,), omega=(1,), phi=(h,))

        def forward(self, inp, hp, t=1.0):
            P = self.P
            a = P["bi"] + P["alpha"] * torch.sin(P["omega"] * t + P["phi"])
            g = (a > 0).float()
            dh = tanh(_mv(P["W"], inp) + _mv(P["U"], hp) + P["b"]) - hp
            return hp + g * dh

    return _tag(M(), x, h)


def h2_concat_rnn(x, h):
    """h_t = sigma(W [h_{t-1}, x_t] + b): W is h x (h + x), b is h."""
    return Elman(x, h, biases=1, act=torch.sigmoid)


def h2_ng_lstm(x, a):
    """Gates u f o and candidate c~ = act(W_* [a^{<t-1>}, x^{<t>}] + b_*); a = Gamma_o * c."""

    class M(_Params):
        def __init__(self):
            super().__init__(**{f"W{g}": (a, a + x) for g in "cufo"}, **{f"b{g}": (a,) for g in "cufo"})

        def forward(self, inp, state):
            ap, c = state
            P = self.P
            z = torch.cat([ap, inp], -1)
            ct = tanh(_mv(P["Wc"], z) + P["bc"])
            u, f, o = (sig(_mv(P[f"W{g}"], z) + P[f"b{g}"]) for g in "ufo")
            c = u * ct + f * c
            return o * c, c

    return _tag(M(), x, a)


def h2_dl500q_rnn(x, h, o):
    """h = phi(U x + W h + b); o = V h + c."""
    return Elman(x, h, biases=1, y=o, out_bias=True)


def h2_aracoref_lstm(x, h):
    """Row-vector LSTM without biases: U^* (x x h), W^* (h x h) for i f o g."""
    return LSTMGen(x, h, biases=0)


def h2_onnx2tf_lstmpeep(X, H):
    """ONNX LSTM with peepholes: W* (H x X), R* (H x H), Wb* and Rb* (H), P_i P_f P_o (H)."""
    return LSTMGen(X, H, biases=2, peep=True)


def h2_ivy_gru(X, H):
    """ONNX-style GRU: W* (H x X), R* (H x H), Wb* and Rb* for z r h (either reset placement)."""
    return _tag(nn.GRUCell(X, H), X, H)


# ------------------------------------------------------------------ R package rnn vignettes

def h2_rpkg_gru(x, h):
    """r, z = sigmoid(h W + x U); g = tanh(W_g (h . r) + x U_g); no biases."""
    return GRUGen(x, h, biases=0)


def h2_rpkg_lstm(x, h):
    """f i g o = act(h W + x U), no biases."""
    return LSTMGen(x, h, biases=0)


# ------------------------------------------------------------------ TinyDL (Java)

def h2_tinydl_gru(x, h):
    """z, r = sigma(W x + U h + b); u~ = tanh(W_h x + U_h (r * h) + b_h)."""
    return GRUGen(x, h, biases=1)


def h2_tinydl_rnn(x, h):
    """h = tanh(W_xh x + W_hh h + b); x2h (input_size, hidden_size), b (1, hidden_size)."""
    return Elman(x, h, biases=1)


def h2_rpkg_rnn(x, h):
    """h = sigmoid(h W + x U): W (h x h), U (x x h), no bias."""
    return Elman(x, h, biases=0, act=torch.sigmoid)


# ------------------------------------------------------------------ brain.js (TypeScript)

def h2_brainjs_gru(hiddenSize, prevSize):
    """update, reset, cell: (hiddenSize x prevSize) + (hiddenSize x hiddenSize) + (hiddenSize x 1)."""
    return GRUGen(prevSize, hiddenSize, biases=1)


def h2_brainjs_lstmcell(**s):
    """four blocks: weights (height x input.height), 'peepholes' (height x height), bias (height x 1)."""
    return LSTMGen(s["input.height"], s["height"], biases=1)


# ------------------------------------------------------------------ matlab-rnn (MATLAB)

class _FullPeepLSTM(_Params):
    def __init__(self, x, h, y):
        shapes = {}
        for g in "ifoc":
            shapes[f"Wx{g}"] = (h, x); shapes[f"Wh{g}"] = (h, h); shapes[f"B{g}"] = (h,)
        for g in "ifo":
            shapes[f"Wc{g}"] = (h, h)
        shapes["W0"] = (y, h); shapes["B0"] = (y,)
        super().__init__(**shapes)
        _tag(self, x, h)

    def forward(self, x, state):
        hp, cp = state
        P = self.P
        lin = lambda g: _mv(P[f"Wx{g}"], x) + _mv(P[f"Wh{g}"], hp) + P[f"B{g}"]
        i = sig(lin("i") + _mv(P["Wci"], cp)); f = sig(lin("f") + _mv(P["Wcf"], cp))
        c = f * cp + i * tanh(lin("c"))
        o = sig(lin("o") + _mv(P["Wco"], c))
        h = o * tanh(c)
        return torch.softmax(_mv(P["W0"], h) + P["B0"], -1), (h, c)


def h2_matlabrnn_lstm(input_size, hidden_size, output_size):
    """Wx* (h x x), Wh* (h x h), B* (h) for c i f o; full Wci Wcf Wco (h x h); W0 (o x h), B0 (o)."""
    return _FullPeepLSTM(input_size, hidden_size, output_size)


# ------------------------------------------------------------------ Axon (Elixir)

def h2_axon_gru(input, hidden):
    """wir wiz win (input -> hidden), whr whz whn (hidden -> hidden), br bz bin bhn (hidden)."""
    m = GRUGen(input, hidden, biases=1, reset_after=True)
    m.P["b1_n"] = _p(hidden)
    return m


# ------------------------------------------------------------------ haoming58 notes (zh)

class _GRUOut(nn.Module):
    def __init__(self, x, h, q):
        super().__init__()
        self.cell = GRUGen(x, h, biases=1)
        self.W_hq = _p(h, q); self.b_q = _p(q)
        _tag(self, x, h)

    def forward(self, x, h):
        h = self.cell(x, h)
        return h @ self.W_hq + self.b_q, h


def h2_haoming_gru(V, H, N=None):
    """W_x* (V, H), W_h* (H, H), b_* (H) for z r h; W_hq (H, V), b_q (V)."""
    return _GRUOut(V, H, V)


# ------------------------------------------------------------------ Haste API docs

class _HasteLNLSTM(_Params):
    def __init__(self, x, h):
        super().__init__(kernel=(x, 4 * h), recurrent_kernel=(h, 4 * h), bias=(4 * h,),
                         gamma=(2, 4 * h), gamma_h=(h,), beta_h=(h,))
        _tag(self, x, h)

    def forward(self, x, state):
        h, c = state
        P = self.P
        ln = lambda v: torch.nn.functional.layer_norm(v, v.shape[-1:])
        a = ln(x @ P["kernel"]) * P["gamma"][0] + ln(h @ P["recurrent_kernel"]) * P["gamma"][1] + P["bias"]
        i, g, f, o = a.chunk(4, -1)
        c = sig(f) * c + sig(i) * tanh(g)
        h = sig(o) * tanh(ln(c) * P["gamma_h"] + P["beta_h"])
        return h, c


def h2_haste_lnlstm(input_size, hidden_size):
    """kernel (x, 4h), recurrent_kernel (h, 4h), bias (4h), gamma (2, 4h), gamma_h (h), beta_h (h)."""
    return _HasteLNLSTM(input_size, hidden_size)


class _HasteIndRNN(_Params):
    def __init__(self, x, h):
        super().__init__(kernel=(x, h), recurrent_scale=(h,), bias=(h,))
        _tag(self, x, h)

    def forward(self, x, h):
        P = self.P
        return tanh(x @ P["kernel"] + P["recurrent_scale"] * h + P["bias"])


def h2_haste_indrnn(input_size, hidden_size):
    """kernel (x, h), recurrent_scale (h), bias (h)."""
    return _HasteIndRNN(input_size, hidden_size)


# ------------------------------------------------------------------ Blocks (Theano) LSTM brick

class _BlocksLSTM(_Params):
    def __init__(self, d):
        super().__init__(W_state=(d, 4 * d), W_cell_to_in=(d,), W_cell_to_forget=(d,),
                         W_cell_to_out=(d,), initial_state_=(d,), initial_cells=(d,))
        self.d = d
        _tag(self, 4 * d, d)

    def forward(self, inputs, state):
        h, c = state
        P, d = self.P, self.d
        a = h @ P["W_state"] + inputs
        i = sig(a[:, :d] + c * P["W_cell_to_in"]); f = sig(a[:, d:2 * d] + c * P["W_cell_to_forget"])
        c = f * c + i * tanh(a[:, 2 * d:3 * d])
        o = sig(a[:, 3 * d:] + c * P["W_cell_to_out"])
        return o * tanh(c), c


def h2_blocks_lstm(dim):
    """W_state (dim, 4 dim), three peephole vectors (dim), initial_state_ and initial_cells (dim):
    everything in self.parameters; the input projection to 4 dim is outside the brick."""
    return _BlocksLSTM(dim)


# ------------------------------------------------------------------ tiny-dnn (C++)

def h2_tinydnn_gru(in_dim, out_dim):
    """W[x->z] W[x->r] W[x->h] (in x out), W[s->z] W[s->r] W[hr->c] (out x out), bz br bh (out)."""
    return GRUGen(in_dim, out_dim, biases=1)


# ------------------------------------------------------------------ RecurrentGemma RG-LRU (PyTorch)

class _BlockDiag(nn.Module):
    def __init__(self, width, nb):
        super().__init__()
        self.nb, self.bw = nb, width // nb
        self.w = _p(nb, self.bw, self.bw); self.b = _p(nb, self.bw)

    def forward(self, x):
        x = x.reshape(*x.shape[:-1], self.nb, self.bw)
        return (torch.einsum("...hi,hij->...hj", x, self.w) + self.b).flatten(-2)


class _RGLRU(nn.Module):
    def __init__(self, width, nh):
        super().__init__()
        self.a_param = _p(width)
        self.input_gate = _BlockDiag(width, nh); self.a_gate = _BlockDiag(width, nh)
        _tag(self, width, width)

    def forward(self, x, h):
        gx, ga = sig(self.input_gate(x)), sig(self.a_gate(x))
        log_a = -8.0 * ga * torch.nn.functional.softplus(self.a_param)
        a = torch.exp(log_a)
        return a * h + torch.sqrt(1 - a * a) * (x * gx)


def h2_recurrentgemma_rglru(width, num_heads):
    """a_param [width]; two BlockDiagonalLinear: w [nb, bw, bw], b [nb, bw], bw = width // nb."""
    return _RGLRU(width, num_heads)


def h2_paddle_lstmcell(input_size, hidden_size):
    """weight_ih (4h, x), weight_hh (4h, h), bias_ih and bias_hh (4h); proj_size left at 0."""
    return h2_torch_lstmcell(input_size, hidden_size)


# ------------------------------------------------------------------ Mamba (selective SSM block)

class _Mamba(nn.Module):
    def __init__(self, d_model, d_state=16, d_conv=4, expand=2):
        super().__init__()
        import math
        di = expand * d_model
        r = math.ceil(d_model / 16)
        self.di, self.r, self.n = di, r, d_state
        self.in_proj = nn.Linear(d_model, 2 * di, bias=False)
        self.conv1d = nn.Conv1d(di, di, d_conv, groups=di, bias=True, padding=d_conv - 1)
        self.x_proj = nn.Linear(di, r + 2 * d_state, bias=False)
        self.dt_proj = nn.Linear(r, di, bias=True)
        self.A_log = nn.Parameter(torch.log(torch.arange(1, d_state + 1.0)).repeat(di, 1))
        self.D = nn.Parameter(torch.ones(di))
        self.out_proj = nn.Linear(di, d_model, bias=False)
        self.x_in, self.h_size, self.c_size = d_model, di * d_state, di * d_state

    def forward(self, x, h):
        """One recurrent step; the convolution sees only the current input (last tap)."""
        xz = self.in_proj(x); u, z = xz.chunk(2, -1)
        u = torch.nn.functional.silu(u * self.conv1d.weight[:, 0, -1] + self.conv1d.bias)
        dbc = self.x_proj(u)
        dt, B, Cm = dbc.split([self.r, self.n, self.n], -1)
        dt = torch.nn.functional.softplus(self.dt_proj(dt))
        A = -torch.exp(self.A_log)
        h = h.view(-1, self.di, self.n)
        h = torch.exp(dt[..., None] * A) * h + (dt[..., None] * B[:, None, :]) * u[..., None]
        y = (h * Cm[:, None, :]).sum(-1) + self.D * u
        return self.out_proj(y * torch.nn.functional.silu(z)), h.flatten(1)


def h2_mamba_simple(d_model):
    """in_proj (2 di x d), conv1d depthwise (di x 1 x 4) + bias, x_proj ((r + 2n) x di), dt_proj (di x r) + bias,
    A_log (di x n), D (di), out_proj (d x di); di = 2 d, r = ceil(d / 16), n = 16."""
    return _Mamba(d_model)


def h2_kaushal_gru(X, H):
    """Each of R, Z and the candidate has its own Weights (H x (H + X)) and Bias (H)."""
    return GRUGen(X, H, biases=1)


# ------------------------------------------------------------------ RLlib GRUGate (Keras)

class _GRUGate(_Params):
    def __init__(self, d):
        super().__init__(w_r=(d, d), w_z=(d, d), w_h=(d, d), u_r=(d, d), u_z=(d, d), u_h=(d, d),
                         bias_z=(d,))
        _tag(self, d, d)

    def forward(self, X, h):
        P = self.P
        r = sig(X @ P["w_r"] + h @ P["u_r"])
        z = sig(X @ P["w_z"] + h @ P["u_z"] + P["bias_z"])
        n = tanh(X @ P["w_h"] + (h * r) @ P["u_h"])
        return (1 - z) * h + z * n


def h2_rllib_grugate(dim):
    """six (dim, dim) matrices and one bias (dim,) on z."""
    return _GRUGate(dim)


# ------------------------------------------------------------------ Swift for TensorFlow, rust-lstm

def h2_s4tf_lstmcell(inputSize, hiddenSize):
    """fusedWeight (inputSize + hiddenSize, 4 hiddenSize), fusedBias (4 hiddenSize)."""
    return LSTMGen(inputSize, hiddenSize, biases=1)


def h2_rustlstm_peephole_guess(input_size, hidden_size):
    """Refused snippet; built with diagonal peepholes."""
    return LSTMGen(input_size, hidden_size, biases=1, peep=True)


# ------------------------------------------------------------------ RetNet multi-scale retention (recurrent form)

class _MSR(nn.Module):
    def __init__(self, E, V, H):
        super().__init__()
        self.q_proj = nn.Linear(E, E, bias=False); self.k_proj = nn.Linear(E, E, bias=False)
        self.v_proj = nn.Linear(E, V, bias=False); self.g_proj = nn.Linear(E, V, bias=False)
        self.out_proj = nn.Linear(V, E, bias=False)
        self.E, self.V, self.H = E, V, H
        self.gamma = 1 - 2.0 ** (-5 - torch.arange(H, dtype=torch.float))
        self.x_in, self.h_size, self.c_size = E, H * (E // H) * (V // H), H * (E // H) * (V // H)

    def forward(self, x, S):
        B, H, dk, dv = x.shape[0], self.H, self.E // self.H, self.V // self.H
        q = self.q_proj(x).view(B, H, dk) * dk ** -0.5; k = self.k_proj(x).view(B, H, dk)
        v = self.v_proj(x).view(B, H, dv)
        S = S.view(B, H, dk, dv) * self.gamma[None, :, None, None] + k[..., None] * v[..., None, :]
        o = torch.einsum("bhk,bhkv->bhv", q, S)
        o = o * torch.rsqrt(o.pow(2).mean(-1, keepdim=True) + 1e-6)
        y = self.out_proj(torch.nn.functional.silu(self.g_proj(x)) * o.reshape(B, -1))
        return y, S.flatten(1)


def h2_retnet_msr(decoder_embed_dim, decoder_value_embed_dim, decoder_retention_heads):
    """q, k (E x E), v, g (V x E), out (E x V), all without bias; group_norm without affine."""
    return _MSR(decoder_embed_dim, decoder_value_embed_dim, decoder_retention_heads)


# ------------------------------------------------------------------ xLSTM mLSTM cell (recurrent step)

class _MLSTMCell(nn.Module):
    def __init__(self, E, NH):
        super().__init__()
        self.igate = nn.Linear(3 * E, NH); self.fgate = nn.Linear(3 * E, NH)
        self.outnorm_weight = nn.Parameter(torch.zeros(E))
        self.E, self.NH, self.DH = E, NH, E // NH
        self.x_in = E
        self.h_size = self.c_size = NH * self.DH * self.DH

    def forward(self, x, C):
        """x serves as q = k = v (already projected outside the cell)."""
        B, NH, DH = x.shape[0], self.NH, self.DH
        qkv = torch.cat([x, x, x], -1)
        i = torch.exp(self.igate(qkv)); f = sig(self.fgate(qkv))
        q = k = v = x.view(B, NH, DH)
        C = f[..., None, None] * C.view(B, NH, DH, DH) + i[..., None, None] * (v[..., :, None] * k[..., None, :])
        h = torch.einsum("bhij,bhj->bhi", C, q / DH ** 0.5)
        h = torch.nn.functional.group_norm(h.reshape(B, -1), NH, 1.0 + self.outnorm_weight)
        return h, C.flatten(1)


def h2_xlstm_mlstmcell(embedding_dim, num_heads, context_length=None):
    """igate, fgate: Linear(3 E, NH) with bias; outnorm weight (E); causal_mask is a buffer."""
    return _MLSTMCell(embedding_dim, num_heads)


# ------------------------------------------------------------------ SpeechBrain Li-GRU layer

class _LiGRU(nn.Module):
    def __init__(self, x, h):
        super().__init__()
        self.w = nn.Linear(x, 2 * h, bias=False); self.u = nn.Linear(h, 2 * h, bias=False)
        self.norm = nn.BatchNorm1d(2 * h, momentum=0.05)
        self.register_buffer("h_init", torch.zeros(1, h))
        _tag(self, x, h)

    def forward(self, x, h):
        a, z = (self.norm(self.w(x)) + self.u(h)).chunk(2, 1)
        z = sig(z)
        return z * h + (1 - z) * torch.relu(a)


def h2_speechbrain_ligru(input_size, hidden_size, num_layers=None, batch_size=None):
    """w (2h x x), u (2h x h) without bias; BatchNorm1d(2h) weight and bias; h_init is a buffer."""
    return _LiGRU(input_size, hidden_size)
