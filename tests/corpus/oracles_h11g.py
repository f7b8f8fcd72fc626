"""Oracles for the h11g set-aside snippets: one function per snippet, returning a torch.nn.Module
whose parameters are exactly the weights the text names, with a forward doing one step."""
import torch
from torch import nn

__all__ = [
    "h11g_ru_tsmodel_lstm",
    "h11g_dtsgru_gru",
    "h11g_dtslstm_lstm",
    "h11g_bbzmingru_mingru",
    "h11g_indrnn_indrnn",
    "h11g_zh_lycgru_gru",
    "h11g_tfugrnn_ugrnn",
    "h11g_edutorch_elman",
    "h11g_rnnstep_elman",
    "h11g_ko_readme_gru",
]


def _mat(rows, cols):
    return nn.Parameter(torch.randn(rows, cols) * 0.1)


def _vec(n):
    return nn.Parameter(torch.zeros(n))


# ---------------------------------------------------------------- LSTMs

class _LstmConcat(nn.Module):
    """g_t = act(W_g [h_{t-1}, x_t] + b_g) for g in i, f, o, C; one matrix (h, h+x) and one bias per gate."""

    def __init__(self, x, h, bias=True):
        super().__init__()
        self.W = nn.ParameterDict({g: _mat(h, h + x) for g in "ifoC"})
        self.b = nn.ParameterDict({g: _vec(h) for g in "ifoC"}) if bias else None

    def _pre(self, g, hx):
        out = hx @ self.W[g].T
        return out + self.b[g] if self.b is not None else out

    def forward(self, x, state):
        h, c = state
        hx = torch.cat([h, x], dim=-1)
        i = torch.sigmoid(self._pre("i", hx))
        f = torch.sigmoid(self._pre("f", hx))
        o = torch.sigmoid(self._pre("o", hx))
        ct = torch.tanh(self._pre("C", hx))
        c = f * c + i * ct
        h = o * torch.tanh(c)
        return h, (h, c)


def h11g_ru_tsmodel_lstm(x=7, h=5) -> nn.Module:
    # i_t = σ(W_i·[h_{t-1}, x_t] + b_i), f, o alike; C̃_t = tanh(W_C·[h_{t-1}, x_t] + b_C)
    return _LstmConcat(x, h)


class _LstmTwoBias(nn.Module):
    """g = act(W_{ig} x + b_{ig} + W_{hg} h + b_{hg}) for the four gates i, f, c, o (PyTorch-style naming)."""

    def __init__(self, x, h):
        super().__init__()
        self.W_i = nn.ParameterDict({g: _mat(h, x) for g in "ifco"})
        self.W_h = nn.ParameterDict({g: _mat(h, h) for g in "ifco"})
        self.b_i = nn.ParameterDict({g: _vec(h) for g in "ifco"})
        self.b_h = nn.ParameterDict({g: _vec(h) for g in "ifco"})

    def _pre(self, g, x, h):
        return x @ self.W_i[g].T + self.b_i[g] + h @ self.W_h[g].T + self.b_h[g]

    def forward(self, x, state):
        h, c = state
        i = torch.sigmoid(self._pre("i", x, h))
        f = torch.sigmoid(self._pre("f", x, h))
        g = torch.tanh(self._pre("c", x, h))
        o = torch.sigmoid(self._pre("o", x, h))
        c = f * c + i * g
        h = o * torch.tanh(c)
        return h, (h, c)


def h11g_dtslstm_lstm(x=7, h=5) -> nn.Module:
    # expect: refuse (r_t undefined). The weights the text does write: W_{ii}, W_{hi}, b_{ii}, b_{hi}
    # for input/forget/cell/output = 4 * (h*x + h*h + 2h).
    return _LstmTwoBias(x, h)


# ---------------------------------------------------------------- GRUs

class _GruTwoBias(nn.Module):
    """PyTorch-convention GRU written out: r, z, n with W_{i*}, b_{i*}, W_{h*}, b_{h*}; reset after W_{hn}."""

    def __init__(self, x, h):
        super().__init__()
        self.W_i = nn.ParameterDict({g: _mat(h, x) for g in "rzn"})
        self.W_h = nn.ParameterDict({g: _mat(h, h) for g in "rzn"})
        self.b_i = nn.ParameterDict({g: _vec(h) for g in "rzn"})
        self.b_h = nn.ParameterDict({g: _vec(h) for g in "rzn"})

    def forward(self, x, h):
        gi = {g: x @ self.W_i[g].T + self.b_i[g] for g in "rzn"}
        gh = {g: h @ self.W_h[g].T + self.b_h[g] for g in "rzn"}
        r = torch.sigmoid(gi["r"] + gh["r"])
        z = torch.sigmoid(gi["z"] + gh["z"])
        n = torch.tanh(gi["n"] + r * gh["n"])
        h = (1 - z) * n + z * h
        return h, h


def h11g_dtsgru_gru(x=7, h=5) -> nn.Module:
    # r_t = σ(W_{ir}x_t + b_{ir} + W_{hr}h_{t-1} + b_{hr}), z alike, n_t = tanh(W_{in}x_t + b_{in} + r_t ⊙ (W_{hn}h_{t-1} + b_{hn}))
    return _GruTwoBias(x, h)


