"""Lark tree -> AST nodes while parsing: symbols (a letter, its fonts and accents, a prime, scripts,
the time index), sizes, and one method per grammar rule (Build)."""
from __future__ import annotations

import re
import unicodedata
from dataclasses import replace
from functools import lru_cache

from lark import Token, Transformer, v_args

from . import nodes as N
from .grammar import BadInput
from .names import GREEK
from ..limits import MAX_SIZE_DIGITS
from .source import Span

# ---- symbols: a letter, its fonts and accents, a prime, and scripts -----------------------------
_FONT_IN_INDEX = re.compile(r"\\(?:mathrm|text|textrm|mathit|mathbf|mathsf|rm|textnormal|operatorname|boldsymbol|bm)\s*\{([^{}]*)\}")
_TIME = {letter: re.compile(r"^[(\[{<]?" + letter + r"(?:([+-])(\d+|[a-z]))?[)\]}>]?$") for letter in "tnk"}
_ACCENTS = {"widetilde": "tilde", "widehat": "hat", "overline": "bar", "utilde": "tilde", "undertilde": "tilde"}
_UNI_ACCENTS = {"\u0303": "tilde", "\u0302": "hat", "\u0304": "bar", "\u0305": "bar", "\u0307": "dot",
                "\u0308": "ddot", "\u20d7": "vec"}
_FONTS = {"mathbf": "bold", "boldsymbol": "bold", "bm": "bold", "pmb": "bold", "mathbfit": "bold", "symbf": "bold",
          "symbfit": "bold", "textbf": "bold", "bold": "bold", "mathbold": "bold", "mbf": "bold",
          "mathcal": "cal", "mathscr": "cal", "mathfrak": "frak", "mathbb": "bb"}
_UNI_GREEK = {unicodedata.name(ch).split()[-1].lower(): ch for ch in "αβγδεζηθικλμνξπτυχωϵϑϱ"}
_UNI_GREEK_NAMES = {ch: ("var" + name if ch in "ϵϑϱ" else name) for name, ch in _UNI_GREEK.items()}
_UNI_GREEK_NAMES.update({"ϵ": "epsilon", "ϑ": "vartheta", "ϱ": "varrho", "Γ": "Gamma", "Δ": "Delta", "Θ": "Theta",
                         "Λ": "Lambda", "Ξ": "Xi", "Π": "Pi", "Σ": "Sigma", "Υ": "Upsilon", "Φ": "Phi",
                         "Ψ": "Psi", "Ω": "Omega"})
_SUBSCRIPTS = str.maketrans("ₜₐₑₒₓₕₖₗₘₙₚₛ₀₁₂₃₄₅₆₇₈₉₊₋", "taeoxhklmnps0123456789+-")
_INDEX_CMD = re.compile(r"\\(?:" + "|".join(GREEK) + r"|langle|rangle|prime|ell)(?![A-Za-z])")
_INDEX_OK = re.compile(r"[A-Za-z0-9+\-,()'*_]*")


def _memo_short(f):
    """f remembered for short arguments: the same few indices (_t, _{t-1}, _{hi}) come back
    thousands of times in a long input; a long one is worked out each time (and not kept)."""
    cached = lru_cache(maxsize=4096)(f)

    def g(text: str, *rest):
        return cached(text, *rest) if len(text) <= 64 else f(text, *rest)
    g.__doc__ = f.__doc__
    return g


@_memo_short
def _index_text(tok: str) -> str:
    """The inside of a subscript or superscript token, normalised: `_{ t - 1 }` -> `t-1`,
    `_\\textrm{xh}` -> `xh`, `^{\\{t\\}}` -> `{t}`, `ₜ` -> `t`."""
    body = tok.translate(_SUBSCRIPTS).replace("−", "-").replace("\\_", "_")
    body = "".join(("tilde" if ch == "\u0303" else "hat" if ch == "\u0302" else "")
                   if unicodedata.combining(ch) else ch for ch in body)
    if body[:1] in "_^":
        body = body[1:].strip()
    if body.startswith("{") and body.endswith("}"):
        body = body[1:-1]
    body = _FONT_IN_INDEX.sub(r"\1", body)
    body = re.sub(r"\\(left|right|big|Big)\b|\\[,;:! ]", "", body).replace("\\{", "{").replace("\\}", "}")
    return re.sub(r"\s+", "", body)


