"""Issue 17, thirty-eighth round: what the fifty-third held-out set's misses showed. Counts against torch; each text
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


def rnn_one_bias(x: int, h: int) -> int:
    return numel(nn.RNNCell(x, h)) - h


# ---- sizes said in Japanese, Chinese and Korean; a shape split over two maths; a column's shape -------------------

SRU_JA = r"""中間層の次元を$d$とします。

$$
\begin{align}
\boldsymbol{\tilde{x}}_t &= \boldsymbol{W}\boldsymbol{x}_t\\
\boldsymbol{f}_t &= \sigma(\boldsymbol{W}_f\boldsymbol{x}_t + \boldsymbol{b}_f)\\
\boldsymbol{r}_t &= \sigma(\boldsymbol{W}_r\boldsymbol{x}_t + \boldsymbol{b}_r)\\
\boldsymbol{c}_t &= \boldsymbol{f}_t \odot \boldsymbol{c}_{t-1} + (1 - \boldsymbol{f}_t) \odot \boldsymbol{\tilde{x}}_t\\
\boldsymbol{h}_t &= \boldsymbol{r}_t \odot g(\boldsymbol{c}_t) + (1 - \boldsymbol{r}_t) \odot \boldsymbol{x}_t
\end{align}
$$

$\boldsymbol{\tilde{x}}_t$、$\boldsymbol{f}_t$、$\boldsymbol{c}_t$、$\boldsymbol{h}_t$は全て$d$次元のベクトルです。
"""


def sru(d: int) -> int:
    return numel(nn.Linear(d, d, bias=False), nn.Linear(d, d), nn.Linear(d, d))


def test_vectors_said_d_dimensional_in_japanese_take_that_size():
    d = symcount.derive(SRU_JA)
    assert "d" in d.counts.dims
    assert d.evaluate(d=6) == sru(6)


@pytest.mark.parametrize("said", ["$h_t$ 和 $c_t$ 都是 $d$ 维向量", "$h_t$와 $c_t$는 $d$차원 벡터이다"])
def test_vectors_said_d_dimensional_in_chinese_and_korean_take_that_size(said):
    text = r"""$$h_t = \tanh(W x_t + U h_{t-1} + b)$$
$$c_t = h_t$$

""" + said
    d = symcount.derive(text)
    assert d.evaluate(d=5, d_x=7) == rnn_one_bias(7, 5)


def test_a_shape_written_as_two_maths_with_a_plain_x_between_names_its_size():
    text = r"""A weight matrix $W_x$ maps the input, and a second weight matrix $W_s$ of size $n$x$n$ connects the
neurons, where $n$ is the number of neurons.

$s_t = \tanh(W_x x + b_x + W_s s_{t-1} + b_s)$
"""
    d = symcount.derive(text)
    assert "n" in d.counts.dims
    assert d.evaluate(n=5, d_x=7) == numel(nn.RNNCell(7, 5))  # (two biases, as torch's)


def test_a_vector_of_dimensions_n_times_one_after_a_comma_is_a_column_of_n_even_at_another_step_letter():
    text = r"""The unit at step $$k$$ takes $$x^{(k)}$$, a vector of dimensions $$d \times 1$$, and
$$h^{(k-1)}$$, a vector of dimensions $$D \times 1$$.

$$h^{(t)} = \sigma(b + U x^{(t)} + W h^{(t-1)})$$
"""
    d = symcount.derive(text)
    assert set(d.counts.dims) == {"d", "D"}
    assert d.evaluate(d=7, D=5) == rnn_one_bias(7, 5)


# ---- font switches and empty remarks -------------------------------------------------------------------------------

def test_a_bare_bf_after_a_one_letter_subscript_bolds_the_next_letter():
    text = r"$\bf h_t = \tanh(\bf h_{t-1}\bf W_h + \bf x_t\bf W_x +\bf b)$"
    d = symcount.derive(text)
    assert d.evaluate(d_x=7, d_h=5) == rnn_one_bias(7, 5)


def test_an_empty_bold_remark_after_a_row_is_no_math():
    rows = [r"f = \sigma(x_t U^f + s_{t-1}W^f) ~~\textbf{Forget gate}\\", r"i = \sigma(x_t U^i + s_{t-1}W^i)~~\textbf{}\\",
            r"o = \sigma(x_tU^o + s_{t-1}W^o)~~\textbf{}\\", r"g = \tanh(x_tU^g + s_{t-1}W^g)~~\textbf{}\\",
            r"c_t = c_{t-1} \odot f + g\odot i~~\textbf{}\\", r"s_t = \tanh(c_t)\odot o~~\textbf{}"]
    d = symcount.derive("$$\n" + "\n".join(rows) + "\n$$\n")
    assert d.evaluate(d_x=7, d_s=5) == lstm_one_bias(7, 5) - 4 * 5  # (no biases written)


# ---- a fully connected layer first, then the recurrent one ---------------------------------------------------------

def test_a_layer_said_fully_connected_before_the_recurrent_cell_is_set_aside():
    text = r"""A fully connected layer is defined as:

