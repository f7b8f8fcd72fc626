"""Oracles for the h55f set-aside snippets (heldout55), as its gatherer wrote them."""
import torch
from torch import nn

__all__ = []


def _export(f):
    __all__.append(f.__name__)
    return f


def _p(*shape):
    return nn.Parameter(torch.randn(*shape) * 0.1)


# antkillerfarm/antkillerfarm.github.com _posts/2017-6-22-Deep_Learning_7.markdown, Jordan RNN (Chinese blog):
# h_t = sigma_h(W_h x_t + U_h y_{t-1} + b_h), y_t = sigma_y(W_y h_t + b_y); the recurrence runs through the output y.
# W_h: h x x, U_h: h x y, b_h: h, W_y: y x h, b_y: y. Count: h*x + h*y + h + y*h + y.
@_export
def h55f_antkiller_jordan(x=7, h=5, y=3):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_h = _p(h, x)
            self.U_h = _p(h, y)
            self.b_h = _p(h)
            self.W_y = _p(y, h)
            self.b_y = _p(y)

        def forward(self, x_t, y_prev):
            h_t = torch.tanh(x_t @ self.W_h.T + y_prev @ self.U_h.T + self.b_h)
            y_t = torch.sigmoid(h_t @ self.W_y.T + self.b_y)
            return y_t, h_t
    return Cell()


# antkillerfarm/antkillerfarm.github.com _posts/2017-10-10-Deep_Learning_19.markdown, LSTMP (Chinese blog), marked
# refuse: the forget gate adds the input gate's bias b_i (shared or a slip) and the non-recurrent projection
# p_t = W_{pm} m_t is optional with a size nothing fixes. Most plausible reading (Sak et al. 2014): separate biases
# b_i, b_f, b_c, b_o (n_c each); W_{*x}: n_c x n_i; W_{*m}: n_c x n_r (on r_{t-1}); diagonal peepholes W_ic, W_fc, W_oc
# (n_c each, as the text's n_c x 3); W_rm: n_r x n_c; the optional p_t left out; y_t = W_yr r_t + b_y with W_yr: n_o x n_r.
# Count: 4*n_c*n_i + 4*n_c*n_r + 3*n_c + 4*n_c + n_r*n_c + n_o*n_r + n_o.
@_export
def h55f_antkiller_lstmp(n_i=7, n_c=5, n_r=3, n_o=4):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.Wx = nn.ParameterDict({k: _p(n_c, n_i) for k in "ifco"})
            self.Wm = nn.ParameterDict({k: _p(n_c, n_r) for k in "ifco"})
            self.Wc = nn.ParameterDict({k: _p(n_c) for k in "ifo"})
            self.b = nn.ParameterDict({k: _p(n_c) for k in "ifco"})
            self.W_rm = _p(n_r, n_c)
            self.W_yr = _p(n_o, n_r)
            self.b_y = _p(n_o)

        def forward(self, x_t, r_prev, c_prev):
            Wx, Wm, Wc, b = self.Wx, self.Wm, self.Wc, self.b
            i = torch.sigmoid(x_t @ Wx["i"].T + r_prev @ Wm["i"].T + Wc["i"] * c_prev + b["i"])
            f = torch.sigmoid(x_t @ Wx["f"].T + r_prev @ Wm["f"].T + Wc["f"] * c_prev + b["f"])
            c = f * c_prev + i * torch.tanh(x_t @ Wx["c"].T + r_prev @ Wm["c"].T + b["c"])
            o = torch.sigmoid(x_t @ Wx["o"].T + r_prev @ Wm["o"].T + Wc["o"] * c + b["o"])
            m = o * torch.tanh(c)
            r = m @ self.W_rm.T
            y_t = r @ self.W_yr.T + self.b_y
            return y_t, r, c
    return Cell()


