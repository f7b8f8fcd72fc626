"""Notations of the web and of plain text that issue 17's work on the third set-aside corpus found
unread (each general, not one snippet's): math in an image's address, HTML scripts and entities,
Unicode math in bare lines and Markdown tables, math between Chinese or Japanese words, a bracket left
open at the end, `h_prev`, ` . ` as a product, `n*d` in a declaration, an empty script, a set of
parameters named in a `where` row, LaTeX environments of packages (empheq, IEEEeqnarray). The counts
are checked against torch modules; what must not be counted is refused."""
from __future__ import annotations

import os

import pytest

import symcount

torch = pytest.importorskip("torch") if not os.environ.get("CI") else __import__("torch")
nn = torch.nn


def n_params(module) -> int:
    return sum(p.numel() for p in module.parameters())


def gru_one_bias(d: int, h: int) -> int:
    """Three gates, each an input map with a bias and a recurrent map without one."""
    return n_params(nn.ModuleList([nn.Linear(d, h) for _ in range(3)] + [nn.Linear(h, h, bias=False) for _ in range(3)]))


def lstm_concat(d: int, h: int) -> int:
    """Four gates, each one map of [h_{t-1}, x_t] with a bias (colah's LSTM)."""
    return n_params(nn.ModuleList([nn.Linear(h + d, h) for _ in range(4)]))


CODECOGS = r"""Some prose about the GRU and $x_t$ the input.

![](https://latex.codecogs.com/gif.latex?z_t=\sigma(W_zx_t+U_zh_{t-1}+b_z))

<img src="https://latex.codecogs.com/svg.latex?r_t%3D%5Csigma%28W_r%20x_t%2BU_r%20h_%7Bt-1%7D%2Bb_r%29">

![](https://render.githubusercontent.com/render/math?math=\tilde{h}_t=\tanh(W_hx_t%2BU_h(r_t\odot+h_{t-1})%2Bb_h))

![h_t](https://latex.codecogs.com/png.latex?h_t%20%3D%20%281-z_t%29%5Codot%20h_%7Bt-1%7D%20%2B%20z_t%5Codot%20%5Ctilde%7Bh%7D_t)
"""


def test_math_in_the_address_of_an_image_is_read():
    """codecogs (`+` a plus), GitHub's renderer (`+` a space, `%2B` a plus), percent escapes undone
    in place: the math keeps its offsets."""
    d = symcount.derive(CODECOGS)
    assert d.evaluate(d_x=7, d_h=5) == gru_one_bias(7, 5)
    assert len(d.equations) == 4


def test_an_error_in_an_address_points_into_the_address():
    text = "![](https://latex.codecogs.com/gif.latex?h_t=\\tanh(W%20x_t%20+%20U%20h_{t-1}%20+%20))\n"
    with pytest.raises(symcount.SymcountError) as exc:
        symcount.derive(text)
    assert exc.value.span is not None and text[exc.value.span.start:exc.value.span.end].strip() in (")", "")


HTML = """The GRU computes

- z<sub>t</sub> = &sigma;(W<sub>z</sub> x<sub>t</sub> + U<sub>z</sub> h<sub>t-1</sub> + b<sub>z</sub>)
- r<sub>t</sub> = σ(W<sub>r</sub> <i>x</i><sub>t</sub> + U<sub>r</sub> h<sub>t-1</sub> + b<sub>r</sub>)
- h̃<sub>t</sub> = tanh(W<sub>h</sub> x<sub>t</sub> + U<sub>h</sub> (r<sub>t</sub> &odot; h<sub>t-1</sub>) + b<sub>h</sub>)
- h<sub>t</sub> = (1 - z<sub>t</sub>) ⊙ h<sub>t-1</sub> + z<sub>t</sub> ⊙ h̃<sub>t</sub>
"""


def test_html_scripts_and_entities_are_latex():
    d = symcount.derive(HTML)
    assert d.evaluate(d_x=7, d_h=5) == gru_one_bias(7, 5)


UNICODE = """fₜ = σ(W_f·[hₜ₋₁, xₜ] + b_f)
iₜ = σ(W_i·[hₜ₋₁, xₜ] + b_i)
C̃ₜ = tanh(W_C·[hₜ₋₁, xₜ] + b_C)
Cₜ = fₜ ⊙ Cₜ₋₁ + iₜ ⊙ C̃ₜ
oₜ = σ(W_o·[hₜ₋₁, xₜ] + b_o)
hₜ = oₜ ⊙ tanh(Cₜ)
"""


def test_unicode_lines_without_latex_are_equations():
    """The cell-state and output lines hold no `_` or command, only Unicode math: they were dropped,
    and the gates' sizes were left open."""
    d = symcount.derive(UNICODE)
    assert len(d.equations) == 6
    assert d.evaluate(d_x=7, d_h=5) == lstm_concat(7, 5)


def test_markdown_table_cells_are_lines():
    rows = ["| gate | meaning | equation |", "|---|---|---|"]
    rows += [f"| {g} | the {g} gate of the cell | {line} |" for g, line in zip("fiCo", [
        "fₜ = σ(W_f·[hₜ₋₁, xₜ] + b_f)", "iₜ = σ(W_i·[hₜ₋₁, xₜ] + b_i)",
        "C̃ₜ = tanh(W_C·[hₜ₋₁, xₜ] + b_C)", "oₜ = σ(W_o·[hₜ₋₁, xₜ] + b_o)"])]
    text = "\n".join(rows) + "\nCₜ = fₜ ⊙ Cₜ₋₁ + iₜ ⊙ C̃ₜ\nhₜ = oₜ ⊙ tanh(Cₜ)\n"
    assert symcount.derive(text).evaluate(d_x=7, d_h=5) == lstm_concat(7, 5)


