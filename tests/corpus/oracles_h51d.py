"""Oracles for the h51d set-aside snippets (heldout51), as its gatherer wrote them."""
import torch
from torch import nn

__all__ = []


def _export(f):
    __all__.append(f.__name__)
    return f


def _p(*shape):
    return nn.Parameter(torch.randn(*shape) * 0.1)


# maciejkula/wyrm src/nn/lstm.rs, Cell + Cell::forward (code, no equation).
# stacked_input = [h, x] (hidden_dim + input_dim); each of forget, update gate, update value,
# output gate has weights (input_dim + hidden_dim, hidden_dim) and biases (1, hidden_dim);
# the coupled variant (update_gate = 1 - forget_gate) still holds the update-gate parameters.
# Count: 4 * ((input_dim + hidden_dim) * hidden_dim + hidden_dim).
@_export
def h51d_wyrm_lstm(input_dim=7, hidden_dim=5):
    class Cell(nn.Module):
        def __init__(self, coupled_input=False):
            super().__init__()
            n = input_dim + hidden_dim
            self.coupled_input = coupled_input
            self.forget_weights = _p(n, hidden_dim)
            self.forget_biases = _p(1, hidden_dim)
            self.update_gate_weights = _p(n, hidden_dim)
            self.update_gate_biases = _p(1, hidden_dim)
            self.update_value_weights = _p(n, hidden_dim)
            self.update_value_biases = _p(1, hidden_dim)
            self.output_gate_weights = _p(n, hidden_dim)
            self.output_gate_biases = _p(1, hidden_dim)

        def forward(self, state, x):
            cell, hidden = state
            s = torch.cat([hidden, x], dim=1)
            forget_gate = torch.sigmoid(s @ self.forget_weights + self.forget_biases)
            cell = forget_gate * cell
            if self.coupled_input:
                update_gate = 1.0 - forget_gate
            else:
                update_gate = torch.sigmoid(s @ self.update_gate_weights + self.update_gate_biases)
            update_value = torch.tanh(s @ self.update_value_weights + self.update_value_biases)
            cell = cell + update_gate * update_value
            output_gate = torch.sigmoid(s @ self.output_gate_weights + self.output_gate_biases)
            hidden = output_gate * torch.tanh(cell)
            return cell, hidden
    return Cell()


