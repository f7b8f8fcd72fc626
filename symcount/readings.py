"""Cell -> Cell: the readings a careful reader makes before any shape is known, each said in a note
where it rests on a guess.

- entries: Cho et al.'s `r_j = \\sigma([W_r x]_j + ...)` is written for the j-th entry of each vector;
- restatements: an equation written again (in a list of symbols, say) is one equation;
- fonts: `\\mathbf{r}_t` and `r_t` in one cell are two symbols (never merged);
- time: a cell written at t+1 (`h_{t+1} = f(h_t)`), or with no time index at all (`h' = f(x, h)`,
  `c = f * c + i * g`: a signal read before it is defined is its previous value);
- updates: `h_t = W_{hr} h_t` after `h_t = ...` redefines h_t from its earlier value;
- letter functions: `g(W x_t)`, a lower-case letter right before a parenthesis, is a function.
"""
from __future__ import annotations

import re
from dataclasses import replace

from . import nodes as N

_NAME = re.compile(r"^(?P<core>.*?)(?P<sub>_(\{[^{}]*\}|[^{}^_]))?(?P<sups>(\^(\{[^{}]*\}|[^{}^_]))*)$")
_PAREN = re.compile(r"(\\(left|bigl?|Bigl?|biggl?|Biggl?)\s*)?\(")
_FONT_TEX = {"bold": "\\mathbf", "cal": "\\mathcal", "frak": "\\mathfrak", "bb": "\\mathbb"}


def readings(cell: N.Cell) -> N.Cell:
    notes: list[str] = list(cell.notes)
    for step in (_components, _restatements, _fonts, _time_shift, _cell_form, _updates, _letter_functions,
                 _reassociate):
        cell = step(cell, notes)
    return replace(cell, notes=tuple(notes))


def _map(cell: N.Cell, fn) -> N.Cell:
    """fn(symbol, equation index or None for a declaration, on the left side) -> symbol, everywhere."""
    eqs = []
    for i, eq in enumerate(cell.equations):
        lhs = N.map_symbols(eq.lhs, lambda s, i=i: fn(s, i, True))
        rhs = N.map_symbols(eq.rhs, lambda s, i=i: fn(s, i, False))
        also = tuple(N.map_symbols(x, lambda s, i=i: fn(s, i, False)) for x in eq.also)
        eqs.append(eq if (lhs is eq.lhs and rhs is eq.rhs and all(a is b for a, b in zip(also, eq.also)))
                   else replace(eq, lhs=lhs, rhs=rhs, also=also))
    decls = [replace(d, symbols=tuple(fn(s, None, False) for s in d.symbols)) for d in cell.declarations]
    return replace(cell, equations=tuple(eqs), declarations=tuple(decls))


def _symbols(cell: N.Cell):
    """(symbol, equation index, on the left side) for every symbol of the equations."""
    for i, eq in enumerate(cell.equations):
        for side, left in [(eq.lhs, True), (eq.rhs, False)] + [(x, False) for x in eq.also]:
            for n in N.walk(side):
                if isinstance(n, N.Symbol):
                    yield n, i, left


def _defined(cell: N.Cell) -> dict[str, int]:
    out: dict[str, int] = {}
    for s, i, left in _symbols(cell):
        if left:
            out.setdefault(s.name, i)
    return out


def _rename(name: str, core=None, drop_sub: str | None = None) -> str:
    """A name with its core replaced (core(old) -> new) and a subscript part dropped."""
    m = _NAME.match(name)
    c, sub, sups = m.group("core"), m.group("sub") or "", m.group("sups") or ""
    if core is not None:
        c = core(c)
    if drop_sub is not None and sub:
        parts = [p for p in sub[1:].strip("{}").split(",") if p != drop_sub]
        sub = ("_" + (parts[0] if len(parts) == 1 and len(parts[0]) == 1 else "{" + ",".join(parts) + "}")) if parts else ""
    return c + sub + sups


def _components(cell: N.Cell, notes: list[str]) -> N.Cell:
    if not cell.components:
        return cell
    letters = set(cell.components)
    notes.append(f"[...]_{'/'.join(sorted(letters))}: the equations are written for one entry of each vector; "
                 "read as the vectors")

    def fn(s: N.Symbol, *_):
        name, text = s.name, s.text
        for j in letters:
            name, text = _rename(name, drop_sub=j), _rename(text, drop_sub=j)
        return s if name == s.name else replace(s, name=name, text=text)
    return _map(cell, fn)


def _restatements(cell: N.Cell, notes: list[str]) -> N.Cell:
    """An equation written twice (in the display and again in a list) is one equation."""
    seen, kept = set(), []
    for eq in cell.equations:
        k = (N.key(eq.lhs), N.key(eq.rhs))
        if k not in seen:
            seen.add(k)
            kept.append(eq)
    return cell if len(kept) == len(cell.equations) else replace(cell, equations=tuple(kept))


