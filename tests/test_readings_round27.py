"""Issue 17, twenty-seventh round: notations the held-out set h35 and the waiting snippets showed. Counts against torch."""
from __future__ import annotations

import os

import pytest

import symcount

torch = pytest.importorskip("torch") if not os.environ.get("CI") else __import__("torch")
nn = torch.nn


def n_params(*modules) -> int:
    return sum(p.numel() for m in modules for p in m.parameters())


def test_a_kernel_written_with_a_matrix_to_a_steps_power_counts_that_matrix_once():
    text = ("A linear SSM\n$$\n  h_t = A h_{t-1} + B x_t, \\qquad y_t = C h_t\n$$\n"
            "expands to a convolution with \\(W_{\\Delta t} = C A^{\\Delta t} B\\), the shared matrices \\(A,B,C\\).\n")
    d = symcount.derive(text)
    # A (h x h), B (h x x), C (y x h): three bias-free linear maps
    assert d.evaluate(d_x=7, d_h=5, d_y=3) == n_params(nn.Linear(5, 5, bias=False), nn.Linear(7, 5, bias=False),
                                                       nn.Linear(5, 3, bias=False))
    assert any("to the power of a step's length" in n for n in d.shapes.notes)
    # a superscript that is an index stays a name of its own: W^{xh} beside W
    e = symcount.derive("$$h_t = \\tanh(W^{xh} x_t + W h_{t-1})$$")
    assert e.evaluate(d_x=7, d_h=5) == n_params(nn.Linear(7, 5, bias=False), nn.Linear(5, 5, bias=False))
