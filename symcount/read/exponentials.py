"""Euler's number to a power: `e^{u + k_t}`, `e^{-(t-1-i)w + k_i}` (RWKV's notes), `e^{\\Delta A}` is
\\exp of the exponent, entry by entry, as `\\exp(u + k_t)` is. The grammar reads a superscript as a
name's index (h^{(t)}, W^{xh}); a step of read.readings reads it again as an expression where the
name is a plain `e` and the superscript is no index: an operator, or a name of the cell's. A power
of e whose exponent does not read as an expression stays a name (and its reading is said).

Another letter to a power whose exponent holds a signal of the cell at a step (Griffin's RG-LRU,
`a_t = a^{c r_t}`) is that power entry by entry, read as `\\exp(c r_t \\odot \\log a)` (the same
numbers): `h^{t-1}`, `W^{(l)}` and `W^{xh}` hold no such signal and stay indices. A capital letter the cell
uses plainly, to a power that is a step's length (`C A^{\\Delta t} B`, a kernel written from the SSM's matrices): that
matrix's power, its entries A's (read as A, with a note)."""
from __future__ import annotations

from ..errors import ParseError, replace
from . import nodes as N
from . import patterns as re  # re, with the package's patterns compiled ahead (read.patterns)
from .cellwalk import apply, symbols
from .grammar import BadInput
from .lalr import UnexpectedInput
from .parse import read

_EULER = re.compile(r"e\s*\^\s*\{(?P<x>.*)\}\s*", re.S)  # the source's text of the symbol
_BOLD = r"(?:\\(?:mathbf|boldsymbol|bm)\s*\{\s*)"
_POWER = re.compile(r"(?P<base>" + _BOLD + r"?\\?[A-Za-z]+\s*\}?)\s*\^\s*\{(?P<x>.*)\}\s*", re.S)  # a^{c r_t}, \mathbf{a}^{c \mathbf{r}_t}
_TIMED = re.compile(r"(?:(?<![A-Za-z\\])|(?<=\{))(?P<name>[A-Za-z])\}?_\{?t\}?(?![A-Za-z0-9])")  # r_t (\mathbf{r}_t) in the exponent
_OPERATOR = re.compile(r"[-+*/]|\\cdot|\\odot")  # an exponent that computes: no index
_STEP_POWER = re.compile(r"(?P<base>[A-Z])\s*\^\s*\{\s*\\Delta\s*(?:t|k|s|\\tau)\s*\}\s*")  # A^{\Delta t}
_CAPITAL_BEFORE = re.compile(r"(?<![A-Za-z\\])[A-Z]\s*$")
_CAPITAL_AFTER = re.compile(r"\s*[A-Z](?![A-Za-z])")
_NAME = re.compile(r"\\?[A-Za-z]+(?:_\{?[A-Za-z0-9]+\}?)?")  # a name in the exponent (k_t: the cell's k)
_SUM_LETTERS = re.compile(r"\\sum_\{?\s*([A-Za-z])\s*=")
_BOUND_LETTERS = re.compile(r"\\sum_(?:\{[^{}]*\}|[A-Za-z0-9])\s*\^\s*\{?\s*([A-Za-z])(?![A-Za-z])")
_INDEX = re.compile(r"\s*(?:\(.*\)|<.*>|\[.*\]|\\top|\\intercal|T|\\prime|'+|\*|\d+|[a-z]|\\ell)\s*", re.S)  # e^{(t)}, e^{T}


def exponentials(cell: N.Cell, notes: list[str]) -> N.Cell:
    cell = _counted_in_exp(cell) if "\\sum" in cell.source.text and "exp" in cell.source.text else cell
    powers = _signal_powers(cell, notes) if "^{" in cell.source.text else {}
    powers.update(_step_powers(cell, notes) if "^{\\Delta" in cell.source.text else {})
    if "e^" not in cell.source.text and "e ^" not in cell.source.text:
        return apply(cell, lambda s, i, left: powers.get(id(s), s)) if powers else cell
    names = {s.name for s, _, _ in symbols(cell)}
    text = cell.source.text  # the letters a sum counts with and its bounds' (\sum_{i=1}^{t-1}): numbers in an exponent
    counters = {"t"} | set(_SUM_LETTERS.findall(text) if "\\sum" in text else ()) | set(_BOUND_LETTERS.findall(text) if "\\sum" in text else ())
    found: dict[int, N.Expr] = {}
    for s, _, left in symbols(cell):
        if left or s.font or s.lag is not None or not s.name.startswith("e^") or id(s) in found:
            continue
        m = _EULER.fullmatch(cell.source.slice(s.span))
        if m is None or _INDEX.fullmatch(m.group("x")):
            continue
        inner = m.group("x")
        if not (_OPERATOR.search(inner) or any(w in names or w.split("_")[0] in names for w in _NAME.findall(inner))):
            continue
        arg = _expression(inner, s.span.start + m.start("x"), counters)
        if arg is not None:
            found[id(s)] = N.Apply("\\exp", arg, s.span)
            notes.append(f"{cell.source.slice(s.span)} at {cell.source.where(s.span)} reads as \\exp of its exponent, "
                         "entry by entry (e to a power)")
    found.update(powers)
    if not found:
        return cell
    return apply(cell, lambda s, i, left: found.get(id(s), s))


