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


def gate_letter_slips(cell: N.Cell, notes: list[str]) -> N.Cell:
    """c_t = \\sigma(W_{ir} x_t + W_{hr} h_{t-1} + b_r) defined and never read, r_t read and never defined:
    the weights of c_t's equation all name r, so its left side is a slip for r_t; so is \\tilde{t}_t defined
    beside \\tilde{h}_t read (one accent, one letter slipped). Only where the cell has one such pair."""
    made = defined_at(cell)
    read = {s.name for s, _, left in symbols(cell) if not left}
    unused = [n for n, i in made.items() if n not in read and isinstance(cell.equations[i].lhs, N.Symbol)
              and cell.equations[i].lhs.lag == 0 and _LETTER.fullmatch(n)]
    wanted = {s.name: s for s, _, left in symbols(cell) if not left and s.lag == 0 and s.name not in made
              and _LETTER.fullmatch(s.name) and s.name not in ("x", "X", "u")}
    if len(unused) != 1 or len(wanted) != 1:
        return cell
    eq, (name, first) = cell.equations[made[unused[0]]], next(iter(wanted.items()))
    weights = [x for x in N.walk(eq.rhs) if isinstance(x, N.Symbol) and x.lag is None and x.name not in made]
    subscripts = [re.sub(r"[{}\s]", "", x.name.partition("_")[2]) for x in weights]
    accent = _LETTER.fullmatch(name).group(1)
    if accent:
        why = f"both are written with \\{accent}"
        if _LETTER.fullmatch(unused[0]).group(1) != accent:
            return cell
    elif weights and all(sub and sub.endswith(name) for sub in subscripts):
        why = f"the weights of {eq.lhs.text}'s equation all name {name}"
    else:
        return cell
    lhs = eq.lhs
    notes.append(f"{lhs.text} at {cell.source.where(lhs.span)} is read as {first.text}: {lhs.text} is defined and never "
                 f"used, {first.text} is used and never defined, and {why}")
    return apply(cell, lambda s, i, left: replace(s, name=name, text=first.text) if left and s.name == unused[0] else s)


_LETTER = re.compile(r"(?:\\(tilde|hat|bar)\{)?[A-Za-z]\}?")
