"""Symbolic dimensions: the solver that unifies them, and how dimensions are written.

While shapes are inferred, a dimension is a *form*: a dict {var: coeff, CONST: c} where an int var
is a flexible variable (a size the input leaves open) and a str var a declared name (rigid: two
declared names never unify). Unification solves one flexible variable per constraint (Gaussian
elimination, one step at a time), so the work is linear in the number of constraints. Each
constraint is recorded with its evidence. `Solver.freeze` turns a form into a `Lin` once every
flexible variable has a name.
"""
from __future__ import annotations

from ..errors import TYPE_CHECKING  # typing's, without importing typing (a start-up cost)

if TYPE_CHECKING:  # pragma: no cover
    from typing import Any

from ..read import patterns as re  # re, with the package's patterns compiled ahead (read.patterns)

from ..read.nodes import PRODUCT, Lin, factors
from math import gcd as _gcd

CONST = None  # the key of the constant term in a form {var: coeff, CONST: c}
UNIT = {CONST: 1}  # the form of the size 1


def unknowns(text: str) -> str:
    """In messages, a size nothing has fixed yet shows as ?."""
    return re.sub(r"\?\d+", "?", text)


def count_text(lin: Lin, noun: str) -> str:
    return f"{lin} {noun}" if lin.is_one else f"{lin} {noun}s"


def dims_text(rows: Lin, cols: Lin) -> str:
    """rows × cols, with sums in parentheses: d_h × (d_h + d_x)."""
    def one(lin: Lin) -> str:
        text = str(lin)
        return f"({text})" if len(lin.terms) + (1 if lin.const else 0) > 1 else text
    return f"{one(rows)} × {one(cols)}"


def form(lin: Lin) -> dict:
    """A written or frozen size as a form."""
    out: dict = {name: k for name, k in lin.terms}
    if lin.const:
        out[CONST] = lin.const
    return out


