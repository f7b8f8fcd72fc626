"""Oracles for the h10f set-aside snippets: one function per snippet, returning a torch.nn.Module
whose parameters are exactly the weights the text names, with a forward doing one step."""
import torch
from torch import nn

__all__ = [
    "h10f_de_kotlinkurs_elman",
    "h10f_pt_copa_gru",
    "h10f_it_jbook_lstm",
    "h10f_tr_beton_lstm",
    "h10f_uk_hydraulic_lstm",
    "h10f_it_guida_lstm",
]


def _mat(rows, cols):
    return nn.Parameter(torch.randn(rows, cols) * 0.1)


def _vec(n):
    return nn.Parameter(torch.zeros(n))


# ---------------------------------------------------------------- Elman RNNs

class _ElmanOut(nn.Module):
    """h_t = tanh(W_h h_{t-1} + W_x x_t + b), y_t = W_y h_t + c."""

    def __init__(self, x, h, y):
        super().__init__()
        self.W_h = _mat(h, h)
        self.W_x = _mat(h, x)
        self.b = _vec(h)
        self.W_y = _mat(y, h)
        self.c = _vec(y)

    def forward(self, x_t, h_prev):
        h_t = torch.tanh(h_prev @ self.W_h.T + x_t @ self.W_x.T + self.b)
        return h_t @ self.W_y.T + self.c, h_t


def h10f_de_kotlinkurs_elman(x=7, h=5, y=3) -> nn.Module:
    # fm("RNN-Zustand", "hₜ = tanh(W_h hₜ₋₁ + W_x xₜ + b)"), fm("Ausgabe", "ŷₜ = W_y hₜ + c")
    return _ElmanOut(x, h, y)


# ---------------------------------------------------------------- GRUs

class _GruWU(nn.Module):
    """z = σ(W_z x + U_z h + b_z), r = σ(W_r x + U_r h + b_r),
    h~ = tanh(W_h x + U_h (r ⊙ h) + b_h), h' = (1 - z) ⊙ h + z ⊙ h~."""

    def __init__(self, x, h):
        super().__init__()
        for g in "zrh":
            setattr(self, f"W_{g}", _mat(h, x))
            setattr(self, f"U_{g}", _mat(h, h))
            setattr(self, f"b_{g}", _vec(h))

    def forward(self, x_t, h_prev):
        z = torch.sigmoid(x_t @ self.W_z.T + h_prev @ self.U_z.T + self.b_z)
        r = torch.sigmoid(x_t @ self.W_r.T + h_prev @ self.U_r.T + self.b_r)
        hh = torch.tanh(x_t @ self.W_h.T + (r * h_prev) @ self.U_h.T + self.b_h)
        return (1 - z) * h_prev + z * hh


def h10f_pt_copa_gru(F=6, H=48) -> nn.Module:
    # six features per match (F = 6) into a GRU with h_t in R^H, H = 48
    return _GruWU(F, H)


# ---------------------------------------------------------------- LSTMs

class _LstmConcat(nn.Module):
    """Gates on the concatenation [h_{t-1}, x_t], one matrix and one bias per gate."""

    def __init__(self, x, h):
        super().__init__()
        for g in "fioc":
            setattr(self, f"W_{g}", _mat(h, h + x))
            setattr(self, f"b_{g}", _vec(h))

    def forward(self, x_t, h_prev, c_prev):
        v = torch.cat([h_prev, x_t], -1)
        f = torch.sigmoid(v @ self.W_f.T + self.b_f)
        i = torch.sigmoid(v @ self.W_i.T + self.b_i)
        o = torch.sigmoid(v @ self.W_o.T + self.b_o)
        ct = torch.tanh(v @ self.W_c.T + self.b_c)
        c = f * c_prev + i * ct
        return o * torch.tanh(c), c


def h10f_it_jbook_lstm(x=7, h=5) -> nn.Module:
    return _LstmConcat(x, h)


def h10f_tr_beton_lstm(x=7, h=5) -> nn.Module:
    # Unutma/Girdi/Aday/Çıktı: W_* · [h_{t-1}, x_t] + b_*
    return _LstmConcat(x, h)


def h10f_uk_hydraulic_lstm(x=7, h=5) -> nn.Module:
    # f, i, o, C~ each W_* · [h_{t-1}, x_t] + b_*
    return _LstmConcat(x, h)


def h10f_it_guida_lstm(x=7, h=5) -> nn.Module:
    # refuse snippet: one plausible reading, the standard concatenated LSTM with the
    # unwritten candidate given its own W_C, b_C like the three written gates
    return _LstmConcat(x, h)