@_memo_short
def _time(part: str, letter: str = "t") -> int | None:
    """The lag that an index part names (t -> 0, t-1 -> 1, (t+1) -> -1, [t], <t>, t-k -> 1), or None;
    `letter` is the text's time letter (t; n or k where the text steps with S_{n-1}, x_{k-1})."""
    part = part.replace("\\langle", "<").replace("\\rangle", ">")
    m = _TIME[letter].match(part)
    if not m or (part[0] in "([{<") != (part[-1] in ")]}>"):
        return None
    sign, num = m.group(1), m.group(2)
    if num is None:
        return 0
    if len(num) > MAX_SIZE_DIGITS:
        return None  # not a number of steps: a name
    k = int(num) if num.isdigit() else 1  # t-k: some step before t
    return k if sign == "-" else -k


@_memo_short
def _index_ok(body: str) -> bool:
    return _INDEX_OK.fullmatch(_INDEX_CMD.sub("", body)) is not None


def _script(kind: str, body: str) -> str:
    return f"{kind}{body}" if len(body) == 1 else f"{kind}{{{body}}}"


def _time_text(lag: int, letter: str = "t") -> str:  # t, t-1, t+1 (n-1 where the text steps with n)
    return letter if lag == 0 else (f"{letter}-{lag}" if lag > 0 else f"{letter}+{-lag}")


class _Raw:
    """A symbol being built: core (with accents and primes), index texts, font, transpose, span."""

    __slots__ = ("core", "subs", "sups", "start", "end", "font", "transposed")

    def __init__(self, core: str, start: int, end: int, subs=(), sups=(), font: str = "") -> None:
        self.core, self.start, self.end, self.font = core, start, end, font
        self.subs, self.sups = list(subs), list(sups)
        self.transposed = False


def _split_time(raw: _Raw, letter: str = "t") -> tuple[int | None, list[str], list[str]]:
    """The time index among a symbol's scripts (h_{t-1}, h^{(t)}, y^{t-1}) and the other parts."""
    lag = None
    subs = []
    for part in ",".join(raw.subs).split(",") if raw.subs else []:
        t = _time(part, letter)
        if t is not None and lag is None:
            lag = t
        elif part:
            subs.append(part)
    sups = []
    for part in raw.sups:
        t = _time(part, letter)
        if t is not None and lag is None:
            lag = t
        else:
            sups.append(part)
    return lag, subs, sups


def _symbol(raw: _Raw, shift: int, lag: int | None = None, letter: str = "t") -> N.Symbol:
    """A raw symbol as a Symbol: its name without the time index, and as written with it."""
    found, subs, sups = _split_time(raw, letter)
    lag = found if lag is None else lag
    sub = ",".join(subs)
    tail = "".join(_script("^", s) for s in sups)
    name = raw.core + (_script("_", sub) if sub else "") + tail
    text = name if lag is None else raw.core + _script("_", ",".join(subs + [_time_text(lag, letter)])) + tail
    return N.Symbol(name, text, lag, Span(raw.start + shift, raw.end + shift), raw.font)


class _Spans(Transformer):
    """Token offsets are relative to the region being read; `shift` makes them absolute."""

    shift = 0
    body = ""
    time_letter = "t"   # the text's time letter: t, or n or k (RetNet's S_{n-1}, the LRU's x_{k-1})
    components: set = set()
    notes: list = []
    words: dict = {}

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


