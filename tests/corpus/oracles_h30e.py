import torch
from torch import nn

__all__ = []


def _export(f):
    __all__.append(f.__name__)
    return f


def _p(*shape):
    return nn.Parameter(torch.randn(*shape) * 0.1)


# stored file id 39920794691 (MATLAB lstm_step.m).
# W.f, W.i, W.g, W.o: h x u; R.f, R.i, R.g, R.o: h x h; b.f, b.i, b.g, b.o: h.
# count = 4 * (h*u + h*h + h)
@_export
def h30e_matlabstep_lstm(u=7, h=5):
    class M(nn.Module):
        def __init__(self):
            super().__init__()
            for g in "figo":
                setattr(self, "W_" + g, _p(h, u))
                setattr(self, "R_" + g, _p(h, h))
                setattr(self, "b_" + g, _p(h))

        def forward(self, u_t, h_t, c_t):
            a = {g: u_t @ getattr(self, "W_" + g).T + h_t @ getattr(self, "R_" + g).T + getattr(self, "b_" + g)
                 for g in "figo"}
            f, i, o = torch.sigmoid(a["f"]), torch.sigmoid(a["i"]), torch.sigmoid(a["o"])
            g = torch.tanh(a["g"])
            c = f * c_t + i * g
            return o * torch.tanh(c), c
    return M()


# stored file id 23315560916 (MATLAB LSTM_step_ff1.m, peephole LSTM).
# xin = [x0 1], so w_i, w_f, w_z, w_o: (x0+1) x y0 (bias folded in); r_i, r_f, r_z, r_o: y0 x y0;
# peepholes p_i, p_f, p_o: y0 (none on z).
# count = 4 * (x0+1)*y0 + 4 * y0*y0 + 3 * y0
@_export
def h30e_matlabpeep_lstm(x0=7, y0=5):
    class M(nn.Module):
        def __init__(self):
            super().__init__()
            for g in "ifzo":
                setattr(self, "w_" + g, _p(x0 + 1, y0))
                setattr(self, "r_" + g, _p(y0, y0))
            for g in "ifo":
                setattr(self, "p_" + g, _p(y0))

        def forward(self, x, y, c0):
            xin = torch.cat([x, torch.ones(*x.shape[:-1], 1)], -1)
            i = torch.sigmoid(xin @ self.w_i + y @ self.r_i + c0 * self.p_i)
            f = torch.sigmoid(xin @ self.w_f + y @ self.r_f + c0 * self.p_f)
            z = torch.tanh(xin @ self.w_z + y @ self.r_z)
            c = f * c0 + i * z
            o = torch.sigmoid(xin @ self.w_o + y @ self.r_o + c * self.p_o)
            return o * torch.tanh(c), c
    return M()


# TheNoog/data-science-templates:lstm/kotlin/lstm.kt (refuse: inconsistent template).
# Most plausible literal reading: kernel 4 x units (input of length units), one scalar bias per gate.
# count = 4 * units + 4
@_export
def h30e_kotlintmpl_lstm(units=5):
    class M(nn.Module):
        def __init__(self):
            super().__init__()
            self.kernel = _p(4, units)
            self.bias = _p(4)

        def forward(self, inputs, c_prev):
            a = self.kernel @ inputs + self.bias
            i, f, o = torch.sigmoid(a[0]), torch.sigmoid(a[1]), torch.sigmoid(a[3])
            c = f * c_prev + i * torch.tanh(a[2])
            return o * torch.tanh(c), c
    return M()


# stored file id 2542438566 (ScalaTion GRU.scala, forward).
# Uz, Ur, Uc: h x x; Wz, Wr, Wc: h x h; b_z, b_r, b_c: h.
# count = 3 * (h*x + h*h + h)
@_export
def h30e_scalation_gru(x=7, h=5):
    class M(nn.Module):
        def __init__(self):
            super().__init__()
            for g in "zrc":
                setattr(self, "U" + g, _p(h, x))
                setattr(self, "W" + g, _p(h, h))
                setattr(self, "b_" + g, _p(h))

        def forward(self, xt, h_pre):
            z = torch.sigmoid(xt @ self.Uz.T + h_pre @ self.Wz.T + self.b_z)
            r = torch.sigmoid(xt @ self.Ur.T + h_pre @ self.Wr.T + self.b_r)
            c = torch.tanh(xt @ self.Uc.T + (h_pre * r) @ self.Wc.T + self.b_c)
            return (1 - z) * h_pre + z * c
    return M()


