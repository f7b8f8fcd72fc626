"""Oracles for the h43a set-aside snippets (heldout43), as its gatherer wrote them."""
import torch
from torch import nn

__all__ = []


def _export(f):
    __all__.append(f.__name__)
    return f


def _p(*shape):
    return nn.Parameter(torch.randn(*shape) * 0.1)


# SolomonZA/AMLR "RNN - Pure Python.ipynb" cell 7: h_t = phi(W_xh x_t + W_hh h_{t-1} + b_h), y_t = W_hy h_t + b_y;
# W_xh (h,x), W_hh (h,h), b_h (h), W_hy (y,h), b_y (y); Count: h*x + h*h + h + y*h + y.
@_export
def h43a_amlr_rnn(x=7, h=5, y=3):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_xh = _p(h, x)
            self.W_hh = _p(h, h)
            self.b_h = _p(h)
            self.W_hy = _p(y, h)
            self.b_y = _p(y)

        def forward(self, x_t, h_prev):
            h_t = torch.tanh(x_t @ self.W_xh.T + h_prev @ self.W_hh.T + self.b_h)
            y_t = h_t @ self.W_hy.T + self.b_y
            return h_t, y_t
    return Cell()


# pandeyp84/Deep-Learning-Tutorials RNN_tutorial.ipynb cell 20: h_t = tanh(Wx * x_t + Wh * h_(t-1) + b) with
# SimpleRNN(units=50, input_shape=(144, 1)); Wx (units, features), Wh (units, units), b (units);
# Count: units*features + units*units + units.
@_export
def h43a_pandey_simplernn(units=50, features=1):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.Wx = _p(units, features)
            self.Wh = _p(units, units)
            self.b = _p(units)

        def forward(self, x_t, h_prev):
            return torch.tanh(x_t @ self.Wx.T + h_prev @ self.Wh.T + self.b)
    return Cell()


# aim-msds/msds2024-ml3-study-sessions notebooks/rnn/rnn.ipynb cell 17 (LSTM): four gates f, i, g, o each with
# W_h* (out, out), W_x* (out, in), b_* (out); C = f.C + i.g, h = o.tanh(C);
# Count: 4*(out*out + out*in + out).
@_export
def h43a_aim_lstm(output_features=5, input_features=7):
    H, X = output_features, input_features

    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.Wh = nn.ParameterDict({k: _p(H, H) for k in 'figo'})
            self.Wx = nn.ParameterDict({k: _p(H, X) for k in 'figo'})
            self.b = nn.ParameterDict({k: _p(H) for k in 'figo'})

        def forward(self, x, h, C):
            a = {k: h @ self.Wh[k].T + x @ self.Wx[k].T + self.b[k] for k in 'figo'}
            f, i, o = torch.sigmoid(a['f']), torch.sigmoid(a['i']), torch.sigmoid(a['o'])
            g = torch.tanh(a['g'])
            C = f * C + i * g
            return o * torch.tanh(C), C
    return Cell()


# aim-msds/msds2024-ml3-study-sessions notebooks/rnn/rnn.ipynb cell 29 (GRU v1, reset after the recurrent matmul):
# W_hr, W_hz, W_ro (out, out); W_xr, W_xz, W_xo (out, in); b_hr, b_hz, b_ro(=b_ho), b_xr, b_xz, b_xo (out);
# Count: 3*(out*out + out*in + 2*out).
@_export
def h43a_aim_gru1(output_features=5, input_features=7):
    H, X = output_features, input_features

    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_h = nn.ParameterDict({k: _p(H, H) for k in 'rzo'})
            self.W_x = nn.ParameterDict({k: _p(H, X) for k in 'rzo'})
            self.b_h = nn.ParameterDict({k: _p(H) for k in 'rzo'})
            self.b_x = nn.ParameterDict({k: _p(H) for k in 'rzo'})

        def forward(self, x, h):
            r = torch.sigmoid(h @ self.W_h['r'].T + self.b_h['r'] + x @ self.W_x['r'].T + self.b_x['r'])
            z = torch.sigmoid(h @ self.W_h['z'].T + self.b_h['z'] + x @ self.W_x['z'].T + self.b_x['z'])
            o = torch.tanh(r * (h @ self.W_h['o'].T + self.b_h['o']) + x @ self.W_x['o'].T + self.b_x['o'])
            return (1 - z) * h + z * o
    return Cell()


