import torch
from torch import nn

__all__ = []


def _export(f):
    __all__.append(f.__name__)
    return f


def _p(*shape):
    return nn.Parameter(torch.randn(*shape) * 0.1)


# khakhalin/notes keywords/gru.md (**The logic:**, prose recipe). z and r: a weight matrix on x, another on
# h_{t-1}, a bias each; new output: weights on x, a matrix on r*h_{t-1}, a bias. 3h(x + h + 1).
@_export
def h18b_khakhalin_gru_prose(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_z = _p(h, x)
            self.U_z = _p(h, h)
            self.b_z = _p(h)
            self.W_r = _p(h, x)
            self.U_r = _p(h, h)
            self.b_r = _p(h)
            self.W_h = _p(h, x)
            self.U_h = _p(h, h)
            self.b_h = _p(h)

        def forward(self, xt, hp):
            z = torch.sigmoid(self.W_z @ xt + self.U_z @ hp + self.b_z)
            r = torch.sigmoid(self.W_r @ xt + self.U_r @ hp + self.b_r)
            n = torch.tanh(self.W_h @ xt + self.U_h @ (r * hp) + self.b_h)
            return n * (1 - z) + z * hp

    return Cell()


# stored file id 16203923040 (Lu KONG, "Notes for Week1 Sequencial model", ### 5.2). W_c, W_u, W_r act on the
# stacked [c^{<t-1>}; x^{<t>}] (c + x), one bias each; Gamma_r multiplies W_c [...] elementwise. 3c(c + x + 1).
@_export
def h18b_lukong_gru(x=7, c=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_c = _p(c, c + x)
            self.b_c = _p(c)
            self.W_u = _p(c, c + x)
            self.b_u = _p(c)
            self.W_r = _p(c, c + x)
            self.b_r = _p(c)

        def forward(self, xt, cp):
            s = torch.cat([cp, xt])
            gu = torch.sigmoid(self.W_u @ s + self.b_u)
            gr = torch.sigmoid(self.W_r @ s + self.b_r)
            ct = torch.tanh(gr * (self.W_c @ s) + self.b_c)
            c_new = gu * ct + (1 - gu) * cp
            return c_new

    return Cell()


# stored file id 16203923040 (Lu KONG, ## 6. Long Short Term Memory (LSTM); expect refuse: Gamma_u, Gamma_f,
# Gamma_o and tilde{c} are never defined). One plausible reading (the course's LSTM): each of tilde{c},
# Gamma_u, Gamma_f, Gamma_o = act(W [a^{<t-1>}; x^{<t>}] + b). 4c(c + x + 1).
@_export
def h18b_lukong_lstm(x=7, c=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W = nn.ModuleDict({g: nn.Linear(c + x, c) for g in ("c", "u", "f", "o")})

        def forward(self, xt, state):
            ap, cp = state
            s = torch.cat([ap, xt])
            ct = torch.tanh(self.W["c"](s))
            gu, gf, go = (torch.sigmoid(self.W[g](s)) for g in ("u", "f", "o"))
            c_new = gu * ct + gf * cp
            a = go * torch.tanh(c_new)
            return a, c_new

    return Cell()


# stored file id 6162250842 ("Course 5: Sequence Models" notes, **LSTM**). tilde{c}, Gamma_u, Gamma_f,
# Gamma_o each = act(W [c^<t-1>, x^<t>] + b) (the cell state, as written); a = Gamma_o * tanh(c). 4c(c + x + 1).
@_export
def h18b_c5notes_lstm(x=7, c=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_c = nn.Linear(c + x, c)
            self.W_u = nn.Linear(c + x, c)
            self.W_f = nn.Linear(c + x, c)
            self.W_o = nn.Linear(c + x, c)

        def forward(self, xt, cp):
            s = torch.cat([cp, xt])
            ct = torch.tanh(self.W_c(s))
            gu = torch.sigmoid(self.W_u(s))
            gf = torch.sigmoid(self.W_f(s))
            go = torch.sigmoid(self.W_o(s))
            c_new = gu * ct + gf * cp
            a = go * torch.tanh(c_new)
            return a, c_new

    return Cell()


# stored file id 10916432079 ("Sequence Models" course notes, ### Vanishing gradients & the Gated Recurrent
# Unit). Simplified GRU: W_c, W_u on [c^{<t-1>}, x^{<t>}], biases b_c, b_u. 2c(c + x + 1).
@_export
def h18b_seqmnotes_gru_simplified(x=7, c=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_c = nn.Linear(c + x, c)
            self.W_u = nn.Linear(c + x, c)

        def forward(self, xt, cp):
            s = torch.cat([cp, xt])
            ct = torch.tanh(self.W_c(s))
            gu = torch.sigmoid(self.W_u(s))
            return gu * ct + (1 - gu) * cp

    return Cell()


# stored file id 10916432079 ("Sequence Models" course notes, ### Long Short Term Memory (LSTM)). W_c, W_u,
# W_f, W_o on [a^{<t-1>}, x^{<t>}]; biases b_c, b_u, b_f, where Gamma_o reuses b_f as written. 4a(a + x) + 3a.
@_export
def h18b_seqmnotes_lstm(x=7, a=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_c = _p(a, a + x)
            self.W_u = _p(a, a + x)
            self.W_f = _p(a, a + x)
            self.W_o = _p(a, a + x)
            self.b_c = _p(a)
            self.b_u = _p(a)
            self.b_f = _p(a)

        def forward(self, xt, state):
            ap, cp = state
            s = torch.cat([ap, xt])
            ct = torch.tanh(self.W_c @ s + self.b_c)
            gu = torch.sigmoid(self.W_u @ s + self.b_u)
            gf = torch.sigmoid(self.W_f @ s + self.b_f)
            go = torch.sigmoid(self.W_o @ s + self.b_f)
            c_new = gu * ct + gf * cp
            return go * torch.tanh(c_new), c_new

    return Cell()


# stored file id 15243212284 (Anki card dl_cv::08_rnn, "Explain how GRU cells work"). One W maps the stacked
# (x_t; h_{t-1}) to (r_t; z_t): 2h x (x + h); W_{xh} (h x x), W_{hh} (h x h); no biases. 3h(x + h).
@_export
def h18b_ankidlcv_gru(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W = _p(2 * h, x + h)
            self.W_xh = _p(h, x)
            self.W_hh = _p(h, h)

        def forward(self, xt, hp):
            r, z = torch.sigmoid(self.W @ torch.cat([xt, hp])).split(h)
            ht = torch.tanh(self.W_xh @ xt + self.W_hh @ (r * hp))
            return z * hp + (1 - z) * ht

    return Cell()


# stored file id 2912790677 (Sequence Models course notes, # Deep RNNs; options: layers=3). Per layer l one
# W_a^{[l]} on [a^{[l]<t-1>}, a^{[l-1]<t>}] and one bias b_a^{[l]}; a^{[0]} = x. All layers of size a.
# a(a + x + 1) + (layers - 1) a(2a + 1); 175 for x=7, a=5, layers=3.
@_export
def h18b_seqnotes_deeprnn(x=7, a=5, layers=3):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_a = nn.ModuleList(
                [nn.Linear(a + (x if l == 0 else a), a) for l in range(layers)]
            )

        def forward(self, xt, states):
            inp, new = xt, []
            for l in range(layers):
                h = torch.tanh(self.W_a[l](torch.cat([states[l], inp])))
                new.append(h)
                inp = h
            return inp, new

    return Cell()



# stored file id 29523192638 (sequence-model course notes, GRU bullets). W_u, W_r, W_c on the concatenation
# [c^{<t-1>}, x^{<t>}] (c + x), one bias each; the reset gate inside the concatenation. 3c(c + x + 1).
@_export
def h18b_seqmd_gru(x=7, c=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_u = nn.Linear(c + x, c)
            self.W_r = nn.Linear(c + x, c)
            self.W_c = nn.Linear(c + x, c)

        def forward(self, xt, cp):
            gu = torch.sigmoid(self.W_u(torch.cat([cp, xt])))
            gr = torch.sigmoid(self.W_r(torch.cat([cp, xt])))
            ct = torch.tanh(self.W_c(torch.cat([gr * cp, xt])))
            return gu * ct + (1 - gu) * cp

    return Cell()


# stored file id 29523192638 (sequence-model course notes, ## Long Short Term Memory (LSTM)). W_C, W_u, W_f,
# W_o on [a^{<t-1>}, x^{<t>}], one bias each. 4a(a + x + 1).
@_export
def h18b_seqmd_lstm(x=7, a=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_C = nn.Linear(a + x, a)
            self.W_u = nn.Linear(a + x, a)
            self.W_f = nn.Linear(a + x, a)
            self.W_o = nn.Linear(a + x, a)

        def forward(self, xt, state):
            ap, Cp = state
            s = torch.cat([ap, xt])
            Ct = torch.tanh(self.W_C(s))
            gu, gf, go = (torch.sigmoid(m(s)) for m in (self.W_u, self.W_f, self.W_o))
            C = gu * Ct + gf * Cp
            return go * torch.tanh(C), C

    return Cell()
