"""Oracles for the h52d set-aside snippets (heldout52), as its gatherer wrote them."""
import torch
from torch import nn

__all__ = []


def _export(f):
    __all__.append(f.__name__)
    return f


def _p(*shape):
    return nn.Parameter(torch.randn(*shape) * 0.1)


# unagiootoro/ruby-dnn GRUCell (Ruby); weight (x, 3h) split [2h | h], recurrent_weight (h, 3h) split the same,
# one bias (3h) split [2h | h]; reset r multiplies h before (h*r).dot(weight2_h). Count: 3h*x + 3h*h + 3h.
@_export
def h52d_rubydnn_gru(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.weight = _p(x, 3 * h)
            self.recurrent_weight = _p(h, 3 * h)
            self.bias = _p(3 * h)

        def forward(self, xt, ht):
            wa, wh = self.weight[:, :2 * h], self.weight[:, 2 * h:]
            ra, rh = self.recurrent_weight[:, :2 * h], self.recurrent_weight[:, 2 * h:]
            ba, bh = self.bias[:2 * h], self.bias[2 * h:]
            a = xt @ wa + ht @ ra + ba
            u, r = torch.sigmoid(a[:, :h]), torch.sigmoid(a[:, h:])
            h2 = torch.tanh(xt @ wh + (ht * r) @ rh + bh)
            return (1 - u) * h2 + u * ht
    return Cell()


# ryancinsight/Coeus LSTMCell doc; W_ih (4h, x), b_ih (4h), W_hh (4h, h), b_hh (4h).
# Count: 4h*x + 4h*h + 8h.
@_export
def h52d_coeus_lstm(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.w_ih = nn.Linear(x, 4 * h, bias=True)
            self.w_hh = nn.Linear(h, 4 * h, bias=True)

        def forward(self, xt, ht, ct):
            g = self.w_ih(xt) + self.w_hh(ht)
            i, f, gg, o = g.chunk(4, dim=-1)
            c = torch.sigmoid(f) * ct + torch.sigmoid(i) * torch.tanh(gg)
            return torch.sigmoid(o) * torch.tanh(c), c
    return Cell()


# dbsxdbsx/only_torch Lstm header; per gate k in {i,f,g,o}: W_ik (x, h), W_hk (h, h), b_k (h) -- one bias per gate.
# Count: 4*(x*h + h*h + h).
@_export
def h52d_onlytorch_lstm(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_i = nn.ParameterDict({k: _p(x, h) for k in "ifgo"})
            self.W_h = nn.ParameterDict({k: _p(h, h) for k in "ifgo"})
            self.b = nn.ParameterDict({k: _p(h) for k in "ifgo"})

        def forward(self, xt, ht, ct):
            a = {k: xt @ self.W_i[k] + ht @ self.W_h[k] + self.b[k] for k in "ifgo"}
            i, f, o = torch.sigmoid(a["i"]), torch.sigmoid(a["f"]), torch.sigmoid(a["o"])
            c = f * ct + i * torch.tanh(a["g"])
            return o * torch.tanh(c), c
    return Cell()


# SymJAX/SymJAX GRU layer, default gate="minimal" (minimal gated unit): Wh, Wz (x, h); Uh, Uz (h, h); bh, bz (h).
# ft = sigma(x Wz + bz + h Uz); h_hat = phi(x Wh + bh + (h*ft) Uh); ht = (1-ft) h + ft h_hat. Count: 2*(x*h + h*h + h).
@_export
def h52d_symjax_gru(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.Wh, self.Uh, self.bh = _p(x, h), _p(h, h), _p(h)
            self.Wz, self.Uz, self.bz = _p(x, h), _p(h, h), _p(h)

        def forward(self, xt, ht):
            ft = torch.sigmoid(xt @ self.Wz + self.bz + ht @ self.Uz)
            h_hat = torch.tanh(xt @ self.Wh + self.bh + (ht * ft) @ self.Uh)
            return (1 - ft) * ht + ft * h_hat
    return Cell()


# silvermpx/mamba-rs MambaLayerWeights: norm (d_model), in_proj (d_model, 2 d_inner), conv1d (d_inner, d_conv) + bias,
# x_proj (d_inner, dt_rank + 2 d_state), dt_proj (dt_rank, d_inner) + bias, A_log (d_inner*d_state), D (d_inner),
# out_proj (d_inner, d_model); a_neg is derived from a_log, not learned.
# Count: d_model + 2*d_model*d_inner + d_inner*(d_conv+1) + d_inner*(dt_rank+2*d_state) + dt_rank*d_inner + d_inner
#        + d_inner*d_state + d_inner + d_inner*d_model.
@_export
def h52d_mambars_layer(d_model=6, d_inner=10, d_state=4, d_conv=3, dt_rank=2):
    class Layer(nn.Module):
        def __init__(self):
            super().__init__()
            self.norm_weight = nn.Parameter(torch.ones(d_model))
            self.in_proj_w = _p(d_model, 2 * d_inner)
            self.conv1d_weight = _p(d_inner, d_conv)
            self.conv1d_bias = _p(d_inner)
            self.x_proj_w = _p(d_inner, dt_rank + 2 * d_state)
            self.dt_proj_w = _p(dt_rank, d_inner)
            self.dt_proj_b = _p(d_inner)
            self.a_log = nn.Parameter(torch.log(torch.arange(1, d_state + 1).float()).repeat(d_inner, 1))
            self.d_param = _p(d_inner)
            self.out_proj_w = _p(d_inner, d_model)

        def forward(self, xt, conv_state, ssm_state):
            # one recurrent step (T=1): RMSNorm -> in_proj -> conv1d -> SiLU -> SSM -> gate -> out_proj
            u = xt * torch.rsqrt(xt.pow(2).mean(-1, keepdim=True) + 1e-5) * self.norm_weight
            xz = u @ self.in_proj_w
            xi, z = xz[:, :d_inner], xz[:, d_inner:]
            conv_state = torch.cat([conv_state[:, :, 1:], xi.unsqueeze(-1)], dim=-1)  # (B, d_inner, d_conv)
            xc = torch.nn.functional.silu((conv_state * self.conv1d_weight).sum(-1) + self.conv1d_bias)
            dbc = xc @ self.x_proj_w
            dt, Bm, Cm = dbc[:, :dt_rank], dbc[:, dt_rank:dt_rank + d_state], dbc[:, dt_rank + d_state:]
            delta = torch.nn.functional.softplus(dt @ self.dt_proj_w + self.dt_proj_b)  # (B, d_inner)
            a_neg = -torch.exp(self.a_log)
            ssm_state = torch.exp(delta.unsqueeze(-1) * a_neg) * ssm_state + delta.unsqueeze(-1) * Bm.unsqueeze(1) * xc.unsqueeze(-1)
            y = (ssm_state * Cm.unsqueeze(1)).sum(-1) + self.d_param * xc
            y = y * torch.nn.functional.silu(z)
            return y @ self.out_proj_w, conv_state, ssm_state
    return Layer()


# RP-pl/ScratchNN ElmanRNN: h_n = phi(X @ W + h_{n-1} @ W_h + b), y = psi(h) (activation only);
# W (x, h), W_h (h, h), b (h). Count: x*h + h*h + h.
@_export
def h52d_scratchnn_elman(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.w = _p(x, h)
            self.state_weight = _p(h, h)
            self.b = _p(h)

        def forward(self, xt, ht):
            hn = torch.tanh(xt @ self.w + ht @ self.state_weight + self.b)
            return hn, hn  # y = psi(h) with psi linear
    return Cell()


# delzac/cntkx IndRNN: h = activation(input @ W + prev_h * R + b), R element-wise (one recurrent weight per unit);
# W (x, h), R (h), b (h). Count: x*h + 2h.
@_export
def h52d_cntkx_indrnn(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W = _p(x, h)
            self.R = _p(h)
            self.b = _p(h)

        def forward(self, xt, ht):
            return torch.relu(xt @ self.W + ht * self.R + self.b)
    return Cell()


# delzac/cntkx PyTorch-style LSTM with one combined bias: W (x, 4h), H (h, 4h), b (4h). Count: 4h*x + 4h*h + 4h.
@_export
def h52d_cntkx_lstm(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W = _p(x, 4 * h)
            self.H = _p(h, 4 * h)
            self.b = _p(4 * h)

        def forward(self, xt, dh, dc):
            p = self.b + xt @ self.W + dh @ self.H
            i, f, g, o = p.chunk(4, dim=-1)
            c = torch.sigmoid(f) * dc + torch.sigmoid(i) * torch.tanh(g)
            return torch.sigmoid(o) * torch.tanh(c), c
    return Cell()


# dbsxdbsx/only_torch Gru header; per gate k in {r,z,n}: W_ik (x, h), W_hk (h, h), b_k (h) -- one bias per gate,
# n_t = tanh(x W_in + r (h W_hn) + b_n). Count: 3*(x*h + h*h + h).
@_export
def h52d_onlytorch_gru(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_i = nn.ParameterDict({k: _p(x, h) for k in "rzn"})
            self.W_h = nn.ParameterDict({k: _p(h, h) for k in "rzn"})
            self.b = nn.ParameterDict({k: _p(h) for k in "rzn"})

        def forward(self, xt, ht):
            r = torch.sigmoid(xt @ self.W_i["r"] + ht @ self.W_h["r"] + self.b["r"])
            z = torch.sigmoid(xt @ self.W_i["z"] + ht @ self.W_h["z"] + self.b["z"])
            n = torch.tanh(xt @ self.W_i["n"] + r * (ht @ self.W_h["n"]) + self.b["n"])
            return (1 - z) * n + z * ht
    return Cell()


# BemTG/orion NNTrait::lstm doc (refuse: B and P are optional inputs, direction may be bidirectional, no equations);
# built as the most plausible single-direction reading with W (4h, x), R (4h, h), B (8h) = Wb + Rb, no peepholes,
# ONNX gate order i, o, f, c. Count: 4h*x + 4h*h + 8h (with P: + 3h; bidirectional: x2).
@_export
def h52d_orion_lstm(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W = _p(4 * h, x)
            self.R = _p(4 * h, h)
            self.B = _p(8 * h)

        def forward(self, xt, ht, ct):
            g = xt @ self.W.T + ht @ self.R.T + self.B[:4 * h] + self.B[4 * h:]
            i, o, f, c = g.chunk(4, dim=-1)
            C = torch.sigmoid(f) * ct + torch.sigmoid(i) * torch.tanh(c)
            return torch.sigmoid(o) * torch.tanh(C), C
    return Cell()
