"""Notations that issue 17's sixth round found unread in the waiting set-aside snippets (each general,
not one snippet's): a row of a math fence that starts with an accented or Unicode-subscripted letter
(`ĉₜ = ...`), an accent spaced inside an index (`W^{\\tilde C}`), a function defined with its name
in `\\text{}` (`\\text{tanh}(x) = ...`), a legend row (`\\odot: \\text{element-wise product}`), a bold
font around terms (`\\mathbf{w_f \\odot c_{t-1}}`), code's calls (`torch.cat([h, x])`, `np.tanh`,
`gate_fn(...)`), and a sentence giving a signal another name (`G_t = \\tilde{H}_t`). Counts are checked
against torch modules."""
from __future__ import annotations

import os

import pytest

import symcount

torch = pytest.importorskip("torch") if not os.environ.get("CI") else __import__("torch")
nn = torch.nn


def n_params(module) -> int:
    return sum(p.numel() for p in module.parameters())


class ConcatLSTM(nn.Module):
    """Gates of [h, x] (one weight and one bias per gate), with diagonal peepholes on the gates named."""

    def __init__(self, x: int, h: int, gates: str = "fico", peep: str = "", bias: bool = True) -> None:
        super().__init__()
        self.lin = nn.ModuleDict({g: nn.Linear(h + x, h, bias=bias) for g in gates})
        self.peep = nn.ParameterDict({g: nn.Parameter(torch.zeros(h)) for g in peep})


def test_a_math_fence_whose_rows_start_with_accented_letters_and_unicode_subscripts():
    text = ("```math\nfₜ = sigmoid(W_f · [hₜ₋₁, xₜ] + b_f)\niₜ = sigmoid(W_i · [hₜ₋₁, xₜ] + b_i)\n"
            "ĉₜ = tanh(W_c · [hₜ₋₁, xₜ] + b_c)\ncₜ = fₜ * cₜ₋₁ + iₜ * ĉₜ\noₜ = sigmoid(W_o · [hₜ₋₁, xₜ] + b_o)\n"
            "hₜ = oₜ * tanh(cₜ)\n```\n")
    d = symcount.derive(text)
    assert d.evaluate(d_x=7, d_h=5) == n_params(ConcatLSTM(7, 5)) == n_params(nn.LSTMCell(7, 5)) - 4 * 5
    assert len(d.shapes.params) == 8  # the candidate's row was read, not joined to the gate before it


def test_an_accent_spaced_inside_an_index_names_one_gate():
    text = r"""$$\begin{align}
f_{t} &= \sigma(W_{xh}^{f}x_{t} + W_{hh}^{f}h_{t-1} + b^{f}) \\
\tilde C_{t} &= \tanh(W_{xh}^{\tilde C}x_{t} + W_{hh}^{\tilde C}h_{t-1} + b^{\tilde{C}}) \\
C_{t} &= f_{t} \odot C_{t-1} + (1 - f_t) \odot \tilde C_{t} \\
h_{t} &= \tanh(C_t)
\end{align}$$"""
    d = symcount.derive(text)
    assert [p.name for p in d.shapes.params].count("b^{\\tilde{C}}") == 1  # \tilde C and \tilde{C}: one name
    assert d.evaluate(d_x=7, d_h=5) == 2 * n_params(nn.Linear(7, 5)) + 2 * n_params(nn.Linear(5, 5, bias=False))


def test_a_legend_row_and_an_activation_defined_with_its_name_in_text():
    text = r"""$$ h_t = \text{tanh}(W_{xh} x_t + W_{hh} h_{t-1} + b_h) \\ \odot: \text{element-wise product} $$
where the activation is
$$\text{tanh}(\mathbf{x}) = \left[\frac{1-\exp(-2x_1)}{1+\exp(-2x_1)}, \ldots\right]^\top.$$"""
    assert symcount.derive(text).evaluate(d_x=7, d_h=5) == n_params(nn.RNNCell(7, 5)) - 5


