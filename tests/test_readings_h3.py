"""What the third set-aside corpus (tests/corpus/heldout3) found wrong, kept right: equations with no
time index that read no data are refused (every symbol would have been a parameter: a count with
exit 0 of a misreading), and W, the letter of weights, is never guessed to be an input signal."""
from __future__ import annotations

import pytest

import symcount

NO_DATA = [
    r"$X_1 \in \mathbb{R}^{n \times d}$ $$ K = X_1 W_k, \quad V = X_1 W_v $$",
    r"$\mathbf X_1 \in \mathbb R^{n\times d}$ $$ \mathbf K =\mathbf X_1 \mathbf W_k, \quad \mathbf V = \mathbf X_1 \mathbf W_v $$",
]


@pytest.mark.parametrize("tex", NO_DATA)
def test_equations_that_read_no_data_are_refused(tex):
    with pytest.raises(symcount.ShapeError) as info:
        symcount.derive(tex)
    assert "read no data" in info.value.message and info.value.span is not None


def test_a_recurrence_without_input_still_counts():
    """h_t = W h_{t-1}: no input, but a state of the step before: data, counted (W is d_h x d_h)."""
    d = symcount.derive(r"$$ h_t = \tanh(W h_{t-1} + b) $$")
    assert d.evaluate(d_h=5) == 5 * 5 + 5


def test_the_weight_letter_is_never_guessed_to_be_the_input():
    """In x_t-less `h = \\tanh(U W)`, W is only ever a right factor: it was read as an input signal;
    now no factor is, and the equations read no data."""
    with pytest.raises(symcount.ShapeError):
        symcount.derive(r"$$ h = \tanh(U W) $$")
    d = symcount.derive(r"$$ h = \tanh(U x) $$")  # a data letter still is (LSTMCell's x)
    assert {p.name for p in d.shapes.params} == {"U"}


def test_at_is_a_matrix_product():
    """numpy's and Python's @ (RusTorch's doc comments): always a matrix product, never the
    elementwise reading \\cdot may take between two vectors."""
    d = symcount.derive(r"$$ h_t = \tanh(W @ x_t + U @ h_{t-1} + b) $$")
    assert d.evaluate(d_h=5, d_x=7) == 5 * 7 + 5 * 5 + 5
    with pytest.raises(symcount.ShapeError):  # two column vectors: a dot product, one number
        symcount.derive(r"$$ r_t = \sigma(W x_t) \\ h_t = r_t @ h_{t-1} $$")


def test_a_remark_in_parentheses_after_an_equation_is_a_comment():
    """`r_t = σ(W_ir @ x_t + ...)  (reset gate)` in a doc comment: the remark is not math."""
    text = ("r_t = σ(W_ir @ x_t + b_ir + W_hr @ h_{t-1} + b_hr)  (reset gate)\n"
            "h_t = (1 - r_t) ⊙ h_{t-1}  (hidden state)\n")
    d = symcount.derive(text)
    assert d.evaluate(d_h=5, d_x=7) == 5 * 7 + 5 * 5 + 2 * 5


def test_a_word_in_a_font_is_its_own_symbol():
    """\\mathbf{WKV}_t and \\mathbf {RWKV}_t are two symbols, WKV and RWKV in bold (they were both
    read as a symbol named \\mathbf, one the update of the other)."""
    d = symcount.derive(r"$$ \mathbf {RWKV}_t = \mathbf{WKV}_t + W x_t \\ \mathbf{WKV}_t = U x_t $$")
    assert {s.name for s in d.shapes.signals} == {"RWKV", "WKV", "x"}
    assert {p.name for p in d.shapes.params} == {"W", "U"}
