"""Oracles for the h8c snippets (paper / thesis LaTeX sources): one function per snippet,
returning a torch.nn.Module whose parameters are exactly the weights the snippet's text names."""
import torch
from torch import nn

__all__ = [
    "jurasofish_lstm",
    "regule_kybernetika_lstm",
    "parcollet_qlstm",
    "lstm_explained_scalar_gates",
    "wolter_paper_peephole_lstm",
    "wolter_thesis_peephole_lstm",
    "ljalil_peephole_lstm",
    "ljalil_fr_peephole_lstm",
    "mir_book_elman_rnn",
    "mir_book_gru",
    "neuwirth_mlstm",
    "neuwirth_lstm_scalar_refuse",
    "v0lta_slides_peephole_lstm",
    "v0lta_slides_gru",
]


class _WULSTM(nn.Module):
    """LSTM written gate by gate: g = act(W_g x + U_g h + b_g) for g in f, i, o, c."""

    def __init__(self, x, h, gates="fioc", bias=True):
        super().__init__()
        self.h = h
        self.gates = gates
        for g in gates:
            setattr(self, f"W_{g}", nn.Parameter(torch.randn(h, x)))
            setattr(self, f"U_{g}", nn.Parameter(torch.randn(h, h)))
            if bias:
                setattr(self, f"b_{g}", nn.Parameter(torch.zeros(h)))
        self.bias = bias

    def pre(self, g, xt, hp):
        z = xt @ getattr(self, f"W_{g}").T + hp @ getattr(self, f"U_{g}").T
        if self.bias:
            z = z + getattr(self, f"b_{g}")
        return z

    def forward(self, xt, state=None):
        if state is None:
            z = xt.new_zeros(xt.shape[:-1] + (self.h,))
            state = (z, z)
        hp, cp = state
        f = torch.sigmoid(self.pre("f", xt, hp))
        i = torch.sigmoid(self.pre("i", xt, hp))
        o = torch.sigmoid(self.pre("o", xt, hp))
        cc = torch.tanh(self.pre("c", xt, hp))
        c = f * cp + i * cc
        return o * torch.tanh(c), c


def jurasofish_lstm(N=7, d=5):
    # x in R^N, h in R^d; W_g, U_g, b_g for g in f,i,o,c (prose swaps the shapes of W and U,
    # the equations force W: d x N, U: d x d; the total is the same either way)
    return _WULSTM(N, d)


class _ConcatLSTM(nn.Module):
    """LSTM whose gates read one concatenated vector: g = act(W_g [a, b] + b_g)."""

    def __init__(self, x, h, gates="orfc", bias=True, order="xh"):
        super().__init__()
        self.h, self.gates, self.bias, self.order = h, gates, bias, order
        for g in gates:
            setattr(self, f"W_{g}", nn.Parameter(torch.randn(h, x + h)))
            if bias:
                setattr(self, f"b_{g}", nn.Parameter(torch.zeros(h)))

    def pre(self, g, v):
        z = v @ getattr(self, f"W_{g}").T
        return z + getattr(self, f"b_{g}") if self.bias else z

    def forward(self, xt, state=None):
        if state is None:
            z = xt.new_zeros(xt.shape[:-1] + (self.h,))
            state = (z, z)
        hp, cp = state
        v = torch.cat([xt, hp], -1) if self.order == "xh" else torch.cat([hp, xt], -1)
        o = torch.sigmoid(self.pre(self.gates[0], v))
        r = torch.sigmoid(self.pre(self.gates[1], v))
        f = torch.sigmoid(self.pre(self.gates[2], v))
        cc = torch.tanh(self.pre(self.gates[3], v))
        c = f * cp + r * cc
        return o * torch.tanh(c), c


def regule_kybernetika_lstm(x=7, y=5):
    # x'(t) = [x(t) | y(t-1)]; o, r, f, C-bar each W (y x (x+y)) and b (y)
    return _ConcatLSTM(x, y, gates="orfc")


