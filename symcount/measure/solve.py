"""Solving a count for one size, exactly, in integers: the largest size whose count is at most a
budget, and the size whose count is nearest to it.

A count is an integer polynomial; with every other size bound it is a polynomial q(n) in the one
free size n, over the sizes n may take (a range [lowest, highest] that every size the dimensions
determine be at least 1 gives: `domain`). The counts of real cells grow with n, but nothing here
assumes it. `solve` proves it where it holds: q(B + m) expanded in m with no negative coefficient
but the constant means q strictly increases from B on (q's leading coefficient is positive). B is
`lowest` for every built-in cell; otherwise B is found by doubling, the sizes below it are scanned
one by one (at most SCAN_LIMIT of them, else a clear error), and the sizes from B on are searched by
doubling and bisection. Python integers throughout: no float, exact at any size.
"""
from __future__ import annotations

from ..read import patterns as re  # re, with the package's patterns compiled ahead (read.patterns)
from dataclasses import dataclass
from fractions import Fraction
from typing import Iterable, Mapping

from . import poly as P
from ..errors import UsageError

SCAN_LIMIT = 1_000_000   # sizes scanned one by one where the count is not provably increasing
MAX_BUDGET = 10**100
MAX_BUDGET_TEXT = 400     # characters of a budget's text
SCAN_TOTAL = 2_000_000    # sizes scanned one by one over all the rows of a match

_SUFFIX = {"": 1, "k": 10**3, "K": 10**3, "M": 10**6, "G": 10**9, "B": 10**9, "T": 10**12}
_DECIMAL = re.compile(r"(?P<mantissa>[0-9][0-9_]*(?:\.[0-9_]*)?|\.[0-9][0-9_]*)(?:[eE](?P<exp>[+-]?[0-9]+))?"
                      r"\s*(?P<suffix>[kKMGBT]?)")
_POWER = re.compile(r"(?P<base>[0-9]+)\s*(?:\*\*|\^)\s*(?P<exp>[0-9]+)")


def parse_budget(text: object) -> int:
    """A number of parameters: 788480, 10M, 1.5e6, 2**20 (or 2^20), 1_000_000, 2.5k; exact (no
    float), a positive whole number. k, M, G (or B) and T are 10^3, 10^6, 10^9 and 10^12."""
    if isinstance(text, bool):
        raise UsageError(f"a budget is a positive whole number of parameters, not {text!r}")
    if isinstance(text, int):
        value = text
    else:
        s = str(text).strip()
        if len(s) > MAX_BUDGET_TEXT:  # Python reads at most 4,300 digits; a budget needs 101
            raise UsageError(f"a budget of {len(s):,} characters: symcount reads budgets of at most "
                             f"{MAX_BUDGET_TEXT} (at most 10**100 parameters)")
        value = _parse_text(s)
    if value < 1:
        raise UsageError(f"a budget must be at least 1 parameter, not {value}")
    if value > MAX_BUDGET:
        raise UsageError("a budget must be at most 10**100 parameters")
    return value


def _parse_text(s: str) -> int:
    hint = "for example 788480, 10M, 1.5e6 or 2**20"
    m = _POWER.fullmatch(s)
    if m:
        base, exp = int(m.group("base")), int(m.group("exp"))
        if base > 1 and exp * (base.bit_length() - 1) > MAX_BUDGET.bit_length():
            raise UsageError(f"the budget {s!r} is too large: at most 10**100 parameters")
        return base ** exp
    m = _DECIMAL.fullmatch(s)
    if not m or m.group("mantissa").strip("._") == "":
        raise UsageError(f"a budget is a number of parameters, not {s!r}", hint=hint)
    exp = int(m.group("exp") or 0)
    if abs(exp) > 200:
        raise UsageError(f"the budget {s!r} is too large: at most 10**100 parameters")
    value = Fraction(m.group("mantissa").replace("_", "")) * Fraction(10) ** exp * _SUFFIX[m.group("suffix")]
    if value.denominator != 1:
        whole = value.numerator // value.denominator
        raise UsageError(f"the budget {s!r} is not a whole number of parameters (it lies between {whole} and "
                         f"{whole + 1})", hint=hint)
    return int(value)


