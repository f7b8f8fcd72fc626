"""Issue 17, eleventh round: a signal defined again alike (a summary after the steps), or again with a
signal it names written out (C_t = f_t C_{t-1} + i_t \\tanh(...) beside \\tilde{C}_t = \\tanh(...)), is
one definition, not a choice; a standard cell the text contrasts with ("In a standard RNN, ...") is set
aside; a command named for an elementwise product (\\ewprod). Counts against torch modules."""
from __future__ import annotations

import os

import pytest

import symcount

torch = pytest.importorskip("torch") if not os.environ.get("CI") else __import__("torch")
nn = torch.nn


def n_params(module) -> int:
    return sum(p.numel() for p in module.parameters())


class ConcatLSTM(nn.Module):
    """Four gates, each one weight over [h; x] and one bias."""

    def __init__(self, x: int, h: int) -> None:
        super().__init__()
        self.gates = nn.ModuleList(nn.Linear(x + h, h) for _ in range(4))

    def forward(self, x, h, c):
        f, i, g, o = (m(torch.cat([h, x], -1)) for m in self.gates)
        c = torch.sigmoid(f) * c + torch.sigmoid(i) * torch.tanh(g)
        return torch.sigmoid(o) * torch.tanh(c), c


class IndRNN(nn.Module):
    """h_t = sigma(W x_t + u * h_{t-1}): a full input weight, an elementwise recurrent vector, no bias."""

    def __init__(self, x: int, h: int) -> None:
        super().__init__()
        self.W = nn.Linear(x, h, bias=False)
        self.u = nn.Parameter(torch.zeros(h))

    def forward(self, x, h):
        return torch.sigmoid(self.W(x) + self.u * h)


def _lstm_matches(d, x=7, h=5):
    m = ConcatLSTM(x, h)
    assert m(torch.zeros(1, x), torch.zeros(1, h), torch.zeros(1, h))[0].shape == (1, h)
    assert d.evaluate(d_x=x, d_h=h) == n_params(m)


STEPS = r"""
$$f_t = \sigma(W_f \cdot [h_{t-1}, x_t] + b_f)$$

$$i_t = \sigma(W_i \cdot [h_{t-1}, x_t] + b_i)$$

$$\tilde{C}_t = \tanh(W_C \cdot [h_{t-1}, x_t] + b_C)$$

$$C_t = f_t \odot C_{t-1} + i_t \odot \tilde{C}_t$$

$$o_t = \sigma(W_o \cdot [h_{t-1}, x_t] + b_o)$$

$$h_t = o_t \odot \tanh(C_t)$$

The whole system:

$$\begin{aligned}
f_t &= \sigma(W_f \cdot [h_{t-1}, x_t] + b_f) \\
i_t &= \sigma(W_i \cdot [h_{t-1}, x_t] + b_i) \\
o_t &= \sigma(W_o \cdot [h_{t-1}, x_t] + b_o) \\
\tilde{C}_t &= \tanh(W_C \cdot [h_{t-1}, x_t] + b_C) \\
C_t &= f_t \odot C_{t-1} + i_t \odot \tilde{C}_t \\
h_t &= o_t \odot \tanh(C_t)
\end{aligned}$$
"""


def test_a_summary_that_repeats_the_steps_is_one_definition_each():
    d = symcount.derive(STEPS)
    _lstm_matches(d)
    assert not any("defined 2 times" in n for n in d.shapes.notes)


def test_the_same_equation_written_three_times_is_still_one_cell():
    d = symcount.derive(STEPS + "\n\nAgain:\n\n$$h_t = o_t \\odot \\tanh(C_t)$$\n")
    _lstm_matches(d)


def test_a_definition_that_writes_out_a_named_signal_is_the_same_definition():
    text = r"""
- Forget: `f_t = σ(W_f * [h_{t-1}, x_t] + b_f)`
- Input: `i_t = σ(W_i * [h_{t-1}, x_t] + b_i)`
- Output: `o_t = σ(W_o * [h_{t-1}, x_t] + b_o)`
- Cell: `C_t = f_t ⊙ C_{t-1} + i_t ⊙ tanh(W_C * [h_{t-1}, x_t] + b_C)`
- Hidden: `h_t = o_t ⊙ tanh(C_t)`

Formulation:

```
f_t = σ(W_f * [h_{t-1}, x_t] + b_f)
i_t = σ(W_i * [h_{t-1}, x_t] + b_i)
o_t = σ(W_o * [h_{t-1}, x_t] + b_o)
C̃_t = tanh(W_C * [h_{t-1}, x_t] + b_C)
C_t = f_t ⊙ C_{t-1} + i_t ⊙ C̃_t
h_t = o_t ⊙ tanh(C_t)
```
"""
    _lstm_matches(symcount.derive(text))


def test_definitions_that_differ_are_still_a_choice_and_refused_when_counts_differ():
    text = STEPS + r"""

With peepholes instead:

$$\begin{aligned}
f_t &= \sigma(W_f \cdot [h_{t-1}, x_t] + p_f \odot C_{t-1} + b_f) \\
i_t &= \sigma(W_i \cdot [h_{t-1}, x_t] + b_i)
\end{aligned}$$
"""
    with pytest.raises(symcount.SymcountError, match="readings with different counts"):
        symcount.derive(text)


