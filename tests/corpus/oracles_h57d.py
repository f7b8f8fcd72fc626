"""Oracles for the h57d set-aside snippets (heldout57), as its gatherer wrote them."""
import torch
from torch import nn

__all__ = []


def _export(f):
    __all__.append(f.__name__)
    return f


def _p(*shape):
    return nn.Parameter(torch.randn(*shape) * 0.1)


# AkiRusProd/numpy-nn-model neunet/nn/layers/gru.py, comment block in GRU.forward:
# Z_t = rnl(x_t * weight_z + h_t-1 * U_z + bias_z), R_t likewise with weight_r, U_r, bias_r,
# C_t = nl(x_t * weight_h + R_t * h_t-1 * U_h + bias_h) read as (R_t o h_{t-1}) U_h (reset before the product),
# H_t = z_t * H_t-1 + (1 - z_t) * C_t (z_t = Z_t, H_t = h_t). weight_k: x -> h, U_k: h x h, bias_k: h, k in z, r, h.
# Count: 3*(x*h + h*h + h).
@_export
def h57d_neunet_gru(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.weight = nn.ParameterDict({k: _p(x, h) for k in "zrh"})
            self.U = nn.ParameterDict({k: _p(h, h) for k in "zrh"})
            self.bias = nn.ParameterDict({k: _p(h) for k in "zrh"})

        def forward(self, x_t, h_prev):
            z = torch.sigmoid(x_t @ self.weight["z"] + h_prev @ self.U["z"] + self.bias["z"])
            r = torch.sigmoid(x_t @ self.weight["r"] + h_prev @ self.U["r"] + self.bias["r"])
            c = torch.tanh(x_t @ self.weight["h"] + (r * h_prev) @ self.U["h"] + self.bias["h"])
            return z * h_prev + (1 - z) * c
    return Cell()


# keywind127/keydnn_v2 src/keydnn/infrastructure/recurrent/_gru_module.py, module docstring: a_z = x_t W_iz + h_{t-1} W_hz + b_z,
# a_r likewise, a_n = x_t W_in + (r * h_{t-1}) W_hn + b_n, h_t = (1 - z) * n + z * h_{t-1}; "Parameter packing": the cell stores
# W_ih (D, 3H), W_hh (H, 3H), b_ih (3H,), b_hh (3H,) -- the per-gate b_z of the equations is read as b_ih part + b_hh part
# (the storage list is explicit; the code indeed adds the two slices). Count: 3H*D + 3H*H + 3H + 3H = 3H(D + H + 2).
@_export
def h57d_keydnn_gru(D=7, H=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_ih = _p(D, 3 * H)
            self.W_hh = _p(H, 3 * H)
            self.b_ih = _p(3 * H)
            self.b_hh = _p(3 * H)

        def forward(self, x_t, h_prev):
            Wiz, Wir, Win = self.W_ih.split(H, dim=1)
            Whz, Whr, Whn = self.W_hh.split(H, dim=1)
            bz, br, bn = (self.b_ih + self.b_hh).split(H)
            z = torch.sigmoid(x_t @ Wiz + h_prev @ Whz + bz)
            r = torch.sigmoid(x_t @ Wir + h_prev @ Whr + br)
            n = torch.tanh(x_t @ Win + (r * h_prev) @ Whn + bn)
            return (1 - z) * n + z * h_prev
    return Cell()


# EderSantana/seya seya/layers/conv_rnn.py, ConvRNN docstring: H_t = activation(conv(H_tm1, W_hh) + conv(X_t, W_ih) + b),
# W being filters; filter_dim = [nb_filters, nb_row, nb_col], frames [nb_channels, nb_row(s), nb_col(s)].
# Most plausible reading (the snippet is marked refuse: b's size is never stated and the filter's nb_row, nb_col share
# their names with the frame's): W_hh nb_filters x nb_filters x nb_row x nb_col, W_ih nb_filters x nb_channels x nb_row x
# nb_col, one bias per filter. ('same' convolutions, as the code's border_mode = 'same'.)
# Count: F*F*r*c + F*C*r*c + F.
@_export
def h57d_seya_convrnn(nb_filters=4, nb_channels=2, nb_row=3, nb_col=5):
    F, C, r, c = nb_filters, nb_channels, nb_row, nb_col

    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_hh = _p(F, F, r, c)
            self.W_ih = _p(F, C, r, c)
            self.b = _p(F)

        def forward(self, X_t, H_tm1):
            pad = (r // 2, c // 2)
            a = nn.functional.conv2d(H_tm1, self.W_hh, padding=pad) + nn.functional.conv2d(X_t, self.W_ih, padding=pad)
            return torch.tanh(a + self.b.view(1, F, 1, 1))
    return Cell()


# RPP1011/rl4burn crates/rl4burn-nn/src/rnn.rs, BlockGruCell (DreamerV3 block-diagonal GRU), bare Rust code:
# ih = Linear(input_size -> 3*hidden_size), hh_blocks = n_blocks x Linear(block_size -> 3*block_size), block_size =
# hidden_size / n_blocks; Burn's Linear has a bias by default. Per block b: r = sig(r_i + r_h), z = sig(z_i + z_h),
# n = tanh(n_i + r * n_h), h' = (1 - z) * n + z * h (r applied after the block's matmul). n_blocks defaults to 8.
# Count: 3h*x + 3h + n_blocks*(bs*3bs + 3bs).
@_export
def h57d_rl4burn_blockgru(input_size=7, hidden_size=16, n_blocks=8):
    x, h, nb = input_size, hidden_size, n_blocks
    bs = h // nb

    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.ih = nn.Linear(x, 3 * h)
            self.hh_blocks = nn.ModuleList([nn.Linear(bs, 3 * bs) for _ in range(nb)])

        def forward(self, x_t, h_prev):
            ih = self.ih(x_t)
            parts = []
            for b in range(nb):
                hb = h_prev[:, b * bs:(b + 1) * bs]
                r_h, z_h, n_h = self.hh_blocks[b](hb).split(bs, dim=1)
                r_i = ih[:, b * bs:(b + 1) * bs]
                z_i = ih[:, h + b * bs:h + (b + 1) * bs]
                n_i = ih[:, 2 * h + b * bs:2 * h + (b + 1) * bs]
                r = torch.sigmoid(r_i + r_h)
                z = torch.sigmoid(z_i + z_h)
                n = torch.tanh(n_i + r * n_h)
                parts.append((1 - z) * n + z * hb)
            return torch.cat(parts, dim=1)
    return Cell()


# JakobHavtorn/nn nn/rnn.py, class RNN docstring: h[:,t+1] = tanh(Whh * h[:,t] + Whx * X[:,t] + bh),
# Whx (H, D), Whh (H, H), b (H) (bh of the formula = b of the shape list). Count: H*D + H*H + H.
@_export
def h57d_havtorn_rnn(D=7, H=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.Whx = _p(H, D)
            self.Whh = _p(H, H)
            self.b = _p(H)

        def forward(self, x_t, h_t):
            return torch.tanh(h_t @ self.Whh.T + x_t @ self.Whx.T + self.b)
    return Cell()


# keywind127/keydnn_v2 src/keydnn/infrastructure/recurrent/_lstm_module.py, module docstring:
# gates = x_t W_ih + h_{t-1} W_hh + b_ih + b_hh, [i, f, g, o] = [sigmoid, sigmoid, tanh, sigmoid](gates),
# c_t = f * c_{t-1} + i * g, h_t = o * tanh(c_t); input (T, N, D), biases expanded to (N, 4H), so W_ih: D x 4H,
# W_hh: H x 4H, b_ih, b_hh: 4H. Count: 4H*D + 4H*H + 8H = 4H(D + H + 2).
@_export
def h57d_keydnn_lstm(D=7, H=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_ih = _p(D, 4 * H)
            self.W_hh = _p(H, 4 * H)
            self.b_ih = _p(4 * H)
            self.b_hh = _p(4 * H)

        def forward(self, x_t, h_prev, c_prev):
            gates = x_t @ self.W_ih + h_prev @ self.W_hh + self.b_ih + self.b_hh
            i, f, g, o = gates.split(H, dim=1)
            c = torch.sigmoid(f) * c_prev + torch.sigmoid(i) * torch.tanh(g)
            return torch.sigmoid(o) * torch.tanh(c), c
    return Cell()


# jpeg729/pytorch_bits README.md, Chaos Free Network: h_t = f * tanh(h_tm1) + i * tanh(Wx), where
# f, i = sigmoid(Wx + Vh_tm1 + b). Marked refuse: one formula stands for both gates, and whether the candidate's Wx
# is the gates' W is not said. Most plausible reading (the CFN paper's): each gate k in f, i has its own W_k (h x x),
# V_k (h x h), b_k (h); the candidate has its own W (h x x) and no bias. Count: 2*(h*x + h*h + h) + h*x.
@_export
def h57d_pytorchbits_cfn(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W = nn.ParameterDict({k: _p(h, x) for k in "fic"})
            self.V = nn.ParameterDict({k: _p(h, h) for k in "fi"})
            self.b = nn.ParameterDict({k: _p(h) for k in "fi"})

        def forward(self, x_t, h_tm1):
            f = torch.sigmoid(x_t @ self.W["f"].T + h_tm1 @ self.V["f"].T + self.b["f"])
            i = torch.sigmoid(x_t @ self.W["i"].T + h_tm1 @ self.V["i"].T + self.b["i"])
            return f * torch.tanh(h_tm1) + i * torch.tanh(x_t @ self.W["c"].T)
    return Cell()


# cjratcliff/ml-compiled docs/sequence.rst, GRU section: r_t = sigma(W_r x_t + U_r h_{t-1}),
# z_t = sigma(W_z x_t + U_z h_{t-1}), h~_t = tanh(Wx + U(h_{t-1}*r)), h_t = z_t*h_{t-1} + (1-z)*h~_t;
# "Note the lack of bias terms". Each of W_r, W_z, W: h x x; U_r, U_z, U: h x h. Count: 3*(h*x + h*h).
@_export
def h57d_mlcompiled_gru(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W = nn.ParameterDict({k: _p(h, x) for k in "rzc"})
            self.U = nn.ParameterDict({k: _p(h, h) for k in "rzc"})

        def forward(self, x_t, h_prev):
            r = torch.sigmoid(x_t @ self.W["r"].T + h_prev @ self.U["r"].T)
            z = torch.sigmoid(x_t @ self.W["z"].T + h_prev @ self.U["z"].T)
            ht = torch.tanh(x_t @ self.W["c"].T + (h_prev * r) @ self.U["c"].T)
            return z * h_prev + (1 - z) * ht
    return Cell()


# IlyaKasiutin/FOSII nn/layers/lstm.py, LSTM.__init__(n_inputs, n_hidden, n_outputs) docstring: four gates
# f, i, c~, o each sigmoid/tanh(W_k @ x_t + U_k @ h_{t-1} + b_k); c_t = f_t*c_{t-1} + i_t*c~; h_t = o_t*tanh(c_t);
# output y_t = V @ h_t (no bias). W_k: n_hidden x n_inputs, U_k: n_hidden x n_hidden, b_k: n_hidden,
# V: n_outputs x n_hidden. Count: 4*(n_hidden*n_inputs + n_hidden^2 + n_hidden) + n_outputs*n_hidden.
@_export
def h57d_fosii_lstm(n_inputs=7, n_hidden=5, n_outputs=3):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W = nn.ParameterDict({k: _p(n_hidden, n_inputs) for k in "fico"})
            self.U = nn.ParameterDict({k: _p(n_hidden, n_hidden) for k in "fico"})
            self.b = nn.ParameterDict({k: _p(n_hidden) for k in "fico"})
            self.V = _p(n_outputs, n_hidden)

        def _g(self, k, x_t, h_prev):
            return x_t @ self.W[k].T + h_prev @ self.U[k].T + self.b[k]

        def forward(self, x_t, h_prev, c_prev):
            f = torch.sigmoid(self._g("f", x_t, h_prev))
            i = torch.sigmoid(self._g("i", x_t, h_prev))
            ct = torch.tanh(self._g("c", x_t, h_prev))
            c = f * c_prev + i * ct
            h = torch.sigmoid(self._g("o", x_t, h_prev)) * torch.tanh(c)
            return h @ self.V.T, h, c
    return Cell()


# IlyaKasiutin/FOSII nn/layers/gru.py, GRU.__init__(n_inputs, n_hidden, n_outputs) docstring:
# r_t = sigmoid(W_r @ x_t + U_r @ h_{t-1}), z_t = sigmoid(W_z @ x_t + U_z @ h_{t-1}),
# h_tilde = tanh(W_h @ x_t + U_h @ (r_t * h_{t-1})), h_t = (1 - z_t) * h_{t-1} + z_t * h_tilde, output V @ h_t.
# No biases written. W_k: n_hidden x n_inputs, U_k: n_hidden x n_hidden, V: n_outputs x n_hidden.
# Count: 3*(n_hidden*n_inputs + n_hidden^2) + n_outputs*n_hidden.
@_export
def h57d_fosii_gru(n_inputs=7, n_hidden=5, n_outputs=3):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W = nn.ParameterDict({k: _p(n_hidden, n_inputs) for k in "rzh"})
            self.U = nn.ParameterDict({k: _p(n_hidden, n_hidden) for k in "rzh"})
            self.V = _p(n_outputs, n_hidden)

        def forward(self, x_t, h_prev):
            r = torch.sigmoid(x_t @ self.W["r"].T + h_prev @ self.U["r"].T)
            z = torch.sigmoid(x_t @ self.W["z"].T + h_prev @ self.U["z"].T)
            ht = torch.tanh(x_t @ self.W["h"].T + (r * h_prev) @ self.U["h"].T)
            h = (1 - z) * h_prev + z * ht
            return h @ self.V.T, h
    return Cell()
