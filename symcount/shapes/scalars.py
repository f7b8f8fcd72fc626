"""One number among vectors, as papers write it: a parameter added to an inner product is one number
(\\mathbf{w}^\\top \\mathbf{x}_t + b_f), a bold lower-case weight transposed is a vector, and a signal of
one entry defined as a value makes the value one entry. Steps of the unifying walk (shapes.unify)."""
from __future__ import annotations

from ..errors import TYPE_CHECKING  # typing's, without importing typing (a start-up cost)
from ..read import nodes as N
from ..read import patterns as re  # re, with the package's patterns compiled ahead (read.patterns)
from . import rules
from .dims import UNIT, Shape

if TYPE_CHECKING:  # pragma: no cover
    from .unify import Walker


def with_scalar(w: "Walker", b: N.Binary, acc: Shape, right: Shape) -> Shape:
    """A sum or product with one number: the other operand's shape (w^T x + b: b one number too)."""
    if _scalar_bias(w, b, acc, right):
        return acc if acc.scalar else right
    big = right if acc.scalar else acc
    if not big.scalar:  # scalars alone cost nothing that grows with the sizes
        w.op(rules.SCALAR_KIND[b.op], b, big.rows, big.cols, operands=(b.left, b.right))
    return big


def _scalar_bias(w: "Walker", b: N.Binary, acc: Shape, right: Shape) -> bool:
    """\\mathbf{w}^\\top \\mathbf{x}_t + b_f: a parameter of a size nothing gives yet, added to one number
    made of a product (not 1 - z_t, a number and a signal), is one number (a sum needs equal shapes)."""
    one = b.left if acc.scalar else b.right
    if b.op not in ("add", "sub") or not _made_of_products(one):
        return False  # 1 - a: a number and a vector, broadcast
    node, sh = (b.right, right) if acc.scalar else (b.left, acc)
    if not (isinstance(node, N.Symbol) and node.lag is None and not sh.scalar and not w.roles.is_signal(node.name)):
        return False
    if node.font == "bold" or len(w.roles.param_equations.get(node.name, ())) > 1 or _declared_vector(w) \
            or node.name in w.roles.declared:
        return False  # a bold b (a vector), a b other equations use too, a gate the text declares a vector: broadcast
    sides = [w.solver.resolve(x) for x in (sh.rows, sh.cols)]
    if not all(r == UNIT or (len(r) == 1 and all(isinstance(v, int) and k == 1 for v, k in r.items())) for r in sides):
        return False  # a size the text gives it
    ev = w.evidence("sum", f"{w.text(node)} is added to one number, {w.text(b.left if node is b.right else b.right)}, "
                    "so it is one number", b, (sh.rows, UNIT), (sh.rows_from, {}))
    if not (w.solver.unify(sh.rows, dict(UNIT), ev) and w.solver.unify(sh.cols, dict(UNIT), ev)):
        return False
    w.note(node, f"{w.text(node)} at {w.src.where(node.span)} is added to an inner product, one number: read as one "
                 "number (a bias vector there would be broadcast; declare its shape if it is one)")
    return True


def _declared_vector(w: "Walker") -> bool:
    """The equation being walked defines a signal the text declares with more than one entry (z_t \\in \\mathbb{R}^n)."""
    eq = w.equation_now[1] if w.equation_now else None
    decl = w.roles.declared.get(eq.lhs.name) if eq is not None and isinstance(eq.lhs, N.Symbol) else None
    return decl is not None and decl.rows is not None and not decl.rows.lin.is_one


def _made_of_products(n) -> bool:
    """w^T x_t, or w^T x_t + u^T h_{t-1}: one number made of products (every term of the sum one)."""
    while isinstance(n, N.Binary) and n.op in ("add", "sub"):
        if not _made_of_products(n.right):
            return False
        n = n.left
    return isinstance(n, N.Binary) and n.op in ("matmul", "star")


def one_entry(w: "Walker", lsh: Shape, rsh: Shape) -> None:
    """A signal of one entry (\\beta_t, read as one number) defined as a value: the value is one entry too
    (a signal's size may then be 1, not by accident)."""
    if w.solver.resolve(lsh.rows) == UNIT == w.solver.resolve(lsh.cols):
        w.solver.nonconst.difference_update(w.solver.resolve(rsh.rows))


def bold_vector(w: "Walker", arg, sh: Shape) -> Shape:
    """\\mathbf{w}_i^\\top \\mathbf{x}_t: a weight written as a bold lower-case letter, transposed, is a
    vector (bold lower case for vectors, upper case for matrices), its product with a vector one number."""
    if not (isinstance(arg, N.Symbol) and arg.font == "bold" and arg.lag is None
            and arg.name[:1].islower() and arg.name[:1].isalpha() and not w.roles.is_signal(arg.name) and not sh.scalar):
        return sh
    if w.solver.resolve(sh.cols) != UNIT:
        ev = w.evidence("vector", f"{w.text(arg)} is a bold lower-case letter transposed: a vector, one column", arg,
                        (sh.cols, UNIT), (sh.cols_from, {}))
        if w.solver.unify(sh.cols, dict(UNIT), ev):
            bold = "bold " if re.search(r"\\(?:mathbf|bm|boldsymbol|pmb)", w.text(arg)) else ""  # (or read so: shapes.retries)
            w.note(arg, f"{w.text(arg)} at {w.src.where(arg.span)} is a {bold}lower-case letter transposed: read as a vector")
    return sh
