"""Functions a text defines and then applies, as the Finch paper (Peng et al. 2024, section 4.2)
defines `\\mathrm{lora}_\\square(x) = \\lambda_\\square + \\tanh(x A_\\square) B_\\square` and applies
`\\mathrm{lora}_d(...)`: the definition's row is taken out of the math (it is no step of the cell) and
every application is written out, the body with \\square replaced by the application's subscript and
each parameter by its argument in parentheses, until none is left (a body may apply another). Every
character keeps where it came from (an argument its own place, a body its definition's), as
read.macros keeps it, so that errors and notes point into what the user wrote."""
from __future__ import annotations

from . import patterns as re  # re, with the package's patterns compiled ahead (read.patterns)

from ..errors import ParseError, Record
from ..limits import MAX_FUNCTION_ROUNDS, MAX_MACRO_OUTPUT
from .macros import Expansion
from .source import Source, Span
from .words import kind

_HEAD = r"\\(?:mathrm|operatorname\*?|text|textrm)\s*\{\s*(?P<name>[A-Za-z]{2,})\s*\}"
# a function named by a letter, as papers define one in a sentence: `g(x) = W x + b`, `s_B(x) = \mathrm{Linear}_N(x)`
# (a letter, or a Greek one, with a subscript of letters; its parameter no step letter: h(t) = ... is a signal at t)
_LETTER = r"(?P<name>(?<![A-Za-z\\])(?:[A-Za-z]|\\[a-z]+)(?:_(?:\{\s*\\?[A-Za-z]{1,8}\s*\}|\\[A-Za-z]+(?![A-Za-z])|[A-Za-z]))?)"
# its parameters: one plain letter (not the step's: h(t) = ... is a signal at t), or letters with subscripts, as
# `f(h_{t-1}, y_t) = \sigma(U h_{t-1} + V y_t + b)` defines the map `h_t = f(h_{t-1}, y_t)` applies
_PARAM = r"[a-z](?:_(?:\{[^{},]{1,8}\}|[A-Za-z0-9]))?"
_LETTER_DEF = re.compile(r"(?:^|(?<=[\s$]))" + _LETTER + r"\s*\(\s*(?P<params>(?![tknsT](?![A-Za-z_]))[a-z](?![_A-Za-z])|"
                         + _PARAM + r"(?:\s*,\s*" + _PARAM + r")+|[a-z]_(?:\{[^{},]{1,8}\}|[A-Za-z0-9]))\s*\)\s*"
                         r"(?:=|:=|\\coloneqq(?![A-Za-z]))\s*")
_LETTER_DEF_END = re.compile(r"[a-z0-9}]\s*\)\s*(?:=|:=|\\coloneqq)")  # what a match ends with: a quick test (its look-behind first)
_SQUARE_SUB = r"_\s*(?:\\square(?![A-Za-z])|\{\s*\\square\s*\})"
# (no two \s* side by side around an optional part: a run of spaces is matched one way only)
_DEF = re.compile(_HEAD + r"\s*(?:(?P<square>" + _SQUARE_SUB + r")\s*)?(?:\\left\s*)?\(\s*(?P<params>[a-z](?:\s*,\s*[a-z])*)"
                  r"\s*(?:\\right\s*)?\)\s*(?:&\s*)?(?:=|:=|\\coloneqq(?![A-Za-z]))\s*&?")
_USE = re.compile(_HEAD + r"\s*(?:_\s*(?P<sub>\{[^{}]*\}|\\square(?![A-Za-z])|[A-Za-z0-9])\s*)?(?=(?:\\left\s*)?\()")
# a word whose definition the text's own replaces: one symcount does not know, or a linear map's
# (`\mathrm{fc}(x, h) = W_x x + b_x + W_h h + b_h`: its weights as written); never an activation's or a norm's
_DEFINABLE = ("activation-guess", "unknown", "linear")
_ROW_END = re.compile(r"\\\\|\\end\s*\{|\\tag|\\label")
_TAIL = re.compile(r"(?:\(\s*[0-9]+(?:\.[0-9]+)?\s*\)|\\q?quad|\\[,;:!])$")  # an equation number, a space
_SQUARE = re.compile(r"\\square(?![A-Za-z])")


class Defined(Record):
    """A function the text defines: its parameters, its body and where each body character was."""
    __slots__ = ('name', 'params', 'square', 'body', 'starts', 'ends', 'span')

    name: str
    params: tuple[str, ...]
    square: bool           # written with a placeholder subscript (\mathrm{lora}_\square)
    body: str
    starts: tuple[int, ...]
    ends: tuple[int, ...]
    span: Span             # the definition's left side, for messages


