"""Oracles for the h4f set-aside snippets (heldout4)."""
import torch
from torch import nn

__all__ = [
    "h4f_torch_grucell",
    "h4f_torch_rnncell",
    "h4f_torch_lstmcell",
    "h4f_torch_rnn_layer",
    "h4f_lti_state_space",
    "h4f_gru_block_cell",
    "h4f_lti_ssm_siso",
    "h4f_siso_ssm_x",
    "h4f_mgu_cell",
    "h4f_minimal_rnn_cell",
    "h4f_brainscale_lru",
    "h4f_gru_single_bias",
    "h4f_relu_rnn_two_bias",
    "h4f_gru_reset_before",
    "h4f_retnet_ssm_scalar_input",
    "h4f_lstm_concat",
    "h4f_sru_highway",
    "h4f_lstm_one_bias_per_gate",
    "h4f_mamba_selective_ssm",
]


class _TorchCell(nn.Module):
    def __init__(self, cell, x, h, state):
        super().__init__()
        self.cell = cell
        self._x, self._h, self._state = x, h, state

    def forward(self, x, state):
        return self.cell(x, state)

    def example(self):
        x = torch.randn(2, self._x)
        if self._state == "lstm":
            return x, (torch.randn(2, self._h), torch.randn(2, self._h))
        return x, torch.randn(2, self._h)


def h4f_torch_grucell(x, h):
    return _TorchCell(nn.GRUCell(x, h), x, h, "h")


def h4f_torch_rnncell(x, h):
    return _TorchCell(nn.RNNCell(x, h), x, h, "h")


class _StateSpace(nn.Module):
    """x' = A x + B u, y = C x + D u (full matrices)."""

    def __init__(self, x, u, y):
        super().__init__()
        self.A = nn.Parameter(torch.randn(x, x))
        self.B = nn.Parameter(torch.randn(x, u))
        self.C = nn.Parameter(torch.randn(y, x))
        self.D = nn.Parameter(torch.randn(y, u))
        self._x, self._u = x, u

    def forward(self, x, u):
        dx = x @ self.A.T + u @ self.B.T
        y = x @ self.C.T + u @ self.D.T
        return dx, y

    def example(self):
        return torch.randn(2, self._x), torch.randn(2, self._u)


def h4f_lti_state_space(x, u, y):
    return _StateSpace(x, u, y)


class _GRUBlockCell(nn.Module):
    """TF GRUBlockCell: [x, h] * w_ru + b_ru -> r, u; [x, r*h] * w_c + b_c -> c."""

    def __init__(self, x, h):
        super().__init__()
        self.w_ru = nn.Parameter(torch.randn(x + h, 2 * h))
        self.b_ru = nn.Parameter(torch.randn(2 * h))
        self.w_c = nn.Parameter(torch.randn(x + h, h))
        self.b_c = nn.Parameter(torch.randn(h))
        self._x, self._h = x, h

    def forward(self, x, h_prev):
        ru = torch.cat([x, h_prev], -1) @ self.w_ru + self.b_ru
        r, u = torch.sigmoid(ru).chunk(2, -1)
        c = torch.tanh(torch.cat([x, h_prev * r], -1) @ self.w_c + self.b_c)
        return (1 - u) * c + u * h_prev

    def example(self):
        return torch.randn(2, self._x), torch.randn(2, self._h)


def h4f_gru_block_cell(x, h):
    return _GRUBlockCell(x, h)


class _SisoSSM(nn.Module):
    """h_k = A h_{k-1} + B x_k, y_k = C h_k + D x_k with A (N,N), B (N,1), C (1,N), D (1,1)."""

    def __init__(self, N):
        super().__init__()
        self.A = nn.Parameter(torch.randn(N, N) * 0.1)
        self.B = nn.Parameter(torch.randn(N, 1))
        self.C = nn.Parameter(torch.randn(1, N))
        self.D = nn.Parameter(torch.randn(1, 1))
        self._N = N

    def forward(self, x, h):
        h = h @ self.A.T + x @ self.B.T
        return h, h @ self.C.T + x @ self.D.T

    def example(self):
        return torch.randn(2, 1), torch.randn(2, self._N)


def h4f_lti_ssm_siso(N):
    return _SisoSSM(N)


