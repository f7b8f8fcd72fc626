"""Oracles for g2's snippets: papers' own LaTeX, theses, textbooks and lecture-note LaTeX.

Each oracle is a small module written from its snippet's equations: one nn.Linear / nn.Parameter per
weight the text names, a bias only where the text writes one, and a forward(x, state) that runs one
step as the equations say.
"""
from __future__ import annotations

import torch
from torch import nn

sig = torch.sigmoid
tanh = torch.tanh


def _lin(i: int, o: int, bias: bool = False) -> nn.Linear:
    return nn.Linear(i, o, bias=bias)


def _vec(n: int) -> nn.Parameter:
    return nn.Parameter(torch.randn(n) * 0.1)


def _mat(r: int, c: int) -> nn.Parameter:
    return nn.Parameter(torch.randn(r, c) * 0.1)


# --- exacity/deeplearningbook-chinese (Goodfellow et al., ch. 10) -----------------------------

class _DLBookRNN(nn.Module):
    """a = b + W h + U x; h = tanh(a); o = c + V h; y^ = softmax(o)."""

    def __init__(self, x: int, h: int, o: int):
        super().__init__()
        self.b, self.W, self.U = _vec(h), _lin(h, h), _lin(x, h)
        self.c, self.V = _vec(o), _lin(h, o)

    def forward(self, x, h):
        h = tanh(self.b + self.W(h) + self.U(x))
        return torch.softmax(self.c + self.V(h), -1), h


def g2_dlbookzh_rnn(x: int, h: int, o: int) -> nn.Module:
    return _DLBookRNN(x, h, o)


class _DLBookGate(nn.Module):
    """sigma(b_i + sum_j U_ij x_j + sum_j W_ij h_j): U input weights, W recurrent weights."""

    def __init__(self, x: int, h: int):
        super().__init__()
        self.b, self.U, self.W = _vec(h), _lin(x, h), _lin(h, h)

    def forward(self, x, h):
        return sig(self.b + self.U(x) + self.W(h))


class _DLBookLSTM(nn.Module):
    """f, g (input gate), q (output gate), and the cell input, each with b, U, W."""

    def __init__(self, x: int, h: int):
        super().__init__()
        self.f, self.g, self.q, self.cell = (_DLBookGate(x, h) for _ in range(4))

    def forward(self, x, state):
        h, s = state
        s = self.f(x, h) * s + self.g(x, h) * self.cell(x, h)   # sigmoid squashing, as written
        h = tanh(s) * self.q(x, h)
        return h, s


def g2_dlbookzh_lstm(x: int, h: int) -> nn.Module:
    return _DLBookLSTM(x, h)


class _DLBookGRU(nn.Module):
    """h = u h + (1-u) sigma(b + U x + W (r*h)) with u, r of the previous step; u, r then read
    the new h (the book writes h_j^{(t)} in the gates)."""

    def __init__(self, x: int, h: int):
        super().__init__()
        self.b, self.U, self.W = _vec(h), _lin(x, h), _lin(h, h)
        self.u, self.r = _DLBookGate(x, h), _DLBookGate(x, h)

    def forward(self, x, state):
        h, u, r = state
        h = u * h + (1 - u) * sig(self.b + self.U(x) + self.W(r * h))
        return h, self.u(x, h), self.r(x, h)


def g2_dlbookzh_gru(x: int, h: int) -> nn.Module:
    return _DLBookGRU(x, h)


# --- d2l (Chinese 1st edition, and translations): batch-major X W + H W + b ----------------------

class _D2lLSTM(nn.Module):
    def __init__(self, d: int, h: int):
        super().__init__()
        self.Wx = nn.ParameterDict({g: _mat(d, h) for g in "ifoc"})
        self.Wh = nn.ParameterDict({g: _mat(h, h) for g in "ifoc"})
        self.b = nn.ParameterDict({g: nn.Parameter(torch.zeros(1, h)) for g in "ifoc"})

    def forward(self, X, state):
        H, C = state
        p = {g: X @ self.Wx[g] + H @ self.Wh[g] + self.b[g] for g in "ifoc"}
        C = sig(p["f"]) * C + sig(p["i"]) * tanh(p["c"])
        return sig(p["o"]) * tanh(C), C


