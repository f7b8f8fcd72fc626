"""Text -> Cell: read each math region (symcount.regions) with the Lark grammar into the AST."""
from __future__ import annotations

import re
from dataclasses import replace
from functools import lru_cache

from lark import Lark, Token, Transformer, v_args
from lark.exceptions import UnexpectedCharacters, UnexpectedEOF, UnexpectedInput, UnexpectedToken

from . import nodes as N
from .errors import ParseError
from .names import GREEK
from .regions import MEANINGFUL, TIMED, regions
from .source import Source, Span


# ---- the grammar ------------------------------------------------------------------------------
@lru_cache(maxsize=None)
def _parser() -> tuple[Lark, "_Build"]:
    """The parser, with the AST builder applied while parsing (no parse tree is kept).
    The builder's `shift` is set before each parse: not for use from several threads at once."""
    build = _Build()
    lark = Lark.open_from_package("symcount", "latex.lark", ("grammars",), parser="lalr",
                                  lexer="contextual", start=["start", "symbol"],
                                  maybe_placeholders=False, transformer=build)
    return lark, build


def _read(body: str, shift: int, start: str):
    lark, build = _parser()
    build.shift = shift
    return lark.parse(body, start=start)


class BadInput(Exception):
    """Raised while building the AST; parse() turns it into a ParseError with the source."""

    def __init__(self, message: str, start: int, end: int, hint: str) -> None:
        super().__init__(message)
        self.message, self.start, self.end, self.hint = message, start, end, hint


# ---- symbols: a letter, its fonts and accents, a prime, and scripts -----------------------------
_FONT_IN_INDEX = re.compile(r"\\(?:mathrm|text|textrm|mathit|mathbf|mathsf|rm|textnormal|operatorname)\s*\{([^{}]*)\}")
_TIME = re.compile(r"^\(?t(?:([+-])(\d+))?\)?$|^(?:<|\\langle)t(?:([+-])(\d+))?(?:>|\\rangle)$")
_ACCENTS = {"widetilde": "tilde", "widehat": "hat", "overline": "bar"}
_INDEX_CMD = re.compile(r"\\(?:" + "|".join(GREEK) + r"|langle|rangle|prime)(?![A-Za-z])")
_INDEX_OK = re.compile(r"[A-Za-z0-9+\-,()'*]*")


def _index_text(tok: str) -> str:
    """The inside of a subscript or superscript token, normalised: `_{ t - 1 }` -> `t-1`."""
    body = tok[1:].strip()
    if body.startswith("{") and body.endswith("}"):
        body = body[1:-1]
    body = _FONT_IN_INDEX.sub(r"\1", body)
    return re.sub(r"\s+", "", body)


def _time(part: str) -> int | None:
    """The lag that an index part names (t -> 0, t-1 -> 1, (t+1) -> -1), or None."""
    m = _TIME.match(part)
    if not m:
        return None
    sign, num = (m.group(1), m.group(2)) if m.group(1) or m.group(2) or part.startswith(("t", "(")) else (m.group(3), m.group(4))
    if num is None:
        return 0
    return int(num) if sign == "-" else -int(num)


def _script(kind: str, body: str) -> str:
    return f"{kind}{body}" if len(body) == 1 else f"{kind}{{{body}}}"


def _time_text(lag: int) -> str:
    return "t" if lag == 0 else (f"t-{lag}" if lag > 0 else f"t+{-lag}")


class _Raw:
    """A symbol being built: core letter (with accents), index texts, and its span (region offsets)."""

    __slots__ = ("core", "subs", "sups", "start", "end")

    def __init__(self, core: str, start: int, end: int, subs=(), sups=()) -> None:
        self.core, self.start, self.end = core, start, end
        self.subs, self.sups = list(subs), list(sups)


def _split_time(raw: _Raw) -> tuple[int | None, list[str], list[str]]:
    """The time index among a symbol's scripts (h_{t-1}, h^{(t)}, y^{t-1}) and the other parts."""
    lag = None
    subs = []
    for part in ",".join(raw.subs).split(",") if raw.subs else []:
        t = _time(part)
        if t is not None and lag is None:
            lag = t
        elif part:
            subs.append(part)
    sups = []
    for part in raw.sups:
        t = _time(part)
        if t is not None and lag is None:
            lag = t
        else:
            sups.append(part)
    return lag, subs, sups


