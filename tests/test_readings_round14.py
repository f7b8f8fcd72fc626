"""Issue 17, fourteenth round: an equation written once for several gates (a placeholder and the list of
letters it stands for: `g_t = \\sigma(W_g x_t + ...), g \\in \\{i, f, o\\}`; the gates' left sides as a list:
`i_t, f_t, o_t = \\sigma(W_\\bullet [h_{t-1}, x_t] + b_\\bullet)`). Counts against torch modules."""
from __future__ import annotations

import os

import pytest

import symcount

torch = pytest.importorskip("torch") if not os.environ.get("CI") else __import__("torch")
nn = torch.nn

CELL = r"""
\tilde c_t = \tanh(W_c x_t + U_c h_{t-1} + b_c) \\
c_t = f_t\odot c_{t-1} + i_t\odot\tilde c_t \\
h_t = o_t\odot\tanh(c_t)
"""


def n_params(*modules) -> int:
    return sum(p.numel() for m in modules for p in m.parameters())


def lstm_one_bias(x: int, h: int) -> int:
    """nn.LSTMCell's count with one bias per gate (W x + U h + b), not torch's two."""
    return n_params(nn.LSTMCell(x, h)) - 4 * h


@pytest.mark.parametrize("gates", [
    r"g_t = \sigma(W_g x_t + U_g h_{t-1} + b_g), \quad g \in \{i, f, o\}",
    r"g_t = \sigma(W_g x_t + U_g h_{t-1} + b_g) \quad \text{for } g \in \{i, f, o\}",
    r"*_t = \sigma(W_* x_t + U_* h_{t-1} + b_*), \; * \in \{i, f, o\}",
    r"\bullet_t = \sigma(W_{\bullet} x_t + U_{\bullet} h_{t-1} + b_{\bullet}), \quad \bullet \in \{i, f, o\}",
    r"\mathbf{g}_t = \sigma(W_g x_t + U_g h_{t-1} + b_g), \quad \forall g \in \{i, f, o\}",
])
def test_a_gate_written_once_for_the_listed_letters(gates):
    d = symcount.derive("$$\\begin{aligned}" + gates.replace("\\mathbf{g}", "g") + " \\\\" + CELL + "\\end{aligned}$$")
    for x, h in ((7, 5), (3, 11)):
        assert d.evaluate(d_x=x, d_h=h) == lstm_one_bias(x, h)
    assert {p.name for p in d.shapes.params} >= {"W_i", "W_f", "W_o", "b_o"}


@pytest.mark.parametrize("gates", [
    r"i_t, f_t, o_t = \sigma(W_\bullet x_t + U_\bullet h_{t-1} + b_\bullet)",
    r"i_t, f_t, o_t = \sigma(W_{i,f,o} x_t + U_{i,f,o} h_{t-1} + b_{i,f,o})",
    r"i_t, f_t, o_t = \sigma(W_{\{i,f,o\}} x_t + U_{\{i,f,o\}} h_{t-1} + b_{\{i,f,o\}})",
])
def test_the_gates_left_sides_as_a_list(gates):
    d = symcount.derive("$$\\begin{aligned}" + gates + " \\\\" + CELL + "\\end{aligned}$$")
    for x, h in ((7, 5), (3, 11)):
        assert d.evaluate(d_x=x, d_h=h) == lstm_one_bias(x, h)


def test_a_list_of_left_sides_over_a_concatenation_as_slides_write_it():
    text = r"""\[ i_t, f_t, o_t = \sigma(W_\bullet[h_{t-1}, x_t] + b_\bullet) \]
    \[ \tilde c_t = \tanh(W_c[h_{t-1}, x_t] + b_c) \]
    \[ c_t = f_t\odot c_{t-1} + i_t\odot\tilde c_t, \qquad h_t = o_t\odot\tanh(c_t) \]"""
    d = symcount.derive(text)
    assert d.evaluate(d_x=7, d_h=5) == lstm_one_bias(7, 5)


