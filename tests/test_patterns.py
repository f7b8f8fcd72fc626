"""read.patterns: the package's regular expressions rebuilt from their shipped compiled form behave
as re.compile's (same flags, groups and matches on real texts); a table made by another Python, or
damaged, is not used."""
from __future__ import annotations

import marshal
import re
from pathlib import Path

import pytest

from symcount.read import patterns

ROOT = Path(__file__).resolve().parent.parent
TEXTS = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "examples").glob("*.tex"))] + \
        [p.read_text(encoding="utf-8") for p in sorted((ROOT / "tests" / "corpus" / "snippets").iterdir())[::7]]


def test_the_shipped_table_is_made_by_this_python_and_not_empty():
    assert len(patterns._CODES) >= 50, "run python -m symcount.shipped"


@pytest.mark.parametrize("key", sorted(patterns._CODES)[::3] if patterns._CODES else [])
def test_a_rebuilt_pattern_matches_as_re_compiles_it(key):
    import _sre
    pattern, flags = key
    rebuilt, fresh = _sre.compile(pattern, *marshal.loads(patterns._CODES[key])), re.compile(pattern, flags)
    assert (rebuilt.pattern, rebuilt.flags, rebuilt.groups, rebuilt.groupindex) == \
           (fresh.pattern, fresh.flags, fresh.groups, fresh.groupindex)
    for text in TEXTS:
        assert [m.span() + m.groups() for m in rebuilt.finditer(text)] == \
               [m.span() + m.groups() for m in fresh.finditer(text)]


def test_compile_returns_one_pattern_per_key_and_the_module_is_re():
    key = next(iter(patterns._CODES))
    assert patterns.compile(*key) is patterns.compile(*key)
    assert patterns.sub(r"a+", "b", "caaat") == re.sub(r"a+", "b", "caaat")
    assert patterns.split(r",\s*", "a, b,c", 1) == re.split(r",\s*", "a, b,c", 1)
    assert patterns.compile(r"(?P<x>\d)(\w)", re.I).fullmatch("1A").groupdict() == {"x": "1"}


def test_a_table_from_another_python_or_damaged_is_not_used():
    key = (r"a(b)c", 0)
    other = marshal.dumps((("cpython", "2.7.0", 0, 0, 0), {key: patterns.code(*key)}))
    assert patterns.codes(other) == {}
    assert patterns.codes(b"\x00garbage") == {}
    assert patterns.codes(patterns.table([key])) == {key: marshal.dumps(patterns.code(*key))}


def test_a_damaged_entry_is_compiled_the_standard_way(monkeypatch):
    key = (r"z(y+)z", 0)  # each entry is read when its pattern is first compiled, not at import
    monkeypatch.setitem(patterns._CODES, key, b"\x00not marshal")
    monkeypatch.delitem(patterns._MADE, key, raising=False)
    assert patterns.compile(*key).fullmatch("zyyz").group(1) == "yy"


def test_the_shipped_table_holds_every_pattern_a_derive_compiles():
    """A pattern changed or added since `python -m symcount.shipped` is compiled at run time, about
    0.1 ms each: a stale table slowed every refusal by a fifth before this test (issue 22)."""
    import subprocess
    import sys
    code = ("import symcount, symcount.errors as E\nfrom symcount.read import patterns\n"
            "for text in (open(r'%s').read(), 'h_t = tanh(W x_t + U h_{t-1} + b)\\n', '$$ h_t = \\\\tanh(W x_t + ) $$'):\n"
            "    try: symcount.derive(text).explain()\n    except E.SymcountError: pass\n"
            "print(len(patterns._CODES), len(patterns.SEEN - set(patterns._CODES)))\n") % (ROOT / "examples" / "lstm.tex")
    shipped, missing = map(int, subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                                               check=True).stdout.split())
    if shipped == 0:
        pytest.skip("the table was made by another Python")
    assert missing == 0, "run python -m symcount.shipped"