CONTRAST = r"""
In a standard RNN, the recurrent connection uses a full weight matrix $\mathbf{W}_{hh}$:

$$
\mathbf{h}_t = \sigma(\mathbf{W}_{xh}\mathbf{x}_t + \mathbf{W}_{hh}\mathbf{h}_{t-1} + \mathbf{b}_h).
$$

In IndRNN, the recurrent weight is replaced by a **vector** $\mathbf{u}$ that acts element-wise:

$$
\mathbf{h}_t = \sigma(\mathbf{W}_{xh}\mathbf{x}_t + \mathbf{u} \odot \mathbf{h}_{t-1}), \tag{1}
$$
"""


def test_the_standard_cell_a_text_contrasts_with_is_set_aside_with_a_note():
    d = symcount.derive(CONTRAST)
    m = IndRNN(7, 5)
    assert m(torch.zeros(1, 7), torch.zeros(1, 5)).shape == (1, 5)
    assert d.evaluate(d_x=7, d_h=5) == n_params(m)
    assert any("standard cell" in n and "<input>:5:1" in n for n in d.shapes.notes)


def test_without_the_contrasting_words_the_two_cells_are_refused():
    with pytest.raises(symcount.SymcountError, match="readings with different counts"):
        symcount.derive(CONTRAST.replace("In a standard RNN, the", "The"))


def test_the_later_definition_is_kept_only_when_it_is_not_itself_the_standard_one():
    # both definitions follow words naming a standard cell: nothing says which is the text's own
    text = CONTRAST.replace("In IndRNN, the", "Unlike a standard RNN, the")
    with pytest.raises(symcount.SymcountError, match="readings with different counts"):
        symcount.derive(text)


@pytest.mark.parametrize("command", ["ewprod", "hadamard", "elemmul"])
def test_an_undefined_command_named_for_an_elementwise_product(command):
    text = (r"\begin{align}" "\n"
            r"f_t &= \sigma(W_f x_t + U_f h_{t-1} + b_f) \\" "\n"
            r"i_t &= \sigma(W_i x_t + U_i h_{t-1} + b_i) \\" "\n"
            r"o_t &= \sigma(W_o x_t + U_o h_{t-1} + b_o) \\" "\n"
            r"g_t &= \tanh(W_g x_t + U_g h_{t-1} + b_g) \\" "\n"
            rf"c_t &= f_t \{command} c_{{t-1}} + i_t \{command} g_t \\" "\n"
            rf"h_t &= o_t \{command} \tanh(c_t)" "\n"
            r"\end{align}")
    d = symcount.derive(text)
    _lstm_matches(d)  # one weight per gate over x and one over h: the count of one over [h; x]
    assert any(f"\\{command}" in n and "\\odot" in n for n in d.shapes.notes)


class GRU(nn.Module):
    """A GRU with one bias per gate and a second bias on the candidate's recurrent term (ONNX's layout)."""

    def __init__(self, x: int, h: int) -> None:
        super().__init__()
        self.W = nn.ModuleList(nn.Linear(x, h, bias=k < 2) for k in range(3))
        self.R = nn.ModuleList(nn.Linear(h, h, bias=False) for _ in range(3))
        self.Wb_h = nn.Parameter(torch.zeros(h))
        self.Rb_h = nn.Parameter(torch.zeros(h))

    def forward(self, x, h):
        r = torch.sigmoid(self.W[0](x) + self.R[0](h))
        u = torch.sigmoid(self.W[1](x) + self.R[1](h))
        n = torch.tanh(self.W[2](x) + r * (self.R[2](h) + self.Rb_h) + self.Wb_h)
        return u * h + (1 - u) * n


ONNX_LIKE = """Per ONNX GRU spec, equations:
- r_t = sigmoid(W_ir @ x_t + R_ir @ h_{t-1} + b_r)  # reset gate
- u_t = sigmoid(W_iu @ x_t + R_iu @ h_{t-1} + b_u)  # update gate
        - Candidate depends on linear_before_reset:
            * lbr=1: h'_t = tanh(W_ih @ x_t + r_t * (R_ih @ h_{t-1} + Rb_h) + Wb_h)
            * lbr=0: h'_t = tanh(W_ih @ x_t + R_ih @ (r_t * h_{t-1}) + Wb_h + Rb_h)
- h_t = u_t * h_{t-1} + (1 - u_t) * h'_t
"""


def test_variants_labelled_by_their_option_and_names_glued_to_their_subscript():
    d = symcount.derive(ONNX_LIKE)
    m = GRU(7, 5)
    assert m(torch.zeros(1, 7), torch.zeros(1, 5)).shape == (1, 5)
    assert d.evaluate(d_x=7, d_h=5) == n_params(m)
    assert {"Wb_h", "Rb_h"} <= {p.name for p in d.parameters}
    assert any("every reading" in n for n in d.shapes.notes)  # the two variants: one count


def test_variants_without_their_option_labels_are_one_block_written_twice():
    with pytest.raises(symcount.SymcountError):
        symcount.derive(ONNX_LIKE.replace("* lbr=1: ", "* ").replace("* lbr=0: ", "* "))


