"""Oracles for the h14a held-out snippets: each returns an nn.Module whose parameters are exactly
the weights the snippet's text writes, with a forward doing one step as the text says."""
import torch
from torch import nn

__all__ = [
    "sru_mkl_doxygen",
    "mpsgraph_single_gate_rnn",
    "lstm_matlab_host",
    "ml4j_rnn_layer_guess",
    "mingru_rust_zh",
    "gru_ts_vi_dense_head",
    "gru_go_flow",
    "elman_julia_learned_h0",
    "ssm_rust_ternary_guess",
    "lstm_cpp_bidir_shared",
    "elman_js_rowvec",
]


class _SRU(nn.Module):
    """x~ = W x; f = sig(W_f x + b_f); r = sig(W_r x + b_r); c = f*c + (1-f)*x~; h = r*g(c) + (1-r)*x."""

    def __init__(self, x, h):
        super().__init__()
        assert x == h, "highway term (1 - r_t) x_t forces input width = hidden width"
        self.W = nn.Linear(x, h, bias=False)
        self.W_f = nn.Linear(x, h)
        self.W_r = nn.Linear(x, h)

    def forward(self, xt, c):
        f = torch.sigmoid(self.W_f(xt))
        r = torch.sigmoid(self.W_r(xt))
        c = f * c + (1 - f) * self.W(xt)
        return r * torch.tanh(c) + (1 - r) * xt, c


def sru_mkl_doxygen(x, h):
    """w [h,x], w_f [h,x] + b_f [h], w_r [h,x] + b_r [h]; x = h."""
    return _SRU(x, h)


class _ElmanRowVec(nn.Module):
    """z = x W^T + h R^T + b; h' = act(z)."""

    def __init__(self, x, h, bias=True):
        super().__init__()
        self.W = nn.Parameter(torch.randn(h, x))
        self.R = nn.Parameter(torch.randn(h, h))
        self.b = nn.Parameter(torch.zeros(h)) if bias else None

    def forward(self, xt, hp):
        z = xt @ self.W.T + hp @ self.R.T
        if self.b is not None:
            z = z + self.b
        return torch.tanh(z)


def mpsgraph_single_gate_rnn(I, H):
    """inputWeight W [H,I], recurrentWeight R [H,H], bias b [H]."""
    return _ElmanRowVec(I, H)


class _StackedLSTM(nn.Module):
    """G = W x + R h + b (4H rows: z, i, f, o); c = z*i + f*c; h = tanh(c)*o."""

    def __init__(self, x, h, bias=True):
        super().__init__()
        self.W = nn.Parameter(torch.randn(4 * h, x))
        self.R = nn.Parameter(torch.randn(4 * h, h))
        self.b = nn.Parameter(torch.zeros(4 * h)) if bias else None

    def forward(self, xt, state):
        hp, cp = state
        g = xt @ self.W.T + hp @ self.R.T
        if self.b is not None:
            g = g + self.b
        z, i, f, o = g.chunk(4, -1)
        c = torch.tanh(z) * torch.sigmoid(i) + torch.sigmoid(f) * cp
        return torch.tanh(c) * torch.sigmoid(o), c


def lstm_matlab_host(D, H):
    """W (4*H)x(D), R (4*H)x(H), b (4*H)x(1)."""
    return _StackedLSTM(D, H)


class _ElmanWithOutput(nn.Module):
    """h = tanh(Whx x + Whh h + bh); y = Why h + by."""

    def __init__(self, x, h, y):
        super().__init__()
        self.Whx = nn.Linear(x, h, bias=False)
        self.Whh = nn.Linear(h, h, bias=False)
        self.bh = nn.Parameter(torch.zeros(h))
        self.Why = nn.Linear(h, y)

    def forward(self, xt, hp):
        h = torch.tanh(self.Whx(xt) + self.Whh(hp) + self.bh)
        return self.Why(h), h


def ml4j_rnn_layer_guess(inSize, hiddenSize, outSize):
    """Guess only (the snippet is marked refuse): the Javadoc formula with its output layer."""
    return _ElmanWithOutput(inSize, hiddenSize, outSize)


