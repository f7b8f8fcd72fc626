"""The README stays true: its console examples are run and compared, its Python example runs."""
from __future__ import annotations

import re
import subprocess
import sys

from tests.conftest import ROOT

README = (ROOT / "README.md").read_text(encoding="utf-8")


def console_blocks() -> list[tuple[str, str]]:
    out = []
    for block in re.findall(r"```console\n(.*?)```", README, flags=re.S):
        first, _, rest = block.partition("\n")
        assert first.startswith("$ ")
        out.append((first[2:], rest))
    return out


def test_console_examples_print_what_the_readme_says(tmp_path):
    blocks = console_blocks()
    assert len(blocks) >= 2
    for command, expected in blocks:
        command = command.replace("symcount ", f"{sys.executable} -m symcount ", 1) if command.startswith("symcount ") \
            else command.replace("| symcount ", f"| {sys.executable} -m symcount ")
        r = subprocess.run(command, shell=True, capture_output=True, text=True, cwd=ROOT,
                           env={"SYMCOUNT_CACHE_DIR": str(tmp_path), "PATH": "/usr/bin:/bin"})
        assert r.stdout + r.stderr == expected, command


def test_python_example_runs():
    code = re.search(r"```python\n(.*?)```", README, flags=re.S).group(1)
    r = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True)
    assert r.returncode == 0, r.stderr
    assert "3153920" in r.stdout and "8*d_h*(4*d_h + d_x + 4)" in r.stdout


def test_quick_start_commands_are_the_ci_ones():
    assert "pip install -e . && symcount derive examples/lstm.tex" in README
    assert "pip install -e '.[test]' && python -m pytest -q" in README
    assert "python -m pytest -q" in (ROOT / ".ci" / "run").read_text()


def test_compare_and_match_example_prints_what_its_comments_say():
    code = re.findall(r"```python\n(.*?)```", README, flags=re.S)[1]
    assert "symcount.compare(" in code and "symcount.match(" in code
    r = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True)
    assert r.returncode == 0, r.stderr
    expected = [line.split("# ", 1)[1] for line in code.splitlines() if line.startswith("print(")]
    assert r.stdout.splitlines() == [e.split(",", 1)[0] if e.endswith("exact Fraction") else e for e in expected]
