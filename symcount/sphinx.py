"""A Sphinx extension: symcount's explanations and comparisons in a Sphinx page.

    extensions = ["symcount.sphinx"]          # conf.py; pip install 'symcount[sphinx]'

    .. symcount:: cells/lstm.tex               (a LaTeX file, relative to the page, like literalinclude)
       :set: d_x=512 d_h=256                   (sizes as --set gives them; a sweep adds a table)
       :layers: 2
       :bidirectional:
       :no-bias:
       :read: P_i=diagonal b_r=shared           (readings settled as --read settles them)
       :cost:                                  (T and B bound with :set:; :dtype: float16 ...)
       :sections: equations,parameters,why,total

    .. symcount:: gru                          (an argument with no dot and no slash: a built-in cell)
       :convention: keras

    .. symcount-table:: lstm gru cells/mine.tex
       :set: d=512 h=128:512:128
       :layers: 2
       :cost: flops

The page gets real docutils nodes (rubrics, paragraphs with inline math, display math, nested
bullet lists, tables), built from the summary and View that every output format is written from,
so the numbers are the command line's. Nothing the user wrote becomes markup: prose is text nodes,
math is symcount's re-typeset (and allow-listed) LaTeX. An error in the input (a parse or shape
error in the .tex file, a bad :set:) is an error of the page at the directive's line, with
symcount's message (the file, line and caret), so `sphinx-build -W` fails on it; reading notes
are logged as information. A .tex file is a dependency of the page: editing it rebuilds the page.
"""
from __future__ import annotations

import re
from typing import Callable, Iterable

from docutils import nodes
from docutils.parsers.rst import directives
from sphinx.util import logging
from sphinx.util.docutils import SphinxDirective

from .version import __version__
from .measure import poly as P
from .errors import SymcountError, UsageError, dependency_problem
from .measure.ops import DTYPES
from .output.paper import SECTIONS
from .measure.sizes import parse_sizes
from .output.costs import MathStyle

logger = logging.getLogger(__name__)

RUBRICS = {"equations": "Equations", "parameters": "Parameters", "why": "Why each shape", "subtotals": "Per equation",
           "total": "Total", "table": "Sizes", "cost": "Cost", "reference": "Reference"}
_MATH = re.compile("\x00(.*?)\x01", re.S)  # math inside a cost sentence (see _Parts)


# ---- pieces of nodes --------------------------------------------------------------------------------
def M(tex: str) -> nodes.math:
    """Inline math (already typeset and checked by symcount)."""
    return nodes.math(tex, tex)


def _inline(pieces: Iterable) -> list[nodes.Node]:
    return [nodes.Text(p) if isinstance(p, str) else p for p in pieces]


def para(*pieces) -> nodes.paragraph:
    """A paragraph of text (a str is literal text, never markup) and inline nodes."""
    return nodes.paragraph("", "", *_inline(pieces))


def parts(sentence: list) -> list:
    """An explanation's sentence ([["math", tex] or ["text", words], ...]) as pieces."""
    return [M(s) if kind == "math" else s for kind, s in sentence]


def joined(items: list, sep: str = ", ") -> list:
    out: list = []
    for i, x in enumerate(items):
        out += ([sep] if i else []) + (x if isinstance(x, list) else [x])
    return out


def bullets(items: list) -> nodes.bullet_list:
    """A bullet list; an item is a list of pieces, or (pieces, sub-items) for a nested list."""
    out = nodes.bullet_list(bullet="-")
    for item in items:
        pieces, sub = item if isinstance(item, tuple) else (item, [])
        li = nodes.list_item("", para(*pieces))
        if sub:
            li += bullets(sub)
        out += li
    return out


def table(header: list, rows: list[list], title: list | None = None) -> nodes.table:
    """A table whose cells are lists of pieces (header cells too)."""
    out = nodes.table(classes=["symcount", "colwidths-auto"])
    if title:
        out += nodes.title("", "", *_inline(title))
    group = nodes.tgroup(cols=len(header))
    out += group
    group += [nodes.colspec(colwidth=1) for _ in header]

    def row(cells: list) -> nodes.row:
        return nodes.row("", *[nodes.entry("", para(*(c if isinstance(c, list) else [c]))) for c in cells])
    group += nodes.thead("", row(header))
    group += nodes.tbody("", *[row(r) for r in rows])
    return out


