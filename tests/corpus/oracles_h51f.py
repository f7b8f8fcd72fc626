"""Oracles for the h51f set-aside snippets (heldout51), as its gatherer wrote them."""
import torch
from torch import nn

__all__ = []


def _export(f):
    __all__.append(f.__name__)
    return f


def _p(*shape):
    return nn.Parameter(torch.randn(*shape) * 0.1)


# flavioforenza/thesis_latex (Italian thesis), RNN written only as h_t = f(h_{t-1}, x_t); most plausible reading:
# Elman cell h_t = tanh(W x_t + U h_{t-1} + b), W (h×x), U (h×h), b (h); output = state (text: "l'output ... corrisponde allo stato
# stesso"); Count: h*x + h*h + h.
@_export
def h51f_forenza_rnn(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W, self.U, self.b = _p(h, x), _p(h, h), _p(h)

        def forward(self, x_t, h_prev):
            return torch.tanh(x_t @ self.W.T + h_prev @ self.U.T + self.b)
    return Cell()


# NCKU-MHMC/dl-note (Traditional Chinese Logseq notes), RNN h_t = α(x_t W_x^T + h_{t-1} W_h^T + b), α = tanh;
# W_x (n×m), W_h (n×n), b (n) as declared in the text; Count: n*m + n*n + n.
@_export
def h51f_nckumhmc_rnn(m=7, n=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_x, self.W_h, self.b = _p(n, m), _p(n, n), _p(n)

        def forward(self, x_t, h_prev):
            return torch.tanh(x_t @ self.W_x.T + h_prev @ self.W_h.T + self.b)
    return Cell()


# Woosci/Model-Study (Korean notebook), CustomLSTM(input_size, hidden_size, num_layers, bias=True) + Linear head (MyLSTM);
# per layer l: W_ih[l] (4h × in_l, in_0 = input_size, else hidden_size), W_hh[l] (4h×h), b_ih[l], b_hh[l] (4h); fc: Linear(h, output_size);
# Count: sum_l (4h*in_l + 4h*h + 8h) + h*output_size + output_size.
@_export
def h51f_woosci_stackedlstm(input_size=2, hidden_size=10, num_layers=2, output_size=1):
    h = hidden_size

    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_ih = nn.ParameterList([_p(4 * h, input_size if i == 0 else h) for i in range(num_layers)])
            self.W_hh = nn.ParameterList([_p(4 * h, h) for _ in range(num_layers)])
            self.b_ih = nn.ParameterList([_p(4 * h) for _ in range(num_layers)])
            self.b_hh = nn.ParameterList([_p(4 * h) for _ in range(num_layers)])
            self.fc = nn.Linear(h, output_size)

        def forward(self, x_t, h_t, c_t):
            h_new, c_new = [], []
            for layer in range(num_layers):
                inp = x_t if layer == 0 else h_new[layer - 1]
                gates = inp @ self.W_ih[layer].T + self.b_ih[layer] + h_t[layer] @ self.W_hh[layer].T + self.b_hh[layer]
                i, f, g, o = gates.chunk(4, dim=1)
                i, f, o, g = torch.sigmoid(i), torch.sigmoid(f), torch.sigmoid(o), torch.tanh(g)
                c = f * c_t[layer] + i * g
                h_new.append(o * torch.tanh(c))
                c_new.append(c)
            return self.fc(h_new[-1]), h_new, c_new
    return Cell()


# LooperXX/LooperXX.github.io (Chinese CS224n notes), RNN language model h_t = σ(W^(hh) h_{t-1} + W^(hx) x_t), ŷ = softmax(W^(S) h_t);
# W^(hx) (D_h×d), W^(hh) (D_h×D_h), W^(S) (|V|×D_h), no biases; Count: D_h*d + D_h^2 + V*D_h.
@_export
def h51f_looperxx_rnnlm(d=7, D_h=5, V=3):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_hx, self.W_hh, self.W_S = _p(D_h, d), _p(D_h, D_h), _p(V, D_h)

        def forward(self, x_t, h_prev):
            h = torch.sigmoid(h_prev @ self.W_hh.T + x_t @ self.W_hx.T)
            return torch.softmax(h @ self.W_S.T, dim=-1), h
    return Cell()


# LooperXX/LooperXX.github.io (Chinese CS224n notes), GRU z = σ(W^(z)x + U^(z)h), r = σ(W^(r)x + U^(r)h),
# h~ = tanh(r ∘ U h + W x), h = (1-z) ∘ h~ + z ∘ h; W, W^(r), W^(z) (h×x), U, U^(r), U^(z) (h×h), no biases;
# Count: 3*(h*x + h*h).
@_export
def h51f_looperxx_gru(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_z, self.U_z = _p(h, x), _p(h, h)
            self.W_r, self.U_r = _p(h, x), _p(h, h)
            self.W, self.U = _p(h, x), _p(h, h)

        def forward(self, x_t, h_prev):
            z = torch.sigmoid(x_t @ self.W_z.T + h_prev @ self.U_z.T)
            r = torch.sigmoid(x_t @ self.W_r.T + h_prev @ self.U_r.T)
            hh = torch.tanh(r * (h_prev @ self.U.T) + x_t @ self.W.T)
            return (1 - z) * hh + z * h_prev
    return Cell()


# FIUBA aprendizaje_profundo (Spanish notebook), RNN_clas: torch.nn.RNN(input_size, hidden_size, num_layers) (tanh, bias=True:
# per layer W_ih, W_hh, b_ih, b_hh) + Linear(hidden_size, out_fc) on the last step + softmax;
# Count: h*(in+h+2) + (num_layers-1)*h*(2h+2) + h*out_fc + out_fc.
@_export
def h51f_fiuba_rnnclas(input_size=2, hidden_size=40, num_layers=2, out_fc=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.rnn1 = nn.RNN(input_size, hidden_size, num_layers, batch_first=True)
            self.fc = nn.Linear(hidden_size, out_fc)

        def forward(self, x, h0=None):
            y, h = self.rnn1(x, h0)
            return torch.softmax(self.fc(y[:, -1]), 1), h
    return Cell()


# luner0991/hbu_nndl-Experiment (Chinese homework), SRN with scalar weights: W = [[w1,w3],[w2,w4]] (h×x), U = [[U2,U4],[U1,U3]] (h×h),
# V = [[w5,w7],[w6,w8]] (y×h); bias = 0 (none); h_t = tanh(W x_t + U h_{t-1}), y_t = V h_t; Count: h*x + h*h + y*h (12 at 2,2,2).
@_export
def h51f_luner_srn(x=2, h=2, y=2):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W, self.U, self.V = _p(h, x), _p(h, h), _p(y, h)

        def forward(self, x_t, h_prev):
            h_t = torch.tanh(x_t @ self.W.T + h_prev @ self.U.T)
            return h_t @ self.V.T, h_t
    return Cell()


# samfu1994/thesis (Chinese thesis), LSTM described in prose only (three sigmoid gates + cell state, figure not in text);
# oracle reading: standard LSTM on [h_{t-1}, x_t] with one bias per gate/candidate: W_f, W_i, W_c, W_o (h×(h+x)), b_* (h);
# Count: 4*(h*(h+x) + h).
@_export
def h51f_samfu_lstm(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W = nn.ParameterList([_p(h, h + x) for _ in range(4)])
            self.b = nn.ParameterList([_p(h) for _ in range(4)])

        def forward(self, x_t, h_prev, c_prev):
            z = torch.cat([h_prev, x_t], dim=-1)
            f, i, o = (torch.sigmoid(z @ self.W[k].T + self.b[k]) for k in range(3))
            g = torch.tanh(z @ self.W[3].T + self.b[3])
            c = f * c_prev + i * g
            return o * torch.tanh(c), c
    return Cell()


# deeplearning4j-docs (Chinese translation), RNN in prose: h_t = φ(W x_t + U h_{t-1}), φ = sigmoid or tanh, no bias mentioned;
# W (h×x), U (h×h); Count: h*x + h*h.
@_export
def h51f_dl4jcn_rnn(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W, self.U = _p(h, x), _p(h, h)

        def forward(self, x_t, h_prev):
            return torch.tanh(x_t @ self.W.T + h_prev @ self.U.T)
    return Cell()


# LooperXX/LooperXX.github.io (Chinese CS224n notes), bidirectional RNN: per direction W (h×x), V (h×h), b (h);
# ŷ_t = g(U[→h_t; ←h_t] + c), U (y×2h), c (y); Count: 2*(h*x + h*h + h) + y*2h + y.
@_export
def h51f_looperxx_birnn(x=7, h=5, y=3):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.Wf, self.Vf, self.bf = _p(h, x), _p(h, h), _p(h)
            self.Wb, self.Vb, self.bb = _p(h, x), _p(h, h), _p(h)
            self.U, self.c = _p(y, 2 * h), _p(y)

        def forward(self, x_t, hf_prev, x_t_rev, hb_next):
            hf = torch.tanh(x_t @ self.Wf.T + hf_prev @ self.Vf.T + self.bf)
            hb = torch.tanh(x_t_rev @ self.Wb.T + hb_next @ self.Vb.T + self.bb)
            return torch.softmax(torch.cat([hf, hb], -1) @ self.U.T + self.c, -1), hf, hb
    return Cell()


# EuphoriaYan/CS224n-assignments-and-notes (Chinese notes), RNN h_t = σ(W^(hh) h_{t-1} + W^(hx) x_t); W^(hh) (h×h), W^(hx) (h×x),
# no bias and no output layer written; Count: h*h + h*x.
@_export
def h51f_euphoria_rnn(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_hh, self.W_hx = _p(h, h), _p(h, x)

        def forward(self, x_t, h_prev):
            return torch.sigmoid(h_prev @ self.W_hh.T + x_t @ self.W_hx.T)
    return Cell()


# LooperXX/LooperXX.github.io (Chinese CS224n notes), L-layer deep bidirectional RNN (text inconsistent: layer index only on the forward W);
# oracle reading: per layer i and direction: W^(i) (h×in_i, in_1 = x, in_i = 2h above), V^(i) (h×h), b^(i) (h); output U (y×2h), c (y);
# Count: 2*(h*x + h*h + h) + (L-1)*2*(h*2h + h*h + h) + y*2h + y.
@_export
def h51f_looperxx_deepbirnn(x=7, h=5, y=3, L=2):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            ins = [x] + [2 * h] * (L - 1)
            self.Wf = nn.ParameterList([_p(h, n) for n in ins])
            self.Vf = nn.ParameterList([_p(h, h) for _ in ins])
            self.bf = nn.ParameterList([_p(h) for _ in ins])
            self.Wb = nn.ParameterList([_p(h, n) for n in ins])
            self.Vb = nn.ParameterList([_p(h, h) for _ in ins])
            self.bb = nn.ParameterList([_p(h) for _ in ins])
            self.U, self.c = _p(y, 2 * h), _p(y)

        def forward(self, x_t, hf_prev, hb_next):
            inp = x_t
            hf_new, hb_new = [], []
            for i in range(L):
                hf = torch.tanh(inp @ self.Wf[i].T + hf_prev[i] @ self.Vf[i].T + self.bf[i])
                hb = torch.tanh(inp @ self.Wb[i].T + hb_next[i] @ self.Vb[i].T + self.bb[i])
                hf_new.append(hf); hb_new.append(hb)
                inp = torch.cat([hf, hb], -1)
            return torch.softmax(inp @ self.U.T + self.c, -1), hf_new, hb_new
    return Cell()
