"""Names glued together as plain text writes them: a capital letter written against a weight's letter
where the capital names a gate (`IW`, `FW`: one name), and a weight's letter written against the
letter of a timed signal (`Wf`, `bz`, `Wbz`, `Wz^T` in a text whose signals carry their time: W_f,
b_z, W_{bz}, (W_z)^T). Steps of read.readings."""
from __future__ import annotations

from ..errors import replace
from . import nodes as N
from . import patterns as re  # re, with the package's patterns compiled ahead (read.patterns)
from .cellwalk import right_nodes, symbols
from .choices import Choice, current
from .words import kind


def two_letter_names(cell: N.Cell, notes: list[str]) -> N.Cell:
    """IW_{\\ell-1,\\ell}, FW_{...}: a capital letter written against a weight's letter, where the
    capital names one of the cell's gates (I for i, F for f), is one name: the gate's weight."""
    if not any(n.op == "matmul" and isinstance(n.left, N.Symbol) and len(n.left.name) == 1 and n.left.name.isupper()
               and isinstance(n.right, N.Symbol) for n in right_nodes(cell, N.Binary)):
        return cell  # no capital letter written against a symbol (asked before the gates' letters are found)
    gates = {re.sub(r"\\[A-Za-z]+\{|[{}]", "", s.name)[:1] for s, _, left in symbols(cell) if left}
    found: dict[str, N.Symbol] = {}

    def one(n, new):
        if (isinstance(n, N.Binary) and n.op == "matmul" and not n.explicit and isinstance(n.left, N.Symbol)
                and isinstance(n.right, N.Symbol) and re.fullmatch(r"[A-Z]", n.left.name) and n.left.lag is None
                and n.right.lag is None and n.right.name[:1].isupper() and n.left.span.end == n.right.span.start
                and n.left.name.lower() in gates):
            name = n.left.name + n.right.name
            sym = N.Symbol(name, n.left.name + n.right.text, None, n.span, n.right.font)
            found.setdefault(name, sym)
            return sym
        return None

    def rewrite(node):
        return N.rewrite(node, one)
    eqs = tuple(replace(eq, rhs=rewrite(eq.rhs), also=tuple(rewrite(x) for x in eq.also)) for eq in cell.equations)
    for name, s in [(n, s) for n, s in found.items() if not any(t.span.start == s.span.start and t.span.end > s.span.end
                                                                for t in found.values())]:  # (not Wy of Wyh: the longer name)
        notes.append(f"{s.text} at {cell.source.where(s.span)} reads as one name, the weight of gate "
                     f"{name[0].lower()}, not {name[0]} times {s.text[1:]}")
    return replace(cell, equations=eqs) if found else cell


_GATE_SUBSCRIPT = re.compile(r"\\(?:Gamma|gamma|sigma|Sigma)_\{?([a-z])\}?")  # Ng's gates: \Gamma_u, \Gamma_r


