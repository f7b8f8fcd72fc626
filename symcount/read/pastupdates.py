"""A previous state updated in place on the way to the new one: `c_{t-1} = f \\circ c_{t-1}` (a Korean
study note's "forget" step), then `c_t = f \\circ c_{t-1} + g \\circ i`. The update reads only signals the
equations define and the state itself, so it brings no parameter; the equation that defines the state at
t is the cell's. Read as a remark, with a note. A step of read.readings."""
from __future__ import annotations

from ..errors import replace
from . import nodes as N


def past_updates(cell: N.Cell, notes: list[str]) -> N.Cell:
    at_t = {eq.lhs.name for eq in cell.equations if isinstance(eq.lhs, N.Symbol) and eq.lhs.lag == 0}
    defined = {eq.lhs.name for eq in cell.equations if isinstance(eq.lhs, N.Symbol)}
    kept = []
    for eq in cell.equations:
        lhs = eq.lhs
        if isinstance(lhs, N.Symbol) and lhs.lag == 1 and lhs.name in at_t and not eq.also:
            syms = [x for x in N.walk(eq.rhs) if isinstance(x, N.Symbol)]
            if any(x.name == lhs.name and x.lag == 1 for x in syms) and all(x.name in defined for x in syms):
                notes.append(f"{' '.join(cell.source.slice(eq.span).split())} at {cell.source.where(eq.span)} updates "
                             f"{lhs.text} in place on the way to the equation for {lhs.name} at t: read as a remark "
                             "(it brings no parameter)")
                continue
        kept.append(eq)
    return cell if len(kept) == len(cell.equations) else replace(cell, equations=tuple(kept))
