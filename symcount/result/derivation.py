"""Derivation: what symcount knows about a cell, as the Python API returns it. The stages' results
(shapes, counts, the stack) with the formulas as sympy expressions, evaluation at sizes, and
Jupyter displays. Built by symcount.api, the one place that wires the stages."""
from __future__ import annotations

from ..errors import TYPE_CHECKING  # typing's, without importing typing (a start-up cost)

if TYPE_CHECKING:  # pragma: no cover
    from typing import Callable, Mapping

from functools import cached_property

from ..measure import poly as P
from ..measure.count import Counts, EquationCount, Parameter
from ..errors import Record, UsageError
from ..shapes.infer import Shapes
from ..limits import MAX_SIZE_DIGITS, too_many_digits
from ..measure.sizes import check_bindings, check_sizes, determined, missing, shown, whole
from ..measure.stack import Stack

if TYPE_CHECKING:  # pragma: no cover
    from ..cells import CellInfo
    from ..measure.cost import Cost, Totals


class Derivation(Record):
    """Everything symcount knows about a cell: shapes, parameters, formulas, the stacked total."""

    __slots__ = ("name", "shapes", "counts", "stacked", "bias", "cell", "bindings", "__dict__")  # __dict__: cached properties
    _defaults = {"bias": True, "cell": None}
    _factories = {"bindings": dict}

    name: str
    shapes: Shapes
    counts: Counts
    stacked: Stack
    bias: bool
    cell: "CellInfo | None"
    bindings: Mapping[str, int]

    # -- the stages' results --
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
    def layers(self) -> int:
        return self.stacked.layers

    @property
    def directions(self) -> int:
        return self.stacked.directions

    # -- formulas: sympy expressions (sympy is imported on first use) --
    @cached_property
    def symbols(self) -> dict:
        """Dimension name -> its sympy Symbol (a positive integer)."""
        return {d: P.symbol(d) for d in self.counts.dims}

    @property
    def cell_total(self):
        """One layer, one direction."""
        return P.to_sympy(self.counts.total)

    @property
    def total(self):
        """The whole requested stack (layers x directions)."""
        return P.to_sympy(self.stacked.total)

    @property
    def factored(self):
        """The total as a person writes it: 4*d_h*(d_h + d_x + 2), kept unexpanded."""
        return P.factored_sympy(self.stacked.total)

    @property
    def total_latex(self) -> str:
        """The total as LaTeX math: 4 d_{h}^{2} + 4 d_{h} d_{x} + 8 d_{h}."""
        return P.to_latex(self.stacked.total, {n: tex for n, tex in self.shapes.dim_latex})

    @property
    def factored_latex(self) -> str:
        """The factored total as LaTeX math: 4 d_{h} \\left(d_{h} + d_{x} + 2\\right)."""
        return P.factored_latex(self.stacked.total, {n: tex for n, tex in self.shapes.dim_latex})

    # -- sizes --
    def sized(self) -> list[tuple[P.Poly, str]]:
        """Every size the dimensions determine, with what it is the size of."""
        return determined(((p.name, P.linear(p.rows.terms, p.rows.const), P.linear(p.cols.terms, p.cols.const))
                           for p in self.shapes.params if not p.scalar),
                          ((s.text, P.linear(s.dim.terms, s.dim.const)) for s in self.shapes.signals))

    @property
    def known_dims(self) -> tuple[str, ...]:
        """The cell's dimensions, then the cost's: a batch the cell declares, T (the sequence
        length) and B (the batch)."""
        from ..measure.ops import BATCH, SEQUENCE
        extra = [n for n in self.shapes.batch + (SEQUENCE, BATCH) if n not in self.counts.dims]
        return self.counts.dims + tuple(dict.fromkeys(extra))

    def bind(self, **dims: int) -> "Derivation":
        """A copy with some dimensions bound to sizes (checked: known names, positive integers);
        T and B, the cost's sequence length and batch, too."""
        checked = dict(self.bindings)
        checked.update(check_bindings(dims, self.known_dims))
        return Derivation(self.name, self.shapes, self.counts, self.stacked, self.bias, self.cell, checked)

    def evaluate(self, **dims: int) -> int:
        """The exact number of parameters of the requested stack at these sizes."""
        b = dict(self.bindings)
        b.update(check_bindings(dims, self.known_dims))
        total = self.stacked.total
        missing(total, b)
        check_sizes(self.sized(), b)
        return P.evaluate(total, b)

    def evaluate_many(self, **sizes):
        """The count of the requested stack over many sizes at once, vectorised: each size is an
        int or a sequence/array (numpy broadcasting). Exact: an int64 array when every value
        provably fits, else an array of Python ints.

            d.evaluate_many(d_x=512, d_h=np.arange(64, 4097, 64))
        """
        b = dict(self.bindings)
        arrays = {}
        for name, value in sizes.items():
            if whole(value) is not None:
                b.update(check_bindings({name: value}, self.counts.dims))
            else:
                check_bindings({name: 1}, self.counts.dims)  # the name
                arrays[name] = _sizes_array(name, value)
        b.update(arrays)
        total = self.stacked.total
        missing(total, b)
        try:
            shape_of = {n: getattr(a, "shape", (len(a),)) for n, a in arrays.items()}
            values = P.evaluate_many(total, {n: b[n] for n in P.names(total)})
        except ValueError:  # numpy: the arrays do not broadcast together
            raise UsageError("the sizes given do not fit together: "
                             + ", ".join(f"{n} has shape {shape}" for n, shape in shape_of.items())
                             + "; give arrays of one length (or that broadcast), or single sizes") from None
        except TypeError as exc:
            raise UsageError(f"sizes must be whole numbers: {exc}") from None
        if all(getattr(a, "size", 1) for a in arrays.values()):  # no sizes: nothing to check
            check_sizes(self.sized(), b)
        return values

    @property
    def value(self) -> int | None:
        """The number at the bound sizes, or None while a dimension is unbound."""
        if all(n in self.bindings for n in P.names(self.stacked.total)):
            return self.evaluate()
        return None

    # -- the cost --
    @cached_property
    def cost(self) -> "CostFormulas":
        """MACs, FLOPs and memory of the requested stack (symcount.cost): a ShapeError when the
        cell's cost cannot be counted (a convolution)."""
        from ..measure.cost import cost
        return CostFormulas(self, cost(self.shapes, bias=self.bias))

    def __repr__(self) -> str:
        """One line: <Derivation lstm (pytorch): 8*h*(d + 4*h + 4), 16 tensors, 2 layers, bidirectional>."""
        parts = [P.factored_str(self.stacked.total), f"{len(self.parameters)} tensors"]
        parts += [x for x in (self.stacked.label, "" if self.bias else "no bias") if x]
        bound = ", ".join(f"{k}={v}" for k, v in sorted(self.bindings.items()))
        name = f"{self.cell.name} ({self.cell.convention})" if self.cell is not None else self.name
        return f"<Derivation {name}: {', '.join(parts)}" + (f"; {bound}" if bound else "") + ">"

    def explain(self, fmt: str = "markdown", *, detail: bool = True) -> str:
        """The whole explanation as text ("markdown" or "latex"): the equations, every parameter and
        why its shape is what it is, the subtotals, the total and the reference (with `detail=False`,
        one reason per family of parameters)."""
        show = DISPLAY.get("explain")
        if show is None:
            raise RuntimeError("import symcount first: it wires the explanations")
        return show(self, fmt, detail)

    # -- Jupyter --
    def _repr_markdown_(self) -> str | None:
        """Jupyter: a short summary (the equations, the parameters by family, the total, and the value
        at the bound sizes); `explain()` gives the whole explanation."""
        show = DISPLAY.get("markdown")
        return show(self) if show else None

    def _repr_latex_(self) -> str | None:
        """Jupyter: the total as display math (MathJax renders math only)."""
        show = DISPLAY.get("latex")
        return show(self) if show else None


