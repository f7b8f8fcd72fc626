"""Oracles for the h39a set-aside snippets (heldout39), as its gatherer wrote them."""
import torch
from torch import nn

__all__ = []


def _export(f):
    __all__.append(f.__name__)
    return f


def _p(*shape):
    return nn.Parameter(torch.randn(*shape) * 0.1)


# phamdinhkhanh.github.io NARSyscom2015 (Vietnamese GRU for session-based recommendation); z_t, r_t, h'_t each
# W[., .] on the concatenation [h_{t-1}, x_t] (h x (h+x)), no bias written; Count: 3*h*(h+x).
@_export
def h39a_pham_gru(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_z = _p(h, h + x)
            self.W_r = _p(h, h + x)
            self.W = _p(h, h + x)

        def forward(self, xt, hp):
            hx = torch.cat([hp, xt], -1)
            z = torch.sigmoid(hx @ self.W_z.T)
            r = torch.sigmoid(hx @ self.W_r.T)
            hc = torch.tanh(torch.cat([r * hp, xt], -1) @ self.W.T)
            return z * hp + (1 - z) * hc
    return Cell()


# AprendizajeProfundo/Diplomado rnr_GRU_Intro (Spanish GRU notebook); z_t, r_t, \tilde h_t each W (h x x), U (h x h),
# b (h), reset applied to h_{t-1} before U_n; Count: 3*(h*x + h*h + h).
@_export
def h39a_diplo_gru(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            for g in 'zrn':
                setattr(self, 'W_' + g, _p(h, x))
                setattr(self, 'U_' + g, _p(h, h))
                setattr(self, 'b_' + g, _p(h))

        def forward(self, xt, hp):
            z = torch.sigmoid(xt @ self.W_z.T + hp @ self.U_z.T + self.b_z)
            r = torch.sigmoid(xt @ self.W_r.T + hp @ self.U_r.T + self.b_r)
            hc = torch.tanh(xt @ self.W_n.T + (r * hp) @ self.U_n.T + self.b_n)
            return (1 - z) * hp + z * hc
    return Cell()


# VikParuchuri/zero_to_gpt explanations/rnn.ipynb "Full Forward Pass" (prose + numpy code, no equation); i_weight (x x h),
# h_weight (h x h), h_bias (h), o_weight (h x y), o_bias (y); sizes fixed by the code literals (1, 5, 1);
# Count: x*h + h*h + h + h*y + y.
@_export
def h39a_vik_rnn(x=1, h=5, y=1):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.i_weight = _p(x, h)
            self.h_weight = _p(h, h)
            self.h_bias = _p(1, h)
            self.o_weight = _p(h, y)
            self.o_bias = _p(1, y)

        def forward(self, xt, hp):
            xh = torch.tanh(xt @ self.i_weight + hp @ self.h_weight + self.h_bias)
            return xh, xh @ self.o_weight + self.o_bias
    return Cell()


# vtchen0523/05-DL-notes SSM.ipynb (S4-style SSM notes, English markdown + code with Chinese comments); A (N x N),
# B (N x 1), C (1 x N) from random_SSM; \Delta is the fixed step 1/L (not a parameter); 1-D input and output;
# Count: N*N + 2*N.
@_export
def h39a_vtchen_ssm(N=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.A = _p(N, N)
            self.B = _p(N, 1)
            self.C = _p(1, N)

        def forward(self, u, x, step=0.1):
            I = torch.eye(N)
            BL = torch.inverse(I - (step / 2.0) * self.A)
            Ab = BL @ (I + (step / 2.0) * self.A)
            Bb = (BL * step) @ self.B
            x = x @ Ab.T + u @ Bb.T
            return x, x @ self.C.T
    return Cell()


# PyTorchKorea/tutorials-kr sequence_models_tutorial (Korean), exercise "문자-단위 특징과 LSTM 품사 태거 증강";
# reading: word embedding (vocab_size x 5), character embedding (char_vocab x char_embedding_dim), character LSTM
# (char_embedding_dim -> 3, PyTorch nn.LSTM with two biases per gate), word LSTM (8 -> hidden_dim, nn.LSTM), output
# nn.Linear(hidden_dim, tagset_size) as in the tutorial's LSTMTagger; Count: vocab*5 + char_vocab*e_c
# + 4*(3*e_c + 3*3 + 2*3) + 4*(hidden*8 + hidden*hidden + 2*hidden) + hidden*tagset + tagset.
@_export
def h39a_pkr_charlstm(vocab_size=7, char_vocab=6, char_embedding_dim=4, hidden_dim=5, tagset_size=3):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.word_embeddings = nn.Embedding(vocab_size, 5)
            self.char_embeddings = nn.Embedding(char_vocab, char_embedding_dim)
            self.char_lstm = nn.LSTM(char_embedding_dim, 3)
            self.lstm = nn.LSTM(5 + 3, hidden_dim)
            self.hidden2tag = nn.Linear(hidden_dim, tagset_size)

        def forward(self, word_idx, char_idx):
            x_w = self.word_embeddings(word_idx)                       # (1, 5)
            _, (c_w, _) = self.char_lstm(self.char_embeddings(char_idx).view(len(char_idx), 1, -1))
            inp = torch.cat([x_w, c_w.view(1, -1)], -1).view(1, 1, -1)
            out, _ = self.lstm(inp)
            return torch.log_softmax(self.hidden2tag(out.view(1, -1)), dim=1)
    return Cell()


# logantcrawford/Recurrent-Neural-Networks RNNs.ipynb (vanilla RNN h_t = f(theta_hh h_{t-1} + theta_xh X_t));
# theta_hh (h x h), theta_xh (h x x), no bias written, f generic (tanh here); Count: h*h + h*x.
@_export
def h39a_logan_rnn(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.theta_hh = _p(h, h)
            self.theta_xh = _p(h, x)

        def forward(self, xt, hp):
            return torch.tanh(hp @ self.theta_hh.T + xt @ self.theta_xh.T)
    return Cell()


# DeepLearningDTU/02456-deep-learning lab3 Exercise 2 (GRU whose equations are only an image of the Lasagne GRULayer
# docs); reading: update u, reset r, cell c each with W_x* (h x x), W_h* (h x h) and one bias b_* (h), as Lasagne's
# GRULayer; Count: 3*(h*x + h*h + h).
@_export
def h39a_dtu_gru(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            for g in 'urc':
                setattr(self, 'W_x' + g, _p(x, h))
                setattr(self, 'W_h' + g, _p(h, h))
                setattr(self, 'b_' + g, _p(h))

        def forward(self, xt, hp):
            u = torch.sigmoid(xt @ self.W_xu + hp @ self.W_hu + self.b_u)
            r = torch.sigmoid(xt @ self.W_xr + hp @ self.W_hr + self.b_r)
            c = torch.tanh(xt @ self.W_xc + r * (hp @ self.W_hc) + self.b_c)
            return (1 - u) * hp + u * c
    return Cell()


# AprendizajeProfundo/Diplomado rnr_LSTM_Intro (Spanish); W_f, W_i, W_c, W_o each p x (p+n) on [h_{t-1}, x_t] with
# biases b_f, b_i, b_c, b_o (p); the text itself states 4(p^2 + pn + p); Count: 4*(p*(p+n) + p).
@_export
def h39a_diplo_lstm(n=7, p=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            for g in 'fico':
                setattr(self, 'W_' + g, _p(p, p + n))
                setattr(self, 'b_' + g, _p(p))

        def forward(self, xt, hp, cp):
            hx = torch.cat([hp, xt], -1)
            f = torch.sigmoid(hx @ self.W_f.T + self.b_f)
            i = torch.sigmoid(hx @ self.W_i.T + self.b_i)
            cc = torch.tanh(hx @ self.W_c.T + self.b_c)
            c = f * cp + i * cc
            o = torch.sigmoid(hx @ self.W_o.T + self.b_o)
            return o * torch.tanh(c), c
    return Cell()


# Nixtla/neuralforecast nbs/models.rnn.ipynb (nbdev model page); one Elman layer on the concatenation
# [y_t, x^(h)_t, x^(s)]: W_ih (h x (y+xh+xs)), b_ih (h), W_hh (h x h), b_hh (h); Count: h*(y+xh+xs) + h*h + 2*h.
@_export
def h39a_nixtla_rnn(y=3, xh=4, xs=2, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_ih = _p(h, y + xh + xs)
            self.b_ih = _p(h)
            self.W_hh = _p(h, h)
            self.b_hh = _p(h)

        def forward(self, yt, xht, xs_, hp):
            inp = torch.cat([yt, xht, xs_], -1)
            return torch.tanh(inp @ self.W_ih.T + self.b_ih + hp @ self.W_hh.T + self.b_hh)
    return Cell()


# PyTorchKorea/tutorials-kr sequence_models_tutorial (Korean), LSTMTagger: nn.Embedding(vocab_size, embedding_dim),
# nn.LSTM(embedding_dim, hidden_dim) (two biases per gate), nn.Linear(hidden_dim, tagset_size); the code fixes
# EMBEDDING_DIM = HIDDEN_DIM = 6, vocab_size = 9 distinct words of training_data, tagset_size = 3;
# Count: V*E + 4*(H*E + H*H + 2*H) + H*T + T.
@_export
def h39a_pkr_tagger(vocab_size=9, embedding_dim=6, hidden_dim=6, tagset_size=3):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.word_embeddings = nn.Embedding(vocab_size, embedding_dim)
            self.lstm = nn.LSTM(embedding_dim, hidden_dim)
            self.hidden2tag = nn.Linear(hidden_dim, tagset_size)

        def forward(self, sentence):
            embeds = self.word_embeddings(sentence)
            lstm_out, _ = self.lstm(embeds.view(len(sentence), 1, -1))
            return torch.log_softmax(self.hidden2tag(lstm_out.view(len(sentence), -1)), dim=1)
    return Cell()


# fastai/fastai nbs/32_text.models.awdlstm.ipynb (AWD-LSTM prose); reading: nn.Embedding(vocab_sz, emb_sz) and
# n_layers unidirectional PyTorch nn.LSTMs (two biases per gate): emb_sz->n_hid, n_hid->n_hid (inner), n_hid->emb_sz
# (last); dropouts add no parameters; Count: V*E + sum over layers of 4*(out*in + out*out + 2*out).
@_export
def h39a_fastai_awdlstm(vocab_sz=9, emb_sz=4, n_hid=5, n_layers=3):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.encoder = nn.Embedding(vocab_sz, emb_sz)
            self.rnns = nn.ModuleList([nn.LSTM(emb_sz if l == 0 else n_hid,
                                               n_hid if l != n_layers - 1 else emb_sz, 1, batch_first=True)
                                       for l in range(n_layers)])

        def forward(self, inp):
            out = self.encoder(inp)
            for rnn in self.rnns:
                out, _ = rnn(out)
            return out
    return Cell()
