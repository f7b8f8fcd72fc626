"""Text -> Cell: read each math region (read.regions) with the grammar (read.grammar) into the AST,
built while parsing (read.build)."""
from __future__ import annotations

from . import patterns as re  # re, with the package's patterns compiled ahead (read.patterns)
from functools import lru_cache
from . import grammar
from . import nodes as N
from .build import Build
from .statements import Continuation, Signature
from .grammar import BadInput
from .lalr import UnexpectedInput
from ..errors import ParseError, ShapeError, replace
from . import aside, nomath
from .barelines import starting_value
from .legendlines import unused_names
from .extent import check_input, check_math
from .prosemath import approximated, prose_math, sequence_written_out
from .regions import MEANINGFUL, TIMED, Scan, plain_lines, scan
from .statedcount import with_stated
from .statements import activation_defined, discretised, keyword_settings, past_left, restacked, settings_of, time_letter, time_range, stacked_aside
from ..limits import MAX_EQUATIONS, MAX_MACRO_OUTPUT, MAX_MACRO_STEPS
from .macros import Expansion, expand, family_notes, macro_notes, moved, relocate
from .names import flat_letters
from .placeholders import expand_rows
from .codesubscripts import subscripts
from .inline import inline as write_out, letter_definitions
from .asciidoc import as_dollars
from .source import Source, Span
from .symbols import UNI_ACCENTS
from .syntax import parse_error
from .unclosed import closed_at_end, closed_at_row_end, extra_at_end


@lru_cache(maxsize=None)
def _parser(cache: str | None = grammar.GRAMMAR_CACHE):
    """The parser and its AST builder; the builder's `shift` is set before each parse: not for use
    from several threads at once."""
    build = Build()
    return grammar.load(build, cache), build


def read(body: str, shift: int, start: str):
    lark, build = _parser()
    build.shift, build.body, build.components, build.notes, build.words, build.annotated = shift, body, set(), [], {}, []
    build.shaped = "times" in body or "×" in body  # a shape may be written as a subscript (read.shapescripts)
    return lark.parse(body, start=start)


def _tried(body: str, shift: int):
    """The grammar's tree of a piece of math, or None where the grammar refuses it (read.statedcount, read.aside)."""
    try:
        return read(body, shift, "start")
    except (UnexpectedInput, BadInput):
        return None


def _reread(text: str):
    """The grammar's answer on an example of a bad input (syntax's hints)."""
    return read(text, 0, "start")


_NESTED = re.compile(r"\s*(\\\[|\\\().*(\\\]|\\\))\s*", re.S)


