"""The solver that unifies symbolic dimensions: a table of constraints and what each must do.

A form is {var: coeff, None: const}: an int var is a flexible size (what the input left open), a
str var a declared name (rigid). Declared names never unify with each other or with a number; a
flexible size takes whatever it is equated with; a signal's size is never inferred to be 1."""
from __future__ import annotations

from typing import NamedTuple

import pytest

from symcount.shapes.dims import CONST, Solver, form
from symcount.read.nodes import Lin


class Unify(NamedTuple):
    id: str
    a: dict
    b: dict
    ok: bool
    then: dict | None = None       # the form `a` resolves to afterwards (when ok)
    signal: tuple[int, ...] = ()   # flexible variables that are signal sizes (never 1)


FLEX1, FLEX2, FLEX3 = 1, 2, 3
TABLE = [
    Unify("same rigid name", {"h": 1}, {"h": 1}, True, {"h": 1}),
    Unify("two rigid names never unify", {"h": 1}, {"d": 1}, False),
    Unify("a rigid name is not a number", {"h": 1}, {CONST: 4}, False),
    Unify("rigid sums must agree", {"h": 1, "d": 1}, {"d": 1, "h": 1}, True, {"h": 1, "d": 1}),
    Unify("rigid sums that differ", {"h": 1, "d": 1}, {"h": 2}, False),
    Unify("flexible takes a rigid name", {FLEX1: 1}, {"h": 1}, True, {"h": 1}),
    Unify("flexible takes a number", {FLEX1: 1}, {CONST: 3}, True, {CONST: 3}),
    Unify("flexible takes a sum", {FLEX1: 1}, {"h": 1, "d": 1}, True, {"h": 1, "d": 1}),
    Unify("flexible in a sum", {FLEX1: 1, "d": 1}, {"h": 1, "d": 1}, True, {"h": 1, "d": 1}),
    Unify("two flexibles become one: the newer is solved", {FLEX1: 1}, {FLEX2: 1}, True, {FLEX1: 1}),
    Unify("flexible stacked: x + ? = h + d", {FLEX1: 1, FLEX2: 1}, {"h": 1, "d": 1}, True),
    Unify("a signal's size is never inferred to be 1", {FLEX1: 1}, {CONST: 1}, False, signal=(FLEX1,)),
    Unify("a signal's size may be 2", {FLEX1: 1}, {CONST: 2}, True, {CONST: 2}, signal=(FLEX1,)),
    Unify("a parameter's size may be 1", {FLEX1: 1}, {CONST: 1}, True, {CONST: 1}),
    Unify("only a coefficient of one is solved", {FLEX1: 2}, {"h": 1}, False),
    Unify("numbers agree", {CONST: 3}, {CONST: 3}, True, {CONST: 3}),
    Unify("numbers differ", {CONST: 3}, {CONST: 4}, False),
]


@pytest.mark.parametrize("case", TABLE, ids=[c.id for c in TABLE])
def test_unify(case):
    s = Solver()
    s.n = 3  # FLEX1..FLEX3 exist
    s.nonconst.update(case.signal)
    assert s.unify(case.a, case.b, case.id) is case.ok
    if case.ok:
        assert s.resolve(case.a) == s.resolve(case.b)
        if case.then is not None:
            assert s.resolve(case.a) == case.then
    else:
        assert s.bound == {}  # a failed unification changes nothing
    assert s.evidence == [case.id]  # every constraint is kept with its evidence


def test_constraints_chain_and_keep_their_evidence():
    s = Solver()
    x, y, z = s.fresh(), s.fresh(), s.fresh()
    assert s.unify(x, y, "x=y") and s.unify(y, z, "y=z") and s.unify(z, {"h": 1}, "z=h")
    assert s.resolve(x) == {"h": 1}
    assert [s.evidence[i] for i in s.touches[1]] == ["x=y"]
    assert not s.unify(x, {"d": 1}, "x=d")  # x is h now: a rigid h never becomes d


def test_freeze_names_what_is_left_open():
    s = Solver()
    x = s.fresh()
    assert s.freeze({**x, "h": 2, CONST: 1}, {1: "d_x"}) == Lin((("d_x", 1), ("h", 2)), 1)
    assert s.freeze(x, {}) == Lin((("?1", 1),), 0)
    assert form(Lin((("h", 1),), 3)) == {"h": 1, CONST: 3}
