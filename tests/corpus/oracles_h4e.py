"""Oracles for the h4e set-aside snippets (heldout4)."""
import torch
from torch import nn

__all__ = []


def _p(*shape):
    return nn.Parameter(torch.randn(*shape) * 0.1)


class _Mod(nn.Module):
    def example(self):
        return self._example()


# ---------------------------------------------------------------- stevengong GRU
class _GRUSep(_Mod):
    def __init__(self, x, h):
        super().__init__()
        self.x, self.h = x, h
        for g in "rzh":
            setattr(self, f"W_x{g}", _p(h, x))
            setattr(self, f"W_h{g}", _p(h, h))
            setattr(self, f"b_{g}", _p(h))

    def _example(self):
        return torch.randn(self.x), torch.randn(self.h)

    def forward(self, x, h):
        r = torch.sigmoid(self.W_xr @ x + self.W_hr @ h + self.b_r)
        z = torch.sigmoid(self.W_xz @ x + self.W_hz @ h + self.b_z)
        ht = torch.tanh(self.W_xh @ x + self.W_hh @ (r * h) + self.b_h)
        return z * h + (1 - z) * ht


def h4e_gru_xr_hr_biases(x, h):
    return _GRUSep(x, h)


__all__.append("h4e_gru_xr_hr_biases")


# ---------------------------------------------------------------- GRU with W_g, U_g, b_g per gate
class _GRUWU(_Mod):
    def __init__(self, x, h, bias=True):
        super().__init__()
        self.x, self.h = x, h
        self.W = nn.ParameterDict({g: _p(h, x) for g in "zrh"})
        self.U = nn.ParameterDict({g: _p(h, h) for g in "zrh"})
        self.b = nn.ParameterDict({g: _p(h) for g in "zrh"}) if bias else None

    def _example(self):
        return torch.randn(self.x), torch.randn(self.h)

    def _lin(self, g, x, h):
        out = self.W[g] @ x + self.U[g] @ h
        return out + self.b[g] if self.b is not None else out

    def forward(self, x, h):
        z = torch.sigmoid(self._lin("z", x, h))
        r = torch.sigmoid(self._lin("r", x, h))
        ht = torch.tanh(self._lin("h", x, r * h))
        return z * h + (1 - z) * ht


def h4e_gru_wu_biases(x, h):
    return _GRUWU(x, h, bias=True)


def h4e_gru_wu_nobias(x, h):
    return _GRUWU(x, h, bias=False)


__all__ += ["h4e_gru_wu_biases", "h4e_gru_wu_nobias"]


# ---------------------------------------------------------------- row-vector (d2l style) GRU / LSTM
class _RowGates(_Mod):
    """One W_x<g> (X x H), W_h<g> (H x H), b_<g> (H) per gate, row-vector convention."""

    def __init__(self, X, H, gates, bias=True):
        super().__init__()
        self.X, self.H, self.gates = X, H, gates
        for g in gates:
            setattr(self, f"W_x{g}", _p(X, H))
            setattr(self, f"W_h{g}", _p(H, H))
            if bias:
                setattr(self, f"b_{g}", _p(H))
        self.bias = bias

    def lin(self, g, x, h):
        out = x @ getattr(self, f"W_x{g}") + h @ getattr(self, f"W_h{g}")
        return out + getattr(self, f"b_{g}") if self.bias else out


class _RowGRU(_RowGates):
    def __init__(self, X, H):
        super().__init__(X, H, "rzh")

    def _example(self):
        return torch.randn(1, self.X), torch.randn(1, self.H)

    def forward(self, x, h):
        r = torch.sigmoid(self.lin("r", x, h))
        z = torch.sigmoid(self.lin("z", x, h))
        ht = torch.tanh(self.lin("h", x, r * h))
        return z * h + (1 - z) * ht


class _RowLSTM(_RowGates):
    def __init__(self, X, H):
        super().__init__(X, H, "ifoc")

    def _example(self):
        return torch.randn(1, self.X), torch.randn(1, self.H), torch.randn(1, self.H)

    def forward(self, x, h, c):
        i = torch.sigmoid(self.lin("i", x, h))
        f = torch.sigmoid(self.lin("f", x, h))
        o = torch.sigmoid(self.lin("o", x, h))
        ct = torch.tanh(self.lin("c", x, h))
        c = f * c + i * ct
        return o * torch.tanh(c), c


def h4e_gru_rowvec(X, H):
    return _RowGRU(X, H)


