"""The explanation a summary carries, typeset: the equations and declarations, why each parameter
dimension is what it is (sentences as parts: [["math", tex] or ["text", words], ...]), and each
operation the cost counts. api.summarize hands `explanation` to result.summary, which never imports
the output side."""
from __future__ import annotations

from typing import TYPE_CHECKING

from ..read.names import dim_latex
from ..read.nodes import Binary, factors
from ..result.summarize import adds
from ..shapes.functions import blocks
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
    part = _Parts()
    return {
        "signals": [{"tex": tex_math(lhs_text.get(s.name, s.text)),
                     "dim": lin_tex(s.dim, formulas.dim_tex) if s.cols.is_one else
                     rf"{_sized(s.dim, formulas)} \times {_sized(s.cols, formulas)}"}
                    for s in shapes.signals],
        "structure": _matrix_states(shapes, formulas, lhs_text) + _heads(d, formulas),
        "declarations": [declaration_tex(x, formulas.dim_tex) for x in shapes.cell.declarations
                         if x.origin != "reading"],  # (not a reading's: shapes.retries, said in its notes)
        "equations": [{"lhs": expr_tex(eq.lhs), "rhs": expr_tex(eq.rhs)} for eq in shapes.cell.equations],
        "parameters": [_parameter(p, why, formulas, part) for p in d.parameters],
        "operations": _operations_tex(c) if c is not None else [],
    }


def _parameter(p, why: Explainer, formulas: Formulas, part) -> dict:
    """A parameter's name and the reasons for its rows and columns; a block-diagonal weight's columns
    are its blocks' (H blocks of P x P: H P^2 parameters, not (H P)^2), and so is its shape."""
    reasons = why.reasons(p.shape)
    out: dict = {"tex": tex_math(p.name) if p.shape.equations else dim_latex(p.name)}  # listed: a code name
    block = None if p.scalar else blocks(p.name, p.shape.rows, p.shape.cols)
    if block is not None:
        b, rows = _grouped(block[1], formulas), _grouped(p.shape.rows, formulas)
        n = _sized(block[0], formulas) if block[0] is not None else rf"{rows}/{b}"
        name = ["math", tex_math(p.name)]
        reasons["cols"] = [name, ["text", " is block-diagonal: "], ["math", n], ["text", " blocks of "],
                           ["math", rf"{b} \times {b}"], ["text", " on its diagonal, each mapping "], ["math", b],
                           ["text", " entries of its argument to "], ["math", b],
                           ["text", " entries, so each of its rows holds "], ["math", b], ["text", " weights: "],
                           ["math", rf"{n} \cdot {b}^{{2}}"], ["text", " in all, not the "],
                           ["math", rf"{rows}^{{2}}"], ["text", " of a full matrix."]]
        out["blocks"] = [n, b]
    out["reasons"] = {k: [part(tuple(x)) for x in v] for k, v in reasons.items()}
    return out


class _Parts(dict):
    """One list per distinct part of the reasons ([kind, text]; never changed after): a long chain has
    tens of parts per parameter, mostly the same (", ", "In the equation for "), so the explanation
    of a 1 MiB difference holds tens of thousands of lists instead of millions."""

    def __call__(self, x: tuple) -> list:
        found = self.get(x)
        if found is None:
            found = self[x] = list(x)
        return found


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


def _sized(lin, formulas: Formulas) -> str:
    tex = lin_tex(lin, formulas.dim_tex)
    return f"({tex})" if len(lin.terms) + bool(lin.const) > 1 else tex


def _grouped(lin, formulas: Formulas) -> str:
    """A size as math in parentheses where it is more than one letter (a sum, or a product H P)."""
    tex = lin_tex(lin, formulas.dim_tex)
    one = not lin.const and len(lin.terms) == 1 and lin.terms[0][1] == 1 and len(factors(lin.terms[0][0])) == 1
    return tex if one or (not lin.terms) else f"({tex})"


