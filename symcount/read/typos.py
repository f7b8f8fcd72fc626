"""Typos a reader corrects without a second thought, each said in a note: `h_{t_1}` where the cell
steps with t and h is a signal (`h_t`, `h_{t-1}` elsewhere) is `h_{t-1}` (CS231n's notes write it
in every gate). Slips of a letter are read the same way where the cell leaves no other reading: a gate
defined and never used beside its namesake used and never defined, a letter in the other case
(H_{t-1} for h_{t-1}), a bias with a time index (b_t). Nothing else is corrected: a name that could mean
something is left as written."""
from __future__ import annotations

from ..errors import ShapeError, replace
from . import patterns as re  # re, with the package's patterns compiled ahead (read.patterns)

from . import nodes as N
from .cellwalk import NAME, apply, right_nodes, symbols
from .cellwalk import defined as defined_at
from .choices import Choice, current, key

_UNDERSCORE_LAG = re.compile(r"^(?P<core>.+?)_\{?(?:t_1|\(?(?P<x>[a-z])-1\)?)\}?$")


def typos(cell: N.Cell, notes: list[str]) -> N.Cell:
    """h_{t_1} (and h_{h-1}, h_{(h-1)}: the signal's own letter where the step's belongs) for h_{t-1}."""
    timed = {s.name for s, _, _ in symbols(cell) if s.lag is not None}
    if not timed or not any("t_1" in s.name or "-1" in s.name for s, _, _ in symbols(cell)):
        return cell
    said: set[str] = set()

    def fn(s: N.Symbol, *_):
        m = _UNDERSCORE_LAG.match(s.name)
        if s.lag is not None or m is None or m.group("core") not in timed or m.group("x") not in (None, m.group("core")):
            return s
        if s.name not in said:
            said.add(s.name)
            notes.append(f"{s.text} at {cell.source.where(s.span)} reads as {m.group('core')}_{{t-1}} "
                         f"({'t_1' if not m.group('x') else m.group('x') + '-1'} for t-1, a typo)")
        return replace(s, name=m.group("core"), lag=1, text=f"{m.group('core')}_{{t-1}}")
    return apply(cell, fn)


_WEIGHT_LETTERS = frozenset("W U V".split())
_NUMBERED_WEIGHT = re.compile(r"[WUV]_\{?[0-9]\}?$")  # W1[t], W_2[t]: a numbered weight with the step


def _weight_letter(name: str) -> bool:
    return name in _WEIGHT_LETTERS or _NUMBERED_WEIGHT.match(name) is not None


def timed_weights(cell: N.Cell, notes: list[str]) -> N.Cell:
    """`i_t = \\sigma(W_{t} h_{t-1} + U_i x_t + b_i)`: a weight's letter with the step for its subscript,
    that no equation computes, is a weight whose subscript slipped (W_i written W_t), or a signal W
    the cell reads at each step: both readings (read.choices, `--read W_t=weight`)."""
    defined = set(defined_at(cell))
    found: dict[str, N.Symbol] = {}
    for s, _, left in symbols(cell):
        if not left and s.lag == 0 and _weight_letter(s.name) and s.name not in defined and not s.font:
            found.setdefault(s.name, s)
    weights = set()
    for name, s in found.items():
        where = cell.source.where(s.span)
        if current().pick(Choice(key(s.text), ("weight", "signal"), where,
                                 f"{s.text}: a weight (its subscript the step's letter) or a signal {name} at each step")) == "weight":
            weights.add(name)
            notes.append(f"{s.text} at {where} reads as a weight named {name}_t, not a signal (--read {key(s.text)}=signal)")
    if not weights:
        return cell
    return apply(cell, lambda s, i, left: replace(s, name=f"{s.name}_{{t}}", lag=None)
                 if s.name in weights and s.lag == 0 else s)