def _number(n: int) -> str:
    return f"{int(n):,}"


# ---- options ------------------------------------------------------------------------------------------
def sections_option(argument: str) -> tuple[str, ...]:
    """:sections: a comma (or space) separated list of SECTIONS, in any order (shown in SECTIONS' order)."""
    names = [x for x in re.split(r"[\s,]+", argument or "") if x]
    unknown = [x for x in names if x not in SECTIONS]
    if not names or unknown:
        what = f"unknown section {unknown[0]!r}" if unknown else "no section given"
        raise ValueError(f"{what}; choose from: {', '.join(SECTIONS)}")
    return tuple(x for x in SECTIONS if x in names)


def cost_option(argument: str | None) -> str:
    """symcount-table's :cost: macs (the default) or flops."""
    return directives.choice(argument, ("macs", "flops")) if argument and argument.strip() else "macs"


def _choice(*values: str) -> Callable[[str], str]:
    return lambda argument: directives.choice(argument, values)


COMMON = {"set": directives.unchanged, "read": directives.unchanged, "heads": directives.unchanged,
          "shared": directives.unchanged, "layers": directives.positive_int, "bidirectional": directives.flag,
          "no-bias": directives.flag, "convention": _choice("pytorch", "keras")}


class _Directive(SphinxDirective):
    """What both directives share: reading cells, sizes, and turning errors into the page's errors."""

    def run(self) -> list[nodes.Node]:
        try:
            return self.build()
        except SymcountError as exc:
            return self.problem(str(exc))
        except Exception as exc:  # noqa: BLE001: a dependency missing, or a fault of symcount's, at the directive
            problem = dependency_problem(exc)
            if problem is not None:
                return self.problem(problem)
            return self.problem(f"internal error: {type(exc).__name__}: {exc}\n"
                                "  this is a bug in symcount; please report it with the input")

    def build(self) -> list[nodes.Node]:  # pragma: no cover
        raise NotImplementedError

    def problem(self, text: str) -> list[nodes.Node]:
        """An error of the page at this directive: Sphinx prints it with the file and line (and
        `-W` fails the build); the page keeps nothing of it unless keep_warnings is set."""
        return [self.state.document.reporter.error(f"symcount: {text}", line=self.lineno)]

    def note(self, notes: Iterable[str]) -> None:
        for n in notes:
            logger.info(f"symcount: note: {n}", location=self.get_location())

    def request(self, arg: str):
        """The api.Request for a cell argument: a file relative to this page, or a built-in cell."""
        from . import api
        from .read.choices import parse as parse_read
        bias = "no-bias" not in self.options
        read = tuple(parse_read((self.options.get("read") or "").split()).items())
        kw = dict(bias=bias, read=read, heads=(self.options.get("heads") or "").strip() or None,
                  shared=tuple((self.options.get("shared") or "").split()))  # :heads: H, :shared: W_o W_r
        if not api.is_file(arg):
            return api.Request.for_cell(arg, self.options.get("convention", "pytorch"), **kw)
        _, path = self.env.relfn2path(arg)
        self.env.note_dependency(path)
        try:
            with open(path, encoding="utf-8") as f:
                text = f.read()
        except OSError as exc:
            raise UsageError(f"cannot read {arg}: {exc.strerror or exc}") from None
        except UnicodeDecodeError:
            raise UsageError(f"cannot read {arg}: it is not UTF-8 text") from None
        return api.Request("derive", arg, text, **kw)

    def sizes(self) -> tuple[dict[str, int], dict[str, list[int]]]:
        """:set: NAME=INT, NAME=START:STOP[:STEP] or NAME=A,B,C, separated by spaces: as --set."""
        from .limits import MAX_PAGE_TABLE
        from .measure.compare import check_table
        try:
            fixed, swept = parse_sizes((self.options.get("set") or "").split())
            check_table(swept, len(self.arguments[0].split()) if self.arguments else 1, MAX_PAGE_TABLE)
        except UsageError as exc:
            raise UsageError(f":set: {exc.message}", hint=exc.hint) from None
        return fixed, swept

    @property
    def directions(self) -> int:
        return 2 if "bidirectional" in self.options else 1