@v_args(inline=True)
class _Sizes(_Spans):
    """The sizes of a declaration's space, \\mathbb{R}^{h \\times (h + d)}: (sizes, end) for the
    space (sizes None for a scalar), a Size for each part."""

    def space(self, reals, caret=None, dims=None):  # \mathbb{C}: two real numbers per entry
        return (None, reals.end_pos + self.shift, reals.type == "COMPLEX") if dims is None else dims + (reals.type == "COMPLEX",)

    def space_unicode(self, tok):
        """ℝⁿˣᵐ: superscript letters and digits, ˣ between the sizes."""
        plain = tok.value[1:].translate(str.maketrans("⁰¹²³⁴⁵⁶⁷⁸⁹ᵃᵇᶜᵈᵉᶠᵍʰⁱʲᵏˡᵐⁿᵒᵖʳˢᵗᵘᵛʷˣʸᶻ⁺⁻",
                                                       "0123456789abcdefghijklmnoprstuvw*yz+-"))
        sizes = []
        for part in plain.split("*"):
            m = re.fullmatch(r"(\d*)([a-z]?)", part)
            if not m or not part:
                raise BadInput(f"cannot read the size {tok.value}", tok.start_pos + self.shift,
                               tok.end_pos + self.shift, "write \\mathbb{R}^{n \\times m}")
            k = _int(m.group(1) or "1", tok, self.shift)
            lin = N.Lin(((m.group(2), k),)) if m.group(2) else N.Lin((), k)
            sizes.append(N.Size(lin, self._s(tok)))
        return (sizes, tok.end_pos + self.shift)

    def dimgroup(self, _lbrace, dims, rbrace):
        return (dims[0], rbrace.end_pos + self.shift)

    def dimprod(self, *items):
        sizes = [x for x in items if isinstance(x, N.Size)]
        return (sizes, sizes[-1].span.end)

    def dimsingle(self, tok):
        sp = self._s(tok)
        lin = N.Lin((), _int(tok.value, tok, self.shift)) if tok.type == "INT" else N.Lin(((_dim_name(tok.value, None), 1),))
        return ([N.Size(lin, sp)], sp.end)

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
        return N.Size(N.Lin((), _int(tok.value, tok, self.shift)), self._s(tok))

    def dimterm(self, *items):  # INT? dimvar
        return _scaled(items, self._s(*items))

    def dimparen(self, *items):  # INT? ( dimsum )
        return _scaled([x for x in items if not (isinstance(x, Token) and x.type in ("LPAR", "RPAR"))],
                       self._s(items[0], items[-1]))

    def dimmono(self, *items):  # INT? dimvar dimvar+: E d, a product of sizes
        names = sorted(n for x in items if isinstance(x, N.Size) for n, _ in x.lin.terms)
        mono = N.Size(N.Lin(((N.PRODUCT.join(names), 1),)), self._s(*items))
        return _scaled([x for x in items[:1] if isinstance(x, Token)] + [mono], self._s(*items))

    def dimvar(self, tok, sub=None):
        name = _dim_name(tok.value, _index_text(sub.value) if sub is not None else None)
        return N.Size(N.Lin(((name, 1),)), self._s(tok, *([sub] if sub is not None else [])))

    def dimcard(self, bar, letter, bar2):  # |V|: the size of a set, as in a vocabulary
        return N.Size(N.Lin(((letter.value, 1),)), self._s(bar, bar2))