def gate_letter_slips(cell: N.Cell, notes: list[str]) -> N.Cell:
    """c_t = \\sigma(W_{ir} x_t + W_{hr} h_{t-1} + b_r) defined and never read, r_t read and never defined:
    the weights of c_t's equation all name r, so its left side is a slip for r_t; so is \\tilde{t}_t defined
    beside \\tilde{h}_t read (one accent, one letter slipped), and \\bar{c}_t beside \\hat{c}_t (one letter, the
    accent slipped). Only where the cell has one such pair."""
    made = defined_at(cell)
    read = {s.name for s, _, left in symbols(cell) if not left}
    unused = [n for n, i in made.items() if n not in read and isinstance(cell.equations[i].lhs, N.Symbol)
              and cell.equations[i].lhs.lag == 0 and _LETTER.fullmatch(n)]
    wanted = {s.name: s for s, _, left in symbols(cell) if not left and s.lag == 0 and s.name not in made
              and _LETTER.fullmatch(s.name) and s.name not in ("x", "X", "u")}
    gated = {n: s for n, s in wanted.items() if _elementwise_only(cell, n)}  # (beside an input i_t read by weights)
    if len(unused) != 1 or len(wanted) != 1 and len(gated) != 1:
        return cell
    eq, (name, first) = cell.equations[made[unused[0]]], next(iter((wanted if len(wanted) == 1 else gated).items()))
    weights = [x for x in N.walk(eq.rhs) if isinstance(x, N.Symbol) and x.lag is None and x.name not in made]
    subscripts = [re.sub(r"[{}\s]", "", x.name.partition("_")[2]) for x in weights]
    accent = _LETTER.fullmatch(name).group(1)
    if accent and len(wanted) == 1:
        theirs = _LETTER.fullmatch(unused[0]).group(1)
        why = f"both are written with \\{accent}" if theirs == accent else \
            f"they are one letter under two accents (\\{theirs}, \\{accent})"
        if theirs != accent and not (theirs and unused[0].rstrip("}")[-1] == name.rstrip("}")[-1]):  # the one letter
            return cell
    elif len(wanted) == 1 and weights and all(sub and sub.endswith(name) for sub in subscripts):
        why = f"the weights of {eq.lhs.text}'s equation all name {name}"
    elif isinstance(eq.rhs, N.Apply) and eq.rhs.func in _GATE_FUNCTIONS and weights and name in gated and not accent \
            and _a_steps_gate(eq, made) and not _said_apart(cell.prose, name):  # (a gate of the step reads the state
        # before and the input, as w_t = \sigma(W i_t + U h_{t-1} + b) does; an output, \sigma(V h_t + c), does not)
        why = f"{first.text} is multiplied entry by entry as a gate is, and {eq.lhs.text} is the one gate no equation reads"
    else:
        return cell
    lhs = eq.lhs
    notes.append(f"{lhs.text} at {cell.source.where(lhs.span)} is read as {first.text}: {lhs.text} is defined and never "
                 f"used, {first.text} is used and never defined, and {why}")
    return apply(cell, lambda s, i, left: replace(s, name=name, text=first.text) if left and s.name == unused[0] else s)


_LETTER = re.compile(r"(?:\\(tilde|hat|bar)\{)?[A-Za-z]\}?")
_GATE_FUNCTIONS = frozenset({"\\sigma", "σ", "sigmoid", "\\operatorname{sigmoid}", "\\mathrm{sigmoid}", "\\text{sigmoid}"})


def unused_gate_typos(cell: N.Cell, notes: list[str]) -> N.Cell:
    """r_t defined and never used, and r_n multiplied elementwise where a gate belongs (nnabla's GRU
    docstring): the weight-less r_n is a slip for r_t."""
    defined = defined_at(cell)
    read = {s.name for s, _, left in symbols(cell) if not left}
    timed = {s.name for s, _, _ in symbols(cell) if s.lag is not None}
    declared = {s.name for d in cell.declarations for s in d.symbols}
    unused = {n: cell.equations[i].lhs for n, i in defined.items() if n not in read and n in timed
              and isinstance(cell.equations[i].lhs, N.Symbol)}
    if not unused:
        return cell
    core = lambda n: NAME.match(n).group("core")  # noqa: E731
    slips: dict[str, N.Symbol] = {}
    for eq in cell.equations:
        for side in (eq.rhs,) + eq.also:
            for n in N.walk(side):
                if isinstance(n, N.Binary) and n.op in ("hadamard", "star"):
                    for x in (n.left, n.right):
                        if (isinstance(x, N.Symbol) and x.lag is None and x.name not in defined and x.name not in declared
                                and x.name not in timed):
                            match = [u for u in unused if core(u) == core(x.name)]
                            if len(match) == 1:
                                slips[x.name] = unused[match[0]]
    firsts: dict[str, N.Symbol] = {}
    for s, _, _ in symbols(cell):
        firsts.setdefault(s.name, s)
    for name, lhs in slips.items():
        first = firsts[name]
        notes.append(f"{first.text} at {cell.source.where(first.span)} is read as {lhs.text}: {lhs.text} is defined "
                     f"but never used, and {first.text} stands where that gate belongs")
    return apply(cell, lambda s, i, left: replace(s, name=slips[s.name].name, text=slips[s.name].text, lag=slips[s.name].lag)
                if s.name in slips and i is not None else s)


