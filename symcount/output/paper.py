"""An explanation laid out for a paper or a page: its parts (sections), headings and their level,
labels, where its tables go and their captions, the citation, and the brief form's parameter families.
symcount.output.render puts these into the template context."""
from __future__ import annotations

from ..read import patterns as re  # re, with the package's patterns compiled ahead (read.patterns)
from dataclasses import dataclass

from ..errors import UsageError
from ..result.view import View


# the parts of an explanation, in the document's order (symcount.sphinx has the same names)
SECTIONS = ("description", "equations", "parameters", "why", "subtotals", "total", "table", "cost", "reference")
CITE_KEY = re.compile(r"[A-Za-z0-9][A-Za-z0-9:._-]*")


@dataclass(frozen=True)
class Layout:
    """What an explanation shows: its parts (SECTIONS: a cell's description, the equations with the
    signals, the table of parameters, why each shape, the subtotal per equation, the total, the table
    over the swept sizes, the cost, the reference; None for all there are), its title (None: the
    cell's name), whether the reference is a \\cite{key} (its BibTeX entry written to a file, --bib)
    rather than the entry itself, and the table over the swept sizes (written by
    symcount.output.report.sweep, in the same format). For a paper: the heading level (1 = section,
    2 = subsection, 3 = subsubsection, 0 = no headings), numbered or starred headings, a prefix for
    \\label{}s, where the tables go ("inline": not floating; "here", "top": floats), a key to cite
    (--cite) and a brief explanation (equations, parameters by family, the total)."""

    sections: tuple[str, ...] | None = None
    title: str | None = None
    cite: bool = False
    bibliography: str = ""   # with --standalone and --bib: the .bib file's name for \\bibliography{}
    table: str = ""          # the table over the swept sizes, when a size is swept
    level: int = 1
    numbered: bool = False
    label: str = ""
    placement: str = "inline"
    cite_key: str = ""
    brief: bool = False
    detail: bool = False     # every parameter's reasons (default: one bullet per family)

    def __post_init__(self) -> None:
        if self.bibliography and not re.fullmatch(r"[A-Za-z0-9_./-]+", self.bibliography):
            raise UsageError(f"the bibliography file name {self.bibliography!r} cannot be written in LaTeX",
                             hint="name it with letters, digits, '_', '-', '.' and '/' only")
        if self.level not in (0, 1, 2, 3):
            raise UsageError(f"the heading level is 0 (no headings), 1, 2 or 3, not {self.level!r}")
        if self.label and not _LABEL.fullmatch(self.label):
            raise UsageError(f"the label prefix {self.label!r} cannot be written in LaTeX",
                             hint="use letters, digits, ':', '.', '_' and '-', e.g. --label app:pgru")
        if self.cite_key and not CITE_KEY.fullmatch(self.cite_key):
            raise UsageError(f"the BibTeX key {self.cite_key!r} cannot be cited",
                             hint="a key is letters, digits, ':', '.', '_' and '-', e.g. --cite cho2014")
        if self.placement not in PLACEMENTS:
            raise UsageError(f"unknown table placement {self.placement!r}; choose one of: {', '.join(PLACEMENTS)}")


# where an explanation's tables go: not floating (kept under their heading), or a float's options
PLACEMENTS = {"inline": "", "here": "[!htbp]", "top": "[!tbp]"}
_LABEL = re.compile(r"[A-Za-z][A-Za-z0-9:._-]*")
_HEADINGS = {"latex": ("\\section", "\\subsection", "\\subsubsection", "\\paragraph"),
             "markdown": ("#", "##", "###", "####")}


def paper(layout: Layout, fmt: str, caption: str, cite_key: str, sweep: str, titled: str | None = None) -> dict:
    """The context's parts for a paper: headings, labels, floats, captions and the citation."""
    heads = () if layout.level == 0 else _HEADINGS[fmt][layout.level - 1:layout.level + 1]
    star = "" if layout.numbered or fmt != "latex" else "*"
    label = (lambda what: f"\\label{{{layout.label}:{what}}}") if layout.label and fmt == "latex" else (lambda what: "")
    placement = PLACEMENTS[layout.placement]

    def caption_of(text: str, what: str) -> str:
        if fmt != "latex":
            return text
        if placement:
            return f"\\caption{{{text}}}{label(what)}\n\\medskip"
        return f"\\refstepcounter{{table}}{label(what)}\\tablename~\\thetable: {text}\\par\\medskip"
    return {"headings": [h + star for h in heads], "label_prefix": layout.label if fmt == "latex" else "",
            "placement": layout.placement, "float_begin": f"\\begin{{table}}{placement}\n\\centering"
            if placement else "\\begin{center}", "float_end": "\\end{table}" if placement else "\\end{center}",
            "captions": {"parameters": caption_of(f"Parameters of {caption}.", "parameters"),
                         "table": caption_of(_sweep_caption(sweep, titled), "sweep")},
            "cite_key": cite_key, "brief": layout.brief, "sweep_rows": _tabular(sweep) if fmt == "latex" else ""}