def test_equations_with_no_parameter_are_refused():
    """What was read holds no weight (the gates were in a picture): a count of 0 printed with exit 0
    was wrong; the refusal names the lines read."""
    text = "The gates are in the figure.\nCₜ = fₜ ⊙ Cₜ₋₁ + iₜ ⊙ C̃ₜ\nhₜ = oₜ ⊙ tanh(Cₜ)\n"
    with pytest.raises(symcount.ShapeError) as exc:
        symcount.derive(text)
    assert "no parameter" in exc.value.message and "2, 3" in exc.value.message


def test_math_between_chinese_words_is_read():
    text = "其中 hₜ = tanh(W xₜ + U hₜ₋₁ + b)，W 是权重。\n"
    d = symcount.derive(text)
    assert d.evaluate(d_x=7, d_h=5) == n_params(nn.RNNCell(7, 5)) - 5  # one bias


@pytest.mark.parametrize("close", ["", ")"])
def test_a_parenthesis_left_open_at_the_end_closes_there(close):
    text = ("* $R_t = \\sigma (X_tW_{xr} + H_{t-1}W_{hr} + b_r$\n"
            "* $Z_t = \\sigma (X_tW_{xz} + H_{t-1}W_{hz} + b_z" + close + "$\n"
            "* $\\tilde H_t = \\tanh(X_tW_{xh} + (R_t \\odot H_{t-1})W_{hh} + b_h)$\n"
            "* $H_t = Z_t \\odot H_{t-1} + (1 - Z_t) \\odot \\tilde H_t$\n")
    d = symcount.derive(text)
    assert d.evaluate(d_X=7, d_H=5) == gru_one_bias(7, 5)
    notes = [n for n in d.shapes.notes if "never closed" in n]
    assert len(notes) == (2 if close == "" else 1) and ":1:" in notes[0]


def test_a_parenthesis_open_in_the_middle_closes_at_its_rows_end_only_if_it_is_an_activations():
    # an activation's: wherever it closes in its row, the count is one (round 31)
    d = symcount.derive("$$ h_t = \\tanh(W x_t + U (h_{t-1} + b) \\\\ y_t = V h_t $$")
    assert d.evaluate(d_x=7, d_h=5, d_y=3) == 5 * 7 + 5 * 5 + 5 + 3 * 5
    assert any("read as closed at the end of its row" in n for n in d.shapes.notes)
    with pytest.raises(symcount.ParseError):  # a product's: where it closes decides what W multiplies
        symcount.derive("$$ h_t = \\tanh(W (x_t + U h_{t-1}) \\\\ y_t = V (h_t + b \\\\ z_t = y_t $$")


def test_prev_is_a_time_and_a_spaced_dot_a_product():
    text = ("    z = sigmoid(W_z . x + U_z . h_prev + b_z)\n"
            "    r = sigmoid(W_r . x + U_r . h_prev + b_r)\n"
            "    h_tilde = tanh(W_h . x + U_h . (r * h_prev) + b_h)\n"
            "    h = (1 - z) * h_prev + z * h_tilde\n")
    d = symcount.derive(text)
    assert d.evaluate(d_x=7, d_h=5) == gru_one_bias(7, 5)


def test_a_star_between_sizes_and_an_empty_script():
    """`X_t\\in_{}\\mathbb{R}^{n*d}` (codecogs pages): `_{}` is a space, `*` a \\times."""
    text = (r"$X_t\in_{}\mathbb{R}^{n*d}$, $H_{t-1}\in_{}\mathbb{R}^{n*h}$" "\n\n"
            r"$$ H_t = \tanh(X_t W_{xh} + H_{t-1} W_{hh} + b_h) $$" "\n")
    d = symcount.derive(text)
    assert d.evaluate(d=7, h=5) == n_params(nn.RNNCell(7, 5)) - 5


def test_a_set_of_parameters_named_in_a_where_row_is_not_an_equation():
    text = (r"$$\begin{aligned} h_t &= \tanh(W_{ih} x_t + b_{ih} + W_{hh} h_{t-1} + b_{hh}) \\"
            "\n" r"&\text{where }\theta=\{W_{ih},b_{ih},W_{hh},b_{hh}\}. \end{aligned}$$" "\n")
    assert symcount.derive(text).evaluate(d_x=7, d_h=5) == n_params(nn.RNNCell(7, 5))


@pytest.mark.parametrize("env", [("\\begin{empheq}[box=\\tcbhighmath]{align}", "\\end{empheq}"),
                                 ("\\begin{IEEEeqnarray}{rCl}", "\\end{IEEEeqnarray}")])
def test_package_environments_are_math(env):
    text = (f"{env[0]}\n  f_t &= \\sigma_g(W_fx_t + U_fh_{{t-1}} + b_f) \\\\\n"
            f"  h_t &= f_t \\circ \\sigma_h(W_hx_t + U_hh_{{t-1}} + b_h)\n{env[1]}\n")
    d = symcount.derive(text)
    assert d.evaluate(d_x=7, d_h=5) == 2 * n_params(nn.RNNCell(7, 5)) - 2 * 5


D2L_GRU = r"""
$$
\begin{aligned}
\mathbf{R}_t = \sigma(\mathbf{X}_t \mathbf{W}_{xr} + \mathbf{H}_{t-1} \mathbf{W}_{hr} + \mathbf{b}_r),\\
\mathbf{Z}_t = \sigma(\mathbf{X}_t \mathbf{W}_{xz} + \mathbf{H}_{t-1} \mathbf{W}_{hz} + \mathbf{b}_z),
\end{aligned}
$$
where $\mathbf{W}_{xr}, \mathbf{W}_{xz} \in \mathbb{R}^{d \times h}$ and $\mathbf{W}_{hr}, \mathbf{W}_{hz} \in \mathbb{R}^{h \times h}$ are weight parameters and $\mathbf{b}_r, \mathbf{b}_z \in \mathbb{R}^{1 \times h}$ are biases.

$$\tilde{\mathbf{H}}_t = \tanh(\mathbf{X}_t \mathbf{W}_{xh} + \left(\mathbf{R}_t \odot \mathbf{H}_{t-1}\right) \mathbf{W}_{hh} + \mathbf{b}_h),$$

$$\mathbf{H}_t = \mathbf{Z}_t \odot \mathbf{H}_{t-1}  + (1 - \mathbf{Z}_t) \odot \tilde{\mathbf{H}}_t.$$
"""


