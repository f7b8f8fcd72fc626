"""Layers and directions: layer 1 reads the cell's input; layer k > 1 reads the outputs of layer
k-1 concatenated over directions, so its input size is directions x output size. Layers 2..N are
identical, so a stack is closed-form in the number of layers."""
from __future__ import annotations

from collections.abc import Sequence
from ..errors import TYPE_CHECKING, Record, UsageError

from . import poly as P
from ..limits import MAX_LAYERS
from .sizes import shown, whole

if TYPE_CHECKING:  # pragma: no cover
    from ..shapes.infer import Shapes


def check_layers(layers: object) -> int:
    """The number of layers, checked: a positive whole number (an int or a numpy integer; bool is
    not one), at most MAX_LAYERS."""
    n = whole(layers)
    if n is None or n < 1:
        raise UsageError(f"the number of layers must be a positive whole number, not {shown(layers)}")
    if n > MAX_LAYERS:
        raise UsageError(f"the number of layers must be at most {MAX_LAYERS:,}, not {shown(n)}")
    return n


class Layers(Sequence):
    """One direction of each layer: the first, then layers - 1 copies of the deeper one."""

    def __init__(self, first: P.Poly, deeper: P.Poly | None, layers: int) -> None:
        self.first, self.deeper, self.n = first, deeper, layers

    def __len__(self) -> int:
        return self.n

    def __getitem__(self, i):
        if isinstance(i, slice):
            return [self[k] for k in range(*i.indices(self.n))]
        if i < 0:
            i += self.n
        if not 0 <= i < self.n:
            raise IndexError(i)
        return self.first if i == 0 else self.deeper


class Stack(Record):
    # layers: int
    # directions: int
    # first: P.Poly  # one direction of layer 1
    # deeper: P.Poly | None  # one direction of each layer k > 1 (None for one layer)
    __slots__ = ("layers", "directions", "first", "deeper")

    @property
    def per_layer(self) -> Layers:
        return Layers(self.first, self.deeper, self.layers)

    @property
    def total(self) -> P.Poly:
        layers = self.first if self.layers == 1 else P.add(self.first, P.scale(self.deeper, self.layers - 1))
        return P.scale(layers, self.directions)

    @property
    def label(self) -> str:
        """'2 layers, bidirectional', or '' for one layer in one direction."""
        return stack_label(self.layers, self.directions)


def stack_label(layers: int, directions: int) -> str:
    return ", ".join(([f"{layers} layers"] if layers > 1 else []) + (["bidirectional"] if directions > 1 else []))


def stacked(cell: P.Poly, layers: int, directions: int, fed: tuple[str, P.Poly] | None) -> Stack:
    """A polynomial of one layer in one direction, stacked: layer k > 1 reads `fed`, (the input's
    size, what replaces it: directions x the output size; see `feed`)."""
    if layers == 1:
        return Stack(1, directions, cell, None)
    assert fed is not None
    return Stack(layers, directions, cell, P.substitute(cell, *fed))


def deeper_layer(shapes: "Shapes", cell_total: P.Poly, directions: int) -> P.Poly:
    """One direction of a layer k > 1: the cell with its input size replaced by directions x the
    output size. A UsageError when the cell cannot be stacked, or when that count is a polynomial
    too large to print."""
    try:
        return P.check(P.substitute(cell_total, *feed(shapes, directions)))
    except P.TooLarge as exc:
        raise UsageError(f"cannot stack layers: the count of a deeper layer is a polynomial too large to print: {exc}",
                         source=shapes.cell.source) from None


