"""Oracles for the h5c set-aside snippets (heldout5). One function per snippet."""
import torch
from torch import nn

__all__ = [
    "h5c_jabook_gru",
    "h5c_ruobsidian_lstm",
    "h5c_frnote_lstm",
    "h5c_frnote_lstm_nobias",
    "h5c_zhmath_lstm",
    "h5c_gammanotes_gru",
    "h5c_gammanotes_lstm",
    "h5c_peepholecourse_lstm",
    "h5c_oneonlee_rnn",
    "h5c_wjdwocks_rnn",
    "h5c_fit5215_gru",
    "h5c_pygrudoc_gru",
    "h5c_felixnb_rnn",
    "h5c_felixnb_lstm",
    "h5c_felixnb_gru",
    "h5c_codeenn_lstm",
    "h5c_codeenn_peephole",
    "h5c_npcelldoc_lstm",
]


def _p(*shape):
    return nn.Parameter(torch.randn(*shape) * 0.1)


class _JaBookGRU(nn.Module):
    # r = σ(W_r x + U_r h + b_r); h~ = tanh(W_h x + r ⊙ (U_h h) + b_h); z = σ(W_z x + U_z h + b_z)
    def __init__(self, x, h):
        super().__init__()
        for g in "rhz":
            setattr(self, f"W_{g}", _p(h, x))
            setattr(self, f"U_{g}", _p(h, h))
            setattr(self, f"b_{g}", _p(h))

    def forward(self, x, h):
        r = torch.sigmoid(self.W_r @ x + self.U_r @ h + self.b_r)
        ht = torch.tanh(self.W_h @ x + r * (self.U_h @ h) + self.b_h)
        z = torch.sigmoid(self.W_z @ x + self.U_z @ h + self.b_z)
        return (1 - z) * h + z * ht

    def example(self):
        return (torch.randn(self.W_r.shape[1]), torch.randn(self.W_r.shape[0]))


def h5c_jabook_gru(x, h):
    return _JaBookGRU(x, h)


class _ConcatLSTM(nn.Module):
    """LSTM with one weight per gate acting on a concatenation [h, x] (or [x, h]); bias per gate optional."""
    def __init__(self, x, h, gates=("f", "i", "C", "o"), bias=True, order="hx"):
        super().__init__()
        self.gates, self.order, self.nx, self.nh = gates, order, x, h
        for g in gates:
            setattr(self, f"W_{g}", _p(h, h + x))
            if bias:
                setattr(self, f"b_{g}", _p(h))
        self.bias = bias

    def _lin(self, g, v):
        out = getattr(self, f"W_{g}") @ v
        if self.bias:
            out = out + getattr(self, f"b_{g}")
        return out

    def forward(self, x, h, c):
        v = torch.cat([h, x]) if self.order == "hx" else torch.cat([x, h])
        gf, gi, gc, go = self.gates
        f = torch.sigmoid(self._lin(gf, v))
        i = torch.sigmoid(self._lin(gi, v))
        ct = torch.tanh(self._lin(gc, v))
        o = torch.sigmoid(self._lin(go, v))
        c = f * c + i * ct
        return o * torch.tanh(c), c

    def example(self):
        return (torch.randn(self.nx), torch.randn(self.nh), torch.randn(self.nh))


def h5c_ruobsidian_lstm(x, h):
    # refuse snippet; the likely intended reading: four gate weights on [x, h], biases b_o, b_i, b_C, b_t
    return _ConcatLSTM(x, h, gates=("t", "i", "C", "o"), order="xh")


def h5c_frnote_lstm(x, h):
    return _ConcatLSTM(x, h, gates=("f", "i", "c", "o"))


def h5c_frnote_lstm_nobias(x, h):
    return _ConcatLSTM(x, h, gates=("f", "i", "c", "o"), bias=False)



class _SplitLSTM(nn.Module):
    """LSTM with separate input and recurrent weights per gate (row- or column-vector), bias options."""
    def __init__(self, x, h, gates=("f", "i", "o", "u"), acts=("s", "s", "s", "s"), bias="one", row=True):
        super().__init__()
        self.gates, self.acts, self.row, self.nx, self.nh, self.bias = gates, acts, row, x, h, bias
        for g in gates:
            setattr(self, f"Wx_{g}", _p(x, h) if row else _p(h, x))
            setattr(self, f"Wh_{g}", _p(h, h))
            if bias in ("one", "two"):
                setattr(self, f"b_{g}", _p(h))
            if bias == "two":
                setattr(self, f"bh_{g}", _p(h))

    def _gate(self, g, a, x, h):
        if self.row:
            z = x @ getattr(self, f"Wx_{g}") + h @ getattr(self, f"Wh_{g}")
        else:
            z = getattr(self, f"Wx_{g}") @ x + getattr(self, f"Wh_{g}") @ h
        if self.bias in ("one", "two"):
            z = z + getattr(self, f"b_{g}")
        if self.bias == "two":
            z = z + getattr(self, f"bh_{g}")
        return torch.sigmoid(z) if a == "s" else torch.tanh(z)

    def forward(self, x, h, c):
        f, i, o, u = (self._gate(g, a, x, h) for g, a in zip(self.gates, self.acts))
        c = f * c + i * u
        return o * torch.tanh(c), c

    def example(self):
        return (torch.randn(self.nx), torch.randn(self.nh), torch.randn(self.nh))


