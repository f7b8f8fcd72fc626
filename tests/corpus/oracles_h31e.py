import torch
from torch import nn

__all__ = []


def _export(f):
    __all__.append(f.__name__)
    return f


def _p(*shape):
    return nn.Parameter(torch.randn(*shape) * 0.1)


# stored file id 42357508380 (Swift SimpleNN LSTM.swift, public struct LSTM).
# wf, wi, wo, wa: h x x (x.rows == wf.cols, state.0.rows == wf.rows); rf, ri, ro, ra: h x h; no biases.
# count = 4 * (h*x + h*h)
@_export
def h31e_simplenn_lstm(x=7, h=5):
    class M(nn.Module):
        def __init__(self):
            super().__init__()
            for g in "fioa":
                setattr(self, "w" + g, _p(h, x))
                setattr(self, "r" + g, _p(h, h))

        def forward(self, xt, state):
            hp, cp = state
            pre = {g: xt @ getattr(self, "w" + g).T + hp @ getattr(self, "r" + g).T for g in "fioa"}
            a = torch.tanh(pre["a"])
            i, f, o = torch.sigmoid(pre["i"]), torch.sigmoid(pre["f"]), torch.sigmoid(pre["o"])
            c = i * a + cp * f
            return torch.tanh(c) * o, c
    return M()


# stored file id 35870983306 (Common Lisp lstm-cell).
# per gate k in i, f, g, o: w-ik: h x x, w-hk: h x h, b-ik: h, b-hk: h (two biases per gate, as the code keeps them).
# count = 4 * (h*x + h*h + 2*h)
@_export
def h31e_lisplstm_lstm(x=7, h=5):
    class M(nn.Module):
        def __init__(self):
            super().__init__()
            for g in "ifgo":
                setattr(self, "w_i" + g, _p(h, x))
                setattr(self, "w_h" + g, _p(h, h))
                setattr(self, "b_i" + g, _p(h))
                setattr(self, "b_h" + g, _p(h))

        def pre(self, g, xt, hp):
            return (xt @ getattr(self, "w_i" + g).T + getattr(self, "b_i" + g)
                    + hp @ getattr(self, "w_h" + g).T + getattr(self, "b_h" + g))

        def forward(self, xt, state):
            hp, cp = state
            i = torch.sigmoid(self.pre("i", xt, hp))
            f = torch.sigmoid(self.pre("f", xt, hp))
            g = torch.tanh(self.pre("g", xt, hp))
            o = torch.sigmoid(self.pre("o", xt, hp))
            c = f * cp + i * g
            return o * torch.tanh(c), c
    return M()


# stored file id 35870983306 (Common Lisp gru-cell).
# per gate k in r, z, n: w-ik: h x x, w-hk: h x h, b-ik: h, b-hk: h; n = tanh(W_in x + b_in + r * (W_hn h + b_hn)).
# count = 3 * (h*x + h*h + 2*h)
@_export
def h31e_lispgru_gru(x=7, h=5):
    class M(nn.Module):
        def __init__(self):
            super().__init__()
            for g in "rzn":
                setattr(self, "w_i" + g, _p(h, x))
                setattr(self, "w_h" + g, _p(h, h))
                setattr(self, "b_i" + g, _p(h))
                setattr(self, "b_h" + g, _p(h))

        def forward(self, xt, hp):
            gi = {g: xt @ getattr(self, "w_i" + g).T + getattr(self, "b_i" + g) for g in "rzn"}
            gh = {g: hp @ getattr(self, "w_h" + g).T + getattr(self, "b_h" + g) for g in "rzn"}
            r = torch.sigmoid(gi["r"] + gh["r"])
            z = torch.sigmoid(gi["z"] + gh["z"])
            n = torch.tanh(gi["n"] + r * gh["n"])
            return (1 - z) * n + z * hp
    return M()


# stored file id 30568701328 (Coq Definition LSTM).
# per gate k in i, f, o, c: W_xk: d x h, W_hk: h x h, b_k: h (candidate with Sigmoid2d as written).
# count = 4 * (d*h + h*h + h)
@_export
def h31e_coqshape_lstm(d=7, h=5):
    class M(nn.Module):
        def __init__(self):
            super().__init__()
            for g in "ifoc":
                setattr(self, "W_x" + g, _p(d, h))
                setattr(self, "W_h" + g, _p(h, h))
                setattr(self, "b_" + g, _p(h))

        def forward(self, xt, state):
            H, C = state
            pre = {g: xt @ getattr(self, "W_x" + g) + H @ getattr(self, "W_h" + g) + getattr(self, "b_" + g)
                   for g in "ifoc"}
            I, F, O, Ct = (torch.sigmoid(pre[g]) for g in "ifoc")
            C = F * C + I * Ct
            return O * torch.tanh(C), C
    return M()


