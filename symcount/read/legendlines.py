"""A legend that names each symbol by the code's variable that holds it (`I^{r} = syn_reset_in_`, `x_{t} =
input_.row(t)`, read.barelines' code aliases): every symbol it names is the cell's, so equations that never use
one disagree with it. A check of read.parse, after the equations are read."""
from __future__ import annotations

from ..errors import ParseError
from . import nodes as N
from . import patterns as re  # re, with the package's patterns compiled ahead (read.patterns)
from .barelines import CODE_ALIAS, CODE_VALUE


_LEGEND_LINE = re.compile(r"^[ \t]*(?:///?|#|\*|--)?[ \t]*(" + CODE_ALIAS.pattern + r")$", re.M)
_LEGEND_PAIR = re.compile(r"([A-Za-z](?:[_^](?:\{[^{}\n]*\}|[A-Za-z0-9]))*)\s*=\s*" + CODE_VALUE)
_AT_STEP = re.compile(r"_\{?\s*t\s*\}?$")


def _code_statement(m) -> bool:
    """`h = h.reshape(self.cells)`, `x = self.proj(x)`, `s = keras_utils.reset_tf_session()`: a plain letter set from
    a call, or from itself, is the code's own statement, not a legend naming a symbol."""
    name, value = m.group(1), m.group(0)[m.end(1) - m.start(0):].lstrip(" =")
    return bool(re.search(rf"\b{re.escape(name)}\b", value)) or (name.isalpha() and value.rstrip().endswith(")"))


def unused_legend(text: str, equations, src) -> None:
    """A legend line names a symbol by the code's variable (`I^{r} = syn_reset_in_`): the symbol is the
    cell's, so equations that never use it disagree with the legend (a typo writes I^u for I^r, or an
    equation was not read): refused, never counted without it."""
    if "=" not in text or "_" not in text:
        return
    pairs = [m for line in _LEGEND_LINE.finditer(text) for m in _LEGEND_PAIR.finditer(text, line.start(1), line.end(1))]
    used = {re.sub(r"[{}\s]", "", n.name) for eq in equations for side in (eq.lhs, eq.rhs) + eq.also
            for n in N.walk(side) if isinstance(n, N.Symbol)} if pairs else set()
    for m in pairs:
        if _code_statement(m):
            continue
        if re.sub(r"[{}\s]", "", _AT_STEP.sub("", m.group(1))) not in used:
            raise ParseError(f"{m.group(1)} is named in a legend ({m.group(0).strip()}) but no equation uses it: "
                             "the legend and the equations disagree", source=src, span=N.Span(m.start(1), m.end()),
                             hint=f"check the equations for {m.group(1)} (a typo, or an equation not read)")
