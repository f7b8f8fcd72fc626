import torch
from torch import nn

__all__ = []


def _export(f):
    __all__.append(f.__name__)
    return f


def _p(*shape):
    return nn.Parameter(torch.randn(*shape) * 0.1)


# xbresson/CS5242_2025:labs_lecture06/lab04_lstm_yourself/lstm_yourself_exercise.ipynb, cell 9. Bresson's LSTM:
# R, A, C, E act on h_{t-1} (h x h); V, B, D, F act on the input g_t (h x g); no biases written.
# Count: 4h(h + g).
@_export
def h25a_cs5242_lstm(g=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            for n in 'RACE':
                setattr(self, n, _p(h, h))
            for n in 'VBDF':
                setattr(self, n, _p(h, g))

        def forward(self, gt, state):
            hp, cp = state
            ht_ = torch.tanh(self.R @ hp + self.V @ gt)
            theta = torch.sigmoid(self.A @ hp + self.B @ gt)
            eta = torch.sigmoid(self.C @ hp + self.D @ gt)
            psi = torch.sigmoid(self.E @ hp + self.F @ gt)
            c = theta * cp + eta * ht_
            return psi * torch.tanh(c), c

    return Cell()


# xbresson/CS5242_2025:labs_lecture06/lab02_vrnn_yourself/vrnn_yourself_exercise.ipynb, cell 9.
# h_t = tanh(R h_{t-1} + V g_t): R (h x h), V (h x g), no bias. Count: h(h + g).
@_export
def h25a_cs5242_rnn(g=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.R, self.V = _p(h, h), _p(h, g)

        def forward(self, gt, hp):
            return torch.tanh(self.R @ hp + self.V @ gt)

    return Cell()


# xbresson/CS5242_2025:labs_lecture06/lab05_gru/Seq2Seq_GRU_exercise.ipynb, cell 0 "## Task". Custom GRU without
# biases: W_r, W_z, W_n, W_res (h x x); U_r, U_z, U_n (h x h). Count: 4hx + 3h^2.
@_export
def h25a_cs5242_resgru(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            for n in ('W_r', 'W_z', 'W_n', 'W_res'):
                setattr(self, n, _p(h, x))
            for n in ('U_r', 'U_z', 'U_n'):
                setattr(self, n, _p(h, h))

        def forward(self, xt, hp):
            r = torch.sigmoid(self.W_r @ xt + self.U_r @ hp)
            z = torch.sigmoid(self.W_z @ xt + self.U_z @ hp)
            n = torch.tanh(self.W_n @ xt + self.U_n @ (r * hp))
            return (1 - z) * n + z * hp + torch.tanh(self.W_res @ xt)

    return Cell()


# renjithbaby23/nlp-specialization:C3_W2_Lecture_Notebook_Hidden_State_Activation.ipynb, cell 0 (deeplearning.ai).
# h = g(W_hh h + W_hx x + b_h) (the \oplus read as the sum; W_h = [W_hh | W_hx]); g taken as tanh.
# W_hh (h x h), W_hx (h x x), b_h (h). Count: h(h + x + 1).
@_export
def h25a_hsa_rnn(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_hh, self.W_hx, self.b_h = _p(h, h), _p(h, x), _p(h)

        def forward(self, xt, hp):
            return torch.tanh(self.W_hh @ hp + self.W_hx @ xt + self.b_h)

    return Cell()


# jeffheaton/t81_558_deep_learning:t81_558_class_10_2_lstm.ipynb, cells 5 and 7 (marked refuse: no equations).
# Most plausible reading: the Keras LSTM layer the course uses, kernel W (4h x x), recurrent kernel U (4h x h),
# one bias b (4h). Count: 4h(x + h + 1).
@_export
def h25a_t81558_lstm(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W, self.U, self.b = _p(4 * h, x), _p(4 * h, h), _p(4 * h)

        def forward(self, xt, state):
            hp, cp = state
            i, f, g, o = (self.W @ xt + self.U @ hp + self.b).chunk(4)
            c = torch.sigmoid(f) * cp + torch.sigmoid(i) * torch.tanh(g)
            return torch.sigmoid(o) * torch.tanh(c), c

    return Cell()


# david-crow/afit:.../gru (gallaher, kamrud)/GRU.ipynb, cells 2-10. GRU without biases:
# W^(z), W^(r), W (h x x); U^(z), U^(r), U (h x h). Count: 3h(x + h).
@_export
def h25a_afit_gru(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_z, self.W_r, self.W = _p(h, x), _p(h, x), _p(h, x)
            self.U_z, self.U_r, self.U = _p(h, h), _p(h, h), _p(h, h)

        def forward(self, xt, hp):
            z = torch.sigmoid(self.W_z @ xt + self.U_z @ hp)
            r = torch.sigmoid(self.W_r @ xt + self.U_r @ hp)
            hh = torch.tanh(self.W @ xt + r * (self.U @ hp))
            return z * hp + (1 - z) * hh

    return Cell()


# yandexdataschool/nlp_course:week03_lm/homework_pytorch.ipynb, cell 28 (marked refuse: RNN(x_t, h_t) unspecified).
# Most plausible reading: an Elman cell W_xh (h x x), W_hh (h x h), b_h (h) and dense_softmax W_y (y x h), b_y (y).
# Count: h(x + h + 1) + y(h + 1).
@_export
def h25a_ysda_rnnlm(x=7, h=5, y=3):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_xh, self.W_hh, self.b_h = _p(h, x), _p(h, h), _p(h)
            self.W_y, self.b_y = _p(y, h), _p(y)

        def forward(self, xt, hp):
            ht = torch.tanh(self.W_xh @ xt + self.W_hh @ hp + self.b_h)
            return torch.softmax(self.W_y @ hp + self.b_y, -1), ht

    return Cell()


# bushuhui/machinelearning_notebook:7_deep_learning/2_RNN/RNN.ipynb, cell 1. U (h x x), W (h x h), b_h (h);
# output V (o x h), b_o (o). Count: h(x + h + 1) + o(h + 1).
@_export
def h25a_bushuhui_rnn(x=7, h=5, o=3):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.U, self.W, self.b_h = _p(h, x), _p(h, h), _p(h)
            self.V, self.b_o = _p(o, h), _p(o)

        def forward(self, xt, hp):
            ht = torch.tanh(self.U @ xt + self.W @ hp + self.b_h)
            return self.V @ ht + self.b_o, ht

    return Cell()


# ritchieng/deep-learning-wizard:.../pytorch_lstm_neuralnetwork.ipynb, cells 20 and 23. The PyTorch LSTM the
# notebook builds, nn.LSTM(28, 100): [400, 28] and [400, 100] stacked gate weights, two [400] biases; readout
# nn.Linear(100, 10). Count: 4h(x + h + 2) + y(h + 1) = 53,010.
@_export
def h25a_dlwizard_lstm(x=28, h=100, y=10):
    class Net(nn.Module):
        def __init__(self):
            super().__init__()
            self.lstm = nn.LSTM(x, h)
            self.fc = nn.Linear(h, y)

        def forward(self, xs):
            out, _ = self.lstm(xs)
            return self.fc(out[-1])

    return Net()


# NILatGit/RNN:RNN.ipynb, cells 0-3. h_t = tanh(W_ih x_t + W_hh h_{t-1} + b), y_t = W_ho h_t + c:
# W_ih (h x x), W_hh (h x h), b (h); W_ho (y x h), c (y). Count: h(x + h + 1) + y(h + 1).
@_export
def h25a_nilat_rnn(x=7, h=5, y=3):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_ih, self.W_hh, self.b = _p(h, x), _p(h, h), _p(h)
            self.W_ho, self.c = _p(y, h), _p(y)

        def forward(self, xt, hp):
            ht = torch.tanh(self.W_ih @ xt + self.W_hh @ hp + self.b)
            return self.W_ho @ ht + self.c, ht

    return Cell()
