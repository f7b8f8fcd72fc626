"""Oracles for the h13a held-out snippets: each returns an nn.Module whose parameters are exactly
the weights the snippet's text writes, with a forward doing one step as the text says."""
import torch
from torch import nn

__all__ = [
    "gru_matlab_linout",
    "lstm_concat_swift",
    "mgu_concat_brainstate",
    "urlstm_brainstate",
    "gru_concat_cmsis",
    "gru_wolfram",
    "lstm_wolfram",
    "elman_wolfram",
    "elman_flutter_ml",
    "mamba_block_zig_readme",
]


class _GRUTwoBiasLinOut(nn.Module):
    """PyTorch-order GRU (two biases per gate, reset applied to W_hn h + b_hn) and a linear output."""

    def __init__(self, x, h, y):
        super().__init__()
        self.Wi = nn.ModuleDict({g: nn.Linear(x, h) for g in "rzn"})
        self.Wh = nn.ModuleDict({g: nn.Linear(h, h) for g in "rzn"})
        self.out = nn.Linear(h, y)

    def forward(self, xt, hp):
        r = torch.sigmoid(self.Wi["r"](xt) + self.Wh["r"](hp))
        z = torch.sigmoid(self.Wi["z"](xt) + self.Wh["z"](hp))
        n = torch.tanh(self.Wi["n"](xt) + r * self.Wh["n"](hp))
        h = (1 - z) * n + z * hp
        return self.out(h), h


def gru_matlab_linout(x, h, output_dim):
    """w_i{r,z,n} [h,x], b_i* [h], w_h{r,z,n} [h,h], b_h* [h]; weight_linout [out,h], bias_linout [out]."""
    return _GRUTwoBiasLinOut(x, h, output_dim)


class _LSTMConcat(nn.Module):
    """LSTM with one weight over the concatenation [h, x] and one bias per gate."""

    def __init__(self, x, h, gates="fioc"):
        super().__init__()
        self.gates = gates
        self.W = nn.ModuleDict({g: nn.Linear(h + x, h) for g in gates})

    def forward(self, xt, state):
        hp, cp = state
        z = torch.cat([hp, xt], -1)
        f, i, o = (torch.sigmoid(self.W[g](z)) for g in "fio")
        c = f * cp + i * torch.tanh(self.W["c"](z))
        return o * torch.tanh(c), c


def lstm_concat_swift(x, h):
    """Wf, Wi, Wo, Wc each hiddenSize x (inputSize + hiddenSize) over [h, x]; bf, bi, bo, bc."""
    return _LSTMConcat(x, h)


class _MGUConcat(nn.Module):
    """Minimal gated unit over [x, h]: W_f, b_f and W_h, b_h, the candidate reading [x, f * h]."""

    def __init__(self, x, h):
        super().__init__()
        self.Wf = nn.Linear(x + h, h)
        self.Wh = nn.Linear(x + h, h)

    def forward(self, xt, hp):
        f = torch.sigmoid(self.Wf(torch.cat([xt, hp], -1)))
        cand = torch.tanh(self.Wh(torch.cat([xt, f * hp], -1)))
        return (1 - f) * hp + f * cand


def mgu_concat_brainstate(x, h):
    """W_f, W_h each (h, x + h) with biases b_f, b_h."""
    return _MGUConcat(x, h)


class _URLSTM(nn.Module):
    """UR-LSTM: W_f, W_r, W_c, W_o over [x, h] without biases, one bias b_f (+ for f, - for r)."""

    def __init__(self, x, h):
        super().__init__()
        self.W = nn.ModuleDict({g: nn.Linear(x + h, h, bias=False) for g in "frco"})
        self.b_f = nn.Parameter(torch.zeros(h))

    def forward(self, xt, state):
        hp, cp = state
        z = torch.cat([xt, hp], -1)
        f = torch.sigmoid(self.W["f"](z) + self.b_f)
        r = torch.sigmoid(self.W["r"](z) - self.b_f)
        g = 2 * r * f + (1 - 2 * r) * f ** 2
        c = g * cp + (1 - g) * torch.tanh(self.W["c"](z))
        o = torch.sigmoid(self.W["o"](z))
        return o * torch.tanh(c), c


def urlstm_brainstate(x, h):
    """W_f, W_r, W_c, W_o each (h, x + h), no biases but the shared b_f (h)."""
    return _URLSTM(x, h)


class _GRUConcat(nn.Module):
    """GRU over the concatenation {h, x}: W_z, W_r, W_n each (h, h + x) with one bias each; the reset
    gate multiplies the history part before W_n."""

    def __init__(self, x, h):
        super().__init__()
        self.W = nn.ModuleDict({g: nn.Linear(h + x, h) for g in "zrn"})

    def forward(self, xt, hp):
        hx = torch.cat([hp, xt], -1)
        z = torch.sigmoid(self.W["z"](hx))
        r = torch.sigmoid(self.W["r"](hx))
        n = torch.tanh(self.W["n"](torch.cat([r * hp, xt], -1)))
        return (1 - z) * hp + z * n


def gru_concat_cmsis(x, h):
    """update/reset/hidden_state weights (h, h + x) and update/reset/hidden_state biases (h)."""
    return _GRUConcat(x, h)


