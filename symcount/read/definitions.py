"""Which equations define a signal: a signal defined twice in separate blocks (variants of the cell,
a choice), an inline redefinition in a sentence that supposes (an example, dropped), and a chain of
equalities (h_t = \\Phi(x_t) = \\tanh(W x_t): the side that says what is computed). Steps of
read.readings."""
from __future__ import annotations

from . import nodes as N
from . import patterns as re  # re, with the package's patterns compiled ahead (read.patterns)
from ..errors import replace
from .cellwalk import symbols
from .choices import Choice, current, key
from .words import kind
from .variantcues import (FULL, OTHERS, contrasted, contrasted_after, feedforward_first, feedforward_last, generic_function,
                          named_parts, said_equivalent, same_function_of)


def variants(cell: N.Cell, notes: list[str]) -> N.Cell:
    """h' = \\tanh(W_i x + W_h h), then "if `residual`": h' = \\tanh(W_i x + W_h h + h): a signal
    defined twice (not from its earlier value: that is an update) is a text giving variants; which
    one is counted is a choice (every variant is solved; one count when they agree)."""
    where = _definitions(cell)
    if where is None:
        return cell
    drop: set[int] = set()
    text = cell.source.text
    shown = lambda eq: " ".join(text[eq.span.start:eq.span.end].split())  # noqa: E731
    # "if $r_t$ is $0$ then $\\tilde{h}_t = ...$ becomes ...": an example (said once per signal)
    _set_aside(cell, where, drop, notes, lambda i, found: _in_an_example(cell, cell.equations[i]),
               lambda eq, k: "" if k else f"{eq.lhs.text} at {cell.source.where(eq.lhs.span)} is in a sentence that "
                                          "supposes (if, when, becomes): an example, not the definition")
    used = {x.name for eq in cell.equations if not isinstance(eq.rhs, N.Symbol)
            for side in (eq.lhs, eq.rhs) + eq.also for x in N.walk(side) if isinstance(x, N.Symbol)}
    # G_t = \\tilde{H}_t in a sentence: another name for G_t, not its definition
    _set_aside(cell, where, drop, notes, lambda i, found: _another_name(cell.equations[i], used),
               lambda eq, k: f"{shown(eq)} at {cell.source.where(eq.span)} gives {eq.lhs.text} another name (a symbol "
                             "no other equation writes): read as a name, not its definition")
    # h_t = \\sigma_h(h_{t-1}, x_t), then h_t = \\sigma_h(W h_{t-1} + ...): what it is computed from, then how
    _set_aside(cell, where, drop, notes, lambda i, found: not cell.equations[i].also and (
        _of_signals(cell.equations[i].rhs, cell) or _primed_signature(cell.equations[i], cell) or (_letter_of_signals(cell.equations[i].rhs) and _same_block(cell, i, found))
        or any(same_function_of(cell.equations[i].rhs, cell.equations[j].rhs) for j in found if j != i)),
        lambda eq, k: f"{shown(eq)} at {cell.source.where(eq.span)} says what {eq.lhs.text} is computed from; its "
                      "other equation says how: that one is read")
    _set_aside(cell, where, drop, notes, lambda i, found: named_parts(cell, i),
               lambda eq, k: f"{shown(eq)} at {cell.source.where(eq.span)} names the parts of {eq.lhs.text} (no equation "
                             "computes them); its other equation computes it: that one is read")
    _set_aside(cell, where, drop, notes, lambda i, found: generic_function(cell, i, found),
               lambda eq, k: f"{shown(eq)} at {cell.source.where(eq.span)} applies a function the text leaves generic "
                             f"to what {eq.lhs.text}'s other definition applies a known one to: that one is read")
    _contrasted(cell, where, drop, notes, shown)
    _restated(cell, where, drop)
    picked = False
    for name, found in where.items():
        found = _distinct(cell, found, drop, where) if len(found) > 1 else found  # (written again alike: one)
        if len(found) < 2 or not all(_apart(text, cell.equations[a].span.end, cell.equations[b].span.start)
                                     or (_optioned(text, cell.equations[a]) and _optioned(text, cell.equations[b]))
                                     for a, b in zip(found, found[1:])):
            continue  # twice in one block: an error (shapes.roles says so), not variants (unless each says its option)
        lhs = cell.equations[found[-1]].lhs  # the last definition by default: the text's final word
        lines = ", ".join(str(cell.source.line_col(cell.equations[i].span.start)[0]) for i in found)
        pick = int(current().pick(Choice(key(lhs.text), tuple(str(k + 1) for k in reversed(range(len(found)))),
                                         cell.source.where(lhs.span),
                                         f"{lhs.text} is defined {len(found)} times (lines {lines}): which "
                                         "definition is counted", whole=True))) - 1
        drop |= {i for k, i in enumerate(found) if k != pick}
        picked = True
    if not drop:
        return cell
    if picked:
        drop |= _left_behind(cell, drop, notes)
    return replace(cell, equations=tuple(_chained_on(eq, cell, drop) if i in drop else eq for i, eq in enumerate(cell.equations)
                                         if i not in drop or _chained_on(eq, cell, drop) is not None))


