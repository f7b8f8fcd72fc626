import torch
from torch import nn

__all__ = []


def _export(f):
    __all__.append(f.__name__)
    return f


def _p(*shape):
    return nn.Parameter(torch.randn(*shape) * 0.1)


# groovallstar/pytorch_rnn_tutorial pytorch/7_rnn.ipynb, markdown cell 15 (LSTM). Per gate W_{x*}: h x x,
# W_{h*}: h x h, one bias b_* per gate (listed as the 4 biases). 4h(x + h + 1).
@_export
def h16g_groovallstar_lstm(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            for g in "igfo":
                setattr(self, "W_x" + g, _p(h, x))
                setattr(self, "W_h" + g, _p(h, h))
                setattr(self, "b_" + g, _p(h))

        def _pre(self, g, xt, hp):
            return getattr(self, "W_x" + g) @ xt + getattr(self, "W_h" + g) @ hp + getattr(self, "b_" + g)

        def forward(self, xt, state):
            hp, cp = state
            i = torch.sigmoid(self._pre("i", xt, hp))
            g = torch.tanh(self._pre("g", xt, hp))
            f = torch.sigmoid(self._pre("f", xt, hp))
            c = f * cp + i * g
            o = torch.sigmoid(self._pre("o", xt, hp))
            return o * torch.tanh(c), c

    return Cell()


# groovallstar/pytorch_rnn_tutorial pytorch/7_rnn.ipynb, markdown cell 17 (GRU). r, z: W_{x*} (h x x),
# W_{h*} (h x h), b_*; candidate g_t = tanh(W_{hg}(r o h) + W_{xg} x + b_g). 3h(x + h + 1).
@_export
def h16g_groovallstar_gru(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            for g in "rzg":
                setattr(self, "W_x" + g, _p(h, x))
                setattr(self, "W_h" + g, _p(h, h))
                setattr(self, "b_" + g, _p(h))

        def forward(self, xt, hp):
            r = torch.sigmoid(self.W_xr @ xt + self.W_hr @ hp + self.b_r)
            z = torch.sigmoid(self.W_xz @ xt + self.W_hz @ hp + self.b_z)
            g = torch.tanh(self.W_hg @ (r * hp) + self.W_xg @ xt + self.b_g)
            return (1 - z) * g + z * hp

    return Cell()


# legalaspro/rnn_gru_lstm_experiments simple-gru.ipynb, markdown cell 9, "## 1. GRU Forward Pass Recap".
# z, r: W_{x*} (h x in_dim), W_{h*} (h x h), one bias each; candidate: W_{x h~}, b_{h~x}, W_{h h~},
# b_{h~h} (two biases, r applied to the hidden product). 3h(x + h) + 4h.
@_export
def h16g_legalaspro_gru(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_xz, self.W_hz, self.b_z = _p(h, x), _p(h, h), _p(h)
            self.W_xr, self.W_hr, self.b_r = _p(h, x), _p(h, h), _p(h)
            self.W_xht, self.b_htx = _p(h, x), _p(h)
            self.W_hht, self.b_hth = _p(h, h), _p(h)

        def forward(self, xt, hp):
            z = torch.sigmoid(self.W_xz @ xt + self.W_hz @ hp + self.b_z)
            r = torch.sigmoid(self.W_xr @ xt + self.W_hr @ hp + self.b_r)
            ht = torch.tanh(self.W_xht @ xt + self.b_htx + r * (self.W_hht @ hp + self.b_hth))
            return (1 - z) * ht + z * hp

    return Cell()


# legalaspro/rnn_gru_lstm_experiments simple-lstm.ipynb, markdown cell 8, "## 1. Forward Pass Recap",
# items 1-4. x_s[t] in R^{vocab_size}, gates of dimension hidden; W_{x*} (h x x), W_{h*} (h x h), b_*
# per gate. The output layer (item 5) is left out of the excerpt. 4h(x + h + 1).
@_export
def h16g_legalaspro_lstm(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            for g in "ifoc":
                setattr(self, "W_x" + g, _p(h, x))
                setattr(self, "W_h" + g, _p(h, h))
                setattr(self, "b_" + g, _p(h))

        def _pre(self, g, xt, hp):
            return getattr(self, "W_x" + g) @ xt + getattr(self, "W_h" + g) @ hp + getattr(self, "b_" + g)

        def forward(self, xt, state):
            hp, cp = state
            i = torch.sigmoid(self._pre("i", xt, hp))
            f = torch.sigmoid(self._pre("f", xt, hp))
            o = torch.sigmoid(self._pre("o", xt, hp))
            ct = torch.tanh(self._pre("c", xt, hp))
            c = f * cp + i * ct
            return o * torch.tanh(c), c

    return Cell()


# stored file id 51972949001 (MarkGPT curriculum generator script), section "### Gated Recurrent Unit
# (GRU)". W_r, W_z, W_h act on [h_{t-1}, x_t] (resp. [r o h_{t-1}, x_t]): h x (h + x) each, one bias
# per gate. 3h(h + x + 1).
@_export
def h16g_markgptcurriculum_gru(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_r, self.b_r = _p(h, h + x), _p(h)
            self.W_z, self.b_z = _p(h, h + x), _p(h)
            self.W_h, self.b_h = _p(h, h + x), _p(h)

        def forward(self, xt, hp):
            hx = torch.cat([hp, xt])
            r = torch.sigmoid(self.W_r @ hx + self.b_r)
            z = torch.sigmoid(self.W_z @ hx + self.b_z)
            ht = torch.tanh(self.W_h @ torch.cat([r * hp, xt]) + self.b_h)
            return (1 - z) * hp + z * ht

    return Cell()


# stored file id 66021780608 (interactive RNN explainer, JavaScript steps 2 and 3). Memory equation
# h_t = tanh(W_hh h + W_xh x + b_h) and output equation y_t = W_hy h_t + b_y, all five listed as the
# network's quantities. h(x + h + 1) + y(h + 1).
@_export
def h16g_rnnexplainer_elman(x=7, h=5, y=3):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_xh = _p(h, x)
            self.W_hh = _p(h, h)
            self.b_h = _p(h)
            self.W_hy = _p(y, h)
            self.b_y = _p(y)

        def forward(self, xt, hp):
            ht = torch.tanh(self.W_hh @ hp + self.W_xh @ xt + self.b_h)
            return self.W_hy @ ht + self.b_y, ht

    return Cell()


# dmlc/dgl tutorials/models/2_small_graph/3_tree-lstm.py, N-ary Tree-LSTM equations (1)-(6).
# W^{(i)}, W^{(f)}, W^{(o)}, W^{(u)}: h x x; U^{(i)}_l, U^{(o)}_l, U^{(u)}_l for l = 1..N: 3N h x h;
# U^{(f)}_{kl} for k, l = 1..N: N^2 h x h; b^{(i)}, b^{(f)} (shared by every f_{jk}), b^{(o)}, b^{(u)}.
# 4hx + (3N + N^2)h^2 + 4h.
@_export
def h16g_dgltutorial_narytreelstm(x=7, h=5, N=3):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W = nn.ParameterDict({g: _p(h, x) for g in "ifou"})
            self.U = nn.ParameterDict({g: _p(N, h, h) for g in "iou"})
            self.U_f = _p(N, N, h, h)
            self.b = nn.ParameterDict({g: _p(h) for g in "ifou"})

        def forward(self, xj, hs, cs):
            # hs, cs: (N, h) children states
            def s(U):
                return torch.einsum("lab,lb->a", U, hs)

            i = torch.sigmoid(self.W["i"] @ xj + s(self.U["i"]) + self.b["i"])
            f = torch.sigmoid((self.W["f"] @ xj)[None] + torch.einsum("klab,lb->ka", self.U_f, hs) + self.b["f"])
            o = torch.sigmoid(self.W["o"] @ xj + s(self.U["o"]) + self.b["o"])
            u = torch.tanh(self.W["u"] @ xj + s(self.U["u"]) + self.b["u"])
            c = i * u + (f * cs).sum(0)
            return o * torch.tanh(c), c

    return Cell()


# NeuromatchAcademy/course-content-dl W2D3_Tutorial2.ipynb, RNN equations. Row-vector minibatch form:
# W_xh in R^{d x h}, W_hh in R^{h x h}, b_h in R^{1 x h}, W_hq in R^{h x q}, b_q in R^{1 x q}, as the
# text's parameter list. h(d + h + 1) + q(h + 1).
@_export
def h16g_neuromatch_rnn(d=7, h=5, q=3):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_xh = _p(d, h)
            self.W_hh = _p(h, h)
            self.b_h = _p(1, h)
            self.W_hq = _p(h, q)
            self.b_q = _p(1, q)

        def forward(self, Xt, Hp):
            Ht = torch.tanh(Xt @ self.W_xh + Hp @ self.W_hh + self.b_h)
            return Ht @ self.W_hq + self.b_q, Ht

    return Cell()


# NeuromatchAcademy/course-content-dl W2D3_Tutorial2.ipynb, "## Section 2.1: Architecture" (LSTM).
# W_f, W_i, W_C, W_o act on [H_{t-1}, X_t]: H x (H + X) each, one bias per gate. 4H(H + X + 1).
@_export
def h16g_neuromatch_lstm(X=7, H=5):
    x, h = X, H

    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            for g in ("f", "i", "C", "o"):
                setattr(self, "W_" + g, _p(h, h + x))
                setattr(self, "b_" + g, _p(h))

        def forward(self, Xt, state):
            Hp, Cp = state
            hx = torch.cat([Hp, Xt])
            F = torch.sigmoid(self.W_f @ hx + self.b_f)
            I = torch.sigmoid(self.W_i @ hx + self.b_i)
            Ct = torch.tanh(self.W_C @ hx + self.b_C)
            C = F * Cp + I * Ct
            O = torch.sigmoid(self.W_o @ hx + self.b_o)
            return O * torch.tanh(C), C

    return Cell()


# willjchill/mamba_tutorial mamba.ipynb, markdown cells 13-15 (refuse: the sizes of B and C, and so of
# the state and the output, are never given, and Delta is used but never defined). One plausible
# reading: state h in R^h, A diagonal (h), B: h x x, C: x x h (output the size of the input), Delta one
# learnable scalar. 2hx + h + 1.
@_export
def h16g_willjchill_ssm(x=7, h=5):
    N = h

    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.A = _p(N)
            self.B = _p(N, x)
            self.C = _p(x, N)
            self.Delta = nn.Parameter(torch.tensor(0.1))

        def forward(self, xt, hp):
            dA = self.Delta * (-torch.exp(self.A))
            Abar = torch.exp(dA)
            Bbar = ((Abar - 1) / dA)[:, None] * (self.Delta * self.B)
            ht = Abar * hp + Bbar @ xt
            return self.C @ ht, ht

    return Cell()