# stored file id 52120609314 (Python scalar LSTM numerical example).
# W_x?, W_h?, b_? for f, i, c, o, all scalars (x = h = 1).
# count = 4 * (h*x + h*h + h) = 12
@_export
def h30e_scalarlstm_lstm(x=1, h=1):
    class M(nn.Module):
        def __init__(self):
            super().__init__()
            for g in "fico":
                setattr(self, "W_x" + g, _p(h, x))
                setattr(self, "W_h" + g, _p(h, h))
                setattr(self, "b_" + g, _p(h))

        def forward(self, xt, hp, Cp):
            a = {g: xt @ getattr(self, "W_x" + g).T + hp @ getattr(self, "W_h" + g).T + getattr(self, "b_" + g)
                 for g in "fico"}
            C = torch.sigmoid(a["f"]) * Cp + torch.sigmoid(a["i"]) * torch.tanh(a["c"])
            return torch.sigmoid(a["o"]) * torch.tanh(C), C
    return M()


# stored file id 55003246717 (TypeScript MusicRNN, Elman RNN weights).
# Wxh: hiddenSize x vocabSize; Whh: hiddenSize x hiddenSize; Why: vocabSize x hiddenSize; bh: hiddenSize; by: vocabSize.
# count = 2*H*V + H*H + H + V
@_export
def h30e_musicrnn_elman(hiddenSize=5, vocabSize=7):
    H, V = hiddenSize, vocabSize

    class M(nn.Module):
        def __init__(self):
            super().__init__()
            self.Wxh = _p(H, V)
            self.Whh = _p(H, H)
            self.Why = _p(V, H)
            self.bh = _p(H)
            self.by = _p(V)

        def forward(self, x, hp):
            h = torch.tanh(x @ self.Wxh.T + hp @ self.Whh.T + self.bh)
            return h @ self.Why.T + self.by, h
    return M()


# stored file id 59200995745 (imgdnn.h LSTM weight tensors; refuse: options open).
# Reading with every optional tensor present: in_to_{remember,forget,state,output}: input_size x num_units;
# prev_to_*: output_size x num_units; peepholes state_to_{remember,forget,output}: num_units;
# biases x4: num_units; projection: num_units x output_size; projection_bias: output_size.
# count = 4*I*N + 4*P*N + 3*N + 4*N + N*P + P
@_export
def h30e_imgdnn_lstm(input_size=7, num_units=5, output_size=3):
    I, N, P = input_size, num_units, output_size

    class M(nn.Module):
        def __init__(self):
            super().__init__()
            for g in ("remember", "forget", "state", "output"):
                setattr(self, "in_to_" + g, _p(I, N))
                setattr(self, "prev_to_" + g, _p(P, N))
                setattr(self, g + "_bias", _p(N))
            for g in ("remember", "forget", "output"):
                setattr(self, "state_to_" + g, _p(N))
            self.projection = _p(N, P)
            self.projection_bias = _p(P)

        def forward(self, x, prev, state):
            def pre(g):
                return x @ getattr(self, "in_to_" + g) + prev @ getattr(self, "prev_to_" + g) + getattr(self, g + "_bias")
            r = torch.sigmoid(pre("remember") + state * self.state_to_remember)
            f = torch.sigmoid(pre("forget") + state * self.state_to_forget)
            c = f * state + r * torch.tanh(pre("state"))
            o = torch.sigmoid(pre("output") + c * self.state_to_output)
            out = (o * torch.tanh(c)) @ self.projection + self.projection_bias
            return out, c
    return M()


# stored file id 4141752720 (C lstm_cell).
# weights_i, weights_f, weights_c, weights_o: size x size, applied to input + hidden; no biases.
# count = 4 * size*size
@_export
def h30e_clstm_lstm(size=5):
    class M(nn.Module):
        def __init__(self):
            super().__init__()
            for g in "ifco":
                setattr(self, "weights_" + g, _p(size, size))

        def forward(self, inp, hidden, cell):
            s = inp + hidden
            i = torch.sigmoid(s @ self.weights_i.T)
            f = torch.sigmoid(s @ self.weights_f.T)
            cc = torch.tanh(s @ self.weights_c.T)
            c = f * cell + i * cc
            o = torch.sigmoid(s @ self.weights_o.T)
            return o * torch.tanh(c), c
    return M()


