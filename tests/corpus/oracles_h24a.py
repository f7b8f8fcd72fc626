import torch
from torch import nn

__all__ = []


def _export(f):
    __all__.append(f.__name__)
    return f


def _p(*shape):
    return nn.Parameter(torch.randn(*shape) * 0.1)


# piEsposito/pytorch-lstm-by-hand:LSTM.ipynb, cells 4-6 ("## LSTM - Equations"). Per gate f, i, o, g:
# W (fn x hs), U (hs x hs), b (1 x hs), row-vector shapes as the "Let:" list gives them. 4*hs*(fn + hs + 1).
@_export
def h24a_lstmbyhand_lstm(fn=7, hs=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            for g in 'fiog':
                setattr(self, 'W_' + g, _p(fn, hs))
                setattr(self, 'U_' + g, _p(hs, hs))
                setattr(self, 'b_' + g, _p(1, hs))

        def pre(self, g, x, h):
            return x @ getattr(self, 'W_' + g) + h @ getattr(self, 'U_' + g) + getattr(self, 'b_' + g)

        def forward(self, x, state):
            h, c = state
            f = torch.sigmoid(self.pre('f', x, h))
            i = torch.sigmoid(self.pre('i', x, h))
            o = torch.sigmoid(self.pre('o', x, h))
            g = torch.tanh(self.pre('g', x, h))
            c = f * c + i * g
            return o * torch.tanh(c), c

    return Cell()


# same notebook, cells 11-13 ("## LSTM - Time for VECTORIZATION"): one W (fn x 4hs), one U (hs x 4hs),
# one b (1 x 4hs), A_t sliced into i, f, o, g. 4*hs*(fn + hs + 1).
@_export
def h24a_lstmbyhand_vectorized(fn=7, hs=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W, self.U, self.b = _p(fn, 4 * hs), _p(hs, 4 * hs), _p(1, 4 * hs)

        def forward(self, x, state):
            h, c = state
            A = x @ self.W + h @ self.U + self.b
            i = torch.sigmoid(A[:, 0:hs])
            f = torch.sigmoid(A[:, hs:2 * hs])
            o = torch.sigmoid(A[:, 2 * hs:3 * hs])
            g = torch.tanh(A[:, 3 * hs:4 * hs])
            c = f * c + i * g
            return o * torch.tanh(c), c

    return Cell()


# BradleyBrown19/ModernArchitecturesFromScratch:GRU.ipynb, markdown cells 2 and 4 (the class in a python fence).
# Gates rescale, update, add: s_*_weight (hidden x hidden), inp_*_weight (input x hidden), *_bias (hidden).
# 3*hidden*(hidden + input + 1).
@_export
def h24a_modarch_gru(input_sz=7, hidden_sz=5):
    class GRU(nn.Module):
        def __init__(self):
            super().__init__()
            for g in ('rescale', 'update', 'add'):
                setattr(self, 's_%s_weight' % g, _p(hidden_sz, hidden_sz))
                setattr(self, 'inp_%s_weight' % g, _p(input_sz, hidden_sz))
                setattr(self, '%s_bias' % g, _p(hidden_sz))

        def forward(self, inp, state):
            reset_scale = torch.sigmoid(state @ self.s_rescale_weight + inp @ self.inp_rescale_weight + self.rescale_bias)
            reset = state * reset_scale
            update = torch.sigmoid(state @ self.s_update_weight + inp @ self.inp_update_weight + self.update_bias)
            add = torch.tanh(reset @ self.s_add_weight + inp @ self.inp_add_weight + self.add_bias) * update
            return state * (-1 * update) + add

    return GRU()


# same repository, LSTM.ipynb, markdown cell 4. Gates forget, scale, add, hidden: x_*_weight (input x hidden),
# h_*_weight (hidden x hidden), *_bias (hidden). 4*hidden*(input + hidden + 1).
@_export
def h24a_modarch_lstm(input_sz=7, hidden_sz=5):
    class LSTM(nn.Module):
        def __init__(self):
            super().__init__()
            for g in ('forget', 'scale', 'add', 'hidden'):
                setattr(self, 'x_%s_weight' % g, _p(input_sz, hidden_sz))
                setattr(self, 'h_%s_weight' % g, _p(hidden_sz, hidden_sz))
                setattr(self, '%s_bias' % g, _p(hidden_sz))

        def lin(self, g, inp, hidden):
            return inp @ getattr(self, 'x_%s_weight' % g) + hidden @ getattr(self, 'h_%s_weight' % g) + getattr(self, '%s_bias' % g)

        def forward(self, inp, state):
            hidden, cs = state
            forget = torch.sigmoid(self.lin('forget', inp, hidden))
            addition_scale = torch.sigmoid(self.lin('scale', inp, hidden))
            addition_base = torch.tanh(self.lin('add', inp, hidden))
            cs = cs * forget + addition_base * addition_scale
            hidden = torch.sigmoid(self.lin('hidden', inp, hidden)) + torch.tanh(cs)
            return hidden, cs

    return LSTM()


class _ConcatLSTM(nn.Module):
    # gates f, i, C, o each W (h x (X + h)) on [X_t, h_{t-1}], no biases; output V_t = W_V h_t (+ b_v)
    def __init__(self, X, h, out_bias):
        super().__init__()
        self.W_f, self.W_i, self.W_C, self.W_o = (_p(h, X + h) for _ in range(4))
        self.W_V = _p(X, h)
        self.b_v = _p(X) if out_bias else None

    def forward(self, x, state):
        hp, cp = state
        z = torch.cat([x, hp], -1)
        f = torch.sigmoid(z @ self.W_f.T)
        i = torch.sigmoid(z @ self.W_i.T)
        cn = torch.tanh(z @ self.W_C.T)
        c = f * cp + i * cn
        o = torch.sigmoid(z @ self.W_o.T)
        h = o * torch.tanh(c)
        v = h @ self.W_V.T
        if self.b_v is not None:
            v = v + self.b_v
        return v, (h, c)


# SethHWeidman/RNN_from_scratch:LSTM_math.ipynb, cells 8-25. Sizes fixed by the text: X = 10,000 words,
# h = 100 nodes. Four W (100 x 10,100) on [X_t, h_{t-1}], no biases; W_V (100 x 10,000 as written, i.e. maps
# h to X), no bias. 4*h*(X + h) + X*h = 5,040,000.
@_export
def h24a_lstmmath_lstm(X=10000, h=100):
    return _ConcatLSTM(X, h, out_bias=False)


# SethHWeidman/RNN_from_scratch:wip/LSTM_from_Scratch_Tutorial_WIP.ipynb, cells 9-24 (refuse: the math
# V_t = W_V * h_t has no bias, its code adds b_v). Reading taken: the code's, with b_v.
# X = 60, h = 100: 4*h*(X + h) + X*h + X = 70,060 (70,000 without b_v).
@_export
def h24a_lstmwip_lstm(X=60, h=100):
    return _ConcatLSTM(X, h, out_bias=True)


# 1-13AM/EECS-498-007-598-005-Solutions:rnn_lstm_attention_captioning.ipynb, markdown cells 88-94 (refuse:
# the gates are only referred to, and the affine projection 1280 -> H is named without its parameters).
# Reading taken: the assignment's attention LSTM: W_x (4H x D), W_h (4H x H), W_attn (4H x H), b (4H), with
# the LSTM gate split of the earlier cells, plus the affine projection W_proj (H x 1280), b_proj (H).
# 4H(D + 2H + 1) + 1281H.
@_export
def h24a_eecs498_attnlstm(D=7, H=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_x, self.W_h, self.W_attn, self.b = _p(4 * H, D), _p(4 * H, H), _p(4 * H, H), _p(4 * H)
            self.W_proj, self.b_proj = _p(H, 1280), _p(H)

        def forward(self, x, state, feats):
            # feats: (1280, 16) flattened CNN activation map
            h, c = state
            A = self.W_proj @ feats + self.b_proj[:, None]          # (H, 16)
            M = torch.softmax(h @ A / H ** 0.5, -1)                   # (16,)
            x_attn = A @ M                                            # (H,)
            a = self.W_x @ x + self.W_h @ h + self.W_attn @ x_attn + self.b
            i, f, o, g = a.split(H)
            c = torch.sigmoid(f) * c + torch.sigmoid(i) * torch.tanh(g)
            return torch.sigmoid(o) * torch.tanh(c), c

    return Cell()


# guebin/DL2024:posts/12wk-1.ipynb, cells 64-67 (Korean). Sizes fixed by the text: x (4,), h (2,).
# W_ih (4,2), W_hh (2,2), b_ih (1,2), b_hh (1,2), row vectors. x*h + h*h + 2h = 16.
@_export
def h24a_dl2024_rnn(x=4, h=2):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_ih, self.W_hh = _p(x, h), _p(h, h)
            self.b_ih, self.b_hh = _p(1, h), _p(1, h)

        def forward(self, xt, hp):
            return torch.tanh(xt @ self.W_ih + hp @ self.W_hh + self.b_ih + self.b_hh)

    return Cell()


# FaresElmenshawi/ML-Algorithm-Implementation:lstm-from-scratch.ipynb, cell 6 "## Forward Propagation".
# W_f, W_i, W_c, W_o (a x (a + x)) on concat = [a_{t-1}; x_t], b_f, b_i, b_c, b_o (a); output layer
# W_y (y x a), b_y (y). 4a(a + x + 1) + y(a + 1).
@_export
def h24a_kagglelstm_lstm(x=7, a=5, y=3):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            for g in 'fico':
                setattr(self, 'W_' + g, _p(a, a + x))
                setattr(self, 'b_' + g, _p(a))
            self.W_y, self.b_y = _p(y, a), _p(y)

        def lin(self, g, z):
            return getattr(self, 'W_' + g) @ z + getattr(self, 'b_' + g)

        def forward(self, xt, state):
            ap, cp = state
            z = torch.cat([ap, xt])
            f = torch.sigmoid(self.lin('f', z))
            i = torch.sigmoid(self.lin('i', z))
            ct = torch.tanh(self.lin('c', z))
            c = f * cp + i * ct
            o = torch.sigmoid(self.lin('o', z))
            at = o * torch.tanh(c)
            return torch.softmax(self.W_y @ at + self.b_y, -1), (at, c)

    return Cell()


# Nishant2018/RNN-From-Scratch:rnn-scratch.ipynb, cell 6 "## Forward propagation:". W_aa (a x a), W_ax (a x x),
# b_a (a); output W_ya (y x a), b_y (y). a(a + x + 1) + y(a + 1).
@_export
def h24a_kagglernn_rnn(x=7, a=5, y=3):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_aa, self.W_ax, self.b_a = _p(a, a), _p(a, x), _p(a)
            self.W_ya, self.b_y = _p(y, a), _p(y)

        def forward(self, xt, ap):
            at = torch.tanh(self.W_aa @ ap + self.W_ax @ xt + self.b_a)
            return torch.softmax(self.W_ya @ at + self.b_y, -1), at

    return Cell()


# bhuvan-007/LSTMs_GRUs:LSTMs_GRUs.ipynb, cells 18-27 "# LSTM weights". Keras LSTM with input dimension
# X = 1 and 3 units (H = 3), as the text fixes: W_x* (1 x 3) and W_h* (3 x 3) for f, i, c, o and one bias
# of length 3 each. 4H(X + H + 1) = 60 (the text's own total).
@_export
def h24a_lstmsexplained_lstm(X=1, H=3):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            for g in 'fico':
                setattr(self, 'W_x' + g, _p(X, H))
                setattr(self, 'W_h' + g, _p(H, H))
                setattr(self, 'B_' + g, _p(H))

        def lin(self, g, x, h):
            return h @ getattr(self, 'W_h' + g) + x @ getattr(self, 'W_x' + g) + getattr(self, 'B_' + g)

        def forward(self, x, state):
            h, c = state
            F = torch.sigmoid(self.lin('f', x, h))
            I = torch.sigmoid(self.lin('i', x, h))
            Ct = torch.tanh(self.lin('c', x, h))
            O = torch.sigmoid(self.lin('o', x, h))
            c = F * c + I * Ct
            return O * torch.tanh(c), c

    return Cell()
