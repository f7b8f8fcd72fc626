"""Issue 17, thirty-third round: notations the waiting snippets of sets h45 and h46 and the fresh set h47 showed.
Counts against torch; each text is written here in the notation a snippet used, not copied from it."""
from __future__ import annotations

import os

import pytest

import symcount
from symcount.errors import SymcountError

torch = pytest.importorskip("torch") if not os.environ.get("CI") else __import__("torch")
nn = torch.nn


def notes(d) -> str:
    return "\n".join(d.shapes.notes)


def numel(*modules) -> int:
    return sum(p.numel() for m in modules for p in m.parameters())


# a peephole-free LSTM whose gates read the cell state, its shapes said once for the bare letters
BARE_SHAPES = r"""$W \in R^{h \times d}$, $U \in R^{h \times h}$: weight matrices learned in training \\
$x_t \in R^{d}:$ the input vector \\
$f_t = \sigma(W_{f} x_t + U_{f} c_{t-1} + b_f) \\
i_t = \sigma(W_{i} x_t + U_{i} c_{t-1} + b_i) \\
o_t = \sigma(W_{o} x_t + U_{o} c_{t-1} + b_o) \\
c_t = f_t \circ c_{t-1} + i_t \circ \tanh(W_{c} x_t + U_{c} c_{t-1} + b_c) \\
h_t = o_t \circ \tanh(c_t)$
"""


def test_a_colon_that_ends_the_math_before_its_gloss():
    d = symcount.derive(BARE_SHAPES)
    assert d.evaluate(d=7, h=5) == numel(nn.LSTM(7, 5)) - 4 * 5  # one bias per gate


def test_a_bare_letters_matrix_shape_is_each_subscripted_weights():
    d = symcount.derive(BARE_SHAPES)
    assert set(d.counts.dims) == {"d", "h"}  # the sizes as the declarations name them, not d_c
    assert "declares the size of every W with a subscript: W_f, W_i, W_o, W_c" in notes(d)


def test_a_bare_letters_matrix_shape_that_does_not_fit_is_set_aside():
    text = BARE_SHAPES.replace(r"$W \in R^{h \times d}$", r"$W \in R^{d \times h}$")  # the row-vector orientation
    d = symcount.derive(text)
    assert d.evaluate(d=7, h=5) == numel(nn.LSTM(7, 5)) - 4 * 5
    assert "for every W with a subscript does not fit their uses: set aside" in notes(d)
    assert set(d.counts.dims) == {"d", "h"}  # U's shape, which fits, still names h


def test_a_colon_inside_the_math_is_still_refused():
    with pytest.raises(SymcountError) as e:
        symcount.derive(r"$h_t = \tanh(W x_t : U h_{t-1})$")
    assert "':'" in str(e.value)


# a GRU without biases in code-like text, then the update as "some papers" write it: another text's form
OTHER_FORM = """```text
r_t = sigmoid(W_r [x_t, h_(t-1)])
z_t = sigmoid(W_z [x_t, h_(t-1)])
n_t = tanh(W_n [r_t * h_(t-1), x_t])
h_t = (1 - z_t) * h_(t-1) + z_t * n_t
```

Some papers write the update equation as:

```text
h_t = z_t * h_(t-1) + (1 - z_t) * n_t
```
"""


def test_another_texts_form_after_the_words_that_say_so_is_set_aside():
    d = symcount.derive(OTHER_FORM)
    gru = nn.GRU(7, 5, bias=False)
    assert d.evaluate(d_x=7, d_h=5) == numel(gru)
    assert "is another text's form, as the words before it say: h_t's first definition is read" in notes(d)


def test_the_same_two_forms_without_those_words_are_two_readings():
    text = OTHER_FORM.replace("Some papers write the update equation as:", "The update equation is:")
    d = symcount.derive(text)  # the same count either way: printed, the choice noted
    assert d.evaluate(d_x=7, d_h=5) == numel(nn.GRU(7, 5, bias=False))
    assert "Some papers" not in notes(d) and "another text's form" not in notes(d)


def test_a_private_attribute_is_the_weight_it_names():
    from symcount.read.codelines import code_names
    line = "g = tf.matmul(x, self._kernel) + self.__bias"
    out = list(line)
    code_names(out, 0, len(out))
    read = "".join(out)
    assert "_kernel" not in read and "kernel" in read  # self._kernel: the weight kernel, not a subscript
    assert "_bias" not in read


def rnn_and_output(x: int, h: int, y: int) -> int:
    return numel(nn.RNN(x, h), nn.Linear(h, y)) - h  # one bias in the step


def test_a_display_that_approximates_an_output_with_weights_is_its_definition():
    text = "$$\nh_t = \\tanh(W_{hh} h_{t-1} + W_{xh} x_t + b_h)\n$$\n\n$$\ny_t \\approx \\mathrm{softmax}(W_{hy} h_t + b_y)\n$$\n"
    d = symcount.derive(text)
    assert d.evaluate(d_x=7, d_h=5, d_y=3) == rnn_and_output(7, 5, 3)
    assert "y_t \\approx ... at <input>:6:5 is read as y_t's definition" in notes(d)


