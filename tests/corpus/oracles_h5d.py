"""Oracles for the h5d-* set-aside snippets (heldout5)."""
import torch
from torch import nn

__all__ = []


def _p(*shape):
    return nn.Parameter(torch.randn(*shape) * 0.1)


class _Cell(nn.Module):
    def example(self):
        return self._example()


# --- k78ma/quartz AMATH 449 GRU (row-vector convention, update gate g) ---
class _K78Gru(_Cell):
    def __init__(self, x, h):
        super().__init__()
        self.x, self.h = x, h
        self.W_r, self.W_g, self.W_h = _p(h, h), _p(h, h), _p(h, h)
        self.U_r, self.U_g, self.U_h = _p(x, h), _p(x, h), _p(x, h)
        self.b_r, self.b_g, self.b_h = _p(h), _p(h), _p(h)

    def forward(self, xn, hp):
        r = torch.sigmoid(hp @ self.W_r + xn @ self.U_r + self.b_r)
        g = torch.sigmoid(hp @ self.W_g + xn @ self.U_g + self.b_g)
        ht = torch.tanh((hp * r) @ self.W_h + xn @ self.U_h + self.b_h)
        return g * ht + (1 - g) * hp

    def _example(self):
        return torch.randn(1, self.x), torch.randn(1, self.h)


def h5d_k78ma_gru(x, h):
    return _K78Gru(x, h)


__all__.append("h5d_k78ma_gru")


# --- CS 6180 Lecture 7 LSTM: W_* act on h^{(t-1)}, U_* on embedding e^{(t)}, one bias per gate ---
class _Cs6180Lstm(_Cell):
    def __init__(self, e, h):
        super().__init__()
        self.e, self.h = e, h
        for g in "fioc":
            setattr(self, f"W_{g}", _p(h, h))
            setattr(self, f"U_{g}", _p(h, e))
            setattr(self, f"b_{g}", _p(h))

    def _pre(self, g, hp, et):
        return hp @ getattr(self, f"W_{g}").T + et @ getattr(self, f"U_{g}").T + getattr(self, f"b_{g}")

    def forward(self, et, hp, cp):
        f = torch.sigmoid(self._pre("f", hp, et))
        i = torch.sigmoid(self._pre("i", hp, et))
        o = torch.sigmoid(self._pre("o", hp, et))
        ct = torch.tanh(self._pre("c", hp, et))
        c = f * cp + i * ct
        return o * torch.tanh(c), c

    def _example(self):
        return torch.randn(1, self.e), torch.randn(1, self.h), torch.randn(1, self.h)


def h5d_cs6180_lstm(e, h):
    return _Cs6180Lstm(e, h)


__all__.append("h5d_cs6180_lstm")


# --- Straight Dope (row-vector convention X_t W) ---
class _SdGru(_Cell):
    def __init__(self, X, h):
        super().__init__()
        self.X, self.h = X, h
        for g in "zrh":
            setattr(self, f"W_x{g}", _p(X, h))
            setattr(self, f"W_h{g}", _p(h, h))
            setattr(self, f"b_{g}", _p(h))

    def forward(self, x, hp):
        z = torch.sigmoid(x @ self.W_xz + hp @ self.W_hz + self.b_z)
        r = torch.sigmoid(x @ self.W_xr + hp @ self.W_hr + self.b_r)
        g = torch.tanh(x @ self.W_xh + (r * hp) @ self.W_hh + self.b_h)
        return z * hp + (1 - z) * g

    def _example(self):
        return torch.randn(2, self.X), torch.randn(2, self.h)


def h5d_sd_gru(X, h):
    return _SdGru(X, h)


