"""Oracles for the h42a set-aside snippets (heldout42), as its gatherer wrote them."""
import torch
from torch import nn

__all__ = []


def _export(f):
    __all__.append(f.__name__)
    return f


def _p(*shape):
    return nn.Parameter(torch.randn(*shape) * 0.1)


# ctjoy/technion-deep-learning-course cs236605-hw3/Part1_Sequence.ipynb cells 23-29; multilayer GRU, L layers;
# layer k: W_xz, W_xr, W_xg (H x in_k, in_1 = V, in_k = H for k > 1), W_hz, W_hr, W_hg (H x H), b_z, b_r, b_g (H);
# output Y = X^{[L+1]} W_hy^T + B_y with W_hy (V x H), B_y (V); dropout has no parameters;
# Count: 3*(V*H + H*H + H) + (L-1)*3*(2*H*H + H) + H*V + V.
@_export
def h42a_technion_mgru(V=7, H=5, L=2):
    class Layer(nn.Module):
        def __init__(self, n_in):
            super().__init__()
            self.W_xz, self.W_xr, self.W_xg = _p(H, n_in), _p(H, n_in), _p(H, n_in)
            self.W_hz, self.W_hr, self.W_hg = _p(H, H), _p(H, H), _p(H, H)
            self.b_z, self.b_r, self.b_g = _p(H), _p(H), _p(H)

        def forward(self, x, h):
            z = torch.sigmoid(x @ self.W_xz.T + h @ self.W_hz.T + self.b_z)
            r = torch.sigmoid(x @ self.W_xr.T + h @ self.W_hr.T + self.b_r)
            g = torch.tanh(x @ self.W_xg.T + (r * h) @ self.W_hg.T + self.b_g)
            return z * h + (1 - z) * g

    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.layers = nn.ModuleList([Layer(V if k == 0 else H) for k in range(L)])
            self.W_hy = _p(V, H)
            self.B_y = _p(V)
            self.drop = nn.Dropout(0.1)

        def forward(self, x, hs):
            out = []
            inp = x
            for k, layer in enumerate(self.layers):
                h = layer(inp, hs[k])
                out.append(h)
                inp = self.drop(h)
            return inp @ self.W_hy.T + self.B_y, out
    return Cell()


# syadegari/RNN-from-scratch RNN_from_scratch.ipynb cells 13-17; stacked tanh RNN with PyTorch naming: per layer
# w_ih (h_out x layer_input_size; h_in for layer 0, h_out above), w_hh (h_out x h_out), b_ih, b_hh (h_out);
# sizes from the code literals; Count: h_out*h_in + (num_layers-1)*h_out*h_out + num_layers*(h_out*h_out + 2*h_out).
@_export
def h42a_syadegari_stack(h_in=2, h_out=5, num_layers=3):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.rnn = nn.RNN(input_size=h_in, hidden_size=h_out, num_layers=num_layers, batch_first=True)

        def forward(self, x, h0):
            return self.rnn(x, h0)
    return Cell()


class _LSTMLayer(nn.Module):
    # standard LSTM layer, one bias per gate: W (4h x n_in), U (4h x h), b (4h)
    def __init__(self, n_in, h):
        super().__init__()
        self.W, self.U, self.b = _p(4 * h, n_in), _p(4 * h, h), _p(4 * h)

    def forward(self, x, hp, cp):
        i, f, o, g = (x @ self.W.T + hp @ self.U.T + self.b).chunk(4, -1)
        c = torch.sigmoid(f) * cp + torch.sigmoid(i) * torch.tanh(g)
        return torch.sigmoid(o) * torch.tanh(c), c


# JonathanRaiman/theano_lstm Tutorial.ipynb cell 13 lines 1-37; most plausible reading: Embedding(vocab_size, input_size),
# stack_size standard LSTM layers (one bias per gate; first on input_size, then hidden_size), classifier
# Layer(hidden_size, vocab_size) with bias + softmax; the text leaves the LSTM internals (and theano_lstm's trainable
# initial hidden states, hinted by has_hidden) unwritten -> refuse;
# Count: V*e + 4*(e*h + h*h + h) + (stack-1)*4*(2*h*h + h) + h*V + V.
@_export
def h42a_raiman_stack(vocab_size=3, input_size=7, hidden_size=5, stack_size=2):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.emb = nn.Embedding(vocab_size, input_size)
            self.layers = nn.ModuleList([_LSTMLayer(input_size if k == 0 else hidden_size, hidden_size)
                                         for k in range(stack_size)])
            self.out = nn.Linear(hidden_size, vocab_size)

        def forward(self, idx, states):
            x = self.emb(idx)
            new = []
            for layer, (hp, cp) in zip(self.layers, states):
                x, c = layer(x, hp, cp)
                new.append((x, c))
            return torch.softmax(self.out(x), -1), new
    return Cell()


