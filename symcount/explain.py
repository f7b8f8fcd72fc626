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


def _join(items: list, last: str = " and ") -> list:
    """Sentence parts joined: [a] / [a, last, b] / [a, ", ", b, last, c]."""
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


class Explainer:
    """Turns the evidence the shapes stage recorded into sentences: which product or sum, in which
    equation, forced each dimension of each parameter."""

    def __init__(self, d: "Derivation", formula: Formulas) -> None:
        self.cell = d.shapes.cell
        self.formula = formula
        self.scalars = {p.name for p in d.parameters if p.scalar}
        self.nodes: dict[tuple[int, int], Any] = {}
        for eq in self.cell.equations:
            self.nodes.setdefault((eq.span.start, eq.span.end), eq)
            for root in (eq.lhs, eq.rhs):
                for n in N.walk(root):
                    self.nodes.setdefault((n.span.start, n.span.end), n)
        self.decls = {(x.span.start, x.span.end): x for x in self.cell.declarations}
        self.by_start = sorted(self.cell.equations, key=lambda eq: eq.span.start)
        self.starts = [eq.span.start for eq in self.by_start]

    def scalar(self, n) -> bool:
        if isinstance(n, N.Number):
            return True
        if isinstance(n, N.Symbol):
            return n.lag is None and n.name in self.scalars
        if isinstance(n, (N.Apply, N.Neg, N.Transpose)):
            return self.scalar(n.arg)
        if isinstance(n, N.Binary):
            return self.scalar(n.left) and self.scalar(n.right)
        return False

    def orient(self, n, name: str) -> tuple[str | None, str | None]:
        """Which dimension of parameter `name` the rows and the columns of n equal, if any."""
        if isinstance(n, N.Symbol):
            return ("rows", "cols") if n.lag is None and n.name == name else (None, None)
        if isinstance(n, (N.Apply, N.Neg)):
            return self.orient(n.arg, name)
        if isinstance(n, N.Transpose):
            r, c = self.orient(n.arg, name)
            return c, r
        if isinstance(n, N.Concat):
            cols = [self.orient(x, name)[1] for x in n.items]
            return None, next((c for c in cols if c), None)
        if isinstance(n, N.Binary):
            if self.scalar(n.left) or self.scalar(n.right):
                return self.orient(n.right if self.scalar(n.left) else n.left, name)
            lo, ro = self.orient(n.left, name), self.orient(n.right, name)
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
        """The operands of a chain of `ops` (a + b - c -> [a, b, c]); nodes collects the chain."""
        if isinstance(n, N.Binary) and n.op in ops:
            if nodes is not None:
                nodes.append(n)
            right = [n.right] if n.op == "sub" else Explainer.chain(n.right, ops, nodes)
            return Explainer.chain(n.left, ops, nodes) + right
        return [n]

    def clauses(self, evidence, eq: N.Equation) -> list[list]:
        found: dict[str, list] = {"product": [], "sum": [], "elementwise": [], "stack": [], "equation": []}
        for ev in evidence:
            node = self.nodes.get((ev.span.start, ev.span.end))
            if node is not None and ev.rule in found and node not in found[ev.rule]:
                found[ev.rule].append(node)
        out = []
        for n in found["product"]:
            out.append(_math(expr_tex(n.left, 2)) + _text(" multiplies ") + _math(expr_tex(n.right, 3)))
        for rule, ops in (("sum", ("add", "sub")), ("elementwise", ("hadamard",))):
            chains = {}  # each node -> (its operands, the chain's nodes); inner chains merge into outer
            for n in found[rule]:
                nodes: list = []
                chains[n] = (self.chain(n, ops, nodes), nodes)
            inner = {id(x) for _, nodes in chains.values() for x in nodes[1:]}
            for n, (operands, nodes) in chains.items():
                if id(n) in inner:
                    continue
                terms = [_math(expr_tex(t)) for t in operands]
                if rule == "elementwise":
                    verb = " are multiplied elementwise"
                elif n.op == "sub" and len(terms) == 2:
                    out.append(terms[1] + _text(" is subtracted from ") + terms[0])
                    continue
                else:
                    verb = " are added" if all(x.op == "add" for x in nodes) else " are added or subtracted"
                out.append(_join(terms) + _text(verb))
        for n in found["stack"]:
            out.append(_text("the blocks of ") + _math(expr_tex(n)) + _text(" are stacked"))
        if found["equation"] and not out:
            out.append(_math(expr_tex(eq.rhs)) + _text(" defines ") + _math(expr_tex(eq.lhs)))
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
                parts += _math(expr_tex(eq.lhs)) + _text(", ") + _join(clauses, ", and ")
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
        for eq in eqs:
            for n in N.walk(eq.rhs):
                if not (isinstance(n, N.Binary) and n.op == "matmul") or self.scalar(n.left) or self.scalar(n.right):
                    continue
                if self.orient(n.left, name)[1] == which:
                    return _math(expr_tex(n.right, 3)) + _text(" has rows")
                if self.orient(n.right, name)[0] == which:
                    return _math(expr_tex(n.left, 2)) + _text(" has columns")
        for eq in eqs:
            if isinstance(eq.lhs, N.Symbol) and not self.scalar(eq.rhs) and self.orient(eq.rhs, name)[0] == which:
                return _math(expr_tex(eq.lhs)) + (_text(" has rows") if which == "cols" else [])
        return []


def _sentence(parts: list, fmt: str) -> str:
    """Sentence parts as text: math in $...$, the words escaped for the format."""
    esc = tex_chars if fmt == "latex" else md_chars
    return "".join(f"${s}$" if kind == "math" else esc(s) for kind, s in parts)
