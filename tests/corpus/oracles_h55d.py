"""Oracles for the h55d set-aside snippets (heldout55), as its gatherer wrote them."""
import torch
from torch import nn

__all__ = []


def _export(f):
    __all__.append(f.__name__)
    return f


def _p(*shape):
    return nn.Parameter(torch.randn(*shape) * 0.1)


# cran/modello R/modules.R, module.LstmUnit: initialize builds, for each of i, f, g, o, Wh.* (nh x nh), Wx.* (nh x nx)
# and B.* (nh). The roxygen "Performs:" block writes the i/f/o gates without sigmoid; op() applies sigmoid to them and
# act() (read as tanh) to the candidate and to the cell. Separate input and recurrent matrices, one bias per gate.
# Count: 4 * (nh*nh + nh*nx + nh).
@_export
def h55d_modello_lstm(nx=7, nh=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.Wh = nn.ParameterDict({k: _p(nh, nh) for k in "ifgo"})
            self.Wx = nn.ParameterDict({k: _p(nh, nx) for k in "ifgo"})
            self.B = nn.ParameterDict({k: _p(nh) for k in "ifgo"})

        def _pre(self, k, x, h):
            return x @ self.Wx[k].T + h @ self.Wh[k].T + self.B[k]

        def forward(self, x, h, g):
            i = torch.sigmoid(self._pre("i", x, h))
            f = torch.sigmoid(self._pre("f", x, h))
            o = torch.sigmoid(self._pre("o", x, h))
            g1 = torch.tanh(self._pre("g", x, h))
            g2 = f * g + i * g1
            return o * torch.tanh(g2), g2
    return Cell()


# farizrahman4u/recurrentshop README.md, "Writing a Simple RNN using Functional API":
# h_t = tanh(Dense(10)(x_t) + Dense(10, use_bias=False)(h_tm1)), x_t of size 5, h of size 10.
# Keras Dense has a bias by default. Count: units*input + units + units*units.
@_export
def h55d_recurrentshop_simplernn(input=5, units=10):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.kernel = nn.Linear(input, units)
            self.recurrent = nn.Linear(units, units, bias=False)

        def forward(self, x, h):
            return torch.tanh(self.kernel(x) + self.recurrent(h))
    return Cell()


def _rs_lstm(n_in, u):
    # recurrentshop LSTMCell (cells.py): kernel Dense(4u) with bias on x, recurrent Dense(4u) without bias on h.
    class LSTMCell(nn.Module):
        def __init__(self):
            super().__init__()
            self.kernel = nn.Linear(n_in, 4 * u)
            self.recurrent = nn.Linear(u, 4 * u, bias=False)

        def forward(self, x, h, c):
            f, i, o, cp = (self.kernel(x) + self.recurrent(h)).chunk(4, dim=-1)
            hs = lambda t: torch.clamp(0.2 * t + 0.5, 0.0, 1.0)  # Keras hard_sigmoid default
            c = torch.tanh(hs(f) * c + hs(i) * torch.tanh(cp))
            return hs(o) * c, c
    return LSTMCell()


def _rs_gru(n_in, u):
    # recurrentshop GRUCell (cells.py): kernel Dense(3u) with bias on x, recurrent Dense(2u) and Dense(u) without bias.
    class GRUCell(nn.Module):
        def __init__(self):
            super().__init__()
            self.kernel = nn.Linear(n_in, 3 * u)
            self.recurrent_1 = nn.Linear(u, 2 * u, bias=False)
            self.recurrent_2 = nn.Linear(u, u, bias=False)

        def forward(self, x, h):
            x_z, x_r, x_h = self.kernel(x).chunk(3, dim=-1)
            r_z, r_r = self.recurrent_1(h).chunk(2, dim=-1)
            hs = lambda t: torch.clamp(0.2 * t + 0.5, 0.0, 1.0)
            z = hs(x_z + r_z)
            r = hs(x_r + r_r)
            hp = torch.tanh(self.recurrent_2(r * h) + x_h)
            return z * hp + (1.0 - z) * h
    return GRUCell()


# farizrahman4u/recurrentshop docs/readout.md, "Readout in RecurrentModel": x (10) + 0.5 * readout (a parameter-free
# Lambda), then depth=3 LSTMCell(10) applied in turn, one (h, c) pair threaded through all three cells. Each
# LSTMCell(u) on an input of size n is Keras-style: W (4u x n), U (4u x u), one bias (4u).
# Count: depth * (4u*input + 4u*u + 4u)  (every layer's input is 10 here).
@_export
def h55d_recurrentshop_readout(input=10, units=10, depth=3):
    class Net(nn.Module):
        def __init__(self):
            super().__init__()
            self.cells = nn.ModuleList([_rs_lstm(input if k == 0 else units, units) for k in range(depth)])

        def forward(self, x, h, c, readout):
            y = x + 0.5 * readout
            for cell in self.cells:
                y, c = cell(y, h, c)
                h = y
            return y, h, c
    return Net()


# farizrahman4u/recurrentshop docs/state_sync.md: RecurrentSequential of GRUCell(10, input_dim=5), Dense(5),
# LSTMCell(10). GRUCell(u) on n: Keras-style 3u*n + 3u*u + 3u (as recurrentshop's cells.py: kernel 3u with bias,
# recurrent 2u and u without); Dense(5) on 10: 10*5 + 5; LSTMCell(10) on 5: 4u*n + 4u*u + 4u.
# Count: 3g*i + 3g*g + 3g + g*d + d + 4l*d + 4l*l + 4l.
@_export
def h55d_recurrentshop_statesync(input_dim=5, gru_units=10, dense_units=5, lstm_units=10):
    class Net(nn.Module):
        def __init__(self):
            super().__init__()
            self.gru = _rs_gru(input_dim, gru_units)
            self.dense = nn.Linear(gru_units, dense_units)
            self.lstm = _rs_lstm(dense_units, lstm_units)

        def forward(self, x, h1, h2, c2):
            h1 = self.gru(x, h1)
            y = self.dense(h1)
            y, c2 = self.lstm(y, h2, c2)
            return y, h1, y, c2
    return Net()


# steckdenis/nnetcpp README.md, "Recurrent networks": the library's GRU unit holds three Dense nodes fed from h(t-1)
# inside the unit: loop_output_to_updates (h -> z), loop_output_to_resets (h -> r) and
# loop_reset_times_output_to_inputs (r*h -> candidate), each size x size with a bias (Dense learns "a" and "b" in the
# README's (ax + b)*(cx + d) example). The x paths are "user-specified" signals added from outside the unit (already
# projected to size), so they are inputs here, not parameters. Output h = z*h(t-1) + (1-z)*tanh(...), as gru.cpp wires it.
# Count: 3 * (size*size + size).
@_export
def h55d_nnetcpp_gru(size=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.loop_output_to_updates = nn.Linear(size, size)
            self.loop_output_to_resets = nn.Linear(size, size)
            self.loop_reset_times_output_to_inputs = nn.Linear(size, size)

        def forward(self, x_in, z_in, r_in, h):
            r = torch.sigmoid(self.loop_output_to_resets(h) + r_in)
            cand = torch.tanh(self.loop_reset_times_output_to_inputs(r * h) + x_in)
            z = torch.sigmoid(self.loop_output_to_updates(h) + z_in)
            return z * h + (1.0 - z) * cand
    return Cell()


# murraylab/PsychRNN psychrnn/backend/rnn.py, class RNN docstring: trainable W_in (N_rec x N_in), W_rec (N_rec x N_rec),
# W_out (N_out x N_rec), b_rec (N_rec), b_out (N_out) and init_state (one N_rec vector, tiled over the batch);
# shapes from the connectivity-mask bullets. Connectivity and Dale masks are fixed (not trainable), not counted.
# Forward as the library's Basic model: s' = (1-alpha) s + alpha (relu(s) W_rec^T + u W_in^T + b_rec), y = relu(s) W_out^T + b_out.
# Count: N_rec*N_in + N_rec*N_rec + N_out*N_rec + N_rec + N_out + N_rec.
@_export
def h55d_psychrnn_rnn(N_in=7, N_rec=5, N_out=3):
    class Net(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_in = _p(N_rec, N_in)
            self.W_rec = _p(N_rec, N_rec)
            self.W_out = _p(N_out, N_rec)
            self.b_rec = _p(N_rec)
            self.b_out = _p(N_out)
            self.init_state = _p(1, N_rec)
            self.alpha = 0.1

        def forward(self, u, state=None):
            if state is None:
                state = self.init_state.expand(u.shape[0], N_rec)
            r = torch.relu(state)
            new = (1 - self.alpha) * state + self.alpha * (r @ self.W_rec.T + u @ self.W_in.T + self.b_rec)
            return torch.relu(new) @ self.W_out.T + self.b_out, new
    return Net()


# deepmind/lamb README.md, "Cell" flags (marked refuse): the LSTM is not written; read as lamb's TiledLSTMCell, one
# weight over [x, h] to the four units with a bias: 4h*(x+h) + 4h. feature_mask_rounds alternates
# x *= 2*sigmoid(affine(h)) (h -> x, biased) and h *= 2*sigmoid(affine(x)) (x -> h, biased); with feature_mask_rank > 0
# each affine is [n_from, rank] @ [rank, n_to] plus a bias of n_to. num_layers=1.
# Count (rank 0, rounds 2): 4h*(x+h) + 4h + (h*x + x) + (x*h + h).
@_export
def h55d_lamb_mogrifier(input=7, hidden_size=5, num_layers=1, feature_mask_rounds=2, feature_mask_rank=0):
    x_n, h_n = input, hidden_size

    class Affine(nn.Module):
        def __init__(self, n_from, n_to):
            super().__init__()
            if feature_mask_rank == 0:
                self.w = _p(n_from, n_to)
            else:
                self.a = _p(n_from, feature_mask_rank)
                self.b = _p(feature_mask_rank, n_to)
            self.bias = _p(n_to)

        def forward(self, t):
            w = self.w if feature_mask_rank == 0 else self.a @ self.b
            return t @ w + self.bias

    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            assert num_layers == 1
            self.W = _p(x_n + h_n, 4 * h_n)
            self.b = _p(4 * h_n)
            self.fm = nn.ModuleList([Affine(h_n, x_n) if r % 2 == 0 else Affine(x_n, h_n)
                                     for r in range(feature_mask_rounds)])

        def forward(self, x, h, c):
            for r, aff in enumerate(self.fm):
                if r % 2 == 0:
                    x = x * 2 * torch.sigmoid(aff(h))
                else:
                    h = h * 2 * torch.sigmoid(aff(x))
            j, o, f, i = (torch.cat([x, h], -1) @ self.W + self.b).chunk(4, dim=-1)
            c = torch.sigmoid(f) * c + torch.sigmoid(i) * torch.tanh(j)
            return torch.sigmoid(o) * torch.tanh(c), c
    return Cell()


# LaurentMazare/tensorflow-ocaml src/fnn/cell.ml, lstm_: four (W [size_c + size_x; size_c], b [size_c]) pairs
# (wf/bf, wi/bi, wC/bC, wo/bo) over concat [h; x]; candidate tanh(sigmoid(...)), h = sigmoid(...) * tanh c.
# Count: 4 * ((size_c + size_x)*size_c + size_c).
@_export
def h55d_tfocaml_lstm(size_x=7, size_c=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W = nn.ParameterDict({k: _p(size_c + size_x, size_c) for k in ["f", "i", "C", "o"]})
            self.b = nn.ParameterDict({k: _p(size_c) for k in ["f", "i", "C", "o"]})

        def _a(self, k, hx):
            return hx @ self.W[k] + self.b[k]

        def forward(self, h, x, c):
            hx = torch.cat([h, x], -1)
            c = torch.sigmoid(self._a("f", hx)) * c \
                + torch.sigmoid(self._a("i", hx)) * torch.tanh(torch.sigmoid(self._a("C", hx)))
            return torch.sigmoid(self._a("o", hx)) * torch.tanh(c), c
    return Cell()


# THUNLP-MT/THUMT thumt/modules/recurrent.py, GRUCell: reset_gate and update_gate are Affine(x+h -> h, bias=False);
# transform is Affine(x+h -> h) with its default bias. forward computes c = transform(...) but never uses it
# (new_h = (1-u)*h + u*tanh(h)); the transform's parameters are still declared, so they are counted.
# Count: 3 * output_size*(input_size + output_size) + output_size.
@_export
def h55d_thumt_gru(input_size=7, output_size=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.reset_gate = nn.Linear(input_size + output_size, output_size, bias=False)
            self.update_gate = nn.Linear(input_size + output_size, output_size, bias=False)
            self.transform = nn.Linear(input_size + output_size, output_size)

        def forward(self, x, h):
            r = torch.sigmoid(self.reset_gate(torch.cat([x, h], -1)))
            u = torch.sigmoid(self.update_gate(torch.cat([x, h], -1)))
            c = self.transform(torch.cat([x, r * h], -1))  # computed, unused, as in the source
            new_h = (1.0 - u) * h + u * torch.tanh(h) + 0.0 * c  # 0*c only so that c takes part in the step
            return new_h, new_h
    return Cell()


# wagenaartje/neataptic mkdocs/templates/docs/builtins/lstm.md (marked refuse): architect.LSTM(2, 6, 1). Read as the
# library's src/architecture/architect.js builds it: groups input (2, no bias), inputGate, forgetGate, memoryCell,
# outputGate (6 each, with bias), output (1, with bias). Connections (one weight each): input -> memoryCell, inputGate,
# outputGate, forgetGate (all-to-all); memoryCell -> inputGate, forgetGate, outputGate (all-to-all); memoryCell self
# (one-to-one, gated by the forget gate); memoryCell -> output (gated by the output gate); input -> output
# (inputToOutput default true). Gating multiplies by gate activations and adds no parameter.
# Count: 4*m*i + 3*m*m + m + m*o + i*o + 4*m + o.
@_export
def h55d_neataptic_lstm(input=2, memory=6, output=1):
    i_n, m, o_n = input, memory, output

    class Net(nn.Module):
        def __init__(self):
            super().__init__()
            self.in_mem = _p(m, i_n)
            self.in_ig = _p(m, i_n)
            self.in_fg = _p(m, i_n)
            self.in_og = _p(m, i_n)
            self.mem_ig = _p(m, m)
            self.mem_fg = _p(m, m)
            self.mem_og = _p(m, m)
            self.mem_self = _p(m)
            self.mem_out = _p(o_n, m)
            self.in_out = _p(o_n, i_n)
            self.b_ig = _p(m)
            self.b_fg = _p(m)
            self.b_mem = _p(m)
            self.b_og = _p(m)
            self.b_out = _p(o_n)

        def forward(self, x, mem_act, mem_state):
            # activation order: inputGate, forgetGate, memoryCell, outputGate, output
            ig = torch.sigmoid(x @ self.in_ig.T + mem_act @ self.mem_ig.T + self.b_ig)
            fg = torch.sigmoid(x @ self.in_fg.T + mem_act @ self.mem_fg.T + self.b_fg)
            state = fg * self.mem_self * mem_state + ig * (x @ self.in_mem.T) + self.b_mem
            mem_act = torch.sigmoid(state)
            og = torch.sigmoid(x @ self.in_og.T + mem_act @ self.mem_og.T + self.b_og)
            y = torch.sigmoid((og * mem_act) @ self.mem_out.T + x @ self.in_out.T + self.b_out)
            return y, mem_act, state
    return Net()
