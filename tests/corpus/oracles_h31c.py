import torch
from torch import nn

__all__ = []


def _export(f):
    __all__.append(f.__name__)
    return f


def _p(*shape):
    return nn.Parameter(torch.randn(*shape) * 0.1)


# superzhangmch/learning_notes:ML/LLM/特别结构/rwkv.md (Chinese RWKV-v4 notes; marked refuse: r/k/v
# projections only in images). Most plausible reading, RWKV-4 block without token shift: time-mix
# W_r, W_k, W_v, W_o (d x d), decay w and bonus u (d); channel-mix W'_r, W'_k, W'_v (d x d).
# 7 d^2 + 2 d.
@_export
def h31c_zhangmch_rwkv4(d=6):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_r, self.W_k, self.W_v, self.W_o = _p(d, d), _p(d, d), _p(d, d), _p(d, d)
            self.w, self.u = _p(d), _p(d)
            self.Wc_r, self.Wc_k, self.Wc_v = _p(d, d), _p(d, d), _p(d, d)

        def forward(self, x, state):
            num, den = state
            r, k, v = self.W_r @ x, self.W_k @ x, self.W_v @ x
            wkv = (num + torch.exp(self.u + k) * v) / (den + torch.exp(self.u + k))
            num = torch.exp(-self.w) * num + torch.exp(k) * v
            den = torch.exp(-self.w) * den + torch.exp(k)
            y = x + self.W_o @ (torch.sigmoid(r) * wkv)
            kc = torch.clamp(self.Wc_k @ y, min=0) ** 2
            y = y + torch.sigmoid(self.Wc_r @ y) * (self.Wc_v @ kc)
            return y, (num, den)

    return Cell()


