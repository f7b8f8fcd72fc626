"""Counts against a swept size, drawn with matplotlib: one line per cell of a comparison; for a match,
the target's count (or the budget) and the matched cell's count at the nearest size, each point
labelled with that size. matplotlib is an optional extra (`pip install 'symcount[plot]'`).

The SVG keeps its text as text (`svg.fonttype: none`) and names its parts (`series0`, `series1`,
..., `legend`, `xlabel`, `ylabel`), so that it can be searched and tested; it carries no date, so
the same input writes the same bytes."""
from __future__ import annotations

import os
from dataclasses import dataclass

from ..measure.compare import Comparison, Match
from ..errors import UsageError
from ..measure.stack import stack_label

SUFFIXES = (".svg", ".png", ".pdf")
MAX_LABELLED = 16   # points of a match labelled with their size, at most
_SUPERSCRIPT = str.maketrans("0123456789", "⁰¹²³⁴⁵⁶⁷⁸⁹")


@dataclass(frozen=True)
class Series:
    label: str
    xs: tuple[int, ...]
    ys: tuple[int, ...]
    dashed: bool = False
    point_labels: tuple[str, ...] = ()


@dataclass(frozen=True)
class Chart:
    xlabel: str
    ylabel: str
    title: str
    series: tuple[Series, ...]


def pretty(formula: str) -> str:
    """4*h**2 + 8*h as a figure shows it: 4·h² + 8·h."""
    out, i = [], 0
    while i < len(formula):
        if formula.startswith("**", i):
            j = i + 2
            while j < len(formula) and formula[j].isdigit():
                j += 1
            out.append(formula[i + 2:j].translate(_SUPERSCRIPT))
            i = j
        elif formula[i] == "*":
            out.append("·")
            i += 1
        else:
            out.append(formula[i])
            i += 1
    return "".join(out)


def _axis(name: str, columns) -> str:
    for c in columns:
        if c.meanings.get(name):
            return f"{name} ({c.meanings[name]})"
    return name


def _ylabel(layers: int, directions: int, bias: bool, measure: str = "parameters") -> str:
    stack = ", ".join(x for x in (stack_label(layers, directions), "" if bias else "no bias") if x)
    return measure + (f" ({stack})" if stack else "")


def _one_swept(names, what: str) -> str:
    if len(names) != 1:
        given = f"{len(names)} are swept ({', '.join(names)})" if names else "none is swept"
        raise UsageError(f"--plot draws {what} against one swept size; {given}",
                         hint="sweep one size, for example --set h=128:1024:128")
    return names[0]


def compare_chart(c: Comparison) -> Chart:
    x = _one_swept(list(c.swept), "the counts")
    xs = tuple(r.sizes[x] for r in c.rows)
    series = []
    for i, col in enumerate(c.columns):
        ys = [r.counts[i] for r in c.rows]
        if not all(isinstance(y, int) for y in ys):
            left = sorted(set(col.dims) - set(c.fixed) - {x})
            raise UsageError(f"--plot needs numbers: {col.label} has no size for {', '.join(left)}",
                             hint=", ".join(f"--set {d}=..." for d in left))
        series.append(Series(f"{col.label}: {pretty(col.factored)}", xs, tuple(ys)))
    fixed = ", ".join(f"{k}={v}" + ("" if len(c.owners(k)) == len(c.columns) else f" ({', '.join(c.owners(k))})")
                      for k, v in c.fixed.items())
    return Chart(_axis(x, c.columns), _ylabel(c.layers, c.directions, c.bias, c.measure), f"{c.measure} at {fixed}" if fixed else "",
                 tuple(series))


def match_chart(m: Match) -> Chart:
    names = list(m.target_swept) + list(m.swept)
    x = _one_swept(names, "a match")
    target = x in m.target_swept or x not in m.column.dims   # the target's size, not the matched cell's
    xs = tuple(r.target_sizes[x] if target else r.sizes[x] for r in m.rows)
    xlabel = f"{m.target.label} {_axis(x, [m.target])}" if target else _axis(x, [m.column])
    n = m.dimension
    if m.target is not None:
        first = Series(f"{m.target.label}: {pretty(m.target.factored)}", xs, tuple(r.budget for r in m.rows))
    else:
        first = Series(f"budget: {m.rows[0].budget:,}" if len({r.budget for r in m.rows}) == 1 else "budget",
                       xs, tuple(r.budget for r in m.rows), dashed=True)
    labels = tuple(f"{n}={r.nearest.size}" for r in m.rows) if len(m.rows) <= MAX_LABELLED else ()
    second = Series(f"{m.column.label} at the nearest {n}: {pretty(m.column.factored)}", xs,
                    tuple(r.nearest.count for r in m.rows), point_labels=labels)
    fixed = ", ".join(f"{k}={v}" for k, v in m.fixed.items())
    goal = f"matched to the count of {m.target.label}" if m.target is not None else "nearest to the budget"
    title = f"{m.column.label}" + (f" at {fixed}" if fixed else "") + f": the {n} {goal}"
    return Chart(xlabel, _ylabel(m.layers, m.directions, m.bias, m.measure), title, (first, second))


