import torch
from torch import nn

__all__ = []


def _export(f):
    __all__.append(f.__name__)
    return f


def _p(*shape):
    return nn.Parameter(torch.randn(*shape) * 0.1)


# stored file id 24126724906 (Chinese d2l study notes, GRU). Row-vector convention:
# W_xr, W_xz, W_xh: d x h; W_hr, W_hz, W_hh: h x h; b_r, b_z, b_h: 1 x h.
# count = 3*(d*h + h*h + h)
@_export
def h27f_cnnotes_gru(d=7, h=5):
    class M(nn.Module):
        def __init__(self):
            super().__init__()
            for g in "rzh":
                setattr(self, f"W_x{g}", _p(d, h))
                setattr(self, f"W_h{g}", _p(h, h))
                setattr(self, f"b_{g}", _p(1, h))

        def forward(self, X, H):
            R = torch.sigmoid(X @ self.W_xr + H @ self.W_hr + self.b_r)
            Z = torch.sigmoid(X @ self.W_xz + H @ self.W_hz + self.b_z)
            Ht = torch.tanh(X @ self.W_xh + (R * H) @ self.W_hh + self.b_h)
            return Z * H + (1 - Z) * Ht
    return M()


# stored file id 7776560222 (Chinese Jekyll post, colah translation). REFUSE: gate equations
# only in images. Most plausible reading: colah's LSTM, W_f, W_i, W_C, W_o: h x (h+x), b_*: h.
# count = 4*(h*(h+x) + h)
@_export
def h27f_colahzh_lstm(x=7, h=5):
    class M(nn.Module):
        def __init__(self):
            super().__init__()
            for g in "fiCo":
                setattr(self, f"W_{g}", _p(h, h + x))
                setattr(self, f"b_{g}", _p(h))

        def forward(self, xt, hp, cp):
            z = torch.cat([hp, xt], -1)
            f = torch.sigmoid(z @ self.W_f.T + self.b_f)
            i = torch.sigmoid(z @ self.W_i.T + self.b_i)
            Ct = torch.tanh(z @ self.W_C.T + self.b_C)
            o = torch.sigmoid(z @ self.W_o.T + self.b_o)
            c = f * cp + i * Ct
            return o * torch.tanh(c), c
    return M()


def _ng_gru(c, x):
    class M(nn.Module):
        def __init__(self):
            super().__init__()
            for g in "cur":
                setattr(self, f"W_{g}", _p(c, c + x))
                setattr(self, f"b_{g}", _p(c))

        def forward(self, xt, cp):
            z = torch.cat([cp, xt], -1)
            gu = torch.sigmoid(z @ self.W_u.T + self.b_u)
            gr = torch.sigmoid(z @ self.W_r.T + self.b_r)
            ct = torch.tanh(torch.cat([gr * cp, xt], -1) @ self.W_c.T + self.b_c)
            return gu * ct + (1 - gu) * cp
    return M()


# stored file id 13993667767 (Q&A-style notes, GRU). REFUSE: Gamma_r only "same update method".
# Plausible reading: W_c, W_u, W_r: c x (c+x); b_c, b_u, b_r: c. count = 3*(c*(c+x) + c)
@_export
def h27f_dlqa_nggru(c=5, x=7):
    return _ng_gru(c, x)


# stored file id 31471224368 (Chinese notes, "# GRU", Ng notation).
# W_c, W_u, W_r: c x (c+x); b_c, b_u, b_r: c. count = 3*(c*(c+x) + c)
@_export
def h27f_cnngnotes_gru(c=5, x=7):
    return _ng_gru(c, x)


# stored file id 31471224368 (Chinese notes, "# LSTM", Ng notation; forget gate weight named W_r).
# W_c, W_u, W_r, W_o: c x (c+x) (a has size c); b_c, b_u, b_f, b_o: c. count = 4*(c*(c+x) + c)
@_export
def h27f_cnngnotes_lstm(c=5, x=7):
    class M(nn.Module):
        def __init__(self):
            super().__init__()
            for w in "curo":
                setattr(self, f"W_{w}", _p(c, c + x))
            for b in "cufo":
                setattr(self, f"b_{b}", _p(c))

        def forward(self, xt, ap, cp):
            zc = torch.cat([cp, xt], -1)
            ct = torch.tanh(torch.cat([ap, xt], -1) @ self.W_c.T + self.b_c)
            gu = torch.sigmoid(zc @ self.W_u.T + self.b_u)
            gf = torch.sigmoid(zc @ self.W_r.T + self.b_f)
            go = torch.sigmoid(zc @ self.W_o.T + self.b_o)
            cn = gu * ct + gf * cp
            return go * torch.tanh(cn), cn
    return M()


