"""Text -> Cell: find the math regions of a LaTeX fragment and read each with the Lark grammar."""
from __future__ import annotations

import re
from dataclasses import replace
from functools import lru_cache

from lark import Lark, Token, Transformer
from lark.exceptions import UnexpectedCharacters, UnexpectedEOF, UnexpectedInput, UnexpectedToken

from . import nodes as N
from .errors import ParseError
from .source import Source, Span

# ---- math regions -----------------------------------------------------------------------------
# Scanning for delimiters is lexing, not parsing: what is between them goes to the grammar.
_ENVS = (r"equation|align|gather|multline|eqnarray|displaymath|math|flalign|alignat|aligned|array"
         r"|split|gathered")
_COLSPEC = re.compile(r"\s*\{[^{}]*\}")  # array's {ll}, alignat's {2}
_OPEN = re.compile(
    r"(?P<comment>(?<!\\)%[^\n]*)"
    r"|(?P<escaped>\\\$)"
    r"|(?P<dd>\$\$)"
    r"|(?P<d>\$)"
    r"|(?P<bracket>(?<!\\)\\\[)"
    r"|(?P<paren>(?<!\\)\\\()"
    r"|(?P<env>\\begin\s*\{(?P<envname>(?:" + _ENVS + r")\*?)\})"
)
_DIRECTIVE = re.compile(r"%\s*symcount\s*:\s*(?P<key>[A-Za-z_-]+)\s*(?P<value>.*?)\s*$")
_MEANINGFUL = re.compile(r"=|\\in(?![A-Za-z])")
# a time index, as in x_t, h_{t-1}, h^{(t)}: math that has one is meant for symcount
_TIMED = re.compile(r"[_^]\s*\{?\s*(?:\(|<|\\langle)?\s*t(?![A-Za-z])")


def regions(src: Source) -> tuple[list[tuple[int, int, bool]], list[tuple[str, int, int]]]:
    """Offsets (start, end, inline) of each math region's inside, and the directives (key, start,
    end of value) found in comments."""
    text = src.text
    found: list[tuple[int, int, bool]] = []
    directives: list[tuple[str, int, int]] = []
    pos = 0
    while True:
        m = _OPEN.search(text, pos)
        if m is None:
            break
        kind = m.lastgroup if m.lastgroup != "envname" else "env"
        if m.group("comment") is not None:
            d = _DIRECTIVE.match(m.group("comment"))
            if d:
                directives.append((d.group("key"), m.start() + d.start("value"), m.start() + d.end("value")))
            pos = m.end()
            continue
        if m.group("escaped") is not None:
            pos = m.end()
            continue
        if m.group("dd") is not None:
            close = _find_unescaped(text, "$$", m.end())
        elif m.group("d") is not None:
            close = _find_unescaped(text, "$", m.end())
        elif m.group("bracket") is not None:
            close = _find_unescaped(text, "\\]", m.end())
        elif m.group("paren") is not None:
            close = _find_unescaped(text, "\\)", m.end())
        else:
            name = m.group("envname")
            end = re.compile(r"\\end\s*\{" + re.escape(name) + r"\}").search(text, m.end())
            close = (end.start(), end.end()) if end else None
        if close is None:
            opener = m.group(0) if kind != "env" else f"\\begin{{{m.group('envname')}}}"
            raise ParseError(
                f"math region opened by {opener} is never closed",
                source=src, span=Span(m.start(), m.end()),
                hint="close it, or escape a literal dollar sign as \\$")
        start = m.end()
        if kind == "env" and m.group("envname").rstrip("*") in ("array", "alignat"):
            spec = _COLSPEC.match(text, start)
            start = spec.end() if spec else start
        found.append((start, close[0], kind in ("d", "paren")))
        pos = close[1]
    return found, directives


def _find_unescaped(text: str, needle: str, pos: int) -> tuple[int, int] | None:
    while True:
        i = text.find(needle, pos)
        if i < 0:
            return None
        if i > 0 and text[i - 1] == "\\" and not needle.startswith("\\"):
            pos = i + 1
            continue
        return i, i + len(needle)


# ---- the grammar ------------------------------------------------------------------------------
@lru_cache(maxsize=None)
def _parser() -> tuple[Lark, "_Build"]:
    """The parser, with the AST builder applied while parsing (no parse tree is kept).
    The builder's `shift` is set before each parse: not for use from several threads at once."""
    build = _Build(0)
    lark = Lark.open_from_package("symcount", "latex.lark", ("grammars",), parser="lalr",
                                  lexer="contextual", start=["start", "symbol"],
                                  maybe_placeholders=False, transformer=build)
    return lark, build