# torch/rnn doc/recurrent.md, LookupRNN: nn.Recurrence(ParallelTable(LookupTable(nindex, outputsize),
# Linear(outputsize, outputsize)) -> CAddTable -> Sigmoid). LookupTable (nindex, outputsize), no bias;
# Linear weight (outputsize, outputsize) + bias (outputsize) (Torch nn.Linear default).
# Count: nindex*outputsize + outputsize^2 + outputsize.
@_export
def h51d_torchrnn_lookuprnn(nindex=7, outputsize=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.lookup = nn.Embedding(nindex, outputsize)
            self.recurrent = nn.Linear(outputsize, outputsize)

        def forward(self, x_idx, h):
            return torch.sigmoid(self.lookup(x_idx) + self.recurrent(h))
    return Cell()


# ScriptedAlchemy/monolith-rs agru.rs doc comment: AGRU (attention-scaled update gate).
# W_r, W_z, W_h each (h, h + x) acting on [h_{t-1}, x_t] / [r_t * h_{t-1}, x_t]; no bias written;
# a_t is an input. Count: 3 h (h + x).
@_export
def h51d_monolith_agru(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_r = _p(h, h + x)
            self.W_z = _p(h, h + x)
            self.W_h = _p(h, h + x)

        def forward(self, x_t, h_prev, a_t):
            hx = torch.cat([h_prev, x_t], -1)
            r_t = torch.sigmoid(hx @ self.W_r.T)
            z_t = torch.sigmoid(hx @ self.W_z.T)
            h_tilde = torch.tanh(torch.cat([r_t * h_prev, x_t], -1) @ self.W_h.T)
            return (1 - z_t * a_t) * h_prev + z_t * a_t * h_tilde
    return Cell()


# LdDl/gan-go docs/layers/gru.md: GRU with packed W [F, 3H], U [H, 3H], b [1, 3H] (the equations
# use b, so it is counted); reset applied before the projection by U_n.
# Count: 3H(F + H + 1).
@_export
def h51d_gango_gru(F=7, H=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W = _p(F, 3 * H)
            self.U = _p(H, 3 * H)
            self.b = _p(1, 3 * H)

        def forward(self, x, h):
            xw = x @ self.W + self.b
            xr, xz, xn = xw.split(H, -1)
            Ur, Uz, Un = self.U.split(H, -1)
            r = torch.sigmoid(xr + h @ Ur)
            z = torch.sigmoid(xz + h @ Uz)
            n = torch.tanh(xn + (r * h) @ Un)
            return (1 - z) * n + z * h
    return Cell()


# bailingzheng/miniTorch nn/modules/rnn.py GRUCell docstring: W_ir, W_iz, W_in (h, input_size),
# W_hr, W_hz, W_hn (h, h), biases b_ir, b_iz, b_in, b_hr, b_hz, b_hn (h) each.
# Count: 3 h (input_size + h + 2).
@_export
def h51d_minitorch_grucell(input_size=7, hidden_size=5):
    return nn.GRUCell(input_size, hidden_size, bias=True)


# LdDl/gan-go docs/layers/rnn.md: Elman RNN h_t = tanh(x_t W + h_{t-1} U + b),
# W [F, H], U [H, H], b [1, H]; the backward-pass formulas add nothing. Count: H(F + H + 1).
@_export
def h51d_gango_rnn(F=7, H=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W = _p(F, H)
            self.U = _p(H, H)
            self.b = _p(1, H)

        def forward(self, x, h):
            return torch.tanh(x @ self.W + h @ self.U + self.b)
    return Cell()


# Shivangx01b/GoNN nn/rnn.go LSTMCell with projection (ProjSize > 0): Wih Linear(InputSize, 4*HiddenSize, bias),
# Whh Linear(ProjSize, 4*HiddenSize, no bias), Whr Linear(HiddenSize, ProjSize, no bias).
# Count: 4*HiddenSize*(InputSize + 1) + 4*HiddenSize*ProjSize + HiddenSize*ProjSize.
@_export
def h51d_gonn_lstmp(InputSize=7, HiddenSize=5, ProjSize=3):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.Wih = nn.Linear(InputSize, 4 * HiddenSize, bias=True)
            self.Whh = nn.Linear(ProjSize, 4 * HiddenSize, bias=False)
            self.Whr = nn.Linear(HiddenSize, ProjSize, bias=False)

        def forward(self, x, state):
            h, c = state
            gates = self.Wih(x) + self.Whh(h)
            i, f, g, o = gates.chunk(4, -1)
            c_new = torch.sigmoid(f) * c + torch.sigmoid(i) * torch.tanh(g)
            h_new = self.Whr(torch.sigmoid(o) * torch.tanh(c_new))
            return h_new, c_new
    return Cell()


# Shivangx01b/GoNN nn/rnn.go RNNCell: the comment equation has no bias, the constructor passes
# true to NewLinear for Wih (bias) and false for Whh. Oracle follows the constructor:
# Wih (HiddenSize, InputSize) + bias (HiddenSize), Whh (HiddenSize, HiddenSize).
# Count: HiddenSize*(InputSize + HiddenSize + 1)  (the equation alone gives HiddenSize*(InputSize + HiddenSize)).
@_export
def h51d_gonn_rnncell(InputSize=7, HiddenSize=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.Wih = nn.Linear(InputSize, HiddenSize, bias=True)
            self.Whh = nn.Linear(HiddenSize, HiddenSize, bias=False)

        def forward(self, x, h):
            return torch.tanh(self.Wih(x) + self.Whh(h))
    return Cell()


# ScriptedAlchemy/monolith-rs dien.rs AUGRUCell: per gate r, z, h: w_*_x (input_dim -> hidden_dim),
# w_*_h (hidden_dim -> hidden_dim), b_* (hidden_dim); a_t is an input.
# Count: 3 * (hidden_dim * (input_dim + hidden_dim) + hidden_dim).
@_export
def h51d_monolith_augru(input_dim=7, hidden_dim=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            H, X = hidden_dim, input_dim
            self.w_r_x, self.w_r_h, self.b_r = _p(X, H), _p(H, H), _p(H)
            self.w_z_x, self.w_z_h, self.b_z = _p(X, H), _p(H, H), _p(H)
            self.w_h_x, self.w_h_h, self.b_h = _p(X, H), _p(H, H), _p(H)

        def forward(self, x, h, a):
            r = torch.sigmoid(x @ self.w_r_x + h @ self.w_r_h + self.b_r)
            z = torch.sigmoid(x @ self.w_z_x + h @ self.w_z_h + self.b_z)
            z2 = a * z
            h_tilde = torch.tanh(x @ self.w_h_x + (r * h) @ self.w_h_h + self.b_h)
            return (1 - z2) * h + z2 * h_tilde
    return Cell()


# chen-197/Lumen src/layers/rnn/gru.rs: four Linear layers (weight + bias each):
# w_x_rz (input_size -> 2h), w_h_rz (h -> 2h), w_x_n (input_size -> h), w_h_n (h -> h);
# reset applied after w_h_n. Count: 3h(input_size + h) + 6h = 3h(input_size + h + 2).
@_export
def h51d_lumen_gru(input_size=7, hidden_size=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            h = hidden_size
            self.w_x_rz = nn.Linear(input_size, 2 * h)
            self.w_h_rz = nn.Linear(h, 2 * h)
            self.w_x_n = nn.Linear(input_size, h)
            self.w_h_n = nn.Linear(h, h)

        def forward(self, x, h_prev):
            gates = self.w_x_rz(x) + self.w_h_rz(h_prev)
            r_t, z_t = torch.sigmoid(gates).chunk(2, -1)
            n_t = torch.tanh(self.w_x_n(x) + r_t * self.w_h_n(h_prev))
            return n_t + z_t * (h_prev - n_t)
    return Cell()


# hodu-rs/hodu crates/hodu_nn/src/modules/rnn.rs, RNN (multi-layer Elman RNN) doc comment + RNN::new.
# Each layer l: W_ih (hidden_size, in_l), W_hh (hidden_size, hidden_size), b_ih (hidden_size), b_hh (hidden_size),
# with in_0 = input_size and in_l = hidden_size for l > 0 (cell_input_size in RNN::new); both biases written.
# Count: (h*x + h*h + 2h) + (num_layers - 1) * (2*h*h + 2h).
@_export
def h51d_hodu_stackedrnn(input_size=7, hidden_size=5, num_layers=2):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.cells = nn.ModuleList(
                [nn.RNNCell(input_size if i == 0 else hidden_size, hidden_size, bias=True, nonlinearity="tanh")
                 for i in range(num_layers)]
            )

        def forward(self, x, hs):
            new = []
            inp = x
            for cell, h in zip(self.cells, hs):
                h = cell(inp, h)
                new.append(h)
                inp = h
            return new

    return Cell()


# LdDl/gan-go docs/layers/lstm.md, LSTM layer: packed row-vector weights W [F, 4H], U [H, 4H],
# one packed bias b [1, 4H] added on the input side only (bias written in the equations, marked optional).
# Count: F*4H + H*4H + 4H.
@_export
def h51d_gango_lstm(F=7, H=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W = _p(F, 4 * H)
            self.U = _p(H, 4 * H)
            self.b = _p(1, 4 * H)

        def forward(self, x, state):
            h, c = state
            a = x @ self.W + self.b + h @ self.U
            i, f, g, o = a.split(H, dim=-1)
            i, f, o = torch.sigmoid(i), torch.sigmoid(f), torch.sigmoid(o)
            g = torch.tanh(g)
            c = f * c + i * g
            h = o * torch.tanh(c)
            return h, c

    return Cell()
