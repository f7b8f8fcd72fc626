"""Plain reports of a Derivation: the text table and the JSON object of the CLI."""
from __future__ import annotations

import json

import sympy

from .api import Derivation
from .shapes import dims_text


def formula(expr: sympy.Expr) -> str:
    """A sympy-parsable string, the same every run."""
    return sympy.sstr(expr, order="lex") if expr.free_symbols else str(int(expr))


def _shape(p) -> list[str]:
    return [] if p.scalar else [formula(p.rows), formula(p.cols)]


def stack_label(d: Derivation) -> str:
    parts = []
    if d.layers > 1:
        parts.append(f"{d.layers} layers")
    if d.directions > 1:
        parts.append("bidirectional")
    return ", ".join(parts)


def to_dict(d: Derivation) -> dict:
    value = d.value
    out = {
        "source": d.name,
        "dims": d.dims,
        "input": d.shapes.input,
        "output": d.shapes.output,
        "parameters": [
            {"name": p.name, "shape": _shape(p), "count": formula(p.count), "bias": p.bias,
             "equation": p.equation, "shared": p.shared}
            for p in d.parameters
        ],
        "equations": [
            {"lhs": e.label, "line": e.line, "parameters": list(e.parameters), "shared": list(e.shared),
             "subtotal": formula(e.subtotal)}
            for e in d.equations
        ],
        "bias": d.bias,
        "layers": d.layers,
        "directions": d.directions,
        "cell_total": formula(d.cell_total),
        "total": formula(d.total),
        "factored": str(d.factored),
        "bindings": dict(sorted(d.bindings.items())),
        "value": value,
    }
    if d.cell is not None:
        out["cell"] = {"name": d.cell.name, "convention": d.cell.convention,
                       "description": d.cell.description, "reference": d.cell.reference}
    return out


def json_text(d: Derivation) -> str:
    return json.dumps(to_dict(d), indent=2, ensure_ascii=False) + "\n"


def _table(rows: list[list[str]]) -> list[str]:
    widths = [max(len(r[i]) for r in rows) for i in range(len(rows[0]))]
    lines = []
    for k, r in enumerate(rows):
        lines.append("  ".join(c.ljust(w) for c, w in zip(r, widths)).rstrip())
        if k == 0:
            lines.append("  ".join("-" * w for w in widths))
    return lines


def text(d: Derivation) -> str:
    out = []
    title = d.cell.name + (f" ({d.cell.convention})" if d.cell else "") if d.cell else d.name
    out.append(f"{title}: {len(d.parameters)} parameter tensors" + ("" if d.bias else ", biases removed"))
    sig = []
    for s in d.shapes.signals:
        role = " (input)" if s.name == d.shapes.input else " (output)" if s.name == d.shapes.output else ""
        sig.append(f"{s.name}: {s.dim}{role}")
    out.append("signals: " + ", ".join(sig))
    out.append("")
    rows = [["parameter", "shape", "count", "first used in"]]
    for p in d.parameters:
        shape = "scalar" if p.scalar else dims_text(p.shape.rows, p.shape.cols)
        note = p.equation + (" (shared)" if p.shared else "")
        rows.append([p.name, shape, formula(p.count), note])
    out.extend(_table(rows))
    out.append("")
    rows = [["equation", "line", "subtotal"]]
    for e in d.equations:
        rows.append([e.label, str(e.line), formula(e.subtotal)])
    out.extend(_table(rows))
    out.append("")
    out.append(f"per layer and direction: {formula(d.cell_total)}")
    label = stack_label(d)
    if label:
        for i, layer in enumerate(d.stacked.per_layer, 1):
            out.append(f"  layer {i}, per direction: {formula(layer)}")
    out.append(f"total{' (' + label + ')' if label else ''}: {formula(d.total)}")
    out.append(f"factored: {d.factored}")
    if d.bindings:
        bound = ", ".join(f"{k}={v}" for k, v in sorted(d.bindings.items()))
        value = d.value
        if value is None:
            partial = d.total.xreplace({d.symbols[k]: sympy.Integer(v) for k, v in d.bindings.items()})
            out.append(f"at {bound}: {formula(sympy.expand(partial))}")
        else:
            out.append(f"value at {bound}: {value}")
    return "\n".join(out) + "\n"
