"""Oracles for the h38f set-aside snippets (heldout38), as its gatherer wrote them."""
import torch
from torch import nn

__all__ = []


def _export(f):
    __all__.append(f.__name__)
    return f


def _p(*shape):
    return nn.Parameter(torch.randn(*shape) * 0.1)


# JiandeWuu/notes RNN.md section 6.3 (Traditional Chinese, Saito DL-from-scratch-2 notes); LSTM with gates f, g, i, o,
# each x_t W_x^{(.)} (x, h) + h_{t-1} W_h^{(.)} (h, h) + b^{(.)} (h); c_t = f*c_{t-1} + g*i, h_t = o*tanh(c_t);
# Count: 4*(x*h + h*h + h).
@_export
def h38f_jiande_lstm(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.Wx = nn.ParameterDict({g: _p(x, h) for g in "fgio"})
            self.Wh = nn.ParameterDict({g: _p(h, h) for g in "fgio"})
            self.b = nn.ParameterDict({g: _p(h) for g in "fgio"})

        def forward(self, xt, ht, ct):
            a = {g: xt @ self.Wx[g] + ht @ self.Wh[g] + self.b[g] for g in "fgio"}
            f, g, i, o = torch.sigmoid(a["f"]), torch.tanh(a["g"]), torch.sigmoid(a["i"]), torch.sigmoid(a["o"])
            c = f * ct + g * i
            return o * torch.tanh(c), c
    return Cell()


# cafenoctua/nlp_knowledge LSTM.md (Japanese); gates are abstract functions f^sigma_f(X^{(t)}, h^{(t-1)}) etc. with no
# weights written; most plausible reading: each of f, i, o, C~ is an affine map of (X, h) with its own bias
# (W (h, x), U (h, h), b (h)); Count: 4*(h*x + h*h + h).  (refuse: parameterisation never written)
@_export
def h38f_cafe_lstm(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.lin = nn.ModuleDict({g: nn.Linear(x + h, h) for g in ["f", "i", "o", "c"]})

        def forward(self, xt, ht, ct):
            v = torch.cat([xt, ht], dim=-1)
            f = torch.sigmoid(self.lin["f"](v))
            i = torch.sigmoid(self.lin["i"](v))
            o = torch.sigmoid(self.lin["o"](v))
            cc = torch.tanh(self.lin["c"](v))
            c = f * ct + i * cc
            return o * torch.tanh(c), c
    return Cell()


# cafenoctua/nlp_knowledge RNN.md (Japanese); h_t = tanh(h_{t-1} W_h + x_t W_x + b): W_h (h, h), W_x (x, h), b (h);
# Count: h*h + x*h + h.
@_export
def h38f_cafe_rnn(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.Wh = _p(h, h)
            self.Wx = _p(x, h)
            self.b = _p(h)

        def forward(self, xt, ht):
            return torch.tanh(ht @ self.Wh + xt @ self.Wx + self.b)
    return Cell()


# mustfaozcn/GridWorld lstm.md (Turkish); f_t, i_t, g_t, o_t = act([mevcut_durum, önceki_hidden_state] @ W_* + b_*):
# each W_* (x+h, h), b_* (h); c_t = f_t*c_prev + i_t*g_t, h_t = o_t*tanh(c_t); Count: 4*((x+h)*h + h).
@_export
def h38f_gridworld_lstm(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W = nn.ParameterDict({g: _p(x + h, h) for g in "figo"})
            self.b = nn.ParameterDict({g: _p(h) for g in "figo"})

        def forward(self, xt, h_prev, c_prev):
            v = torch.cat([xt, h_prev], dim=-1)
            a = {g: v @ self.W[g] + self.b[g] for g in "figo"}
            f, i, o = torch.sigmoid(a["f"]), torch.sigmoid(a["i"]), torch.sigmoid(a["o"])
            g = torch.tanh(a["g"])
            c = f * c_prev + i * g
            return o * torch.tanh(c), c
    return Cell()


# limoncc/understand_rwkv notes/note1.md (Chinese), RWKV-4 WKV recurrence; r_t, k_t, v_t are used but never defined:
# most plausible reading = RWKV-4 time mixing without token shift: r, k, v = W_r x, W_k x, W_v x (d, d) each, per-channel
# decay w (d) and bonus u (d); o_t = sigma(r_t) * wkv_t (no output projection written); Count: 3*d*d + 2*d.
# (refuse: projections, token shift and output matrix are not written, so the count is not fixed by the text)
@_export
def h38f_rwkv_wkv(d=6):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.Wr, self.Wk, self.Wv = _p(d, d), _p(d, d), _p(d, d)
            self.w = _p(d)
            self.u = _p(d)

        def forward(self, xt, a, b):
            r, k, v = xt @ self.Wr.T, xt @ self.Wk.T, xt @ self.Wv.T
            a_out = a + torch.exp(self.u + k) * v
            b_out = b + torch.exp(self.u + k)
            o = torch.sigmoid(r) * (a_out / b_out)
            a = torch.exp(-self.w) * a + torch.exp(k) * v
            b = torch.exp(-self.w) * b + torch.exp(k)
            return o, a, b
    return Cell()


# NIckmin96/boostcamp DL/RNN_based_models.md (Korean), RNN with output layer: h_t = tanh(W_x x_t + W_h h_{t-1} + b),
# y_t = f(W_y h_t + b); W_x (h, x), W_h (h, h), hidden bias b (h), W_y (y, h), output bias b (y) (the two b's have
# different sizes, so they are two vectors); f taken as identity; Count: h*x + h*h + h + y*h + y.
@_export
def h38f_boost_rnn(x=7, h=5, y=3):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.Wx, self.Wh, self.b = _p(h, x), _p(h, h), _p(h)
            self.Wy, self.by = _p(y, h), _p(y)

        def forward(self, xt, ht):
            h_new = torch.tanh(xt @ self.Wx.T + ht @ self.Wh.T + self.b)
            return h_new @ self.Wy.T + self.by, h_new
    return Cell()


# NIckmin96/boostcamp DL/RNN_based_models.md (Korean), LSTM: i (W_x, W_{hi}, b_i), g (W_{xg}, W_{hg}, b_g),
# f (W_{xf}, W_{hf}, b_f), o (W_{xo}, W_{ho}, b_o); input matrices (h, x), recurrent (h, h), biases (h);
# C_t = f*C_{t-1} + i*g, h_t = o*tanh(C_t); Count: 4*(h*x + h*h + h).
@_export
def h38f_boost_lstm(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.Wx = nn.ParameterDict({g: _p(h, x) for g in "igfo"})
            self.Wh = nn.ParameterDict({g: _p(h, h) for g in "igfo"})
            self.b = nn.ParameterDict({g: _p(h) for g in "igfo"})

        def forward(self, xt, ht, ct):
            a = {g: xt @ self.Wx[g].T + ht @ self.Wh[g].T + self.b[g] for g in "igfo"}
            i, f, o = torch.sigmoid(a["i"]), torch.sigmoid(a["f"]), torch.sigmoid(a["o"])
            g = torch.tanh(a["g"])
            c = f * ct + i * g
            return o * torch.tanh(c), c
    return Cell()


# Cyane122/Obsidian-Repo "Gated Recurrent Unit.md" (Korean), bias-free GRU: W_r, W_z, W (h, x); U_r, U_z, U (h, h);
# h~ = tanh(W x + U(r*h)), h_t = (1-z)*h_{t-1} + z*h~; Count: 3*(h*x + h*h).
@_export
def h38f_cyane_gru(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W = nn.ParameterDict({g: _p(h, x) for g in "rzc"})
            self.U = nn.ParameterDict({g: _p(h, h) for g in "rzc"})

        def forward(self, xt, ht):
            r = torch.sigmoid(xt @ self.W["r"].T + ht @ self.U["r"].T)
            z = torch.sigmoid(xt @ self.W["z"].T + ht @ self.U["z"].T)
            hc = torch.tanh(xt @ self.W["c"].T + (r * ht) @ self.U["c"].T)
            return (1 - z) * ht + z * hc
    return Cell()


# luhengshiwo/LLMForEverybody Mamba translation (Chinese), selectivity section: h = S_Abar(x) h + S_Bbar(x) x,
# y = S_C(x) h with the selection functions left abstract; most plausible reading = Mamba S6 (paper): A (D, N) learned
# (diagonal per channel), s_B, s_C = Linear_N without bias (N, D) each, Delta = softplus(bias (D) + Linear_1(x)
# broadcast), ZOH; no skip D written; Count: 3*D*N + D + D.  (refuse: none of these shapes is written in the excerpt)
@_export
def h38f_mambazh_sel(D=6, N=4):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.A = _p(D, N)
            self.sB = nn.Linear(D, N, bias=False)
            self.sC = nn.Linear(D, N, bias=False)
            self.sD = nn.Linear(D, 1, bias=False)
            self.dt_bias = _p(D)

        def forward(self, xt, h_prev):            # xt (B, D), h_prev (B, D, N)
            delta = nn.functional.softplus(self.dt_bias + self.sD(xt))
            A = -torch.exp(self.A)
            Abar = torch.exp(delta[..., None] * A)
            Bbar = (Abar - 1) / A * self.sB(xt)[:, None, :]
            h = Abar * h_prev + Bbar * xt[..., None]
            y = (h * self.sC(xt)[:, None, :]).sum(-1)
            return y, h
    return Cell()


# jdariasl/ML_2020 Clase 14 cells 9-11 (Spanish), Elman RNN: a = b + V h^{(t-1)} + U x^{(t)}, h = tanh(a),
# o = c + W h; U (h, x), V (h, h), b (h), W (y, h), c (y); Count: h*x + h*h + h + y*h + y.
@_export
def h38f_jdarias_rnn(x=7, h=5, y=3):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.U, self.V, self.b = _p(h, x), _p(h, h), _p(h)
            self.W, self.c = _p(y, h), _p(y)

        def forward(self, xt, ht):
            h_new = torch.tanh(self.b + ht @ self.V.T + xt @ self.U.T)
            return self.c + h_new @ self.W.T, h_new
    return Cell()


# jdariasl/ML_2020 Clase 14 cells 46-55 (Spanish), LSTM in index form: for each gate g in {f, c, i, o}: U^g (h, x),
# V^g (h, h), b^g (h) (the text lists exactly these twelve parameter sets); c = f*c + i*tanh(.), h = tanh(c)*o;
# Count: 4*(h*x + h*h + h).
@_export
def h38f_jdarias_lstm(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.U = nn.ParameterDict({g: _p(h, x) for g in "fcio"})
            self.V = nn.ParameterDict({g: _p(h, h) for g in "fcio"})
            self.b = nn.ParameterDict({g: _p(h) for g in "fcio"})

        def forward(self, xt, ht, ct):
            a = {g: self.b[g] + xt @ self.U[g].T + ht @ self.V[g].T for g in "fcio"}
            f, i, o = torch.sigmoid(a["f"]), torch.sigmoid(a["i"]), torch.sigmoid(a["o"])
            c = f * ct + i * torch.tanh(a["c"])
            return torch.tanh(c) * o, c
    return Cell()


# ituki0426/LSTM lstm.md section 3.1 (Japanese notes of the 1997 LSTM paper), forward pass of the original LSTM
# (input and output gates, no forget gate, CEC sc(t) = sc(t-1) + y^in g(net_c)); the sum over units u is never tied
# to sizes. Reading built: x input units and h memory blocks with one cell each, no conventional hidden units;
# every gate/cell sums over u in {inputs, cell outputs}: w_in, w_out, w_c (h, x+h); output units k sum over the
# same non-gate units: w_k (y, x+h); no biases; g = tanh-like, h = tanh, f_k = identity;
# Count: 3*h*(x+h) + y*(x+h).  (refuse: unit set and block layout not fixed by the text)
@_export
def h38f_ituki_lstm97(x=7, h=5, y=3):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.w_in, self.w_out, self.w_c = _p(h, x + h), _p(h, x + h), _p(h, x + h)
            self.w_k = _p(y, x + h)

        def forward(self, xt, yc_prev, sc_prev):
            u = torch.cat([xt, yc_prev], dim=-1)
            y_in = torch.sigmoid(u @ self.w_in.T)
            y_out = torch.sigmoid(u @ self.w_out.T)
            sc = sc_prev + y_in * torch.tanh(u @ self.w_c.T)
            yc = y_out * torch.tanh(sc)
            yk = u @ self.w_k.T
            return yk, yc, sc
    return Cell()
