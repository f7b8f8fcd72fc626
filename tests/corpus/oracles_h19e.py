import torch
from torch import nn

__all__ = []


def _export(f):
    __all__.append(f.__name__)
    return f


def _p(*shape):
    return nn.Parameter(torch.randn(*shape) * 0.1)


# vlfeat/autonn matlab/vl_nnlstm.m (help comment). W is (4d) x (m+d), b is (4d) x 1.
# 4d(m + d) + 4d = 4d(m + d + 1).
@_export
def h19e_autonn_lstm(m=7, d=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W = _p(4 * d, m + d)
            self.b = _p(4 * d)

        def forward(self, x, hp, cp):
            z = self.W @ torch.cat([x, hp]) + self.b
            i, f, o, g = torch.split(z, d)
            i, f, o, g = torch.sigmoid(i), torch.sigmoid(f), torch.sigmoid(o), torch.tanh(g)
            cn = f * cp + i * g
            hn = o * torch.tanh(cn)
            return hn, cn

    return Cell()


# stored file id 60700065376 (Rust sLSTM, struct SLstmWeights doc comments). Four W_* of
# n_heads x hidden_dim x input_dim, four R_* of n_heads x hidden_dim x (hidden_dim * r), four b_* of
# n_heads x hidden_dim. 4 n_heads hidden_dim (input_dim + hidden_dim r + 1).
@_export
def h19e_mambaslstm_slstm(input_dim=7, hidden_dim=5, n_heads=3, r=2):
    H, hd, D, rd = n_heads, hidden_dim, input_dim, hidden_dim * r

    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            for g in "ifzo":
                setattr(self, "w_" + g, _p(H, hd, D))
                setattr(self, "r_" + g, _p(H, hd, rd))
                setattr(self, "b_" + g, _p(H, hd))

        def forward(self, x, h, c, n, m):
            # x: (D,), h/c/n/m: (H, hd); the recurrent input of width hd*r is h repeated r times
            hr = h.repeat(1, r)
            pre = {g: torch.einsum("khd,d->kh", getattr(self, "w_" + g), x)
                   + torch.einsum("khr,kr->kh", getattr(self, "r_" + g), hr)
                   + getattr(self, "b_" + g) for g in "ifzo"}
            m_new = torch.maximum(pre["f"] + m, pre["i"])
            i = torch.exp(pre["i"] - m_new)
            f = torch.exp(pre["f"] + m - m_new)
            c = f * c + i * torch.tanh(pre["z"])
            n = f * n + i
            h = torch.sigmoid(pre["o"]) * c / n.abs().clamp(min=1.0)
            return h, c, n, m_new

    return Cell()


# stored file id 38258884520 (BatchChildSumTreeLSTMCell docstring, Child-Sum Tree-LSTM). W^{(g)} h x x,
# U^{(g)} h x h, b^{(g)} h for g in i, f, o, u. 4h(x + h + 1).
@_export
def h19e_batchtreelstm_childsum(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            for g in "ifou":
                setattr(self, "W_" + g, _p(h, x))
                setattr(self, "U_" + g, _p(h, h))
                setattr(self, "b_" + g, _p(h))

        def _lin(self, g, xj, hh):
            return getattr(self, "W_" + g) @ xj + getattr(self, "U_" + g) @ hh + getattr(self, "b_" + g)

        def forward(self, xj, hk, ck):
            # hk, ck: (K, h) children states
            h_tilde = hk.sum(0)
            i = torch.sigmoid(self._lin("i", xj, h_tilde))
            o = torch.sigmoid(self._lin("o", xj, h_tilde))
            u = torch.tanh(self._lin("u", xj, h_tilde))
            f = torch.sigmoid(torch.stack([self._lin("f", xj, hkk) for hkk in hk]))
            c = i * u + (f * ck).sum(0)
            return o * torch.tanh(c), c

    return Cell()


# stored file id 70172799 (gru_step docstring). Wx (D, 2H), Wh (H, 2H), b (2H,), Wxh (D, H), Whh (H, H),
# bh (H,). 3H(D + H + 1).
@_export
def h19e_grustep_gru(D=7, H=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.Wx = _p(D, 2 * H)
            self.Wh = _p(H, 2 * H)
            self.b = _p(2 * H)
            self.Wxh = _p(D, H)
            self.Whh = _p(H, H)
            self.bh = _p(H)

        def forward(self, x, prev_h):
            a = torch.sigmoid(x @ self.Wx + prev_h @ self.Wh + self.b)
            r, z = a[..., :H], a[..., H:]
            h_m = torch.tanh(x @ self.Wxh + (r * prev_h) @ self.Whh + self.bh)
            return z * prev_h + (1 - z) * h_m

    return Cell()


# qfizik/ReNom renom/layers/function/lstm.py (class Lstm docstring). W, Wgi, Wgf(i), Wgo are K x J,
# R, Rgi, Rgf, Rgo are K x K, biases b, bi_i, bi_f, bi_o of size K ("8 weights and 4 biases").
# 4K(J + K + 1).
@_export
def h19e_renom_lstm(J=7, K=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            for g in ("u", "gi", "gf", "go"):
                setattr(self, "W_" + g, _p(K, J))
                setattr(self, "R_" + g, _p(K, K))
                setattr(self, "b_" + g, _p(K))

        def _pre(self, g, x, y):
            return getattr(self, "W_" + g) @ x + getattr(self, "R_" + g) @ y + getattr(self, "b_" + g)

        def forward(self, x, y, s):
            u, gi, gf, go = (self._pre(g, x, y) for g in ("u", "gi", "gf", "go"))
            s = torch.sigmoid(gi) * torch.tanh(u) + s * torch.sigmoid(gf)
            return go * torch.tanh(s), s

    return Cell()


# qfizik/ReNom renom/layers/function/peephole_lstm.py (class PeepholeLstm docstring; expect refuse: the
# prose says "11 weights and 4 biases", the list names P_{ij}, Pgi_{ij}, Pgf_{ij}, Pgo_{ij} as matrices,
# the equations use four peephole vectors P_{i}, Pgi_{i}, Pgf_{i}, Pgo_{i}, one of them on the cell
# input u). Reading of the equations: W* K x J, R* K x K, P* K, biases K. 4K(J + K + 2).
@_export
def h19e_renom_peepholelstm(J=7, K=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            for g in ("u", "gi", "gf", "go"):
                setattr(self, "W_" + g, _p(K, J))
                setattr(self, "R_" + g, _p(K, K))
                setattr(self, "P_" + g, _p(K))
                setattr(self, "b_" + g, _p(K))

        def _pre(self, g, x, y, s):
            return (getattr(self, "W_" + g) @ x + getattr(self, "R_" + g) @ y
                    + getattr(self, "P_" + g) * s + getattr(self, "b_" + g))

        def forward(self, x, y, s_prev):
            u = self._pre("u", x, y, s_prev)
            gi = self._pre("gi", x, y, s_prev)
            gf = self._pre("gf", x, y, s_prev)
            s = torch.sigmoid(gi) * torch.tanh(u) + s_prev * torch.sigmoid(gf)
            go = self._pre("go", x, y, s)
            return go * torch.tanh(s), s

    return Cell()


# stored file id 33146964088 (OCaml tinygrad port, doc comment of type lstm). weight_ih [4h, x],
# weight_hh [4h, h], bias [4h] (optional; counted). 4h(x + h + 1).
@_export
def h19e_ocamltinygrad_lstm(input_size=7, hidden_size=5):
    x, h = input_size, hidden_size

    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.weight_ih = _p(4 * h, x)
            self.weight_hh = _p(4 * h, h)
            self.bias = _p(4 * h)

        def forward(self, xt, ht, ct):
            g = xt @ self.weight_ih.T + ht @ self.weight_hh.T + self.bias
            i, f, gg, o = torch.split(g, h, dim=-1)
            c = torch.sigmoid(f) * ct + torch.sigmoid(i) * torch.tanh(gg)
            return torch.sigmoid(o) * torch.tanh(c), c

    return Cell()


# stored file id 33146964088 (OCaml tinygrad port, doc comment of type gru). weight_ih [3h, x],
# weight_hh [3h, h], bias [3h] (optional; counted). 3h(x + h + 1).
@_export
def h19e_ocamltinygrad_gru(input_size=7, hidden_size=5):
    x, h = input_size, hidden_size

    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.weight_ih = _p(3 * h, x)
            self.weight_hh = _p(3 * h, h)
            self.bias = _p(3 * h)

        def forward(self, xt, ht):
            xp = xt @ self.weight_ih.T + self.bias
            hp = ht @ self.weight_hh.T
            r = torch.sigmoid(xp[..., :h] + hp[..., :h])
            z = torch.sigmoid(xp[..., h:2 * h] + hp[..., h:2 * h])
            n = torch.tanh(xp[..., 2 * h:] + r * hp[..., 2 * h:])
            return (1 - z) * n + z * ht

    return Cell()


# KidIkaros/Xura crates/xura-mamba/src/mamba.rs (pub struct Mamba doc comments). Every listed parameter,
# the optional biases included: in_proj (2di, dm) + (2di); conv1d (di, k) + (di); x_proj (R + 2N, di);
# dt_proj (di, R) + (di); A_log (di, N); D (di); out_proj (dm, di) + (dm).
# di(3dm + 2R + 3N + k + 5) + dm.
@_export
def h19e_xura_mamba(d_model=6, d_inner=12, d_state=5, dt_rank=3, kernel_size=4):
    dm, di, N, R, k = d_model, d_inner, d_state, dt_rank, kernel_size

    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.in_proj = nn.Linear(dm, 2 * di)
            self.conv1d_weight = _p(di, k)
            self.conv1d_bias = _p(di)
            self.x_proj = nn.Linear(di, R + 2 * N, bias=False)
            self.dt_proj = nn.Linear(R, di)
            self.A_log = _p(di, N)
            self.D = _p(di)
            self.out_proj = nn.Linear(di, dm)

        def forward(self, u, conv_state, ssm_state):
            # u: (dm,), conv_state: (di, k) last inputs, ssm_state: (di, N)
            x, z = self.in_proj(u).split(di)
            conv_state = torch.cat([conv_state[:, 1:], x[:, None]], dim=1)
            x = torch.nn.functional.silu((conv_state * self.conv1d_weight).sum(-1) + self.conv1d_bias)
            dt, B, C = self.x_proj(x).split([R, N, N])
            dt = torch.nn.functional.softplus(self.dt_proj(dt))
            A = -torch.exp(self.A_log)
            ssm_state = torch.exp(dt[:, None] * A) * ssm_state + dt[:, None] * B[None, :] * x[:, None]
            y = ssm_state @ C + self.D * x
            y = y * torch.nn.functional.silu(z)
            return self.out_proj(y), conv_state, ssm_state

    return Cell()


# KidIkaros/Xura crates/xura-mamba/src/mamba2.rs (pub struct Mamba2 doc comments; expect refuse: D is
# (nheads,) or (d_ssm,), the RMSNormGated parameters and the in_proj/out_proj/conv1d bias shapes are not
# given, all optional). One plausible reading (upstream defaults: no in/out bias, conv bias, D per head,
# norm weight d_ssm): in_proj (2di + 2GN + H) dm; conv1d (d_ssm + 2GN)(k + 1); dt_bias, A_log, D: H each;
# norm d_ssm; out_proj dm di.
@_export
def h19e_xura_mamba2(d_model=5, d_inner=10, d_ssm=8, headdim=2, nheads=4, d_state=6, ngroups=1,
                     kernel_size=3):
    dm, di, ds, P, H, N, G, k = d_model, d_inner, d_ssm, headdim, nheads, d_state, ngroups, kernel_size
    assert ds == H * P
    d_in_proj = 2 * di + 2 * G * N + H
    conv_dim = ds + 2 * G * N
    d_mlp = (d_in_proj - 2 * ds - 2 * G * N - H) // 2

    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.in_proj = nn.Linear(dm, d_in_proj, bias=False)
            self.conv1d_weight = _p(conv_dim, k)
            self.conv1d_bias = _p(conv_dim)
            self.dt_bias = _p(H)
            self.A_log = _p(H)
            self.D = _p(H)
            self.norm_weight = nn.Parameter(torch.ones(ds))
            self.out_proj = nn.Linear(di, dm, bias=False)

        def forward(self, u, conv_state, ssm_state):
            # u: (dm,), conv_state: (conv_dim, k), ssm_state: (H, P, N)
            z0, x0, z, xBC, dt = self.in_proj(u).split([d_mlp, d_mlp, ds, conv_dim, H])
            conv_state = torch.cat([conv_state[:, 1:], xBC[:, None]], dim=1)
            xBC = torch.nn.functional.silu((conv_state * self.conv1d_weight).sum(-1) + self.conv1d_bias)
            x, B, C = xBC.split([ds, G * N, G * N])
            dt = torch.nn.functional.softplus(dt + self.dt_bias)
            A = -torch.exp(self.A_log)
            x = x.view(H, P)
            ssm_state = torch.exp(dt * A)[:, None, None] * ssm_state + dt[:, None, None] * x[..., None] * B[None, None, :N]
            y = (ssm_state @ C[:N]) + self.D[:, None] * x
            y = y.reshape(ds) * torch.nn.functional.silu(z)
            y = y * torch.rsqrt(y.pow(2).mean() + 1e-5) * self.norm_weight
            y = torch.cat([torch.nn.functional.silu(z0) * x0, y])
            return self.out_proj(y), conv_state, ssm_state

    return Cell()
