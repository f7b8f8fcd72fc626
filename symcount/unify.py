"""The walk that unifies: every equation's expression tree, bottom up, gives each node a shape and
makes operands conformable (symcount.dims.Solver). Each operator's rule is one row of RULES. Every
constraint is recorded as Evidence: the operation, where, in which equation, the two dimensions
it equated, and which parameter dimensions each of them comes from.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Callable

from . import nodes as N
from .dims import UNIT, Solver, count_text, dims_text, form, unknowns
from .errors import NonConformable, ShapeError
from .roles import Roles
from .source import Span


@dataclass(frozen=True)
class Evidence:
    """Why two dimensions are equal."""

    rule: str        # "product", "sum", "elementwise", "equation", "stack", "declaration"
    text: str        # a sentence: what the operation forces
    span: Span
    equation: str    # the equation's left side, or "" for a declaration
    node: object = None  # the AST node: a Binary, Concat, Equation or Declaration
    eq: N.Equation | None = None  # the equation it belongs to (None for a declaration)
    dims: tuple = ()  # the two dimensions equated: forms while inferring, Lins in Shapes
    # for each of the two: parameter name -> "rows" or "cols", the parameter dimension it comes from
    # (recorded for products and equations, which is what the explanations ask of evidence)
    origins: tuple[dict, dict] = ({}, {})


class Shape:
    """A node's shape while inferring: forms for rows and columns, and which parameter dimensions
    its rows and columns come from (an operand's, through sums and products)."""

    __slots__ = ("rows", "cols", "scalar", "rows_from", "cols_from", "owned")

    def __init__(self, rows: dict, cols: dict, scalar: bool = False, rows_from=None, cols_from=None,
                 owned: bool = False) -> None:
        self.rows, self.cols, self.scalar = rows, cols, scalar
        self.rows_from, self.cols_from = rows_from or {}, cols_from or {}
        self.owned = owned  # its origin dicts belong to it alone (a sum's): it may grow them


SCALAR = Shape(UNIT, UNIT, True)


def _merged(a: dict, b: dict, owned: bool) -> dict:
    """a's origins, then b's that a lacks; a itself grown when it may be (a long sum is linear)."""
    if not b:
        return a
    out = a if owned else dict(a)
    for k, v in b.items():
        out.setdefault(k, v)
    return out


@dataclass(frozen=True)
class Rule:
    evidence: str                     # the evidence's rule
    combine: Callable                 # (walker, node, left, right) -> Shape
    verb: str = ""                    # "b is added to a"
    action: str = ""                  # "cannot add a and b"
    joiner: str = "and"
    needs: str = ""                   # "a sum needs equal shapes"


def _product(w: "Walker", node: N.Binary, lsh: Shape, rsh: Shape) -> Shape:
    lt, rt = w.text(node.left), w.text(node.right)
    ev = w.evidence("product", f"{lt} multiplies {rt}, so the columns of {lt} equal the rows of {rt}",
                    node, (lsh.cols, rsh.rows), (lsh.cols_from, rsh.rows_from))
    if not w.solver.unify(lsh.cols, rsh.rows, ev):
        names = w.names()
        lc, rr = w.solver.freeze(lsh.cols, names), w.solver.freeze(rsh.rows, names)
        hint = ""
        if isinstance(node.left, N.Symbol) and node.left.name in w.roles.declared:
            lr = w.solver.freeze(lsh.rows, names)
            hint = f"{lt} multiplying {rt} needs {rr} columns; declare {lt} \\in \\mathbb{{R}}^{{{lr} \\times {rr}}}"
        elif node.explicit is False and lc.is_one:
            hint = f"for an elementwise product write {lt} \\odot {rt}"
        raise w.fail(f"cannot multiply {lt} ({w.shape_text(lsh)}) by {rt} ({w.shape_text(rsh)}): "
                     f"{lt} has {unknowns(count_text(lc, 'column'))}, {rt} has {unknowns(count_text(rr, 'row'))}",
                     node.span, node.left, node.right, lsh, rsh, "product", hint)
    return Shape(lsh.rows, rsh.cols, False, lsh.rows_from, rsh.cols_from)


def _same(w: "Walker", node: N.Binary, lsh: Shape, rsh: Shape) -> Shape:
    rule = RULES[node.op]
    lt, rt = w.text(node.left), w.text(node.right)
    text = f"{rt} {rule.verb} {lt}, so both have one shape"
    rows = w.evidence(rule.evidence, text, node, (lsh.rows, rsh.rows))  # no origins: a long sum grows
    cols = w.evidence(rule.evidence, text, node, (lsh.cols, rsh.cols))  # them in place (see _merged)
    if not (w.solver.unify(lsh.rows, rsh.rows, rows) and w.solver.unify(lsh.cols, rsh.cols, cols)):
        a, b = (rt, lt) if node.op == "sub" else (lt, rt)
        sa, sb = (rsh, lsh) if node.op == "sub" else (lsh, rsh)
        raise w.fail(f"cannot {rule.action} {a} ({w.shape_text(sa)}) {rule.joiner} {b} ({w.shape_text(sb)}): "
                     f"{rule.needs} needs equal shapes", node.span, node.left, node.right, lsh, rsh, rule.evidence)
    return Shape(lsh.rows, lsh.cols, False, _merged(lsh.rows_from, rsh.rows_from, lsh.owned),
                 _merged(lsh.cols_from, rsh.cols_from, lsh.owned), owned=True)


RULES: dict[str, Rule] = {
    "matmul": Rule("product", _product),
    "add": Rule("sum", _same, "is added to", "add", "and", "a sum"),
    "sub": Rule("sum", _same, "is subtracted from", "subtract", "from", "a sum"),
    "hadamard": Rule("elementwise", _same, "is multiplied elementwise by",
                     "take the elementwise product of", "and", "an elementwise product"),
}


def source_text(src, span: Span) -> str:
    """The source of a span on one line, its middle elided when long."""
    if span.end - span.start > 200:
        head = " ".join(src.text[span.start:span.start + 60].split())
        tail = " ".join(src.text[span.end - 60:span.end].split())
        return f"{head[:36]} … {tail[-36:]}"
    text = " ".join(src.slice(span).split())
    return text if len(text) <= 80 else f"{text[:36]} … {text[-36:]}"


class Walker:
    """Shapes of symbols and nodes, unified over the equations in order."""

    def __init__(self, roles: Roles, rowvec: bool, name_free: Callable) -> None:
        self.roles, self.rowvec, self.src = roles, rowvec, roles.cell.source
        self.solver = Solver()
        self.signals: dict[str, Shape] = {}
        self.params: dict[str, Shape] = {}
        self.equation_now: N.Equation | None = None
        self._name_free = name_free  # the naming phase, for messages written mid-walk

    def length(self, sh: Shape) -> dict:
        """The size of a signal: its rows (column vectors) or its columns (row vectors)."""
        return sh.cols if self.rowvec else sh.rows

    def names(self) -> dict[int, str]:
        return self._name_free(self)

    def evidence(self, rule: str, text: str, node, dims=(), origins=({}, {})) -> Evidence:
        eq = self.equation_now
        return Evidence(rule, text, node.span, eq.label if eq else "", node, eq, dims, origins)

    # -- messages --
    def text(self, node) -> str:
        return source_text(self.src, node.span)

    def shape_text(self, sh: Shape) -> str:
        if sh.scalar:
            return "a scalar"
        names = self.names()
        return unknowns(dims_text(self.solver.freeze(sh.rows, names), self.solver.freeze(sh.cols, names)))

    def provenance(self, node) -> str:
        if isinstance(node, N.Symbol):
            decl = self.roles.declared.get(node.name)
            if decl is not None:
                return f"declared at {self.src.name}:{self.src.line_col(decl.span.start)[0]}"
            return "a signal (a column vector)" if node.name in self.signals else "a parameter, shaped by its uses so far"
        return "computed from its operands"

    def fail(self, message: str, span: Span, left, right, lsh: Shape, rsh: Shape, rule: str,
             hint: str = "") -> NonConformable:
        lt, rt = self.text(left), self.text(right)
        ls, rs = self.shape_text(lsh), self.shape_text(rsh)
        notes = (f"{lt} is {ls}: {self.provenance(left)}", f"{rt} is {rs}: {self.provenance(right)}")
        return NonConformable(message, source=self.src, span=span, notes=notes, hint=hint, left=lt,
                              right=rt, left_shape=ls, right_shape=rs, rule=rule)

    # -- symbols --
    def symbol_shape(self, sym: N.Symbol) -> Shape:
        is_signal = self.roles.is_signal(sym.name)
        table = self.signals if is_signal else self.params
        sh = table.get(sym.name)
        if sh is None:
            if is_signal:
                length = self.solver.fresh()
                sh = Shape(dict(UNIT), length) if self.rowvec else Shape(length, dict(UNIT))
                self.solver.nonconst.update(length)
            else:
                sh = Shape(self.solver.fresh(), self.solver.fresh())
                sh.rows_from, sh.cols_from = {sym.name: "rows"}, {sym.name: "cols"}
            table[sym.name] = sh
        return sh

    def declare(self, sym: N.Symbol, decl: N.Declaration) -> None:
        is_signal = self.roles.is_signal(sym.name)
        sh = self.symbol_shape(sym)
        if decl.rows is None:
            if is_signal:
                raise ShapeError(f"{sym.text} is a signal, so it cannot be declared a scalar", source=self.src,
                                 span=decl.span, hint=f"declare its size: {sym.text} \\in \\mathbb{{R}}^{{d}}")
            sh.scalar, sh.rows, sh.cols = True, dict(UNIT), dict(UNIT)
            return
        for size in (decl.rows, decl.cols):
            if not size.lin.terms and size.lin.const < 1:
                raise ShapeError(f"a size must be a positive whole number, not {size.lin.const}",
                                 source=self.src, span=size.span)
        rows, cols = form(decl.rows.lin), form(decl.cols.lin)
        if is_signal:
            self.solver.nonconst.difference_update(v for v in self.length(sh) if isinstance(v, int))
        if self.rowvec and decl.cols.lin.is_one:
            rows, cols = cols, rows  # a declared vector is a row, like the signals
        ev = Evidence("declaration", f"{sym.text} is declared in {self.text(decl)}", decl.span, "", decl)
        if not (self.solver.unify(sh.rows, rows, ev) and self.solver.unify(sh.cols, cols, ev)):
            line, _ = self.src.line_col(self.roles.declared[sym.name].span.start)
            raise ShapeError(f"{sym.text} is declared twice with different shapes", source=self.src,
                             span=decl.span, notes=(f"first declared at {self.src.name}:{line}",),
                             hint="keep one declaration")

    # -- equations and expressions --
    def equation(self, eq: N.Equation) -> None:
        """Shape both sides and make them one shape; an error gets the equation as its context."""
        self.equation_now = eq
        try:
            lsh, rsh = self.shape(eq.lhs), self.shape(eq.rhs)
            if not rsh.scalar and not lsh.scalar:
                text = f"{self.text(eq.lhs)} is defined as {self.text(eq.rhs)}, so both have one shape"
                rows = self.evidence("equation", text, eq, (lsh.rows, rsh.rows), (lsh.rows_from, rsh.rows_from))
                cols = self.evidence("equation", text, eq, (lsh.cols, rsh.cols), (lsh.cols_from, rsh.cols_from))
                if not (self.solver.unify(lsh.rows, rsh.rows, rows) and self.solver.unify(lsh.cols, rsh.cols, cols)):
                    raise self.fail(f"the two sides of the equation for {eq.label} have different shapes",
                                    eq.span, eq.lhs, eq.rhs, lsh, rsh, "equation")
        except ShapeError as exc:
            exc.context = exc.context or f"equation for {eq.label}"
            raise
        finally:
            self.equation_now = None

    def shape(self, node) -> Shape:
        if isinstance(node, N.Symbol):
            return self.symbol_shape(node)
        if isinstance(node, N.Number):
            return SCALAR
        if isinstance(node, (N.Apply, N.Neg)):
            return self.shape(node.arg)
        if isinstance(node, N.Transpose):
            sh = self.shape(node.arg)
            return Shape(sh.cols, sh.rows, sh.scalar, sh.cols_from, sh.rows_from)
        if isinstance(node, N.Concat):
            return self.stack(node)
        # walk the left spine iteratively: a flat sum of a thousand terms is a tree that deep
        spine = [node]
        while isinstance(spine[-1].left, N.Binary):
            spine.append(spine[-1].left)
        acc = self.shape(spine[-1].left)
        for b in reversed(spine):
            right = self.shape(b.right)
            acc = right if acc.scalar else acc if right.scalar else RULES[b.op].combine(self, b, acc, right)
        return acc

    def stack(self, node: N.Concat) -> Shape:
        shapes = [self.shape(x) for x in node.items]
        along, across = ("cols", "rows") if self.rowvec else ("rows", "cols")
        noun = "rows" if self.rowvec else "columns"
        total: dict = {}
        for x, sh in zip(node.items, shapes):
            for v, k in getattr(sh, along).items():
                total[v] = total.get(v, 0) + k
            if sh is not shapes[0]:
                ev = self.evidence("stack", f"{self.text(x)} is stacked with {self.text(node.items[0])}, so both "
                                   f"have as many {noun}", node, (getattr(shapes[0], across), getattr(sh, across)))
                if not self.solver.unify(getattr(shapes[0], across), getattr(sh, across), ev):
                    raise self.fail(f"cannot stack {self.text(node.items[0])} and {self.text(x)}: they have "
                                    f"different numbers of {noun}", node.span, node.items[0], x, shapes[0], sh, "stack")
        first = getattr(shapes[0], across)
        origin = next((o for o in (getattr(sh, across + "_from") for sh in shapes) if o), {})
        return Shape(first, total, False, origin, {}) if self.rowvec else Shape(total, first, False, {}, origin)
