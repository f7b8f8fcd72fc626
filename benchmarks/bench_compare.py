"""symcount's CLI against the alternatives a careful user reaches for, in one run of this script:

- symcount: `symcount cell lstm --set d=2048 --set h=2048 --layers 2 --bidirectional --format json`
- torch-meta: build torch.nn.LSTM(2048, 2048, num_layers=2, bidirectional=True) on the meta device
  and sum numel() (a whole `python -c` process: almost all of it is `import torch`)
- torch-real: the same model built for real on the CPU

Each is a fresh process; the rounds alternate between them. Reported: medians of wall time and of
peak RSS (the child's ru_maxrss from wait4), the ratios, and that the three counts are equal.
Then every built-in cell through the CLI (the same budget holds for each), `derive` on a file seen
before, and the 10/100/1000-equation derive scaling.

    python benchmarks/bench_compare.py            # 5 rounds (the README's figures)
    python benchmarks/bench_compare.py --quick    # 3 rounds, fewer cells: a smoke run
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
PY = sys.executable
D = H = 2048
TORCH = ("import torch; m = torch.nn.LSTM({d}, {h}, num_layers=2, bidirectional=True{dev}); "
         "print(sum(p.numel() for p in m.parameters()))")
COMMANDS = {
    "symcount": [PY, "-m", "symcount", "cell", "lstm", "--set", f"d={D}", "--set", f"h={H}",
                 "--layers", "2", "--bidirectional", "--format", "json"],
    "torch-meta": [PY, "-c", TORCH.format(d=D, h=H, dev=", device='meta'")],
    "torch-real": [PY, "-c", TORCH.format(d=D, h=H, dev="")],
}


def run(cmd: list[str], env: dict | None = None) -> tuple[float, int, str]:
    """Wall seconds, peak RSS in bytes, standard output of one process."""
    with tempfile.TemporaryFile() as out:
        t0 = time.perf_counter()
        p = subprocess.Popen(cmd, stdout=out, stderr=subprocess.DEVNULL, env=env, cwd=ROOT)
        _, status, usage = os.wait4(p.pid, 0)
        wall = time.perf_counter() - t0
        p.returncode = os.waitstatus_to_exitcode(status)
        if p.returncode != 0:
            raise SystemExit(f"failed ({p.returncode}): {' '.join(cmd)}")
        out.seek(0)
        return wall, usage.ru_maxrss * 1024, out.read().decode()


def count_of(name: str, stdout: str) -> int:
    if name == "symcount":
        import json
        return json.loads(stdout)["value"]
    return int(stdout.strip())


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--quick", action="store_true")
    ap.add_argument("--rounds", type=int, default=None)
    args = ap.parse_args()
    rounds = args.rounds or (3 if args.quick else 5)
    env = dict(os.environ, SYMCOUNT_CACHE_DIR=tempfile.mkdtemp(prefix="symcount-bench-"))
    results: dict[str, list[tuple[float, int]]] = {k: [] for k in COMMANDS}
    counts = {}
    for _ in range(rounds):
        for name, cmd in COMMANDS.items():
            wall, rss, out = run(cmd, env)
            results[name].append((wall, rss))
            counts[name] = count_of(name, out)
    med = {k: (statistics.median(w for w, _ in v), statistics.median(r for _, r in v)) for k, v in results.items()}
    print(f"LSTM({D}, {H}, num_layers=2, bidirectional=True), {rounds} alternating rounds, medians:\n")
    print("| | wall time | peak RSS | count |")
    print("|---|---:|---:|---:|")
    for k, (w, r) in med.items():
        print(f"| {k} | {w * 1000:.0f} ms | {r / 2**20:.0f} MB | {counts[k]:,} |")
    s = med["symcount"]
    print()
    print(f"symcount is {med['torch-meta'][0] / s[0]:.1f}x faster than torch-meta, "
          f"{med['torch-real'][0] / s[0]:.1f}x faster than torch-real; "
          f"uses {med['torch-meta'][1] / s[1]:.1f}x less memory than torch-meta, "
          f"{med['torch-real'][1] / s[1]:.1f}x less than torch-real.")
    assert len(set(counts.values())) == 1, f"counts differ: {counts}"
    print(f"counts equal: {counts['symcount']:,}")

    # every built-in cell, and derive on a file seen before
    sys.path.insert(0, str(ROOT))
    import symcount
    names = symcount.cell_names()
    if args.quick:
        names = names[:4]
    walls, rsss = [], []
    for name in names:
        cmd = [PY, "-m", "symcount", "cell", name, "--layers", "2", "--bidirectional", "--format", "json"]
        for _ in range(3):
            w, r, _ = run(cmd, env)
            walls.append(w)
            rsss.append(r)
    print(f"\nevery built-in cell ({len(names)}), `cell NAME --layers 2 --bidirectional --format json`: "
          f"median {statistics.median(walls) * 1000:.0f} ms, worst {max(walls) * 1000:.0f} ms, "
          f"peak RSS median {statistics.median(rsss) / 2**20:.0f} MB, worst {max(rsss) / 2**20:.0f} MB")
    cmd = [PY, "-m", "symcount", "derive", str(ROOT / "examples" / "lstm.tex"), "--set", "d_x=2048",
           "--set", "d_h=2048", "--layers", "2", "--bidirectional", "--format", "json"]
    first = run(cmd, env)
    seen = [run(cmd, env) for _ in range(rounds)]
    print(f"derive examples/lstm.tex: first call {first[0] * 1000:.0f} ms ({first[1] / 2**20:.0f} MB), "
          f"seen before: median {statistics.median(w for w, _, _ in seen) * 1000:.0f} ms, "
          f"{statistics.median(r for _, r, _ in seen) / 2**20:.0f} MB")

    # derive scaling, in process
    sys.path.insert(0, str(ROOT / "benchmarks"))
    from bench_derive import generated_cell, median_time
    print("\nderive (in process, fresh: parse, shapes, sympy counts):")
    symcount.derive(generated_cell(5))
    for n in (10, 100, 1000):
        text = generated_cell(n)
        t = median_time(lambda: symcount.derive(text), 3 if n == 1000 else 7)
        print(f"  {n:5d} equations: {t * 1000:8.1f} ms")


if __name__ == "__main__":
    main()
