"""The summary: everything the reports and explanations need, as plain data (strings, integers,
integer polynomials, typeset math), independent of the number of layers and directions and of the
sizes. It is what the cache stores and what every output format is written from.

A fresh derivation is summarized (`summarize`); a cached or shipped summary is read back from JSON
and validated (`check`). Both paths then share `View`, so their outputs are the same bytes by
construction. The explanation (typeset equations, the reason for each dimension) is only built
when asked for: the text and JSON reports do not need it.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Callable, Mapping

from ..measure import poly as P
from ..errors import StoredError, UsageError
from ..limits import MAX_DIGITS
from ..measure.sizes import check_bindings, check_sizes
from ..measure.units import BATCH, CATEGORIES, DTYPES, SEQUENCE
from ..measure.stack import Layers, Stack, check_layers, feed

if TYPE_CHECKING:  # pragma: no cover
    from ..measure.cost import Totals
    from .derivation import Derivation

FORMAT = 3


def _error(exc) -> dict:
    return {"message": exc.message, "hint": exc.hint, "text": str(exc)}


def summarize(d: "Derivation", explain: Callable[["Derivation", object], dict] | None = None) -> dict:
    """The summary of a derivation (one layer, one direction, its bias option); `explain(d, cost)`
    typesets the explanation (output.explained: the result never imports the output side)."""
    from ..shapes.dims import dims_text
    shapes, counts = d.shapes, d.counts
    feeds: dict[str, object] = {}
    for dirs in (1, 2):
        try:
            name, size = feed(shapes, dirs)
            feeds[str(dirs)] = {"input": name, "size": P.to_json(size)}
        except UsageError as exc:
            feeds[str(dirs)] = _error(exc)
    info = d.cell
    c, problem = _measure_cost(d)
    out = {
        "format": FORMAT,
        "source": d.name,
        "bias": d.bias,
        "cell": None if info is None else {
            "name": info.name, "convention": info.convention, "description": info.description,
            "reference": info.reference, "framework": info.framework, "cite": info.cite,
            "bibtex": info.bibtex, "dims": [list(x) for x in info.dims]},
        "dims": list(shapes.dims),
        "dim_latex": dict(shapes.dim_latex),
        "signals": [{"name": s.name, "text": s.text, "dim": str(s.dim), "recurrent": s.recurrent,
                     "size": P.to_json(P.linear(s.dim.terms, s.dim.const))} for s in shapes.signals],
        "input": shapes.input,
        "output": shapes.output,
        "parameters": [
            {"name": p.name, "shape": [] if p.scalar else [str(x) for x in (p.shape.rows, p.shape.cols) + p.shape.kernel],
             "shape_text": "scalar" if p.scalar else _shape_text(p.shape, dims_text),
             "diagonal": p.shape.diagonal,
             "count": P.to_str(p.poly), "poly": P.to_json(p.poly), "bias": p.bias, "scalar": p.scalar,
             "equation": p.equation, "equations": list(p.equations), "shared": p.shared,
             "sizes": [] if p.scalar else [P.to_json(P.linear(x.terms, x.const))
                                           for x in (p.shape.rows, p.shape.cols) + p.shape.kernel]}
            for p in counts.parameters],
        "equations": [
            {"lhs": e.label, "line": e.line, "parameters": list(e.parameters), "shared": list(e.shared),
             "subtotal": P.to_str(e.poly), "poly": P.to_json(e.poly)}
            for e in counts.equations],
        "notes": list(shapes.notes),
        "cell_poly": P.to_json(counts.total),
        "feed": feeds,
        "cost": _cost(d, c) if c is not None else {"error": _error(problem)},
        "explanation": explain(d, c) if explain is not None else None,
    }
    return out


def _measure_cost(d: "Derivation"):
    """symcount.cost's Cost of one step, or None and the reason it cannot be counted."""
    from ..measure.cost import cost
    from ..errors import ShapeError
    try:
        return cost(d.shapes, bias=d.bias), None
    except ShapeError as exc:
        return None, exc


