"""Issue 21, work bounded: a row of math as long as the input allows (a difference of 66,227 terms in
1 MiB, a chain of products, a stack, parentheses nested half a million deep) is refused before the
grammar reads it, by a count of its tokens (read.extent): at most MAX_ROW_TOKENS in a row and
MAX_MATH_TOKENS in a text. Work is bounded by counts (function calls), never by seconds;
benchmarks/bench_hostile.py measures the time and memory."""
from __future__ import annotations

import io
from contextlib import redirect_stderr, redirect_stdout

import pytest

import symcount
from symcount.cli import main
from symcount.limits import MAX_MATH_TOKENS, MAX_ROW_TOKENS
from symcount.read.extent import tokens
from symcount.read.nodes import Symbol, walk
from symcount.read.parse import parse
from symcount.read.extent import check_math
from symcount.read.regions import scan
from symcount.read.source import Source
from tests.fuzzing import Calls, scale
from tests.hostile import (DIFFERENCE, MEMORY_MB, concatenation, difference, difference_rows, largest, long_sum,
                           nested, nested_functions, parameters, product_chain, run_cli, same_weight_chain)

ROW = f"symcount reads rows of at most {MAX_ROW_TOKENS:,}"
TOTAL = f"symcount reads at most {MAX_MATH_TOKENS:,} in one text"


def _checked(src):
    """What derive checks before any parsing: the scan, then the math's extent (read.parse)."""
    sc = scan(src)
    check_math(sc.text, sc.regions, sc.macros, src)
    return sc


def _calls(path: str, code: int) -> tuple[int, str]:
    """The function calls of `symcount derive PATH` in this process, and its standard error."""
    err = io.StringIO()
    with Calls() as calls, redirect_stdout(io.StringIO()), redirect_stderr(err):
        assert main(["derive", path, "--no-cache"]) == code, err.getvalue()[-2000:]
    return calls.count, err.getvalue()


@pytest.mark.parametrize("fmt", ["text", "markdown", "latex"])
def test_the_long_difference_is_refused_before_it_is_read(tmp_path, fmt):
    """The reproducer: `difference` at 1 MiB, in a fresh process, within 500 MB, with the limit named
    and the row's place; it took 38 s and 700-990 MB to count."""
    path = tmp_path / "diff.tex"
    path.write_text(difference(DIFFERENCE), encoding="utf-8")
    assert len(path.read_bytes()) <= 1 << 20
    r = run_cli(["derive", str(path), "--format", fmt, "--no-cache"])
    assert r.code == 2, r.stderr[-2000:]
    assert r.rss_mb < MEMORY_MB, f"{r.rss_mb:.0f} MB"
    assert f"a row of math of 198,682 tokens (symbols, numbers, operators, brackets); {ROW}" in r.stderr
    assert "diff.tex:1:4" in r.stderr and "internal error" not in r.stderr


@pytest.mark.parametrize("make, message", [(difference, ROW), (parameters, ROW), (long_sum, ROW), (product_chain, ROW),
                                           (same_weight_chain, ROW), (concatenation, ROW), (nested, ROW),
                                           (nested_functions, ROW), (difference_rows, TOTAL)])
def test_long_rows_at_the_input_limit_cost_less_than_a_short_cell(tmp_path, make, message):
    """Each shape at the most 1 MiB holds is refused with fewer function calls than counting a
    difference of 100 terms takes: the grammar never sees it (regular expressions count the tokens)."""
    small, large = tmp_path / "small.tex", tmp_path / "large.tex"
    small.write_text(difference(100), encoding="utf-8")
    large.write_text(make(largest(make)), encoding="utf-8")
    _calls(str(small), 0)  # imports, compiled patterns: once
    counted, _ = _calls(str(small), 0)
    refused, err = _calls(str(large), 2)
    assert message in err, err[-2000:]
    assert refused < counted, f"{refused:,} calls to refuse {make.__name__}, {counted:,} to count 100 terms"


def test_rows_each_within_the_limit_add_up_to_the_texts():
    text = difference_rows(largest(difference_rows))
    rows = text.strip("$\n ").split("\\\\")
    assert len(rows) > 8 and max(tokens(r) for r in rows) <= MAX_ROW_TOKENS < sum(tokens(r) for r in rows)


