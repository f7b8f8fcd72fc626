"""The run-time parser (read.lalr, driving the tables read.grammar exports, with its shared scanner)
against lark's own parser of the grammar (a scanner per parser state): on every math region of the
corpus, of the built-in cells and of the examples, and on damaged copies of them, both give the same
tree or the same error (tests/test_lalr.py compares the ASTs and the error messages)."""
from __future__ import annotations

import random
from functools import lru_cache
from pathlib import Path

import pytest
import lark.exceptions
from lark import Lark

from symcount.errors import ParseError
from symcount.read import grammar, lalr
from symcount.read.regions import scan
from symcount.read.source import Source
from tests import fuzzing

ROOT = Path(__file__).resolve().parent.parent


@lru_cache(maxsize=None)
def parsers() -> tuple[Lark, lalr.Parser]:
    """lark's parser, and the run-time parser of the shipped tables (no transformer: trees)."""
    return Lark(grammar.grammar(), **grammar.OPTIONS), grammar.load(None)


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


def plain(tree):
    """A tree of lark's or of read.lalr's as nested tuples: rule, children; a token's type, text and place."""
    if hasattr(tree, "children"):
        return (tree.data, tuple(plain(c) for c in tree.children))
    return (tree.type, str(tree), tree.start_pos, tree.end_pos, tree.line, tree.column, tree.end_line, tree.end_column)


def outcome(parser, body: str, start: str):
    try:
        return "tree", plain(parser.parse(body, start=start))
    except (lark.exceptions.UnexpectedInput, lalr.UnexpectedInput) as exc:
        kind = type(exc).__name__
        if kind == "UnexpectedCharacters":
            return kind, exc.pos_in_stream, exc.line, exc.column, sorted(exc.allowed)
        if kind == "UnexpectedToken":
            return kind, exc.token.type, str(exc.token), exc.token.start_pos, exc.token.end_pos, exc.line, \
                exc.column, sorted(exc.expected), sorted(exc.accepts or ())
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


def test_the_command_lines_parser_is_read_lalrs():
    """The command line's parser is read.lalr's, with the shipped tables' compiled patterns."""
    from symcount.read.parse import _parser
    parser = _parser()[0]
    assert isinstance(parser, lalr.Parser) and parser.lexer.re.codes


def test_the_scanner_of_a_first_character_matches_as_the_whole_scanner():
    """read.firstchars: at every position of every math region (and of each reversed, for characters
    in other orders), the scanner of the character there matches the same terminal, as far, as the
    scanner of all terminals (re takes the first alternative that matches: the order is kept)."""
    lexer = parsers()[1].lexer
    assert lexer.firsts, "the shipped tables have scanners by first character"
    whole = lexer.scanners[0]
    bodies = [body for _, body in texts()]
    bodies += [b[::-1] for b in bodies[:300]]
    checked = 0
    for body in bodies:
        for pos in range(len(body)):
            full = whole.match(body, pos)
            mine = lexer.compiled(lexer.firsts[lexer.by_char.get(body[pos], lexer.other)]).match(body, pos)
            assert (full and (full.lastgroup, full.end())) == (mine and (mine.lastgroup, mine.end())), body[pos:pos + 30]
            checked += full is not None
    assert checked > 10_000


def test_the_unicode_spaces_are_those_of_re():
    import re

    from symcount.read.firstchars import _SPACE
    assert _SPACE == {chr(c) for c in range(0x110000) if re.match(r"\s", chr(c))}
