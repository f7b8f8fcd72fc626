"""Chains of equal sides, `z_t = \\Phi(x_t) = \\tanh(W x_t + b)`: a side that only names another (a function the text
does not define, a symbol defined nowhere, a pre-activation, a part of the side before it named by a new symbol), and
worked examples (`= 0 \\cdot \\tilde{c}_t + (1 - 0) c_{t-1} = c_{t-1}`), are not counted; where two sides each say
how, which one is a reading. A step of read.readings (moved from read.definitions)."""
from __future__ import annotations

from . import nodes as N
from ..errors import replace
from .cellwalk import symbols
from .choices import Choice, current, key
from .words import kind


def chain_names(cell: N.Cell, notes: list[str]) -> N.Cell:
    """z_t = \\Phi(x_t) = \\tanh(W x_t + b): in a chain, a side with a function the text has not defined
    (\\sigma(f(x_t, h_{t-1}))) names the side after it; the named side is what is computed."""
    out = []
    made = {eq.lhs.name for eq in cell.equations if isinstance(eq.lhs, N.Symbol)}
    for eq in cell.equations:
        if not eq.also:  # one side: none names another, and one is counted (no side looked at)
            out.append(eq)
            continue
        sides = (eq.rhs,) + eq.also
        named = [s for s in sides if _abstract(s, kind) or _alias(s, eq.lhs, made, len(sides))
                 or _preactivated(s, eq.lhs, made, len(sides)) or _renamed(s, sides, eq.lhs, made)]
        if len(named) == len(sides) and any(_signature(s) for s in named) and any(not _signature(s) for s in named):  # R(x_i, s_{i-1}) = g(W s_{i-1} + ...)
            named = [s for s in named if _signature(s)]  # (g's side says how: only the bare signature names it)
        kept = [s for s in sides if s not in named]
        ties = []  # y_t = h_t = ... where h is read elsewhere (h_{t-1}): h_t = y_t, the same value, no parameter
        if named and kept:
            for s in named:
                notes.append(f"{cell.source.slice(s.span)} at {cell.source.where(s.span)} names the expression it "
                             "equals: counted as that expression")
                if isinstance(s, N.Symbol) and isinstance(eq.lhs, N.Symbol) and s.name not in made and _read_elsewhere(cell, s):
                    ties.append(N.Equation(s, eq.lhs, s.span))
            eq = replace(eq, rhs=kept[0], also=tuple(kept[1:]))
        at = next((i for i, s in enumerate(kept) if i and _worked(s, kept[0])), len(kept))
        worked = kept[at:]  # `= 0 \cdot \tilde{c}_t + (1 - 0) c_{t-1} = c_{t-1}`: values put in, and what they come to
        if worked:
            notes.append(f"{cell.source.slice(worked[0].span)} at {cell.source.where(worked[0].span)} is the side before it "
                         "with values put in (a worked example): not counted")
            kept = [s for s in kept if s not in worked]
            eq = replace(eq, rhs=kept[0], also=tuple(kept[1:]))
        if len(kept) > 1 and isinstance(eq.lhs, N.Symbol):  # h_t = A = B: each side says what h_t is
            lhs = eq.lhs
            side = int(current().pick(Choice(key(lhs.text), tuple(str(i + 1) for i in range(len(kept))),
                                             cell.source.where(kept[1].span),
                                             f"{lhs.text} = ... = ...: which side is counted"))) - 1
            eq = replace(eq, rhs=kept[side], also=())
        out += [eq, *ties]
    if len(out) == len(cell.equations) and all(a is b for a, b in zip(out, cell.equations)):
        return cell  # nothing named: the cell itself (the steps after it keep their walks of it, read.cellwalk)
    return replace(cell, equations=tuple(out))


def _worked(side, first) -> bool:
    """Whether a side of a chain is the first with values put in: numbers, and none of its signals new."""
    names = lambda s: {(x.name, x.lag) for x in N.walk(s) if isinstance(x, N.Symbol)}  # noqa: E731
    return any(isinstance(x, N.Number) for x in N.walk(side)) and names(side) < names(first)


