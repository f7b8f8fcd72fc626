import torch
from torch import nn

__all__ = []


def _export(f):
    __all__.append(f.__name__)
    return f


def _p(*shape):
    return nn.Parameter(torch.randn(*shape) * 0.1)


# stored file id 30224687108 (Chinese paper-reading blog on HiWet-DBNet, "#### 2.2. SAR分支"). One stacked
# W acting on [h_{t-1}; x_t] whose output is split into f, i, o, C~ (the pmatrix of four rows), and one
# stacked b. W: 4h x (h + x), b: 4h. Count 4h(h + x) + 4h.
@_export
def h29f_hiwet_lstm(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W, self.b = _p(4 * h, h + x), _p(4 * h)

        def forward(self, xt, hp, cp):
            z = self.W @ torch.cat([hp, xt]) + self.b
            f, i, o, ct = z.split(h)
            f, i, o, ct = torch.sigmoid(f), torch.sigmoid(i), torch.sigmoid(o), torch.tanh(ct)
            c = f * cp + i * ct
            return o * torch.tanh(c), c

    return Cell()


# stored file id 30224687108, the ConvLSTM part (marked refuse: kernel size and peephole shape not given).
# Most plausible reading (Shi et al. 2015): W_x* convolutions C_hidden x C_in x k x k, W_h* convolutions
# C_hidden x C_hidden x k x k for i, f, c, o; Hadamard peepholes W_ci, W_cf, W_co of the cell's full shape
# (C_hidden, H, W); biases b_i, b_f, b_c, b_o of C_hidden (one per channel).
# Count 4 k^2 C_hidden (C_in + C_hidden) + 3 C_hidden H W + 4 C_hidden.
@_export
def h29f_hiwet_convlstm(C_in=3, C_hidden=5, k=3, H=6, W=7):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.Wx = nn.ParameterDict({g: _p(C_hidden, C_in, k, k) for g in "ifco"})
            self.Wh = nn.ParameterDict({g: _p(C_hidden, C_hidden, k, k) for g in "ifco"})
            self.Wc = nn.ParameterDict({g: _p(C_hidden, H, W) for g in "ifo"})
            self.b = nn.ParameterDict({g: _p(C_hidden) for g in "ifco"})

        def _a(self, g, X, Hp):
            conv = torch.nn.functional.conv2d
            return (conv(X[None], self.Wx[g], padding=k // 2)[0] + conv(Hp[None], self.Wh[g], padding=k // 2)[0]
                    + self.b[g][:, None, None])

        def forward(self, X, Hp, Cp):
            i = torch.sigmoid(self._a("i", X, Hp) + self.Wc["i"] * Cp)
            f = torch.sigmoid(self._a("f", X, Hp) + self.Wc["f"] * Cp)
            C = f * Cp + i * torch.tanh(self._a("c", X, Hp))
            o = torch.sigmoid(self._a("o", X, Hp) + self.Wc["o"] * C)
            return o * torch.tanh(C), C

    return Cell()


# https://www.tutorialguruji.com/python/understanding-lstm-through-example/ (Stack Overflow Q&A mirror; marked
# refuse: only the forget gate has a formula). Most plausible reading: the colah-style LSTM the question's
# pictures show, each of Wf, Wi, Wc, Wo acting on the concatenation [h_{t-1}, x_t] (h x (h + x)), with biases
# bf, bi, bc, bo of h. Count 4(h(h + x) + h).
@_export
def h29f_sogur_lstm(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W = nn.ParameterDict({g: _p(h, h + x) for g in "fico"})
            self.b = nn.ParameterDict({g: _p(h) for g in "fico"})

        def forward(self, xt, hp, cp):
            z = torch.cat([hp, xt])
            f = torch.sigmoid(self.W["f"] @ z + self.b["f"])
            i = torch.sigmoid(self.W["i"] @ z + self.b["i"])
            ct = torch.tanh(self.W["c"] @ z + self.b["c"])
            o = torch.sigmoid(self.W["o"] @ z + self.b["o"])
            c = f * cp + i * ct
            return o * torch.tanh(c), c

    return Cell()


# https://1cademy.com/node/math-behind-lstms/ylV5X1YmryFLuLuxRqIM ("LSTM Forward Pass Equations"). Gamma_f, Gamma_u,
# tilde{c}, Gamma_o each W_*[a^{<t-1>}, x^{<t>}] + b_* with W_* of a x (a + x) and b_* of a (the cell c has the
# size of a, since a = Gamma_o tanh(c)). Count 4(a(a + x) + a).
@_export
def h29f_1cademy_lstm(a=5, x=7):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W = nn.ParameterDict({g: _p(a, a + x) for g in "fuco"})
            self.b = nn.ParameterDict({g: _p(a) for g in "fuco"})

        def forward(self, xt, ap, cp):
            z = torch.cat([ap, xt])
            gf = torch.sigmoid(self.W["f"] @ z + self.b["f"])
            gu = torch.sigmoid(self.W["u"] @ z + self.b["u"])
            ct = torch.tanh(self.W["c"] @ z + self.b["c"])
            c = gu * ct + gf * cp
            go = torch.sigmoid(self.W["o"] @ z + self.b["o"])
            return go * torch.tanh(c), c

    return Cell()


# stored file id 31239921429 (Jekyll blog review, "### DAG LSTM"). W^in, W^out, W^fgt, W^cell of n x k (W^in's
# shape stated, the others read the same), edge-typed recurrent weights U^{g,t} of n x n for each gate g and
# each of the |T| edge types, biases b^g of n. Count 4nk + 4|T|n^2 + 4n.
@_export
def h29f_daglstm(n=5, k=7, T=3):
    gates = ("in", "out", "fgt", "cell")

    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W = nn.ParameterDict({g: _p(n, k) for g in gates})
            self.U = nn.ParameterDict({f"{g}_{t}": _p(n, n) for g in gates for t in range(T)})
            self.b = nn.ParameterDict({g: _p(n) for g in gates})

        def forward(self, s_v, nbrs):
            # nbrs: list of (h_w, c_w, edge_type) for the w with vRw
            def pre(g):
                return self.W[g] @ s_v + sum(self.U[f"{g}_{t}"] @ hw for hw, _, t in nbrs) + self.b[g]

            i = torch.sigmoid(pre("in"))
            o = torch.sigmoid(pre("out"))
            chat = torch.tanh(pre("cell"))
            c = i * chat
            for hw, cw, t in nbrs:
                f = torch.sigmoid(self.W["fgt"] @ s_v + self.U[f"fgt_{t}"] @ hw + self.b["fgt"])
                c = c + f * cw
            return o * torch.tanh(c), c

    return Cell()


# stored file id 38486967657 (Chinese Jekyll blog "从 Tree-LSTM 到 GCN", Child-Sum Tree-LSTM). W^{(i,f,o,u)} of
# h x x, U^{(i,f,o,u)} of h x h (U^{(f)} shared by every child), b^{(i,f,o,u)} of h. Count 4(hx + h^2 + h).
def _childsum(x, h, bias):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W = nn.ParameterDict({g: _p(h, x) for g in "ifou"})
            self.U = nn.ParameterDict({g: _p(h, h) for g in "ifou"})
            if bias:
                self.b = nn.ParameterDict({g: _p(h) for g in "ifou"})

        def _b(self, g):
            return self.b[g] if bias else 0

        def forward(self, xj, hs, cs):
            ht = sum(hs)
            i = torch.sigmoid(self.W["i"] @ xj + self.U["i"] @ ht + self._b("i"))
            o = torch.sigmoid(self.W["o"] @ xj + self.U["o"] @ ht + self._b("o"))
            u = torch.tanh(self.W["u"] @ xj + self.U["u"] @ ht + self._b("u"))
            c = i * u
            for hk, ck in zip(hs, cs):
                c = c + torch.sigmoid(self.W["f"] @ xj + self.U["f"] @ hk + self._b("f")) * ck
            return o * torch.tanh(c), c

    return Cell()


@_export
def h29f_treelstm_childsum(x=7, h=5):
    return _childsum(x, h, True)


# stored file id 38486967657, N-ary Tree-LSTM. W^{(i,f,o,u)} of h x x and b^{(i,f,o,u)} of h; U^{(i)}_l, U^{(o)}_l,
# U^{(u)}_l of h x h for l = 1..N; U^{(f)}_{kl} of h x h for k, l = 1..N.
# Count 4hx + 4h + 3N h^2 + N^2 h^2.
@_export
def h29f_treelstm_nary(x=7, h=5, N=3):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W = nn.ParameterDict({g: _p(h, x) for g in "ifou"})
            self.b = nn.ParameterDict({g: _p(h) for g in "ifou"})
            self.U = nn.ParameterDict({f"{g}{l}": _p(h, h) for g in "iou" for l in range(N)})
            self.Uf = nn.ParameterDict({f"{kk}_{l}": _p(h, h) for kk in range(N) for l in range(N)})

        def forward(self, xj, hs, cs):
            def pre(g):
                return self.W[g] @ xj + sum(self.U[f"{g}{l}"] @ hs[l] for l in range(N)) + self.b[g]

            i, o, u = torch.sigmoid(pre("i")), torch.sigmoid(pre("o")), torch.tanh(pre("u"))
            c = i * u
            for kk in range(N):
                f = torch.sigmoid(self.W["f"] @ xj + sum(self.Uf[f"{kk}_{l}"] @ hs[l] for l in range(N)) + self.b["f"])
                c = c + f * cs[kk]
            return o * torch.tanh(c), c

    return Cell()


# stored file id 53426929446 (Chinese note "10_Bi-directional RNN 双向建模", "## 数学推导" up to the concatenation).
# Two independent Elman cells: W_{hh} (h x h), W_{xh} (h x x), b (h) per direction. Count 2(h^2 + hx + h).
def _birnn(x, h):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.Whh_f, self.Wxh_f, self.b_f = _p(h, h), _p(h, x), _p(h)
            self.Whh_b, self.Wxh_b, self.b_b = _p(h, h), _p(h, x), _p(h)

        def forward(self, xs):
            hf, hb = torch.zeros(h), torch.zeros(h)
            fwd, bwd = [], []
            for xt in xs:
                hf = torch.tanh(self.Whh_f @ hf + self.Wxh_f @ xt + self.b_f)
                fwd.append(hf)
            for xt in reversed(xs):
                hb = torch.tanh(self.Whh_b @ hb + self.Wxh_b @ xt + self.b_b)
                bwd.insert(0, hb)
            return [torch.cat([a, b]) for a, b in zip(fwd, bwd)]

    return Cell()


@_export
def h29f_birnn_notes(x=7, h=5):
    return _birnn(x, h)


# stored file id 52705490522 (Traditional Chinese tutorial on Attention + Bidirectional Encoder, "## 4. Encoder 的前向
# 傳播"). W_xh^{->}, W_xh^{<-} of d_h x d_x, W_hh^{->}, W_hh^{<-} of d_h x d_h (stated), b_h^{->}, b_h^{<-} of d_h.
# Count 2(d_h d_x + d_h^2 + d_h).
@_export
def h29f_biencoder_rnn(d_x=7, d_h=5):
    return _birnn(d_x, d_h)


# https://teju85.github.io/blog/_posts/2020-06-25-tree-lstms.html ("Child tree LSTMs"). Same Child-Sum Tree-LSTM as
# Tai et al.: W^{(i,f,o,u)} of h x x, U^{(i,f,o,u)} of h x h, b^{(i,f,o,u)} of h. Count 4(hx + h^2 + h).
@_export
def h29f_teju_childsum(x=7, h=5):
    return _childsum(x, h, True)


# https://notesonai.com/tree+lstm ("## Child-Sum Tree-LSTM"). No biases: W^{f,i,o,c} of h x x and U^{f,i,o,c} of
# h x h. Count 4(hx + h^2).
@_export
def h29f_notesonai_childsum(x=7, h=5):
    return _childsum(x, h, False)
