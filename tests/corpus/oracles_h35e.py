"""Oracles for the h35e set-aside snippets (heldout35), as its gatherer wrote them."""
import torch
from torch import nn

__all__ = []


def _export(f):
    __all__.append(f.__name__)
    return f


def _p(*shape):
    return nn.Parameter(torch.randn(*shape) * 0.1)


# francois-rozet/inox GRUCell; lin_h Linear(H, 3H, bias), lin_x Linear(C, 3H, bias), bias=True default.
# Count: 3H*H + 3H + 3H*C + 3H.
@_export
def h35e_inox_gru(C=7, H=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.lin_h = nn.Linear(H, 3 * H)
            self.lin_x = nn.Linear(C, 3 * H)

        def forward(self, h, x):
            rh, zh, gh = self.lin_h(h).chunk(3, -1)
            rx, zx, gx = self.lin_x(x).chunk(3, -1)
            r = torch.sigmoid(rx + rh)
            z = torch.sigmoid(zx + zh)
            g = torch.tanh(gx + r * gh)
            return (1 - z) * g + z * h
    return Cell()


# francois-rozet/inox LSTMCell; lin_h Linear(H, 4H, bias), lin_x Linear(C, 4H, bias).
# Count: 4H*H + 4H + 4H*C + 4H.
@_export
def h35e_inox_lstm(C=7, H=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.lin_h = nn.Linear(H, 4 * H)
            self.lin_x = nn.Linear(C, 4 * H)

        def forward(self, hc, x):
            h, c = hc
            i, f, g, o = (self.lin_h(h) + self.lin_x(x)).chunk(4, -1)
            c = torch.sigmoid(f) * c + torch.sigmoid(i) * torch.tanh(g)
            return torch.sigmoid(o) * torch.tanh(c), c
    return Cell()


# zndx.github.io RWKV-7 time mixing (refuse: r, k, v, a, g, kk projections and W1/W2 rank never given);
# reading: only the written parameters: mu_r, mu_w, mu_k, mu_v, mu_a, mu_g (D each), w0 (D), W1 (D, 2),
# W2 (2, D) with an assumed LoRA rank 2; one head, r, k, v, a taken from the mixed inputs directly.
# Count: 6*D + D + 2*D*2.
@_export
def h35e_zndx_rwkv7(D=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.mu = nn.ParameterDict({g: _p(1, 1, D) for g in "rwkvag"})
            self.w0 = _p(D)
            self.W1 = _p(D, 2)
            self.W2 = _p(2, D)

        def forward(self, xt, xp, S):
            delta = xp - xt
            xs = {g: (xt + delta * self.mu[g]).reshape(-1, D) for g in "rwkvag"}
            w = -nn.functional.softplus(-(self.w0 + torch.tanh(xs["w"] @ self.W1) @ self.W2)) - 0.5
            kk = nn.functional.normalize(xs["k"], dim=-1)
            a = torch.sigmoid(xs["a"])
            ab = (-kk).unsqueeze(-1) @ (kk * a).unsqueeze(-2)
            S = torch.diag_embed(torch.exp(w)) @ S + S @ ab + xs["v"].unsqueeze(-1) @ xs["k"].unsqueeze(-2)
            return (S @ xs["r"].unsqueeze(-1)).squeeze(-1), S
    return Cell()


