import torch
from torch import nn

__all__ = []


def _export(f):
    __all__.append(f.__name__)
    return f


def _p(*shape):
    return nn.Parameter(torch.randn(*shape) * 0.1)


# stored file id 56239394336 (Go, type lstmLayer of a TFT builder on zerfoo/ztensor). Per-gate row-vector
# LSTM, xt @ W + h @ U + b: w* [inputDim, hiddenDim], u* [hiddenDim, hiddenDim], b* [1, hiddenDim] for the
# four gates i, f, g, o. 4(inputDim·hiddenDim + hiddenDim² + hiddenDim).
@_export
def h24e_zerfoo_lstm(inputDim=7, hiddenDim=5):
    X, H = inputDim, hiddenDim

    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            for g in "ifgo":
                setattr(self, "w" + g, _p(X, H))
                setattr(self, "u" + g, _p(H, H))
                setattr(self, "b" + g, _p(1, H))

        def _pre(self, g, xt, h):
            return xt @ getattr(self, "w" + g) + h @ getattr(self, "u" + g) + getattr(self, "b" + g)

        def forward(self, xt, state):
            h, c = state
            i = torch.sigmoid(self._pre("i", xt, h))
            f = torch.sigmoid(self._pre("f", xt, h))
            g = torch.tanh(self._pre("g", xt, h))
            o = torch.sigmoid(self._pre("o", xt, h))
            c = f * c + i * g
            return o * torch.tanh(c), c

    return Cell()


# stored file id 52557487808 (OCaml/Hardcaml GRU accelerator header). Marked refuse: no equation is written and
# the ROM list mixes the GRU with the embedding and the output projection. Most plausible reading (every ROM the
# comment lists): embed [vocab, h], w_ir, w_hr, w_iz, w_hz, w_in, w_hn [h, h] (the input is the h-wide embedding),
# fc [vocab, h], bias [6, h] (b_ir, b_hr, b_iz, b_hz, b_in, b_hn). 2·vocab·h + 6h² + 6h.
@_export
def h24e_hardcaml_gru(hidden_size=5, vocab_size=7):
    H, V = hidden_size, vocab_size

    class Accel(nn.Module):
        def __init__(self):
            super().__init__()
            self.embed = _p(V, H)
            for n in ("ir", "hr", "iz", "hz", "in_", "hn"):
                setattr(self, "w_" + n, _p(H, H))
            self.fc = _p(V, H)
            self.bias = _p(6, H)

        def forward(self, token, h):
            x = self.embed[token]
            b = self.bias
            r = torch.sigmoid(self.w_ir @ x + b[0] + self.w_hr @ h + b[1])
            z = torch.sigmoid(self.w_iz @ x + b[2] + self.w_hz @ h + b[3])
            n = torch.tanh(self.w_in_ @ x + b[4] + r * (self.w_hn @ h + b[5]))
            h = (1 - z) * n + z * h
            return self.fc @ h, h

    return Accel()


# stored file id 61532310065 (Rust LstmLayer doc comment). Row-vector LSTM with an output projection inside the
# layer: w_x* (input_size × hidden_size), w_h* (hidden_size × hidden_size), b_* (hidden_size) for f, i, c, o, and
# w_hy (hidden_size × output_size), b_y (output_size). 4(x·h + h² + h) + h·y + y.
@_export
def h24e_rustnn_lstm(input_size=7, hidden_size=5, output_size=3):
    X, H, Y = input_size, hidden_size, output_size

    class Layer(nn.Module):
        def __init__(self):
            super().__init__()
            for g in "fico":
                setattr(self, "w_x" + g, _p(X, H))
                setattr(self, "w_h" + g, _p(H, H))
                setattr(self, "b_" + g, _p(H))
            self.w_hy, self.b_y = _p(H, Y), _p(Y)

        def _pre(self, g, xt, h):
            return xt @ getattr(self, "w_x" + g) + h @ getattr(self, "w_h" + g) + getattr(self, "b_" + g)

        def forward(self, xt, state):
            h, c = state
            f = torch.sigmoid(self._pre("f", xt, h))
            i = torch.sigmoid(self._pre("i", xt, h))
            ct = torch.tanh(self._pre("c", xt, h))
            c = f * c + i * ct
            o = torch.sigmoid(self._pre("o", xt, h))
            h = o * torch.tanh(c)
            return h @ self.w_hy + self.b_y, (h, c)

    return Layer()


# stored file id 52607249020 (TypeScript LSTMCell of an LSTM autoencoder). Four weights on [h, x], each
# (hiddenSize x (hiddenSize + inputSize)), four biases (hiddenSize x 1). 4(h(h + x) + h).
@_export
def h24e_tslstm_lstm(inputSize=7, hiddenSize=5):
    X, H = inputSize, hiddenSize

    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            for g in "fico":
                setattr(self, "W" + g, _p(H, H + X))
                setattr(self, "b" + g, _p(H, 1))

        def forward(self, xt, state):
            h, c = state
            comb = torch.cat([h, xt]).unsqueeze(1)
            f = torch.sigmoid(self.Wf @ comb + self.bf)
            i = torch.sigmoid(self.Wi @ comb + self.bi)
            ch = torch.tanh(self.Wc @ comb + self.bc)
            c = f.squeeze(1) * c + i.squeeze(1) * ch.squeeze(1)
            o = torch.sigmoid(self.Wo @ comb + self.bo).squeeze(1)
            return o * torch.tanh(c), c

    return Cell()


