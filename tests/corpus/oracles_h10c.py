"""Oracles for the h10c snippets (papers' own LaTeX sources): one function per snippet, returning a
torch.nn.Module whose parameters are exactly the weights the snippet's text names."""
import math

import torch
from torch import nn

__all__ = [
    "gsifn_mlstm",
    "ssh_hybrid_ssm_refuse",
    "mamba_code_review_ssm",
    "goon_notes_mamba_block",
    "mricovnetx_bigru",
    "elasticc_torch_lstm",
    "smamba_ssm_refuse",
    "goon_notes_s4_discrete",
]


class _MLSTM(nn.Module):
    """mLSTM step: q, k, v, o from full matrices with biases; scalar input/forget gates from
    weight vectors w_i, w_f and scalar biases b_i, b_f (xLSTM paper, eqs. of the mLSTM)."""

    def __init__(self, x, d):
        super().__init__()
        self.d = d
        self.W_q = nn.Linear(x, d)
        self.W_k = nn.Linear(x, d)
        self.W_v = nn.Linear(x, d)
        self.W_o = nn.Linear(x, d)
        self.w_i = nn.Parameter(torch.randn(x))
        self.b_i = nn.Parameter(torch.zeros(()))
        self.w_f = nn.Parameter(torch.randn(x))
        self.b_f = nn.Parameter(torch.zeros(()))

    def forward(self, xt, state=None):
        if state is None:
            C = xt.new_zeros(xt.shape[:-1] + (self.d, self.d))
            n = xt.new_zeros(xt.shape[:-1] + (self.d,))
        else:
            C, n = state
        q = self.W_q(xt)
        k = self.W_k(xt) / math.sqrt(self.d)
        v = self.W_v(xt)
        i = torch.exp(xt @ self.w_i + self.b_i)[..., None]
        f = torch.sigmoid(xt @ self.w_f + self.b_f)[..., None]
        o = torch.sigmoid(self.W_o(xt))
        C = f[..., None] * C + i[..., None] * (v[..., :, None] * k[..., None, :])
        n = f * n + i * k
        denom = torch.clamp((n * q).sum(-1, keepdim=True).abs(), min=1.0)
        h = o * ((C @ q[..., None])[..., 0] / denom)
        return h, (C, n)


def gsifn_mlstm(x=7, d=5):
    # W_q, W_k, W_v, W_o: d x x with biases b_q, b_k, b_v, b_o (d each); w_i, w_f in R^x with
    # scalar b_i, b_f: 4*(d*x + d) + 2*(x + 1)
    return _MLSTM(x, d)


class _ZOHSSM(nn.Module):
    """Dense continuous-time SSM (A, B) discretized by zero-order hold with a fixed step size,
    read out by y = C h + D x."""

    def __init__(self, p, d, q, delta=0.1):
        super().__init__()
        self.delta = delta
        self.A = nn.Parameter(-torch.eye(d) + 0.01 * torch.randn(d, d))
        self.B = nn.Parameter(torch.randn(d, p))
        self.C = nn.Parameter(torch.randn(q, d))
        self.D = nn.Parameter(torch.randn(q, p))

    def forward(self, xt, h=None):
        d = self.A.shape[0]
        if h is None:
            h = xt.new_zeros(xt.shape[:-1] + (d,))
        dA = self.delta * self.A
        A_bar = torch.linalg.matrix_exp(dA)
        B_bar = torch.linalg.solve(dA, (A_bar - torch.eye(d)) @ (self.delta * self.B))
        h = h @ A_bar.T + xt @ B_bar.T
        return h @ self.C.T + xt @ self.D.T, h


def ssh_hybrid_ssm_refuse(d=5, p=7, q=3):
    # refuse: A (d x d), B (d x p), C (q x d), D (q x p) = 96 at d=5, p=7, q=3, plus 1 if the step
    # size Delta is learned; the text does not say.  The oracle keeps Delta fixed.
    return _ZOHSSM(p, d, q)


