"""The structure holds: the engine never imports the output side, the paths that do not need sympy
never import it, and the cache's fingerprint covers every module a summary is computed by."""
from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

from symcount import cache

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "symcount"
# the API layer wires the stages and may import both sides; everything else outside output/ is engine
API_LAYER = {"__init__.py", "__main__.py", "api.py", "cli.py", "cache.py", "derivation.py", "sphinx.py"}
ENGINE = sorted(p for p in PACKAGE.rglob("*.py")
                if "output" not in p.relative_to(PACKAGE).parts and p.name not in API_LAYER
                or p.relative_to(PACKAGE).as_posix() == "cells/__init__.py")


def loaded(code: str, stdin: str = "") -> set[str]:
    """The modules a fresh interpreter has loaded after running `code`."""
    probe = code + "\nimport sys, json\nprint(json.dumps(sorted(sys.modules)))"
    out = subprocess.run([sys.executable, "-c", probe], cwd=ROOT, input=stdin, capture_output=True, text=True,
                         check=True).stdout
    return set(json.loads(out.splitlines()[-1]))


@pytest.mark.parametrize("path", ENGINE, ids=lambda p: p.relative_to(PACKAGE).as_posix())
def test_the_engine_never_imports_the_output_side(path):
    text = path.read_text(encoding="utf-8")
    assert not re.search(r"^\s*(from\s+\.+output\b|from\s+symcount\.output\b|import\s+symcount\.output\b)", text, re.M)
    assert not re.search(r"^\s*from\s+\.+\s+import\s+.*\boutput\b", text, re.M)


def test_deriving_loads_no_output_module():
    mods = loaded("import symcount; symcount.derive(open('examples/lstm.tex').read(), layers=2).evaluate(d_x=3, d_h=4)")
    assert not [m for m in mods if m.startswith("symcount.output")]
    assert "sympy" not in mods and "jinja2" not in mods


@pytest.mark.parametrize("argv, stdin", [
    (["derive", "-"], r"$$ h_t = \tanh(W x_t $$"),                                           # a syntax error
    (["derive", "-"], r"$x_t \in \mathbb{R}^d, h_t \in \mathbb{R}^h$ $$ h_t = x_t + h_{t-1} $$"),  # a shape error
    (["derive", "examples/lstm.tex", "--no-cache"], ""),
    (["derive", "examples/lstm.tex", "--format", "markdown", "--no-cache"], ""),
    (["cell", "lstm", "--format", "json"], ""),
    (["cell", "gru", "--format", "markdown", "--layers", "2"], ""),
    (["cell", "lstmp", "--format", "latex", "--standalone", "--set", "h=4:8:2"], ""),
    (["cell", "gru", "--cost", "--format", "markdown", "--set", "T=100", "--layers", "2"], ""),
    (["derive", "examples/lstm.tex", "--cost", "--format", "json", "--no-cache"], ""),
    (["cell", "lstm", "--cost", "--set", "h=4:8:2", "--set", "d=3"], ""),
    (["compare", "lstm", "gru", "examples/lstm.tex", "--set", "d=512", "--set", "h=128:512:128"], ""),
    (["compare", "lstm", "gru", "lstmp", "--set", "h=4,8", "--set", "p=2", "--format", "markdown"], ""),
    (["compare", "lstm", "gru", "--set", "h=4,8", "--format", "latex", "--standalone"], ""),
    (["compare", "lstm", "gru", "--set", "h=4,8", "--set", "d=3", "--format", "csv"], ""),
    (["match", "gru", "--set", "d=512", "--budget", "788480", "--format", "json"], ""),
    (["match", "examples/gru.tex", "--set", "d_x=512", "--to", "lstm", "--set", "d=512", "--set", "h=128:512:128"], ""),
    (["match", "gru", "--set", "d=512", "--budget", "10"], ""),                   # no size meets it
])
def test_the_command_line_never_imports_sympy(argv, stdin, tmp_path):
    code = (f"import os, sys; os.environ['SYMCOUNT_CACHE_DIR'] = {str(tmp_path)!r}\n"
            f"import io\nfrom symcount.cli import main\nsys.stdout = sys.stderr = io.StringIO()\n"
            f"main({argv!r})\nsys.stdout = sys.__stdout__")
    assert "sympy" not in loaded(code, stdin)


def test_the_fingerprint_covers_every_module_a_summary_is_computed_by():
    code = ("import symcount, symcount.api as a; d = symcount.cell('lstm', layers=2); a.summarize(d, explain=True); "
            "a.render(d, 'markdown'); symcount.derive(open('examples/gru.tex').read())")
    used = {m for m in loaded(code) if m.startswith("symcount")}
    files = set(cache.engine_files())
    for module in used:
        rel = module.split(".")[1:]
        path = "/".join(rel) + ".py" if (PACKAGE / ("/".join(rel) + ".py")).is_file() else "/".join(rel + ["__init__.py"])
        assert path in files, f"{module} computes summaries but is not in the cache's fingerprint"
    assert "grammars/latex.lark" in files


def test_the_fingerprint_changes_with_any_engine_file(monkeypatch, tmp_path):
    monkeypatch.setenv("SYMCOUNT_CACHE_DIR", str(tmp_path))
    monkeypatch.setattr(cache, "_fingerprint", None)
    before = cache.fingerprint()
    real_open = open

    def edited(path, mode="r", *a, **k):
        f = real_open(path, mode, *a, **k)
        if str(path).endswith("unify.py") and "b" in mode:
            data = f.read() + b"\n# edited\n"
            f.close()
            import io
            return io.BytesIO(data)
        return f
    monkeypatch.setattr(cache, "_fingerprint", None)
    monkeypatch.setattr("builtins.open", edited)
    (tmp_path / "fingerprint.memo").unlink()  # the memo would answer while no file's time changed
    assert cache.fingerprint() != before


def test_the_pipeline_table_in_the_readme_names_every_module():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    table = readme[readme.index("## How it works"):]
    table = table[:table.index("\n## ", 5)]
    for path in sorted(PACKAGE.rglob("*.py")):
        rel = path.relative_to(PACKAGE).as_posix()
        if path.name == "__main__.py" or rel in ("__init__.py", "output/__init__.py"):
            continue
        assert f"`{rel}`" in table, f"the README's pipeline table (How it works) does not name {rel}"
