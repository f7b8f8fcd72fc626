"""The roles of the symbols, read off the AST before any shape is known: which are signals (they
carry a time index, or an equation computes them from signals), which are parameters (the rest),
which parameters other equations define (W = U V, a tie W_{hf} = W_{hi}: not counted), which
Greek letters are scalars or constants, where each symbol is first used and which equations use it.
"""
from __future__ import annotations

from functools import lru_cache

from ..read import patterns as re  # re, with the package's patterns compiled ahead (read.patterns)
from ..read import nodes as N
from ..read.words import kind
from ..errors import Record, ShapeError, replace
from ..read.choices import Choice, current, key
from ..read.glossary import UNBIASED_LINEAR, Glossary, glossary, mask_constants
from .constants import bounds, called_scalars, divisors, IDENTITY, counts, exponents, greek, hedged, identities, ranged, sides, valued
from .gates import refusals, symbols_with_parents
from ..read.cellwalk import right_nodes
from ..read.droppedweight import summands
from .samestep import same_step_cycle as _same_step_cycle
from .stray import activation_as_value, unread_gate
from .vectorprose import called_vectors



class Roles(Record):
    __slots__ = ('cell', 'signals', 'defined', 'declared', 'recurrent', 'first', 'param_equations', 'summand_only', 'notes', 'derived', 'diagonal', 'scalars', 'constants', 'glossary')
    _defaults = {'diagonal': frozenset(), 'scalars': frozenset(), 'constants': frozenset()}
    _factories = {'derived': dict, 'glossary': Glossary}
    cell: N.Cell
    signals: frozenset[str]                    # names of the signals
    defined: dict[str, N.Equation]             # signal -> the equation that defines it
    declared: dict[str, N.Declaration]         # symbol -> its first declaration
    recurrent: frozenset[str]                  # signals read at another time step than they are defined
    first: dict[str, N.Symbol]                 # every symbol -> its first occurrence (declarations first)
    param_equations: dict[str, tuple[int, ...]]  # parameter -> indices of the equations that use it
    summand_only: frozenset[str]               # parameters only ever added: candidates for biases
    notes: tuple[str, ...]
    derived: dict[str, N.Equation]  # parameters defined by an equation
    diagonal: frozenset[str]     # square weights the text calls diagonal: one entry per row
    scalars: frozenset[str]      # Greek letters read as learned scalars
    constants: frozenset[str]    # symbols the text fixes: no parameters
    glossary: Glossary

    def is_signal(self, name: str) -> bool:
        return name in self.signals


def _summed_linear_maps(cell: N.Cell) -> None:
    """lin_x(x_t) + lin_h(h_{t-1}): two linear maps added, each with a bias the text does not state,
    are counted one way by one implementation and another way by the next (torch's LSTM keeps both
    biases, others one): refused."""
    if "ias" in cell.prose and UNBIASED_LINEAR.search(cell.prose):
        return  # "a linear layer without bias": each map's weight alone
    if sum(1 for a in right_nodes(cell, N.Apply) if kind(a.func) == "linear") < 2:
        return  # (two maps needed: a long cell's common case, without its walks)
    for eq in cell.equations:
        for side in sides(eq)[1:]:
            inner: set[int] = set()  # the sums inside a chain already read: each chain is read once
            for n in N.walk(side):  # parents first: a chain before the sums inside it
                if isinstance(n, N.Binary) and n.op in ("add", "sub") and id(n) not in inner:
                    terms = [t for t in _chain(n, inner) if isinstance(t, N.Apply) and kind(t.func) == "linear"]
                    if len(terms) > 1:
                        raise ShapeError("two linear maps are added, and the text does not say whether each has a bias",
                                         source=cell.source, span=n.span,
                                         notes=(f"{' '.join(cell.source.slice(terms[0].span).split())} and "
                                                f"{' '.join(cell.source.slice(terms[1].span).split())}",),
                                         hint="write the weights and the biases, like W_x x_t + W_h h_{t-1} + b")


