import torch
from torch import nn

__all__ = []


def _export(f):
    __all__.append(f.__name__)
    return f


def _p(*shape):
    return nn.Parameter(torch.randn(*shape) * 0.1)


# stored file id 7898140583 (ghostflow, Rust, /// doc comment of pub struct GRUCell). PyTorch-style GRU:
# W_ir, W_iz, W_in (h x x), W_hr, W_hz, W_hn (h x h), b_ir, b_iz, b_in, b_hr, b_hz, b_hn (h).
# 3h(x + h) + 6h.
@_export
def h32e_ghostflow_gru(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_ir, self.W_iz, self.W_in = _p(h, x), _p(h, x), _p(h, x)
            self.W_hr, self.W_hz, self.W_hn = _p(h, h), _p(h, h), _p(h, h)
            self.b_ir, self.b_iz, self.b_in = _p(h), _p(h), _p(h)
            self.b_hr, self.b_hz, self.b_hn = _p(h), _p(h), _p(h)

        def forward(self, xt, hp):
            r = torch.sigmoid(self.W_ir @ xt + self.b_ir + self.W_hr @ hp + self.b_hr)
            z = torch.sigmoid(self.W_iz @ xt + self.b_iz + self.W_hz @ hp + self.b_hz)
            n = torch.tanh(self.W_in @ xt + self.b_in + r * (self.W_hn @ hp + self.b_hn))
            return (1 - z) * n + z * hp

    return Cell()


# stored file id 6901436419 (Rust LSTMCell, crate::Storage). Marked refuse: equations show one bias per
# gate, fields show two optional fused biases. Most plausible reading (the fields, bias=true): weight_ih
# (4h x in), weight_hh (4h x h), bias_ih, bias_hh (4h). 4h(in + h) + 8h.
@_export
def h32e_rustvolta_lstm(input_size=7, hidden_size=5):
    h = hidden_size

    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.weight_ih, self.weight_hh = _p(4 * h, input_size), _p(4 * h, h)
            self.bias_ih, self.bias_hh = _p(4 * h), _p(4 * h)

        def forward(self, x, hp, cp):
            g = self.weight_ih @ x + self.weight_hh @ hp + self.bias_ih + self.bias_hh
            i, f, gg, o = g.chunk(4)
            c = torch.sigmoid(f) * cp + torch.sigmoid(i) * torch.tanh(gg)
            return torch.sigmoid(o) * torch.tanh(c), c

    return Cell()


# stored file id 29084238145 (MiniTen Cython, RNNCell docstring). weight_ih (h x in), weight_hh (h x h),
# bias_ih, bias_hh (h). h(in + h) + 2h.
@_export
def h32e_miniten_elman(input_size=7, hidden_size=5):
    h = hidden_size

    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_ih, self.W_hh = _p(h, input_size), _p(h, h)
            self.b_ih, self.b_hh = _p(h), _p(h)

        def forward(self, x, hp):
            return torch.tanh(self.W_ih @ x + self.b_ih + self.W_hh @ hp + self.b_hh)

    return Cell()


# stored file id 26084481090 (quantml, LSTMCell docstring). Row-vector form: W_xf, W_xi, W_xg, W_xo
# (x x h), W_hf, W_hi, W_hg, W_ho (h x h), b_f, b_i, b_g, b_o (h). 4(xh + h^2 + h).
@_export
def h32e_quantml_lstm(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_x = nn.ParameterDict({k: _p(x, h) for k in "figo"})
            self.W_h = nn.ParameterDict({k: _p(h, h) for k in "figo"})
            self.b = nn.ParameterDict({k: _p(h) for k in "figo"})

        def forward(self, xt, hp, cp):
            a = {k: xt @ self.W_x[k] + hp @ self.W_h[k] + self.b[k] for k in "figo"}
            c = torch.sigmoid(a["f"]) * cp + torch.sigmoid(a["i"]) * torch.tanh(a["g"])
            return torch.sigmoid(a["o"]) * torch.tanh(c), c

    return Cell()


# stored file id 40342369170 (Julia GRU block docstring). Wz, Wr, Wc (hsize x isize), Uz, Ur, Uc
# (hsize x hsize), bz, br, bc (hsize). 3(hsize*isize + hsize^2 + hsize).
@_export
def h32e_juliablock_gru(isize=7, hsize=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.Wz, self.Uz, self.bz = _p(hsize, isize), _p(hsize, hsize), _p(hsize)
            self.Wr, self.Ur, self.br = _p(hsize, isize), _p(hsize, hsize), _p(hsize)
            self.Wc, self.Uc, self.bc = _p(hsize, isize), _p(hsize, hsize), _p(hsize)

        def forward(self, x, h):
            z = torch.sigmoid(self.Wz @ x + self.Uz @ h + self.bz)
            r = torch.sigmoid(self.Wr @ x + self.Ur @ h + self.br)
            c = torch.tanh(self.Wc @ x + self.Uc @ (r * h) + self.bc)
            return z * h + (1 - z) * c

    return Cell()


# stored file id 48640062579 (Pascal LSTMLayerUnit header comment, Eric C. Joyce). Wi, Wo, Wf, Wc (h x d),
# Ui, Uo, Uf, Uc (h x h), bi, bo, bf, bc (h); the H cache is state. 4(hd + h^2 + h).
@_export
def h32e_pascaljoyce_lstm(d=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W = nn.ParameterDict({k: _p(h, d) for k in "iofc"})
            self.U = nn.ParameterDict({k: _p(h, h) for k in "iofc"})
            self.b = nn.ParameterDict({k: _p(h) for k in "iofc"})

        def forward(self, x, hp, cp):
            a = {k: self.W[k] @ x + self.U[k] @ hp + self.b[k] for k in "iofc"}
            c = torch.sigmoid(a["f"]) * cp + torch.sigmoid(a["i"]) * torch.tanh(a["c"])
            return torch.sigmoid(a["o"]) * torch.tanh(c), c

    return Cell()


# stored file id 16750730474 (C++ GRU.h header comment, Eric C. Joyce). Wz, Wr, Wh (h x d), Uz, Ur, Uh
# (h x h), bz, br, bh (h); the H cache is state. 3(hd + h^2 + h).
@_export
def h32e_cppjoyce_gru(d=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W = nn.ParameterDict({k: _p(h, d) for k in "zrh"})
            self.U = nn.ParameterDict({k: _p(h, h) for k in "zrh"})
            self.b = nn.ParameterDict({k: _p(h) for k in "zrh"})

        def forward(self, x, hp):
            z = torch.sigmoid(self.W["z"] @ x + self.U["z"] @ hp + self.b["z"])
            r = torch.sigmoid(self.W["r"] @ x + self.U["r"] @ hp + self.b["r"])
            hh = torch.tanh(self.W["h"] @ x + self.U["h"] @ (r * hp) + self.b["h"])
            return z * hp + (1 - z) * hh

    return Cell()


# erikedwards4/nn c/gru.c (GRU CELL stage). Only the recurrent matrices U, Ur, Uz (N x N); the inputs
# X, Xr, Xz come from a separate IN stage. 3N^2.
@_export
def h32e_edwards_gru(N=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.U, self.Ur, self.Uz = _p(N, N), _p(N, N), _p(N, N)

        def forward(self, X, Xr, Xz, Yp):
            R = torch.sigmoid(Xr + self.Ur @ Yp)
            Z = torch.sigmoid(Xz + self.Uz @ Yp)
            H = R * Yp
            return Z * Yp + (1 - Z) * torch.tanh(X + self.U @ H)

    return Cell()


# webmachinelearning/webnn-baseline src/lstm_cell.js (lstmCell JSDoc). Marked refuse: shapes unstated,
# bias/recurrentBias/peepholeWeight optional. Most plausible reading (both biases, no peephole): weight
# (4h x input), recurrentWeight (4h x h), bias, recurrentBias (4h). 4h(input + h) + 8h.
@_export
def h32e_webnn_lstmcell(input=7, hiddenSize=5):
    h = hiddenSize

    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.weight, self.recurrentWeight = _p(4 * h, input), _p(4 * h, h)
            self.bias, self.recurrentBias = _p(4 * h), _p(4 * h)

        def forward(self, x, hp, cp):
            g = self.weight @ x + self.recurrentWeight @ hp + self.bias + self.recurrentBias
            i, o, f, gg = g.chunk(4)  # layout 'iofg'
            c = torch.sigmoid(f) * cp + torch.sigmoid(i) * torch.tanh(gg)
            return torch.sigmoid(o) * torch.tanh(c), c

    return Cell()


# sveatlo/FIT-ZPJa-GRU-from-scratch src/gru.cpp (GRU::forward_step). Wz, Wr, Wh (n_h x vocab_size),
# Uz, Ur, Uh (n_h x n_h), bz, br, bh (n_h), output Wy (vocab_size x n_h), by (vocab_size).
# 3(n_h*V + n_h^2 + n_h) + V*n_h + V.
@_export
def h32e_fitgru_gru(vocab_size=7, n_h=5):
    V = vocab_size

    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W = nn.ParameterDict({k: _p(n_h, V) for k in "zrh"})
            self.U = nn.ParameterDict({k: _p(n_h, n_h) for k in "zrh"})
            self.b = nn.ParameterDict({k: _p(n_h) for k in "zrh"})
            self.Wy, self.by = _p(V, n_h), _p(V)

        def forward(self, x, hp):
            z = torch.sigmoid(self.W["z"] @ x + self.U["z"] @ hp + self.b["z"])
            r = torch.sigmoid(self.W["r"] @ x + self.U["r"] @ hp + self.b["r"])
            hh = torch.tanh(self.W["h"] @ x + self.U["h"] @ (r * hp) + self.b["h"])
            h = z * hp + (1 - z) * hh
            y = self.Wy @ h + self.by
            return h, torch.softmax(y, 0)

    return Cell()


# KotlinNLP/SimpleDNN LTMForwardHelper.kt (LTM KDoc). Gates on x + yPrev (one size y): w1, w2, w3 (y x y),
# no gate biases; cell weights wCell (y x y) and bias bCell (y). 4y^2 + y.
@_export
def h32e_simplednn_ltm(y=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.w1, self.w2, self.w3 = _p(y, y), _p(y, y), _p(y, y)
            self.wCell, self.bCell = _p(y, y), _p(y)

        def forward(self, x, yPrev, cellPrev):
            s = x + yPrev
            l1, l2, l3 = (torch.sigmoid(w @ s) for w in (self.w1, self.w2, self.w3))
            c = l1 * l2 + cellPrev
            cell = torch.sigmoid(self.wCell @ c + self.bCell)
            return cell * l3, c

    return Cell()