class _SelectiveSSM(nn.Module):
    """Mamba selective SSM: d_in = 2d, Delta_R = d/16."""

    def __init__(self, d, N):
        super().__init__()
        d_in, r = 2 * d, d // 16
        self.A_log = nn.Parameter(torch.randn(d_in, N))
        self.W_B = nn.Parameter(torch.randn(d_in, N))
        self.W_C = nn.Parameter(torch.randn(d_in, N))
        self.D = nn.Parameter(torch.randn(d_in))
        self.W_Delta1 = nn.Parameter(torch.randn(d_in, r))
        self.W_Delta2 = nn.Parameter(torch.randn(r, d_in))
        self.Delta_bias = nn.Parameter(torch.randn(d_in))
        self._d_in, self._N = d_in, N

    def forward(self, x, h):
        A = -torch.exp(self.A_log)
        B = x @ self.W_B
        C = x @ self.W_C
        delta = nn.functional.softplus(x @ self.W_Delta1 @ self.W_Delta2 + self.Delta_bias)
        A_bar = torch.exp(delta.unsqueeze(-1) * A)
        h = A_bar * h + delta.unsqueeze(-1) * B.unsqueeze(-2) * x.unsqueeze(-1)
        y = (h * C.unsqueeze(-2)).sum(-1) + self.D * x
        return h, y

    def example(self):
        return torch.randn(2, self._d_in), torch.randn(2, self._d_in, self._N)


def h4f_mamba_selective_ssm(d, N):
    return _SelectiveSSM(d, N)


def h4f_siso_ssm_x(x):
    """Discrete SISO state space with state size x: a (x,x), b (x), c (x), d (1,1)."""
    return _SisoSSM(x)


class _MGU(nn.Module):
    """f = sig(W_f x + U_f h + b_f); hh = phi(W_h x + U_h (f*h) + b_h); h = (1-f) h + f hh."""

    def __init__(self, x, h):
        super().__init__()
        self.W_f = nn.Parameter(torch.randn(h, x))
        self.U_f = nn.Parameter(torch.randn(h, h))
        self.b_f = nn.Parameter(torch.randn(h))
        self.W_h = nn.Parameter(torch.randn(h, x))
        self.U_h = nn.Parameter(torch.randn(h, h))
        self.b_h = nn.Parameter(torch.randn(h))
        self._x, self._h = x, h

    def forward(self, x, h):
        f = torch.sigmoid(x @ self.W_f.T + h @ self.U_f.T + self.b_f)
        hh = torch.tanh(x @ self.W_h.T + (f * h) @ self.U_h.T + self.b_h)
        return (1 - f) * h + f * hh

    def example(self):
        return torch.randn(2, self._x), torch.randn(2, self._h)


def h4f_mgu_cell(x, h):
    return _MGU(x, h)


class _MinimalRNN(nn.Module):
    """z = tanh(W_x x + b_z); u = sig(U_h h + U_z z + b_u); h = u h + (1-u) z."""

    def __init__(self, x, h):
        super().__init__()
        self.W_x = nn.Parameter(torch.randn(h, x))
        self.b_z = nn.Parameter(torch.randn(h))
        self.U_h = nn.Parameter(torch.randn(h, h))
        self.U_z = nn.Parameter(torch.randn(h, h))
        self.b_u = nn.Parameter(torch.randn(h))
        self._x, self._h = x, h

    def forward(self, x, h):
        z = torch.tanh(x @ self.W_x.T + self.b_z)
        u = torch.sigmoid(h @ self.U_h.T + z @ self.U_z.T + self.b_u)
        return u * h + (1 - u) * z

    def example(self):
        return torch.randn(2, self._x), torch.randn(2, self._h)


def h4f_minimal_rnn_cell(x, h):
    return _MinimalRNN(x, h)


class _BrainscaleLRU(nn.Module):
    """The library's own LRUCell: nu_log, theta_log, gamma_log (d_hidden), complex B, C as
    re/im pairs, diagonal D (d_model). Count left open by the text (expect: refuse)."""

    def __init__(self, d_model, d_hidden):
        super().__init__()
        self.nu_log = nn.Parameter(torch.randn(d_hidden))
        self.theta_log = nn.Parameter(torch.randn(d_hidden))
        self.gamma_log = nn.Parameter(torch.randn(d_hidden))
        self.B_re = nn.Parameter(torch.randn(d_hidden, d_model))
        self.B_im = nn.Parameter(torch.randn(d_hidden, d_model))
        self.C_re = nn.Parameter(torch.randn(d_model, d_hidden))
        self.C_im = nn.Parameter(torch.randn(d_model, d_hidden))
        self.D = nn.Parameter(torch.randn(d_model))
        self._m, self._n = d_model, d_hidden

    def forward(self, x, h_re, h_im):
        mod = torch.exp(-torch.exp(self.nu_log))
        ph = torch.exp(self.theta_log)
        a, b = mod * torch.cos(ph), mod * torch.sin(ph)
        g = torch.exp(self.gamma_log)
        n_re = a * h_re - b * h_im + g * (x @ self.B_re.T)
        n_im = b * h_re + a * h_im + g * (x @ self.B_im.T)
        y = n_re @ self.C_re.T - n_im @ self.C_im.T + self.D * x
        return n_re, n_im, y

    def example(self):
        return torch.randn(2, self._m), torch.randn(2, self._n), torch.randn(2, self._n)