def renamed_gates(cell: N.Cell, notes: list[str]) -> N.Cell:
    """`\\hat{c} = \\tanh(W_{xg} x_t + W_{hg} h_{t-1} + b_g)`, then `c_t = f_t c_{t-1} + i_t g_t` with no equation for
    g_t: the one equation that no other reads and whose every weight's index ends with g is g_t's, its left side
    named otherwise (a notebook's). g_t is read as that signal."""
    defined = defined_at(cell)
    read = {s.name for s, _, left in symbols(cell) if not left}
    declared = {s.name for d in cell.declarations for s in d.symbols}
    undefined = {s.name: s for s, _, left in symbols(cell) if not left and s.lag == 0 and s.name not in defined
                 and s.name not in declared and _GATE_NAME.fullmatch(s.name) and s.name[0] not in "xu"}
    undefined = {n: s for n, s in undefined.items() if _elementwise_only(cell, n)}
    unread = [cell.equations[i] for n, i in defined.items() if n not in read and isinstance(cell.equations[i].lhs, N.Symbol)
              and cell.equations[i].lhs.lag in (None, 0)]
    if not undefined or not unread:
        return cell
    renamed: dict[str, N.Symbol] = {}
    for name in undefined:
        letter = name[0]
        found = [eq.lhs for eq in unread if (weights := {x.name for x in N.walk(eq.rhs) if isinstance(x, N.Symbol)
                                                         and x.lag is None and x.name not in defined})
                 and all(re.fullmatch(r"[A-Za-z]_\{?[a-z]?" + letter + r"\}?", w) for w in weights)]
        if len(found) == 1 and found[0].name not in undefined:
            renamed[name] = found[0]
    if len(set(x.name for x in renamed.values())) != len(renamed) or len(renamed) != len(unread):
        return cell  # (another definition nothing reads: the names are not only changed, something is off)
    for name, lhs in renamed.items():
        first = undefined[name]
        notes.append(f"{first.text} at {cell.source.where(first.span)} is computed by no equation; {lhs.text}'s equation "
                     f"(line {cell.source.line_col(lhs.span.start)[0]}), which no other equation reads, writes {name[0]}'s "
                     f"weights: {first.text} read as {lhs.text}")
    return apply(cell, lambda s, i, left: replace(s, name=renamed[s.name].name, text=renamed[s.name].text)
                 if s.name in renamed and not left else s)


def _elementwise_only(cell: N.Cell, name: str) -> bool:
    """Whether the signal is multiplied only entry by entry (\\odot, or `*` or juxtaposed beside another signal at a
    step or a function's value), as a gate is, and never by a weight (W_a a_t: an input)."""
    found = False
    for eq in cell.equations:
        for n in (n for side in (eq.rhs,) + eq.also for n in N.walk(side) if isinstance(n, N.Binary)):
            for x, y in ((n.left, n.right), (n.right, n.left)):
                if not (isinstance(x, N.Symbol) and x.name == name):
                    continue
                if n.op == "hadamard" or n.op in ("star", "matmul") and (
                        isinstance(y, N.Apply) or isinstance(y, N.Symbol) and y.lag is not None):
                    found = True
                elif n.op not in ("add", "sub"):
                    return False
    return found


_GATE_NAME = re.compile(r"[a-z](?:_\{?t\}?)?")


_SUBSCRIPTED = re.compile(r"(\\?[A-Za-z]+_\{?)([A-Za-z])(\}?)")


_GREEK_CORE = re.compile(r"\\(gamma|delta|theta|lambda|xi|pi|sigma|upsilon|phi|psi|omega)(?=_)", re.I)


