"""Oracles for the fw-* snippets: framework docstrings and documentation pages.

Each oracle takes the snippet's sizes as keyword arguments and returns a torch.nn.Module whose
parameters are exactly the cell the snippet describes. Where torch ships the cell the text
documents, that module is used; otherwise the module is written from the snippet's equations
(one nn.Linear / nn.Parameter per weight the text names, a bias where the text writes one) and
its forward runs one step as the equations say. For a non-torch framework the module mirrors the
parameters that framework's own module creates; the counts of flax, dm-haiku and chainer were
cross-checked once by hand with the frameworks installed (see the comments).
"""
from __future__ import annotations

import torch
from torch import nn

__all__ = [
    "fw_torch_rnn_2l_bi",
    "fw_torch_lstm_proj",
    "fw_torch_gru",
    "fw_torch_lstm",
    "fw_torch_rnncell",
    "fw_torch_lstmcell",
    "fw_torch_grucell",
    "fw_flax_lstmcell",
    "fw_flax_grucell",
    "fw_flax_mgucell",
    "fw_flax_simplecell",
    "fw_haiku_vanillarnn",
    "fw_haiku_lstm",
    "fw_haiku_gru",
    "fw_haiku_conv2dlstm_k3",
    "fw_sonnet_vanillarnn",
    "fw_sonnet_lstm_recurrent_dropout",
    "fw_onnx_gru",
    "fw_onnx_lstm",
    "fw_flux_rnncell",
    "fw_flux_lstmcell",
    "fw_flux_gruv3cell",
    "fw_mxnet_lstmpcell",
    "fw_chainer_statelessgru_text",
    "fw_chainer_peephole",
    "fw_dynet_coupledlstm",
    "fw_paddle_lstmcell_proj",
    "fw_mlx_rnn",
    "fw_mlx_gru",
    "fw_nnabla_gru",
    "fw_theano_lstm",
]


# --------------------------------------------------------------------------- torch's own modules

def fw_torch_rnn_2l_bi(x: int, h: int) -> nn.Module:
    """torch.nn.RNN docstring with options layers=2, bidirectional."""
    return nn.RNN(x, h, num_layers=2, bidirectional=True)


def fw_torch_lstm_proj(x: int, c: int, h: int) -> nn.Module:
    """torch.nn.LSTM with proj_size: the cell state has hidden_size (c), h_t has proj_size (h)."""
    return nn.LSTM(x, c, proj_size=h)


def fw_torch_gru(x: int, h: int) -> nn.Module:
    """torch.nn.GRU; also chainer's n_step_gru (W_0..W_5, b_0..b_5) and cuDNN's GRU (W, R, b_W, b_R)."""
    return nn.GRU(x, h)


def fw_torch_lstm(x: int, h: int) -> nn.Module:
    """torch.nn.LSTM; also R torch's nn_lstm and cuDNN's LSTM (W, R, b_W, b_R)."""
    return nn.LSTM(x, h)


def fw_torch_rnncell(x: int, h: int) -> nn.Module:
    """W_ih, b_ih, W_hh, b_hh: mxnet RNNCell, paddle SimpleRNNCell (act = tanh by default)."""
    return nn.RNNCell(x, h)


def fw_torch_lstmcell(x: int, h: int) -> nn.Module:
    """Two biases per gate: torch, mxnet and mindspore LSTMCell."""
    return nn.LSTMCell(x, h)


def fw_torch_grucell(x: int, h: int) -> nn.Module:
    """Two biases per gate, reset after the matmul: paddle and mindspore GRUCell."""
    return nn.GRUCell(x, h)


# --------------------------------------------------------------------------- shared cell shapes

class _OneBiasRNN(nn.Module):
    """h' = act(W_i x + b + W_h h): input weight, recurrent weight, one bias."""

    def __init__(self, x: int, h: int, act=torch.tanh):
        super().__init__()
        self.W_i = nn.Linear(x, h, bias=True)
        self.W_h = nn.Linear(h, h, bias=False)
        self.act = act

    def forward(self, x, state):
        return self.act(self.W_i(x) + self.W_h(state))


