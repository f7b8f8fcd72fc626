"""Oracles for the h39f set-aside snippets (heldout39), as its gatherer wrote them."""
import torch
from torch import nn

__all__ = []


def _export(f):
    __all__.append(f.__name__)
    return f


def _p(*shape):
    return nn.Parameter(torch.randn(*shape) * 0.1)


# JulianBouschery/Self-Education rnn_part_1.ipynb (German); h_t = f(W_h h_{t-1} + W_x x_t + b), f = tanh:
# W_h (h, h), W_x (h, x), b (h); Count: h*h + h*x + h.
@_export
def h39f_julian_rnn(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_h = _p(h, h)
            self.W_x = _p(h, x)
            self.b = _p(h)

        def forward(self, xt, ht):
            return torch.tanh(ht @ self.W_h.T + xt @ self.W_x.T + self.b)
    return Cell()


# ojimenez-aeropost/AI-Cenfotec 1-RNN-Definiciones.ipynb (Spanish); recurrent layer whose state is its output,
# y_(t) = phi(X_(t) W_x + y_(t-1) W_y + b): W_x (x, y), W_y (y, y), b (y), phi = tanh; Count: x*y + y*y + y.
@_export
def h39f_cenfotec_rnn(x=7, y=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_x = _p(x, y)
            self.W_y = _p(y, y)
            self.b = _p(y)

        def forward(self, xt, yt):
            return torch.tanh(xt @ self.W_x + yt @ self.W_y + self.b)
    return Cell()


# kapumota/Actividades-CC0C2 RNN.ipynb (Spanish), bidirectional RNN; both directions are written with the same
# W (h, x), U (h, h), b (h). Most plausible reading: a standard bidirectional RNN with its own W, U, b per direction
# (the literal shared reading gives half); Count: 2*(h*x + h*h + h).  (refuse: shared vs per-direction)
@_export
def h39f_kapumota_birnn(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W = nn.ParameterDict({d: _p(h, x) for d in ("fw", "bw")})
            self.U = nn.ParameterDict({d: _p(h, h) for d in ("fw", "bw")})
            self.b = nn.ParameterDict({d: _p(h) for d in ("fw", "bw")})

        def forward(self, xt, h_prev_fw, h_next_bw):
            hf = torch.sigmoid(xt @ self.W["fw"].T + h_prev_fw @ self.U["fw"].T + self.b["fw"])
            hb = torch.sigmoid(xt @ self.W["bw"].T + h_next_bw @ self.U["bw"].T + self.b["bw"])
            return torch.cat([hf, hb], dim=-1)
    return Cell()


# kapumota/Actividades-CC0C2 RNN.ipynb (Spanish), LSTM with the candidate written inline in the cell update;
# gates i, f, o and candidate c each W_g (h, x), U_g (h, h), b_g (h); Count: 4*(h*x + h*h + h).
@_export
def h39f_kapumota_lstm(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W = nn.ParameterDict({g: _p(h, x) for g in "ifoc"})
            self.U = nn.ParameterDict({g: _p(h, h) for g in "ifoc"})
            self.b = nn.ParameterDict({g: _p(h) for g in "ifoc"})

        def forward(self, xt, ht, ct):
            a = {g: xt @ self.W[g].T + ht @ self.U[g].T + self.b[g] for g in "ifoc"}
            i, f, o = torch.sigmoid(a["i"]), torch.sigmoid(a["f"]), torch.sigmoid(a["o"])
            c = f * ct + i * torch.tanh(a["c"])
            return o * torch.tanh(c), c
    return Cell()


# scidatmath2020/DL_Py_25 "C12. Redes_recurrentes.ipynb" (Spanish), LSTM on [h_{t-1}, x_t] with no biases written:
# W_f, W_i, W_c, W_o each (h, h + x); Count: 4*h*(h + x).
@_export
def h39f_scidat_lstm(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W = nn.ParameterDict({g: _p(h, h + x) for g in "fico"})

        def forward(self, xt, ht, ct):
            v = torch.cat([ht, xt], dim=-1)
            f = torch.sigmoid(v @ self.W["f"].T)
            i = torch.sigmoid(v @ self.W["i"].T)
            cc = torch.tanh(v @ self.W["c"].T)
            c = f * ct + i * cc
            o = torch.sigmoid(v @ self.W["o"].T)
            return o * torch.tanh(c), c
    return Cell()


# DrXuQian/transformers qwen3_next_linear_attention.md (Chinese), Qwen3-Next Gated DeltaNet. Reading: QKVZ projection
# Linear(D, 2*key_dim + 2*value_dim) and BA projection Linear(D, 2*num_v_heads), no bias written; depthwise causal
# Conv1D(kernel=4) over the mixed QKV channels (2*key_dim + value_dim), no bias; A_log and dt_bias one per value head;
# key_dim = 16*128, value_dim = 32*128 from the shapes; no norm weight and no output projection (none written).
# Count: D*(2*2048 + 2*4096) + D*64 + 4*(2*2048 + 4096) + 32 + 32.  (refuse: biases, norm weight, out proj, A_log shape)
@_export
def h39f_qwen3next_gdn(D=64):
    nk, dk, nv, dv, K = 16, 128, 32, 128, 4
    key_dim, value_dim = nk * dk, nv * dv

    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.in_proj_qkvz = nn.Linear(D, 2 * key_dim + 2 * value_dim, bias=False)
            self.in_proj_ba = nn.Linear(D, 2 * nv, bias=False)
            conv_dim = 2 * key_dim + value_dim
            self.conv1d = nn.Conv1d(conv_dim, conv_dim, K, groups=conv_dim, padding=K - 1, bias=False)
            self.A_log = _p(nv)
            self.dt_bias = _p(nv)

        def forward(self, xt, state, conv_buf):
            # xt: (B, D); state: (B, nv, dk, dv); conv_buf: (B, conv_dim, K-1)
            qkvz = self.in_proj_qkvz(xt)
            qkv, z = qkvz[:, : 2 * key_dim + value_dim], qkvz[:, 2 * key_dim + value_dim:]
            seq = torch.cat([conv_buf, qkv.unsqueeze(-1)], dim=-1)
            mixed = torch.nn.functional.silu((seq * self.conv1d.weight.squeeze(1)).sum(-1))
            q, k, v = mixed.split([key_dim, key_dim, value_dim], dim=-1)
            B = xt.shape[0]
            q = torch.nn.functional.normalize(q.view(B, nk, dk), dim=-1).repeat_interleave(nv // nk, dim=1)
            k = torch.nn.functional.normalize(k.view(B, nk, dk), dim=-1).repeat_interleave(nv // nk, dim=1)
            v = v.view(B, nv, dv)
            b, a = self.in_proj_ba(xt).split([nv, nv], dim=-1)
            beta = torch.sigmoid(b)
            g = -self.A_log.exp() * torch.nn.functional.softplus(a + self.dt_bias)
            state = g.exp()[..., None, None] * state + beta[..., None, None] * torch.einsum("bhk,bhv->bhkv", k, v)
            out = torch.einsum("bhk,bhkv->bhv", q, state)
            return out.reshape(B, value_dim) * torch.nn.functional.silu(z), state, seq[..., 1:]
    return Cell()


# whdgusdl48/pytorch_CNN RNN/RNN.py (Korean comments), NumPy vanilla RNN: Wx (h, x), Wh (h, h), b (h);
# Count: h*x + h*h + h (104 at the script's own sizes x=4, h=8).
@_export
def h39f_whdgusdl_rnn(x=4, h=8):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.Wx = _p(h, x)
            self.Wh = _p(h, h)
            self.b = _p(h)

        def forward(self, xt, ht):
            return torch.tanh(xt @ self.Wx.T + ht @ self.Wh.T + self.b)
    return Cell()


# rondinell/Intelig-ncia-Artificial codigo1_livro2.ipynb (Portuguese), scalar RNN: h_t = tanh(Wx*x_t + Wh*h_{t-1} + b),
# y_t = Wy*h_t; with scalar input/state/output the weights are Wx (h, x), Wh (h, h), b (h), Wy (y, h);
# Count: h*x + h*h + h + y*h (4 at x=h=y=1).
@_export
def h39f_rondinell_rnn(x=1, h=1, y=1):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.Wx = _p(h, x)
            self.Wh = _p(h, h)
            self.b = _p(h)
            self.Wy = _p(y, h)

        def forward(self, xt, ht):
            hn = torch.tanh(xt @ self.Wx.T + ht @ self.Wh.T + self.b)
            return hn @ self.Wy.T, hn
    return Cell()


# nmadali16/Udemy-...-1 "Cellule LSTM .ipynb" (French). The equations give a concatenated LSTM (4*(h*(x+h) + h)),
# the code of the same cell adds U_* = nn.Linear(h, h) (with bias) on the cell state in every gate. Oracle follows
# the implemented cell: W_* nn.Linear(x + h, h) and U_* nn.Linear(h, h), both biased, for f, i, c, o;
# Count: 4*((x + h)*h + h + h*h + h).  (refuse: equations 260 vs code 380 at x=7, h=5)
@_export
def h39f_nmadali_lstm(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W = nn.ModuleDict({g: nn.Linear(x + h, h) for g in "fico"})
            self.U = nn.ModuleDict({g: nn.Linear(h, h) for g in "fico"})

        def forward(self, xt, ht, ct):
            v = torch.cat([xt, ht], dim=1)
            f = torch.sigmoid(self.W["f"](v) + self.U["f"](ct))
            i = torch.sigmoid(self.W["i"](v) + self.U["i"](ct))
            g = torch.tanh(self.W["c"](v) + self.U["c"](ct))
            c = f * ct + i * g
            o = torch.sigmoid(self.W["o"](v) + self.U["o"](c))
            return o * torch.tanh(c), c
    return Cell()


# hrhrkeee/ml-coding-practice-pytorch temp/scratch.ipynb (Japanese comments), GRUScratch: W_x (3H, D), W_h (3H, H),
# b (3H) sliced per gate, reset applied before the hidden-side matmul; Count: 3*(H*D + H*H + H).
@_export
def h39f_hrhrkeee_gru(input_size=7, hidden_size=5):
    D, H = input_size, hidden_size

    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_x = _p(3 * H, D)
            self.W_h = _p(3 * H, H)
            self.b = _p(3 * H)

        def forward(self, xt, h_prev):
            zr = xt @ self.W_x[0:2 * H].T + h_prev @ self.W_h[0:2 * H].T + self.b[0:2 * H]
            z, r = torch.sigmoid(zr[:, :H]), torch.sigmoid(zr[:, H:])
            hh = torch.tanh(xt @ self.W_x[2 * H:].T + (r * h_prev) @ self.W_h[2 * H:].T + self.b[2 * H:])
            return (1.0 - z) * h_prev + z * hh
    return Cell()


# scidatmath2020/DL_Py_25 "C12. Redes_recurrentes.ipynb" (Spanish), bias-free GRU on concatenations:
# W_z, W_r, W_h each (h, h + x); Count: 3*h*(h + x).
@_export
def h39f_scidat_gru(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W = nn.ParameterDict({g: _p(h, h + x) for g in "zrh"})

        def forward(self, xt, ht):
            v = torch.cat([ht, xt], dim=-1)
            z = torch.sigmoid(v @ self.W["z"].T)
            r = torch.sigmoid(v @ self.W["r"].T)
            hh = torch.tanh(torch.cat([r * ht, xt], dim=-1) @ self.W["h"].T)
            return (1 - z) * ht + z * hh
    return Cell()