def test_a_bold_font_around_a_peephole_term():
    rows = [r"f_t = \sigma(W_f \cdot [h_{t-1}, x_t] + \mathbf{w_f \odot c_{t-1}} + b_f)",
            r"i_t = \sigma(W_i \cdot [h_{t-1}, x_t] + \mathbf{w_i \odot c_{t-1}} + b_i)",
            r"\tilde{c}_t = \tanh(W_c \cdot [h_{t-1}, x_t] + b_c)",
            r"c_t = f_t \odot c_{t-1} + i_t \odot \tilde{c}_t",
            r"o_t = \sigma(W_o \cdot [h_{t-1}, x_t] + \mathbf{w_o \odot c_t} + b_o)",
            r"h_t = o_t \odot \tanh(c_t)"]
    d = symcount.derive("\n".join(f"$${r}$$" for r in rows))
    assert d.evaluate(d_x=7, d_h=5) == n_params(ConcatLSTM(7, 5, peep="fio"))


@pytest.mark.parametrize("join", ["stack", "np.concatenate", "torch.cat", "hstack", "concat"])
def test_code_that_joins_with_a_call_and_applies_a_named_activation(join):
    """`Z[t] = stack([A[t-1], X[t]])` is a concatenation (its size A's plus X's), `gate_fn(...)` an
    activation, and a module before a call (np., torch.) no parameter multiplied in."""
    text = f"""Equations::

    Z[t]  = {join}([A[t-1], X[t]])
    Gf[t] = gate_fn(Wf @ Z[t] + bf)
    Gu[t] = gate_fn(Wu @ Z[t] + bu)
    Go[t] = gate_fn(Wo @ Z[t] + bo)
    Cc[t] = act_fn(Wc @ Z[t] + bc)
    C[t]  = Gf[t] * C[t-1] + Gu[t] * Cc[t]
    A[t]  = Go[t] * act_fn(C[t])

where `@` indicates dot/matrix product, and '*' indicates elementwise multiplication.
"""
    d = symcount.derive(text)
    assert sorted(p.name for p in d.shapes.params) == sorted(f"{w}_{g}" for w in "Wb" for g in "fuoc")
    assert d.evaluate(d_X=7, d_A=5) == n_params(ConcatLSTM(7, 5))


def test_a_linear_map_written_as_a_snake_case_call_keeps_its_weights():
    text = "```\nf_t = sigmoid(linear_f(x_t))\nh_t = f_t * h_{t-1} + (1 - f_t) * linear_h(x_t)\n```\n"
    d = symcount.derive(text)
    assert d.evaluate(d_x=7, d_h=5) == 2 * n_params(nn.Linear(7, 5))


def test_a_sentence_giving_a_signal_another_name_is_no_second_definition():
    text = r"""$$ z_t = \sigma(W_z x_t + U_z h_{t-1}) $$
$$ g_t = \tanh(W_g x_t + U_g (z_t \odot h_{t-1})) $$
$$ h_t = z_t \odot h_{t-1} + (1 - z_t) \odot g_t $$
so the update is a convex combination of $h_{t-1}$ and the candidate,

$$ g_t = \tilde{h}_t $$"""
    d = symcount.derive(text)
    assert d.evaluate(d_x=7, d_h=5) == 2 * (7 * 5 + 5 * 5)
    assert any("another name" in n for n in d.shapes.notes)


def test_a_generic_map_in_running_text_is_a_description_not_a_step():
    text = (r"one can define the vanilla RNN as the system obeying the equations $h_{t+1} = \phi(W_r h_t + W_i x_t)$ "
            r"and $y_t = W_o h_t$. It can approximate a non-linear dynamical system $y_{t+1} = f(y_t, x_t)$.")
    d = symcount.derive(text)
    assert d.evaluate(d_x=7, d_h=5, d_y=3) == n_params(nn.RNNCell(7, 5, bias=False)) + n_params(nn.Linear(5, 3, bias=False))
    assert any("read as a description" in n for n in d.shapes.notes)
    with pytest.raises(symcount.SymcountError):  # alone, the generic map is all the text says: no count
        symcount.derive(r"a dynamical system $y_{t+1} = f(y_t, x_t)$")


