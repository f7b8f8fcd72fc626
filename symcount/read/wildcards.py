"""A declaration of a pattern of names, `W^{x\\star} \\in \\mathbb{R}^{d_{in} \\times d_h}`, `W_\\ast \\in ...`,
`U_{\\bullet}`: a wildcard in an index (\\star, \\ast, *, \\bullet, \\square) stands for any index the
equations write, so the declaration is of every weight so named (W^{xi}, W^{xf}, ...); and a list in an index,
`r_{z,i,f,o} \\in \\mathbb{R}`, of each name it lists. Steps of read.readings; a pattern no equation's name
matches declares nothing and is said in a note."""
from __future__ import annotations

from ..errors import replace
from . import nodes as N
from . import patterns as re  # re, with the package's patterns compiled ahead (read.patterns)
from .cellwalk import symbols

_WILD = re.compile(r"\\(?:star|ast|bullet|square)(?![A-Za-z])\s*|\*")
_CONJUGATE = re.compile(r"\^(?:\*|\{\s*(?:\*|\\ast|\\star)\s*\})$")  # W^*: a conjugate (read.conjugates), no pattern


def wildcard_declarations(cell: N.Cell, notes: list[str]) -> N.Cell:
    if not any(_WILD.search(s.name) for d in cell.declarations for s in d.symbols):
        return cell
    used: dict[str, N.Symbol] = {}
    for s, _, _ in symbols(cell):
        if s.lag is None:
            used.setdefault(s.name, s)
    out = []
    for d in cell.declarations:
        named: list[N.Symbol] = []
        for s in d.symbols:
            if not _WILD.search(s.name) or s.name in used or _CONJUGATE.search(s.name):
                named.append(s)
                continue
            pattern = re.compile("[^{}^_]+".join(re.escape(part) for part in _WILD.split(_unbraced(s.name))))
            found = [x for name, x in used.items() if pattern.fullmatch(_unbraced(name)) and not _WILD.search(name)]
            if not found:
                notes.append(f"{s.text} at {cell.source.where(s.span)} names a pattern no equation's weight matches: "
                             "it declares nothing")
                continue
            notes.append(f"{s.text} at {cell.source.where(s.span)} declares every weight so named: "
                         f"{', '.join(x.text for x in found)}")
            named += [replace(x, span=s.span) for x in found]
        if named:
            out.append(replace(d, symbols=tuple(named), transposed=tuple(d.transposed[:1]) * len(named)
                               if d.transposed else ()))
    return replace(cell, declarations=tuple(out))


def _unbraced(name: str) -> str:
    """W_{xi} as W_xi, W_{*} (stored W_*) as W_*: a name and a pattern compared without their braces."""
    return name.replace("{", "").replace("}", "")


_LISTED = re.compile(r"(?P<core>.+?)_\{(?P<list>[A-Za-z](?:\s*,\s*[A-Za-z])+)\}(?P<rest>.*)")


def listed_declarations(cell: N.Cell, notes: list[str]) -> N.Cell:
    """`r_{z,i,f,o} \\in \\mathbb{R}`, `\\mathbf{w}_{z,i,f,o} \\in \\mathbb{R}^n` (xLSTM's notes): an index that lists
    gates' letters declares each name it lists that the equations write (r_z, r_i, ...), with a note."""
    if not any("," in s.name and _LISTED.fullmatch(s.name) for d in cell.declarations for s in d.symbols):
        return cell
    used: dict[str, N.Symbol] = {}
    for s, _, _ in symbols(cell):
        used.setdefault(_unbraced(s.name), s)
    out = []
    for d in cell.declarations:
        named: list[N.Symbol] = []
        for s in d.symbols:
            m = _LISTED.fullmatch(s.name) if "," in s.name and s.name not in used else None
            found = [] if m is None else [used[n] for n in (_unbraced(f"{m.group('core')}_{x.strip()}{m.group('rest')}")
                                                            for x in m.group("list").split(",")) if n in used]
            if not found or len(found) != len(m.group("list").split(",")):  # (b_{z,j}: an entry of b_z, no list)
                named.append(s)
                continue
            notes.append(f"{s.text} at {cell.source.where(s.span)} lists its index: it declares "
                         f"{', '.join(x.text for x in found)}")
            named += [replace(x, span=s.span, font=s.font) for x in found]
        out.append(replace(d, symbols=tuple(named), transposed=tuple(d.transposed[:1]) * len(named)
                           if d.transposed else ()))
    return replace(cell, declarations=tuple(out))


def family_declarations(cell: N.Cell, notes: list[str]) -> N.Cell:
    """`$\\mathbf{p} \\in \\mathbb{R}^{n_h}$ are peephole weights` beside equations that write p_i, p_f, p_o and
    never a bare p: a vector's size declared for the family (each p with a subscript or a superscript, U^f, in the same font, that no
    declaration of its own gives), with a note. A matrix's too (`W \\in R^{h \\times d}` beside W_f, W_i): its
    orientation against each use is not said, so where the equations do not fit it, shapes.retries sets it aside."""
    bare = [(d, s) for d in cell.declarations if len(d.symbols) == 1
            and d.rows is not None and not d.more for s in d.symbols if s.lag is None and "_" not in s.name and "^" not in s.name]
    if not bare:
        return cell
    used: dict[str, N.Symbol] = {}
    for s, _, _ in symbols(cell):
        used.setdefault(s.name, s)
    declared = {s.name for d in cell.declarations for s in d.symbols}
    out = list(cell.declarations)
    for d, s in bare:
        if s.name in used:
            continue
        family = [x for name, x in used.items() if name[:len(s.name) + 1] in (s.name + "_", s.name + "^") and x.lag is None
                  and name not in declared and x.font == s.font and not re.search(r"[_^]", name[len(s.name) + 1:])]  # (W_f, U^f)
        if len(family) < 2:
            continue
        matrix = d.cols is not None and not d.cols.lin.is_one  # (its orientation not said: shapes.retries sets it aside)
        out.append(replace(d, symbols=tuple(replace(x, span=s.span) for x in family), transposed=(),
                           origin="family" if matrix else d.origin))
        index = "a superscript" if family[0].name[len(s.name)] == "^" else "a subscript"
        notes.append(f"{s.text} at {cell.source.where(s.span)} declares the size of every {s.text} with {index}: "
                     f"{', '.join(x.text for x in family)}")
    return replace(cell, declarations=tuple(out))