class _QLinear(nn.Module):
    """Quaternion dense map: real sizes n_in, n_out (multiples of 4); one quaternion weight
    (r, i, j, k components) per (n_out/4) x (n_in/4) entry, applied with the Hamilton product."""

    def __init__(self, n_in, n_out, bias=False):
        super().__init__()
        a, b = n_out // 4, n_in // 4
        self.r = nn.Parameter(torch.randn(a, b) * 0.1)
        self.i = nn.Parameter(torch.randn(a, b) * 0.1)
        self.j = nn.Parameter(torch.randn(a, b) * 0.1)
        self.k = nn.Parameter(torch.randn(a, b) * 0.1)
        self.b = nn.Parameter(torch.zeros(n_out)) if bias else None

    def forward(self, x):
        r, i, j, k = self.r, self.i, self.j, self.k
        w = torch.cat([
            torch.cat([r, -i, -j, -k], 1),
            torch.cat([i, r, -k, j], 1),
            torch.cat([j, k, r, -i], 1),
            torch.cat([k, -j, i, r], 1),
        ], 0)
        y = x @ w.T
        return y + self.b if self.b is not None else y


class _QLSTMDir(nn.Module):
    def __init__(self, x, h):
        super().__init__()
        self.h = h
        for g in "fico":
            setattr(self, f"W_{g}", _QLinear(x, h, bias=True))   # W_g and b_g (quaternion bias = h reals)
            setattr(self, f"R_{g}", _QLinear(h, h, bias=False))

    def forward(self, xt, state=None):
        if state is None:
            z = xt.new_zeros(xt.shape[:-1] + (self.h,))
            state = (z, z)
        hp, cp = state
        g = {k: getattr(self, f"W_{k}")(xt) + getattr(self, f"R_{k}")(hp) for k in "fico"}
        f, i, o = torch.sigmoid(g["f"]), torch.sigmoid(g["i"]), torch.sigmoid(g["o"])
        c = f * cp + i * torch.tanh(g["c"])
        return o * torch.tanh(c), c


class _QLSTMBi(nn.Module):
    def __init__(self, x, h):
        super().__init__()
        self.fwd, self.bwd = _QLSTMDir(x, h), _QLSTMDir(x, h)

    def forward(self, xt, state=None):
        return torch.cat([self.fwd(xt)[0], self.bwd(xt)[0]], -1)


def parcollet_qlstm(x=8, h=12):
    # REFUSED snippet; this is a guess, not a count: real sizes x, h split into quaternions
    # (x/4, h/4), every W, R, b quaternion-valued (W_c too), bidirectional as the text says.
    return _QLSTMBi(x, h)


class _ScalarGateLSTM(nn.Module):
    """One memory block of D cells with scalar gates: each gate has one parameter vector over
    [x; z_h(t-1); s(t-1 or t); 1]; the cell input has W_c over [x; z_h(t-1); 1]."""

    def __init__(self, N, D):
        super().__init__()
        self.D = D
        self.w_iota = nn.Parameter(torch.randn(N + 2 * D + 1) * 0.1)
        self.w_phi = nn.Parameter(torch.randn(N + 2 * D + 1) * 0.1)
        self.w_omega = nn.Parameter(torch.randn(N + 2 * D + 1) * 0.1)
        self.W_c = nn.Parameter(torch.randn(N + D + 1, D) * 0.1)

    def forward(self, x, state=None):
        one = x.new_ones(x.shape[:-1] + (1,))
        if state is None:
            z = x.new_zeros(x.shape[:-1] + (self.D,))
            state = (z, z)
        zh, s = state
        g_i = torch.sigmoid(torch.cat([x, zh, s, one], -1) @ self.w_iota)[..., None]
        z_c = torch.tanh(torch.cat([x, zh, one], -1) @ self.W_c)
        g_f = torch.sigmoid(torch.cat([x, zh, s, one], -1) @ self.w_phi)[..., None]
        s = g_f * s + g_i * z_c
        g_o = torch.sigmoid(torch.cat([x, zh, s, one], -1) @ self.w_omega)[..., None]
        return torch.tanh(g_o * torch.tanh(s)), s