def _region(sc: Scan, src: Source, start: int, end: int, inline: bool, src_notes: list[str], kind: str = "",
            hints: bool = True, budget: list[int] | None = None, defined: dict | None = None, whole: bool = True):
    """The statements of one region (None: prose math, skipped), and its component indices. `hints`:
    whether an error is matched against the examples of hints (only the first few errors are shown);
    `budget`: the macro expansions left for the text (read.macros); `whole`: the region as the text delimits it,
    not one row of it read apart."""
    body = sc.text[start:end]
    nested = _NESTED.fullmatch(body) if body.lstrip().startswith(("\\[", "\\(")) else None  # $$\[ ... \]$$: the inner delimiters blank
    if nested:
        body = f"{body[:nested.start(1)]}  {body[nested.end(1):nested.start(2)]}  {body[nested.end(2):]}"
    exp = expand(body, start, sc.macros, src, budget if budget is not None else [MAX_MACRO_STEPS, MAX_MACRO_OUTPUT])
    if exp is not None:
        body = exp.text
    if exp is None and _PRECOMPOSED.search(body):  # ũ_t: u and a combining tilde, as \tilde{u}_t
        exp = _decomposed(body, start)
        body = exp.text
    rows = expand_rows(body, start, exp, src)  # \square \in \{r, k, v, g\}: one row per letter
    if rows is not None:
        exp, body = rows, rows.text
    written = write_out(body, start, exp, src, defined if defined is not None else {}, src_notes)  # \mathrm{lora}_r(x_t)
    exp, body = (written, written.text) if written is not None else (exp, body)
    if not MEANINGFUL.search(body):  # a mention, like "where $h_t$ is the hidden state"; a display `y_t \approx V h_t` read
        body = None if inline else approximated(body, lambda i: src.where(exp.at(i, i + 1) if exp else Span(start + i, start + i + 1)), src_notes)
        if body is None:
            return None
    braced = subscripts(body, start, exp, kind, src, sc.text, sc.text[start:end])
    if braced is None:
        return None  # a line of code at no time step (batch_first=False, a = b + c): not the cell's
    exp, body = braced
    try:
        stmts = read(body, 0 if exp else start, "start")
    except UnexpectedInput as exc:
        stmts = closed_at_end(exc, body, start, src, src_notes, inline, read) if exp is None and (inline or whole) else None
        stmts = extra_at_end(exc, body, start, src, src_notes, read) if stmts is None and exp is None else stmts
        stmts = closed_at_row_end(exc, body, start, src, src_notes, read) if stmts is None and exp is None else stmts
        if stmts is None:  # (a statement of a block of code, read as the cell's, is never dropped)
            return _unread(exc, body, start, end, src, inline and kind != "code", hints, exp)
    except BadInput as exc:
        if inline and kind != "code" and (not _timed(body) or sequence_written_out(exc, body, 0 if exp else start)
                                          or prose_math(body, inline, True)):  # (a loss: CE = -\sum_i y_i \log ...)
            return None
        raise ParseError(exc.message, source=src, span=exp.at(exc.start, exc.end) if exp else Span(exc.start, exc.end),
                         hint=exc.hint) from None
    except RecursionError:
        raise ParseError("the math nests too deeply to read", source=src, span=Span(start, start + 1),
                         hint="use fewer nested parentheses") from None
    build = _parser()[1]
    macro_notes(build.notes, exp, src, src_notes)
    found = stmts.children + build.annotated if build.annotated else stmts.children
    return (relocate(found, exp) if exp else found), set(build.components)


def _unread(exc: UnexpectedInput, body: str, start: int, end: int, src: Source, inline: bool, hints: bool, exp):
    """A region the grammar does not read: None for prose math, else the error."""
    if prose_math(body, inline, _timed(body)):
        return None  # prose math, like "for $t = 1, \ldots, T$" or "$\sigma(x) = 1/(1+e^{-x})$"
    if not hints:  # beyond the errors a report shows: what failed, not why (which costs a millisecond)
        raise ParseError("cannot read the math", source=src, span=Span(start, end)) from None
    raise parse_error(moved(exc, exp, start) if exp else exc, src, start, end, _reread) from None


_PRECOMPOSED = re.compile("[\u00c0-\u024f\u1e00-\u1eff]")


def _decomposed(body: str, shift: int) -> Expansion:
    """A Latin letter with an accent written as one character (ũ, ĥ, ā), as the letter and its
    combining accent, both at the character's place."""
    import unicodedata
    chars, starts, ends = [], [], []  # (the characters, and each one's place in the text)
    for i, ch in enumerate(body):
        parts = unicodedata.normalize("NFD", ch) if _PRECOMPOSED.match(ch) else ch
        if len(parts) != 2 or not parts[0].isascii() or parts[1] not in UNI_ACCENTS:
            parts = ch
        for c in parts:
            chars.append(c), starts.append(shift + i), ends.append(shift + i + 1)
    return Expansion("".join(chars), starts, ends)


_C_TYPE = re.compile(r"\b[a-z][a-z0-9]{2,}_t\b")  # size_t, uint8_t: a C type, not a step


def _timed(body: str) -> bool:
    """Whether the math has a time index: at t, or at the text's own step letter (x_{k-1}, c_{j-1})."""
    if TIMED.search(_C_TYPE.sub("", body) if "_t" in body else body):
        return True
    at = _AT_LETTER.get(_parser()[1].time_letter)  # (none for t: TIMED's)
    return at is not None and at.search(body) is not None


_AT_LETTER = {x: re.compile(r"[_^]\s*\{?\s*[(<\[]?\s*" + re.escape(x) + r"(?![A-Za-z])") for x in ("n", "k", "s", "m", "\\tau", "j", "T", "i")}
SHOWN_ERRORS = 5   # errors a report shows after the first (ParseError.with_others): only they get hints


