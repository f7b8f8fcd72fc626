import torch
from torch import nn

__all__ = []


def _export(f):
    __all__.append(f.__name__)
    return f


def _p(*shape):
    return nn.Parameter(torch.randn(*shape) * 0.1)


class _ConcatLSTM(nn.Module):
    """LSTM with one weight per gate over [h_{t-1}, x_t] and one bias per gate."""

    def __init__(self, x, h):
        super().__init__()
        self.W_f, self.b_f = _p(h, h + x), _p(h)
        self.W_i, self.b_i = _p(h, h + x), _p(h)
        self.W_C, self.b_C = _p(h, h + x), _p(h)
        self.W_o, self.b_o = _p(h, h + x), _p(h)

    def forward(self, xt, hp, cp):
        v = torch.cat([hp, xt], -1)
        f = torch.sigmoid(v @ self.W_f.T + self.b_f)
        i = torch.sigmoid(v @ self.W_i.T + self.b_i)
        ct = torch.tanh(v @ self.W_C.T + self.b_C)
        o = torch.sigmoid(v @ self.W_o.T + self.b_o)
        c = f * cp + i * ct
        return o * torch.tanh(c), c


# fumishiki/zenn:articles/ml-lecture-09-part2.md, quiz Q3 (Japanese). W_f, W_i, W_C, W_o each h x (h + x) over
# [h_{t-1}, x_t]; b_f, b_i, b_C, b_o each h. 4h(h + x + 1).
@_export
def h32c_zenn09_lstm(x=7, h=5):
    return _ConcatLSTM(x, h)