def test_a_list_of_left_sides_without_a_placeholder_is_read_as_written():
    # one product split three ways (the stacked weight of a pmatrix): not three copies of one equation
    text = r"""$$ \begin{pmatrix} i_t \\ f_t \\ o_t \end{pmatrix} = \sigma(W [h_{t-1}; x_t] + b) $$""" + "\n$$" + CELL + "$$"
    d = symcount.derive(text)
    assert d.evaluate(d_x=7, d_h=5) == lstm_one_bias(7, 5)


def test_a_set_of_numbers_at_a_rows_end_is_no_placeholder():
    text = r"$$ h_t = \tanh(W x_t + U h_{t-1} + b), \quad t \in \{1, \dots, T\} $$"
    d = symcount.derive(text)
    assert d.evaluate(d_x=7, d_h=5) == n_params(nn.RNNCell(7, 5)) - 5


def test_the_placeholders_rows_point_into_the_text():
    text = "$$ g_t = \\sigma(W_g x_t + U_g h_{t-1} + b_g), \\quad g \\in \\{i, f, o\\} $$\n$$ h_t = o_t \\odot f_t \\odot i_t \\odot v_t $$\n"
    with pytest.raises(symcount.ShapeError) as err:
        symcount.derive(text)
    assert "v_t" in str(err.value) or "v" in str(err.value)


def test_a_whole_equation_set_upright_is_the_equation():
    # a Korean blog's \mathrm{o= \sigma(...)}: the equation inside \mathrm, not a name
    rows = "\n".join(rf"$$\mathrm{{{g}= \sigma( x_t W_x^{{({g})}} + h_{{t-1}} W_h^{{({g})}} + b^{{({g})}} )}}$$" for g in "fio")
    text = rows + "\n$$\\mathrm{g= tanh( x_t W_x^{(g)} + h_{t-1} W_h^{(g)} + b^{(g)} )}$$\n" \
        "$$c_t = f \\odot c_{t-1} + g \\odot i$$\n$$h_t = o \\odot \\tanh(c_t)$$\n"
    d = symcount.derive(text)
    for x, h in ((7, 5), (3, 11)):
        assert d.evaluate(d_x=x, d_h=h) == lstm_one_bias(x, h)
    # a name set upright is still a name
    assert symcount.derive(r"$$ h_t = \tanh(W_{\mathrm{in}} x_t + W_{\mathrm{rec}} h_{t-1}) $$").evaluate(d_x=7, d_h=5) == 5 * 12


ELMAN_OR_JORDAN = r"""Given $x_t \in \mathbb{R}^{d}$, define $h_t \in \mathbb{R}^{h}$ and $y_t \in \mathbb{R}^{l}$.

* $W_h \in \mathbb{R}^{h \times d}$ and $W_y \in \mathbb{R}^{l \times h}$ are the weight matrices.
* $U_h \in \mathbb{R}^{h \times h}$ or $U_h \in \mathbb{R}^{l \times l}$ is the weight matrix for either the previous layer or output (Elman or Jordan).
* $b_h \in \mathbb{R}^{h}$ and $b_y \in \mathbb{R}^{l}$ are bias vectors

$$ h_t = \sigma_h(W_h x_t + U_h RECURRENT + b_h) $$
$$ y_t = \sigma_y(W_y h_t + b_y) $$
"""


@pytest.mark.parametrize("recurrent, state", [("h_{t-1}", "h"), ("y_{t-1}", "y")])
def test_two_shapes_offered_for_one_weight_are_settled_by_the_equations(recurrent, state):
    d = symcount.derive(ELMAN_OR_JORDAN.replace("RECURRENT", recurrent))
    x, h, y = 7, 5, 3
    U = nn.Linear(h if state == "h" else y, h, bias=False)
    assert d.evaluate(d=x, h=h, l=y) == n_params(nn.Linear(x, h), nn.Linear(h, y), U)
    assert any("declared as" in n and "or as" in n for n in d.shapes.notes)


