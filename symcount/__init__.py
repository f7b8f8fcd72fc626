"""symcount: exact closed-form parameter counts for recurrent cells written in LaTeX.

    >>> import symcount
    >>> d = symcount.derive(open("examples/lstm.tex").read())
    >>> d.evaluate(d_x=512, d_h=256)
    788480

Heavy modules (sympy) load on first use, so `import symcount` stays cheap.
"""
from __future__ import annotations

from .errors import NonConformable, ParseError, ShapeError, SymcountError, Undetermined, UsageError

__version__ = "0.1.0"
__all__ = ["derive", "cell", "cell_names", "Derivation", "SymcountError", "ParseError",
           "ShapeError", "NonConformable", "Undetermined", "UsageError", "__version__"]


def derive(text: str, **options):
    """Derive the parameter count of the cell whose equations `text` holds. See api.derive."""
    from .api import derive as _derive
    return _derive(text, **options)


def cell(name: str, **options):
    """Derive a built-in cell by name. See api.cell."""
    from .api import cell as _cell
    return _cell(name, **options)


def cell_names() -> list[str]:
    from .cells import names
    return names()


def __getattr__(name: str):
    if name == "Derivation":
        from .derivation import Derivation
        return Derivation
    raise AttributeError(name)