def _cost(d: "Derivation", c) -> dict:
    """The cost of one step (symcount.cost) as plain data."""
    from ..shapes.unify import source_text
    src = d.shapes.cell.source

    def flops(by: dict) -> dict:
        return {k: P.to_json(by[k]) for k in CATEGORIES}
    memo: dict = {}

    def sizes(dims) -> list:  # most operations share a few sizes
        if dims not in memo:
            memo[dims] = [P.to_json(P.linear(x.terms, x.const)) for x in dims]
        return memo[dims]
    written: dict[int, list] = {}

    def poly(p: P.Poly) -> list:  # the cost's polynomials are shared by the operations of one size
        if id(p) not in written:
            written[id(p)] = P.to_json(p)
        return written[id(p)]
    return {
        "error": None, "batch": list(c.batch), "macs": P.to_json(c.macs), "flops": flops(c.flops),
        "state": P.to_json(c.state), "values": P.to_json(c.values),
        "fixed": {"macs": P.to_json(c.fixed_macs), "flops": flops(c.fixed_flops), "values": P.to_json(c.fixed_values)},
        "equations": [
            {"lhs": e.label, "line": e.line, "macs": P.to_json(e.macs_poly), "flops": flops(e.flops_polys),
             "values": P.to_json(e.values_poly),
             "operations": [{"kind": o.operation.kind, "category": o.category,
                             "text": _bare(source_text(src, o.operation.node.span)), "name": o.operation.name,
                             "operand": _bare(source_text(src, o.operation.node.right.span)) if adds(o.operation) else "",
                             "sizes": sizes(o.operation.dims),
                             "macs": poly(o.macs_poly), "flops": poly(o.flops_poly),
                             "per_example": o.operation.per_example} for o in e.operations]}
            for e in c.equations],
    }


def _shape_text(shape, dims_text) -> str:
    """rows × cols; a convolution kernel's sizes after them (as torch's Conv2d weight: out × in × k × k);
    a diagonal matrix says so."""
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
    return op.kind == "add" and isinstance(op.node, _binary())


def _binary() -> type:
    """read.nodes.Binary, imported when a derivation is summarized (not when a summary is read: its
    15 dataclasses cost the cached path more than the rest of it)."""
    global _BINARY
    if _BINARY is None:
        from ..read.nodes import Binary
        _BINARY = Binary
    return _BINARY


_BINARY: "type | None" = None


# ---- validation of a summary read back from JSON ---------------------------------------------------
# Everything the views, reports and templates read of a summary is checked here, so that a summary that
# passes cannot make them fail: a cached or shipped summary is never trusted blindly.
def _kinds(obj: object, fields: Mapping[str, object], what: str) -> None:
    if not isinstance(obj, dict) or not all(isinstance(obj.get(k), t) for k, t in fields.items()):  # type: ignore[arg-type]
        raise ValueError(f"summary {what} is missing or malformed")


def _strs(x: object, what: str) -> list:
    if not isinstance(x, list) or not all(isinstance(v, str) for v in x):
        raise ValueError(f"summary {what} is malformed")
    return x


def _poly(x: object) -> None:
    P.check(P.from_json(x if isinstance(x, list) else [None]))


def _parts(parts: object) -> None:
    if not isinstance(parts, list) or not all(
            isinstance(x, list) and len(x) == 2 and x[0] in ("math", "text") and isinstance(x[1], str) for x in parts):
        raise ValueError("summary reason is malformed")


def _error_kinds(obj: object, what: str) -> None:
    _kinds(obj, {"message": str, "hint": str, "text": str}, what)


def _polys(items: list) -> None:
    for x in items:
        _poly(x)


def check(summary: object) -> dict:
    """Validate a summary read from a cache or a shipped file: never trust it blindly."""
    if not isinstance(summary, dict) or summary.get("format") != FORMAT:
        raise ValueError("not a symcount summary")
    _kinds(summary, {"source": str, "bias": bool, "dims": list, "dim_latex": dict, "signals": list,
                     "notes": list, "parameters": list, "equations": list, "cell_poly": list,
                     "feed": dict, "cost": dict, "input": (str, type(None)), "output": (str, type(None))},
           "fields")
    _poly(summary["cell_poly"])
    _strs(summary["notes"], "notes")
    _strs(summary["dims"], "dims")
    _strs(list(summary["dim_latex"]) + list(summary["dim_latex"].values()), "dim_latex")
    for dirs in ("1", "2"):
        f = summary["feed"].get(dirs)
        if isinstance(f, dict) and "input" in f:
            _kinds(f, {"input": str, "size": list}, "field feed")
            _poly(f["size"])
        else:
            _error_kinds(f, "field feed")
    names = set()
    for p in summary["parameters"]:
        _kinds(p, {"name": str, "shape": list, "shape_text": str, "count": str, "equation": str, "poly": list,
                   "sizes": list, "bias": bool, "scalar": bool, "equations": list, "shared": bool}, "parameter")
        _strs(p["shape"], "parameter shape")
        _strs(p["equations"], "parameter equations")
        if (len(p["sizes"]) < 2) != p["scalar"] or (p["scalar"] and p["sizes"]):
            raise ValueError("summary parameter sizes are malformed")
        for x in [p["poly"], *p["sizes"]]:
            _poly(x)
        names.add(p["name"])
    for x in summary["signals"]:
        _kinds(x, {"name": str, "text": str, "dim": str, "size": list, "recurrent": bool}, "signal")
        _poly(x["size"])
    for e in summary["equations"]:
        _kinds(e, {"lhs": str, "line": int, "subtotal": str, "poly": list, "parameters": list, "shared": list}, "equation")
        if not set(_strs(e["parameters"], "equation") + _strs(e["shared"], "equation")) <= names:
            raise ValueError("summary equation names an unknown parameter")
        _poly(e["poly"])
    if summary.get("cell") is not None:
        _kinds(summary["cell"], {k: str for k in ("name", "convention", "description", "reference",
                                                  "framework", "cite", "bibtex")} | {"dims": list}, "cell")
        if not all(isinstance(d, list) and len(d) == 2 and all(isinstance(v, str) for v in d)
                   for d in summary["cell"]["dims"]):
            raise ValueError("summary cell dims are malformed")
    _check_cost(summary)
    _check_explanation(summary)
    return summary


