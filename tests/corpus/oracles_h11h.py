"""Oracles for the h11h set-aside snippets (research notes, reading-group notes, wiki/KB pages)."""
import torch
from torch import nn

__all__ = []


def _export(f):
    __all__.append(f.__name__)
    return f


def _p(*shape):
    return nn.Parameter(torch.randn(*shape) * 0.1)


# ---------------------------------------------------------------------------
# stored file 18773604492 (Japanese study note): GRU with W_* (h x x), U_* (h x h), b_* (h);
# candidate uses U_h (r_t * h_{t-1}).  3 * (h*x + h*h + h)
# ---------------------------------------------------------------------------
@_export
def h11h_jpgatenote_gru(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_z, self.U_z, self.b_z = _p(h, x), _p(h, h), _p(h)
            self.W_r, self.U_r, self.b_r = _p(h, x), _p(h, h), _p(h)
            self.W_h, self.U_h, self.b_h = _p(h, x), _p(h, h), _p(h)

        def forward(self, xt, hp):
            z = torch.sigmoid(xt @ self.W_z.T + hp @ self.U_z.T + self.b_z)
            r = torch.sigmoid(xt @ self.W_r.T + hp @ self.U_r.T + self.b_r)
            ht = torch.tanh(xt @ self.W_h.T + (r * hp) @ self.U_h.T + self.b_h)
            return (1 - z) * hp + z * ht

    return Cell()


# ---------------------------------------------------------------------------
# stored file 65738212339 (Japanese book chapter 6.2.3): GRU, W_z, W_r, W_h act on
# [h_{t-1}, x_t] (h x (h+x)), no biases.  3 * h * (h + x)
# ---------------------------------------------------------------------------
@_export
def h11h_jpbookch6_gru(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_z = nn.Linear(h + x, h, bias=False)
            self.W_r = nn.Linear(h + x, h, bias=False)
            self.W_h = nn.Linear(h + x, h, bias=False)

        def forward(self, xt, hp):
            hx = torch.cat([hp, xt], -1)
            z = torch.sigmoid(self.W_z(hx))
            r = torch.sigmoid(self.W_r(hx))
            ht = torch.tanh(self.W_h(torch.cat([r * hp, xt], -1)))
            return (1 - z) * hp + z * ht

    return Cell()


# ---------------------------------------------------------------------------
# viktor-shcherb/msc_thesis RWKV analysis notes (refuse): one plausible reading.
# Time mixing: mu_r, mu_k, mu_v (d), W_r, W_k, W_v, W_o (d x d), w, u (d).
# Channel mixing: mu'_r, mu'_k (d), W'_r (d x d), W'_k (4d x d), W'_v (d x 4d);
# the 4d width is the RWKV paper's, NOT stated in the excerpt (hence refuse).
# ---------------------------------------------------------------------------
@_export
def h11h_thesisnotes_rwkv(d=7, hidden_mult=4):
    dk = hidden_mult * d

    class Block(nn.Module):
        def __init__(self):
            super().__init__()
            self.mu_r, self.mu_k, self.mu_v = _p(d), _p(d), _p(d)
            self.W_r, self.W_k, self.W_v, self.W_o = _p(d, d), _p(d, d), _p(d, d), _p(d, d)
            self.w, self.u = _p(d), _p(d)
            self.mu_r2, self.mu_k2 = _p(d), _p(d)
            self.W_r2, self.W_k2, self.W_v2 = _p(d, d), _p(dk, d), _p(d, dk)

        def forward(self, xt, xp, state):
            a, b = state
            mix = lambda mu: mu * xt + (1 - mu) * xp
            r = self.W_r @ mix(self.mu_r)
            k = self.W_k @ mix(self.mu_k)
            v = self.W_v @ mix(self.mu_v)
            wkv = (a + torch.exp(self.u + k) * v) / (b + torch.exp(self.u + k))
            a = torch.exp(-torch.relu(self.w)) * a + torch.exp(k) * v
            b = torch.exp(-torch.relu(self.w)) * b + torch.exp(k)
            o = self.W_o @ (torch.sigmoid(r) * wkv)
            r2 = self.W_r2 @ mix(self.mu_r2)
            k2 = self.W_k2 @ mix(self.mu_k2)
            o2 = torch.sigmoid(r2) * (self.W_v2 @ torch.relu(k2) ** 2)
            return o, o2, (a, b)

    return Block()


# ---------------------------------------------------------------------------
# stored file 22250103226 (Obsidian Mamba note, S6 algorithm): A (D x N) Parameter;
# s_B, s_C = Linear_N (D -> N, affine); Delta = softplus(Parameter (D) + Broadcast_D(Linear_1(x)))
# with Linear_1 : D -> 1 affine.  D*N + 2*(D*N + N) + D + (D + 1)
# ---------------------------------------------------------------------------
@_export
def h11h_obsmamba_s6(D=5, N=3):
    class S6(nn.Module):
        def __init__(self):
            super().__init__()
            self.A = _p(D, N)
            self.s_B = nn.Linear(D, N)
            self.s_C = nn.Linear(D, N)
            self.delta_param = _p(D)
            self.s_D = nn.Linear(D, 1)

        def forward(self, xt, hp):  # xt (1, D), hp (1, D, N)
            B, C = self.s_B(xt), self.s_C(xt)                      # (1, N)
            delta = nn.functional.softplus(self.delta_param + self.s_D(xt).expand(-1, D))  # (1, D)
            Abar = torch.exp(delta.unsqueeze(-1) * self.A)         # (1, D, N)
            Bbar = delta.unsqueeze(-1) * B.unsqueeze(1)            # (1, D, N)
            hn = Abar * hp + Bbar * xt.unsqueeze(-1)
            y = (hn * C.unsqueeze(1)).sum(-1)
            return y, hn

    return S6()


# ---------------------------------------------------------------------------
# stored file 19664705265 (Chinese RNN notes), LSTM: row vectors; W_* (h x h) recurrent,
# U_* (i x h) input, b_* (1 x h); gates f, i, c~, o.  4 * (h*h + i*h + h)
# ---------------------------------------------------------------------------
@_export
def h11h_zhrnnnotes_lstm(i=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            for g in "fico":
                setattr(self, "W_" + g, _p(h, h))
                setattr(self, "U_" + g, _p(i, h))
                setattr(self, "b_" + g, _p(1, h))

        def _pre(self, g, hp, xt):
            return hp @ getattr(self, "W_" + g) + xt @ getattr(self, "U_" + g) + getattr(self, "b_" + g)

        def forward(self, xt, state):
            hp, cp = state
            f = torch.sigmoid(self._pre("f", hp, xt))
            ig = torch.sigmoid(self._pre("i", hp, xt))
            ct_ = torch.tanh(self._pre("c", hp, xt))
            c = f * cp + ig * ct_
            o = torch.sigmoid(self._pre("o", hp, xt))
            return o * torch.tanh(c), c

    return Cell()


# ---------------------------------------------------------------------------
# stored file 19664705265 (Chinese RNN notes), GRU: row vectors, no biases; W_* (h x h)
# recurrent, U_* (x x h) input; candidate (r * h_{t-1}) W_h.  3 * (h*h + x*h)
# ---------------------------------------------------------------------------
@_export
def h11h_zhrnnnotes_gru(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_z, self.U_z = _p(h, h), _p(x, h)
            self.W_r, self.U_r = _p(h, h), _p(x, h)
            self.W_h, self.U_h = _p(h, h), _p(x, h)

        def forward(self, xt, hp):
            z = torch.sigmoid(hp @ self.W_z + xt @ self.U_z)
            r = torch.sigmoid(hp @ self.W_r + xt @ self.U_r)
            ht = torch.tanh((r * hp) @ self.W_h + xt @ self.U_h)
            return (1 - z) * hp + z * ht

    return Cell()


# ---------------------------------------------------------------------------
# stored file 52455376357 (TSX course page), SRU without peepholes: x~ = W x (no bias),
# f = sigma(W_f x + b_f), r = sigma(W_r x + b_r); highway (1 - r) * x forces x = h.
# 3 * h*h + 2 * h
# ---------------------------------------------------------------------------
@_export
def h11h_tsxcourse_sru(x=5, h=5):
    assert x == h, "the highway term (1 - r_t) * x_t needs input width = hidden width"

    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W = nn.Linear(x, h, bias=False)
            self.W_f = nn.Linear(x, h)
            self.W_r = nn.Linear(x, h)

        def forward(self, xt, cp):
            xt_ = self.W(xt)
            f = torch.sigmoid(self.W_f(xt))
            r = torch.sigmoid(self.W_r(xt))
            c = f * cp + (1 - f) * xt_
            return r * torch.tanh(c) + (1 - r) * xt, c

    return Cell()


# ---------------------------------------------------------------------------
# stored file 61772899941 (KTU GRU formula sheet): W_z, W_r, W_h (h x (h+d)), b_* (h),
# plus the output row y_t = softmax(W_o h_t + b_o), y_t in R^V -> W_o (V x h), b_o (V).
# 3 * (h*(h+d) + h) + V*h + V
# ---------------------------------------------------------------------------
@_export
def h11h_ktunotes_gru(d=7, h=5, V=3):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_z = nn.Linear(h + d, h)
            self.W_r = nn.Linear(h + d, h)
            self.W_h = nn.Linear(h + d, h)
            self.W_o = nn.Linear(h, V)

        def forward(self, xt, hp):
            v = torch.cat([hp, xt], -1)
            z = torch.sigmoid(self.W_z(v))
            r = torch.sigmoid(self.W_r(v))
            ht = torch.tanh(self.W_h(torch.cat([r * hp, xt], -1)))
            hn = (1 - z) * hp + z * ht
            return torch.softmax(self.W_o(hn), -1), hn

    return Cell()


# ---------------------------------------------------------------------------
# stored file 6105573327 (Chinese d2l LSTM notes): row-vector form, W_x* (d x h),
# W_h* (h x h), b_* (1 x h) for I, F, O and the candidate C~.  4 * (d*h + h*h + h)
# ---------------------------------------------------------------------------
@_export
def h11h_zhd2lnotes_lstm(d=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            for g in "ifoc":
                setattr(self, "W_x" + g, _p(d, h))
                setattr(self, "W_h" + g, _p(h, h))
                setattr(self, "b_" + g, _p(1, h))

        def _pre(self, g, X, H):
            return X @ getattr(self, "W_x" + g) + H @ getattr(self, "W_h" + g) + getattr(self, "b_" + g)

        def forward(self, X, state):
            H, C = state
            I = torch.sigmoid(self._pre("i", X, H))
            F = torch.sigmoid(self._pre("f", X, H))
            O = torch.sigmoid(self._pre("o", X, H))
            Ct = torch.tanh(self._pre("c", X, H))
            C = F * C + I * Ct
            return O * torch.tanh(C), C

    return Cell()


# ---------------------------------------------------------------------------
# stored file 32225489750 (English "Modern RNNs" d2l notes, LSTM): same D2L row-vector LSTM,
# W_x* (d x h), W_h* (h x h), b_* (1 x h) for I, F, O and the input node C~.  4 * (d*h + h*h + h)
# ---------------------------------------------------------------------------
@_export
def h11h_modernrnnnotes_lstm(d=7, h=5):
    return h11h_zhd2lnotes_lstm(d=d, h=h)