# xhongduo-tech/xhongduo-tech.github.io posts/nlp-lm-lstm-language-model.md (Chinese blog, LSTM LM).
# W_f, W_i, W_c, W_o: h x (h+x) (acting on [h_{t-1}, x_t]); b_f, b_i, b_c, b_o: h.
# count = 4*(h*(h+x) + h)
@_export
def h27f_xhd_lmlstm(x=7, h=5):
    class M(nn.Module):
        def __init__(self):
            super().__init__()
            for g in "fico":
                setattr(self, f"W_{g}", _p(h, h + x))
                setattr(self, f"b_{g}", _p(h))

        def forward(self, xt, hp, Cp):
            z = torch.cat([hp, xt], -1)
            f = torch.sigmoid(z @ self.W_f.T + self.b_f)
            i = torch.sigmoid(z @ self.W_i.T + self.b_i)
            Ct = torch.tanh(z @ self.W_c.T + self.b_c)
            C = f * Cp + i * Ct
            o = torch.sigmoid(z @ self.W_o.T + self.b_o)
            return o * torch.tanh(C), C
    return M()



# Atcold/pytorch-Deep-Learning docs/tr/week06/06-2.md (Turkish NYU notes, LSTM).
# W_f, W_i, W_o, W_c: h x a; U_f, U_i, U_o, U_c: h x h; b_f, b_i, b_o, b_c: h.
# count = 4*(h*a + h*h + h)
@_export
def h27f_nyutr_lstm(a=7, h=5):
    class M(nn.Module):
        def __init__(self):
            super().__init__()
            for g in "fioc":
                setattr(self, f"W_{g}", _p(h, a))
                setattr(self, f"U_{g}", _p(h, h))
                setattr(self, f"b_{g}", _p(h))

        def forward(self, xt, hp, cp):
            L = lambda g: xt @ getattr(self, f"W_{g}").T + hp @ getattr(self, f"U_{g}").T + getattr(self, f"b_{g}")
            f, i, o = torch.sigmoid(L("f")), torch.sigmoid(L("i")), torch.sigmoid(L("o"))
            c = f * cp + i * torch.tanh(L("c"))
            return o * torch.tanh(c), c
    return M()


# Atcold/pytorch-Deep-Learning docs/ko/week06/06-2.md (Korean NYU notes, GRU).
# W_z, W_r, W_h: h x x; U_z, U_r, U_h: h x h; b_z, b_r, b_h: h. count = 3*(h*x + h*h + h)
@_export
def h27f_nyuko_gru(x=7, h=5):
    class M(nn.Module):
        def __init__(self):
            super().__init__()
            for g in "zrh":
                setattr(self, f"W_{g}", _p(h, x))
                setattr(self, f"U_{g}", _p(h, h))
                setattr(self, f"b_{g}", _p(h))

        def forward(self, xt, hp):
            z = torch.sigmoid(xt @ self.W_z.T + hp @ self.U_z.T + self.b_z)
            r = torch.sigmoid(xt @ self.W_r.T + hp @ self.U_r.T + self.b_r)
            cand = torch.tanh(xt @ self.W_h.T + (r * hp) @ self.U_h.T + self.b_h)
            return z * hp + (1 - z) * cand
    return M()


# dreamgonfly/dreamgonfly.github.io blog/understanding-rnn/index.html (Korean blog, TF MNIST RNN).
# U: x x s (28 x 100), W: s x s (100 x 100), V: s x o (100 x 10); no biases.
# count = x*s + s*s + s*o = 13800
@_export
def h27f_dreamgonfly_rnn(x=28, s=100, o=10):
    class M(nn.Module):
        def __init__(self):
            super().__init__()
            self.U = _p(x, s)
            self.W = _p(s, s)
            self.V = _p(s, o)

        def forward(self, xt, sp):
            st = torch.tanh(xt @ self.U + sp @ self.W)
            return st, torch.softmax(st @ self.V, -1)
    return M()


# xhongduo-tech/xhongduo-tech.github.io posts/rnn-gradient-vanishing.md, "## 问题定义与边界".
# W_h: h x h, W_x: h x x; no bias in this section. count = h*h + h*x
@_export
def h27f_xhd_vanillarnn(x=7, h=5):
    class M(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_h = _p(h, h)
            self.W_x = _p(h, x)

        def forward(self, xt, hp):
            return torch.tanh(hp @ self.W_h.T + xt @ self.W_x.T)
    return M()


# xhongduo-tech/xhongduo-tech.github.io posts/mamba-selective-state-space.md. REFUSE (B_t, C_t
# projections and all shapes unstated). Plausible reading, input x in R^x, state in R^n:
# W_Delta: n x x, b_Delta: n, W_s: n x x, A: n x n, W_B: (n*x) x x (B_t = reshape(W_B x_t), n x x),
# W_C: (x*n) x x (C_t = reshape(W_C x_t), x x n).
# count = n*x + n + n*x + n*n + 2*n*x*x (count not checked)
@_export
def h27f_xhd_mambasel(x=7, n=5):
    class M(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_Delta = _p(n, x)
            self.b_Delta = _p(n)
            self.W_s = _p(n, x)
            self.A = _p(n, n)
            self.W_B = _p(n * x, x)
            self.W_C = _p(x * n, x)

        def forward(self, xt, hp):
            delta = nn.functional.softplus(xt @ self.W_Delta.T + self.b_Delta)
            s = (xt @ self.W_s.T) * delta
            B = (xt @ self.W_B.T).view(-1, n, x)
            C = (xt @ self.W_C.T).view(-1, x, n)
            h = s * (hp @ self.A.T) + s * torch.einsum("bnx,bx->bn", B, xt)
            return h, torch.einsum("bxn,bn->bx", C, h)
    return M()