def test_a_bias_declared_as_a_row_adds_to_a_product_of_rows():
    """d2l's GRU with X_t left undeclared: `X_t W_{xr}` is a vector, `b_r` is declared 1 x h, one
    bias per entry (it was refused: h x 1 and 1 x h)."""
    assert symcount.derive(D2L_GRU).evaluate(d=7, h=5) == gru_one_bias(7, 5)


DEEP = r"""$\mathbf{X}_t \in \mathbb{R}^{n \times d}$, $\mathbf{H}_t^{(l)} \in \mathbb{R}^{n \times h}$.
Setting $\mathbf{H}_t^{(0)} = \mathbf{X}_t$,
$$\mathbf{H}_t^{(l)} = \phi_l(\mathbf{H}_t^{(l-1)} \mathbf{W}_{xh}^{(l)} + \mathbf{H}_{t-1}^{(l)} \mathbf{W}_{hh}^{(l)} + \mathbf{b}_h^{(l)}),$$
where $\mathbf{W}_{xh}^{(l)} \in \mathbb{R}^{h \times h}$, and $\mathbf{W}_{hh}^{(l)} \in \mathbb{R}^{h \times h}$, $\mathbf{b}_h^{(l)} \in \mathbb{R}^{1 \times h}$.
"""


def test_layer_l_whose_first_layer_reads_another_size_is_refused():
    """Layer l's input weight is declared h x h, but layer 1 reads X_t (d): one layer's count is not
    each layer's."""
    with pytest.raises(symcount.ShapeError) as exc:
        symcount.derive(DEEP)
    assert "first layer" in exc.value.message


def test_layer_l_and_layer_1_written_apart_are_refused():
    text = DEEP.replace("Setting $\\mathbf{H}_t^{(0)} = \\mathbf{X}_t$,",
                        "$$\\mathbf{H}_t^{(1)} = \\phi(\\mathbf{X}_t \\mathbf{W}_{xh}^{(1)} + \\mathbf{H}_{t-1}^{(1)} "
                        "\\mathbf{W}_{hh}^{(1)} + \\mathbf{b}_h^{(1)})$$")
    with pytest.raises(symcount.ShapeError) as exc:
        symcount.derive(text)
    assert "number of layers" in exc.value.message


def test_layer_l_alone_is_one_layer():
    """Without the first layer written apart, layer l is the stack's layer (--layers counts it)."""
    text = DEEP.replace("Setting $\\mathbf{H}_t^{(0)} = \\mathbf{X}_t$,", "").replace(
        "$\\mathbf{W}_{xh}^{(l)} \\in \\mathbb{R}^{h \\times h}$, and ", "")
    d = symcount.derive(text)
    assert "layer below" in " ".join(d.shapes.notes)


VEC = r"""\begin{align}
     f_t &= \sigma_g\left(\mathbf{W}_f\vec{x}_t + \mathbf{U}_f \vec{h}_{t-1}+\vec{b}_f\right) \\
     \widetilde{c}_t &= \sigma_c\left(\mathbf{W}_c\vec{x}_t + \mathbf{U}_c \vec{h}_{t-1}+\vec{b}_c\right) \\
     c_t &= f_t \odot c_{t-1} + (1 - f_t) \odot \widetilde{c}_t \\
     h_t & = \sigma_h\left(c_t\right)
\end{align}"""


def test_an_arrow_marks_a_vector_not_another_quantity():
    """`\\vec{h}_{t-1}` is the h_t the text defines (its size was left open as a separate input)."""
    d = symcount.derive(VEC)
    assert d.evaluate(d_x=7, d_h=5) == 2 * n_params(nn.RNNCell(7, 5)) - 2 * 5
    assert any("arrow marks a vector" in n for n in d.shapes.notes)


def test_an_arrow_on_a_quantity_defined_apart_stays_its_own():
    d = symcount.derive(r"$$ \vec{h}_t = \tanh(W x_t + U \vec{h}_{t-1}) \\ h_t = V \vec{h}_t $$")
    assert {p.name for p in d.shapes.params} == {"W", "U", "V"}
    assert d.evaluate(d_x=7, d_hvec=5, d_h=3) == 5 * 7 + 5 * 5 + 3 * 5


RNN = "$$h_t = \\tanh(W x_t + U h_{t-1} + b)$$\n\n"


@pytest.mark.parametrize("prose", [
    "where $W$ has shape $(H, D)$, $U$ has shape $(H, H)$ and $b$ has shape $(H,)$.",
    "Here $x_t$ is the input of size $D$ and $h_t$ is the hidden state of size $H$.",
    "- $W$: input-to-hidden weights, $[H \\times D]$\n- $U$: hidden-to-hidden weights, $[H \\times H]$",
    "where $W$ is a $H \\times D$ matrix, $U$ is an $H \\times H$ matrix.",
    "The input $x_t$ (size $D$) and the state $h_t$ (dimension $H$).",
    "$x_t$ has $D$ features and $h_t$ has $H$ units.",
])
def test_sizes_the_prose_gives_name_the_dimensions(prose):
    """The dimensions are the prose's names (the corpus binds a snippet's sizes by them), each claim
    a located note."""
    d = symcount.derive(RNN + prose + "\n")
    assert set(d.counts.dims) == {"D", "H"}
    assert d.evaluate(D=7, H=5) == n_params(nn.RNNCell(7, 5)) - 5
    assert any("as the prose says" in n for n in d.shapes.notes)


def test_a_shape_the_prose_gives_against_the_equations_is_refused():
    with pytest.raises(symcount.ShapeError):
        symcount.derive(RNN + "where $W$ has shape $(D, H)$ and $x_t$ is the input of size $D$, $h_t$ of size $H$.\n")