def _one_weight_in_every_gate(cell: N.Cell) -> None:
    """a = \\tanh(U x + L h), i = \\sigma(U x + L h + ...), f = ..., o = ...: the same weight times the
    same signal in three gates or more makes the gates one gate; the text writes one matrix where
    the cell slices it into the gates (chainer's `upward`), so its count is not what it reads."""
    seen: dict[tuple, set[int]] = {}
    where: dict[tuple, N.Binary] = {}
    for i, eq in enumerate(cell.equations):
        for side in sides(eq)[1:]:
            for n in N.walk(side):
                if (isinstance(n, N.Binary) and n.op == "matmul" and isinstance(n.left, N.Symbol) and n.left.lag is None
                        and (isinstance(n.right, N.Symbol) or isinstance(n.right, N.Concat)
                             and all(isinstance(x, N.Symbol) for x in n.right.items))):
                    # (N.key's numbering of a product of two symbols, spelt out: equal exactly when N.key's is; and
                    # of a weight and a stack of symbols, w[H_{t-1}, X_t])
                    right = ((n.right.font, n.right.name, n.right.lag),) if isinstance(n.right, N.Symbol) else \
                        tuple((x.font, x.name, x.lag) for x in n.right.items)
                    k = (n.left.font, n.left.name, right)
                    seen.setdefault(k, set()).add(i)
                    where.setdefault(k, n)
    for k, eqs in seen.items():
        if len(eqs) >= 3:
            n = where[k]
            span = N.Span(n.left.span.start, n.right.span.end)
            raise ShapeError(f"{' '.join(cell.source.slice(span).split())} is in {len(eqs)} equations: one weight in "
                             "every gate would make the gates one gate", source=cell.source, span=span,
                             hint="the text likely writes one matrix for the weights of all the gates; write each "
                                  "gate's weight, like W_i x, W_f x, ...")


def _chain(n, inner: set[int] | None = None) -> list:
    """The terms of a chain of sums and differences; `inner` collects the ids of its sums."""
    out, todo = [], [n]
    while todo:
        x = todo.pop()
        if isinstance(x, N.Binary) and x.op in ("add", "sub"):
            if inner is not None:
                inner.add(id(x))
            todo += [x.right, x.left]
        else:
            out.append(x)
    return out


def roles(cell: N.Cell) -> Roles:
    timed = _timed(cell)
    notes = list(cell.notes)
    _refused_forms(cell)
    signals, derived = _signal_equations(cell, timed)
    inputs = _inputs(cell, signals, derived, notes)
    if inputs:
        signals, derived = _signal_equations(cell, timed | inputs)
    _constant_gates(cell, derived, signals)
    defined = _defined(cell, derived)
    cycled = _same_step_cycle(cell, defined, notes)
    if cycled is not cell:
        cell, defined = cycled, _defined(cycled, derived)
    declared: dict[str, N.Declaration] = {}
    first: dict[str, N.Symbol] = {}  # a declared signal is first seen where it is declared
    for decl in cell.declarations:
        for sym in decl.symbols:
            declared.setdefault(sym.name, decl)
            if sym.name in signals:
                first.setdefault(sym.name, sym)
    unread_gate(cell, signals, defined)
    recurrent: set[str] = set()
    uses: dict[str, list[int]] = {}
    not_summand: set[str] = set()
    for i, eq in enumerate(cell.equations):
        for sym, parent in symbols_with_parents(eq):
            first.setdefault(sym.name, sym)
            if sym.name in signals:
                if sym.lag is not None and (sym.lag > 0 or (sym.lag < 0 and sym.name in defined)):
                    recurrent.add(sym.name)
                continue
            if sym.name in derived and sym is derived[sym.name].lhs:  # W = U V: W's own definition
                continue
            eqs = uses.setdefault(sym.name, [])
            if not eqs or eqs[-1] != i:
                eqs.append(i)
            if parent not in ("add", "sub"):
                not_summand.add(sym.name)
    activation_as_value(cell, set(uses) - set(declared) - set(derived), first)
    if uses:  # (a cell of no parameter at all is refused as that, later)
        refusals(cell, timed - set(defined), inputs, set(uses) - set(declared) - set(derived),
                 {n for n in first if len(n) == 1 and n not in defined})
    gloss = glossary(cell.prose)
    scalars, constants = greek(cell, set(uses) - (set(declared) - _in_an_interval(declared)) - set(derived), gloss, notes)
    scalars |= called_scalars(cell.prose, set(uses) - set(declared) - set(derived) - set(signals), notes)
    exponents(cell, gloss, notes)
    constants |= divisors(cell, counts(cell) & (set(uses) - set(declared) - set(derived) - scalars), constants, gloss, first, notes)
    constants |= ranged(cell, uses, signals, gloss, notes) | valued(cell, uses, signals, gloss, notes) | identities(cell, set(uses) - set(declared) - set(derived), first, notes)
    constants |= mask_constants(gloss, set(uses) - set(signals) - set(declared), first, cell.source, notes)
    constants |= hedged(cell, uses, signals, notes) | bounds(uses, signals, first, gloss, cell.source.where, notes, cell.prose)
    diagonal = _diagonal(cell, uses, first, gloss, notes, signals)
    for name, eq in derived.items():
        notes.append(f"{eq.lhs.text} at {cell.source.where(eq.lhs.span)} is defined from other parameters "
                     f"({' '.join(cell.source.slice(eq.rhs.span).split())}): not counted itself")
    return Roles(cell, frozenset(signals), defined, declared, frozenset(recurrent), first,
                 {k: tuple(v) for k, v in uses.items()}, frozenset(set(uses) - not_summand), tuple(notes),
                 derived, frozenset(diagonal), frozenset(scalars), frozenset(constants), gloss)


