"""A signature and the map it names, defined after: `h_t = f_\\theta(h_{t-1}, x_t)` where `f_\\theta = \\tanh(W_{hh}
h_{t-1} + W_{xh} x_t)` (a letter with no time index, defined from the very signals its arguments name, applied nowhere
but to them). The application is the map's body, and the map's own equation is no step: the body put in its place, the
definition dropped, with a note. A step of read.readings."""
from __future__ import annotations

from ..errors import replace
from . import nodes as N
from .cellwalk import right_nodes


def _applied(node, name: str, text: str) -> bool:
    """f(a, b), or g(h_t): the letter right before a parenthesis around its arguments (one signal, or a list)."""
    return (isinstance(node, N.Binary) and node.op == "matmul" and not node.explicit and isinstance(node.left, N.Symbol)
            and node.left.name == name and node.left.lag is None
            and (isinstance(node.right, N.Tuple) or isinstance(node.right, N.Symbol) and node.right.lag is not None
                 and text[node.left.span.end:node.right.span.end].startswith("(")))  # (`o (h_t)`, spaced: a product


def _args(node) -> set | None:
    """The (name, lag) of each argument, where every argument is one signal at a step; else None."""
    out = set()
    for item in node.items if isinstance(node, N.Tuple) else (node,):
        if not (isinstance(item, N.Symbol) and item.lag is not None):
            return None
        out.add((item.name, item.lag))
    return out


def maps_defined_after(cell: N.Cell, notes: list[str]) -> N.Cell:
    if len(cell.equations) < 2 or not (right_nodes(cell, N.Tuple) or "(" in cell.source.text):
        return cell  # (no parenthesis: no signature; the walk shared with the steps after)
    for k, eq in enumerate(cell.equations):
        if not (isinstance(eq.lhs, N.Symbol) and eq.lhs.lag is None and not eq.also):
            continue
        name = eq.lhs.name
        body = {(x.name, x.lag) for x in N.walk(eq.rhs) if isinstance(x, N.Symbol) and x.lag is not None}
        uses, other = [], False
        for i, e in enumerate(cell.equations):
            if i == k:
                continue
            for n in N.walk(e.rhs):
                if _applied(n, name, cell.source.text):
                    uses.append(n)
                elif isinstance(n, N.Symbol) and n.name == name and not any(n is u.left for u in uses):
                    other = True
        if not uses or other or any(_args(u.right) != body for u in uses):
            continue  # (applied to other signals than its body reads, or written elsewhere as a value: no such map)

        def put(n, new, name=name, rhs=eq.rhs):
            return rhs if _applied(n, name, cell.source.text) else None
        eqs = tuple(replace(e, rhs=N.rewrite(e.rhs, put)) for i, e in enumerate(cell.equations) if i != k)
        notes.append(f"{eq.lhs.text} at {cell.source.where(eq.span)} defines the map the cell applies to "
                     f"{', '.join(sorted(a for a, _ in body))}: read in its place")
        return maps_defined_after(replace(cell, equations=eqs), notes)
    return cell