def _counted_in_exp(cell: N.Cell) -> N.Cell:
    """`\\exp(k_i-(t-1-i)w)` in a sum over the steps (RWKV's wkv, written with \\exp): t and the sum's letters in the
    argument are numbers (how many steps back), as in `e^{-(t-1-i)w + k_i}`."""
    text = cell.source.text
    if not _SUM_LETTERS.search(text):
        return cell
    counters = {"t"} | set(_SUM_LETTERS.findall(text)) | set(_BOUND_LETTERS.findall(text))

    def inside(n, new):
        if isinstance(n, N.Apply) and n.func.lstrip("\\") == "exp":
            return replace(n, arg=N.map_symbols(n.arg, lambda x: N.Number(x.text, x.span)
                                                if x.name in counters and x.lag is None else x))
        return None
    return replace(cell, equations=tuple(replace(eq, rhs=N.rewrite(eq.rhs, inside), also=tuple(N.rewrite(x, inside) for x in eq.also))
                                         for eq in cell.equations))


def _signal_powers(cell: N.Cell, notes: list[str]) -> dict[int, N.Expr]:
    """a^{c r_t}: a letter (not e) to a power that holds a signal the cell computes, at step t."""
    defined = {eq.lhs.name for eq in cell.equations if isinstance(eq.lhs, N.Symbol)}
    found: dict[int, N.Expr] = {}
    for s, _, left in symbols(cell):
        if left or s.lag is not None or "^" not in s.name or s.name.startswith("e^") or id(s) in found:
            continue
        m = _POWER.fullmatch(cell.source.slice(s.span))
        if m is None or not any(t.group("name") in defined for t in _TIMED.finditer(m.group("x"))):
            continue
        exponent = _expression(m.group("x"), s.span.start + m.start("x"), set())
        base = _expression(m.group("base"), s.span.start, set())
        if exponent is None or not isinstance(base, N.Symbol):
            continue
        found[id(s)] = N.Apply("\\exp", N.Binary("hadamard", exponent, N.Apply("\\log", base, base.span), s.span), s.span)
        notes.append(f"{cell.source.slice(s.span)} at {cell.source.where(s.span)} reads as {m.group('base')} to the power "
                     f"of its exponent, entry by entry (\\exp of the exponent times \\log {m.group('base')})")
    return found


def _step_powers(cell: N.Cell, notes: list[str]) -> dict[int, N.Expr]:
    """A^{\\Delta t}: a capital the cell also uses plainly, to the power of a step's length: A (its entries)."""
    plain = {s.name for s, _, _ in symbols(cell) if "^" not in s.name}
    declared = {x.name for d in cell.declarations for x in d.symbols}
    text, found = cell.source.text, {}
    for s, _, left in symbols(cell):
        m = None if left or "^" not in s.name or s.name in declared else _STEP_POWER.fullmatch(cell.source.slice(s.span))
        between = m is not None and (_CAPITAL_BEFORE.search(text, max(0, s.span.start - 20), s.span.start)
                                     or _CAPITAL_AFTER.match(text, s.span.end))  # (C A^{\Delta t} B: a product of matrices)
        if between and m.group("base") in plain:
            found[id(s)] = N.Symbol(m.group("base"), m.group("base"), None, s.span)
            notes.append(f"{' '.join(cell.source.slice(s.span).split())} at {cell.source.where(s.span)} reads as "
                         f"{m.group('base')} to the power of a step's length: {m.group('base')}'s entries")
    return found


def _expression(text: str, at: int, counters: set[str]):
    """The exponent read by the grammar (its spans where it stands in the text), its counters (t, the
    index of a sum: -(t-1-i)w) numbers (written as the text writes them), or None."""
    try:
        tree = read("e = " + text, at - 4, "start")
    except (UnexpectedInput, BadInput, ParseError, ValueError):
        return None
    stmts = [c for c in tree.children if isinstance(c, N.Equation)]
    if len(stmts) != 1 or stmts[0].also or not isinstance(stmts[0].rhs, N.Expr):
        return None
    return N.map_symbols(stmts[0].rhs, lambda x: N.Number(x.text, x.span) if x.name in counters and x.lag is None else x)
