import torch
from torch import nn

__all__ = []


def _export(f):
    __all__.append(f.__name__)
    return f


def _p(*shape):
    return nn.Parameter(torch.randn(*shape) * 0.1)


# cepdnaclk/e20-4yp-symbolic-music-generation-with-xLSTM:paper/refs_text/xLSTM_paper.txt, appendix A.1
# (Beck et al. 2024, vanilla LSTM in vector notation). Input weights W_z, W_i, W_f, W_o (h x x), recurrent
# weights R_z, R_i, R_f, R_o (h x h), biases b_z, b_i, b_f, b_o (h). No shapes are stated; the usual reading.
# 4(h*x + h*h + h).
@_export
def h32d_xlstmpaper_vectorlstm(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            for g in "zifo":
                setattr(self, f"W_{g}", _p(h, x))
                setattr(self, f"R_{g}", _p(h, h))
                setattr(self, f"b_{g}", _p(h))

        def pre(self, g, xt, hp):
            return getattr(self, f"W_{g}") @ xt + getattr(self, f"R_{g}") @ hp + getattr(self, f"b_{g}")

        def forward(self, xt, state):
            hp, cp = state
            z = torch.tanh(self.pre("z", xt, hp))
            i = torch.sigmoid(self.pre("i", xt, hp))
            f = torch.sigmoid(self.pre("f", xt, hp))
            o = torch.sigmoid(self.pre("o", xt, hp))
            c = f * cp + i * z
            return o * torch.tanh(c), c

    return Cell()


# Same source, appendix A.2 (sLSTM, vectorized). Same parameter set as the vector LSTM: W_z,i,f,o (h x x),
# R_z,i,f,o (h x h, read as full: the block-diagonal heads are only mentioned after the excerpt), b_z,i,f,o (h);
# exponential input gate, exp (or sigmoid) forget gate, normalizer state n_t, identity hidden activation.
# 4(h*x + h*h + h).
@_export
def h32d_xlstmpaper_slstm(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            for g in "zifo":
                setattr(self, f"W_{g}", _p(h, x))
                setattr(self, f"R_{g}", _p(h, h))
                setattr(self, f"b_{g}", _p(h))

        def pre(self, g, xt, hp):
            return getattr(self, f"W_{g}") @ xt + getattr(self, f"R_{g}") @ hp + getattr(self, f"b_{g}")

        def forward(self, xt, state):
            hp, cp, np_ = state
            z = torch.tanh(self.pre("z", xt, hp))
            i = torch.exp(self.pre("i", xt, hp))
            f = torch.exp(self.pre("f", xt, hp))
            o = torch.sigmoid(self.pre("o", xt, hp))
            c = f * cp + i * z
            n = f * np_ + i
            return o * (c / n), c, n

    return Cell()


# lcy-seso/LearningNotes: paper_notes/.../Training_RNNs_as_Fast_as_CNNs.md (SRU note). x~ = W x (no bias),
# f = sigma(W_f x + b_f), r = sigma(W_r x + b_r), c = f*c + (1-f)*x~, h = r*g(c) + (1 - r)*x (highway, which
# forces the input size to equal the state size). W, W_f, W_r (x x x), b_f, b_r (x). 3x^2 + 2x.
@_export
def h32d_lcysru_sru(x=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W, self.W_f, self.W_r = _p(x, x), _p(x, x), _p(x, x)
            self.b_f, self.b_r = _p(x), _p(x)

        def forward(self, xt, cp):
            xs = self.W @ xt
            f = torch.sigmoid(self.W_f @ xt + self.b_f)
            r = torch.sigmoid(self.W_r @ xt + self.b_r)
            c = f * cp + (1 - f) * xs
            return r * torch.tanh(c) + (1 - r) * xt, c

    return Cell()


# lcy-seso/LearningNotes: paper_notes/.../Quasi-Recurrent_neural_network.md (QRNN note), marked refuse: the
# filter width and filter count are not given, and ifo-pooling's input gate has no equation. Plausible reading:
# fo-pooling with masked convolutions W, W_f, W_o of width k from n to n channels, no bias. 3*k*n*n.
@_export
def h32d_lcyqrnn_qrnn_refuse(n=5, k=2):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W, self.W_f, self.W_o = _p(n, n, k), _p(n, n, k), _p(n, n, k)

        def forward(self, window, cp):
            # window: (n, k), the last k inputs (masked convolution at one time step)
            z = torch.tanh(torch.einsum("ijk,jk->i", self.W, window))
            f = torch.sigmoid(torch.einsum("ijk,jk->i", self.W_f, window))
            o = torch.sigmoid(torch.einsum("ijk,jk->i", self.W_o, window))
            c = f * cp + (1 - f) * z
            return o * c, c

    return Cell()


# blasphemetheus/exphil: docs/reference/architectures/GRIFFIN.md (RG-LRU). r = sigma(W_a x + b_a),
# i = sigma(W_x x + b_x), a = sigma(Lambda), a_t = a^(c r_t) with c = 8 fixed, h = a_t*h + sqrt(1-a_t^2)*(i*x);
# i*x forces the input size to equal the state size. W_a, W_x (x x x), b_a, b_x, Lambda (x). 2x^2 + 3x.
@_export
def h32d_exphilgriffin_rglru(x=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_a, self.b_a = _p(x, x), _p(x)
            self.W_x, self.b_x = _p(x, x), _p(x)
            self.Lambda = _p(x)

        def forward(self, xt, hp):
            r = torch.sigmoid(self.W_a @ xt + self.b_a)
            i = torch.sigmoid(self.W_x @ xt + self.b_x)
            a_t = torch.sigmoid(self.Lambda) ** (8 * r)
            return a_t * hp + torch.sqrt(1 - a_t ** 2) * (i * xt)

    return Cell()


# viktor-shcherb/msc_thesis: references/2024-10-rwkv-eagle-finch-matrix-states/sections/04_method.md (Eagle
# time mixing), marked refuse: the per-head LayerNorm's affine weights and u's size are not stated. Plausible
# reading: mu_r,k,v,g (D), W_r,k,v,g (D x D), omega (D/h per head, D in all), u (D), W_o (D x D), GroupNorm with
# h groups and affine weight and bias (2D). 5D^2 + 8D.
@_export
def h32d_eaglefinch_eagle_refuse(D=8, h=2):
    hd = D // h

    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.mu = nn.ParameterDict({g: _p(D) for g in "rkvg"})
            self.W = nn.ParameterDict({g: _p(D, D) for g in "rkvg"})
            self.omega, self.u = _p(D), _p(D)
            self.W_o = _p(D, D)
            self.gn = nn.GroupNorm(h, D)

        def forward(self, xt, state):
            xp, s = state  # s: (h, hd, hd)
            proj = {g: (xt + (xp - xt) * self.mu[g]) @ self.W[g] for g in "rkvg"}
            r, k, v, g = (proj[q].view(h, hd) for q in "rkvg")
            w = torch.exp(-torch.exp(self.omega)).view(h, hd)
            u = self.u.view(h, hd)
            kv = k.unsqueeze(-1) * v.unsqueeze(-2)
            wkv = s + u.unsqueeze(-1) * kv
            out = torch.einsum("hi,hij->hj", r, wkv).reshape(1, D)
            o = (torch.nn.functional.silu(g.reshape(D)) * self.gn(out).reshape(D)) @ self.W_o
            s_new = w.unsqueeze(-1) * s + kv
            return o, (xt, s_new)

    return Cell()


# CompPhysics/AdvancedMachineLearning: doc/src/week7/Latexfiles/rnn.tex (beamer LSTM frames). W_f,U_f,b_f;
# W_i,U_i,b_i; W_c,U_c (no bias); W_o,U_o (no bias). W (h x x), U (h x h), b (h). 4(h*x + h*h) + 2h.
@_export
def h32d_cpweek7tex_lstm(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_f, self.U_f, self.b_f = _p(h, x), _p(h, h), _p(h)
            self.W_i, self.U_i, self.b_i = _p(h, x), _p(h, h), _p(h)
            self.W_c, self.U_c = _p(h, x), _p(h, h)
            self.W_o, self.U_o = _p(h, x), _p(h, h)

        def forward(self, xt, state):
            hp, cp = state
            f = torch.sigmoid(self.W_f @ xt + self.U_f @ hp + self.b_f)
            i = torch.sigmoid(self.W_i @ xt + self.U_i @ hp + self.b_i)
            ct = torch.tanh(self.W_c @ xt + self.U_c @ hp)
            c = f * cp + i * ct
            o = torch.sigmoid(self.W_o @ xt + self.U_o @ hp)
            return o * torch.tanh(c), c

    return Cell()


# Same source, GRU frames. W_z,U_z; W_r,U_r; W_h,U_h; no biases. 3(h*x + h*h).
@_export
def h32d_cpweek7tex_gru(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_z, self.U_z = _p(h, x), _p(h, h)
            self.W_r, self.U_r = _p(h, x), _p(h, h)
            self.W_h, self.U_h = _p(h, x), _p(h, h)

        def forward(self, xt, hp):
            z = torch.sigmoid(self.W_z @ xt + self.U_z @ hp)
            r = torch.sigmoid(self.W_r @ xt + self.U_r @ hp)
            ht = torch.tanh(self.W_h @ xt + self.U_h @ (r * hp))
            return (1 - z) * hp + z * ht

    return Cell()


# dmccreary/deep-learning-course: docs/prompts/07-equations.md, items 33-36 (LSTM). W_x* (h x x), W_h* (h x h),
# b_* (h) for i, f, o and the candidate c~. 4(h*x + h*h + h). (The list gives no h_t line; the forward uses
# h = o * tanh(c).)
@_export
def h32d_dmccreary_lstm(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            for g in "ifoc":
                setattr(self, f"W_x{g}", _p(h, x))
                setattr(self, f"W_h{g}", _p(h, h))
                setattr(self, f"b_{g}", _p(h))

        def pre(self, g, xt, hp):
            return getattr(self, f"W_x{g}") @ xt + getattr(self, f"W_h{g}") @ hp + getattr(self, f"b_{g}")

        def forward(self, xt, state):
            hp, cp = state
            i = torch.sigmoid(self.pre("i", xt, hp))
            f = torch.sigmoid(self.pre("f", xt, hp))
            o = torch.sigmoid(self.pre("o", xt, hp))
            ct = torch.tanh(self.pre("c", xt, hp))
            c = f * cp + i * ct
            return o * torch.tanh(c), c

    return Cell()


# Same source, items 37-39 (GRU). W_xz, W_hz, b_z; W_xr, W_hr, b_r; candidate W_xh, W_hh with no bias and
# r * (W_hh h). 3(h*x + h*h) + 2h.
@_export
def h32d_dmccreary_gru(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_xz, self.W_hz, self.b_z = _p(h, x), _p(h, h), _p(h)
            self.W_xr, self.W_hr, self.b_r = _p(h, x), _p(h, h), _p(h)
            self.W_xh, self.W_hh = _p(h, x), _p(h, h)

        def forward(self, xt, hp):
            z = torch.sigmoid(self.W_xz @ xt + self.W_hz @ hp + self.b_z)
            r = torch.sigmoid(self.W_xr @ xt + self.W_hr @ hp + self.b_r)
            ht = torch.tanh(self.W_xh @ xt + r * (self.W_hh @ hp))
            return z * hp + (1 - z) * ht

    return Cell()


# PaddlePaddle/book: 06.understand_sentiment/README.md (LSTM with peepholes), marked refuse: whether W_ci,
# W_cf, W_co are full or diagonal is not said. Plausible reading (the cited Graves 2013 formulation): diagonal
# peepholes (h each). W_x* (h x x), W_h* (h x h), b_* (h) for i, f, c, o; w_ci, w_cf, w_co (h).
# 4(h*x + h*h + h) + 3h.
@_export
def h32d_paddlebook_peepholelstm_refuse(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            for g in "ifco":
                setattr(self, f"W_x{g}", _p(h, x))
                setattr(self, f"W_h{g}", _p(h, h))
                setattr(self, f"b_{g}", _p(h))
            self.W_ci, self.W_cf, self.W_co = _p(h), _p(h), _p(h)

        def pre(self, g, xt, hp):
            return getattr(self, f"W_x{g}") @ xt + getattr(self, f"W_h{g}") @ hp + getattr(self, f"b_{g}")

        def forward(self, xt, state):
            hp, cp = state
            i = torch.sigmoid(self.pre("i", xt, hp) + self.W_ci * cp)
            f = torch.sigmoid(self.pre("f", xt, hp) + self.W_cf * cp)
            c = f * cp + i * torch.tanh(self.pre("c", xt, hp))
            o = torch.sigmoid(self.pre("o", xt, hp) + self.W_co * c)
            return o * torch.tanh(c), c

    return Cell()
