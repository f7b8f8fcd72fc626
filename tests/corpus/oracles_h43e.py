"""Oracles for the h43e set-aside snippets (heldout43), as its gatherer wrote them."""
import torch
from torch import nn

__all__ = []


def _export(f):
    __all__.append(f.__name__)
    return f


def _p(*shape):
    return nn.Parameter(torch.randn(*shape) * 0.1)


# flandolfi/indrnn README; IndRNNCell = Keras SimpleRNNCell with a single-row recurrent kernel:
# kernel W (x -> h), recurrent vector u (h), bias b (h) [the summary's 512 = 2*128 + 128 + 128 confirms the bias];
# the usage example adds Dense(1) on top: V (h -> y) + c (y) [129]. Count: x*h + h + h + h*y + y.
@_export
def h43e_flandolfi_indrnn(x=2, h=128, y=1):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W = _p(h, x)
            self.u = _p(h)
            self.b = _p(h)
            self.dense = nn.Linear(h, y)

        def forward(self, xt, hp):
            ht = torch.relu(xt @ self.W.T + self.u * hp + self.b)
            return self.dense(ht), ht
    return Cell()


# pmquang87/v0-pytorch-neural-network-designer lib/lstm-node-example.ts (prose-only LSTM node);
# most plausible reading: colah-style LSTM, forget/input/output sigmoid layers and the tanh candidate layer each a
# dense layer over [h_{t-1}, x_t] with bias (bias never written — hence refuse). Count: 4*(h*(x+h) + h).
@_export
def h43e_pmquang_lstm(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.f = nn.Linear(h + x, h)
            self.i = nn.Linear(h + x, h)
            self.c = nn.Linear(h + x, h)
            self.o = nn.Linear(h + x, h)

        def forward(self, xt, hp, cp):
            z = torch.cat([hp, xt], -1)
            f, i, o = torch.sigmoid(self.f(z)), torch.sigmoid(self.i(z)), torch.sigmoid(self.o(z))
            ct = f * cp + i * torch.tanh(self.c(z))
            return o * torch.tanh(ct), ct
    return Cell()


# swfsql/burn-deltanet README "What is the delta rule?"; only the state update S_t = a_t (I - b_t k k^T) S_{t-1}
# + b_t k v^T and readout are written, no projection. Most plausible reading (Gated DeltaNet, one head):
# W_q, W_k (d_model -> k), W_v (d_model -> v) without bias; beta = sigmoid(w_beta x) (d_model -> 1);
# Delta = softplus(w_dt x) (d_model -> 1); A scalar. Count: d_model*(2k+v) + 2*d_model + 1.
@_export
def h43e_burndeltanet_delta(d_model=8, k=4, v=4):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.Wq = _p(k, d_model)
            self.Wk = _p(k, d_model)
            self.Wv = _p(v, d_model)
            self.w_beta = _p(d_model)
            self.w_dt = _p(d_model)
            self.A_log = _p(1)

        def forward(self, xt, S):
            q = xt @ self.Wq.T
            kk = torch.nn.functional.normalize(xt @ self.Wk.T, dim=-1)
            vv = xt @ self.Wv.T
            beta = torch.sigmoid(xt @ self.w_beta)[:, None, None]
            alpha = torch.exp(torch.nn.functional.softplus(xt @ self.w_dt) * -torch.exp(self.A_log))[:, None, None]
            I = torch.eye(k)
            S = alpha * (I - beta * kk[:, :, None] * kk[:, None, :]) @ S + beta * kk[:, :, None] * vv[:, None, :]
            y = torch.einsum('bkv,bk->bv', S, q)
            return y, S
    return Cell()


# Aphlios/memax-IndRNN memax/equinox/semigroups/gdn.py (code only); K, Q, V: eqx Linear(hidden -> recurrent,
# use_bias=False); w (beta head) and alpha: eqx Linear(hidden -> 1) with default bias.
# Count: 3*hidden*recurrent + 2*(hidden + 1).
@_export
def h43e_memax_gdn(hidden_size=7, recurrent_size=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.K = nn.Linear(hidden_size, recurrent_size, bias=False)
            self.Q = nn.Linear(hidden_size, recurrent_size, bias=False)
            self.V = nn.Linear(hidden_size, recurrent_size, bias=False)
            self.w = nn.Linear(hidden_size, 1)
            self.alpha = nn.Linear(hidden_size, 1)

        def forward(self, emb, X):
            silu = torch.nn.functional.silu
            k = silu(self.K(emb)); k = k / (k.norm(dim=-1, keepdim=True) + 1e-6)
            v = self.V(emb)
            beta = 2 * torch.sigmoid(self.w(emb))[:, :, None]
            alpha = torch.sigmoid(self.alpha(emb))[:, :, None]
            M = alpha * (torch.eye(recurrent_size) - beta * k[:, :, None] * k[:, None, :])
            X = M @ X + beta * v[:, :, None] * k[:, None, :]
            q = silu(self.Q(emb)); q = q / (q.norm(dim=-1, keepdim=True) + 1e-6)
            return torch.einsum('bij,bj->bi', X, q), X
    return Cell()


# hanani8/State-Space-Models LSSL_VS_S4.md (LSSL); most plausible reading: the "Vanilla" variant (A trainable),
# scalar input u and output y (widths never stated), A full N x N, B (N x 1), C (1 x N), D (1 x 1); the step size of
# the discretization is not mentioned. Count: N^2 + 2N + 1 (HiPPO-Fixed, learn=0, would drop A: 2N + 1).
@_export
def h43e_hanani8_lssl(N=4):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.A = _p(N, N)
            self.B = _p(N, 1)
            self.C = _p(1, N)
            self.D = _p(1, 1)

        def forward(self, u, x, dt=0.1):
            I = torch.eye(N)
            Ab = torch.linalg.solve(I - dt / 2 * self.A, I + dt / 2 * self.A)
            Bb = torch.linalg.solve(I - dt / 2 * self.A, dt * self.B)
            x = x @ Ab.T + u @ Bb.T
            return x @ self.C.T + u @ self.D.T, x
    return Cell()


# gist msjgriffiths "SRU in Julia"; docstring: matrices W, Wj, Wr (out x in) and vectors vj, vr, bj, br (out) are the
# learned parameters; c_t is the state, alpha = sqrt(3) a constant; highway h_t = r*c + (1-r)*x needs in == out.
# Count: 3*h*x + 4*h.
@_export
def h43e_gist_sru(x=5, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W = _p(h, x)
            self.Wj = _p(h, x)
            self.Wr = _p(h, x)
            self.vj = _p(h)
            self.vr = _p(h)
            self.bj = _p(h)
            self.br = _p(h)

        def forward(self, xt, cp):
            j = torch.sigmoid(xt @ self.Wj.T + self.vj * cp + self.bj)
            c = j * cp + (1 - j) * (xt @ self.W.T)
            r = torch.sigmoid(xt @ self.Wr.T + self.vr * cp + self.br)
            return r * c + (1 - r) * xt, c
    return Cell()


# gist Ryu1845 lru.py docstring (LRU); most plausible reading (the paper's parameterization the docstring points to):
# complex diagonal Lambda of size N stored as nu_log, theta_log (N each), gamma_log (N), complex B (N x H) as
# B_re, B_im, complex C (H x N) as C_re, C_im, D (H) elementwise; y = Re(C x) + D*u.
# Count: 3N + 2NH + 2HN + H.
@_export
def h43e_gist_lru(N=4, H=3):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.nu_log = _p(N)
            self.theta_log = _p(N)
            self.gamma_log = _p(N)
            self.B_re = _p(N, H)
            self.B_im = _p(N, H)
            self.C_re = _p(H, N)
            self.C_im = _p(H, N)
            self.D = _p(H)

        def forward(self, u, x):
            Lam = torch.exp(-torch.exp(self.nu_log) + 1j * torch.exp(self.theta_log))
            B = torch.complex(self.B_re, self.B_im) * torch.exp(self.gamma_log)[:, None]
            C = torch.complex(self.C_re, self.C_im)
            x = Lam * x + u.to(B.dtype) @ B.T
            y = (x @ C.T).real + self.D * u
            return y, x
    return Cell()


# agentica.wiki "Gru"; only z_t = sigma(W_z [h, x]) and r_t = sigma(W_r [h, x]) are written (no bias). Most
# plausible reading: the standard GRU the page names, with the unwritten candidate in the same style,
# h~ = tanh(W [r*h, x]), h = (1-z)*h + z*h~, all bias-free over the concatenation. Count: 3*h*(h+x)
# (the two written gates alone give 2*h*(h+x)).
@_export
def h43e_agentica_gru(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_z = _p(h, h + x)
            self.W_r = _p(h, h + x)
            self.W = _p(h, h + x)

        def forward(self, xt, hp):
            z = torch.sigmoid(torch.cat([hp, xt], -1) @ self.W_z.T)
            r = torch.sigmoid(torch.cat([hp, xt], -1) @ self.W_r.T)
            hc = torch.tanh(torch.cat([r * hp, xt], -1) @ self.W.T)
            return (1 - z) * hp + z * hc
    return Cell()


# peytontolbert/Griffin griffin/griffin.py RG_LRU (code only); recurrence_gate and input_gate are BlockDiagonalLinear
# with nb = largest divisor of rnn_width <= gate_blocks blocks of width bw = rnn_width/nb: weight (nb, bw, bw) +
# bias (nb, bw) each; Lambda (rnn_width); c = 8.0 constant. Count: 2*(nb*bw*bw + rnn_width) + rnn_width.
@_export
def h43e_griffin_rglru(rnn_width=8, gate_blocks=4):
    nb = next(b for b in range(min(rnn_width, gate_blocks), 0, -1) if rnn_width % b == 0)
    bw = rnn_width // nb

    class BlockDiag(nn.Module):
        def __init__(self):
            super().__init__()
            self.weight = _p(nb, bw, bw)
            self.bias = _p(nb, bw)

        def forward(self, x):
            y = torch.einsum("...bi,boi->...bo", x.reshape(*x.shape[:-1], nb, bw), self.weight) + self.bias
            return y.reshape(*x.shape[:-1], rnn_width)

    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.recurrence_gate = BlockDiag()
            self.input_gate = BlockDiag()
            self.Lambda = _p(rnn_width)
            self.c = 8.0

        def forward(self, xt, h):
            r = torch.sigmoid(self.recurrence_gate(xt))
            i = torch.sigmoid(self.input_gate(xt))
            log_a = self.c * r * torch.nn.functional.logsigmoid(self.Lambda)
            a = torch.exp(log_a)
            return a * h + torch.sqrt(torch.clamp(-torch.expm1(2 * log_a), min=0.0)) * i * xt
    return Cell()


# rdocumentation.org ggmlR::ggml_layer_gru "Weight layout": W_zh [input_size, 2*units], U_zh [units, 2*units],
# b_zh [2*units], W_n [input_size, units], U_n [units, units], b_n [units].
# Count: 3*units*input_size + 3*units*units + 3*units.
@_export
def h43e_rdoc_ggmlr_gru(input_size=7, units=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_zh = _p(input_size, 2 * units)
            self.U_zh = _p(units, 2 * units)
            self.b_zh = _p(2 * units)
            self.W_n = _p(input_size, units)
            self.U_n = _p(units, units)
            self.b_n = _p(units)

        def forward(self, x, h):
            zr = torch.sigmoid(x @ self.W_zh + h @ self.U_zh + self.b_zh)
            z, r = zr.chunk(2, dim=-1)
            n = torch.tanh(x @ self.W_n + (r * h) @ self.U_n + self.b_n)
            return (1 - z) * n + z * h
    return Cell()


# TecXCTO/nn simpleRNN.py (code only); Wx = Linear(input, hidden), Wh = Linear(hidden, hidden), Wy = Linear(hidden,
# output), all with PyTorch's default bias. Count: h*x + h + h*h + h + y*h + y.
@_export
def h43e_tecxcto_rnn(input_size=7, hidden_size=5, output_size=3):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.Wx = nn.Linear(input_size, hidden_size)
            self.Wh = nn.Linear(hidden_size, hidden_size)
            self.Wy = nn.Linear(hidden_size, output_size)

        def forward(self, x, h):
            h = torch.tanh(self.Wx(x) + self.Wh(h))
            return self.Wy(h), h
    return Cell()


# rdrr.io ggmlR::ggml_layer_lstm "Weight layout": W_gates [input_size, 4*units], U_gates [units, 4*units],
# b_gates [4*units] (gates i, f, g, o). Count: 4*units*input_size + 4*units*units + 4*units.
@_export
def h43e_rdrr_ggmlr_lstm(input_size=7, units=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_gates = _p(input_size, 4 * units)
            self.U_gates = _p(units, 4 * units)
            self.b_gates = _p(4 * units)

        def forward(self, x, h, c):
            i, f, g, o = (x @ self.W_gates + h @ self.U_gates + self.b_gates).chunk(4, dim=-1)
            c = torch.sigmoid(f) * c + torch.sigmoid(i) * torch.tanh(g)
            return torch.sigmoid(o) * torch.tanh(c), c
    return Cell()
