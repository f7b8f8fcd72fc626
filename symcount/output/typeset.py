"""LaTeX math: the AST (symcount.nodes) re-typeset, not copied from the input, every identifier
checked (escape.tex_math); linear sizes and integer polynomials with each dimension typeset as the
shapes stage says.
"""
from __future__ import annotations

from ..read import patterns as re  # re, with the package's patterns compiled ahead (read.patterns)
from typing import Mapping

from ..read import nodes as N
from ..measure import poly as P
from ..read.names import dim_latex
from .escape import func_tex, tex_math

_NUMBER = re.compile(r"[0-9]*\.?[0-9]+")


def _level(n: N.Expr) -> int:
    """Binding strength, as in the grammar: sum < hadamard/cdot < juxtaposition < unary minus <
    function application < transpose < atoms."""
    if isinstance(n, N.Binary):
        return 1 if n.op in ("add", "sub") else 2 if n.op in ("hadamard", "star", "divide") or n.explicit else 3
    return {N.Neg: 4, N.Apply: 5, N.Transpose: 6}.get(type(n), 7)


_WRAPPED = {"\\sqrt": "\\sqrt{{{}}}", "abs": "\\lvert {} \\rvert", "vecnorm": "\\lVert {} \\rVert_2"}


def expr_tex(n: N.Expr, need: int = 0) -> str:
    """LaTeX for an expression; parenthesised when it binds more loosely than `need`."""
    s = _expr_tex(n)
    return f"({s})" if _level(n) < need else s


def _expr_tex(n: N.Expr) -> str:
    if isinstance(n, N.Symbol):
        return tex_math(n.text)
    if isinstance(n, N.Number):
        return n.value if _NUMBER.fullmatch(n.value) else tex_math(n.value)
    if isinstance(n, N.Apply):
        if n.each:
            return (r"\begin{bmatrix} " + r" \\ ".join(func_tex(f) for f in n.each) + r" \end{bmatrix}"
                    + expr_tex(n.arg, 7))
        if n.func in _WRAPPED:  # \sqrt{x}, |x|, \|x\|_2
            return _WRAPPED[n.func].format(expr_tex(n.arg))
        return f"{func_tex(n.func)}({expr_tex(n.arg) if not isinstance(n.arg, N.Tuple) else _items(n.arg)})"
    if isinstance(n, N.Tuple):
        return f"({_items(n)})"
    if isinstance(n, N.Power):
        exponent = n.exponent if isinstance(n.exponent, int) else expr_tex(n.exponent)
        return f"{expr_tex(n.arg, 7)}^{{{exponent}}}"
    if isinstance(n, N.Neg):
        return "-" + expr_tex(n.arg, 4)
    if isinstance(n, N.Transpose):
        inner = expr_tex(n.arg, 6)
        return ("{" + inner + "}" if "^" in inner and inner[-1] != ")" else inner) + r"^\top"
    if isinstance(n, N.Concat):
        items = [expr_tex(x) for x in n.items]
        if len(items) == 1:
            return r"\begin{bmatrix} " + items[0] + r" \end{bmatrix}"
        return "[" + ", ".join(items) + "]"
    assert isinstance(n, N.Binary)
    # a chain of same-level operators (a + b - c, a \odot b \cdot c, A B x) is left-nested: walk its
    # left spine in a loop, so that a long chain does not recurse once per operator
    level, spine = _level(n), []
    while isinstance(n, N.Binary) and _level(n) == level:
        spine.append(n)
        n = n.left
    parts = [expr_tex(n, level)]
    for b in reversed(spine):
        parts.append(_OPS[b.op, b.op == "matmul" and b.explicit])
        parts.append(expr_tex(b.right, level + 1 if level < 3 else 5))  # a - (b + c), A (-x)
    return "".join(parts)


_OPS = {("add", False): " + ", ("sub", False): " - ", ("hadamard", False): r" \odot ", ("star", False): " * ",
        ("divide", False): " / ", ("matmul", True): r" \cdot ", ("matmul", False): " "}


def _items(t: N.Tuple) -> str:
    return ", ".join(expr_tex(x) for x in t.items)


def lin_tex(lin: N.Lin, dim_tex) -> str:
    """A linear size as math: 2 d_{h} + 1."""
    parts = []
    for name, k in lin.terms:
        mag = "" if abs(k) == 1 else str(abs(k))
        parts.append(("-" if k < 0 else "+", f"{mag}{' ' if mag else ''}{dim_tex(name)}"))
    if lin.const or not parts:
        parts.append(("-" if lin.const < 0 else "+", str(abs(lin.const))))
    text = " ".join(f"{sign} {body}" for sign, body in parts)
    return text[2:] if text.startswith("+ ") else "-" + text[2:]


def declaration_tex(decl: N.Declaration, dim_tex) -> str:
    names = ", ".join(tex_math(s.text) for s in decl.symbols)
    field = r"\mathbb{C}" if decl.field == "complex" else r"\mathbb{R}"
    if decl.rows is None:
        return names + r" \in " + field
    rows = lin_tex(decl.rows.lin, dim_tex)
    if decl.cols.lin.is_one:
        return names + r" \in " + field + "^{" + rows + "}"
    return names + r" \in " + field + "^{" + rows + r" \times " + lin_tex(decl.cols.lin, dim_tex) + "}"


class Formulas:
    """Sizes and polynomials as math, each dimension typeset as `latex_of` says (else as its name
    reads: d_h -> d_{h}), every name checked."""

    def __init__(self, latex_of: Mapping[str, str]) -> None:
        self.latex_of = dict(latex_of)
        self._tex: dict[str, str] = {}

    def dim_tex(self, name: str) -> str:
        if name not in self._tex:
            self._tex[name] = tex_math(self.latex_of.get(name) or dim_latex(name))
        return self._tex[name]

    def _names(self, p: P.Poly) -> dict[str, str]:
        return {n: self.dim_tex(n) for n in P.names(p)}

    def __call__(self, p: P.Poly) -> str:
        """An expanded polynomial: 4 d_{h}^{2} + 4 d_{h} d_{x} + 8 d_{h}."""
        return P.to_latex(p, self._names(p))

    def factored(self, p: P.Poly) -> str:
        """The grouped form: 4 d_{h} \\left(d_{h} + d_{x} + 2\\right)."""
        return P.factored_latex(p, self._names(p))

    def size(self, lin: N.Lin) -> str:
        """A parameter's number of rows or columns, as a polynomial: d_{h} + d_{x}."""
        return self(P.linear(lin.terms, lin.const))
