"""The command line: a thin shell over the API. Bad input exits 2 with a message, never a traceback;
an internal fault exits 1."""
from __future__ import annotations

import gc
import os
from .read import patterns as re  # re, with the package's patterns compiled ahead (read.patterns)
import sys
from .errors import TYPE_CHECKING, SymcountError, UsageError, dependency_problem
from .limits import MAX_LAYERS, MAX_SWEEP
from .measure.ops import DTYPES
from .output import formats
from .output.terminal import emit, quiet_stdout, say
from .measure.sizes import clip, parse_sizes
from .read.choices import parse as parse_read  # (on every path already: the request carries the readings)
if TYPE_CHECKING:
    import argparse
_WHOLE = re.compile(r"\s*[+-]?[0-9]+\s*")  # compiled at import: the shipped table has it (read.patterns)


def _notes(notes) -> None:
    say("".join(f"symcount: note: {note}\n" for note in notes))


def _read(path: str) -> tuple[str, str]:
    from .read.source import read_file
    return read_file(path)


def _layers(text: str) -> int:
    """--layers N: a whole number (its range is the API's to check, with the API's message)."""
    import argparse
    if not _WHOLE.fullmatch(text):
        raise argparse.ArgumentTypeError(f"invalid int value: {clip(text)!r}")
    if len(text.strip().lstrip("+-").lstrip("0")) > 30:
        raise argparse.ArgumentTypeError(f"the number of layers must be at most {MAX_LAYERS:,}")
    return int(text)


def _set_for(self, parser, namespace, values, option_string=None) -> None:
    """match's --set: before --to, the sizes of the cell solved for (and the target's, where it has them);
    after --to, the target's own (an argparse.Action's __call__: argparse is imported only off the fast path)."""
    dest = "to_set" if getattr(namespace, "to", None) is not None else "set"
    setattr(namespace, dest, list(getattr(namespace, dest) or []) + [values])


def _add_table_options(p: argparse.ArgumentParser, set_action: object = "append") -> None:
    p.add_argument("--set", action=set_action, default=[], metavar="NAME=INT",
                   help="a size (NAME=INT), or a sweep (NAME=START:STOP[:STEP] or NAME=A,B,C); repeatable")
    p.add_argument("--layers", type=_layers, default=1, metavar="N", help="stacked layers (default 1)")
    p.add_argument("--bidirectional", action="store_true", help="two directions, each with its own parameters")
    p.add_argument("--no-bias", action="store_true", help="drop every bias (an additive vector used nowhere else)")
    p.add_argument("--read", action="append", default=[], metavar="NAME=READING", help=READ_HELP)
    p.add_argument("--convention", choices=["pytorch", "keras"], default="pytorch",
                   help="the framework whose bias layout built-in cells use (default pytorch)")
    p.add_argument("--format", choices=formats.names("comparison"), default="text",
                   help="output format: text (default), json, markdown, latex (booktabs) or csv")
    p.add_argument("--standalone", action="store_true", help="with --format latex: a complete document")
    p.add_argument("--output", metavar="FILE", help="write to FILE instead of standard output")
    p.add_argument("--plot", metavar="FILE", help="also draw the counts against the swept size (.svg or .png; "
                   "needs matplotlib: pip install 'symcount[plot]')")
    p.add_argument("--log", action="store_true", help="with --plot: a logarithmic count axis")
    p.add_argument("--cost", nargs="?", const="macs", choices=["macs", "flops"], default=None,
                   help="count the cost over T steps of a batch of B instead of the parameters: macs (the "
                        "default) or flops; give T and B with --set")
    p.add_argument("--as", dest="rename", action="append", default=[], metavar="NAME=BUILTIN",
                   help="give a cell's own size name as the other cells' (--as m=h: its m is their h, so that one "
                        "--set h binds both and the rows line up); repeatable")
    p.add_argument("--no-cache", action="store_true", help="derive files afresh (neither read nor write the cache)")


