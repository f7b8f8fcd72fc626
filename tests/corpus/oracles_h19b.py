import torch
from torch import nn

__all__ = []


def _export(f):
    __all__.append(f.__name__)
    return f


def _p(*shape):
    return nn.Parameter(torch.randn(*shape) * 0.1)


# pawelswoboda/ADL slides/rnn.tex, frame "LSTM: Summary of Gates". Four gates, each W_g [h_{t-1}, x_t] + b_g
# (W_g: h x (h + x), b_g: h). 4h(h + x + 1).
@_export
def h19b_adl_lstm(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.f = nn.Linear(h + x, h)
            self.i = nn.Linear(h + x, h)
            self.C = nn.Linear(h + x, h)
            self.o = nn.Linear(h + x, h)

        def forward(self, xt, state):
            hp, Cp = state
            v = torch.cat([hp, xt], -1)
            f = torch.sigmoid(self.f(v))
            i = torch.sigmoid(self.i(v))
            Ct_ = torch.tanh(self.C(v))
            o = torch.sigmoid(self.o(v))
            C = f * Cp + i * Ct_
            return o * torch.tanh(C), C

    return Cell()


# pawelswoboda/ADL slides/rnn.tex, frame "GRU: Gated Recurrent Unit". W_z, W_r, W_h on [., x_t], one bias each.
# 3h(h + x + 1).
@_export
def h19b_adl_gru(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.z = nn.Linear(h + x, h)
            self.r = nn.Linear(h + x, h)
            self.h = nn.Linear(h + x, h)

        def forward(self, xt, hp):
            z = torch.sigmoid(self.z(torch.cat([hp, xt], -1)))
            r = torch.sigmoid(self.r(torch.cat([hp, xt], -1)))
            ht = torch.tanh(self.h(torch.cat([r * hp, xt], -1)))
            return (1 - z) * hp + z * ht

    return Cell()


# stored file id 9078110324 (JKU assignment 1, fully recurrent network, Exercise 3). W: I x D, R: I x I,
# V: K x I, no biases. I(D + I + K).
@_export
def h19b_jku_frn(D=7, I=5, K=3):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W = _p(I, D)
            self.R = _p(I, I)
            self.V = _p(K, I)

        def forward(self, x, a_prev):
            s = self.W @ x + self.R @ a_prev
            a = torch.tanh(s)
            z = self.V @ a
            return torch.sigmoid(z), a

    return Cell()


# stored file id 28028868008 (Sequence Models notes, LSTM). Gamma_u, Gamma_f, Gamma_o and c~ each
# W [a^{t-1}, x^t] + b; c and a share one size a. 4a(a + x + 1).
@_export
def h19b_seqnotes_lstm(x=7, a=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_u = nn.Linear(a + x, a)
            self.W_f = nn.Linear(a + x, a)
            self.W_o = nn.Linear(a + x, a)
            self.W_c = nn.Linear(a + x, a)

        def forward(self, xt, state):
            ap, cp = state
            v = torch.cat([ap, xt], -1)
            gu = torch.sigmoid(self.W_u(v))
            gf = torch.sigmoid(self.W_f(v))
            go = torch.sigmoid(self.W_o(v))
            ct_ = torch.tanh(self.W_c(v))
            c = gu * ct_ + gf * cp
            return go * torch.tanh(c), c

    return Cell()


# stored file id 28028868008 (Sequence Models notes, GRU). W_u, W_r on [c^{t-1}, x^t], W_c on
# [Gamma_r * c^{t-1}, x^t], one bias each. 3c(c + x + 1).
@_export
def h19b_seqnotes_gru(x=7, c=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_u = nn.Linear(c + x, c)
            self.W_r = nn.Linear(c + x, c)
            self.W_c = nn.Linear(c + x, c)

        def forward(self, xt, cp):
            gu = torch.sigmoid(self.W_u(torch.cat([cp, xt], -1)))
            gr = torch.sigmoid(self.W_r(torch.cat([cp, xt], -1)))
            ct_ = torch.tanh(self.W_c(torch.cat([gr * cp, xt], -1)))
            return gu * ct_ + (1 - gu) * cp

    return Cell()


# stored file id 576502733 (Holberton RNNs project, Task 3 LSTMCell). One weight per gate on the right of the
# concatenated [h_prev, x_t] (i + h, h), bias (1, h); output Wy (h, o), by (1, o). 4h(i + h + 1) + o(h + 1).
@_export
def h19b_holberton_lstm(i=7, h=5, o=3):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.Wf = _p(i + h, h)
            self.Wu = _p(i + h, h)
            self.Wc = _p(i + h, h)
            self.Wo = _p(i + h, h)
            self.Wy = _p(h, o)
            self.bf = _p(1, h)
            self.bu = _p(1, h)
            self.bc = _p(1, h)
            self.bo = _p(1, h)
            self.by = _p(1, o)

        def forward(self, h_prev, c_prev, x_t):
            v = torch.cat([h_prev, x_t], -1)
            f = torch.sigmoid(v @ self.Wf + self.bf)
            u = torch.sigmoid(v @ self.Wu + self.bu)
            cc = torch.tanh(v @ self.Wc + self.bc)
            og = torch.sigmoid(v @ self.Wo + self.bo)
            c = f * c_prev + u * cc
            hn = og * torch.tanh(c)
            y = torch.softmax(hn @ self.Wy + self.by, -1)
            return hn, c, y

    return Cell()


# stored file id 576502733 (Holberton RNNs project, Task 0 RNNCell). Wh (i + h, h) on the concatenated hidden
# state and input, bh (1, h); Wy (h, o), by (1, o). h(i + h + 1) + o(h + 1).
@_export
def h19b_holberton_rnn(i=7, h=5, o=3):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.Wh = _p(i + h, h)
            self.Wy = _p(h, o)
            self.bh = _p(1, h)
            self.by = _p(1, o)

        def forward(self, h_prev, x_t):
            hn = torch.tanh(torch.cat([h_prev, x_t], -1) @ self.Wh + self.bh)
            return hn, torch.softmax(hn @ self.Wy + self.by, -1)

    return Cell()


# stored file id 42505866710 ("Modeling Financial Chaos", Appendix A, Mamba selective scan), expect refuse:
# Delta_t, B_t, C_t = Linear(x_t) with no output shape or bias stated, and whether A is dense (A.1, N x N)
# or diagonal is left open. One plausible reading: A dense N x N; Delta scalar from Linear(D -> 1);
# B_t (N x D) and C_t (D x N) from biased Linear(D -> N D). N^2 + (D + 1) + 2 N D (D + 1).
@_export
def h19b_finchaos_mamba(D=7, N=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.A = _p(N, N)
            self.lin_delta = nn.Linear(D, 1)
            self.lin_B = nn.Linear(D, N * D)
            self.lin_C = nn.Linear(D, D * N)

        def forward(self, x, h):
            delta = torch.nn.functional.softplus(self.lin_delta(x))
            B = self.lin_B(x).view(N, D)
            C = self.lin_C(x).view(D, N)
            A_bar = torch.matrix_exp(delta * self.A)
            h = A_bar @ h + (delta * B) @ x
            return C @ h, h

    return Cell()


# stored file id 13974196783 (sequence-models course notes, GRU). W_c, W_u, W_r on [., x^{<t>}] with one
# bias each; C and a share one size C. 3C(C + x + 1).
@_export
def h19b_seqnotes2_gru(x=7, C=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_u = nn.Linear(C + x, C)
            self.W_r = nn.Linear(C + x, C)
            self.W_c = nn.Linear(C + x, C)

        def forward(self, xt, cp):
            gu = torch.sigmoid(self.W_u(torch.cat([cp, xt], -1)))
            gr = torch.sigmoid(self.W_r(torch.cat([cp, xt], -1)))
            ct_ = torch.tanh(self.W_c(torch.cat([gr * cp, xt], -1)))
            return gu * ct_ + (1 - gu) * cp

    return Cell()


# stored file id 5343045820 (deep-learning specialization notes, LSTM Unit). W_c, W_u, W_f, W_o on
# [a^{<t-1>}, x^{<t>}], one bias each; c and a share one size a. 4a(a + x + 1).
@_export
def h19b_sinanotes_lstm(x=7, a=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_c = nn.Linear(a + x, a)
            self.W_u = nn.Linear(a + x, a)
            self.W_f = nn.Linear(a + x, a)
            self.W_o = nn.Linear(a + x, a)

        def forward(self, xt, state):
            ap, cp = state
            v = torch.cat([ap, xt], -1)
            ct_ = torch.tanh(self.W_c(v))
            gu = torch.sigmoid(self.W_u(v))
            gf = torch.sigmoid(self.W_f(v))
            go = torch.sigmoid(self.W_o(v))
            c = gu * ct_ + gf * cp
            return go * torch.tanh(c), c

    return Cell()
