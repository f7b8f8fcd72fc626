"""A fresh derivation summarized: result.summary's Summary of one layer, one direction and its bias
option, built from the stages' results (shapes, counts, the cost of one step)."""
from __future__ import annotations

from ..errors import TYPE_CHECKING  # typing's, without importing typing (a start-up cost)

if TYPE_CHECKING:  # pragma: no cover
    from typing import Callable

from ..errors import ShapeError, UsageError
from ..measure import poly as P
from ..measure.cost import cost
from ..measure.ops import CATEGORIES
from ..measure.stack import feed
from ..read.nodes import Binary
from ..shapes.dims import dims_text
from ..shapes.functions import blocks
from ..shapes.unify import source_text
from .summary import CellMeta, Equation, Feed, Parameter, Problem, Signal, Summary

if TYPE_CHECKING:  # pragma: no cover
    from .derivation import Derivation


def _error(exc) -> dict:
    return {"message": exc.message, "hint": exc.hint, "text": str(exc)}


def summarize(d: "Derivation", explain: Callable[["Derivation", object], dict] | None = None,
              measure_cost: bool = True) -> Summary:
    """The summary of a derivation (one layer, one direction, its bias option); `explain(d, cost)`
    typesets the explanation (output.explained: the result never imports the output side). Without
    `measure_cost` (a count printed and not cached), its cost is an error saying it was not measured."""
    shapes, counts = d.shapes, d.counts
    feeds: dict[int, Feed] = {}
    for dirs in (1, 2):
        try:
            name, size = feed(shapes, dirs)
            feeds[dirs] = Feed(name, _poly(size))
        except UsageError as exc:
            feeds[dirs] = Feed(None, None, Problem(exc.message, exc.hint, str(exc)))
    info = d.cell
    c, problem = _measure_cost(d) if measure_cost else (None, _UNMEASURED)
    cell = None if info is None else CellMeta(info.name, info.convention, info.description, info.reference,
                                              info.framework, info.cite, info.bibtex, tuple(tuple(x) for x in info.dims))
    sized, counted, written = {}, {}, {}  # most signals and parameters share a few sizes: each worked out once
    signals = tuple(_signal(s, sized) for s in shapes.signals)
    parameters = tuple(_parameter(p, sized, counted, written) for p in counts.parameters)
    equations = tuple(Equation(e.label, e.line, tuple(e.parameters), tuple(e.shared), *_counted(e.poly, counted))
                      for e in counts.equations)  # (a chain's equations share a few subtotals: each worked out once)
    return Summary(d.name, d.bias, cell, tuple(shapes.dims), dict(shapes.dim_latex), signals, shapes.input,
                   shapes.output, parameters, equations, tuple(shapes.notes), _poly(counts.total), feeds,
                   _cost(d, c) if c is not None else {"error": _error(problem)},
                   explain(d, c) if explain is not None else None)


def _signal(s, memo: dict) -> Signal:
    """A signal as the summary holds it: its size as text and its entries, once per distinct size (by
    the Lins' ids: the shapes hold them while the summary is made)."""
    key = ("signal", id(s.dim), id(s.cols))
    found = memo.get(key)
    if found is None:
        found = memo[key] = (str(s.dim) if s.cols.is_one else dims_text(s.dim, s.cols),
                             _poly(P.mul(P.linear(s.dim.terms, s.dim.const), P.linear(s.cols.terms, s.cols.const))))
    return Signal(s.name, s.text, found[0], s.recurrent, dict(found[1]))


def _parameter(p, sized: dict, counted: dict, written: dict) -> Parameter:
    """A counted parameter as the summary holds it (its sizes' texts and polynomials once per shape)."""
    dims = () if p.scalar else _dims(p.shape, sized)
    return Parameter(p.name, () if p.scalar else dims[0],
                     "scalar" if p.scalar else _shape_text(p.shape, dims_text, p.name, written), p.shape.diagonal,
                     *_counted(p.poly, counted), p.bias, p.scalar, p.equation, tuple(p.equations), p.shared,
                     () if p.scalar else tuple(dict(x) for x in dims[1]))


def _dims(shape, memo: dict) -> tuple[tuple[str, ...], tuple[P.Poly, ...]]:
    """A parameter's sizes as text and as polynomials (the summary's), once per distinct shape (by the
    Lins' ids: the shapes hold them while the summary is made)."""
    key = (id(shape.rows), id(shape.cols), id(shape.kernel))
    found = memo.get(key)
    if found is None:
        dims = (shape.rows, shape.cols) + shape.kernel
        found = memo[key] = (tuple(str(x) for x in dims), tuple(_poly(P.linear(x.terms, x.const)) for x in dims))
    return found


