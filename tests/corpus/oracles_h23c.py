import torch
from torch import nn

__all__ = []


def _export(f):
    __all__.append(f.__name__)
    return f


def _p(*shape):
    return nn.Parameter(torch.randn(*shape) * 0.1)


# stored file id 49237263558 (Japanese E-shikaku study report "LSTM", sections CEC .. 覗き穴結合). Marked
# refuse: only c(t) = i(t)a(t) + f(t)c(t-1) is written. Most plausible reading: each of the input gate i,
# forget gate f, output gate o and the input computation a has W (h x x) on the input, U (h x h) on the
# previous output and a bias b. 4h(x + h + 1).
@_export
def h23c_eshikaku_lstm(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            for g in "ifoa":
                setattr(self, "W_" + g, _p(h, x))
                setattr(self, "U_" + g, _p(h, h))
                setattr(self, "b_" + g, _p(h))

        def _lin(self, g, xt, hp):
            return getattr(self, "W_" + g) @ xt + getattr(self, "U_" + g) @ hp + getattr(self, "b_" + g)

        def forward(self, xt, state):
            hp, cp = state
            i = torch.sigmoid(self._lin("i", xt, hp))
            f = torch.sigmoid(self._lin("f", xt, hp))
            o = torch.sigmoid(self._lin("o", xt, hp))
            a = torch.tanh(self._lin("a", xt, hp))
            c = i * a + f * cp
            return o * torch.tanh(c), c

    return Cell()


# stored file id 71620206556 (Korean Obsidian note "LSTM (Long Short-Term Memory)", section II, Mermaid node
# labels). Forget, input, candidate and output: W_f, W_i, W_c, W_o (h x (h + x)) on the concatenation [h,x]
# and b_f, b_i, b_c, b_o (h). 4h(h + x + 1).
@_export
def h23c_kolstm_mermaid(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_f, self.b_f = _p(h, h + x), _p(h)
            self.W_i, self.b_i = _p(h, h + x), _p(h)
            self.W_c, self.b_c = _p(h, h + x), _p(h)
            self.W_o, self.b_o = _p(h, h + x), _p(h)

        def forward(self, xt, state):
            hp, Cp = state
            hx = torch.cat([hp, xt])
            f = torch.sigmoid(self.W_f @ hx + self.b_f)
            i = torch.sigmoid(self.W_i @ hx + self.b_i)
            Ct_ = torch.tanh(self.W_c @ hx + self.b_c)
            o = torch.sigmoid(self.W_o @ hx + self.b_o)
            C = f * Cp + i * Ct_
            return o * torch.tanh(C), C

    return Cell()


# stored file id 53654099891 (Vietnamese presentation script, PHẦN 3 GRU). Marked refuse: only
# h(t) = (1 - z(t)) h(t-1) + z(t) h~(t) is written. Most plausible reading: the standard GRU, reset r, update z
# and candidate each with W (h x x), U (h x h) and a bias. 3h(x + h + 1).
@_export
def h23c_videmo_gru(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_r, self.U_r, self.b_r = _p(h, x), _p(h, h), _p(h)
            self.W_z, self.U_z, self.b_z = _p(h, x), _p(h, h), _p(h)
            self.W_h, self.U_h, self.b_h = _p(h, x), _p(h, h), _p(h)

        def forward(self, xt, hp):
            r = torch.sigmoid(self.W_r @ xt + self.U_r @ hp + self.b_r)
            z = torch.sigmoid(self.W_z @ xt + self.U_z @ hp + self.b_z)
            ht_ = torch.tanh(self.W_h @ xt + self.U_h @ (r * hp) + self.b_h)
            return (1 - z) * hp + z * ht_

    return Cell()


# stored file id 27919921794 (Chinese "经典神经网络架构参考", 5.4 LSTM 单元, Graphviz DOT labels). Row-vector
# batches: W[f], W[i], W[c], W[o] (NIn x NOut), U[f], U[i], U[c], U[o] (NOut x NOut), b[f], b[i], b[c], b[o]
# (NOut). H[t] = C[t] * tanh(O[t]) as the label writes it. 4 NOut (NIn + NOut + 1).
@_export
def h23c_zhdot_lstm(NIn=7, NOut=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            for g in "fico":
                setattr(self, "W_" + g, _p(NIn, NOut))
                setattr(self, "U_" + g, _p(NOut, NOut))
                setattr(self, "b_" + g, _p(NOut))

        def _lin(self, g, X, H):
            return X @ getattr(self, "W_" + g) + H @ getattr(self, "U_" + g) + getattr(self, "b_" + g)

        def forward(self, X, state):
            H, C = state
            F = torch.sigmoid(self._lin("f", X, H))
            I = torch.sigmoid(self._lin("i", X, H))
            CC = torch.tanh(self._lin("c", X, H))
            O = torch.sigmoid(self._lin("o", X, H))
            C = F * C + I * CC
            return C * torch.tanh(O), C

    return Cell()


# stored file id 27919921794 (same document, 5.5 GRU 单元). W[z], W[r], W[h] (NIn x NOut); the recurrent weights
# U[x] (update gate, as written), U[r], U[h] (NOut x NOut); b[z], b[r], b[h] (NOut). 3 NOut (NIn + NOut + 1).
@_export
def h23c_zhdot_gru(NIn=7, NOut=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_z, self.U_x, self.b_z = _p(NIn, NOut), _p(NOut, NOut), _p(NOut)
            self.W_r, self.U_r, self.b_r = _p(NIn, NOut), _p(NOut, NOut), _p(NOut)
            self.W_h, self.U_h, self.b_h = _p(NIn, NOut), _p(NOut, NOut), _p(NOut)

        def forward(self, X, H):
            Z = torch.sigmoid(X @ self.W_z + H @ self.U_x + self.b_z)
            R = torch.sigmoid(X @ self.W_r + H @ self.U_r + self.b_r)
            HC = torch.tanh(X @ self.W_h + (H * R) @ self.U_h + self.b_h)
            return (1 - Z) * H + Z * HC

    return Cell()


# fumishiki/zenn:articles/ml-lecture-09-part1.md (Japanese Zenn lecture 第9回, 3.3.3 LSTM). Row-vector
# convention: W_{xf}, W_{xi}, W_{xo}, W_{xc} (x x h), W_{hf}, W_{hi}, W_{ho}, W_{hc} (h x h), b_f, b_i, b_o,
# b_c (h). 4h(x + h + 1).
@_export
def h23c_zenn09_lstm(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            for g in "fioc":
                setattr(self, "W_x" + g, _p(x, h))
                setattr(self, "W_h" + g, _p(h, h))
                setattr(self, "b_" + g, _p(h))

        def _lin(self, g, xt, hp):
            return xt @ getattr(self, "W_x" + g) + hp @ getattr(self, "W_h" + g) + getattr(self, "b_" + g)

        def forward(self, xt, state):
            hp, cp = state
            f = torch.sigmoid(self._lin("f", xt, hp))
            i = torch.sigmoid(self._lin("i", xt, hp))
            o = torch.sigmoid(self._lin("o", xt, hp))
            ct_ = torch.tanh(self._lin("c", xt, hp))
            c = f * cp + i * ct_
            return o * torch.tanh(c), c

    return Cell()


# fumishiki/zenn:articles/ml-lecture-09-part1.md (same section, GRU block). No biases: W_{xr}, W_{xz}, W_{xh}
# (x x h), W_{hr}, W_{hz}, W_{hh} (h x h). 3h(x + h).
@_export
def h23c_zenn09_gru(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_xr, self.W_hr = _p(x, h), _p(h, h)
            self.W_xz, self.W_hz = _p(x, h), _p(h, h)
            self.W_xh, self.W_hh = _p(x, h), _p(h, h)

        def forward(self, xt, hp):
            r = torch.sigmoid(xt @ self.W_xr + hp @ self.W_hr)
            z = torch.sigmoid(xt @ self.W_xz + hp @ self.W_hz)
            ht_ = torch.tanh(xt @ self.W_xh + (r * hp) @ self.W_hh)
            return (1 - z) * hp + z * ht_

    return Cell()


# aivivn/d2l-vn:chapter_recurrent-modern/gru_vn.md (Vietnamese d2l GRU). Row convention: W_{xr}, W_{xz}, W_{xh}
# (d x h), W_{hr}, W_{hz}, W_{hh} (h x h), b_r, b_z, b_h (1 x h). 3h(d + h + 1).
@_export
def h23c_d2lvn_gru(d=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_xr, self.W_hr, self.b_r = _p(d, h), _p(h, h), _p(1, h)
            self.W_xz, self.W_hz, self.b_z = _p(d, h), _p(h, h), _p(1, h)
            self.W_xh, self.W_hh, self.b_h = _p(d, h), _p(h, h), _p(1, h)

        def forward(self, X, H):
            R = torch.sigmoid(X @ self.W_xr + H @ self.W_hr + self.b_r)
            Z = torch.sigmoid(X @ self.W_xz + H @ self.W_hz + self.b_z)
            Ht = torch.tanh(X @ self.W_xh + (R * H) @ self.W_hh + self.b_h)
            return Z * H + (1 - Z) * Ht

    return Cell()


# datawhalechina/so-large-lm:docs/content/ch03.md (Chinese, 3.3.2.2 递归神经网络, SimpleRNN(h:ℝd, x:ℝd) → ℝd,
# σ(Uh + Vx + b)). U (d x d), V (d x d), b (d). 2d^2 + d.
@_export
def h23c_sollm_simplernn(d=7):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.U, self.V, self.b = _p(d, d), _p(d, d), _p(d)

        def forward(self, x, h):
            return torch.sigmoid(self.U @ h + self.V @ x + self.b)

    return Cell()


# PaddlePaddle/docs:docs/api/paddle/nn/GRU_cn.rst (Chinese API reference of paddle.nn.GRU, num_layers=1,
# direction="forward"). Same parameters as torch's GRU: W_{ir}, W_{iz}, W_{ic} (h x x), W_{hr}, W_{hz}, W_{hc}
# (h x h) and the six biases. 3h(x + h + 2).
@_export
def h23c_paddle_gru(x=7, h=5):
    return nn.GRU(x, h)


# AprendizajeProfundo/Libro-Fundamentos:Redes_Recurrentes/Cuadernos/rnn_Intro_Redes_Recurrentes.ipynb (Spanish,
# cells 8-13). Column-batch convention: W_{hd} (h x d), W_{hh} (h x h), b_h (h x 1) broadcast as B; f taken as a
# parameter-free activation (tanh here). h(d + h + 1).
@_export
def h23c_fundamentos_rnn(d=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_hd, self.W_hh, self.b_h = _p(h, d), _p(h, h), _p(h, 1)

        def forward(self, X, H):
            return torch.tanh(self.W_hd @ X + self.W_hh @ H + self.b_h)

    return Cell()


# d2l-ai/d2l-tr:chapter_recurrent-modern/lstm.md (Turkish d2l LSTM). Row convention: W_{xi}, W_{xf}, W_{xo}, W_{xc}
# (d x h), W_{hi}, W_{hf}, W_{ho}, W_{hc} (h x h), b_i, b_f, b_o, b_c (1 x h). 4h(d + h + 1).
@_export
def h23c_d2ltr_lstm(d=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            for g in "ifoc":
                setattr(self, "W_x" + g, _p(d, h))
                setattr(self, "W_h" + g, _p(h, h))
                setattr(self, "b_" + g, _p(1, h))

        def _lin(self, g, X, H):
            return X @ getattr(self, "W_x" + g) + H @ getattr(self, "W_h" + g) + getattr(self, "b_" + g)

        def forward(self, X, state):
            H, C = state
            I = torch.sigmoid(self._lin("i", X, H))
            F = torch.sigmoid(self._lin("f", X, H))
            O = torch.sigmoid(self._lin("o", X, H))
            Ct = torch.tanh(self._lin("c", X, H))
            C = F * C + I * Ct
            return O * torch.tanh(C), C

    return Cell()


# d2l-ai/d2l-pt:chapter_recurrent-modern/gru.md (Portuguese d2l GRU). Row convention: W_{xr}, W_{xz}, W_{xh}
# (d x h), W_{hr}, W_{hz}, W_{hh} (h x h), b_r, b_z, b_h (1 x h). 3h(d + h + 1).
@_export
def h23c_d2lpt_gru(d=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_xr, self.W_hr, self.b_r = _p(d, h), _p(h, h), _p(1, h)
            self.W_xz, self.W_hz, self.b_z = _p(d, h), _p(h, h), _p(1, h)
            self.W_xh, self.W_hh, self.b_h = _p(d, h), _p(h, h), _p(1, h)

        def forward(self, X, H):
            R = torch.sigmoid(X @ self.W_xr + H @ self.W_hr + self.b_r)
            Z = torch.sigmoid(X @ self.W_xz + H @ self.W_hz + self.b_z)
            Ht = torch.tanh(X @ self.W_xh + (R * H) @ self.W_hh + self.b_h)
            return Z * H + (1 - Z) * Ht

    return Cell()
