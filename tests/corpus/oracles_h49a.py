"""Oracles for the h49a set-aside snippets (heldout49), as its gatherer wrote them."""
import torch
from torch import nn

__all__ = []


def _export(f):
    __all__.append(f.__name__)
    return f


def _p(*shape):
    return nn.Parameter(torch.randn(*shape) * 0.1)


# neuromatch/NeuroAI_Course W1D1 Tutorial 2, 'Coding exercise 2.1' (continuous-time RNN, Euler step);
# B (x, u), J (x, x), b (x) read as a learned bias vector, readout W (z, x), c (z); tau fixed (not learned).
# Count: x*u + x*x + x + z*x + z.
@_export
def h49a_nm_ctrnn(u=7, x=5, z=3):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.B = _p(x, u)
            self.J = _p(x, x)
            self.b = _p(x)
            self.W = _p(z, x)
            self.c = _p(z)
            self.dt_over_tau = 10.0 / 50.0

        def forward(self, u_t, x_prev):
            r = torch.abs(torch.tanh(x_prev))
            dx = -x_prev + u_t @ self.B.T + r @ self.J.T + self.b
            x_t = x_prev + self.dt_over_tau * dx
            z_t = torch.abs(torch.tanh(x_t)) @ self.W.T + self.c
            return z_t, x_t
    return Cell()


