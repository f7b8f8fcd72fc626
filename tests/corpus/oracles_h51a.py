"""Oracles for the h51a set-aside snippets (heldout51), as its gatherer wrote them."""
import torch
from torch import nn

__all__ = []


def _export(f):
    __all__.append(f.__name__)
    return f


def _p(*shape):
    return nn.Parameter(torch.randn(*shape) * 0.1)


# romannowak9/deep-neural-networks-tasks ssm.ipynb (SSM lab, state-space representation);
# H independent 1-D SSMs: A (H,N,N), B (H,N,1), C (H,1,N), D (H) -- the text says A, B, C, D are learned;
# the quoted S4 "position-wise linear layer" is not part of the equations. Count: H*(N*N + 2*N + 1).
@_export
def h51a_ssm_lab(H=3, N=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.A = _p(H, N, N)
            self.B = _p(H, N, 1)
            self.C = _p(H, 1, N)
            self.D = _p(H)

        def forward(self, u, x):
            # u: (batch, H), x: (batch, H, N); returns dx/dt and y
            dx = torch.einsum('hij,bhj->bhi', self.A, x) + self.B[..., 0] * u[..., None]
            y = torch.einsum('hj,bhj->bh', self.C[:, 0, :], x) + self.D * u
            return dx, y
    return Cell()


# thomasjenny/neural_networks_basics Pt_2_RNNs_and_LSTM.ipynb (LSTM); gates F, I, O and candidate C~ each with
# W_h* (h,h), W_x* (h,x), b_* (h); no peepholes. Count: 4*(h*h + h*x + h).
@_export
def h51a_thomasjenny_lstm(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.Wh = nn.ParameterDict({g: _p(h, h) for g in 'FICO'})
            self.Wx = nn.ParameterDict({g: _p(h, x) for g in 'FICO'})
            self.b = nn.ParameterDict({g: _p(h) for g in 'FICO'})

        def _a(self, g, xt, hp):
            return hp @ self.Wh[g].T + xt @ self.Wx[g].T + self.b[g]

        def forward(self, xt, hp, cp):
            F = torch.sigmoid(self._a('F', xt, hp))
            I = torch.sigmoid(self._a('I', xt, hp))
            Ct = torch.tanh(self._a('C', xt, hp))
            C = F * cp + I * Ct
            O = torch.sigmoid(self._a('O', xt, hp))
            return O * torch.tanh(C), C
    return Cell()


# KaoruNasuno/PaperShare 20150806_GRU.ipynb (GRU, Cho et al.); W_r, W_z, W (h,x); U_r, U_z, U (h,h); no biases
# (the parameter list names only these six). Count: 3*(h*x + h*h).
@_export
def h51a_kaorunasuno_gru(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.Wr, self.Wz, self.W = _p(h, x), _p(h, x), _p(h, x)
            self.Ur, self.Uz, self.U = _p(h, h), _p(h, h), _p(h, h)

        def forward(self, xt, hp):
            r = torch.sigmoid(xt @ self.Wr.T + hp @ self.Ur.T)
            z = torch.sigmoid(xt @ self.Wz.T + hp @ self.Uz.T)
            ht = torch.tanh(xt @ self.W.T + (r * hp) @ self.U.T)
            return z * hp + (1 - z) * ht
    return Cell()


# KaoruNasuno/PaperShare 20150806_GRU.ipynb (LSTM) -- expect refuse: the note says the formulas omit the bias terms,
# and V_o's shape (full or diagonal peephole) is not given. Most plausible reading built here: exactly the listed
# parameters, W_i, W_f, W_c, W_o (h,x), U_i, U_f, U_c, U_o (h,h), V_o full (h,h), no biases.
# Count: 4*(h*x + h*h) + h*h.
@_export
def h51a_kaorunasuno_lstm(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W = nn.ParameterDict({g: _p(h, x) for g in 'ifco'})
            self.U = nn.ParameterDict({g: _p(h, h) for g in 'ifco'})
            self.Vo = _p(h, h)

        def forward(self, xt, hp, cp):
            a = {g: xt @ self.W[g].T + hp @ self.U[g].T for g in 'ifco'}
            i = torch.sigmoid(a['i'])
            ct = torch.tanh(a['c'])
            f = torch.sigmoid(a['f'])
            c = i * ct + f * cp
            o = torch.sigmoid(a['o'] + c @ self.Vo.T)
            return o * torch.tanh(c), c
    return Cell()


# R7788380/Various-RNNs-Tensorflow- LSTM/LSTM.ipynb (Greff-style LSTM, no peepholes); for z, i, f, o:
# W_* (y,x), R_* (y,y), b_* (y); hidden state/output y. Count: 4*(y*x + y*y + y).
@_export
def h51a_r7788380_lstm(x=7, y=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W = nn.ParameterDict({g: _p(y, x) for g in 'zifo'})
            self.R = nn.ParameterDict({g: _p(y, y) for g in 'zifo'})
            self.b = nn.ParameterDict({g: _p(y) for g in 'zifo'})

        def forward(self, xt, yp, cp):
            a = {g: xt @ self.W[g].T + yp @ self.R[g].T + self.b[g] for g in 'zifo'}
            z = torch.tanh(a['z'])
            i, f, o = torch.sigmoid(a['i']), torch.sigmoid(a['f']), torch.sigmoid(a['o'])
            c = i * z + f * cp
            return o * torch.tanh(c), c
    return Cell()


# salamnocap/ml-book-gru gru.ipynb (Minimal gated unit); W_f, W_h (h, h+x) on concatenations, b_f, b_h (h).
# Count: 2*(h*(h+x) + h).
@_export
def h51a_salamnocap_mgu(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.Wf, self.bf = _p(h, h + x), _p(h)
            self.Wh, self.bh = _p(h, h + x), _p(h)

        def forward(self, xt, hp):
            f = torch.sigmoid(torch.cat([hp, xt], -1) @ self.Wf.T + self.bf)
            ht = torch.tanh(torch.cat([f * hp, xt], -1) @ self.Wh.T + self.bh)
            return (1 - f) * hp + f * ht
    return Cell()


# spallanzanimatteo/DeepTeaching Lesson_3.ipynb (Elman recurrence s_t = sigma(x_t W^(X) + s_{t-1} W^(S)));
# W^(X) (x,s), W^(S) (s,s), no bias. Count: x*s + s*s.
@_export
def h51a_spallanzani_elman(x=7, s=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.WX = _p(x, s)
            self.WS = _p(s, s)

        def forward(self, xt, sp):
            return torch.sigmoid(xt @ self.WX + sp @ self.WS)
    return Cell()


# norellj/deep_machine_learning RNNs.ipynb (single-layer RNN + log-softmax output); W_h (h,x), U_h (h,h), b_h (h),
# W_y (y,h), b_y (y). Count: h*x + h*h + h + y*h + y.
@_export
def h51a_norellj_rnn(x=7, h=5, y=3):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.Wh, self.Uh, self.bh = _p(h, x), _p(h, h), _p(h)
            self.Wy, self.by = _p(y, h), _p(y)

        def forward(self, xt, hp):
            ht = torch.tanh(xt @ self.Wh.T + hp @ self.Uh.T + self.bh)
            return ht, torch.log_softmax(ht @ self.Wy.T + self.by, -1)
    return Cell()


# davideturco/DN_week7 RNN_LSTM.ipynb (h_t = g(U h_{t-1} + W x_t), y_t = f(V h_t)); U (h,h), W (h,x), V (y,h),
# no biases; g = tanh, f = softmax chosen for the step (activations carry no parameters). Count: h*h + h*x + y*h.
@_export
def h51a_davideturco_rnn(x=7, h=5, y=3):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.U, self.W, self.V = _p(h, h), _p(h, x), _p(y, h)

        def forward(self, xt, hp):
            ht = torch.tanh(hp @ self.U.T + xt @ self.W.T)
            return ht, torch.softmax(ht @ self.V.T, -1)
    return Cell()


# R7788380/Various-RNNs-Tensorflow- GRU/GRU.ipynb (GRU); W_r, W_z, W_h (h,x), U_r, U_z, U_h (h,h), b_r, b_z, b_h (h);
# the reset gate multiplies the recurrent term (placement does not change the count). Count: 3*(h*x + h*h + h).
@_export
def h51a_r7788380_gru(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W = nn.ParameterDict({g: _p(h, x) for g in 'rzh'})
            self.U = nn.ParameterDict({g: _p(h, h) for g in 'rzh'})
            self.b = nn.ParameterDict({g: _p(h) for g in 'rzh'})

        def forward(self, xt, hp):
            r = torch.sigmoid(xt @ self.W['r'].T + hp @ self.U['r'].T + self.b['r'])
            z = torch.sigmoid(xt @ self.W['z'].T + hp @ self.U['z'].T + self.b['z'])
            ht = torch.tanh(xt @ self.W['h'].T + (hp @ self.U['h'].T) * r + self.b['h'])
            return z * hp + (1 - z) * ht
    return Cell()


# salamnocap/ml-book-gru gru.ipynb (Light GRU) -- expect refuse: whether the two BN(.) carry learned scale/shift
# is not said. Most plausible reading built here (Li-GRU as in Ravanelli et al.): W_z, W_h (h,x), U_z, U_h (h,h),
# no biases, each BN with affine gamma, beta (h each). Count: 2*(h*x + h*h) + 4*h.
@_export
def h51a_salamnocap_ligru(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.Wz, self.Wh = _p(h, x), _p(h, x)
            self.Uz, self.Uh = _p(h, h), _p(h, h)
            self.bn_z = nn.BatchNorm1d(h)
            self.bn_h = nn.BatchNorm1d(h)

        def forward(self, xt, hp):
            z = torch.sigmoid(self.bn_z(xt @ self.Wz.T) + hp @ self.Uz.T)
            ht = torch.relu(self.bn_h(xt @ self.Wh.T) + hp @ self.Uh.T)
            return z * hp + (1 - z) * ht
    return Cell()


# valmirf/redes_neurais_esp RNN/RNN.ipynb (Portuguese, word-named RNN); weight_hidden (hidden,hidden),
# weight_input (hidden,input), weight_output (output,hidden); no biases. Count: hidden^2 + hidden*input + output*hidden.
@_export
def h51a_valmirf_rnn(input=7, hidden=5, output=3):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.w_hidden = _p(hidden, hidden)
            self.w_input = _p(hidden, input)
            self.w_output = _p(output, hidden)

        def forward(self, xt, hp):
            ht = torch.tanh(hp @ self.w_hidden.T + xt @ self.w_input.T)
            return ht, ht @ self.w_output.T
    return Cell()


