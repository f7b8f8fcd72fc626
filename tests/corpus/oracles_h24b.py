import torch
from torch import nn

__all__ = []


def _export(f):
    __all__.append(f.__name__)
    return f


def _p(*shape):
    return nn.Parameter(torch.randn(*shape) * 0.1)


# stored file id 25359524579 (Ghent "Lecture 11: Sequence Models", Slide 15). h_t = tanh(W_hh h_{t-1} + W_xh x_t),
# no bias; the worked example fixes Hidden dim = 2, Input dim = 3 (W_xh 3x2, W_hh 2x2). Count h*h + x*h = 4 + 6 = 10.
@_export
def h24b_ghentl11_rnn(x=3, h=2):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_hh, self.W_xh = _p(h, h), _p(x, h)

        def forward(self, xt, hp):
            return torch.tanh(hp @ self.W_hh + xt @ self.W_xh)

    return Cell()


# stored file id 25566810197 (Ghent "Lecture 12: Advanced Sequence Models", Slide 10). Forward W_fh (h x h),
# W_fx (h x x), b_f; backward W_bh, W_bx, b_b; output W_y (y x 2h), b_y. f, g activations.
# Count 2(h*h + h*x + h) + y*2h + y.
@_export
def h24b_ghentl12_birnn(x=7, h=5, y=4):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_fh, self.W_fx, self.b_f = _p(h, h), _p(h, x), _p(h)
            self.W_bh, self.W_bx, self.b_b = _p(h, h), _p(h, x), _p(h)
            self.W_y, self.b_y = _p(y, 2 * h), _p(y)

        def forward(self, xt, hf_prev, hb_next):
            hf = torch.tanh(self.W_fh @ hf_prev + self.W_fx @ xt + self.b_f)
            hb = torch.tanh(self.W_bh @ hb_next + self.W_bx @ xt + self.b_b)
            return torch.softmax(self.W_y @ torch.cat([hf, hb]) + self.b_y, -1), hf, hb

    return Cell()


# stored file id 29462221644 (teaching docstring "LSTM (Long Short-Term Memory) Architecture", 6. MATHEMATICAL
# FORMULATION). Wf, Wi, Wc, Wo each h x (h + x) on [h_{t-1}, x_t], biases bf, bi, bc, bo; output Wy (y x h), by.
# Count 4h(h + x + 1) + y(h + 1).
@_export
def h24b_lstmdoc_lstm(x=7, h=5, y=3):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.Wf, self.bf = _p(h, h + x), _p(h)
            self.Wi, self.bi = _p(h, h + x), _p(h)
            self.Wc, self.bc = _p(h, h + x), _p(h)
            self.Wo, self.bo = _p(h, h + x), _p(h)
            self.Wy, self.by = _p(y, h), _p(y)

        def forward(self, xt, state):
            hp, cp = state
            v = torch.cat([hp, xt])
            f = torch.sigmoid(self.Wf @ v + self.bf)
            i = torch.sigmoid(self.Wi @ v + self.bi)
            ct_ = torch.tanh(self.Wc @ v + self.bc)
            o = torch.sigmoid(self.Wo @ v + self.bo)
            c = f * cp + i * ct_
            ht = o * torch.tanh(c)
            return self.Wy @ ht + self.by, (ht, c)

    return Cell()


