"""The shapes of a cell the text gives as a list of its parameters with their shapes and no
equation (read.listing): each parameter as listed, rows first; no signal, no input or output (so no
stacking and no cost: a list says what is stored, not what is computed)."""
from __future__ import annotations

from ..errors import ShapeError
from ..limits import MAX_PARAMETERS
from ..read import nodes as N
from ..read.names import dim_latex
from .dims import dims_text
from .infer import ParamShape, Shapes
from .unify import Evidence

NO_EQUATION = "the text lists the cell's parameters and writes no equation"


def listed_shapes(cell: N.Cell) -> Shapes:
    if len(cell.listed) > MAX_PARAMETERS:
        raise ShapeError(f"the cell has {len(cell.listed):,} parameter tensors; symcount counts cells of at most "
                         f"{MAX_PARAMETERS:,}", source=cell.source, hint="give symcount one cell's parameters")
    params, dims = [], {}
    for e in cell.listed:
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
    return Shapes(cell, tuple(params), (), tuple(dims), tuple((d, dim_latex(d)) for d in dims), None, None,
                  f"{NO_EQUATION}: no input signal", f"{NO_EQUATION}: no output signal", cell.notes)
