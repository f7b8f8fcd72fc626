"""Hostile and huge inputs, whole process: the targets of issue 13 (run by hand:
`python benchmarks/bench_hostile.py [--quick]`). Each scenario is a fresh `python -m symcount ...`
process; the median wall time and the peak resident memory are printed next to the target.

Not a test: timings depend on the machine, so they are reported here and asserted nowhere
(tests/test_hostile.py checks the outputs, 500 MB of memory, and bounds work by counts). The inputs
are written by tests/hostile.py.
"""
from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.hostile import (DIFFERENCE, concatenation, difference, difference_rows, dims, equations, identifier,  # noqa: E402
                           largest, long_sum, nested, nested_functions, parameters, product_chain, run_cli,
                           same_weight_chain)

LSTM = str(ROOT / "examples" / "lstm.tex")

# (label, input generator and size or None, extra arguments, target seconds, target MB)
SCENARIOS = [
    ("1,000 distinct dimensions", (dims, 1000), [], 1.0, None),
    ("5,000 equations (the limit)", (equations, 5_000), [], 5.0, None),
    ("5,000 equations (the limit, markdown)", (equations, 5_000), ["--format", "markdown"], 10.0, None),
    ("a sum of 9,000 terms (text; a row holds 20,000 tokens)", (long_sum, 9_000), [], 2.0, None),
    ("6,000 parameters in one sum (text)", (parameters, 6_000), [], None, None),
    ("6,000 parameters in one sum (markdown)", (parameters, 6_000), ["--format", "markdown"], None, None),
    ("a 1 MB identifier", (identifier, 1_000_000), [], None, 100),
    ("--layers 10**7 (text)", None, ["--layers", str(10**7)], 0.5, None),
    ("--layers 10**7 (markdown)", None, ["--layers", str(10**7), "--format", "markdown"], 0.5, None),
]


# the second audit's reproducers (issue 21): (label, setup(folder) -> arguments); each exits 0 or 2
LSTM_TEXT = (ROOT / "symcount" / "cells" / "lstm.tex").read_text(encoding="utf-8")
NOT_MONOTONE = ("$x_t \\in \\mathbb{R}^{d - n}$, $h_t \\in \\mathbb{R}^{n}$, $W \\in \\mathbb{R}^{n \\times (d - n)}$\n"
                "$$ h_t = \\tanh(W x_t) $$\n")


def _write(folder: Path, name: str, text: str) -> str:
    (folder / name).write_text(text, encoding="utf-8")
    return str(folder / name)


def _twenty(folder: Path) -> list[str]:
    return [_write(folder, f"f{i}.tex", LSTM_TEXT) for i in range(20)]


LONG_ROWS = (parameters, long_sum, product_chain, same_weight_chain, concatenation, nested, nested_functions,
             difference_rows)


def most_in_a_row(make) -> int:
    """The largest n whose make(n) is one row of at most MAX_ROW_TOKENS tokens (by bisection)."""
    from symcount.limits import MAX_ROW_TOKENS
    from symcount.read.extent import tokens
    lo, hi = 1, 4 * MAX_ROW_TOKENS
    while lo < hi:
        mid = (lo + hi + 1) // 2
        lo, hi = (mid, hi) if tokens(make(mid)) <= MAX_ROW_TOKENS else (lo, mid - 1)
    return lo


# the most of each shape one row holds (MAX_ROW_TOKENS)
AT_THE_LIMIT = tuple((make, most_in_a_row(make)) for make in (difference, parameters, long_sum, product_chain,
                                                              same_weight_chain, concatenation, nested, nested_functions))

