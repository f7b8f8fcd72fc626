"""Issue 17, thirty-ninth round: what the fifty-fourth held-out set's misses showed. Counts against torch; each text
is written here in the notation a snippet used, not copied from it."""
from __future__ import annotations

import os

import pytest

import symcount
from symcount.errors import SymcountError

torch = pytest.importorskip("torch") if not os.environ.get("CI") else __import__("torch")
nn = torch.nn


def numel(*modules) -> int:
    return sum(p.numel() for m in modules for p in m.parameters())


def lstm_one_bias(x: int, h: int) -> int:
    return numel(nn.LSTMCell(x, h)) - 4 * h  # (torch's two biases per gate; the texts write one)


# ---- two names on the left of one product: Géron's `y_t, h_t = o_t ⊗ tanh(c_t)` ------------------------------------

GERON = r"""$$
\begin{eqnarray}
\mathbf{f}_{t} & = & \sigma \left( \mathbf{W}_{xf}^{T} \cdot \mathbf{x}_{t} + \mathbf{W}_{hf}^{T} \cdot \mathbf{h}_{t-1} + \mathbf{b}_{f} \right) \\
\mathbf{i}_{t} & = & \sigma \left( \mathbf{W}_{xi}^{T} \cdot \mathbf{x}_{t} + \mathbf{W}_{hi}^{T} \cdot \mathbf{h}_{t-1} + \mathbf{b}_{i} \right) \\
\mathbf{o}_{t} & = & \sigma \left( \mathbf{W}_{xo}^{T} \cdot \mathbf{x}_{t} + \mathbf{W}_{ho}^{T} \cdot \mathbf{h}_{t-1} + \mathbf{b}_{o} \right) \\
\mathbf{g}_{t} & = & \tanh \left( \mathbf{W}_{xg}^{T} \cdot \mathbf{x}_{t} + \mathbf{W}_{hg}^{T} \cdot \mathbf{h}_{t-1} + \mathbf{b}_{g} \right) \\
\mathbf{c}_{t} & = & \mathbf{f}_{t} \otimes \mathbf{c}_{t-1} + \mathbf{i}_{t} \otimes \mathbf{g}_{t} \\
\mathbf{y}_{t}, \mathbf{h}_{t} & = & \mathbf{o}_{t} \otimes \tanh \left( \mathbf{c}_{t} \right)
\end{eqnarray}
$$
"""


def test_two_names_for_one_product_are_both_its_value():
    d = symcount.derive(GERON)
    sizes = {s.name: str(s.dim) for s in d.shapes.signals}
    assert sizes["h"] == sizes["o"] == sizes["c"] == sizes["y"]
    assert d.evaluate(d_x=7, d_h=5) == lstm_one_bias(7, 5)


@pytest.mark.parametrize("line", [r"h_t, c_t = f_{lstm}(x_t, h_{t-1}, c_{t-1})", r"h_t, c_t = \text{LSTM}(x_t, h_{t-1})"])
def test_two_names_for_a_call_stay_the_cells_signature(line):
    text = r"""$$
\begin{aligned}
%s \\
h_t &= \tanh(W x_t + U h_{t-1} + b)
\end{aligned}
$$""" % line.replace(" = ", " &= ")
    d = symcount.derive(text)
    assert any("signature" in n for n in d.shapes.notes)
    assert d.evaluate(d_x=7, d_h=5) == numel(nn.RNNCell(7, 5)) - 5


# ---- a split's pieces are defined where the split is: `i_t, f_t, g_t, o_t = split(W @ [x_t, h_{t-1}] + b, 4)` ---------

SPLIT_CODE = """Each step of the cell:

    i_t, f_t, g_t, o_t = split(W @ concat([x_t, h_{t-1}]) + b, 4)
    c_t = sigmoid(f_t) * c_{t-1} + sigmoid(i_t) * tanh(g_t)
    h_t = sigmoid(o_t) * tanh(c_t)
"""


