"""Issue 17, thirtieth round: notations set h40 showed (scored once before any of this was written). Counts
against torch; each text is written here in the notation a snippet used, not copied from it."""
from __future__ import annotations

import os

import pytest

import symcount
from symcount.errors import SymcountError

torch = pytest.importorskip("torch") if not os.environ.get("CI") else __import__("torch")
nn = torch.nn


def n_params(*modules) -> int:
    return sum(p.numel() for m in modules for p in m.parameters())


def elman(x: int, h: int, y: int = 0, bias: bool = True) -> int:
    """An Elman cell with one bias (and an output layer of y units with its bias)."""
    cell = nn.RNNCell(x, h, bias=bias)
    count = n_params(cell) - (h if bias else 0)  # torch's RNNCell has two biases; these texts write one
    return count + (n_params(nn.Linear(h, y, bias=bias)) if y else 0)


def test_a_comment_after_plain_equations_in_a_chinese_text_is_not_math():
    text = ("RNN的计算过程可以表示为：\n"
            "h_t = f(W_xh * x_t + W_hh * h_{t-1} + b_h) #当前时刻的隐藏状态\n"
            "y_t = W_hy * h_t + b_y #当前时刻的输出\n"
            "其中，f是激活函数。\n")
    d = symcount.derive(text)
    assert d.evaluate(d_x=7, d_h=5, d_y=3) == elman(7, 5, 3)


def test_old_bold_groups_with_scripts_inside_and_a_spaced_dot_as_product():
    text = r"""$$
\begin{gathered}
{\bf z_t} = \sigma(U_z . {\bf x_t} + W_z . {\bf h_{t-1}})\\
{\bf r_t} = \sigma(U_r . {\bf x_t} + W_r . {\bf h_{t-1}})\\
{\bf s_t} = \tanh(U_s . {\bf x_t} + W_s .( \bf h_{t-1} \odot {\bf r_t}) )\\
{\bf h_t} = (1 - {\bf z_t}) \odot {\bf s_t} + {\bf z_t} \odot {\bf h_{t-1}}
\end{gathered}
$$"""
    d = symcount.derive(text)
    assert d.evaluate(d_x=7, d_h=5) == n_params(nn.GRUCell(7, 5, bias=False))


def test_an_equation_in_the_brackets_of_a_display_that_lost_its_backslashes():
    text = "$$\n[h_t = f (h_{t-1}W_{hh} + x_tW_{xh} + b_h)]\n$$\n\n$$\ny_t = W_{hy} h_t + b_y\n$$\n"
    d = symcount.derive(text)
    assert d.evaluate(d_x=7, d_h=5, d_y=3) == elman(7, 5, 3)
    # brackets that close before the end are a stack, not brackets around the equation
    with pytest.raises(SymcountError):
        symcount.derive("$$\n[h_t; c_t] = f(W x_t)] + b\n$$")


def test_a_loss_of_a_target_and_a_prediction_is_set_aside():
    text = r"""\begin{equation}
s_t = f(Ux_t + Ws_{t-1})
\end{equation}
\begin{equation}
o_t = softmax(Vs_t)
\end{equation}
\begin{equation}
E(y,\hat{y}) = -\sum_{t} y_t log(\hat{y_t})
\end{equation}"""
    d = symcount.derive(text)
    assert any("training loss" in n for n in d.shapes.notes)
    assert d.evaluate(d_x=7, d_s=5, d_o=3) == elman(7, 5, 3, bias=False)


def test_a_table_of_names_and_shapes_under_index_form_equations():
    text = """```text
hidden[n, t, j] = tanh(
    biases[0, j]
    + sum(feature, input[n, t, feature] * inputWeights[feature, j])
    + sum(previous, hidden[n, t-1, previous] * recurrentWeights[previous, j])
)
```

The parameter shapes are:

```text
inputWeights     [inputFeatureSize, hiddenSize]
recurrentWeights [hiddenSize, hiddenSize]
biases           [1, hiddenSize]
```
"""
    d = symcount.derive(text)
    assert d.evaluate(inputFeatureSize=7, hiddenSize=5) == elman(7, 5)


