"""The values and errors of read/lalr.py's parser, as lark's: Token (a str with its type and place),
Tree (a rule's value when the transformer has no method for it), Transformer and v_args (how rules
become values), and the errors (lark.exceptions) with the attributes syntax.py reads of them."""
from __future__ import annotations

from collections.abc import Mapping

class Token(str):
    """A terminal's text and where it is, as lark's Token (a str; equal to a Token of another type never)."""

    __slots__ = ("type", "start_pos", "value", "line", "column", "end_line", "end_column", "end_pos")

    def __new__(cls, type, value, start_pos=None, line=None, column=None, end_line=None, end_column=None,
                end_pos=None):
        inst = str.__new__(cls, value)
        inst.type, inst.start_pos, inst.value, inst.line, inst.column = type, start_pos, value, line, column
        inst.end_line, inst.end_column, inst.end_pos = end_line, end_column, end_pos
        return inst

    @classmethod
    def new_borrow_pos(cls, type_, value, borrow_t):
        b = borrow_t
        return cls(type_, value, b.start_pos, b.line, b.column, b.end_line, b.end_column, b.end_pos)

    def update(self, type=None, value=None):
        return Token.new_borrow_pos(self.type if type is None else type, self.value if value is None else value, self)

    def __reduce__(self):
        return (self.__class__, (self.type, self.value, self.start_pos, self.line, self.column))

    def __repr__(self):
        return f"Token({self.type!r}, {self.value!r})"

    def __deepcopy__(self, memo):
        return Token(self.type, self.value, self.start_pos, self.line, self.column)

    def __eq__(self, other):
        if isinstance(other, Token) and self.type != other.type:
            return False
        return str.__eq__(self, other)

    __hash__ = str.__hash__


class Tree:
    """What a rule gives when the transformer has no method for it (lark's Tree, without its methods)."""

    __slots__ = ("data", "children", "meta")  # (no attribute of its own besides: one made per symbol's scripts)

    def __init__(self, data: str, children: list, meta=None) -> None:
        self.data, self.children, self.meta = data, children, meta

    def __repr__(self):
        return f"Tree({self.data!r}, {self.children!r})"

    def __eq__(self, other):
        try:
            return self.data == other.data and self.children == other.children
        except AttributeError:
            return False

    def __hash__(self):
        return hash((self.data, tuple(self.children)))


class Transformer:
    """The base of a transformer applied while parsing: one method per rule (or alias), else a Tree."""

    def __default__(self, data, children, meta):
        return Tree(data, children, meta)


def inline_call(f, _data, children, _meta):
    return f(*children)


def v_args(inline: bool = False):
    """lark's v_args(inline=True): the methods (not starting with _) of the class it decorates, or the
    one method, take a rule's children as arguments instead of one list. A method decorated itself
    keeps its own; inherited methods keep their class's."""
    wrapper = inline_call if inline else None

    def mark(f) -> None:
        f = getattr(f, "__func__", f)
        if callable(f) and "visit_wrapper" not in getattr(f, "__dict__", {"visit_wrapper": None}):
            f.visit_wrapper = wrapper

    def decorate(obj):
        if isinstance(obj, type):
            for name, value in list(vars(obj).items()):
                if not name.startswith("_"):
                    mark(value)
        else:
            mark(obj)
        return obj
    return decorate


# ---- errors, as lark's (lark.exceptions) ---------------------------------------------------------
class UnexpectedInput(Exception):
    """The grammar refuses the text: where (pos_in_stream, line, column) and in which parser state."""

    line: int
    column: int
    pos_in_stream = None
    state = None
    interactive_parser = None

    def get_context(self, text: str, span: int = 40) -> str:
        pos = self.pos_in_stream or 0
        start = max(pos - span, 0)
        before = text[start:pos].rsplit("\n", 1)[-1]
        after = text[pos:pos + span].split("\n", 1)[0]
        return before + after + "\n" + " " * len(before.expandtabs()) + "^\n"

    def match_examples(self, parse_fn, examples, token_type_match_fallback: bool = False, use_accepts: bool = True):
        """The label of the examples whose error is this one's (lark's match_examples): the first example
        failing in the same parser state at the same token, else the first failing in the same state."""
        assert self.state is not None, "Not supported for this exception"
        items = examples.items() if isinstance(examples, Mapping) else examples
        candidate = (None, False)
        for label, example in items:
            assert not isinstance(example, str), "Expecting a list"
            for malformed in example:
                try:
                    parse_fn(malformed)
                except UnexpectedInput as ut:
                    if ut.state != self.state:
                        continue
                    tokens = isinstance(self, UnexpectedToken) and isinstance(ut, UnexpectedToken)
                    if use_accepts and tokens and ut.accepts != self.accepts:
                        continue
                    at_token = (UnexpectedToken, UnexpectedEOF)
                    if isinstance(self, at_token) and isinstance(ut, at_token):
                        if ut.token == self.token:
                            return label
                        if token_type_match_fallback and ut.token.type == self.token.type and not candidate[-1]:
                            candidate = label, True
                    if candidate[0] is None:
                        candidate = label, False
        return candidate[0]


class UnexpectedEOF(UnexpectedInput):
    def __init__(self, expected, state=None, terminals_by_name=None) -> None:
        super().__init__()
        self.expected, self.state = expected, state
        self.token = Token("<EOF>", "")
        self.pos_in_stream, self.line, self.column = -1, -1, -1

    def __str__(self):
        return "Unexpected end-of-input. Expected one of: \n\t* %s\n" % "\n\t* ".join(self.expected)


class UnexpectedCharacters(UnexpectedInput):
    """No terminal the parser state accepts matches at pos_in_stream; `allowed`: those it accepts."""

    def __init__(self, seq, lex_pos, line, column, allowed=None, considered_tokens=None, state=None,
                 token_history=None, terminals_by_name=None, considered_rules=None) -> None:
        super().__init__()
        self.line, self.column, self.pos_in_stream, self.state = line, column, lex_pos, state
        self.allowed, self.considered_tokens, self.considered_rules = allowed, considered_tokens, considered_rules
        self.token_history = token_history
        self.char = seq[lex_pos]
        self._context = self.get_context(seq)

    def __str__(self):
        message = (f"No terminal matches '{self.char}' in the current parser context, at line {self.line} col "
                   f"{self.column}\n\n{self._context}")
        if self.allowed:
            message += "Expected one of: \n\t* %s\n" % "\n\t* ".join(self.allowed)
        return message


class UnexpectedToken(UnexpectedInput):
    """A token the parser state has no action for; `expected`: the terminals it has one for;
    `accepts`: those it can go on with (computed when asked, as lark's)."""

    def __init__(self, token, expected, considered_rules=None, state=None, interactive_parser=None,
                 terminals_by_name=None, token_history=None) -> None:
        super().__init__()
        self.line, self.column = getattr(token, "line", "?"), getattr(token, "column", "?")
        self.pos_in_stream, self.state = getattr(token, "start_pos", None), state
        self.token, self.expected, self._accepts = token, expected, None
        self.considered_rules, self.token_history = considered_rules, token_history
        self.interactive_parser = interactive_parser

    @property
    def accepts(self) -> set:
        if self._accepts is None:
            self._accepts = self.interactive_parser and self.interactive_parser.accepts()
        return self._accepts

    def __str__(self):
        return (f"Unexpected token {self.token!r} at line {self.line}, column {self.column}.\nExpected one of: "
                "\n\t* %s\n" % "\n\t* ".join(self.accepts or self.expected))