class CIFG(nn.Module):
    """Coupled input and forget gates over v = [x, h], peepholes as vectors."""

    def __init__(self, x: int, h: int) -> None:
        super().__init__()
        self.W2, self.W0, self.W3 = (nn.Linear(x + h, h) for _ in range(3))
        self.p1, self.p2 = nn.Parameter(torch.zeros(h)), nn.Parameter(torch.zeros(h))

    def forward(self, x, h, c):
        v = torch.cat([x, h], -1)
        f = torch.sigmoid(self.W2(v) + c * self.p1)
        c = c * f + torch.tanh(self.W0(v)) * (1 - f)
        o = torch.sigmoid(self.W3(v) + c * self.p2)
        return torch.tanh(c) * o, c


def test_star_after_a_signal_is_elementwise_where_matrix_products_are_written_side_by_side():
    text = """Step:
    v = [ x_t, h_{t-1} ]
    f_t = sigmoid( v W2 + b2 + c_{t-1} * p1)
    g_t = tanh( v W0 + b0 )
    c_t = c_{t-1} * f_t + g_t * (1 - f_t)
    o_t = sigmoid( v W3 + b3 + c_t * p2)
    h_t = tanh(c_t) * o_t
"""
    d = symcount.derive(text)
    m = CIFG(7, 5)
    assert m(torch.zeros(1, 7), torch.zeros(1, 5), torch.zeros(1, 5))[0].shape == (1, 5)
    assert d.evaluate(d_x=7, d_h=5) == n_params(m)
    assert any("side by side" in n for n in d.shapes.notes)


def test_star_after_a_signal_stays_undecided_without_products_side_by_side():
    text = "f_t = sigmoid(x_t * W_f + h_{t-1} * U_f + b_f)\nh_t = f_t * h_{t-1}\n"
    with pytest.raises(symcount.SymcountError, match="cannot tell what"):
        symcount.derive(text)


def test_a_numbered_code_line_in_a_docstring_is_read_and_a_numbered_weight_with_the_step_is_a_choice():
    text = '''class SSRU:
    """
    Formally described as:

    (1) f[t] = sigmoid(W1[t] * x[t] + b[t])
    (2) c[t] = f[t] . c[t-1] + (1 - f[t]) . W2[t] * x[t]
    (3) h = ReLU(c[t])
    """
'''
    with pytest.raises(symcount.SymcountError) as err:
        symcount.derive(text)
    assert "W_{1,t}: a weight" in str(err.value)  # read (no "no equations found"), and W1[t] left open


def test_a_small_letter_and_a_digit_in_plain_text_is_one_name():
    # b1 and b2 were read as b times 1 and b times 2: one bias where the text writes two
    d = symcount.derive("h_t = tanh(W1 x_t + W2 h_{t-1} + b1 + b2)\n")
    assert {p.name for p in d.parameters} == {"W_1", "W_2", "b_1", "b_2"}
    m = nn.RNNCell(7, 5)
    assert m(torch.zeros(1, 7)).shape == (1, 5)
    assert d.evaluate(d_x=7, d_h=5) == n_params(m)


LSTM_TEXT = r"""The cell:

$$\begin{aligned}
f_t &= \sigma(W_f [h_{t-1}, x_t] + b_f) \\
i_t &= \sigma(W_i [h_{t-1}, x_t] + b_i) \\
\tilde{c}_t &= \tanh(W_c [h_{t-1}, x_t] + b_c) \\
c_t &= f_t \odot c_{t-1} + i_t \odot \tilde{c}_t \\
o_t &= \sigma(W_o [h_{t-1}, x_t] + b_o) \\
h_t &= o_t \odot \tanh(c_t)
\end{aligned}$$
"""


@pytest.mark.parametrize("prose", [
    r"The gradient of $c_t$ with respect to $c_{t-k}$ is $\prod_{j=t-k}^{t-1} f_j$, which stays near one.",
    r"Since $i_t = \exp(\tilde i_t)$ in the variant, $\log i_t = \tilde i_t \;\; \text{holds}$ at once.",
    r"The Jacobian $\partial c_t / \partial c_{t-1} = \operatorname{diag}(f_t) \,\,$ is diagonal.",
])
def test_math_in_running_text_that_states_a_property_is_set_aside_with_a_note(prose):
    d = symcount.derive(LSTM_TEXT + "\n" + prose + "\n")
    _lstm_matches(d)
    assert any("is not read" in n for n in d.shapes.notes)


def test_math_in_running_text_that_defines_a_signal_the_cell_lacks_stays_an_error():
    text = LSTM_TEXT.replace(r"o_t &= \sigma(W_o [h_{t-1}, x_t] + b_o) \\" "\n", "") \
        + "\nThe output gate is $o_t = \\sigma(W_o [h_{t-1}, x_t] + b_o) \\implies$ it is.\n"
    with pytest.raises(symcount.SymcountError, match="cannot read the math"):
        symcount.derive(text)


def test_a_declaration_in_running_text_that_cannot_be_read_stays_an_error():
    with pytest.raises(symcount.SymcountError, match="cannot read the math"):
        symcount.derive(LSTM_TEXT + "\nwhere $h_t \\in \\mathbb{R}^{h} \\implies$ so on.\n")


