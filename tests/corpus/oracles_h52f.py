"""Oracles for the h52f set-aside snippets (heldout52), as its gatherer wrote them."""
import torch
from torch import nn

__all__ = []


def _export(f):
    __all__.append(f.__name__)
    return f


def _p(*shape):
    return nn.Parameter(torch.randn(*shape) * 0.1)


# Tonoyama/Keras-Study NN-tutorial/RNN.ipynb, Elman RNN with output layer; W_h (h x x), U (h x h), b_h (h),
# W_y (y x h), b_y (y); f^(hidden)=tanh, f^(out)=identity here (no parameters). Count: h*x + h*h + h + y*h + y.
@_export
def h52f_tonoyama_rnn(x=7, h=5, y=3):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_h = _p(h, x)
            self.U = _p(h, h)
            self.b_h = _p(h)
            self.W_y = _p(y, h)
            self.b_y = _p(y)

        def forward(self, x_t, h_prev):
            h_t = torch.tanh(x_t @ self.W_h.T + h_prev @ self.U.T + self.b_h)
            y_t = h_t @ self.W_y.T + self.b_y
            return y_t, h_t
    return Cell()


# P2Enjoy/academy-tutorial-python rag/theorie/UE1-introduction.md, GRU (French); W_z, W_r, W_h each (h x (h+x))
# acting on a concatenation, biases b_z, b_r, b_h (h). Count: 3*(h*(h+x) + h).
@_export
def h52f_p2enjoy_gru(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_z = _p(h, h + x)
            self.b_z = _p(h)
            self.W_r = _p(h, h + x)
            self.b_r = _p(h)
            self.W_h = _p(h, h + x)
            self.b_h = _p(h)

        def forward(self, x_t, h_prev):
            hx = torch.cat([h_prev, x_t], -1)
            z = torch.sigmoid(hx @ self.W_z.T + self.b_z)
            r = torch.sigmoid(hx @ self.W_r.T + self.b_r)
            h_tilde = torch.tanh(torch.cat([r * h_prev, x_t], -1) @ self.W_h.T + self.b_h)
            return (1 - z) * h_prev + z * h_tilde
    return Cell()


def _lstm_sep(x, h, bias):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            for g in "fico":
                setattr(self, "W_x" + g, _p(h, x))
                setattr(self, "W_h" + g, _p(h, h))
                if bias:
                    setattr(self, "b_" + g, _p(h))

        def _lin(self, g, x_t, h_prev):
            out = x_t @ getattr(self, "W_x" + g).T + h_prev @ getattr(self, "W_h" + g).T
            if bias:
                out = out + getattr(self, "b_" + g)
            return out

        def forward(self, x_t, h_prev, c_prev):
            f = torch.sigmoid(self._lin("f", x_t, h_prev))
            i = torch.sigmoid(self._lin("i", x_t, h_prev))
            c_tilde = torch.tanh(self._lin("c", x_t, h_prev))
            c = f * c_prev + i * c_tilde
            o = torch.sigmoid(self._lin("o", x_t, h_prev))
            return o * torch.tanh(c), c
    return Cell()


# PyZhihao/IMDB-... LSTM.md (Chinese), standard LSTM; per gate f,i,c,o: W_x* (h x x), W_h* (h x h), b_* (h).
# Count: 4*(h*x + h*h + h).
@_export
def h52f_pyzhihao_lstm(x=7, h=5):
    return _lstm_sep(x, h, bias=True)


# hs-krispy/Utilize-Tensorflow LSTM.md (Korean): formulas only in images; text names Wxi, Whi, Wxg, Whg and says the
# forget/output gates take x_t and h_{t-1} through a sigmoid; no bias is mentioned. Most plausible reading: four
# gates each with W_x* (h x x) and W_h* (h x h), no biases. Count: 4*(h*x + h*h). (expect: refuse)
@_export
def h52f_hskrispy_lstm(x=7, h=5):
    return _lstm_sep(x, h, bias=False)


# fangyun/rnn_lstm RNN_LSTM.md (Chinese), LSTM steps 1-6: per node g,i,f,o: W_x* (x -> h, written W^T x),
# W_h* (h -> h), b_* (h). The prose also names W_{cg}, but no equation uses it (no peephole in the equations).
# Count: 4*(h*x + h*h + h).
@_export
def h52f_fangyun_lstm(x=7, h=5):
    return _lstm_sep(x, h, bias=True)


# jimmy-walker/TensorflowTutorial LSTM.md (Chinese notes): n_layers=3 stacked tf.contrib.rnn.BasicLSTMCell(n_neurons)
# (each layer: kernel ((in + n_neurons) x 4*n_neurons) + bias (4*n_neurons); forget_bias is a constant), first layer
# in = n_inputs, layers 2-3 in = n_neurons; dense head n_neurons -> n_outputs with bias.
# Count: 4*n_neurons*(n_inputs+n_neurons+1) + 2*4*n_neurons*(2*n_neurons+1) + n_neurons*n_outputs + n_outputs.
@_export
def h52f_jimmywalker_stacked_lstm(n_inputs=7, n_neurons=5, n_outputs=3):
    class Net(nn.Module):
        def __init__(self):
            super().__init__()
            self.cells = nn.ModuleList([nn.LSTMCell(n_inputs if l == 0 else n_neurons, n_neurons, bias=False)
                                        for l in range(3)])
            self.biases = nn.ParameterList([_p(4 * n_neurons) for _ in range(3)])  # one bias per BasicLSTMCell
            self.dense = nn.Linear(n_neurons, n_outputs)

        def forward(self, x_t, states):
            inp, new = x_t, []
            for cell, b, (h, c) in zip(self.cells, self.biases, states):
                gates = inp @ cell.weight_ih.T + h @ cell.weight_hh.T + b
                i, j, f, o = gates.chunk(4, -1)
                c = c * torch.sigmoid(f + 1.0) + torch.sigmoid(i) * torch.tanh(j)
                h = torch.tanh(c) * torch.sigmoid(o)
                new.append((h, c))
                inp = h
            return self.dense(inp), new
    return Net()


# joyeuxni/ending lstm.md (TF script, Chinese comments): BasicLSTMCell(lstm_size) on n_input features
# (kernel ((n_input+lstm_size) x 4*lstm_size) + bias 4*lstm_size), output weights [lstm_size, n_classes] + biases [n_classes].
# Count: 4*lstm_size*(n_input+lstm_size+1) + lstm_size*n_classes + n_classes.
@_export
def h52f_joyeuxni_lstm(n_input=7, lstm_size=5, n_classes=3):
    class Net(nn.Module):
        def __init__(self):
            super().__init__()
            self.kernel = _p(n_input + lstm_size, 4 * lstm_size)
            self.bias = _p(4 * lstm_size)
            self.weights = _p(lstm_size, n_classes)
            self.biases = _p(n_classes)

        def forward(self, x_t, h_prev, c_prev):
            i, j, f, o = (torch.cat([x_t, h_prev], -1) @ self.kernel + self.bias).chunk(4, -1)
            c = c_prev * torch.sigmoid(f + 1.0) + torch.sigmoid(i) * torch.tanh(j)
            h = torch.tanh(c) * torch.sigmoid(o)
            return torch.softmax(h @ self.weights + self.biases, -1), h, c
    return Net()


# PyZhihao/IMDB-... GRU.md sections 15-17 (Chinese): num_layers=2 GRU; per layer and gate z,r,h: W_x* (h x in),
# W_h* (h x h), b_* (h); layer 1 in = x, layer 2 in = h. Count: 3*(h*x + h*h + h) + 3*(h*h + h*h + h).
@_export
def h52f_pyzhihao_gru2(x=7, h=5):
    class Layer(nn.Module):
        def __init__(self, n_in):
            super().__init__()
            for g in "zrh":
                setattr(self, "W_x" + g, _p(h, n_in))
                setattr(self, "W_h" + g, _p(h, h))
                setattr(self, "b_" + g, _p(h))

        def forward(self, x_t, h_prev):
            z = torch.sigmoid(x_t @ self.W_xz.T + h_prev @ self.W_hz.T + self.b_z)
            r = torch.sigmoid(x_t @ self.W_xr.T + h_prev @ self.W_hr.T + self.b_r)
            h_tilde = torch.tanh(x_t @ self.W_xh.T + (r * h_prev) @ self.W_hh.T + self.b_h)
            return z * h_prev + (1 - z) * h_tilde

    class Net(nn.Module):
        def __init__(self):
            super().__init__()
            self.l1, self.l2 = Layer(x), Layer(h)

        def forward(self, x_t, h1, h2):
            h1 = self.l1(x_t, h1)
            return h1, self.l2(h1, h2)
    return Net()


# noissefnoc/book-deep-learning-from-scratch-2 README.md ch. 6 (Japanese): only `tanh(h_t-1 W_h + x_t W_x + b)`;
# most plausible reading: the plain RNN block, W_h (h x h), W_x (x x h), b (h). Count: h*h + x*h + h. (expect: refuse:
# the section is about the LSTM, whose gates are never written; an LSTM reading would give 4*(h*h + x*h + h).)
@_export
def h52f_noissefnoc_rnn(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_h = _p(h, h)
            self.W_x = _p(x, h)
            self.b = _p(h)

        def forward(self, x_t, h_prev):
            return torch.tanh(h_prev @ self.W_h + x_t @ self.W_x + self.b)
    return Cell()


# fangyun/rnn_lstm RNN_LSTM.md section 二 (Chinese): s_t = f(U x_t + W s_{t-1} + b_1), o_t = g(V s_t + b_2);
# U (s x x), W (s x s), b_1 (s), V (o x s), b_2 (o). Count: s*x + s*s + s + o*s + o.
@_export
def h52f_fangyun_rnn(x=7, s=5, o=3):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.U = _p(s, x)
            self.W = _p(s, s)
            self.b_1 = _p(s)
            self.V = _p(o, s)
            self.b_2 = _p(o)

        def forward(self, x_t, s_prev):
            s_t = torch.tanh(x_t @ self.U.T + s_prev @ self.W.T + self.b_1)
            return torch.softmax(s_t @ self.V.T + self.b_2, -1), s_t
    return Cell()


# fengjiyuan222/1 RNN.md (Chinese), LSTM "公式总结" (formulas in image alt text): (i f o g) = (σ σ σ tanh) W (h_{t-1}; x_t),
# one stacked W (4h x (h+x)), no bias written; c_t = f*c_{t-1} + i*g (standard; not written), h_t = o ⊙ tanh(c_t).
# Count: 4*h*(h+x).
@_export
def h52f_fengjiyuan_lstm(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W = _p(4 * h, h + x)

        def forward(self, x_t, h_prev, c_prev):
            i, f, o, g = (torch.cat([h_prev, x_t], -1) @ self.W.T).chunk(4, -1)
            i, f, o, g = torch.sigmoid(i), torch.sigmoid(f), torch.sigmoid(o), torch.tanh(g)
            c = f * c_prev + i * g
            return o * torch.tanh(c), c
    return Cell()
