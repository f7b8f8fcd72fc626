"""Oracles for the h38c set-aside snippets (heldout38), as its gatherer wrote them."""
import torch
from torch import nn

__all__ = []


def _export(f):
    __all__.append(f.__name__)
    return f


def _p(*shape):
    return nn.Parameter(torch.randn(*shape) * 0.1)


# loveunk/machine-learning-deep-learning-notes, section 1.10 LSTM (Ng notation, Chinese);
# W_c, W_u, W_f, W_o each (a x (a+x)) acting on [a<t-1>, x<t>], biases b_c, b_u, b_f, b_o (a);
# output a<t> = Γo * c<t> (no tanh, no extra parameters). Count: 4*(a*(a+x) + a).
@_export
def h38c_loveunk_lstm(x=7, a=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_c, self.b_c = _p(a, a + x), _p(a)
            self.W_u, self.b_u = _p(a, a + x), _p(a)
            self.W_f, self.b_f = _p(a, a + x), _p(a)
            self.W_o, self.b_o = _p(a, a + x), _p(a)

        def forward(self, xt, state):
            ap, cp = state
            z = torch.cat([ap, xt], -1)
            c_tilde = torch.tanh(z @ self.W_c.T + self.b_c)
            g_u = torch.sigmoid(z @ self.W_u.T + self.b_u)
            g_f = torch.sigmoid(z @ self.W_f.T + self.b_f)
            g_o = torch.sigmoid(z @ self.W_o.T + self.b_o)
            c = g_u * c_tilde + g_f * cp
            return g_o * c, c
    return Cell()


# rasbt/LLMs-from-scratch ch04/08_deltanet README, class GatedDeltaNet (qkv_bias=False default);
# W_query, W_key, W_value, W_gate, W_beta (d_out x d_in, no bias), W_alpha (num_heads x d_in),
# dt_bias, A_log (num_heads), RMSNorm weight (head_dim), out_proj (d_out x d_out + d_out).
# Count: 5*d_out*d_in + num_heads*d_in + 2*num_heads + d_out/num_heads + d_out*d_out + d_out.
@_export
def h38c_rasbt_gated_deltanet(d_in=7, d_out=6, num_heads=2):
    import torch.nn.functional as F

    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.H, self.hd = num_heads, d_out // num_heads
            self.W_query = nn.Linear(d_in, d_out, bias=False)
            self.W_key = nn.Linear(d_in, d_out, bias=False)
            self.W_value = nn.Linear(d_in, d_out, bias=False)
            self.W_gate = nn.Linear(d_in, d_out, bias=False)
            self.W_beta = nn.Linear(d_in, d_out, bias=False)
            self.W_alpha = nn.Linear(d_in, num_heads, bias=False)
            self.dt_bias = nn.Parameter(torch.ones(num_heads))
            self.A_log = nn.Parameter(torch.zeros(num_heads))
            self.norm = nn.RMSNorm(self.hd, eps=1e-6)
            self.out_proj = nn.Linear(d_out, d_out)

        def forward(self, xt, S):
            # one token: xt (b, d_in), S (b, H, hd, hd)
            b = xt.shape[0]
            q = self.W_query(xt).view(b, self.H, self.hd)
            k = self.W_key(xt).view(b, self.H, self.hd)
            v = self.W_value(xt).view(b, self.H, self.hd)
            beta = torch.sigmoid(self.W_beta(xt)).view(b, self.H, self.hd)
            gate = self.W_gate(xt).view(b, self.H, self.hd)
            alpha = (-self.A_log.exp() * F.softplus(self.W_alpha(xt) + self.dt_bias)).exp()
            q = q * torch.rsqrt((q * q).sum(-1, keepdim=True) + 1e-6) / self.hd ** 0.5
            k = k * torch.rsqrt((k * k).sum(-1, keepdim=True) + 1e-6)
            S = S * alpha[:, :, None, None]
            kv_mem = (S * k.unsqueeze(-1)).sum(-2)
            delta = (v - kv_mem) * beta
            S = S + k.unsqueeze(-1) * delta.unsqueeze(-2)
            y = (S * q.unsqueeze(-1)).sum(-2)
            y = self.norm(y) * F.silu(gate)
            return self.out_proj(y.reshape(b, -1)), S
    return Cell()


# Ugenteraan/Image-Caption-Generation-PyTorch Vanilla-RNN/README.md, many-to-many RNN;
# W_xh (x x h), W_hh (h x h), b_h (h); output W_yh (h x y), b_y (y). Count: x*h + h*h + h + h*y + y.
@_export
def h38c_ugenteraan_rnn(x=7, h=5, y=3):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_xh, self.W_hh, self.b_h = _p(x, h), _p(h, h), _p(h)
            self.W_yh, self.b_y = _p(h, y), _p(y)

        def forward(self, xt, hp):
            ht = torch.tanh(xt @ self.W_xh + hp @ self.W_hh + self.b_h)
            return torch.softmax(ht @ self.W_yh + self.b_y, -1), ht
    return Cell()


# romansorin/stanford-cs224n-nlp-notes, Lecture 7 LSTM (equations stripped, prose only); most plausible
# reading is the CS224N LSTM: per gate f, i, o and candidate c~: W (n x n) on h^{t-1}, U (n x x) on x^t,
# bias b (n). Count: 4*(n*n + n*x + n).
@_export
def h38c_romansorin_lstm(x=7, n=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W = nn.ParameterList([_p(n, n) for _ in range(4)])
            self.U = nn.ParameterList([_p(n, x) for _ in range(4)])
            self.b = nn.ParameterList([_p(n) for _ in range(4)])

        def forward(self, xt, state):
            hp, cp = state
            z = [hp @ W.T + xt @ U.T + b for W, U, b in zip(self.W, self.U, self.b)]
            f, i, o = torch.sigmoid(z[0]), torch.sigmoid(z[1]), torch.sigmoid(z[2])
            c = f * cp + i * torch.tanh(z[3])
            return o * torch.tanh(c), c
    return Cell()


# ElliottYan/Elliott-s_blog lstm.md; gates f, i, g, o each W_x? (h x x), W_h? (h x h), b_? (h);
# output z_t = W_hz h_t + b_z with W_hz (z x h), b_z (z). Count: 4*(h*x + h*h + h) + z*h + z.
@_export
def h38c_elliott_lstm(x=7, h=5, z=3):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.Wx = nn.ParameterDict({g: _p(h, x) for g in 'figo'})
            self.Wh = nn.ParameterDict({g: _p(h, h) for g in 'figo'})
            self.b = nn.ParameterDict({g: _p(h) for g in 'figo'})
            self.W_hz, self.b_z = _p(z, h), _p(z)

        def forward(self, xt, state):
            hp, cp = state
            a = {g: xt @ self.Wx[g].T + hp @ self.Wh[g].T + self.b[g] for g in 'figo'}
            f, i, o = torch.sigmoid(a['f']), torch.sigmoid(a['i']), torch.sigmoid(a['o'])
            c = f * cp + i * torch.tanh(a['g'])
            ht = o * torch.tanh(c)
            return ht @ self.W_hz.T + self.b_z, (ht, c)
    return Cell()


# xmuhlw/notes lstm.md (parameter list in prose, lines 13-27): W(fh), W(ih), W(ch), W(oh) (h x h),
# W(fx), W(ix), W(cx), W(ox) (h x x), b(f), b(i), b(c), b(o) (h). Count: 4*(h*h + h*x + h).
@_export
def h38c_xmuhlw_lstm(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.Wh = nn.ParameterDict({g: _p(h, h) for g in 'fico'})
            self.Wx = nn.ParameterDict({g: _p(h, x) for g in 'fico'})
            self.b = nn.ParameterDict({g: _p(h) for g in 'fico'})

        def forward(self, xt, state):
            hp, cp = state
            a = {g: hp @ self.Wh[g].T + xt @ self.Wx[g].T + self.b[g] for g in 'fico'}
            f, i, o = torch.sigmoid(a['f']), torch.sigmoid(a['i']), torch.sigmoid(a['o'])
            c = f * cp + i * torch.tanh(a['c'])
            return o * torch.tanh(c), c
    return Cell()


# Jal-ghamdi/jal-ghamdi.github.io README.md, RNN steps: W_h (h x (x+h)) on [x_t, h_{t-1}], hidden
# bias b (h); output W_o (output_probs x h) with its own bias b (output_probs) (same letter, different
# sizes). Count: h*(x+h) + h + output_probs*h + output_probs.
@_export
def h38c_jal_rnn(x=7, h=5, output_probs=3):
    y = output_probs

    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_h, self.b_h = _p(h, x + h), _p(h)
            self.W_o, self.b_o = _p(y, h), _p(y)

        def forward(self, xt, hp):
            ht = torch.tanh(torch.cat([xt, hp], -1) @ self.W_h.T + self.b_h)
            return torch.softmax(ht @ self.W_o.T + self.b_o, -1), ht
    return Cell()


# Jal-ghamdi/jal-ghamdi.github.io LSTM.md (prose; refuse): most plausible reading takes each of the
# four "control neural networks" f_n, C~_n, i_n, o_n as one dense layer with bias on [W_{n-1}, h_{n-1}]:
# each (h x (W+h)) + (h). Count: 4*(h*(W+h) + h).
@_export
def h38c_jal_lstm(W=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.nets = nn.ModuleDict({g: nn.Linear(W + h, h) for g in ['f', 'C', 'i', 'o']})

        def forward(self, wt, state):
            hp, cp = state
            z = torch.cat([wt, hp], -1)
            f, i, o = (torch.sigmoid(self.nets[g](z)) for g in 'fio')
            c = f * cp + i * torch.tanh(self.nets['C'](z))
            return o * torch.tanh(c), c
    return Cell()


# Muxy1108/My-Machine-Learning-Notes RNN.md, GRU: W_z, W_r, W_h each (h x (h+x)) on concatenations,
# b_z, b_r, b_h (h). Count: 3*(h*(h+x) + h).
@_export
def h38c_muxy_gru(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_z, self.b_z = _p(h, h + x), _p(h)
            self.W_r, self.b_r = _p(h, h + x), _p(h)
            self.W_h, self.b_h = _p(h, h + x), _p(h)

        def forward(self, xt, hp):
            z = torch.sigmoid(torch.cat([hp, xt], -1) @ self.W_z.T + self.b_z)
            r = torch.sigmoid(torch.cat([hp, xt], -1) @ self.W_r.T + self.b_r)
            hh = torch.tanh(torch.cat([r * hp, xt], -1) @ self.W_h.T + self.b_h)
            return (1 - z) * hp + z * hh
    return Cell()


# thiomajid/ml-notes "From Transformers to xLSTM", LSTM section (PyTorch-style): per gate i, f, g, o:
# W_i? (h x x), b_i? (h), W_h? (h x h), b_h? (h). Count: 4*(h*x + h + h*h + h).
@_export
def h38c_thiomajid_lstm(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.ih = nn.Linear(x, 4 * h)   # W_ii, W_if, W_ig, W_io and b_ii, ..., b_io
            self.hh = nn.Linear(h, 4 * h)   # W_hi, W_hf, W_hg, W_ho and b_hi, ..., b_ho

        def forward(self, xt, state):
            hp, cp = state
            i, f, g, o = (self.ih(xt) + self.hh(hp)).chunk(4, -1)
            c = torch.sigmoid(f) * cp + torch.sigmoid(i) * torch.tanh(g)
            return torch.sigmoid(o) * torch.tanh(c), c
    return Cell()


# thiomajid/ml-notes "From Transformers to xLSTM", xLSTM section (refuse): most plausible reading is the
# scalar memory cell of the formulas (w^T x is a scalar): w_z, w_i, w_f, w_o (x), r_z, r_i, r_f, r_o (1),
# b_z, b_i, b_f, b_o (1); exponential gating and stabilizer/normalizer add no parameters. Count: 4*(x + 2).
@_export
def h38c_thiomajid_xlstm(x=7):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.w = nn.ParameterDict({g: _p(x) for g in 'zifo'})
            self.r = nn.ParameterDict({g: _p(1) for g in 'zifo'})
            self.b = nn.ParameterDict({g: _p(1) for g in 'zifo'})

        def forward(self, xt, state):
            hp, cp, np_, mp = state
            pre = {g: xt @ self.w[g] + self.r[g] * hp + self.b[g] for g in 'zifo'}
            z, o = torch.tanh(pre['z']), torch.sigmoid(pre['o'])
            log_i, log_f = pre['i'], pre['f']          # exponential gating: i = exp(i~), f = exp(f~)
            m = torch.maximum(log_f + mp, log_i)
            i, f = torch.exp(log_i - m), torch.exp(log_f + mp - m)
            c = f * cp + i * z
            n = f * np_ + i
            return o * (c / n), c, n, m
    return Cell()


# thiomajid/ml-notes "Recurrent Neural Network" (French): W_xh (h x x), W_hh (h x h), b_h (h);
# output W_ho (o x h), b_o (o). Count: h*x + h*h + h + o*h + o.
@_export
def h38c_thiomajid_rnn_fr(x=7, h=5, o=3):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_xh, self.W_hh, self.b_h = _p(h, x), _p(h, h), _p(h)
            self.W_ho, self.b_o = _p(o, h), _p(o)

        def forward(self, xt, hp):
            ht = torch.tanh(xt @ self.W_xh.T + hp @ self.W_hh.T + self.b_h)
            return torch.sigmoid(ht @ self.W_ho.T + self.b_o), ht
    return Cell()


# birdx0810/ml-notes papers/gru_d.md, "Original GRU": W_z, W_r, W (h x x), U_z, U_r, U (h x h),
# b_z, b_r, b (h). Count: 3*(h*x + h*h + h).
@_export
def h38c_birdx_gru(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_z, self.U_z, self.b_z = _p(h, x), _p(h, h), _p(h)
            self.W_r, self.U_r, self.b_r = _p(h, x), _p(h, h), _p(h)
            self.W, self.U, self.b = _p(h, x), _p(h, h), _p(h)

        def forward(self, xt, hp):
            z = torch.sigmoid(xt @ self.W_z.T + hp @ self.U_z.T + self.b_z)
            r = torch.sigmoid(xt @ self.W_r.T + hp @ self.U_r.T + self.b_r)
            hh = torch.tanh(xt @ self.W.T + (r * hp) @ self.U.T + self.b)
            return (1 - z) * hp + z * hh
    return Cell()
