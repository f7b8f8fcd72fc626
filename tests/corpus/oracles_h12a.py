"""Oracles for the h12a held-out snippets: each returns an nn.Module whose parameters are exactly
the weights the snippet's text writes."""
import torch
from torch import nn

__all__ = [
    "lstm_genix_cs",
    "gru_genix_cs",
    "lstm_onnx_two_bias_spec",
    "lstm_shrew_rs",
    "gru_shrew_rs",
    "gru_elman_cuda",
    "lstm_elman_cuda",
    "decay_gated_elman_e61",
    "lstm_zig_vad",
    "gru_sannet_java",
    "lstm_cell_state_gates_sannet_java",
    "lstm_graves_sannet_java",
    "minlstm_packed_py",
    "s4d_cell_rmsnorm_py",
    "lstm_concat_with_output_readme",
]


class _LSTMPerGate(nn.Module):
    """LSTM, one input weight, one recurrent weight and (optionally) one bias per gate."""

    def __init__(self, x, h, bias=True, gates="ifgo"):
        super().__init__()
        self.gates = gates
        self.W = nn.ModuleDict({g: nn.Linear(x, h, bias=bias) for g in gates})
        self.U = nn.ModuleDict({g: nn.Linear(h, h, bias=False) for g in gates})

    def forward(self, xt, state):
        hp, cp = state
        pre = {g: self.W[g](xt) + self.U[g](hp) for g in self.gates}
        i, f, o = torch.sigmoid(pre["i"]), torch.sigmoid(pre["f"]), torch.sigmoid(pre["o"])
        c = f * cp + i * torch.tanh(pre["g"])
        return o * torch.tanh(c), c


class _GRUPerGate(nn.Module):
    """GRU, reset applied to h before the candidate's recurrent weight; one bias per gate."""

    def __init__(self, x, h, bias=True):
        super().__init__()
        self.W = nn.ModuleDict({g: nn.Linear(x, h, bias=bias) for g in "urc"})
        self.U = nn.ModuleDict({g: nn.Linear(h, h, bias=False) for g in "urc"})

    def forward(self, xt, hp):
        u = torch.sigmoid(self.W["u"](xt) + self.U["u"](hp))
        r = torch.sigmoid(self.W["r"](xt) + self.U["r"](hp))
        c = torch.tanh(self.W["c"](xt) + self.U["c"](r * hp))
        return u * hp + (1 - u) * c


def lstm_genix_cs(x, h):
    """i, j, f, o each with W (h,x), U (h,h), b (h)."""
    return _LSTMPerGate(x, h)


def gru_genix_cs(x, h):
    """u, r, c each with W (h,x), U (h,h), b (h); h = u*h + (1-u)*c."""
    return _GRUPerGate(x, h)


class _LSTMStacked(nn.Module):
    """LSTM with stacked W (4h,x), R (4h,h) and `nbias` stacked biases of size 4h."""

    def __init__(self, x, h, nbias=2, peep=0):
        super().__init__()
        self.h = h
        self.W = nn.Parameter(torch.randn(4 * h, x))
        self.R = nn.Parameter(torch.randn(4 * h, h))
        self.B = nn.ParameterList([nn.Parameter(torch.zeros(4 * h)) for _ in range(nbias)])

    def forward(self, xt, state):
        hp, cp = state
        z = xt @ self.W.T + hp @ self.R.T + sum(self.B)
        i, o, f, g = z.chunk(4, -1)
        c = torch.sigmoid(f) * cp + torch.sigmoid(i) * torch.tanh(g)
        return torch.sigmoid(o) * torch.tanh(c), c


def lstm_onnx_two_bias_spec(x, h):
    """W (4h,x), R (4h,h), B (8h) = Wb + Rb."""
    return _LSTMStacked(x, h, nbias=2)


def lstm_shrew_rs(x, h):
    """w_ih (4h,x), w_hh (4h,h), b_ih (4h), b_hh (4h): the PyTorch LSTMCell layout."""
    return nn.LSTMCell(x, h)


def gru_shrew_rs(x, h):
    """w_ih (3h,x), w_hh (3h,h), b_ih (3h), b_hh (3h), n = tanh(n_ih + r * n_hh): PyTorch GRUCell."""
    return nn.GRUCell(x, h)