def _read(body: str, shift: int, start: str):
    lark, build = _parser()
    build.shift = shift
    build._raws.clear()
    try:
        return lark.parse(body, start=start)
    finally:
        build._raws.clear()


_FONT_IN_INDEX = re.compile(r"\\(?:mathrm|text|textrm|mathit|mathbf|mathsf|rm|textnormal|operatorname)\s*\{([^{}]*)\}")
_TIME = re.compile(r"^\(?t(?:([+-])(\d+))?\)?$|^(?:<|\\langle)t(?:([+-])(\d+))?(?:>|\\rangle)$")
_ACCENTS = {"widetilde": "tilde", "widehat": "hat", "overline": "bar"}


class BadInput(Exception):
    """Raised while building the AST; parse() turns it into a ParseError with the source."""

    def __init__(self, message: str, start: int, end: int, hint: str) -> None:
        super().__init__(message)
        self.message, self.start, self.end, self.hint = message, start, end, hint


_GREEK = ("alpha|beta|gamma|delta|epsilon|varepsilon|zeta|eta|theta|vartheta|iota|kappa|lambda|mu|nu|"
          "xi|pi|varpi|rho|varrho|sigma|varsigma|tau|upsilon|phi|varphi|chi|psi|omega|Gamma|Delta|"
          "Theta|Lambda|Xi|Pi|Sigma|Upsilon|Phi|Psi|Omega")
_INDEX_CMD = re.compile(r"\\(?:" + _GREEK + r"|langle|rangle|prime)(?![A-Za-z])")
_INDEX_OK = re.compile(r"[A-Za-z0-9+\-,()'*]*")


def _index_text(tok: str) -> str:
    """The inside of a subscript or superscript token, normalised: `_{ t - 1 }` -> `t-1`."""
    body = tok[1:].strip()
    if body.startswith("{") and body.endswith("}"):
        body = body[1:-1]
    body = _FONT_IN_INDEX.sub(r"\1", body)
    return re.sub(r"\s+", "", body)


def _time(part: str) -> int | None:
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
    """A symbol being built: core letter (with accents), index texts, and the span so far."""

    __slots__ = ("core", "subs", "sups", "start", "end")

    def __init__(self, core: str, start: int, end: int) -> None:
        self.core, self.subs, self.sups, self.start, self.end = core, [], [], start, end


