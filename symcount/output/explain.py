"""Why each dimension: the conformability argument as sentences. The shapes stage recorded, for
every constraint, its evidence: the operation (node), its equation, the two dimensions it equated
and which parameter dimensions each came from. Here that evidence is read and worded; nothing is
re-derived from the AST. A sentence is a list of parts, ("math", tex) or ("text", words), so that
each output format escapes the words its own way (render.sentence).
"""
from __future__ import annotations

from typing import TYPE_CHECKING

from ..read import nodes as N
from .escape import func_tex, tex_math
from .typeset import Formulas, declaration_tex, expr_tex

if TYPE_CHECKING:  # pragma: no cover
    from ..shapes.infer import ParamShape

LONGEST_LIST = 8
Parts = list  # [(kind, str)], kind "math" or "text"


def _join(items: list, last: str = " and ") -> Parts:
    """Sentence parts joined: [a] / [a, last, b] / [a, ", ", b, last, c]. A list longer than
    LONGEST_LIST keeps its first three and last two items around "... (N terms)"."""
    if len(items) > LONGEST_LIST:
        items = items[:3] + [_text(f"... ({len(items)} terms in all)")] + items[-2:]
    out: Parts = []
    for i, item in enumerate(items):
        if i:
            out.append(("text", last if i == len(items) - 1 else ", "))
        out.extend(item)
    return out


def _math(tex: str) -> Parts:
    return [("math", tex)]


def _text(s: str) -> Parts:
    return [("text", s)]


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


