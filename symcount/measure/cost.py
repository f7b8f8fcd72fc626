"""The cost, a measure beside the parameter count: Shapes -> Cost, exact integer polynomials per
operation, per equation and in total, for one time step of one example (or of the batch a cell
declares), one layer, one direction. symcount.stack stacks them; the sequence length T and the
batch B multiply them (`sequence`).

The convention, stated once (the README's table says the same):
- MACs: the multiply-accumulates of the matrix products, rows x inner x columns each (W x with W
  m x n: m n); a \\text{Linear} map's weight too; a diagonal weight counts as elementwise.
- FLOPs: 2 per MAC, plus one per entry of every bias addition, elementwise operation (+ - \\odot
  /, a scalar times a vector, 1 - z, a negation, a power, each term summed by \\sum), activation
  evaluation (\\sigma, \\tanh, ...: identity and dropout cost nothing) and normalisation (LayerNorm's
  normalising pass; its gain and bias are an elementwise product and a bias addition).
- memory: parameters x bytes per entry; the recurrent state carried between steps; and for
  training, every value an equation produces (its left side), kept for each of the T steps.
"""
from __future__ import annotations

from ..errors import TYPE_CHECKING  # typing's, without importing typing (a start-up cost)

from .ops import BATCH, CATEGORIES, DTYPES, SEQUENCE, kind
from . import poly as P
from ..errors import Record, ShapeError, replace
from ..read import nodes as N
from ..read.stepsums import over_steps

if TYPE_CHECKING:  # pragma: no cover
    from typing import Callable

    from ..read.nodes import Lin
    from ..shapes.infer import Operation, Shapes



class _Formulas(Record):
    """`macs` and `flops` as sympy expressions, from `macs_poly` and `flops_poly`."""

    __slots__ = ()

    macs_poly: P.Poly
    flops_poly: P.Poly

    @property
    def macs(self):
        """Multiply-accumulates per step of one example, a sympy expression."""
        return P.to_sympy(self.macs_poly)

    @property
    def flops(self):
        """FLOPs per step of one example, a sympy expression."""
        return P.to_sympy(self.flops_poly)


class OpCost(_Formulas):
    """One operation, counted: MACs (matrix products only) and FLOPs."""

    __slots__ = ("operation", "category", "macs_poly", "flops_poly")

    operation: Operation
    category: str
    macs_poly: P.Poly
    flops_poly: P.Poly


class EquationCost(_Formulas):
    __slots__ = ("label", "line", "operations", "macs_poly", "flops_polys", "values_poly")
    label: str
    line: int
    operations: tuple[OpCost, ...]
    macs_poly: P.Poly
    flops_polys: dict[str, P.Poly]   # category -> FLOPs
    values_poly: P.Poly              # the entries its left side holds

    @property
    def flops_poly(self) -> P.Poly:  # type: ignore[override]
        return P.add(*self.flops_polys.values())


class Cost(Record):
    """One time step, one layer, one direction: per example (or for the batch the cell declares),
    and, apart, what parameters alone cost (1 - \\lambda, W - W^T): once per step, whatever the batch."""

    __slots__ = ("equations", "macs", "flops", "state", "values", "batch", "fixed_macs", "fixed_flops", "fixed_values")
    _factories = {"fixed_macs": dict, "fixed_flops": dict, "fixed_values": dict}

    equations: tuple[EquationCost, ...]   # each at one example: both parts together
    macs: P.Poly
    flops: dict[str, P.Poly]     # category -> FLOPs, every category present
    state: P.Poly                # entries of the recurrent state carried to the next step
    values: P.Poly               # entries the equations produce in one step
    batch: tuple[str, ...]       # the cell's declared batch sizes: then B is not a factor
    fixed_macs: P.Poly    # parameters alone, per step
    fixed_flops: dict[str, P.Poly]
    fixed_values: P.Poly


def _lin(x: Lin) -> P.Poly:
    return P.linear(x.terms, x.const)


def _entries(dims: tuple[Lin, ...], memo: dict) -> P.Poly:
    """The product of the sizes (most operations share a few: d_h, d_h x d_x)."""
    if dims not in memo:
        memo[dims] = P.product(*[_lin(x) for x in dims])
    return memo[dims]


def _head_factor(shapes: Shapes) -> Callable[[int, P.Poly], P.Poly]:
    """What multiplies an equation's cost: the head count H for an equation of one head
    (`% symcount: heads H`), 1 for one computed once for all heads (from shared inputs alone)."""
    if shapes.heads is None:
        return lambda i, p: p
    h = P.var(shapes.heads)
    return lambda i, p: p if i < 0 or i in shapes.once else P.mul(p, h)  # i < 0: an input, read by all