@pytest.mark.parametrize("prose, dims", [
    ("where the number of hidden units is $H$ and the input size is $D$.", {"H": 5, "D": 7}),
    ("The layer has $H$ hidden units and the input dimension $D$.", {"H": 5, "D": 7}),
    ("假设隐藏单元个数为 h，输入个数为d。", {"h": 5, "d": 7}),
])
def test_the_hidden_and_input_sizes_named_without_their_symbols(prose, dims):
    d = symcount.derive(RNN + prose + "\n")
    assert set(d.counts.dims) == set(dims)
    assert d.evaluate(**dims) == n_params(nn.RNNCell(7, 5)) - 5


def test_the_hidden_units_written_as_the_signal_name_no_size():
    d = symcount.derive(RNN + "The hidden units $h_t$ are computed at each step.\n")
    assert set(d.counts.dims) == {"d_h", "d_x"}


@pytest.mark.parametrize("define", ["\\def\\vh{{\\bm{h}}}\\def\\vx{{\\bm{x}}}\\def\\mW{{\\bm{W}}}",
                                    "\\newcommand{\\vh}{{\\bm{h}}}\\newcommand{\\vx}{{\\bm{x}}}\\newcommand{\\mW}{{\\bm{W}}}"])
def test_a_macro_whose_body_is_one_group(define):
    """math_commands.tex (ICLR, NeurIPS templates) writes `\\def\\vh{{\\bm{h}}}`: `{\\bm{h}}_t` is h_t."""
    text = define + "\n\\begin{equation}\n\\vh_t = \\tanh(\\mW \\vx_t + \\mU \\vh_{t-1} + \\vb)\n\\end{equation}\n"
    assert symcount.derive(text).evaluate(d_x=7, d_h=5) == n_params(nn.RNNCell(7, 5)) - 5


FENCED = """The LSTM takes the input $x_t$ and the previous state $h_{t-1}$. In code:

```
i_t = sigmoid(W_ii x_t + b_ii + W_hi h_(t-1) + b_hi)
f_t = sigmoid(W_if x_t + b_if + W_hf h_(t-1) + b_hf)
g_t = tanh(W_ig x_t + b_ig + W_hg h_(t-1) + b_hg)
o_t = sigmoid(W_io x_t + b_io + W_ho h_(t-1) + b_ho)
c_t = f_t * c_(t-1) + i_t * g_t
h_t = o_t * tanh(c_t)
```
"""


def test_equations_in_a_code_block_when_the_math_only_mentions_symbols():
    d = symcount.derive(FENCED)
    assert d.evaluate(d_x=7, d_h=5) == n_params(nn.LSTMCell(7, 5))
    assert any("no math region holds an equation" in n for n in d.shapes.notes)


def test_prose_lines_are_not_read_when_the_math_only_mentions_symbols():
    text = FENCED.replace("```\n", "").replace("In code:", "In words, with $W$ the weights:")
    with pytest.raises(symcount.ParseError) as exc:
        symcount.derive(text)
    assert "no equations found" in exc.value.message


LITERAL = """    Gated recurrent unit. The input :math:`x_t` and state :math:`h_{t-1}` give::

        r = sigmoid(W_r x_t + U_r h_(t-1) + b_r)
        z = sigmoid(W_z x_t + U_z h_(t-1) + b_z)
        n = tanh(W_n x_t + r * (U_n h_(t-1)) + b_n)
        h_t = (1 - z) * n + z * h_(t-1)

    Args:
        input_size: the size of x
"""


@pytest.mark.parametrize("text", [LITERAL, "<p>With $x_t$ the input:</p>\n<pre>\n" + "\n".join(
    line.strip() for line in LITERAL.splitlines()[2:6]) + "\n</pre>\n"])
def test_equations_in_a_literal_block_or_pre(text):
    d = symcount.derive(text)
    assert d.evaluate(d_x=7, d_h=5) == gru_one_bias(7, 5)


def test_a_shape_in_brackets_right_after_the_name():
    """`$x_{t}$ $[M\\times 1]$: input vector` (a list of variables): x is a vector of M."""
    text = RNN + "Variables:\\\\\n$x_{t}$ $[M\\times 1]$: input vector\\\\\n$h_{t}$ $[N\\times 1]$: output vector\\\\\n"
    d = symcount.derive(text)
    assert set(d.counts.dims) == {"M", "N"}
    assert d.evaluate(M=7, N=5) == n_params(nn.RNNCell(7, 5)) - 5


SOURCE = '''// GRU cell.
//   z = sigmoid(W_z x + U_z h + b_z)
//   r = sigmoid(W_r x + U_r h + b_r)
//   n = tanh(W_n x + U_n (r * h) + b_n)
//   h' = (1 - z) * n + z * h
pub struct Gru {
    w_z: Tensor,
}
impl Gru {
    pub fn step(&self, x: &Tensor, h: &Tensor) -> Tensor {
        let z = self.w_z.matmul(x).sigmoid();
        let n = (self.w_n * x + r * h).tanh();
        return n;
    }
}
'''


def test_source_code_reads_its_comments_not_its_code():
    """Lines of code (`let z = ...;`, `self.w_n * x`) look like equations; in a source file only the
    comments are math."""
    d = symcount.derive(SOURCE)
    assert len(d.equations) == 4
    assert d.evaluate(d_x=7, d_h=5) == gru_one_bias(7, 5)


TORCH_ARGS = r'''    .. math::
        h_t = \tanh(x_t W_{ih}^T + b_{ih} + h_{t-1}W_{hh}^T + b_{hh})

    Args:
        input_size: The number of expected features in the input `x`
        hidden_size: The number of features in the hidden state `h`
'''


@pytest.mark.parametrize("args", [
    TORCH_ARGS,
    TORCH_ARGS.replace("input_size:", "* **input_size** –").replace("hidden_size:", "* **hidden_size** –"),
])
def test_the_arguments_documented_name_the_sizes(args):
    """torch.nn's docstrings name the sizes by their arguments: binding those names gives torch's count."""
    d = symcount.derive(args)
    assert d.evaluate(input_size=7, hidden_size=5) == n_params(nn.RNN(7, 5))
    assert "\\mathit{hidden\\_size}" in d.explain("latex")


