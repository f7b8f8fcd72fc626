"""Lark tree -> AST nodes while parsing: symbols (a letter, its fonts and accents, a prime, scripts,
the time index), sizes, and one method per grammar rule (Build)."""
from __future__ import annotations

from . import patterns as re  # re, with the package's patterns compiled ahead (read.patterns)
from ..errors import replace
from . import nodes as N
from .grammar import BadInput
from .lalr import Token, Transformer, v_args
from ..limits import MAX_SIZE_DIGITS
from .slices import piece, several_named
from .source import Span
from .shapescripts import declaration, sized
from .statements import Continuation, Signature, chain_goes_on
from .symbols import ACCENTS, FONTS, UNI_ACCENTS, UNI_GREEK_NAMES, Raw, dim_name, index_ok, index_text, layer_and_time, plain_size, symbol, time_lag

# a word wrapped in a font or text command (FUNC's second form), read as a symbol when not applied
_WORDED = re.compile(r"\\(?P<cmd>operatorname\*?|mathrm|rm|text|textrm|textnormal|mathit|mathsf|textsf|textit|mathop|"
                     r"mathbf|textbf|mbox)\s*\{\s*(?P<word>[A-Za-z][A-Za-z0-9]*)\s*\}")


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
        lo = hi = None
        for it in items:
            if isinstance(it, Token):
                a, b = it.start_pos + self.shift, it.end_pos + self.shift
            elif isinstance(it, Raw):
                a, b = it.start + self.shift, it.end + self.shift
            else:
                a, b = it.span.start, it.span.end
            lo, hi = (a, b) if lo is None else ((a if a < lo else lo), (b if b > hi else hi))
        if lo is None:
            raise ValueError("a span of no items")  # (as min() of none raised)
        return Span(lo, hi)


# a paper's own command for bold vectors and matrices (\bs{h}, \vect{x}, \mat{W}), defined in a file not given
_BOLDISH = frozenset("bs bv vb bvec vect vectr mat bmat mb bld bfv".split())


@v_args(inline=True)
class _Sizes(_Spans):
    """The sizes of a declaration's space, \\mathbb{R}^{h \\times (h + d)}: (sizes, end) for the
    space (sizes None for a scalar), a Size for each part."""

    def space(self, reals, caret=None, dims=None):
        field = "complex" if reals.type == "COMPLEX" else "interval" if reals.type == "INTERVAL" else ""
        field = "range" if field == "interval" and "." in reals.value else field  # [0.5, 0.9]: a value chosen in it
        if dims is None:
            return (None, reals.end_pos + self.shift, field)
        return dims + (field,)

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
        return (sizes, tok.end_pos + self.shift, "")

    def dimgroup(self, _lbrace, dims, rbrace):
        return (dims[0], rbrace.end_pos + self.shift)

    def dimgroup_paren(self, _lbrace, _lpar, dims, _rpar, rbrace):
        return (dims[0], rbrace.end_pos + self.shift)

    def dimprod(self, *items):
        sizes = [x for x in items if isinstance(x, N.Size)]
        return (sizes, sizes[-1].span.end)

    dimtuple = dimprod

    def dimsingle(self, tok, sub=None):
        sp = self._s(tok, *([sub] if sub is not None else []))
        name = dim_name(tok.value, index_text(sub.value) if sub is not None else None)
        lin = N.Lin((), _int(tok.value, tok, self.shift)) if tok.type == "INT" else N.Lin(((name, 1),))
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
        name = dim_name(tok.value, index_text(sub.value) if sub is not None else None)
        return N.Size(N.Lin(((name, 1),)), self._s(tok, *([sub] if sub is not None else [])))

    def dimword(self, tok):  # \text{vocab\_size}, {d\_model}: the word, its escaped underscores plain
        name = re.sub(r"^\\[A-Za-z]+\s*\{|[{}\s\\]", "", tok.value)
        return N.Size(N.Lin(((name, 1),)), self._s(tok))

    def dimcard(self, bar, letter, bar2):  # |V|: the size of a set, as in a vocabulary
        return N.Size(N.Lin(((letter.value, 1),)), self._s(bar, bar2))


