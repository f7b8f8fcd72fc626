"""The one place that wires the stages:

    text -> parse -> shapes -> count -> stack -> Derivation       (derive, cell)
    Derivation -> summary -> View -> text, JSON, Markdown, LaTeX  (summarize, render, report)
    summaries -> Column -> Comparison, Match -> tables, plots       (compare, match, table, plot)

`report` is what the command line asks for: it takes the fast path when it can (a built-in cell's
shipped summary, or the user's cache of summaries) and derives afresh otherwise, then writes the
requested format from the summary. Both paths write from the same summary, so their bytes agree.
"""
from __future__ import annotations

import gc
import os
from collections.abc import Mapping

from .errors import TYPE_CHECKING, Record, UsageError, replace
from . import cells
from .measure.sizes import split_sizes

KEPT: list | None = None  # cli.run's, in a process that ends freeing nothing: the derivations, not freed on the way
if TYPE_CHECKING:  # pragma: no cover
    from typing import Iterable
    from .result.summary import Summary
    from .measure.compare import Column, Comparison, Match
    from .result.derivation import Derivation


class _gc_paused:
    """The cyclic garbage collector paused while a derivation or a report is built (millions of small
    objects, no cycles worth collecting: its passes were a third of a large input's time)."""

    def __enter__(self) -> None:
        self.was = gc.isenabled()
        gc.disable()

    def __exit__(self, *exc) -> None:
        if self.was:
            gc.enable()


def _text(text: object, what: str) -> str:
    if isinstance(text, str):
        return text
    decode = ": decode it first, e.g. data.decode('utf-8')" if isinstance(text, (bytes, bytearray, memoryview)) else ""
    raise TypeError(f"{what} takes the LaTeX as a str, not {type(text).__name__}{decode}")


def flag(value: object, name: str) -> bool:
    """An option that is True or False (a numpy bool too); anything else, 'no' or 0 included, is refused."""
    from .measure.sizes import is_bool, shown
    if is_bool(value):
        return bool(value)
    raise TypeError(f"{name} must be True or False, not {type(value).__name__} {shown(value)}")


def _sizes(sizes: object) -> dict:
    if sizes is None:
        return {}
    if not isinstance(sizes, Mapping):
        raise TypeError(f"sizes must be a mapping of dimension names to sizes, not {type(sizes).__name__}")
    if not all(isinstance(k, str) for k in sizes):
        raise TypeError("sizes must be a mapping of dimension names (str) to sizes")
    return dict(sizes)


def derive(text: str, *, name: str = "<input>", layers: int = 1, bidirectional: bool = False, bias: bool = True,
           sizes: Mapping[str, int] | None = None, read: object = None, heads: str | None = None,
           shared: Iterable[str] = (), _cell: "cells.CellInfo | None" = None, _stack_check: bool = True) -> "Derivation":
    """Derive the parameter count of the cell whose equations `text` holds (LaTeX); `sizes` binds
    dimensions (as `Derivation.bind` does). `read` settles the readings the text leaves open:
    {"P_i": "diagonal", "h_prev": "state", "*": "elementwise"} (or ["P_i=diagonal", ...]); every
    reading left open is solved, and the count is printed only when they all agree. `heads="H"`: the
    equations are one head's of H (as `% symcount: heads H`; `shared`: the names one for all heads)."""
    from .read.choices import parse as parse_read
    from .read.parse import parse
    from .measure.stack import check_layers, stack, stack_said
    from .read.directions import count_once, layers_said

    text = _text(text, "derive()")
    if not isinstance(name, str) or not (heads is None or isinstance(heads, str)):
        raise TypeError(f"name and heads must be str, not {type(name).__name__} and {type(heads).__name__}")
    layers = check_layers(layers)
    bidirectional, bias = flag(bidirectional, "bidirectional"), flag(bias, "bias")
    sizes = _sizes(sizes)
    _cell = _cell if _cell is not None else cells.own(text, name)  # a user's file may name its reference
    settled = dict(parse_read(read))
    stack_read = settled.pop("layers", None)  # (the layers the prose states: measure.stack.stated_stack)
    with _gc_paused():
        read_cell = parse(text, name)  # first: text the grammar refuses is refused before the later stages load
        from .measure.alternatives import solve
        from .measure.count import count
        from .read.parse import with_heads
        from .result.derivation import DISPLAY, Derivation
        from .shapes.infer import infer
        DISPLAY.setdefault("markdown", lambda d: render(d, "markdown", brief=True))
        DISPLAY.setdefault("explain", lambda d, fmt, detail: render(d, fmt, detail=detail))
        DISPLAY.setdefault("latex", lambda d: render(d, "latex-math"))
        cell = with_heads(read_cell, heads, tuple(shared) if not isinstance(shared, str) else (shared,))
        shapes, counts = solve(cell, settled, infer, count, bias=bias)
        bidirectional, shapes = count_once(bidirectional, layers_said(shapes, text, name))  # (a num_layers argument: a note)
        layers, shapes = stack_said(shapes, counts.total, layers, stack_read, bidirectional) if _stack_check else (layers, shapes)
        d = Derivation(name, shapes, counts, stack(shapes, counts.total, layers=layers, bidirectional=bidirectional),
                       bias, _cell)
    return d.bind(**sizes) if sizes else d