def _check_flops(flops: object) -> None:
    if not isinstance(flops, dict) or sorted(flops) != sorted(CATEGORIES):
        raise ValueError("summary FLOPs are malformed")
    _polys(list(flops.values()))


def _check_cost(summary: dict) -> None:
    c = summary["cost"]
    if c.get("error") is not None:
        _error_kinds(c["error"], "field cost")
        return
    _kinds(c, {"batch": list, "macs": list, "flops": dict, "state": list, "values": list, "equations": list,
               "fixed": dict}, "cost")
    _kinds(c["fixed"], {"macs": list, "flops": dict, "values": list}, "cost")
    _polys([c["macs"], c["state"], c["values"], c["fixed"]["macs"], c["fixed"]["values"]])
    _check_flops(c["flops"])
    _check_flops(c["fixed"]["flops"])
    if len(c["equations"]) != len(summary["equations"]) or not all(isinstance(b, str) for b in c["batch"]):
        raise ValueError("summary cost does not match the summary")
    for e in c["equations"]:
        _kinds(e, {"lhs": str, "line": int, "macs": list, "flops": dict, "values": list, "operations": list},
               "cost equation")
        _polys([e["macs"], e["values"]])
        _check_flops(e["flops"])
        for o in e["operations"]:
            _kinds(o, {"kind": str, "category": str, "text": str, "name": str, "operand": str, "sizes": list,
                       "macs": list, "flops": list, "per_example": bool}, "operation")
            if o["category"] not in CATEGORIES or len(o["sizes"]) not in (2, 3):
                raise ValueError("summary operation is malformed")
            _polys([o["macs"], o["flops"], *o["sizes"]])


def _check_explanation(summary: dict) -> None:
    ex = summary.get("explanation")
    if ex is None:
        return
    _kinds(ex, {"signals": list, "declarations": list, "equations": list, "parameters": list}, "explanation")
    if not (len(ex["signals"]) == len(summary["signals"]) and len(ex["equations"]) == len(summary["equations"])
            and len(ex["parameters"]) == len(summary["parameters"])):
        raise ValueError("summary explanation does not match the summary")
    for x in ex["signals"]:
        _kinds(x, {"tex": str, "dim": str}, "explained signal")
    for e in ex["equations"]:
        _kinds(e, {"lhs": str, "rhs": str}, "explained equation")
    _strs(ex["declarations"], "declarations")
    ops = ex.get("operations")
    cost = summary["cost"]
    if not isinstance(ops, list) or (cost.get("error") is None and (
            len(ops) != len(cost["equations"]) or
            any(not isinstance(x, list) or len(x) != len(e["operations"]) for x, e in zip(ops, cost["equations"])))):
        raise ValueError("summary explanation does not match the summary's cost")
    for x in ops:
        for o in x:
            _kinds(o, {"tex": str, "name": str, "operand": str}, "explained operation")
    for p, e in zip(summary["parameters"], ex["parameters"]):
        _kinds(e, {"tex": str, "reasons": dict}, "explained parameter")
        if set(e["reasons"]) != ({"scalar"} if p["scalar"] else {"rows", "cols"}):
            raise ValueError("summary reason is malformed")
        for parts in e["reasons"].values():
            _parts(parts)


