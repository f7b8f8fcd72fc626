"""Oracles for the `tx-` snippets: textbooks, wiki text, course notes, blog posts, notebooks, READMEs.

Each oracle takes the snippet's sizes as keyword arguments and returns a module whose parameters are
exactly the weights and biases the text writes (one nn.Parameter per named weight, a bias only where
the text writes one), with a `forward(x, state)` that runs one step as the text's equations say.
Batch sizes the text names (d2l's n, the deeplearning.ai notebook's m) are accepted and ignored.
"""
from __future__ import annotations

import torch
from torch import nn

__all__ = [
    "tx_d2l_rnn", "tx_d2l_lstm", "tx_d2l_gru", "tx_d2l_deep_rnn", "tx_d2l_birnn",
    "tx_wiki_lstm",
    "tx_ng_rnn", "tx_ng_lstm",
    "tx_gantheory_rnn", "tx_gantheory_gru", "tx_gantheory_lstm",
    "tx_suriyadeepan_rnn",
    "tx_wildml_rnnlm",
    "tx_cnblogs_gru", "tx_bubuko_gru", "tx_css8_lstm",
    "tx_nyu_gru", "tx_nyu_lstm",
    "tx_rimao_lstm",
    "tx_louppe_elman", "tx_louppe_lstm", "tx_louppe_gru",
    "tx_cs224n_rnn", "tx_cs224n_birnn", "tx_cs224n_gru", "tx_cs224n_lstm",
]


def _p(*shape: int) -> nn.Parameter:
    return nn.Parameter(torch.randn(*shape) * 0.1)


class _Params(nn.Module):
    """A module holding named parameters; `self.P[name]` reads them."""

    def __init__(self, **shapes: tuple[int, ...]):
        super().__init__()
        self.P = nn.ParameterDict({k: _p(*s) for k, s in shapes.items()})


# ---------------------------------------------------------------- d2l.ai (batch-major, X W + b)

class D2lRNN(_Params):
    """H_t = phi(X_t W_xh + H_{t-1} W_hh + b_h); O_t = H_t W_hq + b_q (phi: tanh)."""

    def __init__(self, d, h, q):
        super().__init__(W_xh=(d, h), W_hh=(h, h), b_h=(1, h), W_hq=(h, q), b_q=(1, q))

    def forward(self, x, state):
        P = self.P
        h = torch.tanh(x @ P["W_xh"] + state @ P["W_hh"] + P["b_h"])
        return h @ P["W_hq"] + P["b_q"], h


def tx_d2l_rnn(d, h, q, n=None):
    return D2lRNN(d, h, q)


class D2lLSTM(_Params):
    """I, F, O = sigma(X W_x* + H W_h* + b_*); C~ = tanh(...); C = F*C + I*C~; H = O*tanh(C)."""

    def __init__(self, d, h):
        shapes = {}
        for g in "ifoc":
            shapes[f"W_x{g}"] = (d, h)
            shapes[f"W_h{g}"] = (h, h)
            shapes[f"b_{g}"] = (1, h)
        super().__init__(**shapes)

    def forward(self, x, state):
        H, C = state
        P = self.P
        lin = {g: x @ P[f"W_x{g}"] + H @ P[f"W_h{g}"] + P[f"b_{g}"] for g in "ifoc"}
        i, f, o = (torch.sigmoid(lin[g]) for g in "ifo")
        C = f * C + i * torch.tanh(lin["c"])
        return o * torch.tanh(C), C


def tx_d2l_lstm(d, h, n=None):
    return D2lLSTM(d, h)


class D2lGRU(_Params):
    """R, Z = sigma(X W_x* + H W_h* + b_*); H~ = tanh(X W_xh + (R*H) W_hh + b_h);
    H = Z*H + (1-Z)*H~."""

    def __init__(self, d, h):
        shapes = {}
        for g in "rzh":
            shapes[f"W_x{g}"] = (d, h)
            shapes[f"W_h{g}"] = (h, h)
            shapes[f"b_{g}"] = (1, h)
        super().__init__(**shapes)

    def forward(self, x, H):
        P = self.P
        r = torch.sigmoid(x @ P["W_xr"] + H @ P["W_hr"] + P["b_r"])
        z = torch.sigmoid(x @ P["W_xz"] + H @ P["W_hz"] + P["b_z"])
        cand = torch.tanh(x @ P["W_xh"] + (r * H) @ P["W_hh"] + P["b_h"])
        return z * H + (1 - z) * cand


