"""Oracles for the h41e set-aside snippets (heldout41), as its gatherer wrote them."""
import torch
from torch import nn

__all__ = []


def _export(f):
    __all__.append(f.__name__)
    return f


def _p(*shape):
    return nn.Parameter(torch.randn(*shape) * 0.1)


# SolaceHarmony/xLSTM-Metal docs/lnn_hrm_hybrid/01_liquid_neural_networks.md, LiquidTimeConstant cell;
# backbone Linear(x+h -> h)+b, Linear(h -> h)+b; time_net, state_net_g, state_net_h Linear(h -> h)+b;
# tau_raw (h), A (h) declared nn.Parameters; LayerNorm(h) weight+bias;
# Count: (x+h)h + h + 4(h^2 + h) + 2h + 2h.
@_export
def h41e_solace_liquid(input_size=7, hidden_size=5):
    x, h = input_size, hidden_size

    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.backbone = nn.Sequential(nn.Linear(x + h, h), nn.Tanh(), nn.Linear(h, h))
            self.time_net = nn.Linear(h, h)
            self.state_net_g = nn.Linear(h, h)
            self.state_net_h = nn.Linear(h, h)
            self.tau_raw = _p(h)
            self.A = _p(h)
            self.norm = nn.LayerNorm(h)

        def forward(self, xt, hp, t=torch.tensor(1.0)):
            feats = self.backbone(torch.cat([xt, hp], -1))
            f_t = torch.sigmoid(self.time_net(feats))
            g_x, h_x = self.state_net_g(feats), self.state_net_h(feats)
            gate = torch.sigmoid(-f_t * t)
            h_new = gate * g_x + (1.0 - gate) * h_x
            return self.norm(hp + (h_new - hp).clamp(-1.0, 1.0))
    return Cell()


# SolaceHarmony/xLSTM-Metal docs/xLSTM_Architecture_Study.md, 2.2 mLSTM;
# W_q, W_k (H*d_k, D); W_v (H*d_v, D); W_o (D, D); W_i, W_f (H, D); b_i, b_f (H); no q/k/v/o biases;
# Count: 2*H*d_k*D + H*d_v*D + D^2 + 2(H*D + H).
@_export
def h41e_solace_mlstm(D=8, H=2, d_k=2, d_v=4):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_q, self.W_k = _p(H * d_k, D), _p(H * d_k, D)
            self.W_v, self.W_o = _p(H * d_v, D), _p(D, D)
            self.W_i, self.b_i = _p(H, D), _p(H)
            self.W_f, self.b_f = _p(H, D), _p(H)

        def forward(self, x, state):
            C, n, m = state  # (B,H,d_v,d_k), (B,H,d_k), (B,H)
            B = x.shape[0]
            q = (x @ self.W_q.T).view(B, H, d_k)
            k = (x @ self.W_k.T).view(B, H, d_k)
            v = (x @ self.W_v.T).view(B, H, d_v)
            o = torch.sigmoid(x @ self.W_o.T)
            cap = lambda z: 15.0 * torch.tanh(z / 15.0)
            ip = cap(x @ self.W_i.T + self.b_i)
            fp = cap(x @ self.W_f.T + self.b_f)
            m_new = torch.maximum(fp + m, ip)
            i = torch.exp(ip - m_new)
            f = torch.exp(fp + m - m_new)
            C = f[..., None, None] * C + i[..., None, None] * (v[..., :, None] * k[..., None, :])
            n = f[..., None] * n + i[..., None] * k
            num = (C @ q[..., None]).squeeze(-1)
            den = torch.clamp((n * q).sum(-1, keepdim=True).abs(), min=1.0)
            h = (num / den).reshape(B, H * d_v)
            return h, o, (C, n, m_new)
    return Cell()


# MzeroMiko/blogs docs/Linear_Attention/1. retnet/retnet.md, RetNet recurrent/parallel retention;
# read as W_Q, W_K, W_V (d, d), gamma and theta fixed (not learned), real rotation applied to q/k;
# Count: 3 d^2.
@_export
def h41e_mzeromiko_retnet(d=6):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_Q, self.W_K, self.W_V = _p(d, d), _p(d, d), _p(d, d)
            self.gamma = 0.9
            self.register_buffer("theta", torch.linspace(0.1, 1.0, d))

        def forward(self, x, S, n=1):
            rot = torch.cos(n * self.theta)
            Q = (x @ self.W_Q) * rot
            K = (x @ self.W_K) * rot
            V = x @ self.W_V
            S = self.gamma * S + K[:, :, None] * V[:, None, :]
            o = (Q[:, None, :] @ S).squeeze(1)
            return o, S
    return Cell()