class _SdLstm(_Cell):
    def __init__(self, X, h):
        super().__init__()
        self.X, self.h = X, h
        for g in "gifo":
            setattr(self, f"W_x{g}", _p(X, h))
            setattr(self, f"W_h{g}", _p(h, h))
            setattr(self, f"b_{g}", _p(h))

    def _pre(self, g, x, hp):
        return x @ getattr(self, f"W_x{g}") + hp @ getattr(self, f"W_h{g}") + getattr(self, f"b_{g}")

    def forward(self, x, hp, cp):
        g = torch.tanh(self._pre("g", x, hp))
        i = torch.sigmoid(self._pre("i", x, hp))
        f = torch.sigmoid(self._pre("f", x, hp))
        o = torch.sigmoid(self._pre("o", x, hp))
        c = f * cp + i * g
        return o * torch.tanh(c), c

    def _example(self):
        return torch.randn(2, self.X), torch.randn(2, self.h), torch.randn(2, self.h)


def h5d_sd_lstm(X, h):
    return _SdLstm(X, h)


class _SdRnn(_Cell):
    def __init__(self, x, h, y):
        super().__init__()
        self.x, self.h = x, h
        self.W_xh, self.W_hh, self.b_h = _p(x, h), _p(h, h), _p(h)
        self.W_hy, self.b_y = _p(h, y), _p(y)

    def forward(self, xt, hp):
        ht = torch.tanh(xt @ self.W_xh + hp @ self.W_hh + self.b_h)
        return ht, torch.softmax(ht @ self.W_hy + self.b_y, -1)

    def _example(self):
        return torch.randn(2, self.x), torch.randn(2, self.h)


def h5d_sd_rnn(x, h, y):
    return _SdRnn(x, h, y)


__all__ += ["h5d_sd_gru", "h5d_sd_lstm", "h5d_sd_rnn"]


# --- The Annotated S4: SSM with N-D state, 1-D input and output; A, B, C learned (D omitted) ---
class _S4Ssm(_Cell):
    def __init__(self, N, step=0.1):
        super().__init__()
        self.N, self.step = N, step
        self.A = _p(N, N)
        self.B = _p(N, 1)
        self.C = _p(1, N)

    def forward(self, u_k, x_prev):
        I = torch.eye(self.N)
        BL = torch.linalg.inv(I - (self.step / 2.0) * self.A)
        Ab = BL @ (I + (self.step / 2.0) * self.A)
        Bb = (BL * self.step) @ self.B
        x_k = x_prev @ Ab.T + u_k @ Bb.T
        return x_k, x_k @ self.C.T

    def _example(self):
        return torch.randn(1, 1), torch.randn(1, self.N)


def h5d_s4_ssm(N):
    return _S4Ssm(N)


def h5d_s4_discrete(N):
    return _S4Ssm(N)


__all__ += ["h5d_s4_ssm", "h5d_s4_discrete"]


# --- RWKV-4 time mixing (leo-bpark notes): per-channel mu_k, mu_v, mu_r, W_k, W_v, W_r (d x d), w, u ---
class _RwkvTimeMix(_Cell):
    def __init__(self, d):
        super().__init__()
        self.d = d
        self.mu_k, self.mu_v, self.mu_r = _p(d), _p(d), _p(d)
        self.W_k, self.W_v, self.W_r = _p(d, d), _p(d, d), _p(d, d)
        self.w = nn.Parameter(torch.rand(d))
        self.u = _p(d)

    def forward(self, x_t, x_prev, num, den):
        xk = self.mu_k * x_t + (1 - self.mu_k) * x_prev
        xv = self.mu_v * x_t + (1 - self.mu_v) * x_prev
        xr = self.mu_r * x_t + (1 - self.mu_r) * x_prev
        K, V, R = xk @ self.W_k.T, xv @ self.W_v.T, torch.sigmoid(xr @ self.W_r.T)
        wkv = (num + torch.exp(self.u + K) * V) / (den + torch.exp(self.u + K))
        decay = torch.exp(-self.w)
        num = decay * num + torch.exp(K) * V
        den = decay * den + torch.exp(K)
        return R * wkv, (num, den)

    def _example(self):
        d = self.d
        return torch.randn(1, d), torch.randn(1, d), torch.zeros(1, d), torch.zeros(1, d)


def h5d_leobpark_rwkv(d):
    return _RwkvTimeMix(d)


__all__.append("h5d_leobpark_rwkv")


