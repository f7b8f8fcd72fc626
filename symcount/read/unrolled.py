"""A cell written unrolled over numbered steps: `o_1 = f(x_1 W)`, `o_2 = f(x_2 W + o_1 W_h)`, ...,
`\\hat{y} = \\sigma(o_4 W_y)` (a textbook's many-to-one RNN). The steps are the time index: each
numbered signal at step n is the signal at t, the one at n - 1 at t - 1; the unrolled equations are one
equation written again (the one with the most terms is read: the first step lacks the state before it),
and an equation after the last step reads the state at t. A step of read.readings, with a note."""
from __future__ import annotations

from ..errors import replace
from . import nodes as N
from . import patterns as re  # re, with the package's patterns compiled ahead (read.patterns)

_NUMBERED = re.compile(r"^(?P<core>.+?)_\{?(?P<n>\d{1,3})\}?$")
# a step's number as a superscript, `a^{(1)}` (and `a^{<1>}`, read as it: read.build): read as a numbered step only
# beside the equation at t (`a^{<t>} = ...`), as a layer's number would be too
_NUMBERED_ABOVE = re.compile(r"^(?P<core>.+?)\^\{\((?P<n>\d{1,3})\)\}$")


def _step(sym, above: bool = False) -> tuple[str, int] | None:
    m = (_NUMBERED.match(sym.name) or above and _NUMBERED_ABOVE.match(sym.name)) if isinstance(sym, N.Symbol) \
        and sym.lag is None else None
    return (m.group("core"), int(m.group("n"))) if m else None


def unrolled(cell: N.Cell, notes: list[str]) -> N.Cell:
    steps: dict[str, dict[int, int]] = {}  # core -> step -> the equation that defines it there
    for i, eq in enumerate(cell.equations):
        s = _step(eq.lhs, above=True)
        if s:
            steps.setdefault(s[0], {})[s[1]] = i
    if (general := _written_generally(cell, steps)):
        return general(notes)
    steps = {core: kept for core, found in steps.items()
             if (kept := {n: i for n, i in found.items() if _step(cell.equations[i].lhs)})}
    chains = {core: found for core, found in steps.items() if (len(found) >= 3 or _from_start(cell, core, found))
              and sorted(found) == list(range(min(found), min(found) + len(found)))
              and _reads_previous(cell, core, found)}
    if not chains:
        return cell
    numbers: dict[str, set[int]] = {}  # each core written with a step number, and its numbers
    for eq in cell.equations:
        for side in (eq.lhs, eq.rhs) + eq.also:
            for x in N.walk(side):
                if (s := _step(x)):
                    numbers.setdefault(s[0], set()).add(s[1])
    stepped = set(chains) | {core for core, ns in numbers.items() if len(ns) >= 2}  # x_1 ... x_4 too
    last = max(n for found in chains.values() for n in found)
    keep: list[N.Equation] = []
    unrolled_eqs = {i for found in chains.values() for i in found.values()}
    for core, found in chains.items():
        best = max(found.items(), key=lambda kv: (sum(1 for n in N.walk(cell.equations[kv[1]].rhs)
                                                      if isinstance(n, N.Symbol)), kv[0]))
        keep.append(_at_step(cell.equations[best[1]], best[0], stepped))
    for i, eq in enumerate(cell.equations):
        if i not in unrolled_eqs:
            keep.append(_at_step(eq, last, stepped))
    first = cell.equations[min(unrolled_eqs)]
    notes.append(f"{first.lhs.text} at {cell.source.where(first.lhs.span)}: the cell is written unrolled over steps "
                 f"{min(min(f) for f in chains.values())} to {last}: read as one step, the numbered signals at t")
    return replace(cell, equations=tuple(keep))


def _written_generally(cell: N.Cell, steps: dict[str, dict[int, int]]):
    """`h₁ = f(x₁ • Wₓ + b₁)`, `h₂ = f(x₂ • Wₓ + h₁ • Wₕ + b₁)`, then `hₜ = f(xₜ • Wₓ + hₜ₋₁ • Wₕ + b₁)`: the first
    steps written out from 1, then the step at t: the numbered ones are examples of it (each of their weights is
    the step's), set aside with a note. A function of the notes that does so, or None."""
    general = {eq.lhs.name: i for i, eq in enumerate(cell.equations) if isinstance(eq.lhs, N.Symbol) and eq.lhs.lag == 0}
    cores = [core for core, found in steps.items() if core in general and min(found) in (0, 1)
             and sorted(found) == list(range(min(found), min(found) + len(found))) and _reads_previous(cell, core, found)]
    if not cores:
        return None
    drop = {i for core in cores for i in steps[core].values()}
    defined = {eq.lhs.name for eq in cell.equations if isinstance(eq.lhs, N.Symbol)}
    step_weights = {x.name for core in cores for x in N.walk(cell.equations[general[core]].rhs) if isinstance(x, N.Symbol)}
    for i in drop:
        weights = {x.name for x in N.walk(cell.equations[i].rhs)
                   if isinstance(x, N.Symbol) and x.lag is None and _step(x, above=True) is None and x.name not in defined}
        if not weights or weights - step_weights:
            return None  # a weight of its own: not an example of the step; or numbers only (read.examples' worked steps)

    def set_aside(notes: list[str]) -> N.Cell:
        first = cell.equations[min(drop)]
        notes.append(f"{first.lhs.text} at {cell.source.where(first.lhs.span)} and the numbered steps after it write out "
                     f"the first steps of the equation at t ({', '.join(cell.equations[general[c]].lhs.text for c in cores)}):"
                     " read as examples of it")
        return replace(cell, equations=tuple(eq for i, eq in enumerate(cell.equations) if i not in drop))
    return set_aside


def _reads_previous(cell: N.Cell, core: str, found: dict[int, int]) -> bool:
    """Each step after the first reads the step before it (o_2 from o_1): a recurrence, not a list."""
    return all(any(_step(x, above=True) == (core, n - 1) for x in N.walk(cell.equations[i].rhs))
               for n, i in found.items() if n != min(found))


def _from_start(cell: N.Cell, core: str, found: dict[int, int]) -> bool:
    """One or two steps written out from the start, the first reading the state before it (`h_1 = \\tanh(x_1
    W + h_0 U + b)`): a step of the recurrence (two layers, h_1 = f(x), h_2 = f(h_1), read no h_0)."""
    first = min(found)
    return first == 1 and any(_step(x) == (core, 0) for x in N.walk(cell.equations[found[first]].rhs))


def _at_step(eq: N.Equation, n: int, stepped: set[str]) -> N.Equation:
    """The equation of step n with each numbered signal at its lag from n (o_{n-1}: o at t - 1)."""
    def fn(x):
        s = _step(x)
        if s is None or s[0] not in stepped or s[1] > n:
            return x
        return replace(x, name=s[0], lag=n - s[1])
    lhs = eq.lhs
    s = _step(lhs)
    if s and s[0] in stepped:
        lhs = replace(lhs, name=s[0], lag=0)
    return replace(eq, lhs=lhs, rhs=N.map_symbols(eq.rhs, fn), also=tuple(N.map_symbols(a, fn) for a in eq.also))
