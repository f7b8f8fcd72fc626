"""Cell -> Shapes, in phases: the roles of the symbols (symcount.roles), a walk that unifies
(symcount.unify), names for the dimensions the input left open, and the results: every signal and
parameter with its shape and the evidence for each dimension.
"""
from __future__ import annotations

from ..read import patterns as re  # re, with the package's patterns compiled ahead (read.patterns)
from operator import attrgetter

from ..read import nodes as N
from ..read.choices import Choice, current
from ..read.names import dim_latex
from ..errors import Record, ShapeError, Undetermined, replace
from ..limits import MAX_DIMENSIONS, MAX_EQUATIONS, MAX_PARAMETERS
from ..read.nodes import Lin
from .retries import lower_case_choice, retries, settled_transposes, transposed_hint
from .roles import Roles, roles as find_roles
from ..read.source import Span
from .unify import Evidence, Walker, matrix_states_ahead
from .operations import Operation, sized
from .biasprose import omitted_biases
from .stepless import partial_cell
from .wholecell import (unread_updates, excluded_weights, affine_weights, first_layer, learned_initial_states, listed_parameters, no_parameters, framework_biases, shared_gates,
                        structured_weights, summed_biases, unsaid_complex)


class ParamShape(Record):
    __slots__ = ('name', 'rows', 'cols', 'scalar', 'bias', 'span', 'equations', 'declared', 'rows_evidence', 'cols_evidence', 'kernel', 'diagonal', 'complex', 'reals')
    _defaults = {'kernel': (), 'diagonal': False, 'complex': False, 'reals': 1}
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
    kernel: tuple[Lin, ...]  # a convolution kernel's spatial sizes (k x k), beyond rows x cols
    diagonal: bool        # a square weight the text calls diagonal: one parameter per row
    complex: bool         # declared in \mathbb{C}: complex arithmetic
    reals: int            # parameters per entry: 2 for a complex entry read as two reals, else 1


class SignalShape(Record):
    __slots__ = ('name', 'text', 'dim', 'recurrent', 'defined', 'span', 'evidence', 'cols')
    _defaults = {'cols': N.ONE}
    name: str
    text: str        # as first written, e.g. h_{t-1}
    dim: Lin
    recurrent: bool  # appears at t-1 (or earlier)
    defined: bool    # is the left side of an equation
    span: Span
    evidence: tuple[Evidence, ...]
    cols: Lin  # a matrix-valued state (C_t \in \mathbb{R}^{d_v \times d_k}): dim rows x cols


class Shapes(Record):
    __slots__ = ('cell', 'params', 'signals', 'dims', 'dim_latex', 'input', 'output', 'input_problem', 'output_problem', 'notes', 'evidence', 'sized', 'batch', 'heads', 'shared', 'once')
    _defaults = {'input_problem': "", 'output_problem': "", 'notes': (), 'evidence': (), 'sized': (), 'batch': (), 'heads': None, 'shared': frozenset(), 'once': frozenset()}
    cell: N.Cell
    params: tuple[ParamShape, ...]
    signals: tuple[SignalShape, ...]
    dims: tuple[str, ...]            # dimension names, in order of first appearance
    dim_latex: tuple[tuple[str, str], ...]  # name -> how to typeset it
    input: str | None
    output: str | None
    input_problem: str
    output_problem: str
    notes: tuple[str, ...]     # things worth a second look, with their location
    evidence: tuple[Evidence, ...]  # every constraint, in the order of the walk
    sized: object  # the operations (a tuple), or what sizes them when first read (see operations)
    batch: tuple[str, ...]      # declared batch sizes (X_t \in \mathbb{R}^{n \times d}: n)
    heads: str | None         # `% symcount: heads H`: the cell is one head of a layer of H
    shared: frozenset[str]   # parameters one for all heads (`% symcount: shared W_R`)
    once: frozenset[int]     # equations computed once for all heads (shared inputs only)

    @property
    def operations(self) -> tuple[Operation, ...]:
        """Every operation, in the order of evaluation: sized when first read (the cost's and the explanation's
        to read; a count alone never does), then kept in its slot."""
        ops = self.sized
        if ops.__class__ is not tuple:
            ops = ops()
            Shapes.__dict__["sized"].__set__(self, ops)
        return ops

    def signal(self, name: str) -> SignalShape:
        return next(s for s in self.signals if s.name == name)


