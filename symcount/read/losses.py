"""A training loss written among a cell's equations (`L_t = (y_t - y_{t0})^2`, `E = \\frac{1}{2}\\|y_t - \\hat{y}_t\\|^2`):
an equation whose left side is a loss's letter, read by no other equation, and whose right side squares something
(a difference with a target) or sums a loss of a prediction and a target (`L = \\frac{1}{T}\\sum_t l(\\mathbf{o}_t, y_t)`),
is set aside with a note: its target (`y_{t0}`) is data, never a parameter. A step of read.readings."""
from __future__ import annotations

from ..errors import replace
from . import nodes as N
from .cellwalk import right_nodes

_LOSS = frozenset(("L", "\\mathcal{L}", "\\ell", "E", "J", "\\mathcal{J}", "loss", "Loss", "\\text{loss}", "\\mathrm{loss}"))


def squared_losses(cell: N.Cell, notes: list[str]) -> N.Cell:
    if len(cell.equations) < 2:
        return cell
    read = {x.name for x in right_nodes(cell, N.Symbol)}
    kept = []
    for eq in cell.equations:
        if isinstance(eq.lhs, N.Symbol) and eq.lhs.name in _LOSS and eq.lhs.name not in read \
                and (any(isinstance(x, N.Power) and x.exponent == 2 for x in N.walk(eq.rhs)) or _sums_a_loss(eq.rhs)):
            notes.append(f"{eq.lhs.text} at {cell.source.where(eq.lhs.span)} is a training loss (it squares a difference "
                         "with a target, or sums a loss of a prediction and a target): not a step of the cell, set aside")
            continue
        kept.append(eq)
    return cell if len(kept) == len(cell.equations) else replace(cell, equations=tuple(kept))


_LOSS_FUNCTIONS = frozenset(("l", "\\ell", "L", "CE", "\\text{CE}", "\\mathrm{CE}", "loss", "\\mathcal{L}", "NLL", "\\text{loss}"))


def _sums_a_loss(side) -> bool:
    """`\\frac{1}{T} \\sum_t l(\\mathbf{o}_t, y_t)`: a sum over a loss's letter and a prediction and a target."""
    nodes = list(N.walk(side))  # (only where the sum took the loss's letter for its argument: `loss(y_t, \\hat{y}_t)` alone
    pair = any(isinstance(x, N.Tuple) and len(x.items) == 2 and all(isinstance(i, N.Symbol) for i in x.items) for x in nodes)  # (
    # ... its sizes tied; and `\\ell(W h_t + b, y_t)` writes the output layer in the loss: not set aside)
    summed = any(isinstance(x, N.Apply) and x.func.startswith("\\sum") and isinstance(x.arg, N.Symbol) and x.arg.name in _LOSS_FUNCTIONS
                 for x in nodes)
    return pair and summed
