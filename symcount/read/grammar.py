"""The grammar (grammars/latex.lark) and its LALR tables. lark builds the tables from the grammar
(about 0.1 s) and they ship as plain data (grammars/latex.lark.cache: marshal of dicts and tuples of
ints and strs, written by `python -m symcount.shipped` with tables()), which read.lalr drives without
lark: lark's import and Lark.load would cost a parse more than the parse itself. Tables made from
another grammar or Python are not used: lark builds them anew (lark stays the grammar's tool and a
dependency). After the tables, the file keeps re's compiled form of the scanner's patterns (see
_Regexes), used only by the very Python that made them."""
from __future__ import annotations

import os
import re
import sys

from . import lalr, patterns

GRAMMAR_CACHE = os.path.join(os.path.dirname(os.path.abspath(__file__)), "grammars", "latex.lark.cache")
OPTIONS = dict(parser="lalr", lexer="contextual", start=["start", "symbol"], maybe_placeholders=False)
FORMAT = "read.lalr tables 4"  # what the file holds: a change of export() or read.lalr changes it


def grammar() -> str:
    with open(os.path.join(os.path.dirname(GRAMMAR_CACHE), "latex.lark"), encoding="utf-8") as f:
        return f.read()


def stamp(text: str | None = None) -> bytes:
    """What tables are made from: the grammar itself (compared as it is: no hash to import), and the
    file's format and Python's version. Not lark's version: the tables are plain data in read.lalr's
    format, the very ones the tests pass with; another lark installed beside them changes nothing."""
    text = grammar() if text is None else text
    return b"%s; python %d.%d\n%d\n%s" % (FORMAT.encode(), *sys.version_info[:2], len(text.encode()), text.encode())


def current(cache: str = GRAMMAR_CACHE, text: str | None = None):
    """The open file of the tables, read past its stamp, when they were made from this grammar (else
    None)."""
    want = stamp(text)
    try:
        f = open(cache, "rb")
    except OSError:
        return None
    if f.read(len(want)) == want:
        return f
    f.close()
    return None


def load(transformer, cache: str | None = GRAMMAR_CACHE) -> lalr.Parser:
    """The parser with `transformer` applied while parsing (no parse tree is kept): the shipped
    tables when they are current, else built anew by lark."""
    import marshal
    text = grammar()
    f = current(cache, text) if cache else None
    if f is not None:
        try:
            with f:
                size = int(f.readline())
                data = memoryview(f.read())  # marshal.loads of bytes: marshal.load of a file reads in bits
                return lalr.Parser(marshal.loads(data[:size]), transformer, _Regexes(patterns.codes(data[size:])))
        except (OSError, ValueError, EOFError, TypeError, KeyError):
            pass
    return lalr.Parser(export(build(text)), transformer, _Regexes())


class _Regexes:
    """The `re` read.lalr's lexer compiles with: a pattern compiled when the tables were made
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
                    self.codes[key] = patterns.code(*key)
                self.made[key] = re.compile(pattern, flags)
        return self.made[key]

    def match(self, pattern: str, string: str, flags: int = 0):
        return self.compile(pattern, flags).match(string)


def build(text: str | None = None):
    """lark's parser of the grammar, with no transformer: what the tables are exported from."""
    from lark import Lark
    return Lark(grammar() if text is None else text, **OPTIONS)


def export(parser) -> dict:
    """The tables of lark's parser as plain data, what read.lalr.Parser drives: the LALR actions (a
    state to shift to, or ~ the index of a rule to reduce), the rules (origin, length, the callback's
    name, whether a single child is passed up, the children kept and which are expanded, as lark's
    ParseTreeBuilder makes them), the terminals in the order lark's lexers try them, and per parser
    state the terminals its lexer accepts."""
    from lark.parsers.lalr_analysis import Shift

    from . import firstchars
    table = parser.parser.parser.parser.parse_table
    index, rules = _rules(parser)
    states = {int(state): {str(sym): int(arg) if action is Shift else ~index[arg]
                           for sym, (action, arg) in actions.items()}
              for state, actions in table.states.items()}
    lexer = parser.parser.lexer
    if type(lexer).__name__ != "ContextualLexer":
        raise ValueError("read.lalr drives lark's contextual lexer only")
    root = lexer.root_lexer
    terminals = tuple((str(t.name), str(t.pattern.to_regexp())) for t in root.terminals)
    kinds: list[tuple] = []
    made: dict[int, int] = {}
    state_lexers = {}
    for state, basic in lexer.lexers.items():
        if id(basic) not in made:
            made[id(basic)] = len(kinds)
            kinds.append(_lexer_kind(basic))
        state_lexers[int(state)] = made[id(basic)]
    kinds.append(_lexer_kind(root))
    return dict(states=states, start_states={str(k): int(v) for k, v in table.start_states.items()},
                end_states={str(k): int(v) for k, v in table.end_states.items()},
                rules=tuple(rules), terminals=terminals, flags=int(root.g_regex_flags),
                scanner=("|".join(f"(?P<{name}>{regexp})" for name, regexp in terminals),),
                dispatch=firstchars.scanners(terminals, int(root.g_regex_flags)),
                ignore=tuple(sorted(map(str, root.ignore_types))), newline=tuple(sorted(map(str, root.newline_types))),
                lexers=tuple(kinds), state_lexers=state_lexers, root_lexer=len(kinds) - 1)