# equal as they were with their operations made: compared (and hashed) by the operations, sized if need be
Shapes._compared = staticmethod(attrgetter(*("operations" if n == "sized" else n for n in Shapes._compared_fields)))


def infer(cell: N.Cell) -> Shapes:
    """The shapes of every signal and parameter, by the readings (symcount.readings), the roles
    (symcount.roles) and the unifying walk (symcount.unify)."""
    from ..read.readings import readings
    try:
        cell = lower_case_choice(settled_transposes(readings(cell)))
        try:
            return _within_limits(_results(_walk(find_roles(cell))))
        except ShapeError as exc:
            for plain in retries(cell):  # each retry only where it applies
                try:
                    return _within_limits(_results(_walk(find_roles(plain))))
                except ShapeError:
                    pass
            hint = transposed_hint(cell, _fits)
            if hint and hint not in exc.hint:
                exc.hint = f"{exc.hint}; {hint}" if exc.hint else hint
            raise
    except RecursionError:
        raise ShapeError("the equations nest too deeply to follow", source=cell.source,
                         span=cell.equations[0].span, hint="use fewer nested parentheses") from None


def _fits(cell: N.Cell) -> bool:
    try:
        _results(_walk(find_roles(cell)))
    except ShapeError:
        return False
    return True


def _within_limits(shapes: Shapes) -> Shapes:
    """The shapes, if the cell is within symcount's limits on equations, dimensions and parameters."""
    for what, n, limit in (("equations", len(shapes.cell.equations), MAX_EQUATIONS),
                           ("dimensions", len(shapes.dims), MAX_DIMENSIONS),
                           ("parameter tensors", len(shapes.params), MAX_PARAMETERS)):
        if n > limit:
            raise ShapeError(f"the cell has {n:,} {what}; symcount counts cells of at most {limit:,}",
                             source=shapes.cell.source, hint="give symcount one cell's equations")
    return shapes


def _walk(r: Roles) -> Walker:
    partial_cell(r)
    w = Walker(r, lambda walker: name_free(walker)[0])
    for decl in r.cell.declarations:  # declarations first: they may come after the equations that use them
        for k, sym in enumerate(decl.symbols):
            w.declare(sym, decl, bool(decl.transposed and decl.transposed[k]))
    matrix_states_ahead(w)
    errors: list[ShapeError] = []
    for i, eq in enumerate(r.cell.equations):
        try:
            w.equation(i, eq)
        except ShapeError as exc:  # go on: another equation's error is reported in the same run
            errors.append(exc)
    if errors:
        raise errors[0].with_others(errors[1:])
    return w


# ---- naming: d_<signal> for the sizes the input left open ----------------------------------------
def _ident(signal: str) -> str:
    """A signal name as an identifier for d_<name>: h -> h, \\tilde{c} -> ctilde, W_{hi} -> hi."""
    if "\\" not in signal:  # no command: its letters and digits (the steps below keep just these)
        return re.sub(r"[^A-Za-z0-9]", "", signal) or "s"
    short = {"overrightarrow": "fw", "overleftarrow": "bw", "mathbf": "", "mathcal": "cal", "check": "pre"}
    accents = [short.get(a, a) for a in re.findall(r"\\([A-Za-z]+)\{", signal)]
    plain = re.sub(r"\\[A-Za-z]+\{|[{}\\^()]", "", signal)
    plain = re.sub(r"[^A-Za-z0-9]", "", plain)
    return (plain or "s") + "".join(accents)


def name_free(w: Walker) -> tuple[dict[int, str], list[str]]:
    """Names for the free flexible variables: d_<signal>, recurrent states first, then reading
    order; and the signals in that order."""
    s, first = w.solver, w.roles.first
    used = [sh for n, sh in w.params.items() if n in w.roles.param_equations]  # (a declared, unused one's sizes name nothing)
    forms = [lin for sh in list(w.signals.values()) + used for lin in (sh.rows, sh.cols)]
    # the names the sizes hold (declared ones), resolved: none where no form holds one and none was unified
    # (every name a resolved form holds is the form's own or came in through Solver.unify, Solver.named)
    named = s.named or any(isinstance(v, str) for lin in forms for v in lin)
    taken = {v for lin in forms for v in s.resolve(lin) if isinstance(v, str)} if named else set()
    names: dict[int, str] = {}
    order = sorted(w.signals, key=lambda n: (n not in w.roles.recurrent, first[n].span.start))
    for sig in order:
        r = s.resolve(w.length(w.signals[sig]))
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


