"""Other readings of a cell whose shapes do not fit as read (shapes.infer tries each in turn): a bare
name's matrix shape given its subscripted namesakes (`W \\in R^{h \\times d}` beside W_f) set aside, one at a
time; a declaration of a transpose read as declaring the matrix, the shapes a text's code gives set aside; and
the orientation a user gives a declared matrix (--read U=transposed), which a refusal offers where it
fits; the inputs read as numbers where a weight is declared with one column (a state space of one input
channel); a plain lower-case weight transposed read as a vector, as a bold one is; the equations walked
definitions first. The first three change only how a weight is oriented or drop a shape the text gives a
family or its code gives, never how many entries a weight has as the equations use it; each says so in a note."""
from __future__ import annotations

from heapq import heappop, heappush

from ..errors import replace
from ..read import nodes as N
from ..read.cellwalk import apply
from ..read.choices import Choice, current, key
from ..read.words import kind

ONE = N.Lin((), 1)  # a vector's other size


def retries(cell: N.Cell):
    """The cells to try, in order, where the cell as read does not fit (those that apply): each reading
    below, then the equations walked definitions first, alone and with each reading."""
    makes = (untransposed, without_code_shapes, scalar_inputs, lower_case_vectors)
    yield from families_aside(cell)
    for make in makes:
        other = make(cell)
        if other is not None:
            yield other
    ordered = definitions_first(cell)
    if ordered is not None:
        yield ordered
        for make in makes:
            other = make(ordered)
            if other is not None:
                yield other


def definitions_first(cell: N.Cell) -> N.Cell | None:
    """The cell with each equation after those that define what it reads at this step (`S_t = ... k_t^T v_t`,
    `o_t = q_t S_t` before `q_t = x_t W_Q`, ... `x_t \\in \\mathbb{R}^{1 \\times d}`: a row, known only from the
    definitions the text gives after), else in the text's order; None where that is the text's order."""
    eqs = cell.equations
    defines: dict[str, int] = {}
    for i, eq in enumerate(eqs):
        if isinstance(eq.lhs, N.Symbol):
            defines.setdefault(eq.lhs.name, i)
    needs = [{defines[x.name] for side in (eq.rhs,) + eq.also for x in N.walk(side) if isinstance(x, N.Symbol)
              and x.name in defines and defines[x.name] != i and (x.lag is None or x.lag <= 0)} for i, eq in enumerate(eqs)]
    users: list[list[int]] = [[] for _ in eqs]
    for i, ns in enumerate(needs):
        for j in ns:
            users[j].append(i)
    waiting = [len(ns) for ns in needs]
    ready = [i for i, k in enumerate(waiting) if k == 0]  # a heap: the first in the text's order first
    order: list[int] = []
    placed = [False] * len(eqs)
    lowest = 0
    while len(order) < len(eqs):
        if ready:
            i = heappop(ready)
        else:  # a cycle: the first left, in the text's order
            while placed[lowest]:
                lowest += 1
            i = lowest
        if placed[i]:
            continue
        order.append(i)
        placed[i] = True
        for u in users[i]:
            waiting[u] -= 1
            if waiting[u] == 0 and not placed[u]:
                heappush(ready, u)
    if order == list(range(len(eqs))):
        return None
    return replace(cell, equations=tuple(eqs[i] for i in order),
                   notes=cell.notes + ("the equations are read definitions first (the text defines some signals after it uses them)",))


def untransposed(cell: N.Cell) -> N.Cell | None:
    """The cell with W^T_{xh} \\in \\mathbb{R}^{p \\times q} read as declaring W_{xh} (the text names
    the matrix by how it is used), or None when no declaration is of a transpose."""
    if not any(any(d.transposed) for d in cell.declarations):
        return None
    notes = [f"{s.text}^T at {cell.source.where(s.span)} is declared as a transpose, which does not fit the equations: "
             f"read as declaring {s.text}" for d in cell.declarations for s, t in zip(d.symbols, d.transposed) if t]
    return replace(cell, declarations=tuple(replace(d, transposed=()) for d in cell.declarations),
                   notes=cell.notes + tuple(notes))


_SET_ASIDE = {"code": "the shapes the code gives its weights do not fit the equations: set aside",
              "family": "the shape declared for a bare weight's name does not fit its subscripted namesakes' uses: set aside"}


def families_aside(cell: N.Cell):
    """The cell without one bare name's matrix shape given its subscripted namesakes (read.wildcards), for each
    such shape in turn: the one written in the other orientation set aside, the others still naming their sizes."""
    family = [d for d in cell.declarations if d.origin == "family"]
    for d in family if len(family) > 1 else ():
        yield replace(cell, declarations=tuple(x for x in cell.declarations if x is not d),
                      notes=cell.notes + (f"the shape declared at {cell.source.where(d.span)} for every "
                                          f"{d.symbols[0].text.split('_')[0]} with a subscript does not fit their uses: set aside",))


