"""Oracles for the h56e set-aside snippets (heldout56), as its gatherer wrote them."""
import torch
from torch import nn
import torch.nn.functional as F

__all__ = []


def _export(f):
    __all__.append(f.__name__)
    return f


def _p(*shape):
    return nn.Parameter(torch.randn(*shape) * 0.1)


# fomorians/lstm-odyssey variants/fgr.py, FGRLSTMCell (bare TensorFlow code): full gate recurrence LSTM. input_size is
# a property returning num_blocks, so W_z, W_i, W_f, W_o are n x n (n = num_blocks); R_z, R_i, R_f, R_o are n x n; the
# nine gate-to-gate matrices R_ii, R_fi, R_oi, R_if, R_ff, R_of, R_io, R_fo, R_oo (fed by the previous i, f, o) are
# n x n; b_z, b_i, b_f, b_o are [1, n]; peepholes p_i, p_f, p_o are [n]. The state is (c, y, i, f, o).
# Count: 4n^2 + 4n^2 + 9n^2 + 4n + 3n = 17n^2 + 7n.
@_export
def h56e_fomorians_fgrlstm(num_blocks=5):
    n = num_blocks

    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            for g in "zifo":
                setattr(self, "W_" + g, _p(n, n))
                setattr(self, "R_" + g, _p(n, n))
                setattr(self, "b_" + g, _p(1, n))
            for a in "ifo":
                for b in "ifo":
                    setattr(self, "R_" + a + b, _p(n, n))
            for g in "ifo":
                setattr(self, "p_" + g, _p(n))

        def forward(self, x, c_prev, y_prev, i_prev, f_prev, o_prev):
            z = torch.tanh(x @ self.W_z + y_prev @ self.R_z + self.b_z)
            i = torch.sigmoid(x @ self.W_i + y_prev @ self.R_i + c_prev * self.p_i + self.b_i
                              + i_prev @ self.R_ii + f_prev @ self.R_fi + o_prev @ self.R_oi)
            f = torch.sigmoid(x @ self.W_f + y_prev @ self.R_f + c_prev * self.p_f + self.b_f
                              + i_prev @ self.R_if + f_prev @ self.R_ff + o_prev @ self.R_of)
            c = i * z + f * c_prev
            o = torch.sigmoid(x @ self.W_o + y_prev @ self.R_o + c * self.p_o + self.b_o
                              + i_prev @ self.R_io + f_prev @ self.R_fo + o_prev @ self.R_oo)
            y = torch.tanh(c) * o
            return y, (c, y, i, f, o)
    return Cell()


