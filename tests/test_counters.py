"""symcount.counters: symcount's closed form registered with the counters that give 0 for a fused
recurrent module. Counted in a fresh interpreter: registering changes torch's registry for good."""
from __future__ import annotations

import os
import subprocess
import sys

import pytest

from tests.oracles import require

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))

SCRIPT = r"""
import torch
from torch.utils.flop_counter import FlopCounterMode
import symcount.counters as C
lstm = torch.nn.LSTM(512, 256, 2, bidirectional=True)
x = torch.randn(100, 1, 512)
def total(**kw):
    with FlopCounterMode(display=False, **kw) as mode:
        lstm(x)
    return mode.get_total_flops()
print(total())
print(total(custom_mapping=C.flop_formulas()))
print(total())
C.register(); C.register()
print(total())
"""


@pytest.mark.oracle
def test_flop_counter_mode_counts_the_fused_lstm_with_the_registration():
    require("torch")
    r = subprocess.run([sys.executable, "-c", SCRIPT], capture_output=True, text=True, cwd=ROOT,
                       env=dict(os.environ, PYTHONPATH=ROOT))
    assert r.returncode == 0, r.stderr
    without, mapped, still_without, registered = map(int, r.stdout.split())
    assert without == 0 and still_without == 0
    assert mapped == registered == 2 * 314_572_800


def test_the_closed_form_per_stack():
    from symcount import counters as C
    assert C.stack_macs("lstm", 512, 256, 100, 1, 2, 2) == 314_572_800
    assert C.macs("gru", 10, 20, 3, 2) == 3 * 2 * 3 * 20 * (10 + 20)
    assert C.stack_macs("rnn", 10, 20, 1, 1, 3, 1) == 20 * 30 + 2 * 20 * 40


@pytest.mark.oracle
def test_thop_hooks_add_symcounts_macs():
    """thop's custom_ops hooks, called as thop calls them (thop itself is used when installed)."""
    torch = require("torch")
    from symcount import counters as C
    ops = C.thop_ops()
    for cls, kind in ((torch.nn.LSTM, "lstm"), (torch.nn.GRU, "gru"), (torch.nn.RNN, "rnn")):
        m = cls(8, 4, 2, bidirectional=True, batch_first=True)
        m.total_ops = torch.zeros(1, dtype=torch.float64)
        ops[cls](m, (torch.randn(3, 5, 8),), None)
        assert int(m.total_ops.item()) == C.stack_macs(kind, 8, 4, 5, 3, 2, 2)
    try:
        import thop
    except ImportError:
        return
    m = torch.nn.LSTM(16, 8)
    macs, _ = thop.profile(m, inputs=(torch.randn(7, 2, 16),), custom_ops=ops, verbose=False)
    assert int(macs) == C.stack_macs("lstm", 16, 8, 7, 2)


@pytest.mark.filterwarnings("ignore:`torch.jit.script` is deprecated:DeprecationWarning")  # fvcore traces with it
def test_fvcore_when_installed():
    torch = require("torch")
    try:
        from fvcore.nn import FlopCountAnalysis
    except ImportError:
        pytest.skip("fvcore is not installed")
    from symcount import counters as C
    m = torch.nn.LSTM(16, 8)
    analysis = FlopCountAnalysis(m, (torch.randn(7, 2, 16),)).set_op_handle(**C.fvcore_handles())
    assert analysis.total() == C.stack_macs("lstm", 16, 8, 7, 2)