class _Gru4Bias(nn.Module):
    """GRU with biases b_ir, b_iz, b_in and b_hn (flax GRUCell, mlx GRU, nnabla gru).

    r = σ(W_ir x + b_ir + W_hr h); z = σ(W_iz x + b_iz + W_hz h)
    n = tanh(W_in x + b_in + r * (W_hn h + b_hn)); h' = (1 - z) * n + z * h
    """

    def __init__(self, x: int, h: int):
        super().__init__()
        self.ir, self.iz, self.i_n = (nn.Linear(x, h, bias=True) for _ in range(3))
        self.hr, self.hz = (nn.Linear(h, h, bias=False) for _ in range(2))
        self.hn = nn.Linear(h, h, bias=True)

    def forward(self, x, h):
        r = torch.sigmoid(self.ir(x) + self.hr(h))
        z = torch.sigmoid(self.iz(x) + self.hz(h))
        n = torch.tanh(self.i_n(x) + r * self.hn(h))
        return (1 - z) * n + z * h


class _LstmOneBias(nn.Module):
    """LSTM with one bias per gate: g = act(W_xg x + W_hg d(h) + b_g), d = dropout or identity.

    Haiku LSTM, Flux LSTMCell, sonnet's LSTM with recurrent dropout.
    """

    def __init__(self, x: int, h: int, dropout: float = 0.0):
        super().__init__()
        self.Wx = nn.ModuleDict({g: nn.Linear(x, h, bias=True) for g in "ifgo"})
        self.Wh = nn.ModuleDict({g: nn.Linear(h, h, bias=False) for g in "ifgo"})
        self.d = nn.Dropout(dropout)  # no parameters

    def forward(self, x, state):
        h, c = state
        hd = self.d(h)
        pre = {g: self.Wx[g](x) + self.Wh[g](hd) for g in "ifgo"}
        i, f, o = (torch.sigmoid(pre[g]) for g in "ifo")
        g = torch.tanh(pre["g"])
        c = f * c + i * g
        return o * torch.tanh(c), c


# --------------------------------------------------------------------------- flax.linen
# Cross-checked with flax 0.12.8 (x=7, features=5): LSTMCell 260, GRUCell 200, MGUCell 135,
# SimpleCell 65 parameters; the modules below give the same counts.

class _FlaxLSTMCell(nn.Module):
    """flax.linen.LSTMCell: dense_i (ii, if, ig, io) without bias, dense_h (hi, hf, hg, ho) with bias."""

    def __init__(self, x: int, h: int):
        super().__init__()
        self.i = nn.ModuleDict({g: nn.Linear(x, h, bias=False) for g in "ifgo"})
        self.h = nn.ModuleDict({g: nn.Linear(h, h, bias=True) for g in "ifgo"})

    def forward(self, x, state):
        c, h = state
        pre = {g: self.i[g](x) + self.h[g](h) for g in "ifgo"}
        i, f, o = (torch.sigmoid(pre[g]) for g in "ifo")
        g = torch.tanh(pre["g"])
        c = f * c + i * g
        h = o * torch.tanh(c)
        return (c, h), h


def fw_flax_lstmcell(x: int, h: int) -> nn.Module:
    return _FlaxLSTMCell(x, h)


def fw_flax_grucell(x: int, h: int) -> nn.Module:
    return _Gru4Bias(x, h)


class _FlaxMGUCell(nn.Module):
    """flax.linen.MGUCell, reset_gate=True: f = σ(W_if x + b_if + W_hf h),
    n = tanh(W_in x + b_in + f * (W_hn h + b_hn)), h' = (1 - f) * n + f * h."""

    def __init__(self, x: int, h: int):
        super().__init__()
        self.if_ = nn.Linear(x, h, bias=True)
        self.hf = nn.Linear(h, h, bias=False)
        self.in_ = nn.Linear(x, h, bias=True)
        self.hn = nn.Linear(h, h, bias=True)

    def forward(self, x, h):
        f = torch.sigmoid(self.if_(x) + self.hf(h))
        n = torch.tanh(self.in_(x) + f * self.hn(h))
        return (1 - f) * n + f * h


def fw_flax_mgucell(x: int, h: int) -> nn.Module:
    return _FlaxMGUCell(x, h)


def fw_flax_simplecell(x: int, h: int) -> nn.Module:
    """h' = tanh(W_i x + b_i + W_h h)."""
    return _OneBiasRNN(x, h)


# --------------------------------------------------------------------------- dm-haiku
# Cross-checked with dm-haiku 0.0.17 (x=7, hidden=5): VanillaRNN 70, LSTM 260, GRU 195,
# Conv2DLSTM(kernel_shape=3) 2200 parameters.

def fw_haiku_vanillarnn(x: int, h: int) -> nn.Module:
    """h_t = ReLU(w_i x_t + b_i + w_h h_{t-1} + b_h): double_bias=True by default."""
    return nn.RNNCell(x, h, nonlinearity="relu")


def fw_haiku_lstm(x: int, h: int) -> nn.Module:
    """One hk.Linear(4h) on [x, h] with one bias: W_i*, W_h*, b_* per gate."""
    return _LstmOneBias(x, h)


