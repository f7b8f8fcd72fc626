"""Oracles for the h40b set-aside snippets (heldout40), as its gatherer wrote them."""
import torch
from torch import nn

__all__ = []


def _export(f):
    __all__.append(f.__name__)
    return f


def _p(*shape):
    return nn.Parameter(torch.randn(*shape) * 0.1)


# DeepTrackAI/DeepLearningCrashCourse ch_07.tex, simple RNN in NumPy: scalar U (input), V (state), b (hidden bias),
# W (output weight); the output is fed back as the state; hidden = sigmoid(U x + V state + b), out = sigmoid(W hidden).
# Count: x*h + y*h + h + y*h with x=h=y=1 -> 4 (U, V, W, b).
@_export
def h40b_deeptrack_rnn(x=1, h=1, y=1):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.U = _p(h, x)
            self.V = _p(h, y)   # weight of the fed-back state (= previous output)
            self.b = _p(h)
            self.W = _p(y, h)

        def forward(self, inp, state):
            hidden = torch.sigmoid(inp @ self.U.T + state @ self.V.T + self.b)
            out = torch.sigmoid(hidden @ self.W.T)
            return out, out
    return Cell()


# sunhatSH/AI-LLM DL_content.tex, RNN definition: W_h (h x h), W_x (h x x), b_h (h); output W_y (y x h), b_y (y);
# Count: h*h + h*x + h + y*h + y.
@_export
def h40b_sunhat_rnn(x=7, h=5, y=3):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_h = _p(h, h)
            self.W_x = _p(h, x)
            self.b_h = _p(h)
            self.W_y = _p(y, h)
            self.b_y = _p(y)

        def forward(self, xt, hprev):
            ht = torch.tanh(hprev @ self.W_h.T + xt @ self.W_x.T + self.b_h)
            return ht @ self.W_y.T + self.b_y, ht
    return Cell()


