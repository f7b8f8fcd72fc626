"""Oracles for the h14f set-aside snippets: one function per snippet, returning a torch.nn.Module
whose parameters are exactly the weights the text names, with a forward doing one step."""
import torch
from torch import nn

__all__ = [
    "h14f_id_lstmarch_lstm",
    "h14f_uk_energymon_lstm",
    "h14f_fa_lstmch16_lstm",
    "h14f_fa_gruch17_gru",
    "h14f_ro_pelebeamer_elman",
    "h14f_ro_pelebeamer_lstm",
    "h14f_pt_grunote_gru",
    "h14f_id_sarkasme_elman",
    "h14f_pt_lstmpytorch_lstm",
    "h14f_pt_streamlitrnn_elman",
    "h14f_tr_basitrnn_elman",
    "h14f_fa_lstmch16_example",
]


def _mat(rows, cols):
    return nn.Parameter(torch.randn(rows, cols) * 0.1)


def _vec(n):
    return nn.Parameter(torch.zeros(n))


class _CatLSTM(nn.Module):
    """One matrix W_g (h, h+x) on the concatenation [h_{t-1}, x_t] and one bias b_g per gate f, i, c, o."""

    def __init__(self, x, h, bias=True):
        super().__init__()
        self.sizes = (x, h)
        self.W = nn.ParameterDict({g: _mat(h, h + x) for g in "fico"})
        self.b = nn.ParameterDict({g: _vec(h) for g in "fico"}) if bias else None

    def _lin(self, g, z):
        out = z @ self.W[g].T
        return out + self.b[g] if self.b is not None else out

    def example(self):
        x, h = self.sizes
        return torch.randn(2, x), (torch.zeros(2, h), torch.zeros(2, h))

    def forward(self, x_t, state):
        h_prev, c_prev = state
        z = torch.cat([h_prev, x_t], dim=-1)
        f = torch.sigmoid(self._lin("f", z))
        i = torch.sigmoid(self._lin("i", z))
        c_tilde = torch.tanh(self._lin("c", z))
        c = f * c_prev + i * c_tilde
        o = torch.sigmoid(self._lin("o", z))
        h = o * torch.tanh(c)
        return h, c


def h14f_id_lstmarch_lstm(D=7, H=5):
    """Indonesian LSTM architecture doc: W_f, W_i, W_c, W_o on x_concat = [h_{t-1}, x_t] in R^{H+D},
    biases b_f, b_i, b_c, b_o. 4*(H*(H+D)+H)."""
    return _CatLSTM(D, H)


def h14f_uk_energymon_lstm(x=7, h=5):
    """Ukrainian Energy Monitor README: W_f, W_i, W_C, W_o on [h_{t-1}, x_t], biases b_f, b_i, b_C, b_o.
    4*(h*(h+x)+h)."""
    return _CatLSTM(x, h)


def h14f_fa_lstmch16_lstm(x=7, h=5):
    """Persian LSTM chapter: W_f, W_i, W_g, W_o on [h_{t-1}, x_t], biases b_f, b_i, b_g, b_o.
    4*(h*(h+x)+h)."""
    return _CatLSTM(x, h)


class _CatGRU(nn.Module):
    """One matrix W_g (h, h+x) on the concatenation [h_{t-1}, x_t] (reset applied inside the
    concatenation for the candidate) and one bias per gate r, z, h."""

    def __init__(self, x, h, bias=True):
        super().__init__()
        self.sizes = (x, h)
        self.W = nn.ParameterDict({g: _mat(h, h + x) for g in "rzh"})
        self.b = nn.ParameterDict({g: _vec(h) for g in "rzh"}) if bias else None

    def _lin(self, g, z):
        out = z @ self.W[g].T
        return out + self.b[g] if self.b is not None else out

    def example(self):
        x, h = self.sizes
        return torch.randn(2, x), torch.zeros(2, h)

    def forward(self, x_t, h_prev):
        hx = torch.cat([h_prev, x_t], dim=-1)
        r = torch.sigmoid(self._lin("r", hx))
        z = torch.sigmoid(self._lin("z", hx))
        h_tilde = torch.tanh(self._lin("h", torch.cat([r * h_prev, x_t], dim=-1)))
        return (1 - z) * h_prev + z * h_tilde


def h14f_fa_gruch17_gru(x=7, h=5):
    """Persian GRU chapter: W_r, W_z, W_h on [h_{t-1}, x_t] / [r_t ⊙ h_{t-1}, x_t], biases b_r, b_z, b_h.
    3*(h*(h+x)+h)."""
    return _CatGRU(x, h)