def _contrasted(cell: N.Cell, where: dict, drop: set, notes: list[str], shown) -> None:
    """variants' set-asides for a definition the text contrasts with the cell's or says is the same as it."""
    # "In a standard RNN, $h_t = ...$. In IndRNN, ... $h_t = ...$": the first is the cell contrasted with
    _set_aside(cell, where, drop, notes, lambda i, found: i != found[-1] and (contrasted(cell, i) or contrasted_after(cell, i, found) or contrasted(
                   cell, found[-1], FULL) or feedforward_first(cell, i, found[-1])) and not contrasted(cell, found[-1]),
               lambda eq, k: f"{shown(eq)} at {cell.source.where(eq.span)} is a standard cell (or a simplified one) the "
                             f"text contrasts with the cell it defines after: {eq.lhs.text}'s later definition is read")
    # h_t = o_t \\odot \\tanh(c_t), then "Compare/contrast to Dense": h = \\phi(W^T x), the layer it is compared with
    _set_aside(cell, where, drop, notes, lambda i, found: i == found[-1] and i != found[0] and feedforward_last(cell, i, found[0]),
               lambda eq, k: f"{shown(eq)} at {cell.source.where(eq.span)} is the feed-forward layer the text compares the "
                             f"cell with: {eq.lhs.text}'s first definition is read")
    # h_t = (1 - z_t) * h_{t-1} + z_t * \\bar{h}_t, then "Some papers write the update equation as:" h_t = z_t * ...: another text's
    _set_aside(cell, where, drop, notes, lambda i, found: i != found[0] and contrasted(cell, i, OTHERS)
               and not contrasted(cell, found[0], OTHERS),
               lambda eq, k: f"{shown(eq)} at {cell.source.where(eq.span)} is another text's form, as the words before it say: "
                             f"{eq.lhs.text}'s first definition is read")
    # c_t = f \\odot c_{t-1} + i \\odot g, "which is equivalent to" c_t = \\sigma(W_{hhf} h_{t-1} + ...) \\odot ...: the same
    _set_aside(cell, where, drop, notes, lambda i, found: i != found[0] and said_equivalent(cell, i),
               lambda eq, k: f"{shown(eq)} at {cell.source.where(eq.span)} is said to be equivalent to {eq.lhs.text}'s "
                             "definition before it: that one is read")


def _chained_on(eq: N.Equation, cell: N.Cell, drop: set) -> N.Equation | None:
    """`z_t = r_t = \\sigma(U_r x_t + ...)` set aside as z_t's definition: r_t's, where no other equation kept defines r_t
    (the chain's next name, at a step, then its expression); None where the chain has no such name."""
    nxt = eq.rhs
    if not eq.also or not isinstance(nxt, N.Symbol) or nxt.lag != 0:
        return None
    if any(isinstance(e.lhs, N.Symbol) and e.lhs.name == nxt.name for j, e in enumerate(cell.equations) if j not in drop):
        return None
    return replace(eq, lhs=nxt, rhs=eq.also[0], also=eq.also[1:])


