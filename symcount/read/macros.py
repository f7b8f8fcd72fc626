"""Macros the text defines: \\newcommand, \\renewcommand, \\providecommand (starred too, with
arguments #1..#9 and an optional first argument's default), \\def (undelimited #1#2...), \\let and
\\DeclareMathOperator, found anywhere in the text (preamble, prose, or a MathJax `$$\\newcommand...$$`).

`definitions` finds them and blanks them out of the text the scanner reads (offsets kept);
`expand` expands their uses in one math region before the grammar reads it, TeX-like: a stack of
inputs, arguments read from whatever follows (also past the end of an expansion), the result read
again. Every character of the result keeps where it came from: an argument's characters their own
offsets, a macro's body the span of the use, so that errors and notes still point into what the user
wrote. Work is bounded by counts: at most MAX_MACRO_STEPS expansions and MAX_MACRO_OUTPUT characters
per text, else a located error naming the macro (a macro defined in terms of itself never ends).
"""
from __future__ import annotations

from . import patterns as re  # re, with the package's patterns compiled ahead (read.patterns)

from ..errors import ParseError, Record
from ..limits import MAX_MACRO_OUTPUT, MAX_MACRO_STEPS
from .source import Source, Span


class Macro(Record):
    __slots__ = ('name', 'body', 'args', 'default')
    _defaults = {'args': 0, 'default': None}
    name: str                 # without the backslash
    body: str                 # #1..#9 for the arguments
    args: int
    default: str | None  # the optional first argument's default (\newcommand{\x}[2][t]{...})


_NAME = r"(?:\{\s*\\(?P<{0}>[A-Za-z]+|[^A-Za-z\s])\s*\}|\\(?P<{0}b>[A-Za-z]+|[^A-Za-z\s]))"
_NEW = re.compile(r"\\(?P<kind>newcommand|renewcommand|providecommand|DeclareRobustCommand)\*?\s*" + _NAME.replace("{0}", "n")
                  + r"\s*(?:\[\s*(?P<args>\d)\s*\])?\s*(?:\[(?P<default>[^\]]*)\])?\s*(?=\{)")
_OPERATOR = re.compile(r"\\DeclareMathOperator\*?\s*" + _NAME.replace("{0}", "n") + r"\s*(?=\{)")
_DEF = re.compile(r"\\[gex]?def\s*\\(?P<n>[A-Za-z]+|[^A-Za-z\s])(?P<params>[^{]*)(?=\{)")
_LET = re.compile(r"\\let\s*\\(?P<n>[A-Za-z]+|[^A-Za-z\s])\s*=?\s*\\(?P<to>[A-Za-z]+|[^A-Za-z\s])")
_ANY = re.compile("|".join(f"(?:{p.pattern})".replace("?P<n>", f"?P<n{i}>").replace("?P<nb>", f"?P<nb{i}>")
                           for i, p in enumerate((_NEW, _OPERATOR, _DEF, _LET))))


def _group(text: str, at: int) -> int | None:
    """The offset just after the brace group that opens at text[at] ('{'), None if unclosed."""
    depth = 0
    i = at
    while i < len(text):
        ch = text[i]
        if ch == "\\":
            i += 2
            continue
        if ch == "{":
            depth += 1
        elif ch == "}":
            depth -= 1
            if depth == 0:
                return i + 1
        i += 1
    return None


def _unwrapped(body: str) -> str:
    """A body that is one brace group (`\\def\\vh{{\\bm{h}}}`, as ML papers' math_commands.tex writes
    it) without the group's braces: `{\\bm{h}}_t` is `\\bm{h}_t` to TeX, and to the grammar."""
    inner = body.strip()
    while inner.startswith("{") and _group(inner, 0) == len(inner):
        inner = inner[1:-1].strip()
    return inner if inner != body.strip() else body