class _GRUZRH(nn.Module):
    """GRU with W_* (h,x), U_* (h,h), b_* (h) for z, r, h; h_t = (1-z)*h + z*h_tilde."""

    def __init__(self, x, h):
        super().__init__()
        self.W = nn.ModuleDict({g: nn.Linear(x, h) for g in "zrh"})
        self.U = nn.ModuleDict({g: nn.Linear(h, h, bias=False) for g in "zrh"})

    def forward(self, xt, hp):
        z = torch.sigmoid(self.W["z"](xt) + self.U["z"](hp))
        r = torch.sigmoid(self.W["r"](xt) + self.U["r"](hp))
        ht = torch.tanh(self.W["h"](xt) + self.U["h"](r * hp))
        return (1 - z) * hp + z * ht


def gru_elman_cuda(x, h):
    """W_z, W_r, W_h (h,x); U_z, U_r, U_h (h,h); b_z, b_r, b_h (h)."""
    return _GRUZRH(x, h)


def lstm_elman_cuda(dim):
    """W_f, W_i, W_o, W_c (dim,dim) (the note gives W_fio [3*dim, dim], W_c [dim, dim]);
    U_* (dim,dim); b_* (dim)."""
    return _LSTMPerGate(dim, dim)


class _DecayGated(nn.Module):
    """alpha = sigmoid(x W_alpha^T + b_alpha); v = x W_v^T + b_v; h = alpha*h + (1-alpha)*v."""

    def __init__(self, x, h):
        super().__init__()
        self.alpha = nn.Linear(x, h)
        self.v = nn.Linear(x, h)

    def forward(self, xt, hp):
        a = torch.sigmoid(self.alpha(xt))
        hn = a * hp + (1 - a) * self.v(xt)
        return hn * torch.nn.functional.silu(hn)


def decay_gated_elman_e61(x, h):
    return _DecayGated(x, h)


def lstm_zig_vad(x, h):
    """weight_ih (4h,x), weight_hh (4h,h), bias_ih (4h), bias_hh (4h): PyTorch LSTMCell."""
    return nn.LSTMCell(x, h)


class _GRUResetAfter(nn.Module):
    """z, r, h with W (h,x), U (h,h), b (h); h = tanh(Wh x + (Uh out) * r + bh); s = (1-z) h + z out."""

    def __init__(self, x, h):
        super().__init__()
        self.W = nn.ModuleDict({g: nn.Linear(x, h) for g in "zrh"})
        self.U = nn.ModuleDict({g: nn.Linear(h, h, bias=False) for g in "zrh"})

    def forward(self, xt, hp):
        z = torch.sigmoid(self.W["z"](xt) + self.U["z"](hp))
        r = torch.sigmoid(self.W["r"](xt) + self.U["r"](hp))
        hh = torch.tanh(self.W["h"](xt) + self.U["h"](hp) * r)
        return (1 - z) * hh + z * hp


def gru_sannet_java(x, h):
    return _GRUResetAfter(x, h)


class _LSTMCellStateGates(nn.Module):
    """i, f, o = sigmoid(W x + U c(t-1) + b) with U (h,h); s = tanh(Ws x + bs); c = i s + f c; h = tanh(c) o."""

    def __init__(self, x, h):
        super().__init__()
        self.W = nn.ModuleDict({g: nn.Linear(x, h) for g in "ifos"})
        self.U = nn.ModuleDict({g: nn.Linear(h, h, bias=False) for g in "ifo"})

    def forward(self, xt, state):
        hp, cp = state
        i, f, o = (torch.sigmoid(self.W[g](xt) + self.U[g](cp)) for g in "ifo")
        c = i * torch.tanh(self.W["s"](xt)) + f * cp
        return torch.tanh(c) * o, c


def lstm_cell_state_gates_sannet_java(x, h):
    return _LSTMCellStateGates(x, h)


