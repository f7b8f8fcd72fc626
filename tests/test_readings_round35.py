"""Issue 17, thirty-fifth round: what the waiting snippets of sets h45-h49 showed. Counts against torch; each
text is written here in the notation a snippet used, not copied from it."""
from __future__ import annotations

import os

import pytest

import symcount
from symcount.cli import main
from symcount.errors import SymcountError

torch = pytest.importorskip("torch") if not os.environ.get("CI") else __import__("torch")
nn = torch.nn


def numel(*modules) -> int:
    return sum(p.numel() for m in modules for p in m.parameters())


# a library's cell: the docstring writes torch's GRU (two biases per gate), the __init__ one Linear per gate
DOCSTRING_GRU = r'''import torch.nn as nn

class MyGRU(nn.Module):
    r"""A GRU cell.

    .. math::

        r = \sigma(W_{ir} x + b_{ir} + W_{hr} h + b_{hr}) \\
        z = \sigma(W_{iz} x + b_{iz} + W_{hz} h + b_{hz}) \\
        n = \tanh(W_{in} x + b_{in} + r * (W_{hn} h + b_{hn})) \\
        h' = (1 - z) * n + z * h
    """

    def __init__(self, input_size, hidden_size):
        super().__init__()
'''
ONE_LINEAR_PER_GATE = "".join(f"        self.{g} = nn.Linear(input_size + hidden_size, hidden_size)\n" for g in "rzn")
TWO_LINEARS_PER_GATE = "".join(f"        self.{g}_i = nn.Linear(input_size, hidden_size)\n"
                               f"        self.{g}_h = nn.Linear(hidden_size, hidden_size)\n" for g in "rzn")


class _OneLinearPerGate(nn.Module):
    def __init__(self, input_size: int, hidden_size: int) -> None:
        super().__init__()
        self.r, self.z, self.n = (nn.Linear(input_size + hidden_size, hidden_size) for _ in range(3))


def test_a_docstring_that_counts_other_than_its_module_is_refused_with_both_counts():
    with pytest.raises(SymcountError) as e:
        symcount.derive(DOCSTRING_GRU + ONE_LINEAR_PER_GATE, name="cell.py")
    message = e.value.message
    assert "docstring of MyGRU" in message and "3*d_h**2 + 3*d_h*d_x + 6*d_h" in message
    assert "3*hidden_size**2 + 3*hidden_size*input_size + 3*hidden_size" in message  # the code's count, torch's
    assert numel(_OneLinearPerGate(7, 5)) == 3 * 25 + 3 * 35 + 3 * 5
    assert "--read module-code=equations" in e.value.hint


def test_the_equations_as_written_are_counted_when_the_user_says_so():
    d = symcount.derive(DOCSTRING_GRU + ONE_LINEAR_PER_GATE, name="cell.py", read={"module-code": "equations"})
    assert d.evaluate(d_x=7, d_h=5) == numel(nn.GRUCell(7, 5))


def test_a_docstring_whose_module_counts_the_same_is_counted():
    d = symcount.derive(DOCSTRING_GRU + TWO_LINEARS_PER_GATE, name="cell.py")
    assert d.evaluate(d_x=7, d_h=5) == numel(nn.GRUCell(7, 5))


def test_the_option_is_refused_where_the_text_has_no_module(tmp_path, capsys):
    text = tmp_path / "cell.md"
    text.write_text("$$h_t = \\tanh(W x_t + U h_{t-1} + b)$$\n", encoding="utf-8")
    assert main(["derive", str(text), "--read", "module-code=equations"]) == 2
    assert "module-code" in capsys.readouterr().err


# Portuguese prose names the activations, which are written as a numbered letter before a spaced parenthesis
PORTUGUESE_ACTIVATIONS = r"""A ativação e a saída são expressas da seguinte forma:

\\[ a ^{\<t\>} = g _1 (W _{aa} a ^{\<t-1\>} + W _{ax} x ^{\<t\>} + b _a) \\]

\\[ y ^{\<t\>} = g _2 (W _{ya} a ^{\<t\>} + b _y) \\]

onde \\( W _{aa} \\), \\( W _{ax} \\), \\( W _{ya} \\), \\( b _a \\) e \\( b _y \\) são coeficientes
e \\( g _1 \\) e \\( g _2 \\) são as funções de ativação.
"""


def test_prose_in_portuguese_that_names_the_activation_functions_reads_them_as_functions():
    d = symcount.derive(PORTUGUESE_ACTIVATIONS, name="notas.md")
    assert d.evaluate(d_x=7, d_a=5, d_y=3) == numel(nn.RNN(7, 5)) - 5 + numel(nn.Linear(5, 3))


def test_without_that_prose_the_numbered_letter_stays_open():
    with pytest.raises(SymcountError, match="g_1"):
        symcount.derive(PORTUGUESE_ACTIVATIONS.rsplit("onde", 1)[0], name="notas.md")