class Explainer:
    """Sentences for the rows and the columns of each parameter, from the evidence."""

    def __init__(self, evidence, formulas: Formulas) -> None:
        self.formulas = formulas
        self.products: dict[int, list] = {}   # id(equation) -> its products' evidence, outer first
        self.defines: dict[int, object] = {}  # id(equation) -> the evidence that its sides' rows agree
        for ev in evidence:
            if ev.rule == "product" and ev.eq is not None:
                self.products.setdefault(id(ev.eq), []).append(ev)
            elif ev.rule == "equation" and ev.dims and id(ev.eq) not in self.defines:
                self.defines[id(ev.eq)] = ev  # the first of the two is the rows'
        for evs in self.products.values():
            evs.sort(key=lambda ev: (ev.span.start, -ev.span.end))
        self._tex: dict[tuple[int, int], str] = {}
        self._chains_of: dict[tuple, dict] = {}
        self._ties: dict[int, dict] = {}  # id(equation) -> (parameter, "rows"/"cols") -> its tie

    def tex(self, n, need: int = 0) -> str:
        """typeset.expr_tex, memoised: a long sum's terms appear in the reasons of many parameters."""
        key = (id(n), need)
        if key not in self._tex:
            self._tex[key] = expr_tex(n, need)
        return self._tex[key]

    def reasons(self, p: "ParamShape") -> dict[str, Parts]:
        """{"rows": parts, "cols": parts}, or {"scalar": parts} for a scalar."""
        if p.scalar:
            return {"scalar": _math(tex_math(p.name)) + _text(" is declared a scalar: it has one entry.")}
        return {w: self.reason(p, w) for w in ("rows", "cols")}

    def reason(self, p: "ParamShape", which: str) -> Parts:
        """The sentence (as parts) that explains p's rows or columns."""
        evidence = p.rows_evidence if which == "rows" else p.cols_evidence
        dim = self.formulas.size(p.rows if which == "rows" else p.cols)
        word = "rows" if which == "rows" else "columns"
        if dim == "1":
            word = word[:-1]
        name = _math(tex_math(p.name))
        decl = next((ev.node for ev in evidence if ev.rule == "declaration" and isinstance(ev.node, N.Declaration)), None)
        declared = "" if decl is None else declaration_tex(decl, self.formulas.dim_tex).split(r" \in ", 1)[1]
        groups: dict[int, tuple[N.Equation, list]] = {}  # by id of the equation, in order of evidence
        for ev in evidence:
            if ev.eq is not None:
                groups.setdefault(id(ev.eq), (ev.eq, []))[1].append(ev)
        parts: Parts = []
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

    def clauses(self, evidence, eq: N.Equation) -> list[Parts]:
        found: dict[str, list] = {"product": [], "sum": [], "elementwise": [], "concatenation": [], "equation": [],
                                  "gain": [], "shift": [], "vector": []}
        seen: set[tuple[str, int]] = set()
        for ev in evidence:
            if ev.rule in found and (ev.rule, id(ev.node)) not in seen:
                seen.add((ev.rule, id(ev.node)))
                found[ev.rule].append(ev.node)
        out = [self._product(n) for n in found["product"]]
        for rule, ops in (("sum", ("add", "sub")), ("elementwise", ("hadamard",))):
            out += self._chains(found[rule], ops, rule, eq)
        for n in found["concatenation"]:
            out.append(_text("the blocks of ") + _math(self.tex(n)) + _text(" are stacked"))
        for n in found["vector"]:  # \mathbf{w}_f^\top: bold lower case is a vector (shapes.scalars)
            out.append(_math(self.tex(n)) + _text(" is a bold lower-case letter, a vector"))
        if not out:  # a normalisation's gain scales, its bias is added: each entry of the argument its own
            for rule, verb in (("gain", " scales each entry of "), ("shift", " adds a bias to each entry of ")):
                for n in found[rule]:
                    arg = n.arg.items[0] if isinstance(n.arg, N.Tuple) else n.arg
                    out.append(_math(func_tex(n.func)) + _text(verb) + _math(self.tex(arg))
                               + _text(" by a gain" if rule == "gain" else ""))
        if found["equation"] and not out:
            out.append(_math(self.tex(eq.rhs)) + _text(" defines ") + _math(self.tex(eq.lhs)))
        return out

    def _product(self, n) -> Parts:
        """A product's clause: `W multiplies x`; a function with a weight of its own (\\text{Linear}(x))
        applies it to its argument; \\operatorname{diag}(u) sets u on a diagonal."""
        if isinstance(n, N.Apply):
            from ..read.words import kind
            if kind(n.func) == "diag":
                return _math(self.tex(n.arg)) + _text(" is set on a diagonal in ") + _math(self.tex(n))
            return _math(self.tex(n)) + _text(" applies its weight to ") + _math(self.tex(n.arg))
        return _math(self.tex(n.left, 2)) + _text(" multiplies ") + _math(self.tex(n.right, 3))

    def _chains(self, found: list, ops: tuple[str, ...], rule: str, eq: N.Equation) -> list[Parts]:
        """One clause per chain of sums (or elementwise products): a chain inside another merges
        into it. Each chain of the equation is indexed once (its operands, and for each of its nodes
        the run of operands below it), so that the parameters of a sum of thousands of terms cost a
        look-up each, not a walk of the sum."""
        index = self._chain_index(eq, ops)
        spans = [(index.get(id(n)) if isinstance(n, N.Binary) and n.op in ops else None) for n in found]
        keyed = sorted((k for k, sp in enumerate(spans) if sp is not None),
                       key=lambda k: (id(spans[k][0]), spans[k][1], -spans[k][2]))
        inner: set[int] = set()
        outer: tuple | None = None
        for k in keyed:  # the segments of one chain nest or are apart: one sweep finds the inner ones
            root, start, end = spans[k][:3]
            if outer is not None and outer[0] is root and outer[1] <= start and end <= outer[2] \
                    and id(found[k]) != outer[3]:
                inner.add(id(found[k]))
            else:
                outer = (root, start, end, id(found[k]))
        out = []
        for n, sp in zip(found, spans):
            if id(n) in inner:
                continue
            operands, start, end, has_sub = (sp[0], sp[1], sp[2], sp[3]) if sp is not None else ([n], 0, 1, False)
            if rule == "elementwise":
                verb = " are multiplied elementwise"
            elif n.op == "sub" and end - start == 2:
                out.append(_math(self.tex(operands[start + 1])) + _text(" is subtracted from ")
                           + _math(self.tex(operands[start])))
                continue
            else:
                verb = " are added or subtracted" if has_sub else " are added"
            shown = range(start, end) if end - start <= LONGEST_LIST else \
                list(range(start, start + 3)) + [None] + list(range(end - 2, end))
            terms = [_text(f"... ({end - start} terms in all)") if i is None else _math(self.tex(operands[i]))
                     for i in shown]
            out.append(_join(terms) + _text(verb))
        return out

    def _chain_index(self, eq: N.Equation, ops: tuple[str, ...]) -> dict[int, tuple]:
        """id of each node of a chain of `ops` in eq -> (the chain's operands, the first and the end
        of its own run of them, whether a subtraction is among them). A chain is what `chain` walks
        from its outermost node; the right operand of a subtraction starts a chain of its own."""
        memo_key = (id(eq), ops)
        if memo_key in self._chains_of:
            return self._chains_of[memo_key]
        index: dict[int, tuple] = {}
        for side in (eq.lhs, eq.rhs) + eq.also:
            for x in N.walk(side):  # parents first: a chain's outermost node before its inner ones
                if isinstance(x, N.Binary) and x.op in ops and id(x) not in index:
                    operands: list = []
                    bounds: dict[int, list] = {}
                    todo: list = [(x, True, False)]
                    while todo:
                        y, open_, done = todo.pop()
                        if done:
                            b = bounds[id(y)]
                            b[1] = len(operands)
                            b[2] = y.op == "sub" or any(bounds[id(c)][2] for c in (y.left, y.right) if id(c) in bounds)
                        elif open_ and isinstance(y, N.Binary) and y.op in ops:
                            bounds[id(y)] = [len(operands), 0, False]
                            todo.append((y, True, True))
                            todo.append((y.right, y.op != "sub", False))
                            todo.append((y.left, True, False))
                        else:
                            operands.append(y)
                    for k, (start, end, has_sub) in bounds.items():
                        index[k] = (operands, start, end, has_sub)
        self._chains_of[memo_key] = index
        return index

    def tie(self, name: str, which: str, eqs: list) -> Parts:
        """What p's dimension is as large as: `R has rows` for the left factor of a product, or the
        left side of an equation whose rows it is."""
        for eq in eqs:
            if id(eq) not in self._ties:  # the first product (in order) that ties each dimension
                ties: dict[tuple[str, str], tuple] = {}
                for ev in self.products.get(id(eq), ()):
                    left_cols, right_rows = ev.origins
                    for n, w in left_cols.items():
                        ties.setdefault((n, w), (ev, "right"))
                    for n, w in right_rows.items():
                        ties.setdefault((n, w), (ev, "left"))
                self._ties[id(eq)] = ties
            found = self._ties[id(eq)].get((name, which))
            if found is not None:
                ev, side = found
                if isinstance(ev.node, N.Apply):  # a function's own weight: as many columns as its argument has rows
                    return _math(self.tex(ev.node.arg)) + _text(" has rows")
                if side == "right":
                    return _math(self.tex(ev.node.right, 3)) + _text(" has rows")
                return _math(self.tex(ev.node.left, 2)) + _text(" has columns")
        for eq in eqs:
            ev = self.defines.get(id(eq))
            if ev is not None and isinstance(eq.lhs, N.Symbol) and ev.origins[1].get(name) == which:
                return _math(self.tex(eq.lhs)) + (_text(" has rows") if which == "cols" else [])
        return []
