"""Oracles for the h38a set-aside snippets (heldout38), as its gatherer wrote them."""
import torch
from torch import nn

__all__ = []


def _export(f):
    __all__.append(f.__name__)
    return f


def _p(*shape):
    return nn.Parameter(torch.randn(*shape) * 0.1)


# Christian-Hirsch/Tosta-Material notebooks/rnn.ipynb, LSTM; W_f, W_i, W_C, W_o each (h, x+h) on [x_t; h_{t-1}],
# biases b_f, b_i, b_C, b_o each (h); Count: 4*(h*(x+h) + h).
@_export
def h38a_tosta_lstm(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_f, self.W_i, self.W_C, self.W_o = (_p(h, x + h) for _ in range(4))
            self.b_f, self.b_i, self.b_C, self.b_o = (_p(h) for _ in range(4))

        def forward(self, xt, hp, Cp):
            z = torch.cat([xt, hp], -1)
            f = torch.sigmoid(z @ self.W_f.T + self.b_f)
            i = torch.sigmoid(z @ self.W_i.T + self.b_i)
            Ct_ = torch.tanh(z @ self.W_C.T + self.b_C)
            C = f * Cp + i * Ct_
            o = torch.sigmoid(z @ self.W_o.T + self.b_o)
            return o * torch.tanh(C), C
    return Cell()


# milanvarghese/LSTM-from-Scratch-using-Numpy RNN_LSTM_from_scratch.ipynb, LSTM; W^i, W^f, W^o, W^g each (h, h+x)
# on [h_{t-1}, x_t], no biases written (gates use softmax per the text); Count: 4*h*(h+x).
@_export
def h38a_milan_lstm(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_i, self.W_f, self.W_o, self.W_g = (_p(h, h + x) for _ in range(4))

        def forward(self, xt, hp, cp):
            z = torch.cat([hp, xt], -1)
            i = torch.softmax(z @ self.W_i.T, -1)
            f = torch.softmax(z @ self.W_f.T, -1)
            o = torch.softmax(z @ self.W_o.T, -1)
            g = torch.tanh(z @ self.W_g.T)
            c = cp * f + g * i
            return torch.tanh(c) * o, c
    return Cell()


# chongzicbo/nlp-ml-dl-notes torch_nn tutorial notebook, torch.nn.GRU (num_layers=1); W_ir,W_iz,W_in (h, x),
# W_hr,W_hz,W_hn (h, h), b_ir,b_iz,b_in,b_hr,b_hz,b_hn (h); Count: 3*(h*x + h*h + 2*h).
@_export
def h38a_chongzi_gru(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_ir, self.W_iz, self.W_in = (_p(h, x) for _ in range(3))
            self.W_hr, self.W_hz, self.W_hn = (_p(h, h) for _ in range(3))
            self.b_ir, self.b_iz, self.b_in, self.b_hr, self.b_hz, self.b_hn = (_p(h) for _ in range(6))

        def forward(self, xt, hp):
            r = torch.sigmoid(xt @ self.W_ir.T + self.b_ir + hp @ self.W_hr.T + self.b_hr)
            z = torch.sigmoid(xt @ self.W_iz.T + self.b_iz + hp @ self.W_hz.T + self.b_hz)
            n = torch.tanh(xt @ self.W_in.T + self.b_in + r * (hp @ self.W_hn.T + self.b_hn))
            return (1 - z) * n + z * hp
    return Cell()


# mindspore-courses/natural_language_processing seq2seq notebook, encoder: bidirectional GRU (written abstractly as
# EncoderGRU) on embeddings of size e, plus the fully connected layer g on [h_T^->; h_T^<-] -> s_0 (taken as size h).
# Most plausible reading: one-layer MindSpore/PyTorch-style GRU per direction (two biases per gate),
# g = Linear(2h, h); Count: 2*3*(h*e + h*h + 2*h) + (2*h*h + h). Embedding table not counted (vocabulary size unknown).
@_export
def h38a_msnlp_bigru(e=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.fwd = nn.GRUCell(e, h)
            self.bwd = nn.GRUCell(e, h)
            self.g = nn.Linear(2 * h, h)

        def forward(self, ef, eb, hf, hb):
            hf = self.fwd(ef, hf)
            hb = self.bwd(eb, hb)
            s0 = torch.tanh(self.g(torch.cat([hf, hb], -1)))
            return hf, hb, s0
    return Cell()


# nalinbendapudi/Image-captioning-with-RNN-LSTM-Attention (EECS 498 A4 notebook), attention LSTM step:
# a = W_x x_t + W_h h_{t-1} + W_attn x_attn^t + b with W_x (4H, D), W_h (4H, H), W_attn (4H, H) (x_attn in R^H), b (4H);
# the affine projection of the CNN features (applied once per image, outside the cell) is not counted;
# Count: 4H*(D + H + H) + 4H.
@_export
def h38a_eecs_attnlstm(D=7, H=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.Wx = _p(4 * H, D)
            self.Wh = _p(4 * H, H)
            self.Wattn = _p(4 * H, H)
            self.b = _p(4 * H)

        def forward(self, xt, hp, cp, A):
            # A: projected features (N, H, 16); scaled dot-product attention, no parameters
            M = torch.softmax(torch.einsum('nh,nhk->nk', hp, A) / H ** 0.5, -1)
            xattn = torch.einsum('nhk,nk->nh', A, M)
            a = xt @ self.Wx.T + hp @ self.Wh.T + xattn @ self.Wattn.T + self.b
            ai, af, ao, ag = a.chunk(4, -1)
            i, f, o, g = torch.sigmoid(ai), torch.sigmoid(af), torch.sigmoid(ao), torch.tanh(ag)
            c = f * cp + i * g
            return o * torch.tanh(c), c
    return Cell()


# acids-ircam/creative_ml 03_advanced_networks.ipynb, vanilla RNN with output: W_hh (h, h), W_xh (h, x), B_h (h),
# W_hy (y, h), B_y (y); Count: h*h + h*x + h + y*h + y.
@_export
def h38a_acids_rnn(x=7, h=5, y=3):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_hh, self.W_xh, self.B_h = _p(h, h), _p(h, x), _p(h)
            self.W_hy, self.B_y = _p(y, h), _p(y)

        def forward(self, xt, hp):
            ht = torch.tanh(hp @ self.W_hh.T + xt @ self.W_xh.T + self.B_h)
            return ht, ht @ self.W_hy.T + self.B_y
    return Cell()


# JannesKlaas/MLiFC Ch. 18, recurrent layer A_t = activation(W*in + U*A_{t-1} + b): W (A, in), U (A, A), b (A);
# Count: A*in + A*A + A.
@_export
def h38a_mlifc_rnn(x=7, A=5):
    n_in, n_A = x, A  # x: size of the input "in"

    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W, self.U, self.b = _p(n_A, n_in), _p(n_A, n_A), _p(n_A)

        def forward(self, xt, Ap):
            return torch.relu(xt @ self.W.T + Ap @ self.U.T + self.b)
    return Cell()


# JannesKlaas/MLiFC Ch. 19 "The Carry" (refuse): gates i_t, k_t, f_t each with U (s, s) on s_t, W (s, in), b (s);
# the simple RNN layer that produces s_t is not written; the prose says the carry is fed into it, so the most
# plausible reading (Keras-book LSTM) is s_{t+1} = a(W_s in_t + U_s s_t + V_s c_t + b_s) with W_s (s, in),
# U_s (s, s), V_s (s, s), b_s (s); Count: 3*(s*s + s*in + s) + (s*in + 2*s*s + s).
@_export
def h38a_mlifc_carry(x=7, s=5):
    n_in, n_s = x, s  # x: size of the input in_t

    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.Ui, self.Uk, self.Uf = (_p(n_s, n_s) for _ in range(3))
            self.Wi, self.Wk, self.Wf = (_p(n_s, n_in) for _ in range(3))
            self.bi, self.bk, self.bf = (_p(n_s) for _ in range(3))
            self.Ws, self.Us, self.Vs, self.bs = _p(n_s, n_in), _p(n_s, n_s), _p(n_s, n_s), _p(n_s)

        def forward(self, xt, st, ct):
            i = torch.tanh(st @ self.Ui.T + xt @ self.Wi.T + self.bi)
            k = torch.tanh(st @ self.Uk.T + xt @ self.Wk.T + self.bk)
            f = torch.tanh(st @ self.Uf.T + xt @ self.Wf.T + self.bf)
            s_next = torch.tanh(xt @ self.Ws.T + st @ self.Us.T + ct @ self.Vs.T + self.bs)
            c_next = ct * f + i * k
            return s_next, c_next
    return Cell()


# mindspore-courses/applications gnmt.ipynb DynamicRNNCell (refuse): on Ascend the LSTM uses the fused weight
# w (word_embed_dim + hidden_size, 4*hidden_size) and b (4*hidden_size); on other platforms an nn.LSTM with two
# biases per gate is built instead (and w, b stay registered but unused). Oracle = the Ascend path (the cell's own
# w and b); Count: (word_embed_dim + hidden_size)*4*hidden_size + 4*hidden_size.
@_export
def h38a_msapp_dynrnn(word_embed_dim=7, hidden_size=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.w = _p(word_embed_dim + hidden_size, 4 * hidden_size)
            self.b = _p(4 * hidden_size)

        def forward(self, xt, hp, cp):
            a = torch.cat([xt, hp], -1) @ self.w + self.b
            i, j, f, o = a.chunk(4, -1)  # DynamicRNN gate order i, j, f, o
            c = torch.sigmoid(f) * cp + torch.sigmoid(i) * torch.tanh(j)
            return torch.sigmoid(o) * torch.tanh(c), c
    return Cell()


# pyro-ppl/pyro tutorial dmm.ipynb, GatedTransition p(z_t | z_{t-1}): six nn.Linear with biases:
# gate z->hidden (transition_dim, z_dim), gate hidden->z (z_dim, transition_dim), proposed mean z->hidden and
# hidden->z (same shapes), lin_sig (z_dim, z_dim), lin_z_to_loc (z_dim, z_dim);
# Count: 2*(z*t + t + t*z + z) + 2*(z*z + z).
@_export
def h38a_pyro_gatedtrans(z_dim=5, transition_dim=7):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.lin_gate_z_to_hidden = nn.Linear(z_dim, transition_dim)
            self.lin_gate_hidden_to_z = nn.Linear(transition_dim, z_dim)
            self.lin_proposed_mean_z_to_hidden = nn.Linear(z_dim, transition_dim)
            self.lin_proposed_mean_hidden_to_z = nn.Linear(transition_dim, z_dim)
            self.lin_sig = nn.Linear(z_dim, z_dim)
            self.lin_z_to_loc = nn.Linear(z_dim, z_dim)

        def forward(self, z_t_1):
            gate = torch.sigmoid(self.lin_gate_hidden_to_z(torch.relu(self.lin_gate_z_to_hidden(z_t_1))))
            pm = self.lin_proposed_mean_hidden_to_z(torch.relu(self.lin_proposed_mean_z_to_hidden(z_t_1)))
            loc = (1 - gate) * self.lin_z_to_loc(z_t_1) + gate * pm
            scale = nn.functional.softplus(self.lin_sig(torch.relu(pm)))
            return loc, scale
    return Cell()
