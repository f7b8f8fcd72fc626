"""Oracles for the h12f set-aside snippets: one function per snippet, returning a torch.nn.Module
whose parameters are exactly the weights the text names, with a forward doing one step."""
import torch
from torch import nn

__all__ = [
    "h12f_it_gdl_lstm",
    "h12f_it_gdl_gru",
    "h12f_id_d2l_gru",
    "h12f_ar_lstmnumpy_lstm",
    "h12f_de_germeval_elman",
    "h12f_de_lzwlstm_lstm",
    "h12f_pt_senac_elman",
    "h12f_pt_senac_lstm",
    "h12f_it_nlpnotes_lstm",
    "h12f_tr_rnnbolum_elman",
    "h12f_id_curahhujan_lstm",
]


def _mat(rows, cols):
    return nn.Parameter(torch.randn(rows, cols) * 0.1)


def _vec(n):
    return nn.Parameter(torch.zeros(n))


class _CatLSTM(nn.Module):
    """One matrix (h, x+h) on the concatenation [x ; h_prev] and one bias per gate: i, f, o, g."""

    def __init__(self, x, h, bias=True):
        super().__init__()
        self.W = nn.ParameterDict({k: _mat(h, x + h) for k in "ifog"})
        self.b = nn.ParameterDict({k: _vec(h) for k in "ifog"}) if bias else None

    def forward(self, x_t, h_prev, c_prev):
        z = torch.cat((x_t, h_prev), -1)
        a = {k: z @ self.W[k].T + (self.b[k] if self.b is not None else 0) for k in "ifog"}
        i, f, o = (torch.sigmoid(a[k]) for k in "ifo")
        g = torch.tanh(a["g"])
        c = f * c_prev + i * g
        return o * torch.tanh(c), c


class _CatGRU(nn.Module):
    """z, r on [x ; h_prev]; candidate on [x ; r * h_prev]; one matrix (h, x+h) and one bias each."""

    def __init__(self, x, h, bias=True):
        super().__init__()
        self.W = nn.ParameterDict({k: _mat(h, x + h) for k in "zrn"})
        self.b = nn.ParameterDict({k: _vec(h) for k in "zrn"}) if bias else None

    def _b(self, k):
        return self.b[k] if self.b is not None else 0

    def forward(self, x_t, h_prev):
        xh = torch.cat((x_t, h_prev), -1)
        z = torch.sigmoid(xh @ self.W["z"].T + self._b("z"))
        r = torch.sigmoid(xh @ self.W["r"].T + self._b("r"))
        n = torch.tanh(torch.cat((x_t, r * h_prev), -1) @ self.W["n"].T + self._b("n"))
        return (1 - z) * n + z * h_prev


# ------------------------------------------------ Italian course exercise README (GDL18)

def h12f_it_gdl_lstm(D, Hdim):
    """Wi, Wf, Wo, Wg of shape (Hdim, D + Hdim) on z_t = [x_t ; h_{t-1}], biases bi, bf, bo, bg."""
    return _CatLSTM(D, Hdim)


def h12f_it_gdl_gru(x, h):
    """Wz, Wr on [x_t ; h_{t-1}], Wn on [x_t ; r_t * h_{t-1}], biases bz, br, bn."""
    return _CatGRU(x, h)


class _RowGRU(nn.Module):
    """d2l row-vector GRU: X W_x* (x, h) + H W_h* (h, h) + b_* (1, h) for r, z and the candidate;
    reset applied to H before W_hh."""
    _kind = "gru"

    def __init__(self, x, h):
        super().__init__()
        self.Wx = nn.ParameterDict({k: _mat(x, h) for k in "rzh"})
        self.Wh = nn.ParameterDict({k: _mat(h, h) for k in "rzh"})
        self.b = nn.ParameterDict({k: nn.Parameter(torch.zeros(1, h)) for k in "rzh"})

    def forward(self, X, H):
        R = torch.sigmoid(X @ self.Wx["r"] + H @ self.Wh["r"] + self.b["r"])
        Z = torch.sigmoid(X @ self.Wx["z"] + H @ self.Wh["z"] + self.b["z"])
        Ht = torch.tanh(X @ self.Wx["h"] + (R * H) @ self.Wh["h"] + self.b["h"])
        return Z * H + (1 - Z) * Ht


# ------------------------------------------------ Indonesian d2l translation (marshallexperiment/d2l-id)