# ---- .. symcount:: ------------------------------------------------------------------------------------
class _Parts(MathStyle):
    """A symcount.output.costs style whose sentences keep their math apart (between \\x00 and \\x01)."""

    OPEN, CLOSE = "\x00", "\x01"

    def __init__(self, formula) -> None:
        self.formula = formula

    def words(self, s: str) -> str:
        return s.replace("\x00", "").replace("\x01", "")

    @staticmethod
    def pieces(text: str) -> list:
        out: list = []
        for i, s in enumerate(_MATH.split(text)):
            if i % 2:
                out.append(M(s))
            elif s:
                out.append(s)
        return out


class Explanation(_Directive):
    """`.. symcount:: FILE|CELL`: the explanation of one cell."""

    required_arguments = 1
    option_spec = {**COMMON, "cost": directives.flag, "sections": sections_option,
                   "dtype": _choice(*DTYPES)}

    def build(self) -> list[nodes.Node]:
        from . import api
        from .output import render as R
        from .result.view import View
        req = self.request(self.arguments[0])
        fixed, swept = self.sizes()
        cost = "cost" in self.options
        summary = api.summary_for(req, explain=True)
        self.note(summary.notes)
        v = View(summary, self.options.get("layers", 1), self.directions, fixed, cost,
                 self.options.get("dtype", "float32"))
        if swept:  # every swept name is checked, whether or not the table is shown
            from .measure.compare import grid
            View(summary, v.layers, v.directions, {**fixed, **grid(swept)[0]}, cost, v.dtype)
        ctx = R.context(v, "markdown")  # its math strings are the same in every format; prose is taken raw
        wanted = self.sections(summary, swept, cost)
        from .output.typeset import Formulas
        formula = Formulas(dict(summary.dim_latex))
        out = nodes.container(classes=["symcount"])
        for name in wanted:
            if name in RUBRICS:
                out += nodes.rubric(RUBRICS[name], RUBRICS[name])
            out += getattr(self, "_" + name)(v, ctx, formula, fixed, swept)
        return [out]

    def sections(self, summary, swept: dict, cost: bool) -> tuple[str, ...]:
        applies = {"description": summary.cell is not None, "reference": summary.cell is not None,
                   "table": bool(swept), "cost": cost}
        given = self.options.get("sections")
        if given is None:
            return tuple(x for x in SECTIONS if applies.get(x, True))
        why = {"description": "a built-in cell's (a file has none)", "reference": "a built-in cell's (a file has none)",
               "table": "for a sweep in :set: (NAME=START:STOP[:STEP] or NAME=A,B,C)", "cost": "there with :cost:"}
        for x in given:
            if not applies.get(x, True):
                raise UsageError(f":sections: {x} does not apply here: it is {why[x]}")
        return given

    # each section: a list of nodes
    def _description(self, v, ctx, formula, fixed, swept) -> list:
        from .output.escape import prose_parts
        return [para(*parts(prose_parts(v.summary.cell.description)))]

    def _equations(self, v, ctx, formula, fixed, swept) -> list:
        tex = " \\\\\n".join(f"{e['lhs']} &= {e['rhs']}" for e in ctx["equations"])
        out: list = [self.display(tex)]
        if ctx["declarations"]:
            out.append(para("Declared: ", *joined([M(x) for x in ctx["declarations"]]), "."))
        signals = [[M(f"{s['name']} \\in \\mathbb{{R}}^{{{s['dim']}}}")] + ([f" ({s['role']})"] if s["role"] else [])
                   for s in ctx["signals"]]
        out.append(para("Signals: ", *joined(signals), "."))
        cell = v.summary.cell
        if cell and cell.dims:
            dims = [[M(formula.dim_tex(n)), f": {meaning}"] for n, meaning in cell.dims]
            out.append(para("Dimensions: ", *joined(dims, "; "), "."))
        return out

    def _parameters(self, v, ctx, formula, fixed, swept) -> list:
        rows = [[M(p["name"]), M(p["shape"]), M(p["count"]),
                 [M(p["equation"])] + ([" (shared)"] if p["shared"] else []) + ([" (bias)"] if p["bias"] else [])]
                for p in ctx["parameters"]]
        out: list = [table(["parameter", "shape", "count", "first used in"], rows)]
        if not ctx["bias"]:
            out.append(para("Biases are left out (:no-bias:)."))
        return out

    def _why(self, v, ctx, formula, fixed, swept) -> list:
        items = []
        for p, ex in zip(ctx["parameters"], v.summary.explanation["parameters"]):
            reasons = ex["reasons"]
            order = ("scalar",) if "scalar" in reasons else ("rows", "cols")
            sub = [parts(reasons[k]) for k in order if reasons.get(k)]
            items.append(([M(p["name"]), " is ", M(p["shape"]), "."], sub))
        return [bullets(items)]

    def _subtotals(self, v, ctx, formula, fixed, swept) -> list:
        rows = []
        for e in ctx["equations"]:
            here: list = joined([M(x) for x in e["parameters"]])
            if e["shared"]:
                here += (["; "] if here else []) + ["shared: "] + joined([M(x) for x in e["shared"]])
            rows.append([M(e["label"]), here or ["none"], M(e["subtotal"])])
        return [table(["equation", "parameters counted here", "subtotal"], rows)]

    def _total(self, v, ctx, formula, fixed, swept) -> list:
        out: list = []
        stack = ctx["stack"]
        if stack:
            out += [para("One layer, one direction:"), self.display(f"N_{{\\text{{cell}}}} = {ctx['cell_total']}"),
                    para(f"Stacked ({v.label}); per direction:"),
                    bullets([[f"layer {k}: ", M(x)] for k, x in enumerate(stack["per_layer"], 1)]),
                    para(f"In total, over {v.layers} layer{'s' if v.layers > 1 else ''} and "
                         f"{v.directions} direction{'s' if v.directions > 1 else ''}:")]
        total = f"N &= {ctx['total']}" + (f" \\\\\n  &= {ctx['factored']}" if ctx["factored"] != ctx["total"] else "")
        out.append(self.display(total))
        at = joined([[M(b["name"]), f" = {_number(b['value'])}"] for b in ctx["bindings"]])
        if ctx["value"] is not None:
            out.append(para(*(["With "] + at + [": "] if at else []), nodes.strong("", _number(ctx["value"])),
                            " parameters."))
        elif ctx["partial"]:
            out.append(para("With ", *at, ": ", M(f"N = {ctx['partial']}"), "."))
        return out

    def _table(self, v, ctx, formula, fixed, swept) -> list:
        from .measure.compare import grid
        from .result.view import View
        header: list = [[M(formula.dim_tex(n))] for n in swept] + ["parameters"]
        if v.cost:
            header += ["MACs", "FLOPs"]
        rows = []
        for point in grid(swept):
            w = View(v.summary, v.layers, v.directions, {**fixed, **point}, v.cost, v.dtype)
            cost = w.costs() if v.cost else None
            polys = [w.total] + ([cost.macs, cost.flops_total] if cost else [])
            rows.append([str(point[n]) for n in swept] + [self.valued(w, q, formula) for q in polys])
        title = ["Parameters, MACs and FLOPs" if v.cost else "Parameters"] + ([" at ", *joined([M(f"{formula.dim_tex(k)} = {x}") for k, x in fixed.items()])]
                                  if fixed else []) + ([f"; {v.label}"] if v.label else [])
        return [table(header, rows, title)]

    def _cost(self, v, ctx, formula, fixed, swept) -> list:
        from .output import costs as C
        c, totals = v.summary.cost, v.costs()
        style = _Parts(formula)
        labels = [e["label"] for e in ctx["equations"]]
        rows, items = [], []
        for label, e, ops in zip(labels, c["equations"], v.summary.explanation["operations"]):
            flops = P.add(*[P.from_json(x) for x in e["flops"].values()])
            rows.append([M(label), M(formula(P.from_json(e["macs"]))), M(formula(flops))])
            if e["operations"]:
                items.append(([M(label), ":"], [style.pieces(C.sentence(o, t, style))
                                                 for o, t in zip(e["operations"], ops)]))

        def valued(name: str, poly, step=None) -> list:
            return [name] + ([M(formula(step))] if step is not None else []) + [M(formula(poly)),
                                                                                  self.valued(v, poly, formula)]
        over = [valued("MACs", totals.macs, totals.macs_step), valued("FLOPs", totals.flops_total, totals.flops_step_total)]
        over += [valued(C.CATEGORY_NAMES[k], totals.flops[k], totals.flops_step[k]) for k in C.CATEGORIES if totals.flops[k]]
        memory = [valued(C.MEMORY_NAMES[k], x) for k, x in totals.memory.items()]
        return [para(C.CONVENTION + "."), para("Per step of one example (layer 1, one direction):"),
                table(["equation", "MACs", "FLOPs"], rows), bullets(items),
                para("Over ", *style.pieces(C.scope(v, style)), ":"),
                table(["", "per step", "over the sequence", "value"], over),
                para(f"Memory in bytes ({totals.dtype}, {DTYPES[totals.dtype]} per entry):"),
                table(["", "bytes", "value"], memory)]

    def _reference(self, v, ctx, formula, fixed, swept) -> list:
        cell = v.summary.cell
        out: list = [para(cell.reference)]
        if cell.bibtex.strip():
            bib = cell.bibtex.strip("\n")
            out.append(nodes.literal_block(bib, bib, language="bibtex"))
        return out

    # helpers
    def display(self, tex: str) -> nodes.math_block:
        """Display math; rows separated by \\\\ are aligned at & (Sphinx wraps them in split)."""
        return nodes.math_block(tex, tex, docname=self.env.docname, number=None, label=None, nowrap=False)

    @staticmethod
    def valued(v, poly, formula) -> list:
        """A polynomial's value at the bound sizes (3,153,920), else what is left of it, as math."""
        value = v.value_of(poly)
        return [_number(value)] if value is not None else [M(formula(P.partial(poly, v.bindings)))]


