"""Oracles for the h47d set-aside snippets (heldout47), as its gatherer wrote them."""
import torch
from torch import nn

__all__ = []


def _export(f):
    __all__.append(f.__name__)
    return f


def _p(*shape):
    return nn.Parameter(torch.randn(*shape) * 0.1)


# ferrotorch (amberwhitehead/ferrotorch) rnn.rs LSTMCell; weight_ih (4h, x), weight_hh (4h, h),
# bias_ih (4h), bias_hh (4h), gates i, f, g, o; Count: 4h(x+h) + 8h.
@_export
def h47d_ferrotorch_lstmcell(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.weight_ih = _p(4 * h, x)
            self.weight_hh = _p(4 * h, h)
            self.bias_ih = _p(4 * h)
            self.bias_hh = _p(4 * h)

        def forward(self, xt, state):
            hp, cp = state
            gates = xt @ self.weight_ih.T + self.bias_ih + hp @ self.weight_hh.T + self.bias_hh
            i, f, g, o = gates.chunk(4, -1)
            i, f, g, o = torch.sigmoid(i), torch.sigmoid(f), torch.tanh(g), torch.sigmoid(o)
            c = f * cp + i * g
            return o * torch.tanh(c), c
    return Cell()


# yann (lsh123/yann) lstmlayer.h; per gate a, i, f, o: ww_x* (h, x), ww_h* (h, h), bb_* (h);
# no peepholes; Count: 4(hx + hh + h).
@_export
def h47d_yann_lstm(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.ww_x = nn.ParameterList([_p(h, x) for _ in range(4)])
            self.ww_h = nn.ParameterList([_p(h, h) for _ in range(4)])
            self.bb = nn.ParameterList([_p(h) for _ in range(4)])

        def forward(self, xt, state):
            hp, cp = state
            zz = [xt @ self.ww_x[g].T + hp @ self.ww_h[g].T + self.bb[g] for g in range(4)]
            a = torch.tanh(zz[0])
            i, f, o = (torch.sigmoid(z) for z in zz[1:])
            c = i * a + f * cp
            return o * torch.tanh(c), c
    return Cell()


# yann (lsh123/yann) reclayer.h; state: ww_hh (state, state), ww_xh (state, input), b_h (state);
# output layer: ww_ha (output, state), b_a (output); Count: s*s + s*in + s + out*s + out.
@_export
def h47d_yann_rnn(input_size=7, state_size=5, output_size=3):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.ww_hh = _p(state_size, state_size)
            self.ww_xh = _p(state_size, input_size)
            self.b_h = _p(state_size)
            self.ww_ha = _p(output_size, state_size)
            self.b_a = _p(output_size)

        def forward(self, xt, hh):
            hh = torch.tanh(hh @ self.ww_hh.T + xt @ self.ww_xh.T + self.b_h)
            a = torch.sigmoid(hh @ self.ww_ha.T + self.b_a)
            return a, hh
    return Cell()


# RETURNN user guide, recurrent "relu" subnet; one "linear" layer on concat[prev:output (n_out), data:source (x)]
# -> n_out, read with the bias a RETURNN linear layer has by default (with_bias=True);
# Count: n_out(n_out + x) + n_out (without the bias: n_out(n_out + x)).
@_export
def h47d_returnn_recsubnet_relu(x=7, n_out=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.output = nn.Linear(n_out + x, n_out, bias=True)

        def forward(self, xt, prev_output):
            return torch.relu(self.output(torch.cat([prev_output, xt], -1)))
    return Cell()


# DiffKt (facebookresearch/diffkt) LinearBeforeResetGRU; Dense layers with their default bias:
# xh2u, xh2r: (x+h) -> h; x2n: x -> h (b_1); h2n: h -> h (b_2); Count: 2((x+h)h + h) + (xh + h) + (hh + h).
@_export
def h47d_diffkt_gru(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.xh2u = nn.Linear(x + h, h)
            self.xh2r = nn.Linear(x + h, h)
            self.x2n = nn.Linear(x, h)
            self.h2n = nn.Linear(h, h)

        def forward(self, xt, hp):
            xh = torch.cat([xt, hp], -1)
            u = torch.sigmoid(self.xh2u(xh))
            r = torch.sigmoid(self.xh2r(xh))
            n = torch.tanh(self.x2n(xt) + r * self.h2n(hp))
            return (1 - u) * n + u * hp
    return Cell()


# flutter_ml (NoirsCodingCorner/flutter_ml) rnnLayer.dart; W_xh (h, x), W_hh (h, h), b_h (h);
# Count: hx + hh + h.
@_export
def h47d_flutterml_rnn(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_xh = _p(h, x)
            self.W_hh = _p(h, h)
            self.b_h = _p(h)

        def forward(self, xt, hp):
            return torch.tanh(xt @ self.W_xh.T + hp @ self.W_hh.T + self.b_h)
    return Cell()


# TenfloweRS (cool-japan/tenflowers) StateSpaceModel; read as allocated in new(): a_matrix (d_state,) diagonal,
# b_proj (d_model, d_state), c_proj (d_state, d_model), d_matrix (d_model, d_model), delta (d_model,) step size;
# Count: d_state + 2 d_model d_state + d_model^2 + d_model (struct-comment reading with full A: d_state^2 instead of d_state).
@_export
def h47d_tenflowers_ssm(d_model=7, d_state=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.a_matrix = _p(d_state)
            self.b_proj = _p(d_model, d_state)
            self.c_proj = _p(d_state, d_model)
            self.d_matrix = _p(d_model, d_model)
            self.delta = _p(d_model)

        def forward(self, xt, hp):
            dt = torch.nn.functional.softplus(self.delta)  # per-channel time step scales the input
            h = self.a_matrix * hp + (xt * dt) @ self.b_proj
            y = h @ self.c_proj + xt @ self.d_matrix
            return y, h
    return Cell()


# itsubaki/autograd layer/lstm.go; x2f/x2i/x2o/x2u: Linear x -> h with bias; h2f/h2i/h2o/h2u: Linear h -> h, no bias;
# Count: 4(hx + h) + 4hh.
@_export
def h47d_itsubaki_autograd_lstm(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.x2 = nn.ModuleDict({g: nn.Linear(x, h) for g in "fiou"})
            self.h2 = nn.ModuleDict({g: nn.Linear(h, h, bias=False) for g in "fiou"})

        def forward(self, xt, state):
            hp, cp = state
            f, i, o = (torch.sigmoid(self.x2[g](xt) + self.h2[g](hp)) for g in "fio")
            u = torch.tanh(self.x2["u"](xt) + self.h2["u"](hp))
            c = f * cp + i * u
            return o * torch.tanh(c), c
    return Cell()


# hls4ml (fastmachinelearning/hls4ml) nnet_recurrent.h nnet::lstm; array bounds: param (4 n_state x n_in),
# param_r (4 n_state x n_state), param_b (4 n_state), param_br (4 n_state); gate blocks i, f, c, o;
# Count: 4 n_state (n_in + n_state) + 8 n_state.
@_export
def h47d_hls4ml_lstm(n_in=7, n_state=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.param = _p(4 * n_state, n_in)
            self.param_r = _p(4 * n_state, n_state)
            self.param_b = _p(4 * n_state)
            self.param_br = _p(4 * n_state)

        def forward(self, data, state):
            h, s = state
            acc = data @ self.param.T + self.param_b + h @ self.param_r.T + self.param_br
            i, f, c, o = acc.chunk(4, -1)
            s = torch.tanh(c) * torch.sigmoid(i) + s * torch.sigmoid(f)
            return torch.sigmoid(o) * torch.tanh(s), s
    return Cell()


# LunarLearn (dommvr/LunarLearn) GRUCell; Wz, Wr, Wh (x, h); Uz, Ur, Uh (h, h); bz, br, bh (1, h);
# reset before Uh; Count: 3(xh + hh + h).
@_export
def h47d_lunarlearn_grucell(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W = nn.ParameterDict({g: _p(x, h) for g in "zrh"})
            self.U = nn.ParameterDict({g: _p(h, h) for g in "zrh"})
            self.b = nn.ParameterDict({g: _p(1, h) for g in "zrh"})

        def forward(self, xt, hp):
            W, U, b = self.W, self.U, self.b
            z = torch.sigmoid(xt @ W["z"] + hp @ U["z"] + b["z"])
            r = torch.sigmoid(xt @ W["r"] + hp @ U["r"] + b["r"])
            ht = torch.tanh(xt @ W["h"] + (r * hp) @ U["h"] + b["h"])
            return (1 - z) * hp + z * ht
    return Cell()


# ferrotorch (amberwhitehead/ferrotorch) rnn.rs multi-layer LSTM; per layer l: weight_ih (4h, x if l == 0 else h),
# weight_hh (4h, h), bias_ih (4h), bias_hh (4h); Count: 4h(x+h) + 8h + (num_layers-1)(4h(2h) + 8h).
@_export
def h47d_ferrotorch_lstm_stacked(x=7, h=5, num_layers=2):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.weight_ih = nn.ParameterList([_p(4 * h, x if l == 0 else h) for l in range(num_layers)])
            self.weight_hh = nn.ParameterList([_p(4 * h, h) for _ in range(num_layers)])
            self.bias_ih = nn.ParameterList([_p(4 * h) for _ in range(num_layers)])
            self.bias_hh = nn.ParameterList([_p(4 * h) for _ in range(num_layers)])

        def forward(self, xt, states):
            inp, new = xt, []
            for l, (hp, cp) in enumerate(states):
                gates = (inp @ self.weight_ih[l].T + self.bias_ih[l]
                         + hp @ self.weight_hh[l].T + self.bias_hh[l])
                i, f, g, o = gates.chunk(4, -1)
                c = torch.sigmoid(f) * cp + torch.sigmoid(i) * torch.tanh(g)
                hn = torch.sigmoid(o) * torch.tanh(c)
                new.append((hn, c))
                inp = hn
            return inp, new
    return Cell()
