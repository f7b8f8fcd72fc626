"""The operator rules of the unifying walk, one row of RULES per operator: what each operation
forces (a product: the columns of the left equal the rows of the right; a sum or an elementwise
product: one shape) and what it gives. The readings a careful reader makes of a product live here:

- a weight times a vector is a matrix product (W x_t); a vector times a weight is the same product
  written with the vector as a row (x_t W_{ih}^T, as torch's documentation writes it; x_t W as d2l);
- two vectors side by side are multiplied elementwise (f_t c_{t-1}, as haiku writes it; an input so, with a note);
- `*` is what the text says it is (elementwise, convolution); else elementwise between two vectors
  and a matrix product after a weight, with a note;
- a sum of a batch of rows and one row broadcasts (X_t W + b, b \\in \\mathbb{R}^{1 \\times h}).
"""
from __future__ import annotations

from ..errors import TYPE_CHECKING  # typing's, without importing typing (a start-up cost)

from functools import lru_cache

from ..errors import Record
from ..read import nodes as N
from .dims import Shape, UNIT, count_text, unknowns
from . import productcues as cues
from ..read.choices import Choice, current, key
from ..read.words import split

if TYPE_CHECKING:  # pragma: no cover
    from typing import Callable
    from .unify import Walker


class Rule(Record):
    __slots__ = ('evidence', 'combine', 'verb', 'action', 'joiner', 'needs')
    _defaults = {'verb': "", 'action': "", 'joiner': "and", 'needs': ""}
    evidence: str                     # the evidence's rule
    combine: Callable                 # (walker, node, left, right) -> Shape
    verb: str                    # "b is added to a"
    action: str                  # "cannot add a and b"
    joiner: str
    needs: str                   # "a sum needs equal shapes"


def _merged(a: dict, b: dict, owned: bool) -> dict:
    """a's origins, then b's that a lacks; a itself grown when it may be (a long sum is linear)."""
    if not b:
        return a
    out = a if owned else dict(a)
    for k, v in b.items():
        out.setdefault(k, v)
    return out


def product(w: "Walker", node: N.Binary, lsh: Shape, rsh: Shape, kind: str = "product") -> Shape:
    """A matrix product, or what a product of vectors means (see the module docstring)."""
    if cues.fraction_coefficient(w, node, lsh) or cues.greek_coefficient(w, node, lsh, rsh) or cues.one_entry_before(w, node, lsh, rsh):
        w.op("scale", node, rsh.rows, rsh.cols, operands=(node.left, node.right))
        return rsh
    if not node.explicit and kind == "product" and cues.scaled_activation(w, node, lsh):
        w.note(node, f"{w.text(node)} at {w.src.where(node.span)}: a difference with a number side by side with a "
                     "function's value reads as scaling it entry by entry (a product would make the value one number)")
        return same(w, node, lsh, rsh, "elementwise")
    meaning = None
    if node.explicit and kind == "product":  # \cdot, \times, ·: as --read settles it
        written = w.src.text[node.left.span.end:node.right.span.start]
        # numpy's and Python's @ is a matrix product, whatever the prose says of \cdot
        meaning = "matmul" if written.strip() == "@" else _meaning(w, node, key(written), None)
        if meaning == "elementwise":
            return same(w, node, lsh, rsh, "elementwise")
    left_vector = w.is_vector(lsh)  # (asked three times below, nothing unified between)
    if left_vector and w.is_vector(rsh) and meaning != "matmul" and not node.explicit and _joined(w, node):
        return concatenation(w, N.Concat((node.left, node.right), node.span))
    if left_vector and w.is_vector(rsh) and meaning != "matmul":
        if node.explicit:
            w.note(node, f"{w.text(node)} at {w.src.where(node.span)}: \\cdot between two vectors reads as the "
                         "elementwise product (a dot product would be a single number)")
        elif any(isinstance(x, N.Symbol) and x.name in w.roles.signals and x.name not in w.roles.defined for x in (node.left, node.right)):
            w.note(node, f"{w.text(node)} at {w.src.where(node.span)}: an input side by side with another vector reads as their elementwise product, so both have one size")
        return same(w, node, lsh, rsh, "elementwise")
    if left_vector and w.is_row(rsh):
        return outer(w, node, lsh, rsh)
    if left_vector and not w.is_signal_matrix(rsh):
        return _row_product(w, node, lsh, rsh)
    ev = w.evidence("product", ("{0} multiplies {1}, so the columns of {0} equal the rows of {1}", w.src,
                                (node.left.span, node.right.span)), node, (lsh.cols, rsh.rows), (lsh.cols_from, rsh.rows_from))
    if not w.solver.unify(lsh.cols, rsh.rows, ev):
        lt, rt = w.text(node.left), w.text(node.right)
        names = w.names()
        lc, rr = w.solver.freeze(lsh.cols, names), w.solver.freeze(rsh.rows, names)
        hint = ""
        if isinstance(node.left, N.Symbol) and node.left.name in w.roles.declared:
            lr = w.solver.freeze(lsh.rows, names)
            hint = f"{lt} multiplying {rt} needs {rr} columns; declare {lt} \\in \\mathbb{{R}}^{{{lr} \\times {rr}}}"
        raise w.fail(f"cannot multiply {lt} ({w.shape_text(lsh)}) by {rt} ({w.shape_text(rsh)}): "
                     f"{lt} has {unknowns(count_text(lc, 'column'))}, {rt} has {unknowns(count_text(rr, 'row'))}",
                     node.span, node.left, node.right, lsh, rsh, "product", hint)
    w.op(kind, node, lsh.rows, lsh.cols, rsh.cols, operands=(node.left, node.right))
    if w.is_row(lsh) and w.is_vector(rsh) and kind == "product":  # n_t^\top q_t: an inner product, one number
        return Shape(dict(UNIT), dict(UNIT), True)
    return Shape(lsh.rows, rsh.cols, False, lsh.rows_from, rsh.cols_from)