# stored file id 40917661348 (JavaScript LSTMCell constructor).
# Wf, Wi, Wc, Wo: hiddenSize x (inputSize + hiddenSize); bf, bi, bc, bo: hiddenSize.
# count = 4 * (H*(I+H) + H)
@_export
def h30e_factorjs_lstm(inputSize=7, hiddenSize=5):
    I, H = inputSize, hiddenSize

    class M(nn.Module):
        def __init__(self):
            super().__init__()
            for g in "fico":
                setattr(self, "W" + g, _p(H, I + H))
                setattr(self, "b" + g, _p(H))

        def forward(self, x, hp, cp):
            z = torch.cat([x, hp], -1)
            f = torch.sigmoid(z @ self.Wf.T + self.bf)
            i = torch.sigmoid(z @ self.Wi.T + self.bi)
            cc = torch.tanh(z @ self.Wc.T + self.bc)
            c = f * cp + i * cc
            o = torch.sigmoid(z @ self.Wo.T + self.bo)
            return o * torch.tanh(c), c
    return M()


# stored file id 58058100920 (Rust nCPU/nSynth LSTM; refuse: comments vs code).
# Code reading: w_ii, w_if, w_io, w_ic: hidden x input; one shared w_hi: hidden x hidden; b_i, b_f, b_o, b_c: hidden.
# count = 4*h*x + h*h + 4*h   (the comments' reading would be 4*(h*x + h*h + h))
@_export
def h30e_ncpu_lstm(input_size=7, hidden_size=5):
    X, Hs = input_size, hidden_size

    class M(nn.Module):
        def __init__(self):
            super().__init__()
            for g in "ifoc":
                setattr(self, "w_i" + g, _p(Hs, X))
                setattr(self, "b_" + g, _p(Hs))
            self.w_hi = _p(Hs, Hs)

        def forward(self, x, hp, cp):
            rh = hp @ self.w_hi.T
            i = torch.sigmoid(x @ self.w_ii.T + rh + self.b_i)
            f = torch.sigmoid(x @ self.w_if.T + rh + self.b_f)
            o = torch.sigmoid(x @ self.w_io.T + rh + self.b_o)
            g = torch.tanh(x @ self.w_ic.T + rh + self.b_c)
            c = f * cp + i * g
            return o * torch.tanh(c), c
    return M()


# stored file id 58058100920 (Rust nCPU/nSynth GRU).
# w_z, w_r, w_h: hidden x input; u_z, u_r, u_h: hidden x hidden; b_z, b_r, b_h: hidden.
# count = 3 * (h*x + h*h + h)
@_export
def h30e_ncpu_gru(input_size=7, hidden_size=5):
    X, Hs = input_size, hidden_size

    class M(nn.Module):
        def __init__(self):
            super().__init__()
            for g in "zrh":
                setattr(self, "w_" + g, _p(Hs, X))
                setattr(self, "u_" + g, _p(Hs, Hs))
                setattr(self, "b_" + g, _p(Hs))

        def forward(self, x, hp):
            z = torch.sigmoid(x @ self.w_z.T + hp @ self.u_z.T + self.b_z)
            r = torch.sigmoid(x @ self.w_r.T + hp @ self.u_r.T + self.b_r)
            hh = torch.tanh(x @ self.w_h.T + (r * hp) @ self.u_h.T + self.b_h)
            return (1 - z) * hp + z * hh
    return M()


# vseledkin/gortex:gru.go (Go GRU block with output matrix).
# Wz, Wr, Wh: h_size x x_size; Uz, Ur, Uh: h_size x h_size; Bz, Br, Bh: h_size x 1; Who: out_size x h_size.
# count = 3 * (h*x + h*h + h) + out*h
@_export
def h30e_gortex_gru(x_size=7, h_size=5, out_size=3):
    X, H, O = x_size, h_size, out_size

    class M(nn.Module):
        def __init__(self):
            super().__init__()
            for g in "zrh":
                setattr(self, "W" + g, _p(H, X))
                setattr(self, "U" + g, _p(H, H))
                setattr(self, "B" + g, _p(H, 1))
            self.Who = _p(O, H)

        def forward(self, x, h_prev):
            # column vectors: x is X x 1, h_prev is H x 1
            zt = torch.sigmoid(self.Wz @ x + self.Uz @ h_prev + self.Bz)
            rt = torch.sigmoid(self.Wr @ x + self.Ur @ h_prev + self.Br)
            ht = torch.tanh(self.Wh @ x + self.Uh @ (rt * h_prev) + self.Bh)
            h = zt * h_prev + (1 - zt) * ht
            return h, self.Who @ torch.tanh(h)
    return M()
