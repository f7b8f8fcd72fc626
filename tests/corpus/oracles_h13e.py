"""Oracles for the h13e snippets: one function per snippet (a few shared), each returning an
nn.Module whose parameters are exactly the weights the snippet's text names. Every module has a
step() method that runs one forward step at the sizes it was built with."""
import torch
from torch import nn

__all__ = [
    "mgu_concat",
    "peephole_concat_diag_reference",
    "h13e_concat_lstm",
    "concat_lstm_a",
    "concat_gru_no_bias",
    "elman_a_softmax_head",
    "lstm_xh_one_bias",
    "lstm_matrix_peephole",
    "birnn_one_bias",
    "coursera_lstm_as_written",
]


class _MGUConcat(nn.Module):
    """f = sigma(W_f [h, x] + b_f); h' = (1 - f) * h + f * tanh(W [h, x])  (W has no bias)."""

    def __init__(self, x, h):
        super().__init__()
        self.sz = (x, h)
        self.W_f = nn.Linear(h + x, h, bias=True)
        self.W = nn.Linear(h + x, h, bias=False)

    def forward(self, xt, h):
        hx = torch.cat([h, xt], -1)
        f = torch.sigmoid(self.W_f(hx))
        return (1 - f) * h + f * torch.tanh(self.W(hx))

    def step(self):
        x, h = self.sz
        return self(torch.randn(x), torch.zeros(h))


def mgu_concat(x, h):
    return _MGUConcat(x, h)


class _PeepholeConcatDiag(nn.Module):
    """Reference reading for a refuse snippet: LSTM with W_* [h, x] + b_* for f, i, o, c and
    diagonal peepholes p_f * c_{t-1}, p_i * c_{t-1}, p_o * c_t (the prose's 'three diagonal
    weight matrices')."""

    def __init__(self, x, h):
        super().__init__()
        self.sz = (x, h)
        self.W_f = nn.Linear(h + x, h)
        self.W_i = nn.Linear(h + x, h)
        self.W_o = nn.Linear(h + x, h)
        self.W_c = nn.Linear(h + x, h)
        self.p_f = nn.Parameter(torch.zeros(h))
        self.p_i = nn.Parameter(torch.zeros(h))
        self.p_o = nn.Parameter(torch.zeros(h))

    def forward(self, xt, state):
        h, c = state
        hx = torch.cat([h, xt], -1)
        f = torch.sigmoid(self.W_f(hx) + self.p_f * c)
        i = torch.sigmoid(self.W_i(hx) + self.p_i * c)
        c_new = f * c + i * torch.tanh(self.W_c(hx))
        o = torch.sigmoid(self.W_o(hx) + self.p_o * c_new)
        return o * torch.tanh(c_new), c_new

    def step(self):
        x, h = self.sz
        return self(torch.randn(x), (torch.zeros(h), torch.zeros(h)))


def peephole_concat_diag_reference(x, h):
    return _PeepholeConcatDiag(x, h)


class _ConcatLSTM(nn.Module):
    """f, i, o = sigma(W_* [h, x] + b_*); c~ = tanh(W_c [h, x] + b_c); c = f*c + i*c~; h = o*tanh(c)."""

    def __init__(self, x, h):
        super().__init__()
        self.sz = (x, h)
        for g in "fioc":
            setattr(self, f"W_{g}", nn.Linear(h + x, h, bias=True))

    def forward(self, xt, state):
        h, c = state
        hx = torch.cat([h, xt], -1)
        f, i, o = (torch.sigmoid(getattr(self, f"W_{g}")(hx)) for g in "fio")
        c = f * c + i * torch.tanh(self.W_c(hx))
        return o * torch.tanh(c), c

    def step(self):
        x, h = self.sz
        return self(torch.randn(x), (torch.zeros(h), torch.zeros(h)))


def h13e_concat_lstm(x, h):
    return _ConcatLSTM(x, h)