# fumishiki/zenn:articles/ml-lecture-17-part1.md, 3.6 RWKV-7 GDR (Japanese); marked refuse. Most plausible reading:
# k_j = W_k x_j, v_j = W_v x_j, r_i = sigmoid(W_r x_i), all d x d, and the per-channel decay w in (0,1)^d learned
# (as a sigmoid of a free d-vector). 3d^2 + d.
@_export
def h32c_zenn17_rwkv7(d=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_k, self.W_v, self.W_r = _p(d, d), _p(d, d), _p(d, d)
            self.w_logit = _p(d)

        def forward(self, xt, num, den):
            k, v = xt @ self.W_k.T, xt @ self.W_v.T
            r = torch.sigmoid(xt @ self.W_r.T)
            w = torch.sigmoid(self.w_logit)
            num = w * num + k * v
            den = w * den + k
            return r * num / (den + 1e-6), num, den

    return Cell()


# pengsihua2023/Deep-Learning-Lecture-Notes:04. 初级/初级：LSTM.md (Chinese). W_f, W_i, W_c, W_o each h x (h + x) over
# [h_{t-1}, x_t]; b_f, b_i, b_c, b_o each h. 4h(h + x + 1).
@_export
def h32c_pengsihua_lstm(x=7, h=5):
    return _ConcatLSTM(x, h)


# pengsihua2023/Deep-Learning-Lecture-Notes:04. 初级/初级：GRU.md (Chinese); marked refuse (candidate is an image).
# Most plausible reading: the candidate is tanh(W_h [r_t * h_{t-1}, x_t] + b_h) like the two gates. W_z, W_r, W_h each
# h x (h + x); b_z, b_r, b_h each h. 3h(h + x + 1).
@_export
def h32c_pengsihua_gru(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_z, self.b_z = _p(h, h + x), _p(h)
            self.W_r, self.b_r = _p(h, h + x), _p(h)
            self.W_h, self.b_h = _p(h, h + x), _p(h)

        def forward(self, xt, hp):
            v = torch.cat([hp, xt], -1)
            z = torch.sigmoid(v @ self.W_z.T + self.b_z)
            r = torch.sigmoid(v @ self.W_r.T + self.b_r)
            ht = torch.tanh(torch.cat([r * hp, xt], -1) @ self.W_h.T + self.b_h)
            return (1 - z) * hp + z * ht

    return Cell()


# pengsihua2023/Deep-Learning-Lecture-Notes:04. 初级/初级：RNN.md (Chinese). W_xh (h x x), W_hh (h x h), b_h (h);
# output W_hy (y x h), b_y (y); softmax has no parameters. h(x + h + 1) + y(h + 1).
@_export
def h32c_pengsihua_rnn(x=7, h=5, y=3):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_xh, self.W_hh, self.b_h = _p(h, x), _p(h, h), _p(h)
            self.W_hy, self.b_y = _p(y, h), _p(y)

        def forward(self, xt, hp):
            ht = torch.tanh(xt @ self.W_xh.T + hp @ self.W_hh.T + self.b_h)
            yt = ht @ self.W_hy.T + self.b_y
            return ht, torch.softmax(yt, -1)

    return Cell()


# reniew/reniew.github.io:_posts/2018-08-16-35.md (Korean, Seq2seq (2), The Model). W^{hx} (h x x), W^{hh} (h x h),
# w^{yh} (y x h), no biases. h(x + h) + yh.
@_export
def h32c_reniew_rnn(x=7, h=5, y=3):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_hx, self.W_hh, self.w_yh = _p(h, x), _p(h, h), _p(y, h)

        def forward(self, xt, hp):
            ht = torch.sigmoid(xt @ self.W_hx.T + hp @ self.W_hh.T)
            return ht, ht @ self.w_yh.T

    return Cell()


# http://www.xdnf.cn/news/647353.html (Chinese, LSTM三个门控机制详解). W_f, W_i, W_C, W_o each h x (h + x) over
# [h_{t-1}, x_t]; b_f, b_i, b_C, b_o each h. 4h(h + x + 1).
@_export
def h32c_xdnf_lstm(x=7, h=5):
    return _ConcatLSTM(x, h)


# lycmoons/pytorch-learning:17.LSTM.ipynb, cell 0 (Chinese). Per gate g in f, i, o, c: W_g (h x x), U_g (h x h), b_g (h).
# 4h(x + h + 1).
@_export
def h32c_lycmoons_lstm(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            for g in "fioc":
                setattr(self, "W_" + g, _p(h, x))
                setattr(self, "U_" + g, _p(h, h))
                setattr(self, "b_" + g, _p(h))

        def _a(self, g, xt, hp):
            return xt @ getattr(self, "W_" + g).T + hp @ getattr(self, "U_" + g).T + getattr(self, "b_" + g)

        def forward(self, xt, hp, cp):
            f = torch.sigmoid(self._a("f", xt, hp))
            i = torch.sigmoid(self._a("i", xt, hp))
            o = torch.sigmoid(self._a("o", xt, hp))
            ct = torch.tanh(self._a("c", xt, hp))
            c = f * cp + i * ct
            return o * torch.tanh(c), c

    return Cell()


# ProFatXuanAll/ProFatXuanAll.github.io:_drafts/2022-03-08-learning-phrase-representations-...md (zh-TW note on
# Cho et al. 2014). W^r, W^z, W (d_h x d_x); U^r, U^z, U (d_h x d_h); no biases in (5)-(7) or the table.
# 3 d_h (d_x + d_h).
@_export
def h32c_profat_gru(d_x=7, d_h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_r, self.U_r = _p(d_h, d_x), _p(d_h, d_h)
            self.W, self.U = _p(d_h, d_x), _p(d_h, d_h)
            self.W_z, self.U_z = _p(d_h, d_x), _p(d_h, d_h)

        def forward(self, xt, hp):
            r = torch.sigmoid(xt @ self.W_r.T + hp @ self.U_r.T)
            ht = torch.tanh(xt @ self.W.T + (r * hp) @ self.U.T)
            z = torch.sigmoid(xt @ self.W_z.T + hp @ self.U_z.T)
            return z * hp + (1 - z) * ht

    return Cell()


# emipaz/ml:Deep learning/Sequence Models/Semana_1/RNN-LSTM-NLP-tutorial.ipynb, cells 20-23 (Spanish, after colah);
# marked refuse (equations are images). Most plausible reading: colah's LSTM, W_f, W_i, W_C, W_o each h x (h + x)
# over [h_{t-1}, x_t] with biases. 4h(h + x + 1).
@_export
def h32c_emipaz_lstm(x=7, h=5):
    return _ConcatLSTM(x, h)


# Atcold/pytorch-Deep-Learning:docs/it/week06/06-2.md, LSTM (Italian, English original in comments). Per gate g in
# f, i, o, c: W_g (h x a), U_g (h x h), b_g (h). 4h(a + h + 1).
@_export
def h32c_atcoldit_lstm(a=7, h=5):
    return h32c_lycmoons_lstm(x=a, h=h)


# Atcold/pytorch-Deep-Learning:docs/fr/week06/06-2.md, GRU (French). W_z, W_r, W_h (h x x); U_z, U_r, U_h (h x h);
# b_z, b_r, b_h (h). 3h(x + h + 1).
@_export
def h32c_atcoldfr_gru(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_z, self.U_z, self.b_z = _p(h, x), _p(h, h), _p(h)
            self.W_r, self.U_r, self.b_r = _p(h, x), _p(h, h), _p(h)
            self.W_h, self.U_h, self.b_h = _p(h, x), _p(h, h), _p(h)

        def forward(self, xt, hp):
            z = torch.sigmoid(xt @ self.W_z.T + hp @ self.U_z.T + self.b_z)
            r = torch.sigmoid(xt @ self.W_r.T + hp @ self.U_r.T + self.b_r)
            return z * hp + (1 - z) * torch.tanh(xt @ self.W_h.T + (r * hp) @ self.U_h.T + self.b_h)

    return Cell()
