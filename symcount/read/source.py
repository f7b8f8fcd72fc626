"""Source text and spans: turn offsets into file:line:column and a caret excerpt; bytes checked
as UTF-8, an invalid byte a located error; text shown on a terminal with its control characters made
visible."""
from __future__ import annotations

import bisect
from . import patterns as re  # re, with the package's patterns compiled ahead (read.patterns)

from ..errors import Record

# C0 controls but tab and newline, DEL, C1 controls, and the bidirectional overrides and isolates
# ("Trojan source"): never written raw to a terminal (compiled on first use: the fast paths print none)
_CONTROL_CHARS = "[\x00-\x08\x0b-\x1f\x7f-\x9f\u200e\u200f\u202a-\u202e\u2066-\u2069]"


def _control() -> "re.Pattern[str]":
    return re.compile(_CONTROL_CHARS)  # re keeps the compiled pattern


def visible(text: str) -> str:
    """Text safe for a terminal, one character for one (so that a caret below stays aligned):
    a C0 control is its control picture (ESC -> ␛), DEL ␡, a C1 control or a bidirectional
    override the replacement character."""
    def one(m: re.Match) -> str:
        c = ord(m.group(0))
        return chr(0x2400 + c) if c < 0x20 else "\u2421" if c == 0x7f else "\ufffd"
    return _control().sub(one, text)


def escaped(text: str) -> str:
    """Text safe for a terminal where alignment does not matter: control characters (newlines and
    tabs kept) as escapes, \x1b for ESC."""
    return _control().sub(lambda m: f"\\x{ord(m.group(0)):02x}" if ord(m.group(0)) < 0x100
                        else f"\\u{ord(m.group(0)):04x}", text)


class Span(Record):
    """A half-open range of character offsets [start, end) into a Source's text."""

    # start: int
    # end: int
    __slots__ = ("start", "end")

    def __init__(self, start: int, end: int) -> None:  # made for every node: no generic loop
        _SET_START(self, start)  # (the slots' own setters: object.__setattr__ looks each up again)
        _SET_END(self, end)


_SET_START, _SET_END = Span.__dict__["start"].__set__, Span.__dict__["end"].__set__


class Source(Record):
    # text: str; name: str; _line_starts: the offsets where lines start (not compared)
    __slots__ = ("text", "name", "_line_starts")
    _uncompared = ("_line_starts",)

    def __init__(self, text: str, name: str = "<input>") -> None:
        starts = [0]  # a find per line, not a step per character
        find, i = text.find, text.find("\n")
        while i >= 0:
            starts.append(i + 1)
            i = find("\n", i + 1)
        object.__setattr__(self, "text", text)
        object.__setattr__(self, "name", name)
        object.__setattr__(self, "_line_starts", tuple(starts))

    def __repr__(self) -> str:
        return f"Source(text={self.text!r}, name={self.name!r})"

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
        text = visible(self.line_text(line).replace("\t", " "))
        return f" {line} | {text if len(text) <= width else text[:width] + '...'}"

    def excerpt(self, span: Span, width: int = 120) -> str:
        """The source line of span.start with a caret under the span (clipped to that line); a
        long line is shown as a window of about `width` characters around the caret."""
        line, col = self.line_col(span.start)
        text = visible(self.line_text(line).replace("\t", " "))
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


def decode(data: bytes, name: str) -> str:
    """Bytes read from a file as UTF-8 text (a byte-order mark dropped); an invalid byte is a
    ParseError that points at it: its line and column, the line shown with the byte replaced."""
    from ..errors import ParseError
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        shown = data.decode("utf-8-sig", errors="replace")
        before = data[:exc.start].decode("utf-8-sig", errors="replace")
        byte = data[exc.start:exc.start + 1].hex()
        raise ParseError(f"the input is not UTF-8 text: byte 0x{byte} at byte offset {exc.start} cannot be read",
                         source=Source(shown, name), span=Span(len(before), len(before) + 1),
                         hint="save the file as UTF-8") from None


def check_text(text: str, name: str) -> None:
    """A str that cannot be written as UTF-8 (a lone surrogate, as a file read with
    errors="surrogateescape" holds for each undecodable byte) is a ParseError that points at it."""
    from ..errors import ParseError
    try:
        text.encode("utf-8")
    except UnicodeEncodeError as exc:
        shown = text.encode("utf-8", errors="replace").decode("utf-8")
        raise ParseError(f"the input is not valid text: {text[exc.start]!r} at character {exc.start} is not a "
                         "character (an undecodable byte?)", source=Source(shown, name),
                         span=Span(exc.start, exc.start + 1), hint="read the file as UTF-8 text") from None


def read_file(path: str) -> tuple[str, str]:
    """The text of a file (or of standard input for "-") and the name errors give it, read as UTF-8:
    at most MAX_INPUT bytes are read (/dev/zero ends there), an invalid byte is an error that points
    at it."""
    import sys

    from ..errors import UsageError
    from ..limits import MAX_INPUT
    name = "<stdin>" if path == "-" else path
    try:
        if path == "-":
            if sys.stdin is None:
                raise UsageError("cannot read standard input: it is closed")
            stream = getattr(sys.stdin, "buffer", None)
            data = stream.read(MAX_INPUT + 1) if stream is not None else sys.stdin.read(MAX_INPUT + 1).encode("utf-8")
        else:
            with open(path, "rb") as f:
                data = f.read(MAX_INPUT + 1)
    except OSError as exc:
        raise UsageError(f"cannot read {name}: {exc.strerror or exc}") from None
    if len(data) > MAX_INPUT:
        raise UsageError(f"{name} is larger than {MAX_INPUT:,} bytes, the most symcount reads",
                         hint="give symcount the part of the text that holds the cell's equations")
    return decode(data, name), name