def test_two_shapes_for_one_weight_without_or_are_still_refused():
    text = ELMAN_OR_JORDAN.replace("RECURRENT", "h_{t-1}").replace(" or $U_h", " and $U_h")
    with pytest.raises(symcount.ShapeError, match="declared twice"):
        symcount.derive(text)


@pytest.mark.parametrize("arrow", [r"\leftarrow", r"\gets", "←"])
def test_an_assignment_written_with_an_arrow(arrow):
    d = symcount.derive(f"$$h_t {arrow} \\tanh(W x_t + U h_{{t-1}} + b)$$\n")
    assert d.evaluate(d_x=7, d_h=5) == n_params(nn.RNNCell(7, 5)) - 5
    # a backward direction written with the arrow is still a direction, not an equation
    two = symcount.derive("$$\\overleftarrow{h}_t = \\tanh(W x_t + U \\overleftarrow{h}_{t+1} + b)$$\n"
                          "$$h^{\\leftarrow}_t = \\tanh(V x_t + R h^{\\leftarrow}_{t+1} + c)$$\n")
    assert len(two.shapes.params) == 6


@pytest.mark.parametrize("cases", [
    r"\begin{cases} 0 & t = 0 \\ \tanh(W x_t + U h_{t-1} + b) & t > 0 \end{cases}",
    r"\begin{cases} \mathbf{0}, & \text{if } t = 0 \\ \tanh(W x_t + U h_{t-1} + b), & \text{otherwise} \end{cases}",
    r"\begin{cases} h_{init} & t = 1 \\ \tanh(W x_t + U h_{t-1} + b) & t \geq 2 \end{cases}",
])
def test_a_state_defined_by_its_start_and_its_step(cases):
    d = symcount.derive(f"$$h_t = {cases}$$\n")
    assert d.evaluate(d_x=7, d_h=5) == n_params(nn.RNNCell(7, 5)) - 5


def test_cases_that_compute_the_state_two_ways_are_refused():
    text = r"$$h_t = \begin{cases} \tanh(W x_t + b) & t = 1 \\ \tanh(W x_t + U h_{t-1} + b) & t > 1 \end{cases}$$"
    with pytest.raises(symcount.ParseError):
        symcount.derive(text)


def test_a_difference_with_a_number_scales_a_functions_value_entry_by_entry():
    # HGRN's forget gate with its lower bound: (1 - lambda) sigma(...) is no product that makes sigma(...) a number
    text = r"""$$f_t = \lambda + (1 - \lambda)\sigma(x_t W_f + b_f)$$
$$i_t = \mathrm{SiLU}(x_t W_i + b_i)$$
$$h_t = f_t \odot h_{t-1} + (1 - f_t) \odot i_t$$"""
    d = symcount.derive(text)
    x, h = 7, 5
    # lambda (h), W_f and W_i (x by h), b_f and b_i (h)
    assert d.evaluate(d_x=x, d_h=h) == n_params(nn.Linear(x, h), nn.Linear(x, h)) + h
    assert "entry by entry" in " ".join(d.shapes.notes)
    # a matrix the text declares is multiplied as written
    declared = text + "\n$\\lambda \\in \\mathbb{R}^{d_h \\times d_h}$, $h_t \\in \\mathbb{R}^{d_h}$, $x_t \\in \\mathbb{R}^{d_x}$"
    with pytest.raises(symcount.SymcountError):
        symcount.derive(declared)  # \lambda + ... : a matrix added to a vector does not fit


def test_a_number_the_text_sets_is_a_constant_whatever_its_letter():
    text = r"""$$r_t = \sigma(W_a x_t + b_a)$$
$$a_t = \exp(c r_t)$$
$$h_t = a_t \odot h_{t-1} + x_t$$
where $c = 8$."""
    d = symcount.derive(text)
    assert d.evaluate(d_h=5) == n_params(nn.Linear(5, 5))  # W_a and b_a; c is 8, not a weight