def h5c_zhmath_lstm(x, h):
    return _SplitLSTM(x, h)


class _GammaGRU(nn.Module):
    # c~ = tanh(W_c[Γr*c, x] + b_c); Γu = σ(W_u[c, x] + b_u); Γr = σ(W_r[c, x] + b_r)
    def __init__(self, x, c):
        super().__init__()
        self.nx, self.nc = x, c
        for g in "cur":
            setattr(self, f"W_{g}", _p(c, c + x))
            setattr(self, f"b_{g}", _p(c))

    def forward(self, x, c):
        v = torch.cat([c, x])
        gu = torch.sigmoid(self.W_u @ v + self.b_u)
        gr = torch.sigmoid(self.W_r @ v + self.b_r)
        ct = torch.tanh(self.W_c @ torch.cat([gr * c, x]) + self.b_c)
        return gu * ct + (1 - gu) * c

    def example(self):
        return (torch.randn(self.nx), torch.randn(self.nc))


def h5c_gammanotes_gru(x, c):
    return _GammaGRU(x, c)


def h5c_gammanotes_lstm(x, a):
    return _ConcatLSTM(x, a, gates=("f", "u", "c", "o"))


class _PeepConcatLSTM(nn.Module):
    def __init__(self, x, h):
        super().__init__()
        self.nx, self.nh = x, h
        for g in "fico":
            setattr(self, f"W_{g}", _p(h, h + x))
            setattr(self, f"b_{g}", _p(h))
        self.w_f, self.w_i, self.w_o = _p(h), _p(h), _p(h)

    def forward(self, x, h, c):
        v = torch.cat([h, x])
        f = torch.sigmoid(self.W_f @ v + self.w_f * c + self.b_f)
        i = torch.sigmoid(self.W_i @ v + self.w_i * c + self.b_i)
        ct = torch.tanh(self.W_c @ v + self.b_c)
        c = f * c + i * ct
        o = torch.sigmoid(self.W_o @ v + self.w_o * c + self.b_o)
        return o * torch.tanh(c), c

    def example(self):
        return (torch.randn(self.nx), torch.randn(self.nh), torch.randn(self.nh))


def h5c_peepholecourse_lstm(x, h):
    return _PeepConcatLSTM(x, h)


class _RowRNNOut(nn.Module):
    # a = x U + h W + b; h = tanh(a); o = h V + c
    def __init__(self, x, h, o):
        super().__init__()
        self.U, self.W, self.b = _p(x, h), _p(h, h), _p(h)
        self.V, self.c = _p(h, o), _p(o)

    def forward(self, x, h):
        h = torch.tanh(x @ self.U + h @ self.W + self.b)
        return h, h @ self.V + self.c

    def example(self):
        return (torch.randn(self.U.shape[0]), torch.randn(self.W.shape[0]))


def h5c_oneonlee_rnn(x, h, o):
    return _RowRNNOut(x, h, o)


class _NoBiasRNN(nn.Module):
    # h_t = tanh(W h_{t-1} + U x_t)
    def __init__(self, x, h):
        super().__init__()
        self.W, self.U = _p(h, h), _p(h, x)

    def forward(self, x, h):
        return torch.tanh(self.W @ h + self.U @ x)

    def example(self):
        return (torch.randn(self.U.shape[1]), torch.randn(self.W.shape[0]))


def h5c_wjdwocks_rnn(x, h):
    # refuse snippet; oracle = the cell equation as written (W, U only)
    return _NoBiasRNN(x, h)


class _ConcatGRU(nn.Module):
    # z = σ(W_z[h, x] + b_z); r = σ(W_r[h, x] + b_r); g = tanh(W_g[r*h, x] + b_g); h' = (1-z) h + z g
    def __init__(self, x, h):
        super().__init__()
        self.nx, self.nh = x, h
        for g in "zrg":
            setattr(self, f"W_{g}", _p(h, h + x))
            setattr(self, f"b_{g}", _p(h))

    def forward(self, x, h):
        v = torch.cat([h, x])
        z = torch.sigmoid(self.W_z @ v + self.b_z)
        r = torch.sigmoid(self.W_r @ v + self.b_r)
        g = torch.tanh(self.W_g @ torch.cat([r * h, x]) + self.b_g)
        return (1 - z) * h + z * g

    def example(self):
        return (torch.randn(self.nx), torch.randn(self.nh))


def h5c_fit5215_gru(x, h):
    return _ConcatGRU(x, h)