def _symbol(raw: _Raw, shift: int) -> N.Symbol:
    """A raw symbol as a Symbol: its name without the time index, and as written with it."""
    lag, subs, sups = _split_time(raw)
    sub = ",".join(subs)
    tail = "".join(_script("^", s) for s in sups)
    name = raw.core + (_script("_", sub) if sub else "") + tail
    text = name if lag is None else raw.core + _script("_", ",".join(subs + [_time_text(lag)])) + tail
    return N.Symbol(name, text, lag, Span(raw.start + shift, raw.end + shift))


class _Spans(Transformer):
    """Token offsets are relative to the region being read; `shift` makes them absolute."""

    shift = 0

    def _s(self, *items) -> Span:
        """The absolute span covering tokens and _Raws (region offsets) and nodes (absolute)."""
        starts, ends = [], []
        for it in items:
            if isinstance(it, Token):
                starts.append(it.start_pos + self.shift)
                ends.append(it.end_pos + self.shift)
            else:
                starts.append(it.span.start)
                ends.append(it.span.end)
        return Span(min(starts), max(ends))


@v_args(inline=True)
class _Sizes(_Spans):
    """The sizes of a declaration's space, \\mathbb{R}^{h \\times (h + d)}: (rows, cols, end) for
    the space, a Size for each part."""

    def dimgroup(self, _lbrace, dims, rbrace):
        rows, cols, _ = dims
        return (rows, cols, rbrace.end_pos + self.shift)

    def dimprod(self, rows, _times=None, cols=None):
        if cols is None:
            return (rows, N.Size(N.ONE, rows.span), rows.span.end)
        return (rows, cols, cols.span.end)

    def dimsingle(self, tok):
        sp = self._s(tok)
        lin = N.Lin((), int(tok.value)) if tok.type == "INT" else N.Lin(((_dim_name(tok.value, None), 1),))
        return (N.Size(lin, sp), N.Size(N.ONE, sp), sp.end)

    def dimsum(self, *items):
        terms: dict[str, int] = {}
        const, sign = 0, 1
        for x in items:
            if isinstance(x, Token):
                sign = -1 if x.type == "MINUS" else 1
                continue
            for name, k in x.lin.terms:
                terms[name] = terms.get(name, 0) + sign * k
            const += sign * x.lin.const
        lin = N.Lin(tuple(sorted((n, k) for n, k in terms.items() if k)), const)
        return N.Size(lin, self._s(items[0], items[-1]))

    def dimconst(self, tok):
        return N.Size(N.Lin((), int(tok.value)), self._s(tok))

    def dimterm(self, *items):  # INT? dimvar
        return _scaled(items, self._s(*items))

    def dimparen(self, *items):  # INT? ( dimsum )
        return _scaled([x for x in items if not (isinstance(x, Token) and x.type in ("LPAR", "RPAR"))],
                       self._s(items[0], items[-1]))

    def dimvar(self, tok, sub=None):
        name = _dim_name(tok.value, _index_text(sub.value) if sub is not None else None)
        return N.Size(N.Lin(((name, 1),)), self._s(tok, *([sub] if sub is not None else [])))




