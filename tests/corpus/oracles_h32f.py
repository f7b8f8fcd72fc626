import torch
from torch import nn

__all__ = []


def _export(f):
    __all__.append(f.__name__)
    return f


def _p(*shape):
    return nn.Parameter(torch.randn(*shape) * 0.1)


# imhuay/Algorithm_Interview_Notes-Chinese:A-深度学习/B-专题-RNN.md, "完整的 LSTM 前向传播公式" (codecogs URL).
# W_f, W_i, W_C, W_o act on [h_{t-1}; x_t] (h x (h + x)), biases b_f, b_i, b_C, b_o (h). 4h(h + x + 1).
@_export
def h32f_imhuay_lstm(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_f, self.b_f = _p(h, h + x), _p(h)
            self.W_i, self.b_i = _p(h, h + x), _p(h)
            self.W_C, self.b_C = _p(h, h + x), _p(h)
            self.W_o, self.b_o = _p(h, h + x), _p(h)

        def forward(self, xt, state):
            hp, Cp = state
            v = torch.cat([hp, xt], -1)
            f = torch.sigmoid(v @ self.W_f.T + self.b_f)
            i = torch.sigmoid(v @ self.W_i.T + self.b_i)
            Ct_ = torch.tanh(v @ self.W_C.T + self.b_C)
            C = f * Cp + i * Ct_
            o = torch.sigmoid(v @ self.W_o.T + self.b_o)
            return o * torch.tanh(C), C

    return Cell()


# imhuay/Algorithm_Interview_Notes-Chinese:A-深度学习/B-专题-RNN.md, "完整的 GRU 前向传播公式" (codecogs URL,
# "遵从原文表示，没有加入偏置"). W_z, W_r, W_h on [h_{t-1}; x_t] / [r*h_{t-1}; x_t], h x (h + x), no biases. 3h(h + x).
@_export
def h32f_imhuay_gru(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_z, self.W_r, self.W_h = _p(h, h + x), _p(h, h + x), _p(h, h + x)

        def forward(self, xt, hp):
            v = torch.cat([hp, xt], -1)
            z = torch.sigmoid(v @ self.W_z.T)
            r = torch.sigmoid(v @ self.W_r.T)
            ht_ = torch.tanh(torch.cat([r * hp, xt], -1) @ self.W_h.T)
            return (1 - z) * hp + z * ht_

    return Cell()


# datawhalechina/daily-interview:docs/04-ai-algorithms/nlp/deep-learning-models.md, "LSTM 网络结构？".
# W_c, W_u, W_f, W_o on [a^{<t-1>}, x^{<t>}] (a x (a + x)), biases b_c, b_u, b_f, b_o (a); a = Gamma_o * c
# (no tanh, as written). 4a(a + x + 1).
@_export
def h32f_dailyinterview_lstm(x=7, a=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_c, self.b_c = _p(a, a + x), _p(a)
            self.W_u, self.b_u = _p(a, a + x), _p(a)
            self.W_f, self.b_f = _p(a, a + x), _p(a)
            self.W_o, self.b_o = _p(a, a + x), _p(a)

        def forward(self, xt, state):
            ap, cp = state
            v = torch.cat([ap, xt], -1)
            c_hat = torch.tanh(v @ self.W_c.T + self.b_c)
            gu = torch.sigmoid(v @ self.W_u.T + self.b_u)
            gf = torch.sigmoid(v @ self.W_f.T + self.b_f)
            go = torch.sigmoid(v @ self.W_o.T + self.b_o)
            c = gu * c_hat + gf * cp
            return go * c, c

    return Cell()


# sustcsonglin/sustcsonglin.github.io:_posts/2024-12-03-deltanet-1.md, "What is DeltaNet?" (marked refuse: k_t, v_t,
# beta_t are never computed from the input). Most plausible reading: k_t = W_k x_t, v_t = W_v x_t (d x d each),
# beta_t = sigmoid(w_beta . x_t) (d). 2d^2 + d.
@_export
def h32f_deltanet1_delta(d=6):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_k, self.W_v, self.w_beta = _p(d, d), _p(d, d), _p(d)

        def forward(self, xt, S):
            k = xt @ self.W_k.T
            v = xt @ self.W_v.T
            beta = torch.sigmoid(xt @ self.w_beta)
            Sk = S @ k
            return S - beta * torch.outer(Sk - v, k)

    return Cell()


# luweikxy/machine-learning-notes:docs/deep-learning/tips/back-propagation/lstm-back-propagation/lstm-back-propagation.md,
# "前向传播". W_c, W_i, W_f, W_o (d x n, x^t already holding the bias entry), U_c, U_i, U_f, U_o (d x d), no
# separate biases; W stacked is 4d x (n + d). 4d(n + d).
@_export
def h32f_luweikxy_lstm(n=7, d=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_c, self.U_c = _p(d, n), _p(d, d)
            self.W_i, self.U_i = _p(d, n), _p(d, d)
            self.W_f, self.U_f = _p(d, n), _p(d, d)
            self.W_o, self.U_o = _p(d, n), _p(d, d)

        def forward(self, xt, state):
            hp, cp = state
            a = torch.tanh(xt @ self.W_c.T + hp @ self.U_c.T)
            i = torch.sigmoid(xt @ self.W_i.T + hp @ self.U_i.T)
            f = torch.sigmoid(xt @ self.W_f.T + hp @ self.U_f.T)
            o = torch.sigmoid(xt @ self.W_o.T + hp @ self.U_o.T)
            c = i * a + f * cp
            return o * torch.tanh(c), c

    return Cell()


# colah/colah.github.io:posts/2015-08-Understanding-LSTMs/index.html, "Step-by-Step LSTM Walk Through" (marked
# refuse: equations are images). Most plausible reading: four layers (forget, input, candidate, output) on
# [h_{t-1}, x_t], each a weight h x (h + x) and a bias h. 4h(h + x + 1).
@_export
def h32f_colah_lstm(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_f, self.b_f = _p(h, h + x), _p(h)
            self.W_i, self.b_i = _p(h, h + x), _p(h)
            self.W_C, self.b_C = _p(h, h + x), _p(h)
            self.W_o, self.b_o = _p(h, h + x), _p(h)

        def forward(self, xt, state):
            hp, Cp = state
            v = torch.cat([hp, xt], -1)
            f = torch.sigmoid(v @ self.W_f.T + self.b_f)
            i = torch.sigmoid(v @ self.W_i.T + self.b_i)
            Ct_ = torch.tanh(v @ self.W_C.T + self.b_C)
            C = f * Cp + i * Ct_
            o = torch.sigmoid(v @ self.W_o.T + self.b_o)
            return o * torch.tanh(C), C

    return Cell()


# csuldw/csuldw.github.io:2018/06/28/2018-06-28-recurrent-neural-networks/index.html, "前向传播". U (h x x),
# W (h x h), b (h); output o = V h + c with V (o x h), c (o); softmax has no parameters. h(x + h + 1) + o(h + 1).
@_export
def h32f_csuldw_rnn(x=7, h=5, o=3):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.U, self.W, self.b = _p(h, x), _p(h, h), _p(h)
            self.V, self.c = _p(o, h), _p(o)

        def forward(self, xt, hp):
            ht = torch.tanh(xt @ self.U.T + hp @ self.W.T + self.b)
            ot = ht @ self.V.T + self.c
            return ht, torch.softmax(ot, -1)

    return Cell()


# 1033020837/Basic4AI:Document/LSTM和GRU.md, "1. LSTM简介". W_f, W_i, W_o, W_c on [h_{t-1}, x_t] (h x (h + x)),
# biases b_f, b_i, b_o, b_c (h); the gate written f_o is the output gate o_t. 4h(h + x + 1).
@_export
def h32f_basic4ai_lstm(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_f, self.b_f = _p(h, h + x), _p(h)
            self.W_i, self.b_i = _p(h, h + x), _p(h)
            self.W_o, self.b_o = _p(h, h + x), _p(h)
            self.W_c, self.b_c = _p(h, h + x), _p(h)

        def forward(self, xt, state):
            hp, Cp = state
            v = torch.cat([hp, xt], -1)
            f = torch.sigmoid(v @ self.W_f.T + self.b_f)
            i = torch.sigmoid(v @ self.W_i.T + self.b_i)
            o = torch.sigmoid(v @ self.W_o.T + self.b_o)
            Ct_ = torch.tanh(v @ self.W_c.T + self.b_c)
            C = f * Cp + i * Ct_
            return o * torch.tanh(C), C

    return Cell()


# 1033020837/Basic4AI:Document/LSTM和GRU.md, "3. GRU简介". W_r, W_z, W_{\widetilde h} on [h_{t-1}, x_t] /
# [r_t*h_{t-1}, x_t] (h x (h + x)), biases b_r, b_z, b_{\widetilde h} (h). 3h(h + x + 1).
@_export
def h32f_basic4ai_gru(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_r, self.b_r = _p(h, h + x), _p(h)
            self.W_z, self.b_z = _p(h, h + x), _p(h)
            self.W_ht, self.b_ht = _p(h, h + x), _p(h)

        def forward(self, xt, hp):
            v = torch.cat([hp, xt], -1)
            r = torch.sigmoid(v @ self.W_r.T + self.b_r)
            z = torch.sigmoid(v @ self.W_z.T + self.b_z)
            ht_ = torch.tanh(torch.cat([r * hp, xt], -1) @ self.W_ht.T + self.b_ht)
            return (1 - z) * hp + z * ht_

    return Cell()


# luweikxy/machine-learning-notes:docs/deep-learning/tips/back-propagation/rnn-back-propagation/rnn-back-propagation.md,
# "RNN的运行原理". W (h x h), U (h x x), V (y x h), no biases. h(h + x) + y h.
@_export
def h32f_luweikxy_rnn(x=7, h=5, y=3):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W, self.U, self.V = _p(h, h), _p(h, x), _p(y, h)

        def forward(self, xt, hp):
            ht = torch.tanh(hp @ self.W.T + xt @ self.U.T)
            return ht, ht @ self.V.T

    return Cell()


# Sakura-gh/ML-notes:ML-notes-md/26_Recurrent Neural Network part1.md, "LSTM for RNN". The four inputs z, z^i,
# z^f, z^o come from [x^{t+1}, h^t, c^t] times 4 different matrices (c x (x + 2c), h of the size of c), no
# biases; f = sigmoid, g and h = tanh. 4c(x + 2c).
@_export
def h32f_sakura_lstm(x=7, c=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_z, self.W_zi = _p(c, x + 2 * c), _p(c, x + 2 * c)
            self.W_zf, self.W_zo = _p(c, x + 2 * c), _p(c, x + 2 * c)

        def forward(self, xt, state):
            hp, cp = state
            v = torch.cat([xt, hp, cp], -1)
            z, zi = v @ self.W_z.T, v @ self.W_zi.T
            zf, zo = v @ self.W_zf.T, v @ self.W_zo.T
            ct = torch.tanh(z) * torch.sigmoid(zi) + cp * torch.sigmoid(zf)
            yt = torch.tanh(ct) * torch.sigmoid(zo)
            return yt, ct

    return Cell()
