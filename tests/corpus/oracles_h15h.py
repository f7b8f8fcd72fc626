import torch
from torch import nn

__all__ = []


def _export(f):
    __all__.append(f.__name__)
    return f


def _p(*shape):
    return nn.Parameter(torch.randn(*shape) * 0.1)


class _ConcatLSTM(nn.Module):
    """Four gates, each W_* [h_(t-1), x_t] + b_* (one weight on the concatenation, one bias)."""

    def __init__(self, x, h):
        super().__init__()
        self.W_f = nn.Linear(h + x, h)
        self.W_i = nn.Linear(h + x, h)
        self.W_c = nn.Linear(h + x, h)
        self.W_o = nn.Linear(h + x, h)

    def forward(self, xt, state):
        hp, cp = state
        u = torch.cat([hp, xt], -1)
        f = torch.sigmoid(self.W_f(u))
        i = torch.sigmoid(self.W_i(u))
        ct = torch.tanh(self.W_c(u))
        c = f * cp + i * ct
        o = torch.sigmoid(self.W_o(u))
        return o * torch.tanh(c), c


class _GRU3(nn.Module):
    """GRU with, per gate and candidate, an input weight (h x x), a recurrent weight (h x h) and one bias."""

    def __init__(self, x, h):
        super().__init__()
        self.Wz, self.Uz, self.bz = _p(h, x), _p(h, h), _p(h)
        self.Wr, self.Ur, self.br = _p(h, x), _p(h, h), _p(h)
        self.Wh, self.Uh, self.bh = _p(h, x), _p(h, h), _p(h)

    def forward(self, xt, hp):
        z = torch.sigmoid(self.Wz @ xt + self.Uz @ hp + self.bz)
        r = torch.sigmoid(self.Wr @ xt + self.Ur @ hp + self.br)
        hc = torch.tanh(self.Wh @ xt + self.Uh @ (r * hp) + self.bh)
        return (1 - z) * hp + z * hc


# stored file 55942992360 (Typst time-series study plan, 2.2 LSTM). W_f, W_i, W_c, W_o act on
# [h_(t-1), x_t] (h x (h + x)), one bias b_* each. 4(h(h + x) + h).
@_export
def h15h_typst_tsplan_lstm(x=7, h=5):
    return _ConcatLSTM(x, h)


