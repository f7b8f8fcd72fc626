"""The shortcuts issue 22 took must never change an answer: a count printed without its cost has its
cost unmeasured (a view asked for the cost refuses such a summary, it never shows a number), the
walks kept between passes are the walks, and the kept table stays bounded in a long-lived process."""
from __future__ import annotations

import os
import subprocess
import sys

import pytest

import symcount
from symcount import api
from symcount.errors import UsageError
from symcount.read import nodes as N
from symcount.result.view import View

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
LSTM = os.path.join(ROOT, "examples", "lstm.tex")


def _req(**kw) -> api.Request:
    with open(LSTM, encoding="utf-8") as f:
        return api.Request("derive", "lstm.tex", f.read(), **kw)


def test_a_count_alone_leaves_its_cost_unmeasured_and_a_cost_view_refuses_it():
    bare = api.summary_for(_req(use_cache=False), cost=False)
    full = api.summary_for(_req(use_cache=False))
    assert bare.cost["error"] is not None and "not measured" in bare.cost["error"]["message"]
    assert full.cost["error"] is None
    assert bare.cell_poly == full.cell_poly and bare.parameters == full.parameters
    with pytest.raises(UsageError):
        View(bare, 1, 1, {}, True, "float32")
    assert View(full, 1, 1, {"d_x": 3, "d_h": 5}, True, "float32").costs() is not None


def test_a_summary_that_may_be_cached_or_explained_has_its_cost():
    assert api.summary_for(_req(use_cache=False), cost=False, explain=True).cost["error"] is None


def _cli(*args):
    return subprocess.run([sys.executable, "-m", "symcount", *args], capture_output=True, text=True,
                          env=dict(os.environ, PYTHONPATH=ROOT))


@pytest.mark.parametrize("fmt", ["text", "json", "markdown"])
def test_the_cost_on_the_command_line_with_and_without_the_cache(fmt, tmp_path):
    env_cache = ["--set", "d_x=3", "--set", "d_h=5", "--format", fmt]
    plain = _cli("derive", LSTM, "--no-cache", *env_cache)
    cost = _cli("derive", LSTM, "--no-cache", "--cost", *env_cache)
    assert plain.returncode == 0 and cost.returncode == 0, plain.stderr + cost.stderr
    assert "MAC" in cost.stdout or "macs" in cost.stdout
    assert "not measured" not in plain.stdout + plain.stderr + cost.stdout + cost.stderr


def test_a_kept_walk_is_the_walk_and_the_table_stays_bounded():
    d = symcount.derive("$$ h_t = \\tanh(W x_t + U h_{t-1} + b) $$")
    rhs = d.shapes.cell.equations[0].rhs
    first, again = N.walk(rhs), N.walk(rhs)
    assert again is first and [type(n).__name__ for n in first][:2] == ["Apply", "Binary"]
    assert N.walk(rhs, into=N.Apply) == [rhs]  # a walk with `into` is its own
    for k in range(N._WALKED_MAX + 10):
        N.walk(N.Symbol(f"x{k}", "x", None, None))
    assert len(N._WALKED) <= N._WALKED_MAX


def test_a_derivation_keeps_no_walk():
    symcount.derive("$$ h_t = \\tanh(W x_t + U h_{t-1} + b) $$")
    assert not N._WALKED


@pytest.mark.parametrize("name", ["lstm", "gru", "lstm-peephole", "lstmp", "xlstm-mlstm", "mamba", "lru", "rwkv7-time"])
def test_a_summary_built_fresh_is_the_summary_its_json_reads_back_as(name):
    """A fresh summary is built as records, not through its JSON: it must equal that JSON read back,
    polynomials and the order of their terms included (the outputs are written from either)."""
    from symcount.result.summary import Summary
    d = api.cell(name)
    for explain in (False, True):
        fresh = api.summarize(d, explain=explain)
        back = Summary.from_json(fresh.to_json())
        assert back == fresh
        for a, b in zip(fresh.parameters + fresh.equations, back.parameters + back.equations):
            assert list(a.poly.items()) == list(b.poly.items())
        assert list(fresh.cell_poly.items()) == list(back.cell_poly.items())
        assert [list(f.size.items()) for f in fresh.feed.values() if f.size is not None] == \
               [list(f.size.items()) for f in back.feed.values() if f.size is not None]


def test_a_names_flat_letters_are_the_patterns():
    """read.names.flat_letters drops braces and low lines with str.translate and leaves whitespace to the
    pattern only where the text is unprintable or has a space: every whitespace character but the space is
    unprintable, so the two agree on every name."""
    import re
    import sys
    from symcount.read.names import flat_letters
    spaces = [chr(i) for i in range(sys.maxunicode + 1) if re.match(r"\s", chr(i))]
    assert all(c == " " or not c.isprintable() for c in spaces)
    for name in ["a_{1,t}", "W_{hi}", "h_t", "\\tilde{c}_{t-1}", "x_{ t}", "W_{\u00a0h}", "b\u2003_f", "a\tb", "", "{}_"] + spaces:
        assert flat_letters(name) == re.sub(r"[{}_\s]", "", name), name


def test_foreign_weights_letters_read_without_the_pattern_are_the_patterns():
    """read.foreign reads a name's letter and its subscript's first letter without a pattern where it can: the same
    letters as the patterns give, on every text of up to four characters of an alphabet of the cases that differ."""
    import itertools
    import re
    from symcount.read import foreign
    from symcount.read.names import NAME
    alphabet = ["a", "B", "_", "^", "{", "}", "\\", "1", " ", "\n", "İ", "Σ"]
    for n in range(5):
        for name in map("".join, itertools.product(alphabet, repeat=n)):
            m = NAME.match(name)
            assert foreign._sub_letter(name) == ((m.group("sub") or "")[1:].strip("{}")[:1].lower() if m else ""), name
            assert foreign._letter(name) == re.sub(r"^\\[A-Za-z]+\{|[{}\\]", "", name)[:1].lower(), name
    for name in ("W_{hi}", "W_{c,x}", "\\tilde{c}_{part}", "b_o", "U_{1}", "a_{k,t}"):
        assert foreign._sub_letter(name) == (NAME.match(name).group("sub") or "")[1:].strip("{}")[:1].lower()