def outer(w: "Walker", node: N.Binary, lsh: Shape, rsh: Shape) -> Shape:
    """v_t k_t^\\top (a column times a row; K_n^\\top V_n for rows K_n, V_n): an outer product, a matrix
    of |v| x |k| entries, one multiplication each."""
    w.op("product", node, lsh.rows, dict(UNIT), rsh.cols, operands=(node.left, node.right))
    return Shape(lsh.rows, rsh.cols, False, lsh.rows_from, rsh.cols_from)


def hadamard(w: "Walker", node: N.Binary, lsh: Shape, rsh: Shape) -> Shape:
    """⊙, ∘: elementwise. ⊗ between two vectors is elementwise in many notes and the outer (Kronecker)
    product of the two in papers (Mamba's Δ_t ⊗ B_t): both readings, compared (`--read '\\otimes=outer'`)."""
    if _writes_otimes(w.src.text) and w.is_vector(lsh) and w.is_vector(rsh) and otimes_outer(w, node):  # (the text's test first: no sizes resolved)
        return outer(w, node, lsh, Shape(rsh.cols, rsh.rows, False, rsh.cols_from, rsh.rows_from))
    return same(w, node, lsh, rsh)


@lru_cache(maxsize=8)
def _writes_otimes(text: str) -> bool:
    """Whether a text writes ⊗ (asked once a text: a string's hash is kept, the search is not)."""
    return "⊗" in text or "otimes" in text


def otimes_outer(w: "Walker", node: N.Binary) -> bool:
    """Whether node is a ⊗ read as the outer product (a reading asked of, where the text writes ⊗)."""
    if not _writes_otimes(w.src.text):
        return False
    written = w.src.text[node.left.span.end:node.right.span.start]
    if "otimes" not in written and "⊗" not in written:
        return False
    choice = Choice("\\otimes", ("elementwise", "outer"), w.src.where(node.span), "what ⊗ between two vectors means",
                    True)  # (two cells: an outer product that leaves a size open refuses, it is not pruned)
    return current().pick(choice) == "outer"


def _row_product(w: "Walker", node: N.Binary, lsh: Shape, rsh: Shape) -> Shape:
    """x W: the vector x as a row times W, a vector of W's columns (the same as W^T x)."""
    lt, rt = w.text(node.left), w.text(node.right)
    ev = w.evidence("product", f"{lt} multiplies {rt} from the left, so the rows of {rt} equal the size of {lt}",
                    node, (lsh.rows, rsh.rows), (lsh.rows_from, rsh.rows_from))
    if not w.solver.unify(lsh.rows, rsh.rows, ev):
        raise w.fail(f"cannot multiply {lt} ({w.shape_text(lsh)}) by {rt} ({w.shape_text(rsh)}): "
                     f"{rt} needs as many rows as {lt} has entries", node.span, node.left, node.right, lsh, rsh, "product")
    w.op("product", node, dict(UNIT), lsh.rows, rsh.cols, operands=(node.right, node.left))
    return Shape(rsh.cols, dict(UNIT), False, rsh.cols_from, {})


