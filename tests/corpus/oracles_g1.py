"""Oracles for the g1-* snippets: library documentation and source comments (docstrings, Doxygen,
protobuf comments, Julia docstrings, roxygen, JSDoc, rustdoc ...).

Each oracle takes the snippet's sizes as keyword arguments and returns a torch.nn.Module whose
parameters are exactly the weights and biases the snippet's text names: one nn.Linear /
nn.Parameter per weight, a bias only where the text writes one, and a forward(x, state) that runs
one step as the equations say. Where the text documents torch itself, torch's own module is used.
"""
from __future__ import annotations

import torch
from torch import nn

__all__ = [
    "g1_trt_lstm",
    "g1_trt_gru",
    "g1_coreml_simplerecurrent",
    "g1_coreml_gru",
    "g1_coreml_lstm",
    "g1_opencv_lstmlayer",
    "g1_opencv_rnnlayer",
    "g1_snntorch_slstm",
    "g1_snntorch_sconv2dlstm_k3",
    "g1_flaxnnx_optimizedlstm",
    "g1_dl4j_simplernn",
    "g1_rtorch_gru",
    "g1_paddle_fluid_lstmop",
    "g1_ie_lstmcell",
    "g1_ie_grucell",
    "g1_ngraph_lstmcell_summed_bias",
    "g1_tract_onnx_lstm",
    "g1_dynet_vanillalstm",
    "g1_dynet_vanillalstm_dropout",
    "g1_rljl_ran",
    "g1_rljl_cfn",
    "g1_rljl_originallstm",
    "g1_tfdocs_indygru_text",
    "g1_tfdocs_indylstm",
    "g1_trt_tanh",
    "g1_rtorch_rnn",
]

sig = torch.sigmoid
tanh = torch.tanh


def _lin(i: int, o: int, bias: bool = False) -> nn.Linear:
    return nn.Linear(i, o, bias=bias)


def _vec(n: int) -> nn.Parameter:
    return nn.Parameter(torch.randn(n) * 0.1)


# --------------------------------------------------------------------------- shared cell shapes

class _Rnn(nn.Module):
    """h' = act(W x [+ b_W] + R h [+ b_R])."""

    def __init__(self, x: int, h: int, in_bias: bool = True, rec_bias: bool = False, act=tanh):
        super().__init__()
        self.W = _lin(x, h, in_bias)
        self.R = _lin(h, h, rec_bias)
        self.act = act

    def forward(self, x, h):
        return self.act(self.W(x) + self.R(h))


class _Lstm(nn.Module):
    """Gates i, f, o and candidate g: act(W_g x [+ b_Wg] + R_g h [+ b_Rg] [+ p_g * c]).

    peep: None (no peepholes), "vec" (diagonal peephole vectors on i, f, o: i and f see c_{t-1},
    o sees c_t), "mat" (full h x h peephole matrices, same wiring).
    """

    def __init__(self, x: int, h: int, in_bias: bool = True, rec_bias: bool = False,
                 peep: str | None = None):
        super().__init__()
        self.W = nn.ModuleDict({g: _lin(x, h, in_bias) for g in "ifgo"})
        self.R = nn.ModuleDict({g: _lin(h, h, rec_bias) for g in "ifgo"})
        self.peep = peep
        if peep == "vec":
            self.P = nn.ParameterDict({g: _vec(h) for g in "ifo"})
        elif peep == "mat":
            self.P = nn.ModuleDict({g: _lin(h, h) for g in "ifo"})

    def _p(self, g, c):
        if self.peep is None:
            return 0
        return self.P[g] * c if self.peep == "vec" else self.P[g](c)

    def forward(self, x, state):
        h, c = state
        pre = {g: self.W[g](x) + self.R[g](h) for g in "ifgo"}
        i = sig(pre["i"] + self._p("i", c))
        f = sig(pre["f"] + self._p("f", c))
        g = tanh(pre["g"])
        c = f * c + i * g
        o = sig(pre["o"] + self._p("o", c))
        return o * tanh(c), c


