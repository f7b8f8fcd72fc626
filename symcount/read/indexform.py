"""Index form: equations written for one entry i of each vector, a matrix-vector product as a sum
over j (`h_i = \\sigma(b_i + \\sum_j U_{ij} x_j + \\sum_j W_{i,j} r_j h_j)`, the Deep Learning book).
`\\sum_j M_{ij} v_j w_j` is the matrix M times the elementwise product of the vectors v, w; then every
symbol indexed by the row letter i is the vector (b_i is b). `\\sum_n c_n h_{t,n}` is the inner product, the sum of c ⊙ h_t's entries.
A note says so, located at the first sum.
"""
from __future__ import annotations

from ..errors import replace
from . import patterns as re  # re, with the package's patterns compiled ahead (read.patterns)

from . import nodes as N
from .cellwalk import NAME, apply

_SUM = re.compile(r"^\\sum_\s*\{?\s*(?P<j>[a-z])\s*(?:=\s*[01]\s*)?\}?(?:\^\s*(?:\{[^{}]*\}|[A-Za-z0-9]))?$")  # (and its bounds)


def _parts(name: str) -> tuple[str, list[str], str]:
    m = NAME.match(name)
    sub = (m.group("sub") or "")[1:]
    parts = [p.strip() for p in sub.strip("{}").split(",")] if sub else []
    return m.group("core"), parts, m.group("sups") or ""


def _pair(name: str, j: str) -> str | None:
    """The row letter i of a matrix written M_{ij}, M_{i,j} or M_{i j} (None if it is not one)."""
    _, parts, _ = _parts(name)
    if len(parts) == 2 and parts[1] == j and len(parts[0]) == 1 and parts[0].isalpha() and parts[0] != j:
        return parts[0]
    if len(parts) == 1 and len(parts[0].replace(" ", "")) == 2 and parts[0].replace(" ", "")[1] == j:
        i = parts[0].replace(" ", "")[0]
        return i if i.isalpha() and i != j else None
    return None


def _drop(name: str, letters: set[str], pair: bool = False) -> str:
    """name without the index letters (and without a pair M_{ij} when `pair`)."""
    core, parts, sups = _parts(name)
    if pair and len(parts) == 1:
        parts = []
    kept = [p for p in parts if p not in letters]
    if kept == parts and not (pair and not parts):
        return name
    sub = ("_" + (kept[0] if len(kept) == 1 and len(kept[0]) == 1 else "{" + ",".join(kept) + "}")) if kept else ""
    return core + sub + sups


def _indexed(s: N.Symbol, letters: set[str], pair: bool = False) -> N.Symbol:
    return replace(s, name=_drop(s.name, letters, pair), text=_drop(s.text, letters, pair))


def _factors(node) -> list:
    """The factors of a chain of juxtapositions, left to right."""
    if isinstance(node, N.Binary) and node.op == "matmul" and not node.explicit:
        return _factors(node.left) + _factors(node.right)
    return [node]