# ---- results --------------------------------------------------------------------------------------
def _results(w: Walker) -> Shapes:
    names, _ = name_free(w)
    signals = _signals(w, names)  # names the sizes that only other free sizes explain
    memo: dict[int, Lin] = {}  # id of a form -> the form frozen: most evidence shares a few forms
    w.sizes.names, w.sizes.memo = names, memo  # every size named: the evidence is frozen when read (Evidence.dims)
    evidence = w.solver.evidence
    params = _params(w, names, evidence)
    if not params:
        no_parameters(w)
    listed_parameters(w, params)
    omitted_biases(w, params)
    excluded_weights(w, params)
    unsaid_complex(w, params)
    framework_biases(w, params)
    learned_initial_states(w)
    shared_gates(w)
    affine_weights(w, params)
    structured_weights(w)
    params = summed_biases(w, params)
    dims: dict[str, None] = {}  # in order of first appearance
    for lin in [s.dim for s in signals] + [x for p in params for x in (p.rows, p.cols) + p.kernel]:
        for n, _ in lin.terms:
            for f in N.factors(n):
                dims.setdefault(f)
    first_layer(w, signals)
    unread_updates(w, signals)
    inp, inp_problem = _pick_input(w, signals)
    out, out_problem = _pick_output(w, signals)
    heads, shared, once = _heads(w, params, inp)
    if heads:
        dims.setdefault(heads)
    return Shapes(w.roles.cell, tuple(params), tuple(signals), tuple(dims),
                  tuple((d, dim_latex(d)) for d in dims), inp, out, inp_problem, out_problem,
                  tuple(w.roles.notes) + tuple(w.notes), tuple(evidence), lambda: sized(w, names, params, memo),
                  tuple(sorted(w.batch)), heads, shared, once)


def _heads(w: Walker, params: list[ParamShape], inp: str | None) -> tuple[str | None, frozenset, frozenset]:
    """`% symcount: heads H`: the equations are one head's; every parameter is one per head but those
    `% symcount: shared` names. A shared signal's equation is computed once for all heads, and so is
    an equation that reads only shared parameters and signals computed once (the input); the
    parameters used only in such equations (a \\text{Linear}'s, a convolution's) are shared too."""
    found = [d for d in w.roles.cell.directives if d.key == "heads"]
    shared_named = {d.symbol.name: d for d in w.roles.cell.directives if d.key == "shared"}
    if not found:
        if shared_named:
            d = next(iter(shared_named.values()))
            raise ShapeError("`% symcount: shared` needs `% symcount: heads H`: shared by the heads of what?",
                             source=w.src, span=d.span, hint="add `% symcount: heads H` naming the head count (or --heads H)")
        return None, frozenset(), frozenset()
    heads = found[-1].symbol.name
    names = {p.name for p in params}
    for name, d in shared_named.items():
        if name not in names and name not in w.roles.defined:
            raise ShapeError(f"the shared {d.symbol.text} is not a parameter or a computed signal of this cell",
                             source=w.src, span=d.span, hint="name a parameter the equations use (W_o) or a signal they define")
    once: set[int] = set()
    computed_once = {inp} if inp else set()
    for i, eq in enumerate(w.roles.cell.equations):
        syms = [x for x in N.walk(eq.rhs) if isinstance(x, N.Symbol)]
        if eq.lhs.name in shared_named or (
                all(x.name in shared_named or x.name in computed_once or x.name in w.roles.constants or
                    (x.name not in w.signals and x.name not in names) for x in syms) and
                not any(_has_params(x) for x in N.walk(eq.rhs))):
            once.add(i)
            computed_once.add(eq.lhs.name)
    shared = {n for n in shared_named if n in names} | {p.name for p in params if all(e in once for e in p.equations)}
    return heads, frozenset(shared), frozenset(once)


def _has_params(x) -> bool:
    """A function application that brings parameters of its own (\\text{Linear}, a norm, a convolution)."""
    from ..read.words import kind as function_kind
    return isinstance(x, N.Apply) and not x.each and function_kind(x.func) in ("linear", "norm", "conv")


def _by_first(w: Walker, table: dict) -> list[str]:
    return sorted(table, key=lambda n: w.roles.first[n].span.start)