@v_args(inline=True)
class _Build(_Sizes):
    """Lark tree -> nodes, one method per grammar rule, named as the rule's parts."""

    # symbols
    def letter(self, tok):
        return _Raw(tok.value, tok.start_pos, tok.end_pos)

    def font(self, font, _lbrace, inner, rbrace):
        return _Raw(inner.core, font.start_pos, rbrace.end_pos, inner.subs, inner.sups)

    def accent(self, accent, _lbrace, inner, rbrace):
        return _Raw(self._accented(accent, inner.core), accent.start_pos, rbrace.end_pos, inner.subs, inner.sups)

    def accent_letter(self, accent, letter):
        return _Raw(self._accented(accent, letter.value), accent.start_pos, letter.end_pos)

    @staticmethod
    def _accented(accent: Token, core: str) -> str:
        name = accent.value.lstrip("\\")
        return f"\\{_ACCENTS.get(name, name)}{{{core}}}"

    def raw(self, base, *scripts):
        raw = _Raw(base.core, base.start, base.end, base.subs, base.sups)
        if scripts and scripts[0].type == "PRIME":  # f'_t, f^{\prime}_t: another symbol
            prime, scripts = scripts[0], scripts[1:]
            raw.core += "'" * max(1, prime.value.count("'"))
            raw.end = max(raw.end, prime.end_pos)
        for tok in scripts:
            self._add_script(raw, tok)
        return raw

    def _add_script(self, raw: _Raw, tok: Token) -> None:
        body = _index_text(tok.value)
        where = (tok.start_pos + self.shift, tok.end_pos + self.shift)
        if not (_INDEX_OK.fullmatch(_INDEX_CMD.sub("", body)) or _time(body) is not None):
            raise BadInput(f"cannot read the index {tok.value.strip()}", *where,
                           "an index holds letters, digits, Greek letters, + - , ( ) and \\prime, like W_{hi} or h_{t-1}")
        scripts = raw.subs if tok.type == "SUB" else raw.sups
        if scripts:
            kind = "subscript" if tok.type == "SUB" else "superscript"
            raise BadInput(f"double {kind}", *where, f"write one {kind} with everything in braces, like W_{{hi}}")
        scripts.append(body)
        raw.end = max(raw.end, tok.end_pos)

    def symbol(self, raw):
        return _symbol(raw, self.shift)

    # expressions
    def number(self, tok):
        return N.Number(tok.value, self._s(tok))

    def add(self, left, _op, right):
        return N.Binary("add", left, right, self._s(left, right))

    def sub(self, left, _op, right):
        return N.Binary("sub", left, right, self._s(left, right))

    def hadamard(self, left, _op, right):
        return N.Binary("hadamard", left, right, self._s(left, right))

    def matmul(self, left, _op, right):
        return N.Binary("matmul", left, right, self._s(left, right), explicit=True)

    def juxtapose(self, left, right):
        return N.Binary("matmul", left, right, self._s(left, right))

    def neg(self, minus, arg):
        return N.Neg(arg, self._s(minus, arg))

    def pos(self, _plus, arg):
        return arg

    def apply(self, func, arg):
        return N.Apply(re.sub(r"\s+", "", func.value), arg, self._s(func, arg))

    def transpose(self, arg, tok):
        return N.Transpose(arg, self._s(arg, tok))

    def group(self, opening, inner, closing):
        return replace(inner, span=self._s(opening, closing))

    def bracket(self, opening, *rest):
        items = tuple(x for x in rest[:-1] if not isinstance(x, Token))
        if len(items) == 1:
            return replace(items[0], span=self._s(opening, rest[-1]))
        return N.Concat(items, self._s(opening, rest[-1]))

    def matrix(self, begin, *rest):
        return N.Concat(tuple(x for x in rest[:-1] if not isinstance(x, Token)), self._s(begin, rest[-1]))

    # statements
    def equation(self, lhs, _eqsign, rhs):
        return N.Equation(lhs, rhs, self._s(lhs, rhs))

    def eqsign(self, *tokens):
        return next(t for t in tokens if t.type == "EQ")

    def declaration(self, symbols, _insign, space):
        rows, cols, end = space
        return N.Declaration(symbols, rows, cols, Span(symbols[0].span.start, end))

    def declared(self, *items):
        return tuple(x for x in items if isinstance(x, N.Symbol))

    def insign(self, *tokens):
        return next(t for t in tokens if t.type == "IN")

    def space(self, reals, caret=None, dims=None):
        if dims is None:
            return (None, None, reals.end_pos + self.shift)
        return dims


def _scaled(items, span: Span) -> N.Size:
    """k * size, for `2h` or `3(h + d)`: items are an optional INT token and a Size."""
    k = int(items[0].value) if isinstance(items[0], Token) else 1
    lin = items[-1].lin
    return N.Size(N.Lin(tuple((n, c * k) for n, c in lin.terms), lin.const * k), span)


def _dim_name(letter: str, sub: str | None) -> str:
    base = letter.lstrip("\\")
    if not sub:
        return base
    return f"{base}_{re.sub(r'[^A-Za-z0-9]', '', sub) or 'x'}"


