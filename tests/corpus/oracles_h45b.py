"""Oracles for the h45b set-aside snippets (heldout45), as its gatherer wrote them."""
import torch
from torch import nn

__all__ = []


def _export(f):
    __all__.append(f.__name__)
    return f


def _p(*shape):
    return nn.Parameter(torch.randn(*shape) * 0.1)


# appunti-uniud/deep-learning deep.tex, RNN chapter; a^t = g(W_aa a^{t-1} + W_ax x^t + b_a),
# y^t = g'(W_ya a^t + b_y): W_aa (a,a), W_ax (a,x), b_a (a), W_ya (y,a), b_y (y); Count: a*a + a*x + a + y*a + y.
@_export
def h45b_appunti_rnn(x=7, a=5, y=3):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_aa = _p(a, a)
            self.W_ax = _p(a, x)
            self.b_a = _p(a)
            self.W_ya = _p(y, a)
            self.b_y = _p(y)

        def forward(self, x_t, a_prev):
            a_t = torch.tanh(a_prev @ self.W_aa.T + x_t @ self.W_ax.T + self.b_a)
            y_t = torch.sigmoid(a_t @ self.W_ya.T + self.b_y)
            return y_t, a_t
    return Cell()


# appunti-uniud/deep-learning deep.tex, GRU section up to the diagram (simplified GRU, no reset gate):
# W_c, W_u each (c, c+x) on [c^{t-1}, x^t], biases b_c, b_u (c); Count: 2*(c*(c+x) + c).
@_export
def h45b_appunti_gru(x=7, c=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_c = _p(c, c + x)
            self.b_c = _p(c)
            self.W_u = _p(c, c + x)
            self.b_u = _p(c)

        def forward(self, x_t, c_prev):
            s = torch.cat([c_prev, x_t], -1)
            c_tilde = torch.tanh(s @ self.W_c.T + self.b_c)
            g_u = torch.sigmoid(s @ self.W_u.T + self.b_u)
            return g_u * c_tilde + (1 - g_u) * c_prev
    return Cell()


# appunti-uniud/deep-learning deep.tex, LSTM section; c~, Gamma_u, Gamma_f, Gamma_o each W (a, a+x) on [a^{t-1}, x^t]
# plus bias (a); a^t = Gamma_o * c^t (no tanh); Count: 4*(a*(a+x) + a).
@_export
def h45b_appunti_lstm(x=7, a=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_c, self.b_c = _p(a, a + x), _p(a)
            self.W_u, self.b_u = _p(a, a + x), _p(a)
            self.W_f, self.b_f = _p(a, a + x), _p(a)
            self.W_o, self.b_o = _p(a, a + x), _p(a)

        def forward(self, x_t, a_prev, c_prev):
            s = torch.cat([a_prev, x_t], -1)
            c_tilde = torch.tanh(s @ self.W_c.T + self.b_c)
            g_u = torch.sigmoid(s @ self.W_u.T + self.b_u)
            g_f = torch.sigmoid(s @ self.W_f.T + self.b_f)
            g_o = torch.sigmoid(s @ self.W_o.T + self.b_o)
            c_t = g_u * c_tilde + g_f * c_prev
            return g_o * c_t, c_t
    return Cell()


# InezPereira/Deep-Learning-Cheat-Sheet-HS2018 MemoryAttention.tex, LSTM; most plausible reading = the main (\tab)
# equations: W^{(i,o,f,c)} (h,x), U^{(i,o,f,c)} (h,h), no biases; Count: 4*(h*x + h*h).
# (The "With peepholes" lines would give 3*(h*(2h+x) + h) + h*x + h*h instead.)
@_export
def h45b_inez_lstm(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W = nn.ParameterDict({g: _p(h, x) for g in 'iofc'})
            self.U = nn.ParameterDict({g: _p(h, h) for g in 'iofc'})

        def forward(self, x_t, h_prev, c_prev):
            pre = {g: x_t @ self.W[g].T + h_prev @ self.U[g].T for g in 'iofc'}
            i_t, o_t, f_t = (torch.sigmoid(pre[g]) for g in 'iof')
            c_tilde = torch.tanh(pre['c'])
            c_t = f_t * c_prev + i_t * c_tilde
            return o_t * torch.tanh(c_t), c_t
    return Cell()


# InezPereira/Deep-Learning-Cheat-Sheet-HS2018 MemoryAttention.tex, "Gated memory units" (GRU): W_z, W_r, W each
# (h, h+x) on [h_{t-1}, x_t], no biases; Count: 3*h*(h+x).
@_export
def h45b_inez_gru(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_z = _p(h, h + x)
            self.W_r = _p(h, h + x)
            self.W = _p(h, h + x)

        def forward(self, x_t, h_prev):
            s = torch.cat([h_prev, x_t], -1)
            z = torch.sigmoid(s @ self.W_z.T)
            r = torch.sigmoid(s @ self.W_r.T)
            h_tilde = torch.tanh(torch.cat([r * h_prev, x_t], -1) @ self.W.T)
            return (1 - z) * h_prev + z * h_tilde
    return Cell()


# JU-MCSE-AI-DS/DL-Cheatsheet sequence_learning.tex, GRU: W_{z,r,h} (h,x), U_{z,r,h} (h,h), b_{z,r,h} (h);
# Count: 3*(h*x + h*h + h).
@_export
def h45b_ju_gru(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W = nn.ParameterDict({g: _p(h, x) for g in 'zrh'})
            self.U = nn.ParameterDict({g: _p(h, h) for g in 'zrh'})
            self.b = nn.ParameterDict({g: _p(h) for g in 'zrh'})

        def forward(self, x_t, h_prev):
            z = torch.sigmoid(x_t @ self.W['z'].T + h_prev @ self.U['z'].T + self.b['z'])
            r = torch.sigmoid(x_t @ self.W['r'].T + h_prev @ self.U['r'].T + self.b['r'])
            h_tilde = torch.tanh(x_t @ self.W['h'].T + (r * h_prev) @ self.U['h'].T + self.b['h'])
            return (1 - z) * h_prev + z * h_tilde
    return Cell()


# kellenberger/bachelor_thesis model_and_training.tex, LSTM: W_f, W_i, W_o, W_g each (h, x+h) on the column
# (x_t; h_{t-1}), no biases; Count: 4*h*(x+h).
@_export
def h45b_kell_lstm(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W = nn.ParameterDict({g: _p(h, x + h) for g in 'fiog'})

        def forward(self, x_t, h_prev, c_prev):
            s = torch.cat([x_t, h_prev], -1)
            f, i, o = (torch.sigmoid(s @ self.W[g].T) for g in 'fio')
            g = torch.tanh(s @ self.W['g'].T)
            c_t = f * c_prev + i * g
            return o * torch.tanh(c_t), c_t
    return Cell()


# vineetjohn/uwaterloo-mmath-cs-thesis 02-background.tex, LSTM: W_f, W_i, W_c, W_o each (h, h+x) on [h_{t-1}, x_t]
# with biases b_f, b_i, b_c, b_o (h); the text writes h_t = tanh(C_t) (o_t computed but not applied; followed here);
# Count: 4*(h*(h+x) + h).
@_export
def h45b_vj_lstm(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W = nn.ParameterDict({g: _p(h, h + x) for g in 'fico'})
            self.b = nn.ParameterDict({g: _p(h) for g in 'fico'})

        def forward(self, x_t, h_prev, C_prev):
            s = torch.cat([h_prev, x_t], -1)
            f = torch.sigmoid(s @ self.W['f'].T + self.b['f'])
            i = torch.sigmoid(s @ self.W['i'].T + self.b['i'])
            C_hat = torch.tanh(s @ self.W['c'].T + self.b['c'])
            C_t = f * C_prev + i * C_hat
            o = torch.sigmoid(s @ self.W['o'].T + self.b['o'])
            h_t = torch.tanh(C_t)
            return h_t, C_t, o
    return Cell()


# Atcold/SP19-DL-collaborative-notes arch/MG/rnn-lstm.tex; most plausible reading = the gate equations (an LSTM,
# though introduced as "a Gated Recurrent Unit"): W_i, W_f, W_o, W_c each (h, x+h) on (x[t]; h[t-1]), biases
# b_i, b_f, b_o, b_c (h) added outside the nonlinearity as written; the RNN + output layer above is not counted;
# Count: 4*(h*(x+h) + h). (With the output layer W_y, b_y kept: + y*h + y; the RNN alone: h*(x+h) + h + y*h + y.)
@_export
def h45b_sp19_lstm(x=7, h=5, y=3):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W = nn.ParameterDict({g: _p(h, x + h) for g in 'ifoc'})
            self.b = nn.ParameterDict({g: _p(h) for g in 'ifoc'})

        def forward(self, x_t, h_prev, c_prev):
            s = torch.cat([x_t, h_prev], -1)
            i, f, o = (torch.sigmoid(s @ self.W[g].T) + self.b[g] for g in 'ifo')
            c_bar = torch.tanh(s @ self.W['c'].T) + self.b['c']
            c_t = f * c_prev + i * c_bar
            return o * torch.tanh(c_t), c_t
    return Cell()


# Atcold/SP19-DL-collaborative-notes lectures/06-b/theory-rnn.tex, GRU: W_{zh}, W_{rh}, W_{hr} (h,h), W_{zx}, W_{rx},
# W_{hx} (h,x), b_z, b_r, b_h (h); Count: 3*(h*h + h*x + h).
@_export
def h45b_sp19_gru(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_zh, self.W_zx, self.b_z = _p(h, h), _p(h, x), _p(h)
            self.W_rh, self.W_rx, self.b_r = _p(h, h), _p(h, x), _p(h)
            self.W_hr, self.W_hx, self.b_h = _p(h, h), _p(h, x), _p(h)

        def forward(self, x_t, h_prev):
            z = torch.sigmoid(h_prev @ self.W_zh.T + x_t @ self.W_zx.T + self.b_z)
            r = torch.sigmoid(h_prev @ self.W_rh.T + x_t @ self.W_rx.T + self.b_r)
            h_tilde = torch.tanh((r * h_prev) @ self.W_hr.T + x_t @ self.W_hx.T + self.b_h)
            return (1 - z) * h_prev + z * h_tilde
    return Cell()


# kvitajakub/MasterThesis obsah.tex, peephole LSTM; most plausible reading = the prose's "11 weight matrices, 4 bias
# vectors": W_{x*} (h,x) x4, W_{h*} (h,h) x4, peephole W_{ci}, W_{cf}, W_{co} full (h,h), b_* (h) x4;
# Count: 4*(h*x + h*h + h) + 3*h*h. (Diagonal peepholes, as in Gers/Graves: 4*(h*x + h*h + h) + 3*h.)
@_export
def h45b_kvit_lstm(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.Wx = nn.ParameterDict({g: _p(h, x) for g in 'ifco'})
            self.Wh = nn.ParameterDict({g: _p(h, h) for g in 'ifco'})
            self.Wc = nn.ParameterDict({g: _p(h, h) for g in 'ifo'})
            self.b = nn.ParameterDict({g: _p(h) for g in 'ifco'})

        def forward(self, x_t, h_prev, C_prev):
            pre = {g: x_t @ self.Wx[g].T + h_prev @ self.Wh[g].T + self.b[g] for g in 'ifco'}
            i = torch.sigmoid(pre['i'] + C_prev @ self.Wc['i'].T)
            f = torch.sigmoid(pre['f'] + C_prev @ self.Wc['f'].T)
            C_tilde = torch.tanh(pre['c'])
            C_t = f * C_prev + i * C_tilde
            o = torch.sigmoid(pre['o'] + C_t @ self.Wc['o'].T)
            return o * torch.tanh(C_t), C_t
    return Cell()


# intsystems/Vladimirov-BS-Thesis slides, RNN frame: x_t = s_x(W_x x_{t-1} + W_u u_t), y_t = s_y(W_y x_t), no biases;
# by the equations W_x (K,K), W_u (K,d), W_y (s,K) (the legend's W_u in R^{s x K}, W_y in R^{K x d} are swapped, same
# entry total); Count: K*K + K*d + s*K.
@_export
def h45b_vlad_rnn(d=7, K=5, s=3):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_x = _p(K, K)
            self.W_u = _p(K, d)
            self.W_y = _p(s, K)

        def forward(self, u_t, x_prev):
            x_t = torch.tanh(x_prev @ self.W_x.T + u_t @ self.W_u.T)
            y_t = torch.sigmoid(x_t @ self.W_y.T)
            return y_t, x_t
    return Cell()


# intsystems/Vladimirov-BS-Thesis slides, S4 frame + comparison frame; most plausible reading: a real S4 layer mapping
# u in R^d to y in R^s with state size K: DPLR A = Lambda - P Q^* with Lambda, P, Q (K each), B (K,d), C (s,K) (C from
# the table's O(Kd + Ks), the frame writes no C), one step size Delta; bilinear discretisation as written;
# Count: 3*K + K*d + s*K + 1. (Complex Lambda/P/Q, tied P = Q, per-channel Delta or a D term all change it.)
@_export
def h45b_vlad_s4(d=7, K=5, s=3):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.Lambda = _p(K)
            self.P = _p(K)
            self.Q = _p(K)
            self.B = _p(K, d)
            self.C = _p(s, K)
            self.log_Delta = nn.Parameter(torch.tensor(-2.0))

        def forward(self, u_t, x_prev):
            Delta = torch.exp(self.log_Delta)
            A = torch.diag(self.Lambda) - torch.outer(self.P, self.Q)
            I = torch.eye(K)
            inv = torch.linalg.inv(I - Delta / 2 * A)
            A_bar = inv @ (I + Delta / 2 * A)
            B_bar = inv @ (Delta * self.B)
            x_t = x_prev @ A_bar.T + u_t @ B_bar.T
            return x_t @ self.C.T, x_t
    return Cell()