SET_HELP = ("bind a dimension to a size, NAME=INT (d_h=256), or sweep it: NAME=START:STOP[:STEP] (h=128:1024:128, "
            "STOP included) or NAME=A,B,C (h=64,128,256) for a table over every combination; repeatable")
READ_HELP = ("settle a reading the text leaves open, without editing it: NAME=READING, where NAME is a symbol "
             "as the text writes it (P_i, h_prev, b_r, g) or an operator (*, \\cdot, .) and READING one of "
             "diagonal|full, state|parameter, shared|separate, function|matrix, elementwise|matrix|convolution; "
             "repeatable, or comma-separated (a refusal names the option to add)")
HEADS_HELP = ("the equations are one head's: an H-head layer of them, NAME the head count's size (--heads H "
              "--set H=8); every parameter is the head's own but those --shared names (as `%% symcount: heads H`)")


def _add_output_options(p: argparse.ArgumentParser) -> None:
    p.add_argument("--set", action="append", default=[], metavar="NAME=INT", help=SET_HELP)
    p.add_argument("--read", action="append", default=[], metavar="NAME=READING", help=READ_HELP)
    p.add_argument("--heads", metavar="NAME", help=HEADS_HELP)
    p.add_argument("--shared", action="append", default=[], metavar="NAME",
                   help="with heads: a parameter (or a signal computed once) one for all heads; repeatable")
    p.add_argument("--layers", type=_layers, default=1, metavar="N", help="stacked layers (default 1)")
    p.add_argument("--bidirectional", action="store_true", help="two directions, each with its own parameters")
    p.add_argument("--no-bias", action="store_true", help="drop every bias (an additive vector used nowhere else)")
    p.add_argument("--cost", action="store_true",
                   help="add the cost: MACs, FLOPs and memory per step and over T steps of a batch of B "
                        "(bind them with --set T=100 --set B=1)")
    p.add_argument("--dtype", choices=list(DTYPES), default=None,
                   help="with --cost: the bytes per entry of the memory (default float32)")
    p.add_argument("--format", choices=formats.names("count"), default=None,
                   help="output format: text (default), json, markdown or latex")
    p.add_argument("--standalone", action="store_true",
                   help="with --format latex: a complete document (needs only amsmath and amssymb)")
    p.add_argument("--template", metavar="FILE",
                   help="render your own Jinja template, sandboxed (Markdown, or LaTeX for a .tex template)")
    p.add_argument("--section", action="append", default=None, metavar="NAMES",
                   help="with markdown or latex: the parts to show, comma-separated (repeatable): description, "
                        "equations, parameters, why, subtotals, total, table (over a swept size), cost, reference "
                        "(default: all there are)")
    p.add_argument("--title", metavar="TEXT", help="with markdown or latex: the heading (default: the cell's name)")
    p.add_argument("--bib", metavar="FILE",
                   help="with --format latex: cite the cell's reference with \\cite{key} and add its BibTeX entry "
                        "to FILE (created if missing; an entry already there is kept)")
    p.add_argument("--cite", metavar="KEY", help="with --format latex: cite the reference as \\cite{KEY} (your own "
                   "BibTeX entry; with --bib, the key the cell's entry is written under)")
    paper = p.add_argument_group("paper layout (markdown or latex)")
    paper.add_argument("--brief", action="store_true", help="only the equations, the parameters by family and the total")
    paper.add_argument("--detail", action="store_true", help="every parameter, its reasons, the subtotals, the BibTeX entry")
    paper.add_argument("--heading-level", type=int, choices=range(4), default=1, metavar="N",
                       help="1: \\section (default), 2: \\subsection, 3: \\subsubsection, 0: no headings")
    paper.add_argument("--numbered", action="store_true", help="numbered headings (default: starred, \\section*)")
    paper.add_argument("--label", metavar="PREFIX", help="\\label{PREFIX:...} on the tables and equations (numbered)")
    paper.add_argument("--placement", choices=["inline", "here", "top"], default="inline",
                       help="where tables go: inline (default: not floating, under their heading), here or top (floats)")
    p.add_argument("--output", metavar="FILE", help="write to FILE instead of standard output")
    p.add_argument("--no-cache", action="store_true", help="derive afresh: neither read nor write the cache")


