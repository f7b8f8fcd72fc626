"""Oracles for the h41b set-aside snippets (heldout41), as its gatherer wrote them."""
import torch
from torch import nn

__all__ = []


def _export(f):
    __all__.append(f.__name__)
    return f


def _p(*shape):
    return nn.Parameter(torch.randn(*shape) * 0.1)


# MikeS96/intro_deep_torch recurrent_neural_networks/Notes/notes.tex, Udacity-style LSTM (learn/forget/remember/use
# gates): W_n, W_i, W_f, W_v each (STM x (STM+E)) on [STM_{t-1}, E_t] with biases b_n, b_i, b_f, b_v (STM);
# use gate U_t = tanh(W_u (LTM_{t-1} * f_t) + b_u) with W_u (STM x STM) (LTM has the size of STM since
# STM_t = U_t * V_t), b_u (STM).
# Count: 4*(STM*(STM+E) + STM) + STM*STM + STM.
@_export
def h41b_mikes96_lstm(E=7, STM=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_n = nn.Linear(STM + E, STM)
            self.W_i = nn.Linear(STM + E, STM)
            self.W_f = nn.Linear(STM + E, STM)
            self.W_v = nn.Linear(STM + E, STM)
            self.W_u = nn.Linear(STM, STM)

        def forward(self, e, stm, ltm):
            z = torch.cat([stm, e], -1)
            n = torch.tanh(self.W_n(z))
            i = torch.sigmoid(self.W_i(z))
            f = torch.sigmoid(self.W_f(z))
            ltm_new = ltm * f + n * i
            u = torch.tanh(self.W_u(ltm * f))
            v = torch.sigmoid(self.W_v(z))
            stm_new = u * v
            return stm_new, ltm_new
    return Cell()


# dinohunter2836/diploma sec_domain.tex, GRU: candidate W_x (h x x), W_h (h x h), b (h); filter s_t: D (h x x),
# E (h x h), F (h); update filter u_t: A (h x x), B (h x h), C (h); h_t = (1-u) h_{t-1} + u h_new.
# Count: 3*(h*x + h*h + h).
@_export
def h41b_dinohunter_gru(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_x, self.W_h, self.b = _p(h, x), _p(h, h), _p(h)
            self.D, self.E, self.F = _p(h, x), _p(h, h), _p(h)
            self.A, self.B, self.C = _p(h, x), _p(h, h), _p(h)

        def forward(self, xt, hprev):
            s = torch.sigmoid(xt @ self.D.T + hprev @ self.E.T + self.F)
            u = torch.sigmoid(xt @ self.A.T + hprev @ self.B.T + self.C)
            hnew = torch.tanh(xt @ self.W_x.T + (s * hprev) @ self.W_h.T + self.b)
            return (1 - u) * hprev + u * hnew
    return Cell()


# dinohunter2836/diploma sec_domain.tex, LSTM: row-vector form x_t U_* + h_{t-1} W_*, U_* (x x h), W_* (h x h) for
# gates f, i, o and candidate N; no biases. Count: 4*(x*h + h*h).
@_export
def h41b_dinohunter_lstm(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.U = nn.ParameterDict({k: _p(x, h) for k in 'fico'})
            self.W = nn.ParameterDict({k: _p(h, h) for k in 'fico'})

        def forward(self, xt, hprev, cprev):
            g = {k: xt @ self.U[k] + hprev @ self.W[k] for k in 'fico'}
            f, i, o = torch.sigmoid(g['f']), torch.sigmoid(g['i']), torch.sigmoid(g['o'])
            n = torch.tanh(g['c'])
            c = f * cprev + i * n
            return o * torch.tanh(c), c
    return Cell()


# martinaticha93/Master_thesis 3_technical_background.tex, LSTM: W_{x*} (h x x), W_{h*} (h x h), b_* (h) for f, i, C~, o.
# Count: 4*(h*x + h*h + h).
@_export
def h41b_martinaticha_lstm(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.Wx = nn.ModuleDict({k: nn.Linear(x, h, bias=True) for k in 'fico'})   # carries b_*
            self.Wh = nn.ModuleDict({k: nn.Linear(h, h, bias=False) for k in 'fico'})

        def forward(self, xt, hprev, cprev):
            g = {k: self.Wx[k](xt) + self.Wh[k](hprev) for k in 'fico'}
            f, i, o = torch.sigmoid(g['f']), torch.sigmoid(g['i']), torch.sigmoid(g['o'])
            c = f * cprev + i * torch.tanh(g['c'])
            return o * torch.tanh(c), c
    return Cell()


# martinaticha93/Master_thesis 3_technical_background.tex, ConvLSTM (refuse: kernel size, channel counts and bias shape
# never stated). Most plausible reading (Shi et al. 2015 as implemented): W_{x*} conv x->h channels, W_{h*} conv h->h
# channels, kernel k x k, one bias per hidden channel, for f, i, C~, o.
# Count: 4*(k*k*x*h + k*k*h*h + h).
@_export
def h41b_martinaticha_convlstm(x=7, h=5, k=3):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.Wx = nn.ModuleDict({g: nn.Conv2d(x, h, k, padding=k // 2, bias=True) for g in 'fico'})
            self.Wh = nn.ModuleDict({g: nn.Conv2d(h, h, k, padding=k // 2, bias=False) for g in 'fico'})

        def forward(self, xt, hprev, cprev):
            a = {g: self.Wx[g](xt) + self.Wh[g](hprev) for g in 'fico'}
            f, i, o = torch.sigmoid(a['f']), torch.sigmoid(a['i']), torch.sigmoid(a['o'])
            c = f * cprev + i * torch.tanh(a['c'])
            return o * torch.tanh(c), c
    return Cell()


# MattiaLimone/dnn-hmm-doc sections/architecture/lstm.tex, LSTM on [h_{t-1} | x_t]: W_f, W_i (prose only), W_c, W_o each
# (h x (h+x)) with biases b_f, b_i, b_c, b_o (h); the last equation (written o_t = tanh(c_t) * o_t) is read as h_t.
# Count: 4*(h*(h+x) + h).
@_export
def h41b_mattialimone_lstm(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W = nn.ModuleDict({k: nn.Linear(h + x, h) for k in 'fico'})

        def forward(self, xt, hprev, cprev):
            z = torch.cat([hprev, xt], -1)
            f, i, o = (torch.sigmoid(self.W[k](z)) for k in 'fio')
            c = f * cprev + i * torch.tanh(self.W['c'](z))
            return torch.tanh(c) * o, c
    return Cell()


# NebularEclipse/thesis-latex chapters/chapter3.tex, LSTM (refuse: only the gates i, f, o are written; the candidate,
# cell and hidden-state updates are missing). Most plausible reading: a standard LSTM on [h_{t-1}, x_t] whose candidate
# has the same form as the gates: w_i, w_f, w_o, w_c each (h x (h+x)) with biases (h).
# Count: 4*(h*(h+x) + h) (the three written gates alone: 3*(h*(h+x) + h) = 195).
@_export
def h41b_nebular_lstm(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.w = nn.ModuleDict({k: nn.Linear(h + x, h) for k in 'ifoc'})

        def forward(self, xt, hprev, cprev):
            z = torch.cat([hprev, xt], -1)
            i, f, o = (torch.sigmoid(self.w[k](z)) for k in 'ifo')
            c = f * cprev + i * torch.tanh(self.w['c'](z))
            return o * torch.tanh(c), c
    return Cell()


# bountrisv/thmmy-final-thesis chapter02.tex, RNN: W_h (= W_{hx}, h x x), W_{hh} (h x h), b_h (h); output W_{oh} (o x h),
# b_o (o); F read as tanh; h_{init} is only an initialisation vector (not counted).
# Count: h*x + h*h + h + o*h + o.
@_export
def h41b_bountrisv_rnn(x=7, h=5, o=3):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_h = _p(h, x)
            self.W_hh = _p(h, h)
            self.b_h = _p(h)
            self.W_oh = _p(o, h)
            self.b_o = _p(o)

        def forward(self, xt, hprev):
            ht = torch.tanh(xt @ self.W_h.T + hprev @ self.W_hh.T + self.b_h)
            return ht @ self.W_oh.T + self.b_o, ht
    return Cell()


# bountrisv/thmmy-final-thesis chapter02.tex, peephole LSTM (Graves 2013): W_{x*} (h x x), W_{h*} (h x h), b_* (h) for
# i, f, c, o; peepholes W_{ci}, W_{cf}, W_{co} diagonal (stated), i.e. h each.
# Count: 4*(h*x + h*h + h) + 3*h.
@_export
def h41b_bountrisv_lstm(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.Wx = nn.ParameterDict({k: _p(h, x) for k in 'ifco'})
            self.Wh = nn.ParameterDict({k: _p(h, h) for k in 'ifco'})
            self.b = nn.ParameterDict({k: _p(h) for k in 'ifco'})
            self.Wc = nn.ParameterDict({k: _p(h) for k in 'ifo'})   # diagonal peepholes

        def forward(self, xt, hprev, cprev):
            a = {k: xt @ self.Wx[k].T + hprev @ self.Wh[k].T + self.b[k] for k in 'ifco'}
            i = torch.sigmoid(a['i'] + self.Wc['i'] * cprev)
            f = torch.sigmoid(a['f'] + self.Wc['f'] * cprev)
            c = f * cprev + i * torch.tanh(a['c'])
            o = torch.sigmoid(a['o'] + self.Wc['o'] * c)
            return o * torch.tanh(c), c
    return Cell()


# kilingar/thesis appendix.tex, GRU: W_{hU}, W_{hR}, W_h (n x n); W_{u'U}, W_{u'R}, W_{u'} (n x m); biases b_U, b_{R,1},
# b_{R,2} (n); candidate W_h (r * h_{t-1}); h_t = z h_{t-1} + (1-z) h~.
# Count: 3*(n*n + n*m + n).
@_export
def h41b_kilingar_gru(m=7, n=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_hU, self.W_uU, self.b_U = _p(n, n), _p(n, m), _p(n)
            self.W_hR, self.W_uR, self.b_R1 = _p(n, n), _p(n, m), _p(n)
            self.W_h, self.W_u, self.b_R2 = _p(n, n), _p(n, m), _p(n)

        def forward(self, u, hprev):
            z = torch.sigmoid(hprev @ self.W_hU.T + u @ self.W_uU.T + self.b_U)
            r = torch.sigmoid(hprev @ self.W_hR.T + u @ self.W_uR.T + self.b_R1)
            ht = torch.tanh((r * hprev) @ self.W_h.T + u @ self.W_u.T + self.b_R2)
            return z * hprev + (1 - z) * ht
    return Cell()


# manuelhk/master-thesis-tex grundlagen.tex, LSTM on [h_{t-1}, x_t]: W_f, W_i, W_o, W_c each (h x (h+x)) with biases
# b_f, b_i, b_o, b_c (h). Count: 4*(h*(h+x) + h).
@_export
def h41b_manuelhk_lstm(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W = nn.ModuleDict({k: nn.Linear(h + x, h) for k in 'fioc'})

        def forward(self, xt, hprev, cprev):
            z = torch.cat([hprev, xt], -1)
            f, i, o = (torch.sigmoid(self.W[k](z)) for k in 'fio')
            c = f * cprev + i * torch.tanh(self.W['c'](z))
            return o * torch.tanh(c), c
    return Cell()


# ksenia1997/Stylized_NLG_bc chapters.tex, Elman RNN: W_h (h x h), W_x (h x x), no hidden bias; output W_o (o x h),
# no bias, softmax. Count: h*h + h*x + o*h.
@_export
def h41b_ksenia_rnn(x=7, h=5, o=3):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_h = _p(h, h)
            self.W_x = _p(h, x)
            self.W_o = _p(o, h)

        def forward(self, xt, hprev):
            ht = torch.sigmoid(hprev @ self.W_h.T + xt @ self.W_x.T)
            return torch.softmax(ht @ self.W_o.T, -1), ht
    return Cell()


# yonathansantosa/thesis ch3_preliminaries.tex, LSTM on [h_{t-1}, x_t]: W_f, W_i, W_C, W_o each (h x (h+x)) with biases
# (h); \hat{y}_t = softmax(o_t) adds no parameters. Count: 4*(h*(h+x) + h).
@_export
def h41b_yonathan_lstm(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W = nn.ModuleDict({k: nn.Linear(h + x, h) for k in 'fiCo'})

        def forward(self, xt, hprev, Cprev):
            z = torch.cat([hprev, xt], -1)
            f, i, o = (torch.sigmoid(self.W[k](z)) for k in 'fio')
            C = f * Cprev + i * torch.tanh(self.W['C'](z))
            ht = o * torch.tanh(C)
            return torch.softmax(o, -1), ht, C
    return Cell()
