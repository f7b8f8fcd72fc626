"""Plain reports: the text table and the JSON object of the CLI, and sweep tables, written from a
summary.View."""
from __future__ import annotations

import json

from .. import poly as P
from ..sizes import check_bindings, check_sizes
from ..source import escaped
from .escape import md_code, md_text, number
from .summary import View, at, at_partial


def to_dict(v: View) -> dict:
    m = v.summary
    total = v.total
    out = {
        "source": m["source"],
        "dims": {s["name"]: s["dim"] for s in m["signals"]},
        "input": m["input"],
        "output": m["output"],
        "parameters": [
            {"name": p["name"], "shape": p["shape"], "count": p["count"], "bias": p["bias"],
             "equation": p["equation"], "shared": p["shared"]}
            for p in m["parameters"]
        ],
        "equations": [
            {"lhs": e["lhs"], "line": e["line"], "parameters": e["parameters"], "shared": e["shared"],
             "subtotal": e["subtotal"]}
            for e in m["equations"]
        ],
        "bias": m["bias"],
        "layers": v.layers,
        "directions": v.directions,
        "cell_total": P.to_str(v.cell_poly),
        "total": P.to_str(total),
        "total_terms": [[c, dict(m)] for m, c in P.ordered(total)],
        "symbols": list(m["dims"]),
        "factored": P.factored_str(total),
        "bindings": dict(sorted(v.bindings.items())),
        "value": v.value,
        "notes": list(m["notes"]),
    }
    cell = m.get("cell")
    if cell is not None:
        out["cell"] = {k: cell[k] for k in ("name", "convention", "description", "reference")}
    return out


def json_text(v: View) -> str:
    return json.dumps(to_dict(v), indent=2, ensure_ascii=False) + "\n"


def _table(rows: list[list[str]]) -> list[str]:
    widths = [max(len(r[i]) for r in rows) for i in range(len(rows[0]))]
    lines = []
    for k, r in enumerate(rows):
        lines.append("  ".join(c.ljust(w) for c, w in zip(r, widths)).rstrip())
        if k == 0:
            lines.append("  ".join("-" * w for w in widths))
    return lines


def text(v: View) -> str:
    m = v.summary
    cell = m.get("cell")
    title = f"{cell['name']} ({cell['convention']})" if cell else escaped(m["source"])
    out = [f"{title}: {len(m['parameters'])} parameter tensors" + ("" if m["bias"] else ", biases removed")]
    sig = []
    for s in m["signals"]:
        role = " (input)" if s["name"] == m["input"] else " (output)" if s["name"] == m["output"] else ""
        sig.append(f"{s['name']}: {s['dim']}{role}")
    out.append("signals: " + ", ".join(sig))
    out.append("")
    rows = [["parameter", "shape", "count", "first used in"]]
    for p in m["parameters"]:
        rows.append([p["name"], p["shape_text"], p["count"], p["equation"] + (" (shared)" if p["shared"] else "")])
    out.extend(_table(rows))
    out.append("")
    rows = [["equation", "line", "subtotal"]]
    for e in m["equations"]:
        rows.append([e["lhs"], str(e["line"]), e["subtotal"]])
    out.extend(_table(rows))
    out.append("")
    out.append(f"per layer and direction: {P.to_str(v.cell_poly)}")
    label = v.label
    if label:
        for first, last, layer in v.layer_groups:
            which = f"layer {first}" if first == last else f"layers {first} to {last}, each"
            out.append(f"  {which}, per direction: {P.to_str(layer)}")
    total = v.total
    out.append(f"total{' (' + label + ')' if label else ''}: {P.to_str(total)}")
    out.append(f"factored: {P.factored_str(total)}")
    if v.bindings:
        bound = ", ".join(f"{k}={val}" for k, val in sorted(v.bindings.items()))
        value = v.value
        if value is None:
            out.append(f"at {bound}: {P.to_str(v.partial)}")
        else:
            out.append(f"value at {bound}: {value}")
    return "\n".join(out) + "\n"


def sweep(v: View, swept: dict[str, list[int]], fmt: str, standalone: bool = False) -> str:
    """A table of the total over every combination of the swept sizes (a paper's table). JSON is
    the usual object plus "sweep": [{"bindings", "value"}]; Markdown a pipe table; LaTeX a tabular
    (with --standalone, a complete document)."""
    import itertools

    from ..names import dim_latex
    for n, vals in swept.items():
        check_bindings({n: x for x in vals[:1] + vals[-1:]}, v.summary["dims"])
    total = v.total
    names = list(swept)
    missing = [n for n in P.names(total) if n not in v.bindings and n not in swept]
    rows = []
    sized = v.sized()
    for combo in itertools.product(*(swept[n] for n in names)):
        point = dict(v.bindings)
        point.update(zip(names, combo))
        check_sizes(sized, point)
        rows.append((combo, None if missing else at(total, point), point))
    fixed = ", ".join(f"{k}={val}" for k, val in sorted(v.bindings.items()))
    label = ", ".join(x for x in (v.label, fixed) if x)
    if fmt == "json":
        data = to_dict(v)
        data["sweep"] = [{"bindings": dict(zip(names, combo)), "value": value} for combo, value, _ in rows]
        return json.dumps(data, indent=2, ensure_ascii=False) + "\n"

    def cell(value, point) -> str:
        if value is not None:
            return number(value, fmt)
        formula = P.to_str(at_partial(total, point))
        if fmt == "markdown":
            return f"`{formula}`"
        return "\\texttt{" + formula.replace("_", "\\_") + "}" if fmt == "latex" else formula

    body = [[str(x) for x in combo] + [cell(value, point)] for combo, value, point in rows]
    if fmt == "markdown":
        lines = [f"Parameters of {md_code(v.summary['source'])}" + (f" ({md_text(label)})" if label else "")
                 + f": `{P.to_str(total)}`", "",
                 "| " + " | ".join([f"${dim_latex(n)}$" for n in names] + ["parameters"]) + " |",
                 "|" + "|".join("---:" for _ in range(len(names) + 1)) + "|"]
        lines += ["| " + " | ".join(r) + " |" for r in body]
        return "\n".join(lines) + "\n"
    if fmt == "latex":
        lines = [f"\\begin{{tabular}}{{{'r' * (len(names) + 1)}}}",
                 " & ".join([f"${dim_latex(n)}$" for n in names] + ["parameters"]) + " \\\\", "\\hline"]
        lines += [" & ".join(r) + " \\\\" for r in body]
        lines.append("\\end{tabular}")
        table = "\n".join(lines) + "\n"
        if standalone:
            return "\\documentclass{article}\n\\begin{document}\n" + table + "\\end{document}\n"
        return table
    title = f"total{' (' + label + ')' if label else ''}: {P.to_str(total)}"
    return title + "\n\n" + "\n".join(_table([names + ["parameters"]] + body)) + "\n"
