"""Slices of a stacked signal, as code writes them: `i = sigmoid(z[0:H])`, `f = sigmoid(z[H:2*H])`,
`gates[:, 2H:3H]` (the last axis of a batch of rows), `z[:s]`, `z[3*H:]`.

The grammar reads `z[a:b]` as one token after a symbol; `piece` (read.build) makes it a call
`\\slice(z, a, b)`, its bounds sizes. `slices` (a step of read.readings) reads the calls on one signal as
the pieces it is stacked of, as `i, f, o, g = split(z, 4)` is read: a symbol per piece, declared of its
width where both bounds are written (b - a), and one equation `[p_1; p_2; ...] = z`, with a note. Slices
that do not tile the signal from 0, in order and without a gap or an overlap, are refused: which pieces a
signal has, and so its size, is then not said."""
from __future__ import annotations

from ..errors import ParseError, replace
from . import nodes as N
from . import patterns as re  # re, with the package's patterns compiled ahead (read.patterns)
from .cellwalk import right_nodes
from .grammar import BadInput
from .source import Span

SLICE = "\\slice"
_BOUNDS = re.compile(r"\[\s*(?::\s*,\s*|\.\.\.\s*,\s*)?(?P<lo>[^\[\]:,]*?)\s*:\s*(?P<hi>[^\[\]:,]*?)\s*(?:,\s*:\s*)?\]")
_TERM = re.compile(r"\s*(?:(?P<k>\d+)\s*\*?\s*)?(?P<name>[A-Za-z_][A-Za-z0-9_]*)?\s*(?:\*\s*(?P<k2>\d+)\s*)?")


def _size(text: str, start: int, end: int) -> N.Lin:
    """A bound as a linear size: 0, H, 2*H, 2H, 3 * hidden_size, self.hidden_size, H + D."""
    terms: dict[str, int] = {}
    const = 0
    for part in re.sub(r"\bself\.|[{}]", "", re.sub(r"\\(?:times|cdot)(?![A-Za-z])", "*", text)).split("+"):  # (code's hidden_size read as hidden_{size})
        m = _TERM.fullmatch(part)
        if m is None or not (m.group("k") or m.group("name")):
            raise BadInput(f"cannot read the bound {text.strip()!r} of a slice", start, end,
                           "write a slice's bounds as sizes, like z[0:H], z[H:2*H] or gates[:, 2H:3H]")
        k = int(m.group("k") or 1) * int(m.group("k2") or 1)
        if m.group("name"):
            terms[m.group("name")] = terms.get(m.group("name"), 0) + k
        else:
            const += k
    return N.Lin(tuple(sorted((n, k) for n, k in terms.items() if k)), const)


def piece(base, tok, shift: int) -> N.Apply:
    """base[a:b] as \\slice(base, a, b); an open end (base[a:]) leaves b out."""
    m = _BOUNDS.fullmatch(tok.value)
    start, end = tok.start_pos + shift, tok.end_pos + shift
    if m is None:
        raise BadInput("cannot read the slice", start, end, "write a slice as z[0:H] or gates[:, H:2*H]")
    span = Span(base.span.start, end)
    lo = N.Size(_size(m.group("lo"), start, end) if m.group("lo") else N.Lin((), 0), span)
    hi = (N.Size(_size(m.group("hi"), start, end), span),) if m.group("hi") else ()
    return N.Apply(SLICE, N.Tuple((base, lo) + hi, span), span)


def _minus(a: N.Lin, b: N.Lin) -> N.Lin:
    terms = dict(a.terms)
    for n, k in b.terms:
        terms[n] = terms.get(n, 0) - k
    return N.Lin(tuple(sorted((n, k) for n, k in terms.items() if k)), a.const - b.const)


# prose that divides a signal into named pieces: "We then divide this into four vectors $a_i,a_f,a_o,a_g$"
_DIVIDED = re.compile(r"\b(?:divide|split|partition|chunk|slice|break|cut)\w*\b[^.\n]{0,60}?\binto\b", re.I)