def _counted(poly: P.Poly, memo: dict) -> tuple[str, P.Poly]:
    """A count as text and as the summary holds it (its own copy), once per distinct polynomial."""
    key = tuple(poly.items())
    found = memo.get(key)
    if found is None:
        found = memo[key] = (P.to_str(poly), _poly(poly))
    return found[0], dict(found[1])


def _poly(p: P.Poly) -> P.Poly:
    """A polynomial as the summary holds it: within the limits, its terms in the order printed (as a
    summary read back from JSON has them)."""
    return dict(P.ordered(P.check(p)))


# the cost of a summary made for a count alone: never cached, never shown (a view asked for the cost
# is made from a summary with its cost); were it read, it says what happened instead of a number
_UNMEASURED = UsageError("the cost was not measured for this summary", hint="ask for it with --cost")


def _measure_cost(d: "Derivation"):
    """symcount.cost's Cost of one step, or None and the reason it cannot be counted."""
    try:
        return cost(d.shapes, bias=d.bias), None
    except ShapeError as exc:
        return None, exc


def _json(p: P.Poly) -> list:
    """A polynomial of the cost as plain data, checked for the limits (the summary takes it unchecked)."""
    return P.to_json(P.check(p))


def _cost(d: "Derivation", c) -> dict:
    """The cost of one step (symcount.cost) as plain data."""
    src = d.shapes.cell.source

    def flops(by: dict) -> dict:
        return {k: _json(by[k]) for k in CATEGORIES}
    memo: dict = {}

    def sizes(dims) -> list:  # most operations share a few sizes
        if dims not in memo:
            memo[dims] = [_json(P.linear(x.terms, x.const)) for x in dims]
        return memo[dims]
    written: dict[int, list] = {}

    def poly(p: P.Poly) -> list:  # the cost's polynomials are shared by the operations of one size
        if id(p) not in written:
            written[id(p)] = _json(p)
        return written[id(p)]
    return {
        "error": None, "batch": list(c.batch), "macs": _json(c.macs), "flops": flops(c.flops),
        "state": _json(c.state), "values": _json(c.values),
        "fixed": {"macs": _json(c.fixed_macs), "flops": flops(c.fixed_flops), "values": _json(c.fixed_values)},
        "equations": [
            {"lhs": e.label, "line": e.line, "macs": _json(e.macs_poly), "flops": flops(e.flops_polys),
             "values": _json(e.values_poly),
             "operations": [{"kind": o.operation.kind, "category": o.category,
                             "text": _bare(source_text(src, o.operation.node.span)), "name": o.operation.name,
                             "operand": _bare(source_text(src, o.operation.node.right.span)) if adds(o.operation) else "",
                             "sizes": sizes(o.operation.dims),
                             "macs": poly(o.macs_poly), "flops": poly(o.flops_poly),
                             "per_example": o.operation.per_example} for o in e.operations]}
            for e in c.equations],
    }


def _shape_text(shape, dims_text, name: str = "", memo: dict | None = None) -> str:
    """rows × cols; a convolution kernel's sizes after them (as torch's Conv2d weight: out × in × k × k);
    a diagonal matrix says so; a block-diagonal weight its blocks (H blocks of P × P). With `memo`,
    the text of a shape (not a block-diagonal weight's) is written once."""
    block = blocks(name, shape.rows, shape.cols)
    if block is not None:
        n = f"({shape.rows})/{block[1]}" if block[0] is None else str(block[0])
        n = f"({n})" if block[0] is not None and len(block[0].terms) + bool(block[0].const) > 1 else n
        return f"{n} blocks of {dims_text(block[1], block[1])}"
    if memo is not None:
        key = (id(shape.rows), id(shape.cols), id(shape.kernel), shape.diagonal)
        found = memo.get(key)
        if found is None:
            found = memo[key] = _shape_text(shape, dims_text)
        return found
    text = dims_text(shape.rows, shape.cols)
    if shape.kernel:
        text += "".join(f" × {k}" if len(k.terms) + bool(k.const) <= 1 else f" × ({k})" for k in shape.kernel)
    return text + (" (diagonal)" if shape.diagonal else "")


def _bare(text: str) -> str:
    """An operation's source without the parentheses around all of it: (1 - z_t) -> 1 - z_t."""
    while text.startswith("(") and text.endswith(")"):
        depth = 0
        for i, ch in enumerate(text):
            depth += {"(": 1, ")": -1}.get(ch, 0)
            if depth == 0 and i < len(text) - 1:
                return text
        text = text[1:-1].strip()
    return text


def adds(op) -> bool:
    """A sum's operation is named by what it adds (a long sum is a spine of additions)."""
    return op.kind == "add" and isinstance(op.node, Binary)
