"""Oracles for the h49f set-aside snippets (heldout49), as its gatherer wrote them."""
import torch
from torch import nn

__all__ = []


def _export(f):
    __all__.append(f.__name__)
    return f


def _p(*shape):
    return nn.Parameter(torch.randn(*shape) * 0.1)


# chenyuntc/pytorch-book Chapter4.md 4.2.4 (Chinese), nn.LSTM(4, 3, 1) == nn.LSTMCell(4, 3): one PyTorch LSTM cell,
# weight_ih (4h, x), weight_hh (4h, h), bias_ih (4h), bias_hh (4h); Count: 4*(h*x + h*h + 2h).
@_export
def h49f_pytorchbook_lstm(x=4, h=3):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.cell = nn.LSTMCell(x, h)

        def forward(self, xt, state):
            return self.cell(xt, state)
    return Cell()


# andrei-kondakov/absa-presentation 09-00-absa-platform.html (Russian slide): colah-style LSTM, four gates on the
# concatenation [h_{t-1}, x_t]: W_f, W_i, W_C, W_o each (h, h+x) plus b_f, b_i, b_C, b_o (h); Count: 4*(h*(h+x) + h).
@_export
def h49f_absaslides_lstm(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_f, self.W_i, self.W_C, self.W_o = (_p(h, h + x) for _ in range(4))
            self.b_f, self.b_i, self.b_C, self.b_o = (_p(h) for _ in range(4))

        def forward(self, x_t, h_prev, C_prev):
            z = torch.cat([h_prev, x_t], -1)
            f = torch.sigmoid(z @ self.W_f.T + self.b_f)
            i = torch.sigmoid(z @ self.W_i.T + self.b_i)
            C_tilde = torch.tanh(z @ self.W_C.T + self.b_C)
            C = f * C_prev + i * C_tilde
            o = torch.sigmoid(z @ self.W_o.T + self.b_o)
            return o * torch.tanh(C), C
    return Cell()


# daiwk/collections posts/1.2.llm_intro.md RG-LRU (Chinese notes): W_a (h, h), b_a (h), W_x (h, h), b_x (h),
# diagonal a = sigma(Lambda) with Lambda (h); c = 8 is a constant; x_t has the width of h_t (elementwise i_t ⊙ x_t);
# Count: 2*(h*h + h) + h.
@_export
def h49f_daiwk_rglru(h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_a, self.W_x = _p(h, h), _p(h, h)
            self.b_a, self.b_x = _p(h), _p(h)
            self.Lam = _p(h)

        def forward(self, x_t, h_prev):
            r = torch.sigmoid(x_t @ self.W_a.T + self.b_a)
            i = torch.sigmoid(x_t @ self.W_x.T + self.b_x)
            a_t = torch.sigmoid(self.Lam) ** (8.0 * r)
            return a_t * h_prev + torch.sqrt(1 - a_t ** 2) * (i * x_t)
    return Cell()


# daiwk/collections posts/1.2.llm_intro.md «SSM原理» (Chinese): continuous SSM with scalar u(t), y(t) and state x(t) in R^N.
# Reading built here (shape-consistent with u, y ∈ R): A (N, N), B (N, 1), C (1, N), D (1, 1); one Euler step stands in for
# the ODE. The legend's B, C, D ∈ R^{N×N} would give 4*N*N instead (refuse). Count: N*N + 2N + 1.
@_export
def h49f_daiwk_ssm(N=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.A, self.B, self.C, self.D = _p(N, N), _p(N, 1), _p(1, N), _p(1, 1)

        def forward(self, u, x_prev, dt=0.1):
            x = x_prev + dt * (x_prev @ self.A.T + u @ self.B.T)
            return x @ self.C.T + u @ self.D.T, x
    return Cell()


# churximi/DeepLearning-notes 5_1_2构建lstm.py (Chinese docstring, deeplearning.ai LSTM cell): Wf, Wi, Wc, Wo (n_a, n_a+n_x),
# bf, bi, bc, bo (n_a, 1), Wy (n_y, n_a), by (n_y, 1); Count: 4*(n_a*(n_a+n_x) + n_a) + n_y*n_a + n_y.
@_export
def h49f_churximi_lstm(n_x=7, n_a=5, n_y=3):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.Wf, self.Wi, self.Wc, self.Wo = (_p(n_a, n_a + n_x) for _ in range(4))
            self.bf, self.bi, self.bc, self.bo = (_p(n_a, 1) for _ in range(4))
            self.Wy, self.by = _p(n_y, n_a), _p(n_y, 1)

        def forward(self, xt, a_prev, c_prev):  # column vectors (n, m)
            concat = torch.cat([a_prev, xt], 0)
            ft = torch.sigmoid(self.Wf @ concat + self.bf)
            it = torch.sigmoid(self.Wi @ concat + self.bi)
            ot = torch.sigmoid(self.Wo @ concat + self.bo)
            cct = torch.tanh(self.Wc @ concat + self.bc)
            c_next = ft * c_prev + it * cct
            a_next = ot * torch.tanh(c_next)
            yt_pred = torch.softmax(self.Wy @ a_next + self.by, 0)
            return a_next, c_next, yt_pred
    return Cell()


# sobes.expert (Russian Q&A page), vanilla RNN: W_xh (h,x), W_hh (h,h), b (h) in the state update;
# output y_t = W_hy h_t (y,h), no output bias (written, though marked optional, so counted).
# Count: h*x + h*h + h + y*h.
@_export
def h49f_sobes_rnn(x=7, h=5, y=3):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_xh = _p(h, x)
            self.W_hh = _p(h, h)
            self.b = _p(h)
            self.W_hy = _p(y, h)

        def forward(self, x_t, h_prev):
            h_t = torch.tanh(x_t @ self.W_xh.T + h_prev @ self.W_hh.T + self.b)
            y_t = h_t @ self.W_hy.T
            return y_t, h_t
    return Cell()


# daiwk/collections, base linear transformer as an RNN (Chinese notes). The text never says where q_i, k_i, v_i come from
# and leaves phi abstract. Most plausible reading (oracle): q, k, v are bias-free d x d projections of the token x_i,
# phi is a fixed (parameter-free) feature map (elu+1 here), the states s_i, z_i hold no parameters.
# Count: 3*d*d.  (Other readings: 0 if q,k,v are given inputs; more if phi is learned.)
@_export
def h49f_daiwk_linattn(d=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_q = _p(d, d)
            self.W_k = _p(d, d)
            self.W_v = _p(d, d)

        def forward(self, x_i, s_prev, z_prev):
            phi = lambda u: torch.nn.functional.elu(u) + 1
            q, k, v = x_i @ self.W_q.T, x_i @ self.W_k.T, x_i @ self.W_v.T
            s = s_prev + phi(k).unsqueeze(-1) * v.unsqueeze(-2)   # (dt, d)
            z = z_prev + phi(k)
            y = (phi(q).unsqueeze(-2) @ s).squeeze(-2) / (phi(q) * z).sum(-1, keepdim=True)
            return y, s, z
    return Cell()


# petcomputacaoufrgs/ml-course (Portuguese), RNN: a<t> = g1(W_aa a<t-1> + W_ax x<t> + b_a), y<t> = g2(W_ya a<t> + b_y).
# W_aa (a,a), W_ax (a,x), b_a (a), W_ya (y,a), b_y (y). Count: a*a + a*x + a + y*a + y.
@_export
def h49f_petufrgs_rnn(x=7, a=5, y=3):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_aa = _p(a, a)
            self.W_ax = _p(a, x)
            self.b_a = _p(a)
            self.W_ya = _p(y, a)
            self.b_y = _p(y)

        def forward(self, x_t, a_prev):
            a_t = torch.tanh(a_prev @ self.W_aa.T + x_t @ self.W_ax.T + self.b_a)
            y_t = torch.softmax(a_t @ self.W_ya.T + self.b_y, -1)
            return y_t, a_t
    return Cell()


# petcomputacaoufrgs/ml-course (Portuguese), LSTM. The text's equations reuse W_{f^2} in both the input-gate sigmoid
# and the tanh candidate, reuse b_{f^1} (forget-gate bias) in the input gate, and never write the cell update c_t.
# Oracle = most plausible (intended) reading: four distinct blocks (forget, input, candidate, output), each a weight on
# the concatenation [a<t-1>, x<t>] of shape (a, a+x) plus a bias (a); c_t = f*c_{t-1} + i*g; h'_t = o*tanh(c_t).
# Count: 4*(a*(a+x) + a).  (Literal reading of the symbols: 3 weights + 3 biases = 3*(a*(a+x) + a).)
@_export
def h49f_petufrgs_lstm(x=7, a=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_f1, self.b_f1 = _p(a, a + x), _p(a)
            self.W_i, self.b_i = _p(a, a + x), _p(a)
            self.W_f2, self.b_f2 = _p(a, a + x), _p(a)
            self.W_h, self.b_h = _p(a, a + x), _p(a)

        def forward(self, x_t, a_prev, c_prev):
            z = torch.cat([a_prev, x_t], -1)
            f = torch.sigmoid(z @ self.W_f1.T + self.b_f1)
            u = torch.sigmoid(z @ self.W_i.T + self.b_i) * torch.tanh(z @ self.W_f2.T + self.b_f2)
            c = f * c_prev + u
            h = torch.sigmoid(z @ self.W_h.T + self.b_h) * torch.tanh(c)
            return h, c
    return Cell()


# javashuo.com (Chinese blog), plain RNN h = g(w*x + w'*h'): w (h, x), w' (h, h), no bias written. Count: h*x + h*h.
@_export
def h49f_javashuo_rnn(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.w = _p(h, x)
            self.w_prime = _p(h, h)

        def forward(self, x_t, h_prev):
            return torch.tanh(x_t @ self.w.T + h_prev @ self.w_prime.T)
    return Cell()


# deepdata.tistory.com (Korean blog), vanilla RNN: X_t (3-dim) and h_{t-1} (2-dim) concatenated, h_t = tanh(W X)
# with one matrix W of shape (h, x+h), no bias written. Count: h*(x+h)  (= 10 at the text's own sizes x=3, h=2).
@_export
def h49f_deepdata_rnn(x=3, h=2):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W = _p(h, x + h)

        def forward(self, x_t, h_prev):
            return torch.tanh(torch.cat([x_t, h_prev], -1) @ self.W.T)
    return Cell()


# naoto-iwase/ml-notes (Japanese), HRM. The equations only name abstract modules f_I, f_L, f_H, f_O (theta_*); the prose
# says f_L, f_H are 4-layer encoder-only Transformer blocks (SwiGLU, RMSNorm, RoPE). Oracle = one plausible reading,
# with d = hidden, vocabulary size vocab (not given in the text), FFN width 4d (not given), bias-free projections:
#   f_I: embedding (vocab, d); f_O: linear head (vocab, d);
#   f_L, f_H: 4 layers each of attention Q,K,V,O (4 d^2) + SwiGLU (3 * d * 4d) + two RMSNorm weights (2d).
# Count: 2*vocab*d + 2*4*(4d^2 + 12d^2 + 2d).  RoPE adds no parameters.
@_export
def h49f_naotoiwase_hrm(hidden=8, vocab=11):
    d, L, heads = hidden, 4, 8

    class Block(nn.Module):
        def __init__(self):
            super().__init__()
            self.attn = nn.MultiheadAttention(d, heads, bias=False, batch_first=True)
            self.w1 = nn.Linear(d, 4 * d, bias=False)
            self.w3 = nn.Linear(d, 4 * d, bias=False)
            self.w2 = nn.Linear(4 * d, d, bias=False)
            self.n1 = nn.RMSNorm(d)
            self.n2 = nn.RMSNorm(d)

        def forward(self, z):
            z = self.n1(z + self.attn(z, z, z, need_weights=False)[0])      # post-norm
            return self.n2(z + self.w2(torch.nn.functional.silu(self.w1(z)) * self.w3(z)))

    class Module(nn.Module):
        def __init__(self):
            super().__init__()
            self.layers = nn.ModuleList([Block() for _ in range(L)])

        def forward(self, z, *inj):
            z = z + sum(inj)                                                 # inputs combined by element-wise sum
            for blk in self.layers:
                z = blk(z)
            return z

    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.f_I = nn.Embedding(vocab, d)
            self.f_L = Module()
            self.f_H = Module()
            self.f_O = nn.Linear(d, vocab, bias=False)

        def forward(self, tokens, zL, zH, i=1, T=2):
            xt = self.f_I(tokens)
            zL_new = self.f_L(zL, zH, xt)
            zH_new = self.f_H(zH, zL) if i % T == 0 else zH
            return self.f_O(zH_new), zL_new, zH_new
    return Cell()
