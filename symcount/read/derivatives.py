"""A state space written in continuous time: `dx/dt = A x(t) + B u(t)`, `\\frac{d\\mathbf{x}}{dt} = ...`,
`\\dot{x}(t) = A x(t) + B u(t)`, `x'(t) = A * x(t) + B * u(t)` (a prime and a time: the derivative). The derivative of a state has the state's shape, and the equation
is the state's update (its discretised step has the same parameters): the text form is written as
`\\dot{x}` (a step of read.regions), then a reading makes `\\dot{x}` on a left side the new value of
x (a step of read.readings)."""
from __future__ import annotations

from ..errors import replace
from . import nodes as N
from . import patterns as re  # re, with the package's patterns compiled ahead (read.patterns)
from .cellwalk import apply, defined, symbols
from .choices import Choice, current, key, option
from .glossary import clauses

# \frac{dx}{dt}, \frac{d \mathbf{x}(t)}{dt}, \dfrac{dh}{dt}; and in plain text dx/dt
_FRAC = re.compile(r"\\[dt]?frac\s*\{\s*(?:d|\\mathrm\s*\{\s*d\s*\})\s*((?:\\(?:mathbf|boldsymbol|bm|vec)\s*\{\s*)?[A-Za-z]\}?)"
                   r"\s*(?:\(\s*t\s*\))?\s*\}\s*\{\s*(?:d|\\mathrm\s*\{\s*d\s*\})\s*t\s*\}")
_SLASH = re.compile(r"(?<![\w\\])d\s*([A-Za-z])\s*/\s*d\s*t(?![\w])")


# an explicit Euler step: `x(t + \Delta t) = x(t) + \Delta t \cdot f(...)`, the state at the next step (its t may
# be blank already: read.relations reads `\Delta t` as one name)
_EULER_STEP = re.compile(r"\(\s*t\s*\+\s*(?:\\Delta|Δ)\s*t?\s*\)")
# a sentence that may say the step is learned ("a learnable step size", "we learn $\Delta t$", "\Delta t is optimized
# jointly"): the step is then no constant the text sets (shapes.constants reads it, or refuses); one that says it is not
# ("not learned", "non-learnable", "instead of a learned step ... by hand") or speaks of training's steps leaves it one
_STEP_WORD = re.compile(r"\bstep|\$\s*\\Delta|\binterval\b|\bdiscreti[sz]", re.I)
_LEARN_ANY = re.compile(r"\blearn|\btrain(?:ed|able)\b|\boptimi[sz]|\bfit(?:ted)?\b|\bgradient", re.I)
_NOT_LEARNED_STEP = re.compile(r"\b(?:not|never|no|non-?|fixed|by\s+hand|instead\s+of|rather\s+than|unlike)\b|\bnon-|"
                               r"\btrain(?:ed|ing)?\s+for\s+\d|\btraining\s+steps?\b", re.I)


def _learned_step(prose: str) -> bool:
    return any(_STEP_WORD.search(s) and _LEARN_ANY.search(s) and not _NOT_LEARNED_STEP.search(s)
               for s in clauses(prose)) if prose else False


def derivatives(out: list[str], start: int, region: str) -> bool:
    """In out[start:...] (the text of `region`), each derivative in time as `\\dot{x}`, and an Euler step's
    `x(t + \\Delta t)` as `x(t+1)` (its step size \\Delta a constant: read.derivatives.continuous); whether any was."""
    edited = False
    for m in _EULER_STEP.finditer(region) if "Delta" in region or "Δ" in region else ():
        out[start + m.start():start + m.end()] = list("(t+1".ljust(m.end() - m.start() - 1) + ")")
        edited = True
    if "dt" not in region.replace(" ", ""):
        return edited
    for m in _FRAC.finditer(region):
        new = "\\dot{" + re.sub(r"\s+", "", m.group(1)) + "}"
        if new.count("{") > new.count("}"):
            new += "}"
        if len(new) <= m.end() - m.start():
            out[start + m.start():start + m.end()] = list(new.ljust(m.end() - m.start()))
            edited = True
    for m in _SLASH.finditer(region):
        out[start + m.start():start + m.end()] = [m.group(1), "\u0307"] + [" "] * (m.end() - m.start() - 2)
        edited = True
    return edited