class _RowGRU(nn.Module):
    # R = σ(X W_xr + H W_hr + b_r); Z likewise; G = tanh(X W_xh + (R*H) W_hh + b_h); H' = Z H + (1-Z) G
    def __init__(self, d, h):
        super().__init__()
        self.d, self.h = d, h
        for g in "rzh":
            setattr(self, f"W_x{g}", _p(d, h))
            setattr(self, f"W_h{g}", _p(h, h))
            setattr(self, f"b_{g}", _p(1, h))

    def forward(self, X, H):
        R = torch.sigmoid(X @ self.W_xr + H @ self.W_hr + self.b_r)
        Z = torch.sigmoid(X @ self.W_xz + H @ self.W_hz + self.b_z)
        G = torch.tanh(X @ self.W_xh + (R * H) @ self.W_hh + self.b_h)
        return Z * H + (1 - Z) * G

    def example(self):
        return (torch.randn(3, self.d), torch.randn(3, self.h))


def h5c_pygrudoc_gru(d, h):
    return _RowGRU(d, h)


class _RNNOutNoBias(nn.Module):
    # y = W_hy h; h = tanh(W_hh h + W_xh x + b_h)
    def __init__(self, x, h, y):
        super().__init__()
        self.W_hh, self.W_xh, self.b_h, self.W_hy = _p(h, h), _p(h, x), _p(h), _p(y, h)

    def forward(self, x, h):
        h = torch.tanh(self.W_hh @ h + self.W_xh @ x + self.b_h)
        return h, self.W_hy @ h

    def example(self):
        return (torch.randn(self.W_xh.shape[1]), torch.randn(self.W_hh.shape[0]))


def h5c_felixnb_rnn(x, h, y):
    return _RNNOutNoBias(x, h, y)


def h5c_felixnb_lstm(x, h):
    # gates f, i, C~, o with W_xh^g (h×x), W_hh^g (h×h), one bias each
    return _SplitLSTM(x, h, gates=("f", "i", "o", "C"), acts=("s", "s", "s", "t"), bias="one", row=False)


class _TwoBiasGRU(nn.Module):
    # r = σ(W_r x + b_r1 + U_r h + b_r2); z likewise; h~ = tanh(W_h x + b_h1 + U_h (r ⊙ h) + b_h2)
    def __init__(self, x, h):
        super().__init__()
        self.nx, self.nh = x, h
        for g in "rzh":
            setattr(self, f"W_{g}", _p(h, x))
            setattr(self, f"U_{g}", _p(h, h))
            setattr(self, f"b_{g}1", _p(h))
            setattr(self, f"b_{g}2", _p(h))

    def forward(self, x, h):
        r = torch.sigmoid(self.W_r @ x + self.b_r1 + self.U_r @ h + self.b_r2)
        z = torch.sigmoid(self.W_z @ x + self.b_z1 + self.U_z @ h + self.b_z2)
        ht = torch.tanh(self.W_h @ x + self.b_h1 + self.U_h @ (r * h) + self.b_h2)
        return (1 - z) * h + z * ht

    def example(self):
        return (torch.randn(self.nx), torch.randn(self.nh))


def h5c_felixnb_gru(x, h):
    return _TwoBiasGRU(x, h)


class _CellStageLSTM(nn.Module):
    # inputs already projected (Xc, Xi, Xf, Xo); only N x N recurrent matrices Uc, Ui, Uf, Uo on Y[t-1]
    def __init__(self, N):
        super().__init__()
        self.N = N
        self.Uc, self.Ui, self.Uf, self.Uo = _p(N, N), _p(N, N), _p(N, N), _p(N, N)

    def forward(self, X, Y, H):
        Xc, Xi, Xf, Xo = X.chunk(4)
        C = torch.tanh(Xc + self.Uc @ Y)
        I = torch.sigmoid(Xi + self.Ui @ Y)
        F = torch.sigmoid(Xf + self.Uf @ Y)
        O = torch.sigmoid(Xo + self.Uo @ Y)
        H = I * C + F * H
        return O * torch.tanh(H), H

    def example(self):
        return (torch.randn(4 * self.N), torch.randn(self.N), torch.randn(self.N))


def h5c_codeenn_lstm(N):
    return _CellStageLSTM(N)


class _CellStagePeephole(nn.Module):
    # I/F/O = sig{X* + U* C[t-1]} with full N x N Ui, Uf, Uo; C = F.*C + I.*sig{Xc}; Y = tanh{O.*C}
    def __init__(self, N):
        super().__init__()
        self.N = N
        self.Ui, self.Uf, self.Uo = _p(N, N), _p(N, N), _p(N, N)

    def forward(self, X, C):
        Xc, Xi, Xf, Xo = X.chunk(4)
        I = torch.sigmoid(Xi + self.Ui @ C)
        F = torch.sigmoid(Xf + self.Uf @ C)
        O = torch.sigmoid(Xo + self.Uo @ C)
        C = F * C + I * torch.sigmoid(Xc)
        return torch.tanh(O * C), C

    def example(self):
        return (torch.randn(4 * self.N), torch.randn(self.N))


def h5c_codeenn_peephole(N):
    return _CellStagePeephole(N)


def h5c_npcelldoc_lstm(x, h):
    # zf/zi/zo/zc = W* x + U* h + b*
    return _SplitLSTM(x, h, gates=("f", "i", "o", "c"), acts=("s", "s", "s", "t"), bias="one", row=False)
