"""A text that writes a cell's equations and also makes one recurrent layer by a framework's call (a blog's
`h_{t+1} = x_t @ w_{xh} + h_t @ w_{hh}` beside its `nn.RNN(100, 20)`): where the equations, their input's and state's
sizes bound to the call's, count other than the layer does, the text describes two layers and does not say which
is meant: refused, with both counts (a blog's equation often leaves out the biases the code's layer has)."""
from __future__ import annotations

from ..errors import ParseError, ShapeError
from ..read import patterns as re  # re, with the package's patterns compiled ahead (read.patterns)
from ..read.nomath import LAYER_CALL
from . import poly as P

_PYTORCH_OR_KERAS = re.compile(r"\btorch\b(?!7)|pytorch|keras|tensorflow|\btf\.|nn\.Module\b", re.I)


def beside(shapes, total: P.Poly, settled) -> str:
    """Refuse where the text's one layer call counts other than its equations at the call's sizes; a note where it
    agrees and makes more layers or directions than one (the count is one layer's), else ""."""
    cell = shapes.cell
    if cell.listed or not cell.equations or not LAYER_CALL.search(cell.source.text):
        return ""
    if settled.get("framework-biases") or not _PYTORCH_OR_KERAS.search(cell.source.text):
        return ""  # (the user said which the text means; a text that names no framework: Lua's Torch7 writes nn.GRU too)
    from ..read.layercalls import layer_cell
    from ..read.parse import declaration_sizes
    try:
        found = layer_cell(cell.source.text, cell.source, declaration_sizes, in_module=True)
    except ParseError:
        return ""  # (a call the reader does not read: the equations are what is counted)
    if found is None:
        return ""
    layer = _first_layer(found[0])
    if layer is None:
        return ""
    tensors, inp_size, hid_size = layer
    made = P.add(*(P.product(*(P.linear(d.terms, d.const) for d in e.dims)) for e in tensors))
    signals = {s.name: s for s in shapes.signals}
    inp, out = signals.get(shapes.input or ""), signals.get(shapes.output or "")
    if inp is None or out is None or len(inp.dim.terms) != 1 or len(out.dim.terms) != 1 or inp.dim.const or out.dim.const \
            or inp.dim.terms[0][1] != 1 or out.dim.terms[0][1] != 1 or inp.dim.terms[0][0] == out.dim.terms[0][0]:
        return ""
    x, h = inp.dim.terms[0][0], out.dim.terms[0][0]
    if set(P.names(total)) - {x, h}:
        return ""  # (an output layer's size, a free size: nothing to compare at the call's sizes)
    counted = P.substitute(P.substitute(total, x, P.linear(inp_size.terms, inp_size.const)), h,
                           P.linear(hid_size.terms, hid_size.const)) if x not in P.names(P.linear(hid_size.terms, 0)) else None
    m = re.search(r"makes? \((.*)\), counted", found[1][0]) if found[1] else None
    call = m.group(1) if m else "its call"
    if counted is None:
        return ""
    if P.to_str(counted) == P.to_str(made):
        layers, two = _stack(found[0])
        if layers == 1 and not two:
            return ""
        said = " and ".join(([f"{layers} layers"] if layers > 1 else []) + (["two directions"] if two else []))
        options = " ".join(([f"--layers {layers}"] if layers > 1 else []) + (["--bidirectional"] if two else []))
        return (f"the text's call ({call}) makes {said}; the equations are one layer's, and the count is theirs "
                f"({options} counts the call's)")
    raise ShapeError(f"the equations count {P.to_str(counted)} at {x} = {inp_size} and {h} = {hid_size}, and a layer of the "
                     f"text's call ({call}) has {P.to_str(made)} (one layer, one direction): the text describes two layers, "
                     "and which is meant is not said", source=cell.source, span=cell.equations[0].span,
                     hint="give symcount the equations alone, or the call alone")


def _stack(listed) -> tuple[int, bool]:
    """(layers, both directions) of the tensors a call makes, as torch or Keras names them."""
    names = {e.name for e in listed}
    torch = {n[len("weight_hh_l"):].split("_")[0] for n in names if n.startswith("weight_hh_l")}
    keras = {n for n in names if n.endswith(".recurrent_kernel") and not n.startswith("backward_")}
    two = any(n.endswith("_reverse") or n.startswith("backward_") for n in names)
    return max(len(torch), len(keras), 1), two


def _first_layer(listed):
    """The tensors of a call's first layer in one direction, with its input and hidden sizes (Lins), as torch or Keras
    names them; None where they are not found."""
    by = {e.name: e for e in listed}
    for ih, hh in (("weight_ih_l0", "weight_hh_l0"), ("weight_ih", "weight_hh")):
        if ih in by and hh in by:
            tag = ih[len("weight_ih"):]
            names = [f"{k}{tag}" for k in ("weight_ih", "weight_hh", "bias_ih", "bias_hh")]
            return [by[n] for n in names if n in by], by[ih].dims[1], by[hh].dims[1]
    kernels = [n for n in by if n.endswith(".recurrent_kernel") and not n.startswith("backward_")]
    if not kernels:
        return None
    stem = kernels[0][:-len(".recurrent_kernel")]
    names = [stem + ".kernel", kernels[0], stem + ".bias"]
    return [by[n] for n in names if n in by], by[stem + ".kernel"].dims[0], by[kernels[0]].dims[0]