# --- brunomurino notes (Coursera Sequence Models): Elman RNN with output, simplified GRU ---
class _BmRnn(_Cell):
    def __init__(self, a, x, y):
        super().__init__()
        self.a, self.x = a, x
        self.w_aa, self.w_ax, self.b_a = _p(a, a), _p(a, x), _p(a)
        self.w_ya, self.b_y = _p(y, a), _p(y)

    def forward(self, xt, ap):
        at = torch.tanh(ap @ self.w_aa.T + xt @ self.w_ax.T + self.b_a)
        return at, torch.sigmoid(at @ self.w_ya.T + self.b_y)

    def _example(self):
        return torch.randn(1, self.x), torch.zeros(1, self.a)


def h5d_bm_rnn(a, x, y):
    return _BmRnn(a, x, y)


class _BmGru(_Cell):
    def __init__(self, c, x):
        super().__init__()
        self.c, self.x = c, x
        self.w_c, self.b_c = _p(c, c + x), _p(c)
        self.w_u, self.b_u = _p(c, c + x), _p(c)

    def forward(self, xt, cp):
        z = torch.cat([cp, xt], -1)
        ct = torch.tanh(z @ self.w_c.T + self.b_c)
        gu = torch.sigmoid(z @ self.w_u.T + self.b_u)
        return gu * ct + (1 - gu) * cp

    def _example(self):
        return torch.randn(1, self.x), torch.randn(1, self.c)


def h5d_bm_gru(c, x):
    return _BmGru(c, x)


__all__ += ["h5d_bm_rnn", "h5d_bm_gru"]


# --- WillDeinzer/rnn_lstm notebooks ---
class _WdRnn(_Cell):
    def __init__(self, x, h, y):
        super().__init__()
        self.x, self.h = x, h
        self.U, self.W, self.b_h = _p(h, x), _p(h, h), _p(h)
        self.V, self.b_o = _p(y, h), _p(y)

    def forward(self, xt, hp):
        ht = torch.tanh(xt @ self.U.T + hp @ self.W.T + self.b_h)
        return ht, ht @ self.V.T + self.b_o

    def _example(self):
        return torch.randn(1, self.x), torch.zeros(1, self.h)


def h5d_wd_rnn(x, h, y):
    return _WdRnn(x, h, y)


class _ConcatLstm(_Cell):
    """LSTM with one W_g acting on [h_{t-1}, x_t] and one b_g per gate (f, i, C, o)."""
    def __init__(self, x, h):
        super().__init__()
        self.x, self.h = x, h
        for g in ("f", "i", "C", "o"):
            setattr(self, f"W_{g}", _p(h, h + x))
            setattr(self, f"b_{g}", _p(h))

    def _pre(self, g, z):
        return z @ getattr(self, f"W_{g}").T + getattr(self, f"b_{g}")

    def forward(self, xt, hp, cp):
        z = torch.cat([hp, xt], -1)
        f = torch.sigmoid(self._pre("f", z))
        i = torch.sigmoid(self._pre("i", z))
        ct = torch.tanh(self._pre("C", z))
        c = f * cp + i * ct
        o = torch.sigmoid(self._pre("o", z))
        return o * torch.tanh(c), c

    def _example(self):
        return torch.randn(1, self.x), torch.randn(1, self.h), torch.randn(1, self.h)


def h5d_wd_lstm(x, h):
    return _ConcatLstm(x, h)


__all__ += ["h5d_wd_rnn", "h5d_wd_lstm"]


# --- Robots Atlas course, Elman RNN with output layer ---
class _ElmanOut(_Cell):
    def __init__(self, x, h, y):
        super().__init__()
        self.x, self.h = x, h
        self.W_xh, self.W_hh, self.b_h = _p(h, x), _p(h, h), _p(h)
        self.W_hy, self.b_y = _p(y, h), _p(y)

    def forward(self, xt, hp):
        ht = torch.tanh(xt @ self.W_xh.T + hp @ self.W_hh.T + self.b_h)
        return ht, ht @ self.W_hy.T + self.b_y

    def _example(self):
        return torch.randn(1, self.x), torch.zeros(1, self.h)


