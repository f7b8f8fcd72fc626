"""read.lalr, the parser that runs the exported tables without lark: it reads what lark reads, into the
same AST, and refuses what lark refuses, with the same error (place, token, expected and accepted
terminals, hint); and reading never imports lark (lark only builds the tables)."""
from __future__ import annotations

import json
import random
import subprocess
import sys
from functools import lru_cache
from pathlib import Path

import lark
import lark.exceptions
import lark.lexer
import lark.parsers.lalr_parser
import pytest

from symcount.errors import SymcountError
from symcount.read import grammar, lalr, syntax
from symcount.read import parse as reader
from symcount.read.build import Build
from tests.test_lexer import damaged, texts

ROOT = Path(__file__).resolve().parent.parent


def loaded_after(code: str, stdin: str = "") -> set[str]:
    """The modules a fresh interpreter has loaded after running `code`."""
    probe = ("import io, json, sys\nsys.stdout = sys.stderr = io.StringIO()\n" + code +
             "\nsys.stdout = sys.__stdout__\nprint(json.dumps(sorted(sys.modules)))")
    out = subprocess.run([sys.executable, "-c", probe], cwd=ROOT, input=stdin, capture_output=True, text=True,
                         check=True).stdout
    return set(json.loads(out.splitlines()[-1]))


@pytest.mark.parametrize("argv, stdin", [
    (["derive", "examples/lstm.tex", "--no-cache"], ""),                     # a fresh derive
    (["derive", "-", "--no-cache"], r"$$ h_t = \tanh(W x_t + U h_{t-1} + ) $$"),  # a syntax error, with its hint
    (["derive", "-", "--no-cache"], r"$$ h_t = \tanh(W x_t $$"),               # one that ends too early
    (["derive", "-", "--no-cache"], r"$$ h_t = W x_t ? b $$"),                 # an unknown character
    (["derive", "-", "--no-cache"], "$$ h_t = W x_t \\\\ y_t = W' h_t $$"),    # the shapes' error, after reading
])
def test_reading_never_imports_lark(argv, stdin, tmp_path):
    code = (f"import os; os.environ['SYMCOUNT_CACHE_DIR'] = {str(tmp_path)!r}\n"
            f"from symcount.cli import main\nmain({argv!r})")
    mods = loaded_after(code, stdin)
    assert "symcount.read.lalr" in mods and not [m for m in mods if m == "lark" or m.startswith("lark.")]


def test_the_api_never_imports_lark():
    mods = loaded_after("import symcount\nsymcount.derive(open('examples/gru.tex').read())")
    assert "symcount.read.lalr" in mods and "lark" not in mods


def test_stale_or_broken_tables_are_built_anew_by_lark(tmp_path):
    """A developer's edit of the grammar (or another lark or Python) makes the shipped tables stale:
    lark builds them anew and the reader reads as before."""
    stale = tmp_path / "stale"
    edited = grammar.grammar().replace("_sep+", "_sep _sep*")  # the same language, another grammar's text
    stale.write_bytes(grammar.stamp(edited) + grammar.tables()[len(grammar.stamp()):])
    broken = tmp_path / "broken"
    broken.write_bytes(grammar.stamp() + b"not marshal")
    text = r"h_t = \tanh(W x_t + U h_{t-1} + b)"
    want = repr(grammar.load(Build()).parse(text, "start"))
    for path in (stale, broken, tmp_path / "missing"):
        parser = grammar.load(Build(), str(path))
        assert not parser.lexer.re.codes  # built anew: no compiled patterns of a file
        assert repr(parser.parse(text, "start")) == want


def test_v_args_marks_what_lark_marks():
    @lalr.v_args(inline=True)
    class Base(lalr.Transformer):
        def one(self, a, b):
            return a + b

        @lalr.v_args(inline=False)
        def listed(self, children):
            return children

    class Plain(Base):
        def two(self, children):
            return children

    assert Base.one.visit_wrapper is not None and Base.listed.visit_wrapper is None
    assert not hasattr(Plain.two, "visit_wrapper") and Plain.one.visit_wrapper is not None
    assert lalr.rule_callback(Base(), "one", False, None)([1, 2]) == 3
    assert lalr.rule_callback(Plain(), "two", True, ((0, False), (2, True)))(
        ["x", "-", lalr.Tree("_inner", ["y", "z"])]) == ["x", "y", "z"]
    assert lalr.rule_callback(Plain(), "nothing", True, None)(["only"]) == "only"
    assert lalr.rule_callback(Plain(), "nothing", False, None)(["a", "b"]) == lalr.Tree("nothing", ["a", "b"])


def test_tokens_are_larks():
    t = lalr.Token("LETTER", "x", 3, 1, 4, 1, 5, 4)
    assert t == "x" and not t == lalr.Token("GREEK", "x") and t == lalr.Token("LETTER", "x") and hash(t) == hash("x")
    assert repr(t) == repr(lark.Token("LETTER", "x")) and t.end_pos == 4
    assert lalr.Token.new_borrow_pos("$END", "", t).start_pos == 3 and t.update(value="y").column == 4