class _GruResetBeforeOneBias(nn.Module):
    """z = σ(W_iz x + W_hz h + b_z), r = σ(W_ir x + W_hr h + b_r),
    a = tanh(W_ia x + W_ha (r ⊙ h) + b_a), h' = (1 - z) ⊙ h + z ⊙ a (haiku and sonnet GRU)."""

    def __init__(self, x: int, h: int, bias: bool = True):
        super().__init__()
        self.Wi = nn.ModuleDict({g: nn.Linear(x, h, bias=bias) for g in "zra"})
        self.Wh = nn.ModuleDict({g: nn.Linear(h, h, bias=False) for g in "zra"})

    def forward(self, x, h):
        z = torch.sigmoid(self.Wi["z"](x) + self.Wh["z"](h))
        r = torch.sigmoid(self.Wi["r"](x) + self.Wh["r"](h))
        a = torch.tanh(self.Wi["a"](x) + self.Wh["a"](r * h))
        return (1 - z) * h + z * a


def fw_haiku_gru(x: int, h: int) -> nn.Module:
    return _GruResetBeforeOneBias(x, h)


class _ConvLSTM2d(nn.Module):
    """haiku ConvNDLSTM with num_spatial_dims=2: input_to_hidden and hidden_to_hidden are both
    hk.ConvND(4h, kernel) with a bias (haiku's default with_bias=True)."""

    def __init__(self, x: int, h: int, k: int):
        super().__init__()
        self.ih = nn.Conv2d(x, 4 * h, k, padding="same", bias=True)
        self.hh = nn.Conv2d(h, 4 * h, k, padding="same", bias=True)

    def forward(self, x, state):
        h, c = state
        i, g, f, o = (self.ih(x) + self.hh(h)).chunk(4, dim=1)
        c = torch.sigmoid(f + 1) * c + torch.sigmoid(i) * torch.tanh(g)
        h = torch.sigmoid(o) * torch.tanh(c)
        return h, (h, c)


def fw_haiku_conv2dlstm_k3(x: int, h: int) -> nn.Module:
    """The text states neither the kernel size nor the spatial rank (expect: refuse); the most
    plausible reading here is a 2-D convolution with a 3x3 kernel."""
    return _ConvLSTM2d(x, h, 3)


# --------------------------------------------------------------------------- sonnet 2

def fw_sonnet_vanillarnn(x: int, h: int) -> nn.Module:
    """h_t = w_i x_t + w_h h_{t-1} + b: input_to_hidden and hidden_to_hidden without bias, one b.
    (The code applies tanh on top; that adds no parameter.)"""
    return _OneBiasRNN(x, h)


def fw_sonnet_lstm_recurrent_dropout(x: int, h: int) -> nn.Module:
    """Gates W_i* x + W_h* d(h) + b_*, d = dropout: the LSTM's parameters, d has none."""
    return _LstmOneBias(x, h, dropout=0.5)


# --------------------------------------------------------------------------- ONNX operators

class _OnnxGRU(nn.Module):
    """ONNX GRU (one direction, default linear_before_reset = 0): W[zrh], R[zrh], Wb[zrh], Rb[zrh]."""

    def __init__(self, X: int, H: int):
        super().__init__()
        self.W = nn.ModuleDict({g: nn.Linear(X, H, bias=True) for g in "zrh"})  # bias = Wb
        self.R = nn.ModuleDict({g: nn.Linear(H, H, bias=True) for g in "zrh"})  # bias = Rb

    def forward(self, Xt, H):
        z = torch.sigmoid(self.W["z"](Xt) + self.R["z"](H))
        r = torch.sigmoid(self.W["r"](Xt) + self.R["r"](H))
        h = torch.tanh(self.W["h"](Xt) + self.R["h"](r * H))  # (rt (.) Ht-1)*(Rh^T) + Rbh + Wbh
        return (1 - z) * h + z * H


def fw_onnx_gru(X: int, H: int) -> nn.Module:
    return _OnnxGRU(X, H)


class _OnnxLSTM(nn.Module):
    """ONNX LSTM (one direction): W[iofc], R[iofc], Wb[iofc], Rb[iofc] and peepholes P[iof]."""

    def __init__(self, X: int, H: int):
        super().__init__()
        self.W = nn.ModuleDict({g: nn.Linear(X, H, bias=True) for g in "iofc"})
        self.R = nn.ModuleDict({g: nn.Linear(H, H, bias=True) for g in "iofc"})
        self.P = nn.ParameterDict({g: nn.Parameter(torch.zeros(H)) for g in "iof"})

    def forward(self, Xt, state):
        H, C = state
        pre = {g: self.W[g](Xt) + self.R[g](H) for g in "iofc"}
        i = torch.sigmoid(pre["i"] + self.P["i"] * C)
        f = torch.sigmoid(pre["f"] + self.P["f"] * C)
        c = torch.tanh(pre["c"])
        C = f * C + i * c
        o = torch.sigmoid(pre["o"] + self.P["o"] * C)
        return o * torch.tanh(C), C


