"""A summary -> Markdown or LaTeX, through Jinja templates.

The built-in templates live in the repository's top-level `templates/` folder (shipped in the wheel
as `symcount/templates/`): `explain.md.j2`, `explain.tex.j2` and `standalone.tex.j2`, which wraps a
LaTeX body in a complete document. Every template, ours and a user's (`--template FILE`), renders in
a sandbox bounded in what it may touch, in the sizes of what it makes, in steps, CPU time and output
(symcount.output.sandbox), with StrictUndefined. Markdown templates use Jinja's usual delimiters;
LaTeX templates use `\\VAR{...}` for values, `\\BLOCK{...}` for statements and `\\#{...}` for comments,
so that they do not fight LaTeX's braces.

Nothing the user wrote reaches the output unchecked. The equations are re-typeset from the AST, not
copied from the input. Identifiers (parameter, signal and dimension names) are LaTeX fragments the
grammar accepted; each is checked against a strict allow-list (letters, digits, a little punctuation,
scripts, Greek letters and accents, balanced braces) and anything else is shown escaped inside
`\\text{...}`. Prose (file names, cell descriptions, references) is escaped for the output format.

The template context (every string is ready to insert in the template's format: a *math* string is
LaTeX math for `$...$`, already checked; a *prose* string is escaped text):

    format        str: "markdown" or "latex"
    version       str: symcount's version
    title         prose: the cell's name and convention, or the input file's name without its
                    folder and extension
    heading       prose: the explanation's heading: --title, else "Parameters of " and the title
    source        prose: the input file's name
    cell          None, or a dict for a built-in cell:
                    name, convention, description, reference, framework (prose),
                    bibtex (the BibTeX entry as a block: a fenced code block in Markdown, a verbatim
                    environment in LaTeX; "" when the cell has none),
                    dims (list of {name: math, meaning: prose}),
                    cite (the BibTeX key, present only with --bib)
    signals       list of {name: math (e.g. h_t), dim: math, role: "input", "output" or "",
                    recurrent: bool}
    declarations  list of math, e.g. W \\in \\mathbb{R}^{h \\times d}
    equations     list of {label: math (the left side), lhs: math, rhs: math, line: int,
                    parameters: list of math (counted in this equation),
                    shared: list of math (used here, counted where first used),
                    subtotal: math}
    parameters    list of {name: math, shape: math (e.g. d_{h} \\times d_{x}), rows: math,
                    cols: math, count: math, bias: bool, scalar: bool, shared: bool,
                    equation: math (where first used), equations: list of math,
                    rows_reason: prose with math, cols_reason: prose with math (the conformability
                    argument for each dimension; "" for a scalar), reasons: list of the non-empty ones}
    cell_total    math: one layer, one direction, expanded
    total         math: the whole requested stack, expanded
    factored      math: the same, factored
    stack         None for one layer and one direction, else {layers: int, directions: int,
                    label: prose (e.g. "2 layers, bidirectional"), groups: list of {first: int,
                    last: int, formula: math} (runs of identical layers: layer 1, then layers 2 to N,
                    one direction of each), per_layer: a sequence of math (one direction of each
                    layer; as long as the stack)}
    bias          bool: False when --no-bias dropped the biases
    bindings      list of {name: math, value: int, value_text: str (formatted for the format)}
    value         int or None (None while a dimension is unbound)
    value_text    str: the value with thousands separators, "3,153,920" in Markdown and
                    "3{,}153{,}920" (for math mode) in LaTeX; "" when value is None
    partial       math: the total with the bound dimensions substituted, when some but not all are
                    bound; else ""
    listed        bool: the text writes no equation, and lists the parameters with their shapes
    sections      list of str: the parts to show, in order (--section; default all there are):
                    description, equations, parameters, why, subtotals (per equation), total, table
                    (over the swept sizes), cost, reference
    table         str: the table over the swept sizes, ready to insert (Markdown, or a LaTeX table)
    cite          bool: True with --bib: the reference is \\cite{cell.cite}, not the BibTeX entry
    cost          None without --cost, else a dict:
                    convention: prose (what MACs and FLOPs count), scope: prose with math (what the
                    totals are for: T steps of a batch of B, the stack), dtype: prose, bytes_per_entry: int,
                    equations: list of {label: math, macs: math, flops: math (per step of one
                      example, layer 1, one direction), operations: list of prose with math (one
                      sentence per operation)},
                    totals: list of {name: prose, formula: math (over the sequence), per_step: math,
                      value: int or None, value_text: str, partial: math} for MACs, FLOPs, then
                      FLOPs by category (the categories with something in them),
                    memory: list of the same (per_step ""), in bytes: parameters, state, activations

Filters: `number` (an int with thousands separators, as value_text), `text` (escape prose for the
format), `math` (check a math string, or show it escaped).
"""
from __future__ import annotations

