"""Readings that are choices (read.choices): a word for the step as a time index (h_{prev},
h_{new}: a state, or a parameter), a bias named after one gate and added in another (shared, or
one each), the recurrent weight's letter in an output's equation (shared, or the output's own), a
signal read only at the step before beside an unread output (an input, or the state under another
letter). Cell -> Cell, each guess in a note, each choice asked of the current reader."""
from __future__ import annotations


from ..errors import replace
from . import nodes as N
from . import patterns as re  # re, with the package's patterns compiled ahead (read.patterns)
from .cellwalk import NAME, apply, right_nodes, symbols
from .cellwalk import defined as defined_at
from .choices import Choice, current, key
from .directions import direction, directions_in

_PREV = frozenset("prev previous old last tm1 before".split())
_NEW = frozenset("new next cur curr current now".split())
_CAMEL_TIME = re.compile(r"([a-z])(Prev|Previous|Old|Last|New|Next|Cur|Curr|Current)")


def _split(name: str) -> tuple[str, str]:
    """A name's letter and its word for the step: h_{prev} -> (h, prev); hPrev, cNew (code's camel case) too."""
    camel = _CAMEL_TIME.fullmatch(name)
    if camel is not None:
        return camel.group(1), camel.group(2).lower()
    m = NAME.match(name)
    sub = (m.group("sub") or "")[1:].strip("{}").replace("\\text", "").replace("\\mathrm", "").strip("{}")
    return m.group("core") + (m.group("sups") or ""), sub.lower()


def word_times(cell: N.Cell, notes: list[str]) -> N.Cell:
    """h_{prev} and h_{new} (Lux.jl's GRUCell), h_{old}, h_{next}: a word for the step is a time
    index. Read so when the letter is defined (h_{new} = ..., or h = ...) and the _{prev} name never
    is: h_{prev} is h_{t-1}, h_{new} is h_t."""
    split = _split
    if not _words_written(cell):
        return cell  # (no name writes a word for the step: nothing found below)
    defined = set(defined_at(cell))
    found: dict[str, int] = {}
    firsts: dict[str, N.Symbol] = {}
    for s, _, left in symbols(cell):
        if s.lag is not None:
            continue
        core, sub = split(s.name)
        if sub in _PREV and not left and s.name not in defined:
            found[s.name] = 1
            firsts.setdefault(s.name, s)
        elif sub in _NEW and left:
            found[s.name] = 0
            firsts.setdefault(s.name, s)
    # h' = (1 - z) ⊙ h_prev + z ⊙ n (a doc comment): the primed letter defined is its new value, h_{prev} its previous one
    primed = {n: n.rstrip("'′") for n in defined if n.endswith(("'", "′")) and n.rstrip("'′") and "_" not in n}
    for n, core in primed.items():
        if any(lag == 1 and split(p)[0] == core for p, lag in found.items()):
            found[n] = 0
            firsts.setdefault(n, next(s for s, _, left in symbols(cell) if s.name == n and left))
    cores = {split(n)[0].rstrip("'′") for n, lag in found.items() if lag == 0} | {n for n in defined if NAME.match(n).group("sub") is None}
    reader = current()
    for n in [n for n, lag in found.items() if lag == 1]:
        options = ("state", "parameter") if split(n)[0] in cores else ("parameter", "state")
        where = cell.source.where(firsts[n].span)
        if reader.pick(Choice(key(n), options, where, f"{firsts[n].text} a state or a parameter"),
                       ambiguous=False) == "parameter":
            del found[n]
        else:
            cores.add(split(n)[0])
    found = {n: lag for n, lag in found.items() if split(n)[0].rstrip("'′") in cores}
    _bare_before_new(cell, found, firsts, defined, split)
    if not any(lag == 1 for lag in found.values()):
        return cell
    for n in sorted(found, key=lambda n: firsts[n].span.start):
        core = split(n)[0].rstrip("'′")
        notes.append(f"{firsts[n].text} at {cell.source.where(firsts[n].span)} reads as {core} at "
                     f"{'the previous step' if found[n] else 'this step'} ({core}_{{{'t-1' if found[n] else 't'}}})")

    def fn(s: N.Symbol, i, left):
        if s.name not in found or s.lag is not None:
            return s
        core, lag = split(s.name)[0].rstrip("'′"), found[s.name]
        return replace(s, name=core, text=core + ("_{t-1}" if lag else "_t"), lag=lag)
    out = apply(cell, fn)
    # the plain letter (h = ..., read at t) is the same signal at this step; not one written against a
    # weight's letter (Wc: read.gluednames)
    text = cell.source.text
    return apply(out, lambda s, i, left: replace(s, lag=0, text=s.name + "_t")
                 if s.lag is None and s.name in {split(n)[0].rstrip("'′") for n in found}
                 and not (s.span.start > 0 and text[s.span.start - 1].isalpha()) else s)