def cell(name: str, *, convention: str = "pytorch", layers: int = 1, bidirectional: bool = False,
         bias: bool = True, sizes: Mapping[str, int] | None = None) -> "Derivation":
    """Derive a built-in cell (see `cell_names()`)."""
    if not isinstance(name, str) or not isinstance(convention, str):
        raise TypeError("cell() takes the cell's name and convention as str")
    info = cells.load(name, convention)
    return derive(info.text, name=info.filename, layers=layers, bidirectional=bidirectional,
                  bias=bias, sizes=sizes, _cell=info)


def summarize(d: Derivation, *, explain: bool = False, cost: bool = True) -> "Summary":
    """The summary of a derivation: plain data, what the cache stores and the outputs are written from
    (without `cost`, its cost is not measured: a count printed and not stored)."""
    from .result.summarize import summarize as _summarize
    explanation = None
    if explain:
        from .output.explained import explanation
    with _gc_paused():
        return _summarize(d, explanation, cost)


def view(d: Derivation, *, explain: bool = False, cost: bool = False, dtype: str = "float32"):
    """The derivation's summary seen with its layers, directions and bound sizes (and with `cost`,
    its cost at a dtype)."""
    from .result.view import View
    return View(summarize(d, explain=explain), d.layers, d.directions, dict(d.bindings), cost, dtype)


def render(d: Derivation, fmt: str, *, standalone: bool = False, template: str | None = None,
           template_name: str = "<template>", cost: bool = False, dtype: str = "float32",
           detail: bool = False, brief: bool = False) -> str:
    """A derivation as "markdown" or "latex" (an explanation; with `cost`, its cost too; with
    `detail`, every parameter's reasons, the subtotals and the BibTeX entry), or "latex-math" (the
    count as one display-math block, for notebooks)."""
    from .output import render as R
    if fmt == "latex-math":
        return R.latex_math(view(d))
    return R.render(view(d, explain=True, cost=cost, dtype=dtype), fmt, standalone=standalone, template=template,
                    template_name=template_name, layout=R.Layout(detail=flag(detail, "detail"), brief=flag(brief, "brief")))