class _Gru(nn.Module):
    """z, r gates; candidate n. reset_after=False: n = tanh(W_n x + R_n (r * h) + b);
    reset_after=True: n = tanh(W_n x + r * (R_n h [+ b_Rn]))."""

    def __init__(self, x: int, h: int, in_bias: bool = True, rec_bias: bool = False,
                 reset_after: bool = False, rec_bias_n: bool | None = None):
        super().__init__()
        self.W = nn.ModuleDict({g: _lin(x, h, in_bias) for g in "zrn"})
        self.R = nn.ModuleDict({g: _lin(h, h, rec_bias) for g in "zr"})
        self.R["n"] = _lin(h, h, rec_bias if rec_bias_n is None else rec_bias_n)
        self.reset_after = reset_after

    def forward(self, x, h):
        z = sig(self.W["z"](x) + self.R["z"](h))
        r = sig(self.W["r"](x) + self.R["r"](h))
        if self.reset_after:
            n = tanh(self.W["n"](x) + r * self.R["n"](h))
        else:
            n = tanh(self.W["n"](x) + self.R["n"](r * h))
        return (1 - z) * n + z * h


# --------------------------------------------------------------------------- TensorRT

def g1_trt_lstm(X: int, H: int) -> nn.Module:
    """RNNOperation::kLSTM: W[g] (H x E), R[g] (H x H), Wb[g], Rb[g] for g in i, f, o, c."""
    return _Lstm(X, H, in_bias=True, rec_bias=True)


def g1_trt_gru(X: int, H: int) -> nn.Module:
    """RNNOperation GRU: h[t] = tanh(W[h].X[t] + r[t]*(R[h].H[t-1] + Rb[h]) + Wb[h]),
    two biases per gate (z, r, h)."""
    return _Gru(X, H, in_bias=True, rec_bias=True, reset_after=True)


# --------------------------------------------------------------------------- Core ML

def g1_coreml_simplerecurrent(x: int, y: int) -> nn.Module:
    """y_t = f(clip(W x_t + R y_{t-1} + b))."""
    return _Rnn(x, y, in_bias=True, rec_bias=False)


def g1_coreml_gru(x: int, y: int) -> nn.Module:
    """W_z, W_r, W_o (y x x), R_z, R_r, R_o (y x y), b_z, b_r, b_o; o_t sees R_o (y_{t-1} * r_t)."""
    return _Gru(x, y, in_bias=True, rec_bias=False, reset_after=False)


def g1_coreml_lstm(x: int, y: int) -> nn.Module:
    """W_i, W_f, W_z, W_o; R_i, R_f, R_z, R_o; b_i, b_f, b_z, b_o; peephole vectors p_i, p_f, p_o."""
    return _Lstm(x, y, in_bias=True, rec_bias=False, peep="vec")


# --------------------------------------------------------------------------- OpenCV dnn

def g1_opencv_lstmlayer(x: int, h: int) -> nn.Module:
    """W_{x?} (N_h x N_x), W_{h?} (N_h x N_h), b_? (N_h) for ? in i, f, o, g."""
    return _Lstm(x, h, in_bias=True, rec_bias=False)


class _OpenCVRnn(nn.Module):
    """h_t = tanh(W_hh h_{t-1} + W_xh x_t + b_h); o_t = tanh(W_ho h_t + b_o)."""

    def __init__(self, x: int, h: int, o: int):
        super().__init__()
        self.W_xh = _lin(x, h, bias=True)   # bias = b_h
        self.W_hh = _lin(h, h)
        self.W_ho = _lin(h, o, bias=True)   # bias = b_o

    def forward(self, x, h):
        h = tanh(self.W_hh(h) + self.W_xh(x))
        return tanh(self.W_ho(h)), h


