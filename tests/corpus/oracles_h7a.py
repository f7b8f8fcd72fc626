import torch
from torch import nn

__all__ = []


def _export(f):
    __all__.append(f.__name__)
    return f


def _p(*shape):
    return nn.Parameter(torch.randn(*shape) * 0.1)


# ---------------------------------------------------------------------------
# stored file 54964185533: SafeC std/ml recurrent cells header (row vectors, x_t @ W)
# ---------------------------------------------------------------------------
@_export
def safec_gru(x=7, h=5):
    """W_i? [x,h], W_h? [h,h], b_i?, b_h? [1,h] for r, z, n."""
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            for g in "rzn":
                setattr(self, f"W_i{g}", _p(x, h))
                setattr(self, f"W_h{g}", _p(h, h))
                setattr(self, f"b_i{g}", _p(1, h))
                setattr(self, f"b_h{g}", _p(1, h))

        def forward(self, xt, hp):
            g = lambda k: getattr(self, k)
            r = torch.sigmoid(xt @ g("W_ir") + hp @ g("W_hr") + g("b_ir") + g("b_hr"))
            z = torch.sigmoid(xt @ g("W_iz") + hp @ g("W_hz") + g("b_iz") + g("b_hz"))
            n = torch.tanh(xt @ g("W_in") + g("b_in") + r * (hp @ g("W_hn") + g("b_hn")))
            return (1 - z) * n + z * hp
    return Cell()


@_export
def safec_slstm(x=7, h=5):
    """sLSTM: W? [x,h], R? [h,h], b? [1,h] for z, i, f, o; m is a state, not a weight."""
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            for g in "zifo":
                setattr(self, f"W{g}", _p(x, h))
                setattr(self, f"R{g}", _p(h, h))
                setattr(self, f"b{g}", _p(1, h))

        def forward(self, xt, hp, cp, np_):
            a = {g: xt @ getattr(self, f"W{g}") + hp @ getattr(self, f"R{g}") + getattr(self, f"b{g}") for g in "zifo"}
            m_prev = torch.zeros(xt.shape[0], 1)
            z = torch.tanh(a["z"]); o = torch.sigmoid(a["o"])
            m = torch.maximum(a["f"] + m_prev, a["i"])
            i = torch.exp(a["i"] - m); f = torch.exp(a["f"] + m_prev - m)
            c = f * cp + i * z
            n = f * np_ + i
            return o * (c / n), c, n
    return Cell()


# ---------------------------------------------------------------------------
# stored file 66095776142: MQL5 TinyRecursiveModel, MGU_Step
# ---------------------------------------------------------------------------
@_export
def mql5_mgu(x=7, h=5):
    """W_f [h,x], U_f [h,h], b_f [h]; W_h [h,x], U_h [h,h], b_h [h]."""
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_f = _p(h, x); self.U_f = _p(h, h); self.b_f = _p(h)
            self.W_h = _p(h, x); self.U_h = _p(h, h); self.b_h = _p(h)

        def forward(self, xt, hp):
            f = torch.sigmoid(xt @ self.W_f.T + hp @ self.U_f.T + self.b_f)
            ht = torch.tanh(xt @ self.W_h.T + (f * hp) @ self.U_h.T + self.b_h)
            return (1 - f) * hp + f * ht
    return Cell()


# ---------------------------------------------------------------------------
# stored file 32921086145: MATLAB nn_lstm_1_layer.m (column vectors, PyTorch-style *_l0 names)
# ---------------------------------------------------------------------------
@_export
def matlab_lstm_linout(x=7, h=5, output_dim=3):
    """w_i?_l0 [h,x], w_h?_l0 [h,h], b_i?_l0, b_h?_l0 [h,1] for i,f,g,o; weight_linout [out,h], bias_linout [out,1]."""
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.lstm = nn.LSTMCell(x, h)
            self.linout = nn.Linear(h, output_dim)

        def forward(self, xk, hp, cp):
            hk, ck = self.lstm(xk, (hp, cp))
            return self.linout(hk), hk, ck
    return Cell()


# ---------------------------------------------------------------------------
# stored file 41638212182: Gleam viva_tensor recurrent module, gru_forward (one bias per gate)
# ---------------------------------------------------------------------------
@_export
def gleam_gru(x=7, h=5):
    """W_r_i, W_z_i, W_n_i [h,x]; W_r_h, W_z_h, W_n_h [h,h]; b_r, b_z, b_n [h]; reset applied after W_n_h @ h."""
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            for g in "rzn":
                setattr(self, f"W_{g}_i", _p(h, x))
                setattr(self, f"W_{g}_h", _p(h, h))
                setattr(self, f"b_{g}", _p(h))

        def forward(self, xt, hp):
            g = lambda k: getattr(self, k)
            r = torch.sigmoid(xt @ g("W_r_i").T + hp @ g("W_r_h").T + g("b_r"))
            z = torch.sigmoid(xt @ g("W_z_i").T + hp @ g("W_z_h").T + g("b_z"))
            n = torch.tanh(xt @ g("W_n_i").T + r * (hp @ g("W_n_h").T) + g("b_n"))
            return (1 - z) * n + z * hp
    return Cell()


