"""The fast path: shipped summaries for built-in cells, the user cache, sweeps. Nothing here is timed
(benchmarks/ measures speed); these tests check that cached answers are the fresh answers."""
from __future__ import annotations

import json
import os

import pytest

import symcount
from symcount import api, cells
from symcount.result import cache
from symcount.measure import poly
from symcount.cli import main
from tests.oracles import require

OPTIONS = [[], ["--layers", "3"], ["--bidirectional", "--layers", "2"], ["--no-bias"],
           ["--set", "d_x=512", "--set", "d_h=256"], ["--set", "d_h=7"]]


def cli(argv, capsys) -> tuple[int, str, str]:
    code = main(argv)
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def cache_dir(tmp_path, monkeypatch):
    d = tmp_path / "cache"
    monkeypatch.setenv("SYMCOUNT_CACHE_DIR", str(d))
    return d


@pytest.mark.parametrize("fmt", ["text", "json"])
@pytest.mark.parametrize("options", OPTIONS, ids=lambda o: " ".join(o) or "plain")
def test_cache_hit_is_byte_identical_to_fresh(lstm_path, cache_dir, capsys, fmt, options):
    argv = ["derive", str(lstm_path), "--format", fmt] + options
    fresh = cli(argv + ["--no-cache"], capsys)
    first = cli(argv, capsys)          # derives and stores
    assert list(cache_dir.rglob("*.json")), "nothing was cached"
    hit = cli(argv, capsys)            # reads the cache
    assert fresh == first == hit
    assert fresh[0] == 0


@pytest.mark.parametrize("name", symcount.cell_names())
def test_shipped_summaries_are_current(name):
    """cells/summaries/ is up to date: regenerate it with `python -m symcount.shipped`."""
    for convention in cells.conventions(name):
        info = cells.load(name, convention)
        for bias in (True, False):
            shipped = cache.shipped(info.filename, info.text, bias)
            assert shipped is not None, "stale cells/summaries/: run `python -m symcount.shipped`"
            fresh = api.summarize(symcount.cell(name, convention=convention, bias=bias), explain=True)
            assert shipped == fresh


@pytest.mark.parametrize("argv", [
    ["cell", "lstm", "--set", "d=2048", "--set", "h=2048", "--layers", "2", "--bidirectional"],
    ["cell", "gru", "--convention", "keras", "--no-bias", "--layers", "3"],
    ["cell", "lstmp", "--bidirectional", "--layers", "2", "--set", "p=3"],
])
@pytest.mark.parametrize("fmt", ["text", "json"])
def test_builtin_cells_shipped_equal_fresh(argv, fmt, cache_dir, capsys):
    full = argv + ["--format", fmt]
    assert cli(full, capsys) == cli(full + ["--no-cache"], capsys)
    assert not list(cache_dir.rglob("*.json")), "a current shipped summary needs no user cache"


def _entry(cache_dir):
    files = list(cache_dir.rglob("*.json"))
    assert len(files) == 1
    return files[0]


def _sign(path, entry) -> None:
    """Write an entry as symcount would, with a right HMAC: what only the user's own symcount can do."""
    import hashlib
    import hmac
    payload = json.dumps(entry).encode()
    mac = hmac.new(cache._secret(), payload, hashlib.sha256).hexdigest().encode()
    path.write_bytes(cache._MAGIC + mac + b"\n" + payload)


def _unsigned(path):
    data = path.read_bytes()
    return json.loads(data.split(b"\n", 2)[2])


@pytest.mark.parametrize("damage", ["truncate", "garbage", "tamper-value", "tamper-rechecksummed", "signed-malformed",
                                    "wrong-key", "wrong-format", "missing-field", "deep-json", "unknown-parameter"])
