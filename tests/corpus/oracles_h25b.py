import torch
from torch import nn

__all__ = []


def _export(f):
    __all__.append(f.__name__)
    return f


def _p(*shape):
    return nn.Parameter(torch.randn(*shape) * 0.1)


def _concat_gru(h, x):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_z, self.b_z = _p(h, h + x), _p(h)
            self.W_r, self.b_r = _p(h, h + x), _p(h)
            self.W_h, self.b_h = _p(h, h + x), _p(h)

        def forward(self, xt, hp):
            hx = torch.cat([hp, xt], -1)
            z = torch.sigmoid(hx @ self.W_z.T + self.b_z)
            r = torch.sigmoid(hx @ self.W_r.T + self.b_r)
            ht = torch.tanh(torch.cat([r * hp, xt], -1) @ self.W_h.T + self.b_h)
            return (1 - z) * hp + z * ht

    return Cell()


# stored file id 22137138280 ("Day 12.3: GRU Networks Analysis - Simplified Gating ...", Core GRU Equations).
# W_z, W_r, W_h in R^{h x (h+d)}, b_z, b_r, b_h in R^h. 3h(h + d + 1).
@_export
def h25b_day123_gru(h=5, d=7):
    return _concat_gru(h, d)


# stored file id 22137138280 (same notes, ### Minimal Gated Unit (MGU)). W_f, W_h (h x (h+d)), b_f, b_h (h).
# 2h(h + d + 1).
@_export
def h25b_day123_mgu(h=5, d=7):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_f, self.b_f = _p(h, h + d), _p(h)
            self.W_h, self.b_h = _p(h, h + d), _p(h)

        def forward(self, xt, hp):
            f = torch.sigmoid(torch.cat([hp, xt], -1) @ self.W_f.T + self.b_f)
            cand = torch.tanh(torch.cat([(1 - f) * hp, xt], -1) @ self.W_h.T + self.b_h)
            return (1 - f) * hp + f * cand

    return Cell()


# stored file id 22792939895 ("Day 12.3: GRU Networks Analysis - A Practical Guide", Part 1). W_r, W_z, W_h
# (h x (h+x)) on the concatenations, b_r, b_z, b_h (h). 3h(h + x + 1).
@_export
def h25b_day123guide_gru(x=7, h=5):
    return _concat_gru(h, x)


def _concat_lstm(h, x):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_f, self.b_f = _p(h, h + x), _p(h)
            self.W_i, self.b_i = _p(h, h + x), _p(h)
            self.W_c, self.b_c = _p(h, h + x), _p(h)
            self.W_o, self.b_o = _p(h, h + x), _p(h)

        def forward(self, xt, state):
            hp, cp = state
            hx = torch.cat([hp, xt], -1)
            f = torch.sigmoid(hx @ self.W_f.T + self.b_f)
            i = torch.sigmoid(hx @ self.W_i.T + self.b_i)
            ct = torch.tanh(hx @ self.W_c.T + self.b_c)
            o = torch.sigmoid(hx @ self.W_o.T + self.b_o)
            c = f * cp + i * ct
            return o * torch.tanh(c), c

    return Cell()


# stored file id 6118353116 ("# LSTM Gates: Forget, Input, and Output", short version). W_f, W_i, W_c, W_o on
# [h_{t-1}, x_t] (h x (h+x)), biases b_f, b_i, b_c, b_o (h). 4h(h + x + 1).
@_export
def h25b_lstmgates_lstm(x=7, h=5):
    return _concat_lstm(h, x)


def _ltc(N, M):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.tau = nn.Parameter(torch.rand(N) + 0.5)
            self.gamma = _p(M, N)
            self.gamma_r = _p(N, N)
            self.mu = _p(N)
            self.A = _p(N)

        def forward(self, I, x, dt=0.1):
            f = torch.tanh(x @ self.gamma_r.T + I @ self.gamma + self.mu)
            return (x + dt * f * self.A) / (1 + dt * (1 / self.tau + f))

    return Cell()


# stored file id 47811415133 (study notes on Hasani et al. 2021, ## 2. Core LTC Hidden State ODE). Marked refuse:
# f is an unspecified neural network. Most plausible reading (the notes' own eq. 3a): tau (N), A (N), f = tanh(
# gamma_r x + gamma I + mu) with gamma_r (N x N), gamma (M x N), mu (N). N^2 + MN + 3N.
@_export
def h25b_hasani21notes_ltcode(N=5, M=7):
    return _ltc(N, M)


# stored file id 47811415133 (same notes, eq. 3, 3a and Algorithm 1's parameter set). tau (N), gamma (M x N),
# gamma_r (N x N), mu (N), A (N). N^2 + MN + 3N.
@_export
def h25b_hasani21notes_ltcfused(N=5, M=7):
    return _ltc(N, M)


