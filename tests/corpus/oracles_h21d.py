import torch
from torch import nn

__all__ = []


def _export(f):
    __all__.append(f.__name__)
    return f


def _p(*shape):
    return nn.Parameter(torch.randn(*shape) * 0.1)


# stored file id 71385970590 (Vietnamese MBR review chapter, 7.2.6 xLSTM; expect refuse: k_t, v_t, q_t,
# the output gate o~_t and m_t are used but never defined, and no shape is given). One plausible reading:
# i, f: W (h x x) and R (h x h) each, no bias; k, v, q, o~: h x x projections of x_t, no bias; C is h x h.
# 2h(x + h) + 4hx = 6hx + 2h^2.
@_export
def h21d_vi_mbr_review_mlstm(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_i = _p(h, x)
            self.R_i = _p(h, h)
            self.W_f = _p(h, x)
            self.R_f = _p(h, h)
            self.W_k = _p(h, x)
            self.W_v = _p(h, x)
            self.W_q = _p(h, x)
            self.W_o = _p(h, x)

        def forward(self, xt, state):
            hp, C, m = state
            i = torch.exp(self.W_i @ xt + self.R_i @ hp)
            f = torch.exp(self.W_f @ xt + self.R_f @ hp)
            k, v, q = self.W_k @ xt, self.W_v @ xt, self.W_q @ xt
            o = torch.sigmoid(self.W_o @ xt)
            C = f[:, None] * C + i[:, None] * torch.outer(v, k)
            hn = o * (C @ q) / torch.maximum(m, (k @ q).abs().clamp(min=1.0))
            return hn, C

    return Cell()


# stored file id 69270453475 (interactive-course lesson, ## 4. Griffin, RG-LRU). i_t * x_t is added to
# a_t * h_{t-1}, so x and h have one size D; W_r, W_i are D x D with biases b_r, b_i; the decay base a is
# "a learned coordinatewise decay base" (D values); c = 8 is a constant. 2D^2 + 3D.
@_export
def h21d_seqmech_lesson_rglru(x=6, h=6):
    assert x == h, "the text multiplies i_t by x_t and adds it to a_t * h_{t-1}"
    D = h

    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_r = _p(D, D)
            self.b_r = _p(D)
            self.W_i = _p(D, D)
            self.b_i = _p(D)
            self.a = nn.Parameter(torch.rand(D) * 0.5 + 0.4)
            self.c = 8.0

        def forward(self, xt, hp):
            r = torch.sigmoid(self.W_r @ xt + self.b_r)
            i = torch.sigmoid(self.W_i @ xt + self.b_i)
            a_t = self.a ** (self.c * r)
            return a_t * hp + torch.sqrt(1 - a_t ** 2) * (i * xt)

    return Cell()


# stored file id 59860255183 (python-docx script of an Indonesian thesis, III.4.1 sLSTM, eq. III.3a-g).
# Four gates z, i, f, o, each W_* (h x x), R_* (h x h), b_* (h). 4h(x + h + 1).
@_export
def h21d_id_thesis_docx_slstm(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W = nn.ParameterDict({g: _p(h, x) for g in "zifo"})
            self.R = nn.ParameterDict({g: _p(h, h) for g in "zifo"})
            self.b = nn.ParameterDict({g: _p(h) for g in "zifo"})

        def pre(self, g, xt, hp):
            return self.W[g] @ xt + self.R[g] @ hp + self.b[g]

        def forward(self, xt, state):
            hp, c, n = state
            z = torch.tanh(self.pre("z", xt, hp))
            i = torch.exp(self.pre("i", xt, hp))
            f = torch.exp(self.pre("f", xt, hp))
            o = torch.sigmoid(self.pre("o", xt, hp))
            c = f * c + i * z
            n = f * n + i
            return o * (c / n), c, n

    return Cell()


# stored file id 58525760863 (Chinese research-wiki evidence file, F1 Gated DeltaNet). S is d_v x d_k,
# o_t = S_t q_t so q_t, k_t are d_k, v_t is d_v: W_Q, W_K (d_k x x), W_V (d_v x x), no bias written;
# alpha_t, beta_t are scalars: W_alpha, W_beta (1 x x). x(2 d_k + d_v + 2).
@_export
def h21d_zh_wiki_evidence_gated_deltanet(x=7, d_k=5, d_v=4):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_Q = _p(d_k, x)
            self.W_K = _p(d_k, x)
            self.W_V = _p(d_v, x)
            self.W_alpha = _p(1, x)
            self.W_beta = _p(1, x)

        def forward(self, xt, S):
            q, k, v = self.W_Q @ xt, self.W_K @ xt, self.W_V @ xt
            a = torch.sigmoid(self.W_alpha @ xt)
            b = torch.sigmoid(self.W_beta @ xt)
            I = torch.eye(d_k)
            S = S @ (a * (I - b * torch.outer(k, k))) + b * torch.outer(v, k)
            return S @ q, S

    return Cell()


# stored file id 35850999678 (matplotlib MinLSTM diagram script, equations list). W_f, W_i, W_h (h x x)
# with b_f, b_i, b_h (h). 3h(x + 1).
@_export
def h21d_mpl_diagram_minlstm(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.f = nn.Linear(x, h)
            self.i = nn.Linear(x, h)
            self.h = nn.Linear(x, h)

        def forward(self, xt, hp):
            f = torch.sigmoid(self.f(xt))
            i = torch.sigmoid(self.i(xt))
            ht = self.h(xt)
            fp, ip = f / (f + i), i / (f + i)
            return fp * hp + ip * ht

    return Cell()


# stored file id 59337780897 (minGRU technical report, section 1). W_z, W_h (h x x), no biases. 2hx.
@_export
def h21d_mingru_techreport_mingru(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_z = nn.Linear(x, h, bias=False)
            self.W_h = nn.Linear(x, h, bias=False)

        def forward(self, xt, hp):
            z = torch.sigmoid(self.W_z(xt))
            return (1 - z) * hp + z * self.W_h(xt)

    return Cell()