def test_a_latex_product_command_in_a_comment_is_not_a_word_of_prose():
    # `o_t \times tanh(c_t)` was cut at `\times tanh`, read as two words of a sentence
    text = """/*
 * i_t = sigmoid(W^i x_t + U^i h_{t-1})
 * f_t = sigmoid(W^f x_t + U^f h_{t-1})
 * o_t = sigmoid(W^o x_t + U^o h_{t-1})
 * g_t = tanh(W^c x_t + U^c h_{t-1})
 * c_t = f_t \\times c_{t-1} + i_t \\times g_t
 * h_t = o_t \\times tanh(c_t)
 */
"""
    d = symcount.derive(text)
    m = nn.LSTM(7, 5, bias=False)
    assert d.evaluate(d_x=7, d_h=5) == n_params(m)


def test_latex_in_a_python_raw_string_and_the_strings_of_values_beside_it():
    text = r'''    equation(r"z_t = \sigma\big([x_t, h_{t-1}] W_z + b_z\big), \qquad r_t = \sigma\big([x_t, h_{t-1}] W_r + b_r\big)",
             [("z_t", "update: 0 = keep the old one, 1 = replace it")], title="gates")
    equation(r"\tilde h_t = \tanh\big([x_t,\; r_t \odot h_{t-1}]\, W_h + b_h\big), \qquad h_t = (1 - z_t) \odot h_{t-1} + z_t \odot \tilde h_t",
             [("h_t", "the state")], example="h_prev = 2, z = 0.25 -> h = 1.25")
'''
    d = symcount.derive(text)
    m = nn.GRUCell(7, 5)
    assert d.evaluate(d_x=7, d_h=5) == n_params(m) - 3 * 5  # one bias per gate


TABLE = r"""$$f_t = \sigma\left(W_f\,[h_{t-1}, x_t] + b_f\right)$$

$$i_t = \sigma\left(W_i\,[h_{t-1}, x_t] + b_i\right), \qquad \tilde{C}_t = \tanh\left(W_C\,[h_{t-1}, x_t] + b_C\right)$$

$$C_t = f_t \odot C_{t-1} + i_t \odot \tilde{C}_t$$

$$o_t = \sigma\left(W_o\,[h_{t-1}, x_t] + b_o\right), \qquad h_t = o_t \odot \tanh(C_t)$$

| Symbol | Read it as | What it means |
|---|---|---|
| $W_f, W_i, W_C, W_o$ | "W f", "W i" | Four separate weight matrices, each $(H,\ H{+}D)$. |
| $b_f, b_i, b_C, b_o$ | — | Four bias vectors, each $(H,)$ |
| $f_t, i_t, o_t$ | "f t" | Gate vectors, each in $(0,1)^H$ |
| $\sigma$ | "sigma" | squashes into $(0, 1)$ |
"""


def test_a_table_row_of_symbols_says_their_shape_in_words():
    d = symcount.derive(TABLE)
    assert set(d.dims.values()) == {"H", "D"}
    m = ConcatLSTM(7, 5)
    assert d.evaluate(D=7, H=5) == n_params(m)
    assert any("f_t" in n and "a vector of size H" in n for n in d.shapes.notes)


def test_a_row_with_two_shapes_says_none():
    text = TABLE.replace("each $(H,\\ H{+}D)$.", "each $(H,\\ H{+}D)$ or $(H, D)$.")
    d = symcount.derive(text)
    assert not any("W_f" in n and "matrix, as the prose says" in n for n in d.shapes.notes)


def test_a_lone_dollar_does_not_pair_the_rest_of_the_text_out_of_step():
    # `$> $C_{t+1}$` leaves one `$` over: inline math never runs over a paragraph's break
    text = r"""- The cell state is a conveyor belt:
    - $C_{t-1}$ ---------$C_t$---------$> $C_{t+1}$

- Forget gate: $f_t = σ(W_f [h_{t-1}, x_t] + b_f)$

- Input gate: $i_t = σ(W_i [h_{t-1}, x_t] + b_i)$, candidate $\tilde{C}_t = \tanh(W_C [h_{t-1}, x_t] + b_C)$

- Update: $C_t = f_t ⊙ C_{t-1} + i_t ⊙ \tilde{C}_t$

- Output: $o_t = σ(W_o [h_{t-1}, x_t] + b_o)$, $h_t = o_t ⊙ \tanh(C_t)$
"""
    _lstm_matches(symcount.derive(text))


def test_a_signal_read_at_t_in_the_other_case_of_a_defined_one():
    text = LSTM_TEXT.replace(r"h_t &= o_t \odot \tanh(c_t)", r"h_t &= o_t \odot \tanh(C_t)").replace(
        r"c_t &= f_t \odot c_{t-1}", r"C_t &= f_t \odot C_{t-1}").replace(r"h_t &= o_t \odot \tanh(C_t)", r"h_t &= o_t \odot \tanh(c_t)")
    assert r"\tanh(c_t)" in text and r"C_t &=" in text
    d = symcount.derive(text)
    _lstm_matches(d)
    assert any("c_t at" in n and "the other case" in n for n in d.shapes.notes)


def test_an_input_the_other_case_of_a_defined_signal_is_not_a_slip():
    text = r"""$$X_t = [h_{t-1}, x_t]$$
$$h_t = \tanh(W X_t + b)$$"""
    d = symcount.derive(text)
    assert d.evaluate(d_x=7, d_h=5) == n_params(nn.RNNCell(7, 5)) - 5