def build_parser(command: str | None = None) -> argparse.ArgumentParser:
    """The command line's parser. Given the command the arguments start with, only its options are
    added: every command is still named, with its help, for the list of commands and its errors."""
    import argparse
    ap = argparse.ArgumentParser(prog="symcount", description="Exact parameter counts of recurrent cells written in LaTeX.")
    ap.add_argument("--version", action="version", version=_version())
    sub = ap.add_subparsers(dest="command", required=True, metavar="COMMAND")
    ap.commands = sub.choices  # type: ignore[attr-defined]
    for name, (kwargs, add) in _COMMANDS.items():
        p = sub.add_parser(name, **kwargs)
        if command is None or command == name:
            add(p)
    return ap


def _derive_args(p: argparse.ArgumentParser) -> None:
    p.add_argument("file", metavar="FILE", help="a LaTeX file, or - for standard input")
    _add_output_options(p)


def _cell_args(p: argparse.ArgumentParser) -> None:
    p.add_argument("name", metavar="NAME", help="a built-in cell: symcount list shows them")
    p.add_argument("--convention", choices=["pytorch", "keras"], default="pytorch",
                   help="the framework whose bias layout to use (default pytorch)")
    _add_output_options(p)


def _compare_args(p: argparse.ArgumentParser) -> None:
    p.add_argument("cells", nargs="+", metavar="CELL|FILE", help="built-in cells and LaTeX files to compare")
    _add_table_options(p)


def _match_args(p: argparse.ArgumentParser) -> None:
    p.add_argument("cell", metavar="CELL|FILE", help="the cell whose free size to solve for")
    goal = p.add_mutually_exclusive_group(required=True)
    goal.add_argument("--budget", metavar="N", help="a number of parameters: 788480, 10M, 1.5e6, 2**20")
    goal.add_argument("--to", metavar="CELL|FILE", help="the cell whose count to match (give its sizes after it)")
    import argparse
    _add_table_options(p, type("_SetFor", (argparse.Action,), {"__call__": _set_for}))
    p.set_defaults(to_set=[])


def _docs_args(p: argparse.ArgumentParser) -> None:
    p.add_argument("cells", nargs="*", metavar="CELL|FILE", help="the cells to document (default: every built-in)")
    p.add_argument("--output", required=True, metavar="DIR", help="the folder to write mkdocs.yml and docs/ to")
    p.add_argument("--set", action="append", default=[], metavar="NAME=INT", help=SET_HELP + ". Each size "
                   "applies to the cells that have it; the index compares the cells at these sizes")
    p.add_argument("--layers", type=_layers, default=1, metavar="N", help="stacked layers (default 1)")
    p.add_argument("--bidirectional", action="store_true", help="two directions, each with its own parameters")
    p.add_argument("--no-bias", action="store_true", help="drop every bias")
    p.add_argument("--read", action="append", default=[], metavar="NAME=READING", help=READ_HELP)
    p.add_argument("--convention", choices=["pytorch", "keras"], default=None,
                   help="the bias layout of the built-in cells (default: every built-in cell's every convention)")
    p.add_argument("--cost", action="store_true", help="add the cost to each page (T and B are bound with --set)")
    p.add_argument("--math", choices=["katex", "katex-cdn", "mathjax"], default="katex", help="katex (default: "
                   "KaTeX's files copied into the site, which works offline), katex-cdn or mathjax (from a CDN)")
    p.add_argument("--title", default="Recurrent cells", metavar="TEXT", help="the site's name")
    p.add_argument("--no-cache", action="store_true", help="derive files afresh")
    p.add_argument("--force", action="store_true",
                   help="replace files in the folder that symcount did not write (never an input)")


