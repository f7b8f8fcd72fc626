"""Oracles for the h42c set-aside snippets (heldout42), as its gatherer wrote them."""
import torch
from torch import nn

__all__ = []


def _export(f):
    __all__.append(f.__name__)
    return f


def _p(*shape):
    return nn.Parameter(torch.randn(*shape) * 0.1)


# Davidham3/blog, Hugo post (Chinese notes on GCRN), section 2.2 FC-LSTM (Graves 2013) with peepholes;
# W_{xi}, W_{xf}, W_{xc}, W_{xo} (d_h, d_x); W_{hi}, W_{hf}, W_{hc}, W_{ho} (d_h, d_h);
# peepholes w_{ci}, w_{cf}, w_{co} (d_h) used with \odot (diagonal); b_i, b_f, b_c, b_o (d_h);
# Count: 4*d_h*d_x + 4*d_h*d_h + 3*d_h + 4*d_h.
@_export
def h42c_davidham3_fclstm_zh(d_x=7, d_h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.Wx = nn.ParameterDict({g: _p(d_h, d_x) for g in 'ifco'})
            self.Wh = nn.ParameterDict({g: _p(d_h, d_h) for g in 'ifco'})
            self.wc = nn.ParameterDict({g: _p(d_h) for g in 'ifo'})
            self.b = nn.ParameterDict({g: _p(d_h) for g in 'ifco'})

        def forward(self, x, h, c):
            lin = lambda g: x @ self.Wx[g].T + h @ self.Wh[g].T + self.b[g]
            i = torch.sigmoid(lin('i') + self.wc['i'] * c)
            f = torch.sigmoid(lin('f') + self.wc['f'] * c)
            c_new = f * c + i * torch.tanh(lin('c'))
            o = torch.sigmoid(lin('o') + self.wc['o'] * c_new)
            return o * torch.tanh(c_new), c_new
    return Cell()


# ailever/ailever, grucell.md (Keras GRUCell, reset_after=True), TensorFlow re-derivation;
# W_z, W_r, W_c (x, h); U_z, U_r, U_c (h, h); input biases b0_z, b0_r, b0_c (h) and recurrent biases
# b1_z, b1_r, b1_c (h) (the (2, 12) bias); Count: 3*x*h + 3*h*h + 6*h.
@_export
def h42c_ailever_grucell_keras(x=8, h=4):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W = nn.ParameterDict({g: _p(x, h) for g in 'zrc'})
            self.U = nn.ParameterDict({g: _p(h, h) for g in 'zrc'})
            self.b0 = nn.ParameterDict({g: _p(h) for g in 'zrc'})
            self.b1 = nn.ParameterDict({g: _p(h) for g in 'zrc'})

        def forward(self, xt, hp):
            z = torch.sigmoid((xt @ self.W['z'] + self.b0['z']) + (hp @ self.U['z'] + self.b1['z']))
            r = torch.sigmoid((xt @ self.W['r'] + self.b0['r']) + (hp @ self.U['r'] + self.b1['r']))
            c = torch.tanh((xt @ self.W['c'] + self.b0['c']) + r * (hp @ self.U['c'] + self.b1['c']))
            return (1 - z) * c + z * hp
    return Cell()


# souhhmm.github.io/posts/placeholder, linear RNN step; read from the PyTorch code (the math's A_t, B_t, C_t
# are time-indexed and elementwise, never defined): A (d_model) vector, B (d_model, d_model) no bias,
# C (d_model, d_model) no bias; Count: d_model + 2*d_model^2.
@_export
def h42c_souhhmm_linrnn(d_model=7):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.A = _p(d_model)
            self.B = nn.Linear(d_model, d_model, bias=False)
            self.C = nn.Linear(d_model, d_model, bias=False)

        def forward(self, x, h):
            h_new = self.A * h + self.B(x)
            return self.C(h_new), h_new
    return Cell()


# Soham5454/ml-notes, 08-pytorch/11-rnns-lstm-sequence-models.md, basic RNN cell
# hidden_t = tanh(W_input * x_t + W_hidden * hidden_{t-1} + b): W_input (hidden, x), W_hidden (hidden, hidden),
# b (hidden); Count: hidden*x + hidden*hidden + hidden.
@_export
def h42c_soham5454_rnn(x=7, hidden=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_input = _p(hidden, x)
            self.W_hidden = _p(hidden, hidden)
            self.b = _p(hidden)

        def forward(self, xt, hprev):
            return torch.tanh(xt @ self.W_input.T + hprev @ self.W_hidden.T + self.b)
    return Cell()


# JustinCheung168/ml-notes, LSTM note "Whitebox" (Géron notation); W_xi, W_xf, W_xo, W_xg (x, h) used transposed,
# W_hi, W_hf, W_ho, W_hg (h, h), b_i, b_f, b_o, b_g (h); the text adds each bias after the activation
# (sigma(...) + b), which the forward pass follows; Count: 4*(x*h + h*h + h).
@_export
def h42c_justincheung_lstm(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.Wx = nn.ParameterDict({g: _p(x, h) for g in 'ifog'})
            self.Wh = nn.ParameterDict({g: _p(h, h) for g in 'ifog'})
            self.b = nn.ParameterDict({g: _p(h) for g in 'ifog'})

        def forward(self, xt, hp, cp):
            pre = lambda g: xt @ self.Wx[g] + hp @ self.Wh[g]
            i = torch.sigmoid(pre('i')) + self.b['i']
            f = torch.sigmoid(pre('f')) + self.b['f']
            o = torch.sigmoid(pre('o')) + self.b['o']
            g = torch.tanh(pre('g')) + self.b['g']
            c = f * cp + i * g
            return o * torch.tanh(c), c
    return Cell()


# jh2ee/jh2ee.github.io, GroupMamba review post (Korean); the recurrence is never written. Reading built:
# the Grouped Mamba operator = 4 VSSS blocks on c = C/4 channels each; per block: LN (2c), a Mamba S6 core
# with W_Delta (c, c) + b_Delta (c), W_B (N, c), W_C (N, c), A (c, N), D (c), LN (2c), FFN W_1 (c, c) + b_1,
# W_2 (c, c) + b_2 (no expansion stated); CAM and the layer-level FFN/LN are left out.
# Count: 4*(2c + c*c + c + 2*N*c + c*N + c + 2c + 2*(c*c + c)), c = C/4.
@_export
def h42c_jh2ee_groupmamba_ko(C=8, N=3):
    c = C // 4

    class VSSS(nn.Module):
        def __init__(self):
            super().__init__()
            self.ln1 = nn.LayerNorm(c)
            self.dt = nn.Linear(c, c)
            self.WB = nn.Linear(c, N, bias=False)
            self.WC = nn.Linear(c, N, bias=False)
            self.A = _p(c, N)
            self.D = _p(c)
            self.ln2 = nn.LayerNorm(c)
            self.W1 = nn.Linear(c, c)
            self.W2 = nn.Linear(c, c)

        def forward(self, z, s):
            u = self.ln1(z)
            dlt = nn.functional.softplus(self.dt(u))                      # (b, c)
            Abar = torch.exp(dlt.unsqueeze(-1) * (-torch.exp(self.A)))   # (b, c, N)
            s = Abar * s + dlt.unsqueeze(-1) * self.WB(u).unsqueeze(1) * u.unsqueeze(-1)
            y = (s * self.WC(u).unsqueeze(1)).sum(-1) + self.D * u
            z1 = z + y
            return z1 + self.W2(nn.functional.gelu(self.W1(self.ln2(z1)))), s

    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.groups = nn.ModuleList([VSSS() for _ in range(4)])

        def forward(self, x, states):
            outs, new = [], []
            for k, blk in enumerate(self.groups):
                o, s = blk(x[:, k * c:(k + 1) * c], states[k])
                outs.append(o); new.append(s)
            return torch.cat(outs, -1), new
    return Cell()


# sgugger/sgugger.github.io, recurrent-neural-network.html: RNN with output layer; sizes from the text's table:
# W_ih (n_in, n_hid), W_hh (n_hid, n_hid), W_ho (n_hid, n_out), b_ih (n_hid), b_hh (n_hid), b_ho (n_out);
# both biases are written in the equation, so both are counted; f taken as identity;
# Count: n_in*n_hid + n_hid^2 + 2*n_hid + n_hid*n_out + n_out.
@_export
def h42c_sgugger_rnn_html(n_in=7, n_hid=5, n_out=3):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_ih = _p(n_in, n_hid)
            self.W_hh = _p(n_hid, n_hid)
            self.W_ho = _p(n_hid, n_out)
            self.b_ih = _p(n_hid)
            self.b_hh = _p(n_hid)
            self.b_ho = _p(n_out)

        def forward(self, i, h):
            h = torch.tanh(i @ self.W_ih + self.b_ih + h @ self.W_hh + self.b_hh)
            return h @ self.W_ho + self.b_ho, h
    return Cell()


# Davidham3/blog, Lattice LSTM notes (Chinese): character LSTM W^c ((xc + h), 4h), b^c (4h); word cell
# w^w ((xw + h), 3h), b^w (3h); extra word-to-char gate w^l ((xc + h), h), b^l (h) on [x^c_e; c^w_{b,e}];
# embeddings e^c, e^w are lookup tables outside the cell and not counted;
# Count: (xc + h)*4h + 4h + (xw + h)*3h + 3h + (xc + h)*h + h.
@_export
def h42c_davidham3_latticelstm_zh(xc=7, xw=6, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.Wc = nn.Linear(xc + h, 4 * h)
            self.Ww = nn.Linear(xw + h, 3 * h)
            self.Wl = nn.Linear(xc + h, h)

        def forward(self, x_c, h_prev, c_prev, x_w, h_b, c_b):
            # word cell c^w_{b,e} from the word starting at b
            iw, fw, gw = self.Ww(torch.cat([x_w, h_b], -1)).chunk(3, -1)
            cw = torch.sigmoid(fw) * c_b + torch.sigmoid(iw) * torch.tanh(gw)
            i, o, f, g = self.Wc(torch.cat([x_c, h_prev], -1)).chunk(4, -1)
            i, o, g = torch.sigmoid(i), torch.sigmoid(o), torch.tanh(g)
            il = torch.sigmoid(self.Wl(torch.cat([x_c, cw], -1)))
            a = torch.softmax(torch.stack([il, i]), 0)      # alpha^c_{b,j}, alpha^c_j normalised to sum 1
            c = a[0] * cw + a[1] * g
            return o * torch.tanh(c), c
    return Cell()


# Knowledge-Precipitation-Tribe/Recurrent-neural-network, GRU notes (Chinese GitBook): row-vector products,
# W_z, W_r, W_h (h, h) on the state, U_z, U_r, U_h (x, h) on the input, no biases written;
# Count: 3*(h*h + x*h).
@_export
def h42c_kpt_gru_zh(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W = nn.ParameterDict({g: _p(h, h) for g in 'zrh'})
            self.U = nn.ParameterDict({g: _p(x, h) for g in 'zrh'})

        def forward(self, xt, hp):
            z = torch.sigmoid(hp @ self.W['z'] + xt @ self.U['z'])
            r = torch.sigmoid(hp @ self.W['r'] + xt @ self.U['r'])
            ht = torch.tanh((r * hp) @ self.W['h'] + xt @ self.U['h'])
            return (1 - z) * hp + z * ht
    return Cell()


# amirmohammadkalateh/recurrent-neural-networks-RNN-, note "Feedforward vs. Recurrent Neurons": recurrent update
# H_t = f(W_hh · H_{t-1} + W_xh · X_t + b): W_hh (H, H), W_xh (H, X), b (H); f taken as tanh (no parameters);
# the feedforward neuron Y = f(W·X + b) is only the contrast case and is not part of the cell;
# Count: H*H + H*X + H.
@_export
def h42c_amirmk_rnn(X=7, H=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_hh = _p(H, H)
            self.W_xh = _p(H, X)
            self.b = _p(H)

        def forward(self, x, h):
            return torch.tanh(h @ self.W_hh.T + x @ self.W_xh.T + self.b)
    return Cell()


# hakhyun0615/Deep_Learning, RNN.md: parts listed as bullets; W_xh (h, x), W_hh (h, h), b_h (h), tanh;
# output y_t with W_hy (y, h), b_y (y), output activation unspecified (identity here);
# Count: h*x + h*h + h + y*h + y.
@_export
def h42c_hakhyun_rnn(x=7, h=5, y=3):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_xh = _p(h, x)
            self.W_hh = _p(h, h)
            self.b_h = _p(h)
            self.W_hy = _p(y, h)
            self.b_y = _p(y)

        def forward(self, xt, hp):
            ht = torch.tanh(xt @ self.W_xh.T + hp @ self.W_hh.T + self.b_h)
            return ht @ self.W_hy.T + self.b_y, ht
    return Cell()