def parse(text: str, name: str = "<input>") -> N.Cell:
    check_input(text, name)
    if "\r" in text:  # Windows' line ends (a space for each \r: every offset kept), old Macs' too
        text = text.replace("\r\n", " \n").replace("\r", "\n")
    src = Source(text := as_dollars(text), name)  # (AsciiDoc's stem:[...]: read.asciidoc)
    cell = nomath.code(text, src, declaration_sizes)  # (a PyTorch module's code with no math: what its __init__ declares)
    if cell is None:
        try:
            cell = _math(text, src)
        except ParseError as exc:
            cell = nomath.instead_of_error(text, src, declaration_sizes, exc, isinstance(exc, _NothingFound))  # (a module's code, a layer's call)
            if cell is None:
                raise
    cell = nomath.instead_of_layer(cell, text, src, declaration_sizes) if "nn." in text else cell
    cell = nomath.instead_of_weightless(cell, text, src, declaration_sizes) if "__init__" in text else cell
    return with_stated(nomath.instead_of_counts(cell, text, src, declaration_sizes), _tried)


def _math(text: str, src: Source) -> N.Cell:
    """The cell the text's math writes (its plain lines where no math region holds an equation, the
    parameters it lists where no line does)."""
    checked: list = []  # the regions as found, checked before they are rewritten
    sc = scan(src, lambda found: checked.append(found) or _check_equations(found, src))
    if not checked or checked[0].text != sc.text or checked[0].regions != sc.regions:
        _check_equations(sc, src)  # and after (a row the rewriting splits; not if none changed), before the grammar's tables are loaded
    check_math(sc.text, sc.regions, sc.macros, src)  # and a row too long to read is refused at once
    build = _parser()[1]
    build.time_letter = time_letter(sc.text)  # as read.regions rewrote it (x_(k+1) is x_{k+1})
    try:
        try:
            return _parse(text, src, sc)
        except _NothingFound as exc:
            plain = plain_lines(sc) if sc.regions else None
            if plain is None:
                return nomath.listed(text, src, declaration_sizes, exc)
            check_math(plain.text, plain.regions, plain.macros, src)
        try:
            cell = _parse(text, src, plain)
        except _NothingFound:
            return nomath.listed(text, src, declaration_sizes, _NothingFound(_nothing_found(sc, src), source=src, hint=_WRITE_MATH))
        first = plain.regions[0]
        return replace(cell, notes=(f"no math region holds an equation of the cell: the lines of plain text that read as "
                                    f"equations are read (the first at {src.where(Span(first.start, first.end))})",)
                       + cell.notes)
    finally:
        build.time_letter = "t"


def declaration_sizes(latex: str):
    """The sizes of a declaration `W \\in \\mathbb{R}^{...}` (Lins), or None."""
    from .listing import sizes_of
    try:
        tree = read(latex, 0, "start")
    except (UnexpectedInput, BadInput):
        return None
    return sizes_of(next((c for c in getattr(tree, "children", ()) if isinstance(c, N.Declaration)), None))


class _NothingFound(ParseError):
    """No equation of the cell in the regions read."""


_WRITE_MATH = "write the cell's equations in math, e.g. $$ h_t = \\tanh(W x_t + U h_{t-1} + b) $$"


