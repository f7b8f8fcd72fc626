import torch
from torch import nn

__all__ = []


def _export(f):
    __all__.append(f.__name__)
    return f


def _p(*shape):
    return nn.Parameter(torch.randn(*shape) * 0.1)


# Nick00404/under_the_hood_university 03_deep_learning/03_natural_language_processing/
# 02_rnns_lstms_gru_for_sequence_modeling.ipynb, markdown cell 2 (mermaid "RNN Cell").
# h_t = tanh(W_h [h_{t-1}, x_t] + b); the text's own count is (h_in + h_hid) * h_hid + h_hid, so the
# output node y = sigma(W_y h) (whose size is never given) is not part of the cell.
# h(x + h + 1).
@_export
def h21a_underhood_rnn(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_h = nn.Linear(h + x, h)  # W_h and b

        def forward(self, xt, hp):
            return torch.tanh(self.W_h(torch.cat([hp, xt], -1)))

    return Cell()


# stored file id 32134548100 (nbconvert export of a student speech-emotion notebook, "3.2 Algorithm 2:
# CNN-LSTM Hybrid", Mathematical Formulation). expect refuse: h_t names both the CNN frame embedding
# (R^64) and the LSTM hidden state, and the hidden size is never stated there. One plausible reading:
# the LSTM input is the embedding h_t and the hidden state has the same size h; W_f, W_i, W_c, W_o act
# on [h_{t-1}, h_t] (size 2h), one bias per gate. 4h(2h + 1). (x, the mel frame, feeds only the CNN.)
@_export
def h21a_serproject_lstm(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_f = nn.Linear(2 * h, h)
            self.W_i = nn.Linear(2 * h, h)
            self.W_c = nn.Linear(2 * h, h)
            self.W_o = nn.Linear(2 * h, h)

        def forward(self, e, state):
            hp, cp = state
            z = torch.cat([hp, e], -1)
            f = torch.sigmoid(self.W_f(z))
            i = torch.sigmoid(self.W_i(z))
            ct = torch.tanh(self.W_c(z))
            c = f * cp + i * ct
            o = torch.sigmoid(self.W_o(z))
            return o * torch.tanh(c), c

    return Cell()


# MartinPSE/StandAloneDL LSTM_GRU.ipynb, markdown cells 1-6 (Korean student notebook, LSTM).
# f, i, C~, o each W_* on [h_{t-1}, x_t] plus one bias b_*. 4h(h + x + 1).
@_export
def h21a_standalonedl_lstm(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_f = nn.Linear(h + x, h)
            self.W_i = nn.Linear(h + x, h)
            self.W_C = nn.Linear(h + x, h)
            self.W_o = nn.Linear(h + x, h)

        def forward(self, xt, state):
            hp, Cp = state
            z = torch.cat([hp, xt], -1)
            f = torch.sigmoid(self.W_f(z))
            i = torch.sigmoid(self.W_i(z))
            Ct = torch.tanh(self.W_C(z))
            C = f * Cp + i * Ct
            o = torch.sigmoid(self.W_o(z))
            return o * torch.tanh(C), C

    return Cell()


# MartinPSE/StandAloneDL LSTM_GRU.ipynb, markdown cells 7-10 (GRU). Reset gate (written ℽ) W_r, candidate
# W on [ℽ * h_{t-1}, x_t], update W_z; no biases anywhere. 3h(h + x).
@_export
def h21a_standalonedl_gru(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_r = nn.Linear(h + x, h, bias=False)
            self.W = nn.Linear(h + x, h, bias=False)
            self.W_z = nn.Linear(h + x, h, bias=False)

        def forward(self, xt, hp):
            r = torch.sigmoid(self.W_r(torch.cat([hp, xt], -1)))
            ht = torch.tanh(self.W(torch.cat([r * hp, xt], -1)))
            z = torch.sigmoid(self.W_z(torch.cat([hp, xt], -1)))
            return (1 - z) * hp + z * ht

    return Cell()


# ChristophWuersch/AppliedNeuralNetworks ANN09/9.3-RNN_verstehen_pl.ipynb, cells 35-44 (German course
# notebook, Chollet-style LSTM pseudocode). Row-vector products dot(state_t, U) + dot(input_t, W) + b for
# output_t, i_t, f_t, k_t; output_t also has dot(c_t, Vo); carry c_t has the state size (output_t is the
# next state). 4 state (input + state + 1) + state^2.
@_export
def h21a_annwuersch_lstm(input=7, state=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            for g in "oifk":
                setattr(self, "U" + g, _p(state, state))
                setattr(self, "W" + g, _p(input, state))
                setattr(self, "b" + g, _p(state))
            self.Vo = _p(state, state)

        def forward(self, input_t, st):
            state_t, c_t = st
            act = torch.tanh

            def lin(g):
                return state_t @ getattr(self, "U" + g) + input_t @ getattr(self, "W" + g) + getattr(self, "b" + g)

            output_t = act(lin("o") + c_t @ self.Vo)
            i_t = torch.sigmoid(lin("i"))
            f_t = torch.sigmoid(lin("f"))
            k_t = act(lin("k"))
            c_next = i_t * k_t + c_t * f_t
            return output_t, c_next

    return Cell()