# ---- the command line's request ---------------------------------------------------------------------
class Request(Record):
    """What to read: a user's file (kind "derive": name and text) or a built-in cell (kind "cell")."""

    # kind, name: str; text: str = ""; convention = "pytorch"; bias = True; use_cache = True;
    # info: cells.CellInfo | None (not compared); read: the readings settled with --read NAME=READING;
    # heads: --heads H (the equations are one head's of H); shared: --shared W_o (one for all heads)
    __slots__ = ("kind", "name", "text", "convention", "bias", "use_cache", "info", "read", "heads", "shared")
    _defaults = {"text": "", "convention": "pytorch", "bias": True, "use_cache": True, "info": None, "read": (),
                 "heads": None, "shared": ()}
    _uncompared = ("info",)

    @staticmethod
    def for_cell(name: str, convention: str = "pytorch", **kw) -> "Request":
        info = cells.load(name, convention)
        return Request("cell", name, info.text, convention, info=info, **kw)


def summary_for(req: Request, *, explain: bool = False, cost: bool = True) -> "Summary":
    """The summary of a request: shipped with a built-in cell, from the cache, or derived afresh
    (and then cached). Nothing here imports sympy or lark (read/lalr.py reads without lark). Without
    `cost`, a summary derived afresh and not cached has its cost unmeasured (a count printed alone)."""
    use_cache = req.use_cache and not (req.read or req.heads or req.shared)  # derived afresh, never cached
    if use_cache:
        from .result import cache
        found = cache.find(req)
        if found is not None and (found.explanation is not None or not explain):
            return found
    read = {k: v for k, v in dict(req.read).items() if k != "layers"}  # (the layers the prose states: _stack_layers)
    d = derive(req.text, name=req.info.filename if req.kind == "cell" else req.name, bias=req.bias, read=read,
               heads=req.heads, shared=req.shared, _cell=req.info if req.kind == "cell" else None, _stack_check=False)
    summary = summarize(d, explain=explain, cost=cost or explain or use_cache)  # the explanation only when asked
    if KEPT is not None:
        KEPT.append(d)
    if use_cache:
        cache.store(req, summary)
    return summary


def report(req: Request, fmt: str, *, layers: int = 1, bidirectional: bool = False,
           sizes: Mapping[str, int] | None = None, swept: Mapping[str, list[int]] | None = None,
           standalone: bool = False, template: str | None = None, template_name: str = "<template>",
           cost: bool = False, dtype: str = "float32", sections: "Iterable[str] | None" = None,
           title: str | None = None, bibliography: str | None = None, paper: Mapping | None = None):
    """The text the command line prints, and the notes it writes on standard error. An explanation
    (Markdown, LaTeX) shows `sections` (default all), under `title`; with `bibliography` (the name of
    a .bib file, see `bibtex`) its reference is a \\cite, and a standalone document ends with the
    bibliography. `paper` lays it out for a paper: the Layout fields level, numbered, label,
    placement, cite_key and brief (symcount.output.paper.Layout)."""
    from .output import formats
    form = formats.get(fmt)
    paper = dict(paper or {})
    if standalone and not form.standalone:
        raise UsageError("--standalone applies to LaTeX output", hint="add --format latex")
    if (sections is not None or title is not None or paper) and not form.explains:
        raise UsageError("--section, --title, --brief and the paper's options apply to an explanation "
                         "(--format markdown or latex)")
    if (bibliography is not None or paper.get("cite_key")) and not form.cites:
        raise UsageError("--bib and --cite apply to a LaTeX explanation", hint="add --format latex")
    # a sweep prints its table, or (asked for parts, title, citation, template, layout) its explanation
    explained_sweep = bool(swept) and (sections is not None or title is not None or bibliography is not None
                                       or template is not None or bool(paper))
    explain = form.explains and (not swept or explained_sweep)
    with _gc_paused():
        return _report(req, form, explain, explained_sweep, layers, bidirectional, sizes, swept, standalone,
                       template, template_name, cost, dtype, sections, title, bibliography, paper)


