import torch
from torch import nn

__all__ = []


def _export(f):
    __all__.append(f.__name__)
    return f


def _p(*shape):
    return nn.Parameter(torch.randn(*shape) * 0.1)


class _GRUWUb(nn.Module):
    """GRU with W_g (h x x), U_g (h x h), b_g (h) for g in r, z, h; reset applied before U_h."""

    def __init__(self, x, h):
        super().__init__()
        for g in "rzh":
            setattr(self, "W_" + g, _p(h, x))
            setattr(self, "U_" + g, _p(h, h))
            setattr(self, "b_" + g, _p(h))

    def forward(self, x, hp):
        r = torch.sigmoid(x @ self.W_r.T + hp @ self.U_r.T + self.b_r)
        z = torch.sigmoid(x @ self.W_z.T + hp @ self.U_z.T + self.b_z)
        ht = torch.tanh(x @ self.W_h.T + (r * hp) @ self.U_h.T + self.b_h)
        return (1 - z) * hp + z * ht


class _LSTMWRb(nn.Module):
    """LSTM with W_g (h x x), R_g (h x h), b_g (h) for g in i, f, o, g."""

    def __init__(self, x, h):
        super().__init__()
        for g in "ifog":
            setattr(self, "W_" + g, _p(h, x))
            setattr(self, "R_" + g, _p(h, h))
            setattr(self, "b_" + g, _p(h))

    def forward(self, x, state):
        hp, cp = state
        a = {g: x @ getattr(self, "W_" + g).T + hp @ getattr(self, "R_" + g).T + getattr(self, "b_" + g)
             for g in "ifog"}
        i, f, o = torch.sigmoid(a["i"]), torch.sigmoid(a["f"]), torch.sigmoid(a["o"])
        g = torch.tanh(a["g"])
        c = f * cp + i * g
        return o * torch.tanh(c), c


# stored file id 14197737765 (Go GRULayer.computeHiddenState comment). W_r, W_z, W_h (h x x), U_r, U_z, U_h (h x h),
# b_r, b_z, b_h (h); "™" read as the elementwise product. 3h(x + h + 1).
@_export
def h29e_gogrugen_gru(x=7, h=5):
    return _GRUWUb(x, h)


# stored file id 54009129371 (Godot RlGruLayer doc comment). Wr, Wz, Wn [hidden x input], Ur, Uz, Un [hidden x hidden],
# br, bz, bn [hidden]. 3 hidden (input + hidden + 1).
@_export
def h29e_godotrl_gru(input_size=7, hidden_size=5):
    return _GRUWUb(input_size, hidden_size)


# stored file id 57587148845 (C# GruBackprop summary). W_g [Hidden x FeatureDim], U_g [Hidden x Hidden], b_g [Hidden]
# for g in {r, z, h}. 3 Hidden (FeatureDim + Hidden + 1).
@_export
def h29e_tacaigru_gru(FeatureDim=7, Hidden=5):
    return _GRUWUb(FeatureDim, Hidden)


# stored file id 4851606409 (CUDA GRU kernel header comment). W_z, W_r, W_h (h x x), U_z, U_r, U_h (h x h),
# b_z, b_r, b_h (h). 3h(x + h + 1).
@_export
def h29e_hastygru_gru(x=7, h=5):
    return _GRUWUb(x, h)


# stored file id 3701996107 (Swift Metal GRU.forward comment). PyTorch GRU: W_ir, W_iz, W_in (h x x),
# W_hr, W_hz, W_hn (h x h), b_i*, b_h* (h each); torch.nn.GRUCell has exactly these. 3h(x + h + 2).
@_export
def h29e_metalaudiogru_gru(x=7, h=5):
    return nn.GRUCell(x, h)