# stored file id 61624107633 (JavaScript GRUCell banner comment). Marked refuse: the equations carry no bias but
# the prose speaks of "the update-gate bias". Most plausible reading (the file's code gives every row of Wz, Wr,
# Wn a bias column): Wz, Wr, Wn [h, x + h] on the concatenation, bz, br, bn [h]. 3(h(x + h) + h).
@_export
def h24e_evojs_gru(x=7, h=5):
    X, H = x, h

    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.Wz, self.Wr, self.Wn = _p(H, X + H), _p(H, X + H), _p(H, X + H)
            self.bz, self.br, self.bn = _p(H), _p(H), _p(H)

        def forward(self, xt, hp):
            cat = torch.cat([xt, hp])
            z = torch.sigmoid(self.Wz @ cat + self.bz)
            r = torch.sigmoid(self.Wr @ cat + self.br)
            n = torch.tanh(self.Wn @ torch.cat([xt, r * hp]) + self.bn)
            return z * hp + (1 - z) * n

    return Cell()


# stored file id 57561240104 (TypeScript Digital Twin GRU forecaster). Scalar input x_t: Wz, Wr, Wc (length H),
# Uz, Ur, Uc (H × H), bz, br, bc (H), scalar readout Wo (H) and bo (scalar). 3H + 3H² + 3H + H + 1.
@_export
def h24e_twingru_gru(hiddenSize=5):
    H = hiddenSize

    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.Wz, self.Wr, self.Wc = _p(H), _p(H), _p(H)
            self.Uz, self.Ur, self.Uc = _p(H, H), _p(H, H), _p(H, H)
            self.bz, self.br, self.bc = _p(H), _p(H), _p(H)
            self.Wo, self.bo = _p(H), _p(())

        def forward(self, xt, h):  # xt: a 0-d tensor (scalar input)
            z = torch.sigmoid(self.Wz * xt + self.Uz @ h + self.bz)
            r = torch.sigmoid(self.Wr * xt + self.Ur @ h + self.br)
            c = torch.tanh(self.Wc * xt + self.Uc @ (r * h) + self.bc)
            h = (1 - z) * h + z * c
            return self.Wo @ h + self.bo, h

    return Cell()


# stored file id 7642479512 (Python DRAW sketch, class Gru docstring). Six matrices Wzx, Wrx, Wpx [h, x] and
# Wzh, Wrh, Wph [h, h]; two biases bz, br [h]; the candidate p has no bias. 3hx + 3h² + 2h.
@_export
def h24e_drawgru_gru(x=7, h=5):
    X, H = x, h

    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.Wzx, self.Wrx, self.Wpx = _p(H, X), _p(H, X), _p(H, X)
            self.Wzh, self.Wrh, self.Wph = _p(H, H), _p(H, H), _p(H, H)
            self.bz, self.br = _p(H), _p(H)

        def forward(self, xt, hp):
            z = torch.sigmoid(self.Wzx @ xt + self.Wzh @ hp + self.bz)
            r = torch.sigmoid(self.Wrx @ xt + self.Wrh @ hp + self.br)
            p = torch.tanh(self.Wpx @ xt + self.Wph @ (r * hp))
            return (1 - z) * p + z * hp

    return Cell()


# stored file id 8922409413 (C# AiDotNet CudaLstmKernels remarks). Per-gate W_* [h, x], U_* [h, h], b_* [h] for
# f, i, c, o. 4(hx + h² + h).
@_export
def h24e_aidotnet_lstm(x=7, h=5):
    X, H = x, h

    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            for g in "fico":
                setattr(self, "W_" + g, _p(H, X))
                setattr(self, "U_" + g, _p(H, H))
                setattr(self, "b_" + g, _p(H))

        def _pre(self, g, xt, hp):
            return getattr(self, "W_" + g) @ xt + getattr(self, "U_" + g) @ hp + getattr(self, "b_" + g)

        def forward(self, xt, state):
            hp, cp = state
            f = torch.sigmoid(self._pre("f", xt, hp))
            i = torch.sigmoid(self._pre("i", xt, hp))
            ct = torch.tanh(self._pre("c", xt, hp))
            o = torch.sigmoid(self._pre("o", xt, hp))
            c = f * cp + i * ct
            return o * torch.tanh(c), c

    return Cell()