def _report(req, form, explain, explained_sweep, layers, bidirectional, sizes, swept, standalone, template,
            template_name, cost, dtype, sections, title, bibliography, paper):
    from .read.directions import count_once, layers_said
    fmt = form.name
    bidirectional, summary = count_once(bidirectional, summary_for(req, explain=explain, cost=cost or bool(template)))
    from .result.view import View, stated_layers  # (after the work: a refusal never imports what prints a count)
    layers, said = stated_layers(req, summary, layers, 2 if bidirectional else 1)
    v = View(summary, layers, 2 if bidirectional else 1, dict(sizes or {}), cost, dtype)
    table = form.sweep(v, dict(swept)).rstrip("\n") if explained_sweep else ""
    if swept and not explained_sweep:
        text = form.sweep(v, dict(swept), standalone)
    elif not form.explains:
        text = form.count(v)
    else:
        from .output import render as R
        layout = R.Layout(None if sections is None else tuple(sections), title, bibliography is not None,
                          bibliography or "", table, **paper)
        text = R.render(v, fmt, standalone=standalone, template=template, template_name=template_name, layout=layout)
    return text, summary.notes + said


def bibtex(req: Request) -> tuple[str, str]:
    """A built-in cell's BibTeX entry and its key; a UsageError for a cell that has none (cells.bibtex)."""
    return cells.bibtex(req.info if req.info is not None else cells.own(req.text, req.name), req.name)


# ---- compare and match: several cells, sizes solved for -------------------------------------------------
def is_file(arg: str) -> bool:
    """Whether a CELL|FILE argument names a file: `-` (standard input), an existing file, or a name
    with a slash or a dot (`lstm.tex`, `./mine`); anything else is a built-in cell's name (which
    never has a dot)."""
    return arg == "-" or "/" in arg or "\\" in arg or os.sep in arg or "." in arg or os.path.isfile(arg)


def request(arg: str, *, convention: str = "pytorch", bias: bool = True, use_cache: bool = True, read=None) -> Request:
    """The request for a CELL|FILE argument (see `is_file`); `read`: a file's settled readings (--read)."""
    if is_file(arg):
        from .read.source import read_file
        text, name = read_file(arg)
        return Request("derive", name, text, bias=bias, use_cache=use_cache, read=tuple((read or {}).items()))
    return Request.for_cell(arg, convention, bias=bias, use_cache=use_cache)


MEASURES = {"parameters": "parameters", "macs": "MACs", "flops": "FLOPs"}  # what compare and match count


def _measure(measure: str) -> str:
    if measure not in MEASURES:
        raise UsageError(f"unknown measure {measure!r}; choose parameters, macs or flops")
    return MEASURES[measure]


def column(arg: "str | Request", *, layers: int = 1, bidirectional: bool = False, bias: bool = True,
           convention: str = "pytorch", use_cache: bool = True, measure: str = "parameters",
           read=None) -> "tuple[Column, tuple[str, ...]]":
    """A cell's count of the requested stack, as a comparison's column (and its reading notes); with
    `measure` "macs" or "flops", its cost over T steps of a batch of B instead."""
    from .measure import poly as P
    from .measure.compare import Column
    from .result.view import View, stated_layers
    req = arg if isinstance(arg, Request) else request(arg, convention=convention, bias=bias, use_cache=use_cache, read=read)
    label = req.name  # the cell's name, or the file as given (<stdin> for -)
    try:
        summary = summary_for(req)
    except UsageError as exc:  # --read naming nothing one of several files leaves open: which file
        raise UsageError(f"{label}: {exc.message}", hint=exc.hint) from None
    cost = _measure(measure) != "parameters"
    layers, _ = stated_layers(req, summary, layers, 2 if bidirectional else 1)
    v = View(summary, layers, 2 if bidirectional else 1, cost=cost)
    total, tex = v.total, dict(summary.dim_latex)
    if cost:
        c = v.costs()
        total = c.macs if _measure(measure) == "MACs" else c.flops_total
        tex.update({n: n for n in v.dims if n not in tex})
    cell = summary.cell
    col = Column(label, summary.source, tuple(v.dims), P.to_str(total), P.factored_str(total),
                 P.factored_latex(total, tex), total, dict(cell.dims) if cell else {}, tex, tuple(v.sized()))
    return col, tuple(f"{label}: {n}" for n in summary.notes)


