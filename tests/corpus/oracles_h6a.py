"""Oracles for the h6a-* snippets of the sixth set-aside corpus (heldout6), as its gatherer wrote them."""
import torch
from torch import nn

__all__ = []


def _export(f):
    __all__.append(f.__name__)
    return f


def _p(*shape):
    return nn.Parameter(torch.randn(*shape) * 0.1)


# ---------------------------------------------------------------------------
# hamza2masmoudi/OxidizeML crates/oxidize-ml-nn/src/recurrent.rs
# ---------------------------------------------------------------------------
@_export
def oxidizeml_rnn(x=7, h=5):
    """h_t = tanh(W_ih @ x_t + W_hh @ h_{t-1} + b); w_ih [hidden,input], w_hh [hidden,hidden], bias [1,hidden]."""
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.w_ih = _p(h, x)
            self.w_hh = _p(h, h)
            self.bias = _p(1, h)

        def forward(self, xt, hp):
            return torch.tanh(xt @ self.w_ih.T + hp @ self.w_hh.T + self.bias)
    return Cell()


@_export
def oxidizeml_lstm(x=7, h=5):
    """i,f,o,g each with W_?_x [input,hidden], W_?_h [hidden,hidden], b_? [1,hidden]."""
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            for g in "ifog":
                setattr(self, f"w_{g}_x", _p(x, h))
                setattr(self, f"w_{g}_h", _p(h, h))
                setattr(self, f"b_{g}", _p(1, h))

        def forward(self, xt, hp, cp):
            a = {g: xt @ getattr(self, f"w_{g}_x") + hp @ getattr(self, f"w_{g}_h") + getattr(self, f"b_{g}") for g in "ifog"}
            i, f, o = (torch.sigmoid(a[k]) for k in "ifo")
            g = torch.tanh(a["g"])
            c = f * cp + i * g
            return o * torch.tanh(c), c
    return Cell()


# ---------------------------------------------------------------------------
# apache/systemds scripts/nn/layers/lstm.dml (DML, R-like)
# ---------------------------------------------------------------------------
@_export
def systemds_lstm(D=7, M=5):
    """ifog = cbind(X_t, out_prev) %*% W + b; W (D+M, 4M), b (1, 4M)."""
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W = _p(D + M, 4 * M)
            self.b = _p(1, 4 * M)

        def forward(self, xt, out_prev, c_prev):
            ifog = torch.cat([xt, out_prev], 1) @ self.W + self.b
            i, f, o = (torch.sigmoid(ifog[:, k * M:(k + 1) * M]) for k in range(3))
            g = torch.tanh(ifog[:, 3 * M:])
            c = f * c_prev + i * g
            return o * torch.tanh(c), c
    return Cell()


# ---------------------------------------------------------------------------
# Apple MetalPerformanceShadersGraph MPSGraphRNNOps.h (Objective-C header doc comments)
# ---------------------------------------------------------------------------
@_export
def mpsgraph_lstm_peephole(I=7, H=5):
    """z = f((h m) R^T + x W^T + b + p c[t-1]); R [4H,H], W [4H,I], b [4H], peephole [4H]."""
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.R = _p(4 * H, H)
            self.W = _p(4 * H, I)
            self.b = _p(4 * H)
            self.p = _p(4 * H)

        def forward(self, x, h, c):
            z = h @ self.R.T + x @ self.W.T + self.b + self.p * c.repeat(1, 4)
            i, f, zz, o = z.split(H, 1)
            i, f, o, zz = torch.sigmoid(i), torch.sigmoid(f), torch.sigmoid(o), torch.tanh(zz)
            c = f * c + i * zz
            return o * torch.tanh(c), c
    return Cell()


@_export
def mpsgraph_gru(I=7, H=5):
    """Default descriptor (resetAfter = NO): R [3H,H], W [3H,I], b [3H]; no b2."""
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.R = _p(3 * H, H)
            self.W = _p(3 * H, I)
            self.b = _p(3 * H)

        def forward(self, x, h):
            Rz, Rr, Ro = self.R.split(H, 0)
            Wz, Wr, Wo = self.W.split(H, 0)
            bz, br, bo = self.b.split(H)
            z = torch.sigmoid(h @ Rz.T + x @ Wz.T + bz)
            r = torch.sigmoid(h @ Rr.T + x @ Wr.T + br)
            c = (h * r) @ Ro.T
            o = torch.tanh(c + x @ Wo.T + bo)
            return z * h + (1 - z) * o
    return Cell()


