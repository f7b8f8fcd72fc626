import torch
from torch import nn

__all__ = []


def _export(f):
    __all__.append(f.__name__)
    return f


def _p(*shape):
    return nn.Parameter(torch.randn(*shape) * 0.1)


# stored file id 53898710822 (Vietnamese TS course module ch22_04_lessons, lessons 3-5). LSTM with
# concatenation: W_f, W_i, W_g, W_o each (H, H+D), biases b_f, b_i, b_g, b_o of size H.
# 4H(H + D + 1).
@_export
def h19c_vn_ch22_lstm(H=5, D=7):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.f = nn.Linear(H + D, H)
            self.i = nn.Linear(H + D, H)
            self.g = nn.Linear(H + D, H)
            self.o = nn.Linear(H + D, H)

        def forward(self, x, h, c):
            z = torch.cat([h, x], -1)
            f = torch.sigmoid(self.f(z))
            i = torch.sigmoid(self.i(z))
            g = torch.tanh(self.g(z))
            o = torch.sigmoid(self.o(z))
            c = f * c + i * g
            h = o * torch.tanh(c)
            return h, c

    return Cell()


# stored file id 8038651857 (Korean Markdown GRU note). PyTorch-convention GRU, two biases per gate
# (b_i*, b_h*), reset applied to (W_hn h + b_hn): exactly nn.GRUCell. 3h(x + h + 2).
@_export
def h19c_ko_gru_note(x=7, h=5):
    return nn.GRUCell(x, h)