def _fonts(cell: N.Cell, notes: list[str]) -> N.Cell:
    """A letter in two fonts (\\mathbf{r}_t and r_t) with different roles (one is defined by an
    equation, the other never) is two symbols: the bold one is renamed. With one role (W_i and
    \\mathbf{W}_i, both weights), one symbol written two ways."""
    fonts: dict[str, set[str]] = {}
    left: dict[str, set[str]] = {}
    for s, _, on_left in _symbols(cell):
        fonts.setdefault(s.name, set()).add(s.font)
        if on_left:
            left.setdefault(s.name, set()).add(s.font)
    split = {n for n, f in fonts.items() if len(f) > 1 and n in left and left[n] != f}
    for n in sorted(n for n, f in fonts.items() if len(f) > 1):
        where = next(s for s, _, _ in _symbols(cell) if s.name == n and s.font)
        shown = f"{_FONT_TEX.get(where.font, '')}{{{n}}} and {n} at {cell.source.where(where.span)}"
        notes.append(f"{shown}: one is defined by an equation, the other never: read as two symbols" if n in split
                     else f"{shown}: read as one symbol written in two fonts")

    def fn(s: N.Symbol, i, left):
        if i is None and s.name in fonts and s.font not in fonts[s.name] and len(fonts[s.name]) == 1:
            return replace(s, font=next(iter(fonts[s.name])))  # a declaration in another font: the same symbol
        if s.name not in split or not s.font:
            return s
        wrap = lambda c: f"{_FONT_TEX.get(s.font, '')}{{{c}}}"  # noqa: E731
        return replace(s, name=_rename(s.name, wrap), text=_rename(s.text, wrap))
    return _map(cell, fn)


def _time_shift(cell: N.Cell, notes: list[str]) -> N.Cell:
    """h_{t+1} = f(x_t, h_t): a signal defined at t+k is read at t+k - 1 as its previous value."""
    shift = {}
    for s, _, left in _symbols(cell):
        if left and s.lag is not None and s.lag < 0:
            shift.setdefault(s.name, s.lag)
    if not shift:
        return cell
    first = next(s for s, _, left in _symbols(cell) if left and s.name in shift)
    notes.append(f"{first.text} at {cell.source.where(first.span)} is defined at a later time than t: "
                 f"read as the new state, and {first.name} at the earlier times as its previous values")
    return _map(cell, lambda s, i, left: replace(s, lag=s.lag - shift[s.name])
                if s.name in shift and s.lag is not None else s)


def _cell_form(cell: N.Cell, notes: list[str]) -> N.Cell:
    """No time index anywhere (h' = f(x, h) or c = f * c + i * g, as LSTMCell and GRUCell docs
    write it): a primed left side is the next value of the unprimed letter, and a signal read in
    or before its own equation is its previous value."""
    if any(s.lag is not None for s, _, _ in _symbols(cell)):
        return cell
    defined = _defined(cell)
    used = {s.name for s, _, left in _symbols(cell) if not left}
    primes = {n: n.replace("'", "", 1) for n in defined if "'" in n and n.replace("'", "", 1) in used
              and n.replace("'", "", 1) not in defined}
    order = {primes.get(n, n): i for n, i in defined.items()}
    recurrent: set[str] = set()

    def fn(s: N.Symbol, i, left):
        name = primes.get(s.name, s.name)
        if i is None or name not in order:
            return replace(s, name=name) if name != s.name else s
        if left:
            return replace(s, name=name, lag=0)
        previous = s.name in primes.values() or i <= order[name]
        if previous:
            recurrent.add(name)
        return replace(s, name=name, lag=1 if previous else 0)
    out = _map(cell, fn)
    if recurrent:
        shown = ", ".join(f"{n}'" if n in primes.values() else n for n in sorted(recurrent))
        notes.append(f"no time index: read as one step of the cell, with {', '.join(sorted(recurrent))} "
                     f"the state carried between steps ({shown} on the left is its new value)")
    return out


def _updates(cell: N.Cell, notes: list[str]) -> N.Cell:
    """h_t = W_{hr} h_t after h_t = o_t \\odot \\tanh(c_t): the second equation redefines h_t from its
    earlier value (an update, as torch's LSTM documentation writes its projection). The earlier
    value becomes \\check{h}_t."""
    first: dict[str, int] = {}
    renames: dict[tuple[str, int], tuple[int, int]] = {}  # (name, first def) -> (first def, update)
    for i, eq in enumerate(cell.equations):
        if not isinstance(eq.lhs, N.Symbol) or eq.lhs.lag not in (None, 0):
            continue
        n = eq.lhs.name
        reads = any(isinstance(x, N.Symbol) and x.name == n and x.lag == eq.lhs.lag for x in N.walk(eq.rhs))
        if n in first and reads:
            renames[(n, first[n])] = (first[n], i)
            notes.append(f"{eq.lhs.text} at {cell.source.where(eq.lhs.span)} defines {eq.lhs.text} again from its "
                         f"earlier value: read as an update (the earlier value is shown as \\check{{{n}}})")
        first[n] = i
    if not renames:
        return cell
    spans = {n: (a, b) for (n, _), (a, b) in renames.items()}

    def fn(s: N.Symbol, i, left):
        if i is None or s.name not in spans or s.lag not in (None, 0):
            return s
        a, b = spans[s.name]
        if (left and i == a) or (not left and a < i <= b):
            check = lambda c: f"\\check{{{c}}}"  # noqa: E731
            return replace(s, name=_rename(s.name, check), text=_rename(s.text, check))
        return s
    return _map(cell, fn)


