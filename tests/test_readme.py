"""The README stays true: its console examples are run and compared, its Python example runs."""
from __future__ import annotations

import re
import subprocess
import sys

from tests.conftest import ROOT

README = (ROOT / "README.md").read_text(encoding="utf-8")


def test_python_example_runs():
    code = next(b for b in re.findall(r"```python\n(.*?)```", README, flags=re.S) if "symcount.derive(" in b)
    r = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True)
    assert r.returncode == 0, r.stderr
    assert "3153920" in r.stdout and "8*d_h*(4*d_h + d_x + 4)" in r.stdout


def test_quick_start_commands_are_the_ci_ones():
    assert "pip install -e . && symcount derive examples/lstm.tex" in README
    assert "pip install -e '.[test]' && python -m pytest -q" in README
    assert "python -m pytest -q" in (ROOT / ".ci" / "run").read_text()


def test_compare_and_match_example_prints_what_its_comments_say():
    code = next(b for b in re.findall(r"```python\n(.*?)```", README, flags=re.S) if "symcount.compare(" in b)
    assert "symcount.compare(" in code and "symcount.match(" in code
    r = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True)
    assert r.returncode == 0, r.stderr
    expected = [line.split("# ", 1)[1] for line in code.splitlines() if line.startswith("print(")]
    assert r.stdout.splitlines() == [e.split(",", 1)[0] if e.endswith("exact Fraction") else e for e in expected]


# ---- every block of README.md and docs/*.md ------------------------------------------------------------
# A console block's `$ ` lines are run and, where the block shows output, that output is compared; an
# sh block's lines are run (exit 0); a python block is run whole. Each runs from the root of a fresh
# copy of the repository (commands write files), with `symcount` and `python` this checkout's. A block
# that cannot run says so just above it: <!-- not run: REASON -->. Other blocks (equations, templates,
# outputs) hold no command.
import os
import shutil
from dataclasses import dataclass

import pytest

DOCS = [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]
FENCE = re.compile(r"(?:<!--\s*(?P<mark>[^>]*?)\s*-->\n)?^```(?P<lang>[\w-]*)\n(?P<body>.*?)^```\n", re.S | re.M)
RUN = ("console", "sh", "python")
COMMAND = re.compile(r"^(\$ |symcount (derive|cell|compare|match|docs|list|torch|check|show) |python |pip |import "
                     r"|from \w+ import )", re.M)


@dataclass(frozen=True)
class Block:
    where: str         # README.md:54
    lang: str
    body: str
    mark: str          # the HTML comment just above the fence, if any

    @property
    def not_run(self) -> str | None:
        return self.mark.split(":", 1)[1].strip() if self.mark.startswith("not run:") else None


def doc_blocks() -> list[Block]:
    out = []
    for path in DOCS:
        text = path.read_text(encoding="utf-8")
        for m in FENCE.finditer(text):
            line = text.count("\n", 0, m.start("lang")) + 1
            lang = {"py": "python", "shell": "sh", "bash": "sh"}.get(m.group("lang"), m.group("lang"))
            out.append(Block(f"{path.relative_to(ROOT)}:{line}", lang, m.group("body"), m.group("mark") or ""))
    return out


BLOCKS = doc_blocks()
RUNNABLE = [b for b in BLOCKS if b.lang in RUN and b.not_run is None]


def test_every_command_block_runs_or_says_why():
    assert len(RUNNABLE) >= 15
    skipped = [b for b in BLOCKS if b.not_run is not None]
    assert len(skipped) <= 6, [b.where for b in skipped]
    for b in skipped:
        assert len(b.not_run) >= 10, f"{b.where}: a block not run says why"
    for b in BLOCKS:
        if b.lang not in RUN and b.not_run is None and not b.mark.startswith("synopsis:"):  # an equation, a template, an output: no command in it
            assert not COMMAND.search(b.body), f"{b.where}: a {b.lang or 'plain'} block with a command; " \
                                               "fence it as console, sh or python, or mark it <!-- not run: ... -->"


