"""symcount's own error types. Every error a user can cause is a SymcountError (exit status 2)."""
from __future__ import annotations

from .source import Source, Span


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
