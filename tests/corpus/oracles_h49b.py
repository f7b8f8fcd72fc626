"""Oracles for the h49b set-aside snippets (heldout49), as its gatherer wrote them."""
import torch
from torch import nn

__all__ = []


def _export(f):
    __all__.append(f.__name__)
    return f


def _p(*shape):
    return nn.Parameter(torch.randn(*shape) * 0.1)


# nyu-dl/dl4mt-tutorial docs/cgru.tex, conditional GRU with attention (cGRU_att); read without biases (the
# text's footnote says they are omitted), embedding E not counted (vocabulary size is not a cell size),
# attention size = s as in dl4mt: REC_1 W', W'_r, W'_z (s x E), U', U'_r, U'_z (s x s); ATT v_a (s),
# U_a (s x s), W_a (s x h); REC_2 W, W_r, W_z (s x h), U, U_r, U_z (s x s);
# Count: 3(sE + s^2) + (s + s^2 + sh) + 3(sh + s^2).
@_export
def h49b_dl4mt_cgru(E=7, s=5, h=6):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W1, self.Wr1, self.Wz1 = _p(s, E), _p(s, E), _p(s, E)
            self.U1, self.Ur1, self.Uz1 = _p(s, s), _p(s, s), _p(s, s)
            self.v_a, self.U_a, self.W_a = _p(s), _p(s, s), _p(s, h)
            self.W2, self.Wr2, self.Wz2 = _p(s, h), _p(s, h), _p(s, h)
            self.U2, self.Ur2, self.Uz2 = _p(s, s), _p(s, s), _p(s, s)

        def forward(self, ey, s_prev, C):  # ey: (E,), s_prev: (s,), C: (T, h)
            r1 = torch.sigmoid(self.Wr1 @ ey + self.Ur1 @ s_prev)
            z1 = torch.sigmoid(self.Wz1 @ ey + self.Uz1 @ s_prev)
            sb1 = torch.tanh(self.W1 @ ey + r1 * (self.U1 @ s_prev))
            s1 = (1 - z1) * sb1 + z1 * s_prev
            e = torch.tanh(C @ self.W_a.T + self.U_a @ s1) @ self.v_a
            a = torch.softmax(e, 0)
            c = a @ C
            r2 = torch.sigmoid(self.Wr2 @ c + self.Ur2 @ s1)
            z2 = torch.sigmoid(self.Wz2 @ c + self.Uz2 @ s1)
            sb2 = torch.tanh(self.W2 @ c + r2 * (self.U2 @ s1))
            return (1 - z2) * sb2 + z2 * s1
    return Cell()


