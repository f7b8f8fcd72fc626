"""Oracles for the h40d set-aside snippets (heldout40), as its gatherer wrote them."""
import torch
from torch import nn

__all__ = []


def _export(f):
    __all__.append(f.__name__)
    return f


def _p(*shape):
    return nn.Parameter(torch.randn(*shape) * 0.1)


# Apple MPSGraph GRU (developer.apple.com); packed R [3H,H], W [3H,I], b [3H], default resetAfter = NO (no b2);
# Count: 3H*H + 3H*I + 3H.
@_export
def h40d_mpsgraph_gru(I=7, H=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.R = _p(3 * H, H)
            self.W = _p(3 * H, I)
            self.b = _p(3 * H)
        def forward(self, x, h):
            xw = x @ self.W.T + self.b
            hr = h @ self.R.T
            z = torch.sigmoid(hr[:, :H] + xw[:, :H])
            r = torch.sigmoid(hr[:, H:2 * H] + xw[:, H:2 * H])
            c = (h * r) @ self.R[2 * H:].T
            o = torch.tanh(c + xw[:, 2 * H:])
            return z * h + (1 - z) * o
    return Cell()


# Apple MPSGraph LSTM with peephole (developer.apple.com); packed R [4H,H], W [4H,I], b [4H], peephole p [4H]
# ("a vector for each gate") multiplying c[t-1] in every gate's pre-activation; Count: 4H*H + 4H*I + 4H + 4H.
@_export
def h40d_mpsgraph_lstm(I=7, H=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.R = _p(4 * H, H)
            self.W = _p(4 * H, I)
            self.b = _p(4 * H)
            self.p = _p(4 * H)
        def forward(self, x, h, c):
            pre = h @ self.R.T + (x @ self.W.T + self.b) + self.p * c.repeat(1, 4)
            i, f, z, o = pre.chunk(4, dim=1)
            i, f, z, o = torch.sigmoid(i), torch.sigmoid(f), torch.tanh(z), torch.sigmoid(o)
            c = f * c + i * z
            return o * torch.tanh(c), c
    return Cell()


# PaddleSpeech DS2 RNNCell docstring; h_t = act(x_t + b_ih + W_hh h_{t-1} + b_hh): W_hh [h,h], b_ih [h], b_hh [h],
# no input weight (x has size h); Count: h*h + 2h.
@_export
def h40d_paddlespeech_rnncell(h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_hh = _p(h, h)
            self.b_ih = _p(h)
            self.b_hh = _p(h)
        def forward(self, x, hp):
            ht = torch.tanh(x + self.b_ih + hp @ self.W_hh.T + self.b_hh)
            return ht, ht
    return Cell()


# PaddleSpeech DS2 GRUCell (refuse: docstring writes W_ir/W_iz/W_ic and b_i*, __init__ builds only weight_hh
# [3h,h] and bias_hh, bias_ih = None); most plausible reading = the docstring formula: per gate W_i* [h,x],
# b_i* [h], W_h* [h,h], b_h* [h]; Count: 3(hx + h^2 + 2h).
@_export
def h40d_paddlespeech_grucell(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.ih = nn.Linear(x, 3 * h)
            self.hh = nn.Linear(h, 3 * h)
        def forward(self, xt, hp):
            xr, xz, xc = self.ih(xt).chunk(3, 1)
            hr, hz, hc = self.hh(hp).chunk(3, 1)
            r = torch.sigmoid(xr + hr)
            z = torch.sigmoid(xz + hz)
            ht = torch.tanh(xc + r * hc)
            return z * hp + (1 - z) * ht
    return Cell()


# kyegomez/zeta SimpleLSTMCell (source code, no equation); W_i/W_f/W_o/W_c = nn.Linear(dim, hidden_dim) and
# U_i/U_f/U_o/U_c = nn.Linear(hidden_dim, hidden_dim), all with default biases; Count: 4(dim*h + h) + 4(h*h + h).
@_export
def h40d_zeta_simplelstmcell(dim=7, hidden_dim=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_i = nn.Linear(dim, hidden_dim)
            self.U_i = nn.Linear(hidden_dim, hidden_dim)
            self.W_f = nn.Linear(dim, hidden_dim)
            self.U_f = nn.Linear(hidden_dim, hidden_dim)
            self.W_o = nn.Linear(dim, hidden_dim)
            self.U_o = nn.Linear(hidden_dim, hidden_dim)
            self.W_c = nn.Linear(dim, hidden_dim)
            self.U_c = nn.Linear(hidden_dim, hidden_dim)
        def forward(self, x, h, c):
            i = torch.sigmoid(self.W_i(x) + self.U_i(h))
            f = torch.sigmoid(self.W_f(x) + self.U_f(h))
            o = torch.sigmoid(self.W_o(x) + self.U_o(h))
            ct = torch.tanh(self.W_c(x) + self.U_c(h))
            c = f * c + i * ct
            return o * torch.tanh(c), c
    return Cell()


# chronos-nn plan, stage 1 RNN; W_hh [h,h], W_ih [h,x], b_h [h]; output layer W_ho [y,h], b_o [y];
# Count: h*h + h*x + h + y*h + y.
@_export
def h40d_chronos_rnn(x=7, h=5, y=3):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_hh = _p(h, h)
            self.W_ih = _p(h, x)
            self.b_h = _p(h)
            self.W_ho = _p(y, h)
            self.b_o = _p(y)
        def forward(self, xt, hp):
            ht = torch.tanh(hp @ self.W_hh.T + xt @ self.W_ih.T + self.b_h)
            return ht, ht @ self.W_ho.T + self.b_o
    return Cell()


# chronos-nn plan, stage 4 GRU; W_r, W_z, W each [h, h+x] on concatenations, no bias written;
# Count: 3 h (h + x).
@_export
def h40d_chronos_gru(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_r = _p(h, h + x)
            self.W_z = _p(h, h + x)
            self.W = _p(h, h + x)
        def forward(self, xt, hp):
            hx = torch.cat([hp, xt], 1)
            r = torch.sigmoid(hx @ self.W_r.T)
            z = torch.sigmoid(hx @ self.W_z.T)
            hh = torch.tanh(torch.cat([r * hp, xt], 1) @ self.W.T)
            return (1 - z) * hp + z * hh
    return Cell()


# rwkv.cpp RWKV-4 time mixing (rkv + wkv functions); time_mix_k/v/r [d], rw/kw/vw [d,d], time_first [d],
# time_decay [d] (per-channel vectors, as in RWKV); output projection ow is outside the excerpt; Count: 3d^2 + 5d.
@_export
def h40d_rwkvcpp_v4att(x=5):
    d = x
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.time_mix_k = _p(d)
            self.time_mix_v = _p(d)
            self.time_mix_r = _p(d)
            self.rw = _p(d, d)
            self.kw = _p(d, d)
            self.vw = _p(d, d)
            self.time_first = _p(d)
            self.time_decay = _p(d)
        def forward(self, xt, xprev, aa, bb, pp):
            xk = xt * self.time_mix_k + xprev * (1 - self.time_mix_k)
            xv = xt * self.time_mix_v + xprev * (1 - self.time_mix_v)
            xr = xt * self.time_mix_r + xprev * (1 - self.time_mix_r)
            r = torch.sigmoid(xr @ self.rw.T)
            k = xk @ self.kw.T
            v = xv @ self.vw.T
            ww = self.time_first + k
            qq = torch.maximum(pp, ww)
            e1, e2 = torch.exp(pp - qq), torch.exp(ww - qq)
            a, b = e1 * aa + e2 * v, e1 * bb + e2
            ww = pp + self.time_decay
            qq = torch.maximum(ww, k)
            e1, e2 = torch.exp(ww - qq), torch.exp(k - qq)
            aa, bb, pp = e1 * aa + e2 * v, e1 * bb + e2, qq
            return r * (a / b), (aa, bb, pp)
    return Cell()


# Microsoft ELL FastGRNNNode::Define; with wrank, urank != 0: W1 [wrank,in], W2 [hid,wrank], U1 [urank,hid],
# U2 [hid,urank] shared by gate and update, b_g [hid], b_u [hid], scalar zeta, scalar nu;
# Count: wrank*in + hid*wrank + urank*hid + hid*urank + 2 hid + 2.
@_export
def h40d_ell_fastgrnn(inputSize=7, hiddenUnits=5, wrank=2, urank=3):
    H = hiddenUnits
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W1 = _p(wrank, inputSize)
            self.W2 = _p(H, wrank)
            self.U1 = _p(urank, H)
            self.U2 = _p(H, urank)
            self.b_g = _p(H)
            self.b_u = _p(H)
            self.zeta = _p(1)
            self.nu = _p(1)
        def forward(self, x, h):
            wxuh = x @ self.W1.T @ self.W2.T + h @ self.U1.T @ self.U2.T
            zt = torch.sigmoid(wxuh + self.b_g)
            ht1 = torch.tanh(wxuh + self.b_u)
            return (self.zeta + self.nu) * ht1 - self.zeta * zt * ht1 + zt * h
    return Cell()


# keras2c k2c_lstmcell; Wi/Wf/Wc/Wo [in,units], Ui/Uf/Uc/Uo [units,units], bi/bf/bc/bo [units];
# Count: 4(in*units + units^2 + units).
@_export
def h40d_keras2c_lstmcell(in_width=7, units=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.kernel = _p(in_width, 4 * units)
            self.recurrent_kernel = _p(units, 4 * units)
            self.bias = _p(4 * units)
        def forward(self, x, h, c):
            z = x @ self.kernel + self.bias + h @ self.recurrent_kernel
            i, f, cc, o = z.chunk(4, 1)
            i, f, o = torch.sigmoid(i), torch.sigmoid(f), torch.sigmoid(o)
            c = f * c + i * torch.tanh(cc)
            return o * torch.tanh(c), c
    return Cell()


# keras2c k2c_grucell (refuse: comments and code disagree on the recurrent biases rbz, rbr; rbh only with
# reset_after). Oracle = the code's reset_after = 1 path: Wz/Wr/Wh [in,units], Uz/Ur/Uh [units,units], input biases
# bz/br/bh and recurrent biases rbz/rbr/rbh [units]; Count: 3 in*units + 3 units^2 + 6 units.
@_export
def h40d_keras2c_grucell(in_width=7, units=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.kernel = _p(in_width, 3 * units)
            self.recurrent_kernel = _p(units, 3 * units)
            self.bias = _p(6 * units)
        def forward(self, x, h):
            xb = x @ self.kernel + self.bias[:3 * units]
            hb = h @ self.recurrent_kernel + self.bias[3 * units:]
            xz, xr, xh = xb.chunk(3, 1)
            yz, yr, yh = hb.chunk(3, 1)
            z = torch.sigmoid(xz + yz)
            r = torch.sigmoid(xr + yr)
            hh = torch.tanh(xh + r * yh)
            return z * h + (1 - z) * hh
    return Cell()


# TFLite Micro lstm_eval.h; four gates (forget, input, cell, output), each gate = act(FC(input) + FC(recurrent))
# with input_weight [state,input], input_bias [state], recurrent_weight [state,state], recurrent_bias [state];
# Count: 4(state*input + state + state^2 + state).
@_export
def h40d_tflm_lstm(input=7, state=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.input_fc = nn.ModuleList([nn.Linear(input, state) for _ in range(4)])
            self.recurrent_fc = nn.ModuleList([nn.Linear(state, state) for _ in range(4)])
        def forward(self, x, h, c):
            g = [self.input_fc[k](x) + self.recurrent_fc[k](h) for k in range(4)]
            f, i, cg, o = torch.sigmoid(g[0]), torch.sigmoid(g[1]), torch.tanh(g[2]), torch.sigmoid(g[3])
            c = f * c + i * cg
            return torch.tanh(c) * o, c
    return Cell()