@pytest.mark.parametrize("text", [SPLIT_CODE, SPLIT_CODE.replace(
    "    i_t, f_t, g_t, o_t = split(W @ concat([x_t, h_{t-1}]) + b, 4)",
    "    gates = W @ concat([x_t, h_{t-1}]) + b\n    i_t, f_t, g_t, o_t = split(gates, 4)")])
def test_the_pieces_of_a_split_are_defined_by_it(text):
    d = symcount.derive(text)
    assert d.evaluate(d_x=7, d_h=5) == lstm_one_bias(7, 5)


def test_a_split_into_more_pieces_than_its_count_stays_unread():
    with pytest.raises(SymcountError):
        symcount.derive(SPLIT_CODE.replace(", 4)", ", 3)"))


def rnn_no_bias(x: int, h: int) -> int:
    return numel(nn.RNNCell(x, h, bias=False))


# ---- a coefficient written before a parenthesis and as an operand elsewhere is no function -------------------------

def test_a_leak_written_before_a_parenthesis_and_alone_is_one_coefficient_not_a_function_and_a_matrix():
    text = r"""$$ x_{t+1} = (1-\alpha) x_t + \alpha(W_{\text{rec}} f(x_t) + W_{\text{in}} u_t + b_{\text{rec}}) $$"""
    with pytest.raises(SymcountError) as err:
        symcount.derive(text)
    message = str(err.value)
    assert "\\alpha a constant or a learned scalar" in message  # (never \alpha an n x n matrix beside a function \alpha)
    d = symcount.derive(text, read={"\\alpha": "constant"})
    assert d.evaluate(d_x=5, d_u=3) == numel(nn.RNNCell(3, 5)) - 5


# ---- shapes in code quotes after a name in math ---------------------------------------------------------------------

CODE_SHAPES = r"""- $W_a$ will be multiplied by the inputs, so it has a shape `(n_x, n_a)`
- $U_a$ is the weight matrix multiplied by the activations, so it has a shape `(n_a, n_a)`
- $b_a$ will be a vector of shape `(n_a,)`

$$ a^{\langle t \rangle} = \tanh(x^{\langle t \rangle} W_a + a^{\langle t-1 \rangle} U_a + b_a) $$
"""


def test_shapes_in_code_quotes_name_the_sizes():
    d = symcount.derive(CODE_SHAPES)
    assert {"n_x", "n_a"} <= set(d.counts.dims)
    assert d.evaluate(n_x=7, n_a=5) == numel(nn.RNNCell(7, 5)) - 5


def test_a_pair_of_names_takes_its_pair_of_shapes_in_order():
    text = r"""- $W_f, b_f$ are the tensors for the forget gate with shape `(n_a + n_x, n_a)` and `(n_a,)`

$$ f_t = \sigma([a_{t-1}, x_t] W_f + b_f) $$
$$ a_t = f_t \odot a_{t-1} $$
"""
    d = symcount.derive(text)
    assert d.evaluate(n_x=7, n_a=5) == 5 * 12 + 5


def test_a_shape_in_brackets_after_the_word_shape_names_code_sizes():
    text = r"""$$ h_t = \tanh(W_h \cdot [h_{t-1}, x_t] + b_h) $$
   - $W_h$: Weight matrix for the state (shape: `[hidden_size, hidden_size + input_size]`)
   - $b_h$: Bias term (shape: `[hidden_size]`)
"""
    d = symcount.derive(text)
    assert d.evaluate(hidden_size=5, input_size=7) == numel(nn.RNNCell(7, 5)) - 5


def test_a_second_shape_not_read_leaves_the_second_name_unsized():
    text = CODE_SHAPES + "- $W_y, b_y$ are the tensors for the predictions with shape `(n_a, n_y)` and `(n_y, `)\n" \
        + r"$$ y_t = a^{\langle t \rangle} W_y + b_y $$" + "\n"
    d = symcount.derive(text)  # (b_y never the matrix (n_a, n_y): it takes y's size from the sum)
    assert d.evaluate(n_x=7, n_a=5, n_y=3) == numel(nn.RNNCell(7, 5)) - 5 + 5 * 3 + 3