def prose_pieces(cell: N.Cell, notes: list[str]) -> N.Cell:
    """A signal the text divides into pieces in its prose (`a = W_x x_t + W_h h_{t-1} + b`, then "divide this into
    four vectors $a_i,a_f,a_o,a_g$"): the pieces, never defined by an equation and named with the signal's letter, are
    the signal stacked (one equation `[a_i; a_f; a_o; a_g] = a`), not weights."""
    text = cell.source.text
    defined = {eq.lhs.name: eq.lhs for eq in cell.equations if isinstance(eq.lhs, N.Symbol)}
    lefts = {s.name for eq in cell.equations for s in N.walk(eq.lhs) if isinstance(s, N.Symbol)}
    used = {}
    for eq in cell.equations:
        for side in (eq.rhs,) + eq.also:
            for s in N.walk(side):
                if isinstance(s, N.Symbol) and s.name not in lefts and "_" in s.name:
                    used.setdefault(s.name, s)
    for m in _DIVIDED.finditer(text):
        window = text[m.end():m.end() + 160].split("\n\n")[0]
        found = [used[n] for n in sorted(used, key=lambda n: window.find(used[n].text) if used[n].text in window else 1 << 30)
                 if used[n].text in window]
        bases = {s.name.split("_")[0] for s in found}
        if len(found) < 2 or len(bases) != 1 or next(iter(bases)) not in defined or _multiplied(cell, {s.name for s in found}):
            continue
        base = defined[next(iter(bases))]
        eq = N.Equation(N.Concat(tuple(found), found[0].span), base, found[0].span)
        notes.append(f"{base.text} is divided into {', '.join(s.text for s in found)} in the prose at "
                     f"{cell.source.where(Span(m.start(), m.end()))}: read as the pieces it is stacked of, not weights")
        at = next(i for i, e in enumerate(cell.equations) if e.lhs is base) + 1
        return replace(cell, equations=cell.equations[:at] + (eq,) + cell.equations[at:])
    return cell


def _multiplied(cell: N.Cell, names: set[str]) -> bool:
    """Whether one of `names` is an operand of a matrix product (W_k x_t: a weight, not a piece of a signal)."""
    return any(isinstance(n, N.Binary) and n.op in ("matmul", "star") and any(
        isinstance(side, N.Symbol) and side.name in names for side in (n.left, n.right))
        for eq in cell.equations for side in (eq.rhs,) + eq.also for n in N.walk(side))


def slices(cell: N.Cell, notes: list[str]) -> N.Cell:
    cell = prose_pieces(cell, notes) if "into" in cell.source.text else cell
    if not any(n.func == SLICE for n in right_nodes(cell, N.Apply)) and not any(
            isinstance(n, N.Apply) and n.func == SLICE for eq in cell.equations for n in N.walk(eq.lhs)):
        return cell  # (no slice on a right side, none on a left one)
    calls = [n for eq in cell.equations for side in (eq.lhs, eq.rhs) + eq.also for n in N.walk(side)
             if isinstance(n, N.Apply) and n.func == SLICE]
    if not calls:
        return cell
    by_base: dict[str, list] = {}
    for call in calls:
        base = call.arg.items[0]
        if not isinstance(base, N.Symbol):
            raise ParseError("a slice of an expression: symcount reads a slice of one signal, as the pieces it is "
                             "stacked of", source=cell.source, span=call.span, hint="name the expression first, "
                             "like gates = ..., then slice gates[0:H]")
        by_base.setdefault(base.name, []).append(call)
    lefts = {s.name for eq in cell.equations for s in N.walk(eq.lhs) if isinstance(s, N.Symbol)}
    for name, found in by_base.items():
        if name not in lefts:  # a weight's slice, or a signal whose equation was not read: which is not said
            raise ParseError(f"a slice of {found[0].arg.items[0].text}, which no equation read defines: symcount reads "
                             "slices of a signal the cell computes, as the pieces it is stacked of", source=cell.source,
                             span=found[0].span, hint="write the equation that computes it as math on a line of its "
                                                      f"own (like {name} = W x_t + U h_{{t-1}} + b)")
    names = {s.name for eq in cell.equations for side in (eq.lhs, eq.rhs) for s in N.walk(side) if isinstance(s, N.Symbol)}
    pieces, extra_eqs, decls = {}, [], []
    for name, found in by_base.items():
        order = _tiling(cell, name, found)
        base = found[0].arg.items[0]
        syms = []
        for k, (lo, hi) in enumerate(order, 1):
            mark = "^" if "^" not in name else "_"  # z^{[1]}, g_{ates}^{[1]}: the k-th piece
            piece_name = next(n for n in (f"{name}{mark}{{[{k}]}}", f"{name}{mark}{{[s{k}]}}") if n not in names)
            first = next(c for c in found if _bounds(c) == (lo, hi))
            sym = N.Symbol(piece_name, piece_name if base.lag is None else _timed(piece_name, base), base.lag,
                           first.arg.span, base.font)
            syms.append(sym)
            pieces[(name, lo, hi)] = sym
            if hi is not None:
                width = _minus(hi, lo)
                decls.append(N.Declaration((replace(sym, lag=None),), N.Size(width, first.span), N.Size(N.ONE, first.span),
                                           first.span))
        whole = N.Concat(tuple(syms), found[0].span)
        extra_eqs.append(N.Equation(whole, base, found[0].span))
        ends = ", ".join(f"[{_text(lo)}:{'' if hi is None else _text(hi)}] as {p.text}" for (lo, hi), p in zip(order, syms))
        notes.append(f"{base.text} at {cell.source.where(found[0].arg.span)} is sliced {ends}: read as the {len(order)} "
                     f"pieces it is stacked of (its size their sum{'' if order[-1][1] is None else ', the last bound'})")

    def swap(node, _new):
        if isinstance(node, N.Apply) and node.func == SLICE:
            return pieces[(node.arg.items[0].name,) + _bounds(node)]
        return None
    first_use = min(i for i, eq in enumerate(cell.equations) if any(
        isinstance(n, N.Apply) and n.func == SLICE for side in (eq.lhs, eq.rhs) + eq.also for n in N.walk(side)))
    eqs = [replace(eq, lhs=N.rewrite(eq.lhs, swap), rhs=N.rewrite(eq.rhs, swap),
                   also=tuple(N.rewrite(x, swap) for x in eq.also)) for eq in cell.equations]
    eqs[first_use:first_use] = extra_eqs
    return replace(cell, equations=tuple(eqs), declarations=cell.declarations + tuple(decls))


