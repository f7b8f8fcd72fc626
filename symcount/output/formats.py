"""The output formats, one row each: what the format writes for a count, a sweep, a comparison, a
match and the list of cells, and what it allows (an explanation through templates, a complete
document, a citation). A new format is a module with its writers and one row here (and one in
output/markup.py for how it writes its pieces). The writers are imported when a row's writer is
called, so that reading the table imports neither Jinja nor the tables."""
from __future__ import annotations

from ..errors import TYPE_CHECKING, Record, UsageError

from .markup import MARKUPS, Markup

if TYPE_CHECKING:  # pragma: no cover (types only: typing is a start-up cost)
    from typing import Callable


def _report(name: str) -> Callable:
    def write(*args, **kwargs):
        from . import report
        return getattr(report, name)(*args, **kwargs)
    return write


def _tables(name: str) -> Callable:
    def write(*args, **kwargs):
        from . import tables
        return getattr(tables, name)(*args, **kwargs)
    return write


def _sweep(fmt: str) -> Callable:
    def write(v, swept, standalone: bool = False) -> str:
        from . import report
        return report.sweep(v, swept, fmt, standalone)
    return write


class Format(Record):
    # name: str
    # explains: bool  # a count is an explanation written through a template
    # standalone: bool  # --standalone makes a complete document
    # cites: bool  # --bib: the cell's reference as a citation
    # count: Callable | None  # (View) -> the report of a count, when it does not explain
    # sweep: Callable | None  # (View, swept, standalone) -> a table over the swept sizes
    # comparison: Callable | None  # (Comparison, standalone) -> text
    # match: Callable | None  # (Match, standalone) -> text
    # catalog: Callable | None  # (entries) -> the list of built-in cells
    __slots__ = ("name", "explains", "standalone", "cites", "count", "sweep", "comparison", "match", "catalog")

    @property
    def markup(self) -> Markup:
        return MARKUPS[self.name]


FORMATS: dict[str, Format] = {
    "text": Format("text", False, False, False, _report("text"), _sweep("text"), _tables("compare_text"),
                   _tables("match_text"), _report("catalog_text")),
    "json": Format("json", False, False, False, _report("json_text"), _report("sweep_json"), _tables("compare_json"),
                   _tables("match_json"), _report("catalog_json")),
    "markdown": Format("markdown", True, False, False, None, _sweep("markdown"), _tables("compare_markdown"),
                       _tables("match_markdown"), _report("catalog_markdown")),
    "latex": Format("latex", True, True, True, None, _sweep("latex"), _tables("compare_latex"),
                    _tables("match_latex"), None),
    "csv": Format("csv", False, False, False, None, None, _tables("csv_text"), _tables("csv_text"), None),
}


def names(what: str) -> list[str]:
    """The formats that write `what` (count, sweep, comparison, match, catalog; explains)."""
    return [f.name for f in FORMATS.values() if (f.explains if what == "explanation" else
                                                 getattr(f, what) is not None or (what == "count" and f.explains))]


def get(name: str, what: str = "count") -> Format:
    """The format `name`, which must write `what`: a UsageError naming the formats that do."""
    f = FORMATS.get(name)
    if f is None or (f.explains if what == "explanation" else
                     getattr(f, what) is None and not (what == "count" and f.explains)):
        choices = names(what)
        raise UsageError(f"unknown format {name!r} for {'an explanation' if what == 'explanation' else 'a ' + what}; "
                         f"choose one of: {', '.join(choices)}")
    return f