# ---------------------------------------------------------------------------
# owulveryck/lstm lstm.go (Go + Gorgonia, equations as Unicode strings)
# ---------------------------------------------------------------------------
@_export
def owulveryck_lstm(x=7, h=5, y=3):
    """i,f,o,ĉ: W·x + U·h + B each; y = softmax(Wy·h + By)."""
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            for g in "ifoc":
                setattr(self, "W" + g, _p(h, x))
                setattr(self, "U" + g, _p(h, h))
                setattr(self, "B" + g, _p(h))
            self.Wy = _p(y, h)
            self.By = _p(y)

        def forward(self, xt, hp, cp):
            a = {g: xt @ getattr(self, "W" + g).T + hp @ getattr(self, "U" + g).T + getattr(self, "B" + g) for g in "ifoc"}
            i, f, o = (torch.sigmoid(a[k]) for k in "ifo")
            ch = torch.tanh(a["c"])
            c = f * cp + i * ch
            ht = o * torch.tanh(c)
            return torch.softmax(ht @ self.Wy.T + self.By, -1), ht, c
    return Cell()


# ---------------------------------------------------------------------------
# yandex/faster-rnnlm (C++ header comments)
# ---------------------------------------------------------------------------
@_export
def fasterrnnlm_gru(x=7, h=5):
    """Matrices I^u W^u I^r W^r I^q W^q, vectors b^u b^r (no candidate bias)."""
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            for g in "urq":
                setattr(self, "I" + g, _p(h, x))
                setattr(self, "W" + g, _p(h, h))
            self.bu = _p(h)
            self.br = _p(h)

        def forward(self, xt, hp):
            u = torch.sigmoid(xt @ self.Iu.T + hp @ self.Wu.T + self.bu)
            r = torch.sigmoid(xt @ self.Ir.T + hp @ self.Wr.T + self.br)
            p = r * hp
            q = torch.tanh(xt @ self.Iq.T + p @ self.Wq.T)
            return hp * (1 - u) + q * u
    return Cell()


@_export
def fasterrnnlm_scrn(x=8, s=3, h=5):
    """SCRN: B (s,x), P (h,s), A (h,x), R (h,h), a (s); input_size = context_size + hidden_size."""
    assert x == s + h
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.B = _p(s, x)
            self.P = _p(h, s)
            self.A = _p(h, x)
            self.R = _p(h, h)
            self.a = _p(s)

        def example_inputs(self, n):
            return [torch.randn(n, x), torch.randn(n, s), torch.randn(n, h)]

        def forward(self, xt, sp, hp):
            st = (1 - self.a) * (xt @ self.B.T) - self.a * sp
            ht = torch.sigmoid(st @ self.P.T + xt @ self.A.T + hp @ self.R.T)
            return torch.cat([st, ht], -1)
    return Cell()


# ---------------------------------------------------------------------------
# sonosole/Mira (Julia deep-learning package, block docstrings)
# ---------------------------------------------------------------------------
@_export
def mira_indrnn(x=7, h=5):
    """h[t] = f(w*x[t] + u .* h[t-1] .+ b); w (h,x), u (h), b (h)."""
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.w = _p(h, x)
            self.b = _p(h)
            self.u = _p(h)

        def forward(self, xt, hp):
            return torch.relu(xt @ self.w.T + self.u * hp + self.b)
    return Cell()


@_export
def mira_gru(x=7, h=5):
    """z, r, c with W? (h,x), U? (h,h), b? (h)."""
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            for g in "zrc":
                setattr(self, "W" + g, _p(h, x))
                setattr(self, "U" + g, _p(h, h))
                setattr(self, "b" + g, _p(h))

        def forward(self, xt, hp):
            z = torch.sigmoid(xt @ self.Wz.T + hp @ self.Uz.T + self.bz)
            r = torch.sigmoid(xt @ self.Wr.T + hp @ self.Ur.T + self.br)
            c = torch.tanh(xt @ self.Wc.T + (r * hp) @ self.Uc.T + self.bc)
            return z * hp + (1 - z) * c
    return Cell()


@_export
def mira_indgru(x=7, h=5):
    """Independent GRU: U? are vectors (h) used with .*; W? (h,x); b? (h)."""
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            for g in "zrc":
                setattr(self, "W" + g, _p(h, x))
                setattr(self, "U" + g, _p(h))
                setattr(self, "b" + g, _p(h))

        def forward(self, xt, hp):
            z = torch.sigmoid(xt @ self.Wz.T + self.Uz * hp + self.bz)
            r = torch.sigmoid(xt @ self.Wr.T + self.Ur * hp + self.br)
            c = torch.tanh(xt @ self.Wc.T + self.Uc * (r * hp) + self.bc)
            return z * hp + (1 - z) * c
    return Cell()