def _parse(text: str, src: Source, sc: Scan) -> N.Cell:
    equations: list[N.Equation] = []
    declarations: list[N.Declaration] = []
    notes: list[str] = family_notes(sc.macros, text, src)  # \symvx: a paper's command defined in another file
    settings: list[str] = []
    components: set[str] = set()
    errors: list[ParseError] = []
    deferred: list = []  # (error, region, why) of running text's math that may be set aside (read.aside)
    budget = [MAX_MACRO_STEPS, MAX_MACRO_OUTPUT]
    # the functions the text defines (read.inline), in the order it defines them; those named by a letter
    # wherever they are (`where $g(x) = W x + b$` after the equation that applies g)
    defined: dict = letter_definitions(sc.text, [(r.start, r.end) for r in sc.regions])
    skipped = _computed_lines(text)
    for r in sc.regions:
        if r.inline and equations and _goes_on(sc, src, r, equations, notes, budget, defined):
            continue  # $\Phi(x_t) = \tanh(W x_t + b)$ after z_t = \Phi(x_t): the chain goes on
        try:
            found = _region(sc, src, r.start, r.end, r.inline, notes, r.kind, hints=len(errors) <= SHOWN_ERRORS,
                            budget=budget, defined=defined)
        except ParseError as exc:  # go on: the other regions' errors are reported in the same run
            found = aside.by_rows(exc, r, sc.text, errors, deferred, lambda a, b: _region(
                sc, src, a, b, False, notes, r.kind, hints=len(errors) <= SHOWN_ERRORS, budget=budget, defined=defined, whole=False))
        if found is None:
            continue
        stmts, comps = found
        components |= comps
        in_region = len(equations)
        for s in stmts:
            if isinstance(s, Continuation) and r.inline and len(equations) == in_region:
                continue  # prose math, like "(number of examples $=n$)"
            if isinstance(s, Signature):
                notes.append(f"{' '.join(src.slice(s.span).split())} at {src.where(s.span)} reads as the cell's "
                             "signature (what it maps to what): not counted")
            elif isinstance(s, Continuation):
                if not equations:
                    raise ParseError("a row starts with `=` but no equation comes before it", source=src,
                                     span=s.span, hint="write the left side, like c_t = ...")
                prev = equations[-1]
                equations[-1] = replace(prev, also=prev.also + s.sides, span=Span(prev.span.start, s.span.end))
            elif isinstance(s, N.Equation) and (named := settings_of(s, r.inline)):
                settings.extend(named)  # an initial condition or a setting: h_0 = 0, \beta = 1, \beta_h = \beta_x = 0
            elif isinstance(s, N.Equation) and r.inline and isinstance(s.rhs, N.Number):
                continue  # a value in prose: "when $z_t = 1$"
            elif isinstance(s, N.Equation) and any(f(s, r.inline) for f in (time_range, discretised, activation_defined, restacked, past_left)):
                continue  # the steps: "from $t = 1$ to $t = \tau$"; "through $A = \exp(\Delta A)$"; $[h, x] = [h; x]$
            elif isinstance(s, N.Equation):
                equations.append(replace(s, inline=True) if r.inline else s)
            elif isinstance(s, N.Declaration):
                declarations.append(s)
    aside.settle(deferred, equations, errors, notes, src, (sc.text, _tried), settings)
    if errors:
        raise errors[0].with_others(errors[1:])
    _unread_definitions(equations := stacked_aside(equations), skipped, src)  # (W = [W_x; W_y] beside the uses of W_x, W_y)
    unused_names(text, equations, src)
    directives = _directives(sc, src)
    if not equations:
        raise _NothingFound(_nothing_found(sc, src) if text.strip() else "the input is empty", source=src, hint=_WRITE_MATH)
    settings += keyword_settings(text, equations, settings)  # `gamma=0.0` in a signature
    return N.Cell(src, tuple(equations), tuple(declarations), tuple(directives), tuple(notes), _prose(sc),
                  tuple(sorted(components)), tuple(settings))


# an inline region whose left side applies a function (\Phi(\mathbf{x}_t) = \tanh(...)): where an equation
# before it has that application as its right side, the region goes on with that equation
_APPLIED_LEFT = re.compile(r"\s*((?:\\[A-Za-z]+|[A-Za-z])\s*(?:\\left\s*)?\((?:[^()=]|\([^()=]*\))*\)(?:\s*\\right\s*\))?)\s*(?==)")


def _goes_on(sc: Scan, src: Source, r, equations: list, notes: list, budget: list, defined: dict) -> bool:
    """Whether region r restates the right side of an equation before it and goes on (the rest
    added to that equation's chain)."""
    restated = _restated_application(sc.text, r, src, equations)
    if restated is None:
        return False
    k, at = restated
    try:
        found = _region(sc, src, at, r.end, False, notes, r.kind, budget=budget, defined=defined)
    except ParseError:
        return False
    sides = [s for s in (found[0] if found else ()) if isinstance(s, Continuation)]
    if not sides:
        return False
    eq = equations[k]
    equations[k] = replace(eq, also=eq.also + tuple(x for s in sides for x in s.sides))
    notes.append(f"{' '.join(src.text[r.start:at].split())} at {src.where(Span(r.start, at))} is the right "
                 f"side of {eq.label} (line {src.line_col(eq.span.start)[0]}): its definition goes on")
    return True


