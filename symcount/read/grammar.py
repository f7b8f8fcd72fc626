"""The grammar (grammars/latex.lark) and its LALR tables: building them, saving them with the
package, loading them. Building the tables takes about 0.1 s, so they ship (grammars/latex.lark.cache,
written by `python -m symcount.shipped` with Lark.save, read with Lark.load); tables made from another
grammar, lark or Python are not used."""
from __future__ import annotations

import os

from lark import Lark

GRAMMAR_CACHE = os.path.join(os.path.dirname(os.path.abspath(__file__)), "grammars", "latex.lark.cache")
_OPTIONS = dict(parser="lalr", lexer="contextual", start=["start", "symbol"], maybe_placeholders=False)


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
                    return Lark.__new__(Lark)._load(f, transformer=transformer)
        except (OSError, ValueError, EOFError):
            pass
    return Lark(text, transformer=transformer, **_OPTIONS)


def tables() -> bytes:
    """The LALR tables as load() reads them: the stamp, then Lark.save's bytes."""
    import io
    text = grammar()
    buffer = io.BytesIO()
    Lark(text, **_OPTIONS).save(buffer)
    return stamp(text) + b"\n" + buffer.getvalue()


class BadInput(Exception):
    """Raised while building the AST; parse() turns it into a ParseError with the source."""

    def __init__(self, message: str, start: int, end: int, hint: str) -> None:
        super().__init__(message)
        self.message, self.start, self.end, self.hint = message, start, end, hint