def continuous(cell: N.Cell, notes: list[str]) -> N.Cell:
    """\\dot{x} = A x + B u: the derivative on the left is the update of x (read on the right, defined
    nowhere else): x on the left, and x on that equation's right at the same time its previous value
    (x' without a time index, which read.readings' cell form reads as the next value)."""
    made = defined(cell)
    euler = _EULER_STEP.search(cell.source.text) if "elta" in cell.source.text or "Δ" in cell.source.text else None
    if euler is not None and not _learned_step(cell.prose):  # its step size: a constant the text sets
        notes.append(f"{' '.join(euler.group(0).split())} at {cell.source.where(N.Span(euler.start() + 1, euler.end()))}: "
                     "an Euler step of the state, from t to t + Δt; its step size Δt is a constant, not counted")
        cell = replace(cell, settings=tuple(cell.settings) + ("\\Delta",))
    if not any(n.startswith("\\dot{") or n.endswith("'") for n in made):
        return cell  # (no \dot{x}, no x' defined: what each match below needs)
    used = {s.name for s, _, left in symbols(cell) if not left}
    found: dict[str, str] = {}
    timed = {s.name for s, _, left in symbols(cell) if left and s.lag is not None}
    for name in made:
        m = re.fullmatch(r"\\dot\{(.+)\}", name) or (re.fullmatch(r"(.+)'", name) if name in timed else None)
        if m and m.group(1) in used and m.group(1) not in made:
            found[name] = m.group(1)  # \dot{x}, and x'(t): a prime with a time index is the derivative
    if not found:
        return cell
    at = {made[n]: n for n in found}
    lags = {}  # the time of each update: its left side's, else its state's on the right (dx/dt = A x(t))
    for i, n in at.items():
        own = next(s.lag for s, j, left in symbols(cell) if left and j == i)
        lags[i] = own if own is not None else next((s.lag for s, j, left in symbols(cell)
                                                     if not left and j == i and s.name == found[n]), None)

    def fn(s: N.Symbol, i, left):
        if i not in at:
            return s
        state, lag = found[at[i]], lags[i]
        if left and s.name == at[i]:
            return replace(s, name=state if lag is not None else state + "'", lag=lag)
        if not left and s.name == state and s.lag == lag and lag is not None:
            return replace(s, lag=lag + 1)
        return s
    first = next(s for s, i, left in symbols(cell) if left and s.name in found)
    notes.append(f"{first.text} at {cell.source.where(first.span)} is the derivative of {found[first.name]} in time: "
                 f"read as the update of the state {found[first.name]} (its discretised step has the same parameters)")
    return apply(cell, fn)


_BARRED = re.compile(r"\\(?:bar|overline)\{(.+)\}")


def discretized(cell: N.Cell, notes: list[str]) -> N.Cell:
    """h'(t) = A h(t) + B x(t), y(t) = C h(t), then h_t = \\bar{A} h_{t-1} + \\bar{B} x_t, y_t = C h_t: one state
    space written twice, in continuous time and discretised (\\bar{A}, \\bar{B}: A and B after a step the
    text leaves to its method, ZOH or another): the continuous form's parameters are counted, the discrete
    equations set aside with a note. Only where each parameter of the discrete form is one of the
    continuous form's or its barred namesake, and no equation defines a barred one (\\bar{A} = \\exp(\\Delta A)
    makes the discrete form the one to count, with \\Delta)."""
    made = defined(cell)
    if not any(n.startswith("\\dot{") or n.endswith("'") for n in made):
        return cell  # (no \dot{x}, no x' defined: no state)
    timed = {s.name for s, _, left in symbols(cell) if left and s.lag is not None}
    states = {m.group(1) for name in made
              for m in [re.fullmatch(r"\\dot\{(.+)\}", name) or (re.fullmatch(r"(.+)'", name) if name in timed else None)] if m}
    if not states:
        return cell
    eqs, src = cell.equations, cell.source
    continuous = {i for i, eq in enumerate(eqs) if isinstance(eq.lhs, N.Symbol) and (
        eq.lhs.name in (f"\\dot{{{s}}}" for s in states) or eq.lhs.name in (s + "'" for s in states)
        or "(t)" in src.slice(eq.lhs.span).replace(" ", ""))}
    names = {eqs[i].lhs.name for i in continuous} | states
    discrete = [i for i, eq in enumerate(eqs) if i not in continuous and isinstance(eq.lhs, N.Symbol) and eq.lhs.name in names]
    if not any(eqs[i].lhs.name in states for i in discrete):
        return cell
    params = lambda found: {x.name for i in found for side in (eqs[i].rhs,) + eqs[i].also  # noqa: E731
                            for x in N.walk(side) if isinstance(x, N.Symbol) and x.lag is None and x.name not in made}
    ours, theirs = params(continuous), params(discrete)
    barred = {p: m.group(1) for p in theirs for m in [_BARRED.fullmatch(p)] if m}
    if not barred or any(p not in ours and barred.get(p) not in ours for p in theirs):
        return cell
    first = eqs[discrete[0]]
    notes.append(f"{first.lhs.text} at {src.where(first.span)} and the discrete step around it write the continuous "
                 f"state space again, discretised ({', '.join(sorted(barred))}: "
                 f"{', '.join(barred[p] for p in sorted(barred))} after a step): the continuous form's parameters are "
                 "counted")
    kept = tuple(eq for i, eq in enumerate(eqs) if i not in discrete)
    return replace(cell, equations=_with_step(cell, kept, states, ours | theirs | set(made), notes))