def _words_written(cell: N.Cell) -> bool:
    """Whether a name without a time index may hold a word for the step in its subscript (word_times' split:
    its letters, \\text and \\mathrm dropped, lower-cased): each such subscript's word is in the names' text
    so read (no \\text or \\mathrm runs across a name's _ or ^, nor across the line between two names)."""
    blob = "\n".join({s.name for s, _, _ in symbols(cell) if s.lag is None}).replace("\\text", "").replace("\\mathrm", "").lower()
    return any(word in blob for word in _WORDS)


_WORDS = ("prev", "old", "last", "tm1", "before", "new", "next", "cur", "now")  # each word of _PREV and _NEW holds one


def _bare_before_new(cell: N.Cell, found: dict, firsts: dict, defined: set, split) -> None:
    """c_new = f * c + i * g (a Zig docstring): with no _{prev} name, the bare letter that c_{new}
    is defined beside, read and never defined, is c at the previous step."""
    if any(lag == 1 for lag in found.values()):
        return
    news = {split(n)[0] for n, lag in found.items() if lag == 0}
    for s, _, left in symbols(cell):
        if s.lag is None and not left and s.name in news and s.name not in defined and s.name not in found:
            found[s.name] = 1
            firsts.setdefault(s.name, s)


def shared_by_name(cell: N.Cell, notes: list[str]) -> N.Cell:
    """b_r in r_t = \\sigma(... + b_r) and again in \\tilde{h}_t = \\tanh(... + b_r): a bias named after
    one gate, added in another gate's equation too, is shared, or a slip for that gate's own: the
    text allows both readings (read.choices: b_r=shared or b_r=separate)."""
    defined = defined_at(cell)
    uses: dict[str, list[tuple[int, N.Symbol]]] = {}
    for s, i, left in symbols(cell):
        if not left and s.lag is None and s.name not in defined:
            uses.setdefault(s.name, []).append((i, s))
    if all(w[0][0] == w[-1][0] for w in uses.values()):  # (the symbols come equation by equation)
        return cell  # every name in one equation: none in another gate's, none in two (no walk below)
    added = {id(k) for n in right_nodes(cell, N.Binary) if n.op in ("add", "sub") for k in (n.left, n.right)}
    other = {n for n, w in uses.items() if any(id(s) not in added for _, s in w)}
    uses = {n: w for n, w in uses.items() if n not in other}  # biases: only ever added
    reader = current()
    separate: dict[str, int] = {}  # name -> the equation of its own gate
    for name, where in uses.items():
        m = NAME.match(name)
        gate = (m.group("sub") or "")[1:].strip("{}")
        own = defined.get(gate)
        others = {i for i, _ in where if i != own}
        if not gate and not m.group("sups") and _generic_bias(cell, name, where, uses):
            eqs = sorted({i for i, _ in where})
            first = next(s for i, s in where if i == eqs[1])
            choice = Choice(key(name), ("shared", "separate"), cell.source.where(first.span),
                            f"{first.text} is written in {len(eqs)} equations that each have their own weights: one "
                            f"{first.text} shared, or one each")
            if _said_shared(cell.source.text, first.text) and not reader.settled_as(key(name), choice.options):
                notes.append(f"{first.text} at {cell.source.where(first.span)} is one parameter for every equation that "
                             "writes it, as the prose says (the same ..., shared)")
                continue
            if reader.pick(choice) == "separate":
                separate[name] = eqs[0]
            continue
        if own is None or not gate or m.group("sups") or own not in {i for i, _ in where} or not others:
            continue
        first = next(s for i, s in where if i in others)
        lhs = cell.equations[min(others)].lhs
        choice = Choice(key(name), ("shared", "separate"), cell.source.where(first.span),
                        f"{first.text} is written in the equations of {getattr(cell.equations[own].lhs, 'text', gate)} and of "
                        f"{getattr(lhs, 'text', 'another signal')}: one {first.text} shared, or one each")
        if reader.pick(choice) == "separate":
            separate[name] = own
    return _one_each(cell, separate)


