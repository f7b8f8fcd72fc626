import torch
from torch import nn

__all__ = []


def _export(f):
    __all__.append(f.__name__)
    return f


def _p(*shape):
    return nn.Parameter(torch.randn(*shape) * 0.1)


# stored file id 58165881298 (Go, package gan_go, GRULayer doc comment). Packed row-vector weights:
# W [x, 3H] (InputWeightNode), U [H, 3H] (HiddenWeightNode), one bias b [1, 3H] on the input projection
# (BiasNode, "optional"; the equations use it). The candidate reuses the n-columns of the same U on r ⊙ h.
# 3H(x + H + 1).
@_export
def h22e_gango_gru(x=7, H=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W, self.U, self.b = _p(x, 3 * H), _p(H, 3 * H), _p(1, 3 * H)

        def forward(self, xt, hp):
            px = xt @ self.W + self.b
            ph = hp @ self.U
            r = torch.sigmoid(px[..., :H] + ph[..., :H])
            z = torch.sigmoid(px[..., H:2 * H] + ph[..., H:2 * H])
            n = torch.tanh(px[..., 2 * H:] + ((r * hp) @ self.U)[..., 2 * H:])
            return (1 - z) * n + z * hp

    return Cell()


# stored file id 57077545400 (Go, Go-NN-Learn layers, lstmDirection + LSTMCell.Forward comment).
# Per gate W_i* [h, x], W_h* [h, h], one bias b_* [h]; gates i, f, g, o. 4h(x + h + 1).
@_export
def h22e_gonnlearn_lstm(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            for g in "ifgo":
                setattr(self, "Wi" + g, _p(h, x))
                setattr(self, "Wh" + g, _p(h, h))
                setattr(self, "b" + g, _p(h))

        def pre(self, g, xt, hp):
            return getattr(self, "Wi" + g) @ xt + getattr(self, "Wh" + g) @ hp + getattr(self, "b" + g)

        def forward(self, xt, state):
            hp, cp = state
            i = torch.sigmoid(self.pre("i", xt, hp))
            f = torch.sigmoid(self.pre("f", xt, hp))
            g = torch.tanh(self.pre("g", xt, hp))
            o = torch.sigmoid(self.pre("o", xt, hp))
            c = f * cp + i * g
            return o * torch.tanh(c), c

    return Cell()


# stored file id 62110735727 (Swift, MLXSTMBot mLSTM doc comment). Marked refuse: the key/query size is
# open. Most plausible reading (the file's own init): six Linear projections of [x_t; h_{t-1}] to h with
# bias (W_*, U_*, b_* for i, f, o, k, v, q), k and q of size h, gates broadcast over rows of C.
# 6h(x + h + 1).
@_export
def h22e_mlxstmbot_mlstm(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            for g in "ifokvq":
                setattr(self, "W_" + g, _p(h, x))
                setattr(self, "U_" + g, _p(h, h))
                setattr(self, "b_" + g, _p(h))

        def pre(self, g, xt, hp):
            return getattr(self, "W_" + g) @ xt + getattr(self, "U_" + g) @ hp + getattr(self, "b_" + g)

        def forward(self, xt, state):
            hp, Cp = state
            i, f, o = (torch.sigmoid(self.pre(g, xt, hp)) for g in "ifo")
            k, v, q = (self.pre(g, xt, hp) for g in "kvq")
            C = f[:, None] * Cp + i[:, None] * torch.outer(v, k)
            return o * torch.tanh(C @ q), C

    return Cell()


# stored file id 56794872997 (C, jax_simd.h "MinGRU Cell" comment and JaxMinGRU struct). Despite the
# name, a full GRU: Wz, Wr, Wn [hid, in], Uz, Ur, Un [hid, hid], bz, br, bn [hid, 1]; x @ W read with the
# stored [hid, in] transposed. 3h(x + h + 1).
@_export
def h22e_jaxsimd_gru(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            for g in "zrn":
                setattr(self, "W" + g, _p(h, x))
                setattr(self, "U" + g, _p(h, h))
                setattr(self, "b" + g, _p(h, 1))

        def forward(self, xt, hp):
            z = torch.sigmoid(xt @ self.Wz.T + hp @ self.Uz.T + self.bz[:, 0])
            r = torch.sigmoid(xt @ self.Wr.T + hp @ self.Ur.T + self.br[:, 0])
            n = torch.tanh(xt @ self.Wn.T + r * (hp @ self.Un.T) + self.bn[:, 0])
            return z * hp + (1 - z) * n

    return Cell()


# stored file id 58595594300 (Rust RMVPE gru_cell_step doc comment): PyTorch nn.GRU layout, w_ih
# [3h, x], w_hh [3h, h], b_ih, b_hh [3h]; the text documents torch.nn.GRUCell, so the framework module.
# 3h(x + h + 2).
@_export
def h22e_vokra_gru(x=7, h=5):
    return nn.GRUCell(x, h)


# stored file id 12278056928 (MATLAB classdef model_lstm). hidden_size fixed to 16 by the constructor;
# x = alphabet_size (one-hot, applied by column selection). Per gate W_* (16 x A), U_* (16 x 16), b_*
# (16); softmax output layer W_hy (A x 16), b_y (A). 4*16*(A + 16 + 1) + A*(16 + 1) = 1655 for A = 7.
@_export
def h22e_arithlstm_lstm(alphabet_size=7):
    A, H = alphabet_size, 16

    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            for g in "fico":
                setattr(self, "W_" + g, _p(H, A))
                setattr(self, "U_" + g, _p(H, H))
                setattr(self, "b_" + g, _p(H))
            self.W_hy, self.b_y = _p(A, H), _p(A)

        def pre(self, g, x_idx, hp):
            return getattr(self, "W_" + g)[:, x_idx] + getattr(self, "U_" + g) @ hp + getattr(self, "b_" + g)

        def forward(self, x_idx, state):
            hp, cp = state
            f = torch.sigmoid(self.pre("f", x_idx, hp))
            i = torch.sigmoid(self.pre("i", x_idx, hp))
            ct = torch.tanh(self.pre("c", x_idx, hp))
            c = f * cp + i * ct
            o = torch.sigmoid(self.pre("o", x_idx, hp))
            hn = o * torch.tanh(c)
            p = torch.softmax(self.W_hy @ hn + self.b_y, dim=0)
            return p, (hn, c)

    return Cell()


# stored file id 40742272185 (Lua Oxford Practical 5 header). Marked refuse: linear(x_t, h_{t-1}) is
# undefined. Most plausible reading: one affine map of [x_t; h_{t-1}] with one bias per gate (i, f, c, o).
# 4h(x + h + 1).
@_export
def h22e_oxpractical_lstm(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.lin = nn.ModuleDict({g: nn.Linear(x + h, h) for g in "ifco"})

        def forward(self, xt, state):
            hp, cp = state
            xh = torch.cat([xt, hp], -1)
            i = torch.sigmoid(self.lin["i"](xh))
            f = torch.sigmoid(self.lin["f"](xh))
            c = f * cp + i * torch.tanh(self.lin["c"](xh))
            o = torch.sigmoid(self.lin["o"](xh))
            return o * torch.tanh(c), c

    return Cell()


# stored file id 69388596437 (Kotlin GruClassifier KDoc and gate fields). wX [3*hiddenDim][inputDim],
# wH [3*hiddenDim][hiddenDim], bGate [3*hiddenDim] (the text's W_x*, W_h*, b_* per gate, packed); the
# classification head after the excerpt is not part of it. 3*hiddenDim*(inputDim + hiddenDim + 1)
# = 9216 for 63, 32.
@_export
def h22e_neurophone_gru(inputDim=63, hiddenDim=32):
    H = hiddenDim

    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.wX, self.wH, self.bGate = _p(3 * H, inputDim), _p(3 * H, H), _p(3 * H)

        def forward(self, xt, hp):
            gx = self.wX @ xt + self.bGate
            z = torch.sigmoid(gx[:H] + self.wH[:H] @ hp)
            r = torch.sigmoid(gx[H:2 * H] + self.wH[H:2 * H] @ hp)
            hc = torch.tanh(gx[2 * H:] + self.wH[2 * H:] @ (r * hp))
            return (1 - z) * hp + z * hc

    return Cell()


# stored file id 8994005629 (C# AiDotNet CudaGruKernels remarks). W_z, W_r, W_h [h, x], U_z, U_r, U_h
# [h, h], b_z, b_r, b_h [h]. 3h(x + h + 1).
@_export
def h22e_aidotnet_gru(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            for g in "zrh":
                setattr(self, "W_" + g, _p(h, x))
                setattr(self, "U_" + g, _p(h, h))
                setattr(self, "b_" + g, _p(h))

        def forward(self, xt, hp):
            z = torch.sigmoid(self.W_z @ xt + self.U_z @ hp + self.b_z)
            r = torch.sigmoid(self.W_r @ xt + self.U_r @ hp + self.b_r)
            ht = torch.tanh(self.W_h @ xt + self.U_h @ (r * hp) + self.b_h)
            return (1 - z) * hp + z * ht

    return Cell()


# stored file id 60178314001 (JavaScript LSTMNetwork JSDoc and constructor). Per gate W_* (h x (x + h))
# on [h, x] and b_* (h x 1); gates f, i, g, o. 4h(x + h + 1).
@_export
def h22e_genmodels_lstm(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            for g in "figo":
                setattr(self, "W" + g, _p(h, h + x))
                setattr(self, "b" + g, _p(h, 1))

        def pre(self, g, hx):
            return getattr(self, "W" + g) @ hx + getattr(self, "b" + g)[:, 0]

        def forward(self, xt, state):
            hp, cp = state
            hx = torch.cat([hp, xt], -1)
            f = torch.sigmoid(self.pre("f", hx))
            i = torch.sigmoid(self.pre("i", hx))
            g = torch.tanh(self.pre("g", hx))
            o = torch.sigmoid(self.pre("o", hx))
            c = f * cp + i * g
            return o * torch.tanh(c), c

    return Cell()


# stored file id 35632750148 (CUDA lstm_cell_kernel doc comment). w_i* [h, x], w_h* [h, h], b_* [h] for
# i, f, g, o; σ_s(x) = sigmoid(x/φ) has no parameter. 4h(x + h + 1).
@_export
def h22e_syntonic_lstm(x=7, h=5):
    phi = (1 + 5 ** 0.5) / 2

    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            for g in "ifgo":
                setattr(self, "w_i" + g, _p(h, x))
                setattr(self, "w_h" + g, _p(h, h))
                setattr(self, "b_" + g, _p(h))

        def pre(self, g, xt, hp):
            return getattr(self, "w_i" + g) @ xt + getattr(self, "w_h" + g) @ hp + getattr(self, "b_" + g)

        def forward(self, xt, state):
            hp, cp = state
            ss = lambda v: torch.sigmoid(v / phi)
            i, f, o = ss(self.pre("i", xt, hp)), ss(self.pre("f", xt, hp)), ss(self.pre("o", xt, hp))
            g = torch.tanh(self.pre("g", xt, hp))
            c = f * cp + i * g
            return o * torch.tanh(c), c

    return Cell()


# stored file id 53102034476 (Python lstm_step docstring). Per gate W_x* [h, x], W_h* [h, h], b_* [h] for
# f, i, g, o. 4h(x + h + 1).
@_export
def h22e_rnnvsgru_lstm(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            for g in "figo":
                setattr(self, "W_x" + g, _p(h, x))
                setattr(self, "W_h" + g, _p(h, h))
                setattr(self, "b_" + g, _p(h))

        def pre(self, g, xt, hp):
            return getattr(self, "W_x" + g) @ xt + getattr(self, "W_h" + g) @ hp + getattr(self, "b_" + g)

        def forward(self, xt, state):
            hp, cp = state
            f = torch.sigmoid(self.pre("f", xt, hp))
            i = torch.sigmoid(self.pre("i", xt, hp))
            g = torch.tanh(self.pre("g", xt, hp))
            c = f * cp + i * g
            o = torch.sigmoid(self.pre("o", xt, hp))
            return o * torch.tanh(c), c

    return Cell()


# stored file id 16167304515 (Scala Spatial LSTMForward header). W^i, W^f, W^o, W^g [D_h, d], U^* [D_h, D_h],
# biases bias0, bias1, bias2 [D_h] on i, f, o only (g_t has none). 4 D_h (d + D_h) + 3 D_h.
@_export
def h22e_spatial_lstm(d=7, D_h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            for g in "ifog":
                setattr(self, "W_" + g, _p(D_h, d))
                setattr(self, "U_" + g, _p(D_h, D_h))
            self.bias0, self.bias1, self.bias2 = _p(D_h), _p(D_h), _p(D_h)

        def forward(self, xt, state):
            hp, cp = state
            i = torch.sigmoid(self.W_i @ xt + self.U_i @ hp + self.bias0)
            f = torch.sigmoid(self.W_f @ xt + self.U_f @ hp + self.bias1)
            o = torch.sigmoid(self.W_o @ xt + self.U_o @ hp + self.bias2)
            g = torch.tanh(self.W_g @ xt + self.U_g @ hp)
            c = f * cp + i * g
            return o * torch.tanh(c), c

    return Cell()


# stored file id 7429363617 (Java TinyAI v2 LSTM javadoc and fields). The javadoc's W_f @ [h_{t-1}, x_t]
# is the fields' W_if [h, x] and W_hf [h, h]; one bias per gate; gates i, f, g (= c_tilde), o.
# 4h(x + h + 1).
@_export
def h22e_tinyai_lstm(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            for g in "ifgo":
                setattr(self, "W_i" + g, _p(h, x))
                setattr(self, "W_h" + g, _p(h, h))
                setattr(self, "b_" + g, _p(h))

        def pre(self, g, xt, hp):
            return getattr(self, "W_i" + g) @ xt + getattr(self, "W_h" + g) @ hp + getattr(self, "b_" + g)

        def forward(self, xt, state):
            hp, cp = state
            f = torch.sigmoid(self.pre("f", xt, hp))
            i = torch.sigmoid(self.pre("i", xt, hp))
            o = torch.sigmoid(self.pre("o", xt, hp))
            ct = torch.tanh(self.pre("g", xt, hp))
            c = f * cp + i * ct
            return o * torch.tanh(c), c

    return Cell()