# calwoo/research-notes concepts/attention-mechanisms/history.md, 6.2 Mamba selective SSM;
# read as x_t in R^d, per-channel state h in R^{d x N}; B_t = Linear(d -> N)+b, C_t = Linear(d -> N)+b,
# Delta_t = softplus(Linear(d -> d)+b); A diagonal (d, N);
# Count: 2(dN + N) + d^2 + d + dN.
@_export
def h41e_calwoo_mamba(d=4, N=3):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.to_B, self.to_C = nn.Linear(d, N), nn.Linear(d, N)
            self.to_delta = nn.Linear(d, d)
            self.A = _p(d, N)

        def forward(self, x, h):
            B, C = self.to_B(x), self.to_C(x)
            delta = nn.functional.softplus(self.to_delta(x))
            A_bar = torch.exp(delta[..., None] * self.A)
            B_bar = delta[..., None] * B[:, None, :]
            h = A_bar * h + B_bar * x[..., None]
            y = (h * C[:, None, :]).sum(-1)
            return y, h
    return Cell()


# Jaykef/ai-algorithms src/kda.py, class KimiDeltaAttention (Kimi Delta Attention);
# qkv Linear(C, 3C) no bias; alpha Linear(C, C)+b; beta Linear(C, H)+b; out Linear(C, C) no bias; C = N_EMBD, H = N_HEAD;
# Count: 3C^2 + (C^2 + C) + (CH + H) + C^2.
@_export
def h41e_jaykef_kda(N_EMBD=8, N_HEAD=2):
    C, H = N_EMBD, N_HEAD

    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.qkv = nn.Linear(C, 3 * C, bias=False)
            self.alpha = nn.Linear(C, C)
            self.beta = nn.Linear(C, H)
            self.out = nn.Linear(C, C, bias=False)

        def forward(self, x, state):  # x (B, C), state (B, H, d, d)
            B = x.shape[0]
            d = C // H
            q, k, v = self.qkv(x).chunk(3, dim=-1)
            q = nn.functional.normalize(q.view(B, H, d), dim=-1)
            k = nn.functional.normalize(k.view(B, H, d), dim=-1)
            v = v.view(B, H, d)
            alpha = torch.sigmoid(self.alpha(x)).view(B, H, d)
            beta = torch.sigmoid(self.beta(x))
            state = state * alpha.unsqueeze(-1)
            err = v - torch.einsum("bhd,bhdv->bhv", k, state)
            state = state + torch.einsum("bhd,bhv->bhdv", beta.unsqueeze(-1) * k, err)
            y = torch.einsum("bhd,bhdv->bhv", q, state).reshape(B, C)
            return self.out(y), state
    return Cell()


# gekas145/lstm lstm.py, LSTM autograd Function forward (peepholes + projection);
# W (x, 4h), R (p, 4h) acting on h_proj, W_proj (h, p), peepholes p (3h, diagonal), b (4h); h = out_dim, p = proj_dim;
# Count: 4hx + 4hp + hp + 3h + 4h.
@_export
def h41e_gekas_peepholelstm(x=7, out_dim=5, proj_dim=3):
    h, pd = out_dim, proj_dim

    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W, self.R = _p(x, 4 * h), _p(pd, 4 * h)
            self.W_proj, self.p, self.b = _p(h, pd), _p(3 * h), _p(4 * h)

        def forward(self, xt, state):
            hp, c = state  # hp: projected state (B, pd), c: (B, h)
            W, R, p, b = self.W, self.R, self.p, self.b
            i = torch.sigmoid(xt @ W[:, :h] + hp @ R[:, :h] + c * p[:h] + b[:h])
            f = torch.sigmoid(xt @ W[:, h:2*h] + hp @ R[:, h:2*h] + c * p[h:2*h] + b[h:2*h])
            g = torch.tanh(xt @ W[:, 2*h:3*h] + hp @ R[:, 2*h:3*h] + b[2*h:3*h])
            c = f * c + i * g
            o = torch.sigmoid(xt @ W[:, 3*h:] + hp @ R[:, 3*h:] + c * p[2*h:] + b[3*h:])
            hn = o * torch.tanh(c)
            return hn @ self.W_proj, c
    return Cell()


# LeZeez/xlstm-cells xlstm_cells/slstm.py, class sLSTMCell (bias=True default);
# W_all Linear(input_size, 4*hidden_size)+b; R_fused (num_heads, Dh, 4*Dh) block-diagonal, Dh = hidden_size/num_heads;
# Count: 4*hs*x + 4*hs + NH*Dh*4*Dh.
@_export
def h41e_lezeez_slstm(input_size=7, hidden_size=6, num_heads=2):
    H, Dh = num_heads, hidden_size // num_heads

    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_all = nn.Linear(input_size, 4 * hidden_size)
            self.R_fused = _p(H, Dh, 4 * Dh)

        def forward(self, x_t, state):
            c, n, m, h = state  # each (B, H, Dh)
            B = x_t.size(0)
            wx = self.W_all(x_t).view(B, 4, H, Dh).permute(0, 2, 1, 3).reshape(B, H, 4 * Dh)
            zt, it, ft, ot = (wx + torch.einsum("bhd,hde->bhe", h, self.R_fused)).chunk(4, dim=-1)
            z, o = torch.tanh(zt), torch.sigmoid(ot)
            log_f = nn.functional.logsigmoid(ft)
            m_new = torch.where(n == 0.0, it, torch.maximum(log_f + m, it))
            i_p = torch.clamp(torch.exp(it - m_new), max=1.0)
            f_p = torch.clamp(torch.exp(log_f + m - m_new), max=1.0)
            c = f_p * c + i_p * z
            n = f_p * n + i_p
            h = o * (c / n.clamp_min(1e-6))
            return h.reshape(B, hidden_size), (c, n, m_new, h)
    return Cell()


