import torch
from torch import nn

__all__ = []


def _export(f):
    __all__.append(f.__name__)
    return f


def _p(*shape):
    return nn.Parameter(torch.randn(*shape) * 0.1)


# fastai/fastbook 12_nlp_dive.ipynb, markdown cell "In this picture, ...": the four gates (forget, input,
# cell, output) are "linear layers with n_in + n_hid inputs and n_hid outputs" on the stacked [h, x];
# a linear layer has a bias. 4 n_hid (n_in + n_hid + 1).
@_export
def h17e_fastbook_lstm_prose(n_in=7, n_hid=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.forget_gate = nn.Linear(n_in + n_hid, n_hid)
            self.input_gate = nn.Linear(n_in + n_hid, n_hid)
            self.cell_gate = nn.Linear(n_in + n_hid, n_hid)
            self.output_gate = nn.Linear(n_in + n_hid, n_hid)

        def forward(self, x, state):
            h, c = state
            z = torch.cat([h, x], -1)
            c = c * torch.sigmoid(self.forget_gate(z))
            c = c + torch.sigmoid(self.input_gate(z)) * torch.tanh(self.cell_gate(z))
            h = torch.sigmoid(self.output_gate(z)) * torch.tanh(c)
            return h, (h, c)

    return Cell()


# fastai/fastbook 12_nlp_dive.ipynb, refactored LSTMCell code cell: ih = nn.Linear(ni, 4nh), hh =
# nn.Linear(nh, 4nh), both with their default bias. 4nh(ni + nh) + 8nh.
@_export
def h17e_fastbook_lstmcell_code(ni=7, nh=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.ih = nn.Linear(ni, 4 * nh)
            self.hh = nn.Linear(nh, 4 * nh)

        def forward(self, x, state):
            h, c = state
            gates = (self.ih(x) + self.hh(h)).chunk(4, -1)
            i, f, o = map(torch.sigmoid, gates[:3])
            g = gates[3].tanh()
            c = f * c + i * g
            h = o * c.tanh()
            return h, (h, c)

    return Cell()


# Harvard-IACS/2021-CS109B lecture 20 exercise "Pavlos Recurrent Unit", PRUCell.build: kernel_h (x, units),
# recurrent_kernel_h (units, units), kernel_pp (x, units), recurrent_kernel_pp (units, units), no bias
# (the notebook's model summary: 370 for x=32, units=5). 2 units (x + units).
@_export
def h17e_cs109b_pru(x=7, units=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.kernel_h = _p(x, units)
            self.recurrent_kernel_h = _p(units, units)
            self.kernel_pp = _p(x, units)
            self.recurrent_kernel_pp = _p(units, units)

        def forward(self, inp, h):
            pp = torch.sigmoid(inp @ self.kernel_pp + h @ self.recurrent_kernel_pp)
            return torch.tanh(inp @ self.kernel_h + (pp * h) @ self.recurrent_kernel_h)

    return Cell()


# stored file id 31216260275 (study-course chapter "15. LSTM / GRU"), ### 2. LSTM Equations: W_f, W_i, W_c,
# W_o act on [h_{t-1}, x_t] (h x (h + x)), one bias each. 4h(h + x + 1).
@_export
def h17e_studycourse_lstm(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_f = nn.Linear(h + x, h)
            self.W_i = nn.Linear(h + x, h)
            self.W_c = nn.Linear(h + x, h)
            self.W_o = nn.Linear(h + x, h)

        def forward(self, xt, state):
            hp, cp = state
            z = torch.cat([hp, xt], -1)
            f = torch.sigmoid(self.W_f(z))
            i = torch.sigmoid(self.W_i(z))
            ct = torch.tanh(self.W_c(z))
            c = f * cp + i * ct
            o = torch.sigmoid(self.W_o(z))
            return o * torch.tanh(c), c

    return Cell()


# stored file id 31216260275, ### 3. GRU Equations: W_r, W_z on [h_{t-1}, x_t], W_h on [r_t * h_{t-1}, x_t],
# each h x (h + x), one bias each. 3h(h + x + 1).
@_export
def h17e_studycourse_gru(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_r = nn.Linear(h + x, h)
            self.W_z = nn.Linear(h + x, h)
            self.W_h = nn.Linear(h + x, h)

        def forward(self, xt, hp):
            z_in = torch.cat([hp, xt], -1)
            r = torch.sigmoid(self.W_r(z_in))
            z = torch.sigmoid(self.W_z(z_in))
            hc = torch.tanh(self.W_h(torch.cat([r * hp, xt], -1)))
            return (1 - z) * hp + z * hc

    return Cell()


# zhuxiaoxuhit/zhuxiaoxuhit.github.io _posts/2020-03-12-cheat-sheet.md, ##GRU: row vectors, W_xr, W_xz, W_xh
# (X x H), W_hr, W_hz, W_hh (H x H), b_r, b_z, b_h. 3H(X + H + 1).
@_export
def h17e_zhuxiaoxu_gru(X=7, H=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_xr, self.W_xz, self.W_xh = _p(X, H), _p(X, H), _p(X, H)
            self.W_hr, self.W_hz, self.W_hh = _p(H, H), _p(H, H), _p(H, H)
            self.b_r, self.b_z, self.b_h = _p(H), _p(H), _p(H)

        def forward(self, x, hp):
            r = torch.sigmoid(x @ self.W_xr + hp @ self.W_hr + self.b_r)
            z = torch.sigmoid(x @ self.W_xz + hp @ self.W_hz + self.b_z)
            hc = torch.tanh(x @ self.W_xh + (r * hp) @ self.W_hh + self.b_h)
            return z * hp + (1 - z) * hc

    return Cell()


# LxMLS/lxmls-guide pages/deep_learning/deep_learning_rnn.tex, Algorithm algo:rnnforward: Theta = {W^e (E x I),
# W^x (J x E), W^h (J x J), W^y (K x J)}, no biases. EI + JE + J^2 + KJ.
@_export
def h17e_lxmls_rnn(I=7, E=6, J=5, K=4):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_e = _p(E, I)
            self.W_x = _p(J, E)
            self.W_h = _p(J, J)
            self.W_y = _p(K, J)

        def forward(self, x, h):
            z_e = self.W_e @ x
            h = torch.sigmoid(self.W_x @ z_e + self.W_h @ h)
            p = torch.softmax(self.W_y @ h, -1)
            return p, h

    return Cell()


# comfortablynumb/rust-ml-dl examples/17-lstm-gru/src/main.rs, ## Code Example Pattern: W_f, W_i, W_o, W_c
# act on concatenate(&[h_prev, x_t]) and give h-vectors (they multiply C_prev), so h x (h + x); b_f, b_i, b_o,
# b_c of size h. 4h(h + x + 1).
@_export
def h17e_rustmldl_lstm(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_f, self.W_i, self.W_o, self.W_c = (_p(h, h + x) for _ in range(4))
            self.b_f, self.b_i, self.b_o, self.b_c = (_p(h) for _ in range(4))

        def forward(self, x_t, state):
            h_prev, C_prev = state
            comb = torch.cat([h_prev, x_t], -1)
            f = torch.sigmoid(self.W_f @ comb + self.b_f)
            i = torch.sigmoid(self.W_i @ comb + self.b_i)
            o = torch.sigmoid(self.W_o @ comb + self.b_o)
            C_tilde = torch.tanh(self.W_c @ comb + self.b_c)
            C = f * C_prev + i * C_tilde
            return o * torch.tanh(C), C

    return Cell()


# smorad/um_cisc_7026 lecture_08_recurrent.typ, MGU slide (expect refuse: the slide gives no shapes for
# theta_1..theta_4 and uses overline(x), defined in an earlier lecture). One plausible reading: overline(x) =
# [1; x] (the course's bias-augmented input), theta_1, theta_3 in R^{(x+1) x h}, theta_2, theta_4 in R^{h x h}.
# 2h(x + 1) + 2h^2.
@_export
def h17e_cisc7026_mgu(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.theta_1 = _p(x + 1, h)
            self.theta_2 = _p(h, h)
            self.theta_3 = _p(x + 1, h)
            self.theta_4 = _p(h, h)

        def forward(self, xt, hp):
            xb = torch.cat([torch.ones(1), xt], -1)
            f = torch.sigmoid(xb @ self.theta_1 + hp @ self.theta_2)
            f2 = torch.sigmoid(xb @ self.theta_3 + (f * hp) @ self.theta_4)
            return f * hp + (1 - f) * f2

    return Cell()


# zhuxiaoxuhit/zhuxiaoxuhit.github.io _posts/2020-03-12-cheat-sheet.md, ##LSTM: row vectors, W_x* (X x H),
# W_h* (H x H), b_* (H) for I, F, O and C~. 4H(X + H + 1).
@_export
def h17e_zhuxiaoxu_lstm(X=7, H=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_x = nn.ParameterList([_p(X, H) for _ in range(4)])
            self.W_h = nn.ParameterList([_p(H, H) for _ in range(4)])
            self.b = nn.ParameterList([_p(H) for _ in range(4)])

        def forward(self, x, state):
            hp, cp = state
            a = [x @ self.W_x[k] + hp @ self.W_h[k] + self.b[k] for k in range(4)]
            i, f, o = torch.sigmoid(a[0]), torch.sigmoid(a[1]), torch.sigmoid(a[2])
            c = f * cp + i * torch.tanh(a[3])
            return o * torch.tanh(c), c

    return Cell()


# comfortablynumb/rust-ml-dl examples/17-lstm-gru/src/main.rs, GRU ### Mathematical Formulation: W_z, W_r on
# [h_{t-1}, x_t], W_h on [r_t * h_{t-1}, x_t], each h x (h + x), biases b_z, b_r, b_h. 3h(h + x + 1).
@_export
def h17e_rustmldl_gru(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_z = nn.Linear(h + x, h)
            self.W_r = nn.Linear(h + x, h)
            self.W_h = nn.Linear(h + x, h)

        def forward(self, xt, hp):
            zin = torch.cat([hp, xt], -1)
            z = torch.sigmoid(self.W_z(zin))
            r = torch.sigmoid(self.W_r(zin))
            hc = torch.tanh(self.W_h(torch.cat([r * hp, xt], -1)))
            return (1 - z) * hp + z * hc

    return Cell()
