"""Start-up and per-equation speed against the floor of Python itself: the targets of issue 22 (run
by hand: `python benchmarks/bench_startup.py [--rounds N]`).

Each scenario is a fresh process running the command line as the installed `symcount` script does
(`from symcount.__main__ import main`, with this checkout first on the path). What is measured is the
process's CPU time (user + system, from os.wait4's resource usage of the child), the least of N
rounds (7 by default), as a ratio to `python -c pass` measured in the same run, round by round
alongside the scenarios. CPU time and the least of several rounds, not wall time: the machine may be
shared, and another process's load lengthens wall time, hardly CPU time. Modules are compiled once,
as an installed package's are (PYTHONDONTWRITEBYTECODE is not passed on), by an unmeasured first run.

Not a test: the figures depend on the machine; no test asserts on time.
"""
from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
LSTM = str(ROOT / "examples" / "lstm.tex")
# what the console script of `pip install` runs (symcount = symcount.__main__:main)
SCRIPT = "import re, sys; from symcount.__main__ import main; sys.argv[0] = 'symcount'; sys.exit(main())"
# --torch: the same count by building the model in torch on the meta device (no memory for weights)
TORCH = ("import torch; m = torch.nn.LSTM(512, 256, num_layers=2, bidirectional=True, device='meta'); "
         "print(sum(p.numel() for p in m.parameters()))")


def gated_chain(n: int) -> str:
    """n equations: a chain of gated signals, each the one before times a sigmoid gate of it and of
    the previous hidden state."""
    lines = ["$$ a_{0,t} = \\sigma(W_{0} x_t + U_{0} h_{t-1} + b_{0}) \\odot h_{t-1} \\\\"]
    lines += [f"a_{{{k},t}} = \\sigma(W_{{{k}}} a_{{{k - 1},t}} + U_{{{k}}} h_{{t-1}} + b_{{{k}}}) \\odot a_{{{k - 1},t}} \\\\"
              for k in range(1, n - 1)]
    lines.append(f"h_t = a_{{{n - 2},t}} $$")
    return "\n".join(lines) + "\n"


def inputs(tmp: Path) -> dict[str, str]:
    files = {
        "syntax": "$$ h_t = \\tanh(W x_t + U h_{t-1} + ) $$\n",
        "shape": "$x_t \\in \\mathbb{R}^d, h_t \\in \\mathbb{R}^h$ $$ h_t = x_t \\odot h_{t-1} $$\n",
        "chain": gated_chain(1000),
        "many": gated_chain(10_001),
    }
    paths = {}
    for name, text in files.items():
        path = tmp / f"{name}.tex"
        path.write_text(text, encoding="utf-8")
        paths[name] = str(path)
    paths["big"] = str(tmp / "big.tex")  # over the 1 MiB of an input: one long comment line, then math
    Path(paths["big"]).write_text("%" + "x" * (1 << 20) + "\n$$ h_t = \\tanh(W x_t + U h_{t-1}) $$\n")
    return paths


# (label, arguments, expected exit status, target ratio, group); a group's ratio is its worst scenario's
def scenarios(p: dict[str, str]) -> list[tuple[str, list[str], int, float, str]]:
    return [
        ("cached count: cell lstm --set d=512 --set h=256 --layers 2 --bidirectional",
         ["cell", "lstm", "--set", "d=512", "--set", "h=256", "--layers", "2", "--bidirectional"], 0, 3, "cached"),
        ("refusal: a syntax error (derive)", ["derive", p["syntax"], "--no-cache"], 2, 5, "refusal"),
        ("refusal: a shape error (derive)", ["derive", p["shape"], "--no-cache"], 2, 5, "refusal"),
        ("refusal: an unknown cell", ["cell", "lstn"], 2, 5, "refusal"),
        ("refusal: a bad --set", ["cell", "lstm", "--set", "d=x"], 2, 5, "refusal"),
        ("refusal: a bad option", ["cell", "lstm", "--layers", "two"], 2, 5, "refusal"),
        ("fresh derive: examples/lstm.tex --no-cache", ["derive", LSTM, "--no-cache"], 0, 6, "fresh"),
        ("a chain of 1,000 gated equations --no-cache", ["derive", p["chain"], "--no-cache"], 0, 40, "chain"),
        ("over a limit: 10,001 equations", ["derive", p["many"], "--no-cache"], 2, 10, "limit"),
        ("over a limit: an input over 1 MiB", ["derive", p["big"], "--no-cache"], 2, 10, "limit"),
    ]


def cpu(argv: list[str], env: dict[str, str]) -> tuple[float, int]:
    """The CPU time (user + system) of one run of argv, and its exit status."""
    proc = subprocess.Popen(argv, env=env, cwd=ROOT, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                            stderr=subprocess.DEVNULL)
    _, status, usage = os.wait4(proc.pid, 0)
    proc.returncode = os.waitstatus_to_exitcode(status)
    return usage.ru_utime + usage.ru_stime, proc.returncode


