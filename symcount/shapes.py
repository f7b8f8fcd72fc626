"""Cell -> Shapes: every signal and parameter gets a shape by unifying symbolic dimensions
(symcount.dims) over all equations. Each constraint keeps its evidence: which operation, where.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from . import nodes as N
from .dims import ONE, Lin, Solver, count_text, dims_text, from_dim, latex_dim, unknowns
from .errors import NonConformable, ShapeError, Undetermined
from .source import Span


@dataclass(frozen=True)
class Evidence:
    rule: str        # "product", "sum", "elementwise", "equation", "stack", "declaration"
    text: str        # a sentence: what the operation forces
    span: Span
    equation: str    # the equation's left side, or "" for a declaration


@dataclass(frozen=True)
class ParamShape:
    name: str
    rows: Lin
    cols: Lin
    scalar: bool
    bias: bool
    span: Span                 # first use
    equations: tuple[int, ...]  # indices of the equations that use it
    declared: Span | None
    rows_evidence: tuple[Evidence, ...]
    cols_evidence: tuple[Evidence, ...]


@dataclass(frozen=True)
class SignalShape:
    name: str
    text: str        # as first written, e.g. h_{t-1}
    dim: Lin
    recurrent: bool  # appears at t-1 (or earlier)
    defined: bool    # is the left side of an equation
    span: Span
    evidence: tuple[Evidence, ...]


@dataclass(frozen=True)
class Shapes:
    cell: N.Cell
    params: tuple[ParamShape, ...]
    signals: tuple[SignalShape, ...]
    dims: tuple[str, ...]            # dimension names, in order of first appearance
    dim_latex: tuple[tuple[str, str], ...]  # name -> how to typeset it
    input: str | None
    output: str | None
    input_problem: str = ""
    output_problem: str = ""
    notes: tuple[str, ...] = ()     # things worth a second look, with their location

    def signal(self, name: str) -> SignalShape:
        return next(s for s in self.signals if s.name == name)


def _ident(signal: str) -> str:
    """A signal name as an identifier for d_<name>: h -> h, \\tilde{c} -> ctilde, W_{hi} -> hi."""
    accents = re.findall(r"\\([A-Za-z]+)\{", signal)
    plain = re.sub(r"\\[A-Za-z]+\{|[{}\\^()]", "", signal)
    plain = re.sub(r"[^A-Za-z0-9]", "", plain)
    return (plain or "s") + "".join(accents)


class _Shape:
    __slots__ = ("rows", "cols", "scalar")

    def __init__(self, rows: dict, cols: dict, scalar: bool = False) -> None:
        self.rows, self.cols, self.scalar = rows, cols, scalar


class _Infer:
    def __init__(self, cell: N.Cell, rowvec: bool = False) -> None:
        self.cell = cell
        self.rowvec = rowvec  # signals are row vectors (x_t W^T, as torch.nn.RNN's docs write it)
        self.src = cell.source
        self.s = Solver()
        self.signals: dict[str, _Shape] = {}
        self.sig_first: dict[str, N.Symbol] = {}
        self.recurrent: set[str] = set()
        self.defined: dict[str, N.Equation] = {}
        self.params: dict[str, _Shape] = {}
        self.param_first: dict[str, N.Symbol] = {}
        self.param_eqs: dict[str, list[int]] = {}
        self.summand_only: dict[str, bool] = {}
        self.declared: dict[str, N.Declaration] = {}
        self.eq_label = ""
        self.notes: list[str] = []
        self.noted: set[str] = set()

    def length(self, sh: _Shape) -> dict:
        """The size of a signal: its rows (column vectors) or its columns (row vectors)."""
        return sh.cols if self.rowvec else sh.rows

    # -- helpers for messages --
    def text(self, node) -> str:
        """The source of a node on one line, its middle elided when long."""
        span = node.span
        if span.end - span.start > 200:
            head = " ".join(self.src.text[span.start:span.start + 60].split())
            tail = " ".join(self.src.text[span.end - 60:span.end].split())
            return f"{head[:36]} … {tail[-36:]}"
        text = " ".join(self.src.slice(span).split())
        return text if len(text) <= 80 else f"{text[:36]} … {text[-36:]}"

    def names(self) -> dict[int, str]:
        return _name_free(self)[0]

    def shape_text(self, sh: _Shape) -> str:
        if sh.scalar:
            return "a scalar"
        names = self.names()
        return unknowns(dims_text(self.s.freeze(sh.rows, names), self.s.freeze(sh.cols, names)))

    def provenance(self, node) -> str:
        if isinstance(node, N.Symbol):
            decl = self.declared.get(node.name)
            if decl is not None:
                line, _ = self.src.line_col(decl.span.start)
                return f"declared at {self.src.name}:{line}"
            if node.name in self.signals:
                return "a signal (a column vector)"
            return "a parameter, shaped by its uses so far"
        return "computed from its operands"

    def fail(self, message: str, span: Span, left, right, lsh: _Shape, rsh: _Shape, rule: str,
             hint: str = "") -> NonConformable:
        lt, rt = self.text(left), self.text(right)
        ls, rs = self.shape_text(lsh), self.shape_text(rsh)
        notes = (f"{lt} is {ls}: {self.provenance(left)}", f"{rt} is {rs}: {self.provenance(right)}")
        return NonConformable(message, source=self.src, span=span,
                              context=f"equation for {self.eq_label}" if self.eq_label else "",
                              notes=notes, hint=hint, left=lt, right=rt, left_shape=ls,
                              right_shape=rs, rule=rule)

    # -- the walk --
    def run(self) -> Shapes:
        cell = self.cell
        for eq in cell.equations:
            lhs_syms = [eq.lhs] if isinstance(eq.lhs, N.Symbol) else [
                x for x in N.walk(eq.lhs) if isinstance(x, N.Symbol)]
            for sym in lhs_syms:
                if not isinstance(eq.lhs, N.Symbol) and not isinstance(eq.lhs, N.Concat):
                    break
                if sym.lag not in (None, 0):
                    raise ShapeError(f"the left side {sym.text} is not at time t", source=self.src, span=sym.span,
                                     hint="an equation defines a signal at time t, like h_t = ...")
                prev = self.defined.get(sym.name)
                if prev is not None:
                    line, _ = self.src.line_col(prev.span.start)
                    raise ShapeError(f"{sym.text} is defined twice", source=self.src, span=sym.span,
                                     notes=(f"first defined at {self.src.name}:{line}",),
                                     hint="keep one equation per signal")
                self.defined[sym.name] = eq
        signal_names = set(self.defined)
        for eq in cell.equations:
            for node in (eq.lhs, eq.rhs):
                for x in N.walk(node):
                    if isinstance(x, N.Symbol) and x.lag is not None:
                        signal_names.add(x.name)
        for decl in cell.declarations:
            for sym in decl.symbols:
                if sym.lag is not None:
                    signal_names.add(sym.name)
                self.declared.setdefault(sym.name, decl)
        self.signal_names = signal_names
        # declarations first: they may come after the equations that use them
        for decl in cell.declarations:
            for sym in decl.symbols:
                self.declare(sym, decl)
        for i, eq in enumerate(cell.equations):
            self.eq_label = eq.label
            self.eq_index = i
            lsh = self.shape(eq.lhs, None)
            rsh = self.shape(eq.rhs, None)
            if not rsh.scalar and not lsh.scalar:
                ev = Evidence("equation", f"{self.text(eq.lhs)} is defined as {self.text(eq.rhs)}, so both have one shape", eq.span, eq.label)
                if not (self.s.unify(lsh.rows, rsh.rows, ev) and self.s.unify(lsh.cols, rsh.cols, ev)):
                    raise self.fail(
                        f"the two sides of the equation for {eq.label} have different shapes",
                        eq.span, eq.lhs, eq.rhs, lsh, rsh, "equation")
        self.eq_label = ""
        return _finish(self)

    def note_function_like(self, node: N.Binary) -> None:
        """g(z_t) with a lower-case letter right before the parenthesis reads as a parameter g times
        z_t; a paper may mean a function. Say so, once per name."""
        left = node.left
        if (isinstance(left, N.Symbol) and left.lag is None and len(left.name) == 1 and left.name.islower()
                and self.src.text[left.span.end:left.span.end + 1] == "(" and left.name not in self.noted):
            self.noted.add(left.name)
            self.notes.append(
                f"{left.name}(...) at {self.src.where(left.span)} reads as the parameter {left.name} times (...); "
                f"if {left.name} is a function, write \\operatorname{{{left.name}}}(...)")

    def declare(self, sym: N.Symbol, decl: N.Declaration) -> None:
        is_signal = sym.name in self.signal_names
        sh = self.symbol_shape(sym, is_signal)
        if decl.rows is None:
            if is_signal:
                raise ShapeError(f"{sym.text} is a signal, so it cannot be declared a scalar", source=self.src,
                                 span=decl.span, hint=f"declare its size: {sym.text} \\in \\mathbb{{R}}^{{d}}")
            sh.scalar = True
            sh.rows, sh.cols = dict(ONE), dict(ONE)
            return
        ev = Evidence("declaration", f"{sym.text} is declared in {self.text(decl)}", decl.span, "")
        for d in (decl.rows, decl.cols):
            if not d.terms and d.const < 1:
                raise ShapeError(f"a size must be a positive whole number, not {d.const}", source=self.src,
                                 span=d.span)
        rows, cols = from_dim(decl.rows), from_dim(decl.cols)
        if is_signal:
            self.s.nonconst.difference_update(v for v in self.length(sh) if isinstance(v, int))
        if self.rowvec and cols == ONE:
            rows, cols = cols, rows  # a declared vector is a row, like the signals
        if not (self.s.unify(sh.rows, rows, ev) and self.s.unify(sh.cols, cols, ev)):
            line, _ = self.src.line_col(self.declared[sym.name].span.start)
            raise ShapeError(f"{sym.text} is declared twice with different shapes", source=self.src,
                             span=decl.span, notes=(f"first declared at {self.src.name}:{line}",),
                             hint="keep one declaration")

    def symbol_shape(self, sym: N.Symbol, is_signal: bool) -> _Shape:
        table = self.signals if is_signal else self.params
        sh = table.get(sym.name)
        if sh is None:
            if is_signal:
                length = self.s.fresh()
                sh = _Shape(dict(ONE), length) if self.rowvec else _Shape(length, dict(ONE))
                self.s.nonconst.update(length)
                self.sig_first[sym.name] = sym
            else:
                sh = _Shape(self.s.fresh(), self.s.fresh())
            table[sym.name] = sh
        return sh

    def shape(self, node, parent: str | None) -> _Shape:
        if isinstance(node, N.Symbol):
            is_signal = node.name in self.signal_names
            sh = self.symbol_shape(node, is_signal)
            if is_signal:
                self.sig_first.setdefault(node.name, node)
                if node.lag is not None and node.lag > 0:
                    self.recurrent.add(node.name)
            else:
                if node.name not in self.param_first or self.param_first[node.name].span.start > node.span.start:
                    self.param_first.setdefault(node.name, node)
                eqs = self.param_eqs.setdefault(node.name, [])
                if not eqs or eqs[-1] != self.eq_index:
                    eqs.append(self.eq_index)
                self.summand_only[node.name] = self.summand_only.get(node.name, True) and parent == "add"
            return sh
        if isinstance(node, N.Number):
            return _Shape(dict(ONE), dict(ONE), True)
        if isinstance(node, (N.Apply, N.Neg)):
            return self.shape(node.arg, None)
        if isinstance(node, N.Transpose):
            sh = self.shape(node.arg, None)
            return _Shape(sh.cols, sh.rows, sh.scalar)
        if isinstance(node, N.Concat):
            shapes = [self.shape(x, None) for x in node.items]
            along, across = ("cols", "rows") if self.rowvec else ("rows", "cols")
            total: dict = {}
            for x, sh in zip(node.items, shapes):
                for v, k in getattr(sh, along).items():
                    total[v] = total.get(v, 0) + k
                if sh is not shapes[0]:
                    noun = "rows" if self.rowvec else "columns"
                    ev = Evidence("stack", f"{self.text(x)} is stacked with {self.text(node.items[0])}, so both have as many {noun}", node.span, self.eq_label)
                    if not self.s.unify(getattr(shapes[0], across), getattr(sh, across), ev):
                        raise self.fail(f"cannot stack {self.text(node.items[0])} and {self.text(x)}: they have different numbers of {noun}",
                                        node.span, node.items[0], x, shapes[0], sh, "stack")
            first = getattr(shapes[0], across)
            return _Shape(first, total) if self.rowvec else _Shape(total, first)
        assert isinstance(node, N.Binary)
        # walk the left spine iteratively: a flat sum of a thousand terms is a tree that deep
        spine = [node]
        while isinstance(spine[-1].left, N.Binary):
            spine.append(spine[-1].left)
        acc = self.shape(spine[-1].left, "add" if spine[-1].op in ("add", "sub") else None)
        for b in reversed(spine):
            acc = self.combine(b, acc, self.shape(b.right, "add" if b.op in ("add", "sub") else None))
        return acc

    def combine(self, node: N.Binary, lsh: _Shape, rsh: _Shape) -> _Shape:
        """The shape of a binary operation whose operands have these shapes (or an error)."""
        op = node.op
        additive = op in ("add", "sub")
        if lsh.scalar:
            return rsh
        if rsh.scalar:
            return lsh
        lt, rt = self.text(node.left), self.text(node.right)
        if op == "matmul":
            self.note_function_like(node)
            ev = Evidence("product", f"{lt} multiplies {rt}, so the columns of {lt} equal the rows of {rt}", node.span, self.eq_label)
            if not self.s.unify(lsh.cols, rsh.rows, ev):
                names = self.names()
                lc, rr = self.s.freeze(lsh.cols, names), self.s.freeze(rsh.rows, names)
                hint = ""
                if isinstance(node.left, N.Symbol) and node.left.name in self.declared:
                    lr = self.s.freeze(lsh.rows, names)
                    hint = f"{lt} multiplying {rt} needs {rr} columns; declare {lt} \\in \\mathbb{{R}}^{{{lr} \\times {rr}}}"
                elif node.explicit is False and lc == Lin((), 1):
                    hint = f"for an elementwise product write {lt} \\odot {rt}"
                raise self.fail(f"cannot multiply {lt} ({self.shape_text(lsh)}) by {rt} ({self.shape_text(rsh)}): "
                                f"{lt} has {unknowns(count_text(lc, 'column'))}, {rt} has {unknowns(count_text(rr, 'row'))}",
                                node.span, node.left, node.right, lsh, rsh, "product", hint)
            return _Shape(lsh.rows, rsh.cols)
        verb = {"add": "is added to", "sub": "is subtracted from"}.get(op, "is multiplied elementwise by")
        ev = Evidence("sum" if additive else "elementwise",
                      f"{rt} {verb} {lt}, so both have one shape", node.span, self.eq_label)
        if not (self.s.unify(lsh.rows, rsh.rows, ev) and self.s.unify(lsh.cols, rsh.cols, ev)):
            action = {"add": "add", "sub": "subtract"}.get(op, "take the elementwise product of")
            joiner = {"sub": "from"}.get(op, "and")
            a, b = (rt, lt) if op == "sub" else (lt, rt)
            raise self.fail(f"cannot {action} {a} ({self.shape_text(rsh if op == 'sub' else lsh)}) {joiner} {b} "
                            f"({self.shape_text(lsh if op == 'sub' else rsh)}): {'a sum' if additive else 'an elementwise product'} needs equal shapes",
                            node.span, node.left, node.right, lsh, rsh, "sum" if additive else "elementwise")
        return lsh


def _name_free(inf: _Infer) -> tuple[dict[int, str], list[str]]:
    """Names for the free flexible variables: d_<signal>, recurrent states first, then reading order."""
    s = inf.s
    taken = {v for sh in list(inf.signals.values()) + list(inf.params.values())
             for lin in (sh.rows, sh.cols) for v in s.resolve(lin) if isinstance(v, str)}
    names: dict[int, str] = {}
    order = sorted(inf.sig_first, key=lambda n: (n not in inf.recurrent, inf.sig_first[n].span.start))
    for sig in order:
        r = s.resolve(inf.length(inf.signals[sig]))
        if len(r) == 1:
            (v, k), = r.items()
            if isinstance(v, int) and k == 1 and v not in names:
                base = f"d_{_ident(sig)}"
                name, i = base, 2
                while name in taken:
                    name, i = f"{base}{i}", i + 1
                taken.add(name)
                names[v] = name
    return names, order


def _finish(inf: _Infer) -> Shapes:
    s = inf.s
    names, order = _name_free(inf)
    for sig in sorted(inf.sig_first, key=lambda n: inf.sig_first[n].span.start):
        first = inf.sig_first[sig]
        dim = s.freeze(inf.length(inf.signals[sig]), names)
        if not any(n.startswith("?") for n, _ in dim.terms):
            _must_be_positive(inf, dim, f"{first.text} to have size {dim}", first.span)
    # parameters: every dimension must be named by now
    params = []
    for name, sh in sorted(inf.params.items(), key=lambda kv: inf.param_first[kv[0]].span.start if kv[0] in inf.param_first else 1 << 60):
        if name not in inf.param_first:
            continue  # declared but never used: not a parameter of this cell
        first = inf.param_first[name]
        for which, lin in (("rows", sh.rows), ("columns", sh.cols)):
            free = [v for v in s.resolve(lin) if isinstance(v, int) and v not in names]
            if free:
                eq = inf.cell.equations[inf.param_eqs[name][0]]
                raise Undetermined(
                    f"cannot determine the number of {which} of {first.text}: no signal or declaration fixes it",
                    source=inf.src, span=first.span, context=f"equation for {eq.label}",
                    hint=(f"if {name} is a function, write \\operatorname{{{name}}}(...); if it is a weight, declare "
                          f"its shape, e.g. {first.text} \\in \\mathbb{{R}}^{{m \\times n}}" if name in inf.noted else
                          f"declare its shape, e.g. {first.text} \\in \\mathbb{{R}}^{{m \\times n}}"))
        rows, cols = s.freeze(sh.rows, names), s.freeze(sh.cols, names)
        for which, lin in (("rows", rows), ("columns", cols)):
            _must_be_positive(inf, lin, f"{first.text} to have {lin} {which}", first.span)
        vector = (rows if inf.rowvec else cols) == Lin((), 1)
        bias = inf.summand_only.get(name, False) and vector and not sh.scalar
        decl = inf.declared.get(name)

        def ev_of(lin):
            out, seen = [], set()
            for v in lin:
                for i in s.touches.get(v, ()) if isinstance(v, int) else ():
                    if i not in seen:
                        seen.add(i)
                        out.append(s.evidence[i])
            return tuple(out)
        params.append(ParamShape(name, rows, cols, sh.scalar, bias, first.span,
                                 tuple(inf.param_eqs[name]), decl.span if decl else None,
                                 ev_of(sh.rows), ev_of(sh.cols)))
    signals = []
    for sig in sorted(inf.sig_first, key=lambda n: inf.sig_first[n].span.start):
        sh = inf.signals[sig]
        length = inf.length(sh)
        dim = s.freeze(length, names)
        if any(n.startswith("?") for n, _ in dim.terms):
            # a signal whose size only other free sizes explain: name what is left
            for v in s.resolve(length):
                if isinstance(v, int) and v not in names:
                    names[v] = f"k_{len(names) + 1}"
            dim = s.freeze(length, names)
        evs = tuple(s.evidence[i] for v in length if isinstance(v, int) for i in s.touches.get(v, ()))
        first = inf.sig_first[sig]
        signals.append(SignalShape(sig, first.text, dim, sig in inf.recurrent, sig in inf.defined,
                                   first.span, evs))
    dims: list[str] = []
    for sh in signals:
        for n, _ in sh.dim.terms:
            if n not in dims:
                dims.append(n)
    for p in params:
        for lin in (p.rows, p.cols):
            for n, _ in lin.terms:
                if n not in dims:
                    dims.append(n)
    inp, inp_problem = _pick_input(inf, signals)
    out, out_problem = _pick_output(inf, signals)
    return Shapes(inf.cell, tuple(params), tuple(signals), tuple(dims),
                  tuple((d, latex_dim(d)) for d in dims), inp, out, inp_problem, out_problem,
                  tuple(inf.notes))


def _must_be_positive(inf: _Infer, lin: Lin, what: str, span: Span) -> None:
    """A size that no positive dimensions can make positive (0, -d_h) is an error."""
    if lin.const <= 0 and all(k < 0 for _, k in lin.terms):
        raise ShapeError(f"the equations force {what}, which is never positive", source=inf.src, span=span,
                         hint="check the stacked vectors and sums that contain it: a size must be at least 1")


def _directive(inf: _Infer, key: str) -> N.Directive | None:
    found = [d for d in inf.cell.directives if d.key == key]
    if not found:
        return None
    d = found[-1]
    if d.symbol.name not in inf.signals:
        raise ShapeError(f"the {key} {d.symbol.text} named by the directive is not a signal of this cell",
                         source=inf.src, span=d.span,
                         hint="name a signal that the equations use, like x_t or h_t")
    return d


def _pick_input(inf: _Infer, signals) -> tuple[str | None, str]:
    d = _directive(inf, "input")
    if d is not None:
        if d.symbol.name in inf.defined:
            raise ShapeError(f"the input {d.symbol.text} named by the directive is defined by an equation",
                             source=inf.src, span=d.span,
                             hint="a layer's input is a signal that no equation defines, like x_t")
        return d.symbol.name, ""
    external = [s.name for s in signals if not s.defined]
    if len(external) == 1:
        return external[0], ""
    if not external:
        return None, "every signal is defined by an equation, so none is the layer's input"
    return None, "the cell reads several signals that no equation defines (" + ", ".join(
        s.text for s in signals if not s.defined) + ")"


def _pick_output(inf: _Infer, signals) -> tuple[str | None, str]:
    d = _directive(inf, "output")
    if d is not None:
        return d.symbol.name, ""
    if "h" in inf.signals:
        return "h", ""
    rec = [s.name for s in signals if s.recurrent]
    if len(rec) == 1:
        return rec[0], ""
    return None, "the cell has no state named h" + (
        " and several recurrent states (" + ", ".join(rec) + ")" if rec else "")


def infer(cell: N.Cell) -> Shapes:
    """Shapes with signals as column vectors, or as row vectors where a signal multiplies from the
    left (x_t W^T, as torch.nn.RNN's documentation writes it); if that fails, the other way."""
    try:
        return _infer(cell)
    except RecursionError:
        raise ShapeError("the equations nest too deeply to follow", source=cell.source,
                         span=cell.equations[0].span, hint="use fewer nested parentheses") from None


def _infer(cell: N.Cell) -> Shapes:
    first = _left_multiplies(cell)
    try:
        return _Infer(cell, rowvec=first).run()
    except NonConformable as error:
        try:
            return _Infer(cell, rowvec=not first).run()
        except ShapeError:
            raise error from None


def _left_multiplies(cell: N.Cell) -> bool:
    for eq in cell.equations:
        for node in N.walk(eq.rhs):
            if isinstance(node, N.Binary) and node.op == "matmul":
                left = node.left
                while isinstance(left, N.Binary) and left.op == "matmul":
                    left = left.right
                right = node.right
                while isinstance(right, N.Binary) and right.op == "matmul":
                    right = right.left
                while isinstance(right, N.Transpose):
                    right = right.arg
                if (isinstance(left, N.Symbol) and left.lag is not None
                        and isinstance(right, N.Symbol) and right.lag is None):
                    return True  # a signal times a parameter: x_t W^T
    return False
