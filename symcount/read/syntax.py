"""Parse errors: where the grammar stopped, what it expected, and a hint. The hint comes from one
table of example bad inputs (lark's match_examples), which tests/test_errors.py iterates."""
from __future__ import annotations

from . import patterns as re  # re, with the package's patterns compiled ahead (read.patterns)

from ..errors import ParseError
from .grammar import BadInput
from .lalr import Token, UnexpectedCharacters, UnexpectedEOF, UnexpectedInput, UnexpectedToken
from .source import Source, Span

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


def parse_error(exc: UnexpectedInput, src: Source, shift: int, region_end: int, reread) -> ParseError:
    """The ParseError of a grammar error; `reread(text)` parses an example of HINTS (lark's match_examples)."""
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
        hint = _match_hint(exc, reread) or ("a parenthesis or bracket may be unclosed" if {"RPAR", "RBRACK", "RBRACE"} & set(expected)
                                    else "complete the statement")
        hint = _brackets(src, shift, region_end, region_end - shift, hint)
        return ParseError("cannot read the math: it ends in the middle of a statement",
                          source=src, span=Span(max(shift, pos - 1), pos),
                          notes=(f"expected {_expected(expected)}",), hint=hint)
    assert isinstance(exc, UnexpectedToken)
    tok = exc.token
    pos = shift + tok.start_pos
    expected = exc.accepts or exc.expected
    shown = tok.value if len(tok.value) < 30 else tok.value[:27] + "..."
    hint = _brackets(src, shift, region_end, tok.end_pos, _match_hint(exc, reread) or _hint_for(tok, expected))
    return ParseError(f"cannot read the math: unexpected {shown!r}", source=src,
                      span=Span(pos, shift + tok.end_pos), notes=(f"expected {_expected(expected)}",),
                      hint=hint)


_PAIRS = (("(", ")"), ("[", "]"), ("{", "}"))
_UNCLOSED = "a parenthesis or bracket may be unclosed"
_STRAY = "a closing delimiter has no opening one, or an operand is missing before it"


def _brackets(src: Source, shift: int, end: int, upto: int, hint: str) -> str:
    """The hint, checked against the brackets the region writes: a bracket hint only where a bracket
    is unclosed, and a closer that no opener matches named as such."""
    region = src.text[shift:end]
    plain = re.sub(r"\\[{}]|\\[lr]brack|\\[lr]angle", "  ", region)
    for o, c in _PAIRS:
        depth = 0
        for i, ch in enumerate(plain[:upto]):
            depth += (ch == o) - (ch == c)
            if depth < 0:
                return (f"{_STRAY}: the {c!r} at {src.where(Span(shift + i, shift + i + 1))} closes a bracket "
                        "that was never opened (remove it, or open one where it belongs)")
    if hint == _UNCLOSED and all(plain.count(o) == plain.count(c) for o, c in _PAIRS):
        return "complete the statement: every bracket is closed, so something is missing before the end"
    return hint


# Bad inputs and the hint each deserves: lark matches a new error against these examples (by parser
# state and token), and tests/test_errors.py checks every example against its hint. An error that
# matches none gets the heuristic hint of _hint_for.
HINTS: dict[str, list[str]] = {
    "the left side of an equation must be one symbol, like h_t or \\tilde{c}_t": [
        r"h_t + c_t = x_t", r"2 h_t = W x_t", r"\sigma(h_t) = W x_t"],
    "two statements on one line need a separator: \\\\ , ; or \\quad": [
        r"h_t = W x_t y_t = U x_t", r"h_t = W x_t \tilde{h}_t = U x_t"],
    "a parenthesis or bracket may be unclosed": [
        r"h_t = \tanh(W (x_t", r"h_t = W [x_t, h_{t-1}", r"h_t = \sigma\left( W (x_t"],
    "a closing delimiter has no opening one, or an operand is missing before it": [
        r"h_t = W x_t) + b", r"h_t = (W x_t + ) U", r"h_t = W x_t]"],
    "an operand is missing: write something on each side of the operator": [
        r"h_t = W x_t + \odot b", r"h_t = W \odot \odot x_t", r"h_t = \odot x_t"],
    "complete the statement": [r"h_t = W x_t +", r"h_t =", r"h_t = W x_t \odot"],
    "a declaration reads x_t \\in \\mathbb{R}^{d} or W \\in \\mathbb{R}^{h \\times d}": [
        r"x_t \in", r"x_t \in \mathbb{R}^", r"W \in \mathbb{R}^{h \times}", r"x_t \in d"],
}


def _examples(reread) -> dict[str, list[str]]:
    """HINTS without the examples the grammar reads but the parser refuses itself (a chain that
    lacks a separator raises its own error, with its hint): match_examples needs grammar errors."""
    global _GRAMMAR_EXAMPLES
    if _GRAMMAR_EXAMPLES is None:
        _GRAMMAR_EXAMPLES = {}
        for hint, examples in HINTS.items():
            for ex in examples:
                try:
                    reread(ex)
                except BadInput:
                    continue
                except UnexpectedInput:
                    pass
                _GRAMMAR_EXAMPLES.setdefault(hint, []).append(ex)
    return _GRAMMAR_EXAMPLES


_GRAMMAR_EXAMPLES: dict[str, list[str]] | None = None


MATCHED_HINTS = [0]   # how many errors were matched against HINTS (each costs ~5 ms): tests count them


def _match_hint(exc: UnexpectedInput, reread) -> str | None:
    """The hint of the HINTS example the error matches; none without `reread` (an error beyond the
    first few, which are all a report shows)."""
    if reread is None:
        return None
    MATCHED_HINTS[0] += 1
    try:
        return exc.match_examples(reread, _examples(reread), use_accepts=True)
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