def without_code_shapes(cell: N.Cell) -> N.Cell | None:
    """The cell without the shapes its code gives its weights (read.prosesizes) and those a bare name's
    declaration gives its subscripted namesakes (read.wildcards), where it has any: where the equations do not
    fit them (the code or the text writes the transpose), the equations' own shapes count."""
    aside = {d.origin for d in cell.declarations} & _SET_ASIDE.keys()
    if not aside:
        return None
    return replace(cell, declarations=tuple(d for d in cell.declarations if d.origin not in aside),
                   notes=cell.notes + tuple(_SET_ASIDE[o] for o in sorted(aside)))


def scalar_inputs(cell: N.Cell) -> N.Cell | None:
    """The cell with its inputs read as one number each, where it declares a weight of one column or one
    row (B \\in \\mathbb{R}^{N \\times 1}: a state space of one input channel, x_t a number): a signal's
    size is never inferred to be 1 by accident, but a declared 1 says so. None where nothing is so declared."""
    ones = [d for d in cell.declarations if d.rows is not None and d.cols is not None and not d.more
            and (d.rows.lin == ONE) != (d.cols.lin == ONE) and all(s.lag is None for s in d.symbols)]
    if not ones:
        return None
    made = {eq.lhs.name for eq in cell.equations if isinstance(eq.lhs, N.Symbol)}
    declared = {s.name for d in cell.declarations for s in d.symbols}
    inputs: dict[str, N.Symbol] = {}
    for eq in cell.equations:
        for side in (eq.rhs,) + eq.also:
            for x in N.walk(side):
                if isinstance(x, N.Symbol) and x.lag is not None and x.name not in made and x.name not in declared:
                    inputs.setdefault(x.name, x)
    if not inputs:
        return None
    one = ones[0]
    notes = tuple(f"{x.text} at {cell.source.where(x.span)} is read as one number: {one.symbols[0].text} is declared with "
                  f"one {'column' if one.cols.lin == ONE else 'row'} at {cell.source.where(one.span)} (one input channel)"
                  for x in inputs.values())
    decls = tuple(N.Declaration((x,), None, None, one.span, (), (False,), origin="reading") for x in inputs.values())
    return replace(cell, declarations=cell.declarations + decls, notes=cell.notes + notes)


def lower_case_choice(cell: N.Cell) -> N.Cell:
    """A plain lower-case weight written transposed before a vector (w_a^\\top x_t) is a vector, its product
    one number, or a matrix of as many columns as the rest of the cell gives it: a choice, both solved (where the
    two give one count, it is printed; where they differ, the text is refused with both)."""
    weights = _lower_case_weights(cell)
    if not weights:
        return cell
    reader = current()
    if any(reader.settled_as(key(n), ("elementwise",)) for n in _inner_products(cell, {w.name for w in weights})):
        return cell  # --read '\\beta=elementwise': its inner product's weight a matrix, as said
    first = weights[0]
    names = " and ".join(dict.fromkeys(f"{w.text}^\\top" for w in weights))
    said = current().pick(Choice(key(first.text), ("matrix", "vector"), cell.source.where(first.span),
                                 f"{names}: a matrix, or a vector (its product with a vector one number)", quiet=True))
    return (lower_case_vectors(cell) or cell) if said == "vector" else cell


def _lower_case_weights(cell: N.Cell) -> list:
    """The plain lower-case weights written transposed before a vector (w^T x: the inner product's left), first each;
    not one the text declares with its shape (w_a \\in \\mathbb{R}^{d \\times n}: a matrix, as said)."""
    declared = {x.name for d in cell.declarations if d.rows is not None for x in d.symbols}
    found: dict = {}
    for eq in cell.equations:
        for side in (eq.rhs,) + eq.also:
            for n in N.walk(side):
                if isinstance(n, N.Binary) and n.op == "matmul" and isinstance(n.left, N.Transpose) \
                        and isinstance(n.left.arg, N.Symbol) and not n.left.arg.font and n.left.arg.lag is None \
                        and n.left.arg.name[:1].islower() and n.left.arg.name[:1].isalpha() and n.left.arg.name not in declared:
                    found.setdefault(n.left.arg.name, n.left.arg)
    return list(found.values())