# stored file id 60660998340 (Zig Aion LSTMCell) -- marked refuse (biases optional).
# Most plausible reading: both biases present. w_ih: input_size x 4h, w_hh: h x 4h, b_ih, b_hh: 4h.
# count = 4*h*(input_size + h) + 8*h
@_export
def h31e_aionzig_lstm(input_size=7, hidden=5):
    class M(nn.Module):
        def __init__(self):
            super().__init__()
            self.w_ih = _p(input_size, 4 * hidden)
            self.w_hh = _p(hidden, 4 * hidden)
            self.b_ih = _p(4 * hidden)
            self.b_hh = _p(4 * hidden)

        def forward(self, x, state):
            hp, cp = state
            g = x @ self.w_ih + hp @ self.w_hh + self.b_ih + self.b_hh
            i, f, gg, o = g.chunk(4, -1)
            c = torch.sigmoid(f) * cp + torch.sigmoid(i) * torch.tanh(gg)
            return torch.sigmoid(o) * torch.tanh(c), c
    return M()


# stored file id 65997180523 (Zig //! module doc, LSTM with bias row and learnable initial state).
# w: (x + h + 1) x 4h (stacked [W_ih | W_hh] transposed plus the summed bias row); h0: h, c0: h (learnable).
# count = 4*h*(x + h + 1) + 2*h
@_export
def h31e_zigstream_lstm(x=7, h=5):
    class M(nn.Module):
        def __init__(self):
            super().__init__()
            self.w = _p(x + h + 1, 4 * h)
            self.h0 = _p(h)
            self.c0 = _p(h)

        def forward(self, xt, state=None):
            if state is None:
                hp, cp = self.h0.expand(xt.shape[0], h), self.c0.expand(xt.shape[0], h)
            else:
                hp, cp = state
            one = torch.ones(*xt.shape[:-1], 1)
            g = torch.cat([xt, hp, one], -1) @ self.w
            i, f, gg, o = g.chunk(4, -1)
            c = torch.sigmoid(f) * cp + torch.sigmoid(i) * torch.tanh(gg)
            return torch.sigmoid(o) * torch.tanh(c), c
    return M()


# stored file id 39173540334 (MATLAB lstm_cell script, input_size = 1, hidden_size = 10).
# Wf, Wi, Wc, Wo: hidden_size x (input_size + hidden_size) on z = [x; h_prev]; bf, bi, bc, bo: hidden_size.
# count = 4 * (hidden_size*(input_size + hidden_size) + hidden_size)
@_export
def h31e_matlabsin_lstm(input_size=1, hidden_size=10):
    class M(nn.Module):
        def __init__(self):
            super().__init__()
            for g in "fico":
                setattr(self, "W" + g, _p(hidden_size, input_size + hidden_size))
                setattr(self, "b" + g, _p(hidden_size))

        def forward(self, x, state):
            hp, cp = state
            z = torch.cat([x, hp], -1)
            pre = {g: z @ getattr(self, "W" + g).T + getattr(self, "b" + g) for g in "fico"}
            ft, it, ot = torch.sigmoid(pre["f"]), torch.sigmoid(pre["i"]), torch.sigmoid(pre["o"])
            c = ft * cp + it * torch.tanh(pre["c"])
            return ot * torch.tanh(c), c
    return M()


# stored file id 58537062608 (R morie_geron_gru_cell).
# Wz, Wr, W: H x (H + n) on [h, x] (candidate on [r*h, x]); no biases.
# count = 3 * H * (H + n)
@_export
def h31e_moriegeron_gru(H=5, n=7):
    class M(nn.Module):
        def __init__(self):
            super().__init__()
            self.Wz = _p(H, H + n)
            self.Wr = _p(H, H + n)
            self.W = _p(H, H + n)

        def forward(self, x, hp):
            hx = torch.cat([hp, x], -1)
            z = torch.sigmoid(hx @ self.Wz.T)
            r = torch.sigmoid(hx @ self.Wr.T)
            ht = torch.tanh(torch.cat([r * hp, x], -1) @ self.W.T)
            return (1 - z) * hp + z * ht
    return M()


# stored file id 36077976929 (Rust tch Mgu, Minimal Gated Unit).
# f = nn::linear(i + h, h) with bias, h = nn::linear(i + h, h) with bias.
# count = 2 * (h*(i + h) + h)
@_export
def h31e_fxcmmgu_mgu(i=7, h=5):
    class M(nn.Module):
        def __init__(self):
            super().__init__()
            self.f = nn.Linear(i + h, h)
            self.h = nn.Linear(i + h, h)

        def forward(self, x, hp):
            f = torch.sigmoid(self.f(torch.cat([x, hp], -1)))
            ht = torch.tanh(self.h(torch.cat([x, f * hp], -1)))
            return (1 - f) * hp + f * ht
    return M()


