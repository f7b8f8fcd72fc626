"""Oracles for the h37c set-aside snippets (heldout36), as its gatherer wrote them."""
import torch
from torch import nn

__all__ = []


def _export(f):
    __all__.append(f.__name__)
    return f


def _p(*shape):
    return nn.Parameter(torch.randn(*shape) * 0.1)


# hackmd.io/@Thanmay RNN note (refuse: b reused in the V-sized output, V both matrix and size,
# output layer "optional"); most plausible reading: W (d x d), U (d x e), b (d), output V (V x d)
# with its own bias (V); Count: d*d + d*e + d + V*d + V.
@_export
def h37c_hackmd_rnn(e=7, d=5, V=3):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W, self.U, self.b = _p(d, d), _p(d, e), _p(d)
            self.V, self.c = _p(V, d), _p(V)

        def forward(self, xt, hp):
            h = torch.sigmoid(hp @ self.W.T + xt @ self.U.T + self.b)
            return h, torch.softmax(h @ self.V.T + self.c, -1)
    return Cell()


# Yngie-C.github.io LSTM post (Korean); gates o, f, g, i each x_t W_x^* (x x h) + h_{t-1} W_h^* (h x h) + b^* (h);
# the closing stacked form W (h;x) drops the bias, read as shorthand for the same gates; Count: 4*(x*h + h*h + h).
@_export
def h37c_yngie_lstm(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.Wx = nn.ParameterList([_p(x, h) for _ in range(4)])
            self.Wh = nn.ParameterList([_p(h, h) for _ in range(4)])
            self.b = nn.ParameterList([_p(h) for _ in range(4)])

        def forward(self, xt, hp, cp):
            a = [xt @ self.Wx[k] + hp @ self.Wh[k] + self.b[k] for k in range(4)]
            o, f, g, i = torch.sigmoid(a[0]), torch.sigmoid(a[1]), torch.tanh(a[2]), torch.sigmoid(a[3])
            c = f * cp + i * g
            return o * torch.tanh(c), c
    return Cell()


# spaces.ac.cn (科学空间) SSM/HiPPO post; x'(t) = A x + B u, y = C x + D u with A (d x d), B (d x d_i),
# C (d_o x d), D (d_o x d_i); one Euler step stands in for the continuous dynamics; Count: d*d + d*d_i + d_o*d + d_o*d_i.
@_export
def h37c_spaces_ssm(d_i=3, d=5, d_o=2):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.A, self.B, self.C, self.D = _p(d, d), _p(d, d_i), _p(d_o, d), _p(d_o, d_i)

        def forward(self, u, xs, dt=0.1):
            xs = xs + dt * (xs @ self.A.T + u @ self.B.T)
            return xs, xs @ self.C.T + u @ self.D.T
    return Cell()


# qiita.com/3405691582 RetNet as linear system (refuse: no sizes for X and the W's; A complex diagonal,
# fixed or learned not said). Most plausible reading: model width d, W_Q, W_K, W_V (d x d), A the fixed
# RetNet decay (buffer, not learned); H_i = A H_{i-1} + W_K^T X_i^T X_i W_V, Y_i = X_i W_Q H_i; Count: 3*d*d.
@_export
def h37c_qiita_retnet(d=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_Q, self.W_K, self.W_V = _p(d, d), _p(d, d), _p(d, d)
            self.register_buffer('a', torch.full((d,), 0.9))

        def forward(self, X, H):
            Z = self.W_K.T @ X.T @ X @ self.W_V          # X: (1, d)
            H = self.a[:, None] * H + Z
            return (X @ self.W_Q) @ H, H
    return Cell()


# hatohato.jp SSM/Mamba notes, S4-style single-input single-output SSM (refuse: D is in the continuous
# output but not in the parameter list nor in the discrete y_k = C h_k; shape of the learnable Delta not given).
# Most plausible reading: the discrete model as finally written: A (N x N), B (N x 1), C (1 x N), scalar Delta;
# ZOH discretization; Count: N*N + 2*N + 1.
@_export
def h37c_hatohato_ssm(N=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.A, self.B, self.C = _p(N, N), _p(N, 1), _p(1, N)
            self.log_dt = nn.Parameter(torch.tensor(-2.0))

        def forward(self, xk, h):
            dt = self.log_dt.exp()
            dA = dt * self.A
            Ab = torch.matrix_exp(dA)
            Bb = torch.linalg.solve(dA, (Ab - torch.eye(N)) @ (dt * self.B))
            h = h @ Ab.T + xk @ Bb.T
            return h @ self.C.T, h
    return Cell()


# codekansas.github.io Keras language-modeling post, LSTM section; input/forget/output gates and candidate each
# dot(input_vector, W_*) (x x h) + dot(prev_hidden, U_*) (h x h) + b_* (h); Count: 4*(x*h + h*h + h).
@_export
def h37c_codekansas_lstm(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W = nn.ParameterDict({k: _p(x, h) for k in ('input', 'forget', 'output', 'hidden')})
            self.U = nn.ParameterDict({k: _p(h, h) for k in ('input', 'forget', 'output', 'hidden')})
            self.b = nn.ParameterDict({k: _p(h) for k in ('input', 'forget', 'output', 'hidden')})

        def forward(self, xt, hp, cp):
            a = {k: torch.tanh(xt @ self.W[k] + hp @ self.U[k] + self.b[k]) for k in self.W}
            mem = cp * a['forget'] + a['hidden'] * a['input']
            return torch.tanh(mem) * a['output'], mem
    return Cell()


# codekansas.github.io Keras language-modeling post, GRU section (refuse: temp_state uses U_reset again, so the
# candidate's recurrent matrix is either shared with the reset gate, as written, or a typo for its own U_hidden).
# Literal reading (as written): W_update, W_reset, W_hidden (x x h), U_update, U_reset (h x h, U_reset shared),
# b_update, b_reset, b_hidden (h); Count: 3*(x*h + h) + 2*h*h. (Separate U_hidden would give 3*(x*h + h*h + h).)
@_export
def h37c_codekansas_gru(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_update, self.W_reset, self.W_hidden = _p(x, h), _p(x, h), _p(x, h)
            self.U_update, self.U_reset = _p(h, h), _p(h, h)
            self.b_update, self.b_reset, self.b_hidden = _p(h), _p(h), _p(h)

        def forward(self, xt, hp):
            u = torch.tanh(xt @ self.W_update + hp @ self.U_update + self.b_update)
            r = torch.tanh(xt @ self.W_reset + hp @ self.U_reset + self.b_reset)
            temp = torch.tanh(xt @ self.W_hidden + (hp * r) @ self.U_reset + self.b_hidden)
            return (1 - u) * temp + u * hp
    return Cell()


# harrisonvanderbyl/symato docs/rwkv-technical.md, RWKV-2 SA layer (Vietnamese); K, V, R, P (C x C),
# token-shift Ts (C, given an init value like the weights, so read as learned), W decay (C), X bonus (C);
# Count: 4*C*C + 3*C.
@_export
def h37c_symato_rwkv2(C=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.K, self.V, self.R, self.P = _p(C, C), _p(C, C), _p(C, C), _p(C, C)
            self.Ts = nn.Parameter(torch.cat([torch.ones(C // 2), torch.zeros(C - C // 2)]))
            self.W = nn.Parameter(torch.full((C,), 0.9))
            self.X = nn.Parameter(torch.ones(C))

        def forward(self, xt, xprev, a, b):
            z = self.Ts * xprev + (1 - self.Ts) * xt
            k = torch.exp((z @ self.K.T).clamp(max=30))
            v = z @ self.V.T
            r = torch.sigmoid(z @ self.R.T)
            c = a + self.X * k * v
            d = b + self.X * k + 1e-8
            a = self.W * a + k * v
            b = self.W * b + k
            y = r * c / d
            return xt + y @ self.P.T, a, b
    return Cell()


# Cathol1357/zero-deeplearning ch.5 RNN notebook (Japanese); h_t = tanh(h_{t-1} W_h + x_t W_x + b) (text has the
# typo h_{h-1}); W_h (h x h), W_x (x x h), b (h); Count: h*h + x*h + h.
@_export
def h37c_cathol_rnn(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_h, self.W_x, self.b = _p(h, h), _p(x, h), _p(h)

        def forward(self, xt, hp):
            return torch.tanh(hp @ self.W_h + xt @ self.W_x + self.b)
    return Cell()


# spaces.ac.cn (科学空间) post 10180, S4 recap: x_{k+1} = Ā x_k + B̄ u_k, y_{k+1} = C̄* x_{k+1}, u, y scalar,
# x in R^d, Ā (d x d, "general matrix"), B̄, C̄ (d x 1); Count: d*d + 2*d.
@_export
def h37c_spaces_s4(d=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.A, self.B, self.C = _p(d, d), _p(d, 1), _p(d, 1)

        def forward(self, u, xs):
            xs = xs @ self.A.T + u @ self.B.T
            return xs @ self.C, xs
    return Cell()


# 54mulin.notion.site "Day 20 peephole" (refuse: V_f, V_i shapes not given (full or diagonal); the output gate is
# said to peek too but its equation, the cell update and h_t are missing). Most plausible reading: colah-style
# peephole LSTM, W_f, W_i, W_C, W_o (h x (h+x)), b_* (h), full peephole matrices V_f, V_i, V_o (h x h);
# Count: 4*(h*(h+x) + h) + 3*h*h.
@_export
def h37c_mulin_peephole(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W = nn.ParameterDict({k: _p(h, h + x) for k in ('f', 'i', 'C', 'o')})
            self.b = nn.ParameterDict({k: _p(h) for k in ('f', 'i', 'C', 'o')})
            self.V = nn.ParameterDict({k: _p(h, h) for k in ('f', 'i', 'o')})

        def forward(self, xt, hp, cp):
            z = torch.cat([hp, xt], -1)
            f = torch.sigmoid(z @ self.W['f'].T + cp @ self.V['f'].T + self.b['f'])
            i = torch.sigmoid(z @ self.W['i'].T + cp @ self.V['i'].T + self.b['i'])
            ct = torch.tanh(z @ self.W['C'].T + self.b['C'])
            c = f * cp + i * ct
            o = torch.sigmoid(z @ self.W['o'].T + c @ self.V['o'].T + self.b['o'])
            return o * torch.tanh(c), c
    return Cell()


# harrisonvanderbyl/symato docs/rwkv-technical.md, RWKV-2 FF (channel-mix) layer (Vietnamese); K (4C x C),
# V (C x 4C), R (C x C), token-shift Ts (C, read as learned like the weights); Count: 4*C*C + 4*C*C + C*C + C.
@_export
def h37c_symato_rwkv2_ff(C=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.K, self.V, self.R = _p(4 * C, C), _p(C, 4 * C), _p(C, C)
            self.Ts = nn.Parameter(torch.cat([torch.ones(C // 2), torch.zeros(C - C // 2)]))

        def forward(self, xt, xprev):
            z = self.Ts * xprev + (1 - self.Ts) * xt
            k = torch.relu(z @ self.K.T) ** 2
            r = torch.sigmoid(z @ self.R.T)
            v = k @ self.V.T
            return xt + r * v
    return Cell()


# codekansas.github.io Keras language-modeling post, Vanilla section; new_hidden_state =
# tanh(dot(input_vector, W) + dot(prev_hidden, U) + b), W (x x h), U (h x h), b (h) (prose says sigmoid; the
# activation does not change the count); Count: x*h + h*h + h.
@_export
def h37c_codekansas_rnn(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W, self.U, self.b = _p(x, h), _p(h, h), _p(h)

        def forward(self, xt, hp):
            return torch.tanh(xt @ self.W + hp @ self.U + self.b)
    return Cell()
