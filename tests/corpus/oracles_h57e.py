"""Oracles for the h57e set-aside snippets (heldout57), as its gatherer wrote them."""
import torch
from torch import nn

__all__ = []


def _export(f):
    __all__.append(f.__name__)
    return f


def _p(*shape):
    return nn.Parameter(torch.randn(*shape) * 0.1)


# biopapyrus/dl docs/dl/lstm.md (Japanese MyST page), 忘却ゲート to 出力ゲート: f_t, i_t, o_t = sigma(W_k x_t + U_k h_{t-1}
# + b_k), C~_t = tanh(W_C x_t + U_C h_{t-1} + b_C), C_t = f_t o C_{t-1} + i_t o C~_t, h_t = o_t o tanh(C_t).
# W_k: h x x, U_k: h x h, b_k: h for k in f, C, i, o.
# Count: 4*(h*x + h*h + h).
@_export
def h57e_biopapyrus_lstm(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W = nn.ParameterDict({k: _p(h, x) for k in "fCio"})
            self.U = nn.ParameterDict({k: _p(h, h) for k in "fCio"})
            self.b = nn.ParameterDict({k: _p(h) for k in "fCio"})

        def forward(self, x_t, h_prev, C_prev):
            a = {k: x_t @ self.W[k].T + h_prev @ self.U[k].T + self.b[k] for k in "fCio"}
            C = torch.sigmoid(a["f"]) * C_prev + torch.sigmoid(a["i"]) * torch.tanh(a["C"])
            return torch.sigmoid(a["o"]) * torch.tanh(C), C
    return Cell()


# biopapyrus/dl docs/dl/rnn.md, 双方向性再帰型ニューラルネットワーク: forward z->_t = U^(f) x_t + V^(f) z_{t-1} + b_z^(f),
# H->_t = phi(z->_t); backward z<-_t = U^(b) x_t + V^(b) z_{t+1} + b_z^(b), H<-_t = phi(z<-_t);
# y_t = phi((H->_t ; H<-_t) W + b_y). The recurrence runs on the pre-activation z (h wide). U^(.): h x x, V^(.): h x h,
# b_z^(.): h per direction; W maps the stacked 2h vector to y outputs (y x 2h); b_y: y. phi read as tanh.
# Count: 2*(h*x + h*h + h) + 2*h*y + y.
@_export
def h57e_biopapyrus_brnn(x=7, h=5, y=3):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.U = nn.ParameterDict({d: _p(h, x) for d in "fb"})
            self.V = nn.ParameterDict({d: _p(h, h) for d in "fb"})
            self.b_z = nn.ParameterDict({d: _p(h) for d in "fb"})
            self.W = _p(y, 2 * h)
            self.b_y = _p(y)

        def forward(self, x_t, z_prev_f, z_next_b):
            z_f = x_t @ self.U["f"].T + z_prev_f @ self.V["f"].T + self.b_z["f"]
            z_b = x_t @ self.U["b"].T + z_next_b @ self.V["b"].T + self.b_z["b"]
            H = torch.cat([torch.tanh(z_f), torch.tanh(z_b)], dim=-1)
            return torch.tanh(H @ self.W.T + self.b_y), z_f, z_b
    return Cell()


# biopapyrus/dl docs/dl/rnn.md, アーキテクチャ: z_t = U x_t + V h_{t-1} + b_h, h_t = phi(z_t), y_t = phi(W h_t + b_y);
# the prose names U (input weight), V (state weight) and b_h, then W and b_y for the output. U: h x x, V: h x h, b_h: h,
# W: y x h, b_y: y (the output's width is left open by the text and bound by the sizes line). phi read as tanh.
# Count: h*x + h*h + h + y*h + y.
@_export
def h57e_biopapyrus_rnn(x=7, h=5, y=3):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.U = _p(h, x)
            self.V = _p(h, h)
            self.b_h = _p(h)
            self.W = _p(y, h)
            self.b_y = _p(y)

        def forward(self, x_t, h_prev):
            h_t = torch.tanh(x_t @ self.U.T + h_prev @ self.V.T + self.b_h)
            return torch.tanh(h_t @ self.W.T + self.b_y), h_t
    return Cell()


# bzhng-development/summary-of-some-paper-in-cuda TTT summary, "3.4.10 Worked micro-example": x_t in R^d,
# x^_t = theta_K x_t, y_t = theta_V x_t, x-_t = theta_Q x_t, learner f(u; W) = W u, W_t = W_{t-1} - eta grad ||W x^_t - y_t||^2,
# z_t = W_t x-_t. W_t is the hidden state (not a weight); eta is never said learned. The sizes of the three views are never
# fixed in the excerpt (the summary elsewhere calls them low-rank), so the count is open: refuse.
# Most plausible reading built here: theta_K, theta_V, theta_Q each d x d (square learner as for TTT-Linear), eta = 1 fixed.
# Count (this reading): 3*d*d.
@_export
def h57e_bzhng_ttt(d=6):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.theta_K = _p(d, d)
            self.theta_V = _p(d, d)
            self.theta_Q = _p(d, d)
            self.eta = 1.0

        def forward(self, x_t, W_prev):
            xk, yv, xq = x_t @ self.theta_K.T, x_t @ self.theta_V.T, x_t @ self.theta_Q.T
            err = torch.einsum("bij,bj->bi", W_prev, xk) - yv
            W = W_prev - self.eta * 2 * torch.einsum("bi,bj->bij", err, xk)
            return torch.einsum("bij,bj->bi", W, xq), W
    return Cell()


# lipG-waver/lipG-waver.github.io pre1122.md, 2.4 Gated DeltaNet and 2.5 KDA: S_t = (I - beta_t k_t k_t^T) Diag(alpha_t)
# S_{t-1} + beta_t k_t v_t^T with alpha_t in R^d; only the state updates are written, nothing says how k_t, v_t, beta_t
# or alpha_t are made from the input, and the table's "参数量" (1 / d / d^2) counts gate shapes, not weights: refuse.
# Most plausible reading built here (KDA): k, v, alpha from the d-wide input by d x d projections (alpha through a
# sigmoid), beta by a d -> 1 projection (sigmoid), no biases.
# Count (this reading): 3*d*d + d.
@_export
def h57e_lipgwaver_kda(d=6):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_k = _p(d, d)
            self.W_v = _p(d, d)
            self.W_alpha = _p(d, d)
            self.w_beta = _p(1, d)

        def forward(self, x_t, S_prev):
            k = nn.functional.normalize(x_t @ self.W_k.T, dim=-1)
            v = x_t @ self.W_v.T
            alpha = torch.sigmoid(x_t @ self.W_alpha.T)
            beta = torch.sigmoid(x_t @ self.w_beta.T)[..., None]
            decayed = alpha[..., :, None] * S_prev
            S = decayed - beta * k[..., :, None] * torch.einsum("bi,bij->bj", k, decayed)[..., None, :] \
                + beta * k[..., :, None] * v[..., None, :]
            return S
    return Cell()


# Doraemonzzz/Lcsm notes/note.md, "Example" table to "S5 [3]": MNet states per method; S4 and S5 both written
# m_t = A m_{t-1} + B u_t^T, y_t = m_t^T C. The table gives S5: A in R^{k x k}, B in R^k, C in R^k, u_t in R^d; S4 the same
# shapes with u_t in R^1 "for each channel" (shared or per-channel A, B, C left open), and two cells are written side by
# side with nothing to pick one; the S5 section itself only says "See table": refuse.
# Most plausible reading built here: S5 with the table's shapes, u_t = x_t (d wide).
# Count (this reading): k*k + 2*k.
@_export
def h57e_lcsm_s5(k=4, d=6):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.A = _p(k, k)
            self.B = _p(k)
            self.C = _p(k)

        def forward(self, u_t, m_prev):
            m = torch.einsum("ij,bjd->bid", self.A, m_prev) + self.B[None, :, None] * u_t[:, None, :]
            return torch.einsum("bkd,k->bd", m, self.C), m
    return Cell()


# Doraemonzzz/notes learning_notes/learning/002_fast_weight.md, Delta and Recurrent Delta: q_t, k_t, v_t, beta_t =
# W^slow x_t, v-_t = W_{t-1} phi(k_t), W_t = W_{t-1} + sigma(beta_t)(v_t - v-_t) (x) phi(k_t); the recurrent variant
# feeds [x_t, tanh(y_{t-1})]. One slow matrix makes four outputs whose sizes are never given, and y_t is never written
# for Delta: refuse.
# Most plausible reading built here (Delta): q, k, v of the input's width x, beta a scalar, phi = elu + 1,
# W^slow: (3x + 1) x x, no bias.
# Count (this reading): (3*x + 1) * x.
@_export
def h57e_doranotes_delta(x=6):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_slow = _p(3 * x + 1, x)

        def forward(self, x_t, W_prev):
            q, k, v, beta = (x_t @ self.W_slow.T).split([x, x, x, 1], dim=-1)
            phi_k = nn.functional.elu(k) + 1
            v_bar = torch.einsum("bij,bj->bi", W_prev, phi_k)
            W = W_prev + torch.sigmoid(beta)[..., None] * torch.einsum("bi,bj->bij", v - v_bar, phi_k)
            y = torch.einsum("bij,bj->bi", W, nn.functional.elu(q) + 1)
            return y, W
    return Cell()


# leadbreak/study algorithm/12.minRNN/01.summary.ipynb, minLSTM cells: [hidden_t, f_raw, i_raw] = W_{hfi} x_t (one
# combined projection, no bias), h~_t = g(hidden_t), f_t = sigma(f_raw), i_t = sigma(i_raw), f'_t = f_t/(f_t+i_t),
# i'_t = i_t/(f_t+i_t), h_t = h_{t-1} f'_t + h~_t i'_t. W_{hfi}: 3h x x. The optional to_out projection is only
# mentioned in prose and is not part of the written cell. g read as the minGRU-paper g (x + 0.5 / sigmoid).
# Count: 3*h*x.
@_export
def h57e_leadbreak_minlstm(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_hfi = _p(3 * h, x)

        def forward(self, x_t, h_prev):
            hidden, f_raw, i_raw = (x_t @ self.W_hfi.T).chunk(3, dim=-1)
            h_tilde = torch.where(hidden >= 0, hidden + 0.5, torch.sigmoid(hidden))
            f, i = torch.sigmoid(f_raw), torch.sigmoid(i_raw)
            return h_prev * f / (f + i) + h_tilde * i / (f + i)
    return Cell()


# leadbreak/study algorithm/12.minRNN/01.summary.ipynb, minGRU cells: [hidden_t, gate_raw] = W_{hg} x_t (one combined
# projection, no bias), h~_t = g(hidden_t), z_t = sigma(gate_raw), h_t = (1 - z_t) h_{t-1} + z_t h~_t. W_{hg}: 2h x x.
# Count: 2*h*x.
@_export
def h57e_leadbreak_mingru(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_hg = _p(2 * h, x)

        def forward(self, x_t, h_prev):
            hidden, gate = (x_t @ self.W_hg.T).chunk(2, dim=-1)
            h_tilde = torch.where(hidden >= 0, hidden + 0.5, torch.sigmoid(hidden))
            z = torch.sigmoid(gate)
            return (1 - z) * h_prev + z * h_tilde
    return Cell()


# letapicode/ASI src/mamba_block.py, class MambaBlock (bare PyTorch code): A, B nn.Parameter (dim x dim), in_proj, gate,
# out_proj nn.Linear(dim, dim) with bias; per step inp = in_proj(x_t), g = sigmoid(gate(inp)),
# blended = g * state + (1 - g) * inp, state = tanh(blended A^T + inp B^T), out = out_proj(state). Dropout and the
# optional residual carry no weights. The torch module's own layers are used.
# Count: 2*dim*dim + 3*(dim*dim + dim) = 5*dim^2 + 3*dim.
@_export
def h57e_asi_mambablock(dim=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.A = _p(dim, dim)
            self.B = _p(dim, dim)
            self.in_proj = nn.Linear(dim, dim)
            self.out_proj = nn.Linear(dim, dim)
            self.gate = nn.Linear(dim, dim)

        def forward(self, x_t, state):
            inp = self.in_proj(x_t)
            g = torch.sigmoid(self.gate(inp))
            blended = g * state + (1 - g) * inp
            state = torch.tanh(blended @ self.A.t() + inp @ self.B.t())
            return self.out_proj(state), state
    return Cell()
