"""Oracles for the h35d set-aside snippets (heldout35), as its gatherer wrote them."""
import torch
from torch import nn

__all__ = []


def _export(f):
    __all__.append(f.__name__)
    return f


def _p(*shape):
    return nn.Parameter(torch.randn(*shape) * 0.1)


# OneFlow nn.LSTM docstring (PyTorch-style) with proj_size > 0; per gate k in {i,f,g,o}:
# W_{ik} (hidden, input), b_{ik} (hidden), W_{hk} (hidden, proj) [h_t has size proj_size], b_{hk} (hidden);
# projection W_{hr} (proj, hidden). Count: 4*H*(I + P) + 8*H + P*H.
@_export
def h35d_oneflow_lstm_proj(input_size=7, hidden_size=5, proj_size=3):
    I, H, P = input_size, hidden_size, proj_size

    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_i = _p(4, H, I)
            self.b_i = _p(4, H)
            self.W_h = _p(4, H, P)
            self.b_h = _p(4, H)
            self.W_hr = _p(P, H)

        def forward(self, x, h, c):
            a = [self.W_i[k] @ x + self.b_i[k] + self.W_h[k] @ h + self.b_h[k] for k in range(4)]
            i, f, g, o = torch.sigmoid(a[0]), torch.sigmoid(a[1]), torch.tanh(a[2]), torch.sigmoid(a[3])
            c = f * c + i * g
            h = self.W_hr @ (o * torch.tanh(c))
            return h, c

    return Cell()


# ncnn LSTM operator doc: weight_xc_data [input_size, hidden_size*4], bias_c_data [hidden_size, 4] (one bias per gate),
# weight_hc_data [num_output, hidden_size*4], weight_hr_data [hidden_size, num_output] (projection, since num_output != hidden_size);
# direction=0 (one direction). Count: 4*H*I + 4*H + 4*H*O + H*O.
@_export
def h35d_ncnn_lstm(input_size=7, hidden_size=5, num_output=3):
    I, H, O = input_size, hidden_size, num_output

    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.weight_xc = _p(4 * H, I)
            self.bias_c = _p(4 * H)
            self.weight_hc = _p(4 * H, O)
            self.weight_hr = _p(O, H)

        def forward(self, x, h, c):
            a = self.weight_xc @ x + self.bias_c + self.weight_hc @ h
            i, f, o, g = a.chunk(4)  # IFOG
            c = torch.sigmoid(f) * c + torch.sigmoid(i) * torch.tanh(g)
            h = self.weight_hr @ (torch.sigmoid(o) * torch.tanh(c))
            return h, c

    return Cell()


# neon GRU docstring: W_input (out*3, input), W_recur (out*3, out), b (out*3, 1), single bias per gate.
# Count: 3*H*I + 3*H*H + 3*H.
@_export
def h35d_neon_gru(input_size=7, output_size=5):
    I, H = input_size, output_size

    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_input = _p(3 * H, I)
            self.W_recur = _p(3 * H, H)
            self.b = _p(3 * H)

        def forward(self, x, h):
            xi = self.W_input @ x + self.b
            Wr, Wz, Wc = self.W_recur.chunk(3)
            xr, xz, xc = xi.chunk(3)
            r = torch.sigmoid(xr + Wr @ h)
            z = torch.sigmoid(xz + Wz @ h)
            hc = torch.tanh(xc + Wc @ (r * h))
            return (1 - z) * h + z * hc

    return Cell()


# axlearn LSTMCell: input_proj = MultiLinear(input_dim + output_dim -> 4 x hidden_dim, bias=False);
# output_proj = Linear(hidden_dim -> output_dim, bias=False) since hidden_dim is set; norm=None (default).
# Count: 4*Hd*(I + O) + Hd*O.
@_export
def h35d_axlearn_lstm(input_dim=7, hidden_dim=5, output_dim=3):
    I, Hd, O = input_dim, hidden_dim, output_dim

    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.input_proj = nn.Linear(I + O, 4 * Hd, bias=False)
            self.output_proj = nn.Linear(Hd, O, bias=False)

        def forward(self, x, m, c):
            p_i, p_f, p_g, p_o = self.input_proj(torch.cat([x, m], -1)).chunk(4, -1)
            c = torch.sigmoid(p_f) * c + torch.sigmoid(p_g) * torch.tanh(p_i)
            m = self.output_proj(torch.sigmoid(p_o) * torch.tanh(c))
            return m, c

    return Cell()


