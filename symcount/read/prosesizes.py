"""Sizes the prose gives: "Both $h_t$ and $c_t$ are vectors of size $n$", "All $i, f, o$ gates are
vectors of size $n$", "$x_t$ is a $d$-dimensional vector": each named symbol is declared a column
vector of that size, as `h_t \\in \\mathbb{R}^n` would (a note says so). A symbol the math
declares keeps the math's declaration."""
from __future__ import annotations

import re
from dataclasses import replace

from . import nodes as N
from .cellwalk import symbols
from .glossary import plain
from .source import Span

_MATH = r"\${1,2}[^$]{1,80}?\${1,2}"
_SIZE = r"(?P<n>[A-Za-z](?:_\{?[A-Za-z0-9]{1,8}\}?)?|\d{1,6})"
_NAMES = rf"(?P<names>{_MATH}(?:\s*(?:,|and|&)\s*{_MATH})*)"
_CLAIMS = (re.compile(_NAMES + r"\s*(?:gates?\s+|states?\s+)?(?:is|are)\s+(?:both\s+|all\s+)?(?:an?\s+)?(?:column\s+)?"
                      r"vectors?\s+(?:of|with)\s+(?:size|dimension|length|dimensionality)\s+\${1,2}\s*" + _SIZE + r"\s*\${1,2}",
                      re.I),
           re.compile(_NAMES + r"\s*(?:is|are)\s+(?:both\s+|all\s+)?(?:an?\s+)?\${1,2}\s*" + _SIZE +
                      r"\s*\${1,2}\s*-\s*dimensional\s+(?:column\s+)?vectors?", re.I))


def prose_sizes(cell: N.Cell, notes: list[str]) -> N.Cell:
    text = cell.source.text
    if "vector" not in text:
        return cell
    declared = {s.name for d in cell.declarations for s in d.symbols}
    found = {}
    for s, _, _ in symbols(cell):
        found.setdefault(plain(s.text), s)
        found.setdefault(plain(s.name), s)
    added: list[N.Declaration] = []
    for pattern in _CLAIMS:
        for m in pattern.finditer(text):
            size = re.sub(r"[{}]", "", m.group("n"))
            lin = N.Lin((), int(size)) if size.isdigit() else N.Lin(((size, 1),))
            for chunk in re.finditer(r"\${1,2}([^$]+)\${1,2}", m.group("names")):
                at = m.start("names") + chunk.start(1)
                for piece in re.finditer(r"[^,]+", chunk.group(1)):
                    name = plain(piece.group(0))
                    sym = found.get(name) or found.get(re.sub(r"_t$", "", name))
                    if sym is None or sym.name in declared or sym.lag is None and sym.name not in _signals(cell):
                        continue
                    declared.add(sym.name)
                    span = Span(at + piece.start(), at + piece.end())
                    added.append(N.Declaration((replace(sym, span=span),), N.Size(lin, span), N.Size(N.ONE, span),
                                               Span(span.start, m.end())))
                    notes.append(f"{piece.group(0).strip()} at {cell.source.where(span)} is a vector of size {size}, "
                                 "as the prose says")
    return replace(cell, declarations=cell.declarations + tuple(added)) if added else cell


def _signals(cell: N.Cell) -> set[str]:
    """The names the equations compute or read at a time step: what a vector of the prose can be."""
    return {s.name for s, _, left in symbols(cell) if left or s.lag is not None}