def _matrix_states(shapes, formulas: Formulas, lhs_text: dict) -> list:
    """Why a matrix-valued state has its shape: the outer product that updates it (sentences as parts)."""
    out = []
    for s in shapes.signals:
        if s.cols.is_one:
            continue
        rows, cols = _sized(s.dim, formulas), _sized(s.cols, formulas)
        name = tex_math(lhs_text.get(s.name, s.text))
        outer = next((op for op in shapes.operations if op.kind == "product" and op.dims[1].is_one
                      and not op.dims[0].is_one and not op.dims[2].is_one
                      and getattr(shapes.cell.equations[op.equation].lhs, "name", None) == s.name), None)
        head = " (per head)" if shapes.heads else ""
        if outer is None:
            out.append([["math", name], ["text", f" is a matrix-valued state of "], ["math", rf"{rows} \times {cols}"],
                        ["text", f" entries{head}, carried from one step to the next."]])
            continue
        a, b = outer.node.left, outer.node.right
        out.append([["math", name], ["text", " is "], ["math", rf"{rows} \times {cols}"],
                    ["text", ": its update adds the outer product "], ["math", expr_tex(outer.node)],
                    ["text", " of a column of "], ["math", rows], ["text", " entries ("], ["math", expr_tex(a)],
                    ["text", ") and a row of "], ["math", cols], ["text", " entries ("], ["math", expr_tex(b)],
                    ["text", f"), one entry for each pair, so the state holds "], ["math", rf"{rows} \cdot {cols}"],
                    ["text", f" numbers{head}; the outer product costs "], ["math", rf"{rows} \cdot {cols}"],
                    ["text", " multiplications, and reading the state with a vector as many multiply-accumulates."]])
    return out


def _heads(d, formulas: Formulas) -> list:
    """Why a head's projections are d x d/H: the equations are one head's (`% symcount: heads H`)."""
    shapes = d.shapes
    if not shapes.heads:
        return []
    H = formulas.dim_tex(shapes.heads)
    inp = next((s for s in shapes.signals if s.name == shapes.input), None)
    own = [p for p in shapes.params if p.name not in shapes.shared and not p.scalar and not p.cols.is_one]
    example = next((p for p in own if inp is not None and inp.dim in (p.cols, p.rows)), None)
    parts = [["text", "The equations are one head of "], ["math", H],
             ["text", ": each head has its own parameters, so the layer has "], ["math", H],
             ["text", " of each and every count above is multiplied by "], ["math", H], ["text", "."]]
    if example is not None:
        r, c = _sized(example.rows, formulas), _sized(example.cols, formulas)
        if example.cols != inp.dim:  # a row times the weight (X_n W_Q): the weight's rows are the inputs
            r, c = c, r
        shape = rf"{r} \times {c}" if example.cols == inp.dim else rf"{c} \times {r}"
        if example.rows == example.cols:  # the head's own entries to its own: a block of a block-diagonal weight
            return [parts + [["text", " A head's "], ["math", tex_math(example.name)], ["text", " is "], ["math", shape],
                             ["text", ": it maps the head's own "], ["math", c], ["text", " entries to its own "],
                             ["math", r], ["text", ", one block on the diagonal of the layer's block-diagonal weight: "],
                             ["math", H], ["text", " blocks of "], ["math", shape], ["text", ", "],
                             ["math", rf"{H} \cdot {c}^{{2}}"], ["text", " parameters, not the "],
                             ["math", rf"({H} {c})^{{2}}"], ["text", " of a full matrix."]] + _shared(shapes)]
        parts += [["text", " A head's "], ["math", tex_math(example.name)], ["text", " is "],
                  ["math", shape], ["text", ": it maps the "], ["math", c],
                  ["text", " inputs to the head's own "], ["math", r], ["text", " entries, one slice of the layer's "],
                  ["math", rf"({H} {r}) \times {c}"], ["text", " projection; with "], ["math", rf"{H} {r} = {c}"],
                  ["text", " (the usual split of the width over the heads) a head's projection is "],
                  ["math", rf"{c} \times {c}/{H}"], ["text", ", and the "], ["math", H],
                  ["text", " heads together have the parameters of one full projection."]]
    return [parts + _shared(shapes)]


def _shared(shapes) -> list:
    """The parameters the heads share, as sentence parts (none: nothing)."""
    parts: list = []
    if shapes.shared:
        names = sorted(shapes.shared)
        parts += [["text", " Shared by the heads (counted once): "]]
        for i, n in enumerate(names):
            parts += [["math", tex_math(n)], ["text", ", " if i < len(names) - 1 else "."]]
    return parts
