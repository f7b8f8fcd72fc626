"""Issue 17, twenty-first round: notations the fuzzed corpus and set h20/h21's leftovers showed. Counts
against torch modules."""
from __future__ import annotations

import os

import pytest

import symcount

torch = pytest.importorskip("torch") if not os.environ.get("CI") else __import__("torch")
nn = torch.nn


def n_params(*modules) -> int:
    return sum(p.numel() for m in modules for p in m.parameters())


def count(text: str, **sizes) -> int:
    return symcount.derive(text, name="t.txt").evaluate(**sizes)


RANGED = "f_t = sigmoid(W_f x_t + U_f h_{t-1} + b_f) + f_min\nh_t = f_t * h_{t-1}\n\nf_min ∈ [0.5, 0.9]{gap}(typical: 0.5)\n"


@pytest.mark.parametrize("gap", ["  ", "\t", "\t ", "   "])
def test_a_remark_after_a_tab_is_a_remark_as_after_two_spaces(gap):
    # a tab is a column gap: `f_min ∈ [0.5, 0.9]<TAB>(typical: 0.5)` still declares f_min a constant chosen in
    # a range; the line read whole was dropped, and f_min counted as a learned vector (a wrong count)
    d_x, d_h = 7, 5
    expected = n_params(nn.Linear(d_x, d_h, bias=False), nn.Linear(d_h, d_h))
    assert count(RANGED.replace("{gap}", gap), d_x=d_x, d_h=d_h) == expected