import math
from ..read import patterns as re  # re, with the package's patterns compiled ahead (read.patterns)
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..measure import poly as P
from ..errors import UsageError
from ..limits import MAX_TEMPLATE_SIZE
from ..read.source import Source
from .escape import number, tex_math, with_math
from ..result.summary import CellMeta, Parameter
from ..result.view import View
from .typeset import Formulas
from . import formats
from .markup import markup
from .paper import CITE_KEY, SECTIONS, Layout, brought, families, paper, sections, why  # noqa: F401 (SECTIONS, Layout: re-exported)

STANDALONE = "standalone.tex.j2"
_PACKAGE = Path(__file__).resolve().parent.parent


# ---- the context --------------------------------------------------------------------------------
def _factor(lin_poly: P.Poly, tex: str) -> str:
    """A dimension as a factor of a product: d + h becomes (d + h)."""
    return f"({tex})" if len(lin_poly) > 1 else tex


def _wrap(line: str, width: int) -> list[str]:
    if len(line) <= width:
        return [line]
    import textwrap
    indent = " " * min(len(line) - len(line.lstrip()) + 4, 16)
    return textwrap.wrap(line, width, subsequent_indent=indent, break_long_words=False,
                         break_on_hyphens=False) or [line]


def _bibtex_block(bib: str, fmt: str) -> str:
    if not bib.strip():
        return ""
    lines = [line.rstrip() for line in bib.strip("\n").splitlines()]
    lines = ["".join(ch for ch in line if ch.isprintable() or ch == "\t") for line in lines]
    return EXPLAINED[fmt].bibtex(bib, lines)


def _verbatim(bib: str, lines: list[str]) -> str:
    """LaTeX: long lines wrapped at spaces (BibTeX allows that) to fit a column of a two-column
    page (52 characters of \\footnotesize typewriter type are 218pt; a column is about 240pt)."""
    lines = [part for line in lines for part in _wrap(line, 52)]
    body = "\n".join(line.replace("\\end{verbatim", "\\end {verbatim") for line in lines)
    return "{\\footnotesize\n\\begin{verbatim}\n" + body + "\n\\end{verbatim}\n}"


def _fenced(bib: str, lines: list[str]) -> str:
    """Markdown: a code fence longer than any run of backticks inside."""
    run = max((len(m) for m in re.findall(r"`+", bib)), default=0)
    fence = "`" * max(3, run + 1)
    return f"{fence}bibtex\n" + "\n".join(lines) + f"\n{fence}"


@dataclass(frozen=True)
class Explained:
    """How a format writes an explanation: its built-in template, Jinja's delimiters, a BibTeX block."""

    template: str
    delimiters: dict
    bibtex: Any


LATEX_DELIMITERS = dict(block_start_string=r"\BLOCK{", block_end_string="}", variable_start_string=r"\VAR{",
                        variable_end_string="}", comment_start_string=r"\#{", comment_end_string="}")
EXPLAINED = {"markdown": Explained("explain.md.j2", {}, _fenced),
             "latex": Explained("explain.tex.j2", LATEX_DELIMITERS, _verbatim)}


def sentence(parts: list, fmt: str) -> str:
    """Sentence parts as text: math in $...$, the words escaped for the format."""
    esc = markup(fmt).chars
    return "".join(f"${s}$" if kind == "math" else esc(s) for kind, s in parts)


