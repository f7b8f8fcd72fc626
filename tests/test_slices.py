"""Slices of a stacked signal as code writes them (`i = sigmoid(z[0:H])`, `gates[:, H:2H]`, `z[3*H:]`): read
as the pieces the signal is stacked of (read.slices), or refused where they do not tile it. Counts against
torch modules."""
from __future__ import annotations

import os
import subprocess
import sys

import pytest

import symcount
from symcount.errors import SymcountError

torch = pytest.importorskip("torch") if not os.environ.get("CI") else __import__("torch")
nn = torch.nn

NUMPY = """```python
z = np.dot(W, np.concatenate([h_prev, x])) + b
i = sigmoid(z[0:H])
f = sigmoid(z[H:2*H])
o = sigmoid(z[2*H:3*H])
g = np.tanh(z[3*H:4*H])
c = f * c_prev + i * g
h = o * np.tanh(c)
```
"""


def n_params(*modules) -> int:
    return sum(p.numel() for m in modules for p in m.parameters())


def test_slices_of_a_stacked_preactivation_are_its_pieces():
    d = symcount.derive(NUMPY, name="np.txt")
    for x, h in ((7, 5), (3, 11)):  # one W on [h; x], one bias: torch's LSTMCell without its second bias
        assert d.evaluate(d_x=x, H=h) == n_params(nn.LSTMCell(x, h)) - 4 * h
    note = next(n for n in d.shapes.notes if "is sliced" in n)
    assert "np.txt:3:13" in note and "[0:H] as z^{[1]}" in note and "4 pieces" in note
    assert str(d.shapes.signal("z").dim) == "4*H"


def test_the_last_axis_of_a_batch_of_rows_and_an_open_end():
    text = """/**
 * Forward:
 *   gates = x_t * W_ih + h_{t-1} * W_hh + bias      (4*hidden_size cols)
 *   i = sigmoid(gates[:, 0:H])
 *   f = sigmoid(gates[:, H:2H])
 *   g = tanh   (gates[:, 2H:3H])
 *   o = sigmoid(gates[:, 3H:])
 *   c_t = f ◦ c_{t-1} + i ◦ g
 *   h_t = o ◦ tanh(c_t)
 */"""
    d = symcount.derive(text, name="lstm.cpp")
    for x, h in ((7, 5), (2, 9)):
        assert d.evaluate(d_x=x, H=h) == n_params(nn.LSTMCell(x, h)) - 4 * h


def test_slices_that_leave_a_gap_are_refused():
    text = NUMPY.replace("z[H:2*H]", "z[2*H:3*H]")
    with pytest.raises(SymcountError) as err:
        symcount.derive(text, name="gap.txt")
    assert "do not tile it" in str(err.value) and "gap.txt:3:" in str(err.value)


def test_a_slice_of_a_signal_no_equation_defines_is_refused():
    text = NUMPY.replace("z = np.dot(W, np.concatenate([h_prev, x])) + b\n", "")
    with pytest.raises(SymcountError) as err:
        symcount.derive(text, name="w.txt")
    assert "which no equation read defines" in str(err.value)


def test_a_bound_that_is_no_size_is_refused_with_its_place():
    with pytest.raises(SymcountError) as err:
        symcount.derive(NUMPY.replace("z[H:2*H]", "z[H:2*H*H]"), name="b.txt")
    assert "b.txt:4:" in str(err.value) and "bound" in str(err.value)


def test_the_command_line_refuses_a_bad_slice_with_status_2():
    out = subprocess.run([sys.executable, "-m", "symcount", "derive", "-"], input=NUMPY.replace("z[H:2*H]", "z[2*H:3*H]"),
                         capture_output=True, text=True)
    assert out.returncode == 2 and "Traceback" not in out.stderr and "do not tile" in out.stderr


TORCH_CODE = """    def forward(self, x, state):
        h, c = state
        gates = self.W_ih @ x + self.b_ih + self.W_hh @ h + self.b_hh
        i = torch.sigmoid(gates[:self.hidden_size])
        f = torch.sigmoid(gates[self.hidden_size:2 * self.hidden_size])
        g = torch.tanh(gates[2 * self.hidden_size:3 * self.hidden_size])
        o = torch.sigmoid(gates[3 * self.hidden_size:])
        c = f * c + i * g
        h = o * torch.tanh(c)
        return h, (h, c)
"""


def test_slices_in_a_torch_forward_with_the_objects_sizes():
    d = symcount.derive(TORCH_CODE, name="cell.py")  # bounds written with self.hidden_size; the last one open
    for x, h in ((7, 5), (4, 6)):
        assert d.evaluate(d_x=x, hidden_size=h) == n_params(nn.LSTMCell(x, h))