@v_args(inline=True)
class _Symbols(_Sizes):
    """Letters and words, their fonts, accents, primes, scripts and time."""

    def letter(self, tok):
        core = tok.value
        if core in _UNI_GREEK_NAMES:
            core = "\\" + _UNI_GREEK_NAMES[core]
        return _Raw(core, tok.start_pos, tok.end_pos)

    def font(self, font, _lbrace, inner, rbrace):
        if font.type == "UNKNOWN_FONT":
            self.notes.append((font.value, font.start_pos + self.shift))
        raw = _Raw(inner.core, font.start_pos, rbrace.end_pos, inner.subs, inner.sups,
                   inner.font or _FONTS.get(font.value.lstrip("\\"), ""))
        raw.transposed = inner.transposed
        return raw

    def accent(self, accent, _lbrace, inner, rbrace):
        raw = _Raw(self._accented(accent.value, inner.core), accent.start_pos, rbrace.end_pos, inner.subs,
                   inner.sups, inner.font)
        raw.transposed = inner.transposed
        return raw

    def func_base(self, tok):
        """\\sigma^t written as a variable (a standard deviation): the letter and its scripts."""
        m = re.match(r"\\([A-Za-z]+)|([σφψ])", tok.value)
        core = "\\" + (m.group(1) or {"σ": "sigma", "φ": "phi", "ψ": "psi"}[m.group(2)])
        raw = _Raw(core, tok.start_pos, tok.start_pos + m.end())
        for s in re.finditer(r"[_^]\s*(\{[^{}]*\}|[A-Za-z0-9])", tok.value[m.end():]):
            self._add_script(raw, Token("SUB" if s.group(0)[0] == "_" else "SUP", s.group(0),
                                        start_pos=tok.start_pos + m.end() + s.start(),
                                        end_pos=tok.start_pos + m.end() + s.end()))
        raw.end = tok.end_pos
        return raw

    def word_name(self, *tokens):
        """Wo \\in ...: two letters as one name, in a declaration only (in an equation's left side
        they are two symbols, which is an error)."""
        letters = [t for t in tokens if t.type == "LETTER"]
        raw = _Raw("".join(t.value for t in letters), letters[0].start_pos, letters[-1].end_pos)
        for tok in tokens[len(letters):]:
            self._add_script(raw, tok)
            raw.end = max(raw.end, tok.end_pos)
        sym = _symbol(raw, self.shift, letter=self.time_letter)
        self.words[id(sym)] = letters[1]
        return sym

    def accent_letter(self, accent, letter):
        return _Raw(self._accented(accent.value, self.letter(letter).core), accent.start_pos, letter.end_pos)

    @staticmethod
    def _accented(accent: str, core: str) -> str:
        name = accent.lstrip("\\")
        return f"\\{_ACCENTS.get(name, name)}{{{core}}}"

    def raw(self, base, *scripts):
        raw = _Raw(base.core, base.start, base.end, base.subs, base.sups, base.font)
        raw.transposed = base.transposed
        for tok in scripts:
            raw.end = max(raw.end, tok.end_pos)
            if tok.type == "PRIME":  # f'_t, f^{\prime}_t: another symbol
                raw.core += "'" * max(1, tok.value.count("'") + tok.value.count("′") + tok.value.count("prime"))
            elif tok.type == "TRANSPOSE":
                raw.transposed = True
            elif tok.type in ("UNI_ACCENT", "TILDE_SUFFIX"):  # h̃, h~_t: a letter with a tilde
                raw.core = self._accented(_UNI_ACCENTS.get(tok.value, "tilde"), raw.core)
            else:
                self._add_script(raw, tok)
        return raw

    def _add_script(self, raw: _Raw, tok: Token) -> None:
        body = _index_text(tok.value)
        if tok.type == "SUB" and body.startswith("'"):  # h_'t (cuDNN's plain text): h'_t
            raw.core += "'"
            body = body[1:]
        where = (tok.start_pos + self.shift, tok.end_pos + self.shift)
        if not (_index_ok(body) or _time(body, self.time_letter) is not None):
            raise BadInput(f"cannot read the index {tok.value.strip()}", *where,
                           "an index holds letters, digits, Greek letters, + - , ( ) and \\prime, like W_{hi} or h_{t-1}")
        scripts = raw.subs if tok.type == "SUB" else raw.sups
        if scripts:
            kind = "subscript" if tok.type == "SUB" else "superscript"
            raise BadInput(f"double {kind}", *where, f"write one {kind} with everything in braces, like W_{{hi}}")
        scripts.append(body)

    def symbol(self, raw, timearg=None):
        lag = None
        if timearg is not None:
            lag = _time(re.sub(r"\s+", "", timearg.value), self.time_letter)
            raw.end = timearg.end_pos
        sym = _symbol(raw, self.shift, lag, self.time_letter)
        return N.Transpose(sym, sym.span) if raw.transposed else sym