def _letter_functions(cell: N.Cell, notes: list[str]) -> N.Cell:
    """g(W x_t): a lower-case letter (or \\sigma-like letter with a subscript, f_c) written right
    before a parenthesis, that is no signal and no declared weight, is a function."""
    signals = {s.name for s, _, _ in _symbols(cell) if s.lag is not None} | set(_defined(cell))
    declared = {s.name for d in cell.declarations for s in d.symbols}
    text = cell.source.text
    found: dict[str, N.Symbol] = {}

    def letter(n) -> bool:
        return (isinstance(n, N.Symbol) and n.lag is None and re.fullmatch(r"[a-z](_(\{[A-Za-z0-9]+\}|[A-Za-z0-9]))?", n.name)
                is not None and n.name not in signals and n.name not in declared and not n.font
                and _PAREN.match(text, n.span.end) is not None)

    def rewrite(node):
        done: dict[int, object] = {}
        stack: list = [(node, False)]
        while stack:
            n, ready = stack.pop()
            kids = N.children(n)
            if not kids:
                done[id(n)] = n
            elif not ready:
                stack.append((n, True))
                stack.extend((k, False) for k in kids)
            elif isinstance(n, N.Binary) and n.op == "matmul" and not n.explicit and letter(n.left) \
                    and n.right.span.start == n.left.span.end:
                found.setdefault(n.left.name, n.left)
                done[id(n)] = N.Apply(n.left.text, done[id(n.right)], n.span)
            elif isinstance(n, N.Binary) and n.op == "matmul" and not n.explicit and isinstance(n.left, N.Binary) \
                    and n.left.op == "matmul" and not n.left.explicit and letter(n.left.right) \
                    and n.right.span.start == n.left.right.span.end:  # W d(h): W times d(h)
                g = n.left.right
                found.setdefault(g.name, g)
                inner = N.Apply(g.text, done[id(n.right)], N.Span(g.span.start, n.span.end))
                done[id(n)] = N.Binary("matmul", done[id(n.left.left)], inner, n.span)
            else:
                done[id(n)] = N._rebuilt(n, [done[id(k)] for k in kids])
        return done[id(node)]
    eqs = tuple(replace(eq, rhs=rewrite(eq.rhs), also=tuple(rewrite(x) for x in eq.also)) for eq in cell.equations)
    for name, s in found.items():
        notes.append(f"{name}(...) at {cell.source.where(s.span)} reads as a function {name} with no parameters; "
                     f"if {name} is a weight, write {name} \\, (...) or declare its shape")
    return replace(cell, equations=eqs) if found else cell


def _reassociate(cell: N.Cell, notes: list[str]) -> N.Cell:
    """z \\cdot W_h \\cdot x_t: a weight applies to the vector after it before the product with the
    vector before it, z \\cdot (W_h \\cdot x_t) (left to right, z \\cdot W_h would be a row product)."""
    signals = {s.name for s, _, _ in _symbols(cell) if s.lag is not None} | set(_defined(cell))

    def has_signal(n) -> bool:
        return any(isinstance(x, N.Symbol) and x.name in signals for x in N.walk(n))

    def weight(n) -> bool:
        n = n.arg if isinstance(n, N.Transpose) else n
        return isinstance(n, N.Symbol) and n.name not in signals and n.lag is None

    def rewrite(node):
        done: dict[int, object] = {}
        stack: list = [(node, False)]
        changed = False
        while stack:
            n, ready = stack.pop()
            kids = N.children(n)
            if not kids:
                done[id(n)] = n
            elif not ready:
                stack.append((n, True))
                stack.extend((k, False) for k in kids)
            elif (isinstance(n, N.Binary) and n.op == "matmul" and isinstance(n.left, N.Binary)
                  and n.left.op == "matmul" and has_signal(n.left.left) and weight(n.left.right)
                  and has_signal(n.right) and not isinstance(n.left.left, N.Transpose)):
                a, b, c = done[id(n.left.left)], done[id(n.left.right)], done[id(n.right)]
                inner = N.Binary("matmul", b, c, N.Span(b.span.start, c.span.end), n.explicit)
                done[id(n)] = N.Binary("matmul", a, inner, n.span, n.left.explicit)
                changed = True
            else:
                done[id(n)] = N._rebuilt(n, [done[id(k)] for k in kids])
        return done[id(node)] if changed else node
    eqs = tuple(replace(eq, rhs=rewrite(eq.rhs), also=tuple(rewrite(x) for x in eq.also)) for eq in cell.equations)
    return replace(cell, equations=eqs)
