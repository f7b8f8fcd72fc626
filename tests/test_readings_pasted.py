"""Notations that issue 17's work on the fourth set-aside corpus found unread (each general, not one
snippet's): text that lost its subscripts in a copy (`St-1`), a notation list naming `Wi`, a primed
or activated line of plain text with no time index, `h(t)`, continuous time (`dx/dt`, `\\dot{x}`,
`x'(t)`), `\\oplus` read both ways, `\\mbox{g}(...)`, an empty `\\text{}`, a function restated with
its definition, a block whose opening was lost, Go's `//` comments, numpy's `.T`, a loss. The counts
are checked against torch modules; what the text leaves open is refused."""
from __future__ import annotations

import os

import pytest

import symcount

torch = pytest.importorskip("torch") if not os.environ.get("CI") else __import__("torch")
nn = torch.nn


def n_params(module) -> int:
    return sum(p.numel() for p in module.parameters())


class StateSpace(nn.Module):
    """x' = A x + B u, y = C x + D u: four matrices."""

    def __init__(self, n: int, m: int, p: int) -> None:
        super().__init__()
        self.A, self.B = nn.Parameter(torch.zeros(n, n)), nn.Parameter(torch.zeros(n, m))
        self.C, self.D = nn.Parameter(torch.zeros(p, n)), nn.Parameter(torch.zeros(p, m))


FLAT = """An RNN can be written as a recurrence relation:
St = f(St-1, Xt)
Here f can be any differentiable function. For example, a basic RNN is defined by:
St = tanh(St-1 * W + Xt * U)
"""


def test_text_that_lost_its_subscripts_and_the_prose_calling_a_weight_a_matrix():
    """`St-1` shows the step: St, Xt are S and X at t; "W defines a linear transformation" makes `*`
    after a signal a row vector times a matrix, and the same `*` in the same sum reads alike."""
    d = symcount.derive(FLAT + "Here W defines a linear transformation from state to state.\n")
    assert d.evaluate(d_X=7, d_S=5) == n_params(nn.RNNCell(7, 5, bias=False))
    with pytest.raises(symcount.SymcountError, match=r"cannot tell what \* means"):
        symcount.derive(FLAT)  # nothing says what * is: a matrix product, or elementwise


ONNX = """Notations:

`X` - input tensor

`Wi` - W parameter weight matrix for input gate

`Ri` - R recurrence weight matrix for input gate

`Wbi` - W parameter bias vector for input gate

`Rbi` - R parameter bias vector for input gate

Equations (Default: f=Tanh):

  - Ht = f(Xt*(Wi^T) + Ht-1*(Ri^T) + Wbi + Rbi)
"""


def test_names_a_notation_list_defines_are_one_name_each():
    d = symcount.derive(ONNX)
    assert {p.name for p in d.parameters} == {"W_i", "R_i", "W_{bi}", "R_{bi}"}
    assert d.evaluate(d_X=7, d_H=5) == n_params(nn.RNNCell(7, 5))


@pytest.mark.parametrize("text", [
    "/// A single RNN cell.\n///\n/// h' = tanh(W_ih * x + b_ih + W_hh * h + b_hh)\npub struct RNNCell {\n",
    "\\[\\text{RNNCell}(x, h) = \\text{tanh}(W_{ih} \\, x + b_{ih} + W_{hh} \\, h + b_{hh})\\]\n",
])
def test_a_primed_plain_line_and_a_left_side_calling_the_cell(text):
    assert symcount.derive(text).evaluate(d_x=7, d_h=5) == n_params(nn.RNNCell(7, 5))


def test_a_time_in_parentheses_a_bullet_and_a_non_breaking_hyphen():
    text = ("At time step t:\n\n  • h(t) = f(Wxh * x(t) + Whh * h(t\u20111) + b)\n  • y(t) = g(Why * h(t) + c)\n\n"
            "Where:\n\n  • f and g are activation functions.\n")
    d = symcount.derive(text)
    assert d.evaluate(d_x=7, d_h=5, d_y=3) == n_params(nn.RNNCell(7, 5)) - 5 + n_params(nn.Linear(5, 3))