def op_cost(op: Operation, memo: dict | None = None) -> OpCost:
    memo = {} if memo is None else memo
    entries = _entries(op.dims, memo)
    row = kind(op.kind)
    if row.category == "matrix":
        if (row.flops_per_entry, op.dims) not in memo:
            memo[row.flops_per_entry, op.dims] = P.scale(entries, row.flops_per_entry)
        return OpCost(op, row.category, entries, memo[row.flops_per_entry, op.dims])
    flops = entries if row.flops_per_entry == 1 else P.scale(entries, row.flops_per_entry)
    return OpCost(op, row.category, P.const(0), flops)


def _refuse(shapes: Shapes) -> None:
    """A ShapeError, at its place, for what the cost cannot count: a sum over the steps so far, a
    convolution, a number used as a vector, a signal's vector meeting a batch of rows, a dimension
    named T or B."""
    src = shapes.cell.source
    if not shapes.cell.equations:
        raise ShapeError("cannot count the cost: the text lists the cell's parameters and writes no equation of what "
                         "a step computes", source=src, span=shapes.cell.listed[0].span if shapes.cell.listed else None,
                         hint="the parameter count does not need it; leave out --cost")
    summed = next((n for eq in shapes.cell.equations for side in (eq.rhs,) + eq.also for n in N.walk(side)
                   if isinstance(n, N.Apply) and over_steps(n.func)), None)
    if summed is not None:
        raise ShapeError(f"cannot count the cost of {summed.func}: a sum over the steps so far costs more at each step",
                         source=src, span=summed.span, hint="the parameter count does not depend on it; leave out --cost")
    for op in shapes.operations:
        if op.kind == "convolution":
            raise ShapeError("cannot count the cost of a convolution: the equations do not give the number of "
                             "positions it slides over", source=src, span=op.node.span,
                             hint="the parameter count does not need it; leave out --cost")
        if op.kind == "broadcast":
            lhs = op.node.lhs
            raise ShapeError(f"cannot count the cost: {src.slice(lhs.span)} is computed as one number, but the "
                             f"equations use it as a vector of {op.dims[0]} entries, so what reads it has no "
                             "determined cost", source=src, span=op.node.span,
                             hint="the parameter count does not depend on it; leave out --cost")
        if op.kind == "mixed":
            raise ShapeError(f"cannot count the cost: {op.name} is one vector in each step, while what it meets is a batch "
                             "of rows; whether it is computed once or for every row, the text does not say",
                             source=src, span=op.node.span,
                             hint="declare its rows as the batch's (X_t \\in \\mathbb{R}^{n \\times d}); the parameter "
                                  "count does not depend on it")
    for name, what in ((SEQUENCE, "the sequence length"), (BATCH, "the batch size")):
        if name in shapes.dims and not (name == BATCH and name in shapes.batch):
            raise ShapeError(f"the cell has a dimension named {name}, which the cost uses for {what}",
                             source=src, span=shapes.cell.equations[0].span,
                             hint=f"rename the dimension {name} in the cell's declarations")


def cost(shapes: Shapes, *, bias: bool = True) -> Cost:
    """The cost of one step of the cell. A ShapeError when it cannot be counted: a convolution (the
    equations do not give the number of positions), or a dimension named T or B."""
    _refuse(shapes)
    src = shapes.cell.source
    by_eq: dict[int, list[OpCost]] = {}
    values: dict[int, P.Poly] = {}
    fixed_values: list[P.Poly] = []
    memo: dict = {}
    heads = _head_factor(shapes)
    complex_eqs, complex_names = _complex(shapes)
    for op in shapes.operations:
        if op.kind == "value":
            entries = heads(op.equation, _entries(op.dims, memo))
            entries = P.scale(entries, 2) if op.equation in complex_eqs else entries
            values[op.equation] = P.add(values.get(op.equation, P.const(0)), entries)
            if not op.per_example:
                fixed_values.append(entries)
        elif bias or op.kind != "bias":
            c = op_cost(op, memo)
            if shapes.heads and op.equation not in shapes.once:
                c = replace(c, macs_poly=heads(op.equation, c.macs_poly),
                                        flops_poly=heads(op.equation, c.flops_poly))
            by_eq.setdefault(op.equation, []).append(c)
    equations = []
    for i, eq in enumerate(shapes.cell.equations):
        ops = tuple(by_eq.get(i, ()))
        flops = {c: P.add(*[o.flops_poly for o in ops if o.category == c]) for c in CATEGORIES}
        equations.append(EquationCost(eq.label, src.line_col(eq.span.start)[0], ops,
                                      P.add(*[o.macs_poly for o in ops]), flops, values.get(i, P.const(0))))
    per_example = P.product(*[P.var(b) for b in shapes.batch]) if shapes.batch else P.const(1)
    defined_at = {x.name: i for i, eq in enumerate(shapes.cell.equations)
                  for x in (eq.lhs.items if hasattr(eq.lhs, "items") else (eq.lhs,)) if hasattr(x, "name")}
    state = P.mul(P.add(*[heads(defined_at.get(s.name, -1), P.scale(P.mul(_lin(s.dim), _lin(s.cols)),
                                                                     2 if s.name in complex_names else 1))
                          for s in shapes.signals if s.recurrent]), per_example)
    ops = [o for e in equations for o in e.operations]
    fixed = [o for o in ops if not o.operation.per_example]
    each = [o for o in ops if o.operation.per_example]
    fixed_values_poly = P.add(*fixed_values)
    return Cost(tuple(equations), P.add(*[o.macs_poly for o in each]),
                {c: P.add(*[o.flops_poly for o in each if o.category == c]) for c in CATEGORIES}, state,
                P.add(*[e.values_poly for e in equations], P.scale(fixed_values_poly, -1)), shapes.batch,
                P.add(*[o.macs_poly for o in fixed]),
                {c: P.add(*[o.flops_poly for o in fixed if o.category == c]) for c in CATEGORIES}, fixed_values_poly)


