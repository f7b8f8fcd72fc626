"""What a text writes around its products, as the product rules (shapes.rules) ask it: whether it
writes its elementwise products another way (`\\odot`, `.*`), its matrix products with `@`, signals side
by side; whether a product's left operand is a coefficient (a fraction, a Greek letter the prose calls a
number, `(1 - z)` beside an activation), an inner product, a typeset asterisk; which letters the prose
calls matrices."""
from __future__ import annotations

from ..errors import TYPE_CHECKING  # typing's, without importing typing (a start-up cost)

from ..read import nodes as N
from ..read.names import GREEK
from .dims import Shape, UNIT

if TYPE_CHECKING:  # pragma: no cover
    from .unify import Walker


def scaled_activation(w: "Walker", node: N.Binary, lsh: Shape) -> bool:
    """(1 - \\lambda) \\sigma(x_t W_f + b_f): a difference with a number, side by side with a function's value,
    scales it entry by entry (HGRN's lower bound), as (1 - z_t) h_{t-1} scales a state; not where the left
    side is known to be a matrix (declared so, or of several columns)."""
    left = node.left
    if not (isinstance(left, N.Binary) and left.op in ("add", "sub") and isinstance(node.right, N.Apply)
            and (isinstance(left.left, N.Number) or isinstance(left.right, N.Number))):
        return False
    declared = w.roles.declared
    if any(isinstance(x, N.Symbol) and x.name in declared and declared[x.name].cols is not None
           and not declared[x.name].cols.lin.is_one for x in N.walk(left)):
        return False
    cols = w.solver.resolve(lsh.cols)
    return not w.is_row(lsh) and (cols == UNIT or all(isinstance(k, int) for k in cols))  # a column, or columns unknown


def fraction_coefficient(w: "Walker", node: N.Binary, lsh: Shape) -> bool:
    """\\frac{1}{1-d_x} z_x: a fraction written before a factor is a coefficient, one number, when
    nothing else gives it a shape (its symbols then scalars, like a dropout rate)."""
    if node.explicit or not (isinstance(node.left, N.Binary) and node.left.op == "divide"):
        return False
    free = all(all(isinstance(v, int) or (v is None and k == 1) for v, k in w.solver.resolve(x).items())
               for x in (lsh.rows, lsh.cols))
    if not free or lsh.scalar:
        return False
    ev = w.evidence("product", f"{w.text(node.left)} is written before {w.text(node.right)} as a coefficient, so it is "
                    "one number", node, (lsh.rows, UNIT), (lsh.rows_from, {}))
    if not (w.solver.unify(lsh.rows, UNIT, ev) and w.solver.unify(lsh.cols, UNIT, ev)):
        return False
    w.note(node, f"{w.text(node.left)} at {w.src.where(node.left.span)} is written before {w.text(node.right)}: read as a "
                 "coefficient, one number")
    return True


LOWER_GREEK = frozenset("\\" + g for g in GREEK if g[0].islower())


def greek_coefficient(w: "Walker", node: N.Binary, lsh: Shape, rsh: Shape) -> bool:
    """\\beta_t (S_{t-1} k_t - v_t): a Greek signal written before a vector, its size given by nothing
    else yet, is one number (DeltaNet's \\beta_t) or a vector multiplied elementwise (as f_t c_{t-1}):
    a choice, both solved (a reading the rest of the cell contradicts drops out). A signal of one entry
    (as the text declares it, or another reading made it) before anything is a coefficient."""
    left = node.left
    if node.explicit or not (isinstance(left, N.Symbol) and left.lag is not None and not lsh.scalar):
        return False
    if w.solver.resolve(lsh.rows) == UNIT == w.solver.resolve(lsh.cols) and not rsh.scalar and w.solver.resolve(rsh.rows) != UNIT:
        return True  # a signal of one entry (\beta_t after a first product read it as one number): a coefficient
    if not (w.is_vector(lsh) and left.name in LOWER_GREEK and w.is_vector(rsh)):
        return False
    own, other = w.solver.resolve(lsh.rows), w.solver.resolve(rsh.rows)
    if len(own) != 1 or not all(isinstance(v, int) and k == 1 and v not in other for v, k in own.items()):
        return False  # its size is given (declared, or equal to the vector's already)
    from ..read.choices import Choice, current, key
    where = w.src.where(left.span)
    inner = inner_product(w, left.name)  # \beta_t = \sigma(w_\beta^\top x_t): one number, as its definition writes it
    if current().pick(Choice(key(left.name), ("scalar", "elementwise") if inner else ("elementwise", "scalar"), where,
                             f"{left.text} before a vector: one number, or a vector multiplied elementwise"),
                      ambiguous=not inner) != "scalar":
        return False
    ev = w.evidence("product", f"{left.text} is written before {w.text(node.right)} as a coefficient, so it is one number",
                    node, (lsh.rows, UNIT), (lsh.rows_from, {}))
    w.solver.nonconst.difference_update(own)  # a signal of one entry, as this reading says (not by accident)
    if not w.solver.unify(lsh.rows, UNIT, ev):
        return False
    w.note(node, f"{left.text} at {where} is read as one number (--read '{key(left.name)}=elementwise' reads it as a vector)")
    return True