@pytest.mark.parametrize("left", [r"\frac{dx}{dt}", r"\dot{x}(t)", r"x'(t)", r"\frac{d x(t)}{d t}"])
def test_a_state_space_in_continuous_time(left):
    text = (r"$x(t) \in \mathbb{R}^N$, $u(t) \in \mathbb{R}^M$, $y(t) \in \mathbb{R}^P$" + "\n"
            f"$$ {left} = A x(t) + B u(t) $$\n$$ y(t) = C x(t) + D u(t) $$\n")
    d = symcount.derive(text)
    assert d.evaluate(N=4, M=3, P=2) == n_params(StateSpace(4, 3, 2))
    assert any("derivative of x" in n for n in d.shapes.notes)


def test_a_derivative_in_plain_text():
    text = ("dx/dt = A x(t) + B u(t)           (state equation)\ny(t) = C x(t) + D u(t)            (output)\n\n"
            "Where:\n  x(t) ∈ ℝ^N           (hidden state)\n  u(t) ∈ ℝ             (input)\n"
            "  y(t) ∈ ℝ             (output)\n")
    assert symcount.derive(text).evaluate(N=4) == n_params(StateSpace(4, 1, 1))


def test_oplus_is_read_both_ways():
    """W (x_t ⊕ h_{t-1}) is a concatenation or an elementwise operation: counts differ, refused with
    both options; where the concatenation's shapes do not agree (SRU's gate products), elementwise."""
    text = r"$$h_t = \tanh(W (x_t \oplus h_{t-1}) + b)$$"
    with pytest.raises(symcount.SymcountError) as exc:
        symcount.derive(text)
    assert "--read '\\oplus=elementwise'" in str(exc.value) and "--read '\\oplus=concatenation'" in str(exc.value)
    d = symcount.derive(text, read={"\\oplus": "concatenation"})
    assert d.evaluate(d_x=7, d_h=5) == n_params(nn.RNNCell(7, 5)) - 5
    sru = (r"$$f_t = \sigma(W_f x_t + b_f) \\ c_t = f_t \oplus c_{t-1} + (1 - f_t) \oplus x_t \\"
           r" h_t = \mbox{g}(c_t)$$")
    d = symcount.derive(sru)
    assert d.evaluate(**{d.known_dims[0]: 6}) == n_params(nn.Linear(6, 6))


def test_an_empty_text_label_and_an_equation_ended_by_a_clause():
    text = (r"$$\begin{align} r_t &= \sigma(W_a x_t + b_a), & \text{} \\ h_t &= r_t \odot h_{t-1} + x_t. & \text{}"
            r"\end{align}$$")
    assert symcount.derive(text).evaluate(d_h=6) == 42
    plain = "The vanilla RNN computes h_t = φ(W_hh h_{t-1} + W_xh x_t + b_h), where φ is an elementwise\n"
    assert symcount.derive(plain).evaluate(d_x=7, d_h=5) == n_params(nn.RNNCell(7, 5)) - 5


def test_a_function_restated_with_its_definition_goes_on():
    text = (r"The model maps its input through $$\mathbf{z}_t=\Phi(\mathbf{x}_t)$$ By default, that is, "
            r"$\Phi ( \mathbf{x} _t) = \tanh ( \mathbf{W} _x\mathbf{x} _t+ \mathbf{b} _z) .$" "\n"
            r"$$\mathbf{h}_t=\mathbf{u}_t\odot\mathbf{h}_{t-1}+(1-\mathbf{u}_t)\odot\mathbf{z}_t$$ where "
            r"$\mathbf{u}_t=\sigma(\mathbf{U}_h\mathbf{h}_{t-1}+\mathbf{U}_z\mathbf{z}_t+\mathbf{b}_u)$.")
    d = symcount.derive(text)
    assert d.evaluate(d_x=7, d_h=5) == n_params(nn.Linear(7, 5)) + n_params(nn.Linear(5, 5, bias=False)) \
        + n_params(nn.Linear(5, 5))