def compare(cells: "Iterable[str | Request]", sizes: Mapping[str, object] | None = None, *, layers: int = 1,
            bidirectional: bool = False, bias: bool = True, convention: str = "pytorch",
            use_cache: bool = True, measure: str = "parameters", rename: Mapping[str, str] | None = None,
            read=None) -> "Comparison":
    """The counts of several cells (built-in names or LaTeX files) side by side: a row per combination
    of the swept sizes, a column per cell. `sizes` maps a dimension to a size or a sequence of them
    (a sweep); each applies to every cell that has the dimension. With `measure` "macs" or "flops",
    the cells' cost over T steps of a batch of B is compared instead of their parameters. `rename`
    gives a cell's own size names as the others' ({"m": "h", "n": "d"}, the CLI's --as m=h --as n=d):
    a cell's m becomes h, so that one size binds both and the rows line up (`read`: --read's readings)."""
    from .measure.compare import line_up, renames, tabulate
    if isinstance(cells, (str, Request)):
        cells = [cells]
    columns, notes = [], []
    for arg in cells:
        col, n = column(arg, layers=layers, bidirectional=bidirectional, bias=bias, convention=convention,
                        use_cache=use_cache, measure=measure, read=read)
        columns.append(col)
        notes.extend(n)
    columns = line_up(columns, renames(rename))
    fixed, swept = split_sizes(sizes)
    result = tabulate(columns, fixed, swept, layers=layers, directions=2 if bidirectional else 1, bias=bias,
                      measure=_measure(measure))
    return _with_notes(result, notes)


def _wire_tables() -> None:
    """A notebook shows a Comparison or a Match as a table (measure.compare.TABLES)."""
    from .measure.compare import TABLES
    from .output import tables
    TABLES.setdefault("markdown", lambda r: table(r, "markdown"))
    TABLES.setdefault("html", tables.html)


def _with_notes(result, notes):
    _wire_tables()
    return replace(result, notes=tuple(notes) + tuple(result.notes)) if notes else result


def match(cell: "str | Request", sizes: Mapping[str, object] | None = None, *, budget: object = None,
          to: "str | Request | None" = None, to_sizes: Mapping[str, object] | None = None, layers: int = 1,
          bidirectional: bool = False, bias: bool = True, convention: str = "pytorch",
          use_cache: bool = True, measure: str = "parameters", rename: Mapping[str, str] | None = None, read=None) -> "Match":
    """The size of the one dimension of `cell` that `sizes` leaves free, exactly: against a `budget`
    (an int, or text such as "10M", "1.5e6", "2**20"), or against the count of the cell `to` at its
    sizes. The target takes the sizes in `sizes` that it has; `to_sizes` gives (or overrides) its own.
    A sequence of sizes is a sweep: one row per combination. With `measure` "macs" or "flops", the
    cost over T steps of a batch of B is matched instead of the parameters (bind T and B, or solve
    for one of them). `rename` maps a cell's size names onto the other's, as for `compare`."""
    from .measure.compare import line_up, matching, renames
    from .measure.solve import parse_budget
    if (budget is None) == (to is None):
        raise UsageError("match needs either a budget or a cell to match", hint="give --budget N or --to CELL|FILE")
    stack = dict(layers=layers, bidirectional=bidirectional, bias=bias, convention=convention, use_cache=use_cache,
                 measure=measure, read=read)
    col, notes = column(cell, **stack)
    target, goal = None, None
    if to is not None:
        target, more = column(to, **stack)
        notes += more
    else:
        goal = parse_budget(budget)
    col, *rest = line_up([col] + ([target] if target is not None else []), renames(rename))
    target = rest[0] if rest else None
    fixed, swept = split_sizes(sizes)
    t_fixed, t_swept = split_sizes(to_sizes)
    return matching(col, fixed, swept, budget=goal, target=target, target_fixed=t_fixed, target_swept=t_swept,
                    layers=layers, directions=2 if bidirectional else 1, bias=bias, notes=notes, measure=_measure(measure))


