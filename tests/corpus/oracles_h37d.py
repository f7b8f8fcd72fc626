"""Oracles for the h37d set-aside snippets (heldout36), as its gatherer wrote them."""
import torch
from torch import nn

__all__ = []


def _export(f):
    __all__.append(f.__name__)
    return f


def _p(*shape):
    return nn.Parameter(torch.randn(*shape) * 0.1)


# webmachinelearning/webnn index.bs, lstmCell (W3C WebNN spec); most plausible reading = every operand the
# op can take: weight [4h, inputSize], recurrentWeight [4h, h], optional bias [4h], optional recurrentBias [4h],
# optional peepholeWeight [3h] (diagonal, i/o/f). Count: 4h*x + 4h*h + 4h + 4h + 3h (refuse: all three optional).
@_export
def h37d_webnn_lstmcell(inputSize=7, hiddenSize=5):
    x, h = inputSize, hiddenSize

    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.weight = _p(4 * h, x)
            self.recurrentWeight = _p(4 * h, h)
            self.bias = _p(4 * h)
            self.recurrentBias = _p(4 * h)
            self.peepholeWeight = _p(3 * h)

        def forward(self, inp, hs, cs):
            g = inp @ self.weight.T + hs @ self.recurrentWeight.T + self.bias + self.recurrentBias
            gi, go, gf, gg = g.split(h, dim=-1)  # layout "iofg"
            pi, po, pf = self.peepholeWeight.split(h)
            i = torch.sigmoid(gi + pi * cs)
            f = torch.sigmoid(gf + pf * cs)
            c = f * cs + i * torch.tanh(gg)
            o = torch.sigmoid(go + po * c)
            return o * torch.tanh(c), c

    return Cell()


# MicrosoftDocs/cognitive-toolkit-docs Tutorial2.md, BrainScript RecurrentLSTM; every call of newPIn() creates its
# own newW() (cellDim x inputDim), newH() (cellDim x outputDim), newB() (cellDim); newPIn() is called 4 times
# (i, f, o, and inside Tanh for bi); newC() (cellDim, elementwise peephole) is called 3 times (i, f, o).
# cellDim = outputDim (h = o .* Tanh(c) is fed back through newH()). Count: 4*(c*in + c*out + c) + 3*c.
@_export
def h37d_cntkdocs_brainscript_lstm(inputDim=7, outputDim=5, cellDim=5):
    assert cellDim == outputDim

    class PIn(nn.Module):
        def __init__(self):
            super().__init__()
            self.W = _p(cellDim, inputDim)
            self.H = _p(cellDim, outputDim)
            self.B = _p(cellDim)

        def forward(self, x, dh):
            return x @ self.W.T + dh @ self.H.T + self.B

    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.pin_i, self.pin_f, self.pin_o, self.pin_g = PIn(), PIn(), PIn(), PIn()
            self.C_i, self.C_f, self.C_o = _p(cellDim), _p(cellDim), _p(cellDim)

        def forward(self, x, dh, dc):
            i = torch.sigmoid(self.pin_i(x, dh) + self.C_i * dc)
            f = torch.sigmoid(self.pin_f(x, dh) + self.C_f * dc)
            bi = i * torch.tanh(self.pin_g(x, dh))
            bf = f * dc
            c = bi + bf
            o = torch.sigmoid(self.pin_o(x, dh) + self.C_o * c)
            h = o * torch.tanh(c)
            return h, c

    return Cell()


# huggingface/transformers docs/source/en/model_doc/rwkv.md, RWKV-4 WKV recurrence; reading: R, K, V are linear
# maps of the token x (hidden_size x hidden_size, no bias written), u (time_first) and w (time_decay) per-channel
# vectors. Count: 3*d*d + 2*d (refuse: the text names only u and w as learnable; R, K, V are never defined).
@_export
def h37d_hf_rwkv_wkv(hidden_size=5):
    d = hidden_size

    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.receptance = nn.Linear(d, d, bias=False)
            self.key = nn.Linear(d, d, bias=False)
            self.value = nn.Linear(d, d, bias=False)
            self.time_first = _p(d)   # u
            self.time_decay = _p(d)   # w

        def forward(self, x, num_state, den_state):
            r, k, v = self.receptance(x), self.key(x), self.value(x)
            u, w = self.time_first, self.time_decay
            N = torch.exp(u + k) * v + num_state
            D = torch.exp(u + k) + den_state
            o = torch.sigmoid(r) * N / D
            num_state = torch.exp(k) * v + torch.exp(w) * num_state
            den_state = torch.exp(k) + torch.exp(w) * den_state
            return o, num_state, den_state

    return Cell()


