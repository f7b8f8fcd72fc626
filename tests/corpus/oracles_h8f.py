"""Oracles for the h8f set-aside snippets: one function per snippet, returning a torch.nn.Module
whose parameters are exactly the weights the text names, with a forward doing one step."""
import torch
from torch import nn

__all__ = [
    "h8f_tr_aima_elman",
    "h8f_cs_notes_elman_out",
    "h8f_id_book_gru",
    "h8f_pt_blog_elman",
    "h8f_de_thesis_lstm",
    "h8f_uk_report_elman",
    "h8f_tr_jamba_ssm",
    "h8f_de_lexikon_gru_concat",
    "h8f_ar_rased_lstm_step",
    "h8f_de_tiefenref_lstm",
    "h8f_de_tiefenref_mlstm",
    "h8f_it_libro_gru_cho",
    "h8f_tr_rwkv_linear_update",
    "h8f_hi_lesson_elman",
]


def _mat(rows, cols):
    return nn.Parameter(torch.randn(rows, cols) * 0.1)


def _vec(n):
    return nn.Parameter(torch.zeros(n))


# ---------------------------------------------------------------- Elman RNNs

class _TrAimaElman(nn.Module):
    """z_t = g_z(W_zz z_{t-1} + W_xz x_t), y_t = g_y(W_zy z_t); no biases."""

    def __init__(self, x, z, y):
        super().__init__()
        self.W_zz = _mat(z, z)
        self.W_xz = _mat(z, x)
        self.W_zy = _mat(y, z)

    def forward(self, x_t, z_prev):
        z_t = torch.tanh(z_prev @ self.W_zz.T + x_t @ self.W_xz.T)
        return torch.sigmoid(z_t @ self.W_zy.T), z_t


def h8f_tr_aima_elman(x=7, z=5, y=3) -> nn.Module:
    return _TrAimaElman(x, z, y)


class _ElmanOut(nn.Module):
    """h_t = tanh(W_x x_t + W_h h_{t-1} + b), y_t = W_y h_t + b_y."""

    def __init__(self, x, h, y):
        super().__init__()
        self.W_x = _mat(h, x)
        self.W_h = _mat(h, h)
        self.b = _vec(h)
        self.W_y = _mat(y, h)
        self.b_y = _vec(y)

    def forward(self, x_t, h_prev):
        h_t = torch.tanh(x_t @ self.W_x.T + h_prev @ self.W_h.T + self.b)
        return h_t @ self.W_y.T + self.b_y, h_t


def h8f_cs_notes_elman_out(x=7, h=5, y=3) -> nn.Module:
    return _ElmanOut(x, h, y)


class _ElmanOneBias(nn.Module):
    """h_t = f(W_hh h_{t-1} + W_xh x_t + b_h): one recurrent matrix, one input matrix, one bias."""

    def __init__(self, x, h):
        super().__init__()
        self.W_hh = _mat(h, h)
        self.W_xh = _mat(h, x)
        self.b_h = _vec(h)

    def forward(self, x_t, h_prev):
        return torch.tanh(h_prev @ self.W_hh.T + x_t @ self.W_xh.T + self.b_h)


def h8f_pt_blog_elman(x=7, h=5) -> nn.Module:
    """$h_t = f(W_{hh}h_{t-1} + W_{xh}x_t + b_h)$."""
    return _ElmanOneBias(x, h)


def h8f_uk_report_elman(x=7, h=5) -> nn.Module:
    """h(t) = tanh(W·h(t-1) + U·x(t) + b): W on the hidden state (h x h), U on the input (h x x)."""
    return _ElmanOneBias(x, h)


# ---------------------------------------------------------------- GRUs

class _GruResetBefore(nn.Module):
    """GRU with W on x, U on h, one bias per gate, candidate U_h (r * h_{t-1})."""

    def __init__(self, x, h):
        super().__init__()
        for g in ("z", "r", "h"):
            setattr(self, f"W_{g}", _mat(h, x))
            setattr(self, f"U_{g}", _mat(h, h))
            setattr(self, f"b_{g}", _vec(h))

    def forward(self, x_t, h_prev):
        z = torch.sigmoid(x_t @ self.W_z.T + h_prev @ self.U_z.T + self.b_z)
        r = torch.sigmoid(x_t @ self.W_r.T + h_prev @ self.U_r.T + self.b_r)
        hh = torch.tanh(x_t @ self.W_h.T + (r * h_prev) @ self.U_h.T + self.b_h)
        return (1 - z) * h_prev + z * hh