# ---- errors -----------------------------------------------------------------------------------
_FRIENDLY = {
    "EQ": "'='", "IN": "\\in", "PLUS": "'+'", "MINUS": "'-'", "HADAMARD": "\\odot", "MATMUL": "\\cdot",
    "TIMES": "\\times", "CARET": "'^'", "COMMA": "','", "SEMI": "';'", "DOT": "'.'", "AMP": "'&'",
    "BREAK": "\\\\", "QUAD": "\\quad", "TEXTSEP": "\\text{...}", "LPAR": "'('", "RPAR": "')'",
    "LBRACK": "'['", "RBRACK": "']'", "LBRACE": "'{'", "RBRACE": "'}'", "BEGIN_MAT": "\\begin{bmatrix}",
    "END_MAT": "\\end{bmatrix}", "REALS": "\\mathbb{R}", "FUNC": "a function such as \\sigma",
    "FONT": "\\mathbf", "ACCENT": "an accent such as \\tilde", "GREEK": "a Greek letter",
    "LETTER": "a letter", "INT": "a number", "DECIMAL": "a number", "TRANSPOSE": "^\\top",
    "SUB": "a subscript", "SUP": "a superscript", "$END": "the end of the math",
}


def _expected(names) -> str:
    shown = sorted({_FRIENDLY.get(n, n) for n in names if n in _FRIENDLY and n not in ("BREAK", "QUAD", "TEXTSEP", "DOT", "SEMI", "AMP")})
    if len(shown) > 8:
        shown = shown[:8] + ["..."]
    return ", ".join(shown)


def _parse_error(exc: UnexpectedInput, src: Source, shift: int, region_end: int) -> ParseError:
    if isinstance(exc, UnexpectedCharacters):
        pos = shift + exc.pos_in_stream
        m = re.match(r"\\[A-Za-z]+", src.text[pos:])
        if m:
            what = f"unknown command {m.group(0)}"
            hint = ("symcount reads the LaTeX of recurrent cells: see the README's Input language; "
                    "write functions as \\operatorname{name}(...)")
            end = pos + len(m.group(0))
        else:
            ch = src.text[pos:pos + 1]
            what = f"unexpected character {ch!r}"
            hint = "symcount's input language has no such operator (see the README's Input language)"
            end = pos + 1
        return ParseError(f"cannot read the math: {what}", source=src, span=Span(pos, end),
                          notes=(f"expected {_expected(exc.allowed)}",) if exc.allowed else (), hint=hint)
    if isinstance(exc, UnexpectedEOF) or (isinstance(exc, UnexpectedToken) and exc.token.type == "$END"):
        pos = region_end
        while pos > shift and src.text[pos - 1].isspace():
            pos -= 1
        pos = min(pos + 1, region_end)  # just after the last thing written
        expected = exc.expected if isinstance(exc, UnexpectedEOF) else exc.accepts or exc.expected
        hint = _match_hint(exc) or ("a parenthesis or bracket may be unclosed" if {"RPAR", "RBRACK", "RBRACE"} & set(expected)
                                    else "complete the statement")
        return ParseError("cannot read the math: it ends in the middle of a statement",
                          source=src, span=Span(max(shift, pos - 1), pos),
                          notes=(f"expected {_expected(expected)}",), hint=hint)
    assert isinstance(exc, UnexpectedToken)
    tok = exc.token
    pos = shift + tok.start_pos
    expected = exc.accepts or exc.expected
    shown = tok.value if len(tok.value) < 30 else tok.value[:27] + "..."
    hint = _match_hint(exc) or _hint_for(tok, expected)
    return ParseError(f"cannot read the math: unexpected {shown!r}", source=src,
                      span=Span(pos, shift + tok.end_pos), notes=(f"expected {_expected(expected)}",),
                      hint=hint)


# Bad inputs and the hint each deserves: lark matches a new error against these examples (by parser
# state and token), and tests/test_errors.py checks every example against its hint. An error that
# matches none gets the heuristic hint of _hint_for.
HINTS: dict[str, list[str]] = {
    "the left side of an equation must be one symbol, like h_t or \\tilde{c}_t": [
        r"h_t + c_t = x_t", r"2 h_t = W x_t", r"\sigma(h_t) = W x_t"],
    "two statements on one line need a separator: \\\\ , ; or \\quad": [
        r"h_t = W x_t y_t = U x_t", r"h_t = W x_t \tilde{h}_t = U x_t"],
    "a parenthesis or bracket may be unclosed": [
        r"h_t = \tanh(W x_t", r"h_t = W [x_t, h_{t-1}", r"h_t = \sigma\left( W x_t"],
    "a closing delimiter has no opening one, or an operand is missing before it": [
        r"h_t = W x_t)", r"h_t = (W x_t + ) U", r"h_t = W x_t]"],
    "an operand is missing: write something on each side of the operator": [
        r"h_t = W x_t + \odot b", r"h_t = W \odot \odot x_t", r"h_t = \odot x_t"],
    "complete the statement": [r"h_t = W x_t +", r"h_t =", r"h_t = W x_t \odot"],
    "a declaration reads x_t \\in \\mathbb{R}^{d} or W \\in \\mathbb{R}^{h \\times d}": [
        r"x_t \in", r"x_t \in \mathbb{R}^", r"W \in \mathbb{R}^{h \times}", r"x_t \in d"],
}


