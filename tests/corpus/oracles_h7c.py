"""Oracles for the h7c snippets: one function per snippet, returning a torch.nn.Module whose
parameters are exactly the weights the snippet's text names."""
import torch
from torch import nn

__all__ = [
    "bichetortue_gru_encoder",
    "bichetortue_lstm_vanilla_peephole",
]


class _Concat(nn.Module):
    """Gates computed from the concatenation [x, h] times one matrix plus one bias each."""

    def cat(self, x, h):
        return torch.cat([x, h], dim=-1)


class BicheTortueEncoderGRU(nn.Module):
    # z = sig([x,h] W_z + b_z); r = sig([x,h] W_r + b_r)
    # hh = tanh(x W_hx + (r*h) W_hh + b_h); h' = (1-z)*h + z*hh
    def __init__(self, x, h):
        super().__init__()
        self.W_z = nn.Parameter(torch.randn(x + h, h))
        self.b_z = nn.Parameter(torch.zeros(h))
        self.W_r = nn.Parameter(torch.randn(x + h, h))
        self.b_r = nn.Parameter(torch.zeros(h))
        self.W_hx = nn.Parameter(torch.randn(x, h))
        self.W_hh = nn.Parameter(torch.randn(h, h))
        self.b_h = nn.Parameter(torch.zeros(h))
        self.h = h

    def forward(self, xt, hp=None):
        if hp is None:
            hp = xt.new_zeros(xt.shape[:-1] + (self.h,))
        xh = torch.cat([xt, hp], -1)
        z = torch.sigmoid(xh @ self.W_z + self.b_z)
        r = torch.sigmoid(xh @ self.W_r + self.b_r)
        hh = torch.tanh(xt @ self.W_hx + (r * hp) @ self.W_hh + self.b_h)
        return (1 - z) * hp + z * hh


def bichetortue_gru_encoder(x=7, h=5):
    return BicheTortueEncoderGRU(x, h)


class BicheTortuePeepholeLSTM(nn.Module):
    # i,f,o = sig([x,h] W + b + c * p); c~ = tanh([x,h] W_c + b_c); c = f*c + i*c~; h = o*tanh(c)
    def __init__(self, x, h):
        super().__init__()
        self.h = h
        for g in "ifoc":
            setattr(self, f"W_{g}", nn.Parameter(torch.randn(x + h, h)))
            setattr(self, f"b_{g}", nn.Parameter(torch.zeros(h)))
        for g in "fio":
            setattr(self, f"p_{g}", nn.Parameter(torch.randn(h)))

    def forward(self, xt, state=None):
        if state is None:
            z = xt.new_zeros(xt.shape[:-1] + (self.h,))
            state = (z, z)
        hp, cp = state
        xh = torch.cat([xt, hp], -1)
        i = torch.sigmoid(xh @ self.W_i + self.b_i + cp * self.p_f)
        f = torch.sigmoid(xh @ self.W_f + self.b_f + cp * self.p_i)
        ct = torch.tanh(xh @ self.W_c + self.b_c)
        c = f * cp + i * ct
        o = torch.sigmoid(xh @ self.W_o + self.b_o + c * self.p_o)
        return o * torch.tanh(c), c


def bichetortue_lstm_vanilla_peephole(x=7, h=5):
    return BicheTortuePeepholeLSTM(x, h)


class Diagnet(nn.Module):
    # h_t = | u o h_{t-1} + V x_t |   (no hidden bias; u is the diagonal of the recurrent matrix)
    def __init__(self, x, h):
        super().__init__()
        self.V = nn.Parameter(torch.randn(h, x))
        self.u = nn.Parameter(torch.ones(h))
        self.h = h

    def forward(self, xt, hp=None):
        if hp is None:
            hp = xt.new_zeros(xt.shape[:-1] + (self.h,))
        return torch.abs(self.u * hp + xt @ self.V.T)


def evolvingstuff_diagnet(x=7, h=5):
    return Diagnet(x, h)


__all__.append("evolvingstuff_diagnet")


