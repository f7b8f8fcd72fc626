"""Oracles for the h53b set-aside snippets (heldout53), as its gatherer wrote them."""
import torch
from torch import nn

__all__ = []


def _export(f):
    __all__.append(f.__name__)
    return f


def _p(*shape):
    return nn.Parameter(torch.randn(*shape) * 0.1)


# Titus1997/ThesisLatex chapters/Theory.tex, peephole LSTM (Graves-style equations, three left-hand sides typed
# f_t: read as f_t, c_t, o_t). W_x*: h x x, W_h*: h x h for i, f, c, o; peephole W_ci, W_cf, W_co: h x h (the text
# writes them as matrices like the others and never says diagonal); biases b_i, b_f, b_c, b_o: h.
# Count: 4*(h*x + h*h + h) + 3*h*h.
@_export
def h53b_titusthesis_peephole(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_x = nn.ParameterDict({k: _p(h, x) for k in "ifco"})
            self.W_h = nn.ParameterDict({k: _p(h, h) for k in "ifco"})
            self.W_c = nn.ParameterDict({k: _p(h, h) for k in "ifo"})
            self.b = nn.ParameterDict({k: _p(h) for k in "ifco"})

        def forward(self, x_t, h_prev, c_prev):
            Wx, Wh, Wc, b = self.W_x, self.W_h, self.W_c, self.b
            i = torch.sigmoid(x_t @ Wx["i"].T + h_prev @ Wh["i"].T + c_prev @ Wc["i"].T + b["i"])
            f = torch.sigmoid(x_t @ Wx["f"].T + h_prev @ Wh["f"].T + c_prev @ Wc["f"].T + b["f"])
            c = f * c_prev + i * torch.tanh(x_t @ Wx["c"].T + h_prev @ Wh["c"].T + b["c"])
            o = torch.sigmoid(x_t @ Wx["o"].T + h_prev @ Wh["o"].T + c @ Wc["o"].T + b["o"])
            return o * torch.tanh(c), c
    return Cell()


# ashwhall/literature-survey survey.tex, RNN: h_t = sigma(W x_t + U h_{t-1}); W: h x x, U: h x h, no bias.
# Count: h*x + h*h.
@_export
def h53b_ashsurvey_rnn(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W = _p(h, x)
            self.U = _p(h, h)

        def forward(self, x_t, h_prev):
            return torch.sigmoid(x_t @ self.W.T + h_prev @ self.U.T)
    return Cell()


# ashwhall/literature-survey survey.tex, LSTM described in prose only (marked refuse). Most plausible reading: a
# standard LSTM with one bias per gate: W_*: h x x, U_*: h x h, b_*: h for i, f, o, g. Count: 4*(h*x + h*h + h).
@_export
def h53b_ashsurvey_lstm(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W = nn.ParameterDict({k: _p(h, x) for k in "ifog"})
            self.U = nn.ParameterDict({k: _p(h, h) for k in "ifog"})
            self.b = nn.ParameterDict({k: _p(h) for k in "ifog"})

        def forward(self, x_t, h_prev, c_prev):
            a = {k: x_t @ self.W[k].T + h_prev @ self.U[k].T + self.b[k] for k in "ifog"}
            i, f, o = torch.sigmoid(a["i"]), torch.sigmoid(a["f"]), torch.sigmoid(a["o"])
            c = f * c_prev + i * torch.tanh(a["g"])
            return o * torch.tanh(c), c
    return Cell()


# fuhailin/fhl-thesis data/c2.tex, LSTM with U_* on x_t and W_* on the bracket [h_{t-1} + c_{t-1}] (a sum, read
# literally; W_c acts on h_{t-1} alone). U_f, U_i, U_c, U_o: h x x; W_f, W_i, W_c, W_o: h x h; b_f, b_i, b_c, b_o: h.
# Count: 4*(h*x + h*h + h).
@_export
def h53b_fhlthesis_lstm(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.U = nn.ParameterDict({k: _p(h, x) for k in "fico"})
            self.W = nn.ParameterDict({k: _p(h, h) for k in "fico"})
            self.b = nn.ParameterDict({k: _p(h) for k in "fico"})

        def forward(self, x_t, h_prev, c_prev):
            U, W, b = self.U, self.W, self.b
            f = torch.sigmoid(x_t @ U["f"].T + (h_prev + c_prev) @ W["f"].T + b["f"])
            i = torch.sigmoid(x_t @ U["i"].T + (h_prev + c_prev) @ W["i"].T + b["i"])
            c = f * c_prev + i * torch.tanh(x_t @ U["c"].T + h_prev @ W["c"].T + b["c"])
            o = torch.sigmoid(x_t @ U["o"].T + (h_prev + c) @ W["o"].T + b["o"])
            return o * torch.tanh(c), c
    return Cell()


# fuhailin/fhl-thesis data/c2.tex, GRU (marked refuse: the candidate's formula is missing, a repeated update-gate
# line stands in its place). Most plausible reading: Cho's GRU without biases, as the two gates are written:
# U_z, U_r, U_h: h x x; W_z, W_r, W_h: h x h. Count: 3*(h*x + h*h).
@_export
def h53b_fhlthesis_gru(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.U = nn.ParameterDict({k: _p(h, x) for k in "zrh"})
            self.W = nn.ParameterDict({k: _p(h, h) for k in "zrh"})

        def forward(self, x_t, h_prev):
            U, W = self.U, self.W
            z = torch.sigmoid(x_t @ U["z"].T + h_prev @ W["z"].T)
            r = torch.sigmoid(x_t @ U["r"].T + h_prev @ W["r"].T)
            h_tilde = torch.tanh(x_t @ U["h"].T + (r * h_prev) @ W["h"].T)
            return (1 - z) * h_prev + z * h_tilde
    return Cell()


# mattiadurso/Deep-Learning-formulae-ITA main.tex, LSTM in deeplearning.ai notation: W_c on [a^{<t-1>}, x^{<t>}],
# W_u, W_f, W_o on [c^{<t-1>}, x^{<t>}] (c has a's width); each W: a x (a + x), biases b_c, b_u, b_f, b_o: a;
# a^{<t>} = Gamma_o * c^{<t>} (no tanh). Count: 4*(a*(a + x) + a).
@_export
def h53b_dlformulaeita_lstm(a=5, x=7):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W = nn.ParameterDict({k: _p(a, a + x) for k in "cufo"})
            self.b = nn.ParameterDict({k: _p(a) for k in "cufo"})

        def forward(self, x_t, a_prev, c_prev):
            W, b = self.W, self.b
            ax = torch.cat([a_prev, x_t], -1)
            cx = torch.cat([c_prev, x_t], -1)
            c_tilde = torch.tanh(ax @ W["c"].T + b["c"])
            g_u = torch.sigmoid(cx @ W["u"].T + b["u"])
            g_f = torch.sigmoid(cx @ W["f"].T + b["f"])
            g_o = torch.sigmoid(cx @ W["o"].T + b["o"])
            c = g_u * c_tilde + g_f * c_prev
            return g_o * c, c
    return Cell()


# mattiadurso/Deep-Learning-formulae-ITA main.tex, "Full GRU": W_c on [Gamma_r * c^{<t-1>}, x^{<t>}], W_u and W_r
# on [c^{<t-1>}, x^{<t>}]; each W: c x (c + x), biases b_c, b_u, b_r: c. Count: 3*(c*(c + x) + c).
@_export
def h53b_dlformulaeita_gru(c=5, x=7):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W = nn.ParameterDict({k: _p(c, c + x) for k in "cur"})
            self.b = nn.ParameterDict({k: _p(c) for k in "cur"})

        def forward(self, x_t, c_prev):
            W, b = self.W, self.b
            cx = torch.cat([c_prev, x_t], -1)
            g_u = torch.sigmoid(cx @ W["u"].T + b["u"])
            g_r = torch.sigmoid(cx @ W["r"].T + b["r"])
            c_tilde = torch.tanh(torch.cat([g_r * c_prev, x_t], -1) @ W["c"].T + b["c"])
            return g_u * c_tilde + (1 - g_u) * c_prev
    return Cell()


# TheSuguser/disstertation Background.tex, Greff et al. vanilla LSTM: W_z, W_i, W_f, W_o: N x M; R_z, R_i, R_f, R_o:
# N x N; peepholes p_i, p_f, p_o: N (elementwise); biases b_z, b_i, b_f, b_o: N.
# Count: 4*N*M + 4*N*N + 3*N + 4*N.
@_export
def h53b_disstertation_lstm(N=5, M=7):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W = nn.ParameterDict({k: _p(N, M) for k in "zifo"})
            self.R = nn.ParameterDict({k: _p(N, N) for k in "zifo"})
            self.p = nn.ParameterDict({k: _p(N) for k in "ifo"})
            self.b = nn.ParameterDict({k: _p(N) for k in "zifo"})

        def forward(self, x_t, h_prev, c_prev):
            W, R, p, b = self.W, self.R, self.p, self.b
            z = torch.tanh(x_t @ W["z"].T + h_prev @ R["z"].T + b["z"])
            i = torch.sigmoid(x_t @ W["i"].T + h_prev @ R["i"].T + p["i"] * c_prev + b["i"])
            f = torch.sigmoid(x_t @ W["f"].T + h_prev @ R["f"].T + p["f"] * c_prev + b["f"])
            c = z * i + c_prev * f
            o = torch.sigmoid(x_t @ W["o"].T + h_prev @ R["o"].T + p["o"] * c + b["o"])
            return torch.tanh(c) * o, c
    return Cell()


# FSudong/SeuThesiY chapter/background.tex, BiLSTM layer (forward and backward passes, states concatenated), each
# direction the cell g, n, f, o with w_{*x}: h x x, w_{*h}: h x h, b_*: h (g, n, f, o). The text fixes x = 8.
# Count: 2 * 4*(h*x + h*h + h).
@_export
def h53b_seuthesis_bilstm(x=8, h=5):
    class Dir(nn.Module):
        def __init__(self):
            super().__init__()
            self.wx = nn.ParameterDict({k: _p(h, x) for k in "gnfo"})
            self.wh = nn.ParameterDict({k: _p(h, h) for k in "gnfo"})
            self.b = nn.ParameterDict({k: _p(h) for k in "gnfo"})

        def forward(self, x_i, h_prev, s_prev):
            a = {k: x_i @ self.wx[k].T + h_prev @ self.wh[k].T + self.b[k] for k in "gnfo"}
            g = torch.tanh(a["g"])
            n, f, o = torch.sigmoid(a["n"]), torch.sigmoid(a["f"]), torch.sigmoid(a["o"])
            s = g * n + s_prev * f
            return torch.tanh(s) * o, s

    class BiLSTM(nn.Module):
        def __init__(self):
            super().__init__()
            self.fwd = Dir()
            self.bwd = Dir()

        def forward(self, x_t, h_prev, s_prev):
            # one step of each direction on the same input (the backward pass runs over the reversed sequence)
            hf, sf = self.fwd(x_t, h_prev, s_prev)
            hb, sb = self.bwd(x_t, h_prev, s_prev)
            return torch.cat([hf, hb], -1), (sf, sb)
    return BiLSTM()


# pva701/bachelor-thesis chapters/chapter1.tex, LSTM: W^{(i,f,o,u)} stated as a x h but applied to x_t in R^a, so
# h x a by conformability; U^{(i,f,o,u)}: h x h; b^{(i,f,o,u)}: h. Count: 4*(h*a + h*h + h).
@_export
def h53b_itmothesis_lstm(a=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W = nn.ParameterDict({k: _p(h, a) for k in "ifou"})
            self.U = nn.ParameterDict({k: _p(h, h) for k in "ifou"})
            self.b = nn.ParameterDict({k: _p(h) for k in "ifou"})

        def forward(self, x_t, h_prev, c_prev):
            g = {k: x_t @ self.W[k].T + h_prev @ self.U[k].T + self.b[k] for k in "ifou"}
            i, f, o = torch.sigmoid(g["i"]), torch.sigmoid(g["f"]), torch.sigmoid(g["o"])
            u = torch.tanh(g["u"])
            c = i * u + f * c_prev
            return o * torch.tanh(c), c
    return Cell()


# pva701/bachelor-thesis chapters/chapter2.tex, binary Tree-LSTM without word input: U_1^{(g)}, U_2^{(g)}: h x h and
# b^{(g)}: h for g in i, f, o, u; the forget gate is one equation for k = 1, 2 (shared weights).
# Count: 8*h*h + 4*h.
@_export
def h53b_itmothesis_treelstm(h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.U1 = nn.ParameterDict({k: _p(h, h) for k in "ifou"})
            self.U2 = nn.ParameterDict({k: _p(h, h) for k in "ifou"})
            self.b = nn.ParameterDict({k: _p(h) for k in "ifou"})

        def forward(self, h_1, h_2, c_1, c_2):
            g = {k: h_1 @ self.U1[k].T + h_2 @ self.U2[k].T + self.b[k] for k in "ifou"}
            i, f, o = torch.sigmoid(g["i"]), torch.sigmoid(g["f"]), torch.sigmoid(g["o"])
            u = torch.tanh(g["u"])
            c = i * u + f * c_1 + f * c_2
            return o * torch.tanh(c), c
    return Cell()


# weixiao2333/zjuthesis-mphil chapters/jishu.tex, RNN (marked refuse: the equations are commented out). Most
# plausible reading, the commented-out s_t = f(U x_t + W s_{t-1}), o_t = softmax(V s_t): U: s x x, W: s x s,
# V: o x s, no biases. Count: s*x + s*s + o*s.
@_export
def h53b_zjuthesis_rnn(x=7, s=5, o=3):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.U = _p(s, x)
            self.W = _p(s, s)
            self.V = _p(o, s)

        def forward(self, x_t, s_prev):
            s_t = torch.tanh(x_t @ self.U.T + s_prev @ self.W.T)
            return s_t, torch.softmax(s_t @ self.V.T, -1)
    return Cell()
