"""Oracles for the h36e set-aside snippets (heldout36), as its gatherer wrote them."""
import torch
from torch import nn

__all__ = []


def _export(f):
    __all__.append(f.__name__)
    return f


def _p(*shape):
    return nn.Parameter(torch.randn(*shape) * 0.1)


# xurenchao/indrnn-pytorch indrnn.py IndRNNCell docstring; h' = tanh(w_ih * x + b_ih + w_hh (*) h):
# w_ih (h,x), w_hh vector (h), b_ih (h) (Attributes list only bias_ih); Count: x*h + 2h.
@_export
def h36e_xurenchao_indrnn(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.w_ih = _p(h, x)
            self.w_hh = _p(h)
            self.b_ih = _p(h)

        def forward(self, xt, hp):
            return torch.tanh(xt @ self.w_ih.T + self.b_ih + self.w_hh * hp)
    return Cell()


# Orchestra-Research/AI-Research-SKILLs RWKV architecture-details.md, RWKV_TimeMix: key, value, receptance,
# output Linear(d,d,bias=False); time_mix_k/v/r (1,1,d); time_decay w (d); time_first u (d); Count: 4d^2 + 5d.
@_export
def h36e_orchestra_rwkv_timemix(d_model=6):
    d = d_model

    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.key = nn.Linear(d, d, bias=False)
            self.value = nn.Linear(d, d, bias=False)
            self.receptance = nn.Linear(d, d, bias=False)
            self.output = nn.Linear(d, d, bias=False)
            self.time_mix_k = _p(1, 1, d)
            self.time_mix_v = _p(1, 1, d)
            self.time_mix_r = _p(1, 1, d)
            self.time_decay = _p(d)
            self.time_first = _p(d)

        def forward(self, x, x_prev, aa, ab):
            xk = x * self.time_mix_k + x_prev * (1 - self.time_mix_k)
            xv = x * self.time_mix_v + x_prev * (1 - self.time_mix_v)
            xr = x * self.time_mix_r + x_prev * (1 - self.time_mix_r)
            k, v, r = self.key(xk), self.value(xv), self.receptance(xr)
            w = -torch.exp(self.time_decay)
            e = torch.exp(self.time_first + k)
            wkv = (aa + e * v) / (ab + e)
            aa = torch.exp(w) * aa + torch.exp(k) * v
            ab = torch.exp(w) * ab + torch.exp(k)
            return self.output(torch.sigmoid(r) * wkv), aa, ab
    return Cell()


# Orchestra-Research/AI-Research-SKILLs mamba architecture-details.md S6 pseudo-code (refuse): read as Mamba S6 on
# x channels: A (x,N); Linear_B x->N, Linear_C x->N, Linear_Δ x->x, all nn.Linear with bias; Count: xN + 2(xN+N) + x^2 + x.
@_export
def h36e_orchestra_mamba_s6(x=7, N=4):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.A = _p(x, N)
            self.Linear_B = nn.Linear(x, N)
            self.Linear_C = nn.Linear(x, N)
            self.Linear_D = nn.Linear(x, x)

        def forward(self, xt, hp):  # hp: (batch, x, N)
            B, C = self.Linear_B(xt), self.Linear_C(xt)
            dt = nn.functional.softplus(self.Linear_D(xt))
            Abar = torch.exp(dt.unsqueeze(-1) * self.A)
            h = Abar * hp + dt.unsqueeze(-1) * B.unsqueeze(1) * xt.unsqueeze(-1)
            return (h * C.unsqueeze(1)).sum(-1), h
    return Cell()


# J-sandler/Liquid_Time_Constant_Networks README LTC step (refuse): F([I, x_t]) read as one Linear(I+x -> x) with
# bias then sigmoid; tao (x); A (x); Count: (I+x)x + x + 2x.
@_export
def h36e_jsandler_ltc(I=7, x=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.F = nn.Linear(I + x, x)
            self.tao = nn.Parameter(torch.rand(x) + 0.5)
            self.A = _p(x)

        def forward(self, It, xt, H=1e-2, ode_steps=6):
            for _ in range(ode_steps):
                y = torch.sigmoid(self.F(torch.cat([It, xt], -1)))
                xt = (xt + H * y * self.A) / (1 + H * (1 / self.tao + y))
            return xt
    return Cell()


# DJL javadoc RNN (dev.lutece.paris.fr): h_t = tanh(W_ih x_t + b_ih + W_hh h_(t-1) + b_hh); Count: xh + h^2 + 2h.
@_export
def h36e_djl_rnn(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_ih, self.b_ih = _p(h, x), _p(h)
            self.W_hh, self.b_hh = _p(h, h), _p(h)

        def forward(self, xt, hp):
            return torch.tanh(xt @ self.W_ih.T + self.b_ih + hp @ self.W_hh.T + self.b_hh)
    return Cell()


def _djl_gru(x, h):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_i = nn.ParameterDict({g: _p(h, x) for g in "rzn"})
            self.b_i = nn.ParameterDict({g: _p(h) for g in "rzn"})
            self.W_h = nn.ParameterDict({g: _p(h, h) for g in "rzn"})
            self.b_h = nn.ParameterDict({g: _p(h) for g in "rzn"})

        def forward(self, xt, hp):
            a = {g: xt @ self.W_i[g].T + self.b_i[g] for g in "rzn"}
            b = {g: hp @ self.W_h[g].T + self.b_h[g] for g in "rzn"}
            r = torch.sigmoid(a["r"] + b["r"])
            z = torch.sigmoid(a["z"] + b["z"])
            n = torch.tanh(a["n"] + r * b["n"])
            return (1 - z) * n + z * hp
    return Cell()


# DJL javadoc GRU (dev.lutece.paris.fr): W_ir,W_iz,W_in (h,x); W_hr,W_hz,W_hn (h,h); six biases (h); Count: 3(xh + h^2 + 2h).
@_export
def h36e_djl_gru(x=7, h=5):
    return _djl_gru(x, h)


# DJL 0.16.0 javadoc GRU (javadoc.io): same cuDNN GRU, six weights and six biases; Count: 3(xh + h^2 + 2h).
@_export
def h36e_javadocio_gru(x=7, h=5):
    return _djl_gru(x, h)


# DJL javadoc LSTM (dev.lutece.paris.fr): W_ii..W_io (h,x), W_hi,W_hf,W_hc(=candidate),W_ho (h,h), eight biases;
# Count: 4(xh + h^2 + 2h).
@_export
def h36e_djl_lstm(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_i = nn.ParameterDict({g: _p(h, x) for g in "ifgo"})
            self.b_i = nn.ParameterDict({g: _p(h) for g in "ifgo"})
            self.W_h = nn.ParameterDict({g: _p(h, h) for g in "ifgo"})
            self.b_h = nn.ParameterDict({g: _p(h) for g in "ifgo"})

        def forward(self, xt, hp, cp):
            p = {g: xt @ self.W_i[g].T + self.b_i[g] + hp @ self.W_h[g].T + self.b_h[g] for g in "ifgo"}
            i, f, o = torch.sigmoid(p["i"]), torch.sigmoid(p["f"]), torch.sigmoid(p["o"])
            c = f * cp + i * torch.tanh(p["g"])
            return o * torch.tanh(c), c
    return Cell()


# zxdclyz/minLSTM_pytorch minLSTM.py: to_hidden_and_gates Linear(input_size, 3*hidden, bias=False),
# hidden = input_size*expansion_factor; to_out Linear(hidden, input_size, bias=False) when expansion_factor != 1;
# Count: 3*d*H + (H*d if expansion_factor != 1 else 0).
@_export
def h36e_zxdclyz_minlstm(input_size=6, expansion_factor=2):
    H = int(input_size * expansion_factor)

    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.to_hidden_and_gates = nn.Linear(input_size, H * 3, bias=False)
            self.to_out = nn.Linear(H, input_size, bias=False) if expansion_factor != 1 else nn.Identity()

        def forward(self, xt, hp):
            f, i, hid = self.to_hidden_and_gates(xt).chunk(3, dim=-1)
            f, i = torch.sigmoid(f), torch.sigmoid(i)
            g = torch.where(hid >= 0, hid + 0.5, torch.sigmoid(hid))
            h = f / (f + i) * hp + i / (f + i) * g
            return self.to_out(h), h
    return Cell()


# rand0musername/urnn models/urnn_cell.py URNNCell: w_ih (2n, num_in); b_h (n); D1,D2,D3 phase vectors (n each);
# R1,R2 reflections with re, im vectors (n each); P fixed permutation (not trained); Count: 2n*num_in + n + 3n + 4n.
@_export
def h36e_urnn_cell(num_in=7, num_units=5):
    n = num_units

    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.w_ih = _p(2 * n, num_in)
            self.b_h = _p(n)
            self.D = nn.ParameterList([_p(n) for _ in range(3)])
            self.R_re = nn.ParameterList([_p(n) for _ in range(2)])
            self.R_im = nn.ParameterList([_p(n) for _ in range(2)])
            self.register_buffer("P", torch.randperm(n))

        def _refl(self, z, k):
            v = torch.complex(self.R_re[k], self.R_im[k])
            coef = 2 / (v.abs() ** 2).sum()
            return z - coef * (z @ v.conj().unsqueeze(1)) @ v.unsqueeze(0)

        def _diag(self, z, k):
            return torch.exp(1j * self.D[k]) * z

        def forward(self, xt, state):
            im = xt @ self.w_ih.T
            u = torch.complex(im[:, :n], im[:, n:])
            s = torch.complex(state[:, :n], state[:, n:])
            s = self._diag(s, 0)
            s = torch.fft.fft(s)
            s = self._refl(s, 0)
            s = s[:, self.P]
            s = self._diag(s, 1)
            s = torch.fft.ifft(s)
            s = self._refl(s, 1)
            s = self._diag(s, 2)
            pre = u + s
            norm = pre.abs()
            scale = torch.relu(norm + self.b_h) / (norm + 1e-6)
            new = pre * scale
            return torch.cat([new.real, new.imag], 1)
    return Cell()


# adrian-valente/lru_experiments model.py LRU: theta_log, nu_log, gamma_log (d_hidden); B_re, B_im (d_hidden,d_in);
# C_re, C_im (d_out,d_hidden); D (d_out,d_in); Count: 3dh + 2 dh din + 2 dout dh + dout din.
@_export
def h36e_lru_experiments_lru(d_in=7, d_hidden=5, d_out=3):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.theta_log, self.nu_log, self.gamma_log = _p(d_hidden), _p(d_hidden), _p(d_hidden)
            self.B_re, self.B_im = _p(d_hidden, d_in), _p(d_hidden, d_in)
            self.C_re, self.C_im = _p(d_out, d_hidden), _p(d_out, d_hidden)
            self.D = _p(d_out, d_in)

        def forward(self, u, h):
            lam = torch.exp(-torch.exp(self.nu_log) + 1j * torch.exp(self.theta_log))
            B = torch.diag(self.gamma_log).to(torch.cfloat) @ (self.B_re + 1j * self.B_im)
            C = self.C_re + 1j * self.C_im
            h = h * lam + u.to(torch.cfloat) @ B.T
            return torch.real(h @ C.T) + u @ self.D.T, h
    return Cell()
