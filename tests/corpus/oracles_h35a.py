"""Oracles for the h35a set-aside snippets (heldout35), as its gatherer wrote them."""
import torch
from torch import nn

__all__ = []


def _export(f):
    __all__.append(f.__name__)
    return f


def _p(*shape):
    return nn.Parameter(torch.randn(*shape) * 0.1)


# raytroop/Building_a_Recurrent_Neural_Network-Step_by_Step, "1.1 - RNN cell" (deeplearning.ai);
# a<t> = tanh(W_aa a<t-1> + W_ax x<t> + b_a): W_aa (a,a), W_ax (a,x), b_a (a);
# y^<t> = softmax(W_ya a<t> + b_y): W_ya (y,a), b_y (y).
# Count: a*a + a*x + a + y*a + y.
@_export
def h35a_raytroop_rnn(x=7, a=5, y=3):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_aa = _p(a, a)
            self.W_ax = _p(a, x)
            self.b_a = _p(a)
            self.W_ya = _p(y, a)
            self.b_y = _p(y)

        def forward(self, xt, a_prev):
            a_next = torch.tanh(a_prev @ self.W_aa.T + xt @ self.W_ax.T + self.b_a)
            yt = torch.softmax(a_next @ self.W_ya.T + self.b_y, dim=-1)
            return a_next, yt
    return Cell()


