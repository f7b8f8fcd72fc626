"""`compare` and `match` as tables: text, JSON, Markdown, LaTeX (booktabs, the fixed sizes in the
caption) and CSV (the csv module; the rows of `to_rows()`)."""
from __future__ import annotations

import csv
import io
import json
from fractions import Fraction
from typing import Mapping

from ..measure import poly as P
from ..measure.compare import Column, Comparison, Formula, Match, MatchRow
from ..measure.solve import Point
from ..read.names import dim_latex
from ..measure.stack import stack_label
from .layout import latex_table, markdown_table, text_table
from .escape import md_text, tex_text
from .markup import Markup, markup

# a standalone document uses booktabs, and plain rules where a TeX installation lacks it
# ---- shared pieces -------------------------------------------------------------------------------
def at(sizes: Mapping[str, int]) -> str:
    return ", ".join(f"{k}={v}" for k, v in sizes.items())


def percent(fraction: Fraction) -> str:
    """A relative gap as a signed percentage, rounded exactly: -0.21%; more decimals where two
    would round a gap to zero."""
    if fraction == 0:
        return "0%"
    digits = 2
    while True:
        scaled = round(abs(fraction) * 100 * 10**digits)
        if scaled or digits >= 12:
            break
        digits += 1
    whole, frac = divmod(scaled, 10**digits)
    return f"{'-' if fraction < 0 else '+'}{whole}.{frac:0{digits}d}%"


def _stack(layers: int, directions: int, bias: bool) -> str:
    return ", ".join(x for x in (stack_label(layers, directions), "" if bias else "no bias") if x)


def _tex_dim(name: str, columns) -> str:
    for c in columns:
        if name in c.dim_latex:
            return c.dim_latex[name]
    return dim_latex(name)


def _sizes(sizes: Mapping[str, int], columns, mk: Markup) -> str:
    return ", ".join(f"${_tex_dim(k, columns)} = {mk.math_number(v)}$" for k, v in sizes.items())


def csv_text(result: Comparison | Match, standalone: bool = False) -> str:
    """A comparison's or a match's rows as CSV (result.to_rows(): one line a row)."""
    return _csv(result.to_rows())


def _csv(rows: list[dict]) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(list(rows[0]))
    for r in rows:
        writer.writerow(list(r.values()))
    return out.getvalue()


def _value(v, fmt: str, tex: Mapping[str, str] | None = None) -> str:
    """A count; the formula left where a size is not given, as math in Markdown and LaTeX."""
    mk = markup(fmt)
    if isinstance(v, int):
        return mk.number(v)
    if mk.math and isinstance(v, Formula):
        return "$" + P.to_latex(v.poly, {n: dim_latex(n) for n in P.names(v.poly)} | dict(tex or {})) + "$"
    return str(v)


# ---- compare ---------------------------------------------------------------------------------------
def _fixed_text(c: Comparison, fmt: str) -> str:
    """The fixed sizes; a size some cells lack names the cells that have it."""
    parts = []
    for k, v in c.fixed.items():
        owners = c.owners(k)
        only = "" if len(owners) == len(c.columns) else "(" + ", ".join(owners) + ")"
        mk = markup(fmt)
        if mk.math:
            parts.append(f"${_tex_dim(k, c.columns)} = {mk.math_number(v)}$" + (" " + mk.text(only) if only else ""))
        else:
            parts.append(f"{k}={v}" + (f" {only}" if only else ""))
    return ", ".join(parts)


def _compare_title(c: Comparison, fmt: str) -> str:
    fixed = _fixed_text(c, fmt)
    mk = markup(fmt)
    stack = mk.text(_stack(c.layers, c.directions, c.bias))
    what = c.measure + (" over T steps of a batch of B" if c.measure != "parameters" else "")
    what = what[0].upper() + what[1:] if mk.capitalised else what
    return what + (f" at {fixed}" if fixed else "") + \
        (f"; {stack}" if stack else "")


def compare_text(c: Comparison, standalone: bool = False) -> str:
    width = max(len(x) for x in c.labels)
    out = [_compare_title(c, "text")]
    out += [f"  {col.label + ':':<{width + 1}} {col.factored}{_renamed(col)}" for col in c.columns]
    rows = [list(c.swept) + c.labels]
    rows += [[str(r.sizes[n]) for n in c.swept] + [_value(v, "text") for v in r.counts] for r in c.rows]
    return "\n".join(out) + "\n\n" + "\n".join(text_table(rows)) + "\n"