def fw_onnx_lstm(X: int, H: int) -> nn.Module:
    return _OnnxLSTM(X, H)


# --------------------------------------------------------------------------- Flux.jl

def fw_flux_rnncell(x: int, h: int) -> nn.Module:
    """h' = σ(W_i x + W_h h + b), σ = tanh by default: Wi (out, in), Wh (out, out), bias (out)."""
    return _OneBiasRNN(x, h)


def fw_flux_lstmcell(x: int, h: int) -> nn.Module:
    """Wi (4out, in), Wh (4out, out), bias (4out)."""
    return _LstmOneBias(x, h)


class _FluxGRUv3Cell(nn.Module):
    """Wi (3out, in), Wh (3out, out), b (3out), Wh_h̃ (out, out):
    h̃ = tanh(W_xh x + W_hh̃ (r ⊙ W_hh h) + b_h)."""

    def __init__(self, x: int, h: int):
        super().__init__()
        self.Wx = nn.ModuleDict({g: nn.Linear(x, h, bias=True) for g in "rzh"})
        self.Wh = nn.ModuleDict({g: nn.Linear(h, h, bias=False) for g in "rzh"})
        self.Wh_htilde = nn.Linear(h, h, bias=False)

    def forward(self, x, h):
        r = torch.sigmoid(self.Wx["r"](x) + self.Wh["r"](h))
        z = torch.sigmoid(self.Wx["z"](x) + self.Wh["z"](h))
        ht = torch.tanh(self.Wx["h"](x) + self.Wh_htilde(r * self.Wh["h"](h)))
        return (1 - z) * ht + z * h


def fw_flux_gruv3cell(x: int, h: int) -> nn.Module:
    return _FluxGRUv3Cell(x, h)


# --------------------------------------------------------------------------- MXNet Gluon

def fw_mxnet_lstmpcell(x: int, h: int, r: int) -> nn.Module:
    """LSTMPCell: i2h_weight (4h, x), h2h_weight (4h, r), h2r_weight (r, h), i2h_bias, h2h_bias:
    the same parameters as torch's LSTM with proj_size = r."""
    return nn.LSTM(x, h, proj_size=r)


# --------------------------------------------------------------------------- Chainer

class _NoBiasGRU(nn.Module):
    """r = σ(W_r x + U_r h), z = σ(W_z x + U_z h), h̄ = tanh(W x + U (r ⊙ h)),
    h' = (1 - z) ⊙ h + z ⊙ h̄; W_* are n x m, U_* are n x n."""

    def __init__(self, m: int, n: int):
        super().__init__()
        self.W = nn.ModuleDict({g: nn.Linear(m, n, bias=False) for g in ("r", "z", "h")})
        self.U = nn.ModuleDict({g: nn.Linear(n, n, bias=False) for g in ("r", "z", "h")})

    def forward(self, x, h):
        r = torch.sigmoid(self.W["r"](x) + self.U["r"](h))
        z = torch.sigmoid(self.W["z"](x) + self.U["z"](h))
        hb = torch.tanh(self.W["h"](x) + self.U["h"](r * h))
        return (1 - z) * h + z * hb


def fw_chainer_statelessgru_text(x: int, h: int) -> nn.Module:
    """The six matrices the docstring lists (3nm + 3n^2), as the text says.

    Note: chainer's own L.StatelessGRU builds each of them as an L.Linear *with* a bias, so the
    installed link has 6n more parameters (210 instead of 180 at m=7, n=5; checked with chainer
    7.8.1). The snippet follows the text, which states the parameters outright.
    """
    return _NoBiasGRU(x, h)  # m = x, n = h in the text


