import torch
from torch import nn

__all__ = []


def _export(f):
    __all__.append(f.__name__)
    return f


def _p(*shape):
    return nn.Parameter(torch.randn(*shape) * 0.1)


# https://kshirol-dev.github.io/learnAI/AIFundamentals/08-rnns-and-sequences-high-level.html (Simplified Gates).
# GRU with no biases, every weight on the concatenation [h_{t-1}, x_t]: W_r, W_z, W (each h x (h + x)).
# 3h(h + x).
@_export
def h22f_kshirol_gru(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_r, self.W_z, self.W = _p(h, h + x), _p(h, h + x), _p(h, h + x)

        def forward(self, xt, hp):
            hx = torch.cat([hp, xt], -1)
            r = torch.sigmoid(hx @ self.W_r.T)
            z = torch.sigmoid(hx @ self.W_z.T)
            ht = torch.tanh(torch.cat([r * hp, xt], -1) @ self.W.T)
            return (1 - z) * hp + z * ht

    return Cell()


# stored file id 15604231603 (Russian Obsidian LSTM note, ### Forward). Marked refuse: the gate lines all use
# W_o, the expansion uses W_f, W_i, W_C, W_o. Most plausible reading: four weights on the row vector
# [x_t, h_{t-1}] ((x + h) x h each) and four biases b_o, b_i, b_C, b_t (the forget bias as written).
# 4((x + h)h + h).
@_export
def h22f_rulstm_lstm(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_f, self.W_i, self.W_C, self.W_o = (_p(x + h, h) for _ in range(4))
            self.b_t, self.b_i, self.b_C, self.b_o = (_p(h) for _ in range(4))

        def forward(self, xt, state):
            hp, cp = state
            v = torch.cat([xt, hp], -1)
            f = torch.sigmoid(v @ self.W_f + self.b_t)
            i = torch.sigmoid(v @ self.W_i + self.b_i)
            ct = torch.tanh(v @ self.W_C + self.b_C)
            o = torch.sigmoid(v @ self.W_o + self.b_o)
            c = f * cp + i * ct
            return o * torch.tanh(c), c

    return Cell()


# stored file id 34148873896 ("# RNN Models", ### GRU pseudo-code). Input weights U['u'], U['r'], U['h'] (x x s,
# row-vector x[t] * U) and recurrent weights W['u'], W['r'], W['h'] (s x s); no biases; dot(...) read as the
# elementwise product. 3(xs + s^2).
@_export
def h22f_rnnmodels_gru(x=7, s=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.U = nn.ParameterDict({k: _p(x, s) for k in "urh"})
            self.W = nn.ParameterDict({k: _p(s, s) for k in "urh"})

        def forward(self, xt, sp):
            u = torch.sigmoid(xt @ self.U["u"] + sp @ self.W["u"])
            r = torch.sigmoid(xt @ self.U["r"] + sp @ self.W["r"])
            h = torch.tanh(xt @ self.U["h"] + (sp * r) @ self.W["h"])
            return (1 - u) * h + u * sp

    return Cell()


# sjkim-icd/sjkim-icd.github.io:_posts/deep_learning/2023-08-13-RNN_LSTM_GRU.md (Korean blog, LSTM sections).
# Marked refuse (equations only as images, incomplete symbol list). Most plausible reading: a standard LSTM with
# input weights W(x*) (h x x), recurrent weights W(h*) (h x h) and one bias per gate (f, i, g, o).
# 4(hx + h^2 + h).
@_export
def h22f_sjkim_lstm(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_x = nn.ParameterDict({k: _p(h, x) for k in "figo"})
            self.W_h = nn.ParameterDict({k: _p(h, h) for k in "figo"})
            self.b = nn.ParameterDict({k: _p(h) for k in "figo"})

        def forward(self, xt, state):
            hp, cp = state
            a = {k: xt @ self.W_x[k].T + hp @ self.W_h[k].T + self.b[k] for k in "figo"}
            f, i, o = torch.sigmoid(a["f"]), torch.sigmoid(a["i"]), torch.sigmoid(a["o"])
            c = f * cp + i * torch.tanh(a["g"])
            return o * torch.tanh(c), c

    return Cell()


# stomioka/deeplearning:docs/111-lstm.md (## LSTM Cell in code, lstm_cell_forward). Wf, Wi, Wc, Wo (n_a x (n_a + n_x)),
# bf, bi, bc, bo (n_a x 1), and the prediction layer the cell step computes: Wy (n_y x n_a), by (n_y x 1).
# 4 n_a (n_a + n_x + 1) + n_y (n_a + 1).
@_export
def h22f_stomioka_lstm(n_x=7, n_a=5, n_y=3):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.Wf, self.Wi, self.Wc, self.Wo = (_p(n_a, n_a + n_x) for _ in range(4))
            self.bf, self.bi, self.bc, self.bo = (_p(n_a, 1) for _ in range(4))
            self.Wy, self.by = _p(n_y, n_a), _p(n_y, 1)

        def forward(self, xt, state):
            a_prev, c_prev = state  # column vectors (n, m)
            concat = torch.cat([a_prev, xt], 0)
            ft = torch.sigmoid(self.Wf @ concat + self.bf)
            it = torch.sigmoid(self.Wi @ concat + self.bi)
            cct = torch.tanh(self.Wc @ concat + self.bc)
            c_next = ft * c_prev + it * cct
            ot = torch.sigmoid(self.Wo @ concat + self.bo)
            a_next = ot * torch.tanh(c_next)
            yt_pred = torch.softmax(self.Wy @ a_next + self.by, 0)
            return a_next, c_next, yt_pred

    return Cell()


# https://datascience.stackexchange.com/posts/17491/revisions (GRU, Colah's form and Cho et al.'s form; both
# without biases and both with the same count). Colah's form: W_z, W_r, W (each h x (h + x)) on [h_{t-1}, x_t];
# Cho's form splits each into W (h x x) and U (h x h). 3h(h + x).
@_export
def h22f_dsse_gru(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_z, self.W_r, self.W = _p(h, h + x), _p(h, h + x), _p(h, h + x)

        def forward(self, xt, hp):
            z = torch.sigmoid(torch.cat([hp, xt], -1) @ self.W_z.T)
            r = torch.sigmoid(torch.cat([hp, xt], -1) @ self.W_r.T)
            ht = torch.tanh(torch.cat([r * hp, xt], -1) @ self.W.T)
            return (1 - z) * hp + z * ht

    return Cell()


# wiseodd/wiseodd.github.io:_posts/2016-08-12-lstm-backprop.md (LSTM Forward). Z = H + D; Wf, Wi, Wc, Wo (Z x H),
# bf, bi, bc, bo (1 x H), and the softmax layer Wy (H x D), by (1 x D). The text binds H = 128.
# 4(ZH + H) + HD + D with Z = H + D.
@_export
def h22f_wiseodd_lstm(H=128, D=7):
    Z = H + D

    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.Wf, self.Wi, self.Wc, self.Wo = (_p(Z, H) for _ in range(4))
            self.bf, self.bi, self.bc, self.bo = (_p(1, H) for _ in range(4))
            self.Wy, self.by = _p(H, D), _p(1, D)

        def forward(self, x_one_hot, state):
            h_old, c_old = state
            X = torch.cat([h_old, x_one_hot], -1)
            hf = torch.sigmoid(X @ self.Wf + self.bf)
            hi = torch.sigmoid(X @ self.Wi + self.bi)
            ho = torch.sigmoid(X @ self.Wo + self.bo)
            hc = torch.tanh(X @ self.Wc + self.bc)
            c = hf * c_old + hi * hc
            h = ho * torch.tanh(c)
            prob = torch.softmax(h @ self.Wy + self.by, -1)
            return prob, (h, c)

    return Cell()


# hoangcuong2011/Good-Papers:Variable Computation in Recurrent Neural Networks.md (review of the VCRNN). h_t uses
# U, V ("D-dimensional matrices", D x D: v x_t is a scalar with v a D-vector, so x_t is D-dimensional); the budget
# network m_t uses the D-vectors u, v. No biases. 2D^2 + 2D.
@_export
def h22f_vcrnn(D=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.U, self.V = _p(D, D), _p(D, D)
            self.u, self.v = _p(D), _p(D)

        def forward(self, xt, hp):
            m = torch.tanh(hp @ self.u + xt @ self.v)  # a real number per example
            h_full = torch.tanh(hp @ self.U.T + xt @ self.V.T)
            k = int(torch.clamp(m.mean(), 0, 1).item() * D)  # partial update of the first m_t D dimensions
            h = hp.clone()
            h[..., :k] = h_full[..., :k]
            return h

    return Cell()


# https://github.com/SEUNKOREA/TIL (GRU.ipynb, class GRU). Two fused weights: Wx (x x 3H) and Wh (H x 3H), sliced into
# the z, r and candidate blocks; no biases. 3H(x + H).
@_export
def h22f_seuntil_gru(x=7, H=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.Wx, self.Wh = _p(x, 3 * H), _p(H, 3 * H)

        def forward(self, xt, h_prev):
            Wxz, Wxr, Wxh = self.Wx[:, :H], self.Wx[:, H:2 * H], self.Wx[:, 2 * H:]
            Whz, Whr, Whh = self.Wh[:, :H], self.Wh[:, H:2 * H], self.Wh[:, 2 * H:]
            z = torch.sigmoid(xt @ Wxz + h_prev @ Whz)
            r = torch.sigmoid(xt @ Wxr + h_prev @ Whr)
            h_hat = torch.tanh(xt @ Wxh + (r * h_prev) @ Whh)
            return (1 - z) * h_prev + z * h_hat

    return Cell()


# stored file id 41708402999 ("# Day 32: Long Short-Term Memory (LSTM)" README). W_f, W_i, W_C, W_o on the
# concatenation [h_{t-1}, x_t] (h x (h + x) each) and b_f, b_i, b_C, b_o. 4(h(h + x) + h).
@_export
def h22f_day32_lstm(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_f, self.W_i, self.W_C, self.W_o = (_p(h, h + x) for _ in range(4))
            self.b_f, self.b_i, self.b_C, self.b_o = (_p(h) for _ in range(4))

        def forward(self, xt, state):
            hp, cp = state
            v = torch.cat([hp, xt], -1)
            f = torch.sigmoid(v @ self.W_f.T + self.b_f)
            i = torch.sigmoid(v @ self.W_i.T + self.b_i)
            ct = torch.tanh(v @ self.W_C.T + self.b_C)
            c = f * cp + i * ct
            o = torch.sigmoid(v @ self.W_o.T + self.b_o)
            return o * torch.tanh(c), c

    return Cell()


# https://whosebug.com/question/4913560/What-do-W-and-U-notate-in-a-GRU (Chinese translation of SO 59903406).
# Marked refuse: only the update gate is written. Most plausible reading: the Wikipedia GRU the asker quotes,
# z and r with W (h x x) and U (h x h), the candidate with W, U; no biases written. 3h(x + h).
@_export
def h22f_whosebug_gru(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W = nn.ParameterDict({k: _p(h, x) for k in "zrh"})
            self.U = nn.ParameterDict({k: _p(h, h) for k in "zrh"})

        def forward(self, xt, hp):
            z = torch.sigmoid(xt @ self.W["z"].T + hp @ self.U["z"].T)
            r = torch.sigmoid(xt @ self.W["r"].T + hp @ self.U["r"].T)
            ht = torch.tanh(xt @ self.W["h"].T + (r * hp) @ self.U["h"].T)
            return (1 - z) * hp + z * ht

    return Cell()
