"""A letter defined twice, the second time from what the first computed: `o = \\sigma(U^o x_t + W^o h_{t-1})`,
`h_t = o \\cdot \\tanh(C_t)`, then `o_t = V \\cdot h_t` (an output named like the output gate). The second
definition reads the first through the state, so it is no variant of it (a variant says the same quantity
another way) and no update (it does not read its own letter); it shares nothing with the first's right side (not
the gate's weights again): two quantities, the second read as
\\breve{o}, with a note. A step of read.readings, before read.definitions.variants."""
from __future__ import annotations

from ..errors import replace
from . import nodes as N


def later_namesakes(cell: N.Cell, notes: list[str]) -> N.Cell:
    eqs = cell.equations
    where: dict[str, list[int]] = {}
    for i, eq in enumerate(eqs):
        if isinstance(eq.lhs, N.Symbol) and eq.lhs.lag in (None, 0):
            where.setdefault(eq.lhs.name, []).append(i)
    for name, found in where.items():
        sides = [frozenset(_reads(eqs[k].rhs)) for k in found]  # (one equation written twice, a page's link and its image: one)
        j = next((k for k, side in zip(found, sides) if side != sides[0]), None)
        if j is None or any(side not in (sides[0], _reads(eqs[j].rhs)) for side in sides) \
                or any(side == sides[0] for k, side in zip(found, sides) if k > j) or not _from_the_first(eqs, name, found[0], j):
            continue
        i = found[0]
        lhs = eqs[j].lhs
        notes.append(f"{lhs.text} at {cell.source.where(lhs.span)} is computed from what {eqs[i].lhs.text} at "
                     f"{cell.source.where(eqs[i].lhs.span)} computed: two quantities of one letter, the second read as "
                     f"\\breve{{{name}}}")

        def later(x, name=name):
            if x.name != name or x.lag not in (None, 0):
                return x
            text = f"\\breve{{{name}}}{x.text[len(name):]}" if x.text.startswith(name) else f"\\breve{{{x.text}}}"
            return replace(x, name=f"\\breve{{{name}}}", text=text)
        eqs = eqs[:j] + tuple(replace(eq, lhs=N.map_symbols(eq.lhs, later), rhs=N.map_symbols(eq.rhs, later),
                                      also=tuple(N.map_symbols(a, later) for a in eq.also)) for eq in eqs[j:])
    return cell if eqs is cell.equations else replace(cell, equations=eqs)


def _reads(side) -> set[str]:
    return {x.name for x in N.walk(side) if isinstance(x, N.Symbol) and x.lag in (None, 0)}


def _from_the_first(eqs, name: str, i: int, j: int) -> bool:
    """Equation j reads, at this step and through the equations between, a signal that equation i's `name` made;
    and reads no `name` itself (not an update)."""
    if name in _reads(eqs[j].rhs) or any(name in _reads(a) for a in eqs[j].also):
        return False
    if _reads(eqs[i].rhs) & _reads(eqs[j].rhs):
        return False  # (`O_t = \phi(W_{ho} H_t + b_o)` after the gate's `W_{ho} h_{t-1} + b_o`: the gate's weights again, a slip?)
    made = {name}
    for k in range(i + 1, j):
        eq = eqs[k]
        if isinstance(eq.lhs, N.Symbol) and _reads(eq.rhs) & made:
            made.add(eq.lhs.name)
    return bool(_reads(eqs[j].rhs) & (made - {name}))
