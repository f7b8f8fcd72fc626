"""The AST: frozen dataclasses with source spans, produced by parse and read by shapes."""
from __future__ import annotations


from ..errors import Record, replace
from .source import Source, Span  # noqa: F401 (Span: the nodes' spans, re-exported for rewrites)


class Lin(Record):
    """A linear dimension: the sum of coeff * name over `terms` (names sorted), plus `const`.
    Written sizes (`h + d`), inferred sizes (`d_h`) and the shapes of parameters are all Lins."""
    __slots__ = ('terms', 'const')
    _defaults = {'const': 0}

    terms: tuple[tuple[str, int], ...]
    const: int

    def __str__(self) -> str:
        out = []
        for name, k in self.terms:
            term = name if abs(k) == 1 else f"{abs(k)}*{name}"
            out.append(("- " if k < 0 else "+ ") + term)
        if self.const or not out:
            out.append(("- " if self.const < 0 else "+ ") + str(abs(self.const)))
        text = " ".join(out)
        return text[2:] if text.startswith("+ ") else "-" + text[2:]

    @property
    def is_one(self) -> bool:
        return not self.terms and self.const == 1


ONE = Lin((), 1)
PRODUCT = "*"  # a size that is a product of sizes (E d, an expansion factor) is one name: "E*d"


def factors(name: str) -> tuple[str, ...]:
    """The sizes a dimension's name multiplies: "E*d" -> ("E", "d"); "d_h" -> ("d_h",)."""
    return tuple(name.split(PRODUCT))


class Symbol(Record):
    """A letter (or a word) with its accents and indices. `name` identifies it (time index
    removed); `lag` is None for a symbol without a time index, else the time offset (0 for x_t, 1
    for h_{t-1}, -1 for h_{t+1}); `font` is "bold", "cal", ... or "" for a plain letter."""
    __slots__ = ('name', 'text', 'lag', 'span', 'font')
    _defaults = {'font': ""}

    name: str
    text: str
    lag: int | None
    span: Span
    font: str


class Number(Record):
    __slots__ = ('value', 'span')
    value: str
    span: Span


class Apply(Record):
    """A function applied: \\tanh(x), \\text{Linear}_{d}(x), or a column of functions applied
    blockwise (`each`: \\begin{bmatrix}\\sigma \\\\ \\tanh\\end{bmatrix}(...))."""
    __slots__ = ('func', 'arg', 'span', 'each')
    _defaults = {'each': ()}

    func: str
    arg: "Expr"
    span: Span
    each: tuple[str, ...]


class Binary(Record):
    __slots__ = ('op', 'left', 'right', 'span', 'explicit')
    _defaults = {'explicit': False}
    op: str  # "add", "sub", "hadamard", "matmul", "star" (*), "divide"; "oplus" until read.operators reads it
    left: "Expr"
    right: "Expr"
    span: Span
    explicit: bool  # matmul written as \cdot or \times, not juxtaposition


class Neg(Record):
    __slots__ = ('arg', 'span')
    arg: "Expr"
    span: Span


class Transpose(Record):
    __slots__ = ('arg', 'span')
    arg: "Expr"
    span: Span


class Concat(Record):
    __slots__ = ('items', 'span')
    items: tuple["Expr", ...]
    span: Span


class Power(Record):
    """(a)^2: elementwise. `exponent` is an int as written (2, -1), or a scalar expression of numbers
    and constants ((a)^{1/\\tau}, (a)^{0.5}, (a)^{\\frac{1}{16}}): its symbols are constants the text
    fixes, never walked as operands (walk and children give `arg` only)."""
    __slots__ = ('arg', 'exponent', 'span')

    arg: "Expr"
    exponent: "int | Expr"
    span: Span


class Tuple(Record):
    """(a, b) or (z; alpha, beta): the arguments of a function."""
    __slots__ = ('items', 'span')

    items: tuple["Expr", ...]
    span: Span


Expr = (Symbol, Number, Apply, Binary, Neg, Transpose, Concat, Power, Tuple)  # the expressions (a tuple: isinstance takes it; typing's Union costs its import)