def test_an_output_named_like_the_output_gate_and_computed_from_the_state_is_its_own_quantity():
    text = r"""$i = \sigma(U^i x_t + W^i h_{t-1})$, $f = \sigma(U^f x_t + W^f h_{t-1})$,
$o = \sigma(U^o x_t + W^o h_{t-1})$, $\tilde{C}_t = \tanh(U^c x_t + W^c h_{t-1})$

$C_t = i \odot \tilde{C}_t + f \odot C_{t-1}$

$h_t = o \odot \tanh(C_t)$

The output at each time step: $o_t = V h_t$"""
    d = symcount.derive(text)
    assert any("two quantities of one letter" in n for n in d.shapes.notes)
    assert d.evaluate(d_x=7, d_h=5, d_obreve=3) == n_params(nn.LSTMCell(7, 5, bias=False), nn.Linear(5, 3, bias=False))
    # the gate's own weights again in the output's line: a slip or a shared weight, never read as a new quantity
    slip = text.replace("$o_t = V h_t$", r"$o_t = \sigma(W^o h_t)$")
    with pytest.raises(SymcountError):
        symcount.derive(slip)


def test_a_row_written_whole_in_braces_with_a_column_of_activations():
    text = r"""<script type="math/tex; mode=display">
\begin{aligned}
& {\left[\begin{array}{c}
i_t \\
f_t \\
g_t \\
o_t
\end{array}\right]=\left(\begin{array}{c}
\text { sigmoid } \\
\text { sigmoid } \\
\tanh \\
\text { sigmoid }
\end{array}\right)\left(W_{h h} h_{t-1}+\mathrm{W}_{h x} x_t+b_h\right)} \\
& c_t=c_{t-1} \circ f_t+i_t \circ g_t \\
& h_t=\tanh \left(c_t\right) \circ o_t
\end{aligned}</script>"""
    d = symcount.derive(text)
    assert d.evaluate(d_x=7, d_h=5) == n_params(nn.LSTMCell(7, 5)) - 4 * 5  # one bias b_h, not torch's two


MODULE = '''### A simple RNN

We write the cell for the state $h_t$ and the input $x_t$.

class RNNCell(nn.Module):
    """
    (x_{t}, h_{t-1}) -> h_{t}
    """
    def __init__(self, input_dim: int, hidden_dim: int) -> None:
        super().__init__()
        self.linear = nn.Linear(input_dim + hidden_dim, hidden_dim)
        self.h0 = nn.Parameter(data=torch.randn(1, hidden_dim))

    def forward(self, x, h):
        h = torch.cat([x, h], dim=1)
        h = self.linear(h)
        return torch.tanh(h)
'''


def test_math_that_only_names_things_beside_a_module_counts_the_modules_code():
    d = symcount.derive(MODULE)
    assert any("the math writes no equation of the cell" in n for n in d.shapes.notes)
    assert d.evaluate(input_dim=7, hidden_dim=5) == n_params(nn.Linear(12, 5)) + 5
    # a docstring that writes the step as an equation is what is meant: the code is not counted in its place
    with pytest.raises(SymcountError):
        symcount.derive(MODULE.replace("(x_{t}, h_{t-1}) -> h_{t}", "h_t' = tanh(W [x_t, h_{t-1}] + b)}{"))


LAYER_ABSTRACT = r"""The forward and backward LSTMs read the embeddings:

$$h^{\rightarrow}_t = \text{LSTM}^{\rightarrow}(x_t, h^{\rightarrow}_{t-1}, c^{\rightarrow}_{t-1})$$

class Tagger(nn.Module):
    def __init__(self, input_dim, hidden_dim, output_dim):
        super().__init__()
        self.lstm = nn.LSTM(input_dim, hidden_dim)
        self.fc = nn.Linear(hidden_dim, output_dim)
"""


