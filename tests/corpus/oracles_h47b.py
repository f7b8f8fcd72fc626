"""Oracles for the h47b set-aside snippets (heldout47), as its gatherer wrote them."""
import torch
from torch import nn

__all__ = []


def _export(f):
    __all__.append(f.__name__)
    return f


def _p(*shape):
    return nn.Parameter(torch.randn(*shape) * 0.1)


# shivam04/final_mtp template.tex, LSTM: per gate q in {f, i, o, C} W_q (h,x) on X_t, R_q (h,h) on h_{t-1}, b_q (h);
# \Phi = \phi = tanh; juxtaposed products element-wise; Count: 4*(h*x + h*h + h).
@_export
def h47b_mtp_lstm(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W = nn.ParameterDict({q: _p(h, x) for q in "fioC"})
            self.R = nn.ParameterDict({q: _p(h, h) for q in "fioC"})
            self.b = nn.ParameterDict({q: _p(h) for q in "fioC"})

        def _a(self, q, x_t, h_prev):
            return x_t @ self.W[q].T + h_prev @ self.R[q].T + self.b[q]

        def forward(self, x_t, state):
            h_prev, C_prev = state
            f = torch.sigmoid(self._a("f", x_t, h_prev))
            i = torch.sigmoid(self._a("i", x_t, h_prev))
            o = torch.sigmoid(self._a("o", x_t, h_prev))
            C_tilde = torch.tanh(self._a("C", x_t, h_prev))
            C_t = f * C_prev + i * C_tilde
            h_t = o * torch.tanh(C_t)
            return h_t, (h_t, C_t)
    return Cell()


# shivam04/final_mtp template.tex, BRNN: per direction W_{xh} (h,x), W_{hh} (h,h), b_h (h); H taken as tanh (parameter-free);
# output W_{->h y} (y,h), W_{<-h y} (y,h), b_o (y); Count: 2*(h*x + h*h + h) + 2*y*h + y.
@_export
def h47b_mtp_brnn(x=7, h=5, y=3):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_x = nn.ParameterDict({d: _p(h, x) for d in ("fw", "bw")})
            self.W_h = nn.ParameterDict({d: _p(h, h) for d in ("fw", "bw")})
            self.b = nn.ParameterDict({d: _p(h) for d in ("fw", "bw")})
            self.W_y = nn.ParameterDict({d: _p(y, h) for d in ("fw", "bw")})
            self.b_o = _p(y)

        def _step(self, d, x_t, h_nb):
            return torch.tanh(x_t @ self.W_x[d].T + h_nb @ self.W_h[d].T + self.b[d])

        def forward(self, x_t, state):
            h_fw_prev, h_bw_next = state
            h_fw = self._step("fw", x_t, h_fw_prev)
            h_bw = self._step("bw", x_t, h_bw_next)
            y_t = h_fw @ self.W_y["fw"].T + h_bw @ self.W_y["bw"].T + self.b_o
            return y_t, (h_fw, h_bw)
    return Cell()


# softrime/MasterThesis tex/2.tex, LSTM: per gate q in {i, f, c, o} W_q (h,x), U_q (h,h), b_q (h); candidate folded
# into c_t; juxtaposed products element-wise; Count: 4*(h*x + h*h + h).
@_export
def h47b_softrime_lstm(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W = nn.ParameterDict({q: _p(h, x) for q in "ifco"})
            self.U = nn.ParameterDict({q: _p(h, h) for q in "ifco"})
            self.b = nn.ParameterDict({q: _p(h) for q in "ifco"})

        def _a(self, q, x_t, h_prev):
            return x_t @ self.W[q].T + h_prev @ self.U[q].T + self.b[q]

        def forward(self, x_t, state):
            h_prev, c_prev = state
            i = torch.sigmoid(self._a("i", x_t, h_prev))
            f = torch.sigmoid(self._a("f", x_t, h_prev))
            c_t = f * c_prev + i * torch.tanh(self._a("c", x_t, h_prev))
            o = torch.sigmoid(self._a("o", x_t, h_prev))
            h_t = o * torch.tanh(c_t)
            return h_t, (h_t, c_t)
    return Cell()


# kilasuelika/MathManual 神经网络与深度学习.tex, LSTM (equations reading; \bx_i read as \bx_t): per gate q in {c, i, f, o}
# W_q (M,N), U_q (M,M), b_q (M); the text's own count (M+N)*N*4 + (M+N)*4 disagrees (refuse);
# Count: 4*(M*N + M*M + M).
@_export
def h47b_mathmanual_lstm(N=7, M=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W = nn.ParameterDict({q: _p(M, N) for q in "cifo"})
            self.U = nn.ParameterDict({q: _p(M, M) for q in "cifo"})
            self.b = nn.ParameterDict({q: _p(M) for q in "cifo"})

        def _a(self, q, x_t, h_prev):
            return x_t @ self.W[q].T + h_prev @ self.U[q].T + self.b[q]

        def forward(self, x_t, state):
            h_prev, c_prev = state
            c_tilde = torch.tanh(self._a("c", x_t, h_prev))
            i = torch.sigmoid(self._a("i", x_t, h_prev))
            f = torch.sigmoid(self._a("f", x_t, h_prev))
            o = torch.sigmoid(self._a("o", x_t, h_prev))
            c_t = f * c_prev + i * c_tilde
            h_t = o * torch.tanh(c_t)
            return h_t, (h_t, c_t)
    return Cell()


# kilasuelika/MathManual 神经网络与深度学习.tex, GRU: per q in {z, h, r} W_q (h,x), U_q (h,h), b_q (h); reset before U_h;
# h_t = z*h_{t-1} + (1-z)*h~; Count: 3*(h*x + h*h + h).
@_export
def h47b_mathmanual_gru(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W = nn.ParameterDict({q: _p(h, x) for q in "zhr"})
            self.U = nn.ParameterDict({q: _p(h, h) for q in "zhr"})
            self.b = nn.ParameterDict({q: _p(h) for q in "zhr"})

        def forward(self, x_t, h_prev):
            z = torch.sigmoid(x_t @ self.W["z"].T + h_prev @ self.U["z"].T + self.b["z"])
            r = torch.sigmoid(x_t @ self.W["r"].T + h_prev @ self.U["r"].T + self.b["r"])
            h_tilde = torch.tanh(x_t @ self.W["h"].T + (r * h_prev) @ self.U["h"].T + self.b["h"])
            h_t = z * h_prev + (1 - z) * h_tilde
            return h_t, h_t
    return Cell()


# Antosha1/BachelorThesis report/Sotnikov2020BcSThesis.tex, peephole LSTM (refuse: W_{ci}, W_{cf}, W_{co} may be diagonal
# as in Graves, or full as written); oracle reads them as full matrices (h,h), typos t-t read as t-1:
# gates i, f, o: W_x (h,x), W_h (h,h), W_c (h,h), b (h); candidate: W_xc (h,x), W_hc (h,h), b_c (h);
# Count: 3*(h*x + 2*h*h + h) + (h*x + h*h + h)  (diagonal reading: 4*(h*x + h*h + h) + 3*h).
@_export
def h47b_sotnikov_peephole(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_x = nn.ParameterDict({q: _p(h, x) for q in "ifco"})
            self.W_h = nn.ParameterDict({q: _p(h, h) for q in "ifco"})
            self.W_c = nn.ParameterDict({q: _p(h, h) for q in "ifo"})
            self.b = nn.ParameterDict({q: _p(h) for q in "ifco"})

        def _a(self, q, x_t, h_prev):
            return x_t @ self.W_x[q].T + h_prev @ self.W_h[q].T + self.b[q]

        def forward(self, x_t, state):
            h_prev, c_prev = state
            i = torch.sigmoid(self._a("i", x_t, h_prev) + c_prev @ self.W_c["i"].T)
            f = torch.sigmoid(self._a("f", x_t, h_prev) + c_prev @ self.W_c["f"].T)
            c_tilde = torch.tanh(self._a("c", x_t, h_prev))
            c_t = f * c_prev + i * c_tilde
            o = torch.sigmoid(self._a("o", x_t, h_prev) + c_prev @ self.W_c["o"].T)
            h_t = o * torch.tanh(c_t)
            return h_t, (h_t, c_t)
    return Cell()


# cmigliaccio00/ML_LectureNotes Chapters/Ch10_RNN.tex, RNN with output layer: W_hh (h,h), W_hx (h,x), b_h (h),
# W_yh (y,h), b_y (y); g_h = tanh, g_o = identity (parameter-free either way); Count: h*h + h*x + h + y*h + y.
@_export
def h47b_mlnotes_rnn(x=7, h=5, y=3):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_hh = _p(h, h)
            self.W_hx = _p(h, x)
            self.b_h = _p(h)
            self.W_yh = _p(y, h)
            self.b_y = _p(y)

        def forward(self, x_t, h_prev):
            h_t = torch.tanh(h_prev @ self.W_hh.T + x_t @ self.W_hx.T + self.b_h)
            y_t = h_t @ self.W_yh.T + self.b_y
            return y_t, h_t
    return Cell()


# cmigliaccio00/ML_LectureNotes Chapters/Ch10_RNN.tex, GRU: per q in {z, r, g} W_xq (x,h) used transposed, W_hq (h,h),
# b_q (h); reset before W_hg^T; h = z*h_{t-1} + (1-z)*g; Count: 3*(x*h + h*h + h).
@_export
def h47b_mlnotes_gru(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_x = nn.ParameterDict({q: _p(x, h) for q in "zrg"})
            self.W_h = nn.ParameterDict({q: _p(h, h) for q in "zrg"})
            self.b = nn.ParameterDict({q: _p(h) for q in "zrg"})

        def forward(self, x_t, h_prev):
            z = torch.sigmoid(x_t @ self.W_x["z"] + h_prev @ self.W_h["z"] + self.b["z"])
            r = torch.sigmoid(x_t @ self.W_x["r"] + h_prev @ self.W_h["r"] + self.b["r"])
            g = torch.tanh(x_t @ self.W_x["g"] + (r * h_prev) @ self.W_h["g"] + self.b["g"])
            h_t = z * h_prev + (1 - z) * g
            return h_t, h_t
    return Cell()


# robfairh/2023_fairhurst_dissertation thermalfluids.tex, LSTM: per gate q in {f, i, C, o} W_q (h,h) on h_{t-1},
# U_q (h,x) on x_t, b_q (h); \cdot element-wise; Count: 4*(h*h + h*x + h).
@_export
def h47b_fairhurst_lstm(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W = nn.ParameterDict({q: _p(h, h) for q in "fiCo"})
            self.U = nn.ParameterDict({q: _p(h, x) for q in "fiCo"})
            self.b = nn.ParameterDict({q: _p(h) for q in "fiCo"})

        def _a(self, q, x_t, h_prev):
            return h_prev @ self.W[q].T + x_t @ self.U[q].T + self.b[q]

        def forward(self, x_t, state):
            h_prev, C_prev = state
            f = torch.sigmoid(self._a("f", x_t, h_prev))
            i = torch.sigmoid(self._a("i", x_t, h_prev))
            C_tilde = torch.tanh(self._a("C", x_t, h_prev))
            C_t = f * C_prev + i * C_tilde
            o = torch.sigmoid(self._a("o", x_t, h_prev))
            h_t = o * torch.tanh(C_t)
            return h_t, (h_t, C_t)
    return Cell()


# littlecabbage/thesis body/FirstWork.tex, GRUI: decay W_beta (h,d), b_beta (h) on delta_t (d); gates mu, r and
# candidate each W_q (h, h+d) on [h', x], b_q (h); the duplicated candidate equation is one set of weights;
# Count: h*d + h + 3*(h*(h+d) + h).
@_export
def h47b_grui(d=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_beta = _p(h, d)
            self.b_beta = _p(h)
            self.W = nn.ParameterDict({q: _p(h, h + d) for q in ("mu", "r", "ht")})
            self.b = nn.ParameterDict({q: _p(h) for q in ("mu", "r", "ht")})

        def forward(self, x_t, delta_t, h_prev):
            beta = 1.0 / torch.exp(torch.clamp(delta_t @ self.W_beta.T + self.b_beta, min=0))
            h_p = beta * h_prev
            hx = torch.cat([h_p, x_t], -1)
            mu = torch.sigmoid(hx @ self.W["mu"].T + self.b["mu"])
            r = torch.sigmoid(hx @ self.W["r"].T + self.b["r"])
            h_tilde = torch.tanh(torch.cat([r * h_p, x_t], -1) @ self.W["ht"].T + self.b["ht"])
            h_t = (1 - mu) * h_p + mu * h_tilde
            return h_t, h_t
    return Cell()


# teriterance/NetworkQuantizationStateOfArt article_2_en.tex, LSTM without biases: per gate q in {f, i, o, g}
# U^q (h,x) on X_t, W^q (h,h) on h_{t-1} (bare U, W of the input gate read as U^i, W^i); Count: 4*(h*x + h*h).
@_export
def h47b_quant_lstm(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.U = nn.ParameterDict({q: _p(h, x) for q in "fiog"})
            self.W = nn.ParameterDict({q: _p(h, h) for q in "fiog"})

        def _a(self, q, x_t, h_prev):
            return x_t @ self.U[q].T + h_prev @ self.W[q].T

        def forward(self, x_t, state):
            h_prev, c_prev = state
            f = torch.sigmoid(self._a("f", x_t, h_prev))
            i = torch.sigmoid(self._a("i", x_t, h_prev))
            o = torch.sigmoid(self._a("o", x_t, h_prev))
            g = torch.tanh(self._a("g", x_t, h_prev))
            c_t = i * g + f * c_prev
            h_t = torch.tanh(c_t) * o
            return h_t, (h_t, c_t)
    return Cell()


# mmaierhofer97/LLM-Slides Lifetime-LimitedMemory.tex, Lifetime-Limited Memory cell (refuse: n_s undefined, the output
# reuses the gate bias b^g, V_j's output size not given in the excerpt). Oracle reading: n_s = n_t; gates f, g each
# W (n_h,n_c), U_j (n_h,n_h) for j = 1..n_t, b (n_h); read-out V_j (n_c,n_h) for each j and a separate output bias
# (n_c); gamma_j fixed (not learned); Count: 2*(n_h*n_c + n_t*n_h*n_h + n_h) + n_t*n_c*n_h + n_c.
@_export
def h47b_llm_cell(n_c=7, n_h=5, n_t=3):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W = nn.ParameterDict({q: _p(n_h, n_c) for q in "fg"})
            self.U = nn.ParameterDict({q: _p(n_t, n_h, n_h) for q in "fg"})
            self.b = nn.ParameterDict({q: _p(n_h) for q in "fg"})
            self.V = _p(n_t, n_c, n_h)
            self.b_o = _p(n_c)
            self.register_buffer("gamma", torch.logspace(-1, 1, n_t))

        def forward(self, e_k, dt_k, dt_next, h_prev):
            # h_prev: (B, n_t, n_h); dt_k, dt_next: (B, 1)
            h_hat = torch.exp(-self.gamma * dt_k).unsqueeze(-1) * h_prev
            rec_f = torch.einsum("jab,zjb->za", self.U["f"], h_hat)
            rec_g = torch.einsum("jab,zjb->za", self.U["g"], h_hat)
            f = torch.tanh(e_k @ self.W["f"].T + rec_f + self.b["f"])
            g = torch.sigmoid(e_k @ self.W["g"].T + rec_g + self.b["g"])
            h_k = h_hat + (f * g).unsqueeze(1)
            decay_next = torch.exp(-self.gamma * dt_next).unsqueeze(-1)
            o_k = torch.softmax(torch.einsum("jcb,zjb->zc", self.V, decay_next * h_k) + self.b_o, -1)
            return o_k, h_k
    return Cell()
