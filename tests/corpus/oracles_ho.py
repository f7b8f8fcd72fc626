"""Oracles for the held-out `ho-` snippets.

Each oracle takes the snippet's sizes as keyword arguments and returns a module whose parameters are
exactly the weights and biases the text writes (one nn.Parameter per named weight, a bias only where
the text writes one), with a `forward` that runs one step as the text's equations say. Where a text
documents a framework whose parameter layout equals a torch module's, the torch module is used.
"""
from __future__ import annotations

import torch
from torch import nn

__all__ = [
    # framework docs
    "ho_tf_grublockcell", "ho_tf_lstmblockcell",
    "ho_lasagne_rnn", "ho_lasagne_lstm", "ho_lasagne_gru",
    "ho_torchrnn_lstm", "ho_torchrnn_gru", "ho_torchrnn_seqlstmp",
    "ho_caffe_lstm", "ho_caffe_rnn",
    "ho_lux_rnncell", "ho_lux_lstmcell", "ho_lux_grucell",
    "ho_knet_rnn", "ho_knet_gru", "ho_knet_lstm",
    "ho_mxnetop_rnn", "ho_mxnetop_lstm", "ho_mxnetop_gru",
    "ho_chainer_nsteplstm", "ho_chainer_nsteprnn",
    "ho_openvino_lstmcell", "ho_openvino_augrucell", "ho_openvino_rnncell",
    "ho_paddleop_lstmp", "ho_paddleop_gruunit",
    "ho_rljl_mgu", "ho_rljl_ugrnn", "ho_rljl_atr",
    "ho_pyrnn_elman",
    # blogs, wiki, notes, readmes
    "ho_zeelive_lstm", "ho_note4lin_gru", "ho_wiki_gru", "ho_compphysics_rnn",
    "ho_ratsgo_gru", "ho_ratsgo_lstm", "ho_ratsgo_lstmvariant",
    "ho_perondini_gru", "ho_cs231nnotes_rnn",
    # added in the second round
    "ho_djl_lstm", "ho_djl_gru", "ho_djl_rnn", "ho_dipta_rnn", "ho_mathembed_rnn",
    "ho_fundamentos_gru", "ho_fundamentos_lstm", "ho_fundamentos_lstmparams",
    "ho_gitbook_gru", "ho_lstmanim_lstm", "ho_ptissue_grucell", "ho_qrnnissue_forgetmult",
    "ho_trissue_sgu", "ho_kkchen_lstm", "ho_kkchen_gru", "ho_kkchen_rnn", "ho_rnngsn_rnn",
    "ho_tsad_rnn", "ho_tsad_lstm", "ho_onednn_lbrgru", "ho_torchrnn_fastlstm",
    "ho_torchrnn_mufuru", "ho_chainer_nstepbilstm", "ho_chainer_nstepbirnn",
    "ho_openvino_grucell", "ho_paddleop_gru", "ho_losttech_indylstm", "ho_luxrl_indrnn",
    "ho_lasagne_customrnn", "ho_luxrl_ligru", "ho_luxrl_lightru",
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


# ------------------------------------------------------------------ generic column-vector cells

class GRUv3(_Params):
    """z, r = sigma(W x + U h + b); h~ = tanh(W_h x + U_h (r*h) + b_h); h = (1-z) h + z h~ (or the
    mirror image: the count is the same). `bias` chooses whether each gate has a bias."""

    def __init__(self, x, h, bias=True):
        shapes = {}
        for g in "zrh":
            shapes[f"W_{g}"] = (h, x)
            shapes[f"U_{g}"] = (h, h)
            if bias:
                shapes[f"b_{g}"] = (h,)
        super().__init__(**shapes)
        self.bias = bias

    def _b(self, g):
        return self.P[f"b_{g}"] if self.bias else 0.0

    def forward(self, x, h):
        P = self.P
        z = sig(_mv(P["W_z"], x) + _mv(P["U_z"], h) + self._b("z"))
        r = sig(_mv(P["W_r"], x) + _mv(P["U_r"], h) + self._b("r"))
        cand = tanh(_mv(P["W_h"], x) + _mv(P["U_h"], r * h) + self._b("h"))
        return (1 - z) * h + z * cand


class GRUResetAfter(GRUv3):
    """As GRUv3 but the reset gate multiplies U_h h: h~ = tanh(W_h x + r * (U_h h) + b_h)."""

    def forward(self, x, h):
        P = self.P
        z = sig(_mv(P["W_z"], x) + _mv(P["U_z"], h) + self._b("z"))
        r = sig(_mv(P["W_r"], x) + _mv(P["U_r"], h) + self._b("r"))
        cand = tanh(_mv(P["W_h"], x) + r * _mv(P["U_h"], h) + self._b("h"))
        return (1 - z) * h + z * cand


class LSTM1(_Params):
    """i, f, o = sigma(W x + U h + b); g = tanh(W_c x + U_c h + b_c); c = f c + i g; h = o tanh(c).
    `bias`: one bias per gate or none."""

    def __init__(self, x, h, bias=True):
        shapes = {}
        for g in "ifoc":
            shapes[f"W_{g}"] = (h, x)
            shapes[f"U_{g}"] = (h, h)
            if bias:
                shapes[f"b_{g}"] = (h,)
        super().__init__(**shapes)
        self.bias = bias

    def forward(self, x, state):
        H, C = state
        P = self.P
        lin = {g: _mv(P[f"W_{g}"], x) + _mv(P[f"U_{g}"], H) + (P[f"b_{g}"] if self.bias else 0.0)
               for g in "ifoc"}
        i, f, o = (sig(lin[g]) for g in "ifo")
        C = f * C + i * tanh(lin["c"])
        return o * tanh(C), C


class PeepholeLSTM(_Params):
    """LSTM1 with a bias per gate and diagonal (vector) peepholes on i, f (c_{t-1}) and o (c_t)."""

    def __init__(self, x, h):
        shapes = {}
        for g in "ifoc":
            shapes[f"W_{g}"] = (h, x)
            shapes[f"U_{g}"] = (h, h)
            shapes[f"b_{g}"] = (h,)
        for g in "ifo":
            shapes[f"p_{g}"] = (h,)
        super().__init__(**shapes)

    def forward(self, x, state):
        H, C = state
        P = self.P
        lin = {g: _mv(P[f"W_{g}"], x) + _mv(P[f"U_{g}"], H) + P[f"b_{g}"] for g in "ifoc"}
        i = sig(lin["i"] + P["p_i"] * C)
        f = sig(lin["f"] + P["p_f"] * C)
        C = f * C + i * tanh(lin["c"])
        o = sig(lin["o"] + P["p_o"] * C)
        return o * tanh(C), C


class Elman(_Params):
    """h = tanh(W x + U h + b [+ b2]) [; y = V h (+ c)]."""

    def __init__(self, x, h, biases=1, y=None, out_bias=False):
        shapes = {"W": (h, x), "U": (h, h)}
        for k in range(biases):
            shapes[f"b{k}"] = (h,)
        if y is not None:
            shapes["V"] = (y, h)
            if out_bias:
                shapes["c"] = (y,)
        super().__init__(**shapes)
        self.biases, self.y, self.out_bias = biases, y, out_bias

    def forward(self, x, h):
        P = self.P
        a = _mv(P["W"], x) + _mv(P["U"], h)
        for k in range(self.biases):
            a = a + P[f"b{k}"]
        h = tanh(a)
        if self.y is None:
            return h
        y = _mv(P["V"], h) + (P["c"] if self.out_bias else 0.0)
        return y, h


# ------------------------------------------------------------------ framework docs

def ho_tf_grublockcell(x, h):
    """x_h_prev = [x, h_prev]; [r u] = x_h_prev * w_ru + b_ru; c = tanh([x, r h_prev] * w_c + b_c);
    h = (1-u) c + u h_prev. w_ru is (x+h) x 2h, w_c (x+h) x h."""

    class M(_Params):
        def __init__(self):
            super().__init__(w_ru=(x + h, 2 * h), b_ru=(2 * h,), w_c=(x + h, h), b_c=(h,))

        def forward(self, inp, hp):
            P = self.P
            ru = sig(torch.cat([inp, hp], -1) @ P["w_ru"] + P["b_ru"])
            r, u = ru[..., :h], ru[..., h:]
            c = tanh(torch.cat([inp, r * hp], -1) @ P["w_c"] + P["b_c"])
            return (1 - u) * c + u * hp

    return M()


def ho_tf_lstmblockcell(x, h):
    """Refused snippet: the module here uses per-unit peephole vectors (the op's real shapes):
    w (x+h) x 4h, b 4h, wci wcf wco each h."""

    class M(_Params):
        def __init__(self):
            super().__init__(w=(x + h, 4 * h), b=(4 * h,), wci=(h,), wcf=(h,), wco=(h,))

        def forward(self, inp, state):
            hp, cs = state
            P = self.P
            i, f, ci, o = (torch.cat([inp, hp], -1) @ P["w"] + P["b"]).chunk(4, -1)
            i = sig(cs * P["wci"] + i)
            f = sig(cs * P["wcf"] + f + 1.0)
            cs = tanh(ci) * i + cs * f
            o = sig(cs * P["wco"] + o)
            return tanh(cs) * o, cs

    return M()


def ho_lasagne_rnn(x, h):
    """h_t = sigma(x_t W_x + h_{t-1} W_h + b)."""
    return Elman(x, h, biases=1)


def ho_lasagne_lstm(x, h):
    """Peephole LSTM, row-vector weights, w_{ci} w_{cf} w_{co} vectors (odot)."""
    return PeepholeLSTM(x, h)


def ho_lasagne_gru(x, h):
    """r, u, c = ... with r_t odot (h_{t-1} W_{hc}); one bias per gate."""
    return GRUResetAfter(x, h)


def ho_torchrnn_lstm(x, h):
    """Element-Research nn.LSTM: W[x->*], W[h->*], b[1->*] for i f z o, diagonal W[c->i,f,o]."""
    return PeepholeLSTM(x, h)


def ho_torchrnn_gru(x, s):
    """z, r with W[x->], W[s->], b; h = tanh(W[x->h] x + W[hr->c](s r) + b[1->h]); s = (1-z)h + z s."""
    return GRUv3(x, s)


def ho_torchrnn_seqlstmp(x, h, r):
    """Gates from x and the projection r[t-1] (size r); cell and h of size h; r[t] = W[h->r] h[t]
    (no bias)."""

    class M(_Params):
        def __init__(self):
            shapes = {}
            for g in "ifco":
                shapes[f"Wx_{g}"] = (h, x)
                shapes[f"Wr_{g}"] = (h, r)
                shapes[f"b_{g}"] = (h,)
            shapes["W_hr"] = (r, h)
            super().__init__(**shapes)

        def forward(self, inp, state):
            rp, c = state
            P = self.P
            lin = {g: _mv(P[f"Wx_{g}"], inp) + _mv(P[f"Wr_{g}"], rp) + P[f"b_{g}"] for g in "ifco"}
            i, f, o = (sig(lin[g]) for g in "ifo")
            c = f * c + i * tanh(lin["c"])
            hh = o * tanh(c)
            return _mv(P["W_hr"], hh), c

    return M()


def ho_caffe_lstm(x, h):
    """Zaremba-style LSTM, one bias per gate."""
    return LSTM1(x, h)


def ho_caffe_rnn(x, h, o):
    """h_t = tanh(W_hh h_{t-1} + W_xh x_t + b_h); o_t = tanh(W_ho h_t + b_o)."""
    return Elman(x, h, biases=1, y=o, out_bias=True)


def ho_lux_rnncell(x, h):
    """weight_ih x + bias_ih + weight_hh h + bias_hh: torch's RNNCell layout."""
    return nn.RNNCell(x, h)


def ho_lux_lstmcell(x, h):
    """Refused snippet: Lux's LSTMCell carries bias_ih and bias_hh (torch's LSTMCell layout)."""
    return nn.LSTMCell(x, h)


def ho_lux_grucell(x, h):
    """torch's GRUCell layout (six biases, reset after)."""
    return nn.GRUCell(x, h)


def ho_knet_rnn(x, h):
    """h = f(W x + R h + bW + bR)."""
    return nn.RNNCell(x, h)


def ho_knet_gru(x, h):
    """cuDNN GRU: W*, R*, bW*, bR*, reset applied to (Rn h + bRn)."""
    return nn.GRUCell(x, h)


def ho_knet_lstm(x, h):
    """cuDNN LSTM: W*, R*, bW*, bR* for i f o n."""
    return nn.LSTMCell(x, h)


def ho_mxnetop_rnn(x, h):
    return nn.RNNCell(x, h)


def ho_mxnetop_lstm(x, h):
    """W_{i*} b_{i*} W_{h*} b_{h*} for i f g o (the W_{hc} typo is g's recurrent weight)."""
    return nn.LSTMCell(x, h)


def ho_mxnetop_gru(x, h):
    return nn.GRUCell(x, h)


def ho_chainer_nsteplstm(x, h):
    """W_0..W_3 (N, I), W_4..W_7 (N, N), b_0..b_7: torch's LSTMCell layout."""
    return nn.LSTMCell(x, h)


def ho_chainer_nsteprnn(x, h):
    """h_t = f(W_0 x_t + W_1 h_{t-1} + b_0 + b_1)."""
    return nn.RNNCell(x, h)


def ho_openvino_lstmcell(X, H):
    """Inputs W [4H, X], R [4H, H], B [4H] (the sum of the formula's Wb* and Rb*)."""

    class M(_Params):
        def __init__(self):
            super().__init__(W=(4 * H, X), R=(4 * H, H), B=(4 * H,))

        def forward(self, x, state):
            h, C = state
            P = self.P
            f, i, c, o = (x @ P["W"].T + h @ P["R"].T + P["B"]).chunk(4, -1)
            C = sig(f) * C + sig(i) * tanh(c)
            return sig(o) * tanh(C), C

    return M()


def ho_openvino_augrucell(X, H):
    """Inputs W [3H, X], R [3H, H], B [3H]; the attention score A is an input, not a parameter."""

    class M(_Params):
        def __init__(self):
            super().__init__(W=(3 * H, X), R=(3 * H, H), B=(3 * H,))

        def forward(self, x, h, a=None):
            P = self.P
            Wz, Wr, Wh = P["W"].chunk(3, 0)
            Rz, Rr, Rh = P["R"].chunk(3, 0)
            bz, br, bh = P["B"].chunk(3, 0)
            r = sig(x @ Wr.T + h @ Rr.T + br)
            z = sig(x @ Wz.T + h @ Rz.T + bz)
            cand = tanh(x @ Wh.T + (r * h) @ Rh.T + bh)
            if a is not None:
                z = (1 - a) * z
            return (1 - z) * cand + z * h

    return M()


def ho_openvino_rnncell(X, H):
    """Inputs W [H, X], R [H, H], B [H]."""
    return Elman(X, H, biases=1)


def ho_paddleop_lstmp(x, h, r):
    """Refused snippet. Full cell as the equations write it: W_{*x} (h x x), W_{*r} (h x r), b_*,
    peephole vectors W_{ic} W_{fc} W_{oc} (h), projection W_{rh} (r x h)."""

    class M(_Params):
        def __init__(self):
            shapes = {}
            for g in "ifco":
                shapes[f"W_{g}x"] = (h, x)
                shapes[f"W_{g}r"] = (h, r)
                shapes[f"b_{g}"] = (h,)
            for g in "ifo":
                shapes[f"W_{g}c"] = (h,)
            shapes["W_rh"] = (r, h)
            super().__init__(**shapes)

        def forward(self, inp, state):
            rp, c = state
            P = self.P
            lin = {g: _mv(P[f"W_{g}x"], inp) + _mv(P[f"W_{g}r"], rp) + P[f"b_{g}"] for g in "ifco"}
            i = sig(lin["i"] + P["W_ic"] * c)
            f = sig(lin["f"] + P["W_fc"] * c)
            c = f * c + i * tanh(lin["c"])
            o = sig(lin["o"] + P["W_oc"] * c)
            hh = o * tanh(c)
            return tanh(_mv(P["W_rh"], hh)), c

    return M()


def ho_paddleop_gruunit(h):
    """Inputs xu, xr, xc (already projected, size h each); W_u, W_r, W_c (h x h), b_u b_r b_c."""

    class M(_Params):
        def __init__(self):
            super().__init__(W_u=(h, h), W_r=(h, h), W_c=(h, h), b_u=(h,), b_r=(h,), b_c=(h,))

        def forward(self, xin, hp):
            P = self.P
            xu, xr, xc = xin.chunk(3, -1)
            u = sig(xu + _mv(P["W_u"], hp) + P["b_u"])
            r = sig(xr + _mv(P["W_r"], hp) + P["b_r"])
            c = tanh(xc + _mv(P["W_c"], r * hp) + P["b_c"])
            return (1 - u) * hp + u * c

    return M()


def ho_rljl_mgu(x, h):
    """f = sigma(W^f_ih x + W^f_hh h + b^f); h~ = tanh(W^h_ih x + W^h_hh (f h) + b^h)."""

    class M(_Params):
        def __init__(self):
            super().__init__(Wf_ih=(h, x), Wf_hh=(h, h), bf=(h,), Wh_ih=(h, x), Wh_hh=(h, h), bh=(h,))

        def forward(self, inp, hp):
            P = self.P
            f = sig(_mv(P["Wf_ih"], inp) + _mv(P["Wf_hh"], hp) + P["bf"])
            cand = tanh(_mv(P["Wh_ih"], inp) + _mv(P["Wh_hh"], f * hp) + P["bh"])
            return (1 - f) * hp + f * cand

    return M()


def ho_rljl_ugrnn(x, h):
    """c = s(W^c_hh h + W^c_xh x + b^c); g = sigma(W^g_hh h + W^g_xh x + b^g)."""

    class M(_Params):
        def __init__(self):
            super().__init__(Wc_hh=(h, h), Wc_xh=(h, x), bc=(h,), Wg_hh=(h, h), Wg_xh=(h, x), bg=(h,))

        def forward(self, inp, hp):
            P = self.P
            c = tanh(_mv(P["Wc_hh"], hp) + _mv(P["Wc_xh"], inp) + P["bc"])
            g = sig(_mv(P["Wg_hh"], hp) + _mv(P["Wg_xh"], inp) + P["bg"])
            return g * hp + (1 - g) * c

    return M()


def ho_rljl_atr(x, h):
    """p = W_ih x + b; q = W_hh h; i = sigma(p+q); f = sigma(p-q); h = i p + f h."""

    class M(_Params):
        def __init__(self):
            super().__init__(W_ih=(h, x), b=(h,), W_hh=(h, h))

        def forward(self, inp, hp):
            P = self.P
            p = _mv(P["W_ih"], inp) + P["b"]
            q = _mv(P["W_hh"], hp)
            return sig(p + q) * p + sig(p - q) * hp

    return M()


def ho_pyrnn_elman(i, c, o):
    """u_c = (1-e) u_c + e (W_cc x_c + W_ci x_i + b_c); u_o = W_oc u_c + b_o; e_c is set by the
    user (not in the weights table)."""

    class M(_Params):
        def __init__(self):
            super().__init__(W_cc=(c, c), W_ci=(c, i), b_c=(c,), W_oc=(o, c), b_o=(o,))

        def forward(self, xi, uc, e=1.0):
            P = self.P
            xc = tanh(uc)
            uc = (1 - e) * uc + e * (_mv(P["W_cc"], xc) + _mv(P["W_ci"], xi) + P["b_c"])
            uo = _mv(P["W_oc"], uc) + P["b_o"]
            return uo, uc

    return M()


# ------------------------------------------------------------------ blogs, wiki, notes, readmes

def ho_zeelive_lstm(x, h):
    return LSTM1(x, h)


def ho_note4lin_gru(x, h):
    """r, z = sigmoid(W . [h(t-1), x_t]); h^- = tanh(W_h^- . [r*h, x]); no biases; W are h x (h+x)."""

    class M(_Params):
        def __init__(self):
            super().__init__(W_r=(h, h + x), W_z=(h, h + x), W_h=(h, h + x))

        def forward(self, inp, hp):
            P = self.P
            r = sig(_mv(P["W_r"], torch.cat([hp, inp], -1)))
            z = sig(_mv(P["W_z"], torch.cat([hp, inp], -1)))
            cand = tanh(_mv(P["W_h"], torch.cat([r * hp, inp], -1)))
            return (1 - z) * hp + z * cand

    return M()


def ho_wiki_gru(x, h):
    return GRUv3(x, h)


def ho_compphysics_rnn(x, h, y):
    """a = U x + W h + b; h = sigma_h(a); y = V h + c."""
    return Elman(x, h, biases=1, y=y, out_bias=True)


def ho_ratsgo_gru(x, h):
    """No biases; h~ = tanh(W x + r_t odot U h)."""
    return GRUResetAfter(x, h, bias=False)


def ho_ratsgo_lstm(x, h):
    return LSTM1(x, h)


def ho_ratsgo_lstmvariant(x, h, c):
    """c_t = f c + i tanh(V[x; h] + b_c); i, f = sigma(W_{i,f}[x; h] + b) (size c);
    o = sigma(W_o[x; h] + b_o) (size h); h_t = o tanh(W_h c_t + b_h)."""

    class M(_Params):
        def __init__(self):
            super().__init__(V=(c, x + h), b_c=(c,), W_i=(c, x + h), b_i=(c,), W_f=(c, x + h),
                             b_f=(c,), W_o=(h, x + h), b_o=(h,), W_h=(h, c), b_h=(h,))

        def forward(self, inp, state):
            hp, cp = state
            P = self.P
            xh = torch.cat([inp, hp], -1)
            i = sig(_mv(P["W_i"], xh) + P["b_i"])
            f = sig(_mv(P["W_f"], xh) + P["b_f"])
            cn = f * cp + i * tanh(_mv(P["V"], xh) + P["b_c"])
            o = sig(_mv(P["W_o"], xh) + P["b_o"])
            return o * tanh(_mv(P["W_h"], cn) + P["b_h"]), cn

    return M()


def ho_perondini_gru(x, h):
    """Refused snippet; the module gives each of the three equations its own bias."""
    return GRUv3(x, h)


def ho_cs231nnotes_rnn(x, h, y):
    """h_t = tanh(W_h h_{t-1} + W_x x_t + b); y_t = W_y h_t (no output bias)."""
    return Elman(x, h, biases=1, y=y, out_bias=False)


# ------------------------------------------------------------------ second round

class ConcatLSTM(_Params):
    """i, f, o, c~ = act(W_* [h, x] + b_*) with W_* of shape h x (h + x); c = f c + i c~; h = o tanh(c)."""

    def __init__(self, x, h, bias=True):
        shapes = {}
        for g in "ifoc":
            shapes[f"W_{g}"] = (h, h + x)
            if bias:
                shapes[f"b_{g}"] = (h,)
        super().__init__(**shapes)
        self.bias = bias

    def forward(self, inp, state):
        H, C = state
        P = self.P
        hx = torch.cat([H, inp], -1)
        lin = {g: _mv(P[f"W_{g}"], hx) + (P[f"b_{g}"] if self.bias else 0.0) for g in "ifoc"}
        i, f, o = (sig(lin[g]) for g in "ifo")
        C = f * C + i * tanh(lin["c"])
        return o * tanh(C), C


class ConcatGRU(_Params):
    """z, r = sigma(W_* [h, x] + b_*); h~ = tanh(W [r h, x] + b); h = (1-z) h + z h~."""

    def __init__(self, x, h, bias=True):
        shapes = {}
        for g in "zrh":
            shapes[f"W_{g}"] = (h, h + x)
            if bias:
                shapes[f"b_{g}"] = (h,)
        super().__init__(**shapes)
        self.bias = bias

    def forward(self, inp, hp):
        P = self.P
        b = (lambda g: P[f"b_{g}"]) if self.bias else (lambda g: 0.0)
        z = sig(_mv(P["W_z"], torch.cat([hp, inp], -1)) + b("z"))
        r = sig(_mv(P["W_r"], torch.cat([hp, inp], -1)) + b("r"))
        cand = tanh(_mv(P["W_h"], torch.cat([r * hp, inp], -1)) + b("h"))
        return (1 - z) * hp + z * cand


def ho_djl_lstm(x, h):
    return nn.LSTMCell(x, h)


def ho_djl_gru(x, h):
    return nn.GRUCell(x, h)


def ho_djl_rnn(x, h):
    return nn.RNNCell(x, h)


def ho_dipta_rnn(x, h):
    """h_t = tanh(x_t W_x + b_x + h_{t-1} W_h + b_h): two biases."""
    return Elman(x, h, biases=2)


def ho_mathembed_rnn(x, h):
    """h_t = tanh(W^T_hh h + W^T_xh x): no bias."""
    return Elman(x, h, biases=0)


def ho_fundamentos_gru(x, h):
    """z, r = sigma(W x + U h + b); h~ = tanh(W_n x + U_n (r h) + b_n)."""
    return GRUv3(x, h)


def ho_fundamentos_lstm(x, h):
    return ConcatLSTM(x, h)


def ho_fundamentos_lstmparams(n, p):
    """W_f, W_c, W_i, W_o of size p x (p + n) and 4p biases."""
    return ConcatLSTM(n, p)


def ho_gitbook_gru(x, h):
    """No biases; h~ = tanh(W_xc x + W_rc (h . r))."""
    return GRUv3(x, h, bias=False)


def ho_lstmanim_lstm(x, h):
    return ConcatLSTM(x, h)


def ho_ptissue_grucell(x, h):
    return nn.GRUCell(x, h)


def ho_qrnnissue_forgetmult(x, h):
    """Refused snippet. A QRNN with filter width 1 (f- pooling): z = tanh(W_z x + b_z),
    f = sigmoid(W_f x + b_f), h = f z + (1 - f) h."""

    class M(_Params):
        def __init__(self):
            super().__init__(W_z=(h, x), b_z=(h,), W_f=(h, x), b_f=(h,))

        def forward(self, inp, hp):
            P = self.P
            z = tanh(_mv(P["W_z"], inp) + P["b_z"])
            f = sig(_mv(P["W_f"], inp) + P["b_f"])
            return f * z + (1 - f) * hp

    return M()


def ho_trissue_sgu(x, h):
    """Refused snippet. The second (deep) block: W_xh, b_g, W_zxh, W_go, W_xz, b_z, W_hz."""

    class M(_Params):
        def __init__(self):
            super().__init__(W_xh=(h, x), b_g=(h,), W_zxh=(h, h), W_go=(h, h), W_xz=(h, x),
                             b_z=(h,), W_hz=(h, h))

        def forward(self, inp, hp):
            P = self.P
            xg = _mv(P["W_xh"], inp) + P["b_g"]
            zg = sig(_mv(P["W_zxh"], xg * hp))
            zout = sig(_mv(P["W_go"], zg * hp))
            z = sig(_mv(P["W_xz"], inp) + P["b_z"] + _mv(P["W_hz"], hp))
            return (1 - z) * hp + z * zout

    return M()


def ho_kkchen_lstm(q, n):
    """U_* n x q, W_* n x n, b_* n for f, g (input), h (output), s (candidate)."""
    return LSTM1(q, n)


def ho_kkchen_gru(q, n):
    return GRUv3(q, n)


def ho_kkchen_rnn(q, n, p):
    """s = tanh(W s + U x + b); y = softmax(V s + c)."""
    return Elman(q, n, biases=1, y=p, out_bias=True)


def ho_rnngsn_rnn(x, h, y):
    """h = Phi_h(W^T h + U^T x + b_h); y = Phi_y(V^T h + b_y)."""
    return Elman(x, h, biases=1, y=y, out_bias=True)


def ho_tsad_rnn(x, s, o):
    """s = tanh(W_ss s + W_xs x + b_s); o = W_so s + b_o."""
    return Elman(x, s, biases=1, y=o, out_bias=True)


def ho_tsad_lstm(x, s):
    """W_* over (x, s, c) with diagonal c-blocks: full W_x*, W_s* per gate (W_c has no c-block),
    peephole vectors for i, f, o (o reads c_{t-1}), one bias per gate."""

    class M(_Params):
        def __init__(self):
            shapes = {}
            for g in "ifco":
                shapes[f"W_x{g}"] = (s, x)
                shapes[f"W_s{g}"] = (s, s)
                shapes[f"b_{g}"] = (s,)
            for g in "ifo":
                shapes[f"w_c{g}"] = (s,)
            super().__init__(**shapes)

        def forward(self, inp, state):
            sp, cp = state
            P = self.P
            lin = {g: _mv(P[f"W_x{g}"], inp) + _mv(P[f"W_s{g}"], sp) + P[f"b_{g}"] for g in "ifco"}
            i = sig(lin["i"] + P["w_ci"] * cp)
            f = sig(lin["f"] + P["w_cf"] * cp)
            o = sig(lin["o"] + P["w_co"] * cp)
            c = f * cp + i * tanh(lin["c"])
            return o * tanh(c), c

    return M()


def ho_onednn_lbrgru(h, x=None):
    """Refused snippet; input channels taken equal to h: W_u W_r W_o, U_u U_r U_o, B_u B_r B_o B_u'."""
    x = h if x is None else x

    class M(_Params):
        def __init__(self):
            shapes = {}
            for g in "uro":
                shapes[f"W_{g}"] = (h, x)
                shapes[f"U_{g}"] = (h, h)
                shapes[f"B_{g}"] = (h,)
            shapes["B_u2"] = (h,)
            super().__init__(**shapes)

        def forward(self, inp, hp):
            P = self.P
            u = sig(_mv(P["W_u"], inp) + _mv(P["U_u"], hp) + P["B_u"])
            r = sig(_mv(P["W_r"], inp) + _mv(P["U_r"], hp) + P["B_r"])
            o = tanh(_mv(P["W_o"], inp) + r * (_mv(P["U_o"], hp) + P["B_u2"]) + P["B_o"])
            return u * hp + (1 - u) * o

    return M()


def ho_torchrnn_fastlstm(x, h):
    return LSTM1(x, h)


def ho_torchrnn_mufuru(x, s, J=8):
    """r = sigma(W[x->r] x + W[s->r] s + b); v = tanh(W[x->v] x + W[sr->v](s r) + b);
    p_j = W[x->pj] x + W[s->pj] s + b[1->pj] for the J = 8 default operations (keep, replace,
    mul, diff, forget, sqrt_diff, max, min); s = sum_j softmax(p)_j * op_j(s, v)."""

    class M(nn.Module):
        def __init__(self):
            super().__init__()
            self.r = _Params(Wx=(s, x), Ws=(s, s), b=(s,))
            self.v = _Params(Wx=(s, x), Ws=(s, s), b=(s,))
            self.p = nn.ModuleList(_Params(Wx=(s, x), Ws=(s, s), b=(s,)) for _ in range(J))

        def forward(self, inp, sp):
            R, V = self.r.P, self.v.P
            r = sig(_mv(R["Wx"], inp) + _mv(R["Ws"], sp) + R["b"])
            v = tanh(_mv(V["Wx"], inp) + _mv(V["Ws"], sp * r) + V["b"])
            logits = torch.stack([_mv(m.P["Wx"], inp) + _mv(m.P["Ws"], sp) + m.P["b"]
                                  for m in self.p], 0)
            w = torch.softmax(logits, 0)
            ops = [sp, v, sp * v, sp - v, torch.zeros_like(v), 0.25 * torch.sqrt((sp - v).abs()),
                   torch.maximum(sp, v), torch.minimum(sp, v)][:J]
            return sum(w[j] * ops[j] for j in range(J))

    return M()


def ho_chainer_nstepbilstm(x, h):
    return nn.LSTM(x, h, bidirectional=True)


def ho_chainer_nstepbirnn(x, h):
    return nn.RNN(x, h, bidirectional=True)


def ho_openvino_grucell(X, H):
    """Default linear_before_reset = false: W [3H, X], R [3H, H], B [3H]."""

    class M(_Params):
        def __init__(self):
            super().__init__(W=(3 * H, X), R=(3 * H, H), B=(3 * H,))

        def forward(self, x, h):
            P = self.P
            Wz, Wr, Wh = P["W"].chunk(3, 0)
            Rz, Rr, Rh = P["R"].chunk(3, 0)
            bz, br, bh = P["B"].chunk(3, 0)
            z = sig(x @ Wz.T + h @ Rz.T + bz)
            r = sig(x @ Wr.T + h @ Rr.T + br)
            cand = tanh(x @ Wh.T + (r * h) @ Rh.T + bh)
            return (1 - z) * cand + z * h

    return M()


def ho_paddleop_gru(h):
    return ho_paddleop_gruunit(h)


def ho_losttech_indylstm(x, h):
    """W_* (h x x), u_* (h), b_* (h) for f, i, o, c."""

    class M(_Params):
        def __init__(self):
            shapes = {}
            for g in "fioc":
                shapes[f"W_{g}"] = (h, x)
                shapes[f"u_{g}"] = (h,)
                shapes[f"b_{g}"] = (h,)
            super().__init__(**shapes)

        def forward(self, inp, state):
            hp, c = state
            P = self.P
            lin = {g: _mv(P[f"W_{g}"], inp) + P[f"u_{g}"] * hp + P[f"b_{g}"] for g in "fioc"}
            f, i, o = (sig(lin[g]) for g in "fio")
            c = f * c + i * tanh(lin["c"])
            return o * tanh(c), c

    return M()


def ho_luxrl_indrnn(x, h):
    """h = sigma(W_ih x + b_ih + w_hh o h + b_hh)."""

    class M(_Params):
        def __init__(self):
            super().__init__(W_ih=(h, x), b_ih=(h,), w_hh=(h,), b_hh=(h,))

        def forward(self, inp, hp):
            P = self.P
            return tanh(_mv(P["W_ih"], inp) + P["b_ih"] + P["w_hh"] * hp + P["b_hh"])

    return M()


def ho_lasagne_customrnn(x, h):
    """Refused snippet; the module takes f_i and f_h to be single dense layers (the RecurrentLayer case)."""
    return Elman(x, h, biases=1)


def ho_luxrl_ligru(x, h):
    """z and h~ each with W_ih, b_ih, W_hh, b_hh; no reset gate; ReLU candidate."""

    class M(_Params):
        def __init__(self):
            shapes = {}
            for g in "zh":
                shapes[f"W_ih_{g}"] = (h, x)
                shapes[f"b_ih_{g}"] = (h,)
                shapes[f"W_hh_{g}"] = (h, h)
                shapes[f"b_hh_{g}"] = (h,)
            super().__init__(**shapes)

        def forward(self, inp, hp):
            P = self.P
            lin = {g: _mv(P[f"W_ih_{g}"], inp) + P[f"b_ih_{g}"] + _mv(P[f"W_hh_{g}"], hp)
                   + P[f"b_hh_{g}"] for g in "zh"}
            z = sig(lin["z"])
            return z * hp + (1 - z) * torch.relu(lin["h"])

    return M()


def ho_luxrl_lightru(x, h):
    """h~ = tanh(W_ih^h x + b_ih^h); f = delta(W_ih^f x + b_ih^f + W_hh^f h + b_hh^f)."""

    class M(_Params):
        def __init__(self):
            super().__init__(W_ih_h=(h, x), b_ih_h=(h,), W_ih_f=(h, x), b_ih_f=(h,),
                             W_hh_f=(h, h), b_hh_f=(h,))

        def forward(self, inp, hp):
            P = self.P
            cand = tanh(_mv(P["W_ih_h"], inp) + P["b_ih_h"])
            f = sig(_mv(P["W_ih_f"], inp) + P["b_ih_f"] + _mv(P["W_hh_f"], hp) + P["b_hh_f"])
            return (1 - f) * hp + f * cand

    return M()
