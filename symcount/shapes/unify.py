"""The walk that unifies: every equation's expression tree, bottom up, gives each node a shape and
makes operands conformable (symcount.dims.Solver). Each operator's rule is one row of
symcount.rules.RULES; functions are symcount.functions. Every constraint is recorded as Evidence:
the operation, where, in which equation, the two dimensions it equated, and which parameter
dimensions each of them comes from.
"""
from __future__ import annotations

from ..errors import TYPE_CHECKING  # typing's, without importing typing (a start-up cost)

if TYPE_CHECKING:  # pragma: no cover
    from typing import Callable

from ..read import nodes as N
from .dims import SCALAR, UNIT, Shape, Solver, dims_text, form, unknowns
from ..errors import NonConformable, Record, ShapeError
from . import functions, rules
from .scalars import bold_vector, one_entry, with_scalar
from .roles import Roles
from ..read.choices import key
from ..read.source import Span
from .evidence import Evidence, Sizes, source_text  # noqa: F401 (source_text read here by other stages)


class Implicit(Record):
    """A parameter no symbol names: the weight and bias of a \\text{Linear}(x), a LayerNorm's gain."""
    __slots__ = ('name', 'shape', 'node', 'equation', 'bias')
    _defaults = {'bias': False}
    _frozen = False

    name: str
    shape: Shape
    node: N.Apply
    equation: int
    bias: bool


def _no_root(w, node, sh: Shape) -> None:
    """A power that is not a whole number (\\sigma(z)^{1/\\tau}) is elementwise: of a vector or a
    number. Of a matrix for sure (rows and columns both sizes other than 1, nothing open) it is refused."""
    if not isinstance(node, N.Power) or isinstance(node.exponent, int) or sh.scalar:
        return
    forms = [w.solver.resolve(sh.rows), w.solver.resolve(sh.cols)]
    if all(f != UNIT and f and not any(isinstance(v, int) for v in f) for f in forms):
        raise ShapeError(f"{w.text(node.arg)} is a matrix ({w.shape_text(sh)}): a power that is not a whole "
                         "number is read entry by entry, of a vector or a number, not as a matrix's root",
                         source=w.src, span=node.span,
                         hint="write the power of a vector (a gate's entries), or a whole-number power")


# an operation the walk met, for the cost measure (shapes.operations), as a plain tuple (a long cell has thousands):
# (kind (see symcount.cost), node, equation index, forms of its sizes (a product: rows, inner, columns; else the result's
# rows and columns), operands that may change its kind (a bias added, a diagonal weight), name)


class _Walk(Record):
    """What the walk has found besides the solver's constraints."""
    __slots__ = ('notes', 'batch', 'implicit', 'kernels', 'matrix_states', 'ops')
    _factories = {'notes': list, 'batch': set, 'implicit': dict, 'kernels': dict, 'matrix_states': set, 'ops': list}
    _frozen = False

    notes: list[str]
    batch: set   # declared batch sizes: the rows of a signal declared n x d
    implicit: dict[str, Implicit]
    kernels: dict[str, N.Binary]   # parameters convolved with a signal
    matrix_states: set   # signals declared as matrices that are states, not batches
    ops: list[tuple]   # every operation of the equations, in order of evaluation (see the tuple above)