def h4e_lstm_rowvec(X, H):
    return _RowLSTM(X, H)


__all__ += ["h4e_gru_rowvec", "h4e_lstm_rowvec"]


# ---------------------------------------------------------------- SRU (cnyah blog): no recurrent weights, highway on x
class _SRUcnyah(_Mod):
    def __init__(self, x, h):
        super().__init__()
        assert x == h, "the highway term (1 - r) * x needs x == h"
        self.n = h
        self.W_c, self.W_f, self.W_r = _p(h, x), _p(h, x), _p(h, x)
        self.b_f, self.b_r = _p(h), _p(h)

    def _example(self):
        return torch.randn(self.n), torch.randn(self.n)

    def forward(self, x, C):
        Ct = self.W_c @ x
        f = torch.sigmoid(self.W_f @ x + self.b_f)
        r = torch.sigmoid(self.W_r @ x + self.b_r)
        C = f * C + (1 - f) * Ct
        return r * torch.tanh(C) + (1 - r) * x, C


def h4e_sru_cnyah(x, h):
    return _SRUcnyah(x, h)


__all__ += ["h4e_sru_cnyah"]


# ---------------------------------------------------------------- Elman with output layer (Wxh, Whh, b, Why, c)
class _ElmanOut(_Mod):
    def __init__(self, x, h, y):
        super().__init__()
        self.x, self.h = x, h
        self.Wxh, self.Whh, self.b = _p(h, x), _p(h, h), _p(h)
        self.Why, self.c = _p(y, h), _p(y)

    def _example(self):
        return torch.randn(self.x), torch.randn(self.h)

    def forward(self, x, h):
        h = torch.tanh(self.Wxh @ x + self.Whh @ h + self.b)
        return torch.sigmoid(self.Why @ h + self.c), h


def h4e_elman_with_output(x, h, y):
    return _ElmanOut(x, h, y)


# ---------------------------------------------------------------- LSTM with W_g [h_{t-1}, x_t] + b_g (colah form)
class _LSTMConcat(_Mod):
    def __init__(self, x, h, bias=True):
        super().__init__()
        self.x, self.h = x, h
        self.W = nn.ParameterDict({g: _p(h, h + x) for g in "fiCo"})
        self.b = nn.ParameterDict({g: _p(h) for g in "fiCo"}) if bias else None

    def _example(self):
        return torch.randn(self.x), torch.randn(self.h), torch.randn(self.h)

    def _lin(self, g, hx):
        out = self.W[g] @ hx
        return out + self.b[g] if self.b is not None else out

    def forward(self, x, h, c):
        hx = torch.cat([h, x])
        f = torch.sigmoid(self._lin("f", hx))
        i = torch.sigmoid(self._lin("i", hx))
        ct = torch.tanh(self._lin("C", hx))
        o = torch.sigmoid(self._lin("o", hx))
        c = f * c + i * ct
        return o * torch.tanh(c), c


def h4e_lstm_concat_biases(x, h):
    return _LSTMConcat(x, h, bias=True)


__all__ += ["h4e_elman_with_output", "h4e_lstm_concat_biases"]


# ---------------------------------------------------------------- LTI SSM, scalar in/out: A (NxN), B (Nx1), C (1xN), D scalar
class _SSMScalar(_Mod):
    def __init__(self, N):
        super().__init__()
        self.N = N
        self.A, self.B, self.C, self.D = _p(N, N), _p(N, 1), _p(1, N), _p(1)

    def _example(self):
        return torch.randn(1), torch.randn(self.N), 0.1

    def forward(self, u, x, dt):
        # one Euler step of dx/dt = A x + B u, then y = C x + D u
        x = x + dt * (self.A @ x + (self.B @ u))
        return self.C @ x + self.D * u, x


def h4e_ssm_lti_scalar_io(N):
    return _SSMScalar(N)


__all__ += ["h4e_ssm_lti_scalar_io"]


# ---------------------------------------------------------------- simple GLA (one plausible reading; the text is marked refuse)
class _SimpleGLA(_Mod):
    def __init__(self, d):
        super().__init__()
        self.d = d
        self.W_q, self.W_k, self.W_v = _p(d, d), _p(d, d), _p(d, d)
        self.w_g = _p(d)

    def _example(self):
        return torch.randn(self.d), torch.zeros(self.d, self.d)

    def forward(self, x, S):
        g = torch.sigmoid(self.w_g @ x)
        k, v, q = self.W_k @ x, self.W_v @ x, self.W_q @ x
        S = g * S + torch.outer(k, v)
        return S.T @ q, S


