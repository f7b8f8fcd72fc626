import torch
from torch import nn

__all__ = []


def _export(f):
    __all__.append(f.__name__)
    return f


def _p(*shape, dtype=None):
    if dtype is None:
        return nn.Parameter(torch.randn(*shape) * 0.1)
    return nn.Parameter(torch.randn(*shape, dtype=dtype) * 0.1)


# le4m4rie/Text-to-Speech:docs/Themen/Zeitserienanalyse.md (German course page, LSTM bullets; stored file id
# 1295252949). expect refuse: the text gives i_t, f_t and the output gate (written i_t) as
# sigma(U h_{t-1} + W x_t + b), but never writes the cell candidate or the cell update (they are only in
# figures), so the candidate's weights are not determined. One plausible reading (candidate of the same
# form as the gates, U_c, W_c, b_c): 4h(x + h + 1).
@_export
def h17f_zeitserien_lstm(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.U = nn.ParameterDict({g: _p(h, h) for g in "ifoc"})
            self.W = nn.ParameterDict({g: _p(h, x) for g in "ifoc"})
            self.b = nn.ParameterDict({g: _p(h) for g in "ifoc"})

        def pre(self, g, xt, hp):
            return self.U[g] @ hp + self.W[g] @ xt + self.b[g]

        def forward(self, xt, state):
            hp, cp = state
            i = torch.sigmoid(self.pre("i", xt, hp))
            f = torch.sigmoid(self.pre("f", xt, hp))
            o = torch.sigmoid(self.pre("o", xt, hp))
            c = f * cp + i * torch.tanh(self.pre("c", xt, hp))
            return o * torch.tanh(c), c

    return Cell()


# stored file id 65847421960 (Polish TypeScript class LSTMLayer). W (4*hiddenSize x inputSize),
# U (4*hiddenSize x hiddenSize), b (4*hiddenSize x 1), gates [f, i, g, o]; hidden state a<t>.
# 4h*x + 4h*h + 4h = 4h(x + h + 1).
@_export
def h17f_pllstmlayer_lstm(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W = _p(4 * h, x)
            self.U = _p(4 * h, h)
            self.b = _p(4 * h, 1)

        def forward(self, xt, state):
            a, c = state  # (h, 1) each; xt (x, 1)
            Z = self.W @ xt + self.U @ a + self.b
            zf, zi, zg, zo = torch.split(Z, h, dim=0)
            c = torch.sigmoid(zf) * c + torch.sigmoid(zi) * torch.tanh(zg)
            a = torch.sigmoid(zo) * torch.tanh(c)
            return a, c

    return Cell()


# lbourdois/blog:_posts/2023-12-09-introduction_ssm.md (French, Définition d'un SSM). Four learnable
# complex matrices A in C^{n x n}, B in C^{n x m}, C in C^{p x n}, D in C^{p x m} (counted as complex
# entries, as torch counts a complex parameter). n^2 + nm + pn + pm.
@_export
def h17f_lbourdois_ssm(n=5, m=7, p=3):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.A = _p(n, n, dtype=torch.cfloat)
            self.B = _p(n, m, dtype=torch.cfloat)
            self.C = _p(p, n, dtype=torch.cfloat)
            self.D = _p(p, m, dtype=torch.cfloat)

        def forward(self, u, xs):
            # continuous time: returns x'(t) and y(t)
            u = u.to(torch.cfloat)
            dx = self.A @ xs + self.B @ u
            y = self.C @ xs + self.D @ u
            return y, dx

    return Cell()


# stored file id 9411357752 (Japanese README, LSTM Animation). Parameters Wf, Wi, Wc, Wo, bf, bi, bc, bo;
# W_* . [h_{t-1}, x_t] so each W_* is h x (h + x). 4h(h + x + 1).
@_export
def h17f_jpdlviz_lstm(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.f = nn.Linear(h + x, h)
            self.i = nn.Linear(h + x, h)
            self.c = nn.Linear(h + x, h)
            self.o = nn.Linear(h + x, h)

        def forward(self, xt, state):
            hp, cp = state
            z = torch.cat([hp, xt], -1)
            f = torch.sigmoid(self.f(z))
            i = torch.sigmoid(self.i(z))
            ct = torch.tanh(self.c(z))
            c = f * cp + i * ct
            o = torch.sigmoid(self.o(z))
            return o * torch.tanh(c), c

    return Cell()


# oscgonz19/gru4rec-reproduction-and-audit:docs/es/technical_report.md (Spanish, 2.2). h_t = f(W_hh h + W_xh x
# + b_h), y_t = g(W_hy h_t + b_y). h^2 + hx + h + yh + y.
@_export
def h17f_gru4rec_rnn(x=7, h=5, y=3):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_hh = _p(h, h)
            self.W_xh = _p(h, x)
            self.b_h = _p(h)
            self.W_hy = _p(y, h)
            self.b_y = _p(y)

        def forward(self, xt, hp):
            ht = torch.tanh(self.W_hh @ hp + self.W_xh @ xt + self.b_h)
            yt = self.W_hy @ ht + self.b_y
            return yt, ht

    return Cell()


# oscgonz19/gru4rec-reproduction-and-audit:docs/es/technical_report.md (Spanish, 2.3). W_z, W_r, W on
# [h_{t-1}, x_t], no biases. 3h(h + x).
@_export
def h17f_gru4rec_gru(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_z = nn.Linear(h + x, h, bias=False)
            self.W_r = nn.Linear(h + x, h, bias=False)
            self.W = nn.Linear(h + x, h, bias=False)

        def forward(self, xt, hp):
            z = torch.sigmoid(self.W_z(torch.cat([hp, xt], -1)))
            r = torch.sigmoid(self.W_r(torch.cat([hp, xt], -1)))
            ht = torch.tanh(self.W(torch.cat([r * hp, xt], -1)))
            return (1 - z) * hp + z * ht

    return Cell()


# stored file id 54267765644 (Korean blog post, Mamba review, section 2). expect refuse: the sizes of x(t),
# h(t), A, D and the output sizes of Linear_B, Linear_C, Linear_Delta are never stated (nor whether the
# Linear maps carry biases). One plausible reading (the usual S6 with D = x channels, N = h state size,
# A in R^{D x N}, Linear_B, Linear_C: D -> N with bias, Linear_Delta: D -> D with bias, D in R^D):
# DN + 2(DN + N) + (D^2 + D) + D = 3DN + 2N + D^2 + 2D.
@_export
def h17f_komambarev_mamba(x=6, h=4):
    D, N = x, h

    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.A = _p(D, N)
            self.lin_B = nn.Linear(D, N)
            self.lin_C = nn.Linear(D, N)
            self.lin_dt = nn.Linear(D, D)
            self.D = _p(D)

        def forward(self, u, s):
            # u: (D,), s: (D, N)
            B = self.lin_B(u)
            C = self.lin_C(u)
            dt = nn.functional.softplus(self.lin_dt(u))
            dA = torch.exp(dt[:, None] * self.A)
            dB = dt[:, None] * B[None, :]
            s = dA * s + dB * u[:, None]
            y = s @ C + self.D * u
            return y, s

    return Cell()


# stored file id 69388738298 (Portuguese Typst notes, Simple RNN). h_t = tanh(W_(h h) h + W_(x h) x + b_h),
# o_t = W_(h o) h_t + b_o. h^2 + hx + h + oh + o.
@_export
def h17f_pttypst_rnn(x=7, h=5, o=3):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_hh = _p(h, h)
            self.W_xh = _p(h, x)
            self.b_h = _p(h)
            self.W_ho = _p(o, h)
            self.b_o = _p(o)

        def forward(self, xt, hp):
            ht = torch.tanh(self.W_hh @ hp + self.W_xh @ xt + self.b_h)
            return self.W_ho @ ht + self.b_o, ht

    return Cell()


# stored file id 69388738298 (Portuguese Typst notes, LSTM). [f; i; s; c~] = [sigma; sigma; sigma; tanh]
# W^T [h_(t-1); x_t], W = [W_f; W_i; W_s; W_c], no biases; each block maps [h; x] to h. 4h(h + x).
@_export
def h17f_pttypst_lstm(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W = nn.ParameterDict({g: _p(h, h + x) for g in "fisc"})

        def forward(self, xt, state):
            hp, cp = state
            z = torch.cat([hp, xt], -1)
            f = torch.sigmoid(self.W["f"] @ z)
            i = torch.sigmoid(self.W["i"] @ z)
            s = torch.sigmoid(self.W["s"] @ z)
            ct = torch.tanh(self.W["c"] @ z)
            c = f * cp + i * ct
            return s * torch.tanh(c), c

    return Cell()


# stored file id 38738833840 (Spanish Markdown, Ecuaciones de la RNN). x_t in R^d, h_t in R^h, y_t in R^o;
# W_hx (h x d), W_hh (h x h), W_hy (o x h), b_h, b_y. h^2 + hd + h + oh + o.
@_export
def h17f_esmodsec_rnn(d=7, h=5, o=3):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_hx = _p(h, d)
            self.W_hh = _p(h, h)
            self.b_h = _p(h)
            self.W_hy = _p(o, h)
            self.b_y = _p(o)

        def forward(self, xt, hp):
            ht = torch.tanh(self.W_hx @ xt + self.W_hh @ hp + self.b_h)
            return self.W_hy @ ht + self.b_y, ht

    return Cell()


# stored file id 38738833840 (Spanish Markdown, Ecuaciones de la celda LSTM). W_* x + U_* h + b_* for
# f, i, c~, o. 4(hx + h^2 + h) = 4h(x + h + 1).
@_export
def h17f_esmodsec_lstm(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W = nn.ParameterDict({g: _p(h, x) for g in "fico"})
            self.U = nn.ParameterDict({g: _p(h, h) for g in "fico"})
            self.b = nn.ParameterDict({g: _p(h) for g in "fico"})

        def pre(self, g, xt, hp):
            return self.W[g] @ xt + self.U[g] @ hp + self.b[g]

        def forward(self, xt, state):
            hp, cp = state
            f = torch.sigmoid(self.pre("f", xt, hp))
            i = torch.sigmoid(self.pre("i", xt, hp))
            ct = torch.tanh(self.pre("c", xt, hp))
            c = f * cp + i * ct
            o = torch.sigmoid(self.pre("o", xt, hp))
            return o * torch.tanh(c), c

    return Cell()