$\boldsymbol{h}_t = \tanh(\boldsymbol{W}\boldsymbol{x}_t + \boldsymbol{b})$

With one change we formulate the RNN:

$\boldsymbol{h}_t = \tanh(\boldsymbol{W}\boldsymbol{x}_t + \boldsymbol{U}\boldsymbol{h}_{t-1} + \boldsymbol{b})$
"""
    d = symcount.derive(text)
    assert d.evaluate(d_x=7, d_h=5) == rnn_one_bias(7, 5)
    assert any("feed-forward" in n or "contrasts" in n for n in d.shapes.notes)


def test_without_the_words_the_two_definitions_stay_a_choice():
    text = r"""First:

$\boldsymbol{h}_t = \tanh(\boldsymbol{W}\boldsymbol{x}_t + \boldsymbol{b})$

Then:

$\boldsymbol{h}_t = \tanh(\boldsymbol{W}\boldsymbol{x}_t + \boldsymbol{U}\boldsymbol{h}_{t-1} + \boldsymbol{b})$
"""
    with pytest.raises(SymcountError, match="readings"):
        symcount.derive(text)


# ---- one gate's letter typed for two others --------------------------------------------------------------------------

PEEPHOLE_SLIPS = r"""\[ i_t = \sigma (W_{xi} x_t + W_{hi} h_{t-1} + W_{ci} c_{t-1} + b_i) \]
\[ f_t = \sigma (W_{xf} x_t + W_{hf} h_{t-1} + W_{cf} c_{t-1} + b_f) \]
\[ f_t = f_t c_{t-1} + i_t \tanh (W_{xc} x_t + W_{hc} h_{t-1} + b_c) \]
\[ f_t = \sigma (W_{xo} x_t + W_{ho} h_{t-1} + W_{co} c_t + b_o) \]
\[ h_t = o_t \tanh( c_t ) \]
"""


def test_a_gate_letter_typed_for_two_others_is_read_as_each_by_its_weights_marks():
    d = symcount.derive(PEEPHOLE_SLIPS)
    full_peepholes = 3 * 5 * 5
    assert d.evaluate(d_x=7, d_h=5) == lstm_one_bias(7, 5) + full_peepholes
    assert sum("slip of the letter" in n for n in d.shapes.notes) == 2


def test_two_slips_for_one_letter_are_not_read_as_two_gates():
    text = PEEPHOLE_SLIPS.replace("W_{xo} x_t + W_{ho} h_{t-1} + W_{co} c_t + b_o", "W_{xc} x_t + W_{hc} h_{t-1} + b_c")
    with pytest.raises(SymcountError):
        symcount.derive(text)


# ---- a bidirectional layer that marks its own weights per direction -------------------------------------------------

def test_weights_marked_per_direction_leave_the_unmarked_ones_shared():
    text = r"""$$h_{t}^{(f)} = g\left( W^{(4)}x_{t} + W_{r}^{(f)}h_{t - 1}^{(f)} + b^{(4)} \right)$$

$$h_{t}^{(b)} = g\left( W^{(4)}x_{t} + W_{r}^{(b)}h_{t + 1}^{(b)} + b^{(4)} \right)$$
"""
    d = symcount.derive(text)
    (dim,) = [n for n in d.counts.dims if n != "d_x"]
    shared = numel(nn.Linear(7, 5))
    assert d.evaluate(d_x=7, **{dim: 5}) == shared + 2 * 5 * 5


def test_unmarked_weights_alone_in_both_directions_stay_a_choice():
    text = r"""$$h_{t}^{(f)} = g\left( W x_{t} + U h_{t - 1}^{(f)} + b \right)$$

