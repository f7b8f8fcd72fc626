"""Oracles for the h57f set-aside snippets (heldout57), as its gatherer wrote them."""
import torch
from torch import nn

__all__ = []


def _export(f):
    __all__.append(f.__name__)
    return f


def _p(*shape):
    return nn.Parameter(torch.randn(*shape) * 0.1)


# apachecn/apachecn-dl-zh docs/handson-dl-arch-py/6.md, "# LSTM RNN" (Chinese): f, i, o = sigmoid(U[k] x[t] + W[k] s[t-1]),
# c' = sigmoid(U[c] x[t] + W[c] s[t-1]) (the prose calls this unit "tanh"; the nonlinearity does not change the count),
# c[t] = f .* c[t-1] + i .* c', s[t] = o .* c[t]. No biases anywhere ("所有四组权重U和W"). U[k]: s x x, W[k]: s x s,
# k in f, i, c, o. Count: 4*(s*x + s*s).
@_export
def h57f_apachecn_lstm(x=7, s=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.U = nn.ParameterDict({k: _p(s, x) for k in "fico"})
            self.W = nn.ParameterDict({k: _p(s, s) for k in "fico"})

        def forward(self, x_t, s_prev, c_prev):
            a = {k: x_t @ self.U[k].T + s_prev @ self.W[k].T for k in "fico"}
            f, i, o = torch.sigmoid(a["f"]), torch.sigmoid(a["i"]), torch.sigmoid(a["o"])
            c_cand = torch.sigmoid(a["c"])
            c = f * c_prev + i * c_cand
            s_t = o * c
            return s_t, (s_t, c)
    return Cell()


# apachecn/apachecn-dl-zh docs/handson-dl-arch-py/6.md, "# GRU RNN" (Chinese): r = sigmoid(U[r] x[t] + W[r] s[t-1]),
# p = sigmoid(U[p] x[t] + W[p] s[t-1]), c = tanh(U[c] x[t] + W[c] (r .* s[t-1])) (the same unit the prose and the
# next line call c'), s[t] = (1 - p) .* c' + p .* s[t-1]. No biases. U[k]: s x x, W[k]: s x s, k in r, p, c.
# Count: 3*(s*x + s*s).
@_export
def h57f_apachecn_gru(x=7, s=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.U = nn.ParameterDict({k: _p(s, x) for k in "rpc"})
            self.W = nn.ParameterDict({k: _p(s, s) for k in "rpc"})

        def forward(self, x_t, s_prev):
            r = torch.sigmoid(x_t @ self.U["r"].T + s_prev @ self.W["r"].T)
            p = torch.sigmoid(x_t @ self.U["p"].T + s_prev @ self.W["p"].T)
            c = torch.tanh(x_t @ self.U["c"].T + (r * s_prev) @ self.W["c"].T)
            s_t = (1 - p) * c + p * s_prev
            return s_t, s_t
    return Cell()


# ddangchani.github.io 2022-08-09-LSTM-FCN.mdx, "### LSTM" (Korean): g^k = sigma/tanh(W^k h_{t-1} + I^k x_t) for
# k in u, f, o (sigmoid) and c (tanh), m_t = g^f o m_{t-1} + g^u o g^c, h_t = tanh(g^o o m_t) (output gate inside the
# tanh, as written). No biases. W^k: h x h, I^k: h x x. Count: 4*(h*h + h*x).
@_export
def h57f_ddangchani_lstm(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W = nn.ParameterDict({k: _p(h, h) for k in "ufoc"})
            self.I = nn.ParameterDict({k: _p(h, x) for k in "ufoc"})

        def forward(self, x_t, h_prev, m_prev):
            a = {k: h_prev @ self.W[k].T + x_t @ self.I[k].T for k in "ufoc"}
            g_u, g_f, g_o = torch.sigmoid(a["u"]), torch.sigmoid(a["f"]), torch.sigmoid(a["o"])
            g_c = torch.tanh(a["c"])
            m = g_f * m_prev + g_u * g_c
            h_t = torch.tanh(g_o * m)
            return h_t, (h_t, m)
    return Cell()


# ddangchani.github.io 2024-06-21-SSM.mdx (Korean), Elman network: h_t = sigma_h(W_h x_t + U_h h_{t-1} + b_h),
# y_t = sigma_y(W_y h_t + b_y). W_h: h x x, U_h: h x h, b_h: h, W_y: y x h, b_y: y.
# Count: h*x + h*h + h + y*h + y.
@_export
def h57f_ddangchani_elman(x=7, h=5, y=3):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_h = _p(h, x)
            self.U_h = _p(h, h)
            self.b_h = _p(h)
            self.W_y = _p(y, h)
            self.b_y = _p(y)

        def forward(self, x_t, h_prev):
            h_t = torch.tanh(x_t @ self.W_h.T + h_prev @ self.U_h.T + self.b_h)
            y_t = torch.sigmoid(h_t @ self.W_y.T + self.b_y)
            return y_t, h_t
    return Cell()


# SherryW0424/notebook DeepLearning/RNN/RNN.md (Chinese WildML translation): s_t = f(U x_t + W s_{t-1}),
# o_t = softmax(V s_t); shared parameters U, V, W, no biases. U: s x x, W: s x s, V: o x s.
# Count: s*x + s*s + o*s.
@_export
def h57f_sherry_rnn(x=7, s=5, o=3):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.U = _p(s, x)
            self.W = _p(s, s)
            self.V = _p(o, s)

        def forward(self, x_t, s_prev):
            s_t = torch.tanh(x_t @ self.U.T + s_prev @ self.W.T)
            o_t = torch.softmax(s_t @ self.V.T, dim=-1)
            return o_t, s_t
    return Cell()


# qianjr2002/LinearRNNs lru.py, class LRU (Chinese comments), default use_bias=True:
# i_dense = nn.Linear(hidden_size, 2*units), o_dense = nn.Linear(2*units, hidden_size), params_log = one
# nn.Parameter of shape (3, units) holding log nu, log theta, log gamma. One step of the scan:
# u = i_dense(x_t); u_c = u[:units] + i u[units:]; lambda = exp(-nu + i theta); h_t = lambda h_{t-1} + u_c;
# y_t = o_dense([Re(gamma h_t), Im(gamma h_t)]). Count: hidden_size*2*units + 2*units + 2*units*hidden_size
# + hidden_size + 3*units.
@_export
def h57f_linearrnns_lru(hidden_size=7, units=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.i_dense = nn.Linear(hidden_size, units * 2, bias=True)
            self.o_dense = nn.Linear(units * 2, hidden_size, bias=True)
            self.params_log = _p(3, units)

        def forward(self, x_t, h_prev):
            u = self.i_dense(x_t)
            nu, theta, gamma = torch.exp(self.params_log)
            u_c = torch.complex(u[..., :units], u[..., units:])
            lamb = torch.exp(torch.complex(-nu, theta))
            h_t = lamb * h_prev + u_c
            g = h_t * torch.complex(gamma, torch.zeros_like(gamma))
            y_t = self.o_dense(torch.cat([g.real, g.imag], dim=-1))
            return y_t, h_t
    return Cell()


# Jakelinecs/Tareas-Machine-Learning N32.ipynb cell 1 (Spanish comments), NumPy SimpleRNN with row vectors:
# h_t = tanh(h_{t-1} W_hh + x_t W_xh + b_h). W_xh: INPUT_DIM x HIDDEN_DIM, W_hh: HIDDEN_DIM x HIDDEN_DIM,
# b_h: HIDDEN_DIM; the sizes are fixed in the code (INPUT_DIM = 4, HIDDEN_DIM = 3).
# Count: INPUT_DIM*HIDDEN_DIM + HIDDEN_DIM*HIDDEN_DIM + HIDDEN_DIM.
@_export
def h57f_jakelinecs_rnn_numpy(INPUT_DIM=4, HIDDEN_DIM=3):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_xh = _p(INPUT_DIM, HIDDEN_DIM)
            self.W_hh = _p(HIDDEN_DIM, HIDDEN_DIM)
            self.b_h = _p(HIDDEN_DIM)

        def forward(self, x_t, h_prev):
            h_t = torch.tanh(h_prev @ self.W_hh + x_t @ self.W_xh + self.b_h)
            return h_t, h_t
    return Cell()


# hicann/pypto models/arctic/README.md, sum_lstm operator (Chinese). expect: refuse. The gate pre-activations arrive
# as inputs (states_4d + alpha * z4_4d), so the operator holds no matrices; the only weights are the elementwise
# RMSNorm affines w_cell, b_cell, w_state, b_state, each (D_GATE,), and the text says they are applied only
# "如果权重存在" (if the weights exist), so the count is 4*D_GATE or 0 with nothing to pick one; where the
# matrices that produce states_4d and z4_4d live (and their sizes) is not said. Most plausible reading: the four
# vectors exist; alpha, eps_cell, eps_state are config hyperparameters, not parameters.
# Count: 4*D_GATE.
@_export
def h57f_pypto_sumlstm(D_GATE=5):
    alpha, eps_cell, eps_state = 0.1, 1e-6, 1e-6

    def rmsnorm(v, eps):
        return v * torch.rsqrt((v ** 2).mean(dim=-1, keepdim=True) + eps)

    def gelu(v):
        return v * torch.sigmoid(1.702 * v)

    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.w_cell = _p(D_GATE)
            self.b_cell = _p(D_GATE)
            self.w_state = _p(D_GATE)
            self.b_state = _p(D_GATE)

        def forward(self, states_4d, z4_4d, prev_cell):
            fused = states_4d + alpha * z4_4d
            pre_f, pre_i, pre_o, pre_c = fused.split(D_GATE, dim=-1)
            f_gate, i_gate, o_gate = torch.sigmoid(pre_f), torch.sigmoid(pre_i), torch.sigmoid(pre_o)
            c_act = gelu(rmsnorm(pre_c, eps_cell) * self.w_cell + self.b_cell)
            c_new = prev_cell * f_gate + c_act * i_gate
            h_act = gelu(rmsnorm(c_new, eps_state) * self.w_state + self.b_state)
            h_new = h_act * o_gate
            return h_new, c_new
    return Cell()


# small-toolforge/e-shikaku-learning-navi cards-03-deep-learning-base.js, card "formula-3-5-rnn" (Japanese):
# h_t = phi(W_x x_t + W_h h_(t-1) + b) (weight subscripts glued to the signals in "W_xx_t+W_hh_(t−1)").
# W_x: h x x, W_h: h x h, b: h. No output layer. Count: h*x + h*h + h.
@_export
def h57f_eshikaku_rnn(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_x = _p(h, x)
            self.W_h = _p(h, h)
            self.b = _p(h)

        def forward(self, x_t, h_prev):
            h_t = torch.tanh(x_t @ self.W_x.T + h_prev @ self.W_h.T + self.b)
            return h_t, h_t
    return Cell()


# miguelevangelista.gitbook.io "Redes Neuronales Recurrentes / Definición" (Spanish): s_t = sigma(W s_{t-1} + U x_t + b),
# o_t = sigma_bar(V s_t) ("W y U son matrices de pesos", "b es el sesgo"; no output bias). W: s x s, U: s x x, b: s,
# V: o x s. Count: s*s + s*x + s + o*s.
@_export
def h57f_miguelevangelista_rnn(x=7, s=5, o=3):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W = _p(s, s)
            self.U = _p(s, x)
            self.b = _p(s)
            self.V = _p(o, s)

        def forward(self, x_t, s_prev):
            s_t = torch.tanh(s_prev @ self.W.T + x_t @ self.U.T + self.b)
            o_t = torch.sigmoid(s_t @ self.V.T)
            return o_t, s_t
    return Cell()