# stored file id 7155809778 (Java TinyAI v2 GRU javadoc and fields). W_ir, W_iz, W_in [h, x], W_hr, W_hz, W_hn
# [h, h], one bias per gate b_r, b_z, b_n [h]; reset applied after W_hn. 3(hx + h² + h).
@_export
def h24e_tinyai_gru(x=7, h=5):
    X, H = x, h

    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_ir, self.W_iz, self.W_in = _p(H, X), _p(H, X), _p(H, X)
            self.W_hr, self.W_hz, self.W_hn = _p(H, H), _p(H, H), _p(H, H)
            self.b_r, self.b_z, self.b_n = _p(H), _p(H), _p(H)

        def forward(self, xt, hp):
            r = torch.sigmoid(self.W_ir @ xt + self.W_hr @ hp + self.b_r)
            z = torch.sigmoid(self.W_iz @ xt + self.W_hz @ hp + self.b_z)
            n = torch.tanh(self.W_in @ xt + r * (self.W_hn @ hp) + self.b_n)
            return (1 - z) * n + z * hp

    return Cell()


# stored file id 4209106182 (Python/Theano LstmLayer, Greff et al. vanilla LSTM with peepholes). Input weights
# W_zi, W_xi, W_xf, W_xo (n_in, n_out), recurrent Rz, Ri, Rf, Ro (n_out, n_out), peephole vectors w_ci, w_cf,
# w_co (n_out,), biases b_z, b_i, b_f, b_o (n_out,). 4·n_in·n_out + 4·n_out² + 3·n_out + 4·n_out.
@_export
def h24e_theanolstm_lstm(n_in=7, n_out=5):
    X, H = n_in, n_out

    class Block(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_zi, self.W_xi, self.W_xf, self.W_xo = (_p(X, H) for _ in range(4))
            self.Rz, self.Ri, self.Rf, self.Ro = (_p(H, H) for _ in range(4))
            self.w_ci, self.w_cf, self.w_co = _p(H), _p(H), _p(H)
            self.b_z, self.b_i, self.b_f, self.b_o = _p(H), _p(H), _p(H), _p(H)

        def forward(self, x_t, state):
            hid_prev, out_prev = state
            z = torch.sigmoid(x_t @ self.W_zi + out_prev @ self.Rz + self.b_z)
            it = torch.sigmoid(x_t @ self.W_xi + out_prev @ self.Ri + self.w_ci * hid_prev + self.b_i)
            ft = torch.sigmoid(x_t @ self.W_xf + out_prev @ self.Rf + self.w_cf * hid_prev + self.b_f)
            ct = it * z + ft * hid_prev
            ot = torch.sigmoid(x_t @ self.W_xo + out_prev @ self.Ro + self.w_co * ct + self.b_o)
            yt = torch.sigmoid(ct) * ot
            return ct, yt

    return Block()


# stored file id 54374572684 (C header EIF_RNN_H, eif_gru_cell_t). GRU on the concatenation [h_{t-1}, x_t]:
# W_r, W_z, W_h [h, h + x], b_r, b_z, b_h [h]; the reset gate scales h_{t-1} inside the candidate's
# concatenation. 3(h(h + x) + h).
@_export
def h24e_eifgru_gru(x=7, h=5):
    X, H = x, h

    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_r, self.W_z, self.W_h = _p(H, H + X), _p(H, H + X), _p(H, H + X)
            self.b_r, self.b_z, self.b_h = _p(H), _p(H), _p(H)

        def forward(self, xt, hp):
            cat = torch.cat([hp, xt])
            r = torch.sigmoid(self.W_r @ cat + self.b_r)
            z = torch.sigmoid(self.W_z @ cat + self.b_z)
            ht = torch.tanh(self.W_h @ torch.cat([r * hp, xt]) + self.b_h)
            return (1 - z) * hp + z * ht

    return Cell()


# stored file id 14065026926 (Rust autodiff crate, pub struct LSTMCell). PyTorch-style LSTM with per-gate
# fields: w_i* [input_size, hidden_size], w_h* [hidden_size, hidden_size], b_i*, b_h* [hidden_size] for
# i, f, g, o (biases optional, counted). 4h(x + h) + 8h.
@_export
def h24e_autodiff_lstm(input_size=7, hidden_size=5):
    X, H = input_size, hidden_size

    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            for g in "ifgo":
                setattr(self, "w_i" + g, _p(X, H))
                setattr(self, "w_h" + g, _p(H, H))
                setattr(self, "b_i" + g, _p(H))
                setattr(self, "b_h" + g, _p(H))

        def _pre(self, g, xt, hp):
            return (xt @ getattr(self, "w_i" + g) + getattr(self, "b_i" + g)
                    + hp @ getattr(self, "w_h" + g) + getattr(self, "b_h" + g))

        def forward(self, xt, state):
            hp, cp = state
            i = torch.sigmoid(self._pre("i", xt, hp))
            f = torch.sigmoid(self._pre("f", xt, hp))
            g = torch.tanh(self._pre("g", xt, hp))
            o = torch.sigmoid(self._pre("o", xt, hp))
            c = f * cp + i * g
            return o * torch.tanh(c), c

    return Cell()