class _MinGRU(nn.Module):
    """z = sig(W_z x + b_z); h~ = W_h x + b_h; h' = (1 - z) h + z h~ (gates see only x)."""

    def __init__(self, x, h, bias=True):
        super().__init__()
        self.W_z = nn.Linear(x, h, bias=bias)
        self.W_h = nn.Linear(x, h, bias=bias)

    def forward(self, xt, hp):
        z = torch.sigmoid(self.W_z(xt))
        return (1 - z) * hp + z * self.W_h(xt)


def mingru_rust_zh(hidden_dim):
    """W_z, W_h hidden_dim x hidden_dim, b_z, b_h hidden_dim (input already projected by W_in outside)."""
    return _MinGRU(hidden_dim, hidden_dim)


class _GRUWUDenseHead(nn.Module):
    """z,r = sig(W x + U h + b); h~ = tanh(Wh x + Uh (r*h) + bh); h' = (1-z) h + z h~; then ReLU dense and output layer."""

    def __init__(self, x, h, d, out):
        super().__init__()
        self.W = nn.ModuleDict({g: nn.Linear(x, h) for g in "zrh"})
        self.U = nn.ModuleDict({g: nn.Linear(h, h, bias=False) for g in "zrh"})
        self.dense = nn.Linear(h, d)
        self.out = nn.Linear(d, out)

    def forward(self, xt, hp):
        z = torch.sigmoid(self.W["z"](xt) + self.U["z"](hp))
        r = torch.sigmoid(self.W["r"](xt) + self.U["r"](hp))
        hh = torch.tanh(self.W["h"](xt) + self.U["h"](r * hp))
        h = (1 - z) * hp + z * hh
        return torch.softmax(self.out(torch.relu(self.dense(h))), -1), h


def gru_ts_vi_dense_head(IN, H, D, OUT):
    """Wz,Wr,Wh [H x IN], Uz,Ur,Uh [H x H], bz,br,bh [H], Wd [D x H], bd [D], Wo [OUT x D], bo [OUT]."""
    return _GRUWUDenseHead(IN, H, D, OUT)


class _GRUWUb(nn.Module):
    """z = sig(x Wz + h Uz + bz); r = sig(x Wr + h Ur + br); h~ = tanh(x Wh + (r*h) Uh + bh); h' = (1-z) h + z h~."""

    def __init__(self, x, h):
        super().__init__()
        self.W = nn.ParameterDict({g: nn.Parameter(torch.randn(x, h)) for g in "zrh"})
        self.U = nn.ParameterDict({g: nn.Parameter(torch.randn(h, h)) for g in "zrh"})
        self.b = nn.ParameterDict({g: nn.Parameter(torch.zeros(h)) for g in "zrh"})

    def forward(self, xt, hp):
        z = torch.sigmoid(xt @ self.W["z"] + hp @ self.U["z"] + self.b["z"])
        r = torch.sigmoid(xt @ self.W["r"] + hp @ self.U["r"] + self.b["r"])
        hh = torch.tanh(xt @ self.W["h"] + (r * hp) @ self.U["h"] + self.b["h"])
        return (1 - z) * hp + z * hh


def gru_go_flow(inputDim, units):
    """Wz, Wr, Wh [inputDim, units]; Uz, Ur, Uh [units, units]; bz, br, bh [units]."""
    return _GRUWUb(inputDim, units)


class _ElmanLearnedH0(nn.Module):
    """h[t] = f(w x[t] + u h[t-1] + b), h[0] = h_init a trainable (m, 1) column."""

    def __init__(self, x, h):
        super().__init__()
        self.w = nn.Parameter(torch.randn(h, x))
        self.u = nn.Parameter(torch.randn(h, h))
        self.b = nn.Parameter(torch.zeros(h, 1))
        self.h_init = nn.Parameter(torch.zeros(h, 1))

    def forward(self, xt, hp=None):
        hp = self.h_init if hp is None else hp
        return torch.tanh(self.w @ xt + self.u @ hp + self.b)


def elman_julia_learned_h0(m, n):
    """w (m, n), u (m, m), b (m, 1), h_init (m, 1), all GradVariable."""
    return _ElmanLearnedH0(n, m)