def same(w: "Walker", node: N.Binary, lsh: Shape, rsh: Shape, kind: str | None = None) -> Shape:
    """A sum, a difference, an elementwise product or quotient: one shape (a row broadcasts over a
    batch of rows)."""
    op_kind = node.op if kind is None else {"elementwise": "hadamard"}[kind]
    rule = RULES[op_kind]
    text = ("{1} " + rule.verb + " {0}, so both have one shape", w.src, (node.left.span, node.right.span))  # (Evidence.text)
    rows = w.evidence(rule.evidence, text, node, (lsh.rows, rsh.rows))  # no origins: a long sum grows them in place (_merged)
    if w.batch:  # (both steps need a batch declared: no call where none is)
        _row_of_parameters(w, lsh, rsh, rows)
    if w.batch and w.vector_meets_batch(lsh, rsh, rows):
        out = lsh if w.is_batch(lsh) else rsh
        vector = node.right if out is lsh else node.left
        if any(isinstance(x, N.Symbol) and x.name in w.roles.signals for x in N.walk(vector)):
            w.op("mixed", node, out.rows, out.cols, name=w.text(vector))  # once per step, or per row?
        w.op(op_kind, node, out.rows, out.cols, operands=(node.left, node.right))
        return out
    row = _row_bias(w, node, lsh, rsh) if node.op == "add" else _diagonal_entries(w, node, lsh, rsh) if op_kind == "hadamard" else None
    if row is not None:
        return row
    ok_rows = w.solver.unify(lsh.rows, rsh.rows, rows) or _broadcast(w, lsh.rows, rsh.rows)
    if not (ok_rows and (lsh.cols == UNIT == rsh.cols  # two vectors, a column each: nothing to record
                         or w.solver.unify(lsh.cols, rsh.cols, w.evidence(rule.evidence, text, node, (lsh.cols, rsh.cols)))
                         or _broadcast(w, lsh.cols, rsh.cols))):
        lt, rt = w.text(node.left), w.text(node.right)
        a, b = (rt, lt) if node.op == "sub" else (lt, rt)
        sa, sb = (rsh, lsh) if node.op == "sub" else (lsh, rsh)
        raise w.fail(f"cannot {rule.action} {a} ({w.shape_text(sa)}) {rule.joiner} {b} ({w.shape_text(sb)}): "
                     f"{rule.needs} needs equal shapes", node.span, node.left, node.right, lsh, rsh, rule.evidence)
    big = rsh if w.solver.resolve(lsh.rows) == UNIT and w.solver.resolve(rsh.rows) != UNIT else lsh
    w.op(op_kind, node, big.rows, lsh.cols, operands=(node.left, node.right))
    return Shape(big.rows, lsh.cols, False, _merged(lsh.rows_from, rsh.rows_from, lsh.owned),
                 _merged(lsh.cols_from, rsh.cols_from, lsh.owned), owned=big is lsh)


def _row_bias(w: "Walker", node: N.Binary, lsh: Shape, rsh: Shape) -> Shape | None:
    """A parameter declared as one row added to a vector (`X_t W_{xr} + b_r` with `b_r \\in
    \\mathbb{R}^{1 \\times h}` and X_t undeclared, a text written with row vectors): the row's entries
    are the vector's, one bias per entry (the vector, held as a column, is the text's row)."""
    if node.op != "add":
        return None
    for vec, par, bias in ((lsh, rsh, node.right), (rsh, lsh, node.left)):
        if isinstance(bias, N.Symbol) and _declared_param_row(w, bias.name) and w.is_vector(vec) and w.is_row(par):
            ev = w.evidence(RULES["add"].evidence, f"{w.text(bias)} is declared as one row and added to {w.text(node.left if bias is node.right else node.right)}, "
                            f"so it has one entry per entry of that vector", node, (vec.rows, par.cols))
            if w.solver.unify(vec.rows, par.cols, ev):
                w.op("add", node, vec.rows, vec.cols, operands=(node.left, node.right))
                return vec
    return None