def compare_markdown(c: Comparison, standalone: bool = False) -> str:
    header = [f"${_tex_dim(n, c.columns)}$" for n in c.swept] + [md_text(x) for x in c.labels]
    body = [[str(r.sizes[n]) for n in c.swept] + [_value(v, "markdown", col.dim_latex) for v, col in zip(r.counts, c.columns)]
            for r in c.rows]
    lines = [_compare_title(c, "markdown") + ".", ""] + markdown_table(header, body) + [""]
    lines += [f"- {md_text(col.label)}: ${col.factored_latex}$" for col in c.columns]
    return "\n".join(lines) + "\n"


def compare_latex(c: Comparison, standalone: bool = False) -> str:
    header = [f"${_tex_dim(n, c.columns)}$" for n in c.swept] + [tex_text(x) for x in c.labels]
    body = [[str(r.sizes[n]) for n in c.swept] + [_value(v, "latex", col.dim_latex) for v, col in zip(r.counts, c.columns)]
            for r in c.rows]
    formulas = "; ".join(f"{tex_text(col.label)}, ${col.factored_latex}$" for col in c.columns)
    return latex_table(f"{_compare_title(c, 'latex')}: {formulas}.", header, body, standalone)


def _renamed(col: Column) -> str:
    """What --as renamed in the cell: "  (its m as h, n as d)"."""
    return f"  (its {', '.join(f'{o} as {n}' for o, n in col.renamed.items())})" if col.renamed else ""


def _column_json(col: Column) -> dict:
    out = {"label": col.label, "source": col.source, "dims": list(col.dims), "total": col.total,
           "factored": col.factored}
    if col.renamed:
        out["renamed"] = dict(col.renamed)   # its own name -> the name given (--as)
    return out


def compare_json(c: Comparison, standalone: bool = False) -> str:
    data = {
        "measure": c.measure,
        "cells": [_column_json(col) for col in c.columns],
        "fixed": dict(c.fixed),
        "swept": list(c.swept),
        "layers": c.layers,
        "directions": c.directions,
        "bias": c.bias,
        "rows": [{"sizes": dict(r.sizes), "counts": dict(zip(c.labels, r.counts))} for r in c.rows],
        "notes": list(c.notes),
    }
    return json.dumps(data, indent=2, ensure_ascii=False) + "\n"


# ---- match -----------------------------------------------------------------------------------------
def _point_json(p: Point | None) -> dict | None:
    if p is None:
        return None
    return {"size": p.size, "count": p.count, "gap": p.gap, "relative_gap": float(p.relative_gap)}


def _row_json(m: Match, r: MatchRow) -> dict:
    out: dict = {"sizes": dict(r.sizes)}
    if m.target is not None:
        out["target_sizes"] = dict(r.target_sizes)
    out.update({"budget": r.budget, "at_most": _point_json(r.at_most), "above": _point_json(r.above),
                "nearest": _point_json(r.nearest)})
    return out


def match_json(m: Match, standalone: bool = False) -> str:
    data: dict = {"cell": _column_json(m.column), "dimension": m.dimension, "measure": m.measure}
    if m.target is not None:
        data["target"] = _column_json(m.target)
    data.update({"layers": m.layers, "directions": m.directions, "bias": m.bias})
    if len(m.rows) == 1:
        data.update(_row_json(m, m.rows[0]))
    data["rows"] = [_row_json(m, r) for r in m.rows]
    data["notes"] = list(m.notes)
    return json.dumps(data, indent=2, ensure_ascii=False) + "\n"


def _solved(m: Match) -> str:
    """What is solved: "gru (2 layers) at d=512, solved for h"."""
    stack = _stack(m.layers, m.directions, m.bias)
    return (m.column.label + (f" ({stack})" if stack else "") + (f" at {at(m.fixed)}" if m.fixed else "")
            + f", solved for {m.dimension}")


def _point_text(p: Point) -> str:
    return f"{p.count} ({p.gap:+d}, {percent(p.relative_gap)})" if p.gap else f"{p.count} (exactly)"


def match_text(m: Match, standalone: bool = False) -> str:
    out = [f"{_solved(m)}: {m.column.factored}" + ("" if m.measure == "parameters" else f" {m.measure}")
           + _renamed(m.column)]
    if m.target is not None:
        t_fixed = at(m.target_fixed)
        out.append(f"against {m.target.label}" + (f" at {t_fixed}" if t_fixed else "") + f": {m.target.factored}")
    n = m.dimension
    if m.target is not None and m.target.renamed and (len(m.rows) != 1 or m.swept or m.target_swept):
        out[-1] += _renamed(m.target)
    if len(m.rows) == 1 and not m.swept and not m.target_swept:
        r = m.rows[0]
        if m.target is not None:
            out[-1] += f" = {r.budget}" + _renamed(m.target)
        else:
            out.append(f"budget: {r.budget}")
        lines = [("at most", r.at_most), ("above", r.above), ("nearest", r.nearest)]
        width = max(len(f"{n}={p.size}") for _, p in lines if p is not None)
        for what, p in lines:
            if p is None:
                out.append(f"{what + ':':<9} none: {n} can be at most {r.at_most.size}")
            else:
                out.append(f"{what + ':':<9} {f'{n}={p.size}':<{width}}  {_point_text(p)}")
        return "\n".join(out) + "\n"
    header, body = _match_grid(m, "text")
    return "\n".join(out) + "\n\n" + "\n".join(text_table([header] + body)) + "\n"