def _slipped(name: str, made) -> str | None:
    """The defined name `name` stands for with one case slipped: its subscript's (Γ_R for Γ_r), else its Greek
    letter's (γ_o for Γ_o); None."""
    if _SUBSCRIPTED.fullmatch(name) and _SUBSCRIPTED.sub(_swap_subscript, name) in made:
        return _SUBSCRIPTED.sub(_swap_subscript, name)
    m = _GREEK_CORE.match(name)
    other = "\\" + m.group(1)[0].swapcase() + m.group(1)[1:] + name[m.end():] if m else None
    return other if other in made else None


def _swap_subscript(m) -> str:
    return m.group(1) + m.group(2).swapcase() + m.group(3)


def case_slips(cell: N.Cell, notes: list[str]) -> N.Cell:
    """f_t = \\sigma(W_f [H_{t-1}, x_t] + b_f) ... h_t = o_t * \\tanh(C_t): a state read at t-1 that no
    equation defines, where the one letter of the other case is defined and never read at t-1, is that
    signal, its case slipped (H_{t-1} is h_{t-1}); so is a signal read at t (h_t = o_t \\tanh(c_t) beside
    C_t = ...) that its other-case namesake's definition does not read."""
    made = defined_at(cell)
    read = [(s, i) for s, i, left in symbols(cell) if not left and s.lag is not None and s.lag >= 0]
    read_before = {s.name for s, _ in read if s.lag > 0}
    slips = {n: n.swapcase() for n in read_before
             if len(n) == 1 and n.isalpha() and n not in made and n.swapcase() in made
             and (n.swapcase() not in read_before or not any(m.isalpha() and len(m) == 1 and m not in made and m != n
                                                             for m in read_before))}  # (H_{t-1} and h_{t-1}, H made: h)
    at_step: dict[int, set[str]] = {}  # an equation -> the names it reads at the step
    for s, i in read:
        if s.lag == 0:
            at_step.setdefault(i, set()).add(s.name)
    for s, i in read:
        other = _other_case(s.name)
        if (s.lag == 0 and s.name not in made and s.name not in slips and s.name not in ("x", "X") and other in made
                and (s.name not in _upstream(made, at_step, other) or _ahead(cell, made, other))):
            slips[s.name] = other
    # `W_c [\\Gamma_R * c^{<t-1>}, x^{<t>}]` beside `\\Gamma_r = \\sigma(...)` never read: a gate written without the step,
    # its subscript's case slipped (one such pair only)
    # (or `\\gamma_o \\odot \\tanh(C_t)` beside `\\Gamma_o = \\sigma(...)`: the Greek letter's case slipped)
    lowered = {n.lower() for n in made}  # (a slip changes the case of one ASCII letter: the lower-cased name is made's)
    untimed = {t.name: t for t, _, left in symbols(cell) if not left and t.lag is None and t.name not in made
               and t.name.lower() in lowered and _slipped(t.name, made) is not None}
    if untimed:  # (a namesake defined and never read: the names read found once, not per name)
        read_names = {t.name for t, _, left in symbols(cell) if not left}
        untimed = {n: t for n, t in untimed.items() if _slipped(n, made) not in read_names}
    if len(untimed) == 1:
        name, sym = next(iter(untimed.items()))
        slips[name] = _slipped(name, made)
        read.append((sym, 0))
    slips = {n: m for n, m in slips.items() if not _both_read(cell, n, m) and not _said_apart(cell.prose, n)}
    if not slips:
        return cell
    first = {}
    for s, _ in read:
        first.setdefault(s.name, s)
    for old, new in sorted(slips.items()):
        notes.append(f"{first[old].text} at {cell.source.where(first[old].span)} is read and never defined, {new} is "
                     f"defined: read as {new} (the same letter in the other case)")

    def fn(s: N.Symbol, i, left):
        if s.name in slips and (s.lag is not None or s.name in untimed):
            return replace(s, name=slips[s.name], text=s.text.replace(s.name, slips[s.name], 1))
        return s
    return apply(cell, fn)


def _a_steps_gate(eq: N.Equation, made: dict) -> bool:
    """The equation reads a signal at the step before and an input no equation computes, at the step."""
    timed = [x for x in N.walk(eq.rhs) if isinstance(x, N.Symbol) and x.lag is not None]
    return any(x.lag > 0 for x in timed) and any(x.lag == 0 and x.name not in made for x in timed)