def g2_d2lzh1_lstm(d: int, h: int, n: int | None = None) -> nn.Module:
    return _D2lLSTM(d, h)


def g2_d2l_lstm_batch(d: int, h: int, n: int | None = None) -> nn.Module:
    return _D2lLSTM(d, h)


class _D2lGRU(nn.Module):
    def __init__(self, d: int, h: int):
        super().__init__()
        self.Wx = nn.ParameterDict({g: _mat(d, h) for g in "rzh"})
        self.Wh = nn.ParameterDict({g: _mat(h, h) for g in "rzh"})
        self.b = nn.ParameterDict({g: nn.Parameter(torch.zeros(1, h)) for g in "rzh"})

    def forward(self, X, H):
        R = sig(X @ self.Wx["r"] + H @ self.Wh["r"] + self.b["r"])
        Z = sig(X @ self.Wx["z"] + H @ self.Wh["z"] + self.b["z"])
        H_tilde = tanh(X @ self.Wx["h"] + (R * H) @ self.Wh["h"] + self.b["h"])
        return Z * H + (1 - Z) * H_tilde


def g2_d2lzh1_gru(d: int, h: int, n: int | None = None) -> nn.Module:
    return _D2lGRU(d, h)


def g2_d2l_gru_batch(d: int, h: int, n: int | None = None) -> nn.Module:
    return _D2lGRU(d, h)


class _D2lRNN(nn.Module):
    def __init__(self, d: int, h: int, q: int):
        super().__init__()
        self.W_xh, self.W_hh = _mat(d, h), _mat(h, h)
        self.b_h = nn.Parameter(torch.zeros(1, h))
        self.W_hq, self.b_q = _mat(h, q), nn.Parameter(torch.zeros(1, q))

    def forward(self, X, H):
        H = tanh(X @ self.W_xh + H @ self.W_hh + self.b_h)      # phi = tanh
        return H @ self.W_hq + self.b_q, H


def g2_d2l_rnn_batch(d: int, h: int, q: int, n: int | None = None) -> nn.Module:
    return _D2lRNN(d, h, q)


# --- wojzaremba/rnnreg (Zaremba et al. 2014) ----------------------------------------------------

class _ZarembaLSTM(nn.Module):
    """One layer: (i f o g) = (sigm sigm sigm tanh) T_{2n,4n} [h^{l-1}_t; h^l_{t-1}], T affine."""

    def __init__(self, n: int):
        super().__init__()
        self.T = nn.Linear(2 * n, 4 * n)

    def forward(self, x, state):
        h, c = state
        i, f, o, g = self.T(torch.cat([x, h], -1)).chunk(4, -1)
        c = sig(f) * c + sig(i) * tanh(g)
        return sig(o) * tanh(c), c


def g2_zaremba_lstm(n: int) -> nn.Module:
    return _ZarembaLSTM(n)


# --- adhigunasurya/EMNLP-LSTM-Dependency-Parser ------------------------------------------------

class _KuncoroLSTM(nn.Module):
    """Peepholes W_ci, W_cf, W_co as written (full matrices); no biases; D is dropout (identity
    at a step's parameter count); y = softmax(W_hy h)."""

    def __init__(self, x: int, h: int, y: int):
        super().__init__()
        self.Wx = nn.ModuleDict({g: _lin(x, h) for g in "ifco"})
        self.Wh = nn.ModuleDict({g: _lin(h, h) for g in "ifco"})
        self.Wc = nn.ModuleDict({g: _lin(h, h) for g in "ifo"})
        self.W_hy = _lin(h, y)
        self.D = nn.Dropout(0.0)

    def forward(self, x, state):
        h, c = state
        x = self.D(x)
        i = sig(self.Wx["i"](x) + self.Wc["i"](c) + self.Wh["i"](h))
        f = sig(self.Wx["f"](x) + self.Wc["f"](c) + self.Wh["f"](h))
        c = f * c + i * tanh(self.Wx["c"](x) + self.Wh["c"](h))
        o = sig(self.Wx["o"](x) + self.Wc["o"](c) + self.Wh["o"](h))
        h = o * tanh(c)
        return torch.softmax(self.W_hy(self.D(h)), -1), (h, c)