def h4f_brainscale_lru(d_model, d_hidden):
    return _BrainscaleLRU(d_model, d_hidden)


class _GRUSingleBias(nn.Module):
    """r, z = sig(x W_ih.T + h W_hh.T + b); n = tanh(x W_ih_n.T + r * (h W_hh_n.T) + b_n)."""

    def __init__(self, x, h):
        super().__init__()
        self.W_ih = nn.Parameter(torch.randn(3 * h, x))
        self.W_hh = nn.Parameter(torch.randn(3 * h, h))
        self.b = nn.Parameter(torch.randn(3 * h))
        self._x, self._h = x, h

    def forward(self, x, h):
        gi = x @ self.W_ih.T
        gh = h @ self.W_hh.T
        i_r, i_z, i_n = gi.chunk(3, -1)
        h_r, h_z, h_n = gh.chunk(3, -1)
        b_r, b_z, b_n = self.b.chunk(3)
        r = torch.sigmoid(i_r + h_r + b_r)
        z = torch.sigmoid(i_z + h_z + b_z)
        n = torch.tanh(i_n + r * h_n + b_n)
        return (1 - z) * n + z * h

    def example(self):
        return torch.randn(2, self._x), torch.randn(2, self._h)


def h4f_gru_single_bias(x, h):
    return _GRUSingleBias(x, h)


class _ReluRNN(nn.Module):
    """h = ReLU(w_i x + b_i + w_h h + b_h)."""

    def __init__(self, x, h):
        super().__init__()
        self.w_i = nn.Parameter(torch.randn(h, x))
        self.b_i = nn.Parameter(torch.randn(h))
        self.w_h = nn.Parameter(torch.randn(h, h))
        self.b_h = nn.Parameter(torch.randn(h))
        self._x, self._h = x, h

    def forward(self, x, h):
        return torch.relu(x @ self.w_i.T + self.b_i + h @ self.w_h.T + self.b_h)

    def example(self):
        return torch.randn(2, self._x), torch.randn(2, self._h)


def h4f_relu_rnn_two_bias(x, h):
    return _ReluRNN(x, h)


class _GRUResetBefore(nn.Module):
    """z, r = sig(W_i x + W_h h + b); a = tanh(W_ia x + W_ha (r*h) + b_a); h = (1-z) h + z a."""

    def __init__(self, x, h):
        super().__init__()
        self.W_iz = nn.Parameter(torch.randn(h, x))
        self.W_hz = nn.Parameter(torch.randn(h, h))
        self.b_z = nn.Parameter(torch.randn(h))
        self.W_ir = nn.Parameter(torch.randn(h, x))
        self.W_hr = nn.Parameter(torch.randn(h, h))
        self.b_r = nn.Parameter(torch.randn(h))
        self.W_ia = nn.Parameter(torch.randn(h, x))
        self.W_ha = nn.Parameter(torch.randn(h, h))
        self.b_a = nn.Parameter(torch.randn(h))
        self._x, self._h = x, h

    def forward(self, x, h):
        z = torch.sigmoid(x @ self.W_iz.T + h @ self.W_hz.T + self.b_z)
        r = torch.sigmoid(x @ self.W_ir.T + h @ self.W_hr.T + self.b_r)
        a = torch.tanh(x @ self.W_ia.T + (r * h) @ self.W_ha.T + self.b_a)
        return (1 - z) * h + z * a

    def example(self):
        return torch.randn(2, self._x), torch.randn(2, self._h)


def h4f_gru_reset_before(x, h):
    return _GRUResetBefore(x, h)


class _ScalarInputSSM(nn.Module):
    """s_{n+1} = A s_n + K u_n (scalar u), o_n = Q s_n; A (d,d), K (d), Q (1,d)."""

    def __init__(self, hidden_dim):
        super().__init__()
        self.A = nn.Parameter(0.05 * torch.randn(hidden_dim, hidden_dim))
        self.K = nn.Parameter(0.05 * torch.randn(hidden_dim))
        self.Q = nn.Parameter(0.05 * torch.randn(1, hidden_dim))
        self._d = hidden_dim

    def forward(self, u, s):
        s = s @ self.A.T + u * self.K
        return s, s @ self.Q.T

    def example(self):
        return torch.randn(2, 1), torch.randn(2, self._d)