# jacobeisenstein/gt-nlp-class psets/ps2/pset2.ipynb cells 140-146; BiLSTM tagger: nn.Embedding(vocab_size, embedding_dim),
# one-layer nn.LSTM(embedding_dim, hidden_dim, bidirectional=True) (PyTorch: per direction W_ih 4h x e, W_hh 4h x h,
# b_ih, b_hh), hidden2tag nn.Linear(2*hidden_dim, n_tags) with bias; reading taken: hidden_dim per direction, as in the
# example comment (the other reading, hidden_dim//2 per direction, changes the count) -> refuse;
# Count: V*e + 2*4*(e*h + h*h + 2*h) + 2*h*T + T.
@_export
def h42a_gtnlp_bilstm(vocab_size=9, embedding_dim=7, hidden_dim=5, tag_to_ix=3):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.word_embeds = nn.Embedding(vocab_size, embedding_dim)
            self.lstm = nn.LSTM(embedding_dim, hidden_dim, num_layers=1, bidirectional=True)
            self.hidden2tag = nn.Linear(2 * hidden_dim, tag_to_ix)

        def forward(self, sentence):
            e = self.word_embeds(sentence).view(len(sentence), 1, -1)
            out, _ = self.lstm(e)
            return torch.log_softmax(self.hidden2tag(out.view(len(sentence), -1)), -1)
    return Cell()