def _signals(w: Walker, names: dict[int, str]) -> list[SignalShape]:
    s, out, order = w.solver, [], _by_first(w, w.signals)  # (in the order of first use, found once)
    for sig in order:
        first = w.roles.first[sig]
        dim = s.freeze(w.length(w.signals[sig]), names)
        if not any(n.startswith("?") for n, _ in dim.terms):
            _must_be_positive(w, dim, lambda: f"{first.text} to have size {dim}", first.span)
    for sig in order:
        length = w.length(w.signals[sig])
        for v in s.free(length, names):  # a size that only other free sizes explain: name what is left
            names[v] = f"k_{len(names) + 1}"
        evs = tuple([s.evidence[i] for v in length if isinstance(v, int) for i in s.touches.get(v, ())])
        first = w.roles.first[sig]
        sh = w.signals[sig]
        matrix = sig in w.matrix_states
        out.append(SignalShape(sig, first.text, s.freeze(sh.rows if matrix else length, names), sig in w.roles.recurrent,
                               sig in w.roles.defined, first.span, evs, s.freeze(sh.cols, names) if matrix else N.ONE))
    return out


def _params(w: Walker, names: dict[int, str], evidence: list[Evidence]) -> list[ParamShape]:
    """Every parameter the equations use (a declared, unused one is not a parameter of this cell;
    one another equation defines, or a constant, neither), and the implicit ones of functions
    (\text{Linear}, LayerNorm), in order of first use; each dimension must have a name by now."""
    s, r, out = w.solver, w.roles, []
    counted = [n for n in w.params if n in r.param_equations and n not in r.derived and n not in r.constants]
    order = sorted([(r.first[n].span.start, n, w.params[n], r.first[n], r.param_equations[n], r.declared.get(n), False)
                    for n in counted] +
                   [(i.node.span.start, i.name, i.shape, i.node, (i.equation,), None, i.bias) for i in w.implicit.values()],
                   key=lambda x: x[0])
    for _, name, sh, first, eqs, decl, implicit_bias in order:
        text = first.text if isinstance(first, N.Symbol) else name
        for which, lin in (("rows", sh.rows), ("columns", sh.cols)):
            if s.unnamed(lin, names):
                eq = r.cell.equations[eqs[0]]
                raise Undetermined(
                    f"cannot determine the number of {which} of {text}: no signal or declaration fixes it",
                    source=w.src, span=first.span, context=f"equation for {eq.label}",
                    hint=f"declare its shape, e.g. {text} \\in \\mathbb{{R}}^{{m \\times n}}")
        rows, cols = s.freeze(sh.rows, names), s.freeze(sh.cols, names)
        for which, lin in (("rows", rows), ("columns", cols)):
            _must_be_positive(w, lin, lambda: f"{text} to have {lin} {which}", first.span)
        bias = implicit_bias or (name in r.summand_only and (cols.is_one or rows.is_one) and not sh.scalar)  # a column, or a row (x_t W + b)
        out.append(ParamShape(name, rows, cols, sh.scalar, bias, first.span, tuple(eqs),
                              decl.span if decl else None, _evidence_of(w, sh.rows, evidence),
                              _evidence_of(w, sh.cols, evidence), _kernel(w, name, decl), name in r.diagonal,
                              *_complex(w, first, decl, r.cell.prose)))
    return out


# prose that says how a complex parameter is stored: as its real and imaginary parts
_TWO_REALS = re.compile(r"real and imaginary part|imaginary and real part|two reals?\b", re.I)


def _complex(w: Walker, first, decl: N.Declaration | None, prose: str) -> tuple[bool, int]:
    """A parameter declared in \\mathbb{C}, and its parameters per entry: two reals (its real and
    imaginary parts) or one (torch's numel of a complex tensor), a reading unless the prose says."""
    if decl is None or decl.field != "complex":
        return False, 1
    where = w.src.where(first.span)
    said = _TWO_REALS.search(prose) is not None
    reals = current().pick(Choice("complex", ("reals", "entries"), where, "how an entry of a complex parameter "
                                  "is counted: two real parameters, or one (torch's numel of a complex tensor)"),
                           ambiguous=not said)
    shown = ' '.join(w.src.slice(decl.span).split())
    w.note(first, f"{first.text} at {where} is declared complex ({shown}): "
                  + ("two real parameters per entry" + (", as the text says" if said else "") if reals == "reals"
                     else "one parameter per entry, as torch counts a complex tensor"))
    return True, 2 if reals == "reals" else 1


