"""A dependency that cannot be imported is reported as the installation's problem, with the command
that fixes it (exit 2), never as "internal error ... a bug in symcount"."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from symcount.errors import dependency_problem as _dependency_problem

ROOT = Path(__file__).resolve().parent.parent


def without_site_packages(argv: list[str]) -> subprocess.CompletedProcess:
    """The command line in a Python that has the standard library and symcount, and nothing else
    (python -S: no site-packages, as after `pip install --no-deps`)."""
    code = f"import sys; sys.path.insert(0, {str(ROOT)!r}); from symcount.cli import main; sys.exit(main({argv!r}))"
    return subprocess.run([sys.executable, "-S", "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=900)


@pytest.mark.parametrize("argv, module", [
    (["cell", "lstm", "--format", "markdown"], "jinja2"),             # the explanation needs the templates
])
def test_a_missing_dependency_is_named_with_its_install_command(argv, module):
    proc = without_site_packages(argv)
    assert proc.returncode == 2
    assert proc.stderr == f"symcount: missing dependency: No module named '{module}'; install it: pip install {module}\n"


def test_reading_a_file_needs_no_lark_while_the_shipped_tables_are_current():
    """lark builds the parser's tables when the grammar changes; the shipped ones are read without it."""
    proc = without_site_packages(["derive", "examples/lstm.tex", "--no-cache"])
    assert proc.returncode == 0 and "factored: 4*d_h*(d_h + d_x + 2)" in proc.stdout, proc.stderr


def test_what_needs_no_dependency_still_works_without_them():
    proc = without_site_packages(["cell", "lstm", "--set", "d=512", "--set", "h=256", "--layers", "2",
                                  "--bidirectional", "--format", "json"])
    assert proc.returncode == 0 and '"value": 3153920' in proc.stdout


@pytest.mark.parametrize("exc, message", [
    (ModuleNotFoundError("No module named 'lark'", name="lark"),
     "missing dependency: No module named 'lark'; install it: pip install lark"),
    (ModuleNotFoundError("No module named 'PIL'", name="PIL"),
     "missing dependency: No module named 'PIL'; install it: pip install pillow"),
    (ModuleNotFoundError("No module named 'sympy.core'", name="sympy.core"),
     "broken dependency: No module named 'sympy.core'; reinstall it: pip install --upgrade --force-reinstall sympy"),
    (ImportError("cannot import name 'Lark' from 'lark'", name="lark"),
     "broken dependency: cannot import name 'Lark' from 'lark'; reinstall it: pip install --upgrade "
     "--force-reinstall lark"),
    (ModuleNotFoundError("No module named 'symcount.nothing'", name="symcount.nothing"), None),  # a bug of ours
    (ImportError("something"), None),
    (ValueError("lark"), None),
])
def test_dependency_problems(exc, message):
    assert _dependency_problem(exc) == message