# stored file 53150215663 (refuse): Typst NLP cheat sheet, GRU entry. Every product is written with the
# same bare W and the gates r_t, z_t are used but never defined. One plausible reading only: r_t and z_t
# like the sheet's LSTM gates (W x_t + W h_(t-1) + b), and the candidate's two W's distinct, with b.
# 3(hx + h^2 + h).
@_export
def h15h_typst_nlpcheat_gru(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.Wxr, self.Whr, self.br = _p(h, x), _p(h, h), _p(h)
            self.Wxz, self.Whz, self.bz = _p(h, x), _p(h, h), _p(h)
            self.Wxg, self.Whg, self.bg = _p(h, x), _p(h, h), _p(h)

        def forward(self, xt, hp):
            r = torch.sigmoid(self.Wxr @ xt + self.Whr @ hp + self.br)
            z = torch.sigmoid(self.Wxz @ xt + self.Whz @ hp + self.bz)
            g = torch.tanh(self.Wxg @ xt + r * (self.Whg @ hp) + self.bg)
            return (1 - z) * g + z * hp

    return Cell()


# stored file 70623692085 (Typst DL study notes, GRU keybox). W_z, W_r, W act on [h_(t-1), x_t]
# (resp. [r_t ⊙ h_(t-1), x_t]), each h x (h + x); no biases anywhere. 3h(h + x).
@_export
def h15h_typst_dlstudy_gru(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_z = nn.Linear(h + x, h, bias=False)
            self.W_r = nn.Linear(h + x, h, bias=False)
            self.W = nn.Linear(h + x, h, bias=False)

        def forward(self, xt, hp):
            u = torch.cat([hp, xt], -1)
            z = torch.sigmoid(self.W_z(u))
            r = torch.sigmoid(self.W_r(u))
            hc = torch.tanh(self.W(torch.cat([r * hp, xt], -1)))
            return (1 - z) * hp + z * hc

    return Cell()


# stored file 66195560143 (Chinese LLM review notes in Typst, 1.4 LSTM). W_f, W_i, W_c, W_o on
# [h_{t-1}, x_t], one bias each. 4(h(h + x) + h).
@_export
def h15h_typst_llmreview_lstm(x=7, h=5):
    return _ConcatLSTM(x, h)


# stored file 60899268177 (Typst lecture slides ES 667 L12, "The GRU equations"). W_z, W_r, W_h: h x x;
# U_z, U_r, U_h: h x h; b_z, b_r, b_h (one bias per gate). 3(hx + h^2 + h).
@_export
def h15h_typst_es667slides_gru(x=7, h=5):
    return _GRU3(x, h)


# stored file 69706098290 (Typst DL cheat sheet, Recurrent networks & BPTT). W_(h h): h x h,
# W_(h x): h x x, b: h; output o_t = W_(y h) h_t with no bias, W_(y h): o x h. h^2 + hx + h + oh.
@_export
def h15h_typst_dlcheat_rnn(x=7, h=5, o=3):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_hh = _p(h, h)
            self.W_hx = _p(h, x)
            self.b = _p(h)
            self.W_yh = _p(o, h)

        def forward(self, xt, hp):
            ht = torch.tanh(self.W_hh @ hp + self.W_hx @ xt + self.b)
            return self.W_yh @ ht, ht

    return Cell()


# gafalcon/ml_nl_notes:rnn.org (org-mode notes, prose definition of the RNN). W on x_t (h x x), U on
# h_t-1 (h x h), summed and squashed by phi; no bias is named. h(x + h).
@_export
def h15h_orgnotes_rnn(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W = _p(h, x)
            self.U = _p(h, h)

        def forward(self, xt, hp):
            return torch.tanh(self.W @ xt + self.U @ hp)

    return Cell()


# SubhadityaMukherjee/Knowledge-base:GRU.md (Obsidian note, The Math). W_{hr}, W_{hu}, W_{hh}: h x h;
# W_{xr}, W_{xu}, W_{xh}: h x x; b_r, b_u, b_h. 3(h^2 + hx + h).
@_export
def h15h_obsidian_kb_gru(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_hr, self.W_xr, self.b_r = _p(h, h), _p(h, x), _p(h)
            self.W_hu, self.W_xu, self.b_u = _p(h, h), _p(h, x), _p(h)
            self.W_xh, self.W_hh, self.b_h = _p(h, x), _p(h, h), _p(h)

        def forward(self, xt, hp):
            gr = torch.sigmoid(self.W_hr @ hp + self.W_xr @ xt + self.b_r)
            gu = torch.sigmoid(self.W_hu @ hp + self.W_xu @ xt + self.b_u)
            hh = torch.tanh(self.W_xh @ xt + self.W_hh @ (gr * hp) + self.b_h)
            return (1 - gu) * hp + gu * hh

    return Cell()


# msests/MLStudy:GRU.md (Chinese study notes). W_r, W_u: h x x (W \cdot x_t); U_r, U_u: h x h; b_r, b_u;
# candidate x_t \cdot W_h (W_h: x x h, row-vector side) and (r_t ⊙ h_{t-1}) \cdot W (W: h x h), b_h.
# The text's h_t update (with (1-z_t) twice) is kept as written. 3(hx + h^2 + h).
@_export
def h15h_mlstudy_gru_zh(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_r, self.U_r, self.b_r = _p(h, x), _p(h, h), _p(h)
            self.W_u, self.U_u, self.b_u = _p(h, x), _p(h, h), _p(h)
            self.W_h, self.W, self.b_h = _p(x, h), _p(h, h), _p(h)

        def forward(self, xt, hp):
            r = torch.sigmoid(self.W_r @ xt + self.U_r @ hp + self.b_r)
            z = torch.sigmoid(self.W_u @ xt + self.U_u @ hp + self.b_u)
            hc = torch.tanh(xt @ self.W_h + ((r * hp) @ self.W + self.b_h))
            return (1 - z) * hp + (1 - z) * hc

    return Cell()


# morinota/TIL:GRU.md (Japanese TIL notes). f_z^sigma, f_r^sigma, f_h^tanh are dense layers of the
# Simple RNN form x W_x + h W_h + b (row vectors): W_x: x x h, W_h: h x h, b: h each. 3(xh + h^2 + h).
@_export
def h15h_til_gru_ja(x=7, h=5):
    class Dense2(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_x, self.W_h, self.b = _p(x, h), _p(h, h), _p(h)

        def forward(self, a, b):
            return a @ self.W_x + b @ self.W_h + self.b

    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.f_z, self.f_r, self.f_h = Dense2(), Dense2(), Dense2()

        def forward(self, xt, hp):
            z = torch.sigmoid(self.f_z(xt, hp))
            r = torch.sigmoid(self.f_r(xt, hp))
            hc = torch.tanh(self.f_h(xt, r * hp))
            return (1 - z) * hp + z * hc

    return Cell()


# stored file 55297581602 (AsciiDoc book section "State Space Models — Mamba" inside a Markdown plan).
# Learned A: h x h, B: h x x, C: y x h; no D term, no bias. h^2 + hx + yh.
@_export
def h15h_asciidoc_gptbook_ssm(x=7, h=5, y=3):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.A = _p(h, h)
            self.B = _p(h, x)
            self.C = _p(y, h)

        def forward(self, xt, hp):
            ht = self.A @ hp + self.B @ xt
            return self.C @ ht, ht

    return Cell()
