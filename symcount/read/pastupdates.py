"""A previous state updated in place on the way to the new one: `c_{t-1} = f \\circ c_{t-1}` (a Korean
study note's "forget" step), then `c_t = f \\circ c_{t-1} + g \\circ i`. The update reads only signals the
equations define and the state itself, so it brings no parameter; the equation that defines the state at
t is the cell's. Read as a remark, with a note. So is an equation written at the step before with only signals at
that step, `s_{t-1} = [c_{t-1}; h_{t-1}]`, beside the same at t (a slide's `s_j = [c_j; h_j]`), and one that names a
signal at the step before by another's name where an equation at t says they are one (`h_{t-1} = s_{t-1}` beside `s_t = h_t`). An equation written at the
step before from signals at that step only, for a name no equation defines at t (`\\tilde{h}_{t-1} =
\\text{Dropout}(h_{t-1})`), is the same equation at t, with a note. A step of read.readings."""
from __future__ import annotations

from ..errors import replace
from . import nodes as N
from .cellwalk import symbols
from . import patterns as re  # re, with the package's patterns compiled ahead (read.patterns)


def past_updates(cell: N.Cell, notes: list[str]) -> N.Cell:
    at_t = {eq.lhs.name for eq in cell.equations if isinstance(eq.lhs, N.Symbol) and eq.lhs.lag == 0}
    defined = {eq.lhs.name for eq in cell.equations if isinstance(eq.lhs, N.Symbol)}
    kept, changed = [], False
    for eq in cell.equations:
        lhs = eq.lhs
        if isinstance(lhs, N.Symbol) and lhs.lag == 1 and lhs.name in at_t and not eq.also:
            syms = [x for x in N.walk(eq.rhs) if isinstance(x, N.Symbol)]
            table: dict = {}
            if syms and all(x.lag == 1 for x in syms) and any(N.key(eq.rhs, table) == N.key(_later(e.rhs), table) for e in cell.equations
                                                              if isinstance(e.lhs, N.Symbol) and e.lhs.name == lhs.name and e.lhs.lag == 0):
                notes.append(f"{' '.join(cell.source.slice(eq.span).split())} at {cell.source.where(eq.span)} is the "
                             f"equation for {lhs.name} at t written at the step before: read once")
                continue
            if eq.rhs.__class__ is N.Symbol and eq.rhs.lag == 1 and eq.rhs.name in at_t and any(  # h_{t-1} = s_{t-1} beside s_t = h_t
                    e.lhs.__class__ is N.Symbol and e.rhs.__class__ is N.Symbol and e.lhs.lag == 0 == e.rhs.lag and not e.also
                    and {e.lhs.name, e.rhs.name} == {lhs.name, eq.rhs.name} for e in cell.equations):
                notes.append(f"{' '.join(cell.source.slice(eq.span).split())} at {cell.source.where(eq.span)} names one "
                             f"signal at the step before by another's name, both defined at t: read as a remark")
                continue
            if any(x.name == lhs.name and x.lag == 1 for x in syms) and all(x.name in defined for x in syms):
                notes.append(f"{' '.join(cell.source.slice(eq.span).split())} at {cell.source.where(eq.span)} updates "
                             f"{lhs.text} in place on the way to the equation for {lhs.name} at t: read as a remark "
                             "(it brings no parameter)")
                continue
        if isinstance(lhs, N.Symbol) and lhs.lag == 1 and lhs.name not in at_t and not eq.also:
            timed = [x for x in N.walk(eq.rhs) if isinstance(x, N.Symbol) and x.lag is not None]
            if timed and all(x.lag == 1 for x in timed):  # \tilde{h}_{t-1} = \text{Dropout}(h_{t-1}): the same at t
                notes.append(f"{' '.join(cell.source.slice(eq.span).split())} at {cell.source.where(eq.span)} defines "
                             f"{lhs.text} from signals at the same step: read as the equation for {lhs.name} at t")
                eq = replace(eq, lhs=replace(lhs, lag=0), rhs=_earlier(eq.rhs))
                changed = True
        kept.append(eq)
    return cell if len(kept) == len(cell.equations) and not changed else replace(cell, equations=tuple(kept))


def _earlier(side):
    """The side with every signal one step later (x_{t-1} as x_t)."""
    return N.map_symbols(side, lambda x: replace(x, lag=x.lag - 1) if x.lag is not None else x)


def _later(side):
    """The side with every signal at the step before (x_t as x_{t-1}): what it was one step earlier."""
    return N.map_symbols(side, lambda x: replace(x, lag=x.lag + 1) if x.lag is not None else x)