def tx_d2l_gru(d, h, n=None):
    return D2lGRU(d, h)


class D2lDeepRNN(nn.Module):
    """H_t^(l) = phi_l(H_t^(l-1) W_xh^(l) + H_{t-1}^(l) W_hh^(l) + b_h^(l)), H_t^(0) = X_t;
    O_t = H_t^(L) W_hq + b_q. Layer 1 reads X_t (d inputs): its W_xh^(1) is d x h, although the
    text declares every W_xh^(l) h x h."""

    def __init__(self, d, h, q, L):
        super().__init__()
        self.layers = nn.ModuleList(
            _Params(W_xh=(d if l == 0 else h, h), W_hh=(h, h), b_h=(1, h)) for l in range(L))
        self.out = _Params(W_hq=(h, q), b_q=(1, q))

    def forward(self, x, state):
        below, new = x, []
        for layer, H in zip(self.layers, state):
            P = layer.P
            below = torch.tanh(below @ P["W_xh"] + H @ P["W_hh"] + P["b_h"])
            new.append(below)
        return below @ self.out.P["W_hq"] + self.out.P["b_q"], new


def tx_d2l_deep_rnn(d, h, q, L, n=None):
    return D2lDeepRNN(d, h, q, L)


class D2lBiRNN(nn.Module):
    """Forward and backward RNN with their own W_xh, W_hh, b_h; H_t = [H->; H<-] (n x 2h);
    O_t = H_t W_hq + b_q with W_hq 2h x q."""

    def __init__(self, d, h, q):
        super().__init__()
        self.fwd = _Params(W_xh=(d, h), W_hh=(h, h), b_h=(1, h))
        self.bwd = _Params(W_xh=(d, h), W_hh=(h, h), b_h=(1, h))
        self.out = _Params(W_hq=(2 * h, q), b_q=(1, q))

    def forward(self, x, state):
        hf, hb = state  # hb is the backward state of step t+1
        F, B = self.fwd.P, self.bwd.P
        hf = torch.tanh(x @ F["W_xh"] + hf @ F["W_hh"] + F["b_h"])
        hb = torch.tanh(x @ B["W_xh"] + hb @ B["W_hh"] + B["b_h"])
        H = torch.cat([hf, hb], dim=-1)
        return H @ self.out.P["W_hq"] + self.out.P["b_q"], (hf, hb)


def tx_d2l_birnn(d, h, q, n=None):
    return D2lBiRNN(d, h, q)


# ---------------------------------------------------------------- column-vector LSTMs W x + U h + b

class LSTMWUb(nn.Module):
    """f, i, o = sigma(W_* x + U_* h + b_*); c~ = tanh(W_c x + U_c h + b_c);
    c = f*c + i*c~; h = o * tanh(c). `bias=False` drops every b (texts that write none)."""

    def __init__(self, x, h, bias=True):
        super().__init__()
        self.W = nn.ParameterDict({g: _p(h, x) for g in "fioc"})
        self.U = nn.ParameterDict({g: _p(h, h) for g in "fioc"})
        self.b = nn.ParameterDict({g: _p(h) for g in "fioc"}) if bias else None

    def forward(self, x, state):
        h, c = state
        lin = {g: self.W[g] @ x + self.U[g] @ h + (self.b[g] if self.b is not None else 0) for g in "fioc"}
        f, i, o = (torch.sigmoid(lin[g]) for g in "fio")
        c = f * c + i * torch.tanh(lin["c"])
        return o * torch.tanh(c), c


def tx_wiki_lstm(d, h):
    """Wikipedia (wikitext) LSTM with a forget gate: W in R^{h x d}, U in R^{h x h}, b in R^h."""
    return LSTMWUb(d, h)


def tx_css8_lstm(x, s):
    """i, f, o, g = sigma/tanh(U^* x + W^* s_{t-1} + b^*): U^* s x x, W^* s x s, b^* (the same
    count as LSTMWUb with the letters swapped)."""
    return LSTMWUb(x, s)


def tx_nyu_lstm(a, h):
    """x_t in R^a, gates and states in R^h; W_* h x a, U_* h x h, b_*."""
    return LSTMWUb(a, h)


def tx_cs224n_lstm(x, h):
    """W^{(*)} x_t + U^{(*)} h_{t-1}, no bias."""
    return LSTMWUb(x, h, bias=False)