def test_a_letter_to_a_power_that_holds_a_signal_is_that_power_entry_by_entry():
    # Griffin's RG-LRU: a_t = lambda^{c r_t}: r_t has a_t's size, so W_a is square
    text = r"""$$r_t = \sigma(W_a x_t + b_a)$$
$$i_t = \sigma(W_x x_t + b_x)$$
$$a_t = \lambda^{c r_t}$$
$$h_t = a_t \odot h_{t-1} + \sqrt{1 - a_t^2} \odot (i_t \odot x_t)$$
where $c = 8$ and $\lambda \in \mathbb{R}^{d_h}$ is learned."""
    d = symcount.derive(text)
    h = 5
    assert d.evaluate(d_h=h) == n_params(nn.Linear(h, h), nn.Linear(h, h)) + h
    assert "to the power" in " ".join(d.shapes.notes)
    # an index stays an index
    assert symcount.derive(r"$$h^{t} = \tanh(W^{xh} x^{t} + W^{hh} h^{t-1})$$").evaluate(d_x=7, d_h=5) == 5 * 12


@pytest.mark.parametrize("prose", [
    r"where $W_{xh}$ is a matrix of size $h \times d$ and $W_{hh}$ of size $h \times h$.",
    r"where $W_{xh}$ is a weight matrix with shape $(h, d)$.",
    r"with $x_t$ of dimension $d$ and $h_t$ of dimension $h$.",
])
def test_sizes_the_prose_gives_after_the_name(prose):
    d = symcount.derive("$$h_t = \\tanh(W_{xh} x_t + W_{hh} h_{t-1} + b_h)$$\n" + prose + "\n")
    assert d.evaluate(d=7, h=5) == n_params(nn.RNNCell(7, 5)) - 5
    assert "as the prose says" in " ".join(d.shapes.notes)


def test_a_size_after_a_verb_that_is_not_the_names_stays_unread():
    # "maps the input of size d": d is the input's size, not W's
    d = symcount.derive("$$h_t = \\tanh(W x_t + U h_{t-1})$$\nwhere $W$ maps the input of size $d$ to the state.\n")
    assert "W at" not in " ".join(n for n in d.shapes.notes if "as the prose says" in n)


@pytest.mark.parametrize("text", [
    '<p>The state:</p>\n<script type="math/tex; mode=display">h_t = \\tanh(W x_t + U h_{t-1} + b)</script>\n',
    'The state is <script type="math/tex">h_t = \\tanh(W x_t + U h_{t-1} + b)</script>.\n',
    "The state is $`h_t = \\tanh(W x_t + U h_{t-1} + b)`$.\n",
    "\\begin{equation}\nh_t = \\tanh(W x_t + U h_{t-1} + b) (\\#eq:rnn)\n\\end{equation}\n",
])
def test_mathjax_scripts_gitlab_inline_math_and_bookdown_labels(text):
    d = symcount.derive(text)
    assert d.evaluate(d_x=7, d_h=5) == n_params(nn.RNNCell(7, 5)) - 5


@pytest.mark.parametrize("prose", [
    "假设：\n\n- 输入维度：`d = 3`\n- 隐藏层维度：`h = 4`\n- 输出维度：`o = 2`\n",
    "with input size $d$, hidden size $h$ and output size $o$.\n",
])
def test_the_input_hidden_and_output_sizes_the_prose_names(prose):
    text = "$$h_t = \\tanh(W_{xh} x_t + W_{hh} h_{t-1} + b_h)$$\n$$y_t = \\mathrm{softmax}(W_{hy} h_t + b_y)$$\n" + prose
    d = symcount.derive(text)
    assert d.evaluate(d=3, h=4, o=2) == n_params(nn.RNNCell(3, 4), nn.Linear(4, 2)) - 4


