"""The cost of the built-in modern layers against torch: each cell's equations unrolled over T steps
as a torch module (tests/torch_modern.py: H heads where the cell is one head, matrix states, outer
products, short convolutions over time), counted by FlopCounterMode and by the entries every aten
operation writes; symcount's MACs, FLOPs by category and memory must equal them."""
from __future__ import annotations

import pytest

import symcount
from tests.modern_layers import SIZES
from tests.torch_cells import count
from tests.torch_modern import ModernUnrolled

torch = pytest.importorskip("torch")

# the layers whose cost is checked; the complex ones (s4d, lru) count a complex operation as one
# operation, which torch's counters do too, so they are here as well
LAYERS = [name for name in SIZES if name in symcount.cell_names()]


def small(name: str) -> dict[str, int]:
    """The layer's smaller reference size (the second of tests/modern_layers.SIZES)."""
    return dict(SIZES[name][1])


@pytest.mark.parametrize("T", [1, 3])
@pytest.mark.parametrize("name", LAYERS)
def test_modern_cost_equals_torch_unrolled(name, T):
    d = symcount.cell(name)
    sizes = small(name)
    module = ModernUnrolled(torch, d, sizes)
    with torch.no_grad():
        seen = count(torch, lambda: module.run(T))
    cost = d.cost.evaluate(T=T, B=1, **sizes)
    by = cost["flops_breakdown"]
    assert seen.other == {}, f"torch ran operations no category covers: {seen.other}"
    assert by["matrix"] == seen.matrix == 2 * cost["macs"]
    assert by["bias"] + by["elementwise"] == seen.elementwise
    assert by["activation"] == seen.activation
    assert by["normalization"] == seen.normalization
    assert module.parameter_count() == d.evaluate(**sizes)
    if not module.complex:  # memory in float32 bytes: a complex entry is two
        assert cost["memory"]["parameters"] == 4 * d.evaluate(**sizes)
        assert cost["memory"]["state"] == 4 * module.state_entries()
        assert cost["memory"]["activations"] == 4 * module.values_kept


def test_an_outer_product_is_dk_dv_per_head():
    # RetNet: S_n = gamma S_{n-1} + K_n^T V_n, one head K x V; H heads
    d = symcount.cell("retnet")
    eq = next(e for e in d.cost.equations if e.label == "S_n")
    assert str(eq.macs) == "H*K*V"
