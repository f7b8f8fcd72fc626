"""Derive-time benchmarks (run by hand: `python benchmarks/bench_derive.py [--quick]`).

Measures, as medians over repeated runs:
- derive() on the LSTM example (parse, shapes, counts, stacking), in-process;
- derive() on generated cells of 10, 100 and 1000 equations (scaling should be about linear);
- evaluate_many() over a million (d_x, d_h) pairs (numpy, vectorised);
- the CLI's cold start: a whole `python -m symcount ...` process, wall time.
Not a test: timings depend on the machine. CI runs it with --quick as a smoke run.
"""
from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import symcount  # noqa: E402


def generated_cell(n: int) -> str:
    """n equations: n-1 gates, each with its own weights, chained elementwise, then h_t."""
    lines = [r"x_t \in \mathbb{R}^{d}, \quad h_t \in \mathbb{R}^{h} \\"]
    prev = "h_{t-1}"
    for k in range(1, n):
        lines.append(rf"a_{{{k},t}} &= \sigma(W_{{{k}}} x_t + U_{{{k}}} h_{{t-1}} + b_{{{k}}}) \odot {prev} \\")
        prev = f"a_{{{k},t}}"
    lines.append(rf"h_t &= \tanh({prev})")
    return "\\begin{align*}\n" + "\n".join(lines) + "\n\\end{align*}\n"


def median_time(fn, repeat: int) -> float:
    times = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t0)
    return statistics.median(times)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--quick", action="store_true", help="few repetitions (a smoke run)")
    args = ap.parse_args()
    repeat = 3 if args.quick else 11
    lstm = (ROOT / "examples" / "lstm.tex").read_text()
    symcount.derive(lstm)  # warm: imports, grammar
    rows = [("derive LSTM example", median_time(lambda: symcount.derive(lstm, layers=2, bidirectional=True), repeat))]
    for n in (10, 100, 1000):
        text = generated_cell(n)
        d = symcount.derive(text)
        assert d.evaluate(d=3, h=5) == (n - 1) * (5 * 3 + 5 * 5 + 5)
        rows.append((f"derive generated cell, {n} equations", median_time(lambda: symcount.derive(text), max(3, repeat // (1 + n // 500)))))
    try:
        import numpy as np
        two = symcount.derive(lstm, layers=2, bidirectional=True)
        rng = np.random.default_rng(0)
        dx, dh = rng.integers(1, 8192, 10**6), rng.integers(1, 8192, 10**6)
        rows.append(("evaluate_many: a million (d_x, d_h) pairs", median_time(lambda: two.evaluate_many(d_x=dx, d_h=dh), repeat)))
    except ImportError:
        pass
    cmd = [sys.executable, "-m", "symcount", "derive", str(ROOT / "examples" / "lstm.tex"),
           "--set", "d_x=512", "--set", "d_h=256", "--format", "json"]
    rows.append(("CLI cold start: derive LSTM --format json", median_time(lambda: subprocess.run(cmd, check=True, capture_output=True), repeat)))
    cmd = [sys.executable, "-m", "symcount", "cell", "lstm", "--set", "d=2048", "--set", "h=2048",
           "--layers", "2", "--bidirectional", "--format", "json"]
    rows.append(("CLI cold start: cell lstm --format json", median_time(lambda: subprocess.run(cmd, check=True, capture_output=True), repeat)))
    width = max(len(r[0]) for r in rows)
    for name, t in rows:
        print(f"{name:<{width}}  {t * 1000:9.1f} ms")


if __name__ == "__main__":
    main()
