import torch
from torch import nn

__all__ = []


def _export(f):
    __all__.append(f.__name__)
    return f


def _p(*shape):
    return nn.Parameter(torch.randn(*shape) * 0.1)


class _ConcatLSTM(nn.Module):
    """LSTM with one weight per gate over the concatenation [h_{t-1}, x_t] and one bias per gate,
    plus an optional output projection out = W_v h + b_v."""

    def __init__(self, x, h, y=None):
        super().__init__()
        self.W_f, self.b_f = _p(h, h + x), _p(h)
        self.W_i, self.b_i = _p(h, h + x), _p(h)
        self.W_g, self.b_g = _p(h, h + x), _p(h)
        self.W_o, self.b_o = _p(h, h + x), _p(h)
        self.y = y
        if y is not None:
            self.W_v, self.b_v = _p(y, h), _p(y)

    def forward(self, xt, hp, cp):
        v = torch.cat([hp, xt], -1)
        f = torch.sigmoid(v @ self.W_f.T + self.b_f)
        i = torch.sigmoid(v @ self.W_i.T + self.b_i)
        g = torch.tanh(v @ self.W_g.T + self.b_g)
        o = torch.sigmoid(v @ self.W_o.T + self.b_o)
        c = f * cp + i * g
        h = o * torch.tanh(c)
        if self.y is not None:
            return h, c, torch.softmax(h @ self.W_v.T + self.b_v, -1)
        return h, c


class _SplitLSTM(nn.Module):
    """LSTM with W (h x x), U (h x h) and b (h) per gate."""

    def __init__(self, x, h):
        super().__init__()
        for n in "fiog":
            setattr(self, "W_" + n, _p(h, x))
            setattr(self, "U_" + n, _p(h, h))
            setattr(self, "b_" + n, _p(h))

    def _a(self, n, xt, hp):
        return xt @ getattr(self, "W_" + n).T + hp @ getattr(self, "U_" + n).T + getattr(self, "b_" + n)

    def forward(self, xt, hp, cp):
        f = torch.sigmoid(self._a("f", xt, hp))
        i = torch.sigmoid(self._a("i", xt, hp))
        o = torch.sigmoid(self._a("o", xt, hp))
        g = torch.tanh(self._a("g", xt, hp))
        c = f * cp + i * g
        return o * torch.tanh(c), c


class _ConcatGRU(nn.Module):
    """GRU with W_z, W_r over [h_{t-1}, x_t] and the candidate weight over [r * h_{t-1}, x_t], each h x (h + x);
    biases b_z, b_r, b_h when bias=True. new_weight=True gives h_t = (1 - z) * cand + z * h_{t-1}."""

    def __init__(self, x, h, bias, new_weight=False):
        super().__init__()
        self.W_z, self.W_r, self.W_h = _p(h, h + x), _p(h, h + x), _p(h, h + x)
        self.bias = bias
        if bias:
            self.b_z, self.b_r, self.b_h = _p(h), _p(h), _p(h)
        self.new_weight = new_weight

    def forward(self, xt, hp):
        v = torch.cat([hp, xt], -1)
        bz = self.b_z if self.bias else 0.0
        br = self.b_r if self.bias else 0.0
        bh = self.b_h if self.bias else 0.0
        z = torch.sigmoid(v @ self.W_z.T + bz)
        r = torch.sigmoid(v @ self.W_r.T + br)
        cand = torch.tanh(torch.cat([r * hp, xt], -1) @ self.W_h.T + bh)
        if self.new_weight:
            return (1 - z) * cand + z * hp
        return (1 - z) * hp + z * cand


class _SplitGRU(nn.Module):
    """GRU with W (h x x), U (h x h) and b (h) for z, r and the candidate; reset applied to h_{t-1} before U_h."""

    def __init__(self, x, h):
        super().__init__()
        self.W_z, self.U_z, self.b_z = _p(h, x), _p(h, h), _p(h)
        self.W_r, self.U_r, self.b_r = _p(h, x), _p(h, h), _p(h)
        self.W_h, self.U_h, self.b_h = _p(h, x), _p(h, h), _p(h)

    def forward(self, xt, hp):
        z = torch.sigmoid(xt @ self.W_z.T + hp @ self.U_z.T + self.b_z)
        r = torch.sigmoid(xt @ self.W_r.T + hp @ self.U_r.T + self.b_r)
        cand = torch.tanh(xt @ self.W_h.T + (r * hp) @ self.U_h.T + self.b_h)
        return (1 - z) * hp + z * cand


class _ElmanOut(nn.Module):
    """Elman RNN h = tanh(W_in x + W h_prev + b) with an output layer y = W_out h + c."""

    def __init__(self, x, h, y, out_act=None):
        super().__init__()
        self.W_in, self.W, self.b = _p(h, x), _p(h, h), _p(h)
        self.W_out, self.c = _p(y, h), _p(y)
        self.out_act = out_act

    def forward(self, xt, hp):
        h = torch.tanh(xt @ self.W_in.T + hp @ self.W.T + self.b)
        y = h @ self.W_out.T + self.c
        if self.out_act is not None:
            y = self.out_act(y)
        return h, y