# ---- a row of signals in an array between brackets; weights named stacked in running text --------------------------

ROW_ARRAY = r"""\begin{align}
    \mathbf{Y}_t = \phi (\mathbf{X}_t \mathbf{W}_x + \mathbf{Y}_{t-1} \mathbf{W}_y + \mathbf{b})
\end{align}
Concatenating the inputs $[\begin{array}{ll}{\mathbf{X}_t} & {\mathbf{Y}_{t-1}}\end{array}]$ and the weights
$\mathbf{W} = \left[\begin{array}{c}{\mathbf{W}_x} \\ {\mathbf{W}_y}\end{array}\right]$, we can rewrite the equation as:
\begin{align}
    \mathbf{Y}_t = \phi ([\begin{array}{ll}{\mathbf{X}_t} & {\mathbf{Y}_{t-1}}\end{array}] \mathbf{W} + \mathbf{b})
\end{align}
"""


def test_weights_named_stacked_and_a_row_in_an_array_read_as_the_same_cell():
    d = symcount.derive(ROW_ARRAY)
    assert d.evaluate(d_X=7, d_Y=5) == numel(nn.RNNCell(7, 5)) - 5


def test_signals_joined_in_code_are_not_weights_stacked():
    text = """    combined = np.concatenate([x_t, h_prev])
    h_t = np.tanh(W @ combined + b)
"""
    d = symcount.derive(text)  # (combined is computed: never set aside as a name for weights)
    assert d.evaluate(d_x=7, d_h=5) == numel(nn.RNNCell(7, 5)) - 5


# ---- an activation's name with a mark standing as a value: a template's unit, refused -------------------------------

def test_a_marked_sigma_standing_as_a_value_is_refused_never_a_learned_vector():
    text = r"""The unit:
$$ \sigma^{\alpha}\left(b^{\alpha} + \sum_i U_i^{\alpha} x_i^{(t)} + \sum_i W_i^{\alpha} h_i^{(t-1)}\right) $$
$$
\begin{aligned}
f^{(t)} &= \sigma^f \\
s^{(t)} &= f^{(t)} s^{(t-1)} + g^{(t)} \sigma^s \\
g^{(t)} &= \sigma^g \\
h^{(t)} &= \tanh(s^{(t)})
\end{aligned}
$$
"""
    with pytest.raises(SymcountError, match="names an activation"):
        symcount.derive(text)


def test_a_variance_is_not_an_activation_named():
    text = r"""$$ h_t = \tanh(W x_t + U h_{t-1} + b) \cdot \sigma^2 $$"""
    with pytest.raises(SymcountError) as err:  # (\sigma^2 a constant or learned: never the template's refusal)
        symcount.derive(text)
    assert "names an activation" not in str(err.value)


# ---- a weight dated once in its declaration and shared across the steps -----------------------------------------------

def test_a_weight_declared_at_step_t_and_written_without_a_step_is_the_shared_weight():
    text = r"""Let $W^{t}_{xh} \in \mathbb{R}^{h \times d}$ and $W^{t}_{hh} \in \mathbb{R}^{h \times h}$; every step shares
the same weights $(W_{xh}, W_{hh})$.
$$ H_t = \phi_h(W_{xh} X_t + W_{hh} H_{t-1}) $$
"""
    d = symcount.derive(text)
    assert d.evaluate(d=7, h=5) == rnn_no_bias(7, 5)


def test_biases_skipped_in_vietnamese_are_omitted_biases():
    text = r"""Để đơn giản, ta sẽ bỏ qua các giá trị bias ứng với $H_t$.
$$ H_t = \phi_h(W_{xh} X_t + W_{hh} H_{t-1}) $$
"""
    with pytest.raises(SymcountError, match="bias terms are left out"):
        symcount.derive(text)
    assert symcount.derive(text, read={"omitted-biases": "as-written"}).evaluate(d_X=7, d_H=5) == rnn_no_bias(7, 5)