# SethDMThomas/Ai_Club_NN notebooks/lstm.ipynb cells 3-5: i, c~, f, o each sigma(W_*x x_t + W_*h h_{t-1} + b_*)
# (the candidate's sigma is kept as written); c_t = f c_{t-1} + i c~, h_t = o tanh(c_t);
# W_*x (h, x), W_*h (h, h), b_* (h) for four blocks; Count: 4*(h*x + h*h + h).
@_export
def h43a_seth_lstm(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.Wx = nn.ParameterDict({k: _p(h, x) for k in 'icfo'})
            self.Wh = nn.ParameterDict({k: _p(h, h) for k in 'icfo'})
            self.b = nn.ParameterDict({k: _p(h) for k in 'icfo'})

        def forward(self, x_t, h_prev, c_prev):
            g = {k: torch.sigmoid(x_t @ self.Wx[k].T + h_prev @ self.Wh[k].T + self.b[k]) for k in 'icfo'}
            c_t = g['f'] * c_prev + g['i'] * g['c']
            return g['o'] * torch.tanh(c_t), c_t
    return Cell()


# Nat-D/kmitl-dl-notebooks 04-l9-rnn-names.ipynb cells 7-8: nn.Embedding(n_letters, embed_dim),
# nn.LSTM(embed_dim, hidden_dim) (PyTorch: two bias vectors), nn.Linear(hidden_dim, n_categories);
# Count: n_letters*E + 4*(E*H + H*H + 2H) + H*n_categories + n_categories.
@_export
def h43a_kmitl_names(n_letters=9, n_categories=3, embed_dim=32, hidden_dim=64):
    class NameClassifier(nn.Module):
        def __init__(self):
            super().__init__()
            self.embed = nn.Embedding(n_letters, embed_dim)
            self.lstm = nn.LSTM(embed_dim, hidden_dim, batch_first=True)
            self.fc = nn.Linear(hidden_dim, n_categories)

        def forward(self, x):
            emb = self.embed(x).unsqueeze(0)
            out, (h_n, c_n) = self.lstm(emb)
            return self.fc(h_n[-1])
    return NameClassifier()


# joaomvg/Pytorch_Neural_Nets RNN_tutorial.ipynb cells 4-9: h_t = tanh(W_ih x_t + b_ih + W_hh h_{t-1} + b_hh),
# nn.RNN(input_size=3, hidden_size=4, num_layers=1); W_ih (H, I), W_hh (H, H), b_ih (H), b_hh (H);
# Count: H*I + H*H + 2H.
@_export
def h43a_joaomvg_rnn(input_size=3, hidden_size=4):
    return nn.RNN(input_size=input_size, hidden_size=hidden_size, num_layers=1, batch_first=True)


# marromugi/ml-playground lstm_basics.ipynb cell 1: f, i, c~, o = act(W_* [h_{t-1}, x_t] + b_*), c_t = f*c + i*c~,
# h_t = o*tanh(c_t); W_* (h, h+x), b_* (h) for four blocks (the RNN recap line is a review, not the cell);
# Count: 4*(h*(h+x) + h).
@_export
def h43a_marromugi_lstm(x=6, h=4):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W = nn.ParameterDict({k: _p(h, h + x) for k in 'fico'})
            self.b = nn.ParameterDict({k: _p(h) for k in 'fico'})

        def forward(self, x_t, h_prev, c_prev):
            z = torch.cat([h_prev, x_t], dim=-1)
            a = {k: z @ self.W[k].T + self.b[k] for k in 'fico'}
            c_t = torch.sigmoid(a['f']) * c_prev + torch.sigmoid(a['i']) * torch.tanh(a['c'])
            return torch.sigmoid(a['o']) * torch.tanh(c_t), c_t
    return Cell()


# Ronaldo0008/Deep-Learning-Basics rnn_basics.ipynb cell 6 (Keep/Input/Output gates): K, I, O = sigma(W_* [S_{t-1}, x_t] + B_*),
# Old = K*Old_{t-1}, New = I*C_t, Cell = Old + New, Output = O*tanh(Cell). C_t is left as "whatever processing unit";
# most plausible reading: C_t = tanh(W_c [S_{t-1}, x_t] + B_c) and S_t = Output_t. W_* (S, S+x), B_* (S);
# Count: 4*(S*(S+x) + S).  (expect: refuse)
@_export
def h43a_ronaldo_keepgate(x=7, S=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W = nn.ParameterDict({k: _p(S, S + x) for k in 'kico'})
            self.B = nn.ParameterDict({k: _p(S) for k in 'kico'})

        def forward(self, x_t, S_prev, old_prev):
            z = torch.cat([S_prev, x_t], dim=-1)
            a = {k: z @ self.W[k].T + self.B[k] for k in 'kico'}
            K, I, O = torch.sigmoid(a['k']), torch.sigmoid(a['i']), torch.sigmoid(a['o'])
            C = torch.tanh(a['c'])
            cell = K * old_prev + I * C
            return O * torch.tanh(cell), cell
    return Cell()


# nudro/jean_bartik_LSTM_TCN tutorial_rnn_lstm.ipynb cells 57-59: f, i, C~, o = act(W_* * [h_{t-1}, x_t] + b_*),
# C_t = f*C_{t-1} + i*C~, h_t = o*tanh(C_t); W_* (h, h+x), b_* (h) for four blocks; Count: 4*(h*(h+x) + h).
@_export
def h43a_nudro_lstm(x=3, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W = nn.ParameterDict({k: _p(h, h + x) for k in 'fico'})
            self.b = nn.ParameterDict({k: _p(h) for k in 'fico'})

        def forward(self, x_t, h_prev, C_prev):
            z = torch.cat([h_prev, x_t], dim=-1)
            a = {k: z @ self.W[k].T + self.b[k] for k in 'fico'}
            C_t = torch.sigmoid(a['f']) * C_prev + torch.sigmoid(a['i']) * torch.tanh(a['c'])
            return torch.sigmoid(a['o']) * torch.tanh(C_t), C_t
    return Cell()


# pandeyp84/Deep-Learning-Tutorials RNN_tutorial.ipynb cell 7: h_t = f(W_xh x_t + W_hh h_{t-1} + b_h),
# y_t = g(W_hy h_t + b_y) (f tanh/ReLU, g softmax/linear: no parameters); W_xh (h, x), W_hh (h, h), b_h (h),
# W_hy (y, h), b_y (y); Count: h*x + h*h + h + y*h + y.
@_export
def h43a_pandey_rnnout(x=4, h=6, y=2):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_xh = _p(h, x)
            self.W_hh = _p(h, h)
            self.b_h = _p(h)
            self.W_hy = _p(y, h)
            self.b_y = _p(y)

        def forward(self, x_t, h_prev):
            h_t = torch.tanh(x_t @ self.W_xh.T + h_prev @ self.W_hh.T + self.b_h)
            return h_t, torch.softmax(h_t @ self.W_hy.T + self.b_y, dim=-1)
    return Cell()


# marromugi/ml-playground lstm-1-sin.ipynb cell 2, most plausible reading = the forward block:
# A_g = sigma(W_xg x + W_hg h_{t-1} + b_g) for g in f, i, o; C~ = tanh(W_xc x + W_hc h_{t-1} + b_c);
# C = A_f o C_{t-1} + A_i o C~; h = A_o o tanh(C). W_x* (h, x), W_h* (h, h), b_* (h) for four blocks;
# Count: 4*(h*x + h*h + h).  (expect: refuse: the "backward" block writes W_hg on the input as well)
@_export
def h43a_marromugi_sinlstm(x=7, h=5):
    class Cell(nn.Module):
        def __init__(self):
            super().__init__()
            self.W_x = nn.ParameterDict({k: _p(h, x) for k in 'fioc'})
            self.W_h = nn.ParameterDict({k: _p(h, h) for k in 'fioc'})
            self.b = nn.ParameterDict({k: _p(h) for k in 'fioc'})

        def forward(self, x_t, h_prev, C_prev):
            a = {k: x_t @ self.W_x[k].T + h_prev @ self.W_h[k].T + self.b[k] for k in 'fioc'}
            C = torch.sigmoid(a['f']) * C_prev + torch.sigmoid(a['i']) * torch.tanh(a['c'])
            return torch.sigmoid(a['o']) * torch.tanh(C), C
    return Cell()
