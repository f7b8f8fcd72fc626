"""Math copied with what its page put into it: a literal `\\n` at a row's end (`h_{n} = \\phi(X @ W + b) \\n`, a
newline written into a docstring), which no LaTeX command spells; a list's number at the start of a line inside
math that a Markdown editor numbered (`$\\tilde{C}_t=` then `4. \\tanh(...)$`): spaces (offsets kept). Respellings of
read.relations, in math regions."""
from __future__ import annotations

from . import patterns as re  # re, with the package's patterns compiled ahead (read.patterns)

_NEWLINE = re.compile(r"(?<!\\)\\n(?![A-Za-z])")


def literal_newlines(out: list[str], start: int, end: int, _written) -> None:
    region = "".join(out[start:end])
    for m in _NEWLINE.finditer(region) if "\\n" in region else ():
        out[start + m.start()] = out[start + m.start() + 1] = " "


_LIST_NUMBER = re.compile(r"(?<=\n)[ \t]*\d{1,2}\.[ \t]+(?=\\[A-Za-z])")


def list_numbers(out: list[str], start: int, end: int, _written) -> None:
    region = "".join(out[start:end])
    for m in _LIST_NUMBER.finditer(region) if "\n" in region else ():
        out[start + m.start():start + m.end()] = [" "] * (m.end() - m.start())
