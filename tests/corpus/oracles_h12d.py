import torch
from torch import nn

__all__ = []


def _export(f):
    __all__.append(f.__name__)
    return f


def _p(*shape, dtype=torch.float32):
    return nn.Parameter(torch.randn(*shape, dtype=dtype) * 0.1)


# stored file 5226693626, sLSTMCell docstring: four gates W_* [x_t, h_{t-1}] + b_*,
# each W_* (h x (x+h)) and b_* (h); num_heads defaults to 1 (no head-specific weights written).
@_export
def h12d_xlstmlayers_slstm(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_i = nn.Linear(x + h, h)
            self.W_f = nn.Linear(x + h, h)
            self.W_o = nn.Linear(x + h, h)
            self.W_c = nn.Linear(x + h, h)

        def forward(self, xt, state):
            hp, cp, np_ = state
            xh = torch.cat([xt, hp], -1)
            i = torch.exp(self.W_i(xh))
            f = torch.exp(self.W_f(xh))
            o = torch.sigmoid(self.W_o(xh))
            ct = torch.tanh(self.W_c(xh))
            n = f * np_ + i
            c = f * cp + i * ct
            hn = o * (c / torch.clamp(n, min=1.0))
            return hn, (hn, c, n)

    return Cell()


# stored file 63045284198, IndRNN concept page, eq. (1): h_t = sigma(W_xh x_t + u ⊙ h_{t-1});
# W_xh (h x x), u (h); no bias in the IndRNN equation (the b_h belongs to the contrasting plain RNN).
@_export
def h12d_conceptwiki_indrnn(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_xh = _p(h, x)
            self.u = _p(h)

        def forward(self, xt, ht):
            return torch.sigmoid(xt @ self.W_xh.T + self.u * ht)

    return Cell()


# stored file 31150179458, Chinese blog, 4.1 peephole LSTM: W_x* (h x x) and W_h* (h x h) for i, f, c, o;
# W_ci, W_cf, W_co multiply c as matrices (the prose calls every W a weight matrix), so (h x h) each;
# one bias per gate.
@_export
def h12d_zhpeephole_lstm(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.Wx = nn.ParameterDict({g: _p(h, x) for g in "ifco"})
            self.Wh = nn.ParameterDict({g: _p(h, h) for g in "ifco"})
            self.Wc = nn.ParameterDict({g: _p(h, h) for g in "ifo"})
            self.b = nn.ParameterDict({g: _p(h) for g in "ifco"})

        def forward(self, xt, state):
            hp, cp = state
            pre = {g: xt @ self.Wx[g].T + hp @ self.Wh[g].T + self.b[g] for g in "ifco"}
            i = torch.sigmoid(pre["i"] + cp @ self.Wc["i"].T)
            f = torch.sigmoid(pre["f"] + cp @ self.Wc["f"].T)
            c = f * cp + i * torch.tanh(pre["c"])
            o = torch.sigmoid(pre["o"] + c @ self.Wc["o"].T)
            return o * torch.tanh(c), c

    return Cell()


# stored file 54882155599 (refuse): the docstring leaves every projection open. This oracle is
# what the same file's GatedDeltaNetLayer builds (without FLA): wq, wk, wv (d x d, no bias),
# w_beta (d -> n_heads, no bias), w_alpha (d -> n_heads, with bias), RMSNorm(d) weight, wo (d x d).
@_export
def h12d_suryagdn_gated_delta(n_heads=3, d_head=5):
    d = n_heads * d_head

    class Layer(nn.Module):
        def __init__(self):
            super().__init__()
            self.wq = nn.Linear(d, d, bias=False)
            self.wk = nn.Linear(d, d, bias=False)
            self.wv = nn.Linear(d, d, bias=False)
            self.w_beta = nn.Linear(d, n_heads, bias=False)
            self.w_alpha = nn.Linear(d, n_heads, bias=True)
            self.norm_weight = nn.Parameter(torch.ones(d))
            self.wo = nn.Linear(d, d, bias=False)

        def forward(self, xt, S):
            B = xt.shape[0]
            q = self.wq(xt).view(B, n_heads, d_head)
            k = nn.functional.normalize(self.wk(xt).view(B, n_heads, d_head), dim=-1)
            v = self.wv(xt).view(B, n_heads, d_head)
            beta = torch.sigmoid(self.w_beta(xt))[..., None, None]
            alpha = torch.sigmoid(self.w_alpha(xt))[..., None, None]
            Sk = (S @ k[..., None]).squeeze(-1)
            S = alpha * S + beta * ((v - Sk)[..., None] @ k[..., None, :])
            o = (S @ q[..., None]).reshape(B, d)
            o = o * torch.rsqrt(o.pow(2).mean(-1, keepdim=True) + 1e-6) * self.norm_weight
            return self.wo(o), S

    return Layer()



# Con-TI recurrent_nets.ipynb, ## GRUs: W_z, W_r, W (h x x); U_z, U_r, U (h x h); b_z, b_r, b (h).
# The last line's h_t on the right (for \tilde{h}_t) is a typo that does not change the weights.
@_export
def h12d_conti_gru(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_z, self.U_z, self.b_z = _p(h, x), _p(h, h), _p(h)
            self.W_r, self.U_r, self.b_r = _p(h, x), _p(h, h), _p(h)
            self.W, self.U, self.b = _p(h, x), _p(h, h), _p(h)

        def forward(self, xt, ht):
            z = torch.sigmoid(xt @ self.W_z.T + ht @ self.U_z.T + self.b_z)
            r = torch.sigmoid(xt @ self.W_r.T + ht @ self.U_r.T + self.b_r)
            hh = torch.tanh(xt @ self.W.T + (r * ht) @ self.U.T + self.b)
            return (1 - z) * ht + z * hh

    return Cell()


# Con-TI recurrent_nets.ipynb, ## Bi-RNNs: per direction W_xh (h x x), W_hh (h x h), one bias b (h).
@_export
def h12d_conti_birnn(x=7, h=5):
    class BiRNN(nn.Module):
        def __init__(self):
            super().__init__()
            self.Wf_xh, self.Wf_hh, self.bf = _p(h, x), _p(h, h), _p(h)
            self.Wb_xh, self.Wb_hh, self.bb = _p(h, x), _p(h, h), _p(h)

        def forward(self, xt, state):
            hf, hb = state  # one step of each direction
            hf = torch.tanh(xt @ self.Wf_xh.T + hf @ self.Wf_hh.T + self.bf)
            hb = torch.tanh(xt @ self.Wb_xh.T + hb @ self.Wb_hh.T + self.bb)
            return torch.cat([hf, hb], -1), (hf, hb)

    return BiRNN()


# ThotuB IPR notes, GRU cell: row vectors. W_xz, W_xr, W_xh (x x h); W_hz, W_hr, W_hh (h x h);
# b_z, b_r, b_h (h); output layer W_ho (h x o), b_o (o).
@_export
def h12d_thotub_gru(x=7, h=5, o=3):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_xz, self.W_hz, self.b_z = _p(x, h), _p(h, h), _p(h)
            self.W_xr, self.W_hr, self.b_r = _p(x, h), _p(h, h), _p(h)
            self.W_xh, self.W_hh, self.b_h = _p(x, h), _p(h, h), _p(h)
            self.W_ho, self.b_o = _p(h, o), _p(o)

        def forward(self, X, H):
            z = torch.sigmoid(X @ self.W_xz + H @ self.W_hz + self.b_z)
            r = torch.sigmoid(X @ self.W_xr + H @ self.W_hr + self.b_r)
            Ht = torch.tanh(X @ self.W_xh + (r * H) @ self.W_hh + self.b_h)
            H = (1 - z) * Ht + z * H
            return torch.tanh(H @ self.W_ho + self.b_o), H

    return Cell()


# johanwind rwkv_details, ### Time mixing (RWKV-4): vectors mix_k, mix_v, mix_r, decay, bonus (d);
# matrices Wk, Wv, Wr ("learned 1024 x 1024 matrices") and Wout (d x d); d = 1024 in the text.
@_export
def h12d_johanwind_rwkv_timemix(x=1024):
    d = x

    class TimeMix(nn.Module):
        def __init__(self):
            super().__init__()
            self.mix_k, self.mix_v, self.mix_r = _p(d), _p(d), _p(d)
            self.decay, self.bonus = _p(d), _p(d)
            self.Wk, self.Wv, self.Wr, self.Wout = _p(d, d), _p(d, d), _p(d, d), _p(d, d)

        def forward(self, xt, state):
            last_x, last_num, last_den = state
            k = (xt * self.mix_k + last_x * (1 - self.mix_k)) @ self.Wk.T
            v = (xt * self.mix_v + last_x * (1 - self.mix_v)) @ self.Wv.T
            r = (xt * self.mix_r + last_x * (1 - self.mix_r)) @ self.Wr.T
            wkv = (last_num + torch.exp(self.bonus + k) * v) / (last_den + torch.exp(self.bonus + k))
            rwkv = torch.sigmoid(r) * wkv
            w = torch.exp(-torch.exp(self.decay))
            num = w * last_num + torch.exp(k) * v
            den = w * last_den + torch.exp(k)
            return rwkv @ self.Wout.T, (xt, num, den)

    return TimeMix()
