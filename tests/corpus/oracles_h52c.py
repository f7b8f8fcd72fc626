"""Oracles for the h52c set-aside snippets (heldout52), as its gatherer wrote them."""
import torch
from torch import nn

__all__ = []


def _export(f):
    __all__.append(f.__name__)
    return f


def _p(*shape):
    return nn.Parameter(torch.randn(*shape) * 0.1)


# harjew/732A92-proj report.Rmd, "Long Short-Term Memory"; generic gate Γ = σ(W x^t + U a^{t-1} + b) with W,U,b
# per gate, for the four gates Γ_u, Γ_r, Γ_f, Γ_o: W (a,x), U (a,a), b (a) each; candidate c'^t = tanh(W_c [Γ_r×a^{t-1}; x^t] + b_c):
# W_c (a, a+x), b_c (a); c^t = Γ_u×c'^t + Γ_f×c^{t-1}; a^t = Γ_o×c^t (no tanh, no extra weights).
# Count: 4*(a*x + a*a + a) + a*(a+x) + a.
@_export
def h52c_harjew_lstm(x=7, a=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W = nn.ParameterDict({g: _p(a, x) for g in "urfo"})
            self.U = nn.ParameterDict({g: _p(a, a) for g in "urfo"})
            self.b = nn.ParameterDict({g: _p(a) for g in "urfo"})
            self.W_c = _p(a, a + x)
            self.b_c = _p(a)

        def forward(self, xt, ap, cp):
            G = {g: torch.sigmoid(xt @ self.W[g].T + ap @ self.U[g].T + self.b[g]) for g in "urfo"}
            cc = torch.tanh(torch.cat([G["r"] * ap, xt], -1) @ self.W_c.T + self.b_c)
            c = G["u"] * cc + G["f"] * cp
            at = G["o"] * c
            return at, c

    return Cell()


# adam-maj/deep-learning 04-sequence-modeling/01-lstm/lstm.md, 1997 LSTM (no forget gate), per-cell unit notation.
# Most plausible reading: a layer of h memory cells; "units u" = the x external inputs plus the h cell outputs
# y^c(t-1); net_in, net_out, net_c each a weight matrix (h, x+h), no biases (none written); f, g, h fixed activations
# (sigmoid gates, tanh g and h). Count: 3*h*(x+h). (Refuse: u is never pinned down, sizes never given.)
@_export
def h52c_adammaj_lstm1997(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.w_in = _p(h, x + h)
            self.w_out = _p(h, x + h)
            self.w_c = _p(h, x + h)

        def forward(self, xt, yc_prev, s_prev):
            u = torch.cat([xt, yc_prev], -1)
            y_in = torch.sigmoid(u @ self.w_in.T)
            y_out = torch.sigmoid(u @ self.w_out.T)
            s = s_prev + y_in * torch.tanh(u @ self.w_c.T)
            yc = y_out * torch.tanh(s)
            return yc, s

    return Cell()


# maulanashendi/LSTM-from-scratch README.md, "Architecture and Mathematical Formulation"; the equations' reading:
# W_{f,x},W_{i,x},W_{c,x},W_{o,x} (h,x); W_{f,h},W_{i,h},W_{c,h},W_{o,h} (h,h); b_f,b_i,b_c,b_o (h).
# (The elided scalar code fragments cannot apply when x != h.) Count: 4*(h*x + h*h + h).
@_export
def h52c_maulanashendi_lstm(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.Wx = nn.ParameterDict({g: _p(h, x) for g in "fico"})
            self.Wh = nn.ParameterDict({g: _p(h, h) for g in "fico"})
            self.b = nn.ParameterDict({g: _p(h) for g in "fico"})

        def forward(self, xt, hp, Cp):
            g = {k: xt @ self.Wx[k].T + hp @ self.Wh[k].T + self.b[k] for k in "fico"}
            f, i, o = torch.sigmoid(g["f"]), torch.sigmoid(g["i"]), torch.sigmoid(g["o"])
            Ct = torch.tanh(g["c"])
            C = f * Cp + i * Ct
            return o * torch.tanh(C), C

    return Cell()


# nicodjimenez.github.io _posts/2015-08-07-lstm.markdown, forward pass: g = phi(W_gx x + W_gh h + b_g) (phi = tanh),
# i, f, o sigmoid gates; W_{*x} (h,x), W_{*h} (h,h), b_* (h) for g,i,f,o; s = g*i + s_prev*f; h = s*o (no tanh).
# The concatenated form W_* (h, x+h) is the same parameters. Count: 4*(h*x + h*h + h).
@_export
def h52c_nicodjimenez_lstm(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.Wx = nn.ParameterDict({k: _p(h, x) for k in "gifo"})
            self.Wh = nn.ParameterDict({k: _p(h, h) for k in "gifo"})
            self.b = nn.ParameterDict({k: _p(h) for k in "gifo"})

        def forward(self, xt, hp, sp):
            a = {k: xt @ self.Wx[k].T + hp @ self.Wh[k].T + self.b[k] for k in "gifo"}
            g = torch.tanh(a["g"])
            i, f, o = torch.sigmoid(a["i"]), torch.sigmoid(a["f"]), torch.sigmoid(a["o"])
            s = g * i + sp * f
            return s * o, s

    return Cell()


# jhui.github.io _posts/2017-03-15-RNN-LSTM-GRU.markdown, GRU section. Every equation reuses unsubscripted W_x, W_h, b.
# Most plausible reading (the post's LSTM section says "All gates have different set of W and b"): per-equation
# W_x (h,x), W_h (h,h), b (h) for gate_r, the candidate and gate_update. Count: 3*(h*x + h*h + h).
# (Refuse: read literally as one shared W_x, W_h, b the count is h*x + h*h + h.)
@_export
def h52c_jhui_gru(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.Wx = nn.ParameterDict({k: _p(h, x) for k in "rcu"})
            self.Wh = nn.ParameterDict({k: _p(h, h) for k in "rcu"})
            self.b = nn.ParameterDict({k: _p(h) for k in "rcu"})

        def forward(self, X, hp):
            Wx, Wh, b = self.Wx, self.Wh, self.b
            r = torch.sigmoid(X @ Wx["r"].T + hp @ Wh["r"].T + b["r"])
            ht = torch.tanh(X @ Wx["c"].T + (r * hp) @ Wh["c"].T + b["c"])
            u = torch.sigmoid(X @ Wx["u"].T + hp @ Wh["u"].T + b["u"])
            return (1 - u) * hp + u * ht

    return Cell()


# aymanehachcham/NLP-Notes "Transformers/RNN Architectures.md": h_t = tanh(W_t X_t + h_{t-1}); o_t = softmax(u_t).
# Most plausible reading: one input matrix W (h,x) shared over time (the subscript t marks the step), no recurrent
# matrix, no bias; u_t = V h_t with V (y,h), no bias (u_t is only called "the linear calculation").
# Count: h*x + y*h. (Refuse: u_t's parameters are never written; W_t may be read as per-time-step.)
@_export
def h52c_aymanehachcham_rnn(x=7, h=5, y=3):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W = _p(h, x)
            self.V = _p(y, h)

        def forward(self, X, hp):
            ht = torch.tanh(X @ self.W.T + hp)
            return torch.softmax(ht @ self.V.T, -1), ht

    return Cell()


# pabloinsente.github.io the-recurrent-net.md, simplified RNN for BPTT: z_t = W_hz h_t + b_z;
# h_t = sigma(W_hh h_{t-1} + W_xh x_t + b_h). W_xh (h,x), W_hh (h,h), b_h (h), W_hz (z,h), b_z (z).
# Count: h*x + h*h + h + z*h + z.
@_export
def h52c_pabloinsente_rnn(x=7, h=5, z=3):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_xh = _p(h, x)
            self.W_hh = _p(h, h)
            self.b_h = _p(h)
            self.W_hz = _p(z, h)
            self.b_z = _p(z)

        def forward(self, xt, hp):
            ht = torch.sigmoid(hp @ self.W_hh.T + xt @ self.W_xh.T + self.b_h)
            return ht @ self.W_hz.T + self.b_z, ht

    return Cell()


# jhui.github.io _posts/2017-03-15-RNN-LSTM-GRU.markdown, LSTM section; per the quoted note "All gates have
# different set of W and b": W_x (h,x), W_h (h,h), b (h) for each of gate_forget, gate_input, the candidate C~
# and gate_out. Count: 4*(h*x + h*h + h).
@_export
def h52c_jhui_lstm(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.Wx = nn.ParameterDict({k: _p(h, x) for k in "ficO"})
            self.Wh = nn.ParameterDict({k: _p(h, h) for k in "ficO"})
            self.b = nn.ParameterDict({k: _p(h) for k in "ficO"})

        def forward(self, X, hp, Cp):
            a = {k: X @ self.Wx[k].T + hp @ self.Wh[k].T + self.b[k] for k in "ficO"}
            f, i, o = torch.sigmoid(a["f"]), torch.sigmoid(a["i"]), torch.sigmoid(a["O"])
            C = f * Cp + i * torch.tanh(a["c"])
            return o * torch.tanh(C), C

    return Cell()