# ---- cases without `&`: a start then the step, split at \quad or at the comma before the words ------------------------

@pytest.mark.parametrize("cases", [r"0\quad\quad\quad t=0\\ \phi(h_{t-1}, x_t),\ \text{otherwise}",
                                   r"0 \quad t = 0 \\ \phi(h_{t-1}, x_t), \text{otherwise}"])
def test_cases_without_ampersands_start_the_state_and_leave_the_step(cases):
    text = r"""$$h_t=\begin{cases}%s\end{cases}$$
where $\phi$ is a nonlinear function.
$$h_t=g(Wx_t+Uh_{t-1})$$
""" % cases
    assert symcount.derive(text).evaluate(d_x=7, d_h=5) == rnn_no_bias(7, 5)


def test_an_accent_on_a_letter_in_a_font_without_braces():
    text = r"""$$
\begin{aligned}
\boldsymbol f_t &= \sigma(\boldsymbol W_f \boldsymbol h_{t-1} + \boldsymbol U_f \boldsymbol x_t + \boldsymbol b_f) \\
\boldsymbol i_t &= \sigma(\boldsymbol W_i \boldsymbol h_{t-1} + \boldsymbol U_i \boldsymbol x_t + \boldsymbol b_i) \\
\boldsymbol o_t &= \sigma(\boldsymbol W_o \boldsymbol h_{t-1} + \boldsymbol U_o \boldsymbol x_t + \boldsymbol b_o) \\
\tilde \boldsymbol c_t &= \tanh(\boldsymbol W_c \boldsymbol h_{t-1} + \boldsymbol U_c \boldsymbol x_t + \boldsymbol b_c) \\
\boldsymbol c_t &= \boldsymbol f_t \odot \boldsymbol c_{t-1} + \boldsymbol i_t \odot \tilde \boldsymbol c_t \\
\boldsymbol h_t &= \boldsymbol o_t \odot \tanh(\boldsymbol c_t)
\end{aligned}
$$"""
    d = symcount.derive(text)
    assert d.evaluate(d_x=7, d_h=5) == lstm_one_bias(7, 5)


# ---- the state on the right of its own equation where its candidate is computed and never read --------------------

def gru_no_reset(x: int, h: int) -> int:
    return 2 * (h * x + h * h)


@pytest.mark.parametrize("candidate", ["h'_t", r"\tilde{h}_t"])
def test_the_state_on_its_own_right_side_is_the_unread_candidate(candidate):
    text = rf"""$$ z_t = \sigma(W_z x_t + U_z h_{{t-1}}) $$
$$ {candidate} = \tanh(W x_t + U h_{{t-1}}) $$
$$ h_t = z_t \odot h_{{t-1}} + (1 - z_t) \odot h_t $$
"""
    d = symcount.derive(text)
    assert any("a slip of the letter" in n for n in d.shapes.notes)
    assert d.evaluate(d_x=7, d_h=5) == gru_no_reset(7, 5)


# ---- the state's update not read: the gates alone are no count ------------------------------------------------------

FORGET_ONLY = r"""The forget gate decides what to keep:
$$ f_t = \sigma(W_f \cdot [h_{t-1}, x_t] + b_f) $$
Then the cell state is multiplied by it, and the new candidate values are added.
"""


def test_gates_without_the_state_update_are_refused_where_their_sizes_are_left_apart():
    two = FORGET_ONLY.replace("Then", "$$ i_t = \\sigma(W_i \\cdot [h_{t-1}, x_t] + b_i) $$\nThen")
    with pytest.raises(SymcountError, match="the state's update was not read"):
        symcount.derive(two)
    d = symcount.derive(FORGET_ONLY)  # (one gate alone: a fragment a user may count, its size its own)
    assert d.evaluate(d_x=7, d_h=5, d_f=5) == 5 * 12 + 5