$$h_{t}^{(b)} = g\left( W x_{t} + U h_{t + 1}^{(b)} + b \right)$$
"""
    with pytest.raises(SymcountError, match="readings"):
        symcount.derive(text)


# ---- a doc comment's signature line beside the steps; a stack's pieces activated by name ---------------------------

GRU_DOC = """/// Single GRU cell: h' = gru_cell(input, h)
///
/// r = sigmoid(W_ir @ input + W_hr @ h + b_r)
/// z = sigmoid(W_iz @ input + W_hz @ h + b_z)
/// n = tanh(W_in @ input + r * (W_hn @ h) + b_n)
/// h' = (1 - z) * n + z * h
"""


def test_a_primed_state_as_a_named_call_of_the_state_beside_its_steps_is_a_signature():
    d = symcount.derive(GRU_DOC)
    (x,) = [n for n in d.counts.dims if "input" in n]
    (h,) = [n for n in d.counts.dims if n != x]
    assert d.evaluate(**{x: 7, h: 5}) == numel(nn.GRUCell(7, 5)) - 3 * 5
    assert any("says what" in n for n in d.shapes.notes)


def test_a_call_of_a_known_activation_is_no_signature():
    with pytest.raises(SymcountError):
        symcount.derive(GRU_DOC.replace("gru_cell(input, h)", "tanh(input, h)"))


def test_a_stack_whose_pieces_are_activated_by_name_is_read_and_its_pieces_are_the_stack():
    text = """  [i, f, g, o] = W_ih @ x + W_hh @ h + b
  i = sigmoid(i_gate), f = sigmoid(f_gate), g = tanh(g_gate), o = sigmoid(o_gate)
  c' = f * c + i * g
  h' = o * tanh(c')
"""
    d = symcount.derive(text)
    assert d.evaluate(d_x=7, d_h=5) == lstm_one_bias(7, 5)
    assert any("piece of the stack" in n for n in d.shapes.notes)


# ---- Doxygen's @param[in] list of weight shapes ---------------------------------------------------------------------

def test_an_optional_weight_in_a_doxygen_list_is_refused():
    text = " * @param[in]  input_to_forget_weights  2D weights tensor with dimensions [input_size, num_units].\n" \
           " * @param[in]  cell_to_input_weights  (Optional) 1D weights tensor with dimensions [num_units]. Can be nullptr.\n"
    with pytest.raises(SymcountError, match="optional"):
        symcount.derive(text)


def test_doxygen_param_in_entries_with_dimensions_are_a_list_of_parameters():
    rows = []
    for gate in ("input", "forget", "cell", "output"):
        rows.append(f" * @param[in]  input_to_{gate}_weights  2D weights tensor with dimensions [input_size, output_size].")
    for gate in ("input", "forget", "cell", "output"):
        rows.append(f" * @param[in]  recurrent_to_{gate}_weights  2D weights tensor with dimensions [output_size, output_size].")
    for b in ("input_gate_bias", "forget_gate_bias", "cell_bias", "output_gate_bias"):
        rows.append(f" * @param[in]  {b}  1D weights tensor with dimensions [output_size].")
    text = "/** Initialize the function's tensors.\n *\n * @param[in]  input  Source tensor with dimensions [input_size, batch_size].\n" \
        + "\n".join(rows) + "\n */\n"
    d = symcount.derive(text)
    assert d.evaluate(input_size=7, output_size=5) == lstm_one_bias(7, 5)


# ---- a bracketed entry index; a listed weight no equation uses --------------------------------------------------------

def test_an_entry_index_in_brackets_on_every_symbol_is_not_read_as_the_vectors():
    text = r"""$$h^{(t)}_{[i]} = \sigma(W_{[i]} x^{(t)} + u_{[i]} h^{(t-1)}_{[i]} + b_{[i]})$$"""
    with pytest.raises(SymcountError):  # (an IndRNN's per-unit u: read as the vectors, u h would be a matrix product)
        symcount.derive(text)


LISTED = r"""The weight matrices are:
- $\mathbf{W}_{xh}$: the matrix between the input and $\mathbf{h}$
- $\mathbf{W}_{hh}$: the matrix of the recurrent connection
- $\mathbf{W}_{hy}$: the matrix between $\mathbf{h}$ and the output $\mathbf{y}$