def test_equations_that_leave_the_layer_abstract_beside_code_that_declares_it():
    d = symcount.derive(LAYER_ABSTRACT)
    assert any("leave the LSTM layer abstract" in n for n in d.shapes.notes)
    assert d.evaluate(input_dim=7, hidden_dim=5, output_dim=3) == n_params(nn.LSTM(7, 5), nn.Linear(5, 3))
    # with no code that declares it, the abstract layer is refused, as before
    with pytest.raises(SymcountError, match="LSTM"):
        symcount.derive(LAYER_ABSTRACT.split("class")[0])


def test_a_code_statement_that_sets_a_plain_letter_is_not_a_legend():
    text = MODULE.replace("        h = torch.cat([x, h], dim=1)\n", "        h = h.reshape(self.cells)\n        h = torch.cat([x, h], dim=1)\n")
    d = symcount.derive(text)
    assert d.evaluate(input_dim=7, hidden_dim=5) == n_params(nn.Linear(12, 5)) + 5


def test_a_c_statement_with_a_comment_after_it_is_code_not_math():
    text = """void step(float * state, const float * input) {
    const size_t units = kernel->shape[1];
    float *h_prev = &state[0];  // previous state
    const float * const W = &kernel->array[0];
    // h_t = tanh(W x_t + U h_{t-1} + b)
    affine(h, input, W, b, units);
}
"""
    d = symcount.derive(text)
    assert d.evaluate(d_x=7, units=5) == elman(7, 5)  # (the state's size: `units`, as the code names it)


def test_a_derivative_macro_and_a_parameter_set_with_nested_braces_are_set_aside():
    text = r"""Assume that $\theta=\{ W^{\text{in}}, W^{\text{rec}} \}$ and the forward pass is
\begin{align*}
r_t &= W^{\text{in}} x_t + W^{\text{rec}} \sigma(r_{t-1})
\end{align*}
Backpropagation through time:
\begin{align*}
\ppartial{E}{\theta} &= \sum_{k=1}^{T} \ppartial{E}{r_T} \ppartial{r_T}{r_k}
\end{align*}"""
    d = symcount.derive(text)
    assert d.evaluate(d_x=7, d_r=5) == n_params(nn.RNNCell(7, 5, bias=False))


def test_a_direction_state_written_without_its_arrow_in_its_own_equation():
    text = r"""$$
\begin{aligned}
\overrightarrow{a}^{<t>} &= g(W_{\overrightarrow{a}} [a^{<t-1>}, x^{<t>}] + b_{\overrightarrow{a}}) \\
\overleftarrow{a}^{<t>} &= g(W_{\overleftarrow{a}} [a^{<t+1>}, x^{<t>}] + b_{\overleftarrow{a}}) \\
\hat{y}^{<t>} &= g'(W_y [\overrightarrow{a}^{<t>}, \overleftarrow{a}^{<t>}] + b_y)
\end{aligned}
$$"""
    d = symcount.derive(text)
    assert sum("the arrow left off" in n for n in d.shapes.notes) == 2
    both = nn.RNN(7, 5, bidirectional=True, bias=True)
    expected = n_params(both) - 2 * 5 + n_params(nn.Linear(10, 3))  # one bias per direction, not torch's two
    assert d.evaluate(d_x=7, d_afw=5, d_abw=5, d_yhat=3) == expected


def test_a_bar_between_two_operands_in_parentheses_joins_them():
    text = r"""\begin{equation}
S_t = tanh(W(X_t \| S_{t-1}) + b_s)
\end{equation}
\begin{equation}
P_t = softmax(U S_t + b_p)
\end{equation}"""
    d = symcount.derive(text)
    assert d.evaluate(d_X=7, d_S=5, d_P=3) == elman(7, 5, 3)
    from symcount.read.retyped import _CONCAT_BAR
    assert _CONCAT_BAR.search(r"(\|k_t\|_2)") is None  # a norm's two bars are no join


