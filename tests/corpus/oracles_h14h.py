"""Oracles for the h14h set-aside snippets (research notes, wiki / knowledge-base pages, survey notes).

Each oracle returns an nn.Module whose parameters are exactly the weights the snippet's text names,
with a forward doing one step of the equations as written.
"""
import torch
from torch import nn

__all__ = []


def _export(f):
    __all__.append(f.__name__)
    return f


def _p(*shape):
    return nn.Parameter(torch.randn(*shape) * 0.1)


# ---------------------------------------------------------------------------
# stored file 58768863804 (Obsidian wiki note "RNN and LSTM", ## The Math):
# f, i, C~, o each = act(W_? [h_{t-1}, x_t] + b_?).  4 * (h*(h+x) + h)
# ---------------------------------------------------------------------------
@_export
def h14h_obsvault_lstm(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_f = nn.Linear(h + x, h)
            self.W_i = nn.Linear(h + x, h)
            self.W_C = nn.Linear(h + x, h)
            self.W_o = nn.Linear(h + x, h)

        def forward(self, xt, state):
            hp, cp = state
            z = torch.cat([hp, xt], -1)
            f = torch.sigmoid(self.W_f(z))
            i = torch.sigmoid(self.W_i(z))
            ct = torch.tanh(self.W_C(z))
            c = f * cp + i * ct
            o = torch.sigmoid(self.W_o(z))
            return o * torch.tanh(c), c

    return Cell()


# ---------------------------------------------------------------------------
# stored file 1966366760 (note "Understanding the RNN Update Rule"):
# h_t = tanh(W_hh h_{t-1} + W_xh x_t), no bias.  h*h + h*x
# ---------------------------------------------------------------------------
@_export
def h14h_rnnrule_elman(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_hh = _p(h, h)
            self.W_xh = _p(h, x)

        def forward(self, xt, hp):
            return torch.tanh(hp @ self.W_hh.T + xt @ self.W_xh.T)

    return Cell()


# ---------------------------------------------------------------------------
# stored file 39860172606 (Korean README "MinRNN Research"): REFUSE snippet.  c_t is never
# defined.  One plausible reading (minGRU of Feng et al. with the biases the text does not write):
# g_t = sigma(W_g x_t), c_t = W_c x_t, both h x x without bias.  2*h*x
# ---------------------------------------------------------------------------
@_export
def h14h_minrnnko_mingru(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_g = _p(h, x)
            self.W_c = _p(h, x)

        def forward(self, xt, hp):
            g = torch.sigmoid(xt @ self.W_g.T)
            c = xt @ self.W_c.T
            return g * hp + (1 - g) * c

    return Cell()


# ---------------------------------------------------------------------------
# stored file 56861636462 (Vietnamese Typst LSTM notes): f, i, c~, o = act(W_? x_t + U_? h_(t-1) + b_?).
# 4 * (h*x + h*h + h)
# ---------------------------------------------------------------------------
@_export
def h14h_vityp_lstm(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            for g in "fico":
                setattr(self, f"W_{g}", _p(h, x))
                setattr(self, f"U_{g}", _p(h, h))
                setattr(self, f"b_{g}", _p(h))

        def _pre(self, g, xt, hp):
            return xt @ getattr(self, f"W_{g}").T + hp @ getattr(self, f"U_{g}").T + getattr(self, f"b_{g}")

        def forward(self, xt, state):
            hp, cp = state
            f = torch.sigmoid(self._pre("f", xt, hp))
            i = torch.sigmoid(self._pre("i", xt, hp))
            ct = torch.tanh(self._pre("c", xt, hp))
            c = f * cp + i * ct
            o = torch.sigmoid(self._pre("o", xt, hp))
            return o * torch.tanh(c), c

    return Cell()


# ---------------------------------------------------------------------------
# stored file 32218773464 (Chinese Typst book page, GRU): r, z = sigma(W_?h h + W_?x x + b_?),
# h~ = phi[W_hh (r . h) + W_hx x + b_h], h = z . h + (1-z) . h~.  3 * (h*h + h*x + h)
# ---------------------------------------------------------------------------
@_export
def h14h_zhtyp_gru(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            for g in "rzh":
                setattr(self, f"W_{g}h", _p(h, h))
                setattr(self, f"W_{g}x", _p(h, x))
                setattr(self, f"b_{g}", _p(h))

        def forward(self, xt, hp):
            r = torch.sigmoid(hp @ self.W_rh.T + xt @ self.W_rx.T + self.b_r)
            z = torch.sigmoid(hp @ self.W_zh.T + xt @ self.W_zx.T + self.b_z)
            hc = torch.tanh((r * hp) @ self.W_hh.T + xt @ self.W_hx.T + self.b_h)
            return z * hp + (1 - z) * hc

    return Cell()


# ---------------------------------------------------------------------------
# stored file 11692791730 (Chinese Typst note on Hydro-LSTM, HydroLSTMCell, case d_h > 1):
# W_in in R^(d_h x 4 x d_x) (reshaped to 4 d_h x d_x), W_rec in R^(4 x d_h) used as
# W_rec . diag(h_(t-1)) (one recurrent weight per unit and gate), b in R^(4 x d_h).
# 4*d_h*d_x + 4*d_h + 4*d_h
# ---------------------------------------------------------------------------
@_export
def h14h_hydrolstm(d_x=7, d_h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_in = _p(d_h, 4, d_x)
            self.W_rec = _p(4, d_h)
            self.b = _p(4, d_h)

        def forward(self, xt, state):
            hp, cp = state  # (d_h,), (d_h,)
            A1 = (self.W_in.reshape(4 * d_h, d_x) @ xt).reshape(4, d_h)
            A2 = self.W_rec @ torch.diag(hp)
            Z = A2 + self.b + A1
            f, i, o = torch.sigmoid(Z[0]), torch.sigmoid(Z[1]), torch.sigmoid(Z[2])
            g = torch.tanh(Z[3])
            c = f * cp + i * g
            return o * torch.tanh(c), c

    return Cell()


# ---------------------------------------------------------------------------
# stored file 63046745279 (English Typst note "Gated Recurrent Networks", GRU):
# z, r = sigma(W_(? h) h + W_(? x) x + b_?), h~ = tanh(W_(h h)(r . h) + W_(h x) x + b_h).
# 3 * (h*h + h*x + h)
# ---------------------------------------------------------------------------
@_export
def h14h_gatedtyp_gru(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            for g in "zrh":
                setattr(self, f"W_{g}h", _p(h, h))
                setattr(self, f"W_{g}x", _p(h, x))
                setattr(self, f"b_{g}", _p(h))

        def forward(self, xt, hp):
            z = torch.sigmoid(hp @ self.W_zh.T + xt @ self.W_zx.T + self.b_z)
            r = torch.sigmoid(hp @ self.W_rh.T + xt @ self.W_rx.T + self.b_r)
            hc = torch.tanh((r * hp) @ self.W_hh.T + xt @ self.W_hx.T + self.b_h)
            return (1 - z) * hp + z * hc

    return Cell()


# ---------------------------------------------------------------------------
# stored file 52933407176 (Chinese design doc, 4.1.2 sLSTM): x_t, h_(t-1) in R^D;
# [i,f,z,o] = [W_i,W_f,W_z,W_o] . [x_t; h_(t-1)] + [b_i,...]: each W_* is D x 2D.
# 4 * (D*2D + D)
# ---------------------------------------------------------------------------
@_export
def h14h_battdesign_slstm(D=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W = nn.Linear(2 * D, 4 * D)  # stacked W_i, W_f, W_z, W_o with b_i, b_f, b_z, b_o

        def forward(self, xt, state):
            hp, cp, npv = state
            i, f, z, o = self.W(torch.cat([xt, hp], -1)).chunk(4, -1)
            i, f, z, o = torch.exp(i), torch.exp(f), torch.tanh(z), torch.sigmoid(o)
            c = f * cp + i * z
            n = f * npv + i
            return o * torch.tanh(c / n), c, n

    return Cell()


# ---------------------------------------------------------------------------
# stored file 51862645926 (Japanese Typst study-group slides, RNNの基本構造):
# h_t = sigma(W_h h_(t-1) + W_i x_t), y_t = W_o h_t, no biases.  h*h + h*x + y*h
# ---------------------------------------------------------------------------
@_export
def h14h_kmcslides_elman(x=7, h=5, y=3):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_h = _p(h, h)
            self.W_i = _p(h, x)
            self.W_o = _p(y, h)

        def forward(self, xt, hp):
            hn = torch.tanh(hp @ self.W_h.T + xt @ self.W_i.T)
            return hn @ self.W_o.T, hn

    return Cell()


# ---------------------------------------------------------------------------
# stored file 19082369113 (English Typst note "GRU"): z, r = sigma(W_? [h, x] + b_?),
# h~ = tanh(W_h [r . h, x] + b_h), h = (1-z) . h + z . h~.  3 * (h*(h+x) + h)
# ---------------------------------------------------------------------------
@_export
def h14h_noteworthy_gru(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_z = nn.Linear(h + x, h)
            self.W_r = nn.Linear(h + x, h)
            self.W_h = nn.Linear(h + x, h)

        def forward(self, xt, hp):
            z = torch.sigmoid(self.W_z(torch.cat([hp, xt], -1)))
            r = torch.sigmoid(self.W_r(torch.cat([hp, xt], -1)))
            hc = torch.tanh(self.W_h(torch.cat([r * hp, xt], -1)))
            return (1 - z) * hp + z * hc

    return Cell()