$$\mathbf{h}_t = \sigma(\mathbf{W}_{xh}\mathbf{x}_t + \mathbf{W}_{hh}\mathbf{h}_{t-1} + \mathbf{b}_h)$$
"""


def test_a_weight_listed_among_the_matrices_that_no_equation_uses_is_refused():
    with pytest.raises(SymcountError, match="W_hy is listed among the weight matrices"):
        symcount.derive(LISTED)


def test_a_listed_weight_the_text_sets_apart_from_the_cell_is_not_refused():
    text = LISTED.replace("The weight matrices are:", "The weight matrices are below; the output layer is not part of the cell.")
    assert symcount.derive(text).evaluate(d_x=7, d_h=5) == rnn_one_bias(7, 5)


def test_a_listed_weight_that_an_equation_uses_is_counted():
    d = symcount.derive(LISTED + "\n$$\\mathbf{y}_t = \\mathbf{W}_{hy}\\mathbf{h}_t$$\n")
    assert d.evaluate(d_x=7, d_h=5, d_y=3) == rnn_one_bias(7, 5) + 3 * 5


# ---- a line of code whose every `=` is a call's keyword or inside a string ------------------------------------------

def test_an_equation_in_brackets_is_still_an_equation():
    text = """  i = sigmoid(W_i x + U_i h + b_i)
  f = sigmoid(W_f x + U_f h + b_f)
  o = sigmoid(W_o x + U_o h + b_o)
  [g = tanh(W_g x + U_g h + b_g)]   (the candidate)
  c' = f * c + i * g
  h' = o * tanh(c')
"""
    assert symcount.derive(text).evaluate(d_x=7, d_h=5) == lstm_one_bias(7, 5)


def test_a_code_line_whose_equals_are_all_inside_a_call_is_no_equation():
    text = """  # Candidate: n = tanh(W_n * x + U_n * (r * h) + b_n)
  # Update: z = sigmoid(W_z * x + U_z * h + b_z)
  # Reset: r = sigmoid(W_r * x + U_r * h + b_r)
  # New state: h_new = (1 - z) * n + z * h
  list(h = h_new)
"""
    d = symcount.derive(text)  # (without the guard, `list(h = h_new)` was read as an equation and refused)
    assert d.counts.total


def test_enclosed_equals_tells_keywords_from_assignments():
    from symcount.read.pystatements import enclosed_equals
    assert enclosed_equals("list(h = new_h)")
    assert enclosed_equals("    for t_idx, x_t in enumerate(xs, start=1):")
    assert not enclosed_equals("[g = tanh(W_g x + U_g h + b_g)]   (the candidate)")
    assert enclosed_equals('print(" c_t =", c_t)')
    assert not enclosed_equals("h = tanh(W @ x + b)")
    assert not enclosed_equals("h' = (1 - z) * n + z * h")
    assert not enclosed_equals("y = f(x == 1)")
    assert not enclosed_equals('    """IndRNN: h\' = tanh(u (.) h + W x + b).')  # (a docstring's quotes open no string)


# ---- projections said in prose --------------------------------------------------------------------------------------

DELTA = r"""$S_t = S_{t-1}(I - \beta_t k_t k_t^\top) + \beta_t v_t k_t^\top$, $\beta_t = \sigma(W_\beta x_t)$, $o_t = S_t q_t$.
$S \in \mathbb{R}^{d_v \times d_k}$. SAID
"""


def delta_rule(x: int, d_k: int, d_v: int) -> int:
    return numel(nn.Linear(x, d_k, bias=False), nn.Linear(x, d_k, bias=False), nn.Linear(x, d_v, bias=False),
                 nn.Linear(x, 1, bias=False))