def _both_read(cell: N.Cell, name: str, other: str) -> bool:
    """One equation reads both names at one step (`U H_{t-1} + V h_{t-1}`): two signals, no slip."""
    for eq in cell.equations:
        steps: dict[str, set] = {}
        for x in N.walk(eq.rhs):
            if isinstance(x, N.Symbol) and x.lag is not None and x.name in (name, other):
                steps.setdefault(x.name, set()).add(x.lag)
        if len(steps) == 2 and steps[name] & steps[other]:
            return True
    return False


def _said_apart(prose: str, name: str) -> bool:
    """The prose says what the name is ("where $c_{t-1}$ is the attention context"): a signal of its own."""
    letter = re.escape(name)
    return bool(prose) and re.search(r"\$\s*" + letter + r"(?:_\{?[^$]{0,8}\}?)?\s*\$\s*(?:is|denotes|represents|are|comes)\b",
                                     prose) is not None


def _ahead(cell: N.Cell, made: dict, name: str) -> bool:
    """`name` is defined a step ahead (c_{t+1} = f_t \\circ C_t + ...): what its definition reads at t is the state
    before, the namesake of the other case there its previous value."""
    lhs = cell.equations[made[name]].lhs
    return isinstance(lhs, N.Symbol) and lhs.name == name and lhs.lag is not None and lhs.lag < 0


def _upstream(made: dict, at_step: dict[int, set[str]], name: str) -> set[str]:
    """The names `name`'s definition reads at the step, and theirs, to the end (`i_t = \\sigma(W [I_t; h_{t-1}])`
    through `concat_t = [I_t; H_{t-1}]`: I_t is upstream of i_t, and no slip of it)."""
    seen, todo = set(), [name]
    while todo:
        for n in at_step.get(made.get(todo.pop(), -1), ()):
            if n not in seen:
                seen.add(n)
                todo.append(n)
    return seen


def _other_case(name: str) -> str:
    """c -> C, \\tilde{c} -> \\tilde{C}: the name with its one letter in the other case ("" for a longer name)."""
    if len(name) == 1 and name.isalpha():
        return name.swapcase()
    m = re.fullmatch(r"(\\[a-z]+\{)([A-Za-z])(\})", name) if name[:1] == "\\" and name[-1:] == "}" else None
    return m.group(1) + m.group(2).swapcase() + m.group(3) if m else ""


def timed_biases(cell: N.Cell, notes: list[str]) -> N.Cell:
    """f_t = \\sigma(W_f x_t + U_f h_{t-1} + b_t): a b with a time index that nothing defines and that
    is only ever added is a bias written with the wrong subscript, not a signal."""
    if not any(s.lag is not None and (s.name in ("\\mathbf{b}", "b", "B") or _NAMED_BIAS.fullmatch(s.name)) for s, _, _ in symbols(cell)):
        return cell  # (no b at a step among the symbols: none among the operands walked below)
    defined = set(defined_at(cell))
    summand: dict[str, bool] = {}
    first: dict[str, N.Symbol] = {}
    letters = ("\\mathbf{b}", "b", "B") if any(s.name.startswith("B_") and s.lag is None for s, _, _ in symbols(cell)) \
        else ("\\mathbf{b}", "b")  # B_t beside the biases B_f, B_i, B_o
    for eq in cell.equations:
        for side in (eq.rhs,) + eq.also:
            for node in N.walk(side):
                for k in N.children(node):
                    if isinstance(k, N.Symbol) and k.lag is not None and (k.name in letters or _NAMED_BIAS.fullmatch(k.name)):
                        ok = isinstance(node, N.Binary) and node.op in ("add", "sub")  # (b, \mathbf{b}, or b_r(t): a gate's)
                        summand[k.name] = summand.get(k.name, True) and ok
                        first.setdefault(k.name, k)
    _multiplied_biases(cell, summand, first, defined)
    for d in cell.declarations:
        for s in d.symbols:
            if s.name in summand and s.name not in defined and (d.more or (d.cols is not None and d.cols.lin != N.ONE)):
                raise ShapeError(f"{first[s.name].text} is a row of {s.text}, declared as a table (one row per step?): a "
                                 "parameter the steps index is not counted by symcount", source=cell.source,
                                 span=first[s.name].span, hint=f"declare {s.text} as one vector, or count its rows by hand")
    found = {n for n, ok in summand.items() if ok and n not in defined}
    if not found:
        return cell
    for n in sorted(found):
        notes.append(f"{first[n].text} at {cell.source.where(first[n].span)} is only ever added and never defined: read "
                     f"as a bias, {first[n].text} (its time index a slip for a name)")
    return apply(cell, lambda s, i, left: replace(s, name=s.text, lag=None) if s.name in found and s.lag is not None else s)


