import torch
from torch import nn

__all__ = []


def _export(f):
    __all__.append(f.__name__)
    return f


def _p(*shape):
    return nn.Parameter(torch.randn(*shape) * 0.1)


# stored file id 69126019674 (Spanish study-notes page "lstm-gru", "## Formalización", LSTM).
# Gates F, I, O and candidate C each: W_{x.} (h x x), W_{h.} (h x h), b_. (h). 4h(x + h + 1).
@_export
def h30c_esglosario_lstm(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            for g in "FIOC":
                setattr(self, f"W_x{g}", _p(h, x))
                setattr(self, f"W_h{g}", _p(h, h))
                setattr(self, f"b_{g}", _p(h))

        def _a(self, g, xt, hp):
            return getattr(self, f"W_x{g}") @ xt + getattr(self, f"W_h{g}") @ hp + getattr(self, f"b_{g}")

        def forward(self, xt, state):
            hp, cp = state
            F = torch.sigmoid(self._a("F", xt, hp))
            I = torch.sigmoid(self._a("I", xt, hp))
            Ct = torch.tanh(self._a("C", xt, hp))
            C = F * cp + I * Ct
            O = torch.sigmoid(self._a("O", xt, hp))
            return O * torch.tanh(C), C

    return Cell()


# stored file id 69126019674 (same page, GRU paragraph). z, r and candidate each:
# W_{x.} (h x x), W_{h.} (h x h), b_. (h); candidate W_{hh}(r * h). 3h(x + h + 1).
@_export
def h30c_esglosario_gru(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_xz, self.W_hz, self.b_z = _p(h, x), _p(h, h), _p(h)
            self.W_xr, self.W_hr, self.b_r = _p(h, x), _p(h, h), _p(h)
            self.W_xh, self.W_hh, self.b_h = _p(h, x), _p(h, h), _p(h)

        def forward(self, xt, hp):
            z = torch.sigmoid(self.W_xz @ xt + self.W_hz @ hp + self.b_z)
            r = torch.sigmoid(self.W_xr @ xt + self.W_hr @ hp + self.b_r)
            ht = torch.tanh(self.W_xh @ xt + self.W_hh @ (r * hp) + self.b_h)
            return (1 - z) * hp + z * ht

    return Cell()


# stored file id 5680079299 (French README, LSTM policy in C, portes F, I, G, O).
# W_f, W_i, W_c, W_o act on [h_{t-1}, x_t] ((x + h) x h in the C code, Wf[j][i]), biases B_f, B_i,
# B_c, B_o (h). 4(h(h + x) + h).
@_export
def h30c_frpolicy_lstm(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_f, self.B_f = _p(x + h, h), _p(h)
            self.W_i, self.B_i = _p(x + h, h), _p(h)
            self.W_c, self.B_c = _p(x + h, h), _p(h)
            self.W_o, self.B_o = _p(x + h, h), _p(h)

        def forward(self, xt, state):
            hp, cp = state
            s = torch.cat([hp, xt])
            f = torch.sigmoid(s @ self.W_f + self.B_f)
            i = torch.sigmoid(s @ self.W_i + self.B_i)
            g = torch.tanh(s @ self.W_c + self.B_c)
            c = f * cp + i * g
            o = torch.sigmoid(s @ self.W_o + self.B_o)
            return o * torch.tanh(c), c

    return Cell()


# stored file id 56000136498 (Spanish activity "El enigma del oráculo secuencial", vanilla RNN).
# W_hx (64 x 20), W_hh (64 x 64), b (64): h(x + h + 1) = 5440 at the text's sizes.
@_export
def h30c_esoraculo_rnn(x=20, h=64):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_hx, self.W_hh, self.b = _p(h, x), _p(h, h), _p(h)

        def forward(self, xt, hp):
            return torch.tanh(self.W_hx @ xt + self.W_hh @ hp + self.b)

    return Cell()


# stored file id 56867598620 (Korean WeNet summary, recurrent NAS search space). Marked refuse.
# Most plausible reading: W_x (h x x) for c, W_h (h x h) for the s_0 candidate, one W_{ji} (h x h)
# per node i = 1..L-1 (ancestor j = i - 1, tanh chosen here). hx + h^2 + (L - 1)h^2.
@_export
def h30c_kowenet_nas(x=7, h=5, L=4):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_x, self.W_h = _p(h, x), _p(h, h)
            self.W = nn.ParameterList([_p(h, h) for _ in range(L - 1)])

        def forward(self, xt, hp):
            c = torch.sigmoid(self.W_x @ xt)
            hh = torch.tanh(self.W_h @ hp)
            s = [hp + c * (hh - hp)]
            for i in range(1, L):
                s.append(torch.tanh(self.W[i - 1] @ s[i - 1]))
            return sum(s[1:]) / (L - 1)

    return Cell()


# stored file id 53991967450 (Korean Obsidian LSTM note). W_f, W_i, W_o, W_c on [h_{t-1}, x_t]
# (h x (h + x)), biases b_f, b_i, b_o, b_c (h). 4(h(h + x) + h).
@_export
def h30c_koobsidian_lstm(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_f, self.b_f = _p(h, h + x), _p(h)
            self.W_i, self.b_i = _p(h, h + x), _p(h)
            self.W_o, self.b_o = _p(h, h + x), _p(h)
            self.W_c, self.b_c = _p(h, h + x), _p(h)

        def forward(self, xt, state):
            hp, cp = state
            s = torch.cat([hp, xt])
            f = torch.sigmoid(self.W_f @ s + self.b_f)
            i = torch.sigmoid(self.W_i @ s + self.b_i)
            o = torch.sigmoid(self.W_o @ s + self.b_o)
            ct = torch.tanh(self.W_c @ s + self.b_c)
            c = f * cp + i * ct
            return o * torch.tanh(c), c

    return Cell()


# stored file id 38150362933 (German translated LSTM note). The align* block: W_f, W_i, W_c, W_o
# (h x x), U_f, U_i, U_c, U_o (h x h), b_f, b_i, b_c, b_o (h); the concatenated form above it gives
# the same count. 4h(x + h + 1).
@_export
def h30c_dellm_lstm(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            for g in "fico":
                setattr(self, f"W_{g}", _p(h, x))
                setattr(self, f"U_{g}", _p(h, h))
                setattr(self, f"b_{g}", _p(h))

        def _a(self, g, xt, hp):
            return getattr(self, f"W_{g}") @ xt + getattr(self, f"U_{g}") @ hp + getattr(self, f"b_{g}")

        def forward(self, xt, state):
            hp, cp = state
            f = torch.sigmoid(self._a("f", xt, hp))
            i = torch.sigmoid(self._a("i", xt, hp))
            ct = torch.tanh(self._a("c", xt, hp))
            o = torch.sigmoid(self._a("o", xt, hp))
            c = f * cp + i * ct
            return o * torch.tanh(c), c

    return Cell()


# stored file id 61240639397 (Japanese Obsidian note "RNN"). W_h (h x h), W_x (h x x), b (h).
# h(h + x + 1).
@_export
def h30c_jaobsidian_rnn(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_h, self.W_x, self.b = _p(h, h), _p(h, x), _p(h)

        def forward(self, xt, hp):
            return torch.sigmoid(self.W_h @ hp + self.W_x @ xt + self.b)

    return Cell()


# stored file id 4994029445 (Rust GRUCell with Russian doc comments). w_iz, w_ir, w_in
# (hidden x input), w_hz, w_hr, w_hn (hidden x hidden), b_z, b_r, b_n (hidden). 3h(x + h + 1).
@_export
def h30c_rurust_gru(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.w_iz, self.w_hz, self.b_z = _p(h, x), _p(h, h), _p(h)
            self.w_ir, self.w_hr, self.b_r = _p(h, x), _p(h, h), _p(h)
            self.w_in, self.w_hn, self.b_n = _p(h, x), _p(h, h), _p(h)

        def forward(self, xt, hp):
            z = torch.sigmoid(self.w_iz @ xt + self.w_hz @ hp + self.b_z)
            r = torch.sigmoid(self.w_ir @ xt + self.w_hr @ hp + self.b_r)
            n = torch.tanh(self.w_in @ xt + self.w_hn @ (r * hp) + self.b_n)
            return (1 - z) * n + z * hp

    return Cell()


# stored file id 56287613536 (Spanish slides MP03 UD3, LSTM gate diagram). Marked refuse: no gate
# equations. Most plausible reading: the usual LSTM, each of f, i, g, o with W (h x x), U (h x h),
# b (h). 4h(x + h + 1).
@_export
def h30c_esud3_lstm(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            for g in "figo":
                setattr(self, f"W_{g}", _p(h, x))
                setattr(self, f"U_{g}", _p(h, h))
                setattr(self, f"b_{g}", _p(h))

        def _a(self, g, xt, hp):
            return getattr(self, f"W_{g}") @ xt + getattr(self, f"U_{g}") @ hp + getattr(self, f"b_{g}")

        def forward(self, xt, state):
            hp, cp = state
            f = torch.sigmoid(self._a("f", xt, hp))
            i = torch.sigmoid(self._a("i", xt, hp))
            g = torch.tanh(self._a("g", xt, hp))
            o = torch.sigmoid(self._a("o", xt, hp))
            c = f * cp + i * g
            return o * torch.tanh(c), c

    return Cell()


# stored file id 57795892336 (Turkish "Day 10" notes, RNN). ht = tanh(W * xt + U * ht-1 + b):
# W (h x x), U (h x h), b (h). h(x + h + 1).
@_export
def h30c_trday10_rnn(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W, self.U, self.b = _p(h, x), _p(h, h), _p(h)

        def forward(self, xt, hp):
            return torch.tanh(self.W @ xt + self.U @ hp + self.b)

    return Cell()


# stored file id 30447617023 (Chinese blog "GRU网络" in image processing, 3.1). Marked refuse (the
# update gate z_t is defined but unused). Literal reading: i, f, z, candidate and o each with
# W_x. (h x x), W_h. (h x h), W_c. (h x h, full peephole matrix), b_. (h). 5h(x + 2h + 1).
@_export
def h30c_zhgruimg_lstm(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            for g in "ifzco":
                setattr(self, f"W_x{g}", _p(h, x))
                setattr(self, f"W_h{g}", _p(h, h))
                setattr(self, f"W_c{g}", _p(h, h))
                setattr(self, f"b_{g}", _p(h))

        def _a(self, g, xt, hp, c):
            return (getattr(self, f"W_x{g}") @ xt + getattr(self, f"W_h{g}") @ hp
                    + getattr(self, f"W_c{g}") @ c + getattr(self, f"b_{g}"))

        def forward(self, xt, state):
            hp, cp = state
            i = torch.sigmoid(self._a("i", xt, hp, cp))
            f = torch.sigmoid(self._a("f", xt, hp, cp))
            z = torch.sigmoid(self._a("z", xt, hp, cp))  # computed as the text says, never used
            c = f * cp + i * torch.tanh(self._a("c", xt, hp, cp))
            o = torch.sigmoid(self._a("o", xt, hp, c))
            return o * torch.tanh(c), c

    return Cell()


# stored file id 30408122505 (Chinese blog LSTM worked example, 4.1-4.2). Marked refuse (printed
# weight shapes contradict the stated sizes). Most plausible reading at the stated sizes (input 2,
# hidden 3): W_f, W_i, W_C, W_o (h x (h + x)), b_f, b_i, b_C, b_o (h). 4(h(h + x) + h) = 72.
@_export
def h30c_zhlstmexample_lstm(x=2, h=3):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            for g in "fiCo":
                setattr(self, f"W_{g}", _p(h, h + x))
                setattr(self, f"b_{g}", _p(h))

        def _a(self, g, s):
            return getattr(self, f"W_{g}") @ s + getattr(self, f"b_{g}")

        def forward(self, xt, state):
            hp, cp = state
            s = torch.cat([hp, xt])
            f = torch.sigmoid(self._a("f", s))
            i = torch.sigmoid(self._a("i", s))
            Ct = torch.tanh(self._a("C", s))
            C = f * cp + i * Ct
            o = torch.sigmoid(self._a("o", s))
            return o * torch.tanh(C), C

    return Cell()


# stored file id 30239012007 (Chinese blog, LSTM for text classification, 3.2). i, f, o each with
# W_x. (h x x), W_h. (h x h), W_c. (h x h, peephole on c_{t-1}, a full "权重矩阵"), b_. (h);
# candidate W_xc (h x x), W_hc (h x h), b_c (h). 3h(x + 2h + 1) + h(x + h + 1).
@_export
def h30c_zhtextcls_peephole(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            for g in "ifo":
                setattr(self, f"W_x{g}", _p(h, x))
                setattr(self, f"W_h{g}", _p(h, h))
                setattr(self, f"W_c{g}", _p(h, h))
                setattr(self, f"b_{g}", _p(h))
            self.W_xc, self.W_hc, self.b_c = _p(h, x), _p(h, h), _p(h)

        def _g(self, g, xt, hp, cp):
            return torch.sigmoid(getattr(self, f"W_x{g}") @ xt + getattr(self, f"W_h{g}") @ hp
                                 + getattr(self, f"W_c{g}") @ cp + getattr(self, f"b_{g}"))

        def forward(self, xt, state):
            hp, cp = state
            i, f, o = self._g("i", xt, hp, cp), self._g("f", xt, hp, cp), self._g("o", xt, hp, cp)
            c = f * cp + i * torch.tanh(self.W_xc @ xt + self.W_hc @ hp + self.b_c)
            return o * torch.tanh(c), c

    return Cell()