def command(python: list[str], argv: list[str]) -> list[str]:
    return [*python, *argv] if argv[:1] == ["-c"] else [*python, "-c", SCRIPT, *argv]


def load() -> str:
    """How busy the machine was: the load averages and the number of CPUs."""
    try:
        one, five, fifteen = os.getloadavg()
    except OSError:
        return "load unknown"
    return f"load average {one:.2f} / {five:.2f} / {fifteen:.2f} (1 / 5 / 15 min) on {os.cpu_count()} CPUs"


def start_up_imports(python: list[str], env: dict) -> list[str]:
    """The packages outside the standard library that `python -c pass` imports (a sandbox's .pth file
    importing certifi, say): they inflate the floor every ratio divides by."""
    out = subprocess.run([*python, "-X", "importtime", "-c", "pass"], env=env, capture_output=True, text=True).stderr
    found = {line.rsplit("|", 1)[-1].strip().split(".")[0] for line in out.splitlines() if "|" in line}
    found.discard("imported package")
    own = ("_distutils_hack", "sitecustomize", "usercustomize", "_virtualenv")  # site's own hooks
    return sorted(m for m in found if m and m not in sys.stdlib_module_names and m not in own)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--rounds", type=int, default=7, help="rounds; the least CPU time of each is kept (default 7)")
    ap.add_argument("--no-site", action="store_true",
                    help="run every process (python -c pass too) with -S, the site-packages on PYTHONPATH: without "
                         "the .pth files this Python runs at start-up (a sandbox's imports certifi here)")
    ap.add_argument("--only", metavar="WORDS", help="only the scenarios whose label contains WORDS")
    ap.add_argument("--torch", action="store_true", help="also the count by torch (LSTM on the meta device)")
    args = ap.parse_args()
    python = [sys.executable, "-S"] if args.no_site else [sys.executable]
    with tempfile.TemporaryDirectory() as tmp:
        paths = inputs(Path(tmp))
        cache = Path(tmp) / "cache"
        path = [str(ROOT)] + ([p for p in sys.path if p.endswith("site-packages")] if args.no_site else [])
        env = dict(os.environ, PYTHONPATH=os.pathsep.join(path), SYMCOUNT_CACHE_DIR=str(cache))
        env.pop("PYTHONDONTWRITEBYTECODE", None)  # as installed: modules compiled once (by the first round)
        runs = [r for r in scenarios(paths) if args.only is None or args.only in r[0]]
        if args.torch:
            runs.append(("torch: nn.LSTM(512, 256, 2 layers, bidirectional) on the meta device, numel summed",
                         ["-c", TORCH], 0, float("inf"), "torch"))
        floor = float("inf")
        best = [float("inf")] * len(runs)
        print(f"before: {load()}", flush=True)
        extra = start_up_imports(python, env)
        if extra:
            print(f"warning: `python -c pass` here imports {', '.join(extra)} at start-up (a .pth file in "
                  "site-packages): the floor is inflated and every ratio flattered. Measure with a virtual "
                  "environment's Python (python -m venv /tmp/v && /tmp/v/bin/pip install -e . && /tmp/v/bin/python "
                  "benchmarks/bench_startup.py), or pass --no-site.", flush=True)
        for argv in [r[1] for r in runs]:  # once, unmeasured: compiled modules written, exit statuses checked
            cpu(command(python, argv), env)
        for _ in range(args.rounds):
            floor = min(floor, cpu([*python, "-c", "pass"], env)[0])
            for i, (label, argv, expected, _, _) in enumerate(runs):
                seconds, code = cpu(command(python, argv), env)
                if code != expected:
                    print(f"{label}: exit {code}, expected {expected}", file=sys.stderr)
                    return 1
                best[i] = min(best[i], seconds)
        print(f"after:  {load()}")
        print(f"python {'-S ' if args.no_site else ''}-c pass: {floor * 1000:.1f} ms of CPU (least of {args.rounds})\n")
        width = max(len(r[0]) for r in runs)
        print(f"| {'scenario':<{width}} | CPU ms | ratio | target |")
        print(f"|{'-' * (width + 2)}|-------:|------:|-------:|")
        worst: dict[str, tuple[float, float]] = {}
        for (label, _, _, target, group), seconds in zip(runs, best):
            ratio = seconds / floor
            bound = f"<= {target:g}x" if target != float("inf") else ""
            print(f"| {label:<{width}} | {seconds * 1000:6.1f} | {ratio:4.1f}x | {bound} |")
            worst[group] = max(worst.get(group, (0, target)), (ratio, target))
        worst.pop("torch", None)
        met = [f"{group} {ratio:.1f}x {'met' if ratio <= target else 'NOT met'} (<= {target:g}x)"
               for group, (ratio, target) in worst.items()]
        print("\n" + "; ".join(met))
    return 0


if __name__ == "__main__":
    sys.exit(main())
