"""Oracles for the h37a set-aside snippets (heldout36), as its gatherer wrote them."""
import torch
from torch import nn

__all__ = []


def _export(f):
    __all__.append(f.__name__)
    return f


def _p(*shape):
    return nn.Parameter(torch.randn(*shape) * 0.1)


# UBC-MDS/DSCI_575 05_intro-to-RNNs.ipynb, cells "2.2 Parameter sharing".."Summary"; W (d_h×d_in), U (d_h×d_h),
# b_1 (d_h), V (d_out×d_h), b_2 (d_out); g = tanh-like, f = softmax (no parameters); Count: d_h·d_in + d_h² + d_h + d_out·d_h + d_out.
@_export
def h37a_ubc_rnn(d_in=7, d_h=5, d_out=3):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W, self.U, self.b_1 = _p(d_h, d_in), _p(d_h, d_h), _p(d_h)
            self.V, self.b_2 = _p(d_out, d_h), _p(d_out)

        def forward(self, x, h):
            h = torch.tanh(h @ self.U.T + x @ self.W.T + self.b_1)
            y = torch.softmax(h @ self.V.T + self.b_2, dim=-1)
            return y, h
    return Cell()


# UBC-MDS/DSCI_575 AppendixE-LSTMs.ipynb (2023-24), gate cells; W_f,W_i,W_c,W_o (h×h) on h_{t-1}, U_f,U_i,U_c,U_o (h×x) on x_t,
# b_f,b_i,b_c,b_o (h); no output layer; Count: 4(h² + hx + h).
@_export
def h37a_ubc_lstm(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            for g in 'fico':
                setattr(self, 'W_' + g, _p(h, h))
                setattr(self, 'U_' + g, _p(h, x))
                setattr(self, 'b_' + g, _p(h))

        def forward(self, xt, ht, ct):
            a = lambda g: ht @ getattr(self, 'W_' + g).T + xt @ getattr(self, 'U_' + g).T + getattr(self, 'b_' + g)
            f, i, o = torch.sigmoid(a('f')), torch.sigmoid(a('i')), torch.sigmoid(a('o'))
            c = f * ct + i * torch.tanh(a('c'))
            return o * torch.tanh(c), c
    return Cell()


# FilippoMB/python-time-series-handbook ch.10 "Reservoir Computing".."Readout"; ESN: W_i (h×1) and W_h (h×h) are random and
# NOT trained (kept as buffers), no bias; the only learned parameter is the linear readout W_o (y×h), read as a plain weight
# matrix (no intercept) on the scalar-output forecasting setting; Count: y·h (refuse: readout g(·) abstract, its output size and
# intercept never stated, and fixed-vs-learned weights decide whether W_i, W_h count).
@_export
def h37a_tsh_esn(h=5, y=1):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.register_buffer('W_i', torch.randn(h, 1))
            self.register_buffer('W_h', torch.randn(h, h) * 0.1)
            self.W_o = _p(y, h)

        def forward(self, xt, ht):
            ht = torch.tanh(xt @ self.W_i.T + ht @ self.W_h.T)
            return ht @ self.W_o.T, ht
    return Cell()


# nndl/practice-in-paddle chap6 "6.3 LSTM的记忆能力实验"; row-vector LSTM: W_i,W_f,W_o,W_c (M×D), U_* (D×D), b_* (D);
# no output layer; Count: 4(MD + D² + D).
@_export
def h37a_nndl_lstm(M=7, D=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            for g in 'ifoc':
                setattr(self, 'W_' + g, _p(M, D))
                setattr(self, 'U_' + g, _p(D, D))
                setattr(self, 'b_' + g, _p(D))

        def forward(self, X, H, C):
            a = lambda g: X @ getattr(self, 'W_' + g) + H @ getattr(self, 'U_' + g) + getattr(self, 'b_' + g)
            I, F, O = torch.sigmoid(a('i')), torch.sigmoid(a('f')), torch.sigmoid(a('o'))
            C = F * C + I * torch.tanh(a('c'))
            return O * torch.tanh(C), C
    return Cell()


# nndl/practice-in-paddle chap6, cell on paddle.nn.LSTM; W_{i*} (4 of them, M×D as declared), U_{h*} (D×D), two biases per gate
# b_{i*}, b_{h*} (1×D); the stacked W_ih/W_hh/b_ih/b_hh are the same numbers; Count: 4(MD + D² + 2D).
@_export
def h37a_nndl_paddlelstm(M=7, D=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            for g in 'ifoc':
                setattr(self, 'W_i' + g, _p(D, M))
                setattr(self, 'U_h' + g, _p(D, D))
                setattr(self, 'b_i' + g, _p(D))
                setattr(self, 'b_h' + g, _p(D))

        def forward(self, X, H, C):
            a = lambda g: (X @ getattr(self, 'W_i' + g).T + getattr(self, 'b_i' + g)
                           + H @ getattr(self, 'U_h' + g).T + getattr(self, 'b_h' + g))
            I, F, O = torch.sigmoid(a('i')), torch.sigmoid(a('f')), torch.sigmoid(a('o'))
            C = F * C + I * torch.tanh(a('c'))
            return O * torch.tanh(C), C
    return Cell()


# nndl/nndl-practice (PyTorch) chap6 "2. SRN 从头实现"; W_x (h×x), W_h (h×h), b (h); Count: hx + h² + h.
@_export
def h37a_nndlpt_srn(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_x, self.W_h, self.b = _p(h, x), _p(h, h), _p(h)

        def forward(self, xt, ht):
            return torch.tanh(xt @ self.W_x.T + ht @ self.W_h.T + self.b)
    return Cell()


# srush/annotated-mamba Scan.ipynb "Part 5: Mamba / S6"; scalar input, N states; read as time-invariant learned continuous
# a (N), b (N), c (N) and one learned step size Delta (scalar, through softplus), zero-order-hold discretisation
# a_ = exp(Delta a), b_ = (a_ - 1)/a · b; Count: 3N + 1 (refuse: the text indexes every coefficient by time k and never says
# what is learned or how Delta_k, c_{n,k} are produced from the input, so per-step/input-dependent readings give other counts).
@_export
def h37a_hardway_mamba(N=4):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.a = nn.Parameter(-torch.rand(N) - 0.1)
            self.b, self.c = _p(N), _p(N)
            self.log_delta = _p(1)

        def forward(self, xk, h):
            delta = torch.nn.functional.softplus(self.log_delta)
            a_ = torch.exp(delta * self.a)
            b_ = (a_ - 1) / self.a * self.b
            h = a_ * h + b_ * xk
            return (self.c * h).sum(-1, keepdim=True), h
    return Cell()


# reservoirpy tutorial 4, "Leaking rate" cell; leaky reservoir x(t+1) = (1-α)x(t) + α tanh(W_in·u + W·x); read from the cell
# alone: W_in (x×u) and W (x×x) are the cell's weights, α a hyperparameter (not learned), no bias; Count: xu + x²
# (refuse: in an echo state network W_in and W are random and never trained, which gives 0 learned parameters; the cell itself
# does not say which).
@_export
def h37a_rpy_leakyesn(u=3, x=5):
    alpha = 0.3  # leak rate: a hyperparameter, not learned
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_in, self.W = _p(x, u), _p(x, x)

        def forward(self, ut, xt):
            return (1 - alpha) * xt + alpha * torch.tanh(ut @ self.W_in.T + xt @ self.W.T)
    return Cell()


# rockt/dl4nlp sequences.ipynb "Gated Recurrent Unit (GRU)"; z_t = [x_t; h_{t-1}]; W^u, W^r (h×(x+h)) with b^u, b^r (h);
# W^x (h×x), b^x (h); W^h (h×h), b^h (h); n_t = tanh(W^x x + b^x) + r ⊙ (W^h h + b^h) as written; Count: 2(h(x+h)+h) + hx + h + h² + h.
@_export
def h37a_dl4nlp_gru(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_u, self.b_u = _p(h, x + h), _p(h)
            self.W_r, self.b_r = _p(h, x + h), _p(h)
            self.W_x, self.b_x = _p(h, x), _p(h)
            self.W_h, self.b_h = _p(h, h), _p(h)

        def forward(self, xt, ht):
            z = torch.cat([xt, ht], -1)
            u = torch.sigmoid(z @ self.W_u.T + self.b_u)
            r = torch.sigmoid(z @ self.W_r.T + self.b_r)
            n = torch.tanh(xt @ self.W_x.T + self.b_x) + r * (ht @ self.W_h.T + self.b_h)
            return u * ht + (1 - u) * n
    return Cell()


# rockt/dl4nlp sequences.ipynb "Long Short-term Memory (LSTM)"; z_t = [x_t; h_{t-1}]; W^i, W^f, W^o, W^c (h×(x+h)),
# b^i, b^f, b^o, b^c (h); Count: 4(h(x+h) + h).
@_export
def h37a_dl4nlp_lstm(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            for g in 'ifoc':
                setattr(self, 'W_' + g, _p(h, x + h))
                setattr(self, 'b_' + g, _p(h))

        def forward(self, xt, ht, ct):
            z = torch.cat([xt, ht], -1)
            a = lambda g: z @ getattr(self, 'W_' + g).T + getattr(self, 'b_' + g)
            i, f, o = torch.sigmoid(a('i')), torch.sigmoid(a('f')), torch.sigmoid(a('o'))
            c = f * ct + i * torch.tanh(a('c'))
            return o * torch.tanh(c), c
    return Cell()


# ReyhaneTaj/DeepSequenceModels RNNs.ipynb cell 1; W_hh (h×h), W_xh (h×x), b_h (h), W_hy (y×h), b_y (y); σ an activation;
# Count: h² + hx + h + yh + y.
@_export
def h37a_reyhane_rnn(x=7, h=5, y=3):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_hh, self.W_xh, self.b_h = _p(h, h), _p(h, x), _p(h)
            self.W_hy, self.b_y = _p(y, h), _p(y)

        def forward(self, xt, ht):
            ht = torch.tanh(ht @ self.W_hh.T + xt @ self.W_xh.T + self.b_h)
            return ht @ self.W_hy.T + self.b_y, ht
    return Cell()


# nndl/practice-in-paddle chap6 "6.1.2.2 SRN层"; W (M×D), U (D×D), b (1×D); Count: MD + D² + D.
@_export
def h37a_nndl_srn(M=7, D=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W, self.U, self.b = _p(M, D), _p(D, D), _p(1, D)

        def forward(self, X, H):
            return torch.tanh(X @ self.W + H @ self.U + self.b)
    return Cell()
