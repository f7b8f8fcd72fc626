"""Oracles for the h39e set-aside snippets (heldout39), as its gatherer wrote them."""
import torch
from torch import nn

__all__ = []


def _export(f):
    __all__.append(f.__name__)
    return f


def _p(*shape):
    return nn.Parameter(torch.randn(*shape) * 0.1)


# LeoLin4258/rwkvcn-docs RWKV-Architecture.mdx, RWKV-6 time mixing (most plausible reading);
# mu_x (D); lora_box = lambda (D) + A (D,32) + B (32,D) for each of r,k,v,g,d inside ddlerp (5 LoRAs);
# a separate decay LoRA lora_d for d_t (lambda D, A D x 32, B 32 x D); W_r, W_k, W_v, W_g, W_o (D,D);
# u (D, one per channel = per head diag); LayerNorm over each head with affine weight+bias (2D in total).
# Count: D + 6*(D + 64*D) + 5*D*D + D + 2*D = 5D^2 + 394D.
@_export
def h39e_rwkvcn_rwkv6(D=8, h=2):
    R = 32
    N = D // h

    class LoRA(nn.Module):
        def __init__(self):
            super().__init__()
            self.lam = _p(D)
            self.A = _p(D, R)
            self.B = _p(R, D)

        def forward(self, x):
            return self.lam + torch.tanh(x @ self.A) @ self.B

    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.mu_x = _p(D)
            self.lora_mix = nn.ModuleDict({n: LoRA() for n in "rkvgd"})
            self.lora_decay = LoRA()
            self.W = nn.ModuleDict({n: nn.Linear(D, D, bias=False) for n in "rkvg"})
            self.W_o = nn.Linear(D, D, bias=False)
            self.u = _p(D)
            self.ln = nn.GroupNorm(h, D)  # LayerNorm per head, affine (D weight + D bias)

        def ddlerp(self, n, a, b):
            return a + (b - a) * self.lora_mix[n](a + (b - a) * self.mu_x)

        def forward(self, x, x_prev, s):  # x: (B, D); s: (B, h, N, N)
            r, k, v, g = (self.W[n](self.ddlerp(n, x, x_prev)) for n in "rkvg")
            d = self.lora_decay(self.ddlerp("d", x, x_prev))
            w = torch.exp(-torch.exp(d))
            Bsz = x.shape[0]
            r, k, v, w, u = (t.reshape(Bsz, h, N) if t.dim() == 2 else t.reshape(h, N) for t in (r, k, v, w, self.u))
            kv = k.unsqueeze(-1) * v.unsqueeze(-2)  # k^T v
            wkv = s + u.unsqueeze(-1) * kv
            s_new = w.unsqueeze(-1) * s + kv
            y = (r.unsqueeze(-2) @ wkv).squeeze(-2).reshape(Bsz, D)
            o = self.W_o(nn.functional.silu(g) * self.ln(y))
            return o, s_new

    return Cell()


# alephpi/presentations rwkv.md, RWKV-4 channel-mixing + time-mixing slide (reading that follows the slide's
# bullets: mu and u are "hyperparameter"s, i.e. fixed buffers, not learned); channel mixing W_r, W_k, W_v (D,D);
# time mixing its own W_r, W_k, W_v, W_o (D,D); decay w learned per channel (D).
# Count: 3*D*D + 4*D*D + D = 7D^2 + D.
@_export
def h39e_alephpi_rwkv4(D=8):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            # channel mixing
            self.cm_W_r = nn.Linear(D, D, bias=False)
            self.cm_W_k = nn.Linear(D, D, bias=False)
            self.cm_W_v = nn.Linear(D, D, bias=False)
            self.register_buffer("cm_mu_r", torch.full((D,), 0.5))
            self.register_buffer("cm_mu_k", torch.full((D,), 0.5))
            # time mixing
            self.tm_W_r = nn.Linear(D, D, bias=False)
            self.tm_W_k = nn.Linear(D, D, bias=False)
            self.tm_W_v = nn.Linear(D, D, bias=False)
            self.tm_W_o = nn.Linear(D, D, bias=False)
            self.w = _p(D)
            self.register_buffer("tm_mu", torch.full((3, D), 0.5))
            self.register_buffer("u", torch.zeros(D))

        def forward(self, x, x_prev, a, b):  # a, b: running numerator / denominator of wkv
            mu_r, mu_k, mu_v = self.tm_mu
            r = self.tm_W_r(mu_r * x + (1 - mu_r) * x_prev)
            k = self.tm_W_k(mu_k * x + (1 - mu_k) * x_prev)
            v = self.tm_W_v(mu_v * x + (1 - mu_v) * x_prev)
            wkv = (a + torch.exp(self.u + k) * v) / (b + torch.exp(self.u + k))
            o_tm = self.tm_W_o(torch.sigmoid(r) * wkv)
            a = torch.exp(-self.w) * a + torch.exp(k) * v
            b = torch.exp(-self.w) * b + torch.exp(k)
            y, y_prev = o_tm, o_tm.roll(1, 0)
            r2 = self.cm_W_r(self.cm_mu_r * y + (1 - self.cm_mu_r) * y_prev)
            k2 = self.cm_W_k(self.cm_mu_k * y + (1 - self.cm_mu_k) * y_prev)
            o_cm = torch.sigmoid(r2) * self.cm_W_v(torch.relu(k2) ** 2)
            return o_cm, a, b

    return Cell()


