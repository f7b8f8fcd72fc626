"""An output written with no name beside the read equations: a docstring's `- Output: V @ h_t` after `- Hidden: h_t =
...`, a label and a weight applied to a signal the cell computes, no `=`. Its weight is the cell's (V counts) but no
equation holds it: refused with where it stands, never counted without it. `--read unnamed-output=dropped` counts the
equations read. A step of read.readings."""
from __future__ import annotations

from ..errors import ParseError
from . import nodes as N
from . import patterns as re  # re, with the package's patterns compiled ahead (read.patterns)
from .choices import Choice, current

# `- Output: V @ h_t`, `# output: V * h`, `* Output layer: W_y h_t + b_y` (a label, a colon, an expression with no `=`)
_LINE = re.compile(r"^[ \t]*(?:[-*•+][ \t]+|(?:#+|//)[ \t]*)?(?:[A-Za-z]+[ \t]+)?(?i:output)(?:[ \t]+layer)?[ \t]*:[ \t]*"
                   r"(?P<expr>(?P<weight>[A-Z](?:_\{?\w+\}?)?)[ \t]*(?:@|\*|·|\\cdot)?[ \t]*(?P<arg>[A-Za-z][A-Za-z0-9]*)(?:_\{?[\w-]+\}?)?"
                   r"(?:[ \t]*\+[ \t]*[A-Za-z]\w*(?:_\{?\w+\}?)?)?)[ \t]*\.?[ \t]*$", re.M)


def unnamed_outputs(cell: N.Cell, notes: list[str]) -> N.Cell:
    text = cell.source.text
    if "utput" not in text:
        return cell
    made = {eq.lhs.name for eq in cell.equations if isinstance(eq.lhs, N.Symbol)}
    used = {x.text for eq in cell.equations for x in N.walk(eq.rhs) if isinstance(x, N.Symbol)}  # (V of y_t = V h_t: counted)
    spans = [(eq.span.start, eq.span.end) for eq in cell.equations]
    for m in _LINE.finditer(text):
        a, b = m.span("expr")
        if m.group("arg") not in made or m.group("weight") in used or any(x < b and a < y for x, y in spans):
            continue
        where = cell.source.where(N.Span(a, b))
        if current().pick(Choice("unnamed-output", ("open", "dropped"), where, "an output written with no name")) == "dropped":
            notes.append(f"{m.group('expr')} at {where} is an output written with no name: not counted (--read unnamed-output=dropped)")
            return cell
        raise ParseError(f"{m.group('expr')} is an output written with no name: its weight is the cell's, but no equation "
                         "holds it", source=cell.source, span=N.Span(a, b),
                         hint=f"name it (y_t = {m.group('expr')}) to count it, or add --read unnamed-output=dropped to count "
                              "the equations without it")
    return cell
