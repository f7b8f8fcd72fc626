"""Oracles for the h53f set-aside snippets (heldout53), as its gatherer wrote them."""
import torch
from torch import nn

__all__ = []


def _export(f):
    __all__.append(f.__name__)
    return f


def _p(*shape):
    return nn.Parameter(torch.randn(*shape) * 0.1)


# leemwood/xiaoyan paper.md, section 2.2 "minGRU 单元": z_t = σ(W_z x_t + U_z h_{t-1} + b_z),
# h~_t = tanh(W_h x_t + U_h h_{t-1} + b_h), h_t = (1 - z_t)·h_{t-1} + z_t·h~_t (update gate only, but it keeps the
# recurrent weights U_z, U_h, unlike Feng et al.'s minGRU). W_*: h x x, U_*: h x h, b_*: h.
# Count: 2*(h*x + h*h + h).
@_export
def h53f_xiaoyan_mingru(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_z, self.U_z, self.b_z = _p(h, x), _p(h, h), _p(h)
            self.W_h, self.U_h, self.b_h = _p(h, x), _p(h, h), _p(h)

        def forward(self, x_t, h_prev):
            z = torch.sigmoid(x_t @ self.W_z.T + h_prev @ self.U_z.T + self.b_z)
            h_tilde = torch.tanh(x_t @ self.W_h.T + h_prev @ self.U_h.T + self.b_h)
            return (1 - z) * h_prev + z * h_tilde
    return Cell()


# leemwood/xiaoyan minGRU_lm.py, class MinGRU: the same cell, but every weight is allocated
# np.random.randn(d_model, d_model) (the input is the d_model-wide embedding); b_z, b_h: d_model.
# Count: 2*(2*d*d + d).
@_export
def h53f_xiaoyan_mingru_code(d_model=5):
    d = d_model

    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_z, self.U_z, self.b_z = _p(d, d), _p(d, d), _p(d)
            self.W_h, self.U_h, self.b_h = _p(d, d), _p(d, d), _p(d)

        def forward(self, x_t, h_prev):
            z = torch.sigmoid(x_t @ self.W_z.T + h_prev @ self.U_z.T + self.b_z)
            h_tilde = torch.tanh(x_t @ self.W_h.T + h_prev @ self.U_h.T + self.b_h)
            return (1 - z) * h_prev + z * h_tilde
    return Cell()


# stored file 58522573271 (Chinese blog "LSTM与GRU"), "LSTM的数学公式": W_f, W_i, W_C, W_o on [h_{t-1}, x_t],
# each h x (h + x), with b_f, b_i, b_C, b_o (h). Count: 4*(h*(h + x) + h).
@_export
def h53f_lstmgrublog_lstm(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W = nn.ParameterDict({k: _p(h, h + x) for k in ("f", "i", "C", "o")})
            self.b = nn.ParameterDict({k: _p(h) for k in ("f", "i", "C", "o")})

        def forward(self, x_t, h_prev, C_prev):
            hx = torch.cat([h_prev, x_t], dim=-1)
            a = {k: hx @ self.W[k].T + self.b[k] for k in self.W}
            f, i, o = torch.sigmoid(a["f"]), torch.sigmoid(a["i"]), torch.sigmoid(a["o"])
            C = f * C_prev + i * torch.tanh(a["C"])
            return o * torch.tanh(C), C
    return Cell()


# stored file 58522573271, "GRU的数学公式" + class GRU. Marked refuse: the formulas have no bias
# (r_t = σ(W_r [h_{t-1}, x_t]), z_t, h~_t = tanh(W [r_t·h_{t-1}, x_t])) -> 3*h*(h + x) = 180 at x=7, h=5,
# while the NumPy class right below gives b_r, b_z, b (hidden_size) -> +3h = 195. Built: the class's reading.
# W_r, W_z, W: h x (x + h); b_r, b_z, b: h. Count: 3*(h*(h + x) + h).
@_export
def h53f_lstmgrublog_gru(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_r, self.W_z, self.W = _p(h, x + h), _p(h, x + h), _p(h, x + h)
            self.b_r, self.b_z, self.b = _p(h), _p(h), _p(h)

        def forward(self, x_t, h_prev):
            concat = torch.cat([h_prev, x_t], dim=-1)
            r = torch.sigmoid(concat @ self.W_r.T + self.b_r)
            z = torch.sigmoid(concat @ self.W_z.T + self.b_z)
            h_tilde = torch.tanh(torch.cat([r * h_prev, x_t], dim=-1) @ self.W.T + self.b)
            return (1 - z) * h_prev + z * h_tilde
    return Cell()


# stored file 55251671471 (Korean course sub-note, week 8), section 5 "GRU 핵심 수식": z_t = σ(W_z·[h_{t-1}, x_t]),
# r_t = σ(W_r·[h_{t-1}, x_t]), h~_t = tanh(W·[r_t * h_{t-1}, x_t]); no bias anywhere. W_z, W_r, W: h x (h + x).
# Count: 3*h*(h + x).
@_export
def h53f_kosubnote_gru(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_z, self.W_r, self.W = _p(h, h + x), _p(h, h + x), _p(h, h + x)

        def forward(self, x_t, h_prev):
            hx = torch.cat([h_prev, x_t], dim=-1)
            z = torch.sigmoid(hx @ self.W_z.T)
            r = torch.sigmoid(hx @ self.W_r.T)
            h_tilde = torch.tanh(torch.cat([r * h_prev, x_t], dim=-1) @ self.W.T)
            return (1 - z) * h_prev + z * h_tilde
    return Cell()


# stored file 55251671471, section 6 (LSTM). Marked refuse: the slide's stacked form (i f o g) = (σ σ σ tanh) W (h; x)
# has no bias (4h*(h + x) = 240 at x=7, h=5), the per-gate formulas just below add b_f, b_i, b_C, b_o (+4h = 260).
# Built: the per-gate reading. W_f, W_i, W_C, W_o: h x (h + x); b_*: h. Count: 4*(h*(h + x) + h).
@_export
def h53f_kosubnote_lstm(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W = nn.ParameterDict({k: _p(h, h + x) for k in ("f", "i", "C", "o")})
            self.b = nn.ParameterDict({k: _p(h) for k in ("f", "i", "C", "o")})

        def forward(self, x_t, h_prev, C_prev):
            hx = torch.cat([h_prev, x_t], dim=-1)
            a = {k: hx @ self.W[k].T + self.b[k] for k in self.W}
            f, i, o = torch.sigmoid(a["f"]), torch.sigmoid(a["i"]), torch.sigmoid(a["o"])
            C = f * C_prev + i * torch.tanh(a["C"])
            return o * torch.tanh(C), C
    return Cell()


# stored file 46461494364 (Korean "Seq2Seq" note), section 2.2 GRU: r_t = σ(W_xr·x_t + W_hr·h_{t-1} + b_r),
# z_t likewise, g_t = tanh(W_xg·x_t + W_hg·(r_t × h_{t-1}) + b_g), h_t = z_t × h_{t-1} + (1 - z_t) × g_t.
# W_x*: h x x, W_h*: h x h, b_*: h. Count: 3*(h*x + h*h + h).
@_export
def h53f_koseq2seq_gru(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_x = nn.ParameterDict({k: _p(h, x) for k in "rzg"})
            self.W_h = nn.ParameterDict({k: _p(h, h) for k in "rzg"})
            self.b = nn.ParameterDict({k: _p(h) for k in "rzg"})

        def forward(self, x_t, h_prev):
            r = torch.sigmoid(x_t @ self.W_x["r"].T + h_prev @ self.W_h["r"].T + self.b["r"])
            z = torch.sigmoid(x_t @ self.W_x["z"].T + h_prev @ self.W_h["z"].T + self.b["z"])
            g = torch.tanh(x_t @ self.W_x["g"].T + (r * h_prev) @ self.W_h["g"].T + self.b["g"])
            return z * h_prev + (1 - z) * g
    return Cell()


# stored file 19381769537 (Korean notes on Deep Learning from Scratch 2, ch. 5), 5.3 RNN 구현: row vectors,
# h_t = tanh(h_{t-1} W_h + x_t W_x + b); W_h: H x H, W_x: D x H, b: H (params = [Wx, Wh, b]).
# Count: D*H + H*H + H.
@_export
def h53f_kornnnote_rnn(D=7, H=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.Wx, self.Wh, self.b = _p(D, H), _p(H, H), _p(H)

        def forward(self, x, h_prev):
            return torch.tanh(h_prev @ self.Wh + x @ self.Wx + self.b)
    return Cell()


# musyoku/musyoku.github.io, SRU post: x~_t = W x_t, f_t = σ(W_f x_t + b_f), r_t = σ(W_r x_t + b_r),
# c_t = f_t ⊙ c_{t-1} + (1 - f_t) ⊙ x~_t, h_t = r_t ⊙ g(c_t) + (1 - r_t) ⊙ x_t; all vectors d-dimensional.
# W, W_f, W_r: d x d; b_f, b_r: d. Count: 3*d*d + 2*d.
@_export
def h53f_musyoku_sru(d=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W, self.W_f, self.W_r = _p(d, d), _p(d, d), _p(d, d)
            self.b_f, self.b_r = _p(d), _p(d)

        def forward(self, x_t, c_prev):
            x_tilde = x_t @ self.W.T
            f = torch.sigmoid(x_t @ self.W_f.T + self.b_f)
            r = torch.sigmoid(x_t @ self.W_r.T + self.b_r)
            c = f * c_prev + (1 - f) * x_tilde
            return r * torch.tanh(c) + (1 - r) * x_t, c
    return Cell()


# musyoku/musyoku.github.io, QRNN post. Marked refuse: the gates are 1-D convolutions W_* * X whose filter width
# is left open, and three poolings (f, fo, ifo) are given one after another. Built: ifo-pooling (all four of
# Z, F, O, I), filter width k, no bias as written: W_z, W_f, W_o, W_i each h x x x k.
# Count: 4*h*x*k. One step takes the last k inputs (window, batch x x x k).
@_export
def h53f_musyoku_qrnn(x=7, h=5, k=3):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W = nn.ParameterDict({g: _p(h, x, k) for g in "zfoi"})

        def forward(self, window, c_prev):
            a = {g: torch.einsum("bxk,hxk->bh", window, self.W[g]) for g in self.W}
            z = torch.tanh(a["z"])
            f, o, i = torch.sigmoid(a["f"]), torch.sigmoid(a["o"]), torch.sigmoid(a["i"])
            c = f * c_prev + i * z
            return o * c, c
    return Cell()


# stored file 62743873969 (class LSTMCell, French comments, bare code): Wf, Wu, Wc, Wo: (h + i, h) applied to
# concat(h_prev, x_t); bf, bu, bc, bo: (1, h); softmax output Wy: (h, o), by: (1, o).
# Count: 4*((h + i)*h + h) + h*o + o.
@_export
def h53f_frlstmcell_lstm(i=7, h=5, o=3):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.Wf, self.Wu, self.Wc, self.Wo = (_p(h + i, h) for _ in range(4))
            self.bf, self.bu, self.bc, self.bo = (_p(1, h) for _ in range(4))
            self.Wy, self.by = _p(h, o), _p(1, o)

        def forward(self, h_prev, c_prev, x_t):
            concat = torch.cat([h_prev, x_t], dim=1)
            f = torch.sigmoid(concat @ self.Wf + self.bf)
            u = torch.sigmoid(concat @ self.Wu + self.bu)
            c_t = torch.tanh(concat @ self.Wc + self.bc)
            c_next = f * c_prev + u * c_t
            o_t = torch.sigmoid(concat @ self.Wo + self.bo)
            h_next = o_t * torch.tanh(c_next)
            y = torch.softmax(h_next @ self.Wy + self.by, dim=1)
            return h_next, c_next, y
    return Cell()


# stored file 54724610263 (Spanish course module), RNN section: h_t = φ(W_h h_{t-1} + W_x x_t + b), the shared
# parameters listed as (W_h, W_x, b); the output ŷ_t = W_o h_t + b_o is called optional, not counted.
# W_h: h x h, W_x: h x x, b: h. Count: h*h + h*x + h.
@_export
def h53f_esredes_rnn(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_h, self.W_x, self.b = _p(h, h), _p(h, x), _p(h)

        def forward(self, x_t, h_prev):
            return torch.tanh(h_prev @ self.W_h.T + x_t @ self.W_x.T + self.b)
    return Cell()
