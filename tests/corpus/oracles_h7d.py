import torch
from torch import nn

__all__ = []


def _export(f):
    __all__.append(f.__name__)
    return f


def _p(*shape):
    return nn.Parameter(torch.randn(*shape) * 0.1)


# ---------------------------------------------------------------------------
# NikolasMarkou/dl_techniques xLSTM README, 11.1 sLSTM (W_*, R_*, b_* for i, f, o, z)
# ---------------------------------------------------------------------------
@_export
def dltech_slstm(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            for g in "ifoz":
                setattr(self, f"W_{g}", _p(h, x))
                setattr(self, f"R_{g}", _p(h, h))
                setattr(self, f"b_{g}", _p(h))

        def forward(self, xt, state):
            hp, cp, npv, mp = state
            pre = lambda g: xt @ getattr(self, f"W_{g}").T + hp @ getattr(self, f"R_{g}").T + getattr(self, f"b_{g}")
            log_i = pre("i")
            log_f = torch.nn.functional.logsigmoid(pre("f"))
            o = torch.sigmoid(pre("o"))
            z = torch.tanh(pre("z"))
            m = torch.maximum(mp + log_f, log_i)
            i_s = torch.exp(log_i - m)
            f_s = torch.exp(log_f + mp - m)
            c = f_s * cp + i_s * z
            n = f_s * npv + i_s
            return o * (c / (n + 1e-6)), c, n, m
    return Cell()


# ---------------------------------------------------------------------------
# stored file 60940042880: Dart on-device translation doc, SSRU decoder cell
# W_f [h,x], b_f [h], W [h,x]
# ---------------------------------------------------------------------------
@_export
def ssru_marian_doc(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_f = _p(h, x)
            self.b_f = _p(h)
            self.W = _p(h, x)

        def forward(self, xt, cp):
            f = torch.sigmoid(xt @ self.W_f.T + self.b_f)
            c = f * cp + (1 - f) * (xt @ self.W.T)
            return torch.relu(c), c
    return Cell()


# ---------------------------------------------------------------------------
# stored file 60695756362: C++ MinLSTM test file header comment
# W_f, W_i, W_h [h,x]; b_f, b_i, b_h [h]
# ---------------------------------------------------------------------------
@_export
def minlstm_cpp_comment(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            for g in "fih":
                setattr(self, f"W_{g}", _p(h, x))
                setattr(self, f"b_{g}", _p(h))

        def forward(self, xt, hp):
            f = torch.sigmoid(xt @ self.W_f.T + self.b_f)
            i = torch.sigmoid(xt @ self.W_i.T + self.b_i)
            c = xt @ self.W_h.T + self.b_h
            s = f + i
            return (f / s) * hp + (i / s) * c
    return Cell()


# ---------------------------------------------------------------------------
# nhatsmrt/nn-toolbox MultiplicativeRNNCell docstring (no biases written)
# W_mx [m,x], W_mh [m,h], W_hm [h,m], W_hx [h,x]
# ---------------------------------------------------------------------------
@_export
def nntoolbox_mrnn(x=7, h=5, m=3):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_mx = _p(m, x)
            self.W_mh = _p(m, h)
            self.W_hm = _p(h, m)
            self.W_hx = _p(h, x)

        def forward(self, xt, hp):
            mt = (xt @ self.W_mx.T) * (hp @ self.W_mh.T)
            return torch.tanh(mt @ self.W_hm.T + xt @ self.W_hx.T)
    return Cell()


# ---------------------------------------------------------------------------
# microsoft/EdgeML pytorch graph/rnn.py, FastGRNNCell docstring (full rank)
# W [h,x], U [h,h] shared by both equations; B_g, B_h [h]; zeta, nu scalars
# ---------------------------------------------------------------------------
@_export
def edgeml_fastgrnn(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W = _p(h, x)
            self.U = _p(h, h)
            self.B_g = _p(h)
            self.B_h = _p(h)
            self.zeta = _p(1)
            self.nu = _p(1)

        def forward(self, xt, hp):
            pre = xt @ self.W.T + hp @ self.U.T
            z = torch.sigmoid(pre + self.B_g)
            hh = torch.tanh(pre + self.B_h)
            return z * hp + (torch.sigmoid(self.zeta) * (1 - z) + torch.sigmoid(self.nu)) * hh
    return Cell()


# ---------------------------------------------------------------------------
# microsoft/EdgeML UGRNNLRCell docstring: equations reuse W1/U1 in both lines,
# prose says two W matrices are created (refuse). Oracle = the implemented cell:
# W1, W2 [x,h]; U1, U2 [h,h]; bias_gate, bias_update [1,h]
# ---------------------------------------------------------------------------
@_export
def edgeml_ugrnn(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W1 = _p(x, h)
            self.W2 = _p(x, h)
            self.U1 = _p(h, h)
            self.U2 = _p(h, h)
            self.B_g = _p(1, h)
            self.B_h = _p(1, h)

        def forward(self, xt, hp):
            z = torch.sigmoid(xt @ self.W1 + hp @ self.U1 + self.B_g)
            c = torch.tanh(xt @ self.W2 + hp @ self.U2 + self.B_h)
            return z * hp + (1 - z) * c
    return Cell()


# ---------------------------------------------------------------------------
# stored file 55489353254: diffusion-LRU project, class LRU docstring
# Λ = exp(-exp(ν_log) + i exp(θ_log)) -> ν_log, θ_log [N]; γ_log [N];
# complex B [N,H] (re, im), complex C [H,N] (re, im), D [H]
# ---------------------------------------------------------------------------
@_export
def lru_diffusion_doc(N=5, H=7):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.nu_log = _p(N)
            self.theta_log = _p(N)
            self.gamma_log = _p(N)
            self.B_re = _p(N, H)
            self.B_im = _p(N, H)
            self.C_re = _p(H, N)
            self.C_im = _p(H, N)
            self.D = _p(H)

        def forward(self, u, x):
            lam = torch.exp(-torch.exp(self.nu_log) + 1j * torch.exp(self.theta_log))
            Bc = torch.complex(self.B_re, self.B_im)
            Cc = torch.complex(self.C_re, self.C_im)
            x = lam * x + torch.exp(self.gamma_log) * (u.to(Bc.dtype) @ Bc.T)
            y = (x @ Cc.T).real + self.D * u
            return y, x
    return Cell()


# ---------------------------------------------------------------------------
# stored file 16035476717: Nested LSTM module docstring (row-vector x.mm(W))
# outer: W_x_{i,f,c,o} [x,h], W_h_{i,f,c,o} [h,h], b_{i,f,c,o} [h]
# inner: W_x_{i,f,c,o}_hat [h,h], W_h_{..}_hat [h,h], b_{..}_hat [h]
# ---------------------------------------------------------------------------
@_export
def nested_lstm_doc(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            for g in "ifco":
                setattr(self, f"W_x_{g}", _p(x, h))
                setattr(self, f"W_h_{g}", _p(h, h))
                setattr(self, f"b_{g}", _p(h))
                setattr(self, f"W_x_{g}_hat", _p(h, h))
                setattr(self, f"W_h_{g}_hat", _p(h, h))
                setattr(self, f"b_{g}_hat", _p(h))

        def forward(self, xt, old_h, old_c, old_c_hat):
            P = lambda n: getattr(self, n)
            outer = lambda g: xt.mm(P(f"W_x_{g}")) + old_h.mm(P(f"W_h_{g}")) + P(f"b_{g}")
            i = torch.sigmoid(outer("i"))
            f = torch.sigmoid(outer("f"))
            old_h_hat = f * old_c
            x_hat = i * torch.tanh(outer("c"))
            inner = lambda g: x_hat.mm(P(f"W_x_{g}_hat")) + old_h_hat.mm(P(f"W_h_{g}_hat")) + P(f"b_{g}_hat")
            i_hat = torch.sigmoid(inner("i"))
            f_hat = torch.sigmoid(inner("f"))
            c_hat = f_hat * old_c_hat + i_hat * torch.tanh(inner("c"))
            o_hat = torch.sigmoid(inner("o"))
            c = o_hat * torch.tanh(c_hat)
            o = torch.sigmoid(outer("o"))
            return o * torch.tanh(c), c, c_hat
    return Cell()


# ---------------------------------------------------------------------------
# stored file 6688557631: C/HIP minGRU/minLSTM README, minGRU section
# Linear_z, Linear_h: nn.Linear(x, h) each (weight + bias)
# ---------------------------------------------------------------------------
@_export
def mingru_hip_readme(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.Linear_z = nn.Linear(x, h)
            self.Linear_h = nn.Linear(x, h)

        def forward(self, xt, hp):
            z = torch.sigmoid(self.Linear_z(xt))
            return (1 - z) * hp + z * self.Linear_h(xt)
    return Cell()


# ---------------------------------------------------------------------------
# stored file 62379107237: Indonesian project manual, CIFG + attention LSTM,
# "CIFG Gates (per timestep)" block: Wf, Wc, Wo [h, h+x]; bf, bc, bo [h]
# ---------------------------------------------------------------------------
@_export
def cifg_manual_id(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            for g in "fco":
                setattr(self, f"W{g}", _p(h, h + x))
                setattr(self, f"b{g}", _p(h))

        def forward(self, xt, state):
            hp, cp = state
            z = torch.cat([hp, xt], dim=-1)
            f = torch.sigmoid(z @ self.Wf.T + self.bf)
            ct = torch.tanh(z @ self.Wc.T + self.bc)
            c = f * cp + (1 - f) * ct
            o = torch.sigmoid(z @ self.Wo.T + self.bo)
            return o * torch.tanh(c), c
    return Cell()


# ---------------------------------------------------------------------------
# stored file 55305708101: QRNNForecaster module docstring (refuse: filter width
# k not given, no biases written). Oracle = the file's implementation:
# one causal Conv1d(x -> 3h, kernel_size = k+1) with bias, split into z, f, o.
# ---------------------------------------------------------------------------
@_export
def qrnn_forecaster_doc(x=7, h=5, k=2):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.conv = nn.Conv1d(x, 3 * h, kernel_size=k + 1)

        def forward(self, xwin, hp):
            # xwin: (B, x, k+1) window x_{t-k..t}
            z, f, o = self.conv(xwin)[..., -1].chunk(3, dim=-1)
            z, f, o = torch.tanh(z), torch.sigmoid(f), torch.sigmoid(o)
            ht = f * hp + (1 - f) * z
            return o * ht, ht
    return Cell()


# ---------------------------------------------------------------------------
# fumishiki/zenn ml-lecture-18-part1 (Japanese), Hawk Step 1-2:
# W_r, W_i [d,d]; b_r, b_i [d]; Δ is a fixed constant (not learned)
# ---------------------------------------------------------------------------
@_export
def zenn_hawk(d=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_r = _p(d, d)
            self.b_r = _p(d)
            self.W_i = _p(d, d)
            self.b_i = _p(d)
            self.delta = 8.0

        def forward(self, xt, hp):
            r = torch.sigmoid(xt @ self.W_r.T + self.b_r)
            i = torch.sigmoid(xt @ self.W_i.T + self.b_i)
            a = r ** (1.0 / self.delta)
            return a * hp + torch.sqrt(1 - a ** 2) * (i * xt)
    return Cell()


# ---------------------------------------------------------------------------
# stored file 32202056283: PyTorch IndRNNCell docstring (.. math:: with \bigodot)
# W [h,x], u [h], b [h]
# ---------------------------------------------------------------------------
@_export
def indrnn_bigodot_doc(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W = _p(h, x)
            self.u = _p(h)
            self.b = _p(h)

        def forward(self, xt, hp):
            return torch.selu(xt @ self.W.T + self.u * hp + self.b)
    return Cell()


# ---------------------------------------------------------------------------
# microsoft/EdgeML tf/edgeml_tf/graph/rnn.py, FastRNNCell docstring (full rank)
# W [x,h], U [h,h], B_h [h]; alpha, beta scalars
# ---------------------------------------------------------------------------
@_export
def edgeml_fastrnn(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W = _p(x, h)
            self.U = _p(h, h)
            self.B_h = _p(h)
            self.alpha = _p(1)
            self.beta = _p(1)

        def forward(self, xt, hp):
            hh = torch.tanh(xt @ self.W + hp @ self.U + self.B_h)
            return torch.sigmoid(self.beta) * hp + torch.sigmoid(self.alpha) * hh
    return Cell()
