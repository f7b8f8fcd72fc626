import torch
from torch import nn

__all__ = []


def _export(f):
    __all__.append(f.__name__)
    return f


def _p(*shape):
    return nn.Parameter(torch.randn(*shape) * 0.1)


# ---------------------------------------------------------------------------
# stored file 58402505653: Track 02 xLSTM README, sLSTM block (W_*, R_*, b_* for z,i,f,o)
# ---------------------------------------------------------------------------
@_export
def track02_slstm(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            for g in "zifo":
                setattr(self, f"W_{g}", _p(h, x))
                setattr(self, f"R_{g}", _p(h, h))
                setattr(self, f"b_{g}", _p(h))

        def forward(self, xt, state):
            hp, cp, npv = state
            pre = lambda g: xt @ getattr(self, f"W_{g}").T + hp @ getattr(self, f"R_{g}").T + getattr(self, f"b_{g}")
            z = torch.tanh(pre("z"))
            i = torch.exp(pre("i"))
            f = torch.sigmoid(pre("f"))
            o = torch.sigmoid(pre("o"))
            c = f * cp + i * z
            n = f * npv + i
            return o * (c / n), c, n
    return Cell()


# ---------------------------------------------------------------------------
# stored file 61991081858: MinimalRNNCell docstring
# W_phi [h,x], b_phi [h], W_u [h, h+h] (acts on [h_{t-1}, z_t], z_t has size h), b_u [h]
# ---------------------------------------------------------------------------
@_export
def fptt_minimalrnn(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_phi = _p(h, x)
            self.b_phi = _p(h)
            self.W_u = _p(h, 2 * h)
            self.b_u = _p(h)

        def forward(self, xt, hp):
            z = torch.tanh(xt @ self.W_phi.T + self.b_phi)
            u = torch.sigmoid(torch.cat([hp, z], -1) @ self.W_u.T + self.b_u)
            return u * hp + (1 - u) * z
    return Cell()


# ---------------------------------------------------------------------------
# stored file 22311715817: RWKV v1 note (refuse: channel-mix width of k'_t never given).
# Oracle assumes every projection is d x d: W_r, W_k, W_v, W_o, W'_r, W'_k, W'_v [d,d];
# mu_r, mu_k, mu_v, mu'_r, mu'_k [d]; w, u [d]
# ---------------------------------------------------------------------------
@_export
def rwkv_v1_note(d=5):
    class Block(nn.Module):
        def __init__(self):
            super().__init__()
            for n in ["W_r", "W_k", "W_v", "W_o", "Wc_r", "Wc_k", "Wc_v"]:
                setattr(self, n, _p(d, d))
            for n in ["mu_r", "mu_k", "mu_v", "muc_r", "muc_k", "w", "u"]:
                setattr(self, n, _p(d))

        def forward(self, xt, state):
            xp, num, den = state
            mix = lambda mu: mu * xt + (1 - mu) * xp
            r = mix(self.mu_r) @ self.W_r.T
            k = mix(self.mu_k) @ self.W_k.T
            v = mix(self.mu_v) @ self.W_v.T
            wkv = (num + torch.exp(self.u + k) * v) / (den + torch.exp(self.u + k))
            num = torch.exp(-self.w) * num + torch.exp(k) * v
            den = torch.exp(-self.w) * den + torch.exp(k)
            o = (torch.sigmoid(r) * wkv) @ self.W_o.T
            rc = mix(self.muc_r) @ self.Wc_r.T
            kc = mix(self.muc_k) @ self.Wc_k.T
            oc = torch.sigmoid(rc) * (torch.relu(kc) ** 2 @ self.Wc_v.T)
            return o + oc, (xt, num, den)
    return Block()


# ---------------------------------------------------------------------------
# stored file 62124880868: ONNX-to-Structured-Text generator, generate_gru_code docstring
# W_ir, W_iu, W_ih [h,x]; R_ir, R_iu, R_ih [h,h]; b_r, b_u, Wb_h, Rb_h [h]
# (lbr=1 and lbr=0 candidates use the same parameters; lbr=0 shown)
# ---------------------------------------------------------------------------
@_export
def st_gru_docstring(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self, lbr=0):
            super().__init__()
            self.lbr = lbr
            for n in ["W_ir", "W_iu", "W_ih"]:
                setattr(self, n, _p(h, x))
            for n in ["R_ir", "R_iu", "R_ih"]:
                setattr(self, n, _p(h, h))
            for n in ["b_r", "b_u", "Wb_h", "Rb_h"]:
                setattr(self, n, _p(h))

        def forward(self, xt, hp):
            r = torch.sigmoid(xt @ self.W_ir.T + hp @ self.R_ir.T + self.b_r)
            u = torch.sigmoid(xt @ self.W_iu.T + hp @ self.R_iu.T + self.b_u)
            if self.lbr:
                hh = torch.tanh(xt @ self.W_ih.T + r * (hp @ self.R_ih.T + self.Rb_h) + self.Wb_h)
            else:
                hh = torch.tanh(xt @ self.W_ih.T + (r * hp) @ self.R_ih.T + self.Wb_h + self.Rb_h)
            return u * hp + (1 - u) * hh
    return Cell()


# ---------------------------------------------------------------------------
# FilippoOlivo/SSM model_description.md, ## S4 (refuse: D learnable vs. omitted).
# Oracle keeps the four continuous-time parameters the prose calls learnable:
# A [N,N], B [N,1], C [1,N], D [1]; scalar input u; fixed step dt for the discretisation.
# ---------------------------------------------------------------------------
@_export
def ssm_report_s4(N=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.A = _p(N, N)
            self.B = _p(N, 1)
            self.C = _p(1, N)
            self.D = _p(1)

        def forward(self, uk, xp, dt=0.1):
            I = torch.eye(N)
            Ab = torch.linalg.solve(I - dt / 2 * self.A, I + dt / 2 * self.A)
            Bb = torch.linalg.solve(I - dt / 2 * self.A, dt * self.B)
            x = xp @ Ab.T + uk @ Bb.T
            return x @ self.C.T + self.D * uk, x
    return Cell()


# ---------------------------------------------------------------------------
# stored file 26115635560: Flax mLSTMCell docstring (single head, num_heads = 1 default)
# W_q, W_k, W_v, W_o [h,x]; b_q, b_k, b_v, b_o [h]; w_i, w_f [x]; b_i, b_f scalars
# ---------------------------------------------------------------------------
@_export
def flax_mlstm_cell(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            for g in "qkvo":
                setattr(self, f"W_{g}", _p(h, x))
                setattr(self, f"b_{g}", _p(h))
            self.w_i = _p(x)
            self.w_f = _p(x)
            self.b_i = _p(1)
            self.b_f = _p(1)

        def forward(self, xt, state):
            C, n, m = state
            q = xt @ self.W_q.T + self.b_q
            k = (xt @ self.W_k.T) / h ** 0.5 + self.b_k
            v = xt @ self.W_v.T + self.b_v
            log_i = xt @ self.w_i + self.b_i
            log_f = xt @ self.w_f + self.b_f
            o = torch.sigmoid(xt @ self.W_o.T + self.b_o)
            m_new = torch.maximum(log_f + m, log_i)
            i = torch.exp(log_i - m_new)[:, None]
            f = torch.exp(log_f + m - m_new)[:, None]
            C = f[:, :, None] * C + i[:, :, None] * v[:, :, None] * k[:, None, :]
            n = f * n + i * k
            den = torch.clamp((n * q).sum(-1, keepdim=True).abs(), min=1.0)
            return o * (C @ q[:, :, None])[:, :, 0] / den, (C, n, m_new)
    return Cell()


# ---------------------------------------------------------------------------
# stored file 69295453065: Chinese xLSTM knowledge-base entry, sLSTM sections
# W_z, W_i, W_f, W_o [d,x]; R_z, R_i, R_f, R_o [d,d]; b_z, b_i, b_f, b_o [d]
# ---------------------------------------------------------------------------
@_export
def zh_kb_slstm(x=7, d=5):
    return track02_slstm(x=x, h=d)


# ---------------------------------------------------------------------------
# stored file 5122512170: pseudocode string, LSTM WITH PEEPHOLE CONNECTIONS
# W_f, W_i, W_C, W_o [h, h+x] (act on [h_{t-1}, x_t] with @); W_cf, W_ci, W_co [h]
# (elementwise *, as in f_t * C_{t-1}); b_f, b_i, b_C, b_o [h]
# ---------------------------------------------------------------------------
@_export
def pseudo_peephole_lstm(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            for g in ["f", "i", "C", "o"]:
                setattr(self, f"W_{g}", _p(h, h + x))
                setattr(self, f"b_{g}", _p(h))
            for g in ["cf", "ci", "co"]:
                setattr(self, f"W_{g}", _p(h))

        def forward(self, xt, state):
            hp, Cp = state
            z = torch.cat([hp, xt], -1)
            f = torch.sigmoid(z @ self.W_f.T + self.W_cf * Cp + self.b_f)
            i = torch.sigmoid(z @ self.W_i.T + self.W_ci * Cp + self.b_i)
            C = f * Cp + i * torch.tanh(z @ self.W_C.T + self.b_C)
            o = torch.sigmoid(z @ self.W_o.T + self.W_co * C + self.b_o)
            return o * torch.tanh(C), C
    return Cell()


# ---------------------------------------------------------------------------
# stored file 30381000988: Chinese blog, LSTM with peepholes written as matrices
# (prose: W_xf ... W_co, W_oy are 权重矩阵 = weight matrices)
# W_xf, W_xi, W_xo, W_xc [h,x]; W_hf, W_hi, W_ho, W_hc [h,h]; W_cf, W_ci, W_co [h,h];
# W_oy [y,h]; b_f, b_i, b_o, b_c [h]; b_y [y]
# ---------------------------------------------------------------------------
@_export
def zh_blog_peephole_matrix_lstm(x=7, h=5, y=3):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            for g in "fioc":
                setattr(self, f"W_x{g}", _p(h, x))
                setattr(self, f"W_h{g}", _p(h, h))
                setattr(self, f"b_{g}", _p(h))
            for g in "fio":
                setattr(self, f"W_c{g}", _p(h, h))
            self.W_oy = _p(y, h)
            self.b_y = _p(y)

        def forward(self, xt, state):
            hp, cp = state
            L = lambda n, v: v @ getattr(self, n).T
            f = torch.sigmoid(L("W_xf", xt) + L("W_hf", hp) + L("W_cf", cp) + self.b_f)
            i = torch.sigmoid(L("W_xi", xt) + L("W_hi", hp) + L("W_ci", cp) + self.b_i)
            o = torch.sigmoid(L("W_xo", xt) + L("W_ho", hp) + L("W_co", cp) + self.b_o)
            c = f * cp + i * torch.tanh(L("W_xc", xt) + L("W_hc", hp) + self.b_c)
            hn = o * torch.tanh(c)
            return L("W_oy", hn) + self.b_y, (hn, c)
    return Cell()


# ---------------------------------------------------------------------------
# stored file 4828990466: minGRU baseline, docstring + __init__ (fused projection, bias=False)
# to_hidden_and_gate [2*dim_inner, dim], no bias; to_out only when expansion_factor != 1.0
# ---------------------------------------------------------------------------
@_export
def ladder_mingru(dim=5, expansion_factor=1.0):
    class Layer(nn.Module):
        def __init__(self):
            super().__init__()
            self.dim_inner = int(dim * expansion_factor)
            self.to_hidden_and_gate = nn.Linear(dim, self.dim_inner * 2, bias=False)
            self.proj_out = expansion_factor != 1.0
            if self.proj_out:
                self.to_out = nn.Linear(self.dim_inner, dim, bias=False)

        def forward(self, xt, hp):
            hid, gate = self.to_hidden_and_gate(xt).chunk(2, dim=-1)
            z = torch.sigmoid(gate)
            h = (1 - z) * hp + z * hid
            return self.to_out(h) if self.proj_out else h, h
    return Layer()


# ---------------------------------------------------------------------------
# stored file 59693367960: Rust IndRNN layer, Russian doc comment
# W [input_dim, input_dim], u [input_dim], b [input_dim]  (hidden size = input_dim)
# ---------------------------------------------------------------------------
@_export
def rust_ru_indrnn(input_dim=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W = _p(input_dim, input_dim)
            self.u = _p(input_dim)
            self.b = _p(input_dim)

        def forward(self, xt, hp):
            return torch.relu(xt @ self.W.T + self.u * hp + self.b)
    return Cell()


# ---------------------------------------------------------------------------
# stored file 61875031139: LRUCell docstring + __init__ (real/imag split state)
# nu, theta [H]; B_re, B_im [H, u]; C [H, 2H]; D [H, u] (use_d_feedthrough=True); gamma derived
# ---------------------------------------------------------------------------
@_export
def lrucell_reim(u=7, H=5, use_d_feedthrough=True):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.nu = _p(H)
            self.theta = _p(H)
            self.B_re = nn.Linear(u, H, bias=False)
            self.B_im = nn.Linear(u, H, bias=False)
            self.C = nn.Linear(2 * H, H, bias=False)
            self.use_d = use_d_feedthrough
            if use_d_feedthrough:
                self.D = nn.Linear(u, H, bias=False)

        def forward(self, ut, h):
            hr, hi = h[:, :H], h[:, H:]
            r = torch.exp(-torch.exp(self.nu))
            ph = torch.exp(self.theta)
            lr, li = r * torch.cos(ph), r * torch.sin(ph)
            g = torch.sqrt(torch.clamp(1 - r ** 2, min=1e-6))
            nr = lr * hr - li * hi + g * self.B_re(ut)
            ni = lr * hi + li * hr + g * self.B_im(ut)
            hn = torch.cat([nr, ni], -1)
            y = self.C(hn) + (self.D(ut) if self.use_d else 0)
            return y, hn
    return Cell()


# ---------------------------------------------------------------------------
# stored file 40825592252: "Basic knowledges about LSTM", ## 4.mLSTM (Krause multiplicative LSTM, no biases)
# W_mx [m,x], W_mh [m,h]; W_hx, W_ix, W_ox, W_fx [h,x]; W_hh, W_ih, W_oh, W_fh [h,m]
# ---------------------------------------------------------------------------
@_export
def notes_mlstm_nobias(x=7, h=5, m=3):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_mx = _p(m, x)
            self.W_mh = _p(m, h)
            for g in "hiof":
                setattr(self, f"W_{g}x", _p(h, x))
                setattr(self, f"W_{g}m", _p(h, m))

        def forward(self, xt, state):
            hp, cp = state
            mt = (xt @ self.W_mx.T) * (hp @ self.W_mh.T)
            pre = lambda g: xt @ getattr(self, f"W_{g}x").T + mt @ getattr(self, f"W_{g}m").T
            hh = pre("h")
            i, o, f = torch.sigmoid(pre("i")), torch.sigmoid(pre("o")), torch.sigmoid(pre("f"))
            c = f * cp + i * hh
            return torch.tanh(c * o), c
    return Cell()


# ---------------------------------------------------------------------------
# stored file 48187179961: QRNN-style conv gates, comment block + ConvLayer
# one nn.Conv1d(x, 4*h, kernel_size=2) with bias; pooling c = f*c + i*z, h = o*c has no weights
# ---------------------------------------------------------------------------
@_export
def qrnn_convlayer(x=7, h=5):
    class Layer(nn.Module):
        def __init__(self):
            super().__init__()
            self.conv = nn.Conv1d(x, h * 4, kernel_size=2, padding=1)

        def forward(self, X):  # X: (batch, x, T)
            out = self.conv(X)[:, :, :-1]
            Z, F, O, I = out.chunk(4, dim=1)
            Z, F, O, I = torch.tanh(Z), torch.sigmoid(F), torch.sigmoid(O), torch.sigmoid(I)
            c = torch.zeros_like(Z[:, :, 0])
            hs = []
            for t in range(X.shape[2]):
                c = F[:, :, t] * c + I[:, :, t] * Z[:, :, t]
                hs.append(O[:, :, t] * c)
            return torch.stack(hs, 2)
    return Layer()


# ---------------------------------------------------------------------------
# stored file 53321756116: Keras IndRNN stack module docstring, Technical Details
# W [h,x] (matrix), u [h] (VECTOR), b [h]
# ---------------------------------------------------------------------------
@_export
def trading_indrnn(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W = _p(h, x)
            self.u = _p(h)
            self.b = _p(h)

        def forward(self, xt, hp):
            return torch.relu(xt @ self.W.T + self.u * hp + self.b)
    return Cell()