def _parameter(p: Parameter, ex: dict, fmt: str, formula: Formulas, labels: dict[str, str]) -> dict:
    if p.scalar:
        shape, rows, cols = r"\text{scalar}", "1", "1"
        reasons = {"rows": "", "cols": ""}
        shown = [sentence(ex["reasons"]["scalar"], fmt)]
    else:
        sizes = list(p.sizes)
        rows, cols = formula(sizes[0]), formula(sizes[1])
        shape = r" \times ".join(_factor(x, formula(x)) for x in sizes)
        if p.diagonal:  # W_{ci} d_h x d_h, its diagonal alone learned: said beside the shape, as the text table says it
            shape += r" \text{ (diagonal)}"
        if ex.get("blocks"):  # a block-diagonal weight: H blocks of P x P
            n, b = ex["blocks"]
            shape = rf"{n} \text{{ blocks of }} {b} \times {b}"
        reasons = {w: sentence(ex["reasons"][w], fmt) for w in ("rows", "cols")}
        shown = [reasons["rows"], reasons["cols"]]
    return {"name": ex["tex"], "shape": shape, "rows": rows, "cols": cols, "count": formula(p.poly),
            "bias": p.bias, "scalar": p.scalar, "shared": p.shared,
            "equation": labels.get(p.equation, tex_math(p.equation)),
            "equations": [labels.get(x, tex_math(x)) for x in p.equations],
            "rows_reason": reasons["rows"], "cols_reason": reasons["cols"], "reasons": shown}


def _cell(info: CellMeta | None, fmt: str, formula: Formulas) -> dict | None:
    if info is None:
        return None
    text = markup(fmt).text
    return {"name": text(info.name), "convention": text(info.convention),
            "description": with_math(info.description, text, markup(fmt).chars), "reference": text(info.reference),
            "framework": text(info.framework), "bibtex": _bibtex_block(info.bibtex, fmt),
            "dims": [{"name": formula.dim_tex(n), "meaning": text(m)} for n, m in info.dims]}


class _PerLayer(Sequence):
    """One direction of each layer, as math: the first, then layers - 1 times the deeper one,
    without a list of them (a template that loops over a million layers meets MAX_OUTPUT)."""

    def __init__(self, first: str, deeper: str, layers: int) -> None:
        self.first, self.deeper, self.n = first, deeper, layers

    def __len__(self) -> int:
        return self.n

    def __getitem__(self, i):
        if isinstance(i, slice):
            return [self[k] for k in range(*i.indices(self.n))[:MAX_TEMPLATE_SIZE]]
        i = i + self.n if i < 0 else i
        if not 0 <= i < self.n:
            raise IndexError(i)
        return self.first if i == 0 else self.deeper

    def __iter__(self):
        """Every layer, one by one: refused beyond MAX_TEMPLATE_SIZE layers (`|list` or a loop over
        ten million layers would build them all before any limit on the output applies)."""
        if self.n > MAX_TEMPLATE_SIZE:
            raise UsageError(f"the template goes through all {self.n:,} layers one by one; at most "
                             f"{MAX_TEMPLATE_SIZE:,} are listed", hint="use stack.groups: layer 1, then layers 2 to N")
        return (self.first if i == 0 else self.deeper for i in range(self.n))