# DuskNgai/Paper-Notes, RAFT note section 3.3: convolutional GRU, z_t = sigma(Conv3x3([h_{t-1}, x_t], W_z)),
# r_t = sigma(Conv3x3([h_{t-1}, x_t], W_r)), h~_t = tanh(Conv3x3([r_t * h_{t-1}, x_t], W_h)),
# h_t = (1 - z_t) h_{t-1} + z_t h~_t. Each conv maps h + x channels to h channels with a 3x3 kernel; no bias is named.
# The two-layer convolutions of the correlation and flow features (prose, item 2) build x_t and are outside the cell.
# Count: 3 * 9 * (h + x) * h.
@_export
def h56e_duskngai_raft_convgru(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_z = nn.Conv2d(h + x, h, 3, padding=1, bias=False)
            self.W_r = nn.Conv2d(h + x, h, 3, padding=1, bias=False)
            self.W_h = nn.Conv2d(h + x, h, 3, padding=1, bias=False)

        def forward(self, x_t, h_prev):
            hx = torch.cat([h_prev, x_t], 1)
            z = torch.sigmoid(self.W_z(hx))
            r = torch.sigmoid(self.W_r(hx))
            h_tilde = torch.tanh(self.W_h(torch.cat([r * h_prev, x_t], 1)))
            return (1 - z) * h_prev + z * h_tilde
    return Cell()


# qianzhouyi2/Research-Paper-Notes, Hyena Hierarchy LaTeX source, Preliminaries: linear state-space model
# x_{t+1} = A x_t + B u_t, y_t = C x_t + D u_t, "the entries of A, B, C and D are the learned parameters". Read as
# dense matrices (no structure is imposed in the excerpt; the text only says structure is a design freedom):
# A: x x x, B: x x u, C: y x x, D: y x u. Count: x^2 + x*u + y*x + y*u.
@_export
def h56e_hyenasrc_ssm(x=5, u=7, y=3):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.A = _p(x, x)
            self.B = _p(x, u)
            self.C = _p(y, x)
            self.D = _p(y, u)

        def forward(self, u_t, x_t):
            y_t = x_t @ self.C.T + u_t @ self.D.T
            x_next = x_t @ self.A.T + u_t @ self.B.T
            return y_t, x_next
    return Cell()


# Zephyr271828/paper-reading papers/mamba.md, S6 (expect refuse: the background gives A as N x N, the shape table as
# (D, N), and no Linear is said to have or lack a bias). Most plausible reading (the Mamba paper's S6): A: (D, N);
# s_B = Linear_N: D -> N and s_C = Linear_N: D -> N without bias; s_Delta = Broadcast_D(Linear_1(x)) with
# Linear_1: D -> 1 without bias; "Parameter" is the learned Delta bias, (D). B, C, Delta themselves are activations.
# Count: D*N + 2*D*N + D + D = 3DN + 2D.
@_export
def h56e_zephyr_mamba_s6(D=5, N=3):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.A = _p(D, N)
            self.s_B = nn.Linear(D, N, bias=False)
            self.s_C = nn.Linear(D, N, bias=False)
            self.s_Delta = nn.Linear(D, 1, bias=False)
            self.Delta_param = _p(D)

        def forward(self, x_t, h_prev):
            # x_t: (batch, D), h_prev: (batch, D, N)
            B = self.s_B(x_t)
            C = self.s_C(x_t)
            delta = F.softplus(self.Delta_param + self.s_Delta(x_t).expand(-1, D))
            dA = delta.unsqueeze(-1) * self.A
            A_bar = torch.exp(dA)
            B_bar = (A_bar - 1) / dA * delta.unsqueeze(-1) * B.unsqueeze(1)
            h = A_bar * h_prev + B_bar * x_t.unsqueeze(-1)
            y = (h * C.unsqueeze(1)).sum(-1)
            return y, h
    return Cell()


# sxw228/paper-reading-notes, note on Duenas et al. 2022: MATLAB-style LSTM I_t, F_t, O_t, G_t each with
# W (input weight, h x x), R (recurrent weight, h x h), b (one bias per gate, h); c_t = F c + I G, h_t = O tanh(c_t);
# fully connected output y_t = W_fc h_t + b_fc. Sizes fixed by the text: x_t = [V_in, I_out] (x = 2),
# y_t = [I_in, V_out] (y = 2), 96 neurons (h = 96). Count: 4(h*x + h*h + h) + y*h + y.
@_export
def h56e_sxw228_converter_lstm(x=2, h=96, y=2):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            for g in "ifog":
                setattr(self, "W_" + g, _p(h, x))
                setattr(self, "R_" + g, _p(h, h))
                setattr(self, "b_" + g, _p(h))
            self.W_fc = _p(y, h)
            self.b_fc = _p(y)

        def forward(self, x_t, h_prev, c_prev):
            def gate(g):
                return (x_t @ getattr(self, "W_" + g).T + h_prev @ getattr(self, "R_" + g).T
                        + getattr(self, "b_" + g))
            I, Fg, O = torch.sigmoid(gate("i")), torch.sigmoid(gate("f")), torch.sigmoid(gate("o"))
            G = torch.tanh(gate("g"))
            c = Fg * c_prev + I * G
            h_t = O * torch.tanh(c)
            return h_t @ self.W_fc.T + self.b_fc, (h_t, c)
    return Cell()


# Hhhhhhao/Paper-Notes, Show and Tell note: NIC LSTM with no biases, i/f/o = sigma(W_*x x_t + W_*m m_{t-1}),
# c_t = f c_{t-1} + i h(W_cx x_t + W_cm m_{t-1}), m_t = o c_t (no tanh), p_{t+1} = Softmax(m_t) (no weight).
# W_*x: m x x, W_*m: m x m for * in i, f, o, c. Count: 4(m*x + m*m).
@_export
def h56e_hhhhhhao_nic_lstm(x=7, m=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            for g in "ifoc":
                setattr(self, "W_" + g + "x", _p(m, x))
                setattr(self, "W_" + g + "m", _p(m, m))

        def forward(self, x_t, m_prev, c_prev):
            def pre(g):
                return x_t @ getattr(self, "W_" + g + "x").T + m_prev @ getattr(self, "W_" + g + "m").T
            i, f, o = torch.sigmoid(pre("i")), torch.sigmoid(pre("f")), torch.sigmoid(pre("o"))
            c = f * c_prev + i * torch.tanh(pre("c"))
            m_t = o * c
            return torch.softmax(m_t, -1), (m_t, c)
    return Cell()


# ttpro1995/thesis_latex Related_work/related_work.tex, LSTM: w_t, f_t, o_t = sigma(W^{(*)} i_t + U^{(*)} h_{t-1}
# + b^{(*)}), u_t = tanh(W^{(u)} i_t + U^{(u)} h_{t-1} + b^{(u)}), c_t = r_t * u_t + f_t * c_{t-1}, h_t = o_t tanh(c_t).
# The r_t in c_t is never defined: a typo for the write gate w_t, it adds no weight. W^{(*)}: h x i, U^{(*)}: h x h,
# b^{(*)}: h for * in w, f, o, u. Count: 4(h*i + h*h + h).
@_export
def h56e_ttpro_lstm(i=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            for g in "wfou":
                setattr(self, "W_" + g, _p(h, i))
                setattr(self, "U_" + g, _p(h, h))
                setattr(self, "b_" + g, _p(h))

        def forward(self, i_t, h_prev, c_prev):
            def pre(g):
                return i_t @ getattr(self, "W_" + g).T + h_prev @ getattr(self, "U_" + g).T + getattr(self, "b_" + g)
            w, f, o = torch.sigmoid(pre("w")), torch.sigmoid(pre("f")), torch.sigmoid(pre("o"))
            u = torch.tanh(pre("u"))
            c = w * u + f * c_prev
            return o * torch.tanh(c), c
    return Cell()


# ttpro1995/thesis_latex, peephole variation: as h56e_ttpro_lstm plus \bm{V^{(*)} c_{t-1}} in w_t, f_t and o_t
# (o_t also peeks at c_{t-1}). V^{(*)} is written as a matrix product exactly like U^{(*)} h_{t-1} and nothing says it
# is diagonal, so each V^{(*)} is a full h x h matrix. r_t in c_t is the undefined typo for w_t.
# Count: 4(h*i + h*h + h) + 3*h*h.
@_export
def h56e_ttpro_peephole(i=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            for g in "wfou":
                setattr(self, "W_" + g, _p(h, i))
                setattr(self, "U_" + g, _p(h, h))
                setattr(self, "b_" + g, _p(h))
            for g in "wfo":
                setattr(self, "V_" + g, _p(h, h))

        def forward(self, i_t, h_prev, c_prev):
            def pre(g):
                return i_t @ getattr(self, "W_" + g).T + h_prev @ getattr(self, "U_" + g).T + getattr(self, "b_" + g)
            w = torch.sigmoid(pre("w") + c_prev @ self.V_w.T)
            f = torch.sigmoid(pre("f") + c_prev @ self.V_f.T)
            o = torch.sigmoid(pre("o") + c_prev @ self.V_o.T)
            u = torch.tanh(pre("u"))
            c = w * u + f * c_prev
            return o * torch.tanh(c), c
    return Cell()


# star-736/paper-reading-wiki, GDN block (expect refuse: the short conv kernel is "typically 3-4", alpha uses "Mamba2's
# parameterization" without writing it, no bias is mentioned either way, and the gated delta rule itself is not
# written in the excerpt). Most plausible reading (GDN paper, fla's GatedDeltaNet without output gate/norm/o_proj,
# which the excerpt does not mention): hidden size h, heads H, per-head d_k, d_v;
# q, k: Linear h -> H*d_k, v: Linear h -> H*d_v, alpha: Linear h -> H plus Mamba2's A_log (H) and dt_bias (H),
# beta: Linear h -> H, all without bias; depthwise causal ShortConv with kernel 4, no bias, on q, k, v channels.
# Count: h*H*(2 d_k + d_v) + 2*h*H + 4*H*(2 d_k + d_v) + 2H.
@_export
def h56e_star736_gdn(h=7, d_k=3, d_v=5, heads=2, kernel=4):
    H = heads

    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.q_proj = nn.Linear(h, H * d_k, bias=False)
            self.k_proj = nn.Linear(h, H * d_k, bias=False)
            self.v_proj = nn.Linear(h, H * d_v, bias=False)
            self.a_proj = nn.Linear(h, H, bias=False)
            self.b_proj = nn.Linear(h, H, bias=False)
            self.A_log = _p(H)
            self.dt_bias = _p(H)
            self.q_conv = _p(H * d_k, kernel)
            self.k_conv = _p(H * d_k, kernel)
            self.v_conv = _p(H * d_v, kernel)

        def forward(self, x_t, S_prev, conv_q, conv_k, conv_v):
            # x_t: (batch, h); S_prev: (batch, H, d_v, d_k); conv_*: (batch, channels, kernel-1) past projections
            def short_conv(z, buf, w):
                win = torch.cat([buf, z.unsqueeze(-1)], -1)
                return F.silu((win * w).sum(-1)), win[..., 1:]
            q, conv_q = short_conv(self.q_proj(x_t), conv_q, self.q_conv)
            k, conv_k = short_conv(self.k_proj(x_t), conv_k, self.k_conv)
            v, conv_v = short_conv(self.v_proj(x_t), conv_v, self.v_conv)
            q = F.normalize(q.view(-1, H, d_k), dim=-1)
            k = F.normalize(k.view(-1, H, d_k), dim=-1)
            v = v.view(-1, H, d_v)
            alpha = torch.exp(-torch.exp(self.A_log) * F.softplus(self.a_proj(x_t) + self.dt_bias))
            beta = torch.sigmoid(self.b_proj(x_t))
            a, b = alpha[..., None, None], beta[..., None, None]
            kkT = k.unsqueeze(-1) * k.unsqueeze(-2)
            eye = torch.eye(d_k)
            S = a * S_prev @ (eye - b * kkT) + b * v.unsqueeze(-1) * k.unsqueeze(-2)
            o = (S @ q.unsqueeze(-1)).squeeze(-1)
            return o, S, conv_q, conv_k, conv_v
    return Cell()