class _GRUResetAfterOneBias(nn.Module):
    """GRU, one bias per gate, reset gate applied after the state weight: r * (W_ms s)."""

    def __init__(self, x, h):
        super().__init__()
        self.Wx = nn.ModuleDict({g: nn.Linear(x, h) for g in "irm"})
        self.Ws = nn.ModuleDict({g: nn.Linear(h, h, bias=False) for g in "irm"})

    def forward(self, xt, sp):
        i = torch.sigmoid(self.Wx["i"](xt) + self.Ws["i"](sp))
        r = torch.sigmoid(self.Wx["r"](xt) + self.Ws["r"](sp))
        m = torch.tanh(self.Wx["m"](xt) + r * self.Ws["m"](sp))
        return (1 - i) * m + i * sp


def gru_wolfram(k, n):
    """Wix, Wrx, Wmx (n x k); Wis, Wrs, Wms (n x n); bi, br, bm (n)."""
    return _GRUResetAfterOneBias(k, n)


class _LSTMPerGateOneBias(nn.Module):
    """LSTM, per gate an input weight (n x k), a state weight (n x n) and one bias."""

    def __init__(self, x, h):
        super().__init__()
        self.Wx = nn.ModuleDict({g: nn.Linear(x, h) for g in "iofm"})
        self.Ws = nn.ModuleDict({g: nn.Linear(h, h, bias=False) for g in "iofm"})

    def forward(self, xt, state):
        sp, cp = state
        pre = {g: self.Wx[g](xt) + self.Ws[g](sp) for g in "iofm"}
        i, o, f = (torch.sigmoid(pre[g]) for g in "iof")
        c = f * cp + i * torch.tanh(pre["m"])
        return o * torch.tanh(c), c


def lstm_wolfram(k, n):
    """Wix, Wox, Wfx, Wmx (n x k); Wis, Wos, Wfs, Wms (n x n); bi, bo, bf, bm (n)."""
    return _LSTMPerGateOneBias(k, n)



class _Elman(nn.Module):
    """Elman RNN, one input weight, one recurrent weight, one bias."""

    def __init__(self, x, h):
        super().__init__()
        self.Wx = nn.Linear(x, h)                 # carries the bias
        self.Wh = nn.Linear(h, h, bias=False)

    def forward(self, xt, hp):
        return torch.tanh(self.Wx(xt) + self.Wh(hp))


def elman_wolfram(k, n):
    """InputWeights Wx (n x k), StateWeights Ws (n x n), Biases b (n)."""
    return _Elman(k, n)


def elman_flutter_ml(x, h):
    """W_xh (h x x), W_hh (h x h), b_h (h)."""
    return _Elman(x, h)


class _MambaBlock(nn.Module):
    """Reference Mamba block (the layout of mamba_simple.py): in_proj without bias, depthwise causal conv
    with bias, x_proj to (dt, B, C) without bias, dt_proj with bias, A_log (d_inner x d_state), D (d_inner),
    out_proj without bias. Only the guess for a text marked refuse."""

    def __init__(self, d_model, d_state, expand, d_conv):
        super().__init__()
        d_inner = expand * d_model
        self.d_inner, self.d_state, self.d_conv = d_inner, d_state, d_conv
        self.dt_rank = -(-d_model // 16)
        self.in_proj = nn.Linear(d_model, 2 * d_inner, bias=False)
        self.conv1d = nn.Conv1d(d_inner, d_inner, d_conv, groups=d_inner, padding=d_conv - 1)
        self.x_proj = nn.Linear(d_inner, self.dt_rank + 2 * d_state, bias=False)
        self.dt_proj = nn.Linear(self.dt_rank, d_inner)
        self.A_log = nn.Parameter(torch.zeros(d_inner, d_state))
        self.D = nn.Parameter(torch.ones(d_inner))
        self.out_proj = nn.Linear(d_inner, d_model, bias=False)
        self.d_model = d_model

    def step_inputs(self, batch):
        return (torch.randn(batch, 3, self.d_model),)

    def forward(self, u):
        L = u.shape[1]
        x, z = self.in_proj(u).chunk(2, -1)
        x = torch.nn.functional.silu(self.conv1d(x.transpose(1, 2))[..., :L].transpose(1, 2))
        dt, B, C = self.x_proj(x).split([self.dt_rank, self.d_state, self.d_state], -1)
        dt = torch.nn.functional.softplus(self.dt_proj(dt))
        A = -torch.exp(self.A_log)
        h = torch.zeros(u.shape[0], self.d_inner, self.d_state)
        ys = []
        for t in range(L):
            h = torch.exp(dt[:, t, :, None] * A) * h + dt[:, t, :, None] * B[:, t, None, :] * x[:, t, :, None]
            ys.append((h * C[:, t, None, :]).sum(-1) + self.D * x[:, t])
        y = torch.stack(ys, 1) * torch.nn.functional.silu(z)
        return self.out_proj(y)


def mamba_block_zig_readme(d_model, d_state, expand, d_conv):
    """Guess only (the snippet is marked refuse): the reference Mamba block at these sizes."""
    return _MambaBlock(d_model, d_state, expand, d_conv)