def _diagonal(cell: N.Cell, uses, first, gloss: Glossary, notes: list[str], signals=frozenset()) -> set[str]:
    """The weights read as diagonal: those the text calls diagonal ("where $P_i$, $P_f$ and $P_o$
    are diagonal"), unless --read NAME=full says otherwise, and those --read NAME=diagonal names.
    Where the prose calls something diagonal that names none of the weights (torch-rnn's "diagonal
    `W[c->s]`, where `s` is `i`, `f`, or `o`"), each weight on a cell state is diagonal or full, both
    readings explored."""
    reader, out = current(), set()
    weights, recurrent = _weights(cell) if {"@weights", "@recurrent"} & gloss.diagonal else (set(), set())
    on_cell = _on_cell_states(cell, set(uses), signals) if "@cell" in gloss.diagonal else set()
    said_of = {n for n in uses if gloss.calls_diagonal(n, recurrent=n in recurrent, weight=n in weights, on_cell=n in on_cell)}
    unsaid = set() if said_of or not (_SAYS_DIAGONAL.search(cell.prose) or _PEEPHOLE_TIMES.search(cell.prose)) \
        else _on_cell_states(cell, set(uses), signals)
    vectors = called_vectors(cell, set(uses) - said_of - set(signals)) if "ector" in cell.prose else set()  # "$u_f$ is a vector"
    for name in sorted(uses if reader.settled else said_of | unsaid | vectors):  # (nothing settled: only these may be diagonal)
        k = key(name)
        said = name in said_of
        if not said and name not in unsaid | vectors and reader.settled_as(k, ("diagonal", "full")) is None:
            continue
        where = cell.source.where(first[name].span)
        options = ("diagonal", "full") if said or name in vectors else ("full", "diagonal")
        what = " (the text calls it a vector: entry by entry)" if name in vectors else ""
        if reader.pick(Choice(k, options, where, f"{first[name].text} diagonal{what} or full"),
                       ambiguous=name in unsaid | vectors) == "diagonal":
            out.add(name)
            notes.append(f"{first[name].text} at {where} is a diagonal matrix, as "
                         + ("the text says" if said and k not in reader.settled else f"--read {k}=diagonal says")
                         + ": one parameter per row")
    if not said_of and not unsaid:  # W_{ci} c_{t-1} and no word of it: the product as written, with a note
        for name in sorted(_on_cell_states(cell, set(uses), signals, peepholes=True) - out):
            if key(name) not in reader.settled:
                notes.append(f"{first[name].text} at {cell.source.where(first[name].span)} multiplies a cell state: a full "
                             f"matrix, as written (a peephole weight is often diagonal: --read {key(name)}=diagonal)")
    return out


# the prose calls the weights on the cell state diagonal: "the weight matrices from cell to gate
# vectors are diagonal", "diagonal peephole weights"
_SAYS_DIAGONAL = re.compile(r"\b(cell|peepholes?)\b[^.;]{0,80}\bdiagonal\b|\bdiagonal\b[^.;]{0,80}\b(cell|peepholes?)\b"
                            r"|(?:单元|單元|细胞|細胞|记忆|記憶|セル|셀|窥视孔|窺視孔|ピープホール)[^.;。；]{0,60}(?<![块塊])(?:对角|對角|対角|대각)", re.I)