def g1_opencv_rnnlayer(x: int, h: int, o: int) -> nn.Module:
    return _OpenCVRnn(x, h, o)


# --------------------------------------------------------------------------- snnTorch

def g1_snntorch_slstm(x: int, mem: int) -> nn.Module:
    """SLSTM wraps nn.LSTMCell(input_size, hidden_size): W_i*, W_h*, b_i*, b_h*; mem = h, syn = c.
    The threshold is a buffer (learn_threshold=False by default), not a parameter."""
    return nn.LSTMCell(x, mem)


class _ConvLstmText(nn.Module):
    """Convolutional LSTM as the SConv2dLSTM text writes it: W_i* ⋆ x + b_i* + W_h* ⋆ mem + b_h*,
    k x k kernels (the most plausible reading; the text gives no kernel size)."""

    def __init__(self, x: int, h: int, k: int):
        super().__init__()
        self.Wi = nn.ModuleDict({g: nn.Conv2d(x, h, k, padding="same", bias=True) for g in "ifgo"})
        self.Wh = nn.ModuleDict({g: nn.Conv2d(h, h, k, padding="same", bias=True) for g in "ifgo"})
        self.x_in, self.h_size = x, h

    def forward(self, x, state):
        if x.dim() == 2:
            x = x[:, :, None, None]
        mem, syn = state
        if mem.dim() == 2:
            mem, syn = mem[:, :, None, None], syn[:, :, None, None]
        pre = {g: self.Wi[g](x) + self.Wh[g](mem) for g in "ifgo"}
        i, f, o = (sig(pre[g]) for g in "ifo")
        g = tanh(pre["g"])
        syn = f * syn + i * g
        return o * tanh(syn), syn


def g1_snntorch_sconv2dlstm_k3(x: int, mem: int) -> nn.Module:
    return _ConvLstmText(x, mem, 3)


# --------------------------------------------------------------------------- flax.nnx

def g1_flaxnnx_optimizedlstm(x: int, h: int) -> nn.Module:
    """W_i* x without bias, W_h* h + b_h*: the parameters of flax's LSTMCell."""
    return _Lstm(x, h, in_bias=False, rec_bias=True)


# --------------------------------------------------------------------------- Deeplearning4j

def g1_dl4j_simplernn(in_: int = 0, out: int = 0, **sizes) -> nn.Module:
    """out_t = activationFn(in_t * inWeight + out_(t-1) * recurrentWeights + bias): inWeight
    (nIn, nOut), recurrentWeights (nOut, nOut), bias (nOut); hasLayerNorm = false."""
    return _Rnn(sizes.get("in", in_), sizes.get("out", out), in_bias=True, rec_bias=False)


# --------------------------------------------------------------------------- R torch (Rd page)

def g1_rtorch_gru(x: int, h: int) -> nn.Module:
    """nn_gru documents torch's GRU: W_i*, W_h*, b_i*, b_h*."""
    return nn.GRUCell(x, h)


# --------------------------------------------------------------------------- PaddlePaddle fluid ops

def g1_paddle_fluid_lstmop(x: int, h: int) -> nn.Module:
    """W_{*x} (h x x), W_{*h} (h x h), b_* (h); W_ic, W_fc, W_oc diagonal, stored as vectors."""
    return _Lstm(x, h, in_bias=True, rec_bias=False, peep="vec")


# --------------------------------------------------------------------------- OpenVINO Inference Engine

class _ConcatGates(nn.Module):
    """g = act(W_g * [H_{t-1}, X_t] + B_g): one (S x (D+S)) matrix and one bias per gate."""

    def __init__(self, D: int, S: int, gates: str):
        super().__init__()
        self.W = nn.ModuleDict({g: _lin(S + D, S, bias=True) for g in gates})

    def pre(self, g, h, x):
        return self.W[g](torch.cat([h, x], -1))


