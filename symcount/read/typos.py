"""Typos a reader corrects without a second thought, each said in a note: `h_{t_1}` where the cell
steps with t and h is a signal (`h_t`, `h_{t-1}` elsewhere) is `h_{t-1}` (CS231n's notes write it
in every gate). Nothing else is corrected: a name that could mean something is left as written."""
from __future__ import annotations

from ..errors import replace
from . import patterns as re  # re, with the package's patterns compiled ahead (read.patterns)

from . import nodes as N
from .cellwalk import apply, symbols

_UNDERSCORE_LAG = re.compile(r"^(?P<core>.+?)_\{?t_1\}?$")


def typos(cell: N.Cell, notes: list[str]) -> N.Cell:
    timed = {s.name for s, _, _ in symbols(cell) if s.lag is not None}
    if not timed or not any("t_1" in s.name for s, _, _ in symbols(cell)):
        return cell
    said: set[str] = set()

    def fn(s: N.Symbol, *_):
        m = _UNDERSCORE_LAG.match(s.name)
        if s.lag is not None or m is None or m.group("core") not in timed:
            return s
        if s.name not in said:
            said.add(s.name)
            notes.append(f"{s.text} at {cell.source.where(s.span)} reads as {m.group('core')}_{{t-1}} "
                         "(t_1 for t-1, a typo)")
        return replace(s, name=m.group("core"), lag=1, text=f"{m.group('core')}_{{t-1}}")
    return apply(cell, fn)