# stored file id 54295381301 (Korean textbook ch. 5, 5.4.2-5.4.3). W_f, W_i, W_o, W_g each h x (h + x) over
# [h_{t-1}, x_t]; b_f, b_i, b_o, b_g each h. 4h(h + x) + 4h.
@_export
def h33c_kotext5_lstm(x=7, h=5):
    return _ConcatLSTM(x, h)


# stored file id 54295381301 (Korean textbook ch. 5, 5.5.2). W_r, W_z over [h_{t-1}, x_t], W_n over
# [r_t ⊙ h_{t-1}, x_t], each h x (h + x); no biases; h_t = (1 - z) ⊙ n + z ⊙ h_{t-1}. 3h(h + x).
@_export
def h33c_kotext5_gru(x=7, h=5):
    return _ConcatGRU(x, h, bias=False, new_weight=True)


# stored file id 38041695242 (lzwjava blog, French LSTM note). W_f, W_i, W_g, W_o each
# hidden_size x (hidden_size + vocab_size) over z = [h_{t-1}; x_t] (x one-hot of size vocab_size); b_f, b_i, b_g, b_o
# each hidden_size; output projection W_v (vocab_size x hidden_size) and b_v (vocab_size).
# 4H(H + V) + 4H + VH + V.
@_export
def h33c_lzwfr_lstm(hidden_size=5, vocab_size=7):
    return _ConcatLSTM(vocab_size, hidden_size, y=vocab_size)


# stored file id 68946716610 (Chinese classic-papers list, GRU entry). W_z, W_r over [h_{t-1}, x_t], W over
# [r_t * h_{t-1}, x_t], each h x (h + x); no biases. 3h(h + x).
@_export
def h33c_zhpapers_gru(x=7, h=5):
    return _ConcatGRU(x, h, bias=False)


# stored file id 61802148522 (Chinese LSTM tutorial, 思考题1 answer). W_z, W_r over [h_{t-1}, x_t], W over
# [r_t ⊙ h_{t-1}, x_t], each h x (h + x); no biases. 3h(h + x).
@_export
def h33c_zhlstmtut_gru(x=7, h=5):
    return _ConcatGRU(x, h, bias=False)


# stored file id 55055364984 (Chinese numpy Time_Series_GRU docstring). W_z, W_r, W_h each h x x; U_z, U_r, U_h
# each h x h; b_z, b_r, b_h each h. 3h(x + h) + 3h.
@_export
def h33c_zhnumpy_gru(x=7, h=5):
    return _SplitGRU(x, h)


# stored file id 28598061371 (Vietnamese notes 7.1-7.2, GRU in words only); marked refuse. Most plausible reading:
# the standard GRU with W (h x x), U (h x h), b (h) for the update gate, the reset gate and the candidate.
# 3h(x + h) + 3h.
@_export
def h33c_vinlp_gru(x=7, h=5):
    return _SplitGRU(x, h)


# stored file id 44069882939 (Chinese RNN/LSTM/GRU notes, 1.3). W_xh (h x x), W_hh (h x h), b_h (h);
# output W_hy (y x h), b_y (y). h(x + h) + h + yh + y.
@_export
def h33c_zhrnnbasics_rnn(x=7, h=5, y=3):
    return _ElmanOut(x, h, y)


# stored file id 44069882939 (Chinese RNN/LSTM/GRU notes, 3.2). W_z, W_r over [h_{t-1}, x_t], W over
# [r_t * h_{t-1}, x_t], each h x (h + x); b_z, b_r, b each h. 3h(h + x) + 3h.
@_export
def h33c_zhrnnbasics_gru(x=7, h=5):
    return _ConcatGRU(x, h, bias=True)


# stored file id 52685591298 (Chinese GRU data-flow document, 单个GRU单元). W_r, W_z over [h_{t-1}, x_t], W_h over
# [r_t ⊙ h_{t-1}, x_t], each hidden_dim x (hidden_dim + x); b_r, b_z, b_h each hidden_dim. One layer.
# 3H(H + x) + 3H.
@_export
def h33c_zhgruflow_gru(x=7, hidden_dim=5):
    return _ConcatGRU(x, hidden_dim, bias=True)


# stored file id 45269252061 (Japanese E資格 report, day3 S1 連鎖率). u = w(in) x + w z_prev + b, z = g(u),
# y = g(w(out) z + c): w(in) (z x x), w (z x z), b (z), w(out) (y x z), c (y); g taken as tanh without parameters.
# z(x + z) + z + yz + y.
@_export
def h33c_jaerabbit_rnn(x=7, z=5, y=3):
    return _ElmanOut(x, z, y, out_act=torch.tanh)


# stored file id 15698263478 (German AI glossary, LSTM entry in words only); marked refuse. Most plausible reading:
# the standard LSTM with W (h x x), U (h x h), b (h) for the forget, input and output gates and the cell input.
# 4h(x + h) + 4h.
@_export
def h33c_deglossar_lstm(x=7, h=5):
    return _SplitLSTM(x, h)


# stored file id 61392390919 (Portuguese lesson 030, LSTM paragraph without gate equations); marked refuse. Most
# plausible reading: the standard LSTM with W (h x x), U (h x h), b (h) for f, i, o and the candidate g.
# 4h(x + h) + 4h.
@_export
def h33c_ptlicao30_lstm(x=7, h=5):
    return _SplitLSTM(x, h)
