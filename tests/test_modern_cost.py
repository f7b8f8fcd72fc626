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


@pytest.mark.parametrize("s", SIZES["lru"])
def test_complex_state_and_values_are_two_reals_per_entry_in_memory(s):
    # the LRU: x_k \in \mathbb{C}^N is N complex entries, 2N reals carried between steps and kept
    # each step; y_k = \Re(C x_k) + D u_k is real (H entries); parameters as counted (two reals each)
    d = symcount.cell("lru")
    N, H, T = s["N"], s["H"], 3
    memory = d.cost.evaluate(T=T, B=1, **s)["memory"]
    assert memory["parameters"] == 4 * d.evaluate(**s) == 4 * (H * (4 * N + 1) + 3 * N)
    assert memory["state"] == 4 * 2 * N
    assert memory["activations"] == 4 * T * (2 * N + H)
    assert d.cost.evaluate(T=T, B=1, dtype="float16", **s)["memory"]["state"] == 2 * 2 * N


def test_a_value_computed_from_a_complex_parameter_is_complex():
    # z_t is not declared; it reads the complex B, so it is complex; \Re(z_t) is real, |z_t| too
    d = symcount.derive(r"""$$ z_t = B u_t \\ h_t = \tanh(\Re(z_t) + W h_{t-1}) \\ m_t = |z_t| $$
where $u_t \in \mathbb{R}^{d}$, $h_t \in \mathbb{R}^{n}$, $B \in \mathbb{C}^{n \times d}$""", read={"complex": "reals"})
    memory = d.cost.evaluate(T=1, B=1, n=3, d=2)["memory"]
    assert memory["state"] == 4 * 3                     # h_t: real
    assert memory["activations"] == 4 * (2 * 3 + 3 + 3)  # z_t complex (2n), h_t and m_t real