# SEOYUNJE/Tensorflow_Xlstm xlstm.ipynb, Keras sLSTMBlock (code only): LayerNorm (2*in), Conv1D 1->1 kernel 4 + bias (5),
# Wz/Wi/Wf/Wo BlockDiagonal(in, hid, heads) = heads Dense blocks with bias (in*hid/heads + hid each),
# Rz/Ri/Rf/Ro BlockDiagonal(hid, hid, heads) (hid*hid/heads + hid each), GroupNorm (2*hid),
# up_proj_left/right Dense(hid -> P) with bias, P = int(hid*4/3), down_proj Dense(P -> in) with bias.
# Count: 2*in + 5 + 4*(in*hid/heads + hid) + 4*(hid*hid/heads + hid) + 2*hid + 2*(hid*P + P) + P*in + in.
@_export
def h49a_seoyun_slstm(input_size=6, hidden_size=4, num_heads=2):
    class BlockDiagonal(nn.Module):
        def __init__(self, i, o, n):
            super().__init__()
            self.blocks = nn.ModuleList([nn.Linear(i // n, o // n) for _ in range(n)])

        def forward(self, x):
            return torch.cat([b(c) for b, c in zip(self.blocks, x.chunk(len(self.blocks), -1))], -1)

    P = int(hidden_size * (4 / 3))

    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.ln = nn.LayerNorm(input_size)
            self.conv = nn.Conv1d(1, 1, 4)
            self.W = nn.ModuleList([BlockDiagonal(input_size, hidden_size, num_heads) for _ in range(4)])
            self.R = nn.ModuleList([BlockDiagonal(hidden_size, hidden_size, num_heads) for _ in range(4)])
            self.gn = nn.GroupNorm(num_heads, hidden_size)
            self.up_l = nn.Linear(hidden_size, P)
            self.up_r = nn.Linear(hidden_size, P)
            self.down = nn.Linear(P, input_size)

        def forward(self, x, state):
            h, c, n, m = state
            xn = self.ln(x)
            xc = nn.functional.silu(self.conv(nn.functional.pad(xn.unsqueeze(1), (3, 0))).squeeze(1))
            Wz, Wi, Wf, Wo = self.W
            Rz, Ri, Rf, Ro = self.R
            z = torch.tanh(Wz(x) + Rz(h))
            o = torch.sigmoid(Wo(x) + Ro(h))
            it = Wi(xc) + Ri(h)
            ft = Wf(xc) + Rf(h)
            m_t = torch.maximum(ft + m, it)
            i = torch.exp(it - m_t)
            f = torch.exp(ft + m - m_t)
            c_t = f * c + i * z
            n_t = f * n + i
            h_t = o * c_t / n_t
            y = self.gn(h_t)
            y = self.up_l(y) * nn.functional.gelu(self.up_r(y))
            return self.down(y) + x, (h_t, c_t, n_t, m_t)
    return Cell()


# hardik2004gupta/Deep-Learning-Algorithms vanilla_rnn.ipynb, RNNCellScratch; W_ih (h, x), W_hh (h, h), b_ih (h), b_hh (h).
# Count: h*x + h*h + 2h.
@_export
def h49a_hardik_rnn(input_size=7, hidden_size=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_ih = _p(hidden_size, input_size)
            self.W_hh = _p(hidden_size, hidden_size)
            self.b_ih = _p(hidden_size)
            self.b_hh = _p(hidden_size)

        def forward(self, x_t, h_prev):
            return torch.tanh(x_t @ self.W_ih.t() + self.b_ih + h_prev @ self.W_hh.t() + self.b_hh)
    return Cell()


# zozni/Deep-Learning-from-Scratch-2 ch.6 notebook, section 6.3 (LSTM, row-vector form); per gate f, g, i, o:
# W_x (x, h), W_h (h, h), b (h). Count: 4*(x*h + h*h + h).
@_export
def h49a_zozni_lstm(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.Wx = nn.ParameterDict({g: _p(x, h) for g in 'fgio'})
            self.Wh = nn.ParameterDict({g: _p(h, h) for g in 'fgio'})
            self.b = nn.ParameterDict({g: _p(h) for g in 'fgio'})

        def forward(self, x_t, state):
            h_prev, c_prev = state
            a = {g: x_t @ self.Wx[g] + h_prev @ self.Wh[g] + self.b[g] for g in 'fgio'}
            f, i, o = torch.sigmoid(a['f']), torch.sigmoid(a['i']), torch.sigmoid(a['o'])
            g = torch.tanh(a['g'])
            c = f * c_prev + g * i
            return o * torch.tanh(c), c
    return Cell()


# zozni/Deep-Learning-from-Scratch-2 ch.5 notebook, section 5.3.1 (RNN layer, row-vector form);
# W_h (H, H), W_x (D, H), b (H). Count: H*H + D*H + H.
@_export
def h49a_zozni_rnn(D=7, H=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.Wh = _p(H, H)
            self.Wx = _p(D, H)
            self.b = _p(H)

        def forward(self, x_t, h_prev):
            return torch.tanh(h_prev @ self.Wh + x_t @ self.Wx + self.b)
    return Cell()


# yumengmeng0/deep-learning-from-scratch-2-notes ch.6 cell 3 (LSTM, eq. 6.6-6.8, row-vector form); per gate f, g, i, o:
# W_x (x, h), W_h (h, h), b (h). Count: 4*(x*h + h*h + h).
@_export
def h49a_yumeng_lstm(x=6, h=4):
    return h49a_zozni_lstm(x=x, h=h)


# rimrimrim0203/DeepLearning-from-scratch2 'Chapter6/GATE RNN.ipynb' cells 19-27 (LSTM, row-vector form, '.' = element-wise);
# per gate f, g, i, o: W_x (x, h), W_h (h, h), b (h). Count: 4*(x*h + h*h + h).
@_export
def h49a_rimrim_lstm(x=8, h=3):
    return h49a_zozni_lstm(x=x, h=h)


# hyehyeonmoon/DL_from_scratch_2 Ch06_gateRNN/better_rnnlm.ipynb, BetterRnnlm (code only). Read as typed (lstm_wh1 taken
# as lstm_Wh1): both TimeLSTM layers share one set Wx1 (D, 4H), Wh1 (H, 4H), b1 (4H); embed_W (V, D) tied to the output
# affine (embed_W.T), affine_b (V); unused lstm_Wx2/Wh2/b2 and affine_W not counted; needs D == H.
# Count: V*D + 4H*(D + H + 1) + V.  (Book reading, two separate LSTM layers: + 4H*(H + H + 1).)
@_export
def h49a_hyehyeon_betterrnnlm(vocab_size=11, wordvec_size=5, hidden_size=5):
    V, D, H = vocab_size, wordvec_size, hidden_size

    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.embed_W = _p(V, D)
            self.Wx1 = _p(D, 4 * H)
            self.Wh1 = _p(H, 4 * H)
            self.b1 = _p(4 * H)
            self.affine_b = _p(V)

        def lstm(self, x, h, c):
            A = x @ self.Wx1 + h @ self.Wh1 + self.b1
            f, g, i, o = A[:, :H], A[:, H:2 * H], A[:, 2 * H:3 * H], A[:, 3 * H:]
            c = torch.sigmoid(f) * c + torch.tanh(g) * torch.sigmoid(i)
            return torch.sigmoid(o) * torch.tanh(c), c

        def forward(self, ids, state):
            (h1, c1), (h2, c2) = state
            x = self.embed_W[ids]
            h1, c1 = self.lstm(x, h1, c1)
            h2, c2 = self.lstm(h1, h2, c2)
            return h2 @ self.embed_W.T + self.affine_b, ((h1, c1), (h2, c2))
    return Cell()


# nytrp/sistemas-inteligentes-para-electronica RNN_expo_colab.ipynb cell 5 (GRU, no biases written);
# W_z, W_r, W (a, x + a) on [x_t, a_{t-1}]. Count: 3*a*(x + a).
@_export
def h49a_nytrp_gru(x=7, a=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_z = _p(a, x + a)
            self.W_r = _p(a, x + a)
            self.W = _p(a, x + a)

        def forward(self, x_t, a_prev):
            v = torch.cat([x_t, a_prev], -1)
            z = torch.sigmoid(v @ self.W_z.T)
            r = torch.sigmoid(v @ self.W_r.T)
            a_tilde = torch.tanh(torch.cat([x_t, r * a_prev], -1) @ self.W.T)
            return (1 - z) * a_prev + z * a_tilde
    return Cell()


# nytrp/sistemas-inteligentes-para-electronica RNN_expo_colab.ipynb cell 4 (LSTM on [x_t, a_{t-1}]);
# per gate f, i, c, o: W (a, x + a), b (a). Count: 4*(a*(x + a) + a).
@_export
def h49a_nytrp_lstm(x=4, a=3):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W = nn.ParameterDict({g: _p(a, x + a) for g in 'fico'})
            self.b = nn.ParameterDict({g: _p(a) for g in 'fico'})

        def forward(self, x_t, state):
            a_prev, c_prev = state
            v = torch.cat([x_t, a_prev], -1)
            pre = {g: v @ self.W[g].T + self.b[g] for g in 'fico'}
            f, i, o = torch.sigmoid(pre['f']), torch.sigmoid(pre['i']), torch.sigmoid(pre['o'])
            c = f * c_prev + i * torch.tanh(pre['c'])
            return o * torch.tanh(c), c
    return Cell()


# Dohyun1213/DL_study RNN_LSTM.ipynb cell 0, LSTM part ([h_{t-1}, x_t], '*' both product kinds, candidate also named C_t);
# per gate f, i, C, o: W (h, h + x), b (h). Count: 4*(h*(h + x) + h).
@_export
def h49a_dohyun_lstm(x=6, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W = nn.ParameterDict({g: _p(h, h + x) for g in 'fico'})
            self.b = nn.ParameterDict({g: _p(h) for g in 'fico'})

        def forward(self, x_t, state):
            h_prev, C_prev = state
            v = torch.cat([h_prev, x_t], -1)
            pre = {g: v @ self.W[g].T + self.b[g] for g in 'fico'}
            f, i, o = torch.sigmoid(pre['f']), torch.sigmoid(pre['i']), torch.sigmoid(pre['o'])
            C = f * C_prev + i * torch.tanh(pre['c'])
            return o * torch.tanh(C), C
    return Cell()


# Dohyun1213/DL_study RNN_LSTM.ipynb cell 0, RNN part (recurrence typed with h_t for h_{t-1}); W_hh (h, h), W_xh (h, x),
# b_h (h), W_hy (y, h), b_y (y). Count: h*h + h*x + h + y*h + y.
@_export
def h49a_dohyun_rnn(x=7, h=5, y=3):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_hh = _p(h, h)
            self.W_xh = _p(h, x)
            self.b_h = _p(h)
            self.W_hy = _p(y, h)
            self.b_y = _p(y)

        def forward(self, x_t, h_prev):
            h_t = torch.tanh(h_prev @ self.W_hh.T + x_t @ self.W_xh.T + self.b_h)
            return h_t @ self.W_hy.T + self.b_y, h_t
    return Cell()
