import torch
from torch import nn

__all__ = []


def _export(f):
    __all__.append(f.__name__)
    return f


def _p(*shape):
    return nn.Parameter(torch.randn(*shape) * 0.1)


# stored file id 34135876913 (baby_mamba README, "### Intro:" to "Interpretation of B and C"). Marked refuse:
# no sizes are given and Delta, B, C are "functions of the input" without saying which. Most plausible reading
# (Mamba S6 on d channels with state n): Delta = softplus(W_D x + b_D) (d x d, d), B = W_B x (n x d),
# C = W_C x (n x d), A (d x n), D (d). Count d*d + d + 2*n*d + d*n + d.
@_export
def h33d_babymamba_s6(d=6, n=4):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_D, self.b_D = _p(d, d), _p(d)
            self.W_B, self.W_C = _p(n, d), _p(n, d)
            self.A, self.D = _p(d, n), _p(d)

        def forward(self, x, h):  # x: (d,), h: (d, n)
            delta = nn.functional.softplus(self.W_D @ x + self.b_D)
            B, C = self.W_B @ x, self.W_C @ x
            Abar = torch.exp(delta[:, None] * self.A)
            h = Abar * h + (delta[:, None] * B[None, :]) * x[:, None]
            return h @ C + self.D * x, h

    return Cell()


# NX-AI/flashrnn README, ## Intro. Marked refuse: N_g, N_s, the pointwise function P and the head split are open,
# and the input projection is omitted. Most plausible reading (LSTM, one head, hidden size d): R^(n) (d x d) and
# b^(n) (d) for N_g = 4 gates, inputs x^(n) already projected. Count 4*d*d + 4*d.
@_export
def h33d_flashrnn_generic(d=6):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.R = _p(4, d, d)
            self.b = _p(4, d)

        def forward(self, x, state):  # x: (4, d) pre-projected gate inputs
            h, c = state
            g = torch.einsum('nij,j->ni', self.R, h) + x + self.b
            i, f, z, o = torch.sigmoid(g[0]), torch.sigmoid(g[1]), torch.tanh(g[2]), torch.sigmoid(g[3])
            c = f * c + i * z
            return o * torch.tanh(c), c

    return Cell()