def h12f_id_d2l_gru(d, h):
    """W_xr, W_xz, W_xh in R^{d x h}; W_hr, W_hz, W_hh in R^{h x h}; b_r, b_z, b_h in R^{1 x h}."""
    return _RowGRU(d, h)


# ------------------------------------------------ Arabic lzwjava blog note, NumPy LSTM class

def h12f_ar_lstmnumpy_lstm(input_size, hidden_size):
    """Wf, Wi, WC, Wo of shape (hidden_size, hidden_size + input_size); bf, bi, bC, bo of shape
    (hidden_size, 1). The concatenation order (h_prev, x) does not change the count."""
    return _CatLSTM(input_size, hidden_size)


# ------------------------------------------------ German GermEval course notebook (Jupytext)

def h12f_de_germeval_elman(input_size, hidden_size):
    """The text documents torch.nn.RNN itself: weight_ih_l0, weight_hh_l0, bias_ih_l0, bias_hh_l0."""
    m = nn.RNN(input_size=input_size, hidden_size=hidden_size, batch_first=True)
    m._kind = "torch_rnn"
    return m


# ------------------------------------------------ German lzwjava blog note, LSTM gates

def h12f_de_lzwlstm_lstm(x, h):
    """W_f, W_i, W_C, W_o on [h_{t-1}, x_t] (h x (h + x)) and b_f, b_i, b_C, b_o."""
    return _CatLSTM(x, h)


class _Elman(nn.Module):
    """h_t = f(W_h h_{t-1} + W_x x_t + b): W_h (h, h), W_x (h, x), one bias b (h)."""
    _kind = "elman"

    def __init__(self, x, h):
        super().__init__()
        self.W_h = _mat(h, h)
        self.W_x = _mat(h, x)
        self.b = _vec(h)

    def forward(self, x_t, h_prev):
        return torch.tanh(self.W_h @ h_prev + self.W_x @ x_t + self.b)


# ------------------------------------------------ Portuguese Jekyll notes (SENAC course PDF)

def h12f_pt_senac_elman(x, h):
    return _Elman(x, h)


def h12f_pt_senac_lstm(x, h):
    """Refuse snippet; the oracle's one reading is a standard LSTM with one matrix on [h_{t-1}, x_t]
    and one bias per gate (f, i, candidate, o)."""
    return _CatLSTM(x, h)


class _SepLSTM(nn.Module):
    """Per gate k in f, i, o, c: W_k (h, h) on h^{(t-1)}, U_k (h, x) on x^{(t)}, b_k (h)."""
    _kind = "lstm"

    def __init__(self, x, h):
        super().__init__()
        self.W = nn.ParameterDict({k: _mat(h, h) for k in "fioc"})
        self.U = nn.ParameterDict({k: _mat(h, x) for k in "fioc"})
        self.b = nn.ParameterDict({k: _vec(h) for k in "fioc"})

    def forward(self, x_t, h_prev, c_prev):
        a = {k: self.W[k] @ h_prev + self.U[k] @ x_t + self.b[k] for k in "fioc"}
        f, i, o = (torch.sigmoid(a[k]) for k in "fio")
        c = f * c_prev + i * torch.tanh(a["c"])
        return o * torch.tanh(c), c


# ------------------------------------------------ Italian NLP course summary notes

def h12f_it_nlpnotes_lstm(n):
    """Every vector has length n ("Tutti i vettori hanno lunghezza n"): x and h are both n."""
    m = _SepLSTM(n, n)
    return m


class _RowStackedElman(nn.Module):
    """z = [h_prev, x_t] @ concat([Wh, Wx], axis=0) + b: Wh (h, h), Wx (x, h), b (h)."""

    def __init__(self, x, h):
        super().__init__()
        self.Wh = _mat(h, h)
        self.Wx = _mat(x, h)
        self.b = _vec(h)

    def forward(self, x_t, h_prev):
        concat = torch.cat((h_prev, x_t), dim=1)
        return torch.tanh(concat @ torch.cat((self.Wh, self.Wx), dim=0) + self.b)


# ------------------------------------------------ Turkish course chapter 02-RNN.md, TF forward step

def h12f_tr_rnnbolum_elman(x, h):
    return _RowStackedElman(x, h)


# ------------------------------------------------ Indonesian rainfall-LSTM project document

def h12f_id_curahhujan_lstm(x, h):
    """W_f, W_i, W_C, W_o on [h_{t-1}, x_t] (h x (h + x)) and b_f, b_i, b_C, b_o."""
    return _CatLSTM(x, h)
