"""Oracles for the h38b set-aside snippets (heldout38), as its gatherer wrote them."""
import torch
from torch import nn

__all__ = []


def _export(f):
    __all__.append(f.__name__)
    return f


def _p(*shape):
    return nn.Parameter(torch.randn(*shape) * 0.1)


# ecs-vlc/COMP6248 lecture-source/13-rnns/rnns.tex, Elman network; W_ih (h x x), b_ih (h), W_hh (h x h), b_hh (h),
# W_y (y x h), b_y (y); sigma_h = tanh, sigma_y = identity; Count: h*x + h + h*h + h + y*h + y.
@_export
def h38b_comp6248_elman(x=7, h=5, y=3):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_ih = _p(h, x)
            self.b_ih = _p(h)
            self.W_hh = _p(h, h)
            self.b_hh = _p(h)
            self.W_y = _p(y, h)
            self.b_y = _p(y)

        def forward(self, xt, hp):
            ht = torch.tanh(xt @ self.W_ih.T + self.b_ih + hp @ self.W_hh.T + self.b_hh)
            return ht @ self.W_y.T + self.b_y, ht
    return Cell()


# ecs-vlc/COMP6248 lecture-source/14-lstm/lstm.tex, GRU; W_z, W_r, W_n each (h x (x+h)) on the pair (x(t), .),
# b_z, b_r, b_h each (h); Count: 3*(h*(x+h) + h).
@_export
def h38b_comp6248_gru(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_z = _p(h, x + h)
            self.W_r = _p(h, x + h)
            self.W_n = _p(h, x + h)
            self.b_z = _p(h)
            self.b_r = _p(h)
            self.b_h = _p(h)

        def forward(self, xt, hp):
            xh = torch.cat([xt, hp], -1)
            z = torch.sigmoid(xh @ self.W_z.T + self.b_z)
            r = torch.sigmoid(xh @ self.W_r.T + self.b_r)
            n = torch.tanh(torch.cat([xt, r * hp], -1) @ self.W_n.T + self.b_h)
            return (1 - z) * hp + z * n
    return Cell()


# yaqiz01/dissertation lstm/text/background.tex, LSTM cell; per gate g in {i,j,f,o}: W_{h_g} (H x H), W_{x_g} (H x D),
# b_g (H) (the equations write b_i, b_j, b_f, b_o; the table's "b ... at gate i,j,f,o" is the same per-gate bias);
# y_t = h_t, no output layer; Count: 4*(H*H + H*D + H).
@_export
def h38b_yaqiz_lstm(D=7, H=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_h = nn.ParameterDict({g: _p(H, H) for g in "ijfo"})
            self.W_x = nn.ParameterDict({g: _p(H, D) for g in "ijfo"})
            self.b = nn.ParameterDict({g: _p(H) for g in "ijfo"})

        def forward(self, xt, state):
            hp, cp = state
            pre = {g: hp @ self.W_h[g].T + xt @ self.W_x[g].T + self.b[g] for g in "ijfo"}
            i, f, o = (torch.sigmoid(pre[g]) for g in "ifo")
            j = torch.tanh(pre["j"])
            c = f * cp + i * j
            return o * torch.tanh(c), c
    return Cell()


# robin1001/master_thesis body/chapter3.tex, LSTMP (LSTM with projection); cell (memory-block) size c, projection h:
# per gate g in {i,f,o,c}: W_gx (c x x), W_gh (c x h) on the projected h_{t-1}, b_g (c); W_m (h x c), no bias;
# Count: 4*(c*x + c*h + c) + h*c.
@_export
def h38b_robin_lstmp(x=7, c=5, h=3):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_x = nn.ParameterDict({g: _p(c, x) for g in "ifoc"})
            self.W_h = nn.ParameterDict({g: _p(c, h) for g in "ifoc"})
            self.b = nn.ParameterDict({g: _p(c) for g in "ifoc"})
            self.W_m = _p(h, c)

        def forward(self, xt, state):
            hp, cp = state
            pre = {g: xt @ self.W_x[g].T + hp @ self.W_h[g].T + self.b[g] for g in "ifoc"}
            i, f, o = (torch.sigmoid(pre[g]) for g in "ifo")
            ct = f * cp + i * torch.tanh(pre["c"])
            m = o * torch.tanh(ct)
            return m @ self.W_m.T, ct
    return Cell()


# Oorobot/MasterThesis data/chap03.tex, ConvLSTM (the module the section is about; the plain LSTM above it is
# background). Reading of Shi et al. 2015: x input channels, h hidden channels, k x k kernels, grid x grid spatial map;
# per gate g in {i,f,c,o}: W_xg conv (h, x, k, k), W_hg conv (h, h, k, k), b_g (h); Hadamard peepholes W_ci, W_cf,
# W_co of shape (h, grid, grid). Kernel, channels and grid are never given in the text (hence refuse).
# Count: 4*(h*x*k*k + h*h*k*k + h) + 3*h*grid*grid.
@_export
def h38b_oorobot_convlstm(x=7, h=5, k=3, grid=4):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_x = nn.ModuleDict({g: nn.Conv2d(x, h, k, padding=k // 2, bias=False) for g in "ifco"})
            self.W_h = nn.ModuleDict({g: nn.Conv2d(h, h, k, padding=k // 2, bias=False) for g in "ifco"})
            self.b = nn.ParameterDict({g: _p(h, 1, 1) for g in "ifco"})
            self.W_c = nn.ParameterDict({g: _p(h, grid, grid) for g in "ifo"})

        def forward(self, X, state):
            H, C = state
            pre = {g: self.W_x[g](X) + self.W_h[g](H) + self.b[g] for g in "ifco"}
            i = torch.sigmoid(pre["i"] + self.W_c["i"] * C)
            f = torch.sigmoid(pre["f"] + self.W_c["f"] * C)
            Cn = f * C + i * torch.tanh(pre["c"])
            o = torch.sigmoid(pre["o"] + self.W_c["o"] * Cn)
            return o * torch.tanh(Cn), Cn
    return Cell()


# Theano/Theano doc/nextml2015/presentation.tex, "LSTM math" frame; per gate g in {i,f,c,o}: W_g (h x x), U_g (h x h),
# bias (h) (the output gate's bias is typed b_1; it is the listed b_o); V_o (h x h), a full weight matrix on C_t in
# the output gate (listed among the weight matrices); Count: 4*(h*x + h*h + h) + h*h.
@_export
def h38b_theano_lstm(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W = nn.ParameterDict({g: _p(h, x) for g in "ifco"})
            self.U = nn.ParameterDict({g: _p(h, h) for g in "ifco"})
            self.b = nn.ParameterDict({g: _p(h) for g in "ifco"})
            self.V_o = _p(h, h)

        def forward(self, xt, state):
            hp, Cp = state
            pre = {g: xt @ self.W[g].T + hp @ self.U[g].T + self.b[g] for g in "ifco"}
            i = torch.sigmoid(pre["i"])
            Ct_ = torch.tanh(pre["c"])
            f = torch.sigmoid(pre["f"])
            C = i * Ct_ + f * Cp
            o = torch.sigmoid(pre["o"] + C @ self.V_o.T)
            return o * torch.tanh(C), C
    return Cell()


# Vincent-Therrien/m-moire chapitre1.tex, linear SSM block; most plausible reading: learned continuous A (h x h),
# B (h x x), C (y x h), discretised by zero-order hold with a fixed step (no step size is named, so none is learned);
# the text gives no sizes, no structure for A (full, diagonal, HiPPO?) and no step parameter (hence refuse).
# Count: h*h + h*x + y*h.
@_export
def h38b_therrien_ssm(x=3, h=5, y=2):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.A = _p(h, h)
            self.B = _p(h, x)
            self.C = _p(y, h)
            self.dt = 0.1

        def forward(self, xt, hp):
            Ab = torch.matrix_exp(self.dt * self.A)
            Bb = torch.linalg.solve(self.A, (Ab - torch.eye(h)) @ self.B)
            ht = hp @ Ab.T + xt @ Bb.T
            return ht @ self.C.T, ht
    return Cell()


# gcfc/ms_thesis_latex chap2_ml.tex, LSTM on the concatenation [h_{t-1}, x_t]; per gate g in {f,i,C,o}:
# W_g (h x (h+x)), b_g (h); "\cdot" between gates and states read as elementwise; Count: 4*(h*(h+x) + h).
@_export
def h38b_gcfc_lstm(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W = nn.ParameterDict({g: _p(h, h + x) for g in "fiCo"})
            self.b = nn.ParameterDict({g: _p(h) for g in "fiCo"})

        def forward(self, xt, state):
            hp, Cp = state
            hx = torch.cat([hp, xt], -1)
            pre = {g: hx @ self.W[g].T + self.b[g] for g in "fiCo"}
            f, i, o = (torch.sigmoid(pre[g]) for g in "fio")
            C = f * Cp + i * torch.tanh(pre["C"])
            return o * torch.tanh(C), C
    return Cell()


# robin1001/master_thesis body/chapter3.tex, simple RNN; W_xh (N x M), W_hh (N x N), no bias; f = tanh;
# Count: N*M + N*N.
@_export
def h38b_robin_rnn(M=7, N=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_xh = _p(N, M)
            self.W_hh = _p(N, N)

        def forward(self, xt, hp):
            return torch.tanh(xt @ self.W_xh.T + hp @ self.W_hh.T)
    return Cell()


# ImThisDude/EL_Proj_2024 alighozati-all.tex, RNN h_t = f(W_hh h_{t-1} + W_xh x_t); W_hh (h x h), W_xh (h x x),
# no bias; f = tanh; the itemized LSTM/GRU are only named. Count: h*h + h*x.
@_export
def h38b_elproj_rnn(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_hh = _p(h, h)
            self.W_xh = _p(h, x)

        def forward(self, xt, hp):
            return torch.tanh(hp @ self.W_hh.T + xt @ self.W_xh.T)
    return Cell()


# MountainChenCad/Undergrad data/chap02.tex, LSTM on [h_{t-1}, p_t]; per gate g in {f,i,C,o}: W_g (d_h x (d_h+p)),
# b_g (d_h); sigma_g = sigmoid, sigma_c = sigma_h = tanh; Count: 4*(d_h*(d_h+p) + d_h).
@_export
def h38b_mountainchen_lstm(p=7, d_h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W = nn.ParameterDict({g: _p(d_h, d_h + p) for g in "fiCo"})
            self.b = nn.ParameterDict({g: _p(d_h) for g in "fiCo"})

        def forward(self, pt, state):
            hp, Cp = state
            hx = torch.cat([hp, pt], -1)
            pre = {g: hx @ self.W[g].T + self.b[g] for g in "fiCo"}
            f, i, o = (torch.sigmoid(pre[g]) for g in "fio")
            C = f * Cp + i * torch.tanh(pre["C"])
            return o * torch.tanh(C), C
    return Cell()


# Oorobot/MasterThesis data/chap02.tex, RNN with softmax output; literal reading: W_h (h x h) and W_i (h x x), no
# bias, and the output y^t = softmax(W_h h_{t-1}) reuses the same W_h (so the class count equals h). The other
# reading (W_h in the output line is a typo for a separate output matrix, size classes x h) adds y*h (hence refuse).
# Count: h*h + h*x.
@_export
def h38b_oorobot_rnn(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_h = _p(h, h)
            self.W_i = _p(h, x)

        def forward(self, xt, hp):
            ht = torch.tanh(hp @ self.W_h.T + xt @ self.W_i.T)
            yt = torch.softmax(hp @ self.W_h.T, -1)
            return yt, ht
    return Cell()


# ecs-vlc/COMP6248 lecture-source/14-lstm/lstm.tex, "Update Equations" frame; z(t) = (x(t), h(t-1)); per gate
# g in {f,i,g,o}: W_g (h x (x+h)), b_g (h); Count: 4*(h*(x+h) + h).
@_export
def h38b_comp6248_lstm(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W = nn.ParameterDict({g: _p(h, x + h) for g in "figo"})
            self.b = nn.ParameterDict({g: _p(h) for g in "figo"})

        def forward(self, xt, state):
            hp, cp = state
            z = torch.cat([xt, hp], -1)
            pre = {g: z @ self.W[g].T + self.b[g] for g in "figo"}
            f, i, o = (torch.sigmoid(pre[k]) for k in "fio")
            g = torch.tanh(pre["g"])
            c = f * cp + g * i
            return o * torch.tanh(c), c
    return Cell()
