"""Walks over a cell's symbols that the readings share: every symbol with its equation and side,
the signals defined, a symbol mapped everywhere, a name renamed part by part."""
from __future__ import annotations


from ..errors import replace
from . import nodes as N
from .names import NAME



def forget() -> None:
    """Keep no cell alive after the readings."""
    global _last, _last_defined, _last_right
    _last, _last_defined, _last_right = (None, []), (None, {}), (None, {})


def apply(cell: N.Cell, fn) -> N.Cell:
    """fn(symbol, equation index or None for a declaration, on the left side) -> symbol, everywhere."""
    eqs = []
    for i, eq in enumerate(cell.equations):
        lhs = N.map_symbols(eq.lhs, lambda s, i=i: fn(s, i, True))
        rhs = N.map_symbols(eq.rhs, lambda s, i=i: fn(s, i, False))
        also = tuple(N.map_symbols(x, lambda s, i=i: fn(s, i, False)) for x in eq.also)
        eqs.append(eq if (lhs is eq.lhs and rhs is eq.rhs and all(a is b for a, b in zip(also, eq.also)))
                   else replace(eq, lhs=lhs, rhs=rhs, also=also))
    decls = [replace(d, symbols=tuple(fn(s, None, False) for s in d.symbols)) for d in cell.declarations]
    return replace(cell, equations=tuple(eqs), declarations=tuple(decls))


def symbols(cell: N.Cell) -> list:
    """(symbol, equation index, on the left side) for every symbol of the equations. The steps ask it
    of one cell many times, and most steps hand the cell on unchanged: the list of the last cell
    asked is kept (with the cell, so that its id stays its own)."""
    global _last
    last = _last
    if last[0] is cell:
        return last[1]
    out = []
    for i, eq in enumerate(cell.equations):
        for side, left in [(eq.lhs, True), (eq.rhs, False)] + [(x, False) for x in eq.also]:
            out.extend((n, i, left) for n in N.walk(side) if isinstance(n, N.Symbol))
    _last = (cell, out)
    return out


_last: tuple = (None, [])  # (cell, its symbols), replaced as a whole


def right_nodes(cell: N.Cell, kind: type) -> list:
    """The nodes of one kind (N.Binary, N.Apply, ...: no node kind is subclassed) on the equations' right sides
    (each equation's rhs, then its also), in the order N.walk lists them: what a step that looks for one kind
    of node would meet, without meeting the others. Kept for the last cell asked, as `symbols` is."""
    global _last_right
    if _last_right[0] is not cell:
        kinds: dict[type, list] = {}
        for eq in cell.equations:
            for side in (eq.rhs,) + eq.also:
                for n in N.walk(side):
                    found = kinds.get(n.__class__)
                    if found is None:
                        kinds[n.__class__] = [n]
                    else:
                        found.append(n)
        _last_right = (cell, kinds)
    return _last_right[1].get(kind, [])


_last_right: tuple = (None, {})  # (cell, its right sides' nodes by kind)


def defined(cell: N.Cell) -> dict[str, int]:
    """The signals the equations define: name -> the index of the first equation defining it (kept
    for the last cell asked, as `symbols` is; a copy, the caller's to change)."""
    global _last_defined
    if _last_defined[0] is cell:
        return dict(_last_defined[1])
    out: dict[str, int] = {}
    for eq_index, eq in enumerate(cell.equations):
        for s in N.walk(eq.lhs):
            if isinstance(s, N.Symbol):
                out.setdefault(s.name, eq_index)
    _last_defined = (cell, out)
    return dict(out)


_last_defined: tuple = (None, {})


def rename(name: str, core=None, drop_sub: str | None = None) -> str:
    """A name with its core replaced (core(old) -> new) and a subscript part dropped."""
    m = NAME.match(name)
    c, sub, sups = m.group("core"), m.group("sub") or "", m.group("sups") or ""
    if core is not None:
        c = core(c)
    if drop_sub is not None and sub:
        parts = [p for p in sub[1:].strip("{}").split(",") if p != drop_sub]
        sub = ("_" + (parts[0] if len(parts) == 1 and len(parts[0]) == 1 else "{" + ",".join(parts) + "}")) if parts else ""
    return c + sub + sups
