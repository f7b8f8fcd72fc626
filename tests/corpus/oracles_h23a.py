import torch
from torch import nn

__all__ = []


def _export(f):
    __all__.append(f.__name__)
    return f


def _p(*shape):
    return nn.Parameter(torch.randn(*shape) * 0.1)


# amanchadha/coursera-natural-language-processing-specialization: C3W2 lecture notebook "Vanilla RNNs, GRUs and the
# scan function", cells 8-9. h = g(W_h [h_{t-1}, x_t] + b_h) with one W_h of shape (h, h + x) and b_h (h); output
# y = g(W_yh h + b_y) with W_yh (y, h) and b_y (y); g read as a parameter-free activation (sigmoid in the notebook's
# code). h(h + x + 1) + y(h + 1).
class _C3W2RNN(nn.Module):
    def __init__(self, x, h, y):
        super().__init__()
        self.W_h = _p(h, h + x)
        self.b_h = _p(h)
        self.W_yh = _p(y, h)
        self.b_y = _p(y)

    def forward(self, x, h):
        h = torch.sigmoid(self.W_h @ torch.cat([h, x]) + self.b_h)
        return h, torch.sigmoid(self.W_yh @ h + self.b_y)


@_export
def h23a_c3w2_rnn(x=7, h=5, y=3):
    return _C3W2RNN(x, h, y)


# Same notebook, cells 12-13. Gamma_r, Gamma_u and the candidate c each W (h, h + x) on [h_{t-1}, x_t] (reset
# applied to h_{t-1} inside the candidate's concatenation) plus a bias (h). 3h(h + x + 1).
class _C3W2GRU(nn.Module):
    def __init__(self, x, h):
        super().__init__()
        self.W_r, self.b_r = _p(h, h + x), _p(h)
        self.W_u, self.b_u = _p(h, h + x), _p(h)
        self.W_h, self.b_h = _p(h, h + x), _p(h)

    def forward(self, x, h):
        hx = torch.cat([h, x])
        r = torch.sigmoid(self.W_r @ hx + self.b_r)
        u = torch.sigmoid(self.W_u @ hx + self.b_u)
        c = torch.tanh(self.W_h @ torch.cat([r * h, x]) + self.b_h)
        return u * c + (1 - u) * h


@_export
def h23a_c3w2_gru(x=7, h=5):
    return _C3W2GRU(x, h)


# Kulbear/deep-learning-coursera: deeplearning.ai "Dinosaurus Island" notebook, cell 12 (2.2 Sampling).
# a = tanh(W_ax x + W_aa a + b), z = W_ya a + b_y, y_hat = softmax(z): W_ax (a, x), W_aa (a, a), b (a), W_ya (y, a),
# b_y (y); y has the size of x (characters). a(x + a + 1) + y(a + 1).
class _DinoRNN(nn.Module):
    def __init__(self, x, a, y):
        super().__init__()
        self.W_ax, self.W_aa, self.b = _p(a, x), _p(a, a), _p(a)
        self.W_ya, self.b_y = _p(y, a), _p(y)

    def forward(self, x, a):
        a = torch.tanh(self.W_ax @ x + self.W_aa @ a + self.b)
        return a, torch.softmax(self.W_ya @ a + self.b_y, dim=-1)


@_export
def h23a_dinosaurus_rnn(x=7, a=5, y=7):
    return _DinoRNN(x, a, y)


# CompPhysics/AdvancedMachineLearning: notebook "The mathematics of RNNs", cells 15-25 (marked refuse: L and the n_l
# are general). Plausible reading with L layers of equal size n_l: per layer W^{l-1,l} (n_l, n_{l-1}) + b^{l-1,l}
# (n_l) + W^{ll} (n_l, n_l) + b^{ll} (n_l), output W^{L,L+1} (m, n_L) + b^{L,L+1} (m).
# sum_l n_l(n_{l-1} + 1) + n_l(n_l + 1), plus m(n_L + 1); 148 for n=7, n_l=5, L=2, m=3.
class _DeepRNN(nn.Module):
    def __init__(self, n, m, L, n_l):
        super().__init__()
        sizes = [n] + [n_l] * L
        self.W_layer = nn.ParameterList([_p(sizes[l + 1], sizes[l]) for l in range(L)])
        self.b_layer = nn.ParameterList([_p(sizes[l + 1]) for l in range(L)])
        self.W_time = nn.ParameterList([_p(n_l, n_l) for _ in range(L)])
        self.b_time = nn.ParameterList([_p(n_l) for _ in range(L)])
        self.W_out, self.b_out = _p(m, n_l), _p(m)

    def forward(self, x, hs):
        new, inp = [], x
        for l, h in enumerate(hs):
            z = self.W_layer[l] @ inp + self.b_layer[l] + self.W_time[l] @ h + self.b_time[l]
            inp = torch.tanh(z)
            new.append(inp)
        return new, torch.sigmoid(self.W_out @ inp + self.b_out)


@_export
def h23a_rnnmath_deeprnn(n=7, m=3, L=2, n_l=5):
    return _DeepRNN(n, m, L, n_l)


# cgpotts/cs224u: sst_03_neural_networks.ipynb, cell 23 (np_rnn_classifier). Row vectors: h_t = tanh(x_t W_xh +
# h_{t-1} W_hh), no bias; y = softmax(h_n W_hy + b_y). W_xh (x, h), W_hh (h, h), W_hy (h, y), b_y (y).
# xh + h^2 + hy + y.
class _CS224uRNN(nn.Module):
    def __init__(self, x, h, y):
        super().__init__()
        self.W_xh, self.W_hh = _p(x, h), _p(h, h)
        self.W_hy, self.b_y = _p(h, y), _p(y)

    def forward(self, x, h):
        h = torch.tanh(x @ self.W_xh + h @ self.W_hh)
        return h, torch.softmax(h @ self.W_hy + self.b_y, dim=-1)


