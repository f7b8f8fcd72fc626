"""A letter in two fonts: `\\mathbf{r}_t` and `r_t` with different roles are two symbols (a choice), with one role one symbol
written two ways; a calligraphic letter another letter; an equation set in one font throughout, its letters the plain
ones of the other equations (read.readings' step)."""
from __future__ import annotations

from ..errors import replace
from . import nodes as N
from .cellwalk import apply, rename, symbols
from .choices import Choice, current, key

_FONT_TEX = {"bold": "\\mathbf", "cal": "\\mathcal", "frak": "\\mathfrak", "bb": "\\mathbb"}


def _styled(cell: N.Cell, notes: list[str]) -> N.Cell:
    """An equation whose every letter is in one font (`\\boldsymbol{c}_{t}=\\boldsymbol{f} \\odot \\boldsymbol{c}_{t-1}+...`) beside
    equations that write its letters plain: the font is how that line is set, not another symbol; read plain."""
    by_eq: dict[int, set] = {}
    for s, i, _ in symbols(cell):
        by_eq.setdefault(i, set()).add((s.name, s.font))
    plain = {n for found in by_eq.values() for n, f in found if not f}
    styled = {i for i, found in by_eq.items() if len({f for _, f in found}) == 1 and next(iter(found))[1]
              and len(found) >= 3 and {n for n, _ in found} & plain
              and not any(n in {m for m, _ in found} and f for j, other in by_eq.items() if j != i for n, f in other)}
    # (only where no other equation writes those letters in a font: bold in several is the text's convention)
    if not styled:
        return cell
    first = cell.equations[min(styled)]
    notes.append(f"the equation of {cell.source.slice(first.lhs.span)} at {cell.source.where(first.span)} is set in one font "
                 "throughout: its letters read as the plain ones of the other equations")
    return apply(cell, lambda s, i, left: replace(s, font="") if i in styled and s.font else s)


def fonts(cell: N.Cell, notes: list[str]) -> N.Cell:
    """A letter in two fonts (\\mathbf{r}_t and r_t) with different roles (one is defined by an
    equation, the other never) is two symbols: the bold one is renamed. With one role (W_i and
    \\mathbf{W}_i, both weights), one symbol written two ways."""
    if not any(s.font for s, _, _ in symbols(cell)) and not any(s.font for d in cell.declarations for s in d.symbols):
        return cell  # one font throughout (none): nothing to split, rename or note
    cell = _styled(cell, notes)
    fonts, left, lagged = {}, {}, {}  # name -> its fonts: everywhere but at a step before, on a left side, at a step before
    for s, _, on_left in symbols(cell):
        if s.lag is not None and s.lag > 0:
            lagged.setdefault(s.name, set()).add(s.font)
            continue  # h^{t-1} in plain and \mathbf{h}^t in bold: the previous value is the same signal
        fonts.setdefault(s.name, set()).add(s.font)
        if on_left:
            left.setdefault(s.name, set()).add(s.font)
    # two symbols only where the font never defined is never read at a step before either: h_{t-1} plain and
    # \mathbf{h}_t = ... bold is the state and its update (no equation would update a plain h)
    split = {n for n, f in fonts.items() if len(f) > 1 and n in left and left[n] != f
             and not (f - left[n]) & lagged.get(n, set())}
    if cell.components:
        split = set()  # entries r_j and vectors \mathbf{r}: one signal
    lettered = {n for n, f in fonts.items() if len(f) > 1 and f & {"cal", "frak"}}  # \mathcal{W} beside W: another letter
    split |= lettered
    bold_first: dict[str, N.Symbol] = {}
    for s, _, _ in symbols(cell):
        if s.font:
            bold_first.setdefault(s.name, s)
    for n in sorted(n for n, f in fonts.items() if len(f) > 1):
        where = bold_first[n]
        shown = f"{_FONT_TEX.get(where.font, '')}{{{n}}} and {n} at {cell.source.where(where.span)}"
        if n in split and n not in lettered and current().pick(Choice(key(f"{n}-fonts"), ("two", "one"), cell.source.where(where.span),
                                                f"{shown}: one defined by an equation, the other never: two symbols or one")) == "one":
            split.discard(n)
        notes.append(f"{shown}: " + ("a calligraphic letter is another letter: two symbols" if n in lettered else
                                     "one is defined by an equation, the other never: read as two symbols" if n in split
                                     else "read as one symbol written in two fonts"))

    def fn(s: N.Symbol, i, left):
        if i is None and s.name in fonts and s.font not in fonts[s.name] and len(fonts[s.name]) == 1:
            return replace(s, font=next(iter(fonts[s.name])))  # a declaration in another font: the same symbol
        if s.name not in split or not s.font:
            return s
        wrap = lambda c: f"{_FONT_TEX.get(s.font, '')}{{{c}}}"  # noqa: E731
        return replace(s, name=rename(s.name, wrap), text=rename(s.text, wrap))
    if not split and not any(s.name in fonts and s.font not in fonts[s.name] and len(fonts[s.name]) == 1
                             for d in cell.declarations for s in d.symbols):
        return cell  # nothing to rename: no walk
    return apply(cell, fn)
