"""Two shapes offered for one weight: "$U_h \\in \\mathbb{R}^{h \\times h}$ or $U_h \\in \\mathbb{R}^{l \\times
l}$ is the weight matrix for either the previous layer or the output (Elman or Jordan)". The text leaves
the shape to the network its equations write: both declarations are set aside, with a note, and the
equations' conformability fixes the shape (or leaves it open, and the count is refused). A step of
read.readings."""
from __future__ import annotations

from ..errors import replace
from . import nodes as N
from . import patterns as re  # re, with the package's patterns compiled ahead (read.patterns)

# what joins the two declarations: "or" in the languages of the corpus, and nothing else but punctuation
_OR = re.compile(r"[\s$,;:()]*(?:or|either|或|或者|oder|ou|o|или|либо|または|あるいは|또는|hoặc|veya|ya da|lub|of)[\s$,;:()]*",
                 re.I)


def _shape(cell: N.Cell, decl: N.Declaration) -> tuple:
    sizes = (decl.rows, decl.cols) + decl.more
    return tuple(None if s is None else " ".join(cell.source.slice(s.span).split()) for s in sizes) + (decl.field,)


def either_or(cell: N.Cell, notes: list[str]) -> N.Cell:
    if len(cell.declarations) < 2:
        return cell
    seen: dict[str, N.Declaration] = {}
    dropped: set[str] = set()
    text = cell.source.text
    for decl in sorted(cell.declarations, key=lambda d: d.span.start):
        for sym in decl.symbols:
            first = seen.get(sym.name)
            if first is None:
                seen[sym.name] = decl
                continue
            if first.span.end <= decl.span.start and _OR.fullmatch(text[first.span.end:decl.span.start]) \
                    and _shape(cell, first) != _shape(cell, decl) and sym.name not in dropped:
                dropped.add(sym.name)
                notes.append(f"{sym.text} is declared as {' '.join(cell.source.slice(first.span).split())} or as "
                             f"{' '.join(cell.source.slice(decl.span).split())} at {cell.source.where(decl.span)}: "
                             "read as the equations fix it")
    if not dropped:
        return cell
    kept = []
    for decl in cell.declarations:
        symbols = tuple(s for s in decl.symbols if s.name not in dropped)
        if symbols:
            kept.append(decl if len(symbols) == len(decl.symbols) else
                        replace(decl, symbols=symbols, transposed=tuple(t for s, t in zip(decl.symbols, decl.transposed or (False,) * len(decl.symbols))
                                                                      if s.name not in dropped)))
    return replace(cell, declarations=tuple(kept))