def _rules(parser) -> tuple[dict, list]:
    """The rules as lark's ParseTreeBuilder builds them for this parser's options (an option whose
    wrapper read.lalr does not have is refused)."""
    from lark.parse_tree_builder import ChildFilterLALR_NoPlaceholders, ExpandSingleChild, ParseTreeBuilder
    from lark.tree import Tree
    o = parser.options
    builder = ParseTreeBuilder(parser.rules, Tree, o.propagate_positions, False, o.maybe_placeholders)
    index: dict = {}
    rules: list[tuple] = []
    for rule, chain in builder.rule_builders:
        expand1, include = False, None
        for wrapper in chain:
            if wrapper is ExpandSingleChild:
                expand1 = True
            elif getattr(wrapper, "func", None) is ChildFilterLALR_NoPlaceholders:
                include = tuple((int(i), bool(expand)) for i, expand in wrapper.args[0])
            else:
                raise ValueError(f"read.lalr does not build rules as lark's {wrapper} does")
        name = rule.alias or rule.options.template_source or rule.origin.name
        index[rule] = len(rules)
        rules.append((str(rule.origin.name), len(rule.expansion), str(name), expand1, include))
    return index, rules


def _lexer_kind(basic) -> tuple:
    """A lexer of lark's as plain data: the terminals its scanner has (lark leaves out a string that
    a pattern spells, and gives the pattern's token the string's type: _create_unless), and for each
    such pattern the scanners of its strings."""
    if basic.user_callbacks:
        raise ValueError("read.lalr has no lexer callbacks")
    from lark.lexer import UnlessCallback
    try:
        from lark.lexer import _create_unless
        terminals, callbacks = _create_unless(basic.terminals, basic.g_regex_flags, basic.re, basic.use_bytes)
    except ImportError:  # another lark: its scanner says the same, compiled
        terminals, callbacks = basic.scanner.terminals, basic.callback
    unless = {}
    for name, callback in callbacks.items():
        if not isinstance(callback, UnlessCallback):
            raise ValueError(f"read.lalr has no lexer callback such as {callback}")
        unless[str(name)] = tuple(str(m.pattern) for m in callback.scanner._mres)
    return tuple(str(t.name) for t in terminals), unless


def tables() -> bytes:
    """The tables as load() reads them: the stamp, the size of the exported tables and the tables,
    then re's compiled form of the patterns the lexer compiles (its scanner, each terminal's own,
    the strings' of _lexer_kind)."""
    import marshal
    text = grammar()
    data = export(build(text))
    regexes = _Regexes(record=True)
    lexer = lalr.Parser(data, None, regexes).lexer
    for name, _ in data["terminals"]:
        lexer.compiled(lexer.single_pattern(name))
    for pattern in data["dispatch"][0]:
        lexer.compiled(pattern)
    for _, unless in data["lexers"]:
        for found in unless.values():
            for pattern in found:
                lexer.compiled(pattern)
    exported = marshal.dumps(data)
    return b"%s%d\n%s%s" % (stamp(text), len(exported), exported, marshal.dumps((patterns.check(), regexes.codes)))


class BadInput(Exception):
    """Raised while building the AST; parse() turns it into a ParseError with the source."""

    def __init__(self, message: str, start: int, end: int, hint: str) -> None:
        super().__init__(message)
        self.message, self.start, self.end, self.hint = message, start, end, hint
