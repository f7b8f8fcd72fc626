import torch
from torch import nn

__all__ = []


def _export(f):
    __all__.append(f.__name__)
    return f


def _p(*shape):
    return nn.Parameter(torch.randn(*shape) * 0.1)


# https://github.com/MartinuzziFrancesco/RecurrentLayers.jl/issues/105 (ATR, Zhang et al. 2018). Shared
# projections p_t = W x_t (W: h x x; h x x forced by i_t o p_t being added to f_t o h_{t-1}) and
# q_t = U h_{t-1} (U: h x h), used by both gates; no biases. Count: h*x + h^2.
@_export
def h24d_rljl_atr(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W, self.U = _p(h, x), _p(h, h)

        def forward(self, xt, hp):
            p = self.W @ xt
            q = self.U @ hp
            i = torch.sigmoid(p + q)
            f = torch.sigmoid(p - q)
            return i * p + f * hp

    return Cell()


# https://github.com/MartinuzziFrancesco/RecurrentLayers.jl/issues/142 (Residual LSTM, Kim et al. 2017).
# W_x{i,f,c,o} (h x x), W_h{i,f,c,o} (h x h), peephole vectors w_ci, w_cf, w_co (h), biases b_i, b_f,
# b_c, b_o (h), projection W_p (h x h: m_t is added to W_h x_t and gated by o_t), shortcut W_h (h x x).
# Count: 4(h*x + h^2 + h) + 3h + h^2 + h*x.
@_export
def h24d_rljl_reslstm(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.Wx = nn.ParameterDict({g: _p(h, x) for g in "ifco"})
            self.Wh = nn.ParameterDict({g: _p(h, h) for g in "ifco"})
            self.b = nn.ParameterDict({g: _p(h) for g in "ifco"})
            self.w_ci, self.w_cf, self.w_co = _p(h), _p(h), _p(h)
            self.W_p = _p(h, h)
            self.W_h = _p(h, x)

        def forward(self, xt, state):
            hp, cp = state
            i = torch.sigmoid(self.Wx["i"] @ xt + self.Wh["i"] @ hp + self.w_ci * cp + self.b["i"])
            f = torch.sigmoid(self.Wx["f"] @ xt + self.Wh["f"] @ hp + self.w_cf * cp + self.b["f"])
            c = f * cp + i * torch.tanh(self.Wx["c"] @ xt + self.Wh["c"] @ hp + self.b["c"])
            o = torch.sigmoid(self.Wx["o"] @ xt + self.Wh["o"] @ hp + self.w_co * c + self.b["o"])
            r = torch.tanh(c)
            m = self.W_p @ r
            return o * (m + self.W_h @ xt), c

    return Cell()


# stored file id 21778907317 (trick catalog 258, mLSTM stabilization). Marked refuse: no projection for
# q, k, v, the gate pre-activations or o is given. Most plausible reading (the xLSTM paper's mLSTM):
# W_q, W_k, W_v, W_o (d x x) with biases (d), w_i, w_f (x) with scalar biases b_i, b_f.
# Count: 4(d*x + d) + 2(x + 1).
@_export
def h24d_trick258_mlstm(x=7, d=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_q, self.b_q = _p(d, x), _p(d)
            self.W_k, self.b_k = _p(d, x), _p(d)
            self.W_v, self.b_v = _p(d, x), _p(d)
            self.W_o, self.b_o = _p(d, x), _p(d)
            self.w_i, self.b_i = _p(x), _p(1)
            self.w_f, self.b_f = _p(x), _p(1)

        def forward(self, xt, state):
            C, n, m = state
            q = self.W_q @ xt + self.b_q
            k = (self.W_k @ xt) / d ** 0.5 + self.b_k
            v = self.W_v @ xt + self.b_v
            i_log = self.w_i @ xt + self.b_i
            f_log = torch.nn.functional.logsigmoid(self.w_f @ xt + self.b_f)
            m_new = torch.maximum(f_log + m, i_log)
            i = torch.exp(i_log - m_new)
            f = torch.exp(f_log + m - m_new)
            C = f * C + i * torch.outer(v, k)
            n = f * n + i * k
            o = torch.sigmoid(self.W_o @ xt + self.b_o)
            h = o * (C @ q) / torch.clamp(torch.abs(n @ q), min=1.0)
            return h, (C, n, m_new)

    return Cell()


# stored file id 21959428767 (trick catalog 225, HGRN1/HGRN2). Marked refuse: the lower bound beta is a
# learnable L x d table shared across layers. Most plausible reading for one layer: U, V, W (d x x) with
# biases b_u, b_v, b_w (d) and this layer's lower bound beta (d). Count: 3(d*x + d) + d.
@_export
def h24d_trick225_hgrn(x=7, d=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.U, self.b_u = _p(d, x), _p(d)
            self.V, self.b_v = _p(d, x), _p(d)
            self.W, self.b_w = _p(d, x), _p(d)
            self.beta = _p(d)

        def forward(self, xt, hp):
            g = torch.sigmoid(self.U @ xt + self.b_u)
            i = torch.nn.functional.silu(self.V @ xt + self.b_v)
            o = torch.sigmoid(self.W @ xt + self.b_w)
            f = self.beta + (1 - self.beta) * g
            h = f * hp + (1 - f) * i
            return h * o, h

    return Cell()


# stored file id 25645069346 (Leif Huender, mlstm.py, mLSTMcell docstring). q, k of key size d
# (W_q, W_k: d x x, b_q, b_k: d); v, o, h of hidden_size h (W_v, W_o: h x x, b_v, b_o: h); scalar gates
# from vectors w_i, w_f (x) and scalar biases b_i, b_f. Count: 2(d*x + d) + 2(h*x + h) + 2(x + 1).
@_export
def h24d_huender_mlstm(x=7, h=5, d=3):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_q, self.b_q = _p(d, x), _p(d)
            self.W_k, self.b_k = _p(d, x), _p(d)
            self.W_v, self.b_v = _p(h, x), _p(h)
            self.W_o, self.b_o = _p(h, x), _p(h)
            self.w_i, self.b_i = _p(x), _p(1)
            self.w_f, self.b_f = _p(x), _p(1)

        def forward(self, xt, state):
            C, n = state
            q = self.W_q @ xt + self.b_q
            k = (self.W_k @ xt) / d ** 0.5 + self.b_k
            v = self.W_v @ xt + self.b_v
            i = torch.exp(self.w_i @ xt + self.b_i)
            f = torch.sigmoid(self.w_f @ xt + self.b_f)
            o = torch.sigmoid(self.W_o @ xt + self.b_o)
            C = f * C + i * torch.outer(v, k)
            n = f * n + i * k
            ht = (C @ q) / torch.clamp(torch.abs(n @ q), min=1.0)
            return o * ht, (C, n)

    return Cell()


# MartinuzziFrancesco/torchrecurrent:torchrecurrent/cells/antisymmetricrnn_cell.py, GatedAntisymmetricRNNCell.
# weight_ih (2h x x: W_ih^z and W_ih^x), weight_hh (h x h, used as W - W^T - gamma I in both branches),
# bias_ih (2h: b_ih^z and b_ih^h), bias_hh (h, shared). epsilon and gamma are hyperparameters.
# Count: 2h*x + h^2 + 3h.
@_export
def h24d_torchrec_gatedasym(x=7, h=5):
    epsilon, gamma = 1.0, 0.0  # hyperparameters (defaults), not parameters
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.weight_ih = _p(2 * h, x)
            self.weight_hh = _p(h, h)
            self.bias_ih = _p(2 * h)
            self.bias_hh = _p(h)

        def forward(self, xt, hp):
            A = self.weight_hh - self.weight_hh.t() - gamma * torch.eye(h)
            gx = self.weight_ih @ xt + self.bias_ih
            z = torch.sigmoid(A @ hp + self.bias_hh + gx[:h])
            return hp + epsilon * z * torch.tanh(A @ hp + self.bias_hh + gx[h:])

    return Cell()


# MartinuzziFrancesco/torchrecurrent:torchrecurrent/cells/multiplicativelstm_cell.py, MultiplicativeLSTMCell
# (Krause et al. 2016). weight_ih (5h x x: m, h-hat, i, f, o), bias_ih (5h), weight_hh (h x h, for m),
# bias_hh (h), weight_mh (4h x h: h-hat, i, f, o), bias_mh (4h). Count: 5h*x + 5h^2 + 10h.
@_export
def h24d_torchrec_multlstm(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.weight_ih, self.bias_ih = _p(5 * h, x), _p(5 * h)
            self.weight_hh, self.bias_hh = _p(h, h), _p(h)
            self.weight_mh, self.bias_mh = _p(4 * h, h), _p(4 * h)

        def forward(self, xt, state):
            hp, cp = state
            gx = (self.weight_ih @ xt + self.bias_ih).chunk(5)
            m = gx[0] * (self.weight_hh @ hp + self.bias_hh)
            gm = (self.weight_mh @ m + self.bias_mh).chunk(4)
            hh = gx[1] + gm[0]
            i = torch.sigmoid(gx[2] + gm[1])
            f = torch.sigmoid(gx[3] + gm[2])
            o = torch.sigmoid(gx[4] + gm[3])
            c = f * cp + i * torch.tanh(hh)
            return torch.tanh(c) * o, c

    return Cell()


# MartinuzziFrancesco/LuxRecurrentLayers.jl:src/cells/lem_cell.jl, LEMCell docstring (Rusch et al. 2022).
# Four blocks (1, 2, z, y), each W_* (y x y), V_* (y x u), b_* (y); Delta t-hat is a constant. The
# overlined step is computed but, as written, both updates use the bold one; its weights still count.
# Count: 4(y^2 + y*u + y).
@_export
def h24d_luxrl_lem(u=7, y=5):
    dt = 1.0  # the constant Delta t-hat
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W = nn.ParameterDict({g: _p(y, y) for g in ("1", "2", "z", "y")})
            self.V = nn.ParameterDict({g: _p(y, u) for g in ("1", "2", "z", "y")})
            self.b = nn.ParameterDict({g: _p(y) for g in ("1", "2", "z", "y")})

        def forward(self, un, state):
            yp, zp = state
            dt1 = dt * torch.sigmoid(self.W["1"] @ yp + self.V["1"] @ un + self.b["1"])
            dt2 = dt * torch.sigmoid(self.W["2"] @ yp + self.V["2"] @ un + self.b["2"])  # unused as written
            z = (1 - dt1) * zp + dt1 * torch.sigmoid(self.W["z"] @ yp + self.V["z"] @ un + self.b["z"])
            yn = (1 - dt1) * yp + dt1 * torch.sigmoid(self.W["y"] @ z + self.V["y"] @ un + self.b["y"])
            return yn, z

    return Cell()


# MartinuzziFrancesco/LuxRecurrentLayers.jl:src/cells/rhn_cell.jl, RHNCell docstring (Zilly et al. 2017),
# with the documented defaults couple_carry=true (c = 1 - t, only the h and t blocks) and depth micro-layers.
# Micro-layer 1: W (2s x (x + s)), b (2s); micro-layers 2..depth: W (2s x s), b (2s).
# Count: 2s(x + s) + 2s + (depth - 1)(2s^2 + 2s).
@_export
def h24d_luxrl_rhn(x=7, s=5, depth=3):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.weights = nn.ParameterList(
                [_p(2 * s, x + s if l == 0 else s) for l in range(depth)])
            self.biases = nn.ParameterList([_p(2 * s) for _ in range(depth)])

        def forward(self, xt, sp):
            cur = sp
            for l in range(depth):
                inp = torch.cat([xt, cur]) if l == 0 else cur
                pre = self.weights[l] @ inp + self.biases[l]
                hl = torch.tanh(pre[:s])
                tl = torch.sigmoid(pre[s:])
                cur = hl * tl + cur * (1 - tl)
            return cur

    return Cell()


# stored file id 25325387285 (Leif Huender, sLSTMCell docstring). Marked refuse: the recurrent factors
# r_* are written as scalars. Most plausible reading (the xLSTM paper's vector form): W_{z,i,f,o} (h x x),
# R_{z,i,f,o} (h x h), b_{z,i,f,o} (h). Count: 4(h*x + h^2 + h).
@_export
def h24d_huender_slstm(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.w = nn.ParameterDict({g: _p(h, x) for g in "zifo"})
            self.r = nn.ParameterDict({g: _p(h, h) for g in "zifo"})
            self.b = nn.ParameterDict({g: _p(h) for g in "zifo"})

        def forward(self, xt, state):
            hp, cp, np_, mp = state
            pre = {g: self.w[g] @ xt + self.r[g] @ hp + self.b[g] for g in "zifo"}
            z = torch.tanh(pre["z"])
            o = torch.sigmoid(pre["o"])
            m = torch.maximum(pre["f"] + mp, pre["i"])
            i = torch.exp(pre["i"] - m)
            f = torch.exp(pre["f"] + mp - m)
            c = f * cp + i * z
            n = f * np_ + i
            return o * (c / n), c, n, m

    return Cell()


# stored file id 37334893650 (book chapter "Time Series Analysis for Clinical Data", LSTM paragraph).
# W_f, W_i, W_o, W_c act on [h_{t-1}, x_t] (h x (h + x)), one bias per gate (h).
# Count: 4(h(h + x) + h).
@_export
def h24d_clinicalts_lstm(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W = nn.ParameterDict({g: _p(h, h + x) for g in "fioc"})
            self.b = nn.ParameterDict({g: _p(h) for g in "fioc"})

        def forward(self, xt, state):
            hp, cp = state
            z = torch.cat([hp, xt])
            f = torch.sigmoid(self.W["f"] @ z + self.b["f"])
            i = torch.sigmoid(self.W["i"] @ z + self.b["i"])
            o = torch.sigmoid(self.W["o"] @ z + self.b["o"])
            ct = torch.tanh(self.W["c"] @ z + self.b["c"])
            c = f * cp + i * ct
            return o * torch.tanh(c), c

    return Cell()
