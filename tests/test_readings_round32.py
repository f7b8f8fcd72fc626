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


def notes(d) -> str:
    return "\n".join(d.shapes.notes)


def rnn_and_output(x: int, h: int, y: int) -> int:
    return sum(p.numel() for m in (nn.RNN(x, h), nn.Linear(h, y)) for p in m.parameters()) - h  # one bias of the step


def test_a_numpy_class_whose_step_spans_lines_and_feeds_an_output_layer():
    d = symcount.derive(NUMPY_CLASS)
    assert d.evaluate(input_size=7, hidden_size=5, output_size=3) == rnn_and_output(7, 5, 3)
    assert set(d.counts.dims) == {"input_size", "hidden_size", "output_size"}  # the sizes as the code names them
    bias = next(p for p in d.shapes.params if p.name == "b_h")
    assert bias.cols.is_one and not bias.rows.is_one  # a bias made (1, n) is a vector of n (its cost a vector's)
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


def lstm_one_bias(x: int, h: int) -> int:
    return sum(p.numel() for p in nn.LSTMCell(x, h).parameters()) - 4 * h


def gru_one_bias(x: int, h: int) -> int:
    return sum(p.numel() for p in nn.GRUCell(x, h).parameters()) - 3 * h


def test_a_converters_braces_spacing_and_a_line_set_in_bold():
    # Mathpix's copy: each row in braces, `\operatorname{t a n h}`, one equation set in bold beside plain ones
    text = (r"$\begin{array} {l} {{{{f=\sigma( x_{t} W_{x}^{( \mathrm{f} )}+h_{t-1} W_{h}^{( \mathrm{f} )}+b^{( \mathrm{f} )} )}}}} \\ "
            r"{{{{g=\operatorname{t a n h} ( x_{t} W_{x}^{( \mathrm{g} )}+h_{t-1} W_{h}^{( \mathrm{g} )}+b^{( \mathrm{g} )} )}}}} \\ "
            r"{{{{i=\sigma( x_{t} W_{x}^{( \mathrm{i} )}+h_{t-1} W_{h}^{( \mathrm{i} )}+b^{( \mathrm{i} )} )}}}} \\ "
            r"{{{{o=\sigma( x_{t} W_{x}^{( \mathrm{o} )}+h_{t-1} W_{h}^{( \mathrm{o} )}+b^{( \mathrm{o} )} )}}}} \end{array}$" "\n\n"
            r"$\boldsymbol{c}_{t}=\boldsymbol{f} \odot\boldsymbol{c}_{t-1}+\boldsymbol{g} \odot\boldsymbol{i} $" "\n\n"
            r"$h_{t}=o \odot\operatorname{t a n h} ( c_{t} ) $" "\n")
    d = symcount.derive(text)
    assert d.evaluate(d_x=7, d_h=5) == lstm_one_bias(7, 5)
    assert "set in one font throughout" in notes(d)
    # bold in several equations is the text's convention, not one line's setting: bold and plain stay a choice
    both = text.replace("$h_{t}=o", r"$\boldsymbol{h}_{t}=\boldsymbol{o}").replace(r"( c_{t} ) $", r"( \boldsymbol{c}_{t} ) $")
    with pytest.raises(SymcountError, match="two symbols or one"):
        symcount.derive(both)


