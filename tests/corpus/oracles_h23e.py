import torch
from torch import nn

__all__ = []


def _export(f):
    __all__.append(f.__name__)
    return f


def _p(*shape):
    return nn.Parameter(torch.randn(*shape) * 0.1)


# stored file id 52591927301 (Rust nove crate, doc comment of pub struct LstmCell). PyTorch-style LSTM
# cell: weight_ih [4h, x], weight_hh [4h, h], bias_ih [4h], bias_hh [4h] (two biases per gate, b_ii + b_hi,
# marked optional but written in every equation). 4h(x + h) + 8h.
@_export
def h23e_nove_lstmcell(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.weight_ih, self.weight_hh = _p(4 * h, x), _p(4 * h, h)
            self.bias_ih, self.bias_hh = _p(4 * h), _p(4 * h)

        def forward(self, xt, state):
            hp, cp = state
            g = self.weight_ih @ xt + self.bias_ih + self.weight_hh @ hp + self.bias_hh
            i, f, o, gg = g.split(h)  # order as written: i, f, o, g
            i, f, o, gg = torch.sigmoid(i), torch.sigmoid(f), torch.sigmoid(o), torch.tanh(gg)
            c = f * cp + i * gg
            return o * torch.tanh(c), c

    return Cell()


# stored file id 63423928493 (Rust NY verifier, //! module doc of the LSTM translation). Marked refuse:
# "(+ bias split)" leaves one 4H bias or two. Most plausible reading (the file's code splits a single
# [4H] bias 50/50 between the two products): weight_ih [4H, input], weight_hh [4H, hidden], one bias [4H].
# 4H(input + hidden) + 4H.
@_export
def h23e_nylstm_lstm(input=7, hidden=5):
    H = hidden

    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.weight_ih, self.weight_hh, self.bias = _p(4 * H, input), _p(4 * H, H), _p(4 * H)

        def forward(self, xt, state):
            hp, cp = state
            gates_ih = self.weight_ih @ xt + self.bias / 2
            gates_hh = self.weight_hh @ hp + self.bias / 2
            i, f, g, o = (gates_ih + gates_hh).chunk(4)
            c = torch.sigmoid(f) * cp + torch.sigmoid(i) * torch.tanh(g)
            return torch.sigmoid(o) * torch.tanh(c), c

    return Cell()


# stored file id 9959813095 (C++ LSTM.h, struct Gate and struct Cell comments). Marked refuse: the cell
# update is not written and the packed 3n_s x 4n matrix W (n = max(n_s, n_x)+1) differs from its used
# slices. Most plausible reading: the 11 used affine matrices on augmented vectors (bias column first):
# gate 0: W_v [n_s, n_s+1], W_x [n_s, n_x+1]; gates 1-3: W_v, W_s [n_s, n_s+1], W_x [n_s, n_x+1].
# 7 n_s(n_s+1) + 4 n_s(n_x+1).
@_export
def h23e_lstmh_gate(n_s=5, n_x=7):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_v = nn.ParameterList([_p(n_s, n_s + 1) for _ in range(4)])
            self.W_s = nn.ParameterList([_p(n_s, n_s + 1) for _ in range(3)])  # gates 1-3
            self.W_x = nn.ParameterList([_p(n_s, n_x + 1) for _ in range(4)])

        def forward(self, x, state):
            v, s = state
            one = torch.ones(1)
            va, sa, xa = torch.cat([one, v]), torch.cat([one, s]), torch.cat([one, x])
            g0 = 2 * torch.sigmoid(self.W_v[0] @ va + self.W_x[0] @ xa) - 1
            g = [torch.sigmoid(self.W_v[k] @ va + self.W_s[k - 1] @ sa + self.W_x[k] @ xa) for k in (1, 2, 3)]
            s_new = g[0] * g0 + g[1] * s
            v_new = g[2] * (2 * torch.sigmoid(s_new) - 1)
            return v_new, s_new

    return Cell()


# stored file id 52319381527 (WGSL gru_cell.wgsl header comment and struct Params). W_r, W_z, W_n [h, x],
# U_r, U_z, U_n [h, h], one bias per gate b_r, b_z, b_n [h]; reset applied after U_n. 3h(x + h) + 3h.
@_export
def h23e_wgslgru_gru(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_r, self.U_r, self.b_r = _p(h, x), _p(h, h), _p(h)
            self.W_z, self.U_z, self.b_z = _p(h, x), _p(h, h), _p(h)
            self.W_n, self.U_n, self.b_n = _p(h, x), _p(h, h), _p(h)

        def forward(self, xt, hp):
            r = torch.sigmoid(self.W_r @ xt + self.U_r @ hp + self.b_r)
            z = torch.sigmoid(self.W_z @ xt + self.U_z @ hp + self.b_z)
            n = torch.tanh(self.W_n @ xt + r * (self.U_n @ hp) + self.b_n)
            return (1 - z) * n + z * hp

    return Cell()


# stored file id 4370947167 (C++ Intel vpux DecomposeGRUCell pass, "GRUCell formula" comment). Wz, Wr, Wh
# [H, X], Rz, Rr, Rh [H, H], six biases Wbz, Wbr, Wbh, Rbz, Rbr, Rbh [H] (both linear_before_reset
# variants use the same six). 3H(X + H) + 6H. Forward: the default variant (linear_before_reset = 0).
@_export
def h23e_vpux_gru(X=7, H=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.Wz, self.Wr, self.Wh = _p(H, X), _p(H, X), _p(H, X)
            self.Rz, self.Rr, self.Rh = _p(H, H), _p(H, H), _p(H, H)
            self.Wbz, self.Wbr, self.Wbh = _p(H), _p(H), _p(H)
            self.Rbz, self.Rbr, self.Rbh = _p(H), _p(H), _p(H)

        def forward(self, x, hp):
            z = torch.sigmoid(x @ self.Wz.T + hp @ self.Rz.T + self.Wbz + self.Rbz)
            r = torch.sigmoid(x @ self.Wr.T + hp @ self.Rr.T + self.Wbr + self.Rbr)
            ht = torch.tanh(x @ self.Wh.T + (r * hp) @ self.Rh.T + self.Rbh + self.Wbh)
            return (1 - z) * ht + z * hp

    return Cell()


# stored file id 57951086600 (Go goai nn, MLSTM doc comment, struct, NewMLSTM and Params). Five Linear
# projections with weight and bias ("the five projections' W and bias"): Wq, Wk, Wv [DModel -> DModel],
# Wi, Wf [DModel -> Heads] (one scalar gate per head). 3(DModel^2 + DModel) + 2(DModel*Heads + Heads).
# Forward: one recurrent step per head (sigmoid forget, exponential input, keys scaled by 1/sqrt(d)).
@_export
def h23e_goai_mlstm(DModel=8, Heads=2):
    d = DModel // Heads

    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.Wq, self.Wk, self.Wv = (nn.Linear(DModel, DModel) for _ in range(3))
            self.Wi, self.Wf = nn.Linear(DModel, Heads), nn.Linear(DModel, Heads)

        def forward(self, x, state):
            C, n = state  # C [Heads, d, d], n [Heads, d]
            q = self.Wq(x).view(Heads, d)
            k = self.Wk(x).view(Heads, d) / d ** 0.5
            v = self.Wv(x).view(Heads, d)
            i = torch.exp(self.Wi(x)).view(Heads, 1)
            f = torch.sigmoid(self.Wf(x)).view(Heads, 1)
            C = f.unsqueeze(-1) * C + i.unsqueeze(-1) * (v.unsqueeze(-1) * k.unsqueeze(-2))
            n = f * n + i * k
            num = (C @ q.unsqueeze(-1)).squeeze(-1)
            den = torch.clamp((n * q).sum(-1, keepdim=True).abs(), min=1.0)
            return (num / den).reshape(DModel), (C, n)

    return Cell()


# stored file id 49759707185 (C/WASM DeepFilterNet3 port, comment of dfn3_gru_cell). ONNX packed layout:
# W [3H, input_size], R [3H, H], B [6H] (Wb_z, Wb_r, Wb_h, Rb_z, Rb_r, Rb_h). 3H(input_size + H) + 6H.
@_export
def h23e_dfn3_gru(input_size=7, H=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W, self.R, self.B = _p(3 * H, input_size), _p(3 * H, H), _p(6 * H)

        def forward(self, x, hp):
            Wz, Wr, Wh = self.W.split(H)
            Rz, Rr, Rh = self.R.split(H)
            Wbz, Wbr, Wbh, Rbz, Rbr, Rbh = self.B.split(H)
            z = torch.sigmoid(Wz @ x + Rbz + Rz @ hp + Wbz)
            r = torch.sigmoid(Wr @ x + Rbr + Rr @ hp + Wbr)
            h_hat = torch.tanh(Wh @ x + Wbh + r * (Rh @ hp + Rbh))
            return (1 - z) * h_hat + z * hp

    return Cell()


# stored file id 53611678789 (TypeScript GRU reference implementation, GruWeights and gruStep). W_z, W_r, W_h
# [hiddenSize, inputSize], U_z, U_r, U_h [hiddenSize, hiddenSize], b_z, b_r, b_h [hiddenSize].
# 3*hiddenSize*(inputSize + hiddenSize) + 3*hiddenSize.
@_export
def h23e_tsgru_gru(inputSize=7, hiddenSize=5):
    h, x = hiddenSize, inputSize

    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_z, self.U_z, self.b_z = _p(h, x), _p(h, h), _p(h)
            self.W_r, self.U_r, self.b_r = _p(h, x), _p(h, h), _p(h)
            self.W_h, self.U_h, self.b_h = _p(h, x), _p(h, h), _p(h)

        def forward(self, xt, hp):
            z = torch.sigmoid(self.W_z @ xt + self.U_z @ hp + self.b_z)
            r = torch.sigmoid(self.W_r @ xt + self.U_r @ hp + self.b_r)
            n = torch.tanh(self.W_h @ xt + r * (self.U_h @ hp) + self.b_h)
            return (1 - z) * n + z * hp

    return Cell()


# stored file id 71016699670 (Zig recurrent.zig, RNNCell doc comment, formula string and init). Marked
# refuse: doc comment has one bias b, the formula string b_ih and b_hh. Most plausible reading (two Linear
# modules, each with its bias, as the formula string says): W_ih [h, x], b_ih [h], W_hh [h, h], b_hh [h].
# h(x + h) + 2h.
@_export
def h23e_zigrnn_rnn(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.weight_ih, self.weight_hh = nn.Linear(x, h), nn.Linear(h, h)

        def forward(self, xt, hp):
            return torch.tanh(self.weight_ih(xt) + self.weight_hh(hp))

    return Cell()


# stored file id 4046025333 (Java com.aiprogramming.ch09.core.GRUCell javadoc and fields). W_z, W_r, W_h
# each [h, h + x] on the concatenation [h_{t-1}, x_t] (the candidate on [r_t * h_{t-1}, x_t]), biases
# b_z, b_r, b_h [h]. 3h(h + x) + 3h.
@_export
def h23e_aiprog_gru(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_z, self.b_z = _p(h, h + x), _p(h)
            self.W_r, self.b_r = _p(h, h + x), _p(h)
            self.W_h, self.b_h = _p(h, h + x), _p(h)

        def forward(self, xt, hp):
            hx = torch.cat([hp, xt])
            z = torch.sigmoid(self.W_z @ hx + self.b_z)
            r = torch.sigmoid(self.W_r @ hx + self.b_r)
            ht = torch.tanh(self.W_h @ torch.cat([r * hp, xt]) + self.b_h)
            return (1 - z) * hp + z * ht

    return Cell()


# stored file id 19091573274 (Python IndRNN_onlyrecurrent docstring). Only the recurrent part: the vector
# w_hh [hidden_size] applied element-wise; w_ih * x + b_ih is done before the module (input_t already
# projected, input_size = hidden_size). hidden_size.
@_export
def h23e_indrnnrec_indrnn(hidden_size=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.weight_hh = _p(hidden_size)

        def forward(self, inp, hp):
            return torch.relu(inp + self.weight_hh * hp)

    return Cell()


# stored file id 1377956775 (Python PyNeuraLogic-style RNN module docstring). W_ih [hidden_size, input_size],
# W_hh [hidden_size, hidden_size], no bias; act is a parameter-free activation (tanh here).
# hidden_size(input_size + hidden_size).
@_export
def h23e_neuralogic_rnn(input_size=7, hidden_size=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_ih, self.W_hh = _p(hidden_size, input_size), _p(hidden_size, hidden_size)

        def forward(self, xt, hp):
            return torch.tanh(self.W_ih @ xt + self.W_hh @ hp)

    return Cell()


# stored file id 35250546294 (Python/NumPy MinGRUCell docstring and __init__). Linear_z, Linear_h:
# LinearLayer(input_size, hidden_size), read as affine maps with a bias (guess). 2(hidden_size*input_size
# + hidden_size).
@_export
def h23e_npmingru_mingru(input_size=7, hidden_size=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.linear_z, self.linear_h = nn.Linear(input_size, hidden_size), nn.Linear(input_size, hidden_size)

        def forward(self, xt, hp):
            z = torch.sigmoid(self.linear_z(xt))
            h_tilde = self.linear_h(xt)
            return (1 - z) * hp + z * h_tilde

    return Cell()


# stored file id 58157681272 (Rust coeus_nn LSTM module doc and struct Lstm). Sixteen per-gate fields:
# weight_ih_{i,f,g,o} [h, x], weight_hh_{i,f,g,o} [h, h], bias_ih_* and bias_hh_* [h] (Option, counted).
# 4h(x + h) + 8h.
@_export
def h23e_coeus_lstm(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            for g in "ifgo":
                setattr(self, f"weight_ih_{g}", _p(h, x))
                setattr(self, f"weight_hh_{g}", _p(h, h))
                setattr(self, f"bias_ih_{g}", _p(h))
                setattr(self, f"bias_hh_{g}", _p(h))

        def pre(self, g, xt, hp):
            return (getattr(self, f"weight_ih_{g}") @ xt + getattr(self, f"weight_hh_{g}") @ hp
                    + getattr(self, f"bias_ih_{g}") + getattr(self, f"bias_hh_{g}"))

        def forward(self, xt, state):
            hp, cp = state
            i = torch.sigmoid(self.pre("i", xt, hp))
            f = torch.sigmoid(self.pre("f", xt, hp))
            g = torch.tanh(self.pre("g", xt, hp))
            o = torch.sigmoid(self.pre("o", xt, hp))
            c = f * cp + i * g
            return o * torch.tanh(c), c

    return Cell()
