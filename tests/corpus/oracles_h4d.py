import torch
from torch import nn

__all__ = ["onnx_rnn", "indrnn_phi_no_hh_bias", "bigdl_rnncell_nobias", "torch_gru_xla", "monotonic_gru", "mgu_two_bias", "ran_additive", "sru_blog", "torch_gru_pyvqnet"]


class _ONNXRNN(nn.Module):
    def __init__(self, x, h):
        super().__init__()
        self.cell = nn.RNNCell(x, h)
        self.x, self.h = x, h

    def forward(self, X, H):
        return self.cell(X, H)

    def example(self):
        return torch.randn(2, self.x), torch.randn(2, self.h)


def onnx_rnn(X, H):
    """Ht = tanh(Xt Wi^T + Ht-1 Ri^T + Wbi + Rbi): torch RNNCell has exactly Wi, Ri, Wbi, Rbi."""
    return _ONNXRNN(X, H)


class _IndRNN(nn.Module):
    def __init__(self, x, h):
        super().__init__()
        self.W_ih = nn.Parameter(torch.randn(h, x))
        self.b_ih = nn.Parameter(torch.randn(h))
        self.w_hh = nn.Parameter(torch.randn(h))
        self.x, self.h = x, h

    def forward(self, X, H):
        return torch.tanh(X @ self.W_ih.T + self.b_ih + self.w_hh * H)

    def example(self):
        return torch.randn(2, self.x), torch.randn(2, self.h)


def indrnn_phi_no_hh_bias(x, h):
    """h_t = phi(W_ih x_t + b_ih + w_hh o h_{t-1}); w_hh a vector."""
    return _IndRNN(x, h)


class _BigDLRnn(nn.Module):
    def __init__(self, x, h):
        super().__init__()
        self.i2h = nn.Parameter(torch.randn(h, x))
        self.h2h = nn.Parameter(torch.randn(h, h))
        self.x, self.h = x, h

    def forward(self, X, H):
        return torch.tanh(X @ self.i2h.T + H @ self.h2h.T)

    def example(self):
        return torch.randn(2, self.x), torch.randn(2, self.h)


def bigdl_rnncell_nobias(x, h):
    """h_t = f(i2h * x_t + h2h * h_{t-1}): two weight matrices, no bias written."""
    return _BigDLRnn(x, h)


class _TorchGRU(nn.Module):
    def __init__(self, x, h):
        super().__init__()
        self.gru = nn.GRU(x, h)
        self.x, self.h = x, h

    def forward(self, X, H):
        return self.gru(X, H)

    def example(self):
        return torch.randn(1, 2, self.x), torch.randn(1, 2, self.h)


def torch_gru_xla(x, h):
    """torch.nn.GRU equations (r, z, n with b_i* and b_h*): the framework's own module."""
    return _TorchGRU(x, h)


class _MonotonicGRU(nn.Module):
    def __init__(self, x, h):
        super().__init__()
        for g in "rzn":
            setattr(self, f"W_i{g}", nn.Parameter(torch.randn(h, x)))
            setattr(self, f"b_i{g}", nn.Parameter(torch.randn(h)))
            setattr(self, f"W_h{g}", nn.Parameter(torch.randn(h, h)))
            setattr(self, f"b_h{g}", nn.Parameter(torch.randn(h)))
        self.x, self.h = x, h

    def forward(self, X, H):
        r = torch.sigmoid(X @ self.W_ir.T + self.b_ir + H @ self.W_hr.T + self.b_hr)
        z = torch.sigmoid(X @ self.W_iz.T + self.b_iz + H @ self.W_hz.T + self.b_hz)
        n = torch.tanh(X @ self.W_in.T + self.b_in + ((r * H) @ self.W_hn.T + self.b_hn))
        return (1 - z) * n + H

    def example(self):
        return torch.randn(2, self.x), torch.randn(2, self.h)


def monotonic_gru(x, h):
    """Six weights, six biases as written; h_t = (1 - z_t) * n_t + h_{t-1}."""
    return _MonotonicGRU(x, h)


