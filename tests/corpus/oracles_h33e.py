import torch
from torch import nn

__all__ = []


def _export(f):
    __all__.append(f.__name__)
    return f


def _p(*shape):
    return nn.Parameter(torch.randn(*shape) * 0.1)


# stored file id 48229647081 (Lean 4 ExpressivityGap, structure MinGRU). z = sigmoid(W_z x),
# h~ = W_h x, h = (1 - z) h_prev + z h~; x and h both of size dim; no biases. 2 dim^2.
@_export
def h33e_lean_mingru(dim=6):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_z, self.W_h = _p(dim, dim), _p(dim, dim)

        def forward(self, x, hp):
            z = torch.sigmoid(self.W_z @ x)
            ht = self.W_h @ x
            return (1 - z) * hp + z * ht

    return Cell()


# stored file id 48229647081 (Lean 4 ExpressivityGap, structure MinLSTM; marked refuse). Plausible
# reading (minLSTM of Feng et al. without biases, as the MinGRU above): f = sigmoid(W_f x),
# i = sigmoid(W_i x), h~ = W_h x, h = f' h_prev + i' h~ with f', i' normalised. 3 dim^2.
@_export
def h33e_lean_minlstm(dim=6):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_f, self.W_i, self.W_h = _p(dim, dim), _p(dim, dim), _p(dim, dim)

        def forward(self, x, hp):
            f = torch.sigmoid(self.W_f @ x)
            i = torch.sigmoid(self.W_i @ x)
            s = f + i
            return (f / s) * hp + (i / s) * (self.W_h @ x)

    return Cell()


# stored file id 44176531825 (Go package brain, type Network). weights1: (InputSize + HiddenSize) x
# HiddenSize on [inputs, hiddenState], tanh; weights2: HiddenSize x OutputSize, tanh; no biases.
# (I + H) H + H O.
@_export
def h33e_gobrain_elman(InputSize=7, HiddenSize=5, OutputSize=3):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.weights1 = _p(InputSize + HiddenSize, HiddenSize)
            self.weights2 = _p(HiddenSize, OutputSize)

        def forward(self, x, hp):
            h = torch.tanh(torch.cat([x, hp]) @ self.weights1)
            return torch.tanh(h @ self.weights2), h

    return Cell()


