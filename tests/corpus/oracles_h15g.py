import torch
from torch import nn

__all__ = []


def _export(f):
    __all__.append(f.__name__)
    return f


def _p(*shape):
    return nn.Parameter(torch.randn(*shape) * 0.1)


# guebin/DL2022 posts/IV. RNN/2022-11-08-10wk-2.ipynb, markdown cell 84 ("(2) t=1"). Row vectors:
# h_1 = tanh(x_1 W_ih + h_0 W_hh + b_ih + b_hh), shapes listed: W_ih (4,2), W_hh (2,2), b_ih (1,2),
# b_hh (1,2). The listed shapes fix x=4, h=2. xh + h^2 + 2h (= 16).
@_export
def h15g_guebin_rnn_two_bias(x=4, h=2):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_ih = _p(x, h)
            self.W_hh = _p(h, h)
            self.b_ih = _p(1, h)
            self.b_hh = _p(1, h)

        def forward(self, xt, hp):
            # xt: (1, x), hp: (1, h)
            return torch.tanh(xt @ self.W_ih + hp @ self.W_hh + self.b_ih + self.b_hh)

    return Cell()


# guptnava/youtube_demos GRU_in_Python_Colab.ipynb, markdown cell 3. Per gate W (x -> h), U (h -> h),
# one bias b; candidate tanh(W_h x + U_h (r * h) + b_h). 3(hx + h^2 + h).
@_export
def h15g_guptnava_gru(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_z, self.W_r, self.W_h = _p(h, x), _p(h, x), _p(h, x)
            self.U_z, self.U_r, self.U_h = _p(h, h), _p(h, h), _p(h, h)
            self.b_z, self.b_r, self.b_h = _p(h), _p(h), _p(h)

        def forward(self, xt, hp):
            z = torch.sigmoid(self.W_z @ xt + self.U_z @ hp + self.b_z)
            r = torch.sigmoid(self.W_r @ xt + self.U_r @ hp + self.b_r)
            ht = torch.tanh(self.W_h @ xt + self.U_h @ (r * hp) + self.b_h)
            return (1 - z) * hp + z * ht

    return Cell()


# https://click4ai.perfionixai.com/problems/gru-cell. combined = [x_t ; h_{t-1}]; W_z, W_r, W_h each
# h x (x + h) (candidate on [x_t ; r_t * h_{t-1}]); no biases. 3h(x + h).
@_export
def h15g_click4ai_gru(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_z, self.W_r, self.W_h = _p(h, x + h), _p(h, x + h), _p(h, x + h)

        def forward(self, xt, hp):
            comb = torch.cat([xt, hp])
            z = torch.sigmoid(self.W_z @ comb)
            r = torch.sigmoid(self.W_r @ comb)
            hh = torch.tanh(self.W_h @ torch.cat([xt, r * hp]))
            return (1 - z) * hp + z * hh

    return Cell()


# https://click4ai.perfionixai.com/problems/lstm-cell. combined = [x_t ; h_{t-1}]; W_f, W_i, W_g, W_o
# each h x (x + h); no biases. 4h(x + h).
@_export
def h15g_click4ai_lstm(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_f, self.W_i, self.W_g, self.W_o = (_p(h, x + h) for _ in range(4))

        def forward(self, xt, hp, cp):
            comb = torch.cat([xt, hp])
            f = torch.sigmoid(self.W_f @ comb)
            i = torch.sigmoid(self.W_i @ comb)
            g = torch.tanh(self.W_g @ comb)
            o = torch.sigmoid(self.W_o @ comb)
            c = f * cp + i * g
            return o * torch.tanh(c), c

    return Cell()


# mrafraim/Deep-Learning dl-day-25-lstm-gru.ipynb, markdown cell 22. W_z, W_r, W_h on [h_{t-1}, x_t]
# (candidate on [r * h_{t-1}, x_t]), each with a bias. 3(h(h + x) + h).
@_export
def h15g_mrafraim_gru(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_z = nn.Linear(h + x, h)
            self.W_r = nn.Linear(h + x, h)
            self.W_h = nn.Linear(h + x, h)

        def forward(self, xt, hp):
            hx = torch.cat([hp, xt])
            z = torch.sigmoid(self.W_z(hx))
            r = torch.sigmoid(self.W_r(hx))
            ht = torch.tanh(self.W_h(torch.cat([r * hp, xt])))
            return (1 - z) * hp + z * ht

    return Cell()


# mrafraim/Deep-Learning dl-day-25-lstm-gru.ipynb, markdown cell 17. W_f, W_i, W_c, W_o on
# [h_{t-1}, x_t], each with a bias. 4(h(h + x) + h).
@_export
def h15g_mrafraim_lstm(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_f = nn.Linear(h + x, h)
            self.W_i = nn.Linear(h + x, h)
            self.W_c = nn.Linear(h + x, h)
            self.W_o = nn.Linear(h + x, h)

        def forward(self, xt, hp, cp):
            hx = torch.cat([hp, xt])
            f = torch.sigmoid(self.W_f(hx))
            i = torch.sigmoid(self.W_i(hx))
            ct = torch.tanh(self.W_c(hx))
            c = f * cp + i * ct
            o = torch.sigmoid(self.W_o(hx))
            return o * torch.tanh(c), c

    return Cell()


# tsps40642/Advanced_AI_for_Business_Applications 2_Recurrent_Neural_Network.ipynb, markdown cell 50
# (refuse): gates are sigmoid(X_t, h_{t-1}, Theta_update) etc. with opaque parameter sets. One plausible
# reading: each Theta is an affine map of [X_t, h_{t-1}] to h with a bias. 3(h(X + h) + h).
@_export
def h15g_msba_gru(X=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.theta_update = nn.Linear(X + h, h)
            self.theta_reset = nn.Linear(X + h, h)
            self.theta = nn.Linear(X + h, h)

        def forward(self, xt, hp):
            u = torch.sigmoid(self.theta_update(torch.cat([xt, hp])))
            r = torch.sigmoid(self.theta_reset(torch.cat([xt, hp])))
            return u * hp + (1 - u) * torch.tanh(self.theta(torch.cat([xt, r * hp])))

    return Cell()


# adiel2012/deep-learning-abc mamba_ssm.ipynb, markdown cell 0 (refuse): scalar input x, state h in R^N;
# A (its shape only implied), and Delta_t, B_t, C_t "functions of the input" without saying which. One
# plausible reading: A N x N; Delta_t = softplus(w x + b) (2 scalars); B_t = W_B x, C_t = W_C x (N each).
# N^2 + 2N + 2.
@_export
def h15g_adiel_mamba(N=4):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.A = nn.Parameter(-torch.eye(N) + 0.01 * torch.randn(N, N))
            self.w_delta = _p(1)
            self.b_delta = _p(1)
            self.W_B = _p(N)
            self.W_C = _p(N)

        def forward(self, xt, hp):
            # xt: scalar tensor (1,), hp: (N,)
            delta = nn.functional.softplus(self.w_delta * xt + self.b_delta)
            Abar = torch.matrix_exp(delta * self.A)
            Bbar = delta * (self.W_B * xt)
            h = Abar @ hp + Bbar * xt
            y = (self.W_C * xt) @ h
            return y, h

    return Cell()


# SilenNaihin/silen-ai projects/rnn/rnn.ipynb, markdown cell 2. h_t = tanh(W_xh x_t + W_hh h_{t-1} + b),
# one bias. hx + h^2 + h.
@_export
def h15g_silen_rnn(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_xh = _p(h, x)
            self.W_hh = _p(h, h)
            self.b = _p(h)

        def forward(self, xt, hp):
            return torch.tanh(self.W_xh @ xt + self.W_hh @ hp + self.b)

    return Cell()


# SilenNaihin/silen-ai projects/rnn/rnn.ipynb, markdown cell 16. W_f, W_i, W_C, W_o on [h_{t-1}, x_t],
# each with a bias. 4(h(h + x) + h).
@_export
def h15g_silen_lstm(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_f = nn.Linear(h + x, h)
            self.W_i = nn.Linear(h + x, h)
            self.W_C = nn.Linear(h + x, h)
            self.W_o = nn.Linear(h + x, h)

        def forward(self, xt, hp, cp):
            hx = torch.cat([hp, xt])
            f = torch.sigmoid(self.W_f(hx))
            i = torch.sigmoid(self.W_i(hx))
            Ct = torch.tanh(self.W_C(hx))
            c = f * cp + i * Ct
            o = torch.sigmoid(self.W_o(hx))
            return o * torch.tanh(c), c

    return Cell()
