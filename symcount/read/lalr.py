"""The grammar's parser at run time, without lark: lark's LALR(1) parser with its contextual lexer and
its rule callbacks, driven from the tables read.grammar exports from lark (plain data: dicts and tuples
of ints and strs). What lark's `Lark(grammar, parser="lalr", lexer="contextual", transformer=...,
maybe_placeholders=False).parse(text, start)` does, step for step: the same tokens, the same calls of
the transformer's methods, the same errors with the same attributes (match_examples as lark's).

The lexer of a parser state matches with one scanner of every terminal (compiled once) instead of one
per state: the first terminal that matches, in lark's order, is the state's token when the state
accepts it; else the accepted terminals after it are tried one by one (see Lexer.match)."""
from __future__ import annotations

from .lalrtypes import (Token, Transformer, Tree, UnexpectedCharacters, UnexpectedEOF,  # noqa: F401 (read here)
                        UnexpectedInput, UnexpectedToken, inline_call, v_args)

END = "$END"


# ---- the parser ------------------------------------------------------------------------------------
class ParserState:
    """The LALR stacks (lark's ParserState): equal to another in the same state at the same depth."""

    __slots__ = ("parser", "start", "state_stack", "value_stack", "callbacks")

    def __init__(self, parser: Parser, start: str, state_stack=None, value_stack=None, callbacks=True) -> None:
        self.parser, self.start, self.callbacks = parser, start, callbacks
        self.state_stack = state_stack or [parser.start_states[start]]
        self.value_stack = value_stack or []

    @property
    def position(self) -> int:
        return self.state_stack[-1]

    def __eq__(self, other):
        if not isinstance(other, ParserState):
            return NotImplemented
        return len(self.state_stack) == len(other.state_stack) and self.position == other.position

    def copy(self) -> ParserState:
        return ParserState(self.parser, self.start, list(self.state_stack), list(self.value_stack), self.callbacks)

    def feed_token(self, token: Token, is_end: bool = False):
        """Shift the token, after every reduction it allows (lark's feed_token); the value at the end."""
        states, rules = self.parser.states, self.parser.rules
        state_stack, value_stack = self.state_stack, self.value_stack
        end_state = self.parser.end_states[self.start]
        while True:
            actions = states[state_stack[-1]]
            try:
                action = actions[token.type]
            except KeyError:
                raise UnexpectedToken(token, {s for s in actions if s.isupper()}, state=self) from None
            assert action != end_state
            if action >= 0:  # shift once and return
                assert not is_end
                state_stack.append(action)
                on_token = self.parser.on_token if self.callbacks else {}
                value_stack.append(on_token[token.type](token) if token.type in on_token else token)
                return None
            origin, size, callback = rules[~action][:3]
            if size:
                children = value_stack[-size:]
                del state_stack[-size:]
                del value_stack[-size:]
            else:
                children = []
            value = callback(children) if self.callbacks else children
            state_stack.append(states[state_stack[-1]][origin])
            value_stack.append(value)
            if is_end and state_stack[-1] == end_state:
                return value_stack[-1]


class InteractiveParser:
    """The parser where it stopped, for the terminals it would accept there (lark's accepts())."""

    def __init__(self, parser_state: ParserState) -> None:
        self.parser_state = parser_state

    def choices(self) -> dict:
        return self.parser_state.parser.states[self.parser_state.position]

    def accepts(self) -> set:
        accepts = set()
        for t in self.choices():
            if t.isupper():  # a terminal
                cursor = self.parser_state.copy()
                cursor.callbacks = False  # no callbacks: they may have side effects
                try:
                    cursor.feed_token(Token(t, ""), t == END)
                except UnexpectedToken:
                    continue
                accepts.add(t)
        return accepts