def test_a_block_whose_opening_was_lost():
    text = ("Equations\nr_t &= \\sigma(W_{xr} x_t + W_{hr} h_{t-1} + b_r) \\\\\n"
            "h_t &= r_t \\odot \\tanh(W_{xh} x_t + W_{hh} h_{t-1} + b_h)\n\\end{aligned}$$\nProse after.\n")
    assert symcount.derive(text).evaluate(d_x=7, d_h=5) == 2 * n_params(nn.RNNCell(7, 5)) - 10


def test_go_comments_code_lines_at_a_step_and_a_step_in_parentheses():
    go = ("// A linear system in matrix form\n//\n// x'(t) = A * x(t) + B * u(t)\n// and\n"
          "// y(t)  = C * x(t) + D * u(t)\n//\npackage lti\n")
    assert symcount.derive(go).evaluate(d_x=5, d_u=3, d_y=2) == n_params(StateSpace(5, 3, 2))
    code = "// SRU cell.\n//   f[t] = sigmoid(W_xf . x[t] + b_f)\n//   c[t] = f[t] * c[t-1] + (1 - f[t]) * x[t]\n"
    assert symcount.derive(code).evaluate(d_c=5) == n_params(nn.Linear(5, 5))
    siso = "x_(k+1) = a * x_k + b * u_k\ny_k = c * x_k + d * u_k\n"
    assert symcount.derive(siso).evaluate(d_x=5, d_u=3, d_y=2) == n_params(StateSpace(5, 3, 2))


def test_numpy_transposes_and_a_dash_comment():
    text = ("    r_t = sigmoid(x_t @ W_ih_r.T + h_{t-1} @ W_hh_r.T + b_r)   — reset gate\n"
            "    h_t = r_t ⊙ h_{t-1}\n")
    assert symcount.derive(text).evaluate(d_x=7, d_h=5) == n_params(nn.RNNCell(7, 5)) - 5


def test_a_loss_compares_its_arguments_and_has_no_parameters():
    text = ("```\n    h_t = tanh(W_h [h_{t-1}, x_t] + b_h)\n    ŷ_t = W_y h_t + b_y\n    L_t = loss(y_t, ŷ_t)\n"
            "    y_t ∈ ℝ^k\n```\n")
    d = symcount.derive(text)
    assert d.evaluate(d_x=7, d_h=5, k=3) == n_params(nn.RNNCell(7, 5)) - 5 + n_params(nn.Linear(5, 3))


def test_the_bound_of_an_initialisation_in_running_text_is_no_equation():
    """"... from the uniform distribution \\(u(-k, k)\\) where \\(k = \\frac{1}{\\sqrt{\\text{hidden\\_size}}}\\)":
    a setting, not a signal of the cell (it had added a size and a square root per step)."""
    text = (r"\[h' = \tanh(W_{ih} \, x + b_{ih} + W_{hh} \, h + b_{hh})\]" "\n"
            r"The parameters are initialized from \(u(-k, k)\) where \(k = \frac{1}{\sqrt{\text{hidden\_size}}}\)." "\n")
    d = symcount.derive(text)
    assert d.known_dims[:2] == ("d_h", "d_x") and len(d.equations) == 1
    assert d.evaluate(d_x=7, d_h=5) == n_params(nn.RNNCell(7, 5))


OPENVINO = """```
Formula:
  *  - matrix multiplication
 (.) - Hadamard product (element-wise)
 f, g, h - are activation functions.
     it = f(Xt*(Wi^T) + Ht-1*(Ri^T) + Wbi + Rbi)
     ft = f(Xt*(Wf^T) + Ht-1*(Rf^T) + Wbf + Rbf)
     ct = g(Xt*(Wc^T) + Ht-1*(Rc^T) + Wbc + Rbc)
     Ct = ft (.) Ct-1 + it (.) ct
     ot = f(Xt*(Wo^T) + Ht-1*(Ro^T) + Wbo + Rbo)
     Ht = ot (.) h(Ct)
```
"""


