"""Oracles for the h56f set-aside snippets (heldout56), as its gatherer wrote them."""
import torch
from torch import nn

__all__ = []


def _export(f):
    __all__.append(f.__name__)
    return f


def _p(*shape):
    return nn.Parameter(torch.randn(*shape) * 0.1)


# kohey7hara/e-shikaku-quiz js/data/03_dl_rnn.js (Japanese quiz app, RNN section "■ 順伝播：1時刻の計算式"):
# a_t = W_xh x_t + W_hh h_{t-1} + b_h, h_t = tanh(a_t), y^_t = softmax(W_hy h_t + b_y). W_xh: h x x, W_hh: h x h,
# b_h: h, W_hy: y x h, b_y: y (output size never named, bound by y). Count: h*x + h*h + h + y*h + y.
@_export
def h56f_eshikaku_rnn(x=7, h=5, y=3):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_xh = _p(h, x)
            self.W_hh = _p(h, h)
            self.b_h = _p(h)
            self.W_hy = _p(y, h)
            self.b_y = _p(y)

        def forward(self, x_t, h_prev):
            a_t = x_t @ self.W_xh.T + h_prev @ self.W_hh.T + self.b_h
            h_t = torch.tanh(a_t)
            return torch.softmax(h_t @ self.W_hy.T + self.b_y, dim=-1), h_t
    return Cell()