def table(result: "Comparison | Match", fmt: str, *, standalone: bool = False) -> str:
    """A comparison or a match as text, JSON, Markdown, LaTeX (booktabs) or CSV."""
    from .measure.compare import Comparison
    from .output import formats
    what = "comparison" if isinstance(result, Comparison) else "match"
    form = formats.get(fmt, what)
    if standalone and not form.standalone:
        raise UsageError("--standalone applies to LaTeX output", hint="add --format latex")
    return getattr(form, what)(result, standalone)


def listing(fmt: str) -> str:
    """`symcount list`: the built-in cells in a format (text, json, markdown)."""
    from .output import formats
    return formats.get(fmt, "catalog").catalog(catalog())


def plot(result: "Comparison | Match", path: "str | os.PathLike[str] | None" = None, *, log: bool = False):
    """The counts against the swept size as a matplotlib Figure (a notebook shows it), also written
    to `path` (.svg, .png or .pdf, atomically) when given; needs matplotlib
    (`pip install 'symcount[plot]'`)."""
    from .output import plot as _plot
    return _plot.write(result, None if path is None else os.fspath(path), log=log)


def figure(result: "Comparison | Match", path: "str | os.PathLike[str]", *, log: bool = False) -> bytes:
    """The bytes `plot` would write to `path` (its suffix names the format)."""
    from .output import plot as _plot
    return _plot.figure(result, os.fspath(path), log=log)


def catalog() -> list[dict]:
    """Every built-in cell file: name, convention (as the file says: pytorch, keras, paper), option
    (the --convention that selects it), description, reference, framework, cite key,
    dimensions (name -> meaning) and the count per layer and direction (expanded and factored, and
    as LaTeX), from the shipped summaries."""
    from .measure import poly as P
    out = []
    for name in cells.names():
        for convention in cells.conventions(name):
            req = Request.for_cell(name, convention)
            s, info = summary_for(req), req.info
            total, tex = s.cell_poly, dict(s.dim_latex)
            out.append({"name": name, "convention": info.convention, "option": convention, "file": info.filename,
                        "description": info.description, "reference": info.reference, "framework": info.framework,
                        "cite": info.cite, "dims": dict(info.dims), "total": P.to_str(total),
                        "factored": P.factored_str(total), "latex": P.factored_latex(total, tex)})
    return out


