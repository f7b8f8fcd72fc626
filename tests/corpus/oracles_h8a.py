import torch
from torch import nn

__all__ = []


def _export(f):
    __all__.append(f.__name__)
    return f


def _p(*shape):
    return nn.Parameter(torch.randn(*shape) * 0.1)


class _Heaviside(torch.autograd.Function):
    @staticmethod
    def forward(ctx, x):
        return (x >= 0).to(x.dtype)

    @staticmethod
    def backward(ctx, g):
        return g


# ---------------------------------------------------------------------------
# spikingjelly SpikingLSTMCell: PyTorch-style W_i?, W_h?, b_i?, b_h? per gate, Heaviside gates
# ---------------------------------------------------------------------------
@_export
def spikingjelly_lstm(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            for g in "ifgo":
                setattr(self, f"W_i{g}", _p(h, x))
                setattr(self, f"b_i{g}", _p(h))
                setattr(self, f"W_h{g}", _p(h, h))
                setattr(self, f"b_h{g}", _p(h))

        def forward(self, xt, hp, cp):
            a = {g: xt @ getattr(self, f"W_i{g}").T + getattr(self, f"b_i{g}")
                 + hp @ getattr(self, f"W_h{g}").T + getattr(self, f"b_h{g}") for g in "ifgo"}
            i, f, g, o = (_Heaviside.apply(a[k]) for k in "ifgo")
            c = f * cp + i * g
            return o * c, c
    return Cell()


class _GateLSTM(nn.Module):
    """One W (h x x), one U (h x h), one b (h) per gate, gates i f g o."""

    def __init__(self, x, h, gates="ifgo", bias=True):
        super().__init__()
        self.gates = gates
        for g in gates:
            setattr(self, f"W_{g}", _p(h, x))
            setattr(self, f"U_{g}", _p(h, h))
            if bias:
                setattr(self, f"b_{g}", _p(h))
        self.bias = bias

    def pre(self, g, xt, hp):
        a = xt @ getattr(self, f"W_{g}").T + hp @ getattr(self, f"U_{g}").T
        return a + getattr(self, f"b_{g}") if self.bias else a

    def forward(self, xt, hp, cp):
        i, f, o = (torch.sigmoid(self.pre(k, xt, hp)) for k in "ifo")
        g = torch.tanh(self.pre(self.gates[2], xt, hp))
        c = f * cp + i * g
        return o * torch.tanh(c), c


# stored file 23763632505: Rust chess LSTMCell, W_x? [x,h] (row use), W_h?, b_? for f i o c
@_export
def rustchess_lstm(x=7, h=5):
    return _GateLSTM(x, h, gates="ifco")


# stored file 52040079869: WGSL lstm_cell comment, W_?, U_?, b_? for i f g o
@_export
def wgsl_lstm(x=7, h=5):
    return _GateLSTM(x, h, gates="ifgo")


# berthubert/hello-dl gru-layer.hh: as implemented, six weight matrices and no biases (180 at x=7, h=5);
# the "pytorch:" comment would give 210 with its six biases -> snippet marked refuse.
@_export
def hellodl_gru(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            for n, shape in [("w_ir", (h, x)), ("w_iz", (h, x)), ("w_in", (h, x)),
                             ("w_hr", (h, h)), ("w_hz", (h, h)), ("w_hn", (h, h))]:
                setattr(self, n, _p(*shape))

        def forward(self, xt, hp):
            r = torch.sigmoid(xt @ self.w_ir.T + hp @ self.w_hr.T)
            z = torch.sigmoid(xt @ self.w_iz.T + hp @ self.w_hz.T)
            n = torch.tanh(xt @ self.w_in.T + r * (hp @ self.w_hn.T))
            return (1 - z) * n + z * hp
    return Cell()


# stored file 28235921938: mytorch GRUCell docstring = torch.nn.GRUCell parameterisation (W_i?, b_i?, W_h?, b_h?)
@_export
def mytorch_gru(x=7, h=5):
    return nn.GRUCell(x, h)


# stored file 32178947329: ts-torch LSTM JSDoc = torch.nn.LSTM(x, h) one layer (PyTorch names, two bias sets)
@_export
def tstorch_lstm(x=7, h=5):
    return nn.LSTM(x, h)


# stored file 28221802725: jfx2 NAM LSTMCell, W_? on [h_{t-1}, x_t] and b_? per gate, stored combined
@_export
def jfx2nam_lstm(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.weights = _p(4 * h, x + h)
            self.biases = _p(4 * h)

        def forward(self, xt, hp, cp):
            g = torch.cat([xt, hp], -1) @ self.weights.T + self.biases
            i, f, c_, o = g.chunk(4, -1)
            c = torch.sigmoid(f) * cp + torch.sigmoid(i) * torch.tanh(c_)
            return torch.sigmoid(o) * torch.tanh(c), c
    return Cell()


# stored file 16139389018: Spatial LSTM comment, W^? (D_h x d) and U^? (D_h x D_h), no biases
@_export
def spatial_lstm(x=7, h=5):
    return _GateLSTM(x, h, gates="ifco", bias=False)


def _g(v):
    return torch.where(v >= 0, v + 0.5, torch.sigmoid(v))


# stored file 60485167386: irithyll MinGRUCell, W_z on [x_t, h_{t-1}] + b_z, W_h on x_t + b_h
@_export
def irithyll_mingru(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_z = nn.Linear(x + h, h)
            self.W_h = nn.Linear(x, h)

        def forward(self, xt, hp):
            z = torch.sigmoid(self.W_z(torch.cat([xt, hp], -1)))
            return (1 - z) * hp + z * self.W_h(xt)
    return Cell()


# stored file 41657831284: burn MinGRU struct doc, z = σ(W_z x + b_z), h̃ = W_h x + b_h, g activation
@_export
def burnmingru_mingru(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_z = nn.Linear(x, h)
            self.W_h = nn.Linear(x, h)

        def forward(self, xt, hp):
            z = torch.sigmoid(self.W_z(xt))
            return (1 - z) * hp + z * _g(self.W_h(xt))
    return Cell()



# danindiana/gpt_C_plus_plus GRU/README.md: W_z, W_r, W_h on concatenations (h x (x+h)), b_z, b_r, b_h
@_export
def cppgru_gru(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_z = nn.Linear(x + h, h)
            self.W_r = nn.Linear(x + h, h)
            self.W_h = nn.Linear(x + h, h)

        def forward(self, xt, hp):
            z = torch.sigmoid(self.W_z(torch.cat([xt, hp], -1)))
            r = torch.sigmoid(self.W_r(torch.cat([xt, hp], -1)))
            ht = torch.tanh(self.W_h(torch.cat([xt, r * hp], -1)))
            return z * hp + (1 - z) * ht
    return Cell()


# graphcore/popart RNNOp: ONNX RNN, W (h x x), R (h x h), b_x and b_h (h each) -> torch.nn.RNNCell layout
@_export
def popart_rnn(x=7, h=5):
    return nn.RNNCell(x, h)


# stored file 56945989823: Go MLSTM, W_k W_v W_q [x, h]; w_i w_f w_o [x]; b_i b_f b_o [h]
@_export
def zerfoo_mlstm(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.Wk, self.Wv, self.Wq = _p(x, h), _p(x, h), _p(x, h)
            self.Wi, self.Wf, self.Wo = _p(x), _p(x), _p(x)
            self.Bi, self.Bf, self.Bo = _p(h), _p(h), _p(h)

        def forward(self, xt, C, n):
            k, v, q = xt @ self.Wk, xt @ self.Wv, xt @ self.Wq
            i = torch.exp((xt @ self.Wi)[:, None] + self.Bi)
            f = torch.exp((xt @ self.Wf)[:, None] + self.Bf)
            o = torch.sigmoid((xt @ self.Wo)[:, None] + self.Bo)
            C = f[:, :, None] * C + i[:, :, None] * (v[:, :, None] * k[:, None, :])
            n = f * n + i * k
            num = (C @ q[:, :, None]).squeeze(-1)
            den = torch.clamp((n * q).sum(-1, keepdim=True).abs(), min=1.0)
            return o * num / den, C, n
    return Cell()


# stored file 55292282516 (R morie): as implemented, W (3h x x), U (3h x h), one stacked b (3h) -> 195 at x=7, h=5;
# the roxygen text elides the gates, so the snippet is marked refuse.
@_export
def morie_gru(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W = _p(3 * h, x)
            self.U = _p(3 * h, h)
            self.b = _p(3 * h)

        def forward(self, xt, hp):
            Wz, Wr, Wn = (xt @ self.W.T + self.b).chunk(3, -1)
            Uz, Ur, Un = (hp @ self.U.T).chunk(3, -1)
            z, r = torch.sigmoid(Wz + Uz), torch.sigmoid(Wr + Ur)
            n = torch.tanh(Wn + r * Un)
            return (1 - z) * n + z * hp
    return Cell()