def definitions(text: str, src: Source) -> tuple[str, dict[str, Macro]]:
    """The text with each definition blanked out (offsets kept), and the macros it defines (a later
    \\renewcommand or \\def replaces an earlier one; \\providecommand does not)."""
    if "\\" not in text or not re.search(r"\\(?:newcommand|renewcommand|providecommand|DeclareRobustCommand|"
                                         r"DeclareMathOperator|[gex]?def|let)(?![A-Za-z])", text):
        return text, {}
    out = list(text)
    table: dict[str, Macro] = {}
    pos = 0
    while (m := _ANY.search(text, pos)) is not None:
        which = next(i for i in range(4) if m.group(f"n{i}") is not None or
                     (i < 2 and m.group(f"nb{i}") is not None))
        name = m.group(f"n{which}") or m.group(f"nb{which}")
        end = m.end()
        if which == 3:  # \let\a\b: \a is what \b is now
            macro = table.get(m.group("to"), Macro(name, "\\" + m.group("to")))
            table[name] = Macro(name, macro.body, macro.args, macro.default)
        else:
            close = _group(text, end)
            if close is None:
                raise ParseError(f"the definition of \\{name} has no closing brace", source=src,
                                 span=Span(m.start(), end), hint="close the braces around the definition's body")
            body = text[end + 1:close - 1]
            if which == 0:
                args = int(m.group("args") or 0)
                if m.group("kind") != "providecommand" or name not in table:
                    table[name] = Macro(name, body if args else _unwrapped(body), args, m.group("default") if args else None)
            elif which == 1:
                table[name] = Macro(name, "\\operatorname{" + body.strip() + "}")
            else:
                params = m.group("params").replace(" ", "")
                if not re.fullmatch(r"(?:#\d)*", params) or params != "".join(f"#{k + 1}" for k in range(len(params) // 2)):
                    raise ParseError(f"cannot read the definition of \\{name}: its parameters {params} are delimited",
                                     source=src, span=Span(m.start(), end),
                                     hint="define it with \\newcommand, whose arguments are braced: "
                                          "\\newcommand{\\name}[2]{...}")
                table[name] = Macro(name, body if params else _unwrapped(body), len(params) // 2)
            end = close
        out[m.start():end] = [ch if ch == "\n" else " " for ch in text[m.start():end]]
        pos = end
    return "".join(out), table


# a family of commands a paper defines in another file, one per letter: \symvx, \symvh, \symmw (a prefix,
# v for a vector or m for a matrix, the letter); LaTeX's own (\bigl, \bigr) are no family
_MEMBER = re.compile(r"\\(?P<stem>[A-Za-z]{2,6}[vm])(?P<letter>[A-Za-z]{1,2})(?![A-Za-z])")  # \symvct, \symvhh: c's, h's variant
_CONSTANTS = {"vone": "1", "vones": "1", "vunit": "1", "vzero": "0",  # math_commands.tex's
              "nn": "\\nonumber\\\\",  # and physics notes' \nn: \nonumber\\, the end of a row
              "isin": "\\in"}  # and KaTeX's own \isin
_ELEMENTWISE = re.compile(r"\\((?:ew|elem|elementwise|had|pw|pointwise|entrywise)(?:prod|product|mul|mult|times)"
                          r"|hadamard|hadprod|hprod|emul|elmul)(?![A-Za-z])")
_NOT_FAMILIES = frozenset("big Big bigg Bigg left right math text oper".split())


def families(text: str, table: dict[str, Macro]) -> dict[str, Macro]:
    """The commands of undefined families, \\symvx read as the bold letter x (three members or more,
    sharing a prefix before v or m); each Macro's default says it is a family's (read.parse notes it)."""
    if "\\" not in text:
        return {}
    found: dict[str, set[str]] = {}
    for m in _MEMBER.finditer(text):
        name = m.group("stem") + m.group("letter")
        if name not in table:
            found.setdefault(m.group("stem")[:-1], set()).add(name)
    out = {n: Macro(n, body, 0, "family") for n, body in _CONSTANTS.items()
           if n not in table and re.search(rf"\\{n}(?![A-Za-z])", text)}
    out.update({n: Macro(n, "\\odot", 0, "family") for n in {m.group(1) for m in _ELEMENTWISE.finditer(text)}
                if n not in table})  # \ewprod, \hadamard: an elementwise product by its name
    for prefix, names in found.items():
        if len(names) >= 3 and prefix not in _NOT_FAMILIES:
            out.update({n: Macro(n, _member(n[len(prefix) + 1:]), 0, "family") for n in names})
    bold = {m.group(0)[1:] for m in _BOLD_MEMBER.finditer(text)} - set(table) - {"bm", "bf"} if "\\b" in text else set()
    bold -= {m.group(1) for m in _WITH_ARGUMENT.finditer(text)} if bold else set()  # (\bs{v}, \bs v: bs's, never a letter's)
    if {n for n in bold if len(n) == 2}:  # \bx, \bh, \bW (and \bbf, \bsigma): a slide deck's bold letters (\bm, \bf are LaTeX's)
        out.update({n: Macro(n, _bold(n[1:]), 0, "family") for n in bold if n not in out})
    named = {m.group(0)[1:] for m in _BOLD_NAMED.finditer(text)} - set(table) if "\\bold" in text else set()
    if len(named) >= 2:  # \boldW, \boldh, \boldx: the same, by a longer name
        out.update({n: Macro(n, _bold(n[4:]), 0, "family") for n in named if n not in out})
    return out


_BOLD_NAMED = re.compile(r"\\bold[A-Za-z](?![A-Za-z])(?!\s*\{)")
# \bx, \bW, \bbf (\bf is LaTeX's), \bsigma: a bold letter's command of one prefix, b
_WITH_ARGUMENT = re.compile(r"\\(b[A-Za-z])\s*\{")
_BOLD_MEMBER = re.compile(r"\\b(?:[A-Za-z]|bf|alpha|beta|gamma|delta|theta|lambda|mu|sigma|epsilon|phi|psi|omega)(?![A-Za-z])(?!\s*\{)")  # (\bs{v}: a command of an argument)


def _bold(rest: str) -> str:
    if rest == "bf":
        return "\\mathbf{f}"
    return f"\\mathbf{{{rest}}}" if len(rest) == 1 else f"\\{rest}"  # \bsigma: the sigmoid, set bold


def family_notes(table: dict[str, Macro], text: str, src: Source) -> list[str]:
    """A note for each family command of `table` (families), where the text first uses it, in order."""
    found = [(m, text.find("\\" + m.name)) for m in table.values() if m.default == "family"]
    return [f"\\{m.name} at {src.where(Span(at, at + len(m.name) + 1))} reads as {m.body}: a command the text uses "
            "without defining it (a paper's, defined in another file)"
            for m, at in sorted(((m, at) for m, at in found if at >= 0), key=lambda p: p[1])]


def _member(letters: str) -> str:
    """x -> \\mathbf{x}; two letters, a variant of the first: ct -> \\tilde{\\mathbf{c}}, hh -> \\hat{\\mathbf{h}}."""
    if len(letters) == 1:
        return f"\\mathbf{{{letters}}}"
    accent = {"h": "hat", "b": "bar"}.get(letters[1], "tilde")
    return f"\\{accent}{{\\mathbf{{{letters[0]}}}}}"


class _Inputs:
    """A stack of inputs (characters, and where each came from: start and end offsets in the text)."""

    def __init__(self, text: str, starts: list[int], ends: list[int]) -> None:
        self.stack = [[text, starts, ends, 0]]
        self.last_end = 0  # where the last character taken ends in the text

    def _top(self):
        while self.stack and self.stack[-1][3] >= len(self.stack[-1][0]):
            self.stack.pop()
        return self.stack[-1] if self.stack else None

    def peek(self) -> str:
        top = self._top()
        return top[0][top[3]] if top else ""

    def take(self) -> tuple[str, int, int]:
        top = self._top()
        i = top[3]
        top[3] += 1
        self.last_end = max(self.last_end, top[2][i])
        return top[0][i], top[1][i], top[2][i]

    def push(self, chars: list[tuple[str, int, int]]) -> None:
        if chars:
            self.stack.append(["".join(c for c, _, _ in chars), [s for _, s, _ in chars], [e for _, _, e in chars], 0])

    def control(self) -> list[tuple[str, int, int]]:
        """A control sequence (the backslash already peeked): \\name or \\x."""
        out = [self.take()]
        if self.peek().isascii() and self.peek().isalpha():
            while self.peek().isascii() and self.peek().isalpha():
                out.append(self.take())
        elif self.peek():
            out.append(self.take())
        return out

    def argument(self) -> list[tuple[str, int, int]] | None:
        """One argument: a brace group (without its braces), a control sequence or one character."""
        while self.peek() in (" ", "\t", "\n"):
            self.take()
        ch = self.peek()
        if not ch or ch == "}":
            return None
        if ch == "\\":
            return self.control()
        if ch != "{":
            return [self.take()]
        self.take()
        out, depth = [], 1
        while self.peek():
            c = self.take()
            if c[0] == "\\" and self.peek():
                out += [c, self.take()]
                continue
            depth += {"{": 1, "}": -1}.get(c[0], 0)
            if depth == 0:
                return out
            out.append(c)
        return None

    def optional(self) -> list[tuple[str, int, int]] | None:
        """An optional argument [..], or None when none follows."""
        if self.peek() != "[":
            return None
        self.take()
        out = []
        while self.peek() and self.peek() != "]":
            out.append(self.take())
        if self.peek():
            self.take()
        return out


class Expansion:
    """A region's text after expansion, and the original span of each of its ranges."""

    def __init__(self, text: str, starts: list[int], ends: list[int]) -> None:
        self.text, self.starts, self.ends = text, starts, ends

    def at(self, start: int, end: int) -> Span:
        """The original span of text[start:end]."""
        n = len(self.text)
        if n == 0:
            return Span(0, 0)
        a = self.starts[min(start, n - 1)]
        b = self.ends[min(max(end - 1, start), n - 1)] if end > start else a
        return Span(min(a, b), max(a, b))


def expand(body: str, shift: int, table: dict[str, Macro], src: Source, budget: list[int]) -> Expansion | None:
    """body (at offset shift of the text) with the table's macros expanded; None when it uses none.
    `budget` is [steps, characters] left for the whole text."""
    if not table or not any(("\\" + name) in body for name in table):
        return None
    inputs = _Inputs(body, list(range(shift, shift + len(body))), list(range(shift + 1, shift + len(body) + 1)))
    chars: list[str] = []
    starts: list[int] = []
    ends: list[int] = []
    while inputs.peek():
        if inputs.peek() != "\\":
            c, s, e = inputs.take()
            chars.append(c), starts.append(s), ends.append(e)
            continue
        seq = inputs.control()
        name = "".join(c for c, _, _ in seq[1:])
        macro = table.get(name)
        if macro is None:
            for c, s, e in seq:
                chars.append(c), starts.append(s), ends.append(e)
            continue
        use = Span(seq[0][1], seq[-1][2])
        budget[0] -= 1
        if budget[0] < 0:
            raise ParseError(f"expanding the macros takes more than {MAX_MACRO_STEPS:,} steps (at \\{name})",
                             source=src, span=use, hint=f"a macro defined in terms of itself never ends: check the definition of \\{name}")
        args = _arguments(inputs, macro, use, src)
        replaced = _substitute(macro, args, Span(use.start, max(use.end, inputs.last_end)))
        budget[1] -= len(replaced)
        if budget[1] < 0 or len(chars) > MAX_MACRO_OUTPUT:
            raise ParseError(f"expanding the macros makes more than {MAX_MACRO_OUTPUT:,} characters (at \\{name})",
                             source=src, span=use, hint=f"check the definition of \\{name}")
        inputs.push(replaced)
    return Expansion("".join(chars), starts, ends)


def _arguments(inputs: _Inputs, macro: Macro, use: Span, src: Source) -> list[list[tuple[str, int, int]]]:
    args = []
    for k in range(macro.args):
        if k == 0 and macro.default is not None:
            opt = inputs.optional()
            args.append(opt if opt is not None else [(c, use.start, use.end) for c in macro.default])
            continue
        arg = inputs.argument()
        if arg is None:
            raise ParseError(f"\\{macro.name} takes {macro.args} argument{'s' if macro.args > 1 else ''}; "
                             f"the math gives {k}", source=src, span=use,
                             hint=f"write its arguments in braces after it: \\{macro.name}" + "{...}" * macro.args)
        args.append(arg)
    return args


def _substitute(macro: Macro, args: list, use: Span) -> list[tuple[str, int, int]]:
    out: list[tuple[str, int, int]] = []
    body = macro.body
    i = 0
    while i < len(body):
        ch = body[i]
        if ch == "#" and i + 1 < len(body) and body[i + 1].isdigit() and 0 < int(body[i + 1]) <= len(args):
            out += args[int(body[i + 1]) - 1]
            i += 2
            continue
        if ch == "#" and body[i + 1:i + 2] == "#":
            i += 1
        out.append((ch, use.start, use.end))
        i += 1
    return out


def relocate(obj, exp: Expansion):
    """obj (statements read from exp.text, offsets into it) with every Span moved into the text.
    Children before parents, with a stack: a sum of thousands of terms is a tree that deep."""
    done: dict[int, object] = {}
    stack: list = [(obj, False)]
    while stack:
        o, ready = stack.pop()
        if id(o) in done:
            continue
        kids = _parts(o)
        if not ready and kids:
            stack.append((o, True))
            stack.extend((k, False) for k in kids if id(k) not in done)
            continue
        done[id(o)] = _moved(o, exp, done)
    return done[id(obj)]


def _parts(o) -> list:
    if isinstance(o, (tuple, list)):
        return list(o)
    if isinstance(o, Record):
        return [getattr(o, name) for name in o._fields]
    if hasattr(o, "__dict__") and hasattr(o, "span"):  # the builder's Signature and Continuation
        return list(vars(o).values())
    return []


def _moved(o, exp: Expansion, done: dict):
    if isinstance(o, Span):
        return exp.at(o.start, o.end)
    if isinstance(o, tuple):
        return tuple(done[id(x)] for x in o)
    if isinstance(o, list):
        return [done[id(x)] for x in o]
    if isinstance(o, Record):
        return o.but(**{name: done[id(getattr(o, name))] for name in o._fields})
    if hasattr(o, "__dict__") and hasattr(o, "span"):
        for k, v in vars(o).items():
            setattr(o, k, done.get(id(v), v))
    return o


def moved(exc, exp: Expansion, shift: int):
    """A grammar error on exp.text, its positions moved to the region's text (which starts at shift)."""
    if getattr(exc, "pos_in_stream", None) is not None:
        exc.pos_in_stream = exp.at(exc.pos_in_stream, exc.pos_in_stream + 1).start - shift
    tok = getattr(exc, "token", None)
    if tok is not None and getattr(tok, "start_pos", None) is not None and tok.type != "$END":
        span = exp.at(tok.start_pos, tok.end_pos)
        tok.start_pos, tok.end_pos = span.start - shift, span.end - shift
    return exc


def macro_notes(found: list, exp: Expansion | None, src: Source, notes: list[str]) -> None:
    """The grammar's notes on the commands it read in a region (`found`: (command, offset) pairs) as notes on the text:
    a command the text does not define read as a symbol, \\dot before a bracket as \\cdot, a command the text defines
    elsewhere as a font (each once)."""
    for macro, at in found:
        at = exp.at(at, at + 1).start if exp else at
        if any(n.startswith(macro + "{") or n.startswith(macro + " ") for n in notes):
            continue
        if macro.startswith("name:"):
            notes.append(f"{macro[5:]} at {src.where(Span(at, at + len(macro) - 5))} is a command the text does not "
                         f"define: read as the symbol {macro[6:]}")
        elif macro == "\\dot":
            notes.append(f"\\dot at {src.where(Span(at, at + 4))} before a bracket reads as \\cdot, a product")
        else:
            notes.append(f"{macro}{{...}} at {src.where(Span(at, at + len(macro)))} is a command this text defines "
                         "elsewhere: read as a font around the symbol")