class _IELstm(_ConcatGates):
    def __init__(self, D: int, S: int):
        super().__init__(D, S, "fico")

    def forward(self, x, state):
        h, c = state
        f, i, o = (sig(self.pre(g, h, x)) for g in "fio")
        g = tanh(self.pre("c", h, x))
        c = f * c + i * g
        return o * tanh(c), c


class _IEGru(_ConcatGates):
    def __init__(self, D: int, S: int):
        super().__init__(D, S, "zrh")

    def forward(self, x, h):
        z = sig(self.pre("z", h, x))
        r = sig(self.pre("r", h, x))
        n = tanh(self.pre("h", r * h, x))
        return (1 - z) * n + z * h


def g1_ie_lstmcell(D: int, S: int) -> nn.Module:
    """weights [G,S,D+S], biases [G,S], G = 4."""
    return _IELstm(D, S)


def g1_ie_grucell(D: int, S: int) -> nn.Module:
    """weights [G,S,D+S], biases [G,S], G = 3; ht = _g(Wh*[rt (.) Ht-1, Xt] + Bh)."""
    return _IEGru(D, S)


# --------------------------------------------------------------------------- nGraph, tract (ONNX-style)

def g1_ngraph_lstmcell_summed_bias(X: int, H: int) -> nn.Module:
    """expect: refuse. The reading of the op's inputs: W [4H, X], R [4H, H], one summed bias [4H],
    peepholes p_i, p_f, p_o [H]."""
    return _Lstm(X, H, in_bias=True, rec_bias=False, peep="vec")


def g1_tract_onnx_lstm(X: int, H: int) -> nn.Module:
    """ONNX LSTM as the comments write it: W[iofc], R[iofc], Wb[iofc], Rb[iofc], P[iof]."""
    return _Lstm(X, H, in_bias=True, rec_bias=True, peep="vec")


# --------------------------------------------------------------------------- DyNet

def g1_dynet_vanillalstm(x: int, h: int) -> nn.Module:
    """W_{*x} (h x x), W_{*h} (h x h), b_* (h) for i, f, o, c; the +1 on f is a constant.
    Also vanilla_lstm_gates: Wx (4H x I), Wh (4H x H), b (4H)."""
    return _Lstm(x, h, in_bias=True, rec_bias=False)


def g1_dynet_vanillalstm_dropout(x: int, h: int) -> nn.Module:
    """Variational dropout masks z_x, z_h and rates d_x, d_h carry no parameters."""
    return _Lstm(x, h, in_bias=True, rec_bias=False)


# --------------------------------------------------------------------------- RecurrentLayers.jl


class _RAN(nn.Module):
    """c~ = W^c_ih x + b^c; i, f = σ(W_ih x + W_hh h + b); c = i⊙c~ + f⊙c; h = g(c)."""

    def __init__(self, x: int, h: int):
        super().__init__()
        self.Wx = nn.ModuleDict({k: _lin(x, h, True) for k in "cif"})
        self.Wh = nn.ModuleDict({k: _lin(h, h) for k in "if"})

    def forward(self, x, state):
        h, c = state
        ct = self.Wx["c"](x)
        i = sig(self.Wx["i"](x) + self.Wh["i"](h))
        f = sig(self.Wx["f"](x) + self.Wh["f"](h))
        c = i * ct + f * c
        return tanh(c), c


class _CFN(nn.Module):
    """h' = θ⊙tanh(h) + η⊙tanh(W_ih x); θ, η = σ(W_hh h + W_ih x + b)."""

    def __init__(self, x: int, h: int):
        super().__init__()
        self.W_ih = _lin(x, h)
        self.Wx = nn.ModuleDict({k: _lin(x, h, True) for k in ("theta", "eta")})
        self.Wh = nn.ModuleDict({k: _lin(h, h) for k in ("theta", "eta")})

    def forward(self, x, h):
        th = sig(self.Wh["theta"](h) + self.Wx["theta"](x))
        et = sig(self.Wh["eta"](h) + self.Wx["eta"](x))
        return th * tanh(h) + et * tanh(self.W_ih(x))


