"""Layers and directions: layer 1 reads the cell's input; layer k > 1 reads the outputs of layer
k-1 concatenated over directions, so its input size is directions x output size."""
from __future__ import annotations

from dataclasses import dataclass

import sympy

from .count import Counts, to_expr
from .errors import UsageError
from .shapes import Shapes


@dataclass(frozen=True)
class Stack:
    layers: int
    directions: int
    per_layer: tuple[sympy.Expr, ...]   # one direction of each layer
    total: sympy.Expr


def stack(shapes: Shapes, counts: Counts, *, layers: int = 1, bidirectional: bool = False) -> Stack:
    if layers < 1:
        raise UsageError(f"--layers must be at least 1, not {layers}")
    dirs = 2 if bidirectional else 1
    per_layer = [counts.total]
    if layers > 1:
        symbols = dict(counts.symbols)
        if shapes.input is None:
            raise UsageError(f"cannot stack layers: {shapes.input_problem}", source=shapes.cell.source,
                             hint="name the layer's input with a comment `% symcount: input x`")
        if shapes.output is None:
            raise UsageError(f"cannot stack layers: {shapes.output_problem}", source=shapes.cell.source,
                             hint="name the state passed to the next layer with a comment `% symcount: output h`")
        inp, out = shapes.signal(shapes.input), shapes.signal(shapes.output)
        if len(inp.dim.terms) != 1 or inp.dim.terms[0][1] != 1 or inp.dim.const:
            raise UsageError(f"cannot stack layers: the input {inp.text} has size {inp.dim}, not a single free size",
                             source=shapes.cell.source, span=inp.span,
                             hint="declare the input's size with its own name: x_t \\in \\mathbb{R}^{d}")
        in_sym = symbols[inp.dim.terms[0][0]]
        out_expr = to_expr(out.dim, symbols)
        feed = dirs * out_expr
        if in_sym in out_expr.free_symbols and sympy.expand(feed - in_sym) != 0:
            raise UsageError(f"cannot stack layers: the equations force the input {inp.text} and the output "
                             f"{out.text} to sizes {inp.dim} and {out.dim}, so layer 2 cannot read {feed}",
                             source=shapes.cell.source, span=inp.span,
                             hint="a cell whose input and output have one size stacks only in one direction")
        deeper = sympy.expand(counts.total.subs(in_sym, feed))
        per_layer.extend([deeper] * (layers - 1))
    total = sympy.expand(dirs * sum(per_layer, sympy.Integer(0)))
    return Stack(layers, dirs, tuple(per_layer), total)