# tensorflow/swift-apis Recurrent.swift, GRUCell: per gate (update, reset, output/candidate) a kernel
# [inputSize, hiddenSize], a recurrent kernel [hiddenSize, hiddenSize], a bias [hiddenSize] and a recurrent
# bias [hiddenSize]. Count: 3*(x*h + h*h + 2*h).
@_export
def h37d_s4tf_grucell(inputSize=7, hiddenSize=5):
    x, h = inputSize, hiddenSize

    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            for g in ("update", "reset", "output"):
                setattr(self, g + "Kernel", _p(x, h))
                setattr(self, g + "RecurrentKernel", _p(h, h))
                setattr(self, g + "Bias", _p(h))
                setattr(self, g + "RecurrentBias", _p(h))

        def forward(self, inp, state):
            z = torch.sigmoid(inp @ self.updateKernel + self.updateBias
                              + state @ self.updateRecurrentKernel + self.updateRecurrentBias)
            r = torch.sigmoid(inp @ self.resetKernel + self.resetBias
                              + state @ self.resetRecurrentKernel + self.resetRecurrentBias)
            n = torch.tanh(inp @ self.outputKernel + self.outputBias
                           + r * (state @ self.outputRecurrentKernel + self.outputRecurrentBias))
            return z * state + (1 - z) * n

    return Cell()


# pyg-team/pytorch_geometric GatedGraphConv docstring; reading: one message matrix Theta (out x out, no layer
# index in the math) and a standard GRU cell out->out with biases (PyTorch convention: input and hidden bias
# per gate). Count: F*F + 3*(2*F*F) + 6*F (refuse: Theta per layer (code: num_layers*F*F) or shared, and
# the GRU's bias convention, are not fixed by the text).
@_export
def h37d_pyg_gatedgraphconv(out_channels=5, num_layers=3):
    F = out_channels

    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.Theta = _p(F, F)
            self.rnn = nn.GRUCell(F, F, bias=True)

        def forward(self, h, adj):
            # one propagation step l -> l+1 (adj: dense [N, N] edge weights e_{j,i})
            m = adj.T @ (h @ self.Theta.T)
            return self.rnn(m, h)

    return Cell()


# DiffSharp/DiffSharp Model.Recurrent.fs, LSTMCell: wih [inputSize, 4h], whh [h, 4h], one fused bias b [4h].
# Count: 4h*x + 4h*h + 4h.
@_export
def h37d_diffsharp_lstmcell(inputSize=7, hiddenSize=5):
    x, h = inputSize, hiddenSize

    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.wih = _p(x, 4 * h)
            self.whh = _p(h, 4 * h)
            self.b = _p(4 * h)

        def forward(self, inp, hidden, cell):
            pre = inp @ self.wih + hidden @ self.whh + self.b
            pretan = torch.tanh(pre[:, :h])
            presig = torch.sigmoid(pre[:, h:])
            i, f, o = presig[:, :h], presig[:, h:2 * h], presig[:, 2 * h:]
            cell = i * pretan + f * cell
            return o * torch.tanh(cell), cell

    return Cell()


