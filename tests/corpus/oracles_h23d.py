import torch
from torch import nn

__all__ = []


def _export(f):
    __all__.append(f.__name__)
    return f


def _p(*shape):
    return nn.Parameter(torch.randn(*shape) * 0.1)


# v0lta/Complex-gated-recurrent-neural-networks:aaai_paper/aaai_paper.tex (Wolter & Yao, complex gated RNN,
# section Complex Gated RNNs). Most plausible reading (snippet marked refuse): every complex weight counted as
# its real and imaginary parts; W, W_r, W_z in C^{n_h x n_h}, V, V_r, V_z in C^{n_h x n_in}, b, b_r, b_z in
# C^{n_h}; f_a taken as the parameter-free Hirose function with a fixed m. 2 * 3 * n_h (n_h + n_in + 1).
@_export
def h23d_cgrnn_complexgru(n_in=7, n_h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            for g in ("", "_r", "_z"):
                for part in ("re", "im"):
                    setattr(self, f"W{g}_{part}", _p(n_h, n_h))
                    setattr(self, f"V{g}_{part}", _p(n_h, n_in))
                    setattr(self, f"b{g}_{part}", _p(n_h))

        def _c(self, name):
            return torch.complex(getattr(self, name + "_re"), getattr(self, name + "_im"))

        def forward(self, x, h):
            x = x.to(torch.complex64)
            fg = lambda z: torch.sigmoid(z.real) * torch.sigmoid(z.imag)
            gr = fg(self._c("W_r") @ h + self._c("V_r") @ x + self._c("b_r"))
            gz = fg(self._c("W_z") @ h + self._c("V_z") @ x + self._c("b_z"))
            zt = self._c("W") @ (gr * h) + self._c("V") @ x + self._c("b")
            m = 1.0
            fa = torch.tanh(zt.abs() / m ** 2) * zt / (zt.abs() + 1e-8)
            return gz * fa + (1 - gz) * h

    return Cell()


# stored file id 24705360307 (GUCE-CFC design document, Mathematical Formulation). Most plausible reading (snippet
# marked refuse), following the document's own code further down: gates W_i, W_f, W_o (h x x), R_i, R_f, R_o
# (h x h), b_i, b_f, b_o (h); key/value/query projections W_k, W_v, W_q (h x x, manifold size taken as h, no
# bias); a learned time constant lambda (h). 3h(x + h + 1) + 3hx + h.
@_export
def h23d_gucecfc_cell(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            for g in "ifo":
                setattr(self, f"W_{g}", _p(h, x))
                setattr(self, f"R_{g}", _p(h, h))
                setattr(self, f"b_{g}", _p(h))
            self.W_k, self.W_v, self.W_q = _p(h, x), _p(h, x), _p(h, x)
            self.lam = _p(h)

        def forward(self, xt, state):
            hp, M, n = state
            i = torch.exp(self.W_i @ xt + self.R_i @ hp + self.b_i)
            f = torch.exp(self.W_f @ xt + self.R_f @ hp + self.b_f)
            o = torch.sigmoid(self.W_o @ xt + self.R_o @ hp + self.b_o)
            k, v, q = self.W_k @ xt, self.W_v @ xt, self.W_q @ xt
            M = f[:, None] * M + i[:, None] * torch.outer(v, k)
            n = f * n + i
            phi = (M @ q) / torch.clamp((n @ q).abs(), min=1.0)
            dt = 0.05
            hn = (hp + dt * o * phi) / (1 + dt * self.lam)
            return hn, M, n

    return Cell()


# Doraemonzzz/Transformer-Evolution-Paper:LongConv/001.md (Chinese note on the Legendre Memory Unit). Learned:
# W_x (h x x), W_h (h x h), W_m (h x d), encoders e_x (x), e_h (h), e_m (d); A (d x d) and B (d x 1) are the
# fixed closed-form Legendre matrices (buffers), theta and Delta t constants, no biases.
# h x + h h + h d + x + h + d.
@_export
def h23d_doraemonzzz_lmu(x=7, h=5, d=4):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_x, self.W_h, self.W_m = _p(h, x), _p(h, h), _p(h, d)
            self.e_x, self.e_h, self.e_m = _p(x), _p(h), _p(d)
            i = torch.arange(d).float()[:, None]
            j = torch.arange(d).float()[None, :]
            A = (2 * i + 1) * torch.where(i < j, -torch.ones(d, d), (-1.0) ** (i - j + 1))
            B = (2 * torch.arange(d).float() + 1) * (-1.0) ** torch.arange(d).float()
            theta, dt = 4.0, 1.0
            self.register_buffer("Abar", (dt / theta) * A + torch.eye(d))
            self.register_buffer("Bbar", (dt / theta) * B)

        def forward(self, xt, state):
            hp, mp = state
            u = self.e_x @ xt + self.e_h @ hp + self.e_m @ mp
            m = self.Abar @ mp + self.Bbar * u
            hn = torch.tanh(self.W_x @ xt + self.W_h @ hp + self.W_m @ m)
            return hn, m

    return Cell()


# Doraemonzzz/Transformer-Evolution-Paper:Rnn/003.md (Chinese note on Recurrent Fast Weight Programmers, the
# rewritten equations). W_k, W_q (k x x), W_v (v x x), W_beta (1 x x); R_k, R_q (k x v), R_v (v x v),
# R_beta (1 x v); fast weights W_t (v x k) are state; beta_t scalar; bar v_t = W_{t-1} k_t; no biases.
# (2k + v + 1)(x + v).
@_export
def h23d_doraemonzzz_rfwp(x=7, k=4, v=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_k, self.W_v, self.W_q, self.W_beta = _p(k, x), _p(v, x), _p(k, x), _p(1, x)
            self.R_k, self.R_v, self.R_q, self.R_beta = _p(k, v), _p(v, v), _p(k, v), _p(1, v)

        def forward(self, xt, state):
            Wt, yp = state
            ty = torch.tanh(yp)
            kt = self.W_k @ xt + self.R_k @ ty
            vt = self.W_v @ xt + self.R_v @ ty
            qt = self.W_q @ xt + self.R_q @ ty
            beta = torch.sigmoid(self.W_beta @ xt + self.R_beta @ ty)
            vbar = Wt @ kt
            Wt = Wt + beta * torch.outer(vt - vbar, kt)
            return Wt, Wt @ qt

    return Cell()


# viktor-shcherb/msc_thesis: RWKV paper transcription, sec. 3.1.1-3.1.3 (snippet marked refuse). Most plausible
# reading with every projection square (x = d channels): time mixing W_r, W_k, W_v, W_o (x x x), mu_r, mu_k,
# mu_v, w, u (x); channel mixing W'_r, W'_k, W'_v (x x x), mu'_r, mu'_k (x). 7x^2 + 7x.
@_export
def h23d_mscthesis_rwkv4(x=6):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            for n in ("W_r", "W_k", "W_v", "W_o", "Wc_r", "Wc_k", "Wc_v"):
                setattr(self, n, _p(x, x))
            for n in ("mu_r", "mu_k", "mu_v", "w", "u", "muc_r", "muc_k"):
                setattr(self, n, _p(x))

        def forward(self, xt, state):
            xp, a, b = state
            mix = lambda mu: mu * xt + (1 - mu) * xp
            r, k, v = self.W_r @ mix(self.mu_r), self.W_k @ mix(self.mu_k), self.W_v @ mix(self.mu_v)
            wkv = (a + torch.exp(self.u + k) * v) / (b + torch.exp(self.u + k))
            a = torch.exp(-self.w) * a + torch.exp(k) * v
            b = torch.exp(-self.w) * b + torch.exp(k)
            o = self.W_o @ (torch.sigmoid(r) * wkv)
            rc = self.Wc_r @ (self.muc_r * xt + (1 - self.muc_r) * xp)
            kc = self.Wc_k @ (self.muc_k * xt + (1 - self.muc_k) * xp)
            oc = torch.sigmoid(rc) * (self.Wc_v @ torch.relu(kc) ** 2)
            return o + oc, (xt, a, b)

    return Cell()


# viktor-shcherb/msc_thesis: S4 paper transcription, sec. 2.1. Single-input single-output SSM with learned
# A (N x N), B (N x 1), C (1 x N), D (1 x 1). N^2 + 2N + 1. The forward takes one bilinear step with a
# fixed step size (no step-size parameter in this section).
@_export
def h23d_mscthesis_s4_ssm(N=4):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.A, self.B, self.C, self.D = _p(N, N), _p(N, 1), _p(1, N), _p(1, 1)

        def forward(self, u, x):
            dt = 0.1
            I = torch.eye(N)
            inv = torch.linalg.inv(I - dt / 2 * self.A)
            Ab, Bb = inv @ (I + dt / 2 * self.A), inv @ (dt * self.B)
            x = Ab @ x + (Bb * u).squeeze(-1)
            y = self.C @ x + self.D.squeeze() * u
            return y, x

    return Cell()


# stored file id 37720906553 (xLSTM formulation section of a graph model write-up, sLSTM). W_i, W_f, W_z, W_o
# (h x e), R_i, R_f, R_z, R_o (h x h, full), b_i, b_f, b_z, b_o (h). 4h(e + h + 1).
@_export
def h23d_graphxlstm_slstm(e=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            for g in "ifzo":
                setattr(self, f"W_{g}", _p(h, e))
                setattr(self, f"R_{g}", _p(h, h))
                setattr(self, f"b_{g}", _p(h))

        def forward(self, et, state):
            hp, cp, npv = state
            pre = {g: getattr(self, f"W_{g}") @ et + getattr(self, f"R_{g}") @ hp + getattr(self, f"b_{g}")
                   for g in "ifzo"}
            i, f = torch.exp(pre["i"]), torch.sigmoid(pre["f"])
            z, o = torch.tanh(pre["z"]), torch.sigmoid(pre["o"])
            c = f * cp + i * z
            n = f * npv + i
            return o * (c / n), c, n

    return Cell()


# erikedwards4/nn:c/grossberg.c (header comment, Grossberg CELL stage). Per-neuron parameter vectors tau,
# alpha, beta, gamma (N each); fs is a fixed sampling rate; no weight matrices (the input already has N
# channels). 4N.
@_export
def h23d_erikedwards_grossberg(N=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.tau = nn.Parameter(torch.rand(N) + 0.5)
            self.alpha, self.beta, self.gamma = _p(N), _p(N), _p(N)

        def forward(self, x, yp):
            fs = 10.0
            a = torch.exp(-1 / (fs * self.tau))
            b = 1 - a
            g = self.gamma - self.beta * yp
            return a * yp + b * (g * x - self.alpha * yp)

    return Cell()


# erikedwards4/nn:c/gru_min.c (header comment, minimal GRU CELL stage). U and Uf are N x N; the input
# X = [X; Xf] (2N) comes already projected from a separate IN stage. 2N^2.
@_export
def h23d_erikedwards_grumin(N=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.U, self.Uf = _p(N, N), _p(N, N)

        def forward(self, X, yp):
            x, xf = X[:N], X[N:]
            f = torch.sigmoid(xf + self.Uf @ yp)
            h = f * yp
            return h + (1 - f) * torch.tanh(x + self.U @ h)

    return Cell()


# NikolasMarkou/dl_techniques: layers/time_series/xlstm_blocks.py, sLSTMCell docstring. W_i, W_f, W_o, W_z
# (h x x), R_i, R_f, R_o, R_z (h x h), b_i, b_f, b_o, b_z (h). 4h(x + h + 1).
@_export
def h23d_dltech_slstm(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            for g in "ifoz":
                setattr(self, f"W_{g}", _p(h, x))
                setattr(self, f"R_{g}", _p(h, h))
                setattr(self, f"b_{g}", _p(h))

        def forward(self, xt, state):
            hp, cp, npv, mp = state
            pre = {g: getattr(self, f"W_{g}") @ xt + getattr(self, f"R_{g}") @ hp + getattr(self, f"b_{g}")
                   for g in "ifoz"}
            log_f = torch.nn.functional.logsigmoid(pre["f"])
            m = torch.maximum(mp + log_f, pre["i"])
            i = torch.exp(pre["i"] - m)
            f = torch.exp(log_f + mp - m)
            o, z = torch.sigmoid(pre["o"]), torch.tanh(pre["z"])
            c = f * cp + i * z
            n = f * npv + i
            return o * (c / n), c, n, m

    return Cell()


# lcy-seso/LearningNotes: Mogrifier-LSTM/contents.tex (snippet marked refuse). Most plausible reading:
# mogrifier matrices Q^i (m x n) for odd i and R^i (n x m) for even i, i = 1..r, then a standard LSTM
# with W (4n x m), U (4n x n) and one bias (4n). r m n + 4n(m + n + 1).
@_export
def h23d_lcyseso_mogrifier(m=7, n=5, r=4):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.Q = nn.ParameterList([_p(m, n) for i in range(1, r + 1) if i % 2 == 1])
            self.R = nn.ParameterList([_p(n, m) for i in range(1, r + 1) if i % 2 == 0])
            self.W, self.U, self.b = _p(4 * n, m), _p(4 * n, n), _p(4 * n)

        def forward(self, x, state):
            h, c = state
            qi = ri = 0
            for i in range(1, r + 1):
                if i % 2 == 1:
                    x = 2 * torch.sigmoid(self.Q[qi] @ h) * x
                    qi += 1
                else:
                    h = 2 * torch.sigmoid(self.R[ri] @ x) * h
                    ri += 1
            gi, gf, gg, go = (self.W @ x + self.U @ h + self.b).chunk(4)
            c = torch.sigmoid(gf) * c + torch.sigmoid(gi) * torch.tanh(gg)
            return torch.sigmoid(go) * torch.tanh(c), c

    return Cell()


# Doraemonzzz/Transformer-Evolution-Paper:FFN/004.md (note on Lei et al., "Simple Recurrence Improves Masked
# Language Models"). Row-vector maps W_1, W_2 (d x d_1), biases b_c, b_sigma (d_1), output W_3 (d_1 x d) and
# b_3 (d); Swish has no parameters. 3 d d_1 + 2 d_1 + d.
@_export
def h23d_doraemonzzz_srffn(d=7, d_1=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_1, self.W_2, self.W_3 = _p(d, d_1), _p(d, d_1), _p(d_1, d)
            self.b_c, self.b_sigma, self.b_3 = _p(d_1), _p(d_1), _p(d)

        def forward(self, x, cp):
            x1, x2 = x @ self.W_1, x @ self.W_2
            c = torch.nn.functional.silu(cp - x1) + x1
            h = ((c + self.b_c) * torch.sigmoid(x2 + self.b_sigma)) @ self.W_3 + self.b_3
            return h, c

    return Cell()
