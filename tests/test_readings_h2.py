"""Readings found on issue 17's second set-aside corpus (tests/corpus/heldout2): each is general (a
notation, not a snippet), and a count printed with exit 0 is every reading's count."""
from __future__ import annotations

import pytest

import symcount

INDRNN = """It is a simple recurrent unit:

```c++
    Y_t = activation( W * X_t + B + U * Y_t-1 )
```

where:

- `W` and `B` are the weight matrix and the free terms (`W * X_t` {w})
- `U` is a recurrent weights vector (`U * Y_t-1` {u})
"""


def _derive(w: str, u: str, **kw):
    return symcount.derive(INDRNN.replace("{w}", w).replace("{u}", u), **kw)


@pytest.mark.parametrize("w, u", [
    ("means matrix-by-vector multiplication", "means element-wise multiplication of 2 vectors"),
    ("это умножение матрицы на вектор", "это поэлементное прозведение двух векторов"),
    ("是矩阵乘法", "是逐元素乘积"),
])
def test_the_prose_says_what_each_written_product_means(w, u):
    d = _derive(w, u)
    assert d.evaluate(d_X=7, d_Y=5) == 5 * 7 + 5 + 5  # W (Y x X), B, U a vector: IndRNN


def test_a_product_the_prose_speaks_of_in_unknown_words_is_open_and_refused_with_both_readings():
    with pytest.raises(symcount.SymcountError) as exc:
        _derive("это умножение матрицы на вектор", "это какое-то прозведение")
    text = str(exc.value)
    assert "U*=matrix" in text and "U*=elementwise" in text and "--read 'U*=elementwise'" in text
    d = _derive("это умножение матрицы на вектор", "это какое-то прозведение", read=["U*=elementwise"])
    assert d.evaluate(d_X=7, d_Y=5) == 45


def test_the_meaning_nearest_a_product_is_its_own():
    text = ("$$ h_t = \\tanh(W * x_t + U * h_{t-1}) $$\n\n"
            "Here * is both the matrix product (W * x_t) and the elementwise product (U * h_{t-1}).\n")
    d = symcount.derive(text)
    assert d.evaluate(d_x=7, d_h=5) == 5 * 7 + 5


def test_an_unexplained_star_after_a_weight_is_the_notations_matrix_product_settleable_per_product():
    text = "$$ h_t = \\tanh(W_{ih} * x_t + W_{hh} * h_{t-1}) $$"
    d = symcount.derive(text)
    assert d.evaluate(d_x=7, d_h=5) == 5 * 7 + 5 * 5
    assert "--read 'W_hh*=elementwise'" in " ".join(d.shapes.notes)
    d = symcount.derive(text, read=["W_hh*=elementwise"])
    assert d.evaluate(d_x=7, d_h=5) == 5 * 7 + 5


def test_a_sentence_saying_star_is_a_convolution_is_not_a_named_product():
    text = ("$$ f_t = \\sigma(W_{xf}*x_t + W_{hf}*h_{t-1} + W_{cf} \\circ c_{t-1}) $$\n\n"
            "Here $\\circ$ is the Hadamard product, which is a component wise multiplication, and * is convolution.\n")
    from symcount.read.glossary import glossary
    assert glossary(text).operators.get("star") == "convolution"


def test_a_star_between_a_signal_and_a_weight_after_it_is_refused_with_its_readings():
    text = "i = sigmoid(x_t * U^i + h_{t-1} * W^i)\nh_t = i * tanh(x_t * U^g + h_{t-1} * W^g)\n"
    with pytest.raises(symcount.SymcountError) as exc:
        symcount.derive(text)
    assert "row vector times the weight" in str(exc.value) and "--read 'x_t*=elementwise'" in str(exc.value)


def test_code_prose_gives_a_vector_its_size():
    text = ("a vanilla RNN computes the next hidden state vector `h[t]` (of shape (`H,)`) from the previous hidden state\n"
            "`h[t - 1]` and the current input vector `x[t]` (of shape `(D,)`) using\n\n"
            "```\nh[t] = tanh(Wh h[t- 1] + Wx x[t] + b)\n```\n")
    d = symcount.derive(text)
    assert d.evaluate(D=7, H=5) == 5 * 7 + 5 * 5 + 5


def test_a_markdown_table_of_symbols_gives_each_signal_its_dimension():
    text = ("|符號|意義|維度|\n|-|-|-|\n|$x_t$|輸入|$n_i$|\n|$h_t$|狀態|$n_c$|\n|$W$|參數|$n_c \\times n_i$|\n\n"
            "$$ h_t = \\tanh(W x_t + U h_{t-1} + b) $$\n")
    d = symcount.derive(text)
    assert d.evaluate(n_i=7, n_c=5) == 5 * 7 + 5 * 5 + 5


