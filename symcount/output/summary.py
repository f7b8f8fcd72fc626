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
from typing import TYPE_CHECKING, Mapping

from .. import poly as P
from ..errors import StoredError, UsageError
from ..limits import MAX_DIGITS
from ..sizes import check_bindings, check_sizes
from ..stack import Layers, Stack, check_layers, deeper_layer

if TYPE_CHECKING:  # pragma: no cover
    from ..derivation import Derivation

FORMAT = 2


def summarize(d: "Derivation", *, explain: bool = False) -> dict:
    """The summary of a derivation (one layer, one direction, its bias option)."""
    from ..dims import dims_text
    shapes, counts = d.shapes, d.counts
    deeper: dict[str, object] = {}
    for dirs in (1, 2):
        try:
            deeper[str(dirs)] = P.to_json(deeper_layer(shapes, counts.total, dirs))
        except UsageError as exc:
            deeper[str(dirs)] = {"message": exc.message, "hint": exc.hint, "text": str(exc)}
    info = d.cell
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
        "deeper": deeper,
        "explanation": explanation(d) if explain else None,
    }
    return out


def _shape_text(shape, dims_text) -> str:
    """rows × cols; a convolution kernel's sizes after them (as torch's Conv2d weight: out × in × k × k);
    a diagonal matrix says so."""
    text = dims_text(shape.rows, shape.cols)
    if shape.kernel:
        text += "".join(f" × {k}" if len(k.terms) + bool(k.const) <= 1 else f" × ({k})" for k in shape.kernel)
    return text + (" (diagonal)" if shape.diagonal else "")


def explanation(d: "Derivation") -> dict:
    """The typeset equations and declarations, and why each parameter dimension is what it is
    (sentences as parts: [["math", tex] or ["text", words], ...])."""
    from .escape import tex_math
    from .explain import Explainer
    from .typeset import Formulas, declaration_tex, expr_tex, lin_tex
    shapes = d.shapes
    formulas = Formulas(dict(shapes.dim_latex))
    why = Explainer(shapes.evidence, formulas)
    lhs_text = {eq.lhs.name: eq.lhs.text for eq in shapes.cell.equations if hasattr(eq.lhs, "name")}
    return {
        "signals": [{"tex": tex_math(lhs_text.get(s.name, s.text)), "dim": lin_tex(s.dim, formulas.dim_tex)}
                    for s in shapes.signals],
        "declarations": [declaration_tex(x, formulas.dim_tex) for x in shapes.cell.declarations],
        "equations": [{"lhs": expr_tex(eq.lhs), "rhs": expr_tex(eq.rhs)} for eq in shapes.cell.equations],
        "parameters": [{"tex": tex_math(p.name),
                        "reasons": {k: [list(x) for x in v] for k, v in why.reasons(p.shape).items()}}
                       for p in d.parameters],
    }


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


def check(summary: object) -> dict:
    """Validate a summary read from a cache or a shipped file: never trust it blindly."""
    if not isinstance(summary, dict) or summary.get("format") != FORMAT:
        raise ValueError("not a symcount summary")
    _kinds(summary, {"source": str, "bias": bool, "dims": list, "dim_latex": dict, "signals": list,
                     "notes": list, "parameters": list, "equations": list, "cell_poly": list,
                     "deeper": dict, "input": (str, type(None)), "output": (str, type(None))}, "fields")
    _poly(summary["cell_poly"])
    _strs(summary["notes"], "notes")
    _strs(summary["dims"], "dims")
    _strs(list(summary["dim_latex"]) + list(summary["dim_latex"].values()), "dim_latex")
    for dirs in ("1", "2"):
        deep = summary["deeper"].get(dirs)
        if isinstance(deep, list):
            _poly(deep)
        else:
            _kinds(deep, {"message": str, "hint": str, "text": str}, "field deeper")
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
    _check_explanation(summary)
    return summary


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
    for p, e in zip(summary["parameters"], ex["parameters"]):
        _kinds(e, {"tex": str, "reasons": dict}, "explained parameter")
        if set(e["reasons"]) != ({"scalar"} if p["scalar"] else {"rows", "cols"}):
            raise ValueError("summary reason is malformed")
        for parts in e["reasons"].values():
            _parts(parts)


# ---- a summary seen with layers, directions and sizes ----------------------------------------------
@dataclass(frozen=True)
class View:
    """A summary seen with a number of layers, directions and bound sizes."""

    summary: dict
    layers: int = 1
    directions: int = 1
    bindings: Mapping[str, int] = field(default_factory=dict)

    def __post_init__(self) -> None:
        check_layers(self.layers)
        if self.layers > 1:
            deep = self.summary["deeper"][str(self.directions)]
            if isinstance(deep, dict):
                raise StoredError(deep["message"], deep["text"], deep["hint"])
        object.__setattr__(self, "bindings", check_bindings(self.bindings, self.summary["dims"]))
        check_sizes(self.sized(), self.bindings)

    def sized(self) -> list[tuple[P.Poly, str]]:
        """Every size the dimensions determine, with what it is the size of."""
        s = self.summary
        out = [(P.from_json(p["sizes"][i]), f"the number of {which} of {p['name']}")
               for p in s["parameters"] if p["sizes"] for i, which in enumerate(("rows", "columns"))]
        return out + [(P.from_json(x["size"]), f"the size of {x['text']}") for x in s["signals"]]

    @property
    def cell_poly(self) -> P.Poly:
        return P.from_json(self.summary["cell_poly"])

    @property
    def stack(self) -> Stack:
        deeper = P.from_json(self.summary["deeper"][str(self.directions)]) if self.layers > 1 else None
        return Stack(self.layers, self.directions, self.cell_poly, deeper)

    @property
    def per_layer(self) -> Layers:
        return self.stack.per_layer

    @property
    def total(self) -> P.Poly:
        return self.stack.total

    @property
    def label(self) -> str:
        return self.stack.label

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
        total = self.total
        if all(n in self.bindings for n in P.names(total)):
            return at(total, self.bindings)
        return None

    @property
    def partial(self) -> P.Poly:
        """The total with the bound sizes put in."""
        return at_partial(self.total, self.bindings)


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