def lstm_explained_scalar_gates(N=7, D=5):
    # w_iota, w_phi, w_omega in R^(N+2D+1) (scalar gates with peepholes and bias),
    # W_c in R^((N+D+1) x D)
    return _ScalarGateLSTM(N, D)


class _PeepholeConcatLSTM(nn.Module):
    """i, f: W [x h s_{t-1}]^T + b; s: f s + i tanh(W_s [x h]^T + b_s); o: W_o [x h s_t]^T + b_o."""

    def __init__(self, x, h):
        super().__init__()
        self.h = h
        self.W_i = nn.Parameter(torch.randn(h, x + 2 * h) * 0.1)
        self.W_f = nn.Parameter(torch.randn(h, x + 2 * h) * 0.1)
        self.W_s = nn.Parameter(torch.randn(h, x + h) * 0.1)
        self.W_o = nn.Parameter(torch.randn(h, x + 2 * h) * 0.1)
        self.b_i = nn.Parameter(torch.zeros(h))
        self.b_f = nn.Parameter(torch.zeros(h))
        self.b_s = nn.Parameter(torch.zeros(h))
        self.b_o = nn.Parameter(torch.zeros(h))

    def forward(self, xt, state=None):
        if state is None:
            z = xt.new_zeros(xt.shape[:-1] + (self.h,))
            state = (z, z)
        hp, sp = state
        i = torch.sigmoid(torch.cat([xt, hp, sp], -1) @ self.W_i.T + self.b_i)
        f = torch.sigmoid(torch.cat([xt, hp, sp], -1) @ self.W_f.T + self.b_f)
        s = f * sp + i * torch.tanh(torch.cat([xt, hp], -1) @ self.W_s.T + self.b_s)
        o = torch.sigmoid(torch.cat([xt, hp, s], -1) @ self.W_o.T + self.b_o)
        return o * torch.tanh(s), s


class _PeepholeSplitLSTM(nn.Module):
    """Graves-style LSTM with full peephole matrices: W_x*, W_h*, W_c* (i, f, o), W_xc, W_hc, b_*.
    The output gate peeks at c_t (o_peek_new=True) or c_{t-1}."""

    def __init__(self, x, h, o_peek_new=True):
        super().__init__()
        self.h, self.o_peek_new = h, o_peek_new
        for g in "ifoc":
            setattr(self, f"W_x{g}", nn.Parameter(torch.randn(h, x) * 0.1))
            setattr(self, f"W_h{g}", nn.Parameter(torch.randn(h, h) * 0.1))
            setattr(self, f"b_{g}", nn.Parameter(torch.zeros(h)))
        for g in "ifo":
            setattr(self, f"W_c{g}", nn.Parameter(torch.randn(h, h) * 0.1))

    def lin(self, g, xt, hp, c=None):
        z = xt @ getattr(self, f"W_x{g}").T + hp @ getattr(self, f"W_h{g}").T + getattr(self, f"b_{g}")
        if c is not None:
            z = z + c @ getattr(self, f"W_c{g}").T
        return z

    def forward(self, xt, state=None):
        if state is None:
            z = xt.new_zeros(xt.shape[:-1] + (self.h,))
            state = (z, z)
        hp, cp = state
        i = torch.sigmoid(self.lin("i", xt, hp, cp))
        f = torch.sigmoid(self.lin("f", xt, hp, cp))
        c = f * cp + i * torch.tanh(self.lin("c", xt, hp))
        o = torch.sigmoid(self.lin("o", xt, hp, c if self.o_peek_new else cp))
        return o * torch.tanh(c), c


def wolter_paper_peephole_lstm(x=7, h=5):
    # W_i, W_f, W_o in R^{h x (x+2h)} over [x h s]^T, W_s in R^{h x (x+h)}, b_i b_f b_s b_o
    return _PeepholeConcatLSTM(x, h)


def wolter_thesis_peephole_lstm(x=7, h=5):
    # the thesis writes the split form (W_ix, W_ih, W_is, ...) and then the concatenated form;
    # both describe the same weights
    return _PeepholeConcatLSTM(x, h)


def ljalil_peephole_lstm(x=7, h=5):
    # peephole terms W_ci c_{t-1}, W_cf c_{t-1}, W_co c_t written as weight matrices
    return _PeepholeSplitLSTM(x, h, o_peek_new=True)