def h4e_simple_gla_guess(d):
    return _SimpleGLA(d)


__all__ += ["h4e_simple_gla_guess"]


# ---------------------------------------------------------------- haste-style GRU: W_g, R_g, b_{xg}, b_{rg} per gate
class _GRUHaste(_Mod):
    def __init__(self, x, h):
        super().__init__()
        self.x, self.h = x, h
        self.W = nn.ParameterDict({g: _p(h, x) for g in "zrg"})
        self.R = nn.ParameterDict({g: _p(h, h) for g in "zrg"})
        self.bx = nn.ParameterDict({g: _p(h) for g in "zrg"})
        self.br = nn.ParameterDict({g: _p(h) for g in "zrg"})

    def _example(self):
        return torch.randn(self.x), torch.randn(self.h)

    def forward(self, x, h):
        z = torch.sigmoid(self.W["z"] @ x + self.R["z"] @ h + self.bx["z"] + self.br["z"])
        r = torch.sigmoid(self.W["r"] @ x + self.R["r"] @ h + self.bx["r"] + self.br["r"])
        g = torch.tanh(self.W["g"] @ x + r * (self.R["g"] @ h + self.br["g"]) + self.bx["g"])
        return z * h + (1 - z) * g


def h4e_gru_haste_two_biases(x, h):
    return _GRUHaste(x, h)


__all__ += ["h4e_gru_haste_two_biases"]


# ---------------------------------------------------------------- GRU with W_g [h, x] and no biases
class _GRUConcatNoBias(_Mod):
    def __init__(self, x, h):
        super().__init__()
        self.x, self.h = x, h
        self.W_r, self.W_z, self.W = _p(h, h + x), _p(h, h + x), _p(h, h + x)

    def _example(self):
        return torch.randn(self.x), torch.randn(self.h)

    def forward(self, x, h):
        hx = torch.cat([h, x])
        r = torch.sigmoid(self.W_r @ hx)
        z = torch.sigmoid(self.W_z @ hx)
        ht = torch.tanh(self.W @ torch.cat([r * h, x]))
        return (1 - z) * h + z * ht


def h4e_gru_concat_nobias(x, h):
    return _GRUConcatNoBias(x, h)


# ---------------------------------------------------------------- Elman with output (W_hh, W_xh, b_h, W_hy, b_y)
class _ElmanHY(_Mod):
    def __init__(self, x, h, y):
        super().__init__()
        self.x, self.h = x, h
        self.W_hh, self.W_xh, self.b_h = _p(h, h), _p(h, x), _p(h)
        self.W_hy, self.b_y = _p(y, h), _p(y)

    def _example(self):
        return torch.randn(self.x), torch.randn(self.h)

    def forward(self, x, h):
        h = torch.tanh(self.W_hh @ h + self.W_xh @ x + self.b_h)
        return self.W_hy @ h + self.b_y, h


def h4e_elman_hh_xh_hy(x, h, y):
    return _ElmanHY(x, h, y)


__all__ += ["h4e_gru_concat_nobias", "h4e_elman_hh_xh_hy"]


# ---------------------------------------------------------------- scalar-memory sLSTM: w_g (x), r_g (scalar), b_g (scalar) for z, i, f, o
class _SLSTMScalar(_Mod):
    def __init__(self, x):
        super().__init__()
        self.x = x
        self.w = nn.ParameterDict({g: _p(x) for g in "zifo"})
        self.r = nn.ParameterDict({g: _p(1) for g in "zifo"})
        self.b = nn.ParameterDict({g: _p(1) for g in "zifo"})

    def _example(self):
        return torch.randn(self.x), torch.zeros(1), torch.zeros(1), torch.ones(1), torch.zeros(1)

    def forward(self, x, h, c, n, m):
        pre = {g: self.w[g] @ x + self.r[g] * h + self.b[g] for g in "zifo"}
        z = torch.tanh(pre["z"])
        o = torch.sigmoid(pre["o"])
        m_new = torch.maximum(pre["f"] + m, pre["i"])
        i = torch.exp(pre["i"] - m_new)
        f = torch.exp(pre["f"] + m - m_new)
        c = f * c + i * z
        n = f * n + i
        return o * (c / n), c, n, m_new


def h4e_slstm_scalar(x):
    return _SLSTMScalar(x)


__all__ += ["h4e_slstm_scalar"]


