import torch
from torch import nn

__all__ = []


def _export(f):
    __all__.append(f.__name__)
    return f


def _p(*shape):
    return nn.Parameter(torch.randn(*shape) * 0.1)


# ---------------------------------------------------------------------------
# stored file 142636025: DRAGNN LSTMNetwork.create (tensorflow/models syntaxnet)
# coupled input/forget gate (f = 1 - i), full-matrix peepholes c2i (from c_{t-1})
# and c2o (from c_t); x2i,h2i,c2i,bi / x2c,h2c,bc / x2o,h2o,c2o,bo; row-vector x @ W
# ---------------------------------------------------------------------------
@_export
def dragnn_cifg_lstm(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.x2i, self.h2i, self.c2i, self.bi = _p(x, h), _p(h, h), _p(h, h), _p(h)
            self.x2c, self.h2c, self.bc = _p(x, h), _p(h, h), _p(h)
            self.x2o, self.h2o, self.c2o, self.bo = _p(x, h), _p(h, h), _p(h, h), _p(h)

        def forward(self, xt, state):
            hp, cp = state
            i = torch.sigmoid(xt @ self.x2i + hp @ self.h2i + cp @ self.c2i + self.bi)
            f = 1 - i
            w = torch.tanh(xt @ self.x2c + hp @ self.h2c + self.bc)
            c = i * w + f * cp
            o = torch.sigmoid(xt @ self.x2o + c @ self.c2o + hp @ self.h2o + self.bo)
            return o * torch.tanh(c), c
    return Cell()


# ---------------------------------------------------------------------------
# stored file 66575809080: memrl LRU module docstring (Math per step + storage)
# nu, theta_log, gamma_log (N each); B complex N x H, C complex H x N (stored x2);
# D (H); W_o (H x H, no bias written); LN over H (affine: 2H). Best reading; refuse.
# ---------------------------------------------------------------------------
@_export
def memrl_lru(N=7, H=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.nu_log, self.theta_log, self.gamma_log = _p(N), _p(N), _p(N)
            self.B = _p(N, H, 2)
            self.C = _p(H, N, 2)
            self.D = _p(H)
            self.W_o = nn.Linear(H, H, bias=False)
            self.ln = nn.LayerNorm(H)

        def forward(self, xt, hp):
            lam = torch.exp(-torch.exp(self.nu_log) + 1j * torch.exp(self.theta_log))
            gamma = torch.exp(self.gamma_log)
            Bc, Cc = torch.view_as_complex(self.B), torch.view_as_complex(self.C)
            h = lam * hp + gamma * (xt.to(Bc.dtype) @ Bc.t())
            y = (h @ Cc.t()).real + self.D * xt
            return self.ln(self.W_o(y)), h
    return Cell()


# ---------------------------------------------------------------------------
# stored file 15109467279: numpy RWKV time_mixing (docstring gives Wk, Wv, Wr, Wout
# as (1024, 1024)); decay, bonus, mix_k, mix_v, mix_r per channel (1024 each).
# ---------------------------------------------------------------------------
@_export
def numpy_rwkv_time_mixing(x=1024):
    class TimeMix(nn.Module):
        def __init__(self):
            super().__init__()
            self.decay, self.bonus = _p(x), _p(x)
            self.mix_k, self.mix_v, self.mix_r = _p(x), _p(x), _p(x)
            self.Wk, self.Wv, self.Wr, self.Wout = _p(x, x), _p(x, x), _p(x, x), _p(x, x)

        def forward(self, xt, state):
            last_x, last_num, last_den = state
            k = (xt * self.mix_k + last_x * (1 - self.mix_k)) @ self.Wk.T
            v = (xt * self.mix_v + last_x * (1 - self.mix_v)) @ self.Wv.T
            r = (xt * self.mix_r + last_x * (1 - self.mix_r)) @ self.Wr.T
            num = torch.exp(-torch.exp(self.decay)) * last_num + torch.exp(k) * v
            den = torch.exp(-torch.exp(self.decay)) * last_den + torch.exp(k)
            wkv = (last_num + torch.exp(self.bonus + k) * v) / (last_den + torch.exp(self.bonus + k))
            return (torch.sigmoid(r) * wkv) @ self.Wout.T, (xt, num, den)
    return TimeMix()


# ---------------------------------------------------------------------------
# stored file 53774101258: course notes "Peephole Connections" (Unit 4, Ch. 7)
# W_f, W_i, W_C, W_o act on [h_{t-1}, x_t] (n x (n+x)), b_* (n), diagonal p_f, p_i, p_o (n)
# ---------------------------------------------------------------------------
@_export
def unit4_peephole_lstm(x=7, n=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_f, self.W_i, self.W_C, self.W_o = (nn.Linear(n + x, n) for _ in range(4))
            self.p_f, self.p_i, self.p_o = _p(n), _p(n), _p(n)

        def forward(self, xt, state):
            hp, cp = state
            z = torch.cat([hp, xt], -1)
            f = torch.sigmoid(self.W_f(z) + self.p_f * cp)
            i = torch.sigmoid(self.W_i(z) + self.p_i * cp)
            ct = torch.tanh(self.W_C(z))
            c = f * cp + i * ct
            o = torch.sigmoid(self.W_o(z) + self.p_o * c)
            return o * torch.tanh(c), c
    return Cell()


# ---------------------------------------------------------------------------
# stored file 39256019697 (tensor2tensor common_layers.sru docstring), num_layers=2 default
# per layer: W (d x d, no bias written), Wf + bf, Wr + br; highway needs h dim = x dim
# ---------------------------------------------------------------------------
@_export
def t2t_sru(x=7, layers=2):
    d = x

    class Layer(nn.Module):
        def __init__(self):
            super().__init__()
            self.W = nn.Linear(d, d, bias=False)
            self.Wf = nn.Linear(d, d)
            self.Wr = nn.Linear(d, d)

        def forward(self, xt, c):
            xp = self.W(xt)
            f = torch.sigmoid(self.Wf(xt))
            r = torch.sigmoid(self.Wr(xt))
            c = f * c + (1 - f) * xp
            return r * torch.tanh(c) + (1 - r) * xt, c

    class Stack(nn.Module):
        def __init__(self):
            super().__init__()
            self.layers = nn.ModuleList(Layer() for _ in range(layers))

        def forward(self, xt, cs):
            out = []
            for layer, c in zip(self.layers, cs):
                xt, c = layer(xt, c)
                out.append(c)
            return xt, out
    return Stack()
