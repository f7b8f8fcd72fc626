"""Oracles for the h44e set-aside snippets (heldout44), as its gatherer wrote them."""
import torch
from torch import nn

__all__ = []


def _export(f):
    __all__.append(f.__name__)
    return f


def _p(*shape):
    return nn.Parameter(torch.randn(*shape) * 0.1)


# anjaustin/yinsen include/cfc.h (CfC-inspired gated cell); W_gate (h, x+h), b_gate (h), W_cand (h, x+h),
# b_cand (h), tau per neuron (h) [the struct allows [1] when tau_shared, hence refuse]; dt is an input.
# Count: 2*(h*(x+h) + h) + h.
@_export
def h44e_yinsen_cfc(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_gate = _p(h, x + h)
            self.b_gate = _p(h)
            self.W_cand = _p(h, x + h)
            self.b_cand = _p(h)
            self.tau = nn.Parameter(torch.rand(h) + 0.5)

        def forward(self, xt, hp, dt=0.1):
            c = torch.cat([xt, hp], -1)
            gate = torch.sigmoid(c @ self.W_gate.T + self.b_gate)
            cand = torch.tanh(c @ self.W_cand.T + self.b_cand)
            decay = torch.exp(-dt / self.tau)
            return (1 - gate) * hp * decay + gate * cand
    return Cell()


# russellShyvers/ItalAI blog, general continuous-time SSM; A (n, n), B (n, m), C (p, n), D (p, m), all shapes
# given in the legend; D is written in the observation equation (the "often overlook" remark is not taken as removal).
# Count: n*n + n*m + p*n + p*m.
@_export
def h44e_italai_ssm(n=4, m=3, p=2):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.A = _p(n, n)
            self.B = _p(n, m)
            self.C = _p(p, n)
            self.D = _p(p, m)

        def forward(self, x, h, dt=0.01):
            h = h + dt * (h @ self.A.T + x @ self.B.T)  # Euler step of dh/dt = Ah + Bx
            return h @ self.C.T + x @ self.D.T, h
    return Cell()


# iq-ai-lab/rnn-lstm-deep-dive ch7/03 (Korean course notes), RWKV time-mixing as written: W_r, W_k, W_v (x, x) on the
# mixed x_t, separate U_r, U_k, U_v (x, x) on x_{t-1}; mu_r, mu_k, mu_v read as per-channel vectors (x); decay w (x),
# bonus u (x); channel-mixing "standard FFN with Gating" left unspecified (not counted) -> refuse.
# Count: 6*x*x + 5*x.
@_export
def h44e_iqai_rwkv(x=5):
    d = x

    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_r, self.W_k, self.W_v = _p(d, d), _p(d, d), _p(d, d)
            self.U_r, self.U_k, self.U_v = _p(d, d), _p(d, d), _p(d, d)
            self.mu_r, self.mu_k, self.mu_v = _p(d), _p(d), _p(d)
            self.w = _p(d)
            self.u = _p(d)

        def forward(self, xt, x_prev, num, den):
            r = torch.sigmoid((self.mu_r * xt) @ self.W_r.T + x_prev @ self.U_r.T)
            k = (self.mu_k * xt) @ self.W_k.T + x_prev @ self.U_k.T
            v = (self.mu_v * xt) @ self.W_v.T + x_prev @ self.U_v.T
            wkv = (num + torch.exp(self.u + k) * v) / (den + torch.exp(self.u + k))
            num = torch.exp(-self.w) * num + torch.exp(k) * v
            den = torch.exp(-self.w) * den + torch.exp(k)
            return r * wkv, (num, den)
    return Cell()


# Jellyfish042/GatedDeltaNet-2 README, Gated Delta Rule-2: the state update S_t = (I - k (b*k)^T) D_t S_{t-1} + k (w*v)^T
# holds no parameter itself; no projection is written (refuse). Most plausible reading: bias-free linear maps from the
# token input x to k_t (d_k), v_t (d_v), erase gate b_t (d_k, sigmoid), write gate w_t (d_v, sigmoid) and decay
# alpha_t (d_k, sigmoid); no query/output projection since none is mentioned. Count: x*(3*d_k + 2*d_v).
@_export
def h44e_gdn2_rule(d_k=4, d_v=3, x=6):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_k = _p(d_k, x)
            self.W_v = _p(d_v, x)
            self.W_b = _p(d_k, x)
            self.W_w = _p(d_v, x)
            self.W_a = _p(d_k, x)

        def forward(self, xt, S):  # S: (batch, d_k, d_v)
            k = torch.nn.functional.normalize(xt @ self.W_k.T, dim=-1)
            v = xt @ self.W_v.T
            b = torch.sigmoid(xt @ self.W_b.T)
            w = torch.sigmoid(xt @ self.W_w.T)
            a = torch.sigmoid(xt @ self.W_a.T)
            DS = a.unsqueeze(-1) * S
            erase = k.unsqueeze(-1) * ((b * k).unsqueeze(-2) @ DS)
            return DS - erase + k.unsqueeze(-1) * (w * v).unsqueeze(-2)
    return Cell()


# abeleinin/mlx-xLSTM mlx_xlstm/sLSTM.py, sLSTMCell (code only): w_i, w_f, w_o, w_z (hidden, input); r_i, r_f, r_o, r_z
# (hidden, hidden); b_i, b_f, b_o, b_z (hidden). Count: 4*(hidden*input + hidden*hidden + hidden).
@_export
def h44e_mlx_slstm(input_size=7, hidden_size=5):
    H, X = hidden_size, input_size

    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.w = nn.ParameterDict({g: _p(H, X) for g in 'ifoz'})
            self.r = nn.ParameterDict({g: _p(H, H) for g in 'ifoz'})
            self.b = nn.ParameterDict({g: _p(H) for g in 'ifoz'})

        def forward(self, x, h, c, n, m):
            t = {g: x @ self.w[g].T + h @ self.r[g].T + self.b[g] for g in 'ifoz'}
            i_t = torch.exp(t['i'])
            f_t = torch.sigmoid(t['f'])
            m_t = torch.maximum((torch.log(f_t) + m).max(), torch.log(i_t).max())
            i_p = torch.exp(torch.log(i_t) - m_t)
            f_p = torch.exp(torch.log(f_t) + m - m_t)
            c = f_p * c + i_p * torch.tanh(t['z'])
            n = f_p * n + i_p
            h = torch.sigmoid(t['o']) * (c / n)
            return h, (h, c, n, m_t)
    return Cell()


# jinho-choi123/gated-deltanet-impl README, Gated DeltaNet recurrent kernel: q, k, v (D per head), log-decay g and
# beta are all inputs of the kernel (shapes in the API listing); the recurrence holds no learned parameter.
# Count: 0.
@_export
def h44e_gdn_kernel(D=4, H=2):
    class Cell(nn.Module):
        def forward(self, q, k, v, g, beta, S):  # q,k,v: (H, D); g, beta: (H,); S: (H, D, D)
            S = torch.exp(g)[:, None, None] * S
            v_new = beta[:, None] * (v - torch.einsum('hk,hkv->hv', k, S))
            S = S + k[:, :, None] * v_new[:, None, :]
            o = torch.einsum('hk,hkv->hv', q * D ** -0.5, S)
            return o, S
    return Cell()


# Tommiee17/time_series_alarm_forecasting notebook, LSTM with peepholes: W_i, W_f, W_o, W_c (p, p) on h_{t-1};
# U_i, U_f, U_o, U_c (p, d) on x_t; b_i, b_f, b_o, b_c (p); diagonal peepholes p_i, p_f, p_o (p) (o_t peeks at c_t).
# Count: 4*(p*p + p*d + p) + 3*p.
@_export
def h44e_tommi_peephole(d=7, p=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W = nn.ParameterDict({g: _p(p, p) for g in 'ifoc'})
            self.U = nn.ParameterDict({g: _p(p, d) for g in 'ifoc'})
            self.b = nn.ParameterDict({g: _p(p) for g in 'ifoc'})
            self.peep = nn.ParameterDict({g: _p(p) for g in 'ifo'})

        def forward(self, x, h, c):
            lin = lambda g: h @ self.W[g].T + x @ self.U[g].T + self.b[g]
            i = torch.sigmoid(lin('i') + self.peep['i'] * c)
            f = torch.sigmoid(lin('f') + self.peep['f'] * c)
            c_new = f * c + i * torch.tanh(lin('c'))
            o = torch.sigmoid(lin('o') + self.peep['o'] * c_new)
            return o * torch.tanh(c_new), c_new
    return Cell()


# Kushagra-o7/ssmphony README (Annotated S4 reimplementation), continuous SSM x' = Ax + Bu, y = Cx + Du with no sizes
# given (refuse). Most plausible reading (S4, single input/output channel): A (x, x), B (x, u), C (y, x), D (y, u);
# step size of the bilinear discretization not counted (only named). Count: x*x + x*u + y*x + y*u.
@_export
def h44e_ssmphony_ssm(x=4, u=1, y=1):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.A = _p(x, x)
            self.B = _p(x, u)
            self.C = _p(y, x)
            self.D = _p(y, u)

        def forward(self, ut, xt, step=0.1):
            I = torch.eye(x)
            BL = torch.linalg.inv(I - (step / 2.0) * self.A)
            Ab = BL @ (I + (step / 2.0) * self.A)
            Bb = (BL * step) @ self.B
            xt = xt @ Ab.T + ut @ Bb.T
            return xt @ self.C.T + ut @ self.D.T, xt
    return Cell()


# iq-ai-lab/rnn-lstm-deep-dive ch7/04 experiment 4, SelectiveSSMCell(D, N): delta_proj Linear(D,1), B_proj Linear(D,N),
# C_proj Linear(D,N) (with biases), A (N), in_proj Linear(D,D), out_proj Linear(D,D).
# Count: (D+1) + 2*(D*N+N) + N + 2*(D*D+D).
@_export
def h44e_iqai_selssm(D=7, N=4):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.delta_proj = nn.Linear(D, 1)
            self.B_proj = nn.Linear(D, N)
            self.C_proj = nn.Linear(D, N)
            self.A = nn.Parameter(-torch.exp(torch.randn(N)))
            self.in_proj = nn.Linear(D, D)
            self.out_proj = nn.Linear(D, D)

        def forward(self, xt, h):  # xt: (B, D); h: (B, D, N)
            xt = self.in_proj(xt)
            delta = torch.nn.functional.softplus(self.delta_proj(xt))
            A_t = torch.exp(delta * self.A.unsqueeze(0))
            h = A_t.unsqueeze(1) * h + self.B_proj(xt).unsqueeze(1) * xt.unsqueeze(-1)
            y = (self.C_proj(xt).unsqueeze(1) * h).sum(-1)
            return self.out_proj(y), h
    return Cell()


# tk-rusch/LEM src/adding/network.py (code only): inp2hid Linear(ninp, 4*nhid), hid2hid Linear(nhid, 3*nhid),
# transform_z Linear(nhid, nhid), all biased; dt constant; classifier Linear(nhid, nout).
# Count: (ninp*4*nhid + 4*nhid) + (nhid*3*nhid + 3*nhid) + (nhid*nhid + nhid) + (nhid*nout + nout).
@_export
def h44e_lem_adding(ninp=7, nhid=5, nout=3):
    class Cell(nn.Module):
        def __init__(self, dt=1.0):
            super().__init__()
            self.dt = dt
            self.inp2hid = nn.Linear(ninp, 4 * nhid)
            self.hid2hid = nn.Linear(nhid, 3 * nhid)
            self.transform_z = nn.Linear(nhid, nhid)
            self.classifier = nn.Linear(nhid, nout)

        def forward(self, x, y, z):
            i_dt1, i_dt2, i_z, i_y = self.inp2hid(x).chunk(4, 1)
            h_dt1, h_dt2, h_y = self.hid2hid(y).chunk(3, 1)
            ms_dt_bar = self.dt * torch.sigmoid(i_dt1 + h_dt1)
            ms_dt = self.dt * torch.sigmoid(i_dt2 + h_dt2)
            z = (1. - ms_dt) * z + ms_dt * torch.tanh(i_y + h_y)
            y = (1. - ms_dt_bar) * y + ms_dt_bar * torch.tanh(self.transform_z(z) + i_z)
            return self.classifier(y), (y, z)
    return Cell()


# Tommiee17/time_series_alarm_forecasting notebook, standard RNN with output: W (p, p), U (p, d), V (q, p), b_i (p),
# b_y (q), all shapes stated. Count: p*p + p*d + q*p + p + q.
@_export
def h44e_tommi_rnn(d=7, p=5, q=3):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W = _p(p, p)
            self.U = _p(p, d)
            self.V = _p(q, p)
            self.b_i = _p(p)
            self.b_y = _p(q)

        def forward(self, x, h):
            h = torch.tanh(h @ self.W.T + x @ self.U.T + self.b_i)
            return h @ self.V.T + self.b_y, h
    return Cell()
