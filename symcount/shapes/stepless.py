"""Equations that carry nothing from one step to the next, where the text shows a cell that does: an equation of the
cell was not read (a picture, a notation the reader does not know, a numbered equation the text only refers to), and a
count of the rest would be short. Called by shapes.infer before the walk."""
from __future__ import annotations

from ..errors import ShapeError
from ..read.cellwalk import symbols
from ..read.choices import current
from ..read.source import Span
from ..read import patterns as re  # re, with the package's patterns compiled ahead (read.patterns)


# a step before, as a text writes it: h_{t-1}, h<sub>t-1</sub>, st-1, hₜ₋₁, h⁽ᵗ⁻¹⁾
_STEP_BEFORE = re.compile(r"(?<![\w.])t\s*(?:</sub>\s*)?[-−]\s*1(?![\d.])|ₜ₋₁|ᵗ⁻¹")


def partial_cell(r) -> None:
    """Equations that read nothing at a step before, in a text that writes one: an equation of the cell was not
    read (a diagram's label, a notation the reader does not know), and a count of the rest would be short."""
    if r.recurrent or not r.cell.equations or current().open:
        return  # (where readings are open, a reading with no step before is compared with the others, not refused)
    if not _STEP_BEFORE.search(r.cell.source.text):
        _stateless(r)
        return
    m = _STEP_BEFORE.search(r.cell.source.text)
    raise ShapeError("the equations read compute nothing from a step before, but the text writes one: an equation of "
                     "the cell was not read, and the count of the others would be short", source=r.cell.source,
                     span=Span(m.start(), m.end()), hint="write the cell's equations in math, e.g. "
                     "$$ h_t = \\tanh(W x_t + U h_{t-1} + b) $$")


_RECURRENT_WORDS = re.compile(r"\b(?:LSTMs?|GRUs?|RNNs?|LSTMP|recurren\w*|récurren\w*|rekurren\w*|ricorren\w*)|рекуррент|"
                              r"循环神经|循環神經|再帰|순환", re.I)


def _stateless(r) -> None:
    """Equations whose every signal is at step t and none computed from itself (no h_{t-1}, no loop that feeds an
    output back): they carry nothing from one step to the next, so they are not a recurrent cell; the equations that
    carry the state (an image, a numbered equation the text refers to) were not read. Signals without a time index
    (code, a loop's names), and equations without a word of a recurrent cell around them, are not judged here."""
    found = [s for s, _, _ in symbols(r.cell) if s.name in r.signals]
    if not found or any(s.lag != 0 for s in found) or not _RECURRENT_WORDS.search(r.cell.prose or ""):
        return  # (equations alone, with no word of a recurrent cell around them: a fragment a user may count)
    reads = {name: {s.name for s, i, left in symbols(r.cell) if not left and s.name in r.defined
                    and r.cell.equations[i] is eq} for name, eq in r.defined.items()}
    seen: dict[str, int] = {}

    def cyclic(name: str) -> bool:  # (a signal that reads itself through the others: a loop's feedback)
        if seen.get(name) == 1:
            return True
        if seen.get(name) == 2:
            return False
        seen[name] = 1
        if any(cyclic(n) for n in reads.get(name, ())):
            return True
        seen[name] = 2
        return False
    if any(cyclic(n) for n in reads):
        return
    first = r.cell.equations[0]
    raise ShapeError("every equation read is at step t and none reads a state from the step before: these equations "
                     "carry nothing from one step to the next, so the cell's recurrence was not read (an equation in "
                     "a picture, or one the text only refers to), and a count of these would not be the cell's",
                     source=r.cell.source, span=first.span,
                     hint="write the state's update with its step before, e.g. $$ h_t = \\tanh(W x_t + U h_{t-1} + b) $$")
