"""Oracles for the h13c gatherer's snippets (paper / thesis sources)."""
import torch
from torch import nn

__all__ = [
    "lamductan_vanilla_rnn_concat_nobias",
    "lamductan_peephole_concat_lstm",
]


class _P(nn.Module):
    def p(self, *shape):
        return nn.Parameter(torch.randn(*shape) * 0.1)


# ---------------------------------------------------------------------------
class _ConcatRNNNoBias(_P):
    """h_t = tanh(W [x_t; h_{t-1}]), one W of shape h x (x+h), no bias."""

    def __init__(self, x, h):
        super().__init__()
        self.W = self.p(h, x + h)

    def forward(self, xt, ht=None):
        if ht is None:
            ht = xt.new_zeros(xt.shape[0], self.W.shape[0])
        return torch.tanh(torch.cat([xt, ht], -1) @ self.W.T)


def lamductan_vanilla_rnn_concat_nobias(x=7, h=5):
    # h*(x+h) = 5*12 = 60
    return _ConcatRNNNoBias(x, h)


class _ConcatPeepholeLSTM(_P):
    """f, i, o: W_g [C, h_{t-1}, x_t] + b_g; candidate W_c [C_{t-1}, h_{t-1}, x_t] without bias;
    the output gate reads the new cell C_t."""

    def __init__(self, x, h):
        super().__init__()
        self.W = nn.ParameterDict({g: self.p(h, 2 * h + x) for g in "fico"})
        self.b = nn.ParameterDict({g: self.p(h) for g in "fio"})

    def forward(self, xt, state=None):
        hs = self.W["f"].shape[0]
        if state is None:
            state = (xt.new_zeros(xt.shape[0], hs), xt.new_zeros(xt.shape[0], hs))
        h, C = state
        z = torch.cat([C, h, xt], -1)
        f = torch.sigmoid(z @ self.W["f"].T + self.b["f"])
        i = torch.sigmoid(z @ self.W["i"].T + self.b["i"])
        Ch = torch.tanh(z @ self.W["c"].T)
        C = f * C + i * Ch
        o = torch.sigmoid(torch.cat([C, h, xt], -1) @ self.W["o"].T + self.b["o"])
        return o * torch.tanh(C), C


def lamductan_peephole_concat_lstm(x=7, h=5):
    # 4 * h*(2h+x) + 3h = 4*5*17 + 15 = 355
    return _ConcatPeepholeLSTM(x, h)
