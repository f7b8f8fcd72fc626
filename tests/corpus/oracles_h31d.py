import torch
from torch import nn

__all__ = []


def _export(f):
    __all__.append(f.__name__)
    return f


def _p(*shape):
    return nn.Parameter(torch.randn(*shape) * 0.1)


# stored file id 14113859359 (Markdown research note "# The subLSM architecture", section "## The subLSTM
# cell"; repository not shown). [z, i, o, f] = sigma(W x + R h + b) stacked: W (4h x x), R (4h x h), b (4h);
# c = c_prev * f + z - i, h = sigma(c) - o. Count 4h(x + h + 1).
@_export
def h31d_sublstm_note(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W, self.R, self.b = _p(4 * h, x), _p(4 * h, h), _p(4 * h)

        def forward(self, xt, state):
            hp, cp = state
            z, i, o, f = torch.sigmoid(self.W @ xt + self.R @ hp + self.b).chunk(4)
            c = cp * f + z - i
            return torch.sigmoid(c) - o, c

    return Cell()


# tk-rusch/coRNN README.md, "## Example" (coRNNCell). One nn.Linear(n_inp + 2 n_hid, n_hid) with bias;
# dt, gamma, epsilon are plain floats. Count (n_inp + 2 n_hid) n_hid + n_hid.
@_export
def h31d_cornn_readme(n_inp=7, n_hid=5):
    class coRNNCell(nn.Module):
        def __init__(self, dt=0.05, gamma=1.0, epsilon=1.0):
            super().__init__()
            self.dt, self.gamma, self.epsilon = dt, gamma, epsilon
            self.i2h = nn.Linear(n_inp + n_hid + n_hid, n_hid)

        def forward(self, x, hy, hz):
            hz = hz + self.dt * (torch.tanh(self.i2h(torch.cat((x, hz, hy), 1)))
                                 - self.gamma * hy - self.epsilon * hz)
            hy = hy + self.dt * hz
            return hy, hz

    return coRNNCell()


# ekg/elman-proofs docs/e88-architecture.typ, "Core Update Rule" + "Output Computation" (one head).
# Most plausible reading (the note's own later "Parameter Count" section): K, V, Q (d x x) without bias,
# learned scalars alpha, delta. Count 3 d x + 2. (Marked refuse: whether alpha, delta are learned is unstated.)
@_export
def h31d_e88_typst(x=7, d=5):
    class Head(nn.Module):
        def __init__(self):
            super().__init__()
            self.K, self.V, self.Q = _p(d, x), _p(d, x), _p(d, x)
            self.alpha, self.delta = nn.Parameter(torch.tensor(0.9)), nn.Parameter(torch.tensor(0.1))

        def forward(self, xt, S):
            k, v, q = self.K @ xt, self.V @ xt, self.Q @ xt
            S = torch.tanh(self.alpha * S + self.delta * torch.outer(v, k))
            return S @ q, S

    return Head()


# stored file id 56361190341 ("# xLSTM: Extended LSTM Equations and Architecture", section 2, sLSTM).
# z = W_x x + R y_prev + b split into i_raw, f_raw, z_raw, o_raw (each H): W_x (4H x x), R (4H x H), b (4H).
# Count 4H(x + H + 1).
@_export
def h31d_xlstmnote_slstm(x=7, H=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_x, self.R, self.b = _p(4 * H, x), _p(4 * H, H), _p(4 * H)

        def forward(self, xt, state):
            y, c, n, m = state
            i_raw, f_raw, z_raw, o_raw = (self.W_x @ xt + self.R @ y + self.b).chunk(4)
            log_f = nn.functional.logsigmoid(f_raw) + m
            m_new = torch.where(n == 0, i_raw, torch.maximum(i_raw, log_f))
            i = torch.clamp(torch.exp(i_raw - m_new), max=1.0)
            f = torch.clamp(torch.exp(log_f - m_new), max=1.0)
            o = torch.sigmoid(o_raw)
            c = f * c + i * torch.tanh(z_raw)
            n = f * n + i
            return o * c / n, c, n, m_new

    return Cell()


# stored file id 18260795304 (speech-processing survey, Markdown conversion, 3.1.1, LSTM). W_{x*} (h x x) for
# i, f, c, o; W_{h*} (h x h) for i, f, c, o; peepholes W_ci, W_cf, W_co as full (h x h) weight matrices
# ("W and b are weight matrices and biases"); b_i, b_f, b_c, b_o. Count 4h(x + h + 1) + 3h^2.
@_export
def h31d_speechsurvey_peephole_lstm(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            for g in "ifco":
                setattr(self, "W_x" + g, _p(h, x))
                setattr(self, "W_h" + g, _p(h, h))
                setattr(self, "b_" + g, _p(h))
            self.W_ci, self.W_cf, self.W_co = _p(h, h), _p(h, h), _p(h, h)

        def forward(self, xt, state):
            hp, cp = state
            i = torch.sigmoid(self.W_xi @ xt + self.W_hi @ hp + self.W_ci @ cp + self.b_i)
            f = torch.sigmoid(self.W_xf @ xt + self.W_hf @ hp + self.W_cf @ cp + self.b_f)
            c = f * cp + i * torch.tanh(self.W_xc @ xt + self.W_hc @ hp + self.b_c)
            o = torch.sigmoid(self.W_xo @ xt + self.W_ho @ hp + self.W_co @ c + self.b_o)
            return o * torch.tanh(c), c

    return Cell()


# stored file id 18260795304 (same survey, GRU). W_xz, W_xr, W_xh (h x x); W_hz, W_hr, W_rh (h x h); no biases.
# Count 3h(x + h).
@_export
def h31d_speechsurvey_gru(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_xz, self.W_hz = _p(h, x), _p(h, h)
            self.W_xr, self.W_hr = _p(h, x), _p(h, h)
            self.W_xh, self.W_rh = _p(h, x), _p(h, h)

        def forward(self, xt, hp):
            z = torch.sigmoid(self.W_xz @ xt + self.W_hz @ hp)
            r = torch.sigmoid(self.W_xr @ xt + self.W_hr @ hp)
            return (1 - z) * hp + z * torch.tanh(self.W_xh @ xt + self.W_rh @ (r * hp))

    return Cell()


# stored file id 32940079659 (note on Greff et al., vanilla LSTM). W_z, W_i, W_f, W_o (N x M); R_z, R_i, R_f, R_o
# (N x N); peepholes p_i, p_f, p_o (N); b_z, b_i, b_f, b_o (N). Count 4N(M + N + 1) + 3N.
@_export
def h31d_odysseynote_lstm(M=7, N=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            for g in "zifo":
                setattr(self, "W_" + g, _p(N, M))
                setattr(self, "R_" + g, _p(N, N))
                setattr(self, "b_" + g, _p(N))
            self.p_i, self.p_f, self.p_o = _p(N), _p(N), _p(N)

        def forward(self, x, state):
            y, c = state
            z = torch.tanh(self.W_z @ x + self.R_z @ y + self.b_z)
            i = torch.sigmoid(self.W_i @ x + self.R_i @ y + self.p_i * c + self.b_i)
            f = torch.sigmoid(self.W_f @ x + self.R_f @ y + self.p_f * c + self.b_f)
            c = z * i + c * f
            o = torch.sigmoid(self.W_o @ x + self.R_o @ y + self.p_o * c + self.b_o)
            return torch.tanh(c) * o, c

    return Cell()


# stored file id 42504287407 (Deep-Inertial-Sensory-Clustering README, ConvGRU encoder). Most plausible
# reading: one direction, 2-D convolutions with n x n kernels over [h; x] (x + h input channels, h output
# channels) for z, r and the candidate, with biases b_z, b_r, b_c. Count 3(h(x + h)n^2 + h).
# (Marked refuse: channel counts unstated and the encoder is bi-directional.)
@_export
def h31d_inertialclust_convgru(x=7, h=5, n=3):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_z = nn.Conv2d(h + x, h, n, padding=n // 2)
            self.W_r = nn.Conv2d(h + x, h, n, padding=n // 2)
            self.W_c = nn.Conv2d(x + h, h, n, padding=n // 2)

        def forward(self, xt, hp):
            z = torch.sigmoid(self.W_z(torch.cat([hp, xt], 1)))
            r = torch.sigmoid(self.W_r(torch.cat([hp, xt], 1)))
            ht = torch.tanh(self.W_c(torch.cat([xt, z * hp], 1)))
            return (1 - r) * ht + r * hp

    return Cell()


# stored file id 42504287407 (same README, conditional decoder GRU). W_z, W_r, W (h x x); U_z, U_r, U (h x h);
# no biases. Count 3h(x + h).
@_export
def h31d_inertialclust_decgru(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_z, self.U_z = _p(h, x), _p(h, h)
            self.W_r, self.U_r = _p(h, x), _p(h, h)
            self.W, self.U = _p(h, x), _p(h, h)

        def forward(self, xt, hp):
            z = torch.sigmoid(self.W_z @ xt + self.U_z @ hp)
            r = torch.sigmoid(self.W_r @ xt + self.U_r @ hp)
            ht = torch.tanh(self.W @ xt + self.U @ (r * hp))
            return (1 - z) * hp + z * ht

    return Cell()


# stored file id 63026458540 (GridOne project report LaTeX, LSTM Neural Network). Most plausible reading:
# one standard LSTM layer with concatenated [h, x] weights W_f, W_i, W_o and the usual (unwritten) candidate
# W_c, each h x (h + x), with biases. Count 4h(h + x + 1). (Marked refuse: candidate missing, 2-layer stack.)
@_export
def h31d_gridone_lstm(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            for g in "fioc":
                setattr(self, "W_" + g, _p(h, h + x))
                setattr(self, "b_" + g, _p(h))

        def forward(self, xt, state):
            hp, cp = state
            v = torch.cat([hp, xt])
            f = torch.sigmoid(self.W_f @ v + self.b_f)
            i = torch.sigmoid(self.W_i @ v + self.b_i)
            o = torch.sigmoid(self.W_o @ v + self.b_o)
            c = f * cp + i * torch.tanh(self.W_c @ v + self.b_c)
            return o * torch.tanh(c), c

    return Cell()


# stored file id 53699364359 (financial time-series benchmark paper, Appendix B.4, LSTM eqs. 28-32).
# W_f, W_i, W_o, W_c (h x x); U_f, U_i, U_o (h x h); b_f, b_i, b_o (h); the candidate tanh(W_c x_t) has no
# recurrent weight and no bias. Count 3h(x + h + 1) + hx.
@_export
def h31d_finbench_lstm(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            for g in "fio":
                setattr(self, "W_" + g, _p(h, x))
                setattr(self, "U_" + g, _p(h, h))
                setattr(self, "b_" + g, _p(h))
            self.W_c = _p(h, x)

        def forward(self, xt, state):
            hp, cp = state
            f = torch.sigmoid(self.W_f @ xt + self.U_f @ hp + self.b_f)
            i = torch.sigmoid(self.W_i @ xt + self.U_i @ hp + self.b_i)
            o = torch.sigmoid(self.W_o @ xt + self.U_o @ hp + self.b_o)
            c = f * cp + i * torch.tanh(self.W_c @ xt)
            return o * torch.tanh(c), c

    return Cell()


# stored file id 53699364359 (same paper, xLSTM / sLSTM eqs. 33-39). Most plausible reading: the xLSTM paper's
# sLSTM, pre-activations W_* x + R_* h + b_* for z, i, f and the unwritten o, W (h x x), R (h x h) full, b (h).
# Count 4h(x + h + 1). (Marked refuse: o_t never defined.)
@_export
def h31d_finbench_slstm(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            for g in "zifo":
                setattr(self, "W_" + g, _p(h, x))
                setattr(self, "R_" + g, _p(h, h))
                setattr(self, "b_" + g, _p(h))

        def forward(self, xt, state):
            hp, cp, n = state
            pre = {g: getattr(self, "W_" + g) @ xt + getattr(self, "R_" + g) @ hp + getattr(self, "b_" + g)
                   for g in "zifo"}
            m = torch.maximum(pre["f"], pre["i"])
            f, i = torch.exp(pre["f"] - m), torch.exp(pre["i"] - m)
            c = f * cp + i * torch.tanh(pre["z"])
            n = f * n + i
            return torch.sigmoid(pre["o"]) * c / n, c, n

    return Cell()