def _definitions(cell: N.Cell) -> dict[str, list[int]] | None:
    """Each signal's definitions (its name -> the equations' indices); None where no signal is defined twice and
    no left side is a stack: no variants then (none of variants' steps would find one)."""
    where: dict[str, list[int]] = {}
    for i, eq in enumerate(cell.equations):
        if isinstance(eq.lhs, N.Symbol) and eq.lhs.lag in (None, 0):
            where.setdefault(eq.lhs.name, []).append(i)
    if all(len(f) < 2 for f in where.values()) and not any(isinstance(eq.lhs, N.Concat) for eq in cell.equations):
        return None
    return where


def _left_behind(cell: N.Cell, drop: set[int], notes: list[str]) -> set[int]:
    """The equations a picked variant leaves behind: a state (not one of those defined twice) that a definition
    left out read and no kept equation but its own reads (the other variant's `c_t = f_t \\odot c_{t-1} + ...`
    once `h_t = o_t * \\tanh(C_t)` is the one counted), then what only such equations read. None is a step of
    the variant counted."""
    eqs = cell.equations
    reads = {i: {x.name for side in (eq.rhs,) + eq.also for x in N.walk(side) if isinstance(x, N.Symbol)}
             for i, eq in enumerate(eqs) if isinstance(eq.lhs, N.Symbol)}
    chosen = {eqs[i].lhs.name for i in drop if i in reads}
    out: set[int] = set()
    while True:
        kept = [i for i in reads if i not in drop and i not in out]
        dead = {i for i in kept for name in [eqs[i].lhs.name] if name not in chosen
                and not any(name in reads[j] for j in kept if j != i)
                and (((name in reads[i] or _code_named(eqs[i].lhs)) and any(name in reads[j] for j in drop if j in reads))
                     or any(name in reads[j] for j in out))}  # (or a line of code's name: h_candidate, the other's only)
        if not dead:
            break
        out |= dead
    if out:
        notes.append(f"{', '.join(eqs[i].lhs.text for i in sorted(out))} at {cell.source.where(eqs[min(out)].span)}: "
                     "no equation of the definitions counted reads "
                     f"{'it' if len(out) == 1 else 'them'} (another variant's steps): left out")
    return out


def _code_named(sym) -> bool:
    """A name a line of code gives what it computes (h_candidate, combined_reset): no step, a word in it."""
    return sym.lag is None and re.search(r"[A-Za-z]{3,}", re.sub(r"\\[A-Za-z]+", "", sym.name)) is not None


def _distinct(cell: N.Cell, found: list[int], drop: set, where: dict) -> list[int]:
    """The definitions of one signal that say different things. An equation written again alike is
    the same definition, and so is one that writes out a signal defined once elsewhere (C_t = f_t C_{t-1}
    + i_t \\tanh(W_C x_t) beside \\tilde{C}_t = \\tanh(W_C x_t) and C_t = f_t C_{t-1} + i_t \\tilde{C}_t):
    of each, the one that uses the named signal (else the last) is kept, the others dropped."""
    name = cell.equations[found[0]].lhs.name
    once = {cell.equations[i].lhs.name: cell.equations[i].rhs for n, (i, *more) in where.items()
            if not more and n != name and i not in drop}
    table: dict = {}
    groups: dict[tuple, list[int]] = {}
    for i in found:
        eq = cell.equations[i]
        full = N.map_symbols(eq.rhs, lambda x: once.get(x.name, x) if x.lag in (None, 0) else x)
        groups.setdefault((N.key(eq.lhs, table), N.key(full, table)), []).append(i)
    kept = sorted(next((i for i in reversed(g) if any(isinstance(x, N.Symbol) and x.name in once and x.lag in (None, 0)
                                                     for x in N.walk(cell.equations[i].rhs))), g[-1])
                  for g in groups.values())
    drop |= set(found) - set(kept)
    return kept


_OPTION = re.compile(r"[ \t]*[\[(][ \t]*[A-Za-z_]\w*[ \t]*=[ \t]*[\w.]+[ \t]*[\])][ \t]*(?:\n|$)")