def test_a_gate_defined_under_a_slipped_letter_its_weights_name():
    text = r"""$$
\begin{aligned}
&c_t=\sigma(W_{ir}x_t+b_{ir}+W_{hr}h_{(t-1)}+b_{hr}) \\
&z_t=\sigma(W_{iz}x_t+b_{iz}+W_{hz}h_{(t-1)}+b_{hz}) \\
&n_{t}=\mathrm{tanh}(W_{in}x_{t}+b_{in}+r_{t}\odot(W_{hn}h_{(t-1)}+b_{hn})) \\
&h_t=(1-z_t)\odot n_t+z_t\odot h_{(t-1)}
\end{aligned}
$$"""
    d = symcount.derive(text)
    assert d.evaluate(d_x=7, d_h=5) == n_params(nn.GRUCell(7, 5))
    assert any("c_t at" in n and "is read as r_t" in n for n in d.shapes.notes)


def test_an_accented_signal_defined_under_a_slipped_letter():
    text = r"""- Update: $z_t = \sigma(W_zx_t + U_zh_{t-1})$
- Reset: $r_t = \sigma(W_rx_t + U_rh_{t-1})$
- New state: $\tilde{t}_t = \tanh(Wx_t + U(r_t \odot h_{t-1}))$
- Output: $h_t = (1-z_t) \odot h_{t-1} + z_t \odot \tilde{h}_t$
"""
    d = symcount.derive(text)
    assert d.evaluate(d_x=7, d_h=5) == n_params(nn.GRUCell(7, 5, bias=False))
    assert any("both are written with \\tilde" in n for n in d.shapes.notes)


def test_two_unused_definitions_leave_the_slip_unread():
    text = r"""$$c_t=\sigma(W_{ir}x_t+W_{hr}h_{t-1})$$
$$q_t=\sigma(W_{iq}x_t+W_{hq}h_{t-1})$$
$$h_t = r_t \odot h_{t-1} + \tanh(W x_t)$$"""
    with pytest.raises(symcount.SymcountError):
        symcount.derive(text)


def test_a_display_row_that_is_a_step_of_a_derivation_is_set_aside_and_the_rows_around_it_read():
    text = LSTM_TEXT.replace(r"h_t &= o_t \odot \tanh(c_t)", r"h_t &= o_t \odot \tanh(c_t) \\" "\n"
                             r"f_t \hat c_{t-1} &= \exp(\tilde f_t) \implies c_t")
    d = symcount.derive(text)
    _lstm_matches(d)
    assert any("no one name on its left side" in n for n in d.shapes.notes)


def test_a_display_row_that_goes_on_with_the_sum_before_it_is_never_set_aside():
    text = r"""$$ f_t = \sigma(W_f x_t + b_f) \\
h_t = \tanh(W x_t \implies \\
+ U h_{t-1}) $$"""
    with pytest.raises(symcount.SymcountError, match="cannot read the math"):
        symcount.derive(text)


def test_a_display_row_that_defines_a_signal_and_cannot_be_read_stays_an_error():
    text = LSTM_TEXT.replace(r"o_t &= \sigma(W_o [h_{t-1}, x_t] + b_o) \\",
                             r"o_t &= \sigma(W_o [h_{t-1}, x_t] + b_o) \implies \\")
    with pytest.raises(symcount.SymcountError, match="cannot read the math"):
        symcount.derive(text)


def test_a_gate_no_equation_computes_is_refused_when_multiplied_with_a_star_too():
    # `f_t * c_{t-1}` with no equation for f_t was read as a second input: a count without the forget gate
    text = """i_t = sigmoid(W_i x_t + U_i h_{t-1} + b_i)
o_t = sigmoid(W_o x_t + U_o h_{t-1} + b_o)
g_t = tanh(W_g x_t + U_g h_{t-1} + b_g)
c_t = f_t * c_{t-1} + i_t * g_t
h_t = o_t * tanh(c_t)
"""
    with pytest.raises(symcount.SymcountError, match="like a gate, but no equation computes it"):
        symcount.derive(text)


def test_a_plain_text_line_with_a_label_the_grammar_cannot_read_is_never_set_aside():
    text = """f-gate -> f_t = sigmoid(W_f x_t + U_f h_{t-1} + b_f)
i_t = sigmoid(W_i x_t + U_i h_{t-1} + b_i)
o_t = sigmoid(W_o x_t + U_o h_{t-1} + b_o)
g_t = tanh(W_g x_t + U_g h_{t-1} + b_g)
c_t = f_t * c_{t-1} + i_t * g_t
h_t = o_t * tanh(c_t)
"""
    try:
        d = symcount.derive(text)
    except symcount.SymcountError:
        return  # refused: never counted without the forget gate
    assert d.evaluate(d_x=7, d_h=5) == 4 * (7 * 5 + 5 * 5 + 5)


def test_a_matlab_script_writes_its_cell_in_comments_with_dotted_leaders_to_labels():
    text = """% notations
% h_t = tanh(W * h_t-1 + U * X_t + b) ... (a)
% O_t = V * h_t + c ..................... (b)
global RNN
RNN.m = 100;     % # hidden states
RNN.k = 20;      % # input == # output
RNN.b = zeros(RNN.m, 1);    % (a) bias vector
RNN.c = zeros(RNN.k, 1);    % (b) bias vector
"""
    d = symcount.derive(text)
    rnn, out = nn.RNNCell(7, 5), nn.Linear(5, 3)
    assert out(rnn(torch.zeros(1, 7))).shape == (1, 3)
    assert d.evaluate(d_X=7, d_h=5, d_O=3) == n_params(rnn) - 5 + n_params(out)  # one bias for h