class _Messages:
    """What the walk says in its errors: a node's text and shape, where a shape comes from."""

    def text(self, node) -> str:
        return source_text(self.src, node.span)

    def shape_text(self, sh: Shape) -> str:
        if sh.scalar:
            return "a scalar"
        names = self.names()
        return unknowns(dims_text(self.solver.freeze(sh.rows, names), self.solver.freeze(sh.cols, names)))

    def provenance(self, node, sh: Shape | None = None) -> str:
        """Where a side's shape comes from: its declaration, the operation that fixed it, or the
        declared symbol inside it whose size it has."""
        if isinstance(node, N.Transpose):
            node = node.arg
        if isinstance(node, N.Symbol):
            decl = self.roles.declared.get(node.name)
            if decl is not None:
                return f"declared at {self.src.name}:{self.src.line_col(decl.span.start)[0]} ({self.text(decl)})"
            fixed = self.fixed_by(self.symbol_shape(node))
            kind = "a signal (a column vector)" if node.name in self.signals else "a parameter"
            return f"{kind}, {fixed}" if fixed else f"{kind}, shaped by its uses so far"
        if sh is not None:
            names = self.names()
            want = {str(self.solver.freeze(sh.rows, names)), str(self.solver.freeze(sh.cols, names))} - {"1"}
            for x in N.walk(node):
                decl = isinstance(x, N.Symbol) and self.roles.declared.get(x.name)
                if decl and decl.rows is not None and {str(decl.rows.lin), str(decl.cols.lin)} & want:
                    return (f"computed from its operands; its size comes from {x.text}, declared at "
                            f"{self.src.name}:{self.src.line_col(decl.span.start)[0]} ({self.text(decl)})")
        return "computed from its operands"

    def fixed_by(self, sh: Shape) -> str:
        """The operation that fixed a shape's sizes, as a clause: "its size fixed by ... (line 3)"."""
        for form in (sh.rows, sh.cols):
            for v in form:
                i = self.solver.why.get(v) if isinstance(v, int) else None
                if i is not None:
                    ev = self.solver.evidence[i]
                    line = self.src.line_col(ev.span.start)[0]
                    return f"its size fixed where {ev.text} (line {line})"
        return ""

    def fail(self, message: str, span: Span, left, right, lsh: Shape, rsh: Shape, rule: str,
             hint: str = "") -> NonConformable:
        lt, rt = self.text(left), self.text(right)
        ls, rs = self.shape_text(lsh), self.shape_text(rsh)
        notes = (f"{lt} is {ls}: {self.provenance(left, lsh)}", f"{rt} is {rs}: {self.provenance(right, rsh)}")
        return NonConformable(message, source=self.src, span=span, notes=notes, hint=hint, left=lt,
                              right=rt, left_shape=ls, right_shape=rs, rule=rule)

    # -- symbols --