# praxis LstmCellSimple: wm [num_input_nodes + output_size, 4 * hidden_size], b [4 * hidden_size],
# w_proj [hidden_size, output_size] (num_hidden_nodes > 0). Count: (I + O)*4*H + 4*H + H*O.
@_export
def h35d_praxis_lstm(num_input_nodes=7, num_hidden_nodes=5, num_output_nodes=3):
    I, H, O = num_input_nodes, num_hidden_nodes, num_output_nodes

    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.wm = _p(I + O, 4 * H)
            self.b = _p(4 * H)
            self.w_proj = _p(H, O)

        def forward(self, x, m, c):
            g = torch.cat([x, m], -1) @ self.wm + self.b
            i_i, i_g, f_g, o_g = g.chunk(4, -1)
            c = torch.sigmoid(f_g) * c + torch.sigmoid(i_g) * torch.tanh(i_i)
            m = (torch.sigmoid(o_g) * torch.tanh(c)) @ self.w_proj
            return m, c

    return Cell()


# norse LIFRecurrentCell (refuse): most plausible reading: w_input (hidden, input) and w_rec (hidden, hidden) learned;
# neuron constants (tau_mem, tau_syn, v_leak, v_th, v_reset) fixed LIFParameters. Count: H*I + H*H
# (autapses=False would leave H*H - H free recurrent weights).
@_export
def h35d_norse_lifrec(input_size=7, hidden_size=5):
    I, H = input_size, hidden_size

    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.input_weights = _p(H, I)
            self.recurrent_weights = _p(H, H)
            self.dt, self.tau_mem_inv, self.tau_syn_inv = 1e-3, 100.0, 200.0
            self.v_leak, self.v_th, self.v_reset = 0.0, 1.0, 0.0

        def forward(self, z_in, z_rec, v, i):
            v = v + self.dt * self.tau_mem_inv * (self.v_leak - v + i)
            i = i - self.dt * self.tau_syn_inv * i
            z = (v - self.v_th > 0).float()
            v = (1 - z) * v + z * self.v_reset
            i = i + self.input_weights @ z_in + self.recurrent_weights @ z_rec
            return z, v, i

    return Cell()


# keras-lmu LMUCell (refuse): plausible reading with defaults: kernel input -> memory (input_d x memory_d),
# no bias (use_bias=False), fixed A, B (order x order, order x 1), theta not trainable, no optional connections;
# hidden_cell taken as a SimpleRNNCell(units) on the flattened memory (memory_d*order):
# units*(memory_d*order) + units*units + units. Count: I*Md + U*Md*N + U*U + U.
@_export
def h35d_keras_lmu(input_d=7, memory_d=2, order=3, units=5):
    I, Md, N, U = input_d, memory_d, order, units

    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.kernel = _p(I, Md)
            self.register_buffer("A", torch.randn(N, N) * 0.1)
            self.register_buffer("B", torch.randn(N, 1) * 0.1)
            # hidden_cell read as a Keras SimpleRNNCell(units): kernel, recurrent_kernel, one bias
            self.hidden_kernel = _p(Md * N, U)
            self.hidden_recurrent = _p(U, U)
            self.hidden_bias = _p(U)

        def forward(self, x, m, h):
            u = x @ self.kernel  # (Md,)
            m = m @ self.A.T + u[:, None] @ self.B.T  # (Md, N)
            h = torch.tanh(m.reshape(-1) @ self.hidden_kernel + h @ self.hidden_recurrent + self.hidden_bias)
            return m, h

    return Cell()


# PyTorch nn.RNN docstring, num_layers=2: layer 0 weight_ih (H, I), weight_hh (H, H), bias_ih, bias_hh (H);
# layer 1 weight_ih (H, H). Count: (H*I + H*H + 2H) + (2*H*H + 2H).
@_export
def h35d_pytorch_rnn_stacked(input_size=7, hidden_size=5, num_layers=2):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.layers = nn.ModuleList(
                [nn.RNNCell(input_size if l == 0 else hidden_size, hidden_size) for l in range(num_layers)]
            )

        def forward(self, x, hs):
            out = []
            inp = x
            for layer, h in zip(self.layers, hs):
                inp = layer(inp[None], h[None])[0]
                out.append(inp)
            return out

    return Cell()