# ---------------------------------------------------------------- column-vector GRUs

class GRUWUb(nn.Module):
    """z, r = sigma(W_* x + U_* h [+ b_*]); h~ = tanh(W_h x + U_h (r*h) [+ b_h]);
    h = z*h + (1-z)*h~ (which side z weighs does not change the parameters)."""

    def __init__(self, x, h, bias=True, reset_after_product=False):
        super().__init__()
        self.W = nn.ParameterDict({g: _p(h, x) for g in "zrh"})
        self.U = nn.ParameterDict({g: _p(h, h) for g in "zrh"})
        self.b = nn.ParameterDict({g: _p(h) for g in "zrh"}) if bias else None
        self.reset_after_product = reset_after_product

    def forward(self, x, h):
        b = (lambda g: self.b[g]) if self.b is not None else (lambda g: 0)
        z = torch.sigmoid(self.W["z"] @ x + self.U["z"] @ h + b("z"))
        r = torch.sigmoid(self.W["r"] @ x + self.U["r"] @ h + b("r"))
        if self.reset_after_product:  # cs224n: r_t o U h_{t-1}
            cand = torch.tanh(r * (self.U["h"] @ h) + self.W["h"] @ x + b("h"))
        else:
            cand = torch.tanh(self.W["h"] @ x + self.U["h"] @ (r * h) + b("h"))
        return z * h + (1 - z) * cand


def tx_nyu_gru(x, h):
    return GRUWUb(x, h)


def tx_cnblogs_gru(x, h):
    """W^z x_t + U^z h_{t-1}, no bias."""
    return GRUWUb(x, h, bias=False)


class BubukoGRU(nn.Module):
    """Row vectors: z = sigma(x_t U^z + s_{t-1} W^z); r likewise; h = tanh(x_t U^h + (s_{t-1} o r) W^h);
    s_t = (1-z) o h + z o s_{t-1}. No bias."""

    def __init__(self, x, s):
        super().__init__()
        self.U = nn.ParameterDict({g: _p(x, s) for g in "zrh"})
        self.W = nn.ParameterDict({g: _p(s, s) for g in "zrh"})

    def forward(self, x, s):
        z = torch.sigmoid(x @ self.U["z"] + s @ self.W["z"])
        r = torch.sigmoid(x @ self.U["r"] + s @ self.W["r"])
        h = torch.tanh(x @ self.U["h"] + (s * r) @ self.W["h"])
        return (1 - z) * h + z * s


def tx_bubuko_gru(x, s):
    return BubukoGRU(x, s)


def tx_cs224n_gru(x, h):
    return GRUWUb(x, h, bias=False, reset_after_product=True)


# ---------------------------------------------------------------- deeplearning.ai (Andrew Ng) notebook

class NgRNN(_Params):
    """a<t> = tanh(W_aa a<t-1> + W_ax x<t> + b_a); y^<t> = softmax(W_ya a<t> + b_y)."""

    def __init__(self, n_x, n_a, y):
        super().__init__(W_aa=(n_a, n_a), W_ax=(n_a, n_x), b_a=(n_a, 1), W_ya=(y, n_a), b_y=(y, 1))

    def forward(self, x, a):  # x: (n_x, m), a: (n_a, m)
        P = self.P
        a = torch.tanh(P["W_aa"] @ a + P["W_ax"] @ x + P["b_a"])
        return torch.softmax(P["W_ya"] @ a + P["b_y"], dim=0), a


def tx_ng_rnn(x, a, y):
    return NgRNN(x, a, y)  # n_x = x, n_a = a in the text


class NgLSTM(nn.Module):
    """Gamma_f, Gamma_u, Gamma_o = sigma(W_*[a<t-1>, x<t>] + b_*); c~ = tanh(W_c[a, x] + b_c);
    c = Gamma_f * c + Gamma_u * c~; a = Gamma_o * tanh(c)."""

    def __init__(self, x, a):
        super().__init__()
        self.W = nn.ParameterDict({g: _p(a, a + x) for g in "fuco"})
        self.b = nn.ParameterDict({g: _p(a) for g in "fuco"})

    def forward(self, x, state):
        a, c = state
        concat = torch.cat([a, x])
        lin = {g: self.W[g] @ concat + self.b[g] for g in "fuco"}
        gf, gu, go = (torch.sigmoid(lin[g]) for g in "fuo")
        c = gf * c + gu * torch.tanh(lin["c"])
        return go * torch.tanh(c), c


