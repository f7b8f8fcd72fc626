"""Oracles for the h13h set-aside snippets (research notes, knowledge-base / wiki pages, survey notes).

Each oracle returns an nn.Module whose parameters are exactly the weights the snippet's text names,
with a forward doing one step of the equations as written.
"""
import torch
from torch import nn

__all__ = []


def _export(f):
    __all__.append(f.__name__)
    return f


def _p(*shape):
    return nn.Parameter(torch.randn(*shape) * 0.1)


# ---------------------------------------------------------------------------
# stored file 62581409089 (mienye-review Obsidian wiki, source page, LSTM):
# i,f,o = sigma(W_x? x_t + W_h? h_{t-1} + b_?), g = tanh(...), one bias per gate.
# 4 * (h*x + h*h + h)
# ---------------------------------------------------------------------------
@_export
def h13h_mienye_lstm(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            for g in "ifog":
                setattr(self, f"W_x{g}", _p(h, x))
                setattr(self, f"W_h{g}", _p(h, h))
                setattr(self, f"b_{g}", _p(h))

        def _pre(self, g, xt, hp):
            return xt @ getattr(self, f"W_x{g}").T + hp @ getattr(self, f"W_h{g}").T + getattr(self, f"b_{g}")

        def forward(self, xt, state):
            hp, cp = state
            i = torch.sigmoid(self._pre("i", xt, hp))
            f = torch.sigmoid(self._pre("f", xt, hp))
            o = torch.sigmoid(self._pre("o", xt, hp))
            g = torch.tanh(self._pre("g", xt, hp))
            c = f * cp + i * g
            return o * torch.tanh(c), c

    return Cell()


# ---------------------------------------------------------------------------
# stored file 67603750549 (pararnn docs, ParaNLRU): a = sigma(W_a x + b_a),
# h = a*h_{t-1} + (1-a)*tanh(W_c x + b_c + u*h_{t-1}); u in R^{d_h}.
# "Packed Linear d_in -> 2 d_h for (a,c) affines" = W_a, W_c with biases.  2*(h*x + h) + h
# ---------------------------------------------------------------------------
@_export
def h13h_paranlru(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_x = nn.Linear(x, 2 * h)  # packed (W_a; W_c) with (b_a; b_c)
            self.u = _p(h)

        def forward(self, xt, hp):
            ax, cx = self.W_x(xt).chunk(2, dim=-1)
            a = torch.sigmoid(ax)
            return a * hp + (1 - a) * torch.tanh(cx + self.u * hp)

    return Cell()


# ---------------------------------------------------------------------------
# stored file 22243225689 (GLA research note): REFUSE snippet.  The note never says how alpha_t
# is computed, nor the per-head split of W_Q, W_K, W_V, nor whether LN is affine.  One plausible
# reading (Yang et al. 2024, simplified): W_Q, W_K (d x d_k), W_V (d x d_v), no biases;
# alpha_t = sigmoid(x W_alpha + b_alpha) (d x d_k); r_t = Swish(x W_r + b_r); W_O (d_v x d);
# LN without affine.  Single head.
# ---------------------------------------------------------------------------
@_export
def h13h_gla_note(d=7, d_k=5, d_v=3):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_Q = nn.Linear(d, d_k, bias=False)
            self.W_K = nn.Linear(d, d_k, bias=False)
            self.W_V = nn.Linear(d, d_v, bias=False)
            self.W_alpha = nn.Linear(d, d_k)
            self.W_r = nn.Linear(d, d_v)
            self.W_O = nn.Linear(d_v, d, bias=False)

        def forward(self, xt, S):
            q, k, v = self.W_Q(xt), self.W_K(xt), self.W_V(xt)
            alpha = torch.sigmoid(self.W_alpha(xt))
            S = alpha.unsqueeze(-1) * S + k.unsqueeze(-1) * v.unsqueeze(-2)
            o = (q.unsqueeze(-2) @ S).squeeze(-2)
            o = nn.functional.layer_norm(o, (d_v,))
            r = nn.functional.silu(self.W_r(xt))
            return self.W_O(r * o), S

    return Cell()


# ---------------------------------------------------------------------------
# stored file 65719353356 (Russian Obsidian vault, RWKV concept note, Time-Mixing):
# r,k,v = W_? (mu_? * x_t + (1-mu_?) * x_{t-1}); wkv with decay w in R^d and bonus u (vector);
# o_t = W_o (sigmoid(r) * wkv).  W_r, W_k, W_v, W_o: d x d; mu_r, mu_k, mu_v, w, u: d.  4d^2 + 5d
# ---------------------------------------------------------------------------
@_export
def h13h_ruvault_rwkv_timemix(d=7):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_r, self.W_k, self.W_v, self.W_o = (_p(d, d) for _ in range(4))
            self.mu_r, self.mu_k, self.mu_v = (_p(d) for _ in range(3))
            self.w, self.u = _p(d), _p(d)

        def forward(self, xt, state):
            x_prev, a, b = state  # a: numerator sum, b: denominator sum
            mix = lambda mu: mu * xt + (1 - mu) * x_prev
            r = mix(self.mu_r) @ self.W_r.T
            k = mix(self.mu_k) @ self.W_k.T
            v = mix(self.mu_v) @ self.W_v.T
            wkv = (a + torch.exp(self.u + k) * v) / (b + torch.exp(self.u + k))
            out = (torch.sigmoid(r) * wkv) @ self.W_o.T
            decay = torch.exp(-torch.relu(self.w))
            return out, (xt, decay * a + torch.exp(k) * v, decay * b + torch.exp(k))

    return Cell()


# ---------------------------------------------------------------------------
# stored file 2457036576 (Florian Wilhelm blog, mLSTM): m = (W_im x + b_im) * (W_hm h + b_hm);
# gates act(W_i? x + b_i? + W_m? m + b_m?), two biases per term; m has the hidden size.
# m: 2*(h*x... ) -> h*x + h + h*h + h;  gates: 4*(h*x + h + h*h + h).  5*(h*x + h*h + 2h)
# ---------------------------------------------------------------------------
@_export
def h13h_wilhelm_mlstm(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.im, self.hm = nn.Linear(x, h), nn.Linear(h, h)
            self.ix = nn.ModuleDict({g: nn.Linear(x, h) for g in "ifgo"})
            self.mx = nn.ModuleDict({g: nn.Linear(h, h) for g in "ifgo"})

        def forward(self, xt, state):
            hp, cp = state
            m = self.im(xt) * self.hm(hp)
            pre = {g: self.ix[g](xt) + self.mx[g](m) for g in "ifgo"}
            i, f, o = (torch.sigmoid(pre[g]) for g in "ifo")
            c = f * cp + i * torch.tanh(pre["g"])
            return o * torch.tanh(c), c

    return Cell()


# ---------------------------------------------------------------------------
# stored file 54225518653 (Chinese study-series chapter, GRU): r,z = sigma(W_? [h_{t-1}, x_t] + b_?),
# h~ = tanh(W_h [r*h_{t-1}, x_t] + b_h), h = z*h_{t-1} + (1-z)*h~.  3 * (h*(h+x) + h)
# ---------------------------------------------------------------------------
@_export
def h13h_zhseries_gru(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_r, self.W_z, self.W_h = (nn.Linear(h + x, h) for _ in range(3))

        def forward(self, xt, hp):
            hx = torch.cat([hp, xt], -1)
            r, z = torch.sigmoid(self.W_r(hx)), torch.sigmoid(self.W_z(hx))
            hh = torch.tanh(self.W_h(torch.cat([r * hp, xt], -1)))
            return z * hp + (1 - z) * hh

    return Cell()


# ---------------------------------------------------------------------------
# stored file 45566831856 (Czech lecture notes, LSTM): f,i,o = sigma(W_?[h_{t-1}, x_t] + b_?),
# C~ = tanh(W_c[h_{t-1}, x_t] + b_c).  4 * (h*(h+x) + h)
# ---------------------------------------------------------------------------
@_export
def h13h_czlecture_lstm(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_f, self.W_i, self.W_c, self.W_o = (nn.Linear(h + x, h) for _ in range(4))

        def forward(self, xt, state):
            hp, cp = state
            hx = torch.cat([hp, xt], -1)
            f, i, o = (torch.sigmoid(W(hx)) for W in (self.W_f, self.W_i, self.W_o))
            c = f * cp + i * torch.tanh(self.W_c(hx))
            return o * torch.tanh(c), c

    return Cell()


# ---------------------------------------------------------------------------
# stored file 23222868022 (BRSCN README, Bi-sLSTM): per direction z,i,f,o = act(W_? f_t + R_? h_{t-1} + b_?),
# W_?: d_hid x d_in, R_?: d_hid x d_hid, b_?: d_hid (no normalizer state, h = o * tanh(c)).
# Forward and backward cells, outputs summed: 2 * 4 * (d_hid*d_in + d_hid*d_hid + d_hid)
# ---------------------------------------------------------------------------
class _SLSTMNoNorm(nn.Module):
    def __init__(self, d_in, d_hid):
        super().__init__()
        self.W = nn.ModuleDict({g: nn.Linear(d_in, d_hid, bias=False) for g in "zifo"})
        self.R = nn.ModuleDict({g: nn.Linear(d_hid, d_hid, bias=False) for g in "zifo"})
        self.b = nn.ParameterDict({g: _p(d_hid) for g in "zifo"})

    def forward(self, ft, state):
        hp, cp = state
        pre = {g: self.W[g](ft) + self.R[g](hp) + self.b[g] for g in "zifo"}
        z, i = torch.tanh(pre["z"]), torch.exp(pre["i"])
        f, o = torch.sigmoid(pre["f"]), torch.sigmoid(pre["o"])
        c = f * cp + i * z
        return o * torch.tanh(c), c


@_export
def h13h_brscn_bislstm(d_in=7, d_hid=5):
    class Bi(nn.Module):
        def __init__(self):
            super().__init__()
            self.fwd, self.bwd = _SLSTMNoNorm(d_in, d_hid), _SLSTMNoNorm(d_in, d_hid)

        def forward(self, seq):  # seq: (T, B, d_in)
            B = seq.shape[1]
            z = seq.new_zeros(B, d_hid)
            sf, sb, hf, hb = (z, z), (z, z), [], []
            for t in range(seq.shape[0]):
                sf = self.fwd(seq[t], sf)
                hf.append(sf[0])
                sb = self.bwd(seq[-1 - t], sb)
                hb.insert(0, sb[0])
            return torch.stack(hf) + torch.stack(hb)

    return Bi()


# ---------------------------------------------------------------------------
# stored file 15118534837 (66DaysOfData notes, Goodfellow ch. 10): a = b + W h^{(t-1)} + U x^{(t)},
# h = tanh(a), o = c + V h, y^ = softmax(o).  U: h x x, W: h x h, b: h, V: o x h, c: o
# ---------------------------------------------------------------------------
@_export
def h13h_66days_elman(x=7, h=5, o=3):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.U, self.W, self.b = _p(h, x), _p(h, h), _p(h)
            self.V, self.c = _p(o, h), _p(o)

        def forward(self, xt, hp):
            ht = torch.tanh(self.b + hp @ self.W.T + xt @ self.U.T)
            return torch.softmax(self.c + ht @ self.V.T, -1), ht

    return Cell()


# ---------------------------------------------------------------------------
# stored file 44429161447 (Obsidian ASR lecture notes, GRU): z,r = sigma(W_? x + U_? h + b_?),
# h~ = tanh(W_h x + U_h (r*h) + b_h).  3 * (h*x + h*h + h)
# ---------------------------------------------------------------------------
@_export
def h13h_asrnotes_gru(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W = nn.ModuleDict({g: nn.Linear(x, h) for g in "zrh"})  # W_? with b_?
            self.U = nn.ModuleDict({g: nn.Linear(h, h, bias=False) for g in "zrh"})

        def forward(self, xt, hp):
            z = torch.sigmoid(self.W["z"](xt) + self.U["z"](hp))
            r = torch.sigmoid(self.W["r"](xt) + self.U["r"](hp))
            hh = torch.tanh(self.W["h"](xt) + self.U["h"](r * hp))
            return (1 - z) * hp + z * hh

    return Cell()
