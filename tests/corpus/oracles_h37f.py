"""Oracles for the h37f set-aside snippets (heldout36), as its gatherer wrote them."""
import torch
from torch import nn

__all__ = []


def _export(f):
    __all__.append(f.__name__)
    return f


def _p(*shape):
    return nn.Parameter(torch.randn(*shape) * 0.1)


# datawhalechina/leedl-tutorial chapter36 "LSTM原理" (Chinese prose, Hung-yi Lee's LSTM); final form: the four
# inputs z, z^i, z^f, z^o each come from one transform of the concatenation [x^t, h^t, c^t] (peephole included,
# full matrices since the vectors are concatenated); no bias written in this part: four (x+2h, h) matrices;
# Count: 4*h*(x + 2h).
@_export
def h37f_leedl_lstm(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W = nn.ParameterDict({g: _p(x + 2 * h, h) for g in ["z", "i", "f", "o"]})

        def forward(self, xt, ht, ct):
            v = torch.cat([xt, ht, ct], dim=-1)
            z = torch.tanh(v @ self.W["z"])
            zi = torch.sigmoid(v @ self.W["i"])
            zf = torch.sigmoid(v @ self.W["f"])
            zo = torch.sigmoid(v @ self.W["o"])
            c = z * zi + ct * zf
            return torch.tanh(c) * zo, c
    return Cell()


# bighuang624/Andrew-Ng-Deep-Learning-notes GRU section (Chinese); the full GRU replaces the simplified one:
# W_c, W_u, W_r each (h, h+x) on [c^{t-1}, x^t], biases b_c, b_u, b_r (h); Count: 3*(h*(h+x) + h).
@_export
def h37f_ngnotes_gru(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W = nn.ParameterDict({g: _p(h, h + x) for g in "cur"})
            self.b = nn.ParameterDict({g: _p(h) for g in "cur"})

        def forward(self, xt, c_prev):
            cat = torch.cat([c_prev, xt], dim=-1)
            gu = torch.sigmoid(cat @ self.W["u"].T + self.b["u"])
            gr = torch.sigmoid(cat @ self.W["r"].T + self.b["r"])
            ct = torch.tanh(torch.cat([gr * c_prev, xt], dim=-1) @ self.W["c"].T + self.b["c"])
            c = gu * ct + (1 - gu) * c_prev
            return c
    return Cell()


# bighuang624/Andrew-Ng-Deep-Learning-notes LSTM section (Chinese); equations (inside an HTML comment) give
# W_c, W_u, W_f, W_o each (h, h+x) on [a^{t-1}, x^t] plus biases; the prose then calls this the simplified LSTM and
# mentions one-to-one peepholes (would add 3h); oracle = the written equations; Count: 4*(h*(h+x) + h).
@_export
def h37f_ngnotes_lstm(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W = nn.ParameterDict({g: _p(h, h + x) for g in "cufo"})
            self.b = nn.ParameterDict({g: _p(h) for g in "cufo"})

        def forward(self, xt, a_prev, c_prev):
            cat = torch.cat([a_prev, xt], dim=-1)
            ct = torch.tanh(cat @ self.W["c"].T + self.b["c"])
            gu = torch.sigmoid(cat @ self.W["u"].T + self.b["u"])
            gf = torch.sigmoid(cat @ self.W["f"].T + self.b["f"])
            go = torch.sigmoid(cat @ self.W["o"].T + self.b["o"])
            c = gu * ct + gf * c_prev
            return go * torch.tanh(c), c
    return Cell()


# yunjinyong730/-xLSTM_Sensor_Calibration README, mLSTM (Korean); q, k, v and the gates are not defined in the text;
# most plausible reading = the xLSTM paper's mLSTM with input size d: W_q, W_k, W_v, W_o (d, d) + biases (d),
# scalar gates i, f from w_i, w_f (d) + scalar biases; Count: 4*(d*d + d) + 2*(d + 1).
@_export
def h37f_xlstmkr_mlstm(d=6):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.q, self.k, self.v, self.o = (nn.Linear(d, d) for _ in range(4))
            self.i, self.f = nn.Linear(d, 1), nn.Linear(d, 1)

        def forward(self, xt, C, n):
            q, k, v = self.q(xt), self.k(xt) / d ** 0.5, self.v(xt)
            i = torch.exp(self.i(xt))                 # (B, 1)
            f = torch.sigmoid(self.f(xt))             # (B, 1)
            o = torch.sigmoid(self.o(xt))
            C = f[..., None] * C + i[..., None] * v[..., :, None] * k[..., None, :]
            n = f * n + i * k
            num = (C @ q[..., None]).squeeze(-1)
            den = torch.clamp((n * q).sum(-1, keepdim=True).abs(), min=1.0)
            return o * num / den, C, n
    return Cell()


# ssshun3/DLcode DAY6 6_11_GRU_layer.ipynb (Japanese notebook), GRU; Wx (x, 3h), Wh (h, 3h), b (3h) packed;
# Count: 3*(x*h + h*h + h).
@_export
def h37f_dlcode_gru(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.Wx, self.Wh, self.b = _p(x, 3 * h), _p(h, 3 * h), _p(3 * h)

        def forward(self, xt, h_prev):
            H = h
            Wxz, Wxr, Wxh = self.Wx[:, :H], self.Wx[:, H:2 * H], self.Wx[:, 2 * H:]
            Whz, Whr, Whh = self.Wh[:, :H], self.Wh[:, H:2 * H], self.Wh[:, 2 * H:]
            bz, br, bh = self.b[:H], self.b[H:2 * H], self.b[2 * H:]
            z = torch.sigmoid(xt @ Wxz + h_prev @ Whz + bz)
            r = torch.sigmoid(xt @ Wxr + h_prev @ Whr + br)
            h_hat = torch.tanh(xt @ Wxh + (r * h_prev) @ Whh + bh)
            return z * h_prev + (1 - z) * h_hat
    return Cell()


# datawhalechina/base-nlp chapter3 09_LSTM&GRU.md section 4.1/4.2 (Chinese), bias-free LSTM; U_f, U_i, U_c, U_o
# (x, h) on x_t, W_f, W_i, W_c, W_o (h, h) on h_{t-1}; no biases (stated); Count: 4*(x*h + h*h).
@_export
def h37f_basenlp_lstm(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.U = nn.ParameterDict({g: _p(x, h) for g in "fico"})
            self.W = nn.ParameterDict({g: _p(h, h) for g in "fico"})

        def forward(self, xt, h_prev, c_prev):
            f = torch.sigmoid(xt @ self.U["f"] + h_prev @ self.W["f"])
            i = torch.sigmoid(xt @ self.U["i"] + h_prev @ self.W["i"])
            ct = torch.tanh(xt @ self.U["c"] + h_prev @ self.W["c"])
            c = f * c_prev + i * ct
            o = torch.sigmoid(xt @ self.U["o"] + h_prev @ self.W["o"])
            return o * torch.tanh(c), c
    return Cell()


# KuriZd/RecInfo LSTM.md section 2 (Spanish); only f, i, o are written (W_* on [h_{t-1}, x_t] + b_*); the diagram
# names a fourth "Gate (Cell)" block; most plausible reading = standard LSTM with four such gates;
# Count: 4*(h*(h+x) + h).
@_export
def h37f_recinfo_lstm(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W = nn.ParameterDict({g: _p(h, h + x) for g in "fiCo"})
            self.b = nn.ParameterDict({g: _p(h) for g in "fiCo"})

        def forward(self, xt, h_prev, c_prev):
            v = torch.cat([h_prev, xt], dim=-1)
            f = torch.sigmoid(v @ self.W["f"].T + self.b["f"])
            i = torch.sigmoid(v @ self.W["i"].T + self.b["i"])
            g = torch.tanh(v @ self.W["C"].T + self.b["C"])
            o = torch.sigmoid(v @ self.W["o"].T + self.b["o"])
            c = f * c_prev + i * g
            return o * torch.tanh(c), c
    return Cell()


# CYZ0225/Notebook_for_DeepLearning 循环神经网络.md "#### GRU" (Chinese); z_t = sigma(W_z x + U_z h + b_z) and
# g = tanh(W_h x + U_h (r_t * h) + b_h) are written; r_t is named but not defined; most plausible reading: r_t =
# sigma(W_r x + U_r h + b_r) like z_t; W_* (h, x), U_* (h, h), b_* (h) for z, r, h; Count: 3*(h*x + h*h + h).
@_export
def h37f_cyznotes_gru(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W = nn.ParameterDict({g: _p(h, x) for g in "zrh"})
            self.U = nn.ParameterDict({g: _p(h, h) for g in "zrh"})
            self.b = nn.ParameterDict({g: _p(h) for g in "zrh"})

        def forward(self, xt, h_prev):
            z = torch.sigmoid(xt @ self.W["z"].T + h_prev @ self.U["z"].T + self.b["z"])
            r = torch.sigmoid(xt @ self.W["r"].T + h_prev @ self.U["r"].T + self.b["r"])
            g = torch.tanh(xt @ self.W["h"].T + (r * h_prev) @ self.U["h"].T + self.b["h"])
            return z * h_prev + (1 - z) * g
    return Cell()


# CYZ0225/Notebook_for_DeepLearning 循环神经网络.md "#### LSTM" (Chinese); W_c, W_i, W_f, W_o (h, x), U_* (h, h),
# b_* (h); Count: 4*(h*x + h*h + h).
@_export
def h37f_cyznotes_lstm(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W = nn.ParameterDict({g: _p(h, x) for g in "cifo"})
            self.U = nn.ParameterDict({g: _p(h, h) for g in "cifo"})
            self.b = nn.ParameterDict({g: _p(h) for g in "cifo"})

        def forward(self, xt, h_prev, c_prev):
            a = {g: xt @ self.W[g].T + h_prev @ self.U[g].T + self.b[g] for g in "cifo"}
            ct = torch.tanh(a["c"])
            i, f, o = torch.sigmoid(a["i"]), torch.sigmoid(a["f"]), torch.sigmoid(a["o"])
            c = f * c_prev + i * ct
            return o * torch.tanh(c), c
    return Cell()


# u-keiya/mamba-study mamba.md section 9.2 (Japanese), Mamba S6; most plausible reading (paper/official code):
# A (D, N) learned (diagonal per channel), s_B, s_C = Linear_N without bias (N, D) each, s_Delta = Linear_1 (1, D)
# broadcast to D channels, "Parameter" = Delta bias (D), skip D (D); Count: 3*D*N + 3*D.
@_export
def h37f_mambaja_s6(D=6, N=4):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.A = _p(D, N)
            self.sB = nn.Linear(D, N, bias=False)
            self.sC = nn.Linear(D, N, bias=False)
            self.sD = nn.Linear(D, 1, bias=False)
            self.dt_bias = _p(D)
            self.Dskip = _p(D)

        def forward(self, xt, h_prev):            # xt (B, D), h_prev (B, D, N)
            delta = nn.functional.softplus(self.dt_bias + self.sD(xt))   # (B, D) broadcast
            A = -torch.exp(self.A)
            Abar = torch.exp(delta[..., None] * A)                        # (B, D, N)
            Bt, Ct = self.sB(xt), self.sC(xt)                             # (B, N)
            Bbar = (Abar - 1) / A * Bt[:, None, :]                        # ZOH for diagonal A
            h = Abar * h_prev + Bbar * xt[..., None]
            y = (h * Ct[:, None, :]).sum(-1) + self.Dskip * xt
            return y, h
    return Cell()


# datawhalechina/base-nlp 09_LSTM&GRU.md section 6.1 (Chinese), peephole LSTM: standard LSTM (W_f, W_i, W_c, W_o
# (h, h+x) on [h_{t-1}, x_t] + biases) plus diagonal peepholes V_f, V_i, V_o (h each, applied with ⊙);
# Count: 4*(h*(h+x) + h) + 3*h.
@_export
def h37f_basenlp_peephole(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W = nn.ParameterDict({g: _p(h, h + x) for g in "fico"})
            self.b = nn.ParameterDict({g: _p(h) for g in "fico"})
            self.V = nn.ParameterDict({g: _p(h) for g in "fio"})

        def forward(self, xt, h_prev, c_prev):
            v = torch.cat([h_prev, xt], dim=-1)
            f = torch.sigmoid(v @ self.W["f"].T + self.V["f"] * c_prev + self.b["f"])
            i = torch.sigmoid(v @ self.W["i"].T + self.V["i"] * c_prev + self.b["i"])
            ct = torch.tanh(v @ self.W["c"].T + self.b["c"])
            c = f * c_prev + i * ct
            o = torch.sigmoid(v @ self.W["o"].T + self.V["o"] * c + self.b["o"])
            return o * torch.tanh(c), c
    return Cell()


# ssshun3/DLcode DAY6 6_10_LSTM_layer_trainee.ipynb (Japanese exercise with blanks), LSTM; the docstring fixes the
# parameters: Wx (x, 4h), Wh (h, 4h), b (4h) each packing four gates (f, g, i, o); Count: 4*(x*h + h*h + h).
@_export
def h37f_dlcode_lstmblank(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.Wx, self.Wh, self.b = _p(x, 4 * h), _p(h, 4 * h), _p(4 * h)

        def forward(self, xt, h_prev, c_prev):
            H = h
            A = xt @ self.Wx + h_prev @ self.Wh + self.b
            f, g, i, o = A[:, :H], A[:, H:2 * H], A[:, 2 * H:3 * H], A[:, 3 * H:]
            f, g, i, o = torch.sigmoid(f), torch.tanh(g), torch.sigmoid(i), torch.sigmoid(o)
            c = f * c_prev + g * i
            return o * torch.tanh(c), c
    return Cell()
