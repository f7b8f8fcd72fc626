"""The parameter count, one measure of a cell: Shapes -> Counts, exact integer polynomials
(symcount.poly) per parameter, per equation and in total. The API shows them as sympy expressions."""
from __future__ import annotations

from ..read import patterns as re  # re, with the package's patterns compiled ahead (read.patterns)

from . import poly as P
from ..errors import Record, ShapeError, replace
from ..read.choices import Choice, current
from ..shapes.infer import ParamShape, Shapes


class Parameter(Record):
    __slots__ = ('name', 'poly', 'bias', 'scalar', 'equation', 'equations', 'shape')
    name: str
    poly: P.Poly                   # its number of entries
    bias: bool
    scalar: bool
    equation: str                  # label of the first equation that uses it
    equations: tuple[str, ...]     # labels of every equation that uses it
    shape: ParamShape

    @property
    def shared(self) -> bool:
        return len(self.equations) > 1

    @property
    def rows(self):
        """The number of rows, a sympy expression."""
        return P.to_sympy(P.linear(self.shape.rows.terms, self.shape.rows.const))

    @property
    def cols(self):
        return P.to_sympy(P.linear(self.shape.cols.terms, self.shape.cols.const))

    @property
    def count(self):
        """The number of entries, a sympy expression."""
        return P.to_sympy(self.poly)


class EquationCount(Record):
    __slots__ = ('label', 'text', 'line', 'parameters', 'shared', 'poly')
    label: str                     # the left side, e.g. i_t
    text: str                      # the equation as written
    line: int
    parameters: tuple[str, ...]    # first used here: counted in this subtotal
    shared: tuple[str, ...]        # used here, counted where first used
    poly: P.Poly                   # the subtotal

    @property
    def subtotal(self):
        """The parameters first used here, counted: a sympy expression."""
        return P.to_sympy(self.poly)


class Counts(Record):
    __slots__ = ('parameters', 'equations', 'total', 'dims')
    parameters: tuple[Parameter, ...]
    equations: tuple[EquationCount, ...]
    total: P.Poly
    dims: tuple[str, ...]


def size(shape: ParamShape) -> P.Poly:
    """rows x cols, or 1 for a scalar."""
    reals = shape.reals  # a complex entry read as two real numbers: 2
    if shape.scalar:
        return P.const(reals)
    if shape.diagonal:
        return P.product(P.const(reals), P.linear(shape.rows.terms, shape.rows.const))
    return P.product(P.const(reals), *[P.linear(x.terms, x.const) for x in (shape.rows, shape.cols) + shape.kernel])


def _size(shapes: Shapes, shape: ParamShape, memo: dict | None = None) -> P.Poly:
    """size(shape), if its polynomial is within the limits (MAX_TERMS terms, MAX_DIGITS digits);
    with `memo`, worked out once per distinct shape (a long cell has thousands of d_h x d_h weights),
    each parameter given its own copy."""
    if memo is not None:
        key = (id(shape.rows), id(shape.cols), id(shape.kernel), shape.reals, shape.scalar, shape.diagonal)  # (held)
        found = memo.get(key)
        if found is None:
            found = memo[key] = _size(shapes, shape)
        return dict(found)
    try:
        return P.check(size(shape))
    except P.TooLarge as exc:
        raise ShapeError(f"the number of entries of {shape.name} is a polynomial too large to print: {exc}",
                         source=shapes.cell.source, span=shape.span, hint="write smaller sizes") from None


def per_head(shapes: Shapes, name: str, poly: P.Poly) -> P.Poly:
    """A parameter of one head, times the head count (`% symcount: heads H`), unless shared."""
    if shapes.heads is None or name in shapes.shared:
        return poly
    return P.mul(poly, P.var(shapes.heads))


def count(shapes: Shapes, *, bias: bool = True) -> Counts:
    labels = [eq.label for eq in shapes.cell.equations]
    sizes: dict = {}
    params = [Parameter(p.name, per_head(shapes, p.name, _size(shapes, p, sizes)), p.bias, p.scalar, labels[p.equations[0]] if p.equations else "",
                        tuple(labels[i] for i in p.equations), p)
              for p in shapes.params if bias or not p.bias]
    if _two_biases(shapes, params):  # each bias is an input bias and a hidden bias: twice its entries
        params = [replace(p, poly=P.mul(p.poly, P.const(2))) if p.bias else p for p in params]
    src = shapes.cell.source
    first: dict[int, list[Parameter]] = {}
    also: dict[int, list[str]] = {}
    for p in params:
        if not p.shape.equations:
            continue  # listed with its shape, used by no equation (read.listing)
        first.setdefault(p.shape.equations[0], []).append(p)
        for i in p.shape.equations[1:]:
            also.setdefault(i, []).append(p.name)
    eqs = []
    for i, eq in enumerate(shapes.cell.equations):
        own = first.get(i, [])
        eqs.append(EquationCount(eq.label, " ".join(src.slice(eq.span).split()), src.line_col(eq.span.start)[0],
                                 tuple(p.name for p in own), tuple(also.get(i, ())), P.add(*[p.poly for p in own])))
    total = P.add(*[p.poly for p in params])
    try:
        P.check(total)
    except P.TooLarge as exc:
        raise ShapeError(f"the cell's count is a polynomial too large to print: {exc}", source=src,
                         hint="write smaller sizes") from None
    return Counts(tuple(params), tuple(eqs), total, shapes.dims)


_PAIR_NAME = re.compile(r"_\{?(ih|hh)\b")


def _two_biases(shapes: Shapes, params: list[Parameter]) -> bool:
    """A text whose parameter list names a bias_ih and a bias_hh (torch's convention: an input bias
    and a hidden bias per gate) over equations that write one bias each, fewer than their weights,
    allows two readings: the biases as the equations write them, or each one twice."""
    from ..read.glossary import glossary
    biases = [p for p in params if p.bias and p.shape.equations]
    weights = [p for p in params if not p.bias and not p.scalar and not p.shape.cols.is_one]
    per_equation = [p.shape.equations[0] for p in biases]
    if (not biases or len(biases) >= len(weights) or len(set(per_equation)) < len(per_equation)
            or not glossary(shapes.cell.prose).paired_biases or any(_PAIR_NAME.search(p.name) for p in biases)):
        return False  # an equation with two biases (b_ih + b_hh) writes the pair itself; b_{ih} names its one
    src = shapes.cell.source
    where = src.where(biases[0].shape.span)
    return current().pick(Choice("biases", ("as-written", "doubled"), where,
                                 "the biases as the equations write them, or two per gate (bias_ih and bias_hh, "
                                 "as the parameter list names)")) == "doubled"