def _list_args(p: argparse.ArgumentParser) -> None:
    p.add_argument("--format", choices=formats.names("catalog"), default="text",
                   help="text (default), json (every field, with each count) or a markdown table")


def _show_args(p: argparse.ArgumentParser) -> None:
    p.add_argument("name", metavar="NAME", help="a built-in cell: symcount list shows them")
    p.add_argument("--convention", choices=["pytorch", "keras"], default="pytorch", help="whose file (default pytorch)")


def _torch_args(p: argparse.ArgumentParser) -> None:
    p.add_argument("cell", metavar="FILE|CELL", help="a LaTeX file or a built-in cell")
    p.add_argument("--set", action="append", default=[], metavar="NAME=INT", help="fix a size in the module")
    p.add_argument("--no-bias", action="store_true", help="drop every bias")
    p.add_argument("--convention", choices=["pytorch", "keras"], default="pytorch", help="the bias layout (default pytorch)")
    p.add_argument("--output", metavar="FILE", help="write to FILE (cell.py) instead of standard output")


def _check_args(p: argparse.ArgumentParser) -> None:
    p.add_argument("cell", metavar="FILE|CELL", help="a LaTeX file or a built-in cell")
    p.add_argument("--set", action="append", default=[], metavar="NAME=INT", help="a size of the cell; repeatable")
    p.add_argument("--no-bias", action="store_true", help="drop every bias")
    p.add_argument("--convention", choices=["pytorch", "keras"], default="pytorch", help="the bias layout (default pytorch)")
    what = p.add_mutually_exclusive_group(required=True)
    what.add_argument("--state-dict", metavar="PATH", help="a torch.save'd state_dict, or a .safetensors file")
    what.add_argument("--module", metavar="PKG.MOD:CLASS", help="build this module class and check its state_dict")
    p.add_argument("--args", metavar="JSON", help="with --module: the arguments, a JSON list or object")
    p.add_argument("--format", choices=["text", "json"], default="text", help="text (default) or json")


_COMMANDS = {
    "derive": (dict(help="derive the parameter count of the cell in a LaTeX file"), _derive_args),
    "cell": (dict(help="derive a built-in cell"), _cell_args),
    "compare": (dict(help="the counts of several cells side by side, over sizes and sweeps",
                     description="CELL|FILE: a file is -, an existing file, or a name with a dot or a slash "
                                 "(lstm.tex); anything else is a built-in cell."), _compare_args),
    "match": (dict(help="solve for the one free size: a budget of parameters, or another cell's count",
                   description="Sizes given with --set before --to are the matched cell's (and the target's, "
                               "where it has them); after --to, the target's own."), _match_args),
    "docs": (dict(help="write a documentation site (MkDocs): an index, a page per cell, references",
                  description="CELL|FILE: as for compare; none: every built-in cell. Then build it with "
                              "`mkdocs build --strict` in the output folder (pip install 'symcount[docs]')."),
             _docs_args),
    "list": (dict(help="list the built-in cells"), _list_args),
    "torch": (dict(help="write the cell as a torch module (a standalone Python file)"), _torch_args),
    "check": (dict(help="check a module's tensors against the cell's equations (exit 3 when they differ)"), _check_args),
    "show": (dict(help="print a built-in cell's LaTeX source"), _show_args),
}


def _torch_command(args: argparse.Namespace, out) -> int:
    """symcount torch and check: the API derives, writes and maps; this prints. Both need torch (symcount[torch])."""
    from . import api
    import torch  # noqa: F401 (an ImportError is named with its pip command: exit 2)
    fixed, swept = parse_sizes(args.set)
    if swept:
        raise UsageError(f"{args.command} takes one size per name, not a sweep")
    req = api.request(args.cell, convention=args.convention, bias=not args.no_bias, use_cache=False)
    if args.command == "torch":
        if args.output is not None:
            _check_targets(args, [args.cell] if api.is_file(args.cell) else [])
        return _write(args, api.torch_module(api.derivation(req, fixed)), out)
    if args.args is not None and args.module is None:
        raise UsageError("--args applies to --module")
    d = api.derivation(req, fixed)
    from .output import torch_load
    from .output.torch_check import as_json, as_text
    if args.state_dict is not None:
        tensors, what = torch_load.read_state_dict(args.state_dict), args.state_dict
    else:
        tensors, what = torch_load.build_state_dict(args.module, args.args), args.module
    result = api.check(d, tensors)
    if args.format == "json":
        import json
        emit(json.dumps(as_json(result), indent=2) + "\n", out)
    else:
        emit(as_text(result, what), out)
    return 0 if result.agree else 3