def test_an_onnx_style_formula_with_its_legend():
    """`Wi^T` W_i transposed (i is a gate at t), `f(` a function though f_t is a gate (the legend says
    f, g, h are activation functions), `Ht` at t in a line with no `t-1`, `*` a matrix product by the
    legend's nearest word (not "element-wise", two lines below)."""
    d = symcount.derive(OPENVINO)
    assert d.evaluate(d_X=7, d_H=5) == n_params(nn.LSTMCell(7, 5))


def test_a_bias_tensor_given_as_the_sum_of_two_biases():
    """OpenVINO's B: "the sum of biases (weights and recurrence weights)" of shape [4 * hidden_size]:
    Wbi + Rbi is one bias per gate; a pair not added side by side (R h + Rbh under r ⊙) stays two."""
    text = OPENVINO + "* **6**: `B` 1D tensor of type *T* `[4 * hidden_size]`, the sum of biases (weights and recurrence weights).\n"
    d = symcount.derive(text)
    assert d.evaluate(d_X=7, d_H=5) == n_params(nn.LSTMCell(7, 5)) - 4 * 5
    assert any("sum of each gate's two biases" in n for n in d.shapes.notes)
    assert symcount.derive(text, read={"summed-biases": "as-written"}).evaluate(d_X=7, d_H=5) == n_params(nn.LSTMCell(7, 5))
    gru = ("```\n  *  - matrix multiplication\n (.) - Hadamard product\n f, g - are activation functions.\n"
           "   zt = f(Xt*(Wz^T) + Ht-1*(Rz^T) + Wbz + Rbz)\n"
           "   ht = g(Xt*(Wh^T) + (zt (.) (Ht-1*(Rh^T) + Rbh)) + Wbh)\n   Ht = (1 - zt) (.) ht + zt (.) Ht-1\n```\n"
           "`B` - the sum of biases, shape `[3 * hidden_size]`\n")
    assert symcount.derive(gru).evaluate(d_X=7, d_H=5) == 2 * (5 * 7 + 5 * 5) + 3 * 5


def test_two_definitions_commented_with_when_they_hold_are_variants():
    text = ("```\n  *  - matrix multiplication\n f, g - are activation functions.\n"
            "   zt = f(Xt*(Wz^T) + Ht-1*(Rz^T) + bz)\n"
            "   ht = g(Xt*(Wh^T) + (zt (.) Ht-1)*(Rh^T) + bh) # default\n"
            "   ht = g(Xt*(Wh^T) + zt (.) (Ht-1*(Rh^T)) + bh) # when linear_before_reset != 0\n"
            "   Ht = (1 - zt) (.) ht + zt (.) Ht-1\n```\n")
    assert symcount.derive(text).evaluate(d_X=7, d_H=5) == 2 * (5 * 7 + 5 * 5 + 5)


def test_a_word_before_a_hadamard_in_parentheses_is_no_function():
    """`Pi (.) Ct-1`: the peephole P_i times C elementwise, not a function Pi applied to `(.)`."""
    text = "it = f(Xt*(Wi^T) + Ht-1*(Ri^T) + Pi (.) Ct-1 + bi)\nCt = it (.) Ct-1\n\n  *  - matrix multiplication\n"
    assert symcount.derive(text).evaluate(d_X=7, d_H=4, d_C=5) == 5 * 7 + 5 * 4 + 5 + 5


def test_a_chain_through_a_second_name_and_star_told_from_cdot():
    """h_t = y_t = ...: y_t, defined nowhere, names the same value; `*` between a signal and a weight is
    the matrix product where the text writes its elementwise products of signals with \\cdot."""
    text = ("$$ r_t = sigmoid(h_{t-1} * W_r + x_t * U_r) $$\n\n$$ g_t = tanh(W_g * (h_{t-1} \\cdot r_t) + x_t * U_g) $$\n\n"
            "$$ h_t = y_t = h_{t-1} \\cdot (1 - r_t) + (r_t \\cdot g_t) $$\n")
    assert symcount.derive(text).evaluate(d_x=7, d_h=5) == 2 * (5 * 7 + 5 * 5)
    with pytest.raises(symcount.SymcountError, match=r"cannot tell what \* means"):
        symcount.derive("$$ h_t = y_t = sigmoid(h_{t-1} * W + x_t * U) $$\n")


