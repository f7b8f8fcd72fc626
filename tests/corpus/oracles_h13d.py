import torch
from torch import nn

__all__ = []


def _export(f):
    __all__.append(f.__name__)
    return f


def _p(*shape):
    return nn.Parameter(torch.randn(*shape) * 0.1)


# stored file 55062532381: CIFG peephole *diagonal* ParaLSTM. A_* h_{t-1} diagonal (title says
# diagonal; vectors), B_* x_t full (h x x), peepholes C_f, C_o diagonal, biases b_f, b_z, b_o.
# No input gate (1 - f_t). 3h + 3hx + 2h + 3h.
@_export
def h13d_paralstm_cifg_peephole_diag(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.A = _p(3, h)
            self.B = _p(3, h, x)
            self.C = _p(2, h)
            self.b = _p(3, h)

        def forward(self, xt, state):
            hp, cp = state
            Bx = torch.einsum("gij,bj->bgi", self.B, xt) + self.b
            f = torch.sigmoid(self.A[0] * hp + Bx[:, 0] + self.C[0] * cp)
            z = torch.tanh(self.A[1] * hp + Bx[:, 1])
            c = f * cp + (1 - f) * z
            o = torch.sigmoid(self.A[2] * hp + Bx[:, 2] + self.C[1] * c)
            hn = o * torch.tanh(c)
            return hn, (hn, c)

    return Cell()


# stored file 51925058062 (refuse): nothing defines q, k, v, o, i~, f~ from an input. Oracle is
# one plausible reading: input of size d, W_q, W_k, W_v, W_o (d x d) with biases, and vector
# exponential gates W_i, W_f (d x d) with biases.
@_export
def h13d_mlstmtrading_mlstm(d=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.q = nn.Linear(d, d)
            self.k = nn.Linear(d, d)
            self.v = nn.Linear(d, d)
            self.o = nn.Linear(d, d)
            self.i = nn.Linear(d, d)
            self.f = nn.Linear(d, d)

        def forward(self, xt, state):
            C, n, m = state
            it_, ft_ = self.i(xt), self.f(xt)
            mt = torch.maximum(ft_ + m, it_)
            i = torch.exp(it_ - mt)
            f = torch.exp(ft_ + m - mt)
            q, k, v = self.q(xt), self.k(xt), self.v(xt)
            C = f[..., None] * C + i[..., None] * (v[..., :, None] * k[..., None, :])
            n = f * n + i * k
            o = torch.sigmoid(self.o(xt))
            den = torch.clamp((n * q).sum(-1, keepdim=True).abs(), min=1.0)
            hn = o * (C @ q[..., None]).squeeze(-1) / den
            return hn, (C, n, mt)

    return Cell()


# stored file 40249818306: diagonal SSM, a, b, c, d each one scalar per feature (u features).
@_export
def h13d_statespacelayer_diag_ssm(u=5):
    class Layer(nn.Module):
        def __init__(self):
            super().__init__()
            self.logit_a = _p(u)
            self.b = _p(u)
            self.c = _p(u)
            self.d = _p(u)

        def forward(self, ut, s):
            s = torch.tanh(self.logit_a) * s + self.b * ut
            return self.c * s + self.d * ut, s

    return Layer()


# stored file 62028821813, mLSTM pseudo-code: parameters listed explicitly.
# W_q, W_k: d_qk x d (+ b), W_v, W_o: d_hv x d (+ b), w_i, w_f: d (+ scalar b). Norm has no
# listed parameters. d_qk = d_hv / 2.
@_export
def h13d_zhnotes_mlstm(d=7, d_hv=6):
    d_qk = d_hv // 2

    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.Wq = nn.Linear(d, d_qk)
            self.Wk = nn.Linear(d, d_qk)
            self.Wv = nn.Linear(d, d_hv)
            self.wi = nn.Linear(d, 1)
            self.wf = nn.Linear(d, 1)
            self.Wo = nn.Linear(d, d_hv)

        def forward(self, xt, state):
            C, n, m = state
            q, k, v = self.Wq(xt), self.Wk(xt), self.Wv(xt)
            it_ = 15 * torch.tanh(self.wi(xt) / 15)
            ft_ = 15 * torch.tanh(self.wf(xt) / 15)
            logf = nn.functional.logsigmoid(ft_)
            mt = torch.maximum(logf + m, it_)
            f = torch.exp(logf + m - mt)
            i = torch.exp(it_ - mt)
            o = torch.sigmoid(self.Wo(xt))
            C = f[..., None] * C + i[..., None] * (k[..., :, None] * v[..., None, :])
            n = f * n + i * k
            qn = q / d_qk ** 0.5
            num = (C.transpose(-1, -2) @ qn[..., None]).squeeze(-1)
            den = torch.maximum((n * qn).sum(-1, keepdim=True).abs(), torch.exp(-mt))
            ht = num / den
            hn = o * (ht * torch.rsqrt(ht.pow(2).mean(-1, keepdim=True) + 1e-6))
            return hn, (C, n, mt)

    return Cell()


# stored file 62028821813, RWKV block pseudo-code: time mixing W_r, W_k, W_v, W_o (d x d),
# mu_r, mu_k, mu_v, w, u (d); channel mixing W'_r, W'_k, W'_v (d x d, every output is [d]),
# mu'_r, mu'_k (d). 7 d^2 + 7 d.
@_export
def h13d_zhnotes_rwkv4_block(d=7):
    class Block(nn.Module):
        def __init__(self):
            super().__init__()
            self.Wr = _p(d, d)
            self.Wk = _p(d, d)
            self.Wv = _p(d, d)
            self.Wo = _p(d, d)
            self.mu_r = _p(d)
            self.mu_k = _p(d)
            self.mu_v = _p(d)
            self.w = _p(d)
            self.u = _p(d)
            self.Wr2 = _p(d, d)
            self.Wk2 = _p(d, d)
            self.Wv2 = _p(d, d)
            self.mu_r2 = _p(d)
            self.mu_k2 = _p(d)

        def forward(self, xt, state):
            xp, a, b, p = state
            mix = lambda mu: mu * xt + (1 - mu) * xp
            r = mix(self.mu_r) @ self.Wr.T
            k = mix(self.mu_k) @ self.Wk.T
            v = mix(self.mu_v) @ self.Wv.T
            q = torch.maximum(p, self.u + k)
            wkv = (torch.exp(p - q) * a + torch.exp(self.u + k - q) * v) / (
                torch.exp(p - q) * b + torch.exp(self.u + k - q))
            q2 = torch.maximum(p - self.w, k)
            a = torch.exp(p - self.w - q2) * a + torch.exp(k - q2) * v
            b = torch.exp(p - self.w - q2) * b + torch.exp(k - q2)
            o = (torch.sigmoid(r) * wkv) @ self.Wo.T
            r2 = mix(self.mu_r2) @ self.Wr2.T
            k2 = mix(self.mu_k2) @ self.Wk2.T
            o2 = torch.sigmoid(r2) * (torch.relu(k2) ** 2 @ self.Wv2.T)
            return o + o2, (xt, a, b, q2)

    return Block()


# stored file 35153864392: minLSTM with three affine maps Linear_f, Linear_i, Linear_h (x -> h,
# with bias, as a "Linear" layer has). 3 (h x + h).
@_export
def h13d_numpyminlstm_minlstm(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.linear_f = nn.Linear(x, h)
            self.linear_i = nn.Linear(x, h)
            self.linear_h = nn.Linear(x, h)

        def step_inputs(self, B):
            return torch.randn(B, x), torch.zeros(B, h)

        def forward(self, xt, hp):
            f = torch.sigmoid(self.linear_f(xt))
            i = torch.sigmoid(self.linear_i(xt))
            ht = self.linear_h(xt)
            return f / (f + i) * hp + i / (f + i) * ht

    return Cell()


# stored file 57145454320 (refuse): one plausible reading, the RWKV-4 block with every weight d x d
# (same as h13d_zhnotes_rwkv4_block).
@_export
def h13d_korwkvasr_rwkv(d=7):
    return h13d_zhnotes_rwkv4_block(d=d)


# stored file 11466819921: standard LSTM, W_f, W_i, W_C, W_o in R^{n_c x (n_h + n_x)} with biases;
# h_t = o_t ⊙ tanh(C_t) forces n_c = n_h. 4 n_h (n_h + n_x + 1).
@_export
def h13d_lstmkb_lstm(n_x=7, n_h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_f = nn.Linear(n_h + n_x, n_h)
            self.W_i = nn.Linear(n_h + n_x, n_h)
            self.W_C = nn.Linear(n_h + n_x, n_h)
            self.W_o = nn.Linear(n_h + n_x, n_h)

        def step_inputs(self, B):
            return torch.randn(B, n_x), (torch.zeros(B, n_h), torch.zeros(B, n_h))

        def forward(self, xt, state):
            hp, cp = state
            z = torch.cat([hp, xt], -1)
            f = torch.sigmoid(self.W_f(z))
            i = torch.sigmoid(self.W_i(z))
            ct = torch.tanh(self.W_C(z))
            c = f * cp + i * ct
            o = torch.sigmoid(self.W_o(z))
            hn = o * torch.tanh(c)
            return hn, (hn, c)

    return Cell()