# ---- the sizes the free dimension may take ---------------------------------------------------------
def domain(sized: Iterable[tuple[P.Poly, str]], name: str, sizes: Mapping[str, int]) -> tuple[int, int | None]:
    """The sizes n of `name` for which every size the dimensions determine (linear in them: a row
    count like h - d) is at least 1, the other dimensions bound to `sizes`: [lowest, highest], with
    highest None when unbounded. A UsageError when no size qualifies."""
    lowest, highest = 1, None
    why_low = why_high = ""
    for poly, what in sized:
        q = P.partial(poly, sizes)
        if P.names(q) != [name]:
            continue  # a fixed size (checked with the bindings), or one of another cell
        a, b = q.get(((name, 1),), 0), q.get((), 0)
        if len(q) > (2 if b else 1) or a == 0:
            raise ValueError(f"{what} is not linear in {name}: {P.to_str(q)}")
        if a > 0:  # a*n + b >= 1  <=>  n >= ceil((1 - b) / a)
            low = -((b - 1) // a)
            if low > lowest:
                lowest, why_low = low, what
        else:      # n <= floor((b - 1) / -a)
            high = (b - 1) // -a
            if highest is None or high < highest:
                highest, why_high = high, what
    if highest is not None and highest < lowest:
        raise UsageError(f"no size of {name} fits: {why_low or f'{name} itself'} needs {name} >= {lowest}, "
                         f"{why_high} needs {name} <= {highest}")
    return lowest, highest


# ---- the solution ----------------------------------------------------------------------------------
@dataclass(frozen=True)
class Point:
    """A size of the free dimension, its count, and the count's distance to the budget."""

    size: int
    count: int
    budget: int

    @property
    def gap(self) -> int:
        """count - budget: negative below the budget."""
        return self.count - self.budget

    @property
    def relative_gap(self) -> Fraction:
        """(count - budget) / budget, exact."""
        return Fraction(self.gap, self.budget)


@dataclass(frozen=True)
class Solution:
    """The sizes of `dimension` around a budget: `at_most`, the largest size whose count is at most
    the budget; `above`, the next size (its count is above the budget; None where the sizes end);
    `nearest`, the size whose count is nearest to the budget (a tie goes to the count within the
    budget)."""

    dimension: str
    budget: int
    at_most: Point
    above: Point | None
    nearest: Point


def coefficients(q: P.Poly, name: str) -> list[int]:
    """q, a polynomial in `name` alone, as its coefficients [c0, c1, ...]."""
    degree = max((e for m in q for _, e in m), default=0)
    out = [0] * (degree + 1)
    for m, c in q.items():
        if any(n != name for n, _ in m):
            raise ValueError(f"{P.to_str(q)} is not a polynomial in {name} alone")
        out[dict(m).get(name, 0)] += c
    return out


def value(coeffs: list[int], n: int) -> int:
    """Horner's rule, exact."""
    total = 0
    for c in reversed(coeffs):
        total = total * n + c
    return total


def shifted(coeffs: list[int], b: int) -> list[int]:
    """The coefficients of q(b + m) in m (a Taylor shift, exact)."""
    out = list(coeffs)
    for i in range(len(out) - 1):
        for j in range(len(out) - 2, i - 1, -1):
            out[j] += b * out[j + 1]
    return out


def increasing_from(coeffs: list[int], lowest: int, highest: int | None = None) -> int:
    """A size B >= lowest from which q strictly increases: q(B + m) in m has no negative
    coefficient but the constant (and, with q's leading coefficient positive, a positive one).
    B - lowest is 0 or a power of two, found by doubling (which ends: with a positive leading
    coefficient every shifted coefficient is positive from some B on). highest + 1 where no such B
    is at most highest."""
    step = 0
    while True:
        b = lowest + step
        if highest is not None and b > highest:
            return highest + 1
        if coeffs[-1] > 0 and all(c >= 0 for c in shifted(coeffs, b)[1:]):
            return b
        step = 1 if step == 0 else 2 * step


def _key(count: int, budget: int, size: int) -> tuple:
    """Nearest first; a tie goes to the count within the budget, then to the smaller size."""
    return abs(count - budget), count > budget, size


def _bracket(coeffs: list[int], budget: int, start: int, highest: int | None):
    """Where an increasing count crosses the budget, from `start` on: (the last size within it or
    None, the first size over it or None), by doubling and then bisection."""
    first = value(coeffs, start)
    if first > budget:
        return None, (start, first)
    lo, step = start, 1   # q(lo) <= budget; find hi with q(hi) > budget (or the last size)
    above = None
    while True:
        hi = lo + step
        if highest is not None and hi > highest:
            hi = highest
            if value(coeffs, hi) <= budget:
                lo = hi
                break
        if value(coeffs, hi) > budget:
            while hi - lo > 1:    # q(lo) <= budget < q(hi)
                mid = (lo + hi) // 2
                if value(coeffs, mid) <= budget:
                    lo = mid
                else:
                    hi = mid
            above = (hi, value(coeffs, hi))
            break
        lo, step = hi, 2 * step
    return (lo, value(coeffs, lo)), above


def solve(q: P.Poly, name: str, budget: int, lowest: int = 1, highest: int | None = None,
          what: str = "the count", scanned: list[int] | None = None) -> Solution:
    """The sizes n of `name` in [lowest, highest] around the budget, for the count q(n) (a
    polynomial in `name` alone). Errors: q does not depend on n, q falls without end as n grows, no
    size meets the budget, or q is not provably increasing over more than SCAN_LIMIT sizes."""
    coeffs = coefficients(q, name)
    while len(coeffs) > 1 and coeffs[-1] == 0:
        coeffs.pop()
    if len(coeffs) == 1:
        raise UsageError(f"{what} does not depend on {name}: it is {coeffs[0]} at every size")
    if coeffs[-1] < 0 and highest is None:
        raise UsageError(f"{what} falls as {name} grows ({P.to_str(q)}): a budget has no largest size")
    start = increasing_from(coeffs, lowest, highest)
    end = start if highest is None else min(start, highest + 1)   # scan [lowest, end)
    if end - lowest > SCAN_LIMIT:
        raise UsageError(f"{what} ({P.to_str(q)}) is not increasing in {name} from {name}={lowest} on, and "
                         f"the sizes up to {name}={start} are more than {SCAN_LIMIT:,} to try one by one")
    if scanned is not None:  # the sizes scanned by the match's earlier rows count too
        scanned[0] += end - lowest
        if scanned[0] > SCAN_TOTAL:
            raise UsageError(f"{what} ({P.to_str(q)}) is not increasing in {name}, and the sizes to try one by one "
                             f"over the rows of the sweep are more than {SCAN_TOTAL:,}",
                             hint="sweep fewer rows, or fix the other sizes")
    best_below = None        # the largest scanned size within the budget
    nearest = None           # (key, size, count)
    for n in range(lowest, end):
        count = value(coeffs, n)
        if count <= budget:
            best_below = (n, count)
        k = _key(count, budget, n)
        if nearest is None or k < nearest[0]:
            nearest = (k, n, count)
    below = above = None     # in the increasing part [start, highest]
    if highest is None or start <= highest:
        below, above = _bracket(coeffs, budget, start, highest)
    at_most = below or best_below
    if at_most is None:
        n = lowest
        raise UsageError(f"no size of {name} meets the budget of {budget:,} parameters: the smallest, "
                         f"{name}={n}, gives {value(coeffs, n):,}")
    for cand in (below, above):
        if cand is not None:
            k = _key(cand[1], budget, cand[0])
            if nearest is None or k < nearest[0]:
                nearest = (k, cand[0], cand[1])
    nxt = at_most[0] + 1
    after = None if highest is not None and nxt > highest else Point(nxt, value(coeffs, nxt), budget)
    return Solution(name, budget, Point(at_most[0], at_most[1], budget), after,
                    Point(nearest[1], nearest[2], budget))
