"""Issue 17, nineteenth round: what set h18's score showed. A state space written in continuous time and
again discretised, whose prose declares the discretisation's step (`The discretization parameter $\\Delta
\\in \\mathbb{R}$ is a scalar`): the step is one of the cell's values and is counted (S4's learned step),
unless its sentence says it is fixed. Counts against torch modules."""
from __future__ import annotations

import os

import pytest

import symcount
from symcount import api

torch = pytest.importorskip("torch") if not os.environ.get("CI") else __import__("torch")
nn = torch.nn


def n_params(*modules) -> int:
    return sum(p.numel() for m in modules for p in m.parameters())


SSM_STEP = r"""The continuous form

$$ h'(t) = \mathbf{A} h(t) + \mathbf{B} x(t), \qquad y(t) = \mathbf{C} h(t) $$

and the discrete one

$$ h_t = \bar{\mathbf{A}} h_{t-1} + \bar{\mathbf{B}} x_t, \qquad y_t = \bar{\mathbf{C}} h_t $$

where $x_t \in \mathbb{R}$, $y_t \in \mathbb{R}$ and $h_t \in \mathbb{R}^{N}$. The step size $\Delta \in \mathbb{R}$ STEP.
"""


class _S4Step(nn.Module):
    """A, B, C and a learned step (S4's log_dt, one per channel: one here, a single input)."""

    def __init__(self, n: int):
        super().__init__()
        self.A, self.B, self.C = nn.Parameter(torch.zeros(n, n)), nn.Parameter(torch.zeros(n, 1)), nn.Parameter(torch.zeros(1, n))
        self.log_dt = nn.Parameter(torch.zeros(1))


def test_a_discretised_state_space_counts_the_step_its_prose_declares():
    d = symcount.derive(SSM_STEP.replace("STEP", "is learned with the rest"))
    for n in (4, 9):
        assert d.evaluate(N=n) == n_params(_S4Step(n))
    assert "\\Delta" in {p.name for p in d.parameters}
    assert any("step of the discretisation" in note and "counted as a parameter" in note for note in d.shapes.notes)
    ns: dict = {}
    exec(compile(api.torch_module(d), "ssm", "exec"), ns)  # the module written for it holds the step too
    module = next(v for k, v in ns.items() if isinstance(v, type) and issubclass(v, nn.Module) and v is not nn.Module)
    assert n_params(module(N=6)) == d.evaluate(N=6)


def test_a_step_its_sentence_calls_fixed_is_not_counted():
    d = symcount.derive(SSM_STEP.replace("STEP", "is fixed"))
    assert "\\Delta" not in {p.name for p in d.parameters}
    assert d.evaluate(N=5) == n_params(_S4Step(5)) - 1
    assert any("not counted" in note and "fixed" in note for note in d.shapes.notes)


def test_a_step_the_text_never_names_leaves_the_count_of_the_continuous_form():
    d = symcount.derive(SSM_STEP.replace(r" The step size $\Delta \in \mathbb{R}$ STEP.", ""))
    assert d.evaluate(N=5) == n_params(_S4Step(5)) - 1
    assert not any("step of the discretisation" in note for note in d.shapes.notes)
