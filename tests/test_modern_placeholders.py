"""Eagle and Finch's placeholder (Peng et al. 2024, arXiv:2404.05892, Section 4): an equation written
once with \\square, followed by `\\square \\in \\{r, k, v, g\\}`, stands for one equation per listed
letter. Read on the paper's own rows, and on RWKV-6's time mixing written with them, against the
reference count of BlinkDL/RWKV-LM's RWKV_Tmix_x060 (tests/modern_layers.py) at two sizes."""
from __future__ import annotations

import re

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


# Section 4.2 of the paper, verbatim: the two functions it defines (eqs. 14 and 15) and the rows that
# apply them (eqs. 16 to 18, as FINCH_16 above); then the WKV recurrence and the output (eq. 20) in the
# recurrent form the built-in writes (the paper's eq. 19 is a sum over past steps), with rows, for
# one head of C = H P channels (the reference count depends on C alone)
FINCH_42 = r"""
$$ \mathrm{lora}_\square(x) = \lambda_\square + \tanh(x A_\square) B_\square \qquad (14) $$
$$ \mathrm{ddlerp}_\square(a, b) = a + (b - a) \odot \mathrm{lora}_\square(a + (b - a) \odot \mu_x) \qquad (15) $$
$$
\begin{array}{c}
\square_{t}=\mathrm{ddlerp}_{\square}\left(x_{t}, x_{t-1}\right) W_{\square}, \quad \square \in\{r, k, v, g\} \\
d_t = \mathrm{lora}_d(\mathrm{ddlerp}_d(x_t, x_{t-1})) \\
w_{t}=\exp \left(-\exp \left(d_{t}\right)\right)
\end{array}
$$
$$ S_t = \mathrm{Diag}(w_t) S_{t-1} + k_t^\top v_t, \quad y_t = r_t (S_{t-1} + \mathrm{Diag}(u) k_t^\top v_t), \quad
o_t = (\mathrm{SiLU}(g_t) \odot \mathrm{GroupNorm}(y_t)) W_o $$
where $x_t, o_t, r_t, k_t, v_t, g_t, w_t \in \mathbb{R}^{1 \times C}$, $A_r, A_k, A_v, A_g, A_w \in \mathbb{R}^{C \times L}$,
$A_d \in \mathbb{R}^{C \times M}$, $S_t \in \mathbb{R}^{C \times C}$.
"""


def _c(sizes: dict) -> dict:
    return {"C": sizes["H"] * sizes["P"], "L": sizes["L"], "M": sizes["M"]}


def test_the_functions_the_text_defines_are_written_out_where_they_are_applied():
    d = symcount.derive(FINCH_42)
    assert [e.label for e in d.equations][:6] == ["r_t", "k_t", "v_t", "g_t", "d_t", "w_t"]
    names = {p.name for p in d.parameters}
    assert {"\\lambda_r", "A_r", "B_r", "\\lambda_d", "A_d", "B_d", "\\mu_x", "W_r"} <= names
    assert "\\mathrm{lora}" not in " ".join(names)


@pytest.mark.parametrize("i", [0, 1])
def test_finch_section_4_2_as_written_folds_the_decays_token_shift_into_its_map(i):
    # eq. (17) applies lora_d inside ddlerp_d and around it: one map (A_d, B_d, \lambda_d) where
    # RWKV_Tmix_x060 holds two, time_maa_w1/w2's slice of rank L with time_maa_w, and time_decay_w1/w2
    # of rank M with time_decay: the text as written holds 2 C L + C parameters fewer
    sizes = M.SIZES["rwkv6-time"][i]
    c = _c(sizes)
    assert symcount.derive(FINCH_42).evaluate(**c) == M.formula("rwkv6-time", sizes) - (2 * c["C"] * c["L"] + c["C"])
    # with the decay's token shift a map of its own (ddlerp_w), the reference count
    own = FINCH_42.replace(r"\mathrm{lora}_d(\mathrm{ddlerp}_d(x_t", r"\mathrm{lora}_d(\mathrm{ddlerp}_w(x_t")
    assert symcount.derive(own).evaluate(**c) == M.formula("rwkv6-time", sizes) == symcount.cell("rwkv6-time").evaluate(**sizes)
    pytest.importorskip("torch")
    assert symcount.derive(own).evaluate(**c) == M.count("rwkv6-time", sizes)


@pytest.mark.parametrize("text,message,at", [
    (r"$$ \mathrm{lora}_\square(x) = \tanh(x A_\square) \\ h_t = \mathrm{lora}_r(x_t, h_{t-1}) $$",
     r"lora takes 1 argument \(x\); this application gives 2$", r"\mathrm{lora}_r(x_t, h_{t-1})"),
    (r"$$ \mathrm{lora}_\square(x) = \tanh(x A_\square) \\ h_t = \mathrm{lora}(x_t) $$",
     r"lora is defined with a placeholder subscript \(\\square\); this application has none$", r"\mathrm{lora}(x_t)"),
])
def test_an_application_that_does_not_fit_its_definition_is_refused(text, message, at):
    with pytest.raises(SymcountError) as info:
        symcount.derive(text)
    assert re.search(message, info.value.message)
    assert text[info.value.span.start:info.value.span.end] == at


def test_an_error_inside_a_written_out_body_points_into_the_definition():
    text = r"""$$ \mathrm{mix}(a) = W a + U h_{t-1} $$ $$ h_t = \tanh(\mathrm{mix}(x_t)) $$
    where $W \in \mathbb{R}^{n \times d}$, $U \in \mathbb{R}^{m \times m}$, $h_t \in \mathbb{R}^{n}$"""
    with pytest.raises(SymcountError) as info:
        symcount.derive(text)
    assert info.value.span.start < text.index("$$ h_t")   # in the definition's body


@pytest.mark.parametrize("text,message", [
    (r"$$ \mathrm{ab}(x) = \mathrm{ab}(x) $$ $$ h_t = \mathrm{ab}(x_t) $$",
     "writing out the functions the text defines takes more than 64 rounds"),
    (r"$$ \mathrm{ab}(x) = x + x $$ $$ h_t = " + r"\mathrm{ab}(" * 30 + "x_t" + ")" * 30 + " $$",
     "writing out ab makes more than 1,048,576 characters"),
])
def test_writing_out_is_bounded(text, message):
    # a function defined in terms of itself, and applications that double at every level: refused
    with pytest.raises(SymcountError) as info:
        symcount.derive(text)
    assert info.value.message == message


def test_thousands_of_applications_are_written_out():
    d = symcount.derive(r"$$ \mathrm{mix}(a) = W a $$ $$ h_t = \tanh(" + " + ".join([r"\mathrm{mix}(x_t)"] * 2000)
                        + " + U h_{t-1}) $$")
    assert str(d.cell_total) == "d_h**2 + d_h*d_x"
