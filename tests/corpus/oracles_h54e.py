"""Oracles for the h54e set-aside snippets (heldout54), as its gatherer wrote them."""
import torch
from torch import nn

__all__ = []


def _export(f):
    __all__.append(f.__name__)
    return f


def _p(*shape):
    return nn.Parameter(torch.randn(*shape) * 0.1)


# zoyopei/AIInfra 06AlgoData/03NewArch/CODE01RWKV.md (Chinese), RWKV-4 time mixing: r, k, v from token-shifted inputs
# mu_r x_t + (1 - mu_r) x_{t-1} (mu_r, mu_k, mu_v: x each); W_r, W_k, W_v, W_o: x by x (o_t has x's width, no size
# stated, all square); time decay w and bonus u: x each (the bullet list calls them vectors). No bias written.
# Count: 4*x*x + 5*x.
@_export
def h54e_aiinfra_rwkv(x=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_r, self.W_k, self.W_v, self.W_o = _p(x, x), _p(x, x), _p(x, x), _p(x, x)
            self.mu_r, self.mu_k, self.mu_v = _p(x), _p(x), _p(x)
            self.w, self.u = _p(x), _p(x)

        def forward(self, x_t, x_prev, num_prev, den_prev):
            r = torch.sigmoid((self.mu_r * x_t + (1 - self.mu_r) * x_prev) @ self.W_r.T)
            k = (self.mu_k * x_t + (1 - self.mu_k) * x_prev) @ self.W_k.T
            v = (self.mu_v * x_t + (1 - self.mu_v) * x_prev) @ self.W_v.T
            # num_prev/den_prev hold sum_{i<t} e^{-(t-1-i)w + k_i} v_i and sum_{i<t} e^{-(t-1-i)w + k_i}
            wkv = (num_prev + torch.exp(self.u + k) * v) / (den_prev + torch.exp(self.u + k))
            o_t = (r * wkv) @ self.W_o.T
            num_t = torch.exp(-self.w) * num_prev + torch.exp(k) * v
            den_t = torch.exp(-self.w) * den_prev + torch.exp(k)
            return o_t, x_t, num_t, den_t
    return Cell()


# zoyopei/AIInfra 06AlgoData/03NewArch/08RetNet.md (Chinese), RetNet retention with the MSR gate (expect refuse: no shape
# is given for W_Q, W_K, W_V, W_G, W_O, theta is neither said learned nor fixed, GroupNorm is mentioned). Most plausible
# reading: one model width X (d_model); W_Q, W_K, W_V, W_G, W_O all X by X, no biases; gamma fixed per head
# (1 - 2^{-5-arange(0,h)}), theta fixed (xPos/RoPE-like), GroupNorm without affine. Count: 5*X*X.
@_export
def h54e_aiinfra_retnet(X=6, h=2):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_Q, self.W_K, self.W_V = _p(X, X), _p(X, X), _p(X, X)
            self.W_G, self.W_O = _p(X, X), _p(X, X)
            self.register_buffer("gamma", 1 - 2.0 ** (-5 - torch.arange(0, h, dtype=torch.float)))

        def forward(self, x_n, S_prev):  # x_n: (B, X) one step; S_prev: (B, h, X/h, X/h)
            B = x_n.shape[0]
            dh = X // h
            q = (x_n @ self.W_Q).view(B, h, dh)  # rotation e^{in theta} omitted (fixed, no parameters)
            k = (x_n @ self.W_K).view(B, h, dh)
            v = (x_n @ self.W_V).view(B, h, dh)
            S = self.gamma.view(1, h, 1, 1) * S_prev + k.unsqueeze(-1) * v.unsqueeze(-2)  # S_n = gamma S + K^T V
            Y = (q.unsqueeze(-2) @ S).squeeze(-2).reshape(B, X)
            Y = nn.functional.group_norm(Y, h)
            out = (nn.functional.silu(x_n @ self.W_G) * Y) @ self.W_O
            return out, S
    return Cell()


# keith-murray/ctrnn-jax README, CT-RNN: x_{t+1} = (1-alpha) x_t + alpha (W_rec f(x_t) + W_in u_t + b_rec + eta_t),
# y_t = W_out f(x_t) + b_out. x in R^n, u in R^m, y in R^p. W_rec: n x n, W_in: n x m, b_rec: n, W_out: p x n,
# b_out: p; alpha the fixed discretisation factor, eta_t noise. Count: n*n + n*m + n + p*n + p.
@_export
def h54e_ctrnnjax_ctrnn(n=5, m=3, p=2):
    class Cell(nn.Module):
        def __init__(self, alpha=0.1):
            super().__init__()
            self.alpha = alpha
            self.W_rec, self.W_in, self.b_rec = _p(n, n), _p(n, m), _p(n)
            self.W_out, self.b_out = _p(p, n), _p(p)

        def forward(self, u_t, x_t):
            f = torch.tanh
            eta = torch.zeros_like(x_t)
            x_next = (1 - self.alpha) * x_t + self.alpha * (
                f(x_t) @ self.W_rec.T + u_t @ self.W_in.T + self.b_rec + eta)
            y_t = f(x_t) @ self.W_out.T + self.b_out
            return y_t, x_next
    return Cell()


# neuralml/pytorch-subLSTM src/subLSTM/nn.py, class SubLSTMCell (bare code), default fix_subLSTM=False, bias=True:
# W_i: 4h x input_size, W_h: 4h x hidden_size, b_i, b_h: 4h each (h = hidden_size). Step as Costa et al. 2017:
# all four gates sigmoid(W_i x + b_i + W_h h + b_h); c = f*c + z - i; h = sigmoid(c) - o.
# Count: 4*h*input_size + 4*h*h + 8*h.
@_export
def h54e_neuralml_sublstm(input_size=7, hidden_size=5):
    h = hidden_size

    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_i = _p(4 * h, input_size)
            self.W_h = _p(4 * h, h)
            self.b_i = _p(4 * h)
            self.b_h = _p(4 * h)

        def forward(self, x_t, state):
            h_prev, c_prev = state
            g = torch.sigmoid(x_t @ self.W_i.T + self.b_i + h_prev @ self.W_h.T + self.b_h)
            in_gate, out_gate, z_t, f_gate = g.chunk(4, 1)
            c_t = c_prev * f_gate + z_t - in_gate
            h_t = torch.sigmoid(c_t) - out_gate
            return h_t, c_t
    return Cell()


# uthree/tts_impl src/tts_impl/net/common/mingru.py (bare code), minGRU: linear_z, linear_h = nn.Linear(d_model,
# d_hidden, bias=True); the optional conditioning Linear(d_cond, 2*d_model) only exists when d_cond is given (default
# None). Step: z = sigmoid(linear_z(x)), h~ = g(linear_h(x)), h = (1-z) h_prev + z h~. Count: 2*(d_model*d_hidden + d_hidden).
@_export
def h54e_ttsimpl_mingru(d_model=7, d_hidden=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.linear_h = nn.Linear(d_model, d_hidden)
            self.linear_z = nn.Linear(d_model, d_hidden)

        def forward(self, x_t, h_prev):
            z = torch.sigmoid(self.linear_z(x_t))
            hh = self.linear_h(x_t)
            h_tilde = torch.where(hh >= 0, hh + 0.5, torch.sigmoid(hh))
            return (1 - z) * h_prev + z * h_tilde
    return Cell()


# ptolmachev/ContinuousRNN README (expect refuse: the gain lambda of s(h) = (2/pi) arctan(lambda h) is neither said
# learned nor fixed, and sigma vs s). Most plausible reading: W: h x h, b: h, lambda a fixed gain, no input;
# one Euler step of dh/dt = -h + W sigma(h) + b. Count: h*h + h.
@_export
def h54e_ptolcrnn_ctrnn(h=5):
    class Cell(nn.Module):
        def __init__(self, dt=0.1, lam=1.0):
            super().__init__()
            self.dt, self.lam = dt, lam
            self.W, self.b = _p(h, h), _p(h)

        def forward(self, h_prev):
            s = 2 / torch.pi * torch.atan(self.lam * h_prev)
            return h_prev + self.dt * (-h_prev + s @ self.W.T + self.b)
    return Cell()


# makrai/notes gu2312-mamba-lin-time-seq.md, S4 notes (expect refuse: the recurrence is only referred to, the shape of
# Delta and whether a D skip exists are not said). Most plausible reading: diagonal S4 per channel, each of D channels
# with its own A, B, C of N numbers and one Delta (log step); ZOH discretisation. A, B, C: D x N; Delta: D.
# Count: 3*D*N + D.
@_export
def h54e_makrai_s4(D=6, N=4):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.A = _p(D, N)
            self.B = _p(D, N)
            self.C = _p(D, N)
            self.log_dt = _p(D)

        def forward(self, x_t, h_prev):  # x_t: (Bt, D), h_prev: (Bt, D, N)
            dt = torch.exp(self.log_dt).unsqueeze(-1)
            A = -torch.exp(self.A)
            A_bar = torch.exp(dt * A)
            B_bar = (A_bar - 1) / A * self.B
            h_t = A_bar * h_prev + B_bar * x_t.unsqueeze(-1)
            y_t = (h_t * self.C).sum(-1)
            return y_t, h_t
    return Cell()