class _LSTMGraves(nn.Module):
    """Graves LSTM as SANNet builds it: W (h,x), U (h,h), b (h) per gate i, f, s, o and vector
    peepholes Ci, Cf, Co of size h (the code's shape; the javadoc does not say)."""

    def __init__(self, x, h):
        super().__init__()
        self.W = nn.ModuleDict({g: nn.Linear(x, h) for g in "ifso"})
        self.U = nn.ModuleDict({g: nn.Linear(h, h, bias=False) for g in "ifso"})
        self.C = nn.ParameterDict({g: nn.Parameter(torch.zeros(h)) for g in "ifo"})

    def forward(self, xt, state):
        hp, cp = state
        i = torch.sigmoid(self.W["i"](xt) + self.U["i"](hp) + self.C["i"] * cp)
        f = torch.sigmoid(self.W["f"](xt) + self.U["f"](hp) + self.C["f"] * cp)
        s = torch.tanh(self.W["s"](xt) + self.U["s"](hp))
        c = i * s + f * cp
        o = torch.sigmoid(self.W["o"](xt) + self.U["o"](hp) + self.C["o"] * c)
        return torch.tanh(c) * o, c


def lstm_graves_sannet_java(x, h):
    return _LSTMGraves(x, h)


class _MinLSTM(nn.Module):
    """weight_ih (3h, x), bias_ih (3h); f, i = sigmoid, h_tilde linear; normalised gates."""

    def __init__(self, x, h):
        super().__init__()
        self.lin = nn.Linear(x, 3 * h)

    def forward(self, xt, hp):
        f, i, ht = self.lin(xt).chunk(3, -1)
        f, i = torch.sigmoid(f), torch.sigmoid(i)
        return f / (f + i) * hp + i / (f + i) * ht


def minlstm_packed_py(x, h):
    return _MinLSTM(x, h)


class _RMSNorm(nn.Module):
    def __init__(self, d):
        super().__init__()
        self.weight = nn.Parameter(torch.ones(d))

    def forward(self, v):
        return v * torch.rsqrt(v.pow(2).mean(-1, keepdim=True) + 1e-5) * self.weight


class _S4D(nn.Module):
    """proj_in (H, x) + bias (H); A_log_re, A_im, C_re, C_im (H, N); log_dt (H); D (H); RMSNorm weight (H)."""

    def __init__(self, x, H, N):
        super().__init__()
        self.proj_in = nn.Linear(x, H)
        self.A_log_re = nn.Parameter(torch.full((H, N), -0.69))
        self.A_im = nn.Parameter(torch.randn(H, N))
        self.C_re = nn.Parameter(torch.randn(H, N))
        self.C_im = nn.Parameter(torch.randn(H, N))
        self.log_dt = nn.Parameter(torch.full((H,), -3.0))
        self.D = nn.Parameter(torch.ones(H))
        self.norm = _RMSNorm(H)

    def forward(self, xt, hx):
        u = self.proj_in(xt)
        dt = self.log_dt.exp().unsqueeze(-1)
        A = torch.complex(-self.A_log_re.exp(), self.A_im)
        Ab = torch.exp(dt * A)
        Bb = (Ab - 1) / A
        h = Ab * hx + Bb * u.unsqueeze(-1)
        y = 2 * (torch.complex(self.C_re, self.C_im) * h).sum(-1).real
        return h, self.norm(y + self.D * u)

    def demo(self):
        H, N = self.C_re.shape
        self(torch.randn(2, self.proj_in.in_features), torch.zeros(2, H, N, dtype=torch.cfloat))


def s4d_cell_rmsnorm_py(x, H, N):
    return _S4D(x, H, N)


class _LSTMConcatOut(nn.Module):
    """f, i, o, c~ = act(W_* [x_t, h_{t-1}] + b_*), W_* (h, x+h); y = W_y h + b_y."""

    def __init__(self, x, h, y):
        super().__init__()
        self.W = nn.ModuleDict({g: nn.Linear(x + h, h) for g in "fioc"})
        self.out = nn.Linear(h, y)

    def forward(self, xt, state):
        hp, cp = state
        z = torch.cat([xt, hp], -1)
        f, i, o = (torch.sigmoid(self.W[g](z)) for g in "fio")
        c = f * cp + i * torch.tanh(self.W["c"](z))
        hn = o * torch.tanh(c)
        return self.out(hn), (hn, c)


def lstm_concat_with_output_readme(x, h, y):
    return _LSTMConcatOut(x, h, y)
