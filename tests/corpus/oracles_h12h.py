"""Oracles for the h12h set-aside snippets (research notes, reading-group notes, wiki/KB pages)."""
import torch
from torch import nn

__all__ = []


def _export(f):
    __all__.append(f.__name__)
    return f


def _p(*shape):
    return nn.Parameter(torch.randn(*shape) * 0.1)


# ---------------------------------------------------------------------------
# stored file 56697870547 (Veritate research notes, Griffin / Hawk): RG-LRU as written,
# a_t = sigma(W_a x_t), h_t = a_t * h_{t-1} + (1 - a_t) * x_t.  x and h share width h.
# W_a only (h x h), no bias.  h*h
# ---------------------------------------------------------------------------
@_export
def h12h_veritate_rglru(h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_a = nn.Linear(h, h, bias=False)

        def forward(self, xt, hp):
            a = torch.sigmoid(self.W_a(xt))
            return a * hp + (1 - a) * xt

    return Cell()


# ---------------------------------------------------------------------------
# stored file 56697870547 (Veritate research notes, xLSTM / mLSTM): REFUSE snippet.
# The text writes no weights; this oracle is one plausible reading (xLSTM paper mLSTM,
# single head): W_q, W_k, W_v (h x x) + biases, scalar gates w_i, w_f (1 x x) + biases.
# ---------------------------------------------------------------------------
@_export
def h12h_veritate_mlstm(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_q, self.W_k, self.W_v = nn.Linear(x, h), nn.Linear(x, h), nn.Linear(x, h)
            self.w_i, self.w_f = nn.Linear(x, 1), nn.Linear(x, 1)

        def forward(self, xt, state):
            C, n = state
            q, k, v = self.W_q(xt), self.W_k(xt) / h ** 0.5, self.W_v(xt)
            i = torch.exp(self.w_i(xt)).unsqueeze(-1)
            f = torch.sigmoid(self.w_f(xt)).unsqueeze(-1)
            C = f * C + i * v.unsqueeze(-1) * k.unsqueeze(-2)
            n = f.squeeze(-1) * n + i.squeeze(-1) * k
            denom = torch.clamp((n * q).sum(-1, keepdim=True).abs(), min=1.0)
            ht = (C @ q.unsqueeze(-1)).squeeze(-1) / denom
            return ht, (C, n)

    return Cell()


# ---------------------------------------------------------------------------
# stored file 152834768 (Chinese Obsidian note D2L-56 GRU): d2l row-vector GRU,
# X W_x* (x x h), H W_h* (h x h), b_* (h) for r, z, candidate.  3 * (x*h + h*h + h)
# ---------------------------------------------------------------------------
@_export
def h12h_d2l56_gru(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_xr, self.W_hr, self.b_r = _p(x, h), _p(h, h), _p(h)
            self.W_xz, self.W_hz, self.b_z = _p(x, h), _p(h, h), _p(h)
            self.W_xh, self.W_hh, self.b_h = _p(x, h), _p(h, h), _p(h)

        def forward(self, X, H):
            R = torch.sigmoid(X @ self.W_xr + H @ self.W_hr + self.b_r)
            Z = torch.sigmoid(X @ self.W_xz + H @ self.W_hz + self.b_z)
            Ht = torch.tanh(X @ self.W_xh + (R * H) @ self.W_hh + self.b_h)
            return Z * H + (1 - Z) * Ht

    return Cell()


# ---------------------------------------------------------------------------
# smolix/d2l-neu, stored file 54510775432 (Linear Recurrence and SSMs, minGRU):
# Z = sigma(X W_xz + b_z), H~ = tanh(X W_xh + b_h).  2 * (x*h + h)
# ---------------------------------------------------------------------------
@_export
def h12h_d2lneu_mingru(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_xz, self.b_z = _p(x, h), _p(h)
            self.W_xh, self.b_h = _p(x, h), _p(h)

        def forward(self, X, H):
            Z = torch.sigmoid(X @ self.W_xz + self.b_z)
            Ht = torch.tanh(X @ self.W_xh + self.b_h)
            return (1 - Z) * H + Z * Ht

    return Cell()


# ---------------------------------------------------------------------------
# stored file 34764493215 (paper-summary KB note, RWKV-4 time-mixing as written):
# W_r, W_k, W_v, W_o (d x d), mu_r, mu_k, mu_v (d), w (d), u (d).  4*d*d + 5*d
# ---------------------------------------------------------------------------
@_export
def h12h_paperkb_rwkv4(d=5):
    class TimeMix(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_r, self.W_k = nn.Linear(d, d, bias=False), nn.Linear(d, d, bias=False)
            self.W_v, self.W_o = nn.Linear(d, d, bias=False), nn.Linear(d, d, bias=False)
            self.mu_r, self.mu_k, self.mu_v = _p(d), _p(d), _p(d)
            self.w, self.u = _p(d), _p(d)

        def forward(self, xt, state):
            x_prev, a, b = state
            r = self.W_r(self.mu_r * xt + (1 - self.mu_r) * x_prev)
            k = self.W_k(self.mu_k * xt + (1 - self.mu_k) * x_prev)
            v = self.W_v(self.mu_v * xt + (1 - self.mu_v) * x_prev)
            wkv = (a + torch.exp(self.u + k) * v) / (b + torch.exp(self.u + k))
            o = self.W_o(torch.sigmoid(r) * wkv)
            w = torch.relu(self.w)
            a = torch.exp(-w) * a + torch.exp(k) * v
            b = torch.exp(-w) * b + torch.exp(k)
            return o, (xt, a, b)

    return TimeMix()


# ---------------------------------------------------------------------------
# stored file 67139282583 (Spanish course notes, Clase 16 GRU): no biases;
# W^(ir), W^(iz), W^(i~h) (h x x), W^(hr), W^(hz), W^(h~h) (h x h); reset applied
# after the recurrent product as in the note's standard form.  3 * (h*x + h*h)
# ---------------------------------------------------------------------------
@_export
def h12h_esclase16_gru(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_ir, self.W_hr = nn.Linear(x, h, bias=False), nn.Linear(h, h, bias=False)
            self.W_iz, self.W_hz = nn.Linear(x, h, bias=False), nn.Linear(h, h, bias=False)
            self.W_in, self.W_hn = nn.Linear(x, h, bias=False), nn.Linear(h, h, bias=False)

        def forward(self, xt, hp):
            r = torch.sigmoid(self.W_ir(xt) + self.W_hr(hp))
            z = torch.sigmoid(self.W_iz(xt) + self.W_hz(hp))
            n = torch.tanh(self.W_in(xt) + r * self.W_hn(hp))
            return (1 - z) * hp + z * n

    return Cell()


# ---------------------------------------------------------------------------
# stored file 53958806441 (Spanish methodology notebook, GRU code block): no biases,
# W_z, W_r, W (h x (h + x)) on [h_{t-1}, x_t].  3 * h * (h + x)
# ---------------------------------------------------------------------------
@_export
def h12h_esdae_gru(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_z = nn.Linear(h + x, h, bias=False)
            self.W_r = nn.Linear(h + x, h, bias=False)
            self.W = nn.Linear(h + x, h, bias=False)

        def forward(self, xt, hp):
            hx = torch.cat([hp, xt], -1)
            z = torch.sigmoid(self.W_z(hx))
            r = torch.sigmoid(self.W_r(hx))
            ht = torch.tanh(self.W(torch.cat([r * hp, xt], -1)))
            return (1 - z) * hp + z * ht

    return Cell()
