import torch
from torch import nn

__all__ = []


def _export(f):
    __all__.append(f.__name__)
    return f


def _p(*shape, dtype=torch.float32):
    return nn.Parameter(torch.randn(*shape, dtype=dtype) * 0.1)


# kvnyu24/Nexus docs hgrn.md: i, f, g gates each W (h x x), U (h x h), b (h);
# value v_t = W_v x_t (no bias); f_min is a constant; y_t = g_t * h_t (no output weight).
@_export
def nexus_hgrn(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_i, self.U_i, self.b_i = _p(h, x), _p(h, h), _p(h)
            self.W_f, self.U_f, self.b_f = _p(h, x), _p(h, h), _p(h)
            self.W_g, self.U_g, self.b_g = _p(h, x), _p(h, h), _p(h)
            self.W_v = _p(h, x)
            self.f_min = 0.5

        def forward(self, xt, ht):
            i = torch.sigmoid(xt @ self.W_i.T + ht @ self.U_i.T + self.b_i)
            f = torch.sigmoid(xt @ self.W_f.T + ht @ self.U_f.T + self.b_f) + self.f_min
            g = torch.sigmoid(xt @ self.W_g.T + ht @ self.U_g.T + self.b_g)
            v = xt @ self.W_v.T
            hn = f * ht + i * v
            return g * hn, hn

    return Cell()


# forgi86/sysid-pytorch-lru README: x_k = A x_{k-1} + B u_k, y_k = Re[C x_k] + D u_k;
# A diagonal complex (N), B complex (N x u), C complex (y x N), D real (y x u).
# Complex entries stored as (re, im) pairs, so each counts as two real parameters.
@_export
def sysid_lru(u=7, x=5, y=3):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.A = _p(x, 2)
            self.B = _p(x, u, 2)
            self.C = _p(y, x, 2)
            self.D = _p(y, u)

        def forward(self, ut, xt):
            A, B, C = (torch.view_as_complex(p) for p in (self.A, self.B, self.C))
            xn = A * xt + ut.to(B.dtype) @ B.T
            return (xn @ C.T).real + ut @ self.D.T, xn

    return Cell()


# IDK-Silver/Social-xLSTM docs/papers/xlstm-2024.md, 3.1 sLSTM: gates i (exp), f, o and
# candidate c~ each W (h x x), U (h x h), b (h); normalizer n_t has no parameters.
@_export
def socialxlstm_slstm(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            for g in "ifoc":
                setattr(self, f"W_{g}", _p(h, x))
                setattr(self, f"U_{g}", _p(h, h))
                setattr(self, f"b_{g}", _p(h))

        def pre(self, g, xt, ht):
            return xt @ getattr(self, f"W_{g}").T + ht @ getattr(self, f"U_{g}").T + getattr(self, f"b_{g}")

        def forward(self, xt, state):
            ht, ct, nt = state
            i = torch.exp(self.pre("i", xt, ht))
            f = torch.sigmoid(self.pre("f", xt, ht))
            o = torch.sigmoid(self.pre("o", xt, ht))
            cc = torch.tanh(self.pre("c", xt, ht))
            c = f * ct + i * cc
            n = f * nt + i
            hn = o * (c / n)
            return hn, (hn, c, n)

    return Cell()


# Same document, 3.2 mLSTM (expect: refuse, gates undefined). Best reading: K, V read x and
# h (W_k, W_v: d x x; U_k, U_v: d x d), Q = W_q x_t (d x x), no biases written; gates i, f, o
# taken as in the sLSTM section (W: d x x, U: d x d, b: d), vector-valued.
@_export
def socialxlstm_mlstm(x=7, d=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_k, self.U_k = _p(d, x), _p(d, d)
            self.W_v, self.U_v = _p(d, x), _p(d, d)
            self.W_q = _p(d, x)
            for g in "ifo":
                setattr(self, f"W_{g}", _p(d, x))
                setattr(self, f"U_{g}", _p(d, d))
                setattr(self, f"b_{g}", _p(d))

        def gate(self, g, xt, ht):
            return xt @ getattr(self, f"W_{g}").T + ht @ getattr(self, f"U_{g}").T + getattr(self, f"b_{g}")

        def forward(self, xt, state):
            ht, C, nt = state
            K = xt @ self.W_k.T + ht @ self.U_k.T
            V = xt @ self.W_v.T + ht @ self.U_v.T
            Q = xt @ self.W_q.T
            i = torch.exp(self.gate("i", xt, ht))
            f = torch.sigmoid(self.gate("f", xt, ht))
            o = torch.sigmoid(self.gate("o", xt, ht))
            C = f[:, :, None] * C + i[:, :, None] * (V[:, :, None] * K[:, None, :])
            n = f * nt + i * K
            den = torch.clamp((n * Q).sum(-1, keepdim=True).abs(), min=1.0)
            hn = o * ((C @ Q[:, :, None]).squeeze(-1) / den)
            return hn, (hn, C, n)

    return Cell()


# thmasq/xlstm-rs src/mingru.rs comment: z_t = sigma(Linear(x_t)), h~_t = Linear(x_t),
# h_t = (1 - z_t) * h_{t-1} + z_t * h~_t. Linear read as affine (weight h x x and bias h).
@_export
def xlstmrs_mingru(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.linear_z = nn.Linear(x, h)
            self.linear_h = nn.Linear(x, h)

        def forward(self, xt, ht):
            z = torch.sigmoid(self.linear_z(xt))
            return (1 - z) * ht + z * self.linear_h(xt)

    return Cell()


# stored file 61565945120, VLSTM docstring: f, g, o each W (h x x) + U (h x h) + b (h);
# peepholes V_f, V_o are elementwise ('*' is the elementwise product there): h each;
# coupled input gate i_t = 1 - f_t has no weights.
@_export
def vlstm_peephole_cifg(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_f, self.U_f, self.V_f, self.b_f = _p(h, x), _p(h, h), _p(h), _p(h)
            self.W_g, self.U_g, self.b_g = _p(h, x), _p(h, h), _p(h)
            self.W_o, self.U_o, self.V_o, self.b_o = _p(h, x), _p(h, h), _p(h), _p(h)

        def forward(self, xt, state):
            ht, ct = state
            f = torch.sigmoid(xt @ self.W_f.T + ht @ self.U_f.T + self.V_f * ct + self.b_f)
            i = 1 - f
            g = torch.tanh(xt @ self.W_g.T + ht @ self.U_g.T + self.b_g)
            c = f * ct + i * g
            o = torch.sigmoid(xt @ self.W_o.T + ht @ self.U_o.T + self.V_o * c + self.b_o)
            hn = o * torch.tanh(c)
            return hn, (hn, c)

    return Cell()


# stored file 12022677546, Theano LSTM docstring: '*' is the matrix product and '.*' the
# elementwise one, so W_* (h x X), H_* (h x h), b_* (h) for i, f, o, c and full peephole
# matrices V_i, V_f, V_o (h x h).
@_export
def theano_lstm_peephole_matrix(X=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            for g in "ifoc":
                setattr(self, f"W_{g}", _p(h, X))
                setattr(self, f"H_{g}", _p(h, h))
                setattr(self, f"b_{g}", _p(h))
            for g in "ifo":
                setattr(self, f"V_{g}", _p(h, h))

        def lin(self, g, xt, ht):
            return xt @ getattr(self, f"W_{g}").T + ht @ getattr(self, f"H_{g}").T + getattr(self, f"b_{g}")

        def forward(self, xt, state):
            ht, ct = state
            i = torch.sigmoid(self.lin("i", xt, ht) + ct @ self.V_i.T)
            f = torch.sigmoid(self.lin("f", xt, ht) + ct @ self.V_f.T)
            c = f * ct + i * torch.tanh(self.lin("c", xt, ht))
            o = torch.sigmoid(self.lin("o", xt, ht) + c @ self.V_o.T)
            hn = o * torch.tanh(c)
            return hn, (hn, c)

    return Cell()


# stored file 54926646255, IndiRNN docstring: W_in (m x d), u (m), readout c (m); no bias.
@_export
def indirnn_scalar_readout(d=7, m=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_in, self.u, self.c = _p(m, d), _p(m), _p(m)

        def forward(self, xt, ht):
            hn = torch.relu(xt @ self.W_in.T + self.u * ht)
            return (self.c * hn).sum(-1) / m ** 0.5, hn

    return Cell()


# stored file 60277702753, C++ MinLSTM comment: W_f, W_i, W_h (input_dim x hidden_size),
# b_f, b_i, b_h (1 x hidden_size); gates read x_t only; the MinGRU line is a contrast.
@_export
def cpp_minlstm(input_dim=7, hidden_size=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            for g in "fih":
                setattr(self, f"W_{g}", _p(input_dim, hidden_size))
                setattr(self, f"b_{g}", _p(1, hidden_size))

        def forward(self, xt, ht):
            f = torch.sigmoid(xt @ self.W_f + self.b_f)
            i = torch.sigmoid(xt @ self.W_i + self.b_i)
            c = xt @ self.W_h + self.b_h
            s = f + i
            return (f / s) * ht + (i / s) * c

    return Cell()


# archieren/mamba_test docs (expect: refuse). Best reading of the discrete form and its list:
# A (N x N), B (N x D), C (D x N); no D feedthrough.
@_export
def mambatest_lti_ssm(D=7, N=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.A, self.B, self.C = _p(N, N), _p(N, D), _p(D, N)

        def forward(self, xt, ht):
            hn = ht @ self.A.T + xt @ self.B.T
            return hn @ self.C.T, hn

    return Cell()


# kvnyu24/Nexus docs griffin.md, RGLRU: a = sigmoid(W_a x + b_a) with W_a (d_rec x d), b_a (d_rec);
# x~ = W_x x with W_x (d_rec x d), no bias; eps is a constant.
@_export
def nexus_griffin_rglru(d=7, d_rec=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_a, self.b_a, self.W_x = _p(d_rec, d), _p(d_rec), _p(d_rec, d)

        def forward(self, xt, ht):
            a = torch.sigmoid(xt @ self.W_a.T + self.b_a)
            xx = (xt @ self.W_x.T) * torch.sqrt(1 - a ** 2 + 1e-6)
            return a * ht + xx

    return Cell()


# stored file 60965217352, DamRec guide (single head, H=1): W_k, W_v, W_q (d x d, no bias);
# scalar gates alpha, beta each with W (1 x d) and b (1); preconditioner V, P has only the
# constants rho and eps (stop-gradient statistics, not parameters).
@_export
def damrec_gated_delta(d=7, H=1):
    assert H == 1

    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_k, self.W_v, self.W_q = _p(d, d), _p(d, d), _p(d, d)
            self.W_a, self.b_a = _p(1, d), _p(1)
            self.W_b, self.b_b = _p(1, d), _p(1)
            self.rho, self.eps = 0.99, 1e-8

        def forward(self, xt, state, t=1):
            S, V = state
            k, v, q = xt @ self.W_k.T, xt @ self.W_v.T, xt @ self.W_q.T
            a = torch.sigmoid(xt @ self.W_a.T + self.b_a)[..., None]
            b = torch.sigmoid(xt @ self.W_b.T + self.b_b)[..., None]
            r = a[..., 0] * (S @ k[..., None])[..., 0] - v
            G = r[..., :, None] * k[..., None, :]
            V = self.rho * V + (1 - self.rho) * (G * G).detach()
            P = torch.sqrt(V / (1 - self.rho ** t) + self.eps)
            S = a * S - b * (G / P)
            return (S @ q[..., None])[..., 0], (S, V)

    return Cell()