@pytest.mark.parametrize("said", [r"$q_t, k_t, v_t$ 由 $x_t$ 经 $W_Q, W_K, W_V$ 线性投影得到。",
                                  r"$q_t, k_t, v_t$ are linear projections of $x_t$ by $W_Q$, $W_K$ and $W_V$."])
def test_projections_said_in_prose_with_their_weights_are_read_as_products(said):
    d = symcount.derive(DELTA.replace("SAID", said))
    assert d.evaluate(d_x=7, d_k=4, d_v=5) == delta_rule(7, 4, 5)
    assert any("said to be projections" in n for n in d.shapes.notes)


@pytest.mark.parametrize("more", [", each with a bias $b_Q$, $b_K$, $b_V$", ", each followed by a short convolution",
                                  "（带偏置 $b_Q, b_K, b_V$）"])
def test_projections_said_with_more_than_their_weights_are_not_read_as_products(more):
    said = r"$q_t, k_t, v_t$ are linear projections of $x_t$ by $W_Q$, $W_K$ and $W_V$" + more + "."
    with pytest.raises(SymcountError):
        symcount.derive(DELTA.replace("SAID", said))


def test_projections_said_without_their_weights_are_not_invented():
    with pytest.raises(SymcountError):
        symcount.derive(DELTA.replace("SAID", r"$q_t, k_t, v_t$ are projections of $x_t$."))


def test_a_projection_said_of_a_signal_an_equation_computes_is_not_added():
    text = DELTA.replace("SAID", r"$q_t, k_t, v_t$ are linear projections of $x_t$ by $W_Q$, $W_K$ and $W_V$.") \
        + "\n$$q_t = W_q x_t + b_q$$\n$$k_t = W_k x_t$$\n$$v_t = W_v x_t$$\n"
    d = symcount.derive(text)
    assert not any("said to be projections" in n for n in d.shapes.notes)
    assert d.evaluate(d_x=7, d_k=4, d_v=5) == delta_rule(7, 4, 5) + 4


# ---- a list of capitals set side by side; RWKV's wkv written with \exp ------------------------------------------------

def test_capitals_listed_on_the_left_side_by_side_are_one_equation_each():
    text = r"""$$\begin{aligned}
Q, K, V &= W_Q x_t, W_K x_t, W_V x_t \\
S_t &= S_{t-1} + V K^T \\
o_t &= S_t Q
\end{aligned}$$
$x_t \in \mathbb{R}^{d}$, $S_t \in \mathbb{R}^{d_v \times d_k}$
"""
    d = symcount.derive(text)
    assert set(d.counts.dims) == {"d", "d_k", "d_v"}
    assert d.evaluate(d=7, d_k=5, d_v=4) == 7 * 5 + 7 * 5 + 7 * 4


def test_capitals_computed_from_themselves_are_not_set_side_by_side():
    text = r"""$$\begin{aligned}
\Delta_t &= \mathrm{softplus}(W_\Delta x_t + b_\Delta) \\
A, B &= \exp(\Delta_t A), \Delta_t B \\
h_t &= A h_{t-1} + B x_t
\end{aligned}$$"""
    with pytest.raises(SymcountError):
        symcount.derive(text)


def test_capitals_with_fewer_right_sides_are_left_as_written():
    d = symcount.derive("$$Q, K, V = X W$$\n$$S_t = S_{t-1} + K^T V$$\n")
    assert any("signature" in n for n in d.shapes.notes)  # (as before: one right side, no side by side)


WKV = r"""$$r_t = W_r(\mu_r\odot x_t + (1-\mu_r)\odot x_{t-1}),$$
$$k_t = W_k(\mu_k\odot x_t + (1-\mu_k)\odot x_{t-1}), \qquad v_t = W_v(\mu_v\odot x_t + (1-\mu_v)\odot x_{t-1}).$$
$$\mathrm{WKV}_t = \frac{\sum_{i=1}^{t-1}WKVSUM v_i+e^{u+k_t}v_t}{\sum_{i=1}^{t-1}WKVSUM+e^{u+k_t}}.$$
$$o_t = W_o(\sigma(r_t)\odot \mathrm{WKV}_t).$$
"""