# ---- a summary seen with layers, directions and sizes ----------------------------------------------
@dataclass(frozen=True)
class View:
    """A summary seen with a number of layers, directions and bound sizes; with `cost`, the
    sequence length T and the batch B are dimensions too."""

    summary: dict
    layers: int = 1
    directions: int = 1
    bindings: Mapping[str, int] = field(default_factory=dict)
    cost: bool = False
    dtype: str = "float32"

    def __post_init__(self) -> None:
        check_layers(self.layers)
        if self.layers > 1:
            f = self.summary["feed"][str(self.directions)]
            if "input" not in f:
                raise StoredError(f["message"], f["text"], f["hint"])
        if self.cost:
            problem = self.summary["cost"]["error"]
            if problem is not None:
                raise StoredError(problem["message"], problem["text"], problem["hint"])
            if self.dtype not in DTYPES:
                raise UsageError(f"unknown dtype {self.dtype!r}; choose one of: {', '.join(DTYPES)}")
        for name in (SEQUENCE, BATCH):
            if name in self.bindings and name not in self.dims:
                raise UsageError(f"{name} is the sequence length or batch of the cost, and this cell has no dimension "
                                 f"{name}", hint="add --cost to count the cost over T steps and a batch of B")
        object.__setattr__(self, "bindings", check_bindings(self.bindings, self.dims))
        check_sizes(self.sized(), self.bindings)

    @property
    def dims(self) -> list[str]:
        """The cell's dimensions, then when the cost is asked for, a batch the cell declares, T and B."""
        dims = list(self.summary["dims"])
        if not self.cost:
            return dims
        return dims + [n for n in dict.fromkeys(self.summary["cost"]["batch"] + [SEQUENCE, BATCH]) if n not in dims]

    def sized(self) -> list[tuple[P.Poly, str]]:
        """Every size the dimensions determine, with what it is the size of."""
        s = self.summary
        out = [(P.from_json(p["sizes"][i]), f"the number of {which} of {p['name']}")
               for p in s["parameters"] if p["sizes"] for i, which in enumerate(("rows", "columns"))]
        return out + [(P.from_json(x["size"]), f"the size of {x['text']}") for x in s["signals"]]

    @property
    def cell_poly(self) -> P.Poly:
        return P.from_json(self.summary["cell_poly"])

    def stacked(self, cell: P.Poly) -> Stack:
        """A polynomial of one layer in one direction, stacked as requested: layer k > 1 reads
        directions x the output size in place of the input size."""
        if self.layers == 1:
            return Stack(1, self.directions, cell, None)
        f = self.summary["feed"][str(self.directions)]
        return Stack(self.layers, self.directions, cell, P.substitute(cell, f["input"], P.from_json(f["size"])))

    @property
    def stack(self) -> Stack:
        return self.stacked(self.cell_poly)

    @property
    def per_layer(self) -> Layers:
        return self.stack.per_layer

    @property
    def total(self) -> P.Poly:
        return self.stack.total

    @property
    def label(self) -> str:
        return self.stack.label

    def value_of(self, poly: P.Poly) -> int | None:
        """The polynomial at the bound sizes, or None while a dimension it has is unbound."""
        if all(n in self.bindings for n in P.names(poly)):
            return at(poly, self.bindings)
        return None

    @property
    def layer_groups(self) -> list[tuple[int, int, P.Poly]]:
        """The layers as runs of identical ones: (first, last, one direction of each), layer 1 and
        then layers 2..N (a stack of a million layers is two lines, not a million)."""
        stack = self.stack
        return [(1, 1, stack.first)] + ([(2, self.layers, stack.deeper)] if self.layers > 1 else [])

    @property
    def value(self) -> int | None:
        """The number at the bound sizes (None while a dimension is unbound); a UsageError when it
        has more digits than symcount prints."""
        return self.value_of(self.total)

    @property
    def partial(self) -> P.Poly:
        """The total with the bound sizes put in."""
        return at_partial(self.total, self.bindings)

    def costs(self) -> "Totals":
        """The cost of the requested stack (symcount.cost.Totals)."""
        from ..measure.cost import Cost, totals
        c, fixed = self.summary["cost"], self.summary["cost"]["fixed"]

        def flops(by: dict) -> dict:
            return {k: P.from_json(by[k]) for k in CATEGORIES}
        one = Cost((), P.from_json(c["macs"]), flops(c["flops"]), P.from_json(c["state"]), P.from_json(c["values"]),
                   tuple(c["batch"]), P.from_json(fixed["macs"]), flops(fixed["flops"]), P.from_json(fixed["values"]))
        return totals(one, lambda p: self.stacked(p).total, self.total, self.dtype)


def at(total: P.Poly, sizes: Mapping[str, int]) -> int:
    """The total at sizes that bind every dimension; a UsageError beyond MAX_DIGITS digits."""
    return P.evaluate(at_partial(total, sizes), {})


def at_partial(total: P.Poly, sizes: Mapping[str, int]) -> P.Poly:
    try:
        return P.printable(total, sizes)
    except P.TooLarge:
        bound = ", ".join(f"{k}={v}" if len(str(v)) <= 20 else f"{k}=<{len(str(v))} digits>"
                          for k, v in sorted(sizes.items()))
        raise UsageError(f"at {bound}, the count has more than {MAX_DIGITS:,} digits, more than symcount prints",
                         hint="the Python API's evaluate() gives any size exactly") from None