def figure(result: Comparison | Match, path: str, *, log: bool = False) -> bytes:
    """The figure's bytes, in the format `path`'s suffix names (written by output.files)."""
    suffix = os.path.splitext(path)[1].lower()
    if suffix not in SUFFIXES:
        raise UsageError(f"--plot writes .svg, .png or .pdf, not {os.path.basename(path)!r}",
                         hint="for example --plot counts.svg")
    chart = compare_chart(result) if isinstance(result, Comparison) else match_chart(result)
    _drawable(chart)
    return draw(chart, suffix[1:], log=log)


def write(result: Comparison | Match, path: str | None = None, *, log: bool = False):
    """The chart as a matplotlib Figure; also written to `path` (atomically, by output.files) when
    one is given."""
    chart = compare_chart(result) if isinstance(result, Comparison) else match_chart(result)
    _drawable(chart)
    if path is not None:
        from .files import write_bytes
        path = os.fspath(path)
        write_bytes(path, figure(result, path, log=log))
    return render_figure(chart, log=log)


MAX_FLOAT_DIGITS = 300   # a count of more digits is beyond a figure's floats (about 1.8e308)


def _drawable(chart: Chart) -> None:
    from ..limits import digits
    for s in chart.series:
        for v in (*s.xs, *s.ys):
            if digits(v) > MAX_FLOAT_DIGITS:
                raise UsageError(f"--plot draws counts of at most {MAX_FLOAT_DIGITS} digits; {s.label.split(':')[0]} "
                                 f"has one of {digits(v):,}", hint="print the table without --plot")


def _plain(text: str) -> str:
    """A label as text: matplotlib reads $...$ as math (a file name's `$\\frac$` would fail), so its
    dollars are escaped."""
    return text.replace("$", "\\$")


def draw(chart: Chart, fmt: str = "svg", *, log: bool = False) -> bytes:
    """The chart's bytes in a format matplotlib writes (svg, png, pdf); an SVG carries no date."""
    import io
    fig = render_figure(chart, log=log)   # first: it says when matplotlib is missing
    import matplotlib
    buffer = io.BytesIO()
    with matplotlib.rc_context(_RC):
        try:
            fig.savefig(buffer, format=fmt, dpi=150, metadata={"Date": None} if fmt == "svg" else {})
        except (ValueError, OverflowError) as exc:
            raise UsageError(f"--plot cannot draw these counts: {exc}") from None
    return buffer.getvalue()


_RC = {"svg.fonttype": "none", "svg.hashsalt": "symcount", "font.size": 9}


def render_figure(chart: Chart, *, log: bool = False):
    """The chart as a matplotlib Figure (labels as text, never mathtext)."""
    try:
        import matplotlib
        from matplotlib.figure import Figure
        from matplotlib.ticker import FuncFormatter
    except ImportError:
        raise UsageError("--plot needs matplotlib, which is not installed",
                         hint="pip install 'symcount[plot]'") from None
    with matplotlib.rc_context(_RC):
        fig = Figure(figsize=(6.4, 4.2), layout="constrained")
        ax = fig.add_subplot()
        for i, s in enumerate(chart.series):
            (line,) = ax.plot(list(s.xs), [float(y) for y in s.ys], marker="o", markersize=3.5,
                              linestyle="--" if s.dashed else "-", linewidth=1.4, label=_plain(s.label))
            line.set_gid(f"series{i}")
            for x, y, text in zip(s.xs, s.ys, s.point_labels):
                ax.annotate(_plain(text), (x, float(y)), textcoords="offset points", xytext=(4, -10), fontsize=7,
                            color=line.get_color())
        if log:
            ax.set_yscale("log")
        else:
            ax.yaxis.set_major_formatter(FuncFormatter(lambda v, _: f"{v:,.0f}"))
        ax.set_xlabel(_plain(chart.xlabel)).set_gid("xlabel")
        ax.set_ylabel(_plain(chart.ylabel)).set_gid("ylabel")
        if chart.title:
            ax.set_title(_plain(chart.title))
        ax.grid(True, which="major", alpha=0.3)
        ax.legend(loc="best", frameon=False).set_gid("legend")
    return fig