class Parser:
    """The parser of the tables (read.grammar.export), applying `transformer`'s methods while parsing."""

    def __init__(self, tables: dict, transformer=None, regexes=None) -> None:
        import re
        self.states, self.start_states, self.end_states = tables["states"], tables["start_states"], tables["end_states"]
        # a ?rule of one symbol kept (expr: sum, most of a precedence chain) passes its child up as
        # it is: `unit`, a reduction that only changes the state (no call, no list)
        # and a rule whose callback only spreads its children over the transformer's method (v_args(inline)):
        # that method, called by _run itself (`direct`, a call less per reduction)
        self.rules = [(origin, size, rule_callback(transformer, name, expand1, include),
                       size == 1 and expand1 and include is None, None if expand1 or include is not None else inline_method(transformer, name))
                      for origin, size, name, expand1, include in tables["rules"]]
        self.on_token = {n: getattr(transformer, n) for n, _ in tables["terminals"] if getattr(transformer, n, None)}
        self.lexer = Lexer(tables, regexes or re)
        self.units: dict = {}  # (state below, state, terminal) -> the state after the unit reductions (_run)
        self.taken: dict = {}  # state -> the terminals _run shifts or skips there itself (_taken, found once)

    def _taken(self, state: int) -> frozenset:
        """The terminals the state's lexer accepts with no `unless`, that the state shifts or reduces on or
        that are ignored: what _run takes on in that state; anything else it leaves to the general steps."""
        (accepts, unless), actions = self.lexer.by_state[state], self.states[state]
        taken = self.taken[state] = frozenset(t for t in accepts if t not in unless and (t in self.lexer.ignore or t in actions))
        return taken

    def _units(self, below: int, origin: str, type_: str) -> int:
        """The state after a `unit` reduction to `origin` over the state `below`, and each `unit`
        reduction the terminal asks next (a unit reduction leaves the state below as it is)."""
        top = self.states[below][origin]
        while True:
            action = self.states[top].get(type_)
            if action is None or action >= 0 or not self.rules[~action][3]:
                return top
            top = self.states[below][self.rules[~action][0]]

    def parse(self, text: str, start: str):
        """The transformer's value of the text read from the rule `start` (lark's Lark.parse)."""
        if start not in self.start_states:
            raise ValueError(f"unknown start rule {start}; the tables have {sorted(self.start_states)}")
        state = ParserState(self, start)
        lex = LexerState(text)
        token = None
        try:
            token = self._run(state, lex) if self.lexer.firsts else None
            while True:
                found = self.lexer.next_token(lex, state)
                if found is None:
                    break
                token = found
                state.feed_token(token)
            end = Token.new_borrow_pos(END, "", token) if token else Token(END, "", 0, 1, 1)
            return state.feed_token(end, True)
        except UnexpectedInput as exc:
            exc.interactive_parser = InteractiveParser(state)
            raise exc


    def _run(self, state: ParserState, lex: LexerState):
        """Lexer.next_token's and ParserState.feed_token's common steps in one loop (of a lexer with first scanners: parse):
        a token the first scanner finds and the state accepts, shifted after its reductions (a `unit` one only changes the
        state). Anything else (a token found another way, an `unless`, an error) stops it: the general steps' to take."""
        lexer, text, end, pos, line, line_start, last = self.lexer, lex.text, lex.end, lex.char_pos, lex.line, lex.line_start_pos, lex.last_token
        scanners, by_char, other, ignore, newline = lexer.first_scanners(), lexer.by_char, lexer.other, lexer.ignore, lexer.newline
        skipped, one_space, state_stack, value_stack = lexer.skipped, lexer.one_space, state.state_stack, state.value_stack
        states, rules, on_token, units, new, taken = self.states, self.rules, self.on_token, self.units, str.__new__, self.taken
        try:
            while pos < end:
                char = text[pos]
                if one_space and char == " " and not text[pos + 1:pos + 2].isspace():
                    pos += 1  # one space alone: what the scanner of a space (\s+, skipped) would match
                    continue
                m = scanners[by_char.get(char, other)].match(text, pos)
                if m is None:
                    break  # (nothing matches: the general steps, which raise the error)
                type_, value = m.lastgroup, m.group(0)
                if type_ in skipped:  # (a space: the state needs no look)
                    if "\n" in value and type_ in newline:
                        line, line_start = line + value.count("\n"), pos + value.rindex("\n") + 1
                    pos += len(value)
                    continue
                if type_ not in (taken.get(top := state_stack[-1]) or self._taken(top)):
                    break  # (an `unless`, a terminal the state refuses: the general steps, which raise the error)
                start, column, start_line, actions = pos, pos - line_start + 1, line, states[top]
                if type_ in newline and "\n" in value:
                    line, line_start = line + value.count("\n"), pos + value.rindex("\n") + 1
                pos += len(value)
                if type_ in ignore:
                    continue
                t = last = new(Token, value)  # (its fields set here, as Token() sets them: a call less per token)
                t.type, t.start_pos, t.value, t.line, t.column, t.end_line, t.end_column, t.end_pos = type_, start, value, start_line, column, line, pos - line_start + 1, pos
                while True:
                    action = actions.get(type_)
                    if action is None:
                        raise UnexpectedToken(t, {s for s in actions if s.isupper()}, state=state)
                    if action >= 0:
                        state_stack.append(action)
                        value_stack.append(on_token[type_](t) if type_ in on_token else t)
                        break
                    origin, size, callback, unit, direct = rules[~action]
                    if unit:  # the state after this and the `unit` reductions that follow it, found once
                        key = (state_stack[-2], state_stack[-1], type_)
                        state_stack[-1] = units[key] if key in units else units.setdefault(key, self._units(key[0], origin, type_))
                    elif size == 1:  # (a letter, a symbol, its scripts: the commonest, popped, no slices)
                        del state_stack[-1]
                        child = value_stack.pop()
                        value_stack.append(direct(child) if direct is not None else callback([child]))
                        state_stack.append(states[state_stack[-1]][origin])
                    else:
                        children = value_stack[-size:] if size else []
                        if size:
                            del state_stack[-size:], value_stack[-size:]
                        value_stack.append(direct(*children) if direct is not None else callback(children))
                        state_stack.append(states[state_stack[-1]][origin])
                    actions = states[state_stack[-1]]
        finally:
            lex.char_pos, lex.line, lex.line_start_pos, lex.last_token, lex.column = pos, line, line_start, last, pos - line_start + 1
        return last