def h5d_ra_rnn(x, h, y):
    return _ElmanOut(x, h, y)


__all__.append("h5d_ra_rnn")



# --- fmgarcia Spanish course notes: bias-free concatenated GRU; concatenated LSTM with biases ---
class _NoBiasConcatGru(_Cell):
    def __init__(self, x, h):
        super().__init__()
        self.x, self.h = x, h
        self.W_z, self.W_r, self.W = _p(h, h + x), _p(h, h + x), _p(h, h + x)

    def forward(self, xt, hp):
        z = torch.sigmoid(torch.cat([hp, xt], -1) @ self.W_z.T)
        r = torch.sigmoid(torch.cat([hp, xt], -1) @ self.W_r.T)
        ht = torch.tanh(torch.cat([r * hp, xt], -1) @ self.W.T)
        return (1 - z) * hp + z * ht

    def _example(self):
        return torch.randn(1, self.x), torch.randn(1, self.h)


def h5d_fm_gru(x, h):
    return _NoBiasConcatGru(x, h)


def h5d_fm_lstm(x, h):
    return _ConcatLstm(x, h)


__all__ += ["h5d_fm_gru", "h5d_fm_lstm"]


# --- adrian-valente 'RNNs strike back': vanilla RNN without biases; LRU (refuse, linear readout only) ---
class _AvRnn(_Cell):
    def __init__(self, x, h, y):
        super().__init__()
        self.x, self.h = x, h
        self.W_r, self.W_i, self.W_o = _p(h, h), _p(h, x), _p(y, h)

    def forward(self, xt, ht):
        hn = torch.tanh(ht @ self.W_r.T + xt @ self.W_i.T)
        return hn, ht @ self.W_o.T

    def _example(self):
        return torch.randn(1, self.x), torch.randn(1, self.h)


def h5d_av_rnn(x, h, y):
    return _AvRnn(x, h, y)


class _AvLru(_Cell):
    def __init__(self, x, h, y):
        super().__init__()
        self.x, self.h = x, h
        self.Lambda, self.B = _p(h, h), _p(h, x)
        self.C, self.D = _p(y, h), _p(y, x)

    def forward(self, xt, hp):
        ht = hp @ self.Lambda.T + xt @ self.B.T
        return ht, ht @ self.C.T + xt @ self.D.T

    def _example(self):
        return torch.randn(1, self.x), torch.randn(1, self.h)


def h5d_av_lru(x, h, y):
    return _AvLru(x, h, y)


__all__ += ["h5d_av_rnn", "h5d_av_lru"]


# --- Obsidian xLSTM notes: scalar sLSTM (hidden dimensionality 1): w_g in R^n, scalar r_g, b_g for g in z,i,f,o ---
class _ScalarSlstm(_Cell):
    def __init__(self, n):
        super().__init__()
        self.n = n
        for g in "zifo":
            setattr(self, f"w_{g}", _p(n))
            setattr(self, f"r_{g}", _p(1))
            setattr(self, f"b_{g}", _p(1))

    def _pre(self, g, x, hp):
        return x @ getattr(self, f"w_{g}") + getattr(self, f"r_{g}") * hp + getattr(self, f"b_{g}")

    def forward(self, x, hp, cp, np_, mp):
        z = torch.tanh(self._pre("z", x, hp))
        it = self._pre("i", x, hp)
        ft = self._pre("f", x, hp)
        o = torch.sigmoid(self._pre("o", x, hp))
        logf = torch.nn.functional.logsigmoid(ft)
        m = torch.maximum(logf + mp, it)
        i_s = torch.exp(it - m)
        f_s = torch.exp(logf + mp - m)
        c = f_s * cp + i_s * z
        nn_ = f_s * np_ + i_s
        return o * c / nn_, (c, nn_, m)

    def _example(self):
        return torch.randn(self.n), torch.zeros(1), torch.zeros(1), torch.ones(1), torch.zeros(1)


def h5d_obsidian_slstm(n):
    return _ScalarSlstm(n)


__all__.append("h5d_obsidian_slstm")