def inline(body: str, shift: int, exp: Expansion | None, src: Source, defined: dict[str, Defined],
           notes: list[str] | None = None) -> Expansion | None:
    """body (at offset shift, or read from exp) with the definitions it holds taken out (and kept in
    `defined`) and every application of a defined function written out; None when there is neither."""
    lettered = _letter_uses(defined)
    if not (("\\" in body and (_DEF.search(body) or any(m.group("name") in defined for m in _USE.finditer(body))))
            or (lettered and lettered.search(body)) or (_LETTER_DEF_END.search(body) and _LETTER_DEF.search(body))):
        return None
    starts = list(exp.starts) if exp else list(range(shift, shift + len(body)))
    ends = list(exp.ends) if exp else list(range(shift + 1, shift + len(body) + 1))
    chars = _taken_out(body, starts, ends, defined, src.text, notes, src)
    written = Expansion("".join(chars), starts, ends)
    out = _apply_all(written, src, defined)
    return None if out is written and written.text == body else out  # neither after all


def _taken_out(body: str, starts: list[int], ends: list[int], defined: dict[str, Defined], text: str,
               notes: list[str] | None = None, src: Source | None = None) -> list[str]:
    """body's characters with its definitions blanked out (each kept in `defined`, the first of a name). A function
    the text never applies is no helper of the cell: `\\text{RNN}(h,x) = (1-g)\\circ h + ...` says what the cell makes
    of its state h, read as its new value h' (with a note); one of no state is left where it is (its weights are
    never dropped unread)."""
    chars = list(body)
    found = [(m, _applied_elsewhere(m, text, starts[m.start()])) for m in _DEF.finditer(body)
             if kind(m.group("name")) in _DEFINABLE]  # not \sigma(z) = ...
    found += [(m, applied) for m in _LETTER_DEF.finditer(body) if kind(m.group("name")) == "letter"
              and _first_on_row(body, m.start()) and ((applied := _applied_elsewhere(m, text, starts[m.start()]))
                                                      or _PLAIN.fullmatch(m.group("params")))]
    for m, applied in sorted(found, key=lambda f: -f[0].start()):  # (each definition's applications looked for once)
        end = _row_end(body, m.end())
        rhs = _bare(body[m.end():_restated(body, m.end(), end)])  # g(z) = \tanh(z) = \frac{...}: \tanh(z)
        if not rhs:
            continue
        params = tuple(p.strip() for p in m.group("params").split(","))
        if not applied:
            state = next((p for p in params if p in ("h", "s") and re.search(r"(?<![A-Za-z\\])" + p + r"(?![A-Za-z])", rhs)), None)
            if state is not None and len(params) >= 2 and m.end() - m.start() >= 4:  # (Out(h) = ...: no new state)
                chars[m.start():m.end()] = list(f"{state}' =".ljust(m.end() - m.start()))
                if notes is not None and src is not None:
                    where = src.where(Span(starts[m.start()], ends[m.end() - 1]))
                    notes.append(f"{' '.join(body[m.start():m.end()].split())} at {where} is never applied: it "
                                 f"says what the cell makes of its state {state}, read as its new value {state}'")
            continue
        at = body.index(rhs, m.end())
        name, square = _key(m.group("name")), "square" in m.re.groupindex and m.group("square") is not None
        if name in defined and " ".join(defined[name].body.split()) != " ".join(rhs.split()):
            continue  # defined again, otherwise (an Elman map, then a Jordan one): left to read as variants
        defined.setdefault(name, Defined(name, params, square, rhs, tuple(starts[at:at + len(rhs)]),
                                         tuple(ends[at:at + len(rhs)]), Span(starts[m.start()], ends[m.end() - 1])))
        chars[m.start():end] = " " * (end - m.start())  # the definition is no step of the cell
    return chars


_PLAIN = re.compile(r"[a-z]")


def _applied_elsewhere(m: re.Match, text: str, at: int) -> bool:
    """Whether the function m defines with signals for parameters (f(h_{t-1}, y_t) = ...) is applied in the text
    outside its definition (at `at` in it): only then is the row a definition (`p(y_t) = \\mathrm{softmax}(V h_t)`,
    never applied, is an output's distribution, left to the rule that sets it aside with a note)."""
    head = re.escape(re.sub(r"[{}\s]", "", m.group("name"))).replace("_", r"\s*_\s*\{?\s*")
    return any(not (at <= u.start() < at + len(m.group(0)))
               for u in re.finditer(r"(?<![A-Za-z\\])" + head + r"\s*\}?\s*(?:_\s*(?:\{[^{}]*\}|\\?[A-Za-z0-9]+)\s*)?"
                                    r"(?:\\left\s*)?\(", text))


