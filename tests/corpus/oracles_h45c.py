"""Oracles for the h45c set-aside snippets (heldout45), as its gatherer wrote them."""
import torch
from torch import nn

__all__ = []


def _export(f):
    __all__.append(f.__name__)
    return f


def _p(*shape):
    return nn.Parameter(torch.randn(*shape) * 0.1)


# ShafwanAdhi/rnn-from-scratch README.md, "Mathematical Formulation"; W_x (h, x), W_h (h, h), b_h (h),
# W_y (y, h), b_y (y); activation tanh (default), output_activation sigmoid (default);
# Count: h*x + h*h + h + y*h + y.
@_export
def h45c_shafwan_rnn_readme(input_features=7, hidden_units=5, num_output=3):
    x, h, y = input_features, hidden_units, num_output

    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_x = _p(h, x)
            self.W_h = _p(h, h)
            self.b_h = _p(h)
            self.W_y = _p(y, h)
            self.b_y = _p(y)

        def forward(self, xt, hp):
            ht = torch.tanh(xt @ self.W_x.T + hp @ self.W_h.T + self.b_h)
            yt = torch.sigmoid(ht @ self.W_y.T + self.b_y)
            return yt, ht
    return Cell()


# ShelbySolomonDarnell/rnns-lstm-gru-simplified readme.md; most plausible reading: one minGRU layer on an embedding:
# Embed (V, x), W_z (h, x) (k_t = W_z x_t, no bias), candidate W_h (h, x) (h~_t = W_h x_t, implied by the paper,
# not written), output W (V, h) and b (V); Count: V*x + 2*h*x + V*h + V.
@_export
def h45c_shelby_mingru_logspace(x=7, h=5, V=11):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.embed = nn.Embedding(V, x)
            self.W_z = _p(h, x)
            self.W_h = _p(h, x)
            self.W = _p(V, h)
            self.b = _p(V)

        def forward(self, wt, hp):
            xt = self.embed(wt)
            z = torch.sigmoid(xt @ self.W_z.T)
            hh = xt @ self.W_h.T
            g = torch.where(hh >= 0, hh + 0.5, torch.sigmoid(hh))
            ht = (1 - z) * hp + z * g
            return ht @ self.W.T + self.b, ht
    return Cell()


