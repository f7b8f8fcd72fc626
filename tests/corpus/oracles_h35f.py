"""Oracles for the h35f set-aside snippets (heldout35), as its gatherer wrote them."""
import torch
from torch import nn

__all__ = []


def _export(f):
    __all__.append(f.__name__)
    return f


def _p(*shape):
    return nn.Parameter(torch.randn(*shape) * 0.1)


# wjhsh.net (zh mirror) GRU with mangled LaTeX; W^z, W^r, W^h (h,x) and U^z, U^r, U^h (h,h), no biases;
# candidate tanh(W^h x + U^h(h ⊙ r)), h_t = (1-z) ⊙ h~ + z ⊙ h_{t-1}. Count: 3*(h*x + h*h).
@_export
def h35f_wjhsh_gru(x=6, h=4):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W = nn.ModuleList([nn.Linear(x, h, bias=False) for _ in range(3)])
            self.U = nn.ModuleList([nn.Linear(h, h, bias=False) for _ in range(3)])

        def forward(self, xt, hp):
            z = torch.sigmoid(self.W[0](xt) + self.U[0](hp))
            r = torch.sigmoid(self.W[1](xt) + self.U[1](hp))
            ht = torch.tanh(self.W[2](xt) + self.U[2](hp * r))
            return (1 - z) * ht + z * hp
    return Cell()


# 123docz.net (vi) LSTM (refuse: only i_t and C~ written; forget/output formulas in figures); most plausible
# reading: standard concatenated LSTM, W_{f,i,C,o} (h, h+x) on [h_{t-1}, x_t] with biases (h).
# Count: 4*(h*(h+x) + h).
@_export
def h35f_123docz_lstm(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.Wf = nn.Linear(h + x, h)
            self.Wi = nn.Linear(h + x, h)
            self.WC = nn.Linear(h + x, h)
            self.Wo = nn.Linear(h + x, h)

        def forward(self, xt, state):
            hp, Cp = state
            hx = torch.cat([hp, xt], -1)
            f = torch.sigmoid(self.Wf(hx))
            i = torch.sigmoid(self.Wi(hx))
            Ct = torch.tanh(self.WC(hx))
            o = torch.sigmoid(self.Wo(hx))
            C = f * Cp + i * Ct
            return o * torch.tanh(C), C
    return Cell()