def concat_lstm_a(x, a):
    """Same cell with the hidden state written a^{(t)} (Coursera notation)."""
    return _ConcatLSTM(x, a)


class _ConcatGRUNoBias(nn.Module):
    """z = sigma(W_z [h, x]); r = sigma(W_r [h, x]); h~ = tanh(W [r*h, x]); h = (1-z)*h + z*h~."""

    def __init__(self, x, h):
        super().__init__()
        self.sz = (x, h)
        self.W_z = nn.Linear(h + x, h, bias=False)
        self.W_r = nn.Linear(h + x, h, bias=False)
        self.W = nn.Linear(h + x, h, bias=False)

    def forward(self, xt, h):
        hx = torch.cat([h, xt], -1)
        z = torch.sigmoid(self.W_z(hx))
        r = torch.sigmoid(self.W_r(hx))
        ht = torch.tanh(self.W(torch.cat([r * h, xt], -1)))
        return (1 - z) * h + z * ht

    def step(self):
        x, h = self.sz
        return self(torch.randn(x), torch.zeros(h))


def concat_gru_no_bias(x, h):
    return _ConcatGRUNoBias(x, h)


class _ElmanASoftmax(nn.Module):
    """a = tanh(W_ax x + W_aa a + b_a); y^ = softmax(W_ya a + b_y)."""

    def __init__(self, x, a, y):
        super().__init__()
        self.sz = (x, a)
        self.W_ax = nn.Parameter(torch.randn(a, x))
        self.W_aa = nn.Parameter(torch.randn(a, a))
        self.b_a = nn.Parameter(torch.zeros(a))
        self.W_ya = nn.Parameter(torch.randn(y, a))
        self.b_y = nn.Parameter(torch.zeros(y))

    def forward(self, xt, a):
        a = torch.tanh(self.W_ax @ xt + self.W_aa @ a + self.b_a)
        return a, torch.softmax(self.W_ya @ a + self.b_y, -1)

    def step(self):
        x, a = self.sz
        return self(torch.randn(x), torch.zeros(a))


def elman_a_softmax_head(x, a, y):
    return _ElmanASoftmax(x, a, y)


class _LSTMXHOneBias(nn.Module):
    """gate = act(W_x* x + W_h* h + b_*) for i, f, o, c: two matrices and one bias per gate."""

    def __init__(self, x, h):
        super().__init__()
        self.sz = (x, h)
        for g in "ifoc":
            setattr(self, f"W_x{g}", nn.Parameter(torch.randn(h, x)))
            setattr(self, f"W_h{g}", nn.Parameter(torch.randn(h, h)))
            setattr(self, f"b_{g}", nn.Parameter(torch.zeros(h)))

    def pre(self, g, xt, h):
        return getattr(self, f"W_x{g}") @ xt + getattr(self, f"W_h{g}") @ h + getattr(self, f"b_{g}")

    def forward(self, xt, state):
        h, c = state
        i, f, o = (torch.sigmoid(self.pre(g, xt, h)) for g in "ifo")
        c = f * c + i * torch.tanh(self.pre("c", xt, h))
        return o * torch.tanh(c), c

    def step(self):
        x, h = self.sz
        return self(torch.randn(x), (torch.zeros(h), torch.zeros(h)))


def lstm_xh_one_bias(x, h):
    return _LSTMXHOneBias(x, h)


