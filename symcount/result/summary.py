"""The summary: everything the reports and explanations need of a cell, independent of the number
of layers and directions and of the sizes: one frozen, typed model. It is what the cache stores (as
JSON: `to_json`, `from_json`, versioned by FORMAT) and what every output format is written from.

A fresh derivation is summarized (result.summarize); a cached or shipped summary is read back with
`from_json`, which validates every field the outputs read (never trusting a file blindly). Both
paths give the same Summary (tests/test_speed_paths.py holds a fresh one equal to its JSON read back,
the order of every polynomial's terms included), so their outputs are the same bytes. The cost (`cost`)
and the explanation (`explanation`: typeset equations, the reason for each dimension; only built when
asked for) are kept as validated JSON documents: their readers are output/costs.py and
output/render.py.
"""
from __future__ import annotations

from ..errors import TYPE_CHECKING, Record

from ..measure import poly as P
from ..measure.ops import CATEGORIES

if TYPE_CHECKING:  # pragma: no cover (types only: typing is a start-up cost)
    from typing import Mapping

FORMAT = 5
_CELL_TEXTS = ("name", "convention", "description", "reference", "framework", "cite", "bibtex")


class Problem(Record):
    """Why something cannot be measured (a deeper layer's input, the cost), printed as it was first."""

    # message: str
    # hint: str
    # text: str
    __slots__ = ("message", "hint", "text")


class CellMeta(Record):
    """A built-in cell's metadata (cells/*.tex headers)."""

    # name: str
    # convention: str
    # description: str
    # reference: str
    # framework: str
    # cite: str
    # bibtex: str
    # dims: tuple[tuple[str, str], ...]  # (dimension, what it is)
    __slots__ = ("name", "convention", "description", "reference", "framework", "cite", "bibtex", "dims")


class Signal(Record):
    # name: str
    # text: str
    # dim: str
    # recurrent: bool
    # size: P.Poly
    __slots__ = ("name", "text", "dim", "recurrent", "size")


class Parameter(Record):
    # name: str
    # shape: tuple[str, ...]  # rows, cols, kernel sizes as text; () for a scalar
    # shape_text: str  # "d_h × d_x", "scalar", "(diagonal)"
    # diagonal: bool
    # count: str
    # poly: P.Poly
    # bias: bool
    # scalar: bool
    # equation: str
    # equations: tuple[str, ...]
    # shared: bool
    # sizes: tuple[P.Poly, ...]  # rows, cols, kernel sizes
    __slots__ = ("name", "shape", "shape_text", "diagonal", "count", "poly", "bias", "scalar", "equation", "equations", "shared", "sizes")


class Equation(Record):
    # lhs: str
    # line: int
    # parameters: tuple[str, ...]
    # shared: tuple[str, ...]
    # subtotal: str
    # poly: P.Poly
    __slots__ = ("lhs", "line", "parameters", "shared", "subtotal", "poly")


class Feed(Record):
    """What a deeper layer reads: the input it replaces and the size it reads instead (or why not)."""

    # input: str | None
    # size: P.Poly | None
    # problem: Problem | None = None
    __slots__ = ("input", "size", "problem")
    _defaults = {"problem": None}


class Summary(Record):
    # source: str
    # bias: bool
    # cell: CellMeta | None
    # dims: tuple[str, ...]
    # dim_latex: Mapping[str, str]
    # signals: tuple[Signal, ...]
    # input: str | None
    # output: str | None
    # parameters: tuple[Parameter, ...]
    # equations: tuple[Equation, ...]
    # notes: tuple[str, ...]
    # cell_poly: P.Poly
    # feed: Mapping[int, Feed]  # by number of directions: 1, 2
    # cost: Mapping  # validated JSON: {"error": {...}} or the cost of one step
    # explanation: Mapping | None = None
    __slots__ = ("source", "bias", "cell", "dims", "dim_latex", "signals", "input", "output", "parameters", "equations", "notes", "cell_poly", "feed", "cost", "explanation")
    _defaults = {"explanation": None}

    @property
    def name(self) -> str:
        """What a cell is called: a built-in cell's name (and convention), else the file's name
        without its folder and extension."""
        if self.cell is not None:  # a user's file with its own reference has no convention
            return f"{self.cell.name} ({self.cell.convention})" if self.cell.convention else self.cell.name
        name = self.source.replace("\\", "/").rsplit("/", 1)[-1]
        return name if name.startswith("<") else name.split(".", 1)[0] or name

    def to_json(self) -> dict:
        return {
            "format": FORMAT, "source": self.source, "bias": self.bias,
            "cell": None if self.cell is None else {**{k: getattr(self.cell, k) for k in _CELL_TEXTS},
                                                    "dims": [list(x) for x in self.cell.dims]},
            "dims": list(self.dims), "dim_latex": dict(self.dim_latex),
            "signals": [{"name": s.name, "text": s.text, "dim": s.dim, "recurrent": s.recurrent,
                         "size": P.to_json(s.size)} for s in self.signals],
            "input": self.input, "output": self.output,
            "parameters": [{"name": p.name, "shape": list(p.shape), "shape_text": p.shape_text, "diagonal": p.diagonal,
                            "count": p.count, "poly": P.to_json(p.poly), "bias": p.bias, "scalar": p.scalar,
                            "equation": p.equation, "equations": list(p.equations), "shared": p.shared,
                            "sizes": [P.to_json(x) for x in p.sizes]} for p in self.parameters],
            "equations": [{"lhs": e.lhs, "line": e.line, "parameters": list(e.parameters), "shared": list(e.shared),
                           "subtotal": e.subtotal, "poly": P.to_json(e.poly)} for e in self.equations],
            "notes": list(self.notes), "cell_poly": P.to_json(self.cell_poly),
            "feed": {str(k): _feed_json(f) for k, f in self.feed.items()},
            "cost": self.cost, "explanation": self.explanation,
        }

    @staticmethod
    def from_json(data: object) -> "Summary":
        """A summary read from a cache or a shipped file, validated field by field (a ValueError
        for anything malformed): never trusted blindly."""
        return _from_json(data)


