"""The grammar (grammars/latex.lark) and its LALR tables: building them, saving them with the
package, loading them. Building the tables takes about 0.1 s, so they ship (grammars/latex.lark.cache,
written by `python -m symcount.shipped` with Lark.save, read with Lark.load); tables made from another
grammar, lark or Python are not used. After the tables, the file keeps re's compiled form of the
scanner's patterns (see _Regexes), used only by the very Python that made them."""
from __future__ import annotations

import os
import re
import sys

from lark import Lark

GRAMMAR_CACHE = os.path.join(os.path.dirname(os.path.abspath(__file__)), "grammars", "latex.lark.cache")
OPTIONS = dict(parser="lalr", lexer="contextual", start=["start", "symbol"], maybe_placeholders=False)


def grammar() -> str:
    with open(os.path.join(os.path.dirname(GRAMMAR_CACHE), "latex.lark"), encoding="utf-8") as f:
        return f.read()


def stamp(text: str | None = None) -> bytes:
    """What tables are made from: the grammar, lark's version, Python's."""
    import hashlib
    import sys
    import lark
    text = grammar() if text is None else text
    return hashlib.sha256(f"{text}\0{lark.__version__}\0{sys.version_info[:2]}".encode()).hexdigest().encode()


def load(transformer, cache: str | None = GRAMMAR_CACHE) -> Lark:
    """The parser with `transformer` applied while parsing (no parse tree is kept): the shipped
    tables when they are current, else built anew."""
    text = grammar()
    if cache:
        try:
            with open(cache, "rb") as f:
                if f.readline().rstrip(b"\n") == stamp(text):
                    parser = Lark.__new__(Lark)._load(f, transformer=transformer)
                    return shared_scanner(parser, _Regexes(_codes(f.read())))
        except (OSError, ValueError, EOFError):
            pass
    return shared_scanner(Lark(text, transformer=transformer, **OPTIONS))


def _check() -> tuple:
    """What re's compiled form of a pattern depends on: the very Python (its version and build), re's."""
    import _sre
    return sys.implementation.name, sys.version, _sre.MAGIC, _sre.CODESIZE, _sre.MAXGROUPS


def _codes(data: bytes) -> dict:
    """The compiled patterns kept after the tables, when this Python made them (else none)."""
    import marshal
    try:
        check, codes = marshal.loads(data)
    except (EOFError, ValueError, TypeError):
        return {}
    return codes if check == _check() and isinstance(codes, dict) else {}


def _code(pattern: str, flags: int) -> tuple:
    """re.compile's arguments to _sre.compile for pattern (re._compiler.compile, without the Pattern)."""
    from re import _compiler, _parser
    p = _parser.parse(pattern, flags)
    code = _compiler._code(p, flags)
    index = [None] * p.state.groups
    for name, i in p.state.groupdict.items():
        index[i] = name
    return int(flags | p.state.flags), [int(c) for c in code], p.state.groups - 1, dict(p.state.groupdict), tuple(index)


class _Regexes:
    """The `re` lark's lexer compiles with (its re_module): a pattern compiled when the tables were made
    is rebuilt from re's own compiled form of it (_sre.compile, what re.compile ends with), not parsed
    and compiled again (re's parser and compiler, written in Python, cost a first parse more than the
    parse itself); any other pattern is compiled by re. With `record`, the codes of the patterns
    compiled are kept (tables() ships them)."""

    error = re.error

    def __init__(self, codes: dict | None = None, record: bool = False) -> None:
        self.codes, self.record, self.made = codes or {}, record, {}

    def compile(self, pattern: str, flags: int = 0):
        key = (pattern, int(flags))
        if key not in self.made:
            code = self.codes.get(key)
            if code is not None:
                import _sre
                self.made[key] = _sre.compile(pattern, *code)
            else:
                if self.record:
                    self.codes[key] = _code(*key)
                self.made[key] = re.compile(pattern, flags)
        return self.made[key]

    def match(self, pattern: str, string: str, flags: int = 0):
        return self.compile(pattern, flags).match(string)


