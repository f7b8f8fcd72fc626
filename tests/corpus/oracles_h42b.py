"""Oracles for the h42b set-aside snippets (heldout42), as its gatherer wrote them."""
import torch
from torch import nn

__all__ = []


def _export(f):
    __all__.append(f.__name__)
    return f


def _p(*shape):
    return nn.Parameter(torch.randn(*shape) * 0.1)


# AntoineSimoulin/phd_manuscript chapters/embeddings.tex, LSTM: W^{(i,f,o,u)} (h x x), U^{(i,f,o,u)} (h x h),
# b^{(i,f,o,u)} (h); the typo W({(i)} is read as W^{(i)}. Count: 4*(h*x + h*h + h).
@_export
def h42b_simoulin_lstm(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W = nn.ParameterDict({g: _p(h, x) for g in "ifou"})
            self.U = nn.ParameterDict({g: _p(h, h) for g in "ifou"})
            self.b = nn.ParameterDict({g: _p(h) for g in "ifou"})

        def forward(self, xt, hprev, cprev):
            a = {g: xt @ self.W[g].T + hprev @ self.U[g].T + self.b[g] for g in "ifou"}
            i, f, o = torch.sigmoid(a["i"]), torch.sigmoid(a["f"]), torch.sigmoid(a["o"])
            u = torch.tanh(a["u"])
            c = i * u + f * cprev
            return o * torch.tanh(c), c
    return Cell()


# AntoineSimoulin/phd_manuscript chapters/embeddings.tex, N-ary Tree-LSTM (Tai et al. 2015): W^{(i,o,u,f)} (h x x)
# shared; per-child U^{(i)}_l, U^{(o)}_l, U^{(u)}_l (h x h) for l=1..N; forget matrices U^{(f)}_{kl} (h x h) for
# k,l=1..N; biases b^{(i,o,u,f)} (h), one forget bias shared by all k. Count: 4*h*x + 3*N*h*h + N*N*h*h + 4*h.
@_export
def h42b_simoulin_narytreelstm(x=7, h=5, N=2):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W = nn.ParameterDict({g: _p(h, x) for g in "iouf"})
            self.b = nn.ParameterDict({g: _p(h) for g in "iouf"})
            self.U = nn.ParameterDict({g: _p(N, h, h) for g in "iou"})
            self.Uf = _p(N, N, h, h)

        def forward(self, xj, hch, cch):
            # hch, cch: (N, batch, h) children states
            def rec(Ul):
                return sum(hch[l] @ Ul[l].T for l in range(N))
            i = torch.sigmoid(xj @ self.W["i"].T + rec(self.U["i"]) + self.b["i"])
            o = torch.sigmoid(xj @ self.W["o"].T + rec(self.U["o"]) + self.b["o"])
            u = torch.tanh(xj @ self.W["u"].T + rec(self.U["u"]) + self.b["u"])
            f = [torch.sigmoid(xj @ self.W["f"].T + rec(self.Uf[k]) + self.b["f"]) for k in range(N)]
            c = i * u + sum(f[l] * cch[l] for l in range(N))
            return o * torch.tanh(c), c
    return Cell()


# JAPARK10/BachelorsThesis Thesis_LaTeX.tex, LSTM on z(t) = [x(t), h(t-1)] (prose): W_i, W_f, W_o, W_c each
# (h x (x+h)), biases B_i, B_f, B_o, B_c (h). Count: 4*(h*(x+h) + h).
@_export
def h42b_japark_lstm(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_i, self.W_f, self.W_o, self.W_c = (nn.Linear(x + h, h) for _ in range(4))

        def forward(self, xt, hprev, cprev):
            z = torch.cat([xt, hprev], -1)
            i, f, o = torch.sigmoid(self.W_i(z)), torch.sigmoid(self.W_f(z)), torch.sigmoid(self.W_o(z))
            ct = torch.tanh(self.W_c(z))
            c = f * cprev + i * ct
            return o * torch.tanh(c), c
    return Cell()


# alan-barzilay/thesis_dissertation conteudo/03-NLP e ML.tex, LSTM on [h_{t-1}, x_t]: W_f, W_i, W_o, W_C each
# (h x (h+x)), biases b_f, b_i, b_o, b_C (h). Count: 4*(h*(h+x) + h).
@_export
def h42b_barzilay_lstm(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_f, self.W_i, self.W_o, self.W_C = (nn.Linear(h + x, h) for _ in range(4))

        def forward(self, xt, hprev, Cprev):
            z = torch.cat([hprev, xt], -1)
            f, i, o = torch.sigmoid(self.W_f(z)), torch.sigmoid(self.W_i(z)), torch.sigmoid(self.W_o(z))
            Ct = torch.tanh(self.W_C(z))
            C = f * Cprev + i * Ct
            return o * torch.tanh(C), C
    return Cell()


# AShedko/Uir8 chapters/thesis-template-chapter2.tex, LSTM (Wikipedia form): W_f, W_i, W_o, W_c (h x x),
# U_f, U_i, U_o, U_c (h x h), b_f, b_i, b_o, b_c (h); sigma_g = sigmoid, sigma_c = sigma_h = tanh.
# Count: 4*(h*x + h*h + h).
@_export
def h42b_shedko_lstm(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W = nn.ParameterDict({g: _p(h, x) for g in "fioc"})
            self.U = nn.ParameterDict({g: _p(h, h) for g in "fioc"})
            self.b = nn.ParameterDict({g: _p(h) for g in "fioc"})

        def forward(self, xt, hprev, cprev):
            a = {g: xt @ self.W[g].T + hprev @ self.U[g].T + self.b[g] for g in "fioc"}
            f, i, o = torch.sigmoid(a["f"]), torch.sigmoid(a["i"]), torch.sigmoid(a["o"])
            c = f * cprev + i * torch.tanh(a["c"])
            return o * torch.tanh(c), c
    return Cell()


# MaxCrebolder/Research-assignment-Final main matter/2 Literature Review.tex, LSTM with an output-gate peephole:
# W_i, W_z, W_f, W_o (h x x), U_i, U_z, U_f, U_o (h x h), b_i, b_z, b_f, b_o (h), and V_o read as a full (h x h)
# matrix on C_t (as in the deeplearning.net LSTM tutorial this form comes from). Text does not fix V_o's form
# (diagonal would give h), and its parameter list omits V_o and the biases -> expect refuse.
# Count (this reading): 4*(h*x + h*h + h) + h*h.
@_export
def h42b_crebolder_peepholelstm(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W = nn.ParameterDict({g: _p(h, x) for g in "izfo"})
            self.U = nn.ParameterDict({g: _p(h, h) for g in "izfo"})
            self.b = nn.ParameterDict({g: _p(h) for g in "izfo"})
            self.V_o = _p(h, h)

        def forward(self, xt, hprev, Cprev):
            a = {g: xt @ self.W[g].T + hprev @ self.U[g].T + self.b[g] for g in "izfo"}
            i, z, f = torch.sigmoid(a["i"]), torch.tanh(a["z"]), torch.sigmoid(a["f"])
            C = i * z + f * Cprev
            o = torch.sigmoid(a["o"] + C @ self.V_o.T)
            return o * torch.tanh(C), C
    return Cell()


# Kleczyk/Decoding_of_EEG docs/LaTex/V4/sections/modele.tex, LSTM on [h_{t-1}, x_t]: W_f, W_i, W_C, W_o each
# (h x (h+x)), b_f, b_i, b_C, b_o (h); "\cdot" between gate and state read as element-wise.
# Count: 4*(h*(h+x) + h).
@_export
def h42b_kleczyk_lstm(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_f, self.W_i, self.W_C, self.W_o = (nn.Linear(h + x, h) for _ in range(4))

        def forward(self, xt, hprev, Cprev):
            z = torch.cat([hprev, xt], -1)
            f, i, o = torch.sigmoid(self.W_f(z)), torch.sigmoid(self.W_i(z)), torch.sigmoid(self.W_o(z))
            C = f * Cprev + i * torch.tanh(self.W_C(z))
            return o * torch.tanh(C), C
    return Cell()


# AntoineSimoulin/phd_manuscript chapters/embeddings.tex, GRU: W^{(r,z,h)} (h x x), U^{(r,z,h)} (h x h),
# b^{(r,z,h)} (h); reset inside U^{(h)}(r_t * h_{t-1}). Count: 3*(h*x + h*h + h).
@_export
def h42b_simoulin_gru(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W = nn.ParameterDict({g: _p(h, x) for g in "rzh"})
            self.U = nn.ParameterDict({g: _p(h, h) for g in "rzh"})
            self.b = nn.ParameterDict({g: _p(h) for g in "rzh"})

        def forward(self, xt, hprev):
            r = torch.sigmoid(xt @ self.W["r"].T + hprev @ self.U["r"].T + self.b["r"])
            z = torch.sigmoid(xt @ self.W["z"].T + hprev @ self.U["z"].T + self.b["z"])
            ht = torch.tanh(xt @ self.W["h"].T + (r * hprev) @ self.U["h"].T + self.b["h"])
            return (1 - z) * hprev + z * ht
    return Cell()


# AntoineSimoulin/phd_manuscript chapters/embeddings.tex, Child-Sum Tree-LSTM: W^{(i,o,u,f)} (h x x),
# U^{(i,o,u,f)} (h x h), b^{(i,o,u,f)} (h); the forget gate f_{jk} is computed per child with shared W^{(f)},
# U^{(f)}, b^{(f)}. Count: 4*(h*x + h*h + h).
@_export
def h42b_simoulin_childsumtreelstm(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W = nn.ParameterDict({g: _p(h, x) for g in "iouf"})
            self.U = nn.ParameterDict({g: _p(h, h) for g in "iouf"})
            self.b = nn.ParameterDict({g: _p(h) for g in "iouf"})

        def forward(self, xj, hch, cch):
            # hch, cch: (K, batch, h) states of the K children
            hs = hch.sum(0)
            i = torch.sigmoid(xj @ self.W["i"].T + hs @ self.U["i"].T + self.b["i"])
            o = torch.sigmoid(xj @ self.W["o"].T + hs @ self.U["o"].T + self.b["o"])
            u = torch.tanh(xj @ self.W["u"].T + hs @ self.U["u"].T + self.b["u"])
            f = torch.sigmoid((xj @ self.W["f"].T + self.b["f"]).unsqueeze(0) + hch @ self.U["f"].T)
            c = i * u + (f * cch).sum(0)
            return o * torch.tanh(c), c
    return Cell()


# MaxCrebolder/Research-assignment-Final main matter/3 Methodology.tex, LSTM: W_i, W_f, W_o, W_C (h x x),
# U_i, U_f, U_o, U_C (h x h), b_i, b_f, b_o, b_C (h). Count: 4*(h*x + h*h + h).
@_export
def h42b_crebolder_lstm(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W = nn.ParameterDict({g: _p(h, x) for g in "ifoC"})
            self.U = nn.ParameterDict({g: _p(h, h) for g in "ifoC"})
            self.b = nn.ParameterDict({g: _p(h) for g in "ifoC"})

        def forward(self, xt, hprev, Cprev):
            a = {g: xt @ self.W[g].T + hprev @ self.U[g].T + self.b[g] for g in "ifoC"}
            i, f, o = torch.sigmoid(a["i"]), torch.sigmoid(a["f"]), torch.sigmoid(a["o"])
            C = f * Cprev + i * torch.tanh(a["C"])
            return o * torch.tanh(C), C
    return Cell()
