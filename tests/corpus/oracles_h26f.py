import torch
from torch import nn

__all__ = []


def _export(f):
    __all__.append(f.__name__)
    return f


def _p(*shape):
    return nn.Parameter(torch.randn(*shape) * 0.1)


# xhongduo-tech/xhongduo-tech.github.io:posts/lstm-gates.md (Chinese blog, ## 核心结论 table). Gates f, i, o and
# candidate C~ each W_* (h x (h+x)) on [h_{t-1}, x_t] plus b_* (h). 4h(h + x + 1).
@_export
def h26f_xhlstmgates_lstm(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_f, self.b_f = _p(h, h + x), _p(h)
            self.W_i, self.b_i = _p(h, h + x), _p(h)
            self.W_c, self.b_c = _p(h, h + x), _p(h)
            self.W_o, self.b_o = _p(h, h + x), _p(h)

        def forward(self, xt, state):
            hp, Cp = state
            z = torch.cat([hp, xt])
            f = torch.sigmoid(self.W_f @ z + self.b_f)
            i = torch.sigmoid(self.W_i @ z + self.b_i)
            Ct_ = torch.tanh(self.W_c @ z + self.b_c)
            o = torch.sigmoid(self.W_o @ z + self.b_o)
            C = f * Cp + i * Ct_
            return o * torch.tanh(C), C

    return Cell()


# xhongduo-tech/xhongduo-tech.github.io:posts/gru4rec-session-recommendation.md (Chinese blog, GRU4Rec). GRU with no
# biases: W_z, W_r, W_h (h x x), U_z, U_r, U_h (h x h); output scores y_t = W_o h_t with W_o (y x h).
# 3h(x + h) + y*h.
@_export
def h26f_xhgru4rec_gru(x=7, h=5, y=9):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_z, self.U_z = _p(h, x), _p(h, h)
            self.W_r, self.U_r = _p(h, x), _p(h, h)
            self.W_h, self.U_h = _p(h, x), _p(h, h)
            self.W_o = _p(y, h)

        def forward(self, xt, hp):
            z = torch.sigmoid(self.W_z @ xt + self.U_z @ hp)
            r = torch.sigmoid(self.W_r @ xt + self.U_r @ hp)
            hh = torch.tanh(self.W_h @ xt + self.U_h @ (r * hp))
            ht = (1 - z) * hp + z * hh
            return ht, self.W_o @ ht

    return Cell()


# xhongduo-tech/xhongduo-tech.github.io:posts/dien-interest-evolution.md (Chinese blog, DIEN). Marked refuse: GRU(.)
# and Attn(.) are black boxes, z_t and the candidate have no equations. Most plausible reading: an interest-extractor
# GRU (e -> h, torch-style, 3h(e + h) + 6h), an AUGRU with its own GRU weights on the interest states (h -> h,
# W_z, W_r, W_h (h x h), U_z, U_r, U_h (h x h), b_z, b_r, b_h), and a bilinear attention W_a (h x e) with q of size e.
# 3h(e + h) + 6h + 3h(2h + 1) + h*e (not checked).
@_export
def h26f_xhdien_augru(e=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.gru = nn.GRUCell(e, h)
            self.W_z, self.U_z, self.b_z = _p(h, h), _p(h, h), _p(h)
            self.W_r, self.U_r, self.b_r = _p(h, h), _p(h, h), _p(h)
            self.W_h, self.U_h, self.b_h = _p(h, h), _p(h, h), _p(h)
            self.W_a = _p(h, e)

        def forward(self, et, q, state):
            hp, Hp = state
            ht = self.gru(et.unsqueeze(0), hp.unsqueeze(0)).squeeze(0)
            a = torch.sigmoid(ht @ self.W_a @ q)
            z = torch.sigmoid(self.W_z @ ht + self.U_z @ Hp + self.b_z)
            r = torch.sigmoid(self.W_r @ ht + self.U_r @ Hp + self.b_r)
            hh = torch.tanh(self.W_h @ ht + self.U_h @ (r * Hp) + self.b_h)
            z2 = (1 - a) * z
            H = (1 - z2) * hh + z2 * Hp
            return ht, H

    return Cell()


# stored file id 1226159661 (Mukul Rathi blog, "Backpropagation through, well, anything!", forward equations).
# Gamma_i, Gamma_f, Gamma_o and c~: W_* (n_a x (n_a + n_x)) on [a^{<t-1>}, x^{<t>}], b_* (n_a). 4a(a + x + 1).
@_export
def h26f_rathibackprop_lstm(x=7, a=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_i, self.b_i = _p(a, a + x), _p(a)
            self.W_f, self.b_f = _p(a, a + x), _p(a)
            self.W_o, self.b_o = _p(a, a + x), _p(a)
            self.W_c, self.b_c = _p(a, a + x), _p(a)

        def forward(self, xt, state):
            ap, cp = state
            z = torch.cat([ap, xt])
            gi = torch.sigmoid(self.W_i @ z + self.b_i)
            gf = torch.sigmoid(self.W_f @ z + self.b_f)
            go = torch.sigmoid(self.W_o @ z + self.b_o)
            ct_ = torch.tanh(self.W_c @ z + self.b_c)
            c = gi * ct_ + gf * cp
            return go * torch.tanh(c), c

    return Cell()


# stored file id 8097135764 (Chinese interview Q&A, "1. LSTM 网络结构？"). c^ and Gamma_u, Gamma_f, Gamma_o:
# W_* (a x (a + x)) on [a^{<t-1>}, x^{<t>}], b_* (a); a^{<t>} = Gamma_o * c^{<t>} (no tanh). 4a(a + x + 1).
@_export
def h26f_zhinterviewqa_lstm(x=7, a=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_c, self.b_c = _p(a, a + x), _p(a)
            self.W_u, self.b_u = _p(a, a + x), _p(a)
            self.W_f, self.b_f = _p(a, a + x), _p(a)
            self.W_o, self.b_o = _p(a, a + x), _p(a)

        def forward(self, xt, state):
            ap, cp = state
            z = torch.cat([ap, xt])
            ch = torch.tanh(self.W_c @ z + self.b_c)
            gu = torch.sigmoid(self.W_u @ z + self.b_u)
            gf = torch.sigmoid(self.W_f @ z + self.b_f)
            go = torch.sigmoid(self.W_o @ z + self.b_o)
            c = gu * ch + gf * cp
            return go * c, c

    return Cell()


# stored file id 24773505610 (Thai JSX lesson page, "4. GRU (Gated Recurrent Unit)"). W_z, W_r, W_h each
# (h x (h + x)) on [h_{t-1}, x_t], no biases. 3h(h + x).
@_export
def h26f_thaijsx_gru(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_z, self.W_r, self.W_h = _p(h, h + x), _p(h, h + x), _p(h, h + x)

        def forward(self, xt, hp):
            zc = torch.cat([hp, xt])
            z = torch.sigmoid(self.W_z @ zc)
            r = torch.sigmoid(self.W_r @ zc)
            hh = torch.tanh(self.W_h @ torch.cat([r * hp, xt]))
            return (1 - z) * hp + z * hh

    return Cell()


# stored file id 55013608525 (French course note, "4. GRU — Gated Recurrent Unit"). Marked refuse: docstring has
# no b_h, code uses params['b_h']. Reading of the code: W_z, W_r, W_h (h x (h + x)), b_z, b_r, b_h (h).
# 3h(h + x + 1) (not checked; the docstring reading gives 3h(h + x) + 2h).
@_export
def h26f_frcours_gru(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_z, self.b_z = _p(h, h + x), _p(h)
            self.W_r, self.b_r = _p(h, h + x), _p(h)
            self.W_h, self.b_h = _p(h, h + x), _p(h)

        def forward(self, xt, hp):
            zc = torch.cat([hp, xt])
            z = torch.sigmoid(self.W_z @ zc + self.b_z)
            r = torch.sigmoid(self.W_r @ zc + self.b_r)
            hh = torch.tanh(self.W_h @ torch.cat([r * hp, xt]) + self.b_h)
            return (1 - z) * hp + z * hh

    return Cell()


# stored file id 20490501 (English study notes, #### Gated Recurrent Unit). c~, Gamma_u, Gamma_r: W_* (c x (c + x))
# on [c^{<t-1>}, x^{<t>}] (reset inside the candidate's concatenation), b_* (c); a = c. 3c(c + x + 1).
@_export
def h26f_studynotes_gru(x=7, c=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_c, self.b_c = _p(c, c + x), _p(c)
            self.W_u, self.b_u = _p(c, c + x), _p(c)
            self.W_r, self.b_r = _p(c, c + x), _p(c)

        def forward(self, xt, cp):
            z = torch.cat([cp, xt])
            gu = torch.sigmoid(self.W_u @ z + self.b_u)
            gr = torch.sigmoid(self.W_r @ z + self.b_r)
            ct_ = torch.tanh(self.W_c @ torch.cat([gr * cp, xt]) + self.b_c)
            cn = gu * ct_ + (1 - gu) * cp
            return cn, cn

    return Cell()


# stored file id 20490501 (English study notes, #### Long Short-term Memory). c~, Gamma_u, Gamma_f (bias named b_r),
# Gamma_o: W_* (c x (c + x)) on [c^{<t-1>}, x^{<t>}], four biases (c); a = Gamma_o c (no tanh). 4c(c + x + 1).
@_export
def h26f_studynotes_lstm(x=7, c=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_c, self.b_c = _p(c, c + x), _p(c)
            self.W_u, self.b_u = _p(c, c + x), _p(c)
            self.W_f, self.b_r = _p(c, c + x), _p(c)
            self.W_o, self.b_o = _p(c, c + x), _p(c)

        def forward(self, xt, cp):
            z = torch.cat([cp, xt])
            ct_ = torch.tanh(self.W_c @ z + self.b_c)
            gu = torch.sigmoid(self.W_u @ z + self.b_u)
            gf = torch.sigmoid(self.W_f @ z + self.b_r)
            go = torch.sigmoid(self.W_o @ z + self.b_o)
            cn = gu * ct_ + gf * cp
            return go * cn, cn

    return Cell()


# stored file id 57444514338 (Chinese course notes, 6.2 GRU). Simplified GRU: c~ and Gamma_u, W_* (c x (c + x)) on
# [c^{<t-1>}, x^{<t>}], b_* (c); a = c. 2c(c + x + 1).
@_export
def h26f_zhseqnotes_gru(x=7, c=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_c, self.b_c = _p(c, c + x), _p(c)
            self.W_u, self.b_u = _p(c, c + x), _p(c)

        def forward(self, xt, cp):
            z = torch.cat([cp, xt])
            ct_ = torch.tanh(self.W_c @ z + self.b_c)
            gu = torch.sigmoid(self.W_u @ z + self.b_u)
            return gu * ct_ + (1 - gu) * cp

    return Cell()


# stored file id 1737986888 (Chinese deep-learning notes, #### GRU（门控循环单元）). Wz, Wr, W each (h x (h + x)) on
# [ht-1, xt], no biases. 3h(h + x).
@_export
def h26f_zhdlbasics_gru(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.Wz, self.Wr, self.W = _p(h, h + x), _p(h, h + x), _p(h, h + x)

        def forward(self, xt, hp):
            zc = torch.cat([hp, xt])
            z = torch.sigmoid(self.Wz @ zc)
            r = torch.sigmoid(self.Wr @ zc)
            hh = torch.tanh(self.W @ torch.cat([r * hp, xt]))
            return (1 - z) * hp + z * hh

    return Cell()


# stored file id 62059430157 (Chinese reading note on Karpathy's RNN post, section 3). Elman RNN with no biases:
# W_hh (h x h), W_xh (h x x), output W_hy (y x h). h^2 + h*x + y*h.
@_export
def h26f_zhkarpathynote_rnn(x=7, h=5, y=9):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_hh, self.W_xh, self.W_hy = _p(h, h), _p(h, x), _p(y, h)

        def forward(self, xt, hp):
            ht = torch.tanh(self.W_hh @ hp + self.W_xh @ xt)
            return ht, self.W_hy @ ht

    return Cell()
