"""Oracles for the h50e set-aside snippets (heldout50), as its gatherer wrote them."""
import torch
from torch import nn

__all__ = []


def _export(f):
    __all__.append(f.__name__)
    return f


def _p(*shape):
    return nn.Parameter(torch.randn(*shape) * 0.1)


# emanuelbertey/xlstm rust/xorIA/mingru.rs, minGRU header comment; two Linear(xt) maps
# (burn nn::Linear, weight h x x plus bias h) for z_t and h~_t; the gate bias constant is fixed, not learned;
# Count: 2*(h*x + h).
@_export
def h50e_emanuelbertey_mingru(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.lin_z = nn.Linear(x, h)
            self.lin_h = nn.Linear(x, h)

        def forward(self, xt, hprev):
            zt = torch.sigmoid(self.lin_z(xt))
            ht_tilde = self.lin_h(xt)
            return (1 - zt) * hprev + zt * ht_tilde
    return Cell()


# smvorwerk/xlstm-cuda OVERVIEW.md, mLSTM covariance update C_t = C_{t-1} + v_t k_t^T; the text only says
# "the model generates a key vector k_t and a value vector v_t"; most plausible reading: k_t = W_k x_t,
# v_t = W_v x_t (W_k, W_v: d x x, no bias), no gates in this rule. Count: 2*d*x. (refuse: projections/sizes undefined)
@_export
def h50e_smvorwerk_mlstm_cov(x=7, d=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_k = _p(d, x)
            self.W_v = _p(d, x)

        def forward(self, xt, Cprev):
            k = xt @ self.W_k.T
            v = xt @ self.W_v.T
            return Cprev + torch.einsum('bi,bj->bij', v, k)
    return Cell()


# wisnunugroho21/gated-sparse-deltanet layer.py docstring, Gated DeltaNet-2 token mixer. Reading (one value head
# per key head, G=1): Linear_q, Linear_k: d_model -> H*d_k; Linear_v: d_model -> H*d_v (no bias); depthwise
# ShortConv width 4 (weights only) on q, k, v; Linear_f, Linear_b: d_model -> H*d_k; Linear_w: d_model -> H*d_v;
# a: [H]; delta: [H*d_k]; head-wise RMSNorm weight d_v; gate Linear_g: d_model -> H*d_v; Linear_o: H*d_v -> d_model.
# Recurrence per head: S = (I - k e^T) Diag(alpha) S + k z^T, e = b*k, z = w*v, alpha = exp(g), o = S^T q.
# Count: 4*d*H*dk + 3*d*H*dv + H*dv*d + 4*(2*H*dk + H*dv) + H + H*dk + dv = 484 at the sizes (refuse: head counts, G, conv width/bias,
# RMSNorm weight and biases not fixed by the text).
@_export
def h50e_wisnu_gdn2_layer(d_model=7, H=2, d_k=3, d_v=4):
    K, V = H * d_k, H * d_v

    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.q = nn.Linear(d_model, K, bias=False)
            self.k = nn.Linear(d_model, K, bias=False)
            self.v = nn.Linear(d_model, V, bias=False)
            self.conv_q = _p(K, 4)
            self.conv_k = _p(K, 4)
            self.conv_v = _p(V, 4)
            self.f = nn.Linear(d_model, K, bias=False)
            self.b = nn.Linear(d_model, K, bias=False)
            self.w = nn.Linear(d_model, V, bias=False)
            self.a = _p(H)
            self.delta = _p(K)
            self.norm_w = _p(d_v)
            self.g = nn.Linear(d_model, V, bias=False)
            self.o = nn.Linear(V, d_model, bias=False)

        def forward(self, xt, S, win):
            # win: last 3 inputs (B, 3, d_model) for the causal short conv
            xs = torch.cat([win, xt[:, None]], 1)  # (B, 4, d)
            def conv(lin, w):
                return (lin(xs) * w.T[None]).sum(1)
            sl = nn.functional.silu
            q = nn.functional.normalize(sl(conv(self.q, self.conv_q)).view(-1, H, d_k), dim=-1)
            k = nn.functional.normalize(sl(conv(self.k, self.conv_k)).view(-1, H, d_k), dim=-1)
            v = sl(conv(self.v, self.conv_v)).view(-1, H, d_v)
            g = -torch.exp(self.a).repeat_interleave(d_k) * nn.functional.softplus(self.f(xt) + self.delta)
            alpha = torch.exp(g).view(-1, H, d_k)
            b = torch.sigmoid(self.b(xt)).view(-1, H, d_k)
            w = torch.sigmoid(self.w(xt)).view(-1, H, d_v)
            e, z = b * k, w * v
            S = alpha[..., None] * S
            S = S - k[..., None] * torch.einsum('bhk,bhkv->bhv', e, S)[:, :, None, :] + k[..., None] * z[:, :, None, :]
            O = torch.einsum('bhkv,bhk->bhv', S, q)
            O = O * torch.rsqrt(O.pow(2).mean(-1, keepdim=True) + 1e-5) * self.norm_w
            out = self.o(O.reshape(-1, V) * sl(self.g(xt)))
            return out, S
    return Cell()


# kumarwaibhav/sequence-lab-ai-rnn-lstm-gru-visualization lib/content/algorithms.ts, RNN entry:
# h_t = tanh(W_xh x_t + W_hh h_{t-1} + b_h), y^_t = softmax(W_hy h_t + b_y); W_xh: h x x, W_hh: h x h, b_h: h,
# W_hy: y x h, b_y: y. Count: h*x + h*h + h + y*h + y.
@_export
def h50e_seqlab_rnn_out(x=7, h=5, y=3):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_xh = _p(h, x)
            self.W_hh = _p(h, h)
            self.b_h = _p(h)
            self.W_hy = _p(y, h)
            self.b_y = _p(y)

        def forward(self, xt, hprev):
            ht = torch.tanh(xt @ self.W_xh.T + hprev @ self.W_hh.T + self.b_h)
            return torch.softmax(ht @ self.W_hy.T + self.b_y, -1), ht
    return Cell()


# kumarwaibhav/sequence-lab-ai-rnn-lstm-gru-visualization lib/content/algorithms.ts, GRU entry: no biases written;
# W_z, W_r, W each act on a concatenation [x_t, h_{t-1}] (or [x_t, r_t*h_{t-1}]): h x (x+h) each.
# Count: 3*h*(x+h).
@_export
def h50e_seqlab_gru_nobias(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_z = _p(h, x + h)
            self.W_r = _p(h, x + h)
            self.W = _p(h, x + h)

        def forward(self, xt, hprev):
            xh = torch.cat([xt, hprev], -1)
            z = torch.sigmoid(xh @ self.W_z.T)
            r = torch.sigmoid(xh @ self.W_r.T)
            htil = torch.tanh(torch.cat([xt, r * hprev], -1) @ self.W.T)
            return (1 - z) * hprev + z * htil
    return Cell()


# njaltran/deep-learning-notebooks 04_sequence_models.py, LSTM cell: f, i, o gates W_*: h x (h+x) with biases b_*: h;
# the candidate C~_t is used but never defined; most plausible reading: the standard C~_t = tanh(W_C[h_{t-1}, x_t] + b_C).
# Count: 4*(h*(h+x) + h) (refuse: 3*(h*(h+x)+h) if only the written gates are counted).
@_export
def h50e_njaltran_lstm_table(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.lin = nn.ModuleDict({g: nn.Linear(h + x, h) for g in 'fioC'})

        def forward(self, xt, state):
            hprev, cprev = state
            hx = torch.cat([hprev, xt], -1)
            f = torch.sigmoid(self.lin['f'](hx))
            i = torch.sigmoid(self.lin['i'](hx))
            o = torch.sigmoid(self.lin['o'](hx))
            ct = f * cprev + i * torch.tanh(self.lin['C'](hx))
            return o * torch.tanh(ct), ct
    return Cell()


# njaltran/deep-learning-notebooks 04_sequence_models.py, vanilla RNN: h_t = tanh(W_hh h_{t-1} + W_xh x_t + b_h),
# y_t = W_hy h_t + b_y. Count: h*h + h*x + h + y*h + y.
@_export
def h50e_njaltran_rnn(x=7, h=5, y=3):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_hh = _p(h, h)
            self.W_xh = _p(h, x)
            self.b_h = _p(h)
            self.W_hy = _p(y, h)
            self.b_y = _p(y)

        def forward(self, xt, hprev):
            ht = torch.tanh(hprev @ self.W_hh.T + xt @ self.W_xh.T + self.b_h)
            return ht @ self.W_hy.T + self.b_y, ht
    return Cell()


# danmcleran/tinymind cpp/cfc.hpp, CfC cell: backbone x1 = tanh(W_bx.input + W_bh.h_prev + b_b) (BackboneDim);
# heads ff1, ff2 = tanh(W1/W2 . x1 + b1/b2); time-gate tA, tB = W_A/W_B . x1 + b_A/b_B; t = sigmoid(tA*ts + tB);
# h' = (1-t)*ff1 + t*ff2. Count: B*I + B*N + B + 4*(N*B + N).
@_export
def h50e_tinymind_cfc(NumInputs=7, NumState=5, BackboneDim=4):
    I, N, B = NumInputs, NumState, BackboneDim

    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_bx = _p(B, I)
            self.W_bh = _p(B, N)
            self.b_b = _p(B)
            self.heads = nn.ModuleList([nn.Linear(B, N) for _ in range(4)])  # ff1, ff2, A, B

        def forward(self, inp, hprev, ts=1.0):
            x1 = torch.tanh(inp @ self.W_bx.T + hprev @ self.W_bh.T + self.b_b)
            ff1 = torch.tanh(self.heads[0](x1))
            ff2 = torch.tanh(self.heads[1](x1))
            t = torch.sigmoid(self.heads[2](x1) * ts + self.heads[3](x1))
            return (1 - t) * ff1 + t * ff2
    return Cell()


# danmcleran/tinymind cpp/ltc.hpp, LTC cell: f_i = sigmoid(W_in[i,:].I + W_rec[i,:].x + b_i);
# x_i <- (x_i + dt*f_i*A_i) / (1 + dt*(1/tau_i + f_i)); W_in: x_size x I, W_rec: x_size x x_size, b, tau, A: per neuron.
# Count: x*I + x*x + 3*x.
@_export
def h50e_tinymind_ltc(I=7, x=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_in = _p(x, I)
            self.W_rec = _p(x, x)
            self.b = _p(x)
            self.tau = nn.Parameter(torch.ones(x))
            self.A = _p(x)

        def forward(self, inp, xs, dt=0.1):
            f = torch.sigmoid(inp @ self.W_in.T + xs @ self.W_rec.T + self.b)
            return (xs + dt * f * self.A) / (1 + dt * (1 / self.tau + f))
    return Cell()


# JotaniyaKeyur/gru-from-scratch-translation src/utils.py gru_step_forward: W*x: h x x, W*h: h x h, b*: h for the
# z, r and candidate paths; candidate uses Whh @ (r * h_prev). Count: 3*(h*x + h*h + h).
@_export
def h50e_jotaniya_gru_step(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.Wzx, self.Wzh, self.bz = _p(h, x), _p(h, h), _p(h)
            self.Wrx, self.Wrh, self.br = _p(h, x), _p(h, h), _p(h)
            self.Whx, self.Whh, self.bh = _p(h, x), _p(h, h), _p(h)

        def forward(self, xt, hprev):
            z = torch.sigmoid(xt @ self.Wzx.T + hprev @ self.Wzh.T + self.bz)
            r = torch.sigmoid(xt @ self.Wrx.T + hprev @ self.Wrh.T + self.br)
            hh = torch.tanh(xt @ self.Whx.T + (r * hprev) @ self.Whh.T + self.bh)
            return (1 - z) * hprev + z * hh
    return Cell()


# danmcleran/tinymind cpp/qssm.hpp, QSelectiveStateSpace1D: per channel c: g = clamp(wg*x + bg, 0, 1);
# s = a*s_prev + g*b*x; y = c*s + d*x. Per-channel scalars a, b, c, d, wg, bg. Count: 6*NumChannels.
@_export
def h50e_tinymind_selective_ssm(NumChannels=5):
    C = NumChannels

    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.a, self.b, self.c, self.d = _p(C), _p(C), _p(C), _p(C)
            self.wg, self.bg = _p(C), _p(C)

        def forward(self, xt, sprev):
            g = torch.clamp(self.wg * xt + self.bg, 0, 1)
            s = self.a * sprev + g * self.b * xt
            return self.c * s + self.d * xt, s
    return Cell()