# code beside the equations that multiplies entry by entry by a vector of peephole weights: `c * self.peephole_weights[:, 2]`
_PEEPHOLE_TIMES = re.compile(r"\*[ \t]*(?:self\.|this\.)?\w*peep\w*|\w*peep\w*(?:\[[^\]\n]*\])?[ \t]*\*(?![*=])", re.I)


def _on_cell_states(cell: N.Cell, params: set[str], signals, peepholes: bool = False) -> set[str]:
    """The weights applied to a cell state: a signal whose equation carries its own previous value
    other than through a weight (c_t = f_t c_{t-1} + ...). With `peepholes`, only when another
    signal of the step before is multiplied by a weight (h_{t-1} beside c_{t-1}): a GRU's h is its
    only state, and its weights are the recurrent ones, not peepholes."""
    products = [n for n in right_nodes(cell, N.Binary) if n.op in ("matmul", "star") and n.left.__class__ is N.Symbol
                and n.left.name in params and n.right.__class__ is N.Symbol]
    if not products:
        return set()
    targets = {n.right.name for n in products}  # (a state is asked of these only)
    states = set()
    for eq in cell.equations:
        name = eq.lhs.name if eq.lhs.__class__ is N.Symbol else None
        if name not in signals or name not in targets:
            continue
        walked = N.walk(eq.rhs)
        if not any(n.__class__ is N.Symbol and n.name == name and n.lag for n in walked):
            continue  # (its previous value not written: no weight to look at)
        weighted = {id(n.right) for n in walked if n.__class__ is N.Binary and n.op in ("matmul", "star")
                    and n.left.__class__ is N.Symbol and n.left.name in params}
        if any(n.__class__ is N.Symbol and n.name == name and n.lag and id(n) not in weighted for n in walked):
            states.add(name)
    if peepholes and not any(n.right.lag and n.right.name not in states for n in products):
        return set()
    return {n.left.name for n in products if n.right.name in states}


def _weights(cell: N.Cell) -> tuple[set[str], set[str]]:
    """The names written as a matrix times something (W x_t), and those of them times a signal of
    the step before (U h_{t-1}): what "the weight matrices" and "the recurrent weights" name."""
    weights, recurrent = set(), set()
    for eq in cell.equations:
        for side in sides(eq)[1:]:
            before = N.containing(side, lambda x: isinstance(x, N.Symbol) and x.lag is not None and x.lag > 0)
            for n in N.walk(side):
                if isinstance(n, N.Binary) and n.op == "matmul" and isinstance(n.left, N.Symbol) and n.left.lag is None:
                    weights.add(n.left.name)
                    if id(n.right) in before:
                        recurrent.add(n.left.name)
    return weights, recurrent


def _in_an_interval(declared: dict[str, N.Declaration]) -> set[str]:
    """The scalars declared by a range of integers only, \\alpha \\in [0, 1]: where they lie, not whether they are
    learned (a Greek letter's own question, read.constants.greek)."""
    return {n for n, d in declared.items() if d.field == "interval" and d.rows is None}


def _timed(cell: N.Cell) -> set[str]:
    """The names written with a step: in the equations, or declared so. A declared name at step t is a signal, unless the
    equations write it with no step at all: "$W^{t}_{xh} \\in \\mathbb{R}^{h \\times d}$" then W_{xh} x_t, a weight the text
    dates once and shares across the steps."""
    timed = {x.name for eq in cell.equations for side in sides(eq) for x in N.walk(side)
             if isinstance(x, N.Symbol) and x.lag is not None}
    untimed = {x.name for eq in cell.equations for side in sides(eq) for x in N.walk(side)
               if isinstance(x, N.Symbol) and x.lag is None} - timed
    return timed | {s.name for d in cell.declarations for s in d.symbols if s.lag is not None
                    and not (s.name in untimed and s.name[:1] in "WUV" and s.lag == 0)}


def _refused_forms(cell: N.Cell) -> None:
    """The forms refused before any reading: two linear maps summed with unstated biases, a weight in every gate."""
    _summed_linear_maps(cell)
    _one_weight_in_every_gate(cell)


