import torch
from torch import nn

__all__ = []


def _export(f):
    __all__.append(f.__name__)
    return f


def _p(*shape):
    return nn.Parameter(torch.randn(*shape) * 0.1)


# stored file 30425786461 (Spanish python-docx script of a TFG chapter, 6.5.1 Arquitectura). Four gates,
# each W_* · [h_{t-1}, x_t] + b_* with W_* of shape h x (h + x) and one bias per gate. 4h(h + x + 1).
@_export
def h15f_tfgoro_docx_lstm(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_f = nn.Linear(h + x, h)
            self.W_i = nn.Linear(h + x, h)
            self.W_c = nn.Linear(h + x, h)
            self.W_o = nn.Linear(h + x, h)

        def forward(self, xt, hp, cp):
            hx = torch.cat([hp, xt], -1)
            f = torch.sigmoid(self.W_f(hx))
            i = torch.sigmoid(self.W_i(hx))
            ct = torch.tanh(self.W_c(hx))
            c = f * cp + i * ct
            o = torch.sigmoid(self.W_o(hx))
            return o * torch.tanh(c), c

    return Cell()


# stored file 60277984206 (Ukrainian lab manual, 1. Теоретичні відомості). Same concatenated LSTM:
# W_f, W_i, W_c, W_o each h x (h + x), biases b_f, b_i, b_c, b_o. 4h(h + x + 1).
@_export
def h15f_uklab5_lstm(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_f = nn.Linear(h + x, h)
            self.W_i = nn.Linear(h + x, h)
            self.W_c = nn.Linear(h + x, h)
            self.W_o = nn.Linear(h + x, h)

        def forward(self, xt, hp, cp):
            hx = torch.cat([hp, xt], -1)
            f = torch.sigmoid(self.W_f(hx))
            i = torch.sigmoid(self.W_i(hx))
            ct = torch.tanh(self.W_c(hx))
            c = f * cp + i * ct
            o = torch.sigmoid(self.W_o(hx))
            return o * torch.tanh(c), c

    return Cell()


# stored file 61347798215 (French Flax exercise, class FlaxGRUCell). Input Dense layers W_xz, W_xr, W_xh
# without bias (x -> hidden_size), recurrent Dense layers W_hz, W_hr, W_hh with bias; W_hh acts on r * h.
# 3(x*hidden_size + hidden_size^2 + hidden_size).
@_export
def h15f_flaxgru_fr_gru(x=7, hidden_size=5):
    hs = hidden_size

    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_xz = nn.Linear(x, hs, bias=False)
            self.W_hz = nn.Linear(hs, hs, bias=True)
            self.W_xr = nn.Linear(x, hs, bias=False)
            self.W_hr = nn.Linear(hs, hs, bias=True)
            self.W_xh = nn.Linear(x, hs, bias=False)
            self.W_hh = nn.Linear(hs, hs, bias=True)

        def forward(self, xt, hp):
            z = torch.sigmoid(self.W_xz(xt) + self.W_hz(hp))
            r = torch.sigmoid(self.W_xr(xt) + self.W_hr(hp))
            ht = torch.tanh(self.W_xh(xt) + self.W_hh(r * hp))
            return (1 - z) * hp + z * ht

    return Cell()


# stored file 60212305406 (French-commented MATLAB matlibre_couche_recurrente.m, function etapePortes).
# W is (3*unites) x x, R is (3*unites) x unites (both sliced in three row blocks), b has 4*unites
# entries: 3*unites input biases and one recurrent bias for the candidate. 3u*x + 3u^2 + 4u.
@_export
def h15f_matlibre_gru(x=7, unites=5):
    u = unites

    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W = _p(3 * u, x)
            self.R = _p(3 * u, u)
            self.b = _p(4 * u)

        def forward(self, xt, h):
            pe = self.W @ xt + self.b[: 3 * u]
            pr = self.R @ h
            r = torch.sigmoid(pe[:u] + pr[:u])
            z = torch.sigmoid(pe[u:2 * u] + pr[u:2 * u])
            cand = torch.tanh(pe[2 * u:] + r * (pr[2 * u:] + self.b[3 * u:]))
            return (1 - z) * cand + z * h

    return Cell()


# stored file 60212305406 (same MATLAB file, function etapeMemoireLongue). z = W*xt + R*h + b sliced in
# four blocks of unites: W (4u x x), R (4u x u), b (4u). 4u(x + u + 1).
@_export
def h15f_matlibre_lstm(x=7, unites=5):
    u = unites

    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W = _p(4 * u, x)
            self.R = _p(4 * u, u)
            self.b = _p(4 * u)

        def forward(self, xt, h, c):
            z = self.W @ xt + self.R @ h + self.b
            i = torch.sigmoid(z[:u])
            f = torch.sigmoid(z[u:2 * u])
            g = torch.tanh(z[2 * u:3 * u])
            o = torch.sigmoid(z[3 * u:])
            c = f * c + i * g
            return o * torch.tanh(c), c

    return Cell()


# stored file 4683815836 (ufiesia0 NumPy library, GRU_Unit.forward). Row vectors: w is x x 3n
# ([:, :2n] gates, [:, 2n:] candidate), v is n x 3n, b is 3n. 3n(x + n + 1).
@_export
def h15f_jpunit_gru(x=7, n=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.w = _p(x, 3 * n)
            self.v = _p(n, 3 * n)
            self.b = _p(3 * n)

        def forward(self, xt, r):
            wg, wm = self.w[:, :2 * n], self.w[:, 2 * n:]
            vg, vm = self.v[:, :2 * n], self.v[:, 2 * n:]
            bg, bm = self.b[:2 * n], self.b[2 * n:]
            g = torch.sigmoid(xt @ wg + r @ vg + bg)
            gz, gr = g[..., :n], g[..., n:]
            u = xt @ wm + (gr * r) @ vm + bm
            return (1 - gz) * r + gz * torch.tanh(u)

    return Cell()


# stored file 24138442349 (home-made autograd framework, Russian comments, class LSTMCell). xf, xi, xo, xc:
# Linear(n_inputs, n_hidden) with the framework's default bias; hf, hi, ho, hc: Linear(n_hidden, n_hidden,
# bias=False); w_ho: Linear(n_hidden, n_output, bias=False), registered in self.parameters.
# 4h(x + 1) + 4h^2 + h*o with x = n_inputs, h = n_hidden, o = n_output.
@_export
def h15f_rutensor_lstm(n_inputs=7, n_hidden=5, n_output=3):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.xf = nn.Linear(n_inputs, n_hidden)
            self.xi = nn.Linear(n_inputs, n_hidden)
            self.xo = nn.Linear(n_inputs, n_hidden)
            self.xc = nn.Linear(n_inputs, n_hidden)
            self.hf = nn.Linear(n_hidden, n_hidden, bias=False)
            self.hi = nn.Linear(n_hidden, n_hidden, bias=False)
            self.ho = nn.Linear(n_hidden, n_hidden, bias=False)
            self.hc = nn.Linear(n_hidden, n_hidden, bias=False)
            self.w_ho = nn.Linear(n_hidden, n_output, bias=False)

        def forward(self, xt, hp, cp):
            f = torch.sigmoid(self.xf(xt) + self.hf(hp))
            i = torch.sigmoid(self.xi(xt) + self.hi(hp))
            o = torch.sigmoid(self.xo(xt) + self.ho(hp))
            u = torch.tanh(self.xc(xt) + self.hc(hp))
            c = f * cp + i * u
            h = o * torch.tanh(c)
            return self.w_ho(h), (h, c)

    return Cell()


# stored file 34196283932 (knowledge-tracing project, Korean comments, class LSTMCell). x2h: Linear(input_size,
# 4*hidden_size, bias=True), h2h: Linear(hidden_size, 4*hidden_size, bias=True). Written as its own module
# (the text documents its own class, not nn.LSTMCell). 4h(x + h + 2).
@_export
def h15f_krdkt_lstm(input_size=7, hidden_size=5):
    hs = hidden_size

    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.x2h = nn.Linear(input_size, 4 * hs, bias=True)
            self.h2h = nn.Linear(hs, 4 * hs, bias=True)

        def forward(self, xt, hx, cx):
            gates = self.x2h(xt) + self.h2h(hx)
            i, f, g, o = gates.chunk(4, -1)
            cy = cx * torch.sigmoid(f) + torch.sigmoid(i) * torch.tanh(g)
            hy = torch.sigmoid(o) * torch.tanh(cy)
            return hy, cy

    return Cell()


# stored file 63273784993 (Japanese minGRU head, module docstring). Linear_z and Linear_h: affine maps
# x -> h (weight and bias, as the paper's Linear). 2(xh + h).
@_export
def h15f_jpmingru_doc_mingru(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.Linear_z = nn.Linear(x, h)
            self.Linear_h = nn.Linear(x, h)

        def forward(self, xt, hp):
            z = torch.sigmoid(self.Linear_z(xt))
            return (1 - z) * hp + z * self.Linear_h(xt)

    return Cell()


# stored file 63273784993 (same module, class MinGRULayer). to_z, to_h: nn.Linear(n_channels, n_channels)
# with bias; dropout and the residual add have no parameters. 2(C^2 + C).
@_export
def h15f_jpmingru_layer_mingru(n_channels=5):
    C = n_channels

    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.to_z = nn.Linear(C, C)
            self.to_h = nn.Linear(C, C)

        def forward(self, xt, hp):
            z = torch.sigmoid(self.to_z(xt))
            h = (1 - z) * hp + z * self.to_h(xt)
            return xt + h

    return Cell()
