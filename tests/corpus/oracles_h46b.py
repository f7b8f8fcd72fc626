"""Oracles for the h46b set-aside snippets (heldout46), as its gatherer wrote them."""
import torch
from torch import nn

__all__ = []


def _export(f):
    __all__.append(f.__name__)
    return f


def _p(*shape):
    return nn.Parameter(torch.randn(*shape) * 0.1)


# boneymoy/Citsci.project.report Chapters/Grundlagen.tex, RNN: h_t = sigma(W_h h_{t-1} + W_x x_t + b), y_t = h_t;
# W_h (h,h), W_x (h,x), b (h); no output weights; Count: h*h + h*x + h.
@_export
def h46b_citsci_rnn(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_h = _p(h, h)
            self.W_x = _p(h, x)
            self.b = _p(h)

        def forward(self, x_t, h_prev):
            h_t = torch.sigmoid(h_prev @ self.W_h.T + x_t @ self.W_x.T + self.b)
            return h_t, h_t
    return Cell()


# boneymoy/Citsci.project.report Chapters/Grundlagen.tex, LSTM summary: per gate q in {f, i, C~, o}
# W_{qh} (h,h), W_{qx} (h,x), b_q (h); \times element-wise; h_t = o_t tanh(C_t); Count: 4*(h*h + h*x + h).
@_export
def h46b_citsci_lstm(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_h = nn.ParameterDict({q: _p(h, h) for q in "fico"})
            self.W_x = nn.ParameterDict({q: _p(h, x) for q in "fico"})
            self.b = nn.ParameterDict({q: _p(h) for q in "fico"})

        def _a(self, q, x_t, h_prev):
            return h_prev @ self.W_h[q].T + x_t @ self.W_x[q].T + self.b[q]

        def forward(self, x_t, state):
            h_prev, C_prev = state
            f = torch.sigmoid(self._a("f", x_t, h_prev))
            i = torch.sigmoid(self._a("i", x_t, h_prev))
            C_tilde = torch.tanh(self._a("c", x_t, h_prev))
            C_t = f * C_prev + i * C_tilde
            o = torch.sigmoid(self._a("o", x_t, h_prev))
            h_t = o * torch.tanh(C_t)
            return h_t, (h_t, C_t)
    return Cell()


# cyberaide/paper-covid draft/vonLaszewski-covid.tex: f, i, o, c~ each W_q (H,D), U_q (H,H), b_q (H);
# sigma_c, sigma_h taken as tanh; Count: 4*(H*D + H*H + H).
@_export
def h46b_covid_lstm(D=7, H=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W = nn.ParameterDict({q: _p(H, D) for q in "fioc"})
            self.U = nn.ParameterDict({q: _p(H, H) for q in "fioc"})
            self.b = nn.ParameterDict({q: _p(H) for q in "fioc"})

        def _a(self, q, x_t, h_prev):
            return x_t @ self.W[q].T + h_prev @ self.U[q].T + self.b[q]

        def forward(self, x_t, state):
            h_prev, c_prev = state
            f = torch.sigmoid(self._a("f", x_t, h_prev))
            i = torch.sigmoid(self._a("i", x_t, h_prev))
            o = torch.sigmoid(self._a("o", x_t, h_prev))
            c_tilde = torch.tanh(self._a("c", x_t, h_prev))
            c_t = f * c_prev + i * c_tilde
            h_t = o * torch.tanh(c_t)
            return h_t, (h_t, c_t)
    return Cell()


# mcallester/ttic-31230 05RNNs/RNNs.tex, UGRNN slide; reading the explicit tuple Phi: W^{h,R}, W^{h,G} (h,h),
# W^{x,R}, W^{x,G} (h,x), B^R, B^G (h) (the G equation's "- B^R" taken as a typo); Count: 2*(h*h + h*x + h).
@_export
def h46b_ttic_ugrnn(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_hR, self.W_xR, self.B_R = _p(h, h), _p(h, x), _p(h)
            self.W_hG, self.W_xG, self.B_G = _p(h, h), _p(h, x), _p(h)

        def forward(self, x_t, h_prev):
            R = torch.tanh(h_prev @ self.W_hR.T + x_t @ self.W_xR.T - self.B_R)
            G = torch.sigmoid(h_prev @ self.W_hG.T + x_t @ self.W_xG.T - self.B_G)
            h_t = G * h_prev + (1 - G) * R
            return h_t, h_t
    return Cell()


# mcallester/ttic-31230 2019/05RNNs/problems.tex, Problem 2 solution (GRU): G_1, G_2, R each W^{h,.} (h,h),
# W^{x,.} (h,x), B^{.} (h); h' = G_1 * h_{t-1}; Count: 3*(h*h + h*x + h).
@_export
def h46b_ttic_gru(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_h = nn.ParameterDict({q: _p(h, h) for q in ("G1", "G2", "R")})
            self.W_x = nn.ParameterDict({q: _p(h, x) for q in ("G1", "G2", "R")})
            self.B = nn.ParameterDict({q: _p(h) for q in ("G1", "G2", "R")})

        def forward(self, x_t, h_prev):
            G1 = torch.sigmoid(h_prev @ self.W_h["G1"].T + x_t @ self.W_x["G1"].T - self.B["G1"])
            h_r = G1 * h_prev
            G2 = torch.sigmoid(h_prev @ self.W_h["G2"].T + x_t @ self.W_x["G2"].T - self.B["G2"])
            R = torch.tanh(h_r @ self.W_h["R"].T + x_t @ self.W_x["R"].T - self.B["R"])
            h_t = (1 - G2) * h_prev + G2 * R
            return h_t, h_t
    return Cell()


# nicolasshu/QualifyingExam appendix.tex, LSTM: (i;f;o;g) = (sig;sig;sig;tanh) W (h_{t-1}; x_t), one W (4h, h+x),
# no bias; Count: 4*h*(h + x).
@_export
def h46b_qe_lstm(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W = _p(4 * h, h + x)

        def forward(self, x_t, state):
            h_prev, c_prev = state
            a = torch.cat([h_prev, x_t], -1) @ self.W.T
            i, f, o, g = a.chunk(4, -1)
            i, f, o, g = torch.sigmoid(i), torch.sigmoid(f), torch.sigmoid(o), torch.tanh(g)
            c_t = f * c_prev + i * g
            h_t = o * torch.tanh(c_t)
            return h_t, (h_t, c_t)
    return Cell()


# nicolasshu/QualifyingExam appendix.tex, GRU: W_z, W_r, W each (h, h+x) on [h_{t-1}, x_t], no biases;
# Count: 3*h*(h + x).
@_export
def h46b_qe_gru(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_z, self.W_r, self.W = _p(h, h + x), _p(h, h + x), _p(h, h + x)

        def forward(self, x_t, h_prev):
            s = torch.cat([h_prev, x_t], -1)
            z = torch.sigmoid(s @ self.W_z.T)
            r = torch.sigmoid(s @ self.W_r.T)
            h_tilde = torch.tanh(torch.cat([r * h_prev, x_t], -1) @ self.W.T)
            h_t = (1 - z) * h_prev + z * h_tilde
            return h_t, h_t
    return Cell()


# mlambda/formations shared/latex/nn/rnn/lstm.tex: gates F, I, O and candidate c each W (h,x), U (h,h), b (h);
# output o_t = f(W_o h_t + b_o) with W_o (o,h), b_o (o); Count: 4*(h*x + h*h + h) + o*h + o.
@_export
def h46b_mlambda_lstm(x=7, h=5, o=3):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W = nn.ParameterDict({q: _p(h, x) for q in "FIOc"})
            self.U = nn.ParameterDict({q: _p(h, h) for q in "FIOc"})
            self.b = nn.ParameterDict({q: _p(h) for q in "FIOc"})
            self.W_o = _p(o, h)
            self.b_o = _p(o)

        def _a(self, q, x_t, h_prev):
            return x_t @ self.W[q].T + h_prev @ self.U[q].T + self.b[q]

        def forward(self, x_t, state):
            h_prev, c_prev = state
            F = torch.sigmoid(self._a("F", x_t, h_prev))
            I = torch.sigmoid(self._a("I", x_t, h_prev))
            O = torch.sigmoid(self._a("O", x_t, h_prev))
            c_t = F * c_prev + I * torch.tanh(self._a("c", x_t, h_prev))
            h_t = O * torch.tanh(c_t)
            o_t = torch.tanh(h_t @ self.W_o.T + self.b_o)
            return o_t, (h_t, c_t)
    return Cell()


# mlambda/formations shared/latex/nn/rnn/variants.tex, GRU: z, r, candidate each W (h,x), U (h,h), b (h);
# reset applied to U_h h_{t-1}; Count: 3*(h*x + h*h + h).
@_export
def h46b_mlambda_gru(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W = nn.ParameterDict({q: _p(h, x) for q in "zrh"})
            self.U = nn.ParameterDict({q: _p(h, h) for q in "zrh"})
            self.b = nn.ParameterDict({q: _p(h) for q in "zrh"})

        def forward(self, x_t, h_prev):
            z = torch.sigmoid(x_t @ self.W["z"].T + h_prev @ self.U["z"].T + self.b["z"])
            r = torch.sigmoid(x_t @ self.W["r"].T + h_prev @ self.U["r"].T + self.b["r"])
            cand = torch.tanh(x_t @ self.W["h"].T + r * (h_prev @ self.U["h"].T) + self.b["h"])
            h_t = (1 - z) * h_prev + z * cand
            return h_t, h_t
    return Cell()


# hitimo/deep_learning_cheatsheet summary.tex, peephole LSTM (c_{t-1} instead of h_{t-1}): f, i, o each W (h,d),
# U (h,h) on c_{t-1}, b (h); cell input W_c (h,d), b_c (h), no U_c; Count: 3*(h*d + h*h + h) + h*d + h.
@_export
def h46b_hitimo_peephole(d=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W = nn.ParameterDict({q: _p(h, d) for q in "fioc"})
            self.U = nn.ParameterDict({q: _p(h, h) for q in "fio"})
            self.b = nn.ParameterDict({q: _p(h) for q in "fioc"})

        def forward(self, x_t, state):
            h_prev, c_prev = state
            g = {q: torch.sigmoid(x_t @ self.W[q].T + c_prev @ self.U[q].T + self.b[q]) for q in "fio"}
            c_t = g["f"] * c_prev + g["i"] * torch.tanh(x_t @ self.W["c"].T + self.b["c"])
            h_t = g["o"] * torch.tanh(c_t)
            return h_t, (h_t, c_t)
    return Cell()


# jiefangxuanyan/PlutoThesis-Bachelor body/deep_embedding.tex, BiLSTM: per direction d in {fw, bw} and per
# q in {f, i, o, c}: W_{q,d} (h,e), U_{q,d} (h,h), b_{q,d} (h); directions unshared; Count: 2*4*(h*e + h*h + h).
@_export
def h46b_pluto_bilstm(e=7, h=5):
    class Dir(nn.Module):
        def __init__(self):
            super().__init__()
            self.W = nn.ParameterDict({q: _p(h, e) for q in "fioc"})
            self.U = nn.ParameterDict({q: _p(h, h) for q in "fioc"})
            self.b = nn.ParameterDict({q: _p(h) for q in "fioc"})

        def forward(self, e_i, h_prev, c_prev):
            a = {q: e_i @ self.W[q].T + h_prev @ self.U[q].T + self.b[q] for q in "fioc"}
            c = torch.sigmoid(a["f"]) * c_prev + torch.sigmoid(a["i"]) * torch.tanh(a["c"])
            return torch.sigmoid(a["o"]) * torch.tanh(c), c

    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.fw, self.bw = Dir(), Dir()

        def forward(self, e_i, state):
            h_prev, c_prev = state
            hf, cf = self.fw(e_i, h_prev, c_prev)
            hb, cb = self.bw(e_i, h_prev, c_prev)
            return torch.cat([hf, hb], -1), ((hf, cf), (hb, cb))
    return Cell()


# tsdaemon/master-thesis Chapters/Chapter3.tex: i, f, u, o each W (h, h+x) on [h^{(t-1)}, x^{(t)}] + b (h);
# Count: 4*(h*(h + x) + h).
@_export
def h46b_tsdaemon_lstm(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W = nn.ParameterDict({q: _p(h, h + x) for q in "ifuo"})
            self.b = nn.ParameterDict({q: _p(h) for q in "ifuo"})

        def forward(self, x_t, state):
            h_prev, C_prev = state
            s = torch.cat([h_prev, x_t], -1)
            a = {q: s @ self.W[q].T + self.b[q] for q in "ifuo"}
            C_t = torch.sigmoid(a["f"]) * C_prev + torch.sigmoid(a["i"]) * torch.tanh(a["u"])
            h_t = torch.sigmoid(a["o"]) * torch.tanh(C_t)
            return h_t, (h_t, C_t)
    return Cell()


# MartinoMensio/masters_thesis partials/chapter_2.tex: f, i, o each W (h, h+x) on [h_{t-1}, x_t] + b (h) with tanh;
# candidate = the simple-RNN tanh layer W (h, h+x), b (h) ("four times the parameters"); Count: 4*(h*(h + x) + h).
@_export
def h46b_mensio_lstm(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W = nn.ParameterDict({q: _p(h, h + x) for q in "fioc"})
            self.b = nn.ParameterDict({q: _p(h) for q in "fioc"})

        def forward(self, x_t, state):
            h_prev, c_prev = state
            s = torch.cat([h_prev, x_t], -1)
            g = {q: torch.tanh(s @ self.W[q].T + self.b[q]) for q in "fioc"}
            c_t = g["f"] * c_prev + g["i"] * g["c"]
            h_t = g["o"] * torch.tanh(c_t)
            return h_t, (h_t, c_t)
    return Cell()
