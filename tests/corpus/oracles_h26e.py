import torch
from torch import nn

__all__ = []


def _export(f):
    __all__.append(f.__name__)
    return f


def _p(*shape):
    return nn.Parameter(torch.randn(*shape) * 0.1)


# stored file id 9755136411 (OCaml model.ml, minimal Elman RNN on Owl; header comment and type t record).
# One input bit, so x is 1: wxh (h x 1), whh (h x h), bh (h), why (1 x h), by (1).
# Count: h + h^2 + h + h + 1 = h^2 + 3h + 1.
@_export
def h26e_owlelman_rnn(h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.wxh, self.whh, self.bh = _p(h, 1), _p(h, h), _p(h)
            self.why, self.by = _p(1, h), _p(1)

        def forward(self, x, hp):
            ht = torch.tanh(self.wxh @ x + self.whh @ hp + self.bh)
            y = torch.sigmoid(self.why @ ht + self.by)
            return ht, y

    return Cell()


# stored file id 66297680146 (MQL5 TinyRecursiveModel.mqh, CMGUCell::Forward comments). Minimal gated unit:
# forget gate W_f (h x x), U_f (h x h), b_f; candidate W_h (h x x), U_h (h x h), b_h. Count: 2h(x + h + 1).
@_export
def h26e_mqltrm_mgu(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_f, self.U_f, self.b_f = _p(h, x), _p(h, h), _p(h)
            self.W_h, self.U_h, self.b_h = _p(h, x), _p(h, h), _p(h)

        def forward(self, xt, hp):
            f = torch.sigmoid(self.W_f @ xt + self.U_f @ hp + self.b_f)
            ht = torch.tanh(self.W_h @ xt + self.U_h @ (f * hp) + self.b_h)
            return (1 - f) * hp + f * ht

    return Cell()


# stored file id 53577898556 (Go, goDl nn.GRUCell doc comment). No biases written:
# Wr_x, Wz_x, Wn_x (h x x), Wr_h, Wz_h, Wn_h (h x h); example x=128, h=256. Count: 3h(x + h).
@_export
def h26e_godl_gru(x=128, h=256):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.Wr_x, self.Wz_x, self.Wn_x = _p(h, x), _p(h, x), _p(h, x)
            self.Wr_h, self.Wz_h, self.Wn_h = _p(h, h), _p(h, h), _p(h, h)

        def forward(self, xt, hp):
            r = torch.sigmoid(self.Wr_x @ xt + self.Wr_h @ hp)
            z = torch.sigmoid(self.Wz_x @ xt + self.Wz_h @ hp)
            n = torch.tanh(self.Wn_x @ xt + r * (self.Wn_h @ hp))
            return (1 - z) * n + z * hp

    return Cell()


# stored file id 53114679652 (Go, goDl nn.LSTMCell doc comment). No biases written:
# Wi, Wf, Wg, Wo (h x x), Whi, Whf, Whg, Who (h x h); example NewLSTMCell(128, 256). Count: 4h(x + h).
@_export
def h26e_godl_lstm(x=128, h=256):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.Wi, self.Wf, self.Wg, self.Wo = (_p(h, x) for _ in range(4))
            self.Whi, self.Whf, self.Whg, self.Who = (_p(h, h) for _ in range(4))

        def forward(self, xt, state):
            hp, c = state
            i = torch.sigmoid(self.Wi @ xt + self.Whi @ hp)
            f = torch.sigmoid(self.Wf @ xt + self.Whf @ hp)
            g = torch.tanh(self.Wg @ xt + self.Whg @ hp)
            o = torch.sigmoid(self.Wo @ xt + self.Who @ hp)
            c2 = f * c + i * g
            return o * torch.tanh(c2), c2

    return Cell()


# stored file id 54111154943 (TypeScript LSTM predictor C207, lstmForward comments). Marked refuse (Wd rows not
# given). Most plausible reading: scalar x, Wf/Wi/Wc/Wo (h x (h + 1)) on [h, x], bf/bi/bc/bo (h), dense
# Wd (1 x h), bd (1). Count: 4h(h + 2) + h + 1.
@_export
def h26e_c207_lstm(h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.Wf, self.Wi, self.Wc, self.Wo = (_p(h, h + 1) for _ in range(4))
            self.bf, self.bi, self.bc, self.bo = (_p(h) for _ in range(4))
            self.Wd, self.bd = _p(1, h), _p(1)

        def forward(self, xt, state):
            hp, c = state
            cat = torch.cat([hp, xt.reshape(1)])
            f = torch.sigmoid(self.Wf @ cat + self.bf)
            i = torch.sigmoid(self.Wi @ cat + self.bi)
            g = torch.tanh(self.Wc @ cat + self.bc)
            o = torch.sigmoid(self.Wo @ cat + self.bo)
            c2 = f * c + i * g
            h2 = o * torch.tanh(c2)
            return self.Wd @ h2 + self.bd, (h2, c2)

    return Cell()


# stored file id 57367646608 (TypeScript payload-mutation LSTM, interface LSTMWeights and LSTMConfig).
# Peephole LSTM with full peephole matrices: input gate Wix (h x x), Wih, Wic (h x h), bi; forget gate Wfx,
# Wfh, Wfc, bf; candidate Wcx, Wch, bc; output gate Wox, Woh, Woc, bo; output Why (y x h), by (y).
# Count: 4h(x + h + 1) + 3h^2 + y(h + 1).
@_export
def h26e_payloadlstm_peephole(x=7, h=5, y=3):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.Wix, self.Wih, self.Wic, self.bi = _p(h, x), _p(h, h), _p(h, h), _p(h)
            self.Wfx, self.Wfh, self.Wfc, self.bf = _p(h, x), _p(h, h), _p(h, h), _p(h)
            self.Wcx, self.Wch, self.bc = _p(h, x), _p(h, h), _p(h)
            self.Wox, self.Woh, self.Woc, self.bo = _p(h, x), _p(h, h), _p(h, h), _p(h)
            self.Why, self.by = _p(y, h), _p(y)

        def forward(self, xt, state):
            hp, cp = state
            i = torch.sigmoid(self.Wix @ xt + self.Wih @ hp + self.Wic @ cp + self.bi)
            f = torch.sigmoid(self.Wfx @ xt + self.Wfh @ hp + self.Wfc @ cp + self.bf)
            ct_ = torch.tanh(self.Wcx @ xt + self.Wch @ hp + self.bc)
            c = f * cp + i * ct_
            o = torch.sigmoid(self.Wox @ xt + self.Woh @ hp + self.Woc @ c + self.bo)
            ht = o * torch.tanh(c)
            return self.Why @ ht + self.by, (ht, c)

    return Cell()


# stored file id 57063525464 (Python, InsightSerenity VanillaRNNCell docstring). W_ih (h x x), b_ih (h),
# W_hh (h x h), b_hh (h). Count: h(x + h + 2).
@_export
def h26e_insightrnn_cell(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_ih, self.b_ih, self.W_hh, self.b_hh = _p(h, x), _p(h), _p(h, h), _p(h)

        def forward(self, xt, hp):
            return torch.tanh(self.W_ih @ xt + self.b_ih + self.W_hh @ hp + self.b_hh)

    return Cell()


# stored file id 57063525464 (Python, InsightSerenity vanilla RNN module docstring). W_hh (h x h),
# W_xh (h x x), b_h (h). Count: h(x + h + 1).
@_export
def h26e_insightrnn_module(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_hh, self.W_xh, self.b_h = _p(h, h), _p(h, x), _p(h)

        def forward(self, xt, hp):
            return torch.tanh(self.W_hh @ hp + self.W_xh @ xt + self.b_h)

    return Cell()


# stored file id 41874669670 (Python/Flax VanillaRNNCell docstring). W_ih (h x x), W_hh (h x h), b (h);
# example hidden_size=64, input_dim=128. Count: h(x + h + 1).
@_export
def h26e_flaxrnn_cell(x=128, h=64):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_ih, self.W_hh, self.b = _p(h, x), _p(h, h), _p(h)

        def forward(self, xt, hp):
            return torch.tanh(self.W_ih @ xt + self.W_hh @ hp + self.b)

    return Cell()


# stored file id 9892876719 (Python, SoundRNN docstring, Portuguese). Marked refuse (Conv/FC weights and
# hidden size not given). Most plausible reading of the formula alone: W_ih (h x 640), W_hh (h x h), b (h),
# with h = 128 from the constructor default. Count: h(x + h + 1).
@_export
def h26e_soundrnn_rnn(x=640, h=128):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_ih, self.W_hh, self.b = _p(h, x), _p(h, h), _p(h)

        def forward(self, xt, hp):
            return torch.tanh(self.W_ih @ xt + self.W_hh @ hp + self.b)

    return Cell()


# stored file id 12118635812 (C++ lstm.cpp, lstmForward gate comments). W_xi, W_xf, W_xo, W_xc (h x x),
# W_hi, W_hf, W_ho, W_hc (h x h), b_i, b_f, b_o, b_c (h). Count: 4h(x + h + 1).
@_export
def h26e_cmatlstm_lstm(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_xi, self.W_hi, self.b_i = _p(h, x), _p(h, h), _p(h)
            self.W_xf, self.W_hf, self.b_f = _p(h, x), _p(h, h), _p(h)
            self.W_xo, self.W_ho, self.b_o = _p(h, x), _p(h, h), _p(h)
            self.W_xc, self.W_hc, self.b_c = _p(h, x), _p(h, h), _p(h)

        def forward(self, xt, state):
            hp, cp = state
            i = torch.sigmoid(self.W_xi @ xt + self.W_hi @ hp + self.b_i)
            f = torch.sigmoid(self.W_xf @ xt + self.W_hf @ hp + self.b_f)
            o = torch.sigmoid(self.W_xo @ xt + self.W_ho @ hp + self.b_o)
            ct = torch.tanh(self.W_xc @ xt + self.W_hc @ hp + self.b_c)
            c = f * cp + i * ct
            return o * torch.tanh(c), c

    return Cell()


# stored file id 44945571063 (Lua/Torch7 models.makeModel, lstm comment block). No biases; x_t, h and c all
# of size D: W_{xi}, W_{xf}, W_{xo}, W_{xg} (D x D), W_{hi}, W_{hf}, W_{ho}, W_{hg} (D x D). Count: 8D^2.
@_export
def h26e_torchlua_lstm(D=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_xi, self.W_xf, self.W_xo, self.W_xg = (_p(D, D) for _ in range(4))
            self.W_hi, self.W_hf, self.W_ho, self.W_hg = (_p(D, D) for _ in range(4))

        def forward(self, xt, state):
            hp, cp = state
            i = torch.sigmoid(self.W_xi @ xt + self.W_hi @ hp)
            f = torch.sigmoid(self.W_xf @ xt + self.W_hf @ hp)
            o = torch.sigmoid(self.W_xo @ xt + self.W_ho @ hp)
            g = torch.tanh(self.W_xg @ xt + self.W_hg @ hp)
            c = f * cp + i * g
            return o * torch.tanh(c), c

    return Cell()
