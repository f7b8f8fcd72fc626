"""symcount: exact closed-form parameter counts for recurrent cells written in LaTeX.

    >>> import symcount
    >>> d = symcount.derive(open("examples/lstm.tex").read())
    >>> d.evaluate(d_x=512, d_h=256)
    788480

Heavy modules (sympy) load on first use, so `import symcount` stays cheap.
"""
from __future__ import annotations

from .errors import NonConformable, ParseError, ShapeError, SymcountError, Undetermined, UsageError

from .version import __version__
__all__ = ["derive", "cell", "cell_names", "compare", "match", "plot", "Derivation", "SymcountError", "ParseError",
           "ShapeError", "NonConformable", "Undetermined", "UsageError", "__version__"]


def derive(text: str, **options):
    """Derive the parameter count of the cell whose equations `text` holds. See api.derive."""
    from .api import derive as _derive
    return _derive(text, **options)


def cell(name: str, **options):
    """Derive a built-in cell by name. See api.cell."""
    from .api import cell as _cell
    return _cell(name, **options)


def compare(cells, sizes=None, **options):
    """The counts of several cells (built-in names or LaTeX files) side by side. See api.compare."""
    from .api import compare as _compare
    return _compare(cells, sizes, **options)


def match(cell, sizes=None, **options):
    """The size of a cell's one free dimension for a budget (`budget=`) or another cell's count
    (`to=`, `to_sizes=`), exactly. See api.match."""
    from .api import match as _match
    return _match(cell, sizes, **options)


def plot(result, path=None, *, log=False):
    """A comparison's or a match's counts against the swept size, as a matplotlib Figure (a notebook
    shows it); also saved to `path` (.svg, .png or .pdf) when given. Needs matplotlib. See api.plot."""
    from .api import plot as _plot
    return _plot(result, path, log=log)


def cell_names() -> list[str]:
    from .cells import names
    return names()


def __getattr__(name: str):
    if name == "Derivation":
        from .result.derivation import Derivation
        return Derivation
    raise AttributeError(name)