@v_args(inline=True)
class Build(_Symbols):
    """Lark tree -> nodes, one method per grammar rule, named as the rule's parts."""

    # expressions
    def number(self, tok):
        return N.Number(tok.value, self._s(tok))

    def _binary(self, op: str, left, right):
        return N.Binary(op, left, right, self._s(left, right), explicit=op == "matmul")

    def add(self, left, _op, right):
        return self._binary("add", left, right)

    def sub(self, left, _op, right):
        return self._binary("sub", left, right)

    def hadamard(self, left, _op, right):
        return self._binary("hadamard", left, right)

    def star(self, left, _op, right):
        return self._binary("star", left, right)

    def matmul(self, left, op, right):
        if op.value.startswith("\\dot"):  # \dot[h_{t-1}, x_t]: the accent written for \cdot
            self.notes.append(("\\dot", op.start_pos + self.shift))
        return self._binary("matmul", left, right)

    def divide(self, left, _op, right):
        return self._binary("divide", left, right)

    def juxtapose(self, left, right):
        return N.Binary("matmul", left, right, self._s(left, right))

    def frac(self, frac, _l1, num, _r1, _l2, den, r2):
        return N.Binary("divide", num, den, self._s(frac, r2))

    def neg(self, minus, arg):
        return N.Neg(arg, self._s(minus, arg))

    def pos(self, _plus, arg):
        return arg
    def apply(self, func, arg):
        return N.Apply(_func_name(func.value), arg, self._s(func, arg))

    def apply_each(self, funcs, arg):
        names, span = funcs
        return N.Apply("each", arg, Span(min(span.start, arg.span.start), arg.span.end), names)

    def funcvec(self, begin, *rest):
        return (tuple(_func_name(t.value) for t in rest[:-1] if t.type == "FUNC"), self._s(begin, rest[-1]))

    def absolute(self, opening, inner, closing):  # |x|: abs(x), elementwise
        return N.Apply("abs", inner, self._s(opening, closing))

    def vector_norm(self, opening, inner, *closing):  # \|x\|_2: one number
        return N.Apply("vecnorm", inner, self._s(opening, closing[-1]))

    def transpose(self, arg, tok):
        return N.Transpose(arg, self._s(arg, tok))

    def power(self, lpar, inner, _rpar, tok):
        return N.Power(inner, _int(re.sub(r"[^0-9-]", "", tok.value), tok, self.shift), self._s(lpar, tok))

    def group(self, opening, inner, closing):
        return replace(inner, span=self._s(opening, closing))

    def tuple(self, opening, *rest):
        return N.Tuple(tuple(x for x in rest[:-1] if not isinstance(x, Token)), self._s(opening, rest[-1]))

    def bracket(self, opening, *rest):
        items = tuple(x for x in rest[:-1] if not isinstance(x, Token))
        if len(items) == 1:
            return replace(items[0], span=self._s(opening, rest[-1]))
        return N.Concat(items, self._s(opening, rest[-1]))

    def component(self, bracket, sub):  # [W x]_j: the j-th entry of a vector, as Cho et al. write
        self.components.add(_index_text(sub.value))
        return replace(bracket, span=self._s(bracket, sub))

    def matrix(self, begin, *rest):
        return N.Concat(tuple(x for x in rest[:-1] if not isinstance(x, Token)), self._s(begin, rest[-1]))

    # statements
    def equation(self, lhs, *rest):
        for x in (lhs if isinstance(lhs, tuple) else ()):
            if id(x) in self.words:
                tok = self.words[id(x)]
                raise BadInput(f"cannot read the math: unexpected {tok.value!r}", tok.start_pos + self.shift,
                               tok.end_pos + self.shift, "the left side of an equation must be one symbol, like h_t or \\tilde{c}_t")
        sides = [x for x in rest if not isinstance(x, Token)]
        self._chain_or_missing_separator(rest)
        if isinstance(lhs, tuple) and len(lhs) > 1:
            return Signature(self._s(lhs[0], sides[-1]))
        lhs = lhs[0] if isinstance(lhs, tuple) else lhs
        return N.Equation(lhs, sides[0], self._s(lhs, sides[-1]), tuple(sides[1:]))

    def _chain_or_missing_separator(self, rest) -> None:
        """y = g(U h) = g(U [h_f; h_b]) is a chain; `h_t = W x_t y_t = U x_t` lacks a separator: a
        side that goes on after another `=` must end with a parenthesis or a bracket."""
        for i, tok in enumerate(rest):
            if isinstance(tok, Token) and tok.type == "EQ" and i > 1:
                if self.body[:tok.start_pos].rstrip()[-1:] not in (")", "]", "}"):
                    raise BadInput("cannot read the math: unexpected '='", tok.start_pos + self.shift,
                                   tok.end_pos + self.shift, "two statements on one line need a separator: \\\\ , ; or \\quad")

    def continuation(self, eq, *rest):
        sides = [x for x in rest if not isinstance(x, Token)]
        return Continuation(tuple(sides), self._s(eq, sides[-1]))

    def eqsign(self, *tokens):
        return next(t for t in tokens if t.type == "EQ")

    def mention(self, *_items):
        return None

    def names(self, *items):
        return tuple(x for x in items if not isinstance(x, Token))

    def declaration(self, names, _insign, space):
        sizes, end, complex_ = space if len(space) > 2 else space + (False,)
        symbols = tuple(x.arg if isinstance(x, N.Transpose) else x for x in names)
        transposed = tuple(isinstance(x, N.Transpose) for x in names)
        span = Span(symbols[0].span.start, end)
        if sizes is None:
            return N.Declaration(symbols, None, None, span, (), transposed, complex_)
        cols = sizes[1] if len(sizes) > 1 else N.Size(N.ONE, sizes[0].span)
        return N.Declaration(symbols, sizes[0], cols, span, tuple(sizes[2:]), transposed, complex_)

    def insign(self, *tokens):
        return next(t for t in tokens if t.type == "IN")


