"""Oracles for the h41f set-aside snippets (heldout41), as its gatherer wrote them."""
import torch
from torch import nn

__all__ = []


def _export(f):
    __all__.append(f.__name__)
    return f


def _p(*shape):
    return nn.Parameter(torch.randn(*shape) * 0.1)


# wls860707495/Deep-Learning （五）循环神经网络(RNN).md (Chinese); bidirectional RNN, no biases: U, U' (s, x), W, W' (s, s),
# V, V' (o, s), forward and backward weights not shared; Count: 2*(s*x + s*s) + 2*o*s.
@_export
def h41f_wls_birnn(x=7, s=5, o=3):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.U, self.Ub = _p(s, x), _p(s, x)
            self.W, self.Wb = _p(s, s), _p(s, s)
            self.V, self.Vb = _p(o, s), _p(o, s)

        def forward(self, xt, s_prev, sb_next):
            st = torch.tanh(xt @ self.U.T + s_prev @ self.W.T)
            sbt = torch.tanh(xt @ self.Ub.T + sb_next @ self.Wb.T)
            return st @ self.V.T + sbt @ self.Vb.T, st, sbt
    return Cell()


# ljgit1316/Write_Note 循环神经网络.md (Chinese); Elman RNN H_t = f(U x_t + W H_{t-1} [+ b]), o_t = g(V s_t);
# read as U (H, x), W (H, H), one bias b (H) from the unrolled form (W_in = U, W_s = W, b_t taken as one shared b),
# V (o, H); Count: H*x + H*H + H + o*H.  (refuse: bias absent in the first form, time-indexed b_t in the second)
@_export
def h41f_ljgit_rnn(x=7, H=5, o=3):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.U = _p(H, x)
            self.W = _p(H, H)
            self.b = _p(H)
            self.V = _p(o, H)

        def forward(self, xt, hp):
            ht = torch.tanh(xt @ self.U.T + hp @ self.W.T + self.b)
            return torch.tanh(ht @ self.V.T), ht
    return Cell()