def test_percent_lines_of_a_latex_text_stay_comments():
    text = "% h_t = tanh(W h_{t-1} + U x_t + V z_t + b)\n$$ h_t = \\tanh(W h_{t-1} + U x_t + b) $$\n"
    d = symcount.derive(text)
    assert {p.name for p in d.parameters} == {"W", "U", "b"}


def test_a_simple_rnn_recalled_before_the_cell_is_the_one_contrasted_with():
    text = CONTRAST.replace("In a standard RNN, the recurrent connection", "Recall, a simple RNN's recurrent connection")
    d = symcount.derive(text)
    assert d.evaluate(d_x=7, d_h=5) == n_params(IndRNN(7, 5))


HGRN = """```
i_t = sigmoid(W_i x_t + U_i h_{t-1} + b_i)     (input gate)
f_t = sigmoid(W_f x_t + U_f h_{t-1} + b_f) + f_min  (forget gate with lower bound)
v_t = W_v x_t
h_t = f_t ⊙ h_{t-1} + i_t ⊙ v_t
```
"""


class HGRNLike(nn.Module):
    def __init__(self, x: int, h: int) -> None:
        super().__init__()
        self.i, self.f = nn.Linear(x + h, h), nn.Linear(x + h, h)
        self.v = nn.Linear(x, h, bias=False)

    def forward(self, x, h):
        xh = torch.cat([x, h], -1)
        return (torch.sigmoid(self.f(xh)) + 0.5) * h + torch.sigmoid(self.i(xh)) * self.v(x)


def test_a_number_chosen_in_a_range_is_a_constant():
    d = symcount.derive(HGRN + "\n```\nf_min ∈ [0.5, 0.9]  (typical: 0.5)\n```\n")
    m = HGRNLike(7, 5)
    assert m(torch.zeros(1, 7), torch.zeros(1, 5)).shape == (1, 5)
    assert d.evaluate(d_x=7, d_h=5) == n_params(m)
    assert any("f_{min}" in n and "chosen in a range" in n for n in d.shapes.notes)


def test_without_its_range_the_added_term_is_counted_and_a_unit_range_is_a_gates_values():
    assert symcount.derive(HGRN).evaluate(d_x=7, d_h=5) == n_params(HGRNLike(7, 5)) + 5
    d = symcount.derive(HGRN + "\nwhere $f_t \\in (0, 1)$ and $i_t \\in [0, 1]$\n")
    assert d.evaluate(d_x=7, d_h=5) == n_params(HGRNLike(7, 5)) + 5


def test_a_prose_that_makes_the_state_space_parameters_input_dependent_is_refused():
    text = r"""A linear SSM represents hidden state $h_t$ and output $z_t$ as
\begin{equation}
h_t=\bar{A}h_{t-1}+\bar{B}x_t, \qquad z_t=Ch_t.
\end{equation}
Mamba makes state-transition parameters input-dependent, allowing information to be retained."""
    with pytest.raises(symcount.SymcountError, match="depend on the input"):
        symcount.derive(text)
    d = symcount.derive(text.replace("Mamba makes state-transition parameters input-dependent, allowing", "Allowing"))
    assert d.evaluate(d_x=7, d_h=5, d_z=3) == 25 + 35 + 15


def test_bracketed_remarks_after_a_comments_equations():
    text = """/**
 * i_t = σ(W_ii * x_t + b_ii + W_hi * h_{t-1} + b_hi)  [input gate]
 * f_t = σ(W_if * x_t + b_if + W_hf * h_{t-1} + b_hf)  [forget gate]
 * g_t = tanh(W_ig * x_t + b_ig + W_hg * h_{t-1} + b_hg)  [cell gate]
 * o_t = σ(W_io * x_t + b_io + W_ho * h_{t-1} + b_ho)  [output gate]
 * c_t = f_t ⊙ c_{t-1} + i_t ⊙ g_t  [cell state]
 * h_t = o_t ⊙ tanh(c_t)  [hidden state]
 */"""
    assert symcount.derive(text).evaluate(d_x=7, d_h=5) == n_params(nn.LSTM(7, 5))


def test_a_papers_own_bold_command_and_its_bold_one():
    text = r"""$$
\begin{cases}
\mathbf{r}_t &= \sigma(W_{vr}\bs{v}_t + W_{hr}\bs{h}_{t-1} + \bs{b}_r)\\
\mathbf{u}_t &= \sigma(W_{vu}\bs{v}_t + W_{hu}\bs{h}_{t-1} + \bs{b}_u) \\
\mathbf{c}_t &= \tanh(W_{vc}\bs{v}_t + W_{hc}(\bs{r}_t \odot \bs{h}_{t-1}) + \bs{b}_c) \\
\mathbf{h}_t &= \bs{u}_t \odot \bs{h}_{t-1} + (\bs{1} - \bs{u}_t) \odot \bs{c}_t
\end{cases}
$$
The representation of the question is the hidden vector at the last step, $\mathbf{q} := \bs{h}_T$."""
    d = symcount.derive(text)
    assert d.evaluate(d_v=7, d_h=5) == n_params(nn.GRUCell(7, 5)) - 15
    assert any("last step" in n for n in d.shapes.notes)