# the step of a discretisation, as texts name it: \Delta, \Delta t, \Delta_t
_STEP_NAMES = ("\\Delta", "\\Delta t", "\\Delta_{t}", "\\Delta_t")
_FIXED = re.compile(r"\b(?:fixed|constant|hyper-?parameter|not (?:learn|train)\w*|chosen|given|set by|sampling"
                    r"|period|user)\b", re.I)
_LEARNED = re.compile(r"\b(?:learn(?:ed|t|able)?|trainable|trained|parameters?)\b", re.I)


def _with_step(cell: N.Cell, kept: tuple, states: set, used: set, notes: list[str]) -> tuple:
    """The discretisation's step where the text declares it (`The discretization parameter $\\Delta \\in
    \\mathbb{R}$ is a scalar`) and no equation uses it: \\bar{A} and \\bar{B} are A and B after a step of
    that size: counted (the state's update scaled by it) where its sentence says it is learned or a parameter,
    not where it says it is fixed, chosen or given; otherwise a reading (fixed or learned: both are solved)."""
    src = cell.source
    step = next((d for d in cell.declarations for s in d.symbols if s.name in _STEP_NAMES and s.name not in used), None)
    if step is None:
        return kept
    symbol = next(s for s in step.symbols if s.name in _STEP_NAMES)
    text = src.text
    start = max(text.rfind(". ", 0, step.span.start), text.rfind(">", 0, step.span.start)) + 1
    ends = [i for i in (text.find(". ", step.span.end), text.find("<", step.span.end), text.find("\n\n", step.span.end)) if i >= 0]
    sentence = text[start:min(ends, default=len(text))]
    where = src.where(symbol.span)
    said = f"{symbol.text} at {where}, the step of the discretisation,"
    if _FIXED.search(sentence):
        notes.append(f"{said} is not counted: its sentence says it is set, not learned")
        return kept
    if not _LEARNED.search(sentence) and current().pick(Choice(
            key(symbol.text), ("fixed", "learned"), where, f"{symbol.text}, the step of the discretisation: "
            "a fixed value or a learned parameter")) == "fixed":
        notes.append(f"{said} is not counted (read as fixed; {option(key(symbol.text), 'learned')} counts it)")
        return kept
    targets = [i for i, eq in enumerate(kept) if isinstance(eq.lhs, N.Symbol) and eq.lhs.name in
               {f"\\dot{{{s}}}" for s in states} | {s + "'" for s in states}]
    if len(targets) != 1:
        return kept
    eq = kept[targets[0]]
    notes.append(f"{said} is counted as a parameter: the discrete form's matrices are the continuous ones after a "
                 f"step of that size (the update of {eq.lhs.text} is scaled by it)")
    scaled = replace(eq, rhs=N.Binary("hadamard", replace(symbol, lag=None), eq.rhs, eq.rhs.span))
    return kept[:targets[0]] + (scaled,) + kept[targets[0] + 1:]