def _first_on_row(body: str, i: int) -> bool:
    """Whether nothing is equated before i on its row: in `y_t = f_o(s_t) = C s_t`, f_o is applied, not defined."""
    row = max(body.rfind("\n", 0, i), body.rfind("\\\\", 0, i), body.rfind("&", 0, i), body.rfind(",", 0, i))
    return "=" not in body[row + 1:i]


def letter_definitions(text: str, spans) -> dict[str, Defined]:
    """The functions named by a letter that the math regions (spans: (start, end)) define, wherever
    they are (`where $g(x) = W x + b$` after the equations that apply g)."""
    defined: dict[str, Defined] = {}
    for start, end in spans:
        body = text[start:end]
        if "(" in body and "=" in body and _LETTER_DEF_END.search(body) and _LETTER_DEF.search(body):
            _taken_out(body, list(range(start, end)), list(range(start + 1, end + 1)), defined, text)
    return {k: f for k, f in defined.items() if _LETTER_NAME.fullmatch(k)}


_LETTER_NAME = re.compile(r"(?:[A-Za-z]|\\[a-z]+)(?:_.*)?")


def _key(name: str) -> str:
    """A function's name as its definition and its applications both write it: s_{B} -> s_B."""
    return re.sub(r"[{}\s]", "", name)


def _letter_uses(defined: dict[str, Defined]) -> re.Pattern | None:
    """The applications of the functions named by a letter that the text defines: g(x_t), s_{B}(x_t)."""
    names = [k for k in defined if _LETTER_NAME.fullmatch(k)]
    if not names:
        return None
    alternatives = []
    for k in sorted(names, key=len, reverse=True):
        head, _, sub = k.partition("_")
        alternatives.append(re.escape(head) + (r"\s*_\s*(?:\{\s*" + re.escape(sub) + r"\s*\}|" + re.escape(sub) + ")" if sub else ""))
    return re.compile(r"(?<![A-Za-z\\_^])(?P<name>" + "|".join(alternatives) + r")(?![A-Za-z_])(?P<sub>)(?=\s*(?:\\left\s*)?\()")


def _bare(text: str) -> str:
    """A definition's body without what follows it on its row: an equation number (14), \\qquad, a
    comma or a full stop."""
    while True:
        stripped = text.rstrip(" \t\r\n,.")
        m = _TAIL.search(stripped[-40:])
        text = stripped[:len(stripped) - len(m.group(0))] if m else stripped
        if not m:
            return text.strip()


def _restated(body: str, i: int, end: int) -> int:
    """Where the body that starts at i ends: at `=` outside brackets (what follows restates it), else at end."""
    depth = 0
    for j in range(i, end):
        c = body[j]
        depth += (c in "{([") - (c in "})]")
        if depth == 0 and c == "=":
            return j
    return end


def _row_end(body: str, i: int) -> int:
    """The end of the row that starts at i: the next row break (\\\\ or \\end{...}) outside braces."""
    depth = 0
    for j in range(i, len(body)):
        c = body[j]
        depth += (c == "{") - (c == "}")
        if depth < 0:
            return j
        if depth == 0 and _ROW_END.match(body, j):
            return j
    return len(body)


def _apply_all(exp: Expansion, src: Source, defined: dict[str, Defined]) -> Expansion:
    """Every application written out: each round writes out the applications that are not inside
    another's arguments, in one pass over the text (so the work is the text's length times the
    rounds, not times the applications)."""
    for _ in range(MAX_FUNCTION_ROUNDS):
        text, starts, ends = exp.text, exp.starts, exp.ends
        out_c: list[str] = []
        out_s: list[int] = []
        out_e: list[int] = []
        done = 0
        lettered = _letter_uses(defined)
        uses = list(_USE.finditer(text)) if "\\" in text else []
        if lettered is not None:
            uses = sorted(uses + list(lettered.finditer(text)), key=lambda m: m.start())
        for m in uses:
            if _key(m.group("name")) not in defined or m.start() < done:
                continue  # not a defined function, or inside an application written out this round
            if _generic_before(exp, m, defined[_key(m.group("name"))]):
                continue  # h_t = f_W(h_{t-1}, x_t), then "let f_W(x) = \tanh(x)": the generic form, left as written
            close = _write(exp, m, src, defined[_key(m.group("name"))], (out_c, out_s, out_e), done)
            done = close + 1
            if len(out_c) > MAX_MACRO_OUTPUT:
                raise ParseError(f"writing out {m.group('name')} makes more than {MAX_MACRO_OUTPUT:,} characters",
                                 source=src, span=exp.at(m.start(), close + 1))
        if not done:
            return exp
        out_c.extend(text[done:]), out_s.extend(starts[done:]), out_e.extend(ends[done:])
        exp = Expansion("".join(out_c), out_s, out_e)
    raise ParseError(f"writing out the functions the text defines takes more than {MAX_FUNCTION_ROUNDS} rounds",
                     source=src, span=exp.at(0, 1), hint="a function defined in terms of itself is not read")


