"""Oracles for the h53c set-aside snippets (heldout53), as its gatherer wrote them."""
import torch
from torch import nn

__all__ = []


def _export(f):
    __all__.append(f.__name__)
    return f


def _p(*shape):
    return nn.Parameter(torch.randn(*shape) * 0.1)


# diegopenilla/AI_Experiments keras_notes/time_series/weather.md, LSTM Internal Mechanics; W_i, W_f, W_C, W_o act on
# the concatenation [h_{t-1}, x_t]: each h x (h + x), biases b_i, b_f, b_C, b_o: h; Count: 4*(h*(h+x) + h).
@_export
def h53c_aiexperiments_lstm(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W = nn.ParameterDict({k: _p(h, h + x) for k in "ifCo"})
            self.b = nn.ParameterDict({k: _p(h) for k in "ifCo"})

        def forward(self, x_t, h_prev, C_prev):
            hx = torch.cat([h_prev, x_t], dim=-1)
            a = {k: hx @ self.W[k].T + self.b[k] for k in "ifCo"}
            i, f, o = torch.sigmoid(a["i"]), torch.sigmoid(a["f"]), torch.sigmoid(a["o"])
            C_tilde = torch.tanh(a["C"])
            C_t = f * C_prev + i * C_tilde
            return o * torch.tanh(C_t), C_t
    return Cell()


# hduongtrong/hduongtrong.github.io _posts/2015-11-27-rnn-encoder-decoder.markdown, seq2seq of two sigmoid RNNs, no
# biases. Most plausible reading: W_x: s x p (text says p x s, used as W_x X), W_h: s x s, W_y: t x q (text "q \times "
# blank), W_k: t x t, W_z: q x t (text t x q, used as W_z K). K_1 = sigma(W_y S + W_k H_3) needs s = t, which the
# sizes contradict: marked refuse. Count: p*s + s*s + q*t + t*t + t*q.
@_export
def h53c_hduongtrong_seq2seq(p=7, s=5, q=3, t=4):
    class Seq2Seq(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_x = _p(s, p)
            self.W_h = _p(s, s)
            self.W_y = _p(t, q)
            self.W_k = _p(t, t)
            self.W_z = _p(q, t)

        def forward(self, X, H_prev, Y_prev, K_prev):
            H = torch.sigmoid(X @ self.W_x.T + H_prev @ self.W_h.T)
            K = torch.sigmoid(Y_prev @ self.W_y.T + K_prev @ self.W_k.T)
            Y_hat = torch.sigmoid(K @ self.W_z.T)
            return H, K, Y_hat
    return Seq2Seq()


# parrt/ml-articles rnn/implementation.xml (explained.ai), word-classifier RNN as code: W = eye(nhidden, nhidden),
# U = randn(nhidden, nfeatures), V = randn(nclasses, nhidden); h = tanh(W@h + U@onehot(x)); o = softmax(V@h);
# the aside states no bias vectors. Count: nhidden*nhidden + nhidden*nfeatures + nclasses*nhidden.
@_export
def h53c_explainedai_rnn(nhidden=4, nfeatures=7, nclasses=3):
    class RNN(nn.Module):
        def __init__(self):
            super().__init__()
            self.W = _p(nhidden, nhidden)
            self.U = _p(nhidden, nfeatures)
            self.V = _p(nclasses, nhidden)

        def forward(self, x_onehot, h):
            h = torch.tanh(h @ self.W.T + x_onehot @ self.U.T)
            o = torch.softmax(h @ self.V.T, dim=-1)
            return h, o
    return RNN()


# talwarabhimanyu.github.io _posts/2018-07-30-rnn-backprop.md; sigmoid RNN unit z = W_h h + W_x x + b_1 (the
# parameter list calls W_x "W_e"; the GOAL line lists W_h, W_x, b_1, U, b_2), W_h: D_h x D_h, W_x: D_h x d, b_1: D_h,
# affine layer U: V x D_h, b_2: V, then softmax. Count: D_h*D_h + D_h*d + D_h + V*D_h + V.
@_export
def h53c_talwar_rnn(d=7, D_h=5, V=3):
    class RNN(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_h = _p(D_h, D_h)
            self.W_x = _p(D_h, d)
            self.b_1 = _p(D_h)
            self.U = _p(V, D_h)
            self.b_2 = _p(V)

        def forward(self, x, h_prev):
            h = torch.sigmoid(h_prev @ self.W_h.T + x @ self.W_x.T + self.b_1)
            y_hat = torch.softmax(h @ self.U.T + self.b_2, dim=-1)
            return h, y_hat
    return RNN()


# talwarabhimanyu.github.io _posts/2018-08-12-lstm-backprop.md, LSTM unit: gates f, g (input), q (output) and the
# input feature vector e (sigmoid), each b_*: D, U_*: D x d, W_*: D x D; s = f*s_prev + g*e, h = q*tanh(s).
# Count: 4*(D + D*d + D*D).
@_export
def h53c_talwar_lstm(d=7, D=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.b = nn.ParameterDict({k: _p(D) for k in "fgqe"})
            self.U = nn.ParameterDict({k: _p(D, d) for k in "fgqe"})
            self.W = nn.ParameterDict({k: _p(D, D) for k in "fgqe"})

        def forward(self, x, h_prev, s_prev):
            z = {k: self.b[k] + x @ self.U[k].T + h_prev @ self.W[k].T for k in "fgqe"}
            f, g, q, e = (torch.sigmoid(z[k]) for k in "fgqe")
            s = f * s_prev + g * e
            return q * torch.tanh(s), s
    return Cell()


# vzhou842/victorzhou.com intro-to-rnns post: h_t = tanh(W_xh x_t + W_hh h_{t-1} + b_h), y_t = W_hy h_t + b_y;
# W_xh: h x x, W_hh: h x h, W_hy: y x h, b_h: h, b_y: y. Count: h*x + h*h + y*h + h + y.
@_export
def h53c_victorzhou_rnn(x=7, h=5, y=3):
    class RNN(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_xh = _p(h, x)
            self.W_hh = _p(h, h)
            self.W_hy = _p(y, h)
            self.b_h = _p(h)
            self.b_y = _p(y)

        def forward(self, x_t, h_prev):
            h_t = torch.tanh(x_t @ self.W_xh.T + h_prev @ self.W_hh.T + self.b_h)
            return h_t, h_t @ self.W_hy.T + self.b_y
    return RNN()


# cavaunpeu/willwolf.io-source RNN gradients post: z_t = W^{xh} x + W^{hh} h_{t-1}, h_t = tanh(z_t), y_t = W^{hy} h_t,
# p_t = softmax(y_t); "just 3 parameters", no biases. Count: h*x + h*h + y*h.
@_export
def h53c_willwolf_rnn(x=7, h=5, y=3):
    class RNN(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_xh = _p(h, x)
            self.W_hh = _p(h, h)
            self.W_hy = _p(y, h)

        def forward(self, x_t, h_prev):
            h_t = torch.tanh(x_t @ self.W_xh.T + h_prev @ self.W_hh.T)
            return h_t, torch.softmax(h_t @ self.W_hy.T, dim=-1)
    return RNN()


# ogunlao.github.io "From GRU to Transformer": GRU without reset gate; candidate h~ = tanh(W x_t + U h_{t-1} + b)
# (W: d x x, U: d x d, b: d) and update gate u_t = sigma(W_x x + U_h h_{t-1} + b_u) (W_x: d x x, U_h: d x d, b_u: d);
# h_t = u*h_{t-1} + (1-u)*h~. Count: 2*(d*x + d*d + d).
@_export
def h53c_ogunlao_gru_noreset(x=7, d=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W = _p(d, x)
            self.U = _p(d, d)
            self.b = _p(d)
            self.W_x = _p(d, x)
            self.U_h = _p(d, d)
            self.b_u = _p(d)

        def forward(self, x_t, h_prev):
            u = torch.sigmoid(x_t @ self.W_x.T + h_prev @ self.U_h.T + self.b_u)
            h_tilde = torch.tanh(x_t @ self.W.T + h_prev @ self.U.T + self.b)
            return u * h_prev + (1 - u) * h_tilde
    return Cell()


# Anwarvic/anwarvic.github.io RNN.md, GRU Cell: candidate tanh(W x + U(Gamma_r * c) + b_c), Gamma_u = sigma(W_u x +
# U_u a + b_u), Gamma_r = sigma(W_r x + U_r a + b_u) -- the reset gate re-uses b_u (shared, or a slip for b_r; marked
# refuse). Most plausible reading: a separate b_r. W*: c x x, U*: c x c, biases: c. Count: 3*(c*x + c*c + c).
@_export
def h53c_anwarvic_gru(x=7, c=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W = nn.ParameterDict({k: _p(c, x) for k in "urc"})
            self.U = nn.ParameterDict({k: _p(c, c) for k in "urc"})
            self.b = nn.ParameterDict({k: _p(c) for k in "urc"})

        def forward(self, x_t, c_prev):
            u = torch.sigmoid(x_t @ self.W["u"].T + c_prev @ self.U["u"].T + self.b["u"])
            r = torch.sigmoid(x_t @ self.W["r"].T + c_prev @ self.U["r"].T + self.b["r"])
            c_tilde = torch.tanh(x_t @ self.W["c"].T + (r * c_prev) @ self.U["c"].T + self.b["c"])
            return (1 - u) * c_prev + u * c_tilde
    return Cell()


# Anwarvic/anwarvic.github.io Deep_Speech.md, the bidirectional fourth layer: forward and backward share W^{(4)} and
# b^{(4)}, each direction has its own recurrent W_r^{(f)}, W_r^{(b)}; directions are summed; clipped ReLU g. All
# signals are h's: one size h (h^{(3)} and h^{(f)}, h^{(b)} all h). Count: h*h (W4) + 2*h*h (W_r) + h (b4).
@_export
def h53c_anwarvic_deepspeech_birnn(h=5):
    class BiLayer(nn.Module):
        def __init__(self):
            super().__init__()
            self.W4 = _p(h, h)
            self.Wr_f = _p(h, h)
            self.Wr_b = _p(h, h)
            self.b4 = _p(h)

        def forward(self, h3_t, hf_prev, hb_next):
            g = lambda z: torch.clamp(z, 0.0, 20.0)
            hf = g(h3_t @ self.W4.T + hf_prev @ self.Wr_f.T + self.b4)
            hb = g(h3_t @ self.W4.T + hb_next @ self.Wr_b.T + self.b4)
            return hf + hb, hf, hb
    return BiLayer()


# sammeeer7/From-LR-Transformers Sequence-Modeling/LSTM/lstm.ipynb, NumPy LSTM: Wf, Wi, WC, Wo of shape
# (hidden_size, hidden_size + input_size) on concat = vstack(h_prev, x), biases bf, bi, bC, bo of shape (hidden_size, 1).
# Count: 4*(hidden_size*(hidden_size + input_size) + hidden_size).
@_export
def h53c_sammeeer7_lstm(input_size=3, hidden_size=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W = nn.ParameterDict({k: _p(hidden_size, hidden_size + input_size) for k in "fiCo"})
            self.b = nn.ParameterDict({k: _p(hidden_size) for k in "fiCo"})

        def forward(self, x, h_prev, C_prev):
            concat = torch.cat([h_prev, x], dim=-1)
            a = {k: concat @ self.W[k].T + self.b[k] for k in "fiCo"}
            f_t, i_t, o_t = torch.sigmoid(a["f"]), torch.sigmoid(a["i"]), torch.sigmoid(a["o"])
            C_t = f_t * C_prev + i_t * torch.tanh(a["C"])
            return o_t * torch.tanh(C_t), C_t
    return Cell()