class DMNPlusGRU(nn.Module):
    # u = sig(W^u x + U^u h + b^u); r = sig(W^r x + U^r h + b^r)
    # h~ = tanh(W x + r o U h + b^h); h' = u o h~ + (1-u) o h
    def __init__(self, x, h):
        super().__init__()
        self.h = h
        self.W_u, self.U_u = nn.Linear(x, h, bias=False), nn.Linear(h, h, bias=False)
        self.W_r, self.U_r = nn.Linear(x, h, bias=False), nn.Linear(h, h, bias=False)
        self.W, self.U = nn.Linear(x, h, bias=False), nn.Linear(h, h, bias=False)
        self.b_u, self.b_r, self.b_h = (nn.Parameter(torch.zeros(h)) for _ in range(3))

    def forward(self, xt, hp=None):
        if hp is None:
            hp = xt.new_zeros(xt.shape[:-1] + (self.h,))
        u = torch.sigmoid(self.W_u(xt) + self.U_u(hp) + self.b_u)
        r = torch.sigmoid(self.W_r(xt) + self.U_r(hp) + self.b_r)
        ht = torch.tanh(self.W(xt) + r * self.U(hp) + self.b_h)
        return u * ht + (1 - u) * hp


def dmnplus_gru(x=7, h=5):
    return DMNPlusGRU(x, h)


__all__.append("dmnplus_gru")


class SturtzReportLSTM(nn.Module):
    # f = sig(W_f h + U_f X + b_f); i = sig(W_i h + U_i X + b_i); C~ = tanh(W_c h + U_c X + b_c)
    # C = f (x) C + i C~; o = sig(W_o h)  (as written: no input term, no bias); h = o (x) tanh(C)
    def __init__(self, x, h):
        super().__init__()
        self.h = h
        for g in "fic":
            setattr(self, f"W_{g}", nn.Linear(h, h, bias=False))
            setattr(self, f"U_{g}", nn.Linear(x, h, bias=False))
            setattr(self, f"b_{g}", nn.Parameter(torch.zeros(h)))
        self.W_o = nn.Linear(h, h, bias=False)

    def forward(self, xt, state=None):
        if state is None:
            z = xt.new_zeros(xt.shape[:-1] + (self.h,))
            state = (z, z)
        hp, cp = state
        f = torch.sigmoid(self.W_f(hp) + self.U_f(xt) + self.b_f)
        i = torch.sigmoid(self.W_i(hp) + self.U_i(xt) + self.b_i)
        cb = torch.tanh(self.W_c(hp) + self.U_c(xt) + self.b_c)
        c = f * cp + i * cb
        o = torch.sigmoid(self.W_o(hp))
        return o * torch.tanh(c), c


def sturtz_report_lstm(x=7, h=5):
    return SturtzReportLSTM(x, h)


__all__.append("sturtz_report_lstm")


class CooijmansLSTM(nn.Module):
    # [f~;i~;o~;g~] = W_h h_{t-1} + W_x x_t + b ; c = sig(f~) c + sig(i~) tanh(g~); h = sig(o~) tanh(c)
    # W_h in R^{d_h x 4d_h}, W_x in R^{d_x x 4d_h}, b in R^{4d_h}; h_0, c_0 are model parameters.
    def __init__(self, x, h, learned_init=True, bn=False):
        super().__init__()
        self.h = h
        self.W_h = nn.Parameter(torch.randn(h, 4 * h) * 0.1)
        self.W_x = nn.Parameter(torch.randn(x, 4 * h) * 0.1)
        self.b = nn.Parameter(torch.zeros(4 * h))
        self.learned_init = learned_init
        if learned_init:
            self.h0 = nn.Parameter(torch.zeros(h))
            self.c0 = nn.Parameter(torch.zeros(h))
        self.bn = bn
        if bn:
            # BN(W_h h; gamma_h, beta_h) + BN(W_x x; gamma_x, beta_x) + b, beta_h = beta_x = 0 (not parameters)
            self.gamma_h = nn.Parameter(torch.full((4 * h,), 0.1))
            self.gamma_x = nn.Parameter(torch.full((4 * h,), 0.1))
            # tanh(BN(c_t; gamma_c, beta_c))
            self.gamma_c = nn.Parameter(torch.full((h,), 0.1))
            self.beta_c = nn.Parameter(torch.zeros(h))

    @staticmethod
    def _bn(v, gamma, beta=None, eps=1e-5):
        mu = v.mean(0, keepdim=True)
        var = v.var(0, unbiased=False, keepdim=True)
        out = gamma * (v - mu) / torch.sqrt(var + eps)
        return out if beta is None else out + beta

    def forward(self, xt, state=None):
        if state is None:
            if self.learned_init:
                hp = self.h0.expand(xt.shape[0], -1)
                cp = self.c0.expand(xt.shape[0], -1)
            else:
                hp = cp = xt.new_zeros(xt.shape[0], self.h)
        else:
            hp, cp = state
        rh, rx = hp @ self.W_h, xt @ self.W_x
        if self.bn:
            rh, rx = self._bn(rh, self.gamma_h), self._bn(rx, self.gamma_x)
        f, i, o, g = (rh + rx + self.b).chunk(4, -1)
        c = torch.sigmoid(f) * cp + torch.sigmoid(i) * torch.tanh(g)
        cc = self._bn(c, self.gamma_c, self.beta_c) if self.bn else c
        return torch.sigmoid(o) * torch.tanh(cc), c


