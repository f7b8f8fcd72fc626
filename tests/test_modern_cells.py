"""The built-in modern layers (symcount/cells/: mamba, ...) against their reference counts
(tests/modern_layers.py: torch modules written from the official code), at two sizes each, and
the count the issue names: `symcount cell mamba --set d=768 --set N=16 --set E=2 --set R=48
--set K=4` prints 3,770,880, what mamba-ssm's Mamba(d_model=768) holds."""
from __future__ import annotations

import subprocess
import sys

import pytest

import symcount
from tests import modern_layers as M

torch = pytest.importorskip("torch")

BUILT_IN = [name for name in M.BUILDERS if name in symcount.cell_names()]
CASES = [(name, i) for name in BUILT_IN for i in range(2)]


def test_mamba_is_built_in():
    assert "mamba" in BUILT_IN


@pytest.mark.parametrize("name,i", CASES)
def test_built_in_layer_equals_its_reference(name, i):
    sizes = M.SIZES[name][i]
    d = symcount.cell(name)
    assert set(d.symbols) == set(sizes), "the cell's sizes are the reference's"
    assert d.evaluate(**sizes) == M.count(name, sizes) == M.formula(name, sizes)


def test_mamba_768_on_the_command_line():
    out = subprocess.run([sys.executable, "-m", "symcount", "cell", "mamba", "--set", "d=768", "--set", "N=16",
                          "--set", "E=2", "--set", "R=48", "--set", "K=4"], capture_output=True, text=True)
    assert out.returncode == 0, out.stderr
    assert "value at E=2, K=4, N=16, R=48, d=768: 3770880" in out.stdout
    assert M.count("mamba", dict(d=768, N=16, E=2, R=48, K=4)) == 3770880