def test_katex_isin_and_a_label_column_and_a_subscripted_size():
    text = r"""$$H_t = \tanh(X_t W_{xh} + H_{t-1} W_{hh} + b_h)$$
- input $X_t \isin \Reals^{n\times d}$, weights $W_{xh} \isin \Reals^{d\times h}$"""
    d = symcount.derive(text)
    assert set(d.dims.values()) == {"d", "h"} and d.evaluate(d=7, h=5) == n_params(nn.RNNCell(7, 5)) - 5
    text = r"""\begin{align}
&z^t = \tanh(W_z x^t + R_z y^{t-1} + b_z) & \text{block input} \\
&y^t = z^t & \text{output}
\end{align}"""
    assert symcount.derive(text).evaluate(d_x=7, d_y=5) == n_params(nn.RNNCell(7, 5)) - 5
    d = symcount.derive("```\na[t] = σ(W_a x[t] + b_a) ∈ [0, 1]^d_rec\nh[t] = a[t] ⊙ h[t-1] + W_x x[t]\n```\n")
    assert d.evaluate(d_x=7, d_h=5) == 2 * 7 * 5 + 5  # (the range's size, d_rec, read: no error)


def test_a_remark_that_ends_with_an_operator_and_a_ticked_declaration():
    d = symcount.derive("h_t = sigma( W_in x_t + u ⊙ h_{t-1} ),   h_0 = 0  (elementwise ⊙)\n")
    assert d.evaluate(d_x=7, d_h=5) == 7 * 5 + 5
    d = symcount.derive("对输入 `x_t ∈ R^d`，计算：\n\n```\nh_t = tanh(W x_t + U h_{t-1})\n```\n")
    assert "d" in d.dims.values()


CS231N_STYLE = '''    def forward(self, x):
        """
        Run the forward pass for a single timestep of a vanilla RNN.

        Inputs:
        - x: Input data for this timestep, of shape (N, D).
        - prev_h: Hidden state from previous timestep, of shape (N, H)
        - Wx: Weight matrix for input-to-hidden connections, of shape (D, H)
        - Wh: Weight matrix for hidden-to-hidden connections, of shape (H, H)
        - b: Biases of shape (H,)
        """
        self.next_h = np.tanh(self.prev_h @ self.Wh + x @ self.Wx + self.b)
        return self.next_h
'''


def test_a_step_computed_in_one_line_of_code_with_its_docstrings_shapes():
    d = symcount.derive(CS231N_STYLE)
    assert set(d.dims.values()) == {"D", "H"}
    assert d.evaluate(D=7, H=5) == n_params(nn.RNNCell(7, 5)) - 5
    assert any("Wx at" in n and "D x H matrix" in n for n in d.shapes.notes)


def test_prev_and_next_before_a_name_are_its_steps():
    d = symcount.derive("    def step(x, prev_h):\n        next_h = np.tanh(prev_h @ Wh + x @ Wx + b)\n        return next_h\n")
    assert d.evaluate(d_x=7, d_h=5) == n_params(nn.RNNCell(7, 5)) - 5


def test_a_docstring_and_its_code_write_one_step_with_dots_as_products():
    text = """def rnn_step_fwd(x, prev_h, W_xh, W_hh, b_h):
    '''
    run forward pass for single timestep of a rnn model:
            h = tanh(x.W_xh + prev_h.W_hh + b_h)
    '''
    h = np.tanh(x.dot(W_xh) + prev_h.dot(W_hh) + b_h)
    cache = (x, prev_h, h, W_xh, W_hh)
    return h, cache
"""
    d = symcount.derive(text)
    assert d.evaluate(d_x=7, d_h=5) == n_params(nn.RNNCell(7, 5)) - 5


def test_a_field_of_a_struct_stays_a_field_and_a_transpose_stays_a_transpose():
    d = symcount.derive("h_t = tanh(p.W_xh x_t + p.W_hh h_{t-1} + p.b_h)\n")
    assert {p.name for p in d.parameters} == {"W_{xh}", "W_{hh}", "b_h"}
    d = symcount.derive("h_t = tanh(x_t @ W.T + h_{t-1} @ U.T + b)\n")
    assert d.evaluate(d_x=7, d_h=5) == n_params(nn.RNNCell(7, 5)) - 5


def test_a_tilde_glued_to_its_step_in_flat_text():
    text = """```
ft = σ(Wf·[ht-1, xt] + bf)
it = σ(Wi·[ht-1, xt] + bi)
C̃t = tanh(WC·[ht-1, xt] + bC)
Ct = ft * Ct-1 + it * C̃t
ot = σ(Wo·[ht-1, xt] + bo)
ht = ot * tanh(Ct)
```"""
    _lstm_matches(symcount.derive(text))