# Apotosome/NoteBook 循环神经网络.md (Chinese); simple recurrent network h_t = f(U h_{t-1} + W x_t + b):
# U (h, h), W (h, x), b (h); Count: h*h + h*x + h.
@_export
def h41f_apotosome_srn(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.U = _p(h, h)
            self.W = _p(h, x)
            self.b = _p(h)

        def forward(self, xt, hp):
            return torch.tanh(hp @ self.U.T + xt @ self.W.T + self.b)
    return Cell()


# countsp/RNN RNN&LSTM.md (Chinese); Elman RNN with output: W_x (h, x), W_h (h, h), b_h (h), W_y (y, h), b_y (y);
# Count: h*x + h*h + h + y*h + y.
@_export
def h41f_countsp_rnn(x=7, h=5, y=3):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_x = _p(h, x)
            self.W_h = _p(h, h)
            self.b_h = _p(h)
            self.W_y = _p(y, h)
            self.b_y = _p(y)

        def forward(self, xt, hp):
            ht = torch.tanh(xt @ self.W_x.T + hp @ self.W_h.T + self.b_h)
            return torch.tanh(ht @ self.W_y.T + self.b_y), ht
    return Cell()


# 2kkkkk/ms 深度学习/lstm.md (Chinese); LSTM whose gate equations are only images; read as the usual
# W_g (h, h + x) on [h_{t-1}, x_t] plus b_g (h) for g in f, i, C, o (the eight listed parameters), and the
# output layer y~_t = sigma(W h_t + C): W (y, h), C (y); Count: 4*(h*(h + x) + h) + y*h + y.
# (refuse: the gate equations are only in images, so what W_f etc. act on and their shapes are not written)
@_export
def h41f_2kkkkk_lstm(x=7, h=5, y=3):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W = nn.ParameterDict({g: _p(h, h + x) for g in "fiCo"})
            self.b = nn.ParameterDict({g: _p(h) for g in "fiCo"})
            self.Wy = _p(y, h)
            self.Cy = _p(y)

        def forward(self, xt, hp, cp):
            z = torch.cat([hp, xt], -1)
            g = {k: z @ self.W[k].T + self.b[k] for k in "fiCo"}
            f, i, o = torch.sigmoid(g["f"]), torch.sigmoid(g["i"]), torch.sigmoid(g["o"])
            c = f * cp + i * torch.tanh(g["C"])
            ht = o * torch.tanh(c)
            return torch.sigmoid(ht @ self.Wy.T + self.Cy), ht, c
    return Cell()


# jionchu/Study Deep Learning/RNN.md (Korean); vanilla RNN h_t = tanh(W_hh h_{t-1} + W_xh x_t), y_t = W_hy h_t,
# no biases: W_hh (h, h), W_xh (h, x), W_hy (y, h); Count: h*h + h*x + y*h.
@_export
def h41f_jionchu_rnn(x=7, h=5, y=3):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_hh = _p(h, h)
            self.W_xh = _p(h, x)
            self.W_hy = _p(y, h)

        def forward(self, xt, hp):
            ht = torch.tanh(hp @ self.W_hh.T + xt @ self.W_xh.T)
            return ht @ self.W_hy.T, ht
    return Cell()


# repo-mirror-test/ops-transformer RecurrentGatedDeltaRule README (Chinese); the operator takes q_t, k_t (d_k),
# v_t (d_v), beta_t, g_t (alpha_t = e^g) and the state S (d_v, d_k) as inputs; no learned parameters; Count: 0.
@_export
def h41f_opstransformer_gdr(d_k=4, d_v=6):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.d_k, self.d_v = d_k, d_v

        def forward(self, q, k, v, beta, g, S):
            alpha = torch.exp(g)[:, None, None]
            b = beta[:, None, None]
            Sk = torch.einsum('bvk,bk->bv', S, k)
            S = alpha * S + b * torch.einsum('bv,bk->bvk', v - alpha[:, :, 0] * Sk, k)
            o = torch.einsum('bvk,bk->bv', S, q) / self.d_k ** 0.5
            return o, S
    return Cell()


# satori555/Subterranean-Animism 神经网络/GRU.md (Chinese); bias-free concatenation GRU with output:
# W_r, W_z, W_h~ (h, h + x) on [h_{t-1}, x_t] / [r_t * h_{t-1}, x_t], w_o (y, h); Count: 3*h*(h + x) + y*h.
@_export
def h41f_satori_gru(x=7, h=5, y=3):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_r = _p(h, h + x)
            self.W_z = _p(h, h + x)
            self.W_h = _p(h, h + x)
            self.w_o = _p(y, h)

        def forward(self, xt, hp):
            hx = torch.cat([hp, xt], -1)
            r = torch.sigmoid(hx @ self.W_r.T)
            z = torch.sigmoid(hx @ self.W_z.T)
            ht_ = torch.tanh(torch.cat([r * hp, xt], -1) @ self.W_h.T)
            ht = (1 - z) * hp + z * ht_
            return torch.sigmoid(ht @ self.w_o.T), ht
    return Cell()


# Li-Simon/Gitbook 深度学习/LSTM.md (Chinese), Peephole LSTM: gates f, i, o = sigma_g(W_g x_t + U_g c_{t-1} + b_g)
# with W_g (h, x), U_g (h, h) full matrices, b_g (h); candidate sigma_c(W_c x_t + b_c): W_c (h, x), b_c (h);
# no weight on h_{t-1}; Count: 3*(h*x + h*h + h) + h*x + h.
@_export
def h41f_lisimon_peephole(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W = nn.ParameterDict({g: _p(h, x) for g in "fioc"})
            self.U = nn.ParameterDict({g: _p(h, h) for g in "fio"})
            self.b = nn.ParameterDict({g: _p(h) for g in "fioc"})

        def forward(self, xt, cp):
            f = torch.sigmoid(xt @ self.W["f"].T + cp @ self.U["f"].T + self.b["f"])
            i = torch.sigmoid(xt @ self.W["i"].T + cp @ self.U["i"].T + self.b["i"])
            o = torch.sigmoid(xt @ self.W["o"].T + cp @ self.U["o"].T + self.b["o"])
            c = f * cp + i * torch.tanh(xt @ self.W["c"].T + self.b["c"])
            return o * torch.tanh(c), c
    return Cell()


# f0perez01/redes-neuronales-recurrentes-leccion README.md (Spanish); h_t = g(f1(x_t), f2(h_{t-1})) with f1, f2
# "trainable parametric functions" and g unspecified. Most plausible reading: Elman cell, f1 = affine map of x_t
# (W (h, x), b (h)), f2 = linear map of h_{t-1} (U (h, h)), g = tanh of the sum; Count: h*x + h + h*h.
# (refuse: f1, f2, g are left abstract; with a bias in both maps the count is h*x + h*h + 2*h, etc.)
@_export
def h41f_f0perez_rnn(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.f1 = nn.Linear(x, h)
            self.f2 = nn.Linear(h, h, bias=False)

        def forward(self, xt, hp):
            return torch.tanh(self.f1(xt) + self.f2(hp))
    return Cell()


# HJHGJGHHG/NLPNotes 深度学习/LSTM.md (Chinese); LSTM with W_xf, W_xC, W_xi, W_xo (h, x), W_hf, W_hC, W_hi, W_ho (h, h),
# b_f, b_C, b_i, b_o (h); the written cell update uses C_t^{(f)} where the candidate C~_t is meant (typo), but
# C~_t and its weights are written, so they are counted; Count: 4*(h*x + h*h + h).
@_export
def h41f_hjhg_lstm(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.Wx = nn.ParameterDict({g: _p(h, x) for g in "fCio"})
            self.Wh = nn.ParameterDict({g: _p(h, h) for g in "fCio"})
            self.b = nn.ParameterDict({g: _p(h) for g in "fCio"})

        def forward(self, xt, hp, cp):
            a = {g: xt @ self.Wx[g].T + hp @ self.Wh[g].T + self.b[g] for g in "fCio"}
            f, i, o = torch.sigmoid(a["f"]), torch.sigmoid(a["i"]), torch.sigmoid(a["o"])
            c = f * cp + i * torch.tanh(a["C"])
            return o * torch.tanh(c), c
    return Cell()
