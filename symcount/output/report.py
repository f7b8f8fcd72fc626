"""Plain reports: the text table and the JSON object of the CLI, and sweep tables, written from a
summary.View."""
from __future__ import annotations


from ..measure import poly as P
from ..measure.sizes import check_bindings, check_sizes
from ..read.source import escaped
from .layout import text_table
from .markup import Markup, markup

from ..result.view import View, at, at_partial


def to_dict(v: View) -> dict:
    m = v.summary
    total = v.total
    out = {
        "source": m.source,
        "dims": {s.name: s.dim for s in m.signals},
        "input": m.input,
        "output": m.output,
        "parameters": [
            {"name": p.name, "shape": list(p.shape), "count": p.count, "bias": p.bias,
             "equation": p.equation, "shared": p.shared}
            for p in m.parameters
        ],
        "equations": [
            {"lhs": e.lhs, "line": e.line, "parameters": list(e.parameters), "shared": list(e.shared),
             "subtotal": e.subtotal}
            for e in m.equations
        ],
        "bias": m.bias,
        "layers": v.layers,
        "directions": v.directions,
        "cell_total": P.to_str(v.cell_poly),
        "total": P.to_str(total),
        "total_terms": [[c, dict(m)] for m, c in P.ordered(total)],
        "symbols": list(m.dims),
        "factored": P.factored_str(total),
        "bindings": dict(sorted(v.bindings.items())),
        "value": v.value,
        "notes": list(m.notes),
    }
    cell = m.cell
    if cell is not None:
        out["cell"] = {k: getattr(cell, k) for k in ("name", "convention", "description", "reference")}
    if v.cost:
        from . import costs
        out["cost"] = costs.to_dict(v)
    return out


def json_text(v: View) -> str:
    import json  # (only where JSON is written: the text and the tables need none)
    return json.dumps(to_dict(v), indent=2, ensure_ascii=False) + "\n"


def text(v: View) -> str:
    m = v.summary
    cell = m.cell
    title = f"{cell.name} ({cell.convention})" if cell else escaped(m.source)
    out = [f"{title}: {len(m.parameters)} parameter tensors" + ("" if m.bias else ", biases removed")]
    listed = not m.equations  # read.listing: the parameters a list gives, no equation
    sig = []
    for s in m.signals:
        role = " (input)" if s.name == m.input else " (output)" if s.name == m.output else ""
        sig.append(f"{s.name}: {s.dim}{role}")
    out.append("signals: " + (", ".join(sig) if not listed else
                              (", ".join(sig) + " (as listed; " if sig else "none (") + "no equation: the parameters as the text lists them)"))
    out.append("")
    rows = [["parameter", "shape", "count"] + ([] if listed else ["first used in"])]
    for p in m.parameters:
        rows.append([p.name, p.shape_text, p.count] + ([] if listed else [p.equation + (" (shared)" if p.shared else "")]))
    out.extend(text_table(rows))
    out.append("")
    if not listed:
        rows = [["equation", "line", "subtotal"]]
        for e in m.equations:
            rows.append([e.lhs, str(e.line), e.subtotal])
        out.extend(text_table(rows))
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
    own = {k: val for k, val in v.bindings.items() if k in m.dims}  # not T and B, the cost's
    if own:
        bound = ", ".join(f"{k}={val}" for k, val in sorted(own.items()))
        value = v.value
        if value is None:
            out.append(f"at {bound}: {P.to_str(v.partial)}")
        else:
            out.append(f"value at {bound}: {value}")
    if v.cost:
        from . import costs
        out.extend(costs.text_lines(v, text_table))
    return "\n".join(out) + "\n"


def _sweep_rows(v: View, swept: dict[str, list[int]]):
    """Every combination of the swept sizes: (the sizes, the values of each column, the point)."""
    import itertools
    for n, vals in swept.items():
        check_bindings({n: x for x in vals[:1] + vals[-1:]}, v.summary.dims)
    total = v.total
    names = list(swept)
    columns = [("parameters", total)]
    if v.cost:
        c = v.costs()
        columns += [("MACs", c.macs), ("FLOPs", c.flops_total)]
    rows = []
    sized = v.sized()
    for combo in itertools.product(*(swept[n] for n in names)):
        point = dict(v.bindings)
        point.update(zip(names, combo))
        check_sizes(sized, point)
        rows.append((combo, [_at(poly, point) for _, poly in columns], point))
    return names, columns, rows


