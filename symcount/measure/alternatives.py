"""Every reading the text allows, solved: the cell is read, shaped and counted once per combination
of the readings it leaves open (read.choices), the combinations found as they are asked (a
reading that fails to unify is pruned where it fails), at most MAX_READINGS of them. When every
surviving reading gives the same count, that count (the notes say which guesses it rests on);
when they differ, a refusal that lists each reading, its count and the option that picks it.
"""
from __future__ import annotations

from ..errors import TYPE_CHECKING  # typing's, without importing typing (a start-up cost)

if TYPE_CHECKING:  # pragma: no cover
    from typing import Mapping

from ..errors import Record, ShapeError, SymcountError, replace
from ..limits import MAX_READINGS
from ..read import nodes as N
from ..read import patterns as re  # re, with the package's patterns compiled ahead (read.patterns)
from ..read.choices import Reader, option, reading
from . import poly as P
from . import stated
from .beside import beside
from .owncode import KEY as _CODE_KEY, against_code, asked as _code_asked


# a reading that fails this way leaves a size or a parameter open: it does not contradict the equations
_UNDETERMINED = ("cannot determine", "cannot tell")
_UNKNOWN_FUNCTION = " is a function symcount does not know"  # a reading whose function may hold parameters: not counted


class Outcome(Record):
    __slots__ = ('assigned', 'shapes', 'counts', 'error')
    _defaults = {'shapes': None, 'counts': None, 'error': None}
    assigned: tuple[tuple[str, str], ...]   # (key, reading) of every open choice, in the order asked
    shapes: object
    counts: object
    error: SymcountError | None


def solve(cell: N.Cell, settled: Mapping[str, str], infer, count, *, bias: bool = True):
    """(shapes, counts) of the one count every reading of `cell` gives; `infer` and `count` are the
    stages (shapes.infer.infer, measure.count.count). A cell of no equation, a list of its parameters
    with their shapes (read.listing), is shaped as listed."""
    if cell.listed:
        from ..shapes.listed import listed_shapes as infer
    try:
        outcomes, choices, asked = _explore(cell, dict(settled), infer, count, bias)
    finally:
        N.forget_walks()  # the walks the passes shared: no tree kept after the derivation
    _unknown(settled, asked | ({"stated"} if cell.stated else set()) | ({_CODE_KEY} if _code_asked(cell.source.text) else set()))
    alive = [o for o in outcomes if o.error is None]
    if not alive:
        raise outcomes[0].error  # the default reading's error: every other reading failed too
    open_ = next((o for o in outcomes if o.error is not None and (o.error.message.startswith(_UNDETERMINED)
                                                                   or _UNKNOWN_FUNCTION in o.error.message)
                  and any(choices[k].whole for k, _ in o.assigned)), None)
    if open_ is not None:  # a reading the text leaves undetermined is not one that does not fit: no count
        err = open_.error
        settle = ", ".join(option(k, v) for k, v in open_.assigned if v != choices[k].options[0]) if open_.assigned else ""
        err.notes = err.notes + (f"under the reading {_said(open_, choices)}, which the text allows"
                                 + (f" ({settle} picks it; another --read sets another)" if settle else ""),)
        raise err
    stated_note = ""
    if cell.stated:  # the count the text states picks among the readings (measure.stated)
        kept, stated_note = stated.against(cell, [o.counts.total for o in alive], [_own(o) for o in alive],
                                           [_parts(o) for o in alive], settled)
        alive = [alive[i] for i in kept]
    common = set.intersection(*({sig.name for sig in o.shapes.signals} for o in alive)) if len(alive) > 1 else set()
    totals = {P.to_str(_by_signals(o, common)) for o in alive} if len(alive) > 1 else {""}
    first = alive[0]
    if len(totals) == 1:
        if stated_note:
            first = _named_as_stated(cell, first, settled, infer, count, bias)
        notes = list(first.shapes.notes) + ([stated_note] if stated_note else [])
        for k, choice in choices.items():
            taken = dict(first.assigned).get(k, choice.options[0])
            if len({dict(o.assigned).get(k, choice.options[0]) for o in alive}) > 1 and not (choice.quiet and _same_shapes(alive)):
                notes.append(f"{choice.what} at {choice.where}: every reading ({', '.join(choice.options)}) "
                             f"gives the same count; {option(k, taken)} says which is meant")
        dead = [o for o in outcomes if o.error is not None]
        for o in dead[:3]:
            notes.append(f"the reading {_said(o, choices)} does not fit the equations ({o.error.message})")
        if bias:  # (the equations beside a framework's call of another count: refused; of more layers: a note)
            notes.append(beside(first.shapes, first.counts.total, settled))
            against_code(first.shapes, first.counts.total, settled)  # (a module's docstring against its __init__)
        return replace(first.shapes, notes=tuple(dict.fromkeys(n for n in notes if n))), first.counts
    raise _refusal(cell, alive, choices)


def _same_shapes(alive: list) -> bool:
    """Every reading gives every parameter one shape: what was asked made no difference, nothing to say."""
    return len({tuple((p.name, p.rows, p.cols, p.diagonal, p.reals) for p in o.shapes.params) for o in alive}) == 1