def _rewrite(node, rows: set[str], spans: list, einstein: bool = False):
    """\\sum_j M_{ij} v_j ... -> M (v ⊙ ...) wherever it stands in node; with `einstein` (the text says it sums over
    a repeated index), M_{ij} v_j too."""
    def fn(n, _new):
        fs = _factors(n) if isinstance(n, N.Binary) else []
        if einstein and len(fs) >= 2 and all(isinstance(f, N.Symbol) for f in fs):
            for k in (0, len(fs) - 1):  # A_{ij} h_j, Q_{ij} r_j h_j, or h_j A_{ij}: the matrix first or last
                matrix, vectors = fs[k], fs[:k] + fs[k + 1:]
                for j in _parts(vectors[0].name)[1]:
                    i = _pair(matrix.name, j) if len(j) == 1 else None
                    if i is not None and all(j in _parts(v.name)[1] for v in vectors):
                        rows.add(i)
                        spans.append(n.span)
                        vec = _indexed(vectors[0], {j})
                        for v in vectors[1:]:
                            vec = N.Binary("hadamard", vec, _indexed(v, {j}), Span(vec.span.start, v.span.end))
                        return N.Binary("matmul", _indexed(matrix, {i, j}, pair=True), vec, n.span)
        if len(fs) < 2 or not isinstance(fs[0], N.Apply) or not isinstance(fs[0].arg, N.Symbol):
            return None
        m = _SUM.match(fs[0].func)
        i = _pair(fs[0].arg.name, m.group("j")) if m else None
        vectors = fs[1:]
        if m and i is None and len(fs) == 2 and isinstance(fs[1], N.Symbol) and _pair(fs[1].name, m.group("j")) \
                and m.group("j") in _parts(fs[0].arg.name)[1]:  # \sum_i x_i u_{ji}: the vector written first
            i, matrix, vectors = _pair(fs[1].name, m.group("j")), fs[1], [fs[0].arg]
            rows.add(i)
            spans.append(n.span)
            return N.Binary("matmul", _indexed(matrix, {i, m.group("j")}, pair=True), _indexed(vectors[0], {m.group("j")}), n.span)
        if m and i is None and len(vectors) == 1 and isinstance(vectors[0], N.Symbol) and _parts(fs[0].arg.name)[0].islower() \
                and _parts(fs[0].arg.name)[1] == [m.group("j")] and m.group("j") in _parts(vectors[0].name)[1] \
                and (len(_parts(vectors[0].name)[1]) == 2 or vectors[0].lag is not None):  # (c_n, h_{t,n}: a signal's entry at a step)
            spans.append(n.span)  # \sum_n c_n h_{t,n}: an inner product, the sum of c ⊙ h_t's entries
            rows.add("")
            c, v = _indexed(fs[0].arg, {m.group("j")}), _indexed(vectors[0], {m.group("j")})
            return N.Apply(fs[0].func, N.Binary("hadamard", c, v, Span(c.span.start, v.span.end)), n.span, fs[0].each)
        if i is None or not all(isinstance(v, N.Symbol) and m.group("j") in _parts(v.name)[1] for v in vectors):
            return None
        j = m.group("j")
        rows.add(i)
        spans.append(n.span)
        vec = _indexed(vectors[0], {j})
        for v in vectors[1:]:
            vec = N.Binary("hadamard", vec, _indexed(v, {j}), Span(vec.span.start, v.span.end))
        return N.Binary("matmul", _indexed(fs[0].arg, {i, j}, pair=True), vec, n.span)
    return N.rewrite(node, fn)


Span = N.Span


_EINSTEIN = re.compile(r"Einstein\s+(?:summation|notation|convention)|summation\s+convention|einsum", re.I)


def index_form(cell: N.Cell, notes: list[str]) -> N.Cell:
    einstein = "ins" in cell.prose and _EINSTEIN.search(cell.prose) is not None  # "using Einstein summation notation"
    if not einstein and not any(isinstance(n, N.Apply) and n.func.startswith("\\sum") for eq in cell.equations for n in N.walk(eq.rhs)):
        return cell
    rows: set[str] = set()
    spans: list = []
    eqs = tuple(replace(eq, rhs=_rewrite(eq.rhs, rows, spans, einstein), also=tuple(_rewrite(a, rows, spans, einstein) for a in eq.also))
                for eq in cell.equations)
    if not rows:
        return cell
    first = min(spans, key=lambda s: s.start)
    inner = rows == {""}
    rows.discard("")
    notes.append(f"{' '.join(cell.source.slice(first).split())} at {cell.source.where(first)}: " + (
        "a sum over an index of two vectors' entries, their inner product: read as the vectors" if inner else
        f"the equations are written for entry {'/'.join(sorted(rows))} of each vector, a sum over j a matrix-vector "
        "product" + (" (the summation convention: a repeated index summed)" if einstein else "") + ": read as the vectors"))
    # (the entries' letters are the cell's components: an entry z_j plain beside the vector \mathbf{z} bold is one
    # symbol, read.readings._fonts)
    components = tuple(sorted(set(cell.components) | rows))
    return apply(replace(cell, equations=eqs, components=components), lambda s, *_: _indexed(s, rows))