_OPTION_LABEL = re.compile(r"[A-Za-z_]\w*[ \t]*=[ \t]*[\w.]+[ \t]*:[ \t]*$")
_LETTER_LABEL = re.compile(r"[ \t]*\([A-Z]\)[ \t]*")  # `(A) h_t = ...` then `(B) h_t = ...`: variants, each labelled


def _restated(cell: N.Cell, where: dict[str, list[int]], drop: set[int]) -> None:
    """f_t, i_t, o_t each defined, then, in another block, the same cell stacked:
    `[f_t; i_t; o_t] = \\sigma(W [h_{t-1}; x_t] + b)`: the cell written twice. Which form is counted is a
    choice (both are solved; one count when they agree), its options `rows` and `stacked`."""
    text = cell.source.text
    for k, eq in enumerate(cell.equations):
        rows = [x for x in eq.lhs.items if isinstance(x, N.Symbol) and x.lag in (None, 0)] \
            if isinstance(eq.lhs, N.Concat) and k not in drop else []
        if len(rows) < 2 or len(rows) != len(eq.lhs.items) or any(len(where.get(x.name, ())) != 1 for x in rows):
            continue
        others = sorted({where[x.name][0] for x in rows} - drop)
        if len(others) != len(rows) or not all(
                _apart(text, *((cell.equations[i].span.end, eq.span.start) if i < k else (eq.span.end, cell.equations[i].span.start)))
                for i in others):
            continue
        lines = ", ".join(str(cell.source.line_col(cell.equations[i].span.start)[0]) for i in others)
        line = cell.source.line_col(eq.span.start)[0]
        form = current().pick(Choice("stacked", ("rows", "stacked"), cell.source.where(eq.span),
                                     f"{', '.join(x.text for x in rows)} are defined one by one (lines {lines}) and "
                                     f"again stacked (line {line}): which form is counted", whole=True))
        drop |= {k} if form == "rows" else set(others)


def _optioned(text: str, eq: N.Equation) -> bool:
    """An equation followed on its line by the option it holds for (`  [linear_before_reset=0]`), or
    labelled by it (`* lbr=1: h'_t = ...`) or by a letter (`(A) h_t = ...`): a variant."""
    line = text.rfind("\n", 0, eq.span.start) + 1
    return _OPTION.match(text, eq.span.end) is not None or _OPTION_LABEL.search(text, line, eq.span.start) is not None \
        or _LETTER_LABEL.fullmatch(text, line, eq.span.start) is not None


def _set_aside(cell: N.Cell, where: dict, drop: set, notes: list, out, say) -> None:
    """The definitions of each signal that `out(i, found)` sets aside, dropped (never all of a signal's),
    each said in a note (`say(eq, k)`, the k-th of the signal's; an empty note is not said)."""
    for name, found in list(where.items()):
        if len(found) < 2:
            continue  # (one definition is never set aside: `out` is not asked, a long cell's thousand signals)
        aside = [i for i in found if out(i, found)]
        if aside and len(aside) < len(found):
            drop |= set(aside)
            where[name] = [i for i in found if i not in aside]
            notes.extend(n for k, i in enumerate(aside) if (n := say(cell.equations[i], k)))


def _another_name(eq: N.Equation, used: set[str]) -> bool:
    """An equation whose right side is one symbol at the same step that no other equation writes (`used`:
    the names in the equations whose right side is more than a symbol)."""
    r = eq.rhs
    return (isinstance(r, N.Symbol) and not eq.also and r.name not in used and r.lag == eq.lhs.lag
            and r.name != eq.lhs.name)


_SUPPOSES = re.compile(r"\b(?:if|when|then|becomes?|reduces?\s+to|e\.g\.|for\s+example|suppose|si|wenn|quand|если"
                       r"|unlike|whereas|in\s+contrast|rather\s+than|instead\s+of|no\s+longer|not\s+the\s+case)\b"  # (or speaks of another cell)
                       r"|(?:^|(?<=[\s，。；：,;:]))(?:如果|若|当)", re.I)  # (no word boundary in Chinese: at a clause's start)