def test_the_units_of_keras_name_the_hidden_size():
    text = r"$h_t = \tanh(W x_t + U h_{t-1} + b)$" + "\n\nunits: Positive integer, dimensionality of the output space.\n"
    assert symcount.derive(text).evaluate(units=5, d_x=7) == n_params(nn.RNN(7, 5)) - 5


def test_a_row_labelled_before_its_equation():
    """`update\\quad gate\\quad :\\quad z_t = ...` (an equation editor's rows), `reset \\ gate: r_t = ...`."""
    text = (r"$$ update\quad gate\quad :\quad z_t = \sigma(W_z x_t + U_z h_{t-1} + b_z) \\"
            "\n" r"reset \ gate: r_t = \sigma(W_r x_t + U_r h_{t-1} + b_r) \\"
            "\n" r"\text{candidate}: \tilde{h}_t = \tanh(W_h x_t + U_h (r_t \odot h_{t-1}) + b_h) \\"
            "\n" r"h_t = (1 - z_t) \odot h_{t-1} + z_t \odot \tilde{h}_t $$")
    assert symcount.derive(text).evaluate(d_x=7, d_h=5) == gru_one_bias(7, 5)


def test_a_tight_dot_after_a_bracket_is_a_product():
    text = (r"$$ z_t = \sigma(W_z x_t + U_z h_{t-1}) $$ $$ r_t = \sigma(W_r x_t + U_r h_{t-1}) $$"
            r"$$ c_t = \tanh(W_c x_t + U_c (h_{t-1}).r_t) $$ $$ h_t = (1 - z_t) \odot h_{t-1} + z_t \odot c_t. $$")
    no_bias = n_params(nn.ModuleList([nn.Linear(7, 5, bias=False) for _ in range(3)]
                                     + [nn.Linear(5, 5, bias=False) for _ in range(3)]))
    assert symcount.derive(text).evaluate(d_x=7, d_h=5) == no_bias


def test_a_signal_computed_from_itself_at_the_same_step_is_refused():
    """`u_t = actGate(xu_t + W_u h_{t-1})`: xu_t is the input projected for u (one name), but as
    written it is x times u_t, u_t on both sides: refused, naming both places, not counted."""
    text = r"$$ u_t = \sigma(x u_t + W_u h_{t-1} + b_u) \\ h_t = u_t \odot h_{t-1} $$"
    with pytest.raises(symcount.ShapeError) as exc:
        symcount.derive(text)
    assert "u_t is computed from itself" in str(exc.value) and "x_{u,t}" in str(exc.value)


def test_an_unbraced_lag_in_plain_text_is_the_step_before():
    """`U * Y_t-1` in a code block: Y at t-1 (IndRNN: U a vector, elementwise), not Y_t minus one."""
    text = "```\nY_t = activation( W * X_t + B + U ⊙ Y_t-1 )\n```\n"
    d = symcount.derive(text)
    assert d.evaluate(d_X=7, d_Y=5) == 7 * 5 + 5 + 5
    assert any(s.recurrent for s in d.shapes.signals if s.name == "Y")


def test_a_bold_one_is_a_vector_of_ones_and_a_bold_letter_before_a_parenthesis_a_function():
    text = (r"$$ \mathbf{z}_t = \sigma(W_z \mathbf{x}_t + U_z \mathbf{h}_{t-1}) \\"
            r" \mathbf{h}_t = (\mathbf{1} - \mathbf{z}_t) \odot \mathbf{h}_{t-1} + \mathbf{z}_t \odot \tanh(W \mathbf{x}_t) \\"
            r" \mathbf{y}_t = \mathbf{g}(\mathbf{h}_t) $$")
    d = symcount.derive(text)
    assert d.evaluate(d_x=7, d_h=5) == n_params(nn.ModuleList([nn.Linear(7, 5, bias=False), nn.Linear(5, 5, bias=False),
                                                                 nn.Linear(7, 5, bias=False)]))
    assert any("a function g" in n for n in d.shapes.notes)


@pytest.mark.parametrize("frac", [r"\frac12", r"\frac 1 2", r"\frac{1}{2}", r"\tfrac 1 {2}"])
def test_a_fraction_of_digits_without_braces(frac):
    text = rf"$$ h_t = \tanh({frac} (W x_t + U h_{{t-1}}) + b) $$"
    assert symcount.derive(text).evaluate(d_x=7, d_h=5) == n_params(nn.RNN(7, 5)) - 5


def test_a_fraction_before_a_factor_is_a_coefficient_whose_letters_are_read_both_ways():
    """DyNet's dropout: \\frac 1 {1-d_x} z_x \\circ x_t. The fraction is one number; d_x, a letter only
    written there, is a constant or a learned scalar: the counts differ, so both are listed."""
    text = (r"$$ h_t = \tanh(W (\frac 1 {1-p} m \circ x_t) + U h_{t-1} + b) $$")
    with pytest.raises(symcount.ShapeError) as exc:
        symcount.derive(text)
    assert "--read p=constant" in str(exc.value) and "--read p=learned" in str(exc.value)
    d = symcount.derive(text, read={"p": "constant"})
    assert d.evaluate(d_m=7, d_h=5) == n_params(nn.RNN(7, 5)) - 5


def test_a_column_of_functions_composed_with_a_product():
    """(\\sigma; \\sigma; \\sigma; \\tanh) \\circ (W [x_t; h_{t-1}] + b): each function applied to its block."""
    text = (r"$$ \begin{pmatrix} f_t \\ i_t \\ o_t \\ \tilde{c}_t \end{pmatrix} = "
            r"\begin{pmatrix} \sigma \\ \sigma \\ \sigma \\ \tanh \end{pmatrix} \circ \left( W "
            r"\begin{pmatrix} x_t \\ h_{t-1} \end{pmatrix} + b \right) \\"
            r" c_t = f_t \odot c_{t-1} + i_t \odot \tilde{c}_t \\ h_t = o_t \odot \tanh(c_t) $$")
    assert symcount.derive(text).evaluate(d_x=7, d_h=5) == n_params(nn.LSTM(7, 5)) - 4 * 5