class _OriginalLSTM(nn.Module):
    """z, i, o from W_ih x + W_hh h + b; c = c + i⊙z (no forget gate); h = o⊙tanh(c)."""

    def __init__(self, x: int, h: int):
        super().__init__()
        self.Wx = nn.ModuleDict({k: _lin(x, h, True) for k in "zio"})
        self.Wh = nn.ModuleDict({k: _lin(h, h) for k in "zio"})

    def forward(self, x, state):
        h, c = state
        z = tanh(self.Wx["z"](x) + self.Wh["z"](h))
        i = sig(self.Wx["i"](x) + self.Wh["i"](h))
        c = c + i * z
        o = sig(self.Wx["o"](x) + self.Wh["o"](h))
        return o * tanh(c), c


def g1_rljl_ran(x: int, h: int) -> nn.Module:
    return _RAN(x, h)


def g1_rljl_cfn(x: int, h: int) -> nn.Module:
    return _CFN(x, h)


def g1_rljl_originallstm(x: int, h: int) -> nn.Module:
    return _OriginalLSTM(x, h)


# --------------------------------------------------------------------------- TensorFlow contrib (docs pages)

class _IndyGRUText(nn.Module):
    """r = σ(W_r x + u_r∘h), z = σ(W_z x + u_z∘h), h~ = φ(W x + u∘r∘h): W_r, W_z, W (h x x) and
    vectors u_r, u_z, u (h); the text writes no bias (TF's own IndyGRUCell also creates
    gate and candidate biases, 3h more, named only by the bias_initializer argument).
    The update h' = z∘h + (1 - z)∘h~ (unwritten, GRUCell's) adds no parameter."""

    def __init__(self, x: int, h: int):
        super().__init__()
        self.W = nn.ModuleDict({g: _lin(x, h) for g in "rzh"})
        self.u = nn.ParameterDict({g: _vec(h) for g in "rzh"})

    def forward(self, x, h):
        r = sig(self.W["r"](x) + self.u["r"] * h)
        z = sig(self.W["z"](x) + self.u["z"] * h)
        ht = tanh(self.W["h"](x) + self.u["h"] * r * h)
        return z * h + (1 - z) * ht


class _IndyLSTM(nn.Module):
    """g = act(W_g x + u_g∘h + b_g) for f, i, o, c; c' = f∘c + i∘σ_c(...); h' = o∘tanh(c')."""

    def __init__(self, x: int, h: int):
        super().__init__()
        self.W = nn.ModuleDict({g: _lin(x, h, True) for g in "fioc"})
        self.u = nn.ParameterDict({g: _vec(h) for g in "fioc"})

    def forward(self, x, state):
        h, c = state
        pre = {g: self.W[g](x) + self.u[g] * h for g in "fioc"}
        f, i, o = (sig(pre[g]) for g in "fio")
        c = f * c + i * tanh(pre["c"])
        return o * tanh(c), c


def g1_tfdocs_indygru_text(x: int, h: int) -> nn.Module:
    return _IndyGRUText(x, h)


def g1_tfdocs_indylstm(x: int, h: int) -> nn.Module:
    return _IndyLSTM(x, h)


# --------------------------------------------------------------------------- Elman cells with two biases

def g1_trt_tanh(X: int, H: int) -> nn.Module:
    """RNNOperation::kTANH: H[t] = tanh(W[i].X[t] + R[i].H[t-1] + Wb[i] + Rb[i])."""
    return nn.RNNCell(X, H)


def g1_rtorch_rnn(x: int, h: int) -> nn.Module:
    """nn_rnn documents torch's RNN: W_ih, W_hh, b_ih, b_hh."""
    return nn.RNNCell(x, h)