# ---------------------------------------------------------------------------
# stored file 28187393951: Java cn.standardai Lstm.forward comments (concatenation [h_t-1, x_t])
# ---------------------------------------------------------------------------
@_export
def standardai_lstm(x=7, h=5):
    """w_f, w_i, w_c, w_o act on [h_t-1, x_t] (h+x) -> h, each with a bias b_? [h]."""
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            for g in "fico":
                setattr(self, f"w_{g}", _p(h + x, h))
                setattr(self, f"b_{g}", _p(h))

        def forward(self, xt, hp, cp):
            X = torch.cat([hp, xt], 1)
            a = {g: X @ getattr(self, f"w_{g}") + getattr(self, f"b_{g}") for g in "fico"}
            f, i, o = (torch.sigmoid(a[k]) for k in "fio")
            c = f * cp + i * torch.tanh(a["c"])
            return o * torch.tanh(c), c
    return Cell()


# ---------------------------------------------------------------------------
# stored file 59539037243: RustGPT Phase 5.6.5 doc (Markdown)
# ---------------------------------------------------------------------------
@_export
def rustgpt_ssm(embed_dim=7, state_dim=5):
    """A [state_dim,state_dim], B [state_dim,embed_dim], C [embed_dim,state_dim], D [embed_dim,embed_dim]."""
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.A = _p(state_dim, state_dim); self.B = _p(state_dim, embed_dim)
            self.C = _p(embed_dim, state_dim); self.D = _p(embed_dim, embed_dim)

        def forward(self, xt, hp):
            ht = hp @ self.A.T + xt @ self.B.T
            return ht @ self.C.T + xt @ self.D.T, ht
        example_inputs = staticmethod(lambda B: [torch.randn(B, embed_dim), torch.randn(B, state_dim)])
    return Cell()


@_export
def rustgpt_rglru(x=7, h=5):
    """W_f, W_r, W_o map x_t (x) to h; no biases."""
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_f = _p(h, x); self.W_r = _p(h, x); self.W_o = _p(h, x)

        def forward(self, xt, hp):
            f = torch.sigmoid(xt @ self.W_f.T)
            r = xt @ self.W_r.T
            ht = f * hp + (1 - f) * r
            return ht * torch.sigmoid(xt @ self.W_o.T), ht
    return Cell()


# ---------------------------------------------------------------------------
# mratsim/Arraymancer, gru_cell_forward (Nim): cuDNN-style GRU, two bias sets
# ---------------------------------------------------------------------------
@_export
def arraymancer_gru(x=7, h=5):
    """w_input [3h, x], w_recur [3h, h], b_input and b_recur [1, 3h]; reset after Rn*h: same as torch GRUCell."""
    return nn.GRUCell(x, h)


# ---------------------------------------------------------------------------
# embARC MLI GRU cell doc (rst): row vectors x_t W_xz, one bias per gate, reset before the matmul
# ---------------------------------------------------------------------------
@_export
def embarc_gru(N=7, M=5):
    """W_xz, W_xr, W_xu [N, M]; W_hz, W_hr, W_hu [M, M]; b_z, b_r, b_e [M]."""
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            for g in "zru":
                setattr(self, f"W_x{g}", _p(N, M))
                setattr(self, f"W_h{g}", _p(M, M))
            self.b_z = _p(M); self.b_r = _p(M); self.b_e = _p(M)

        def forward(self, xt, hp):
            z = torch.sigmoid(xt @ self.W_xz + hp @ self.W_hz + self.b_z)
            r = torch.sigmoid(xt @ self.W_xr + hp @ self.W_hr + self.b_r)
            ht = torch.tanh(xt @ self.W_xu + (r * hp) @ self.W_hu + self.b_e)
            return z * hp + (1 - z) * ht
        example_inputs = staticmethod(lambda B: [torch.randn(B, N), torch.randn(B, M)])
    return Cell()


# ---------------------------------------------------------------------------
# stored file 56780496292: TypeScript fused RNN forward kernel (tile-IR), JSDoc with bindings
# ---------------------------------------------------------------------------
@_export
def tileir_rnn(vocabSize=7, hiddenSize=5):
    """embed [V,H], w_hh [H,H], b_hh [H], w_out [V,H], b_out [V]."""
    V, H = vocabSize, hiddenSize

    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.embed = _p(V, H); self.w_hh = _p(H, H); self.b_hh = _p(H)
            self.w_out = _p(V, H); self.b_out = _p(V)

        def forward(self, tok, hp):
            ht = torch.tanh(self.embed[tok] + hp @ self.w_hh.T + self.b_hh)
            return ht @ self.w_out.T + self.b_out, ht
        example_inputs = staticmethod(lambda B: [torch.randint(0, V, (B,)), torch.randn(B, H)])
    return Cell()



