import torch
from torch import nn

__all__ = []


def _export(f):
    __all__.append(f.__name__)
    return f


def _p(*shape):
    return nn.Parameter(torch.randn(*shape) * 0.1)


# stored file id 4825646884 (Chinese tutorial chapter 6, "### 6.5.2 GRU公式"). W_z, W_r, W, each
# h x (h + x) over the concatenation [h_{t-1}, x_t]; no biases. 3h(h + x).
@_export
def h28f_zhch6notes_gru(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_z, self.W_r, self.W = _p(h, h + x), _p(h, h + x), _p(h, h + x)

        def forward(self, xt, hp):
            hx = torch.cat([hp, xt])
            z = torch.sigmoid(self.W_z @ hx)
            r = torch.sigmoid(self.W_r @ hx)
            ht = torch.tanh(self.W @ torch.cat([r * hp, xt]))
            return (1 - z) * hp + z * ht

    return Cell()


# stored file id 4825646884 (Chinese tutorial chapter 6, "### 6.4.2 LSTM结构"). W_f, W_i, W_C, W_o, each
# h x (h + x) over [h_{t-1}, x_t], biases b_f, b_i, b_C, b_o (h). 4h(h + x + 1).
def _concat_lstm(x, h):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            for g in "fiCo":
                setattr(self, "W_" + g, _p(h, h + x))
                setattr(self, "b_" + g, _p(h))

        def forward(self, xt, state):
            hp, cp = state
            hx = torch.cat([hp, xt])
            f = torch.sigmoid(self.W_f @ hx + self.b_f)
            i = torch.sigmoid(self.W_i @ hx + self.b_i)
            ct = torch.tanh(self.W_C @ hx + self.b_C)
            c = f * cp + i * ct
            o = torch.sigmoid(self.W_o @ hx + self.b_o)
            return o * torch.tanh(c), c

    return Cell()


@_export
def h28f_zhch6notes_lstm(x=7, h=5):
    return _concat_lstm(x, h)


# stored file id 60288937759 (Chinese concept note "序列模型", LSTM section). REFUSE: \tilde{C}_t is never
# defined. Most plausible reading: the usual candidate tanh(W_C [h_{t-1}, x_t] + b_C) and
# h_t = o_t * tanh(C_t): W_f, W_i, W_o, (W_C) each h x (h + x), biases. 4h(h + x + 1).
@_export
def h28f_zhseqconcept_lstm(x=7, h=5):
    return _concat_lstm(x, h)


# stored file id 31159548065 (Chinese blog article, "## 3.2 LSTM基本概念与算法原理"). Per gate k in
# i, f, o, g: W_{ik} (h x x), W_{hk} (h x h), one bias b_k (h). 4h(x + h + 1).
@_export
def h28f_zhaiblog_lstm(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            for g in "ifog":
                setattr(self, "W_i" + g, _p(h, x))
                setattr(self, "W_h" + g, _p(h, h))
                setattr(self, "b_" + g, _p(h))

        def gate(self, g, xt, hp):
            return getattr(self, "W_i" + g) @ xt + getattr(self, "W_h" + g) @ hp + getattr(self, "b_" + g)

        def forward(self, xt, state):
            hp, cp = state
            i = torch.sigmoid(self.gate("i", xt, hp))
            f = torch.sigmoid(self.gate("f", xt, hp))
            o = torch.sigmoid(self.gate("o", xt, hp))
            g = torch.tanh(self.gate("g", xt, hp))
            c = f * cp + i * g
            return o * torch.tanh(c), c

    return Cell()


# stored file id 31159548065 (Chinese blog article, "## 3.3 GRU基本概念与算法原理"). REFUSE: the candidate
# reads an undefined \tilde{x_t}. Most plausible reading \tilde{x_t} = x_t: W_{zz} (h x x), W_{hz} (h x h),
# b_z; W_{rr}, W_{hr}, b_r; W_{xh}, W_{hh}, b_h. 3h(x + h + 1).
@_export
def h28f_zhaiblog_gru(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_zz, self.W_hz, self.b_z = _p(h, x), _p(h, h), _p(h)
            self.W_rr, self.W_hr, self.b_r = _p(h, x), _p(h, h), _p(h)
            self.W_xh, self.W_hh, self.b_h = _p(h, x), _p(h, h), _p(h)

        def forward(self, xt, hp):
            z = torch.sigmoid(self.W_zz @ xt + self.W_hz @ hp + self.b_z)
            r = torch.sigmoid(self.W_rr @ xt + self.W_hr @ hp + self.b_r)
            ht = torch.tanh(self.W_xh @ xt + self.W_hh @ (r * hp) + self.b_h)
            return (1 - z) * hp + z * ht

    return Cell()


# stored file id 58636624789 (English GRU note, "## The Math"). W_r, W_z, W_h, each h x (h + x) over
# [h_{t-1}, x_t] (the candidate over [r_t * h_{t-1}, x_t]), biases b_r, b_z, b_h. 3h(h + x + 1).
@_export
def h28f_obsnote_gru(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_r, self.b_r = _p(h, h + x), _p(h)
            self.W_z, self.b_z = _p(h, h + x), _p(h)
            self.W_h, self.b_h = _p(h, h + x), _p(h)

        def forward(self, xt, hp):
            hx = torch.cat([hp, xt])
            r = torch.sigmoid(self.W_r @ hx + self.b_r)
            z = torch.sigmoid(self.W_z @ hx + self.b_z)
            ht = torch.tanh(self.W_h @ torch.cat([r * hp, xt]) + self.b_h)
            return (1 - z) * hp + z * ht

    return Cell()


# Andrew Ng course GRU: W_c, W_u, W_r each c x (c + x) over [c^{<t-1>}, x^{<t>}], biases b_c, b_u, b_r.
# 3c(c + x + 1). reset_outside: the relevance gate multiplies the whole product W_c[...] instead of
# c^{<t-1>} inside the brackets.
def _ng_gru(c, x, reset_outside=False):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_c, self.b_c = _p(c, c + x), _p(c)
            self.W_u, self.b_u = _p(c, c + x), _p(c)
            self.W_r, self.b_r = _p(c, c + x), _p(c)

        def forward(self, xt, cp):
            cx = torch.cat([cp, xt])
            u = torch.sigmoid(self.W_u @ cx + self.b_u)
            r = torch.sigmoid(self.W_r @ cx + self.b_r)
            if reset_outside:
                ct = torch.tanh(r * (self.W_c @ cx) + self.b_c)
            else:
                ct = torch.tanh(self.W_c @ torch.cat([r * cp, xt]) + self.b_c)
            return u * ct + (1 - u) * cp

    return Cell()


# Andrew Ng course LSTM: W_c, W_u, W_f, W_o each c x (c + x) (a^{<t>} = Gamma_o * c^{<t>} has the size of
# c), biases b_c, b_u, b_f, b_o. 4c(c + x + 1). cand_reads_c / out_reads_c: which of the candidate or the
# output gate reads c^{<t-1>} in place of a^{<t-1>} (same size).
def _ng_lstm(c, x, cand_reads_c=False, out_reads_c=False, tanh_out=False):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            for g in "cufo":
                setattr(self, "W_" + g, _p(c, c + x))
                setattr(self, "b_" + g, _p(c))

        def forward(self, xt, state):
            ap, cp = state
            ax, cx = torch.cat([ap, xt]), torch.cat([cp, xt])
            ct = torch.tanh(self.W_c @ (cx if cand_reads_c else ax) + self.b_c)
            u = torch.sigmoid(self.W_u @ ax + self.b_u)
            f = torch.sigmoid(self.W_f @ ax + self.b_f)
            o = torch.sigmoid(self.W_o @ (cx if out_reads_c else ax) + self.b_o)
            cn = u * ct + f * cp
            return o * (torch.tanh(cn) if tanh_out else cn), cn

    return Cell()


# stored file id 1856662476 (English Sequence Models notes, "### Gated Recurrent Units (GRU)"). Gamma_r
# multiplies W_c[c^{<t-1>}, x^{<t>}]. W_c, W_r, W_u (c x (c + x)), b_c, b_r, b_u. 3c(c + x + 1).
@_export
def h28f_seqmodnotes_gru(c=5, x=7):
    return _ng_gru(c, x, reset_outside=True)


# stored file id 1856662476 (English Sequence Models notes, "### Long Short Term Memory (LSTM)", the LSTM
# column of the table; Gamma_o reads c^{<t-1>}). W_c, W_u, W_f, W_o (c x (c + x)), biases. 4c(c + x + 1).
@_export
def h28f_seqmodnotes_lstm(c=5, x=7):
    return _ng_lstm(c, x, out_reads_c=True)


# stored file id 759690816 (English Sequence Models lecture notes, "Full GRU: (with $\Gamma_R$)"; Gamma_R
# read as the Gamma_r defined below). W_c, W_u, W_r (c x (c + x)), b_c, b_u, b_r. 3c(c + x + 1).
@_export
def h28f_coursenotes5_gru(c=5, x=7):
    return _ng_gru(c, x)


# stored file id 759690816 ("#### 10 - Long Short Term Memory (LSTM)", LSTM column). REFUSE: the
# candidate uses an undefined Gamma_R. Plausible reading taken here: Gamma_R a slip, candidate
# tanh(W_c[a^{<t-1>}, x^{<t>}] + b_c); W_c, W_u, W_f, W_o and biases, 4c(c + x + 1) (with a reset gate
# borrowed from the GRU column it would be 5c(c + x + 1)).
@_export
def h28f_coursenotes5_lstm(c=5, x=7):
    return _ng_lstm(c, x)


# stored file id 42332498072 (Chinese blog, leyuan/blog images, full GRU). W_u, W_r, W_c (c x (c + x)),
# biases bu, br, b_c. 3c(c + x + 1).
@_export
def h28f_leyuanblog_gru(c=5, x=7):
    return _ng_gru(c, x)


# stored file id 42332498072 (Chinese blog, "### LSTM(Long Short Term Memory)"). W_c, W_u, W_f, W_o
# (c x (c + x)), biases. 4c(c + x + 1).
@_export
def h28f_leyuanblog_lstm(c=5, x=7):
    return _ng_lstm(c, x)


# stored file id 17206457378 (English Jekyll notes, "### LSTM"; the candidate reads c^{<t-1>}). W_c, W_u,
# W_f, W_o (c x (c + x)), biases. 4c(c + x + 1).
@_export
def h28f_seqjekyll_lstm(c=5, x=7):
    return _ng_lstm(c, x, cand_reads_c=True)


# stored file id 17206457378 (English Jekyll notes, "The Full GRU:"). W_c, W_u, W_r (c x (c + x)),
# b_c, b_u, b_r. 3c(c + x + 1).
@_export
def h28f_seqjekyll_gru(c=5, x=7):
    return _ng_gru(c, x)


# stored file id 67340694170 (English interview-prep chapter, "## 3. Mathematical Foundation", LSTM code
# block). W_f, W_i, W_g, W_o, each h x (h + x) over [hₜ₋₁, xₜ], biases b_f, b_i, b_g, b_o. 4h(h + x + 1).
@_export
def h28f_interviewch_lstm(x=7, h=5):
    return _concat_lstm(x, h)


# stored file id 67340694170 (same chapter, "GRU (the two-gate variant)"). W_z, W_r, W, each h x (h + x),
# no biases. 3h(h + x).
@_export
def h28f_interviewch_gru(x=7, h=5):
    return h28f_zhch6notes_gru(x=x, h=h)


# https://library.kiwix.org/datascience.stackexchange.com_en_all_2021-04/A/question/14581.html (Data Science
# SE answer, "FULL GRU Unit"). W_c, W_u, W_r (c x (c + x)) over [c_{t-1}, x_t], b_c, b_u, b_r. 3c(c + x + 1).
@_export
def h28f_dsse14581_gru(c=5, x=7):
    return _ng_gru(c, x)


# same answer, "LSTM Unit": W_c, W_u, W_f, W_o (c x (c + x)) over [a_{t-1}, x_t], biases; a_t = G_o * tanh(c_t).
# 4c(c + x + 1).
@_export
def h28f_dsse14581_lstm(c=5, x=7):
    return _ng_lstm(c, x, tanh_out=True)


# https://isaacchanghau.github.io/post/lstm-gru-formula/ ("### LSTM", biases ignored). Row-vector form
# x_t U^k + h_{t-1} W^k for k in i, f, o, g: U^k (x x h), W^k (h x h); no biases. 4h(x + h).
@_export
def h28f_isaacblog_lstm(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            for g in "ifog":
                setattr(self, "U_" + g, _p(x, h))
                setattr(self, "W_" + g, _p(h, h))

        def pre(self, g, xt, hp):
            return xt @ getattr(self, "U_" + g) + hp @ getattr(self, "W_" + g)

        def forward(self, xt, state):
            hp, cp = state
            i = torch.sigmoid(self.pre("i", xt, hp))
            f = torch.sigmoid(self.pre("f", xt, hp))
            o = torch.sigmoid(self.pre("o", xt, hp))
            ct = torch.tanh(self.pre("g", xt, hp))
            c = torch.sigmoid(f * cp + i * ct)
            return torch.tanh(c) * o, c

    return Cell()


# https://www.fromkk.com/posts/lstm-and-gru/ ("## LSTM"). W_f, W_i, W_o, W_C, each h x (h + x) over
# [h_{t-1}, x_t], biases b_f, b_i, b_o, b_C. 4h(h + x + 1).
@_export
def h28f_fromkk_lstm(x=7, h=5):
    return _concat_lstm(x, h)


# same post, "## GRU": W_z, W_r, W, each h x (h + x), no biases. 3h(h + x).
@_export
def h28f_fromkk_gru(x=7, h=5):
    return h28f_zhch6notes_gru(x=x, h=h)


# stored file id 59586777223 (Chinese design doc, "ContextRNN ... (minGRU)"). W_in (x x query_embedding,
# 256 x 1536), W_z (h x x), W_h (h x x), no biases; h = x = 256 as the text fixes.
# x*q + 2*h*x = 256*1536 + 2*256*256 = 524288.
@_export
def h28f_pedsadoc_mingru(query_embedding=1536, x=256, h=256):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_in = _p(x, query_embedding)
            self.W_z, self.W_h = _p(h, x), _p(h, x)

        def forward(self, q, hp):
            xt = self.W_in @ q
            z = torch.sigmoid(self.W_z @ xt)
            ht = self.W_h @ xt
            return (1 - z) * hp + z * ht

    return Cell()


# Elman RNN with an output layer: W_hh (h x h), W_xh (h x x), b_h (h); W_hy (y x h), b_y (y).
# h(h + x + 1) + y(h + 1).
def _elman_out(x, h, y, softmax=False):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_hh, self.W_xh, self.b_h = _p(h, h), _p(h, x), _p(h)
            self.W_hy, self.b_y = _p(y, h), _p(y)

        def forward(self, xt, hp):
            ht = torch.tanh(self.W_hh @ hp + self.W_xh @ xt + self.b_h)
            yt = self.W_hy @ ht + self.b_y
            return ht, (torch.softmax(yt, -1) if softmax else yt)

    return Cell()


# stored file id 9951045421 (French slides script, "SLIDE 5-7 : RNN - ARCHITECTURE"). Wₕₕ, Wₓₕ, bₕ, Wₕᵧ, bᵧ.
# h(h + x + 1) + y(h + 1).
@_export
def h28f_frslides_rnn(x=7, h=5, y=3):
    return _elman_out(x, h, y)


# stored file id 20004958189 (English RNN notes, "Step-by-Step RNN Working"). Wₓₕ, Wₕₕ, bₕ, Wₕy, bᵧ (softmax
# output). h(h + x + 1) + y(h + 1).
@_export
def h28f_ivannotes_rnn(x=7, h=5, y=3):
    return _elman_out(x, h, y, softmax=True)
