"""Oracles for the h37e set-aside snippets (heldout36), as its gatherer wrote them."""
import torch
from torch import nn

__all__ = []


def _export(f):
    __all__.append(f.__name__)
    return f


def _p(*shape):
    return nn.Parameter(torch.randn(*shape) * 0.1)


# johnma2006/mamba-minimal model.py MambaBlock (refuse: args.bias / args.conv_bias / d_inner / dt_rank are set in
# ModelArgs outside the excerpt); read with the file's defaults: d_inner = expand*d_model, bias=False, conv_bias=True:
# in_proj (2*d_inner, d_model) no bias; depthwise conv1d weight (d_inner,1,d_conv) + bias (d_inner);
# x_proj (dt_rank+2*d_state, d_inner) no bias; dt_proj (d_inner, dt_rank) + bias; A_log (d_inner, d_state); D (d_inner);
# out_proj (d_model, d_inner) no bias;
# Count: 2*Di*d + Di*d_conv + Di + Di*(r+2n) + r*Di + Di + Di*n + Di + Di*d.
@_export
def h37e_mambamin_block(d_model=6, d_state=4, expand=2, d_conv=3, dt_rank=2):
    d_inner = expand * d_model

    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.in_proj = nn.Linear(d_model, d_inner * 2, bias=False)
            self.conv1d = nn.Conv1d(d_inner, d_inner, kernel_size=d_conv, groups=d_inner,
                                    padding=d_conv - 1, bias=True)
            self.x_proj = nn.Linear(d_inner, dt_rank + d_state * 2, bias=False)
            self.dt_proj = nn.Linear(dt_rank, d_inner, bias=True)
            A = torch.arange(1, d_state + 1).float().repeat(d_inner, 1)
            self.A_log = nn.Parameter(torch.log(A))
            self.D = nn.Parameter(torch.ones(d_inner))
            self.out_proj = nn.Linear(d_inner, d_model, bias=False)

        def forward(self, x):  # x: (b, l, d_model)
            b, l, _ = x.shape
            xr = self.in_proj(x)
            xs, res = xr.split([d_inner, d_inner], dim=-1)
            xs = self.conv1d(xs.transpose(1, 2))[:, :, :l].transpose(1, 2)
            xs = nn.functional.silu(xs)
            A = -torch.exp(self.A_log)
            delta, B, C = self.x_proj(xs).split([dt_rank, d_state, d_state], dim=-1)
            delta = nn.functional.softplus(self.dt_proj(delta))
            h = torch.zeros(b, d_inner, d_state)
            ys = []
            for i in range(l):
                dA = torch.exp(delta[:, i, :, None] * A)
                dBu = delta[:, i, :, None] * B[:, i, None, :] * xs[:, i, :, None]
                h = dA * h + dBu
                ys.append((h * C[:, i, None, :]).sum(-1))
            y = torch.stack(ys, dim=1) + xs * self.D
            y = y * nn.functional.silu(res)
            return self.out_proj(y)
    return Cell()


# Jamie-Stirling/RetNet src/retention.py SimpleRetention; W_Q (hidden, head), W_K (hidden, head), W_V (hidden, v_dim)
# with v_dim = head_size (double_v_dim=False by default); gamma is a fixed float; XPOS holds only a buffer;
# Count: 3 * hidden_size * head_size.
@_export
def h37e_jamie_retention(hidden_size=6, head_size=4):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.gamma = 0.9
            self.W_Q = _p(hidden_size, head_size)
            self.W_K = _p(hidden_size, head_size)
            self.W_V = _p(hidden_size, head_size)

        def forward(self, x_n, s_n_1):  # x_n (b,1,hidden), s_n_1 (b, head, v_dim)
            Q = x_n @ self.W_Q
            K = x_n @ self.W_K
            V = x_n @ self.W_V
            s_n = self.gamma * s_n_1 + K.transpose(-1, -2) @ V
            return Q @ s_n, s_n
    return Cell()


