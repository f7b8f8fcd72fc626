"""Oracles for the h47a set-aside snippets (heldout47), as its gatherer wrote them."""
import torch
from torch import nn

__all__ = []


def _export(f):
    __all__.append(f.__name__)
    return f


def _p(*shape):
    return nn.Parameter(torch.randn(*shape) * 0.1)


# skettee/notebooks recurrent_neural_network.ipynb cells 7-8 (Korean RNN); W_aa (a,a), W_ax (a,x), b_a (a),
# W_ya (y,a), b_y (y); g taken as tanh (parameter-free either way); Count: a*a + a*x + a + y*a + y.
@_export
def h47a_skettee_rnn(x=7, a=5, y=3):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_aa, self.W_ax, self.b_a = _p(a, a), _p(a, x), _p(a)
            self.W_ya, self.b_y = _p(y, a), _p(y)

        def forward(self, xt, ap):
            an = torch.tanh(ap @ self.W_aa.T + xt @ self.W_ax.T + self.b_a)
            return an @ self.W_ya.T + self.b_y, an
    return Cell()


# skettee/notebooks long_short_term_memory.ipynb cells 39-40 (Korean LSTM); for k in {c,u,f,o}: W_ka (a,a),
# W_kx (a,x), b_k (a); output W_ya (y,a), b_y (y); Count: 4*(a*a + a*x + a) + y*a + y.
@_export
def h47a_skettee_lstm(x=7, a=5, y=3):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.Wa = nn.ParameterDict({k: _p(a, a) for k in "cufo"})
            self.Wx = nn.ParameterDict({k: _p(a, x) for k in "cufo"})
            self.b = nn.ParameterDict({k: _p(a) for k in "cufo"})
            self.W_ya, self.b_y = _p(y, a), _p(y)

        def forward(self, xt, state):
            ap, cp = state
            z = {k: ap @ self.Wa[k].T + xt @ self.Wx[k].T + self.b[k] for k in "cufo"}
            ct_ = torch.tanh(z["c"])
            gu, gf, go = torch.sigmoid(z["u"]), torch.sigmoid(z["f"]), torch.sigmoid(z["o"])
            c = gu * ct_ + gf * cp
            an = go * torch.tanh(c)
            return an @ self.W_ya.T + self.b_y, (an, c)
    return Cell()


