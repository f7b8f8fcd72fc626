"""Oracles for the h11a held-out snippets: each returns an nn.Module whose parameters are exactly
the weights the snippet's text writes."""
import torch
from torch import nn

__all__ = [
    "lstm_two_bias_per_gate_js",
    "lstm_one_bias_per_gate_c",
    "lstm_concat_ts",
    "gru_pytorch_rust_rmvpe",
    "lstm_concat_readme_day30",
    "gru_concat_nobias_readme_day30",
    "gru_concat_bias_numpy_doc",
    "elman_with_output_ja_doc",
    "mingru_readme_linear",
    "mamba_s6_reading_nitrix",
    "hgrn_goai_default",
    "rglru_goai",
    "gru_concat_bias_java_neuronic",
    "lstm_cell_rust_autograd",
    "gru_gate_bias_only_cpp_doxygen",
]


class _LSTMPerGate(nn.Module):
    """LSTM with one weight per gate for x and for h; `bias_x` / `bias_h` say which biases exist."""

    def __init__(self, x, h, bias_x=True, bias_h=True, gates="ifgo"):
        super().__init__()
        self.gates = gates
        self.Wx = nn.ModuleDict({g: nn.Linear(x, h, bias=bias_x) for g in gates})
        self.Wh = nn.ModuleDict({g: nn.Linear(h, h, bias=bias_h) for g in gates})

    def forward(self, xt, state):
        hp, cp = state
        pre = {g: self.Wx[g](xt) + self.Wh[g](hp) for g in self.gates}
        i, f, o = torch.sigmoid(pre["i"]), torch.sigmoid(pre["f"]), torch.sigmoid(pre["o"])
        g = torch.tanh(pre["g"])
        c = f * cp + i * g
        return o * torch.tanh(c), c


class _LSTMConcat(nn.Module):
    """f,i,c,o = act(W_* [h_{t-1}, x_t] + b_*), one W and one b per gate."""

    def __init__(self, x, h):
        super().__init__()
        self.W = nn.ModuleDict({g: nn.Linear(h + x, h) for g in "fico"})

    def forward(self, xt, state):
        hp, cp = state
        z = torch.cat([hp, xt], -1)
        f, i, o = (torch.sigmoid(self.W[g](z)) for g in "fio")
        ct = torch.tanh(self.W["c"](z))
        c = f * cp + i * ct
        return o * torch.tanh(c), c


class _GRUTorchStyle(nn.Module):
    """PyTorch-style GRU: W_i* x + b_i* + W_h* h + b_h*, reset applied after W_hn h + b_hn."""

    def __init__(self, x, h):
        super().__init__()
        self.Wi = nn.ModuleDict({g: nn.Linear(x, h) for g in "rzn"})
        self.Wh = nn.ModuleDict({g: nn.Linear(h, h) for g in "rzn"})

    def forward(self, xt, hp):
        r = torch.sigmoid(self.Wi["r"](xt) + self.Wh["r"](hp))
        z = torch.sigmoid(self.Wi["z"](xt) + self.Wh["z"](hp))
        n = torch.tanh(self.Wi["n"](xt) + r * self.Wh["n"](hp))
        return (1 - z) * n + z * hp


def lstm_two_bias_per_gate_js(x=7, h=5):
    return _LSTMPerGate(x, h, bias_x=True, bias_h=True)


def lstm_one_bias_per_gate_c(x=7, h=5):
    return _LSTMPerGate(x, h, bias_x=True, bias_h=False)


def lstm_concat_ts(x=7, h=5):
    return _LSTMConcat(x, h)


def gru_pytorch_rust_rmvpe(x=7, h=5):
    return _GRUTorchStyle(x, h)


class _GRUConcat(nn.Module):
    """z,r = sigma(W [h_{t-1}, x_t] (+ b)); h~ = tanh(W [r*h_{t-1}, x_t] (+ b)); h = (1-z) h + z h~."""

    def __init__(self, x, h, bias):
        super().__init__()
        self.W = nn.ModuleDict({g: nn.Linear(h + x, h, bias=bias) for g in "zrh"})

    def forward(self, xt, hp):
        zc = torch.cat([hp, xt], -1)
        z = torch.sigmoid(self.W["z"](zc))
        r = torch.sigmoid(self.W["r"](zc))
        ht = torch.tanh(self.W["h"](torch.cat([r * hp, xt], -1)))
        return (1 - z) * hp + z * ht


def lstm_concat_readme_day30(x=7, h=5):
    return _LSTMConcat(x, h)


def gru_concat_nobias_readme_day30(x=7, h=5):
    return _GRUConcat(x, h, bias=False)


def gru_concat_bias_numpy_doc(x=7, h=5):
    return _GRUConcat(x, h, bias=True)


class _ElmanOut(nn.Module):
    """h_t = tanh(W_xh x_t + W_hh h_{t-1} + b_h); y_t = W_hy h_t + b_y."""

    def __init__(self, x, h, y):
        super().__init__()
        self.W_xh = nn.Linear(x, h, bias=False)
        self.W_hh = nn.Linear(h, h, bias=False)
        self.b_h = nn.Parameter(torch.zeros(h))
        self.W_hy = nn.Linear(h, y)  # weight W_hy and bias b_y

    def forward(self, xt, hp):
        h = torch.tanh(self.W_xh(xt) + self.W_hh(hp) + self.b_h)
        return self.W_hy(h), h