def _restated_application(text: str, r, src: Source, equations: list) -> tuple[int, int] | None:
    m = _APPLIED_LEFT.match(text, r.start, r.end)
    if m is None:
        return None
    left = re.sub(r"\s+|\\left|\\right", "", m.group(1))
    for k in range(len(equations) - 1, -1, -1):
        rhs = equations[k].rhs
        if re.sub(r"\s+|\\left|\\right", "", src.text[rhs.span.start:rhs.span.end]) == left:
            return k, m.end()
    return None


# a line of code computing a gate or state: z = gate_fn.(dense(input, wiz, bz) + ...), z = W_ih @ x + b_ih
# (after a comment's marker, a list's bullet or step number; fₜ, f_t: the name at its time step, f)
_ASSIGNED = re.compile(r"^[ \t]*(?:(?:#+'?|//[/!]?|--|;;)[ \t]*)?(?:(?:[-*+>•]|\d+[.)]|let(?:[ \t]+mut)?|var|val|const|auto)[ \t]+)?([A-Za-z][A-Za-z0-9_{}\u2080-\u209c]*)[ \t]*:?=(?!=)"
                       r"(?=[^\n]*(?:sigm|tanh|relu|σ|softmax|gate|activation|[@*+]|\bdot\b|matmul|\bcat\b|concat|stack|=\s*\[[^\]\n]*[A-Za-z]))[^\n]*", re.M | re.I)
# names listed on a line's left, `[r_bar u_bar] = x_h_prev * w_ru + b_ru`, `r, u = split(z, 2)`: each computed there
_NM = r"[A-Za-z](?:\w|\{[\w+\- \t]*\})*"  # a name: h, h_prev, c_{t}, its braces closed (a_{5,t} is one name, no list)
_LISTED_ASSIGNED = re.compile(rf"^[ \t]*(?:\[[ \t]*({_NM}(?:(?:[ \t]*,[ \t]*|[ \t]+){_NM})+)[ \t]*\]|((?:{_NM}[ \t]*,[ \t]*)+{_NM}))[ \t]*=(?!=)"
                              r"(?![^\n]*(?:\bself\.|\[\s*:))"  # (not a weight's slices: Wxz, Wxr = self.Wx[:, :H], ...)
                              r"(?=[^\n]*(?:[@*+]|sigm|tanh|\bdot\b|matmul|split|chunk|unbind))[^\n]*", re.M)
_AT_STEP = re.compile(r"(?:ₜ|_\{?t\}?)$")
_LIST_SEPARATOR = re.compile(r"[\s,]+")
_ACTIVATED = re.compile(r"sigm|tanh|relu|σ|softmax|gate|activation", re.I)
# names listed on the left of a call of the input at the step: Mamba's `A, B, C = f(x(t))` (a function the text leaves
# undefined computes them: no weights, unless an equation defines each)
_LISTED_FROM_INPUT = re.compile(r"^[ \t]*((?:[A-Za-z][A-Za-z0-9_{}]*[ \t]*,[ \t]*)+[A-Za-z][A-Za-z0-9_{}]*)[ \t]*=(?!=)[ \t]*"
                                r"[A-Za-z_]\w*[ \t]*\([^\n]*(?:\(\s*t\s*\)|_\{?t\}?(?![A-Za-z0-9])|\[\s*t\s*\])", re.M)


