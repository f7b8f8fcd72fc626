"""The explanation a summary carries, typeset: the equations and declarations, why each parameter
dimension is what it is (sentences as parts: [["math", tex] or ["text", words], ...]), and each
operation the cost counts. api.summarize hands `explanation` to result.summary, which never imports
the output side."""
from __future__ import annotations

from typing import TYPE_CHECKING

from ..read.nodes import Binary
from ..result.summarize import adds
from .escape import func_tex, tex_math
from .explain import Explainer
from .typeset import Formulas, declaration_tex, expr_tex, lin_tex

if TYPE_CHECKING:  # pragma: no cover
    from ..result.derivation import Derivation


def explanation(d: "Derivation", c=None) -> dict:
    """The typeset equations and declarations, and why each parameter dimension is what it is
    (sentences as parts: [["math", tex] or ["text", words], ...])."""
    shapes = d.shapes
    formulas = Formulas(dict(shapes.dim_latex))
    why = Explainer(shapes.evidence, formulas)
    lhs_text = {eq.lhs.name: eq.lhs.text for eq in shapes.cell.equations if hasattr(eq.lhs, "name")}
    return {
        "signals": [{"tex": tex_math(lhs_text.get(s.name, s.text)), "dim": lin_tex(s.dim, formulas.dim_tex)}
                    for s in shapes.signals],
        "declarations": [declaration_tex(x, formulas.dim_tex) for x in shapes.cell.declarations],
        "equations": [{"lhs": expr_tex(eq.lhs), "rhs": expr_tex(eq.rhs)} for eq in shapes.cell.equations],
        "parameters": [{"tex": tex_math(p.name),
                        "reasons": {k: [list(x) for x in v] for k, v in why.reasons(p.shape).items()}}
                       for p in d.parameters],
        "operations": _operations_tex(c) if c is not None else [],
    }


def _operations_tex(c) -> list:
    """Each equation's operations (as the cost counts them) typeset: the operation, and the name of
    its bias, function or diagonal weight."""
    out = []
    for e in c.equations:
        ops = []
        for o in e.operations:
            op = o.operation
            name = ""
            if op.kind == "activation":
                name = func_tex(op.name) if op.node.each == () else ", ".join(func_tex(f) for f in op.node.each)
            elif op.kind in ("bias", "diagonal", "gain") or op.name:
                name = tex_math(op.name)
            added = adds(op)
            shown = not added and op.kind not in ("bias", "activation")  # what the sentence names it by
            ops.append({"tex": _op_tex(op.node, expr_tex) if shown else "", "name": name,
                        "operand": expr_tex(op.node.right) if added else ""})
        out.append(ops)
    return out


_OP_TEX = {"add": "+", "sub": "-", "hadamard": r"\odot", "divide": "/", "matmul": r"\,", "star": "*"}


def _op_tex(node, expr_tex) -> str:
    """An operation typeset; the last link of a chain (a + b + c, a \\odot b \\odot c) as
    \\cdots + c, so that a chain of n links is typeset in n steps, not n squared."""
    if isinstance(node, Binary) and isinstance(node.left, Binary) and node.left.op == node.op and node.op in _OP_TEX:
        return rf"\cdots {_OP_TEX[node.op]} {expr_tex(node.right, 3)}"
    return expr_tex(node)