def g2_kuncoro_lstm(x: int, h: int, y: int) -> nn.Module:
    return _KuncoroLSTM(x, h, y)


# --- 390introml/introml-notes-tex (MIT 6.390 notes) --------------------------------------------

class _IntromlRNN(nn.Module):
    """s = f_s(W^{sx} x + W^{ss} s + W^{ss}_0); y = f_o(W^o s + W^o_0)."""

    def __init__(self, x: int, s: int, y: int):
        super().__init__()
        self.W_sx, self.W_ss, self.W_ss0 = _lin(x, s), _lin(s, s), _vec(s)
        self.W_o, self.W_o0 = _lin(s, y), _vec(y)

    def forward(self, x, s):
        s = tanh(self.W_sx(x) + self.W_ss(s) + self.W_ss0)
        return torch.softmax(self.W_o(s) + self.W_o0, -1), s


def g2_introml_rnn(x: int, s: int, y: int) -> nn.Module:
    return _IntromlRNN(x, s, y)


class _IntromlGated(nn.Module):
    """g = sigmoid(W^{gx} x + W^{gs} s) (offset omitted); s = (1-g)*s + g*f_s(W^{sx}x + W^{ss}s + W^{ss}_0)."""

    def __init__(self, x: int, s: int):
        super().__init__()
        self.W_gx, self.W_gs = _lin(x, s), _lin(s, s)
        self.W_sx, self.W_ss, self.W_ss0 = _lin(x, s), _lin(s, s), _vec(s)

    def forward(self, x, s):
        g = sig(self.W_gx(x) + self.W_gs(s))
        return (1 - g) * s + g * tanh(self.W_sx(x) + self.W_ss(s) + self.W_ss0)


def g2_introml_gated(x: int, s: int) -> nn.Module:
    return _IntromlGated(x, s)


# --- gchrupala/tutorials -----------------------------------------------------------------------

class _ChrupalaLSTM(nn.Module):
    """No biases; h = o * c (no tanh on the cell)."""

    def __init__(self, x: int, h: int):
        super().__init__()
        self.W = nn.ModuleDict({g: _lin(x, h) for g in "ifoc"})
        self.U = nn.ModuleDict({g: _lin(h, h) for g in "ifoc"})

    def forward(self, x, state):
        h, c = state
        p = {g: self.W[g](x) + self.U[g](h) for g in "ifoc"}
        c = sig(p["f"]) * c + sig(p["i"]) * tanh(p["c"])
        return sig(p["o"]) * c, c


def g2_chrupala_lstm(x: int, h: int) -> nn.Module:
    return _ChrupalaLSTM(x, h)


class _ChrupalaGRU(nn.Module):
    def __init__(self, x: int, h: int):
        super().__init__()
        self.W_z, self.U_z = _lin(x, h), _lin(h, h)
        self.W_r, self.U_r = _lin(x, h), _lin(h, h)
        self.W, self.U = _lin(x, h), _lin(h, h)

    def forward(self, x, h):
        z = sig(self.W_z(x) + self.U_z(h))
        r = sig(self.W_r(x) + self.U_r(h))
        h_tilde = sig(self.W(x) + self.U(r * h))
        return (1 - z) * h + z * h_tilde


def g2_chrupala_gru(x: int, h: int) -> nn.Module:
    return _ChrupalaGRU(x, h)



# --- oscaroteromar/oscar-otero-tfg ---------------------------------------------------------------

class _ConcatLSTM(nn.Module):
    """f, i, C~, o = act(W_*[h, x] + b_*) (Colah form, one matrix per gate on [h; x]); h = o*tanh(c)."""

    def __init__(self, x: int, h: int, bias: bool = True):
        super().__init__()
        self.W = nn.ModuleDict({g: nn.Linear(h + x, h, bias=bias) for g in "fico"})

    def forward(self, x, state):
        h, c = state
        hx = torch.cat([h, x], -1)
        f, i, o = sig(self.W["f"](hx)), sig(self.W["i"](hx)), sig(self.W["o"](hx))
        c = f * c + i * tanh(self.W["c"](hx))
        return o * tanh(c), c


