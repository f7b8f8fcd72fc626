"""Oracles for the h13f set-aside snippets: one function per snippet, returning a torch.nn.Module
whose parameters are exactly the weights the text names, with a forward doing one step."""
import torch
from torch import nn

__all__ = [
    "h13f_tr_rnnzaman_elman",
    "h13f_it_rnnnotes_elman",
    "h13f_uk_hgalstm_lstm",
    "h13f_pt_gcc1626_elman",
    "h13f_pt_tfcombr_elman",
    "h13f_de_modul09_lstm",
    "h13f_de_modul09_gru",
    "h13f_id_nbmthesis_lstm",
    "h13f_ar_okvir_gru",
    "h13f_it_heatgru_gru",
    "h13f_tr_tsawiki_elman",
    "h13f_pt_sistemaemg_lstm",
]


def _mat(rows, cols):
    return nn.Parameter(torch.randn(rows, cols) * 0.1)


def _vec(n):
    return nn.Parameter(torch.zeros(n))


class _Elman(nn.Module):
    """h_t = act(W_xh x_t + W_hh h_{t-1} [+ b_h]); optional readout y_t = W_hy h_t [+ b_y].
    Matrices stored (out, in) whatever the text's transpose convention; the count is the same."""

    def __init__(self, x, h, y=None, bias_h=True, bias_y=True, act=torch.tanh):
        super().__init__()
        self.W_xh = _mat(h, x)
        self.W_hh = _mat(h, h)
        self.b_h = _vec(h) if bias_h else None
        self.act = act
        if y is not None:
            self.W_hy = _mat(y, h)
            self.b_y = _vec(y) if bias_y else None
        else:
            self.W_hy = None

    def forward(self, x_t, h_prev):
        a = x_t @ self.W_xh.T + h_prev @ self.W_hh.T
        if self.b_h is not None:
            a = a + self.b_h
        h = self.act(a)
        if self.W_hy is None:
            return h
        y = h @ self.W_hy.T
        if self.b_y is not None:
            y = y + self.b_y
        return h, y


class _CatLSTM(nn.Module):
    """One matrix W (h, h+x) on the concatenation [h_{t-1}, x_t] and one bias per gate: f, i, C, o."""

    def __init__(self, x, h, bias=True):
        super().__init__()
        self.W = nn.ParameterDict({k: _mat(h, h + x) for k in "fiCo"})
        self.b = nn.ParameterDict({k: _vec(h) for k in "fiCo"}) if bias else None

    def forward(self, x_t, h_prev, c_prev):
        z = torch.cat((h_prev, x_t), -1)
        a = {k: z @ self.W[k].T + (self.b[k] if self.b is not None else 0) for k in "fiCo"}
        f, i, o = (torch.sigmoid(a[k]) for k in "fio")
        c_tilde = torch.tanh(a["C"])
        c = f * c_prev + i * c_tilde
        return o * torch.tanh(c), c


class _CatGRU(nn.Module):
    """z, r on [h_{t-1}, x_t]; candidate on [r * h_{t-1}, x_t]; one matrix (h, h+x) each, optional biases."""

    def __init__(self, x, h, bias=True):
        super().__init__()
        self.W = nn.ParameterDict({k: _mat(h, h + x) for k in "zrn"})
        self.b = nn.ParameterDict({k: _vec(h) for k in "zrn"}) if bias else None

    def _b(self, k):
        return self.b[k] if self.b is not None else 0

    def forward(self, x_t, h_prev):
        hx = torch.cat((h_prev, x_t), -1)
        z = torch.sigmoid(hx @ self.W["z"].T + self._b("z"))
        r = torch.sigmoid(hx @ self.W["r"].T + self._b("r"))
        n = torch.tanh(torch.cat((r * h_prev, x_t), -1) @ self.W["n"].T + self._b("n"))
        return (1 - z) * h_prev + z * n