class _DeltaSSM(nn.Module):
    """h_k = e^{Delta A} h_{k-1} + (e^{Delta A} - I) A^{-1} B x_k,  y_k = C h_k + D x_k,
    with a learned scalar Delta and dense A (n x n), B (n x d), C (d x n), D (d x d)."""

    def __init__(self, d, n):
        super().__init__()
        self.delta = nn.Parameter(torch.tensor(0.1))
        self.A = nn.Parameter(-torch.eye(n) + 0.01 * torch.randn(n, n))
        self.B = nn.Parameter(torch.randn(n, d))
        self.C = nn.Parameter(torch.randn(d, n))
        self.D = nn.Parameter(torch.randn(d, d))

    def forward(self, xk, h=None):
        n = self.A.shape[0]
        if h is None:
            h = xk.new_zeros(xk.shape[:-1] + (n,))
        eA = torch.linalg.matrix_exp(self.delta * self.A)
        Bbar = (eA - torch.eye(n)) @ torch.linalg.solve(self.A, self.B)
        h = h @ eA.T + xk @ Bbar.T
        return h @ self.C.T + xk @ self.D.T, h


def mamba_code_review_ssm(d=7, n=5):
    # Delta (1) + A (n x n) + B (n x d) + C (d x n) + D (d x d) = 1 + 25 + 35 + 35 + 49 = 145
    return _DeltaSSM(d, n)


class _GoonMamba(nn.Module):
    """Mamba block as listed: in-projectors W^{I_0}, W^{I_1} (ED x D), out-projector W^O (D x ED),
    Delta projectors W^{Delta_0} (R x ED), W^{Delta_1} (ED x R), W^B, W^C (N x ED), depthwise conv
    kernel W^K (ED x C), selective-scan weights W^A (ED x N), residual weights W^D (ED); no biases.
    One step of the recurrence (the convolution keeps a window of the last C inputs)."""

    def __init__(self, D, E, N, R, C):
        super().__init__()
        e = E * D
        self.e, self.N, self.C = e, N, C
        self.W_I0 = nn.Parameter(torch.randn(e, D) / D ** 0.5)
        self.W_I1 = nn.Parameter(torch.randn(e, D) / D ** 0.5)
        self.W_O = nn.Parameter(torch.randn(D, e) / e ** 0.5)
        self.W_D0 = nn.Parameter(torch.randn(R, e) / e ** 0.5)
        self.W_D1 = nn.Parameter(torch.randn(e, R) / R ** 0.5)
        self.W_B = nn.Parameter(torch.randn(N, e) / e ** 0.5)
        self.W_C = nn.Parameter(torch.randn(N, e) / e ** 0.5)
        self.W_K = nn.Parameter(torch.randn(e, C) / C)
        self.W_A = nn.Parameter(-torch.rand(e, N))
        self.W_Dres = nn.Parameter(torch.ones(e))

    def forward(self, x, state=None):
        lead = x.shape[:-1]
        if state is None:
            h = x.new_zeros(lead + (self.e, self.N))
            win = x.new_zeros(lead + (self.e, self.C))
        else:
            h, win = state
        x0 = x @ self.W_I0.T
        x1 = x @ self.W_I1.T
        win = torch.cat([win[..., 1:], x1[..., None]], dim=-1)
        x2 = (win * self.W_K).sum(-1)
        x3 = torch.nn.functional.silu(x2)
        B = x3 @ self.W_B.T
        Cm = x3 @ self.W_C.T
        delta = torch.nn.functional.softplus(x3 @ self.W_D0.T @ self.W_D1.T)
        h = torch.exp(delta[..., None] * self.W_A) * h + delta[..., None] * B[..., None, :] * x3[..., None]
        y = (h * Cm[..., None, :]).sum(-1) + self.W_Dres * x3
        x5 = y * torch.nn.functional.silu(x0)
        return x5 @ self.W_O.T, (h, win)


def goon_notes_mamba_block(D=6, E=2, N=5, R=3, C=4):
    # ED = 12: 2*12*6 + 6*12 + 3*12 + 12*3 + 2*5*12 + 12*4 + 12*5 + 12 = 528
    return _GoonMamba(D, E, N, R, C)


