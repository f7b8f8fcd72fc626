"""Typos a reader corrects without a second thought, each said in a note: `h_{t_1}` where the cell
steps with t and h is a signal (`h_t`, `h_{t-1}` elsewhere) is `h_{t-1}` (CS231n's notes write it
in every gate). Nothing else is corrected: a name that could mean something is left as written."""
from __future__ import annotations

from ..errors import replace
from . import patterns as re  # re, with the package's patterns compiled ahead (read.patterns)

from . import nodes as N
from .cellwalk import apply, symbols
from .cellwalk import defined as defined_at
from .choices import Choice, current, key

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


_WEIGHT_LETTERS = frozenset("W U V".split())
_NUMBERED_WEIGHT = re.compile(r"[WUV]_\{?[0-9]\}?$")  # W1[t], W_2[t]: a numbered weight with the step


def _weight_letter(name: str) -> bool:
    return name in _WEIGHT_LETTERS or _NUMBERED_WEIGHT.match(name) is not None


def timed_weights(cell: N.Cell, notes: list[str]) -> N.Cell:
    """`i_t = \\sigma(W_{t} h_{t-1} + U_i x_t + b_i)`: a weight's letter with the step for its subscript,
    that no equation computes, is a weight whose subscript slipped (W_i written W_t), or a signal W
    the cell reads at each step: both readings (read.choices, `--read W_t=weight`)."""
    defined = set(defined_at(cell))
    found: dict[str, N.Symbol] = {}
    for s, _, left in symbols(cell):
        if not left and s.lag == 0 and _weight_letter(s.name) and s.name not in defined and not s.font:
            found.setdefault(s.name, s)
    weights = set()
    for name, s in found.items():
        where = cell.source.where(s.span)
        if current().pick(Choice(key(s.text), ("weight", "signal"), where,
                                 f"{s.text}: a weight (its subscript the step's letter) or a signal {name} at each step")) == "weight":
            weights.add(name)
            notes.append(f"{s.text} at {where} reads as a weight named {name}_t, not a signal (--read {key(s.text)}=signal)")
    if not weights:
        return cell
    return apply(cell, lambda s, i, left: replace(s, name=f"{s.name}_{{t}}", lag=None)
                 if s.name in weights and s.lag == 0 else s)