def test_h_prev_written_in_latex_without_braces_is_the_previous_state():
    text = r"""$$ z_t = sigmoid(W_z @ [h_{t-1}, x_t] + b_z) $$
$$ g_t = tanh(W_g @ [h_{t-1}, x_t] + b_g) $$
$$ h_t = (1 - z_t) * h_prev + z_t * g_t $$"""
    d = symcount.derive(text)
    assert sorted(p.name for p in d.shapes.params) == ["W_g", "W_z", "b_g", "b_z"]  # no h_p times rev
    assert d.evaluate(d_x=7, d_h=5) == 2 * n_params(nn.Linear(12, 5))


def test_a_step_written_as_a_superscript_n():
    """h^{n-1}, x^{n}: n carries the offsets, so it is the step (not a layer index)."""
    text = r"""$$ r^{n}=\sigma(h^{n-1}W_{r}+x^{n}U_{r}+b_{r}) $$
$$ g^{n}=\sigma(h^{n-1}W_{g}+x^{n}U_{g}+b_{g}) $$
$$ \tilde{h}^{n}=\tanh((h^{n-1}\odot r^{n})W_{h}+x^{n}U_{h}+b_{h}) $$
$$ h^{n}=g^{n} \odot \tilde{h}^{n}+(1-g^{n}) \odot h^{n-1} $$"""
    d = symcount.derive(text)
    assert d.evaluate(d_x=7, d_h=5) == 3 * (5 * 5 + 7 * 5 + 5)


def test_math_in_a_blockquote_and_in_python_comments():
    """Each quoted line starts with `> ` (a Markdown blockquote), and in a notebook exported as a script
    with `# > `: the markers are not the math's."""
    block = ["$$", r"\begin{aligned}", r"h_t &= \tanh(W x_t + U h_{t-1} + b) \\", r"y_t &= V h_t", r"\end{aligned}", "$$"]
    quoted = "> The RNN computes\n" + "\n".join("> " + line for line in block) + "\n> where $W$, $U$, $V$ are matrices.\n"
    expected = n_params(nn.RNNCell(7, 5)) - 5 + n_params(nn.Linear(5, 3, bias=False))
    for text in (quoted, "\n".join("# " + line for line in quoted.split("\n"))):
        assert symcount.derive(text).evaluate(d_x=7, d_h=5, d_y=3) == expected


def test_two_equations_in_one_alignat_row_and_a_mark_set_under_a_function():
    text = r"""$$\begin{alignat}{3}
z_t &= \tanh(\tilde{z}_t) && \tilde{z}_t &&= W_z x_t + R_z h_{t-1} + b_z \\
c_t &= c_{t-1} + z_t \\
h_t &= \tanh(c_t) && m_t &&= \underset{}{\text{max}}\Big(m_{t-1}, \log(h_t)\Big)
\end{alignat}$$"""
    d = symcount.derive(text)
    assert sorted(p.name for p in d.shapes.params) == ["R_z", "W_z", "b_z"]
    assert d.evaluate(d_x=7, d_h=5) == n_params(nn.RNNCell(7, 5)) - 5


@pytest.mark.parametrize("product", ["np.dot({}, {})", "torch.matmul({}, {})", "matmul({}, {})", "{}.dot({})", "{} @ {}"])
def test_a_product_written_as_a_call_of_numpy_or_torch(product):
    """np.dot(W, x) is W x: once a silent wrong count (the call read as an activation of a list, each
    weight a vector)."""
    rhs = "np.tanh(" + product.format("W_xh", "x[t]") + " + " + product.format("W_hh", "h[t-1]") + " + b_h)"
    d = symcount.derive(f"Equations::\n\n    h[t] = {rhs}\n\n")
    assert d.evaluate(d_x=7, d_h=5) == n_params(nn.RNNCell(7, 5)) - 5


def test_an_undefined_function_of_a_weight_and_a_signal_is_refused():
    """foo(W, x_t): foo may be a product, a sum, ...; W's shape is not known, no count is printed."""
    with pytest.raises(symcount.SymcountError, match=r"foo\(W, x_t\) is a function the text does not define"):
        symcount.derive(r"$$ h_t = \tanh(\mathrm{foo}(W, x_t) + U h_{t-1} + b) $$")
    with pytest.raises(symcount.SymcountError, match="what it computes decides W_xh's shape"):
        symcount.derive("Equations::\n\n    h[t] = tanh(inner(W_xh, x[t]) + W_hh @ h[t-1] + b_h)\n\n")