def test_damaged_entries_are_detected_and_rebuilt(lstm_path, cache_dir, capsys, damage):
    argv = ["derive", str(lstm_path), "--format", "json", "--set", "d_x=512", "--set", "d_h=256"]
    good = cli(argv, capsys)
    path = _entry(cache_dir)
    entry = _unsigned(path)
    if damage == "truncate":
        path.write_bytes(path.read_bytes()[:100])
    elif damage == "garbage":
        path.write_bytes(b"\x00\xff not json")
    elif damage == "tamper-value":  # a changed summary no longer matches its HMAC
        entry["summary"]["cell_poly"] = [[1, []]]
        data = path.read_bytes().split(b"\n", 2)
        path.write_bytes(b"\n".join(data[:2] + [json.dumps(entry).encode()]))
    elif damage == "tamper-rechecksummed":  # edited, with a plain checksum recomputed: not the HMAC
        import hashlib
        entry["summary"]["cell_poly"] = [[1, []]]
        payload = json.dumps(entry).encode()
        path.write_bytes(cache._MAGIC + hashlib.sha256(payload).hexdigest().encode() + b"\n" + payload)
    elif damage == "signed-malformed":  # a right HMAC (a bug, an old version), but a malformed summary
        entry["summary"]["cell_poly"] = [["1", []]]
        _sign(path, entry)
    elif damage == "wrong-key":
        entry["key"] = "0" * 64
        _sign(path, entry)
    elif damage == "wrong-format":
        entry["summary"]["format"] = 999
        _sign(path, entry)
    elif damage == "missing-field":
        del entry["summary"]["parameters"][0]["shape"]
        _sign(path, entry)
    elif damage == "unknown-parameter":
        entry["summary"]["equations"][0]["parameters"].append("W_{nowhere}")
        _sign(path, entry)
    elif damage == "deep-json":  # a decoder's recursion limit
        payload = b"[" * 200_000
        import hashlib
        import hmac
        path.write_bytes(cache._MAGIC + hmac.new(cache._secret(), payload, hashlib.sha256).hexdigest().encode()
                         + b"\n" + payload)
    assert cache.load(path.stem) is None
    assert cli(argv, capsys) == good         # rebuilt, not used
    assert cache.load(path.stem) is not None  # and stored again


def test_a_stale_engine_misses(lstm_path, cache_dir, capsys, monkeypatch):
    argv = ["derive", str(lstm_path), "--format", "json"]
    good = cli(argv, capsys)
    monkeypatch.setattr(cache, "_fingerprint", "another engine")
    assert api.summary_for(api.Request("derive", str(lstm_path), lstm_path.read_text())) is not None
    assert len(list(cache_dir.rglob("*.json"))) == 2  # a new key, the old entry unused
    assert cli(argv, capsys) == good


def test_a_stale_shipped_summary_is_not_used(monkeypatch):
    info = cells.load("lstm")
    assert cache.shipped(info.filename, info.text, True) is not None
    assert cache.shipped(info.filename, info.text + "% edited\n", True) is None
    monkeypatch.setattr(cache, "_fingerprint", "another engine")
    assert cache.shipped(info.filename, info.text, True) is None


def test_unwritable_cache_still_works(lstm_path, tmp_path, monkeypatch, capsys):
    blocker = tmp_path / "a-file"
    blocker.write_text("not a directory")
    monkeypatch.setenv("SYMCOUNT_CACHE_DIR", str(blocker / "cache"))  # cannot be created, even as root
    argv = ["derive", str(lstm_path), "--format", "json"]
    first, second = cli(argv, capsys), cli(argv, capsys)
    assert first == second and first[0] == 0 and first[2] == ""


def test_missing_cache_directory_is_created(lstm_path, tmp_path, monkeypatch, capsys):
    target = tmp_path / "deep" / "er" / "cache"
    monkeypatch.setenv("SYMCOUNT_CACHE_DIR", str(target))
    assert cli(["derive", str(lstm_path)], capsys)[0] == 0
    assert list(target.rglob("*.json"))


def test_read_only_cache_directory(lstm_path, tmp_path, monkeypatch, capsys):
    d = tmp_path / "ro"
    d.mkdir()
    os.chmod(d, 0o500)
    monkeypatch.setenv("SYMCOUNT_CACHE_DIR", str(d))
    try:
        assert cli(["derive", str(lstm_path)], capsys)[0] == 0
    finally:
        os.chmod(d, 0o700)


def test_evaluate_many_equals_evaluate(lstm_tex):
    np = require("numpy")
    d = symcount.derive(lstm_tex, layers=2, bidirectional=True)
    dx = np.arange(1, 2001)
    dh = np.arange(2000, 0, -1)
    many = d.evaluate_many(d_x=dx, d_h=dh)
    assert many.dtype == np.int64
    assert [int(x) for x in many[::97]] == [d.evaluate(d_x=int(a), d_h=int(b)) for a, b in zip(dx[::97], dh[::97])]


def test_evaluate_many_stays_exact_beyond_int64(lstm_tex):
    require("numpy")
    d = symcount.derive(lstm_tex)
    huge = 10**12
    many = d.evaluate_many(d_x=[huge, 3], d_h=huge)
    assert many.dtype == object
    assert list(many) == [d.evaluate(d_x=huge, d_h=huge), d.evaluate(d_x=3, d_h=huge)]