@_export
def h23a_cs224u_rnnclassifier(x=7, h=5, y=3):
    return _CS224uRNN(x, h, y)


# deep-learning-indaba/indaba-pracs-2019: 4a_recurrent_nets.ipynb, cells 14-15. The RNN cell
# h_t = sigma(W_hh h_{t-1} + W_xh x_t + b): W_hh (h, h), W_xh (h, x), b (h); the feedforward equations before it are
# context. h(h + x + 1).
class _IndabaRNN(nn.Module):
    def __init__(self, x, h):
        super().__init__()
        self.W_hh, self.W_xh, self.b = _p(h, h), _p(h, x), _p(h)

    def forward(self, x, h):
        return torch.tanh(self.W_hh @ h + self.W_xh @ x + self.b)


@_export
def h23a_indaba_rnn(x=7, h=5):
    return _IndabaRNN(x, h)


# dvgodoy/PyTorchStepByStep: Chapter08.ipynb, cells 86-89. The PyTorch GRU: W_ir, W_iz, W_in (h, x), W_hr, W_hz,
# W_hn (h, h) and six biases b_ir..b_hn (h), reset applied to t_hn. 3h(x + h) + 6h; torch.nn.GRUCell.
@_export
def h23a_pytorchsbs_gru(x=7, h=5):
    return nn.GRUCell(x, h)


# Same notebook, cells 122-125. The PyTorch LSTM: W_ii, W_if, W_ig, W_io (h, x), W_hi, W_hf, W_hg, W_ho (h, h) and
# eight biases (h). 4h(x + h) + 8h; torch.nn.LSTMCell.
@_export
def h23a_pytorchsbs_lstm(x=7, h=5):
    return nn.LSTMCell(x, h)


# PacktPublishing/Hands-On-Deep-Learning-Algorithms-with-Python: Chapter05/5.02 "Understanding the LSTM cell",
# cells 0-6. Per gate f, i, o and candidate g: U (h, x), W (h, h), b (h); output y_hat = softmax(V h_t) with V (y, h),
# no bias. 4h(x + h + 1) + yh.
class _HandsOnLSTM(nn.Module):
    def __init__(self, x, h, y):
        super().__init__()
        for g in "fiog":
            setattr(self, "U_" + g, _p(h, x))
            setattr(self, "W_" + g, _p(h, h))
            setattr(self, "b_" + g, _p(h))
        self.V = _p(y, h)

    def _pre(self, g, x, h):
        return getattr(self, "U_" + g) @ x + getattr(self, "W_" + g) @ h + getattr(self, "b_" + g)

    def forward(self, x, state):
        h, c = state
        f = torch.sigmoid(self._pre("f", x, h))
        i = torch.sigmoid(self._pre("i", x, h))
        o = torch.sigmoid(self._pre("o", x, h))
        g = torch.tanh(self._pre("g", x, h))
        c = f * c + i * g
        h = o * torch.tanh(c)
        return (h, c), torch.softmax(self.V @ h, dim=-1)


@_export
def h23a_handsondl_lstm(x=7, h=5, y=3):
    return _HandsOnLSTM(x, h, y)


# Same book, Chapter05/5.12 "BiDirectional RNN", cells 0-1. Forward h_t = sigma(U_h x_t + W_h h_{t-1}), backward
# z_t = sigma(U_z x_t + W_z z_{t+1}), y_hat = softmax(V_h h_t + V_z z_t); no biases. U_h (h, x), W_h (h, h),
# U_z (z, x), W_z (z, z), V_h (y, h), V_z (y, z). h(x + h) + z(x + z) + y(h + z).
class _HandsOnBiRNN(nn.Module):
    def __init__(self, x, h, z, y):
        super().__init__()
        self.U_h, self.W_h = _p(h, x), _p(h, h)
        self.U_z, self.W_z = _p(z, x), _p(z, z)
        self.V_h, self.V_z = _p(y, h), _p(y, z)

    def forward(self, x, h_prev, z_next):
        h = torch.sigmoid(self.U_h @ x + self.W_h @ h_prev)
        z = torch.sigmoid(self.U_z @ x + self.W_z @ z_next)
        return h, z, torch.softmax(self.V_h @ h + self.V_z @ z, dim=-1)


@_export
def h23a_handsondl_birnn(x=7, h=5, z=4, y=3):
    return _HandsOnBiRNN(x, h, z, y)


# mrafraim/Deep-Learning: dl-day-24-rnn-introduction.ipynb, cell 17. Scalar RNN with one input and a single hidden
# unit: W_xh, W_hh, b each a scalar (1 x 1). h(x + h + 1) = 3.
class _ScalarRNN(nn.Module):
    def __init__(self, x, h):
        super().__init__()
        self.W_xh, self.W_hh, self.b = _p(h, x), _p(h, h), _p(h)

    def forward(self, x, h):
        return torch.tanh(self.W_xh @ x + self.W_hh @ h + self.b)


@_export
def h23a_day24_scalarrnn(x=1, h=1):
    return _ScalarRNN(x, h)


# guebin/DL2022: posts/IV. RNN/2022-11-17-12wk-1.ipynb, cells 74-85 (marked refuse: the bare `bias` is one vector
# per gate in the ifgo formula but bias_ih + bias_hh in the code note). Most plausible reading: the torch.nn.LSTMCell
# the notebook uses, W_i* (x, h) and W_h* (h, h) per gate plus bias_ih and bias_hh (4h each). 4h(x + h) + 8h.
@_export
def h23a_12wk1_lstm(x=7, h=5):
    return nn.LSTMCell(x, h)