class Walker(_Messages, _Walk):
    """Shapes of symbols and nodes, unified over the equations in order. Signals are column vectors,
    or matrices where a declaration says so (a batch of rows, X_t \\in \\mathbb{R}^{n \\times d})."""

    def __init__(self, roles: Roles, name_free: Callable) -> None:
        super().__init__()
        self.roles, self.src = roles, roles.cell.source
        self.solver = Solver()
        self.sizes = Sizes(self.solver)  # what the evidence's forms are frozen by, once named (shapes.evidence)
        self.signals, self.params = {}, {}  # name -> its Shape: the signals', the parameters'
        self.equation_now: tuple[int, N.Equation, str] | None = None  # (index, equation, its label)
        self._name_free = name_free  # the naming phase, for messages written mid-walk

    def length(self, sh: Shape) -> dict:
        """The size of a signal: its rows, or its columns for a batch of rows."""
        return sh.rows if self.solver.resolve(sh.cols) == UNIT else sh.cols

    def is_vector(self, sh: Shape) -> bool:
        return not sh.scalar and self.solver.resolve(sh.cols) == UNIT and self.solver.resolve(sh.rows) != UNIT

    def is_row(self, sh: Shape) -> bool:
        """One row of several entries: k_t^\\top, or a signal declared 1 x d (RetNet's K_n)."""
        return not sh.scalar and self.solver.resolve(sh.rows) == UNIT and self.solver.resolve(sh.cols) != UNIT

    def is_signal_matrix(self, sh: Shape) -> bool:
        return any(sh is s for s in self.signals.values()) and not self.is_vector(sh)

    def is_batch(self, sh: Shape) -> bool:
        """A batch of rows (X_t \\in \\mathbb{R}^{n \\times d}): its rows are a declared batch size."""
        rows = self.solver.resolve(sh.rows)
        return len(rows) == 1 and next(iter(rows)) in self.batch and not sh.scalar

    def vector_meets_batch(self, a: Shape, b: Shape, ev: Evidence) -> bool:
        """A column vector and a batch of rows (O_t = H_t W + b with O_t undeclared): the vector's
        size is the batch's width."""
        if not self.batch:  # no batch declared: nothing is one (and no sizes need resolving)
            return False
        for vec, batch in ((a, b), (b, a)):
            if self.is_vector(vec) and self.is_batch(batch) and not self.is_batch(vec):
                return self.solver.unify(vec.rows, batch.cols, ev)
        return False

    def op(self, kind: str, node, *forms: dict, operands: tuple = (), name: str = "") -> None:
        """Record an operation of the equation being walked (declarations have none)."""
        if self.equation_now is not None:
            self.ops.append((kind, node, self.equation_now[0], forms, operands, name))

    def names(self) -> dict[int, str]:
        return self._name_free(self)

    def note(self, node, text: str) -> None:
        if text not in self.notes:
            self.notes.append(text)

    def evidence(self, rule: str, text: str, node, dims=(), origins=({}, {})) -> Evidence:
        now = self.equation_now or (None, None, "")  # (a declaration's: no equation, no label)
        return Evidence(rule, text, node.span, now[2], node, now[1], (dims, self.sizes), origins)

    def symbol_shape(self, sym: N.Symbol, matrix: bool = False) -> Shape:
        if sym.name in self.roles.constants:
            return SCALAR
        if sym.name in self.roles.scalars:
            return self.params.setdefault(sym.name, Shape(dict(UNIT), dict(UNIT), True))
        is_signal = self.roles.is_signal(sym.name)
        table = self.signals if is_signal else self.params
        sh = table.get(sym.name)
        if sh is None:
            if is_signal and not matrix:
                sh = Shape(self.solver.fresh(), dict(UNIT))
                self.solver.nonconst.update(sh.rows)
            elif sym.name in self.roles.diagonal:  # a diagonal matrix is square
                sh = _square(self, sym)
            else:
                sh = Shape(self.solver.fresh(), self.solver.fresh())
                if not is_signal:
                    sh.rows_from, sh.cols_from = {sym.name: "rows"}, {sym.name: "cols"}
            table[sym.name] = sh
        return sh

    def implicit_param(self, name: str, node: N.Apply, sh: Shape, bias: bool = False) -> Shape:
        sh.rows_from, sh.cols_from = {name: "rows"}, {name: "cols"}
        self.implicit[name] = Implicit(name, sh, node, self.equation_now[0] if self.equation_now else 0, bias)
        return sh

    def count_implicit(self, word: str, same: bool = False) -> int:
        """The number of this function's application: Linear 1, Linear 2, ..."""
        n = sum(1 for i in self.implicit if i.startswith(("W_{" + word + ",", "\\gamma_{" + word + ",")))
        return n if same else n + 1

    def declare(self, sym: N.Symbol, decl: N.Declaration, transposed: bool = False) -> None:
        is_signal = self.roles.is_signal(sym.name)
        if sym.name in self.roles.constants:
            return
        if decl.rows is None:
            if is_signal and decl.field == "interval":
                return  # R_t \in (0,1): the range of a gate's entries, not its shape
            if is_signal:  # a gate of one number per step (xLSTM's i_t, f_t \in \mathbb{R})
                self.signals.setdefault(sym.name, Shape(dict(UNIT), dict(UNIT), True))
                return
            sh = self.symbol_shape(sym)
            sh.scalar, sh.rows, sh.cols = True, dict(UNIT), dict(UNIT)
            return
        for size in (decl.rows, decl.cols) + decl.more:
            if not size.lin.terms and size.lin.const < 1:
                raise ShapeError(f"a size must be a positive whole number, not {size.lin.const}",
                                 source=self.src, span=size.span)
        if _declared_transposed(self, sym, decl):
            return
        sizes = [form(s.lin) for s in (decl.rows, decl.cols) + decl.more]
        rows, cols = (sizes[-1], sizes[-2]) if decl.more else (sizes[0], sizes[1])  # a kernel: k x k x in x out
        if transposed:
            rows, cols = cols, rows
        sh = self.symbol_shape(sym, matrix=not decl.cols.lin.is_one)
        if is_signal and not decl.cols.lin.is_one and not decl.more:
            if matrix_state(self, sym.name, decl):
                self.matrix_states.add(sym.name)
            else:
                self.batch.update(n for n, _ in decl.rows.lin.terms)
        if is_signal:
            self.solver.nonconst.difference_update(v for v in self.length(sh) if isinstance(v, int))
        ev = Evidence("declaration", f"{sym.text} is declared in {self.text(decl)}", decl.span, "", decl)
        if not (self.solver.unify(sh.rows, rows, ev) and self.solver.unify(sh.cols, cols, ev)):
            if sym.name in self.roles.diagonal:  # the prose (or --read) says diagonal, the declaration is not square
                raise _not_square(self, sym, decl)
            line, _ = self.src.line_col(self.roles.declared[sym.name].span.start)
            raise ShapeError(f"{sym.text} is declared twice with different shapes", source=self.src,
                             span=decl.span, notes=(f"first declared at {self.src.name}:{line}",),
                             hint="keep one declaration")

    # -- equations and expressions --
    def equation(self, i: int, eq: N.Equation) -> None:
        """Shape both sides and make them one shape; an error gets the equation as its context."""
        self.equation_now = (i, eq, eq.label)
        try:
            made = matrix_signal(self, eq)
            lsh = made[0] if made else self.shape(eq.lhs)
            computed = None
            for side in (eq.rhs,) + eq.also:
                rsh = made[1] if made and side is eq.rhs else self.shape(side)
                if computed is None:  # the first right side is what is computed
                    if lsh is not SCALAR and rsh is not SCALAR:  # the value it produces (not a constant)
                        made = lsh if rsh.scalar else rsh  # O_t = H_t W + b: a batch of rows, as computed
                        self.op("value", eq, made.rows, made.cols)
                    if rsh.scalar and rsh is not SCALAR and not lsh.scalar:  # \mu_t = \frac{1}{H} \sum_i a_i
                        self.op("broadcast", eq, lsh.rows, lsh.cols)
                    computed = len(self.ops)
                if lsh.scalar and not rsh.scalar and lsh is not SCALAR and self.roles.is_signal(eq.lhs.name):
                    scalar_side(self, eq, side, rsh)
                if rsh.scalar or lsh.scalar:
                    continue
                text = ("{} is defined as {}, so both have one shape", self.src, (eq.lhs.span, side.span))  # (Evidence.text)
                one_entry(self, lsh, rsh)
                rows = self.evidence("equation", text, eq, (lsh.rows, rsh.rows), (lsh.rows_from, rsh.rows_from))
                if not (self.vector_meets_batch(lsh, rsh, rows) or (self.solver.unify(lsh.rows, rsh.rows, rows) and (
                        lsh.cols == UNIT == rsh.cols or  # (vectors: nothing to record)
                        self.solver.unify(lsh.cols, rsh.cols, self.evidence("equation", text, eq, (lsh.cols, rsh.cols), (lsh.cols_from, rsh.cols_from)))))):
                    raise self.fail(f"the two sides of the equation for {eq.label} have different shapes",
                                    eq.span, eq.lhs, side, lsh, rsh, "equation")
            del self.ops[computed:]  # the other sides are the same value written again
        except ShapeError as exc:
            exc.context = exc.context or f"equation for {eq.label}"
            exc.notes = tuple(exc.notes) + _diagonal_claims(self, eq)  # a claim the error may rest on
            raise
        finally:
            self.equation_now = None

    def shape(self, node) -> Shape:
        c = node.__class__  # (no node kind is subclassed: a Symbol and a Binary, the commonest, told at once)
        if c is N.Symbol:
            return self.symbol_shape(node)
        if c is not N.Binary:
            if c is N.Number:
                return SCALAR
            if isinstance(node, (N.Neg, N.Power)):
                sh = self.shape(node.arg)
                _no_root(self, node, sh)
                if not sh.scalar:  # a scalar alone costs nothing that grows with the sizes
                    self.op("neg" if isinstance(node, N.Neg) else "power", node, sh.rows, sh.cols)
                return sh
            if isinstance(node, N.Apply):
                return functions.apply(self, node)
            if isinstance(node, N.Transpose):
                sh = bold_vector(self, node.arg, self.shape(node.arg))
                return Shape(sh.cols, sh.rows, sh.scalar, sh.cols_from, sh.rows_from)
            if isinstance(node, N.Concat):
                return rules.concatenation(self, node)
            if isinstance(node, N.Tuple):
                raise ShapeError("a list in parentheses is read only as the arguments of a function", source=self.src, span=node.span, hint="stack vectors with brackets: [h_{t-1}; x_t]")
        # walk the left spine iteratively: a flat sum of a thousand terms is a tree that deep
        spine = [node]
        while isinstance(spine[-1].left, N.Binary):
            spine.append(spine[-1].left)
        acc = self.shape(spine[-1].left)
        for b in reversed(spine):
            right = self.shape(b.right)
            if acc.scalar or right.scalar:  # 1 - z_t, \alpha h_{t-1}: one operation per entry
                acc = with_scalar(self, b, acc, right)
            else:
                acc = rules.RULES[b.op].combine(self, b, acc, right)
        return acc