# dragon GRU (refuse): no equations; most plausible reading = cuDNN-style GRU (dragon wraps cuDNN RNN):
# W (3H, I), R (3H, H), two biases (3H) each. Count: 3*H*I + 3*H*H + 6*H (single-bias reading: 3*H*I + 3*H*H + 3*H).
@_export
def h35d_dragon_gru(input_size=7, hidden_size=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.cell = nn.GRUCell(input_size, hidden_size)

        def forward(self, x, h):
            return self.cell(x[None], h[None])[0]

    return Cell()


# ncnn GRU operator doc: weight_xc_data [input_size, num_output*3], bias_c_data [num_output, 4]
# (4 bias rows: r, z, and the candidate's input-side and hidden-side biases), weight_hc_data [num_output, num_output*3].
# Count: 3*H*I + 4*H + 3*H*H.
@_export
def h35d_ncnn_gru(input_size=7, num_output=5):
    I, H = input_size, num_output

    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.weight_xc = _p(3 * H, I)
            self.bias_c = _p(4, H)
            self.weight_hc = _p(3 * H, H)

        def forward(self, x, h):
            xr, xz, xn = (self.weight_xc @ x).chunk(3)
            hr, hz, hn = (self.weight_hc @ h).chunk(3)
            r = torch.sigmoid(xr + hr + self.bias_c[0])
            z = torch.sigmoid(xz + hz + self.bias_c[1])
            n = torch.tanh(xn + self.bias_c[2] + r * (hn + self.bias_c[3]))
            return (1 - z) * n + z * h

    return Cell()


# OneFlow nn.GRUCell docstring: W_{ir},W_{iz},W_{in} (H, I); W_{hr},W_{hz},W_{hn} (H, H); b_{i*}, b_{h*} (H) each.
# Count: 3*H*I + 3*H*H + 6*H.
@_export
def h35d_oneflow_grucell(input_size=7, hidden_size=5):
    I, H = input_size, hidden_size

    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_i = _p(3, H, I)
            self.b_i = _p(3, H)
            self.W_h = _p(3, H, H)
            self.b_h = _p(3, H)

        def forward(self, x, h):
            r = torch.sigmoid(self.W_i[0] @ x + self.b_i[0] + self.W_h[0] @ h + self.b_h[0])
            z = torch.sigmoid(self.W_i[1] @ x + self.b_i[1] + self.W_h[1] @ h + self.b_h[1])
            n = torch.tanh(self.W_i[2] @ x + self.b_i[2] + r * (self.W_h[2] @ h + self.b_h[2]))
            return (1 - z) * n + z * h

    return Cell()


# praxis S5 (refuse): reading that follows the step actually computed: A (nh) and step size frozen, Bb built from
# ones ("B is just ones."), C = C_re + i C_im with C_re, C_im [dim, nh] learned, D [dim] learned.
# Count: 2*dim*nh + dim (the created-but-unused B_re, B_im [nh, dim] would add 2*nh*dim).
@_export
def h35d_praxis_s5(nheads=4, dim=3):
    nh, d = nheads, dim

    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            a_im = torch.arange(nh, dtype=torch.float32) * torch.pi
            self.register_buffer("a_re", torch.full((nh,), -0.5))
            self.register_buffer("a_im", a_im)
            self.step = 0.01
            self.C_re = _p(d, nh)
            self.C_im = _p(d, nh)
            self.D = _p(d)

        def forward(self, u, x):
            a = torch.complex(self.a_re, self.a_im)
            abar = torch.exp(self.step * a)
            bbar = ((abar - 1) / a)[:, None] * torch.ones(nh, d)
            x = abar * x + bbar @ u.to(torch.complex64)
            y = (torch.complex(self.C_re, self.C_im) @ x).real
            return x, y + self.D * u

    return Cell()


# pylearn2 GRU (set_input_space): W (input_dim, dim*3), U (dim, dim*3), b (dim*3,) -- single bias per gate.
# Count: 3*dim*input_dim + 3*dim*dim + 3*dim.
@_export
def h35d_pylearn2_gru(input_dim=7, dim=5):
    I, H = input_dim, dim

    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W = _p(I, 3 * H)
            self.U = _p(H, 3 * H)
            self.b = _p(3 * H)

        def forward(self, x, h):
            g = x @ self.W + self.b  # [candidate | reset | update]
            g = torch.cat([g[:H], g[H:] + h @ self.U[:, H:]])
            r = torch.sigmoid(g[H:2 * H])
            u = torch.sigmoid(g[2 * H:])
            z = torch.tanh(g[:H] + (r * h) @ self.U[:, :H])
            return u * h + (1 - u) * z

    return Cell()