# sunhatSH/AI-LLM DL_content.tex, LSTM definition: W_f, W_i, W_C, W_o each (h x (h+x)) on [h_{t-1}, x_t], biases b_f, b_i,
# b_C, b_o (h); Count: 4*(h*(h+x) + h).
@_export
def h40b_sunhat_lstm(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W = nn.ParameterDict({g: _p(h, h + x) for g in "fiCo"})
            self.b = nn.ParameterDict({g: _p(h) for g in "fiCo"})

        def forward(self, xt, hprev, cprev):
            z = torch.cat([hprev, xt], -1)
            a = {g: z @ self.W[g].T + self.b[g] for g in "fiCo"}
            f, i, o = torch.sigmoid(a["f"]), torch.sigmoid(a["i"]), torch.sigmoid(a["o"])
            c = f * cprev + i * torch.tanh(a["C"])
            return o * torch.tanh(c), c
    return Cell()


# zeonzir/zeonzir.github.io RNN/RNN.tex, vanilla RNN s_t = f(U x_t + W s_{t-1}), o_t = softmax(V s_t); "parameterized by
# U, V and W", no biases: U (s x x), W (s x s), V (o x s); Count: s*x + s*s + o*s.
@_export
def h40b_zeonzir_rnn(x=7, s=5, o=3):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.U = _p(s, x)
            self.W = _p(s, s)
            self.V = _p(o, s)

        def forward(self, xt, sprev):
            st = torch.tanh(xt @ self.U.T + sprev @ self.W.T)
            return torch.softmax(st @ self.V.T, -1), st
    return Cell()


# heytitle/thesis-presentation beispiel.tex, "Unfolded computations of an RNN": theta = {W^in, W^rec};
# r_t = W^in x_t + W^rec sigma(r_{t-1}), y-hat = r_T (no output layer, no biases): W^in (r x x), W^rec (r x r);
# Count: r*x + r*r.
@_export
def h40b_heytitle_rnn(x=7, r=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_in = _p(r, x)
            self.W_rec = _p(r, r)

        def forward(self, xt, rprev):
            rt = xt @ self.W_in.T + torch.sigmoid(rprev) @ self.W_rec.T
            return rt, rt
    return Cell()


# heytitle/thesis-presentation beispiel.tex, "Echo State Networks": reservoir W^in (M x x) and W^rec (M x M) are random and
# fixed (buffers here), alpha is a hyperparameter; only the readout W^out (y x (x+M)) on concat(x_t, h_t) is learned.
# Count (learned): y*(x+M).  (Counting the fixed reservoir too: M*x + M*M + y*(x+M).)
@_export
def h40b_heytitle_esn(x=7, M=5, y=3):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.register_buffer("W_in", torch.randn(M, x) * 0.1)
            self.register_buffer("W_rec", torch.randn(M, M) * 0.1)
            self.alpha = 0.5
            self.W_out = _p(y, x + M)

        def forward(self, xt, hprev):
            ht_ = torch.tanh(xt @ self.W_in.T + hprev @ self.W_rec.T)
            ht = (1 - self.alpha) * hprev + self.alpha * ht_
            return torch.cat([xt, ht], -1) @ self.W_out.T, ht
    return Cell()


# heytitle/thesis-presentation beispiel.tex, "Computations in an LSTM cell": for f, i, c, o: U^(.) (h x x) and V^(.) (h x h),
# no biases; Count: 4*(h*x + h*h).
@_export
def h40b_heytitle_lstm(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.U = nn.ParameterDict({g: _p(h, x) for g in "fico"})
            self.V = nn.ParameterDict({g: _p(h, h) for g in "fico"})

        def forward(self, xt, hprev, cprev):
            a = {g: xt @ self.U[g].T + hprev @ self.V[g].T for g in "fico"}
            f, i, o = torch.sigmoid(a["f"]), torch.sigmoid(a["i"]), torch.sigmoid(a["o"])
            c = f * cprev + i * torch.tanh(a["c"])
            return o * torch.tanh(c), c
    return Cell()


# stwisdom/urnn paper/uRNN/uRNN.tex (Arjovsky et al. uRNN): W = D3 R2 F^-1 D2 Pi R1 F D1 with D_j: n_h real phases each,
# R_j: complex reflection vector v (2 n_h reals each), Pi fixed, F parameter-free; V complex (n_h x n_in) -> 2*n_h*n_in reals;
# learned h_0 complex -> 2*n_h; modReLU bias n_h; U real (n_o x 2 n_h); b_o (n_o).
# Count: 3*n_h + 4*n_h + 2*n_h*n_in + 2*n_h + n_h + 2*n_h*n_o + n_o.
@_export
def h40b_stwisdom_urnn(n_in=7, n_h=5, n_o=3):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.w = nn.ParameterList([_p(n_h) for _ in range(3)])          # phases of D1, D2, D3
            self.v_re = nn.ParameterList([_p(n_h) for _ in range(2)])       # reflection vectors of R1, R2
            self.v_im = nn.ParameterList([_p(n_h) for _ in range(2)])
            self.register_buffer("perm", torch.randperm(n_h))
            self.V_re = _p(n_h, n_in)
            self.V_im = _p(n_h, n_in)
            self.h0_re = _p(n_h)
            self.h0_im = _p(n_h)
            self.b = _p(n_h)                                                # modReLU biases
            self.U = _p(n_o, 2 * n_h)
            self.b_o = _p(n_o)

        def _D(self, k, h):
            return h * torch.exp(1j * self.w[k])

        def _R(self, k, h):
            v = torch.complex(self.v_re[k], self.v_im[k])
            coef = (h * v.conj()).sum(-1, keepdim=True) / (v.abs() ** 2).sum()
            return h - 2 * coef * v

        def forward(self, xt, hprev=None):
            if hprev is None:
                hprev = torch.complex(self.h0_re, self.h0_im).expand(xt.shape[0], n_h)
            h = self._D(0, hprev)
            h = torch.fft.fft(h, norm="ortho")
            h = self._R(0, h)
            h = h[..., self.perm]
            h = self._D(1, h)
            h = torch.fft.ifft(h, norm="ortho")
            h = self._R(1, h)
            h = self._D(2, h)
            z = h + xt.to(torch.complex64) @ torch.complex(self.V_re, self.V_im).T
            mag = z.abs()
            ht = torch.relu(mag + self.b) * z / (mag + 1e-8)
            o = torch.cat([ht.real, ht.imag], -1) @ self.U.T + self.b_o
            return o, ht
    return Cell()


# beatrizalbiero/quali ch02-background.tex, GRU: candidate tanh(W (h ⊙ r) + U x + b); r and u gates W_r, U_r, b_r and
# W_u, U_u, b_u; each W (h x h), U (h x x), b (h); h = u ⊙ h~ + (1-u) ⊙ h_prev; Count: 3*(h*h + h*x + h).
@_export
def h40b_quali_gru(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W = nn.ParameterDict({g: _p(h, h) for g in "rcu"})
            self.U = nn.ParameterDict({g: _p(h, x) for g in "rcu"})
            self.b = nn.ParameterDict({g: _p(h) for g in "rcu"})

        def forward(self, xt, hprev):
            r = torch.sigmoid(hprev @ self.W["r"].T + xt @ self.U["r"].T + self.b["r"])
            u = torch.sigmoid(hprev @ self.W["u"].T + xt @ self.U["u"].T + self.b["u"])
            hc = torch.tanh((hprev * r) @ self.W["c"].T + xt @ self.U["c"].T + self.b["c"])
            ht = u * hc + (1 - u) * hprev
            return ht, ht
    return Cell()


# beatrizalbiero/quali ch02-background.tex, LSTM: f, i, o with W_* (h x h), U_* (h x x), b_* (h); candidate with its own
# unsubscripted W, U, b of the same shapes; Count: 4*(h*h + h*x + h).
@_export
def h40b_quali_lstm(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W = nn.ParameterDict({g: _p(h, h) for g in "fioc"})
            self.U = nn.ParameterDict({g: _p(h, x) for g in "fioc"})
            self.b = nn.ParameterDict({g: _p(h) for g in "fioc"})

        def forward(self, xt, hprev, cprev):
            a = {g: hprev @ self.W[g].T + xt @ self.U[g].T + self.b[g] for g in "fioc"}
            f, i, o = torch.sigmoid(a["f"]), torch.sigmoid(a["i"]), torch.sigmoid(a["o"])
            c = f * cprev + i * torch.tanh(a["c"])
            return o * torch.tanh(c), c
    return Cell()


# lparolari/master-thesis chapters/background.tex: only h^(t) = f(h^(t-1), x^(t); theta). Most plausible reading: Elman cell
# tanh(W h + U x + b): W (h x h), U (h x x), b (h); Count: h*h + h*x + h (the text does not fix f or theta).
@_export
def h40b_lparolari_rnn(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W = _p(h, h)
            self.U = _p(h, x)
            self.b = _p(h)

        def forward(self, xt, hprev):
            ht = torch.tanh(hprev @ self.W.T + xt @ self.U.T + self.b)
            return ht, ht
    return Cell()


# Avanti1980/course-gnn tikz/lstm.tex: figure only; gates f, i, c~, o computed by sigma/tanh from the concatenation
# [a_{t-1}, x_t]. Most plausible reading: one affine map per gate with bias, (a x (a+x)) + (a); Count: 4*(a*(a+x) + a).
# (Without biases: 4*a*(a+x).)
@_export
def h40b_avanti_lstm(x=7, a=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.lin = nn.ModuleDict({g: nn.Linear(a + x, a) for g in "fico"})

        def forward(self, xt, aprev, cprev):
            z = torch.cat([aprev, xt], -1)
            f, i, o = (torch.sigmoid(self.lin[g](z)) for g in "fio")
            c = f * cprev + i * torch.tanh(self.lin["c"](z))
            return o * torch.tanh(c), c
    return Cell()