def _matrix_made(w: Walker, node) -> bool:
    """Whether an expression makes a matrix from vectors (\\mathrm{Diag}(v) times something, a column
    times a row: v_t k_t^\\top), or may be a row: it reads a signal declared as a row (RetNet's X_n,
    Q_n \\in \\mathbb{R}^{1 \\times d}) or a matrix state."""
    rows = w.matrix_states or w.roles.declared  # (a symbol may be one only where some is, or some is declared)
    for x in N.walk(node):
        c = x.__class__  # (no node kind is subclassed)
        if c is N.Symbol:
            if rows and (x.name in w.matrix_states or _declared_row(w, x.name)):
                return True
        elif c is N.Apply:
            if functions.kind(x.func) == "diag" and any(isinstance(y, N.Symbol) and w.roles.is_signal(y.name) for y in N.walk(x.arg)):
                return True
        elif c is N.Binary:
            if x.op == "hadamard" and rules.otimes_outer(w, x):
                return True  # Δ_t ⊗ B_t read as the outer product
            if x.op in ("matmul", "star") and isinstance(x.right, N.Transpose) and isinstance(x.right.arg, N.Symbol) \
                    and w.roles.is_signal(x.right.arg.name) and not isinstance(x.left, N.Transpose):
                return True
    return False