# Jagan515/DeepLearningNotes GRU/README.md sections 5-7; concatenated [h_{t-1}, x_t]: W_z, W_r, W_h (h, h+x),
# b_z, b_r, b_h (h); candidate on [r_t * h_{t-1}, x_t]; Count: 3*(h*(h+x) + h).
@_export
def h45c_jagan_gru_notes(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W = nn.ParameterDict({g: _p(h, h + x) for g in 'zrh'})
            self.b = nn.ParameterDict({g: _p(h) for g in 'zrh'})

        def forward(self, xt, hp):
            cat = torch.cat([hp, xt], -1)
            z = torch.sigmoid(cat @ self.W['z'].T + self.b['z'])
            r = torch.sigmoid(cat @ self.W['r'].T + self.b['r'])
            ht_ = torch.tanh(torch.cat([r * hp, xt], -1) @ self.W['h'].T + self.b['h'])
            return (1 - z) * hp + z * ht_
    return Cell()


# subham-28/SequenceModels_PaperReplication GRU/README.md "GRU Equations"; no biases written:
# W_r, W_z (h, x+h) on [x_t, h_(t-1)], W_h (h, h+x) on [r_t * h_(t-1), x_t]; Count: 3*h*(x+h).
@_export
def h45c_subham_gru_nobias(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_r = _p(h, x + h)
            self.W_z = _p(h, x + h)
            self.W_h = _p(h, h + x)

        def forward(self, xt, hp):
            cat = torch.cat([xt, hp], -1)
            r = torch.sigmoid(cat @ self.W_r.T)
            z = torch.sigmoid(cat @ self.W_z.T)
            hb = torch.tanh(torch.cat([r * hp, xt], -1) @ self.W_h.T)
            return (1 - z) * hp + z * hb
    return Cell()


# JyunYiWu-0218/AI_documental LSTM/README.md (LSTMP of Sak et al. with recurrent and non-recurrent projections);
# W_ix, W_fx, W_cx, W_ox (n_c, n_i); W_ir, W_rf, W_cr, W_or (n_c, n_r); diagonal peepholes W_ic, W_cf, W_oc (n_c)
# (the note's own count uses n_c x 3); b_i, b_f, b_c, b_o (n_c); W_rm (n_r, n_c); W_pm (n_p, n_c);
# W_yr (n_o, n_r), W_yp (n_o, n_p), b_y (n_o); g = h = tanh;
# Count: 4*n_c*n_i + 4*n_c*n_r + 3*n_c + 4*n_c + n_r*n_c + n_p*n_c + n_o*(n_r+n_p) + n_o.
@_export
def h45c_jyunyi_lstmp_zh(n_i=7, n_c=5, n_r=3, n_p=2, n_o=4):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.Wx = nn.ParameterDict({g: _p(n_c, n_i) for g in 'ifco'})
            self.Wr = nn.ParameterDict({g: _p(n_c, n_r) for g in 'ifco'})
            self.Wc = nn.ParameterDict({g: _p(n_c) for g in 'ifo'})
            self.b = nn.ParameterDict({g: _p(n_c) for g in 'ifco'})
            self.W_rm = _p(n_r, n_c)
            self.W_pm = _p(n_p, n_c)
            self.W_yr = _p(n_o, n_r)
            self.W_yp = _p(n_o, n_p)
            self.b_y = _p(n_o)

        def forward(self, xt, rp, cp):
            lin = lambda g: xt @ self.Wx[g].T + rp @ self.Wr[g].T + self.b[g]
            i = torch.sigmoid(lin('i') + self.Wc['i'] * cp)
            f = torch.sigmoid(lin('f') + self.Wc['f'] * cp)
            c = f * cp + i * torch.tanh(lin('c'))
            o = torch.sigmoid(lin('o') + self.Wc['o'] * c)
            m = o * torch.tanh(c)
            r = m @ self.W_rm.T
            p = m @ self.W_pm.T
            y = r @ self.W_yr.T + p @ self.W_yp.T + self.b_y
            return y, r, c
    return Cell()


# NightThought/hand-lstm README.md "LSTM单元方程"; per gate g in f, i, o, g: U_g (h, x), V_g (h, h), b_g (h)
# (x_i read as x_t, b_0 as b_o); Count: 4*(h*x + h*h + h).
@_export
def h45c_nightthought_lstm_zh(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.U = nn.ParameterDict({g: _p(h, x) for g in 'fiog'})
            self.V = nn.ParameterDict({g: _p(h, h) for g in 'fiog'})
            self.b = nn.ParameterDict({g: _p(h) for g in 'fiog'})

        def forward(self, xt, hp, cp):
            lin = lambda g: xt @ self.U[g].T + hp @ self.V[g].T + self.b[g]
            f, i, o = torch.sigmoid(lin('f')), torch.sigmoid(lin('i')), torch.sigmoid(lin('o'))
            c = f * cp + i * torch.tanh(lin('g'))
            return o * torch.tanh(c), c
    return Cell()


# Jagan515/DeepLearningNotes RNN-LSTM-GRU-Gate.md, "2. LSTM"; Wf, Wi, Wc, Wo (h, h+x) on [h_{t-1}, x_t],
# no biases written; Count: 4*h*(h+x).
@_export
def h45c_jagan_lstm_unicode(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W = nn.ParameterDict({g: _p(h, h + x) for g in 'fico'})

        def forward(self, xt, hp, cp):
            cat = torch.cat([hp, xt], -1)
            f = torch.sigmoid(cat @ self.W['f'].T)
            i = torch.sigmoid(cat @ self.W['i'].T)
            cc = torch.tanh(cat @ self.W['c'].T)
            c = f * cp + i * cc
            o = torch.sigmoid(cat @ self.W['o'].T)
            return o * torch.tanh(c), c
    return Cell()


# LpppJ/LpppJ.github.io Mamba/_posts/2024-10-28-mamba.md "2. State Space Models"; most plausible reading:
# D independent single-input channels ("DN per input"), each with A (N, N), B (N, 1), C (1, N) and a learned
# step Delta (scalar), zero-order-hold discretization; Count: D*(N*N + 2*N + 1).
@_export
def h45c_lpppj_s4_ssm_ko(N=4, D=3):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.A = _p(D, N, N)
            self.B = _p(D, N, 1)
            self.C = _p(D, 1, N)
            self.log_dt = _p(D)

        def forward(self, xt, hp):
            # xt: (batch, D), hp: (batch, D, N)
            dt = torch.exp(self.log_dt)[:, None, None]
            Ab = torch.matrix_exp(dt * self.A)
            Bb = torch.linalg.solve(self.A + 1e-3 * torch.eye(N), (Ab - torch.eye(N)) @ self.B)
            ht = (Ab @ hp.unsqueeze(-1)).squeeze(-1) + Bb.squeeze(-1) * xt.unsqueeze(-1)
            yt = (self.C @ ht.unsqueeze(-1)).squeeze(-1).squeeze(-1)
            return yt, ht
    return Cell()


# Barry-Yellow/barry-yellow.github.io DMT/NLPLearning.md section 2; most plausible reading: the LSTM of 2.2
# completed in the standard way: W_f, W_i, W_o and the unwritten W_C (h, h+x) on [h_{t-1}, x_t], b_f, b_i, b_o, b_C
# (h), h_t = o_t * tanh(C_t) (not written); Count: 4*(h*(h+x) + h).
@_export
def h45c_barryyellow_lstm_partial_zh(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W = nn.ParameterDict({g: _p(h, h + x) for g in 'fioC'})
            self.b = nn.ParameterDict({g: _p(h) for g in 'fioC'})

        def forward(self, xt, hp, cp):
            cat = torch.cat([hp, xt], -1)
            lin = lambda g: cat @ self.W[g].T + self.b[g]
            f, i, o = torch.sigmoid(lin('f')), torch.sigmoid(lin('i')), torch.sigmoid(lin('o'))
            c = f * cp + i * torch.tanh(lin('C'))
            return o * torch.tanh(c), c
    return Cell()


# vinhtc27/deeplearning docs/lstm.md; fused W (4H, H+d) and b (4H) on [h_{t-1}; x_t] (the per-gate W_f, W_i, W_g,
# W_o, b_* are its blocks, not extra parameters); Count: 4H*(H+d) + 4H.
@_export
def h45c_vinhtc_lstm_stacked_vi(d=7, H=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W = _p(4 * H, H + d)
            self.b = _p(4 * H)

        def forward(self, xt, hp, cp):
            z = torch.cat([hp, xt], -1) @ self.W.T + self.b
            f, i, g, o = z.chunk(4, -1)
            c = torch.sigmoid(f) * cp + torch.sigmoid(i) * torch.tanh(g)
            return torch.sigmoid(o) * torch.tanh(c), c
    return Cell()


# cyberanima/technotes dldl/lstm.md; row-vector form: W_x^{(f,g,i,o)} (x, h), W_h^{(f,g,i,o)} (h, h),
# b^{(f,g,i,o)} (h); Count: 4*(x*h + h*h + h).
@_export
def h45c_cyberanima_lstm_rowvec_zh(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.Wx = nn.ParameterDict({g: _p(x, h) for g in 'fgio'})
            self.Wh = nn.ParameterDict({g: _p(h, h) for g in 'fgio'})
            self.b = nn.ParameterDict({g: _p(h) for g in 'fgio'})

        def forward(self, xt, hp, cp):
            lin = lambda g: xt @ self.Wx[g] + hp @ self.Wh[g] + self.b[g]
            f, i, o = torch.sigmoid(lin('f')), torch.sigmoid(lin('i')), torch.sigmoid(lin('o'))
            g = torch.tanh(lin('g'))
            c = f * cp + g * i
            return o * torch.tanh(c), c
    return Cell()