def elman_with_output_ja_doc(x=7, h=5, y=3):
    return _ElmanOut(x, h, y)


class _MinGRU(nn.Module):
    """z_t = sigmoid(Linear_z(x_t)); h~_t = Linear_h(x_t); h_t = (1-z) h + z h~ (Linear = affine with bias)."""

    def __init__(self, x, h):
        super().__init__()
        self.Linear_z = nn.Linear(x, h)
        self.Linear_h = nn.Linear(x, h)

    def forward(self, xt, hp):
        z = torch.sigmoid(self.Linear_z(xt))
        return (1 - z) * hp + z * self.Linear_h(xt)


def mingru_readme_linear(x=7, h=5):
    return _MinGRU(x, h)


class _S6Reading(nn.Module):
    """One plausible reading only (the snippet is marked refuse): A (d, n), D (d), and input projections
    for Delta (d -> d, with bias), B and C (d -> n, no bias), as in Mamba's S6 layer."""

    def __init__(self, d, n):
        super().__init__()
        self.A = nn.Parameter(-torch.rand(d, n))
        self.D = nn.Parameter(torch.ones(d))
        self.to_delta = nn.Linear(d, d)
        self.to_B = nn.Linear(d, n, bias=False)
        self.to_C = nn.Linear(d, n, bias=False)

    def forward(self, xt, hp):  # xt: (batch, d), hp: (batch, d, n)
        delta = nn.functional.softplus(self.to_delta(xt))
        B, C = self.to_B(xt), self.to_C(xt)
        h = torch.exp(delta[..., None] * self.A) * hp + (delta[..., None] * B[:, None, :]) * xt[..., None]
        y = (h * C[:, None, :]).sum(-1) + self.D * xt
        return y, h


def mamba_s6_reading_nitrix(d=5, n=3):
    return _S6Reading(d, n)


class _HGRN(nn.Module):
    """f~ = W_f x + b_f, i~ = W_i x + b_i (W [d,d], b [d]); f = g + (1-g) sigmoid(f~); i = 1 - f;
    c = SiLU(i~); h = f h + i c. gamma is a hyperparameter; the optional output gate W_g is off by default."""

    def __init__(self, d, gamma=0.0):
        super().__init__()
        self.Wf = nn.Linear(d, d)
        self.Wi = nn.Linear(d, d)
        self.gamma = gamma

    def forward(self, xt, hp):
        f = self.gamma + (1 - self.gamma) * torch.sigmoid(self.Wf(xt))
        return f * hp + (1 - f) * nn.functional.silu(self.Wi(xt))


def hgrn_goai_default(d=5):
    return _HGRN(d)


class _RGLRU(nn.Module):
    """r = sigma(W_a x + b_a), i = sigma(W_x x + b_x) (W [d,d], b [d]); a = sigma(Lambda) (Lambda [d]);
    a_t = a^(c r_t), c = 8 fixed; h = a_t h + sqrt(1 - a_t^2) (i x)."""

    def __init__(self, d):
        super().__init__()
        self.Wa = nn.Linear(d, d)
        self.Wx = nn.Linear(d, d)
        self.Lambda = nn.Parameter(torch.zeros(d))

    def forward(self, xt, hp):
        r = torch.sigmoid(self.Wa(xt))
        i = torch.sigmoid(self.Wx(xt))
        a = torch.exp(8.0 * r * nn.functional.logsigmoid(self.Lambda))
        return a * hp + torch.sqrt(1 - a * a) * (i * xt)


def rglru_goai(d=5):
    return _RGLRU(d)


def gru_concat_bias_java_neuronic(x=7, h=5):
    return _GRUConcat(x, h, bias=True)


def lstm_cell_rust_autograd(x=7, h=5):
    """The text lists exactly weight_ih [4h, x], weight_hh [4h, h], bias_ih [4h], bias_hh [4h] (PyTorch format)."""
    return nn.LSTMCell(x, h)


class _GRUGateBiasOnly(nn.Module):
    """r = sigma(W_ir x + W_hr h + b_r); z = sigma(W_iz x + W_hz h + b_z);
    h' = tanh(W_in x + W_hn (r * h)) (no bias); h = (1 - z) h' + z h."""

    def __init__(self, x, h):
        super().__init__()
        self.W_ir = nn.Linear(x, h, bias=False)
        self.W_hr = nn.Linear(h, h, bias=False)
        self.b_r = nn.Parameter(torch.zeros(h))
        self.W_iz = nn.Linear(x, h, bias=False)
        self.W_hz = nn.Linear(h, h, bias=False)
        self.b_z = nn.Parameter(torch.zeros(h))
        self.W_in = nn.Linear(x, h, bias=False)
        self.W_hn = nn.Linear(h, h, bias=False)

    def forward(self, xt, hp):
        r = torch.sigmoid(self.W_ir(xt) + self.W_hr(hp) + self.b_r)
        z = torch.sigmoid(self.W_iz(xt) + self.W_hz(hp) + self.b_z)
        hc = torch.tanh(self.W_in(xt) + self.W_hn(r * hp))
        return (1 - z) * hc + z * hp


def gru_gate_bias_only_cpp_doxygen(x=7, h=5):
    return _GRUGateBiasOnly(x, h)