# stored file id 60811730058 (Chinese note "GRU与变体"). W_z, W_r, W act on the concatenations
# [h_{t-1}, x_t] and [r_t * h_{t-1}, x_t]: each h x (h + x); no biases. 3 h (h + x).
@_export
def h31c_gruvariants_gru(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_z, self.W_r, self.W = _p(h, h + x), _p(h, h + x), _p(h, h + x)

        def forward(self, xt, hp):
            hx = torch.cat([hp, xt])
            z = torch.sigmoid(self.W_z @ hx)
            r = torch.sigmoid(self.W_r @ hx)
            ht = torch.tanh(self.W @ torch.cat([r * hp, xt]))
            return (1 - z) * hp + z * ht

    return Cell()


# stored file id 61013369317 (Chinese note "LSTM与门控机制"; marked refuse: only f_t written).
# Most plausible reading: every gate like f_t, W (h x (h + x)) on [h_{t-1}, x_t] plus a bias.
# 4 h (h + x + 1).
@_export
def h31c_lstmgating_lstm(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_f, self.b_f = _p(h, h + x), _p(h)
            self.W_i, self.b_i = _p(h, h + x), _p(h)
            self.W_c, self.b_c = _p(h, h + x), _p(h)
            self.W_o, self.b_o = _p(h, h + x), _p(h)

        def forward(self, xt, state):
            hp, cp = state
            hx = torch.cat([hp, xt])
            f = torch.sigmoid(self.W_f @ hx + self.b_f)
            i = torch.sigmoid(self.W_i @ hx + self.b_i)
            g = torch.tanh(self.W_c @ hx + self.b_c)
            o = torch.sigmoid(self.W_o @ hx + self.b_o)
            c = f * cp + i * g
            return o * torch.tanh(c), c

    return Cell()


# stored file id 46531117104 (Chinese d2l GRU script, top comment block). Row-vector convention
# X_t W: Wxr, Wxz, Wxh (X x H), Whr, Whz, Whh (H x H), br, bz, bh (H). 3 H (X + H + 1).
@_export
def h31c_grucomment_gru(X=7, H=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.Wxr, self.Whr, self.br = _p(X, H), _p(H, H), _p(H)
            self.Wxz, self.Whz, self.bz = _p(X, H), _p(H, H), _p(H)
            self.Wxh, self.Whh, self.bh = _p(X, H), _p(H, H), _p(H)

        def forward(self, x, hp):
            r = torch.sigmoid(x @ self.Wxr + hp @ self.Whr + self.br)
            z = torch.sigmoid(x @ self.Wxz + hp @ self.Whz + self.bz)
            ht = torch.tanh(x @ self.Wxh + (r * hp) @ self.Whh + self.bh)
            return z * hp + (1 - z) * ht

    return Cell()


# stored file id 67518131668 (Korean translation of d2l 2nd ed., LSTM). W_x* (d x h), W_h* (h x h),
# b_* (1 x h) for i, f, o and the input node c. 4 h (d + h + 1); n is the batch size only.
@_export
def h31c_kod2l2_lstm(n=3, d=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            for g in "ifoc":
                setattr(self, "W_x" + g, _p(d, h))
                setattr(self, "W_h" + g, _p(h, h))
                setattr(self, "b_" + g, _p(1, h))

        def forward(self, X, state):
            H, C = state
            gate = lambda g: X @ getattr(self, "W_x" + g) + H @ getattr(self, "W_h" + g) + getattr(self, "b_" + g)
            I, F, O = torch.sigmoid(gate("i")), torch.sigmoid(gate("f")), torch.sigmoid(gate("o"))
            C = F * C + I * torch.tanh(gate("c"))
            return O * torch.tanh(C), C

    return Cell()


# stored file id 60368499478 (Japanese E資格 note "ゲート付きRNN", LSTM). W_* (h x x), U_* (h x h),
# b_* (h) for i, f, o, c. 4 h (x + h + 1).
@_export
def h31c_eshikaku_lstm(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            for g in "ifoc":
                setattr(self, "W_" + g, _p(h, x))
                setattr(self, "U_" + g, _p(h, h))
                setattr(self, "b_" + g, _p(h))

        def forward(self, xt, state):
            hp, cp = state
            a = lambda g: getattr(self, "W_" + g) @ xt + getattr(self, "U_" + g) @ hp + getattr(self, "b_" + g)
            i, f, o = torch.sigmoid(a("i")), torch.sigmoid(a("f")), torch.sigmoid(a("o"))
            c = f * cp + i * torch.tanh(a("c"))
            return o * torch.tanh(c), c

    return Cell()


# stored file id 60368499478 (Japanese E資格 note, GRU in Cho et al.'s notation). W_r, W_z, W (h x x),
# U_r, U_z, U (h x h); no biases; phi is an activation (tanh). 3 h (x + h).
@_export
def h31c_eshikaku_gru(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_r, self.U_r = _p(h, x), _p(h, h)
            self.W_z, self.U_z = _p(h, x), _p(h, h)
            self.W, self.U = _p(h, x), _p(h, h)

        def forward(self, xt, hp):
            r = torch.sigmoid(self.W_r @ xt + self.U_r @ hp)
            z = torch.sigmoid(self.W_z @ xt + self.U_z @ hp)
            ht = torch.tanh(self.W @ xt + self.U @ (r * hp))
            return z * hp + (1 - z) * ht

    return Cell()


def _concat_lstm(x, h):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            for g in "fiCo":
                setattr(self, "W_" + g, _p(h, h + x))
                setattr(self, "b_" + g, _p(h))

        def forward(self, xt, state):
            hp, cp = state
            hx = torch.cat([hp, xt])
            a = lambda g: getattr(self, "W_" + g) @ hx + getattr(self, "b_" + g)
            f, i, o = torch.sigmoid(a("f")), torch.sigmoid(a("i")), torch.sigmoid(a("o"))
            c = f * cp + i * torch.tanh(a("C"))
            return o * torch.tanh(c), c

    return Cell()


# stored file id 27298595280 (Portuguese NLP module, 3.1 Arquitetura LSTM). W_f, W_i, W_C, W_o
# (h x (h + x)) on [h_{t-1}, x_t], b_f, b_i, b_C, b_o (h). 4 h (h + x + 1).
@_export
def h31c_ptnlp_lstm(x=7, h=5):
    return _concat_lstm(x, h)


# stored file id 27298595280 (Portuguese NLP module, 4.2 Fórmulas GRU). W_r, W_z, W (h x (h + x)),
# no biases. 3 h (h + x).
@_export
def h31c_ptnlp_gru(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_r, self.W_z, self.W = _p(h, h + x), _p(h, h + x), _p(h, h + x)

        def forward(self, xt, hp):
            hx = torch.cat([hp, xt])
            r = torch.sigmoid(self.W_r @ hx)
            z = torch.sigmoid(self.W_z @ hx)
            ht = torch.tanh(self.W @ torch.cat([r * hp, xt]))
            return (1 - z) * hp + z * ht

    return Cell()


# stored file id 11138675972 (Russian LSTMModel docstring). W_f, W_i, W_C, W_o (h x (h + x)) on
# [h_{t-1}, x_t], b_f, b_i, b_C, b_o (h). 4 h (h + x + 1).
@_export
def h31c_rulstmdoc_lstm(x=7, h=5):
    return _concat_lstm(x, h)


# stored file id 17011213904 (Chinese tutorial script, LSTMDemo.lstm_theory prints). W_f, W_i, W_C,
# W_o (h x (h + x)) on [h_{t-1}, x_t], b_f, b_i, b_C, b_o (h). 4 h (h + x + 1).
@_export
def h31c_printdemo_lstm(x=7, h=5):
    return _concat_lstm(x, h)


# stored file id 14212062341 (Korean translation of d2l 2nd ed., GRU). W_xr, W_xz, W_xh (d x h),
# W_hr, W_hz, W_hh (h x h), b_r, b_z, b_h (1 x h). 3 h (d + h + 1); n is the batch size only.
@_export
def h31c_kod2l2_gru(n=3, d=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            for g in "rzh":
                setattr(self, "W_x" + g, _p(d, h))
                setattr(self, "W_h" + g, _p(h, h))
                setattr(self, "b_" + g, _p(1, h))

        def forward(self, X, H):
            R = torch.sigmoid(X @ self.W_xr + H @ self.W_hr + self.b_r)
            Z = torch.sigmoid(X @ self.W_xz + H @ self.W_hz + self.b_z)
            Ht = torch.tanh(X @ self.W_xh + (R * H) @ self.W_hh + self.b_h)
            return Z * H + (1 - Z) * Ht

    return Cell()