SURFERTAS = r"""GRU:

1. Update Gate: $z_t = z(x_t, h_{t-1})=\sigma(f(x_t, h_{t-1})) = \sigma(W^{(z)}_{xh}x_t + U^{(z)}_{hh}h_{t-1})$

1. Reset Gate: $r_t = r(x_t, h_{t-1})=\sigma(g(x_t, h_{t-1})) = \sigma(W^{(r)}_{xh}x_t + U^{(r)}_{hh}h_{t-1})$

1. New: $\tilde{h}_t = tanh(W^{(\tilde{h})}_{xh}x_t + r_t\circ U^{\tilde{h}}_{hh}h_{t-1})$

1. Final: $h_t = z_t \circ h_{t-1} + (1-z_t)\circ\tilde{h_t}$

In English:
3. if $r_t$ is $0$ then $\tilde{h}_t = tanh(W^{(\tilde{h})}_{xh}x_t + r_t\circ U^{\tilde{h}}_{hh}h_{t-1})$ becomes $\tilde{h}_t = tanh(W^{(\tilde{h})}_{xh}x_t)$ and we forget the past
"""


def test_a_chain_of_abstract_sides_a_braced_superscript_and_an_example_sentence():
    """surfertas/deep_learning (a GRU notebook, excerpt): z(x_t, h_{t-1}) and \\sigma(f(...)) name the
    side that says what z_t is; U^{\\tilde{h}}_{hh} is one name; the sentence "if ... then ... becomes"
    redefines \\tilde{h}_t as an example. torch: six maps without bias."""
    d = symcount.derive(SURFERTAS)
    six = nn.ModuleList([nn.Linear(7, 5, bias=False) for _ in range(3)] + [nn.Linear(5, 5, bias=False) for _ in range(3)])
    assert d.evaluate(d_x=7, d_h=5) == n_params(six)
    assert any("an example, not the definition" in n for n in d.shapes.notes)


def test_a_signal_defined_from_its_plain_namesake_is_refused():
    """A_t = \\exp(\\Delta_t A) (a selective SSM's discretisation in a wiki's notes): the plain A is the
    parameter, A_t the step's matrix; read as one name, A was lost and one weight was counted."""
    text = (r"\[\mathbf{h}_t = \mathbf{A}_t \mathbf{h}_{t-1} + \mathbf{B}_t \mathbf{x}_t\] \[\mathbf{y}_t = \mathbf{C}_t "
            r"\mathbf{h}_t + \mathbf{D}\mathbf{x}_t\] \[\mathbf{A}_t = \exp(\Delta_t \mathbf{A})\]")
    with pytest.raises(symcount.ShapeError) as exc:
        symcount.derive(text)
    assert "A_t is defined from A, which has no time index" in str(exc.value)


EDIFICE_SLSTM = """Gate pre-activations (with recurrent connections):

    log_i_t = W_i x_t + R_i h_{t-1} + b_i
    log_f_t = W_f x_t + R_f h_{t-1} + b_f
    z_t = tanh(W_z x_t + R_z h_{t-1} + b_z)
    o_t = sigmoid(W_o x_t + R_o h_{t-1} + b_o)

Log-domain stabilization:

    m_t = max(log_f_t + m_{t-1}, log_i_t)
    i_t' = exp(log_i_t - m_t)
    f_t' = exp(log_f_t + m_{t-1} - m_t)

State updates:

    c_t = f_t' * c_{t-1} + i_t' * z_t
    n_t = f_t' * n_{t-1} + i_t'
    h_t = o_t * (c_t / max(|n_t|, 1))
"""


def test_snake_case_names_at_a_time_step_in_plain_text():
    """Edifice's sLSTM docs (hexdocs, plain text): log_i_t is log_i at t, not two subscripts. torch: four
    gates, each an input map with a bias and a recurrent map."""
    d = symcount.derive(EDIFICE_SLSTM)
    gates = nn.ModuleList([nn.Linear(7, 5) for _ in range(4)] + [nn.Linear(5, 5, bias=False) for _ in range(4)])
    assert d.evaluate(d_x=7, d_h=5) == n_params(gates)
    assert any(s.name == "log_i" for s in d.shapes.signals)


@pytest.mark.parametrize("update", [r"S_{t-1} + \beta_t (v_t - S_{t-1} k_t) k_t^T",
                                    r"S_{t-1} + \beta_t * (v_t - S_{t-1} k_t) * k_t^T"])
def test_a_matrix_state_read_on_the_right_of_its_own_update(update):
    """DeltaNet's delta rule as Edifice's docs write it: S_{t-1} k_t reads the matrix state before the
    outer product makes it; `*` before k_t^T is that outer product."""
    text = (r"$$ q_t = W_q x_t \\ k_t = W_k x_t \\ v_t = W_v x_t \\ \beta_t = \sigma(W_\beta x_t) \\ S_t = " + update
            + r" \\ o_t = S_t q_t $$ where $\beta_t \in \mathbb{R}$.")
    d = symcount.derive(text)
    maps = nn.ModuleList([nn.Linear(7, 4, bias=False), nn.Linear(7, 4, bias=False), nn.Linear(7, 5, bias=False),
                          nn.Linear(7, 1, bias=False)])
    assert d.evaluate(d_x=7, d_S=4, d_v=5) == n_params(maps)