def _sweep_caption(table: str, caption: str | None) -> str:
    """The sweep's caption with the explanation's title for the cell's name: "Parameters of TITLE, at
    d = 256: N = ...". """
    m = re.search(r"\\caption\{(?:Parameters(?: and cost)?) of (.*?)(, .*|: .*)\}$", table, re.M)
    if m is None:  # Markdown: the caption is the line before the table
        return table.split("\n\n", 1)[0] if table else ""
    return f"{caption}{m.group(2)}" if caption is not None else m.group(0)[len("\\caption{"):-1]


def _tabular(table: str) -> str:
    """The tabular of a LaTeX table (written by symcount.output.layout.latex_table)."""
    if "\\begin{tabular}" not in table:
        return table
    start = table.index("\\begin{tabular}")
    end = table.index("\\end{tabular}") + len("\\end{tabular}")
    return table[start:end]


def families(parameters: list[dict]) -> list[dict]:
    """The parameters grouped by family: those of one shape and kind (weight, bias, shared), in the
    order of their first member: {names: list of math, shape, count (of each), n, bias}."""
    groups: dict[tuple, dict] = {}
    for p in parameters:
        key = (p["shape"], p["count"], p["bias"], p["shared"], p["scalar"])
        g = groups.setdefault(key, {"names": [], "shape": p["shape"], "count": p["count"], "n": 0,
                                    "bias": p["bias"], "shared": p["shared"]})
        g["names"].append(p["name"])
        g["n"] += 1
    return list(groups.values())


def sections(v: View, layout: Layout) -> list[str]:
    """The parts to show, checked: known names; "cost" only with the cost, "table" only with a
    swept size, "description" and "reference" only for a built-in cell."""
    cell = v.summary.cell
    there = {"cost": v.cost, "table": bool(layout.table), "description": bool(cell and cell.description),
             "reference": bool(cell and cell.reference) or bool(layout.cite_key),
             "equations": bool(v.summary.equations), "subtotals": bool(v.summary.equations),  # none: a listing
             "why": bool(v.summary.equations)}
    if layout.brief and layout.sections is None:
        return [x for x in ("equations", "parameters", "total", "table") if there.get(x, True)]
    if layout.sections is None and not layout.detail:  # the subtotal per equation is a detail
        return [x for x in SECTIONS if there.get(x, True) and x != "subtotals"]
    if layout.sections is None:
        return [x for x in SECTIONS if there.get(x, True)]
    for x in layout.sections:
        if x not in SECTIONS:
            raise UsageError(f"unknown section {x!r}; choose from: {', '.join(SECTIONS)}",
                             hint="for example --section equations,parameters,total")
        if x == "cost" and not v.cost:
            raise UsageError("the section cost needs the cost", hint="add --cost")
        if x == "table" and not layout.table:
            raise UsageError("the section table is the table over the swept sizes: no size is swept",
                             hint="sweep a size, e.g. --set h=128:512:128")
        if x in ("equations", "subtotals", "why") and not there[x]:
            raise UsageError(f"the section {x} needs equations: the text lists the cell's parameters and writes none",
                             hint="leave the section out")
        if x in ("description", "reference") and not there[x]:
            raise UsageError(f"the section {x} is a cell's own: this cell has no {x}",
                             hint="a file names them in its leading comments: % description: ... and "
                                  "% reference: ... (see the README's input language)")
    if not layout.sections:
        raise UsageError("--section needs at least one section", hint=f"choose from: {', '.join(SECTIONS)}")
    return [x for x in SECTIONS if x in layout.sections]  # in the document's order




def why(parameters: list[dict], detail: bool) -> list[dict]:
    """The "why each shape" bullets: with `detail`, one per parameter; else one per family (one
    shape and kind), with its first member's reasons, the others named with their equations:
    {names: list of math, shape, reasons: list of prose, first: math, others: list of
    {name, equation}}."""
    out: list[dict] = []
    by_key: dict[tuple, dict] = {}
    for p in parameters:
        shape = re.sub(r"\$[^$]*\$", "$$", " ".join(p["reasons"]))  # the reasons' words, their math left out
        shape = re.sub(r"\$\$(?:, \$\$)*(?:,? and \$\$)", "$$", shape)  # and how many terms a list has
        key = (p["shape"], p["bias"], p["shared"], p["scalar"], p["name"]) if detail else \
            (p["shape"], p["bias"], p["shared"], p["scalar"], shape)
        if key in by_key:
            g = by_key[key]
            g["names"].append(p["name"])
            g["others"].append({"name": p["name"], "equation": p["equation"]})
            continue
        g = {"names": [p["name"]], "shape": p["shape"], "reasons": p["reasons"], "first": p["name"], "others": []}
        by_key[key] = g
        out.append(g)
    return out


def brought(parameters: list[dict], equations: list[dict], declarations: list[str]) -> list[dict]:
    """The parameters a function brings (LayerNorm's gain and bias, a Linear's weight and bias):
    those the equations and the declarations never write. {name, kind: "gain", "bias" or
    "weight", equation}."""
    written = " ".join([e["rhs"] for e in equations] + [e["lhs"] for e in equations] + declarations)
    words = set(re.split(r"[\s()\[\]+=]+", written))  # a name that is a whole word is written: no search
    return [{"name": p["name"], "equation": p["equation"],
             "kind": "bias" if p["bias"] else "gain" if p["name"].startswith("\\gamma") else "weight"}
            for p in parameters if p["name"] not in words and p["name"] not in written]