class Size(Record):
    """A size as written in a declaration (`h + d` in W \\in \\mathbb{R}^{h \\times (h + d)})."""
    __slots__ = ('lin', 'span')

    lin: Lin
    span: Span


class Equation(Record):
    """lhs = rhs; a chain lhs = rhs = a_2 = ... keeps the other right sides in `also`."""
    __slots__ = ('lhs', 'rhs', 'span', 'also', 'inline')
    _defaults = {'also': (), 'inline': False}

    lhs: Expr
    rhs: Expr
    span: Span
    also: tuple[Expr, ...]
    inline: bool   # written in running text ($...$ in a sentence), not displayed

    @property
    def label(self) -> str:
        return self.lhs.text if isinstance(self.lhs, Symbol) else "the stacked equation"


class Declaration(Record):
    """x_t \\in \\mathbb{R}^{d}; W \\in \\mathbb{R}^{h \\times d}; a kernel
    W \\in \\mathbb{R}^{k \\times k \\times C \\times C} has its sizes beyond two in `more`."""
    __slots__ = ('symbols', 'rows', 'cols', 'span', 'more', 'transposed', 'field', 'origin')
    _defaults = {'more': (), 'transposed': (), 'field': "", 'origin': ""}

    symbols: tuple[Symbol, ...]
    rows: Size | None  # None with cols None: a scalar (\mathbb{R})
    cols: Size | None
    span: Span
    more: tuple[Size, ...]
    transposed: tuple[bool, ...]  # per symbol: W^T \in ... declares the transpose
    field: str                    # "complex" for \mathbb{C}: two real parameters per entry;
    #                                    "interval" for (0,1), [-1,1]: the range of each entry;
    #                                    "range" for [0.5, 0.9]: a number chosen in it (a constant)
    origin: str                   # "code": the shape of the call that makes it (np.random.randn(H, V + H)),
    #                                    set aside where the equations do not fit it; "legend": a
    #                                    comment's legend of shapes, its orientation a choice; "reading":
    #                                    made by a reading (shapes.retries), not written: not shown as declared
    #                                    "family": a bare W's matrix shape given each W_f, W_i (read.wildcards),
    #                                    set aside where the equations do not fit it


class Directive(Record):
    __slots__ = ('key', 'symbol', 'span')
    key: str  # "input", "output", "heads" (the head count's size) or "shared" (one for all heads)
    symbol: Symbol
    span: Span


class Stated(Record):
    """A count the text states for its cell, a formula of sizes (read.statedcount): `2h(h + d + 1)`."""
    __slots__ = ('formula', 'span', 'said', 'picks')
    _defaults = {'said': False, 'picks': False}
    formula: "Expr"
    span: Span
    said: bool  # a sum in math, in a sentence that says "parameters": a count no reading gives is noted
    picks: bool  # right after the equations, in a sentence that names no cell: it may pick among readings


class Cell(Record):
    __slots__ = ('source', 'equations', 'declarations', 'directives', 'notes', 'prose', 'components', 'settings', 'listed',
                 'stated')
    _defaults = {'notes': (), 'prose': "", 'components': (), 'settings': (), 'listed': (), 'stated': ()}
    source: Source
    equations: tuple[Equation, ...]
    declarations: tuple[Declaration, ...]
    directives: tuple[Directive, ...]
    notes: tuple[str, ...]   # readings the parser made that rest on a guess, with their location
    prose: str               # the text outside math, for what it says of operators and symbols
    components: tuple[str, ...]  # component indices: j in [W x]_j and h_j^{<t>} (Cho et al.)
    settings: tuple[str, ...]    # names the text sets to a number: \beta = 1, h_0 = 0
    listed: tuple                # no equation: the parameters a list gives with their shapes (read.listing)
    stated: tuple[Stated, ...]   # the counts the text states for itself (measure.stated compares them)


