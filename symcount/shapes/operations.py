"""The walk's operations, sized once every size has its name: what symcount.cost counts and the
explanation shows (shapes.infer.Shapes.operations makes them when first read: a count alone never does)."""
from __future__ import annotations

from ..errors import TYPE_CHECKING, Record, replace
from ..read import nodes as N
from ..read.nodes import Lin
from .unify import source_text

if TYPE_CHECKING:  # pragma: no cover
    from .unify import Walker


class Operation(Record):
    """An operation of an equation, sized: what symcount.cost counts.

    kind: "product" (dims: rows, inner, columns), "convolution" (the same), or one per entry of
    its result (dims: rows, columns): "add", "sub", "hadamard", "divide", "scale" (by a scalar),
    "neg", "power", "bias" (a bias added), "reduce" (dims of what is summed), "activation",
    "normalization", "diagonal" (a diagonal weight times a vector), and "value" (what an equation
    produces: no arithmetic, the memory backpropagation keeps)."""
    __slots__ = ('kind', 'equation', 'node', 'dims', 'name', 'per_example')
    _defaults = {'name': "", 'per_example': True}

    kind: str
    equation: int
    node: object
    dims: tuple[Lin, ...]
    name: str   # an activation's function, a bias's or a diagonal weight's name
    per_example: bool  # False for parameters alone (1 - \lambda, W - W^T): once per step


def sized(w: "Walker", names: dict[int, str], params: list, memo: dict[int, Lin]) -> tuple[Operation, ...]:
    """The walk's operations, sized; a sum with a bias-only operand is a bias addition, a product
    with a diagonal weight one product per entry."""
    from ..read.words import kind as function_kind
    biases = {p.name for p in params if p.bias}
    diagonal = {p.name for p in params if p.diagonal}
    known: dict[int, bool] = {}

    def bias_only(x) -> bool:  # b, b_i + b_h: what removing the biases removes
        spine = []  # a long sum is a deep left spine: walk it in a loop, each node once
        while isinstance(x, N.Binary) and x.op in ("add", "sub") and id(x) not in known:
            spine.append(x)
            x = x.left
        if id(x) in known:
            only = known[id(x)]
        elif isinstance(x, N.Symbol):
            only = x.name in biases
        else:
            only = isinstance(x, N.Neg) and bias_only(x.arg)
        for b in reversed(spine):
            only = known[id(b)] = only and bias_only(b.right)
        return only

    def diagonal_weight(x) -> str:  # W_d h with W_d diagonal, \operatorname{diag}(u) h: the weight's name
        while isinstance(x, N.Transpose):
            x = x.arg
        if isinstance(x, N.Symbol) and x.name in diagonal:
            return x.name
        if isinstance(x, N.Apply) and function_kind(x.func) == "diag":
            return source_text(w.src, x.arg.span)
        return ""

    varies: dict[int, bool] = {}  # node id -> whether it depends on a signal (else on parameters alone)
    signals, kids_of, Symbol, Binary, freeze = w.signals, N.children, N.Symbol, N.Binary, w.solver.freeze
    for eq in w.roles.cell.equations:
        for x in reversed(N.walk(eq.rhs)):  # children before their parents
            c = x.__class__
            varies[id(x)] = x.name in signals if c is Symbol else (varies[id(x.left)] or varies[id(x.right)]) if c is Binary \
                else any(map(varies.__getitem__, map(id, kids_of(x))))

    out = []
    batch = None  # a batch of rows the text declares: every example's signals are rows of it
    for kind, node, equation, forms, operands, name in w.ops:  # (the walk's tuples; each form frozen once: memo, by its id)
        dims = tuple([memo[id(f)] if id(f) in memo else memo.setdefault(id(f), freeze(f, names)) for f in forms])
        per_example = varies.get(id(node.rhs if isinstance(node, N.Equation) else node), True)
        bias = next((x for x in operands if bias_only(x)), None) if kind in ("add", "sub") else None
        weight = next((d for d in map(diagonal_weight, operands[:2]) if d), "") if kind == "product" else ""
        if bias is not None:
            kind, name = "bias", source_text(w.src, bias.span)
        elif weight:
            kind, name, dims = "diagonal", weight, (dims[0], dims[2])
        elif kind == "product" and len(dims) == 3 and dims[1] == N.ONE and N.ONE in (dims[0], dims[2]):  # B x_t, x_t one number
            # (each entry scaled; an outer product k v^T, of two vectors, stays a product)
            kind, dims = "scale", (dims[0], dims[2])
        out.append(Operation(kind, equation, node, dims, name, per_example))
    return _batched(w, out) if w.batch else tuple(out)


_PER_ENTRY = frozenset("add sub hadamard divide scale neg power bias activation normalization diagonal value mixed gain".split())


def _batched(w: "Walker", ops: list[Operation]) -> tuple[Operation, ...]:
    """In a text that declares a batch of rows (d2l's X_t \\in \\mathbb{R}^{n \\times d}), an operation on one example's
    vector (F_t \\odot C_{t-1} with C undeclared) is done for every row of the batch: sized with the batch's rows, as the
    products of the batch are."""
    rows = next((d for op in ops for d in op.dims[:1] if str(d) in w.batch), None)
    if rows is None:
        return tuple(ops)
    out = []
    for op in ops:
        dims = op.dims
        if op.per_example and rows not in dims:
            if op.kind in _PER_ENTRY and len(dims) == 2 and dims[1] == N.ONE and dims[0] != N.ONE:
                op = replace(op, dims=(rows, dims[0]))
            elif op.kind == "product" and len(dims) == 3 and dims[2] == N.ONE and dims[0] != N.ONE:
                op = replace(op, dims=(rows, dims[1], dims[0]))  # (W h_t: the batch's rows times W^T)
        out.append(op)
    return tuple(out)
