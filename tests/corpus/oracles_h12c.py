"""Oracles for the h12c gatherer's snippets (paper / thesis LaTeX sources)."""
import torch
from torch import nn

__all__ = [
    "madsen_lstm_stack_noBias",
    "tcsvt_peephole_full_lstm",
    "albiero_rnn_generic",
    "madsen_rnn_stack_noBias",
]


class _P(nn.Module):
    def p(self, *shape):
        return nn.Parameter(torch.randn(*shape) * 0.1)


# ---------------------------------------------------------------------------
class _GravesNoBiasLSTMLayer(_P):
    """One layer of the sum-notation LSTM: every gate and the block input are weighted sums of the
    layer below (H_{l-1} units) and of the layer's own previous output (H units); no biases."""

    def __init__(self, n_in, H):
        super().__init__()
        self.w_in = nn.ParameterDict({g: self.p(H, n_in) for g in ("h", "rho", "phi", "omega")})
        self.w_rec = nn.ParameterDict({g: self.p(H, H) for g in ("h", "rho", "phi", "omega")})

    def forward(self, x, b_prev, s_prev):
        a = {g: x @ self.w_in[g].T + b_prev @ self.w_rec[g].T for g in self.w_in}
        s = torch.sigmoid(a["phi"]) * s_prev + torch.sigmoid(a["rho"]) * torch.tanh(a["h"])
        b = torch.sigmoid(a["omega"]) * torch.tanh(s)
        return b, s


class _MadsenNet(nn.Module):
    def __init__(self, x, H, K, L):
        super().__init__()
        self.layers = nn.ModuleList([_GravesNoBiasLSTMLayer(x if l == 0 else H, H) for l in range(L)])
        self.out = nn.Linear(H, K, bias=False)   # w_{h_L, h_{L+1}}, softmax output

    def forward(self, xt, state=None):
        H = self.layers[0].w_rec["h"].shape[0]
        if state is None:
            state = [(xt.new_zeros(xt.shape[0], H), xt.new_zeros(xt.shape[0], H)) for _ in self.layers]
        inp, new = xt, []
        for layer, (b, s) in zip(self.layers, state):
            b, s = layer(inp, b, s)
            new.append((b, s))
            inp = b
        return torch.softmax(self.out(inp), -1), new


def madsen_lstm_stack_noBias(x=7, H=5, K=3):
    # options layers=2: layer 1 4*(H*x + H*H) = 240, layer 2 4*(H*H + H*H) = 200,
    # output w_{h_L,h_{L+1}} H*K = 15  -> 455
    return _MadsenNet(x, H, K, 2)


# ---------------------------------------------------------------------------
class _PeepholeFull(_P):
    """i,f,o gates with W_x*, W_h*, full-matrix W_c* peepholes and a bias; cell input without
    peephole (W_xc, W_hc, b_c)."""

    def __init__(self, x, h):
        super().__init__()
        self.Wx = nn.ParameterDict({g: self.p(h, x) for g in "ifco"})
        self.Wh = nn.ParameterDict({g: self.p(h, h) for g in "ifco"})
        self.Wc = nn.ParameterDict({g: self.p(h, h) for g in "ifo"})
        self.b = nn.ParameterDict({g: self.p(h) for g in "ifco"})

    def forward(self, xt, hc=None):
        h_ = self.Wh["i"].shape[0]
        if hc is None:
            hc = (xt.new_zeros(xt.shape[0], h_), xt.new_zeros(xt.shape[0], h_))
        h, c = hc
        lin = lambda g: xt @ self.Wx[g].T + h @ self.Wh[g].T + self.b[g]
        i = torch.sigmoid(lin("i") + c @ self.Wc["i"].T)
        f = torch.sigmoid(lin("f") + c @ self.Wc["f"].T)
        c_new = f * c + i * torch.tanh(lin("c"))
        o = torch.sigmoid(lin("o") + c @ self.Wc["o"].T)   # as written: peephole on c^{t-1}
        return o * torch.tanh(c_new), c_new


def tcsvt_peephole_full_lstm(x=7, h=5):
    # 4*(h*x + h*h + h) + 3*h*h = 260 + 75 = 335
    return _PeepholeFull(x, h)


# ---------------------------------------------------------------------------
class _Elman(nn.Module):
    def __init__(self, x, h):
        super().__init__()
        self.W = nn.Linear(x, h)              # x^{(t)} -> h, with bias
        self.U = nn.Linear(h, h, bias=False)  # h^{(t-1)} -> h

    def forward(self, xt, h=None):
        if h is None:
            h = xt.new_zeros(xt.shape[0], self.U.in_features)
        return torch.tanh(self.W(xt) + self.U(h))


def albiero_rnn_generic(x=7, h=5):
    # expect: refuse (g is generic).  A plausible reading, Elman tanh(W x + U h + b): 35 + 5 + 25 = 65
    return _Elman(x, h)


# ---------------------------------------------------------------------------
class _MadsenRNN(nn.Module):
    def __init__(self, I, H, K, L):
        super().__init__()
        self.w_in = nn.ModuleList([nn.Linear(I if l == 0 else H, H, bias=False) for l in range(L)])
        self.w_rec = nn.ModuleList([nn.Linear(H, H, bias=False) for _ in range(L)])
        self.out = nn.Linear(H, K, bias=False)   # feed-forward equation at l = L+1 -> a_k

    def forward(self, xt, state=None):
        H = self.w_rec[0].in_features
        if state is None:
            state = [xt.new_zeros(xt.shape[0], H) for _ in self.w_rec]
        inp, new = xt, []
        for wi, wr, b in zip(self.w_in, self.w_rec, state):
            b = torch.tanh(wi(inp) + wr(b))
            new.append(b)
            inp = b
        return self.out(inp), new


def madsen_rnn_stack_noBias(I=7, H=5, K=3):
    # options layers=2: (H*I + H*H) + (H*H + H*H) + H*K = 60 + 50 + 15 = 125
    return _MadsenRNN(I, H, K, 2)