def cooijmans_lstm(x=7, h=5):
    return CooijmansLSTM(x, h, learned_init=True, bn=False)


def cooijmans_bn_lstm(x=7, h=5):
    return CooijmansLSTM(x, h, learned_init=False, bn=True)


__all__ += ["cooijmans_lstm", "cooijmans_bn_lstm"]


class LNMambaBlockGuess(nn.Module):
    """One reading of the LNMamba selective-SSM block (the text leaves d_inner, the conv width, the
    biases and the width of Delta open; this is a guess for a refused snippet, not a count)."""

    def __init__(self, d, d_state, expand=2, d_conv=4):
        super().__init__()
        di = expand * d
        self.di, self.n = di, d_state
        self.in_proj = nn.Linear(d, 2 * di)
        self.conv = nn.Conv1d(di, di, d_conv, groups=di, padding=d_conv - 1)
        self.x_proj = nn.Linear(di, 1 + 2 * d_state)
        self.A = nn.Parameter(-torch.rand(di, d_state))
        self.D = nn.Parameter(torch.ones(di))
        self.out_proj = nn.Linear(di, d)
        self.norm_w = nn.Parameter(torch.ones(d))

    def forward(self, x):  # x: (B, d), one step from a zero state
        xs, z = self.in_proj(x).chunk(2, -1)
        u = nn.functional.silu(self.conv(xs.unsqueeze(-1))[..., :1].squeeze(-1))
        dbc = self.x_proj(u)
        delta = nn.functional.softplus(dbc[:, :1])
        Bm, Cm = dbc[:, 1:1 + self.n], dbc[:, 1 + self.n:]
        h = (delta.unsqueeze(-1) * Bm.unsqueeze(1)) * u.unsqueeze(-1)
        y = (h * Cm.unsqueeze(1)).sum(-1) + self.D * u
        o = self.out_proj(y * nn.functional.silu(z)) + x
        return o * torch.rsqrt(o.pow(2).mean(-1, keepdim=True) + 1e-6) * self.norm_w


def lnmamba_block_guess(d=7, d_state=3):
    return LNMambaBlockGuess(d, d_state)


__all__.append("lnmamba_block_guess")


class BicheTortueFGRLSTM(BicheTortuePeepholeLSTM):
    # Full Gate Recurrence: each gate also gets i_{t-1} W_{gi} + f_{t-1} W_{gf} + o_{t-1} W_{go} (9 h x h matrices)
    def __init__(self, x, h):
        super().__init__(x, h)
        for g in "ifo":
            for k in "ifo":
                setattr(self, f"W_{g}{k}", nn.Parameter(torch.randn(h, h) * 0.1))

    def forward(self, xt, state=None):
        if state is None:
            z = xt.new_zeros(xt.shape[:-1] + (self.h,))
            state = (z, z, z, z, z)
        hp, cp, ip, fp, op = state
        xh = torch.cat([xt, hp], -1)

        def rec(g):
            return ip @ getattr(self, f"W_{g}i") + fp @ getattr(self, f"W_{g}f") + op @ getattr(self, f"W_{g}o")

        i = torch.sigmoid(xh @ self.W_i + rec("i") + self.b_i + cp * self.p_i)
        f = torch.sigmoid(xh @ self.W_f + rec("f") + self.b_f + cp * self.p_f)
        o = torch.sigmoid(xh @ self.W_o + rec("o") + self.b_o + cp * self.p_o)
        c = f * cp + i * torch.tanh(xh @ self.W_c + self.b_c)
        return o * torch.tanh(c), c, i, f, o


def bichetortue_lstm_fgr(x=7, h=5):
    return BicheTortueFGRLSTM(x, h)


__all__.append("bichetortue_lstm_fgr")