def glued_subscripts(cell: N.Cell, notes: list[str]) -> N.Cell:
    """Wf·[hₜ₋₁, xₜ] + bf in a cell whose signals carry a time index (fₜ): the letter of a signal written against a
    weight's letter without a time index is the weight's subscript (W_f, b_f), not the signal (never written without
    its time); so with a letter between (Wbz: W_{bz}) and under a transpose (Wz^T: (W_z)^T); and a small letter glued
    to W, U, V or R right before an explicit product (Wi*x_t, Wi \\cdot x_t: W_i), whether or not a signal carries it."""
    timed = {s.name for s, _, _ in symbols(cell) if s.lag is not None}
    if not timed:
        return cell
    letters = {(re.sub(r"^\\[A-Za-z]+\{(.)\}$", r"\1", n) if n[:1] == "\\" else n).lower() for n in timed}  # \tilde{C} -> c: Wc is W_c
    letters |= {m.group(1) for eq in cell.equations if isinstance(eq.lhs, N.Symbol)  # \Gamma_u defined: Wu is W_u
                for m in [_GATE_SUBSCRIPT.fullmatch(eq.lhs.name)] if m}
    found: dict[str, N.Symbol] = {}
    apart = _listed_apart(cell.prose)  # ("$W_r$, $W$ and $U$ are parameters": Wx is W times x)
    own = {i: eq.lhs.name for i, eq in enumerate(cell.equations) if isinstance(eq.lhs, N.Symbol) and eq.lhs.lag is None
           and re.fullmatch(r"[a-z]", eq.lhs.name)}  # z = σ(Wzx x_t + Wzh h_{t-1} + bz): z's own letter after b
    _weight_tails(cell, letters, own, letters_of := {i: letters | {name} for i, name in own.items()})

    def one(n, new, letters=letters):
        if not (isinstance(n, N.Binary) and n.op == "matmul" and not n.explicit):
            return None
        right = n.right.arg if isinstance(n.right, N.Transpose) else n.right  # Wz^T: (W_z)^T
        if not (isinstance(right, N.Symbol) and right.lag is None and (right.name in letters or before_product(right))):
            return None  # the right operand first: a timed signal (most products) is never a subscript
        run, before = _letters(n.left), None
        if run is None and isinstance(n.left, N.Binary) and n.left.op == "matmul" and not n.left.explicit:
            run, before = _letters(n.left.right), n.left.left  # S_{t-1} Wz: (S_{t-1} W) z as the grammar groups it
        if (run and len(run) <= 3 and not right.font and not _kept_apart(run, right, apart, text)
                and re.fullmatch(r"[a-z]", right.name) and run[-1].span.end == right.span.start
                and run[0].name not in timed and all(s.name.lower() not in letters or s.name in timed for s in run[1:])
                and (right.name in letters or (run[0].name in _WEIGHT_LETTERS and len(run) == 1))):
            name = f"{run[0].name}_{{{''.join(s.name for s in run[1:]) + right.name}}}"
            sym = N.Symbol(name, name, None, N.Span(run[0].span.start, right.span.end), run[0].font or right.font)
            found.setdefault(name, sym)
            sym = N.Transpose(sym, n.right.span) if right is not n.right else sym
            return sym if before is None else N.Binary("matmul", new(before), sym, n.span)
        return None
    def maybe(n, letters=letters) -> bool:  # what `one` looks at first, without rebuilding anything
        right = n.right.arg if isinstance(n.right, N.Transpose) else n.right
        return isinstance(right, N.Symbol) and right.lag is None and (right.name in letters or before_product(right))

    def before_product(sym: N.Symbol) -> bool:  # Wi*x_t: a glued letter right before an explicit product
        return _PRODUCT_AFTER.match(text, sym.span.end) is not None
    text = cell.source.text
    if not any(isinstance(n, N.Binary) and n.op == "matmul" and not n.explicit and maybe(n, letters_of.get(i, letters))
               for i, eq in enumerate(cell.equations) for side in (eq.rhs, *eq.also) for n in N.walk(side)):
        return cell

    def each(i):  # the own letter only after b (Uh in h = tanh(W x_t + Uh + b) is U times h)
        def after_b(n, new):
            glued = isinstance(n, N.Binary) and isinstance(n.left, N.Symbol) and n.left.name == "b" \
                and isinstance(n.right, N.Symbol) and n.right.name in letters_of[i]
            return one(n, new, letters_of[i]) if glued else one(n, new)
        return after_b if i in own else one
    eqs = tuple(replace(eq, rhs=N.rewrite(eq.rhs, each(i)), also=tuple(N.rewrite(x, each(i)) for x in eq.also))
                for i, eq in enumerate(cell.equations))
    for name, s in [(n, s) for n, s in found.items() if not any(t.span.start == s.span.start and t.span.end > s.span.end
                                                                for t in found.values())]:  # (not Wy of Wyh: the longer name)
        notes.append(f"{cell.source.slice(s.span)} at {cell.source.where(s.span)} reads as {name}: the signals of "
                     "this text are written with their time index, so the letter after the weight's is its subscript")
    return replace(cell, equations=eqs) if found else cell


