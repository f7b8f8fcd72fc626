"""Source text and spans: turn offsets into file:line:column and a caret excerpt."""
from __future__ import annotations

import bisect
from dataclasses import dataclass, field


@dataclass(frozen=True)
class Span:
    """A half-open range of character offsets [start, end) into a Source's text."""

    start: int
    end: int


@dataclass(frozen=True)
class Source:
    text: str
    name: str = "<input>"
    _line_starts: tuple[int, ...] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        starts = [0]
        starts.extend(i + 1 for i, ch in enumerate(self.text) if ch == "\n")
        object.__setattr__(self, "_line_starts", tuple(starts))

    def line_col(self, offset: int) -> tuple[int, int]:
        """1-based line and column of an offset."""
        line = bisect.bisect_right(self._line_starts, offset) - 1
        return line + 1, offset - self._line_starts[line] + 1

    def line_text(self, line: int) -> str:
        start = self._line_starts[line - 1]
        end = self.text.find("\n", start)
        return self.text[start:] if end < 0 else self.text[start:end]

    def slice(self, span: Span) -> str:
        return self.text[span.start:span.end]

    def where(self, span: Span) -> str:
        line, col = self.line_col(span.start)
        return f"{self.name}:{line}:{col}"

    def line_excerpt(self, line: int, width: int = 120) -> str:
        """One numbered source line without a caret, for an error that knows the line but not the
        column; a long line is cut at `width` characters."""
        text = self.line_text(line).replace("\t", " ")
        return f" {line} | {text if len(text) <= width else text[:width] + '...'}"

    def excerpt(self, span: Span, width: int = 120) -> str:
        """The source line of span.start with a caret under the span (clipped to that line); a
        long line is shown as a window of about `width` characters around the caret."""
        line, col = self.line_col(span.start)
        text = self.line_text(line).replace("\t", " ")
        carets = max(1, min(span.end - span.start, len(text) - col + 1))
        start = 0
        if len(text) > width:
            start = max(0, min(col - 1 - width // 3, len(text) - width))
            shown = ("..." if start else "") + text[start:start + width] + ("..." if start + width < len(text) else "")
            offset = (3 if start else 0) + (col - 1 - start)
            carets = min(carets, start + width - (col - 1))
        else:
            shown, offset = text, col - 1
        num = str(line)
        return f" {num} | {shown}\n {' ' * len(num)} | {' ' * offset}{'^' * max(1, carets)}"