def test_evaluate_many_without_numpy_gives_lists(lstm_tex):
    d = symcount.derive(lstm_tex)
    p = api.view(d).total
    assert poly._evaluate_lists(p, {"d_x": [1, 2], "d_h": 3}) == [d.evaluate(d_x=1, d_h=3), d.evaluate(d_x=2, d_h=3)]


def test_cli_sweep_table(capsys):
    code, out, _ = cli(["cell", "lstm", "--set", "d=512", "--set", "h=128:512:128", "--format", "json",
                        "--layers", "2", "--bidirectional"], capsys)
    assert code == 0
    rows = json.loads(out)["sweep"]
    assert [r["bindings"]["h"] for r in rows] == [128, 256, 384, 512]  # STOP included
    d = symcount.cell("lstm", layers=2, bidirectional=True)
    assert [r["value"] for r in rows] == [d.evaluate(d=512, h=h) for h in (128, 256, 384, 512)]
    code, out, _ = cli(["cell", "lstm", "--set", "d=256,512", "--set", "h=256", "--format", "markdown"], capsys)
    assert code == 0 and "| 512 | 788,480 |" in out


@pytest.mark.parametrize("value, message", [
    ("h=5:1", "is empty"), ("h=1:9:0", "is empty"), ("h=1:2:3:4", "START:STOP"), ("h=a,b", "whole number"),
    ("h=1:1000000", "more than"), ("nope=1,2", "unknown dimension"),
])
def test_cli_sweep_errors(value, message, capsys):
    code, _, err = cli(["cell", "lstm", "--set", value], capsys)
    assert code == 2 and message in err


def test_stacking_errors_are_the_same_from_the_cache(tmp_path, cache_dir, capsys):
    path = tmp_path / "two-states.tex"
    path.write_text(r"$$ s_t = \tanh(W x_t + U s_{t-1} + V q_{t-1}) \\ q_t = s_t $$", encoding="utf-8")
    argv = ["derive", str(path), "--layers", "2"]
    fresh = cli(argv + ["--no-cache"], capsys)
    assert cli([argv[0], argv[1]], capsys)[0] == 0   # one layer: fine, and now cached
    cached = cli(argv, capsys)
    assert fresh == cached
    assert fresh[0] == 2 and "symcount: output h" in fresh[2]


def test_sweep_json_keeps_the_output_contract(capsys):
    code, out, _ = cli(["cell", "lstm", "--set", "d=128,256", "--set", "h=64", "--format", "json"], capsys)
    data = json.loads(out)
    assert code == 0 and {"total", "value", "dims", "parameters", "sweep"} <= set(data)
    assert data["bindings"] == {"h": 64} and [r["bindings"] for r in data["sweep"]] == [{"d": 128}, {"d": 256}]


def test_sweep_tables_for_papers(tmp_path, capsys):
    from tests.helpers_render import katex_errors, markdown_math_spans, pdflatex_compile
    code, md, _ = cli(["cell", "gru", "--set", "d=128", "--set", "h=64:128:64", "--format", "markdown"], capsys)
    assert code == 0 and md.startswith("Parameters of gru (pytorch), at $d = 128$: $N = 3 d h + 3 h^{2} + 6 h$.\n\n")
    assert "`" not in md  # no formula shown as code
    assert katex_errors(markdown_math_spans(md)) == []
    code, tex, _ = cli(["cell", "gru", "--set", "h=64:128:64", "--format", "latex", "--standalone"], capsys)
    assert code == 0 and "$192 d + 12672$" in tex and "\\toprule" in tex  # d unbound: the formula in d, as math
    pdflatex_compile(tex, tmp_path)


def test_sweep_sizes_are_checked(tmp_path, capsys):
    path = tmp_path / "hd.tex"
    path.write_text(r"$W \in \mathbb{R}^{(h-d) \times d}$ $$ h_t = \tanh(W x_t) $$", encoding="utf-8")
    code, _, err = cli(["derive", str(path), "--set", "d=5", "--set", "h=4:8"], capsys)
    assert code == 2 and "the number of rows of W would be -1" in err


