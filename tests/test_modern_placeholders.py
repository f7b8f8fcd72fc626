"""Eagle and Finch's placeholder (Peng et al. 2024, arXiv:2404.05892, Section 4): an equation written
once with \\square, followed by `\\square \\in \\{r, k, v, g\\}`, stands for one equation per listed
letter. Read on the paper's own rows, and on RWKV-6's time mixing written with them, against the
reference count of BlinkDL/RWKV-LM's RWKV_Tmix_x060 (tests/modern_layers.py) at two sizes."""
from __future__ import annotations

import pytest

import symcount
from symcount import cells
from symcount.errors import SymcountError
from symcount.read.parse import parse
from tests import modern_layers as M

# the paper's eq. (4) (Eagle time mixing) and eq. (16) (Finch), verbatim
EAGLE_4 = r"$$\square_i = \text{lerp}_{\square}(x_i, x_{i-1})W_{\square}, \quad \square \in \{r, k, v, g\}$$"
FINCH_16 = r"""$$
\begin{array}{c}
\square_{t}=\mathrm{ddlerp}_{\square}\left(x_{t}, x_{t-1}\right) W_{\square}, \quad \square \in\{r, k, v, g\} \\
w_{t}=\exp \left(-\exp \left(d_{t}\right)\right)
\end{array}
$$"""


@pytest.mark.parametrize("text,step", [(EAGLE_4, "i"), (FINCH_16, "t")])
def test_the_papers_rows_are_one_equation_per_letter(text, step):
    cell = parse(text)
    labels = [e.label for e in cell.equations]
    assert labels[:4] == [f"{x}_{step}" for x in "rkvg"]
    src = cell.source
    for e in cell.equations[:4]:  # each points at the row the paper wrote
        assert "\\square" in src.slice(e.span)


def test_the_placeholder_stands_in_subscripts_superscripts_and_names():
    text = r"""$$ \square_t = \sigma(W_{\square} x_t + U_\square h_{t-1} + b^{\square}), \quad \square \in \{i, f, o\} \\
    h_t = o_t \odot \tanh(f_t \odot h_{t-1} + i_t) $$ where $x_t \in \mathbb{R}^{d}$, $h_t \in \mathbb{R}^{n}$"""
    d = symcount.derive(text)
    assert str(d.cell_total) == "3*d*n + 3*n**2 + 3*n"
    assert [e.label for e in d.equations] == ["i_t", "f_t", "o_t", "h_t"]


def test_a_list_that_is_not_letters_is_refused():
    with pytest.raises(SymcountError, match="placeholder's letters"):
        symcount.derive(r"$$ \square_t = W_{\square} x_t, \quad \square \in \{1, 2\} $$")


# RWKV-6's time mixing as the built-in writes it, with its five token-shift rows and its three
# projections written once each, with the paper's placeholder
ROWS = {
    r"x^\square_t &= x_t + (x_{t-1} - x_t) \odot (\mu_\square + B_\square \tanh(A_\square \hat{x}_t)), "
    r"\quad \square \in \{r, k, v, w, g\} \\": [f"x^{x}_t &= x_t + (x_{{t-1}} - x_t) \\odot (\\mu_{x} + B_{x} \\tanh(A_{x} "
                                                  f"\\hat{{x}}_t)) \\\\" for x in "rkvwg"],
    r"\square_t &= W_\square x^\square_t, \quad \square \in \{r, k, v\} \\": [f"{x}_t &= W_{x} x^{x}_t \\\\" for x in "rkv"],
}


def _finch_with_placeholders() -> str:
    text = cells.load("rwkv6-time", "pytorch").text
    for row, written_out in ROWS.items():
        block = "\n".join(written_out)
        assert block in text, "the built-in writes these rows out"
        text = text.replace(block, row)
    return text


@pytest.mark.parametrize("i", [0, 1])
def test_finch_time_mixing_with_placeholders_equals_the_reference(i):
    sizes = M.SIZES["rwkv6-time"][i]
    d = symcount.derive(_finch_with_placeholders())
    builtin = symcount.cell("rwkv6-time")
    assert d.evaluate(**sizes) == builtin.evaluate(**sizes)
    assert d.cost.evaluate(T=3, B=2, **sizes) == builtin.cost.evaluate(T=3, B=2, **sizes)
    pytest.importorskip("torch")
    assert d.evaluate(**sizes) == M.count("rwkv6-time", sizes) == M.formula("rwkv6-time", sizes)
