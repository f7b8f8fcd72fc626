import torch
from torch import nn

__all__ = []


def _export(f):
    __all__.append(f.__name__)
    return f


def _p(*shape):
    return nn.Parameter(torch.randn(*shape) * 0.1)


# ishwargov/ishwargov.github.io _posts/2025-07-23-notes-on-rnn.md (Jekyll post, "we get" block).
# s[n] = W_s s[n-1] + W_r r[n-1] + W_x x[n] + theta_s, r[n] = G(s[n]); r has the size of s.
# W_s (s x s), W_r (s x s), W_x (s x x), theta_s (s). 2s^2 + s*x + s.
@_export
def h18f_ishwargov_rnn(s=5, x=7):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_s = _p(s, s)
            self.W_r = _p(s, s)
            self.W_x = _p(s, x)
            self.theta_s = _p(s)

        def forward(self, x_n, s_prev):
            r_prev = torch.tanh(s_prev)
            s_n = self.W_s @ s_prev + self.W_r @ r_prev + self.W_x @ x_n + self.theta_s
            return torch.tanh(s_n), s_n

    return Cell()


# stored file id 6231160827 (Typst note "= Mamba forward"). expect refuse: the text never says which of
# Delta t, b_t, A_i, B_i, C_i, w_i, D are learned and which are inputs of the scan, nor the range of i.
# One plausible reading (a single channel of a selective-scan kernel, x scalar): Delta t, B_i, C_i, z
# and the two states S_l, S_r are inputs; b_t, D scalars and A_i, w_i (i = 1..N) are parameters. 2N + 2.
@_export
def h18f_typst_mamba_forward(N=4):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.b_t = _p(1)
            self.A = _p(N)
            self.w = _p(N)
            self.D = _p(1)

        def forward(self, x, dt, B, C, z, S_l, S_r):
            dt2 = torch.nn.functional.softplus(dt + self.b_t)
            dA = torch.exp(dt2 * self.A)
            dB = dt2 * B
            S_m = self.w * S_l + (1 - self.w) * S_r
            S = dA * S_m + dB * x
            y1 = (C * S).sum() + self.D * x
            return y1 * torch.nn.functional.silu(z), S

    return Cell()


# ivanleomk/ivanleo.com posts/a-guide-to-rwkv.mdx ("A guide to RWKV", ### Time-Mixing): time_mixing(x, last_x,
# last_num, last_den, decay, bonus, mix_k, mix_v, mix_r, Wk, Wv, Wr, Wout); Wr, Wk, Wv (1024,1024); mu_r,
# mu_k, mu_v, decay, bonus (1024,); Wout maps rwkv (1024,) to the (1024,) output. 4x^2 + 5x (x = 1024).
@_export
def h18f_ivanleo_rwkv_time_mixing(x=1024):
    d = x

    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.decay = _p(d)
            self.bonus = _p(d)
            self.mix_k = _p(d)
            self.mix_v = _p(d)
            self.mix_r = _p(d)
            self.Wk = _p(d, d)
            self.Wv = _p(d, d)
            self.Wr = _p(d, d)
            self.Wout = _p(d, d)

        def forward(self, x_t, last_x, last_num, last_den):
            k = self.Wk @ (x_t * self.mix_k + last_x * (1 - self.mix_k))
            v = self.Wv @ (x_t * self.mix_v + last_x * (1 - self.mix_v))
            r = self.Wr @ (x_t * self.mix_r + last_x * (1 - self.mix_r))
            wkv = (last_num + torch.exp(self.bonus + k) * v) / (last_den + torch.exp(self.bonus + k))
            num = torch.exp(-torch.exp(self.decay)) * last_num + torch.exp(k) * v
            den = torch.exp(-torch.exp(self.decay)) * last_den + torch.exp(k)
            return self.Wout @ (torch.sigmoid(r) * wkv), (x_t, num, den)

    return Cell()