AUDIT2 = [
    ("4,000 lines that do not parse", lambda f: ["derive", _write(f, "bad.tex", "$$ h_t = = x_t $$\n" * 4000)]),
    ("template: 20 x ('x'*4e6)|max", lambda f: ["cell", "lstm", "--template",
                                                 _write(f, "m.md.j2", '{% set s = "x"*4000000 %}' + "{{ s|max }}" * 20)]),
    ("template: 25,000 empty macros", lambda f: ["cell", "lstm", "--template", _write(
        f, "mac.md.j2", "".join("{%% macro m%d() %%}{%% endmacro %%}" % i for i in range(25000)))]),
    ("template: 1,000 empty macros", lambda f: ["cell", "lstm", "--template", _write(
        f, "mac1k.md.j2", "".join("{%% macro m%d() %%}{%% endmacro %%}" % i for i in range(1000)))]),
    ("match, not monotone, 51 rows", lambda f: ["match", _write(f, "nm.tex", NOT_MONOTONE), "--budget", "10G",
                                                "--set", "d=100000:150000:1000"]),
    ("compare 20 files x 100,000 rows", lambda f: ["compare", *_twenty(f), "--set", "h=1:100000", "--set", "d=3"]),
    ("compare 1 file x 100,000 rows", lambda f: ["compare", "lstm", "--set", "h=1:100000", "--set", "d=3"]),
    ("--bib /dev/zero", lambda f: ["cell", "lstm", "--format", "latex", "--bib", str(_link(f, "zero.bib"))]),
    ("--budget of 5,000 digits", lambda f: ["match", "lstm", "--set", "d=8", "--budget", "9" * 5000]),
    *((f"a difference of {DIFFERENCE:,} terms (1 MiB, {fmt})",
       lambda f, fmt=fmt: ["derive", _write(f, "diff.tex", difference(DIFFERENCE)), "--format", fmt])
      for fmt in ("text", "markdown", "latex")),
    # the same shapes as long as 1 MiB allows (refused by the row or text token limit), and at the row limit
    *((f"{make.__name__} ({largest(make):,}, 1 MiB)", lambda f, make=make: ["derive", _write(
        f, "long.tex", make(largest(make)))]) for make in LONG_ROWS),
    *((f"{make.__name__} ({n:,}, the most a row holds)", lambda f, make=make, n=n: ["derive", _write(
        f, "row.tex", make(n))]) for make, n in AT_THE_LIMIT),
    ("difference (the most a row holds) in markdown", lambda f: ["derive", _write(
        f, "row.tex", difference(most_in_a_row(difference))), "--format", "markdown"]),
    # rows each within the row limit, up to the text's 50,000 tokens
    ("difference (16,000) in four rows (48,017 tokens)", lambda f: ["derive", _write(
        f, "rows.tex", difference_rows(16_000, rows=4))]),
    ("difference (16,000) in four rows, markdown", lambda f: ["derive", _write(
        f, "rows.tex", difference_rows(16_000, rows=4)), "--format", "markdown"]),
]


def _link(folder: Path, name: str) -> Path:
    (folder / name).symlink_to("/dev/zero")
    return folder / name


def audit2(repeat: int, only: str = "") -> None:
    width = max(len(a[0]) for a in AUDIT2)
    for label, setup in AUDIT2:
        if only not in label:
            continue
        runs, seconds, cpu = [], [], []
        for _ in range(repeat):
            with tempfile.TemporaryDirectory() as tmp:
                args = setup(Path(tmp))
                t, c = time.perf_counter(), _children_cpu()
                runs.append(run_cli([*args, "--no-cache"] if args[0] in ("derive", "compare", "match", "cell") else args,
                                    cwd=Path(tmp)))
                seconds.append(time.perf_counter() - t)
                cpu.append(_children_cpu() - c)
        wall, cpu_s = statistics.median(seconds), statistics.median(cpu)
        rss = max(r.rss_mb for r in runs)
        codes = "/".join(map(str, sorted({r.code for r in runs})))
        print(f"{label:<{width}}  {wall:6.2f} s  {cpu_s:6.2f} s CPU  {rss:5.0f} MB  exit {codes}  target < 10 s, < 500 MB",
              flush=True)


def _children_cpu() -> float:
    """CPU seconds (user and system) of the finished child processes: the machine's other load does not
    count, as it does in the wall time."""
    import resource
    ru = resource.getrusage(resource.RUSAGE_CHILDREN)
    return ru.ru_utime + ru.ru_stime


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--quick", action="store_true", help="one run per scenario")
    ap.add_argument("--audit2", action="store_true", help="only the second audit's reproducers (issue 21)")
    ap.add_argument("--only", default="", help="only the reproducers whose label contains this text")
    args = ap.parse_args()
    repeat = 1 if args.quick else 3
    if args.audit2:
        audit2(repeat, args.only)
        return
    width = max(len(s[0]) for s in SCENARIOS)
    with tempfile.TemporaryDirectory() as tmp:
        for label, source, extra, seconds, mb in SCENARIOS:
            path = LSTM
            if source is not None:
                make, n = source
                path = str(Path(tmp) / f"{make.__name__}-{n}.tex")
                Path(path).write_text(make(n), encoding="utf-8")
            runs, seconds_each = [], []
            for _ in range(repeat):
                t = time.perf_counter()
                runs.append(run_cli(["derive", path, "--no-cache", *extra]))
                seconds_each.append(time.perf_counter() - t)
            codes = {r.code for r in runs}
            wall = statistics.median(seconds_each)
            rss = max(r.rss_mb for r in runs)
            target = ", ".join(x for x in ((f"< {seconds:g} s" if seconds else ""), (f"< {mb} MB" if mb else "")) if x)
            print(f"{label:<{width}}  {wall * 1000:8.0f} ms  {rss:5.0f} MB  exit {'/'.join(map(str, sorted(codes)))}"
                  f"  {('target ' + target) if target else ''}", flush=True)
    audit2(repeat)


if __name__ == "__main__":
    main()