def context(v: View, fmt: str, layout: Layout = Layout()) -> dict:
    """The documented template context (see the module docstring), from a summary that has its
    explanation."""
    if fmt not in EXPLAINED:
        raise UsageError(f"unknown format {fmt!r}; choose one of: {', '.join(EXPLAINED)}")
    s, ex = v.summary, v.summary.explanation
    text = markup(fmt).text
    formula = Formulas(dict(s.dim_latex))
    signals = [{"name": e["tex"], "dim": e["dim"],
                "role": "input" if x.name == s.input else "output" if x.name == s.output else "",
                "recurrent": x.recurrent} for x, e in zip(s.signals, ex["signals"])]
    labels = {e.lhs: t["lhs"] for e, t in zip(s.equations, ex["equations"])}
    names = {p.name: e["tex"] for p, e in zip(s.parameters, ex["parameters"])}  # by name
    equations = [{"label": t["lhs"], "lhs": t["lhs"], "rhs": t["rhs"], "line": e.line,
                  "parameters": [names[x] for x in e.parameters], "shared": [names[x] for x in e.shared],
                  "subtotal": formula(e.poly)} for e, t in zip(s.equations, ex["equations"])]
    parameters = [_parameter(p, e, fmt, formula, labels) for p, e in zip(s.parameters, ex["parameters"])]
    cell = _cell(s.cell, fmt, formula)
    cite_key = layout.cite_key
    if layout.cite and not cite_key:
        if cell is None or s.cell is None or not CITE_KEY.fullmatch(s.cell.cite) or not s.cell.bibtex.strip():
            raise UsageError(f"{s.source} has no BibTeX entry to cite", hint="cite your own with --cite KEY")
        cite_key = s.cell.cite
    if cell is not None and cite_key:
        cell["cite"] = cite_key
    title = text(s.name)
    heading = text(layout.title) if layout.title is not None else \
        f"Parameters of {title}"
    ctx_paper = paper(layout, fmt, text(layout.title) if layout.title is not None else title, cite_key, layout.table,
                      text(layout.title) if layout.title is not None else None)
    stack = None
    if v.layers > 1 or v.directions > 1:
        groups = [{"first": a, "last": b, "formula": formula(p)} for a, b, p in v.layer_groups]
        stack = {"layers": v.layers, "directions": v.directions, "label": text(v.label), "groups": groups,
                 "per_layer": _PerLayer(groups[0]["formula"], groups[-1]["formula"], v.layers)}
    total, value = v.total, v.value
    partial = formula(v.partial) if v.bindings and value is None else ""
    from ..version import __version__
    return {
        "format": fmt, "version": __version__, "title": title, "heading": heading, "source": text(s.source), "cell": cell,
        "signals": signals, "declarations": ex["declarations"], "equations": equations, "parameters": parameters,
        "structure": [sentence(x, fmt) for x in ex.get("structure", [])],
        "cell_total": formula(v.cell_poly), "total": formula(total), "factored": formula.factored(total),
        "stack": stack, "bias": s.bias,
        "bindings": [{"name": formula.dim_tex(k), "value": val, "value_text": number(val, fmt)}
                     for k, val in sorted(v.bindings.items()) if k in s.dims],  # T and B are the cost's
        "value": value, "value_text": "" if value is None else number(value, fmt), "partial": partial,
        "cost": _cost(v, fmt, formula, [e["label"] for e in equations]),
        "sections": sections(v, layout), "cite": bool(cite_key), "table": layout.table,
        "families": families(parameters), "why": why(parameters, layout.detail),
        "brought": brought(parameters, equations, ex["declarations"]) if equations else [], "detail": layout.detail,
        "listed": not equations, **ctx_paper,
    }


def _cost(v: View, fmt: str, formula: Formulas, labels: list[str]) -> dict | None:
    if not v.cost:
        return None
    from .costs import context as cost_context
    return cost_context(v, fmt, formula, labels)


# ---- Jinja --------------------------------------------------------------------------------------
def template_dirs() -> list[Path]:
    """Where the built-in templates are looked up: the installed package's `templates/` (the wheel
    puts them there), then the source tree's top-level `templates/` (an editable install)."""
    dirs = [_PACKAGE / "templates"]
    repo = _PACKAGE.parent
    if (repo / "pyproject.toml").is_file() and (repo / "templates").is_dir():
        dirs.append(repo / "templates")
    return dirs


def environment(fmt: str):
    """A sandboxed Jinja environment with the delimiters, filters and loader for `fmt`."""
    import jinja2

    from .sandbox import BoundedSandbox
    options: dict[str, Any] = dict(trim_blocks=True, lstrip_blocks=True, keep_trailing_newline=True,
                                   autoescape=False, undefined=jinja2.StrictUndefined)
    options.update(EXPLAINED[fmt].delimiters)
    loader = jinja2.ChoiceLoader([jinja2.FileSystemLoader(str(p)) for p in template_dirs()])
    env = BoundedSandbox(loader=loader, **options)
    env.filters["number"] = lambda n: number(n, fmt)
    env.filters["text"] = markup(fmt).text
    env.filters["math"] = lambda s: tex_math(str(s))
    return env


