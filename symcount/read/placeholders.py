"""Placeholders: an equation written once for several letters, as Eagle and Finch (Peng et al. 2024)
write `\\square_t = \\mathrm{lerp}_{\\square}(x_t, x_{t-1}) W_{\\square}, \\quad \\square \\in \\{r, k, v, g\\}`:
the row stands for one equation per listed letter, each with \\square replaced by the letter
(`r_t = ... W_{r}`, ...), the trailing `\\square \\in \\{...\\}` dropped. `expand_rows` rewrites a
region's text so; every character keeps where it came from (a letter the span of its \\square), as
read.macros keeps it, so that errors and notes point into what the user wrote."""
from __future__ import annotations

from . import patterns as re  # re, with the package's patterns compiled ahead (read.patterns)

from ..errors import ParseError
from ..limits import MAX_MACRO_OUTPUT
from .macros import Expansion
from .source import Source, Span

# the list at a row's end: ", \quad \square \in \{r, k, v, g\}" (also \qquad, \text{for}, ~, \;)
_LIST = re.compile(r"\s*,?\s*(?:(?:\\q?quad|\\[,;:!]|~|\\text\{\s*(?:for|where)\s*\})\s*)*"
                   r"\\square\s*\\in\s*\\\{(?P<items>[^{}]*)\\\}\s*\.?")
_ROW_END = re.compile(r"\\\\|\\end\{")
_SQUARE = re.compile(r"\\square(?![A-Za-z])")
_ITEM = re.compile(r"[A-Za-z](?:'|\\prime)*")


def expand_rows(body: str, shift: int, exp: Expansion | None, src: Source) -> Expansion | None:
    """body (at offset shift, or read from exp) with each row that ends in `\\square \\in \\{...\\}`
    written once per letter; None when no row does."""
    if "\\square" not in body or not _LIST.search(body):
        return None
    starts = exp.starts if exp else list(range(shift, shift + len(body)))
    ends = exp.ends if exp else list(range(shift + 1, shift + len(body) + 1))
    chars: list[str] = []
    out_s: list[int] = []
    out_e: list[int] = []

    def emit(i: int, j: int) -> None:
        chars.extend(body[i:j]), out_s.extend(starts[i:j]), out_e.extend(ends[i:j])
    done = 0
    for m in _LIST.finditer(body):
        row = max([x.end() for x in re.finditer(r"\\\\|\\begin\{[^{}]*\}(?:\{[^{}]*\})?|&\s*(?=\\square)", body[:m.start()])]
                  + [done])
        items = [x.strip() for x in m.group("items").split(",")]
        where = Span(starts[m.start("items")], ends[m.end("items") - 1])
        if not all(_ITEM.fullmatch(x) for x in items) or "\\square" not in body[row:m.start()]:
            raise ParseError(f"cannot read the placeholder's letters {{{m.group('items').strip()}}}: "
                             "a list of letters, for a row written with \\square", source=src, span=where,
                             hint="write it as the paper does: \\square_t = ... W_{\\square}, \\quad \\square \\in \\{r, k, v, g\\}")
        emit(done, row)
        for n, letter in enumerate(items):
            if n:
                chars.extend(" \\\\ "), out_s.extend([starts[m.start()]] * 4), out_e.extend([ends[m.end() - 1]] * 4)
            i = row
            for sq in _SQUARE.finditer(body, row, m.start()):
                emit(i, sq.start())
                chars.extend(letter)
                out_s.extend([starts[sq.start()]] * len(letter)), out_e.extend([ends[sq.end() - 1]] * len(letter))
                i = sq.end()
            emit(i, m.start())
            if len(chars) > MAX_MACRO_OUTPUT:
                raise ParseError(f"the placeholder's rows make more than {MAX_MACRO_OUTPUT:,} characters",
                                 source=src, span=where)
        done = m.end()
    emit(done, len(body))
    return Expansion("".join(chars), out_s, out_e)