# ---------------------------------------------------------------------------
# stored file 41633769863: Rust recurrent module, LSTM built from eight Linear layers (refuse snippet)
# ---------------------------------------------------------------------------
@_export
def rustlinear_lstm(x=7, h=5):
    """As implemented: eight Linear layers, each with weight and bias (the module's own test counts
    weight + bias per Linear) -> 280 at x=7, h=5; the doc equations alone write one bias per gate (260)."""
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            for g in "figo":
                setattr(self, f"w_i{g}", nn.Linear(x, h))
                setattr(self, f"w_h{g}", nn.Linear(h, h))

        def forward(self, xt, hp, cp):
            a = {g: getattr(self, f"w_i{g}")(xt) + getattr(self, f"w_h{g}")(hp) for g in "figo"}
            f, i, o = (torch.sigmoid(a[k]) for k in "fio")
            c = f * cp + i * torch.tanh(a["g"])
            return o * torch.tanh(c), c
    return Cell()


# ---------------------------------------------------------------------------
# stored file 36195083844: Swift MLX GRUCell (Wx, Wh, b [3h], bhn [h])
# ---------------------------------------------------------------------------
@_export
def mlxswift_gru(x=7, h=5):
    """Wx [3h, x], Wh [3h, h], input bias b [3h], recurrent bias for the new gate only bhn [h]."""
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.Wx = _p(3 * h, x); self.Wh = _p(3 * h, h)
            self.b = _p(3 * h); self.bhn = _p(h)

        def forward(self, xt, hp):
            xp = xt @ self.Wx.T + self.b
            hpj = hp @ self.Wh.T
            r, z = torch.sigmoid(xp[:, :2 * h] + hpj[:, :2 * h]).chunk(2, -1)
            n = torch.tanh(xp[:, 2 * h:] + r * (hpj[:, 2 * h:] + self.bhn))
            return (1 - z) * n + z * hp
    return Cell()


# ---------------------------------------------------------------------------
# stored file 4786590970: CUDA LSTM kernel header comment (x and h both `dim`)
# ---------------------------------------------------------------------------
@_export
def cudabf16_lstm(dim=5):
    """W_f, W_i, W_o, W_c [dim, dim]; U_f, U_i, U_o, U_c [dim, dim]; b_f, b_i, b_o, b_c [dim]."""
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            for g in "fioc":
                setattr(self, f"W_{g}", _p(dim, dim))
                setattr(self, f"U_{g}", _p(dim, dim))
                setattr(self, f"b_{g}", _p(dim))

        def forward(self, xt, hp, cp):
            a = {g: xt @ getattr(self, f"W_{g}").T + hp @ getattr(self, f"U_{g}").T + getattr(self, f"b_{g}") for g in "fioc"}
            f, i, o = (torch.sigmoid(a[k]) for k in "fio")
            c = f * cp + i * torch.tanh(a["c"])
            return o * torch.tanh(c), c
        example_inputs = staticmethod(lambda B: [torch.randn(B, dim), torch.randn(B, dim), torch.randn(B, dim)])
    return Cell()


# ---------------------------------------------------------------------------
# stored file 7393181410: Julia from-scratch LSTM (Japanese comments), W? [h, x+h] on [x_t; h_prev]
# ---------------------------------------------------------------------------
@_export
def julia_ja_lstm(x=7, h=5):
    """Wi, Wf, Wo, Wc [hidden_size, input_size + hidden_size]; bi, bf, bo, bc [hidden_size]."""
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            for g in "ifoc":
                setattr(self, f"W{g}", _p(h, x + h))
                setattr(self, f"b{g}", _p(h))

        def forward(self, xt, hp, cp):
            z = torch.cat([xt, hp], 1)
            a = {g: z @ getattr(self, f"W{g}").T + getattr(self, f"b{g}") for g in "ifoc"}
            i, f, o = (torch.sigmoid(a[k]) for k in "ifo")
            c = f * cp + i * torch.tanh(a["c"])
            return o * torch.tanh(c), c
    return Cell()


# ---------------------------------------------------------------------------
# stored file 70399220530: Rust candle GruBaseline (refuse snippet): embed, w_x and w_h Linear(C, 3C), readout
# ---------------------------------------------------------------------------
@_export
def candle_grubaseline(channels=5, vocab_size=7):
    """As implemented with candle_nn::linear (weight + bias): embed [V, C], w_x and w_h C -> 3C with bias,
    readout C -> V with bias -> 257 at C=5, V=7."""
    C, V = channels, vocab_size

    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.embed = nn.Embedding(V, C)
            self.w_x = nn.Linear(C, 3 * C); self.w_h = nn.Linear(C, 3 * C)
            self.readout = nn.Linear(C, V)

        def forward(self, tok, hp):
            xt = self.embed(tok)
            gx, gh = self.w_x(xt), self.w_h(hp)
            r = torch.sigmoid(gx[:, :C] + gh[:, :C]); z = torch.sigmoid(gx[:, C:2 * C] + gh[:, C:2 * C])
            n = torch.tanh(gx[:, 2 * C:] + r * gh[:, 2 * C:])
            ht = (1 - z) * hp + z * n
            return self.readout(ht), ht
        example_inputs = staticmethod(lambda B: [torch.randint(0, V, (B,)), torch.randn(B, C)])
    return Cell()
