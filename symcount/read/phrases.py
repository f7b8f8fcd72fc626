"""Words written inside the math: `f_t = \\sigma(W_f x_t + b_f)  (forget gate)` reads `forget` as a
weight times a signal `gate`, a count nobody meant. Two plain lower-case words of three letters or
more written side by side, neither a signal the equations define, are a phrase of prose, not a
product: the text is refused with where they are and how to write them (in \\text{}, or outside the
math). A single word stays a name (`bias`, `state`): a text may name a weight so."""
from __future__ import annotations

from ..errors import ParseError, replace
from . import nodes as N
from . import patterns as re  # re, with the package's patterns compiled ahead (read.patterns)
from .cellwalk import right_nodes
from .words import kind

_WORD = re.compile(r"[a-z]{3,}")


def phrases(cell: N.Cell, notes: list[str]) -> N.Cell:
    defined = {eq.lhs.name for eq in cell.equations if isinstance(eq.lhs, N.Symbol)}
    lefts = [eq.lhs.name for eq in cell.equations if isinstance(eq.lhs, N.Symbol)]
    glosses = [eq for eq in cell.equations if not eq.also and (_words_only(eq.rhs, defined) or (
        isinstance(eq.rhs, N.Symbol) and _words_only(eq.rhs, defined, 1) and (isinstance(eq.lhs, N.Concat)  # [h, x] = concatenation
                                                                            or kind(eq.rhs.name) == "activation" == kind(getattr(eq.lhs, "name", ""))  # σ = sigmoid
                                                                            or _glossed_again(eq, lefts, cell))))]
    if glosses:  # `$$c = memory \, cell$$`: a name glossed in words, no equation of the cell
        for eq in glosses:
            notes.append(f"{eq.lhs.text if isinstance(eq.lhs, N.Symbol) else 'a name'} at {cell.source.where(eq.span)} "
                         "is glossed in words: not an equation of the cell")
        cell = replace(cell, equations=tuple(eq for eq in cell.equations if all(eq is not g for g in glosses)))

    def word(n) -> bool:
        n = n.arg if isinstance(n, N.Neg) else n  # `-- forget gate`: a dash read as a minus sign
        return (isinstance(n, N.Symbol) and n.lag is None and not n.font and n.name not in defined
                and _WORD.fullmatch(n.name) is not None)
    for n in right_nodes(cell, N.Binary):  # (the right sides' products, in order)
        if n.op == "matmul" and not n.explicit and word(n.right) \
                and (word(n.left) or (isinstance(n.left, N.Binary) and n.left.op == "matmul"
                                      and not n.left.explicit and word(n.left.right))):
            first = n.left if word(n.left) else n.left.right
            start = (first.arg if isinstance(first, N.Neg) else first).span.start
            words = cell.source.text[start:n.right.span.end]
            raise ParseError(f"the words `{words}` are written inside the math: read as symbols, they would be "
                             "a product of a weight and a signal", source=cell.source,
                             span=N.Span(start, n.right.span.end),
                             hint=f"write them as \\text{{{words}}}, or outside the math")
    return cell


def _glossed_again(eq: N.Equation, lefts: list, cell: N.Cell) -> bool:
    """`y_t = prediction` beside `y_t = softmax(W h_t + b)`: a name another equation defines, glossed by one word of four
    letters or more that nothing else writes."""
    word = eq.rhs.name
    return (isinstance(eq.lhs, N.Symbol) and lefts.count(eq.lhs.name) > 1 and len(word) >= 4
            and sum(1 for e in cell.equations for side in (e.lhs, e.rhs) + e.also for x in N.walk(side)
                    if isinstance(x, N.Symbol) and x.name == word) == 1)


def _words_only(node, defined: set[str], least: int = 2) -> bool:
    """A right side that is two plain words or more side by side, none a name the equations define."""
    parts: list = []
    while isinstance(node, N.Binary) and node.op == "matmul" and not node.explicit:
        parts.append(node.right)
        node = node.left
    parts.append(node)
    return len(parts) >= least and all(isinstance(p, N.Symbol) and p.lag is None and not p.font and p.name not in defined
                                   and _WORD.fullmatch(p.name) is not None for p in parts)