def _feed_json(f: Feed) -> dict:
    if f.problem is not None:
        return {"message": f.problem.message, "hint": f.problem.hint, "text": f.problem.text}
    return {"input": f.input, "size": P.to_json(f.size)}


# ---- validation of a summary read back from JSON ---------------------------------------------------
# Everything the views, reports and templates read of a summary is checked here, so that a summary that
# passes cannot make them fail.
def _kinds(obj: object, fields: Mapping[str, object], what: str) -> dict:
    if not isinstance(obj, dict) or not all(isinstance(obj.get(k), t) for k, t in fields.items()):  # type: ignore[arg-type]
        raise ValueError(f"summary {what} is missing or malformed")
    return obj


def _strs(x: object, what: str) -> tuple[str, ...]:
    if not isinstance(x, list) or not all(isinstance(v, str) for v in x):
        raise ValueError(f"summary {what} is malformed")
    return tuple(x)


def _poly(x: object) -> P.Poly:
    return P.check(P.from_json(x if isinstance(x, list) else [None]))


def _problem(obj: object, what: str) -> Problem:
    _kinds(obj, {"message": str, "hint": str, "text": str}, what)
    return Problem(obj["message"], obj["hint"], obj["text"])  # type: ignore[index]


def _feed(f: object) -> Feed:
    if isinstance(f, dict) and "input" in f:
        _kinds(f, {"input": str, "size": list}, "field feed")
        return Feed(f["input"], _poly(f["size"]))
    return Feed(None, None, _problem(f, "field feed"))


def _parameter(p: object) -> Parameter:
    _kinds(p, {"name": str, "shape": list, "shape_text": str, "count": str, "equation": str, "poly": list,
               "sizes": list, "bias": bool, "scalar": bool, "equations": list, "shared": bool}, "parameter")
    assert isinstance(p, dict)
    if (len(p["sizes"]) < 2) != p["scalar"] or (p["scalar"] and p["sizes"]):
        raise ValueError("summary parameter sizes are malformed")
    return Parameter(p["name"], _strs(p["shape"], "parameter shape"), p["shape_text"], bool(p.get("diagonal", False)),
                     p["count"], _poly(p["poly"]), p["bias"], p["scalar"], p["equation"],
                     _strs(p["equations"], "parameter equations"), p["shared"], tuple(_poly(x) for x in p["sizes"]))


def _cell(c: object) -> CellMeta | None:
    if c is None:
        return None
    _kinds(c, {k: str for k in _CELL_TEXTS} | {"dims": list}, "cell")
    assert isinstance(c, dict)
    if not all(isinstance(d, list) and len(d) == 2 and all(isinstance(v, str) for v in d) for d in c["dims"]):
        raise ValueError("summary cell dims are malformed")
    return CellMeta(*(c[k] for k in _CELL_TEXTS), tuple((a, b) for a, b in c["dims"]))


def _from_json(s: object) -> Summary:
    if not isinstance(s, dict) or s.get("format") != FORMAT:
        raise ValueError("not a symcount summary")
    _kinds(s, {"source": str, "bias": bool, "dims": list, "dim_latex": dict, "signals": list,
               "notes": list, "parameters": list, "equations": list, "cell_poly": list,
               "feed": dict, "cost": dict, "input": (str, type(None)), "output": (str, type(None))}, "fields")
    _strs(list(s["dim_latex"]) + list(s["dim_latex"].values()), "dim_latex")
    parameters = tuple(_parameter(p) for p in s["parameters"])
    names = {p.name for p in parameters}
    signals = tuple(Signal(x["name"], x["text"], x["dim"], x["recurrent"], _poly(x["size"])) for x in (
        _kinds(x, {"name": str, "text": str, "dim": str, "size": list, "recurrent": bool}, "signal")
        for x in s["signals"]))
    equations = []
    for e in s["equations"]:
        _kinds(e, {"lhs": str, "line": int, "subtotal": str, "poly": list, "parameters": list, "shared": list}, "equation")
        used, shared = _strs(e["parameters"], "equation"), _strs(e["shared"], "equation")
        if not set(used + shared) <= names:
            raise ValueError("summary equation names an unknown parameter")
        equations.append(Equation(e["lhs"], e["line"], used, shared, e["subtotal"], _poly(e["poly"])))
    _check_cost(s)
    _check_explanation(s)
    return Summary(s["source"], s["bias"], _cell(s.get("cell")), _strs(s["dims"], "dims"), dict(s["dim_latex"]),
                   signals, s["input"], s["output"], parameters, tuple(equations), _strs(s["notes"], "notes"),
                   _poly(s["cell_poly"]), {k: _feed(s["feed"].get(str(k))) for k in (1, 2)}, s["cost"],
                   s.get("explanation"))


def _polys(items: list) -> None:
    for x in items:
        _poly(x)


def _parts(parts: object) -> None:
    if not isinstance(parts, list) or not all(
            isinstance(x, list) and len(x) == 2 and x[0] in ("math", "text") and isinstance(x[1], str) for x in parts):
        raise ValueError("summary reason is malformed")


def _check_flops(flops: object) -> None:
    if not isinstance(flops, dict) or sorted(flops) != sorted(CATEGORIES):
        raise ValueError("summary FLOPs are malformed")
    _polys(list(flops.values()))


def _check_cost(summary: dict) -> None:
    c = summary["cost"]
    if c.get("error") is not None:
        _problem(c["error"], "field cost")
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
