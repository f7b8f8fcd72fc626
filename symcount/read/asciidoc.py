"""AsciiDoc's math, as the dollars the rest of the reader knows, every offset kept: inline `stem:[W_r]` and
`latexmath:[W_r]` as `     $W_r$` (the macro's name as spaces), and a `[stem]` or `[latexmath]` block's `++++`
delimiters as `$$` (padded). A step of read.parse, on the whole text (the prose's sizes are read from it too)."""
from __future__ import annotations

from . import patterns as re  # re, with the package's patterns compiled ahead (read.patterns)

_INLINE = re.compile(r"\b(stem|latexmath):\[((?:[^\]\\\n]|\\.)*)\]")  # (`\]` is AsciiDoc's escaped bracket)
_BLOCK = re.compile(r"^\[(?:stem|latexmath)\][ \t]*\n(\+{4,})[ \t]*\n(.*?)^(\+{4,})[ \t]*$", re.M | re.S)


def as_dollars(text: str) -> str:
    if "stem" not in text and "latexmath" not in text:
        return text
    for m in reversed(list(_BLOCK.finditer(text))):
        for g in (3, 1):  # (the closing delimiter first: the opening one's offsets stay)
            text = text[:m.start(g)] + "$$".ljust(m.end(g) - m.start(g)) + text[m.end(g):]
    return _INLINE.sub(lambda m: " " * len(m.group(1)) + " $" + m.group(2) + "$"
                       if "$" not in m.group(2) else m.group(0), text)
