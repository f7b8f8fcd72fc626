"""Fuzz: random and mutated inputs make the reader and the engine raise nothing but SymcountError."""
from __future__ import annotations

from hypothesis import example, given
from hypothesis import strategies as st

import symcount
from symcount import api
from tests.cells_tex import ELMAN, GRU, LSTM, LSTM_KERAS
from tests.fuzzing import fuzz

TOKENS = [
    "$", "$$", r"\[", r"\]", r"\(", r"\)", r"\begin{align}", r"\end{align}", r"\begin{bmatrix}",
    r"\end{bmatrix}", "h_t", "h_{t-1}", "x_t", "W", "U_{hi}", "b", r"\tilde{c}_t", r"\mathbf{W}",
    "=", "+", "-", r"\odot", r"\cdot", "*", r"\circ", "(", ")", "[", "]", "{", "}", ",", ";", ".", "&",
    r"\\", r"\sigma", r"\tanh", r"\operatorname{ReLU}", "1", "2", r"\in", r"\mathbb{R}", "^", "_",
    r"\times", "d", "h", "4h", r"\alpha", r"^\top", r"\left(", r"\right)", r"\quad", "%", "\n", " ",
    r"\label{x}", r"\nonumber", "% symcount: input x", "% symcount: output h", r"\foo", "@", "/",
]
SEEDS = [LSTM, GRU, ELMAN, LSTM_KERAS,
         r"$x_t \in \mathbb{R}^{d}, W \in \mathbb{R}^{h \times (d+h)}$ $$ h_t = \tanh(W [h_{t-1}; x_t]) $$"]


def derive_or_symcount_error(text: str, **kw) -> None:
    try:
        d = symcount.derive(text, **kw)
    except symcount.SymcountError as exc:
        assert str(exc)  # the message renders
        return
    # a successful derivation is usable: formulas print, sizes evaluate (or are refused cleanly,
    # when a declared size like h - d would not be positive)
    str(d.total)
    str(d.factored)
    try:
        assert isinstance(d.evaluate(**{name: 3 for name in d.symbols}), int)
    except symcount.UsageError as exc:
        assert "every size must be at least 1" in exc.message


@fuzz(100)
@given(st.lists(st.sampled_from(TOKENS), max_size=40).map(" ".join))
@example("$$ $$")
@example("$h_t = $")
@example(r"$$ h_t = W x_t \\ & + $$")
def test_token_soup(text):
    derive_or_symcount_error(text)


@fuzz(100)
@given(st.text(max_size=80))
def test_arbitrary_text(text):
    derive_or_symcount_error(text)
    derive_or_symcount_error("$$ " + text + " $$")


@st.composite
def mutated(draw):
    text = draw(st.sampled_from(SEEDS))
    for _ in range(draw(st.integers(1, 4))):
        i = draw(st.integers(0, len(text)))
        j = draw(st.integers(i, min(len(text), i + 8)))
        insert = draw(st.sampled_from(TOKENS + [""]))
        text = text[:i] + insert + text[j:]
    return text


@fuzz(150)
@given(mutated(), st.integers(1, 3), st.booleans(), st.booleans())
def test_mutated_cells(text, layers, bidirectional, bias):
    derive_or_symcount_error(text, layers=layers, bidirectional=bidirectional, bias=bias)


@fuzz(60)
@given(mutated())
def test_mutated_cells_render_or_fail_cleanly(text):
    from symcount import api
    try:
        d = symcount.derive(text, name="fuzz.tex")
    except symcount.SymcountError:
        return
    assert api.render(d, "markdown").startswith("# ")
    assert "\\begin" in api.render(d, "latex", standalone=True)
    assert api.view(d).value is None or isinstance(api.view(d).value, int)