def h8f_id_book_gru(x=7, h=5) -> nn.Module:
    return _GruResetBefore(x, h)


class _GruConcat(nn.Module):
    """z = σ(W_z·[h, x] + b_z), r = σ(W_r·[h, x] + b_r), h~ = tanh(W·[r ⊙ h, x] + b)."""

    def __init__(self, x, h):
        super().__init__()
        self.W_z = _mat(h, h + x)
        self.b_z = _vec(h)
        self.W_r = _mat(h, h + x)
        self.b_r = _vec(h)
        self.W = _mat(h, h + x)
        self.b = _vec(h)

    def forward(self, x_t, h_prev):
        hx = torch.cat([h_prev, x_t], -1)
        z = torch.sigmoid(hx @ self.W_z.T + self.b_z)
        r = torch.sigmoid(hx @ self.W_r.T + self.b_r)
        hh = torch.tanh(torch.cat([r * h_prev, x_t], -1) @ self.W.T + self.b)
        return (1 - z) * h_prev + z * hh


def h8f_de_lexikon_gru_concat(x=7, h=5) -> nn.Module:
    return _GruConcat(x, h)


# ---------------------------------------------------------------- LSTMs

class _LstmWUb(nn.Module):
    """Four gates f, i, c~ (or z), o; each with W (h x x) on x_t, U (h x h) on h_{t-1}, one bias."""

    def __init__(self, x, h, gates=("f", "i", "c", "o")):
        super().__init__()
        self.gates = gates
        for g in gates:
            setattr(self, f"W_{g}", _mat(h, x))
            setattr(self, f"U_{g}", _mat(h, h))
            setattr(self, f"b_{g}", _vec(h))

    def _pre(self, g, x_t, h_prev):
        return x_t @ getattr(self, f"W_{g}").T + h_prev @ getattr(self, f"U_{g}").T + getattr(self, f"b_{g}")

    def forward(self, x_t, h_prev, c_prev):
        f, i, c, o = self.gates
        f_t = torch.sigmoid(self._pre(f, x_t, h_prev))
        i_t = torch.sigmoid(self._pre(i, x_t, h_prev))
        g_t = torch.tanh(self._pre(c, x_t, h_prev))
        o_t = torch.sigmoid(self._pre(o, x_t, h_prev))
        c_t = f_t * c_prev + i_t * g_t
        return o_t * torch.tanh(c_t), c_t


def h8f_de_thesis_lstm(x=7, h=5) -> nn.Module:
    """f_t = sigmoid(W_f * x_t + U_f * h_{t-1} + b_f), ... (W_c, U_c, b_c for the candidate)."""
    return _LstmWUb(x, h)


def h8f_de_tiefenref_lstm(x=7, h=5) -> nn.Module:
    """z_t = φ(w_z' x_t + r_z h_{t−1} + b_z), i, f, o likewise: input weights w (h x x),
    recurrent weights r (h x h), one bias per gate."""
    return _LstmWUb(x, h, gates=("f", "i", "z", "o"))


class _LstmConcat(nn.Module):
    """f = σ(Wf @ [x, h_prev] + bf) etc.: four (h x (x+h)) matrices and four biases."""

    def __init__(self, x, h):
        super().__init__()
        for g in ("f", "i", "c", "o"):
            setattr(self, f"W{g}", _mat(h, x + h))
            setattr(self, f"b{g}", _vec(h))

    def forward(self, x_t, h_prev, c_prev):
        comb = torch.cat([x_t, h_prev], -1)
        f = torch.sigmoid(comb @ self.Wf.T + self.bf)
        i = torch.sigmoid(comb @ self.Wi.T + self.bi)
        ct = torch.tanh(comb @ self.Wc.T + self.bc)
        o = torch.sigmoid(comb @ self.Wo.T + self.bo)
        c = f * c_prev + i * ct
        return o * torch.tanh(c), c


def h8f_ar_rased_lstm_step(x=7, h=5) -> nn.Module:
    return _LstmConcat(x, h)


# ---------------------------------------------------------------- state spaces / xLSTM