class _TernarySSM(nn.Module):
    """Guess: every allocated projection as a bias-free matrix, plus a_log, D and dt_bias."""

    def __init__(self, d_model, n_heads, d_state):
        super().__init__()
        d_inner = d_model
        self.n_heads, self.d_state, self.d_head = n_heads, d_state, d_inner // n_heads
        self.in_proj = nn.Linear(d_model, d_inner, bias=False)
        self.x_proj = nn.Linear(d_inner, n_heads + 2 * n_heads * d_state, bias=False)
        self.dt_proj = nn.Linear(n_heads, d_inner, bias=False)
        self.out_proj = nn.Linear(d_inner, d_model, bias=False)
        self.a_log = nn.Parameter(torch.full((n_heads, d_state), -1.0))
        self.d_param = nn.Parameter(torch.ones(n_heads))
        self.dt_bias = nn.Parameter(torch.zeros(n_heads))

    def forward(self, x, state):
        z = self.in_proj(x)
        xbc = self.x_proj(z)
        H, S = self.n_heads, self.d_state
        dt = torch.nn.functional.softplus(xbc[..., :H] + self.dt_bias)
        B = xbc[..., H:H + H * S].reshape(*x.shape[:-1], H, S)
        C = xbc[..., H + H * S:].reshape(*x.shape[:-1], H, S)
        xa = z.reshape(*x.shape[:-1], H, self.d_head).mean(-1)
        a_bar = torch.exp(-self.a_log.exp() * dt[..., None])
        state = a_bar * state + B * dt[..., None] * xa[..., None]
        y = (C * state).sum(-1)
        y = y[..., None] + self.d_param[:, None] * z.reshape(*x.shape[:-1], H, self.d_head)
        return self.out_proj(y.reshape(*x.shape)), state


def ssm_rust_ternary_guess(d_model, n_heads, d_state):
    """Guess only (the snippet is marked refuse)."""
    return _TernarySSM(d_model, n_heads, d_state)


class _LSTMWUbSharedBidir(nn.Module):
    """Per-gate W (h x in), U (h x h), b (h); both directions of the 'bidirectional' pass use the same weights."""

    def __init__(self, x, h):
        super().__init__()
        self.W = nn.ModuleDict({g: nn.Linear(x, h) for g in "fico"})
        self.U = nn.ModuleDict({g: nn.Linear(h, h, bias=False) for g in "fico"})

    def step(self, xt, hp, cp):
        f = torch.sigmoid(self.W["f"](xt) + self.U["f"](hp))
        i = torch.sigmoid(self.W["i"](xt) + self.U["i"](hp))
        cc = torch.tanh(self.W["c"](xt) + self.U["c"](hp))
        o = torch.sigmoid(self.W["o"](xt) + self.U["o"](hp))
        c = f * cp + i * cc
        return o * torch.tanh(c), c

    def forward(self, xs):
        outs = []
        for seq in (xs, xs.flip(0)):
            h = xs.new_zeros(xs.shape[1], self.U["f"].in_features)
            c = torch.zeros_like(h)
            for xt in seq:
                h, c = self.step(xt, h, c)
            outs.append(h)
        return outs


def lstm_cpp_bidir_shared(input_size, hidden_size):
    """Wf..Wo [hidden x input], Uf..Uo [hidden x hidden], bf..bo [hidden]; shared across both directions."""
    return _LSTMWUbSharedBidir(input_size, hidden_size)


class _ElmanRowMajorIn(nn.Module):
    """h = tanh(x Wxh + h Whh + bh) with Wxh [x, h], Whh [h, h]."""

    def __init__(self, x, h):
        super().__init__()
        self.Wxh = nn.Parameter(torch.randn(x, h))
        self.Whh = nn.Parameter(torch.randn(h, h))
        self.bh = nn.Parameter(torch.zeros(h))

    def forward(self, xt, hp):
        return torch.tanh(xt @ self.Wxh + hp @ self.Whh + self.bh)


def elman_js_rowvec(x, h):
    """Wxh [x][h], Whh [h][h], bh [h]."""
    return _ElmanRowMajorIn(x, h)
