"""The structure holds: imports flow down the stages (read → shapes → measure → result → output →
entry points) with no cycle, even through imports inside functions; no module imports another's
private names; modules, functions and classes stay small; the paths that do not need sympy never
import it; and the shipped summaries survive an edit that does not decide them."""
from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

from tests.imports_graph import cycles, edges, graph, modules

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "symcount"
# the entry points wire the stages and may import every side; everything else outside output/ is engine
ENTRY_POINTS = {"__init__.py", "__main__.py", "api.py", "cli.py", "sphinx.py", "shipped.py", "counters.py"}
ENGINE = sorted(p for p in PACKAGE.rglob("*.py")
                if "output" not in p.relative_to(PACKAGE).parts and p.relative_to(PACKAGE).as_posix() not in ENTRY_POINTS)
# the order of the stages: a module may import its own stage and the ones before it, never a later one
RANK = {"errors": 0, "limits": 0, "version": 0, "cells": 1, "read": 1, "shapes": 2, "measure": 3, "result": 4,
        "output": 5, "api": 6, "cli": 7, "sphinx": 7, "shipped": 7, "counters": 7, "__main__": 8, "": 9}
MAX_MODULE_LINES, MAX_FUNCTION_LINES, MAX_CLASS_LINES, MAX_TOP_MODULES = 500, 60, 200, 10


def _stage(module: str) -> str:
    parts = module.split(".")[1:]
    return parts[0] if parts else ""


def test_every_module_has_a_stage():
    assert {_stage(m) for m in modules()} <= set(RANK)


def test_imports_flow_down_the_stages():
    wrong = [f"{m} imports {t}" for m, targets in graph().items() for t in targets
             if RANK[_stage(t)] > RANK[_stage(m)]
             or (RANK[_stage(t)] == RANK[_stage(m)] and _stage(t) != _stage(m) and RANK[_stage(m)] > 0)]
    assert not wrong


def test_no_import_cycle_even_through_imports_inside_functions():
    assert cycles(graph()) == []


def test_the_cycle_finder_finds_cycles():
    assert cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [["a", "b", "c"]]
    assert cycles({"a": {"b"}, "b": set()}) == []


def test_no_module_imports_another_modules_private_names():
    private = [f"{m} imports {n} from {t}" for m, found in edges().items() for t, n in found
               if n.startswith("_") and not n.startswith("__")]
    assert not private


def _units(path: Path):
    import ast
    tree = ast.parse(path.read_text(encoding="utf-8"))
    for node in ast.walk(tree):
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
            yield node, node.end_lineno - node.lineno + 1


@pytest.mark.parametrize("path", sorted(PACKAGE.rglob("*.py")), ids=lambda p: p.relative_to(PACKAGE).as_posix())
def test_units_are_small(path):
    lines = len(path.read_text(encoding="utf-8").splitlines())
    assert lines <= MAX_MODULE_LINES, f"{lines} lines"
    for node, n in _units(path):
        limit = MAX_CLASS_LINES if node.__class__.__name__ == "ClassDef" else MAX_FUNCTION_LINES
        assert n <= limit, f"{node.name} has {n} lines (at most {limit})"


@pytest.mark.parametrize("path", sorted(PACKAGE.rglob("*.py")), ids=lambda p: p.relative_to(PACKAGE).as_posix())
def test_no_module_binds_a_top_level_name_twice(path):
    """A second `_PATTERN = ...` further down a module silently replaces the first for every use above it."""
    import ast
    seen: dict[str, int] = {}
    for node in ast.parse(path.read_text(encoding="utf-8")).body:
        targets = node.targets if isinstance(node, ast.Assign) else [node] if isinstance(
            node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)) else []
        for t in targets:
            name = t.id if isinstance(t, ast.Name) else getattr(t, "name", None)
            if name is not None and not name.startswith("__"):
                assert name not in seen, f"{name} bound at lines {seen[name]} and {node.lineno}"
                seen[name] = node.lineno


def test_the_package_folder_keeps_only_entry_points():
    top = sorted(p.name for p in PACKAGE.glob("*.py"))
    assert len(top) <= MAX_TOP_MODULES, top


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


def test_an_edit_outside_what_decides_a_summary_leaves_the_shipped_summaries_valid(tmp_path):
    """The cache is keyed on the summary's format, the package's version and the grammar: an edit
    to an output module (or a comment anywhere in the engine) does not make 2.5 MB of shipped
    summaries stale."""
    import shutil
    copy = tmp_path / "symcount"
    shutil.copytree(PACKAGE, copy, ignore=shutil.ignore_patterns("__pycache__"))
    for rel in ("output/plot.py", "shapes/unify.py"):
        with open(copy / rel, "a", encoding="utf-8") as f:
            f.write("\n# an edit\n")
    code = ("import os, sys; from symcount import cells; from symcount.result import cache\n"
            "info = cells.load('lstm', 'pytorch')\n"
            "assert cache.shipped(info.filename, info.text, True) is not None, 'stale'\n"
            "assert os.path.dirname(cells.__file__).startswith(sys.argv[1])\nprint('ok')")
    out = subprocess.run([sys.executable, "-c", code, str(tmp_path)], cwd=tmp_path, capture_output=True, text=True,
                         env={"PATH": "/usr/bin:/bin", "SYMCOUNT_CACHE_DIR": str(tmp_path / "cache")})
    assert out.stdout.strip() == "ok", out.stderr
    grammar = copy / "read" / "grammars" / "latex.lark"
    grammar.write_text(grammar.read_text(encoding="utf-8") + "\n// an edit\n", encoding="utf-8")
    out = subprocess.run([sys.executable, "-c", code, str(tmp_path)], cwd=tmp_path, capture_output=True, text=True,
                         env={"PATH": "/usr/bin:/bin", "SYMCOUNT_CACHE_DIR": str(tmp_path / "cache")})
    assert "stale" in out.stderr, "an edit to the grammar must make the shipped summaries stale"


def test_the_pipeline_table_in_the_readme_names_every_module():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    table = readme[readme.index("## How it works"):]
    table = table[:table.index("\n## ", 5)]
    for path in sorted(PACKAGE.rglob("*.py")):
        rel = path.relative_to(PACKAGE).as_posix()
        if rel == "__init__.py" or (path.name == "__init__.py" and rel != "cells/__init__.py"):
            continue
        assert f"`{rel}`" in table, f"the README's pipeline table (How it works) does not name {rel}"
