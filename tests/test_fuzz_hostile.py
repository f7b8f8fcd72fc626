"""The bounded hostile-input fuzz (tests/fuzz_hostile.py): 1,500 cases in a subprocess limited to 2 GB of
address space and 300 s of CPU time, so that a case that ran away would be stopped, not hang CI."""
from __future__ import annotations

import subprocess
import sys

import pytest

from tests.hostile import ROOT


def _limits():
    import resource
    resource.setrlimit(resource.RLIMIT_AS, (2 << 30, 2 << 30))
    resource.setrlimit(resource.RLIMIT_CPU, (300, 301))


@pytest.mark.slow
def test_hostile_fuzz_exits_0_or_2(tmp_path):
    proc = subprocess.run([sys.executable, str(ROOT / "tests" / "fuzz_hostile.py"), "300"], cwd=ROOT,
                          capture_output=True, text=True, preexec_fn=_limits, timeout=900,
                          env={"PATH": "", "SYMCOUNT_CACHE_DIR": str(tmp_path), "PYTHONPATH": str(ROOT)})
    assert proc.returncode == 0, proc.stdout[-3000:] + proc.stderr[-5000:]
    assert proc.stdout.count("300 cases in") == 5