# the walks made lately, by the node's id (the node kept with its walk, so that the id is not reused):
# the engine's passes walk every equation a dozen times; a bounded table, for a long-lived process
_WALKED: dict = {}
_WALKED_MAX = 1 << 14


_KEPT: list = [_WALKED]  # the tables forget_walks clears: the walks, and what passes keep per node


def kept(table: dict) -> dict:
    """A table a pass keeps per node (by id, with the node), cleared with the walks."""
    _KEPT.append(table)
    return table


def forget_walks() -> None:
    """Drop the walks kept (a derivation's end: no tree stays alive in a long-lived process)."""
    for table in _KEPT:
        table.clear()


def walk(node: Expr, into: type | None = None) -> list:
    """node and all its sub-expressions, parents first, left to right; with `into`, a node of
    that type is listed but not entered (each outermost one once: walking it is the caller's).
    A list, built in one tight loop (a generator's resumption per node cost more than the walk
    itself), and kept (see _WALKED): the caller reads it and never changes it."""
    if into is None:
        hit = _WALKED.get(id(node))
        if hit is not None and hit[0] is node:
            return hit[1]
    out: list = []
    stack = [node]
    kids = _KIDS_REVERSED
    pop, push, add = stack.pop, stack.extend, out.append
    if into is None:
        while stack:
            n = pop()
            add(n)
            get = kids.get(n.__class__)
            if get is not None:
                push(get(n))
        if len(_WALKED) >= _WALKED_MAX:
            _WALKED.clear()
        _WALKED[id(node)] = (node, out)
        return out
    while stack:
        n = pop()
        add(n)
        if isinstance(n, into):
            continue
        get = kids.get(n.__class__)
        if get is not None:
            push(get(n))
    return out


def containing(node: Expr, pred) -> set[int]:
    """The ids of the nodes (node itself and its sub-expressions) that have a sub-expression for
    which pred is true, found in one pass (asking `any(pred(x) for x in walk(n))` of every node n
    would be quadratic in a long chain)."""
    found: set[int] = set()
    kids_of = _KIDS.get
    for n in reversed(walk(node)):  # (the walk lists parents first: reversed, each node after its operands)
        if pred(n):
            found.add(id(n))
            continue
        kids = kids_of(n.__class__)
        if kids is not None:
            for k in kids(n):
                if id(k) in found:
                    found.add(id(n))
                    break
    return found


def between(left, right) -> Span | None:
    """The span from one node to another (read.build's spans of an operator's operands, the commonest by far);
    None where either is a token or a raw symbol, with no span of its own (read.build places those)."""
    a, b = getattr(left, "span", None), getattr(right, "span", None)
    if a is None or b is None:
        return None
    return Span(a.start if a.start < b.start else b.start, a.end if a.end > b.end else b.end)


def reading(node: Expr, names) -> set[int]:
    """containing(node, a symbol named in `names`), its test written out: the ids of the nodes that hold a
    symbol of one of the names (no call per node: a long cell asks it of every equation)."""
    found: set[int] = set()
    kids_of, add = _KIDS.get, found.add
    for n in reversed(walk(node)):
        if n.__class__ is Symbol:
            if n.name in names:
                add(id(n))
            continue
        kids = kids_of(n.__class__)
        if kids is not None:
            for k in kids(n):
                if id(k) in found:
                    add(id(n))
                    break
    return found


def children(n) -> tuple:
    """The operands of a node, left to right."""
    get = _KIDS.get(n.__class__)
    return get(n) if get is not None else ()


# the operands of each kind of node (no node kind is subclassed), and reversed for a stack
_KIDS = {Binary: lambda n: (n.left, n.right), Apply: lambda n: (n.arg,), Neg: lambda n: (n.arg,),
         Transpose: lambda n: (n.arg,), Power: lambda n: (n.arg,), Concat: lambda n: n.items, Tuple: lambda n: n.items}
_KIDS_REVERSED = {Binary: lambda n: (n.right, n.left), Apply: lambda n: (n.arg,), Neg: lambda n: (n.arg,),
                  Transpose: lambda n: (n.arg,), Power: lambda n: (n.arg,), Concat: lambda n: n.items[::-1],
                  Tuple: lambda n: n.items[::-1]}


