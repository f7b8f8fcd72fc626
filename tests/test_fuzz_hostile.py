"""The bounded hostile-input fuzz (tests/fuzz_hostile.py): 5 strategies of CASES cases (ten times more
with SYMCOUNT_FUZZ=long), each case within a count of function calls, in a subprocess limited to 2 GB of
address space so that a case that allocated without bound would be stopped, not take the machine.
No CPU-time limit: whether a case is too much work is a count, the same on any machine."""
from __future__ import annotations

import os
import subprocess
import sys

import pytest

from tests import fuzzing
from tests.hostile import ADDRESS_SPACE, HANG_GUARD, ROOT

CASES = fuzzing.examples(10)


def _limit_memory():
    import resource
    resource.setrlimit(resource.RLIMIT_AS, (ADDRESS_SPACE, ADDRESS_SPACE))


@pytest.mark.slow
def test_hostile_fuzz_exits_0_or_2(tmp_path):
    env = {"PATH": "", "SYMCOUNT_CACHE_DIR": str(tmp_path), "PYTHONPATH": str(ROOT),
           "SYMCOUNT_FUZZ": os.environ.get("SYMCOUNT_FUZZ", "")}
    proc = subprocess.run([sys.executable, str(ROOT / "tests" / "fuzz_hostile.py"), str(CASES)], cwd=ROOT, capture_output=True,
                          text=True, preexec_fn=_limit_memory, timeout=HANG_GUARD * fuzzing.examples(1), env=env)
    assert proc.returncode == 0, proc.stdout[-3000:] + proc.stderr[-5000:]
    assert proc.stdout.count(f": {CASES} cases, the largest ") == 5, proc.stdout