def docs(cells_or_files: "Iterable[str]" = (), out_dir: str = "site", sizes: Mapping[str, object] | None = None, *,
         layers: int = 1, bidirectional: bool = False, bias: bool = True, convention: str | None = None,
         cost: bool = False, math: str = "katex", title: str = "Recurrent cells",
         use_cache: bool = True, force: bool = False, read: Mapping[str, str] | None = None) -> tuple[list[str], tuple[str, ...]]:
    """Write a MkDocs documentation set to `out_dir`: mkdocs.yml, docs/index.md (the cells, what
    each is, its count, and their counts side by side at `sizes`), docs/cells/<cell>.md (each
    explanation; a swept size adds the cell's table), docs/references.md. No cells: every built-in
    cell file (every convention). A size applies to the cells that have it; one no cell has is an
    error. A file already in `out_dir` is replaced only if `docs` wrote it (its manifest, .symcount-docs.json,
    says so) or with `force`; an input is never replaced; `read`: --read's. Returns the files written, the notes."""
    from pathlib import Path

    from .version import __version__
    from .measure import poly as P
    from .measure.compare import owned, tabulate
    from .output import formats, site
    from .output.render import Layout, render as render_view
    from .result.view import View, stated_layers
    if math not in site.MATH:
        raise UsageError(f"unknown math renderer {math!r}; choose katex, katex-cdn or mathjax")
    names = [cells_or_files] if isinstance(cells_or_files, str) else list(cells_or_files)
    if names:
        reqs = [request(arg, convention=convention or "pytorch", bias=bias, use_cache=use_cache, read=read) for arg in names]
    else:
        conventions = [convention] if convention else None
        reqs = [Request.for_cell(n, c, bias=bias, use_cache=use_cache) for n in cells.names()
                for c in (conventions or cells.conventions(n)) if c in cells.conventions(n)]
    fixed, swept = split_sizes(sizes)
    directions = 2 if bidirectional else 1
    pages, columns, notes, taken = [], [], [], set()
    for req in reqs:
        summary = summary_for(req, explain=True)
        info = summary.cell
        several = info is not None and len(cells.conventions(info.name)) > 1
        label = (f"{info.name} ({info.convention})" if several else info.name) if info else summary.name
        col, more = column(req, layers=layers, bidirectional=bidirectional, bias=bias, read=read)
        columns.append(replace(col, label=label))
        notes.extend(f"{label}: {n}" for n in summary.notes if req.kind != "cell")  # a built-in's readings are ours
        own_layers, _ = stated_layers(req, summary, layers, directions)
        v = View(summary, own_layers, directions, {}, cost)
        mine = {k: x for k, x in fixed.items() if k in v.dims}
        v = View(summary, own_layers, directions, mine, cost)
        sweep = {k: x for k, x in swept.items() if k in v.dims}
        table = formats.get("markdown").sweep(v, sweep).rstrip("\n") if sweep else ""  # its section "table"
        own = title if len(reqs) == 1 and req.kind == "derive" and title != "Recurrent cells" else None
        text = render_view(v, "markdown", layout=Layout(table=table, title=own, detail=True))
        total, tex = summary.cell_poly, dict(summary.dim_latex)
        pages.append(site.Page(site.slug(label, taken), label, info.description if info else "",
                               P.factored_latex(total, tex), text, info.reference if info else "",
                               info.bibtex if info else "", info.cite if info else "", req.kind == "cell"))
    from .measure.ops import BATCH, SEQUENCE
    costs = {SEQUENCE, BATCH} if cost else set()  # the pages' sizes, not the parameters'
    notes[:0] = owned(columns, [n for n in list(fixed) + list(swept) if n not in costs])
    fixed = {k: x for k, x in fixed.items() if k not in costs}
    swept = {k: x for k, x in swept.items() if k not in costs}
    comparison = tabulate(columns, fixed, swept, layers=layers, directions=directions,
                          bias=bias) if fixed or swept else None
    written = site.write(Path(out_dir), site.files(pages, comparison, title=title, math=math, version=__version__),
                         force=flag(force, "force"), inputs=[n for n in names if is_file(n) and n != "-"])
    return written, tuple(dict.fromkeys(notes))


# ---- torch: a module written from the equations, a module checked against them ---------------------
def derivation(req: Request, sizes: Mapping[str, int] | None = None) -> "Derivation":
    """A request derived afresh (the module and the check need the AST), with sizes bound."""
    info = req.info if req.kind == "cell" else None
    return derive(req.text, name=info.filename if info else req.name, bias=req.bias, sizes=sizes, _cell=info)


def torch_module(d: "Derivation") -> str:
    """The source of a standalone Python module (it imports torch only) with `class Cell`."""
    from .output.torch_code import module_code
    return module_code(d)


def check(d: "Derivation", tensors: Mapping[str, object]):
    """The mapping of tensors (name -> tensor, or name -> shape) onto the equations' parameters."""
    from .output.torch_check import check as _check
    open_ = [n for n in d.shapes.dims if n not in d.bindings]
    if open_:
        raise UsageError(f"the sizes {', '.join(open_)} are open: the check compares shapes at given sizes",
                         hint="give them with --set " + " --set ".join(f"{n}=N" for n in open_))
    shapes = {k: tuple(getattr(v, "shape", v)) for k, v in tensors.items()}
    return _check(d, dict(d.bindings), shapes)