def _complex(shapes: Shapes) -> tuple[set[int], set[str]]:
    """The equations whose value is complex, and the complex names: a parameter or signal declared in
    \\mathbb{C}, and a signal whose equation reads a complex name outside \\Re, \\Im or |.| (the
    LRU's x_k = \\mathrm{Diag}(\\lambda) x_{k-1} + ...; y_k = \\Re(C x_k) + ... is real). In memory a
    complex entry is two reals, as its parameters are counted."""
    from ..read import nodes as N
    from ..read.words import split
    names = {p.name for p in shapes.params if p.complex}
    names |= {x.name for d in shapes.cell.declarations if d.field == "complex" for x in d.symbols}

    def reads(node) -> bool:
        for n in N.walk(node, into=N.Apply):
            if isinstance(n, N.Symbol) and n.name in names:
                return True
            if isinstance(n, N.Apply) and split(n.func)[0] not in _REAL and reads(n.arg):
                return True
        return False
    eqs: set[int] = set()
    while True:  # to a fixed point: a complex signal makes those that read it complex
        found = {i for i, eq in enumerate(shapes.cell.equations)
                 if getattr(eq.lhs, "name", None) in names or reads(eq.rhs)}
        names |= {eq.lhs.name for i, eq in enumerate(shapes.cell.equations) if i in found and hasattr(eq.lhs, "name")}
        if found == eqs:
            return eqs, names
        eqs = found


_REAL = frozenset("Re Im real imag abs".split())  # of a complex value: a real one


class Totals(Record):
    """The cost of a stack: per step (one time step of B examples, or of the batch the cell
    declares) and over the T steps of a sequence; memory in bytes at a dtype."""

    __slots__ = ("macs_step", "macs", "flops_step", "flops", "memory", "dtype")

    macs_step: P.Poly
    macs: P.Poly
    flops_step: dict[str, P.Poly]   # category -> FLOPs
    flops: dict[str, P.Poly]
    memory: dict[str, P.Poly]       # "parameters", "state", "activations" -> bytes
    dtype: str

    @property
    def flops_step_total(self) -> P.Poly:
        return P.add(*self.flops_step.values())

    @property
    def flops_total(self) -> P.Poly:
        return P.add(*self.flops.values())


def totals(c: Cost, stacked: Callable[[P.Poly], P.Poly], parameters: P.Poly, dtype: str) -> Totals:
    """One step of one layer and direction (a Cost), stacked (`stacked` maps a layer's polynomial
    to the stack's) and multiplied out: per step by B (unless the cell declares its batch; what
    parameters alone cost is not), over the sequence by T. Values kept for training: T steps' worth."""
    examples = P.const(1) if c.batch else P.var(BATCH)
    steps = P.var(SEQUENCE)
    size = DTYPES[dtype]

    def step(each: P.Poly, fixed: P.Poly) -> P.Poly:
        return P.add(P.mul(stacked(each), examples), stacked(fixed))
    per_step = {k: step(c.flops[k], c.fixed_flops.get(k, {})) for k in CATEGORIES}
    macs_step = step(c.macs, c.fixed_macs)
    memory = {"parameters": P.scale(parameters, size),
              "state": P.scale(P.mul(stacked(c.state), examples), size),
              "activations": P.scale(P.mul(step(c.values, c.fixed_values), steps), size)}
    return Totals(macs_step, P.mul(macs_step, steps), per_step, {k: P.mul(v, steps) for k, v in per_step.items()},
                  memory, dtype)