def ljalil_fr_peephole_lstm(x=7, h=5):
    return _PeepholeSplitLSTM(x, h, o_peek_new=True)


class _ElmanWithOutput(nn.Module):
    """h = f_h(W_h x + U h_{t-1} + b_h); y = f_y(W_y h + b_y)."""

    def __init__(self, x, h, y):
        super().__init__()
        self.h = h
        self.W_h = nn.Linear(x, h)          # W_h and b_h
        self.U = nn.Linear(h, h, bias=False)
        self.W_y = nn.Linear(h, y)          # W_y and b_y

    def forward(self, xt, hp=None):
        if hp is None:
            hp = xt.new_zeros(xt.shape[:-1] + (self.h,))
        h = torch.tanh(self.W_h(xt) + self.U(hp))
        return torch.sigmoid(self.W_y(h)), h


class _WUGRU(nn.Module):
    """GRU with W_g, U_g, b_g for g in r, u, h; reset applied before U_h; h = u h_{t-1} + (1-u) h^."""

    def __init__(self, x, h):
        super().__init__()
        self.h = h
        for g in "ruh":
            setattr(self, f"W_{g}", nn.Parameter(torch.randn(x, h) * 0.1))   # R^{d_{i-1} x d_i}
            setattr(self, f"U_{g}", nn.Parameter(torch.randn(h, h) * 0.1))
            setattr(self, f"b_{g}", nn.Parameter(torch.zeros(h)))

    def forward(self, xt, hp=None):
        if hp is None:
            hp = xt.new_zeros(xt.shape[:-1] + (self.h,))
        r = torch.sigmoid(xt @ self.W_r + hp @ self.U_r + self.b_r)
        u = torch.sigmoid(xt @ self.W_u + hp @ self.U_u + self.b_u)
        hh = torch.tanh(xt @ self.W_h + (r * hp) @ self.U_h + self.b_h)
        return u * hp + (1 - u) * hh


def mir_book_elman_rnn(x=7, h=5, y=3):
    return _ElmanWithOutput(x, h, y)


def mir_book_gru(x=7, h=5):
    return _WUGRU(x, h)


class _MLSTM(nn.Module):
    """mLSTM cell: q, k, v, o from W x + b (d x x each), scalar gates i, f from w^T x + b,
    matrix memory C (d x d), normalizer n (d)."""

    def __init__(self, x, d):
        super().__init__()
        self.d = d
        self.W_q = nn.Linear(x, d)
        self.W_k = nn.Linear(x, d)
        self.W_v = nn.Linear(x, d)
        self.W_o = nn.Linear(x, d)
        self.w_i = nn.Linear(x, 1)   # w_i and b_i
        self.w_f = nn.Linear(x, 1)   # w_f and b_f

    def forward(self, xt, state=None):
        B = xt.shape[0]
        if state is None:
            state = (xt.new_zeros(B, self.d, self.d), xt.new_zeros(B, self.d))
        C, n = state
        q = self.W_q(xt)
        k = self.W_k(xt) / self.d ** 0.5
        v = self.W_v(xt)
        i = torch.exp(self.w_i(xt))[..., None]
        f = torch.sigmoid(self.w_f(xt))[..., None]
        o = torch.sigmoid(self.W_o(xt))
        C = f * C + i * v[..., :, None] * k[..., None, :]
        n = f[..., 0] * n + i[..., 0] * k
        den = torch.clamp((n * q).sum(-1, keepdim=True).abs(), min=1.0)
        h = o * (C @ q[..., None])[..., 0] / den
        return h, (C, n)


def neuwirth_mlstm(x=7, d=5):
    # W_q, W_k, W_v, W_o in R^{d x x} with biases; w_i, w_f in R^x with scalar biases
    return _MLSTM(x, d)


