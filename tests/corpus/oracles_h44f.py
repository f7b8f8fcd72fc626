"""Oracles for the h44f set-aside snippets (heldout44), as its gatherer wrote them."""
import torch
from torch import nn

__all__ = []


def _export(f):
    __all__.append(f.__name__)
    return f


def _p(*shape):
    return nn.Parameter(torch.randn(*shape) * 0.1)


# wdndev/llm_interview_note 清华大模型公开课 2.神经网络基础 4.1 RNN单元 (Chinese); read as: h_i = tanh(W_x x_i + W_h h_{i-1} + b)
# with W_x (h, x), W_h (h, h), b (h); y_i = F(h_i) with F undefined is read as the identity (no parameters) -- refuse;
# Count: h*x + h*h + h.
@_export
def h44f_wdn_rnn(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_x = _p(h, x)
            self.W_h = _p(h, h)
            self.b = _p(h)

        def forward(self, xt, hp):
            ht = torch.tanh(xt @ self.W_x.T + hp @ self.W_h.T + self.b)
            return ht, ht  # y_i = F(h_i), F left abstract

    return Cell()


# wdndev/llm_interview_note 4.2 GRU (Chinese); read as: z: W_x^(z) (h, x), W_h^(z) (h, h), b^(z) (h); r: same with (r);
# candidate: its own W_x (h, x), W_h (h, h), b (h), r_i * (W_h h_{i-1}); h_i = z*h_{i-1} + (1-z)*h~;
# Count: 3*(h*x + h*h + h).
@_export
def h44f_wdn_gru(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.Wx = nn.ParameterDict({k: _p(h, x) for k in ("z", "r", "c")})
            self.Wh = nn.ParameterDict({k: _p(h, h) for k in ("z", "r", "c")})
            self.b = nn.ParameterDict({k: _p(h) for k in ("z", "r", "c")})

        def forward(self, xt, hp):
            z = torch.sigmoid(xt @ self.Wx["z"].T + hp @ self.Wh["z"].T + self.b["z"])
            r = torch.sigmoid(xt @ self.Wx["r"].T + hp @ self.Wh["r"].T + self.b["r"])
            hc = torch.tanh(xt @ self.Wx["c"].T + r * (hp @ self.Wh["c"].T) + self.b["c"])
            return z * hp + (1 - z) * hc

    return Cell()


# wdndev/llm_interview_note 4.3 LSTM (Chinese, colah style); read as: W_f, W_i, W_C, W_o each (h, h + x) on [h_{t-1}, x_t],
# biases b_f, b_i, b_C, b_o (h); Count: 4*(h*(h + x) + h).
@_export
def h44f_wdn_lstm(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W = nn.ParameterDict({k: _p(h, h + x) for k in ("f", "i", "C", "o")})
            self.b = nn.ParameterDict({k: _p(h) for k in ("f", "i", "C", "o")})

        def forward(self, xt, hp, cp):
            u = torch.cat([hp, xt], -1)
            g = {k: u @ self.W[k].T + self.b[k] for k in self.W}
            f, i, o = torch.sigmoid(g["f"]), torch.sigmoid(g["i"]), torch.sigmoid(g["o"])
            ct = f * cp + i * torch.tanh(g["C"])
            return o * torch.tanh(ct), ct

    return Cell()


# GAndrSky/ml-notes 05_architectures/02_rnn_lstm.html section 1 (Russian HTML); read as: Wₕ (H, H), Wₓ (H, n), b (H),
# output Wᵧ (O, H), bᵧ (O); Count: H(n + H + 1) + O(H + 1).
@_export
def h44f_gandr_rnn(n=7, H=5, O=3):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_h = _p(H, H)
            self.W_x = _p(H, n)
            self.b = _p(H)
            self.W_y = _p(O, H)
            self.b_y = _p(O)

        def forward(self, xt, hp):
            ht = torch.tanh(hp @ self.W_h.T + xt @ self.W_x.T + self.b)
            return ht, ht @ self.W_y.T + self.b_y

    return Cell()


# GAndrSky/ml-notes section 4 GRU (Russian HTML); read as: Wr, Wz, W each (H, H + n) on [hₜ₋₁, xₜ] (candidate on
# [rₜ ⊙ hₜ₋₁, xₜ]), biases br, bz, b (H); no output layer in the GRU equations; Count: 3H(H + n + 1).
@_export
def h44f_gandr_gru(n=7, H=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W = nn.ParameterDict({k: _p(H, H + n) for k in ("r", "z", "c")})
            self.b = nn.ParameterDict({k: _p(H) for k in ("r", "z", "c")})

        def forward(self, xt, hp):
            u = torch.cat([hp, xt], -1)
            r = torch.sigmoid(u @ self.W["r"].T + self.b["r"])
            z = torch.sigmoid(u @ self.W["z"].T + self.b["z"])
            hc = torch.tanh(torch.cat([r * hp, xt], -1) @ self.W["c"].T + self.b["c"])
            return (1 - z) * hp + z * hc

    return Cell()


# ealn/Tesis capitulo_2.tex (Spanish thesis); read as: h_t = phi(W x_t + U h_{t-1}), W (h, x), U (h, h), no bias written,
# phi = tanh (parameter-free); Count: h*x + h*h.
@_export
def h44f_ealn_rnn(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W = _p(h, x)
            self.U = _p(h, h)

        def forward(self, xt, hp):
            return torch.tanh(xt @ self.W.T + hp @ self.U.T)

    return Cell()


# NevenaSoldat/text_generation LSTM.tex (Serbian, prose around colah's figures); most plausible reading: colah's LSTM,
# four sigmoid/tanh "layers" W_f, W_i, W_C, W_o each (h, h + x) on [h_{t-1}, x_t] with biases (h) -- refuse, the text
# never writes the layers; Count: 4*(h*(h + x) + h).
@_export
def h44f_nevena_lstm(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.gates = nn.ModuleDict({k: nn.Linear(h + x, h) for k in ("f", "i", "C", "o")})

        def forward(self, xt, hp, cp):
            u = torch.cat([hp, xt], -1)
            f, i, o = (torch.sigmoid(self.gates[k](u)) for k in ("f", "i", "o"))
            ct = f * cp + i * torch.tanh(self.gates["C"](u))
            return o * torch.tanh(ct), ct

    return Cell()


# ErikSun2020/FL_Notes Preliminaries.tex LSTM (Chinese, garbled LaTeX); most plausible reading: a standard LSTM on
# [h_{t-1}, x_t] with W_f, W (input gate), W_c, W_o each (h, h + x) and four biases b_f, b_i, b_c (written b_i), b_o (h),
# c_t = f_t*c_{t-1} + i_t*c^_t (not written) -- refuse; Count: 4*(h*(h + x) + h).
@_export
def h44f_erik_lstm(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W = nn.ParameterDict({k: _p(h, h + x) for k in ("f", "i", "c", "o")})
            self.b = nn.ParameterDict({k: _p(h) for k in ("f", "i", "c", "o")})

        def forward(self, xt, hp, cp):
            u = torch.cat([hp, xt], -1)
            f = torch.sigmoid(u @ self.W["f"].T + self.b["f"])
            i = torch.sigmoid(u @ self.W["i"].T) + self.b["i"]  # as written: bias outside sigma
            c_hat = torch.tanh(u @ self.W["c"].T + self.b["c"])
            o = torch.sigmoid(u @ self.W["o"].T + self.b["o"])
            ct = f * cp + i * c_hat
            return o * torch.tanh(ct), ct

    return Cell()


# zhaoyang97/Paper-Notes TFLA note (Chinese), mLSTMsig: C_t = sigma(f~_t) C_{t-1} + sigma(i~_t) k_t v_t^T; most plausible
# reading (xLSTM mLSTM, one head, no output gate in the text): q, k, v = W_q x, W_k x, W_v x with W_* (d, x), no bias;
# i~_t = w_i . x + b_i, f~_t = w_f . x + b_f (scalar gates, w_* (x), b_* scalar); h_t = C_t^T q_t -- refuse, none of
# these projections is written; Count: 3*d*x + 2*x + 2.
@_export
def h44f_zhao_mlstmsig(x=7, d=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_q, self.W_k, self.W_v = _p(d, x), _p(d, x), _p(d, x)
            self.w_i, self.w_f = _p(x), _p(x)
            self.b_i, self.b_f = _p(1), _p(1)

        def forward(self, xt, Cp):
            q, k, v = xt @ self.W_q.T, xt @ self.W_k.T, xt @ self.W_v.T
            i = torch.sigmoid(xt @ self.w_i + self.b_i)[:, None, None]
            f = torch.sigmoid(xt @ self.w_f + self.b_f)[:, None, None]
            Ct = f * Cp + i * (k[:, :, None] * v[:, None, :])
            ht = torch.einsum('bkv,bk->bv', Ct, q)
            return ht, Ct

    return Cell()


# heedeandean/DeepLearning concept/recurrent_network.ipynb (Korean, NumPy code); read as: w1x (n_features, n_cells),
# w1h (n_cells, n_cells), b1 (n_cells), output w2 (n_cells, n_classes), b2 (n_classes);
# Count: n_cells*(n_features + n_cells + 1) + n_classes*(n_cells + 1).
@_export
def h44f_heed_rnn(n_features=7, n_cells=5, n_classes=3):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.w1x = _p(n_features, n_cells)
            self.w1h = _p(n_cells, n_cells)
            self.b1 = _p(n_cells)
            self.w2 = _p(n_cells, n_classes)
            self.b2 = _p(n_classes)

        def forward(self, xt, hp):
            h = torch.tanh(xt @ self.w1x + hp @ self.w1h + self.b1)
            return h, h @ self.w2 + self.b2

    return Cell()


# Aqudi/deep-learning-from-scratch-2 common/time_layers.py class RNN (Korean docstring, RST math); read as:
# h_t = tanh(h_{t-1} W_h + x_t W_x + b), W_x (x, h), W_h (h, h), b (h); Count: x*h + h*h + h.
@_export
def h44f_aqudi_rnn(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.Wx = _p(x, h)
            self.Wh = _p(h, h)
            self.b = _p(h)

        def forward(self, xt, hp):
            return torch.tanh(hp @ self.Wh + xt @ self.Wx + self.b)

    return Cell()


# GAndrSky/ml-notes section 3 LSTM (Russian HTML); read as: Wf, Wi, Wc, Wo each (H, H + n) on [hₜ₋₁, xₜ], biases
# bf, bi, bc, bo (H); no output layer in the section; Count: 4H(H + n + 1).
@_export
def h44f_gandr_lstm(n=7, H=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W = nn.ParameterDict({k: _p(H, H + n) for k in ("f", "i", "c", "o")})
            self.b = nn.ParameterDict({k: _p(H) for k in ("f", "i", "c", "o")})

        def forward(self, xt, hp, cp):
            u = torch.cat([hp, xt], -1)
            g = {k: u @ self.W[k].T + self.b[k] for k in self.W}
            ct = torch.sigmoid(g["f"]) * cp + torch.sigmoid(g["i"]) * torch.tanh(g["c"])
            return torch.sigmoid(g["o"]) * torch.tanh(ct), ct

    return Cell()