# ---------------------------------------------------------------- GRU, W_{gx} and W_{gh} per gate, no biases
class _GRUNoBias(_Mod):
    def __init__(self, x, h):
        super().__init__()
        self.x, self.h = x, h
        self.Wx = nn.ParameterDict({g: _p(h, x) for g in "urc"})
        self.Wh = nn.ParameterDict({g: _p(h, h) for g in "urc"})

    def _example(self):
        return torch.randn(self.x), torch.randn(self.h)

    def forward(self, x, h):
        u = torch.sigmoid(self.Wx["u"] @ x + self.Wh["u"] @ h)
        r = torch.sigmoid(self.Wx["r"] @ x + self.Wh["r"] @ h)
        hc = torch.tanh(self.Wx["c"] @ x + self.Wh["c"] @ (r * h))
        return u * h + (1 - u) * hc


def h4e_gru_ux_uh_nobias(x, h):
    return _GRUNoBias(x, h)


__all__ += ["h4e_gru_ux_uh_nobias"]


# ---------------------------------------------------------------- RG-LRU (Griffin): W_a, b_a, W_x, b_x, Lambda; c = 8 constant
class _RGLRU(_Mod):
    def __init__(self, x, h):
        super().__init__()
        assert x == h, "i_t * x_t enters h_t, so x and h share a size"
        self.d = h
        self.W_a, self.b_a = _p(h, x), _p(h)
        self.W_x, self.b_x = _p(h, x), _p(h)
        self.Lambda = _p(h)
        self.c = 8.0

    def _example(self):
        return torch.randn(self.d), torch.randn(self.d)

    def forward(self, x, h):
        r = torch.sigmoid(self.W_a @ x + self.b_a)
        i = torch.sigmoid(self.W_x @ x + self.b_x)
        a = torch.sigmoid(self.Lambda) ** (self.c * r)
        return a * h + torch.sqrt(1 - a ** 2) * (i * x)


def h4e_rglru(x, h):
    return _RGLRU(x, h)


__all__ += ["h4e_rglru"]


# ---------------------------------------------------------------- concat LSTM plus a read-out W_y, b_y
class _LSTMConcatReadout(_LSTMConcat):
    def __init__(self, x, h, y):
        super().__init__(x, h, bias=True)
        self.W_y, self.b_y = _p(y, h), _p(y)

    def forward(self, x, h, c):
        h, c = super().forward(x, h, c)
        return self.W_y @ h + self.b_y, h, c


def h4e_lstm_concat_with_readout(x, h, y):
    return _LSTMConcatReadout(x, h, y)


__all__ += ["h4e_lstm_concat_with_readout"]


# ---------------------------------------------------------------- Zaremba-style LSTM, T_{2n,4n} read as an affine map (W 4n x 2n, b 4n)
class _LSTMZaremba(_Mod):
    def __init__(self, n):
        super().__init__()
        self.n = n
        self.T = nn.Linear(2 * n, 4 * n)

    def _example(self):
        return torch.randn(self.n), torch.randn(self.n), torch.randn(self.n)

    def forward(self, h_below, h_prev, c_prev):
        i, f, o, g = self.T(torch.cat([h_below, h_prev])).chunk(4)
        c = torch.sigmoid(f) * c_prev + torch.sigmoid(i) * torch.tanh(g)
        return torch.sigmoid(o) * torch.tanh(c), c


def h4e_lstm_zaremba_affine(n):
    return _LSTMZaremba(n)


__all__ += ["h4e_lstm_zaremba_affine"]


# ---------------------------------------------------------------- LSTM, W_{xh_g} and W_{hh_g} per gate, no biases
class _LSTMNoBias(_Mod):
    def __init__(self, x, h):
        super().__init__()
        self.x, self.h = x, h
        self.Wx = nn.ParameterDict({g: _p(h, x) for g in "fiCo"})
        self.Wh = nn.ParameterDict({g: _p(h, h) for g in "fiCo"})

    def _example(self):
        return torch.randn(self.x), torch.randn(self.h), torch.randn(self.h)

    def forward(self, x, h, c):
        pre = {g: self.Wx[g] @ x + self.Wh[g] @ h for g in "fiCo"}
        f, i, o = (torch.sigmoid(pre[g]) for g in "fio")
        c = f * c + i * torch.tanh(pre["C"])
        return o * torch.tanh(c), c


def h4e_lstm_xh_hh_nobias(x, h):
    return _LSTMNoBias(x, h)


__all__ += ["h4e_lstm_xh_hh_nobias"]
