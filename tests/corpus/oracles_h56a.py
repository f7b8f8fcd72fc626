"""Oracles for the h56a set-aside snippets (heldout56), as its gatherer wrote them."""
import torch
from torch import nn

__all__ = []


def _export(f):
    __all__.append(f.__name__)
    return f


def _p(*shape):
    return nn.Parameter(torch.randn(*shape) * 0.1)


# breze-no-salt/breze notebooks/STORN for mocap.ipynb, section "The model": h_t = f(h_{t-1}W + x_t V + z_t \hat V + b),
# x_{t+1} = g(h_t Q + \hat b), row vectors multiplied on the left. z_t ~ N(0, 1) are stochastic input units of a size the
# text leaves open (bound as z). W: h x h, V: x x h, \hat V: z x h, b: h, Q: h x x (the output is the next x), \hat b: x.
# f, g are generic activations (tanh and identity here; they carry no parameters).
# Count: h*h + x*h + z*h + h + h*x + x.
@_export
def h56a_breze_storn(x=7, h=5, z=3):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W = _p(h, h)
            self.V = _p(x, h)
            self.V_hat = _p(z, h)
            self.b = _p(h)
            self.Q = _p(h, x)
            self.b_hat = _p(x)

        def forward(self, x_t, z_t, h_prev):
            h_t = torch.tanh(h_prev @ self.W + x_t @ self.V + z_t @ self.V_hat + self.b)
            x_next = h_t @ self.Q + self.b_hat
            return x_next, h_t
    return Cell()


# pnnl/neuromancer examples/ODEs/Part_5_nonauto_NSSM.ipynb, markdown cell 11 (marked refuse): x_{k+1} = A_theta(x_k) +
# B_theta(u_k) with A, B "parametrized by neural networks", no architecture in the text. Most plausible reading: the
# notebook's own next code cell, blocks.MLP(nx, nx, bias=True, Linear, ReLU, hsizes=[40, 40]) for A and
# blocks.MLP(nu, nx, ...) for B, i.e. three biased Linear layers each.
# Count: (x*40 + 40 + 40*40 + 40 + 40*x + x) + (u*40 + 40 + 40*40 + 40 + 40*x + x).
@_export
def h56a_neuromancer_nssm(x=7, u=3):
    def mlp(n_in, n_out):
        return nn.Sequential(nn.Linear(n_in, 40), nn.ReLU(), nn.Linear(40, 40), nn.ReLU(), nn.Linear(40, n_out))

    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.A = mlp(x, x)
            self.B = mlp(u, x)

        def forward(self, x_k, u_k):
            return self.A(x_k) + self.B(u_k)
    return Cell()


# Thomas-F17/Volatility-Forecasting-... Main.ipynb, markdown cell 10 (EWMA): sigma_t^2 = lambda sigma_{t-1}^2 +
# (1 - lambda) r_{t-1}^2 on a scalar series; lambda is estimated from the data ("EWMA has only one scalar parameter"),
# the (1 - lambda) factor is tied to it. Count: 1.
@_export
def h56a_volforecast_ewma(r=1, sigma=1):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.lam = nn.Parameter(torch.tensor(0.94))

        def forward(self, r_prev, sigma2_prev):
            return self.lam * sigma2_prev + (1 - self.lam) * r_prev ** 2
    return Cell()


# Thomas-F17/Volatility-Forecasting-... Main.ipynb, markdown cell 23 (GARCH(1,1)): sigma_t^2 = omega + alpha r_{t-1}^2 +
# beta sigma_{t-1}^2, scalar coefficients omega > 0, alpha, beta >= 0; omega / (1 - alpha - beta) is derived, not a
# parameter. Count: 3.
@_export
def h56a_volforecast_garch(r=1, sigma=1):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.omega = nn.Parameter(torch.tensor(0.1))
            self.alpha = nn.Parameter(torch.tensor(0.1))
            self.beta = nn.Parameter(torch.tensor(0.8))

        def forward(self, r_prev, sigma2_prev):
            return self.omega + self.alpha * r_prev ** 2 + self.beta * sigma2_prev
    return Cell()


# Thomas-F17/Volatility-Forecasting-... Main.ipynb, markdown cell 27 (GJR-GARCH(1,1)): sigma_t^2 = omega +
# alpha r_{t-1}^2 + gamma r_{t-1}^2 1{r_{t-1} < 0} + beta sigma_{t-1}^2; the indicator carries no parameter.
# Count: 4 (omega, alpha, gamma, beta).
@_export
def h56a_volforecast_gjrgarch(r=1, sigma=1):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.omega = nn.Parameter(torch.tensor(0.1))
            self.alpha = nn.Parameter(torch.tensor(0.05))
            self.gamma = nn.Parameter(torch.tensor(0.1))
            self.beta = nn.Parameter(torch.tensor(0.8))

        def forward(self, r_prev, sigma2_prev):
            neg = (r_prev < 0).to(r_prev.dtype)
            return self.omega + self.alpha * r_prev ** 2 + self.gamma * r_prev ** 2 * neg + self.beta * sigma2_prev
    return Cell()


