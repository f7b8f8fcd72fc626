"""Hostile and huge inputs (issue 13): generators of the inputs, and a run of the command line in a
fresh process with a cap on its address space, reporting its peak memory.

No CPU-time limit and no clock: how long a run takes depends on the machine (benchmarks/bench_hostile.py
reports it). A runaway run is caught by the memory cap, and the tests bound work by counts instead
(tests/fuzzing.py: `Calls`). The cap on the address space (2 GB, four times MEMORY_MB plus Python's own
mappings) stays: it does not depend on the machine's speed, and it stops a reproducer that would
allocate without bound before it takes the machine's memory."""
from __future__ import annotations

import os
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
MEMORY_MB = 500           # each reproducer: within 500 MB of peak memory (resident)
ADDRESS_SPACE = 2 << 30   # the hard stop on virtual memory, well above MEMORY_MB resident
HANG_GUARD = 900          # not a budget: a run stuck this long fails instead of blocking the suite

PROBE = """
import atexit, os, resource, runpy, sys
sys.argv = ["symcount"] + sys.argv[1:]


def peak():
    # the peak of this process's own memory: VmHWM starts anew at exec, where ru_maxrss keeps the peak
    # of the process it was forked from (a large pytest); written at exit (symcount's entry runs the
    # exit handlers, then ends the process without the interpreter's teardown)
    try:
        with open("/proc/self/status") as f:
            found = next(int(line.split()[1]) for line in f if line.startswith("VmHWM:"))
    except (OSError, StopIteration):
        found = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    with open(os.environ["SYMCOUNT_TEST_RSS"], "w") as f:
        f.write(str(found))


atexit.register(peak)
runpy.run_module("symcount", run_name="__main__")
"""


@dataclass
class Run:
    code: int
    out: bytes
    err: bytes
    rss_mb: float

    @property
    def stderr(self) -> str:
        return self.err.decode("utf-8", "replace")


def _limit_memory() -> None:
    import resource
    resource.setrlimit(resource.RLIMIT_AS, (ADDRESS_SPACE, ADDRESS_SPACE))


def run_cli(args: list[str], stdin: bytes | int | None = b"", env: dict | None = None, cwd: Path = ROOT,
            stdout=subprocess.PIPE) -> Run:
    """`python -m symcount ARGS` in a fresh process limited to ADDRESS_SPACE bytes of memory; its exit
    status, output and peak resident memory."""
    with tempfile.TemporaryDirectory() as tmp:
        rss_file = os.path.join(tmp, "rss")
        full_env = dict(os.environ, PYTHONPATH=str(ROOT), SYMCOUNT_TEST_RSS=rss_file)
        full_env.update(env or {})
        proc = subprocess.run([sys.executable, "-c", PROBE, *args], cwd=cwd, env=full_env,
                              input=stdin if isinstance(stdin, bytes) else None,
                              stdin=None if isinstance(stdin, bytes) else stdin, stdout=stdout,
                              stderr=subprocess.PIPE, preexec_fn=_limit_memory, timeout=HANG_GUARD)
        try:
            rss = int(Path(rss_file).read_text()) / 1024
        except (OSError, ValueError):
            rss = float("nan")
    return Run(proc.returncode, proc.stdout or b"", proc.stderr, rss)


# ---- the inputs ------------------------------------------------------------------------------------
def dims(n: int) -> str:
    """A cell reading n input signals, each of its own size: n + 1 dimensions."""
    terms = " + ".join(f"W_{{{k}}} x_{{{k},t}}" for k in range(n))
    return f"$$ h_t = \\tanh({terms} + U h_{{t-1}} + b) $$\n"


def long_sum(n: int) -> str:
    """A sum of n terms (and one weight)."""
    return "$$ h_t = \\tanh(" + " + ".join(["x_t"] * n) + " + W h_{t-1}) $$\n"


def parameters(n: int) -> str:
    """n weights in one sum."""
    return "$$ h_t = \\tanh(" + " + ".join(f"W_{{{k}}} x_t" for k in range(n)) + " + U h_{t-1}) $$\n"


def equations(n: int) -> str:
    """n equations, a chain of signals each computed from the one before."""
    lines = ["$$ a_{0,t} = \\tanh(W_{0} x_t + U h_{t-1}) \\\\"]
    lines += [f"a_{{{k},t}} = \\tanh(W_{{{k}}} a_{{{k - 1},t}}) \\\\" for k in range(1, n - 1)]
    lines.append(f"h_t = a_{{{n - 2},t}} $$")
    return "\n".join(lines) + "\n"


DIFFERENCE = 66_227  # the most terms of `difference` that fit in 1 MiB (symcount's limit on an input)


def difference(n: int) -> str:
    """h_t = W_{10} x_t - W_{11} x_t - ...: n weights, a chain of subtractions (each its own reason)."""
    return "$$ h_t = " + " - ".join(f"W_{{{k}}} x_t" for k in range(10, 10 + n)) + " $$\n"


def identifier(n: int) -> str:
    """A weight whose subscript is n letters long."""
    return "$$ h_t = \\tanh(W_{" + "a" * n + "} x_t + U h_{t-1}) $$\n"


# ---- long rows (issue 21): each at the most the input allows, one row unless said --------------------------
def product_chain(n: int) -> str:
    """h_t = W_{0} W_{1} ... W_{n-1} x_t: n weights multiplied in a chain."""
    return "$$ h_t = " + " ".join(f"W_{{{k}}}" for k in range(n)) + " x_t $$\n"


def same_weight_chain(n: int) -> str:
    """h_t = W W ... W x_t: one weight applied n times."""
    return "$$ h_t = " + "W " * n + "x_t $$\n"


def concatenation(n: int) -> str:
    """h_t = \\tanh(W [x_t; x_t; ...]): n signals stacked."""
    return "$$ h_t = \\tanh(W [" + "; ".join(["x_t"] * n) + "]) $$\n"


def nested(n: int) -> str:
    """h_t = \\tanh((((W x_t)))): n parentheses deep."""
    return "$$ h_t = \\tanh(" + "(" * n + "W x_t" + ")" * n + ") $$\n"


def nested_functions(n: int) -> str:
    """h_t = \\tanh(\\tanh(...(W x_t))): n functions deep."""
    return "$$ h_t = " + "\\tanh(" * n + "W x_t" + ")" * n + " $$\n"


def difference_rows(n: int, rows: int = 16) -> str:
    """`difference` of n terms cut into equations of n / rows terms each (a_1, a_2, ... then h_t)."""
    k = max(1, n // rows)
    parts = [" - ".join(f"W_{{{j}}} x_t" for j in range(i, min(i + k, n))) for i in range(0, n, k)]
    lines = [f"a_{{{i},t}} = {p} \\\\" for i, p in enumerate(parts)]
    return "$$ " + "\n".join(lines) + "\nh_t = " + " + ".join(f"a_{{{i},t}}" for i in range(len(parts))) + " $$\n"


def largest(make, limit: int = 1 << 20) -> int:
    """The largest n for which make(n) is at most `limit` bytes (the input limit: 1 MiB)."""
    lo, hi = 1, limit
    while lo < hi:
        mid = (lo + hi + 1) // 2
        lo, hi = (mid, hi) if len(make(mid).encode("utf-8")) <= limit else (lo, mid - 1)
    return lo
