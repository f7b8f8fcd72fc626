"""Sizes the prose gives: "Both $h_t$ and $c_t$ are vectors of size $n$", "All $i, f, o$ gates are
vectors of size $n$", "$x_t$ is a $d$-dimensional vector": each named symbol is declared a column
vector of that size, as `h_t \\in \\mathbb{R}^n` would (a note says so). A symbol the math
declares keeps the math's declaration."""
from __future__ import annotations

from ..errors import replace
from . import patterns as re  # re, with the package's patterns compiled ahead (read.patterns)

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


# code-style prose: "the current input vector `x[t]` (of shape `(D,)`)"
_SHAPED = re.compile(r"`(?P<name>[^`\n]{1,20})`\s*\(\s*of\s+shape\s+[`(\s]*" + _SIZE + r"\s*,?\s*[`)\s]*\)", re.I)
# a Markdown table of symbols with a column of dimensions: |$x_t$| input |$n_i$|
_DIM_HEADER = re.compile(r"^\|(?:[^|\n]*\|)*?\s*(?:dimensions?|dims?|sizes?|shapes?|維度|维度|维数|維數|次元|차원|"
                         r"Dimension(?:en)?|Größe|taille|tamaño|dimens(?:ão|ion)|размерность)\s*\|", re.I | re.M)


def prose_sizes(cell: N.Cell, notes: list[str]) -> N.Cell:
    text = cell.source.text
    claims = list(_claims(text))
    if not claims:
        return cell
    declared = {s.name for d in cell.declarations for s in d.symbols}
    found = {}
    for s, _, _ in symbols(cell):
        found.setdefault(plain(s.text), s)
        found.setdefault(plain(s.name), s)
    added: list[N.Declaration] = []
    for at, names, size, end in claims:
        lin = N.Lin((), int(size)) if size.isdigit() else N.Lin(((size, 1),))
        for piece in re.finditer(r"[^,]+", names):
            name = re.sub(r"\[\s*t\s*\]$", "_t", plain(piece.group(0)))
            sym = found.get(name) or found.get(re.sub(r"_\{?t\}?$", "", name))
            if sym is None or sym.name in declared or sym.lag is None and sym.name not in _signals(cell):
                continue
            declared.add(sym.name)
            span = Span(at + piece.start(), at + piece.end())
            added.append(N.Declaration((replace(sym, span=span),), N.Size(lin, span), N.Size(N.ONE, span),
                                       Span(span.start, end)))
            notes.append(f"{piece.group(0).strip()} at {cell.source.where(span)} is a vector of size {size}, "
                         "as the prose says")
    return replace(cell, declarations=cell.declarations + tuple(added)) if added else cell


def _claims(text: str):
    """(offset, names written there, size, end) of each size the prose gives a vector."""
    if "vector" in text:
        for pattern in _CLAIMS:
            for m in pattern.finditer(text):
                for chunk in re.finditer(r"\${1,2}([^$]+)\${1,2}", m.group("names")):
                    yield m.start("names") + chunk.start(1), chunk.group(1), re.sub(r"[{}]", "", m.group("n")), m.end()
        for m in _SHAPED.finditer(text):
            yield m.start("name"), m.group("name"), re.sub(r"[{}]", "", m.group("n")), m.end()
    yield from _table(text)


def _table(text: str):
    """The rows of a Markdown table of symbols whose header names a column of dimensions: a row
    that writes one symbol in math in its first cell and one size in that column."""
    for head in _DIM_HEADER.finditer(text):
        column = head.group(0).count("|") - 2
        for row in re.finditer(r"^\|.*\|[ \t]*$", text[head.end():].split("\n\n")[0], re.M):
            cells = row.group(0).split("|")[1:-1]
            if len(cells) <= column:
                continue
            first = re.fullmatch(r"\s*\$([^$]+)\$\s*", cells[0])
            size = re.fullmatch(r"\s*\$\s*" + _SIZE + r"\s*\$\s*", cells[column])
            if first and size:
                at = head.end() + row.start() + row.group(0).index(first.group(1))
                yield at, first.group(1), re.sub(r"[{}]", "", size.group("n")), head.end() + row.end()


def _signals(cell: N.Cell) -> set[str]:
    """The names the equations compute or read at a time step: what a vector of the prose can be."""
    return {s.name for s, _, left in symbols(cell) if left or s.lag is not None}