def _computed_lines(text: str) -> dict[str, Span]:
    """The lines that compute a name with an activation (a gate), in a region or not: one that does
    not read is dropped, and the equations' left sides tell which were read."""
    if "=" not in text:
        return {}
    out: dict[str, Span] = {}
    for m in _ASSIGNED.finditer(text):
        if starting_value(m.group(0)):
            continue  # W_f = np.random.randn(H, V + H) * 0.01  # forget gate: a weight's starting value
        if m.group(1)[:1].isupper() and not _ACTIVATED.search(m.group(0)):
            continue  # W = matmul(W_1, W_2): a weight made of others (a capital letter computed without an activation)
        out.setdefault(re.sub(r"[{}_]", "", _AT_STEP.sub("", m.group(1))), Span(m.start(1), m.end()))
    flats: dict[str, str] = {}  # a name listed -> its letters (a long text lists a few names many times)
    for m in _LISTED_ASSIGNED.finditer(text) if "," in text or "[" in text else ():
        for name in _LIST_SEPARATOR.split((m.group(1) or m.group(2)).strip()):
            flat = flats.get(name)
            if flat is None:
                flat = flats[name] = re.sub(r"[{}_]", "", _AT_STEP.sub("", name))
            if flat not in out:
                out[flat] = Span(m.start(), m.end())
    for m in _LISTED_FROM_INPUT.finditer(text) if "," in text else ():  # A, B, C = f(x(t)): each computed from the input
        for name in m.group(1).split(","):
            out.setdefault(re.sub(r"[{}_\s]", "", _AT_STEP.sub("", name.strip())), Span(m.start(1), m.end()))
    return out


def _unread_definitions(equations: list[N.Equation], skipped: dict[str, Span], src: Source) -> None:
    """A name the equations read but never define, which a line of code defines that does not read
    as math (z = gate_fn.(...)): it is not a weight, and the cell cannot be counted without it."""
    if not skipped:
        return
    defined = {flat_letters(x.name) for eq in equations  # (the pieces of a stack too: i_t, f_t = split(gates, 2))
               for x in (eq.lhs.items if isinstance(eq.lhs, N.Concat) else (eq.lhs,)) if isinstance(x, N.Symbol)}
    # a name's letters start with its first character unless that is a brace, a low line or a space: a name that
    # starts with another character than the letters sought start with is none of them (its letters not made)
    firsts = {flat[:1] for flat in skipped if flat not in defined}
    flats: dict[str, str] = {}  # name -> its letters (a long cell writes a few names thousands of times)
    for eq in equations:
        for side in (eq.rhs,) + eq.also:
            for sym in N.walk(side):
                if sym.__class__ is not N.Symbol or (sym.name[:1] not in firsts and sym.name[:1] not in "{}_"
                                                     and not sym.name[:1].isspace()):  # (what flat_letters drops)
                    continue
                flat = flats.get(sym.name)
                if flat is None:
                    flat = flats[sym.name] = flat_letters(sym.name)
                if flat in skipped and flat not in defined:
                    raise ParseError(f"cannot read the line that defines {sym.text}: {sym.text} is computed there, "
                                     f"not a weight, and the count needs that line", source=src, span=skipped[flat],
                                     hint="write the line as math (z_t = \\sigma(W_z x_t + U_z h_{t-1} + b_z)) in $$ ... $$")


_ROW = re.compile(r"\\\\|\\cr(?![A-Za-z])|\\newline(?![A-Za-z])")
_RELATION = re.compile(r"=|≔|\\coloneqq(?![A-Za-z])")
# a row that is one equation of a time-indexed signal: h_t = ..., a_{k,t} &= ...
_TIMED_ROW = re.compile(r"\s*&?\s*[A-Za-z](_t|_\{[^{}=]*\bt\}|_\{t\b[^{}=]*\})\s*&?\s*(:?=|≔|\\coloneqq(?![A-Za-z]))")


def timed_rows(sc: Scan) -> tuple[int, bool]:
    """The rows of display math that are an equation of a time-indexed signal (h_t = ..., a_{k,t} &=
    ...), which parsing counts as equations too (or refuses), and whether they are all the math's
    relations (then their number is the number of equations)."""
    rows = others = 0
    for r in sc.regions:
        body = sc.text[r.start:r.end]
        if r.inline:
            others += len(_RELATION.findall(body))
            continue
        for row in _ROW.split(body):
            relations = len(_RELATION.findall(row))
            if relations and _TIMED_ROW.match(row):
                rows += 1
                others += relations - 1
            else:
                others += relations
    return rows, others == 0 and rows > 0  # (none: the equations may be in lines read after, read.regions.plain_lines)