def test_i_is_the_step_letter_where_only_i_carries_an_offset_and_a_bare_signature_is_named():
    text = r"""$$
\begin{aligned}
\bm{s_i} &= R(\bm{x_i}, \bm{s_{i - 1}}) = g(\bm{s_{i-1}} \bm{W^s} + \bm{x_i} \bm{W^x} + \bm{b}) \\
\bm{y_i} &= O(\bm{s_i}) = \bm{s_i}
\end{aligned}
$$"""
    d = symcount.derive(text)
    assert any("names the expression it equals" in n for n in d.shapes.notes)
    assert d.evaluate(d_x=7, d_s=5) == elman(7, 5)


def test_activation_written_as_a_word_is_an_activation():
    text = r"$$\mathbf{h}_{t} = \mathrm{Activation}(\mathbf{x}_{t} W^{\intercal}_{ih} + b_{ih} + \mathbf{h}_{t-1} W^{\intercal}_{hh} + b_{hh})$$"
    d = symcount.derive(text)
    assert d.evaluate(d_x=7, d_h=5) == n_params(nn.RNNCell(7, 5))


def test_a_batch_of_rows_makes_every_elementwise_step_once_per_row():
    """d2l's X_t \\in R^{n x d} with C_t undeclared: the cell update is done for each of the n rows, as the gates are
    (the cost's elementwise and activation counts, and the memory kept, are n times one example's)."""
    one = r"""$$I_t = \sigma(X_t W_{xi} + H_{t-1} W_{hi} + b_i), \quad F_t = \sigma(X_t W_{xf} + H_{t-1} W_{hf} + b_f),$$
$$O_t = \sigma(X_t W_{xo} + H_{t-1} W_{ho} + b_o), \quad \tilde{C}_t = \tanh(X_t W_{xc} + H_{t-1} W_{hc} + b_c),$$
$$C_t = F_t \odot C_{t-1} + I_t \odot \tilde{C}_t, \qquad H_t = O_t \odot \tanh(C_t)$$"""
    batched = one + "\n\nwith $X_t \\in \\mathbb{R}^{n \\times d}$ and $H_{t-1} \\in \\mathbb{R}^{n \\times h}$."
    a = symcount.derive(one).cost.evaluate(d_X=6, d_H=8, T=1, B=1)
    b = symcount.derive(batched).cost.evaluate(d=6, h=8, n=7, T=1, B=1)
    for part in ("elementwise", "activation", "bias", "matrix"):
        assert b["flops_breakdown"][part] == 7 * a["flops_breakdown"][part], part
    assert b["memory"]["activations"] == 7 * a["memory"]["activations"]


GRAVES = r"""$$i_t = \sigma(W_{xi} x_t + W_{hi} h_{t-1} + W_{ci} c_{t-1} + b_i)$$
$$f_t = \sigma(W_{xf} x_t + W_{hf} h_{t-1} + W_{cf} c_{t-1} + b_f)$$
$$c_t = f_t c_{t-1} + i_t \tanh(W_{xc} x_t + W_{hc} h_{t-1} + b_c)$$
$$o_t = \sigma(W_{xo} x_t + W_{ho} h_{t-1} + W_{co} c_t + b_o)$$
$$h_t = o_t \tanh(c_t)$$

"""


def test_the_weight_matrices_from_the_cell_to_the_gates_are_diagonal_every_one_not_only_the_example():
    lstm = n_params(nn.LSTMCell(7, 5)) - 4 * 5  # one bias per gate
    for prose in ("The weight matrices from the cell to gate vectors (e.g. $W_{ci}$) are diagonal, so element $m$ in "
                  "each gate vector only receives input from element $m$ of the cell vector.",
                  "Οι πίνακες βαρών από την μνήμη στις πύλες είναι διαγώνιοι, έτσι το στοιχείο $m$ σε κάθε πύλη δέχεται "
                  "είσοδο μόνο από το στοιχείο $m$ του διανύσματος μνήμης."):
        d = symcount.derive(GRAVES + prose)
        assert sum("is a diagonal matrix, as the text says" in n for n in d.shapes.notes) == 3
        assert d.evaluate(d_x=7, d_h=5) == lstm + 3 * 5