# stored file id 63528012082 (Deep Learning with Python 3rd ed., ch. 13, Listings 13.13-13.15). W (output_features x
# input_features), U (output_features x output_features), b (output_features). o*i + o*o + o.
@_export
def h25b_dlwp3ch13_simplernn(input_features=32, output_features=64):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W = _p(output_features, input_features)
            self.U = _p(output_features, output_features)
            self.b = _p(output_features)

        def forward(self, input_t, state_t):
            return torch.tanh(input_t @ self.W.T + state_t @ self.U.T + self.b)

    return Cell()


# stored file id 63528012082 (same chapter, Listings 13.20-13.21). Marked refuse (next state not given, carry width
# free). Most plausible reading: carry width = state width s. Uo, Ui, Uf, Uk (s x s), Wo, Wi, Wf, Wk (input x s),
# Vo (s x s), bo, bi, bf, bk (s). 4s(s + input + 1) + s^2; the state is taken as output_t.
@_export
def h25b_dlwp3ch13_lstm(input=7, state=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            for g in "oifk":
                setattr(self, "U" + g, _p(state, state))
                setattr(self, "W" + g, _p(input, state))
                setattr(self, "b" + g, _p(state))
            self.Vo = _p(state, state)

        def forward(self, input_t, st):
            state_t, c_t = st
            pre = {g: state_t @ getattr(self, "U" + g) + input_t @ getattr(self, "W" + g) + getattr(self, "b" + g)
                   for g in "oifk"}
            output_t = torch.tanh(pre["o"] + c_t @ self.Vo)
            i_t, f_t, k_t = torch.sigmoid(pre["i"]), torch.sigmoid(pre["f"]), torch.tanh(pre["k"])
            return output_t, i_t * k_t + c_t * f_t

    return Cell()


# barghavanii/RNN_repo README (assignment, Problem 1 GRU). Marked refuse (equations missing). Most plausible reading,
# the bias-free Cho GRU: Wz, Wr, W (h x x), Uz, Ur, U (h x h). 3h(x + h).
@_export
def h25b_barghavanii_gru(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.Wz, self.Uz = _p(h, x), _p(h, h)
            self.Wr, self.Ur = _p(h, x), _p(h, h)
            self.W, self.U = _p(h, x), _p(h, h)

        def forward(self, xt, h_prev):
            z = torch.sigmoid(xt @ self.Wz.T + h_prev @ self.Uz.T)
            r = torch.sigmoid(xt @ self.Wr.T + h_prev @ self.Ur.T)
            hh = torch.tanh(xt @ self.W.T + (r * h_prev) @ self.U.T)
            return (1 - z) * h_prev + z * hh

    return Cell()


# Amitkumarracha/Monterly Unit4_Quick_Revision.md, ## 5. LSTM quick version. W_f, W_i, W_c, W_o on [h_{t-1}, x_t]
# (h x (h+x)), b_f, b_i, b_c, b_o (h). 4h(h + x + 1).
@_export
def h25b_unit4rev_lstm(x=7, h=5):
    return _concat_lstm(h, x)


# Amitkumarracha/Monterly Unit4_Quick_Revision.md, ## 13. quick reference, GRU (no biases). Wr, Wz, Wh on the
# concatenations (h x (h+x)). 3h(h + x).
@_export
def h25b_unit4rev_gru(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.Wr, self.Wz, self.Wh = _p(h, h + x), _p(h, h + x), _p(h, h + x)

        def forward(self, xt, hp):
            hx = torch.cat([hp, xt], -1)
            r = torch.sigmoid(hx @ self.Wr.T)
            z = torch.sigmoid(hx @ self.Wz.T)
            ht = torch.tanh(torch.cat([r * hp, xt], -1) @ self.Wh.T)
            return (1 - z) * ht + z * hp

    return Cell()


# stored file id 6572845609 ("# GRU Architecture", ## Mathematical Formulation). W_r, W_z, W_h (n x (n+d)),
# b_r, b_z, b_h (n). 3n(n + d + 1).
@_export
def h25b_gruarch_gru(d=7, n=5):
    return _concat_gru(n, d)


# stored file id 6572845609 (same chapter, ### Minimal GRU). W_f, W_h (h x (h+x)), b_f, b_h (h). 2h(h + x + 1).
@_export
def h25b_gruarch_mingru(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_f, self.b_f = _p(h, h + x), _p(h)
            self.W_h, self.b_h = _p(h, h + x), _p(h)

        def forward(self, xt, hp):
            hx = torch.cat([hp, xt], -1)
            f = torch.sigmoid(hx @ self.W_f.T + self.b_f)
            ht = torch.tanh(hx @ self.W_h.T + self.b_h)
            return f * hp + (1 - f) * ht

    return Cell()