def _rebuilt(n, kids: list):
    if isinstance(n, Binary):
        return n if (kids[0] is n.left and kids[1] is n.right) else replace(n, left=kids[0], right=kids[1])
    if isinstance(n, (Apply, Neg, Transpose, Power)):
        return n if kids[0] is n.arg else replace(n, arg=kids[0])
    if isinstance(n, (Concat, Tuple)):
        return n if all(a is b for a, b in zip(kids, n.items)) else replace(n, items=tuple(kids))
    return n


def map_symbols(node: Expr, fn) -> Expr:
    """node with every Symbol s replaced by fn(s), rebuilt only where something changed; without
    recursion (a sum of thousands of terms is a tree that deep)."""
    done: dict[int, Expr] = {}
    stack: list = [(node, False)]
    while stack:
        n, ready = stack.pop()
        if isinstance(n, Symbol):
            done[id(n)] = fn(n)
        elif not ready:
            stack.append((n, True))
            stack.extend((k, False) for k in children(n))
        else:
            done[id(n)] = _rebuilt(n, [done[id(k)] for k in children(n)])
    return done[id(node)]


def rewrite(node: Expr, fn) -> Expr:
    """node rebuilt bottom up, without recursion: for each node with operands, fn(n, new) gives its
    replacement (new(k) is what an operand k became), or None to keep n with its new operands."""
    done: dict[int, Expr] = {}

    def new(k):
        return done[id(k)]
    stack: list = [(node, False)]
    while stack:
        n, ready = stack.pop()
        kids = children(n)
        if not kids:
            done[id(n)] = n
        elif not ready:
            stack.append((n, True))
            stack.extend((k, False) for k in kids)
        else:
            out = fn(n, new)
            done[id(n)] = out if out is not None else _rebuilt(n, [new(k) for k in kids])
    return done[id(node)]


def key(node, table: dict | None = None) -> int:
    """A node's structure as a number, spans left out: two expressions written alike have one key
    (with one `table` shared between the calls that compare). Each distinct sub-structure is
    numbered once, so a key costs the size of the expression, however deep (a key spelled out as a
    string would hold the whole chain at every level of a long sum)."""
    table = {} if table is None else table
    done: dict[int, int] = {}
    stack: list = [(node, False)]
    while stack:
        n, ready = stack.pop()
        if isinstance(n, Symbol):
            sig: tuple = ("s", n.font, n.name, n.lag)
        elif isinstance(n, Number):
            sig = ("n", n.value)
        elif not ready:
            stack.append((n, True))
            stack.extend((k, False) for k in children(n))
            continue
        else:
            head = _HEAD.get(type(n))
            sig = (type(n).__name__, head(n) if head else "") + tuple(done[id(k)] for k in children(n))
        done[id(n)] = table.setdefault(sig, len(table))
    return done[id(node)]


_HEAD = {Binary: lambda x: x.op, Apply: lambda x: x.func + "|".join(x.each),
         Power: lambda x: f"^{exponent_key(x.exponent)}"}  # what tells apart two nodes of a kind


def exponent_key(e: "int | Expr") -> str:
    """A power's exponent as text that tells exponents apart: 2, -1, (1 divide \\tau). An exponent
    that is an expression is a few nodes (read.build checks what it holds)."""
    if isinstance(e, int):
        return str(e)
    if isinstance(e, Number):
        return e.value
    if isinstance(e, Symbol):
        return e.name
    if isinstance(e, Neg):
        return "-" + exponent_key(e.arg)
    if isinstance(e, Binary):
        return f"({exponent_key(e.left)} {e.op} {exponent_key(e.right)})"
    return type(e).__name__


def exponent_symbols(e: "int | Expr") -> list:
    """The symbols of a power's exponent (the constants it reads), left to right."""
    return [] if isinstance(e, int) else [x for x in walk(e) if isinstance(x, Symbol)]
