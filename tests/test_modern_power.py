"""A power with an exponent that is not a whole number, as GLA writes its gate (Yang et al. 2024,
"Gated Linear Attention Transformers with Hardware-Efficient Training", ICML, arXiv:2312.06635,
Sections 4.1 and 4.4): `\\alpha_t = \\sigma(x_t W_\\alpha^1 W_\\alpha^2 + b_\\alpha)^{1/\\tau}` with the
temperature tau = 16. An exponent is a scalar expression of numbers and constants (1/\\tau, 1/16,
\\frac{1}{\\tau}, 0.5, -1): its symbols are constants (no parameter), the shape is the base's, the
cost one power per entry (FLOPs, elementwise, as torch's pow), the torch module raises to it and the
LaTeX writes it back. The paper's text derives the built-in `gla` and fla's GatedLinearAttention
(tests/modern_layers.py) at two sizes, and its cost is what torch counts on it unrolled."""
from __future__ import annotations

import pytest

import symcount
from symcount.errors import SymcountError
from symcount.read import nodes as N
from symcount.read.parse import parse
from tests import modern_layers as M

GATE = r"""$$ \alpha_t = \sigma(W_\alpha x_t + b_\alpha){power} \\ h_t = \alpha_t \odot h_{{t-1}} + U x_t $$
where $x_t \in \mathbb{{R}}^{{d}}$, $h_t \in \mathbb{{R}}^{{n}}${prose}"""

EXPONENTS = [r"^{1/\tau}", r"^{1/16}", r"^{\frac{1}{\tau}}", r"^{0.5}", r"^{-1}", r"^{\tau}", r"^{2}", r"^{-0.25}"]


def _gate(power: str, prose: str = r" and $\tau = 16$."):
    return symcount.derive(GATE.format(power=power, prose=prose))


@pytest.mark.parametrize("power", EXPONENTS)
def test_a_power_of_a_gate_keeps_its_shape_and_adds_one_operation_per_entry(power):
    plain, raised = _gate(""), _gate(power)
    assert str(raised.cell_total) == str(plain.cell_total) == "2*d*n + n"   # tau is no parameter
    sizes = dict(d=3, n=5, T=4, B=2)
    a, b = plain.cost.evaluate(**sizes), raised.cost.evaluate(**sizes)
    assert b["flops_breakdown"]["elementwise"] - a["flops_breakdown"]["elementwise"] == 4 * 2 * 5  # T B n
    assert b["macs"] == a["macs"] and b["memory"] == a["memory"]


def test_the_function_is_raised_not_its_argument():
    # \sigma(z)^{1/\tau} is (\sigma(z))^{1/\tau}, as mathematics writes it; braces keep the argument's power
    eq = parse(r"$$ a_t = \sigma(W x_t)^{1/\tau} \\ b_t = \exp{(W x_t)^{2}} $$").equations
    assert isinstance(eq[0].rhs, N.Power) and isinstance(eq[0].rhs.arg, N.Apply)
    assert N.exponent_key(eq[0].rhs.exponent) == r"(1 divide \tau)"
    assert isinstance(eq[1].rhs, N.Apply) and isinstance(eq[1].rhs.arg, N.Power)


def test_the_exponents_constant_is_named_in_a_note():
    d = _gate(r"^{1/\tau}")
    assert any(r"\tau in the exponent" in n and "constant (the text sets it)" in n for n in d.shapes.notes)
    d = _gate(r"^{1/\tau}", prose=".")
    assert any(r"\tau in the exponent" in n and "gives it no value" in n for n in d.shapes.notes)


def test_a_learned_exponent_is_refused():
    with pytest.raises(SymcountError, match="a learned exponent is not counted"):
        _gate(r"^{1/\tau}", prose=r", where $\tau$ is a learnable temperature.")


def test_the_latex_writes_the_exponent_back():
    from symcount import api
    d = _gate(r"^{1/\tau}")
    tex = api.render(d, "latex")
    line = next(x for x in tex.splitlines() if r"^{1 / \tau}" in x)   # (\sigma(...))^{1 / \tau}, read back
    again = symcount.derive(GATE.format(power="", prose=r" and $\tau = 16$.").replace(
        r"\alpha_t = \sigma(W_\alpha x_t + b_\alpha)", line[line.index(r"\alpha_t"):].rstrip(" \\&")))
    assert str(again.cell_total) == str(d.cell_total)
    assert again.cost.evaluate(d=3, n=5, T=1, B=1) == d.cost.evaluate(d=3, n=5, T=1, B=1)


def test_the_torch_module_raises_to_the_exponent():
    from symcount import api
    code = api.torch_module(_gate(r"^{1/\tau}"))
    assert "** (1.0 / 16.0)" in code                      # \tau = 16, the value the text sets
    code = api.torch_module(_gate(r"^{1/\tau}", prose="."))
    assert "** (1.0 / self.tau)" in code and "tau: float" in code   # no value: the module's argument
    torch = pytest.importorskip("torch")
    ns: dict = {}
    exec(compile(code, "gate", "exec"), ns)
    cell = ns["Cell"](d=3, n=5, tau=16.0)
    assert sum(p.numel() for p in cell.parameters()) == _gate(r"^{1/\tau}").evaluate(d=3, n=5)
    y, _ = cell.forward_sequence(torch.randn(2, 4, 3))
    assert y.shape == (2, 4, 5)


