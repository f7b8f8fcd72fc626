"""Oracles for the h36f set-aside snippets (heldout36), as its gatherer wrote them."""
import torch
from torch import nn

__all__ = []


def _export(f):
    __all__.append(f.__name__)
    return f


def _p(*shape):
    return nn.Parameter(torch.randn(*shape) * 0.1)


# lucasvolkmer/d2l-en-branch lstm.md (Portuguese d2l), LSTM; W_x* (d,h) x4, W_h* (h,h) x4, b_* (1,h) x4;
# Count: 4*(d*h + h*h + h).
@_export
def h36f_d2lpt_lstm(d=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.Wx = nn.ParameterDict({g: _p(d, h) for g in "ifoc"})
            self.Wh = nn.ParameterDict({g: _p(h, h) for g in "ifoc"})
            self.b = nn.ParameterDict({g: _p(1, h) for g in "ifoc"})

        def forward(self, X, H, C):
            a = {g: X @ self.Wx[g] + H @ self.Wh[g] + self.b[g] for g in "ifoc"}
            I, F, O = torch.sigmoid(a["i"]), torch.sigmoid(a["f"]), torch.sigmoid(a["o"])
            Ct = torch.tanh(a["c"])
            C = F * C + I * Ct
            return O * torch.tanh(C), C
    return Cell()


# tson295/d2l-vi gru.md (Vietnamese d2l), GRU; W_xr,W_xz,W_xh (d,h), W_hr,W_hz,W_hh (h,h), b_r,b_z,b_h (1,h);
# Count: 3*(d*h + h*h + h).
@_export
def h36f_d2lvi_gru(d=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.Wx = nn.ParameterDict({g: _p(d, h) for g in "rzh"})
            self.Wh = nn.ParameterDict({g: _p(h, h) for g in "rzh"})
            self.b = nn.ParameterDict({g: _p(1, h) for g in "rzh"})

        def forward(self, X, H):
            R = torch.sigmoid(X @ self.Wx["r"] + H @ self.Wh["r"] + self.b["r"])
            Z = torch.sigmoid(X @ self.Wx["z"] + H @ self.Wh["z"] + self.b["z"])
            Ht = torch.tanh(X @ self.Wx["h"] + (R * H) @ self.Wh["h"] + self.b["h"])
            return Z * H + (1 - Z) * Ht
    return Cell()


# partrita/d2l-ko bi-rnn.md (Korean d2l), bidirectional RNN + output layer; per direction W_xh (d,h), W_hh (h,h),
# b_h (1,h); W_hq (2h,q), b_q (1,q); phi taken as tanh (no parameters); Count: 2*(d*h + h*h + h) + 2h*q + q.
@_export
def h36f_d2lko_birnn(d=7, h=5, q=3):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.Wxf, self.Whf, self.bf = _p(d, h), _p(h, h), _p(1, h)
            self.Wxb, self.Whb, self.bb = _p(d, h), _p(h, h), _p(1, h)
            self.Whq, self.bq = _p(2 * h, q), _p(1, q)

        def forward(self, X, Hf_prev, Hb_next):
            Hf = torch.tanh(X @ self.Wxf + Hf_prev @ self.Whf + self.bf)
            Hb = torch.tanh(X @ self.Wxb + Hb_next @ self.Whb + self.bb)
            H = torch.cat([Hf, Hb], dim=-1)
            return H @ self.Whq + self.bq, Hf, Hb
    return Cell()


# partrita/d2l-ko deep-rnn.md (Korean d2l), L-layer deep RNN + output; text says W_xh^{(l)} is h x h for all l, but
# H^{(0)} = X_t has d columns; most plausible reading: layer 1 W_xh (d,h), layers 2..L W_xh (h,h); each W_hh (h,h),
# b_h (1,h); W_hq (h,q), b_q (1,q); Count: (d*h + h*h + h) + (L-1)*(2*h*h + h) + h*q + q.
@_export
def h36f_d2lko_deeprnn(d=7, h=5, q=3, L=2):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.Wxh = nn.ParameterList([_p(d if l == 0 else h, h) for l in range(L)])
            self.Whh = nn.ParameterList([_p(h, h) for _ in range(L)])
            self.bh = nn.ParameterList([_p(1, h) for _ in range(L)])
            self.Whq, self.bq = _p(h, q), _p(1, q)

        def forward(self, X, Hs):
            inp, new = X, []
            for l in range(L):
                Hl = torch.tanh(inp @ self.Wxh[l] + Hs[l] @ self.Whh[l] + self.bh[l])
                new.append(Hl)
                inp = Hl
            return inp @ self.Whq + self.bq, new
    return Cell()


# KelvinDev945/ml_blogs LRU post (Chinese, copy of spaces.ac.cn/archives/9554); recurrence x_t = λ x_{t-1} + γ u_t with
# λ = exp(-exp(ν^log) + i exp(θ^log)) per dimension: ν^log (d), θ^log (d), element-wise γ (d); the input/output
# projections are said to exist but are not written, so they are left out; Count: 3*d.
@_export
def h36f_kexue_lru(d=6):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.nu_log = _p(d)
            self.theta_log = _p(d)
            self.gamma = _p(d)

        def forward(self, u, x):
            lam = torch.exp(torch.complex(-torch.exp(self.nu_log), torch.exp(self.theta_log)))
            return lam * x + self.gamma * u
    return Cell()


# heojun18/d2l-ko rnn.md (Korean d2l), Elman RNN + output layer; W_xh (d,h), W_hh (h,h), b_h (1,h), W_hq (h,q), b_q (1,q);
# phi taken as tanh; Count: d*h + h*h + h + h*q + q.
@_export
def h36f_d2lko2_rnn(d=7, h=5, q=3):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.Wxh, self.Whh, self.bh = _p(d, h), _p(h, h), _p(1, h)
            self.Whq, self.bq = _p(h, q), _p(1, q)

        def forward(self, X, H):
            H = torch.tanh(X @ self.Wxh + H @ self.Whh + self.bh)
            return H @ self.Whq + self.bq, H
    return Cell()


# barrykui/deeplearningbook-chinese ch.10 (Chinese Goodfellow), LSTM in per-unit sums; for each of f, g, q and the
# cell input: U (h,x), W (h,h), b (h); no peephole in the equations (the optional variant is only mentioned in prose);
# Count: 4*(x*h + h*h + h).
@_export
def h36f_dlbookcn_lstm(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.U = nn.ParameterDict({g: _p(h, x) for g in ["f", "c", "g", "o"]})
            self.W = nn.ParameterDict({g: _p(h, h) for g in ["f", "c", "g", "o"]})
            self.b = nn.ParameterDict({g: _p(h) for g in ["f", "c", "g", "o"]})

        def forward(self, xt, hp, sp):
            a = {k: self.b[k] + xt @ self.U[k].T + hp @ self.W[k].T for k in ["f", "c", "g", "o"]}
            f, g, q = torch.sigmoid(a["f"]), torch.sigmoid(a["g"]), torch.sigmoid(a["o"])
            s = f * sp + g * torch.sigmoid(a["c"])
            return torch.tanh(s) * q, s
    return Cell()


# barrykui/deeplearningbook-chinese ch.10 (Chinese Goodfellow), GRU in per-unit sums; for u, r and the candidate:
# U (h,x), W (h,h), b (h); Count: 3*(x*h + h*h + h).
@_export
def h36f_dlbookcn_gru(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.U = nn.ParameterDict({g: _p(h, x) for g in "urc"})
            self.W = nn.ParameterDict({g: _p(h, h) for g in "urc"})
            self.b = nn.ParameterDict({g: _p(h) for g in "urc"})

        def forward(self, xt, hp):
            u = torch.sigmoid(self.b["u"] + xt @ self.U["u"].T + hp @ self.W["u"].T)
            r = torch.sigmoid(self.b["r"] + xt @ self.U["r"].T + hp @ self.W["r"].T)
            c = torch.sigmoid(self.b["c"] + xt @ self.U["c"].T + (r * hp) @ self.W["c"].T)
            return u * hp + (1 - u) * c
    return Cell()


# ocean-sudo/d2l-zh-marimo bptt.py (Chinese d2l, marimo), bias-free identity-activation RNN with output;
# W_hx (h,d), W_hh (h,h), W_qh (q,h); Count: h*d + h*h + q*h.
@_export
def h36f_marimo_linrnn(d=7, h=5, q=3):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.Whx, self.Whh, self.Wqh = _p(h, d), _p(h, h), _p(q, h)

        def forward(self, x, hp):
            ht = x @ self.Whx.T + hp @ self.Whh.T
            return ht @ self.Wqh.T, ht
    return Cell()


# KelvinDev945/ml_blogs LRU post, RWKV subsection (Chinese); r_t, k_t, v_t are not defined in the text; most plausible
# reading (RWKV token mixing without token shift): W_r, W_k, W_v (d,d), per-channel decay λ (d) and γ (d);
# no output projection is written; Count: 3*d*d + 2*d.
@_export
def h36f_kexue_rwkv(d=6):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.Wr, self.Wk, self.Wv = _p(d, d), _p(d, d), _p(d, d)
            self.lam = _p(d)
            self.gamma = _p(d)

        def forward(self, u, y, z):
            r, k, v = u @ self.Wr.T, u @ self.Wk.T, u @ self.Wv.T
            lam = torch.sigmoid(self.lam)
            ek = torch.exp(k)
            bonus = self.gamma * lam - 1
            x = torch.sigmoid(r) * (y + bonus * ek * v) / (z + bonus * ek)
            return x, lam * y + ek * v, lam * z + ek
    return Cell()
