"""A signal declared over the whole sequence, `h \\in \\mathbb{R}^{T \\times N}`, `x \\in \\mathbb{R}^{T}` (a text's
shapes of the tensors its code holds), while the equations write it at each step (h_t, x_t): its first size
may count the steps, so each step's value is the rest (N; one number for x), or be a size of its own (L labels,
a memory of L rows): a choice (`--read h=per-step` or `as-declared`), each reading solved; one count when
they agree, a reading whose shapes do not fit pruned. A step of read.readings, with a note."""
from __future__ import annotations

from ..errors import replace
from . import nodes as N
from .cellwalk import symbols
from .choices import Choice, current, key

STEPS = frozenset("T L seq seq_len seqlen seq_length time steps timesteps time_steps len length".split())


def sequence_declarations(cell: N.Cell, notes: list[str]) -> N.Cell:
    cell = _examples(_whole_sequences(cell, notes), notes)
    decls = [d for d in cell.declarations if _over_steps(d)]
    if not decls:
        return cell
    timed = {s.name for s, _, _ in symbols(cell) if s.lag is not None}
    signals = {eq.lhs.name for eq in cell.equations if isinstance(eq.lhs, N.Symbol)} | {"x", "u", "X", "U"}  # (not b_t: a table's row)
    out = []
    for d in cell.declarations:
        if d in decls and all(s.name in timed and s.name in signals and s.lag is None for s in d.symbols) and current().pick(Choice(
                key(d.symbols[0].text), ("per-step", "as-declared"), cell.source.where(d.span),
                f"{d.symbols[0].text} declared with {_name(d.rows)} first: {_name(d.rows)} steps of a sequence, or a size of its own")) == "per-step":
            one = N.Size(N.ONE, d.rows.span)
            rows, cols, more = (d.cols, d.more[0] if d.more else one, d.more[1:]) if _sized(d.cols) else (one, one, ())
            notes.append(f"{', '.join(s.text for s in d.symbols)} at {cell.source.where(d.span)} is declared over the "
                         f"{_name(d.rows)} steps of a sequence and written at each step: one step's value read")
            d = replace(d, rows=rows, cols=cols, more=more)
        out.append(d)
    return replace(cell, declarations=tuple(out))


def _over_steps(d: N.Declaration) -> bool:
    return d.rows is not None and _name(d.rows) in STEPS and not d.field


def _name(size: N.Size) -> str:
    terms = size.lin.terms
    return terms[0][0] if len(terms) == 1 and terms[0][1] == 1 and size.lin.const == 0 else ""


def _sized(size: N.Size | None) -> bool:
    return size is not None and not (not size.lin.terms and size.lin.const == 1)


def _whole_sequences(cell: N.Cell, notes: list[str]) -> N.Cell:
    """`X \\in \\mathbb{R}^{B \\times L \\times M}` beside `X_t \\in \\mathbb{R}^{B \\times M}`: the name without a time
    index declared over the L steps of the sequence, its step's value declared too, and the same sizes once the steps
    are left out: the whole sequence's tensor, set aside with a note (the step's declaration is the signal's)."""
    at_step = {s.name: d for d in cell.declarations for s in d.symbols if s.lag is not None and d.rows is not None}
    if not at_step:
        return cell
    kept = []
    for d in cell.declarations:
        sizes = _sizes(d)
        steps = [i for i, size in enumerate(sizes) if _name(size) in STEPS]
        if d.symbols and steps and all(s.lag is None and s.name in at_step for s in d.symbols) and all(
                [x.lin for j, x in enumerate(sizes) if j != steps[0]] == [x.lin for x in _sizes(at_step[s.name])]
                for s in d.symbols):
            notes.append(f"{', '.join(s.text for s in d.symbols)} at {cell.source.where(d.span)} is declared over the "
                         f"{_name(sizes[steps[0]])} steps of a sequence beside its value at each step: the step's read")
            continue
        kept.append(d)
    return cell if len(kept) == len(cell.declarations) else replace(cell, declarations=tuple(kept))


def _sizes(d: N.Declaration) -> list:
    """A declaration's sizes in order (rows, columns and any more), a vector's column left out."""
    return [d.rows] + ([d.cols] if _sized(d.cols) else []) + list(d.more) if d.rows is not None else []


def _examples(cell: N.Cell, notes: list[str]) -> N.Cell:
    """`x_t \\in \\mathbb{R}^{300}` (\"suppose ... an example\") beside `x \\in \\mathbb{R}^{d_{in}}`: a name declared with
    numbers only and also with named sizes: the numbers are an example's, set aside with a note (the count is the
    named sizes'; the example's are values to bind)."""
    named = {s.name for d in cell.declarations if d.rows is not None and any(x.lin.terms for x in _sizes(d)) for s in d.symbols}
    if not named:
        return cell
    kept = []
    for d in cell.declarations:
        if d.symbols and d.rows is not None and not any(x.lin.terms for x in _sizes(d)) and all(s.name in named for s in d.symbols):
            notes.append(f"{', '.join(s.text for s in d.symbols)} at {cell.source.where(d.span)} is declared with numbers "
                         "and elsewhere with named sizes: the numbers read as an example's")
            continue
        kept.append(d)
    return cell if len(kept) == len(cell.declarations) else replace(cell, declarations=tuple(kept))