def _diagonal_entries(w: "Walker", node: N.Binary, lsh: Shape, rsh: Shape) -> Shape | None:
    """`V_f \\odot c_{t-1}` where the text calls V_f a diagonal matrix: its diagonal times the vector entry by entry
    (the same product as V_f c_{t-1}), one weight per entry."""
    for par, vec, sym in ((lsh, rsh, node.left), (rsh, lsh, node.right)):
        if sym.__class__ is N.Symbol and sym.name in w.roles.diagonal and w.is_vector(vec):
            ev = w.evidence(RULES["hadamard"].evidence, f"{w.text(sym)} is diagonal and multiplies {w.text(node.left if sym is node.right else node.right)} "
                            "entry by entry: one entry of its diagonal per entry", node, (vec.rows, par.rows))
            if w.solver.unify(vec.rows, par.rows, ev):
                w.op("hadamard", node, vec.rows, vec.cols, operands=(node.left, node.right))
                return vec
    return None


def _declared_param_row(w: "Walker", name: str) -> bool:
    decl = w.roles.declared.get(name)
    return bool(decl is not None and decl.rows is not None and decl.rows.lin.is_one and not decl.cols.lin.is_one
                and not w.roles.is_signal(name))


def _row_of_parameters(w: "Walker", lsh: Shape, rsh: Shape, ev) -> None:
    """A parameter of open shape added to a batch of rows (X_t W + b with b undeclared): one row,
    broadcast; a parameter's size never depends on the batch."""
    if not w.batch:  # no batch declared: nothing is one (and no sizes need resolving)
        return
    for par, batch in ((lsh, rsh), (rsh, lsh)):
        if w.is_batch(batch) and not par.scalar and any(par is s for s in w.params.values()):
            rows = w.solver.resolve(par.rows)
            if len(rows) == 1 and all(isinstance(v, int) and k == 1 for v, k in rows.items()):
                w.solver.unify(par.rows, dict(UNIT), ev)


def _broadcast(w: "Walker", a: dict, b: dict) -> bool:
    """A row (one row) added to a batch of rows: the batch's size is a declared size, not 1."""
    ra, rb = w.solver.resolve(a), w.solver.resolve(b)
    return (ra == UNIT and _declared(w, rb)) or (rb == UNIT and _declared(w, ra))


def _declared(w: "Walker", form: dict) -> bool:
    """A batch size the text declares (X_t \\in \\mathbb{R}^{n \\times d}: n), never a number: a
    declared 3 x 4 matrix added to a vector is not conformable."""
    return bool(form) and all(isinstance(v, str) for v in form if v is not None) \
        and any(v in w.batch for v in form if v is not None)


def star(w: "Walker", node: N.Binary, lsh: Shape, rsh: Shape) -> Shape:
    """`*`: what the text says it is (of every `*`, or of this one: "`W * x` means matrix-by-vector
    multiplication"); else elementwise between two vectors. After a weight it is a matrix product
    by the notation's reading (a note; `--read 'W*=elementwise'` reads it elementwise); both readings
    are open where the prose speaks of this product in words it does not know, unless the text
    writes its elementwise product another way (`.*`, \\odot)."""
    left = node.left.arg if isinstance(node.left, N.Transpose) else node.left
    said = w.roles.glossary.operators
    own = _key(left.text) if isinstance(left, N.Symbol) else None
    meaning = _meaning(w, node, "*", said.get(f"star:{own}", said.get("star")), own)
    if meaning == "convolution":
        return convolution(w, node, lsh, rsh)
    if meaning == "matmul":
        return product(w, node, lsh, rsh)
    weight = isinstance(left, N.Symbol) and not w.roles.is_signal(left.name) and w.is_vector(rsh)
    after = node.right.arg if isinstance(node.right, N.Transpose) else node.right
    if meaning is None and not weight and cues.writes_at_sign(w) and not cues.writes_hadamard(w):
        return same(w, node, lsh, rsh, "elementwise")  # numpy's: @ the matrix product, * elementwise
    if meaning is None and not weight and _weight_after_signal(w, left, after, lsh):
        return _signal_star(w, node, lsh, rsh, left, after, own)
    if meaning is None and isinstance(node.right, N.Transpose) and w.is_vector(lsh) and w.is_row(rsh):
        w.note(node, f"{w.text(node)} at {w.src.where(node.span)}: * between a column and a transposed vector reads "
                     "as their outer product (elementwise, the shapes would not agree)")
        return product(w, node, lsh, rsh)
    if meaning == "elementwise" or not weight:
        return same(w, node, lsh, rsh, "elementwise")
    if meaning is None and cues.writes_at_sign(w) and not cues.writes_hadamard(w):
        w.note(node, f"{w.text(node)} at {w.src.where(node.span)}: * after a weight reads as an elementwise product: the "
                     f"text writes its matrix products with @ (--read '{own}*=matrix' reads a matrix product)")
        return same(w, node, lsh, rsh, "elementwise")
    where = w.src.where(node.span)
    if meaning is None and cues.typeset_asterisk(w, node) and cues.writes_hadamard(w):  # W ∗ X beside ◦: a convolution, or a product
        return _product_or_convolution(w, node, lsh, rsh, where)
    open_ = meaning == "open" and not cues.writes_hadamard(w)  # the prose speaks of this product: both readings
    reading = current().pick(Choice(f"{own}*", ("matrix", "elementwise"), where, f"what * after {left.text} means"),
                             ambiguous=open_)
    if reading == "matrix":
        w.note(node, f"{w.text(node)} at {where}: * after a weight reads as a matrix product; " + (
            "the text writes its elementwise product another way" if cues.writes_hadamard(w) else
            "the text does not say whether * is elementwise, a matrix product or a convolution") +
            f" (--read '{own}*=elementwise' reads it elementwise)")
        return product(w, node, lsh, rsh)
    w.note(node, f"{w.text(node)} at {where}: * after a weight reads as an elementwise product")
    return same(w, node, lsh, rsh, "elementwise")