@v_args(inline=True)
class _Symbols(_Sizes):
    """Letters and words, their fonts, accents, primes, scripts and time."""

    def letter(self, tok):
        core = tok.value
        if tok.type == "MACRO_LETTER":  # \vx, \mW, \Vh, \vtheta: math_commands.tex's bold letters
            if core[-1] == "v" and (len(core) > 3 or core[1] not in "vVmM"):  # \xv, \thetav: the LMU slides' vectors
                return Raw(core[1:-1] if len(core) == 3 else "\\" + core[1:-1], tok.start_pos, tok.end_pos, font="bold")
            return Raw(core[2:] if len(core) == 3 else "\\" + core[2:], tok.start_pos, tok.end_pos, font="bold")
        if tok.type == "MACRO_NAME":  # \x, \st: a command the text never defines, named by its letters
            self.notes.append(("name:" + core, tok.start_pos + self.shift))
            core = core[1:]
        if core in UNI_GREEK_NAMES:
            core = "\\" + UNI_GREEK_NAMES[core]
        return Raw(core, tok.start_pos, tok.end_pos)

    def font(self, font, _lbrace, inner, rbrace):
        if font.type == "UNKNOWN_FONT":
            self.notes.append((font.value, font.start_pos + self.shift))
        name = font.value.lstrip("\\")
        raw = Raw(inner.core, font.start_pos, rbrace.end_pos, inner.subs, inner.sups,
                   inner.font or FONTS.get(name, "bold" if font.type == "UNKNOWN_FONT" and name in _BOLDISH else ""))
        raw.transposed, raw.shape = inner.transposed, inner.shape
        return raw

    def accent(self, accent, _lbrace, inner, rbrace):
        raw = Raw(self._accented(accent.value, inner.core), accent.start_pos, rbrace.end_pos, inner.subs,
                   inner.sups, inner.font)
        raw.transposed, raw.shape = inner.transposed, inner.shape
        return raw

    def func_base(self, tok):
        """\\sigma^t written as a variable (a standard deviation): the letter and its scripts; a word in
        a font or text command not applied (\\mathbf{WKV}_t, \\mathrm{out}): the word, in that font."""
        worded = _WORDED.match(tok.value)
        if worded:
            m = worded
            raw = Raw(worded.group("word"), tok.start_pos, tok.start_pos + m.end(), font=FONTS.get(worded.group("cmd"), ""))
        else:
            m = re.match(r"\\([A-Za-z]+)|([σφψ])", tok.value)
            if m is None:  # (√ and the other signs of a function: no letter to stand for a value)
                raise BadInput(f"{tok.value.strip()} is not applied to anything", tok.start_pos + self.shift, tok.end_pos + self.shift, "write what it applies to")
            core = "\\" + (m.group(1) or {"σ": "sigma", "φ": "phi", "ψ": "psi"}[m.group(2)])
            raw = Raw(core, tok.start_pos, tok.start_pos + m.end())
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
        raw = Raw("".join(t.value for t in letters), letters[0].start_pos, letters[-1].end_pos)
        for tok in tokens[len(letters):]:
            self._add_script(raw, tok)
            raw.end = max(raw.end, tok.end_pos)
        sym = symbol(raw, self.shift, letter=self.time_letter)
        self.words[id(sym)] = letters[1]
        return sym

    def accent_letter(self, accent, letter):
        inner = self.letter(letter)
        if accent.type == "FONT":  # \mathbf W: a font on one letter, without braces
            return Raw(inner.core, accent.start_pos, letter.end_pos, font=FONTS.get(accent.value.lstrip("\\"), ""))
        return Raw(self._accented(accent.value, inner.core), accent.start_pos, letter.end_pos, font=inner.font)

    def accent_font_letter(self, accent, font, letter):  # \tilde \boldsymbol c
        return Raw(self._accented(accent.value, self.letter(letter).core), accent.start_pos, letter.end_pos, font=FONTS.get(font.value.lstrip("\\"), ""))

    @staticmethod
    def _accented(accent: str, core: str) -> str:
        name = accent.lstrip("\\")
        return f"\\{ACCENTS.get(name, name)}{{{core}}}"

    def raw(self, base, *scripts):
        raw = base  # (every base rule makes a Raw of its own: its scripts are added to it)
        for tok in scripts:
            raw.end = max(raw.end, tok.end_pos)
            if tok.type == "PRIME":  # f'_t, f^{\prime}_t: another symbol
                raw.core += "'" * max(1, tok.value.count("'") + tok.value.count("′") + tok.value.count("prime"))
            elif tok.type == "TRANSPOSE":
                raw.transposed = True
            elif tok.type in ("UNI_ACCENT", "TILDE_SUFFIX", "CARET_ACCENT"):  # h̃, h~_t, c^~_t: tilde; h^_t: hat
                raw.core = self._accented("hat" if tok.value == "^" else UNI_ACCENTS.get(tok.value, "tilde"), raw.core)
            else:
                self._add_script(raw, tok)
        return raw

    def _add_script(self, raw: Raw, tok: Token) -> None:
        body = index_text(tok.value)
        if tok.type == "SUB" and body.startswith("'"):  # h_'t (cuDNN's plain text): h'_t
            raw.core += "'"
            body = body[1:]
        if tok.type == "SUB" and tok.value[:1] >= "\ue000" and "_" in body[1:]:  # log_i_t (read.rowlabels): log at i
            head, _, body = body.partition("_")
            raw.core += head
        where = (tok.start_pos + self.shift, tok.end_pos + self.shift)
        if tok.type == "SUP" and (m := _STEP_NUMBER.fullmatch(body)):  # a^{<1>}: the step 1, as a^{(1)} (read.unrolled)
            body = f"({m.group(1)})"
        if tok.type == "SUP" and body[:1] in "[(":  # a^{[l]<t>}, W^{[l]} (Ng's course)
            body = layer_and_time(body, raw)
        if (not raw.subs if tok.type == "SUB" else not raw.sups) and self.shaped and sized(body):  # U_{d_h \times d_h}, W^{n \times m}: a shape
            raw.shape = sized(body)
            return
        if not (index_ok(body) or time_lag(body, self.time_letter) is not None):
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
            lag = time_lag(re.sub(r"\s+", "", timearg.value), self.time_letter)
            raw.end = timearg.end_pos
        sym = symbol(raw, self.shift, lag, self.time_letter)
        if raw.shape is not None:  # its shape written as its subscript (read.shapescripts)
            self.annotated.append(declaration(sym, raw.shape))
        return N.Transpose(sym, sym.span) if raw.transposed else sym


