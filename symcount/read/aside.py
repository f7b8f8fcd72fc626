"""Math in running text that the grammar cannot read and that defines nothing the cell needs: an
expression with no equation in it ($\\prod_{j} f_j$), a property of a gate ($\\log i_t = \\tilde{i}_t$,
$\\partial h_t / \\partial h_{t-1} = ...$), or a restatement of a signal another equation defines. Such
a region is set aside with a note when the cell's equations are read elsewhere; anything else that
cannot be read (a declaration, a definition of its own) stays an error. Steps of read.parse."""
from __future__ import annotations

from . import patterns as re  # re, with the package's patterns compiled ahead (read.patterns)

from . import nodes as N
from .source import Source, Span

# a declaration or a space (sizes the count may need) is never set aside
_DECLARES = re.compile(r"\\in(?![A-Za-z])|∈|\\mathbb|ℝ|\\subset")
_RELATION = re.compile(r"(?<![<>!])=(?!=)|≔|\\coloneqq(?![A-Za-z])")
# a left side that applies a function or an operator to what it speaks of: a property, not a definition
_PROPERTY = re.compile(r"\\(?:log|ln|exp|partial|nabla|frac|dfrac|tfrac|prod|sum|lim|det|operatorname|mathrm|text)"
                       r"(?![A-Za-z])|∂|∇|∑|∏|\bd/d|\|")
_NAME = re.compile(r"\\(?:mathbf|boldsymbol|bm|vec|mathit|mathrm)\s*|[{}\s]")


def set_aside(body: str, inline: bool) -> str | None:
    """Why a region that failed to parse may be set aside ("no equation", "a property"), or None
    where its left side is a name (decided once the cell's own equations are known: restates)."""
    if not inline or _DECLARES.search(body):
        return ""
    relation = _RELATION.search(body)
    if relation is None:
        return "holds no equation"
    lhs = body[:relation.start()]
    if _PROPERTY.search(lhs):
        return "states a property (its left side is not a name the cell computes)"
    return None


def failed(exc, r, text: str, errors: list, deferred: list) -> None:
    """A region that failed to parse: its error, or (error, region, why) deferred where it may be set aside."""
    why = set_aside(text[r.start:r.end], r.inline)
    if why == "":
        errors.append(exc)
    else:
        deferred.append((exc, r, why))


def restates(body: str, equations: list[N.Equation]) -> bool:
    """The region's left side (up to its first `=`) is written as the left side of an equation read."""
    relation = _RELATION.search(body)
    if relation is None:
        return False
    lhs = _NAME.sub("", body[:relation.start()])
    return bool(lhs) and any(isinstance(eq.lhs, N.Symbol) and _NAME.sub("", eq.lhs.text) == lhs for eq in equations)


def note(src: Source, start: int, end: int, why: str) -> str:
    shown = " ".join(src.text[start:end].split())
    shown = shown if len(shown) <= 60 else shown[:57] + "..."
    return f"the math ${shown}$ at {src.where(Span(start, end))} is not read: it {why}, and the cell's equations are read elsewhere"
