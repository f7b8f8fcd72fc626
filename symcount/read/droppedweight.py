"""A gate's product with the state added with no weight, where every other gate weights the state: `\\tilde{C}_t =
\\tanh(w^c_{xh} x_t + r_t h_{t-1})` beside `z_t = \\sigma(W^z_{xh} x_t + W^z_{hh} h_{t-1})`. A GRU's candidate weights
the gated state (`U (r_t \\odot h_{t-1})`); written without one, the weight may have been left out, or the cell may
mean it so: the text does not say. Refused, with what differs; `--read NAME=as-written` counts the equation as it
is. A step of read.readings."""
from __future__ import annotations

from ..errors import ParseError
from . import nodes as N
from .choices import Choice, current, key
from .words import kind


def summands(node) -> list:
    """The summands of a sum (a single term for anything else)."""
    out, todo = [], [node]
    while todo:
        n = todo.pop()
        if isinstance(n, N.Binary) and n.op == "add":
            todo += [n.right, n.left]
        else:
            out.append(n)
    return out


def unweighted_states(cell: N.Cell, notes: list[str]) -> N.Cell:
    made = {eq.lhs.name for eq in cell.equations if isinstance(eq.lhs, N.Symbol)}
    signal = lambda x: isinstance(x, N.Symbol) and x.name in made  # noqa: E731
    weight = lambda x: isinstance(x, N.Symbol) and x.name not in made and x.lag is None  # noqa: E731
    state = lambda x: signal(x) and x.lag == 1  # noqa: E731
    gated, weighted = [], 0
    for eq in cell.equations:
        arg = eq.rhs.arg if isinstance(eq.rhs, N.Apply) and kind(eq.rhs.func) == "activation" else None
        if arg is None or not isinstance(eq.lhs, N.Symbol) or eq.lhs.lag != 0:
            continue
        terms = summands(arg)
        products = [t for t in terms if isinstance(t, N.Binary) and t.op in ("matmul", "hadamard", "star")]
        if any(weight(t.left) and state(t.right) for t in products):
            weighted += 1  # (W_{hh} h_{t-1}: the state weighted)
        bare = [t for t in products if signal(t.left) and t.left.lag == 0 and state(t.right) and t.right.name != t.left.name]
        if bare and any(weight(t.left) and not signal(t.right) and isinstance(t.right, N.Symbol) for t in products):
            gated.append((eq, bare[0]))
    if len(gated) != 1 or weighted < 2:
        return cell
    eq, term = gated[0]
    where = cell.source.where(term.span)
    if current().pick(Choice(key(eq.lhs.text), ("open", "as-written"), where, f"{eq.lhs.text}: the gated state with a "
                             "weight left out, or as written")) == "as-written":
        notes.append(f"{' '.join(cell.source.slice(term.span).split())} at {where} is added with no weight, as written "
                     f"(--read {key(eq.lhs.text)}=as-written)")
        return cell
    shown = " ".join(cell.source.slice(term.span).split())
    raise ParseError(f"{shown} is added in {eq.lhs.text} with no weight, where every other gate weights the state "
                     f"({weighted} of them): a weight left out (U ({shown})), or none; the text does not say",
                     source=cell.source, span=term.span,
                     hint=f"write the weight if there is one, or add --read {key(eq.lhs.text)}=as-written to count the "
                          "equation as written")