@v_args(inline=True)
class Build(_Symbols):
    """Lark tree -> nodes, one method per grammar rule, named as the rule's parts."""

    shaped = False  # whether a shape may be written as a subscript (read.parse.read: where the region writes \times or ×)

    # expressions
    def number(self, tok):
        return N.Number(tok.value, self._s(tok))

    def _binary(self, op: str, left, right):
        return N.Binary(op, left, right, N.between(left, right) or self._s(left, right), op == "matmul")

    def add(self, left, _op, right):
        return self._binary("add", left, right)

    def sub(self, left, _op, right):
        return self._binary("sub", left, right)

    def hadamard(self, left, op, right):
        # \oplus: elementwise in some texts, a concatenation in others (read.readings asks which)
        return self._binary("oplus" if op.value in ("\\oplus", "⊕") else "hadamard", left, right)

    def star(self, left, _op, right):
        return self._binary("star", left, right)

    def matmul(self, left, op, right):
        if op.value.startswith("\\dot"):  # \dot[h_{t-1}, x_t]: the accent written for \cdot
            self.notes.append(("\\dot", op.start_pos + self.shift))
        return self._binary("matmul", left, right)

    def divide(self, left, _op, right):
        return self._binary("divide", left, right)

    def juxtapose(self, left, right):
        return N.Binary("matmul", left, right, N.between(left, right) or self._s(left, right))

    def frac(self, frac, _l1, num, _r1, _l2, den, r2):
        return N.Binary("divide", num, den, self._s(frac, r2))

    def frac_digit(self, frac, num, _l, den, r):
        return N.Binary("divide", N.Number(num.value, self._s(num)), den, self._s(frac, r))

    def frac_digits(self, frac, num, den=None):
        """\\frac12 (one token of two digits) or \\frac 1 2: TeX takes one digit for each argument."""
        if den is None and len(num.value) != 2 or den is not None and (len(num.value) != 1 or len(den.value) != 1):
            raise BadInput(f"cannot read \\frac{num.value}{den.value if den else ''}: each argument of \\frac without braces "
                           "is one digit", frac.start_pos + self.shift, (den or num).end_pos + self.shift, "write \\frac{1}{2}")
        if den is None:
            top = N.Number(num.value[0], N.Span(num.start_pos + self.shift, num.start_pos + self.shift + 1))
            bottom = N.Number(num.value[1], N.Span(num.start_pos + self.shift + 1, num.end_pos + self.shift))
        else:
            top, bottom = N.Number(num.value, self._s(num)), N.Number(den.value, self._s(den))
        return N.Binary("divide", top, bottom, self._s(frac, den or num))

    def binom(self, binom, _l1, top, _r1, _l2, bottom, r2):
        return N.Concat((top, bottom), self._s(binom, r2))

    def neg(self, minus, arg):
        return N.Neg(arg, self._s(minus, arg))

    def pos(self, _plus, arg):
        return arg
    def apply(self, func, arg):
        if func.type != "SUM" and isinstance(arg, N.Power) and _LPAR.match(self.body, arg.span.start - self.shift):
            # \sigma(z)^{1/\tau}, \tanh(c)^2: the power of the function's value, as mathematics writes it
            return replace(arg, arg=N.Apply(_func_name(func.value), arg.arg, self._s(func, arg.arg)), span=self._s(func, arg))
        return N.Apply(_func_name(func.value), arg, self._s(func, arg))

    def apply_each(self, funcs, arg):
        names, span = funcs
        return N.Apply("each", arg, Span(min(span.start, arg.span.start), arg.span.end), names)

    def apply_each_composed(self, funcs, _op, arg):
        return self.apply_each(funcs, arg)

    def funcvec(self, begin, *rest):
        return (tuple(_func_name(t.value) for t in rest[:-1] if t.type in ("FUNC", "WORD")), self._s(begin, rest[-1]))

    def absolute(self, opening, inner, closing):  # |x|: abs(x), elementwise
        return N.Apply("abs", inner, self._s(opening, closing))

    def vector_norm(self, opening, inner, *closing):  # \|x\|_2: one number
        return N.Apply("vecnorm", inner, self._s(opening, closing[-1]))

    def transpose(self, arg, tok):
        if isinstance(arg, N.Tuple):  # (x^t, h^{t-1})^T: a row transposed, the column of its entries stacked
            return N.Concat(arg.items, self._s(arg, tok))
        return N.Transpose(arg, self._s(arg, tok))

    def slice(self, arg, tok):  # z[0:H]: a piece of a stacked signal (read.slices)
        return piece(arg, tok, self.shift)

    def power(self, lpar, inner, rpar, tok):
        inner = replace(inner, span=self._s(lpar, rpar))
        return N.Power(inner, _int(re.sub(r"[^0-9-]", "", tok.value), tok, self.shift), self._s(lpar, tok))

    def power_expr(self, lpar, inner, rpar, _caret, _lbrace, exponent, rbrace):
        """(z)^{1/\\tau}, (z)^{0.5}, (z)^{\\frac{1}{16}}: an exponent of numbers and constants."""
        span = self._s(exponent)
        for x in N.walk(exponent):
            bad = ("a value that changes with the step" if isinstance(x, N.Symbol) and x.lag is not None
                   else None if isinstance(x, (N.Number, N.Symbol, N.Neg)) or
                   (isinstance(x, N.Binary) and x.op in ("divide", "matmul", "star", "add", "sub")) else "an operation")
            if bad:
                raise BadInput(f"an exponent is a number or a constant (1/\\tau, 0.5, \\frac{{1}}{{16}}); "
                               f"this one holds {bad}", span.start, span.end,
                               "write the power with numbers and constants, like (z)^{1/\\tau} with \\tau = 16")
        if isinstance(exponent, N.Symbol) and self.body[span.start - self.shift:span.start - self.shift + 1] == "(":
            raise BadInput("a superscript in parentheses is an index (a layer's), not a power", span.start,
                           span.end, "write the index on a name, like h^{(l)}_t")
        inner = replace(inner, span=self._s(lpar, rpar))
        return N.Power(inner, exponent, self._s(lpar, rbrace))

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
        self.components.add(index_text(sub.value))
        return replace(bracket, span=self._s(bracket, sub))

    def matrix(self, begin, *rest):
        return N.Concat(tuple(x for x in rest[:-1] if not isinstance(x, Token)), self._s(begin, rest[-1]))

    # statements
    def annotation(self, _in, space):
        """`\\in (0, 1)^n` after an equation: what its values are, not another side (`\\in \\mathbb{R}^{d_h}`:
        the left side's size, a declaration the equation makes too)."""
        self.annotation_space = space
        return Token("ANNOTATION", "", _in.start_pos)

    def equation(self, lhs, *rest):
        for x in (lhs if isinstance(lhs, tuple) else ()):
            if id(x) in self.words:
                tok = self.words[id(x)]
                raise BadInput(f"cannot read the math: unexpected {tok.value!r}", tok.start_pos + self.shift,
                               tok.end_pos + self.shift, "the left side of an equation must be one symbol, like h_t or \\tilde{c}_t")
        sides = [x for x in rest if not isinstance(x, Token)]
        self._chain_or_missing_separator(rest)
        if isinstance(lhs, tuple) and len(lhs) > 1:
            named = several_named(lhs, sides, self._s(lhs[0], lhs[-1]), self._s(lhs[0], sides[-1]))
            return named or Signature(self._s(lhs[0], sides[-1]))
        lhs = lhs[0] if isinstance(lhs, tuple) else lhs
        if isinstance(rest[-1], Token) and rest[-1].type == "ANNOTATION" and isinstance(lhs, N.Symbol):
            sizes, end, field = self.annotation_space  # h_t = \\tanh(...) \\in \\mathbb{R}^{d_h}: h_t's size
            if sizes is not None and not field and all(plain_size(x) for x in sizes):  # (not d_h + d_x: a stack's)
                at = Span(rest[-1].start_pos + self.shift, end)
                self.annotated.append(N.Declaration((lhs,), sizes[0], sizes[1] if len(sizes) > 1 else N.Size(N.ONE, at),
                                                    at, tuple(sizes[2:]), (False,), ""))
        return N.Equation(lhs, sides[0], self._s(lhs, sides[-1]), tuple(sides[1:]))

    def scaled_equation(self, coef, sym, eqsign, rhs):  # \\tau \\dot{h} = -h + ...: the right side times 1/\\tau
        if coef.value.lstrip("\\") not in ("tau", "τ", "alpha", "α"):  # (\Delta h_t = ...: an increment, no product)
            raise BadInput(f"cannot read the math: unexpected {sym.text!r}", coef.end_pos + self.shift, sym.span.end, _ONE_LEFT)
        tau = self.symbol(self.letter(coef))
        inverse = N.Binary("divide", N.Number("1", tau.span), tau, tau.span)  # (\\tau fixed or learned, as the text says)
        return self.equation(sym, eqsign, N.Binary("matmul", inverse, rhs, self._s(coef, rhs)))

    def _chain_or_missing_separator(self, rest) -> None:
        """y = g(U h) = g(U [h_f; h_b]) is a chain, and h_t = y_t = ... (a side that is one symbol, a
        name for the same value); `h_t = W x_t y_t = U x_t` lacks a separator: any other side that goes
        on after another `=` must end with a parenthesis or a bracket."""
        for i, tok in enumerate(rest):
            if isinstance(tok, Token) and tok.type == "EQ" and i > 1:
                if not isinstance(rest[i - 1], N.Symbol) and not chain_goes_on(self.body, tok):
                    raise BadInput("cannot read the math: unexpected '='", tok.start_pos + self.shift,
                                   tok.end_pos + self.shift, "two statements on one line need a separator: \\\\ , ; or \\quad")

    def continuation(self, eq, *rest):
        sides = [x for x in rest if not isinstance(x, Token)]
        return Continuation(tuple(sides), self._s(eq, sides[-1]))

    def eqsign(self, *tokens):  # (and insign: the = or the \in among the & around it)
        return next(t for t in tokens if t.type in ("EQ", "IN"))

    def mention(self, *_items):
        return None

    def names(self, *items):
        return tuple(x for x in items if not isinstance(x, Token))

    def declaration(self, names, _insign, space):
        sizes, end, field = space
        symbols = tuple(x.arg if isinstance(x, N.Transpose) else x for x in names)
        transposed = tuple(isinstance(x, N.Transpose) for x in names)
        span = Span(symbols[0].span.start, end)
        if sizes is None:
            return N.Declaration(symbols, None, None, span, (), transposed, field)
        cols = sizes[1] if len(sizes) > 1 else N.Size(N.ONE, sizes[0].span)
        return N.Declaration(symbols, sizes[0], cols, span, tuple(sizes[2:]), transposed, field)

    insign = eqsign


