import torch
from torch import nn

__all__ = []


def _export(f):
    __all__.append(f.__name__)
    return f


def _p(*shape):
    return nn.Parameter(torch.randn(*shape) * 0.1)


# ---- shared building blocks (parameter names follow each text) ----

class _LSTMSep(nn.Module):
    """LSTM with separate input weights W_g (h x x), recurrent U_g (h x h), bias b_g per gate f,i,c,o."""

    def __init__(self, x, h, gates=("f", "i", "c", "o"), bias=True):
        super().__init__()
        self.gates = gates
        self.bias = bias
        for g in gates:
            setattr(self, f"W_{g}", _p(h, x))
            setattr(self, f"U_{g}", _p(h, h))
            if bias:
                setattr(self, f"b_{g}", _p(h))

    def _pre(self, g, x, h):
        z = x @ getattr(self, f"W_{g}").T + h @ getattr(self, f"U_{g}").T
        return z + getattr(self, f"b_{g}") if self.bias else z

    def forward(self, x, state):
        h, c = state
        f = torch.sigmoid(self._pre("f", x, h))
        i = torch.sigmoid(self._pre("i", x, h))
        ct = torch.tanh(self._pre("c", x, h))
        o = torch.sigmoid(self._pre("o", x, h))
        c = f * c + i * ct
        return o * torch.tanh(c), c


class _LSTMCat(nn.Module):
    """LSTM with one weight W_g of shape (h, h + x) on [h_{t-1}, x_t] per gate (+ optional bias b_g)."""

    def __init__(self, x, h, names=("f", "i", "c", "o"), bias=True):
        super().__init__()
        self.names = names
        self.bias = bias
        for g in names:
            setattr(self, f"W_{g}", _p(h, h + x))
            if bias:
                setattr(self, f"b_{g}", _p(h))

    def _pre(self, g, hx):
        z = hx @ getattr(self, f"W_{g}").T
        return z + getattr(self, f"b_{g}") if self.bias else z

    def forward(self, x, state):
        h, c = state
        hx = torch.cat([h, x], -1)
        nf, ni, nc, no = self.names
        f = torch.sigmoid(self._pre(nf, hx))
        i = torch.sigmoid(self._pre(ni, hx))
        ct = torch.tanh(self._pre(nc, hx))
        o = torch.sigmoid(self._pre(no, hx))
        c = f * c + i * ct
        return o * torch.tanh(c), c


class _GRUSep(nn.Module):
    """GRU with W_g (h x x), U_g (h x h), b_g for g in r, z, h; candidate U_h (r * h_{t-1})."""

    def __init__(self, x, h):
        super().__init__()
        for g in ("r", "z", "h"):
            setattr(self, f"W_{g}", _p(h, x))
            setattr(self, f"U_{g}", _p(h, h))
            setattr(self, f"b_{g}", _p(h))

    def forward(self, x, h):
        r = torch.sigmoid(x @ self.W_r.T + h @ self.U_r.T + self.b_r)
        z = torch.sigmoid(x @ self.W_z.T + h @ self.U_z.T + self.b_z)
        ht = torch.tanh(x @ self.W_h.T + (r * h) @ self.U_h.T + self.b_h)
        return (1 - z) * h + z * ht


class _GRUCat(nn.Module):
    """GRU with W_z, W_r, W_cand of shape (h, h + x) on [h_{t-1}, x_t] (+ optional biases)."""

    def __init__(self, x, h, cand="h", bias=True):
        super().__init__()
        self.cand = cand
        self.bias = bias
        self.W_z = _p(h, h + x)
        self.W_r = _p(h, h + x)
        setattr(self, "W" if cand == "" else f"W_{cand}", _p(h, h + x))
        if bias:
            self.b_z = _p(h)
            self.b_r = _p(h)
            self.b_h = _p(h)

    def forward(self, x, h):
        Wc = self.W if self.cand == "" else getattr(self, f"W_{self.cand}")
        hx = torch.cat([h, x], -1)
        bz = self.b_z if self.bias else 0
        br = self.b_r if self.bias else 0
        bh = self.b_h if self.bias else 0
        z = torch.sigmoid(hx @ self.W_z.T + bz)
        r = torch.sigmoid(hx @ self.W_r.T + br)
        ht = torch.tanh(torch.cat([r * h, x], -1) @ Wc.T + bh)
        return (1 - z) * h + z * ht