def test_words_after_a_rows_math_a_boxed_display_and_a_label_before_a_row():
    text = ("$$f_t = \\sigma(U_f x_t + V_f h_{t-1} + b_f)$$\n$$i_t = \\sigma(U_i x_t + V_i h_{t-1} + b_i)$$\n"
            "$$o_t = \\sigma(U_o x_t + V_o h_{t-1} + b_o)$$\n"
            "$$g_t = \\tanh(U_g x_t + V_g h_{t-1} + b_g)  等价于 \\tilde{c_t}$$\n"
            "$$c_t = f_t \\odot c_{t-1} + i_t \\odot g_t$$\n$$h_t = o_t \\odot \\tanh(c_t)$$\n")
    assert symcount.derive(text).evaluate(d_x=7, d_h=5) == lstm_one_bias(7, 5)
    boxed = ("\\begin{equation*}\n\\mbox{\\Large\\(\n\\begin{aligned}\nh_t &= \\tanh(W_h h_{t-1} + W_x x_t) \\\\\n"
             "y_t &= W_y h_t\n\\end{aligned}\n\\)}\n\\end{equation*}\n")
    assert symcount.derive(boxed).evaluate(d_x=7, d_h=5, d_y=3) == 5 * 5 + 5 * 7 + 3 * 5
    labelled = "$$更新门：z_t = \\sigma(W_z x_t + U_z h_{t-1}) \\\\ 重置门：r_t = \\sigma(W_r x_t + U_r h_{t-1})$$\n" \
               "$$h_t = (1 - z_t) \\odot h_{t-1} + z_t \\odot \\tanh(W x_t + U (r_t \\odot h_{t-1}))$$\n"
    assert symcount.derive(labelled).evaluate(d_x=7, d_h=5) == gru_one_bias(7, 5) - 3 * 5


def test_a_chain_that_works_an_example_and_a_row_ending_in_equals():
    text = r"""\begin{align*}
\tilde{c}_t &= \tanh(W_c [c_{t-1}, x_t] + b_c) \\
\Gamma_u &= \sigma(W_u [c_{t-1}, x_t] + b_u) \\
c_t &= \Gamma_u \cdot \tilde{c}_t + (1 - \Gamma_u) \cdot c_{t-1} = \\
& = 0 \cdot \tilde{c}_t + (1 - 0) \cdot c_{t-1} = \\
& = c_{t-1}
\end{align*}"""
    d = symcount.derive(text)
    assert d.evaluate(d_x=7, d_c=5) == 2 * (5 * 12 + 5)
    assert "with values put in (a worked example)" in notes(d)


def test_a_remark_on_the_notation_a_gradient_in_prose_and_a_loss_in_plain_text():
    text = ("$$a_t = \\tanh(W_a [a_{t-1}, x_t] + b_a)$$\n\nHere $[a_{t-1}, x_t] = \\begin{bmatrix} a_{t-1} \\\\ x_t \\end{bmatrix}$ "
            "stacks them. Backpropagating, `grad_{t-1} = (g'(a_t) * grad_t) @ U^T`.\n\n"
            "```\nL = (1/T) Σ_{t=1}^{T} ||y_t - ŷ_t||²\n```\n")
    d = symcount.derive(text)
    assert d.evaluate(d_x=7, d_a=5) == 5 * 12 + 5


def test_a_slip_repeated_in_a_gate_and_emphasis_marks_beside_a_product():
    slips = ("$$f_t = \\sigma(U_f x_t + V_f h_{t-1} + b_f)$$\n$$i_t = \\sigma(U_i x_i + V_i h_{t-1} + b_i)$$\n"
             "$$o_t = \\sigma(U_o x_i + V_o h_{t-1} + b_o)$$\n$$g_t = \\tanh(U_g x_t + V_g h_{t-1} + b_g)$$\n"
             "$$c_t = f_t \\odot c_{t-1} + i_t \\odot g_t$$\n$$h_t = o_t \\odot \\tanh(c_t)$$\n")
    d = symcount.derive(slips)
    assert d.evaluate(d_x=7, d_h=5) == lstm_one_bias(7, 5)
    assert notes(d).count("a slip: the index is i_t's letter") == 2
    starred = ("```\nz_t = \\sigma(W_z \\cdot [h_{t-1}, x_t] + b_z)\n```\n```\nr_t = \\sigma(W_r \\cdot [h_{t-1}, x_t] + b_r)\n```\n"
               "```\n\\tilde{h}*t = \\tanh(W_h \\cdot [r_t * h*{t-1}, x_t] + b_h)\n```\n"
               "```\nh_t = (1 - z_t) * h_{t-1} + z_t * \\tilde{h}_t\n```\n")
    assert symcount.derive(starred).evaluate(d_x=7, d_h=5) == gru_one_bias(7, 5)


