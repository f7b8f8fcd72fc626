"""A parameter seen only through a function and written before what it scales, `h_t = sigmoid(b) *
h_{t-1} + ...` (or after it, `(q_t \\circ k_t) \\cdot \\sqrt{d}`): one number, or a vector multiplied entry by entry. The prose settles it ("b, the
update scalar"); else both readings are asked (read.choices, `--read b=scalar`), each said in a note.
A lower-case Greek letter there (FastRNN's sigmoid(beta)) is one number by convention, learned or
constant (shapes.roles). Cell -> Cell."""
from __future__ import annotations

from ..errors import replace
from . import nodes as N
from . import patterns as re  # re, with the package's patterns compiled ahead (read.patterns)
from .cellwalk import right_nodes, symbols
from .cellwalk import defined as defined_at
from .choices import Choice, current, key
from .names import GREEK
from .words import kind

_PRODUCTS = ("matmul", "star", "hadamard")
_LOWER_GREEK = frozenset("\\" + g for g in GREEK if g[0].islower())


def applied_coefficients(cell: N.Cell, notes: list[str]) -> N.Cell:
    found = _coefficients(cell)
    if not found:
        return cell
    scalars: list[N.Symbol] = []
    vectors: set[str] = set()
    for name, s in found.items():
        where = cell.source.where(s.span)
        said = _said_scalar(cell.source.text, s.text)
        if said or current().pick(Choice(key(name), ("scalar", "vector"), where,
                                         f"{s.text} through a function before what it scales: one number, or a vector "
                                         "entry by entry")) == "scalar":
            scalars.append(s)
            notes.append(f"{s.text} at {where} is one number" + (", as the prose says" if said else
                                                                 f" (--read '{key(name)}=vector' reads a vector)"))
        else:
            vectors.add(name)
            notes.append(f"{s.text} at {where} is a vector multiplied entry by entry (--read '{key(name)}=scalar' "
                         "reads one number)")
    declared = tuple(N.Declaration((s,), None, None, s.span) for s in scalars)

    def one(n, new):
        if isinstance(n, N.Binary) and n.op in _PRODUCTS and (_coefficient(n.left) in vectors or _coefficient(n.right) in vectors):
            return N.Binary("hadamard", new(n.left), new(n.right), n.span)
        return None
    eqs = tuple(replace(eq, rhs=N.rewrite(eq.rhs, one), also=tuple(N.rewrite(x, one) for x in eq.also))
                for eq in cell.equations) if vectors else cell.equations
    return replace(cell, equations=eqs, declarations=cell.declarations + declared)


def _coefficient(n) -> str | None:
    return (n.arg.name if isinstance(n, N.Apply) and not n.each and isinstance(n.arg, N.Symbol) and n.arg.lag is None
            and kind(n.func) == "activation" and not is_size_root(n) else None)  # not diag(u), which sets u on a diagonal;
    # not \sqrt{d_k}, a size's root (shapes.constants: a count)


def _coefficients(cell: N.Cell) -> dict[str, N.Symbol]:
    """The parameters used only as f(p) before a product, by name (the first use)."""
    if not any(n.op in _PRODUCTS and (_coefficient(n.left) or _coefficient(n.right)) for n in right_nodes(cell, N.Binary)):
        return {}
    defined = set(defined_at(cell))
    declared = {s.name for d in cell.declarations for s in d.symbols}
    first: dict[str, N.Symbol] = {}
    coefficient: dict[str, int] = {}
    for eq in cell.equations:
        for side in (eq.rhs, *eq.also):
            for n in N.walk(side):
                for x in (n.left, n.right) if isinstance(n, N.Binary) and n.op in _PRODUCTS else ():
                    name = _coefficient(x)  # before what it scales, or after it: (q_t \circ k_t) \cdot \sqrt{d}
                    if name and name not in defined and name not in declared:
                        coefficient[name] = coefficient.get(name, 0) + 1
                        first.setdefault(name, x.arg)
    uses: dict[str, int] = {}
    for s, _, _ in symbols(cell):
        if s.name in coefficient:
            uses[s.name] = uses.get(s.name, 0) + 1
    # a lower-case Greek letter is one number by the convention shapes.roles reads (learned or constant)
    return {n: first[n] for n in coefficient if uses.get(n) == coefficient[n] and n not in _LOWER_GREEK}


def _said_scalar(text: str, name: str) -> bool:
    """"alpha, the update scalar", "$\\beta$ is a scalar": the prose says the name is one number."""
    plain = re.escape(name)
    return re.search(rf"(?<![\w\\]){plain}(?![\w])[^.\n$]{{0,40}}?\bscalars?\b(?!\s*(?:multipl|product|times))", text) is not None


def is_size_root(n) -> bool:
    """\\sqrt{d_k}, \\sqrt{d}, \\sqrt{N}: the root of a symbol named as a size (d or D, n or N, with or without
    a subscript): the scale attention writes, a number, not a weight."""
    return (isinstance(n, N.Apply) and n.func.strip() == "\\sqrt" and isinstance(n.arg, N.Symbol) and n.arg.lag is None
            and n.arg.name.split("_")[0] in ("d", "D", "n", "N") and not n.arg.font)