def _signal_star(w: "Walker", node: N.Binary, lsh: Shape, rsh: Shape, left, after, own: str) -> Shape:
    """x_t * W: as the rest of the text decides (_signal_star_weight); else, where the text states its count, both
    readings (the stated count picks, measure.stated), and where it does not, refused: the text does not say."""
    decided = _signal_star_weight(w, node, lsh, rsh, after, own)
    if decided is not None:
        return decided
    if not w.roles.cell.stated:
        from ..errors import ShapeError
        raise ShapeError(f"cannot tell what * means in {w.text(node)}: a row vector times the weight "
                         f"{after.text} after it (x U), or an elementwise product; the text does not say",
                         source=w.src, span=node.span,
                         hint=f"write the product without * ({' '.join(w.text(node).replace('*', ' ').split())})" + (
                             f", or add --read '{own}*=elementwise'" if own else ", or ⊙ for an elementwise product"))
    reading = current().pick(Choice(f"{own}*", ("matrix", "elementwise"), w.src.where(node.span),
                                    f"what * between {w.text(left)} and the weight {after.text} after it means: a row "
                                    "vector times a matrix (x U), or an elementwise product"), ambiguous=True)
    w.note(node, f"{w.text(node)} at {w.src.where(node.span)}: " + (
        f"a row vector times {after.text}" if reading == "matrix" else "an elementwise product"))
    return product(w, node, lsh, rsh) if reading == "matrix" else same(w, node, lsh, rsh, "elementwise")


def _signal_star_weight(w: "Walker", node: N.Binary, lsh: Shape, rsh: Shape, after, own: str) -> Shape | None:
    """x_t * W: a row vector times the weight after it, or an elementwise product, as the rest of the
    text decides (the prose calls W a matrix; the text writes its elementwise products another way; it
    writes its matrix products side by side); None where nothing decides."""
    called = cues.called_matrix(w)
    if called:
        w.note(node, f"{w.text(node)} at {w.src.where(node.span)}: a row vector times {after.text}, " + (
            "which the prose calls a matrix" if after.name in called else
            f"as `*` is after {', '.join(sorted(called))}, which the prose calls a matrix (one operator, one meaning)"))
        return product(w, node, lsh, rsh)
    if cues.writes_hadamard(w, signals=True):
        w.note(node, f"{w.text(node)} at {w.src.where(node.span)}: a row vector times {after.text}: the text writes "
                     "its elementwise products of signals another way, so * is the matrix product "
                     f"(--read '{own}*=elementwise' reads it elementwise)")
        return product(w, node, lsh, rsh)
    if cues.juxtaposes_signals(w):
        w.note(node, f"{w.text(node)} at {w.src.where(node.span)}: an elementwise product: the text writes its "
                     "matrix products of a signal and a weight side by side (v W), so * is elementwise "
                     f"(--read '{own}*=matrix' reads a matrix product)")
        return same(w, node, lsh, rsh, "elementwise")
    return None