def _explore(cell, settled, infer, count, bias):
    """Each combination once: a run fixes the choices it was given and takes the first option of
    the rest; it branches only on choices asked after the last one it was given."""
    queue: list[dict[str, str]] = [{}]
    outcomes: list[Outcome] = []
    choices: dict = {}
    asked: set[str] = set()
    while queue:
        assign = queue.pop(0)
        if len(outcomes) >= MAX_READINGS:
            raise ShapeError(f"the text allows more than {MAX_READINGS} readings; symcount compares at most "
                             f"{MAX_READINGS}", source=cell.source, span=cell.equations[0].span if cell.equations else None,
                             notes=tuple(f"{c.what} at {c.where}: {' or '.join(c.options)}" for c in choices.values()),
                             hint="settle some with --read NAME=READING, e.g. "
                                  + ", ".join(option(k, c.options[0]) for k, c in list(choices.items())[:3]))
        reader = Reader(settled, assign)
        with reading(reader):
            try:
                shapes = infer(cell)
                outcome = Outcome((), shapes, count(shapes, bias=bias))
            except ShapeError as exc:
                outcome = Outcome((), error=exc)
        asked.update(reader.asked)
        order = list(reader.open)
        outcomes.append(replace(outcome, assigned=tuple((k, assign.get(k, reader.open[k].options[0])) for k in order)))
        for k in order:
            choices.setdefault(k, reader.open[k])
        last = max((order.index(k) for k in assign if k in order), default=-1)
        for k in order[last + 1:]:
            for value in reader.open[k].options[1:]:
                queue.append({**assign, k: value})
    return outcomes, choices, asked


def _by_signals(o: Outcome, common: set = frozenset()) -> P.Poly:
    """The count with each size symcount named (not the text) named by the signals that have it: two readings
    that name the state's size after different signals (d_c where c comes first, d_h where h does) give the same
    count when the same signals have the same sizes (named by a signal every reading has, where there is one:
    a reading that leaves another variant's signals out names its sizes as the others do)."""
    owners: dict[str, list[str]] = {}
    text = o.shapes.cell.source.text
    for sig in o.shapes.signals:
        if not sig.dim.const and len(sig.dim.terms) == 1 and sig.dim.terms[0][1] == 1 and _named_here(sig.dim.terms[0][0], text):
            owners.setdefault(sig.dim.terms[0][0], []).append(sig.name)
    rename = {name: "<" + min([s for s in sigs if s in common] or sigs) + ">" for name, sigs in owners.items()}
    total: P.Poly = {}
    for mono, k in o.counts.total.items():  # one pass: each monomial's names renamed, its powers merged
        powers: dict[str, int] = {}
        for name, e in mono:
            powers[rename.get(name, name)] = powers.get(rename.get(name, name), 0) + e
        key = tuple(sorted(powers.items()))
        total[key] = total.get(key, 0) + k
    return {m: k for m, k in total.items() if k}


def _own(o: Outcome) -> set[str]:
    """The sizes of a reading's count that the text names itself."""
    text = o.shapes.cell.source.text
    return {stated.plain(n) for n in stated.names_of(o.counts.total) if not _named_here(n, text)}


def _named_as_stated(cell: N.Cell, o: Outcome, settled, infer, count, bias) -> Outcome:
    """The reading solved again with its sizes named as the count the text states names them (its `h` and `d`
    for d_h and d_x), where one renaming makes the two the same; else as it is."""
    found = stated.matching(o.counts.total, cell.stated, _own(o))
    decls = stated.declarations(o.shapes, found[1], found[0]) if found is not None and found[1] else None
    if not decls:
        return o
    named = replace(cell, declarations=cell.declarations + decls)
    outcomes, _, _ = _explore(named, {**dict(settled), **dict(o.assigned)}, infer, count, bias)
    again = outcomes[0]
    if again.error is not None or stated.matching(again.counts.total, cell.stated, stated.names_of(again.counts.total)) is None:
        return o
    return again


def _named_here(name: str, text: str) -> bool:
    """A size symcount named (d_h, after the signal h: the text writes no such name), not the text's own (d_in):
    a size the text names is the user's to set, and two readings that give it to different signals differ."""
    m = re.fullmatch(r"([dk])_(\w+)", name)
    return m is not None and re.search(rf"(?<![A-Za-z\\]){m.group(1)}_\{{?{re.escape(m.group(2))}(?![A-Za-z0-9])", text) is None


def _parts(o: Outcome) -> list:
    """A reading's counts of parts of the cell: its first equations (each prefix, in the text's order), each equation,
    its weights without their biases ("4H(H+D), ignoring the biases")."""
    subtotals = [e.poly for e in sorted(o.counts.equations, key=lambda e: e.line)]
    prefixes, running = [], P.const(0)
    for p in subtotals[:-1]:  # (a running sum: linear in the equations)
        running = P.add(running, p)
        prefixes.append(running)
    unbiased = [p.poly for p in o.counts.parameters if not p.bias]
    return prefixes + [p for p in subtotals if p] + ([P.add(*unbiased)] if unbiased else [])


def _unknown(settled: Mapping[str, str], asked: set[str]) -> None:
    """A --read the text gives no occasion for is an error, not a silent no-op."""
    from ..errors import UsageError
    missing = [k for k in settled if k not in asked]
    if missing:
        raise UsageError(f"--read {missing[0]}=...: the text leaves no reading of {missing[0]} to settle",
                         hint="--read names a symbol as the text writes it (P_i, h_prev, b_r) or an operator (*, \\cdot)"
                              + (f"; this text has: {', '.join(sorted(asked))}" if asked else ""))


def _said(o: Outcome, choices) -> str:
    return ", ".join(f"{k}={v}" for k, v in o.assigned) or "by default"


def _refusal(cell: N.Cell, alive, choices) -> ShapeError:
    rows = [f"{_said(o, choices)}: {P.to_str(o.counts.total)}  ({', '.join(option(k, v) for k, v in o.assigned)})"
            for o in alive]
    first = next(iter(choices.values()))
    what = "; ".join(f"{c.what} ({c.where})" for c in choices.values())
    return ShapeError(f"the text allows {len(alive)} readings with different counts: {what}",
                      source=cell.source, notes=tuple(rows),
                      hint=f"pick one: add {option(first.key, first.options[0])} (or another reading listed above)")