KERAS_MODEL = """import tensorflow as tf

model = tf.keras.models.Sequential([
    tf.keras.layers.Embedding(vocab_size, 16),
    tf.keras.layers.LSTM(10),
    tf.keras.layers.Dense(1, activation="sigmoid")
])
"""


def test_a_keras_model_with_other_layers_is_the_layers_count_or_the_models():
    with pytest.raises(SymcountError, match="2 readings") as refused:
        symcount.derive(KERAS_MODEL)
    assert "--read count=layers" in str(refused.value) and "--read count=model" in str(refused.value)
    layer = symcount.derive(KERAS_MODEL, read=["count=layers"])
    model = symcount.derive(KERAS_MODEL, read=["count=model"])
    lstm = n_params(nn.LSTM(16, 10)) - 4 * 10  # Keras's LSTM: one bias per gate
    assert layer.evaluate() == lstm
    assert model.evaluate(vocab_size=50) == lstm + 50 * 16 + n_params(nn.Linear(10, 1))
    # the model's count is Keras's own model.count_params()
    from tests.oracles import require
    k = require("keras")
    keras_model = k.Sequential([k.Input((7,)), k.layers.Embedding(50, 16), k.layers.LSTM(10), k.layers.Dense(1)])
    assert model.evaluate(vocab_size=50) == keras_model.count_params()
    # a text that writes one of the two counts says which it means
    assert symcount.derive(KERAS_MODEL.replace("vocab_size", "50") + "\nThe summary says 1,891 parameters.\n").evaluate() \
        == keras_model.count_params() == 1891
    # a text that asks for the layer's count is the layer's
    asked = "What is the number of parameters of an LSTM layer in Keras?\n\n" + KERAS_MODEL
    assert symcount.derive(asked).evaluate() == lstm


def test_a_text_that_names_mamba_and_writes_only_the_plain_recurrence_is_refused():
    text = "Mamba uses a simple hidden state, updated sequentially:\n\n$$\nh_t = A h_{t-1} + Bx_t\n$$\n"
    with pytest.raises(SymcountError, match="names Mamba"):
        symcount.derive(text)
    d = symcount.derive(text, read=["mamba=as-written"])
    assert d.evaluate(d_x=7, d_h=5) == 5 * 5 + 5 * 7
    # the same recurrence in a text about a linear state space model is counted as written
    assert symcount.derive(text.replace("Mamba", "A linear state space model")).evaluate(d_x=7, d_h=5) == 60


def test_a_capital_letter_the_prose_calls_an_activation_function():
    text = r"""- $h^{[t]}\ =\ F(W_{hh} \cdot h^{[t-1]}\ +\ W_{xh} \cdot x^{[t]} + b_h)$
- $y^{[t]} = W_{hy} \cdot h^{[t]} + b_y$

> Wait, what is F?
> F is our good old non-linear activation function from feedforward networks. Like tanh, ReLU etc."""
    d = symcount.derive(text)
    assert d.evaluate(d_x=7, d_h=5, d_y=3) == elman(7, 5, 3)
    with pytest.raises(SymcountError, match="F"):  # (said of nothing: a capital that may hold parameters)
        symcount.derive(text.split("> Wait")[0])