def _signature(side) -> bool:
    """R(x_i, s_{i-1}): a letter before a list of signals, what a side is computed from and nothing of how."""
    items = side.right.items if isinstance(side, N.Binary) and side.op == "matmul" and isinstance(side.left, N.Symbol) \
        and isinstance(side.right, N.Tuple) else side.arg.items if isinstance(side, N.Apply) and isinstance(side.arg, N.Tuple) else ()
    return bool(items) and all(isinstance(a, N.Symbol) and a.lag is not None for a in items)


def _read_elsewhere(cell: N.Cell, s: N.Symbol) -> bool:
    """Whether another symbol of the equations has s's name (h_{t-1} beside the h_t a chain names)."""
    return any(x.name == s.name and x is not s for x, _, _ in symbols(cell))


def _alias(side, lhs, made: set, n: int) -> bool:
    """h_t = y_t = h_{t-1} \\cdot (1 - z_t) + ...: a side that is one symbol at the left side's time,
    defined nowhere, is another name for the value (the output y_t is the state h_t)."""
    return (n > 1 and isinstance(side, N.Symbol) and isinstance(lhs, N.Symbol) and side.lag == lhs.lag
            and side.name not in made and side.name != lhs.name)


def _preactivated(side, lhs, made: set, n: int) -> bool:
    """a^t = \\tanh(\\hat a^t) = \\tanh(W_a x^t + U_a h^{t-1}): a side that applies a function to one symbol at
    the left side's time, defined nowhere, names the pre-activation the next side writes out."""
    return (n > 1 and isinstance(side, N.Apply) and not side.each and isinstance(side.arg, N.Symbol)
            and isinstance(lhs, N.Symbol) and side.arg.lag == lhs.lag and side.arg.name not in made
            and side.arg.name != lhs.name)


def _renamed(side, sides, lhs, made: set) -> bool:
    """y^t = o^t h(c^t) = o^t c_h^t: a side that is another side with a part of it named by a symbol at the
    left side's time that no equation makes (c_h^t for h(c^t)) names that part."""
    return isinstance(lhs, N.Symbol) and any(o is not side and _stands_for(side, o, lhs.lag, made) == 1 for o in sides)


def _stands_for(a, b, lag, made: set) -> int | None:
    """How many parts of b a names by a new symbol (None where a and b differ otherwise)."""
    if isinstance(a, N.Symbol) and a.lag == lag and a.name not in made and isinstance(b, (N.Apply, N.Binary)):
        return 1
    if type(a) is not type(b):
        return None
    if isinstance(a, N.Symbol):
        return 0 if (a.name, a.lag) == (b.name, b.lag) else None
    if isinstance(a, N.Number):
        return 0 if a.value == b.value else None
    if isinstance(a, N.Binary):
        if a.op != b.op:
            return None
        left, right = _stands_for(a.left, b.left, lag, made), _stands_for(a.right, b.right, lag, made)
        return None if left is None or right is None else left + right
    if isinstance(a, N.Apply):
        return _stands_for(a.arg, b.arg, lag, made) if a.func == b.func else None
    return None


def _abstract(side, kind) -> bool:
    """A side of a chain that names a function without saying what it is: \\Phi(x_t), \\sigma(f(x_t, h_{t-1})),
    z(x_t, h_{t-1}) (a letter before a list of arguments)."""
    for x in N.walk(side):
        if isinstance(x, N.Apply) and not x.each and kind(x.func) in ("letter", "unknown"):
            return True
        if isinstance(x, N.Binary) and x.op == "matmul" and isinstance(x.left, N.Symbol) and isinstance(x.right, N.Tuple):
            return True
        if isinstance(x, N.Apply) and not x.each and isinstance(x.arg, N.Tuple) and all(
                isinstance(a, N.Symbol) and a.lag is not None for a in x.arg.items):  # \sigma_h(x_t, h_{t-1}): of what
            return True
    return False