def one_entry_before(w: "Walker", node: N.Binary, lsh: Shape, rsh: Shape) -> bool:
    """`(1 - \\alpha_t) h_{t-1}`, where \\alpha_t is one number (an inner product's value): an expression of one entry,
    known so, side by side before a vector whose size is not known to be one, scales it (elementwise, it would make
    the vector one number)."""
    if node.explicit or isinstance(node.left, N.Symbol) or lsh.scalar or rsh.scalar:
        return False
    parts = list(N.walk(node.left))
    signals = [x for x in parts if isinstance(x, N.Symbol)]
    if not signals or not all(isinstance(x, (N.Symbol, N.Number, N.Binary, N.Neg)) for x in parts) \
            or any(isinstance(x, N.Binary) and x.op not in ("add", "sub") for x in parts) \
            or not all(x.lag is not None and inner_product(w, x.name) for x in signals):
        return False  # (numbers and signals each defined as an inner product, one number: (1 - \\alpha_t))
    w.note(node, f"{w.text(node.left)} at {w.src.where(node.left.span)} is one number: it scales {w.text(node.right)}")
    return True


def inner_product(w: "Walker", name: str) -> bool:
    """Whether the signal's equation computes it from a lower-case weight transposed times a vector
    (\\beta_t = \\sigma(w_\\beta^\\top x_t + b)): an inner product, one number."""
    eq = w.roles.defined.get(name)
    n = eq.rhs if eq is not None else None
    while isinstance(n, N.Apply) and not n.each and not isinstance(n.arg, N.Tuple):
        n = n.arg
    while isinstance(n, N.Binary) and n.op in ("add", "sub"):
        n = n.left
    return (isinstance(n, N.Binary) and n.op == "matmul" and isinstance(n.left, N.Transpose)
            and isinstance(n.left.arg, N.Symbol) and n.left.arg.name[:1].islower() and n.left.arg.name[:1].isalpha())


def typeset_asterisk(w: "Walker", node: N.Binary) -> bool:
    """The operator is the typeset asterisk (∗, \\ast), a paper's convolution as often as a product, not code's `*`."""
    between = w.src.text[node.left.span.end:node.right.span.start]
    return "∗" in between or "\\ast" in between


def called_matrix(w: "Walker") -> set[str]:
    """The weights written after a signal and `*` (x_t * W) that the prose calls a matrix: then `*`
    after a signal is a row vector times a weight, in every such product of the text."""
    found = getattr(w, "called_matrix", None)
    if found is None:
        gloss = w.roles.glossary
        found = set()
        for eq in w.roles.cell.equations if gloss.matrices else ():
            for n in N.walk(eq.rhs):
                if isinstance(n, N.Binary) and n.op == "star":
                    right = n.right.arg if isinstance(n.right, N.Transpose) else n.right
                    if (isinstance(right, N.Symbol) and isinstance(n.left, N.Symbol) and w.roles.is_signal(n.left.name)
                            and not w.roles.is_signal(right.name) and gloss.calls_matrix(right.name)):
                        found.add(right.name)
        w._called_matrix = found
    return found


def writes_at_sign(w: "Walker") -> bool:
    """The cell writes its matrix products with @ (numpy's, torch's): then * is elementwise, as there."""
    found = getattr(w, "_at_sign", None)
    if found is None:
        text = w.src.text
        found = "@" in text and any(isinstance(n, N.Binary) and n.op == "matmul" and n.explicit
                                    and "@" in text[n.left.span.end:n.right.span.start]
                                    for eq in w.roles.cell.equations for n in N.walk(eq.rhs))
        w._at_sign = found
    return found


def juxtaposes_signals(w: "Walker") -> bool:
    """The cell writes a product of a signal and a weight side by side, no operator (v W_2, W x_t)."""
    sig = lambda x: isinstance(x, N.Symbol) and w.roles.is_signal(x.name)  # noqa: E731
    return any(isinstance(n, N.Binary) and n.op == "matmul" and not n.explicit
               and isinstance(n.left, N.Symbol) and isinstance(n.right, N.Symbol) and sig(n.left) != sig(n.right)
               for eq in w.roles.cell.equations for n in N.walk(eq.rhs))


def writes_hadamard(w: "Walker", signals: bool = False) -> bool:
    """The cell writes an elementwise product with its own operator (.*, \\odot, \\circ); `signals`:
    or with \\cdot between two signals (h_{t-1} \\cdot r_t), where * is used too."""
    found = getattr(w, "_hadamard", None)
    if found is None:
        found = any(isinstance(n, N.Binary) and n.op == "hadamard" for eq in w.roles.cell.equations
                    for side in (eq.lhs, eq.rhs) for n in N.walk(side))
        w._hadamard = found
    if found or not signals:
        return found
    return any(isinstance(n, N.Binary) and n.op == "matmul" and n.explicit and all(
               isinstance(x, N.Symbol) and w.roles.is_signal(x.name) for x in (n.left, n.right))
               for eq in w.roles.cell.equations for n in N.walk(eq.rhs))