def _kept_apart(run: list, right: N.Symbol, apart: set[str], text: str) -> bool:
    """`Wx + ...` with W listed apart (_listed_apart) and no factor after it: W times x."""
    return len(run) == 1 and f"{run[0].name}_{right.name}" in apart and _TERM_ENDS.match(text, right.span.end) is not None \
        and _TERM_STARTS.search(text, max(0, run[0].span.start - 12), run[0].span.start) is not None


def _listed_apart(prose: str) -> set[str]:
    """The glued names (W_x) the prose never names where it lists their letter alone beside the same letter with
    another subscript ("$W_r$, $W_z$, $W$ and $U$ are parameters"): W is a weight of its own, so `Wx` in the equations
    is W times x where nothing multiplies after it (`\\tanh(Wx + U h)`; `Wx x_t` is W_x's product); never where the
    prose names W_x too ("$W_x$ the input matrix, $W$ the output's")."""
    if not any(w in prose for w in _WEIGHT_LETTERS):
        return set()
    chunks = {re.sub(r"\s+|[{}]", "", next(g for g in m.groups() if g is not None)) for m in _INLINE_MATH.finditer(prose)}
    return {f"{w}_{x}" for w in _WEIGHT_LETTERS if w in chunks and any(c.startswith(w + "_") for c in chunks)
            for x in "abcdefghijklmnopqrstuvwxyz" if f"{w}_{x}" not in chunks}


_INLINE_MATH = re.compile(r":math:`([^`]*)`|\$([^$]*)\$|\\\(((?:(?!\\\)).)*)\\\)")


def _weight_tails(cell: N.Cell, letters: set[str], own: dict, letters_of: dict) -> None:
    """O_t = H_t Whq + bq: the last letter of an equation's weight is a letter its bias may be glued to (b_q)."""
    if _GLUED_B.search(cell.source.text) is None:
        return  # (no b glued to a letter in the text: no equation to walk)
    for i, eq in enumerate(cell.equations):
        tails = {m.group(1)[-1] for n in N.walk(eq.rhs) if isinstance(n, N.Symbol) and n.lag is None
                 for m in [_WEIGHT_NAME.fullmatch(n.name)] if m}
        if tails - letters_of.get(i, letters):
            own.setdefault(i, "")  # (an equation with letters of its own: its b glued to one of them is read as b_q)
            letters_of[i] = letters_of.get(i, letters) | tails


_WEIGHT_LETTERS = frozenset("WUVR")
_GLUED_B = re.compile(r"(?<![\w\\])b[a-z](?![\w{])")
_WEIGHT_NAME = re.compile(r"[WUVRw](?:_\{)?[a-z]{1,2}([a-z])\}?")  # Whq, W_{hq}: a weight's glued or braced subscript
_TERM_ENDS = re.compile(r"[ \t]*(?:[-+)},\]]|\\right|\\\\|$)")  # `(Wx + U ...)`: a term of its own (never `Wx x_t`, `Wx\, x_t`, `Wx × x_t`)
_TERM_STARTS = re.compile(r"(?:[(+=,{\[-]|\\left[(\[]|&=|^)[ \t]*$")  # (never `x_t Wx`: the row vector's weight)
_PRODUCT_AFTER = re.compile(r"[ \t]*(?:\*|@|·|\\cdot(?![A-Za-z]))")  # Wi*x_t, Wi \cdot x_t: the glued letter is W's subscript


