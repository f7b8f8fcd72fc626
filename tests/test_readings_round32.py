"""Issue 17, thirty-second round: notations the waiting snippets of sets h42 to h44 showed (NumPy classes whose step
spans lines, appends to a list of states and feeds an output layer; a module with its old layers commented out).
Counts against torch; each text is written here in the notation a snippet used, not copied from it."""
from __future__ import annotations

import os

import pytest

import symcount
from symcount.errors import SymcountError

torch = pytest.importorskip("torch") if not os.environ.get("CI") else __import__("torch")
nn = torch.nn

# a NumPy class: weights made in __init__ (rows as the code multiplies them), the step over three lines, the state
# before it the last of the list the loop appends to, and an output layer on it
NUMPY_CLASS = '''class SimpleRNN:
    def __init__(self, input_size, hidden_size, output_size):
        self.W_xh = np.random.randn(input_size, hidden_size) * 0.1
        self.W_hh = np.random.randn(hidden_size, hidden_size) * 0.1
        self.W_hy = np.random.randn(hidden_size, output_size) * 0.1
        self.b_h = np.zeros((1, hidden_size))
        self.b_y = np.zeros((1, output_size))

    def forward(self, X):
        self.states = [np.zeros((X.shape[1], self.hidden_size))]
        for t in range(len(X)):
            # the hidden state
            h_t = np.tanh(
                np.dot(X[t], self.W_xh) +   # the input's part
                np.dot(self.states[-1], self.W_hh) +
                self.b_h
            )
            self.states.append(h_t)
            y_t = np.dot(h_t, self.W_hy) + self.b_y
        return y_t
'''


def rnn_and_output(x: int, h: int, y: int) -> int:
    return sum(p.numel() for m in (nn.RNN(x, h), nn.Linear(h, y)) for p in m.parameters()) - h  # one bias of the step


def test_a_numpy_class_whose_step_spans_lines_and_feeds_an_output_layer():
    d = symcount.derive(NUMPY_CLASS)
    assert d.evaluate(input_size=7, hidden_size=5, output_size=3) == rnn_and_output(7, 5, 3)
    assert set(d.counts.dims) == {"input_size", "hidden_size", "output_size"}  # the sizes as the code names them
    assert "reads as h at the previous step" in "\n".join(d.shapes.notes)


def test_a_weight_the_code_makes_and_uses_on_a_line_not_read_is_refused():
    text = NUMPY_CLASS.replace("            y_t = np.dot(h_t, self.W_hy) + self.b_y\n        return y_t",
                               "        return [np.dot(self.W_hy, h) + self.b_y for h in self.states]")
    with pytest.raises(SymcountError, match=r"W_hy is made by the code .* no equation read uses it") as exc:
        symcount.derive(text)
    assert "np.random.randn(hidden_size, output_size)" in str(exc.value)  # the line that makes it, named
    # a weight made and never used is nothing the step reads: the count stands
    unused = NUMPY_CLASS.replace("            y_t = np.dot(h_t, self.W_hy) + self.b_y\n        return y_t", "        return h_t")
    d = symcount.derive(unused)
    assert d.evaluate(input_size=7, hidden_size=5) == rnn_and_output(7, 5, 3) - 5 * 3 - 3


