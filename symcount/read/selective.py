"""A text that names Mamba (a selective state space: its B, C and step Δ computed from the input at each step, its
A diagonal) and writes only the plain recurrence `h_t = A h_{t-1} + B x_t`, with A and B as one matrix each,
nothing that computes them and no word that they are learned as written: the equation is the idea, not the layer, and the layer's count is not written. Refused,
with what is missing; `--read mamba=as-written` counts the equation as written. A step of read.readings."""
from __future__ import annotations

from ..errors import ParseError
from . import nodes as N
from . import patterns as re  # re, with the package's patterns compiled ahead (read.patterns)
from .choices import Choice, current

_LEARNED = re.compile(r"\b(?:are|is)\s+(?:all\s+)?(?:learned|learnable|trainable)\b|\b(?:learned|learnable|trainable)\s+"
                      r"(?:matri(?:ces|x)|parameters?|weights?)\b", re.I)
_CONTINUOUS = re.compile(r"'\s*\(\s*t\s*\)|\\dot\b|\\frac\s*\{\s*d|\bd[a-z]\s*/\s*dt\b")
_MAMBA = re.compile(r"\bMamba\b|\bS6\b|\bselective\s+(?:state[- ]space|SSM|scan)", re.I)


def loosely_stated_mamba(cell: N.Cell, notes: list[str]) -> N.Cell:
    if not _MAMBA.search(cell.prose) or any(d.symbols for d in cell.declarations) or _LEARNED.search(cell.prose):
        return cell  # ("where A, B, C are learned matrices": as written, as the text says)
    made = {eq.lhs.name for eq in cell.equations if isinstance(eq.lhs, N.Symbol)}
    for eq in cell.equations:
        names = {x.name: x for x in N.walk(eq.rhs) if isinstance(x, N.Symbol)}
        state = eq.lhs.name if isinstance(eq.lhs, N.Symbol) and eq.lhs.lag == 0 else None
        plain = [x for x in names.values() if x.lag is None and x.name not in made and len(x.name) == 1 and x.name in "AB"]
        if state is None or len(plain) < 2 or not any(x.name == state and x.lag == 1 for x in N.walk(eq.rhs) if isinstance(x, N.Symbol)):
            continue
        if _CONTINUOUS.search(cell.source.slice(eq.span)):
            continue  # (h'(t) = A h(t) + B x(t): the state space model itself, in continuous time, is counted as written)
        where = cell.source.where(eq.span)
        if current().pick(Choice("mamba", ("open", "as-written"), where, "A and B as written, or Mamba's (computed "
                                 "from the input)")) == "as-written":
            return cell
        raise ParseError(f"the text names Mamba, whose B (and C, and the step Δ) are computed from the input at each step "
                         f"and whose A is diagonal, but its equation writes A and B as one matrix each and nothing "
                         f"computes them: the layer's parameters are not written", source=cell.source, span=eq.span,
                         hint="write how B_t, C_t and Δ_t are computed from x_t (or add --read mamba=as-written to count "
                              "the equation as written)")
    return cell
