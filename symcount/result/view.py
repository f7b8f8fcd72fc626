"""A summary seen with a number of layers, directions and bound sizes (View): what every report
and template reads."""
from __future__ import annotations

from ..errors import TYPE_CHECKING, Record, StoredError, UsageError

from ..limits import MAX_DIGITS
from ..measure import poly as P
from ..measure.ops import BATCH, CATEGORIES, SEQUENCE, check_dtype
from ..measure.sizes import check_bindings, check_sizes, determined
from ..measure.stack import Layers, Stack, check_layers, stacked
from .summary import Summary

if TYPE_CHECKING:  # pragma: no cover
    from typing import Mapping
    from ..measure.cost import Totals


class View(Record):
    """A summary seen with a number of layers, directions and bound sizes; with `cost`, the
    sequence length T and the batch B are dimensions too."""

    # summary: Summary
    # layers: int = 1
    # directions: int = 1
    # bindings: Mapping[str, int] = field(default_factory=dict)
    # cost: bool = False
    # dtype: str = "float32"
    __slots__ = ("summary", "layers", "directions", "bindings", "cost", "dtype")
    _defaults = {"layers": 1, "directions": 1, "cost": False, "dtype": "float32"}
    _factories = {"bindings": dict}

    def __post_init__(self) -> None:
        check_layers(self.layers)
        if self.layers > 1:
            problem = self.summary.feed[self.directions].problem
            if problem is not None:
                raise StoredError(problem.message, problem.text, problem.hint)
        if self.cost:
            problem = self.summary.cost["error"]
            if problem is not None:
                raise StoredError(problem["message"], problem["text"], problem["hint"])
            check_dtype(self.dtype)
        for name in (SEQUENCE, BATCH):
            if name in self.bindings and name not in self.dims:
                raise UsageError(f"{name} is the sequence length or batch of the cost, and this cell has no dimension "
                                 f"{name}", hint="add --cost to count the cost over T steps and a batch of B")
        object.__setattr__(self, "bindings", check_bindings(self.bindings, self.dims))
        if self.bindings:  # (no size given: none is determined, nothing to check, no list made)
            check_sizes(self.sized(), self.bindings)

    @property
    def dims(self) -> list[str]:
        """The cell's dimensions, then when the cost is asked for, a batch the cell declares, T and B."""
        dims = list(self.summary.dims)
        if not self.cost:
            return dims
        return dims + [n for n in dict.fromkeys(self.summary.cost["batch"] + [SEQUENCE, BATCH]) if n not in dims]

    def sized(self) -> list[tuple[P.Poly, str]]:
        """Every size the dimensions determine, with what it is the size of."""
        s = self.summary
        return determined(((p.name, p.sizes[0], p.sizes[1]) for p in s.parameters if p.sizes),
                          ((x.text, x.size) for x in s.signals))

    @property
    def cell_poly(self) -> P.Poly:
        return self.summary.cell_poly

    def stacked(self, cell: P.Poly) -> Stack:
        """A polynomial of one layer in one direction, stacked as requested: layer k > 1 reads
        directions x the output size in place of the input size."""
        if self.layers == 1:
            return Stack(1, self.directions, cell, None)
        f = self.summary.feed[self.directions]
        return stacked(cell, self.layers, self.directions, (f.input, f.size))

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
        c, fixed = self.summary.cost, self.summary.cost["fixed"]

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


def stated_layers(req, summary: Summary, layers: int, directions: int) -> tuple[int, tuple[str, ...]]:
    """(the layers a view of `req` counts, its notes): where the prose of a user's text (api.Request) states a stack
    beside the equations of one layer, --read layers=K or --layers N says which is meant, or it is refused
    (measure.stack.stated_stack)."""
    if req.kind != "derive":
        return layers, ()
    from ..measure.stack import stated_stack
    from ..read.source import Source
    written = bool(summary.equations) and any(p.equation for p in summary.parameters)
    layers, said = stated_stack(Source(req.text, req.name), [s.name for s in summary.signals], written, layers,
                                dict(req.read).get("layers"), lambda k: P.to_str(View(summary, k, directions).total))
    return layers, (said,) if said else ()
