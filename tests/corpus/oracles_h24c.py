import torch
from torch import nn

__all__ = []


def _export(f):
    __all__.append(f.__name__)
    return f


def _p(*shape):
    return nn.Parameter(torch.randn(*shape) * 0.1)


# apachecn/pytorch-doc-zh:docs/0.2/package_references/torch-nn.md (Chinese translation of the PyTorch 0.2
# torch.nn docs, class torch.nn.GRU). The documented layer itself, one layer: weight_ih_l0 (3h x x),
# weight_hh_l0 (3h x h), bias_ih_l0 (3h), bias_hh_l0 (3h). 3h(x + h + 2).
@_export
def h24c_pytorchzh_gru(x=7, h=5):
    return nn.GRU(x, h)


# apachecn/pytorch-doc-zh:docs/0.2/package_references/torch-nn.md (class torch.nn.LSTMCell). The documented
# cell itself: weight_ih (4h x x), weight_hh (4h x h), bias_ih (4h), bias_hh (4h). 4h(x + h + 2).
@_export
def h24c_pytorchzh_lstmcell(x=7, h=5):
    return nn.LSTMCell(x, h)


# Muyun99/Dive-into-DL-PyTorch-Note:9.RNN-advanced/Note.md (#### 1. GRU). Row-vector d2l convention:
# W_{xr}, W_{xz}, W_{xh} (x by h), W_{hr}, W_{hz}, W_{hh} (h by h), b_r, b_z, b_h (h). 3h(x + h + 1).
@_export
def h24c_muyun_gru(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_xr, self.W_hr, self.b_r = _p(x, h), _p(h, h), _p(h)
            self.W_xz, self.W_hz, self.b_z = _p(x, h), _p(h, h), _p(h)
            self.W_xh, self.W_hh, self.b_h = _p(x, h), _p(h, h), _p(h)

        def forward(self, X, H):
            R = torch.sigmoid(X @ self.W_xr + H @ self.W_hr + self.b_r)
            Z = torch.sigmoid(X @ self.W_xz + H @ self.W_hz + self.b_z)
            Ht = torch.tanh(X @ self.W_xh + (R * H) @ self.W_hh + self.b_h)
            return Z * H + (1 - Z) * Ht

    return Cell()


# stored file id 43109932467 (Japanese-commented numpy LSTM layer, class LSTM). Wx [D, 4H], Wh [H, 4H] as the
# comment says, b of 4H (added to A = x Wx + h_prev Wh, whose columns are sliced into the four gates).
# 4H(D + H + 1).
@_export
def h24c_dlfs2ja_lstm(D=7, H=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.Wx, self.Wh, self.b = _p(D, 4 * H), _p(H, 4 * H), _p(4 * H)

        def forward(self, x, state):
            h_prev, c_prev = state
            A = x @ self.Wx + h_prev @ self.Wh + self.b
            f = torch.sigmoid(A[:, :H])
            g = torch.tanh(A[:, H:2 * H])
            i = torch.sigmoid(A[:, 2 * H:3 * H])
            o = torch.sigmoid(A[:, 3 * H:])
            c = c_prev * f + g * i
            return torch.tanh(c) * o, c

    return Cell()


# stored file id 71620206556 (Korean Obsidian note, LSTM, mermaid flowchart). Four gates W_f, W_i, W_c, W_o
# acting on the concatenation [h, x] (h by h + x) with biases b_f, b_i, b_c, b_o (h). 4h(h + x + 1).
@_export
def h24c_kolstm_mermaid(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_f, self.b_f = _p(h, h + x), _p(h)
            self.W_i, self.b_i = _p(h, h + x), _p(h)
            self.W_c, self.b_c = _p(h, h + x), _p(h)
            self.W_o, self.b_o = _p(h, h + x), _p(h)

        def forward(self, xt, state):
            hp, cp = state
            z = torch.cat([hp, xt], -1)
            f = torch.sigmoid(z @ self.W_f.T + self.b_f)
            i = torch.sigmoid(z @ self.W_i.T + self.b_i)
            cc = torch.tanh(z @ self.W_c.T + self.b_c)
            o = torch.sigmoid(z @ self.W_o.T + self.b_o)
            c = f * cp + i * cc
            return o * torch.tanh(c), c

    return Cell()


# green-dalii/d2l-note:47-长短期记忆网络(LSTM).md (marked refuse: the 输出 line reuses O_t, W_{ho}, b_o for an
# output layer of unstated size). Most plausible reading, the LSTM cell alone, d2l row-vector convention:
# W_{xi}, W_{xf}, W_{xo}, W_{xc} (x by h), W_{hi}, W_{hf}, W_{ho}, W_{hc} (h by h), b_i, b_f, b_o, b_c (h).
# 4h(x + h + 1).
@_export
def h24c_greend2l_lstm(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            for g in "ifoc":
                setattr(self, "W_x" + g, _p(x, h))
                setattr(self, "W_h" + g, _p(h, h))
                setattr(self, "b_" + g, _p(h))

        def _lin(self, g, X, H):
            return X @ getattr(self, "W_x" + g) + H @ getattr(self, "W_h" + g) + getattr(self, "b_" + g)

        def forward(self, X, state):
            H, C = state
            I = torch.sigmoid(self._lin("i", X, H))
            F = torch.sigmoid(self._lin("f", X, H))
            O = torch.sigmoid(self._lin("o", X, H))
            Ct = torch.tanh(self._lin("c", X, H))
            C = F * C + I * Ct
            return O * torch.tanh(C), C

    return Cell()


# green-dalii/d2l-note:44-门控循环单元(GRU).md (X-tW_{xr} read as X_tW_{xr}). W_{xr}, W_{xz}, W_{xh} (x by h),
# W_{hr}, W_{hz}, W_{hh} (h by h), b_r, b_z, b_h (h). 3h(x + h + 1).
@_export
def h24c_greend2l_gru(x=7, h=5):
    return h24c_muyun_gru(x=x, h=h)


# stored file id 53654099891 (Vietnamese presentation script, GRU section; marked refuse: no weight is
# written). Most plausible reading, a standard GRU with separate input and recurrent weights and one bias
# per gate: 3h(x + h + 1).
@_export
def h24c_vigru_script(x=7, h=5):
    return h24c_muyun_gru(x=x, h=h)


# stored file id 60901117643 (Chinese Obsidian note on LSTM, ## 原理). W_f, W_i, W_c, W_o of shape H x (H + D)
# on [h_{t-1}, x_t], biases b_f, b_i, b_c, b_o (H) used in the equations (the prose count 4H(H+D) leaves
# them out). 4H(H + D + 1).
@_export
def h24c_zhobs_lstm(H=5, D=7):
    return h24c_kolstm_mermaid(x=D, h=H)


# Narcolepsyy/d2l-jp:chapter_recurrent-modern/gru.md (Japanese d2l, GRU). W_xr, W_xz, W_xh in R^{d x h},
# W_hr, W_hz, W_hh in R^{h x h}, b_r, b_z, b_h in R^{1 x h}. 3h(d + h + 1).
@_export
def h24c_d2ljp_gru(d=7, h=5):
    return h24c_muyun_gru(x=d, h=h)


# stored file id 21220815053 (Russian-commented PyTorch script, class AdaptiveLSTMCell). Per gate: W (Linear
# input_dim -> hidden_dim with bias), U (hidden -> hidden, no bias), V (additional_dim -> hidden, no bias),
# M (1 -> hidden, no bias), b (hidden); four LayerNorm(hidden) with weight and bias. With n = hidden_dim:
# 4n(input_dim + n + additional_dim + 3) + 8n.
@_export
def h24c_ruadaptive_lstm(input_dim=7, hidden_dim=5, additional_dim=3):
    class AdaptiveLSTMCell(nn.Module):
        def __init__(self):
            super().__init__()
            self.dropout = nn.Dropout(0.2)
            for g in "fico":
                setattr(self, "W_" + g, nn.Linear(input_dim, hidden_dim))
                setattr(self, "U_" + g, nn.Linear(hidden_dim, hidden_dim, bias=False))
                setattr(self, "V_" + g, nn.Linear(additional_dim, hidden_dim, bias=False))
                setattr(self, "M_" + g, nn.Linear(1, hidden_dim, bias=False))
                setattr(self, "b_" + g, nn.Parameter(torch.zeros(hidden_dim)))
                setattr(self, "layer_norm_" + g, nn.LayerNorm(hidden_dim))

        def _pre(self, g, x_t, h_prev, z_t, m):
            s = (getattr(self, "W_" + g)(x_t) + getattr(self, "U_" + g)(h_prev) + getattr(self, "V_" + g)(z_t)
                 + getattr(self, "M_" + g)(m) + getattr(self, "b_" + g))
            return getattr(self, "layer_norm_" + g)(s)

        def forward(self, x_t, h_prev, c_prev, z_t, mass_discrepancy):
            f_t = torch.sigmoid(self._pre("f", x_t, h_prev, z_t, mass_discrepancy))
            i_t = torch.sigmoid(self._pre("i", x_t, h_prev, z_t, mass_discrepancy))
            c_hat_t = torch.tanh(self._pre("c", x_t, h_prev, z_t, mass_discrepancy))
            c_t = f_t * c_prev + i_t * c_hat_t
            o_t = torch.sigmoid(self._pre("o", x_t, h_prev, z_t, mass_discrepancy))
            h_t = self.dropout(o_t * torch.tanh(c_t))
            return h_t, c_t

    return AdaptiveLSTMCell()


# stored file id 56455807708 (Chinese-commented module, class XLSTMLayer). W_i, W_f, W_o, W_mix:
# nn.Linear(2n, n) with bias on cat([hx, x_t]); W_c: nn.Linear(n, n) with bias on x_t. With n = hidden_dim
# (the input width is hidden_dim too): 4(2n^2 + n) + n^2 + n = 9n^2 + 5n.
@_export
def h24c_zhxlstm_parallax(hidden_dim=5):
    n = hidden_dim

    class XLSTMCell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_i = nn.Linear(2 * n, n)
            self.W_f = nn.Linear(2 * n, n)
            self.W_o = nn.Linear(2 * n, n)
            self.W_c = nn.Linear(n, n)
            self.W_mix = nn.Linear(2 * n, n)

        def forward(self, x_t, state):
            hx, cx, nx = state
            combined = torch.cat([hx, x_t], dim=-1)
            i_t = torch.sigmoid(self.W_i(combined))
            f_t = torch.exp(torch.clamp(self.W_f(combined), max=10.0))
            o_t = torch.sigmoid(self.W_o(combined))
            c_tilde = torch.tanh(self.W_c(x_t))
            cx = f_t * cx + i_t * c_tilde
            nx = f_t * nx + i_t
            mix = torch.sigmoid(self.W_mix(combined))
            cx_mixed = mix * (cx / (nx + 1e-8)) + (1 - mix) * torch.tanh(cx)
            return o_t * torch.tanh(cx_mixed), (cx, nx)

    return XLSTMCell()


# stored file id 63097485423 (Italian book chapter on linear recurrences, tab "Superiore" of "Dimenticare: i
# gate"; marked refuse: k_t, v_t, q_t have no written projection). Most plausible reading, one GLA head with
# model width d equal to key and value width: W_q, W_k, W_v (d x d, no bias), low-rank gate W^1_alpha (d x 16),
# W^2_alpha (16 x d), b_alpha (d), tau = 16. 3d^2 + 32d + d.
@_export
def h24c_itgla_gates(d=5):
    class GLA(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_q, self.W_k, self.W_v = _p(d, d), _p(d, d), _p(d, d)
            self.W1_alpha, self.W2_alpha, self.b_alpha = _p(d, 16), _p(16, d), _p(d)

        def forward(self, x, S):
            q, k, v = x @ self.W_q, x @ self.W_k, x @ self.W_v
            alpha = torch.sigmoid(x @ self.W1_alpha @ self.W2_alpha + self.b_alpha) ** (1 / 16)
            S = S * alpha.unsqueeze(-2) + v.unsqueeze(-1) * k.unsqueeze(-2)
            return (S @ q.unsqueeze(-1)).squeeze(-1), S

    return GLA()