def rule_callback(transformer, name: str, expand1: bool, include):
    """What lark's ParseTreeBuilder makes of a rule: its children filtered (anonymous tokens left out,
    the children of _rules put in their place), a ?rule's single child passed up, else the
    transformer's method named as the rule or its alias (v_args's wrapper applied), or its default."""
    try:
        f = getattr(transformer, name)
        wrapper = getattr(f, "visit_wrapper", None)
        if wrapper is inline_call and not expand1 and include == ((0, False), (1, True)):
            return lambda children: f(children[0], *children[1].children)  # a symbol and its scripts: one call
        if wrapper is not None:
            f = _wrapped(f, name, wrapper)
    except AttributeError:
        default = getattr(transformer, "__default__", None) or (lambda data, children, meta: Tree(data, children))
        f = _named(default, name)
    if expand1:
        f = _expand1(f)
    return _filtered(f, include) if include is not None else f


def inline_method(transformer, name: str):
    """The transformer's method for a rule when v_args(inline) wraps it (its callback is f(*children)), else None."""
    f = getattr(transformer, name, None)
    return f if f is not None and getattr(f, "visit_wrapper", None) is inline_call else None


def _wrapped(f, name, wrapper):
    if wrapper is inline_call:  # the common case, one call less per reduction
        return lambda children: f(*children)
    return lambda children: wrapper(f, name, children, None)


def _named(default, name):
    if getattr(default, "__func__", None) is Transformer.__default__:  # Tree(name, children), a call less
        return lambda children: Tree(name, children, None)
    return lambda children: default(name, children, None)


def _expand1(f):
    return lambda children: children[0] if len(children) == 1 else f(children)


def _filtered(f, include):
    if include == ((0, False), (1, True)):  # a symbol and its scripts (raw): the commonest, unrolled
        return lambda children: f([children[0], *children[1].children])
    def callback(children):
        kept: list = []
        for i, expand in include:
            if expand:
                kept += children[i].children
            else:
                kept.append(children[i])
        return f(kept)
    return callback


# ---- the contextual lexer --------------------------------------------------------------------------
class LexerState:
    """The text and the position in it (lark's LexerState and LineCounter)."""

    __slots__ = ("text", "end", "char_pos", "line", "column", "line_start_pos", "last_token")

    def __init__(self, text: str) -> None:
        self.text, self.end, self.last_token = text, len(text), None
        self.char_pos, self.line, self.column, self.line_start_pos = 0, 1, 1, 0

    def feed(self, token: str, test_newline: bool = True) -> None:
        if test_newline:
            newlines = token.count("\n")
            if newlines:
                self.line += newlines
                self.line_start_pos = self.char_pos + token.rindex("\n") + 1
        self.char_pos += len(token)
        self.column = self.char_pos - self.line_start_pos + 1