@pytest.mark.parametrize("line", [
    "h[t] = torch.nn.functional.sigmoid(W @ x[t] + U @ h[t-1] + b)",
    "h[t] = jax.nn.sigmoid(W @ x[t] + U @ h[t-1] + b)",
    "h[t] = tf.nn.sigmoid(tf.matmul(x[t], W) + tf.matmul(h[t-1], U) + b)",
    "h[t] = torch.sigmoid(x[t] @ W.T + h[t-1] @ U.T + b)",
    "h[t] = x[t].mm(W) + h[t-1].mm(U) + b",
    "h[t] = np.maximum(0, W @ x[t] + U @ h[t-1] + b)",
])
def test_code_modules_methods_and_transposes_are_no_parameters(line):
    """Each was once a silent wrong count: `torch`, `nn`, `functional` read as weights, `W.T` as W times
    a weight T, `x.mm(W)` as an elementwise product."""
    d = symcount.derive(f"Equations::\n\n    {line}\n\n")
    assert sorted(p.name for p in d.shapes.params) == ["U", "W", "b"]
    assert d.evaluate(d_x=7, d_h=5) == n_params(nn.RNNCell(7, 5)) - 5


def test_a_weight_on_the_cell_state_is_full_as_written_with_a_note():
    rows = [r"i_t = \sigma(W_{xi} x_t + W_{hi} h_{t-1} + W_{ci} c_{t-1} + b_i)",
            r"f_t = \sigma(W_{xf} x_t + W_{hf} h_{t-1} + W_{cf} c_{t-1} + b_f)",
            r"c_t = f_t c_{t-1} + i_t \tanh(W_{xc} x_t + W_{hc} h_{t-1} + b_c)",
            r"o_t = \sigma(W_{xo} x_t + W_{ho} h_{t-1} + W_{co} c_t + b_o)",
            r"h_t = o_t \tanh(c_t)"]
    text = "\n".join(f"$$ {r} $$" for r in rows)
    d = symcount.derive(text)
    lstm = n_params(nn.LSTMCell(7, 5)) - 4 * 5  # one bias per gate
    assert d.evaluate(d_x=7, d_h=5) == lstm + 3 * 5 * 5
    assert sum("multiplies a cell state" in n for n in d.shapes.notes) == 3
    diagonal = symcount.derive(text, read={"W_ci": "diagonal", "W_cf": "diagonal", "W_co": "diagonal"})
    assert diagonal.evaluate(d_x=7, d_h=5) == lstm + 3 * 5
    said = symcount.derive(text + "\nwhere the peephole weights $W_{ci}$, $W_{cf}$ and $W_{co}$ are diagonal.")
    assert said.evaluate(d_x=7, d_h=5) == lstm + 3 * 5 and not any("multiplies a cell state" in n for n in said.shapes.notes)
    with open(os.path.join(os.path.dirname(__file__), "..", "examples", "gru.tex"), encoding="utf-8") as f:
        gru = symcount.derive(f.read())  # h: its only state, its weights no peepholes
    assert not any("multiplies a cell state" in n for n in gru.shapes.notes)


def test_min_char_rnn_forward_pass_in_a_python_fence():
    """Karpathy's min-char-rnn: np.dot calls whose arguments (`Wxh, xs[t]`) are no prose."""
    text = ("```python\nhs[t] = np.tanh(np.dot(Wxh, xs[t]) + np.dot(Whh, hs[t-1]) + bh) # hidden state\n"
            "ys[t] = np.dot(Why, hs[t]) + by # unnormalized log probabilities for next chars\n"
            "ps[t] = np.exp(ys[t]) / np.sum(np.exp(ys[t])) # probabilities for next chars\n```\n")
    d = symcount.derive(text)
    assert d.evaluate(d_xs=7, d_hs=5, d_ys=3) == n_params(nn.RNNCell(7, 5)) - 5 + n_params(nn.Linear(5, 3))