# varshantdhar blog, Lipschitz/non-normal RNN post: h_{t+1} = phi(V h_t + U x_{t+1} + b), V = P theta P^T,
# theta = Lambda + T (most plausible reading: P a free (n,n) matrix, Lambda diagonal (n), T strictly lower
# triangular (n(n-1)/2 free entries), U (n,x), b (n)).  Count: n^2 + n + n(n-1)/2 + n*x + n.
@_export
def h39e_varshant_nnrnn(n=5, x=7):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.P = _p(n, n)
            self.Lam = _p(n)
            self.T_entries = _p(n * (n - 1) // 2)
            self.register_buffer("tril_idx", torch.tril_indices(n, n, offset=-1))
            self.U = nn.Linear(x, n, bias=False)
            self.b = _p(n)

        def forward(self, xt, h):
            T = torch.zeros(n, n)
            T = T.index_put((self.tril_idx[0], self.tril_idx[1]), self.T_entries)
            V = self.P @ (torch.diag(self.Lam) + T) @ self.P.t()
            return torch.tanh(h @ V.t() + self.U(xt) + self.b)

    return Cell()


# varshantdhar blog, GTrXL GRU-type gating: r = s(W_r y + U_r x), z = s(W_z y + U_z x - b_g) (the "y" missing
# after W_z read as a typo), h = tanh(W_g y + U_g (r*x)), g = (1-z)*x + z*h; x, y both of width d.
# Count: 6*d*d + d.
@_export
def h39e_varshant_gtrxl_gru(d=6):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_r = nn.Linear(d, d, bias=False)
            self.U_r = nn.Linear(d, d, bias=False)
            self.W_z = nn.Linear(d, d, bias=False)
            self.U_z = nn.Linear(d, d, bias=False)
            self.b_g = _p(d)
            self.W_g = nn.Linear(d, d, bias=False)
            self.U_g = nn.Linear(d, d, bias=False)

        def forward(self, x, y):
            r = torch.sigmoid(self.W_r(y) + self.U_r(x))
            z = torch.sigmoid(self.W_z(y) + self.U_z(x) - self.b_g)
            h = torch.tanh(self.W_g(y) + self.U_g(r * x))
            return (1 - z) * x + z * h

    return Cell()


# OpenNLPLab/HGRN2 README "Algorithm": h_t = Diag{f_t} h_{t-1} + (1 - f_t) (outer) i_t, y_t = o_t . h_t.
# The gates are never defined from x_t; most plausible reading: f_t = sigmoid(W_f x), i_t = W_i x, o_t = W_o x,
# three bias-free (d,d) projections.  Count: 3*d*d.
@_export
def h39e_hgrn2_readme(d=6):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_f = nn.Linear(d, d, bias=False)
            self.W_i = nn.Linear(d, d, bias=False)
            self.W_o = nn.Linear(d, d, bias=False)

        def forward(self, x, h):  # h: (B, d, d)
            f = torch.sigmoid(self.W_f(x))
            i = self.W_i(x)
            o = self.W_o(x)
            h = f.unsqueeze(-1) * h + (1 - f).unsqueeze(-1) * i.unsqueeze(-2)
            y = (o.unsqueeze(-2) @ h).squeeze(-2)
            return y, h

    return Cell()


# LaosAntreas/MinLSTM_GRU-vs-BoW README, MinLSTMCell_log: linear_f, linear_i, linear_h: Linear(E, H) with bias;
# out: Linear(H, E) with bias; one sequential step of the log-space recurrence (g applied to candidate).
# Count: 3*(E*H + H) + H*E + E.
@_export
def h39e_laos_minlstm(hidden_size=5, embedding_size=7):
    H, E = hidden_size, embedding_size

    def g(v):
        return torch.where(v >= 0, v + 0.5, torch.sigmoid(v))

    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.linear_f = nn.Linear(E, H)
            self.linear_i = nn.Linear(E, H)
            self.linear_h = nn.Linear(E, H)
            self.out = nn.Linear(H, E)

        def forward(self, x, h):
            f = torch.sigmoid(self.linear_f(x))
            i = torch.sigmoid(self.linear_i(x))
            f_, i_ = f / (f + i), i / (f + i)
            h = f_ * h + i_ * g(self.linear_h(x))
            return self.out(h), h

    return Cell()


# AAAwlx/learn-AI LSTM.md: gates sigma(W_g x_t + U_g h_{t-1}) with W_g (h, x), U_g (h, h), no biases written;
# candidate tanh(W_c x_t + U_c h_{t-1}).  Count: 4*(h*x + h*h).
@_export
def h39e_aaawlx_lstm(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W = nn.ModuleDict({g: nn.Linear(x, h, bias=False) for g in "fico"})
            self.U = nn.ModuleDict({g: nn.Linear(h, h, bias=False) for g in "fico"})

        def forward(self, xt, state):
            hp, cp = state
            a = {g: self.W[g](xt) + self.U[g](hp) for g in "fico"}
            f, i, o = torch.sigmoid(a["f"]), torch.sigmoid(a["i"]), torch.sigmoid(a["o"])
            c = f * cp + i * torch.tanh(a["c"])
            return o * torch.tanh(c), c

    return Cell()


