"""Why each dimension: the conformability argument, re-typeset. The evidence the shapes stage
recorded for each dimension of each parameter (which product or sum, in which equation) becomes a
sentence: math in $...$, the words escaped for the output format.
"""
from __future__ import annotations

import bisect
from typing import TYPE_CHECKING, Any

from . import nodes as N
from .escape import md_chars, tex_chars, tex_math
from .typeset import Formulas, declaration_tex, expr_tex

if TYPE_CHECKING:  # pragma: no cover
    from .api import Derivation


LONGEST_LIST = 8


def _join(items: list, last: str = " and ") -> list:
    """Sentence parts joined: [a] / [a, last, b] / [a, ", ", b, last, c]. A list longer than
    LONGEST_LIST keeps its first three and last two items around "... (N terms)"."""
    if len(items) > LONGEST_LIST:
        items = items[:3] + [_text(f"... ({len(items)} terms in all)")] + items[-2:]
    out: list = []
    for i, item in enumerate(items):
        if i:
            out.append(("text", last if i == len(items) - 1 else ", "))
        out.extend(item)
    return out


def _math(tex: str) -> list:
    return [("math", tex)]


def _text(s: str) -> list:
    return [("text", s)]


def _operands(n) -> tuple:
    if isinstance(n, N.Binary):
        return n.left, n.right
    if isinstance(n, (N.Apply, N.Neg, N.Transpose)):
        return (n.arg,)
    return n.items if isinstance(n, N.Concat) else ()