def generic_maps(cell: N.Cell, notes: list[str]) -> N.Cell:
    """An equation in running text whose right side is a letter applied to signals ("a dynamical system
    $y_{t+1} = f(y_t, x_t)$"), or a displayed one whose signals no other equation names (`u_t = f_{rnn}(\\phi_t,
    u_{t-1})` before a GRU in h and x): what kind of map the cell is, no step of it (dropped when the text has
    other equations)."""
    generic = [eq for eq in cell.equations if not eq.also and (_letter_of_signals(eq.rhs) or _model_tuple(eq))
               and (eq.inline or _island(cell, eq) and not _own_network(cell, eq))]  # (the cheap test first: no walk per
    # equation of every other, a long cell's cost)
    if not generic or len(generic) == len(cell.equations):
        return cell
    for eq in generic:
        notes.append(f"{' '.join(cell.source.slice(eq.span).split())} at {cell.source.where(eq.span)} is a map "
                     "the text does not say (a letter applied to signals), " + ("in running text" if eq.inline else
                     "displayed apart from the cell's equations") + ": read as a description")
    return replace(cell, equations=tuple(eq for eq in cell.equations if not any(eq is g for g in generic)))


def _own_network(cell: N.Cell, eq: N.Equation) -> bool:
    """The map reads a signal another equation computes (`m_t = f(m_{t-1}, h_t)` over a GRU's h: a layer on top), or
    the prose makes its letter a network of its own ("where $g$ is a two-layer MLP", "f is an LSTM", "its own weights")."""
    made = {e.lhs.name for e in cell.equations if e is not eq and isinstance(e.lhs, N.Symbol)}
    if any(isinstance(x, N.Symbol) and x.lag is not None and x.name in made for x in N.walk(eq.rhs)):
        return True
    f = eq.rhs.func if isinstance(eq.rhs, N.Apply) else \
        eq.rhs.left.name if isinstance(eq.rhs, N.Binary) and isinstance(eq.rhs.left, N.Symbol) else ""
    letter = re.escape(f.split("_")[0].lstrip("\\"))
    return bool(letter) and (re.search(r"\bown\s+(?:weights|parameters)\b", cell.prose) is not None or re.search(
        r"(?<![A-Za-z\\])\\?" + letter + r"(?:_\{?[\w\\]+\}?)?\$?\s+(?:is|denotes|represents)\s+(?:[\w-]+\s+){0,4}?"
        r"(?:network|MLP|LSTM|GRU|RNN|cell|perceptron|encoder|decoder)", cell.prose) is not None)


def _island(cell: N.Cell, eq: N.Equation) -> bool:
    """No signal of `eq` (a symbol at a step) is named in another equation of the cell; or `eq` steps a state of its
    own (h_{t+1} = f(h_t, x_t)) that no other equation names (the cell's equations then in m and c)."""
    def timed(e):
        return {x.name for side in (e.lhs, e.rhs) for x in N.walk(side) if isinstance(x, N.Symbol) and x.lag is not None}
    own = timed(eq)
    others = set().union(*(timed(e) for e in cell.equations if e is not eq))
    if not own or not others:
        return False
    state = eq.lhs.name if isinstance(eq.lhs, N.Symbol) and eq.lhs.lag is not None else None
    return not own & others or state is not None and state not in others \
        and any(isinstance(x, N.Symbol) and x.name == state and x.lag is not None for x in N.walk(eq.rhs))


def _model_tuple(eq: N.Equation) -> bool:
    """`\\operatorname{LSTM}=\\operatorname{LSTM}(W,U,b,\\tau,\\sigma)`: a model named by the tuple of its parts (the
    name on both sides, untimed symbols in the list): what the model is made of, no step of it."""
    return isinstance(eq.lhs, N.Symbol) and eq.lhs.lag is None and isinstance(eq.rhs, N.Apply) and isinstance(eq.rhs.arg, N.Tuple) \
        and re.sub(r"\\[A-Za-z]+\{|[{}\\]", "", eq.rhs.func) == re.sub(r"\\[A-Za-z]+\{|[{}\\]", "", eq.lhs.name) \
        and all(isinstance(x, N.Symbol) and x.lag is None for x in eq.rhs.arg.items)