def g2_otero_lstm(x: int, h: int) -> nn.Module:
    """Reading the misplaced brace W_{o}[h^{<t-1>, x^{t}}] as W_o[h^{<t-1>}, x^{<t>}] and C vs c as
    the cell: a standard concatenated LSTM with biases."""
    return _ConcatLSTM(x, h)


def g2_bengali_lstm(x: int, h: int) -> nn.Module:
    """H_{t-1} in the gates read as the previous output h_{t-1}."""
    return _ConcatLSTM(x, h)


def g2_chichun_lstm(n: int, k: int) -> nn.Module:
    """The declared parameter list: W_f, W_i, W_{c'}, W_o (k x (k+n)) and b_f, b_i, b_{c'}, b_o (k x 1)."""
    return _ConcatLSTM(n, k)


def g2_cse751_lstm(x: int, h: int) -> nn.Module:
    """W_f, W_g, W_i, W_o of shape [h x (h+x)], no biases."""
    return _ConcatLSTM(x, h, bias=False)


# --- eleonoradgr/simpleESN ------------------------------------------------------------------------

class _ESN(nn.Module):
    """Reservoir W_in, W, b fixed (buffers: the prose fixes W_in and W; b read as part of the
    reservoir); only the readout W_out is trained: y(t) = W_out x(t)."""

    def __init__(self, u: int, x: int, y: int):
        super().__init__()
        self.register_buffer("W_in", torch.randn(x, u) * 0.1)
        self.register_buffer("W", torch.randn(x, x) * 0.1)
        self.register_buffer("b", torch.randn(x) * 0.1)
        self.W_out = nn.Linear(x, y, bias=False)

    def forward(self, u, x):
        x = tanh(u @ self.W_in.T + x @ self.W.T + self.b)
        return self.W_out(x), x


def g2_esn_readout(u: int, x: int, y: int) -> nn.Module:
    return _ESN(u, x, y)


# --- elvisren/machine-learning-note ---------------------------------------------------------------

class _BlockLSTM(nn.Module):
    """(f i o c~) = act( [W_* U_*] [x; h] + b_* )."""

    def __init__(self, d: int, h: int):
        super().__init__()
        self.W = nn.ModuleDict({g: _lin(d, h) for g in "fioc"})
        self.U = nn.ModuleDict({g: _lin(h, h) for g in "fioc"})
        self.b = nn.ParameterDict({g: _vec(h) for g in "fioc"})

    def forward(self, x, state):
        h, c = state
        p = {g: self.W[g](x) + self.U[g](h) + self.b[g] for g in "fioc"}
        c = sig(p["f"]) * c + sig(p["i"]) * tanh(p["c"])
        return sig(p["o"]) * tanh(c), c


def g2_elvisren_lstm(d: int, h: int) -> nn.Module:
    return _BlockLSTM(d, h)


def g2_pkh_lstm(x: int, h: int) -> nn.Module:
    """i, f, o, C~ = act(W^{(*)} x + U^{(*)} h + b_*)."""
    return _BlockLSTM(x, h)


# --- Goodfellow-style RNN with readout (kwichmann/statnotes, elvisren) ----------------------------

class _RNNReadout(nn.Module):
    """a = W h + U x + b; h = tanh(a); o = V h + c (out_act applied after)."""

    def __init__(self, x: int, h: int, o: int, out_act=None):
        super().__init__()
        self.W, self.U, self.b = _lin(h, h), _lin(x, h), _vec(h)
        self.V, self.c = _lin(h, o), _vec(o)
        self.out_act = out_act

    def forward(self, x, h):
        h = tanh(self.W(h) + self.U(x) + self.b)
        o = self.V(h) + self.c
        return (self.out_act(o) if self.out_act else o), h


def g2_statnotes_rnn(x: int, h: int, o: int) -> nn.Module:
    return _RNNReadout(x, h, o)


def g2_elvisren_rnn(x: int, h: int, o: int) -> nn.Module:
    return _RNNReadout(x, h, o, out_act=sig)


