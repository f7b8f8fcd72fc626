"""Oracles for the h11c set-aside snippets (heldout11).

Each oracle returns a torch.nn.Module whose parameters are exactly the weights the snippet's
text names, with a forward that does one step as the text's equations say.
"""
import torch
from torch import nn

__all__ = [
    "bobi_elman_rnn",
    "bobi_peephole_lstm",
    "wikistat_lstm_softmax",
    "cryptomamba_ssm_literal",
    "gru_decoder_scalar_input",
    "finance_stacked_lstm_head",
    "lesson_univariate_lstm",
    "ask_neurons_lstm",
    "ask_neurons_gru",
]


def _p(*shape):
    return nn.Parameter(torch.randn(*shape) * 0.1)


# ---------------------------------------------------------------------------------------------
class _BobiElman(nn.Module):
    """y_t = tanh(U x_t + W h_{t-1} + b), U in R^{M x N}, W in R^{N x N}, b in R^N.
    U is written M x N, so x_t has M entries (used as x_t U)."""

    def __init__(self, M, N):
        super().__init__()
        self.U = _p(M, N)
        self.W = _p(N, N)
        self.b = _p(N)

    def forward(self, x, h):
        return torch.tanh(x @ self.U + h @ self.W + self.b)


def bobi_elman_rnn(M=7, N=5):
    return _BobiElman(M, N)


# ---------------------------------------------------------------------------------------------
class _PeepholeLSTM(nn.Module):
    """Greff et al. vanilla LSTM: W_* (y x x), R_* (y x y), p_i p_f p_o (y), b_* (y) for z,i,f,o."""

    def __init__(self, x, y):
        super().__init__()
        self.W = nn.ParameterDict({k: _p(y, x) for k in "zifo"})
        self.R = nn.ParameterDict({k: _p(y, y) for k in "zifo"})
        self.b = nn.ParameterDict({k: _p(y) for k in "zifo"})
        self.p = nn.ParameterDict({k: _p(y) for k in "ifo"})

    def forward(self, x, y_prev, c_prev):
        pre = lambda k: x @ self.W[k].T + y_prev @ self.R[k].T + self.b[k]
        z = torch.tanh(pre("z"))
        i = torch.sigmoid(pre("i") + self.p["i"] * c_prev)
        f = torch.sigmoid(pre("f") + self.p["f"] * c_prev)
        c = z * i + c_prev * f
        o = torch.sigmoid(pre("o") + self.p["o"] * c_prev)  # the slide peeks at c^{t-1}
        return torch.tanh(c) * o, c


def bobi_peephole_lstm(x=7, y=5):
    return _PeepholeLSTM(x, y)


# ---------------------------------------------------------------------------------------------
class _WikistatLSTM(nn.Module):
    """W^u,W^f,W^c,W^o recurrent H x H; I^u.. input N x H; b^.. H; output y = softmax(W h + b), K."""

    def __init__(self, N, H, K):
        super().__init__()
        self.W = nn.ParameterDict({k: _p(H, H) for k in "ufco"})
        self.I = nn.ParameterDict({k: _p(N, H) for k in "ufco"})
        self.b = nn.ParameterDict({k: _p(H) for k in "ufco"})
        self.Wout = _p(K, H)
        self.bout = _p(K)

    def forward(self, x, h_prev, C_prev):
        pre = lambda k: h_prev @ self.W[k].T + x @ self.I[k] + self.b[k]
        u = torch.sigmoid(pre("u"))
        f = torch.sigmoid(pre("f"))
        Ct = torch.tanh(pre("c"))
        C = f * C_prev + u * Ct
        o = torch.sigmoid(pre("o"))
        h = o * torch.tanh(C)
        y = torch.softmax(h @ self.Wout.T + self.bout, dim=-1)
        return y, h, C


def wikistat_lstm_softmax(N=7, H=5, K=3):
    return _WikistatLSTM(N, H, K)


# ---------------------------------------------------------------------------------------------
class _LiteralSSM(nn.Module):
    """Literal reading of h_t = Abar h_{t-1} + Bbar x_t, z_t = C h_t with dense matrices
    (the text gives no shapes and says Mamba makes the parameters input-dependent)."""

    def __init__(self, x, h, z):
        super().__init__()
        self.A = _p(h, h)
        self.B = _p(h, x)
        self.C = _p(z, h)

    def forward(self, x, h_prev):
        h = h_prev @ self.A.T + x @ self.B.T
        return h @ self.C.T, h


def cryptomamba_ssm_literal(x=7, h=5, z=3):
    return _LiteralSSM(x, h, z)