def _kernel(w: Walker, name: str, decl: N.Declaration | None) -> tuple[Lin, ...]:
    """A convolution kernel's sizes beyond its output and input channels (k x k), as declared."""
    if name not in w.kernels:
        return ()
    if (decl is None or not decl.more) and w.roles.glossary.kernel:
        w.note(w.kernels[name], f"{name} is a convolution kernel of size "
               f"{' x '.join(w.roles.glossary.kernel)}, as the text says")
        return tuple(Lin(((k, 1),)) if not k.isdigit() else Lin((), int(k)) for k in w.roles.glossary.kernel)
    if decl is None or not decl.more:
        node = w.kernels[name]
        raise ShapeError(f"cannot determine the kernel size of {w.text(node.left)}: it is a convolution kernel, but the "
                         "text gives no kernel size",
                         source=w.src, span=node.left.span,
                         hint=f"declare it, e.g. {w.text(node.left)} \\in \\mathbb{{R}}^{{k \\times k \\times C_{{in}} \\times C_{{out}}}}")
    return tuple(size.lin for size in (decl.rows, decl.cols) + decl.more)[:-2]


def _evidence_of(w: Walker, lin: dict, evidence: list[Evidence]) -> tuple[Evidence, ...]:
    """The evidence that constrained a parameter's own variable, each once, in order."""
    out, seen = [], set()
    for v in lin:
        for i in w.solver.touches.get(v, ()) if isinstance(v, int) else ():
            if i not in seen:
                seen.add(i)
                out.append(evidence[i])
    return tuple(out)


def _must_be_positive(w: Walker, lin: Lin, what, span: Span) -> None:
    """A size that no positive dimensions can make positive (0, -d_h, 1 - d_x: each dimension at least
    1, a size with no positive term is largest where all are 1) is an error; `what()` says what it sizes."""
    if (not lin.terms or lin.terms[0][1] < 0) and all(k < 0 for _, k in lin.terms) and lin.const + sum(k for _, k in lin.terms) <= 0:
        raise ShapeError(f"the equations force {what()}, which is never positive", source=w.src, span=span,
                         hint="check the stacked vectors and sums that contain it: a size must be at least 1")


# ---- the layer's input and output, for stacking ----------------------------------------------------
def _directive(w: Walker, key: str) -> N.Directive | None:
    found = [d for d in w.roles.cell.directives if d.key == key]
    if not found:
        return None
    d = found[-1]
    if d.symbol.name not in w.signals:
        raise ShapeError(f"the {key} {d.symbol.text} named by the directive is not a signal of this cell",
                         source=w.src, span=d.span, hint="name a signal that the equations use, like x_t or h_t")
    return d


def _pick_input(w: Walker, signals: list[SignalShape]) -> tuple[str | None, str]:
    d = _directive(w, "input")
    if d is not None:
        if d.symbol.name in w.roles.defined:
            raise ShapeError(f"the input {d.symbol.text} named by the directive is defined by an equation",
                             source=w.src, span=d.span,
                             hint="a layer's input is a signal that no equation defines, like x_t")
        return d.symbol.name, ""
    external = [s for s in signals if not s.defined]
    if len(external) == 1:
        return external[0].name, ""
    if not external and not any(s.recurrent for s in signals):
        _reads_no_data(w)
    if not external:
        return None, "every signal is defined by an equation, so none is the layer's input"
    return None, "the cell reads several signals that no equation defines (" + ", ".join(s.text for s in external) + ")"


def _reads_no_data(w: Walker) -> None:
    """A cell whose equations read neither a signal from outside (an input) nor one of an earlier step
    (a state) reads no data: every symbol on the right would be a parameter. A misreading, not a cell
    (K = X_1 W_k, V = X_1 W_v with no time index: the data is one of the factors)."""
    first = w.roles.cell.equations[0]
    names = sorted({p for p in w.roles.param_equations}, key=lambda n: w.roles.first[n].span.start)[:4]
    raise ShapeError("the equations read no data: no signal comes from outside the cell and none from an "
                     f"earlier step, so every symbol on the right would be a parameter ({', '.join(names)})",
                     source=w.src, span=first.span,
                     hint="write the input with its time index (x_t) and the state at the step before (h_{t-1})")


def _pick_output(w: Walker, signals: list[SignalShape]) -> tuple[str | None, str]:
    d = _directive(w, "output")
    if d is not None:
        return d.symbol.name, ""
    if "h" in w.signals:
        return "h", ""
    rec = [s.name for s in signals if s.recurrent]
    if len(rec) == 1:
        return rec[0], ""
    return None, "the cell has no state named h" + (" and several recurrent states (" + ", ".join(rec) + ")" if rec else "")
