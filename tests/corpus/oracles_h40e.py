"""Oracles for the h40e set-aside snippets (heldout40), as its gatherer wrote them."""
import torch
from torch import nn

__all__ = []


def _export(f):
    __all__.append(f.__name__)
    return f


def _p(*shape):
    return nn.Parameter(torch.randn(*shape) * 0.1)


# Doraemonzzz/Doraemonzzz.github.io DLSys lecture 18 notes, LSTM with stacked gates;
# one affine map for [i; f; g; o]: W_hh (4h,h), W_hx (4h,x), b_h (4h);
# Count: 4(h^2 + hx + h).
@_export
def h40e_doraemonzzz_lstm(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_hh, self.W_hx, self.b_h = _p(4 * h, h), _p(4 * h, x), _p(4 * h)

        def forward(self, xt, state):
            hp, cp = state
            z = hp @ self.W_hh.T + xt @ self.W_hx.T + self.b_h
            i, f, g, o = z.chunk(4, -1)
            i, f, g, o = torch.sigmoid(i), torch.sigmoid(f), torch.tanh(g), torch.sigmoid(o)
            c = cp * f + i * g
            return torch.tanh(c) * o, c
    return Cell()


# Doraemonzzz/Doraemonzzz.github.io DLSys lecture 18 notes, Elman RNN with output layer;
# W_hh (h,h), W_hx (h,x), b_h (h), W_yh (y,h), b_y (y); f, g parameter-free activations;
# Count: h^2 + hx + h + yh + y.
@_export
def h40e_doraemonzzz_rnn(x=7, h=5, y=3):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_hh, self.W_hx, self.b_h = _p(h, h), _p(h, x), _p(h)
            self.W_yh, self.b_y = _p(y, h), _p(y)

        def forward(self, xt, hp):
            hn = torch.tanh(hp @ self.W_hh.T + xt @ self.W_hx.T + self.b_h)
            return torch.softmax(hn @ self.W_yh.T + self.b_y, -1), hn
    return Cell()


# RWKV/RWKV-wiki docs/basic/architecture.md, RWKV-V5 time mixing (most plausible reading);
# lerp mu_r, mu_k, mu_v, mu_g (D each); W_r, W_k, W_v, W_g (D,D); omega (D); u (D);
# LayerNorm applied per head with affine weight+bias (2D in total); W_o (D,D);
# Count: 5D^2 + 8D.
@_export
def h40e_rwkvwiki_rwkv5(D=8, h=2):
    N = D // h

    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.mu = nn.ParameterDict({n: _p(D) for n in "rkvg"})
            self.W = nn.ParameterDict({n: _p(D, D) for n in "rkvg"})
            self.omega, self.u = _p(D), _p(D)
            self.ln = nn.GroupNorm(h, D)
            self.W_o = _p(D, D)

        def forward(self, xt, state):
            xprev, S = state  # S: (B, h, N, N)
            B = xt.shape[0]
            z = {n: (self.mu[n] * xt + (1 - self.mu[n]) * xprev) @ self.W[n] for n in "rkvg"}
            r, k, v = (z[n].view(B, h, N) for n in "rkv")
            w = torch.exp(-torch.exp(self.omega)).view(h, N)
            u = self.u.view(h, N)
            kv = k.unsqueeze(-1) * v.unsqueeze(-2)
            wkv = u.unsqueeze(-1) * kv + S
            out = (r.unsqueeze(-2) @ wkv).squeeze(-2).reshape(B, D)
            S = w.unsqueeze(-1) * S + kv
            o = (nn.functional.silu(z["g"]) * self.ln(out)) @ self.W_o
            return o, (xt, S)
    return Cell()


# sustcsonglin/linear-attention-and-beyond-slides section/delta_rule.tex, Gated DeltaNet frame
# (most plausible reading; the frame leaves k_t, v_t, alpha_t, beta_t undefined);
# k_t = W_k x_t, v_t = W_v x_t (d,d each, no bias); alpha_t = sigmoid(w_a . x_t), beta_t = sigmoid(w_b . x_t) (d each);
# Count: 2d^2 + 2d.
@_export
def h40e_lasslides_gateddeltanet(d=6):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_k, self.W_v = _p(d, d), _p(d, d)
            self.w_a, self.w_b = _p(d), _p(d)

        def forward(self, xt, S):
            k = nn.functional.normalize(xt @ self.W_k.T, dim=-1)
            v = xt @ self.W_v.T
            a = torch.sigmoid(xt @ self.w_a)[:, None, None]
            b = torch.sigmoid(xt @ self.w_b)[:, None, None]
            I = torch.eye(d)
            S = S @ (a * (I - b * k.unsqueeze(-1) @ k.unsqueeze(-2))) + b * v.unsqueeze(-1) @ k.unsqueeze(-2)
            return S
    return Cell()


# pangolulu/rnn-from-scratch README, WildML-style RNN language model;
# U (h,x), W (h,h), V (y,h), no biases (s_t = tanh(U x_t + W s_{t-1}), output softmax(V s_t));
# Count: hx + h^2 + yh.
@_export
def h40e_pangolulu_rnn(x=7, h=5, y=3):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.U, self.W, self.V = _p(h, x), _p(h, h), _p(y, h)

        def forward(self, xt, s_prev):
            s = torch.tanh(xt @ self.U.T + s_prev @ self.W.T)
            return torch.softmax(s @ self.V.T, -1), s
    return Cell()


# omarsar/nlp_overview _chapters/04.md, GRU; U_z, U_r, U_s (h,x); W_z, W_r, W_s (h,h); no biases;
# Count: 3(hx + h^2).
@_export
def h40e_nlpoverview_gru(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.U = nn.ParameterDict({g: _p(h, x) for g in "zrs"})
            self.W = nn.ParameterDict({g: _p(h, h) for g in "zrs"})

        def forward(self, xt, hp):
            z = torch.sigmoid(xt @ self.U["z"].T + hp @ self.W["z"].T)
            r = torch.sigmoid(xt @ self.U["r"].T + hp @ self.W["r"].T)
            s = torch.tanh(xt @ self.U["s"].T + (hp * r) @ self.W["s"].T)
            return (1 - z) * s + z * hp
    return Cell()


# omarsar/nlp_overview _chapters/04.md, LSTM on the concatenation x = [h_{t-1}; x_t];
# W_f, W_i, W_o, W_c (h, h+x); b_f, b_i, b_o, b_c (h);
# Count: 4(h(h+x) + h).
@_export
def h40e_nlpoverview_lstm(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W = nn.ParameterDict({g: _p(h, h + x) for g in "fioc"})
            self.b = nn.ParameterDict({g: _p(h) for g in "fioc"})

        def forward(self, xt, state):
            hp, cp = state
            v = torch.cat([hp, xt], -1)
            f, i, o = (torch.sigmoid(v @ self.W[g].T + self.b[g]) for g in "fio")
            c = f * cp + i * torch.tanh(v @ self.W["c"].T + self.b["c"])
            return o * torch.tanh(c), c
    return Cell()


# sktime/pytorch-forecasting sLSTMCell (use_layer_norm=True default);
# input_weights Linear(x, 4h) with bias; hidden_weights Linear(h, 4h) with bias;
# LayerNorm(h) x2 (ln_cell, ln_hidden), LayerNorm(4h) x2 (ln_input, ln_hidden_update), each weight+bias;
# Count: 4hx + 4h + 4h^2 + 4h + 4h + 16h = 4hx + 4h^2 + 28h.
@_export
def h40e_ptf_slstm(input_size=7, hidden_size=5):
    x, h = input_size, hidden_size

    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.input_weights = nn.Linear(x, 4 * h)
            self.hidden_weights = nn.Linear(h, 4 * h)
            self.ln_cell = nn.LayerNorm(h)
            self.ln_hidden = nn.LayerNorm(h)
            self.ln_input = nn.LayerNorm(4 * h)
            self.ln_hidden_update = nn.LayerNorm(4 * h)
            self.eps = 1e-6

        def nexp(self, p):
            e = torch.exp(torch.clamp(p - p.mean(1, keepdim=True), -5.0, 5.0))
            return e / (e.sum(1, keepdim=True) + self.eps)

        def forward(self, xt, hp, cp):
            gates = self.ln_input(self.input_weights(xt)) + self.ln_hidden_update(self.hidden_weights(hp))
            i, f, g, o = gates.chunk(4, dim=1)
            i, f = self.nexp(i), self.nexp(f)
            s = i + f
            i, f = i / (s + self.eps), f / (s + self.eps)
            c = self.ln_cell(f * cp + i * torch.tanh(g))
            hn = torch.sigmoid(o) * self.ln_hidden(torch.tanh(c))
            return hn, c
    return Cell()


# tobiaskatsch/GatedLinearRNN gated_linear_rnn.py with defaults (use_tied_gates=True, use_true_recurrence=False);
# proj Dense(d_model -> 3 d_h) with bias; out_proj Dense(d_h -> d_model) with bias; scan itself parameter-free;
# Count: 3 d_h d_model + 3 d_h + d_model d_h + d_model.
@_export
def h40e_glrnn_gateloop(d_model=6, d_h=4):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.proj = nn.Linear(d_model, 3 * d_h)
            self.out_proj = nn.Linear(d_h, d_model)

        def forward(self, xt, hp):
            z = self.proj(xt)
            inp = torch.tanh(z[:, :d_h])
            i, o = torch.sigmoid(z[:, d_h:]).chunk(2, -1)
            f = 1 - i
            hn = f * hp + inp * i
            return self.out_proj(torch.tanh(hn) * o), hn
    return Cell()


# Doraemonzzz/Doraemonzzz.github.io CS224N lecture 7 notes, LSTM without biases;
# W^{(i)}, W^{(f)}, W^{(o)} (written W^{(0)}), W^{(c)} (h,x); U^{(i)}, U^{(f)}, U^{(o)}, U^{(c)} (h,h);
# Count: 4(hx + h^2).
@_export
def h40e_doraemonzzz_cs224nlstm(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W = nn.ParameterDict({g: _p(h, x) for g in "ifoc"})
            self.U = nn.ParameterDict({g: _p(h, h) for g in "ifoc"})

        def forward(self, xt, state):
            hp, cp = state
            pre = {g: xt @ self.W[g].T + hp @ self.U[g].T for g in "ifoc"}
            i, f, o = (torch.sigmoid(pre[g]) for g in "ifo")
            c = f * cp + i * torch.tanh(pre["c"])
            return o * torch.tanh(c), c
    return Cell()