def _version() -> str:
    from .version import __version__
    return f"symcount {__version__}"


def run(args: argparse.Namespace, out, ending: bool = False) -> int:
    from . import api, cells
    api.KEPT = [] if ending else None  # ending: the process ends right after, freeing nothing (symcount.__main__)
    if args.command == "list":
        emit(api.listing(args.format), out)
        return 0
    if args.command == "show":
        emit(cells.load(args.name, args.convention).text, out)
        return 0
    if args.command in ("torch", "check"):
        return _torch_command(args, out)
    if args.command in ("compare", "match"):
        return _table_command(args, out)
    if args.command == "docs":
        written, notes = api.docs(args.cells, args.output, _sizes(args.set), layers=args.layers,
                                  bidirectional=args.bidirectional, bias=not args.no_bias, convention=args.convention,
                                  cost=args.cost, math=args.math, title=args.title, use_cache=not args.no_cache,
                                  force=args.force, read=parse_read(args.read))
        _notes(notes)
        emit(f"wrote {len(written)} files to {args.output}: build the site with `cd {args.output} && mkdocs build --strict`\n", out)
        return 0
    fixed, swept = parse_sizes(args.set)
    options = dict(bias=not args.no_bias, use_cache=not args.no_cache, read=tuple(parse_read(args.read).items()),
                   heads=args.heads, shared=tuple(args.shared))
    if args.command == "derive":
        source, name = _read(args.file)
        req = api.Request("derive", name, source, **options)
    else:
        req = api.Request.for_cell(args.name, args.convention, **options)
    fmt = _format(args)
    template = _read(args.template)[0] if args.template is not None else None
    if args.dtype is not None and not args.cost:
        raise UsageError("--dtype applies to the cost", hint="add --cost")
    sections = None if args.section is None else [x.strip() for s in args.section for x in s.split(",") if x.strip()]
    bib = None
    if args.bib is not None:
        if not args.bib.endswith(".bib"):
            raise UsageError(f"--bib names a BibTeX file ending in .bib, not {clip(args.bib)!r}")
        base = os.path.dirname(os.path.abspath(args.output)) if args.output else os.getcwd()
        bib = os.path.relpath(os.path.abspath(args.bib), base)[:-len(".bib")].replace(os.sep, "/")
    _check_targets(args, [args.file] if args.command == "derive" else [], args.template)  # before the work
    text, notes = api.report(req, fmt, layers=args.layers, bidirectional=args.bidirectional,
                             sizes=fixed, swept=swept, standalone=args.standalone,
                             template=template, template_name=args.template or "",
                             cost=args.cost, dtype=args.dtype or "float32", sections=sections,
                             title=args.title, bibliography=bib, paper=_paper(args))
    entry = None
    if args.bib is not None:
        from .output.bib import renamed
        entry = api.bibtex(req)
        entry = (renamed(entry[0], args.cite), args.cite) if args.cite else entry
    _notes(notes if args.command != "cell" else ())  # a built-in cell's readings are ours, not the user's
    _write(args, text, out)
    if entry is not None:  # only once the output is written: a run that fails adds nothing
        from .output.bib import merge_file
        merge_file(args.bib, *entry)
    return 0