# DataScienceUB/DeepLearningMaster20192020 "6. Recurrent Neural Networks I.ipynb" cells 16-17; LSTM with W^f, W^i, W^C, W^o
# each (h x (h + x)) acting on [h_{t-1}, x_t], no biases written; Count: 4*h*(h + x).
@_export
def h42a_ub_lstm(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.Wf, self.Wi, self.WC, self.Wo = (_p(h, h + x) for _ in range(4))

        def forward(self, xt, hp, Cp):
            hx = torch.cat([hp, xt], -1)
            f = torch.sigmoid(hx @ self.Wf.T)
            i = torch.sigmoid(hx @ self.Wi.T)
            Ct_ = torch.tanh(hx @ self.WC.T)
            C = f * Cp + i * Ct_
            o = torch.sigmoid(hx @ self.Wo.T)
            return o * torch.tanh(C), C
    return Cell()


# DataScienceUB/DeepLearningMaster20192020 "6. Recurrent Neural Networks I.ipynb" cell 18; GRU with W_z, W_r (h x (x + h))
# on [x_t, h_{t-1}], no biases; the candidate is written tanh(r_t . [x_t, r_t . h_{t-1}]) with no weight (and a shape
# mismatch) -> refuse; most plausible reading: a third weight W (h x (x + h)) on [x_t, r_t * h_{t-1}];
# Count: 3*h*(x + h).
@_export
def h42a_ub_gru(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.Wz, self.Wr, self.W = _p(h, x + h), _p(h, x + h), _p(h, x + h)

        def forward(self, xt, hp):
            xh = torch.cat([xt, hp], -1)
            z = torch.sigmoid(xh @ self.Wz.T)
            r = torch.sigmoid(xh @ self.Wr.T)
            ht_ = torch.tanh(torch.cat([xt, r * hp], -1) @ self.W.T)
            return (1 - z) * hp + z * ht_
    return Cell()


# dair-ai/notebooks _notebooks/2020-03-18-RNN_PT.ipynb cells 12-15; BasicRNN: Wx (n_inputs x n_neurons),
# Wy (n_neurons x n_neurons), b (1 x n_neurons), Y_t = tanh(Y_{t-1} Wy + X_t Wx + b) (plain tensors in the text,
# but they are the model's weights); sizes from N_INPUT = 3, N_NEURONS = 5;
# Count: n_inputs*n_neurons + n_neurons^2 + n_neurons.
@_export
def h42a_dair_basicrnn(n_inputs=3, n_neurons=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.Wx = _p(n_inputs, n_neurons)
            self.Wy = _p(n_neurons, n_neurons)
            self.b = nn.Parameter(torch.zeros(1, n_neurons))

        def forward(self, X0, X1):
            Y0 = torch.tanh(X0 @ self.Wx + self.b)
            Y1 = torch.tanh(Y0 @ self.Wy + X1 @ self.Wx + self.b)
            return Y0, Y1
    return Cell()


# PacktPublishing/Natural-Language-Processing-with-TensorFlow ch8/lstm_extensions.ipynb cells 19-20; peephole LSTM (TF1):
# input/forget/output gates each x-weight (V x n), m-weight (n x n), diagonal peephole (1 x n), bias (1 x n); candidate
# cx (V x n), cm (n x n), cb (1 x n), no peephole; softmax classifier w (n x V), b (V); saved_* variables are
# trainable=False and not counted; Count: 3*(V*n + n*n + 2n) + (V*n + n*n + n) + n*V + V.
@_export
def h42a_packt_peephole(vocabulary_size=7, num_nodes=5):
    V, n = vocabulary_size, num_nodes

    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            for g in 'ifo':
                setattr(self, g + 'x', _p(V, n)); setattr(self, g + 'm', _p(n, n))
                setattr(self, g + 'c', _p(1, n)); setattr(self, g + 'b', _p(1, n))
            self.cx, self.cm, self.cb = _p(V, n), _p(n, n), _p(1, n)
            self.w, self.b = _p(n, V), _p(V)

        def forward(self, i, o, state):
            ig = torch.sigmoid(i @ self.ix + state * self.ic + o @ self.im + self.ib)
            fg = torch.sigmoid(i @ self.fx + state * self.fc + o @ self.fm + self.fb)
            update = i @ self.cx + o @ self.cm + self.cb
            state = fg * state + ig * torch.tanh(update)
            og = torch.sigmoid(i @ self.ox + state * self.oc + o @ self.om + self.ob)
            out = og * torch.tanh(state)
            return out @ self.w + self.b, out, state
    return Cell()


# DataScienceUB/DeepLearningMaster20192020 "6. Recurrent Neural Networks I.ipynb" cell 2; s_t = tanh(U x_t + W s_{t-1}),
# y_t = V s_t; U (s x x), W (s x s), V (y x s), no biases; Count: s*x + s*s + y*s.
@_export
def h42a_ub_rnn(x=7, s=5, y=3):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.U, self.W, self.V = _p(s, x), _p(s, s), _p(y, s)

        def forward(self, xt, sp):
            st = torch.tanh(xt @ self.U.T + sp @ self.W.T)
            return st @ self.V.T, st
    return Cell()


# Moquiuti/Redes-Neurais-Recorrentes-Deep-Learning-com-PyTorch Analise_de_Sentimentos_GRU_2_Camadas.ipynb cells 13-14;
# nn.Embedding(tam_vocab, tam_embedding) (padding row still a parameter), nn.GRU(tam_embedding, hidden_size,
# num_layers=2) (PyTorch: per layer W_ih 3h x in, W_hh 3h x h, b_ih, b_hh), nn.Linear(hidden_size, output_size);
# Count: V*e + 3*(e*h + h*h + 2h) + 3*(2*h*h + 2h) + h*o + o.
@_export
def h42a_moq_gru2(tam_vocab=9, tam_embedding=7, hidden_size=5, output_size=3):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.embedding = nn.Embedding(tam_vocab, tam_embedding, padding_idx=0)
            self.rnn = nn.GRU(input_size=tam_embedding, hidden_size=hidden_size, num_layers=2)
            self.linear = nn.Linear(hidden_size, output_size)

        def forward(self, X):
            _, hidden = self.rnn(self.embedding(X))
            return self.linear(hidden[-1])
    return Cell()


# hse-ds/iad-deep-learning "2025/seminars/09. RNN/seminar09_rnn.ipynb" cells 23-26; Generator: nn.Embedding(V, embed_dim)
# (padding row is still a parameter of the module), nn.RNN(embed_dim, hidden_dim) (PyTorch: W_ih h x e, W_hh h x h,
# b_ih, b_hh), nn.Linear(hidden_dim, V) with V = len(dataset.char2indx) for both the embedding and out_dim;
# Count: V*e + h*e + h*h + 2h + h*V + V.
@_export
def h42a_hse_charrnn(embed_dim=7, hidden_dim=5, V=9):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.embedding = nn.Embedding(V, embed_dim, padding_idx=0)
            self.rnn = nn.RNN(input_size=embed_dim, hidden_size=hidden_dim, batch_first=True)
            self.linear = nn.Linear(hidden_dim, V)

        def forward(self, tokens):
            outputs, hidden = self.rnn(self.embedding(tokens))
            return self.linear(outputs)
    return Cell()
