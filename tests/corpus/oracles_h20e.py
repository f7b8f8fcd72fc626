import torch
from torch import nn

__all__ = []


def _export(f):
    __all__.append(f.__name__)
    return f


def _p(*shape):
    return nn.Parameter(torch.randn(*shape) * 0.1)


# stored file id 47662914379 (Python module docstring "Equation of LSTM cells:" above class CustomLSTM;
# expect refuse: o_t is used in f. but never defined, and no shape of Uf, Vf, ... is given).
# One plausible reading (the usual LSTM, with an output gate like the others): per gate g in {f, i, g, o}
# U_g (h x x), V_g (h x h), b_g (h). 4h(x + h + 1).
@_export
def h20e_customlstm_lstm(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            for g in "figo":
                setattr(self, "U" + g, _p(h, x))
                setattr(self, "V" + g, _p(h, h))
                setattr(self, "b_" + g, _p(h))

        def _a(self, g, xt, hp):
            return getattr(self, "U" + g) @ xt + getattr(self, "V" + g) @ hp + getattr(self, "b_" + g)

        def forward(self, xt, hp, cp):
            f = torch.sigmoid(self._a("f", xt, hp))
            i = torch.sigmoid(self._a("i", xt, hp))
            g = torch.tanh(self._a("g", xt, hp))
            o = torch.sigmoid(self._a("o", xt, hp))
            c = i * g + f * cp
            return o * torch.tanh(c), c

    return Cell()


# stored file id 57057808781 (C header lstm.h, Doxygen @file comment "Architecture:"). The text writes the
# same recurrent matrix W_h (hidden_size x hidden_size) in all four gates; W_f, W_i, W_c, W_o
# (hidden_size x input_size), b_f, b_i, b_c, b_o (hidden_size).
# 4 hidden_size input_size + hidden_size^2 + 4 hidden_size.
@_export
def h20e_clstmh_lstm(input_size=7, hidden_size=5):
    x, h = input_size, hidden_size

    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_f, self.W_i, self.W_c, self.W_o = (_p(h, x) for _ in range(4))
            self.W_h = _p(h, h)
            self.b_f, self.b_i, self.b_c, self.b_o = (_p(h) for _ in range(4))

        def forward(self, xt, hp, cp):
            rh = self.W_h @ hp
            f = torch.sigmoid(self.W_f @ xt + rh + self.b_f)
            i = torch.sigmoid(self.W_i @ xt + rh + self.b_i)
            c = f * cp + i * torch.tanh(self.W_c @ xt + rh + self.b_c)
            o = torch.sigmoid(self.W_o @ xt + rh + self.b_o)
            return o * torch.tanh(c), c

    return Cell()


# stored file id 4731226836 (class RecurrentHighwayCell(jit.ScriptModule) docstring). Layers l = 0..L (the
# first uses I_{l = 0}, the last is s^L, which feeds back as s^{-1}), so L + 1 layers; W_h, W_t, W_c (s x x)
# only at l = 0; per layer R_hl, R_tl, R_cl (s x s) and b_hl, b_tl, b_cl (s).
# 3sx + 3(L + 1)(s^2 + s).
@_export
def h20e_rhcell_rhn(x=7, s=5, L=2):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_h, self.W_t, self.W_c = _p(s, x), _p(s, x), _p(s, x)
            self.R = nn.ParameterList([_p(s, s) for _ in range(3 * (L + 1))])
            self.b = nn.ParameterList([_p(s) for _ in range(3 * (L + 1))])

        def forward(self, xt, y_prev):
            sl = y_prev  # s^{-1}(t) = s^L(t - 1)
            for l in range(L + 1):
                ind = 1.0 if l == 0 else 0.0
                R_h, R_t, R_c = self.R[3 * l:3 * l + 3]
                b_h, b_t, b_c = self.b[3 * l:3 * l + 3]
                h = torch.tanh(ind * (self.W_h @ xt) + R_h @ sl + b_h)
                t = torch.tanh(ind * (self.W_t @ xt) + R_t @ sl + b_t)
                c = torch.tanh(ind * (self.W_c @ xt) + R_c @ sl + b_c)
                sl = h * t + c * sl
            return sl

    return Cell()


# MarcelWinterot/nano-keras nano_keras/layers/LSTM.py (LSTM.__call__ gate comments). Four numbered gates,
# each Wᵢₖ (h x x), Wᵣₖ (h x h), bₖ (h). 4h(x + h + 1).
@_export
def h20e_nanokeras_lstm(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_i = nn.ParameterList([_p(h, x) for _ in range(4)])
            self.W_r = nn.ParameterList([_p(h, h) for _ in range(4)])
            self.b = nn.ParameterList([_p(h) for _ in range(4)])

        def forward(self, xt, hp, cp):
            a = [self.W_i[k] @ xt + self.W_r[k] @ hp + self.b[k] for k in range(4)]
            f, i, o = torch.sigmoid(a[0]), torch.sigmoid(a[1]), torch.sigmoid(a[3])
            cand = torch.tanh(a[2])
            c = f * cp + i * cand
            return o * torch.tanh(c), c

    return Cell()


# stored file id 42506794294 (eu.luminis.brains GRULayer.java, /** Definitions / Functions / Parameters */).
# The candidate inside h_t is written with W_r, but the Parameters list names W_h, so W_h is a parameter
# of the cell too. W_z, W_r, W_h (h x x), U_z, U_r, U_h (h x h), b_z, b_r, b_h (h). 3h(x + h + 1).
@_export
def h20e_luminisbrains_gru(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_z, self.W_r, self.W_h = _p(h, x), _p(h, x), _p(h, x)
            self.U_z, self.U_r, self.U_h = _p(h, h), _p(h, h), _p(h, h)
            self.b_z, self.b_r, self.b_h = _p(h), _p(h), _p(h)

        def forward(self, xt, hp):
            z = torch.sigmoid(self.W_z @ xt + self.U_z @ hp + self.b_z)
            r = torch.sigmoid(self.W_r @ xt + self.U_r @ hp + self.b_r)
            return (1 - z) * hp + z * torch.tanh(self.W_r @ xt + self.U_h @ (r * hp) + self.b_h)

    return Cell()


# stored file id 56780832740 (C header BEAR_SIMD_H, "MinGRU Cell" banner comment and struct BearMinGRU).
# Despite the name, a full GRU: Wz, Wr, Wn [hid, in], Uz, Ur, Un [hid, hid], bz, br, bn [hid, 1].
# 3h(x + h + 1).
@_export
def h20e_bearsimd_gru(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.Wz, self.Wr, self.Wn = _p(h, x), _p(h, x), _p(h, x)
            self.Uz, self.Ur, self.Un = _p(h, h), _p(h, h), _p(h, h)
            self.bz, self.br, self.bn = _p(h, 1), _p(h, 1), _p(h, 1)

        def forward(self, xt, hp):
            # row vectors: x @ W^T with W stored [hid, in]
            z = torch.sigmoid(xt @ self.Wz.T + hp @ self.Uz.T + self.bz[:, 0])
            r = torch.sigmoid(xt @ self.Wr.T + hp @ self.Ur.T + self.br[:, 0])
            n = torch.tanh(xt @ self.Wn.T + r * (hp @ self.Un.T) + self.bn[:, 0])
            return z * hp + (1 - z) * n

    return Cell()


# deephealthproject/eddl src/layers/recurrent/layer_gru.cpp (LGRU::forward comment, ONNX GRU with
# linear_before_reset != 0). The comment says (Wbz + Ubz) is one attribute bias_z_t and (Wbr + Ubr) one
# attribute bias_r_t, while Wbn and Ubn are two (bias_n_t, bias_n_t_hidden): four bias vectors.
# Wz_x, Wr_x, Wn_x (h x x), Uz_h, Ur_h, Un_h (h x h). 3h(x + h) + 4h.
@_export
def h20e_eddl_gru(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.Wz_x, self.Wr_x, self.Wn_x = _p(h, x), _p(h, x), _p(h, x)
            self.Uz_h, self.Ur_h, self.Un_h = _p(h, h), _p(h, h), _p(h, h)
            self.bias_z_t, self.bias_r_t = _p(h), _p(h)
            self.bias_n_t, self.bias_n_t_hidden = _p(h), _p(h)

        def forward(self, xt, hp):
            z = torch.sigmoid(xt @ self.Wz_x.T + hp @ self.Uz_h.T + self.bias_z_t)
            r = torch.sigmoid(xt @ self.Wr_x.T + hp @ self.Ur_h.T + self.bias_r_t)
            n = torch.tanh(xt @ self.Wn_x.T + self.bias_n_t + r * (hp @ self.Un_h.T + self.bias_n_t_hidden))
            return (1 - z) * n + z * hp

    return Cell()


# stored file id 52640460352 (C "LSTM-MLP Model Implementation in C", doc comment of lstm_cell_forward).
# Per gate W_i* (h x x), W_h* (h x h), one bias b_* (h). 4h(x + h + 1).
@_export
def h20e_socmodel_lstm(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_i = nn.ParameterDict({g: _p(h, x) for g in "ifgo"})
            self.W_h = nn.ParameterDict({g: _p(h, h) for g in "ifgo"})
            self.b = nn.ParameterDict({g: _p(h) for g in "ifgo"})

        def forward(self, xt, hp, cp):
            a = {g: self.W_i[g] @ xt + self.W_h[g] @ hp + self.b[g] for g in "ifgo"}
            i, f, o = torch.sigmoid(a["i"]), torch.sigmoid(a["f"]), torch.sigmoid(a["o"])
            g = torch.tanh(a["g"])
            c = f * cp + i * g
            return o * torch.tanh(c), c

    return Cell()


# stored file id 3400428255 (class mLSTMCell docstring; expect refuse: no equation and no weight shape, only
# a citation of Krause et al. inside .. math::, and a bias "for the linear transformation from
# multiplicative->hidden"). One plausible reading (the multiplicative LSTM of the citation as the class
# implements it): m = (W_mx x) * (W_mh h); gates = W_x x + W_h m + b, four gates.
# W_x (4h x d), W_h (4h x h) with bias, W_mx (h x d), W_mh (h x h): 5hd + 5h^2 + 4h.
@_export
def h20e_mlstmcell_mlstm(data_size=7, hidden_size=5):
    d, h = data_size, hidden_size

    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.wx = nn.Linear(d, 4 * h, bias=False)
            self.wh = nn.Linear(h, 4 * h, bias=True)
            self.wmx = nn.Linear(d, h, bias=False)
            self.wmh = nn.Linear(h, h, bias=False)

        def forward(self, xt, hp, cp):
            m = self.wmx(xt) * self.wmh(hp)
            i, f, o, u = (self.wx(xt) + self.wh(m)).chunk(4, -1)
            c = torch.sigmoid(f) * cp + torch.sigmoid(i) * torch.tanh(u)
            return torch.sigmoid(o) * torch.tanh(c), c

    return Cell()


# stored file id 57603074483 (class CelulaDGM docstring, Deep Galerkin Method layer). Four gates Z, G, R, H,
# each W (S x (x + S)) on a concatenation, and one bias (S). 4S(x + S + 1).
@_export
def h20e_celuladgm_dgm(x=7, S=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_z, self.W_g, self.W_r, self.W_h = (_p(S, x + S) for _ in range(4))
            self.b_z, self.b_g, self.b_r, self.b_h = (_p(S) for _ in range(4))

        def forward(self, xt, s):
            xs = torch.cat([xt, s])
            Z = torch.sigmoid(self.W_z @ xs + self.b_z)
            G = torch.sigmoid(self.W_g @ xs + self.b_g)
            R = torch.sigmoid(self.W_r @ xs + self.b_r)
            H = torch.tanh(self.W_h @ torch.cat([xt, R * s]) + self.b_h)
            return (1 - G) * H + Z * s

    return Cell()


# stored file id 61505292113 (class GRUGatedResidual docstring). The equations have no bias terms:
# W_z, W_r, W (h x x), U_z, U_r, U (h x h). 3h(x + h).
@_export
def h20e_grugatedresidual_gru(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_z, self.W_r, self.W = _p(h, x), _p(h, x), _p(h, x)
            self.U_z, self.U_r, self.U = _p(h, h), _p(h, h), _p(h, h)

        def forward(self, xt, hp):
            z = torch.sigmoid(self.W_z @ xt + self.U_z @ hp)
            r = torch.sigmoid(self.W_r @ xt + self.U_r @ hp)
            ht = torch.tanh(self.W @ xt + self.U @ (r * hp))
            return (1 - z) * hp + z * ht

    return Cell()