_ONE_LEFT = "the left side of an equation must be one symbol, like h_t or \\tilde{c}_t"
_LPAR = re.compile(r"(\\(left|bigl|Bigl|biggl|Biggl|big|Big|bigg|Bigg)\s*)?\(")  # the grammar's LPAR
_STEP_NUMBER = re.compile(r"\s*(?:<|\\langle)\s*(\d{1,3})\s*(?:>|\\rangle)\s*")  # a^{<1>}, a^{\langle 0 \rangle}: a numbered step


def _int(digits: str, tok: Token, shift: int) -> int:
    """A number written in the input, at most MAX_SIZE_DIGITS digits long."""
    if len(digits.lstrip("-")) > MAX_SIZE_DIGITS:
        raise BadInput(f"a number of {len(digits.lstrip('-')):,} digits: symcount reads numbers of at most "
                       f"{MAX_SIZE_DIGITS:,}", tok.start_pos + shift, tok.end_pos + shift, "write a smaller size")
    return int(digits)


def _func_name(text: str) -> str:  # {\rm tanh} and \rm{tanh} as \mathrm{tanh}; √ as \sqrt
    return "\\sqrt" if text == "√" else re.sub(r"\s+", "", re.sub(r"^\{\s*\\rm\s+([^{}]*?)\s*\}|^\\rm(?=\s*\{)", lambda m: "\\mathrm" + (
        "{" + m.group(1) + "}" if m.group(1) else ""), text))


def _scaled(items, span: Span) -> N.Size:
    """k * size, for `2h` or `3(h + d)`: items are an optional INT token and a Size."""
    k = _int(items[0].value, items[0], span.start - items[0].start_pos) if isinstance(items[0], Token) else 1
    lin = items[-1].lin
    return N.Size(N.Lin(tuple((n, c * k) for n, c in lin.terms), lin.const * k), span)