class Explainer:
    """Turns the evidence the shapes stage recorded into sentences: which product or sum, in which
    equation, forced each dimension of each parameter.

    The AST is never walked recursively: a long chain (a sum of thousands of terms) is a left spine
    thousands of nodes deep. What is known about a node is kept by id(node) (self.cell keeps the
    nodes alive); `n` below is always a node of self.cell."""

    def __init__(self, d: "Derivation", formula: Formulas) -> None:
        self.cell = d.shapes.cell
        self.formula = formula
        self.scalars = {p.name for p in d.parameters if p.scalar}
        self.nodes: dict[tuple[int, int], Any] = {}
        self.order: dict[int, int] = {}  # id -> position in N.walk of every side of every equation
        self.extent: dict[int, tuple[int, int]] = {}  # id of a side -> the positions of its nodes
        self.parents: dict[int, list] = {}  # id -> the nodes it is an operand of
        self.uses: dict[str, list] = {}  # a parameter's name -> its symbols in the equations
        for eq in self.cell.equations:
            self.nodes.setdefault((eq.span.start, eq.span.end), eq)
            for root in (eq.lhs, eq.rhs):
                first = len(self.order)
                for n in N.walk(root):
                    self.nodes.setdefault((n.span.start, n.span.end), n)
                    self.order[id(n)] = len(self.order)
                    for x in _operands(n):
                        self.parents.setdefault(id(x), []).append(n)
                    if isinstance(n, N.Symbol) and n.lag is None:
                        self.uses.setdefault(n.name, []).append(n)
                self.extent[id(root)] = (first, len(self.order))
        self.decls = {(x.span.start, x.span.end): x for x in self.cell.declarations}
        self.by_start = sorted(self.cell.equations, key=lambda eq: eq.span.start)
        self.starts = [eq.span.start for eq in self.by_start]
        self._tex: dict[tuple[int, int], str] = {}
        self._orient: tuple[str | None, dict[int, tuple], list, list[int]] = (None, {}, [], [])
        self._scalar: dict[int, bool] = {}
        for root in (side for eq in self.cell.equations for side in (eq.lhs, eq.rhs)):
            self.scalar(root)  # every node's, one walk per side

    def tex(self, n, need: int = 0) -> str:
        """typeset.expr_tex, memoised: a long sum's terms appear in the reasons of many parameters."""
        key = (id(n), need)
        if key not in self._tex:
            self._tex[key] = expr_tex(n, need)
        return self._tex[key]

    def scalar(self, n) -> bool:
        if id(n) not in self._scalar:
            for x in reversed(list(N.walk(n))):  # operands before the nodes they are operands of
                self._scalar[id(x)] = self._scalar_here(x)
        return self._scalar[id(n)]

    def _scalar_here(self, n) -> bool:
        if isinstance(n, N.Number):
            return True
        if isinstance(n, N.Symbol):
            return n.lag is None and n.name in self.scalars
        if isinstance(n, (N.Apply, N.Neg, N.Transpose, N.Binary)):
            return all(self._scalar[id(x)] for x in _operands(n))
        return False

    def _orientations(self, name: str) -> tuple[dict[int, tuple], list, list[int]]:
        """orient(n, name) for each node n that contains parameter `name` (its symbols and their
        ancestors; for any other node it is (None, None)); and those nodes that are products, with
        their positions, in N.walk order. Kept for the last name asked about."""
        if self._orient[0] != name:
            found: dict[int, Any] = {}
            todo = list(self.uses.get(name, ()))
            while todo:
                n = todo.pop()
                if id(n) not in found:
                    found[id(n)] = n
                    todo.extend(self.parents.get(id(n), ()))
            ordered = sorted(found.values(), key=lambda x: self.order[id(x)])
            memo: dict[int, tuple] = {}
            for n in reversed(ordered):  # operands before the nodes they are operands of
                memo[id(n)] = self._orient_here(n, name, memo)
            products = [n for n in ordered if isinstance(n, N.Binary) and n.op == "matmul"]
            self._orient = (name, memo, products, [self.order[id(n)] for n in products])
        return self._orient[1:]

    def orient(self, n, name: str) -> tuple[str | None, str | None]:
        """Which dimension of parameter `name` the rows and the columns of n equal, if any."""
        return self._orientations(name)[0].get(id(n), (None, None))

    def _orient_here(self, n, name: str, memo: dict[int, tuple]) -> tuple[str | None, str | None]:
        """orient(n, name), its operands' already in memo (absent: name does not occur there)."""
        get = lambda x: memo.get(id(x), (None, None))  # noqa: E731
        if isinstance(n, N.Symbol):
            return ("rows", "cols") if n.lag is None and n.name == name else (None, None)
        if isinstance(n, (N.Apply, N.Neg)):
            return get(n.arg)
        if isinstance(n, N.Transpose):
            r, c = get(n.arg)
            return c, r
        if isinstance(n, N.Concat):
            return None, next((c for c in (get(x)[1] for x in n.items) if c), None)
        if isinstance(n, N.Binary):
            if self.scalar(n.left) or self.scalar(n.right):
                return get(n.right if self.scalar(n.left) else n.left)
            lo, ro = get(n.left), get(n.right)
            if n.op == "matmul":
                return lo[0], ro[1]
            return lo[0] or ro[0], lo[1] or ro[1]
        return None, None

    def equation_of(self, span) -> N.Equation | None:
        i = bisect.bisect_right(self.starts, span.start) - 1
        eq = self.by_start[i] if i >= 0 else None
        return eq if eq is not None and span.end <= eq.span.end else None

    @staticmethod
    def chain(n, ops: tuple[str, ...], nodes: list | None = None) -> list:
        """The operands of a chain of `ops` (a + b - c -> [a, b, c]), in order; nodes collects the
        chain's nodes, n first. The right operand of a subtraction is one operand: a - (b + c)."""
        out, todo = [], [(n, True)]
        while todo:
            x, open_ = todo.pop()
            if open_ and isinstance(x, N.Binary) and x.op in ops:
                if nodes is not None:
                    nodes.append(x)
                todo.append((x.right, x.op != "sub"))
                todo.append((x.left, True))
            else:
                out.append(x)
        return out

    def clauses(self, evidence, eq: N.Equation) -> list[list]:
        found: dict[str, list] = {"product": [], "sum": [], "elementwise": [], "stack": [], "equation": []}
        seen: set[tuple[str, int]] = set()
        for ev in evidence:
            node = self.nodes.get((ev.span.start, ev.span.end))
            if node is not None and ev.rule in found and (ev.rule, id(node)) not in seen:
                seen.add((ev.rule, id(node)))
                found[ev.rule].append(node)
        out = []
        for n in found["product"]:
            out.append(_math(self.tex(n.left, 2)) + _text(" multiplies ") + _math(self.tex(n.right, 3)))
        for rule, ops in (("sum", ("add", "sub")), ("elementwise", ("hadamard",))):
            # each chain's operands and nodes; a chain inside another merges into it (the outer
            # ones first, as each contains its inner ones, so that a chain is walked once)
            chains: dict[int, tuple[list, list]] = {}
            inner: set[int] = set()
            for n in sorted(found[rule], key=lambda x: x.span.start - x.span.end):
                if id(n) not in inner:
                    nodes: list = []
                    chains[id(n)] = (self.chain(n, ops, nodes), nodes)
                    inner.update(id(x) for x in nodes[1:])
            for n in found[rule]:
                if id(n) in inner:
                    continue
                operands, nodes = chains[id(n)]
                terms = [_math(self.tex(t)) for t in operands]
                if rule == "elementwise":
                    verb = " are multiplied elementwise"
                elif n.op == "sub" and len(terms) == 2:
                    out.append(terms[1] + _text(" is subtracted from ") + terms[0])
                    continue
                else:
                    verb = " are added" if all(x.op == "add" for x in nodes) else " are added or subtracted"
                out.append(_join(terms) + _text(verb))
        for n in found["stack"]:
            out.append(_text("the blocks of ") + _math(self.tex(n)) + _text(" are stacked"))
        if found["equation"] and not out:
            out.append(_math(self.tex(eq.rhs)) + _text(" defines ") + _math(self.tex(eq.lhs)))
        return out

    def reasons(self, p, fmt: str) -> tuple[dict[str, str], list[str]]:
        """p's rows and columns sentences as text for fmt ("" for a scalar), and the ones to show."""
        if p.scalar:
            scalar = _math(tex_math(p.name)) + _text(" is declared a scalar: it has one entry.")
            return {"rows": "", "cols": ""}, [_sentence(scalar, fmt)]
        reasons = {w: _sentence(self.reason(p, w), fmt) for w in ("rows", "cols")}
        return reasons, [reasons["rows"], reasons["cols"]]

    def reason(self, p, which: str) -> list:
        """The sentence (as parts) that explains p's rows or columns."""
        evidence = p.shape.rows_evidence if which == "rows" else p.shape.cols_evidence
        dim = self.formula(p.rows if which == "rows" else p.cols)
        word = "rows" if which == "rows" else "columns"
        if dim == "1":
            word = word[:-1]
        name = _math(tex_math(p.name))
        decl = next((self.decls.get((ev.span.start, ev.span.end)) for ev in evidence
                     if ev.rule == "declaration" and (ev.span.start, ev.span.end) in self.decls), None)
        declared = "" if decl is None else declaration_tex(decl, self.formula.dim_tex).split(r" \in ", 1)[1]
        groups: dict[int, tuple[N.Equation, list]] = {}  # by id of the equation, in order of evidence
        for ev in evidence:
            eq = self.equation_of(ev.span)
            if eq is not None:
                groups.setdefault(id(eq), (eq, []))[1].append(ev)
        parts: list = []
        for eq, evs in groups.values():
            clauses = self.clauses(evs, eq)
            if clauses:
                parts += _text("; in the equation for " if parts else "In the equation for ")
                parts += _math(self.tex(eq.lhs)) + _text(", ") + _join(clauses, ", and ")
        tie = self.tie(p.name, which, [eq for eq, _ in groups.values()])
        if not parts:
            if declared:
                return name + _text(" is declared in ") + _math(declared) + _text(", so it has ") + _math(dim) + _text(f" {word}.")
            return name + _text(" has ") + _math(dim) + _text(f" {word}.")
        if tie:
            parts += _text(", so ") + name + _text(f" has as many {word} as ") + tie + _text(": ") + _math(dim)
        else:
            parts += _text(", so ") + name + _text(" has ") + _math(dim) + _text(f" {word}")
        if declared:
            parts += _text(", as declared (") + _math(declared) + _text(")")
        return parts + _text(".")

    def tie(self, name: str, which: str, eqs: list) -> list:
        """What p's dimension is as large as: `R has rows` for the left factor of a product, or the
        left side of an equation whose rows it is."""
        _, products, where = self._orientations(name)
        for eq in eqs:  # the products in eq.rhs with p in a factor, in N.walk order
            first, end = self.extent[id(eq.rhs)]
            for n in products[bisect.bisect_left(where, first):bisect.bisect_left(where, end)]:
                if self.scalar(n.left) or self.scalar(n.right):
                    continue
                if self.orient(n.left, name)[1] == which:
                    return _math(self.tex(n.right, 3)) + _text(" has rows")
                if self.orient(n.right, name)[0] == which:
                    return _math(self.tex(n.left, 2)) + _text(" has columns")
        for eq in eqs:
            if isinstance(eq.lhs, N.Symbol) and not self.scalar(eq.rhs) and self.orient(eq.rhs, name)[0] == which:
                return _math(self.tex(eq.lhs)) + (_text(" has rows") if which == "cols" else [])
        return []


def _sentence(parts: list, fmt: str) -> str:
    """Sentence parts as text: math in $...$, the words escaped for the format."""
    esc = tex_chars if fmt == "latex" else md_chars
    return "".join(f"${s}$" if kind == "math" else esc(s) for kind, s in parts)