def g2_pkh_rnn(x: int, h: int, y: int) -> nn.Module:
    """h = a(W^{(x)} x + W^{(h)} h + b_h); y = g(W^{(y)} h + b_y); a = tanh, g = softmax."""
    return _RNNReadout(x, h, y, out_act=lambda z: torch.softmax(z, -1))


# --- hannasv/ML (ConvLSTM, refused) ---------------------------------------------------------------

class _ConvLSTM(nn.Module):
    """Most plausible reading: k x k kernels W_x*, W_h*; per-channel biases; Hadamard peepholes of
    C's full shape (H x M x N)."""

    def __init__(self, x: int, H: int, k: int, M: int, N: int):
        super().__init__()
        pad = k // 2
        self.Wx = nn.ModuleDict({g: nn.Conv2d(x, H, k, padding=pad, bias=False) for g in "fico"})
        self.Wh = nn.ModuleDict({g: nn.Conv2d(H, H, k, padding=pad, bias=False) for g in "fico"})
        self.b = nn.ParameterDict({g: nn.Parameter(torch.zeros(H, 1, 1)) for g in "fico"})
        self.Wc = nn.ParameterDict({g: nn.Parameter(torch.randn(H, M, N) * 0.1) for g in "fio"})

    def forward(self, x, state):
        h, c = state
        f = sig(self.Wx["f"](x) + self.Wh["f"](h) + self.Wc["f"] * c + self.b["f"])
        i = sig(self.Wx["i"](x) + self.Wh["i"](h) + self.Wc["i"] * c + self.b["i"])
        c = f * c + i * tanh(self.Wx["c"](x) + self.Wh["c"](h) + self.b["c"])
        o = sig(self.Wx["o"](x) + self.Wh["o"](h) + self.Wc["o"] * c + self.b["o"])
        return o * tanh(c), c


def g2_hannasv_convlstm(x: int, H: int, k: int, M: int, N: int) -> nn.Module:
    return _ConvLSTM(x, H, k, M, N)


# --- edocoh87/rnn_extrapolation (linear RNN, symmetric A) ---------------------------------------