# stored file id 55441573843 (MATLAB my_lstm). Per gate f, i, g, o: W (H x d), U (H x H), b (H);
# output layer Wy (1 x H), by (1). 4(H d + H^2 + H) + H + 1.
@_export
def h33e_matlab_mylstm(d=7, H=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            for g in "figo":
                setattr(self, "W" + g, _p(H, d))
                setattr(self, "U" + g, _p(H, H))
                setattr(self, "b" + g, _p(H))
            self.Wy, self.by = _p(1, H), _p(1)

        def forward(self, x, hp, cp):
            z = {g: getattr(self, "W" + g) @ x + getattr(self, "U" + g) @ hp + getattr(self, "b" + g)
                 for g in "figo"}
            f, i, o = torch.sigmoid(z["f"]), torch.sigmoid(z["i"]), torch.sigmoid(z["o"])
            g = torch.tanh(z["g"])
            c = f * cp + i * g
            h = o * torch.tanh(c)
            return self.Wy @ h + self.by, h, c

    return Cell()


# stored file id 62536678042 (Rust ValuePrefixLstm; marked refuse: SUPPORT.size() not in the
# excerpt). Plausible reading with SUPPORT.size() = 41 (2*20+1 further down the file): gi, gf, gg,
# go Linear(input_size + hidden_size -> hidden_size, bias) on [x, h]; prefix_head Linear(hidden_size
# -> 41, bias). 4 h (x + h + 1) + 41 (h + 1).
@_export
def h33e_rustmyzero_vplstm(input_size=7, hidden_size=5, support=41):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            n = input_size + hidden_size
            self.gi, self.gf = nn.Linear(n, hidden_size), nn.Linear(n, hidden_size)
            self.gg, self.go = nn.Linear(n, hidden_size), nn.Linear(n, hidden_size)
            self.prefix_head = nn.Linear(hidden_size, support)

        def forward(self, x, h, c):
            xh = torch.cat([x, h], -1)
            i, f = torch.sigmoid(self.gi(xh)), torch.sigmoid(self.gf(xh))
            g, o = torch.tanh(self.gg(xh)), torch.sigmoid(self.go(xh))
            c = f * c + i * g
            h = o * torch.tanh(c)
            return self.prefix_head(h), h, c

    return Cell()


# stored file id 35122479971 (SystemVerilog module gru, d = 5, h = 3). Ports w_ir, w_iz, w_in (h x d),
# w_hr, w_hz, w_hn (h x h), biases b_ir, b_iz, b_in, b_hr, b_hz, b_hn (h): the PyTorch GRU cell.
# 3 h (d + h + 2) = 90.
@_export
def h33e_svgru_gru(d=5, h=3):
    return nn.GRUCell(d, h)


# stored file id 61436776606 (C lstm_create / lstm_forward). Wi, Wf, Wo, Wc dense (input_size ->
# hidden_size) with bias; Ui, Uf, Uo, Uc dense (hidden_size -> hidden_size) without bias.
# 4 (x h + h + h^2) = 4 h (x + h + 1).
@_export
def h33e_clstmcell_lstm(input_size=7, hidden_size=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            for g in "ifoc":
                setattr(self, "W" + g, nn.Linear(input_size, hidden_size, bias=True))
                setattr(self, "U" + g, nn.Linear(hidden_size, hidden_size, bias=False))

        def forward(self, x, hp, cp):
            a = {g: getattr(self, "W" + g)(x) + getattr(self, "U" + g)(hp) for g in "ifoc"}
            i, f, o = torch.sigmoid(a["i"]), torch.sigmoid(a["f"]), torch.sigmoid(a["o"])
            ct = torch.tanh(a["c"])
            c = f * cp + i * ct
            return o * torch.tanh(c), c

    return Cell()


# stored file id 45909877986 (F# Fowl createGRU / gruStep, numLayers = 1). WeightsUpdate,
# WeightsReset, WeightsNew each hiddenSize x (inputSize + hiddenSize); one bias vector of
# hiddenSize * 3. 3 h (x + h) + 3 h.
@_export
def h33e_fsharp_gru(inputSize=7, hiddenSize=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            n = inputSize + hiddenSize
            self.wUpdate, self.wReset, self.wNew = _p(hiddenSize, n), _p(hiddenSize, n), _p(hiddenSize, n)
            self.bias = _p(3 * hiddenSize)

        def forward(self, inp, hp):
            H = hiddenSize
            x = torch.cat([inp, hp])
            z = torch.sigmoid(self.wUpdate @ x + self.bias[:H])
            r = torch.sigmoid(self.wReset @ x + self.bias[H:2 * H])
            n = torch.tanh(self.wNew @ torch.cat([inp, r * hp]) + self.bias[2 * H:])
            return (1 - z) * n + z * hp

    return Cell()


# stored file id 71388543014 (TypeScript LstmCell). Wx (inputSize x 4 hiddenSize), Wh (hiddenSize x
# 4 hiddenSize), b (1 x 4 hiddenSize); [i, f, g, o] = x Wx + h Wh + b. 4 H (x + H + 1).
@_export
def h33e_tslstm_lstm(inputSize=7, hiddenSize=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.Wx, self.Wh = _p(inputSize, 4 * hiddenSize), _p(hiddenSize, 4 * hiddenSize)
            self.b = _p(1, 4 * hiddenSize)

        def forward(self, x, h, c):
            H = hiddenSize
            z = x @ self.Wx + h @ self.Wh + self.b
            i, f = torch.sigmoid(z[:, :H]), torch.sigmoid(z[:, H:2 * H])
            g, o = torch.tanh(z[:, 2 * H:3 * H]), torch.sigmoid(z[:, 3 * H:])
            c = f * c + i * g
            return o * torch.tanh(c), c

    return Cell()



# stored file id 799964529 (tiny-dnn lstm_cell, has_bias = true). W[x->i], W[x->f], W[x->c], W[x->o]
# (in_dim x out_dim), W[h->i], W[h->f], W[h->c], W[h->o] (out_dim x out_dim), bi, bf, bc, bo
# (out_dim). 4 out (in + out + 1).
@_export
def h33e_tinydnn_lstm(in_dim=7, out_dim=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            for g in "ifco":
                setattr(self, "Wx" + g, _p(out_dim, in_dim))
                setattr(self, "Wh" + g, _p(out_dim, out_dim))
                setattr(self, "b" + g, _p(out_dim))

        def forward(self, x, h, c):
            a = {g: getattr(self, "Wx" + g) @ x + getattr(self, "Wh" + g) @ h + getattr(self, "b" + g)
                 for g in "ifco"}
            i, f, o = torch.sigmoid(a["i"]), torch.sigmoid(a["f"]), torch.sigmoid(a["o"])
            z = torch.tanh(a["c"])
            c = f * c + i * z
            return o * torch.tanh(c), c

    return Cell()


# stored file id 47447426519 (Haskell GRUp i o). _gruMemory, _gruUpdate, _gruOutput each FCp (i + o) o,
# read as a dense layer: weight o x (i + o) and bias o. 3 o (i + o + 1).
@_export
def h33e_haskell_gru(i=7, o=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.gruMemory = nn.Linear(i + o, o)
            self.gruUpdate = nn.Linear(i + o, o)
            self.gruOutput = nn.Linear(i + o, o)

        def forward(self, x, h):
            xh = torch.cat([x, h], -1)
            z = torch.sigmoid(self.gruMemory(xh))
            r = torch.sigmoid(self.gruUpdate(xh))
            rp = torch.cat([torch.ones_like(x), r], -1)
            hh = torch.tanh(self.gruOutput(rp * xh))
            return (1 - z) * h + z * hh

    return Cell()


# stored file id 57660610779 (build_indrnn docstring). h' = tanh(u (.) h + W x + b): u (h), W (h x x),
# b (h). h x + 2 h.
@_export
def h33e_hlscmv_indrnn(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.u, self.W, self.b = _p(h), _p(h, x), _p(h)

        def forward(self, xt, hp):
            return torch.tanh(self.u * hp + self.W @ xt + self.b)

    return Cell()


# stored file id 57660610779 (build_mgu docstring; marked refuse: pre_f not written). Plausible
# reading (the script's own _gate: x WxT + h WhT + b per gate): forget gate Wf (h x x), Uf (h x h),
# bf (h); candidate Wh (h x x), Uh (h x h), b (h). 2 (h x + h^2 + h).
@_export
def h33e_hlscmv_mgu(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.Wf, self.Uf, self.bf = _p(h, x), _p(h, h), _p(h)
            self.Wh, self.Uh, self.b = _p(h, x), _p(h, h), _p(h)

        def forward(self, xt, hp):
            f = torch.sigmoid(self.Wf @ xt + self.Uf @ hp + self.bf)
            ht = torch.tanh(self.Wh @ xt + self.Uh @ (f * hp) + self.b)
            return (1 - f) * hp + f * ht

    return Cell()


# stored file id 31401562849 (dlvk GRULayer). m_weight_ih [3h, x], m_weight_hh [3h, h], m_bias_ih [3h],
# m_bias_hh [3h]: the PyTorch GRU cell. 3 h (x + h + 2).
@_export
def h33e_dlvk_gru(input_size=7, hidden_size=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            H = hidden_size
            self.weight_ih, self.weight_hh = _p(3 * H, input_size), _p(3 * H, H)
            self.bias_ih, self.bias_hh = _p(3 * H), _p(3 * H)

        def forward(self, x, h):
            H = hidden_size
            gi = self.weight_ih @ x + self.bias_ih
            gh = self.weight_hh @ h + self.bias_hh
            r = torch.sigmoid(gi[:H] + gh[:H])
            z = torch.sigmoid(gi[H:2 * H] + gh[H:2 * H])
            ht = torch.tanh(gi[2 * H:] + r * gh[2 * H:])
            return (1 - z) * h + z * ht

    return Cell()


# stored file id 27219545293 (Java prgmML GRU). Gates Z, R, H each hold W, U, b as vectors of
# length size (elementwise products, Tensor.product), plus initOut (size), the trained output for
# time -1. 9 size + size = 10 size.
@_export
def h33e_javaprgm_gru(size=6):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            for g in "zrh":
                setattr(self, "W" + g, _p(size))
                setattr(self, "U" + g, _p(size))
                setattr(self, "b" + g, _p(size))
            self.initOut = _p(size)

        def forward(self, x, pO=None):
            if pO is None:
                pO = self.initOut
            az = torch.sigmoid(self.Wz * x + self.Uz * pO + self.bz)
            ar = torch.sigmoid(self.Wr * x + self.Ur * pO + self.br)
            b = torch.tanh(self.Wh * x + ar * self.Uh * pO + self.bh)
            return (1 - az) * pO + az * b

    return Cell()


# stored file id 28504184277 (NAM gru.h). PyTorch GRUCell weights W_ih (3h x x), W_hh (3h x h),
# b_ih, b_hh (3h), plus the linear head head_weight (h) and head_bias (scalar).
# 3 h (x + h + 2) + h + 1.
@_export
def h33e_namamp_gru(input_size=7, hidden_size=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.cell = nn.GRUCell(input_size, hidden_size)
            self.head = nn.Linear(hidden_size, 1)

        def forward(self, x, h):
            h = self.cell(x, h)
            return self.head(h), h

    return Cell()


# stored file id 58515977118 (R morie_geron_gru). W_z, W_r, W_h (n_units x n_in), U_z, U_r, U_h
# (n_units x n_units), b_z, b_r, b_h (n_units). 3 (H n + H^2 + H).
@_export
def h33e_rmorie_gru(n_in=7, n_units=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            for g in "zrh":
                setattr(self, "W_" + g, _p(n_units, n_in))
                setattr(self, "U_" + g, _p(n_units, n_units))
                setattr(self, "b_" + g, _p(n_units))

        def forward(self, x, h):
            z = torch.sigmoid(self.W_z @ x + self.U_z @ h + self.b_z)
            r = torch.sigmoid(self.W_r @ x + self.U_r @ h + self.b_r)
            ht = torch.tanh(self.W_h @ x + self.U_h @ (r * h) + self.b_h)
            return (1 - z) * h + z * ht

    return Cell()
