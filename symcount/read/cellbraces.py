"""A table's cells each wrapped in braces, as converters write them (Mathpix, Typora, pandoc's output of an image):
`\\begin{array}{rlr}{z_{t}} & {=\\sigma(W^{(z)} x_{t} + ...)} & {(\\text{Update gate})} \\\\`. A brace that opens
where a cell starts (after `&`, `\\\\` or the environment's opening) and closes where it ends (before `&`, `\\\\`,
`\\end` or the region's end) groups the whole cell: both are spaces (offsets kept). A respelling of
read.relations, in math regions."""
from __future__ import annotations

from . import patterns as re  # re, with the package's patterns compiled ahead (read.patterns)

_ARGUED = r"(?:array|subarray|alignat|alignedat|xalignat|xxalignat|tabularx?|tabular)\*?"  # environments that take arguments
_CELL_START = re.compile(r"(?:&|\\\\|\\begin\s*\{" + _ARGUED + r"\}(?:\s*\{[^{}]*\}){1,2}"
                         r"|\\begin\s*\{(?!" + _ARGUED + r"\})[A-Za-z*]+\})[ \t\n]*(\{)")  # (an array's column spec no cell)
_CELL_END = re.compile(r"[ \t\n]*(?:&|\\\\|\\end(?![A-Za-z])|$)")


def braced_cells(out: list[str], start: int, end: int, _written) -> None:
    region = "".join(out[start:end])
    if "{" not in region or ("&" not in region and "\\\\" not in region):
        return
    for m in _CELL_START.finditer(region):
        close = _closing(region, m.start(1))
        if close is not None and _CELL_END.match(region, close + 1):
            out[start + m.start(1)] = out[start + close] = " "


def _closing(text: str, at: int) -> int | None:
    """The offset of the brace that closes the one at `at` (None where it is not closed)."""
    depth = 0
    for i in range(at, len(text)):
        c = text[i]
        if c == "{" and text[i - 1] != "\\":
            depth += 1
        elif c == "}" and text[i - 1] != "\\":
            depth -= 1
            if depth == 0:
                return i
    return None