class _DenseSSM(nn.Module):
    """h_t = A h_{t-1} + B x_t, y_t = C h_t with dense A, B, C (one reading of a text that
    leaves the shapes open; the snippet is marked refuse)."""

    def __init__(self, x, h, y):
        super().__init__()
        self.A = _mat(h, h)
        self.B = _mat(h, x)
        self.C = _mat(y, h)

    def forward(self, x_t, h_prev):
        h_t = h_prev @ self.A.T + x_t @ self.B.T
        return h_t @ self.C.T, h_t


def h8f_tr_jamba_ssm(x=7, h=5, y=3) -> nn.Module:
    return _DenseSSM(x, h, y)


class _MLSTM(nn.Module):
    """mLSTM as in the xLSTM paper (one head): q, k, v, o projections with biases, scalar
    exponential input gate w_i' x + b_i, scalar forget gate w_f' x + b_f (the snippet elides the
    forget gate's argument and is marked refuse)."""

    def __init__(self, x, d):
        super().__init__()
        self.d = d
        for n in ("q", "k", "v", "o"):
            setattr(self, f"W_{n}", _mat(d, x))
            setattr(self, f"b_{n}", _vec(d))
        self.w_i = nn.Parameter(torch.randn(x) * 0.1)
        self.b_i = nn.Parameter(torch.zeros(()))
        self.w_f = nn.Parameter(torch.randn(x) * 0.1)
        self.b_f = nn.Parameter(torch.zeros(()))

    def forward(self, x_t, C_prev, n_prev):
        q = x_t @ self.W_q.T + self.b_q
        k = (x_t @ self.W_k.T) / self.d ** 0.5 + self.b_k
        v = x_t @ self.W_v.T + self.b_v
        i = torch.exp(x_t @ self.w_i + self.b_i)
        f = torch.sigmoid(x_t @ self.w_f + self.b_f)
        o = torch.sigmoid(x_t @ self.W_o.T + self.b_o)
        C = f[..., None, None] * C_prev + i[..., None, None] * v[..., :, None] * k[..., None, :]
        n = f[..., None] * n_prev + i[..., None] * k
        denom = torch.clamp((n * q).sum(-1, keepdim=True).abs(), min=1.0)
        h = o * (C @ q[..., None]).squeeze(-1) / denom
        return h, C, n


def h8f_de_tiefenref_mlstm(x=7, d=5) -> nn.Module:
    return _MLSTM(x, d)


class _GruConcatCho(_GruConcat):
    """Same weights as _GruConcat (W_z, W_r, W_h on concatenations, one bias each); Cho's update
    h_t = z ⊙ h_{t-1} + (1 - z) ⊙ h~_t."""

    def forward(self, x_t, h_prev):
        hx = torch.cat([h_prev, x_t], -1)
        z = torch.sigmoid(hx @ self.W_z.T + self.b_z)
        r = torch.sigmoid(hx @ self.W_r.T + self.b_r)
        hh = torch.tanh(torch.cat([r * h_prev, x_t], -1) @ self.W.T + self.b)
        return z * h_prev + (1 - z) * hh


def h8f_it_libro_gru_cho(x=7, h=5) -> nn.Module:
    return _GruConcatCho(x, h)


class _RowLinearRecurrence(nn.Module):
    """new_state = input @ weight_input + previous_state @ weight_state + bias_term (row vectors)."""

    def __init__(self, x, h):
        super().__init__()
        self.weight_input = _mat(x, h)
        self.weight_state = _mat(h, h)
        self.bias_term = _vec(h)

    def forward(self, x_t, h_prev):
        return x_t @ self.weight_input + h_prev @ self.weight_state + self.bias_term


def h8f_tr_rwkv_linear_update(x=7, h=5) -> nn.Module:
    return _RowLinearRecurrence(x, h)


class _ElmanWU(nn.Module):
    """h_t = f(W * x_t + U * h_{t-1} + b): W (h x x) on the input, U (h x h) on the state, bias b."""

    def __init__(self, x, h):
        super().__init__()
        self.W = _mat(h, x)
        self.U = _mat(h, h)
        self.b = _vec(h)

    def forward(self, x_t, h_prev):
        return torch.tanh(x_t @ self.W.T + h_prev @ self.U.T + self.b)


def h8f_hi_lesson_elman(x=7, h=5) -> nn.Module:
    return _ElmanWU(x, h)
