import torch
from torch import nn

__all__ = []


def _export(f):
    __all__.append(f.__name__)
    return f


def _p(*shape):
    return nn.Parameter(torch.randn(*shape) * 0.1)


# stored file id 10616353159 (LaTeX "LSTM Study Notes"). W_f, W_i, W_c, W_o each h x (h + x) on [h_{t-1}, x_t];
# b_f, b_i, b_c, b_o each h. 4h(h + x + 1).
@_export
def h29b_lstmstudytex_lstm(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_f, self.b_f = _p(h, h + x), _p(h)
            self.W_i, self.b_i = _p(h, h + x), _p(h)
            self.W_c, self.b_c = _p(h, h + x), _p(h)
            self.W_o, self.b_o = _p(h, h + x), _p(h)

        def forward(self, xt, state):
            hp, cp = state
            v = torch.cat([hp, xt], -1)
            f = torch.sigmoid(v @ self.W_f.T + self.b_f)
            i = torch.sigmoid(v @ self.W_i.T + self.b_i)
            ct_ = torch.tanh(v @ self.W_c.T + self.b_c)
            c = f * cp + i * ct_
            o = torch.sigmoid(v @ self.W_o.T + self.b_o)
            return o * torch.tanh(c), c

    return Cell()


# https://ickma2311.github.io/ML/rnn-lstm-gru.html (Chapter 10.10 notes, LSTM). W_f, W_i, W_c, W_o (h x X) on X^t;
# U_f, U_i, U_c, U_o (h x h) on h^{t-1}; b_f, b_i, b_c, b_o (h). 4h(X + h + 1).
@_export
def h29b_ickma_lstm(X=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            for g in "fico":
                setattr(self, "W_" + g, _p(h, X))
                setattr(self, "U_" + g, _p(h, h))
                setattr(self, "b_" + g, _p(h))

        def gate(self, g, x, hp):
            return x @ getattr(self, "W_" + g).T + hp @ getattr(self, "U_" + g).T + getattr(self, "b_" + g)

        def forward(self, x, state):
            hp, sp = state
            f = torch.sigmoid(self.gate("f", x, hp))
            i = torch.sigmoid(self.gate("i", x, hp))
            st_ = torch.tanh(self.gate("c", x, hp))
            o = torch.sigmoid(self.gate("o", x, hp))
            s = f * sp + i * st_
            return o * torch.tanh(s), s

    return Cell()


# KarryRen/Karry-Studies-AI LiMu/HandsAI .../Models/LSTM/README.md (D2L study notes, LSTM). The equations and the
# 16-tensor list: W_x* (d x h), W_h* (h x h), b_x* and b_h* (1 x h) for * in i, f, o, c: torch's own nn.LSTM.
# n is the batch size (no parameter). 4h(d + h + 2).
@_export
def h29b_karryd2l_lstm(d=7, h=5, n=3):
    return nn.LSTM(d, h)


# https://github.com/anilknayak/natural_language_processing (GRU tutorial, math only as an image; refuse).
# Most plausible reading: the usual GRU with W_z, U_z, b_z, W_r, U_r, b_r, W_h, U_h, b_h. 3h(x + h + 1).
@_export
def h29b_anilknayak_gru(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_z, self.U_z, self.b_z = _p(h, x), _p(h, h), _p(h)
            self.W_r, self.U_r, self.b_r = _p(h, x), _p(h, h), _p(h)
            self.W_h, self.U_h, self.b_h = _p(h, x), _p(h, h), _p(h)

        def forward(self, xt, hp):
            z = torch.sigmoid(xt @ self.W_z.T + hp @ self.U_z.T + self.b_z)
            r = torch.sigmoid(xt @ self.W_r.T + hp @ self.U_r.T + self.b_r)
            hh = torch.tanh(xt @ self.W_h.T + (r * hp) @ self.U_h.T + self.b_h)
            return (1 - z) * hp + z * hh

    return Cell()


# stored file id 7621566012 ("15. LSTM and GRU", LSTM; refuse: only f_t written). Most plausible reading: the
# usual LSTM on [h_{t-1}, x_t] with W_f, W_i, W_c, W_o (h x (h + x)) and b_f, b_i, b_c, b_o. 4h(h + x + 1).
@_export
def h29b_lstmgru15_lstm(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W = nn.ParameterDict({g: _p(h, h + x) for g in "fico"})
            self.b = nn.ParameterDict({g: _p(h) for g in "fico"})

        def forward(self, xt, state):
            hp, cp = state
            v = torch.cat([hp, xt], -1)
            a = {g: v @ self.W[g].T + self.b[g] for g in "fico"}
            c = torch.sigmoid(a["f"]) * cp + torch.sigmoid(a["i"]) * torch.tanh(a["c"])
            return torch.sigmoid(a["o"]) * torch.tanh(c), c

    return Cell()


# stored file id 7621566012 ("15. LSTM and GRU", GRU). W_z, W_r, W each h x (h + x) on [h_{t-1}, x_t] (W on
# [r_t * h_{t-1}, x_t]); no biases. 3h(h + x).
@_export
def h29b_lstmgru15_gru(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_z, self.W_r, self.W = _p(h, h + x), _p(h, h + x), _p(h, h + x)

        def forward(self, xt, hp):
            v = torch.cat([hp, xt], -1)
            z = torch.sigmoid(v @ self.W_z.T)
            r = torch.sigmoid(v @ self.W_r.T)
            hh = torch.tanh(torch.cat([r * hp, xt], -1) @ self.W.T)
            return (1 - z) * hp + z * hh

    return Cell()


# stored file id 38329158893 (6.86x class notes, simple gated RNN). The gate g_t and the state update use the same
# W^{s,s} (m x m) and W^{s,x} (m x d), as written; no biases. m(m + d).
@_export
def h29b_ml86x_gatedrnn(m=5, d=7):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_ss, self.W_sx = _p(m, m), _p(m, d)

        def forward(self, x, s):
            a = s @ self.W_ss.T + x @ self.W_sx.T
            g = torch.sigmoid(a)
            return (1 - g) * s + g * torch.tanh(a)

    return Cell()


# stored file id 38329158893 (6.86x class notes, LSTM). W^{f,h}, W^{i,h}, W^{o,h}, W^{c,h} (h x h) and W^{f,x},
# W^{i,x}, W^{o,x}, W^{c,x} (h x x); no biases. 4h(h + x).
@_export
def h29b_ml86x_lstm(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.Wh = nn.ParameterDict({g: _p(h, h) for g in "fioc"})
            self.Wx = nn.ParameterDict({g: _p(h, x) for g in "fioc"})

        def forward(self, xt, state):
            hp, cp = state
            a = {g: hp @ self.Wh[g].T + xt @ self.Wx[g].T for g in "fioc"}
            c = torch.sigmoid(a["f"]) * cp + torch.sigmoid(a["i"]) * torch.tanh(a["c"])
            return torch.sigmoid(a["o"]) * torch.tanh(c), c

    return Cell()


class _LSTMWUb(nn.Module):
    # LSTM with W_* (h x x) on x_t, U_* (h x h) on h_{t-1} and one bias b_* (h) per gate, gates i, f, o, c.
    def __init__(self, x, h):
        super().__init__()
        self.W = nn.ParameterDict({g: _p(h, x) for g in "ifoc"})
        self.U = nn.ParameterDict({g: _p(h, h) for g in "ifoc"})
        self.b = nn.ParameterDict({g: _p(h) for g in "ifoc"})

    def forward(self, xt, state):
        hp, cp = state
        a = {g: xt @ self.W[g].T + hp @ self.U[g].T + self.b[g] for g in "ifoc"}
        c = torch.sigmoid(a["f"]) * cp + torch.sigmoid(a["i"]) * torch.tanh(a["c"])
        return torch.sigmoid(a["o"]) * torch.tanh(c), c


# stored file id 65845056621 (Obsidian L04 notes, LSTM). One stacked W (4h x (h + x)) on [h_{t-1}; x_t] and one
# stacked b (4h), split into i, f, o, g. 4h(h + x + 1).
@_export
def h29b_mplL04_lstm(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W, self.b = _p(4 * h, h + x), _p(4 * h)

        def forward(self, xt, state):
            hp, cp = state
            a = torch.cat([hp, xt], -1) @ self.W.T + self.b
            i, f, o, g = a.split(h, -1)
            c = torch.sigmoid(f) * cp + torch.sigmoid(i) * torch.tanh(g)
            return torch.sigmoid(o) * torch.tanh(c), c

    return Cell()


# stored file id 65845056621 (Obsidian L04 notes, GRU). W_r, W_z, W_h (h x x), U_r, U_z, U_h (h x h), b_r, b_z,
# b_h (h). 3h(x + h + 1).
@_export
def h29b_mplL04_gru(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W = nn.ParameterDict({g: _p(h, x) for g in "rzh"})
            self.U = nn.ParameterDict({g: _p(h, h) for g in "rzh"})
            self.b = nn.ParameterDict({g: _p(h) for g in "rzh"})

        def forward(self, xt, hp):
            r = torch.sigmoid(xt @ self.W["r"].T + hp @ self.U["r"].T + self.b["r"])
            z = torch.sigmoid(xt @ self.W["z"].T + hp @ self.U["z"].T + self.b["z"])
            hh = torch.tanh(xt @ self.W["h"].T + (r * hp) @ self.U["h"].T + self.b["h"])
            return z * hp + (1 - z) * hh

    return Cell()


# stored file id 65845056621 (Obsidian L04 notes, BiLSTM). Two separate LSTMs (forward, backward), each with
# W_i, W_f, W_o, W_c (h x x), U_* (h x h), b_* (h). 2 * 4h(x + h + 1).
@_export
def h29b_mplL04_bilstm(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.fwd, self.bwd = _LSTMWUb(x, h), _LSTMWUb(x, h)

        def forward(self, xt, state):
            (hf, cf), (hb, cb) = state
            hf, cf = self.fwd(xt, (hf, cf))
            hb, cb = self.bwd(xt, (hb, cb))
            return torch.cat([hf, hb], -1), ((hf, cf), (hb, cb))

    return Cell()


# stored file id 62783700830 (study-wiki note on LSTM after Zaremba et al.; refuse: T_{2n,4n} undefined). Most
# plausible reading, the paper's: T_{2n,4n} is affine, W (4n x 2n) and b (4n). 4n(2n + 1).
@_export
def h29b_wikilstm_lstm(n=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W, self.b = _p(4 * n, 2 * n), _p(4 * n)

        def forward(self, x, state):
            hp, cp = state
            a = torch.cat([x, hp], -1) @ self.W.T + self.b
            i, f, o, g = a.split(n, -1)
            c = torch.sigmoid(f) * cp + torch.sigmoid(i) * torch.tanh(g)
            return torch.sigmoid(o) * torch.tanh(c), c

    return Cell()
