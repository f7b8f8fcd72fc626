"""Whole-process CLI timings: what a user waits for, per kind of call (run by hand:
`python benchmarks/bench_cli.py [--quick]`).

Each scenario is a fresh `python -m symcount ...` process, run `repeat` times after one warm-up run
(which also fills the cache where the scenario is "cached"); the median wall time is printed, and
whether the process imported sympy (`-X importtime` would say the same, more slowly).
Not a test: timings depend on the machine. CI runs it with --quick as a smoke run.
"""
from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
LSTM = str(ROOT / "examples" / "lstm.tex")
PARSE_ERROR = r"$$ h_t = \tanh(W x_t $$"
SHAPE_ERROR = r"$x_t \in \mathbb{R}^d, h_t \in \mathbb{R}^h$ $$ h_t = x_t + h_{t-1} $$"

# (label, argv after `symcount`, stdin text or None, whether the cache is used)
SCENARIOS = [
    ("cell lstm, text (shipped)", ["cell", "lstm", "--set", "d=512", "--set", "h=256"], None, True),
    ("cell lstm, json (shipped)", ["cell", "lstm", "--set", "d=512", "--set", "h=256", "--format", "json"], None, True),
    ("cell lstm, markdown (shipped)", ["cell", "lstm", "--format", "markdown"], None, True),
    ("cell lstm --cost, json (shipped)", ["cell", "lstm", "--cost", "--layers", "2", "--bidirectional", "--set", "d=512",
                                          "--set", "h=256", "--set", "T=100", "--set", "B=1", "--format", "json"], None, True),
    ("cell lstm --cost, markdown (shipped)", ["cell", "lstm", "--cost", "--format", "markdown"], None, True),
    ("derive lstm.tex, text (cached)", ["derive", LSTM, "--set", "d_x=512", "--set", "d_h=256"], None, True),
    ("derive lstm.tex, json (cached)", ["derive", LSTM, "--format", "json"], None, True),
    ("derive lstm.tex, markdown (cached)", ["derive", LSTM, "--format", "markdown"], None, True),
    ("derive lstm.tex, latex (cached)", ["derive", LSTM, "--format", "latex"], None, True),
    ("derive lstm.tex, text (--no-cache)", ["derive", LSTM, "--no-cache"], None, False),
    ("derive lstm.tex, markdown (--no-cache)", ["derive", LSTM, "--format", "markdown", "--no-cache"], None, False),
    ("parse error (stdin)", ["derive", "-"], PARSE_ERROR, False),
    ("shape error (stdin)", ["derive", "-"], SHAPE_ERROR, False),
]
PROBE = "import runpy, sys; sys.argv = ['symcount'] + sys.argv[1:]\ntry:\n    runpy.run_module('symcount', run_name='__main__')\nfinally:\n    sys.stderr.write('\\nSYMPY=%d\\n' % ('sympy' in sys.modules))\n"


def once(argv: list[str], stdin: str | None, env: dict) -> tuple[float, bool]:
    t0 = time.perf_counter()
    proc = subprocess.run([sys.executable, "-c", PROBE, *argv], input=stdin, capture_output=True,
                          text=True, env=env, cwd=ROOT)
    elapsed = time.perf_counter() - t0
    if proc.returncode not in (0, 2):
        raise SystemExit(f"{argv} exited {proc.returncode}:\n{proc.stderr}")
    return elapsed, "SYMPY=1" in proc.stderr


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--quick", action="store_true", help="3 runs per scenario (a smoke run)")
    args = ap.parse_args()
    repeat = 3 if args.quick else 11
    with tempfile.TemporaryDirectory() as cache:
        env = dict(os.environ, SYMCOUNT_CACHE_DIR=cache, PYTHONPATH=str(ROOT))
        width = max(len(s[0]) for s in SCENARIOS)
        for label, argv, stdin, _ in SCENARIOS:
            once(argv, stdin, env)  # warm-up: the OS file cache, and symcount's cache
            runs = [once(argv, stdin, env) for _ in range(repeat)]
            median = statistics.median(t for t, _ in runs)
            sympy = "imports sympy" if any(s for _, s in runs) else ""
            print(f"{label:<{width}}  {median * 1000:7.1f} ms  {sympy}")


if __name__ == "__main__":
    main()