GRU_TYPST = """$
  z_t &= sigma(W_z x_t + U_z h_(t-1) + b_z) \\\\
  r_t &= sigma(W_r x_t + U_r h_(t-1) + b_r) \\\\
  hat(h)_t &= tanh(W_h x_t + U_h (r_t dot.circle h_(t-1)) + b_h) \\\\
  h_t &= (1 - z_t) dot.circle h_(t-1) + z_t dot.circle hat(h)_t
$
""".replace("\\\\\\\\", "\\\\")


def test_typst_rows_ended_by_one_backslash_are_rows():
    # each row its own equation (they were joined into one chain z_t = ... = ..., a wrong count)
    d = symcount.derive(GRU_TYPST)
    assert d.evaluate(d_x=7, d_h=5) == n_params(nn.GRUCell(7, 5)) - 3 * 5
    plain = "$\n  h_t = sigma_h (W_h x_t + U_h h_(t - 1) + b_h) \\\n  y_t = sigma_y (W_y h_t + b_y)\n$\n"
    assert symcount.derive(plain).evaluate(d_x=7, d_h=5, d_y=3) == n_params(nn.Linear(7, 5), nn.Linear(5, 5, bias=False), nn.Linear(5, 3))


@pytest.mark.parametrize("text", [
    '$ h_t = tanh(W_("in") x_t + W_("rec") h_(t-1) + b) $',
    "$ h_t = upright(tanh)(W x_t + U h_(t-1) + b) $",
    '$ h_t = op("tanh")(W x_t + U h_(t-1) + b) $',
])
def test_typst_quoted_indices_in_parentheses_and_upright_function_names(text):
    d = symcount.derive(text + "\n")
    assert len(d.shapes.params) == 3
    assert d.evaluate(d_x=7, d_h=5) == n_params(nn.RNNCell(7, 5)) - 5


def test_typst_spacing_operator_names_and_labels_in_words():
    text = ('$ z_t = sigma(W_z x_t + U_z h_(t-1) + b_z), quad quad r_t = sigma(W_r x_t + U_r h_(t-1) + b_r) $\n'
            '$ tilde(h)_t = tanh(W_h x_t + U_h (r_t op("odot") h_(t-1)) + b_h) & "candidate state" $\n'
            '$ h_t = (1 - z_t) dot.o h_(t-1) + z_t dot.o tilde(h)_t $\n')
    d = symcount.derive(text)
    assert d.evaluate(d_x=7, d_h=5) == n_params(nn.GRUCell(7, 5)) - 3 * 5


def test_a_remark_in_words_after_an_equation_may_start_with_a_short_word():
    text = ("Candidato:             C̃_t = tanh(W_c·[h_{t-1}, x_t] + b_c)   a informação nova sendo proposta\n"
            "Esquecer:              f_t = σ(W_f·[h_{t-1}, x_t] + b_f)   o quanto da memória se apaga\n"
            "Entrada:               i_t = σ(W_i·[h_{t-1}, x_t] + b_i)\n"
            "Saída:                 o_t = σ(W_o·[h_{t-1}, x_t] + b_o)\n"
            "Célula:                C_t = f_t ⊙ C_{t-1} + i_t ⊙ C̃_t\n"
            "Estado:                h_t = o_t ⊙ tanh(C_t)\n")
    d = symcount.derive(text)
    assert d.evaluate(d_x=7, d_h=5) == lstm_one_bias(7, 5)


def test_a_bias_or_weight_the_text_sets_to_a_value_is_still_counted():
    # an initial value (the forget bias set to one, a bias to zero) is no constant: only a coefficient is
    text = r"""$$f_t = \sigma(W_f x_t + U_f h_{t-1} + b_f)$$
$$h_t = f_t \odot h_{t-1} + (1 - f_t) \odot \tanh(W x_t + b)$$
The forget bias is initialised to one, $b_f = 1$, and $b = 0$; $W = 0$ at the start."""
    d = symcount.derive(text)
    x, h = 7, 5
    assert d.evaluate(d_x=x, d_h=h) == n_params(nn.Linear(x, h), nn.Linear(h, h, bias=False), nn.Linear(x, h))
