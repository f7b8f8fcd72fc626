"""The solver: a count solved for one size, exactly, in integers. Budgets as people write them, and
solutions equal to a brute-force search over every size up to 10^5 for arbitrary integer polynomials
(not increasing, falling over bounded sizes): the solver proves monotonicity or scans, never assumes."""
from __future__ import annotations

import re

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from symcount.measure import poly as P
from symcount.measure import solve as M
from symcount.errors import UsageError
from tests.fuzzing import fuzz
from tests.oracles import require

LIMIT = 10**5


def brute_force(counts, budget: int):
    """at_most, nearest (size, count) over the sizes 1..len(counts) (counts[i] is the count at size
    i + 1), with the solver's tie rule (the count within the budget, then the smaller size); None when
    no size meets the budget. numpy over all sizes at once."""
    np = require("numpy")
    within = np.nonzero(counts <= budget)[0]
    if within.size == 0:
        return None
    at_most = int(within[-1]) + 1
    gaps = np.abs(counts - budget)
    ties = np.nonzero(gaps == gaps.min())[0]
    under = [int(i) for i in ties if counts[i] <= budget]
    i = under[0] if under else int(ties[0])
    return (at_most, int(counts[at_most - 1])), (i + 1, int(counts[i]))

# ---- budgets ---------------------------------------------------------------------------------------
@pytest.mark.parametrize("text, value", [
    ("788480", 788480), ("10M", 10_000_000), ("1.5e6", 1_500_000), ("2**20", 2**20), ("2^20", 2**20),
    ("1_000_000", 10**6), ("2.5k", 2500), ("1e12", 10**12), (" 10M ", 10**7), ("1.5M", 1_500_000), ("3G", 3 * 10**9),
    ("2B", 2 * 10**9), ("1T", 10**12), ("0.5e3", 500), ("2.5e-1k", 250), ("10**100", 10**100), (788480, 788480),
    ("123456789012345678901234567890", 123456789012345678901234567890),
])
def test_budgets(text, value):
    assert M.parse_budget(text) == value


@pytest.mark.parametrize("text, message", [
    ("1.5", "is not a whole number"), ("2.5e-4k", "is not a whole number"), ("abc", "a budget is a number"),
    ("", "a budget is a number"), ("M", "a budget is a number"), ("0", "at least 1"), ("-5", "a budget is a number"),
    ("10**101", "at most 10**100"), ("1e500", "too large"), ("2**100000000", "too large"), (True, "not True"),
    (0, "at least 1"), ("1e-3", "is not a whole number"), ("10 M parameters", "a budget is a number"),
])
def test_bad_budgets(text, message):
    with pytest.raises(UsageError, match=re.escape(message)):
        M.parse_budget(text)


@st.composite
def polynomials(draw):
    """Any integer polynomial of degree 1 to 4 whose count eventually grows (a positive leading
    coefficient), or one that falls over a bounded range of sizes."""
    degree = draw(st.integers(1, 4))
    coeffs = [draw(st.integers(-10**4, 10**4)) for _ in range(degree)] + [draw(st.integers(1, 50))]
    lowest = draw(st.integers(1, 50))
    highest = draw(st.one_of(st.none(), st.integers(lowest, lowest + 3000)))
    if highest is not None and draw(st.booleans()):
        coeffs[-1] = -coeffs[-1]
    return coeffs, lowest, highest


@fuzz(100)
@given(polynomials(), st.data())
def test_the_solver_equals_brute_force_for_any_polynomial(problem, data):
    """Not increasing, falling, bounded: the solver proves or scans, never assumes."""
    np = require("numpy")
    coeffs, lowest, highest = problem
    q = {((("n", e),) if e else ()): c for e, c in enumerate(coeffs) if c}
    top = highest if highest is not None else LIMIT
    sizes = np.arange(lowest, top + 1)
    counts = P.evaluate_many(q, {"n": sizes})
    if highest is None:  # the answer must lie below 10^5: a budget below every count from there on
        assume(all(c >= 0 for c in M.shifted(coeffs, top - 1)[1:]))
        budget = data.draw(st.integers(int(counts.min()) - 5, int(counts[-2])))
    else:
        budget = data.draw(st.integers(int(counts.min()) - 5, int(counts.max()) + 5))
    assume(budget >= 1)
    found = brute_force(counts, budget)
    if found is None:
        with pytest.raises(UsageError, match="meets the budget"):
            M.solve(q, "n", budget, lowest, highest)
        return
    s = M.solve(q, "n", budget, lowest, highest)
    shift = lowest - 1
    assert (s.at_most.size, s.at_most.count) == (found[0][0] + shift, found[0][1])
    assert (s.nearest.size, s.nearest.count) == (found[1][0] + shift, found[1][1])
    if highest is not None and s.at_most.size == highest:
        assert s.above is None
    else:
        assert s.above.size == s.at_most.size + 1 and s.above.count > budget


def test_shifted_and_increasing_from():
    assert M.shifted([1, 2, 3], 2) == [1 + 4 + 12, 2 + 12, 3]   # 3(m+2)^2 + 2(m+2) + 1
    assert M.increasing_from([100, -20, 1], 1) == 17              # n^2 - 20n + 100 rises from n = 10; 1 + 16
    assert M.increasing_from([0, 5, 3], 1) == 1
    assert M.increasing_from([0, 5, -3], 1, 40) == 41             # falls: the whole range is scanned


def test_a_count_that_falls_without_end():
    with pytest.raises(UsageError, match="falls as n grows"):
        M.solve({(("n", 1),): -3, (): 10**6}, "n", 10)


def test_a_count_that_does_not_depend_on_the_size():
    with pytest.raises(UsageError, match="does not depend on n: it is 7 at every size"):
        M.solve({(): 7}, "n", 10)


def test_a_range_too_large_to_scan(monkeypatch):
    monkeypatch.setattr(M, "SCAN_LIMIT", 1000)
    q = {(("n", 2),): 1, (("n", 1),): -10**5}   # falls until n = 50000
    with pytest.raises(UsageError, match="more than 1,000 to try one by one"):
        M.solve(q, "n", 10**12)
