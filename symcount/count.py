"""Shapes -> Counts: sympy formulas per parameter, per equation and in total."""
from __future__ import annotations

from dataclasses import dataclass

import sympy

from .dims import Lin
from .shapes import ParamShape, Shapes


@dataclass(frozen=True)
class Parameter:
    name: str
    rows: sympy.Expr
    cols: sympy.Expr
    count: sympy.Expr
    bias: bool
    scalar: bool
    equation: str                  # label of the first equation that uses it
    equations: tuple[str, ...]     # labels of every equation that uses it
    shape: ParamShape

    @property
    def shared(self) -> bool:
        return len(self.equations) > 1


@dataclass(frozen=True)
class EquationCount:
    label: str                     # the left side, e.g. i_t
    text: str                      # the equation as written
    line: int
    parameters: tuple[str, ...]    # first used here: counted in this subtotal
    shared: tuple[str, ...]        # used here, counted where first used
    subtotal: sympy.Expr


@dataclass(frozen=True)
class Counts:
    parameters: tuple[Parameter, ...]
    equations: tuple[EquationCount, ...]
    total: sympy.Expr
    symbols: tuple[tuple[str, sympy.Symbol], ...]


def dim_symbol(name: str) -> sympy.Symbol:
    return sympy.Symbol(name, integer=True, positive=True)


def to_expr(lin: Lin, symbols: dict[str, sympy.Symbol]) -> sympy.Expr:
    expr = sympy.Integer(lin.const)
    for name, k in lin.terms:
        expr += k * symbols[name]
    return expr


def count(shapes: Shapes, *, bias: bool = True) -> Counts:
    symbols = {d: dim_symbol(d) for d in shapes.dims}
    labels = [eq.label for eq in shapes.cell.equations]
    params = []
    for p in shapes.params:
        if p.bias and not bias:
            continue
        rows, cols = to_expr(p.rows, symbols), to_expr(p.cols, symbols)
        n = sympy.Integer(1) if p.scalar else sympy.expand(rows * cols)
        params.append(Parameter(p.name, rows, cols, n, p.bias, p.scalar, labels[p.equations[0]],
                                tuple(labels[i] for i in p.equations), p))
    src = shapes.cell.source
    first: dict[int, list[Parameter]] = {}
    also: dict[int, list[str]] = {}
    for p in params:
        first.setdefault(p.shape.equations[0], []).append(p)
        for i in p.shape.equations[1:]:
            also.setdefault(i, []).append(p.name)
    eqs = []
    for i, eq in enumerate(shapes.cell.equations):
        own = first.get(i, [])
        sub = sympy.expand(sympy.Add(*[p.count for p in own]))
        eqs.append(EquationCount(eq.label, " ".join(src.slice(eq.span).split()),
                                 src.line_col(eq.span.start)[0], tuple(p.name for p in own),
                                 tuple(also.get(i, ())), sub))
    total = sympy.expand(sympy.Add(*[p.count for p in params]))
    return Counts(tuple(params), tuple(eqs), total, tuple(symbols.items()))


def factored(expr: sympy.Expr) -> sympy.Expr:
    """The form a person writes, 4*d_h*(d_h + d_x + 2), as a sympy expression kept unexpanded.
    It is poly.factored_parts' grouping, so the API and the printed reports agree."""
    from . import poly as P
    symbols = {s.name: s for s in expr.free_symbols}
    terms = []
    for k, mono, inner in P.factored_parts(to_poly(expr)):
        if k == 1 and not mono:  # ungrouped terms stand on their own
            terms.extend(c * sympy.Mul(*[symbols[n] ** e for n, e in m]) for m, c in inner.items())
            continue
        factors = ([] if k == 1 else [sympy.Integer(k)]) + [symbols[n] ** e for n, e in mono]
        if inner != {(): 1}:
            factors.append(sympy.Add(*[c * sympy.Mul(*[symbols[n] ** e for n, e in m]) for m, c in inner.items()]))
        terms.append(sympy.Mul(*factors, evaluate=False) if len(factors) > 1 else factors[0] if factors else sympy.Integer(1))
    return sympy.Add(*terms, evaluate=False) if len(terms) > 1 else (terms[0] if terms else sympy.Integer(0))


def to_poly(expr: sympy.Expr) -> dict:
    """A sympy polynomial with integer coefficients as a plain poly.Poly."""
    expr = sympy.expand(expr)
    if not expr.free_symbols:
        return {(): int(expr)} if expr != 0 else {}
    gens = sorted(expr.free_symbols, key=lambda s: s.name)
    out = {}
    for mon, c in sympy.Poly(expr, *gens).terms():
        out[tuple((g.name, k) for g, k in zip(gens, mon) if k)] = int(c)
    return out