def test_gates_of_a_standard_cell_that_take_the_states_size_still_count():
    text = r"""Dropout is applied to the previous hidden state:
$$ i_t = \sigma(W_{ii} x_t + W_{hi} d(h_{t-1}) + b_i) $$
$$ f_t = \sigma(W_{if} x_t + W_{hf} d(h_{t-1}) + b_f) $$
$$ g_t = \tanh(W_{ig} x_t + W_{hg} d(h_{t-1}) + b_g) $$
$$ o_t = \sigma(W_{io} x_t + W_{ho} d(h_{t-1}) + b_o) $$
where $h_t, i_t, f_t, g_t, o_t \in \mathbb{R}^{n}$.
"""
    d = symcount.derive(text)
    assert d.evaluate(d_x=7, n=5) == lstm_one_bias(7, 5)


def test_an_input_of_the_step_before_where_every_computed_signal_is_read_is_no_missing_update():
    text = r"""$$ z_i = \sigma(W_z y_{i-1} + U_z s_{i-1} + C_z c_i) $$
$$ s_i = (1 - z_i) \odot s_{i-1} + z_i \odot \tanh(W y_{i-1} + U s_{i-1} + C c_i) $$
"""
    d = symcount.derive(text)  # (y_{i-1}, the word emitted before, is an input: z_i is read, s_i is the state)
    assert "d_y" in d.counts.dims


def test_a_gate_computed_from_the_state_and_read_by_no_equation_is_a_slip_refused():
    text = r"""We use $ * $ to note element-wise products.
$$ g_i = \sigma(W^{ix} x(t) + W^{ih} h(t-1) + b^{i}) $$
$$ g_f = \sigma(W^{fx} x(t) + W^{fh} h(t-1) + b^{f}) $$
$$ g_o = \sigma(W^{ox} x(t) + W^{oh} h(t-1) + b^{o}) $$
$$ \tilde{c} = \tanh(W^{cx} x(t) + W^{ch} h(t-1) + b^{c}) $$
$$ c(t) = g_f * c(t-1) + g_i * \tilde{c} $$
$$ h(t) = g_0 * \tanh(c(t)) $$
"""
    with pytest.raises(SymcountError, match="g_o is computed from the step before but read by no equation"):
        symcount.derive(text)


def test_a_star_in_math_that_the_sentence_calls_elementwise():
    from symcount.read.glossary import glossary
    assert glossary("We use $ * $ to note element-wise products.").operators == {"star": "elementwise"}


def test_the_summation_convention_sums_a_repeated_index():
    text = r"""Here is the equation for a vanilla RNN, using Einstein summation notation:
$$h^{(t)}_{i} = f\Bigl( A_{ij}\, h^{(t-1)}_{j} + B_{ij}\, x^{(t)}_{j} + c_{i} \Bigr)$$
"""
    d = symcount.derive(text)
    assert d.evaluate(d_x=7, d_h=5) == numel(nn.RNNCell(7, 5)) - 5


def test_two_gates_read_by_no_equation_are_refused_where_the_equation_that_reads_them_is_no_equation():
    text = r"""We introduce the following gates:
    * The forget gate: $f_t = \textrm{sigmoid}(W^{f,h}h_{t-1}+W^{f,x}x_t)$
    * The input gate: $i_t = \textrm{sigmoid}(W^{i,h}h_{t-1}+W^{i,x}x_t)$
    * The output gate: $o_t = \textrm{sigmoid}(W^{o,h}h_{t-1}+W^{o,x}x_t)$
    * The memory cell: $f_t \odot c_{t-1} + i_t \odot \textrm{tanh}(W^{c, h}h_{t-1} + W^{c,x}x_t)$
    * The visible state: $h_t = o_t \odot \textrm{tanh}(c_t)$
"""
    with pytest.raises(SymcountError, match="f_t, i_t are computed from the step before but read by no equation"):
        symcount.derive(text)