class _SymLinRNN(nn.Module):
    """s' = A s + B x, y = C s; A symmetric, parameterized by its d(d+1)/2 upper-triangular entries."""

    def __init__(self, d: int):
        super().__init__()
        self.d = d
        self.a = nn.Parameter(torch.randn(d * (d + 1) // 2) * 0.1)
        self.B = nn.Parameter(torch.randn(d, 1) * 0.1)
        self.C = nn.Parameter(torch.randn(1, d) * 0.1)

    def A(self):
        i, j = torch.triu_indices(self.d, self.d)
        A = torch.zeros(self.d, self.d)
        A = A.index_put((i, j), self.a)
        return A + A.T - torch.diag(torch.diag(A))

    def forward(self, x, s):
        y = s @ self.C.T
        s = s @ self.A().T + x @ self.B.T
        return y, s


def g2_linrnn_symmetric(d: int) -> nn.Module:
    return _SymLinRNN(d)


# --- GioFic95/AML-19-20-notes -------------------------------------------------------------------

class _StackedRNN(nn.Module):
    """h = tanh(W [h; x]) with W = (W_hh W_hx); no bias."""

    def __init__(self, x: int, h: int):
        super().__init__()
        self.W = _lin(h + x, h)

    def forward(self, x, h):
        return tanh(self.W(torch.cat([h, x], -1)))


def g2_aml_rnn(x: int, h: int) -> nn.Module:
    return _StackedRNN(x, h)


class _StackedLSTM(nn.Module):
    """(i f o g) = (sig sig sig tanh) W [h; x]; one W of 4h x (h+x), no bias."""

    def __init__(self, x: int, h: int):
        super().__init__()
        self.W = _lin(h + x, 4 * h)

    def forward(self, x, state):
        h, c = state
        i, f, o, g = self.W(torch.cat([h, x], -1)).chunk(4, -1)
        c = sig(f) * c + sig(i) * tanh(g)
        return sig(o) * tanh(c), c


def g2_aml_lstm(x: int, h: int) -> nn.Module:
    return _StackedLSTM(x, h)


class _GRUb(nn.Module):
    """Most plausible reading: a separate candidate bias b_h where the text writes b_r."""

    def __init__(self, x: int, h: int):
        super().__init__()
        self.Wx = nn.ModuleDict({g: _lin(x, h) for g in "rzh"})
        self.Wh = nn.ModuleDict({g: _lin(h, h) for g in "rzh"})
        self.b = nn.ParameterDict({g: _vec(h) for g in "rzh"})

    def forward(self, x, h):
        r = sig(self.Wx["r"](x) + self.Wh["r"](h) + self.b["r"])
        z = sig(self.Wx["z"](x) + self.Wh["z"](h) + self.b["z"])
        h_tilde = tanh(self.Wx["h"](x) + self.Wh["h"](r * h) + self.b["h"])
        return z * h + (1 - z) * h_tilde


def g2_aml_gru(x: int, h: int) -> nn.Module:
    return _GRUb(x, h)


# --- GenieTim/Optimization-ML-Summary (refused) -------------------------------------------------

def g2_genietim_lstm(x: int, h: int) -> nn.Module:
    """Most plausible reading: four gates with W^{*x}, W^{(*h)} and a bias each (b^{(f)} for the
    forget gate where the text writes b^{(i)})."""
    return _BlockLSTM(x, h)


# --- abdullah-al-mahmud-18/cse751 ---------------------------------------------------------------

class _CseRNN(nn.Module):
    """h = tanh(U h + W x); o = softmax(V h); no biases."""

    def __init__(self, x: int, h: int, o: int):
        super().__init__()
        self.U, self.W, self.V = _lin(h, h), _lin(x, h), _lin(h, o)

    def forward(self, x, h):
        h = tanh(self.U(h) + self.W(x))
        return torch.softmax(self.V(h), -1), h


def g2_cse751_rnn(x: int, h: int, o: int) -> nn.Module:
    return _CseRNN(x, h, o)


def g2_cse751_lstm_split(x: int, h: int) -> nn.Module:
    """W_{*,h} h + W_{*,x} x for f, g, i, o; no biases."""
    return _ChrupalaLSTM(x, h)


# --- gchrupala/tutorials: SRN ---------------------------------------------------------------------

class _SRN(nn.Module):
    def __init__(self, x: int, h: int):
        super().__init__()
        self.W, self.U = _lin(x, h), _lin(h, h)

    def forward(self, x, h):
        return sig(self.W(x) + self.U(h))


def g2_chrupala_srn(x: int, h: int) -> nn.Module:
    return _SRN(x, h)



# --- d2l-zh 1st edition: bidirectional and deep RNN ---------------------------------------------

class _D2lBiRNN(nn.Module):
    """Forward and backward RNNs (own W_xh, W_hh, b_h each); O = [H->, H<-] W_hq + b_q, W_hq 2h x q."""

    def __init__(self, d: int, h: int, q: int):
        super().__init__()
        self.f = nn.ParameterDict({"W_xh": _mat(d, h), "W_hh": _mat(h, h), "b_h": nn.Parameter(torch.zeros(1, h))})
        self.b = nn.ParameterDict({"W_xh": _mat(d, h), "W_hh": _mat(h, h), "b_h": nn.Parameter(torch.zeros(1, h))})
        self.W_hq, self.b_q = _mat(2 * h, q), nn.Parameter(torch.zeros(1, q))

    def forward(self, X, state):
        Hf, Hb = state                                  # H->_{t-1} and H<-_{t+1}
        Hf = tanh(X @ self.f["W_xh"] + Hf @ self.f["W_hh"] + self.f["b_h"])
        Hb = tanh(X @ self.b["W_xh"] + Hb @ self.b["W_hh"] + self.b["b_h"])
        return torch.cat([Hf, Hb], -1) @ self.W_hq + self.b_q, (Hf, Hb)


def g2_d2lzh1_birnn(d: int, h: int, q: int, n: int | None = None) -> nn.Module:
    return _D2lBiRNN(d, h, q)


class _D2lDeepRNN(nn.Module):
    """Layer 1: X W_xh^{(1)} (d x h); layers 1 < l <= L: H^{(l-1)} W_xh^{(l)} (h x h); O = H^{(L)} W_hq + b_q."""

    def __init__(self, d: int, h: int, q: int, L: int):
        super().__init__()
        self.W_xh = nn.ParameterList([_mat(d if l == 0 else h, h) for l in range(L)])
        self.W_hh = nn.ParameterList([_mat(h, h) for _ in range(L)])
        self.b_h = nn.ParameterList([nn.Parameter(torch.zeros(1, h)) for _ in range(L)])
        self.W_hq, self.b_q = _mat(h, q), nn.Parameter(torch.zeros(1, q))

    def forward(self, X, H):
        out, new = X, []
        for l in range(len(self.W_hh)):
            out = tanh(out @ self.W_xh[l] + H[l] @ self.W_hh[l] + self.b_h[l])
            new.append(out)
        return out @ self.W_hq + self.b_q, new


def g2_d2lzh1_deep_rnn(d: int, h: int, q: int, L: int, n: int | None = None) -> nn.Module:
    return _D2lDeepRNN(d, h, q, L)



# --- timothyas/rc-gfd (leaky ESN, refused) --------------------------------------------------------

class _LeakyESN(nn.Module):
    """Most plausible reading (the paper's other subsection): A, W_in, b fixed at random and the
    leak a hyperparameter (buffers); only the linear readout W_out (y x h) is trained."""

    def __init__(self, u: int, h: int, y: int, leak: float = 0.5):
        super().__init__()
        self.register_buffer("A", torch.randn(h, h) * 0.1)
        self.register_buffer("W_in", torch.randn(h, u) * 0.1)
        self.register_buffer("b", torch.rand(h) * 0.2 - 0.1)
        self.register_buffer("leak", torch.tensor(leak))
        self.W_out = nn.Linear(h, y, bias=False)

    def forward(self, u, h):
        h = (1 - self.leak) * h + self.leak * tanh(h @ self.A.T + u @ self.W_in.T + self.b)
        return self.W_out(h), h


def g2_rcgfd_esn(u: int, h: int, y: int) -> nn.Module:
    return _LeakyESN(u, h, y)



# --- 390introml: LTI state machine ---------------------------------------------------------------

class _LTI(nn.Module):
    """s = A s + B x; y = C s; no bias, no nonlinearity."""

    def __init__(self, x: int, s: int, y: int):
        super().__init__()
        self.A, self.B, self.C = _lin(s, s), _lin(x, s), _lin(s, y)

    def forward(self, x, s):
        s = self.A(s) + self.B(x)
        return self.C(s), s


def g2_introml_lti(x: int, s: int, y: int) -> nn.Module:
    return _LTI(x, s, y)


__all__ = [
    "g2_dlbookzh_rnn",
    "g2_dlbookzh_lstm",
    "g2_dlbookzh_gru",
    "g2_d2lzh1_lstm",
    "g2_d2l_lstm_batch",
    "g2_d2lzh1_gru",
    "g2_d2l_gru_batch",
    "g2_d2l_rnn_batch",
    "g2_zaremba_lstm",
    "g2_kuncoro_lstm",
    "g2_introml_rnn",
    "g2_introml_gated",
    "g2_chrupala_lstm",
    "g2_chrupala_gru",
    "g2_otero_lstm",
    "g2_bengali_lstm",
    "g2_chichun_lstm",
    "g2_cse751_lstm",
    "g2_esn_readout",
    "g2_elvisren_lstm",
    "g2_pkh_lstm",
    "g2_statnotes_rnn",
    "g2_elvisren_rnn",
    "g2_pkh_rnn",
    "g2_hannasv_convlstm",
    "g2_linrnn_symmetric",
    "g2_aml_rnn",
    "g2_aml_lstm",
    "g2_aml_gru",
    "g2_genietim_lstm",
    "g2_cse751_rnn",
    "g2_cse751_lstm_split",
    "g2_chrupala_srn",
    "g2_d2lzh1_birnn",
    "g2_d2lzh1_deep_rnn",
    "g2_rcgfd_esn",
    "g2_introml_lti",
]
