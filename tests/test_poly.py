"""The sympy-free polynomials agree with sympy: printing (byte for byte), the grouped form,
evaluating. This is what lets a cached model print exactly what a fresh derivation prints."""
from __future__ import annotations

import sympy
from hypothesis import given
from hypothesis import strategies as st

from symcount.measure import poly as P
from tests.fuzzing import Calls, fuzz

NAMES = ["a", "b", "d_h", "d_x", "h", "p"]
SYMS = {n: sympy.Symbol(n, integer=True, positive=True) for n in NAMES}

monomials = st.lists(st.tuples(st.sampled_from(NAMES), st.integers(1, 3)), max_size=3)
polys = st.lists(st.tuples(st.integers(-50, 50), monomials), max_size=6).map(
    lambda terms: sympy.expand(sum((c * sympy.Mul(*[SYMS[n] ** e for n, e in m]) for c, m in terms), sympy.Integer(0))))


def parse_ours(text: str) -> sympy.Expr:
    return sympy.sympify(text, locals=SYMS)  # safe: our own printer's output, in a test


@fuzz(100)
@given(polys)
def test_printing_matches_sympy_lex(expr):
    expected = sympy.sstr(expr, order="lex") if expr.free_symbols else str(int(expr))
    assert P.to_str(P.from_sympy(expr)) == expected


@fuzz(100)
@given(polys)
def test_factored_form_is_the_same_polynomial(expr):
    assert sympy.expand(parse_ours(P.factored_str(P.from_sympy(expr))) - expr) == 0


@fuzz(100)
@given(polys, st.fixed_dictionaries({n: st.integers(1, 10**6) for n in NAMES}))
def test_evaluate_and_partial_match_sympy(expr, sizes):
    p = P.from_sympy(expr)
    assert P.evaluate(p, sizes) == int(expr.xreplace({SYMS[n]: v for n, v in sizes.items()}))
    some = {n: v for n, v in sizes.items() if n < "d"}
    assert sympy.expand(parse_ours(P.to_str(P.partial(p, some))) - expr.xreplace({SYMS[n]: v for n, v in some.items()})) == 0


def test_json_round_trip_and_validation():
    p = P.from_sympy(4 * SYMS["d_h"] ** 2 + 8 * SYMS["d_h"])
    assert P.from_json(P.to_json(p)) == p
    import pytest
    with pytest.raises(ValueError, match="coefficient is not an integer"):
        P.from_json([["4", [["d_h", 2]]]])


@fuzz(100)
@given(polys)
def test_the_api_factored_form_is_the_same_polynomial(expr):
    assert sympy.expand(P.factored_sympy(P.from_sympy(expr)) - expr) == 0


def test_api_and_reports_print_the_same_factored_form():
    import symcount
    from symcount import api
    from tests.modern_layers import BUILDERS as MODERN
    for name in symcount.cell_names():
        for layers, bidirectional in ((1, False),) + (((2, True),) if name not in MODERN else ()):
            d = symcount.cell(name, layers=layers, bidirectional=bidirectional)
            assert str(d.factored) == P.factored_str(api.view(d).total), name


def _reference_factored_parts(p):
    """factored_parts as first written: recursive, and quadratic in the terms (re-sorting and
    recounting what is left at every level). The linear version must give the same groups."""
    if not p:
        return []
    k, mono = P._common(p)
    inner = P._divide(p, k, mono)
    if len(inner) == 1 or not mono and k in (1, -1):
        if len(inner) > 2 and not mono:
            counts = {n: sum(1 for m in inner if any(x == n for x, _ in m)) for n in P.names(inner)}
            if counts:
                best = max(sorted(counts), key=lambda n: counts[n])
                with_best = {m: c for m, c in p.items() if any(x == best for x, _ in m)}
                rest = {m: c for m, c in p.items() if m not in with_best}
                if len(with_best) >= 2 and rest:
                    return _reference_factored_parts(with_best) + _reference_factored_parts(rest)
        if len(inner) == 1:
            (m, c), = inner.items()
            return [(k * c, P._mono_mul(mono, m), {(): 1})]
    return [(k, mono, inner)]


raw_polys = st.lists(st.tuples(st.sampled_from([1, 2, 3, 4, 6, 12, 5]).flatmap(lambda c: st.sampled_from([c, -c])),
                               st.dictionaries(st.sampled_from(NAMES + ["c", "z"]), st.integers(1, 3), max_size=3)),
                     max_size=10).map(lambda terms: {m: c for m, c in P.add(*[{tuple(sorted(e.items())): c}
                                                                                for c, e in terms]).items()})


@fuzz(150)
@given(raw_polys)
def test_factored_parts_groups_as_the_recursive_definition(p):
    assert P.factored_parts(p) == _reference_factored_parts(p)


def test_grouping_many_terms_is_near_linear():
    """A polynomial of 20,000 terms in 20,001 dimensions (a chain of weights, each between two sizes)
    groups in work linear in its terms (the recursive version took minutes): twice the terms, at most
    2.2 times the function calls."""
    def chain(n: int) -> dict:
        return {((f"a{i:05d}", 1), (f"a{i + 1:05d}", 1)): 1 for i in range(n)}
    with Calls() as half:
        P.factored_parts(chain(10000))
    p = chain(20000)
    with Calls() as calls:
        parts = P.factored_parts(p)
    assert calls.count < 2.2 * half.count and sum(len(inner) for _, _, inner in parts) == 20000
    assert P.to_str(p).startswith("a00000*a00001 + a00001*a00002")
