import torch
from torch import nn

__all__ = []


def _export(f):
    __all__.append(f.__name__)
    return f


def _p(*shape):
    return nn.Parameter(torch.randn(*shape) * 0.1)


# stored file id 28904724051 (Rust oxidize_ml GRUCell doc comment). Concatenated [h, x] weights, no biases
# written: W_z, W_r, W [h, h+x]. 3h(h+x).
@_export
def h25e_oxidize_gru(x=7, h=5):
    X, H = x, h

    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_z = _p(H, H + X)
            self.W_r = _p(H, H + X)
            self.W = _p(H, H + X)

        def forward(self, xt, hp):
            hx = torch.cat([hp, xt], -1)
            z = torch.sigmoid(hx @ self.W_z.T)
            r = torch.sigmoid(hx @ self.W_r.T)
            hh = torch.tanh(torch.cat([r * hp, xt], -1) @ self.W.T)
            return (1 - z) * hp + z * hh

    return Cell()


# stored file id 28904724051 (Rust oxidize_ml LSTMCell doc comment). W_i, W_f, W_o, W_g [h, h+x] and
# b_i, b_f, b_o, b_g [h]. 4(h(h+x) + h).
@_export
def h25e_oxidize_lstm(x=7, h=5):
    X, H = x, h

    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            for g in "ifog":
                setattr(self, "W_" + g, _p(H, H + X))
                setattr(self, "b_" + g, _p(H))

        def forward(self, xt, state):
            hp, cp = state
            hx = torch.cat([hp, xt], -1)
            pre = lambda g: hx @ getattr(self, "W_" + g).T + getattr(self, "b_" + g)
            i, f, o = (torch.sigmoid(pre(g)) for g in "ifo")
            g = torch.tanh(pre("g"))
            c = f * cp + i * g
            return o * torch.tanh(c), c

    return Cell()


# stored file id 44352592665 (mlpack GRU Forward comment). No biases: W_z, W_r, W_h [y, x]; U_z, U_r, U_h [y, y].
# 3(yx + y²).
@_export
def h25e_mlpackgru_gru(x=7, y=5):
    X, Y = x, y

    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            for g in "zrh":
                setattr(self, "W_" + g, _p(Y, X))
                setattr(self, "U_" + g, _p(Y, Y))

        def forward(self, xt, yp):
            z = torch.sigmoid(xt @ self.W_z.T + yp @ self.U_z.T)
            r = torch.sigmoid(xt @ self.W_r.T + yp @ self.U_r.T)
            hh = torch.tanh(xt @ self.W_h.T + r * (yp @ self.U_h.T))
            return (1 - z) * yp + z * hh

    return Cell()


# stored file id 45110387979 (C++ gru_forward comments). w_z, w_r, w_h [h, x]; u_z, u_r, u_h [h, h];
# b_z, b_r, b_h [h]; phi read as tanh. 3(hx + h² + h).
@_export
def h25e_gruforward_gru(x=7, h=5):
    X, H = x, h

    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            for g in "zrh":
                setattr(self, "w_" + g, _p(H, X))
                setattr(self, "u_" + g, _p(H, H))
                setattr(self, "b_" + g, _p(H))

        def forward(self, xt, hp):
            z = torch.sigmoid(xt @ self.w_z.T + hp @ self.u_z.T + self.b_z)
            r = torch.sigmoid(xt @ self.w_r.T + hp @ self.u_r.T + self.b_r)
            hh = torch.tanh(xt @ self.w_h.T + (r * hp) @ self.u_h.T + self.b_h)
            return (1 - z) * hp + z * hh

    return Cell()


# stored file id 9301407704 (Caffe ReNet LSTM /* Forward pass */ comment). Marked refuse (peephole shape open).
# Most plausible reading, as the layer's code does: full peephole matrices. W_{i,x}, W_{c,x}, W_{f,x}, W_{o,x}
# [h, x]; H_i, H_c, H_f, H_o [h, h]; W_{i,c}, W_{f,c}, W_{o,c} [h, h]; b_i, b_c, b_f, b_o [h].
# 4(hx + h² + h) + 3h².
@_export
def h25e_renet_lstm(x=7, h=5):
    X, H = x, h

    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            for g in "icfo":
                setattr(self, "W_" + g + "x", _p(H, X))
                setattr(self, "H_" + g, _p(H, H))
                setattr(self, "b_" + g, _p(H))
            for g in "ifo":
                setattr(self, "W_" + g + "c", _p(H, H))

        def _pre(self, g, xt, hp):
            return xt @ getattr(self, "W_" + g + "x").T + hp @ getattr(self, "H_" + g).T + getattr(self, "b_" + g)

        def forward(self, xt, state):
            hp, sp = state
            i = torch.sigmoid(self._pre("i", xt, hp) + sp @ self.W_ic.T)
            c = torch.tanh(self._pre("c", xt, hp))
            f = torch.sigmoid(self._pre("f", xt, hp) + sp @ self.W_fc.T)
            s = c * i + f * sp
            o = torch.sigmoid(self._pre("o", xt, hp) + s @ self.W_oc.T)
            return o * torch.tanh(s), s

    return Cell()


