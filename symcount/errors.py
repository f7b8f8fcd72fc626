"""symcount's own error types. Every error a user can cause is a SymcountError (exit status 2)."""
from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:  # pragma: no cover (types only: errors sit below every stage)
    from .read.source import Source, Span


class SymcountError(Exception):
    """An error caused by the input or the options: printed without a traceback, exit status 2."""

    def __init__(self, message: str, *, source: Source | None = None, span: Span | None = None,
                 line: int | None = None, context: str = "", notes: tuple[str, ...] = (),
                 hint: str = "") -> None:
        super().__init__(message)
        self.message = message
        self.source = source
        self.span = span
        self.line = line  # without a span: the line of source that the error is about
        self.context = context
        self.notes = tuple(notes)
        self.hint = hint
        self.also: tuple[SymcountError, ...] = ()  # independent errors found in the same run

    def with_others(self, others: "list[SymcountError]", limit: int = 5) -> "SymcountError":
        """This error, carrying the independent errors found after it (at most `limit` of them)."""
        self.also = tuple(others[:limit])
        return self

    @property
    def location(self) -> str:
        if self.source is None:
            return ""
        if self.span is None:
            return self.source.name if self.line is None else f"{self.source.name}:{self.line}"
        return self.source.where(self.span)

    def __str__(self) -> str:
        parts = [self.message]
        ctx = f" ({self.context})" if self.context else ""
        if self.source is not None and self.span is not None:
            parts.append(f"  --> {self.source.where(self.span)}{ctx}")
            parts.append(self.source.excerpt(self.span))
        elif self.source is not None and self.line is not None:
            parts.append(f"  --> {self.source.name}:{self.line}{ctx}")
            parts.append(self.source.line_excerpt(self.line))
        elif self.source is not None:
            parts.append(f"  --> {self.source.name}")
        parts.extend(f"  {note}" for note in self.notes)
        if self.hint:
            parts.append(f"  hint: {self.hint}")
        for other in self.also:
            parts.append("")
            parts.append(f"symcount: {other}")
        return "\n".join(parts)


class ParseError(SymcountError):
    """The text is not in symcount's LaTeX subset."""


class ShapeError(SymcountError):
    """The equations are well formed but their shapes do not fit."""


class NonConformable(ShapeError):
    """A product, sum or equation whose operands cannot be made conformable."""

    def __init__(self, message: str, *, left: str = "", right: str = "",
                 left_shape: str = "", right_shape: str = "", rule: str = "", **kw) -> None:
        super().__init__(message, **kw)
        self.left, self.right = left, right
        self.left_shape, self.right_shape = left_shape, right_shape
        self.rule = rule


class Undetermined(ShapeError):
    """A parameter dimension that no equation or declaration determines."""


class UsageError(SymcountError):
    """Bad options: an unknown --set name, a negative size, an unknown cell."""


class StoredError(UsageError):
    """An error kept in a cached report model, printed exactly as it was first printed."""

    def __init__(self, message: str, text: str, hint: str = "") -> None:
        super().__init__(message, hint=hint)
        self.text = text

    def __str__(self) -> str:
        return self.text


PIP_NAMES = {"torch": "'symcount[torch]'", "PIL": "pillow", "yaml": "pyyaml", "dateutil": "python-dateutil"}  # where a module's package differs


def dependency_problem(exc: Exception) -> str | None:
    """A package symcount needs (sympy, lark, jinja2; matplotlib for --plot) that cannot be imported:
    the installation's fault, not a bug, so it is named with the command that fixes it (exit 2)."""
    module = getattr(exc, "name", None) or ""
    top = module.split(".")[0]
    if not isinstance(exc, ImportError) or not top or top == "symcount":
        return None
    package = PIP_NAMES.get(top, top)
    if isinstance(exc, ModuleNotFoundError) and module == top:
        return f"missing dependency: {exc}; install it: pip install {package}"
    return f"broken dependency: {exc}; reinstall it: pip install --upgrade --force-reinstall {package}"
