"""Oracles for the h49e set-aside snippets (heldout49), as its gatherer wrote them."""
import torch
from torch import nn

__all__ = []


def _export(f):
    __all__.append(f.__name__)
    return f


def _p(*shape):
    return nn.Parameter(torch.randn(*shape) * 0.1)


# Verbasik/Weekly-arXiv-ML-AI-Research-Review, review.md SSM section 2.2 (continuous linear SSM);
# A (d_h x d_h), B (d_h x d_x), C (d_y x d_h), D (d_y x d_x), all trainable per the note; no bias.
# Count: h*h + h*x + y*h + y*x.
@_export
def h49e_verbasik_ssm(x=7, h=5, y=3):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.A = _p(h, h)
            self.B = _p(h, x)
            self.C = _p(y, h)
            self.D = _p(y, x)

        def forward(self, xt, ht):
            dh = ht @ self.A.T + xt @ self.B.T          # h'(t) = A h(t) + B x(t)
            yt = ht @ self.C.T + xt @ self.D.T          # y(t) = C h(t) + D x(t)
            return dh, yt
    return Cell()


# fattorib/fattorib.github.io, "A fast RG-LRU Kernel" (RG-LRU, Griffin/Hawk); equations read as written:
# W_a (R x R), b_a (R), W_x (R x R), b_x (R), C (R, trainable); a is not a separate parameter (the pseudocode
# builds a from C alone: log a = -8 * r * softplus(C)). Count: 2*R*R + 3*R (the pseudocode has no biases: 2*R*R + R).
@_export
def h49e_fattorib_rglru(R=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_a = nn.Linear(R, R)       # W_a, b_a
            self.W_x = nn.Linear(R, R)       # W_x, b_x
            self.C = _p(R)

        def forward(self, xt, ht):
            r = torch.sigmoid(self.W_a(xt))
            i = torch.sigmoid(self.W_x(xt))
            log_a = -8.0 * r * nn.functional.softplus(self.C)
            a = torch.exp(log_a)
            return a * ht + torch.sqrt(1 - a ** 2) * (i * xt)
    return Cell()


# eranamar/eranamar, "Recurrent Neural Network - Recent Advancements", 2.3 Multiplicative LSTM (Krause et al.);
# most plausible reading (the final S'_{sigma,tau} form): one learned tau(x, h) = T x o V_2 h shared by all gates,
# T (m x x), V_2 (m x h) with m = h (the paper's choice); each of f, i, o and the state transition s has
# W (h x x), V_1 (h x m) and a bias b (h) (s(x, tau) with s in S_sigma, which carries b).
# Count: m*x + m*h + 4*(h*x + h*m + h) with m = h.
@_export
def h49e_eranamar_mlstm(x=7, h=5):
    m = h

    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.T = _p(m, x)
            self.V2 = _p(m, h)
            self.W = nn.ModuleList([nn.Linear(x, h) for _ in range(4)])                # W x + b per f, i, o, s
            self.V1 = nn.ModuleList([nn.Linear(m, h, bias=False) for _ in range(4)])   # V_1 per f, i, o, s

        def forward(self, xt, ht, ct):
            tau = (xt @ self.T.T) * (ht @ self.V2.T)
            f, i, o, s = [self.W[k](xt) + self.V1[k](tau) for k in range(4)]
            f, i, o, s = torch.sigmoid(f), torch.sigmoid(i), torch.sigmoid(o), torch.tanh(s)
            c = f * ct + i * s
            return o * torch.tanh(c), c
    return Cell()


# swfsql/burn-mamba, src/mamba1/mamba1.rs (Mamba-1 selective SSM block, Rust/Burn); d_inner = expand*d_model,
# dt_rank = ceil(d_model/state_rank); in_proj d_model -> 2*d_inner (no bias, has_proj_bias=false);
# conv1d depthwise (groups=d_inner) kernel conv_kernel with bias (has_conv_bias=true): d_inner*conv_kernel + d_inner;
# x_proj d_inner -> dt_rank + 2*state_rank (no bias); dt_proj dt_rank -> d_inner with bias; a_log [d_inner, state_rank];
# d [d_inner]; out_proj d_inner -> d_model (no bias).
# Count: 2*d_inner*d_model + d_inner*(conv_kernel+1) + d_inner*(dt_rank+2*state_rank) + dt_rank*d_inner + d_inner
#        + d_inner*state_rank + d_inner + d_inner*d_model.
@_export
def h49e_burnmamba_mamba1(d_model=6, state_rank=3, conv_kernel=4, expand=2):
    d_inner = expand * d_model
    dt_rank = -(-d_model // state_rank)

    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.in_proj = nn.Linear(d_model, 2 * d_inner, bias=False)
            self.conv1d = nn.Conv1d(d_inner, d_inner, conv_kernel, groups=d_inner, bias=True)
            self.x_proj = nn.Linear(d_inner, dt_rank + 2 * state_rank, bias=False)
            self.dt_proj = nn.Linear(dt_rank, d_inner, bias=True)
            self.a_log = _p(d_inner, state_rank)
            self.d = _p(d_inner)
            self.out_proj = nn.Linear(d_inner, d_model, bias=False)

        def forward(self, u, conv_win, h):
            # u [B, d_model]; conv_win [B, d_inner, conv_kernel-1]; h [B, d_inner, state_rank]
            x, z = self.in_proj(u).chunk(2, dim=-1)
            win = torch.cat([conv_win, x.unsqueeze(-1)], dim=-1)
            x = nn.functional.silu(self.conv1d(win).squeeze(-1))
            dt_raw, Bm, Cm = self.x_proj(x).split([dt_rank, state_rank, state_rank], dim=-1)
            dt = nn.functional.softplus(self.dt_proj(dt_raw))
            A = -torch.exp(self.a_log)
            h = torch.exp(dt.unsqueeze(-1) * A) * h + dt.unsqueeze(-1) * Bm.unsqueeze(1) * x.unsqueeze(-1)
            y = (h * Cm.unsqueeze(1)).sum(-1) + self.d * x
            y = y * nn.functional.silu(z)
            return self.out_proj(y), win[..., 1:], h
    return Cell()


# Verbasik/Weekly-arXiv-ML-AI-Research-Review, review.md RNN part ("Простая RNN-языковая модель"):
# E (d_e x |V|), W_h (d_h x d_h), W_e (d_h x d_e), b_1 (d_h), U (|V| x d_h), b_2 (|V|); the last item's
# W_xh, W_hh, W_hy, b_h, b_y rename the same parameters. Count: d_e*V + d_h*d_h + d_h*d_e + d_h + V*d_h + V.
@_export
def h49e_verbasik_rnnlm(V=7, d_e=4, d_h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.E = _p(d_e, V)
            self.W_h = _p(d_h, d_h)
            self.W_e = _p(d_h, d_e)
            self.b_1 = _p(d_h)
            self.U = _p(V, d_h)
            self.b_2 = _p(V)

        def forward(self, x_onehot, h_prev):
            e = x_onehot @ self.E.T
            h = torch.tanh(h_prev @ self.W_h.T + e @ self.W_e.T + self.b_1)
            o = h @ self.U.T + self.b_2
            return torch.softmax(o, dim=-1), h
    return Cell()


# hex.pm, viva_tensor 2.2.102 src/viva_tensor/nn/rnn.gleam (Gleam, vanilla Elman RnnCell following nn.RNNCell):
# w_ih [hidden_size, input_size], w_hh [hidden_size, hidden_size], b_ih [hidden_size], b_hh [hidden_size];
# tanh step as in nn.RNNCell. Count: h*x + h*h + 2*h.
@_export
def h49e_hexpm_vivatensor_rnn(input_size=7, hidden_size=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.w_ih = _p(hidden_size, input_size)
            self.w_hh = _p(hidden_size, hidden_size)
            self.b_ih = _p(hidden_size)
            self.b_hh = _p(hidden_size)

        def forward(self, x, h):
            return torch.tanh(x @ self.w_ih.T + self.b_ih + h @ self.w_hh.T + self.b_hh)
    return Cell()


# eranamar/eranamar, "Recurrent Neural Network - LSTM and GRU", LSTM cell: f, i, o in S_sig and s in S_tanh,
# each a member of S_sigma = {x, h -> sigma(W x + U h + b)} with its own W (h x x), U (h x h), b (h).
# Count: 4*(h*x + h*h + h).
@_export
def h49e_eranamar_lstm(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W = nn.ModuleList([nn.Linear(x, h, bias=True) for _ in range(4)])    # W x + b for f, i, o, s
            self.U = nn.ModuleList([nn.Linear(h, h, bias=False) for _ in range(4)])   # U h

        def forward(self, xt, ht, ct):
            f, i, o, s = [self.W[k](xt) + self.U[k](ht) for k in range(4)]
            f, i, o, s = torch.sigmoid(f), torch.sigmoid(i), torch.sigmoid(o), torch.tanh(s)
            c = f * ct + i * s
            return o * torch.tanh(c), c
    return Cell()


# kuo1234/xlstm_anomaly, reports/mlstm_mechanism_audit/mlstm_state_semantics.md (stabilized mLSTM recurrence).
# The file gives only the recurrence; q, k, v, igate, fgate are inputs with no projection or input width.
# Most plausible reading (stated assumption): from an input of width x, q, k, v = Linear(x, NH*DH, no bias),
# igate, fgate = Linear(x, NH) with bias (one scalar gate per head); the later `outnorm` is excluded
# (h_t is defined before it). Count: 3*x*NH*DH + 2*(x*NH + NH).
@_export
def h49e_kuo_mlstm(x=6, NH=2, DH=3):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.q = nn.Linear(x, NH * DH, bias=False)
            self.k = nn.Linear(x, NH * DH, bias=False)
            self.v = nn.Linear(x, NH * DH, bias=False)
            self.igate = nn.Linear(x, NH)
            self.fgate = nn.Linear(x, NH)

        def forward(self, xt, C, n, m, eps=1e-6):
            # C [B,NH,DH,DH], n [B,NH,DH,1], m [B,NH,1,1]
            Bsz = xt.shape[0]
            q = self.q(xt).view(Bsz, NH, DH, 1)
            k = self.k(xt).view(Bsz, NH, DH, 1) / DH ** 0.5
            v = self.v(xt).view(Bsz, NH, DH, 1)
            ig = self.igate(xt).view(Bsz, NH, 1, 1)
            lf = nn.functional.logsigmoid(self.fgate(xt)).view(Bsz, NH, 1, 1)
            m_new = torch.maximum(lf + m, ig)
            f = torch.exp(lf + m - m_new)
            i = torch.exp(ig - m_new)
            C = f * C + i * (k @ v.transpose(-1, -2))
            n = f * n + i * k
            num = (q.transpose(-1, -2) @ C).squeeze(-2)                  # [B,NH,DH]
            den = torch.maximum((q.transpose(-1, -2) @ n).abs(), torch.exp(-m_new)).squeeze(-1) + eps
            h = num / den
            return h, C, n, m_new
    return Cell()


# YAMWD/GatedDeltaNet, c_impl/doc/recurrent_attention.md (gated delta rule per head).
# q, k, v, a, b are "from projections" whose input width and weights are not given; a_log, dt_bias are
# unexplained. Most plausible reading (stated assumption, as in GatedDeltaNet reference code): from a model
# input of width d_model, q, k = Linear(d_model, H*d_k, no bias), v = Linear(d_model, H*d_v, no bias),
# a, b = Linear(d_model, H, no bias) (one scalar per head), a_log [H], dt_bias [H]; no output projection
# (none is written). Count: 2*d_model*H*d_k + d_model*H*d_v + 2*d_model*H + 2*H.
@_export
def h49e_yamwd_gdn(d_model=6, H=2, d_k=3, d_v=3):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.q = nn.Linear(d_model, H * d_k, bias=False)
            self.k = nn.Linear(d_model, H * d_k, bias=False)
            self.v = nn.Linear(d_model, H * d_v, bias=False)
            self.a = nn.Linear(d_model, H, bias=False)
            self.b = nn.Linear(d_model, H, bias=False)
            self.a_log = _p(H)
            self.dt_bias = _p(H)

        def forward(self, xt, S):
            # S [B,H,d_k,d_v]
            Bsz = xt.shape[0]
            q = nn.functional.normalize(self.q(xt).view(Bsz, H, d_k), dim=-1)
            k = nn.functional.normalize(self.k(xt).view(Bsz, H, d_k), dim=-1)
            v = self.v(xt).view(Bsz, H, d_v)
            beta = torch.sigmoid(self.b(xt)).unsqueeze(-1)                             # [B,H,1]
            g = torch.exp(-torch.exp(self.a_log) * nn.functional.softplus(self.a(xt) + self.dt_bias))
            g = g.view(Bsz, H, 1, 1)
            r = (S.transpose(-1, -2) @ k.unsqueeze(-1)).squeeze(-1)                   # S^T k
            dv = beta * (v - g.squeeze(-1) * r)
            S = g * S + k.unsqueeze(-1) @ dv.unsqueeze(-2)
            o = (S.transpose(-1, -2) @ q.unsqueeze(-1)).squeeze(-1) / d_k ** 0.5
            return o, S
    return Cell()


# sdsds222/Simulated-Smooth-RNN, README.md (Chinese half), SS-RNN single step, stages 1-9.
# Every learned map is an "MLP_*" of unspecified depth/width/activation. Most plausible minimal reading
# (stated assumption): each MLP is one Linear layer with bias, output squashed as the text requires
# (positions into [0, M-1], strengths and gates into [0, 1]). With c = r + K_s*r:
# MLP_down n->r, MLP_S r->K_s, MLP_R c->K_r, MLP_F c->2*K_f, MLP_W c->K_w, MLP_V c->K_w*r,
# MLP_I c->K_w*r, MLP_O c->K_r*r, MLP_up K_r*r->n. The memory H (M x r) is state, not a parameter.
# Count: (n*r+r) + (r*K_s+K_s) + (c+1)*(K_r + 2*K_f + K_w + 2*K_w*r + K_r*r) + (K_r*r*n + n).
@_export
def h49e_sdsds222_ssrnn(n=6, r=3, M=5, K_s=2, K_r=2, K_f=2, K_w=2):
    c = r + K_s * r

    def interp(H, t):                      # H [B,M,r], t [B,K] -> [B,K,r]
        lo = t.floor().long().clamp(0, M - 1)
        hi = t.ceil().long().clamp(0, M - 1)
        w = (t - t.floor()).unsqueeze(-1)
        gl = torch.gather(H, 1, lo.unsqueeze(-1).expand(-1, -1, r))
        gh = torch.gather(H, 1, hi.unsqueeze(-1).expand(-1, -1, r))
        return gl * (1 - w) + gh * w

    def scatter_weights(t, vals):         # t [B,K], vals [B,K,r] or [B,K,1] -> per-slot sum [B,M,*]
        lo = t.floor().long().clamp(0, M - 1)
        hi = t.ceil().long().clamp(0, M - 1)
        w = (t - t.floor()).unsqueeze(-1)
        oh_lo = nn.functional.one_hot(lo, M).float()   # [B,K,M]
        oh_hi = nn.functional.one_hot(hi, M).float()
        return oh_lo.transpose(1, 2) @ (vals * (1 - w)) + oh_hi.transpose(1, 2) @ (vals * w)

    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.down = nn.Linear(n, r)
            self.S = nn.Linear(r, K_s)
            self.R = nn.Linear(c, K_r)
            self.F = nn.Linear(c, 2 * K_f)
            self.W = nn.Linear(c, K_w)
            self.V = nn.Linear(c, K_w * r)
            self.I = nn.Linear(c, K_w * r)
            self.O = nn.Linear(c, K_r * r)
            self.up = nn.Linear(K_r * r, n)

        def forward(self, xk, H):
            Bsz = xk.shape[0]
            pos = lambda z: torch.sigmoid(z) * (M - 1)
            xr = self.down(xk)
            Ts = pos(self.S(xr))
            vs = interp(H, Ts).reshape(Bsz, K_s * r)
            ctrl = torch.cat([xr, vs], -1)
            Tr = pos(self.R(ctrl))
            Pf = self.F(ctrl).view(Bsz, K_f, 2)
            Tf, sf = pos(Pf[..., 0]), torch.sigmoid(Pf[..., 1])
            Tw = pos(self.W(ctrl))
            Vc = self.V(ctrl).view(Bsz, K_w, r)
            Gi = torch.sigmoid(self.I(ctrl)).view(Bsz, K_w, r)
            g_read = torch.sigmoid(self.O(ctrl))
            v_cat = interp(H, Tr).reshape(Bsz, K_r * r)
            yk = self.up(v_cat * g_read)
            # forget: each packet (t_f, s_f) scales its two neighbouring slots by (1 - s_floor), (1 - s_ceil)
            Htmp = H
            for j in range(K_f):
                t, s = Tf[:, j:j + 1], sf[:, j:j + 1]
                Htmp = Htmp * (1 - scatter_weights(t, s.unsqueeze(-1)))
            Hk = Htmp + scatter_weights(Tw, Vc * Gi)
            return yk, Hk
    return Cell()


# Verbasik/Weekly-arXiv-ML-AI-Research-Review, review.md GRU part, 2.3 "Динамика одного шага":
# W_z, W_r, W_h each (h x (x + h)) acting on [x_t, h_{t-1}] (resp. [x_t, r_t * h_{t-1}]), biases b_z, b_r, b_h (h);
# the "развернутая форма" W_{xz}, W_{hz}, ... is the same parameters split, not extra ones.
# Count: 3*(h*(x + h) + h).
@_export
def h49e_verbasik_gru(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_z = nn.Linear(x + h, h)
            self.W_r = nn.Linear(x + h, h)
            self.W_h = nn.Linear(x + h, h)

        def forward(self, xt, hp):
            xh = torch.cat([xt, hp], -1)
            z = torch.sigmoid(self.W_z(xh))
            r = torch.sigmoid(self.W_r(xh))
            ht = torch.tanh(self.W_h(torch.cat([xt, r * hp], -1)))
            return (1 - z) * hp + z * ht
    return Cell()
