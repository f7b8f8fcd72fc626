import torch
from torch import nn

__all__ = []


def _export(f):
    __all__.append(f.__name__)
    return f


def _p(*shape):
    return nn.Parameter(torch.randn(*shape) * 0.1)


# stored file id 45585051599 (Chinese Markdown LSTM notes, 4. 数学公式化). Four gates, each W [h, x] + b:
# W_f, W_i, W_c, W_o in R^{h x (h + x)}, b_f, b_i, b_c, b_o in R^h. 4h(h + x + 1).
@_export
def h18c_zhnotes45585_lstm(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_f = nn.Linear(h + x, h)
            self.W_i = nn.Linear(h + x, h)
            self.W_c = nn.Linear(h + x, h)
            self.W_o = nn.Linear(h + x, h)

        def forward(self, xt, state):
            hp, cp = state
            z = torch.cat([hp, xt], -1)
            f = torch.sigmoid(self.W_f(z))
            i = torch.sigmoid(self.W_i(z))
            ct = torch.tanh(self.W_c(z))
            c = f * cp + i * ct
            o = torch.sigmoid(self.W_o(z))
            return o * torch.tanh(c), c

    return Cell()



# https://jishuzhan.net/article/1916644011784392705 (Chinese blog post, GRU 数学公式推导). W_z, W_r act on
# [h_{t-1}, x_t], W on [r ⊙ h_{t-1}, x_t], each h x (h + x), with b_z, b_r, b. 3h(h + x + 1).
@_export
def h18c_jishuzhan_gru(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_z = nn.Linear(h + x, h)
            self.W_r = nn.Linear(h + x, h)
            self.W = nn.Linear(h + x, h)

        def forward(self, xt, hp):
            hx = torch.cat([hp, xt], -1)
            z = torch.sigmoid(self.W_z(hx))
            r = torch.sigmoid(self.W_r(hx))
            ht = torch.tanh(self.W(torch.cat([r * hp, xt], -1)))
            return (1 - z) * hp + z * ht

    return Cell()


# BilboGlebins/MachineLearningCourse TeorieFiles/12. RNN/12.0 Meta.ipynb (Russian notebook, GRU cell in prose).
# expect refuse: the layers' output sizes are never stated, and the text makes h_t the concatenation of
# z_t * h and (1 - z_t) * h'_t, which cannot have the size of h_{t-1} that the gates read. One plausible
# reading (the usual GRU, each "полносвязный слой" with a bias, h_t the sum): 3h(x + h + 1).
@_export
def h18c_bilbo_gru(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.update = nn.Linear(x + h, h)
            self.reset = nn.Linear(x + h, h)
            self.cand = nn.Linear(x + h, h)

        def forward(self, xt, hp):
            xh = torch.cat([xt, hp], -1)
            z = torch.sigmoid(self.update(xh))
            r = torch.sigmoid(self.reset(xh))
            hc = torch.tanh(self.cand(torch.cat([xt, r * hp], -1)))
            return z * hp + (1 - z) * hc

    return Cell()


# theintrance.github.io deep-learning-specialization (Korean), 게이트 리커런트 유닛, full GRU (전체 GRU):
# Γu = σ(Wu[c, x] + bu), Γr = σ(Wr[c, x] + br), c~ = tanh(Wc[Γr * c, x] + bc), each W is c x (c + x).
# 3c(c + x + 1).
@_export
def h18c_theintrance_gru(x=7, c=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.Wu = nn.Linear(c + x, c)
            self.Wr = nn.Linear(c + x, c)
            self.Wc = nn.Linear(c + x, c)

        def forward(self, xt, cp):
            cx = torch.cat([cp, xt], -1)
            gu = torch.sigmoid(self.Wu(cx))
            gr = torch.sigmoid(self.Wr(cx))
            ct = torch.tanh(self.Wc(torch.cat([gr * cp, xt], -1)))
            return gu * ct + (1 - gu) * cp

    return Cell()


# stored file id 17578415128 (Korean notes, LSTM 수위 보정 알고리즘, 2. LSTM 모델 구축). Four gates
# W_*⋅[h_{t-1}, x_t] + b_*, W_* in R^{h x (h + x)}, b_* in R^h. 4h(h + x + 1).
@_export
def h18c_kowater_lstm(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_f = nn.Linear(h + x, h)
            self.W_i = nn.Linear(h + x, h)
            self.W_c = nn.Linear(h + x, h)
            self.W_o = nn.Linear(h + x, h)

        def forward(self, xt, state):
            hp, Cp = state
            z = torch.cat([hp, xt], -1)
            f = torch.sigmoid(self.W_f(z))
            i = torch.sigmoid(self.W_i(z))
            Ct = torch.tanh(self.W_c(z))
            C = f * Cp + i * Ct
            o = torch.sigmoid(self.W_o(z))
            return o * torch.tanh(C), C

    return Cell()


# osvaldorioz/py-elman-rnn README.md (Spanish, Elman RNN): h_t = tanh(W_x x_t + W_h h_{t-1} + b_h),
# y_t = W_y h_t + b_y; W_x (h x x), W_h (h x h), b_h (h), W_y (y x h), b_y (y). h(x + h + 1) + y(h + 1).
@_export
def h18c_elman_es_rnn(x=7, h=5, y=3):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_x = _p(h, x)
            self.W_h = _p(h, h)
            self.b_h = _p(h)
            self.W_y = _p(y, h)
            self.b_y = _p(y)

        def forward(self, xt, hp):
            ht = torch.tanh(self.W_x @ xt + self.W_h @ hp + self.b_h)
            return self.W_y @ ht + self.b_y, ht

    return Cell()


# stored file id 33369222874 (Portuguese notes, A Unidade de Elman): RNN(x_m, h_{m-1}) = g(Θ h_{m-1} + x_m),
# x_m, h in R^K, Θ in R^{K x K} the only parameter (no input weight, no bias). K^2.
@_export
def h18c_pt_elman_unit(K=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.Theta = _p(K, K)

        def forward(self, xm, hp):
            return torch.tanh(self.Theta @ hp + xm)

    return Cell()


# stored file id 51803917430 (Japanese Obsidian note, 4.1 GRU のゲート機構): W_z, W_r on [h, x], W_h on
# [r ⊙ h, x], each h x (h + x), no bias terms in the equations. 3h(h + x).
@_export
def h18c_ja_obsidian_gru(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_z = nn.Linear(h + x, h, bias=False)
            self.W_r = nn.Linear(h + x, h, bias=False)
            self.W_h = nn.Linear(h + x, h, bias=False)

        def forward(self, xt, hp):
            hx = torch.cat([hp, xt], -1)
            z = torch.sigmoid(self.W_z(hx))
            r = torch.sigmoid(self.W_r(hx))
            ht = torch.tanh(self.W_h(torch.cat([r * hp, xt], -1)))
            return (1 - z) * hp + z * ht

    return Cell()


# stored file id 29768214294 (Chinese Hexo post minGRU选读, 1. LSTMs 回顾): W_f, W_i, W_C, W_o act on
# [h_{t-1}, x_t] (h x (h + x)), biases b_f, b_i, b_C, b_o (h). 4h(h + x + 1).
@_export
def h18c_zh_mingru_post_lstm(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_f = nn.Linear(h + x, h)
            self.W_i = nn.Linear(h + x, h)
            self.W_C = nn.Linear(h + x, h)
            self.W_o = nn.Linear(h + x, h)

        def forward(self, xt, state):
            hp, Cp = state
            z = torch.cat([hp, xt], -1)
            f = torch.sigmoid(self.W_f(z))
            i = torch.sigmoid(self.W_i(z))
            Ct = torch.tanh(self.W_C(z))
            C = f * Cp + i * Ct
            o = torch.sigmoid(self.W_o(z))
            return o * torch.tanh(C), C

    return Cell()


# stored file id 34601282457 (Chinese CSDN notes on QRNN, 2. 算法). expect refuse: W_z, W_f, W_o are 1-D
# convolution filters ("*表示1维卷积操作") whose width is never stated (nor the channel sizes). One plausible
# reading (the QRNN paper's language model, width k = 2, no biases, x -> h channels): 3kxh.
@_export
def h18c_zh_csdn_qrnn(x=7, h=5, k=2):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_z = nn.Conv1d(x, h, k, bias=False)
            self.W_f = nn.Conv1d(x, h, k, bias=False)
            self.W_o = nn.Conv1d(x, h, k, bias=False)

        def forward(self, X, c):
            # X: (x, k) window of the last k inputs; c: (h,)
            Xb = X.unsqueeze(0)
            z = torch.tanh(self.W_z(Xb))[0, :, -1]
            f = torch.sigmoid(self.W_f(Xb))[0, :, -1]
            o = torch.sigmoid(self.W_o(Xb))[0, :, -1]
            c = f * c + (1 - f) * z
            return o * c, c

    return Cell()


# stored file id 51803917430 (Japanese Obsidian note, 2.1 基本構造): W_xh (h x d), W_hh (h x h), b_h (h),
# output layer W_hy (y x h), b_y (y), y the size of the output signal. h(d + h + 1) + y(h + 1).
@_export
def h18c_ja_obsidian_rnn(d=7, h=5, y=3):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_xh = _p(h, d)
            self.W_hh = _p(h, h)
            self.b_h = _p(h)
            self.W_hy = _p(y, h)
            self.b_y = _p(y)

        def forward(self, xt, hp):
            ht = torch.tanh(self.W_hh @ hp + self.W_xh @ xt + self.b_h)
            return self.W_hy @ ht + self.b_y, ht

    return Cell()