def render(v: View, fmt: str, *, standalone: bool = False, template: str | None = None,
           template_name: str = "<template>", layout: Layout = Layout()) -> str:
    """Render a summary (with its explanation) as Markdown or LaTeX with the built-in template, or
    with `template` (the text of a user's Jinja template). `standalone` wraps LaTeX in a complete
    document (with --bib, one that ends with the bibliography)."""
    ctx = context(v, fmt, layout)
    env = environment(fmt)
    if standalone and not formats.get(fmt).standalone:
        raise UsageError("--standalone applies to LaTeX output", hint="add --format latex")
    if template is None:
        out = _builtin(env, EXPLAINED[fmt].template, ctx).strip("\n") + "\n"
    else:
        out = _user(env, template, template_name, ctx)
    if standalone:
        out = _builtin(env, STANDALONE, ctx, body=out.rstrip("\n"), bibliography=layout.bibliography)
    return out if out.endswith("\n") else out + "\n"


def _user(env, template: str, name: str, ctx: dict) -> str:
    """A user's template rendered. Whatever fails while it compiles or renders is the template's
    doing: a sandbox violation or limit (an unsafe attribute, range() beyond MAX_RANGE), a macro
    that calls itself (RecursionError), 1/0, a filter given the wrong type. Each becomes a
    UsageError that names the template and the line; symcount's own code runs outside this."""
    try:
        return env.render(env.from_string(template), ctx)
    except Exception as exc:  # noqa: BLE001 (MemoryError and RecursionError are Exceptions too)
        raise _template_error(exc, name, template) from None


def _builtin(env, name: str, ctx: dict, **extra) -> str:
    """One of symcount's templates rendered. A Jinja error names the template; anything else is a
    bug in symcount (or in its templates) and propagates."""
    import jinja2

    deadline, env.deadline = env.deadline, math.inf  # symcount's own work, linear in the input: steps bound it
    try:
        return env.render(env.get_template(name), ctx, **extra)
    except jinja2.TemplateNotFound as exc:
        raise UsageError(f"symcount's template {exc.name} is missing: looked in "
                         + ", ".join(str(p) for p in template_dirs())) from None
    except jinja2.TemplateError as exc:
        where = getattr(exc, "name", None) or name
        try:
            text = getattr(exc, "source", None) or env.loader.get_source(env, where)[0]
        except jinja2.TemplateNotFound:
            text = None
        raise _template_error(exc, where, text) from None
    finally:
        env.deadline = deadline


def _template_error(exc: Exception, name: str, text: str | None) -> UsageError:
    """`template NAME, line N: what went wrong`, with the template's line N shown under it."""
    import jinja2

    if isinstance(exc, jinja2.TemplateError):
        what = exc.message or str(exc)
    elif isinstance(exc, RecursionError):
        what = "nested too deeply (Python's recursion limit): does a macro call itself without end?"
    elif isinstance(exc, MemoryError):
        what = "out of memory"
    else:  # e.g. OverflowError: Range too big. The sandbox blocks ranges larger than MAX_RANGE
        what = f"{type(exc).__name__}: {exc}" if str(exc) else type(exc).__name__
    line = getattr(exc, "lineno", None) or _template_line(exc)
    shown = text is not None and line is not None and 1 <= line <= text.count("\n") + 1
    return UsageError(f"template {name}{f', line {line}' if line else ''}: {what}",
                      source=Source(text, name) if shown else None, line=line if shown else None)


def _template_line(exc: Exception) -> int | None:
    """The template line of an error raised while rendering: Jinja maps the traceback's frames."""
    line, tb = None, exc.__traceback__
    while tb is not None:
        name = tb.tb_frame.f_code.co_filename
        if name == "<template>" or name.endswith(".j2"):
            line = tb.tb_lineno
        tb = tb.tb_next
    return line


def latex_math(v: View) -> str:
    """The count as one display-math block, for notebooks (_repr_latex_): MathJax renders math only."""
    formula = Formulas(dict(v.summary.dim_latex))
    total, value = v.total, v.value
    lines = [formula(total)]
    if formula.factored(total) != lines[0]:
        lines.append(formula.factored(total))
    if value is not None:
        lines.append(number(value, "latex"))
    elif v.bindings:
        lines.append(formula(v.partial))
    body = r" \\ &= ".join(lines)
    return r"$$\begin{aligned} N &= " + body + r" \end{aligned}$$"