# stored file id 59098241294 (Chinese Markdown RNN tutorial, GRU section). No biases; W_z, W_r, W each
# act on a concatenation of an h-vector and x: 3h(h + x).
@_export
def h19c_zh_tutorial_gru(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_z = nn.Linear(h + x, h, bias=False)
            self.W_r = nn.Linear(h + x, h, bias=False)
            self.W = nn.Linear(h + x, h, bias=False)

        def forward(self, xt, hp):
            z = torch.sigmoid(self.W_z(torch.cat([hp, xt], -1)))
            r = torch.sigmoid(self.W_r(torch.cat([hp, xt], -1)))
            hc = torch.tanh(self.W(torch.cat([r * hp, xt], -1)))
            return (1 - z) * hp + z * hc

    return Cell()


# stored file id 30965713721 (Chinese Hugo blog "机器学习——RNN系列网络", LSTM section). W_f, W_i, W_C, W_o
# on [h, x] with one bias each (the code splits each into W_h* and W_x*: same count). 4h(h + x + 1).
@_export
def h19c_zh_hxy_lstm(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_f = nn.Linear(h + x, h)
            self.W_i = nn.Linear(h + x, h)
            self.W_C = nn.Linear(h + x, h)
            self.W_o = nn.Linear(h + x, h)

        def forward(self, xt, hp, cp):
            z = torch.cat([hp, xt], -1)
            f = torch.sigmoid(self.W_f(z))
            i = torch.sigmoid(self.W_i(z))
            ct = torch.tanh(self.W_C(z))
            c = f * cp + i * ct
            o = torch.sigmoid(self.W_o(z))
            return o * torch.tanh(c), c

    return Cell()


# 0809zheng/0809zheng.github.io:_posts/paper/2021/2021-01-22-onlstm.md (Chinese ON-LSTM note, complete
# update). Six gate pre-activations W x + U h + b: i, f, o, c_hat, master f~, master i~. The master
# gates multiply f_t elementwise, so all six have size h (the chunking n = pq is outside the excerpt).
# 6h(x + h + 1).
@_export
def h19c_zheng_onlstm(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W = nn.ModuleDict({g: nn.Linear(x, h, bias=False) for g in ["i", "f", "o", "c", "mf", "mi"]})
            self.U = nn.ModuleDict({g: nn.Linear(h, h, bias=False) for g in ["i", "f", "o", "c", "mf", "mi"]})
            self.b = nn.ParameterDict({g: _p(h) for g in ["i", "f", "o", "c", "mf", "mi"]})

        def pre(self, g, xt, hp):
            return self.W[g](xt) + self.U[g](hp) + self.b[g]

        def forward(self, xt, hp, cp):
            i = torch.sigmoid(self.pre("i", xt, hp))
            f = torch.sigmoid(self.pre("f", xt, hp))
            o = torch.sigmoid(self.pre("o", xt, hp))
            ch = torch.tanh(self.pre("c", xt, hp))
            mf = torch.cumsum(torch.softmax(self.pre("mf", xt, hp), -1), -1)
            mi = 1 - torch.cumsum(torch.softmax(self.pre("mi", xt, hp), -1), -1)
            w = mf * mi
            c = w * (f * cp + i * ch) + (mf - w) * cp + (mi - w) * ch
            return o * torch.tanh(c), c

    return Cell()


# 0809zheng/0809zheng.github.io:_posts/deep-learning/2020-03-07-RNN.md (Chinese RNN overview, QRNN).
# Per gate z, f, o: k matrices W^1..W^k of shape h x x, no biases; fo-pooling has no parameters.
# 3khx.
@_export
def h19c_zheng_qrnn(x=7, h=5, k=3):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.Wz = nn.Parameter(torch.randn(k, h, x) * 0.1)
            self.Wf = nn.Parameter(torch.randn(k, h, x) * 0.1)
            self.Wo = nn.Parameter(torch.randn(k, h, x) * 0.1)

        def forward(self, xwin, cp):
            # xwin: (k, x) = x_{t-k+1} .. x_t
            z = torch.tanh(torch.einsum("khx,kx->h", self.Wz, xwin))
            f = torch.sigmoid(torch.einsum("khx,kx->h", self.Wf, xwin))
            o = torch.sigmoid(torch.einsum("khx,kx->h", self.Wo, xwin))
            c = cp * f + z * (1 - f)
            return o * c, c

    return Cell()


# stored file id 56696875048 (Korean Mamba paper summary). expect refuse: Delta, B, C are "functions of
# x_t" with no projection, shape or state size given. One plausible reading (the paper's S6 with D = x
# channels, state N): A (x, N); s_B, s_C: Linear(x -> N) with bias; s_Delta: Linear(x -> 1) broadcast,
# plus a per-channel Delta bias (x). xN + 2N(x + 1) + (x + 1) + x = 3xN + 2N + 2x + 1.
@_export
def h19c_ko_mamba_summary(x=6, N=4):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.A_log = _p(x, N)
            self.s_B = nn.Linear(x, N)
            self.s_C = nn.Linear(x, N)
            self.s_D = nn.Linear(x, 1)
            self.dt_bias = _p(x)

        def forward(self, xt, hp):
            # xt: (x,), hp: (x, N)
            delta = nn.functional.softplus(self.s_D(xt) + self.dt_bias)  # (x,)
            A = -torch.exp(self.A_log)
            Ab = torch.exp(delta[:, None] * A)
            Bb = delta[:, None] * self.s_B(xt)[None, :]
            h = Ab * hp + Bb * xt[:, None]
            y = h @ self.s_C(xt)
            return y, h

    return Cell()


# stored file id 41838948980 (French deep-learning notes, "Un neurone récurrent"). W acts on the pair
# (H_{t-1}, X_t), i.e. a concatenation, plus one bias: H(H + X) + H = H(H + X + 1).
@_export
def h19c_fr_notes_rnn(X=7, H=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W = nn.Linear(H + X, H, bias=False)
            self.b = _p(H)

        def forward(self, xt, hp):
            return torch.tanh(self.W(torch.cat([hp, xt], -1)) + self.b)

    return Cell()


# stored file id 65740682177 (Japanese NumPy script, class SimpleLSTM). Per gate f, i, c, o:
# W (hidden, input), U (hidden, hidden), b (hidden, 1). 4h(x + h + 1).
@_export
def h19c_ja_simplelstm(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            for g in "fico":
                setattr(self, "W" + g, _p(h, x))
                setattr(self, "U" + g, _p(h, h))
                setattr(self, "b" + g, nn.Parameter(torch.zeros(h, 1)))

        def pre(self, g, xt, hp):
            return getattr(self, "W" + g) @ xt + getattr(self, "U" + g) @ hp + getattr(self, "b" + g)

        def forward(self, xt, hp, cp):
            f = torch.sigmoid(self.pre("f", xt, hp))
            i = torch.sigmoid(self.pre("i", xt, hp))
            ct = torch.tanh(self.pre("c", xt, hp))
            c = f * cp + i * ct
            o = torch.sigmoid(self.pre("o", xt, hp))
            return o * torch.tanh(c), c

    return Cell()


# stored file id 71387272823 (Spanish reportlab "Informe técnico: CNN y GRU con Keras", section 6).
# expect refuse: the candidate g_t is used but never defined (no reset gate, no formula). One plausible
# reading: z_t = sigmoid(W_z x + U_z h) as written, g_t = tanh(W_g x + U_g h), no biases: 2h(x + h).
@_export
def h19c_es_informe_gru(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_z = nn.Linear(x, h, bias=False)
            self.U_z = nn.Linear(h, h, bias=False)
            self.W_g = nn.Linear(x, h, bias=False)
            self.U_g = nn.Linear(h, h, bias=False)

        def forward(self, xt, hp):
            z = torch.sigmoid(self.W_z(xt) + self.U_z(hp))
            g = torch.tanh(self.W_g(xt) + self.U_g(hp))
            return z * hp + (1 - z) * g

    return Cell()


# stored file id 55066739245 (EN/RU TypeScript explainer data, LSTM section). W_f, W_i, W_C, W_o on
# [h_{t-1}, x_t], biases b_f, b_i, b_C, b_o. 4h(h + x + 1).
@_export
def h19c_ru_explainer_lstm(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_f = nn.Linear(h + x, h)
            self.W_i = nn.Linear(h + x, h)
            self.W_C = nn.Linear(h + x, h)
            self.W_o = nn.Linear(h + x, h)

        def forward(self, xt, hp, cp):
            z = torch.cat([hp, xt], -1)
            f = torch.sigmoid(self.W_f(z))
            i = torch.sigmoid(self.W_i(z))
            ct = torch.tanh(self.W_C(z))
            c = f * cp + i * ct
            o = torch.sigmoid(self.W_o(z))
            return o * torch.tanh(c), c

    return Cell()