class _MinGruRow(nn.Module):
    """g = σ(x U_g + b_g); h~ = x U + b; h = g ⊙ h~ + (1 - g) ⊙ h_prev (row vectors)."""

    def __init__(self, x, h):
        super().__init__()
        self.U_g = _mat(x, h)
        self.b_g = _vec(h)
        self.U = _mat(x, h)
        self.b = _vec(h)

    def forward(self, x, h):
        g = torch.sigmoid(x @ self.U_g + self.b_g)
        ht = x @ self.U + self.b
        h = g * ht + (1 - g) * h
        return h, h


def h11g_bbzmingru_mingru(x=7, h=5) -> nn.Module:
    return _MinGruRow(x, h)


# ---------------------------------------------------------------- Elman-like

class _IndRnn(nn.Module):
    """h_t = σ(W x_t + u ⊙ h_{t-1} + b), W in R^{h x x}, u, b in R^h."""

    def __init__(self, x, h):
        super().__init__()
        self.W = _mat(h, x)
        self.u = _vec(h)
        self.b = _vec(h)

    def forward(self, x, h):
        h = torch.relu(x @ self.W.T + self.u * h + self.b)
        return h, h


def h11g_indrnn_indrnn(x=7, h=5) -> nn.Module:
    # W ∈ R^{ℓ×n}, u (replaces U), b ∈ R^ℓ; the traditional RNN recalled first is the motivation, not the cell
    return _IndRnn(x, h)


class _GruWU(nn.Module):
    """z = σ(W_z x + U_z h + b_z), r alike, h~ = tanh(W_h x + U_h (r ⊙ h) + b_h), one bias per gate."""

    def __init__(self, x, h):
        super().__init__()
        self.W = nn.ParameterDict({g: _mat(h, x) for g in "zrh"})
        self.U = nn.ParameterDict({g: _mat(h, h) for g in "zrh"})
        self.b = nn.ParameterDict({g: _vec(h) for g in "zrh"})

    def forward(self, x, h):
        z = torch.sigmoid(x @ self.W["z"].T + h @ self.U["z"].T + self.b["z"])
        r = torch.sigmoid(x @ self.W["r"].T + h @ self.U["r"].T + self.b["r"])
        ht = torch.tanh(x @ self.W["h"].T + (r * h) @ self.U["h"].T + self.b["h"])
        h = (1 - z) * h + z * ht
        return h, h


def h11g_zh_lycgru_gru(x=7, h=5) -> nn.Module:
    return _GruWU(x, h)


class _UgrnnConcat(nn.Module):
    """[update, candidate] = [state, inputs] W_transform + b_transform; W (2D, 2D), b (1, 2D)."""

    def __init__(self, D):
        super().__init__()
        self.D = D
        self.W_transform = _mat(2 * D, 2 * D)
        self.b_transform = nn.Parameter(torch.zeros(1, 2 * D))

    def forward(self, x, h):
        t = torch.cat([h, x], dim=-1) @ self.W_transform + self.b_transform
        update, candidate = t.split(self.D, dim=-1)
        g = torch.sigmoid(update + 1)
        h = g * h + (1.0 - g) * torch.tanh(candidate)
        return h, h

    def step(self):
        return self(torch.randn(2, self.D), torch.zeros(2, self.D))


def h11g_tfugrnn_ugrnn(D=5) -> nn.Module:
    # inputs [B, D], state [B, D]; W_transform [2*D, 2*D], b_transform [1, 2*D]
    return _UgrnnConcat(D)


class _ElmanRow(nn.Module):
    """next_h = tanh(prev_h Wh + x Wx + b); Wx (D, H), Wh (H, H), b (H,)."""

    def __init__(self, D, H):
        super().__init__()
        self.D, self.H = D, H
        self.Wx = _mat(D, H)
        self.Wh = _mat(H, H)
        self.b = _vec(H)

    def forward(self, x, h):
        h = torch.tanh(h @ self.Wh + x @ self.Wx + self.b)
        return h, h

    def step(self):
        return self(torch.randn(2, self.D), torch.zeros(2, self.H))


def h11g_edutorch_elman(D=7, H=5) -> nn.Module:
    # Wx (D, H), Wh (H, H), b (H,); prev_h is an input, not a weight
    return _ElmanRow(D, H)


def h11g_rnnstep_elman(x=7, h=5) -> nn.Module:
    # h = tanh(x.W_xh + prev_h.W_hh + b_h): W_xh (x, h), W_hh (h, h), b_h (h)
    return _ElmanRow(x, h)


class _GruConcat(nn.Module):
    """r, z = σ(W_g [h_{t-1}, x_t] + b_g); h~ = tanh(W_h [r ⊙ h_{t-1}, x_t] + b_h); W_g (h, h+x)."""

    def __init__(self, x, h):
        super().__init__()
        self.W = nn.ParameterDict({g: _mat(h, h + x) for g in "rzh"})
        self.b = nn.ParameterDict({g: _vec(h) for g in "rzh"})

    def forward(self, x, h):
        hx = torch.cat([h, x], dim=-1)
        r = torch.sigmoid(hx @ self.W["r"].T + self.b["r"])
        z = torch.sigmoid(hx @ self.W["z"].T + self.b["z"])
        ht = torch.tanh(torch.cat([r * h, x], dim=-1) @ self.W["h"].T + self.b["h"])
        h = (1 - z) * h + z * ht
        return h, h


def h11g_ko_readme_gru(x=7, h=5) -> nn.Module:
    # the README itself states 3 × (input_size + hidden_size + 1) × hidden_size
    return _GruConcat(x, h)