def _generic_before(exp: Expansion, m: re.Match, f: Defined) -> bool:
    """An application written before the function's definition with another number of arguments: the generic
    form the definition makes concrete later (read.definitions sets it aside), not an application of it."""
    close, args = _arguments(exp.text, exp.text.index("(", m.end()))
    return close >= 0 and len(args) != len(f.params) and exp.at(m.start(), m.start() + 1).start < f.span.start


def _write(exp: Expansion, m: re.Match, src: Source, f: Defined, out: tuple, done: int) -> int:
    """Append the text from `done` to the application m written out to `out` (characters, starts,
    ends); the index of its closing parenthesis."""
    text, starts, ends = exp.text, exp.starts, exp.ends
    out_c, out_s, out_e = out
    close, args = _arguments(text, text.index("(", m.end()))
    where = exp.at(m.start(), close + 1)
    if close < 0:
        raise ParseError(f"{f.name}(...) is not closed", source=src, span=where, hint="close its parenthesis")
    if len(args) != len(f.params):
        raise ParseError(f"{f.name} takes {len(f.params)} argument{'s' if len(f.params) != 1 else ''} "
                         f"({', '.join(f.params)}); this application gives {len(args)}", source=src, span=where,
                         hint=f"the text defines it at {src.where(f.span)}")
    sub = (m.group("sub") or "").strip("{} ")
    if f.square and not sub:
        raise ParseError(f"{f.name} is defined with a placeholder subscript (\\square); this application has none",
                         source=src, span=where, hint=f"write which one, like \\mathrm{{{f.name}}}_{{r}}(...)")
    out_c.extend(text[done:m.start()] + "("), out_s.extend(starts[done:m.start()] + [starts[m.start()]])
    out_e.extend(ends[done:m.start()] + [ends[m.start()]])
    names = sorted(f.params, key=len, reverse=True)  # h_{t-1} before h
    param = re.compile(r"(?<![A-Za-z\\_^])(?<![_^]\{)(?P<p>" + "|".join(map(re.escape, names)) + r")(?![A-Za-z_])")
    i, body = 0, f.body
    for tok in re.finditer(_SQUARE.pattern + "|" + param.pattern, body):
        out_c.extend(body[i:tok.start()]), out_s.extend(f.starts[i:tok.start()]), out_e.extend(f.ends[i:tok.start()])
        if tok.group("p") is None:  # \square: the application's subscript
            out_c.extend(sub), out_s.extend([f.starts[tok.start()]] * len(sub)), out_e.extend([f.ends[tok.end() - 1]] * len(sub))
        else:
            a, b = args[f.params.index(tok.group("p"))]
            out_c.extend("(" + text[a:b] + ")")
            out_s.extend([starts[a]] + starts[a:b] + [starts[max(a, b - 1)]])
            out_e.extend([ends[a]] + ends[a:b] + [ends[max(a, b - 1)]])
        i = tok.end()
    out_c.extend(body[i:] + ")"), out_s.extend(list(f.starts[i:]) + [starts[close]])
    out_e.extend(list(f.ends[i:]) + [ends[close]])
    return close


def _arguments(text: str, open_at: int) -> tuple[int, list[tuple[int, int]]]:
    """The closing parenthesis of the application opened at open_at (-1: none) and its arguments
    (start, end), split at the commas outside brackets."""
    depth, args, a = 0, [], open_at + 1
    for j in range(open_at, len(text)):
        c = text[j]
        if c in "({[":
            depth += 1
        elif c in ")}]":
            depth -= 1
            if depth == 0:
                end = j - len(re.search(r"(\\right\s*)?$", text[max(a, j - 40):j]).group(0))
                args.append((a, end))
                return j, [(s + len(text[s:e]) - len(text[s:e].lstrip()), e - (len(text[s:e]) - len(text[s:e].rstrip())))
                           for s, e in args]
        elif c == "," and depth == 1:
            args.append((a, j))
            a = j + 1
    return -1, args