def feed(shapes: "Shapes", directions: int) -> tuple[str, P.Poly]:
    """What a layer k > 1 reads: the cell's input size (a name) and what replaces it, directions x
    the output size. A UsageError when the cell cannot be stacked."""
    src = shapes.cell.source
    if shapes.input is None:
        raise UsageError(f"cannot stack layers: {shapes.input_problem}", source=src,
                         hint="name the layer's input with a comment `% symcount: input x`" if shapes.cell.equations
                         else "count one layer, or write the cell's equations")
    if shapes.output is None:
        raise UsageError(f"cannot stack layers: {shapes.output_problem}", source=src,
                         hint="name the state passed to the next layer with a comment `% symcount: output h`")
    inp, out = shapes.signal(shapes.input), shapes.signal(shapes.output)
    if len(inp.dim.terms) != 1 or inp.dim.terms[0][1] != 1 or inp.dim.const:
        raise UsageError(f"cannot stack layers: the input {inp.text} has size {inp.dim}, not a single free size",
                         source=src, span=inp.span,
                         hint="declare the input's size with its own name: x_t \\in \\mathbb{R}^{d}")
    in_name = inp.dim.terms[0][0]
    size = P.scale(P.linear(out.dim.terms, out.dim.const), directions)
    if in_name in P.names(size) and size != P.var(in_name):
        raise UsageError(f"cannot stack layers: the equations force the input {inp.text} and the output "
                         f"{out.text} to sizes {inp.dim} and {out.dim}, so layer 2 cannot read {P.to_str(size)}",
                         source=src, span=inp.span,
                         hint="a cell whose input and output have one size stacks only in one direction")
    return in_name, size


def stack(shapes: "Shapes", cell_total: P.Poly, *, layers: int = 1, bidirectional: bool = False) -> Stack:
    layers = check_layers(layers)
    directions = 2 if bidirectional else 1
    deeper = deeper_layer(shapes, cell_total, directions) if layers > 1 else None
    out = Stack(layers, directions, cell_total, deeper)
    try:
        P.check(out.total)
    except P.TooLarge as exc:
        raise UsageError(f"the stack's count is a polynomial too large to print: {exc}") from None
    return out


def stated_stack(source, signal_names, written: bool, layers: int, reading: str | None, total_of) -> tuple[int, str]:
    """(the layers to count, a note) where the prose of `source` states a stack of N layers ("stacks two recurrent
    layers", "a 2-layer LSTM") and its equations (`written`: there are some) write one layer: either count is one the
    text allows, so with --layers left at 1 and no `--read layers=K` it is refused, both counts listed (`total_of(k)`:
    the count of k layers, as text); `--read layers=K` counts K layers, with a note. (read.stackwords finds the words.)"""
    from ..errors import ShapeError
    from ..read.choices import option
    from ..read.source import Span
    from ..read.stackwords import layers_written, stated_stack as said
    stated = said(source.text) if written else None
    if reading is not None and (stated is None or layers != 1):
        raise UsageError("--read layers=...: the text states no number of stacked layers beside equations of one layer"
                         if stated is None else "--read layers=... and --layers: give one of them",
                         hint="count more layers with --layers N")
    if stated is None or layers != 1 or layers_written(signal_names):
        return layers, ""
    n, at = stated
    words = f"the prose at {source.where(Span(at, at + 1))} states {n} stacked layers and the equations write one"
    if reading is None:
        rows = tuple(f"layers={k}: {total_of(k)}  ({option('layers', str(k))}{'' if k == 1 else f', or --layers {k}'})"
                     for k in (1, n))
        raise ShapeError(f"the text allows 2 readings with different counts: {words}", source=source,
                         span=Span(at, at + 1), notes=rows,
                         hint=f"pick one: add {option('layers', str(n))} (the stack) or {option('layers', '1')} (one layer)")
    if not (reading.isdigit() and int(reading) >= 1):
        raise UsageError(f"--read layers={reading}: a number of layers is a positive whole number (1, or {n} as the text says)")
    k = check_layers(int(reading))
    return k, f"{words}: {option('layers', reading)} counts {k} layer{'s' if k > 1 else ''}"


def stack_said(shapes: "Shapes", cell_total: P.Poly, layers: int, reading: str | None, bidirectional: bool):
    """(layers, shapes) for api.derive: stated_stack on a derivation's shapes (a note added where a reading is taken)."""
    from ..errors import replace
    cell = shapes.cell
    layers, said = stated_stack(cell.source, [s.name for s in shapes.signals], bool(cell.equations) and not cell.listed,
                                layers, reading, lambda k: P.to_str(stack(shapes, cell_total, layers=k,
                                                                          bidirectional=bidirectional).total))
    return layers, (replace(shapes, notes=tuple(shapes.notes) + (said,)) if said else shapes)
