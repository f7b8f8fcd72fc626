"""Why two dimensions are equal: the walk's evidence (shapes.unify records it, shapes.infer hands it on in
Shapes, the explanation reads it), and the text of a node's source as the evidence and the messages quote it."""
from __future__ import annotations

from operator import attrgetter

from ..errors import TYPE_CHECKING, Record
from ..read.nodes import Lin
from ..read.source import Span

if TYPE_CHECKING:  # pragma: no cover
    from ..read import nodes as N


class Sizes:
    """The walk's sizes as Lins, once every open size has its name (shapes.infer._results sets names and
    memo): what the walk's evidence is frozen by when first read (Evidence.dims)."""

    __slots__ = ("solver", "names", "memo")

    def __init__(self, solver) -> None:
        self.solver, self.names, self.memo = solver, None, {}

    def freeze(self, form: dict):
        """The form as a Lin (each form frozen once, by its id: most evidence shares a few forms)."""
        lin = self.memo.get(id(form))
        if lin is None:
            lin = self.memo[id(form)] = self.solver.freeze(form, self.names)
        return lin


class Evidence(Record):
    """Why two dimensions are equal."""
    __slots__ = ('rule', 'said', 'span', 'equation', 'node', 'eq', 'equated', 'origins')
    _defaults = {'node': None, 'eq': None, 'equated': (), 'origins': ({}, {})}

    rule: str        # "product", "sum", "elementwise", "gain", "shift" (a normalisation's own), "equation",
    #                  "concatenation", "declaration", "vector" (a bold lower-case letter transposed: shapes.scalars)
    said: str | tuple  # its text, or (a format, the source, the spans whose texts fill it): see text
    span: Span
    equation: str    # the equation's left side, or "" for a declaration
    node: object  # the AST node: a Binary, Concat, Apply, Equation or Declaration
    eq: N.Equation | None  # the equation it belongs to (None for a declaration)
    equated: tuple  # the two dimensions equated (forms), or the walk's (forms, Sizes): see dims
    # for each of the two: parameter name -> "rows" or "cols", the parameter dimension it comes from
    # (recorded for products and equations, which is what the explanations ask of evidence)
    origins: tuple[dict, dict]

    @property
    def text(self) -> str:
        """A sentence: what the operation forces. The commonest evidence (sums, products, equations) is worded
        only when read: a long cell has ten thousand, and few are ever read (an error, an explanation)."""
        said = self.said
        return said if said.__class__ is str else said[0].format(*[source_text(said[1], s) for s in said[2]])

    @property
    def dims(self) -> tuple:
        """The two dimensions equated: forms while inferring, Lins once the sizes have their names (Shapes').
        The walk's evidence is frozen when first read (then kept in its slot): a long cell has ten
        thousand, read by an explanation only."""
        equated = self.equated
        if len(equated) != 2 or equated[1].__class__ is not Sizes:
            return equated
        forms, sizes = equated
        if sizes.names is None:
            return forms  # (inferring still: no size is named yet)
        frozen = forms if not forms or forms[0].__class__ is Lin else tuple([sizes.freeze(f) for f in forms])
        Evidence.__dict__["equated"].__set__(self, frozen)
        return frozen


# equal as it was with its dimensions frozen: compared by its dims (frozen if need be), not by what freezes them
Evidence._compared = staticmethod(attrgetter(*("dims" if n == "equated" else n for n in Evidence._compared_fields)))


def source_text(src, span: Span) -> str:
    """The source of a span on one line, its middle elided when long."""
    if span.end - span.start > 200:
        head = " ".join(src.text[span.start:span.start + 60].split())
        tail = " ".join(src.text[span.end - 60:span.end].split())
        return f"{head[:36]} … {tail[-36:]}"
    text = " ".join(src.slice(span).split())
    return text if len(text) <= 80 else f"{text[:36]} … {text[-36:]}"