@pytest.mark.parametrize("prose", ["donde $f$ y $g$ son funciones de activación",
                                   "où $f$ et $g$ sont des fonctions d'activation",
                                   "dove $f$ e $g$ sono funzioni di attivazione"])
def test_the_activation_letters_in_spanish_french_and_italian(prose):
    from symcount.read.glossary import activation_letters
    assert activation_letters(prose) == {"f", "g"}


# weights collapsed into one matrix, then the cell written with it: [W_{hh} \quad W_{hx}] is a block row
COLLAPSED = r"""$$h_t = g(W_{hh} h_{t-1} + W_{hx} x_t + b)$$
where $g$ is the activation function. The two matrices can be collapsed into
$$W = [W_{hh} SEP W_{hx}]$$
so that $h_t = g(W [h_{t-1}; x_t] + b)$.
"""


@pytest.mark.parametrize("sep", [",", r"\quad"])
def test_weights_between_commas_or_spaces_sit_side_by_side_or_are_stacked_a_reading(sep):
    text = COLLAPSED.replace("SEP", sep)
    with pytest.raises(SymcountError) as e:
        symcount.derive(text)
    assert "side by side or are stacked" in e.value.message  # (stacked would make x as long as h: never silently)
    d = symcount.derive(text, read={"[W_hh+W_hx]": "side-by-side"})
    assert d.evaluate(d_x=7, d_h=5) == numel(nn.RNN(7, 5)) - 5


def test_a_matrix_row_of_weights_sits_side_by_side():
    text = COLLAPSED.replace("[W_{hh} SEP W_{hx}]", r"\begin{bmatrix} W_{hh} & W_{hx} \end{bmatrix}")
    d = symcount.derive(text)
    assert d.evaluate(d_x=7, d_h=5) == numel(nn.RNN(7, 5)) - 5


def test_weights_between_semicolons_are_stacked():
    d = symcount.derive(r"""$$i_t = \sigma(W_i x_t + b_i)$$ $$f_t = \sigma(W_f x_t + b_f)$$ $$W = [W_i; W_f]$$""")
    assert d.evaluate(d_x=7, d_i=5, d_f=5) == 2 * numel(nn.Linear(7, 5))  # (no reading asked: one count)


# a softmax's property after \quad on the output's row: `\sum_i \hat y_i = 1` is no definition
SOFTMAX_ROW = r"""$$h^{(t)} = \tanh(W_h h^{(t-1)} + W_x x^{(t)} + b_1)$$
$$o^{(t)} = U h^{(t)} + b_2$$
$$\hat y^{(t)} = \mathrm{softmax}\bigl(o^{(t)}\bigr)\in[0,1]^{d_y},\quad\sum_i \hat y^{(t)}_i = 1.$$"""


def test_a_sums_property_after_quad_at_a_rows_end_is_set_aside():
    d = symcount.derive(SOFTMAX_ROW)
    assert d.evaluate(d_x=7, d_h=5, d_o=3) == numel(nn.RNN(7, 5)) - 5 + numel(nn.Linear(5, 3))  # (o names the size)


def test_a_sum_that_defines_a_name_is_not_set_aside():
    with pytest.raises(SymcountError):  # (`\quad \sum_i W_i x_i = h` is no property of a row: not blanked)
        symcount.derive(r"$$h_t = \tanh(W x_t + U h_{t-1}) \quad \sum_i a_i = h_t$$")


# two vectors side by side, all a square bracket holds: joined (MATLAB's row) or multiplied entry by entry
JUXTAPOSED = r"""$$h_t = g(W [h_{t-1} SEP x_t] + b)$$ where $g$ is the activation function."""


def test_two_vectors_side_by_side_in_a_bracket_are_joined_or_multiplied_a_reading():
    with pytest.raises(SymcountError) as e:
        symcount.derive(JUXTAPOSED.replace("SEP", ""))
    assert "joins the two vectors into one or multiplies them entry by entry" in e.value.message
    d = symcount.derive(JUXTAPOSED.replace("SEP", ""), read={"[h_t-1+x_t]": "joined"})
    assert d.evaluate(d_x=7, d_h=5) == numel(nn.RNN(7, 5)) - 5


@pytest.mark.parametrize("sep", [r"\;", r"\ ", r"\quad", ","])
def test_with_a_space_written_between_them_they_are_joined(sep):
    d = symcount.derive(JUXTAPOSED.replace("SEP", sep))
    assert d.evaluate(d_x=7, d_h=5) == numel(nn.RNN(7, 5)) - 5


def test_in_parentheses_they_are_still_multiplied_entry_by_entry():
    d = symcount.derive(JUXTAPOSED.replace("[h_{t-1} SEP x_t]", "(h_{t-1} x_t)"))
    assert "elementwise product" in "\n".join(d.shapes.notes)
    assert d.evaluate(d_h=5) == numel(nn.Linear(5, 5))
