"""Tables of symbols with a column of sizes: Markdown's (`|$x_t$| input |$n_i$|` under a header that names a column
of dimensions) and LaTeX's tabular (`$x_t$ & $D$ & LSTM cell's input vector \\\\` under `Name & Shape & ...`). Each
row that writes one symbol in math in a cell before that column and one size or shape in it gives the symbol that
size (read.prosesizes reads them as the prose's claims)."""
from __future__ import annotations

from . import patterns as re  # re, with the package's patterns compiled ahead (read.patterns)

SIZE = r"(?P<n>[A-Za-z](?:_\{?[A-Za-z0-9]{1,8}\}?)?|\d{1,6})"
TERM = r"(?:[A-Za-z](?:_\{?[A-Za-z0-9]{1,8}\}?)?|\d{1,6})"
SUM = TERM + r"(?:\s*\{?\+\}?\s*" + TERM + r")*"
_HEADER_WORDS = (r"(?:dimensions?|dims?|sizes?|shapes?|維度|维度|维数|維數|次元|차원|Dimension(?:en)?|Größe|taille|tamaño|"
                 r"dimens(?:ão|ion)|размерность)")
# a Markdown table of symbols with a column of dimensions: |$x_t$| input |$n_i$|
_DIM_HEADER = re.compile(r"^\|(?:[^|\n]*\|)*?\s*" + _HEADER_WORDS + r"\s*\|", re.I | re.M)
# a shape in a table's cell: $H_{out} \times H_{in}$, $(H, H+D)$, $[4H \times D]$ is not (a product)
_TABLE_SHAPE = re.compile(r"\s*\${1,2}\s*[(\[]?\s*(?P<r>" + SUM + r")\s*(?:\\times|×|x|\*|,)\s*(?:\\[ ,;]\s*)?(?P<c>"
                          + SUM + r")\s*[)\]]?\s*\${1,2}\s*")
_MATH_CELL = re.compile(r"\s*\${1,2}([^$]+)\${1,2}\s*")
_ONE_SIZE = re.compile(r"\s*\${1,2}\s*" + SIZE + r"\s*\${1,2}\s*")
_TABULAR = re.compile(r"\\begin\{tabular\}(?:\{(?:[^{}]|\{[^{}]*\})*\})?(?P<body>.*?)\\end\{tabular\}", re.S)
_ROW_END = re.compile(r"\\\\(?:\s*\[[^\]\n]*\])?|\\tabularnewline(?![A-Za-z])")  # (and `\\[2pt]`)
_RULE = re.compile(r"\\(?:toprule|midrule|bottomrule|hline|cline\{[^{}]*\})")


def tables(text: str):
    """(offset of the name, name, size or (rows, cols), end) of each row of a table of sizes."""
    if "|" in text:
        yield from _markdown(text)
    if "tabular" in text:
        yield from _latex(text)


def _markdown(text: str):
    for head in _DIM_HEADER.finditer(text):
        column = head.group(0).count("|") - 2
        for row in re.finditer(r"^\|.*\|[ \t]*$", text[head.end():].split("\n\n")[0], re.M):
            cells = row.group(0).split("|")[1:-1]
            start = head.end() + row.start() + 1
            yield from _row(cells, [start + sum(len(c) + 1 for c in cells[:i]) for i in range(len(cells))], column,
                            head.end() + row.end())


def _latex(text: str):
    for table in _TABULAR.finditer(text):
        body, column, rows, last = table.group("body"), None, [], 0
        for end in [*_ROW_END.finditer(body), None]:  # each row and where it starts (its end's own length kept)
            rows.append((table.start("body") + last, body[last:end.start() if end else len(body)]))
            last = end.end() if end else last
        for at, row in rows:
            cells, starts, pos = [], [], at
            for cell in re.split(r"(?<!\\)&", row):
                cells.append(_RULE.sub(lambda m: " " * len(m.group(0)), cell))
                starts.append(pos)
                pos += len(cell) + 1
            if column is None:  # the header: the column whose word says a size
                column = next((i for i, c in enumerate(cells) if re.fullmatch(r"\s*(?:\\textbf\{)?\s*" + _HEADER_WORDS
                                                                               + r"\s*\}?\s*", c, re.I)), None)
            else:
                yield from _row(cells, starts, column, starts[-1] + len(cells[-1]))


def _row(cells: list[str], starts: list[int], column: int, end: int):
    """A row that writes one symbol in math in a cell before `column` and one size or shape in it."""
    if len(cells) <= column:
        return
    first = next(((i, m) for i, c in enumerate(cells[:column]) for m in [_MATH_CELL.fullmatch(c)] if m), None)
    size = _ONE_SIZE.fullmatch(cells[column])
    shape = None if size else _TABLE_SHAPE.fullmatch(cells[column])
    if first and (size or shape):
        i, m = first
        value = re.sub(r"[{}]", "", size.group("n")) if size else tuple(re.sub(r"[{}\s]", "", shape.group(g)) for g in ("r", "c"))
        yield starts[i] + m.start(1), m.group(1), value, end
