"""The shapes of a cell the text gives as a list of its parameters with their shapes and no
equation (read.listing): each parameter as listed, rows first; the inputs and states it lists with a
size as signals, but no input or output (so no stacking and no cost: a list says what is stored, not
what is computed)."""
from __future__ import annotations

from ..errors import ShapeError
from ..limits import MAX_PARAMETERS
from ..read import nodes as N
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
