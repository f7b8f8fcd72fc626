"""`\\vec{h}_{t-1}` and `h_t` in one cell: the arrow marks a vector, it names no other quantity (unlike
a tilde or a hat, which mark a candidate or an estimate), so `\\vec{h}` is h. Read as one symbol, with a
note, unless the text defines both by equations of their own (then they are two quantities)."""
from __future__ import annotations

from ..errors import replace
from . import nodes as N
from . import patterns as re  # re, with the package's patterns compiled ahead (read.patterns)
from .cellwalk import apply, defined, symbols

_ARROW = re.compile(r"\\vec\{([^{}]+)\}")  # not \overrightarrow: a direction of a bidirectional layer


def vector_arrows(cell: N.Cell, notes: list[str]) -> N.Cell:
    arrowed = {s.name for s, _, _ in symbols(cell) if "\\vec{" in s.name}
    if not arrowed:
        return cell
    own = defined(cell)
    plain = {name: _ARROW.sub(r"\1", name) for name in arrowed}
    keep = {name for name, bare in plain.items() if name in own and bare in own}  # both defined: two
    said: set[str] = set()

    def fn(s: N.Symbol, i, left):
        if s.name not in plain or s.name in keep:
            return s
        if s.name not in said:
            said.add(s.name)
            notes.append(f"{s.text} at {cell.source.where(s.span)}: the arrow marks a vector: read as "
                         f"{plain[s.name]}")
        return replace(s, name=plain[s.name], text=_ARROW.sub(r"\1", s.text))
    return apply(cell, fn)


_DIRECTED = re.compile(r"\\over(right|left)arrow\{([^{}]+)\}")


def unmarked_directions(cell: N.Cell, notes: list[str]) -> N.Cell:
    """`\\overrightarrow{a}_t = g(W [a_{t-1}, x_t] + b)` and `\\overleftarrow{a}_t = g(W' [a_{t+1}, x_t] + b')`: the
    plain letter at the step before (after) in a direction's own equation, a letter no equation defines, is that
    direction's state (the arrow left off inside): read so, with a note."""
    own = defined(cell)
    lefts = {i: m for i, eq in enumerate(cell.equations) if isinstance(eq.lhs, N.Symbol)
             for m in [_DIRECTED.fullmatch(eq.lhs.name)] if m and eq.lhs.name in own}
    if not lefts:
        return cell
    said: set[str] = set()

    def fn(s: N.Symbol, i, left):
        m = lefts.get(i)
        if m is None or left or s.name != m.group(2) or s.name in own or s.lag is None \
                or s.lag != (1 if m.group(1) == "right" else -1):
            return s
        name = f"\\over{m.group(1)}arrow{{{s.name}}}"
        if name not in said:
            said.add(name)
            notes.append(f"{s.text} at {cell.source.where(s.span)} in {name}'s own equation, a letter no equation defines: "
                         f"read as {name} (the arrow left off)")
        return replace(s, name=name, text=f"{name}{s.text[len(s.name):]}" if s.text.startswith(s.name) else name)
    return apply(cell, fn)