def test_sizes_told_in_ticks_and_typed_arguments():
    text = ("```text\nh_0 = 0\nh_t = activation( x_t @ W + h_{t-1} @ U + b )     for t = 1..T\n```\n\n"
            "Here, `W` is the input kernel `(input_dim, units)`. `U` is the recurrent kernel `(units, units)`. "
            "`b` is the bias `(1, units)`.\n")
    d = symcount.derive(text)
    assert {"input_dim", "units"} <= set(d.counts.dims)
    assert d.evaluate(input_dim=7, units=5) == 7 * 5 + 25 + 5
    typed = ("```\nh_t = tanh(W_h · h_{t-1} + W_x · x_t + b_h)\ny_t = W_y · h_t + b_y\n```\n\n"
             "```python\nRNNScratch(\n    input_features: int,\n    hidden_units: int,\n    num_output: int,\n)\n```\n")
    d = symcount.derive(typed)
    assert d.evaluate(input_features=7, hidden_units=5, num_output=3) == 5 * 5 + 5 * 7 + 5 + 3 * 5 + 3


def test_code_beside_its_step_glued_names_sums_of_sizes_and_a_size_used_as_a_value():
    text = '''num_hidden = 200
z_size = num_hidden + vocab_size
Wf = np.random.randn(num_hidden, z_size) * 0.1
bf = np.zeros((num_hidden, 1))
Wc = np.random.randn(num_hidden, z_size) * 0.1
bc = np.zeros((num_hidden, 1))

def forward(inputs, hprev, cprev):
    z = np.row_stack([hprev, inputs])
    f = sigmoid(np.dot(Wf, z) + bf)
    g = np.tanh(np.dot(Wc, z) + bc)
    c = f * cprev + (1 - f) * g
    h = np.tanh(c)
    return h, c
'''
    d = symcount.derive(text)
    assert d.evaluate(num_hidden=5, vocab_size=7) == 2 * (5 * 12 + 5)
    slipped = text.replace("    h = np.tanh(c)\n", "    h = np.tanh(c)\n    cprev = num_hidden\n")
    with pytest.raises(SymcountError, match="num_hidden is a size"):
        symcount.derive(slipped)


def test_a_rust_step_whose_gates_are_code_is_not_counted_from_its_comments():
    text = '''    pub fn forward(&self, input: Tensor, hx: Tensor) -> Tensor {
        let gates = input.matmul(self.weight_ih.t());
        let gates_h = hx.matmul(self.weight_hh.t());
        let z = (gates.slice(0..hs) + gates_h.slice(0..hs)).sigmoid();
        let r = (gates.slice(hs..2 * hs) + gates_h.slice(hs..2 * hs)).sigmoid();
        // Candidate hidden: n = tanh(x_n + r * (h @ W_hh_n + b_hh_n))
        let n = (n_input + r * n_hidden).tanh();
        // Final hidden state: h_next = (1 - z) * n + z * hx
    }
'''
    with pytest.raises(SymcountError, match="cannot read the line that defines"):
        symcount.derive(text)


def test_min_char_rnn_in_a_class_with_a_comment_that_sketches_it():
    text = '''class RNN:
    def __init__(self, vocab_size, hidden_size):
        self.Wxh = np.random.randn(hidden_size, vocab_size) * 0.01
        self.Whh = np.random.randn(hidden_size, hidden_size) * 0.01
        self.Why = np.random.randn(vocab_size, hidden_size) * 0.01
        self.bh = np.zeros((hidden_size, 1))
        self.by = np.zeros((vocab_size, 1))

    def forward(self, inputs, h_prev):
        xs, hs, ys = {}, {}, {}
        hs[-1] = np.copy(h_prev)
        for t in range(len(inputs)):
            # h_t = tanh(Wxh * x_t + Whh * h_{t-1} + bias)
            hs[t] = np.tanh(np.dot(self.Wxh, xs[t]) + np.dot(self.Whh, hs[t-1]) + self.bh)
            # y_t = Why * h_t + bias
            ys[t] = np.dot(self.Why, hs[t]) + self.by
        return ys
'''
    d = symcount.derive(text)
    assert d.evaluate(vocab_size=7, hidden_size=5) == rnn_and_output(7, 5, 7)