# stored file id 55352188831, Hugo course notes "Deep Recurrent Neural Networks", GRU section.
# W_r, W_z, W_h: h x d; U_r, U_z, U_h: h x h; b_r, b_z, b_h: h.  Count 3(hd + h^2 + h) = 195.
@_export
def h31b_deeprnnnotes_gru(d=7, h=5):
    return _GRUSep(d, h)


# stored file id 55352188831, same page, LSTM section.
# W_f, W_i, W_c, W_o: h x x; U_*: h x h; b_*: h.  Count 4(hx + h^2 + h) = 260.
@_export
def h31b_deeprnnnotes_lstm(x=7, h=5):
    return _LSTMSep(x, h)


# stored file id 57526503916, slide deck "Recurrent Neural Networks for NLP", Part III LSTM.
# W_f, W_i, W_c, W_o: n x (n + d) on [h_{t-1}; x_t]; b_*: n.  Count 4n(n + d + 1) = 260.
@_export
def h31b_rnnnlpslides_lstm(d=7, n=5):
    return _LSTMCat(d, n)


# stored file id 57526503916, same deck, Part IV GRU.
# W_z, W_r, W_h: h x (h + x); b_z, b_r, b_h: h.  Count 3h(h + x + 1) = 195.
@_export
def h31b_rnnnlpslides_gru(x=7, h=5):
    return _GRUCat(x, h)


# stored file id 6321755149, "LSTM Gates: Forget, Input, and Output", Coupled vs Uncoupled Gates.
# CoupledInputForgetLSTMCell: W_f, W_c, W_o = nn.Linear(x + h, h) each (weight + bias); i = 1 - f.
# Count 3(h(x + h) + h) = 195.
class _CIFG(nn.Module):
    def __init__(self, x, h):
        super().__init__()
        self.W_f = nn.Linear(x + h, h)
        self.W_c = nn.Linear(x + h, h)
        self.W_o = nn.Linear(x + h, h)

    def forward(self, x, state):
        h_prev, c_prev = state
        combined = torch.cat([x, h_prev], -1)
        f = torch.sigmoid(self.W_f(combined))
        i = 1 - f
        c_tilde = torch.tanh(self.W_c(combined))
        o = torch.sigmoid(self.W_o(combined))
        c = f * c_prev + i * c_tilde
        return o * torch.tanh(c), c


@_export
def h31b_lstmgates_cifg(x=7, h=5):
    return _CIFG(x, h)


# stored file id 70781463078, lecture post "Long Short-Term Memory (LSTM): Gated Memory Explained".
# W_f, W_i, W_c, W_o: H x (H + D) on [h_{t-1}, x_t]; b_*: H.  Count 4(H(H + D) + H) = 260.
@_export
def h31b_lecposts_lstm(D=7, H=5):
    return _LSTMCat(D, H)


# stored file id 70781463078, lecture post "Gated Recurrent Units (GRU) and Choosing a Recurrent Cell".
# W_z, W_r, W_h: H x (H + D); b_z, b_r, b_h: H.  Count 3(H(H + D) + H) = 195.
@_export
def h31b_lecposts_gru(D=7, H=5):
    return _GRUCat(D, H)


# stored file id 59589410657, course lesson "08. GRU".
# W_z, W_r, W_h: H x (H + D) on [h_(t-1), x_t]; b_z, b_r, b_h: H (the text's own count is weights only).
# Count 3H(H + D) + 3H = 195.
@_export
def h31b_lesson08_gru(D=7, H=5):
    return _GRUCat(D, H)


# stored file id 56671342412, ChatWhole course summary, 13 — LSTM Networks.
# W_f, W_i, W_o, W_c: h x (h + x) on [h_{t-1}, x_t], no biases.  Count 4h(h + x) = 240.
@_export
def h31b_chatwhole_lstm(x=7, h=5):
    return _LSTMCat(x, h, bias=False)


# stored file id 56671342412, same summary, 14 — GRU Networks.
# W_z, W_r, W (candidate): h x (h + x), no biases.  Count 3h(h + x) = 180.
@_export
def h31b_chatwhole_gru(x=7, h=5):
    return _GRUCat(x, h, cand="", bias=False)