def _one_each(cell: N.Cell, separate: dict[str, int]) -> N.Cell:
    """The cell with each name of `separate` its own parameter in every equation but the one it maps to (W^{(3)} in the
    third equation): the `separate` reading of a name written in several equations."""
    if not separate:
        return cell
    return apply(cell, lambda s, i, left: replace(s, name=f"{s.name}^{{({i + 1})}}", text=f"{s.text}^{{({i + 1})}}")
                 if i is not None and s.name in separate and i != separate[s.name] and s.lag is None else s)


def _said_shared(text: str, shown: str) -> bool:
    """The prose says the bias is one for all: "the same bias vector $b$", "$b$ is shared"."""
    name = re.escape(shown)
    return re.search(r"\bsame\s+(?:bias|weight|vector|parameter)\w*(?:\s+\w+){0,2}\s*\$\s*" + name + r"\s*\$"
                     r"|\$\s*" + name + r"\s*\$\s+(?:is|are)\s+(?:\w+\s+)?shared\b", text, re.I) is not None


_FIRST_OF_SERIES = re.compile(r"^(?P<letter>[A-Za-z])_\{?1\}?$")


def numbered_shared(cell: N.Cell, notes: list[str]) -> N.Cell:
    """W_1 in the gate's equation and again in the update's, where the text writes no W_2: one weight
    shared (as the equations say), or the first of a series whose second the text slipped (EdgeML's
    UGRNN writes W1 in both, its code has W1 and W2): a choice (read.choices, `--read W_1=separate`)."""
    defined = set(defined_at(cell))
    where: dict[str, dict[int, N.Symbol]] = {}
    names = set()
    for s, i, left in symbols(cell):
        names.add(s.name)
        if not left and i is not None and s.lag is None and s.name not in defined and _FIRST_OF_SERIES.match(s.name):
            where.setdefault(s.name, {}).setdefault(i, s)
    separate: dict[str, int] = {}
    for name, eqs in where.items():
        letter = _FIRST_OF_SERIES.match(name).group("letter")
        if len(eqs) < 2 or any(n in names for n in (f"{letter}_2", f"{letter}_{{2}}")):
            continue
        first, again = sorted(eqs)[:2]
        choice = Choice(key(name), ("shared", "separate"), cell.source.where(eqs[again].span),
                        f"{eqs[again].text} is written in {len(eqs)} equations and no {letter}_2 in any: one weight "
                        "shared, or the first of a series, one each")
        if current().pick(choice) == "separate":
            separate[name] = first
    return _one_each(cell, separate)


def output_shared(cell: N.Cell, notes: list[str]) -> N.Cell:
    """W h_{t-1} in the state's equation and W h_t in an output's (O_t = f(W h_t + b_o), read by no other equation):
    the recurrent weight reused for the output, as written, or an output weight of its own whose letter the text
    slipped: a choice (`--read W=separate`: the output's a weight of its own, its rows the output's size)."""
    defined = defined_at(cell)
    lagged = {s.name for s, _, left in symbols(cell) if not left and s.lag is not None and s.lag > 0}
    read = {s.name for s, _, left in symbols(cell) if not left}
    states = {i for i, eq in enumerate(cell.equations) if isinstance(eq.lhs, N.Symbol) and eq.lhs.name in lagged}
    outputs = {i for i, eq in enumerate(cell.equations) if isinstance(eq.lhs, N.Symbol) and eq.lhs.name not in read}
    if not states or not outputs:
        return cell
    where: dict[str, dict[int, N.Symbol]] = {}
    for s, i, left in symbols(cell):
        if not left and i is not None and s.lag is None and s.name not in defined and (i in states or i in outputs):
            where.setdefault(s.name, {}).setdefault(i, s)
    operand = {id(n.left): n.right for n in right_nodes(cell, N.Binary) if n.op == "matmul" and isinstance(n.left, N.Symbol)}
    separate: dict[str, int] = {}
    for name, eqs in where.items():
        state = min((i for i in eqs if i in states), default=None)
        out = min((i for i in eqs if i in outputs and i != state), default=None)
        lags = [getattr(operand.get(id(eqs[i])), "lag", None) if i is not None else None for i in (state, out)]  # (of what W multiplies)
        if state is None or out is None or not (lags[0] or 0) > 0 or lags[1] != 0:
            continue  # (W h_{t-1} there, W h_t here: not u_t = W z_{t-1} + b beside z_t = f(W z_{t-1} + b))
        choice = Choice(key(name), ("shared", "separate"), cell.source.where(eqs[out].span),
                        f"{eqs[out].text} is written in the state's equation ({getattr(cell.equations[state].lhs, 'text', '')}) "
                        f"and in an output's ({getattr(cell.equations[out].lhs, 'text', '')}): one weight shared, or the "
                        "output's own")
        if current().pick(choice) == "separate":
            separate[name] = state
    return _one_each(cell, separate)