def _product_or_convolution(w: "Walker", node: N.Binary, lsh: Shape, rsh: Shape, where: str) -> Shape:
    """W ∗ X in a text that writes its elementwise products with ◦: a matrix product or a convolution,
    one choice for the operator (a convolution whose kernel the text leaves unsized refuses)."""
    reading = current().pick(Choice("*", ("matrix", "convolution"), where, "what ∗ after a weight means (one "
                                    "operator, one meaning)", True), ambiguous=True)
    if reading == "convolution":
        return convolution(w, node, lsh, rsh)
    w.note(node, f"{w.text(node)} at {where}: ∗ after a weight reads as a matrix product (--read '*=convolution' "
                 "reads a convolution)")
    return product(w, node, lsh, rsh)


def _weight_after_signal(w: "Walker", left: N.Expr, right: N.Expr, lsh: Shape) -> bool:
    """x_t * U, (r_t ◦ h_{t-1}) * U: a vector of signals, then a weight (a row-vector convention, or an
    elementwise one)."""
    signals = isinstance(left, N.Symbol) and w.roles.is_signal(left.name) or not isinstance(left, N.Symbol) and all(
        w.roles.is_signal(x.name) for x in N.walk(left) if isinstance(x, N.Symbol))
    return (signals and w.is_vector(lsh)
            and isinstance(right, N.Symbol) and not w.roles.is_signal(right.name) and right.name in w.params)


def _key(name: str) -> str:
    return key(name)


_MEANINGS = {"elementwise": "elementwise", "hadamard": "elementwise", "matmul": "matmul", "matrix": "matmul",
             "convolution": "convolution"}


def _meaning(w: "Walker", node: N.Binary, op: str, said: str | None, own: str | None = None) -> str | None:
    """What an operator means: as --read '*=elementwise' settles it, else as the prose says (None:
    decided by the shapes). `own`: the left operand, whose product --read 'W*=...' settles."""
    reader = current()
    if own is not None and f"{own}{op}" in reader.settled:  # --read 'W*=elementwise': this product's own
        return _MEANINGS[reader.pick(Choice(f"{own}{op}", ("matrix", "elementwise", "convolution"), w.src.where(node.span),
                                            f"what {op} after {own} means"), ambiguous=False)]
    if op not in reader.settled:
        return said
    value = reader.pick(Choice(op, ("elementwise", "matrix", "convolution"), w.src.where(node.span),
                               f"what {op} means"), ambiguous=False)
    return _MEANINGS[value]


def convolution(w: "Walker", node: N.Binary, lsh: Shape, rsh: Shape) -> Shape:
    """W * x with * a convolution: W is a kernel whose output and input channels are its rows and
    columns; its kernel sizes must be declared."""
    kernel = node.left
    while isinstance(kernel, N.Transpose):
        kernel = kernel.arg
    if isinstance(kernel, N.Symbol) and kernel.lag is None:
        w.kernels.setdefault(kernel.name, node)
        w.note(node, f"{w.text(node)} at {w.src.where(node.span)}: * is a convolution, as the text says; "
                     f"{kernel.text} is its kernel")
    return product(w, node, lsh, rsh, "convolution")


def concatenation(w: "Walker", node: N.Concat) -> Shape:
    """[a, b]: vectors stacked into one (rows add up), or rows side by side ([x^T, h^T]: columns add up); weights
    between commas or spaces, [W_{hh}, W_{hx}], side by side or stacked (a reading: _side_by_side)."""
    shapes = [w.shape(x) for x in node.items]
    rows_of_rows = all(w.solver.resolve(sh.rows) == UNIT and w.solver.resolve(sh.cols) != UNIT for sh in shapes) \
        or _side_by_side(w, node)
    along, across = ("cols", "rows") if rows_of_rows else ("rows", "cols")
    noun = "rows" if rows_of_rows else "columns"
    total: dict = {}
    for x, sh in zip(node.items, shapes):
        for v, k in getattr(sh, along).items():
            total[v] = total.get(v, 0) + k
        if sh is not shapes[0]:
            ev = w.evidence("concatenation", f"{w.text(x)} is stacked with {w.text(node.items[0])}, so both have as many {noun}",
                            node, (getattr(shapes[0], across), getattr(sh, across)))
            if not w.solver.unify(getattr(shapes[0], across), getattr(sh, across), ev):
                raise w.fail(f"cannot stack {w.text(node.items[0])} and {w.text(x)}: they have different numbers "
                             f"of {noun}", node.span, node.items[0], x, shapes[0], sh, "concatenation")
    first = getattr(shapes[0], across)
    origin = next((o for o in (getattr(sh, across + "_from") for sh in shapes) if o), {})
    return Shape(first, total, False, origin, {}) if rows_of_rows else Shape(total, first, False, {}, origin)




