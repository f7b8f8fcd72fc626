import torch
from torch import nn

__all__ = []


def _export(f):
    __all__.append(f.__name__)
    return f


def _p(*shape):
    return nn.Parameter(torch.randn(*shape) * 0.1)


# muditbhargava66/PyxLSTM docs/slstm.md (sLSTM, plain-text equations). Four gates i, f, o, z, each
# W_* (h x x), R_* (h x h), b_* (h). 4h(x + h + 1).
@_export
def h25d_pyxlstm_slstm(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            for g in "ifoz":
                setattr(self, "W_" + g, _p(h, x))
                setattr(self, "R_" + g, _p(h, h))
                setattr(self, "b_" + g, _p(h))

        def pre(self, g, xt, hp):
            return getattr(self, "W_" + g) @ xt + getattr(self, "R_" + g) @ hp + getattr(self, "b_" + g)

        def forward(self, xt, state):
            hp, cp, np_ = state
            i = torch.exp(self.pre("i", xt, hp))
            f = torch.sigmoid(self.pre("f", xt, hp))
            o = torch.sigmoid(self.pre("o", xt, hp))
            z = torch.tanh(self.pre("z", xt, hp))
            c = f * cp + i * z
            n = f * np_ + i
            return o * torch.tanh(c / n), c, n

    return Cell()


# stored file id 30319877224 (Theano "recurrency", LSTMP docstring). Gates i, f, o: W_x* (h x x), W_h* (h x h),
# W_c* (h x h, a full matrix as written), b_* (h); candidate W_xc, W_hc, b_c; projection W_hr (r x h);
# output W_ry (y x r), b_y (y). 3h(x + 2h + 1) + h(x + h + 1) + rh + yr + y.
@_export
def h25d_recurrency_lstmp(x=7, h=5, r=3, y=4):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            for g in "ifo":
                setattr(self, "W_x" + g, _p(h, x))
                setattr(self, "W_h" + g, _p(h, h))
                setattr(self, "W_c" + g, _p(h, h))
                setattr(self, "b_" + g, _p(h))
            self.W_xc, self.W_hc, self.b_c = _p(h, x), _p(h, h), _p(h)
            self.W_hr = _p(r, h)
            self.W_ry, self.b_y = _p(y, r), _p(y)

        def forward(self, xt, state):
            hp, cp = state
            i = torch.sigmoid(self.W_xi @ xt + self.W_hi @ hp + self.W_ci @ cp + self.b_i)
            f = torch.sigmoid(self.W_xf @ xt + self.W_hf @ hp + self.W_cf @ cp + self.b_f)
            c = f * cp + i * torch.tanh(self.W_xc @ xt + self.W_hc @ hp + self.b_c)
            o = torch.sigmoid(self.W_xo @ xt + self.W_ho @ hp + self.W_co @ c + self.b_o)
            ht = o * torch.tanh(c)
            rt = self.W_hr @ ht
            return torch.sigmoid(self.W_ry @ rt + self.b_y), (ht, c)

    return Cell()


# stored file id 30319877224 (Theano "recurrency", GRU docstring). W_z, W_r, W (h x x), U_z, U_r, U (h x h),
# no gate biases; output W_hy (y x h), b_y (y). 3h(x + h) + yh + y.
@_export
def h25d_recurrency_gru(x=7, h=5, y=4):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_z, self.U_z = _p(h, x), _p(h, h)
            self.W_r, self.U_r = _p(h, x), _p(h, h)
            self.W, self.U = _p(h, x), _p(h, h)
            self.W_hy, self.b_y = _p(y, h), _p(y)

        def forward(self, xt, hp):
            z = torch.sigmoid(self.W_z @ xt + self.U_z @ hp)
            r = torch.sigmoid(self.W_r @ xt + self.U_r @ hp)
            ht_ = torch.tanh(self.W @ xt + r * (self.U @ hp))
            ht = (1 - z) * hp + z * ht_
            return torch.sigmoid(self.W_hy @ ht + self.b_y), ht

    return Cell()


# stored file id 1224523975 (LSTM poetry exercise README). Block input z and gates i, f, o: W_* (n_h x n_i),
# R_* (n_h x n_h; the text's n_o must equal n_h since h_{t-1} is h_t), b_* (n_h); peepholes p_i, p_f, p_o
# (n_h). 4 n_h (n_i + n_h + 1) + 3 n_h.
@_export
def h25d_poetryex_peephole(n_i=7, n_h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            for g in "zifo":
                setattr(self, "W_" + g, _p(n_h, n_i))
                setattr(self, "R_" + g, _p(n_h, n_h))
                setattr(self, "b_" + g, _p(n_h))
            self.p_i, self.p_f, self.p_o = _p(n_h), _p(n_h), _p(n_h)

        def pre(self, g, x, hp):
            return getattr(self, "W_" + g) @ x + getattr(self, "R_" + g) @ hp + getattr(self, "b_" + g)

        def forward(self, x, state):
            hp, cp = state
            z = torch.tanh(self.pre("z", x, hp))
            i = torch.sigmoid(self.pre("i", x, hp) + self.p_i * cp)
            f = torch.sigmoid(self.pre("f", x, hp) + self.p_f * cp)
            c = z * i + cp * f
            o = torch.sigmoid(self.pre("o", x, hp) + self.p_o * c)
            return torch.tanh(c) * o, c

    return Cell()


# stored file id 21124083896 (CD-SSM proposal; refuse: x_t and y_t sizes never given). Most plausible
# reading, the proposed CD-SSM with x in R^d, h in R^n, y in R^p: W_{d_1}, W_{d_2}, W_c (d x n), B (n x d),
# C (p x n). 4dn + pn.
@_export
def h25d_cdssm_proposal(d=7, n=5, p=3):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_d1, self.W_d2, self.W_c = _p(d, n), _p(d, n), _p(d, n)
            self.B, self.C = _p(n, d), _p(p, n)

        def forward(self, x, hp):
            d1 = torch.sigmoid(x @ self.W_d1)
            d2 = torch.sigmoid(x @ self.W_d2)
            c_hat = torch.tanh(x @ self.W_c)
            mixed = torch.fft.ifft(c_hat * torch.fft.fft(d2 * hp)).real
            h = d1 * mixed + self.B @ x
            return self.C @ h, h

    return Cell()


# viktor-shcherb/msc_thesis Gated DeltaNet transcription § 3.1 (refuse: α_t, β_t, k_t, v_t not parameterised).
# Most plausible reading, x in R^d: W_k (d_k x d), W_v (d_v x d), w_α and w_β (d each, scalar gates).
# d_k d + d_v d + 2d.
@_export
def h25d_gdnkb_gateddelta(d=7, d_k=3, d_v=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_k, self.W_v = _p(d_k, d), _p(d_v, d)
            self.w_alpha, self.w_beta = _p(d), _p(d)

        def forward(self, x, S):
            k = self.W_k @ x
            v = self.W_v @ x
            a = torch.sigmoid(self.w_alpha @ x)
            b = torch.sigmoid(self.w_beta @ x)
            return S @ (a * (torch.eye(d_k) - b * torch.outer(k, k))) + b * torch.outer(v, k)

    return Cell()


# PyxLSTM docs/slstm.md, earlier version (refuse: circular o_t, z_t = 0). Most plausible reading, the
# output gate read from h_{t-1}: W_i, W_f (h x x), b_i, b_f (h), W_o (h x h), b_o (h). 2h(x + 1) + h(h + 1).
@_export
def h25d_pyxlstm_slstm_old(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_i, self.b_i = _p(h, x), _p(h)
            self.W_f, self.b_f = _p(h, x), _p(h)
            self.W_o, self.b_o = _p(h, h), _p(h)

        def forward(self, xt, state):
            hp, cp, np_ = state
            i = torch.exp(self.W_i @ xt + self.b_i)
            f = torch.exp(self.W_f @ xt + self.b_f)
            o = torch.sigmoid(self.W_o @ hp + self.b_o)
            z = torch.zeros(h)
            c = f * cp + i * z
            n = f * np_ + i
            return o * torch.tanh(c / n), c, n

    return Cell()


# ooples/AiDotNet HGRNLayer.cs XML doc. h has the input's size x: W_f, W_i (x x x), b_f, b_i (x);
# output W_out (y x x), b_out (y). 2x(x + 1) + y(x + 1).
@_export
def h25d_aidotnet_hgrn(x=7, y=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_f, self.b_f = _p(x, x), _p(x)
            self.W_i, self.b_i = _p(x, x), _p(x)
            self.W_out, self.b_out = _p(y, x), _p(y)

        def forward(self, xt, hp):
            f = torch.sigmoid(self.W_f @ xt + self.b_f)
            i = torch.sigmoid(self.W_i @ xt + self.b_i)
            h = f * hp + i * xt
            return self.W_out @ h + self.b_out, h

    return Cell()


# ooples/AiDotNet RealGatedLinearRecurrenceLayer.cs XML doc (RG-LRU). W_r, W_i, W_x (h x x), b_r, b_i (h),
# learned decay c (h). 3hx + 3h.
@_export
def h25d_aidotnet_rglru(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_r, self.b_r = _p(h, x), _p(h)
            self.W_i, self.b_i = _p(h, x), _p(h)
            self.c = _p(h)
            self.W_x = _p(h, x)

        def forward(self, xt, hp):
            r = torch.sigmoid(self.W_r @ xt + self.b_r)
            i = torch.sigmoid(self.W_i @ xt + self.b_i)
            a = r * torch.exp(-nn.functional.softplus(self.c))
            return a * hp + torch.sqrt(1 - a ** 2) * (i * (self.W_x @ xt))

    return Cell()


# stored file id 21427915949 (LSTM from gate modules). Gates F, I, O and node ~C: W_x* (input_dim x hidden_dim),
# W_h* (hidden_dim x hidden_dim), b_* (1 x hidden_dim). 4 hidden_dim (input_dim + hidden_dim + 1).
@_export
def h25d_gatemodules_lstm(input_dim=7, hidden_dim=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            for g in "fioc":
                setattr(self, "W_x" + g, _p(input_dim, hidden_dim))
                setattr(self, "W_h" + g, _p(hidden_dim, hidden_dim))
                setattr(self, "b_" + g, _p(1, hidden_dim))

        def pre(self, g, x, hp):
            return x @ getattr(self, "W_x" + g) + hp @ getattr(self, "W_h" + g) + getattr(self, "b_" + g)

        def forward(self, x, hp, cp):
            f = torch.sigmoid(self.pre("f", x, hp))
            i = torch.sigmoid(self.pre("i", x, hp))
            o = torch.sigmoid(self.pre("o", x, hp))
            c_ = torch.tanh(self.pre("c", x, hp))
            c = f * cp + i * c_
            return o * torch.tanh(c), c

    return Cell()


# stored file id 70125595494 (AnalogIOC design doc, Mamba 1 (S6)). x in R^D: W_Δ (D x D), b (D), W_B, W_C
# (N x D), A_log (D x N), skip D (D). D^2 + 3DN + 2D.
@_export
def h25d_analogioc_mamba1(D=7, N=3):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_delta, self.b = _p(D, D), _p(D)
            self.W_B, self.W_C = _p(N, D), _p(N, D)
            self.A_log = _p(D, N)
            self.D = _p(D)

        def forward(self, x, hp):
            delta = nn.functional.softplus(self.W_delta @ x + self.b)
            Bt, Ct = self.W_B @ x, self.W_C @ x
            A = -torch.exp(self.A_log)
            Abar = torch.exp(delta[:, None] * A)
            Bbar = torch.outer(delta, Bt)
            h = Abar * hp + Bbar * x[:, None]
            return h @ Ct + self.D * x, h

    return Cell()