class _Build(Transformer):
    """Lark tree -> nodes. Token offsets are relative to the region; `shift` makes them absolute."""

    def __init__(self, shift: int) -> None:
        super().__init__()
        self.shift = shift
        self._raws: dict[int, _Raw] = {}  # id(Symbol) -> its _Raw, for \mathbf{W_i} and \tilde{c_t}

    def _s(self, *items) -> Span:
        """The absolute span covering tokens and _Raws (region offsets) and nodes (absolute)."""
        starts, ends = [], []
        for it in items:
            if isinstance(it, Token):
                starts.append(it.start_pos + self.shift)
                ends.append(it.end_pos + self.shift)
            elif isinstance(it, _Raw):
                starts.append(it.start + self.shift)
                ends.append(it.end + self.shift)
            else:
                starts.append(it.span.start)
                ends.append(it.span.end)
        return Span(min(starts), max(ends))

    # symbols
    def letter(self, c):
        return _Raw(c[0].value, c[0].start_pos, c[0].end_pos)

    def font(self, c):
        inner = self._raws[id(c[2])]
        raw = _Raw(inner.core, c[0].start_pos, c[3].end_pos)
        raw.subs, raw.sups = inner.subs, inner.sups
        return raw

    def accent(self, c):
        acc = c[0].value.lstrip("\\")
        acc = _ACCENTS.get(acc, acc)
        inner = self._raws[id(c[2])] if len(c) == 4 else _Raw(c[1].value, c[1].start_pos, c[1].end_pos)
        raw = _Raw(f"\\{acc}{{{inner.core}}}", c[0].start_pos, c[-1].end_pos)
        raw.subs, raw.sups = list(inner.subs), list(inner.sups)
        return raw

    def symbol(self, c):
        raw = c[0]
        raw.subs, raw.sups = list(raw.subs), list(raw.sups)
        end = raw.end
        scripts_tokens = list(c[1:])
        if scripts_tokens and scripts_tokens[0].type == "PRIME":  # f'_t, f^{\prime}_t: another symbol
            prime = scripts_tokens.pop(0)
            raw.core += "'" * max(1, prime.value.count("'"))
            end = max(end, prime.end_pos)
        for tok in scripts_tokens:
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
            end = max(end, tok.end_pos)
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
            t = _time(part)  # h^{(t-1)}, h^{<t>}, and Greff et al.'s y^{t-1}
            if t is not None and lag is None:
                lag = t
            else:
                sups.append(part)
        sub = ",".join(subs)
        name = raw.core + (_script("_", sub) if sub else "") + "".join(_script("^", s) for s in sups)
        if lag is None:
            text = name
        else:
            shown = ",".join(subs + [_time_text(lag)])
            text = raw.core + _script("_", shown) + "".join(_script("^", s) for s in sups)
        sym = N.Symbol(name, text, lag, Span(raw.start + self.shift, end + self.shift))
        self._raws[id(sym)] = raw
        return sym

    # expressions
    def number(self, c):
        return N.Number(c[0].value, self._s(c[0]))

    def _bin(self, op, c, explicit=False):
        return N.Binary(op, c[0], c[2], self._s(c[0], c[2]), explicit)

    def add(self, c):
        return self._bin("add", c)

    def sub(self, c):
        return self._bin("sub", c)

    def hadamard(self, c):
        return self._bin("hadamard", c)

    def matmul(self, c):
        return self._bin("matmul", c, explicit=True)

    def juxtapose(self, c):
        return N.Binary("matmul", c[0], c[1], self._s(c[0], c[1]))

    def neg(self, c):
        return N.Neg(c[1], self._s(c[0], c[1]))

    def unary(self, c):  # unary plus
        return c[1]

    def apply(self, c):
        name = re.sub(r"\s+", "", c[0].value)
        return N.Apply(name, c[1], self._s(c[0], c[1]))

    def transpose(self, c):
        return N.Transpose(c[0], self._s(c[0], c[1]))

    def group(self, c):
        return replace(c[1], span=self._s(c[0], c[2]))

    def bracket(self, c):
        items = tuple(x for x in c[1:-1] if not isinstance(x, Token))
        if len(items) == 1:
            return replace(items[0], span=self._s(c[0], c[-1]))
        return N.Concat(items, self._s(c[0], c[-1]))

    def matrix(self, c):
        items = tuple(x for x in c[1:-1] if not isinstance(x, Token))
        return N.Concat(items, self._s(c[0], c[-1]))

    # statements
    def equation(self, c):
        lhs, rhs = c[0], c[-1]
        return N.Equation(lhs, rhs, self._s(lhs, rhs))

    def declaration(self, c):
        syms = tuple(x for x in c if isinstance(x, N.Symbol))
        rows, cols, end = c[-1]
        return N.Declaration(syms, rows, cols, Span(syms[0].span.start, end))

    def space(self, c):
        end = c[-1].end_pos + self.shift if isinstance(c[-1], Token) else c[-1][2]
        if len(c) == 1:
            return (None, None, end)
        rows, cols, end = c[2]
        return (rows, cols, end)

    def dimgroup(self, c):
        rows, cols, _ = c[1]
        return (rows, cols, c[2].end_pos + self.shift)

    def dimprod(self, c):
        dims = [x for x in c if isinstance(x, N.Dim)]
        if len(dims) == 1:
            return (dims[0], N.Dim((), 1, dims[0].span), dims[0].span.end)
        return (dims[0], dims[1], dims[1].span.end)

    def dimsingle(self, c):
        tok = c[0]
        sp = self._s(tok)
        if tok.type == "INT":
            d = N.Dim((), int(tok.value), sp)
        else:
            d = N.Dim(((_dim_name(tok.value, None), 1),), 0, sp)
        return (d, N.Dim((), 1, sp), sp.end)

    def dimsum(self, c):
        terms: dict[str, int] = {}
        const = 0
        sign = 1
        for x in c:
            if isinstance(x, Token):
                sign = -1 if x.type == "MINUS" else 1
                continue
            for name, k in x.terms:
                terms[name] = terms.get(name, 0) + sign * k
            const += sign * x.const
        return N.Dim(tuple((n, k) for n, k in terms.items() if k), const, self._s(c[0], c[-1]))

    def dimterm(self, c):
        coeff = 1
        rest = list(c)
        if isinstance(rest[0], Token) and rest[0].type == "INT":
            coeff = int(rest[0].value)
            rest = rest[1:]
            if not rest:
                return N.Dim((), coeff, self._s(c[0]))
        inner = next(x for x in rest if isinstance(x, N.Dim))
        return N.Dim(tuple((n, k * coeff) for n, k in inner.terms), inner.const * coeff, self._s(c[0], c[-1]))

    def dimvar(self, c):
        sub = _index_text(c[1].value) if len(c) > 1 else None
        return N.Dim(((_dim_name(c[0].value, sub), 1),), 0, self._s(*c))


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
        if not _MEANINGFUL.search(body):
            continue  # a mention, like "where $h_t$ is the hidden state"
        try:
            stmts = _read(body, start, "start")
        except UnexpectedInput as exc:
            if inline and not _TIMED.search(body):
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