def test_an_output_computed_from_the_state_is_no_unread_gate():
    text = r"""$$ h_{t+1} = \tanh(W_r h_t + W_i x_t) $$ and $$ y_t = \sigma(W_o h_t) $$"""
    d = symcount.derive(text)  # (one sigmoid of the state read by nothing, no name of its letter astray: the output)
    assert d.evaluate(d_x=7, d_h=5, d_y=3) == numel(nn.RNNCell(7, 5, bias=False)) + 15


def test_a_capital_glued_to_the_name_its_equation_defines_is_that_names_bias():
    text = """・output ゲート
 o = σ(Xt Wxo + Ht-1 Who + Bo)
・forget ゲート
 f = σ(Xt Wxf + Ht-1 Whf + Bf)
・input ゲート
 i = σ(Xt Wxi + Ht-1 Whi + Bi)
・g = tanh(Xt Wxg + Ht-1 Whg + Bg)
・c = f * Ct-1 + g * i
・Ht = o * tanh(c)
"""
    d = symcount.derive(text)
    assert any("reads as one name, B_o" in n for n in d.shapes.notes)
    assert d.evaluate(d_X=7, d_H=5) == lstm_one_bias(7, 5)


# ---- the audit's cases: names on the left of what parameters compute are its pieces; no slip in an implicit layer ---

@pytest.mark.parametrize("text,count", [
    (r"""$$ i_t, f_t, o_t, g_t = W x_t + U h_{t-1} + b $$
$$ c_t = \sigma(f_t) \odot c_{t-1} + \sigma(i_t) \odot \tanh(g_t) $$
$$ h_t = \sigma(o_t) \odot \tanh(c_t) $$""", lambda: lstm_one_bias(7, 5)),
    (r"""$$ a^r_t, a^z_t = W x_t + U h_{t-1} + b $$
$$ r_t = \sigma(a^r_t), \quad z_t = \sigma(a^z_t) $$
$$ \tilde{h}_t = \tanh(W_h x_t + U_h (r_t \odot h_{t-1}) + b_h) $$
$$ h_t = (1 - z_t) \odot h_{t-1} + z_t \odot \tilde{h}_t $$""", lambda: numel(nn.GRUCell(7, 5)) - 15),
    (r"""$$ z_t, r_t = x_t W + h_{t-1} U + b $$
$$ h_t = \sigma(z_t) \odot h_{t-1} + (1 - \sigma(z_t)) \odot \tanh(x_t V + (\sigma(r_t) \odot h_{t-1}) R) $$""",
     lambda: 2 * (7 * 5 + 5 * 5 + 5) + 7 * 5 + 5 * 5)])
def test_names_on_the_left_of_an_affine_map_are_its_pieces_stacked(text, count):
    assert symcount.derive(text).evaluate(d_x=7, d_h=5) == count()


def test_an_implicit_layer_is_no_slip_for_its_readout():
    text = r"""$$ h_t = \tanh(W h_t + U x_t + b) $$
$$ \hat{h}_t = V h_t + c $$"""
    with pytest.raises(SymcountError, match="computed from itself"):
        symcount.derive(text)


def test_a_previous_output_fed_back_is_an_input_not_a_missing_update():
    text = r"""$$ h_t = \tanh(W x_t + V y_{t-1} + U h_{t-1} + b) $$
$$ o_t = W_{o} h_t + b_o $$"""
    d = symcount.derive(text)
    assert d.evaluate(d_x=7, d_h=5, d_y=3, d_o=3) == 35 + 15 + 25 + 5 + 15 + 3


def test_the_summation_convention_with_the_vector_first():
    text = r"""Here is the RNN in Einstein summation notation:
$$ h^{(t)}_{i} = \tanh( h^{(t-1)}_{j} A_{ij} + x^{(t)}_{j} B_{ij} + c_{i} ) $$"""
    assert symcount.derive(text).evaluate(d_x=7, d_h=5) == numel(nn.RNNCell(7, 5)) - 5