# stored file id 40214887103 ("Convolutional LSTM" study note). Marked refuse: kernel sizes and grid size unknown,
# candidate/cell/hidden equations missing. Plausible reading: x, h channels, 3x3 kernels, W^x (3h x x x 3 x 3),
# W^h (3h x h x 3 x 3) for the stacked i, f, o gates, peephole W^c on a 4x4 grid (3h x 4 x 4), bias b (3h).
@_export
def h24b_convlstmnote_convlstm(x=3, h=4, k=3, grid=4):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.Wx = nn.Conv2d(x, 3 * h, k, padding=k // 2, bias=False)
            self.Wh = nn.Conv2d(h, 3 * h, k, padding=k // 2, bias=False)
            self.Wc = _p(3 * h, grid, grid)
            self.b = _p(3 * h, 1, 1)

        def forward(self, xt, ht, ct):
            g = torch.sigmoid(self.Wx(xt) + self.Wh(ht) + self.Wc * ct.repeat(1, 3, 1, 1) + self.b)
            return g.chunk(3, 1)

    return Cell()


# stored file id 16677906701 (Obsidian xLSTM note, sLSTM scalar version, hidden dimensionality 1).
# w_z, w_i, w_f, w_o in R^n; r_z, r_i, r_f, r_o and b_z, b_i, b_f, b_o scalars. Count 4n + 8.
@_export
def h24b_xlstmnote_slstm_scalar(n=7):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.w = nn.ParameterDict({g: _p(n) for g in "zifo"})
            self.r = nn.ParameterDict({g: _p(1) for g in "zifo"})
            self.b = nn.ParameterDict({g: _p(1) for g in "zifo"})

        def forward(self, xt, state):
            c, nn_, hp, m = state
            pre = {g: self.w[g] @ xt + self.r[g] * hp + self.b[g] for g in "zifo"}
            z = torch.tanh(pre["z"])
            m_new = torch.maximum(pre["f"] + m, pre["i"])
            i = torch.exp(pre["i"] - m_new)
            f = torch.exp(pre["f"] + m - m_new)
            o = torch.sigmoid(pre["o"])
            c = f * c + i * z
            nn_ = f * nn_ + i
            return o * c / nn_, (c, nn_, o * c / nn_, m_new)

    return Cell()


# stored file id 16677906701 (Obsidian xLSTM note, sLSTM vector version). Marked refuse: R declared n x d but
# R h_{t-1} needs d x d. Plausible reading: W_{z,i,f,o} (d x n), R_{z,i,f,o} (d x d), b (d). Count 4(dn + d^2 + d).
@_export
def h24b_xlstmnote_slstm_vector(n=7, d=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W = nn.ParameterDict({g: _p(d, n) for g in "zifo"})
            self.R = nn.ParameterDict({g: _p(d, d) for g in "zifo"})
            self.b = nn.ParameterDict({g: _p(d) for g in "zifo"})

        def forward(self, xt, state):
            c, nn_, hp, m = state
            pre = {g: self.W[g] @ xt + self.R[g] @ hp + self.b[g] for g in "zifo"}
            z = torch.tanh(pre["z"])
            m_new = torch.maximum(pre["f"] + m, pre["i"])
            i = torch.exp(pre["i"] - m_new)
            f = torch.exp(pre["f"] + m - m_new)
            o = torch.sigmoid(pre["o"])
            c = f * c + i * z
            nn_ = f * nn_ + i
            ht = o * c / nn_
            return ht, (c, nn_, ht, m_new)

    return Cell()


# whitead/dmol-book dl/NLP.ipynb "## Recurrent Neural Networks". Marked refuse: f(x, h) left open (LSTM or GRU
# named only). Plausible reading: the GRU the chapter's example uses, nn.GRUCell(x, h): 3h(x + h + 2).
@_export
def h24b_dmol_rnn(x=7, h=5):
    return nn.GRUCell(x, h)


# stored file id 59815414070 (CS231n Winter 2016 Lecture 10 notes, ### LSTM). One W maps [x; h] (both size n)
# to 4n numbers i, f, o, g; no bias mentioned. Count 4n * 2n = 8n^2.
@_export
def h24b_cs231n16notes_lstm(n=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W = _p(4 * n, 2 * n)

        def forward(self, xt, state):
            hp, cp = state
            i, f, o, g = (self.W @ torch.cat([xt, hp])).chunk(4)
            i, f, o, g = torch.sigmoid(i), torch.sigmoid(f), torch.sigmoid(o), torch.tanh(g)
            c = f * cp + i * g
            return o * torch.tanh(c), c

    return Cell()


# stored file id 30215026436 (study note "Recurrent Neural Network", ### Gated Recurrent Unit (GRU)), simplified GRU:
# w_c, w_u each c x (c + x) on [c^{<t-1>}, x^{<t>}], biases b_c, b_u. Count 2c(c + x + 1).
@_export
def h24b_rnnnote_gru(x=7, c=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.w_c, self.b_c = _p(c, c + x), _p(c)
            self.w_u, self.b_u = _p(c, c + x), _p(c)

        def forward(self, xt, cp):
            v = torch.cat([cp, xt])
            ct_ = torch.tanh(self.w_c @ v + self.b_c)
            gu = torch.sigmoid(self.w_u @ v + self.b_u)
            return gu * ct_ + (1 - gu) * cp

    return Cell()


# stored file id 30215026436 (same note, ### Long Short Term Memory (LSTM)). Gates read [c^{<t-1>}, x^{<t>}]:
# w_c, w_u, w_f, w_o each c x (c + x), biases b_c, b_u, b_f, b_o. Count 4c(c + x + 1).
@_export
def h24b_rnnnote_lstm(x=7, c=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.w_c, self.b_c = _p(c, c + x), _p(c)
            self.w_u, self.b_u = _p(c, c + x), _p(c)
            self.w_f, self.b_f = _p(c, c + x), _p(c)
            self.w_o, self.b_o = _p(c, c + x), _p(c)

        def forward(self, xt, cp):
            v = torch.cat([cp, xt])
            ct_ = torch.tanh(self.w_c @ v + self.b_c)
            gu = torch.sigmoid(self.w_u @ v + self.b_u)
            gf = torch.sigmoid(self.w_f @ v + self.b_f)
            go = torch.sigmoid(self.w_o @ v + self.b_o)
            c_new = gu * ct_ + (1 - gf) * cp
            return go * torch.tanh(c_new), c_new

    return Cell()


# stored file id 12481070591 (MkDocs sequence-models course notes, ### Full GRU unit): W_r, W_c, W_u each
# c x (c + x) on the concatenation, biases b_r, b_c, b_u. Count 3c(c + x + 1).
@_export
def h24b_seqmodelsmk_gru(x=7, c=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_r, self.b_r = _p(c, c + x), _p(c)
            self.W_c, self.b_c = _p(c, c + x), _p(c)
            self.W_u, self.b_u = _p(c, c + x), _p(c)

        def forward(self, xt, cp):
            gr = torch.sigmoid(self.W_r @ torch.cat([cp, xt]) + self.b_r)
            ct_ = torch.tanh(self.W_c @ torch.cat([gr * cp, xt]) + self.b_c)
            gu = torch.sigmoid(self.W_u @ torch.cat([cp, xt]) + self.b_u)
            return gu * ct_ + (1 - gu) * cp

    return Cell()


# stored file id 618479742 (deep-learning specialization notes, ### LSTM): W_c, W_u, W_f, W_o each a x (a + x) on
# [a^{<t-1>}, x^{<t>}], biases b_c, b_u, b_f, b_o. Count 4a(a + x + 1).
@_export
def h24b_dlsnotes_lstm(x=7, a=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_c, self.b_c = _p(a, a + x), _p(a)
            self.W_u, self.b_u = _p(a, a + x), _p(a)
            self.W_f, self.b_f = _p(a, a + x), _p(a)
            self.W_o, self.b_o = _p(a, a + x), _p(a)

        def forward(self, xt, state):
            ap, cp = state
            v = torch.cat([ap, xt])
            ct_ = torch.tanh(self.W_c @ v + self.b_c)
            gu = torch.sigmoid(self.W_u @ v + self.b_u)
            gf = torch.sigmoid(self.W_f @ v + self.b_f)
            go = torch.sigmoid(self.W_o @ v + self.b_o)
            c = gu * ct_ + gf * cp
            return go * torch.tanh(c), c

    return Cell()


# stored file id 6648390525 (sequence-models notes, 9.2.2 Full Unit). W_c, W_u, W_r each c x (c + x) on the
# concatenation, biases b_c, b_u, b_r (Gamma_r is computed though the candidate, as written, uses Gamma_u).
# Count 3c(c + x + 1).
@_export
def h24b_seqnotes_fullgru(x=7, c=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_c, self.b_c = _p(c, c + x), _p(c)
            self.W_u, self.b_u = _p(c, c + x), _p(c)
            self.W_r, self.b_r = _p(c, c + x), _p(c)

        def forward(self, xt, cp):
            gu = torch.sigmoid(self.W_u @ torch.cat([cp, xt]) + self.b_u)
            gr = torch.sigmoid(self.W_r @ torch.cat([cp, xt]) + self.b_r)
            ct_ = torch.tanh(self.W_c @ torch.cat([gu * cp, xt]) + self.b_c)
            return gu * ct_ + (1 - gu) * cp, gr

    return Cell()