# ---------------------------------------------------------------------------
# NNV toolbox GRULayer.m (MATLAB classdef, stored file id 1269864587)
# ---------------------------------------------------------------------------
@_export
def nnv_gru(x=7, h=5):
    """Wz Uz bz gz, Wr Ur br gr, Wc Uc bc gc; reset applied after Uc h + gc."""
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            for g in "zrc":
                setattr(self, "W" + g, _p(h, x))
                setattr(self, "U" + g, _p(h, h))
                setattr(self, "b" + g, _p(h))
                setattr(self, "g" + g, _p(h))

        def forward(self, xt, hp):
            z = torch.sigmoid(xt @ self.Wz.T + self.bz + hp @ self.Uz.T + self.gz)
            r = torch.sigmoid(xt @ self.Wr.T + self.br + hp @ self.Ur.T + self.gr)
            c = torch.tanh(xt @ self.Wc.T + self.bc + r * (hp @ self.Uc.T + self.gc))
            return z * hp + (1 - z) * c
    return Cell()


# ---------------------------------------------------------------------------
# rsokl/MyGrad src/mygrad/nnet/layers/gru.py (Python docstring, row-vector convention)
# ---------------------------------------------------------------------------
@_export
def mygrad_gru(C=7, D=5):
    """U? (C, D), W? (D, D), b? (D,) for z, r, h."""
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            for g in "zrh":
                setattr(self, "U" + g, _p(C, D))
                setattr(self, "W" + g, _p(D, D))
                setattr(self, "b" + g, _p(D))

        def forward(self, Xt, S):
            Z = torch.sigmoid(Xt @ self.Uz + S @ self.Wz + self.bz)
            R = torch.sigmoid(Xt @ self.Ur + S @ self.Wr + self.br)
            H = torch.tanh(Xt @ self.Uh + (R * S) @ self.Wh + self.bh)
            return (1 - Z) * H + Z * S
    return Cell()


# ---------------------------------------------------------------------------
# BlinkDL/RWKV-LM README.md "From GPT to RWKV (the formulas)" (RWKV-2 simplified formula)
# ---------------------------------------------------------------------------
@_export
def rwkv_readme_simplified(x=7, F=5):
    """F[t+1] = sigma(R x[t]) * (exp(K F[t]) * (V F[t]) + exp(W) * A[t]) / (exp(K F[t]) + exp(W) * B[t]).
    R (F, x), K (F, F), V (F, F) matrices; W vector (F)."""
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.R = _p(F, x)
            self.K = _p(F, F)
            self.V = _p(F, F)
            self.W = _p(F)

        def example_inputs(self, n):
            return [torch.randn(n, x), torch.randn(n, F), torch.rand(n, F), torch.rand(n, F) + 1]

        def forward(self, xt, Ft, A, B):
            ek = torch.exp(Ft @ self.K.T)
            num = ek * (Ft @ self.V.T) + torch.exp(self.W) * A
            den = ek + torch.exp(self.W) * B
            return torch.sigmoid(xt @ self.R.T) * num / den, num, den
    return Cell()


# ---------------------------------------------------------------------------
# Android NNAPI NeuralNetworksTypes.h, ANEURALNETWORKS_LSTM (Doxygen \f{eqnarray*})
# ---------------------------------------------------------------------------
@_export
def nnapi_lstm_full(x=7, C=5, h=3):
    """One configuration the text allows (no CIFG, peephole on, projection with bias, no layer norm):
    W_x? (C, x) x4, W_h? (C, h) x4, W_c? (C) x3, b_? (C) x4, W_proj (h, C), b_proj (h).
    The text makes peephole/CIFG/projection optional, so the count is not determined."""
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            for g in "ifco":
                setattr(self, "W_x" + g, _p(C, x))
                setattr(self, "W_h" + g, _p(C, h))
                setattr(self, "b_" + g, _p(C))
            for g in "ifo":
                setattr(self, "W_c" + g, _p(C))
            self.W_proj = _p(h, C)
            self.b_proj = _p(h)

        def example_inputs(self, n):
            return [torch.randn(n, x), torch.randn(n, h), torch.randn(n, C)]

        def forward(self, xt, hp, Cp):
            a = lambda g: xt @ getattr(self, "W_x" + g).T + hp @ getattr(self, "W_h" + g).T + getattr(self, "b_" + g)
            i = torch.sigmoid(a("i") + self.W_ci * Cp)
            f = torch.sigmoid(a("f") + self.W_cf * Cp)
            Ct = f * Cp + i * torch.tanh(a("c"))
            o = torch.sigmoid(a("o") + self.W_co * Ct)
            return (o * torch.tanh(Ct)) @ self.W_proj.T + self.b_proj, Ct
    return Cell()