def _check_targets(args: argparse.Namespace, inputs: list[str], template: str | None = None) -> None:
    """Every output of the run is checked before the work (see output.files.check)."""
    named = [name for name in ("output", "bib", "plot") if getattr(args, name, None)]
    if named:  # (a run that only prints imports no output.files)
        from .output.files import Target, check
        check([Target(getattr(args, n), f"--{n}") for n in named], inputs + ([template] if template else []), stdin="-" in inputs)


def _paper(args: argparse.Namespace) -> dict:
    """The paper's layout options that differ from their defaults (none: no paper layout asked)."""
    given = {"level": args.heading_level, "numbered": args.numbered, "label": args.label, "placement": args.placement,
             "cite_key": args.cite, "brief": args.brief, "detail": args.detail}
    return {k: x for k, x in given.items() if x is not None and x is not False and x != {"level": 1, "placement": "inline"}.get(k)}


def _write(args: argparse.Namespace, text: str, out) -> int:
    if args.output is None:
        emit(text, out)
    else:
        from .output.files import write_text
        write_text(args.output, text)
    return 0


def _table_command(args: argparse.Namespace, out) -> int:
    """compare and match: the API computes, the table is printed, the plot drawn."""
    from . import api
    if args.log and not args.plot:
        raise UsageError("--log applies to --plot", hint="add --plot FILE.svg")
    if args.standalone and args.format != "latex":
        raise UsageError("--standalone applies to LaTeX output", hint="add --format latex")
    options = dict(layers=args.layers, bidirectional=args.bidirectional, bias=not args.no_bias,
                   convention=args.convention, use_cache=not args.no_cache,
                   measure=args.cost or "parameters", rename=args.rename, read=parse_read(args.read))
    named = args.cells if args.command == "compare" else [args.cell] + ([args.to] if args.to else [])
    _check_targets(args, [arg for arg in named if api.is_file(arg)])
    if args.command == "compare":
        if sum(arg == "-" for arg in args.cells) > 1:
            raise UsageError("standard input (-) can be read once")
        result = api.compare(args.cells, _sizes(args.set), **options)
    else:
        sizes, to_sizes = _sizes(args.set), _sizes(args.to_set)
        rows = 1
        for values in list(sizes.values()) + list(to_sizes.values()):
            rows *= len(values) if isinstance(values, list) else 1
        if rows > MAX_SWEEP:
            raise UsageError(f"the sweep has {rows} rows; at most {MAX_SWEEP} are printed", hint="use larger steps")
        result = api.match(args.cell, sizes, budget=args.budget, to=args.to, to_sizes=to_sizes, **options)
    text = api.table(result, args.format, standalone=args.standalone)
    figure = api.figure(result, args.plot, log=args.log) if args.plot else None
    _notes(result.notes)
    _write(args, text, out)
    if figure is not None:
        from .output.files import write_bytes
        write_bytes(args.plot, figure)
    return 0


def _sizes(items: list[str]) -> dict[str, object]:
    fixed, swept = parse_sizes(items)
    return {**fixed, **swept}


def _format(args: argparse.Namespace) -> str:
    """The output format: --format, else what --template's file name says, else text."""
    if args.template is None:
        return args.format or "text"
    if args.format in ("text", "json"):
        raise UsageError(f"--template renders Markdown or LaTeX, not {args.format}",
                         hint="use --format markdown or --format latex")
    from pathlib import Path
    return args.format or ("latex" if ".tex" in Path(args.template).suffixes else "markdown")


def _without_regex() -> bool:
    """Keeps lark from importing the third-party `regex` (15 ms and more) while main runs: lark uses it only
    for Unicode categories (\\p{...}) or Lark(regex=True), and symcount's grammar has neither."""
    if "lark" in sys.modules or "regex" in sys.modules:
        return False
    sys.modules["regex"] = None  # type: ignore[assignment]
    return True