class _ChainerPeephole(nn.Module):
    """StatefulPeepholeLSTM: upward = Linear(in, 4 out) with bias, lateral = Linear(out, 4 out)
    without bias, peep_i/peep_f/peep_o = Linear(out, out) without bias.
    Checked with chainer 7.8.1: 335 parameters at in=7, out=5."""

    def __init__(self, x: int, h: int):
        super().__init__()
        self.upward = nn.Linear(x, 4 * h, bias=True)
        self.lateral = nn.Linear(h, 4 * h, bias=False)
        self.peep_i = nn.Linear(h, h, bias=False)
        self.peep_f = nn.Linear(h, h, bias=False)
        self.peep_o = nn.Linear(h, h, bias=False)

    def forward(self, x, state):
        h, c = state
        a, i, f, o = (self.upward(x) + self.lateral(h)).chunk(4, dim=-1)
        a = torch.tanh(a)
        i = torch.sigmoid(i + self.peep_i(c))
        f = torch.sigmoid(f + self.peep_f(c))
        c = a * i + f * c
        o = torch.sigmoid(o + self.peep_o(c))
        return o * torch.tanh(c), c


def fw_chainer_peephole(x: int, h: int) -> nn.Module:
    return _ChainerPeephole(x, h)


# --------------------------------------------------------------------------- DyNet

class _DynetCoupledLSTM(nn.Module):
    """CoupledLSTMBuilder: x2i, h2i, c2i, bi; x2o, h2o, c2o, bo; x2c, h2c, bc (c2i, c2o full
    hidden x hidden matrices, as in dynet/lstm.cc)."""

    def __init__(self, x: int, h: int):
        super().__init__()
        self.W_ix, self.W_cx, self.W_ox = (nn.Linear(x, h, bias=True) for _ in range(3))
        self.W_ih, self.W_ch, self.W_oh = (nn.Linear(h, h, bias=False) for _ in range(3))
        self.W_ic = nn.Linear(h, h, bias=False)
        self.W_oc = nn.Linear(h, h, bias=False)

    def forward(self, x, state):
        h, c = state
        i = torch.sigmoid(self.W_ix(x) + self.W_ih(h) + self.W_ic(c))
        ct = torch.tanh(self.W_cx(x) + self.W_ch(h))
        c = c * (1 - i) + ct * i
        o = torch.sigmoid(self.W_ox(x) + self.W_oh(h) + self.W_oc(c))
        return torch.tanh(c) * o, c


def fw_dynet_coupledlstm(x: int, h: int) -> nn.Module:
    return _DynetCoupledLSTM(x, h)


# --------------------------------------------------------------------------- PaddlePaddle

def fw_paddle_lstmcell_proj(x: int, c: int, h: int) -> nn.Module:
    """paddle.nn.LSTMCell(proj_size>0): weight_ih (4c, x), weight_hh (4c, proj_size),
    bias_ih, bias_hh (4c), weight_ho (c, proj_size): torch's LSTM with proj_size has the same.
    h is the projected state's size, proj_size."""
    return nn.LSTM(x, c, proj_size=h)


# --------------------------------------------------------------------------- MLX, nnabla

def fw_mlx_rnn(x: int, h: int) -> nn.Module:
    """mlx.nn.RNN: Wxh (H, D), Whh (H, H), one bias b (H); D = x, H = h."""
    return _OneBiasRNN(x, h)


def fw_mlx_gru(x: int, h: int) -> nn.Module:
    """mlx.nn.GRU: Wx (3H, D), Wh (3H, H), b (3H), bhn (H); D = x, H = h."""
    return _Gru4Bias(x, h)


def fw_nnabla_gru(x: int, h: int) -> nn.Module:
    """nnabla gru: weights (3, H, I + H), biases (4, H) = b_r, b_z, b_in, b_hn; I = x, H = h."""
    return _Gru4Bias(x, h)


# --------------------------------------------------------------------------- Theano tutorial

class _TheanoLSTM(nn.Module):
    """W_i, W_f, W_c, W_o, U_i, U_f, U_c, U_o, V_o weight matrices; b_i, b_f, b_c, b_o biases."""

    def __init__(self, x: int, h: int):
        super().__init__()
        self.W = nn.ModuleDict({g: nn.Linear(x, h, bias=True) for g in "ifco"})
        self.U = nn.ModuleDict({g: nn.Linear(h, h, bias=False) for g in "ifco"})
        self.V_o = nn.Linear(h, h, bias=False)

    def forward(self, x, state):
        h, C = state
        i = torch.sigmoid(self.W["i"](x) + self.U["i"](h))
        Ct = torch.tanh(self.W["c"](x) + self.U["c"](h))
        f = torch.sigmoid(self.W["f"](x) + self.U["f"](h))
        C = i * Ct + f * C
        o = torch.sigmoid(self.W["o"](x) + self.U["o"](h) + self.V_o(C))
        return o * torch.tanh(C), C


def fw_theano_lstm(x: int, h: int) -> nn.Module:
    return _TheanoLSTM(x, h)