def braced_subscripts(cell: N.Cell, notes: list[str]) -> N.Cell:
    """`W{xh}\\, x_t`: a capital weight's letter with a braced group of small letters right after it and no `_` (a
    subscript whose underscore a converter lost, as it lost `\\tilde{h}t`'s) is that subscript, W_{xh}, with a note;
    never a weight times the product of two letters no equation writes at a step."""
    text = cell.source.text
    found: list = []

    def one(n, new):
        if not (isinstance(n, N.Binary) and n.op == "matmul" and not n.explicit and isinstance(n.left, N.Symbol)
                and re.fullmatch(r"[A-Z]", n.left.name) and n.left.lag is None and text.startswith("{", n.left.span.end)
                and n.right.span.start == n.left.span.end):
            return None
        run = _letters(n.right, False)
        if not run or len(run) > 3 or not all(s.name.islower() for s in run):
            return None
        name = f"{n.left.name}_{{{''.join(s.name for s in run)}}}"
        found.append((n.left, name))
        return N.Symbol(name, name, None, n.span, n.left.font)
    eqs = tuple(replace(eq, rhs=N.rewrite(eq.rhs, one), also=tuple(N.rewrite(x, one) for x in eq.also)) for eq in cell.equations)
    for sym, name in found:
        notes.append(f"{sym.text}{{...}} at {cell.source.where(sym.span)} reads as {name}: a subscript written without its "
                     "underscore (a weight times letters no equation writes at a step is no reading)")
    return replace(cell, equations=eqs) if found else cell


def _letters(n, first: bool = True) -> list | None:
    """The single letters, with no time and no font, of a product written without spaces (W, Wb); the first may have
    a font, the weight's own (`\\boldsymbol{b}h`: b_h set bold)."""
    if isinstance(n, N.Symbol):
        return [n] if n.lag is None and (first or not n.font) and re.fullmatch(r"[A-Za-z]", n.name) else None
    if isinstance(n, N.Binary) and n.op == "matmul" and not n.explicit:
        a, b = _letters(n.left, first), _letters(n.right, False)
        if a and b and len(b) == 1 and a[-1].span.end == b[0].span.start:
            return a + b
    return None


_WEIGHT_TIMES_INPUT = frozenset(a + b for a in "WUV" for b in "xu")


def glued_products(cell: N.Cell, notes: list[str]) -> N.Cell:
    """\\mathbf{Vx}_t: a capital and a small letter in one font group with a time index is the product of
    a weight and a signal (V x_t) or one signal named Vx: both readings (a choice, `--read Vx=product`); the
    product where an equation defines the small letter (\\textbf{Wz}^{t-1} beside \\textbf{z}^t = ...)."""
    def glued(n) -> bool:
        return isinstance(n, N.Symbol) and n.lag is not None and n.font != "" and re.fullmatch(r"[A-Z][a-z](?:\^.+)?", n.name) is not None
    defined = {eq.lhs.name for eq in cell.equations if isinstance(eq.lhs, N.Symbol)}
    found = [n for n in right_nodes(cell, N.Symbol) if glued(n) and n.name not in defined]
    if not found:
        return cell
    split: dict[str, bool] = {}
    for n in found:
        if n.name not in split:
            split[n.name] = current().pick(Choice(n.name, ("product", "signal"), cell.source.where(n.span),
                                                  f"{n.text}: {n.name[0]} times {n.name[1:]} or one signal {n.name}"),
                                           ambiguous=n.name[1:] not in defined and n.name not in _WEIGHT_TIMES_INPUT) == "product"
            # (z defined: W times z; \\mathbf{Wx}_t: the weight letter before the input's, W x_t)
            if split[n.name]:
                notes.append(f"{n.text} at {cell.source.where(n.span)} reads as {n.name[0]} times {n.text[1:]} "
                             f"(--read {n.name}=signal reads one signal {n.name})")

    def one(n):
        if glued(n) and split.get(n.name):
            weight = N.Symbol(n.name[0], n.name[0], None, n.span, n.font)
            return N.Binary("matmul", weight, replace(n, name=n.name[1:], text=n.text[1:]), n.span)
        return n
    if not any(split.values()):
        return cell
    return replace(cell, equations=tuple(replace(eq, rhs=N.map_symbols(eq.rhs, one), also=tuple(N.map_symbols(x, one) for x in eq.also))
                                         for eq in cell.equations))


_SPACED_CALL = re.compile(r"(?P<name>[A-Z][a-z0-9]{1,2})[ \t]+(?:\\left\s*)?\(")