# ---- code: W_ir is one name; a line of code at no time step is not the cell's -------------------
SCIRS2_GRU = """/// Implements a GRU layer with the following update rules:
/// r_t = sigmoid(W_ir * x_t + b_ir + W_hr * h_(t-1) + b_hr)  # reset gate
/// z_t = sigmoid(W_iz * x_t + b_iz + W_hz * h_(t-1) + b_hz)  # update gate
/// n_t = tanh(W_in * x_t + b_in + r_t * (W_hn * h_(t-1) + b_hn))  # new gate
/// h_t = (1 - z_t) * n_t + z_t * h_(t-1)  # hidden state
///
/// let batch_first = false;
"""


def test_code_subscripts_of_several_letters_are_one_name():
    d = symcount.derive(SCIRS2_GRU)
    names = {p.name for p in d.counts.parameters}
    assert {"W_{ir}", "b_{hn}"} <= names and "batch_{first}" not in names
    assert d.evaluate(d_x=7, d_h=5) == 3 * (5 * 7 + 25) + 6 * 5  # torch.nn.GRUCell(7, 5)


def test_latex_in_plain_text_keeps_the_subscript_question():
    with pytest.raises(symcount.SymcountError, match="one letter"):
        symcount.derive("h_t = \\tanh(W_hx x_t + W_hh h_{t-1})\n")


def test_a_gate_computed_by_a_line_that_does_not_read_is_not_a_weight():
    text = ("    z = gate_fn.(dense(input, wiz, bz) + dense(hidden, whz, 0))\n"
            "    n = activation_fn.(dense(input, win, bin))\n"
            "    new_h = (1.0 - z) * n + z * hidden\n")
    with pytest.raises(symcount.SymcountError, match="cannot read the line that defines z"):
        symcount.derive(text)


def test_doc_comments_between_lines_of_code_are_read_and_the_code_left_alone():
    text = "pub struct GRUConfig {\n    pub input_size: usize,\n}\n\n" + SCIRS2_GRU + "pub fn new(input_size: usize) -> Self {\n}\n"
    d = symcount.derive(text)  # (the code's `input_size: usize` names the input's size)
    assert d.evaluate(input_size=7, d_h=5) == 3 * (5 * 7 + 25) + 6 * 5


def test_a_precomposed_accented_letter_is_the_letter_and_its_accent():
    text = (" * z_t = σ(W_z * x_t + U_z * h_{t-1} + b_z)\n * r_t = σ(W_r * x_t + U_r * h_{t-1} + b_r)\n"
            " * ũ_t = tanh(W_h * x_t + U_h * (r_t ⊙ h_{t-1}) + b_h) // 候选状态\n"
            " * h_t = (1 - z_t) ⊙ ũ_t + z_t ⊙ h_{t-1}\n * 其中: - ⊙ 表示逐元素乘法\n")
    d = symcount.derive("/**\n" + text + " */\n")
    assert "\\tilde{u}" in {s.name for s in d.shapes.signals}
    assert d.evaluate(d_x=7, d_h=5) == 3 * (5 * 7 + 25 + 5)  # the meaning of ⊙ is not said of *


def test_a_code_name_of_two_letters_at_a_time_step():
    text = ("```\nai[t] = Wxi x[t] + Whi h[t - 1] + bi  # Matrix / vector multiplication\n"
            "ag[t] = Wxg x[t] + Whg h[t - 1] + bg\n\ni[t] = sigmoid(ai[t])\ng[t] = tanh(ag[t])\n"
            "c[t] = i[t] * c[t - 1] + i[t] * g[t]  # Elementwise multiplication of vectors\nh[t] = tanh(c[t])\n```\n")
    d = symcount.derive(text)
    assert {"a_i", "a_g"} <= {s.name for s in d.shapes.signals}
    assert d.evaluate(d_x=7, d_h=5) == 2 * (5 * 7 + 25 + 5)


def test_a_c_type_ending_in_t_is_not_a_time_step():
    text = ("/**\n * ```\n * z[t] = σ(W[x->z]x[t] + W[s->z]s[t−1] + b[1->z])\n * s[t] = (1-z[t])s[t-1] + z[t]h[t]\n"
            " * h[t] = tanh(W[x->h]x[t])\n * ```\n */\n  std::vector<index3d<size_t>> shape = {\n")
    d = symcount.derive(text)
    assert d.evaluate(d_x=7, d_s=5) == 5 * 7 + 5 * 5 + 5 + 5 * 7


def test_an_underbrace_label_names_what_is_braced():
    text = (r"$$ \tilde{s}_t = \tanh(W(\underbrace{o_t\odot s_{t-1}}_{{h_{t-1}}})+Ux_t+b) \\ "
            r"o_t = \sigma(W_o x_t + U_o s_{t-1}) \\ s_t = (1-o_t)\odot s_{t-1} + o_t\odot \tilde{s}_t $$")
    d = symcount.derive(text)
    assert d.evaluate(d_x=7, d_s=5) == 25 + 35 + 5 + 35 + 25


def test_a_control_space_is_a_space():
    d = symcount.derive(r"\[ h_t = tanh \ (W \ \cdot \ [h_{t-1} \ , \ x_t] + b) \]")
    assert d.evaluate(d_x=7, d_h=5) == 5 * 12 + 5
