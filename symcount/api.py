"""The one place that wires the stages:

    text -> parse -> shapes -> count -> stack -> Derivation       (derive, cell)
    Derivation -> summary -> View -> text, JSON, Markdown, LaTeX  (summarize, render, report)

`report` is what the command line asks for: it takes the fast path when it can (a built-in cell's
shipped summary, or the user's cache of summaries) and derives afresh otherwise, then writes the
requested format from the summary. Both paths write from the same summary, so their bytes agree.
"""
from __future__ import annotations

import gc
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Mapping

from . import cells
from .errors import UsageError

if TYPE_CHECKING:  # pragma: no cover
    from .derivation import Derivation


class _gc_paused:
    """The cyclic garbage collector paused while a derivation or a report is built: they make
    millions of small objects and no cycles worth collecting, and the collector's passes over all of
    them were a third of the time of a large input. Restored as it was after."""

    def __enter__(self) -> None:
        self.was = gc.isenabled()
        gc.disable()

    def __exit__(self, *exc) -> None:
        if self.was:
            gc.enable()


def _text(text: object, what: str) -> str:
    if isinstance(text, str):
        return text
    if isinstance(text, (bytes, bytearray, memoryview)):
        raise TypeError(f"{what} takes the LaTeX as a str, not {type(text).__name__}: decode it first, "
                        "e.g. data.decode('utf-8')")
    raise TypeError(f"{what} takes the LaTeX as a str, not {type(text).__name__}")


def flag(value: object, name: str) -> bool:
    """An option that is True or False (a numpy bool too); anything else, 'no' or 0 included, is refused."""
    from .sizes import is_bool, shown
    if is_bool(value):
        return bool(value)
    raise TypeError(f"{name} must be True or False, not {type(value).__name__} {shown(value)}")


def _bindings(bindings: object) -> dict:
    if bindings is None:
        return {}
    if not isinstance(bindings, Mapping):
        raise TypeError(f"bindings must be a mapping of dimension names to sizes, not {type(bindings).__name__}")
    if not all(isinstance(k, str) for k in bindings):
        raise TypeError("bindings must be a mapping of dimension names (str) to sizes")
    return dict(bindings)


def derive(text: str, *, name: str = "<input>", layers: int = 1, bidirectional: bool = False,
           bias: bool = True, bindings: Mapping[str, int] | None = None,
           _cell: "cells.CellInfo | None" = None) -> "Derivation":
    """Derive the parameter count of the cell whose equations `text` holds (LaTeX)."""
    from .count import count
    from .derivation import Derivation
    from .parse import parse
    from .shapes import infer
    from .stack import check_layers, stack

    text = _text(text, "derive()")
    if not isinstance(name, str):
        raise TypeError(f"name must be a str, not {type(name).__name__}")
    layers = check_layers(layers)
    bidirectional, bias = flag(bidirectional, "bidirectional"), flag(bias, "bias")
    bindings = _bindings(bindings)
    with _gc_paused():
        shapes = infer(parse(text, name))
        counts = count(shapes, bias=bias)
        d = Derivation(name, shapes, counts, stack(shapes, counts.total, layers=layers, bidirectional=bidirectional),
                       bias, _cell)
    return d.bind(**bindings) if bindings else d


def cell(name: str, *, convention: str = "pytorch", layers: int = 1, bidirectional: bool = False,
         bias: bool = True, bindings: Mapping[str, int] | None = None) -> "Derivation":
    """Derive a built-in cell (see `cell_names()`)."""
    if not isinstance(name, str) or not isinstance(convention, str):
        raise TypeError("cell() takes the cell's name and convention as str")
    info = cells.load(name, convention)
    return derive(info.text, name=info.filename, layers=layers, bidirectional=bidirectional,
                  bias=bias, bindings=bindings, _cell=info)


def summarize(d: Derivation, *, explain: bool = False) -> dict:
    """The summary of a derivation: plain data, what the cache stores and the outputs are written from."""
    from .output.summary import summarize as _summarize
    with _gc_paused():
        return _summarize(d, explain=explain)


def view(d: Derivation, *, explain: bool = False):
    """The derivation's summary seen with its layers, directions and bound sizes."""
    from .output.summary import View
    return View(summarize(d, explain=explain), d.layers, d.directions, dict(d.bindings))


def render(d: Derivation, fmt: str, *, standalone: bool = False, template: str | None = None,
           template_name: str = "<template>") -> str:
    """A derivation as "markdown" or "latex" (an explanation), or "latex-math" (the count as one
    display-math block, for notebooks)."""
    from .output import render as R
    if fmt == "latex-math":
        return R.latex_math(view(d))
    return R.render(view(d, explain=True), fmt, standalone=standalone, template=template,
                    template_name=template_name)


# ---- the command line's request ---------------------------------------------------------------------
@dataclass(frozen=True)
class Request:
    """What to read: a user's file (kind "derive": name and text) or a built-in cell (kind "cell")."""

    kind: str
    name: str
    text: str = ""
    convention: str = "pytorch"
    bias: bool = True
    use_cache: bool = True
    info: "cells.CellInfo | None" = field(default=None, compare=False)

    @staticmethod
    def for_cell(name: str, convention: str = "pytorch", **kw) -> "Request":
        info = cells.load(name, convention)
        return Request("cell", name, info.text, convention, info=info, **kw)


def summary_for(req: Request, *, explain: bool = False) -> dict:
    """The summary of a request: shipped with a built-in cell, from the cache, or derived afresh
    (and then cached). Only a fresh derivation imports lark; nothing here imports sympy."""
    from . import cache
    if req.use_cache:
        found = cache.find(req)
        if found is not None and (found["explanation"] is not None or not explain):
            return found
    if req.kind == "cell":
        d = derive(req.text, name=req.info.filename, bias=req.bias, _cell=req.info)
    else:
        d = derive(req.text, name=req.name, bias=req.bias)
    summary = summarize(d, explain=explain)  # the explanation only when asked: it costs most
    if req.use_cache:
        cache.store(req, summary)
    return summary


def report(req: Request, fmt: str, *, layers: int = 1, bidirectional: bool = False,
           bindings: Mapping[str, int] | None = None, swept: Mapping[str, list[int]] | None = None,
           standalone: bool = False, template: str | None = None, template_name: str = "<template>"):
    """The text the command line prints, and the notes it writes on standard error."""
    if standalone and fmt != "latex":
        raise UsageError("--standalone applies to LaTeX output", hint="add --format latex")
    if swept and template is not None:
        raise UsageError("a sweep prints a table: --template does not apply")
    explain = fmt in ("markdown", "latex") and not swept
    with _gc_paused():
        return _report(req, fmt, explain, layers, bidirectional, bindings, swept, standalone, template, template_name)


def _report(req, fmt, explain, layers, bidirectional, bindings, swept, standalone, template, template_name):
    from .output import report as T
    from .output.summary import View

    summary = summary_for(req, explain=explain)
    v = View(summary, layers, 2 if bidirectional else 1, dict(bindings or {}))
    if swept:
        text = T.sweep(v, dict(swept), fmt, standalone)
    elif fmt == "json":
        text = T.json_text(v)
    elif fmt == "text":
        text = T.text(v)
    else:
        from .output import render as R
        text = R.render(v, fmt, standalone=standalone, template=template, template_name=template_name)
    return text, tuple(summary["notes"])