# MartinuzziFrancesco/RecurrentLayers.jl src/cells/miru_cell.jl, MiRU1Cell docstring. Marked refuse (lambda a bold
# vector vs the scalar update_coefficient keyword; recurrent biases switched on by keywords but not written).
# Most plausible reading, the equations as written with lambda a constant: W_r, W_h (h x x), U_r, U_h (h x h),
# b_r, b_h (h). Count 2*(h*x + h*h + h).
@_export
def h33d_rlmiru_miru1(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_r, self.U_r, self.b_r = _p(h, x), _p(h, h), _p(h)
            self.W_h, self.U_h, self.b_h = _p(h, x), _p(h, h), _p(h)
            self.lam = 0.5

        def forward(self, xt, hp):
            r = torch.sigmoid(self.W_r @ xt + self.b_r + self.U_r @ hp)
            ht = torch.tanh(self.W_h @ xt + self.b_h + self.U_h @ (r * hp))
            return self.lam * hp + (1 - self.lam) * ht

    return Cell()


# MartinuzziFrancesco/LuxRecurrentLayers.jl src/cells/unicornn_cell.jl, UnICORNNCell docstring. w_ch (h, control,
# inside sigma-hat), w_hh (h, elementwise on h(t-1)), W_ih (h x x), b_ih (h); dt and alpha are constants.
# Count h*x + 3*h.
@_export
def h33d_luxunicornn_unicornn(x=7, h=5, dt=1.0, alpha=0.0):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.w_ch, self.w_hh = _p(h), _p(h)
            self.W_ih, self.b_ih = _p(h, x), _p(h)

        def forward(self, xt, state):
            hp, zp = state
            s = torch.sigmoid(self.w_ch)
            z = zp - dt * s * (torch.tanh(self.w_hh * hp + self.W_ih @ xt + self.b_ih) + alpha * hp)
            return hp + dt * s * z, z

    return Cell()


# MartinuzziFrancesco/LuxRecurrentLayers.jl src/cells/cornn_cell.jl, coRNNCell docstring. W_ih (h x x), W_hh,
# W_ch (h x h), b_ih, b_hh, b_ch (h); dt, gamma, epsilon constants (the -dt*eps*c(t) term solved implicitly).
# Count h*x + 2*h*h + 3*h.
@_export
def h33d_luxcornn_cornn(x=7, h=5, dt=1.0, gamma=0.0, epsilon=0.0):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_ih, self.b_ih = _p(h, x), _p(h)
            self.W_hh, self.b_hh = _p(h, h), _p(h)
            self.W_ch, self.b_ch = _p(h, h), _p(h)

        def forward(self, xt, state):
            hp, cp = state
            pre = self.W_ih @ xt + self.b_ih + self.W_hh @ hp + self.b_hh + self.W_ch @ cp + self.b_ch
            c = (cp + dt * torch.sigmoid(pre) - dt * gamma * hp) / (1 + dt * epsilon)
            return hp + dt * c, c

    return Cell()


# MartinuzziFrancesco/torchrecurrent torchrecurrent/cells/unicornn_cell.py, UnICORNNCell docstring. Attributes:
# weight_ih (h x x), weight_hh (h x h), weight_ch (h), bias_ih (h), bias_hh (h; listed in Args and Attributes,
# added to the pre-activation). Count h*x + h*h + 3*h.
@_export
def h33d_trunicornn_unicornn(x=7, h=5, dt=1.0, alpha=0.0):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.weight_ih, self.weight_hh = _p(h, x), _p(h, h)
            self.weight_ch, self.bias_ih, self.bias_hh = _p(h), _p(h), _p(h)

        def forward(self, xt, state):
            hp, zp = state
            s = torch.sigmoid(self.weight_ch)
            cand = torch.tanh(self.weight_hh @ hp + self.weight_ih @ xt + self.bias_ih + self.bias_hh)
            z = zp - dt * s * (cand + alpha * hp)
            return hp + dt * s * z, z

    return Cell()


# MartinuzziFrancesco/torchrecurrent torchrecurrent/cells/srnn_cell.py, SRNNCell docstring. Input network:
# weight_ih (hyper x x), bias_ih (hyper), weight_ho (h x hyper), bias_ho (h), weight_g (h x x), bias_g (h);
# P is a fixed cyclic shift. Count hyper*x + hyper + h*hyper + h + h*x + h.
@_export
def h33d_trsrnn_srnn(x=7, h=5, hyper_size=64):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.weight_ih, self.bias_ih = _p(hyper_size, x), _p(hyper_size)
            self.weight_ho, self.bias_ho = _p(h, hyper_size), _p(h)
            self.weight_g, self.bias_g = _p(h, x), _p(h)

        def forward(self, xt, hp):
            b = (self.weight_ho @ torch.relu(self.weight_ih @ xt + self.bias_ih) + self.bias_ho) \
                * torch.sigmoid(self.weight_g @ xt + self.bias_g)
            return torch.relu(torch.roll(hp, 1, -1) + b)

    return Cell()


# MartinuzziFrancesco/RecurrentLayers.jl src/cells/fastrnn_cell.jl, FastRNNCell docstring. W_ih (h x x),
# W_hh (h x h), b (h), trainable scalars alpha and beta. Count h*x + h*h + h + 2.
@_export
def h33d_rlfastrnn_fastrnn(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_ih, self.W_hh, self.b = _p(h, x), _p(h, h), _p(h)
            self.alpha, self.beta = _p(1), _p(1)

        def forward(self, xt, hp):
            ht = torch.sigmoid(self.W_ih @ xt + self.W_hh @ hp + self.b)
            return torch.sigmoid(self.alpha) * ht + torch.sigmoid(self.beta) * hp

    return Cell()


# evilrat420/irithyll irithyll-core/src/ssm/selective.rs, module doc and SelectiveSSM weight table. w_delta (d_in),
# b_delta (scalar), W_B, W_C (N x d_in), log_A (N), D (d_in). Count d_in + 1 + 2*N*d_in + N + d_in.
@_export
def h33d_irithyllssm_s6(d_in=6, N=4):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.w_delta, self.b_delta = _p(d_in), _p(1)
            self.W_B, self.W_C = _p(N, d_in), _p(N, d_in)
            self.log_A, self.D = _p(N), _p(d_in)

        def forward(self, xt, h):  # h: (d_in, N)
            delta = nn.functional.softplus(self.w_delta @ xt + self.b_delta)
            B, C = self.W_B @ xt, self.W_C @ xt
            A = -torch.exp(self.log_A)
            Abar = torch.exp(delta * A)
            Bbar = (Abar - 1) / A * B
            h = Abar[None, :] * h + Bbar[None, :] * xt[:, None]
            return h @ C + self.D * xt, h

    return Cell()


# evilrat420/irithyll irithyll-core/src/reservoir/cycle.rs, CycleReservoir doc. Per neuron: one cycle weight,
# a row of d input weights, a bias; leak_rate a constant. Count N + N*d + N.
@_export
def h33d_irithyllcycle_esn(N=5, d=7, leak_rate=0.3):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.w_cycle, self.w_input, self.bias = _p(N), _p(N, d), _p(N)

        def forward(self, u, xp):
            xt = torch.tanh(self.w_cycle.roll(1) * xp.roll(1) + self.w_input @ u + self.bias)
            return (1 - leak_rate) * xp + leak_rate * xt

    return Cell()


# ooples/AiDotNet src/NeuralNetworks/Layers/SSM/MinGRULayer.cs, XML doc "The minGRU simplification". W_z, W_h
# (h x x), b_z, b_h (h). Count 2*(h*x + h).
@_export
def h33d_aidotnetmingru_mingru(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_z, self.b_z = _p(h, x), _p(h)
            self.W_h, self.b_h = _p(h, x), _p(h)

        def forward(self, xt, hp):
            z = torch.sigmoid(self.W_z @ xt + self.b_z)
            ht = self.W_h @ xt + self.b_h
            return (1 - z) * hp + z * ht

    return Cell()


# chandar-lab/non-linear-rnn models/original_nru.py, module docstring (original NRU). Marked refuse: the strength
# and direction maps are described only as "a linear map", biases and sizes are not stated. Most plausible reading
# (the file's own cell, with x and h allowed to differ): W_i (h x x), W_h (h x h), W_c (h x m), each with a bias;
# strengths a, b from Linear(x+h+m -> 2*num_heads); write and erase factors p, q from two
# Linear(x+h+m -> 2*r), r = sqrt(num_heads*m). Count h*x+h + h*h+h + h*m+h + 3 maps.
@_export
def h33d_chandarnru_nru(x=7, h=5, m=4, num_heads=4):
    import math
    r = math.isqrt(num_heads * m)
    f = x + h + m

    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.Wi, self.Wh, self.Wc = nn.Linear(x, h), nn.Linear(h, h), nn.Linear(m, h)
            self.f_ab, self.f_w, self.f_e = nn.Linear(f, 2 * num_heads), nn.Linear(f, 2 * r), nn.Linear(f, 2 * r)

        def _dir(self, pq):
            p, q = pq.chunk(2, dim=-1)
            v = (p[:, None] * q[None, :]).reshape(num_heads, m)
            return nn.functional.normalize(torch.relu(v), p=5, dim=-1)

        def forward(self, xt, state):
            hp, mp = state
            ht = torch.relu(self.Wi(xt) + self.Wh(hp) + self.Wc(mp))
            feat = torch.cat([xt, ht, mp])
            a, b = torch.relu(self.f_ab(feat)).chunk(2)
            w, e = self._dir(self.f_w(feat)), self._dir(self.f_e(feat))
            mt = mp + (a[:, None] * w - b[:, None] * e).mean(0)
            return ht, mt

    return Cell()
