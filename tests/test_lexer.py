"""The shared scanner (read.grammar.shared_scanner) against lark's contextual lexer as lark makes it
(a scanner per parser state): on every math region of the corpus, of the built-in cells and of the
examples, and on damaged copies of them, both give the same tree or the same error."""
from __future__ import annotations

import random
from functools import lru_cache
from pathlib import Path

import pytest
from lark import Lark
from lark.exceptions import UnexpectedCharacters, UnexpectedInput, UnexpectedToken

from symcount.errors import ParseError
from symcount.read import grammar
from symcount.read.regions import scan
from symcount.read.source import Source
from tests import fuzzing

ROOT = Path(__file__).resolve().parent.parent


@lru_cache(maxsize=None)
def parsers() -> tuple[Lark, Lark]:
    lark_own = Lark(grammar.grammar(), **grammar.OPTIONS)
    shared = grammar.shared_scanner(Lark(grammar.grammar(), **grammar.OPTIONS))
    return lark_own, shared


def texts() -> list[tuple[str, str]]:
    files = sorted((ROOT / "tests" / "corpus" / "snippets").iterdir()) + sorted((ROOT / "symcount" / "cells").glob("*.tex"))
    files += sorted((ROOT / "examples").glob("*.tex"))
    out = []
    for path in files:
        text = path.read_text(encoding="utf-8")
        try:
            sc = scan(Source(text, path.name))
        except ParseError:  # a text whose math regions do not close: refused before any parsing
            continue
        out += [(f"{path.name}@{r.start}", sc.text[r.start:r.end]) for r in sc.regions]
    return out


def outcome(parser: Lark, body: str, start: str):
    try:
        return "tree", parser.parse(body, start=start)
    except UnexpectedInput as exc:
        kind = type(exc).__name__
        if isinstance(exc, UnexpectedCharacters):
            return kind, exc.pos_in_stream, sorted(exc.allowed)
        if isinstance(exc, UnexpectedToken):
            return kind, exc.token.type, str(exc.token), exc.token.start_pos, sorted(exc.expected), \
                sorted(exc.accepts or ())
        return kind, sorted(getattr(exc, "expected", ()) or ())


def damaged(body: str, rng: random.Random) -> str:
    """The text with a piece cut out, doubled or swapped with another."""
    if len(body) < 2:
        return body + "^"
    i, j = sorted(rng.sample(range(len(body) + 1), 2))
    choice = rng.randrange(3)
    if choice == 0:
        return body[:i] + body[j:]
    if choice == 1:
        return body[:j] + body[i:j] + body[j:]
    return body[:i] + body[j:] + body[i:j]


def test_regions_found():
    assert len(texts()) > 300


@pytest.mark.parametrize("start", ["start", "symbol"])
def test_same_as_lark_on_the_texts(start):
    own, shared = parsers()
    for name, body in texts():
        assert outcome(shared, body, start) == outcome(own, body, start), name


def test_same_as_lark_on_damaged_texts():
    own, shared = parsers()
    rng = random.Random(22)
    errors, rounds = 0, fuzzing.examples(2)  # damages per text: 2 by default, 20 in the long run
    for name, body in texts():
        for _ in range(rounds):
            bad = damaged(body, rng)
            expected = outcome(own, bad, "start")
            errors += expected[0] != "tree"
            assert outcome(shared, bad, "start") == expected, (name, bad)
    assert errors > 125 * rounds  # the damage makes errors of every kind, not only trees


def test_shared_scanner_installed():
    """The command line's parser uses it (lark's own lexers would compile a scanner per state)."""
    from symcount.read.parse import _parser
    lexer = _parser()[0].parser.lexer
    assert {type(x).__name__ for x in lexer.lexers.values()} == {"_StateLexer"}
