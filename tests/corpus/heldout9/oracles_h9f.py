"""Oracles for the h9f set-aside snippets: one function per snippet, returning a torch.nn.Module
whose parameters are exactly the weights the text names, with a forward doing one step."""
import torch
from torch import nn

__all__ = [
    "h9f_de_kibiederbeck_elman",
    "h9f_de_kibiederbeck_lstm",
    "h9f_de_ausbildungit_elman",
    "h9f_tr_dlnotes_lstm",
    "h9f_pt_wikiap_gru",
    "h9f_tr_ruzgar_lstm",
    "h9f_it_bollini_elman",
    "h9f_id_penjelasan_gru",
    "h9f_id_skripsi_cnngru",
    "h9f_cs_drugex_lstm",
    "h9f_de_numpynote_lstm",
    "h9f_ar_streamlit_gru",
]


def _mat(rows, cols):
    return nn.Parameter(torch.randn(rows, cols) * 0.1)


def _vec(n):
    return nn.Parameter(torch.zeros(n))


# ---------------------------------------------------------------- Elman RNNs

class _ElmanOut(nn.Module):
    """h_t = f(W_h h_{t-1} + W_x x_t + b), y_t = g(W_y h_t + b_y)."""

    def __init__(self, x, h, y):
        super().__init__()
        self.W_h = _mat(h, h)
        self.W_x = _mat(h, x)
        self.b = _vec(h)
        self.W_y = _mat(y, h)
        self.b_y = _vec(y)

    def forward(self, x_t, h_prev):
        h_t = torch.tanh(h_prev @ self.W_h.T + x_t @ self.W_x.T + self.b)
        return torch.softmax(h_t @ self.W_y.T + self.b_y, -1), h_t


def h9f_de_kibiederbeck_elman(x=7, h=5, y=3) -> nn.Module:
    return _ElmanOut(x, h, y)


def h9f_de_ausbildungit_elman(x=7, h=5, y=3) -> nn.Module:
    # h_t = tanh(W_xh * x_t + W_hh * h_(t-1) + b_h), y_t = W_hy * h_t + b_y (same weights)
    return _ElmanOut(x, h, y)


# ---------------------------------------------------------------- LSTMs

class _LstmConcat(nn.Module):
    """Gates on the concatenation [h_{t-1}, x_t], one matrix and one bias per gate.
    gates: names of the gates whose weights the text writes; 'C' is the candidate."""

    def __init__(self, x, h, gates=("f", "i", "C", "o")):
        super().__init__()
        self.h = h
        self.gates = gates
        for g in gates:
            setattr(self, "W_" + g, _mat(h, h + x))
            setattr(self, "b_" + g, _vec(h))

    def _pre(self, g, hx):
        return hx @ getattr(self, "W_" + g).T + getattr(self, "b_" + g)

    def forward(self, x_t, h_prev, c_prev):
        hx = torch.cat([h_prev, x_t], -1)
        f = torch.sigmoid(self._pre("f", hx))
        i = torch.sigmoid(self._pre("i", hx))
        o = torch.sigmoid(self._pre("o", hx))
        c_tilde = torch.tanh(self._pre("C", hx)) if "C" in self.gates else torch.tanh(hx[..., : self.h])
        c = f * c_prev + i * c_tilde
        return o * torch.tanh(c), c


def h9f_de_kibiederbeck_lstm(x=7, h=5) -> nn.Module:
    # the text writes W_f, W_i, W_o on [h_{t-1}, x_t]; C~_t is never defined (refuse); the oracle
    # takes the usual reading with a fourth matrix W_C for the candidate
    return _LstmConcat(x, h)


def h9f_tr_dlnotes_lstm(x=7, a=5) -> nn.Module:
    # Gamma_f, Gamma_u, c~, Gamma_o each W[a^{<t-1>}, x^{<t>}] + b: four (a, a+x) matrices, four biases
    return _LstmConcat(x, a)


# ---------------------------------------------------------------- GRUs

class _GruConcat(nn.Module):
    """z = σ(W_z [h; x] + b_z), r = σ(W_r [h; x] + b_r), h~ = tanh(W_h [r ⊙ h; x] + b_h)."""

    def __init__(self, x, h):
        super().__init__()
        self.W_z, self.b_z = _mat(h, h + x), _vec(h)
        self.W_r, self.b_r = _mat(h, h + x), _vec(h)
        self.W_h, self.b_h = _mat(h, h + x), _vec(h)

    def forward(self, x_t, h_prev):
        hx = torch.cat([h_prev, x_t], -1)
        z = torch.sigmoid(hx @ self.W_z.T + self.b_z)
        r = torch.sigmoid(hx @ self.W_r.T + self.b_r)
        h_tilde = torch.tanh(torch.cat([r * h_prev, x_t], -1) @ self.W_h.T + self.b_h)
        return z * h_prev + (1 - z) * h_tilde