def test_a_step_in_two_statements_and_the_training_code_beside_it():
    text = '''class RecurrentNetwork:
    def __init__(self, n_cells=10):
        self.n_cells = n_cells
        self.w1h = None
        self.w1x = None

    def forpass(self, x):
        self.h = [np.zeros((x.shape[0], self.n_cells))]
        for x in seq:
            z1 = np.dot(x, self.w1x) + np.dot(self.h[-1], self.w1h) + self.b1
            h = np.tanh(z1)
            self.h.append(h)
            z2 = np.dot(h, self.w2) + self.b2
        return z2

    def backprop(self, x, err):
        w2_grad = np.dot(self.h[-1].T, err) / m
        err_to_cell = np.dot(err, self.w2.T) * (1 - self.h[-1] ** 2)
        for x, h in zip(seq[::-1][:10], self.h[:-1][::-1][:10]):
            w1h_grad += np.dot(h.T, err_to_cell)
            err_to_cell = np.dot(err_to_cell, self.w1h) * (1 - h ** 2)
        return w1h_grad, w2_grad

    def init_weights(self, n_features, n_classes):
        self.w1h = orth_init((self.n_cells, self.n_cells)).numpy()
        self.w1x = glorot_init((n_features, self.n_cells)).numpy()
        self.b1 = np.zeros(self.n_cells)
        self.w2 = glorot_init((self.n_cells, n_classes)).numpy()
        self.b2 = np.zeros(n_classes)
'''
    d = symcount.derive(text)
    assert d.evaluate(n_features=7, n_cells=5, n_classes=3) == rnn_and_output(7, 5, 3)
    assert set(d.counts.dims) == {"n_features", "n_cells", "n_classes"}  # (no gradient read as a weight, no size of its own)


def test_a_modules_layers_commented_out_are_not_its_equations():
    text = '''class GRUCell(nn.Module):
    def __init__(self, input_size, hidden_size, bias=True):
        super().__init__()
        self.hidden_size = hidden_size
        # self.linear_rx = nn.Linear(input_size, hidden_size, bias)
        # self.linear_rh = nn.Linear(hidden_size, hidden_size, bias)
        self.linear_x = nn.Linear(input_size, 3 * hidden_size, bias)
        self.linear_h = nn.Linear(hidden_size, 3 * hidden_size, bias)

    def forward(self, input, hx):
        # rt = self.sigmoid(self.linear_rx(input) + self.linear_rh(hx))
        x_r, x_z, x_n = self.linear_x(input).chunk(3, 1)
        h_r, h_z, h_n = self.linear_h(hx).chunk(3, 1)
        rt = torch.sigmoid(x_r + h_r)
        zt = torch.sigmoid(x_z + h_z)
        nt = torch.tanh(x_n + rt * h_n)
        return (1 - zt) * nt + zt * hx
'''
    d = symcount.derive(text)
    assert d.evaluate(input_size=7, hidden_size=5) == sum(p.numel() for p in nn.GRUCell(7, 5).parameters())
    # a comment that writes the step as math (no code's `self.`) is still the text's math, read instead of the code
    d = symcount.derive(text.replace("# rt = self.sigmoid(self.linear_rx(input) + self.linear_rh(hx))",
                                     "# r_t = sigmoid(W_r x_t + U_r h_{t-1})"))
    assert "d_x" in d.counts.dims and "input_size" not in d.counts.dims


def test_a_units_index_on_every_signal_as_chung_et_al_write_the_gru():
    text = r"""The activation $h_{t}^{j}$ of the $j$-th unit is
\begin{equation}
h_{t}^{j} = \left(1 - z_{t}^{j}\right)h_{t-1}^{j}+z_{t}^{j}\tilde{h}_{t}^{j},
\end{equation}
where the update gate is
\begin{equation}
z_{t}^{j}=\sigma\left(W_{z}x_{t}+U_{z}h_{t-1}\right)^{j}, \quad
r_{t}^{j}=\sigma\left(W_{r}x_{t}+U_{r}h_{t-1}\right)^{j},
\end{equation}
\begin{equation}
\tilde{h}_{t}^{j} = \tanh\left(W x_{t}+U\left(r_{t}\odot h_{t-1}\right)\right)^{j}.
\end{equation}"""
    d = symcount.derive(text)
    gru = nn.GRUCell(7, 5, bias=False)
    assert d.evaluate(d_x=7, d_h=5) == sum(p.numel() for p in gru.parameters())
    assert "exponent" not in "\n".join(d.shapes.notes)  # j is no power
    # a letter that is also a step (h^{j-1}) is the time, not a unit: not blanked
    from symcount.read.unitindex import unit_indices
    assert unit_indices(text).count("^{j}") == 0
    stepped = text.replace(r"h_{t-1}^{j}", r"h_{t}^{j-1}")
    assert unit_indices(stepped) == stepped