def _letter_of_signals(side) -> bool:
    """f(y_t, x_t): a single letter applied to a list of two symbols or more, each at a step."""
    if isinstance(side, N.Apply) and not side.each and kind(side.func) == "letter":
        items = side.arg.items if isinstance(side.arg, N.Tuple) else ()
    elif isinstance(side, N.Binary) and side.op == "matmul" and isinstance(side.left, N.Symbol) and isinstance(side.right, N.Tuple):
        items = side.right.items
    else:
        return False
    items = [x for x in items if not (isinstance(x, N.Symbol) and x.name in _ALL_PARAMETERS)]  # (F(x_{t-1}, u_t, \\theta))
    return len(items) >= 2 and all(isinstance(x, N.Symbol) and x.lag is not None for x in items)


_ALL_PARAMETERS = frozenset({"\\theta", "\\Theta", "\\boldsymbol{\\theta}", "\\mathbf{\\theta}", "\\bm{\\theta}", "θ"})


def _of_signals(side, cell: N.Cell | None = None) -> bool:
    """\\sigma_h(h_{t-1}, x_t), f(x_t, h_{t-1}): a function applied to a list of two signals or more (`Gru(x,
    h_{t-1})`: one written without its step, a signal the text writes at a step elsewhere in `cell`)."""
    items = side.arg.items if isinstance(side, N.Apply) and not side.each and isinstance(side.arg, N.Tuple) else ()
    if len(items) < 2 or not all(isinstance(x, N.Symbol) for x in items) or all(x.lag is None for x in items):
        return False
    if kind(side.func) == "unknown" and (cell is None or len({e.lhs.name for e in cell.equations if isinstance(e.lhs, N.Symbol)}) < 3):
        return False  # GRU(x_t, h_{t-1}) beside a simple h_t = tanh(...): a cell the text names; beside the steps it names, a signature
    untimed = {x.name for x in items if x.lag is None} - _ALL_PARAMETERS  # (F(x_{t-1}, u_t, \\theta): and its parameters)
    return not untimed or (cell is not None and untimed <= {x.name for x, _, _ in symbols(cell) if x.lag is not None})


def _primed_signature(eq: N.Equation, cell: N.Cell) -> bool:
    """`h' = gru_cell(input, h)` (read.readings' cell form: h_t = gru_cell(input, h_{t-1})) beside the steps the text
    names (three or more defined): a function, not a known one, of the state before and of signals the other equations
    read, untimed (a text with no time index)."""
    items = eq.rhs.arg.items if isinstance(eq.rhs, N.Apply) and not eq.rhs.each and isinstance(eq.rhs.arg, N.Tuple) else ()
    if len(items) < 2 or not all(isinstance(x, N.Symbol) for x in items) or kind(eq.rhs.func) in ("activation", "letter"):
        return False
    if not any(x.name == eq.lhs.name and x.lag == 1 for x in items):
        return False
    read = {x.name for e in cell.equations if e is not eq for x in N.walk(e.rhs) if isinstance(x, N.Symbol)}
    return (all(x.name in read for x in items if x.lag is None)
            and len({e.lhs.name for e in cell.equations if isinstance(e.lhs, N.Symbol)}) >= 3)


def _in_an_example(cell: N.Cell, eq: N.Equation) -> bool:
    """An inline equation in a sentence that supposes something (if, when, becomes)."""
    if not eq.inline:
        return False
    text = cell.source.text
    start = max(text.rfind("\n", 0, eq.span.start), text.rfind(". ", 0, eq.span.start)) + 1
    end = min((i for i in (text.find("\n", eq.span.end), text.find(". ", eq.span.end)) if i >= 0), default=len(text))
    return _SUPPOSES.search(re.sub(r"\$[^$]*\$", " ", text[start:end])) is not None


def supposed(cell: N.Cell, before: N.Equation | None, eq: N.Equation) -> bool:
    """An equation in a block of its own right after a sentence that supposes something ("若设置了 `proj_size`，
    隐状态 h_t 将会被映射到指定维度：", "If a projection is used:"): a step the cell has only then."""
    text = cell.source.text
    start = before.span.end if before is not None else 0
    if before is not None and not _apart(text, start, eq.span.start):
        return False
    lead = _MATH_OPENING.sub("", text[start:eq.span.start]).rstrip()
    sentence = re.split(r"\.\s|。|\n[ \t]*\n", lead)[-1]
    return bool(sentence.strip()) and _SUPPOSES.search(_INLINE_MATH.sub(" ", sentence)) is not None


