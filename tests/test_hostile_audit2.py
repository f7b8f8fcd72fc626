"""The second audit's reproducers (issue 21), each in a fresh process: none exits 1, none injects
markup, and the work each does is bounded by counts (hint matches, template steps, sizes scanned,
counts of a table), never by seconds; benchmarks/bench_hostile.py measures their time and memory."""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
LSTM = (ROOT / "symcount" / "cells" / "lstm.tex").read_text(encoding="utf-8")
NOT_MONOTONE = ("$x_t \\in \\mathbb{R}^{d - n}$, $h_t \\in \\mathbb{R}^{n}$, $W \\in \\mathbb{R}^{n \\times (d - n)}$\n"
                "$$ h_t = \\tanh(W x_t) $$\n")


def run(*args, cwd, stdin=None):
    env = dict(os.environ, PYTHONPATH=str(ROOT), SYMCOUNT_CACHE_DIR=str(Path(cwd) / ".cache"))
    args = [os.fsencode(a) if isinstance(a, (str, bytes, Path)) else a for a in args]
    p = subprocess.run([sys.executable.encode(), b"-m", b"symcount", *args], cwd=cwd, env=env, capture_output=True,
                       input=stdin)
    return p.returncode, p.stdout.decode("utf-8", "replace"), p.stderr.decode("utf-8", "replace")


def python(code: str, cwd) -> tuple[int, str]:
    env = dict(os.environ, PYTHONPATH=str(ROOT), SYMCOUNT_CACHE_DIR=str(Path(cwd) / ".cache"))
    p = subprocess.run([sys.executable, "-c", code], cwd=cwd, env=env, capture_output=True, text=True)
    return p.returncode, p.stdout + p.stderr


# ---- no exit 1 ------------------------------------------------------------------------------------------
def test_a_file_name_that_is_not_utf8(tmp_path):
    (tmp_path / os.fsdecode(b"f\xff.tex")).write_text(LSTM)
    for args in (["derive", b"f\xff.tex"], ["compare", b"f\xff.tex", "gru"]):
        code, out, err = run(*args, cwd=tmp_path)
        assert code == 0, err
        code, out, err = run(*args, cwd=tmp_path)   # and from the cache
        assert code == 0, err


def test_a_budget_beyond_pythons_digits_and_one_that_is_not_whole(tmp_path):
    code, _, err = run("match", "lstm", "--set", "d=8", "--budget", "9" * 5000, cwd=tmp_path)
    assert code == 2 and "at most 400" in err
    code, _, err = run("match", "lstm", "--set", "d=8", "--budget", "1.0000000000000000001e3", cwd=tmp_path)
    assert code == 2 and "between 1000 and 1001" in err


def test_plot_of_counts_beyond_floats_and_a_file_name_with_dollars(tmp_path):
    pytest.importorskip("matplotlib")
    code, _, err = run("compare", "lstm", "--set", "d=" + "9" * 400, "--set", "h=1:3", "--plot", "big.svg",
                       cwd=tmp_path)
    assert code == 2 and "at most 300 digits" in err and not (tmp_path / "big.svg").exists()
    (tmp_path / "m$\\frac$.tex").write_text(LSTM)
    code, _, err = run("compare", "m$\\frac$.tex", "--set", "d=3", "--set", "h=1:3", "--plot", "f$\\frac$.svg",
                       cwd=tmp_path)
    assert code == 0, err
    assert "m$\\frac$.tex" in (tmp_path / "f$\\frac$.svg").read_text()


API_CASES = r"""
import pathlib, numpy as np
from symcount import api
c = api.compare(["lstm"], {"d": 3, "h": [1, 2]})
try:
    import matplotlib
    api.plot(c, pathlib.Path("p.svg")); assert pathlib.Path("p.svg").stat().st_size > 0
except ImportError:
    pass
for f in (lambda: api.compare(["lstm"], [("h", 3)]), lambda: api.match("lstm", {"d": 3}, to="gru", to_sizes=5)):
    try:
        f()
    except TypeError as e:
        assert "mapping" in str(e), e
    else:
        raise AssertionError("accepted")
d = api.cell("lstm")
assert d.evaluate_many(d=3, h=np.array([], dtype=int)).shape == (0,)
assert len(d.evaluate_many(d=3, h=[])) == 0
written, _ = api.docs("lstm", "site")
assert sum(p.endswith(".md") for p in written) == 3 and any(p.endswith("lstm-pytorch.md") for p in written), written
print("ok")
"""


def test_the_api_cases(tmp_path):
    code, out = python(API_CASES, tmp_path)
    assert code == 0 and out.strip().endswith("ok"), out


def test_an_empty_cache_key_file_is_renewed(tmp_path):
    cache = tmp_path / ".cache"
    cache.mkdir(mode=0o700)
    (cache / "key").write_bytes(b"")
    (tmp_path / "c.tex").write_text(LSTM)
    assert run("derive", "c.tex", cwd=tmp_path)[0] == 0
    assert len((cache / "key").read_bytes()) == 32
    assert any(p.suffix == ".json" for p in cache.rglob("*.json"))


# ---- no markup ------------------------------------------------------------------------------------------
HOSTILE = '"><img src=x onerror=alert(1)>'