# GLA as the paper writes it, for one head of H: Section 4.1's recurrence with rows (S_t =
# Diag(alpha_t) S_{t-1} + k_t^T v_t, o_t = q_t S_t) and Section 4.4's gate, verbatim; the LaTeX of
# both equations as public notes on the paper quote it (found with the search tool's corpora: "pages",
# "code"). Where fla's GatedLinearAttention differs from Section 4.4 (its output gate has no bias b_r;
# its norm is an RMSNorm whose gain the heads share, not a LayerNorm per head), the text writes what
# fla computes, as the built-in does; W_\alpha^1 (fla's gk_proj[0], d -> R) is shared by the heads.
GLA_PAPER = r"""% symcount: heads H
% symcount: shared W_\alpha^1
% symcount: shared g
% symcount: input x
% symcount: output y
$$ q_t = x_t W_Q, \quad k_t = x_t W_K, \quad v_t = x_t W_V $$
$$ S_t = \mathrm{Diag}(\alpha_t) S_{t-1} + k_t^T v_t, \quad o_t = q_t S_t $$
$$\alpha_t = \sigma\!\left(x_t W_\alpha^1 W_\alpha^2 + b_\alpha\right)^{1/\tau}$$
$$ r_t = \mathrm{Swish}(x_t W_r), \quad y_t = (r_t \odot \mathrm{RMSNorm}(o_t; g)) W_O $$
where $x_t, y_t \in \mathbb{R}^{1 \times d}$, $q_t, k_t, \alpha_t \in \mathbb{R}^{1 \times K}$,
$v_t, r_t \in \mathbb{R}^{1 \times V}$, $W_\alpha^1 \in \mathbb{R}^{d \times R}$, $S_t \in \mathbb{R}^{K \times V}$,
and $\tau = 16$ is a temperature term.
"""


@pytest.mark.parametrize("i", [0, 1])
def test_gla_as_the_paper_writes_it_equals_the_builtin_and_fla(i):
    sizes = M.SIZES["gla"][i]
    d, builtin = symcount.derive(GLA_PAPER), symcount.cell("gla")
    assert str(d.cell_total) == str(builtin.cell_total)
    assert d.evaluate(**sizes) == builtin.evaluate(**sizes) == M.formula("gla", sizes)
    # the same operations, in rows instead of columns, but one: the paper's gate is one head's
    # equation, so x_t W_\alpha^1 is computed by every head, where the built-in computes u_t = W_R x_t
    # once for all (fla's gk_proj[0]) and keeps it: H - 1 more R x d products, R fewer values kept
    T, B, (H, R, dm) = 3, 2, (sizes["H"], sizes["R"], sizes["d"])
    mine, theirs = d.cost.evaluate(T=T, B=B, **sizes), builtin.cost.evaluate(T=T, B=B, **sizes)
    assert mine["macs"] - theirs["macs"] == T * B * (H - 1) * R * dm
    assert mine["flops"] - theirs["flops"] == 2 * T * B * (H - 1) * R * dm
    assert {k: v for k, v in mine["flops_breakdown"].items() if k != "matrix"} == \
        {k: v for k, v in theirs["flops_breakdown"].items() if k != "matrix"}
    assert theirs["memory"]["activations"] - mine["memory"]["activations"] == 4 * T * B * R
    assert mine["memory"]["parameters"] == theirs["memory"]["parameters"]
    assert mine["memory"]["state"] == theirs["memory"]["state"]
    pytest.importorskip("torch")
    assert d.evaluate(**sizes) == M.count("gla", sizes)


def test_gla_as_the_paper_writes_it_costs_what_torch_counts():
    torch = pytest.importorskip("torch")
    from tests.torch_cells import count
    from tests.torch_modern import ModernUnrolled
    d, sizes = symcount.derive(GLA_PAPER), dict(M.SIZES["gla"][1])
    module = ModernUnrolled(torch, d, sizes)
    with torch.no_grad():
        seen = count(torch, lambda: module.run(3))
    cost = d.cost.evaluate(T=3, B=1, **sizes)
    by = cost["flops_breakdown"]
    assert seen.other == {}
    assert by["matrix"] == seen.matrix == 2 * cost["macs"]
    assert by["bias"] + by["elementwise"] == seen.elementwise
    assert by["activation"] == seen.activation and by["normalization"] == seen.normalization
    assert module.parameter_count() == d.evaluate(**sizes)


def test_a_norm_of_a_row_has_a_gain_per_entry():
    # LN(x_t W) with rows: torch.nn.LayerNorm(n) holds 2 n, not 2
    d = symcount.derive(r"$$ y_t = \mathrm{LN}(x_t W) $$ where $x_t \in \mathbb{R}^{1 \times d}$, "
                        r"$y_t \in \mathbb{R}^{1 \times n}$")
    torch = pytest.importorskip("torch")
    assert d.evaluate(d=3, n=5) == 3 * 5 + sum(p.numel() for p in torch.nn.LayerNorm(5).parameters())