def test_an_approximation_in_running_text_is_still_prose():
    text = ("$$h_t = \\tanh(W_{hh} h_{t-1} + W_{xh} x_t + b_h)$$\n\nFor small inputs, $h_t \\approx W_{xh} x_t$ "
            "holds roughly.\n")
    d = symcount.derive(text)
    assert d.evaluate(d_x=7, d_h=5) == numel(nn.RNN(7, 5)) - 5


OUTPUT_REUSES_W = "$h_t = f(U x_t + W h_{t-1} + b_h)$\n\n$o_t = f(W h_t + b_o)$\n"


def test_the_recurrent_weights_letter_in_an_output_is_a_choice():
    with pytest.raises(SymcountError) as e:
        symcount.derive(OUTPUT_REUSES_W)
    assert "W is written in the state's equation (h_t) and in an output's (o_t)" in str(e.value)
    d = symcount.derive(OUTPUT_REUSES_W, read={"W": "separate"})
    assert d.evaluate(d_x=7, d_h=5, d_o=3) == rnn_and_output(7, 5, 3)
    shared = symcount.derive(OUTPUT_REUSES_W, read={"W": "shared"})
    assert shared.evaluate(d_x=7, d_h=5) == numel(nn.RNN(7, 5)) - 5 + 5  # W once, b_o the state's size


def test_a_pre_activation_beside_its_state_is_no_output_reusing_a_weight():
    text = "$u_t = W_{in} x_t + W z_{t-1} + b$\n\n$z_t = f(W_{in} x_t + W z_{t-1} + b)$\n"
    d = symcount.derive(text)  # (the same W z_{t-1} in both: no choice asked)
    assert "output's" not in notes(d)


def test_a_layer_count_documented_in_a_doc_comments_list_is_noted():
    text = ("/// ```text\n/// h' = tanh(W_ih @ x + b_ih + W_hh @ h + b_hh)\n/// ```\n///\n"
            "/// * `num_layers` — number of stacked RNN layers (must be >= 1).\n")
    d = symcount.derive(text)
    assert "num_layers at <input>:5:8 is a number of stacked layers" in notes(d)
    stacked = symcount.derive(text, layers=2)
    assert stacked.evaluate(d_x=7, d_h=5) == numel(nn.RNN(7, 5, num_layers=2))


def test_indices_as_notes_write_them():
    from symcount.read.symbols import index_text
    assert index_text(r"^{\langle {t-1} \rangle}") == index_text(r"^{\langle t-1 \rangle}")
    assert index_text(r"_{x\overrightarrow{\text{h}}}") == index_text(r"_{x\overrightarrow{h}}")


def test_a_calligraphic_letter_applied_with_parentheses_is_an_activation():
    text = (r"$$\overrightarrow{h}_t = \mathcal{H}(W_{x\overrightarrow{\text{h}}} x_t + "
            r"W_{\overrightarrow{\text{h}}\overrightarrow{\text{h}}} \overrightarrow{h}_{t-1} + b_{\overrightarrow{h}})$$")
    d = symcount.derive(text)
    assert d.evaluate(d_x=7, d_hfw=5) == numel(nn.RNN(7, 5)) - 5
    assert "\\mathcal{H}(...) at" in notes(d)


def test_a_sans_serif_text_font_is_a_font():
    text = ("$$z_t = \\sigma(W_z x_t + U_z h_{t-1})$$\n$$\\mathbf{g}_t = \\tanh(W_g x_t + U_g (z_t \\odot h_{t-1}))$$\n"
            "$$h_t = z_t \\odot h_{t-1} + (1 - z_t) \\odot \\textsf{g}_t$$\n")
    d = symcount.derive(text)
    assert d.evaluate(d_x=7, d_h=5) == 2 * numel(nn.RNN(7, 5, bias=False))


def test_names_of_two_letters_at_a_step_in_a_comment():
    text = (" *    hh(t) = act(ww_hh * hh(t-1) + ww_xh*x(t) + b_h)  // state\n"
            " *    a(t) = out(ww_ha * hh(t) + b_a) // output\n")
    d = symcount.derive(text)
    dims = {str(s) for s in d.counts.dims}
    h = next(s for s in dims if "h" in s)
    a = next(s for s in dims if "a" in s and s != h)
    x = next(s for s in dims if s not in (h, a))
    assert d.evaluate(**{x: 7, h: 5, a: 3}) == rnn_and_output(7, 5, 3)


TIMED_BIASES = r"""$$
h(t) = f \left( W_h x(t) + U_h (r(t) \odot h(t-1)) + b_h(t) \right)
$$
$$
r(t) = \sigma(W_r x(t) + U_r h(t-1) + b_r(t))
$$
"""