_LETTER_OF = re.compile(r"\\[A-Za-z]+\{([^{}]*)\}")  # \hat{h}: h


def _of_signals(eq: N.Equation, defined) -> bool:
    """Whether an equation combines signals alone (h_t = O_t \\odot \\tanh(c_t): the step's last, no gate's, whose weights
    it would have)."""
    return all(x.lag is not None or x.name in defined for x in N.walk(eq.rhs) if isinstance(x, N.Symbol))


def state_of_another_letter(cell: N.Cell, notes: list[str]) -> N.Cell:
    """F_t = \\sigma(W_{fa} a_{t-1} + W_{fx} x_t + b_f) ... h_t = O_t * \\tanh(c_t): a signal read only at the step before
    and defined by no equation, beside the one signal the equations define from signals alone and nothing reads: the
    state written under another letter (a_{t-1} for h_{t-1}), or an input of its own (a delayed one): a choice
    (`--read a=state`)."""
    defined = defined_at(cell)
    lags: dict[str, set] = {}
    for s, _, left in symbols(cell):
        if not left and s.lag is not None:
            lags.setdefault(s.name, set()).add(s.lag)
    before = [n for n, ls in lags.items() if n not in defined and min(ls) >= 1]
    read = {s.name for s, _, left in symbols(cell) if not left}
    sinks = [n for n in defined if n not in read and any(isinstance(eq.lhs, N.Symbol) and eq.lhs.name == n and eq.lhs.lag == 0
                                                          and _of_signals(eq, defined) for eq in cell.equations)]
    if len(before) != 1 or len(sinks) != 1 or any(s.lag is None and s.name == before[0] for s, _, _ in symbols(cell)):
        return cell
    old, new = before[0], sinks[0]
    if _LETTER_OF.sub(r"\1", NAME.match(old).group("core")) == _LETTER_OF.sub(r"\1", NAME.match(new).group("core")):
        return cell  # (h_j and h_i: one signal's entries, read.indexform's; h and \hat{h}: a candidate, the state's own)
    first = next(s for s, _, left in symbols(cell) if not left and s.name == old)
    out = next(eq.lhs for eq in cell.equations if isinstance(eq.lhs, N.Symbol) and eq.lhs.name == new)
    said = current().pick(Choice(key(old), ("input", "state"), cell.source.where(first.span),
                                 f"{first.text} is read at the step before and defined by no equation, and {out.text} is "
                                 f"defined and read by none: {old} is {new} under another letter (the state), or an input of its own"))
    if said != "state":
        return cell
    notes.append(f"{first.text} at {cell.source.where(first.span)} reads as {new} at the step before, as --read {key(old)}=state says")
    return apply(cell, lambda s, i, left: replace(s, name=new, text=s.text.replace(old, new, 1)) if s.name == old else s)


def _generic_bias(cell: N.Cell, name: str, where, biases: dict) -> bool:
    """b, with no subscript, added in two or more equations whose other parameters are each their own
    (W_{xz}, W_{xr}): the one letter may be a bias each, as the weights are."""
    eqs = {i for i, _ in where}
    if len(eqs) < 2:
        return False
    defined = defined_at(cell)
    weights: dict[int, set[str]] = {i: set() for i in eqs}
    for s, i, left in symbols(cell):
        if i in weights and not left and s.lag is None and s.name not in defined and s.name not in biases:
            weights[i].add(s.name)
    seen: set[str] = set()
    for names in weights.values():
        if not names or names & seen:
            return False  # an equation without weights, or a weight written in two: the text shares by letter
        seen |= names
    return True


