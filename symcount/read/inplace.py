"""A dropout mask applied in place before the step, `h_{t-1} = h_{t-1} * m_h, \\, x_t = x_t * m_x`: the signal times
names that no other equation writes, in a text that speaks of a mask or of dropout (in any of the languages read:
"m обозначает маску дропаута"). The masks are sampled, not learned, and the equation is no step of the cell: dropped,
with a note. Where the prose says nothing of a mask, the equation stays (and is refused as a left side not at t).
A step of read.readings."""
from __future__ import annotations

from ..errors import replace
from . import nodes as N
from . import patterns as re  # re, with the package's patterns compiled ahead (read.patterns)
from .cellwalk import symbols

_MASK_WORDS = re.compile(r"\bmasks?\b|\bdropout\b|маск|дропаут|掩码|掩碼|マスク|ドロップアウト|마스크|드롭아웃|\bmasque|\bmáscara|\bmaschera|\bMaske", re.I)
# a mask's name: m, m_h, M_x, mask, \mathbf{m} (not a learned scale \gamma or s the text may call learned)
_MASK_NAME = re.compile(r"(?:\\[A-Za-z]+\{)?(?:m|M|mask)(?:\}|_|\^|$)")


def _factors(node) -> list | None:
    """The factors of a product written with * or ⊙ (an entry-by-entry mask; not side by side, as a projection
    `h_t = W_{hr} h_t` is), or None where node is no such product."""
    if not (isinstance(node, N.Binary) and node.op in ("star", "hadamard")):
        return None
    out = []
    for side in (node.left, node.right):
        inner = _factors(side)
        out.extend(inner if inner is not None else [side])
    return out


def in_place_masks(cell: N.Cell, notes: list[str]) -> N.Cell:
    """The cell without its equations that apply a dropout mask in place (each said in a note)."""
    if len(cell.equations) < 2 or not _MASK_WORDS.search(cell.prose or ""):
        return cell
    used: dict[str, set[int]] = {}
    for s, i, _ in symbols(cell):
        used.setdefault(s.name, set()).add(i)
    dropped = []
    for i, eq in enumerate(cell.equations):
        factors = _factors(eq.rhs) if isinstance(eq.lhs, N.Symbol) and not eq.also else None
        if not factors or len(factors) < 2 or not all(isinstance(f, N.Symbol) for f in factors):
            continue
        own = [f for f in factors if f.name == eq.lhs.name and f.lag == eq.lhs.lag]
        others = [f for f in factors if f not in own]
        if len(own) == 1 and others and all(used[f.name] == {i} and f.lag is None and _MASK_NAME.match(f.name)
                                            for f in others):
            dropped.append(i)
            notes.append(f"{' '.join(cell.source.slice(eq.span).split())} at {cell.source.where(eq.span)}: a dropout "
                         f"mask ({', '.join(f.text for f in others)}) applied to {eq.lhs.text} in place, as the prose "
                         "says: sampled, not learned, and no step of the cell (not counted)")
    if not dropped or len(dropped) == len(cell.equations):
        return cell
    return replace(cell, equations=tuple(eq for i, eq in enumerate(cell.equations) if i not in dropped))