def test_a_capital_phi_before_left_parenthesis_is_a_function():
    text = r"$$h_t = \Phi \left(W_x^T x_t + W_h^T h_{t-1} + b\right)$$" "\n"
    d = symcount.derive(text)
    assert d.evaluate(d_x=7, d_h=5) == n_params(nn.RNNCell(7, 5)) - 5
    assert any("function \\Phi" in n for n in d.shapes.notes)


def test_letters_the_prose_sets_to_activations_are_functions():
    text = ("Equations (Default: f=Sigmoid, g=Tanh):\n  * ft = f(Xt*(Wf^T) + Ht-1*(Rf^T) + Wbf)\n"
            "  * Ct = ft (.) Ct-1 + g(Xt*(Wc^T) + Wbc)\n")
    assert symcount.derive(text).evaluate(d_X=7, d_H=4, d_C=5) == 2 * 5 * 7 + 5 * 4 + 2 * 5


def test_activations_named_with_an_underscore():
    """OpenVINO's `activations is {_f, _g, _h}`, `default: {_f=sigm, _g=tanh, _h=tanh}`: `_f(...)` is f."""
    text = ("/**\n * default: {_f=sigm, _g=tanh}\n *   *  - matrix mult\n *  (.) - eltwise mult\n"
            " * - ft = _f(Wf*[Ht-1, Xt] + Bf)\n * - Ct = ft (.) Ct-1 + _g(Wc*[Ht-1, Xt] + Bc)\n */\nclass LSTMCell {\n")
    assert symcount.derive(text).evaluate(d_X=7, d_H=4, d_C=5) == 2 * n_params(nn.Linear(11, 5))


def test_math_in_a_role_written_as_code():
    """TensorRT's `:math:` with times in brackets, `W[z].X[t]` (a dot, a product) and `Wb[z]` (a name)."""
    text = ("    |  :math:`z[t] := sigmoid(W[z].X[t] + R[z].H[t-1] + Wb[z])`\n"
            "    |  :math:`H[t] := (1 - z[t])*H[t-1] + z[t]*tanh(W[h].X[t] + Wb[h])`\n")
    assert symcount.derive(text).evaluate(d_X=7, d_H=5) == 2 * n_params(nn.Linear(7, 5)) + 5 * 5


def test_markdown_escaped_subscripts_and_a_dot_after_a_subscript():
    """GitBook's `z\\_t` is z_t (not inside \\text{...}: `hidden\\_size` stays a word); `z\\_t.\\hat{h\\_t}` a product."""
    text = ("$$\nz\\_t=\\sigma(W\\_{xz}x\\_t+W\\_{hz}h\\_{t-1})\n$$\n\n"
            "$$\nh\\_t=(1-z\\_t).h\\_{t-1}+z\\_t.\\tanh(W\\_{xc}x\\_t)\n$$\n")
    assert symcount.derive(text).evaluate(d_x=7, d_h=5) == 2 * 5 * 7 + 5 * 5


def test_documenter_double_backticks_on_a_line_of_their_own():
    """Julia's Documenter writes inline math as ``...``; on a line of its own it holds the cell's equation
    (a reST literal in a sentence is not read as math)."""
    text = ("An Elman RNNCell cell with `activation`.\n\n"
            "``h_{new} = activation(weight_{ih} \\times x + bias_{ih} + weight_{hh} \\times h_{prev} + bias_{hh})``\n")
    assert symcount.derive(text).evaluate(d_x=7, d_h=5) == n_params(nn.RNNCell(7, 5))


def test_markdown_escaped_brackets_after_an_equals_sign_are_brackets():
    """A page converted to Markdown: `f\\_t = σ(W\\_f · \\[h\\_{t-1}, x\\_t\\] + b\\_f)` is no display math."""
    text = ("### Étape 1\n\nf\\_t = σ(W\\_f · \\[h\\_{t-1}, x\\_t\\] + b\\_f)\n\n**Ce qui se passe :**\n\n"
            "h\\_t = f\\_t ⊙ tanh(W\\_h · \\[h\\_{t-1}, x\\_t\\] + b\\_h)\n")
    assert symcount.derive(text).evaluate(d_x=7, d_h=5) == 2 * n_params(nn.Linear(12, 5))
    assert symcount.derive(r"Display: \[h_t = \tanh(W x_t)\]" "\n").evaluate(d_x=7, d_h=5) == 35