# ---------------------------------------------------------------------------------------------
class _GRUDecoder(nn.Module):
    """Scalar received sample r[t]; W_z, W_rho, W_h in R^{H x 1}; U_* H x H; b_* H;
    u_hat = sigma(W_o h_t + b_o) in (0, 1), a scalar."""

    def __init__(self, H):
        super().__init__()
        self.W = nn.ParameterDict({k: _p(H, 1) for k in ("z", "rho", "h")})
        self.U = nn.ParameterDict({k: _p(H, H) for k in ("z", "rho", "h")})
        self.b = nn.ParameterDict({k: _p(H) for k in ("z", "rho", "h")})
        self.Wo = _p(1, H)
        self.bo = _p(1)

    def forward(self, r, h_prev):
        z = torch.sigmoid(r @ self.W["z"].T + h_prev @ self.U["z"].T + self.b["z"])
        rho = torch.sigmoid(r @ self.W["rho"].T + h_prev @ self.U["rho"].T + self.b["rho"])
        ht = torch.tanh(r @ self.W["h"].T + (rho * h_prev) @ self.U["h"].T + self.b["h"])
        h = (1 - z) * h_prev + z * ht
        return torch.sigmoid(h @ self.Wo.T + self.bo), h


def gru_decoder_scalar_input(H=64):
    return _GRUDecoder(H)


# ---------------------------------------------------------------------------------------------
class _ConcatLSTM(nn.Module):
    """f,i,C~,o = act(W_* [h_{t-1}, x_t] + b_*), one weight and one bias per gate."""

    def __init__(self, x, h):
        super().__init__()
        self.W = nn.ParameterDict({k: _p(h, h + x) for k in "fico"})
        self.b = nn.ParameterDict({k: _p(h) for k in "fico"})

    def forward(self, x, h_prev, c_prev):
        v = torch.cat([h_prev, x], dim=-1)
        pre = lambda k: v @ self.W[k].T + self.b[k]
        f, i, o = torch.sigmoid(pre("f")), torch.sigmoid(pre("i")), torch.sigmoid(pre("o"))
        c = f * c_prev + i * torch.tanh(pre("c"))
        return o * torch.tanh(c), c


class _StackedHead(nn.Module):
    """LSTM 1 -> 128, LSTM 128 -> 64, Dense 64 -> 32 (ReLU), Output 32 -> 1 (dropout has no weights)."""

    def __init__(self, x, h1, h2, d, y):
        super().__init__()
        self.l1 = _ConcatLSTM(x, h1)
        self.l2 = _ConcatLSTM(h1, h2)
        self.dense = nn.Linear(h2, d)
        self.out = nn.Linear(d, y)

    def forward(self, x, s1, s2):
        h1, c1 = self.l1(x, *s1)
        h2, c2 = self.l2(h1, *s2)
        return self.out(torch.relu(self.dense(h2))), (h1, c1), (h2, c2)


def finance_stacked_lstm_head(x=1, h1=128, h2=64, d=32, y=1):
    return _StackedHead(x, h1, h2, d, y)


def lesson_univariate_lstm(x=1, h=5):
    return _ConcatLSTM(x, h)


# ---------------------------------------------------------------------------------------------
class _GatesVH(nn.Module):
    """Per gate k: W_{vk} (h x v), W_{hk} (h x h), b_k (h)."""

    def __init__(self, v, h, gates):
        super().__init__()
        self.Wv = nn.ParameterDict({k: _p(h, v) for k in gates})
        self.Wh = nn.ParameterDict({k: _p(h, h) for k in gates})
        self.b = nn.ParameterDict({k: _p(h) for k in gates})

    def pre(self, k, v, h):
        return v @ self.Wv[k].T + h @ self.Wh[k].T + self.b[k]


class _AskNeuronsLSTM(_GatesVH):
    def __init__(self, v, h):
        super().__init__(v, h, "ifog")

    def forward(self, v, h_prev, c_prev):
        i, f, o = (torch.sigmoid(self.pre(k, v, h_prev)) for k in "ifo")
        g = torch.tanh(self.pre("g", v, h_prev))
        c = f * c_prev + i * g
        return o * torch.tanh(c), c


def ask_neurons_lstm(v=7, h=5):
    return _AskNeuronsLSTM(v, h)


class _AskNeuronsGRU(_GatesVH):
    """As written: r_t is computed (its weights exist) but never applied to h_{t-1}."""

    def __init__(self, v, h):
        super().__init__(v, h, "ruc")

    def forward(self, v, h_prev):
        r = torch.sigmoid(self.pre("r", v, h_prev))  # computed, unused by the text's update
        u = torch.sigmoid(self.pre("u", v, h_prev))
        c = self.pre("c", v, h_prev)
        return u * h_prev + (1 - u) * torch.tanh(c) + 0 * r.sum()


def ask_neurons_gru(v=7, h=5):
    return _AskNeuronsGRU(v, h)