def own_direction(cell: N.Cell, notes: list[str]) -> N.Cell:
    """h^f_t = f(W x_t + U h_{t-1}) and h^b_t = ..., with h_t = [h^f_t; h^b_t] (Chainer's
    n_step_bilstm): in one direction's equations, the plain state at the previous step is that
    direction's own state (h^f_{t-1}); the concatenation would feed the backward direction's state
    to the forward one, which a bidirectional cell does not. The notation's reading, settleable
    (--read h=concatenation)."""
    if not written_directions(cell):
        return cell
    defined = defined_at(cell)
    by_side = {(d[0], d[1]): n for n in defined if (d := direction(n))}
    swap: dict[tuple[int, str], str] = {}
    firsts: dict[str, N.Symbol] = {}
    for s, i, left in symbols(cell):
        lhs = cell.equations[i].lhs if i is not None else None
        side = direction(lhs.name) if isinstance(lhs, N.Symbol) else None
        if left or side is None or not s.lag or s.lag < 0 or s.name not in defined or direction(s.name):
            continue
        own = by_side.get((s.name, side[1]))
        if own is not None:
            swap[(i, s.name)] = own
            firsts.setdefault(s.name, s)
    reader = current()
    for name in list(firsts):
        where = cell.source.where(firsts[name].span)
        if reader.pick(Choice(key(name), ("own-direction", "concatenation"), where,
                              f"{firsts[name].text} in one direction's equations: that direction's state or "
                              f"{name} as the text defines it"), ambiguous=False) != "own-direction":
            swap = {k: v for k, v in swap.items() if k[1] != name}
            continue
        notes.append(f"{firsts[name].text} at {where} in one direction's equations reads as that direction's own "
                     f"state ({', '.join(sorted({v for k, v in swap.items() if k[1] == name}))}); "
                     f"--read {key(name)}=concatenation reads it as {name}")
    if not swap:
        return cell
    return apply(cell, lambda s, i, left: replace(s, name=swap[(i, s.name)], text=swap[(i, s.name)] + s.text[len(s.name):]
                                                  if s.text.startswith(s.name) else s.text)
                 if not left and s.lag and (i, s.name) in swap else s)


def written_directions(cell: N.Cell) -> bool:
    """The equations define signals of both directions (h^f and h^b, \\overrightarrow{h} and
    \\overleftarrow{h}): the cell is already bidirectional."""
    return directions_in(defined_at(cell))


_SUBSCRIPT = re.compile(r"_(?:\{[^{}]*\}|[A-Za-z0-9])(?=\^)")  # W_r^{(f)}: the subscript before a direction's mark


def shared_directions(cell: N.Cell, notes: list[str]) -> N.Cell:
    """\\overrightarrow{h}_t = \\sigma(W x_t + U \\overrightarrow{h}_{t-1} + b) and \\overleftarrow{h}_t = \\sigma(W x_t + U
    \\overleftarrow{h}_{t+1} + b): the same letters in both directions' equations are one weight shared, as written, or
    a shorthand for each direction's own (a bidirectional layer's usual): both readings solved (--read W=shared)."""
    if not written_directions(cell):
        return cell
    sides: dict[str, set[str]] = {}  # a parameter -> the directions whose equations write it
    for s, i, left in symbols(cell):
        lhs = cell.equations[i].lhs if i is not None else None
        side = direction(lhs.name) if isinstance(lhs, N.Symbol) else None
        if not left and side is not None and s.lag is None and not direction(s.name):
            sides.setdefault(s.name, set()).add(side[1])
    defined = defined_at(cell)
    weights = [s.name for s, _, left in symbols(cell) if not left and s.lag is None and s.name not in defined]
    if directions_in(weights) or directions_in(_SUBSCRIPT.sub("", n, count=1) for n in weights if "^" in n):
        return cell  # (weights marked with both directions, W_{\rightarrow}, W_{\leftarrow}, W_r^{(f)} and W_r^{(b)}: the unmarked
        #             ones shared; W^f a gate's)
    both = sorted(n for n, found in sides.items() if len(found) == 2 and n not in defined)
    first = {s.name: s for s, _, left in reversed(symbols(cell)) if not left}
    own = {n for n in both if current().pick(Choice(key(n), ("shared", "per-direction"), cell.source.where(first[n].span),
                                                    f"{first[n].text} in both directions' equations: one shared, or each "
                                                    "direction's own")) == "per-direction"}
    if not own:
        return cell
    backward = {i for i, eq in enumerate(cell.equations) if isinstance(eq.lhs, N.Symbol)
                and (d := direction(eq.lhs.name)) and d[1] == "backward"}
    return apply(cell, lambda s, i, left: replace(s, name=s.name + "^{(b)}", text=s.text + "^{(b)}")
                 if not left and i in backward and s.name in own and s.lag is None else s)
