"""The roles of the symbols, read off the AST before any shape is known: which are signals (they
carry a time index, or an equation defines them), which are parameters, where each is first used,
which equations use it, and which facts need a second look (notes).
"""
from __future__ import annotations

from dataclasses import dataclass

from . import nodes as N
from .errors import ShapeError


@dataclass(frozen=True)
class Roles:
    cell: N.Cell
    signals: frozenset[str]                    # names of the signals
    defined: dict[str, N.Equation]             # signal -> the equation that defines it
    declared: dict[str, N.Declaration]         # symbol -> its first declaration
    recurrent: frozenset[str]                  # signals read at t-1 (or earlier)
    first: dict[str, N.Symbol]                 # every symbol -> its first occurrence (declarations first)
    param_equations: dict[str, tuple[int, ...]]  # parameter -> indices of the equations that use it
    summand_only: frozenset[str]               # parameters only ever added: candidates for biases
    notes: tuple[str, ...]

    def is_signal(self, name: str) -> bool:
        return name in self.signals


def roles(cell: N.Cell) -> Roles:
    defined = _defined(cell)
    signals = set(defined)
    for eq in cell.equations:
        for node in (eq.lhs, eq.rhs):
            signals.update(x.name for x in N.walk(node) if isinstance(x, N.Symbol) and x.lag is not None)
    declared: dict[str, N.Declaration] = {}
    for decl in cell.declarations:
        for sym in decl.symbols:
            if sym.lag is not None:
                signals.add(sym.name)
            declared.setdefault(sym.name, decl)
    first: dict[str, N.Symbol] = {}  # a declared signal is first seen where it is declared
    for decl in cell.declarations:
        for sym in decl.symbols:
            if sym.name in signals:
                first.setdefault(sym.name, sym)
    recurrent: set[str] = set()
    uses: dict[str, list[int]] = {}
    not_summand: set[str] = set()
    for i, eq in enumerate(cell.equations):
        for sym, parent in _symbols_with_parents(eq):
            first.setdefault(sym.name, sym)
            if sym.name in signals:
                if sym.lag is not None and sym.lag > 0:
                    recurrent.add(sym.name)
                continue
            eqs = uses.setdefault(sym.name, [])
            if not eqs or eqs[-1] != i:
                eqs.append(i)
            if parent not in ("add", "sub"):
                not_summand.add(sym.name)
    scalars = {s.name for d in cell.declarations if d.rows is None for s in d.symbols}
    return Roles(cell, frozenset(signals), defined, declared, frozenset(recurrent), first,
                 {k: tuple(v) for k, v in uses.items()}, frozenset(set(uses) - not_summand),
                 tuple(_function_like_notes(cell, signals, scalars)))


def _defined(cell: N.Cell) -> dict[str, N.Equation]:
    """Each signal that is the left side of an equation (or a block of a stacked left side)."""
    defined: dict[str, N.Equation] = {}
    src = cell.source
    for eq in cell.equations:
        if isinstance(eq.lhs, N.Symbol):
            lhs = [eq.lhs]
        elif isinstance(eq.lhs, N.Concat):
            lhs = [x for x in N.walk(eq.lhs) if isinstance(x, N.Symbol)]
        else:
            lhs = []
        for sym in lhs:
            if sym.lag not in (None, 0):
                raise ShapeError(f"the left side {sym.text} is not at time t", source=src, span=sym.span,
                                 hint="an equation defines a signal at time t, like h_t = ...")
            prev = defined.get(sym.name)
            if prev is not None:
                line, _ = src.line_col(prev.span.start)
                raise ShapeError(f"{sym.text} is defined twice", source=src, span=sym.span,
                                 notes=(f"first defined at {src.name}:{line}",),
                                 hint="keep one equation per signal")
            defined[sym.name] = eq
    return defined


def _symbols_with_parents(eq: N.Equation):
    """Every symbol of the equation (left side first, then left to right) with the operator it is a
    direct operand of ("add", "matmul", ...; None under a function, a transpose or a stack)."""
    todo: list = [(eq.rhs, None), (eq.lhs, None)]
    while todo:
        node, parent = todo.pop()
        if isinstance(node, N.Symbol):
            yield node, parent
        elif isinstance(node, N.Binary):
            todo.append((node.right, node.op))
            todo.append((node.left, node.op))
        elif isinstance(node, (N.Apply, N.Neg, N.Transpose)):
            todo.append((node.arg, None))
        elif isinstance(node, N.Concat):
            todo.extend((x, None) for x in reversed(node.items))


def _function_like_notes(cell: N.Cell, signals: set[str], scalars: set[str]) -> list[str]:
    """g(z_t) with a lower-case letter right before the parenthesis reads as a parameter g times
    z_t; a paper may mean a function. Say so, once per name."""
    notes, noted = [], set()
    src = cell.source
    for eq in cell.equations:
        for node in N.walk(eq.rhs):
            if not (isinstance(node, N.Binary) and node.op == "matmul"):
                continue
            left = node.left
            if (isinstance(left, N.Symbol) and left.lag is None and len(left.name) == 1 and left.name.islower()
                    and left.name not in signals and left.name not in scalars
                    and src.text[left.span.end:left.span.end + 1] == "(" and left.name not in noted):
                noted.add(left.name)
                notes.append(
                    f"{left.name}(...) at {src.where(left.span)} reads as the parameter {left.name} times (...); "
                    f"if {left.name} is a function, write \\operatorname{{{left.name}}}(...)")
    return notes