# chadlillian/olcmen paper/paper.tex, LSTM; W_f, W_i, W_o, W_C each (h x (h + x)) on [h_{t-1}; x_t], biases b_f, b_i,
# b_o, b_C (h); the cell update C_t = f_t*C_{t-1} + i_t*C~_t is in prose only and adds no parameters;
# Count: 4(h(h + x) + h).
@_export
def h49b_olcmen_lstm(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_f, self.W_i, self.W_o, self.W_C = (_p(h, h + x) for _ in range(4))
            self.b_f, self.b_i, self.b_o, self.b_C = (_p(h) for _ in range(4))

        def forward(self, xt, hc):
            hp, cp = hc
            v = torch.cat([hp, xt])
            f = torch.sigmoid(self.W_f @ v + self.b_f)
            i = torch.sigmoid(self.W_i @ v + self.b_i)
            o = torch.sigmoid(self.W_o @ v + self.b_o)
            ct = torch.tanh(self.W_C @ v + self.b_C)
            c = f * cp + i * ct
            return o * torch.tanh(c), c
    return Cell()


# m-marini/dl4jtest docs/lstm.tex, single scalar LSTM cell (Gers style); most plausible reading: the inputs I_i(t)
# are the x input signals plus the cell's own previous output y(t-1), so each of w^f, w^r, w^g, w^s has x + 1
# weights, no biases; Count: 4(x + 1). (Refuse: the number of inputs I_i is never given.)
@_export
def h49b_dl4jtest_lstmcell(x=7):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.w_f, self.w_r, self.w_g, self.w_s = (_p(x + 1) for _ in range(4))

        def forward(self, xt, state):
            y_prev, zh_prev = state
            I = torch.cat([xt, y_prev.reshape(1)])
            yf = torch.sigmoid(self.w_f @ I)
            yr = torch.sigmoid(self.w_r @ I)
            yg = torch.sigmoid(self.w_g @ I)
            ys = torch.tanh(self.w_s @ I)
            zh = yg * ys + zh_prev * yr
            y = torch.tanh(zh) * yf
            return y, zh
    return Cell()


class _Elman(nn.Module):
    # s_i = tanh([x_i, s_{i-1}] W + b); y_i = softmax(s_i W' + b')  (row-vector convention)
    def __init__(self, x, s, y):
        super().__init__()
        self.W, self.b = _p(x + s, s), _p(s)
        self.Wo, self.bo = _p(s, y), _p(y)

    def forward(self, xt, sp):
        s = torch.tanh(torch.cat([xt, sp]) @ self.W + self.b)
        return torch.softmax(s @ self.Wo + self.bo, -1), s


# eneyi/cs287 HW4 write-up, Elman RNN transducer; transition W ((x + s) x s), b (s); output layer (same letters,
# necessarily other matrices) W (s x y), b (y); Count: (x + s)s + s + sy + y.
@_export
def h49b_eneyi_elman(x=7, s=5, y=3):
    return _Elman(x, s, y)


# cgyulay/cs287 HW4 write-up, Elman RNN transducer; most plausible reading: transition W ((x + d_hid) x d_hid), b
# (d_hid) and output softmax(s W + b) with W (d_hid x C), b (C); the stated linear layer W in R^{d_embed . |C|}
# on x is read as a slip; Count: (x + d_hid)d_hid + d_hid + d_hid C + C. (Refuse: one W, b named with three shapes.)
@_export
def h49b_cgyulay_elman(x=7, d_hid=5, C=3):
    return _Elman(x, d_hid, C)


# rpadaki/cs287-assignments hw2 write-up, Zaremba-style LSTM layer; one affine map T_{2n,4n} (weights 4n x 2n and
# bias 4n) on [h_t^{l-1}; h_{t-1}^l]; Count: 8n^2 + 4n.
@_export
def h49b_rpadaki_lstm(n=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.T = nn.Linear(2 * n, 4 * n)

        def forward(self, h_below, state):
            hp, cp = state
            z = self.T(torch.cat([h_below, hp]))
            i, f, o = torch.sigmoid(z[:n]), torch.sigmoid(z[n:2 * n]), torch.sigmoid(z[2 * n:3 * n])
            g = torch.tanh(z[3 * n:])
            c = f * cp + i * g
            return o * torch.tanh(c), c
    return Cell()


# r0hilp/cs287-hw4 write-up, LSTM transducer with its listed parameters: W_0 (|V| x d_in), s_0 (d_hid), W_1
# (d_hid x 2), b_1 (2), C_0 (d_hid), and per gate i, j, f, o: W^{x.} (d_in x d_hid), W^{s.} (d_hid x d_hid), b^.
# (d_hid) (the repeated 'W^{xi}' in the list read as the typo it is); Count:
# V d_in + 2 d_hid + 2 d_hid + 2 + 4(d_in d_hid + d_hid^2 + d_hid).
@_export
def h49b_r0hilp_lstm(d_in=7, d_hid=5, V=11):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W0 = _p(V, d_in)
            self.s0, self.C0 = _p(d_hid), _p(d_hid)
            self.W1, self.b1 = _p(d_hid, 2), _p(2)
            self.Wx = nn.ParameterDict({k: _p(d_in, d_hid) for k in 'ijfo'})
            self.Ws = nn.ParameterDict({k: _p(d_hid, d_hid) for k in 'ijfo'})
            self.b = nn.ParameterDict({k: _p(d_hid) for k in 'ijfo'})

        def forward(self, c, state=None):  # c: character index
            s, C = (self.s0, self.C0) if state is None else state
            x = self.W0[c]
            a = {k: x @ self.Wx[k] + s @ self.Ws[k] + self.b[k] for k in 'ijfo'}
            i, j, f, o = torch.tanh(a['i']), torch.sigmoid(a['j']), torch.sigmoid(a['f']), torch.sigmoid(a['o'])
            C = j * i + f * C
            s = torch.tanh(C) * o
            return torch.softmax(s @ self.W1 + self.b1, -1), (s, C)
    return Cell()


# r0hilp/cs287-hw4 write-up, GRU subsection only; most plausible reading of what the excerpt shows: W^{xt}, W^{xr},
# W^x (d_in x d_hid), W^{st}, W^{sr}, W^s (d_hid x d_hid), b^t, b^r, b (d_hid) and the output W_1 (d_hid x 2) it
# multiplies by (the 'generic RNN parameters' W_0, s_0, b_1 are not shown); Count: 3(d_in d_hid + d_hid^2 + d_hid)
# + 2 d_hid. (Refuse: the generic parameters it adds to are outside the excerpt.)
@_export
def h49b_r0hilp_gru(d_in=7, d_hid=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.Wx = nn.ParameterDict({k: _p(d_in, d_hid) for k in ['t', 'r', 'h']})
            self.Ws = nn.ParameterDict({k: _p(d_hid, d_hid) for k in ['t', 'r', 'h']})
            self.b = nn.ParameterDict({k: _p(d_hid) for k in ['t', 'r', 'h']})
            self.W1 = _p(d_hid, 2)

        def forward(self, x, s):
            r = torch.sigmoid(x @ self.Wx['r'] + s @ self.Ws['r'] + self.b['r'])
            t = torch.sigmoid(x @ self.Wx['t'] + s @ self.Ws['t'] + self.b['t'])
            h = torch.tanh(x @ self.Wx['h'] + (r * s) @ self.Ws['h'] + self.b['h'])
            s = (1 - t) * h + t * s
            return torch.softmax(s @ self.W1, -1), s
    return Cell()


# kingtaurus/cs224d assignment 2 q3, RNN language model (row-vector form); L (|V| x d), I (d x D_h), H (D_h x D_h),
# b_1 (D_h), U (D_h x |V|), b_2 (|V|); h_0 read as a fixed initialization, not a parameter;
# Count: Vd + dD_h + D_h^2 + D_h + D_h V + V.
@_export
def h49b_cs224d_rnnlm(d=7, D_h=5, V=11):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.L, self.I, self.H, self.b1 = _p(V, d), _p(d, D_h), _p(D_h, D_h), _p(D_h)
            self.U, self.b2 = _p(D_h, V), _p(V)

        def forward(self, x, h):  # x: one-hot row vector (V,)
            e = x @ self.L
            h = torch.sigmoid(h @ self.H + e @ self.I + self.b1)
            return torch.softmax(h @ self.U + self.b2, -1), h
    return Cell()


# melissayu01/CS287r HW2 write-up, 2-layer LSTM language model; per layer W_f, W_i, W_C, W_o (l x (l + input)) and
# b_f, b_i, b_C, b_o (l); layer 1 input x_t (d), layer 2 input the layer-1 output (l); output W (|V| x l), b (|V|);
# embedding not counted (only its size d is given); Count: 4(l(l + d) + l) + 4(l(2l) + l) + Vl + V.
@_export
def h49b_cs287r_stacked_lstm(d=7, l=5, V=11):
    class Layer(nn.Module):
        def __init__(self, n_in):
            super().__init__()
            self.W = nn.ParameterDict({k: _p(l, l + n_in) for k in 'fiCo'})
            self.b = nn.ParameterDict({k: _p(l) for k in 'fiCo'})

        def forward(self, x, hc):
            h, C = hc
            v = torch.cat([h, x])
            f = torch.sigmoid(self.W['f'] @ v + self.b['f'])
            i = torch.sigmoid(self.W['i'] @ v + self.b['i'])
            Ct = torch.tanh(self.W['C'] @ v + self.b['C'])
            C = f * C + i * Ct
            o = torch.sigmoid(self.W['o'] @ v + self.b['o'])
            return o * torch.tanh(C), C

    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.l1, self.l2 = Layer(d), Layer(l)
            self.W, self.b = _p(V, l), _p(V)

        def forward(self, x, states):
            h1, c1 = self.l1(x, states[0])
            h2, c2 = self.l2(h1, states[1])
            return torch.softmax(self.W @ h2 + self.b, -1), [(h1, c1), (h2, c2)]
    return Cell()


# emtseng/cs6741 HW2 write-up, Zaremba-style LSTM layer with dropout D on the input; one affine map T_{2n,4n}
# (weights 4n x 2n, bias 4n); D has no parameters; Count: 8n^2 + 4n.
@_export
def h49b_cs6741_lstm(n=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.T = nn.Linear(2 * n, 4 * n)
            self.D = nn.Dropout(0.5)

        def forward(self, h_below, state):
            hp, cp = state
            z = self.T(torch.cat([self.D(h_below), hp]))
            i, f, o = torch.sigmoid(z[:n]), torch.sigmoid(z[n:2 * n]), torch.sigmoid(z[2 * n:3 * n])
            g = torch.tanh(z[3 * n:])
            c = f * cp + i * g
            return o * torch.tanh(c), c
    return Cell()
