"""The shapes of a cell the text gives as a list of its parameters with their shapes and no
equation (read.listing): each parameter as listed, rows first; the inputs and states it lists with a
size as signals, but no input or output (so no stacking and no cost: a list says what is stored, not
what is computed)."""
from __future__ import annotations

from ..errors import ShapeError, replace
from ..limits import MAX_PARAMETERS
from ..read import nodes as N
from ..read.choices import Choice, current
from ..read.listing import AROUND
from ..read.names import dim_latex
from .dims import dims_text
from .infer import ParamShape, Shapes, SignalShape
from .unify import Evidence

NO_EQUATION = "the text lists the cell's parameters and writes no equation"


def listed_shapes(cell: N.Cell) -> Shapes:
    heads = next((d for d in cell.directives if d.key in ("heads", "shared")), None)
    if heads is not None:
        raise ShapeError(f"{NO_EQUATION}: which of its parameters are one head's is not said, so `{heads.key}` "
                         "cannot apply", source=cell.source, hint="list every head's parameters, or write the cell's equations")
    if len(cell.listed) > MAX_PARAMETERS:
        raise ShapeError(f"the cell has {len(cell.listed):,} parameter tensors; symcount counts cells of at most "
                         f"{MAX_PARAMETERS:,}", source=cell.source, hint="give symcount one cell's parameters")
    cell = _layers_or_model(cell)
    params, dims = [], {}
    signals = tuple(SignalShape(e.name, e.name, e.dims[0], False, False, e.span, ()) for e in cell.listed if e.signal)
    for e in cell.listed:
        if e.signal:  # an input or a state, with its size: shown, and named for binding; no parameter
            continue
        rows, cols, kernel = e.dims[0], e.dims[1] if len(e.dims) > 1 else N.ONE, tuple(e.dims[2:])
        for lin in e.dims:
            if lin.const < 0 or not lin.terms and lin.const < 1 or any(k < 0 for _, k in lin.terms):
                raise ShapeError(f"{e.name} is listed with the size {lin}, which is not a size", source=cell.source,
                                 span=e.span, hint="give each size as a sum of sizes and positive numbers")
            for n, _ in lin.terms:
                for f in N.factors(n):
                    dims.setdefault(f)
        ev = Evidence("declaration", f"{e.name} is listed with the shape {dims_text(rows, cols)}"
                      + "".join(f" × {k}" for k in kernel), e.span, "", None, None)
        params.append(ParamShape(e.name, rows, cols, False, e.bias, e.span, (), e.span, (ev,), (ev,), kernel))
    for sig in signals:
        for n, _ in sig.dim.terms:
            for f in N.factors(n):
                dims.setdefault(f)
    return Shapes(cell, tuple(params), signals, tuple(dims), tuple((d, dim_latex(d)) for d in dims), None, None,
                  f"{NO_EQUATION}: no input signal", f"{NO_EQUATION}: no output signal", cell.notes)


def _layers_or_model(cell: N.Cell) -> N.Cell:
    """A Keras model's calls: its recurrent layers, or the whole model with its Dense and Embedding layers (what
    model.count_params() counts) — a reading the text leaves open (read.layercalls lists both)."""
    around = [e for e in cell.listed if e.what == AROUND]
    if not around:
        return cell
    first = around[0]
    pick = current().pick(Choice("count", ("layers", "model"), cell.source.where(first.span),
                                 "the recurrent layers' count or the whole model's (its other layers too, as "
                                 "model.count_params() counts)"))
    if pick == "layers":
        return replace(cell, listed=tuple(e for e in cell.listed if e.what != AROUND))
    layers = ", ".join(dict.fromkeys(e.name.split(".")[0] for e in around))
    notes = tuple(n for n in cell.notes if not n.startswith("only the recurrent layers are counted"))
    return replace(cell, notes=notes + (f"the whole model is counted: its other layers too ({layers})",))
