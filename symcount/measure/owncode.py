"""A text that writes a cell's equations in the docstring of a PyTorch module whose `__init__` declares the
parameters (a library's `GRUCell` whose `.. math::` writes two biases per gate, while its code makes one `Linear`
with one bias per gate): where no naming of the sizes makes the equations' count the code's, the text says two
things of one cell, and which is meant is not said: refused, with both counts (--read module-code=equations
counts the equations as written). Where the two agree, or cannot be compared (another number of sizes), nothing
is said."""
from __future__ import annotations

from ..errors import ParseError, ShapeError
from . import poly as P
from .stated import namings

KEY = "module-code"  # the reading that settles it: --read module-code=equations


def asked(text: str) -> bool:
    """The text may give occasion for --read module-code=...: a class with an `__init__` beside math."""
    return "__init__" in text and "class" in text


def against_code(shapes, total: P.Poly, settled) -> None:
    """Refuse where the module whose docstring writes the equations declares parameters of another count."""
    cell = shapes.cell
    text = cell.source.text
    if cell.listed or not cell.equations or not asked(text) or settled.get(KEY) == "equations":
        return
    from ..read.pyblocks import classes
    from ..read.torchcode import hands_up, module_cell
    first = cell.equations[0].span.start
    defined = classes(text)
    owner = [c for c in defined if (c.module or hands_up(c, defined)) and c.span[0] <= first < c.span[1]]
    if len(owner) != 1:
        return  # (equations outside a module's class: prose around code, which may be a model around the cell)
    from ..read.parse import declaration_sizes
    try:
        code = module_cell(text, cell.source, declaration_sizes, beside=True, math=True, passed_up=True)
    except ParseError:
        return  # (code the reader does not read: the equations are what is counted)
    tensors = [e for e in code.listed if not e.signal] if code is not None else []
    if not tensors or f" module {owner[0].name} declares " not in code.notes[0]:
        return
    made = P.add(*(P.product(*(P.linear(d.terms, d.const) for d in e.dims)) for e in tensors))
    ours, theirs = P.names(total), P.names(made)
    if not ours or len(ours) != len(theirs) or namings(total, made, set()):
        return
    raise ShapeError(f"the equations in the docstring of {owner[0].name} count {P.to_str(total)}, and its __init__ "
                     f"declares {len(tensors)} tensors of {P.to_str(made)}: under no naming of the sizes are they the "
                     "same, and which the text means is not said", source=cell.source, span=cell.equations[0].span,
                     hint=f"add --read {KEY}=equations to count the equations as written, or give symcount the code alone")