def _constant_gates(cell: N.Cell, derived: dict[str, N.Equation], signals: set[str]) -> None:
    """`z = sigmoid(W_z * x + b_z)` where x is no signal the text defines (code computes it: `let x = Array.append input
    hPrev`): an activation of a weight's product, read from parameters only, would be a gate the same at every step,
    which no cell has: refused, the vector named (a parameter defined from others, `\\bar{A} = \\exp(\\Delta A)`, is read)."""
    for name, eq in derived.items():
        if not (isinstance(eq.rhs, N.Apply) and kind(eq.rhs.func.lstrip("\\")) == "activation"):
            continue
        for n in N.walk(eq.rhs):
            if isinstance(n, N.Binary) and n.op in ("matmul", "star") and isinstance(n.right, N.Symbol) \
                    and n.right.name not in signals and n.right.name[:1].islower():
                raise ShapeError(f"{eq.lhs.text} = {' '.join(cell.source.slice(eq.rhs.span).split())} reads no signal: "
                                 f"{n.right.text} is no signal the equations define, so the gate would be the same at "
                                 "every step", source=cell.source, span=n.right.span,
                                 hint=f"if {n.right.text} is what the cell reads at each step (the input, or the input "
                                      f"joined to the state), write it as math: {n.right.text}_t, or [x_t; h_{{t-1}}]")


def _signal_equations(cell: N.Cell, timed: set[str]) -> tuple[set[str], dict[str, N.Equation]]:
    """Signals: the timed symbols and every left side computed from a signal, to a fixed point.
    An equation whose left side has no time index and whose right side reads no signal defines a
    parameter from parameters (W = U V)."""
    signals = set(timed)
    pending = []
    for eq in cell.equations:
        lhs = [eq.lhs] if isinstance(eq.lhs, N.Symbol) else [x for x in N.walk(eq.lhs) if isinstance(x, N.Symbol)]
        if any(s.lag is not None for s in lhs) or not isinstance(eq.lhs, N.Symbol):
            signals.update(s.name for s in lhs)
        else:
            pending.append(eq)
    waiting: dict[str, list[int]] = {}  # a name -> the pending equations that read it
    ready: list[int] = []
    for k, eq in enumerate(pending):
        reads = {x.name for side in sides(eq)[1:] for x in N.walk(side) if isinstance(x, N.Symbol)}
        if reads & signals or not reads:
            ready.append(k)
        for name in reads - signals:
            waiting.setdefault(name, []).append(k)
    fired: set[int] = set()
    while ready:  # each equation and each name once: linear in the equations
        k = ready.pop()
        if k in fired:
            continue
        fired.add(k)
        name = pending[k].lhs.name
        if name not in signals:
            signals.add(name)
            ready.extend(waiting.pop(name, ()))
    return signals, {eq.lhs.name: eq for k, eq in enumerate(pending) if k not in fired}


# W, \mathbf{W}, W_k, W^{(1)}: the letter of weights, never guessed to be an input signal (X_1 W_k is a
# row of data times a weight, whichever side the text writes the data on)
_WEIGHT_LETTER = re.compile(r"^(\\(mathbf|boldsymbol|bm|mathrm|mathit|pmb)\{)?(?:W(\}|(?![A-Za-z])|[a-z]_)|weights?_|w_\{?(?:ih|hh|hi|xh|hx|i[a-z]|h[a-z])\b|w_\{?[0-9])")  # and code's Wx_i, weight_input, w_ih, w1x