def off_by_default(cell: N.Cell, before: N.Equation | None, eq: N.Equation) -> tuple[str, str] | None:
    """The argument a supposing sentence names (若设置了 ``proj_size``, "if `proj_size` > 0") that the text's signature
    sets off (`proj_size=0`, None, False), and that value; None where it names none so set."""
    text = cell.source.text
    start = before.span.end if before is not None else 0
    sentence = re.split(r"\.\s|。|\n[ \t]*\n", _MATH_OPENING.sub("", text[start:eq.span.start]).rstrip())[-1]
    for name in dict.fromkeys(re.findall(r"`+([A-Za-z_]\w*)`+", sentence)):
        m = re.search(rf"(?<![\w.]){re.escape(name)}\s*=\s*([\w.]+)", text)  # (its first value: the signature's default)
        if m and m.group(1) in ("0", "None", "False", "0.0"):
            return name, m.group(1)
    return None


_MATH_OPENING = re.compile(r"(?:\.\.\s+math::|\$\$|\\\[|```math)\s*$")
_INLINE_MATH = re.compile(r"\$[^$]*\$|:math:`[^`]*`")


_APART = re.compile(r"\n[ \t]*\n|\$|\\\]|\\\)|\\end\s*\{|```|\.\.\s+math"
                    r"|\n(?=[^\n=\\]*[A-Za-z]{3,}\s+[A-Za-z]{2,}\s+[A-Za-z]{2,})[^\n=\\]*\n"
                    r"|\n(?=[^\n=\\]*[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]{2,}[^\n=\\]*\s[^\n=\\]*[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af])[^\n=\\]*\n"
                    r"|\s#\s[^\n]*\n"  # a line's comment saying when it holds (`# when linear_before_reset != 0`)
                    r"|\n[ \t]*(?:(?://+|#+|\*)[ \t]*)?(?:[Ee]lse|[Oo]therwise|[Ii]f\b[^\n=:]*)[ \t]*:[ \t]*\n")  # `//   Else:`


def _same_block(cell: N.Cell, i: int, found: list[int]) -> bool:
    """Whether another of the definitions `found` is in the i-th's math block."""
    eqs, text = cell.equations, cell.source.text
    return any(not _apart(text, *((eqs[i].span.end, eqs[j].span.start) if i < j else (eqs[j].span.end, eqs[i].span.start)))
               for j in found if j != i)


def _apart(text: str, end: int, start: int) -> bool:
    """Whether two equations are in different math blocks (a blank line or a block's end between, or
    in plain text a line of prose), or offered as alternatives (`h_t = tanh(c_t) or h_t = c_t`)."""
    return _APART.search(text, end, start) is not None or _OR_BETWEEN.fullmatch(text, end, start) is not None


_OR_BETWEEN = re.compile(r"(?:[\s,;&]|\\\\|\\hspace\*?\{[^{}]*\}|\\q?quad|\\[,;:])*(?:\\(?:text|textrm|mbox|mathrm)\s*\{\s*)?"
                         r"(?:or|oder|ou|o|или|或|或者|または|또는)(?:\s*\})?(?:[\s,;&]|\\\\|\\q?quad|\\[,;:])*", re.I)


_ACCENTED = re.compile(r"^\\(?:bar|hat|tilde|overline|widetilde|widehat|check|breve)\s*\{(.+)\}$")


