"""Oracles for the h53e set-aside snippets (heldout53), as its gatherer wrote them."""
import torch
from torch import nn
import torch.nn.functional as F

__all__ = []


def _export(f):
    __all__.append(f.__name__)
    return f


def _p(*shape):
    return nn.Parameter(torch.randn(*shape) * 0.1)


# RMichaelSwan/MogrifierLSTM notebook, markdown cell index 3, LSTM; W_f, W_i, W_o, W_ig act on [x_t, h_{t-1}]: h x (x+h),
# each with its bias b_f, b_i, b_o, b_ig: h; the candidate also adds W_hg h_{t-1} (h x h) + b_hg (h);
# Count: 4*h*(x+h) + 4*h + h*h + h.
@_export
def h53e_mogrifiernb_lstm(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_f, self.b_f = _p(h, x + h), _p(h)
            self.W_i, self.b_i = _p(h, x + h), _p(h)
            self.W_ig, self.b_ig = _p(h, x + h), _p(h)
            self.W_hg, self.b_hg = _p(h, h), _p(h)
            self.W_o, self.b_o = _p(h, x + h), _p(h)

        def forward(self, x_t, h_prev, C_prev):
            xh = torch.cat([x_t, h_prev], dim=-1)
            f = torch.sigmoid(xh @ self.W_f.T + self.b_f)
            i = torch.sigmoid(xh @ self.W_i.T + self.b_i)
            C_tilde = torch.tanh(xh @ self.W_ig.T + self.b_ig + h_prev @ self.W_hg.T + self.b_hg)
            o = torch.sigmoid(xh @ self.W_o.T + self.b_o)
            C_t = f * C_prev + i * C_tilde
            h_t = o * torch.tanh(C_t)
            return h_t, C_t
    return Cell()


# RMichaelSwan/MogrifierLSTM notebook, markdown cell index 20, Mogrifier rounds (expect refuse: the LSTM they feed is not
# restated and the round count r is left open). Plausible reading, as the notebook's own code does: a PyTorch-style LSTM cell
# (W_ih 4h x x, W_hh 4h x h, b_ih 4h, b_hh 4h) plus Q^i: x x h for odd i <= r and R^i: h x x for even i <= r, no biases;
# Count: 4*h*x + 4*h*h + 8*h + ceil(r/2)*x*h + floor(r/2)*h*x  (r=5: 280 + 105 + 70 = 455).
@_export
def h53e_mogrifiernb_mogrifier(x=7, h=5, r=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.Q = nn.ParameterList([_p(x, h) for i in range(1, r + 1) if i % 2 == 1])
            self.R = nn.ParameterList([_p(h, x) for i in range(1, r + 1) if i % 2 == 0])
            self.lstm = nn.LSTMCell(x, h)

        def forward(self, x_t, h_prev, c_prev):
            xs, hs = x_t, h_prev
            qi = ri = 0
            for i in range(1, r + 1):
                if i % 2 == 1:
                    xs = 2 * torch.sigmoid(hs @ self.Q[qi].T) * xs
                    qi += 1
                else:
                    hs = 2 * torch.sigmoid(xs @ self.R[ri].T) * hs
                    ri += 1
            return self.lstm(xs, (hs, c_prev))
    return Cell()


# ahmed123hds/mamba-from-scratch README, "Mathematical Overview" (expect refuse: no projection shapes, state size or
# channel count given). Plausible reading, the repo's SelectiveSSM: x_proj Linear(d -> R + 2N, no bias) giving
# (delta_raw, B, C); dt_proj Linear(R -> d, bias); A = -exp(log_A) with log_A: d x N; skip D: d;
# Count: d*(R+2N) + R*d + d + d*N + d.
@_export
def h53e_mambascratch_s6(d=6, N=4, R=2):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.x_proj = nn.Linear(d, R + 2 * N, bias=False)
            self.dt_proj = nn.Linear(R, d)
            self.log_A = _p(d, N)
            self.D = _p(d)

        def forward(self, x_k, h_prev):  # x_k: (B, d), h_prev: (B, d, N)
            dbc = self.x_proj(x_k)
            dt_raw, B, C = dbc[:, :R], dbc[:, R:R + N], dbc[:, R + N:]
            delta = F.softplus(self.dt_proj(dt_raw))                  # (B, d)
            A = -torch.exp(self.log_A)                                 # (d, N)
            A_bar = torch.exp(delta.unsqueeze(-1) * A)                 # (B, d, N)
            B_bar = delta.unsqueeze(-1) * B.unsqueeze(1)               # (B, d, N)
            h_k = A_bar * h_prev + B_bar * x_k.unsqueeze(-1)
            y_k = (h_k * C.unsqueeze(1)).sum(-1) + self.D * x_k
            return y_k, h_k
    return Cell()


# hanshanyike/HandwrittenZoo rnn/gru.md (Chinese); W_ir, W_iz, W_ig: H x I; W_hr, W_hz, W_hg: H x H; one bias per gate
# b_r, b_z, b_g: H; candidate r_t * (W_hg h_{t-1}); Count: 3*(I+H)*H + 3*H (the text states the same).
@_export
def h53e_handzoo_gru(I=7, H=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_i = nn.ParameterDict({k: _p(H, I) for k in "rzg"})
            self.W_h = nn.ParameterDict({k: _p(H, H) for k in "rzg"})
            self.b = nn.ParameterDict({k: _p(H) for k in "rzg"})

        def forward(self, x_t, h_prev):
            r = torch.sigmoid(x_t @ self.W_i["r"].T + h_prev @ self.W_h["r"].T + self.b["r"])
            z = torch.sigmoid(x_t @ self.W_i["z"].T + h_prev @ self.W_h["z"].T + self.b["z"])
            g = torch.tanh(x_t @ self.W_i["g"].T + r * (h_prev @ self.W_h["g"].T) + self.b["g"])
            return (1 - z) * g + z * h_prev
    return Cell()


# hanshanyike/HandwrittenZoo rnn/bilstm.md (Chinese), bidirectional; two independent LSTMs (forward, backward), each with
# 4 gate matrices H x (I+H) and one bias per gate, as the text's own count says; Count: 2*(4*(I+H)*H + 4*H).
@_export
def h53e_handzoo_bilstm(I=7, H=5):
    class _LSTM(nn.Module):
        def __init__(self):
            super().__init__()
            self.W = nn.ParameterDict({k: _p(H, I + H) for k in "ifgo"})
            self.b = nn.ParameterDict({k: _p(H) for k in "ifgo"})

        def forward(self, x_t, h_prev, c_prev):
            xh = torch.cat([x_t, h_prev], dim=-1)
            a = {k: xh @ self.W[k].T + self.b[k] for k in "ifgo"}
            c = torch.sigmoid(a["f"]) * c_prev + torch.sigmoid(a["i"]) * torch.tanh(a["g"])
            return torch.sigmoid(a["o"]) * torch.tanh(c), c

    class Model(nn.Module):
        def __init__(self):
            super().__init__()
            self.fwd = _LSTM()
            self.bwd = _LSTM()

        def forward(self, xs):  # xs: (T, B, I); returns concat mode h_t^bi: (T, B, 2H)
            T, Bn = xs.shape[0], xs.shape[1]
            z = xs.new_zeros(Bn, H)
            hf, cf, outs_f = z, z, []
            for t in range(T):
                hf, cf = self.fwd(xs[t], hf, cf)
                outs_f.append(hf)
            hb, cb, outs_b = z, z, [None] * T
            for t in reversed(range(T)):
                hb, cb = self.bwd(xs[t], hb, cb)
                outs_b[t] = hb
            return torch.stack([torch.cat([f, b], -1) for f, b in zip(outs_f, outs_b)])
    return Model()


# guhakashyap/orky-artifishul-intelligence mam-ba1.1.py, class MorkySelectiveSSM (bare code); A: N x N parameter,
# B = Linear(H -> N, bias), C = Linear(N -> H, bias), D = Linear(H -> H, bias), delta: H; (H = da_orky_hidden_size,
# N = da_orky_state_size); Count: N*N + (H*N + N) + (N*H + H) + (H*H + H) + H.
@_export
def h53e_orkymamba_selective_ssm(da_orky_hidden_size=6, da_orky_state_size=4):
    H, N = da_orky_hidden_size, da_orky_state_size

    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.da_orky_A = _p(N, N)
            self.da_orky_B = nn.Linear(H, N)
            self.da_orky_C = nn.Linear(N, H)
            self.da_orky_D = nn.Linear(H, H)
            self.da_orky_delta = _p(H)

        def forward(self, x_t, s_prev):  # x_t: (B, H), s_prev: (B, N)
            dt = F.softplus(self.da_orky_delta).mean()
            A_bar = torch.matrix_exp(dt * self.da_orky_A)
            s_t = s_prev @ A_bar.T + dt * self.da_orky_B(x_t)
            y_t = self.da_orky_C(s_t) + self.da_orky_D(x_t)
            return y_t, s_t
    return Cell()


# guhakashyap/orky-artifishul-intelligence rnn_waaagh.py, class OrkyGRUCell (bare code); three Linear(x+h -> h, bias)
# on torch.cat([input, hidden]): reset (computed, unused by the candidate), update, candidate;
# Count: 3*((x+h)*h + h).
@_export
def h53e_orkyrnn_gru(da_input_size=7, da_hidden_size=5):
    I, H = da_input_size, da_hidden_size

    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.da_reset_gate = nn.Linear(I + H, H)
            self.da_update_gate = nn.Linear(I + H, H)
            self.da_new_memory = nn.Linear(I + H, H)

        def forward(self, x_t, h_prev):
            comb = torch.cat([x_t, h_prev], dim=-1)
            r = torch.sigmoid(self.da_reset_gate(comb))  # computed as in the code, then not used
            z = torch.sigmoid(self.da_update_gate(comb))
            n = torch.tanh(self.da_new_memory(comb))
            return (1 - z) * h_prev + z * n
    return Cell()


# lcy-seso/Tiled-EfficientAttention gla/README.md (Chinese), GLA; row convention: W_Q, W_K: d x d_k, W_V: d x d_v,
# gate W^1: d x d_1, W^2: d_1 x d_k, no biases; S_t = G_t * S_{t-1} + k_t^T v_t, G_t = alpha_t^T 1, o_t = q_t S_t;
# Count: 2*d*d_k + d*d_v + d*d_1 + d_1*d_k.
@_export
def h53e_tiledattn_gla(d=7, d_k=4, d_v=5, d_1=3):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_Q, self.W_K, self.W_V = _p(d, d_k), _p(d, d_k), _p(d, d_v)
            self.W1, self.W2 = _p(d, d_1), _p(d_1, d_k)

        def forward(self, x_t, S_prev):  # x_t: (B, d), S_prev: (B, d_k, d_v)
            q, k, v = x_t @ self.W_Q, x_t @ self.W_K, x_t @ self.W_V
            alpha = torch.sigmoid((x_t @ self.W1) @ self.W2)                   # (B, d_k)
            G = alpha.unsqueeze(-1) * torch.ones(1, 1, d_v)                     # alpha^T 1: (B, d_k, d_v)
            S_t = G * S_prev + k.unsqueeze(-1) * v.unsqueeze(1)
            o_t = (q.unsqueeze(1) @ S_t).squeeze(1)
            return o_t, S_t
    return Cell()


# melancholicwang/wiki linear_attention/README.md (Chinese), GDN pseudo-code (expect refuse: gate sizes, the
# decay_net and the Q/K/V projections are not given). Plausible reading: W_q, W_k: d_k x d, W_v: d_v x d; W_f, W_i:
# d_k x d (per-row gates broadcast over the d_k x d_v state); W_o: d_v x d; decay_net = Linear([x_t, distance] -> d_k)
# with bias; no other biases; Count: 4*d_k*d + 2*d_v*d + (d+1)*d_k + d_k.
@_export
def h53e_melwiki_gdn(d=6, d_k=4, d_v=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_q, self.W_k, self.W_v = _p(d_k, d), _p(d_k, d), _p(d_v, d)
            self.W_f, self.W_i, self.W_o = _p(d_k, d), _p(d_k, d), _p(d_v, d)
            self.decay_net = nn.Linear(d + 1, d_k)

        def forward(self, x_t, S_prev, distance=1.0):  # x_t: (B, d), S_prev: (B, d_k, d_v)
            f = torch.sigmoid(x_t @ self.W_f.T)
            i = torch.sigmoid(x_t @ self.W_i.T)
            o = torch.sigmoid(x_t @ self.W_o.T)
            dist = x_t.new_full((x_t.shape[0], 1), float(distance))
            delta = torch.sigmoid(self.decay_net(torch.cat([x_t, dist], -1)))
            q, k, v = x_t @ self.W_q.T, x_t @ self.W_k.T, x_t @ self.W_v.T
            S_t = (f * delta).unsqueeze(-1) * S_prev + i.unsqueeze(-1) * (k.unsqueeze(-1) * v.unsqueeze(1))
            O_t = o * (q.unsqueeze(1) @ S_t).squeeze(1)
            return O_t, S_t
    return Cell()


# justinbrianhwang/SJ-wiki griffin.md, RG-LRU; W_r, W_i: h x x with biases b_r, b_i: h; Lambda: h (a = sigma(Lambda));
# c = 8 a constant; the elementwise update forces x = h; Count: 2*h*x + 2*h + h.
@_export
def h53e_sjwiki_rglru(x=5, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_r, self.b_r = _p(h, x), _p(h)
            self.W_i, self.b_i = _p(h, x), _p(h)
            self.Lam = _p(h)
            self.c = 8.0

        def forward(self, x_t, h_prev):
            r = torch.sigmoid(x_t @ self.W_r.T + self.b_r)
            i = torch.sigmoid(x_t @ self.W_i.T + self.b_i)
            a = torch.sigmoid(self.Lam)
            a_t = a ** (self.c * r)
            return a_t * h_prev + torch.sqrt(1 - a_t ** 2) * (i * x_t)
    return Cell()


# justinbrianhwang/SJ-wiki rwkv.md, RWKV time-mixing; W_r, W_k, W_v: x x x, W_o: x x x (output back to the model width);
# token-shift mu_r, mu_k, mu_v: x; decay w: x and bonus u: x (per channel); no biases;
# Count: 4*x*x + 5*x.
@_export
def h53e_sjwiki_rwkv(x=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_r, self.W_k, self.W_v, self.W_o = _p(x, x), _p(x, x), _p(x, x), _p(x, x)
            self.mu_r, self.mu_k, self.mu_v = _p(x), _p(x), _p(x)
            self.w, self.u = _p(x), _p(x)

        def forward(self, x_t, x_prev, num_prev, den_prev):
            r = (self.mu_r * x_t + (1 - self.mu_r) * x_prev) @ self.W_r.T
            k = (self.mu_k * x_t + (1 - self.mu_k) * x_prev) @ self.W_k.T
            v = (self.mu_v * x_t + (1 - self.mu_v) * x_prev) @ self.W_v.T
            wkv = (num_prev + torch.exp(self.u + k) * v) / (den_prev + torch.exp(self.u + k))
            o_t = (torch.sigmoid(r) * wkv) @ self.W_o.T
            w = torch.abs(self.w)  # nonnegative decay
            num_t = torch.exp(-w) * num_prev + torch.exp(k) * v
            den_t = torch.exp(-w) * den_prev + torch.exp(k)
            return o_t, x_t, num_t, den_t
    return Cell()


# stored file id 60925123723 (Polish notes "Lista 11 — Notatki: minLSTM"); three Linear(x_t) layers d_x -> d_h, read as
# nn.Linear with bias (f, i, h~); Count: 3*(d_x*d_h + d_h).
@_export
def h53e_pllista11_minlstm(d_x=7, d_h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.linear_f = nn.Linear(d_x, d_h)
            self.linear_i = nn.Linear(d_x, d_h)
            self.linear_h = nn.Linear(d_x, d_h)

        def forward(self, x_t, h_prev):
            f = torch.sigmoid(self.linear_f(x_t))
            i = torch.sigmoid(self.linear_i(x_t))
            h_tilde = self.linear_h(x_t)
            f_p, i_p = f / (f + i), i / (f + i)
            return f_p * h_prev + i_p * h_tilde
    return Cell()
