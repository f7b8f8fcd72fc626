"""Oracles for the h53d set-aside snippets (heldout53), as its gatherer wrote them."""
import torch
from torch import nn

__all__ = []


def _export(f):
    __all__.append(f.__name__)
    return f


def _p(*shape):
    return nn.Parameter(torch.randn(*shape) * 0.1)


# recommenders-team/recommenders rnn_cell_pytorch.py, Time4LSTMCell (SLi-Rec) docstring; the input is
# [x (d), t_last (1), t_now (1)]; row convention, kernels [in, out]:
# W_lstm: (d+H) x 4H, b_lstm: 4H, time_input_w1/bias1/w2/bias2: H each (scalar time times a per-unit vector),
# time_kernel_w1, time_kernel_w2: d x H, time_kernel_t1, time_kernel_t2: H x H, time_bias1, time_bias2: H,
# o_kernel_t1, o_kernel_t2: H x H; forget_bias is a constant, not a parameter.
# Count: (d+H)*4H + 4H + 4H + 2*d*H + 2*H*H + 2H + 2*H*H.
@_export
def h53d_recommenders_time4lstm(d=7, H=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_lstm = _p(d + H, 4 * H)
            self.b_lstm = _p(4 * H)
            self.time_input_w1 = _p(H)
            self.time_input_bias1 = _p(H)
            self.time_input_w2 = _p(H)
            self.time_input_bias2 = _p(H)
            self.time_kernel_w1 = _p(d, H)
            self.time_kernel_t1 = _p(H, H)
            self.time_bias1 = _p(H)
            self.time_kernel_w2 = _p(d, H)
            self.time_kernel_t2 = _p(H, H)
            self.time_bias2 = _p(H)
            self.o_kernel_t1 = _p(H, H)
            self.o_kernel_t2 = _p(H, H)
            self.forget_bias = 1.0

        def forward(self, inputs, m_prev, c_prev):
            x = inputs[:, :d]
            t_last = inputs[:, d:d + 1]
            t_now = inputs[:, d + 1:d + 2]
            t_now_in = torch.tanh(t_now * self.time_input_w1 + self.time_input_bias1)
            t_last_in = torch.tanh(t_last * self.time_input_w2 + self.time_input_bias2)
            t_now_state = x @ self.time_kernel_w1 + t_now_in @ self.time_kernel_t1 + self.time_bias1
            t_last_state = x @ self.time_kernel_w2 + t_last_in @ self.time_kernel_t2 + self.time_bias2
            i, j, f, o = torch.split(torch.cat([x, m_prev], dim=1) @ self.W_lstm + self.b_lstm, H, dim=1)
            o = o + t_now_in @ self.o_kernel_t1 + t_last_in @ self.o_kernel_t2
            c = (torch.sigmoid(f + self.forget_bias) * torch.sigmoid(t_last_state) * c_prev
                 + torch.sigmoid(i) * torch.sigmoid(t_now_state) * torch.tanh(j))
            m = torch.sigmoid(o) * torch.tanh(c)
            return m, c
    return Cell()


# ufal/neuralmonkey ortho_gru_cell.py, NematusGRUCell (code only) with its defaults use_input_bias=True,
# use_state_bias=False; gates/input_proj: dense inputs -> 2*rnn_size with bias, gates/state_proj: dense
# state -> 2*rnn_size without bias, candidate/input_proj: inputs -> rnn_size with bias, candidate/state_proj:
# state -> rnn_size without bias; candidate = tanh(state_to_candidate * reset + input_to_candidate).
# Count: 3*rnn_size*inputs + 3*rnn_size + 3*rnn_size^2.
@_export
def h53d_neuralmonkey_nematusgru(inputs=7, rnn_size=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.gates_input_proj = nn.Linear(inputs, 2 * rnn_size, bias=True)
            self.gates_state_proj = nn.Linear(rnn_size, 2 * rnn_size, bias=False)
            self.candidate_input_proj = nn.Linear(inputs, rnn_size, bias=True)
            self.candidate_state_proj = nn.Linear(rnn_size, rnn_size, bias=False)

        def forward(self, x_t, state):
            gates = torch.sigmoid(self.gates_state_proj(state) + self.gates_input_proj(x_t))
            reset, update = torch.split(gates, rnn_size, dim=1)
            candidate = torch.tanh(self.candidate_state_proj(state) * reset + self.candidate_input_proj(x_t))
            return update * state + (1 - update) * candidate
    return Cell()


# ARM-software/ComputeLibrary NELSTMLayerQuantized.h, configure() @params: input_to_{input,forget,cell,output}
# _weights [input_size, output_size], recurrent_to_*_weights [output_size, output_size], {input_gate,forget_gate,
# cell,output_gate}_bias [output_size] (the library writes the innermost dimension first, so mathematically
# each input weight maps input_size -> output_size). Standard LSTM without peepholes or projection.
# Count: 4*(input_size*output_size + output_size^2 + output_size).
@_export
def h53d_armcl_lstmquant(input_size=7, output_size=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.input_to = nn.ParameterDict({k: _p(input_size, output_size) for k in "ifco"})
            self.recurrent_to = nn.ParameterDict({k: _p(output_size, output_size) for k in "ifco"})
            self.bias = nn.ParameterDict({k: _p(output_size) for k in "ifco"})

        def forward(self, x_t, h_prev, c_prev):
            a = {k: x_t @ self.input_to[k] + h_prev @ self.recurrent_to[k] + self.bias[k] for k in "ifco"}
            i, f, o = torch.sigmoid(a["i"]), torch.sigmoid(a["f"]), torch.sigmoid(a["o"])
            c_t = f * c_prev + i * torch.tanh(a["c"])
            return o * torch.tanh(c_t), c_t
    return Cell()


# ARM-software/ComputeLibrary NELSTMLayer.h, configure() (refuse: the input gate, peephole and projection
# tensors are optional members of lstm_params, so the count depends on a configuration the text leaves open).
# Most plausible reading = only the required tensors, i.e. the CIFG LSTM the doc describes when the input-gate
# tensors are absent (input gate = 1 - forget gate): input_to_{forget,cell,output}_weights [input_size, num_units],
# recurrent_to_*_weights [output_size, num_units], {forget_gate,cell,output_gate}_bias [num_units]; output_size
# equals num_units without projection.
# Count: 3*(input_size*num_units + output_size*num_units + num_units).
# (Alternatives: + input gate 5*(7+5+1)=65 -> 260; + peepholes 3*num_units; + projection num_units*output_size
# + output_size.)
@_export
def h53d_armcl_lstm_optional(input_size=7, num_units=5, output_size=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.input_to = nn.ParameterDict({k: _p(input_size, num_units) for k in "fco"})
            self.recurrent_to = nn.ParameterDict({k: _p(output_size, num_units) for k in "fco"})
            self.bias = nn.ParameterDict({k: _p(num_units) for k in "fco"})

        def forward(self, x_t, h_prev, c_prev):
            a = {k: x_t @ self.input_to[k] + h_prev @ self.recurrent_to[k] + self.bias[k] for k in "fco"}
            f, o = torch.sigmoid(a["f"]), torch.sigmoid(a["o"])
            i = 1 - f
            c_t = f * c_prev + i * torch.tanh(a["c"])
            return o * torch.tanh(c_t), c_t
    return Cell()


# CPJKU/madmom layers.py, GRUCell / GRULayer docstrings (refuse: the math line writes only the cell,
# h = tanh(W_xh x_t + W_hh h_{t-1} + b); the reset and update gates are Gate objects whose weights are not
# written in the excerpt, and a Gate may carry optional peephole weights). Most plausible reading = each of
# reset gate, update gate and cell has weights (num_inputs, num_hiddens), recurrent_weights
# (num_hiddens, num_hiddens), bias (num_hiddens,), no peepholes; row convention np.dot(data, weights).
# Count: 3*(num_inputs*num_hiddens + num_hiddens^2 + num_hiddens).
@_export
def h53d_madmom_gru(num_inputs=7, num_hiddens=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.weights = nn.ParameterDict({k: _p(num_inputs, num_hiddens) for k in "ruc"})
            self.recurrent_weights = nn.ParameterDict({k: _p(num_hiddens, num_hiddens) for k in "ruc"})
            self.bias = nn.ParameterDict({k: _p(num_hiddens) for k in "ruc"})

        def forward(self, data, prev):
            rg = torch.sigmoid(data @ self.weights["r"] + self.bias["r"] + prev @ self.recurrent_weights["r"])
            ug = torch.sigmoid(data @ self.weights["u"] + self.bias["u"] + prev @ self.recurrent_weights["u"])
            cell = torch.tanh(data @ self.weights["c"] + self.bias["c"] + rg * (prev @ self.recurrent_weights["c"]))
            return ug * cell + (1 - ug) * prev
    return Cell()


# AIFramework/AIFrameworkOpen LstmLayerPeepholeConnection.cs, Forward (code only): inpGate, forgetG, outpGate
# multiply concat(input, cell, hidden) (full matrices on the cell, not diagonal peepholes): output x
# (input + 2*output); writeG multiplies concat(input, hidden): output x (input + output); four biases of size
# output; the output gate reads the previous cell (peephole is built before the update).
# Count: 3*output*(input + 2*output) + output*(input + output) + 4*output.
@_export
def h53d_aiframework_peephole(input=7, output=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.inpGate = _p(output, input + 2 * output)
            self.forgetG = _p(output, input + 2 * output)
            self.outpGate = _p(output, input + 2 * output)
            self.writeG = _p(output, input + output)
            self.inputBias = _p(output)
            self.forgetBias = _p(output)
            self.outputBias = _p(output)
            self.cellWriteBias = _p(output)

        def forward(self, x_t, hidden, cell):
            conc = torch.cat([x_t, hidden], dim=1)
            peephole = torch.cat([x_t, cell, hidden], dim=1)
            i = torch.sigmoid(peephole @ self.inpGate.T + self.inputBias)
            f = torch.sigmoid(peephole @ self.forgetG.T + self.forgetBias)
            o = torch.sigmoid(peephole @ self.outpGate.T + self.outputBias)
            cell_input = torch.tanh(conc @ self.writeG.T + self.cellWriteBias)
            cell_act = f * cell + i * cell_input
            return o * torch.tanh(cell_act), cell_act
    return Cell()


# stored file id 69561356765, Rust "minimal stateful GRU" module doc; W_z, W_r, W_h: h x x; U_z, U_r, U_h:
# h x h; b_z, b_r, b_h: h; h_t = (1 - z) * h_{t-1} + z * h~.
# Count: 3*(h*x + h*h + h).
@_export
def h53d_rustgru_gru(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W = nn.ParameterDict({k: _p(h, x) for k in "zrh"})
            self.U = nn.ParameterDict({k: _p(h, h) for k in "zrh"})
            self.b = nn.ParameterDict({k: _p(h) for k in "zrh"})

        def forward(self, x_t, h_prev):
            z = torch.sigmoid(x_t @ self.W["z"].T + h_prev @ self.U["z"].T + self.b["z"])
            r = torch.sigmoid(x_t @ self.W["r"].T + h_prev @ self.U["r"].T + self.b["r"])
            h_tilde = torch.tanh(x_t @ self.W["h"].T + (r * h_prev) @ self.U["h"].T + self.b["h"])
            return (1 - z) * h_prev + z * h_tilde
    return Cell()


# stored file id 13282693640, nalyst.nn RNNCell docstring and __init__ (defaults bias=True, tanh):
# weight_ih: hidden_size x input_size, weight_hh: hidden_size x hidden_size, bias_ih, bias_hh: hidden_size.
# This is the PyTorch Elman cell, so return torch's own module.
# Count: hidden_size*input_size + hidden_size^2 + 2*hidden_size.
@_export
def h53d_nalyst_rnncell(input_size=7, hidden_size=5):
    return nn.RNNCell(input_size, hidden_size, bias=True, nonlinearity="tanh")


# stored file id 54574910544, synapse-nn LSTMCell doc + struct: weight_ih [4*hidden_size, input_size],
# weight_hh [4*hidden_size, hidden_size], bias_ih and bias_hh [4*hidden_size] (the equation's single "bias"
# is their sum); gate order i, f, g, o: the PyTorch LSTM cell.
# Count: 4*hidden_size*(input_size + hidden_size) + 8*hidden_size.
@_export
def h53d_synapse_lstm(input_size=7, hidden_size=5):
    return nn.LSTMCell(input_size, hidden_size, bias=True)


# stored file id 54574910544, synapse-nn GRUCell doc + struct: weight_ih [3*hidden_size, input_size],
# weight_hh [3*hidden_size, hidden_size], bias_ih and bias_hh [3*hidden_size] (the equations' bias_r, bias_z,
# bias_n are written one per gate, but the struct declares both bias vectors); gate order r, z, n: the
# PyTorch GRU cell.
# Count: 3*hidden_size*(input_size + hidden_size) + 6*hidden_size.
@_export
def h53d_synapse_gru(input_size=7, hidden_size=5):
    return nn.GRUCell(input_size, hidden_size, bias=True)