# ---- the same AST and the same errors as lark, through the reader ---------------------------------------
class LarkDriver:
    """lark's own parser of the grammar with the reader's Build applied while parsing, in the place of
    read.lalr's: its errors made read.lalr's classes (their attributes, parser states and accepts
    lark's), so that the reader handles them as its own."""

    def __init__(self, build: Build) -> None:
        self.lark = lark.Lark(grammar.grammar(), transformer=build, **grammar.OPTIONS)
        self.parses = 0

    def parse(self, text: str, start: str):
        self.parses += 1
        try:
            return self.lark.parse(text, start=start)
        except lark.exceptions.UnexpectedInput as exc:
            own = getattr(lalr, type(exc).__name__)
            mine = own.__new__(own)
            mine.__dict__.update(vars(exc))
            mine._accepts = None
            raise mine from None


@pytest.fixture
def lark_tokens(monkeypatch):
    """lark making read.lalr's Tokens (the Build methods tell tokens by their class)."""
    by_lark()  # lark reads the grammar with its own Tokens
    for module in (lark.lexer, lark.parsers.lalr_parser):
        monkeypatch.setattr(module, "Token", lalr.Token)
    monkeypatch.setattr(lark.lexer.LexerThread, "_Token", lalr.Token)


@lru_cache(maxsize=None)
def by_lark():
    build = Build()
    return LarkDriver(build), build


def read_with(parser, text: str, name: str, monkeypatch) -> str:
    """The reader's Cell of the text, or its error, with the parser given (read.lalr's, or lark's)."""
    with monkeypatch.context() as m:
        m.setattr(reader, "_parser", parser)
        try:
            return repr(reader.parse(text, name))
        except SymcountError as exc:
            return "error: " + "\n".join(str(e) for e in (exc,) + exc.also)


def inputs() -> list[tuple[str, str]]:
    files = sorted((ROOT / "tests" / "corpus" / "snippets").iterdir()) + sorted((ROOT / "examples").glob("*.tex"))
    files += sorted((ROOT / "symcount" / "cells").glob("*.tex"))
    return [(p.name, p.read_text(encoding="utf-8")) for p in files]


def test_the_reader_reads_as_with_lark(lark_tokens, monkeypatch):
    errors = 0
    for name, text in inputs():
        want = read_with(by_lark, text, name, monkeypatch)
        errors += want.startswith("error: ")
        assert read_with(reader._parser, text, name, monkeypatch) == want, name
    assert errors > 20  # the corpus has texts the reader refuses, not only cells
    assert by_lark()[0].parses > 1000


def test_damaged_math_is_refused_as_with_lark(lark_tokens, monkeypatch):
    """Damaged regions, each as a text of its own: the same error, with the same hint."""
    rng = random.Random(2)
    errors = 0
    for name, body in texts()[::3]:
        text = "$$ " + damaged(body, rng).replace("$", " ") + " $$\n"
        want = read_with(by_lark, text, name, monkeypatch)
        errors += "cannot read the math" in want
        assert read_with(reader._parser, text, name, monkeypatch) == want, (name, text)
    assert errors > 30


def test_the_hints_examples_as_with_lark(lark_tokens, monkeypatch):
    """Each example of syntax.HINTS: the same error as lark's and the hint lark's match_examples finds."""
    for hint, examples in syntax.HINTS.items():
        for example in examples:
            text = f"$$ {example} $$\n"
            want = read_with(by_lark, text, "hints.tex", monkeypatch)
            assert read_with(reader._parser, text, "hints.tex", monkeypatch) == want, example


def test_errors_have_larks_attributes(lark_tokens):
    own = reader._parser()[0]
    with_lark = by_lark()[0]
    for text in (r"h_t = W x_t +", r"h_t = W x_t)", r"h_t = W ? x_t", r"h_t = \frac x", "x_t \\in", "h_t = (W\n x_t ?"):
        for start in ("start", "symbol"):
            got, want = [_error(p, text, start) for p in (own, with_lark)]
            assert got == want, (text, start)


def _error(parser, text: str, start: str) -> tuple:
    try:
        parser.parse(text, start)
    except lalr.UnexpectedInput as exc:
        token = getattr(exc, "token", None)
        where = (token.type, str(token), token.start_pos, token.end_pos, token.line, token.column) if token else None
        return (type(exc).__name__, exc.pos_in_stream, exc.line, exc.column, where, sorted(getattr(exc, "expected", ())),
                sorted(getattr(exc, "accepts", None) or ()), sorted(getattr(exc, "allowed", None) or ()),
                len(exc.state.state_stack))  # the states' numbers differ from one build of the tables to another
    return ("no error",)