class Signature:
    """y_t, h_t = f(x_t, h_{t-1}): what the cell maps to what, not an equation to count."""

    def __init__(self, span: Span) -> None:
        self.span = span


class Continuation:
    """A row that goes on with the equation before it: `& = c_{t-1} + ...`."""

    def __init__(self, sides: tuple, span: Span) -> None:
        self.sides, self.span = sides, span


def _int(digits: str, tok: Token, shift: int) -> int:
    """A number written in the input, at most MAX_SIZE_DIGITS digits long."""
    if len(digits.lstrip("-")) > MAX_SIZE_DIGITS:
        raise BadInput(f"a number of {len(digits.lstrip('-')):,} digits: symcount reads numbers of at most "
                       f"{MAX_SIZE_DIGITS:,}", tok.start_pos + shift, tok.end_pos + shift, "write a smaller size")
    return int(digits)


def _func_name(text: str) -> str:
    return re.sub(r"\s+", "", text)


def _scaled(items, span: Span) -> N.Size:
    """k * size, for `2h` or `3(h + d)`: items are an optional INT token and a Size."""
    k = _int(items[0].value, items[0], span.start - items[0].start_pos) if isinstance(items[0], Token) else 1
    lin = items[-1].lin
    return N.Size(N.Lin(tuple((n, c * k) for n, c in lin.terms), lin.const * k), span)


def _dim_name(letter: str, sub: str | None) -> str:
    base = letter.lstrip("\\")
    base = _UNI_GREEK_NAMES.get(base, base)
    if not sub:
        return base
    return f"{base}_{re.sub(r'[^A-Za-z0-9]', '', sub) or 'x'}"