def test_the_steps_counted_in_an_exp_are_numbers_as_in_a_power_of_e():
    with_e = symcount.derive(WKV.replace("WKVSUM", "e^{-(t-1-i)w+k_i}"))
    with_exp = symcount.derive(WKV.replace("WKVSUM", r"\exp(k_i-(t-1-i)w)"))
    assert with_exp.counts.total == with_e.counts.total
    sizes = {n: 5 for n in with_exp.counts.dims}
    rwkv = numel(*(nn.Linear(5, 5, bias=False) for _ in range(4))) + 5 * 5  # (μ_r, μ_k, μ_v, w, u)
    assert with_exp.evaluate(**sizes) == rwkv


# ---- an output the words call optional ------------------------------------------------------------------------------

OPTIONAL_OUTPUT = r"""$$h_t = \phi\!\left(W_h h_{t-1} + W_x x_t + b\right)$$

The parameters $(W_h, W_x, b)$ are shared across steps. The output at step $t$ is WORD
$\hat{y}_t = W_o h_t + b_o$.
"""


def test_an_output_said_optional_is_a_reading_and_each_option_picks_its_count():
    with pytest.raises(SymcountError, match="optional-step"):
        symcount.derive(OPTIONAL_OUTPUT.replace("WORD", "optionally"))
    left_out = symcount.derive(OPTIONAL_OUTPUT.replace("WORD", "optionally"), read={"optional-step": "left-out"})
    assert left_out.evaluate(d_x=7, d_h=5) == rnn_one_bias(7, 5)
    included = symcount.derive(OPTIONAL_OUTPUT.replace("WORD", "optionally"), read={"optional-step": "included"})
    assert included.evaluate(d_x=7, d_h=5, d_yhat=3) == rnn_one_bias(7, 5) + numel(nn.Linear(5, 3))


def test_optional_said_of_something_else_in_the_sentence_is_no_optional_output():
    text = OPTIONAL_OUTPUT.replace("The output at step $t$ is WORD", "Here the bias $b$ is optional and the output is always")
    d = symcount.derive(text)
    assert d.evaluate(d_x=7, d_h=5, d_yhat=3) == rnn_one_bias(7, 5) + numel(nn.Linear(5, 3))


def test_an_output_without_the_word_is_counted():
    d = symcount.derive(OPTIONAL_OUTPUT.replace("WORD", ""))
    assert d.evaluate(d_x=7, d_h=5, d_yhat=3) == rnn_one_bias(7, 5) + numel(nn.Linear(5, 3))


@pytest.mark.parametrize("piece", ["sigmoid(i_gate + 1)", "sigmoid(LN(i_pre))"])
def test_a_pre_activation_by_its_name_that_nothing_computes_is_refused(piece):
    text = f"""  [i, f, g, o] = W_ih @ x + W_hh @ h + b
  i = {piece}, f = sigmoid(f_gate), g = tanh(g_gate), o = sigmoid(o_gate)
  c' = f * c + i * g
  h' = o * tanh(c')
"""
    with pytest.raises(SymcountError, match="pre-activation"):
        symcount.derive(text)


def test_a_size_followed_by_x_and_another_math_is_no_size_of_its_own():
    d = symcount.derive("The input $x_t$ of size $1$x$d$ and the state $h_t$ of size $1$x$n$.\n\n"
                        "$h_t = \\tanh(x_t W_x + h_{t-1} W_h + b)$\n")
    assert d.evaluate(d_x=7, d_h=5) == rnn_one_bias(7, 5)  # (not every size 1: the shapes are rows, read as the equations say)


def test_a_bias_named_after_its_gate_is_no_pre_activation():
    d = symcount.derive("  gate = sigmoid(W_gate @ x + b_gate)\n  h' = gate * h + (1 - gate) * tanh(W_h @ x)\n")
    assert any("b_{gate}" in p.name or "b_gate" in p.name for p in d.shapes.params)


def test_an_optional_output_whose_display_opens_with_a_blank_line_is_still_a_reading():
    text = ("$$h_t = \\tanh(W_h h_{t-1} + W_x x_t + b)$$\n\nThe output is optionally given by\n$$\n\n"
            "y_t = W_o h_t + b_o\n$$\n")
    with pytest.raises(SymcountError, match="optional-step"):  # (an internal error before: the clause's index)
        symcount.derive(text)