def stacked_restatements(cell: N.Cell, notes: list[str]) -> N.Cell:
    """"We can write the LSTM more compactly": a stacked equation ((\\bar{f}_t; \\bar{i}_t; ...) = W x_t + b)
    whose rows no other equation reads, each named after a signal another equation defines (f_t, i_t,
    \\tilde{c}_t, o_t), is the gates written a second time: not counted again, with a note."""
    stacked = [eq for eq in cell.equations if not isinstance(eq.lhs, N.Symbol)]
    if not stacked or len(stacked) == len(cell.equations):
        return cell
    singles = {_letter(eq.lhs.name) for eq in cell.equations if isinstance(eq.lhs, N.Symbol)}
    dropped = []
    for eq in stacked:
        rows = [s for s in N.walk(eq.lhs) if isinstance(s, N.Symbol)]
        names = {s.name for s in rows}
        read = {s.name for other in cell.equations if other is not eq for side in (other.rhs,) + other.also
                for s in N.walk(side) if isinstance(s, N.Symbol)}
        if len(rows) >= 2 and not names & read and all(_letter(s.name) in singles for s in rows):
            dropped.append(eq)
            notes.append(f"the stacked equation at {cell.source.where(eq.span)} defines {', '.join(s.text for s in rows)}, "
                         "which no other equation reads, each named after a signal defined above: the same "
                         "equations written again, not counted again")
    return replace(cell, equations=tuple(eq for eq in cell.equations if not any(eq is d for d in dropped))) if dropped else cell


def _letter(name: str) -> str:
    """The letter a name is written with, without its accent: \\bar{f} -> f, \\tilde{c} -> c."""
    m = _ACCENTED.match(name)
    return m.group(1) if m else name


def block_definitions(cell: N.Cell, notes: list[str]) -> N.Cell:
    """`W = [W_{hh}, W_{hx}]`, `W = \\begin{bmatrix} W_h \\\\ W_x \\end{bmatrix}`: a weight the equations use, written
    as the blocks it is made of, none of them used elsewhere: the same entries; counted as the weight the
    equations use, the definition set aside with a note."""
    candidates = [i for i, eq in enumerate(cell.equations)
                  if isinstance(eq.rhs, N.Concat) and not eq.also and isinstance(eq.lhs, N.Symbol) and eq.lhs.lag is None
                  and len(eq.rhs.items) > 1 and all(isinstance(b, N.Symbol) and b.lag is None for b in eq.rhs.items)]
    if not candidates:
        return cell  # (the common case: a linear pass, no more)
    lefts = [eq.lhs.name for eq in cell.equations if isinstance(eq.lhs, N.Symbol)]
    drop = set()
    for i in candidates:
        eq = cell.equations[i]
        names = {b.name for b in eq.rhs.items}
        elsewhere = {x.name for j, e in enumerate(cell.equations) if j != i for side in (e.lhs, e.rhs) + e.also
                     for x in N.walk(side) if isinstance(x, N.Symbol)}
        if eq.lhs.name in elsewhere and lefts.count(eq.lhs.name) == 1 and not elsewhere & names:
            notes.append(f"{' '.join(cell.source.slice(eq.span).split())} at {cell.source.where(eq.span)} writes "
                         f"{eq.lhs.text} as the blocks it is made of: the same entries, counted as {eq.lhs.text}")
            drop.add(i)
    return replace(cell, equations=tuple(eq for i, eq in enumerate(cell.equations) if i not in drop)) if drop else cell


def functions_defined(cell: N.Cell, notes: list[str]) -> N.Cell:
    """`\\sigma_g = \\frac{1}{1+e^{-x}}` where the cell applies `\\sigma_g(W_f x_t + ...)`: the definition of
    a function the cell applies, in a letter of its own (no signal at a step on the right), not a
    signal: set aside with a note."""
    applied = {a.func for eq in cell.equations for side in (eq.rhs,) + eq.also for a in N.walk(side)
               if isinstance(a, N.Apply)}
    if not applied:
        return cell
    kept = []
    for eq in cell.equations:
        if isinstance(eq.lhs, N.Symbol) and eq.lhs.lag is None and eq.lhs.name in applied \
                and not any(isinstance(x, N.Symbol) and x.lag is not None for x in N.walk(eq.rhs)):
            notes.append(f"{' '.join(cell.source.slice(eq.span).split())} at {cell.source.where(eq.span)} defines "
                         f"{eq.lhs.text}, a function the cell applies: read as the function's definition (no parameters)")
            continue
        kept.append(eq)
    return cell if len(kept) == len(cell.equations) else replace(cell, equations=tuple(kept))