class _WUGRU(nn.Module):
    """GRU with W_g x + U_g h + b_g for g in z, r and W_h x + U_h (r * h) + b_h for the candidate;
    h_t = (1 - z) h_{t-1} + z h~."""

    def __init__(self, x, h):
        super().__init__()
        self.h = h
        for g in "zrh":
            setattr(self, f"W_{g}", nn.Parameter(torch.randn(h, x) / x ** 0.5))
            setattr(self, f"U_{g}", nn.Parameter(torch.randn(h, h) / h ** 0.5))
            setattr(self, f"b_{g}", nn.Parameter(torch.zeros(h)))

    def forward(self, xt, hp=None):
        if hp is None:
            hp = xt.new_zeros(xt.shape[:-1] + (self.h,))
        z = torch.sigmoid(xt @ self.W_z.T + hp @ self.U_z.T + self.b_z)
        r = torch.sigmoid(xt @ self.W_r.T + hp @ self.U_r.T + self.b_r)
        hc = torch.tanh(xt @ self.W_h.T + (r * hp) @ self.U_h.T + self.b_h)
        return (1 - z) * hp + z * hc


class _BiCell(nn.Module):
    """Two independent cells, one per direction; outputs concatenated."""

    def __init__(self, make):
        super().__init__()
        self.fwd = make()
        self.bwd = make()

    def forward(self, x_seq):
        hf, hb, outs_f, outs_b = None, None, [], []
        for t in range(x_seq.shape[0]):
            hf = self.fwd(x_seq[t], hf)
            outs_f.append(hf)
        for t in reversed(range(x_seq.shape[0])):
            hb = self.bwd(x_seq[t], hb)
            outs_b.insert(0, hb)
        return torch.stack([torch.cat([a, b], -1) for a, b in zip(outs_f, outs_b)])


def mricovnetx_bigru(x=7, h=5):
    # per direction 3*(h*x + h*h + h) = 195; bidirectional = 390
    return _BiCell(lambda: _WUGRU(x, h))


def elasticc_torch_lstm(C=6, d_h=256):
    # single-layer torch.nn.LSTM on the augmented input of width C + 4:
    # 4*(d_h*(C+4) + d_h*d_h + 2*d_h) = 274432 at C=6, d_h=256
    return nn.LSTM(C + 4, d_h, num_layers=1, batch_first=True)


class _SMambaSSM(nn.Module):
    """A (N x N), B and C both stored N x D as the prose says; C is applied transposed so that the
    output has the input width D (the text's y in R^N does not fit its own shapes).  Fixed Delta."""

    def __init__(self, D, N, delta=0.1):
        super().__init__()
        self.delta = delta
        self.A = nn.Parameter(-torch.eye(N) + 0.01 * torch.randn(N, N))
        self.B = nn.Parameter(torch.randn(N, D))
        self.C = nn.Parameter(torch.randn(N, D))

    def forward(self, xt, h=None):
        N = self.A.shape[0]
        if h is None:
            h = xt.new_zeros(xt.shape[:-1] + (N,))
        dA = self.delta * self.A
        A_bar = torch.linalg.matrix_exp(dA)
        B_bar = torch.linalg.solve(dA, (A_bar - torch.eye(N)) @ (self.delta * self.B))
        h = h @ A_bar.T + xt @ B_bar.T
        return h @ self.C, h


def smamba_ssm_refuse(D=7, N=5):
    # refuse: as stated, A + B + C = N*N + 2*N*D = 95 at D=7, N=5, but the shapes contradict
    # y = C h, and Delta may or may not be learned.
    return _SMambaSSM(D, N)


class _DiscreteSSM(nn.Module):
    """h_s = A h_{s-1} + B x_s,  y_s = C h_s + D x_s with dense learnable A, B, C, D."""

    def __init__(self, x, h, y):
        super().__init__()
        self.A = nn.Parameter(0.1 * torch.randn(h, h))
        self.B = nn.Parameter(torch.randn(h, x))
        self.C = nn.Parameter(torch.randn(y, h))
        self.D = nn.Parameter(torch.randn(y, x))

    def forward(self, xs, hp=None):
        if hp is None:
            hp = xs.new_zeros(xs.shape[:-1] + (self.A.shape[0],))
        hs = hp @ self.A.T + xs @ self.B.T
        return hs @ self.C.T + xs @ self.D.T, hs


def goon_notes_s4_discrete(x=7, h=5, y=3):
    # A (h x h) + B (h x x) + C (y x h) + D (y x x) = 25 + 35 + 15 + 21 = 96
    return _DiscreteSSM(x, h, y)