def matrix_state(self: "Walker", name: str, decl: N.Declaration) -> bool:
    """A recurrent signal declared as a matrix (C_t \\in \\mathbb{R}^{d_v \\times d_k}) is a matrix-valued
    state, unless its rows are the rows of a signal that is not recurrent (a batch of rows:
    X_t, H_t \\in \\mathbb{R}^{n \\times d})."""
    if name not in self.roles.recurrent or decl.rows is None:
        return False
    rows = {n for n, _ in decl.rows.lin.terms}
    for other in self.roles.cell.declarations:
        if other.rows is None or other.cols.lin.is_one or other.more:
            continue
        if any(s.name != name and self.roles.is_signal(s.name) and s.name not in self.roles.recurrent
               for s in other.symbols) and rows & {n for n, _ in other.rows.lin.terms}:
            return False
    return True


def matrix_signal(self: "Walker", eq: N.Equation) -> tuple[Shape, Shape] | None:
    """A signal first met as the left side of a matrix: \\overline{A}_t = \\exp(\\mathrm{Diag}(\\Delta_t) A)
    (Mamba's discretised A, one entry per channel and state), or v_t k_t^\\top: the signal is that
    matrix, not a column vector: (its shape, the right side's). None for everything else (the
    left side is shaped as usual), with the right side shaped only when it may make a matrix."""
    lhs = eq.lhs
    if not (isinstance(lhs, N.Symbol) and self.roles.is_signal(lhs.name) and lhs.name not in self.signals
            and lhs.name not in self.roles.declared and _matrix_made(self, eq.rhs)):
        return None
    if any(isinstance(x, N.Symbol) and x.name == lhs.name for x in N.walk(eq.rhs)):
        # S_t = S_{t-1} + \beta_t (v_t - S_{t-1} k_t) k_t^\top: the state read on the right is the matrix made
        self.signals[lhs.name] = Shape(self.solver.fresh(), self.solver.fresh())
        self.solver.nonconst.update(self.signals[lhs.name].rows)
    rsh = self.shape(eq.rhs)
    if rsh.scalar or self.solver.resolve(rsh.cols) == UNIT:
        return self.shape(lhs), rsh
    sh = self.signals.get(lhs.name)  # met on the right already: the equation makes it the right side's shape
    if sh is None:
        sh = self.signals[lhs.name] = Shape(rsh.rows, rsh.cols)
    if self.solver.resolve(rsh.rows) != UNIT:  # a row (O_n = Q_n S_n) is a signal like any other
        self.matrix_states.add(lhs.name)
    return sh, rsh