def tx_ng_lstm(x, a):
    return NgLSTM(x, a)


# ---------------------------------------------------------------- gantheory/machine-learning-notes (no biases)

class GantheoryRNN(nn.Module):
    """h_t = sigma_1(W^i x_t + W^h h_{t-1}); y_t = softmax(W^o h_t); W^i, W^h n x n, W^o k x n."""

    def __init__(self, n, k):
        super().__init__()
        self.Wi, self.Wh, self.Wo = _p(n, n), _p(n, n), _p(k, n)

    def forward(self, x, h):
        h = torch.tanh(self.Wi @ x + self.Wh @ h)
        return torch.softmax(self.Wo @ h, dim=0), h


def tx_gantheory_rnn(n, k):
    return GantheoryRNN(n, k)


class GantheoryGRU(nn.Module):
    """x' = [x_t; h_{t-1}]; z = sigma_1(W^z x'); r = sigma_2(W^r x');
    h' = tanh(W' [x_t; r o h_{t-1}]); h_t = z o h_{t-1} + (1-z) o h'; y_t = softmax(W^o h_t)."""

    def __init__(self, n, k):
        super().__init__()
        self.Wz, self.Wr, self.Wp = _p(n, 2 * n), _p(n, 2 * n), _p(n, 2 * n)
        self.Wo = _p(k, n)

    def forward(self, x, h):
        xp = torch.cat([x, h])
        z = torch.sigmoid(self.Wz @ xp)
        r = torch.sigmoid(self.Wr @ xp)
        hp = torch.tanh(self.Wp @ torch.cat([x, r * h]))
        h = z * h + (1 - z) * hp
        return torch.softmax(self.Wo @ h, dim=0), h


def tx_gantheory_gru(n, k):
    return GantheoryGRU(n, k)


class GantheoryLSTM(nn.Module):
    """The main reading: x' = [x_t; h_{t-1}], W, W^i, W^f, W' n x 2n; z = tanh(W x');
    z^i, z^f, z' = sigma(. x'); c_t = z^f o c_{t-1} + z^i o z; h_t = z' o tanh(c_t);
    y_t = softmax(W^o h_t). (The text then redefines x' with c_{t-1} and W.. as n x 3n.)"""

    def __init__(self, n, k):
        super().__init__()
        self.W = nn.ParameterDict({g: _p(n, 2 * n) for g in ("z", "i", "f", "o")})
        self.Wo = _p(k, n)

    def forward(self, x, state):
        h, c = state
        xp = torch.cat([x, h])
        z = torch.tanh(self.W["z"] @ xp)
        zi, zf, zo = (torch.sigmoid(self.W[g] @ xp) for g in "ifo")
        c = zf * c + zi * z
        h = zo * torch.tanh(c)
        return torch.softmax(self.Wo @ h, dim=0), (h, c)


def tx_gantheory_lstm(n, k):
    return GantheoryLSTM(n, k)


# ---------------------------------------------------------------- simple RNNs with a readout

class RNNReadout(nn.Module):
    """h = act(W_hx x + W_hh h + b_h); y = softmax(W_yh h + b_y), column vectors."""

    def __init__(self, x, h, y, bias=True):
        super().__init__()
        self.W_hx, self.W_hh, self.W_yh = _p(h, x), _p(h, h), _p(y, h)
        self.b_h = _p(h) if bias else None
        self.b_y = _p(y) if bias else None

    def forward(self, x, h):
        h = torch.tanh(self.W_hx @ x + self.W_hh @ h + (self.b_h if self.b_h is not None else 0))
        return torch.softmax(self.W_yh @ h + (self.b_y if self.b_y is not None else 0), dim=0), h


def tx_suriyadeepan_rnn(x, h, y):
    """h^(t) = sigma(W^hx x^(t) + W^hh h^(t-1) + b_h); y^t = softmax(W^yh h^(t) + b_y)."""
    return RNNReadout(x, h, y)


class WildmlRNNLM(nn.Module):
    """s_t = tanh(U x_t + W s_{t-1}); o_t = softmax(V s_t); U H x C, V C x H, W H x H; no bias."""

    def __init__(self, C, H):
        super().__init__()
        self.U, self.V, self.W = _p(H, C), _p(C, H), _p(H, H)

    def forward(self, x, s):
        s = torch.tanh(self.U @ x + self.W @ s)
        return torch.softmax(self.V @ s, dim=0), s