def test_a_function_code_names_is_set_upright_in_latex():
    from symcount.output.escape import func_tex
    assert func_tex("tanh") == r"\tanh" and func_tex("sigmoid") == r"\operatorname{sigmoid}" and func_tex("f") == "f"
    from symcount import api
    latex = api.render(symcount.derive(NUMPY_CLASS), "latex")
    assert r"\tanh(" in latex and "tanh(" not in latex.replace(r"\tanh(", "")


def test_a_product_named_in_a_word_and_a_slide_tables_cells():
    text = ("- $\\bar z^t = W_zx^t + R_zy^{t - 1} + b_z$\n- $z^t = g(\\bar z^t)$\n"
            "- $\\bar i^t = W_ix^t + R_iy^{t - 1} + p_i\\ dot\\ c^{t - 1} + b_i$\n- $i^t = \\sigma(\\bar i^t)$\n"
            "- $c^t = z^t\\ dot\\ i^t + c^{t - 1}$\n- $y^t = h(c^t)$\n")
    d = symcount.derive(text)
    assert d.evaluate(d_x=7, d_y=5) == 2 * (5 * 7 + 5 * 5 + 5) + 5  # the peephole p_i a vector, no weight named `dot`
    assert not any(p.name == "dot" for p in d.shapes.params)
    table = r"""\begin{tabular}{ lrll }
    Forget gate & $F_t=$ & $\sigma(W_F \times x_t + U_F \times h_{t - 1} + b_F)$ & $\in[0;1]$ \\
    Input gate & $I_t=$ &  $\sigma(W_I \times x_t + U_I \times h_{t - 1} + b_I)$ & $\in[0;1]$ \\
    Output gate & $O_t=$ & $\sigma(W_O \times x_{t} + U_O \times h_{t - 1} + b_O)$ & $\in[0;1]$ \\
\end{tabular}
\begin{tabular}{ ll }
    Accumulateur & $\boldsymbol{c_t = F_t \times c_{t - 1} + I_t \times \tanh(W_c \times x_t + U_c \times h_{t-1} + b_c)}$ \\
    Hidden & $h_t = O_t \times \tanh(c_t)$ \\
\end{tabular}"""
    assert symcount.derive(table).evaluate(d_x=7, d_h=5) == lstm_one_bias(7, 5)


def test_a_row_break_before_a_dollar_and_a_step_letter_after_a_label():
    text = ("\\begin{description}\n\\item[Forget gate:] what to keep.\\\\$f_{t}=\\sigma(W_{f} x_{t} + U_{f} h_{t-1} + b_{f})$\n"
            "\\item[State:] $h_{t}=f_{t} \\odot h_{t-1} + (1 - f_{t}) \\odot \\tanh(W_{h} x_{t} + U_{h} h_{t-1} + b_{h})$\n"
            "\\end{description}\n")
    assert symcount.derive(text).evaluate(d_x=7, d_h=5) == 2 * (5 * 7 + 5 * 5 + 5)
    labelled = r"""\begin{align}
f_{\text{fw}, i} &= \sigma(W_{f, \text{fw}} e_{\text{fw}, i} + U_{f, \text{fw}} h_{\text{fw}, i - 1} + b_{f, \text{fw}}) \\
h_{\text{fw}, i} &= f_{\text{fw}, i} \circ h_{\text{fw}, i - 1} + (1 - f_{\text{fw}, i}) \circ \tanh(W_{h, \text{fw}} e_{\text{fw}, i})
\end{align}"""
    d = symcount.derive(labelled)  # (i, the step, after the direction's label: h_{fw} at i - 1 is the state before)
    assert d.evaluate(d_efw=7, d_hfw=5) == 5 * 7 + 5 * 5 + 5 + 5 * 7
    assert not any("h_{fw" in p.name for p in d.shapes.params)
