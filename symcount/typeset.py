"""The AST (symcount.nodes) -> LaTeX math: equations and declarations re-typeset, not copied from
the input, every identifier checked (escape.tex_math); sympy formulas with each dimension typeset
as the shapes stage says.
"""
from __future__ import annotations

import re
from typing import TYPE_CHECKING

from . import nodes as N
from .escape import GREEK, func_tex, tex_math

if TYPE_CHECKING:  # pragma: no cover
    from .api import Derivation

_NUMBER = re.compile(r"[0-9]*\.?[0-9]+")


def _level(n: N.Expr) -> int:
    """Binding strength, as in the grammar: sum < hadamard/cdot < juxtaposition < unary minus <
    function application < transpose < atoms."""
    if isinstance(n, N.Binary):
        return 1 if n.op in ("add", "sub") else 2 if n.op == "hadamard" or n.explicit else 3
    return {N.Neg: 4, N.Apply: 5, N.Transpose: 6}.get(type(n), 7)


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
        return f"{func_tex(n.func)}({expr_tex(n.arg)})"
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


_OPS = {("add", False): " + ", ("sub", False): " - ", ("hadamard", False): r" \odot ",
        ("matmul", True): r" \cdot ", ("matmul", False): " "}


def lin_tex(terms, const: int, dim_tex) -> str:
    """A linear dimension (terms of (name, coeff), plus const) as math: 2 d_{h} + 1."""
    parts = []
    for name, k in terms:
        mag = "" if abs(k) == 1 else str(abs(k))
        parts.append(("-" if k < 0 else "+", f"{mag}{' ' if mag else ''}{dim_tex(name)}"))
    if const or not parts:
        parts.append(("-" if const < 0 else "+", str(abs(const))))
    text = " ".join(f"{sign} {body}" for sign, body in parts)
    return text[2:] if text.startswith("+ ") else "-" + text[2:]


def declaration_tex(decl: N.Declaration, dim_tex) -> str:
    names = ", ".join(tex_math(s.text) for s in decl.symbols)
    if decl.rows is None:
        return names + r" \in \mathbb{R}"
    rows = lin_tex(decl.rows.terms, decl.rows.const, dim_tex)
    if not decl.cols.terms and decl.cols.const == 1:
        return names + r" \in \mathbb{R}^{" + rows + "}"
    return names + r" \in \mathbb{R}^{" + rows + r" \times " + lin_tex(decl.cols.terms, decl.cols.const, dim_tex) + "}"


# ---- sympy formulas ------------------------------------------------------------------------------
class Formulas:
    """sympy expressions -> math, with each dimension typeset as the shapes stage says."""

    def __init__(self, d: "Derivation") -> None:
        latex_of = dict(d.shapes.dim_latex)
        self.dim_tex = lambda name: tex_math(latex_of.get(name) or _dim_latex(name))
        self.names = {sym: self.dim_tex(name) for name, sym in d.symbols.items()}

    def __call__(self, expr) -> str:
        from sympy import latex
        return latex(expr, symbol_names=self.names)


def _dim_latex(name: str) -> str:
    base, _, sub = name.partition("_")
    base = "\\" + base if base in GREEK else base
    return f"{base}_{{{sub}}}" if sub else base