MINDSPORE_ARGS = r"""
.. math::

    \begin{array}{ll} \\
        i_t = \sigma(W_{ix} x_t + b_{ix} + W_{ih} h_{(t-1)} + b_{ih}) \\
        f_t = \sigma(W_{fx} x_t + b_{fx} + W_{fh} h_{(t-1)} + b_{fh}) \\
        \tilde{c}_t = \tanh(W_{cx} x_t + b_{cx} + W_{ch} h_{(t-1)} + b_{ch}) \\
        o_t = \sigma(W_{ox} x_t + b_{ox} + W_{oh} h_{(t-1)} + b_{oh}) \\
        c_t = f_t * c_{(t-1)} + i_t * \tilde{c}_t \\
        h_t = o_t * \tanh(c_t) \\
    \end{array}

Here :math:`\sigma` is the sigmoid function, and :math:`*` is the Hadamard product.

"""


@pytest.mark.parametrize("args", [
    "Args:\n    input_size (int): Number of features of input.\n    hidden_size (int):  Number of features of hidden layer.\n",
    "参数:\n    - **input_size** (int) - 输入的大小。\n    - **hidden_size** (int) - 隐藏状态大小。\n",
])
def test_mindspore_arguments_name_the_sizes(args):
    """mindspore.nn.LSTMCell's docstring (English and Chinese API pages): torch's LSTMCell count."""
    d = symcount.derive(MINDSPORE_ARGS + args)
    assert d.evaluate(input_size=7, hidden_size=5) == n_params(nn.LSTMCell(7, 5))


def test_sizes_named_in_a_code_style_argument_list():
    """Flux's docstrings: "`x`: The input to the GRU. It should be a vector of size `in` or a matrix
    of size `in x batch_size`." (a cell written without time indices)."""
    text = ("$$\nz = \\sigma(W_{xz} x + W_{hz} h + b_z)\nh' = (1 - z) \\odot h + z \\odot \\tanh(W_{xh} x + W_{hh} h + b_h)\n$$\n\n"
            "  * `x`: The input. It should be a vector of size `in` or a matrix of size `in x batch_size`.\n"
            "  * `h`: The hidden state. It should be a vector of size `out` or a matrix of size `out x batch_size`.\n")
    d = symcount.derive(text)
    maps = nn.ModuleList([nn.Linear(7, 5), nn.Linear(5, 5, bias=False), nn.Linear(7, 5), nn.Linear(5, 5, bias=False)])
    assert d.bind(**{"in": 7, "out": 5}).evaluate() == n_params(maps)


def test_a_weight_letter_glued_to_a_gate_letter_in_a_timed_unicode_text():
    """ryomemoblog's LSTM table (plain Unicode): fₜ = σ(Wf·[hₜ₋₁, xₜ] + bf), the cell written Cₜ and its
    weight Wc: every signal carries ₜ, so Wf is W_f, bc is b_c (not b times a c)."""
    text = ("fₜ = σ(Wf·[hₜ₋₁, xₜ] + bf)\niₜ = σ(Wi·[hₜ₋₁, xₜ] + bi)\nC̃ₜ = tanh(Wc·[hₜ₋₁, xₜ] + bc)\n"
            "oₜ = σ(Wo·[hₜ₋₁, xₜ] + bo)\nCₜ = fₜ ⊙ Cₜ₋₁ + iₜ ⊙ C̃ₜ\nhₜ = oₜ ⊙ tanh(Cₜ)\n")
    assert symcount.derive(text).evaluate(d_x=7, d_h=5) == lstm_concat(7, 5)


LONGTN = r"""chuỗi đầu ra được mô tả bởi các phương trình sau:

{% raw %}$$
\begin{align}
&{h^{\left( t \right)}} = \tanh \left( {U{x^{\left( t \right)}} + W{h^{\left( {t - 1} \right)}} + b} \right)\\
&{o^{\left( t \right)}} = V{h^{\left( t \right)}} + c\\
&\hat{y}^{(t)} = {\rm{softmax}}\left( {{o^{\left( t \right)}}} \right)\\
\end{align}
$${% endraw %}
"""


def test_jekyll_raw_tags_and_an_equation_editors_braces():
    """A Vietnamese blog's RNN (Jekyll, MathType-style braces): {% raw %} tags are not text, the braced
    left side {h^{(t)}} is the symbol, ^{\\left( {t - 1} \\right)} the step before, {\\rm{softmax}} a function."""
    d = symcount.derive(LONGTN)
    rnn = nn.ModuleList([nn.Linear(7, 5), nn.Linear(5, 5, bias=False), nn.Linear(5, 4)])
    assert d.evaluate(d_x=7, d_h=5, d_o=4) == n_params(rnn)


@pytest.mark.parametrize("legend", ["  * `in => out`: The input and output dimensions of the layer.\n",
                                    "  * `in => out`: レイヤーの入力および出力の次元。\n"])
def test_a_constructor_arrow_names_the_input_and_state_sizes(legend):
    """Flux's GRU docs (English and Japanese): `in => out` names x's size and h's."""
    text = ("$$\nr = \\sigma(W_{xi} x + W_{hi} h + b_i)\nz = \\sigma(W_{xz} x + W_{hz} h + b_z)\n"
            "h̃ = \\tanh(W_{xh} x + r \\odot W_{hh} h + b_h)\nh' = (1 - z) \\odot h̃ + z \\odot h\n$$\n\n" + legend)
    d = symcount.derive(text)
    gru = nn.ModuleList([nn.Linear(7, 5) for _ in range(3)] + [nn.Linear(5, 5, bias=False) for _ in range(3)])
    assert d.bind(**{"in": 7, "out": 5}).evaluate() == n_params(gru)


BENGALI = r"""\begin{align} % requires amsmath; align* for no eq. number
   f_t = \sigma \ (W_f \cdot [H_{t-1} , x_t] \ + \ b_f) \\
   i_t = \sigma \ (W_i \cdot [H_{t-1} , x_t] \ + \ b_i) \\
   \tilde C_t = \tanh \ (W_c \cdot [H_{t-1} , x_t] \ + \ b_c) \\
   C_t = f_t * C_{t-1} + i_t * \tilde C_t \\
   o_t = \sigma \ (W_o \cdot [H_{t-1} , x_t] \ + \ b_o) \\
   h_t = o_t * \tanh(C_t) \\
\end{align}
"""