def _side_by_side(w: "Walker", node: N.Concat) -> bool:
    """[W_{hh}, W_{hx}], [W_{hh} \\quad W_{hx}]: parameters between commas or spaces sit side by side (a block row, as
    MATLAB writes it: rows equal, columns add up), or are stacked (rows add up); which is a reading, side by side
    first. Items joined by a semicolon or a row's end are stacked, a matrix's cells in one row (`&`) side by side, and
    a bracket that holds a signal is a vector."""
    items = node.items
    if len(items) < 2 or not all(isinstance(x, N.Symbol) and x.lag is None and x.name not in w.roles.signals for x in items):
        return False
    text = w.src.text
    between = [text[a.span.end:b.span.start] for a, b in zip(items, items[1:])]
    if any(";" in s or "\\\\" in s for s in between):
        return False
    if all("&" in s for s in between):
        return True  # (a matrix's cells in one row: \begin{bmatrix} W_{xh} & W_{hh} \end{bmatrix})
    names = "+".join(key(x.text) for x in items)  # (the key: no comma, which --read splits at)
    return current().pick(Choice(f"[{names}]", ("side-by-side", "stacked"), w.src.where(node.span),
                                 f"whether the parameters in {w.text(node)} sit side by side or are stacked")) == "side-by-side"


def _joined(w: "Walker", node: N.Binary) -> bool:
    """[h_{t-1} x_t], [h_{t-1} \\; x_t]: two vectors side by side, all a square bracket holds, joined into one (as
    MATLAB writes it) or multiplied entry by entry; which is a reading, joined first (with a space written between
    them, `\\;`, `\\quad`, joined)."""
    text = w.src.text
    if not (text.startswith("[", node.span.start) and text.endswith("]", 0, node.span.end)):
        return False
    if any(_gate(w, x) for x in (node.left, node.right)):
        return False  # ([f_t \\, h_{t-1}], [(1 - z_t) h_{t-1}]: a gate's values scale the other's, entry by entry)
    between = text[node.left.span.end:node.right.span.start]
    if "\\" in between and any(space in between for space in ("\\;", "\\ ", "\\quad", "\\qquad")):
        return True  # (a space written between them, [h_{t-1} \\; x_t]: two entries of a row, never a product)
    said = f"{key(node.left.text)}+{key(node.right.text)}" if isinstance(node.left, N.Symbol) and isinstance(node.right, N.Symbol) \
        else key(w.text(node)).replace(",", ";")  # (no comma in a key: --read splits at it)
    return current().pick(Choice(f"[{said}]", ("joined", "elementwise"), w.src.where(node.span),
                                 f"whether {w.text(node)} joins the two vectors into one or multiplies them entry by entry")) == "joined"


def _gate(w: "Walker", node) -> bool:
    """A side that reads a gate: a signal the equations compute as a sigmoid of something (`f_t = \\sigma(...)`)."""
    for x in N.walk(node):
        eq = w.roles.defined.get(x.name) if isinstance(x, N.Symbol) else None
        if eq is not None and isinstance(eq.rhs, N.Apply) and split(eq.rhs.func)[0].lstrip("\\") in ("sigma", "sigmoid", "σ"):
            return True
    return False


# an operation with a scalar operand (1 - z_t, \alpha h_{t-1}, h / 2): its kind, one per entry
SCALAR_KIND = {"add": "add", "sub": "sub", "matmul": "scale", "star": "scale", "hadamard": "scale", "divide": "divide"}

RULES: dict[str, Rule] = {
    "matmul": Rule("product", product),
    "star": Rule("product", star),
    "add": Rule("sum", same, "is added to", "add", "and", "a sum"),
    "sub": Rule("sum", same, "is subtracted from", "subtract", "from", "a sum"),
    "hadamard": Rule("elementwise", hadamard, "is multiplied elementwise by",
                     "take the elementwise product of", "and", "an elementwise product"),
    "divide": Rule("elementwise", same, "divides", "divide", "by", "an elementwise quotient"),
}
