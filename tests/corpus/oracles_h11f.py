"""Oracles for the h11f set-aside snippets: one function per snippet, returning a torch.nn.Module
whose parameters are exactly the weights the text names, with a forward doing one step."""
import torch
from torch import nn

__all__ = [
    "h11f_tr_lstmmimari_lstm",
    "h11f_pt_rnntoy_elman",
    "h11f_id_panduanml_lstm",
    "h11f_tr_sonsuzbellek_gla",
    "h11f_pt_guiarnn_elman",
    "h11f_pt_cripto_lstm",
]


def _mat(rows, cols):
    return nn.Parameter(torch.randn(rows, cols) * 0.1)


def _vec(n):
    return nn.Parameter(torch.zeros(n))


# ---------------------------------------------------------------- Turkish README, PyTorch LSTMCell

class _CatLinearLSTM(nn.Module):
    """One nn.Linear(x + h, h) per gate on cat(x, h_prev): forget, input, candidate, output."""

    def __init__(self, x, h):
        super().__init__()
        self.forget_gate = nn.Linear(x + h, h)
        self.input_gate = nn.Linear(x + h, h)
        self.cell_candidate = nn.Linear(x + h, h)
        self.output_gate = nn.Linear(x + h, h)

    def forward(self, x_t, hidden):
        h_prev, c_prev = hidden
        z = torch.cat((x_t, h_prev), 1)
        f = torch.sigmoid(self.forget_gate(z))
        i = torch.sigmoid(self.input_gate(z))
        g = torch.tanh(self.cell_candidate(z))
        c = f * c_prev + i * g
        o = torch.sigmoid(self.output_gate(z))
        return o * torch.tanh(c), c


def h11f_tr_lstmmimari_lstm(input_dim=10, hidden_dim=20) -> nn.Module:
    return _CatLinearLSTM(input_dim, hidden_dim)


# ---------------------------------------------------------------- Portuguese README, NumPy char-RNN

class _CharRNN(nn.Module):
    """hs[t] = tanh(Wxh x + Whh h + bh), ys[t] = Why hs[t] + by (column vectors)."""

    def __init__(self, v, h):
        super().__init__()
        self.Wxh = _mat(h, v)
        self.Whh = _mat(h, h)
        self.Why = _mat(v, h)
        self.bh = nn.Parameter(torch.zeros(h, 1))
        self.by = nn.Parameter(torch.zeros(v, 1))

    def forward(self, x, h_prev):
        h = torch.tanh(self.Wxh @ x + self.Whh @ h_prev + self.bh)
        return self.Why @ h + self.by, h


def h11f_pt_rnntoy_elman(vocab_size=42, hidden_size=64) -> nn.Module:
    return _CharRNN(vocab_size, hidden_size)


# ---------------------------------------------------------------- Indonesian blog, nn.LSTM stack + head

class _LSTMHead(nn.Module):
    def __init__(self, x, h, layers, k):
        super().__init__()
        self.lstm = nn.LSTM(input_size=x, hidden_size=h, num_layers=layers, batch_first=True)
        self.keluaran = nn.Linear(h, k)

    def forward(self, x):
        _, (h_n, _) = self.lstm(x)
        return self.keluaran(h_n[-1])


def h11f_id_panduanml_lstm(n_fitur=5, ukuran_ingatan=64, n_lapisan=2, n_kelas=2) -> nn.Module:
    return _LSTMHead(n_fitur, ukuran_ingatan, n_lapisan, n_kelas)


# ---------------------------------------------------------------- Turkish README, gated linear attention (refuse)

class _SalienceGLA(nn.Module):
    """One reading (the text does not fix it): x_t of width d_model, q/k in d_state, v in d_model,
    a scalar gate lambda_t = sigma(W_g x_t); S_t in R^{d_state x d_model}."""

    def __init__(self, x, d_state):
        super().__init__()
        self.W_q = _mat(d_state, x)
        self.W_k = _mat(d_state, x)
        self.W_v = _mat(x, x)
        self.W_g = _mat(1, x)

    def forward(self, x_t, S, z, alpha=1.0):
        phi = lambda u: torch.nn.functional.elu(u) + 1.0
        q, k, v = phi(self.W_q @ x_t), phi(self.W_k @ x_t), self.W_v @ x_t
        lam = torch.sigmoid(self.W_g @ x_t)
        S = lam * S + torch.outer(k, v * alpha)
        z = lam * z + k * alpha
        return (q @ S) / (q @ z + 1e-6), S, z


def h11f_tr_sonsuzbellek_gla(x=7, d_state=5) -> nn.Module:
    return _SalienceGLA(x, d_state)


# ---------------------------------------------------------------- Portuguese notes, Ng-style RNN with output

class _NgRNN(nn.Module):
    """a<t> = g(Waa a<t-1> + Wax x<t> + ba), y^<t> = g2(Wya a<t> + by)."""

    def __init__(self, x, a, y):
        super().__init__()
        self.Waa = _mat(a, a)
        self.Wax = _mat(a, x)
        self.ba = _vec(a)
        self.Wya = _mat(y, a)
        self.by = _vec(y)

    def forward(self, x_t, a_prev):
        a_t = torch.tanh(self.Waa @ a_prev + self.Wax @ x_t + self.ba)
        return torch.sigmoid(self.Wya @ a_t + self.by), a_t


def h11f_pt_guiarnn_elman(x=7, a=5, y=3) -> nn.Module:
    return _NgRNN(x, a, y)


# ---------------------------------------------------------------- Portuguese article, concat LSTM

class _ConcatLSTM(nn.Module):
    """g_t = act(W_g [h_{t-1}, x_t] + b_g) for g in f, i, C, o."""

    def __init__(self, x, h):
        super().__init__()
        for g in ("f", "i", "C", "o"):
            setattr(self, f"W{g}", _mat(h, h + x))
            setattr(self, f"b{g}", _vec(h))

    def forward(self, x_t, h_prev, c_prev):
        z = torch.cat([h_prev, x_t])
        f = torch.sigmoid(self.Wf @ z + self.bf)
        i = torch.sigmoid(self.Wi @ z + self.bi)
        g = torch.tanh(self.WC @ z + self.bC)
        c = f * c_prev + i * g
        o = torch.sigmoid(self.Wo @ z + self.bo)
        return o * torch.tanh(c), c


def h11f_pt_cripto_lstm(x=7, h=5) -> nn.Module:
    return _ConcatLSTM(x, h)