def matrix_states_ahead(w: "Walker") -> None:
    """v_t = S_{t-1} k_t before S_t = \\alpha_t S_{t-1} + \\beta_t e_t k_t^\\top: a state that its own definition
    makes a matrix (an outer product of vectors), read by an equation before that definition, is a matrix
    from its first reading (else that reading makes it a column, and two columns side by side multiply
    entry by entry)."""
    eqs = w.roles.cell.equations
    for i, eq in enumerate(eqs):
        lhs = eq.lhs
        if not (isinstance(lhs, N.Symbol) and lhs.name in w.roles.recurrent and lhs.name not in w.signals
                and lhs.name not in w.roles.declared and _matrix_made(w, eq.rhs)):
            continue
        if any(isinstance(x, N.Symbol) and x.name == lhs.name for e in eqs[:i] for side in (e.rhs,) + e.also
               for x in N.walk(side)):
            w.signals[lhs.name] = Shape(w.solver.fresh(), w.solver.fresh())
            w.solver.nonconst.update(w.signals[lhs.name].rows)
            w.matrix_states.add(lhs.name)


def scalar_side(self: "Walker", eq: N.Equation, side, rsh: Shape) -> None:
    """i_t = \\exp(w_i^\\top x_t + b_i) with i_t \\in \\mathbb{R}: the right side is one number."""
    text = f"{self.text(eq.lhs)} is declared a scalar and defined as {self.text(side)}, so that is one number"
    ev = self.evidence("equation", text, eq, (rsh.rows, dict(UNIT)), (rsh.rows_from, {}))
    if not (self.solver.unify(rsh.rows, dict(UNIT), ev) and self.solver.unify(rsh.cols, dict(UNIT), ev)):
        raise self.fail(f"{self.text(eq.lhs)} is declared a scalar, but {self.text(side)} is not one number",
                        eq.span, eq.lhs, side, SCALAR, rsh, "equation")


def _declared_row(w: Walker, name: str) -> bool:
    decl = w.roles.declared.get(name)
    return bool(decl is not None and decl.rows is not None and decl.rows.lin.is_one and not decl.cols.lin.is_one
                and w.roles.is_signal(name))


def _square(w: Walker, sym: N.Symbol) -> Shape:
    """The shape of a weight read as diagonal: square, so its rows and columns are one size."""
    sh = Shape(w.solver.fresh(), w.solver.fresh())
    sh.rows_from, sh.cols_from = {sym.name: "rows"}, {sym.name: "cols"}
    w.solver.unify(sh.rows, sh.cols, Evidence("declaration", f"{sym.text} is read as a diagonal matrix (square)",
                                              sym.span, "", sym))
    return sh


def _not_square(w: Walker, sym: N.Symbol, decl: N.Declaration) -> ShapeError:
    """A weight read as diagonal (the prose says so, or --read) declared with a shape not square."""
    said = tuple(n for n in w.roles.notes if "is a diagonal matrix" in n and n.startswith(w.roles.first[sym.name].text + " at "))
    return ShapeError(f"{sym.text} is declared {w.text(decl)}, not square, but read as a diagonal matrix (a diagonal "
                      "matrix is square)", source=w.src, span=decl.span, notes=said,
                      hint=f"add --read {key(sym.name)}=full if it is a full matrix, or declare it square")


def _diagonal_claims(w: Walker, eq: N.Equation) -> tuple[str, ...]:
    """The weights of an equation read as diagonal, each named with the option that undoes it."""
    said = sorted({x.text for x in N.walk(eq.rhs) if isinstance(x, N.Symbol) and x.name in w.roles.diagonal})
    return tuple(f"{t} is read as a diagonal matrix, so square (add --read {key(t)}=full if it is not)" for t in said)


def _declared_transposed(w: "Walker", sym: N.Symbol, decl: N.Declaration) -> bool:
    """A matrix declared again with its sizes swapped (`W_x \\in \\mathbb{R}^{4H \\times D}`, then "transposed
    versions ... $W_x \\in \\mathbb{R}^{D \\times 4H}$" for the batch code): the same parameters; the first
    declaration is kept (the equations settle it), with a note."""
    first = w.roles.declared.get(sym.name)
    if first is None or first is decl or decl.more or first.more or first.rows is None or decl.rows is None \
            or first.rows.lin == first.cols.lin or (first.rows.lin, first.cols.lin) != (decl.cols.lin, decl.rows.lin):
        return False
    w.note(decl, f"{sym.text} at {w.src.where(decl.span)} is declared again transposed "
                 f"({w.src.slice(decl.span).strip()}): the same parameters; the first declaration is kept")
    return True
