"""Oracles for the h42d set-aside snippets (heldout42), as its gatherer wrote them."""
import torch
from torch import nn

__all__ = []


def _export(f):
    __all__.append(f.__name__)
    return f


def _p(*shape):
    return nn.Parameter(torch.randn(*shape) * 0.1)


# OpenNMT/OpenNMT onmt/modules/GRU.lua, GRU:_buildLayer docstring; W_{xr},W_{xi},W_{xn}: (h,x) each,
# b_{xr},b_{xi},b_{xn}: (h,) each, W_{hr},W_{hi},W_{hn}: (h,h) each, b_{hr},b_{hi},b_{hn}: (h,) each;
# Count: 3*h*x + 3*h*h + 6*h.
@_export
def h42d_opennmt_gru(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.x2h = nn.Linear(x, 3 * h)   # W_{xr},W_{xi},W_{xn} and b_{xr},b_{xi},b_{xn}
            self.h2h = nn.Linear(h, 3 * h)   # W_{hr},W_{hi},W_{hn} and b_{hr},b_{hi},b_{hn}

        def forward(self, x_t, h_prev):
            xr, xi, xn = self.x2h(x_t).chunk(3, -1)
            hr, hi, hn = self.h2h(h_prev).chunk(3, -1)
            r = torch.sigmoid(xr + hr)
            i = torch.sigmoid(xi + hi)
            n = torch.tanh(xn + r * hn)
            return (1 - i) * n + i * h_prev
    return Cell()


# OpenNMT/OpenNMT onmt/modules/LSTM.lua header: stacked LSTM, gates never written; most plausible reading
# (the module's own code): per layer l, i2h = Linear(in_l, 4h) with bias and h2h = Linear(h, 4h) with bias,
# in_1 = x, in_l = h for l > 1; Count: 4h(x+h)+8h + (layers-1)*(4h(2h)+8h).
@_export
def h42d_opennmt_lstm(x=7, h=5, layers=2):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.i2h = nn.ModuleList([nn.Linear(x if l == 0 else h, 4 * h) for l in range(layers)])
            self.h2h = nn.ModuleList([nn.Linear(h, 4 * h) for _ in range(layers)])

        def forward(self, x_t, hs, cs):
            inp, new_h, new_c = x_t, [], []
            for l in range(layers):
                g = self.i2h[l](inp) + self.h2h[l](hs[l])
                i, f, o, n = g.chunk(4, -1)
                c = torch.sigmoid(f) * cs[l] + torch.sigmoid(i) * torch.tanh(n)
                hh = torch.sigmoid(o) * torch.tanh(c)
                new_h.append(hh); new_c.append(c); inp = hh
            return new_h, new_c
    return Cell()


# mozilla/DeepSpeech doc/DeepSpeech.rst, layers 4-6: W^{(4)} (hf,h3), W^{(f)}_r (hf,hf), b^{(4)} (hf,),
# W^{(5)} (h5,hf), b^{(5)} (h5,), W^{(6)} (k,h5), b^{(6)} (k,); g = clipped ReLU;
# Count: hf*h3 + hf*hf + hf + h5*hf + h5 + k*h5 + k.
@_export
def h42d_deepspeech_rnn(h3=7, hf=5, h5=4, k=3):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W4 = _p(hf, h3)
            self.Wr = _p(hf, hf)
            self.b4 = _p(hf)
            self.l5 = nn.Linear(hf, h5)
            self.l6 = nn.Linear(h5, k)

        def forward(self, h3_t, hf_prev):
            g = lambda z: torch.clamp(z, 0, 20)
            hf_t = g(h3_t @ self.W4.T + hf_prev @ self.Wr.T + self.b4)
            h5_t = g(self.l5(hf_t))
            return self.l6(h5_t), hf_t
    return Cell()


# nnstreamer/nntrainer nntrainer/layers/gru.cpp header diagram: Wxhr, Wxhz, Wxhg: (h,x) each;
# Whhr, Whhz, Whhg: (h,h) each; no bias drawn; Count: 3*h*x + 3*h*h.
@_export
def h42d_nntrainer_gru(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.Wxhr, self.Wxhz, self.Wxhg = _p(h, x), _p(h, x), _p(h, x)
            self.Whhr, self.Whhz, self.Whhg = _p(h, h), _p(h, h), _p(h, h)

        def forward(self, xs, h_prev):
            rt = torch.sigmoid(xs @ self.Wxhr.T + h_prev @ self.Whhr.T)
            zt = torch.sigmoid(xs @ self.Wxhz.T + h_prev @ self.Whhz.T)
            gt = torch.tanh(xs @ self.Wxhg.T + (rt * h_prev) @ self.Whhg.T)
            return zt * h_prev + (1 - zt) * gt
    return Cell()


# pytorch/rl torchrl/modules/models/dreamer_v3.py RSSMPriorV3 docstring (default recurrent_model="gru");
# most plausible reading: linear projector Linear(z+a, hidden_dim)+SiLU on [z_{t-1}, a_{t-1}] (z = num_categoricals*num_classes),
# GRUCell(hidden_dim, rnn_hidden_dim) with torch's double biases, prior MLP Linear(rnn_hidden_dim, hidden_dim)+SiLU+Linear(hidden_dim, z);
# Count: (z+a)*H+H + 3R*H + 3R*R + 6R + R*H+H + H*z+z.
@_export
def h42d_torchrl_rssm(rnn_hidden_dim=5, hidden_dim=4, num_categoricals=2, num_classes=3, action_dim=2):
    z = num_categoricals * num_classes

    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.proj = nn.Sequential(nn.Linear(z + action_dim, hidden_dim), nn.SiLU())
            self.rnn = nn.GRUCell(hidden_dim, rnn_hidden_dim)
            self.prior = nn.Sequential(nn.Linear(rnn_hidden_dim, hidden_dim), nn.SiLU(),
                                       nn.Linear(hidden_dim, z))

        def forward(self, z_prev, a_prev, h_prev):
            h_t = self.rnn(self.proj(torch.cat([z_prev, a_prev], -1)), h_prev)
            logits = self.prior(h_t).view(-1, num_categoricals, num_classes)
            return logits, h_t
    return Cell()


# IDSIA/brainstorm brainstorm/layers/lstm_layer.py (code only): Wz,Wi,Wf,Wo (size,in_size); pi,pf,po (1,size) peepholes
# applied elementwise (mult_add_mv in forward_pass); Rz,Ri,Rf,Ro (size,size); bz,bi,bf,bo (size,);
# Count: 4*size*in_size + 3*size + 4*size*size + 4*size.
@_export
def h42d_brainstorm_lstm(in_size=7, size=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W = nn.ParameterDict({g: _p(size, in_size) for g in 'zifo'})
            self.R = nn.ParameterDict({g: _p(size, size) for g in 'zifo'})
            self.b = nn.ParameterDict({g: _p(size) for g in 'zifo'})
            self.p = nn.ParameterDict({g: _p(1, size) for g in 'ifo'})

        def forward(self, x, y_prev, c_prev):
            a = lambda g: x @ self.W[g].T + y_prev @ self.R[g].T + self.b[g]
            z = torch.tanh(a('z'))
            i = torch.sigmoid(a('i') + c_prev * self.p['i'])
            f = torch.sigmoid(a('f') + c_prev * self.p['f'])
            c = i * z + f * c_prev
            o = torch.sigmoid(a('o') + c * self.p['o'])
            return o * torch.tanh(c), c
    return Cell()


# PCfVW/candle-mi src/stoicheia/mod.rs StoicheiaRnn: W_ih (H,1) (scalar input), W_hh (H,H), W_oh (output_size,H);
# no biases; ReLU; Count: H + H*H + output_size*H.
@_export
def h42d_candlemi_relu_rnn(H=5, output_size=3):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.weight_ih = _p(H, 1)
            self.weight_hh = _p(H, H)
            self.weight_oh = _p(output_size, H)

        def forward(self, x_t, h_prev):
            h_t = torch.relu(x_t @ self.weight_ih.T + h_prev @ self.weight_hh.T)
            return h_t @ self.weight_oh.T, h_t
    return Cell()


# krishankb-de/hybrid_model_mamba_xlstm KERNEL_IMPLEMENTATION.md mLSTM: most plausible reading (xLSTM paper, one head):
# q_t = W_q x_t, k_t = W_k x_t, v_t = W_v x_t with W_q, W_k, W_v (D,x), no bias; scalar gates from W_i, W_f (1,x), no bias
# (the text writes no bias); Count: 3*D*x + 2*x.
@_export
def h42d_hxm_mlstm(x=7, D=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_q, self.W_k, self.W_v = _p(D, x), _p(D, x), _p(D, x)
            self.W_i, self.W_f = _p(1, x), _p(1, x)

        def forward(self, x_t, C_prev, n_prev, eps=1e-6):
            q, k, v = x_t @ self.W_q.T, x_t @ self.W_k.T, x_t @ self.W_v.T
            i = torch.exp(x_t @ self.W_i.T)[..., None]
            f = torch.exp(x_t @ self.W_f.T)[..., None]
            C = f * C_prev + i * (k[..., :, None] * v[..., None, :])
            n = f[..., 0] * n_prev + i[..., 0] * k
            h = (C @ q[..., None])[..., 0] / ((n * q).sum(-1, keepdim=True) + eps)
            return h, C, n
    return Cell()


# facebookarchive/torch-rnnlib rnnlib/cell.lua cell.LSTM: i2h = nn.Linear(nin, 4*nhid, false) (no bias),
# h2h = nn.Linear(nhid, 4*nhid, false) (no bias); Count: 4*nhid*nin + 4*nhid*nhid.
@_export
def h42d_rnnlib_lstm(nin=7, nhid=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.i2h = nn.Linear(nin, 4 * nhid, bias=False)
            self.h2h = nn.Linear(nhid, 4 * nhid, bias=False)

        def forward(self, x_t, prevh, prevc):
            ig, fg, cg, og = (self.i2h(x_t) + self.h2h(prevh)).chunk(4, -1)
            nextc = torch.sigmoid(fg) * prevc + torch.sigmoid(ig) * torch.tanh(cg)
            nexth = torch.sigmoid(og) * torch.tanh(nextc)
            return nexth, nextc
    return Cell()


# sdobber/FluxArchitectures.jl src/LSTnet.jl ReluGRUCell (in = x, out = h): Wi (3h,x), Wh (3h,h), one bias b (3h,)
# (state0 is the initial state, not used by the cell equations); Count: 3*h*x + 3*h*h + 3*h.
@_export
def h42d_fluxarch_relugru(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.Wi = _p(3 * h, x)
            self.Wh = _p(3 * h, h)
            self.b = _p(3 * h)

        def forward(self, h_prev, x_t):
            gx, gh = x_t @ self.Wi.T, h_prev @ self.Wh.T
            gate = lambda v, k: v[..., k * h:(k + 1) * h]
            r = torch.sigmoid(gate(gx, 0) + gate(gh, 0) + gate(self.b, 0))
            z = torch.sigmoid(gate(gx, 1) + gate(gh, 1) + gate(self.b, 1))
            ht = torch.relu(gate(gx, 2) + r * gate(gh, 2) + gate(self.b, 2))
            return (1 - z) * ht + z * h_prev
    return Cell()


# facebookarchive/torch-rnnlib rnnlib/cell.lua cell.GRU: [W_reset; W_update; W] = nn.Linear(nin, 3*nhid, false),
# [U_reset; U_update; U] = nn.Linear(nhid, 3*nhid, false), no biases; Count: 3*nhid*nin + 3*nhid*nhid.
@_export
def h42d_rnnlib_gru(nin=7, nhid=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.i2h = nn.Linear(nin, 3 * nhid, bias=False)
            self.h2h = nn.Linear(nhid, 3 * nhid, bias=False)

        def forward(self, x_t, prevh):
            xr, xu, xo = self.i2h(x_t).chunk(3, -1)
            hr, hu, ho = self.h2h(prevh).chunk(3, -1)
            rgate, ugate = torch.sigmoid(xr + hr), torch.sigmoid(xu + hu)
            output = torch.tanh(xo + rgate * ho)
            return output + ugate * (prevh - output)
    return Cell()


# dophist/kaldi-lstm LstmProjectedStreams::PropagateFnc: w_gifo_x_ (4*ncell, x), w_gifo_r_ (4*ncell, nrecur),
# bias_ (4*ncell,), peephole_i_c_, peephole_f_c_, peephole_o_c_ (ncell,) diagonal, w_r_m_ (nrecur, ncell);
# Count: 4*ncell*x + 4*ncell*nrecur + 4*ncell + 3*ncell + nrecur*ncell.
@_export
def h42d_kaldilstm_lstmp(x=7, ncell=5, nrecur=3):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.w_gifo_x = _p(4 * ncell, x)
            self.w_gifo_r = _p(4 * ncell, nrecur)
            self.bias = _p(4 * ncell)
            self.p_i, self.p_f, self.p_o = _p(ncell), _p(ncell), _p(ncell)
            self.w_r_m = _p(nrecur, ncell)

        def forward(self, x_t, r_prev, c_prev):
            gifo = x_t @ self.w_gifo_x.T + r_prev @ self.w_gifo_r.T + self.bias
            g, i, f, o = gifo.chunk(4, -1)
            i = torch.sigmoid(i + c_prev * self.p_i)
            f = torch.sigmoid(f + c_prev * self.p_f)
            c = (torch.tanh(g) * i + c_prev * f).clamp(-50, 50)
            h = torch.tanh(c)
            o = torch.sigmoid(o + c * self.p_o)
            m = h * o
            return m @ self.w_r_m.T, c
    return Cell()