class _MGU(nn.Module):
    def __init__(self, x, h):
        super().__init__()
        for g in "fh":
            setattr(self, f"W_ih_{g}", nn.Parameter(torch.randn(h, x)))
            setattr(self, f"b_ih_{g}", nn.Parameter(torch.randn(h)))
            setattr(self, f"W_hh_{g}", nn.Parameter(torch.randn(h, h)))
            setattr(self, f"b_hh_{g}", nn.Parameter(torch.randn(h)))
        self.x, self.h = x, h

    def forward(self, X, H):
        f = torch.sigmoid(X @ self.W_ih_f.T + self.b_ih_f + H @ self.W_hh_f.T + self.b_hh_f)
        ht = torch.tanh(X @ self.W_ih_h.T + self.b_ih_h + (f * H) @ self.W_hh_h.T + self.b_hh_h)
        return (1 - f) * H + f * ht

    def example(self):
        return torch.randn(2, self.x), torch.randn(2, self.h)


def mgu_two_bias(x, h):
    """MGU with W_ih^g, b_ih^g, W_hh^g, b_hh^g for g in {f, h}."""
    return _MGU(x, h)


class _RAN(nn.Module):
    def __init__(self, x, h):
        super().__init__()
        self.W_ih_c = nn.Parameter(torch.randn(h, x))
        self.b_ih_c = nn.Parameter(torch.randn(h))
        for g in "if":
            setattr(self, f"W_ih_{g}", nn.Parameter(torch.randn(h, x)))
            setattr(self, f"b_ih_{g}", nn.Parameter(torch.randn(h)))
            setattr(self, f"W_hh_{g}", nn.Parameter(torch.randn(h, h)))
            setattr(self, f"b_hh_{g}", nn.Parameter(torch.randn(h)))
        self.x, self.h = x, h

    def forward(self, X, H, C):
        ct = X @ self.W_ih_c.T + self.b_ih_c
        i = torch.sigmoid(X @ self.W_ih_i.T + self.b_ih_i + H @ self.W_hh_i.T + self.b_hh_i)
        f = torch.sigmoid(X @ self.W_ih_f.T + self.b_ih_f + H @ self.W_hh_f.T + self.b_hh_f)
        c = i * ct + f * C
        return torch.tanh(c), c

    def example(self):
        return torch.randn(2, self.x), torch.randn(2, self.h), torch.randn(2, self.h)


def ran_additive(x, h):
    """RAN: linear candidate W_ih^c, b_ih^c; gates i, f with W_ih, b_ih, W_hh, b_hh."""
    return _RAN(x, h)


class _SRU(nn.Module):
    def __init__(self, x, c):
        super().__init__()
        assert x == c, "h_t = r_t * c_t + (1 - r_t) * x_t needs dim x == dim c"
        self.W_f = nn.Parameter(torch.randn(c, x))
        self.v_f = nn.Parameter(torch.randn(c))
        self.b_f = nn.Parameter(torch.randn(c))
        self.W_r = nn.Parameter(torch.randn(c, x))
        self.v_r = nn.Parameter(torch.randn(c))
        self.b_r = nn.Parameter(torch.randn(c))
        self.W = nn.Parameter(torch.randn(c, x))
        self.x, self.c = x, c

    def forward(self, X, C):
        f = torch.sigmoid(X @ self.W_f.T + self.v_f * C + self.b_f)
        r = torch.sigmoid(X @ self.W_r.T + self.v_r * C + self.b_r)
        c = f * C + (1 - f) * (X @ self.W.T)
        return r * c + (1 - r) * X, c

    def example(self):
        return torch.randn(2, self.x), torch.randn(2, self.c)


def sru_blog(x, c):
    """SRU: W_f, v_f, b_f, W_r, v_r, b_r, W (no bias on W x_t)."""
    return _SRU(x, c)


def torch_gru_pyvqnet(x, h):
    """pyvqnet GRU documented with torch's GRU equations: the torch module has the same weights."""
    return _TorchGRU(x, h)


def _example(module):
    return module.example()
