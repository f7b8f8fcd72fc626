"""Math copied out of a docstring with its escapes: a literal `\\n` at a row's end (`h_{n} = \\phi(X @ W + b) \\n`, a
newline written into the string), which no LaTeX command spells: a space (offsets kept). A respelling of
read.relations, in math regions."""
from __future__ import annotations

from . import patterns as re  # re, with the package's patterns compiled ahead (read.patterns)

_NEWLINE = re.compile(r"(?<!\\)\\n(?![A-Za-z])")


def literal_newlines(out: list[str], start: int, end: int, _written) -> None:
    region = "".join(out[start:end])
    for m in _NEWLINE.finditer(region) if "\\n" in region else ():
        out[start + m.start()] = out[start + m.start() + 1] = " "
