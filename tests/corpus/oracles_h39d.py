"""Oracles for the h39d set-aside snippets (heldout39), as its gatherer wrote them."""
import torch
from torch import nn

__all__ = []


def _export(f):
    __all__.append(f.__name__)
    return f


def _p(*shape):
    return nn.Parameter(torch.randn(*shape) * 0.1)


# KANN kann.c kann_layer_gru2; per gate g in {z, r, s}: W_g (h, x), U_g (h, h), b_g (h); rnn_flag without
# KANN_RNN_NORM (no layer-norm alpha/beta); Count: 3*(h*x + h*h + h).
@_export
def h39d_kann_gru(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            for g in "zrs":
                setattr(self, "W_" + g, _p(h, x))
                setattr(self, "U_" + g, _p(h, h))
                setattr(self, "b_" + g, _p(h))

        def forward(self, xt, h0):
            z = torch.sigmoid(xt @ self.W_z.T + h0 @ self.U_z.T + self.b_z)
            r = torch.sigmoid(xt @ self.W_r.T + h0 @ self.U_r.T + self.b_r)
            s = torch.tanh(xt @ self.W_s.T + (h0 * r) @ self.U_s.T + self.b_s)
            return z * h0 + (1 - z) * s
    return Cell()


# KANN kann.c kann_layer_lstm; per gate g in {i, f, o, g}: W_g (h, x), U_g (h, h), b_g (h) (forget bias initialised
# to 1 but learned); no layer norm (flag off); Count: 4*(h*x + h*h + h).
@_export
def h39d_kann_lstm(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            for g in "ifog":
                setattr(self, "W_" + g, _p(h, x))
                setattr(self, "U_" + g, _p(h, h))
                setattr(self, "b_" + g, _p(h))

        def _pre(self, g, xt, h0):
            return xt @ getattr(self, "W_" + g).T + h0 @ getattr(self, "U_" + g).T + getattr(self, "b_" + g)

        def forward(self, xt, h0, c0):
            i = torch.sigmoid(self._pre("i", xt, h0))
            f = torch.sigmoid(self._pre("f", xt, h0))
            o = torch.sigmoid(self._pre("o", xt, h0))
            g = torch.tanh(self._pre("g", xt, h0))
            c = c0 * f + g * i
            return torch.tanh(c) * o, c
    return Cell()


# sru repo speech/LSTM_5L.ndl, CNTK NDL macro LSTMPComponent; wx (cellDimX4, inputDim), b (cellDimX4),
# Wh (cellDimX4, outputDim), diagonal peepholes Wci, Wcf, Wco (cellDim); output = ot .* tanh(ct) so outputDim = cellDim;
# Count: cellDimX4*(inputDim + 1 + outputDim) + 3*cellDim.
@_export
def h39d_ndl_lstmp(inputDim=7, outputDim=5, cellDim=5, cellDimX2=10, cellDimX3=15, cellDimX4=20):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.wx = _p(cellDimX4, inputDim)
            self.b = _p(cellDimX4)
            self.Wh = _p(cellDimX4, outputDim)
            self.Wci = _p(cellDim)
            self.Wcf = _p(cellDim)
            self.Wco = _p(cellDim)

        def forward(self, x, dh, dc):
            a = x @ self.wx.T + self.b + dh @ self.Wh.T
            G1, G2, G3, G4 = a[:, :cellDim], a[:, cellDim:cellDimX2], a[:, cellDimX2:cellDimX3], a[:, cellDimX3:]
            it = torch.sigmoid(G1 + self.Wci * dc)
            bit = it * torch.tanh(G2)
            ft = torch.sigmoid(G3 + self.Wcf * dc)
            ct = ft * dc + bit
            ot = torch.sigmoid(G4 + self.Wco * ct)
            return ot * torch.tanh(ct), ct
    return Cell()


# sru repo speech/SRU_12L.ndl, CNTK NDL macro FastKernelNN (SRU with highway); used parameters: wx (cellDimX4, inputDim),
# b (cellDimX4); constOne has learningRateMultiplier=0 (fixed, not learned); wx2 (cellDim, inputDim) declared but never
# used in any expression (not counted in this reading; counting it gives +cellDim*inputDim);
# Count: cellDimX4*(inputDim + 1).
@_export
def h39d_ndl_sru(inputDim=7, cellDim=5, cellDimX2=10, cellDimX3=15, cellDimX4=20):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.wx = _p(cellDimX4, inputDim)
            self.b = _p(cellDimX4)
            self.register_buffer("constOne", torch.ones(cellDim))

        def forward(self, x, dcell):
            a = x @ self.wx.T + self.b
            G1, G2, G3, G4 = a[:, :cellDim], a[:, cellDim:cellDimX2], a[:, cellDimX2:cellDimX3], a[:, cellDimX3:]
            lam = torch.sigmoid(G2)
            cell = lam * dcell + (self.constOne - lam) * G1
            hgate = torch.sigmoid(G3)
            return (self.constOne - hgate) * G4 + hgate * torch.tanh(cell), cell
    return Cell()


# DirectML DML_LSTM_OPERATOR_DESC (MicrosoftDocs/sdk-api); forward direction, all optional tensors present as written in
# the equations: W_[iofc] (hidden, input), R_[iofc] (hidden, hidden), W_b[iofc] and R_b[iofc] (hidden) each,
# peepholes P_[iof] (hidden); CoupleInputAndForget = 0; Count: 4*h*x + 4*h*h + 8*h + 3*h.
@_export
def h39d_dml_lstm(input_size=7, hidden_size=5):
    x, h = input_size, hidden_size

    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W = _p(4 * h, x)
            self.R = _p(4 * h, h)
            self.Wb = _p(4 * h)
            self.Rb = _p(4 * h)
            self.P = _p(3 * h)

        def forward(self, X, H, C):
            a = X @ self.W.T + H @ self.R.T + self.Wb + self.Rb
            ai, ao, af, ac = a.chunk(4, dim=-1)
            Pi, Po, Pf = self.P.chunk(3)
            i = torch.sigmoid(ai + Pi * C)
            f = torch.sigmoid(af + Pf * C)
            c = torch.tanh(ac)
            C1 = f * C + i * c
            o = torch.sigmoid(ao + Po * C)
            return o * torch.tanh(C1), C1
    return Cell()


# MNN BlstmComputer.hpp doc comment; one direction as the equations are written; per gate g in {i, n, f, o}:
# W_g (x, h), U_g (h, h), B_g (h); Count: 4*(x*h + h*h + h).
@_export
def h39d_mnn_blstm(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            for g in "inof":
                setattr(self, "W" + g, _p(x, h))
                setattr(self, "U" + g, _p(h, h))
                setattr(self, "B" + g, _p(h))

        def _pre(self, g, Xt, H):
            return Xt @ getattr(self, "W" + g) + H @ getattr(self, "U" + g) + getattr(self, "B" + g)

        def forward(self, Xt, H, C):
            It = torch.sigmoid(self._pre("i", Xt, H))
            Nt = torch.tanh(self._pre("n", Xt, H))
            Ft = torch.sigmoid(self._pre("f", Xt, H))
            Ot = torch.sigmoid(self._pre("o", Xt, H))
            Ct = Nt * It + C * Ft
            return torch.tanh(Ct) * Ot, Ct
    return Cell()


# AxonML crates/axonml-nn/src/layers/rnn.rs GRUCell; weight_ih (3h, x) [stored x by 3h], weight_hh (3h, h), bias_ih (3h),
# bias_hh (3h) — PyTorch-style GRU with b_hn inside the reset product; Count: 3*(h*x + h*h + 2*h).
@_export
def h39d_axonml_grucell(input_size=7, hidden_size=5):
    x, h = input_size, hidden_size

    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.weight_ih = _p(x, 3 * h)
            self.weight_hh = _p(h, 3 * h)
            self.bias_ih = _p(3 * h)
            self.bias_hh = _p(3 * h)

        def forward(self, xt, h0):
            gi = xt @ self.weight_ih + self.bias_ih
            gh = h0 @ self.weight_hh + self.bias_hh
            ir, iz, i_n = gi.chunk(3, -1)
            hr, hz, hn = gh.chunk(3, -1)
            r = torch.sigmoid(ir + hr)
            z = torch.sigmoid(iz + hz)
            n = torch.tanh(i_n + r * hn)
            return (1 - z) * n + z * h0
    return Cell()


# Hasktorch examples/rnn/GRU.hs; per gate g in {reset, update, hidden}: ih (in_f, h_f), hh (h_f, h_f), b (1, h_f);
# Count: 3*(in_f*h_f + h_f*h_f + h_f).
@_export
def h39d_hasktorch_gru(in_f=7, h_f=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            for g in ("rg", "ug", "hg"):
                setattr(self, g + "_ih", _p(in_f, h_f))
                setattr(self, g + "_hh", _p(h_f, h_f))
                setattr(self, g + "_b", _p(1, h_f))

        def _gate(self, g, x, h, act):
            return act(x @ getattr(self, g + "_ih") + h @ getattr(self, g + "_hh") + getattr(self, g + "_b"))

        def forward(self, x, h):
            rg = self._gate("rg", x, h, torch.sigmoid)
            ug = self._gate("ug", x, h, torch.sigmoid)
            hp = self._gate("hg", x, rg * h, torch.tanh)
            return ug * h + (1 - ug) * hp
    return Cell()


# Keras-MML docs, GRUMML (MLGRU) final formalization; W_f, W_c, W_g (n, d); W_o (d, d); b_f, b_c, b_g, b_o (d);
# ternary weights still count as learned parameters; Count: 3*n*d + d*d + 4*d.
@_export
def h39d_kerasmml_grumml(n=7, d=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            for g in "fcg":
                setattr(self, "W_" + g, _p(n, d))
                setattr(self, "b_" + g, _p(d))
            self.W_o = _p(d, d)
            self.b_o = _p(d)

        def forward(self, xt, h0):
            f = torch.sigmoid(xt @ self.W_f + self.b_f)
            c = torch.nn.functional.silu(xt @ self.W_c + self.b_c)
            g = torch.sigmoid(xt @ self.W_g + self.b_g)
            h = f * h0 + (1 - f) * c
            o = (g * h) @ self.W_o + self.b_o
            return o, h
    return Cell()


# Keras-MML docs, LRU; learned real weights as in "Implementing LRUs In Practice": nu^log (m), theta^log (m),
# gamma^log (m), Re B and Im B (m, n) each, Re C and Im C (d, m) each, D (d, n); Count: 3*m + 2*n*m + 2*m*d + n*d.
@_export
def h39d_kerasmml_lru(n=7, d=5, m=3):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.nu_log = _p(m)
            self.theta_log = _p(m)
            self.gamma_log = _p(m)
            self.B_re = _p(m, n)
            self.B_im = _p(m, n)
            self.C_re = _p(d, m)
            self.C_im = _p(d, m)
            self.D = _p(d, n)

        def forward(self, u, x_re, x_im):
            nu = torch.exp(self.nu_log)
            th = torch.exp(self.theta_log)
            l_re, l_im = nu * torch.cos(th), nu * torch.sin(th)
            g = torch.exp(self.gamma_log)
            nx_re = l_re * x_re - l_im * x_im + g * (u @ self.B_re.T)
            nx_im = l_re * x_im + l_im * x_re + g * (u @ self.B_im.T)
            y = nx_re @ self.C_re.T - nx_im @ self.C_im.T + u @ self.D.T
            return y, nx_re, nx_im
    return Cell()


# lmp LSTM2002Layer docstring (trainable-parameter table); per block k (nBlk blocks, hOut = nBlk*dBlk):
# W_{f,k}, W_{i,k}, W_{o,k} (1, hIn); U_{f,k}, U_{i,k}, U_{o,k} (1, hOut); V_{f,k}, V_{i,k}, V_{o,k} (1, dBlk);
# W_k (dBlk, hIn); U_k (dBlk, hOut); b_{f,k}, b_{i,k}, b_{o,k} (1); b_k (dBlk); c_0, h_0 are inputs;
# Count: nBlk*(3*hIn + 3*hOut + 3*dBlk + dBlk*hIn + dBlk*hOut + 3 + dBlk).
@_export
def h39d_lmp_lstm2002(hIn=7, nBlk=2, dBlk=3):
    hOut = nBlk * dBlk

    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.Wg = _p(nBlk, 3, hIn)      # W_{f,k}, W_{i,k}, W_{o,k}
            self.Ug = _p(nBlk, 3, hOut)     # U_{f,k}, U_{i,k}, U_{o,k}
            self.Vg = _p(nBlk, 3, dBlk)     # V_{f,k}, V_{i,k}, V_{o,k}
            self.bg = _p(nBlk, 3)           # b_{f,k}, b_{i,k}, b_{o,k}
            self.W = _p(nBlk, dBlk, hIn)    # W_k
            self.U = _p(nBlk, dBlk, hOut)   # U_k
            self.b = _p(nBlk, dBlk)         # b_k

        def forward(self, x, h, c):         # x (B, hIn), h (B, hOut), c (B, nBlk, dBlk)
            gx = torch.einsum("kgi,bi->bkg", self.Wg, x) + torch.einsum("kgj,bj->bkg", self.Ug, h) + self.bg
            pc = torch.einsum("kgd,bkd->bkg", self.Vg, c)
            f = torch.sigmoid(gx[..., 0] + pc[..., 0]).unsqueeze(-1)
            i = torch.sigmoid(gx[..., 1] + pc[..., 1]).unsqueeze(-1)
            g = torch.tanh(torch.einsum("kdi,bi->bkd", self.W, x) + torch.einsum("kdj,bj->bkd", self.U, h) + self.b)
            c1 = f * c + i * g
            o = torch.sigmoid(gx[..., 2] + torch.einsum("kd,bkd->bk", self.Vg[:, 2], c1)).unsqueeze(-1)
            h1 = (o * torch.tanh(c1)).flatten(1)
            return h1, c1
    return Cell()


# DirectML DML_RNN_OPERATOR_DESC (MicrosoftDocs/sdk-api); forward direction (the default) with the biases written in the
# equation: W_i (hidden, input), R_i (hidden, hidden), W_bi and R_bi (hidden); Count: h*x + h*h + 2*h.
@_export
def h39d_dml_rnn(input_size=7, hidden_size=5):
    x, h = input_size, hidden_size

    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_i = _p(h, x)
            self.R_i = _p(h, h)
            self.W_bi = _p(h)
            self.R_bi = _p(h)

        def forward(self, X, H):
            return torch.tanh(X @ self.W_i.T + H @ self.R_i.T + self.W_bi + self.R_bi)
    return Cell()
