"""How much math a text holds, checked before the grammar reads any of it: at most MAX_ROW_TOKENS
tokens in one row, MAX_MATH_TOKENS in all.

Reading costs in proportion to the tokens (the parse, then shapes, readings, counts and the summary
on every node), 0.1 to 0.2 ms each, so a row as long as the input allows (a difference of 66,227
terms in 1 MiB) would take half a minute and 700 MB; counting the tokens (regular expressions, no
parsing) refuses it in a fraction of a second. A token is a symbol (a letter or a name, with its
subscripts and superscripts), a number, a command (`\\tanh`, `\\odot`), an operator or a bracket:
`W_{10} x_t -` is three. A row is the text between two row breaks (`\\\\`, `\\cr`, `\\newline`) of a
math region, or a whole region; the text's own macros are expanded first.
"""
from __future__ import annotations

from . import patterns as re  # re, with the package's patterns compiled ahead (read.patterns)
from itertools import chain

from ..errors import ParseError, SymcountError
from ..limits import MAX_INPUT, MAX_MACRO_OUTPUT, MAX_MACRO_STEPS, MAX_MATH_TOKENS, MAX_ROW_TOKENS
from .macros import expand
from .source import Source, Span, check_text

_ROW = re.compile(r"\\\\|\\cr(?![A-Za-z])|\\newline(?![A-Za-z])")
# a subscript or superscript: part of its symbol, not a token of its own
_SCRIPT = re.compile(r"[_^]\s*(?:\{[^{}]*\}|\\[A-Za-z]+|\S)")
_TOKEN = re.compile(r"\\[A-Za-z]+|[A-Za-z]+|[0-9]+(?:\.[0-9]+)?|\\.|[^\s\\]")


def tokens(row: str) -> int:
    """The tokens of a row of math (see the module's docstring)."""
    return _TOKEN.subn("", _SCRIPT.sub(" ", row))[1]


def check_math(text: str, regions, macros: dict, src: Source) -> None:
    """Refuse a row of more than MAX_ROW_TOKENS tokens, or math of more than MAX_MATH_TOKENS in all,
    naming the limit and pointing at the row (or the region) that goes beyond it."""
    total = 0
    budget = [MAX_MACRO_STEPS, MAX_MACRO_OUTPUT]  # one for the text, as the parse has (read.macros)
    for r in regions:
        body, made = _expanded(text, r, macros, src, budget)
        n = tokens(body)
        total += n
        if n > MAX_ROW_TOKENS:
            _check_rows(body, r.start, made, src)
        if total > MAX_MATH_TOKENS:
            raise ParseError(f"the math has more than {MAX_MATH_TOKENS:,} tokens (symbols, numbers, operators, "
                             f"brackets) by the end of this region; symcount reads at most {MAX_MATH_TOKENS:,} in "
                             "one text", source=src, span=_at(body, 0, r.start, made), hint=HINT)


HINT = "give symcount one cell's equations (h_t = W_1 x_t + W_2 x_t + ... of 6,000 terms is 18,001 tokens)"


def _expanded(text: str, r, macros: dict, src: Source, budget: list[int]):
    """A region's math with the text's macros expanded, and the Expansion (None: no macro used). Once
    the expansions go beyond their limits, the rest is counted as written: the parse reports that error,
    where it belongs among the text's errors."""
    body = text[r.start:r.end]
    if budget[0] < 0:
        return body, None
    try:
        made = expand(body, r.start, macros, src, budget)
    except SymcountError:
        budget[0] = -1
        made = None
    return (made.text if made is not None else body), made


def _at(body: str, at: int, shift: int, made) -> Span:
    """The span of the first character after `at` that is not a space."""
    first = at
    while first < len(body) - 1 and body[first].isspace():
        first += 1
    return made.at(first, first + 1) if made is not None else Span(shift + first, shift + first + 1)


def _check_rows(body: str, shift: int, made, src: Source) -> None:
    at = 0
    for brk in chain(_ROW.finditer(body), [None]):  # one match at a time: a region may hold 500,000 breaks
        end = brk.start() if brk else len(body)
        if end - at > MAX_ROW_TOKENS and (n := tokens(body[at:end])) > MAX_ROW_TOKENS:
            raise ParseError(f"a row of math of {n:,} tokens (symbols, numbers, operators, brackets); symcount "
                             f"reads rows of at most {MAX_ROW_TOKENS:,}", source=src, span=_at(body, at, shift, made),
                             hint=HINT)
        at = brk.end() if brk else at


def check_input(text: str, name: str) -> None:
    """The input's size and text, before anything reads it: at most MAX_INPUT characters, every
    character one UTF-8 can write."""
    if len(text) > MAX_INPUT:
        raise ParseError(f"the input has {len(text):,} characters; symcount reads at most {MAX_INPUT:,}",
                         source=Source("", name), hint="give symcount the part of the text that holds the cell's equations")
    check_text(text, name)
