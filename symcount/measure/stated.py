"""The count the text states for its cell (read.statedcount), against the count of its equations: the same
polynomial under one naming of the sizes (the text's `h` and `d` for symcount's d_h and d_x) names them as
the text does; among readings whose counts differ, the ones that give the stated count are counted. A
count the text states is never what is printed: it only picks among what the equations allow."""
from __future__ import annotations

from itertools import permutations

from ..read import nodes as N
from ..read import patterns as re  # re, with the package's patterns compiled ahead (read.patterns)
from . import poly as P

MAX_SIZES = 6  # sizes matched: at most 720 namings tried


def poly(node) -> P.Poly | None:
    """The polynomial a formula of sizes writes (read.statedcount checked its kinds), or None."""
    if isinstance(node, N.Number):
        return P.const(int(node.value))
    if isinstance(node, N.Symbol):
        name, _, power = node.name.partition("^")
        power = power.strip("{}")
        return P.var(plain(name)) if not power else {((plain(name), int(power)),): 1} if power.isdigit() else None
    if isinstance(node, N.Neg):
        inner = poly(node.arg)
        return None if inner is None else P.scale(inner, -1)
    if isinstance(node, N.Binary):
        left, right = poly(node.left), poly(node.right)
        if left is None or right is None:
            return None
        return P.add(left, P.scale(right, -1)) if node.op == "sub" else P.add(left, right) if node.op == "add" \
            else P.mul(left, right)
    return None


def plain(name: str) -> str:
    """A size's name without its braces (d_{in}: d_in), as counts and formulas are compared."""
    return re.sub(r"[{}\s]", "", name)


def names_of(p: P.Poly) -> set[str]:
    return {n for mono in p for n, _ in mono}


def namings(total: P.Poly, stated: P.Poly, own: set[str]) -> list[dict[str, str]]:
    """Each renaming of the count's sizes to the formula's (a bijection; a size the text names itself, in
    `own`, keeps its name) under which the two are the same polynomial."""
    ours = sorted(names_of(total))
    theirs = sorted(names_of(stated))
    if len(ours) != len(theirs) or len(ours) > MAX_SIZES:
        return []
    out = []
    for image in permutations(theirs):
        rename = dict(zip(ours, image))
        if any(plain(a) in own and plain(a) != b for a, b in rename.items()):
            continue
        if _renamed(total, rename) == stated:
            out.append(rename)
    return out


def _renamed(p: P.Poly, rename: dict[str, str]) -> P.Poly:
    out: P.Poly = {}
    for mono, k in p.items():
        key = tuple(sorted((rename[n], e) for n, e in mono))
        out[key] = out.get(key, 0) + k
    return {m: k for m, k in out.items() if k}


def matching(total: P.Poly, stated: tuple, own: set[str]) -> tuple[object, dict[str, str]] | None:
    """The first formula the count gives, with the renaming (the only one it has; several: an empty one)."""
    for s in stated:
        p = poly(s.formula)
        if p is None:
            continue
        found = namings(total, p, own)
        if found:
            return s, (found[0] if len(found) == 1 else {})
    return None


def where(cell: N.Cell, s) -> str:
    return f"{' '.join(cell.source.slice(s.span).split())} at {cell.source.where(s.span)}"


def against(cell: N.Cell, totals: list, own: list[set[str]], parts: list | None = None, settled=None) -> tuple[list[int], str]:
    """Which of the readings' counts (`totals`, each with the sizes the text names itself) the text's stated
    count picks, and a note: those that give it where some do and some do not; all of them otherwise. A count
    the text states in a sentence of parameters that no reading gives, nor a part of one (`parts`: each
    reading's counts of its first equations, and of each equation), is refused: the equations were misread, or
    the count is another cell's (`--read stated=equations` counts the equations as read)."""
    found = [matching(t, cell.stated, o) for t, o in zip(totals, own)]
    hits = [i for i, f in enumerate(found) if f is not None]
    if hits and len(hits) == len(totals):
        return hits, f"the count is the one the text states, {where(cell, found[0][0])}"
    picking = tuple(s for s in cell.stated if s.picks)  # (only a total right after the equations, naming no cell, picks)
    picked = [i for i in hits if matching(totals[i], picking, own[i]) is not None]
    if picked:
        return picked, (f"the text states its count, {where(cell, found[picked[0]][0])}: of the readings it allows, the "
                        "ones that give that count are counted")
    if hits:
        return list(range(len(totals))), ""  # (some reading gives it, but the text does not say it is the total)
    said = next((s for s in cell.stated if s.said), None) if all(names_of(t) for t in totals) else None  # (numbers: not compared)
    if said is None:
        return list(range(len(totals))), ""
    told = tuple(s for s in cell.stated if s.said)
    part = any(matching(p, told, o) is not None for ps, o in zip(parts or [], own) for p in ps)
    if not part and (settled or {}).get("stated") != "equations" and parts is not None:
        from ..errors import ShapeError
        raise ShapeError(f"the text states its count, {where(cell, said)}, and no reading of its equations gives it, "
                         f"nor a part of them (they give {P.to_str(totals[0])}): an equation misread, or the count of "
                         "another cell", source=cell.source, span=said.span,
                         hint="check how the equations were read (symcount explain), or add --read stated=equations to "
                              "count the equations as read")
    return list(range(len(totals))), (
        f"the text writes a count, {where(cell, said)}, that the equations as read do not give ("
        + ("it counts a part of the cell)" if part else "--read stated=equations: counted as read)"))


def declarations(shapes, rename: dict[str, str], s) -> tuple[N.Declaration, ...] | None:
    """The signals whose sizes a renaming names, declared with the text's names (at the stated count), or None
    where a size renamed is no signal's own."""
    cell = shapes.cell
    out = []
    for ours, theirs in rename.items():
        if ours == theirs:
            continue
        sig = next((g for g in shapes.signals if not g.dim.const and g.dim.terms == ((ours, 1),)), None)
        sym = None if sig is None else next((x for eq in cell.equations for side in (eq.lhs, eq.rhs) + eq.also
                                            for x in N.walk(side) if isinstance(x, N.Symbol) and x.name == sig.name), None)
        if sym is None:
            return None
        size = N.Size(N.Lin(((theirs, 1),), 0), s.span)
        out.append(N.Declaration((sym,), size, N.Size(N.Lin((), 1), s.span), s.span, (), (False,), origin="reading"))
    return tuple(out)
