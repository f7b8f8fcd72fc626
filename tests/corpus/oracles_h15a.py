import torch
from torch import nn

__all__ = []


def _export(f):
    __all__.append(f.__name__)
    return f


def _p(*shape):
    return nn.Parameter(torch.randn(*shape) * 0.1)


# stored file 41678314110 (Swift MLX PyTorchGRU doc comment): the PyTorch GRU formula with
# b_i* and b_h* for every gate, i.e. exactly torch.nn.GRUCell. 3h(x + h + 2).
@_export
def h15a_swiftmlx_pytorchgru(x=7, h=5):
    return nn.GRUCell(x, h)


# stored file 49497862647 (Java MindForge LSTMCell javadoc): W_f, W_i, W_c, W_o act on the
# concatenation [h_{t-1}, x_t] (h x (h + x)), one bias per gate. 4h(h + x + 1).
@_export
def h15a_mindforge_lstm(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_f, self.W_i, self.W_c, self.W_o = (_p(h, h + x) for _ in range(4))
            self.b_f, self.b_i, self.b_c, self.b_o = (_p(h) for _ in range(4))

        def forward(self, xt, hp, cp):
            hx = torch.cat([hp, xt], -1)
            f = torch.sigmoid(hx @ self.W_f.T + self.b_f)
            i = torch.sigmoid(hx @ self.W_i.T + self.b_i)
            ct = torch.tanh(hx @ self.W_c.T + self.b_c)
            c = f * cp + i * ct
            o = torch.sigmoid(hx @ self.W_o.T + self.b_o)
            return o * torch.tanh(c), c

    return Cell()


# stored file 65723732572 (Rust GRUCell doc comment, ```text block): PyTorch GRU formula with
# two biases per gate (b_ir, b_hr, ...), i.e. torch.nn.GRUCell. 3h(x + h + 2).
@_export
def h15a_rustnn_gru(x=7, h=5):
    return nn.GRUCell(x, h)


# stored file 53890281026 (NumPy gru_step kernel docstring): W (3*hidden_dim, input_dim),
# U (3*hidden_dim, hidden_dim), one stacked bias b (3*hidden_dim,); b_n sits on the input side.
# 3 hidden_dim (input_dim + hidden_dim + 1).
@_export
def h15a_numpykernel_gru(input_dim=7, hidden_dim=5):
    hd = hidden_dim

    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W = _p(3 * hd, input_dim)
            self.U = _p(3 * hd, hd)
            self.b = _p(3 * hd)

        def forward(self, xt, hp):
            gx = xt @ self.W.T + self.b
            gh = hp @ self.U.T
            r = torch.sigmoid(gx[..., :hd] + gh[..., :hd])
            z = torch.sigmoid(gx[..., hd:2 * hd] + gh[..., hd:2 * hd])
            n = torch.tanh(gx[..., 2 * hd:] + r * gh[..., 2 * hd:])
            return (1 - z) * hp + z * n

    return Cell()


# stored file 52716825390 (README "GRU Implementation in C and C++", Mathematical Background):
# W_z, W_r on [x, h_prev] and W_h on [x, r ⊙ h_prev], each h x (x + h), biases b_z, b_r, b_h.
# 3h(x + h + 1).
@_export
def h15a_cgrureadme_gru(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_z, self.W_r, self.W_h = (_p(h, x + h) for _ in range(3))
            self.b_z, self.b_r, self.b_h = (_p(h) for _ in range(3))

        def forward(self, xt, hp):
            xh = torch.cat([xt, hp], -1)
            z = torch.sigmoid(xh @ self.W_z.T + self.b_z)
            r = torch.sigmoid(xh @ self.W_r.T + self.b_r)
            ht = torch.tanh(torch.cat([xt, r * hp], -1) @ self.W_h.T + self.b_h)
            return (1 - z) * hp + z * ht

    return Cell()


# stored file 65868945987 (TSX Brain.js LSTM lesson; both the Equation tex block and the code
# comment block): W_f, W_i, W_C, W_o on [h_{t-1}, x_t], one bias per gate. 4h(h + x + 1).
@_export
def h15a_tsxbrainjs_lstm(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_f, self.W_i, self.W_C, self.W_o = (_p(h, h + x) for _ in range(4))
            self.b_f, self.b_i, self.b_C, self.b_o = (_p(h) for _ in range(4))

        def forward(self, xt, hp, cp):
            hx = torch.cat([hp, xt], -1)
            f = torch.sigmoid(hx @ self.W_f.T + self.b_f)
            i = torch.sigmoid(hx @ self.W_i.T + self.b_i)
            Ct = torch.tanh(hx @ self.W_C.T + self.b_C)
            c = f * cp + i * Ct
            o = torch.sigmoid(hx @ self.W_o.T + self.b_o)
            return o * torch.tanh(c), c

    return Cell()


# stored file 5450138469 (Rust QGRUCell::forward comments): W_z, W_r on [h_{t-1}, x_t] and W on
# [r_t * h_{t-1}, x_t], each h x (h + x); no bias is written. 3h(h + x).
@_export
def h15a_qgru_nobias(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_z, self.W_r, self.W = (_p(h, h + x) for _ in range(3))

        def forward(self, xt, hp):
            hx = torch.cat([hp, xt], -1)
            z = torch.sigmoid(hx @ self.W_z.T)
            r = torch.sigmoid(hx @ self.W_r.T)
            ht = torch.tanh(torch.cat([r * hp, xt], -1) @ self.W.T)
            return (1 - z) * hp + z * ht

    return Cell()