def test_gate_biases_written_at_a_step_and_f_before_left_paren():
    d = symcount.derive(TIMED_BIASES)
    assert d.evaluate(d_x=7, d_h=5) == 2 * (numel(nn.RNN(7, 5)) - 5)  # one bias each, f an activation
    assert "f(...) at" in notes(d) and "read as a bias" in notes(d)


def test_a_bias_named_at_a_step_and_multiplied_is_refused():
    with pytest.raises(SymcountError) as e:
        symcount.derive(TIMED_BIASES.replace("h(t-1)) + b_h(t)", "h(t-1)) b_h(t)"))
    assert "is named like the biases b_{r,t}, which are only ever added, but it is multiplied" in str(e.value)


def test_environment_names_with_spaces_as_a_decoded_address_leaves_them():
    text = ("![f](https://www.zhihu.com/equation?tex=%5Cbegin%7Baligned%7D+h_t+%3D+%5Ctanh%28W_%7Bhx%7D+x_t+%2B+"
            "W_%7Bhh%7D+h_%7Bt-1%7D+%2B+b%29+%5Cend%7Baligned%7D)\n")
    d = symcount.derive(text)
    assert d.evaluate(d_x=7, d_h=5) == numel(nn.RNN(7, 5)) - 5


def test_a_sequence_written_out_with_its_set_is_prose():
    text = (r"The series is ${X}=\left(\boldsymbol{x}_{t_0}, \ldots, \boldsymbol{x}_{t_{n-1}}\right)^{\top} \in "
            r"\mathbb{R}^{n \times d}$." "\n\n" r"$$h_t = \tanh(W x_t + U h_{t-1} + b)$$" "\n")
    d = symcount.derive(text)
    assert d.evaluate(d_x=7, d_h=5) == numel(nn.RNN(7, 5)) - 5


def test_windows_line_ends_read_as_any_others():
    text = ("/**\n * Equations applied for forward operation:<br>\n *     z = sigmoid(Wz * x + Uz * out(t-1) + bz) → Update gate<br>\n"
            " *     h = tanh(Wh * x + Uh * out(t-1) * z + bh) → Input activation<br>\n"
            " *     s = (1 - z) x h + z x out(t-1) → Internal state<br>\n */\n")
    d, crlf = symcount.derive(text), symcount.derive(text.replace("\n", "\r\n"))
    assert crlf.counts.total == d.counts.total and crlf.counts.dims == d.counts.dims
    with pytest.raises(SymcountError) as e:
        symcount.derive("$$h_t = \\tanh(W x_t +$$\r\n")
    assert ":1:" in str(e.value)  # (the line as the user numbers it)


STATE_AS_A = r"""$$F_t = \sigma(W_{fa} a_{t-1} + W_{fx} x_t + b_f)$$
$$\tilde{c}_t = \tanh(W_{ca} a_{t-1} + W_{cx} x_t + b_c)$$
$$c_t = F_t \odot c_{t-1} + (1 - F_t) \odot \tilde{c}_t$$
$$h_t = \tanh(c_t)$$
"""


def test_a_signal_read_only_at_the_step_before_beside_an_unread_output_is_a_choice():
    with pytest.raises(SymcountError) as e:
        symcount.derive(STATE_AS_A)
    assert "a is h under another letter (the state), or an input of its own" in str(e.value)
    d = symcount.derive(STATE_AS_A, read={"a": "state"})
    assert d.evaluate(d_x=7, d_h=5) == 2 * numel(nn.RNN(7, 5)) - 2 * 5  # two gates, one bias each
    assert "reads as h at the step before" in notes(d)


def test_a_snake_named_function_in_latex_is_an_activation():
    text = r"$$A=f(x_t, h_{t-1})=active\_func(W_{hx}x_t+W_{hh}h_{t-1}+b)$$" "\n"
    d = symcount.derive(text)
    assert d.evaluate(d_x=7, d_A=5, d_h=5) == numel(nn.RNN(7, 5)) - 5  # (A and h are not tied here: each its own size)
    assert "active(...) at" in notes(d) and not any(p.name.startswith("active") for p in d.shapes.params)


def test_a_braced_subscript_without_its_underscore_is_the_subscript():
    text = (r"$z_t = \sigma(W_{xz} x_t + W_{hz} h_{t-1})$" "\n" r"$\tilde{h}_t = \tanh(W{xh}\, x_t + W_{hh} (z_t \odot h_{t-1}))$" "\n"
            r"$h_t = (1 - z_t) \odot h_{t-1} + z_t \odot \tilde{h}_t$" "\n")
    d = symcount.derive(text)
    assert d.evaluate(d_x=7, d_h=5) == 2 * numel(nn.RNN(7, 5, bias=False))  # x and h kept apart, W{xh} is W_{xh}
    assert "reads as W_{xh}: a subscript written without its underscore" in notes(d)
