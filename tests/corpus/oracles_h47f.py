"""Oracles for the h47f set-aside snippets (heldout47), as its gatherer wrote them."""
import torch
from torch import nn

__all__ = []


def _export(f):
    __all__.append(f.__name__)
    return f


def _p(*shape):
    return nn.Parameter(torch.randn(*shape) * 0.1)


# MatSoich/RabbitChallenge, RNN (BPTTの数学的説明); u_t = W_(in) x^t + W z^{t-1} + b, z_t = f(u_t),
# v_t = W_(out) z^t + c, y_t = g(v_t): W_in (z, x), W (z, z), b (z), W_out (y, z), c (y);
# Count: z*x + z*z + z + y*z + y.
@_export
def h47f_matsoich_rnn(x=7, z=5, y=3):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_in = _p(z, x)
            self.W = _p(z, z)
            self.b = _p(z)
            self.W_out = _p(y, z)
            self.c = _p(y)

        def forward(self, xt, zprev):
            u = self.W_in @ xt + self.W @ zprev + self.b
            zt = torch.tanh(u)
            v = self.W_out @ zt + self.c
            return zt, torch.sigmoid(v)
    return Cell()


# MatSoich/RabbitChallenge, GRU NumPy class; wx (D, 3H), wh (H, 3H), b (3H), gates z, r and
# candidate h_hat (sigmoid) sliced from them; Count: 3*D*H + 3*H*H + 3*H.
@_export
def h47f_matsoich_gru(D=7, H=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.wx = _p(D, 3 * H)
            self.wh = _p(H, 3 * H)
            self.b = _p(3 * H)

        def forward(self, x, h_prev):
            wxz, wxr, wxh = self.wx[:, :H], self.wx[:, H:2 * H], self.wx[:, 2 * H:]
            whz, whr, whh = self.wh[:, :H], self.wh[:, H:2 * H], self.wh[:, 2 * H:]
            bz, br, bh = self.b[:H], self.b[H:2 * H], self.b[2 * H:]
            zg = torch.sigmoid(h_prev @ whz + x @ wxz + bz)
            r = torch.sigmoid(h_prev @ whr + x @ wxr + br)
            h_hat = torch.sigmoid((r * h_prev) @ whh + x @ wxh + bh)
            return (1 - zg) * h_prev + zg * h_hat
    return Cell()


# Terralien-jp/e-shikaku-notes, LSTM on z_t = [h_{t-1}, x_t] (the bracket, not the prose that also
# lists c_{t-1}); W_f, W_i, W_c, W_o (h, h+x), b_f, b_i, b_c, b_o (h); Count: 4*h*(h+x) + 4*h.
@_export
def h47f_terralien_lstm(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W = nn.ParameterDict({g: _p(h, h + x) for g in 'fico'})
            self.b = nn.ParameterDict({g: _p(h) for g in 'fico'})

        def forward(self, xt, hprev, cprev):
            zt = torch.cat([hprev, xt])
            f = torch.sigmoid(self.W['f'] @ zt + self.b['f'])
            i = torch.sigmoid(self.W['i'] @ zt + self.b['i'])
            c_tilde = torch.tanh(self.W['c'] @ zt + self.b['c'])
            c = f * cprev + i * c_tilde
            o = torch.sigmoid(self.W['o'] @ zt + self.b['o'])
            return o * torch.tanh(c), c
    return Cell()


# marshmallow444/tech_blog, GRU (Day3 report); W_h, W_r, W_z (h, x), U_h, U_r, U_z (h, h),
# b_h(t), b_r(t), b_z(t) read as bias vectors (h) (the time index and the missing '+' do not add
# parameters); gates as written (no sigmoid), f = tanh; Count: 3*h*x + 3*h*h + 3*h.
@_export
def h47f_marshmallow_gru(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_h, self.W_r, self.W_z = _p(h, x), _p(h, x), _p(h, x)
            self.U_h, self.U_r, self.U_z = _p(h, h), _p(h, h), _p(h, h)
            self.b_h, self.b_r, self.b_z = _p(h), _p(h), _p(h)

        def forward(self, xt, hprev):
            r = self.W_r @ xt + self.U_r @ hprev + self.b_r
            z = self.W_z @ xt + self.U_z @ hprev + self.b_z
            h_cand = torch.tanh(self.W_h @ xt + self.U_h @ (r * hprev) + self.b_h)
            return z * hprev + (1 - z) * h_cand
    return Cell()


# marshmallow444/tech_blog, bidirectional RNN exercise; _rnn read as h_t = tanh(W x_t + U h_{t-1})
# without bias (none is written); W_f, W_b (h, x), U_f, U_b (h, h), V (y, 2h), ys = hs V^T without
# bias; Count: 2*h*x + 2*h*h + y*2*h.
@_export
def h47f_marshmallow_birnn(x=7, h=5, y=3):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_f, self.U_f = _p(h, x), _p(h, h)
            self.W_b, self.U_b = _p(h, x), _p(h, h)
            self.V = _p(y, 2 * h)

        def forward(self, xt_f, xt_b, hf_prev, hb_prev):
            hf = torch.tanh(self.W_f @ xt_f + self.U_f @ hf_prev)
            hb = torch.tanh(self.W_b @ xt_b + self.U_b @ hb_prev)
            return hf, hb, self.V @ torch.cat([hf, hb])
    return Cell()


# qq13456116532/My_Note, LSTM carry-track pseudo-code (Chollet style); i_t, f_t, k_t each with
# W (h, x), U (h, h), b (h); the abstract output_t = f(input_t, state_t, C_t) read as Chollet's
# output_t = activation(W_o x + U_o state + V_o C_t + b_o): W_o (h, x), U_o (h, h), V_o (h, h), b_o (h);
# Count: 4*(h*x + h*h + h) + h*h.
@_export
def h47f_qqmynote_lstm(input_features=7, h=5):
    x = input_features

    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W = nn.ParameterDict({g: _p(h, x) for g in 'ifko'})
            self.U = nn.ParameterDict({g: _p(h, h) for g in 'ifko'})
            self.b = nn.ParameterDict({g: _p(h) for g in 'ifko'})
            self.V_o = _p(h, h)

        def forward(self, input_t, state_t, c_t):
            pre = {g: self.U[g] @ state_t + self.W[g] @ input_t + self.b[g] for g in 'ifk'}
            i_t, f_t, k_t = torch.sigmoid(pre['i']), torch.sigmoid(pre['f']), torch.tanh(pre['k'])
            output_t = torch.tanh(self.W['o'] @ input_t + self.U['o'] @ state_t + self.V_o @ c_t + self.b['o'])
            c_next = i_t * k_t + c_t * f_t
            return output_t, c_next
    return Cell()


# adioshun/gitBook_Deeplearning, vanilla RNN h_t = tanh(W(h_{t-1}, x_t) + b); W read as acting on the
# concatenation [h_{t-1}; x_t]: W (h, h+x), b (h); Count: h*(h+x) + h.
@_export
def h47f_adioshun_rnn(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W = _p(h, h + x)
            self.b = _p(h)

        def forward(self, xt, hprev):
            return torch.tanh(self.W @ torch.cat([hprev, xt]) + self.b)
    return Cell()


# adioshun/gitBook_Deeplearning, LSTM summary; p = W(h_{t-1}, x_t) + b read as one packed affine map
# whose four slices are p_t (forget), p_i, p_j, p_o: W (4h, h+x), b (4h); Count: 4*h*(h+x) + 4*h.
@_export
def h47f_adioshun_lstm(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W = _p(4 * h, h + x)
            self.b = _p(4 * h)

        def forward(self, xt, hprev, cprev):
            p = self.W @ torch.cat([hprev, xt]) + self.b
            p_t, p_i, p_j, p_o = p.split(h)
            f_t = cprev * torch.sigmoid(p_t)
            i_t = torch.sigmoid(p_i) * torch.tanh(p_j)
            c_t = f_t + i_t
            return torch.tanh(c_t) * torch.sigmoid(p_o), c_t
    return Cell()


# b654381241/machine-learning, LSTM with forget gate (URL-encoded zhihu LaTeX); per gate
# W_{*x} (h, x), W_{*h} (h, h) (W_{ch} read as the g gate's recurrent weight), b_* (h);
# Count: 4*(h*x + h*h + h).
@_export
def h47f_b654_lstm(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.Wx = nn.ParameterDict({g: _p(h, x) for g in 'ifgo'})
            self.Wh = nn.ParameterDict({g: _p(h, h) for g in 'ifgo'})
            self.b = nn.ParameterDict({g: _p(h) for g in 'ifgo'})

        def forward(self, xt, hprev, cprev):
            a = {g: self.Wx[g] @ xt + self.Wh[g] @ hprev + self.b[g] for g in 'ifgo'}
            i, f, o = torch.sigmoid(a['i']), torch.sigmoid(a['f']), torch.sigmoid(a['o'])
            g = torch.tanh(a['g'])
            c = f * cprev + i * g
            return o * torch.tanh(c), c
    return Cell()


# vorandpav/Obsidian, RNN language-model cell; h_{i+1} = sigma(W_hid [h_i, x_i] + b_hid),
# x_{i+1} ~ softmax(W_out h_i + b_out): W_hid (h, h+x), b_hid (h), W_out (x, h), b_out (x)
# (the output predicts the next input, so its size is x); Count: h*(h+x) + h + x*h + x.
@_export
def h47f_vorandpav_rnn(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_hid = _p(h, h + x)
            self.b_hid = _p(h)
            self.W_out = _p(x, h)
            self.b_out = _p(x)

        def forward(self, xi, hi):
            h_next = torch.sigmoid(self.W_hid @ torch.cat([hi, xi]) + self.b_hid)
            x_next = torch.softmax(self.W_out @ h_next + self.b_out, dim=-1)
            return h_next, x_next
    return Cell()


# Arthur253896/note, RNN h_t = \partial(x_t*w_{xt} + h_{t-1}*w_{ht} + b) (\partial read as the
# activation); w_{xt} (x, h), w_{ht} (h, h), b (h); the DNN line is a contrast, not part of the cell;
# Count: x*h + h*h + h.
@_export
def h47f_arthur_rnn(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.w_xt = _p(x, h)
            self.w_ht = _p(h, h)
            self.b = _p(h)

        def forward(self, xt, hprev):
            return torch.tanh(xt @ self.w_xt + hprev @ self.w_ht + self.b)
    return Cell()
