import torch
from torch import nn

__all__ = []


def _export(f):
    __all__.append(f.__name__)
    return f


def _p(*shape):
    return nn.Parameter(torch.randn(*shape) * 0.1)


# stored file id 32697717053 (personal notes "# Sequence NNs: RNN, GRU and LSTM", ## Long-Short Term Memory).
# W_{f,i,o,c} in R^{h x d}, U_{f,i,o,c} in R^{h x h}, one bias b_{f,i,o,c} in R^h per gate.
# 4(hd + h^2 + h) = 4h(d + h + 1).
@_export
def h20f_seqnnnotes_lstm(d=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            for g in "fioc":
                setattr(self, "W_" + g, _p(h, d))
                setattr(self, "U_" + g, _p(h, h))
                setattr(self, "b_" + g, _p(h))

        def pre(self, g, x, hp):
            return getattr(self, "W_" + g) @ x + getattr(self, "U_" + g) @ hp + getattr(self, "b_" + g)

        def forward(self, x, state):
            hp, cp = state
            f = torch.sigmoid(self.pre("f", x, hp))
            i = torch.sigmoid(self.pre("i", x, hp))
            o = torch.sigmoid(self.pre("o", x, hp))
            ch = torch.tanh(self.pre("c", x, hp))
            c = f * cp + i * ch
            return o * torch.tanh(c), c

    return Cell()


# stored file id 32697717053 (same notes, ## Gated Recurrent Unit). No biases. W_z, W_r act on [h_{t-1}; x_t]
# (h + x columns); W_h acts on [r_t; h_{t-1}; x_t] (h + h + x columns); every gate has h rows (z, h^ mix with h).
# 2h(h + x) + h(2h + x) = h(4h + 3x).
@_export
def h20f_seqnnnotes_gru(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_z = _p(h, h + x)
            self.W_r = _p(h, h + x)
            self.W_h = _p(h, 2 * h + x)

        def forward(self, xt, hp):
            hx = torch.cat([hp, xt])
            z = torch.sigmoid(self.W_z @ hx)
            r = torch.sigmoid(self.W_r @ hx)
            hh = torch.sigmoid(self.W_h @ torch.cat([r, hp, xt]))
            return (1 - z) * hp + z * hh

    return Cell()


# stored file id 39041381981 (TSX component RNNLSTMMath, LSTM gates). W_{f,i,C,o} act on [h_{t-1}, x_t];
# one bias per gate. 4h(h + x + 1).
@_export
def h20f_rnnlstmmath_lstm(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_f = nn.Linear(h + x, h)
            self.W_i = nn.Linear(h + x, h)
            self.W_C = nn.Linear(h + x, h)
            self.W_o = nn.Linear(h + x, h)

        def forward(self, xt, state):
            hp, Cp = state
            hx = torch.cat([hp, xt])
            f = torch.sigmoid(self.W_f(hx))
            i = torch.sigmoid(self.W_i(hx))
            Ct = torch.tanh(self.W_C(hx))
            C = f * Cp + i * Ct
            o = torch.sigmoid(self.W_o(hx))
            return o * torch.tanh(C), C

    return Cell()


# stored file id 56284651299 (study note "# LSTM and GRU (Gated Recurrent Networks)", ## 1. LSTM). Row vectors:
# W_{x*} is X x H, W_{h*} is H x H, one bias b_* (H) per gate f, i, o, c. 4(XH + H^2 + H) = 4H(X + H + 1).
@_export
def h20f_gatednote_lstm(X=7, H=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            for g in "fioc":
                setattr(self, "W_x" + g, _p(X, H))
                setattr(self, "W_h" + g, _p(H, H))
                setattr(self, "b_" + g, _p(H))

        def pre(self, g, x, hp):
            return x @ getattr(self, "W_x" + g) + hp @ getattr(self, "W_h" + g) + getattr(self, "b_" + g)

        def forward(self, x, state):
            hp, cp = state
            F = torch.sigmoid(self.pre("f", x, hp))
            I = torch.sigmoid(self.pre("i", x, hp))
            O = torch.sigmoid(self.pre("o", x, hp))
            Ct = torch.tanh(self.pre("c", x, hp))
            C = F * cp + I * Ct
            return O * torch.tanh(C), C

    return Cell()


# stored file id 66040200551 (Markdown note "# Gated Recurrent Unit (GRU)"). W_{i*} in R^{d_in x d_h},
# W_{h*} in R^{d_h x d_h}, b_* in R^{d_h}, for z, r, h. 3(d_in d_h + d_h^2 + d_h) = 3 d_h (d_in + d_h + 1).
@_export
def h20f_uanote_gru(d_in=7, d_h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            for g in "zrh":
                setattr(self, "W_i" + g, _p(d_in, d_h))
                setattr(self, "W_h" + g, _p(d_h, d_h))
                setattr(self, "b_" + g, _p(d_h))

        def forward(self, x, hp):
            z = torch.sigmoid(x @ self.W_iz + hp @ self.W_hz + self.b_z)
            r = torch.sigmoid(x @ self.W_ir + hp @ self.W_hr + self.b_r)
            hh = torch.tanh(x @ self.W_ih + (r * hp) @ self.W_hh + self.b_h)
            return (1 - z) * hp + z * hh

    return Cell()


# stored file id 22939060294 (note "# Day 8.2 ...", ### Simple Recurrent Unit (SRU)). The highway term
# (1 - r_t) * x_t forces x and h (= c) to one size; W, W_f, W_r are h x x; b_f, b_r in R^h. 3hx + 2h.
@_export
def h20f_day82_sru(x=6, h=6):
    assert x == h, "the text adds (1 - r_t) * x_t to a hidden-size vector"

    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W = _p(h, x)
            self.W_f = _p(h, x)
            self.b_f = _p(h)
            self.W_r = _p(h, x)
            self.b_r = _p(h)

        def forward(self, xt, cp):
            ht_ = self.W @ xt
            f = torch.sigmoid(self.W_f @ xt + self.b_f)
            r = torch.sigmoid(self.W_r @ xt + self.b_r)
            c = f * cp + (1 - f) * ht_
            return r * torch.tanh(c) + (1 - r) * xt, c

    return Cell()


# stored file id 22939060294 (same note, ### Quasi-Recurrent Neural Networks (QRNNs)); expect refuse: the
# width of the time-wise convolution W_z * X is never given (nor any bias). One plausible reading: three
# bias-free causal convolutions of width k from X channels to h channels. 3hXk.
@_export
def h20f_day82_qrnn(X=7, h=5, k=2):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_z = _p(h, X, k)
            self.W_f = _p(h, X, k)
            self.W_o = _p(h, X, k)

        def forward(self, window, cp):
            # window: (X, k), the last k inputs, newest last
            z = torch.tanh(torch.einsum("hxk,xk->h", self.W_z, window))
            f = torch.sigmoid(torch.einsum("hxk,xk->h", self.W_f, window))
            o = torch.sigmoid(torch.einsum("hxk,xk->h", self.W_o, window))
            c = f * cp + (1 - f) * z
            return o * c, c

    return Cell()


# uni-notes/uni-notes docs/CS_Electives/Deep_Learning/06_LSTM.md (## Gates). Row vectors: W_{x*} is X x H,
# W_{h*} is H x H, one bias per gate i, f, o, c. 4H(X + H + 1).
@_export
def h20f_uninotes_lstm(X=7, H=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            for g in "ifoc":
                setattr(self, "W_x" + g, _p(X, H))
                setattr(self, "W_h" + g, _p(H, H))
                setattr(self, "b_" + g, _p(H))

        def pre(self, g, x, hp):
            return x @ getattr(self, "W_x" + g) + hp @ getattr(self, "W_h" + g) + getattr(self, "b_" + g)

        def forward(self, x, state):
            hp, cp = state
            I = torch.sigmoid(self.pre("i", x, hp))
            F = torch.sigmoid(self.pre("f", x, hp))
            O = torch.sigmoid(self.pre("o", x, hp))
            Ct = torch.tanh(self.pre("c", x, hp))
            C = F * cp + I * Ct
            return O * torch.tanh(C), C

    return Cell()


# uni-notes/uni-notes docs/CS_Electives/Deep_Learning/05_GRU.md (## Gating). Row vectors: W_{x*} is X x H,
# W_{h*} is H x H, one bias per gate r, z, h. 3H(X + H + 1).
@_export
def h20f_uninotes_gru(X=7, H=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            for g in "rzh":
                setattr(self, "W_x" + g, _p(X, H))
                setattr(self, "W_h" + g, _p(H, H))
                setattr(self, "b_" + g, _p(H))

        def forward(self, x, hp):
            R = torch.sigmoid(x @ self.W_xr + hp @ self.W_hr + self.b_r)
            Z = torch.sigmoid(x @ self.W_xz + hp @ self.W_hz + self.b_z)
            Ht = torch.tanh(x @ self.W_xh + (R * hp) @ self.W_hh + self.b_h)
            return Z * hp + (1 - Z) * Ht

    return Cell()


# stored file id 52011870023 (lecture notes "# 30. State Space Models & Alternatives to Attention", ### RWKV,
# time mixing). mu_r, mu_k, mu_v act elementwise on x (size x); r, k, v, wkv share one size v (e^{k} v and
# sigma(r) * wkv are elementwise); W_r, W_k, W_v: v x x; w (per-channel decay) and u (bonus) in R^v;
# W_o: o x v. 3vx + 3x + 2v + ov.
@_export
def h20f_lec30_rwkv(x=7, v=5, o=6):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_r = _p(v, x)
            self.W_k = _p(v, x)
            self.W_v = _p(v, x)
            self.mu_r = _p(x)
            self.mu_k = _p(x)
            self.mu_v = _p(x)
            self.w = _p(v)
            self.u = _p(v)
            self.W_o = _p(o, v)

        def forward(self, xt, state):
            # state: previous input x_{t-1}, and running (a, b) = numerator and denominator sums
            xp, a, b = state
            mix = lambda mu: mu * xt + (1 - mu) * xp
            r = self.W_r @ mix(self.mu_r)
            k = self.W_k @ mix(self.mu_k)
            vv = self.W_v @ mix(self.mu_v)
            wkv = (a + torch.exp(self.u + k) * vv) / (b + torch.exp(self.u + k))
            out = self.W_o @ (torch.sigmoid(r) * wkv)
            a = torch.exp(-self.w) * a + torch.exp(k) * vv
            b = torch.exp(-self.w) * b + torch.exp(k)
            return out, (xt, a, b)

    return Cell()


# stored file id 39041381981 (TSX component RNNLSTMMath, Vanilla RNN). W_{xh}: h x x, W_{hh}: h x h, b_h.
# h(x + h + 1).
@_export
def h20f_rnnlstmmath_rnn(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_xh = _p(h, x)
            self.W_hh = _p(h, h)
            self.b_h = _p(h)

        def forward(self, xt, hp):
            return torch.tanh(self.W_xh @ xt + self.W_hh @ hp + self.b_h)

    return Cell()