# basbenja/TrabajoFinal 5-recurrentes.tex, subsection Long short-term memory (marked refuse): eight matrices
# W_{x,*} / W_{h,*} for f, i, o and C~, "asumiendo que todas incluyen los sesgos" but no bias is ever written, so
# whether each gate has one bias or each of the eight matrices carries its own is not fixed; the forget gate is typed
# with W_{x,h} h_{t-1} where the list names W_{h,f}. Most plausible reading (the literal one: every matrix includes a
# bias, read as the forget gate's W_{h,f}): W_{x,*}: h x x + bias h, W_{h,*}: h x h + bias h.
# Count: 4*(h*x + h) + 4*(h*h + h) = 4h*(x + h + 2).
@_export
def h56f_trabajofinal_lstm(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            for g in ('f', 'i', 'o', 'C'):
                setattr(self, f'W_x{g}', nn.Linear(x, h))
                setattr(self, f'W_h{g}', nn.Linear(h, h))

        def _pre(self, g, x_t, h_prev):
            return getattr(self, f'W_x{g}')(x_t) + getattr(self, f'W_h{g}')(h_prev)

        def forward(self, x_t, h_prev, C_prev):
            f_t = torch.sigmoid(self._pre('f', x_t, h_prev))
            C_tilde = torch.tanh(self._pre('C', x_t, h_prev))
            i_t = torch.sigmoid(self._pre('i', x_t, h_prev))
            C_t = C_prev * f_t + C_tilde * i_t
            o_t = torch.sigmoid(self._pre('o', x_t, h_prev))
            return o_t * torch.tanh(C_t), C_t
    return Cell()


# countsp/Machine-Learning gru.md: z_t = sigma(W_z x_t + U_z h_{t-1}), r_t = sigma(W_r x_t + U_r h_{t-1}),
# H~_t = tanh(W_h x_t + U_h (r_t * h_{t-1})), H_t = z_t * H_{t-1} + (1 - z_t) * H~_t (h and H are the same state,
# written in lower case in the gates and upper case below). No biases. W_*: h x x, U_*: h x h.
# Count: 3*(h*x + h*h).
@_export
def h56f_countsp_gru(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_z, self.U_z = _p(h, x), _p(h, h)
            self.W_r, self.U_r = _p(h, x), _p(h, h)
            self.W_h, self.U_h = _p(h, x), _p(h, h)

        def forward(self, x_t, h_prev):
            z_t = torch.sigmoid(x_t @ self.W_z.T + h_prev @ self.U_z.T)
            r_t = torch.sigmoid(x_t @ self.W_r.T + h_prev @ self.U_r.T)
            H_tilde = torch.tanh(x_t @ self.W_h.T + (r_t * h_prev) @ self.U_h.T)
            return z_t * h_prev + (1 - z_t) * H_tilde
    return Cell()


# DesireHope/tensorflow-lab chapter8/8-1.py (bare NumPy code, Chinese comments; the forward-pass example of the book
# 《TensorFlow：实战Google深度学习框架》): literal arrays fix every size: state of 2, scalar input X[i], scalar output.
# before_activation = state . w_cell_state + X[i] * w_cell_input + b_cell, state = tanh(...),
# final_output = state . w_output + b_output. w_cell_state: 2 x 2, w_cell_input: 2, b_cell: 2, w_output: 2 x 1,
# b_output: scalar. Count: state*state + state*X + state + state*final_output + final_output = 4 + 2 + 2 + 2 + 1 = 11.
@_export
def h56f_tflab_rnn_numpy(X=1, state=2, final_output=1):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.w_cell_state = _p(state, state)
            self.w_cell_input = _p(X, state)
            self.b_cell = _p(state)
            self.w_output = _p(state, final_output)
            self.b_output = _p(final_output)

        def forward(self, x_t, s_prev):
            before_activation = s_prev @ self.w_cell_state + x_t @ self.w_cell_input + self.b_cell
            s = torch.tanh(before_activation)
            return s @ self.w_output + self.b_output, s
    return Cell()


# ukairia777/tensorflow-nlp-tutorial 08. RNN/8-1. rnn_tutorial.py (bare NumPy code, Korean comments, wikidocs
# 딥 러닝을 이용한 자연어 처리 입문): input_dim = 4, hidden_size = 8 fixed by the script; Wx: (8, 4), Wh: (8, 8), b: (8,),
# output_t = tanh(Wx . input_t + Wh . hidden_state_t + b); no output layer.
# Count: hidden_size*input_dim + hidden_size^2 + hidden_size = 32 + 64 + 8 = 104.
@_export
def h56f_ukairia_rnn_numpy(input_dim=4, hidden_size=8):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.Wx = _p(hidden_size, input_dim)
            self.Wh = _p(hidden_size, hidden_size)
            self.b = _p(hidden_size)

        def forward(self, input_t, hidden_state_t):
            return torch.tanh(input_t @ self.Wx.T + hidden_state_t @ self.Wh.T + self.b)
    return Cell()


# OpenDocCN/showmeai-tut-zh docs/cs224n/cs224n_09.md (ShowMeAI CS224n notes, GRU with reset gate): the new state
# f(h_{t-1}, x_t) = u_t * h~_t + (1 - u_t) * h_{t-1}, h~_t = tanh(W[x_t] + U(r_t * h_{t-1}) + b),
# r_t = sigma(W_r[x_t] + U_r h_{t-1} + b_r), u_t = sigma(W_u[x_t] + U_u h_{t-1} + b_u). W, W_r, W_u: h x x;
# U, U_r, U_u: h x h; b, b_r, b_u: h. Count: 3*(h*x + h*h + h).
@_export
def h56f_showmeai_gru(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W, self.U, self.b = _p(h, x), _p(h, h), _p(h)
            self.W_r, self.U_r, self.b_r = _p(h, x), _p(h, h), _p(h)
            self.W_u, self.U_u, self.b_u = _p(h, x), _p(h, h), _p(h)

        def forward(self, x_t, h_prev):
            r_t = torch.sigmoid(x_t @ self.W_r.T + h_prev @ self.U_r.T + self.b_r)
            u_t = torch.sigmoid(x_t @ self.W_u.T + h_prev @ self.U_u.T + self.b_u)
            h_tilde = torch.tanh(x_t @ self.W.T + (r_t * h_prev) @ self.U.T + self.b)
            return u_t * h_tilde + (1 - u_t) * h_prev
    return Cell()


# OpenDocCN/showmeai-tut-zh docs/cs224n/cs224n_11.md (ShowMeAI CS224n notes, QRNN): z_t = tanh(W_z^1 x_{t-1} +
# W_z^2 x_t), f_t = sigma(W_f^1 x_{t-1} + W_f^2 x_t), o_t = sigma(W_o^1 x_{t-1} + W_o^2 x_t), no biases; the block
# Z = tanh(W_z * X), F, O restates the same width-2 filters as convolutions (W_z = [W_z^1, W_z^2]); pooling
# h_t = f_t * h_{t-1} + (1 - f_t) * z_t (o_t is computed, its weights are still parameters). Each W^k: h x x.
# Count: 6*h*x.
@_export
def h56f_showmeai_qrnn(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            for g in ('z', 'f', 'o'):
                setattr(self, f'W_{g}1', _p(h, x))
                setattr(self, f'W_{g}2', _p(h, x))

        def _pre(self, g, x_prev, x_t):
            return x_prev @ getattr(self, f'W_{g}1').T + x_t @ getattr(self, f'W_{g}2').T

        def forward(self, x_t, x_prev, h_prev):
            z_t = torch.tanh(self._pre('z', x_prev, x_t))
            f_t = torch.sigmoid(self._pre('f', x_prev, x_t))
            o_t = torch.sigmoid(self._pre('o', x_prev, x_t))
            h_t = f_t * h_prev + (1 - f_t) * z_t
            return h_t, o_t
    return Cell()


# OpenDocCN/ibooker-dl-zh docs/gen-dl/gen-dl_08.md (Chinese Generative Deep Learning 2e, "LSTM 细胞", prose only):
# h_{t-1} and x_t are concatenated and passed through four dense layers (稠密层), each with its own weight matrix and
# bias: forget (W_f, b_f, sigmoid), input (W_i, b_i, sigmoid), candidate (W_C, b_C, tanh), output (W_o, b_o,
# sigmoid); every gate, the cell state and h_t have the length of the number of units. C_t = f_t*C_{t-1} + i_t*C~_t,
# h_t from o_t and C_t with a tanh. Each W: h x (h + x), each b: h. Count: 4*(h*(h + x) + h).
@_export
def h56f_gendlzh_lstm(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_f = nn.Linear(h + x, h)
            self.W_i = nn.Linear(h + x, h)
            self.W_C = nn.Linear(h + x, h)
            self.W_o = nn.Linear(h + x, h)

        def forward(self, x_t, h_prev, C_prev):
            v = torch.cat([h_prev, x_t], -1)
            f_t = torch.sigmoid(self.W_f(v))
            i_t = torch.sigmoid(self.W_i(v))
            C_tilde = torch.tanh(self.W_C(v))
            C_t = f_t * C_prev + i_t * C_tilde
            o_t = torch.sigmoid(self.W_o(v))
            return torch.tanh(o_t * C_t), C_t
    return Cell()


# OpenDocCN/ibooker-dl-zh docs/tf-ia/tf-ia_11.md (Chinese TensorFlow in Action, LSTM equations; marked refuse): the
# input gate is written with b[f] although the prose calls its bias b[i] (shared with the forget gate, or a slip?),
# the candidate line has "= b[c]", the cell update multiplies f[t] by h[t-1] (no previous cell state at all), the
# output gate adds b[0]. Most plausible reading: a standard LSTM with W_*h: h x h, W_*x: h x x and one bias per gate
# (b_i, b_f, b_c, b_o), c_t = f_t*c_{t-1} + i_t*C~_t. Count: 4*(h*h + h*x + h).
@_export
def h56f_tfiazh_lstm(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            for g in ('i', 'f', 'c', 'o'):
                setattr(self, f'W_{g}h', _p(h, h))
                setattr(self, f'W_{g}x', _p(h, x))
                setattr(self, f'b_{g}', _p(h))

        def _pre(self, g, x_t, h_prev):
            return h_prev @ getattr(self, f'W_{g}h').T + x_t @ getattr(self, f'W_{g}x').T + getattr(self, f'b_{g}')

        def forward(self, x_t, h_prev, c_prev):
            i_t = torch.sigmoid(self._pre('i', x_t, h_prev))
            f_t = torch.sigmoid(self._pre('f', x_t, h_prev))
            C_tilde = torch.tanh(self._pre('c', x_t, h_prev))
            c_t = f_t * c_prev + i_t * C_tilde
            o_t = torch.sigmoid(self._pre('o', x_t, h_prev))
            return o_t * torch.tanh(c_t), c_t
    return Cell()


# basbenja/TrabajoFinal 5-recurrentes.tex (figure fig:simple-rnn caption and equations eq:ft, eq:yt): one recurrent
# neuron f, x_t and y_t real numbers; f_t = a_f(w_{x,f} x_t + w_{f,f} f_{t-1} + w_{0_x,f}),
# y_t = a_y(w_{f,y} f_t + w_{0_f,y}). The caption's w_{f,f_s} / w_{0_f,f_s} (weight and bias from the neuron to the
# output layer) are the equation's w_{f,y} / w_{0_f,y}: the same line calls f_{s_t}(w_{f,y}, f_t, w_{0_f,f_s}).
# Written with the sizes as matrices: w_{x,f}: f x x, w_{f,f}: f x f, w_{0_x,f}: f, w_{f,y}: y x f, w_{0_f,y}: y.
# Count: f*x + f*f + f + y*f + y = 5 at the scalar sizes the text fixes.
@_export
def h56f_trabajofinal_rnn_scalar(x=1, f=1, y=1):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.w_x_f = _p(f, x)
            self.w_f_f = _p(f, f)
            self.w_0x_f = _p(f)
            self.w_f_y = _p(y, f)
            self.w_0f_y = _p(y)

        def forward(self, x_t, f_prev):
            f_t = torch.tanh(x_t @ self.w_x_f.T + f_prev @ self.w_f_f.T + self.w_0x_f)
            return torch.sigmoid(f_t @ self.w_f_y.T + self.w_0f_y), f_t
    return Cell()
