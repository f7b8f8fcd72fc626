"""Oracles for the h41c set-aside snippets (heldout41), as its gatherer wrote them."""
import torch
from torch import nn

__all__ = []


def _export(f):
    __all__.append(f.__name__)
    return f


def _p(*shape):
    return nn.Parameter(torch.randn(*shape) * 0.1)


# rahul713rk/hashnode-backup, RNN blog post "The Math Behind the Memory"; recurrent neuron layer
# y(t) = phi(Wx x(t) + Wy y(t-1) + b): Wx (y, x), Wy (y, y), b (y); phi taken as tanh;
# Count: y*x + y*y + y.
@_export
def h41c_rahul713rk_rnn(x=7, y=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.Wx = _p(y, x)
            self.Wy = _p(y, y)
            self.b = _p(y)

        def forward(self, xt, yprev):
            return torch.tanh(xt @ self.Wx.T + yprev @ self.Wy.T + self.b)
    return Cell()


# vladimiracunadev-create/neural-network-training-labs, labs/05_lstm_time_series/theory.md (Spanish LSTM notes);
# W_f, W_i, W_c, W_o (h, h + d) on [h_{t-1}, x_t], b_f, b_i, b_c, b_o (h); matches the text's own
# |θ|_LSTM = 4·((d + h)·h + h); Count: 4*((d + h)*h + h).
@_export
def h41c_vladimiracunadev_lstm_es(d=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W = nn.ParameterDict({g: _p(h, h + d) for g in 'fico'})
            self.b = nn.ParameterDict({g: _p(h) for g in 'fico'})

        def forward(self, xt, hprev, cprev):
            hx = torch.cat([hprev, xt], dim=-1)
            a = {g: hx @ self.W[g].T + self.b[g] for g in 'fico'}
            f, i, o = torch.sigmoid(a['f']), torch.sigmoid(a['i']), torch.sigmoid(a['o'])
            c = f * cprev + i * torch.tanh(a['c'])
            return o * torch.tanh(c), c
    return Cell()


# casinca/LLM-quest, llm_quest/qwen/qwen3_next/README.md (Gated Delta Rule notes); REFUSE: k_t, v_t, alpha_t, beta_t are
# never tied to the token input. Most plausible reading (single head, input of size d_model): W_k (d_key, d_model),
# W_v (d_value, d_model), beta_t = sigmoid(w_beta . x_t) with w_beta (d_model), alpha_t = exp(-A * dt_t) with scalar A
# and dt_t = softplus(w_dt . x_t + dt_bias), w_dt (d_model), dt_bias (1);
# Count: d_key*d_model + d_value*d_model + d_model + 1 + d_model + 1.
@_export
def h41c_casinca_gdn(d_model=7, d_key=4, d_value=3):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_k = _p(d_key, d_model)
            self.W_v = _p(d_value, d_model)
            self.w_beta = _p(d_model)
            self.A = _p(1)
            self.w_dt = _p(d_model)
            self.dt_bias = _p(1)

        def forward(self, xt, S_prev):
            k = nn.functional.normalize(xt @ self.W_k.T, dim=-1)
            v = xt @ self.W_v.T
            beta = torch.sigmoid(xt @ self.w_beta).view(-1, 1, 1)
            dt = nn.functional.softplus(xt @ self.w_dt + self.dt_bias)
            alpha = torch.exp(-self.A.exp() * dt).view(-1, 1, 1)
            gated = alpha * S_prev                                    # (B, d_value, d_key)
            v_old = (gated @ k.unsqueeze(-1)).squeeze(-1)
            delta = v - v_old
            return gated + beta * delta.unsqueeze(-1) @ k.unsqueeze(1)
    return Cell()


# Haswanth-Dasari/Deep-Learning-StudyRepo, notes/rnn.md (plain-Unicode Elman RNN); Wxh (h, x), Whh (h, h), b (h);
# Count: h*x + h*h + h.
@_export
def h41c_haswanth_rnn(x=6, h=4):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.Wxh = _p(h, x)
            self.Whh = _p(h, h)
            self.b = _p(h)

        def forward(self, xt, hprev):
            return torch.tanh(xt @ self.Wxh.T + hprev @ self.Whh.T + self.b)
    return Cell()


# kmhk-naka/python-esn, README.md (Echo State Network, Japanese); REFUSE: the text does not say which matrices are
# learned. Most plausible reading (ESN): reservoir W (x, x) and input W^in (x, u) are fixed random buffers, only the
# readout W^out (u, x) is learned (by ridge regression); output size = input size (one-step-ahead prediction);
# Count: u*x (would be x*x + x*u + u*x if all three were counted).
@_export
def h41c_kmhknaka_esn_ja(u=3, x=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.register_buffer('W', torch.randn(x, x) * 0.1)
            self.register_buffer('W_in', torch.randn(x, u) * 0.1)
            self.W_out = _p(u, x)

        def forward(self, ut, xprev):
            xn = torch.tanh(xprev @ self.W.T + ut @ self.W_in.T)
            return xn @ self.W_out.T, xn
    return Cell()


# sleebapaul/sleebapaul.github.io, _posts/2018-08-12-rnn-tutorial-2.markdown (Jekyll RNN post); W_hh (h, h),
# W_xh (h, x), b_h (h), output W_hy (y, h), b_y (y); softmax has no parameters; F taken as tanh; y = x (the prediction
# is fed back as the next input); Count: h*h + h*x + h + y*h + y.
@_export
def h41c_sleebapaul_rnn(x=7, h=5, y=7):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_hh = _p(h, h)
            self.W_xh = _p(h, x)
            self.b_h = _p(h)
            self.W_hy = _p(y, h)
            self.b_y = _p(y)

        def forward(self, xt, hprev):
            ht = torch.tanh(hprev @ self.W_hh.T + xt @ self.W_xh.T + self.b_h)
            yt = ht @ self.W_hy.T + self.b_y
            return torch.softmax(yt, dim=-1), ht
    return Cell()


# diegoorellanaga/LSTM, README.md (GitHub Pages "LSTM Explained"); code only: Keras LSTM(4) on look_back=1 input
# features, then Dense(1). Keras LSTM: kernel (look_back, 4*units), recurrent_kernel (units, 4*units), one bias
# (4*units); Dense: (units, dense) + (dense); Count: 4*(units*(look_back + units) + units) + units*dense + dense.
@_export
def h41c_diegoorellanaga_keras_lstm(look_back=1, units=4, dense=1):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.kernel = _p(look_back, 4 * units)
            self.recurrent_kernel = _p(units, 4 * units)
            self.bias = _p(4 * units)
            self.dense = nn.Linear(units, dense)

        def forward(self, xt, hprev, cprev):
            z = xt @ self.kernel + hprev @ self.recurrent_kernel + self.bias
            i, f, g, o = z.chunk(4, dim=-1)
            c = torch.sigmoid(f) * cprev + torch.sigmoid(i) * torch.tanh(g)
            h = torch.sigmoid(o) * torch.tanh(c)
            return self.dense(h), h, c
    return Cell()


# vladimiracunadev-create/neural-network-training-labs, labs/04_rnn_sequences/theory.md (Spanish Elman RNN);
# Wₓ (h, x), W_h (h, h), b (h) -- the parameters the text itself lists as shared across time steps (the dense +
# sigmoid classifier on h_T is only mentioned in words and has no equation); Count: h*x + h*h + h.
@_export
def h41c_vladimiracunadev_rnn_es(x=8, h=3):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_x = _p(h, x)
            self.W_h = _p(h, h)
            self.b = _p(h)

        def forward(self, xt, hprev):
            return torch.tanh(xt @ self.W_x.T + hprev @ self.W_h.T + self.b)
    return Cell()


# terryli710/terryli710.github.io, content/posts/lstm.md (LSTM walk-through, prose + figures); REFUSE: only W_f and
# b_f are named; the other gates, their inputs and their biases are described in words or left to images, and the
# hidden size is never given. Most plausible reading (colah-style LSTM on [h_{t-1}, x_t]): W_f, W_i, W_C, W_o
# (h, h + l), b_f, b_i, b_C, b_o (h); Count: 4*(h*(h + l) + h).
@_export
def h41c_terryli710_lstm(l=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W = nn.ParameterDict({g: _p(h, h + l) for g in 'fiCo'})
            self.b = nn.ParameterDict({g: _p(h) for g in 'fiCo'})

        def forward(self, xt, hprev, cprev):
            hx = torch.cat([hprev, xt], dim=-1)
            a = {g: hx @ self.W[g].T + self.b[g] for g in 'fiCo'}
            c = torch.sigmoid(a['f']) * cprev + torch.sigmoid(a['i']) * torch.tanh(a['C'])
            return torch.sigmoid(a['o']) * torch.tanh(c), c
    return Cell()


# yungcchou/Deep-Learning, LSTM.md (Traditional-Chinese LSTM notes); W_f, W_i, W_c, W_o (h, h + x) on [h_{t-1}, x_t],
# b_f, b_i, b_c, b_o (h); Count: 4*(h*(h + x) + h).
@_export
def h41c_yungcchou_lstm_zh(x=6, h=3):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W = nn.ParameterDict({g: _p(h, h + x) for g in 'fico'})
            self.b = nn.ParameterDict({g: _p(h) for g in 'fico'})

        def forward(self, xt, hprev, cprev):
            hx = torch.cat([hprev, xt], dim=-1)
            a = {g: hx @ self.W[g].T + self.b[g] for g in 'fico'}
            c = torch.sigmoid(a['f']) * cprev + torch.sigmoid(a['i']) * torch.tanh(a['c'])
            return torch.sigmoid(a['o']) * torch.tanh(c), c
    return Cell()


# iamzhubaoliang/NLP-, RNN.md (Simplified-Chinese notes, standard RNN forward pass); U (h, x), W (h, h), b (h),
# output V (y, h), c (y); f = tanh, output activation softmax (no parameters); Count: h*x + h*h + h + y*h + y.
@_export
def h41c_iamzhubaoliang_rnn_zh(x=7, h=5, y=3):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.U = _p(h, x)
            self.W = _p(h, h)
            self.b = _p(h)
            self.V = _p(y, h)
            self.c = _p(y)

        def forward(self, xt, hprev):
            ht = torch.tanh(xt @ self.U.T + hprev @ self.W.T + self.b)
            ot = ht @ self.V.T + self.c
            return torch.softmax(ot, dim=-1), ht
    return Cell()
