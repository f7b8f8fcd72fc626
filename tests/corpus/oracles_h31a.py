import torch
from torch import nn

__all__ = []


def _export(f):
    __all__.append(f.__name__)
    return f


def _p(*shape):
    return nn.Parameter(torch.randn(*shape) * 0.1)


# tmlss2018/PracticalSessions rnn/RNN_full.ipynb, markdown cell 4 "Ex 1. Vanilla RNN":
# h_t = f(W x_t + V h_{t-1} + b), W input-to-hidden (h x x), V hidden-to-hidden (h x h), bias b (h),
# f a parameter-free non-linearity ("usually tanh"). Count h(x + h + 1).
@_export
def h31a_tmlss_rnn(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W, self.V, self.b = _p(h, x), _p(h, h), _p(h)

        def forward(self, xt, hp):
            return torch.tanh(self.W @ xt + self.V @ hp + self.b)

    return Cell()


# tmlss2018/PracticalSessions rnn/RNN_start.ipynb, markdown cells 28-29 "Ex 3.3": LSTM with
# f_t, i_t, o_t = sigma_s(W_g x_t + U_g h_{t-1} + b_g) and the candidate sigma_c(W_c x_t + U_c h_{t-1} + b_c)
# written inside c_t; W_g (h x x), U_g (h x h), b_g (h) for g in f, i, o, c. Count 4h(x + h + 1).
@_export
def h31a_tmlss_lstm(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            for g in "fioc":
                setattr(self, "W_" + g, _p(h, x))
                setattr(self, "U_" + g, _p(h, h))
                setattr(self, "b_" + g, _p(h))

        def _pre(self, g, xt, hp):
            return getattr(self, "W_" + g) @ xt + getattr(self, "U_" + g) @ hp + getattr(self, "b_" + g)

        def forward(self, xt, state):
            hp, cp = state
            f = torch.sigmoid(self._pre("f", xt, hp))
            i = torch.sigmoid(self._pre("i", xt, hp))
            o = torch.sigmoid(self._pre("o", xt, hp))
            c = f * cp + i * torch.tanh(self._pre("c", xt, hp))
            return o * torch.tanh(c), c

    return Cell()


# alvarohc777/pyTorch Formulacion_1_Base.ipynb, markdown cell 5 "3. Model Creation", marked refuse: an LSTM
# in prose and figures only (signals x^<t>, a^<t>, c^<t>), no gate equation. Most plausible reading: the
# PyTorch nn.LSTM the notebook builds, input x, hidden a. Count 4a(x + a + 2).
@_export
def h31a_alvaro_lstm(x=7, a=5):
    return nn.LSTM(x, a)


# udeepam/rnn 3_seq2seq.ipynb, markdown cell 4 "## Introduction", marked refuse: the encoder is a black box
# EncoderRNN(e(x_t), h_{t-1}) over embeddings in R^k and hidden states in R^d (vanilla RNN, GRU or LSTM).
# Most plausible reading: the notebook's nn.LSTM(k, d). Count 4d(k + d + 2).
@_export
def h31a_udeepam_encoder(k=7, d=5):
    return nn.LSTM(k, d)


# mrafraim/Deep-Learning dl-day-31-regularization-in-cnn-rnn.ipynb, markdown cells 47-48: vanilla RNN
# h_t = tanh(W_x x_t + W_h h_{t-1} + b) with parameter-free Dropout on x_t or h_{t-1}; W_x (h x x),
# W_h (h x h), b (h). Count h(x + h + 1).
@_export
def h31a_mrafraim_rnn(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_x, self.W_h, self.b = _p(h, x), _p(h, h), _p(h)
            self.drop = nn.Dropout(0.2)

        def forward(self, xt, hp):
            return torch.tanh(self.W_x @ self.drop(xt) + self.W_h @ self.drop(hp) + self.b)

    return Cell()


# absternator/d2l.ai 10_modern_rnns/10.1_lstm.ipynb, markdown cell 0: d2l row-vector LSTM,
# gate = act(X_t W_{xg} + H_{t-1} W_{hg} + b_g) for g in i, f, o, c; W_{xg} (X x H), W_{hg} (H x H), b_g (H).
# Count 4H(X + H + 1).
@_export
def h31a_absternator_lstm(X=7, H=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            for g in "ifoc":
                setattr(self, "W_x" + g, _p(X, H))
                setattr(self, "W_h" + g, _p(H, H))
                setattr(self, "b_" + g, _p(H))

        def _pre(self, g, xt, hp):
            return xt @ getattr(self, "W_x" + g) + hp @ getattr(self, "W_h" + g) + getattr(self, "b_" + g)

        def forward(self, xt, state):
            hp, cp = state
            i = torch.sigmoid(self._pre("i", xt, hp))
            f = torch.sigmoid(self._pre("f", xt, hp))
            o = torch.sigmoid(self._pre("o", xt, hp))
            c = f * cp + i * torch.tanh(self._pre("c", xt, hp))
            return o * torch.tanh(c), c

    return Cell()


# absternator/d2l.ai 10_modern_rnns/10.2_gru.ipynb, markdown cell 0, marked refuse: only the candidate
# tanh(X_t W_xh + (r_t . H_{t-1}) W_hh) (no bias) and H_t are written; the reset and update gates are words.
# Most plausible reading: d2l gates R_t, Z_t = sigma(X_t W_x* + H_{t-1} W_h* + b_*) plus the bias-free
# candidate. Count 3H(X + H) + 2H.
@_export
def h31a_absternator_gru(X=7, H=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_xr, self.W_hr, self.b_r = _p(X, H), _p(H, H), _p(H)
            self.W_xz, self.W_hz, self.b_z = _p(X, H), _p(H, H), _p(H)
            self.W_xh, self.W_hh = _p(X, H), _p(H, H)

        def forward(self, xt, hp):
            r = torch.sigmoid(xt @ self.W_xr + hp @ self.W_hr + self.b_r)
            z = torch.sigmoid(xt @ self.W_xz + hp @ self.W_hz + self.b_z)
            ht = torch.tanh(xt @ self.W_xh + (r * hp) @ self.W_hh)
            return z * hp + (1 - z) * ht

    return Cell()


# Hhnro/Machine-Learning-Interviews src/Coding/Plain/dl_lstm.ipynb, markdown cells 0-1: concatenated LSTM,
# gate = act(W_g . [h_{t-1}, x_t] + b_g) for g in f, i, c, o; W_g (h x (h + x)), b_g (h) (the prose labels
# of f_t and i_t are swapped; the equations are standard). Count 4h(h + x + 1).
@_export
def h31a_hhnro_lstm(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            for g in "fico":
                setattr(self, "W_" + g, _p(h, h + x))
                setattr(self, "b_" + g, _p(h))

        def _pre(self, g, hx):
            return getattr(self, "W_" + g) @ hx + getattr(self, "b_" + g)

        def forward(self, xt, state):
            hp, cp = state
            hx = torch.cat([hp, xt])
            f = torch.sigmoid(self._pre("f", hx))
            i = torch.sigmoid(self._pre("i", hx))
            ct = torch.tanh(self._pre("c", hx))
            c = f * cp + i * ct
            o = torch.sigmoid(self._pre("o", hx))
            return o * torch.tanh(c), c

    return Cell()


# saksham-1304/Deep-Learning 66_bidirectional_rnns.ipynb, markdown cell 3: bidirectional RNN with
# direction-specific recurrent weights W_-> and W_<- (h x h) and biases b_-> and b_<- (h), ONE input weight U
# (h x x) written in both directions, and output y_t = sigma(W_y [h_->; h_<-] + b_y), W_y (y x 2h), b_y (y).
# Count 2h^2 + hx + 2h + 2hy + y.
@_export
def h31a_saksham_birnn(x=7, h=5, y=3):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_fwd, self.W_bwd, self.U = _p(h, h), _p(h, h), _p(h, x)
            self.b_fwd, self.b_bwd = _p(h), _p(h)
            self.W_y, self.b_y = _p(y, 2 * h), _p(y)

        def forward(self, xt, h_prev_fwd, h_next_bwd):
            hf = torch.tanh(self.W_fwd @ h_prev_fwd + self.U @ xt + self.b_fwd)
            hb = torch.tanh(self.W_bwd @ h_next_bwd + self.U @ xt + self.b_bwd)
            yt = torch.sigmoid(self.W_y @ torch.cat([hf, hb]) + self.b_y)
            return yt, hf, hb

    return Cell()


# absternator/d2l.ai 10_modern_rnns/10.4_bidirectional.ipynb, markdown cell 0: bidirectional RNN,
# H_t(dir) = phi(X_t W_xh^(dir) + H_(t-/+1)(dir) W_hh^(dir) + b_h^(dir)) for dir in (f), (b); W_xh (X x H),
# W_hh (H x H), b_h (H) per direction, phi parameter-free. Count 2H(X + H + 1).
@_export
def h31a_absternator_birnn(X=7, H=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            for d in "fb":
                setattr(self, "W_xh_" + d, _p(X, H))
                setattr(self, "W_hh_" + d, _p(H, H))
                setattr(self, "b_h_" + d, _p(H))

        def forward(self, xt, h_prev_f, h_next_b):
            hf = torch.tanh(xt @ self.W_xh_f + h_prev_f @ self.W_hh_f + self.b_h_f)
            hb = torch.tanh(xt @ self.W_xh_b + h_next_b @ self.W_hh_b + self.b_h_b)
            return torch.cat([hf, hb], -1), hf, hb

    return Cell()


# Hhnro/Machine-Learning-Interviews src/Coding/Plain/dl_rnn.ipynb, markdown cells 0-1: vanilla RNN
# h_t = tanh(W_hh h_{t-1} + W_xh x_t + b_h) with a linear output y_t = W_hy h_t + b_y; W_hh (h x h),
# W_xh (h x x), b_h (h), W_hy (y x h), b_y (y). Count h(h + x + 1) + y(h + 1).
@_export
def h31a_hhnro_rnn(x=7, h=5, y=3):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_hh, self.W_xh, self.b_h = _p(h, h), _p(h, x), _p(h)
            self.W_hy, self.b_y = _p(y, h), _p(y)

        def forward(self, xt, hp):
            ht = torch.tanh(self.W_hh @ hp + self.W_xh @ xt + self.b_h)
            return self.W_hy @ ht + self.b_y, ht

    return Cell()