# SonAIengine/deeplearning-openbook 06_LSTM_GRU.md, LSTM (Korean study book): four gates sigma/tanh(W_* [h_{t-1}, x_t]
# + b_*); the text states each W_* is d_h x (d_h + d_x), four biases, total 4 d_h (d_h + d_x + 1).
# Count: 4*d_h*(d_h + d_x + 1).
@_export
def h55f_sonbook_lstm(d_x=7, d_h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W = nn.ParameterDict({k: _p(d_h, d_h + d_x) for k in "fico"})
            self.b = nn.ParameterDict({k: _p(d_h) for k in "fico"})

        def forward(self, x_t, h_prev, c_prev):
            z = torch.cat([h_prev, x_t], dim=-1)
            a = {k: z @ self.W[k].T + self.b[k] for k in "fico"}
            f, i, o = torch.sigmoid(a["f"]), torch.sigmoid(a["i"]), torch.sigmoid(a["o"])
            c = f * c_prev + i * torch.tanh(a["c"])
            return o * torch.tanh(c), c
    return Cell()


# hiroya-akiba/rabbit_challenge 05_deep_learning_day3/05_deep_learning_day3_report.tex, GRU (Japanese report,
# Okatani-textbook notation): u^t = W^(in) x^t + W (g^R ⊙ z^{t-1}); s^t = g^U ⊙ s^{t-1} + (1 - g^U) ⊙ f(u^t)
# (the text writes s^t on the right, s^{t-1} meant); z^t = s^t; g^R = sigma(W^R x^t + U^R z^{t-1}),
# g^U = sigma(W^U x^t + U^U z^{t-1}); no biases. W^(in), W^R, W^U: z x x; W, U^R, U^U: z x z.
# Count: 3*(z*x + z*z).
@_export
def h55f_hiroyarc_gru(x=7, z=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_in = _p(z, x)
            self.W = _p(z, z)
            self.W_R = _p(z, x)
            self.U_R = _p(z, z)
            self.W_U = _p(z, x)
            self.U_U = _p(z, z)

        def forward(self, x_t, z_prev):
            g_R = torch.sigmoid(x_t @ self.W_R.T + z_prev @ self.U_R.T)
            g_U = torch.sigmoid(x_t @ self.W_U.T + z_prev @ self.U_U.T)
            u = x_t @ self.W_in.T + (g_R * z_prev) @ self.W.T
            s = g_U * z_prev + (1 - g_U) * torch.tanh(u)
            return s
    return Cell()


# hiroya-akiba/rabbit_challenge 05_deep_learning_day3/05_deep_learning_day3_report.tex, Elman RNN (Japanese report,
# Okatani-textbook notation): u^t = W^(in) x^t + W z^{t-1} with the hidden bias folded in as the column W^(in)_{j0}
# ("W^(in)_{j0} をバイアスとして与えている", x_0 = 1), z^t = f(u^t), v^t = W^(out) z^t + c, y^t = g(v^t).
# W^(in): z x (x + 1), W: z x z, W^(out): y x z, c: y. Count: z*(x + 1) + z*z + y*z + y.
@_export
def h55f_hiroyarc_rnn(x=7, z=5, y=3):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_in = _p(z, x + 1)
            self.W = _p(z, z)
            self.W_out = _p(y, z)
            self.c = _p(y)

        def forward(self, x_t, z_prev):
            x1 = torch.cat([torch.ones_like(x_t[..., :1]), x_t], dim=-1)
            z_t = torch.tanh(x1 @ self.W_in.T + z_prev @ self.W.T)
            y_t = torch.softmax(z_t @ self.W_out.T + self.c, dim=-1)
            return y_t, z_t
    return Cell()


# Linductor-alkaid/deeplearn_studypack 循环神经网络RNN.md, Elman RNN (Chinese note): h_t = tanh(W_hx x_t + W_hh h_{t-1}
# + b_h), y_t = W_hy h_t + b_y. W_hx: h x x, W_hh: h x h, b_h: h, W_hy: y x h, b_y: y.
# Count: h*x + h*h + h + y*h + y.
@_export
def h55f_linductor_rnn(x=7, h=5, y=3):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_hx = _p(h, x)
            self.W_hh = _p(h, h)
            self.b_h = _p(h)
            self.W_hy = _p(y, h)
            self.b_y = _p(y)

        def forward(self, x_t, h_prev):
            h_t = torch.tanh(x_t @ self.W_hx.T + h_prev @ self.W_hh.T + self.b_h)
            return h_t @ self.W_hy.T + self.b_y, h_t
    return Cell()


# dhq-boiler/DeZero.NET DeZero.NET/Layers/Recurrent/LSTM.cs, LSTM (C# port of DeZero, Japanese doc comment): eight
# DeZero Linear layers, x2f/x2i/x2o/x2u = Linear(hidden_size, in_size: I) with bias (DeZero's default),
# h2f/h2i/h2o/h2u = Linear(hidden_size, in_size: H, nobias: true). f, i, o = sigmoid(x2* x + h2* h), u = tanh(...),
# c = f*c + i*u, h = o*tanh(c). Count: 4*(H*I + H) + 4*H*H.
@_export
def h55f_dezeronet_lstm(in_size=7, hidden_size=5):
    I, H = in_size, hidden_size

    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.x2 = nn.ModuleDict({k: nn.Linear(I, H) for k in "fiou"})
            self.h2 = nn.ModuleDict({k: nn.Linear(H, H, bias=False) for k in "fiou"})

        def forward(self, x_t, h_prev, c_prev):
            f = torch.sigmoid(self.x2["f"](x_t) + self.h2["f"](h_prev))
            i = torch.sigmoid(self.x2["i"](x_t) + self.h2["i"](h_prev))
            o = torch.sigmoid(self.x2["o"](x_t) + self.h2["o"](h_prev))
            u = torch.tanh(self.x2["u"](x_t) + self.h2["u"](h_prev))
            c = f * c_prev + i * u
            h = o * torch.tanh(c)
            return h, h, c
    return Cell()


# MiameRishio2/MlNote 循环神经网络.md, Elman RNN (Chinese plain-text note, row-vector batch convention):
# Ht = phi(Xt Wxh + Ht-1 Whh + bh) (the text writes "* bh", a slip for "+ bh"; bh is declared a (1, h) bias either
# way), Ot = Ht Whq + bq. Shapes as declared: Wxh(d, h), Whh(h, h), bh(1, h), Whq(h, q), bq(1, q).
# Count: d*h + h*h + h + h*q + q.
@_export
def h55f_miame_rnn(d=7, h=5, q=3):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_xh = _p(d, h)
            self.W_hh = _p(h, h)
            self.b_h = _p(1, h)
            self.W_hq = _p(h, q)
            self.b_q = _p(1, q)

        def forward(self, X_t, H_prev):
            H_t = torch.tanh(X_t @ self.W_xh + H_prev @ self.W_hh + self.b_h)
            return H_t @ self.W_hq + self.b_q, H_t
    return Cell()


# t-nishi421/e_finction 25_RNN.py, Elman RNN (Japanese E資格 notes in a string block, Goodfellow-style letters):
# a(t) = b + W h(t-1) + U x(t), h(t) = f(a(t)) (f = tanh), o(t) = c + V h(t), y_hat(t) = g(o(t)) (g = softmax).
# W: h x h, U: h x x, b: h, V: o x h, c: o. Count: h*h + h*x + h + o*h + o.
@_export
def h55f_nishi_rnn(x=7, h=5, o=3):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W = _p(h, h)
            self.U = _p(h, x)
            self.b = _p(h)
            self.V = _p(o, h)
            self.c = _p(o)

        def forward(self, x_t, h_prev):
            h_t = torch.tanh(self.b + h_prev @ self.W.T + x_t @ self.U.T)
            y_hat = torch.softmax(self.c + h_t @ self.V.T, dim=-1)
            return y_hat, h_t
    return Cell()


# SonAIengine/deeplearning-openbook 06_LSTM_GRU.md, GRU (Korean study book, section 5.2): z_t = sigma(W_z [h_{t-1}, x_t]),
# r_t = sigma(W_r [h_{t-1}, x_t]), h~_t = tanh(W [r_t * h_{t-1}, x_t]), h_t = (1 - z_t) h_{t-1} + z_t h~_t; no biases
# are written. W_z, W_r, W: h x (h + x). Count: 3*h*(h + x).
@_export
def h55f_sonbook_gru(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_z = _p(h, h + x)
            self.W_r = _p(h, h + x)
            self.W = _p(h, h + x)

        def forward(self, x_t, h_prev):
            hx = torch.cat([h_prev, x_t], dim=-1)
            z = torch.sigmoid(hx @ self.W_z.T)
            r = torch.sigmoid(hx @ self.W_r.T)
            h_tilde = torch.tanh(torch.cat([r * h_prev, x_t], dim=-1) @ self.W.T)
            return (1 - z) * h_prev + z * h_tilde
    return Cell()


# antkillerfarm/antkillerfarm.github.com _posts/2020-12-23-attention_7.markdown, DeltaNet (Chinese blog), marked refuse:
# S_t = S_{t-1}(I - beta_t k_t k_t^T) + beta_t v_t k_t^T, o_t = S_{t-1}^T q_t, but q_t, k_t, v_t, beta_t are never tied
# to the input (no projection weights written) and no size is given. Most plausible reading (DeltaNet, Yang et al.):
# q_t = W_q x_t, k_t = W_k x_t (k x x each), v_t = W_v x_t (v x x), beta_t = sigmoid(w_beta^T x_t) (one row of x),
# no biases; the state S is v x k and the readout is taken as S q_t (v-dim). Count: 2*k*x + v*x + x.
@_export
def h55f_antkiller_deltanet(x=7, k=5, v=3):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_q = _p(k, x)
            self.W_k = _p(k, x)
            self.W_v = _p(v, x)
            self.w_beta = _p(1, x)

        def forward(self, x_t, S_prev):
            q = x_t @ self.W_q.T
            kk = torch.nn.functional.normalize(x_t @ self.W_k.T, dim=-1)
            vv = x_t @ self.W_v.T
            beta = torch.sigmoid(x_t @ self.w_beta.T).unsqueeze(-1)
            eye = torch.eye(k, dtype=x_t.dtype).expand(x_t.shape[0], k, k)
            S = S_prev @ (eye - beta * kk.unsqueeze(-1) @ kk.unsqueeze(-2)) + beta * vv.unsqueeze(-1) @ kk.unsqueeze(-2)
            o = (S_prev @ q.unsqueeze(-1)).squeeze(-1)
            return o, S
    return Cell()
