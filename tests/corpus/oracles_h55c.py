"""Oracles for the h55c set-aside snippets (heldout55), as its gatherer wrote them."""
import torch
from torch import nn

__all__ = []


def _export(f):
    __all__.append(f.__name__)
    return f


def _p(*shape):
    return nn.Parameter(torch.randn(*shape) * 0.1)


# gibiansky/blog posts/speech-recognition-neural-networks/post.ipynb, markdown cell 5: peephole LSTM written gate by gate.
# c_t = f_t c_{t-1} + i_t tanh(W_hc h_{t-1} + W_xc x_t + b_c); f_t, i_t, o_t = sigma(W_x* x_t + W_h* h_{t-1} + W_c* c_{t-1} + b_*)
# (the output gate peeks at c_{t-1}, as written); "W_{c*} is a diagonal matrix" -> one h-vector per peephole;
# h_t = o_t tanh c_t. W_x*: h x x (4), W_h*: h x h (4), b_*: h (4), w_c*: h (3).
# Count: 4*(h*x + h*h + h) + 3*h.
@_export
def h55c_gibiansky_peephole_lstm(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_x = nn.ParameterDict({k: _p(h, x) for k in "cfio"})
            self.W_h = nn.ParameterDict({k: _p(h, h) for k in "cfio"})
            self.b = nn.ParameterDict({k: _p(h) for k in "cfio"})
            self.w_c = nn.ParameterDict({k: _p(h) for k in "fio"})

        def forward(self, x_t, h_prev, c_prev):
            Wx, Wh, b, wc = self.W_x, self.W_h, self.b, self.w_c
            pre = {k: x_t @ Wx[k].T + h_prev @ Wh[k].T + b[k] for k in "cfio"}
            f = torch.sigmoid(pre["f"] + wc["f"] * c_prev)
            i = torch.sigmoid(pre["i"] + wc["i"] * c_prev)
            o = torch.sigmoid(pre["o"] + wc["o"] * c_prev)
            c = f * c_prev + i * torch.tanh(pre["c"])
            return o * torch.tanh(c), c
    return Cell()


# gibiansky/blog posts/recurrent-neural-networks/post.ipynb, markdown cell 5: multiplicative RNN. The full tensor
# W_hh^{(j)} is given up ("they instead factorize it"): W_i = W_hf diag(W_fx x_i) W_fh with the factor size f ("the
# dimension of f"); h_i = sigma(W_i h_{i-1} + W_hx x_i + b_h); \hat y_i = W_yh h_i (no bias).
# W_hf: h x f, W_fx: f x x, W_fh: f x h, W_hx: h x x, b_h: h, W_yh: y x h.
# Count: h*f + f*x + f*h + h*x + h + y*h.
@_export
def h55c_gibiansky_mrnn(x=7, h=5, y=3, f=4):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_hf = _p(h, f)
            self.W_fx = _p(f, x)
            self.W_fh = _p(f, h)
            self.W_hx = _p(h, x)
            self.b_h = _p(h)
            self.W_yh = _p(y, h)

        def forward(self, x_t, h_prev):
            m = (h_prev @ self.W_fh.T) * (x_t @ self.W_fx.T)   # diag(W_fx x) W_fh h
            h_new = torch.sigmoid(m @ self.W_hf.T + x_t @ self.W_hx.T + self.b_h)
            return h_new @ self.W_yh.T, h_new
    return Cell()


# gibiansky/blog posts/recurrent-neural-networks/post.ipynb, markdown cell 1: h_i = sigma(W_hh h_{i-1} + W_hx x_i + b_h),
# \hat y_i = W_yh h_i (no bias, no nonlinearity). W_hh: h x h, W_hx: h x x, b_h: h, W_yh: y x h.
# Count: h*h + h*x + h + y*h.
@_export
def h55c_gibiansky_rnn(x=7, h=5, y=3):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_hh = _p(h, h)
            self.W_hx = _p(h, x)
            self.b_h = _p(h)
            self.W_yh = _p(y, h)

        def forward(self, x_t, h_prev):
            h_new = torch.sigmoid(h_prev @ self.W_hh.T + x_t @ self.W_hx.T + self.b_h)
            return h_new @ self.W_yh.T, h_new
    return Cell()


# sssaha/sssaha.github.io _posts/2019-12-09-blog-post-1.md: GRU with no bias, \ast = matrix product, \circ element-wise:
# z_t = sigma(W_zh h + W_zx x), r_t = sigma(W_rh h + W_rx x), h~ = f(W_h (r o h) + W_x x), h_t = z o h + (1-z) o h~.
# W_zh, W_rh, W_h: h x h; W_zx, W_rx, W_x: h x x. Count: 3*(h*h + h*x).
@_export
def h55c_sssaha_gru_nobias(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_zh = _p(h, h)
            self.W_zx = _p(h, x)
            self.W_rh = _p(h, h)
            self.W_rx = _p(h, x)
            self.W_h = _p(h, h)
            self.W_x = _p(h, x)

        def forward(self, x_t, h_prev):
            z = torch.sigmoid(h_prev @ self.W_zh.T + x_t @ self.W_zx.T)
            r = torch.sigmoid(h_prev @ self.W_rh.T + x_t @ self.W_rx.T)
            h_tilde = torch.tanh((r * h_prev) @ self.W_h.T + x_t @ self.W_x.T)
            return z * h_prev + (1 - z) * h_tilde
    return Cell()


# kevin369ml/RNN README.md, NumPy step_forward: tanh(concat([h, x]) . w + b) with w of shape (s + n_features, s) and
# b of shape (1, s); the example fixes s = 5, n_features = 2. Count: (s + n_features)*s + s.
@_export
def h55c_kevin369_rnn_numpy(s=5, n_features=2):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.w = _p(s + n_features, s)
            self.b = _p(1, s)

        def forward(self, x_t, h_prev):
            return torch.tanh(torch.cat([h_prev, x_t], dim=-1) @ self.w + self.b)
    return Cell()


# jamesmccaffreyblog.com 2018/04/18 "Implementing an LSTM Cell using Python": compute_outputs takes twelve arrays,
# Wf, Wi, Wo, Wc (h x x, applied as np.dot(W, xt)), Uf, Ui, Uo, Uc (h x h), bf, bi, bo, bc (h x 1); the demo fixes
# x = 2 (xt 2 x 1) and h = 3 (h_prev 3 x 1, W 3 x 2, U 3 x 3, b 3 x 1). Count: 4*(h*x + h*h + h).
@_export
def h55c_mccaffrey_lstm_numpy(x=2, h=3):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W = nn.ParameterDict({k: _p(h, x) for k in "fioc"})
            self.U = nn.ParameterDict({k: _p(h, h) for k in "fioc"})
            self.b = nn.ParameterDict({k: _p(h) for k in "fioc"})

        def forward(self, x_t, h_prev, c_prev):
            a = {k: x_t @ self.W[k].T + h_prev @ self.U[k].T + self.b[k] for k in "fioc"}
            f, i, o = torch.sigmoid(a["f"]), torch.sigmoid(a["i"]), torch.sigmoid(a["o"])
            c = f * c_prev + i * torch.tanh(a["c"])
            return o * torch.tanh(c), c
    return Cell()


# christianversloot/machine-learning-articles, LSTM introduction (marked refuse): the gates are described only in prose,
# no weight symbol, no size, no bias ever named. Most plausible reading: each of forget, input (sigmoid), candidate (tanh)
# and output gate applies one weight matrix to x_t and one to h_{t-1} ("weight matrices have been applied to both
# inputs"), no bias since none is mentioned; c_t = f o c_{t-1} + i o c~; h_t = o o tanh(c_t).
# W_*: h x x (4), U_*: h x h (4). Count: 4*(h*x + h*h).
@_export
def h55c_machinecurve_lstm_prose(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W = nn.ParameterDict({k: _p(h, x) for k in "fico"})
            self.U = nn.ParameterDict({k: _p(h, h) for k in "fico"})

        def forward(self, x_t, h_prev, c_prev):
            a = {k: x_t @ self.W[k].T + h_prev @ self.U[k].T for k in "fico"}
            c = torch.sigmoid(a["f"]) * c_prev + torch.sigmoid(a["i"]) * torch.tanh(a["c"])
            return torch.sigmoid(a["o"]) * torch.tanh(c), c
    return Cell()


# discuss.ai.google.dev/t/forward-pass-of-tf-keras-simplernn/28804: tf.keras SimpleRNN(4) on inputs [32, 10, 8]:
# kernel (input_dim, units), recurrent kernel (units, units), bias of units entries (written "(units, 1)");
# h_t = tanh(x_t W + h_{t-1} U + b). Count: input_dim*units + units*units + units.
@_export
def h55c_tfforum_simplernn(input_dim=8, units=4):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.kernel = _p(input_dim, units)
            self.recurrent_kernel = _p(units, units)
            self.bias = _p(units)

        def forward(self, x_t, h_prev):
            return torch.tanh(x_t @ self.kernel + h_prev @ self.recurrent_kernel + self.bias)
    return Cell()


# tutorialexample.com LSTMP page (marked refuse): the peephole-LSTM and LSTMP equations are images; only
# r_t = W_rm m_t is written, W_rm "200* 100" in one example and "200* 300" in another, the input size never given.
# Most plausible reading: LSTMP of Sak et al. 2014 with cell output m (200) and recurrent projection r (100):
# i, f, o, c each take W_*x x_t + W_*r r_{t-1} + b_*, diagonal peepholes w_ic, w_fc on c_{t-1} and w_oc on c_t,
# m_t = o_t tanh(c_t), r_t = W_rm m_t. W_*x: m x x (4), W_*r: m x r (4), b_*: m (4), peepholes m (3), W_rm: r x m.
# Count: 4*(m*x + m*r + m) + 3*m + r*m.
@_export
def h55c_tutex_lstmp(x=7, m=200, r=100):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_x = nn.ParameterDict({k: _p(m, x) for k in "ifoc"})
            self.W_r = nn.ParameterDict({k: _p(m, r) for k in "ifoc"})
            self.b = nn.ParameterDict({k: _p(m) for k in "ifoc"})
            self.w_c = nn.ParameterDict({k: _p(m) for k in "ifo"})
            self.W_rm = _p(r, m)

        def forward(self, x_t, r_prev, c_prev):
            a = {k: x_t @ self.W_x[k].T + r_prev @ self.W_r[k].T + self.b[k] for k in "ifoc"}
            i = torch.sigmoid(a["i"] + self.w_c["i"] * c_prev)
            f = torch.sigmoid(a["f"] + self.w_c["f"] * c_prev)
            c = f * c_prev + i * torch.tanh(a["c"])
            o = torch.sigmoid(a["o"] + self.w_c["o"] * c)
            m_t = o * torch.tanh(c)
            return m_t @ self.W_rm.T, c
    return Cell()
