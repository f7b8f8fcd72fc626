"""Weights the prose calls vectors that the equations write as a matrix times a signal ("where $u_f$ is a vector"
beside `u_f h_{t-1}`): a vector times a vector entry by entry (a diagonal matrix), or the matrix the product writes.
shapes.roles asks both readings; where their counts differ the text is refused with both, never one counted silently."""
from __future__ import annotations

from ..read import nodes as N
from ..read import patterns as re  # re, with the package's patterns compiled ahead (read.patterns)
from ..read.glossary import plain

# "$u_f$ is a vector", "$u_z$, $u_r$ and $u_h$ are learnable vectors", "$w$ is a $d$-dimensional weight vector", "$u$ is the
# recurrent weight vector" (never "a matrix times a vector")
_CALLED = re.compile(r"((?:\$[^$]{1,30}\$[ \t]*(?:,|\band\b|\bor\b)?[ \t]*)+)(?:is|are)\s+(?:an?\s+|the\s+|some\s+)?"
                     r"(?:(?!matri|tensor|product|times|mult|(?:and|or|not|but|to|of|for|on|by|with|from|applied)\b)"
                     r"(?:\$[^$]{1,12}\$-dimensional|[\w-]+)\s+){0,3}vectors?\b(?!['’])(?P<rest>[^.;\n]*)", re.I)


def said_vectors(prose: str) -> set[str]:
    """The names (plain) the prose calls vectors."""
    said: set[str] = set()
    for m in _CALLED.finditer(prose) if "ector" in prose else ():
        names = [plain(p) for p in re.split(r"\$|,|\band\b|\bor\b", m.group(1)) if p.strip()]
        if len(names) > 1 and re.match(r"\s+and\s+(?:the\s+|an?\s+)?(?:[\w-]+\s+){0,3}matri", m.group("rest"), re.I):
            continue  # ("$b$ and $U$ are the bias vector and the recurrent matrix, respectively": one each)
        said.update(names)
    return said


def called_vectors(cell: N.Cell, weights: set[str]) -> set[str]:
    """The weights written before a signal as a product (`u_f h_{t-1}`, never transposed) that the prose calls vectors."""
    said = said_vectors(cell.prose)
    if not said:
        return set()
    return {n.left.name for eq in cell.equations for n in N.walk(eq.rhs)
            if isinstance(n, N.Binary) and n.op == "matmul" and isinstance(n.left, N.Symbol) and n.left.lag is None
            and n.left.name in weights and plain(n.left.name) in said and not (isinstance(n.right, N.Symbol) and n.right.name in weights)}