# maedoc/friedchicken rwkv.ipynb cells 0-4 (RWKV-4 TimeMix module, code); mix_k, mix_v, mix_r, first, decay (C,)
# each; LayerNorm(C) weight+bias; key, value, receptance, output Linear(C, C, bias=False); Count: 5C + 2C + 4C^2.
@_export
def h47a_maedoc_timemix(C=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            for k in "mix_k mix_v mix_r first decay".split():
                setattr(self, k, _p(C))
            self.layer_norm = nn.LayerNorm(C)
            self.key = nn.Linear(C, C, bias=False)
            self.value = nn.Linear(C, C, bias=False)
            self.receptance = nn.Linear(C, C, bias=False)
            self.output = nn.Linear(C, C, bias=False)

        def forward(self, x, state):
            last_x, aa, bb, pp = state
            x = self.layer_norm(x)
            xk = x * self.mix_k + last_x * (1 - self.mix_k)
            xv = x * self.mix_v + last_x * (1 - self.mix_v)
            xr = x * self.mix_r + last_x * (1 - self.mix_r)
            r = torch.sigmoid(self.receptance(xr))
            k, v = self.key(xk), self.value(xv)
            ww = self.first + k
            qq = torch.maximum(pp, ww)
            e1, e2 = torch.exp(pp - qq), torch.exp(ww - qq)
            wkv = (e1 * aa + e2 * v) / (e1 * bb + e2)
            ww = pp + self.decay
            qq = torch.maximum(ww, k)
            e1, e2 = torch.exp(ww - qq), torch.exp(k - qq)
            aa, bb, pp = e1 * aa + e2 * v, e1 * bb + e2, qq
            return self.output(r * wkv), (x, aa, bb, pp)
    return Cell()


# AbeRodz/mamba-s4 mamba.ipynb cells 11-12 (selective SSM shapes; refuse: B, C, Delta are input-dependent but no
# projection is written). Most plausible reading = the Mamba paper's S6 algorithm: A (D,N) parameter,
# s_B, s_C = Linear_N(x) (N,D) each without bias, Delta = softplus(Parameter(D) + Broadcast_D(Linear_1(x)))
# with Linear_1 (1,D) without bias; Count: 3*D*N + 2*D.
@_export
def h47a_abe_mamba(D=5, N=4):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.A = nn.Parameter(-torch.rand(D, N) - 0.5)
            self.W_B, self.W_C = _p(N, D), _p(N, D)
            self.W_dt, self.dt_bias = _p(1, D), _p(D)

        def forward(self, xt, hp):  # xt (batch, D), hp (batch, D, N)
            B, Cm = xt @ self.W_B.T, xt @ self.W_C.T
            dt = nn.functional.softplus(self.dt_bias + xt @ self.W_dt.T)  # (batch, D)
            A_bar = torch.exp(dt.unsqueeze(-1) * self.A)
            B_bar = dt.unsqueeze(-1) * B.unsqueeze(1)
            h = A_bar * hp + B_bar * xt.unsqueeze(-1)
            return (h * Cm.unsqueeze(1)).sum(-1), h
    return Cell()


# AbeRodz/mamba-s4 mamba.ipynb cell 44 (S4 shapes); A, B, C (D,N) each, Delta (D), all learned, diagonal A,
# ZOH discretization; Count: 3*D*N + D.
@_export
def h47a_abe_s4(D=5, N=4):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.A = nn.Parameter(-torch.rand(D, N) - 0.5)
            self.B, self.C = _p(D, N), _p(D, N)
            self.Delta = nn.Parameter(torch.rand(D) * 0.1 + 0.01)

        def forward(self, xt, hp):  # xt (batch, D), hp (batch, D, N)
            dA = self.Delta.unsqueeze(-1) * self.A
            A_bar = torch.exp(dA)
            B_bar = (A_bar - 1) / self.A * self.B
            h = A_bar * hp + B_bar * xt.unsqueeze(-1)
            return (h * self.C).sum(-1), h
    return Cell()


# samgd/sru sru.ipynb cells 2-4 (stacked SRU, code); per layer: weight (H, 3H), vector (2H), bias (2H); alpha is a
# buffer, not learned; n_layers layers of width H; Count: n_layers*(3H^2 + 4H).
@_export
def h47a_samgd_sru(n_hidden=5, n_layers=2):
    H = n_hidden

    class Layer(nn.Module):
        def __init__(self):
            super().__init__()
            self.weight, self.vector, self.bias = _p(H, 3 * H), _p(2 * H), _p(2 * H)
            self.register_buffer("alpha", torch.sqrt(torch.tensor(3.0)))

        def forward(self, x, cell):
            uw, uf, ur = (x @ self.weight).split(H, dim=-1)
            ft = torch.sigmoid(uf + self.vector[:H] * cell + self.bias[:H])
            rt = torch.sigmoid(ur + self.vector[H:] * cell + self.bias[H:])
            c = ft * cell + (1 - ft) * uw
            return rt * c + (1 - rt) * x * self.alpha, c

    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.srus = nn.ModuleList([Layer() for _ in range(n_layers)])

        def forward(self, x, cells):
            new = []
            for sru, c in zip(self.srus, cells):
                x, c = sru(x, c)
                new.append(c)
            return x, new
    return Cell()


# ikyath/RNN_Introduction_Fundamentals RNN_Theory.ipynb cells 23-27 (refuse: the output equation reuses W, which is
# the h x h recurrent matrix, and never sizes O_t). Most plausible reading: a separate output matrix V (y,h) with
# bias b_o; U (h,x), W (h,h), b_h (h); f = tanh; Count: h*x + h*h + h + y*h + y.
@_export
def h47a_ikyath_rnn(x=7, h=5, y=3):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.U, self.W, self.b_h = _p(h, x), _p(h, h), _p(h)
            self.V, self.b_o = _p(y, h), _p(y)

        def forward(self, xt, hp):
            hn = torch.tanh(xt @ self.U.T + hp @ self.W.T + self.b_h)
            return torch.tanh(hn @ self.V.T + self.b_o), hn
    return Cell()


# tumble-weed/LSTM-from-scratch Peephole_LSTM_from_scratch.ipynb cell 3 (code); gates i, r (forget), o:
# Linear(x->s) with bias, Linear(s->s) from h and Linear(s->s) from c, both bias-free (full peephole matrices);
# candidate c: Linear(x->s) with bias + Linear(s->s) from h bias-free; squash_fn = sigmoid (the default) on the
# candidate and on c for h; Count: 4*(x*s + s) + 7*s*s. (The source keeps the layers in a plain dict; they are
# the cell's learned weights all the same and are registered here.)
@_export
def h47a_tumble_peephole(input_size=7, state_size=5):
    x, s = input_size, state_size

    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            L = {}
            for g in "ior":
                L[f"{g}x"] = nn.Linear(x, s)
                L[f"{g}h"] = nn.Linear(s, s, bias=False)
                L[f"{g}c"] = nn.Linear(s, s, bias=False)
            L["cx"] = nn.Linear(x, s)
            L["ch"] = nn.Linear(s, s, bias=False)
            self.layers = nn.ModuleDict(L)

        def forward(self, xt, state):
            h, c = state
            Ly = self.layers
            i = torch.sigmoid(Ly["ix"](xt) + Ly["ih"](h) + Ly["ic"](c))
            r = torch.sigmoid(Ly["rx"](xt) + Ly["rh"](h) + Ly["rc"](c))
            dc = torch.sigmoid(Ly["cx"](xt) + Ly["ch"](h))
            c = dc * i + c * r
            o = torch.sigmoid(Ly["ox"](xt) + Ly["oh"](h) + Ly["oc"](c))
            h = o * torch.sigmoid(c)
            return h, (h, c)
    return Cell()
