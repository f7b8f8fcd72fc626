"""Whole-process timings of `match` and `compare`, and the solver in process (run by hand:
`python benchmarks/bench_match.py [--quick]`).

Each scenario is a fresh `python -m symcount ...` process (bench_cli.py's probe), run `repeat` times
after one warm-up run (which also fills the cache for a file); the median wall time is printed, and
whether the process imported sympy. Then the solver alone, in process: the median time of one
`solve` for budgets from 10^6 to 10^100 parameters. Not a test: timings depend on the machine.
"""
from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_cli import ROOT, once  # noqa: E402

GRU = str(ROOT / "examples" / "gru.tex")
SCENARIOS = [
    ("cell lstm (for reference: derive's fastest path)", ["cell", "lstm", "--set", "d=512", "--set", "h=256"]),
    ("match gru --budget 788480 (text)", ["match", "gru", "--set", "d=512", "--budget", "788480"]),
    ("match gru --budget 788480 --format json", ["match", "gru", "--set", "d=512", "--budget", "788480", "--format", "json"]),
    ("match lstm, 4 layers, bidirectional, --budget 10**15",
     ["match", "lstm", "--set", "d=512", "--layers", "4", "--bidirectional", "--budget", "10**15"]),
    ("match gru --to lstm --set h=256", ["match", "gru", "--set", "d=512", "--to", "lstm", "--set", "h=256"]),
    ("match gru --to lstm --set h=128:1024:128 (table)",
     ["match", "gru", "--set", "d=512", "--to", "lstm", "--set", "h=128:1024:128"]),
    ("match examples/gru.tex --budget 10M (cached)", ["match", GRU, "--set", "d_x=512", "--budget", "10M"]),
    ("match gru, no size meets the budget (exit 2)", ["match", "gru", "--set", "d=512", "--budget", "10"]),
    ("compare lstm gru mingru --set h=128:1024:128", ["compare", "lstm", "gru", "mingru", "--set", "d=512",
                                                       "--set", "h=128:1024:128"]),
    ("compare ... --format latex", ["compare", "lstm", "gru", "mingru", "--set", "d=512", "--set", "h=128:1024:128",
                                    "--format", "latex"]),
]


def in_process(repeat: int) -> None:
    sys.path.insert(0, str(ROOT))
    import symcount
    from symcount.measure import poly as P
    from symcount.measure.solve import solve
    lstm = symcount.cell("lstm", layers=4, bidirectional=True)
    q = P.partial(dict(lstm.stacked.total), {"d": 512})
    for budget in (10**6, 10**12, 10**30, 10**100):
        times = []
        for _ in range(repeat * 10):
            t0 = time.perf_counter()
            solve(q, "h", budget)
            times.append(time.perf_counter() - t0)
        print(f"solve, lstm x 4 layers x 2 directions, budget 10^{len(str(budget)) - 1:<3}  "
              f"{statistics.median(times) * 1e6:8.1f} µs")


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--quick", action="store_true", help="3 runs per scenario (a smoke run)")
    args = ap.parse_args()
    repeat = 3 if args.quick else 11
    with tempfile.TemporaryDirectory() as cache:
        env = dict(os.environ, SYMCOUNT_CACHE_DIR=cache, PYTHONPATH=str(ROOT))
        width = max(len(s[0]) for s in SCENARIOS)
        for label, argv in SCENARIOS:
            once(argv, None, env)  # warm-up: the OS file cache, and symcount's cache
            runs = [once(argv, None, env) for _ in range(repeat)]
            median = statistics.median(t for t, _ in runs)
            sympy = "imports sympy" if any(s for _, s in runs) else ""
            print(f"{label:<{width}}  {median * 1000:7.1f} ms  {sympy}")
    in_process(repeat)


if __name__ == "__main__":
    main()
