"""Equations about the last step: `$q := h_T$` (what the cell hands on, set aside), `Y[t-1] = h_t` (a step's
signal stored in an output no equation reads), and an output computed once at the last step, `y_T = W h_T + b`
or `y = softmax(h_n W + b)` where the text says the steps run to n (read as the output at a step). Steps of
read.readings."""
from __future__ import annotations

from ..errors import replace
from . import nodes as N
from .cellwalk import right_nodes
from . import patterns as re  # re, with the package's patterns compiled ahead (read.patterns)


_LAST_STEP = re.compile(r"(?P<core>.+?)_\{?(?:T|N|L|\\tau)\}?$")


def final_states(cell: N.Cell, notes: list[str]) -> N.Cell:
    """`$q := h_T$`: an equation in running text whose right side is a signal of the cell at the last step
    (h_T, a signal the equations compute at t) names what the cell hands on, not a step of it; `Y[t-1] = h_t`
    stores the step's signal in an output array no equation reads: both set aside."""
    timed = {eq.lhs.name for eq in cell.equations if isinstance(eq.lhs, N.Symbol) and eq.lhs.lag is not None}
    used = {x.name for x in right_nodes(cell, N.Symbol)}
    out = []
    for eq in cell.equations:
        r = eq.rhs
        m = _LAST_STEP.match(r.name) if isinstance(r, N.Symbol) and r.lag is None and eq.inline and not eq.also else None
        if m and m.group("core") in timed and isinstance(eq.lhs, N.Symbol) and eq.lhs.name not in used:
            notes.append(f"{' '.join(cell.source.slice(eq.span).split())} at {cell.source.where(eq.span)} names the "
                         f"state at the last step ({r.text}): what the cell hands on, not a step of it")
            continue
        if (isinstance(eq.lhs, N.Symbol) and eq.lhs.lag not in (None, 0) and eq.lhs.name not in used and not eq.also
                and isinstance(r, N.Symbol) and r.lag == 0 and r.name in timed):
            notes.append(f"{' '.join(cell.source.slice(eq.span).split())} at {cell.source.where(eq.span)} stores a signal "
                         f"of the step in an output no equation reads (Y[t-1] = h_t): not a step of the cell")
            continue
        out.append(eq)
    return cell if len(out) == len(cell.equations) else replace(cell, equations=tuple(out))


_AT_T = re.compile(r"(?P<core>.+?)_\{?T\}?$")
# the last step named where the text says the steps run to it: `1 \leq t \leq n`, `t = 1, \ldots, n`, `t \in [1, n]`,
# `t \in [\![0, n]\!]` (an integer interval), `x = (x_0, \ldots, x_n)` (the sequence written out)
_RUNS_TO = re.compile(r"(?:\\le(?:q|qslant)?(?![A-Za-z])|≤|<=)\s*t\s*(?:\\le(?:q|qslant)?(?![A-Za-z])|≤|<=)\s*(?P<a>[A-Za-z])(?![A-Za-z])"
                      r"|(?<![\w\\])t\s*=\s*[01]\s*,\s*(?:\d+\s*,\s*)?(?:\\[lc]?dots|\.\.\.|…)\s*,\s*(?P<b>[A-Za-z])(?![A-Za-z])"
                      r"|(?<![\w\\])t\s*(?:\\in|∈)\s*(?:\[(?:\\!\s*\[)?|\\\{|⟦)\s*[01]\s*,\s*(?:(?:\\[lc]?dots|\.\.\.|…)\s*,\s*)?(?P<c>[A-Za-z])\s*(?:(?:\]\s*\\!\s*)?\]|\\\}|⟧)"
                      r"|(?<![\w\\])[A-Za-z]\s*=\s*\(\s*[A-Za-z]_\{?[01]\}?\s*,\s*(?:\\[lc]?dots|\.\.\.|…)\s*,\s*[A-Za-z]_\{?(?P<d>[A-Za-z])\}?\s*\)")