def _inputs(cell: N.Cell, signals: set[str], derived: dict[str, N.Equation], notes: list[str]) -> set[str]:
    """Symbols without a time index that are only ever multiplied by a weight from the right (W x,
    never W x y, never added): the cell's inputs, as LSTMCell's x, or x_i written for x_t."""
    matrices = {s.name for d in cell.declarations if d.cols is not None and not d.cols.lin.is_one for s in d.symbols}
    right: dict[str, N.Symbol] = {}
    other: set[str] = set()
    partners: dict[str, dict[str, N.Binary]] = {}  # a left factor's right factors, each in its product
    # `s_{t-1} \cdot W`, never `W s_{t-1}`: then in `x \cdot U`, x the row (asked once, and only where it may matter)
    rows = lru_cache(maxsize=1)(lambda: _row_convention(cell, signals))
    no_input = lru_cache(maxsize=1)(lambda: not signals - {eq.lhs.name for eq in cell.equations if isinstance(eq.lhs, N.Symbol)})
    for eq in cell.equations:
        if eq.lhs is not None and isinstance(eq.lhs, N.Symbol) and derived.get(eq.lhs.name) is eq:
            continue
        todo: list = [(side, False, False) for side in sides(eq)[1:]]
        reads = N.reading(todo[0][0] if len(todo) == 1 else N.Tuple(tuple(x for x, _, _ in todo), eq.span), signals)
        while todo:  # (node, the right factor of a product, the left factor of a product)
            node, ok, left = todo.pop()
            if isinstance(node, N.Symbol):
                (right.setdefault(node.name, node) if ok else other.add(node.name))
            elif isinstance(node, N.Binary) and node.op in ("matmul", "star"):
                weight = id(node.left) not in reads and not _numeric(node.left)  # (-2 w, -(t-1-i) w: no weight)
                factor = node.right.arg if isinstance(node.right, N.Transpose) else node.right  # x W^T too
                row = (isinstance(factor, N.Symbol) and not left and bool(reads)  # (an equation that reads a signal too)
                       and (bool(_WEIGHT_LETTER.match(factor.name))  # (X_1 W_k alone reads no data)
                            or id(factor) not in reads and _capital(factor.name) and rows()))  # (x \cdot U among s \cdot W)
                todo.append((node.left, row and isinstance(node.left, N.Symbol), True))  # x W: a row times a weight
                joined = _joined_input(node.right, reads) if weight and not left and no_input() else ()
                if joined:  # W(h + u): the input added to the state under one weight, as [h, u] joins it
                    todo.extend((t, isinstance(t, N.Symbol) and t.name in _INPUT_LETTERS, False) for t in joined)
                else:
                    todo.append((node.right, weight and not left and not row, False))  # in (A B) x, B is no input; in x^T W, W
                if isinstance(node.left, N.Symbol) and isinstance(node.right, N.Symbol) and weight and not left:
                    partners.setdefault(node.left.name, {}).setdefault(node.right.name, node)
            elif isinstance(node, N.Concat) and any(id(x) in reads for x in node.items):
                todo.extend((x, isinstance(x, N.Symbol), False) for x in node.items)  # [x, h_{t-1}]: x joins a signal
            else:
                todo.extend((x, False, False) for x in N.children(node))
        other |= {x.name for x in N.walk(eq.lhs) if isinstance(x, N.Symbol)}
    found = {n for n in right if n not in other and n not in signals and n not in matrices and n not in IDENTITY
             and not _WEIGHT_LETTER.match(n)}
    _one_weight_many_inputs(cell, found, partners)
    for n in sorted(found, key=lambda n: right[n].span.start):
        notes.append(f"{right[n].text} at {cell.source.where(right[n].span)} has no time index but is only ever "
                     "multiplied by a weight or joined to a signal: read as an input signal")
    return found


_INPUT_LETTERS = frozenset("x u".split())


def _joined_input(node, reads) -> tuple:
    """The terms of `h + u` under a weight, where one term reads a signal and another is an input's letter without a
    time index (x, u): the input added to the state, W(h + u); else ()."""
    if not (isinstance(node, N.Binary) and node.op == "add"):
        return ()
    terms = summands(node)
    if any(id(t) in reads for t in terms) and any(isinstance(t, N.Symbol) and t.name in _INPUT_LETTERS and t.lag is None
                                                  and id(t) not in reads for t in terms):
        return tuple(terms)
    return ()


def _row_convention(cell: N.Cell, signals: set[str]) -> bool:
    """Whether the text writes its signals as rows: some product of a signal by a plain name has the signal on
    the left (`s_{t-1} \\cdot W_1`, `h \\cdot V`), and none has it on the right."""
    left = right = 0
    for eq in cell.equations:
        for node in N.walk(eq.rhs):
            if isinstance(node, N.Binary) and node.op in ("matmul", "star") and isinstance(node.left, N.Symbol) \
                    and isinstance(node.right, N.Symbol):
                left += node.left.name in signals and node.right.name not in signals and _capital(node.right.name)
                right += node.right.name in signals and node.left.name not in signals and _capital(node.left.name)
    return left > 0 and right == 0


def _capital(name: str) -> bool:
    """A weight's name as texts write it: a capital letter first (W_1, Q, \\mathbf{U})."""
    return re.sub(r"^\\(?:mathbf|boldsymbol|bm|mathrm)\{", "", name)[:1].isupper()


