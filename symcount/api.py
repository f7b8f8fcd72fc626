"""The one place that wires the stages: text -> parse -> shapes -> count -> stack -> Derivation."""
from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property
from typing import Mapping

import sympy

from . import cells
from .count import Counts, EquationCount, Parameter, count, factored
from .errors import UsageError
from .model import View, build as build_model, check_bindings, check_sizes
from .parse import parse
from .shapes import Shapes, infer
from .stack import Stack, stack


@dataclass(frozen=True)
class Derivation:
    """Everything symcount knows about a cell: shapes, parameters, formulas, the stacked total."""

    name: str
    shapes: Shapes
    counts: Counts
    stacked: Stack
    bias: bool = True
    cell: "cells.CellInfo | None" = None
    bindings: Mapping[str, int] = field(default_factory=dict)

    @property
    def parameters(self) -> tuple[Parameter, ...]:
        return self.counts.parameters

    @property
    def equations(self) -> tuple[EquationCount, ...]:
        return self.counts.equations

    @property
    def dims(self) -> dict[str, str]:
        """Signal name -> its dimension, e.g. {"x": "d_x", "h": "d_h"}."""
        return {s.name: str(s.dim) for s in self.shapes.signals}

    @property
    def symbols(self) -> dict[str, sympy.Symbol]:
        return dict(self.counts.symbols)

    @property
    def cell_total(self) -> sympy.Expr:
        """One layer, one direction."""
        return self.counts.total

    @property
    def total(self) -> sympy.Expr:
        """The whole requested stack (layers x directions)."""
        return self.stacked.total

    @property
    def factored(self) -> sympy.Expr:
        return factored(self.stacked.total)

    @property
    def layers(self) -> int:
        return self.stacked.layers

    @property
    def directions(self) -> int:
        return self.stacked.directions

    def model(self) -> dict:
        """The report model: plain data, independent of layers, directions and sizes."""
        return self._model

    @cached_property
    def _model(self) -> dict:  # built once: evaluate() and view() both need it
        return build_model(self)

    def view(self) -> View:
        """The report model with this derivation's layers, directions and bound sizes."""
        return View(self.model(), self.layers, self.directions, dict(self.bindings))

    def bind(self, **dims: int) -> "Derivation":
        """A copy with some dimensions bound to sizes (checked: known names, positive integers)."""
        checked = dict(self.bindings)
        checked.update(check_bindings(dims, list(self.symbols)))
        return Derivation(self.name, self.shapes, self.counts, self.stacked, self.bias, self.cell, checked)

    def evaluate(self, **dims: int) -> int:
        """The exact number of parameters of the requested stack at these sizes."""
        b = dict(self.bindings)
        b.update(check_bindings(dims, list(self.symbols)))
        missing = [d for d in self.symbols if d not in b and self.symbols[d] in self.total.free_symbols]
        if missing:
            raise UsageError(f"cannot evaluate: no size given for {', '.join(missing)}",
                             hint="give every dimension: " + ", ".join(f"{m}=..." for m in missing))
        check_sizes(self.model(), b)
        return int(self.total.xreplace({self.symbols[k]: sympy.Integer(v) for k, v in b.items()}))

    def evaluate_many(self, **sizes):
        """The count of the requested stack over many sizes at once, vectorised: each size is an
        int or a sequence/array (numpy broadcasting). Exact: an int64 array when every value
        provably fits, else an array of Python ints.

            d.evaluate_many(d_x=512, d_h=np.arange(64, 4097, 64))
        """
        from . import poly as P
        b = dict(self.bindings)
        for name, value in sizes.items():
            if name not in self.symbols:
                check_bindings({name: 1}, list(self.symbols))
            if isinstance(value, int):
                check_bindings({name: value}, list(self.symbols))
        b.update(sizes)
        view = self.view()
        total = view.total
        missing = [n for n in P.names(total) if n not in b]
        if missing:
            raise UsageError(f"cannot evaluate: no size given for {', '.join(missing)}",
                             hint="give every dimension: " + ", ".join(f"{m}=..." for m in missing))
        try:
            values = P.evaluate_many(total, {n: b[n] for n in P.names(total)})
            for name in sizes:
                if P.lowest(P.evaluate_many(P.var(name), {name: b[name]})) < 1:
                    raise UsageError(f"the sizes of {name} must be positive whole numbers")
        except TypeError as exc:
            raise UsageError(f"sizes must be whole numbers: {exc}") from None
        check_sizes(view.model, b)
        return values

    @property
    def value(self) -> int | None:
        """The number at the bound sizes, or None while a dimension is unbound."""
        syms = self.total.free_symbols
        if all(s.name in self.bindings for s in syms):
            return self.evaluate()
        return None

    def _repr_markdown_(self) -> str:
        """Jupyter: the whole explanation, as Markdown with math."""
        from .render import markdown
        return markdown(self)

    def _repr_latex_(self) -> str:
        """Jupyter: the total as display math (MathJax renders math only)."""
        from .render import latex_math
        return latex_math(self)


def derive(text: str, *, name: str = "<input>", layers: int = 1, bidirectional: bool = False,
           bias: bool = True, bindings: Mapping[str, int] | None = None,
           _cell: "cells.CellInfo | None" = None) -> Derivation:
    """Derive the parameter count of the cell whose equations `text` holds (LaTeX)."""
    if isinstance(layers, bool) or not isinstance(layers, int) or layers < 1:
        raise UsageError(f"the number of layers must be a positive whole number, not {layers!r}")
    shapes = infer(parse(text, name))
    counts = count(shapes, bias=bias)
    st = stack(shapes, counts, layers=layers, bidirectional=bidirectional)
    d = Derivation(name, shapes, counts, st, bias, _cell)
    return d.bind(**bindings) if bindings else d


def cell(name: str, *, convention: str = "pytorch", layers: int = 1, bidirectional: bool = False,
         bias: bool = True, bindings: Mapping[str, int] | None = None) -> Derivation:
    """Derive a built-in cell (see `cell_names()`)."""
    info = cells.load(name, convention)
    return derive(info.text, name=info.filename, layers=layers, bidirectional=bidirectional,
                  bias=bias, bindings=bindings, _cell=info)