def _match_hint(exc: UnexpectedInput) -> str | None:
    try:
        return exc.match_examples(lambda text: _read(text, 0, "start"), HINTS, use_accepts=True)
    except Exception:  # a hint is a nicety: never let finding one fail the error report
        return None


def _hint_for(tok: Token, expected) -> str:
    expected = set(expected)
    if tok.type == "EQ":
        return "the left side of an equation must be one symbol, like h_t or \\tilde{c}_t"
    if tok.type in ("RPAR", "RBRACK", "RBRACE", "END_MAT"):
        return "a closing delimiter has no opening one, or an operand is missing before it"
    if "EQ" in expected or "IN" in expected:
        return "each statement is an equation `lhs = rhs` or a declaration `x \\in \\mathbb{R}^{d}`; separate statements with \\\\ or a comma"
    if tok.type in ("LETTER", "GREEK", "FUNC", "LPAR", "INT"):
        return "two statements on one line need a separator: \\\\ , ; or \\quad"
    return "see the README's Input language for what symcount reads"


# ---- the entry point --------------------------------------------------------------------------
def _constant_definition(eq: N.Equation) -> bool:
    """h_0 = 0, n = 2: a left side with no time index defined by numbers alone."""
    if not isinstance(eq.lhs, N.Symbol) or eq.lhs.lag is not None:
        return False
    return all(isinstance(n, (N.Number, N.Neg, N.Binary)) for n in N.walk(eq.rhs))


def parse(text: str, name: str = "<input>") -> N.Cell:
    src = Source(text, name)
    found, directive_spans = regions(src)
    equations: list[N.Equation] = []
    declarations: list[N.Declaration] = []
    for start, end, inline in found:
        body = text[start:end]
        if not MEANINGFUL.search(body):
            continue  # a mention, like "where $h_t$ is the hidden state"
        try:
            stmts = _read(body, start, "start")
        except UnexpectedInput as exc:
            if inline and not TIMED.search(body):
                continue  # prose math, like "for $t = 1, \ldots, T$" or "$\sigma(x) = 1/(1+e^{-x})$"
            raise _parse_error(exc, src, start, end) from None
        except BadInput as exc:
            raise ParseError(exc.message, source=src, span=Span(exc.start, exc.end), hint=exc.hint) from None
        except RecursionError:
            raise ParseError("the math nests too deeply to read", source=src, span=Span(start, start + 1),
                             hint="use fewer nested parentheses") from None
        for s in stmts.children:
            if isinstance(s, N.Equation) and _constant_definition(s):
                continue  # an initial condition or a setting, like h_0 = 0 or n = 2
            if isinstance(s, N.Equation):
                equations.append(s)
            elif isinstance(s, N.Declaration):
                declarations.append(s)
    directives = []
    for key, vstart, vend in directive_spans:
        if key not in ("input", "output"):
            raise ParseError(f"unknown directive 'symcount: {key}'", source=src,
                             span=Span(vstart - len(key) - 1, vstart),
                             hint="directives are `% symcount: input x` and `% symcount: output h`")
        try:
            sym = _read(text[vstart:vend], vstart, "symbol")
        except UnexpectedInput as exc:
            raise _parse_error(exc, src, vstart, vend) from None
        except BadInput as exc:
            raise ParseError(exc.message, source=src, span=Span(exc.start, exc.end), hint=exc.hint) from None
        directives.append(N.Directive(key, sym, Span(vstart, vend)))
    if not equations:
        raise ParseError("no equations found" if text.strip() else "the input is empty", source=src,
                         hint="write the cell's equations in math, e.g. $$ h_t = \\tanh(W x_t + U h_{t-1} + b) $$")
    return N.Cell(src, tuple(equations), tuple(declarations), tuple(directives))