# a gate's bias written at a step: b_r(t), b_{z,t} (a letter b with a gate's letter or two)
_NAMED_BIAS = re.compile(r"(?:\\mathbf\{b\}|b)_\{?[A-Za-z]{1,2}\}?")


def _multiplied_biases(cell: N.Cell, summand: dict[str, bool], first: dict, defined: set) -> None:
    """b_h(t) beside b_r(t) and b_z(t), each only ever added, but itself multiplied (`(r(t) h(t-1)) b_h(t)`): a gate's
    bias at a step with a `+` left out before it, or a signal of its own: refused (no input is named like a bias)."""
    named = [n for n in summand if _NAMED_BIAS.fullmatch(n) and n not in defined]
    added = [n for n in named if summand[n]]
    for n in named:
        if not summand[n] and added:
            raise ShapeError(f"{first[n].text} is named like the biases {', '.join(first[a].text for a in added)}, which are only ever "
                             "added, but it is multiplied: a `+` left out before it, or a signal no equation defines",
                             source=cell.source, span=first[n].span, hint=f"write + before {first[n].text}, or its equation")


def missing_plus(cell: N.Cell, notes: list[str]) -> N.Cell:
    """`i_t = \\sigma(W_{hi}\\cdot h_{t-1} W_{xi}\\cdot x_t + B_i)` where the other gates write `W_{hf}\\cdot
    h_{t-1} + W_{xf}\\cdot x_t`: two products of a weight and a signal side by side, a `+` left out. Read so only where
    another equation adds products that end in the same two signals (the row's own reading, (W h)(U x) with U a row,
    is conformable but no cell's)."""
    if len(cell.equations) < 2:
        return cell
    binaries = right_nodes(cell, N.Binary)
    # (a quick test: a weight written right after a signal at a step, side by side: `h_{t-1} W_{xi}`)
    if not any(n.op == "matmul" and not n.explicit and isinstance(n.right, N.Symbol) and n.right.lag is None
               and _last_signal(n.left) for n in binaries):
        return cell
    defined = set(defined_at(cell))
    added = {(a, b) for n in binaries
             if n.op == "add" and (a := _last_signal(n.left)) and (b := _last_signal(n.right))}
    if not added:
        return cell
    said: list = []

    def one(n, new):
        if not (isinstance(n, N.Binary) and n.op == "matmul"):
            return None
        factors, joins = _chain(n, new)
        if len(factors) < 4 or not all(isinstance(f, N.Symbol) for f in factors):
            return None
        cuts = [i for i in range(2, len(factors) - 1) if not joins[i] and factors[i - 1].lag is not None
                and factors[i].lag is None and factors[i].name not in defined]
        if len(cuts) != 1 or factors[0].lag is not None or factors[0].name in defined or factors[-1].lag is None \
                or (_step(factors[cuts[0] - 1]), _step(factors[-1])) not in added:
            return None
        left, right = _joined(factors[:cuts[0]], joins[:cuts[0]]), _joined(factors[cuts[0]:], joins[cuts[0]:])
        said.append(n)
        return N.Binary("add", left, right, n.span, False)
    eqs = tuple(replace(eq, rhs=N.rewrite(eq.rhs, one)) for eq in cell.equations)
    for n in said:
        shown = " ".join(cell.source.slice(n.span).split())
        notes.append(f"{shown} at {cell.source.where(n.span)} reads as two products added (a `+` left out before the "
                     "second weight, as the other equations write it)")
    return replace(cell, equations=eqs) if said else cell


def _step(s: N.Symbol) -> tuple:
    return (s.name, s.lag)


def _last_signal(n) -> tuple | None:
    """The signal at a step a product ends with (W x_t: x_t), or None."""
    while isinstance(n, N.Binary) and n.op == "matmul":
        n = n.right
    return _step(n) if isinstance(n, N.Symbol) and n.lag is not None else None