def test_tanh_written_as_a_word_before_its_operand():
    text = r"""$$\tilde{C}^{<t>} = tanh(W_c[a^{<t-1>}, x^{<t>}] + b_c)$$
$$\Gamma_u = \sigma(W_u[a^{<t-1>}, x^{<t>}] + b_u)$$
$$\Gamma_f = \sigma(W_f[a^{<t-1>}, x^{<t>}] + b_f)$$
$$\Gamma_o = \sigma(W_o[a^{<t-1>}, x^{<t>}] + b_o)$$
$$C^{<t>} = \Gamma_u \times \tilde{C}^{<t>} + \Gamma_f \times C^{<t-1>}$$
$$a^{<t>} = \Gamma_o \times tanh C^{<t>}$$"""
    d = symcount.derive(text)
    assert d.evaluate(d_x=7, d_a=5) == n_params(ConcatLSTM(7, 5))


def test_a_superscript_step_n_with_a_thin_space_is_the_step_not_a_layer():
    text = r"""\begin{align*}
\vec{g}^{\,n} &= \sigma\left(\vec{x}^{\,n} U_g + \vec{b}_g\right) \\
\vec{\tilde{h}}^{\,n} &= \vec{x}^{\,n} U + \vec{b} \\
\vec{h}^{\,n} &= \vec{g}^{\,n} \odot \vec{\tilde{h}}^{\,n} + \left(1 - \vec{g}^{\,n}\right) \odot \vec{h}^{\,n-1}
\end{align*}"""
    d = symcount.derive(text)
    assert d.evaluate(d_x=7, d_h=5) == 2 * (7 * 5 + 5)
    assert not any("layer below" in n for n in d.shapes.notes)
    d = symcount.derive(r"$$h_t^{(l)} = \tanh(W^{(l)} h_t^{(l-1)} + U^{(l)} h_{t-1}^{(l)})$$")
    assert any("layer below" in n for n in d.shapes.notes)


def test_a_docs_sites_math_component_and_entities_beyond_the_basic_plane():
    text = """<p>SRU removes the dependency on h<sub>t&#8722;1</sub> from gate computation:</p>
<MathBlock tex="\\\\tilde{x}_t = \\\\mathbf{W} x_t,\\\\quad f_t = \\\\sigma(W_f x_t + b_f),\\\\quad r_t = \\\\sigma(W_r x_t + b_r)" />
<MathBlock tex="c_t = f_t \\\\odot c_{t-1} + (1 - f_t) \\\\odot \\\\tilde{x}_t,\\\\quad h_t = r_t \\\\odot g(c_t) + (1 - r_t) \\\\odot x_t" />
<p>Only c<sub>t</sub> = f<sub>t</sub>&#183;c<sub>t&#8722;1</sub> + (1&#8722;f<sub>t</sub>)&#183;&#x1D7DC;<sub>t</sub> is sequential.</p>
""".replace("\\\\\\\\", "\\\\")
    d = symcount.derive(text)
    assert d.evaluate(d_c=5) == 3 * 25 + 2 * 5
    from symcount.read.webmath import html_math
    assert html_math("a&#x1D7DC;b") == "a" + chr(0x1D7DC) + " " * 8 + "b"


def test_an_equation_of_another_cell_in_a_sentence_that_contrasts_is_set_aside():
    text = """- Introduces a separate memory cell (`cₜ`) and hidden state (`aₜ`), unlike GRU where `aₜ = cₜ`.

- Forget: `γ_f = σ(W_f [aₜ₋₁, xₜ] + b_f)`
- Update: `γ_u = σ(W_u [aₜ₋₁, xₜ] + b_u)`
- Candidate: `c̃ₜ = tanh(W_c [aₜ₋₁, xₜ] + b_c)`
- Cell: `cₜ = γ_u ⊙ c̃ₜ + γ_f ⊙ cₜ₋₁`
- Output: `γ_o = σ(W_o [aₜ₋₁, xₜ] + b_o)`
- Hidden: `aₜ = γ_o ⊙ tanh(cₜ)`
"""
    d = symcount.derive(text)
    assert d.evaluate(d_x=7, d_a=5) == n_params(ConcatLSTM(7, 5))


SPLIT = """/// gates = x_t @ W_ih^T + h_{t-1} @ W_hh^T + b_ih + b_hh
/// i_t, f_t, g_t, o_t = split(gates, 4)
/// i_t = σ(i_t), f_t = σ(f_t), g_t = tanh(g_t), o_t = σ(o_t)
/// c_t = f_t ⊙ c_{t-1} + i_t ⊙ g_t
/// h_t = o_t ⊙ tanh(c_t)
"""


def test_gates_split_into_equal_pieces_then_activated_in_place():
    d = symcount.derive(SPLIT)
    assert d.evaluate(d_x=7, d_h=5) == n_params(nn.LSTM(7, 5))
    assert any("update" in n for n in d.shapes.notes)


def test_a_split_whose_count_disagrees_with_its_names_is_not_read_as_one():
    d = symcount.derive(SPLIT.replace("split(gates, 4)", "split(gates, 3)"))
    assert any("signature" in n for n in d.shapes.notes)  # (not the pieces of gates: its size stays its own)
    assert "d_gates" in str(d.total)


def test_a_continuous_time_definition_that_cannot_be_read_is_never_set_aside():
    text = LSTM_TEXT + "\nThe state also follows $$\\frac{d m}{dt} = -m + W_m x_t \\implies$$\n"
    with pytest.raises(symcount.SymcountError, match="cannot read the math"):
        symcount.derive(text)