# raytroop/Building_a_Recurrent_Neural_Network-Step_by_Step, "2 - LSTM" gates (1)-(6);
# Gamma_f, Gamma_u, c~, Gamma_o each W_* (a, a+x) on [a<t-1>, x<t>] plus b_* (a); no peepholes, no output layer.
# Count: 4*(a*(a+x) + a).
@_export
def h35a_raytroop_lstm(x=7, a=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_f, self.b_f = _p(a, a + x), _p(a)
            self.W_u, self.b_u = _p(a, a + x), _p(a)
            self.W_c, self.b_c = _p(a, a + x), _p(a)
            self.W_o, self.b_o = _p(a, a + x), _p(a)

        def forward(self, xt, a_prev, c_prev):
            z = torch.cat([a_prev, xt], dim=-1)
            gf = torch.sigmoid(z @ self.W_f.T + self.b_f)
            gu = torch.sigmoid(z @ self.W_u.T + self.b_u)
            cc = torch.tanh(z @ self.W_c.T + self.b_c)
            c = gf * c_prev + gu * cc
            go = torch.sigmoid(z @ self.W_o.T + self.b_o)
            a_next = go * torch.tanh(c)
            return a_next, c
    return Cell()


# AudreyDuran/cs231n LSTM_Captioning.ipynb "# LSTM": W_x (4H, D), W_h (4H, H), b (4H);
# a = W_x x_t + W_h h_{t-1} + b split into i, f, o, g. Count: 4H*D + 4H*H + 4H.
@_export
def h35a_cs231n_lstm(D=6, H=4):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.Wx = _p(4 * H, D)
            self.Wh = _p(4 * H, H)
            self.b = _p(4 * H)

        def forward(self, xt, h_prev, c_prev):
            act = xt @ self.Wx.T + h_prev @ self.Wh.T + self.b
            ai, af, ao, ag = act.split(H, dim=-1)
            i, f, o, g = torch.sigmoid(ai), torch.sigmoid(af), torch.sigmoid(ao), torch.tanh(ag)
            c = f * c_prev + i * g
            h = o * torch.tanh(c)
            return h, c
    return Cell()


# BoxuanYang/needle hw4 "Part 5" LSTMCell: per gate k in {i,f,g,o}: W_{ik} (x,h), b_{ik} (h), W_{hk} (h,h), b_{hk} (h)
# (row-vector convention xW). Count: 4*(x*h + h + h*h + h).
@_export
def h35a_needle_lstm(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_i = nn.ParameterList([_p(x, h) for _ in range(4)])
            self.b_i = nn.ParameterList([_p(h) for _ in range(4)])
            self.W_h = nn.ParameterList([_p(h, h) for _ in range(4)])
            self.b_h = nn.ParameterList([_p(h) for _ in range(4)])

        def forward(self, xt, h_prev, c_prev):
            pre = [xt @ self.W_i[k] + self.b_i[k] + h_prev @ self.W_h[k] + self.b_h[k] for k in range(4)]
            i, f, g, o = torch.sigmoid(pre[0]), torch.sigmoid(pre[1]), torch.tanh(pre[2]), torch.sigmoid(pre[3])
            c = f * c_prev + i * g
            hn = o * torch.tanh(c)
            return hn, c
    return Cell()


# BoxuanYang/needle hw4 "Part 4" RNNCell: h' = tanh(xW_ih + b_ih + hW_hh + b_hh):
# W_ih (x,h), b_ih (h), W_hh (h,h), b_hh (h). Count: x*h + h + h*h + h.
@_export
def h35a_needle_rnn(x=6, h=4):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_ih, self.b_ih = _p(x, h), _p(h)
            self.W_hh, self.b_hh = _p(h, h), _p(h)

        def forward(self, xt, h_prev):
            return torch.tanh(xt @ self.W_ih + self.b_ih + h_prev @ self.W_hh + self.b_hh)
    return Cell()


# yandexdataschool/Practical_DL char-rnn seminar "# Recurrent neural network" (prose only; refuse).
# Most plausible reading (as the seminar's code does): Embedding(V, x); dense layer on [x_t, h_{t-1}] -> h
# (Linear(x+h, h) with bias, tanh); output dense layer Linear(h, V) with bias.
# Count: V*x + (x+h)*h + h + h*V + V.
@_export
def h35a_ysda_charrnn(x=7, h=5, V=11):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.emb = nn.Embedding(V, x)
            self.rnn_update = nn.Linear(x + h, h)
            self.rnn_to_logits = nn.Linear(h, V)

        def forward(self, ids, h_prev):
            xt = self.emb(ids)
            hn = torch.tanh(self.rnn_update(torch.cat([xt, h_prev], dim=-1)))
            return hn, torch.log_softmax(self.rnn_to_logits(hn), dim=-1)
    return Cell()


# martin-fabbri/colab-notebooks deeplearning.ai NLP C3W2 "1.2 Forward method for GRUs":
# Gamma_r, Gamma_u, c<t> each W_* (h, h+x) on a concatenation with h<t-1> (or Gamma_r*h<t-1>) and x<t>, plus b_* (h).
# Count: 3*(h*(h+x) + h).
@_export
def h35a_fabbri_gru(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_r, self.b_r = _p(h, h + x), _p(h)
            self.W_u, self.b_u = _p(h, h + x), _p(h)
            self.W_h, self.b_h = _p(h, h + x), _p(h)

        def forward(self, xt, h_prev):
            z = torch.cat([h_prev, xt], dim=-1)
            gr = torch.sigmoid(z @ self.W_r.T + self.b_r)
            gu = torch.sigmoid(z @ self.W_u.T + self.b_u)
            c = torch.tanh(torch.cat([gr * h_prev, xt], dim=-1) @ self.W_h.T + self.b_h)
            return gu * c + (1 - gu) * h_prev
    return Cell()


# SkanderGasmi/NLP-with-Sequence-Models "1.1 Forward method for vanilla RNNs":
# h<t> = g(W_h [h<t-1>, x<t>] + b_h): W_h (h, h+x), b_h (h); y^<t> = g(W_yh h<t> + b_y): W_yh (y,h), b_y (y).
# g is an activation (no parameters; sigmoid used here as in the notebook code). Count: h*(h+x) + h + y*h + y.
@_export
def h35a_gasmi_rnn(x=6, h=4, y=3):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_h, self.b_h = _p(h, h + x), _p(h)
            self.W_yh, self.b_y = _p(y, h), _p(y)

        def forward(self, xt, h_prev):
            hn = torch.sigmoid(torch.cat([h_prev, xt], dim=-1) @ self.W_h.T + self.b_h)
            yt = torch.sigmoid(hn @ self.W_yh.T + self.b_y)
            return hn, yt
    return Cell()


# lishwanth/Dinosaurus_Island... "Step 2" equations: a<t+1> = tanh(W_ax x<t+1> + W_aa a<t> + b):
# W_ax (a,x), W_aa (a,a), b (a); z = W_ya a<t+1> + b_y: W_ya (y,a), b_y (y); softmax.
# Count: a*x + a*a + a + y*a + y.
@_export
def h35a_dino_rnn(x=6, a=5, y=4):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_ax, self.W_aa, self.b = _p(a, x), _p(a, a), _p(a)
            self.W_ya, self.b_y = _p(y, a), _p(y)

        def forward(self, xt, a_prev):
            an = torch.tanh(xt @ self.W_ax.T + a_prev @ self.W_aa.T + self.b)
            z = an @ self.W_ya.T + self.b_y
            return an, torch.softmax(z, dim=-1)
    return Cell()


# mitkotak/hackathon notebooks/hawk.ipynb RG-LRU (refuse: bias of the "two linear layers" and the shape of the
# learned weight a are not stated). Reading built here (the notebook's own code): input gate and recurrence gate
# Linear(h, h, bias=False); a per channel (h); c a hyper-parameter (not learned); x and h have the same size.
# Count: 2*h*h + h.  (With biases: 2*h*h + 3h; with scalar a: 2*h*h + 1.)
@_export
def h35a_hackathon_rglru(x=5, h=5):
    assert x == h, "RG-LRU multiplies i_t * x_t elementwise into h_t, so x and h must match"

    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.input_gate = nn.Linear(x, h, bias=False)
            self.recurrence_gate = nn.Linear(x, h, bias=False)
            self.a = nn.Parameter(torch.rand(h) * 0.5 + 0.4)
            self.c = 8.0

        def forward(self, xt, h_prev):
            i_t = torch.sigmoid(self.input_gate(xt))
            r_t = torch.sigmoid(self.recurrence_gate(xt))
            a_t = self.a ** (self.c * r_t)
            return a_t * h_prev + torch.sqrt(1 - a_t ** 2) * i_t * xt
    return Cell()


# mitkotak/hackathon notebooks/mamba2.ipynb SSM recurrence (refuse: x_t, B, C and dt are "computed from the original
# inputs to the layer" by projections that are never given). Reading built here: only the parameters the text names
# as learned, A (num_heads) and D (num_heads); B, C, dt, x_t are inputs to the step. Count: 2*num_heads.
@_export
def h35a_hackathon_mamba2(num_heads=3, head_size=4, bc_head_size=2):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.A = nn.Parameter(-torch.rand(num_heads))
            self.D = _p(num_heads)

        def forward(self, xt, B, C, dt, h_prev):
            # xt: (b, nh, hs); B, C: (b, bc); dt: (b, nh); h_prev: (b, nh, hs, bc)
            decay = torch.exp(self.A[None, :] * dt)[:, :, None, None]
            h = decay * h_prev + dt[:, :, None, None] * B[:, None, None, :] * xt[:, :, :, None]
            y = torch.einsum("bc,bnhc->bnh", C, h) + self.D[None, :, None] * xt
            return h, y
    return Cell()