def tx_wildml_rnnlm(C, H):
    return WildmlRNNLM(C, H)


def tx_cs224n_rnn(d, D_h, V):
    """h_t = sigma(W^(hh) h_{t-1} + W^(hx) x_[t]); y^_t = softmax(W^(S) h_t); W^(S) |V| x D_h; no bias."""
    return RNNReadout(d, D_h, V, bias=False)


def tx_rimao_lstm(x, h):
    """torch.nn.LSTM's documented equations (W_i* x + b_i* + W_h* h + b_h*): the module itself."""
    return nn.LSTM(x, h)


# ---------------------------------------------------------------- glouppe/info8010-deep-learning (W^T, [h, x])

class LouppeElman(nn.Module):
    """h_t = sigma_h(W_xh^T x_t + W_hh^T h_{t-1} + b_h); y_t = sigma_y(W_y^T h_t + b_y), y_t a scalar:
    W_xh p x q, W_hh q x q, b_h in R^q, W_y q x 1, b_y in R."""

    def __init__(self, p, q):
        super().__init__()
        self.W_xh, self.W_hh, self.b_h = _p(p, q), _p(q, q), _p(q)
        self.W_y, self.b_y = _p(q, 1), _p(1)

    def forward(self, x, h):
        h = torch.tanh(self.W_xh.T @ x + self.W_hh.T @ h + self.b_h)
        return torch.sigmoid(self.W_y.T @ h + self.b_y), h


def tx_louppe_elman(p, q):
    return LouppeElman(p, q)


class LouppeLSTM(nn.Module):
    """f, i, o = sigma(W_*^T [h_{t-1}, x_t] + b_*); c- = tanh(W_c^T [h, x] + b_c)."""

    def __init__(self, x, h):
        super().__init__()
        self.W = nn.ParameterDict({g: _p(h + x, h) for g in "fico"})
        self.b = nn.ParameterDict({g: _p(h) for g in "fico"})

    def forward(self, x, state):
        h, c = state
        hx = torch.cat([h, x])
        lin = {g: self.W[g].T @ hx + self.b[g] for g in "fico"}
        f, i, o = (torch.sigmoid(lin[g]) for g in "fio")
        c = f * c + i * torch.tanh(lin["c"])
        return o * torch.tanh(c), c


def tx_louppe_lstm(x, h):
    return LouppeLSTM(x, h)


class LouppeGRU(nn.Module):
    """z, r = sigma(W_*^T [h, x] + b_*); h- = tanh(W_h^T [r o h, x] + b_h); h = (1-z) o h + z o h-."""

    def __init__(self, x, h):
        super().__init__()
        self.W = nn.ParameterDict({g: _p(h + x, h) for g in "zrh"})
        self.b = nn.ParameterDict({g: _p(h) for g in "zrh"})

    def forward(self, x, h):
        hx = torch.cat([h, x])
        z = torch.sigmoid(self.W["z"].T @ hx + self.b["z"])
        r = torch.sigmoid(self.W["r"].T @ hx + self.b["r"])
        cand = torch.tanh(self.W["h"].T @ torch.cat([r * h, x]) + self.b["h"])
        return (1 - z) * h + z * cand


def tx_louppe_gru(x, h):
    return LouppeGRU(x, h)


# ---------------------------------------------------------------- cs224n bidirectional RNN

class CS224nBiRNN(nn.Module):
    """h-> = f(W-> x_t + V-> h->_{t-1} + b->); h<- likewise; y^_t = g(U [h->; h<-] + c)."""

    def __init__(self, x, h, y):
        super().__init__()
        self.Wf, self.Vf, self.bf = _p(h, x), _p(h, h), _p(h)
        self.Wb, self.Vb, self.bb = _p(h, x), _p(h, h), _p(h)
        self.U, self.c = _p(y, 2 * h), _p(y)

    def forward(self, x, state):
        hf, hb = state  # hb: the backward state of step t+1
        hf = torch.tanh(self.Wf @ x + self.Vf @ hf + self.bf)
        hb = torch.tanh(self.Wb @ x + self.Vb @ hb + self.bb)
        return torch.softmax(self.U @ torch.cat([hf, hb]) + self.c, dim=0), (hf, hb)


def tx_cs224n_birnn(x, h, y):
    return CS224nBiRNN(x, h, y)
