"""An equation written as plain text outside the math of a text whose cell is read from its math: `y_t = W_y h_t +
b_y` on a line of its own after `$$ h_t = ... $$` (a scraped page's KaTeX, the TeX of one formula kept as text). The
reader reads the math only; such a line, its left side computed by no equation read and its right side a weight
applied to a signal of the cell, would be dropped with its weights: refused, with where it stands. `--read
outside-math=dropped` counts the math alone. A step of read.readings."""
from __future__ import annotations

from ..errors import ParseError
from . import nodes as N
from . import patterns as re  # re, with the package's patterns compiled ahead (read.patterns)
from .choices import Choice, current

# a line that is one equation in LaTeX's letters: `y_t = W_y h_t + b_y`, `o_t = \sigma(V h_t + c)` (nothing but it)
_LINE = re.compile(r"^[ \t]*(?:[-*•][ \t]+)?(?P<lhs>\\?[A-Za-z]+_\{?[A-Za-z0-9+\-]{1,6}\}?)[ \t]*=(?!=)[ \t]*"
                   r"(?P<rhs>[^=\n$`]*?(?P<weight>(?<![\\A-Za-z])[A-Z](?:_\{?[A-Za-z0-9]{1,4}\}?)?)[ \t]*(?:\\cdot[ \t]*)?"
                   r"(?P<signal>[a-z])_\{?(?:t|t-1|k|k-1|n|n-1)\}?[^=\n$`]*?)[ \t]*[.,;]?[ \t]*$", re.M)


def outside_math(cell: N.Cell, notes: list[str]) -> N.Cell:
    prose = cell.prose
    if "_" not in prose or "=" not in prose or not cell.equations:
        return cell
    made = {eq.lhs.name for eq in cell.equations if isinstance(eq.lhs, N.Symbol)}
    used = {re.sub(r"[{}\s]", "", x.name) for eq in cell.equations for x in N.walk(eq.rhs) if isinstance(x, N.Symbol)}
    letters = {re.sub(r"\\[A-Za-z]+\{|[{}]", "", n)[:1] for n in made}
    for m in _LINE.finditer(prose):
        lhs = re.sub(r"\\[A-Za-z]+\{|[{}]", "", m.group("lhs"))[:1]
        if lhs in letters or m.group("signal") not in letters or re.sub(r"[{}\s]", "", m.group("weight")) in used:
            continue  # (a restatement of a signal read or of weights counted, or a line of another model's signals)
        at = cell.source.text.find(m.group(0).strip())
        span = N.Span(at, at + len(m.group(0).strip())) if at >= 0 else N.Span(0, 1)
        where = cell.source.where(span)
        if current().pick(Choice("outside-math", ("open", "dropped"), where, "an equation written outside the math")) == "dropped":
            notes.append(f"{m.group(0).strip()} at {where} is written outside the math: not read (--read outside-math=dropped)")
            return cell
        raise ParseError(f"{m.group(0).strip()} is an equation written outside the math the cell is read from: it is not read, "
                         f"so its weights ({m.group('weight')}) would be missing from the count", source=cell.source, span=span,
                         hint="put it in the math ($$ ... $$), or add --read outside-math=dropped to count the math alone")
    return cell
