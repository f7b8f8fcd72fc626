"""Oracles for the h48f set-aside snippets (heldout48), as its gatherer wrote them."""
import torch
from torch import nn

__all__ = []


def _export(f):
    __all__.append(f.__name__)
    return f


def _p(*shape):
    return nn.Parameter(torch.randn(*shape) * 0.1)


# flyangovoyang/owendoc lstm.html, section 1 LSTM; W_f,W_i,W_o,W_c each (h, h+x) on [h_{t-1};x_t], b_f,b_i,b_o,b_c each (h);
# Count: 4*(h*(h+x) + h).
@_export
def h48f_owendoc_lstm(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_f, self.W_i, self.W_o, self.W_c = (_p(h, h + x) for _ in range(4))
            self.b_f, self.b_i, self.b_o, self.b_c = (_p(h) for _ in range(4))

        def forward(self, x_t, h_prev, C_prev):
            z = torch.cat([h_prev, x_t], -1)
            f = torch.sigmoid(z @ self.W_f.T + self.b_f)
            i = torch.sigmoid(z @ self.W_i.T + self.b_i)
            o = torch.sigmoid(z @ self.W_o.T + self.b_o)
            Ct = torch.tanh(z @ self.W_c.T + self.b_c)
            C = f * C_prev + i * Ct
            return o * torch.tanh(C), C
    return Cell()


# Ascend/op-plugin _lstm_npu_backward table; z_t = [h_{t-1}; x_t]; W_f, W_i, W_g, W_o each (h, h+x); b_f, b_i, b_c, b_o each (h);
# Count: 4*(h*(h+x) + h).
@_export
def h48f_ascend_lstm_table(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_f, self.W_i, self.W_g, self.W_o = (_p(h, h + x) for _ in range(4))
            self.b_f, self.b_i, self.b_c, self.b_o = (_p(h) for _ in range(4))

        def forward(self, x_t, h_prev, c_prev):
            z = torch.cat([h_prev, x_t], -1)
            f = torch.sigmoid(z @ self.W_f.T + self.b_f)
            i = torch.sigmoid(z @ self.W_i.T + self.b_i)
            g = torch.tanh(z @ self.W_g.T + self.b_c)
            o = torch.sigmoid(z @ self.W_o.T + self.b_o)
            c = f * c_prev + i * g
            return o * torch.tanh(c), c
    return Cell()


# rickiepark/deep-learning-with-python-2nd ch10 NumPy RNN; W (output_features, input_features), U (output_features, output_features),
# b (output_features); Count: o*i + o*o + o (= 6208 at 32/64).
@_export
def h48f_rickiepark_numpy_rnn(input_features=32, output_features=64):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W = _p(output_features, input_features)
            self.U = _p(output_features, output_features)
            self.b = _p(output_features)

        def example_inputs(self):
            return [torch.randn(2, input_features), torch.randn(2, output_features)]

        def forward(self, input_t, state_t):
            return torch.tanh(input_t @ self.W.T + state_t @ self.U.T + self.b)
    return Cell()


# bojone/rnn lru.py (LRU in bert4keras); i_dense: Dense(hidden_size -> 2*units, bias), params_log (3, units),
# o_dense: Dense(2*units -> hidden_size, bias) on [real; imag]; Count: 2u*d + 2u + 3u + 2u*d + d.
@_export
def h48f_bojone_lru(hidden_size=7, units=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.i_dense = nn.Linear(hidden_size, 2 * units)
            self.params_log = _p(3, units)
            self.o_dense = nn.Linear(2 * units, hidden_size)

        def example_inputs(self):
            return [torch.randn(2, hidden_size), torch.zeros(2, units, dtype=torch.cfloat)]

        def forward(self, x_t, state):
            u = self.i_dense(x_t)
            u = torch.complex(u[..., ::2], u[..., 1::2])
            nu, theta, gamma = torch.exp(self.params_log)
            lamb = torch.exp(torch.complex(-nu, theta))
            state = lamb * state + u
            y = state * gamma
            return self.o_dense(torch.cat([y.real, y.imag], -1)), state
    return Cell()


# datawhalechina/thorough-pytorch LSTM解读 equations; W_f, W_i, W_c, W_o each (h, h+X) on [h_{t-1}, X_t], b_f, b_i, b_c, b_o (h);
# Count: 4*(h*(h+X) + h).
@_export
def h48f_thorough_lstm_eq(X=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_f, self.W_i, self.W_c, self.W_o = (_p(h, h + X) for _ in range(4))
            self.b_f, self.b_i, self.b_c, self.b_o = (_p(h) for _ in range(4))

        def example_inputs(self):
            return [torch.randn(2, X), torch.randn(2, h), torch.randn(2, h)]

        def forward(self, X_t, h_prev, C_prev):
            z = torch.cat([h_prev, X_t], -1)
            f = torch.sigmoid(z @ self.W_f.T + self.b_f)
            i = torch.sigmoid(z @ self.W_i.T + self.b_i)
            Ct = torch.tanh(z @ self.W_c.T + self.b_c)
            C = f * C_prev + i * Ct
            o = torch.sigmoid(z @ self.W_o.T + self.b_o)
            return o * torch.tanh(C), C
    return Cell()


# datawhalechina/thorough-pytorch MyLSTM code; fc_i, fc_f, fc_g, fc_o = Linear(input_size+hidden_size, hidden_size) with bias,
# fc_out = Linear(hidden_size, num_classes); Count: 4*((i+h)*h + h) + h*c + c (= 99074 at 64/128/2, as the text states).
@_export
def h48f_thorough_mylstm(input_size=64, hidden_size=128, num_classes=2):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.fc_i = nn.Linear(input_size + hidden_size, hidden_size)
            self.fc_f = nn.Linear(input_size + hidden_size, hidden_size)
            self.fc_g = nn.Linear(input_size + hidden_size, hidden_size)
            self.fc_o = nn.Linear(input_size + hidden_size, hidden_size)
            self.fc_out = nn.Linear(hidden_size, num_classes)

        def example_inputs(self):
            return [torch.randn(2, input_size), torch.randn(2, hidden_size), torch.randn(2, hidden_size)]

        def forward(self, x, h_t, c_t):
            combined = torch.cat((x, h_t), dim=-1)
            i_t = torch.sigmoid(self.fc_i(combined))
            f_t = torch.sigmoid(self.fc_f(combined))
            g_t = torch.tanh(self.fc_g(combined))
            o_t = torch.sigmoid(self.fc_o(combined))
            c_t = f_t * c_t + i_t * g_t
            h_t = o_t * torch.tanh(c_t)
            return self.fc_out(h_t), h_t, c_t
    return Cell()


# DengBoCong/nlp-paper residual stacked RNN notes; refuse (cell h_t^{(l)}(.,.) abstract, depth and widths not fixed).
# Built: L residual layers of a standard LSTM cell of width h (input = hidden = h so the residual sum is defined),
# each layer W (4h, 2h) on [x; h_{t-1}] + b (4h); Count: L * 4*(h*2h + h).
@_export
def h48f_dengbocong_resrnn(h=5, L=2):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W = nn.ParameterList([_p(4 * h, 2 * h) for _ in range(L)])
            self.b = nn.ParameterList([_p(4 * h) for _ in range(L)])

        def example_inputs(self):
            return [torch.randn(2, h), torch.randn(L, 2, h), torch.randn(L, 2, h)]

        def forward(self, x_t, h_prev, c_prev):
            x = x_t
            hs, cs = [], []
            for l in range(L):
                g = torch.cat([x, h_prev[l]], -1) @ self.W[l].T + self.b[l]
                i, f, gg, o = g.chunk(4, -1)
                c = torch.sigmoid(f) * c_prev[l] + torch.sigmoid(i) * torch.tanh(gg)
                hl = torch.sigmoid(o) * torch.tanh(c)
                hs.append(hl); cs.append(c)
                x = hl + x
            return x, torch.stack(hs), torch.stack(cs)
    return Cell()


# MegEngine/Documentation RNNCell.po; W_ih (h, x), b_ih (h), W_hh (h, h), b_hh (h); Count: h*x + h*h + 2h.
@_export
def h48f_megengine_rnncell(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_ih, self.b_ih = _p(h, x), _p(h)
            self.W_hh, self.b_hh = _p(h, h), _p(h)

        def forward(self, x_t, h_prev):
            return torch.tanh(x_t @ self.W_ih.T + self.b_ih + h_prev @ self.W_hh.T + self.b_hh)
    return Cell()


# MegEngine/Documentation LSTM.po with proj_size; one layer, one direction: W_i* (4H, input_size), W_h* (4H, proj_size),
# b_i*, b_h* (4H each), W_hr (proj_size, H); Count: 4H*x + 4H*p + 8H + p*H (= nn.LSTM(7, 5, proj_size=3)).
@_export
def h48f_megengine_lstm_proj(input_size=7, hidden_size=5, num_layers=1, proj_size=3):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.lstm = nn.LSTM(input_size, hidden_size, num_layers=num_layers, proj_size=proj_size)

        def example_inputs(self):
            return [torch.randn(1, 2, input_size)]

        def forward(self, x):
            return self.lstm(x)
    return Cell()


# keras-team/keras-docs-ja MinimalRNNCell; kernel (input_dim, units), recurrent_kernel (units, units), no bias, no activation;
# Count: input_dim*units + units*units (= 1184 at 5/32).
@_export
def h48f_kerasja_minimalrnn(input_dim=5, units=32):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.kernel = _p(input_dim, units)
            self.recurrent_kernel = _p(units, units)

        def example_inputs(self):
            return [torch.randn(2, input_dim), torch.randn(2, units)]

        def forward(self, inputs, prev_output):
            return inputs @ self.kernel + prev_output @ self.recurrent_kernel
    return Cell()


# MegEngine/Documentation RNN.po; num_layers stacked Elman layers, one direction: layer 1 W_ih (h, x), layer l>1 W_ih (h, h),
# each W_hh (h, h), b_ih (h), b_hh (h); Count: (h*x + h*h + 2h) + (num_layers-1)*(2*h*h + 2h) (= nn.RNN(7, 5, 2)).
@_export
def h48f_megengine_rnn_stacked(x=7, h=5, num_layers=2):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.rnn = nn.RNN(x, h, num_layers=num_layers)

        def example_inputs(self):
            return [torch.randn(1, 2, x)]

        def forward(self, x_seq):
            return self.rnn(x_seq)
    return Cell()
