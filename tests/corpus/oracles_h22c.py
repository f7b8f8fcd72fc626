import torch
from torch import nn

__all__ = []


def _export(f):
    __all__.append(f.__name__)
    return f


def _p(*shape):
    return nn.Parameter(torch.randn(*shape) * 0.1)


# Redmoon-2333/NLP:03_GRU.md (Chinese NLP notes, 3.3.2 两个门控机制详解). No biases anywhere:
# Wr, Wz act on [h_{t-1}, x_t], W acts on [r ⊙ h_{t-1}, x_t]; each h x (h + x). Count 3h(h + x).
@_export
def h22c_redmoon_gru(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.Wr, self.Wz, self.W = _p(h, h + x), _p(h, h + x), _p(h, h + x)

        def forward(self, xt, hp):
            r = torch.sigmoid(self.Wr @ torch.cat([hp, xt]))
            z = torch.sigmoid(self.Wz @ torch.cat([hp, xt]))
            ht = torch.tanh(self.W @ torch.cat([r * hp, xt]))
            return (1 - z) * hp + z * ht

    return Cell()


# superzhangmch/learning_notes:ML/LLM/特别结构/202312_mamba.md (Chinese Mamba notes, selective SSM). Marked refuse:
# s_B, s_C, s_Δ are unspecified functions. Most plausible reading (the Mamba paper's S6): per input channel d
# (x = D channels) a diagonal A of N = h entries, s_B = Linear_N(x), s_C = Linear_N(x) (no bias),
# s_Δ = Broadcast_D(Linear_1(x)) plus a per-channel Δ bias. Count D*N + 2*N*D + (D + 1) + D.
@_export
def h22c_superzhang_mamba_s6(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.A_log = _p(x, h)
            self.W_B, self.W_C = _p(h, x), _p(h, x)
            self.w_delta, self.b_delta = _p(1, x), _p(1)
            self.delta_bias = _p(x)

        def forward(self, xt, hp):
            # hp: (x, h) state, one SSM of size h per input channel
            B, C = self.W_B @ xt, self.W_C @ xt
            delta = nn.functional.softplus(self.w_delta @ xt + self.b_delta + self.delta_bias)
            A = -torch.exp(self.A_log)
            Ad = torch.exp(delta[:, None] * A)
            ht = Ad * hp + (delta[:, None] * B[None, :]) * xt[:, None]
            return ht @ C, ht

    return Cell()


# mindspore-ai/mindspore:docs/api/api_python/ops/mindspore.ops.DynamicGRUV2.rst (Chinese API reference of the
# Ascend DynamicGRUV2 op). weight_input (x, 3h) = W_{ir,iz,in}, weight_hidden (h, 3h) = W_{hr,hz,hn},
# bias_input (3h), bias_hidden (3h); n uses r * (W_hn h + b_hn): the same cell as torch's GRUCell.
# Count 3h*x + 3h*h + 6h.
@_export
def h22c_ms_dynamicgruv2(x=7, h=5):
    return nn.GRUCell(x, h)


# YanyiPU/deeplearning:doc/source/deeplearning/RNN/RNN-GRU.rst (Chinese Sphinx notes, 1.1 GRU 结构). No biases:
# W^r and W^z act on (x^t, h^{t-1}), W acts on (x_t, h'_{t-1}) with h'_{t-1} = h^{t-1} ⊙ r; each h x (x + h).
# Count 3h(x + h).
@_export
def h22c_yanyipu_gru(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_r, self.W_z, self.W = _p(h, x + h), _p(h, x + h), _p(h, x + h)

        def forward(self, xt, hp):
            r = torch.sigmoid(self.W_r @ torch.cat([xt, hp]))
            z = torch.sigmoid(self.W_z @ torch.cat([xt, hp]))
            hr = hp * r
            hc = torch.tanh(self.W @ torch.cat([xt, hr]))
            return z * hp + (1 - z) * hc

    return Cell()


# YanyiPU/deeplearning:doc/source/deeplearning/RNN/RNN-LSTM.rst (1.2 LSTML 核心思想). Marked refuse: every gate
# equation is an image. Most plausible reading (the colah figures it copies): W_f, W_i, W_C, W_o on
# [h_{t-1}, x_t] with biases. Count 4h(h + x) + 4h.
@_export
def h22c_yanyipu_lstm(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_f, self.b_f = _p(h, h + x), _p(h)
            self.W_i, self.b_i = _p(h, h + x), _p(h)
            self.W_C, self.b_C = _p(h, h + x), _p(h)
            self.W_o, self.b_o = _p(h, h + x), _p(h)

        def forward(self, xt, state):
            hp, cp = state
            v = torch.cat([hp, xt])
            f = torch.sigmoid(self.W_f @ v + self.b_f)
            i = torch.sigmoid(self.W_i @ v + self.b_i)
            ct_ = torch.tanh(self.W_C @ v + self.b_C)
            o = torch.sigmoid(self.W_o @ v + self.b_o)
            c = f * cp + i * ct_
            return o * torch.tanh(c), c

    return Cell()


# AtelierArith/DocStrBankExperimental.jl:Flux/0.16/dcda0969.../ja.md (Japanese translation of Flux's GRUv3Cell
# docstring). W_{xi}, W_{xz}, W_{xh} (h x x); W_{hi}, W_{hz}, W_{hh} (h x h); W_{hh̃} (h x h); b_i, b_z, b_h (h).
# Count 3hx + 4h^2 + 3h.
@_export
def h22c_fluxja_gruv3cell(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_xi, self.W_xz, self.W_xh = _p(h, x), _p(h, x), _p(h, x)
            self.W_hi, self.W_hz, self.W_hh = _p(h, h), _p(h, h), _p(h, h)
            self.W_hht = _p(h, h)
            self.b_i, self.b_z, self.b_h = _p(h), _p(h), _p(h)

        def forward(self, xt, hp):
            r = torch.sigmoid(self.W_xi @ xt + self.W_hi @ hp + self.b_i)
            z = torch.sigmoid(self.W_xz @ xt + self.W_hz @ hp + self.b_z)
            ht = torch.tanh(self.W_xh @ xt + self.W_hht @ (r * (self.W_hh @ hp)) + self.b_h)
            return (1 - z) * ht + z * hp

    return Cell()


# https://www.tensorflow.org/api_docs/java/org/tensorflow/op/core/GRUBlockCell?hl=it (TF Java GRUBlockCell,
# Italian page). w_ru ((x + h) x 2h) and b_ru (2h) give [r_bar u_bar]; w_c ((x + h) x h) and b_c (h) give c_bar.
# Count 3h(x + h) + 3h.
@_export
def h22c_tfit_grublockcell(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.w_ru, self.b_ru = _p(x + h, 2 * h), _p(2 * h)
            self.w_c, self.b_c = _p(x + h, h), _p(h)

        def forward(self, xt, hp):
            ru = torch.sigmoid(torch.cat([xt, hp]) @ self.w_ru + self.b_ru)
            r, u = ru[:h], ru[h:]
            c = torch.tanh(torch.cat([xt, hp * r]) @ self.w_c + self.b_c)
            return (1 - u) * c + u * hp

    return Cell()


# https://runebook.dev/ko/docs/pytorch/generated/torch.nn.grucell (Korean translation of torch.nn.GRUCell):
# the framework's own cell. weight_ih (3h, x), weight_hh (3h, h), bias_ih, bias_hh (3h). Count 3h(x + h) + 6h.
@_export
def h22c_rbko_grucell(x=7, h=5):
    return nn.GRUCell(x, h)


# https://runebook.dev/es/docs/pytorch/generated/torch.nn.lstmcell (Spanish translation of torch.nn.LSTMCell):
# the framework's own cell. weight_ih (4h, x), weight_hh (4h, h), bias_ih, bias_hh (4h). Count 4h(x + h) + 8h.
@_export
def h22c_rbes_lstmcell(x=7, h=5):
    return nn.LSTMCell(x, h)


# https://runebook.dev/fr/docs/pytorch/generated/torch.nn.lstmcell (French translation, formulas stripped):
# the Variables list gives weight_ih (4h, x), weight_hh (4h, h), bias_ih, bias_hh (4h): torch.nn.LSTMCell.
# Count 4h(x + h) + 8h.
@_export
def h22c_rbfr_lstmcell(x=7, h=5):
    return nn.LSTMCell(x, h)


# https://docs.pytorch.com.tw/docs/stable/generated/torch.nn.RNNCell.html (Traditional Chinese translation, math
# stripped): weight_ih (h, x), weight_hh (h, h), bias_ih, bias_hh (h): torch.nn.RNNCell. Count h(x + h) + 2h.
@_export
def h22c_twpt_rnncell(x=7, h=5):
    return nn.RNNCell(x, h)


# chevady-liulixun/unicom-d2l-zh:TestEverything/TestRNN.ipynb (bilingual notes on torch.nn.RNN, num_layers
# default 1): W_ih (h, x), W_hh (h, h), b_ih, b_hh (h). Count h(x + h) + 2h.
@_export
def h22c_unicom_rnn(x=7, h=5):
    return nn.RNN(x, h)


# https://tensorflow.org/versions/r2.14/api_docs/java/org/tensorflow/op/core/LSTMBlockCell?hl=ko (TF Java
# LSTMBlockCell, Korean page). Marked refuse. Most plausible reading (the TF op): w ((x + h) x 4h), b (4h) and
# peephole vectors wci, wcf, wco (h each). Count 4h(x + h) + 4h + 3h.
@_export
def h22c_tfko_lstmblockcell(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.w, self.b = _p(x + h, 4 * h), _p(4 * h)
            self.wci, self.wcf, self.wco = _p(h), _p(h), _p(h)

        def forward(self, xt, state):
            hp, cp = state
            g = torch.cat([xt, hp]) @ self.w + self.b
            i, f, ci, o = g[:h], g[h:2 * h] + 1.0, g[2 * h:3 * h], g[3 * h:]
            i = torch.sigmoid(cp * self.wci + i)
            f = torch.sigmoid(cp * self.wcf + f)
            cs = torch.tanh(ci) * i + cp * f
            o = torch.sigmoid(cs * self.wco + o)
            return torch.tanh(cs) * o, cs

    return Cell()
