import torch
from torch import nn

__all__ = []


def _export(f):
    __all__.append(f.__name__)
    return f


def _p(*shape):
    return nn.Parameter(torch.randn(*shape) * 0.1)


# stored file 31204663387 (Mamba walkthrough, <details> Selection). The learned parameters are listed
# with shapes: W_Delta [E,E], B_Delta [E], A [E,N], W_B [N,E], W_C [N,E]. The output has no D term.
# E^2 + E + 3EN.
@_export
def h14d_mambainterp_selective_ssm(E=7, N=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_delta = _p(E, E)
            self.B_delta = _p(E)
            self.A = _p(E, N)
            self.W_B = _p(N, E)
            self.W_C = _p(N, E)

        def forward(self, xt, h):
            # xt: (E,), h: (E, N)
            delta = nn.functional.softplus(xt @ self.W_delta + self.B_delta)  # (E,)
            Abar = torch.exp(delta[:, None] * self.A)  # (E, N)
            Bt = self.W_B @ xt  # (N,)
            Ct = self.W_C @ xt  # (N,)
            h = Abar * h + (delta[:, None] * Bt[None, :]) * xt[:, None]
            y = h @ Ct  # (E,)
            return y, h

    return Cell()


# stored file 52722897049 (Rust IndRNNLayer, German comments). Weights: w (input_size x hidden_size,
# row-vector convention x·W), u (hidden), b (hidden). h, dh_bptt and grads are state / gradient
# buffers, not parameters. x*h + 2h.
@_export
def h14d_rust_indrnn_de(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.w = _p(x, h)
            self.u = _p(h)
            self.b = _p(h)

        def forward(self, xt, hp):
            return torch.relu(xt @ self.w + self.b + self.u * hp)

    return Cell()


# stored file 53370499222 (minGRU module docstring). Linear_z and Linear_h: x -> h affine maps
# (Linear with bias, as the paper's minGRU). 2(xh + h).
@_export
def h14d_mingru_scan_docstring(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.linear_z = nn.Linear(x, h)
            self.linear_h = nn.Linear(x, h)

        def forward(self, xt, hp):
            z = torch.sigmoid(self.linear_z(xt))
            return (1 - z) * hp + z * self.linear_h(xt)

    return Cell()


# stored file 34382064446 (refuse): one plausible reading only, the note's own "8d^2" allocation for the
# retention layer: W_Q, W_K (d x d), W_V, W_G (d x 2d), W_O (2d x d); one head, fixed gamma, GroupNorm
# without affine weights, FFN left out. 8d^2.
@_export
def h14d_retnet_notes_msr(d=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_Q = _p(d, d)
            self.W_K = _p(d, d)
            self.W_V = _p(d, 2 * d)
            self.W_G = _p(d, 2 * d)
            self.W_O = _p(2 * d, d)
            self.gamma = 1 - 2 ** -5

        def forward(self, xn, S):
            q, k, v = xn @ self.W_Q, xn @ self.W_K, xn @ self.W_V
            S = self.gamma * S + torch.outer(k, v)
            y = q @ S
            y = (y - y.mean()) / (y.std() + 1e-5)
            return (nn.functional.silu(xn @ self.W_G) * y) @ self.W_O, S

    return Cell()


# stored file 38134134327 (Rust DeltaNet, BitLinear projections). wq, wk, wv, wo: dim -> dim; w_beta:
# dim -> n_heads; BitLinear has no bias term in the text (ternary weights). The state S is not a
# parameter. 4 dim^2 + n_heads dim.
@_export
def h14d_rust_deltanet_bitlinear(dim=6, n_heads=3):
    hd = dim // n_heads

    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.wq = nn.Linear(dim, dim, bias=False)
            self.wk = nn.Linear(dim, dim, bias=False)
            self.wv = nn.Linear(dim, dim, bias=False)
            self.wo = nn.Linear(dim, dim, bias=False)
            self.w_beta = nn.Linear(dim, n_heads, bias=False)

        def forward(self, x, S):
            # S: (n_heads, hd, hd)
            q = self.wq(x).view(n_heads, hd)
            k = nn.functional.normalize(self.wk(x).view(n_heads, hd), dim=-1)
            v = self.wv(x).view(n_heads, hd)
            beta = torch.sigmoid(self.w_beta(x))[:, None, None]
            sk = torch.einsum("hij,hj->hi", S, k)
            S = S + beta * torch.einsum("hi,hj->hij", v - sk, k)
            o = torch.einsum("hij,hj->hi", S, q).reshape(dim)
            return self.wo(o), S

    return Cell()


# stored file 23581767016 (Japanese slides, UGRNN). W^{in}, W^{U,in}: z x x; W, W^U: z x z; no biases.
# 2(zx + z^2).
@_export
def h14d_aizu_ugrnn(x=7, z=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_in = _p(z, x)
            self.W = _p(z, z)
            self.W_U_in = _p(z, x)
            self.W_U = _p(z, z)

        def forward(self, xt, zp):
            u = self.W_in @ xt + self.W @ zp
            g = torch.sigmoid(self.W_U_in @ xt + self.W_U @ zp)
            return g * zp + (1 - g) * torch.tanh(u)

    return Cell()


# stored file 23581767016 (Japanese slides, LSTM summary slide). W^{in}, W^{F,in}, W^{I,in}, W^{O,in}:
# z x x; W, W^F, W^I, W^O: z x z; no biases, no peepholes in this slide. 4(zx + z^2).
@_export
def h14d_aizu_lstm_nobias(x=7, z=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_in = _p(4, z, x)
            self.W = _p(4, z, z)

        def forward(self, xt, state):
            zp, sp = state
            a = torch.einsum("gij,j->gi", self.W_in, xt) + torch.einsum("gij,j->gi", self.W, zp)
            u, gF, gI, gO = a[0], torch.sigmoid(a[1]), torch.sigmoid(a[2]), torch.sigmoid(a[3])
            s = gF * sp + gI * torch.tanh(u)
            zn = gO * torch.tanh(s)
            return zn, (zn, s)

    return Cell()


# stored file 12002711484 (refuse): one plausible reading only, following the comments: W (no bias),
# W_f + b_f, W_r + b_r, all h x x, and the highway projection convert_x taken as a bias-free h x x map.
# 4hx + 2h.
@_export
def h14d_sru_blog_zh(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.x_t = nn.Linear(x, h, bias=False)
            self.ft = nn.Linear(x, h)
            self.rt = nn.Linear(x, h)
            self.convert_x = nn.Linear(x, h, bias=False)

        def forward(self, xt, ct):
            xh = self.x_t(xt)
            f = torch.sigmoid(self.ft(xt))
            r = torch.sigmoid(self.rt(xt))
            ct = f * ct + (1 - f) * xh
            ht = r * torch.tanh(ct) + (1 - r) * self.convert_x(xt)
            return ht, ct

    return Cell()


# stored file 65945840484 (Rust sLSTM module doc). x_t and h_{t-1} both in R^d; W_z, W_i, W_f, W_o and
# R_z, R_i, R_f, R_o all d x d (full), b_z, b_i, b_f, b_o in R^d. 4(2d^2 + d).
@_export
def h14d_trustformers_slstm(d=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W = _p(4, d, d)
            self.R = _p(4, d, d)
            self.b = _p(4, d)

        def forward(self, xt, state):
            c, n, m, h = state
            a = torch.einsum("gij,j->gi", self.W, xt) + torch.einsum("gij,j->gi", self.R, h) + self.b
            z, it, ft, o = torch.tanh(a[0]), a[1], a[2], torch.sigmoid(a[3])
            logf = nn.functional.logsigmoid(ft)
            mn = torch.maximum(logf + m, it)
            ip, fp = torch.exp(it - mn), torch.exp(logf + m - mn)
            c = fp * c + ip * z
            n = fp * n + ip
            h = o * c / n
            return h, (c, n, mn, h)

    return Cell()


# stored file 70963416022 (Spanish NOA-LSTM layer). ih = nn.Linear(input_size, 4 hidden) with one
# bias; w_hh = Parameter(4 hidden, hidden), no recurrent bias. 4 hidden (input_size + hidden + 1).
@_export
def h14d_voltcast_noa_lstm(input_size=7, hidden=5):
    class Layer(nn.Module):
        def __init__(self):
            super().__init__()
            self.ih = nn.Linear(input_size, 4 * hidden)
            self.w_hh = nn.Parameter(torch.randn(4 * hidden, hidden) * 0.1)

        def forward(self, xt, state):
            h, c = state
            gates = self.ih(xt) + h @ self.w_hh.t()
            i, f, g, o = gates.chunk(4, -1)
            c = torch.sigmoid(f) * c + torch.sigmoid(i) * torch.tanh(g)
            h = torch.sigmoid(o) * c
            return h, (h, c)

    return Layer()


# stored file 3976663257 (ST operators_rnn.h, compute_lstm). W_{x*}: x x h (row-vector convention),
# W_{h*}: h x h, peepholes w_ci, w_cf, w_co (h each, three of them), biases b_i, b_f, b_c, b_o.
# 4(xh + h^2 + h) + 3h.
@_export
def h14d_st_operators_rnn_peephole_lstm(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.Wx = _p(4, x, h)
            self.Wh = _p(4, h, h)
            self.wc = _p(3, h)
            self.b = _p(4, h)

        def forward(self, xt, state):
            hp, cp = state
            a = torch.einsum("j,gjk->gk", xt, self.Wx) + torch.einsum("j,gjk->gk", hp, self.Wh) + self.b
            i = torch.sigmoid(a[0] + self.wc[0] * cp)
            f = torch.sigmoid(a[1] + self.wc[1] * cp)
            c = f * cp + i * torch.tanh(a[2])
            o = torch.sigmoid(a[3] + self.wc[2] * c)
            hn = o * torch.tanh(c)
            return hn, (hn, c)

    return Cell()


# stored file 13977019151 (Chainer QRNNLayer, conv width 2). W: in -> 3 out without bias (on x_{t-1}),
# V: in -> 3 out with bias (on x_t). 6 out in + 3 out.
@_export
def h14d_chainer_qrnn_fo(in_size=7, out_size=5):
    class Layer(nn.Module):
        def __init__(self):
            super().__init__()
            self.W = nn.Linear(in_size, 3 * out_size, bias=False)
            self.V = nn.Linear(in_size, 3 * out_size)

        def forward(self, x_prev, x_t, c_prev):
            w0, w1, w2 = (self.W(x_prev) + self.V(x_t)).chunk(3, -1)
            z, f, o = torch.tanh(w0), torch.sigmoid(w1), torch.sigmoid(w2)
            c = f * c_prev + (1 - f) * z
            return o * c, c

    return Layer()


# stored file 59291699604 (JS-embedded PyTorch mLSTMCell). w_q, w_k, w_v: input_dim -> head_dim with
# bias; w_i, w_f: input_dim -> 1 with bias; no output gate. 3(head_dim input_dim + head_dim) + 2(input_dim + 1).
@_export
def h14d_deepdive_mlstm(input_dim=7, head_dim=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.w_q = nn.Linear(input_dim, head_dim)
            self.w_k = nn.Linear(input_dim, head_dim)
            self.w_v = nn.Linear(input_dim, head_dim)
            self.w_i = nn.Linear(input_dim, 1)
            self.w_f = nn.Linear(input_dim, 1)

        def forward(self, x, C_prev, n_prev):
            q, k, v = self.w_q(x), self.w_k(x), self.w_v(x)
            f, i = torch.exp(self.w_f(x)), torch.exp(self.w_i(x))
            C = f * C_prev + i * torch.outer(v, k)
            n = f * n_prev + i * k
            h = (C @ q) / (torch.abs(n @ q) + 1e-8)
            return h, C, n

    return Cell()


# stored file 59291699604 (JS-embedded PyTorch sLSTMCell). Four nn.Linear(input_dim + hidden_dim,
# hidden_dim) with bias on the concatenation [x, h_prev]. 4(hidden (input + hidden) + hidden).
@_export
def h14d_deepdive_slstm(input_dim=7, hidden_dim=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.w_f = nn.Linear(input_dim + hidden_dim, hidden_dim)
            self.w_i = nn.Linear(input_dim + hidden_dim, hidden_dim)
            self.w_c = nn.Linear(input_dim + hidden_dim, hidden_dim)
            self.w_o = nn.Linear(input_dim + hidden_dim, hidden_dim)

        def forward(self, x, states):
            h_prev, c_prev, n_prev = states
            comb = torch.cat([x, h_prev], dim=-1)
            f, i = torch.exp(self.w_f(comb)), torch.exp(self.w_i(comb))
            ct, o = torch.tanh(self.w_c(comb)), torch.sigmoid(self.w_o(comb))
            n = f * n_prev + i
            c = f * c_prev + i * ct
            h = o * torch.tanh(c / (n + 1e-8))
            return h, (h, c, n)

    return Cell()