def _chain(n, new) -> tuple[list, list]:
    """The factors of a chain of matrix products (rebuilt operands) and, per factor, whether the product before
    it is written (\\cdot: True; side by side: False; the first factor's None)."""
    factors, joins = [], []
    stack = [(n.right, n.explicit), (n.left, None)]
    while stack:
        k, join = stack.pop()
        if isinstance(k, N.Binary) and k.op == "matmul":
            stack += [(k.right, k.explicit), (k.left, join)]
        else:
            factors.append(new(k)), joins.append(join)
    return factors, joins


def _joined(factors: list, joins: list):
    out = factors[0]
    for f, j in zip(factors[1:], joins[1:]):
        out = N.Binary("matmul", out, f, N.Span(out.span.start, f.span.end), bool(j))
    return out


def index_slips(cell: N.Cell, notes: list[str]) -> N.Cell:
    """`s_i = \\sigma(D x_t + E h_{t-1} + F)` defined and never read, `s_t` read (`s_t \\circ h_{t-1}`) and never
    defined: the left side's index is a slip of the step's letter; read as s_t, with a note."""
    made = defined_at(cell)
    read = {s.name for s, _, left in symbols(cell) if not left and s.lag == 0}
    used = {s.name for s, _, left in symbols(cell) if not left}
    slips = {}
    for eq in cell.equations:
        lhs = eq.lhs
        m = re.fullmatch(r"([A-Za-z])_\{?([a-z])\}?", lhs.name) if isinstance(lhs, N.Symbol) and lhs.lag is None else None
        if m and m.group(1) in read and m.group(1) not in made and lhs.name not in used \
                and sum(1 for e in cell.equations if isinstance(e.lhs, N.Symbol) and e.lhs.name == lhs.name) == 1:
            slips[id(lhs)] = m.group(1)
            notes.append(f"{lhs.text} at {cell.source.where(lhs.span)} is never read, and {m.group(1)}_t is read and never "
                         f"defined: read as {m.group(1)}_t (a slip of the step's letter)")
    if slips:
        cell = replace(cell, equations=tuple(replace(eq, lhs=replace(eq.lhs, name=slips[id(eq.lhs)], lag=0,
                                                                     text=f"{slips[id(eq.lhs)]}_t"))
                                             if id(eq.lhs) in slips else eq for eq in cell.equations))
    return _gate_index_slips(cell, made, read, notes)


def _gate_index_slips(cell: N.Cell, made: dict, read: set, notes: list[str]) -> N.Cell:
    """`z_t = \\sigma(W_z x_z + U_z h_{t-1} + b_z)`, x_t read in the other equations: x_z, never defined, with the
    letter of the equation's left side for its step, multiplied by a weight, is a slip of x_t; read so, with a note."""
    slipped: set[str] = set()  # (x_i, a slip in i_t's equation: the same slip in o_t's, `U_o x_i`, copied from it)

    def fixed(eq, again=False):
        gate = eq.lhs.name if isinstance(eq.lhs, N.Symbol) and eq.lhs.lag == 0 and len(eq.lhs.name) == 1 else None
        multiplied = {id(n.right) for n in N.walk(eq.rhs) if isinstance(n, N.Binary) and n.op == "matmul"}  # (W_z x_z)

        def one(s):
            m = re.fullmatch(r"([A-Za-z])_\{?([A-Za-z])\}?", s.name) if gate and s.lag is None and id(s) in multiplied else None
            if m is None or (m.group(2) != gate and not (again and s.name in slipped)) or m.group(1) not in read \
                    or m.group(1) in made or s.name in made:
                return s
            slipped.add(s.name)
            notes.append(f"{s.text} at {cell.source.where(s.span)} is never defined, and {m.group(1)}_t is read in the other "
                         f"equations: read as {m.group(1)}_t (a slip: the index is {m.group(2)}_t's letter)")
            return replace(s, name=m.group(1), lag=0, text=f"{m.group(1)}_t")
        return replace(eq, rhs=N.map_symbols(eq.rhs, one)) if gate else eq
    eqs = tuple(fixed(eq) for eq in cell.equations)
    return replace(cell, equations=tuple(fixed(eq, True) for eq in eqs) if slipped else eqs)
