"""Oracles for the h47c set-aside snippets (heldout47), as its gatherer wrote them."""
import torch
from torch import nn

__all__ = []


def _export(f):
    __all__.append(f.__name__)
    return f


def _p(*shape):
    return nn.Parameter(torch.randn(*shape) * 0.1)


# gdarruda/gdarruda.github.io _posts/2019-02-03-LSTM-para-series-temporais.md, "Gates (portões)"; a_{t-1} read as the
# hidden state h_{t-1} (size h); W_{fa}, W_{ia}, W_{oa}, W_{ca} (h, h), W_{fx}, W_{ix}, W_{ox}, W_{xa} (h, x),
# b_f, b_i, b_l, b_c (h); F_t scales the candidate and I_t scales c_{t-1} as written; Count: 4*(h*h + h*x + h).
@_export
def h47c_gdarruda_lstm_pt(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.Wa = nn.ParameterDict({k: _p(h, h) for k in "fioc"})
            self.Wx = nn.ParameterDict({k: _p(h, x) for k in "fioc"})
            self.b = nn.ParameterDict({k: _p(h) for k in "fioc"})

        def forward(self, xt, a_prev, c_prev):
            g = lambda k: xt @ self.Wx[k].T + a_prev @ self.Wa[k].T + self.b[k]
            F = torch.sigmoid(g("f"))
            I = torch.sigmoid(g("i"))
            O = torch.sigmoid(g("o"))
            c_tilde = torch.tanh(g("c"))
            c = F * c_tilde + I * c_prev
            return O * torch.tanh(c), c
    return Cell()


# ontouchstart/rabbit-holes gru.md, "Key Components of GRUs"; W_r, W_z, W_g (h, x), U_r, U_z, U_g (h, h), no bias
# written; h_t = (1 - z_t) * g_t + z_t * h_{t-1}; Count: 3*(h*x + h*h).
@_export
def h47c_ontouchstart_gru(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W = nn.ParameterDict({k: _p(h, x) for k in "rzg"})
            self.U = nn.ParameterDict({k: _p(h, h) for k in "rzg"})

        def forward(self, xt, h_prev):
            W, U = self.W, self.U
            r = torch.sigmoid(xt @ W["r"].T + h_prev @ U["r"].T)
            z = torch.sigmoid(xt @ W["z"].T + h_prev @ U["z"].T)
            g = torch.tanh(xt @ W["g"].T + (r * h_prev) @ U["g"].T)
            return (1 - z) * g + z * h_prev
    return Cell()


# TransformersWsz/myblog source/_posts/LSTM.md; W_f, W_i, W_c, W_o (h, h + x) acting on [h_{t-1}, x_t], biases b_f, b_i,
# b_c, b_o (h); Count: 4*(h*(h + x) + h).
@_export
def h47c_transformerswsz_lstm_zh(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.lin = nn.ModuleDict({k: nn.Linear(h + x, h) for k in "fico"})

        def forward(self, xt, h_prev, c_prev):
            z = torch.cat([h_prev, xt], dim=-1)
            f = torch.sigmoid(self.lin["f"](z))
            i = torch.sigmoid(self.lin["i"](z))
            c_tilde = torch.tanh(self.lin["c"](z))
            c = f * c_prev + i * c_tilde
            o = torch.sigmoid(self.lin["o"](z))
            return o * torch.tanh(c), c
    return Cell()


# Fazziekey/Fazziekey.github.io source/_posts/RNN.md, "解决，引入RNN" / "更一般情况"; w_{aa} (a, a), the garbled
# w_{<ax>x^{t}} read as w_{ax} (a, x) times x^{t}, b_a (a), w_{ya} (y, a), b_y (y); g_1 = tanh, g_2 = softmax assumed
# (activations do not change the count); Count: a*a + a*x + a + y*a + y.
@_export
def h47c_fazziekey_rnn_zh(x=7, a=5, y=3):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.w_aa = _p(a, a)
            self.w_ax = _p(a, x)
            self.b_a = _p(a)
            self.w_ya = _p(y, a)
            self.b_y = _p(y)

        def forward(self, xt, a_prev):
            a_t = torch.tanh(a_prev @ self.w_aa.T + xt @ self.w_ax.T + self.b_a)
            y_hat = torch.softmax(a_t @ self.w_ya.T + self.b_y, dim=-1)
            return y_hat, a_t
    return Cell()


# wyq136/wyq136.github.io source/_posts/LSTM.md, "前向计算"; W_{ii}, W_{if}, W_{io}, W_{ig} (h, x), W_{hi}, W_{hf}, W_{ho},
# W_{hg} (h, h), one bias per gate b_i, b_f, b_o, b_g (h); Count: 4*(h*x + h*h + h).
@_export
def h47c_wyq136_lstm_zh(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.Wi = nn.ParameterDict({k: _p(h, x) for k in "ifog"})
            self.Wh = nn.ParameterDict({k: _p(h, h) for k in "ifog"})
            self.b = nn.ParameterDict({k: _p(h) for k in "ifog"})

        def forward(self, xt, h_prev, c_prev):
            pre = lambda k: xt @ self.Wi[k].T + h_prev @ self.Wh[k].T + self.b[k]
            i, f, o = (torch.sigmoid(pre(k)) for k in "ifo")
            g = torch.tanh(pre("g"))
            c = f * c_prev + i * g
            return o * torch.tanh(c), c
    return Cell()


# menghuu/menghuu.github.io source/_posts/lstm.md, "什么是LSTM"; input gate W_t (h, x), U_t (h, h), b_i (typo W_t/U_t read
# as the input gate's own matrices); forget W_f, U_f, b_f; output W_o, U_o, b_o; candidate W_c, U_c with no bias
# written; Count: 4*(h*x + h*h) + 3*h.
@_export
def h47c_menghuu_lstm_zh(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W = nn.ParameterDict({k: _p(h, x) for k in "tfoc"})
            self.U = nn.ParameterDict({k: _p(h, h) for k in "tfoc"})
            self.b = nn.ParameterDict({k: _p(h) for k in "ifo"})

        def forward(self, xt, h_prev, c_prev):
            W, U, b = self.W, self.U, self.b
            i = torch.sigmoid(xt @ W["t"].T + h_prev @ U["t"].T + b["i"])
            f = torch.sigmoid(xt @ W["f"].T + h_prev @ U["f"].T + b["f"])
            o = torch.sigmoid(xt @ W["o"].T + h_prev @ U["o"].T + b["o"])
            c_hat = torch.tanh(xt @ W["c"].T + h_prev @ U["c"].T)
            c = f * c_prev + i * c_hat
            return o * torch.tanh(c), c
    return Cell()


# ybshen007/ybshen007.github.io source/_posts/lstm.md, "## RNN"; W_{hx} of shape (embed_dim, rnn_units), W_{hh}
# (rnn_units, rnn_units), b (rnn_units); active_func = tanh; Count: embed_dim*rnn_units + rnn_units**2 + rnn_units.
@_export
def h47c_ybshen007_rnn_zh(embed_dim=7, rnn_units=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_hx = _p(embed_dim, rnn_units)
            self.W_hh = _p(rnn_units, rnn_units)
            self.b = _p(rnn_units)

        def forward(self, xt, h_prev):
            return torch.tanh(xt @ self.W_hx + h_prev @ self.W_hh + self.b)
    return Cell()


# BbqGamer/blog content/posts/mamba.md (refuse: f_Δ, f_B are abstract functions and no size is given); most plausible
# reading: state h (n), input x_k (x), A (n, n) learned, C (x, n) mapping back to the input width, f_Δ = Linear(x -> 1)
# with bias and softplus, f_B = Linear(x -> n*x) with bias giving B_k (n, x); zero-order-hold discretisation as written;
# Count: n*n + x*n + (x + 1) + (x*n*x + n*x).
@_export
def h47c_bbqgamer_mamba(x=7, n=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.A = nn.Parameter(-torch.eye(n) + 0.1 * torch.randn(n, n))
            self.C = _p(x, n)
            self.f_delta = nn.Linear(x, 1)
            self.f_B = nn.Linear(x, n * x)

        def forward(self, xk, h):
            delta = nn.functional.softplus(self.f_delta(xk))            # (b, 1)
            B = self.f_B(xk).view(-1, n, x)                              # (b, n, x)
            dA = delta[:, :, None] * self.A                              # (b, n, n)
            A_bar = torch.matrix_exp(dA)
            B_bar = torch.linalg.solve(dA, (A_bar - torch.eye(n)) @ (delta[:, :, None] * B))
            h = (A_bar @ h[..., None]).squeeze(-1) + (B_bar @ xk[..., None]).squeeze(-1)
            return h @ self.C.T, h
    return Cell()


# gnoluna/blog source/_posts/lstm.md (refuse: m_{t-1} vs h_{t-1}, full vs diagonal peepholes); most plausible literal
# reading: m_{t-1} is the same recurrent state as h_{t-1} (size h); gates i, f, o: W_{·x} (h, x), recurrent W (h, h),
# peephole W_{ic}, W_{cf}, W_{oc} as full (h, h) matrices ("权重矩阵"), bias (h); cell input W_{cx} (h, x), W_{ch} (h, h),
# b_c (h); g = h = tanh; output layer W_{yh} (y, h), b_y (y);
# Count: 3*(h*x + 2*h*h + h) + (h*x + h*h + h) + (y*h + y).
@_export
def h47c_gnoluna_lstm_peephole(x=7, h=5, y=3):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.Wx = nn.ParameterDict({k: _p(h, x) for k in "ifco"})
            self.Wr = nn.ParameterDict({k: _p(h, h) for k in "ifco"})
            self.Wp = nn.ParameterDict({k: _p(h, h) for k in "ifo"})
            self.b = nn.ParameterDict({k: _p(h) for k in "ifco"})
            self.W_yh = _p(y, h)
            self.b_y = _p(y)

        def forward(self, xt, m_prev, c_prev):
            Wx, Wr, Wp, b = self.Wx, self.Wr, self.Wp, self.b
            i = torch.sigmoid(xt @ Wx["i"].T + m_prev @ Wr["i"].T + c_prev @ Wp["i"].T + b["i"])
            f = torch.sigmoid(xt @ Wx["f"].T + m_prev @ Wr["f"].T + c_prev @ Wp["f"].T + b["f"])
            c = f * c_prev + i * torch.tanh(xt @ Wx["c"].T + m_prev @ Wr["c"].T + b["c"])
            o = torch.sigmoid(xt @ Wx["o"].T + m_prev @ Wr["o"].T + c @ Wp["o"].T + b["o"])
            h_t = o * torch.tanh(c)
            return h_t @ self.W_yh.T + self.b_y, h_t, c
    return Cell()


# SpicyHolo/obsidian-holovault RNN.md, "Równania sieci"; W_{hx} (h, x), W_{hh} (h, h), b_h (h, typed `\boldsymbol{b}h`),
# W_{yh} (y, h, typed `\boldsymbol{W}yh`), b_y (y); σ_h = tanh, σ_y = softmax assumed; Count: h*x + h*h + h + y*h + y.
@_export
def h47c_spicyholo_rnn_pl(x=7, h=5, y=3):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_hx = _p(h, x)
            self.W_hh = _p(h, h)
            self.b_h = _p(h)
            self.W_yh = _p(y, h)
            self.b_y = _p(y)

        def forward(self, xt, h_prev):
            h_t = torch.tanh(xt @ self.W_hx.T + h_prev @ self.W_hh.T + self.b_h)
            return torch.softmax(h_t @ self.W_yh.T + self.b_y, dim=-1), h_t
    return Cell()


# xiaomindog/xiaomindog.github.io source/_posts/RNN.md, "GRU"; W_z, W_r, S (h, h + x) on [h_{t-1}, x_t] (S on
# [r_t * h_{t-1}, x_t]), no bias written; Count: 3*h*(h + x).
@_export
def h47c_xiaomindog_gru_zh(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_z = _p(h, h + x)
            self.W_r = _p(h, h + x)
            self.S = _p(h, h + x)

        def forward(self, xt, h_prev):
            hx = torch.cat([h_prev, xt], dim=-1)
            z = torch.sigmoid(hx @ self.W_z.T)
            r = torch.sigmoid(hx @ self.W_r.T)
            h_tilde = torch.tanh(torch.cat([r * h_prev, xt], dim=-1) @ self.S.T)
            return (1 - z) * h_prev + z * h_tilde
    return Cell()


# DoerJ/hexo-blog source/_posts/rnn.md, "Gated recurrent unit(GRU)" (simplified GRU, no reset gate); W_c (c, c + x)
# and b_c (c) for the candidate, W_u (c, c + x) and a bias (written b_o) for the update gate Γ_u (written Γ_o);
# c_t = Γ_u * c~ + (1 - Γ_u) * c_{t-1}; Count: 2*(c*(c + x) + c).
@_export
def h47c_doerj_gru_simplified(x=7, c=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_c = nn.Linear(c + x, c)
            self.W_u = nn.Linear(c + x, c)

        def forward(self, xt, c_prev):
            cx = torch.cat([c_prev, xt], dim=-1)
            c_tilde = torch.tanh(self.W_c(cx))
            gamma_u = torch.sigmoid(self.W_u(cx))
            return gamma_u * c_tilde + (1 - gamma_u) * c_prev
    return Cell()