# Shubbair/min-recurrent-versions lstm_v.py LSTM_Cell; four nn.Linear(input_dim+hidden_dim, hidden_dim) with bias
# (linear_f, linear_i, linear_c_tilda, linear_o) on cat(x_t, h_prev); Count: 4*((x+h)*h + h).
@_export
def h37e_shubbair_lstm(input_dim=7, hidden_dim=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.linear_f = nn.Linear(input_dim + hidden_dim, hidden_dim)
            self.linear_i = nn.Linear(input_dim + hidden_dim, hidden_dim)
            self.linear_c_tilda = nn.Linear(input_dim + hidden_dim, hidden_dim)
            self.linear_o = nn.Linear(input_dim + hidden_dim, hidden_dim)

        def forward(self, x_t, h_prev, c_prev):
            combined = torch.cat((x_t, h_prev), dim=1)
            f_t = torch.sigmoid(self.linear_f(combined))
            i_t = torch.sigmoid(self.linear_i(combined))
            c_tilda_t = torch.sigmoid(self.linear_c_tilda(combined))
            o_t = torch.sigmoid(self.linear_o(combined))
            c_t = f_t * (c_prev - 1) + i_t * c_tilda_t
            return o_t * torch.tanh(c_t), c_t
    return Cell()


# Shubbair/min-recurrent-versions gru_coded_details.ipynb log_minGRU_Cell; linear_z and linear_h are
# nn.Linear(input_dim, hidden_dim) with bias; Count: 2*(x*h + h).
@_export
def h37e_shubbair_logmingru(input_dim=7, hidden_dim=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.linear_z = nn.Linear(input_dim, hidden_dim)
            self.linear_h = nn.Linear(input_dim, hidden_dim)

        def forward(self, x_t, h_prev):
            g = lambda v: torch.where(v >= 0, v + 0.5, v.sigmoid())
            z_t = torch.sigmoid(self.linear_z(x_t))
            return (1 - z_t) * h_prev + z_t * g(self.linear_h(x_t))
    return Cell()


# proger/hippogriff hippogriff.py Hawk (RG-LRU block); hidden = int(dim*expansion_factor):
# input Linear(dim, 2*hidden, bias=False); depthwise Conv1d weight (hidden,1,kernel_size) + bias (hidden);
# gates Linear(hidden, 2*hidden) with bias; forget_base (hidden); output Linear(hidden, dim, bias=False);
# alpha_log_scale has requires_grad=False, so it is a frozen constant, not a learned parameter (kept as a buffer);
# Count: 2*H*dim + H*k + H + 2*H*H + 2*H + H + H*dim.
@_export
def h37e_hippogriff_hawk(dim=6, expansion_factor=1.5, kernel_size=3):
    hidden = int(dim * expansion_factor)

    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.input = nn.Linear(dim, 2 * hidden, bias=False)
            self.conv = nn.Conv1d(hidden, hidden, bias=True, kernel_size=kernel_size, groups=hidden,
                                  padding=kernel_size - 1)
            self.gates = nn.Linear(hidden, 2 * hidden, bias=True)
            self.forget_base = nn.Parameter(torch.linspace(-4.323, -9, hidden))
            self.output = nn.Linear(hidden, dim, bias=False)
            self.register_buffer('alpha_log_scale', torch.tensor([8.0]).log())

        def forward(self, x):  # x (N, T, dim)
            T = x.shape[1]
            gate, x = self.input(x).chunk(2, dim=-1)
            x = self.conv(x.mT)[..., :T].mT
            forget, inp = self.gates(x).chunk(2, dim=-1)
            alpha = (-self.alpha_log_scale.exp() * nn.functional.softplus(self.forget_base) * forget.sigmoid()).exp()
            beta = (1 - alpha ** 2 + 1e-6).sqrt()
            x = beta * inp.sigmoid() * x
            h = torch.zeros_like(x[:, 0])
            hs = []
            for t in range(T):
                h = alpha[:, t] * h + x[:, t]
                hs.append(h)
            h = torch.stack(hs, dim=1)
            return self.output(nn.functional.gelu(gate) * h)
    return Cell()


# Sunnydreamrain/IndRNN_pytorch IndRNN_onlyrecurrent.py IndRNNCell_onlyrecurrent (refuse: the docstring's math writes
# input = w_ih * x + b_ih but says it is computed outside the cell, whose only Parameter is weight_hh; the input
# size is never tied to x). Read as the class declares it: weight_hh (h); Count: h.
@_export
def h37e_sunnydream_indrnn(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.weight_hh = nn.Parameter(torch.rand(h))

        def forward(self, inp, hx):  # inp: already w_ih*x + b_ih, shape (batch, h)
            return torch.relu(inp + hx * self.weight_hh.unsqueeze(0))
    return Cell()


# raminmh/CfC torch_cfc.py CfcCell, full CfC branch (minimal/no_gate default False):
# backbone Linear(input+hidden, U) + (backbone_layers-1) x Linear(U, U), all with bias;
# ff1, ff2, time_a, time_b: Linear(U, hidden) with bias;
# Count: (x+h)*U + U + (L-1)*(U*U + U) + 4*(U*h + h).
@_export
def h37e_cfc_cell(input_size=7, hidden_size=5, backbone_units=8, backbone_layers=2):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            layers = [nn.Linear(input_size + hidden_size, backbone_units), nn.SiLU()]
            for _ in range(1, backbone_layers):
                layers += [nn.Linear(backbone_units, backbone_units), nn.SiLU()]
            self.backbone = nn.Sequential(*layers)
            self.ff1 = nn.Linear(backbone_units, hidden_size)
            self.ff2 = nn.Linear(backbone_units, hidden_size)
            self.time_a = nn.Linear(backbone_units, hidden_size)
            self.time_b = nn.Linear(backbone_units, hidden_size)

        def forward(self, inp, hx, ts):
            ts = ts.view(inp.size(0), 1)
            x = self.backbone(torch.cat([inp, hx], 1))
            ff1 = torch.tanh(self.ff1(x))
            ff2 = torch.tanh(self.ff2(x))
            t_interp = torch.sigmoid(self.time_a(x) * ts + self.time_b(x))
            return ff1 * (1.0 - t_interp) + t_interp * ff2
    return Cell()


# raminmh/CfC torch_cfc.py LSTMCell; input_map Linear(input, 4*hidden) with bias, recurrent_map
# Linear(hidden, 4*hidden) without bias; the +1.0 forget offset is a constant; Count: 4h*x + 4h + 4h*h.
@_export
def h37e_cfc_lstm(input_size=7, hidden_size=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.input_map = nn.Linear(input_size, 4 * hidden_size, bias=True)
            self.recurrent_map = nn.Linear(hidden_size, 4 * hidden_size, bias=False)

        def forward(self, inputs, states):
            output_state, cell_state = states
            z = self.input_map(inputs) + self.recurrent_map(output_state)
            i, ig, fg, og = z.chunk(4, 1)
            new_cell = cell_state * torch.sigmoid(fg + 1.0) + torch.tanh(i) * torch.sigmoid(ig)
            return torch.tanh(new_cell) * torch.sigmoid(og), new_cell
    return Cell()


# HanZm521/RWKV-study "RWKV v1.md" RWKV_TimeMix: time_w (n_head, ctx_len), time_alpha (n_head,1,ctx_len),
# time_beta (n_head,ctx_len,1), time_gamma (ctx_len,1); key/value/receptance Linear(n_embd, n_attn) with bias;
# output Linear(n_attn, n_embd) with bias;
# Count: 3*H*L + L + 3*(E*A + A) + A*E + E.
@_export
def h37e_hanzm_rwkv1(n_embd=6, n_attn=4, n_head=2, ctx_len=5):
    head_size = n_attn // n_head

    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.time_w = nn.Parameter(torch.ones(n_head, ctx_len))
            self.time_alpha = nn.Parameter(torch.ones(n_head, 1, ctx_len))
            self.time_beta = nn.Parameter(torch.ones(n_head, ctx_len, 1))
            self.time_gamma = nn.Parameter(torch.ones(ctx_len, 1))
            self.key = nn.Linear(n_embd, n_attn)
            self.value = nn.Linear(n_embd, n_attn)
            self.receptance = nn.Linear(n_embd, n_attn)
            self.output = nn.Linear(n_attn, n_embd)

        def forward(self, x):  # x (B, T, C), T <= ctx_len
            B, T, C = x.size()
            TT = ctx_len
            w = nn.functional.pad(self.time_w, (0, TT))
            w = torch.tile(w, [TT])
            w = w[:, :-TT].reshape(-1, TT, 2 * TT - 1)
            w = w[:, :, TT - 1:]
            w = w[:, :T, :T] * self.time_alpha[:, :, :T] * self.time_beta[:, :T, :]
            x = torch.cat([nn.functional.pad(x[:, :, :C // 2], (0, 0, 1, -1)), x[:, :, C // 2:]], dim=-1)
            k = torch.exp(torch.clamp(self.key(x), max=30, min=-60))
            v = self.value(x)
            r = self.receptance(x)
            sum_k = torch.cumsum(k, dim=1)
            kv = (k * v).view(B, T, n_head, head_size)
            wkv = torch.einsum('htu,buhc->bthc', w, kv).contiguous().view(B, T, -1)
            rwkv = self.output(torch.sigmoid(r) * wkv / sum_k)
            return rwkv * self.time_gamma[:T, :]
    return Cell()


# lucidrains/minGRU-pytorch minGRU.py minGRU; dim_inner = int(dim*expansion_factor); to_hidden_and_gate
# Linear(dim, 2*dim_inner, bias=False); to_out Linear(dim_inner, dim, bias=False) since proj_out defaults to
# expansion_factor != 1 (True at 1.5); Count: 2*dim*Di + Di*dim.
@_export
def h37e_lucid_mingru(dim=6, expansion_factor=1.5):
    dim_inner = int(dim * expansion_factor)

    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.to_hidden_and_gate = nn.Linear(dim, dim_inner * 2, bias=False)
            self.to_out = nn.Linear(dim_inner, dim, bias=False) if expansion_factor != 1. else nn.Identity()

        def forward(self, x, prev_hidden):  # x (b, 1, dim), prev_hidden (b, 1, dim_inner)
            hidden, gate = self.to_hidden_and_gate(x).chunk(2, dim=-1)
            hidden = torch.where(hidden >= 0, hidden + 0.5, hidden.sigmoid())
            out = torch.lerp(prev_hidden, hidden, gate.sigmoid())
            return self.to_out(out), out
    return Cell()


# schauppi/xLSTM src/sLSTMCell.py sLSTMCell (bias=True default); W (x+h, 4h), B (4h), output head
# nn.Linear(h, 1) with bias; Count: (x+h)*4h + 4h + h + 1.
@_export
def h37e_schauppi_slstm(input_size=7, hidden_size=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W = _p(input_size + hidden_size, 4 * hidden_size)
            self.B = nn.Parameter(torch.zeros(4 * hidden_size))
            self.linear = nn.Linear(hidden_size, 1)

        def forward(self, x, hidden):
            h, c, n, m = hidden
            gates = torch.cat((x, h), dim=1) @ self.W + self.B
            zt, it, ft, ot = torch.split(gates, hidden_size, dim=1)
            zt, it, ft, ot = torch.tanh(zt), torch.exp(it), torch.sigmoid(ft), torch.sigmoid(ot)
            mt = torch.max(torch.log(ft) + m, torch.log(it))
            ip = torch.exp(it - mt)
            ct = ft * c + ip * zt
            nt = ft * n + ip
            ht = ot * (c / nt)
            return self.linear(ht), (ht, ct, nt, mt)
    return Cell()
