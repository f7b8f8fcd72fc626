"""Oracles for the h10h set-aside snippets (research notes, reading-group notes, wiki/KB pages)."""
import torch
from torch import nn

__all__ = []


def _export(f):
    __all__.append(f.__name__)
    return f


def _p(*shape):
    return nn.Parameter(torch.randn(*shape) * 0.1)


# ---------------------------------------------------------------------------
# stored file 52474575364: GLA core idea; W_Q, W_K (d x d_k), W_V (d x d_v),
# gate W_alpha^1 (d x 16), W_alpha^2 (16 x d_k), b_alpha (1 x d_k); o_t = q_t S_t, no W_O
# ---------------------------------------------------------------------------
@_export
def h10h_glacore_gla(d=7, d_k=3, d_v=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_Q = _p(d, d_k)
            self.W_K = _p(d, d_k)
            self.W_V = _p(d, d_v)
            self.W_a1 = _p(d, 16)
            self.W_a2 = _p(16, d_k)
            self.b_a = _p(1, d_k)
            self.tau = 16.0

        def forward(self, x, S):  # x: (1, d), S: (d_k, d_v)
            q, k, v = x @ self.W_Q, x @ self.W_K, x @ self.W_V
            a = torch.sigmoid(x @ self.W_a1 @ self.W_a2 + self.b_a) ** (1 / self.tau)
            S = torch.diag(a[0]) @ S + k.T @ v
            return q @ S, S

    return Cell()


# ---------------------------------------------------------------------------
# stored file 57007155344: Vietnamese report, GRU with W_r, W_z, W on [h_{t-1}, x_t] (+ biases)
# ---------------------------------------------------------------------------
@_export
def h10h_cfdvang_gru(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_r = nn.Linear(h + x, h)
            self.W_z = nn.Linear(h + x, h)
            self.W = nn.Linear(h + x, h)

        def forward(self, xt, hp):
            hx = torch.cat([hp, xt], -1)
            r = torch.sigmoid(self.W_r(hx))
            z = torch.sigmoid(self.W_z(hx))
            ht = torch.tanh(self.W(torch.cat([r * hp, xt], -1)))
            return (1 - z) * hp + z * ht

    return Cell()


# ---------------------------------------------------------------------------
# stored file 63045284198: Obsidian wiki IndRNN eq. (1): W_xh (h x x), u (h), no bias
# (the preceding plain-RNN equation is the contrast, not the cell)
# ---------------------------------------------------------------------------
@_export
def h10h_obsidianwiki_indrnn(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_xh = nn.Linear(x, h, bias=False)
            self.u = _p(h)

        def forward(self, xt, hp):
            return torch.sigmoid(self.W_xh(xt) + self.u * hp)

    return Cell()


# ---------------------------------------------------------------------------
# stored file 62905931189: Obsidian wiki GRU, reset after W_hh h_{t-1}; W_x* (h x x), W_h* (h x h),
# one bias per gate (b_z, b_r, b_h)
# ---------------------------------------------------------------------------
@_export
def h10h_obsidianwiki_gru(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_xz = nn.Linear(x, h)
            self.W_hz = nn.Linear(h, h, bias=False)
            self.W_xr = nn.Linear(x, h)
            self.W_hr = nn.Linear(h, h, bias=False)
            self.W_xh = nn.Linear(x, h)
            self.W_hh = nn.Linear(h, h, bias=False)

        def forward(self, xt, hp):
            z = torch.sigmoid(self.W_xz(xt) + self.W_hz(hp))
            r = torch.sigmoid(self.W_xr(xt) + self.W_hr(hp))
            hc = torch.tanh(self.W_xh(xt) + r * self.W_hh(hp))
            return (1 - z) * hp + z * hc

    return Cell()


# ---------------------------------------------------------------------------
# alshawai/Deep-Learning-Reference-Hub (stored file 70937837441): minLSTM, W_f W_u W_c (n_a x n_x), no biases
# ---------------------------------------------------------------------------
@_export
def h10h_dlrefhub_minlstm(x=7, a=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_f = nn.Linear(x, a, bias=False)
            self.W_u = nn.Linear(x, a, bias=False)
            self.W_c = nn.Linear(x, a, bias=False)

        def forward(self, xt, ap):
            f = torch.sigmoid(self.W_f(xt))
            u = torch.sigmoid(self.W_u(xt))
            at = self.W_c(xt)
            return f / (f + u) * ap + u / (f + u) * at

    return Cell()


# ---------------------------------------------------------------------------
# same page: GRU (Cho/Ng, reset before), W_r W_u W_c (n_a x (n_a + n_x)), b_r b_u b_c (n_a x 1)
# ---------------------------------------------------------------------------
@_export
def h10h_dlrefhub_gru(x=7, a=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_r = nn.Linear(a + x, a)
            self.W_u = nn.Linear(a + x, a)
            self.W_c = nn.Linear(a + x, a)

        def forward(self, xt, ap):
            ax = torch.cat([ap, xt], -1)
            r = torch.sigmoid(self.W_r(ax))
            u = torch.sigmoid(self.W_u(ax))
            at = torch.tanh(self.W_c(torch.cat([r * ap, xt], -1)))
            return u * at + (1 - u) * ap

    return Cell()


# ---------------------------------------------------------------------------
# stored file 56690069223 (expect: refuse): Korean SSAMBA review. One plausible reading only:
# Mamba-style selective SSM per input channel, A (x by h) learned, B_t = W_B x_t, C_t = W_C x_t,
# Delta_t = softplus(W_D x_t + b_D). The text fixes none of these shapes.
# ---------------------------------------------------------------------------
@_export
def h10h_kossamba_mamba(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.A_log = _p(x, h)
            self.W_B = nn.Linear(x, h, bias=False)
            self.W_C = nn.Linear(x, h, bias=False)
            self.W_D = nn.Linear(x, x)

        def forward(self, xt, hp):  # xt (1, x), hp (1, x, h)
            A = -torch.exp(self.A_log)
            d = nn.functional.softplus(self.W_D(xt))            # (1, x)
            Ad = torch.exp(d.unsqueeze(-1) * A)                 # (1, x, h)
            Bd = d.unsqueeze(-1) * self.W_B(xt).unsqueeze(1)    # (1, x, h)
            hn = Ad * hp + Bd * xt.unsqueeze(-1)
            y = (hn * self.W_C(xt).unsqueeze(1)).sum(-1)
            return y, hn

    return Cell()


# ---------------------------------------------------------------------------
# stored file 55195757187: Docusaurus KB GRU, D2L row-vector form, W_x* (X x H), W_h* (H x H), b_* (H)
# ---------------------------------------------------------------------------
@_export
def h10h_docusauruskb_gru(X=7, H=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_xr, self.W_hr, self.b_r = _p(X, H), _p(H, H), _p(H)
            self.W_xz, self.W_hz, self.b_z = _p(X, H), _p(H, H), _p(H)
            self.W_xh, self.W_hh, self.b_h = _p(X, H), _p(H, H), _p(H)

        def forward(self, Xt, Hp):
            R = torch.sigmoid(Xt @ self.W_xr + Hp @ self.W_hr + self.b_r)
            Z = torch.sigmoid(Xt @ self.W_xz + Hp @ self.W_hz + self.b_z)
            Hc = torch.tanh(Xt @ self.W_xh + (R * Hp) @ self.W_hh + self.b_h)
            return Z * Hp + (1 - Z) * Hc

    return Cell()


# ---------------------------------------------------------------------------
# stored file 67490114816: Chinese minGRU task note, W_z W_h [hidden_dim x input_dim], b_z b_h [hidden_dim]
# ---------------------------------------------------------------------------
@_export
def h10h_cnnroadmap_mingru(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_z = nn.Linear(x, h)
            self.W_h = nn.Linear(x, h)

        def forward(self, xt, hp):
            z = torch.sigmoid(self.W_z(xt))
            hc = self.W_h(xt)
            return (1 - z) * hp + z * hc

    return Cell()
