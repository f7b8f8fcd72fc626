"""A layer's state computed with its layer's index and read at the step before without it:
`\\overrightarrow{h}_t^{(i)} = f(W^{(i)} h_t + \\overrightarrow{V} \\overrightarrow{h}_{t-1} + ...)`, a
one-layer display half re-indexed for a stack. No equation computes the unmarked h, so h_{t-1} is the
layer's own state with its index left out, or a signal of its own that the text feeds in: a reading
(`--read h_t-1=layer-state` or `=as-written`); where the two give different counts, the count is refused.
A step of read.readings, after its _layer_generic (which reads h^{(l-1)}, the layer below)."""
from __future__ import annotations

from ..errors import replace
from . import nodes as N
from . import patterns as re  # re, with the package's patterns compiled ahead (read.patterns)
from .cellwalk import apply, symbols
from .choices import Choice, current, key

_MARK = re.compile(r"\^\{\(\s*(?:i|j|l|\\ell|k)\s*\)\}")  # ^{(i)}, ^{(l)}: a layer's index in parentheses
OPTIONS = ("layer-state", "as-written")


def unmarked_layer_states(cell: N.Cell, notes: list[str]) -> N.Cell:
    made = {eq.lhs.name for eq in cell.equations if isinstance(eq.lhs, N.Symbol)}
    marked = {_MARK.sub("", name, count=1): name for name in made if _MARK.search(name)}
    if not marked:
        return cell
    late = [s for s, _, left in symbols(cell) if not left and s.lag is not None and s.lag > 0
            and s.name in marked and s.name not in made]
    if not late:
        return cell
    first = late[0]
    choice = Choice(key(first.text), OPTIONS, cell.source.where(first.span),
                    f"{first.text} carries no layer index where {marked[first.name]} is computed: the layer's own "
                    "state with its index left out, or a signal of its own")
    if current().pick(choice) != OPTIONS[0]:
        return cell
    notes.append(f"{first.text} at {cell.source.where(first.span)} read as the layer's own state "
                 f"{marked[first.name]} at the step before (the text writes no layer index on it)")

    def fn(sym: N.Symbol, _i, left):
        if left or sym.lag is None or sym.lag <= 0 or sym.name not in marked:
            return sym
        return replace(sym, name=marked[sym.name])
    return apply(cell, fn)