def sweep_json(v: View, swept: dict[str, list[int]], standalone: bool = False) -> str:
    """A sweep as JSON: the usual object plus "sweep": [{"bindings", "value"(, "cost")}]."""
    names, columns, rows = _sweep_rows(v, swept)
    data = to_dict(v)
    data["sweep"] = []
    memory = v.costs().memory if v.cost else {}
    for combo, values, point in rows:
        row = {"bindings": dict(zip(names, combo)), "value": values[0]}
        if v.cost:
            row["cost"] = {"macs": values[1], "flops": values[2],
                           "memory": {k: _at(x, point) for k, x in memory.items()}}
        data["sweep"].append(row)
    import json
    return json.dumps(data, indent=2, ensure_ascii=False) + "\n"


def sweep(v: View, swept: dict[str, list[int]], fmt: str, standalone: bool = False) -> str:
    """A table of the total over every combination of the swept sizes (a paper's table): text, a
    Markdown pipe table, a LaTeX tabular (with --standalone, a complete document)."""
    from ..read.names import dim_latex
    names, columns, rows = _sweep_rows(v, swept)
    mk = markup(fmt)
    total = v.total
    fixed = ", ".join(f"{k}={val}" for k, val in sorted(v.bindings.items()))
    label = ", ".join(x for x in (v.label, fixed) if x)
    tex = dict(v.summary.dim_latex)

    def math(poly: P.Poly) -> str:
        return "$" + P.to_latex(poly, {n: tex.get(n, dim_latex(n)) for n in P.names(poly)}) + "$"

    def cell(value, poly, point) -> str:
        if value is not None:
            return mk.number(value)
        if mk.math:  # the formula left, as math
            return math(at_partial(poly, point))
        return P.to_str(at_partial(poly, point))

    body = [[str(x) for x in combo] + [cell(value, poly, point) for value, (_, poly) in zip(values, columns)]
            for combo, values, point in rows]
    heads = [name for name, _ in columns]
    if mk.table is not None:
        return _sweep_table(v, mk, names, heads, body, math(total), standalone)
    title = f"total{' (' + label + ')' if label else ''}: {P.to_str(total)}"
    return title + "\n\n" + "\n".join(text_table([names + heads] + body)) + "\n"


def _sweep_table(v: View, mk: Markup, names: list[str], heads: list[str], body: list[list[str]], total: str,
                 standalone: bool) -> str:
    """A sweep as a Markdown pipe table, or a LaTeX booktabs table whose caption states the cell, the
    stack, the fixed sizes and the formula."""
    from ..read.names import dim_latex
    tex = dict(v.summary.dim_latex)
    esc = mk.text
    fixed = ", ".join(f"${tex.get(k, dim_latex(k))} = {mk.math_number(val)}$" for k, val in sorted(v.bindings.items()))
    what = "Parameters" + (" and cost" if len(heads) > 1 else "")
    caption = f"{what} of {esc(v.summary.name)}" + (f", {esc(v.label)}" if v.label else "")
    caption += (f", at {fixed}" if fixed else "") + f": $N = {total[1:-1]}$"
    header = [f"${tex.get(n, dim_latex(n))}$" for n in names] + [esc(h) for h in heads]
    return mk.table(caption + ".", header, body, standalone)


def _at(poly: P.Poly, point: dict) -> int | None:
    """The polynomial's value at a point, or None while a dimension it has is unbound there."""
    return at(poly, point) if all(n in point for n in P.names(poly)) else None


def catalog_json(entries: list[dict]) -> str:
    """`symcount list --format json`: every field of api.catalog."""
    import json
    return json.dumps(entries, indent=2, ensure_ascii=False) + "\n"


def catalog_markdown(entries: list[dict]) -> str:
    """`symcount list --format markdown`: a table, each count typeset."""
    from .escape import md_text
    lines = ["| cell | convention | what | parameters per layer and direction |", "|---|---|---|---|"]
    lines += [f"| {md_text(e['name'])} | {md_text(e['convention'])} | {md_text(e['description'])} | ${e['latex']}$ |"
              for e in entries]
    return "\n".join(lines) + "\n"


def catalog_text(entries: list[dict]) -> str:
    """`symcount list`: name, description, conventions, reference."""
    by_name: dict[str, list[dict]] = {}
    for e in entries:
        by_name.setdefault(e["name"], []).append(e)
    width = max(len(n) for n in by_name)
    out = []
    for name, group in by_name.items():
        e = group[0]
        convs = "/".join(x["option"] for x in group) if len(group) > 1 else e["convention"]
        out.append(f"{name:<{width}}  {e['description']}  [{convs}]\n{'':<{width}}  {e['reference']}\n")
    return "".join(out)