def test_a_shape_in_a_relative_clause_is_another_nouns():
    text = r"""- $W_y$ maps the hidden state to the prediction, which has shape `(n_y, 1)`

$$ a_t = \tanh(W_a x_t + U_a a_{t-1} + b_a) $$
$$ y_t = \mathrm{softmax}(W_y a_t + b_y) $$"""
    d = symcount.derive(text)
    assert d.evaluate(d_x=7, d_a=5, d_y=3) == numel(nn.RNNCell(7, 5)) - 5 + 5 * 3 + 3


def test_signals_joined_in_running_text_are_not_weights_stacked():
    text = r"""$$ H_f = \tanh(W_f x_t + U_f H_{f,t-1}) $$ where $H = [H_f; H_b]$ joins the two directions."""
    from symcount.read import parse as P
    cell = P.parse(text)  # (H = [H_f; H_b] is kept as an equation: only a weight's letter, W, U, V, R, names weights stacked)
    assert any(cell.source.slice(eq.span).startswith("H = [H_f; H_b]") for eq in cell.equations)


def test_the_summation_convention_with_a_gate_between_matrix_and_state():
    text = r"""Using the Einstein summation convention:
$$ z^{(t)}_i = \sigma(A_{ij} x^{(t)}_j + B_{ij} h^{(t-1)}_j) $$
$$ r^{(t)}_i = \sigma(C_{ij} x^{(t)}_j + D_{ij} h^{(t-1)}_j) $$
$$ \tilde{h}^{(t)}_i = \tanh(P_{ij} x^{(t)}_j + Q_{ij} r^{(t)}_j h^{(t-1)}_j) $$
$$ h^{(t)}_i = (1 - z^{(t)}_i) h^{(t-1)}_i + z^{(t)}_i \tilde{h}^{(t)}_i $$"""
    assert symcount.derive(text).evaluate(d_x=7, d_h=5) == numel(nn.GRUCell(7, 5, bias=False))


# ---- the second audit's cases ------------------------------------------------------------------------------------------

@pytest.mark.parametrize("text", [r"""The hidden state is the fixed point of
$$h = \tanh(Wh + Ux + b)$$""", r"""At each step the state is updated:
$$h \leftarrow \tanh(Wh + Ux + b)$$"""])
def test_a_weight_glued_to_the_state_it_multiplies_stays_a_product(text):
    assert symcount.derive(text).evaluate(d_x=7, d_h=5) == numel(nn.RNNCell(7, 5)) - 5


def test_a_state_space_written_without_steps_keeps_its_matrix():
    d = symcount.derive(r"$$x = Ax + Bu$$")
    assert d.evaluate(d_x=5, d_u=3) == 25 + 15


def test_two_sigmoid_outputs_of_the_state_are_no_unread_gates():
    text = r"""$$h_{t+1} = \tanh(W h_t + U x_t + b)$$
$$y_t = \sigma(V h_t + c)$$
$$s_t = \sigma(W_s h_t + b_s)$$"""
    d = symcount.derive(text)
    assert d.evaluate(d_x=7, d_h=5, d_y=3, d_s=2) == numel(nn.RNNCell(7, 5)) - 5 + 18 + 12


def test_the_output_named_with_the_state_without_steps_is_never_stacked():
    text = r"""$$f = \sigma(W_f x + U_f h + b_f)$$
$$i = \sigma(W_i x + U_i h + b_i)$$
$$o = \sigma(W_o x + U_o h + b_o)$$
$$g = \tanh(W_g x + U_g h + b_g)$$
$$c = f \odot c + i \odot g$$
$$y, h = o \odot \tanh(c)$$"""
    try:
        d = symcount.derive(text)
    except SymcountError:
        return  # (refused: which side of y = h = ... is counted)
    assert d.evaluate(d_x=7, d_h=5) == lstm_one_bias(7, 5)