class _Elman(nn.Module):
    """h_t = tanh(W h_{t-1} + U x_t [+ b]); optional readout y_t = V h_t [+ c]."""

    def __init__(self, x, h, y=None, bias_h=True, bias_y=True):
        super().__init__()
        self.sizes = (x, h)
        self.W = _mat(h, h)
        self.U = _mat(h, x)
        self.b = _vec(h) if bias_h else None
        self.V = _mat(y, h) if y is not None else None
        self.c = _vec(y) if (y is not None and bias_y) else None

    def example(self):
        x, h = self.sizes
        return torch.randn(2, x), torch.zeros(2, h)

    def forward(self, x_t, h_prev):
        a = h_prev @ self.W.T + x_t @ self.U.T
        if self.b is not None:
            a = a + self.b
        h = torch.tanh(a)
        if self.V is None:
            return h
        y = h @ self.V.T
        if self.c is not None:
            y = y + self.c
        return h, y


def h14f_ro_pelebeamer_elman(x=7, h=5, y=3):
    """Romanian/English slides: h_t = tanh(W h_{t-1} + U x_t + b), y_hat_t = V h_t (no output bias).
    h*h + h*x + h + y*h."""
    return _Elman(x, h, y, bias_h=True, bias_y=False)


def h14f_ro_pelebeamer_lstm(x=7, h=5):
    """Romanian/English slides: i, f, o = sigma(W_bullet [h_{t-1}, x_t] + b_bullet), one W and b per gate,
    candidate W_c, b_c. 4*(h*(h+x)+h)."""
    return _CatLSTM(x, h)


def h14f_pt_grunote_gru(x=7, h=5):
    """Portuguese GRU note: W_z, W_r, W_h on [h_{t-1}, x_t] / [r_t . h_{t-1}, x_t], biases b_z, b_r, b_h
    (the prose calls the W's "vetores de pesos", but the gate biases are vectors, so the W's are h x (h+x)).
    3*(h*(h+x)+h)."""
    return _CatGRU(x, h)


def h14f_id_sarkasme_elman(x=7, h=5):
    """Indonesian sarcasm-detection doc: h_t = tanh(W_xh x_t + W_hh h_{t-1} + b_h). h*x + h*h + h."""
    return _Elman(x, h, bias_h=True)


class _TorchLSTM(nn.Module):
    """The text documents torch.nn.LSTM itself (W_ii.. W_ho with b_ii.. b_ho): use the framework module."""

    def __init__(self, x, h):
        super().__init__()
        self.sizes = (x, h)
        self.lstm = nn.LSTM(x, h)

    def example(self):
        x, h = self.sizes
        return (torch.randn(1, 2, x),)

    def forward(self, seq):
        return self.lstm(seq)


def h14f_pt_lstmpytorch_lstm(x=7, h=5):
    """Portuguese page quoting torch.nn.LSTM: 4*(h*x + h*h + 2h)."""
    return _TorchLSTM(x, h)


def h14f_pt_streamlitrnn_elman(x=7, h=5, y=3):
    """Portuguese Streamlit RNN page: h_t = tanh(W_hh h_{t-1} + W_xh x_t + bias), y_t = W_hy h_t + bias.
    The two "bias" terms have different sizes (h and y), so two bias vectors: h*h + h*x + h + y*h + y."""
    return _Elman(x, h, y, bias_h=True, bias_y=True)


class _ChollerRNN(nn.Module):
    """output_t = tanh(W input_t + U state_t + b) with W (out, in), U (out, out), b (out)."""

    def __init__(self, x, h):
        super().__init__()
        self.sizes = (x, h)
        self.W = _mat(h, x)
        self.U = _mat(h, h)
        self.b = _vec(h)

    def example(self):
        x, h = self.sizes
        return torch.randn(2, x), torch.zeros(2, h)

    def forward(self, input_t, state_t):
        return torch.tanh(input_t @ self.W.T + state_t @ self.U.T + self.b)


def h14f_tr_basitrnn_elman(input_features=32, output_features=64):
    """Turkish NumPy simple RNN: W (64x32) + U (64x64) + b (64) = 6208 at the file's own sizes."""
    return _ChollerRNN(input_features, output_features)


def h14f_fa_lstmch16_example(x=1, h=2):
    """Persian LSTM worked example (expect: refuse). Reading with the stated sizes (input 1, hidden 2) and
    the chapter's concatenated LSTM: 4*(h*(h+x)+h) = 32; the example itself uses scalar weights instead."""
    return _CatLSTM(x, h)