class _LSTMMatrixPeephole(nn.Module):
    """i = s(W_ix x + W_ih h + W_ic c + b_i); f = s(W_fx x + W_fh h + W_fc c + b_f);
    c' = f c + i tanh(W_cx x + W_ch h + b_c); y = s(W_ox x + W_oh h + W_oc c' + b_o); h' = y tanh(c').
    The cell-to-gate weights W_ic, W_fc, W_oc are full matrices, as the text's parameter list says."""

    def __init__(self, x, h):
        super().__init__()
        self.sz = (x, h)
        for g in "ifco":
            setattr(self, f"W_{g}x", nn.Parameter(torch.randn(h, x)))
            setattr(self, f"W_{g}h", nn.Parameter(torch.randn(h, h)))
            setattr(self, f"b_{g}", nn.Parameter(torch.zeros(h)))
        for g in "ifo":
            setattr(self, f"W_{g}c", nn.Parameter(torch.randn(h, h)))

    def forward(self, xt, state):
        h, c = state
        P = lambda g: getattr(self, f"W_{g}x") @ xt + getattr(self, f"W_{g}h") @ h + getattr(self, f"b_{g}")
        i = torch.sigmoid(P("i") + self.W_ic @ c)
        f = torch.sigmoid(P("f") + self.W_fc @ c)
        c = f * c + i * torch.tanh(P("c"))
        y = torch.sigmoid(P("o") + self.W_oc @ c)
        return y * torch.tanh(c), c

    def step(self):
        x, h = self.sz
        return self(torch.randn(x), (torch.zeros(h), torch.zeros(h)))


def lstm_matrix_peephole(x, h):
    return _LSTMMatrixPeephole(x, h)


class _ElmanDir(nn.Module):
    def __init__(self, x, h):
        super().__init__()
        self.W_x = nn.Parameter(torch.randn(h, x))
        self.W_h = nn.Parameter(torch.randn(h, h))
        self.b = nn.Parameter(torch.zeros(h))

    def forward(self, xt, h):
        return torch.tanh(self.W_x @ xt + self.W_h @ h + self.b)


class _BiRNNOneBias(nn.Module):
    """Forward: h_f[t] = tanh(W_xf x[t] + W_hf h_f[t-1] + b_f); backward: h_b[t] = tanh(W_xb x[t]
    + W_hb h_b[t+1] + b_b); h[t] = [h_f[t], h_b[t]]. One bias per direction."""

    def __init__(self, x, h):
        super().__init__()
        self.sz = (x, h)
        self.fwd = _ElmanDir(x, h)
        self.bwd = _ElmanDir(x, h)

    def forward(self, xs):
        h = self.sz[1]
        hf, hb, outf, outb = torch.zeros(h), torch.zeros(h), [], []
        for t in range(xs.shape[0]):
            hf = self.fwd(xs[t], hf)
            outf.append(hf)
        for t in reversed(range(xs.shape[0])):
            hb = self.bwd(xs[t], hb)
            outb.insert(0, hb)
        return torch.stack([torch.cat([a, b]) for a, b in zip(outf, outb)])

    def step(self):
        x, h = self.sz
        return self(torch.randn(3, x))


def birnn_one_bias(x, h):
    return _BiRNNOneBias(x, h)


class _CourseraLSTMAsWritten(nn.Module):
    """Coursera-notation LSTM exactly as one blog writes it: C~ = tanh(W_C[a, X] + b_C);
    G_U, G_f, G_o = sigmoid(W_*[a, X] + b_*); C = G_U * C~ + G_f * C; a = G_U * C (the text's
    output line uses G_U; G_o is still computed, so W_o and b_o are parameters)."""

    def __init__(self, x, a):
        super().__init__()
        self.sz = (x, a)
        for g in ("C", "U", "f", "o"):
            setattr(self, f"W_{g}", nn.Linear(a + x, a, bias=True))

    def forward(self, xt, state):
        a, c = state
        ax = torch.cat([a, xt], -1)
        ct = torch.tanh(self.W_C(ax))
        gu, gf, go = (torch.sigmoid(getattr(self, f"W_{g}")(ax)) for g in ("U", "f", "o"))
        c = gu * ct + gf * c
        return gu * c, c, go

    def step(self):
        x, a = self.sz
        return self(torch.randn(x), (torch.zeros(a), torch.zeros(a)))


def coursera_lstm_as_written(x, a):
    return _CourseraLSTMAsWritten(x, a)