def _check_equations(sc: Scan, src: Source) -> None:
    """The limit on equations, checked before parsing (a cell over it would take seconds to read);
    shapes.infer checks the count again after parsing."""
    rows, exact = timed_rows(sc)
    if rows > MAX_EQUATIONS:
        count = f"{rows:,}" if exact else f"at least {rows:,}"
        raise ShapeError(f"the cell has {count} equations; symcount counts cells of at most {MAX_EQUATIONS:,}",
                         source=src, hint="give symcount one cell's equations")


def _directives(sc: Scan, src: Source) -> list[N.Directive]:
    out = []
    for key, vstart, vend in sc.directives:
        if key not in ("input", "output", "heads", "shared"):
            raise ParseError(f"unknown directive 'symcount: {key}'", source=src,
                             span=Span(vstart - len(key) - 1, vstart),
                             hint="directives are `% symcount: input x`, `% symcount: output h`, "
                                  "`% symcount: heads H` and `% symcount: shared W_o`")
        try:
            sym = read(sc.text[vstart:vend], vstart, "symbol")
        except UnexpectedInput as exc:
            raise parse_error(exc, src, vstart, vend, _reread) from None
        except BadInput as exc:
            raise ParseError(exc.message, source=src, span=Span(exc.start, exc.end), hint=exc.hint) from None
        out.append(N.Directive(key, sym.arg if isinstance(sym, N.Transpose) else sym, Span(vstart, vend)))
    return out


def _nothing_found(sc: Scan, src: Source) -> str:
    """"no equations found", and what was seen instead: the math regions, none an equation."""
    regions = [r for r in sc.regions if r.kind != "bare"]
    if not regions:
        return ("no equations found: no math ($...$, \\[...\\], .. math::, ```math, <math>, \\f$...\\f$) and no line "
                "that reads as an equation (a symbol, `=`, and some LaTeX)")
    first = regions[0]
    shown = " ".join(src.text[first.start:first.end].split())[:60]
    return (f"no equations found: {len(regions)} math region{'s' if len(regions) > 1 else ''}, none an equation "
            f"of the cell (the first, at {src.where(Span(first.start, first.end))}: {shown})")


def _prose(sc: Scan) -> str:
    """The text outside the regions that were read as display math (inline math kept: prose says
    `where $*$ is the convolution`)."""
    parts, pos = [], 0
    for r in sc.regions:
        if not r.inline:
            parts.append(sc.text[pos:r.start])
            pos = r.end
    parts.append(sc.text[pos:])
    text = re.sub(r"(?<![\\0-9])%[^\n]*", " ", "".join(parts))
    lines = (" ".join(line.split()) for line in text.split("\n"))  # its lines kept: a list's items are its sentences
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip()


def with_heads(cell: N.Cell, heads: str | None, shared: tuple[str, ...] = ()) -> N.Cell:
    """The cell with the head count and shared names given outside its text (--heads H, --shared W_o):
    as `% symcount: heads H` and `% symcount: shared W_o` written after it (they override the text's
    head count). Each name is read by the grammar as a symbol, as the text writes it."""
    given = ([("heads", heads)] if heads else []) + [("shared", s) for s in shared]
    out = []
    for key, value in given:
        option = "--" + key
        if not isinstance(value, str) or not re.fullmatch(r"\s*\\?[A-Za-z][A-Za-z0-9_^{}\\' ]*\s*", value):
            example = "--heads H --set H=8" if key == "heads" else "--shared W_o"
            raise ParseError(f"{option} takes a name as the text writes it, not {value!r}",
                             hint=f"name the size or the parameter: {example}")
        try:
            sym = read(value, 0, "symbol")
        except (UnexpectedInput, BadInput):
            raise ParseError(f"{option} {value}: not a name symcount reads", hint="write it as the text does: H, W_o, W_{out}") from None
        out.append(N.Directive(key, sym.arg if isinstance(sym, N.Transpose) else sym, None))
    return replace(cell, directives=cell.directives + tuple(out)) if out else cell
