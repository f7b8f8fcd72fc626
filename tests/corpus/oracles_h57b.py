"""Oracles for the h57b set-aside snippets (heldout57), as its gatherer wrote them."""
import torch
from torch import nn

__all__ = []


def _export(f):
    __all__.append(f.__name__)
    return f


def _p(*shape):
    return nn.Parameter(torch.randn(*shape) * 0.1)


# sampadk04/CMI_Masters_Thesis REPORT/main.tex, section "RG-LRU: A Modification of LRU" (Griffin/Hawk recurrence):
# r_t = sigma(W_a x_t + b_a), i_t = sigma(W_x x_t + b_x), a_t = a^{c r_t}, h_t = a_t o h_{t-1} + sqrt(1 - a_t^2) o (i_t o x_t).
# i_t o x_t and a_t o h_{t-1} force h = x; a = sigma(Lambda) with Lambda learnable (diagonal, one entry per unit);
# c = 8 is a constant, not a parameter. W_a, W_x: x by x; b_a, b_x, Lambda: x. Count: 2*(x*x + x) + x.
@_export
def h57b_cmissm_rglru(x=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_a = _p(x, x)
            self.b_a = _p(x)
            self.W_x = _p(x, x)
            self.b_x = _p(x)
            self.Lam = _p(x)
            self.c = 8.0

        def forward(self, x_t, h_prev):
            r = torch.sigmoid(x_t @ self.W_a.T + self.b_a)
            i = torch.sigmoid(x_t @ self.W_x.T + self.b_x)
            a = torch.sigmoid(self.Lam) ** (self.c * r)
            h = a * h_prev + torch.sqrt(1 - a ** 2) * (i * x_t)
            return h, h
    return Cell()


# sampadk04/CMI_Masters_Thesis REPORT/main.tex, subsection "Deep LRU Architecture":
# x_k = diag(lambda) x_{k-1} + gamma o B u_k, lambda_j = exp(-exp(v_j^log)) + i exp(theta_j^log) (the stray parenthesis
# ignored), gamma_j = sqrt(1 - |lambda_j|^2) computed from lambda (a formula here, not a parameter), B the input
# projection (a plain matrix, read as real: x by u). Parameters v^log, theta^log: x each; B: x by u.
# Count: 2*x + x*u.
@_export
def h57b_cmissm_lru(x=5, u=7):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.v_log = _p(x)
            self.theta_log = _p(x)
            self.B = _p(x, u)

        def forward(self, u_k, x_prev):
            lam = torch.exp(-torch.exp(self.v_log)) + 1j * torch.exp(self.theta_log)
            gamma = torch.sqrt(torch.clamp(1 - lam.abs() ** 2, min=0.0))
            x_k = lam * x_prev + gamma * (u_k @ self.B.T)
            return x_k
    return Cell()


# sampadk04/CMI_Masters_Thesis REPORT/main.tex, subsection "Breaking LTI: Adding Selectivity" (S6). expect: refuse:
# B(t), C(t), D(t) = Linear_N(u(t)) and Delta(t) = Broadcast_D(Linear_1(u(t))) with no word on biases, D(t) mapped to
# N while D(t) u(t) needs D, and the shape of A never given in this excerpt. Most plausible reading (the Mamba paper's
# S6 for input width u = D and state size x = N per channel): A: u by x; B and C projections u -> x without bias;
# Delta: Linear_1 u -> 1 with a bias; D a learned u-vector skip. Count: u*x + 2*x*u + (u + 1) + u.
@_export
def h57b_cmissm_s6(u=6, x=4):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.A = _p(u, x)
            self.W_B = _p(x, u)
            self.W_C = _p(x, u)
            self.w_dt = _p(1, u)
            self.b_dt = _p(1)
            self.D = _p(u)

        def forward(self, u_t, x_prev):  # x_prev: (batch, u, x)
            Bt = u_t @ self.W_B.T
            Ct = u_t @ self.W_C.T
            dt = nn.functional.softplus(u_t @ self.w_dt.T + self.b_dt).expand(-1, u)
            Abar = torch.exp(dt.unsqueeze(-1) * self.A)
            x_t = Abar * x_prev + dt.unsqueeze(-1) * Bt.unsqueeze(1) * u_t.unsqueeze(-1)
            y = (x_t * Ct.unsqueeze(1)).sum(-1) + self.D * u_t
            return y, x_t
    return Cell()


# rafiepour/Thesis-Template Chapters/Chapter2.tex, LSTM section (Persian): f_t, i_t, o_t = sigma(W_k.[H_{t-1},X_t] + b_k),
# q_t = tanh(W_q.[H_{t-1},X_t] + b_q), C_t = f_t o C_{t-1} + i_t o q_t, H_t = o_t o tanh(C_t), Y_t = softmax(H_t) (no weight).
# [H_{t-1},X_t] is the concatenation, so each W_k: H by (H+X); b_k: H; k in f, i, o, q. Count: 4*(H*(H+X) + H).
@_export
def h57b_fathesis_lstm(X=7, H=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W = nn.ParameterDict({k: _p(H, H + X) for k in "fioq"})
            self.b = nn.ParameterDict({k: _p(H) for k in "fioq"})

        def forward(self, x_t, h_prev, c_prev):
            z = torch.cat([h_prev, x_t], -1)
            a = {k: z @ self.W[k].T + self.b[k] for k in "fioq"}
            c = torch.sigmoid(a["f"]) * c_prev + torch.sigmoid(a["i"]) * torch.tanh(a["q"])
            h = torch.sigmoid(a["o"]) * torch.tanh(c)
            return torch.softmax(h, -1), h, c
    return Cell()


# rafiepour/Thesis-Template Chapters/Chapter2.tex, RNN section (Persian). expect: refuse: the equation reads
# H_t = tanh(W_x.X(t) + W_h.X(t-1) + b_h) (the previous input, so W_h would be H by X and nothing recurs) while the prose
# gives W_h to the previous hidden state, and the trainable list names W_Y, W_H, b_h, b_Y without W_x.
# Most plausible reading (the prose's): W_x: H by X, W_h: H by H, b_h: H, W_Y: Y by H, b_Y: Y.
# Count: H*X + H*H + H + Y*H + Y.
@_export
def h57b_fathesis_rnn(X=7, H=5, Y=3):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_x = _p(H, X)
            self.W_h = _p(H, H)
            self.b_h = _p(H)
            self.W_Y = _p(Y, H)
            self.b_Y = _p(Y)

        def forward(self, x_t, h_prev):
            h = torch.tanh(x_t @ self.W_x.T + h_prev @ self.W_h.T + self.b_h)
            return torch.softmax(h @ self.W_Y.T + self.b_Y, -1), h
    return Cell()


# rudolfhohn/master-thesis Chapters/Chapter2.tex, subsection "Recurrent Neural Networks" (after Geron):
# y_t = phi(W_x^T x_t + W_y^T y_{(t-1)} + b), W_x in R^{n x m} (n features, m neurons), W_y in R^{m x m}, b the bias
# vector (m). The output y is the recurrent state. Count: n*m + m*m + m.
@_export
def h57b_hohn_rnn(n=7, m=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_x = _p(n, m)
            self.W_y = _p(m, m)
            self.b = _p(m)

        def forward(self, x_t, y_prev):
            y = torch.tanh(x_t @ self.W_x + y_prev @ self.W_y + self.b)
            return y
    return Cell()


# rudolfhohn/master-thesis Chapters/Chapter2.tex, LSTM after Zaremba et al.: (i, f, o, g) = sigm T_{2n,4n}(h_t^{l-1};
# h_{t-1}^l), c = f o c_{t-1} + i o g, h = o o tanh(c). T_{n,m} is an affine map Wx + b, so T_{2n,4n} has W: 4n by 2n and
# b: 4n; the text applies sigm to all four blocks. Count: 4n*2n + 4n.
@_export
def h57b_hohn_lstm(n=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W = _p(4 * n, 2 * n)
            self.b = _p(4 * n)

        def forward(self, h_below, h_prev, c_prev):
            i, f, o, g = torch.sigmoid(torch.cat([h_below, h_prev], -1) @ self.W.T + self.b).chunk(4, -1)
            c = f * c_prev + i * g
            return o * torch.tanh(c), c
    return Cell()


# JakartaLaw/ACFS chapters/algorithms.tex, subsection "LSTM" / "Architecture of network": one LSTM layer of 256 outputs,
# a dense output layer of 11 outputs (the Sharpe ratios of the individual stocks), the input the returns of the
# individual stocks (11), "The LSTM contains 277259 trainable parameters". Standard (Keras) LSTM with one bias per gate:
# W: 4h by x, U: 4h by h, b: 4h at h = 256, x = 11; dense 256 -> 11 with bias.
# Count: 4*256*(11 + 256 + 1) + 256*11 + 11 = 277259, the total the text states.
@_export
def h57b_acfs_lstm(x=11):
    h, y = 256, 11

    class Model(nn.Module):
        def __init__(self):
            super().__init__()
            self.W = _p(4 * h, x)
            self.U = _p(4 * h, h)
            self.b = _p(4 * h)
            self.dense = nn.Linear(h, y)

        def forward(self, x_t, h_prev, c_prev):
            i, f, g, o = (x_t @ self.W.T + h_prev @ self.U.T + self.b).chunk(4, -1)
            c = torch.sigmoid(f) * c_prev + torch.sigmoid(i) * torch.tanh(g)
            h_t = torch.sigmoid(o) * torch.tanh(c)
            return self.dense(h_t), h_t, c
    return Model()


# xye-csusm/FSE2018 sections/introduction.tex, LSTM bug-report classifier. expect: refuse: the LSTM unit is described in
# prose only (memory cell and three gates named, no gate written; c_{i-1} listed among the unit's inputs, so peepholes
# are possible), m left open in the excerpt. Most plausible reading: a Keras LSTM of m units on w = 100 inputs
# (4m*(w + m + 1)), the dense U in R^{m x n} with b in R^n, and softmax weighting vectors v_i in R^n for n = 2 categories
# (n*n, no bias written). Count: 4m(w+m+1) + m*n + n + n*n.
@_export
def h57b_fse18_lstm(w=100, m=5, n=2):
    class Model(nn.Module):
        def __init__(self):
            super().__init__()
            self.W = _p(4 * m, w)
            self.R = _p(4 * m, m)
            self.b_l = _p(4 * m)
            self.U = _p(m, n)
            self.b = _p(n)
            self.V = _p(n, n)

        def forward(self, w_t, h_prev, c_prev):
            i, f, g, o = (w_t @ self.W.T + h_prev @ self.R.T + self.b_l).chunk(4, -1)
            c = torch.sigmoid(f) * c_prev + torch.sigmoid(i) * torch.tanh(g)
            h = torch.sigmoid(o) * torch.tanh(c)
            xx = torch.relu(h @ self.U + self.b)
            return torch.softmax(xx @ self.V.T, -1), h, c
    return Model()


# vonJOKER/2023-MCM 2321846.tex, "Data Predictions Using LSTM-ARIMA Model" / "Hybrid LSTM-ARIMA Algorithm".
# expect: refuse: only the cell update B_v = f_v . B_{v-1} + i_v . B_v' is written (gates unwritten), then
# "Model.add LSTM (units= 100)", "Model.add Dense (1)"; the input width is never fixed. Most plausible reading: a Keras
# LSTM of 100 units on x inputs (one bias per gate) and a dense 100 -> 1. Count: 4*100*(x + 100 + 1) + 100 + 1.
@_export
def h57b_mcm23_lstm(x=1):
    h = 100

    class Model(nn.Module):
        def __init__(self):
            super().__init__()
            self.W = _p(4 * h, x)
            self.U = _p(4 * h, h)
            self.b = _p(4 * h)
            self.dense = nn.Linear(h, 1)

        def forward(self, x_t, h_prev, c_prev):
            i, f, g, o = (x_t @ self.W.T + h_prev @ self.U.T + self.b).chunk(4, -1)
            c = torch.sigmoid(f) * c_prev + torch.sigmoid(i) * torch.tanh(g)
            h_t = torch.sigmoid(o) * torch.tanh(c)
            return self.dense(h_t), h_t, c
    return Model()


# AlaaAbdelbaki/ams_projet_doc chapters/analyse_codes/analyse_codes.tex (French), Russian-name generator, RNN vs GRU.
# expect: refuse: the cells are only named (PyTorch GRU cited), the sizes are ranges (2 -> 8 layers, 16 -> 256 hidden
# units) and the input and output sizes are never given. Most plausible reading: torch.nn.GRU with the smallest stack
# of the range (2 layers) and a linear read-out to y letters. Count (torch GRU, two biases per layer):
# 3h(x + h + 2) + 3h(2h + 2) + h*y + y.
@_export
def h57b_amsdoc_gru(x=7, h=5, y=3):
    class Model(nn.Module):
        def __init__(self):
            super().__init__()
            self.gru = nn.GRU(x, h, num_layers=2, batch_first=True)
            self.out = nn.Linear(h, y)

        def forward(self, x_t, h_prev):
            o, h_next = self.gru(x_t.unsqueeze(1), h_prev)
            return self.out(o[:, -1]), h_next
    return Model()
