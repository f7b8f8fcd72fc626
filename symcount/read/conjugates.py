"""Conjugates of what a text declares complex (`\\lambda \\in \\mathbb{C}^N`): `\\bar{\\lambda}`,
`\\overline{\\lambda}` and `\\lambda^{*}` are \\lambda conjugated, `C^H` and `C^\\dagger` are C
conjugated and transposed: the same parameters, so they are read as the declared symbol (a
transpose for H and \\dagger). `C^{*}` is the conjugate of a vector or the adjoint of a matrix: a
choice whose readings differ only in shape (a reading that does not fit the equations is pruned).
A text that declares nothing complex keeps these names as they are (`\\bar{x}` may be a mean, `W^H`
a weight named H), and so does one that defines the name by an equation of its own (S4's
discretised `\\overline{A} = \\exp(\\Delta A)`)."""
from __future__ import annotations

from ..errors import replace
from . import patterns as re  # re, with the package's patterns compiled ahead (read.patterns)

from . import nodes as N
from .cellwalk import apply, defined
from .choices import Choice, current, key

_BAR = re.compile(r"^\\(?:bar|overline)\{(?P<base>.+)\}$")
_STAR = re.compile(r"^(?P<base>.+?)\^(?:\*|\{\*\}|\\ast|\{\\ast\})$")
_ADJOINT = re.compile(r"^(?P<base>.+?)\^(?:H|\{H\}|\\dagger|\{\\dagger\})$")


def conjugates(cell: N.Cell, notes: list[str]) -> N.Cell:
    complex_ = {s.name for d in cell.declarations if d.field == "complex" for s in d.symbols}
    if not complex_:
        return cell
    said: set[str] = set()
    own = set(defined(cell))  # \overline{A} = \exp(\Delta A): a quantity of its own, not A's conjugate

    def fn(s: N.Symbol, i, left):
        if i is None or s.name in own:  # a declaration names the symbol itself
            return s
        for pattern, how in ((_BAR, "conjugate"), (_ADJOINT, "adjoint"), (_STAR, None)):
            m = pattern.match(s.name)
            if m is None or m.group("base") not in complex_:
                continue
            base = m.group("base")
            if how is None:
                how = current().pick(Choice(key(s.name), ("conjugate", "adjoint"), cell.source.where(s.span),
                                            f"{s.text} the conjugate or the adjoint (conjugate transpose) of {base}"))
            if s.name not in said:
                said.add(s.name)
                notes.append(f"{s.text} at {cell.source.where(s.span)} reads as the {how} of {base}, declared "
                             "complex: the same parameters")
            sym = replace(s, name=base, text=base)
            return sym if how == "conjugate" else N.Transpose(sym, s.span)
        return s
    return apply(cell, fn)
