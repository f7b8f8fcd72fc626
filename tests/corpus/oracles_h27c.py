import torch
from torch import nn

__all__ = []


def _export(f):
    __all__.append(f.__name__)
    return f


def _p(*shape):
    return nn.Parameter(torch.randn(*shape) * 0.1)


# stored file id 70945197276 (Spanish Obsidian note, "## 5. Variante GRU").
# r_t, z_t: W_r, W_z acting on [h_{t-1}, x_t] -> (h, h+x) each, biases b_r, b_z (h);
# candidate W (h, h+x) on [r*h, x], bias b (h). Count 3*h*(h+x) + 3*h.
@_export
def h27c_esobs_gru(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_r, self.b_r = _p(h, h + x), _p(h)
            self.W_z, self.b_z = _p(h, h + x), _p(h)
            self.W, self.b = _p(h, h + x), _p(h)

        def forward(self, xt, hp):
            c = torch.cat([hp, xt])
            r = torch.sigmoid(self.W_r @ c + self.b_r)
            z = torch.sigmoid(self.W_z @ c + self.b_z)
            ht = torch.tanh(self.W @ torch.cat([r * hp, xt]) + self.b)
            return (1 - z) * hp + z * ht

    return Cell()


# stored file id 55764926355 (Spanish vanilla-RNN report, "### LSTM"). REFUSE: the candidate
# \tilde C_t has no equation and h_t is not given. Most plausible reading: standard
# concatenated LSTM, W_f, W_i, W_o, W_C (h, h+x) and b_f, b_i, b_o, b_C (h). Count 4*h*(h+x+1).
@_export
def h27c_esvan_lstm(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            for g in "fioC":
                setattr(self, "W_" + g, _p(h, h + x))
                setattr(self, "b_" + g, _p(h))

        def forward(self, xt, state):
            hp, cp = state
            v = torch.cat([hp, xt])
            f = torch.sigmoid(self.W_f @ v + self.b_f)
            i = torch.sigmoid(self.W_i @ v + self.b_i)
            o = torch.sigmoid(self.W_o @ v + self.b_o)
            ct = torch.tanh(self.W_C @ v + self.b_C)
            c = f * cp + i * ct
            return o * torch.tanh(c), c

    return Cell()


# stored file id 51937758370 (Spanish thesis study guide, "## 9.2 Explicacion Tecnica Detallada").
# Row-vector GRU: W_xr, W_xz, W_xh (X, H); W_hr, W_hz, W_hh (H, H); b_r, b_z, b_h (H).
# Count 3*(X*H + H*H + H).
@_export
def h27c_esladr_gru(X=7, H=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            for g in "rzh":
                setattr(self, "W_x" + g, _p(X, H))
                setattr(self, "W_h" + g, _p(H, H))
                setattr(self, "b_" + g, _p(H))

        def forward(self, xt, hp):
            r = torch.sigmoid(xt @ self.W_xr + hp @ self.W_hr + self.b_r)
            z = torch.sigmoid(xt @ self.W_xz + hp @ self.W_hz + self.b_z)
            ht = torch.tanh(xt @ self.W_xh + (r * hp) @ self.W_hh + self.b_h)
            return (1 - z) * hp + z * ht

    return Cell()


# stored file id 51937758370 (same guide, "### Comparacion matematica GRU vs LSTM", LSTM half).
# Row-vector LSTM: W_xf, W_xi, W_xo, W_xc (X, H); W_hf, W_hi, W_ho, W_hc (H, H); b_f, b_i, b_o, b_c (H).
# Count 4*(X*H + H*H + H), as the text's own total 4 * (d*h + h*h + h).
@_export
def h27c_esladr_lstm(X=7, H=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            for g in "fioc":
                setattr(self, "W_x" + g, _p(X, H))
                setattr(self, "W_h" + g, _p(H, H))
                setattr(self, "b_" + g, _p(H))

        def _a(self, g, xt, hp):
            return xt @ getattr(self, "W_x" + g) + hp @ getattr(self, "W_h" + g) + getattr(self, "b_" + g)

        def forward(self, xt, state):
            hp, cp = state
            f = torch.sigmoid(self._a("f", xt, hp))
            i = torch.sigmoid(self._a("i", xt, hp))
            o = torch.sigmoid(self._a("o", xt, hp))
            ct = torch.tanh(self._a("c", xt, hp))
            c = f * cp + i * ct
            return o * torch.tanh(c), c

    return Cell()


# stored file id 57736901556 (Spanish Jupyter Book, "## Celdas GRU"). REFUSE: only the final
# interpolation h = gamma*h~ + (1-gamma)*h_prev is written; rho, gamma and h~ are prose only
# (the prose names a matrix U for x^{(t)}). Most plausible reading: standard GRU with
# W (h, h), U (h, x), b (h) for rho, gamma and the candidate. Count 3*(h*x + h*h + h).
@_export
def h27c_esjb_gru(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            for g in ("rho", "gamma", "h"):
                setattr(self, "U_" + g, _p(h, x))
                setattr(self, "W_" + g, _p(h, h))
                setattr(self, "b_" + g, _p(h))

        def forward(self, xt, hp):
            rho = torch.sigmoid(self.U_rho @ xt + self.W_rho @ hp + self.b_rho)
            gamma = torch.sigmoid(self.U_gamma @ xt + self.W_gamma @ hp + self.b_gamma)
            ht = torch.tanh(self.U_h @ xt + self.W_h @ (rho * hp) + self.b_h)
            return gamma * ht + (1 - gamma) * hp

    return Cell()


# stored file id 46285856945 (French d2l translation, GRU, reset/update gates .. hidden state).
# W_xr, W_xz, W_xh in R^{d x h}; W_hr, W_hz, W_hh in R^{h x h}; b_r, b_z, b_h in R^{1 x h}.
# H_t = Z*H_{t-1} + (1-Z)*H~. Count 3*(d*h + h*h + h). n (batch) holds no parameter.
@_export
def h27c_frd2l_gru(n=3, d=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            for g in "rzh":
                setattr(self, "W_x" + g, _p(d, h))
                setattr(self, "W_h" + g, _p(h, h))
                setattr(self, "b_" + g, _p(1, h))

        def forward(self, X, H):
            R = torch.sigmoid(X @ self.W_xr + H @ self.W_hr + self.b_r)
            Z = torch.sigmoid(X @ self.W_xz + H @ self.W_hz + self.b_z)
            Ht = torch.tanh(X @ self.W_xh + (R * H) @ self.W_hh + self.b_h)
            return Z * H + (1 - Z) * Ht

    return Cell()


# stored file id 42306089496 (Russian python-docx report generator, "Архитектура LSTM").
# W_f, W_i, W_C, W_o act on [h_{t-1}, x_t] -> (h, h+x); b_f, b_i, b_C, b_o (h). Count 4*h*(h+x+1).
@_export
def h27c_rudocx_lstm(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            for g in "fiCo":
                setattr(self, "W_" + g, _p(h, h + x))
                setattr(self, "b_" + g, _p(h))

        def forward(self, xt, state):
            hp, Cp = state
            v = torch.cat([hp, xt])
            f = torch.sigmoid(self.W_f @ v + self.b_f)
            i = torch.sigmoid(self.W_i @ v + self.b_i)
            Ct = torch.tanh(self.W_C @ v + self.b_C)
            o = torch.sigmoid(self.W_o @ v + self.b_o)
            C = f * Cp + i * Ct
            return o * torch.tanh(C), C

    return Cell()


def _birnn(d, h, q):
    class BiRNN(nn.Module):
        def __init__(self):
            super().__init__()
            for s in "fb":
                setattr(self, "W_xh_" + s, _p(d, h))
                setattr(self, "W_hh_" + s, _p(h, h))
                setattr(self, "b_h_" + s, _p(1, h))
            self.W_hq, self.b_q = _p(2 * h, q), _p(1, q)

        def forward(self, X, Hf_prev, Hb_next):
            Hf = torch.tanh(X @ self.W_xh_f + Hf_prev @ self.W_hh_f + self.b_h_f)
            Hb = torch.tanh(X @ self.W_xh_b + Hb_next @ self.W_hh_b + self.b_h_b)
            Ht = torch.cat([Hf, Hb], dim=1)
            return Ht @ self.W_hq + self.b_q

    return BiRNN()


# d2l-ai/d2l-ko chapter_recurrent-modern/bi-rnn.md (Korean d2l, ### 정의).
# Forward and backward: W_xh (d, h), W_hh (h, h), b_h (1, h) each; output W_hq (2h, q), b_q (1, q).
# phi taken as tanh (parameter-free). Count 2*(d*h + h*h + h) + 2*h*q + q.
@_export
def h27c_kod2l_birnn(n=3, d=7, h=5, q=4):
    return _birnn(d, h, q)


# aivivn/d2l-vn chapter_recurrent-modern/bi-rnn_vn.md (Vietnamese bilingual d2l, ### Định nghĩa).
# Same parameters as above. Count 2*(d*h + h*h + h) + 2*h*q + q.
@_export
def h27c_vnd2l_birnn(n=3, d=7, h=5, q=4):
    return _birnn(d, h, q)


# d2l-ai/d2l-ja chapter_recurrent-modern/deep-rnn.md (Japanese d2l, ## 機能的な依存関係). REFUSE:
# the text says W_xh^{(l)} in R^{h x h} for all l, but layer 1 multiplies H^{(0)} = X_t (n x d);
# L is a free hyperparameter. Most plausible reading (L=3): W_xh^{(1)} (d, h), W_xh^{(l>1)} (h, h),
# W_hh^{(l)} (h, h), b_h^{(l)} (1, h), output W_hq (h, q), b_q (1, q).
# Count (d*h + h*h + h) + (L-1)*(2*h*h + h) + h*q + q.
@_export
def h27c_jad2l_deeprnn(n=3, d=7, h=5, q=4, L=3):
    class DeepRNN(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_xh = nn.ParameterList([_p(d if l == 0 else h, h) for l in range(L)])
            self.W_hh = nn.ParameterList([_p(h, h) for _ in range(L)])
            self.b_h = nn.ParameterList([_p(1, h) for _ in range(L)])
            self.W_hq, self.b_q = _p(h, q), _p(1, q)

        def forward(self, X, Hs):
            inp, new = X, []
            for l in range(L):
                Hl = torch.tanh(inp @ self.W_xh[l] + Hs[l] @ self.W_hh[l] + self.b_h[l])
                new.append(Hl)
                inp = Hl
            return inp @ self.W_hq + self.b_q, new

    return DeepRNN()


# d2l-ai/d2l-ko chapter_recurrent-neural-networks/rnn.md (Korean d2l, ## 은닉 스테이트를 갖는 순환 신경망).
# W_xh (d, h), W_hh (h, h), b_h (1, h); output W_hq (h, q), b_q (1, q); phi taken as tanh.
# Count d*h + h*h + h + h*q + q.
@_export
def h27c_kod2l_rnn(n=3, d=7, h=5, q=4):
    class RNN(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_xh, self.W_hh, self.b_h = _p(d, h), _p(h, h), _p(1, h)
            self.W_hq, self.b_q = _p(h, q), _p(1, q)

        def forward(self, X, H):
            Ht = torch.tanh(X @ self.W_xh + H @ self.W_hh + self.b_h)
            return Ht @ self.W_hq + self.b_q, Ht

    return RNN()