# stored file id 62642994303 (Julia LSTMCell, economic forecasting).
# Wf, Wi, Wc, Wo: hidden_size x (input_size + hidden_size) on vcat(x, h_prev); bf, bi, bc, bo: hidden_size.
# count = 4 * (hidden_size*(input_size + hidden_size) + hidden_size)
@_export
def h31e_econjl_lstm(input_size=7, hidden_size=5):
    class M(nn.Module):
        def __init__(self):
            super().__init__()
            for g in "fico":
                setattr(self, "W" + g, _p(hidden_size, input_size + hidden_size))
                setattr(self, "b" + g, _p(hidden_size))

        def forward(self, x, state):
            hp, cp = state
            z = torch.cat([x, hp], -1)
            pre = {g: z @ getattr(self, "W" + g).T + getattr(self, "b" + g) for g in "fico"}
            ft, it, ot = torch.sigmoid(pre["f"]), torch.sigmoid(pre["i"]), torch.sigmoid(pre["o"])
            c = ft * cp + it * torch.tanh(pre["c"])
            return ot * torch.tanh(c), c
    return M()


# stored file id 2520898190 (rnn_jax ElmanRNNCell docstring).
# W_h: hdim x hdim, W_x: hdim x idim, b: hdim; nonlinearity parameter-free.
# count = hdim*hdim + hdim*idim + hdim
@_export
def h31e_rnnjax_elman(idim=7, hdim=5):
    class M(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_h = _p(hdim, hdim)
            self.W_x = _p(hdim, idim)
            self.b = _p(hdim)

        def forward(self, x, hp):
            return torch.relu(hp @ self.W_h.T + x @ self.W_x.T + self.b)
    return M()


# stored file id 2520898190 (rnn_jax IndRNNCell).
# w_ih: hdim x idim, w_hh: hdim (diagonal recurrence), b: hdim.
# count = hdim*idim + 2*hdim
@_export
def h31e_rnnjax_indrnn(idim=7, hdim=5):
    class M(nn.Module):
        def __init__(self):
            super().__init__()
            self.w_hh = _p(hdim)
            self.w_ih = _p(hdim, idim)
            self.b = _p(hdim)

        def forward(self, x, hp):
            return torch.relu(self.w_hh * hp + x @ self.w_ih.T + self.b)
    return M()


# stored file id 9975959924 (Rust port of Opus compute_generic_gru) -- marked refuse (bias/diag optional).
# Most plausible reading: input layer 3n x m with bias 3n, recurrent layer 3n x n with bias 3n, no diag.
# count = 3*n*m + 3*n*n + 6*n
@_export
def h31e_opusrs_gru(m=7, n=5):
    class M(nn.Module):
        def __init__(self):
            super().__init__()
            self.input_weights = nn.Linear(m, 3 * n)
            self.recurrent_weights = nn.Linear(n, 3 * n)

        def forward(self, x, state):
            zrh = self.input_weights(x)
            recur = self.recurrent_weights(state)
            z = torch.sigmoid(zrh[..., :n] + recur[..., :n])
            r = torch.sigmoid(zrh[..., n:2 * n] + recur[..., n:2 * n])
            h = torch.tanh(zrh[..., 2 * n:] + recur[..., 2 * n:] * r)
            return z * state + (1 - z) * h
    return M()


# stored file id 70533198050 (Rust port of a legacy C++ peephole LSTMLayer).
# input_weights: input_size x 4*output_size, feedback_weights: output_size x 4*output_size,
# peep_weight: 12 x output_size, biases: 1 x 4*output_size (derivative accumulators and caches are not parameters).
# count = 4*I*O + 4*O*O + 12*O + 4*O
@_export
def h31e_peep12rs_lstm(input_size=7, output_size=5):
    O = output_size

    class M(nn.Module):
        def __init__(self):
            super().__init__()
            self.input_weights = _p(input_size, 4 * O)
            self.feedback_weights = _p(O, 4 * O)
            self.peep_weight = _p(12, O)
            self.biases = _p(1, 4 * O)

        def forward(self, x, state):
            # one step t >= 1 with all three peephole families on; blocks [i|f|o|g]
            y_prev, c_prev, g_prev = state
            p = self.peep_weight
            g = x @ self.input_weights + self.biases + y_prev @ self.feedback_weights
            i_p, f_p, o_p, gg = g[..., :O], g[..., O:2 * O], g[..., 2 * O:3 * O], g[..., 3 * O:]
            ip, fp, op = g_prev[..., :O], g_prev[..., O:2 * O], g_prev[..., 2 * O:3 * O]
            i_p = i_p + c_prev * p[0] + ip * p[3] + (fp * p[4] + op * p[5])
            f_p = f_p + c_prev * p[1] + fp * p[7] + (ip * p[6] + op * p[8])
            i, f, gg = torch.sigmoid(i_p), torch.sigmoid(f_p), torch.tanh(gg)
            c = i * gg + c_prev * f
            o_p = o_p + c * p[2] + i * p[9] + f * p[10] + op * p[11]
            o = torch.sigmoid(o_p)
            y = o * c
            return y, c, torch.cat([i, f, o, gg], -1)
    return M()