def lower_case_vectors(cell: N.Cell) -> N.Cell | None:
    """The cell with each plain lower-case weight written transposed (w_f^\\top x_t + b_f: xLSTM's scalar
    gates) read as a vector, as a bold one is (shapes.scalars.bold_vector), where the cell does not fit
    it as a matrix; None where there is none."""
    names = {w.name for w in _lower_case_weights(cell)}
    if not names:
        return None
    scalar = _inner_products(cell, names)
    declared = {x.name for d in cell.declarations for x in d.symbols}
    extra = tuple(N.Declaration((eq.lhs,), None, None, eq.lhs.span, (), (False,), origin="reading") for eq in cell.equations
                  if isinstance(eq.lhs, N.Symbol) and eq.lhs.name in scalar and eq.lhs.name not in declared)
    notes = tuple(f"{d.symbols[0].text} at {cell.source.where(d.span)} reads as one number: it is computed from an inner "
                  "product (a lower-case weight transposed, read as a vector)" for d in extra)
    out = apply(cell, lambda s, i, left: replace(s, font="bold") if s.name in names and not s.font else s)
    return replace(out, declarations=out.declarations + extra, notes=out.notes + notes)


def _inner_products(cell: N.Cell, names: set[str]) -> set[str]:
    """The signals one number each where w is a vector: \\tilde{f}_t = w_f^\\top x_t + b_f, and what an
    activation of one makes (f_t = \\sigma(\\tilde{f}_t), i_t = \\exp(w_i^\\top x_t + b_i)), to a fixed point."""
    def terms(n):
        while isinstance(n, N.Apply) and not n.each and not isinstance(n.arg, N.Tuple) and kind(n.func) == "activation":
            n = n.arg
        if isinstance(n, N.Binary) and n.op in ("add", "sub"):
            return terms(n.left) + terms(n.right)
        return [n]
    found: set[str] = set()
    while True:
        more = {eq.lhs.name for eq in cell.equations if isinstance(eq.lhs, N.Symbol) and eq.lhs.name not in found
                and any((isinstance(t, N.Binary) and t.op == "matmul" and isinstance(t.left, N.Transpose)
                         and isinstance(t.left.arg, N.Symbol) and t.left.arg.name in names)
                        or (isinstance(t, N.Symbol) and t.name in found) for t in terms(eq.rhs))
                and all(not isinstance(t, N.Symbol) or t.name in found or t.lag is None for t in terms(eq.rhs))}
        if not more:
            return found
        found |= more


def _turnable(d: N.Declaration) -> bool:
    """A weight declared as a non-square matrix (no time index, not already a transpose)."""
    return (d.rows is not None and d.cols is not None and not d.more and d.field in ("", "complex")
            and d.rows.lin != d.cols.lin and ONE not in (d.rows.lin, d.cols.lin) and not any(d.transposed)
            and all(s.lag is None for s in d.symbols) and d.origin != "legend")  # (a legend's: a choice already)


def _turned(cell: N.Cell, names: set[str] | None, notes: tuple = ()) -> N.Cell:
    return replace(cell, declarations=tuple(replace(d, transposed=tuple(True for _ in d.symbols))
                                            if _turnable(d) and (names is None or d.symbols[0].name in names) else d
                                            for d in cell.declarations), notes=cell.notes + notes)


def settled_transposes(cell: N.Cell) -> N.Cell:
    """The weights a user reads in the other orientation (--read U=transposed): `y_t = \\tanh(U x_t + ...)`
    with `U \\in R^{M \\times N}` in a text thinking of U as mapping M to N. Never guessed: a declaration
    that does not fit is an error naming both (the text may be wrong elsewhere), whose hint gives this."""
    reader = current()
    options = ("as-declared", "transposed")  # (asked only of a name the user settles so: W=full is another choice's)
    names = {s.name for d in cell.declarations if _turnable(d) for s in d.symbols
             if reader.settled_as(key(s.text), options) and reader.pick(Choice(
                 key(s.text), options, cell.source.where(s.span), f"{s.text} as declared or its transpose"),
                 ambiguous=False) == "transposed"}
    if not names:
        return cell
    return _turned(cell, names, tuple(f"{s.text} at {cell.source.where(s.span)} is read as the transpose of its declared "
                                      "shape, as --read says" for d in cell.declarations for s in d.symbols if s.name in names))


def transposed_hint(cell: N.Cell, fits) -> str:
    """The options that read every non-square declared weight in the other orientation, when the cell
    then fits (`fits(cell)`), else ""."""
    options = [f"--read {key(s.text)}=transposed" for d in cell.declarations if _turnable(d) for s in d.symbols]
    if not options or not fits(_turned(cell, None)):
        return ""
    return (f"if the text declares its weights in the other orientation (x_t U, a row-vector convention), "
            f"add {' '.join(options)}")