# How a Derivation shows itself in a notebook, by MIME kind: filled by symcount.api, which wires the
# output side (the result never imports it).
DISPLAY: dict[str, Callable[[Derivation], str]] = {}



class CostFormulas:
    """A derivation's cost (`d.cost`): sympy expressions in the cell's dimensions, T (the sequence
    length) and B (the batch), for the derivation's stack, and their exact values.

        d = symcount.cell("lstm", layers=2, bidirectional=True)
        d.cost.macs                       # over T steps of a batch of B
        d.cost.evaluate(d=512, h=256, T=100, B=1)["macs"]   # 314572800
    """

    def __init__(self, d: Derivation, measure: "Cost") -> None:
        self.derivation, self.measure = d, measure

    def totals(self, dtype: str = "float32") -> "Totals":
        """The polynomials (symcount.cost.Totals) of the derivation's stack."""
        from ..measure.cost import totals
        from ..measure.ops import check_dtype
        from ..measure.stack import feed, stacked
        check_dtype(dtype)
        d, m = self.derivation, self.measure
        fed = feed(d.shapes, d.directions) if d.layers > 1 else None
        return totals(m, lambda p: stacked(p, d.layers, d.directions, fed).total, d.stacked.total, dtype)

    @property
    def equations(self):
        """Per equation (symcount.cost.EquationCost): one step of one example, layer 1, one direction."""
        return self.measure.equations

    @property
    def macs(self):
        """Multiply-accumulates of the matrix products over T steps of a batch of B."""
        return P.to_sympy(self.totals().macs)

    @property
    def macs_per_step(self):
        return P.to_sympy(self.totals().macs_step)

    @property
    def flops(self):
        """FLOPs over T steps of a batch of B: 2 per MAC, plus one per entry of every bias addition,
        elementwise operation, activation and normalisation."""
        return P.to_sympy(self.totals().flops_total)

    @property
    def flops_per_step(self):
        return P.to_sympy(self.totals().flops_step_total)

    @property
    def flops_breakdown(self) -> dict:
        """FLOPs over the sequence by category: matrix, bias, elementwise, activation, normalization."""
        return {k: P.to_sympy(v) for k, v in self.totals().flops.items()}

    def memory(self, dtype: str = "float32") -> dict:
        """Bytes: "parameters", "state" (carried between steps), "activations" (kept for training)."""
        return {k: P.to_sympy(v) for k, v in self.totals(dtype).memory.items()}

    def evaluate(self, dtype: str = "float32", **dims: int) -> dict:
        """Every cost at these sizes (and the derivation's bound ones), exact integers."""
        b = dict(self.derivation.bindings)
        b.update(check_bindings(dims, self.derivation.known_dims))
        t = self.totals(dtype)
        polys = {"macs": t.macs, "macs_per_step": t.macs_step, "flops": t.flops_total,
                 "flops_per_step": t.flops_step_total}
        missing(P.add(*polys.values(), *t.memory.values()), b)
        check_sizes(self.derivation.sized(), b)
        out: dict = {k: P.evaluate(v, b) for k, v in polys.items()}
        out["flops_breakdown"] = {k: P.evaluate(v, b) for k, v in t.flops.items()}
        out["memory"] = {k: P.evaluate(v, b) for k, v in t.memory.items()}
        return out


