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

from tests.hostile import dims, equations, identifier, long_sum, parameters, run_cli  # noqa: E402

LSTM = str(ROOT / "examples" / "lstm.tex")

# (label, input generator and size or None, extra arguments, target seconds, target MB)
SCENARIOS = [
    ("1,000 distinct dimensions", (dims, 1000), [], 1.0, None),
    ("10,000 equations", (equations, 10_000), [], 5.0, None),
    ("a sum of 100,000 terms (text)", (long_sum, 100_000), [], 2.0, None),
    ("20,000 parameters (text)", (parameters, 20_000), [], None, None),
    ("20,000 parameters (markdown)", (parameters, 20_000), ["--format", "markdown"], None, None),
    ("a 1 MB identifier", (identifier, 1_000_000), [], None, 100),
    ("--layers 10**7 (text)", None, ["--layers", str(10**7)], 0.5, None),
    ("--layers 10**7 (markdown)", None, ["--layers", str(10**7), "--format", "markdown"], 0.5, None),
]


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--quick", action="store_true", help="one run per scenario")
    args = ap.parse_args()
    repeat = 1 if args.quick else 3
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


if __name__ == "__main__":
    main()