class _SepGRU(nn.Module):
    """Per gate k in z, r, h: W_xk (h, x), W_hk (h, h), b_k (h); reset applied to h_{t-1} before W_hh.
    update_on_prev selects h = z*h_prev + (1-z)*cand (d2l) instead of (1-z)*h_prev + z*cand."""

    def __init__(self, x, h, update_on_prev=False):
        super().__init__()
        self.Wx = nn.ParameterDict({k: _mat(h, x) for k in "zrh"})
        self.Wh = nn.ParameterDict({k: _mat(h, h) for k in "zrh"})
        self.b = nn.ParameterDict({k: _vec(h) for k in "zrh"})
        self.update_on_prev = update_on_prev

    def forward(self, x_t, h_prev):
        z = torch.sigmoid(x_t @ self.Wx["z"].T + h_prev @ self.Wh["z"].T + self.b["z"])
        r = torch.sigmoid(x_t @ self.Wx["r"].T + h_prev @ self.Wh["r"].T + self.b["r"])
        cand = torch.tanh(x_t @ self.Wx["h"].T + (r * h_prev) @ self.Wh["h"].T + self.b["h"])
        if self.update_on_prev:
            return z * h_prev + (1 - z) * cand
        return (1 - z) * h_prev + z * cand


def h13f_tr_rnnzaman_elman(x=7, h=5, y=3):
    """Turkish blog: h_t = tanh(W_xh x_t + W_hh h_{t-1} + b_h), y_t = W_hy h_t + b_y."""
    return _Elman(x, h, y, bias_h=True, bias_y=True)


def h13f_it_rnnnotes_elman(x=7, h=5, y=3):
    """Italian notes: h_t = tanh(W_hh^T h_{t-1} + W_xh^T x_t), y_t = W_hy^T h_t; no biases."""
    return _Elman(x, h, y, bias_h=False, bias_y=False)


def h13f_uk_hgalstm_lstm(x=7, h=5):
    """Ukrainian docstring: LSTM, W_* . [h_{t-1}, x_t] + b_* for f, i, C~, o."""
    return _CatLSTM(x, h, bias=True)


def h13f_pt_gcc1626_elman(x=7, h=5):
    """Portuguese notebook: h_t = f(W_xh x_t + W_hh h_{t-1} + b_h), one bias."""
    return _Elman(x, h, None, bias_h=True)


def h13f_pt_tfcombr_elman(x=7, h=5, y=3):
    """Portuguese tutorial page: h_t = sigma(W_h h_{t-1} + W_x x_t + b_h), y_t = W_y h_t + b_y."""
    return _Elman(x, h, y, bias_h=True, bias_y=True)


def h13f_de_modul09_lstm(x=7, h=5):
    """German module: f, i, o, c~ each sigma/tanh(W_k [h_{t-1}, x_t] + b_k)."""
    return _CatLSTM(x, h, bias=True)


def h13f_de_modul09_gru(x=7, h=5):
    """Refuse snippet; the oracle's one reading is a GRU whose z, r and candidate each have one
    matrix on the concatenation and, like the written candidate W[r*h, x], no bias."""
    return _CatGRU(x, h, bias=False)


def h13f_id_nbmthesis_lstm(x=7, h=5):
    """Indonesian thesis: Wf, Wi, WC, Wo on [h_{t-1}, x_t] with biases bf, bi, bC, bo."""
    return _CatLSTM(x, h, bias=True)


def h13f_ar_okvir_gru(x=7, h=5):
    """Bilingual EN/AR lesson: W_x{r,z,h} (d_h, d_in), W_h{r,z,h} (d_h, d_h), b_{r,z,h}."""
    return _SepGRU(x, h)


def h13f_it_heatgru_gru(x=7, h=5):
    """Italian-commented GRUScratch: triple() gives (num_inputs, num_hiddens), (num_hiddens,
    num_hiddens) and a bias for each of update, reset and candidate."""
    return _SepGRU(x, h, update_on_prev=True)


def h13f_tr_tsawiki_elman(x=7, h=5, y=3):
    """Turkish wiki page: h_t = f(W_hh*h_{t-1} + W_xh*x_t + b_h), y_t = g(W_hy*h_t + b_y)."""
    return _Elman(x, h, y, bias_h=True, bias_y=True)


def h13f_pt_sistemaemg_lstm(x=7, h=5):
    """Portuguese project docs: W_f, W_i, W_C, W_o on [h_{t-1}, x_t] with b_f, b_i, b_C, b_o."""
    return _CatLSTM(x, h, bias=True)