def _sizes_array(name: str, value: object):
    """Many sizes of one dimension: a sequence or an array of positive whole numbers of at most
    MAX_SIZE_DIGITS digits (a list without numpy)."""
    try:
        import numpy as np
    except ImportError:  # pragma: no cover - numpy is optional
        items = list(value)  # type: ignore[call-overload]
        for x in items:
            check_bindings({name: x}, [name])
        return items
    try:
        a = np.asarray(value)
    except Exception:  # noqa: BLE001 (whatever numpy makes of it, it is not sizes)
        raise UsageError(f"the sizes of {name} must be whole numbers, not {shown(value)}") from None
    if a.size == 0:
        return a.astype(np.int64)  # no sizes: no counts (an empty list is float to numpy)
    if a.dtype == object:
        if not all(whole(x) is not None for x in a.flat):
            raise UsageError(f"the sizes of {name} must be whole numbers")
        a = np.vectorize(lambda x: int(x), otypes=[object])(a) if a.size else a
    elif a.dtype.kind not in "iu":
        raise UsageError(f"the sizes of {name} must be whole numbers, not {a.dtype} values")
    if a.size:
        low, high = (min(a.flat), max(a.flat)) if a.dtype == object else (int(a.min()), int(a.max()))
        if low < 1:
            raise UsageError(f"the sizes of {name} must be positive whole numbers, not {shown(low)}")
        if too_many_digits(high, MAX_SIZE_DIGITS):
            raise UsageError(f"a size of {name} has more than {MAX_SIZE_DIGITS:,} digits")
    return a