@pytest.fixture()
def repo_copy(tmp_path):
    """A copy of the repository's files (not .git, not caches) and a bin/ whose symcount and python are
    this checkout's."""
    copy = tmp_path / "repo"
    ignore = shutil.ignore_patterns(".git", "__pycache__", "node_modules", "*.egg-info", "site", ".pytest_cache")
    shutil.copytree(ROOT, copy, ignore=ignore, symlinks=True)
    bin_ = tmp_path / "bin"
    bin_.mkdir()
    for name, run in (("symcount", f'"{sys.executable}" -m symcount'), ("python", f'"{sys.executable}"')):
        (bin_ / name).write_text(f'#!/bin/sh\nexec {run} "$@"\n')
        (bin_ / name).chmod(0o755)
    env = {"PATH": f"{bin_}:{os.environ.get('PATH', '/usr/bin:/bin')}", "PYTHONPATH": str(copy),
           "SYMCOUNT_CACHE_DIR": str(tmp_path / "cache"), "HOME": str(tmp_path), "LC_ALL": "C.UTF-8",
           "MPLBACKEND": "Agg"}
    return copy, env


def _needs(b: Block) -> None:
    if "torch" in b.body:
        pytest.importorskip("torch")


def console_commands(body: str) -> list[tuple[str, str]]:
    """(command, the output the block shows after it) for each `$ ` line."""
    out: list[tuple[str, list[str]]] = []
    for line in body.splitlines(keepends=True):
        if line.startswith("$ "):
            out.append((line[2:].rstrip("\n"), []))
        else:
            assert out, f"output before any command: {line!r}"
            out[-1][1].append(line)
    return [(c, "".join(lines)) for c, lines in out]


def _run(command: str, copy, env) -> subprocess.CompletedProcess:
    return subprocess.run(command, shell=True, capture_output=True, text=True, cwd=copy, env=env,
                          executable="/bin/sh")


@pytest.mark.parametrize("block", [b for b in RUNNABLE if b.lang == "console"], ids=lambda b: b.where)
def test_console_block(block, repo_copy):
    _needs(block)
    copy, env = repo_copy
    for command, shown in console_commands(block.body):
        r = _run(command, copy, env)
        printed = (r.stdout + r.stderr).replace(str(copy), ".")
        if shown:
            assert printed == shown, f"{block.where}: {command}"
        else:
            assert r.returncode == 0, f"{block.where}: {command}\n{printed}"


@pytest.mark.parametrize("block", [b for b in RUNNABLE if b.lang == "sh"], ids=lambda b: b.where)
def test_sh_block(block, repo_copy):
    _needs(block)
    copy, env = repo_copy
    for command in block.body.replace("\\\n", " ").splitlines():
        command = command.split("  #", 1)[0].strip()
        if command and not command.startswith("#"):
            r = _run(command, copy, env)
            assert r.returncode == 0, f"{block.where}: {command}\n{r.stdout}{r.stderr}"


@pytest.mark.parametrize("block", [b for b in RUNNABLE if b.lang == "python"], ids=lambda b: b.where)
def test_python_block(block, repo_copy):
    _needs(block)
    copy, env = repo_copy
    r = subprocess.run([sys.executable, "-c", block.body], capture_output=True, text=True, cwd=copy, env=env)
    assert r.returncode == 0, f"{block.where}\n{r.stderr}"


def test_the_synopsis_is_what_each_command_takes():
    """The Command line section's synopsis names every command, and for each exactly the options its
    --help lists (those of the command it refers to with "the options of"), with their choices."""
    from symcount.cli import build_parser
    block = next(b for b in BLOCKS if b.mark.startswith("synopsis:"))
    synopsis: dict[str, str] = {}
    for line in block.body.splitlines():
        if line.startswith("symcount "):
            name = line.split()[1]
            synopsis[name] = line
        else:
            synopsis[name] += " " + line.strip()
    commands = build_parser().commands
    assert set(synopsis) == set(commands)
    for name, text in synopsis.items():
        refer = re.search(r"\[the options of (\w+)\]", text)
        written = set(re.findall(r"--[a-z][a-z-]*", text + (synopsis[refer.group(1)] if refer else "")))
        actions = [a for a in commands[name]._actions if a.option_strings and a.option_strings[-1] != "--help"]
        assert written == {a.option_strings[-1] for a in actions}, name
        for a in actions:
            if a.choices is not None:
                shown = re.search(re.escape(a.option_strings[-1]) + r" \[?([\w|-]+)", text + (synopsis[refer.group(1)] if refer else ""))
                assert shown and set(shown.group(1).split("|")) == {str(c) for c in a.choices}, (name, a.option_strings)
