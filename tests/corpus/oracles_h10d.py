import torch
from torch import nn

__all__ = []


def _export(f):
    __all__.append(f.__name__)
    return f


def _p(*shape):
    return nn.Parameter(torch.randn(*shape) * 0.1)


# stored file 3119292747: sloika LstmCIFG docstring. v = [input, output_old] (x+h),
# W0, W2, W3 : (x+h) x h, b0, b2, b3 : h, peepholes p1, p2 : h (elementwise).
@_export
def sloika_lstm_cifg(input=7, output=5):
    x, h = input, output

    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W0, self.W2, self.W3 = _p(x + h, h), _p(x + h, h), _p(x + h, h)
            self.b0, self.b2, self.b3 = _p(h), _p(h), _p(h)
            self.p1, self.p2 = _p(h), _p(h)

        def forward(self, xt, state):
            out_old, c_old = state
            v = torch.cat([xt, out_old], -1)
            pf = torch.sigmoid(v @ self.W2 + self.b2 + c_old * self.p1)
            pu = 1 - pf
            upd = torch.tanh(v @ self.W0 + self.b0)
            c = c_old * pf + upd * pu
            po = torch.sigmoid(v @ self.W3 + self.b3 + c * self.p2)
            return torch.tanh(c) * po, c
    return Cell()


# stored file 54513241599: cann LSTM doc section 2, one bias per gate, W_* : H x x,
# U_* : H x P (h_{t-1} is the projected state), W_hr : P x H.
@_export
def cann_lstmp(x=7, hiddenSize=5, projSize=3):
    H, P = hiddenSize, projSize

    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W = nn.ParameterDict({g: _p(H, x) for g in "ifgo"})
            self.U = nn.ParameterDict({g: _p(H, P) for g in "ifgo"})
            self.b = nn.ParameterDict({g: _p(H) for g in "ifgo"})
            self.W_hr = _p(P, H)

        def forward(self, xt, state):
            hp, cp = state
            a = {g: xt @ self.W[g].t() + hp @ self.U[g].t() + self.b[g] for g in "ifgo"}
            c = torch.sigmoid(a["f"]) * cp + torch.sigmoid(a["i"]) * torch.tanh(a["g"])
            h1 = torch.sigmoid(a["o"]) * torch.tanh(c)
            return h1 @ self.W_hr.t(), c
    return Cell()


# stored file 764350285: sockeye SSRU docstring. W1 : model_size x x with bias b,
# W2 : model_size x x without bias (no bias written).
@_export
def sockeye_ssru(x=7, model_size=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W1 = nn.Linear(x, model_size)
            self.W2 = nn.Linear(x, model_size, bias=False)

        def forward(self, xt, c_prev):
            f = torch.sigmoid(self.W1(xt))
            c = f * c_prev + (1 - f) * self.W2(xt)
            return torch.relu(c), c
    return Cell()


# stored file 61657621823: RWKV Notes steps 1-4 (time mixing only). mix_k, mix_v, mix_r,
# bonus, decay : d each; W_k, W_v, W_r, W_out : d x d.
@_export
def rust_notes_rwkv4_timemix(x=5):
    d = x

    class TimeMix(nn.Module):
        def __init__(self):
            super().__init__()
            self.mix_k, self.mix_v, self.mix_r = _p(d), _p(d), _p(d)
            self.W_k, self.W_v, self.W_r, self.W_out = _p(d, d), _p(d, d), _p(d, d), _p(d, d)
            self.bonus, self.decay = _p(d), _p(d)

        def forward(self, xt, state):
            x_prev, num, den = state
            xk = xt * self.mix_k + x_prev * (1 - self.mix_k)
            xv = xt * self.mix_v + x_prev * (1 - self.mix_v)
            xr = xt * self.mix_r + x_prev * (1 - self.mix_r)
            k, v, r = xk @ self.W_k.t(), xv @ self.W_v.t(), xr @ self.W_r.t()
            e = torch.exp(self.bonus + k)
            wkv = (num + e * v) / (den + e)
            w = torch.exp(-torch.exp(self.decay))
            num, den = w * num + torch.exp(k) * v, w * den + torch.exp(k)
            return (torch.sigmoid(r) * wkv) @ self.W_out.t(), (xt, num, den)
    return TimeMix()



# stored file 56201252750: PeepholeLSTM numpy class. W (x+h) x 4h, b 4h, W_cf/W_ci/W_co (h).
@_export
def rnnguide_peephole_lstm(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W = _p(x + h, 4 * h)
            self.b = _p(1, 4 * h)
            self.W_cf, self.W_ci, self.W_co = _p(h), _p(h), _p(h)

        def forward(self, xt, state):
            hp, cp = state
            g = torch.cat([hp, xt], -1) @ self.W + self.b
            f = torch.sigmoid(g[:, :h] + self.W_cf * cp)
            i = torch.sigmoid(g[:, h:2 * h] + self.W_ci * cp)
            c = f * cp + i * torch.tanh(g[:, 2 * h:3 * h])
            o = torch.sigmoid(g[:, 3 * h:] + self.W_co * c)
            return o * torch.tanh(c), c
    return Cell()



# stored file 15049880305: PLSTM-TAL PeepholeLSTMCell (refuse: docstring one bias per gate vs
# __init__ bias_ih + bias_hh). Best reading = the __init__: weight_ih 4h x x, weight_hh 4h x h,
# weight_cf/ci/co h, bias_ih 4h, bias_hh 4h.
@_export
def plstm_tal_peephole_cell(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.weight_ih, self.weight_hh = _p(4 * h, x), _p(4 * h, h)
            self.weight_cf, self.weight_ci, self.weight_co = _p(h), _p(h), _p(h)
            self.bias_ih, self.bias_hh = _p(4 * h), _p(4 * h)

        def forward(self, xt, state):
            hp, cp = state
            gi = xt @ self.weight_ih.t() + self.bias_ih
            gh = hp @ self.weight_hh.t() + self.bias_hh
            i_i, i_f, i_g, i_o = gi.chunk(4, 1)
            h_i, h_f, h_g, h_o = gh.chunk(4, 1)
            f = torch.sigmoid(i_f + h_f + self.weight_cf * cp)
            i = torch.sigmoid(i_i + h_i + self.weight_ci * cp)
            c = f * cp + i * torch.tanh(i_g + h_g)
            o = torch.sigmoid(i_o + h_o + self.weight_co * c)
            return o * torch.tanh(c), c
    return Cell()
