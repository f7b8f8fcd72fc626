"""The report model: everything the text and JSON reports need, as plain data (strings, integers
and integer polynomials), independent of the number of layers and directions and of the sizes.

A fresh derivation builds it (`build`, which needs sympy); a cached or shipped one is read back
from JSON (`View.from_json` after `check`). Both paths then share `View`, so their outputs are the
same bytes by construction. Nothing here imports sympy or lark.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Mapping

from . import poly as P
from .errors import StoredError, UsageError

FORMAT = 1


def check_bindings(dims: Mapping[str, object], known: list[str]) -> dict[str, int]:
    out = {}
    for name, value in dims.items():
        if name not in known:
            raise UsageError(f"unknown dimension {name!r}; this cell's dimensions are: {', '.join(known) or 'none'}")
        if isinstance(value, bool) or not isinstance(value, int):
            raise UsageError(f"the size of {name} must be a whole number, not {value!r}")
        if value < 1:
            raise UsageError(f"the size of {name} must be a positive whole number, not {value}")
        out[name] = value
    return out


def lin_poly(lin) -> P.Poly:
    """A linear dimension (dims.Lin) as a polynomial."""
    return P.add(P.const(lin.const), *[P.scale(P.var(n), k) for n, k in lin.terms])


def build(d) -> dict:
    """The model of an api.Derivation (one layer, one direction, its bias option)."""
    from . import stack as S
    from .count import to_poly

    def formula(expr) -> str:
        return P.to_str(to_poly(expr))

    shapes, counts = d.shapes, d.counts
    deeper: dict[str, object] = {}
    for dirs in (1, 2):
        try:
            st = S.stack(shapes, counts, layers=2, bidirectional=dirs == 2)
            deeper[str(dirs)] = P.to_json(to_poly(st.per_layer[1]))
        except UsageError as exc:
            deeper[str(dirs)] = {"message": exc.message, "hint": exc.hint, "text": str(exc)}
    from .dims import dims_text
    return {
        "format": FORMAT,
        "source": d.name,
        "bias": d.bias,
        "cell": None if d.cell is None else {
            "name": d.cell.name, "convention": d.cell.convention,
            "description": d.cell.description, "reference": d.cell.reference},
        "dims": list(shapes.dims),
        "signals": [{"name": s.name, "text": s.text, "dim": str(s.dim), "size": P.to_json(lin_poly(s.dim))}
                    for s in shapes.signals],
        "input": shapes.input,
        "output": shapes.output,
        "parameters": [
            {"name": p.name, "shape": [] if p.scalar else [formula(p.rows), formula(p.cols)],
             "shape_text": "scalar" if p.scalar else dims_text(p.shape.rows, p.shape.cols),
             "count": formula(p.count), "bias": p.bias, "equation": p.equation, "shared": p.shared,
             "sizes": [] if p.scalar else [P.to_json(lin_poly(p.shape.rows)), P.to_json(lin_poly(p.shape.cols))]}
            for p in counts.parameters],
        "equations": [
            {"lhs": e.label, "line": e.line, "parameters": list(e.parameters), "shared": list(e.shared),
             "subtotal": formula(e.subtotal)}
            for e in counts.equations],
        "notes": list(shapes.notes),
        "cell_poly": P.to_json(to_poly(counts.total)),
        "deeper": deeper,
    }


def check(model: object) -> dict:
    """Validate a model read from a cache or a shipped file: never trust it blindly."""
    if not isinstance(model, dict) or model.get("format") != FORMAT:
        raise ValueError("not a symcount model")
    for key, kind in (("source", str), ("bias", bool), ("dims", list), ("signals", list), ("notes", list),
                      ("parameters", list), ("equations", list), ("cell_poly", list), ("deeper", dict)):
        if not isinstance(model.get(key), kind):
            raise ValueError(f"model field {key} is missing or malformed")
    P.from_json(model["cell_poly"])
    if not all(isinstance(n, str) for n in model["notes"]):
        raise ValueError("model notes are malformed")
    for dirs in ("1", "2"):
        deep = model["deeper"].get(dirs)
        if isinstance(deep, list):
            P.from_json(deep)
        elif not (isinstance(deep, dict) and all(isinstance(deep.get(k), str) for k in ("message", "hint", "text"))):
            raise ValueError("model field deeper is malformed")
    for p in model["parameters"]:
        if not all(isinstance(p.get(k), str) for k in ("name", "shape_text", "count", "equation")):
            raise ValueError("model parameter is malformed")
        sizes = p.get("sizes")
        if not isinstance(sizes, list) or len(sizes) not in (0, 2):
            raise ValueError("model parameter sizes are malformed")
        for size in sizes:
            P.from_json(size)
    for sig in model["signals"]:
        if not (isinstance(sig.get("name"), str) and isinstance(sig.get("text"), str) and isinstance(sig.get("size"), list)):
            raise ValueError("model signal is malformed")
        P.from_json(sig["size"])
    for e in model["equations"]:
        if not (isinstance(e.get("lhs"), str) and isinstance(e.get("line"), int) and isinstance(e.get("subtotal"), str)):
            raise ValueError("model equation is malformed")
    return model


def check_sizes(model: dict, sizes: Mapping[str, object]) -> None:
    """Every parameter and signal size that the given dimensions determine must be at least 1 (a
    declared size like h - d is negative for some sizes). A dimension may be an int or an array."""
    items = [(p["sizes"][i], f"the number of {which} of {p['name']}")
             for p in model["parameters"] if p["sizes"] for i, which in enumerate(("rows", "columns"))]
    items += [(s["size"], f"the size of {s['text']}") for s in model["signals"]]
    seen: set[str] = set()
    for size, what in items:
        key = repr(size)
        if key in seen:  # most sizes are the same few (d_h, d_x): check each once
            continue
        seen.add(key)
        poly = P.from_json(size)
        names = P.names(poly)
        if not names or not all(n in sizes for n in names):
            continue
        if all(isinstance(sizes[n], int) for n in names):
            lowest = P.evaluate(poly, sizes)
        else:
            lowest = P.lowest(P.evaluate_many(poly, {n: sizes[n] for n in names}))
        if lowest < 1:
            bound = ", ".join(f"{n}={sizes[n]}" for n in names if isinstance(sizes[n], int))
            at = f"with {bound}, " if bound else "at some of the sizes given, "
            raise UsageError(f"{at}{what} would be {lowest}: every size must be at least 1")


@dataclass(frozen=True)
class View:
    """A model seen with a number of layers, directions and bound sizes."""

    model: dict
    layers: int = 1
    directions: int = 1
    bindings: Mapping[str, int] = field(default_factory=dict)

    def __post_init__(self) -> None:
        if isinstance(self.layers, bool) or not isinstance(self.layers, int) or self.layers < 1:
            raise UsageError(f"the number of layers must be a positive whole number, not {self.layers!r}")
        if self.layers > 1:
            deep = self.model["deeper"][str(self.directions)]
            if isinstance(deep, dict):
                raise StoredError(deep["message"], deep["text"], deep["hint"])
        object.__setattr__(self, "bindings", check_bindings(self.bindings, self.model["dims"]))
        check_sizes(self.model, self.bindings)

    @property
    def cell_poly(self) -> P.Poly:
        return P.from_json(self.model["cell_poly"])

    @property
    def per_layer(self) -> list[P.Poly]:
        out = [self.cell_poly]
        if self.layers > 1:
            deeper = P.from_json(self.model["deeper"][str(self.directions)])
            out.extend([deeper] * (self.layers - 1))
        return out

    @property
    def total(self) -> P.Poly:
        return P.scale(P.add(*self.per_layer), self.directions)

    @property
    def value(self) -> int | None:
        total = self.total
        if all(n in self.bindings for n in P.names(total)):
            return P.evaluate(total, self.bindings)
        return None
