"""A text that writes a cell's equations and also makes one recurrent layer by a framework's call (a blog's
`h_{t+1} = x_t @ w_{xh} + h_t @ w_{hh}` beside its `nn.RNN(100, 20)`): where the equations, their input's and state's
sizes bound to the call's, count other than the layer does, the text describes two layers and does not say which
is meant: refused, with both counts (a blog's equation often leaves out the biases the code's layer has)."""
from __future__ import annotations

from ..errors import ParseError, ShapeError
from ..read import patterns as re  # re, with the package's patterns compiled ahead (read.patterns)
from . import poly as P

_CALL = re.compile(r"(?:SimpleRNN|LSTM|GRU|RNN)(?:Cell)?\(")  # a layer's call, maybe (read.layercalls reads it)


def beside(shapes, total: P.Poly) -> None:
    """Refuse where the text's one layer call counts other than its equations at the call's sizes."""
    cell = shapes.cell
    if cell.listed or not cell.equations or not _CALL.search(cell.source.text):
        return
    from ..read.layercalls import layer_cell
    from ..read.layerchecks import total_of
    from ..read.parse import declaration_sizes
    try:
        found = layer_cell(cell.source.text, cell.source, declaration_sizes)
    except ParseError:
        return  # (a call the reader does not read: the equations are what is counted)
    if found is None:
        return
    listed = found[0]
    made, sizes = total_of(listed), _layer_sizes(listed)
    if made is None or sizes is None:
        return
    signals = {s.name: s for s in shapes.signals}
    inp, out = signals.get(shapes.input or ""), signals.get(shapes.output or "")
    if inp is None or out is None or len(inp.dim.terms) != 1 or len(out.dim.terms) != 1 or inp.dim.const or out.dim.const:
        return
    bound = {inp.dim.terms[0][0]: sizes[0], out.dim.terms[0][0]: sizes[1]}
    if set(P.names(total)) - set(bound) or inp.dim.terms[0][1] != 1 or out.dim.terms[0][1] != 1:
        return
    counted = P.evaluate(total, bound)
    if counted != made:
        m = re.search(r"makes? \((.*)\), counted", found[1][0]) if found[1] else None
        call = m.group(1) if m else "its call"
        raise ShapeError(f"the equations count {counted:,} at {inp.dim} = {sizes[0]} and {out.dim} = {sizes[1]}, and the "
                         f"layer the text's call makes ({call}) has {made:,}: the text describes two layers, and which is "
                         "meant is not said", source=cell.source, span=cell.equations[0].span,
                         hint="give symcount the equations alone, or the call alone")


def _layer_sizes(listed) -> tuple[int, int] | None:
    """(input size, hidden size) of one layer's tensors as torch or Keras names them; None for more than one layer."""
    by = {e.name: e.dims for e in listed}
    if "weight_ih_l0" in by and "weight_hh_l0" in by and "weight_ih_l1" not in by and "weight_ih_l0_reverse" not in by:
        return by["weight_ih_l0"][1].const, by["weight_hh_l0"][1].const
    if "weight_ih" in by and "weight_hh" in by:  # a torch cell
        return by["weight_ih"][1].const, by["weight_hh"][1].const
    kernels = [n for n in by if n.endswith(".recurrent_kernel")]
    if len(kernels) == 1 and not kernels[0].startswith(("forward_", "backward_")):
        stem = kernels[0][:-len(".recurrent_kernel")]
        return by[stem + ".kernel"][0].const, by[kernels[0]][0].const
    return None