# ---- .. symcount-table:: ------------------------------------------------------------------------------
class Comparison(_Directive):
    """`.. symcount-table:: CELL|FILE ...`: the counts of several cells side by side (api.compare)."""

    required_arguments = 1
    final_argument_whitespace = True
    option_spec = {**COMMON, "cost": cost_option}

    def build(self) -> list[nodes.Node]:
        from . import api
        reqs = [self.request(arg) for arg in self.arguments[0].split()]
        fixed, swept = self.sizes()
        c = api.compare(reqs, {**fixed, **swept}, layers=self.options.get("layers", 1),
                        bidirectional=self.directions > 1, bias="no-bias" not in self.options,
                        convention=self.options.get("convention", "pytorch"),
                        measure=self.options.get("cost") or "parameters")
        self.note(c.notes)
        return [nodes.container("", self.counts(c), self.formulas(c), classes=["symcount"])]

    @staticmethod
    def dim_tex(name: str, c) -> str:
        from .read.names import dim_latex
        from .output.escape import tex_math
        for col in c.columns:
            if name in col.dim_latex:
                return tex_math(col.dim_latex[name])
        return tex_math(dim_latex(name))

    def counts(self, c) -> nodes.table:
        from .output.typeset import Formulas
        from .measure.stack import stack_label
        header = [[M(self.dim_tex(n, c))] for n in c.swept] + list(c.labels)
        rows = []
        for r in c.rows:
            cells: list = [_number(r.sizes[n]) for n in c.swept]
            for col, count in zip(c.columns, r.counts):
                if isinstance(count, int):
                    cells.append(_number(count))
                else:  # a size this cell has is not given: the formula left, typeset
                    mine = {k: x for k, x in {**c.fixed, **r.sizes}.items() if k in col.dims}
                    cells.append([M(Formulas(col.dim_latex)(P.partial(col.poly, mine)))])
            rows.append(cells)
        what = c.measure[0].upper() + c.measure[1:]
        title: list = [what] + ([" over ", M("T"), " steps of a batch of ", M("B")] if c.measure != "parameters" else [])
        fixed = []
        for k, x in c.fixed.items():
            owners = c.owners(k)
            fixed.append([M(f"{self.dim_tex(k, c)} = {x}")] +
                         ([f" ({', '.join(owners)})"] if len(owners) < len(c.columns) else []))
        title += [" at ", *joined(fixed)] if fixed else []
        stack = ", ".join(x for x in (stack_label(c.layers, c.directions), "" if c.bias else "no bias") if x)
        title += [f"; {stack}"] if stack else []
        return table(header, rows, title)

    @staticmethod
    def formulas(c) -> nodes.bullet_list:
        from .output.typeset import Formulas
        return bullets([[f"{col.label}: ", M(Formulas(col.dim_latex).factored(col.poly))] for col in c.columns])


def setup(app) -> dict:
    app.add_directive("symcount", Explanation)
    app.add_directive("symcount-table", Comparison)
    return {"version": __version__, "parallel_read_safe": True, "parallel_write_safe": True}
