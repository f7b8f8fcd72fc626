"""Readings found on text from sources the reader had not seen (issue 17's held-out corpus): each is
general (a notation, not a snippet), and a count printed is every reading's count."""
from __future__ import annotations

import pytest

import symcount

BIRNN = r"""
$$ h^{f}_t = \tanh(W^{f}_0 x_t + W^{f}_1 h_{t-1} + b^{f}_0) $$
$$ h^{b}_t = \tanh(W^{b}_0 x_t + W^{b}_1 h_{t-1} + b^{b}_0) $$
$$ h_t = [h^{f}_t; h^{b}_t] $$
"""


def test_a_direction_reads_its_own_state_and_bidirectional_counts_written_directions_once():
    d = symcount.derive(BIRNN, bidirectional=True)
    assert d.evaluate(d_x=7, d_hf=5, d_hb=5) == 2 * (5 * 7 + 5 * 5 + 5)  # torch.nn.RNN(7, 5, bidirectional=True), one bias
    notes = " ".join(d.shapes.notes)
    assert "that direction's own state" in notes and "counts them once" in notes


def test_the_concatenation_reading_is_there_to_pick():
    d = symcount.derive(BIRNN, read={"h": "concatenation"})
    assert d.evaluate(d_x=7, d_hf=5, d_h=10) == 2 * (5 * 7 + 5 * 10 + 5)  # each direction reads both states


@pytest.mark.parametrize("marks", [("f", "b"), ("fw", "bw"), ("(f)", "(b)")])
def test_direction_marks(marks):
    f, b = marks
    text = BIRNN.replace("{f}", "{" + f + "}").replace("{b}", "{" + b + "}")
    d = symcount.derive(text)
    assert len(d.counts.parameters) == 6
    sizes = {n: 7 if n == "d_x" else 5 for n in d.counts.dims}
    assert len(sizes) == 3 and d.evaluate(**sizes) == 2 * (5 * 7 + 5 * 5 + 5)
    assert "own state" in " ".join(d.shapes.notes)


def test_one_direction_alone_is_not_read_as_bidirectional():
    text = r"$$ h^{f}_t = \tanh(W x_t + U h^{f}_{t-1}) $$"
    assert symcount.derive(text, bidirectional=True).evaluate(d_x=7, d_hf=5) == 2 * (5 * 7 + 25)


LUX = r"""
```math
i = \sigma(W_{ii} x + W_{hi} h_{prev} + b_{i})\\
h_{new} = i \odot \tanh(W_{hh} h_{prev})
```
  - `bias_ih`: Bias vector for the input-hidden connection
  - `bias_hh`: Bias vector for the hidden-hidden connection
"""


def test_bias_ih_and_bias_hh_in_the_prose_against_one_bias_in_the_equations_refuses():
    with pytest.raises(symcount.SymcountError) as exc:
        symcount.derive(LUX)
    text = str(exc.value) + " ".join(getattr(exc.value, "notes", ()))
    assert "--read biases=as-written" in text and "--read biases=bias_ih+bias_hh" in text


def test_each_bias_reading_is_picked_by_its_option():
    one = symcount.derive(LUX, read={"biases": "as-written"})
    two = symcount.derive(LUX, read={"biases": "bias_ih+bias_hh"})
    assert two.evaluate(d_x=7, d_h=5) - one.evaluate(d_x=7, d_h=5) == 5


def test_two_biases_written_in_the_equations_agree_with_the_prose():
    text = LUX.replace(r"+ b_{i})", r"+ b_{ii} + b_{hi})")
    d = symcount.derive(text)
    assert d.evaluate(d_x=7, d_h=5) == 5 * 7 + 25 + 25 + 10


def test_a_bias_the_equations_name_b_ih_is_the_one_they_have():
    text = LUX.replace(r"+ b_{i})", r"+ b_{ih})")
    assert symcount.derive(text).evaluate(d_x=7, d_h=5) == 5 * 7 + 25 + 25 + 5