def test_every_equation_of_a_sentence_and_matrices_the_prose_names():
    """"h_t = tanh(W_xh x_t + W_hh h_{t-1} + b_h), with output y_t = W_hy h_t + b_y." holds two equations
    (the second had been cut at ", with": a short count with exit 0, the fifth set-aside corpus); and
    "the same W_xh, W_hh, W_hy matrices" names a matrix no equation read uses: refused."""
    text = ("The classical formula is h_t = tanh(W_xh x_t + W_hh h_{t-1} + b_h), with output y_t = W_hy h_t + b_y. "
            "It shares the same W_xh, W_hh, W_hy matrices at every step.\n")
    assert symcount.derive(text).evaluate(d_x=7, d_h=5, d_y=3) == n_params(nn.RNNCell(7, 5)) - 5 + n_params(nn.Linear(5, 3))
    with pytest.raises(symcount.SymcountError, match="W_hy among the cell's matrices"):
        symcount.derive("The formula is h_t = tanh(W_xh x_t + W_hh h_{t-1} + b_h). The same W_xh, W_hh, W_hy matrices.\n")


@pytest.mark.parametrize("math", [
    r"$$\large h_t = \tanh(W x_t + U h_{t-1} + b)$$",
    r"$$\begin{alignat}{3} h_t &= \tanh(W x_t + U h_{t-1} + b) \end{alignat}$$",
    r"$\displaystyle h_t = \tanh(W x_t + U h_{t-1} + b)$",
])
def test_size_commands_and_alignat_inside_dollars(math):
    assert symcount.derive(math + "\n").evaluate(d_x=7, d_h=5) == n_params(nn.RNNCell(7, 5)) - 5


def test_a_tilde_superscript_and_prose_math_that_is_no_step():
    """`H^{~}_t` is \\tilde{H}_t; a probability P(y_t | ...) and an identity (1 - z_t) + z_t = 1 in running
    text, and \\sigma(\\xb) defined on a macro's vector, are no steps of the cell."""
    text = (r"$$H^{~}_t = \tanh(W x_t + U H_{t-1})$$ and $$H_t = z_t \odot H_{t-1} + (1 - z_t) \odot H^{~}_t$$" "\n"
            r"$$z_t = \sigma(V x_t)$$, where $(1 - z_t) + z_t = 1$ and $P(y_t | x_t, H_{t-1}) = \mathrm{softmax}(H_t)$." "\n"
            r"$$\sigma(\xb) = \left[\frac{1}{1+\exp(-x_1)}, \ldots\right]$$" "\n")
    assert symcount.derive(text).evaluate(d_x=7, d_H=5) == 2 * 5 * 7 + 5 * 5


def test_a_prose_count_of_biases_against_two_per_gate_lists_both_readings():
    """"4 bias vectors" under four gates that each add two (b_if + b_hf): their sums, or the text
    disagrees with itself; both counts listed, never one chosen silently."""
    gates = "\n".join(f"/// {g}_t = σ(W_i{g}·x_t + b_i{g} + W_h{g}·h_{{t-1}} + b_h{g})" for g in "fiog")
    text = ("/// ```text\n" + gates + "\n/// c_t = f_t ⊙ c_{t-1} + i_t ⊙ g_t\n/// h_t = o_t ⊙ tanh(c_t)\n/// ```\n"
            "///\n/// - 4 weight matrices (forget, input, cell, output)\n/// - 4 bias vectors\npub struct LSTMCell {\n")
    with pytest.raises(symcount.SymcountError) as exc:
        symcount.derive(text)
    assert "summed-biases=summed" in str(exc.value) and "summed-biases=as-written" in str(exc.value)
    d = symcount.derive(text, read={"summed-biases": "as-written"})
    assert d.evaluate(d_x=7, d_h=5) == n_params(nn.LSTMCell(7, 5))