def test_notations_of_set_h41_a_bar_a_parenthesised_superscript_nested_fonts_and_superscript_shapes():
    mid = r"$$f_{t}=\sigma\left(W_{f} \cdot\left[h_{t-1} \mid x_{t}\right]+b_{f}\right)$$"
    assert symcount.derive(mid).evaluate(d_x=7, d_h=5, d_f=5) == 5 * 12 + 5  # (f_t alone: a gate of its own size d_f)
    paren = "$$\nh^(t)=f(Ux^t+Wh^{t-1}+b)\n$$\n\nf为激活函数"
    assert symcount.derive(paren).evaluate(d_x=7, d_h=5) == elman(7, 5)
    gru = r"""\begin{equation}
\textbf{\textit{z}}_t = \sigma(\textbf{W}^{n\times n}_{hU}\textbf{\textit{h}}_{t-1}+\textbf{W}^{n\times m}_{u'U}\textbf{\textit{u}}'_{t}+\textbf{\textit{b}}_{U})
\end{equation}
\begin{equation}
\textbf{\textit{h}}_t = \textbf{\textit{z}}_t\odot\textbf{\textit{h}}_{t-1}+(\bm1-\textbf{\textit{z}}_t)\odot\tanh(\textbf{W}^{n\times m}_{u'}\textbf{\textit{u}}'_{t})
\end{equation}"""
    d = symcount.derive(gru)
    assert d.evaluate(m=7, n=5) == 5 * 5 + 5 * 7 + 5 + 5 * 7


def test_a_label_with_a_step_word_a_definition_of_tanh_and_an_index_slip():
    text = r"""\begin{equation}
	h_{new}(t) = \tanh{(W_xx_t + W_h(s_t \circ h_{t-1}) + b)}
	\label{eq:gru_new_gate}
\end{equation}
\begin{equation}
	\tanh{(\alpha)} = \frac{e^{2\alpha} - 1}{e^{2\alpha} + 1}
\end{equation}
\begin{equation}
	s_i = \sigma(Dx_t + Eh_{t-1} + F),
\end{equation}
\begin{equation}
	u_t = \sigma(Ax_t + Bh_{t-1} + C),
\end{equation}
\begin{equation}
	h_t = (1 - u_t) \circ h_{t-1} + u_t \circ h_{new}(t)
\end{equation}"""
    d = symcount.derive(text)
    assert any("a slip of the step's letter" in n for n in d.shapes.notes)
    assert d.evaluate(d_x=7, d_h=5) == n_params(nn.GRUCell(7, 5)) - 3 * 5


def test_gitlab_math_markdown_escaped_operators_and_a_glued_left_side():
    gitlab = "隐藏状态 $`h_t`$ 的更新公式为：\n\n$`\nh_t = \\sigma(W_x x_t + W_h h_{t-1} + b_h)\n`$\n"
    assert symcount.derive(gitlab).evaluate(d_x=7, d_h=5) == elman(7, 5)
    escaped = "1. **State**: \\[ h'(t) \\= A h(t) \\+ B x(t) \\]  \n2. **Output**: \\[ y(t) \\= C h(t) \\+ D x(t) \\]\n"
    assert symcount.derive(escaped).evaluate(d_x=7, d_h=5, d_y=3) == 25 + 35 + 15 + 21
    glued = r"""\begin{equation}
ft = \sigma(W_f[h_{t-1}, x_t] + b_f)
\end{equation}
\begin{equation}
c_t = c_{t-1} * ft + (1 - f_t) * \tanh(W_c [h_{t-1}, x_t] + b_c)
\end{equation}
\begin{equation}
h_t = \tanh(c_t)
\end{equation}"""
    assert symcount.derive(glued).evaluate(d_x=7, d_h=5) == 2 * (5 * 12 + 5)


def test_a_diagonal_weights_shape_says_diagonal_in_every_rendered_table():
    d = symcount.derive(GRAVES + "The weight matrices from the cell to gate vectors (e.g. $W_{ci}$) are diagonal.")
    from symcount import api
    for fmt in ("latex", "markdown"):
        out = api.render(d, fmt)
        assert "(diagonal)" in out, fmt
    plain = symcount.derive(GRAVES)  # (full peepholes, as written: no word of diagonal in any table)
    assert "(diagonal)" not in api.render(plain, "latex")