class Lexer:
    """lark's ContextualLexer: per parser state, the terminals it accepts (and the ignored ones); on
    characters no accepted terminal matches, a token of any terminal is an UnexpectedToken."""

    def __init__(self, tables: dict, regexes) -> None:
        self.re, self.flags = regexes, tables["flags"]
        self.order = [name for name, _ in tables["terminals"]]
        self.patterns = dict(tables["terminals"])
        self.rank = {name: i for i, name in enumerate(self.order)}
        self.scanners = [regexes.compile(p, self.flags) for p in tables["scanner"]]
        self.ignore, self.newline = frozenset(tables["ignore"]), frozenset(tables["newline"])
        kinds = [(frozenset(accepts), unless) for accepts, unless in tables["lexers"]]
        self.by_state = {state: kinds[i] for state, i in tables["state_lexers"].items()}
        self.root = kinds[tables["root_lexer"]]
        # the ignored terminals every state accepts with no `unless`: skipped by _run whatever the state
        self.skipped = frozenset(n for n in self.ignore if all(n in a and n not in u for a, u in kinds))
        self.single: dict = {}
        # the scanners by first character (read.firstchars): the terminals that can start with it
        self.firsts, self.by_char, self.other = tables.get("dispatch") or ((), {}, -1)
        # the scanner of a space is whitespace's alone, skipped: _run steps over one space without it
        self.one_space = bool(self.firsts) and self.firsts[self.by_char.get(" ", self.other)] == r"(?P<WS>\s+)" \
            and "WS" in self.skipped
        self._firsts: list | None = None

    def next_token(self, lex: LexerState, parser_state: ParserState):
        """The next token in the parser state's context (None at the end of the text)."""
        try:
            return self.scan(lex, self.by_state[parser_state.position], parser_state)
        except UnexpectedCharacters as exc:
            last = lex.last_token  # the root lexer's token makes it the wrong one
            try:
                token = self.scan(lex, self.root, parser_state)
            except UnexpectedCharacters:
                raise exc from None
            raise UnexpectedToken(token, exc.allowed, state=parser_state, token_history=[last]) from None

    def scan(self, lex: LexerState, kind: tuple, parser_state):
        """lark's BasicLexer.next_token for the terminals `kind` accepts."""
        accepts, unless = kind
        while lex.char_pos < lex.end:
            found = self.match(lex.text, lex.char_pos, accepts)
            if not found:
                allowed = set(accepts - self.ignore) or {"<END-OF-FILE>"}
                raise UnexpectedCharacters(lex.text, lex.char_pos, lex.line, lex.column, allowed=allowed,
                                           token_history=lex.last_token and [lex.last_token], state=parser_state)
            value, type_ = found
            ignored = type_ in self.ignore
            t = None
            if not ignored or type_ in unless:
                t = Token(type_, value, lex.char_pos, lex.line, lex.column)
            lex.feed(value, type_ in self.newline)
            if t is not None:
                t.end_line, t.end_column, t.end_pos = lex.line, lex.column, lex.char_pos
                if t.type in unless:
                    t = self.unless(t, unless[t.type])
                if not ignored:
                    lex.last_token = t
                    return t
        return None

    def match(self, text: str, pos: int, accepts: frozenset):
        """What a scanner of the terminals `accepts` (in lark's order) matches at pos: the first of them
        that matches. The first of all terminals that matches, when accepted, is that one (no terminal
        before it matches); else the accepted terminals after it are tried."""
        if self.firsts:
            m = self.compiled(self.firsts[self.by_char.get(text[pos], self.other)]).match(text, pos)
            if not m:
                return None
        else:
            for scanner in self.scanners:
                m = scanner.match(text, pos)
                if m:
                    break
            else:
                return None
        if m.lastgroup in accepts:
            return m.group(0), m.lastgroup
        for name in self.order[self.rank[m.lastgroup] + 1:]:
            if name in accepts:
                m = self.compiled(self.single_pattern(name)).match(text, pos)
                if m:
                    return m.group(0), m.lastgroup
        return None

    def single_pattern(self, name: str) -> str:
        """The pattern of one terminal, as its own scanner."""
        return f"(?P<{name}>{self.patterns[name]})"

    def first_scanners(self) -> list:
        """The scanners by first character, compiled (once)."""
        if self._firsts is None:
            self._firsts = [self.compiled(p) for p in self.firsts]
        return self._firsts

    def compiled(self, pattern: str):
        if pattern not in self.single:
            self.single[pattern] = self.re.compile(pattern, self.flags)
        return self.single[pattern]

    def unless(self, t: Token, patterns: tuple) -> Token:
        """A string terminal that a pattern's token spells out (lark's UnlessCallback): its type."""
        for pattern in patterns:
            m = self.compiled(pattern).fullmatch(t.value)
            if m:
                t.type = m.lastgroup
                break
        return t