# ekg/haste frameworks/pytorch/gru_silu.py, class GRU_SiLU;
# kernel (x, 3h), recurrent_kernel (h, 3h), bias (3h), recurrent_bias (3h) for a haste GRU
# (candidate: tanh(x W_h + bx_h + r * (h R_h + br_h)));
# gate_kernel_x (x, h), gate_kernel_h (h, h), gate_bias (h); Count: 4hx + 4h^2 + 7h.
@_export
def h41e_ekg_grusilu(input_size=7, hidden_size=5):
    x, h = input_size, hidden_size

    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.kernel, self.recurrent_kernel = _p(x, 3 * h), _p(h, 3 * h)
            self.bias, self.recurrent_bias = _p(3 * h), _p(3 * h)
            self.gate_kernel_x, self.gate_kernel_h, self.gate_bias = _p(x, h), _p(h, h), _p(h)

        def forward(self, xt, hp):
            gx = xt @ self.kernel + self.bias
            gh = hp @ self.recurrent_kernel + self.recurrent_bias
            z = torch.sigmoid(gx[:, :h] + gh[:, :h])
            r = torch.sigmoid(gx[:, h:2*h] + gh[:, h:2*h])
            n = torch.tanh(gx[:, 2*h:] + r * gh[:, 2*h:])
            h_gru = z * hp + (1 - z) * n
            gate = nn.functional.silu(xt @ self.gate_kernel_x + h_gru @ self.gate_kernel_h + self.gate_bias)
            return h_gru * gate, h_gru
    return Cell()


# ekg/haste frameworks/pytorch/skip_elman.py, class SkipElman;
# kernel (x, 2h), recurrent_kernel (h, 2h), input_bias (2h), hidden_bias (2h);
# Count: 2hx + 2h^2 + 4h.
@_export
def h41e_ekg_skipelman(input_size=7, hidden_size=5):
    x, h = input_size, hidden_size

    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.kernel, self.recurrent_kernel = _p(x, 2 * h), _p(h, 2 * h)
            self.input_bias, self.hidden_bias = _p(2 * h), _p(2 * h)

        def forward(self, xt, hp):
            v = xt @ self.kernel + hp @ self.recurrent_kernel + self.input_bias + self.hidden_bias
            z = torch.sigmoid(v[:, :h])
            a = torch.tanh(v[:, h:])
            return z * hp + (1 - z) * a
    return Cell()


# ekg/gruboros FUSED_MINGRU_DESIGN.md, class FullyFusedMinGRU;
# W_hidden, W_gate Linear(dim, dim_inner) no bias; W_out Linear(dim_inner, dim) no bias; dim_inner = int(dim*expansion_factor);
# Count: 3 * dim * dim_inner.
@_export
def h41e_gruboros_mingru(dim=6, expansion_factor=1.5):
    di = int(dim * expansion_factor)

    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_hidden = nn.Linear(dim, di, bias=False)
            self.W_gate = nn.Linear(dim, di, bias=False)
            self.W_out = nn.Linear(di, dim, bias=False)

        def forward(self, x, h_prev):  # one step, linear space
            z = torch.sigmoid(self.W_gate(x))
            h_tilde = torch.where(self.W_hidden(x) >= 0, self.W_hidden(x) + 0.5, torch.sigmoid(self.W_hidden(x)))
            h = (1 - z) * h_prev + z * h_tilde
            return self.W_out(h), h
    return Cell()


# ekg/haste frameworks/pytorch/multihead_elman.py, class MultiHeadElman;
# R, Wx (nheads, headdim, headdim); bias (nheads, headdim); headdim = hidden_size/nheads; input split into heads
# (input_size = hidden_size); Count: 2 * nheads * headdim^2 + hidden_size.
@_export
def h41e_ekg_mhelman(input_size=6, hidden_size=6, nheads=2):
    hd = hidden_size // nheads

    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.R = _p(nheads, hd, hd)
            self.Wx = _p(nheads, hd, hd)
            self.bias = _p(nheads, hd)

        def forward(self, x, h):  # x (B, input_size), h (B, nheads, hd)
            xh = x.view(x.shape[0], nheads, hd)
            pre = torch.einsum("nij,bnj->bni", self.R, h) + torch.einsum("nij,bnj->bni", self.Wx, xh) + self.bias
            return pre / (1 + pre.abs())  # softsign (activation=0 default)
    return Cell()
