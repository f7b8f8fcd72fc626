"""Oracles for the h14c gatherer's snippets (paper sources: LaTeX, paper conversions)."""
import math

import torch
from torch import nn

__all__ = [
    "lru_paper_rnn_layer",
    "xlstm7b_mlstm_cell",
    "mamba_paper_alg1_s4",
]


class _P(nn.Module):
    def p(self, *shape):
        return nn.Parameter(torch.randn(*shape) * 0.1)


# ---------------------------------------------------------------------------
class _LRURNNLayer(_P):
    """x_k = sigma(A x_{k-1} + B u_k), y_k = C x_k + D u_k; A (N,N), B (N,H_in), C (H_out,N),
    D (H_out,H_in); no biases."""

    def __init__(self, H_in, N, H_out):
        super().__init__()
        self.A = self.p(N, N)
        self.B = self.p(N, H_in)
        self.C = self.p(H_out, N)
        self.D = self.p(H_out, H_in)

    def forward(self, u, x=None):
        if x is None:
            x = u.new_zeros(u.shape[0], self.A.shape[0])
        x = torch.tanh(x @ self.A.T + u @ self.B.T)
        return x @ self.C.T + u @ self.D.T, x


def lru_paper_rnn_layer(H_in=7, N=5, H_out=3):
    # A 25 + B 35 + C 15 + D 21 = 96
    return _LRURNNLayer(H_in, N, H_out)


# ---------------------------------------------------------------------------
class _XLSTM7BmLSTM(_P):
    """mLSTM cell of xLSTM 7B, eqs. (2)-(9): q,k in R^{d_qk}, v in R^{d_hv} from W x + b;
    scalar gates i, f from w^T x + b; vector output gate o = sigma(W_o x + b_o).
    Norm in (6) is taken parameter-free here (the text leaves RMSNorm/LayerNorm open)."""

    def __init__(self, d, d_qk, d_hv):
        super().__init__()
        self.W_q, self.b_q = self.p(d_qk, d), self.p(d_qk)
        self.W_k, self.b_k = self.p(d_qk, d), self.p(d_qk)
        self.W_v, self.b_v = self.p(d_hv, d), self.p(d_hv)
        self.w_i, self.b_i = self.p(d), self.p(1)
        self.w_f, self.b_f = self.p(d), self.p(1)
        self.W_o, self.b_o = self.p(d_hv, d), self.p(d_hv)
        self.d_qk, self.d_hv = d_qk, d_hv

    def forward(self, x, state=None):
        B = x.shape[0]
        if state is None:
            C = x.new_zeros(B, self.d_qk, self.d_hv)
            n = x.new_zeros(B, self.d_qk)
            m = x.new_zeros(B)
        else:
            C, n, m = state
        q = x @ self.W_q.T + self.b_q
        k = x @ self.W_k.T + self.b_k
        v = x @ self.W_v.T + self.b_v
        it = x @ self.w_i + self.b_i
        ft = x @ self.w_f + self.b_f
        o = torch.sigmoid(x @ self.W_o.T + self.b_o)
        logf = nn.functional.logsigmoid(ft)
        m_new = torch.maximum(logf + m, it)
        f = torch.exp(logf + m - m_new)
        i = torch.exp(it - m_new)
        C = f[:, None, None] * C + i[:, None, None] * k[:, :, None] * v[:, None, :]
        n = f[:, None] * n + i[:, None] * k
        qs = q / math.sqrt(self.d_qk)
        num = torch.einsum("bkv,bk->bv", C, qs)
        den = torch.maximum((n * qs).sum(-1).abs(), torch.exp(-m_new))
        ht = num / den[:, None]
        h = o * nn.functional.layer_norm(ht, (self.d_hv,))
        return h, (C, n, m_new)


def xlstm7b_mlstm_cell(d=7, d_qk=3, d_hv=5):
    # expect: refuse (Norm undetermined). Named weights: W_q 21+3, W_k 21+3, W_v 35+5,
    # w_i 7+1, w_f 7+1, W_o 35+5 = 144 (RMSNorm scale would add 5, LayerNorm 10)
    return _XLSTM7BmLSTM(d, d_qk, d_hv)


# ---------------------------------------------------------------------------
class _MambaAlg1S4(_P):
    """Algorithm 1 (S4): A, B, C : (D, N) Parameters (A diagonal per channel), Delta = softplus(P),
    P : (D); ZOH discretization; one recurrent step per channel."""

    def __init__(self, D, N):
        super().__init__()
        self.A = self.p(D, N)
        self.B = self.p(D, N)
        self.C = self.p(D, N)
        self.Delta = self.p(D)

    def forward(self, x, h=None):  # x : (batch, D)
        if h is None:
            h = x.new_zeros(x.shape[0], *self.A.shape)
        A = -torch.exp(self.A)
        dt = nn.functional.softplus(self.Delta)[:, None]
        Abar = torch.exp(dt * A)
        Bbar = (Abar - 1) / A * self.B
        h = Abar * h + Bbar * x[:, :, None]
        y = (h * self.C).sum(-1)
        return y, h


def mamba_paper_alg1_s4(D=7, N=5):
    # A 35 + B 35 + C 35 + Delta parameter 7 = 112
    return _MambaAlg1S4(D, N)