def _last_step(text: str) -> "re.Pattern":
    """h_T, or h_n where the text says the steps run to n."""
    may = any(w in text for w in ("\\le", "≤", "<=", "dots", "...", "…", "\\in", "∈"))  # what each branch needs
    letters = {"T"} | {m.group("a") or m.group("b") or m.group("c") or m.group("d") for m in (_RUNS_TO.finditer(text) if may else ())}
    letters.discard("t")
    return _AT_T if letters == {"T"} else re.compile(r"(?P<core>.+?)_\{?(?:" + "|".join(sorted(letters)) + r")\}?$")


# a state at a numbered step, `ŷ = sigmoid(h₄ • W_out + b_out)` after the steps h₁ ... h₄ of an unrolled sequence
_AT_NUMBER = re.compile(r"(?P<core>.+?)_\{?(?:[2-9]|[1-9][0-9])\}?$")


def last_step_outputs(cell: N.Cell, notes: list[str]) -> N.Cell:
    """`y_T = W_{hy} h_T + b_y`: an output computed once, at the last step T, from signals the equations
    compute at t: read as that output at a step (y_t = W_{hy} h_t + b_y), its parameters counted, with a note."""
    timed = {eq.lhs.name for eq in cell.equations if isinstance(eq.lhs, N.Symbol) and eq.lhs.lag is not None}
    if not timed:
        return cell
    at_last = _last_step(cell.source.text)
    if at_last is _AT_T and "T" not in cell.source.text and not any(
            _AT_NUMBER.match(s.name) for eq in cell.equations for s in N.walk(eq.rhs) if isinstance(s, N.Symbol)):
        return cell
    defined = {eq.lhs.name for eq in cell.equations if isinstance(eq.lhs, N.Symbol)}
    out, changed = [], False
    for eq in cell.equations:
        m = at_last.match(eq.lhs.name) if isinstance(eq.lhs, N.Symbol) and eq.lhs.lag is None and not eq.also else None
        core = m.group("core") if m else _untimed_output(cell, eq, timed)
        last = at_last
        at_t = [x for x in N.walk(eq.rhs) if isinstance(x, N.Symbol) and x.lag is None and last.match(x.name)]
        if m is None and not at_t and core is not None:  # h₄: the last of the steps it numbers
            last = _AT_NUMBER
            at_t = [x for x in N.walk(eq.rhs) if isinstance(x, N.Symbol) and x.lag is None and x.name not in defined
                    and last.match(x.name)]
        if core is None or core in timed or not at_t or any(last.match(x.name).group("core") not in timed for x in at_t):
            out.append(eq)
            continue

        def fn(sym: N.Symbol, last=last) -> N.Symbol:
            found = last.match(sym.name) if sym.lag is None and (last is at_last or sym.name not in defined) else None
            return replace(sym, name=found.group("core"), lag=0) if found else sym
        notes.append(f"{' '.join(cell.source.slice(eq.span).split())} at {cell.source.where(eq.span)} computes an output "
                     + (f"once, at the last step: read as the output at a step ({core}_t), its parameters counted" if m else
                     f"once, from the last step ({', '.join(x.text for x in at_t)}): its parameters counted, read from the step's signals"))
        out.append(replace(eq, lhs=N.map_symbols(eq.lhs, fn), rhs=N.map_symbols(eq.rhs, fn)))
        changed = True
    return replace(cell, equations=tuple(out)) if changed else cell


def _untimed_output(cell: N.Cell, eq: N.Equation, timed: set[str]) -> str | None:
    """`y = softmax(h_n W_{hy} + b_y)`: an output with no step of its own that no equation reads (its name)."""
    if not isinstance(eq.lhs, N.Symbol) or eq.lhs.lag is not None or eq.also or eq.lhs.name in timed:
        return None
    read = any(isinstance(x, N.Symbol) and x.name == eq.lhs.name for e in cell.equations for x in N.walk(e.rhs))
    return None if read else eq.lhs.name