class _ScalarLSTMUnit(nn.Module):
    """REFUSED snippet guess: the xLSTM-paper scalar reading, one memory cell with
    w_g in R^x, scalar r_g, scalar b_g for g in z, i, f, o."""

    def __init__(self, x):
        super().__init__()
        for g in "zifo":
            setattr(self, f"w_{g}", nn.Parameter(torch.randn(x) * 0.1))
            setattr(self, f"r_{g}", nn.Parameter(torch.randn(1) * 0.1))
            setattr(self, f"b_{g}", nn.Parameter(torch.zeros(1)))

    def forward(self, xt, state=None):
        if state is None:
            z0 = xt.new_zeros(xt.shape[:-1] + (1,))
            state = (z0, z0)
        hp, cp = state
        pre = {g: (xt @ getattr(self, f"w_{g}"))[..., None] + getattr(self, f"r_{g}") * hp + getattr(self, f"b_{g}") for g in "zifo"}
        z = torch.tanh(pre["z"]); i = torch.sigmoid(pre["i"]); f = torch.sigmoid(pre["f"]); o = torch.sigmoid(pre["o"])
        c = f * cp + i * z
        return o * torch.tanh(c), c


def neuwirth_lstm_scalar_refuse(x=7, h=5):
    # REFUSED snippet; a guess only (h is unused under the scalar-cell reading)
    return _ScalarLSTMUnit(x)


class _VectorPeepholeLSTM(nn.Module):
    """Greff et al. LSTM: z, i, f, o with W (input), R (recurrent), b; peephole vectors p_i, p_f, p_o."""

    def __init__(self, x, h):
        super().__init__()
        self.h = h
        for g in "zifo":
            setattr(self, f"W_{g}", nn.Parameter(torch.randn(h, x) * 0.1))
            setattr(self, f"R_{g}", nn.Parameter(torch.randn(h, h) * 0.1))
            setattr(self, f"b_{g}", nn.Parameter(torch.zeros(h)))
        for g in "ifo":
            setattr(self, f"p_{g}", nn.Parameter(torch.randn(h) * 0.1))

    def pre(self, g, xt, hp):
        return xt @ getattr(self, f"W_{g}").T + hp @ getattr(self, f"R_{g}").T + getattr(self, f"b_{g}")

    def forward(self, xt, state=None):
        if state is None:
            z0 = xt.new_zeros(xt.shape[:-1] + (self.h,))
            state = (z0, z0)
        hp, cp = state
        z = torch.tanh(self.pre("z", xt, hp))
        i = torch.sigmoid(self.pre("i", xt, hp) + self.p_i * cp)
        f = torch.sigmoid(self.pre("f", xt, hp) + self.p_f * cp)
        c = z * i + cp * f
        o = torch.sigmoid(self.pre("o", xt, hp) + self.p_o * c)
        return torch.tanh(c) * o, c


class _WVGRU(nn.Module):
    """GRU written with W on h_{t-1} and V on x_t: r, u, z (candidate with r before W); h = u z + (1-u) h."""

    def __init__(self, x, h):
        super().__init__()
        self.h = h
        for g in ("r", "u", ""):
            setattr(self, f"W{g}", nn.Parameter(torch.randn(h, h) * 0.1))
            setattr(self, f"V{g}", nn.Parameter(torch.randn(h, x) * 0.1))
            setattr(self, f"b{g}", nn.Parameter(torch.zeros(h)))

    def forward(self, xt, hp=None):
        if hp is None:
            hp = xt.new_zeros(xt.shape[:-1] + (self.h,))
        r = torch.sigmoid(hp @ self.Wr.T + xt @ self.Vr.T + self.br)
        u = torch.sigmoid(hp @ self.Wu.T + xt @ self.Vu.T + self.bu)
        z = torch.tanh((r * hp) @ self.W.T + xt @ self.V.T + self.b)
        return u * z + (1 - u) * hp


def v0lta_slides_peephole_lstm(x=7, h=5):
    # W_g (n_h x n_i), R_g (n_h x n_h; the slide's n_o is forced to n_h), b_g for z, i, f, o; p_i, p_f, p_o
    return _VectorPeepholeLSTM(x, h)


def v0lta_slides_gru(x=7, h=5):
    # the prose swaps the roles of W and V; the equations fix W (recurrent) and V (input)
    return _WVGRU(x, h)
