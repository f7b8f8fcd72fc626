"""Checks for rendered output: math in Markdown must render with KaTeX, LaTeX must compile.

Like the framework oracles, a missing tool (node and tests/js/node_modules, pdflatex) skips the test
on a developer's machine and fails it in CI. `.ci/run` installs both.
"""

import json
import os
import re
import shutil
import subprocess
from pathlib import Path

from tests.oracles import missing

JS_DIR = Path(__file__).parent / "js"
KATEX_CHECK = JS_DIR / "katex_check.js"
TIMEOUT_S = 900  # a guard against a hang, not a time budget

_FENCE = re.compile(r"^ {0,3}(`{3,}|~{3,})")


def katex_errors(spans: list[tuple[str, bool]]) -> list[str]:
    """Render each (tex, display) span with KaTeX; return one message per span that fails."""
    if not spans:
        return []
    node = shutil.which("node")
    if node is None:
        missing("node", "no `node` on PATH")
    if not (JS_DIR / "node_modules" / "katex").is_dir():
        missing("katex", f"{JS_DIR / 'node_modules'} has no katex (run `npm ci` in {JS_DIR})")
    request = json.dumps([{"tex": tex, "display": display} for tex, display in spans])
    proc = subprocess.run(
        [node, str(KATEX_CHECK)], input=request, capture_output=True, text=True, timeout=TIMEOUT_S
    )
    if proc.returncode not in (0, 1):
        raise RuntimeError(f"katex_check.js exited {proc.returncode}: {proc.stderr.strip()}")
    results = json.loads(proc.stdout)
    if len(results) != len(spans):
        raise RuntimeError(f"katex_check.js answered {len(results)} results for {len(spans)} spans")
    return [
        f"{'$$' if display else '$'}{tex}{'$$' if display else '$'}: {result['error']}"
        for (tex, display), result in zip(spans, results)
        if not result["ok"]
    ]


def markdown_math_spans(md: str) -> list[tuple[str, bool]]:
    """The math in Markdown, in order: `$$...$$` as (tex, True), `$...$` as (tex, False).

    Code fences and inline code are skipped; `\\$` is a literal dollar. An unclosed `$` or `$$`
    raises ValueError, since a Markdown viewer would show it as broken math.
    """
    text = _blank_code_fences(md)
    spans: list[tuple[str, bool]] = []
    i = 0
    while i < len(text):
        char = text[i]
        if char == "\\":
            i += 2
        elif char == "`":
            i = _skip_inline_code(text, i)
        elif char == "$":
            display = text.startswith("$$", i)
            delimiter = "$$" if display else "$"
            start = i + len(delimiter)
            end = _find_closing(text, start, delimiter)
            if end < 0:
                line = text.count("\n", 0, i) + 1
                raise ValueError(f"unclosed {delimiter} at line {line}: {text[i:i + 40]!r}")
            spans.append((text[start:end].strip(), display))
            i = end + len(delimiter)
        else:
            i += 1
    return spans


def _blank_code_fences(md: str) -> str:
    """Replace every line of a fenced code block by an empty line (line numbers stay right)."""
    lines = md.split("\n")
    fence = None
    for n, line in enumerate(lines):
        match = _FENCE.match(line)
        if fence is None:
            if match:
                fence = match.group(1)
                lines[n] = ""
        else:
            if match and match.group(1)[0] == fence[0] and len(match.group(1)) >= len(fence):
                if not line.strip().strip(fence[0]):
                    fence = None
            lines[n] = ""
    return "\n".join(lines)


def _skip_inline_code(text: str, i: int) -> int:
    """Index after the code span opened by the backtick run at i (or after the run if unclosed)."""
    run = len(text[i:]) - len(text[i:].lstrip("`"))
    ticks = "`" * run
    j = i + run
    while True:
        j = text.find(ticks, j)
        if j < 0:
            return i + run
        after = j + run
        if text.startswith("`", after):  # a longer run does not close this span
            j = after + len(text[after:]) - len(text[after:].lstrip("`"))
            continue
        return after


def _find_closing(text: str, start: int, delimiter: str) -> int:
    """Index of the `delimiter` closing math that starts at `start`, skipping `\\x` escapes; -1 if none.

    Inline math does not run past a blank line (the end of a paragraph).
    """
    j = start
    while j < len(text):
        if text[j] == "\\":
            j += 2
        elif text.startswith(delimiter, j):
            return j
        elif delimiter == "$" and text.startswith("\n\n", j):
            return -1
        else:
            j += 1
    return -1


def pdflatex_compile(tex_source: str, tmp_path: os.PathLike | str) -> None:
    """Compile `tex_source` as main.tex in tmp_path; raise AssertionError with the log's tail on failure."""
    pdflatex = shutil.which("pdflatex")
    if pdflatex is None:
        missing("pdflatex", "no `pdflatex` on PATH (Debian package texlive-latex-base)")
    workdir = Path(tmp_path)
    (workdir / "main.tex").write_text(tex_source, encoding="utf-8")
    command = [pdflatex, "-halt-on-error", "-interaction=nonstopmode", "-no-shell-escape", "main.tex"]
    try:
        proc = subprocess.run(
            command, cwd=workdir, stdin=subprocess.DEVNULL, capture_output=True, timeout=TIMEOUT_S
        )
    except subprocess.TimeoutExpired:
        raise AssertionError(f"pdflatex took more than {TIMEOUT_S} s\n{_log_tail(workdir)}") from None
    if proc.returncode != 0 or not (workdir / "main.pdf").is_file():
        raise AssertionError(f"pdflatex exited {proc.returncode}\n{_log_tail(workdir)}")


def _log_tail(workdir: Path, lines: int = 40) -> str:
    """The end of main.log, starting at the first error (a line that starts with "!") if there is one."""
    log = workdir / "main.log"
    if not log.is_file():
        return "(no main.log)"
    log_lines = log.read_text(encoding="utf-8", errors="replace").splitlines()
    first_error = next((n for n, line in enumerate(log_lines) if line.startswith("!")), None)
    if first_error is None:
        return "\n".join(log_lines[-lines:])
    return "\n".join(log_lines[first_error : first_error + lines])
