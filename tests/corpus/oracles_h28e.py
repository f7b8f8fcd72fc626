import torch
from torch import nn

__all__ = []


def _export(f):
    __all__.append(f.__name__)
    return f


def _p(*shape):
    return nn.Parameter(torch.randn(*shape) * 0.1)


# stored file id 70288156926 (MATLAB import_classical_surrogate, local function gru_cell_step, "% PyTorch GRU
# equations"). The PyTorch GRU: W_ir, W_iz, W_in (h x x), W_hr, W_hz, W_hn (h x h), and two biases per gate
# (b_i*, b_h*). torch.nn.GRUCell has exactly these. 3h(x + h + 2).
@_export
def h28e_matlabsurrogate_gru(x=7, h=5):
    return nn.GRUCell(x, h)


# stored file id 67268412691 (pararnn ParaCfC module docstring). Marked refuse: f(x_t) undefined. Most plausible
# reading (the default gate_mix='input', as the class builds it): x carries d_in - 1 features plus dt in its last
# channel; f(x_t) = W_f x_feat + b_f, the candidate W_c x_feat + b_c (the class's W_x is one Linear(d_in - 1, 2h)
# with bias), u a vector of size h. 2h(d_in - 1) + 2h + h.
@_export
def h28e_paracfc(d_in=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_f, self.b_f = _p(h, d_in - 1), _p(h)
            self.W_c, self.b_c = _p(h, d_in - 1), _p(h)
            self.u = _p(h)

        def forward(self, x, hp):
            feat, dt = x[..., :-1], x[..., -1:].clamp_min(1e-4)
            a = torch.exp(-nn.functional.softplus(feat @ self.W_f.T + self.b_f) * dt)
            n = torch.tanh(feat @ self.W_c.T + self.b_c + self.u * hp)
            return a * hp + (1 - a) * n

    return Cell()


# stored file id 17476995372 (FrankenTorch Rust nn modules, GRUCell doc comment). PyTorch-layout GRU:
# W_ir, W_iz, W_in (hidden x input), W_hr, W_hz, W_hn (hidden x hidden), b_i*, b_h* (hidden each).
# 3 hidden (input + hidden + 2).
@_export
def h28e_frankentorch_gru(input_size=7, hidden_size=5):
    return nn.GRUCell(input_size, hidden_size)


# stored file id 17476995372 (FrankenTorch Rust nn modules, RNNCell doc comment). W_ih (hidden x input),
# W_hh (hidden x hidden), b_ih, b_hh; activation has no parameters. hidden (input + hidden + 2).
@_export
def h28e_frankentorch_elman(input_size=7, hidden_size=5):
    return nn.RNNCell(input_size, hidden_size)


# stored file id 52985341487 (Go LSTM anomaly detector, struct LSTMWeights). Marked refuse: the declared shape
# of Ui..Uo ([hidden][input]) contradicts the equations (U*h with h of the hidden size). Most plausible reading
# (the equations): per gate W (h x x), U (h x h), b (h), four gates; plus the output layer Wy (y x h), By (y).
# 4h(x + h + 1) + y(h + 1).
@_export
def h28e_golstm_anomaly(x=1, h=32, y=1):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            for g in "ifgo":
                setattr(self, "W" + g, _p(h, x))
                setattr(self, "U" + g, _p(h, h))
                setattr(self, "B" + g, _p(h))
            self.Wy, self.By = _p(y, h), _p(y)

        def gate(self, g, xt, hp):
            return getattr(self, "W" + g) @ xt + getattr(self, "U" + g) @ hp + getattr(self, "B" + g)

        def forward(self, xt, state):
            hp, cp = state
            i = torch.sigmoid(self.gate("i", xt, hp))
            f = torch.sigmoid(self.gate("f", xt, hp))
            g = torch.tanh(self.gate("g", xt, hp))
            o = torch.sigmoid(self.gate("o", xt, hp))
            c = f * cp + i * g
            hn = o * torch.tanh(c)
            return self.Wy @ hn + self.By, (hn, c)

    return Cell()


# stored file id 27345165393 (GoNeuron Go GRU struct). As the layout comments give: inputWeights for three gates
# (3 outSize x inSize), recurrentWeights for two (update, reset; the candidate reuses the reset block on r * h),
# biases for three. 3 outSize inSize + 2 outSize^2 + 3 outSize.
@_export
def h28e_goneuron_gru(inSize=7, outSize=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.inputWeights = _p(3 * outSize, inSize)
            self.recurrentWeights = _p(2 * outSize, outSize)
            self.biases = _p(3 * outSize)

        def forward(self, x, hp):
            pre = self.inputWeights @ x + self.biases
            Wz, Wr = self.recurrentWeights[:outSize], self.recurrentWeights[outSize:]
            z = torch.sigmoid(pre[:outSize] + Wz @ hp)
            r = torch.sigmoid(pre[outSize:2 * outSize] + Wr @ hp)
            n = torch.tanh(pre[2 * outSize:] + Wr @ (r * hp))
            return (1 - z) * n + z * hp

    return Cell()


# stored file id 53829649856 (Zig Tesseract-style LSTMLayer comments). Four 1D gates CI (tanh), GI, GF1, GO
# (sigmoid), each a weight matrix [ns][na] on the concatenation [input | prev_output], na = ni + ns; no bias is
# named (the comment gives the shapes [ns][na]); GFS unused in 1D. 4 ns (ni + ns).
@_export
def h28e_zigtess_lstm(ni=7, ns=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.CI, self.GI, self.GF1, self.GO = (_p(ns, ni + ns) for _ in range(4))

        def forward(self, x, state):
            out, st = state
            a = torch.cat([x, out])
            ci = torch.tanh(self.CI @ a)
            gi = torch.sigmoid(self.GI @ a)
            gf = torch.sigmoid(self.GF1 @ a)
            go = torch.sigmoid(self.GO @ a)
            st = st * gf + ci * gi
            return torch.tanh(st) * go, st

    return Cell()


# stored file id 70306398800 (C++ models/recurrent.hpp header comment). Marked refuse: no gate equations. Most
# plausible reading (the file's LstmCell): four gates i, f, g, o, each a weight on the concatenation [x; h]
# (H x (X + H)) and a bias (H). 4H(X + H + 1).
@_export
def h28e_altairrec_lstm(X=7, H=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.wi, self.wf, self.wg, self.wo = (_p(H, X + H) for _ in range(4))
            self.bi, self.bf, self.bg, self.bo = (_p(H) for _ in range(4))

        def forward(self, x, state):
            h, c = state
            cat = torch.cat([x, h])
            i = torch.sigmoid(self.wi @ cat + self.bi)
            f = torch.sigmoid(self.wf @ cat + self.bf)
            g = torch.tanh(self.wg @ cat + self.bg)
            o = torch.sigmoid(self.wo @ cat + self.bo)
            c = f * c + i * g
            return o * torch.tanh(c), c

    return Cell()


# stored file id 67116870663 (TypeScript computeDktMasterySequence doc comment). Elman step W_hh (h x h),
# W_xh (h x x), b_h (h), plus the output layer W_hy (y x h), b_y (y). h(h + x + 1) + y(h + 1).
@_export
def h28e_tsdkt_elman(x=7, h=5, y=3):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_hh, self.W_xh, self.b_h = _p(h, h), _p(h, x), _p(h)
            self.W_hy, self.b_y = _p(y, h), _p(y)

        def forward(self, xt, hp):
            ht = torch.tanh(self.W_hh @ hp + self.W_xh @ xt + self.b_h)
            return torch.sigmoid(self.W_hy @ ht + self.b_y), ht

    return Cell()


# stored file id 71067067741 (React JSX RnnDemo comment, Chinese). h_t = tanh(W_x x_t + W_h h_{t-1}), no bias:
# W_x (h x x), W_h (h x h). h(x + h).
@_export
def h28e_jsxrnndemo_elman(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_x, self.W_h = _p(h, x), _p(h, h)

        def forward(self, xt, hp):
            return torch.tanh(self.W_x @ xt + self.W_h @ hp)

    return Cell()


# stored file id 60457352547 (irithyll_core Rust sLSTM module doc). Four gates f, i, o, z, each a weight w_*
# (h x (x + h)) on xh = [x_t, h_{t-1}] and a bias b_* (h); m and n are states. 4h(x + h + 1).
@_export
def h28e_irithyll_slstm(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.w_f, self.w_i, self.w_o, self.w_z = (_p(h, x + h) for _ in range(4))
            self.b_f, self.b_i, self.b_o, self.b_z = (_p(h) for _ in range(4))

        def forward(self, xt, state):
            hp, c, n, m = state
            xh = torch.cat([xt, hp])
            pf = self.w_f @ xh + self.b_f
            pi = self.w_i @ xh + self.b_i
            o = torch.sigmoid(self.w_o @ xh + self.b_o)
            z = torch.tanh(self.w_z @ xh + self.b_z)
            m_new = torch.maximum(pf + m, pi)
            f_ = torch.exp(pf + m - m_new)
            i_ = torch.exp(pi - m_new)
            c = f_ * c + i_ * z
            n = f_ * n + i_
            return o * (c / torch.clamp(n.abs(), min=1.0)), (c, n, m_new)

    return Cell()


# GU-CLASP/TypedFlow:TypedFlow/Layers.hs (stored file id 15139787537), LSTMP / lstm. Four gates f, i, c, o, each
# a dense layer ((n + x) ⊸ n): weights [n + x, n] (recurrent [n, n] stacked on input [x, n]) and a bias [n].
# 4n(n + x + 1).
@_export
def h28e_typedflow_lstm(x=7, n=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.wf, self.wi, self.wc, self.wo = (_p(n + x, n) for _ in range(4))
            self.bf, self.bi, self.bc, self.bo = (_p(n) for _ in range(4))

        def forward(self, inp, state):
            ht1, ct1 = state
            hx = torch.cat([ht1, inp])
            f = torch.sigmoid(hx @ self.wf + self.bf)
            i = torch.sigmoid(hx @ self.wi + self.bi)
            ct = torch.tanh(hx @ self.wc + self.bc)
            o = torch.sigmoid(hx @ self.wo + self.bo)
            c = f * ct1 + i * ct
            return o * torch.tanh(c), c

    return Cell()


# stored file id 54755265103 (Go asymmetric-effort/datascience GRU struct comments). W (inputSize x 3 units),
# U (units x 3 units), bias (3 units), gates z, r, h; the layer applies r to h @ U_h (as its Forward does).
# 3 units (inputSize + units + 1).
@_export
def h28e_godatascience_gru(inputSize=7, units=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W, self.U, self.bias = _p(inputSize, 3 * units), _p(units, 3 * units), _p(3 * units)

        def forward(self, x, h):
            xg = x @ self.W + self.bias
            hg = h @ self.U
            u = units
            z = torch.sigmoid(xg[:u] + hg[:u])
            r = torch.sigmoid(xg[u:2 * u] + hg[u:2 * u])
            n = torch.tanh(xg[2 * u:] + r * hg[2 * u:])
            return (1 - z) * h + z * n

    return Cell()