# stored file id 12832730838, "emerging_architectures: Mamba, Liquid & S4", section 2 (marked refuse).
# Most plausible reading (Mamba S6 per channel): A: x x n, B(x_t) = W_B x_t (n x x), C(x_t) = W_C x_t (n x x),
# Delta(x_t) = softplus(W_D x_t + b_D) (x x x, x).  Count xn + 2nx + x^2 + x = 28 + 56 + 49 + 7 = 140 (not checked).
class _S6(nn.Module):
    def __init__(self, x, n):
        super().__init__()
        self.A = _p(x, n)
        self.W_B = _p(n, x)
        self.W_C = _p(n, x)
        self.W_D = _p(x, x)
        self.b_D = _p(x)

    def forward(self, u, hstate):
        delta = nn.functional.softplus(u @ self.W_D.T + self.b_D)          # (b, x)
        B = u @ self.W_B.T                                                   # (b, n)
        C = u @ self.W_C.T                                                   # (b, n)
        Abar = torch.exp(delta.unsqueeze(-1) * -torch.exp(self.A))           # (b, x, n)
        hstate = Abar * hstate + delta.unsqueeze(-1) * B.unsqueeze(1) * u.unsqueeze(-1)
        y = (hstate * C.unsqueeze(1)).sum(-1)
        return y, hstate


@_export
def h31b_emergingarch_mamba(x=7, n=4):
    return _S6(x, n)


# stored file id 57977455293, study notes "Deep Learning Advanced" (rpaut03l/TS-01), 4. LSTM.
# W_f, W_i, W_o, W_g: h x (h + x) on [h_{t-1}, x_t]; b_f, b_i, b_o, b_g: h.  Count 4(h(h + x) + h) = 260.
@_export
def h31b_dladvnotes_lstm(x=7, h=5):
    return _LSTMCat(x, h, names=("f", "i", "g", "o"))


# https://czlwang.com/zettel/20210107211718-lstm.html, zettel study note "LSTM".
# W_f, W_C, W_i, W_o: h x (h + x) on [h_{t-1}, x_t]; b_f, b_C, b_i, b_o: h (update read as C_t = f_t*C_{t-1} + ...).
# Count 4(h(h + x) + h) = 260.
@_export
def h31b_czlwangzettel_lstm(x=7, h=5):
    return _LSTMCat(x, h, names=("f", "i", "C", "o"))


# stored file id 6616452674, notes "1. Basic of Recurrent Neural Networks" (marked refuse: W_hy's output size unknown).
# Most plausible reading: W_xh: h x x, W_hh: h x h (no bias), plus W_hy: y x h with an assumed output size y.
# Count hx + h^2 + yh = 6 + 4 + 8 = 18 (not checked).
class _ElmanNoBias(nn.Module):
    def __init__(self, x, h, y):
        super().__init__()
        self.W_xh = _p(h, x)
        self.W_hh = _p(h, h)
        self.W_hy = _p(y, h)

    def forward(self, x, h):
        h = torch.tanh(h @ self.W_hh.T + x @ self.W_xh.T)
        return h @ self.W_hy.T, h


@_export
def h31b_rnnbasicnotes_elman(x=3, h=2, y=4):
    return _ElmanNoBias(x, h, y)


# stored file id 55352188831, Hugo course notes "Deep Recurrent Neural Networks", Bidirectional RNNs.
# Forward: W_x^(f): h x x, W_h^(f): h x h, b^(f): h; backward: W_x^(b), W_h^(b), b^(b) likewise; phi = tanh.
# Count 2(hx + h^2 + h) = 130.
class _BiElman(nn.Module):
    def __init__(self, x, h):
        super().__init__()
        self.W_x_f = _p(h, x)
        self.W_h_f = _p(h, h)
        self.b_f = _p(h)
        self.W_x_b = _p(h, x)
        self.W_h_b = _p(h, h)
        self.b_b = _p(h)

    def forward(self, x, hf, hb):
        """One step of each direction: x is x_t; hf is h_{t-1} (forward), hb is h_{t+1} (backward)."""
        hf = torch.tanh(x @ self.W_x_f.T + hf @ self.W_h_f.T + self.b_f)
        hb = torch.tanh(x @ self.W_x_b.T + hb @ self.W_h_b.T + self.b_b)
        return torch.cat([hf, hb], -1), hf, hb


@_export
def h31b_deeprnnnotes_birnn(x=7, h=5):
    return _BiElman(x, h)