@pytest.mark.skipif(shutil.which("mkdocs") is None, reason="mkdocs is not installed")
def test_a_site_built_from_hostile_names_has_no_markup_from_them(tmp_path):
    (tmp_path / f"{HOSTILE}.tex").write_text(LSTM)
    code, _, err = run("docs", "lstm", f"{HOSTILE}.tex", "--title", "<script>alert(2)</script>", "--output", "s",
                       cwd=tmp_path)
    assert code == 0, err
    p = subprocess.run(["mkdocs", "build", "--strict", "-q"], cwd=tmp_path / "s", capture_output=True, text=True)
    assert p.returncode == 0, p.stderr
    pages = list((tmp_path / "s" / "site").rglob("*.html"))
    assert len(pages) >= 4
    for page in pages:
        html = page.read_text(encoding="utf-8")
        assert "<script>alert" not in html and "<img src=x" not in html, page
    assert "&lt;script&gt;alert(2)&lt;/script&gt;" in (tmp_path / "s" / "site" / "index.html").read_text()


def test_sphinx_text_is_docutils_text_never_raw_html():
    text = (ROOT / "symcount" / "sphinx.py").read_text(encoding="utf-8")
    assert "nodes.raw" not in text and "raw(" not in text


# ---- bounded work, by counts ----------------------------------------------------------------------------
def test_hints_are_matched_for_the_first_errors_only(tmp_path):
    code, out = python(r"""
from symcount.read import syntax
from symcount.read.parse import parse
from symcount.errors import ParseError
try:
    parse("$$ h_t = = x_t $$\n" * 4000, "bad.tex")
except ParseError as e:
    print(syntax.MATCHED_HINTS[0], len(e.also))
""", tmp_path)
    hints, shown = map(int, out.split())
    assert shown == 5 and hints <= 6


def test_template_work_is_counted(tmp_path):
    (tmp_path / "max.md.j2").write_text('{% set s = "x" * 4000000 %}' + "{{ s|max }}" * 20)
    code, _, err = run("cell", "lstm", "--template", "max.md.j2", cwd=tmp_path)
    assert code == 2 and "10,000,000 steps" in err
    (tmp_path / "macros.md.j2").write_text("".join("{%% macro m%d() %%}{%% endmacro %%}" % i for i in range(1001)))
    code, _, err = run("cell", "lstm", "--template", "macros.md.j2", cwd=tmp_path)
    assert code == 2 and "more than 1,000 macros" in err
    (tmp_path / "long.md.j2").write_text("x" * ((1 << 18) + 1))
    code, _, err = run("cell", "lstm", "--template", "long.md.j2", cwd=tmp_path)
    assert code == 2 and "262,144" in err
    (tmp_path / "ok.md.j2").write_text("".join("{%% macro m%d() %%}{%% endmacro %%}" % i for i in range(100)) + "ok")
    assert run("cell", "lstm", "--template", "ok.md.j2", cwd=tmp_path)[:2] == (0, "ok\n")


def test_a_match_that_is_not_monotone_scans_a_bounded_number_of_sizes(tmp_path):
    (tmp_path / "nm.tex").write_text(NOT_MONOTONE)
    code, _, err = run("match", "nm.tex", "--budget", "10G", "--set", "d=100000:150000:1000", cwd=tmp_path)
    assert code == 2 and "more than 2,000,000" in err


def test_a_table_is_bounded_in_rows_times_cells(tmp_path):
    for i in range(20):
        (tmp_path / f"f{i}.tex").write_text(LSTM)
    code, _, err = run("compare", *[f"f{i}.tex" for i in range(20)], "--set", "h=1:100000", "--set", "d=3",
                       cwd=tmp_path)
    assert code == 2 and "2,000,000 counts" in err
    code, out = python("""
from symcount import api
from symcount.errors import UsageError
try:
    api.compare(["lstm", "gru"], {"d": 3, "h": range(1, 60001)})
except UsageError as e:
    print(e.message)
""", tmp_path)
    assert "120,000 counts" in out


def test_the_sphinx_directives_table_limit():
    from symcount.errors import UsageError
    from symcount.limits import MAX_PAGE_TABLE
    from symcount.measure.compare import check_table
    check_table({"h": list(range(MAX_PAGE_TABLE))}, 1, MAX_PAGE_TABLE)
    with pytest.raises(UsageError, match="100,000 rows"):
        check_table({"h": list(range(100_000))}, 1, MAX_PAGE_TABLE)


def test_a_template_listing_ten_million_layers_is_refused_before_it_builds_them(tmp_path):
    """`stack.per_layer|list` at --layers 10**7 would build every layer before any output limit."""
    (tmp_path / "t.md.j2").write_text("{{ stack.per_layer|list|length }}\n", encoding="utf-8")
    code, out, err = run("cell", "lstm", "--layers", str(10**7), "--format", "markdown", "--template", "t.md.j2",
                         cwd=tmp_path)
    assert code == 2 and out == "" and "use stack.groups" in err and "Traceback" not in err
    code, out, err = run("cell", "lstm", "--layers", "3", "--format", "markdown", "--template", "t.md.j2", cwd=tmp_path)
    assert (code, out) == (0, "3\n"), err
