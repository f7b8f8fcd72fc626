"""Oracles for the h44c set-aside snippets (heldout44), as its gatherer wrote them."""
import torch
from torch import nn

__all__ = []


def _export(f):
    __all__.append(f.__name__)
    return f


def _p(*shape):
    return nn.Parameter(torch.randn(*shape) * 0.1)


# natalymr/dl-notes, md/question_4.md, "Еще раз архитектура LSTM"; per gate g in f, i, o, c:
# W_g (h, d), U_g (h, h), b_g (h); the candidate sigma_c(W_c x + U_c h + b_c) is written inside the c_t line;
# Count: 4*(h*d + h*h + h).
@_export
def h44c_natalymr_lstm_ru(d=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W = nn.ParameterDict({g: _p(h, d) for g in 'fioc'})
            self.U = nn.ParameterDict({g: _p(h, h) for g in 'fioc'})
            self.b = nn.ParameterDict({g: _p(h) for g in 'fioc'})

        def forward(self, x, hp, cp):
            lin = lambda g: x @ self.W[g].T + hp @ self.U[g].T + self.b[g]
            f, i, o = torch.sigmoid(lin('f')), torch.sigmoid(lin('i')), torch.sigmoid(lin('o'))
            c = f * cp + i * torch.tanh(lin('c'))
            return o * torch.tanh(c), c
    return Cell()


# natalymr/dl-notes, md/question_4.md, "### GRU"; W_z, W_r, W_h (h, x), U_z, U_r, U_h (h, h), b_z, b_r, b_h (h);
# candidate sigma_h(W_h x + U_h (r o h_{t-1}) + b_h) inside the h_t line; Count: 3*(h*x + h*h + h).
@_export
def h44c_natalymr_gru_ru(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W = nn.ParameterDict({g: _p(h, x) for g in 'zrh'})
            self.U = nn.ParameterDict({g: _p(h, h) for g in 'zrh'})
            self.b = nn.ParameterDict({g: _p(h) for g in 'zrh'})

        def forward(self, xt, hp):
            z = torch.sigmoid(xt @ self.W['z'].T + hp @ self.U['z'].T + self.b['z'])
            r = torch.sigmoid(xt @ self.W['r'].T + hp @ self.U['r'].T + self.b['r'])
            cand = torch.tanh(xt @ self.W['h'].T + (r * hp) @ self.U['h'].T + self.b['h'])
            return z * hp + (1 - z) * cand
    return Cell()


# kibria30/Machine_learning, DL/docs/summarizer_architecture.md; Emb_enc, Emb_dec (VOCAB, EMB); encoder Wxh_enc
# (HID, EMB), Whh_enc (HID, HID), bh_enc (HID); attention Wa, Ua (HID, HID), va (HID); decoder Wxh_dec
# (HID, EMB+HID), Whh_dec (HID, HID), bh_dec (HID); output Why (VOCAB, HID), by (VOCAB);
# Count: 2*V*E + (H*E + H*H + H) + (2*H*H + H) + (H*(E+H) + H*H + H) + (V*H + V).
@_export
def h44c_kibria30_seq2seq_attn(VOCAB_SIZE=11, EMB_DIM=7, HID_DIM=5):
    V, E, H = VOCAB_SIZE, EMB_DIM, HID_DIM

    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.Emb_enc, self.Emb_dec = _p(V, E), _p(V, E)
            self.Wxh_enc, self.Whh_enc, self.bh_enc = _p(H, E), _p(H, H), _p(H)
            self.Wa, self.Ua, self.va = _p(H, H), _p(H, H), _p(H)
            self.Wxh_dec, self.Whh_dec, self.bh_dec = _p(H, E + H), _p(H, H), _p(H)
            self.Why, self.by = _p(V, H), _p(V)

        def forward(self, x_ids, y_prev_id):
            h = torch.zeros(H)
            Hs = []
            for t in x_ids:
                h = torch.tanh(self.Wxh_enc @ self.Emb_enc[t] + self.Whh_enc @ h + self.bh_enc)
                Hs.append(h)
            Hm = torch.stack(Hs)
            s_prev = Hm[-1]
            U = torch.tanh(Hm @ self.Ua.T + self.Wa @ s_prev)
            alpha = torch.softmax(U @ self.va, 0)
            context = alpha @ Hm
            xt = torch.cat([self.Emb_dec[y_prev_id], context])
            s = torch.tanh(self.Wxh_dec @ xt + self.Whh_dec @ s_prev + self.bh_dec)
            return self.Why @ s + self.by, s
    return Cell()


# danielpederzini/seq-modeling-from-scratch, README.md (refuse); most plausible reading: the fully written RNN row
# h_t = tanh(x_t W + h_{t-1} U + b) stacked twice (W (x, h) then (h, h), U (h, h), b (h)), then a softmax output
# layer over the vocabulary with weight (h, y) and bias (y), y the vocabulary; Count: (x*h + h*h + h) + (h*h + h*h + h) + (h*y + y).
@_export
def h44c_pederzini_stacked_rnn(x=7, h=5, y=11):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W1, self.U1, self.b1 = _p(x, h), _p(h, h), _p(h)
            self.W2, self.U2, self.b2 = _p(h, h), _p(h, h), _p(h)
            self.Wo, self.bo = _p(h, y), _p(y)

        def forward(self, xt, h1, h2):
            h1 = torch.tanh(xt @ self.W1 + h1 @ self.U1 + self.b1)
            h2 = torch.tanh(h1 @ self.W2 + h2 @ self.U2 + self.b2)
            return torch.softmax(h2 @ self.Wo + self.bo, -1), h1, h2
    return Cell()


# tiramisuvv/NLP, rnn_tmp.md, simplified GRU (refuse); reading Gamma_u = sigma() as sigma(W_u[c^{<t-1>}, x^{<t>}] + b_u)
# like the candidate: W_c, W_u (h, h+x), b_c, b_u (h); the "FULL GRU" (image only) is not built;
# Count: 2*(h*(h+x) + h).
@_export
def h44c_tiramisuvv_gru_simplified(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_c, self.b_c = _p(h, h + x), _p(h)
            self.W_u, self.b_u = _p(h, h + x), _p(h)

        def forward(self, xt, cp):
            cx = torch.cat([cp, xt], -1)
            ct = torch.tanh(cx @ self.W_c.T + self.b_c)
            gu = torch.sigmoid(cx @ self.W_u.T + self.b_u)
            return gu * ct + (1 - gu) * cp
    return Cell()


# tuandung222/speech-processing-book, 04-asr-foundations.md, RNNTransducer code; encoder_proj Linear(n_mels, E),
# encoder nn.LSTM(E, E, encoder_layers), Embedding(vocab, P), predictor nn.LSTM(P, P, predictor_layers),
# joint_enc Linear(E, J, bias=False), joint_pred Linear(P, J), joint_out Linear(J, vocab);
# Count: (n*E + E) + Le*4*(2*E*E + 2*E) + V*P + Lp*4*(2*P*P + 2*P) + E*J + (P*J + J) + (J*V + V).
@_export
def h44c_tuandung_rnnt(n_mels=7, encoder_dim=5, predictor_dim=4, joint_dim=6, vocab_size=3,
                       encoder_layers=2, predictor_layers=2):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.encoder_proj = nn.Linear(n_mels, encoder_dim)
            self.encoder = nn.LSTM(encoder_dim, encoder_dim, num_layers=encoder_layers, batch_first=True)
            self.embedding = nn.Embedding(vocab_size, predictor_dim)
            self.predictor = nn.LSTM(predictor_dim, predictor_dim, num_layers=predictor_layers, batch_first=True)
            self.joint_enc = nn.Linear(encoder_dim, joint_dim, bias=False)
            self.joint_pred = nn.Linear(predictor_dim, joint_dim, bias=True)
            self.joint_out = nn.Linear(joint_dim, vocab_size)

        def forward(self, mel, targets):
            h, _ = self.encoder(self.encoder_proj(mel.transpose(1, 2)))
            g, _ = self.predictor(self.embedding(targets))
            z = torch.tanh(self.joint_enc(h).unsqueeze(2) + self.joint_pred(g).unsqueeze(1))
            return self.joint_out(z)
    return Cell()


# Nishaan-Ghimire/RNN-from-scratch, Readme.md; E (x, V) with V = y (next-word vocabulary), W_x (h, x), W_h (h, h),
# b_h (h), W_y (y, h), b_y (y); Count: y*x + h*x + h*h + h + y*h + y.
@_export
def h44c_nishaan_rnn_embed(x=7, h=5, y=11):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.E = _p(x, y)
            self.W_x, self.W_h, self.b_h = _p(h, x), _p(h, h), _p(h)
            self.W_y, self.b_y = _p(y, h), _p(y)

        def forward(self, word_index, hp):
            xt = self.E[:, word_index]
            ht = torch.tanh(self.W_x @ xt + self.W_h @ hp + self.b_h)
            return torch.softmax(self.W_y @ ht + self.b_y, 0), ht
    return Cell()


# wx-chevalier/DeepLearning-Notes, lesson5_week1.md, LSTM; W_c, W_u, W_f, W_o (a, a+x) on [a^{<t-1>}, x^{<t>}],
# b_c, b_u, b_f, b_o (a); a^{<t>} = Gamma_o * c^{<t>} as written (no tanh; no parameters either way);
# Count: 4*(a*(a+x) + a).
@_export
def h44c_wxchevalier_lstm_zh(a=5, x=7):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W = nn.ParameterDict({g: _p(a, a + x) for g in 'cufo'})
            self.b = nn.ParameterDict({g: _p(a) for g in 'cufo'})

        def forward(self, xt, ap, cp):
            ax = torch.cat([ap, xt], -1)
            lin = lambda g: ax @ self.W[g].T + self.b[g]
            ct = torch.tanh(lin('c'))
            gu, gf, go = torch.sigmoid(lin('u')), torch.sigmoid(lin('f')), torch.sigmoid(lin('o'))
            c = gu * ct + gf * cp
            return go * c, c
    return Cell()


# feeblebird/mynote, RNN.md, bidirectional nn.RNN(input_size, hidden_size, bidirectional=True) and its hand-written
# twin: per direction weight_ih (h, x), weight_hh (h, h), bias_ih (h), bias_hh (h); Count: 2*(h*x + h*h + 2*h).
@_export
def h44c_feeblebird_birnn_code(input_size=7, hidden_size=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.bi_rnn = nn.RNN(input_size, hidden_size, batch_first=True, bidirectional=True)

        def forward(self, inp, h_prev):
            return self.bi_rnn(inp, h_prev)
    return Cell()


# zhixuan-lin/paper-notes, 15-VRNN/notes.md (refuse); one plausible reading: feature extractors phi^x Linear(x, d),
# phi^z Linear(z, d); f_theta a tanh RNN cell on [phi^x(x), phi^z(z)] with W (h, 2d), U (h, h), b (h); prior
# Linear(h, 2z); decoder Linear(d+h, 2x) on [phi^z(z), h]; posterior (named phi^dec again in the text) as a separate
# Linear(d+h, 2z) on [phi^x(x), h]; Count: (x*d+d) + (z*d+d) + (2*d*h + h*h + h) + (h*2z + 2z) + ((d+h)*2x + 2x)
# + ((d+h)*2z + 2z).
@_export
def h44c_zhixuan_vrnn(x=7, z=3, h=5, d=4):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.phi_x, self.phi_z = nn.Linear(x, d), nn.Linear(z, d)
            self.W, self.U, self.b = _p(h, 2 * d), _p(h, h), _p(h)
            self.prior = nn.Linear(h, 2 * z)
            self.dec = nn.Linear(d + h, 2 * x)
            self.enc = nn.Linear(d + h, 2 * z)

        def forward(self, xt, hp):
            fx = self.phi_x(xt)
            mu_q, s_q = self.enc(torch.cat([fx, hp], -1)).chunk(2, -1)
            zt = mu_q + torch.nn.functional.softplus(s_q) * torch.randn_like(mu_q)
            fz = self.phi_z(zt)
            mu_p, s_p = self.prior(hp).chunk(2, -1)
            mu_x, s_x = self.dec(torch.cat([fz, hp], -1)).chunk(2, -1)
            ht = torch.tanh(torch.cat([fx, fz], -1) @ self.W.T + hp @ self.U.T + self.b)
            return ht, (mu_x, s_x), (mu_p, s_p), (mu_q, s_q)
    return Cell()