# Thomas-F17/Volatility-Forecasting-... Main.ipynb, markdown cell 33 (marked refuse): "Single LSTM layer + Dropout +
# Dense head", no equations and no hidden width; the listed inputs give 5 + 5 + 2*4 = 18 features. Most plausible
# reading of the text: one Keras-style LSTM (kernel x x 4u, recurrent kernel u x 4u, one bias 4u) and one Dense(u -> y)
# output (the notebook's code cell actually uses LSTM(128), Dense(128, tanh), Dense(1)).
# Count: 4*units*(x + units) + 4*units + units*y + y.
@_export
def h56a_volforecast_lstm(x=18, units=5, y=1):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.kernel = _p(x, 4 * units)
            self.recurrent_kernel = _p(units, 4 * units)
            self.bias = _p(4 * units)
            self.dense = nn.Linear(units, y)

        def forward(self, x_t, h_prev, c_prev):
            a = x_t @ self.kernel + h_prev @ self.recurrent_kernel + self.bias
            i, f, g, o = a.chunk(4, dim=-1)
            c = torch.sigmoid(f) * c_prev + torch.sigmoid(i) * torch.tanh(g)
            h = torch.sigmoid(o) * torch.tanh(c)
            return self.dense(h), h, c
    return Cell()


# DonRL10/xLSTM xlstm.ipynb, code cell 8, class mLSTMCell: qkv = nn.Linear(nembed, nembed2 * 3), fi =
# nn.Linear(nembed, 1 * 2) (one scalar input-gate and one scalar forget-gate pre-activation), o = nn.Linear(nembed,
# nembed2); rnn_forward: k scaled by nembed2^-0.5, f = sigmoid, i = exp, o = sigmoid, C_t = f C_{t-1} + i v k^T,
# n_t = f n_{t-1} + i k, h_t = o * (C_t q) / max(|n_t . q|, 1). parallel_forward reuses the same three layers.
# Count: nembed*3*nembed2 + 3*nembed2 + nembed*2 + 2 + nembed*nembed2 + nembed2.
@_export
def h56a_donrl_mlstm(nembed=7, nembed2=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.qkv = nn.Linear(nembed, nembed2 * 3)
            self.fi = nn.Linear(nembed, 1 * 2)
            self.o = nn.Linear(nembed, nembed2)

        def forward(self, xt, nprev, cprev):
            q, k, v = self.qkv(xt).split(nembed2, dim=-1)
            i, f = self.fi(xt).split(1, dim=-1)
            o = torch.sigmoid(self.o(xt))
            k = k * (nembed2 ** -0.5)
            f = torch.sigmoid(f)
            i = torch.exp(i)
            ct = f[..., None] * cprev + i[..., None] * (v[..., :, None] * k[..., None, :])
            nt = f * nprev + i * k
            num = (ct @ q[..., None])[..., 0]
            den = torch.abs((nt * q).sum(-1, keepdim=True)).clamp(min=1)
            return o * num / den, nt, ct
    return Cell()


# titu1994/Keras-just-another-network-JANET eager_janet.ipynb, code cell 7, class JANETModel: kernel =
# Dense(2 * units, use_bias=False) on the input (width input_dim, named in a comment), recurrent_kernel = Dense(2 * units)
# with bias (chrono-initialised forget half, zeros for the memory half), f = sigmoid(z0), c = f*c + (1-f)*tanh(z1),
# h = c; output_dense = Dense(num_outputs) on the last output.
# Count: input_dim*2*units + units*2*units + 2*units + units*num_outputs + num_outputs.
@_export
def h56a_janet_janetmodel(input_dim=7, units=5, num_outputs=3):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.kernel = nn.Linear(input_dim, 2 * units, bias=False)
            self.recurrent_kernel = nn.Linear(units, 2 * units)
            self.output_dense = nn.Linear(units, num_outputs)

        def forward(self, ip, h_state, c_state):
            z = self.kernel(ip) + self.recurrent_kernel(h_state)
            z0, z1 = z[:, :units], z[:, units:2 * units]
            f = torch.sigmoid(z0)
            c = f * c_state + (1. - f) * torch.tanh(z1)
            h = c
            return torch.sigmoid(self.output_dense(h)), h, c
    return Cell()