def glued_applications(cell: N.Cell, notes: list[str]) -> N.Cell:
    """`Uh (r .* h)` in a text whose weights are glued names written against what they multiply (`Wr x`,
    `Ur h`): a weight's name before a spaced parenthesis, no function symcount knows, multiplies what
    the parenthesis holds, or is a function of it: both readings (`--read Uh=function`), a function
    with unknown parameters refusing."""
    text = cell.source.text
    found = [n for n in right_nodes(cell, N.Apply) if not n.each and kind(n.func) == "unknown"
             and (m := _SPACED_CALL.match(text, n.span.start)) is not None and m.group("name") == n.func]
    if not found:
        return cell  # (no call of an unknown name before a spaced parenthesis: the family not looked for)
    family = {n.left.name[:1] for n in right_nodes(cell, N.Binary) if n.op == "matmul" and isinstance(n.left, N.Symbol)
              and n.left.name[:1].isupper() and isinstance(n.right, N.Symbol)}
    found = [n for n in found if n.func[:1] in family]
    if not found:
        return cell
    times: dict[str, bool] = {}
    for n in found:
        if n.func not in times:
            times[n.func] = current().pick(Choice(n.func, ("matrix", "function"), cell.source.where(n.span),
                                                  f"{n.func} (...): {n.func} times what follows, or a function of it")) == "matrix"
            if times[n.func]:
                notes.append(f"{n.func} at {cell.source.where(n.span)} is a weight like the cell's others, written before a "
                             f"spaced parenthesis: read as {n.func} times it (--read {n.func}=function reads a function)")

    ids = {id(n) for n in found}

    def one(n, new):
        if id(n) in ids and times.get(n.func):
            end = n.span.start + len(n.func)
            return N.Binary("matmul", N.Symbol(n.func, n.func, None, N.Span(n.span.start, end)), new(n.arg), n.span)
        return None
    return replace(cell, equations=tuple(replace(eq, rhs=N.rewrite(eq.rhs, one), also=tuple(N.rewrite(x, one) for x in eq.also))
                                         for eq in cell.equations)) if any(times.values()) else cell


def glued_to_own_name(cell: N.Cell, notes: list[str]) -> N.Cell:
    """`o = σ(Xt Wxo + Ht-1 Who + Bo)`: a bias's letter written against the letter the equation defines (B against o,
    in o's own equation, beside the weights Wxo, Who glued the same way) is one name, the bias B_o: a signal is never a
    factor of its own definition at the same step. A note says so."""
    found: list[N.Symbol] = []

    def rewrite(eq):
        own = eq.lhs.name if isinstance(eq.lhs, N.Symbol) and eq.lhs.lag is None else None
        # (only beside weights glued the same way, Wxo and Who in o's equation: h = tanh(Wh + Ux + b) is W times h)
        glued = own is not None and len(own) == 1 and any(isinstance(x, N.Symbol) and re.fullmatch(r"W[a-z]{1,2}", x.name)
                                                          and x.name.endswith(own) for x in N.walk(eq.rhs))

        def one(n, new):
            if (own is not None and glued and isinstance(n, N.Binary) and n.op == "matmul" and not n.explicit
                    and isinstance(n.left, N.Symbol) and isinstance(n.right, N.Symbol) and n.left.name in ("B", "b")
                    and n.right.name == own and n.right.lag is None and n.left.lag is None and not n.left.font
                    and n.left.span.end == n.right.span.start):
                sym = N.Symbol(f"{n.left.name}_{own}", n.left.text + n.right.text, None, n.span, n.left.font)
                found.append(sym)
                return sym
            return None
        return replace(eq, rhs=N.rewrite(eq.rhs, one)) if glued else eq
    eqs = tuple(rewrite(eq) for eq in cell.equations)
    for s in found:
        notes.append(f"{s.text} at {cell.source.where(s.span)} reads as one name, {s.name}: the signal it would multiply "
                     "is the one its equation defines")
    return replace(cell, equations=eqs) if found else cell