# stored file id 2463570748 (C# cuDNN binding, cudnnRNNMode.LSTM doc). W_i, W_f, W_o, W_c [h, x]; R_* [h, h];
# b_W* and b_R* [h] per gate. 4(hx + h² + 2h).
@_export
def h25e_cudnncs_lstm(x=7, h=5):
    X, H = x, h

    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            for g in "ifoc":
                setattr(self, "W_" + g, _p(H, X))
                setattr(self, "R_" + g, _p(H, H))
                setattr(self, "b_W" + g, _p(H))
                setattr(self, "b_R" + g, _p(H))

        def _pre(self, g, xt, hp):
            return (xt @ getattr(self, "W_" + g).T + hp @ getattr(self, "R_" + g).T
                    + getattr(self, "b_W" + g) + getattr(self, "b_R" + g))

        def forward(self, xt, state):
            hp, cp = state
            i, f, o = (torch.sigmoid(self._pre(g, xt, hp)) for g in "ifo")
            cc = torch.tanh(self._pre("c", xt, hp))
            c = f * cp + i * cc
            return o * torch.tanh(c), c

    return Cell()


# stored file id 2463570748 (C# cuDNN binding, cudnnRNNMode.GRU doc). W_i, W_r, W_h [h, x]; R_i, R_r, R_h [h, h];
# b_Wi, b_Ru (b_Ri), b_Wr, b_Rr, b_Wh, b_Rh [h]; the garbled h_t line read as the usual interpolation.
# 3(hx + h² + 2h).
@_export
def h25e_cudnncs_gru(x=7, h=5):
    X, H = x, h

    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            for g in "irh":
                setattr(self, "W_" + g, _p(H, X))
                setattr(self, "R_" + g, _p(H, H))
                setattr(self, "b_W" + g, _p(H))
                setattr(self, "b_R" + g, _p(H))

        def forward(self, xt, hp):
            i = torch.sigmoid(xt @ self.W_i.T + hp @ self.R_i.T + self.b_Wi + self.b_Ri)
            r = torch.sigmoid(xt @ self.W_r.T + hp @ self.R_r.T + self.b_Wr + self.b_Rr)
            hh = torch.tanh(xt @ self.W_h.T + r * (hp @ self.R_h.T) + self.b_Wh + self.b_Rh)
            return (1 - i) * hh + i * hp

    return Cell()


# stored file id 55562777856 (Java tafkir GRUCell javadoc): PyTorch's GRU cell, documented with its
# weight_ih [3h, x], weight_hh [3h, h], bias_ih, bias_hh [3h]. 3(hx + h² + 2h).
@_export
def h25e_tafkir_gru(x=7, h=5):
    return nn.GRUCell(x, h)


# stored file id 70463267609 (Rust axonml GRUCell::forward_step doc): PyTorch's GRU equations, W_ir..W_hn
# and b_ir..b_hn. 3(hx + h² + 2h).
@_export
def h25e_axonml_gru(x=7, h=5):
    return nn.GRUCell(x, h)


# stored file id 49398627322 (Swift forwardStep comments). Wi, Wf, Wc, Wo [h, h+x] and bi, bf, bc, bo [h].
# 4(h(h+x) + h).
@_export
def h25e_echoelswift_lstm(x=7, h=5):
    return h25e_oxidize_lstm(x=x, h=h)


# stored file id 59184428278 (JavaScript LSTMCell.forward comments). Wf, Wi, Wc, Wo [h, h+x] and
# bf, bi, bc, bo [h]. 4(h(h+x) + h).
@_export
def h25e_cheesejs_lstm(x=7, h=5):
    return h25e_oxidize_lstm(x=x, h=h)


# stored file id 53313145046 (C++ Eigen LSTM). Wf, Wi, Wo, Wc [hidden_size, input_size]; Uf, Ui, Uo, Uc
# [hidden_size, hidden_size]; bf, bi, bo, bc [hidden_size]. 4(hx + h² + h).
@_export
def h25e_eigenlstm_lstm(input_size=7, hidden_size=5):
    X, H = input_size, hidden_size

    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            for g in "fioc":
                setattr(self, "W" + g, _p(H, X))
                setattr(self, "U" + g, _p(H, H))
                setattr(self, "b" + g, _p(H))

        def _pre(self, g, xt, hp):
            return xt @ getattr(self, "W" + g).T + hp @ getattr(self, "U" + g).T + getattr(self, "b" + g)

        def forward(self, xt, state):
            hp, cp = state
            f, i, o = (torch.sigmoid(self._pre(g, xt, hp)) for g in "fio")
            cc = torch.tanh(self._pre("c", xt, hp))
            c = f * cp + i * cc
            return o * torch.tanh(c), c

    return Cell()


# stored file id 5841652507 (Rust GruWeights doc comment and field docs). W_z, W_r, W_h [hidden_dim, input_dim];
# U_z, U_r, U_h [hidden_dim, hidden_dim]; b_z, b_r, b_h [hidden_dim]. 3(hx + h² + h).
@_export
def h25e_gruweights_gru(input_dim=7, hidden_dim=5):
    return h25e_gruforward_gru(x=input_dim, h=hidden_dim)
