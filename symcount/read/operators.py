"""Operators whose meaning varies between texts, read before any shape is known: `\\oplus` (⊕) is an
elementwise operation in some texts (SRU notes write `f_t \\oplus c_{t-1}` for the gate's product)
and a concatenation in others (`W (x_t \\oplus h_{t-1})`). Which one is a choice: both readings are
solved, a reading whose shapes do not agree drops out, and where both survive with different counts
the text is refused with the option that picks each (`--read '\\oplus=concatenation'`).

A concatenation written as a call, `\\mathrm{concat}(h_{t-1}, x_t)`, `\\text{cat}(h, x)`, `stack(h, x)`, is the
stacked vector `[h_{t-1}; x_t]` (read as an unknown function of two arguments, it had the first one's size)."""
from __future__ import annotations

from ..errors import replace
from . import nodes as N
from .choices import Choice, current
from .words import split


def oplus(cell: N.Cell, notes: list[str]) -> N.Cell:
    first = next((n for eq in cell.equations for side in (eq.rhs,) + eq.also for n in N.walk(side)
                  if isinstance(n, N.Binary) and n.op == "oplus"), None)
    if first is None:
        return cell
    where = cell.source.where(first.span)
    reading = current().pick(Choice("\\oplus", ("elementwise", "concatenation"), where, "what \\oplus means"))
    notes.append(f"\\oplus at {where} reads as {'an elementwise product' if reading == 'elementwise' else 'a concatenation'}"
                 f" (--read '\\oplus={'concatenation' if reading == 'elementwise' else 'elementwise'}' reads it as "
                 f"{'a concatenation' if reading == 'elementwise' else 'an elementwise product'})")

    def one(n, new):
        if isinstance(n, N.Binary) and n.op == "oplus":
            left, right = new(n.left), new(n.right)
            if reading == "elementwise":
                return N.Binary("hadamard", left, right, n.span)
            items = (left.items if isinstance(left, N.Concat) else (left,)) + (right,)
            return N.Concat(items, n.span)
        return None
    eqs = tuple(replace(eq, rhs=N.rewrite(eq.rhs, one), also=tuple(N.rewrite(x, one) for x in eq.also))
                for eq in cell.equations)
    return replace(cell, equations=eqs)


_CONCAT_WORDS = frozenset("concat Concat cat Cat concatenate Concatenate stack Stack vstack hstack".split())


def concat_calls(cell: N.Cell, notes: list[str]) -> N.Cell:
    """concat(a, b) as [a; b]."""
    def call(n) -> bool:
        return isinstance(n, N.Apply) and not n.each and isinstance(n.arg, N.Tuple) and split(n.func)[0] in _CONCAT_WORDS
    if not any(call(n) for eq in cell.equations for side in (eq.rhs,) + eq.also for n in N.walk(side)):
        return cell

    def one(n, new):
        return N.Concat(tuple(new(x) for x in n.arg.items), n.span) if call(n) else None
    return replace(cell, equations=tuple(replace(eq, rhs=N.rewrite(eq.rhs, one), also=tuple(N.rewrite(x, one) for x in eq.also))
                                         for eq in cell.equations))