def _text(lin: N.Lin) -> str:
    return "0" if not lin.terms and not lin.const else str(lin).replace(" ", "")


def _timed(name: str, base: N.Symbol) -> str:
    """The piece's text at the base's step: z^{[1]}_t for z_t, z^{[1]}_{t-1} for z_{t-1}."""
    sub = base.text[len(base.name):] if base.text.startswith(base.name) else ""
    return name + sub


def _bounds(call: N.Apply) -> tuple:
    items = call.arg.items
    return (items[1].lin, items[2].lin if len(items) > 2 else None)


def _tiling(cell: N.Cell, name: str, found: list) -> list:
    """The slices of one signal in order from 0, each starting where the one before ends; refused where
    they leave a gap or overlap, or a slice is open before the last."""
    todo = {_bounds(c) for c in found}
    starts: dict = {}
    for b in todo:
        starts.setdefault(b[0], []).append(b)
    order, at = [], N.Lin((), 0)
    while todo:
        nxt = [b for b in starts.get(at, ()) if b in todo] if at is not None else []
        if len(nxt) != 1:
            shown = ", ".join(cell.source.slice(c.span) for c in found[:4])
            raise ParseError(f"the slices of {name} ({shown}) do not tile it from 0 without a gap or an overlap: "
                             "which pieces it is stacked of, and so its size, is not said", source=cell.source,
                             span=found[0].span, hint=f"slice {name} into consecutive pieces from 0 (z[0:H], z[H:2*H], "
                                                     "...), or declare the pieces' sizes")
        lo, hi = nxt[0]
        order.append((lo, hi))
        todo.discard((lo, hi))
        at = hi
    return order


_SPLITS = frozenset("split chunk array_split tensor_split hsplit vsplit unbind".split())


def split_of(side, pieces: int):
    """split(gates, 4), chunk(gates, 4, 1), split(gates): the one symbol a call splits into `pieces` equal
    parts (a count written must be that number), else None."""
    if not (isinstance(side, N.Apply) and side.func.lstrip("\\") in _SPLITS and not side.each):
        return None
    items = side.arg.items if isinstance(side.arg, N.Tuple) else (side.arg,)
    if isinstance(items[0], (N.Tuple, N.Number)) or isinstance(items[0], N.Symbol) and items[0].lag not in (None, 0):
        return None  # (a symbol, or what is computed: split(concat([x, m]) @ W + b, 4))
    count = items[1] if len(items) > 1 else None
    if count is not None and not (isinstance(count, N.Number) and count.value == str(pieces)):
        return None
    return items[0]


_WEIGHT = re.compile(r"(?:\\[A-Za-z]+\{)?[WUVR]")  # a weight's letter (the product y_t = W h_t is no product of signals)


def several_named(lhs: tuple, sides: list, names: Span, span: Span):
    """An equation with several names on its left, or None (a signature: `h_t, c_t = f(x_t, h_{t-1})`):
    `i_t, f_t, g_t, o_t = split(gates, 4)`, the pieces of gates stacked; `y_t, h_t = o_t * tanh(c_t)`, a product
    of signals that calls nothing with a list, both names for its value (Géron writes the output so); `i_t, f_t, o_t,
    g_t = W x_t + U h_{t-1} + b`, with parameters, the pieces of what it computes, stacked."""
    if len(sides) != 1:
        return None
    whole = split_of(sides[0], len(lhs))
    if whole is not None:
        return N.Equation(N.Concat(tuple(lhs), names), whole, span)
    if not (isinstance(sides[0], N.Binary) and all(isinstance(x, N.Symbol) for x in lhs)) \
            or any(isinstance(n, N.Tuple) for n in N.walk(sides[0])):
        return None
    weights = any(isinstance(x, N.Symbol) and x.lag is None and _WEIGHT.match(x.name) for x in N.walk(sides[0]))
    if sides[0].op in ("hadamard", "star") and not weights:
        return N.Equation(lhs[0], lhs[1], span, (*lhs[2:], sides[0]))  # y_t, h_t = o_t * tanh(c_t): a product of signals
    if weights and all(x.lag is not None for x in lhs):  # i_t, f_t = W x_t + U h_{t-1} + b: the pieces (not Q, K, V = X W)
        return N.Equation(N.Concat(tuple(lhs), names), sides[0], span)
    return None
