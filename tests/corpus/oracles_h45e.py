"""Oracles for the h45e set-aside snippets (heldout45), as its gatherer wrote them."""
import torch
from torch import nn

__all__ = []


def _export(f):
    __all__.append(f.__name__)
    return f


def _p(*shape):
    return nn.Parameter(torch.randn(*shape) * 0.1)


# vietanh.dev glossary, SRU; W, W_f, W_r (d, d) on x_t, peephole-like vectors v_f, v_r (d) on c_{t-1}, biases b_f, b_r (d);
# highway term (1 - r_t) * x_t ties input size to state size d. Count: 3*d*d + 4*d.
@_export
def h45e_sru_glossary(d=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W = _p(d, d)
            self.W_f = _p(d, d)
            self.W_r = _p(d, d)
            self.v_f = _p(d)
            self.v_r = _p(d)
            self.b_f = _p(d)
            self.b_r = _p(d)

        def forward(self, x, c):
            f = torch.sigmoid(x @ self.W_f.T + self.v_f * c + self.b_f)
            c_new = f * c + (1 - f) * (x @ self.W.T)
            r = torch.sigmoid(x @ self.W_r.T + self.v_r * c + self.b_r)
            h = r * c_new + (1 - r) * x
            return h, c_new
    return Cell()


# git.lyz.one myWiki, RWKV-7 generalized delta rule (full form); w_t, a_t, kappa_remove, kappa_add, k_add said only to
# "depend on x_t": read as bias-free projections (d, d) for w, a, kappa_remove, kappa_add, k_add, plus W_v (d, d) for v_t
# [refuse: no projection written, number of keys/projections and their form undetermined]. Count: 6*d*d.
@_export
def h45e_rwkv7_gdr_wiki(d=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_w = _p(d, d)
            self.W_a = _p(d, d)
            self.W_kr = _p(d, d)
            self.W_ka = _p(d, d)
            self.W_kadd = _p(d, d)
            self.W_v = _p(d, d)

        def forward(self, x, S):  # S: (B, d, d), row-vector convention as in the text (v^T k)
            w = torch.exp(-torch.exp(x @ self.W_w.T))
            a = torch.sigmoid(x @ self.W_a.T)
            kr = nn.functional.normalize(x @ self.W_kr.T, dim=-1)
            ka = nn.functional.normalize(x @ self.W_ka.T, dim=-1)
            k_add = x @ self.W_kadd.T
            v = x @ self.W_v.T
            trans = torch.diag_embed(w) - kr.unsqueeze(-1) * (a * ka).unsqueeze(-2)
            return S @ trans + v.unsqueeze(-1) * k_add.unsqueeze(-2)
    return Cell()


# liner.com review of HGRN (figure caption); c_t "the input vector" read as W_c x_t (d, d), mu_t "output of the original
# forget gate" read as sigmoid(W_mu x_t) (d, d), rotation angle theta (d), lower bound gamma_k (d) learnable per channel
# [refuse: neither projection is written, gamma_k may be scalar or vector]. Count: 2*d*d + 2*d.
@_export
def h45e_hgrn_liner(d=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_c = _p(d, d)
            self.W_mu = _p(d, d)
            self.theta = _p(d)
            self.gamma = _p(d)

        def forward(self, x, h):  # h complex (B, d)
            c = x @ self.W_c.T
            mu = torch.sigmoid(x @ self.W_mu.T)
            g = torch.sigmoid(self.gamma)
            lam = g + (1 - g) * mu
            rot = torch.exp(1j * self.theta)
            return lam * rot * h + (1 - lam) * c
    return Cell()


# shuzhiduo.com RWKV-7 blog; state (B, H, N, N), d = H*N; read as bias-free projections (d, d) for r, w, k, v and the
# learning rate eta [refuse: no projection written; eta scalar or vector; r not used in the update shown]. Count: 5*(H*N)^2.
@_export
def h45e_rwkv7_shuzhiduo(N=4, H=2):
    d = H * N

    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_r = _p(d, d)
            self.W_w = _p(d, d)
            self.W_k = _p(d, d)
            self.W_v = _p(d, d)
            self.W_eta = _p(d, d)

        def forward(self, x, S):  # S: (B, H, N, N)
            B = x.shape[0]
            sh = lambda t: t.view(B, H, N)
            r = sh(x @ self.W_r.T)
            w = sh(torch.exp(-torch.exp(x @ self.W_w.T)))
            k = sh(x @ self.W_k.T)
            v = sh(x @ self.W_v.T)
            eta = sh(torch.sigmoid(x @ self.W_eta.T))
            a, b = -k, k * eta
            S = S * w.unsqueeze(-2) + (S @ a.unsqueeze(-1)) @ b.unsqueeze(-2) + v.unsqueeze(-1) @ k.unsqueeze(-2)
            return (S @ r.unsqueeze(-1)).squeeze(-1), S
    return Cell()


# Gothos/LRU-pytorch LRU.py; D (out, in) real, nu_log, theta_log, gamma_log (state) real, B (state, in) complex,
# C (out, state) complex; counted as the code's nn.Parameters report them (one per complex entry)
# [refuse: a complex entry may be counted as 1 or 2 real parameters]. Count: out*in + 3*state + state*in + out*state.
@_export
def h45e_lru_code(in_features=7, out_features=3, state_features=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.D = _p(out_features, in_features)
            self.nu_log = _p(state_features)
            self.theta_log = _p(state_features)
            self.gamma_log = _p(state_features)
            self.B = nn.Parameter(torch.complex(torch.randn(state_features, in_features), torch.randn(state_features, in_features)) * 0.1)
            self.C = nn.Parameter(torch.complex(torch.randn(out_features, state_features), torch.randn(out_features, state_features)) * 0.1)

        def forward(self, u, x):  # x complex state (B, state)
            mod = torch.exp(-torch.exp(self.nu_log))
            lam = torch.complex(mod * torch.cos(torch.exp(self.theta_log)), mod * torch.sin(torch.exp(self.theta_log)))
            x = lam * x + torch.exp(self.gamma_log) * (u.to(self.B.dtype) @ self.B.T)
            y = (x @ self.C.T).real + u @ self.D.T
            return y, x
    return Cell()


# axion66/minLSTM-implementation minLSTMNet.py; one nn.Linear(input_size, 3*hidden_size, bias=False) giving f, i, h.
# Count: 3*hidden_size*input_size.
@_export
def h45e_minlstm_code(input_size=7, hidden_size=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.linear = nn.Linear(input_size, hidden_size * 3, bias=False)

        def forward(self, x, h):
            f, i, ht = torch.chunk(self.linear(x), 3, dim=-1)
            f, i = torch.sigmoid(f), torch.sigmoid(i)
            fp, ip = f / (f + i), i / (f + i)
            g = torch.where(ht >= 0, ht + 0.5, torch.sigmoid(ht))
            return fp * h + ip * g
    return Cell()


# ubermenchh/xLSTM model.py sLSTMCell; weight_ih (4h, in), weight_hh (4h, h), bias (4h).
# Count: 4*h*in + 4*h*h + 4*h.
@_export
def h45e_slstm_code(input_size=7, hidden_size=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.weight_ih = _p(4 * hidden_size, input_size)
            self.weight_hh = _p(4 * hidden_size, hidden_size)
            self.bias = _p(4 * hidden_size)

        def forward(self, x, h, c, n, m):
            z, i, f, o = (x @ self.weight_ih.T + h @ self.weight_hh.T + self.bias).chunk(4, 1)
            z, o = torch.tanh(z), torch.sigmoid(o)
            m_t = torch.maximum(f + m, i)
            ip, fp = torch.exp(i - m_t), torch.exp(f + m - m_t)
            c = fp * c + ip * z
            n = fp * n + ip
            return o * c / n, c, n, m_t
    return Cell()


# git.lyz.one myWiki, RWKV token shift; alpha "learnable per-channel mixing coefficient" (d); the remark that token
# shift adds no extra parameter *layer* does not remove alpha. Count: d.
@_export
def h45e_tokenshift_wiki(d=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.alpha = nn.Parameter(torch.rand(d))

        def forward(self, x, x_prev):
            return self.alpha * x + (1 - self.alpha) * x_prev, x
    return Cell()


# mzeromiko.github.io GLA reading notes, linear attention (sections 3.1-3.2); q, k, v = W_Q x, W_K x, W_V x with
# W_Q, W_K, W_V (d, d) (vectors [d, 1], matrices [L, d], so x_t is d-dimensional); phi a parameter-free feature map;
# state S (d, d) and normaliser z (d). Count: 3*d*d.
@_export
def h45e_linattn_notes(d=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_Q = _p(d, d)
            self.W_K = _p(d, d)
            self.W_V = _p(d, d)

        def forward(self, x, S, z):
            phi = lambda u: nn.functional.elu(u) + 1
            q, k, v = x @ self.W_Q.T, x @ self.W_K.T, x @ self.W_V.T
            S = S + v.unsqueeze(-1) * phi(k).unsqueeze(-2)
            z = z + phi(k)
            o = (S @ phi(q).unsqueeze(-1)).squeeze(-1) / (z * phi(q)).sum(-1, keepdim=True)
            return o, S, z
    return Cell()


# ubermenchh/xLSTM model.py mLSTMCell; w_i, w_f, w_o (h, in) with b_i, b_f, b_o (h); w_q, w_k, w_v nn.Linear(in, h)
# with bias. Count: 6*h*in + 6*h.
@_export
def h45e_mlstm_code(input_size=7, hidden_size=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.w_i = _p(hidden_size, input_size)
            self.w_f = _p(hidden_size, input_size)
            self.w_o = _p(hidden_size, input_size)
            self.b_i = _p(hidden_size)
            self.b_f = _p(hidden_size)
            self.b_o = _p(hidden_size)
            self.w_q = nn.Linear(input_size, hidden_size)
            self.w_k = nn.Linear(input_size, hidden_size)
            self.w_v = nn.Linear(input_size, hidden_size)

        def forward(self, x, h, c, n):
            i = torch.exp(x @ self.w_i.T + self.b_i)
            f = torch.sigmoid(x @ self.w_f.T + self.b_f)
            o = torch.sigmoid(x @ self.w_o.T + self.b_o)
            q, k, v = self.w_q(x), self.w_k(x) / hidden_size ** 0.5, self.w_v(x)
            c = f * c + i * (v * k)
            n = f * n + i * k
            h = o * (c * q / torch.clamp(torch.abs(n * q), min=1.0))
            return h, c, n
    return Cell()