def test_a_comment_in_a_block_and_a_state_whose_case_slipped():
    """A Bengali NLP book's LSTM: the comment after \\begin{align} ends at its line (the first row is
    read), and H_{t-1}, never defined, is h_{t-1} (h_t is defined and never read at t-1)."""
    d = symcount.derive(BENGALI)
    assert d.evaluate(d_x=7, d_h=5) == lstm_concat(7, 5)
    assert any("the same letter in the other case" in n for n in d.shapes.notes)


def test_names_of_code_in_a_comment_and_in_a_line_of_code():
    """BigDL's RnnCell scaladoc: i2h and h2h are names, not i times 2 times h; quant-gru's config:
    bx_z and br_z in a line at a time step are names with their subscripts."""
    d = symcount.derive(" * i2h: weight matrix of input to hidden units\n * h2h: weight matrix of hidden units to "
                        "themselves through time\n * The updating is defined as:\n * h_t = f(i2h * x_t + h2h * h_{t-1})\n")
    assert d.evaluate(d_x=7, d_h=5) == n_params(nn.RNN(7, 5, bias=False))
    code = ("z[t] = σ(W_z @ x[t] + R_z @ h[t-1] + bx_z + br_z)\nr[t] = σ(W_r @ x[t] + R_r @ h[t-1] + bx_r + br_r)\n"
            "g[t] = tanh(W_g @ x[t] + bx_g + r[t] ⊙ (R_g @ h[t-1] + br_g))\nh[t] = z[t] ⊙ h[t-1] + (1 - z[t]) ⊙ g[t]\n")
    assert symcount.derive(code).evaluate(d_x=7, d_h=5) == n_params(nn.GRU(7, 5))


def test_a_python_constructor_is_code_not_equations():
    """A class with keyword arguments (`dt_init_floor=1e-4,`) and `self.` lines is source code: nothing
    in it is an equation of the cell, so it is refused, never counted."""
    text = ("class Mamba(nn.Module):\n    def __init__(\n        self,\n        d_state=16,\n        dt_init_floor=1e-4,\n"
            "        use_fast_path=True,  # Fused kernel options\n    ):\n        self.d_state = d_state\n"
            "        self.use_fast_path = use_fast_path\n        self.in_proj = nn.Linear(self.d_model, self.d_inner * 2)\n")
    with pytest.raises(symcount.SymcountError):
        symcount.derive(text)


def test_a_reversed_signature_row_and_markdown_escaped_delimiters():
    """warp-nn's GRUCell page opens with \\[\\text{GRUCell}(x, h) = h'\\] (what the cell maps: not an
    equation of it); a blog writes MathJax's \\( as \\\\( in Markdown, and := as : =."""
    gru = (r"\[\text{GRUCell}(x, h) = h'\]" + "\n\nwhere\n\n" + r"\[\begin{array}{ll} r = \sigma(W_{ir} x + b_{ir} + W_{hr} h + "
           r"b_{hr}) \\ z = \sigma(W_{iz} x + b_{iz} + W_{hz} h + b_{hz}) \\ n = \tanh(W_{in} x + b_{in} + r \odot (W_{hn} h + "
           r"b_{hn})) \\ h' = (1 - z) \odot n + z \odot h \end{array}\]")
    assert symcount.derive(gru).evaluate(d_x=7, d_h=5) == n_params(nn.GRUCell(7, 5))
    rnn = "- \\\\( h_t : = \\tanh(W x_t + U h_{t-1} + b) \\\\)\n"
    assert symcount.derive(rnn).evaluate(d_x=7, d_h=5) == n_params(nn.RNN(7, 5)) - 5


def test_a_long_row_of_words_before_a_colon_is_read_in_linear_time():
    """The row-label pattern once split a word between repetitions (exponential backtracking on a row of
    words with a colon and no equation): this input would not finish."""
    words = "The encapsulated LSTMCell can be simplified to the following formula "  # MindSpore's docstring
    text = "$$ " + words + ": h_t = \\tanh(W x_t + U h_{t-1}) $$"
    assert symcount.derive(text).evaluate(d_h=5, d_x=7) == 5 * 5 + 5 * 7
    with pytest.raises(symcount.SymcountError):  # no equation after the colon: refused, as quickly
        symcount.derive("$$ " + words * 3 + ": h_t \\in \\mathbb{R}^d $$")


def test_a_state_read_on_the_right_of_its_own_update_is_a_matrix_state():
    """The delta rule's S, shaped on its own right side first, is still registered as a matrix state
    (its size is d_v x d_S, not a column)."""
    text = (r"$$ k_t = W_k x_t \\ v_t = W_v x_t \\ S_t = S_{t-1} + \beta_t (v_t - S_{t-1} k_t) k_t^T \\ "
            r"o_t = S_t k_t $$ where $\beta_t \in \mathbb{R}$.")
    s = next(s for s in symcount.derive(text).shapes.signals if s.name == "S")
    assert not s.cols.is_one


def test_a_parameter_the_prose_lists_and_no_equation_uses_is_refused():
    """Karpathy's blog: the math writes only the hidden update, while "This RNN's parameters are the three
    matrices `W_hh, W_xh, W_hy`" (W_hy only in code): a count of the math alone would be short."""
    text = ("This RNN's parameters are the three matrices `W_hh, W_xh, W_hy`. In math: "
            "\\\\( h\\_t = \\tanh ( W\\_{hh} h\\_{t-1} + W\\_{xh} x\\_t ) \\\\).\n")
    with pytest.raises(symcount.ShapeError) as exc:
        symcount.derive(text)
    assert "W_hy" in str(exc.value)
    assert symcount.derive(text.replace(", W_hy", "").replace("three", "two")).evaluate(d_x=7, d_h=5) == 5 * 5 + 5 * 7
