import torch
from torch import nn

__all__ = []


def _export(f):
    __all__.append(f.__name__)
    return f


def _p(*shape):
    return nn.Parameter(torch.randn(*shape) * 0.1)


# stored file id 41280721903 (Markdown note, ## LSTM). Per gate f, i, o, g: W_x (h x x), W_h (h x h),
# b (h). The x_i in the input gate is read as x_t. 4h(x + h + 1).
@_export
def h19f_mathnote_lstm(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.Wx = nn.ParameterDict({g: _p(h, x) for g in "fiog"})
            self.Wh = nn.ParameterDict({g: _p(h, h) for g in "fiog"})
            self.b = nn.ParameterDict({g: _p(h) for g in "fiog"})

        def forward(self, x_t, h_prev, c_prev):
            pre = {g: self.Wx[g] @ x_t + self.Wh[g] @ h_prev + self.b[g] for g in "fiog"}
            f, i, o = (torch.sigmoid(pre[k]) for k in "fio")
            g = torch.tanh(pre["g"])
            c = f * c_prev + g * i
            return o * torch.tanh(c), c

    return Cell()


# stored file id 41280721903 (Markdown note, ## ConvLSTM). expect refuse: the kernel size of the
# convolutions W_x^{(.)} * x and W_h^{(.)} * h is never given (nor whether b is per channel or per pixel).
# One plausible reading: k x k kernels (k = 3), one bias per channel: 4h(k^2 (x + h) + 1).
@_export
def h19f_mathnote_convlstm(x=7, h=5, k=3):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.Wx = nn.ModuleDict({g: nn.Conv2d(x, h, k, padding=k // 2, bias=False) for g in "fiog"})
            self.Wh = nn.ModuleDict({g: nn.Conv2d(h, h, k, padding=k // 2, bias=False) for g in "fiog"})
            self.b = nn.ParameterDict({g: _p(h, 1, 1) for g in "fiog"})

        def forward(self, x_t, h_prev, c_prev):
            pre = {g: self.Wx[g](x_t) + self.Wh[g](h_prev) + self.b[g] for g in "fiog"}
            f, i, o = (torch.sigmoid(pre[q]) for q in "fio")
            g = torch.tanh(pre["g"])
            c = f * c_prev + g * i
            return o * torch.tanh(c), c

    return Cell()


# https://horse-3903.pages.dev/blog/neural-networks/rnn-lstm-gru (section GRUs). W_z, W_r, W_h act on
# the concatenation [h, x] (h x (h + x)), one bias b_z, b_r, b_h (h) each. 3h(h + x + 1).
@_export
def h19f_horse_gru(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_z = nn.Linear(h + x, h)
            self.W_r = nn.Linear(h + x, h)
            self.W_h = nn.Linear(h + x, h)

        def forward(self, x_t, h_prev):
            hx = torch.cat([h_prev, x_t], -1)
            z = torch.sigmoid(self.W_z(hx))
            r = torch.sigmoid(self.W_r(hx))
            h_tilde = torch.tanh(self.W_h(torch.cat([r * h_prev, x_t], -1)))
            return (1 - z) * h_tilde + z * h_prev

    return Cell()


# https://horse-3903.pages.dev/blog/neural-networks/rnn-lstm-gru (section LSTMs). W_f, W_i, W_C, W_o on
# [h, x] (h x (h + x)), one bias each. 4h(h + x + 1).
@_export
def h19f_horse_lstm(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_f = nn.Linear(h + x, h)
            self.W_i = nn.Linear(h + x, h)
            self.W_C = nn.Linear(h + x, h)
            self.W_o = nn.Linear(h + x, h)

        def forward(self, x_t, h_prev, C_prev):
            hx = torch.cat([h_prev, x_t], -1)
            f = torch.sigmoid(self.W_f(hx))
            i = torch.sigmoid(self.W_i(hx))
            C_tilde = torch.tanh(self.W_C(hx))
            C = f * C_prev + i * C_tilde
            o = torch.sigmoid(self.W_o(hx))
            return o * torch.tanh(C), C

    return Cell()


# https://8hantanu.net/wiki/work/notes/formulas/deep-learning/mamba. expect refuse: Delta_t and C_t are
# used but never defined (learned? functions of x? of what shape?), and no size of A, B, D is stated.
# One plausible reading: A (h x h), B (h x x), D (x x x) learned; Delta_t = softplus(w . x) with a
# vector w (x); C_t = W_C x reshaped to (x x h) is too free, so take C (x x h) learned.
# h^2 + hx + x^2 + x + xh = h^2 + 2hx + x^2 + x.
@_export
def h19f_8hantanu_mamba(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.A = nn.Parameter(-torch.eye(h) + 0.01 * torch.randn(h, h))
            self.B = _p(h, x)
            self.C = _p(x, h)
            self.D = _p(x, x)
            self.w = _p(x)

        def forward(self, x_t, h_prev):
            dt = torch.nn.functional.softplus(self.w @ x_t)
            dA = dt * self.A
            A_t = torch.matrix_exp(dA)
            B_t = torch.linalg.solve(dA, (A_t - torch.eye(h)) @ (dt * self.B))
            h_t = A_t @ h_prev + B_t @ x_t
            return self.C @ h_t + self.D @ x_t, h_t

    return Cell()


# stored file id 40041308802 (Markdown notes "C-2: Introduction to LSTM", Complete Mathematical
# Representation). W_f, W_i, W_C, W_o each (n, n + m), b_* each (n,). 4n(n + m + 1).
@_export
def h19f_c2notes_lstm(n=5, m=7):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W = nn.ParameterDict({g: _p(n, n + m) for g in ("f", "i", "C", "o")})
            self.b = nn.ParameterDict({g: _p(n) for g in ("f", "i", "C", "o")})

        def forward(self, x_t, h_prev, C_prev):
            hx = torch.cat([h_prev, x_t], -1)
            f = torch.sigmoid(self.W["f"] @ hx + self.b["f"])
            i = torch.sigmoid(self.W["i"] @ hx + self.b["i"])
            C_tilde = torch.tanh(self.W["C"] @ hx + self.b["C"])
            o = torch.sigmoid(self.W["o"] @ hx + self.b["o"])
            C = f * C_prev + i * C_tilde
            return o * torch.tanh(C), C

    return Cell()


# stored file id 10968480442 (MkDocs page "LSTMCell (torch.nn.LSTMCell)"): documents torch.nn.LSTMCell
# with W_i* (H_out, H_in), W_h* (H_out, H_out), b_i* and b_h* (H_out). 4H_out(H_in + H_out + 2).
@_export
def h19f_opsdocs_lstmcell(H_in=7, H_out=5):
    return nn.LSTMCell(H_in, H_out)


# stored file id 10955861827 (MkDocs page "GRUCell (torch.nn.GRUCell)"): documents torch.nn.GRUCell,
# two biases per gate. 3H_out(H_in + H_out + 2).
@_export
def h19f_opsdocs_grucell(H_in=7, H_out=5):
    return nn.GRUCell(H_in, H_out)


# stored file id 15040573446 (Python script "RNN FORMULA: Complete Symbol Breakdown", docstring and
# break_down_rnn_formula). W_hh (h x h), W_xh (h x x), b_h (h). h^2 + hx + h.
@_export
def h19f_symbolbreakdown_rnn(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_hh = _p(h, h)
            self.W_xh = _p(h, x)
            self.b_h = _p(h)

        def forward(self, x_t, h_prev):
            return torch.tanh(self.W_hh @ h_prev + self.W_xh @ x_t + self.b_h)

    return Cell()


# stored file id 15040573446 (same script, rnn_vs_lstm_formulas, LSTM block). W_f, W_i, W_c, W_o on
# [h, x] (h x (h + x)), one bias each. 4h(h + x + 1).
@_export
def h19f_symbolbreakdown_lstm(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_f = nn.Linear(h + x, h)
            self.W_i = nn.Linear(h + x, h)
            self.W_c = nn.Linear(h + x, h)
            self.W_o = nn.Linear(h + x, h)

        def forward(self, x_t, h_prev, C_prev):
            hx = torch.cat([h_prev, x_t], -1)
            f = torch.sigmoid(self.W_f(hx))
            i = torch.sigmoid(self.W_i(hx))
            C_tilde = torch.tanh(self.W_c(hx))
            C = f * C_prev + i * C_tilde
            o = torch.sigmoid(self.W_o(hx))
            return o * torch.tanh(C), C

    return Cell()


# https://blog.csdn.net/sohero/article/details/48105327 (GRU). W_ux, W_rx, W_h~x (h x x), W_uh, W_rh,
# W_h~h (h x h), no biases; h~ = tanh(W_h~x x + r o (W_h~h h)). 3h(x + h).
@_export
def h19f_sohero_gru(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_ux, self.W_uh = _p(h, x), _p(h, h)
            self.W_rx, self.W_rh = _p(h, x), _p(h, h)
            self.W_hx, self.W_hh = _p(h, x), _p(h, h)

        def forward(self, x_t, h_prev):
            u = torch.sigmoid(self.W_ux @ x_t + self.W_uh @ h_prev)
            r = torch.sigmoid(self.W_rx @ x_t + self.W_rh @ h_prev)
            h_tilde = torch.tanh(self.W_hx @ x_t + r * (self.W_hh @ h_prev))
            return u * h_prev + (1 - u) * h_tilde

    return Cell()
