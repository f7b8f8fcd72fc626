import torch
from torch import nn

__all__ = []


def _export(f):
    __all__.append(f.__name__)
    return f


def _p(*shape):
    return nn.Parameter(torch.randn(*shape) * 0.1)


# stored file id 32621047539 (IndRNNCell(UnifiedRNN) docstring). h_t = sigma(W x_t + u (.) h_{t-1} + b):
# W is h x x, u and b are vectors of size h (elementwise with h_{t-1}, added to W x_t). h(x + 2).
@_export
def h18d_unifiedrnn_indrnn(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W = _p(h, x)
            self.u = _p(h)
            self.b = _p(h)

        def forward(self, xt, hprev):
            return torch.sigmoid(self.W @ xt + self.u * hprev + self.b)

    return Cell()


# cool-japan/kizzasi crates/kizzasi-core/src/retnet.rs doc comment (expect refuse: the key/value dimension of
# W_Q, W_K, W_V is never stated). One plausible reading, one head: W_Q, W_K in R^{X x K}, W_V in R^{X x V};
# gamma is a fixed decay, not a parameter. S_t = gamma S_{t-1} + K_t^T V_t, O_t = Q_t S_t. X(2K + V).
@_export
def h18d_kizzasi_retnet(X=7, K=4, V=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_Q = _p(X, K)
            self.W_K = _p(X, K)
            self.W_V = _p(X, V)
            self.gamma = 0.9

        def forward(self, x, S):
            q, k, v = x @ self.W_Q, x @ self.W_K, x @ self.W_V
            S = self.gamma * S + torch.outer(k, v)
            return q @ S, S

    return Cell()


# hurjun/xLSTM NOTES.md, mLSTM recurrence (expect refuse: q_t, k_t, v_t are used but never defined). One plausible
# reading, one head: q, k, v = W_q x, W_k x, W_v x with W_* in R^{d x x} (no bias); w_i, w_f in R^x, b_i, b_f
# scalars. 3dx + 2x + 2.
@_export
def h18d_hurjun_mlstm(x=7, d=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_q = _p(d, x)
            self.W_k = _p(d, x)
            self.W_v = _p(d, x)
            self.w_i = _p(x)
            self.w_f = _p(x)
            self.b_i = _p(())
            self.b_f = _p(())

        def forward(self, xt, state):
            C, n, m = state
            i_t = self.w_i @ xt + self.b_i
            logf = nn.functional.logsigmoid(self.w_f @ xt + self.b_f)
            m_new = torch.maximum(logf + m, i_t)
            ip, fp = torch.exp(i_t - m_new), torch.exp(logf + m - m_new)
            q, k, v = self.W_q @ xt, self.W_k @ xt / d ** 0.5, self.W_v @ xt
            C = fp * C + ip * torch.outer(v, k)
            n = fp * n + ip * k
            h = (C @ q) / torch.maximum((n @ q).abs(), torch.exp(-m_new))
            return h, (C, n, m_new)

    return Cell()


# lbaierreinio/min-gru-transformers src/minGRU/SequentialMinGRU.py. linear_z, linear_h = nn.Linear(dim_x, dim_h)
# (with bias). z_t = sigmoid(linear_z(x_t)), h~ = linear_h(x_t), h_t = (1 - z_t) h_prev + z_t h~. 2h(x + 1).
@_export
def h18d_lbaierreinio_mingru(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.linear_z = nn.Linear(x, h)
            self.linear_h = nn.Linear(x, h)

        def forward(self, x_t, h_prev):
            z_t = torch.sigmoid(self.linear_z(x_t))
            h_tilde = self.linear_h(x_t)
            return (1 - z_t) * h_prev + z_t * h_tilde

    return Cell()


# YecanLee/min-LSTM-torch minLSTMcell.py. linear_f, linear_i, linear_h = nn.Linear(input_shape, units) with the
# default bias (the comment equations omit it). f', i' normalized; h_t = f' h_prev + i' h~. 3h(x + 1).
@_export
def h18d_yecanlee_minlstm(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.linear_f = nn.Linear(x, h)
            self.linear_i = nn.Linear(x, h)
            self.linear_h = nn.Linear(x, h)

        def forward(self, pre_h, x_t):
            f_t = torch.sigmoid(self.linear_f(x_t))
            i_t = torch.sigmoid(self.linear_i(x_t))
            tilde_h = self.linear_h(x_t)
            s = f_t + i_t
            return f_t / s * pre_h + i_t / s * tilde_h

    return Cell()


# stored file id 21507241296 (GLALayer, "First-Order Gated Linear Attention (GLA) — Baseline 1").
# W_q, W_k: d_model -> n_heads*d_k (no bias); W_v: d_model -> n_heads*d_v (no bias);
# W_gate: d_model -> n_heads*d_k with bias; W_o: n_heads*d_v -> d_model (no bias).
# Per head: S_t = Diag(alpha_t) S_{t-1} + k_t v_t^T, o_t = q_t^T S_t.
# d_model(3 n_heads d_k + 2 n_heads d_v) + n_heads d_k.
@_export
def h18d_glabaseline_gla(d_model=7, d_k=4, d_v=5, n_heads=2):
    H = n_heads

    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_q = nn.Linear(d_model, H * d_k, bias=False)
            self.W_k = nn.Linear(d_model, H * d_k, bias=False)
            self.W_v = nn.Linear(d_model, H * d_v, bias=False)
            self.W_gate = nn.Linear(d_model, H * d_k, bias=True)
            self.W_o = nn.Linear(H * d_v, d_model, bias=False)

        def forward(self, x, S):
            # x: (d_model,), S: (H, d_k, d_v)
            q = self.W_q(x).view(H, d_k)
            k = self.W_k(x).view(H, d_k)
            v = self.W_v(x).view(H, d_v)
            a = torch.sigmoid(self.W_gate(x)).view(H, d_k)
            S = a.unsqueeze(-1) * S + k.unsqueeze(-1) * v.unsqueeze(-2)
            o = torch.einsum('hk,hkv->hv', q, S)
            return self.W_o(o.reshape(H * d_v)), S

    return Cell()


# stored file id 8875987564 (NumPy sru_step_forward). x: (N, D); W, Wf, Wr, Wh are D x c (c the size of prev_c);
# bf, br of size c. next_c = f*prev_c + (1-f)*xW, h = r*next_c + (1-r)*xWh. 4Dc + 2c.
@_export
def h18d_numpysru_sru(D=7, c=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W = _p(D, c)
            self.Wf = _p(D, c)
            self.Wr = _p(D, c)
            self.Wh = _p(D, c)
            self.bf = _p(c)
            self.br = _p(c)

        def forward(self, x, prev_c):
            ax = x @ self.W
            f = torch.sigmoid(x @ self.Wf + self.bf)
            r = torch.sigmoid(x @ self.Wr + self.br)
            next_c = f * prev_c + (1 - f) * ax
            h = r * next_c + (1 - r) * (x @ self.Wh)
            return h, next_c

    return Cell()