# stored file id 55544112422 (R morie_lstmc_lstm_cell roxygen). Marked refuse (gate arguments elided). Most
# plausible reading, as the function body builds it: W (4H x n_in), U (4H x H), b (4H), gates stacked i, f, g, o.
# 4H(x + H + 1).
@_export
def h29e_morielstmc_lstm(x=7, H=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W, self.U, self.b = _p(4 * H, x), _p(4 * H, H), _p(4 * H)

        def forward(self, xt, state):
            hp, cp = state
            a = xt @ self.W.T + hp @ self.U.T + self.b
            i, f, g, o = a.chunk(4, -1)
            c = torch.sigmoid(f) * cp + torch.sigmoid(i) * torch.tanh(g)
            return torch.sigmoid(o) * torch.tanh(c), c

    return Cell()


# stored file id 28504113067 (Java LSTM forward step comments). w_f, w_i, w_c, w_o act on [h_t-1, x_t]: each
# h x (h + x); b_f, b_i, b_c, b_o (h). 4(h(h + x) + h).
@_export
def h29e_javalstmdnn_lstm(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            for g in "fico":
                setattr(self, "w_" + g, _p(h, h + x))
                setattr(self, "b_" + g, _p(h))

        def forward(self, xt, state):
            hp, cp = state
            X = torch.cat([hp, xt], -1)
            a = {g: X @ getattr(self, "w_" + g).T + getattr(self, "b_" + g) for g in "fico"}
            c = torch.sigmoid(a["f"]) * cp + torch.sigmoid(a["i"]) * torch.tanh(a["c"])
            return torch.sigmoid(a["o"]) * torch.tanh(c), c

    return Cell()


# stored file id 55577311866 (C lstm_forward_step comments, Chinese). W_if, W_ig, W_io, W_ii (h x x),
# R_if, R_ig, R_io, R_ii (h x h), b_if, b_ig, b_io, b_ii (h); the names are shuffled but there are four gates.
# 4h(x + h + 1).
@_export
def h29e_ctensorlstm_lstm(x=7, h=5):
    return _LSTMWRb(x, h)


# stored file id 63109418424 (C++ LSTM constructor and forward comments). W_xi, W_xf, W_xo, W_xg {input_size,
# hidden_size}, W_hi, W_hf, W_ho, W_hg {hidden_size, hidden_size}, b_i, b_f, b_o, b_g {hidden_size}.
# 4 hidden (input + hidden + 1).
@_export
def h29e_cppmllstm_lstm(input_size=7, hidden_size=5):
    return _LSTMWRb(input_size, hidden_size)


# stored file id 61724334088 (Rust LSTMCell::forward comments). PyTorch form: W_{ii}.. (h x x), W_{hi}.. (h x h),
# b_{i*}, b_{h*} (h each) for i, f, g, o; torch.nn.LSTMCell has exactly these. 4h(x + h + 2).
@_export
def h29e_rustdimlstm_lstm(x=7, h=5):
    return nn.LSTMCell(x, h)


# stored file id 59681821171 (TypeScript gruCellTF JSDoc and comments). input and hidden both [batch, dm]:
# Wz, Wr, Wh (dm x dm), Uz, Ur, Uh (dm x dm), bz, br, bh (dm). 3(2 dm^2 + dm).
@_export
def h29e_werewolftfjs_gru(dm=5):
    return _GRUWUb(dm, dm)


# stored file id 51948313764 (TypeScript GRUCell JSDoc). W_r, W_z, W_h act on a concatenation of an h-vector and x:
# each h x (h + x); b_r, b_z, b_h (h). 3(h(h + x) + h).
@_export
def h29e_tsmatrixgru_gru(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            for g in "rzh":
                setattr(self, "W_" + g, _p(h, h + x))
                setattr(self, "b_" + g, _p(h))

        def forward(self, xt, hp):
            X = torch.cat([hp, xt], -1)
            r = torch.sigmoid(X @ self.W_r.T + self.b_r)
            z = torch.sigmoid(X @ self.W_z.T + self.b_z)
            ht = torch.tanh(torch.cat([r * hp, xt], -1) @ self.W_h.T + self.b_h)
            return (1 - z) * hp + z * ht

    return Cell()


# stored file id 62024270968 (Java IDiffTensor.lstmCell Javadoc). Marked refuse (equations: two biases per gate;
# @param: one stacked bias). Most plausible reading, the @param list: wInput [4*hiddenSize, inputSize],
# wHidden [4*hiddenSize, hiddenSize], bias [4*hiddenSize]. 4 hiddenSize (inputSize + hiddenSize + 1).
@_export
def h29e_idifftensor_lstm(inputSize=7, hiddenSize=5):
    h = hiddenSize

    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.wInput, self.wHidden, self.bias = _p(4 * h, inputSize), _p(4 * h, h), _p(4 * h)

        def forward(self, x, state):
            hp, cp = state
            i, f, o, g = (x @ self.wInput.T + hp @ self.wHidden.T + self.bias).chunk(4, -1)
            c = torch.sigmoid(f) * cp + torch.sigmoid(i) * torch.tanh(g)
            return torch.sigmoid(o) * torch.tanh(c), c

    return Cell()


# stored file id 62024270968 (Java IDiffTensor.gruCell Javadoc). Marked refuse (equations: two biases per gate;
# @param: one stacked bias). Most plausible reading, the @param list: wInput [3*hiddenSize, inputSize],
# wHidden [3*hiddenSize, hiddenSize], bias [3*hiddenSize]. 3 hiddenSize (inputSize + hiddenSize + 1).
@_export
def h29e_idifftensor_gru(inputSize=7, hiddenSize=5):
    h = hiddenSize

    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.wInput, self.wHidden, self.bias = _p(3 * h, inputSize), _p(3 * h, h), _p(3 * h)

        def forward(self, x, hp):
            xz, xr, xn = (x @ self.wInput.T + self.bias).chunk(3, -1)
            hz, hr, hn = (hp @ self.wHidden.T).chunk(3, -1)
            z, r = torch.sigmoid(xz + hz), torch.sigmoid(xr + hr)
            n = torch.tanh(xn + r * hn)
            return (1 - z) * n + z * hp

    return Cell()