def untimed_namesakes(cell: N.Cell, notes: list[str]) -> N.Cell:
    """`a = \\sigma(\\Lambda)` and `a_t = a^{c r_t}` (the RG-LRU's): a name defined once without a time index from
    parameters only (no signal on its right: a parameter made of others) and once at the step (a signal) is two quantities; the one without is read as
    \\mathring{a}, with a note."""
    timed = {x.name for x, _, _ in symbols(cell) if x.lag is not None}
    untimed = {eq.lhs.name: eq for eq in cell.equations if isinstance(eq.lhs, N.Symbol) and eq.lhs.lag is None
               and not any(isinstance(x, N.Symbol) and (x.lag is not None or x.name in timed) for x in N.walk(eq.rhs))}
    both = {eq.lhs.name for eq in cell.equations if isinstance(eq.lhs, N.Symbol) and eq.lhs.lag == 0 and eq.lhs.name in untimed
            and any(isinstance(x, N.Symbol) and x.name == eq.lhs.name and x.lag is None for x in N.walk(eq.rhs))}  # a_t = a^{c r_t}
    based = {eq.lhs.name: eq.lhs for eq in cell.equations if isinstance(eq.lhs, N.Symbol) and eq.lhs.lag == 0 and eq.lhs.name
             not in untimed and any(isinstance(x, N.Apply) and x.func == "\\log" and isinstance(x.arg, N.Symbol) and x.arg.lag is None
                                    and x.arg.name == eq.lhs.name for x in N.walk(eq.rhs))}  # a_t = \mathbf{a}^{c r_t}, a a weight
    if not both and not based:
        return cell
    for name in sorted(both):
        lhs = untimed[name].lhs
        notes.append(f"{lhs.text} at {cell.source.where(lhs.span)} is defined without a time index and {name} again at "
                     f"the step: two quantities, the first read as \\mathring{{{name}}}")
    for name, lhs in sorted(based.items()):
        notes.append(f"{lhs.text} at {cell.source.where(lhs.span)} is {name} without a time index to a power at the step: "
                     f"two quantities, the base (a parameter) read as \\mathring{{{name}}}")
    both |= set(based)

    def one(x):
        return replace(x, name=f"\\mathring{{{x.name}}}", text=f"\\mathring{{{x.text}}}") if x.name in both and x.lag is None else x
    eqs = tuple(replace(eq, lhs=N.map_symbols(eq.lhs, one), rhs=N.map_symbols(eq.rhs, one),
                        also=tuple(N.map_symbols(a, one) for a in eq.also)) for eq in cell.equations)
    decls = tuple(replace(d, symbols=tuple(one(x) for x in d.symbols)) for d in cell.declarations)
    return replace(cell, equations=eqs, declarations=decls)


_NUMBERED = re.compile(r"(.+?)_\{?(\d+)\}?")  # h_1, h_{2}: a signal at a numbered step


def numeric_sequences(cell: N.Cell, notes: list[str]) -> N.Cell:
    """`x = [1,\\;2,\\;3]` beside `x_t` (a worked example's input sequence): values over the steps, not a vector of
    three entries, so no size of x; read as an example, with a note."""
    timed = {x.name for x, _, _ in symbols(cell) if x.lag is not None}
    kept, examples = [], set()  # (h_2 = \\tanh(0.8 \\cdot 2 + 0.5 h_1) after h_1's: a step of the example too)
    for eq in cell.equations:
        lhs = eq.lhs
        if isinstance(lhs, N.Symbol) and lhs.lag is None and lhs.name in timed and isinstance(eq.rhs, (N.Concat, N.Tuple)) \
                and all(isinstance(x, (N.Number, N.Neg)) for x in eq.rhs.items) and not eq.also:
            notes.append(f"{' '.join(cell.source.slice(eq.span).split())} at {cell.source.where(eq.span)} gives "
                         f"{lhs.text}'s values over the steps (an example): no size of {lhs.text}")
            continue
        numbered = isinstance(lhs, N.Symbol) and (m := _NUMBERED.fullmatch(lhs.name)) is not None and m.group(1) in timed
        if numbered and all(x.name in examples for side in (eq.rhs,) + eq.also for x in N.walk(side) if isinstance(x, N.Symbol)):
            examples.add(lhs.name)
            notes.append(f"{' '.join(cell.source.slice(eq.span).split())} at {cell.source.where(eq.span)} computes a "
                         "number from numbers (a worked example's step): not the cell's")
            continue  # h_1 = \\tanh(0.8 \\cdot 1 + 0.5 \\cdot 0)
        kept.append(eq)
    return cell if len(kept) == len(cell.equations) else replace(cell, equations=tuple(kept))


_SQUARED = re.compile(r"(.+)\^\{?([23])\}?")


def squared_signals(cell: N.Cell, notes: list[str]) -> N.Cell:
    """`\\sqrt{1 - a_t^2}` where an equation defines a_t: a_t squared, not a signal named a^2 (an input read at
    the step); read as the power, with a note."""
    if not any("^" in s.name and s.lag is not None and _SQUARED.fullmatch(s.name) for s, _, _ in symbols(cell)):
        return cell  # (the common case: no walk)
    defined = {eq.lhs.name for eq in cell.equations if isinstance(eq.lhs, N.Symbol)}
    said: set[str] = set()

    def fn(x):
        m = _SQUARED.fullmatch(x.name) if x.lag is not None and "^" in x.name else None
        if m is None or m.group(1) not in defined or x.name in defined:
            return x
        if x.name not in said:
            said.add(x.name)
            notes.append(f"{x.text} at {cell.source.where(x.span)} reads as {m.group(1)} at the step to the power {m.group(2)}")
        return N.Power(replace(x, name=m.group(1), text=x.text), int(m.group(2)), x.span)
    eqs = tuple(replace(eq, rhs=N.map_symbols(eq.rhs, fn), also=tuple(N.map_symbols(a, fn) for a in eq.also))
                for eq in cell.equations)
    return cell if not said else replace(cell, equations=eqs)