# pybrain/pybrain gru.py, GRULayer: the layer's input is the 3*dim pre-activation vector (reset, update,
# candidate) coming from outside connections; the layer itself owns only three dim x dim recurrent "peep"
# matrices (ParameterContainer of dim*dim*3). No biases. Count: 3*dim*dim.
@_export
def h37d_pybrain_grulayer(dim=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.resetPeepWeights = _p(dim, dim)
            self.updatePeepWeights = _p(dim, dim)
            self.candidatePeepWeights = _p(dim, dim)

        def forward(self, inbuf, prevout):
            rx, zx, cx = inbuf[..., :dim], inbuf[..., dim:2 * dim], inbuf[..., 2 * dim:]
            r = torch.sigmoid(rx + prevout @ self.resetPeepWeights.T)
            z = torch.sigmoid(zx + prevout @ self.updatePeepWeights.T)
            cand = torch.tanh(cx + r * (prevout @ self.candidatePeepWeights.T))
            return (1 - z) * cand + z * prevout

    return Cell()


# tensorflow/swift-apis Recurrent.swift, BasicRNNCell: weight [inputSize + hiddenSize, hiddenSize] applied to
# the concatenation [x, h], bias [hiddenSize]. Count: (x + h)*h + h.
@_export
def h37d_s4tf_basicrnncell(inputSize=7, hiddenSize=5):
    x, h = inputSize, hiddenSize

    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.weight = _p(x + h, h)
            self.bias = _p(h)

        def forward(self, inp, state):
            return torch.tanh(torch.cat([inp, state], dim=1) @ self.weight + self.bias)

    return Cell()


# hicann/ops-nn rnn/dynamic_rnn/docs/aclnnLSTM.md (Ascend CANN, Chinese): each gate f, i, o, c~ has W_* over
# the concatenation [h_{t-1}, x_t] (h x (h + d); the legend's W in R^{h x d} plus U in R^{h x h} is the same
# amount) and a bias b_* (h). Count: 4*(h*(h + d) + h).
@_export
def h37d_cann_aclnnlstm(d=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_f, self.W_i, self.W_o, self.W_c = (_p(h, h + d) for _ in range(4))
            self.b_f, self.b_i, self.b_o, self.b_c = (_p(h) for _ in range(4))

        def forward(self, x, h_prev, c_prev):
            hx = torch.cat([h_prev, x], dim=-1)
            f = torch.sigmoid(hx @ self.W_f.T + self.b_f)
            i = torch.sigmoid(hx @ self.W_i.T + self.b_i)
            o = torch.sigmoid(hx @ self.W_o.T + self.b_o)
            c_tilde = torch.tanh(hx @ self.W_c.T + self.b_c)
            c = f * c_prev + i * c_tilde
            return o * torch.tanh(c), c

    return Cell()


# hicann/ops-nn rnn/gru/docs/aclnnGRU.md (Ascend CANN, Chinese): one GRU layer; W_{ir}, W_{iz}, W_{in} [H, I],
# W_{hr}, W_{hz}, W_{hn} [H, H], six biases b_{i*}, b_{h*} [H] (written in the equations, hasBias=true).
# Count: 3*H*I + 3*H*H + 6*H.
@_export
def h37d_cann_aclnngru(I=7, H=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_ir, self.W_iz, self.W_in = _p(H, I), _p(H, I), _p(H, I)
            self.W_hr, self.W_hz, self.W_hn = _p(H, H), _p(H, H), _p(H, H)
            self.b_ir, self.b_iz, self.b_in = _p(H), _p(H), _p(H)
            self.b_hr, self.b_hz, self.b_hn = _p(H), _p(H), _p(H)

        def forward(self, x, h):
            r = torch.sigmoid(x @ self.W_ir.T + self.b_ir + h @ self.W_hr.T + self.b_hr)
            z = torch.sigmoid(x @ self.W_iz.T + self.b_iz + h @ self.W_hz.T + self.b_hz)
            n = torch.tanh(x @ self.W_in.T + self.b_in + r * (h @ self.W_hn.T + self.b_hn))
            return (1 - z) * n + z * h

    return Cell()


# hicann/ops-nn rnn/thnn_fused_lstm_cell/docs/aclnnThnnFusedLstmCell.md (Ascend CANN, Chinese): the op receives
# inputGates and hiddenGates (the matrix products are done outside); the only learned tensors in its equations
# are b_ih [4h] and b_hh [4h] (b = b_ih + b_hh). Count: 8*h.
@_export
def h37d_cann_fusedlstmcell(h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.b_ih = _p(4 * h)
            self.b_hh = _p(4 * h)

        def forward(self, inputGates, hiddenGates, cx):
            gates = inputGates + hiddenGates + (self.b_ih + self.b_hh)
            gi, gg, gf, go = gates.split(h, dim=-1)
            i, g, f, o = torch.sigmoid(gi), torch.tanh(gg), torch.sigmoid(gf), torch.sigmoid(go)
            cy = f * cx + i * g
            return o * torch.tanh(cy), cy

    return Cell()


# hicann/ops-nn rnn/dynamic_augru/README.md (Ascend CANN DynamicAUGRU, Chinese): W_x (weight_input) [I, 3H],
# W_h (weight_hidden) [H, 3H], b_x [3H], b_h [3H] (written; zero if not given). a_t = weight_att[t] is the
# per-step attention score INPUT ([T, B]), not a learned weight. Count: 3*H*I + 3*H*H + 6*H.
@_export
def h37d_cann_augru(I=7, H=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_x = _p(I, 3 * H)
            self.W_h = _p(H, 3 * H)
            self.b_x = _p(3 * H)
            self.b_h = _p(3 * H)

        def forward(self, x, h_prev, a):
            gx = x @ self.W_x + self.b_x
            gh = h_prev @ self.W_h + self.b_h
            gxz, gxr, gxn = gx.split(H, dim=-1)
            ghz, ghr, ghn = gh.split(H, dim=-1)
            z = torch.sigmoid(gxz + ghz)
            r = torch.sigmoid(gxr + ghr)
            n = torch.tanh(gxn + r * ghn)
            z_hat = (1 - a.unsqueeze(-1)) * z
            return n + z_hat * (h_prev - n)

    return Cell()
