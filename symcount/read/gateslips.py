"""A gate's equation written with another gate's letter on its left: `z = \\sigma(x_t U^z + s_{t-1} W^z)`, then
`z = \\sigma(x_t U^r + s_{t-1} W^r)` with r read (`s_{t-1} \\circ r`) and defined nowhere. The second definition's
weights all carry r's mark, so its left side is a slip for r: read as r's equation, with a note. Only where the
name is defined twice, the other definition's weights do not carry that mark, and the letter is defined nowhere.
A step of read.readings, before read.definitions.variants (which would make the two a choice)."""
from __future__ import annotations

from ..errors import replace
from . import nodes as N
from . import patterns as re  # re, with the package's patterns compiled ahead (read.patterns)
from .cellwalk import symbols

_ONE_LETTER = re.compile(r"[A-Za-z]")
_MARK = re.compile(r"[_^]\{?\s*\(?([A-Za-z]{1,3})\)?\s*\}?$")  # U^r, W^{(r)}, W_{hr}: the index's last letter


def doubled_slips(cell: N.Cell, notes: list[str]) -> N.Cell:
    found: dict[str, list[int]] = {}
    for i, eq in enumerate(cell.equations):
        if isinstance(eq.lhs, N.Symbol) and eq.lhs.lag in (None, 0) and _ONE_LETTER.fullmatch(eq.lhs.name):
            found.setdefault(eq.lhs.name, []).append(i)
    if all(len(v) < 2 for v in found.values()):
        return cell
    wanted = {s.name for s, _, left in symbols(cell) if not left and s.lag in (None, 0) and _ONE_LETTER.fullmatch(s.name)
              and s.name not in found and s.name not in "xXu"}
    wanted -= {x.name for d in cell.declarations for x in d.symbols}  # (r \in \mathbb{R}^d: a learned vector, no gate)
    eqs = list(cell.equations)
    for name, at in found.items():
        if len(at) < 2:
            continue
        marks = [_marks(eqs[i], found) for i in at]
        slips = [(i, m) for i, m in zip(at, marks) if len(m) == 1 and next(iter(m)) in wanted and next(iter(m)) != name]
        if len(slips) != 1 or not any(m == {name} for m in marks):
            continue
        i, mark = slips[0][0], next(iter(slips[0][1]))
        lhs = eqs[i].lhs
        notes.append(f"{lhs.text} at {cell.source.where(lhs.span)} is defined a second time with weights that all carry "
                     f"{mark} ({', '.join(sorted(_weights(eqs[i], found)))}), and {mark} is read but defined nowhere: read as "
                     f"{mark}'s equation (a slip of the letter)")
        text = mark + lhs.text[len(name):] if lhs.text.startswith(name) else mark
        eqs[i] = replace(eqs[i], lhs=replace(lhs, name=mark, text=text))
        wanted.discard(mark)
    return cell if eqs == list(cell.equations) else replace(cell, equations=tuple(eqs))


def _weights(eq: N.Equation, made) -> set[str]:
    return {x.name for x in N.walk(eq.rhs) if isinstance(x, N.Symbol) and x.lag is None and x.name not in made}


def _marks(eq: N.Equation, made) -> set[str]:
    """The letters the weights of an equation end their indices with (an empty set where one has none)."""
    out = set()
    for w in _weights(eq, made):
        m = _MARK.search(w)
        if m is None:
            return set()
        out.add(m.group(1)[-1])
    return out