def _match_grid(m: Match, fmt: str) -> tuple[list[str], list[list[str]]]:
    """The table of a match: the swept sizes, the budget or the target's count, then the size at
    most the budget and the nearest size, each with its count and relative gap."""
    n, label = m.dimension, m.column.label
    tlabel = m.target.label if m.target is not None else ""

    def head(text: str, dim: str | None = None, cols=()) -> str:
        if not mk.math:
            return f"{text} {dim}".strip() if dim else text
        math = f"${_tex_dim(dim, cols)}$" if dim else ""
        return f"{mk.text(text)} {math}".strip()

    mk = markup(fmt)
    num = mk.number

    def pct(f: Fraction) -> str:
        return mk.percent(percent(f))
    tcols, ccols = (m.target,) if m.target else (), (m.column,)
    header = [head(tlabel, d, tcols) for d in m.target_swept]
    for d in m.swept:  # sizes given before --to: the target's too where it has them
        mine, its = d in m.column.dims, m.target is not None and d in m.target.dims
        owner = "" if m.target is None or (mine and its) else label if mine else tlabel
        header.append(head(owner, d, ccols if mine else tcols))
    header += [head(tlabel) if m.target is not None else head("budget")]
    header += [head(f"at most: {label}", n, ccols), head(m.measure), head("gap"),
               head(f"nearest: {label}", n, ccols), head(m.measure), head("gap")]
    body = []
    for r in m.rows:
        row = [str(r.target_sizes[d]) for d in m.target_swept]
        row += [str(r.sizes[d]) if d in r.sizes else str(r.target_sizes[d]) for d in m.swept]
        row.append(num(r.budget))
        for p in (r.at_most, r.nearest):
            row += [str(p.size), num(p.count), pct(p.relative_gap)]
        body.append(row)
    return header, body


def _match_caption(m: Match, fmt: str) -> str:
    mk = markup(fmt)
    esc = mk.text

    def sizes(given, cols) -> str:
        return _sizes(given, cols, mk)
    stack = _stack(m.layers, m.directions, m.bias)
    n = f"${_tex_dim(m.dimension, (m.column,))}$"
    text = f"Sizes {n} of {esc(m.column.label)} (${m.column.factored_latex}$"
    text += f", {sizes(m.fixed, (m.column,))})" if m.fixed else ")"
    if m.target is not None:
        text += f" matched to the count of {esc(m.target.label)} (${m.target.factored_latex}$"
        text += f", {sizes(m.target_fixed, (m.target,))})" if m.target_fixed else ")"
    elif len({r.budget for r in m.rows}) == 1:
        text += f" for a budget of {mk.number(m.rows[0].budget)} {m.measure}"
    else:
        text += f" for budgets of {m.measure}"
    return text + (f", {esc(stack)}" if stack else "")


def match_markdown(m: Match, standalone: bool = False) -> str:
    header, body = _match_grid(m, "markdown")
    return "\n".join([_match_caption(m, "markdown") + ".", ""] + markdown_table(header, body)) + "\n"


def match_latex(m: Match, standalone: bool = False) -> str:
    header, body = _match_grid(m, "latex")
    return latex_table(_match_caption(m, "latex") + ".", header, body, standalone)


def html(result, caption: str = "") -> str:
    """A comparison or a match as an HTML table (a notebook's _repr_html_): its rows (`to_rows()`),
    every cell escaped, numbers with thousands separators."""
    from html import escape as esc
    rows = result.to_rows()
    head = list(rows[0]) if rows else []
    shown = [[f"{v:,}" if isinstance(v, int) and not isinstance(v, bool) else ("" if v is None else str(v))
              for v in (r.get(k) for k in head)] for r in rows]
    out = ["<table>"] + ([f"<caption>{esc(caption)}</caption>"] if caption else [])
    out.append("<thead><tr>" + "".join(f"<th>{esc(str(k))}</th>" for k in head) + "</tr></thead><tbody>")
    out += ["<tr>" + "".join(f'<td style="text-align:right">{esc(c)}</td>' for c in r) + "</tr>" for r in shown]
    return "\n".join(out + ["</tbody></table>"]) + "\n"
