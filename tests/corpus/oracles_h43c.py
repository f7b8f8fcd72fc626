"""Oracles for the h43c set-aside snippets (heldout43), as its gatherer wrote them."""
import torch
from torch import nn

__all__ = []


def _export(f):
    __all__.append(f.__name__)
    return f


def _p(*shape):
    return nn.Parameter(torch.randn(*shape) * 0.1)


# lan-2659/Ai-learning-notes, 02.RNN&LSTM&GRU模型.md, section 三、LSTM; no bias written anywhere;
# W_{xh}^{f,i,o} (h, x), W_{hh}^{f,i,o} (h, h); candidate w^{c}_{xh} (h, x) and c_{hh} read as the
# candidate's recurrent weight (h, h); Count: 4*h*x + 4*h*h.
@_export
def h43c_lan2659_lstm_zh(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.Wx = nn.ParameterDict({g: _p(h, x) for g in 'fico'})
            self.Wh = nn.ParameterDict({g: _p(h, h) for g in 'fico'})

        def forward(self, xt, hp, cp):
            lin = lambda g: xt @ self.Wx[g].T + hp @ self.Wh[g].T
            f = torch.sigmoid(lin('f'))
            i = torch.sigmoid(lin('i'))
            ct = torch.tanh(lin('c'))
            c = f * cp + ct * i
            o = torch.sigmoid(lin('o'))
            return o * torch.tanh(c), c
    return Cell()


# lan-2659/Ai-learning-notes, same file, section 四. GRU; gates W_{xh}^{z,r} (h, x), W_{hh}^{z,r} (h, h),
# no bias; candidate tanh(w^{c}_{xh} x_t + r_t h_{t-1}) read literally: w^{c}_{xh} (h, x) and no recurrent
# weight on r_t * h_{t-1} (the other reading adds W_{hh}^{c} (h, h): 3*h*x + 3*h*h = 180);
# Count: 3*h*x + 2*h*h.
@_export
def h43c_lan2659_gru_zh(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.Wx = nn.ParameterDict({g: _p(h, x) for g in 'zrc'})
            self.Wh = nn.ParameterDict({g: _p(h, h) for g in 'zr'})

        def forward(self, xt, hp):
            z = torch.sigmoid(xt @ self.Wx['z'].T + hp @ self.Wh['z'].T)
            r = torch.sigmoid(xt @ self.Wx['r'].T + hp @ self.Wh['r'].T)
            ct = torch.tanh(xt @ self.Wx['c'].T + r * hp)
            return z * hp + (1 - z) * ct
    return Cell()


# jashndx/campusx-100-days-deep-learning-notes, Lecture_064 GRU; W_z, W_r, W_h (h, h+d) on the concatenation
# [h_{t-1}, x_t] (candidate on [r_t * h_{t-1}, x_t]), biases b_z, b_r, b_h (h); Count: 3*h*(d+h+1)
# (the note's own formula).
@_export
def h43c_jashndx_gru(d=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.Wz = nn.Linear(h + d, h)
            self.Wr = nn.Linear(h + d, h)
            self.Wh = nn.Linear(h + d, h)

        def forward(self, xt, hp):
            z = torch.sigmoid(self.Wz(torch.cat([hp, xt], -1)))
            r = torch.sigmoid(self.Wr(torch.cat([hp, xt], -1)))
            ht = torch.tanh(self.Wh(torch.cat([r * hp, xt], -1)))
            return (1 - z) * hp + z * ht
    return Cell()


# bCom5/deep-learning-notes, mt1prac1sp18.md answer p: y = A_yh * tanh(A_hx * x + A_hh * h); A_hx (h, x),
# A_hh (h, h), A_yh (y, h), no bias; the tanh term is the new state; Count: h*x + h*h + y*h.
@_export
def h43c_bcom5_rnn_out(x=7, h=5, y=3):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.A_hx = _p(h, x)
            self.A_hh = _p(h, h)
            self.A_yh = _p(y, h)

        def forward(self, xt, hp):
            hn = torch.tanh(xt @ self.A_hx.T + hp @ self.A_hh.T)
            return hn @ self.A_yh.T, hn
    return Cell()


# nikhilmitrax/ml-notes, Seq2Seq.tsx; the encoder is only h_t = f(x_t, h_{t-1}) ("typically GRU or LSTM"),
# q and the decoder g are abstract: refuse. Most plausible reading built here: the encoder as a GRU with one
# bias per gate, W_{z,r,h} (h, x), U_{z,r,h} (h, h), b (h); c = h_T (no parameters); decoder not counted;
# Count: 3*h*x + 3*h*h + 3*h.
@_export
def h43c_nikhilmitrax_seq2seq(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W = nn.Linear(x, 3 * h)
            self.U = nn.Linear(h, 3 * h, bias=False)

        def forward(self, xt, hp):
            wz, wr, wh = self.W(xt).chunk(3, -1)
            Uz, Ur, Uh = self.U.weight.chunk(3, 0)
            z = torch.sigmoid(wz + hp @ Uz.T)
            r = torch.sigmoid(wr + hp @ Ur.T)
            ht = torch.tanh(wh + (r * hp) @ Uh.T)
            return (1 - z) * hp + z * ht
    return Cell()


# sumanth-zenteiq-ai/mamba-notes, mamba_technical_notes.md Part 4 table: one Mamba block (the token embedding
# row is model-level, outside the block, and is not counted); RMSNorm weight (D); in_proj D -> 2*D_in, no bias;
# depthwise conv (D_in, K) + bias D_in; x_proj D_in -> R + 2N, no bias; dt_proj R -> D_in with bias; A (D_in, N);
# skip D (D_in); out_proj D_in -> D, no bias; D_in = E*D;
# Count: D + 2*D*D_in + D_in*K + D_in + D_in*(R+2N) + R*D_in + D_in + D_in*N + D_in + D_in*D.
@_export
def h43c_sumanth_mamba_block(D=8, E=2, N=3, R=2, K=4):
    Din = E * D

    class Block(nn.Module):
        def __init__(self):
            super().__init__()
            self.norm_w = nn.Parameter(torch.ones(D))
            self.in_proj = nn.Linear(D, 2 * Din, bias=False)
            self.conv = nn.Conv1d(Din, Din, K, groups=Din, padding=K - 1)
            self.x_proj = nn.Linear(Din, R + 2 * N, bias=False)
            self.dt_proj = nn.Linear(R, Din)
            self.A = _p(Din, N)
            self.Dskip = _p(Din)
            self.out_proj = nn.Linear(Din, D, bias=False)

        def forward(self, u, s, conv_buf):
            # u: (b, D) one token; s: (b, Din, N) state; conv_buf: (b, Din, K-1) previous conv inputs
            un = u * torch.rsqrt(u.pow(2).mean(-1, keepdim=True) + 1e-6) * self.norm_w
            xb, z = self.in_proj(un).chunk(2, -1)
            window = torch.cat([conv_buf, xb.unsqueeze(-1)], -1)            # (b, Din, K)
            xc = torch.nn.functional.silu((window * self.conv.weight.squeeze(1)).sum(-1) + self.conv.bias)
            dt_in, Bt, Ct = self.x_proj(xc).split([R, N, N], -1)
            dt = torch.nn.functional.softplus(self.dt_proj(dt_in))          # (b, Din)
            Abar = torch.exp(dt.unsqueeze(-1) * self.A)                      # (b, Din, N)
            Bbar = dt.unsqueeze(-1) * Bt.unsqueeze(1)                         # (b, Din, N)
            s = Abar * s + Bbar * xc.unsqueeze(-1)
            y = (s * Ct.unsqueeze(1)).sum(-1) + self.Dskip * xc
            y = y * torch.nn.functional.silu(z)
            return u + self.out_proj(y), s, window[..., 1:]
    return Block()


# everError/llm-notes, notes/SSM MoE.md (Korean), S4 recurrence + Mamba-1 pseudo-code; no size is given, the
# Linear maps have no stated shapes or biases, D is "usually omitted", and the prose calls A input-dependent
# while the pseudo-code computes only B, C, Delta: refuse. Reading built here (Mamba-style S6 on x channels
# with state size h per channel): A (x, h) static; B = Linear(x -> h) with bias; C = Linear(x -> h) with bias;
# Delta = softplus(Linear(x -> x) with bias); no D; Count: x*h + 2*(h*x + h) + x*x + x.
@_export
def h43c_everError_ssm_ko(x=4, h=3):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.A = _p(x, h)
            self.to_B = nn.Linear(x, h)
            self.to_C = nn.Linear(x, h)
            self.to_dt = nn.Linear(x, x)

        def forward(self, xt, hp):
            # xt: (b, x); hp: (b, x, h)
            dt = torch.nn.functional.softplus(self.to_dt(xt))
            Abar = torch.exp(dt.unsqueeze(-1) * self.A)
            Bbar = dt.unsqueeze(-1) * self.to_B(xt).unsqueeze(1)
            hn = Abar * hp + Bbar * xt.unsqueeze(-1)
            y = (hn * self.to_C(xt).unsqueeze(1)).sum(-1)
            return y, hn
    return Cell()


# tirshiva/Deep-Learning-Notes, 03_recurrent_neural_networks.md, create_basic_rnn (Keras, code only):
# SimpleRNN(64) on `features` inputs: kernel (features, 64), recurrent (64, 64), bias 64; SimpleRNN(32): (64, 32),
# (32, 32), 32; Dense(32): (32, 32) + 32; Dense(num_classes): (32, num_classes) + num_classes; Dropout has none;
# Count: 64*(features+64+1) + 32*(64+32+1) + (32*32+32) + (32*num_classes+num_classes).
@_export
def h43c_tirshiva_stacked_rnn_keras(features=7, num_classes=3):
    class Net(nn.Module):
        def __init__(self):
            super().__init__()
            self.rnn1 = nn.RNNCell(features, 64, bias=True)
            self.rnn1.bias_hh = None  # Keras SimpleRNN has one bias per layer
            self.rnn2 = nn.RNNCell(64, 32, bias=True)
            self.rnn2.bias_hh = None
            self.fc1 = nn.Linear(32, 32)
            self.fc2 = nn.Linear(32, num_classes)

        def forward(self, xt, h1, h2):
            h1 = torch.tanh(xt @ self.rnn1.weight_ih.T + h1 @ self.rnn1.weight_hh.T + self.rnn1.bias_ih)
            h2 = torch.tanh(h1 @ self.rnn2.weight_ih.T + h2 @ self.rnn2.weight_hh.T + self.rnn2.bias_ih)
            y = torch.softmax(self.fc2(torch.relu(self.fc1(h2))), -1)
            return y, h1, h2
    return Net()


# sumanth-zenteiq-ai/mamba-notes, section 3.5 table: selective SSM on D channels, state N per channel;
# A (D, N) (diagonal per channel); Delta bias (D); Delta projector (1, D) (Linear_1, no bias of its own);
# W_B (N, D); W_C (N, D); skip D (D); Count: D*N + D + D + 2*N*D + D.
@_export
def h43c_sumanth_s6_core(D=8, N=3):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.A = _p(D, N)
            self.dt_bias = _p(D)
            self.dt_proj = _p(1, D)
            self.W_B = _p(N, D)
            self.W_C = _p(N, D)
            self.Dskip = _p(D)

        def forward(self, u, x):
            # u: (b, D); x: (b, D, N)
            Bt = u @ self.W_B.T
            Ct = u @ self.W_C.T
            dt = torch.nn.functional.softplus(self.dt_bias + (u @ self.dt_proj.T))   # broadcast to D
            Abar = torch.exp(dt.unsqueeze(-1) * self.A)
            x = Abar * x + (dt * u).unsqueeze(-1) * Bt.unsqueeze(1)
            y = (x * Ct.unsqueeze(1)).sum(-1) + self.Dskip * u
            return y, x
    return Cell()


# jashndx/campusx-100-days-deep-learning-notes, Lecture_062 LSTM; W_f, W_i, W_c, W_o (h, d+h) on
# [h_{t-1}, x_t], b_f, b_i, b_c, b_o (h); Count: 4*h*(d+h+1) (the note's own formula).
@_export
def h43c_jashndx_lstm(d=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W = nn.ModuleDict({g: nn.Linear(h + d, h) for g in 'fico'})

        def forward(self, xt, hp, Cp):
            z = torch.cat([hp, xt], -1)
            f = torch.sigmoid(self.W['f'](z))
            i = torch.sigmoid(self.W['i'](z))
            Ct = torch.tanh(self.W['c'](z))
            C = f * Cp + i * Ct
            o = torch.sigmoid(self.W['o'](z))
            return o * torch.tanh(C), C
    return Cell()


# taesiri/MLBites, db/gru_pytorch/solution.md, Math section (PyTorch GRU form): W_{ir}, W_{iz}, W_{in}
# (hidden_size, input_size); W_{hr}, W_{hz}, W_{hn} (hidden_size, hidden_size); b_{i*} and b_{h*} (hidden_size)
# each; reset applied after the recurrent product; Count: 3*hs*is + 3*hs*hs + 6*hs.
@_export
def h43c_mlbites_gru(input_size=7, hidden_size=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.cell = nn.GRUCell(input_size, hidden_size, bias=True)

        def forward(self, xt, hp):
            return self.cell(xt, hp)
    return Cell()
