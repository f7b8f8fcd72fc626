"""Math regions in prose: where the equations of a LaTeX fragment are. Scanning for delimiters is
lexing, not parsing: what is between them goes to the grammar (symcount.parse)."""
from __future__ import annotations

import re

from .errors import ParseError
from .source import Source, Span

_ENVS = (r"equation|align|gather|multline|eqnarray|displaymath|math|flalign|alignat|aligned|array"
         r"|split|gathered")
_COLSPEC = re.compile(r"\s*\{[^{}]*\}")  # array's {ll}, alignat's {2}
_OPEN = re.compile(
    r"(?P<comment>(?<!\\)%[^\n]*)"
    r"|(?P<escaped>\\\$)"
    r"|(?P<dd>\$\$)"
    r"|(?P<d>\$)"
    r"|(?P<bracket>(?<!\\)\\\[)"
    r"|(?P<paren>(?<!\\)\\\()"
    r"|(?P<env>\\begin\s*\{(?P<envname>(?:" + _ENVS + r")\*?)\})"
)
_DIRECTIVE = re.compile(r"%\s*symcount\s*:\s*(?P<key>[A-Za-z_-]+)\s*(?P<value>.*?)\s*$")
MEANINGFUL = re.compile(r"=|\\in(?![A-Za-z])")
# a time index, as in x_t, h_{t-1}, h^{(t)}: math that has one is meant for symcount
TIMED = re.compile(r"[_^]\s*\{?\s*(?:\(|<|\\langle)?\s*t(?![A-Za-z])")


def regions(src: Source) -> tuple[list[tuple[int, int, bool]], list[tuple[str, int, int]]]:
    """Offsets (start, end, inline) of each math region's inside, and the directives (key, start,
    end of value) found in comments."""
    text = src.text
    found: list[tuple[int, int, bool]] = []
    directives: list[tuple[str, int, int]] = []
    pos = 0
    while True:
        m = _OPEN.search(text, pos)
        if m is None:
            break
        kind = m.lastgroup if m.lastgroup != "envname" else "env"
        if m.group("comment") is not None:
            d = _DIRECTIVE.match(m.group("comment"))
            if d:
                directives.append((d.group("key"), m.start() + d.start("value"), m.start() + d.end("value")))
            pos = m.end()
            continue
        if m.group("escaped") is not None:
            pos = m.end()
            continue
        if m.group("dd") is not None:
            close = _find_unescaped(text, "$$", m.end())
        elif m.group("d") is not None:
            close = _find_unescaped(text, "$", m.end())
        elif m.group("bracket") is not None:
            close = _find_unescaped(text, "\\]", m.end())
        elif m.group("paren") is not None:
            close = _find_unescaped(text, "\\)", m.end())
        else:
            name = m.group("envname")
            end = re.compile(r"\\end\s*\{" + re.escape(name) + r"\}").search(text, m.end())
            close = (end.start(), end.end()) if end else None
        if close is None:
            opener = m.group(0) if kind != "env" else f"\\begin{{{m.group('envname')}}}"
            raise ParseError(
                f"math region opened by {opener} is never closed",
                source=src, span=Span(m.start(), m.end()),
                hint="close it, or escape a literal dollar sign as \\$")
        start = m.end()
        if kind == "env" and m.group("envname").rstrip("*") in ("array", "alignat"):
            spec = _COLSPEC.match(text, start)
            start = spec.end() if spec else start
        found.append((start, close[0], kind in ("d", "paren")))
        pos = close[1]
    return found, directives


def _find_unescaped(text: str, needle: str, pos: int) -> tuple[int, int] | None:
    while True:
        i = text.find(needle, pos)
        if i < 0:
            return None
        if i > 0 and text[i - 1] == "\\" and not needle.startswith("\\"):
            pos = i + 1
            continue
        return i, i + len(needle)