def test_the_shipped_parser_tables_are_current(tmp_path):
    """grammars/latex.lark.cache is up to date (else every run rebuilds the LALR tables, ~0.1 s):
    regenerate it with `python -m symcount.shipped`."""
    from symcount.read import grammar
    from symcount.read.build import Build
    with open(grammar.GRAMMAR_CACHE, "rb") as f:
        stamp = f.read(len(grammar.stamp()))
    assert stamp == grammar.stamp(), "stale grammars/latex.lark.cache: run `python -m symcount.shipped`"
    fresh = tmp_path / "tables"
    fresh.write_bytes(grammar.tables())
    loaded = grammar.load(Build(), str(fresh))
    built = grammar.load(Build(), None)  # lark's tables, exported anew
    assert loaded.lexer.re.codes and not built.lexer.re.codes  # the file's tables, with their compiled patterns
    text = r"h_t = \tanh(W x_t + U h_{t-1} + b) \\ x_t \in \mathbb{R}^d"
    assert repr(loaded.parse(text, "start")) == repr(built.parse(text, "start"))

def test_an_edit_to_the_reader_is_never_served_a_summary_an_older_reader_made(monkeypatch):
    """The user's cache is keyed on the engine's files (their sizes and times): a checkout edited in
    place derives afresh."""
    req = api.Request("derive", "x.tex", "$$ h_t = \\tanh(W x_t + U h_{t-1}) $$")
    before = cache.key(req)
    monkeypatch.setattr(cache, "_engine", None)
    real_stat = os.stat

    def touched(path, *a, **k):
        st = real_stat(path, *a, **k)
        if str(path).endswith(os.path.join("read", "readings.py")):
            return os.stat_result((st.st_mode, st.st_ino, st.st_dev, st.st_nlink, st.st_uid, st.st_gid,
                                   st.st_size + 1, int(st.st_atime), int(st.st_mtime), int(st.st_ctime)))
        return st
    monkeypatch.setattr(os, "stat", touched)
    assert cache.key(req) != before


def _package_files(root) -> dict:
    """Every file of a package copy: (bytes, inode, mtime) by path."""
    out = {}
    for path in sorted(root.rglob("*")):
        if path.is_file() and "__pycache__" not in path.parts:
            st = path.stat()
            out[str(path.relative_to(root))] = (path.read_bytes(), st.st_ino, st.st_mtime_ns)
    return out


def test_shipped_changes_nothing_when_nothing_changed(tmp_path):
    """`python -m symcount.shipped` in a copy of the package: a summary removed is written back (and
    only it); run again, no file's bytes, inode or mtime change."""
    import shutil
    import subprocess
    import sys
    from tests.conftest import ROOT
    copy = tmp_path / "pkg"
    shutil.copytree(ROOT / "symcount", copy / "symcount", ignore=shutil.ignore_patterns("__pycache__"))
    summaries = copy / "symcount" / "cells" / "summaries"
    removed = sorted(summaries.iterdir())[0]
    removed.unlink()
    env = {**os.environ, "PYTHONPATH": str(copy), "SYMCOUNT_CACHE_DIR": str(tmp_path / "cache")}
    run = [sys.executable, "-m", "symcount.shipped"]
    first = subprocess.run(run, cwd=copy, env=env, capture_output=True, text=True)
    assert first.returncode == 0, first.stderr
    assert removed.exists() and first.stdout.startswith("parser tables unchanged; 1 summary written")
    before = _package_files(copy)
    second = subprocess.run(run, cwd=copy, env=env, capture_output=True, text=True)
    assert second.returncode == 0, second.stderr
    assert second.stdout.startswith("parser tables unchanged; 0 summaries written"), second.stdout
    assert _package_files(copy) == before
    assert removed.read_bytes() == (ROOT / "symcount" / "cells" / "summaries" / removed.name).read_bytes()


def test_the_scanner_patterns_kept_with_the_tables_are_res_own(tmp_path):
    """The compiled patterns kept after the tables are re's own compiled form of each (a Pattern
    compares equal when its pattern, flags and compiled code are), and the loaded lexer uses them."""
    import _sre
    import re
    from symcount.read import grammar
    from symcount.read.build import Build
    fresh = tmp_path / "tables"
    fresh.write_bytes(grammar.tables())
    regexes = grammar.load(Build(), str(fresh)).lexer.re
    assert len(regexes.codes) > 10 and regexes.made  # the scanner was built from them
    for (pattern, flags), code in regexes.codes.items():
        assert _sre.compile(pattern, *code) == re.compile(pattern, flags)
    from symcount.read import patterns
    assert patterns.codes(b"not marshal") == {}