def _one_weight_many_inputs(cell: N.Cell, found: set[str], partners: dict) -> None:
    """`i * ix`, `i * fx`, `i * ox` (code's names): one name times a different name in each gate, each of those read
    as an input would make one weight shared by the gates and an input per gate; the other way round, one input
    and a weight per gate. The text does not say which: refused."""
    for name, products in partners.items():
        guessed = [p for n, p in products.items() if n in found]
        if len(guessed) >= 2 and name not in found:
            shown = ", ".join(" ".join(cell.source.slice(p.span).split()) for p in guessed[:4])
            raise ShapeError(f"{shown}: {name} times a different name in each product; read as one weight and an input "
                             f"each, or as an input and a weight each; the text does not say which", source=cell.source,
                             span=guessed[0].span, hint=f"write the weights as W (W_{{ix}} i, or i W_{{ix}}) and the "
                             "inputs with a time index (x_t)")


def _numeric(n) -> bool:
    """A number, or numbers combined (-(1 - 1 - 1), as a power's exponent writes t - 1 - i)."""
    return isinstance(n, (N.Number, N.Neg, N.Binary)) and not any(isinstance(x, N.Symbol) for x in N.walk(n))


def _defined(cell: N.Cell, derived: dict[str, N.Equation]) -> dict[str, N.Equation]:
    """Each signal that is the left side of an equation (or a block of a stacked left side)."""
    defined: dict[str, N.Equation] = {}
    src = cell.source
    for eq in cell.equations:
        if isinstance(eq.lhs, N.Symbol):
            lhs = [eq.lhs]
        elif isinstance(eq.lhs, N.Concat):
            lhs = [x for x in N.walk(eq.lhs) if isinstance(x, N.Symbol)]
        else:
            lhs = []
        for sym in lhs:
            if sym.name in derived and derived[sym.name] is eq:
                continue
            if sym.lag not in (None, 0):
                raise ShapeError(f"the left side {sym.text} is not at time t", source=src, span=sym.span,
                                 hint="an equation defines a signal at time t, like h_t = ...")
            plain = next((x for x in N.walk(eq.rhs) if isinstance(x, N.Symbol) and x.name == sym.name and x.lag is None),
                         None) if sym.lag == 0 and isinstance(eq.lhs, N.Symbol) else None
            if plain is not None:  # A_t = \exp(\Delta_t A): the plain A is another quantity with the same name
                raise ShapeError(f"{sym.text} is defined from {plain.text}, which has no time index: another quantity "
                                 f"(a parameter) named like the signal {sym.text}", source=src, span=plain.span,
                                 notes=(f"defined at {src.where(sym.span)}",),
                                 hint=f"name them apart (write the parameter {plain.text}_0, or the signal \\bar{{{sym.name}}}_t); "
                                      f"if {plain.text} is the value at the step before, write {sym.name}_{{t-1}}")
            itself = _glued_to_itself(eq, sym) if isinstance(eq.lhs, N.Symbol) else None
            if itself is not None:  # u_t = \sigma(x u_t + ...): not an update (nothing defined it before)
                raise ShapeError(f"{sym.text} is computed from itself: {itself.text} is on both sides, at the same step",
                                 source=src, span=itself.span, notes=(f"defined at {src.where(sym.span)}",),
                                 hint=f"write the value of the step before as {sym.name}_{{t-1}}; if the letters "
                                      f"before {itself.text} are part of its name (xu_t: the input projected for "
                                      "u), write them as one symbol, x_{u,t}")
            prev = defined.get(sym.name)
            if prev is not None:
                line, _ = src.line_col(prev.span.start)
                raise ShapeError(f"{sym.text} is defined twice", source=src, span=sym.span,
                                 notes=(f"first defined at {src.name}:{line}",),
                                 hint="keep one equation per signal")
            defined[sym.name] = eq
    return defined


def _glued_to_itself(eq: N.Equation, sym: N.Symbol) -> N.Symbol | None:
    """u_t = \\sigma(x u_t + ...): the left side at the same step on the right, right after a Latin letter
    written against it (x u_t: x would be a weight times the signal being defined; more likely xu_t is
    one name). An implicit equation with a coefficient (coRNN's - \\Delta t \\epsilon z(t)) is not this."""
    for n in N.walk(eq.rhs):
        if isinstance(n, N.Binary) and n.op == "matmul" and not n.explicit and isinstance(n.right, N.Symbol) \
                and n.right.name == sym.name and n.right.lag == 0 == sym.lag and isinstance(n.left, N.Symbol) \
                and re.fullmatch(r"[A-Za-z]", n.left.name):
            return n.right
    return None