def shared_scanner(parser: Lark, regexes: _Regexes | None = None) -> Lark:
    """The parser with its contextual lexer's states scanning with one regular expression of all
    the terminals, compiled once, instead of one per state (lark compiles a dozen on a first parse,
    5 ms each). Tokens are the same: see _StateLexer. Left as it is where that cannot be shown (a
    lexer lark did not make contextual, or string terminals that a pattern also matches)."""
    from lark.lexer import ContextualLexer
    lexer = getattr(parser.parser, "lexer", None)
    if type(lexer) is not ContextualLexer:
        return parser
    root = lexer.root_lexer
    root.re = regexes or _Regexes()
    shared = _Shared(root)
    if root.callback or root.user_callbacks:  # lark folds some strings into patterns, per state: not shared
        return parser
    made: dict[int, _StateLexer] = {}
    for state, basic in lexer.lexers.items():
        if id(basic) not in made:
            made[id(basic)] = _StateLexer(shared, basic)
        lexer.lexers[state] = made[id(basic)]
    return parser


class _Shared:
    """The scanner of every terminal, in lark's order (priority, then width, then name)."""

    def __init__(self, root) -> None:
        self.scanner = root.scanner  # compiled here, once
        self.root = root
        self.order = [t.name for t in root.terminals]
        self.rank = {name: i for i, name in enumerate(self.order)}
        self.single: dict[str, object] = {}

    def match(self, text, pos: int, accepts: frozenset):
        """What a scanner of the terminals `accepts` (in the same order) matches at pos: the first of
        them that matches. The first of all terminals that matches, when the state accepts it, is
        that one (no terminal before it matches); else the accepted terminals after it are tried."""
        found = self.scanner.match(text, pos)
        if found is None or found[1] in accepts:
            return found
        for name in self.order[self.rank[found[1]] + 1:]:
            if name in accepts:
                m = self._single(name).match(text.text, pos, text.end)
                if m:
                    return m.group(0), m.lastgroup
        return None

    def _single(self, name: str):
        try:
            return self.single[name]
        except KeyError:
            self.single[name] = self.root.re.compile(single(self.root.terminals_by_name[name]), self.root.g_regex_flags)
            return self.single[name]


def single(terminal) -> str:
    """The pattern of one terminal, as its own scanner."""
    return f"(?P<{terminal.name}>{terminal.pattern.to_regexp()})"


class _StateLexer:
    """A parser state's lexer: lark's BasicLexer.next_token, matching with the shared scanner."""

    def __init__(self, shared: _Shared, basic) -> None:
        self.shared = shared
        self.accepts = frozenset(t.name for t in basic.terminals)
        self.ignore_types = basic.ignore_types
        self.newline_types = basic.newline_types
        self.terminals_by_name = basic.terminals_by_name
        self.allowed = set(self.accepts - self.ignore_types) or {"<END-OF-FILE>"}

    def next_token(self, lex_state, parser_state=None):
        from lark.exceptions import UnexpectedCharacters
        from lark.lexer import Token
        line_ctr = lex_state.line_ctr
        while line_ctr.char_pos < lex_state.text.end:
            res = self.shared.match(lex_state.text, line_ctr.char_pos, self.accepts)
            if not res:
                raise UnexpectedCharacters(lex_state.text.text, line_ctr.char_pos, line_ctr.line, line_ctr.column,
                                           allowed=set(self.allowed), token_history=lex_state.last_token and
                                           [lex_state.last_token], state=parser_state,
                                           terminals_by_name=self.terminals_by_name)
            value, type_ = res
            if type_ in self.ignore_types:
                line_ctr.feed(value, type_ in self.newline_types)
                continue
            t = Token(type_, value, line_ctr.char_pos, line_ctr.line, line_ctr.column)
            line_ctr.feed(value, type_ in self.newline_types)
            t.end_line, t.end_column, t.end_pos = line_ctr.line, line_ctr.column, line_ctr.char_pos
            lex_state.last_token = t
            return t
        raise EOFError(self)


def tables() -> bytes:
    """The LALR tables as load() reads them: the stamp, then Lark.save's bytes."""
    import io
    import marshal
    text = grammar()
    buffer = io.BytesIO()
    parser = Lark(text, **OPTIONS)
    parser.save(buffer)
    regexes = _Regexes(record=True)
    shared_scanner(parser, regexes)
    root = parser.parser.lexer.root_lexer
    for terminal in root.terminals:
        regexes.compile(single(terminal), root.g_regex_flags)
    return stamp(text) + b"\n" + buffer.getvalue() + marshal.dumps((_check(), regexes.codes))


class BadInput(Exception):
    """Raised while building the AST; parse() turns it into a ParseError with the source."""

    def __init__(self, message: str, start: int, end: int, hint: str) -> None:
        super().__init__(message)
        self.message, self.start, self.end, self.hint = message, start, end, hint