class Solver:
    def __init__(self) -> None:
        self.bound: dict[int, dict] = {}
        self.n = 0
        self.evidence: list[Any] = []
        self.touches: dict[int, list[int]] = {}   # var -> evidence indices that constrain it
        self.nonconst: set[int] = set()            # signal dimensions: never inferred constant
        self.why: dict[int, int] = {}              # var -> the evidence index that solved it
        self.frozen: dict[tuple, Lin] = {}         # one Lin per value (a long chain has thousands of d_h)
        self.bindings = 0                          # how many variables are bound: a settled value stays
        self.settled: dict[int, int] = {}          # settled while no variable is bound (var -> bindings)
        self.named = False                         # a name was unified: a value may hold one (shapes.infer.name_free)

    def fresh(self) -> dict:
        self.n += 1
        return {self.n: 1}

    def resolve(self, lin: dict) -> dict:
        """The form with every bound variable replaced by its value (only ints are ever bound: a
        name or CONST is never in `bound`). The caller reads it and never changes it: a form with
        nothing bound may be returned as it is, a bound variable's value as stored."""
        bound = self.bound
        if len(lin) == 1:  # one variable (a signal's or a weight's size): the commonest form by far
            for v, k in lin.items():
                if v not in bound:
                    return lin if k else {}
                value = bound[v] if self.settled.get(v) == self.bindings else self._settle(v)  # (settled: _settle's first test)
                return value if k == 1 else {w: k * j for w, j in value.items()}
        for v in lin:
            if v in bound:
                break
        else:  # nothing bound: the form as it is (a long cell's common case)
            return {v: k for v, k in lin.items() if k}
        out: dict = {}
        for v, k in lin.items():
            if v in bound:
                for w, j in self._settle(v).items():
                    out[w] = out.get(w, 0) + k * j
            else:
                out[v] = out.get(v, 0) + k
        return {v: k for v, k in out.items() if k}

    def _settle(self, var: int) -> dict:
        """The value of a bound variable in free variables and names, stored back (so that the next
        look-up is one step). Iterative, depth first, each variable after the ones its value uses:
        a chain of a thousand variables bound one to the next is not a thousand nested calls.
        Values never form a cycle (a variable is bound to a resolved form, which holds free ones only)."""
        bound = self.bound
        value = bound[var]
        if self.settled.get(var) == self.bindings:
            return value  # checked since the last binding: settled still
        for w in value:
            if w in bound:  # (only ints are keys: a name or CONST never is)
                break
        else:
            self.settled[var] = self.bindings
            return value  # settled already: the common case
        if len(value) == 1:  # bound to one variable whose value is settled (a chain's link): the steps below, in short
            (w, j), = value.items()
            inner = bound[w]
            for x in inner:
                if x in bound:
                    break
            else:
                inner = bound[w] = {x: i for x, i in inner.items() if i}
                bound[var] = {x: j * i for x, i in inner.items() if j * i}
                self.settled[var] = self.bindings
                return bound[var]
        stack, seen = [(var, False)], set()
        while stack:
            v, ready = stack.pop()
            if ready:
                out: dict = {}
                for w, j in self.bound[v].items():
                    for x, i in (self.bound[w].items() if isinstance(w, int) and w in self.bound else ((w, 1),)):
                        out[x] = out.get(x, 0) + j * i
                self.bound[v] = {x: i for x, i in out.items() if i}
            elif v not in seen:
                seen.add(v)
                stack.append((v, True))
                stack.extend((w, False) for w in self.bound[v] if isinstance(w, int) and w in self.bound)
        self.settled[var] = self.bindings
        return self.bound[var]

    def unify(self, a: dict, b: dict, ev: Any) -> bool:
        """Make a == b. Returns False if impossible (nothing is changed then)."""
        ra, rb = self.resolve(a), self.resolve(b)
        idx = len(self.evidence)
        self.evidence.append(ev)
        touches = self.touches
        for side in (a, b):
            for v in side:
                if isinstance(v, int):
                    found = touches.get(v)
                    if found is None:
                        touches[v] = [idx]
                    else:
                        found.append(idx)
                elif v is not CONST:
                    self.named = True  # (every name a bound value holds came in through here)
        if ra == rb:  # equal already (resolved forms hold no zero coefficient)
            return True
        if len(ra) == 1 == len(rb) and self._pair(ra, rb, idx):
            return True  # (one free variable on each side: the commonest case, its steps below in short)
        diff = dict(ra)
        for v, k in rb.items():
            diff[v] = diff.get(v, 0) - k
        diff = {v: k for v, k in diff.items() if k}
        if not diff:
            return True
        g = _gcd(*diff.values())
        if g > 1:  # 4 d_c = 4 d_h (four stacked gates): d_c = d_h
            diff = {v: k // g for v, k in diff.items()}
        flex = [v for v, k in diff.items() if isinstance(v, int) and (k == 1 or k == -1)]
        if not flex:
            return False
        v = flex[0]
        if len(flex) > 1:
            # a variable alone on its side first (z = [h; x]: z's size is h's plus x's, not x's z's minus h's)
            alone = {next(iter(r)) for r in (ra, rb) if len(r) == 1} if len(ra) + len(rb) > 2 else ()
            nonconst = self.nonconst
            v = min(flex, key=lambda v: (v in nonconst, v not in alone, -v))
        k = diff.pop(v)
        value = {w: -j * k for w, j in diff.items()}  # k = +-1, so -j/k == -j*k
        rest = [w for w in value if w is not CONST]
        if v in self.nonconst:
            if not rest and value.get(CONST) == 1:
                return False  # a signal inferred to have one row: vectors multiplied by accident
            if len(rest) == 1 and isinstance(rest[0], int):
                self.nonconst.add(rest[0])
        self.bound[v] = value
        self.bindings += 1
        self.why[v] = idx
        return True

    def _pair(self, ra: dict, rb: dict, idx: int) -> bool:
        """unify's steps where each side is one free variable (d_1 = d_2, the two differing): the one
        bound is the one they pick (a signal's size last, else the later variable) to the other; False,
        and nothing done, for any other two forms of one term."""
        (x, kx), = ra.items()
        (y, ky), = rb.items()
        if kx != 1 or ky != 1 or x.__class__ is not int or y.__class__ is not int:
            return False
        nonconst = self.nonconst
        v, other = (x, y) if (x in nonconst, -x) < (y in nonconst, -y) else (y, x)
        if v in nonconst:
            nonconst.add(other)
        self.bound[v] = {other: 1}
        self.bindings += 1
        self.why[v] = idx
        return True

    def unnamed(self, lin: dict, names: dict[int, str]) -> bool:
        """Whether the form has a flexible variable with no name yet (free's test, without its list)."""
        for v in self.resolve(lin):
            if isinstance(v, int) and v not in names:
                return True
        return False

    def free(self, lin: dict, names: dict[int, str]) -> list[int]:
        """The flexible variables of a form that have no name yet."""
        return [v for v in self.resolve(lin) if isinstance(v, int) and v not in names]

    def freeze(self, lin: dict, names: dict[int, str]) -> Lin:
        r = self.resolve(lin)
        if len(r) == 1:  # one size or a number (d_h, 1): the commonest, without the general steps
            for v, k in r.items():
                if v is CONST:
                    key: tuple = ((), k)
                else:
                    key = ((((names[v] if v in names else f"?{v}") if isinstance(v, int) else v, k),), 0)
            lin = self.frozen.get(key)
            if lin is None:
                lin = self.frozen[key] = Lin(*key)
            return lin
        terms: dict[str, int] = {}
        const = 0
        for v, k in r.items():
            if v is CONST:
                const += k
            else:
                name = (names[v] if v in names else f"?{v}") if isinstance(v, int) else v
                terms[name] = terms.get(name, 0) + k
        key = (tuple(sorted((n, k) for n, k in terms.items() if k)), const)
        lin = self.frozen.get(key)
        if lin is None:
            lin = self.frozen[key] = Lin(*key)
        return lin


class Shape:
    """A node's shape while inferring: forms for rows and columns, and which parameter dimensions
    its rows and columns come from (an operand's, through sums and products)."""

    __slots__ = ("rows", "cols", "scalar", "rows_from", "cols_from", "owned")

    def __init__(self, rows: dict, cols: dict, scalar: bool = False, rows_from=None, cols_from=None,
                 owned: bool = False) -> None:
        self.rows, self.cols, self.scalar = rows, cols, scalar
        self.rows_from, self.cols_from = rows_from or {}, cols_from or {}
        self.owned = owned  # its origin dicts belong to it alone (a sum's): it may grow them


SCALAR = Shape(UNIT, UNIT, True)


def quotient(lin: Lin, by: Lin) -> Lin | None:
    """lin / by where `by` is one size (P) that every term of lin multiplies (H*P -> H), else None."""
    if lin.const or by.const or len(by.terms) != 1 or by.terms[0][1] != 1:
        return None
    drop = factors(by.terms[0][0])
    terms: dict[str, int] = {}
    const = 0
    for name, k in lin.terms:
        rest = list(factors(name))
        for f in drop:
            if f not in rest:
                return None
            rest.remove(f)
        if rest:
            key = PRODUCT.join(sorted(rest))
            terms[key] = terms.get(key, 0) + k
        else:
            const += k
    return Lin(tuple(sorted((n, k) for n, k in terms.items() if k)), const)