def h4f_retnet_ssm_scalar_input(hidden_dim):
    return _ScalarInputSSM(hidden_dim)


def h4f_torch_lstmcell(x, h):
    return _TorchCell(nn.LSTMCell(x, h), x, h, "lstm")


class _LSTMConcat(nn.Module):
    """Gates W_g . [h, x] + b_g for g in f, i, o, c (one weight and one bias per gate)."""

    def __init__(self, x, h):
        super().__init__()
        self.W_f = nn.Parameter(torch.randn(h, h + x))
        self.b_f = nn.Parameter(torch.randn(h))
        self.W_i = nn.Parameter(torch.randn(h, h + x))
        self.b_i = nn.Parameter(torch.randn(h))
        self.W_o = nn.Parameter(torch.randn(h, h + x))
        self.b_o = nn.Parameter(torch.randn(h))
        self.W_c = nn.Parameter(torch.randn(h, h + x))
        self.b_c = nn.Parameter(torch.randn(h))
        self._x, self._h = x, h

    def forward(self, x, state):
        h, c = state
        hx = torch.cat([h, x], -1)
        f = torch.sigmoid(hx @ self.W_f.T + self.b_f)
        i = torch.sigmoid(hx @ self.W_i.T + self.b_i)
        o = torch.sigmoid(hx @ self.W_o.T + self.b_o)
        c = f * c + i * torch.tanh(hx @ self.W_c.T + self.b_c)
        return o * torch.tanh(c), c

    def example(self):
        return torch.randn(2, self._x), (torch.randn(2, self._h), torch.randn(2, self._h))


def h4f_lstm_concat(x, h):
    return _LSTMConcat(x, h)


class _SRU(nn.Module):
    """j = W_xj x; f = sig(W_xf x + b_f); r = sig(W_xr x + b_r); c = f c + (1-f) j; h = r tanh(c) + (1-r) x."""

    def __init__(self, x, h):
        super().__init__()
        assert x == h, "the highway term needs input size = hidden size"
        self.W_xj = nn.Parameter(torch.randn(h, x))
        self.W_xf = nn.Parameter(torch.randn(h, x))
        self.b_f = nn.Parameter(torch.randn(h))
        self.W_xr = nn.Parameter(torch.randn(h, x))
        self.b_r = nn.Parameter(torch.randn(h))
        self._x, self._h = x, h

    def forward(self, x, c):
        j = x @ self.W_xj.T
        f = torch.sigmoid(x @ self.W_xf.T + self.b_f)
        r = torch.sigmoid(x @ self.W_xr.T + self.b_r)
        c = f * c + (1 - f) * j
        return r * torch.tanh(c) + (1 - r) * x, c

    def example(self):
        return torch.randn(2, self._x), torch.randn(2, self._h)


def h4f_sru_highway(x, h):
    return _SRU(x, h)


class _LSTMOneBias(nn.Module):
    """Gates W_xg x + W_hg h + b_g for g in i, f, o, j."""

    def __init__(self, x, h):
        super().__init__()
        self.W_x = nn.Parameter(torch.randn(4 * h, x))
        self.W_h = nn.Parameter(torch.randn(4 * h, h))
        self.b = nn.Parameter(torch.randn(4 * h))
        self._x, self._h = x, h

    def forward(self, x, state):
        h, c = state
        i, f, o, j = (x @ self.W_x.T + h @ self.W_h.T + self.b).chunk(4, -1)
        c = torch.sigmoid(i) * torch.tanh(j) + torch.sigmoid(f) * c
        return torch.sigmoid(o) * torch.tanh(c), c

    def example(self):
        return torch.randn(2, self._x), (torch.randn(2, self._h), torch.randn(2, self._h))


def h4f_lstm_one_bias_per_gate(x, h):
    return _LSTMOneBias(x, h)


class _TorchRNNLayer(nn.Module):
    def __init__(self, x, h):
        super().__init__()
        self.rnn = nn.RNN(x, h)
        self._x, self._h = x, h

    def forward(self, x, h0):
        return self.rnn(x, h0)

    def example(self):
        return torch.randn(1, 2, self._x), torch.randn(1, 2, self._h)


def h4f_torch_rnn_layer(x, h):
    return _TorchRNNLayer(x, h)