def main(argv: list[str] | None = None, *, ending: bool = False) -> int:
    argv, blocked, collecting = sys.argv[1:] if argv is None else list(argv), _without_regex(), gc.isenabled()
    gc.disable()  # a run is short and its objects hardly cyclic: the collector's passes cost 8% of a refusal
    try:
        return _main(argv, ending)
    finally:
        if collecting:
            gc.enable()
        if blocked and "regex" in sys.modules and sys.modules["regex"] is None:
            del sys.modules["regex"]


# ---- the fast path of derive and cell: their usual arguments read without argparse ------------------------
_FLAGS = ("--bidirectional", "--no-bias", "--cost", "--standalone", "--no-cache", "--brief", "--detail", "--numbered")
_VALUES = ("--set", "--read", "--layers", "--format", "--dtype", "--template", "--section", "--title", "--bib",
           "--output", "--convention", "--cite", "--label", "--placement", "--heads", "--shared")
_LISTS, _LAYERS = ("--set", "--read", "--section", "--shared"), re.compile(r"\s*\+?0*[0-9]{1,30}\s*")  # what _layers takes


def fast_args(argv: list[str]):
    """derive and cell's arguments as argparse reads them (the same namespace), when they are plain:
    known options in full, each value a separate argument not starting with "-", one FILE or NAME;
    else None, and argparse reads them (its messages, --help, abbreviations, --opt=value)."""
    if not argv or argv[0] not in ("derive", "cell"):
        return None
    from types import SimpleNamespace
    from .output.formats import names
    ns = dict(command=argv[0], set=[], read=[], layers=1, bidirectional=False, no_bias=False, cost=False,
              dtype=None, format=None, standalone=False, template=None, section=None, title=None, bib=None,
              output=None, no_cache=False, cite=None, brief=False, detail=False, heading_level=1, numbered=False,
              label=None, placement="inline", heads=None, shared=[], **({"convention": "pytorch"} if argv[0] == "cell" else {}))
    choices = {"--format": names("count"), "--dtype": list(DTYPES), "--convention": ["pytorch", "keras"],
               "--placement": ["inline", "here", "top"]}
    positional, rest = [], iter(argv[1:])
    for arg in rest:
        key = arg[2:].replace("-", "_")
        if arg in _FLAGS:
            ns[key] = True
        elif arg in _VALUES and key in ns:
            value = next(rest, "-")
            if (value.startswith("-") or value not in choices.get(arg, [value])
                    or arg == "--layers" and not _LAYERS.fullmatch(value)):
                return None
            ns[key] = (ns[key] or []) + [value] if arg in _LISTS else int(value) if arg == "--layers" else value
        elif arg == "-" or not arg.startswith("-"):
            positional.append(arg)
        else:
            return None
    if len(positional) == 1:
        ns["file" if argv[0] == "derive" else "name"] = positional[0]
        return SimpleNamespace(**ns)
    return None


def _main(argv: list[str], ending: bool = False) -> int:
    args = fast_args(argv)
    if args is None:
        ap = build_parser(argv[0] if argv and argv[0] in _COMMANDS else None)
        args, extra = ap.parse_known_args(argv)
        if extra:  # a misspelt option: the subcommand's usage, not the top level's
            ap.commands[args.command].error(f"unrecognized arguments: {' '.join(extra)}")
    try:
        return run(args, sys.stdout, ending)
    except SymcountError as exc:
        say(f"symcount: {exc}\n")
        return 2
    except BrokenPipeError:  # the reader went away (| head): not an error; say nothing more at exit
        quiet_stdout()
        return 0
    except KeyboardInterrupt:
        say("symcount: interrupted\n")
        return 130
    except MemoryError:
        say("symcount: out of memory: the input is too large for this machine\n")
        return 2
    except Exception as exc:  # an internal fault: say so, briefly (a dependency missing is not one)
        problem = dependency_problem(exc)
        if problem is not None:
            say(f"symcount: {problem}\n")
            return 2
        say(f"symcount: internal error: {type(exc).__name__}: {clip(str(exc), 300)}\n"
             "  this is a bug in symcount; please report it with the input\n")
        return 1


if __name__ == "__main__":
    sys.exit(main())