# chus-chus/chus.space blog/2024/ssm_2_networks/index.html (section A bit of notation). x_t, y_t scalars,
# h_t in R^N; parameters A (N, N), B (N x 1), C (1 x N) and the discretization parameter Delta (scalar).
# h_t = Abar h_{t-1} + Bbar x_t, y_t = Cbar h_t (zero-order hold). N^2 + 2N + 1.
@_export
def h18f_chus_ssm_lssl(N=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.A = _p(N, N)
            self.B = _p(N, 1)
            self.C = _p(1, N)
            self.Delta = nn.Parameter(torch.tensor(0.1))

        def forward(self, x_t, h_prev):
            dA = self.Delta * self.A
            A_bar = torch.matrix_exp(dA)
            B_bar = torch.linalg.solve(dA, (A_bar - torch.eye(N)) @ (self.Delta * self.B))
            h = A_bar @ h_prev + (B_bar * x_t).squeeze(-1)
            return (self.C @ h).squeeze(0), h

    return Cell()


# chus-chus/chus.space blog/2024/ssm_3_mambas/ssm_3_mambas.md (### Parameters as functions of the input).
# expect refuse: the size of the input x is never given in the post (its earlier post made x_t a scalar),
# nor the shape of the fixed parameter A or of p, nor whether the Linear maps have biases. One plausible
# reading (the Mamba paper): x in R^x, A (x, N), s_B, s_C = Linear(x -> N), s_Delta = Linear(x -> 1)
# broadcast to x channels, p in R^x, all Linear with bias. xN + 2(x + 1)N + (x + 1) + x.
@_export
def h18f_chus_mamba_selective(x=7, N=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.A = _p(x, N)
            self.s_B = nn.Linear(x, N)
            self.s_C = nn.Linear(x, N)
            self.s_Delta = nn.Linear(x, 1)
            self.p = _p(x)

        def forward(self, x_t, h_prev):
            B = self.s_B(x_t)
            C = self.s_C(x_t)
            delta = torch.nn.functional.softplus(self.p + self.s_Delta(x_t).expand(x))
            A_bar = torch.exp(delta[:, None] * self.A)
            h = A_bar * h_prev + (delta * x_t)[:, None] * B[None, :]
            return h @ C, h

    return Cell()


# rishabh-ranjan/rishabh-ranjan.github.io blog/ttt.md (TTT "without outer-loop parameters"): q_t, k_t, v_t
# are the given query/key/value lists (no projections), theta_t is the inner-loop state of f_theta, eta a
# learning rate. No learnt parameters: 0. (f_theta taken linear, theta a d_v x d_k matrix carried as state.)
@_export
def h18f_ranjan_ttt_causal(d_k=4, d_v=3):
    eta = 0.1

    class Cell(nn.Module):
        def forward(self, q_t, k_t, v_t, theta_prev):
            # one gradient step on ||theta k_t - v_t||^2
            grad = 2 * torch.outer(theta_prev @ k_t - v_t, k_t)
            theta = theta_prev - eta * grad
            return theta @ q_t, theta

    return Cell()


# lextoumbourou/notes notes/permanent/gated-recurrent-unit.md: z_t = σ(W_z[h_{t-1}, x_t] + b_z),
# r_t likewise, h̃_t = tanh(W_h[r_t ⊙ h_{t-1}, x_t] + b_h); three weights on the concatenation, one bias each.
# 3h(h + x + 1).
@_export
def h18f_lextoumbourou_gru(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_z = nn.Linear(h + x, h)
            self.W_r = nn.Linear(h + x, h)
            self.W_h = nn.Linear(h + x, h)

        def forward(self, x_t, h_prev):
            hx = torch.cat([h_prev, x_t], -1)
            z = torch.sigmoid(self.W_z(hx))
            r = torch.sigmoid(self.W_r(hx))
            h_tilde = torch.tanh(self.W_h(torch.cat([r * h_prev, x_t], -1)))
            return (1 - z) * h_prev + z * h_tilde

    return Cell()


# WideLearning/notes LSTM.md (### Adding gates): u_t, i_t, o_t each from W x_t + U h_{t-1} + b; no forget gate;
# c_t = c_{t-1} + i_t ⊙ u_t, h_t = o_t ⊙ c_t. 3(hx + h^2 + h).
@_export
def h18f_widelearning_lstm_gates(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_u, self.U_u, self.b_u = _p(h, x), _p(h, h), _p(h)
            self.W_i, self.U_i, self.b_i = _p(h, x), _p(h, h), _p(h)
            self.W_o, self.U_o, self.b_o = _p(h, x), _p(h, h), _p(h)

        def forward(self, x_t, h_prev, c_prev):
            u = torch.tanh(self.W_u @ x_t + self.U_u @ h_prev + self.b_u)
            i = torch.sigmoid(self.W_i @ x_t + self.U_i @ h_prev + self.b_i)
            o = torch.sigmoid(self.W_o @ x_t + self.U_o @ h_prev + self.b_o)
            c = c_prev + i * u
            return o * c, c

    return Cell()


# WideLearning/notes RNN.md: a = g_1(W_aa a + W_ax x + b_a), y = g_2(W_ya a + b_y); W_ax, W_aa, W_ya, b_a, b_y
# are the (temporally shared) coefficients. a^2 + ax + a + ya + y.
@_export
def h18f_widelearning_rnn(a=5, x=7, y=3):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_aa = _p(a, a)
            self.W_ax = _p(a, x)
            self.b_a = _p(a)
            self.W_ya = _p(y, a)
            self.b_y = _p(y)

        def forward(self, x_t, a_prev):
            a_t = torch.tanh(self.W_aa @ a_prev + self.W_ax @ x_t + self.b_a)
            return torch.softmax(self.W_ya @ a_t + self.b_y, -1), a_t

    return Cell()


# wangkuiyi/deeplearning LSTM.md (# Forward Pass): a^t, i^t, f^t, o^t each from W_* x^t + U_* h^{t-1}, no
# biases; c^t = a^t ⊙ i^t + c^{t-1} ⊙ f^t, h^t = tanh(c^t) ⊙ o^t. 4(hx + h^2).
@_export
def h18f_wangkuiyi_lstm(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            for g in "aifo":
                setattr(self, "W_" + g, _p(h, x))
                setattr(self, "U_" + g, _p(h, h))

        def _pre(self, g, x_t, h_prev):
            return getattr(self, "W_" + g) @ x_t + getattr(self, "U_" + g) @ h_prev

        def forward(self, x_t, h_prev, c_prev):
            a_t = torch.tanh(self._pre("a", x_t, h_prev))
            i_t = torch.sigmoid(self._pre("i", x_t, h_prev))
            f_t = torch.sigmoid(self._pre("f", x_t, h_prev))
            o_t = torch.sigmoid(self._pre("o", x_t, h_prev))
            c_t = a_t * i_t + c_prev * f_t
            return torch.tanh(c_t) * o_t, c_t

    return Cell()


# surya-sgit/MachineLearningInterviewQuestions GRU.md (Q7): z_t = σ(W_z·[h_{t-1}, x_t]), r_t = σ(W_r·[h_{t-1}, x_t]),
# h̃_t = tanh(W·[r_t * h_{t-1}, x_t]); no biases. 3h(h + x).
@_export
def h18f_suryasgit_gru(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_z = nn.Linear(h + x, h, bias=False)
            self.W_r = nn.Linear(h + x, h, bias=False)
            self.W = nn.Linear(h + x, h, bias=False)

        def forward(self, x_t, h_prev):
            hx = torch.cat([h_prev, x_t], -1)
            z = torch.sigmoid(self.W_z(hx))
            r = torch.sigmoid(self.W_r(hx))
            h_tilde = torch.tanh(self.W(torch.cat([r * h_prev, x_t], -1)))
            return (1 - z) * h_prev + z * h_tilde

    return Cell()
