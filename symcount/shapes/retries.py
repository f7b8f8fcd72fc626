"""Other readings of a cell whose shapes do not fit as read (shapes.infer tries each in turn): a
declaration of a transpose read as declaring the matrix, the shapes a text's code gives set aside, a
matrix declared in the other orientation (the row-vector convention's `U \\in R^{M \\times N}` beside
`U x_t`). Each changes only how a weight is oriented or drops a code-given shape, never how many
entries a weight has, and says so in a note."""
from __future__ import annotations

from ..errors import replace
from ..read import nodes as N

ONE = N.Lin((), 1)  # a vector's other size


def retries(cell: N.Cell):
    """The cells to try, in order, where the cell as read does not fit (those that apply)."""
    for make in (untransposed, without_code_shapes, declared_transposes):
        other = make(cell)
        if other is not None:
            yield other


def untransposed(cell: N.Cell) -> N.Cell | None:
    """The cell with W^T_{xh} \\in \\mathbb{R}^{p \\times q} read as declaring W_{xh} (the text names
    the matrix by how it is used), or None when no declaration is of a transpose."""
    if not any(any(d.transposed) for d in cell.declarations):
        return None
    notes = [f"{s.text}^T at {cell.source.where(s.span)} is declared as a transpose, which does not fit the equations: "
             f"read as declaring {s.text}" for d in cell.declarations for s, t in zip(d.symbols, d.transposed) if t]
    return replace(cell, declarations=tuple(replace(d, transposed=()) for d in cell.declarations),
                   notes=cell.notes + tuple(notes))


def without_code_shapes(cell: N.Cell) -> N.Cell | None:
    """The cell without the shapes its code gives its weights (read.prosesizes), where it has any: where
    the equations do not fit them (the code writes the transpose), the equations' own shapes count."""
    if not any(d.origin == "code" for d in cell.declarations):
        return None
    return replace(cell, declarations=tuple(d for d in cell.declarations if d.origin != "code"),
                   notes=cell.notes + ("the shapes the code gives its weights do not fit the equations: set aside",))


def declared_transposes(cell: N.Cell) -> N.Cell | None:
    """The cell with every weight declared as a non-square matrix (no time index, not already a
    transpose) read as the transpose of what it declares: `y_t = \\tanh(U x_t + W h_{t-1} + b)` with
    `U \\in R^{M \\times N}` and `W \\in R^{N \\times N}` (a text thinking of U as mapping M to N) fits
    as U^T; the weight has as many entries either way. None when no declaration is such a matrix."""
    def turned(d: N.Declaration) -> bool:
        return (d.rows is not None and d.cols is not None and not d.more and d.field in ("", "complex")
                and d.rows.lin != d.cols.lin and ONE not in (d.rows.lin, d.cols.lin) and not any(d.transposed)
                and all(s.lag is None for s in d.symbols))
    if not any(turned(d) for d in cell.declarations):
        return None
    notes = tuple(f"{s.text} at {cell.source.where(s.span)} is declared with a shape that does not fit the equations; its "
                  "transpose does: read as the transpose (as many entries)" for d in cell.declarations if turned(d)
                  for s in d.symbols)
    return replace(cell, declarations=tuple(replace(d, transposed=tuple(True for _ in d.symbols)) if turned(d) else d
                                            for d in cell.declarations), notes=cell.notes + notes)