def h9f_pt_wikiap_gru(x=7, h=5) -> nn.Module:
    return _GruConcat(x, h)


def h9f_tr_ruzgar_lstm(x=7, h=5) -> nn.Module:
    # W_f, W_i, W_c, W_o on [h_{t-1}, x_t], one bias each
    return _LstmConcat(x, h)


def h9f_it_bollini_elman(x=7, h=5, y=3) -> nn.Module:
    # h_t = f(W_ih x_t + W_hh h_{t-1} + b_h), y_t = g(W_hy h_t + b_y)
    return _ElmanOut(x, h, y)


class _GruConcatZNew(_GruConcat):
    """Same weights as _GruConcat; update h_t = (1 - z) ⊙ h_{t-1} + z ⊙ h~_t."""

    def forward(self, x_t, h_prev):
        hx = torch.cat([h_prev, x_t], -1)
        z = torch.sigmoid(hx @ self.W_z.T + self.b_z)
        r = torch.sigmoid(hx @ self.W_r.T + self.b_r)
        h_tilde = torch.tanh(torch.cat([r * h_prev, x_t], -1) @ self.W_h.T + self.b_h)
        return (1 - z) * h_prev + z * h_tilde


def h9f_id_penjelasan_gru(x=7, h=5) -> nn.Module:
    # W_z, W_r, W (candidate) each on a concatenation of h and x, biases b_z, b_r, b
    return _GruConcatZNew(x, h)


class _GruWU(nn.Module):
    """z = σ(W_z o + U_z h + b_z), r = σ(W_r o + U_r h + b_r),
    h~ = tanh(W_h o + U_h (r ⊙ h) + b_h), h_t = z ⊙ h + (1 - z) ⊙ h~."""

    def __init__(self, x, h):
        super().__init__()
        for g in ("z", "r", "h"):
            setattr(self, "W_" + g, _mat(h, x))
            setattr(self, "U_" + g, _mat(h, h))
            setattr(self, "b_" + g, _vec(h))

    def forward(self, o_t, h_prev):
        z = torch.sigmoid(o_t @ self.W_z.T + h_prev @ self.U_z.T + self.b_z)
        r = torch.sigmoid(o_t @ self.W_r.T + h_prev @ self.U_r.T + self.b_r)
        h_tilde = torch.tanh(o_t @ self.W_h.T + (r * h_prev) @ self.U_h.T + self.b_h)
        return z * h_prev + (1 - z) * h_tilde


def h9f_id_skripsi_cnngru(O=2, h=2) -> nn.Module:
    # the text fixes both sizes: each input row O_Cc(t) has 2 features (6x2 input),
    # the GRU output is 6x2 (hidden size 2); 3 * (2*2 + 2*2 + 2) = 30
    return _GruWU(O, h)


def h9f_cs_drugex_lstm(e=7, h=5) -> nn.Module:
    # refuse snippet; the oracle is one layer of the written cell (W_f, W_i, W_c, W_o on [h, e])
    return _LstmConcat(e, h)


def h9f_de_numpynote_lstm(x=3, h=5) -> nn.Module:
    # Wf, Wi, WC, Wo of shape (hidden, hidden + input); bf, bi, bC, bo of shape (hidden, 1);
    # the example usage fixes input_size = 3, hidden_size = 5: 4 * (5 * 8 + 5) = 180
    return _LstmConcat(x, h)


class _GruRowVec(nn.Module):
    """Row-vector GRU: z = σ([x, h] W_z + b_z), r = σ([x, h] W_r + b_r),
    h~ = tanh([x, r ⊙ h] W_h + b_h), h_t = (1 - z) ⊙ h + z ⊙ h~; W_* of shape (x + h, h)."""

    def __init__(self, x, h):
        super().__init__()
        for g in ("z", "r", "h"):
            setattr(self, "W_" + g, _mat(x + h, h))
            setattr(self, "b_" + g, _vec(h))

    def forward(self, x_t, h_prev):
        xh = torch.cat([x_t, h_prev], -1)
        z = torch.sigmoid(xh @ self.W_z + self.b_z)
        r = torch.sigmoid(xh @ self.W_r + self.b_r)
        h_tilde = torch.tanh(torch.cat([x_t, r * h_prev], -1) @ self.W_h + self.b_h)
        return (1 - z) * h_prev + z * h_tilde


def h9f_ar_streamlit_gru(x=7, h=5) -> nn.Module:
    return _GruRowVec(x, h)