def _row(n: int) -> str:
    """A display of one row of exactly n tokens: h_t = x_t + x_t + ... (h_t, =, then x_t and + in turn)."""
    text = "h_t = " + " + ".join(["x_t"] * ((n - 1) // 2)) + ("" if n % 2 else " +")
    assert tokens(text) == n
    return "$$ " + text + " $$\n"


def test_tokens_are_counted_as_documented():
    assert tokens(r"W_{10} x_t -") == 3
    assert tokens(r"h_{t-1}^\top \odot \tanh(c_t)") == 6  # h, \odot, \tanh, (, c, )
    assert tokens(r"W_{" + "a" * 100_000 + "}") == 1       # a name of any length is one symbol
    assert tokens(r"2.5 x_t + 10") == 4


def test_the_row_limit_is_exact_and_cheap():
    """A row of MAX_ROW_TOKENS tokens passes the scan, one more is refused, whatever the other rows."""
    _checked(Source(_row(MAX_ROW_TOKENS)))
    _checked(Source(_row(MAX_ROW_TOKENS) + _row(MAX_ROW_TOKENS)))
    with pytest.raises(symcount.ParseError, match=f"of {MAX_ROW_TOKENS + 1:,} tokens .*{ROW}"):
        _checked(Source("$$ a_t = x_t \\\\ " + _row(MAX_ROW_TOKENS + 1)[3:]))


def test_the_total_limit_is_exact():
    rows = MAX_MATH_TOKENS // 10_000
    text = "".join(_row(10_000) for _ in range(rows))
    _checked(Source(text))
    with pytest.raises(symcount.ParseError, match=TOTAL):
        _checked(Source(text + "$$ a_t = x_t $$"))


def test_rows_a_macro_makes_are_counted():
    """A short row that a macro the text defines makes long is refused as the grammar would read it."""
    terms = " + ".join(["x_t"] * 1000)
    text = f"\\newcommand{{\\A}}{{{terms}}}\n$$ h_t = " + " + ".join(["\\A"] * 20) + " $$\n"
    assert len(text) < MAX_ROW_TOKENS
    with pytest.raises(symcount.ParseError, match=ROW) as info:
        symcount.derive(text)
    assert info.value.span is not None and text[info.value.span.start] == "h"


@pytest.mark.slow
def test_the_longest_difference_within_the_limit_is_counted(tmp_path):
    """6,000 terms W_k x_t in one row (18,001 tokens) in the long run (tests/fuzzing.py: scale), in a
    fresh process within 500 MB, the count exact."""
    n = scale(6_000)
    path = tmp_path / "diff.tex"
    path.write_text(difference(n), encoding="utf-8")
    r = run_cli(["derive", str(path), "--no-cache", "--set", "d_h=3", "--set", "d_x=5"])
    assert r.code == 0, r.stderr[-2000:]
    assert r.rss_mb < MEMORY_MB, f"{r.rss_mb:.0f} MB"
    assert r.out.decode().endswith(f"value at d_h=3, d_x=5: {15 * n}\n")


def test_the_count_expands_macros_within_the_texts_one_budget():
    """The count expands the text's macros with one budget for the whole text (10,000 steps), as the
    parse does, not one per region: a macro used 500 times in each of 45 regions costs the scan about
    what it costs in 20 (the budget runs out after the twentieth; the rest is counted as written)."""
    row = "$$ h_t = " + " + ".join(["\\A"] * 500) + " $$\n"
    calls = []
    for regions in (20, 45):
        with Calls() as c:
            _checked(Source("\\newcommand{\\A}{x_t}\n" + row * regions))
        calls.append(c.count)
    assert calls[1] < 1.5 * calls[0], calls


def test_a_long_row_that_uses_a_macro_is_read():
    """A region that uses one of the text's macros has its statements moved back to the text's
    offsets (read.macros.relocate) without recursion: a sum of 2,000 terms there was an internal error."""
    n = 2_000
    text = ("\\newcommand{\\R}{\\mathbb{R}}\n$x_t \\in \\R^d$\n$$ h_t = \\tanh("
            + " + ".join(f"W_{{{k}}} x_t" for k in range(n)) + ") \\in \\R^d $$\n")
    assert str(symcount.derive(text).total) == f"{n}*d**2"  # (`h_t = ... \\in \\R^d`: h_t of size d too)
    rhs = parse(text).equations[0].rhs
    last = [x for x in walk(rhs) if isinstance(x, Symbol) and x.name.startswith("W")][-1]
    assert text[last.span.start:last.span.end].startswith(f"W_{{{n - 1}}}")
